"""Follower snapshots per account and date, and engagement figures per post."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core import validate
from core.db import Database, new_uid
from core.errors import ValidationError
from core.i18n import _

SNAPSHOT_COUNTS = ("reach", "impressions", "engagements", "posts_published")
POST_COUNTS = ("reach", "impressions", "reactions", "comments", "shares", "saves", "video_views")


@dataclass(frozen=True)
class FollowerSnapshot:
    account_id: int
    date: str
    followers: int
    reach: int | None = None
    impressions: int | None = None
    engagements: int | None = None
    posts_published: int | None = None
    source: str = "manual"


@dataclass(frozen=True)
class Growth:
    account_id: int
    start_date: str
    start_followers: int
    end_date: str
    end_followers: int

    @property
    def change(self) -> int:
        return self.end_followers - self.start_followers

    @property
    def percent(self) -> float | None:
        return self.change / self.start_followers if self.start_followers else None


def _clean_snapshot(row: Mapping) -> dict:
    record = {
        "account_id": validate.count("account_id", row.get("account_id"), required=True),
        "date": validate.date("date", row.get("date")),
        "followers": validate.count("followers", row.get("followers"), required=True),
        "source": validate.text("source", row.get("source", "manual") or "manual", max_length=100),
    }
    for key in SNAPSHOT_COUNTS:
        record[key] = validate.count(key, row.get(key))
    return record


def upsert_snapshots(db: Database, rows: Iterable[Mapping]) -> int:
    """Insert or replace snapshots by (account, date), all or nothing. Returns the row count.

    A snapshot that already exists keeps its uid, so merged files stay consistent.
    """
    records = [_clean_snapshot(r) for r in rows]
    known = {r["id"] for r in db.query("SELECT id FROM accounts")}
    for record in records:
        if record["account_id"] not in known:
            raise ValidationError("account_id", record["account_id"], _("no such account"))
    with db.transaction():
        for record in records:
            db.conn.execute(
                """INSERT INTO account_snapshots
                   (uid, account_id, date, followers, reach, impressions, engagements, posts_published, source)
                   VALUES (:uid, :account_id, :date, :followers, :reach, :impressions, :engagements,
                           :posts_published, :source)
                   ON CONFLICT (account_id, date) DO UPDATE SET
                   followers = excluded.followers, reach = excluded.reach,
                   impressions = excluded.impressions, engagements = excluded.engagements,
                   posts_published = excluded.posts_published, source = excluded.source""",
                {"uid": new_uid(), **record},
            )
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
    """The latest snapshot on or before `date`, as (date, followers)."""
    row = db.conn.execute(
        "SELECT date, followers FROM account_snapshots WHERE account_id = ? AND date <= ? ORDER BY date DESC LIMIT 1",
        (account_id, date),
    ).fetchone()
    return (row[0], row[1]) if row else None


def growth_between(db: Database, account_id: int, start: str, end: str) -> Growth | None:
    """Followers at the first snapshot on or after `start` against the last on or before `end`."""
    first = db.conn.execute(
        "SELECT date, followers FROM account_snapshots WHERE account_id = ? AND date >= ? AND date <= ? ORDER BY date LIMIT 1",
        (account_id, start, end),
    ).fetchone()
    last = followers_on(db, account_id, end)
    if first is None or last is None:
        return None
    return Growth(account_id, first[0], first[1], last[0], last[1])


def _clean_post_metric(row: Mapping) -> dict:
    record = {
        "variant_id": validate.count("variant_id", row.get("variant_id")),
        "account_id": validate.count("account_id", row.get("account_id"), required=True),
        "external_post_id": validate.text(
            "external_post_id", row.get("external_post_id"), required=False, max_length=200
        )
        or None,
        "date": validate.date("date", row.get("date")),
        "source": validate.text("source", row.get("source", "manual") or "manual", max_length=100),
    }
    if record["variant_id"] is None and record["external_post_id"] is None:
        raise ValidationError(
            "variant_id", None, _("a post metric needs a post variant or an external post id")
        )
    for key in POST_COUNTS:
        record[key] = validate.count(key, row.get(key))
    return record


def upsert_post_metrics(db: Database, rows: Iterable[Mapping]) -> int:
    """Insert or replace per-post figures, all or nothing. Returns the row count."""
    records = [_clean_post_metric(r) for r in rows]
    known_accounts = {r[0] for r in db.query("SELECT id FROM accounts")}
    known_variants = {r[0] for r in db.query("SELECT id FROM post_variants")}
    for record in records:
        if record["account_id"] not in known_accounts:
            raise ValidationError("account_id", record["account_id"], _("no such account"))
        if record["variant_id"] is not None and record["variant_id"] not in known_variants:
            raise ValidationError("variant_id", record["variant_id"], _("no such post variant"))
    with db.transaction():
        for record in records:
            if record["variant_id"] is not None:
                where, key = "variant_id = :variant_id AND date = :date", record
            else:
                where, key = (
                    "account_id = :account_id AND external_post_id = :external_post_id AND date = :date",
                    record,
                )
            existing = db.conn.execute(f"SELECT id FROM post_metrics WHERE {where}", key).fetchone()
            if existing:
                db.su["post_metrics"].update(existing[0], record)
            else:
                db.su["post_metrics"].insert({"uid": new_uid(), **record})
    return len(records)
