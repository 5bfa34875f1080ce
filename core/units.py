"""Work units: the central humas bureau and the units that run accounts of their own."""

from __future__ import annotations

from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound
from core.i18n import _


@dataclass(frozen=True)
class Unit:
    id: int
    uid: str
    name: str
    short_name: str


def _row(row) -> Unit:
    return Unit(row["id"], row["uid"], row["name"], row["short_name"])


def create(db: Database, name: str, short_name: str = "") -> Unit:
    record = {
        "uid": new_uid(),
        "name": validate.text("name", name, max_length=200),
        "short_name": validate.text("short_name", short_name, required=False, max_length=40),
        "created_at": now_iso(),
    }
    with db.transaction():
        unit_id = db.su["units"].insert(record).last_pk
    return get(db, unit_id)


def get(db: Database, unit_id: int) -> Unit:
    row = db.conn.execute("SELECT * FROM units WHERE id = ?", (unit_id,)).fetchone()
    if row is None:
        raise NotFound(_("work unit"), unit_id)
    return _row(row)


def list_all(db: Database) -> list[Unit]:
    return [_row(r) for r in db.query("SELECT * FROM units ORDER BY name")]


def update(db: Database, unit_id: int, name: str, short_name: str = "") -> Unit:
    get(db, unit_id)
    record = {
        "name": validate.text("name", name, max_length=200),
        "short_name": validate.text("short_name", short_name, required=False, max_length=40),
    }
    with db.transaction():
        db.su["units"].update(unit_id, record)
    return get(db, unit_id)
