"""Recurring series of posts: every week or every month (every N weeks or months), until a
date or for a number of times — "every Friday a quiz".

A series is made from a post (`make_series`): the post is its first occurrence and each
further date gets a copy of it (`posts.duplicate`: its variants as drafts, or ideas without
text, at the same time of day). Every occurrence is an ordinary post that remembers its
series and the date the series gave it (`series_date`, kept when the post is moved), so it
can be edited alone, or its changes carried to the occurrences after it
(`apply_to_following`). Deleting asks which: this one, this and the following, or all
(`delete_occurrences`); occurrences already in review or further are kept (they are
cancelled, not deleted, elsewhere) and counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core import posts, timezone, validate
from core.db import Database, new_uid, now_iso
from core.errors import ValidationError
from core.i18n import N_, _

FREQUENCIES = {"weekly": N_("Weekly"), "monthly": N_("Monthly")}
#: The most occurrences one series makes (five years of weeks).
MOST = 260
SCOPES = ("one", "following", "all")


@dataclass(frozen=True)
class Rule:
    frequency: str
    starts_on: dt.date
    interval: int = 1
    #: The last day an occurrence may fall on (inclusive), or None.
    ends_on: dt.date | None = None
    #: How many occurrences in all (the first included), or None.
    count: int | None = None


@dataclass(frozen=True)
class Series:
    id: int
    rule: Rule
    #: The occurrences' post ids, by the date the series gave them.
    post_ids: tuple[int, ...]


def frequency_title(frequency: str) -> str:
    return _(FREQUENCIES[frequency])


def check(rule: Rule) -> Rule:
    """The rule, or a ValidationError naming the field that is wrong."""
    validate.choice("frequency", rule.frequency, tuple(FREQUENCIES))
    if not isinstance(rule.interval, int) or not 1 <= rule.interval <= 12:
        raise ValidationError("interval", rule.interval, _("from 1 to 12"))
    if rule.ends_on is None and rule.count is None:
        raise ValidationError("ends_on", None, _("give an end date or a number of times"))
    if rule.ends_on is not None and rule.ends_on < rule.starts_on:
        raise ValidationError(
            "ends_on", rule.ends_on.isoformat(), _("the end comes before the start")
        )
    if rule.count is not None and not (isinstance(rule.count, int) and 1 <= rule.count <= MOST):
        raise ValidationError("count", rule.count, _("from 1 to {most}").format(most=MOST))
    return rule


def dates(rule: Rule) -> list[dt.date]:
    """The occurrences' dates: the start, then every `interval` weeks or months (a monthly
    series on the 31st falls on the last day of shorter months, and back on the 31st after).
    More than `MOST` is refused."""
    check(rule)
    found: list[dt.date] = []
    step = 0
    while True:
        if rule.frequency == "weekly":
            day = rule.starts_on + dt.timedelta(weeks=rule.interval * step)
        else:
            day = timezone.add_months(rule.starts_on, rule.interval * step)
        if rule.ends_on is not None and day > rule.ends_on:
            break
        if rule.count is not None and len(found) == rule.count:
            break
        if len(found) == MOST:
            raise ValidationError(
                "ends_on",
                rule.ends_on.isoformat() if rule.ends_on else None,
                _("more than {most} occurrences: choose an earlier end").format(most=MOST),
            )
        found.append(day)
        step += 1
    return found


def post_day(db: Database, post_id: int) -> dt.date | None:
    post = posts.get(db, post_id)
    first = post.planned or min(
        (v.planned for v in posts.variants_of(db, post_id) if v.planned), default=None
    )
    return first.date() if first is not None else None


def make_series(db: Database, post_id: int, rule: Rule, *, by: int | None = None) -> Series:
    """Repeat the post by `rule`, all or nothing: the post is the first occurrence (on the
    rule's start), copies of it the others. A post already in a series is refused."""
    post = posts.get(db, post_id)
    if db.conn.execute("SELECT series_id FROM posts WHERE id = ?", (post_id,)).fetchone()[0]:
        raise ValidationError("post", post.title, _("this post already repeats in a series"))
    days = dates(rule)
    start = post_day(db, post_id)
    if start is not None and start != rule.starts_on:
        raise ValidationError(
            "starts_on", rule.starts_on.isoformat(), _("a series starts on its first post's day")
        )
    with db.transaction():
        ids = [post_id] + [posts.duplicate(db, post_id, day, by=by).id for day in days[1:]]
        series_id = _store(db, rule, list(zip(days, ids, strict=True)))
    return Series(series_id, rule, tuple(ids))


def _store(db: Database, rule: Rule, occurrences: list[tuple[dt.date, int]]) -> int:
    """The series' row, and each occurrence's post tied to it (inside the caller's
    transaction)."""
    stamp = now_iso()
    series_id = db.conn.execute(
        """INSERT INTO post_series
           (uid, frequency, interval, starts_on, ends_on, count, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            new_uid(),
            rule.frequency,
            rule.interval,
            rule.starts_on.isoformat(),
            rule.ends_on.isoformat() if rule.ends_on else None,
            rule.count,
            stamp,
            stamp,
        ),
    ).lastrowid
    db.conn.executemany(  # a change the bureau's merge must see: the time of change moves
        "UPDATE posts SET series_id = ?, series_date = ?, updated_at = ? WHERE id = ?",
        [(series_id, day.isoformat(), stamp, post_id) for day, post_id in occurrences],
    )
    return series_id


def series_of(db: Database, post_id: int) -> Series | None:
    row = db.conn.execute(
        """SELECT s.id, s.frequency, s.interval, s.starts_on, s.ends_on, s.count
           FROM posts p JOIN post_series s ON s.id = p.series_id WHERE p.id = ?""",
        (post_id,),
    ).fetchone()
    if row is None:
        return None
    rule = Rule(
        row[1],
        dt.date.fromisoformat(row[3]),
        row[2],
        dt.date.fromisoformat(row[4]) if row[4] else None,
        row[5],
    )
    ids = tuple(
        r[0]
        for r in db.query(
            "SELECT id FROM posts WHERE series_id = ? ORDER BY series_date, id", (row[0],)
        )
    )
    return Series(row[0], rule, ids)


def series_date(db: Database, post_id: int) -> dt.date | None:
    row = db.conn.execute("SELECT series_date FROM posts WHERE id = ?", (post_id,)).fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def _scope_ids(db: Database, post_id: int, scope: str) -> list[int]:
    validate.choice("scope", scope, SCOPES)
    series = series_of(db, post_id)
    if series is None or scope == "one":
        return [post_id]
    if scope == "all":
        return list(series.post_ids)
    day = series_date(db, post_id)
    return [pid for pid in series.post_ids if series_date(db, pid) >= day]


#: The statuses of a later occurrence that carrying changes rewrites; one that is in
#: review, approved, scheduled, published or cancelled keeps what was vetted or went out.
CARRIED_TO = ("idea", "draft", "changes")


@dataclass(frozen=True)
class Carried:
    #: Later occurrences that took the changes.
    changed: int
    #: Later occurrences left as they were: in review or further along.
    kept: int


def _local(moment: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return moment.astimezone(tz).replace(tzinfo=None)


def apply_to_following(db: Database, post_id: int, *, by: int | None = None) -> Carried:
    """Carry the occurrence's title, master text, pillar, campaign, notes, people, and each
    account's text, hashtags and time of day to the series' later occurrences that are still
    ideas, drafts or sent back for changes; each keeps its own days (one that was moved
    stays where it is). Occurrences in review or further keep what was vetted."""
    source = posts.get(db, post_id)
    tz = timezone.institution_zone(db)
    source_day = post_day(db, post_id)
    variants = {v.account_id: v for v in posts.variants_of(db, post_id)}
    later = [pid for pid in _scope_ids(db, post_id, "following") if pid != post_id]
    changed = kept = 0
    with db.transaction():
        for other_id in later:
            other = posts.get(db, other_id)
            others = {v.account_id: v for v in posts.variants_of(db, other_id)}
            if any(v.status not in CARRIED_TO for v in others.values()):
                kept += 1
                continue
            day = post_day(db, other_id) or series_date(db, other_id)
            fields: dict[str, object] = {}
            if source.planned is not None and day is not None:
                own = _local(other.planned, tz).date() if other.planned else day
                fields["planned_at"] = dt.datetime.combine(own, _local(source.planned, tz).time())
            posts.update(
                db,
                other_id,
                **fields,
                title=source.title,
                text=source.text,
                notes=source.notes,
                pillar_id=source.pillar_id,
                campaign=source.campaign,
                owner_id=source.owner_id,
                approver_id=source.approver_id,
            )
            for account_id, variant in variants.items():
                if variant.status == "cancelled":
                    continue
                target = others.get(account_id)
                when: dt.datetime | None = None
                if variant.planned is not None and day is not None:
                    source_local = _local(variant.planned, tz)
                    if target is not None and target.planned is not None:
                        own = _local(target.planned, tz).date()  # its own day, moved or not
                    else:  # the same distance from the post's day as in the source
                        shift = source_local.date() - (source_day or source_local.date())
                        own = day + shift
                    when = dt.datetime.combine(own, source_local.time())
                if target is None:
                    posts.add_variant(
                        db,
                        other_id,
                        account_id,
                        variant.text,
                        "draft" if variant.text.strip() else "idea",
                        when,
                        hashtags=variant.hashtags,
                        by=by,
                    )
                else:
                    posts.update_variant(
                        db,
                        target.id,
                        text=variant.text,
                        hashtags=variant.hashtags,
                        planned_at=when if when is not None else posts.KEEP,
                        by=by,
                    )
            changed += 1
    return Carried(changed, kept)


def delete_occurrences(db: Database, post_id: int, scope: str) -> tuple[int, int]:
    """Delete this occurrence ("one"), it and the later ones ("following") or the whole
    series ("all"), all or nothing; occurrences past the draft stage are kept (cancel them
    instead). Returns (deleted, kept)."""
    ids = _scope_ids(db, post_id, scope)
    deleted = kept = 0
    with db.transaction():
        for pid in ids:
            statuses = {v.status for v in posts.variants_of(db, pid)}
            if statuses - set(posts.DELETABLE):
                kept += 1
                continue
            posts.delete(db, pid)
            deleted += 1
        # A series of one post is no series: that post may be repeated anew.
        db.conn.execute(
            """UPDATE posts SET series_id = NULL, series_date = NULL, updated_at = ?
               WHERE series_id IN (SELECT series_id FROM posts WHERE series_id IS NOT NULL
                                   GROUP BY series_id HAVING count(*) < 2)""",
            (now_iso(),),
        )
        db.conn.execute(
            "DELETE FROM post_series WHERE id NOT IN "
            "(SELECT DISTINCT series_id FROM posts WHERE series_id IS NOT NULL)"
        )
    return deleted, kept


def populate_demo(db: Database, context) -> None:
    """The demo's Friday quiz as a weekly series (its posts were planned one by one)."""
    rows = db.query("SELECT id FROM posts WHERE title LIKE 'Kuis Jumat Mutu%' ORDER BY id")
    days = sorted((day, pid) for (pid,) in rows if (day := post_day(db, pid)) is not None)
    if len(days) < 2:
        return
    _store(db, Rule("weekly", days[0][0], count=len(days)), days)
