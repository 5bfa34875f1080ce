"""Domain settings stored in the database, each declared once with its type and default."""

from __future__ import annotations

from dataclasses import dataclass

from core import validate
from core.db import Database
from core.errors import ValidationError
from core.i18n import N_, _


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    title: str


SETTINGS = {
    s.key: s
    for s in (
        Setting("institution.name", str, "", N_("Institution name")),
        Setting("institution.short_name", str, "", N_("Institution short name")),
        Setting("persona.admin_nickname", str, "", N_("Nickname the admin uses for itself")),
        Setting("persona.audience_nickname", str, "", N_("Nickname for the audience")),
    )
}


def _setting(key: str) -> Setting:
    if key not in SETTINGS:
        raise ValidationError("key", key, _("unknown setting"))
    return SETTINGS[key]


def get(db: Database, key: str) -> object:
    setting = _setting(key)
    row = db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return setting.default
    return setting.kind(row[0])


def set(db: Database, key: str, value: object) -> None:  # noqa: A001 - reads as settings.set()
    setting = _setting(key)
    if setting.kind is str:
        value = validate.text(key, value, required=False, max_length=500)
    elif setting.kind is int:
        value = validate.count(key, value, required=True)
    with db.transaction():
        db.su["settings"].upsert({"key": key, "value": str(value)}, pk="key")
