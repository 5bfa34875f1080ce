"""Follower snapshots per account and date, and engagement figures per post.

Writing is a partial update: `upsert_snapshots` and `upsert_post_metrics` change only the
figures a row gives. A figure that is missing, None or "" leaves what is stored alone; to empty a
stored figure, give it the value `CLEAR`:

    upsert_snapshots(db, [{"account_id": 1, "date": "2026-11-25", "followers": 76670}])
    upsert_snapshots(db, [{"account_id": 1, "date": "2026-11-25", "reach": CLEAR}])

The first keeps that day's reach, impressions… as they were; the second empties its reach.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from core import figures, validate
from core.db import Database, new_uid
from core.errors import ValidationError
from core.i18n import N_, _

SNAPSHOT_COUNTS = (
    "reach",
    "impressions",
    "engagements",
    "posts_published",
    "new_followers",
    "video_views",
)
#: A snapshot's fields as the user reads them (translate with `_` where shown).
SNAPSHOT_TITLES = {
    "date": N_("Date"),
    "followers": N_("Followers"),
    "reach": N_("Reach"),
    "impressions": N_("Impressions"),
    "engagements": N_("Engagements"),
    "posts_published": N_("Posts published"),
    "new_followers": N_("New followers"),
    "video_views": N_("Video views"),
}
POST_COUNTS = (
    "reach",
    "impressions",
    "reactions",
    "comments",
    "shares",
    "saves",
    "video_views",
    "engagements",
)
#: A post's figures as the user reads them (translate with `_` where shown).
POST_TITLES = {
    "reach": N_("Reach"),
    "impressions": N_("Impressions"),
    "reactions": N_("Reactions"),
    "comments": N_("Comments"),
    "shares": N_("Shares"),
    "saves": N_("Saves"),
    "video_views": N_("Video views"),
    "engagements": N_("Engagements"),
}
#: What a platform's export says about the post itself, besides its figures.
POST_DETAILS = ("url", "published_at", "caption")


class _Clear:
    """The type of `CLEAR`."""

    def __repr__(self) -> str:
        return "metrics.CLEAR"


CLEAR = _Clear()
"""As a row's value for an optional figure: empty what is stored (NULL). None means "not given"."""


@dataclass(frozen=True)
class FollowerSnapshot:
    account_id: int
    date: str
    followers: int | None
    reach: int | None = None
    impressions: int | None = None
    engagements: int | None = None
    posts_published: int | None = None
    new_followers: int | None = None
    video_views: int | None = None
    source: str = "manual"

    def as_row(self) -> dict:
        """This snapshot as an `upsert_snapshots` row that puts back exactly this, empty
        figures included (they become CLEAR)."""
        row = asdict(self)
        row.update({key: CLEAR for key in ("followers", *SNAPSHOT_COUNTS) if row[key] is None})
        return row


@dataclass(frozen=True)
class Growth:
    """Followers at a period's start and end, by the rule of `core.figures` (see
    `growth_between`). `start_fallback`: the account had no snapshot on or before the start,
    so `start_date` is its first snapshot inside the period (show that date)."""

    account_id: int
    start_date: str
    start_followers: int
    end_date: str
    end_followers: int
    start_fallback: bool = False

    @property
    def change(self) -> int:
        return self.end_followers - self.start_followers

    @property
    def percent(self) -> float | None:
        return self.change / self.start_followers if self.start_followers else None


def _no_clear(field: str, value: object) -> object:
    if value is CLEAR:
        raise ValidationError(field, value, _("cannot be emptied"))
    return value


def _counts(row: Mapping, keys: tuple[str, ...]) -> dict:
    """The figures the row gives: a count, or None for CLEAR. Missing, None and "" are left out."""
    changes = {}
    for key in keys:
        value = row.get(key)
        if value is CLEAR:
            changes[key] = None
        else:
            value = validate.count(key, value)
            if value is not None:
                changes[key] = value
    return changes


def _source(row: Mapping) -> dict:
    source = validate.text(
        "source", _no_clear("source", row.get("source")), required=False, max_length=100
    )
    return {"source": source} if source else {}


def _clean_snapshot(row: Mapping) -> tuple[dict, dict]:
    """(the day's key, the changes): changes hold only the given fields."""
    key = {
        "account_id": validate.count(
            "account_id", _no_clear("account_id", row.get("account_id")), required=True
        ),
        "date": validate.date("date", _no_clear("date", row.get("date"))),
    }
    changes = _counts(row, ("followers", *SNAPSHOT_COUNTS))
    changes.update(_source(row))
    return key, changes


