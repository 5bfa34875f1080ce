"""Reporting periods: a calendar month, a quarter, a year, or two dates; their ranges and
titles ("November 2026", "Triwulan IV 2026", "2026"), and the recent ones a report chooses
among."""

from __future__ import annotations

import datetime as dt

from core import fmt, timezone
from core.errors import ValidationError
from core.i18n import N_, _

KINDS = (
    ("month", N_("Month")),
    ("quarter", N_("Quarter")),
    ("year", N_("Year")),
    ("custom", N_("Custom dates")),
)
KIND_NAMES = tuple(kind for kind, _title in KINDS)
ROMAN = ("I", "II", "III", "IV")


def kind_title(kind: str) -> str:
    return _(dict(KINDS)[kind])


def month(year: int, number: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, number, 1)
    return first, timezone.add_months(first, 1) - dt.timedelta(days=1)


def quarter(year: int, number: int) -> tuple[dt.date, dt.date]:
    if not 1 <= number <= 4:
        raise ValidationError("quarter", number, _("a quarter is 1 to 4"))
    first = dt.date(year, 3 * number - 2, 1)
    return first, timezone.add_months(first, 3) - dt.timedelta(days=1)


def year(number: int) -> tuple[dt.date, dt.date]:
    return dt.date(number, 1, 1), dt.date(number, 12, 31)


def title(kind: str, start: dt.date, end: dt.date) -> str:
    """ "November 2026", "Triwulan IV 2026", "2026", or "1 Jan 2026 – 15 Mar 2026"."""
    if kind == "month":
        return fmt.month_year(start)
    if kind == "quarter":
        return _("Quarter {number} {year}").format(
            number=ROMAN[(start.month - 1) // 3], year=start.year
        )
    if kind == "year":
        return str(start.year)
    return f"{fmt.date_short(start)} – {fmt.date_short(end)}"


def recent(kind: str, today: dt.date, count: int = 12) -> list[tuple[dt.date, dt.date]]:
    """The `count` periods of `kind` up to the one holding `today`, newest first."""
    if kind == "month":
        return [
            month(day.year, day.month)
            for day in (timezone.add_months(today.replace(day=1), -i) for i in range(count))
        ]
    if kind == "quarter":
        index = today.year * 4 + (today.month - 1) // 3
        return [quarter((index - i) // 4, (index - i) % 4 + 1) for i in range(count)]
    if kind == "year":
        return [year(today.year - i) for i in range(count)]
    raise ValidationError("kind", kind, _("unknown period"))


def default(kind: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period a report most likely wants: the last full month (a monthly report is
    written in the first days of the next), this quarter, this year."""
    if kind == "month":
        return recent("month", today, 2)[1]
    return recent(kind, today, 1)[0]
