"""Domain settings stored in the database, each declared once with its type and default.

A value is stored as canonical text and read back as its kind:

    str                 as typed (trimmed)
    bool                "true" / "false" (older files' "True"/"False", "1"/"0" are read too)
    int                 "-12", "76670"
    decimal.Decimal     "2.15" (plain notation, never an exponent)
    datetime.date       "2026-11-25"
    dict, list          JSON with sorted keys, e.g. {"a":1,"b":[true,null]}

`set` refuses a value that is not of its setting's kind (or not one of its `choices`) with a
ValidationError naming key and value. `get` never fails on what is stored: a text that does
not parse as its kind (written by hand, or by an older version) gives the default, and a
warning in the log.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import json
import logging
from dataclasses import dataclass

from core import figures, timezone, validate
from core.db import Database
from core.errors import ValidationError
from core.i18n import N_, _

log = logging.getLogger(__name__)

KINDS = (str, bool, int, decimal.Decimal, dt.date, dict, list)


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    title: str
    choices: tuple[tuple[object, str], ...] = ()
    """Allowed values with their titles before translation; empty: any value of the kind."""

    def __post_init__(self):
        assert self.kind in KINDS, self.kind


SETTINGS = {
    s.key: s
    for s in (
        Setting("institution.id", str, "", N_("Institution id")),
        Setting("institution.name", str, "", N_("Institution name")),
        Setting("institution.short_name", str, "", N_("Institution short name")),
        Setting("institution.founded", dt.date, None, N_("Founded on")),
        Setting("persona.admin_nickname", str, "", N_("Nickname the admin uses for itself")),
        Setting("persona.audience_nickname", str, "", N_("Nickname for the audience")),
        Setting("persona.greeting", str, "", N_("Greeting")),
        Setting("persona.signoff", str, "", N_("Sign-off")),
        Setting("persona.words_use", list, [], N_("Words to use")),
        Setting("persona.words_avoid", list, [], N_("Words to avoid")),
        Setting("persona.formal_phrases", list, [], N_("Formal phrases for informal platforms")),
        Setting("guidelines.pack_name", str, "", N_("Guideline pack name")),
        Setting("guidelines.since", str, "", N_("Checklist in force since")),
        Setting(
            "institution.timezone",
            str,
            timezone.DEFAULT_ZONE,
            N_("Institution time zone"),
            timezone.ZONES,
        ),
        Setting(
            "metrics.engagement_method",
            str,
            figures.DEFAULT_METHOD,
            N_("Engagement rate"),
            figures.METHODS,
        ),
    )
}


def _setting(key: str) -> Setting:
    if key not in SETTINGS:
        raise ValidationError("key", key, _("unknown setting"))
    return SETTINGS[key]


def choices(key: str) -> list[tuple[object, str]]:
    """(value, translated title) of a setting with a fixed list of values, e.g. for a combo box."""
    return [(value, _(title)) for value, title in _setting(key).choices]


def _bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ValueError(text)


def _integer(text: str) -> int:
    stripped = text.strip()
    if not stripped.lstrip("+-").isascii() or not stripped.lstrip("+-").isdecimal():
        raise ValueError(text)
    return int(stripped)


def _decimal(text: str) -> decimal.Decimal:
    try:
        value = decimal.Decimal(text.strip())
    except decimal.InvalidOperation as error:
        raise ValueError(text) from error
    if not value.is_finite():
        raise ValueError(text)
    return value


def _json(kind: type):
    def parse(text: str) -> object:
        value = json.loads(text)
        if not isinstance(value, kind):
            raise ValueError(text)
        return value

    return parse


_PARSERS = {
    str: str,
    bool: _bool,
    int: _integer,
    decimal.Decimal: _decimal,
    dt.date: dt.date.fromisoformat,
    dict: _json(dict),
    list: _json(list),
}


def _canonical(setting: Setting, value: object) -> str:
    """The text to store for `value`, or a ValidationError naming the key and the value."""
    key, kind = setting.key, setting.kind
    try:
        if kind is str:
            return validate.text(key, value, required=False, max_length=500)
        if kind is bool:
            return "true" if (value if isinstance(value, bool) else _bool(value)) else "false"
        if kind is int:
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise ValueError(value)
            return str(value if isinstance(value, int) else _integer(value))
        if kind is decimal.Decimal:
            if isinstance(value, bool) or not isinstance(
                value, decimal.Decimal | int | float | str
            ):
                raise ValueError(value)
            number = _decimal(str(value)) if not isinstance(value, decimal.Decimal) else value
            if not number.is_finite():
                raise ValueError(value)
            return format(number, "f")
        if kind is dt.date:
            if isinstance(value, dt.datetime):
                raise ValueError(value)
            return validate.date(key, value)
        # dict or list: JSON
        if kind is list and isinstance(value, tuple):
            value = list(value)
        if not isinstance(value, kind):
            raise ValueError(value)
        return json.dumps(
            value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
    except ValidationError:
        raise
    except (ValueError, TypeError, AttributeError) as error:
        reason = {
            bool: _("must be yes or no (true or false)"),
            int: _("must be a whole number"),
            decimal.Decimal: _("must be a number"),
            dt.date: _("not a date in the form YYYY-MM-DD"),
            dict: _("must be a mapping of names to values that JSON can hold"),
            list: _("must be a list of values that JSON can hold"),
        }[kind]
        raise ValidationError(key, value, reason) from error


def get(db: Database, key: str) -> object:
    """The stored value as its setting's kind, or the default (a copy, if it is a dict or list)."""
    setting = _setting(key)
    row = db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return copy.deepcopy(setting.default)
    try:
        value = _PARSERS[setting.kind](row[0])
        if setting.choices and value not in [allowed for allowed, _title in setting.choices]:
            raise ValueError(row[0])
    except (ValueError, TypeError):
        log.warning(
            "Setting %s holds %r, which is no valid %s; using the default %r",
            key,
            row[0],
            setting.kind.__name__,
            setting.default,
        )
        return copy.deepcopy(setting.default)
    return value


def set(db: Database, key: str, value: object) -> None:  # noqa: A001 - reads as settings.set()
    setting = _setting(key)
    text = _canonical(setting, value)
    if setting.choices:
        validate.choice(key, _PARSERS[setting.kind](text), tuple(v for v, _t in setting.choices))
    with db.transaction():
        old_zone = timezone.institution_zone(db) if key == "institution.timezone" else None
        if old_zone is not None and old_zone.key != text:
            # Stored post times carry the institution's offset (see core/timezone.py): move
            # them into the new zone in the same transaction, keeping each moment.
            from core import posts

            posts.restamp_times(db, old_zone, timezone.zone(text))
        db.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, text),
        )
