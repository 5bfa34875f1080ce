"""The Indonesian calendar layer: public holidays and collective leave days (cuti bersama)
from the `holidays` package (offline, its own tables), the commemorative days the team posts
about (the `observances` table, the usual ones seeded from the demo's data file and editable),
and the institution's anniversary from its founding date.

    marks(db, start, end) -> {date: [DayMark, …]}     holidays first, then observances

Holiday names come in the interface's language (Indonesian, or English); observances are
the team's own words. A year's holidays are computed once per language and kept.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from core import settings, validate
from core.db import Database, new_uid, now_iso
from core.errors import ValidationError
from core.i18n import N_, _, current_language

#: What a mark is, in the order a day lists them.
KINDS = {
    "holiday": N_("Public holiday"),
    "leave": N_("Collective leave"),
    "anniversary": N_("Anniversary"),
    "observance": N_("Commemorative day"),
}
#: The `holidays` package's language for ours.
HOLIDAY_LANGUAGES = {"id": "id", "en": "en_US"}


@dataclass(frozen=True)
class DayMark:
    day: dt.date
    name: str
    #: "holiday", "leave" (cuti bersama), "anniversary" or "observance".
    kind: str

    @property
    def day_off(self) -> bool:
        """Offices are closed (a public holiday or collective leave)."""
        return self.kind in ("holiday", "leave")


def kind_title(kind: str) -> str:
    return _(KINDS[kind])


@functools.lru_cache(maxsize=32)
def _holidays(year: int, language: str) -> tuple[tuple[dt.date, str, str], ...]:
    import holidays

    found = []
    for categories, kind in ((("public",), "holiday"), (("government",), "leave")):
        table = holidays.country_holidays(
            "ID", years=year, categories=categories, language=language
        )
        found += [(day, name, kind) for day, name in table.items()]
    return tuple(sorted(found))


def holidays_between(start: dt.date, end: dt.date, language: str | None = None) -> list[DayMark]:
    """Public holidays and collective leave days from `start` to `end` (inclusive)."""
    language = HOLIDAY_LANGUAGES.get(language or current_language(), "id")
    return [
        DayMark(day, name, kind)
        for year in range(start.year, end.year + 1)
        for day, name, kind in _holidays(year, language)
        if start <= day <= end
    ]


# --- commemorative days ------------------------------------------------------------------


@dataclass(frozen=True)
class Observance:
    id: int
    month: int
    day: int
    name: str


def observances(db: Database) -> list[Observance]:
    return [
        Observance(row[0], row[1], row[2], row[3])
        for row in db.query(
            "SELECT id, month, day, name FROM observances ORDER BY month, day, name"
        )
    ]


def _check(month: object, day: object, name: object) -> tuple[int, int, str]:
    name = validate.text("name", name, max_length=120)
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError("month", month, _("a month from 1 to 12"))
    try:
        dt.date(2024, month, day)  # a leap year: 29 February is a day that recurs
    except (TypeError, ValueError) as error:
        raise ValidationError("day", day, _("no such day in that month")) from error
    return month, day, name


def add_observance(db: Database, month: int, day: int, name: str) -> Observance:
    month, day, name = _check(month, day, name)
    stamp = now_iso()
    with db.transaction():
        if db.conn.execute(
            "SELECT 1 FROM observances WHERE month = ? AND day = ? AND name = ?",
            (month, day, name),
        ).fetchone():
            raise ValidationError("name", name, _("this day is in the list already"))
        observance_id = db.conn.execute(
            "INSERT INTO observances (uid, month, day, name, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uid(), month, day, name, stamp, stamp),
        ).lastrowid
    return Observance(observance_id, month, day, name)


def update_observance(db: Database, observance_id: int, month: int, day: int, name: str) -> None:
    month, day, name = _check(month, day, name)
    with db.transaction():
        db.conn.execute(
            "UPDATE observances SET month = ?, day = ?, name = ?, updated_at = ? WHERE id = ?",
            (month, day, name, now_iso(), observance_id),
        )


def delete_observance(db: Database, observance_id: int) -> None:
    with db.transaction():
        db.conn.execute("DELETE FROM observances WHERE id = ?", (observance_id,))


def install_default(db: Database) -> None:
    """Give a file without commemorative days the usual ones (the demo data's list)."""
    if db.conn.execute("SELECT 1 FROM observances LIMIT 1").fetchone() is not None:
        return
    from core.demo_content import read_observances

    stamp = now_iso()
    db.conn.executemany(
        "INSERT OR IGNORE INTO observances (uid, month, day, name, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(new_uid(), o.month, o.day, o.name, stamp, stamp) for o in read_observances() if o.seed],
    )


# --- the institution's anniversary ----------------------------------------------------------


def founded(db: Database) -> dt.date | None:
    return settings.get(db, "institution.founded")


def set_founded(db: Database, day: dt.date | None) -> None:
    """The institution's founding date (None: not known), for its anniversary."""
    if day is None:
        with db.transaction():
            db.conn.execute("DELETE FROM settings WHERE key = 'institution.founded'")
        return
    settings.set(db, "institution.founded", day)


def _anniversaries(db: Database, start: dt.date, end: dt.date) -> list[DayMark]:
    born = founded(db)
    if born is None:
        return []
    name = settings.get(db, "institution.short_name") or settings.get(db, "institution.name")
    found = []
    for year in range(max(start.year, born.year + 1), end.year + 1):
        day = _same_day(year, born.month, born.day)
        if day is not None and start <= day <= end:
            found.append(
                DayMark(
                    day,
                    _("Anniversary of {name} ({n})").format(
                        name=name or _("the institution"), n=year - born.year
                    ),
                    "anniversary",
                )
            )
    return found


def _same_day(year: int, month: int, day: int) -> dt.date | None:
    """That month and day in `year`; 29 February is marked on 28 February in other years."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, 2, 28) if (month, day) == (2, 29) else None


# --- all marks ----------------------------------------------------------------------------


def marks(db: Database, start: dt.date, end: dt.date) -> dict[dt.date, list[DayMark]]:
    """Every mark from `start` to `end`, by day: holidays and collective leave, the
    anniversary, then commemorative days (a name the holidays already give is not repeated)."""
    found: dict[dt.date, list[DayMark]] = {}
    for mark in holidays_between(start, end) + _anniversaries(db, start, end):
        found.setdefault(mark.day, []).append(mark)
    # The team's days are in Indonesian: a holiday shown in English is still the same day.
    indonesian: dict[dt.date, set[str]] = {}
    for mark in holidays_between(start, end, "id"):
        indonesian.setdefault(mark.day, set()).add(mark.name.casefold())
    days = db.query("SELECT month, day, name FROM observances ORDER BY month, day, name")
    for year in range(start.year, end.year + 1):
        for month, day, name in days:
            when = _same_day(year, month, day)
            if when is None or not start <= when <= end:
                continue
            named = {m.name.casefold() for m in found.get(when, [])} | indonesian.get(when, set())
            if name.casefold() not in named:
                found.setdefault(when, []).append(DayMark(when, name, "observance"))
    return found


def populate_demo(db: Database, context) -> None:
    """The demo institution's founding day (its anniversary in the calendar)."""
    from core.demo_content import FOUNDING_YEAR

    set_founded(db, dt.date(FOUNDING_YEAR, 10, 8))