def _update(db: Database, table: str, row_id: int, changes: dict) -> None:
    if changes:  # column names come from this module's own lists, never from the row's keys
        assignments = ", ".join(f"{column} = :{column}" for column in changes)
        db.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = :_id", {**changes, "_id": row_id}
        )


def _insert(db: Database, table: str, record: dict) -> None:
    columns = ", ".join(record)
    values = ", ".join(f":{column}" for column in record)
    db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", record)


def upsert_snapshots(db: Database, rows: Iterable[Mapping]) -> int:
    """Record snapshots by (account, date), all or nothing. Returns the row count.

    A day not yet stored needs at least one figure (followers may be left empty: a daily reach
    file does not give them, and none is invented). A day already stored changes only in the
    fields the row gives (see the module docstring: None leaves a figure alone, `CLEAR` empties
    it), and keeps its uid, so merged files stay consistent. Account and date cannot be
    emptied; `source` is "manual" unless given.
    """
    records = [_clean_snapshot(r) for r in rows]
    known = {r["id"] for r in db.query("SELECT id FROM accounts")}
    for key, _changes in records:
        if key["account_id"] not in known:
            raise ValidationError("account_id", key["account_id"], _("no such account"))
    with db.transaction():
        for key, changes in records:
            existing = db.conn.execute(
                "SELECT id FROM account_snapshots WHERE account_id = :account_id AND date = :date",
                key,
            ).fetchone()
            if existing:
                _update(db, "account_snapshots", existing[0], changes)
                continue
            if not any(changes.get(name) is not None for name in ("followers", *SNAPSHOT_COUNTS)):
                raise ValidationError("followers", None, _("a number is required"))
            _insert(db, "account_snapshots", {"uid": new_uid(), **key, **changes})
    return len(records)


def snapshots(
    db: Database, account_id: int, start: str | None = None, end: str | None = None
) -> list[FollowerSnapshot]:
    rows = db.query(
        f"""SELECT account_id, date, followers, {", ".join(SNAPSHOT_COUNTS)}, source FROM account_snapshots
            WHERE account_id = ? AND date >= ? AND date <= ? ORDER BY date""",
        (account_id, start or "0000-00-00", end or "9999-12-31"),
    )
    return [FollowerSnapshot(*row) for row in rows]


def snapshot_on(db: Database, account_id: int, date: str) -> FollowerSnapshot | None:
    """The snapshot of exactly that day, if there is one."""
    found = snapshots(db, account_id, date, date)
    return found[0] if found else None


def delete_snapshot(db: Database, account_id: int, date: str) -> None:
    with db.transaction():
        db.conn.execute(
            "DELETE FROM account_snapshots WHERE account_id = ? AND date = ?", (account_id, date)
        )


def followers_on(db: Database, account_id: int, date: str) -> tuple[str, int] | None:
    """The latest snapshot on or before `date`, as (date, followers) (`figures.value_at`)."""
    found = figures.value_at(db, account_id, date)
    return (found.date_used, found.value) if found else None


def growth_between(db: Database, account_id: int, start: str, end: str) -> Growth | None:
    """Followers at `start` against followers at `end`, by the one rule of `core.figures`:
    each is the last snapshot on or before its date; when the account has none on or before
    `start`, the start is its first snapshot inside the period (`start_fallback`, dated).
    None when there is no value at either end."""
    found = figures.growth(db, account_id, start, end)
    if found is None:
        return None
    return Growth(
        account_id,
        found.start.date_used,
        found.start.value,
        found.end.date_used,
        found.end.value,
        found.start.fallback,
    )


def _clean_post_metric(row: Mapping) -> tuple[dict, dict]:
    """(what identifies the row, the changes): changes hold only the given figures."""
    key = {
        "variant_id": validate.count("variant_id", _no_clear("variant_id", row.get("variant_id"))),
        "account_id": validate.count(
            "account_id", _no_clear("account_id", row.get("account_id")), required=True
        ),
        "external_post_id": validate.text(
            "external_post_id",
            _no_clear("external_post_id", row.get("external_post_id")),
            required=False,
            max_length=200,
        )
        or None,
        "date": validate.date("date", _no_clear("date", row.get("date"))),
    }
    if key["variant_id"] is None and key["external_post_id"] is None:
        raise ValidationError(
            "variant_id", None, _("a post metric needs a post variant or an external post id")
        )
    changes = _counts(row, POST_COUNTS)
    changes.update(_details(row))
    changes.update(_source(row))
    return key, changes


