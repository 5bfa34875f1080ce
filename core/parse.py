"""Reading numbers and dates as humas spreadsheets write them: Indonesian (76.670; 2,15%;
31/08/2019; "Agustus 2019") or English (76,670; 2.15%; 08/31/2019), from Excel or typed.

Everything here is pure and Qt-free; the import pipeline and the entry grid's paste use the
same rules. A cell that means "no value" (empty, "—", "-", "n/a", "undefined") reads as None,
never as zero; anything else that is not a number raises ValueError with the reason.
"""

from __future__ import annotations

import datetime as dt
import re

#: Cell texts that mean "no value" (compared without case and surrounding spaces).
NO_VALUE = frozenset({"", "-", "—", "–", "n/a", "na", "undefined", "null", "none", "#n/a"})

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov", "nop"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# 76.670, 1.234.567 (never with a leading 0: 0.500 is a half, not five hundred)
_GROUPED_DOT = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
_GROUPED_COMMA = re.compile(r"^[1-9]\d{0,2}(,\d{3})+$")  # 76,670


#: Month names and abbreviations, English and Indonesian → month number.
MONTHS = _MONTHS


def is_no_value(text: object) -> bool:
    return text is None or (isinstance(text, str) and text.strip().lower() in NO_VALUE)


def number(text: object, *, decimal: str | None = None) -> float | None:
    """A number from a cell: 76.670 and 76,670 (thousands), 2,15 and 2.15 (decimals), 1.234,5
    and 1,234.5, with spaces or non-breaking spaces as separators; None for "no value".

    A lone separator followed by exactly three digits (76.670, 76,670) is read as thousands:
    a count is far likelier than 76.67 in these files; `decimal` ("," or ".") overrides when
    the whole file is known to use one."""
    if isinstance(text, bool):
        raise ValueError("not a number")
    if isinstance(text, int | float):
        return float(text)
    if is_no_value(text):
        return None
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    negative = raw.startswith("-") or (raw.startswith("(") and raw.endswith(")"))
    raw = raw.strip("()").lstrip("+-")
    if not raw or not re.fullmatch(r"[\d.,]+", raw) or not raw[0].isdigit():
        raise ValueError(f"not a number: {text!r}")
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:  # both: the last one is the decimal separator
        decimal_sep = "." if raw.rfind(".") > raw.rfind(",") else ","
    elif dots > 1 or commas > 1:  # repeated: thousands
        decimal_sep = "," if dots else "."
    elif dots == 1 or commas == 1:
        sep = "." if dots else ","
        if decimal is not None:
            decimal_sep = decimal
        elif (_GROUPED_DOT if sep == "." else _GROUPED_COMMA).match(raw):
            decimal_sep = "," if sep == "." else "."  # 76.670 / 76,670: thousands
        else:
            decimal_sep = sep
    else:
        decimal_sep = "."
    thousands = "," if decimal_sep == "." else "."
    grouped = raw.split(decimal_sep)
    if len(grouped) > 2:
        raise ValueError(f"not a number: {text!r}")
    whole = grouped[0]
    if thousands in whole and not re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})+", whole):
        raise ValueError(f"not a number: {text!r}")
    value = float(whole.replace(thousands, "") + ("." + grouped[1] if len(grouped) == 2 else ""))
    return -value if negative else value


def count(text: object, *, decimal: str | None = None) -> int | None:
    """A whole, non-negative count (424.0 from X's exports is 424); None for "no value"."""
    value = number(text, decimal=decimal)
    if value is None:
        return None
    if value < 0:
        raise ValueError(f"negative: {text!r}")
    if not float(value).is_integer():
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


def percent(text: object) -> float | None:
    """A percentage as a fraction: "2,15%" and "2.15 %" are 0.0215; None for "no value"."""
    if isinstance(text, str) and text.strip().endswith("%"):
        value = number(text.strip()[:-1], decimal="," if "," in text else ".")
        return None if value is None else value / 100
    value = number(text)
    return value


DATE_ORDERS = ("dmy", "mdy", "ymd")


def date_candidates(text: object) -> dict[str, dt.date]:
    """Every reading of a date cell, by order: {"dmy": …, "mdy": …} (one entry when only one
    reading is possible; empty when none is). Excel serials and ISO dates read one way."""
    if isinstance(text, dt.datetime):
        return dict.fromkeys(DATE_ORDERS, text.date())
    if isinstance(text, dt.date):
        return dict.fromkeys(DATE_ORDERS, text)
    if isinstance(text, int | float) and not isinstance(text, bool):
        return dict.fromkeys(DATE_ORDERS, _serial(text))
    raw = str(text).strip()
    if re.fullmatch(r"\d{5}(\.\d+)?", raw):  # an Excel serial read as text
        return dict.fromkeys(DATE_ORDERS, _serial(float(raw)))
    raw = raw.split("T")[0].split(" ")[0] if re.match(r"\d{4}-\d{2}-\d{2}[T ]", raw) else raw
    # Excel writes a date-time cell as "20/11/2026 08:00": the day is what counts.
    raw = re.sub(r"\s+\d{1,2}[:.]\d{2}([:.]\d{2})?$", "", raw)
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", raw)
    if iso:
        return _only({"ymd": _date(*map(int, iso.groups()))})
    parts = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", raw)
    if parts:
        first, second, year = (int(p) for p in parts.groups())
        year += 2000 if year < 100 else 0
        found = {"dmy": _date(year, second, first), "mdy": _date(year, first, second)}
        return _only(found)
    words = re.fullmatch(r"(?:(\d{1,2})[\s-]+)?([A-Za-z]+)\.?[\s-]+(\d{4})", raw)
    if words and words.group(2).lower() in _MONTHS:
        day = int(words.group(1)) if words.group(1) else 1
        return _only({"dmy": _date(int(words.group(3)), _MONTHS[words.group(2).lower()], day)})
    return {}


def date(text: object, order: str | None = None) -> dt.date:
    """One date from a cell. `order` ("dmy", "mdy", "ymd") decides 03/04/2021; without it a
    date that reads two ways raises AmbiguousDate, and one that reads no way ValueError."""
    found = date_candidates(text)
    if not found:
        raise ValueError(f"not a date: {text!r}")
    values = set(found.values())
    if len(values) == 1:
        return values.pop()
    if order is None:
        raise AmbiguousDate(text)
    if order in found:
        return found[order]
    raise ValueError(f"not a date in the order {order}: {text!r}")


class AmbiguousDate(ValueError):
    """A date that reads two ways (03/04/2021): the day order must be chosen."""


def _serial(value: float) -> dt.date:
    if not 1 <= value < 2958466:
        raise ValueError(f"not a date: {value!r}")
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _only(found: dict[str, dt.date | None]) -> dict[str, dt.date]:
    return {order: value for order, value in found.items() if value is not None}
