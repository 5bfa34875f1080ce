"""The institution's time zone, and times stored with their UTC offset.

Planned and published times are stored as ISO 8601 text with the offset of the institution's
zone, e.g. "2026-11-25T09:00:00+07:00" for WIB. Invariant: every stored time is written in the
institution's zone (a time given in another offset is converted first), so its first ten
characters are the institution's local day, and SQL may filter and sort by day with
substr(planned_at, 1, 10) and plain text order. Older files hold naive local times
("2026-11-25T09:00:00"): those are read as institution-local time, which keeps both true.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools
import zoneinfo

from core.i18n import N_, _

DEFAULT_ZONE = "Asia/Jakarta"

ZONES = (
    ("Asia/Jakarta", N_("WIB (Asia/Jakarta)")),
    ("Asia/Makassar", N_("WITA (Asia/Makassar)")),
    ("Asia/Jayapura", N_("WIT (Asia/Jayapura)")),
)
"""The zones an institution may choose: (IANA key, title before translation)."""


def choices() -> list[tuple[str, str]]:
    """(IANA key, translated title) for a settings dialog's list, western zone first."""
    return [(key, _(title)) for key, title in ZONES]


@functools.cache
def zone(key: str = DEFAULT_ZONE) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(key)


def institution_zone(db) -> zoneinfo.ZoneInfo:
    """The zone set under "institution.timezone" (WIB unless chosen otherwise)."""
    from core import settings  # settings lists this module's zones

    return zone(str(settings.get(db, "institution.timezone")))


def parse(value: dt.datetime | str, tz: dt.tzinfo) -> dt.datetime:
    """An aware datetime in `tz`. A naive datetime, or text without an offset, is `tz`'s
    local time; an aware one is converted. Raises ValueError for text that is no ISO time."""
    if isinstance(value, str):
        text = value.strip()
        with contextlib.suppress(ValueError):
            value = dt.datetime.fromisoformat(text)
        if isinstance(value, str):
            raise ValueError(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def stored(value: dt.datetime | str, tz: dt.tzinfo) -> str:
    """The text to store: whole seconds, in `tz`, with its offset (2026-11-25T09:00:00+07:00)."""
    return parse(value, tz).replace(microsecond=0).isoformat()


def abbreviation(moment: dt.datetime) -> str:
    """WIB, WITA, WIT for Indonesia's zones; the zone's own short name (or UTC+hh:mm) otherwise."""
    return moment.tzname() or moment.strftime("%z")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier if negative), kept inside a shorter month
    (31 August + 1 month = 30 September)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def today(db) -> dt.date:
    """The institution's date now (WIT is already tomorrow while a laptop on WIB says today)."""
    return dt.datetime.now(institution_zone(db)).date()


def latest_today(db) -> dt.date:
    """The latest date that is today somewhere that matters (the institution or this computer):
    a date after it lies in the future."""
    return max(dt.date.today(), today(db))
