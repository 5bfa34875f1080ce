"""Posts and their per-platform variants: one idea, written once per account's register."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import N_, _

STATUSES = ("idea", "draft", "review", "approved", "scheduled", "published")
STATUS_TITLES = {
    "idea": N_("Idea"),
    "draft": N_("Draft"),
    "review": N_("In review"),
    "approved": N_("Approved"),
    "scheduled": N_("Scheduled"),
    "published": N_("Published"),
}


def status_title(status: str) -> str:
    return _(STATUS_TITLES[status])


@dataclass(frozen=True)
class Post:
    id: int
    uid: str
    title: str
    notes: str
    unit_id: int | None
    owner_id: int | None


@dataclass(frozen=True)
class Variant:
    id: int
    uid: str
    post_id: int
    account_id: int
    status: str
    planned_at: str | None
    published_at: str | None
    text: str
    external_id: str | None


@dataclass(frozen=True)
class AgendaItem:
    """One variant as a list of upcoming work shows it."""

    variant_id: int
    post_title: str
    platform: str
    handle: str
    status: str
    when: str


def _post(row) -> Post:
    return Post(row["id"], row["uid"], row["title"], row["notes"], row["unit_id"], row["owner_id"])


def _variant(row) -> Variant:
    return Variant(
        row["id"],
        row["uid"],
        row["post_id"],
        row["account_id"],
        row["status"],
        row["planned_at"],
        row["published_at"],
        row["text"],
        row["external_id"],
    )


def create(
    db: Database,
    title: str,
    notes: str = "",
    unit_id: int | None = None,
    owner_id: int | None = None,
) -> Post:
    now = now_iso()
    record = {
        "uid": new_uid(),
        "title": validate.text("title", title, max_length=300),
        "notes": validate.text("notes", notes, required=False, max_length=10000),
        "unit_id": validate.reference(db, "unit_id", unit_id, "units"),
        "owner_id": validate.reference(db, "owner_id", owner_id, "members"),
        "created_at": now,
        "updated_at": now,
    }
    with db.transaction():
        post_id = db.su["posts"].insert(record).last_pk
    return get(db, post_id)


def get(db: Database, post_id: int) -> Post:
    row = db.conn.execute("SELECT * FROM posts WHERE id = ?", (post_id,)).fetchone()
    if row is None:
        raise NotFound(_("post"), post_id)
    return _post(row)


def add_variant(
    db: Database,
    post_id: int,
    account_id: int,
    text: str = "",
    status: str = "idea",
    planned_at: dt.datetime | str | None = None,
    published_at: dt.datetime | str | None = None,
) -> Variant:
    status = validate.choice("status", status, STATUSES)
    published = validate.datetime("published_at", published_at)
    if status == "published" and published is None:
        raise ValidationError(
            "published_at", published_at, _("a published variant needs its publication time")
        )
    record = {
        "uid": new_uid(),
        "post_id": validate.reference(db, "post_id", post_id, "posts", required=True),
        "account_id": validate.reference(db, "account_id", account_id, "accounts", required=True),
        "status": status,
        "planned_at": validate.datetime("planned_at", planned_at),
        "published_at": published,
        "text": validate.text("text", text, required=False, max_length=10000),
        "updated_at": now_iso(),
    }
    duplicate = db.conn.execute(
        "SELECT 1 FROM post_variants WHERE post_id = ? AND account_id = ?", (post_id, account_id)
    ).fetchone()
    if duplicate:
        raise ValidationError(
            "account_id", account_id, _("this post already has a version for this account")
        )
    with db.transaction():
        variant_id = db.su["post_variants"].insert(record).last_pk
    return get_variant(db, variant_id)


def get_variant(db: Database, variant_id: int) -> Variant:
    row = db.conn.execute("SELECT * FROM post_variants WHERE id = ?", (variant_id,)).fetchone()
    if row is None:
        raise NotFound(_("post version"), variant_id)
    return _variant(row)


def variants_of(db: Database, post_id: int) -> list[Variant]:
    return [
        _variant(r)
        for r in db.query("SELECT * FROM post_variants WHERE post_id = ? ORDER BY id", (post_id,))
    ]


def status_counts(db: Database, start: dt.date, end: dt.date) -> dict[str, int]:
    """How many variants are planned (or were published) in [start, end], per status."""
    rows = db.query(
        """SELECT status, count(*) FROM post_variants
           WHERE substr(COALESCE(published_at, planned_at), 1, 10) BETWEEN ? AND ?
           GROUP BY status""",
        (start.isoformat(), end.isoformat()),
    )
    counts = dict.fromkeys(STATUSES, 0)
    counts.update({status: n for status, n in rows})
    return counts


def agenda(db: Database, start: dt.date, end: dt.date, limit: int = 50) -> list[AgendaItem]:
    """Variants planned between start and end (inclusive) that are not yet published, soonest first."""
    rows = db.query(
        """SELECT v.id, p.title, a.platform, a.handle, v.status, v.planned_at
           FROM post_variants v JOIN posts p ON p.id = v.post_id JOIN accounts a ON a.id = v.account_id
           WHERE v.status != 'published' AND substr(v.planned_at, 1, 10) BETWEEN ? AND ?
           ORDER BY v.planned_at, a.platform LIMIT ?""",
        (start.isoformat(), end.isoformat(), limit),
    )
    return [AgendaItem(*row) for row in rows]


def agenda_count(db: Database, start: dt.date, end: dt.date) -> int:
    """How many variants `agenda()` would list without a limit."""
    return db.conn.execute(
        """SELECT count(*) FROM post_variants
           WHERE status != 'published' AND substr(planned_at, 1, 10) BETWEEN ? AND ?""",
        (start.isoformat(), end.isoformat()),
    ).fetchone()[0]
