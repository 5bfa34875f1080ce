"""Team members and their roles. Each account has one responsible member."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import N_, _

ROLES = ("admin", "editor", "approver", "expert")
ROLE_TITLES = {
    "admin": N_("Administrator"),
    "editor": N_("Editor"),
    "approver": N_("Approver"),
    "expert": N_("Subject expert"),
}


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+(0-9][0-9 ()\-.]{4,}$")


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
    #: Contact, as text (an office e-mail address, a phone or WhatsApp number).
    email: str = ""
    phone: str = ""


def _row(row) -> Member:
    return Member(
        row["id"],
        row["uid"],
        row["name"],
        row["role"],
        row["unit_id"],
        bool(row["active"]),
        row["email"],
        row["phone"],
    )


def _email(value: object) -> str:
    text = validate.text("email", value, required=False, max_length=200)
    if text and not _EMAIL.match(text):
        raise ValidationError("email", text, _("not an e-mail address (name@domain)"))
    return text


def _phone(value: object) -> str:
    text = validate.text("phone", value, required=False, max_length=40)
    if text and not _PHONE.match(text):
        raise ValidationError(
            "phone", text, _("a phone number has digits, spaces, +, - and brackets only")
        )
    return text


def create(
    db: Database,
    name: str,
    role: str,
    unit_id: int | None = None,
    active: bool = True,
    email: str = "",
    phone: str = "",
) -> Member:
    record = {
        "uid": new_uid(),
        "name": validate.text("name", name, max_length=200),
        "role": validate.choice("role", role, ROLES),
        "unit_id": validate.reference(db, "unit_id", unit_id, "units"),
        "active": 1 if active else 0,
        "email": _email(email),
        "phone": _phone(phone),
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
    db: Database,
    member_id: int,
    name: str,
    role: str,
    unit_id: int | None,
    active: bool,
    email: object = ...,
    phone: object = ...,
) -> Member:
    """Change a member (contact only if given). Deactivating a member who is responsible for
    accounts leaves them so: use `deactivate` to hand them to someone first."""
    get(db, member_id)
    record = {
        "name": validate.text("name", name, max_length=200),
        "role": validate.choice("role", role, ROLES),
        "unit_id": validate.reference(db, "unit_id", unit_id, "units"),
        "active": 1 if active else 0,
    }
    if email is not ...:
        record["email"] = _email(email)
    if phone is not ...:
        record["phone"] = _phone(phone)
    with db.transaction():
        db.su["members"].update(member_id, record)
    return get(db, member_id)


def accounts_held(db: Database, member_id: int) -> list[int]:
    """Ids of the (not archived) accounts this member is responsible for."""
    rows = db.query(
        "SELECT id FROM accounts WHERE responsible_id = ? AND archived = 0 ORDER BY id",
        (member_id,),
    )
    return [r[0] for r in rows]


def deactivate(db: Database, member_id: int, successor_id: int | None) -> list[int]:
    """Mark a member inactive and hand their accounts to `successor_id` (None: nobody yet),
    in one transaction. Returns the ids of the accounts handed over."""
    get(db, member_id)
    if successor_id is not None:
        successor = get(db, validate.reference(db, "successor_id", successor_id, "members"))
        if successor.id == member_id or not successor.active:
            raise ValidationError(
                "successor_id", successor_id, _("choose another, active team member")
            )
    held = accounts_held(db, member_id)
    with db.transaction():
        db.conn.execute("UPDATE members SET active = 0 WHERE id = ?", (member_id,))
        db.conn.execute(
            "UPDATE accounts SET responsible_id = ? WHERE responsible_id = ? AND archived = 0",
            (successor_id, member_id),
        )
    return held