def _details(row: Mapping) -> dict:
    """The post's url, publication time and caption the row gives (CLEAR empties one)."""
    changes = {}
    for name, limit in (("url", 2000), ("published_at", 40), ("caption", 20000)):
        value = row.get(name)
        if value is CLEAR:
            changes[name] = None
            continue
        if name == "published_at" and value is not None and value != "":
            value = validate.datetime(name, value)
        value = validate.text(name, value, required=False, max_length=limit)
        if value:
            changes[name] = value
    return changes


def upsert_post_metrics(db: Database, rows: Iterable[Mapping]) -> int:
    """Record per-post figures, all or nothing. Returns the row count.

    A row is found by its variant and date, else by its account, external post id and date.
    A row already stored changes only in the figures given (None leaves a figure alone,
    `CLEAR` empties it; see the module docstring) and keeps its uid; a variant or external
    id given for a row found by the other is added to it.
    """
    records = [_clean_post_metric(r) for r in rows]
    known_accounts = {r[0] for r in db.query("SELECT id FROM accounts")}
    known_variants = dict(db.query("SELECT id, account_id FROM post_variants"))
    for key, _changes in records:
        if key["account_id"] not in known_accounts:
            raise ValidationError("account_id", key["account_id"], _("no such account"))
        if key["variant_id"] is not None and key["variant_id"] not in known_variants:
            raise ValidationError("variant_id", key["variant_id"], _("no such post variant"))
        if key["variant_id"] is not None and known_variants[key["variant_id"]] != key["account_id"]:
            raise ValidationError(
                "variant_id", key["variant_id"], _("that post variant is for another account")
            )
    with db.transaction():
        for key, changes in records:
            existing = None
            if key["variant_id"] is not None:
                existing = db.conn.execute(
                    "SELECT id FROM post_metrics WHERE variant_id = :variant_id AND date = :date",
                    key,
                ).fetchone()
            by_external = None
            if key["external_post_id"] is not None:
                by_external = db.conn.execute(
                    """SELECT id FROM post_metrics WHERE account_id = :account_id
                       AND external_post_id = :external_post_id AND date = :date""",
                    key,
                ).fetchone()
            if existing and by_external and existing[0] != by_external[0]:
                # The planned post's figures and the platform's own row for the same day are
                # two rows already: linking them would make one day count twice.
                raise ValidationError(
                    "external_post_id",
                    key["external_post_id"],
                    _("this day already has figures of its own for that platform post"),
                )
            existing = existing or by_external
            if existing:
                given = {name: value for name, value in key.items() if value is not None}
                _update(db, "post_metrics", existing[0], {**given, **changes})
            else:
                _insert(db, "post_metrics", {"uid": new_uid(), **key, **changes})
    return len(records)


@dataclass(frozen=True)
class PostFigures:
    """One post's figures on one day, as `post_figures` lists them. `post_id`: the platform's
    id (the planned variant's external id when the row has none; "" if neither);
    `planned_post`: the planned post's title ("" for a post published outside the plan)."""

    account_id: int
    post_id: str
    url: str
    published_at: str | None
    date: str
    values: dict
    planned_post: str
    source: str
    variant_id: int | None


def post_figures(db: Database, start: str | None = None, end: str | None = None) -> list:
    """Every post figure row from `start` to `end` (ISO days, both optional), by account,
    publication and day."""
    names = ", ".join(f"m.{name}" for name in POST_COUNTS)
    rows = db.conn.execute(
        f"""SELECT m.account_id, coalesce(m.external_post_id, v.external_id, ''),
                   coalesce(nullif(m.url, ''), v.url, ''),
                   coalesce(m.published_at, v.published_at), m.date, {names},
                   coalesce(p.title, ''), m.source, m.variant_id
            FROM post_metrics m
            LEFT JOIN post_variants v ON v.id = m.variant_id
            LEFT JOIN posts p ON p.id = v.post_id
            WHERE m.date BETWEEN ? AND ?
            ORDER BY m.account_id, coalesce(m.published_at, v.published_at, m.date), m.date""",
        (start or "0000-00-00", end or "9999-12-31"),
    ).fetchall()
    width = len(POST_COUNTS)
    return [
        PostFigures(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            {n: v for n, v in zip(POST_COUNTS, row[5 : 5 + width], strict=True) if v is not None},
            row[5 + width],
            row[6 + width],
            row[7 + width],
        )
        for row in rows
    ]
