"""Numbers and dates the way the user's language writes them (76.670; 2,15%; 9 Desember 2021)."""

from __future__ import annotations

import datetime as dt

from babel import dates as bdates
from babel import numbers as bnumbers

from core import timezone
from core.i18n import babel_locale

_patterns: dict[str, bnumbers.NumberPattern] = {}


def _pattern(text: str) -> bnumbers.NumberPattern:
    """A number pattern, parsed once (Babel parses its text on every call otherwise)."""
    found = _patterns.get(text)
    if found is None:
        found = _patterns[text] = bnumbers.parse_pattern(text)
    return found


def number(value: int | float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _pattern(pattern).apply(value, babel_locale())


def signed(value: int | float | None, digits: int = 0) -> str:
    """A change, always with its sign: +24.370, −617, ±0."""
    if value is None:
        return "–"
    if value == 0:
        return "±0"
    text = number(abs(value), digits)
    return ("+" if value > 0 else "−") + text


def signed_percent(fraction: float | None, digits: int = 1) -> str:
    """A relative change, always with its sign: 0.466 -> "+46,6%"."""
    if fraction is None:
        return "–"
    if fraction == 0:
        return "±" + percent(0, digits)
    return ("+" if fraction > 0 else "−") + percent(abs(fraction), digits)


def percent(fraction: float | None, digits: int = 2) -> str:
    """A fraction as a percentage: 0.0215 -> "2,15%"."""
    if fraction is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return _pattern(pattern).apply(fraction, babel_locale())


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def date_long(value: dt.date | str) -> str:
    """9 Desember 2021"""
    return bdates.format_date(_as_date(value), format="long", locale=babel_locale())


def date_short(value: dt.date | str) -> str:
    """9 Des 2021"""
    return bdates.format_date(_as_date(value), format="medium", locale=babel_locale())


def month_year(value: dt.date | str) -> str:
    """Desember 2021"""
    return bdates.format_skeleton("yMMMM", _as_date(value), locale=babel_locale())


def month_short(value: dt.date | str) -> str:
    """Des 2021 (a chart's month tick)"""
    return bdates.format_skeleton("yMMM", _as_date(value), locale=babel_locale())


def day_month(value: dt.date | str) -> str:
    """9 Des (a chart's day tick; "Dec 9" in English)"""
    return bdates.format_skeleton("MMMd", _as_date(value), locale=babel_locale())


def week_range(start: dt.date, end: dt.date) -> str:
    """23–29 November 2026; 30 November – 6 Desember 2026; 28 Desember 2026 – 3 Januari 2027"""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_long(end)}"
    if start.year == end.year:
        day_month = bdates.format_skeleton("MMMMd", start, locale=babel_locale())
        return f"{day_month} – {date_long(end)}"
    return f"{date_long(start)} – {date_long(end)}"


def weekday_date(value: dt.date | str) -> str:
    """Kam, 9 Des"""
    return bdates.format_skeleton("MMMEd", _as_date(value), locale=babel_locale())


def time_short(value: dt.datetime | dt.time | str) -> str:
    """14.05 in Indonesian, 14:05 in English."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.time()
    return bdates.format_time(value, format="short", locale=babel_locale())


def datetime_short(value: dt.datetime | str) -> str:
    """9 Des 2021 14.05"""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    date_part = bdates.format_date(value.date(), format="medium", locale=babel_locale())
    time_part = bdates.format_time(value.time(), format="short", locale=babel_locale())
    return f"{date_part} {time_part}"


def datetime_in_zone(value: dt.datetime | str, tz: dt.tzinfo | str) -> str:
    """A moment in the institution's zone `tz` (a tzinfo or an IANA key such as "Asia/Jakarta"),
    with the zone's abbreviation: "25 Nov 2026 09.00 WIB" (Indonesian), "Nov 25, 2026 9:00 AM
    WIB" (English). A naive value, or text without an offset, is taken as `tz`-local time."""
    if isinstance(tz, str):
        tz = timezone.zone(tz)
    moment = timezone.parse(value, tz)
    return f"{datetime_short(moment)} {timezone.abbreviation(moment)}"


def sentence(text: str) -> str:
    """A message as a sentence: capital first, full stop last."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def shortened(text: str, limit: int) -> str:
    """`text` cut at a word to at most `limit` characters, with "…" when it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"
