"""The sign-off sheet: the posts a leader approves on paper, each with its text, first image,
status and a line per approval level of its unit (gui/report/signoff.py draws it as a PDF).

A sheet is built for a range of planned days (the institution's local days, as the calendar
shows them; cancelled variants left out) or for variants chosen in the calendar. Its texts
are in the language current when it is built (`Sheet.language`), as a report's are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core import accounts, fmt, i18n, limits, posts, settings, timezone, workflow
from core.db import Database
from core.i18n import _


@dataclass(frozen=True)
class SignoffPost:
    """One variant as the sheet shows it."""

    variant_id: int
    post_id: int
    title: str
    #: "Instagram @bmsn_ri"
    account: str
    platform: str
    #: ISO time with the institution's offset, or None for an undated idea.
    planned_at: str | None
    #: "25 November 2026, 07.00 WIB"
    when: str
    #: The text as it goes out: the variant's text, then its hashtags.
    text: str
    #: The post's first image attachment, which may be missing or unreadable by now.
    image: str | None
    status: str
    status_title: str
    #: The titles of the approval levels of the post's unit, first first; empty: the unit
    #: needs no approval.
    levels: tuple[str, ...]

    @property
    def day(self) -> dt.date | None:
        return dt.date.fromisoformat(self.planned_at[:10]) if self.planned_at else None


@dataclass(frozen=True)
class Sheet:
    """What the sheet's header says, and its posts."""

    institution: str
    #: The days chosen, or those of the chosen posts (None when none has a date).
    start: dt.date | None
    end: dt.date | None
    #: The date printed on the sheet.
    today: dt.date
    language: str
    posts: tuple[SignoffPost, ...]

    @property
    def period(self) -> str:
        """ "30 November – 6 Desember 2026"; "" without dates."""
        if self.start is None or self.end is None:
            return ""
        with i18n.language_context(self.language):
            if self.start == self.end:
                return fmt.date_long(self.start)
            return fmt.week_range(self.start, self.end)


_SELECT = """
    SELECT v.id, v.post_id, p.title, p.unit_id, v.account_id, v.status, v.planned_at,
           v.text, v.hashtags
    FROM post_variants v JOIN posts p ON p.id = v.post_id
"""


def posts_between(
    db: Database,
    start: dt.date,
    end: dt.date,
    statuses: Iterable[str] = (),
    account_ids: Iterable[int] = (),
) -> list[SignoffPost]:
    """The variants planned from `start` to `end` (inclusive), not cancelled, soonest first;
    only those with one of `statuses` and on one of `account_ids` when given."""
    clauses = ["v.status != 'cancelled'", "substr(v.planned_at, 1, 10) BETWEEN ? AND ?"]
    params: list[object] = [start.isoformat(), end.isoformat()]
    for column, values in (("v.status", list(statuses)), ("v.account_id", list(account_ids))):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
    rows = db.query(f"{_SELECT} WHERE {' AND '.join(clauses)}", params)
    return _posts(db, rows)


def posts_of(db: Database, variant_ids: Iterable[int]) -> list[SignoffPost]:
    """The variants `variant_ids` as chosen (whatever their status), soonest first; ids of
    variants deleted meanwhile are left out."""
    ids = list(dict.fromkeys(variant_ids))
    if not ids:
        return []
    rows = db.query(f"{_SELECT} WHERE v.id IN ({', '.join('?' * len(ids))})", ids)
    return _posts(db, rows)


def _posts(db: Database, rows) -> list[SignoffPost]:
    tz = timezone.institution_zone(db)
    by_id = {a.id: a for a in accounts.list_all(db, include_archived=True)}
    levels: dict[int | None, tuple[str, ...]] = {}
    images: dict[int, str | None] = {}
    found = []
    for row in rows:
        (variant_id, post_id, title, unit_id, account_id, status, planned, text, tags) = row
        if unit_id not in levels:
            levels[unit_id] = tuple(level.title for level in workflow.levels_for_unit(db, unit_id))
        if post_id not in images:
            images[post_id] = next(
                (a.path for a in posts.attachments(db, post_id) if a.is_image), None
            )
        planned_at = _planned(planned, tz)
        found.append(
            SignoffPost(
                variant_id,
                post_id,
                title,
                _label(by_id[account_id]),
                by_id[account_id].platform,
                planned_at,
                _when(planned_at, tz),
                limits.compose(text, tags),
                images[post_id],
                status,
                posts.status_title(status),
                levels[unit_id],
            )
        )
    # Undated ideas last; at the same time, in the order of the accounts.
    return sorted(found, key=lambda p: (p.planned_at is None, p.planned_at or "", p.account))


def _label(account: accounts.Account) -> str:
    return f"{accounts.platform_title(account.platform)} {accounts.handle_text(account)}"


def _planned(value: str | None, tz: dt.tzinfo) -> str | None:
    if not value:
        return None
    try:
        return timezone.stored(value, tz)
    except ValueError:  # `check` reports a damaged time; the sheet shows the post undated
        return None


def _when(planned_at: str | None, tz: dt.tzinfo) -> str:
    if planned_at is None:
        return _("No date yet")
    moment = timezone.parse(planned_at, tz)
    return f"{fmt.date_long(moment)}, {fmt.time_short(moment)} {timezone.abbreviation(moment)}"


def sheet(
    db: Database,
    found: Iterable[SignoffPost],
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Sheet:
    """The sheet of `found` posts, printed `today`, for the days `start` to `end` (default:
    the first and last day the posts are planned on)."""
    found = tuple(found)
    days = [p.day for p in found if p.day is not None]
    if start is None and days:
        start = min(days)
    if end is None and days:
        end = max(days)
    return Sheet(
        str(settings.get(db, "institution.name")),
        start,
        end,
        today,
        i18n.current_language(),
        found,
    )
