"""What the home tab shows: each of our accounts' latest followers and growth since the year
began."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core import accounts, metrics
from core.db import Database


@dataclass(frozen=True)
class AccountSummary:
    account: accounts.Account
    followers: int | None
    followers_date: str | None
    growth: metrics.Growth | None


def account_summaries(db: Database, today: dt.date) -> list[AccountSummary]:
    """Our own accounts (not archived): another institution's (peers), kept for comparison in
    charts and reports, have no card of their own."""
    year_start = dt.date(today.year, 1, 1).isoformat()
    result = []
    for account in accounts.list_all(db):
        if account.peer:
            continue
        latest = metrics.followers_on(db, account.id, today.isoformat())
        growth = metrics.growth_between(db, account.id, year_start, today.isoformat())
        result.append(
            AccountSummary(
                account, latest[1] if latest else None, latest[0] if latest else None, growth
            )
        )
    return result


def has_data(db: Database) -> bool:
    return (
        db.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM posts)"
        ).fetchone()[0]
        == 1
    )
