"""Posts and their per-platform variants: one idea, written once per account's register.

Times (planned_at, published_at) are stored as ISO 8601 text with the UTC offset of the
institution's zone ("2026-11-25T09:00:00+07:00"). Functions that take a time accept an aware
datetime (converted to the institution's zone), or a naive datetime or ISO text, which is
institution-local time. So every stored time begins with the institution's local day, and the
day filters below (substr(planned_at, 1, 10)) and the ordering by text are right; see
core/timezone.py. Changing the zone setting restamps the stored times (`restamp_times`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core import timezone, validate
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
    """One account's version of a post. `planned_at` and `published_at` are ISO text with the
    institution's offset ("2026-11-25T09:00:00+07:00"; older files' offset-less times are read
    as institution-local and given it); `planned` and `published` are the same as datetimes."""

    id: int
    uid: str
    post_id: int
    account_id: int
    status: str
    planned_at: str | None
    published_at: str | None
    text: str
    external_id: str | None

    @property
    def planned(self) -> dt.datetime | None:
        """The planned time, aware, in the institution's zone."""
        return dt.datetime.fromisoformat(self.planned_at) if self.planned_at else None

    @property
    def published(self) -> dt.datetime | None:
        """The publication time, aware, in the institution's zone."""
        return dt.datetime.fromisoformat(self.published_at) if self.published_at else None


@dataclass(frozen=True)
class AgendaItem:
    """One variant as a list of upcoming work shows it; `when` as `Variant.planned_at`."""

    variant_id: int
    post_title: str
    platform: str
    handle: str
    status: str
    when: str

    @property
    def at(self) -> dt.datetime:
        """`when` as an aware datetime in the institution's zone."""
        return dt.datetime.fromisoformat(self.when)


def _read_time(value: str | None, tz: dt.tzinfo) -> str | None:
    """A stored time as ISO text with `tz`'s offset; a naive (older) one is `tz`-local."""
    if not value:
        return None
    try:
        return timezone.stored(value, tz)
    except ValueError:  # not ours to judge here: `check` reports it; show it as stored
        return value


def _post(row) -> Post:
    return Post(row["id"], row["uid"], row["title"], row["notes"], row["unit_id"], row["owner_id"])


def _variant(row, tz: dt.tzinfo) -> Variant:
    return Variant(
        row["id"],
        row["uid"],
        row["post_id"],
        row["account_id"],
        row["status"],
        _read_time(row["planned_at"], tz),
        _read_time(row["published_at"], tz),
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
    """A new version of the post for the account (one of ours: a peer account, another
    institution's, has no posts). Times: see the module docstring."""
    tz = timezone.institution_zone(db)
    status = validate.choice("status", status, STATUSES)
    published = validate.datetime("published_at", published_at, tz=tz)
    if status == "published" and published is None:
        raise ValidationError(
            "published_at", published_at, _("a published variant needs its publication time")
        )
    record = {
        "uid": new_uid(),
        "post_id": validate.reference(db, "post_id", post_id, "posts", required=True),
        "account_id": validate.reference(db, "account_id", account_id, "accounts", required=True),
        "status": status,
        "planned_at": validate.datetime("planned_at", planned_at, tz=tz),
        "published_at": published,
        "text": validate.text("text", text, required=False, max_length=10000),
        "updated_at": now_iso(),
    }
    peer = db.conn.execute(
        "SELECT peer FROM accounts WHERE id = ?", (record["account_id"],)
    ).fetchone()[0]
    if peer:
        raise ValidationError(
            "account_id", account_id, _("an account of another institution cannot have our posts")
        )
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


class _Keep:
    def __repr__(self) -> str:
        return "posts.KEEP"


KEEP = _Keep()
"""The default of `update_variant`'s fields: leave what is stored."""


def update_variant(
    db: Database,
    variant_id: int,
    *,
    text: str | _Keep = KEEP,
    status: str | _Keep = KEEP,
    planned_at: dt.datetime | str | None | _Keep = KEEP,
    published_at: dt.datetime | str | None | _Keep = KEEP,
) -> Variant:
    """Change only the fields given; None empties a time. Times as for `add_variant`."""
    current = get_variant(db, variant_id)
    tz = timezone.institution_zone(db)
    record: dict[str, object] = {}
    if not isinstance(text, _Keep):
        record["text"] = validate.text("text", text, required=False, max_length=10000)
    if not isinstance(status, _Keep):
        record["status"] = validate.choice("status", status, STATUSES)
    if not isinstance(planned_at, _Keep):
        record["planned_at"] = validate.datetime("planned_at", planned_at, tz=tz)
    if not isinstance(published_at, _Keep):
        record["published_at"] = validate.datetime("published_at", published_at, tz=tz)
    if record.get("status", current.status) == "published" and (
        record.get("published_at", current.published_at) is None
    ):
        raise ValidationError(
            "published_at",
            None if isinstance(published_at, _Keep) else published_at,
            _("a published variant needs its publication time"),
        )
    if not record:
        return current
    record["updated_at"] = now_iso()
    assignments = ", ".join(f"{column} = :{column}" for column in record)
    with db.transaction():
        db.conn.execute(
            f"UPDATE post_variants SET {assignments} WHERE id = :_id", {**record, "_id": variant_id}
        )
    return get_variant(db, variant_id)


def restamp_times(db: Database, old: dt.tzinfo, new: dt.tzinfo) -> int:
    """Rewrite every stored time in zone `new` (same moment, new offset), reading offset-less
    ones as `old`-local. Called when the institution's zone changes, so that each stored time
    again begins with the institution's local day. Returns how many variants changed."""
    changed = 0
    with db.transaction():
        rows = db.query(
            """SELECT id, planned_at, published_at FROM post_variants
               WHERE planned_at IS NOT NULL OR published_at IS NOT NULL"""
        )
        for variant_id, planned, published in rows:
            moved = [_restamp(value, old, new) for value in (planned, published)]
            if moved != [planned, published]:
                db.conn.execute(
                    "UPDATE post_variants SET planned_at = ?, published_at = ? WHERE id = ?",
                    (*moved, variant_id),
                )
                changed += 1
    return changed


def _restamp(value: str | None, old: dt.tzinfo, new: dt.tzinfo) -> str | None:
    if not value:
        return value
    try:
        return timezone.stored(timezone.parse(value, old), new)
    except ValueError:
        return value


def get_variant(db: Database, variant_id: int) -> Variant:
    row = db.conn.execute("SELECT * FROM post_variants WHERE id = ?", (variant_id,)).fetchone()
    if row is None:
        raise NotFound(_("post version"), variant_id)
    return _variant(row, timezone.institution_zone(db))


def variants_of(db: Database, post_id: int) -> list[Variant]:
    tz = timezone.institution_zone(db)
    return [
        _variant(r, tz)
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
    tz = timezone.institution_zone(db)
    return [AgendaItem(*row[:5], _read_time(row[5], tz)) for row in rows]


def agenda_count(db: Database, start: dt.date, end: dt.date) -> int:
    """How many variants `agenda()` would list without a limit."""
    return db.conn.execute(
        """SELECT count(*) FROM post_variants
           WHERE status != 'published' AND substr(planned_at, 1, 10) BETWEEN ? AND ?""",
        (start.isoformat(), end.isoformat()),
    ).fetchone()[0]
