"""Checks shared by the domain modules; each failure names the field and the bad value."""

from __future__ import annotations

import contextlib
import datetime as dt

from core import timezone
from core.errors import ValidationError
from core.i18n import _

MAX_COUNT = 2**63 - 1  # SQLite's largest integer


def text(field: str, value: object, *, required: bool = True, max_length: int = 2000) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, value, _("must be text"))
    value = value.strip()
    if required and not value:
        raise ValidationError(field, value, _("must not be empty"))
    if len(value) > max_length:
        raise ValidationError(
            field, value[:40] + "…", _("longer than {n} characters").format(n=max_length)
        )
    return value


def choice(field: str, value: object, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValidationError(
            field, value, _("must be one of: {choices}").format(choices=", ".join(allowed))
        )
    return value  # type: ignore[return-value]


def date(
    field: str, value: object, *, required: bool = True, latest: dt.date | None = None
) -> str | None:
    """A calendar date as ISO text (YYYY-MM-DD); with `latest`, none after that day."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, value, _("a date is required"))
        return None
    day = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(value.strip())
    if day is None:
        raise ValidationError(field, value, _("not a date in the form YYYY-MM-DD"))
    if latest is not None and day > latest:
        raise ValidationError(field, day.isoformat(), _("lies in the future"))
    return day.isoformat()


def datetime(
    field: str, value: object, *, required: bool = False, tz: dt.tzinfo | None = None
) -> str | None:
    """A moment as ISO text with the UTC offset of `tz` (YYYY-MM-DDTHH:MM:SS+07:00).

    `tz` is the institution's zone (`core.timezone.institution_zone(db)`; WIB if None). A naive
    datetime, or text without an offset, is local time in `tz`; an aware one (e.g. an export's
    UTC time) is converted to `tz`, so the stored text always starts with `tz`'s local day.
    """
    if value is None or value == "":
        if required:
            raise ValidationError(field, value, _("a date and time are required"))
        return None
    if isinstance(value, str | dt.datetime):
        with contextlib.suppress(ValueError):
            return timezone.stored(value, tz or timezone.zone())
    raise ValidationError(field, value, _("not a date and time in the form YYYY-MM-DD HH:MM"))


def count(field: str, value: object, *, required: bool = False) -> int | None:
    """A non-negative whole number; floats that are whole (e.g. 424.0 from X exports) are accepted."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, value, _("a number is required"))
        return None
    if isinstance(value, bool):
        raise ValidationError(field, value, _("must be a whole number"))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdecimal():
        value = int(value.strip())
    if not isinstance(value, int):
        raise ValidationError(field, value, _("must be a whole number"))
    if value < 0:
        raise ValidationError(field, value, _("must not be negative"))
    if value > MAX_COUNT:
        raise ValidationError(field, value, _("too large to be a real count"))
    return value


_REFERENCE_TABLES = {"units", "members", "accounts", "posts", "post_variants"}


def reference(db, field: str, value: object, table: str, *, required: bool = False) -> int | None:
    """The id of an existing row in `table` (a unit, member, account…), or None if allowed."""
    assert table in _REFERENCE_TABLES
    if value is None:
        if required:
            raise ValidationError(field, value, _("must be chosen"))
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, value, _("must be a row id"))
    if db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (value,)).fetchone() is None:
        raise ValidationError(field, value, _("no such entry"))
    return value
