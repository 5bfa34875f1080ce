"""Posts published outside the plan: posts a platform's export showed (core.importing.posts)
that no planned variant matches. Their figures are kept in `post_metrics` without a variant;
the calendar's list shows them (`outside_plan_for_calendar`), read-only.

The demo adds three (a quick clarification of a hoax, live coverage, a condolence) as an
import would leave them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass

from core import accounts, metrics, timezone

#: The demo's posts come after the base demo and the calendar's extras.
DEMO_ORDER = 150


@dataclass(frozen=True)
class OutsidePost:
    """A post a platform's export showed that no planned variant matches."""

    account_id: int
    post_id: str
    date: str
    published_at: str | None
    url: str
    caption: str
    figures: dict[str, int]


def outside_plan(
    db, start: str, end: str, account_ids: list[int] | None = None
) -> list[OutsidePost]:
    """The posts published outside the plan from `start` to `end` (ISO days), their latest
    figures, by publication time."""
    names = metrics.POST_COUNTS
    where = ""
    params: list = [start, end]
    if account_ids is not None:
        if not account_ids:
            return []
        where = f" AND m.account_id IN ({','.join('?' * len(account_ids))})"
        params += list(account_ids)
    found = db.conn.execute(
        f"""SELECT m.account_id, m.external_post_id, m.date, m.published_at,
                   coalesce(m.url, ''), coalesce(m.caption, ''), {", ".join(f"m.{n}" for n in names)}
            FROM post_metrics m
            WHERE m.variant_id IS NULL AND m.external_post_id IS NOT NULL
              AND m.date BETWEEN ? AND ?{where}
              AND m.date = (SELECT max(o.date) FROM post_metrics o
                            WHERE o.account_id = m.account_id
                              AND o.external_post_id = m.external_post_id)
            ORDER BY coalesce(m.published_at, m.date), m.account_id""",
        params,
    ).fetchall()
    return [
        OutsidePost(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            {n: v for n, v in zip(names, r[6:], strict=True) if v is not None},
        )
        for r in found
    ]


def outside_plan_for_calendar(db, start: dt.date, end: dt.date, filters) -> list[OutsidePost]:
    """The posts published outside the plan that the calendar shows from `start` to `end`
    with `filters` (a core.planning.Filters), by publication time, which is given in the
    institution's zone, as the calendar's days are.

    They are our own accounts' posts (not another institution's) that the account, platform
    and work-unit filters keep (the account's unit standing for the post's), with every search
    word in the caption; none unless published posts are shown, nor when an assignee, pillar
    or campaign is asked for, which such a post has none of."""
    if filters.statuses and "published" not in filters.statuses:
        return []
    if filters.assignee_ids or filters.pillar_ids or filters.campaigns:
        return []
    chosen = [
        account.id
        for account in accounts.list_all(db, include_archived=True)
        if not account.peer
        and (not filters.account_ids or account.id in filters.account_ids)
        and (not filters.platforms or account.platform in filters.platforms)
        and (not filters.unit_ids or account.unit_id in filters.unit_ids)
    ]
    if not chosen:
        return []
    tz = timezone.institution_zone(db)
    words = filters.text.casefold().split()
    # The day a post is stored under is the platform's (or the exporter's): in our zone it
    # may be the day before or after, so one more day is read on either side.
    margin = dt.timedelta(days=1)
    first, last = start.isoformat(), end.isoformat()
    shown = []
    for post in outside_plan(db, (start - margin).isoformat(), (end + margin).isoformat(), chosen):
        published_at = post.published_at
        if published_at:
            try:
                published_at = timezone.stored(published_at, tz)
            except ValueError:
                published_at = None
        day = published_at[:10] if published_at else post.date
        caption = post.caption.casefold()
        if first <= day <= last and all(word in caption for word in words):
            shown.append(dataclasses.replace(post, published_at=published_at))
    return sorted(shown, key=lambda post: post.published_at or post.date)


# --- demo -------------------------------------------------------------------------------

#: (days before today, platform, hour:minute, caption, figures)
POSTS = (
    (
        3,
        "instagram",
        "19:40",
        "KLARIFIKASI: Beredar pesan berantai tentang penarikan sertifikat mutu produk UMKM. "
        "Informasi tersebut tidak benar. Layanan sertifikasi tetap berjalan seperti biasa.",
        {"reach": 18240, "impressions": 25110, "reactions": 1312, "comments": 188, "shares": 640},
    ),
    (
        9,
        "facebook",
        "10:05",
        "Siaran langsung: Rapat Koordinasi Nasional Standardisasi dan Penilaian Kesesuaian "
        "2026 dari Jakarta.",
        {"reach": 6420, "impressions": 8930, "reactions": 214, "comments": 57, "shares": 31},
    ),
    (
        16,
        "instagram",
        "07:15",
        "Turut berduka cita atas wafatnya pegawai kami, Bapak Suryadi, penguji laboratorium "
        "yang telah mengabdi selama 28 tahun.",
        {"reach": 9870, "impressions": 12050, "reactions": 1870, "comments": 402, "shares": 12},
    ),
)


def populate_demo(db, context) -> None:
    rng = random.Random(context.seed + 11)
    rows = []
    for days, platform, clock, caption, figures in POSTS:
        account_id = context.account_ids.get(platform)
        if account_id is None:
            continue
        day = context.today - dt.timedelta(days=days)
        hour, minute = (int(part) for part in clock.split(":"))
        published = dt.datetime(day.year, day.month, day.day, hour, minute)
        post_id = str(rng.randrange(17_800_000_000_000_000, 18_200_000_000_000_000))
        if platform == "instagram":
            url = f"https://www.instagram.com/p/{rng.randrange(36**10):010x}/"
        else:
            url = f"https://www.facebook.com/permalink/{post_id}"
        rows.append(
            {
                "account_id": account_id,
                "external_post_id": post_id,
                "date": day.isoformat(),
                "published_at": published,
                "url": url,
                "caption": caption,
                "engagements": figures["reactions"] + figures["comments"] + figures["shares"],
                "source": "import",
                **figures,
            }
        )
    metrics.upsert_post_metrics(db, rows)
