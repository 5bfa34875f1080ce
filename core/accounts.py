"""The institution's official accounts, one per platform and handle."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import _

PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok", "other")
PLATFORM_TITLES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "other": "",
}


def platform_title(platform: str) -> str:
    return PLATFORM_TITLES.get(platform) or _("Other")


@dataclass(frozen=True)
class Account:
    id: int
    uid: str
    platform: str
    handle: str
    display_name: str
    unit_id: int | None
    responsible_id: int | None
    url: str
    start_date: str | None
    archived: bool


@dataclass(frozen=True)
class AccountRow:
    """An account as the accounts table shows it: names resolved, latest followers attached."""

    account: Account
    unit_name: str
    responsible_name: str
    followers: int | None
    followers_date: str | None


def _row(row) -> Account:
    return Account(
        row["id"],
        row["uid"],
        row["platform"],
        row["handle"],
        row["display_name"],
        row["unit_id"],
        row["responsible_id"],
        row["url"],
        row["start_date"],
        bool(row["archived"]),
    )


EDITABLE = ("platform", "handle", "display_name", "unit_id", "responsible_id", "url", "start_date")


def _bare_handle(value: object) -> object:
    """ "@humas_kota" and " humas_kota " are both the handle humas_kota."""
    return value.strip().lstrip("@").strip() if isinstance(value, str) else value


def _clean(db: Database, fields: dict) -> dict:
    """Validate the given editable fields; each failure names the field and its value."""
    cleaners = {
        "platform": lambda v: validate.choice("platform", v, PLATFORMS),
        "handle": lambda v: validate.text("handle", _bare_handle(v), max_length=100),
        "display_name": lambda v: validate.text("display_name", v, required=False, max_length=200),
        "unit_id": lambda v: validate.reference(db, "unit_id", v, "units"),
        "responsible_id": lambda v: validate.reference(db, "responsible_id", v, "members"),
        "url": lambda v: validate.text("url", v, required=False, max_length=500),
        "start_date": lambda v: validate.date("start_date", v, required=False),
    }
    unknown = set(fields) - set(cleaners)
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(name, fields[name], _("not a field of an account"))
    return {key: cleaners[key](value) for key, value in fields.items()}


def _write(db: Database, handle: str, write) -> int:
    try:
        with db.transaction():
            return write()
    except sqlite3.IntegrityError as exc:
        if "UNIQUE" in str(exc):
            raise ValidationError(
                "handle", handle, _("this platform already has an account with this handle")
            ) from exc
        raise ValidationError(
            "handle", handle, _("not accepted by the database ({detail})").format(detail=exc)
        ) from exc


def create(
    db: Database,
    platform: str,
    handle: str,
    display_name: str = "",
    unit_id: int | None = None,
    responsible_id: int | None = None,
    url: str = "",
    start_date: str | None = None,
) -> Account:
    record = _clean(
        db,
        {
            "platform": platform,
            "handle": handle,
            "display_name": display_name,
            "unit_id": unit_id,
            "responsible_id": responsible_id,
            "url": url,
            "start_date": start_date,
        },
    )
    record.update(uid=new_uid(), archived=0, created_at=now_iso())
    account_id = _write(db, handle, lambda: db.su["accounts"].insert(record).last_pk)
    return get(db, account_id)


def update(db: Database, account_id: int, **changes) -> Account:
    """Change some of an account's editable fields (see EDITABLE), all or nothing."""
    get(db, account_id)
    record = _clean(db, changes)
    if record:
        _write(db, changes.get("handle", ""), lambda: db.su["accounts"].update(account_id, record))
    return get(db, account_id)


def get(db: Database, account_id: int) -> Account:
    row = db.conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise NotFound(_("account"), account_id)
    return _row(row)


def list_all(db: Database, include_archived: bool = False) -> list[Account]:
    where = "" if include_archived else "WHERE archived = 0"
    found = [_row(r) for r in db.query(f"SELECT * FROM accounts {where}")]
    return sorted(found, key=_display_order)


def table_rows(db: Database, include_archived: bool = False) -> list[AccountRow]:
    """Every account with its unit, responsible member and latest follower count, in one query."""
    rows = db.query(
        """
        SELECT a.*, COALESCE(u.name, '') AS unit_name, COALESCE(m.name, '') AS responsible_name,
               s.followers AS latest_followers, s.date AS latest_date
        FROM accounts a
        LEFT JOIN units u ON u.id = a.unit_id
        LEFT JOIN members m ON m.id = a.responsible_id
        LEFT JOIN account_snapshots s ON s.id = (
            SELECT id FROM account_snapshots WHERE account_id = a.id ORDER BY date DESC LIMIT 1)
        WHERE ? OR a.archived = 0
        """,
        (1 if include_archived else 0,),
    )
    result = [
        AccountRow(
            _row(r), r["unit_name"], r["responsible_name"], r["latest_followers"], r["latest_date"]
        )
        for r in rows
    ]
    result.sort(key=lambda r: _display_order(r.account))
    return result


def _display_order(account: Account) -> tuple[int, str]:
    """Platforms in PLATFORMS order, then handles alphabetically."""
    return PLATFORMS.index(account.platform), account.handle.lower()


def set_archived(db: Database, account_id: int, archived: bool) -> Account:
    get(db, account_id)
    with db.transaction():
        db.su["accounts"].update(account_id, {"archived": 1 if archived else 0})
    return get(db, account_id)


def handle_text(account: Account) -> str:
    """How the handle is written on its platform: @name where the platform uses @."""
    if account.platform in ("instagram", "x", "tiktok"):
        return "@" + account.handle
    return account.handle


def count(db: Database, include_archived: bool = True) -> int:
    where = "" if include_archived else "WHERE archived = 0"
    return db.conn.execute(f"SELECT count(*) FROM accounts {where}").fetchone()[0]
