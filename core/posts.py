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
from pathlib import Path

from core import timezone, validate
from core.db import Database, new_uid, now_iso
from core.errors import NotFound, ValidationError
from core.i18n import N_, _

STATUSES = (
    "idea",
    "draft",
    "review",
    "changes",
    "approved",
    "scheduled",
    "published",
    "cancelled",
)
STATUS_TITLES = {
    "idea": N_("Idea"),
    "draft": N_("Draft"),
    "review": N_("In review"),
    "changes": N_("Needs changes"),
    "approved": N_("Approved"),
    "scheduled": N_("Scheduled"),
    "published": N_("Published"),
    "cancelled": N_("Cancelled"),
}
#: Statuses whose variant may still be deleted (with its post): nothing was reviewed yet.
DELETABLE = ("idea", "draft")
#: Statuses a variant no longer moves on from in the calendar (it cannot be rescheduled).
FINISHED = ("published", "cancelled")
#: Statuses where a change of text sends the variant back to draft: it was vetted as it was.
VETTED = ("review", "approved", "scheduled")


#: A post as a table row: `export posts` writes these columns, and the content-plan import
#: reads them back.
POST_COLUMNS = (
    "date",
    "time",
    "account",
    "platform",
    "status",
    "title",
    "text",
    "hashtags",
    "pillar",
    "campaign",
    "assignee",
    "approver",
    "url",
)


def status_title(status: str) -> str:
    return _(STATUS_TITLES[status])


@dataclass(frozen=True)
class Post:
    """One idea; `text` is the master text the variants start from, `owner_id` the member it is
    assigned to, `approver_id` the member asked to approve it, `planned_at` as `Variant`'s."""

    id: int
    uid: str
    title: str
    notes: str
    unit_id: int | None
    owner_id: int | None
    text: str = ""
    planned_at: str | None = None
    pillar_id: int | None = None
    campaign: str = ""
    approver_id: int | None = None

    @property
    def planned(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.planned_at) if self.planned_at else None


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
    hashtags: str = ""
    url: str = ""

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


@dataclass(frozen=True)
class Attachment:
    """A file the post uses (an image, a video), by path: the file is not copied into the
    database, so it may have been moved or deleted since (`exists`)."""

    path: str

    @property
    def exists(self) -> bool:
        try:
            return Path(self.path).is_file()
        except OSError:  # an unreachable share, a name the system refuses
            return False

    @property
    def is_image(self) -> bool:
        return Path(self.path).suffix.lower() in IMAGE_SUFFIXES


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")


def _read_time(value: str | None, tz: dt.tzinfo) -> str | None:
    """A stored time as ISO text with `tz`'s offset; a naive (older) one is `tz`-local."""
    if not value:
        return None
    try:
        return timezone.stored(value, tz)
    except ValueError:  # not ours to judge here: `check` reports it; show it as stored
        return value


def _post(row, tz: dt.tzinfo) -> Post:
    return Post(
        row["id"],
        row["uid"],
        row["title"],
        row["notes"],
        row["unit_id"],
        row["owner_id"],
        row["text"],
        _read_time(row["planned_at"], tz),
        row["pillar_id"],
        row["campaign"],
        row["approver_id"],
    )


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
        row["hashtags"],
        row["url"],
    )


class _Keep:
    def __repr__(self) -> str:
        return "posts.KEEP"


KEEP = _Keep()
"""The default of `update` and `update_variant`'s fields: leave what is stored."""


