"""What the content calendar shows: the variants of a date range, filtered, one query each.

A variant sits on the day it was published, or else the day it is planned (stored times
begin with the institution's local day, see core/posts.py); an index on that expression
makes a month of a file with years of posts a lookup of that month only. Variants without a
date are ideas waiting for a day: `undated` lists them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core import timezone
from core.db import Database

_DAY = "COALESCE(v.published_at, v.planned_at)"


@dataclass(frozen=True)
class Filters:
    """Empty means "all". `text` matches the title, the master text and the variant's text."""

    account_ids: frozenset[int] = frozenset()
    platforms: frozenset[str] = frozenset()
    unit_ids: frozenset[int] = frozenset()
    statuses: frozenset[str] = frozenset()
    assignee_ids: frozenset[int] = frozenset()
    pillar_ids: frozenset[int] = frozenset()
    campaigns: frozenset[str] = frozenset()
    text: str = ""

    def is_empty(self) -> bool:
        return self == Filters()


@dataclass(frozen=True)
class Entry:
    """One variant as the calendar shows it (a chip, a row)."""

    variant_id: int
    post_id: int
    title: str
    status: str
    platform: str
    handle: str
    account_id: int
    #: ISO time with the institution's offset: published time if published, else planned.
    when: str | None
    unit_id: int | None
    assignee_id: int | None
    assignee: str
    pillar_id: int | None
    pillar: str
    campaign: str
    text: str = field(repr=False, default="")

    @property
    def at(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.when) if self.when else None

    @property
    def day(self) -> dt.date | None:
        return dt.date.fromisoformat(self.when[:10]) if self.when else None


_SELECT = f"""
    SELECT v.id, v.post_id, p.title, v.status, a.platform, a.handle, v.account_id,
           {_DAY} AS at, p.unit_id, p.owner_id, coalesce(m.name, ''), p.pillar_id,
           coalesce(pl.name, ''), p.campaign, v.text
    FROM post_variants v
    JOIN posts p ON p.id = v.post_id
    JOIN accounts a ON a.id = v.account_id
    LEFT JOIN members m ON m.id = p.owner_id
    LEFT JOIN pillars pl ON pl.id = p.pillar_id
"""


def _where(filters: Filters) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []

    def among(column: str, values: frozenset) -> None:
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(sorted(values))

    among("v.account_id", filters.account_ids)
    among("a.platform", filters.platforms)
    among("p.unit_id", filters.unit_ids)
    among("v.status", filters.statuses)
    among("p.owner_id", filters.assignee_ids)
    among("p.pillar_id", filters.pillar_ids)
    among("p.campaign", filters.campaigns)
    words = filters.text.split()
    for word in words:
        clauses.append(
            "(p.title LIKE ? ESCAPE '\\' OR p.text LIKE ? ESCAPE '\\' OR v.text LIKE ? ESCAPE '\\')"
        )
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params.extend([pattern] * 3)
    return clauses, params


def _entries(db: Database, rows) -> list[Entry]:
    tz = timezone.institution_zone(db)
    found = []
    for row in rows:
        when = row[7]
        if when:
            try:
                when = timezone.stored(when, tz)
            except ValueError:
                when = None
        found.append(Entry(*row[:7], when, *row[8:]))
    return found


def entries(
    db: Database,
    start: dt.date,
    end: dt.date,
    filters: Filters = Filters(),  # noqa: B008
) -> list[Entry]:
    """Variants on the days from `start` to `end` (inclusive), by time, then platform."""
    clauses, params = _where(filters)
    clauses[:0] = [f"{_DAY} >= ?", f"{_DAY} < ?"]
    params[:0] = [start.isoformat(), (end + dt.timedelta(days=1)).isoformat()]
    rows = db.query(
        f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY at, a.platform, v.id", tuple(params)
    )
    return _entries(db, rows)


def entry(db: Database, variant_id: int) -> Entry | None:
    """One variant as `entries` shows it (None if it is gone)."""
    rows = db.query(f"{_SELECT} WHERE v.id = ?", (variant_id,))
    return _entries(db, rows)[0] if rows else None


def undated(db: Database, filters: Filters = Filters(), limit: int = 200) -> list[Entry]:  # noqa: B008
    """Variants with no date yet (ideas waiting for a day), newest post first."""
    clauses, params = _where(filters)
    clauses.insert(0, f"{_DAY} IS NULL")
    rows = db.query(
        f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY v.post_id DESC, a.platform LIMIT ?",
        (*params, limit),
    )
    return _entries(db, rows)


def campaigns(db: Database) -> list[str]:
    """Campaign names in use, for the editor's completion and the filter."""
    return [
        row[0]
        for row in db.query(
            "SELECT DISTINCT campaign FROM posts WHERE campaign != '' ORDER BY campaign COLLATE NOCASE"
        )
    ]


def month_grid(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day a month view shows: whole weeks, Monday first (six rows)."""
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=first.weekday())
    return start, start + dt.timedelta(days=41)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)
