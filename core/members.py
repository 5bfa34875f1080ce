"""Team members and their roles. Each account has one responsible member."""

from __future__ import annotations

from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound
from core.i18n import N_, _

ROLES = ("admin", "editor", "approver", "expert")
ROLE_TITLES = {
    "admin": N_("Administrator"),
    "editor": N_("Editor"),
    "approver": N_("Approver"),
    "expert": N_("Subject expert"),
}


def role_title(role: str) -> str:
    return _(ROLE_TITLES[role])


@dataclass(frozen=True)
class Member:
    id: int
    uid: str
    name: str
    role: str
    unit_id: int | None
    active: bool


def _row(row) -> Member:
    return Member(
        row["id"], row["uid"], row["name"], row["role"], row["unit_id"], bool(row["active"])
    )


def create(
    db: Database, name: str, role: str, unit_id: int | None = None, active: bool = True
) -> Member:
    record = {
        "uid": new_uid(),
        "name": validate.text("name", name, max_length=200),
        "role": validate.choice("role", role, ROLES),
        "unit_id": validate.reference(db, "unit_id", unit_id, "units"),
        "active": 1 if active else 0,
        "created_at": now_iso(),
    }
    with db.transaction():
        member_id = db.su["members"].insert(record).last_pk
    return get(db, member_id)


def get(db: Database, member_id: int) -> Member:
    row = db.conn.execute("SELECT * FROM members WHERE id = ?", (member_id,)).fetchone()
    if row is None:
        raise NotFound(_("member"), member_id)
    return _row(row)


def list_all(db: Database, include_inactive: bool = False) -> list[Member]:
    where = "" if include_inactive else "WHERE active = 1"
    return [_row(r) for r in db.query(f"SELECT * FROM members {where} ORDER BY name")]


def update(
    db: Database, member_id: int, name: str, role: str, unit_id: int | None, active: bool
) -> Member:
    get(db, member_id)
    record = {
        "name": validate.text("name", name, max_length=200),
        "role": validate.choice("role", role, ROLES),
        "unit_id": validate.reference(db, "unit_id", unit_id, "units"),
        "active": 1 if active else 0,
    }
    with db.transaction():
        db.su["members"].update(member_id, record)
    return get(db, member_id)