def _pillar(db: Database, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("pillar_id", value, _("must be a row id"))
    if db.conn.execute("SELECT 1 FROM pillars WHERE id = ?", (value,)).fetchone() is None:
        raise ValidationError("pillar_id", value, _("no such entry"))
    return value


def _post_fields(db: Database, tz: dt.tzinfo, fields: dict[str, object]) -> dict[str, object]:
    """The given post fields, checked, as columns to store."""
    checks = {
        "title": lambda v: validate.text("title", v, max_length=300),
        "notes": lambda v: validate.text("notes", v, required=False, max_length=10000),
        "text": lambda v: validate.text("text", v, required=False, max_length=70000),
        "unit_id": lambda v: validate.reference(db, "unit_id", v, "units"),
        "owner_id": lambda v: validate.reference(db, "owner_id", v, "members"),
        "approver_id": lambda v: validate.reference(db, "approver_id", v, "members"),
        "planned_at": lambda v: validate.datetime("planned_at", v, tz=tz),
        "pillar_id": lambda v: _pillar(db, v),
        "campaign": lambda v: validate.text("campaign", v, required=False, max_length=200),
    }
    return {name: checks[name](value) for name, value in fields.items()}


def create(
    db: Database,
    title: str,
    notes: str = "",
    unit_id: int | None = None,
    owner_id: int | None = None,
    *,
    text: str = "",
    planned_at: dt.datetime | str | None = None,
    pillar_id: int | None = None,
    campaign: str = "",
    approver_id: int | None = None,
) -> Post:
    """A new post; `owner_id` is the member it is assigned to. Times: see the module docstring."""
    tz = timezone.institution_zone(db)
    now = now_iso()
    record = _post_fields(
        db,
        tz,
        {
            "title": title,
            "notes": notes,
            "unit_id": unit_id,
            "owner_id": owner_id,
            "text": text,
            "planned_at": planned_at,
            "pillar_id": pillar_id,
            "campaign": campaign,
            "approver_id": approver_id,
        },
    )
    record.update(uid=new_uid(), created_at=now, updated_at=now)
    with db.transaction():
        post_id = db.su["posts"].insert(record).last_pk
    return get(db, post_id)


def update(db: Database, post_id: int, **fields: object) -> Post:
    """Change only the fields given (the names of `create`'s parameters); None empties one."""
    get(db, post_id)
    unknown = set(fields) - {
        "title",
        "notes",
        "unit_id",
        "owner_id",
        "text",
        "planned_at",
        "pillar_id",
        "campaign",
        "approver_id",
    }
    if unknown:
        raise TypeError(f"unknown post fields: {sorted(unknown)}")
    record = _post_fields(db, timezone.institution_zone(db), fields)
    if record:
        record["updated_at"] = now_iso()
        with db.transaction():
            db.su["posts"].update(post_id, record)
    return get(db, post_id)


def get(db: Database, post_id: int) -> Post:
    row = db.conn.execute("SELECT * FROM posts WHERE id = ?", (post_id,)).fetchone()
    if row is None:
        raise NotFound(_("post"), post_id)
    return _post(row, timezone.institution_zone(db))


def attachments(db: Database, post_id: int) -> list[Attachment]:
    return [
        Attachment(row[0])
        for row in db.query(
            "SELECT path FROM post_attachments WHERE post_id = ? ORDER BY position, id", (post_id,)
        )
    ]


def set_attachments(db: Database, post_id: int, paths: list[str]) -> list[Attachment]:
    """Replace the post's attachments by `paths` (in this order; duplicates dropped). Paths are
    kept as given: a file that is missing now is kept, and shown as missing."""
    get(db, post_id)
    cleaned: list[str] = []
    for path in paths:
        text = validate.text("path", str(path), max_length=2000)
        if text not in cleaned:
            cleaned.append(text)
    with db.transaction():
        db.conn.execute("DELETE FROM post_attachments WHERE post_id = ?", (post_id,))
        db.conn.executemany(
            "INSERT INTO post_attachments (uid, post_id, path, position) VALUES (?, ?, ?, ?)",
            [(new_uid(), post_id, path, place) for place, path in enumerate(cleaned)],
        )
    return attachments(db, post_id)


def _check_account(db: Database, account_id: object) -> int:
    account = validate.reference(db, "account_id", account_id, "accounts", required=True)
    peer, archived, handle = db.conn.execute(
        "SELECT peer, archived, handle FROM accounts WHERE id = ?", (account,)
    ).fetchone()
    if peer:
        raise ValidationError(
            "account_id", account_id, _("an account of another institution cannot have our posts")
        )
    if archived:
        raise ValidationError(
            "account_id",
            handle,
            _("the account is archived: restore it in the Accounts tab to plan posts for it"),
        )
    return account  # type: ignore[return-value]


def add_variant(
    db: Database,
    post_id: int,
    account_id: int,
    text: str = "",
    status: str = "idea",
    planned_at: dt.datetime | str | None = None,
    published_at: dt.datetime | str | None = None,
    *,
    hashtags: str = "",
    url: str = "",
    by: int | None = None,
    at: dt.datetime | str | None = None,
) -> Variant:
    """A new version of the post for the account (one of ours, not archived: a peer account,
    another institution's, has no posts). Its history starts with `status`, set by member `by`
    at `at` (default now). Times: see the module docstring."""
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
        "account_id": _check_account(db, account_id),
        "status": status,
        "planned_at": validate.datetime("planned_at", planned_at, tz=tz),
        "published_at": published,
        "text": validate.text("text", text, required=False, max_length=70000),
        "hashtags": validate.text("hashtags", hashtags, required=False, max_length=5000),
        "url": validate_url(url),
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
        record_history(db, variant_id, None, status, by=by, at=at)
    return get_variant(db, variant_id)


def validate_url(value: object) -> str:
    """A link to a published post: empty, or an http(s) address."""
    text = validate.text("url", value, required=False, max_length=2000)
    if text and not text.lower().startswith(("http://", "https://")):
        raise ValidationError("url", text, _("a link starts with https://"))
    return text


def record_history(
    db: Database,
    variant_id: int,
    from_status: str | None,
    to_status: str,
    *,
    by: int | None = None,
    at: dt.datetime | str | None = None,
    comment: str = "",
    level: int | None = None,
    override_reason: str = "",
    overridden: str = "",
) -> None:
    """Keep one step of the variant's history (inside the caller's transaction)."""
    tz = timezone.institution_zone(db)
    when = timezone.stored(at if at is not None else dt.datetime.now(tz), tz)
    db.conn.execute(
        """INSERT INTO variant_history
           (uid, variant_id, at, member_id, from_status, to_status, level, comment,
            override_reason, overridden)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            new_uid(),
            variant_id,
            when,
            by,
            from_status,
            to_status,
            level,
            comment,
            override_reason,
            overridden,
        ),
    )


def update_variant(
    db: Database,
    variant_id: int,
    *,
    text: str | _Keep = KEEP,
    hashtags: str | _Keep = KEEP,
    planned_at: dt.datetime | str | None | _Keep = KEEP,
    published_at: dt.datetime | str | None | _Keep = KEEP,
    url: str | _Keep = KEEP,
    by: int | None = None,
) -> Variant:
    """Change only the fields given; None empties a time. Times as for `add_variant`.

    The status changes only through `core.workflow.transition`, with one exception: a new
    text or hashtags for a variant that was in review, approved or scheduled sends it back
    to draft (what was vetted is no longer what would go out), recorded in its history."""
    current = get_variant(db, variant_id)
    tz = timezone.institution_zone(db)
    record: dict[str, object] = {}
    if not isinstance(text, _Keep):
        record["text"] = validate.text("text", text, required=False, max_length=70000)
    if not isinstance(hashtags, _Keep):
        record["hashtags"] = validate.text("hashtags", hashtags, required=False, max_length=5000)
    if not isinstance(planned_at, _Keep):
        record["planned_at"] = validate.datetime("planned_at", planned_at, tz=tz)
        if current.status in FINISHED and record["planned_at"] != current.planned_at:
            raise ValidationError(
                "planned_at",
                planned_at,
                _("a {status} post cannot be moved").format(
                    status=status_title(current.status).lower()
                ),
            )
    if not isinstance(published_at, _Keep):
        record["published_at"] = validate.datetime("published_at", published_at, tz=tz)
        if current.status == "published" and record["published_at"] is None:
            raise ValidationError(
                "published_at", published_at, _("a published variant needs its publication time")
            )
    if not isinstance(url, _Keep):
        record["url"] = validate_url(url)
    record = {
        column: value for column, value in record.items() if value != getattr(current, column)
    }
    if not record:
        return current
    reopened = current.status in VETTED and ("text" in record or "hashtags" in record)
    if reopened:
        record["status"] = "draft"
    record["updated_at"] = now_iso()
    assignments = ", ".join(f"{column} = :{column}" for column in record)
    with db.transaction():
        db.conn.execute(
            f"UPDATE post_variants SET {assignments} WHERE id = :_id", {**record, "_id": variant_id}
        )
        if reopened:
            record_history(
                db,
                variant_id,
                current.status,
                "draft",
                by=by,
                comment=_("The text changed after it was sent for review."),
            )
    return get_variant(db, variant_id)


def move_to_day(db: Database, variant_id: int, day: dt.date) -> Variant:
    """Reschedule the variant to `day`, keeping its time of day (09:00 if it had none).
    A published or cancelled variant stays where it is."""
    current = get_variant(db, variant_id)
    if current.status in FINISHED:
        raise ValidationError(
            "planned_at",
            day.isoformat(),
            _("a {status} post cannot be moved").format(
                status=status_title(current.status).lower()
            ),
        )
    time = current.planned.time() if current.planned else dt.time(9, 0)
    return update_variant(db, variant_id, planned_at=dt.datetime.combine(day, time))


def fingerprint(db: Database, post_id: int) -> str:
    """The post's stored state (its row, attachments and variants) as one text: equal while
    nothing about it changed. Undo compares it before removing what a step made."""
    rows = [
        tuple(row)
        for sql in (
            "SELECT * FROM posts WHERE id = ?",
            "SELECT path FROM post_attachments WHERE post_id = ? ORDER BY position, id",
            "SELECT * FROM post_variants WHERE post_id = ? ORDER BY id",
        )
        for row in db.query(sql, (post_id,))
    ]
    return repr(rows)


def delete(db: Database, post_id: int) -> None:
    """Delete a post that is still an idea or a draft on every platform. One that went
    further is cancelled instead (`core.workflow.cancel_post`), so its history stays."""
    get(db, post_id)
    beyond = db.query(
        f"""SELECT DISTINCT status FROM post_variants WHERE post_id = ?
            AND status NOT IN ({", ".join("?" * len(DELETABLE))})""",
        (post_id, *DELETABLE),
    )
    if beyond:
        raise ValidationError(
            "post",
            post_id,
            _(
                "only ideas and drafts can be deleted; this post is already {statuses}: cancel it"
            ).format(statuses=", ".join(status_title(row[0]).lower() for row in beyond)),
        )
    with db.transaction():
        db.conn.execute("DELETE FROM posts WHERE id = ?", (post_id,))


def delete_variant(db: Database, variant_id: int) -> None:
    """Delete one platform's version while it is an idea or a draft."""
    current = get_variant(db, variant_id)
    if current.status not in DELETABLE:
        raise ValidationError(
            "variant",
            variant_id,
            _("only ideas and drafts can be deleted; this one is {status}: cancel it").format(
                status=status_title(current.status).lower()
            ),
        )
    with db.transaction():
        db.conn.execute("DELETE FROM post_variants WHERE id = ?", (variant_id,))


def duplicate(
    db: Database, post_id: int, day: dt.date | None = None, by: int | None = None
) -> Post:
    """A copy of the post and its variants for accounts still in use, as drafts (ideas when
    they have no text), on `day` (default: the same days), keeping each time of day."""
    original = get(db, post_id)
    originals = variants_of(db, post_id)
    # The post's own day, or its earliest variant's: every dated part moves by as many days.
    first = original.planned or min((v.planned for v in originals if v.planned), default=None)
    shift = dt.timedelta(0)
    if day is not None and first is not None:
        shift = dt.timedelta(days=(day - first.date()).days)

    def moved(value: dt.datetime | None) -> dt.datetime | None:
        if value is None:
            return dt.datetime.combine(day, dt.time(9, 0)) if day is not None else None
        return value + shift

    with db.transaction():
        copy = create(
            db,
            original.title,
            original.notes,
            original.unit_id,
            original.owner_id,
            text=original.text,
            planned_at=moved(original.planned),
            pillar_id=original.pillar_id,
            campaign=original.campaign,
            approver_id=original.approver_id,
        )
        set_attachments(db, copy.id, [a.path for a in attachments(db, post_id)])
        for variant in originals:
            archived = db.conn.execute(
                "SELECT archived OR peer FROM accounts WHERE id = ?", (variant.account_id,)
            ).fetchone()[0]
            if archived:
                continue
            add_variant(
                db,
                copy.id,
                variant.account_id,
                variant.text,
                "draft" if variant.text.strip() else "idea",
                moved(variant.planned),
                hashtags=variant.hashtags,
                by=by,
            )
    return copy


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
        for table, column in (
            ("posts", "planned_at"),
            ("variant_history", "at"),
            ("post_metrics", "published_at"),
        ):
            rows = db.query(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")
            db.conn.executemany(
                f"UPDATE {table} SET {column} = ? WHERE id = ?",
                [
                    (moved, row_id)
                    for row_id, value in rows
                    if (moved := _restamp(value, old, new)) != value
                ],
            )
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
    """Variants planned between start and end (inclusive) still to go out (not published or
    cancelled), soonest first."""
    rows = db.query(
        """SELECT v.id, p.title, a.platform, a.handle, v.status, v.planned_at
           FROM post_variants v JOIN posts p ON p.id = v.post_id JOIN accounts a ON a.id = v.account_id
           WHERE v.status NOT IN ('published', 'cancelled')
             AND substr(v.planned_at, 1, 10) BETWEEN ? AND ?
           ORDER BY v.planned_at, a.platform LIMIT ?""",
        (start.isoformat(), end.isoformat(), limit),
    )
    tz = timezone.institution_zone(db)
    return [AgendaItem(*row[:5], _read_time(row[5], tz)) for row in rows]


def agenda_count(db: Database, start: dt.date, end: dt.date) -> int:
    """How many variants `agenda()` would list without a limit."""
    return db.conn.execute(
        """SELECT count(*) FROM post_variants
           WHERE status NOT IN ('published', 'cancelled')
             AND substr(planned_at, 1, 10) BETWEEN ? AND ?""",
        (start.isoformat(), end.isoformat()),
    ).fetchone()[0]
