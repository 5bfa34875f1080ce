"""Cadence at a glance: per account, the posts planned this week and next against a target
of posts per week the team sets, and the days of the next two weeks with nothing planned.

Counted: variants not cancelled, on the day they are planned (or went out), in the
institution's zone (stored times carry its offset, so the text's date is the local day).
Weeks start on Monday, as the calendar's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core import accounts
from core.db import Database
from core.errors import ValidationError
from core.i18n import _

#: The days ahead (today included) whose gaps the calendar and Beranda show.
HORIZON = 14
MOST_PER_WEEK = 100


@dataclass(frozen=True)
class Cadence:
    account: accounts.Account
    #: Posts per week the team aims at (None: no target set).
    target: int | None
    this_week: int
    next_week: int
    #: Days from today over the next two weeks with nothing planned on this account.
    empty_days: tuple[dt.date, ...]

    @property
    def below(self) -> bool:
        """Fewer posts planned this week or next than the target."""
        return bool(self.target) and min(self.this_week, self.next_week) < self.target


def target(db: Database, account_id: int) -> int | None:
    row = db.conn.execute(
        "SELECT posts_per_week FROM accounts WHERE id = ?", (account_id,)
    ).fetchone()
    if row is None:
        raise ValidationError("account_id", account_id, _("no such account"))
    return row[0]


def set_target(db: Database, account_id: int, per_week: int | None) -> None:
    """The account's target of posts per week (None or 0: none)."""
    target(db, account_id)
    if per_week is not None and (
        isinstance(per_week, bool)
        or not isinstance(per_week, int)
        or not 0 <= per_week <= MOST_PER_WEEK
    ):
        raise ValidationError(
            "posts_per_week",
            per_week,
            _("a whole number from 0 to {most}").format(most=MOST_PER_WEEK),
        )
    with db.transaction():
        db.conn.execute(
            "UPDATE accounts SET posts_per_week = ? WHERE id = ?", (per_week or None, account_id)
        )


def _planned_days(
    db: Database, start: dt.date, end: dt.date, account_ids: list[int] | None
) -> dict[int, list[dt.date]]:
    """The days each account has a variant on, from `start` to `end`."""
    # The range on COALESCE(published_at, planned_at) itself, as its index is built.
    rows = db.query(
        """SELECT v.account_id, substr(COALESCE(v.published_at, v.planned_at), 1, 10)
           FROM post_variants v
           WHERE COALESCE(v.published_at, v.planned_at) >= ?
             AND COALESCE(v.published_at, v.planned_at) < ? AND v.status != 'cancelled'""",
        (start.isoformat(), (end + dt.timedelta(days=1)).isoformat()),
    )
    found: dict[int, list[dt.date]] = {}
    for account_id, day in rows:
        if account_ids is None or account_id in account_ids:
            found.setdefault(account_id, []).append(dt.date.fromisoformat(day))
    return found


def overview(db: Database, today: dt.date) -> list[Cadence]:
    """Every account of ours in use, with its week counts and empty days."""
    monday = today - dt.timedelta(days=today.weekday())
    end = max(monday + dt.timedelta(days=13), today + dt.timedelta(days=HORIZON - 1))
    ours = [a for a in accounts.list_all(db) if not a.peer]
    days = _planned_days(db, monday, end, [a.id for a in ours])
    targets = dict(db.query("SELECT id, posts_per_week FROM accounts"))
    horizon = [today + dt.timedelta(days=i) for i in range(HORIZON)]
    result = []
    for account in ours:
        planned = days.get(account.id, [])
        this_week = sum(1 for day in planned if monday <= day < monday + dt.timedelta(days=7))
        next_week = sum(
            1
            for day in planned
            if monday + dt.timedelta(days=7) <= day < monday + dt.timedelta(days=14)
        )
        taken = set(planned)
        result.append(
            Cadence(
                account,
                targets.get(account.id),
                this_week,
                next_week,
                tuple(day for day in horizon if day not in taken),
            )
        )
    return result


def empty_days(db: Database, today: dt.date, account_ids: list[int] | None = None) -> set[dt.date]:
    """The days of the next two weeks (from today) with nothing planned on any of the
    accounts (None: any account of ours)."""
    end = today + dt.timedelta(days=HORIZON - 1)
    if account_ids is None:
        account_ids = [a.id for a in accounts.list_all(db) if not a.peer]
    taken = {day for days in _planned_days(db, today, end, account_ids).values() for day in days}
    return {today + dt.timedelta(days=i) for i in range(HORIZON)} - taken


#: The demo's targets per week, by platform (the regional office's accounts: fewer).
_DEMO_TARGETS = {"instagram": 5, "facebook": 4, "x": 5, "youtube": 1, "tiktok": 3}


def populate_demo(db: Database, context) -> None:
    """Targets for the demo's accounts: the central ones by platform, the regional ones 2."""
    central = set(context.account_ids.values()) - {
        v for k, v in context.account_ids.items() if ":" in k
    }
    for account in accounts.list_all(db):
        if account.peer:
            continue
        per_week = _DEMO_TARGETS.get(account.platform, 2) if account.id in central else 2
        set_target(db, account.id, per_week)
