"""The platforms' own export files: Meta Business Suite (Facebook, Instagram), X, YouTube
Studio and TikTok Studio, read exactly as users download them (and as Excel re-saves them).

Each file is recognised from its headers, never from column positions: columns come and go
between versions and headers follow the user's interface language, so every field lists its
English and Indonesian names. Per-post files (kind "posts") go to post metrics, keyed by the
platform's post id (core.importing.posts); daily account files (kind "account") go to the
day's snapshot. What a file's layout needs undone is each format's `split`:

- Meta's page-level daily files: a `sep=,` line (read.py), a title line naming the metric and
  often the platform ("Facebook follows"), then "Date","Primary"; several tables may be
  stacked in one file. Each table becomes one sheet whose figure column is named by its metric.
- The older Facebook Insights post export: a row describing each column under the header.
- YouTube's Table data: a first row "Total", which is not a video. Chart data split by video
  is left out (the day's totals come from Totals.csv or an unsplit chart).
- TikTok's daily files: dates without a year ("December 28"); the year is inferred from the
  dates' order, the last one being the latest such day not after today.

The counts follow core.importing.pipeline's rules (thousands commas, "424.0", "-" and "—" as
no value). Lifetime figures of a post are stored under the day it was published.
"""

from __future__ import annotations

import datetime as dt
import re

from core import parse
from core.i18n import N_, _
from core.importing import read
from core.importing.formats import FORMATS, GENERIC, Format, normalise

_MONTHS = parse.MONTHS
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
_TIME = r"(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm|AM|PM)?)?"
_ZONE = r"(?:\s*(?:UTC|GMT)?\s*([+-]\d{2}):?(\d{2}))?"
_NUMERIC = re.compile(rf"(\d{{1,4}})[/.-](\d{{1,2}})[/.-](\d{{1,4}}){_TIME}{_ZONE}\s*")
_MONTH_FIRST = re.compile(rf"{_WEEKDAY}([A-Za-z]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}}){_TIME}{_ZONE}\s*")
_DAY_FIRST = re.compile(rf"{_WEEKDAY}(\d{{1,2}})\s+([A-Za-z]+)\.?,?\s+(\d{{4}}){_TIME}{_ZONE}\s*")
_NO_YEAR = re.compile(r"\s*(?:([A-Za-z]+)\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]+)\.?)\s*")


def _clock(date: dt.date, match: re.Match, first: int) -> dt.date | dt.datetime:
    hour, minute, second, half, zone_h, zone_m = match.groups()[first : first + 6]
    if hour is None:
        return date
    hour = int(hour)
    if half:
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    moment = dt.datetime(date.year, date.month, date.day, hour, int(minute), int(second or 0))
    if zone_h is not None:
        sign = -1 if zone_h.startswith("-") else 1
        offset = dt.timedelta(hours=int(zone_h[1:]), minutes=int(zone_m))
        moment = moment.replace(tzinfo=dt.timezone(sign * offset))
    return moment


def moment(cell: object, order: str = "mdy") -> dt.date | dt.datetime:
    """A date cell of a platform's export as a date, or a datetime when it has a time (aware
    when it gives its offset, as X's "2025-10-03 18:42 +0000"). `order` reads 10/03/2025
    (Meta's exports write month first). Raises ValueError when it is no date."""
    if isinstance(cell, dt.datetime | dt.date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return parse.date(cell)  # an Excel serial
    text = str(cell or "").strip()
    if not text:
        raise ValueError("no date")
    with_t = text.replace("T", " ", 1) if re.match(r"\d{4}-\d{2}-\d{2}T", text) else text
    found = _NUMERIC.fullmatch(with_t)
    if found:
        a, b, c = (int(x) for x in found.groups()[:3])
        if len(found.group(1)) == 4:
            year, month, day = a, b, c
        else:
            year = c + (2000 if c < 100 else 0)
            month, day = (a, b) if order == "mdy" else (b, a)
        return _clock(dt.date(year, month, day), found, 3)
    for pattern, month_at, day_at in ((_MONTH_FIRST, 0, 1), (_DAY_FIRST, 1, 0)):
        found = pattern.fullmatch(text)
        if found and found.group(month_at + 1).lower() in _MONTHS:
            month = _MONTHS[found.group(month_at + 1).lower()]
            day = dt.date(int(found.group(3)), month, int(found.group(day_at + 1)))
            return _clock(day, found, 3)
    raise ValueError(f"not a date: {text!r}")


def _day_month(cell: object) -> tuple[int, int] | None:
    """(month, day) of a date without a year ("December 28", "28 Desember"), else None."""
    found = _NO_YEAR.fullmatch(str(cell or ""))
    if not found:
        return None
    name, day = (found.group(1), found.group(2)) if found.group(1) else found.group(4, 3)
    month = _MONTHS.get(name.lower())
    return (month, int(day)) if month else None


# --- splits -----------------------------------------------------------------------------


def _cells(row: list) -> list[str]:
    return [normalise(c) for c in row if c is not None and str(c).strip()]


def _meta_daily_metric(title: str) -> tuple[str | None, str | None]:
    """(platform, our field) a Meta daily table's title line names ("Facebook follows")."""
    text = normalise(title)
    platform = "instagram" if "instagram" in text else "facebook" if "facebook" in text else None
    for words, field in (
        # Not a day's figure we keep (a page's or profile's visits, unfollows, clicks…):
        (
            (
                "unfollow",
                "berhenti mengikuti",
                "page view",
                "profile view",
                "visit",
                "kunjungan",
                "click",
                "klik",
                "profil",
            ),
            None,
        ),
        # A running total is the day's followers; "follows" are the day's new ones.
        (("followers", "follower count", "jumlah pengikut", "total pengikut"), "followers"),
        (("follow", "mengikuti", "pengikut baru"), "new_followers"),
        (("video view", "penayangan video", "3-second", "3 detik"), "video_views"),
        (("reach", "jangkauan"), "reach"),
        (("impression", "views", "tayangan", "impresi"), "impressions"),
        (("interaction", "engagement", "interaksi"), "engagements"),
    ):
        if any(word in text for word in words):
            return platform, field
    return platform, None


def _is_meta_daily(sheet: read.Sheet) -> bool:
    heads = [sheet.headers, *(cells for _n, cells in sheet.rows[:3])]
    return any(_cells(h) in (["date", "primary"], ["tanggal", "utama"]) for h in heads)


def split_meta_daily(sheet: read.Sheet, today: dt.date) -> list[read.Sheet]:
    """One sheet per stacked table, its figure column named by the table's metric."""
    lines = [(0, sheet.headers), *sheet.rows]
    tables: list[read.Sheet] = []
    left_out: list[str] = []
    title = ""
    current: read.Sheet | None = None
    for number, cells in lines:
        words = _cells(cells)
        if words in (["date", "primary"], ["tanggal", "utama"]):
            platform, field = _meta_daily_metric(title)
            if field is None:
                left_out.append(title or "Primary")
                current = None
            else:
                current = read.Sheet(["Date", title], [], sheet.kind, platform)
                current.fields[title] = field
                tables.append(current)
            continue
        if not words:
            continue
        if len(words) == 1 and not re.match(r"\d", words[0]):
            title = str(next(c for c in cells if c is not None and str(c).strip())).strip()
            current = None
            continue
        if current is not None:
            current.rows.append((number, list(cells[:2])))
    if not tables:
        raise read.Unreadable(
            _("none of its tables holds a figure Linimasa keeps (it has: {names})").format(
                names=", ".join(left_out) or "—"
            )
        )
    tables[0].left_out.extend(left_out)
    return tables


def split_insights(sheet: read.Sheet, today: dt.date) -> list[read.Sheet]:
    """The older Facebook Insights export: the row under the header describes each column."""
    rows = sheet.rows
    if rows:
        cells = [str(c or "") for c in rows[0][1]]
        if not cells[0].strip() or any(c.startswith(("Lifetime:", "Daily:")) for c in cells):
            rows = rows[1:]
    return [read.Sheet(sheet.headers, rows, sheet.kind)]


def split_youtube_table(sheet: read.Sheet, today: dt.date) -> list[read.Sheet]:
    """YouTube's Table data: the first row, "Total", sums every video; it is not a video."""
    rows = [
        (n, cells)
        for n, cells in sheet.rows
        if not (cells and normalise(cells[0]) in ("total", "jumlah", "totals"))
    ]
    return [read.Sheet(sheet.headers, rows, sheet.kind)]


def split_youtube_chart(sheet: read.Sheet, today: dt.date) -> list[read.Sheet]:
    """Chart data split by video is left out; an unsplit chart is the day's totals."""
    per_video = {"content", "konten", "video title", "judul video"}
    if any(normalise(h) in per_video for h in sheet.headers):
        kept = read.Sheet(sheet.headers[:1], [], sheet.kind)
        kept.left_out.append(_("figures per video per day (the day's totals come from Totals.csv)"))
        return [kept]
    return [sheet]


def split_no_year(sheet: read.Sheet, today: dt.date) -> list[read.Sheet]:
    """TikTok's daily files write "December 28" without a year. The dates run in order (either
    way); the latest is the latest such day not after today, and the year steps back each time
    the dates cross a year end."""
    date_at = next(
        (i for i, h in enumerate(sheet.headers) if normalise(h) in ("date", "tanggal")), None
    )
    if date_at is None:
        return [sheet]
    parsed = []
    for number, cells in sheet.rows:
        cell = cells[date_at] if date_at < len(cells) else None
        parsed.append((number, cells, _day_month(cell)))
    if not any(p[2] for p in parsed):
        return [sheet]  # the dates have their year
    known = [p[2] for p in parsed if p[2]]
    ascending = sum(b >= a for a, b in zip(known, known[1:], strict=False)) >= sum(
        b <= a for a, b in zip(known, known[1:], strict=False)
    )
    order = parsed if ascending else parsed[::-1]
    last = next(p[2] for p in reversed(order) if p[2])
    year = today.year if last <= (today.month, today.day) else today.year - 1
    later: tuple[int, int] | None = None
    dated: dict[int, str] = {}
    for number, _row, month_day in reversed(order):
        if month_day is None:
            continue
        if later is not None and month_day > later:
            year -= 1  # crossed a year end going back
        later = month_day
        try:
            dated[number] = dt.date(year, *month_day).isoformat()
        except ValueError:  # 29 February in a year without it
            dated[number] = f"{year}-{month_day[0]:02d}-{month_day[1]:02d}"
    if dated and (
        dt.date.fromisoformat(max(dated.values())) - dt.date.fromisoformat(min(dated.values()))
    ) > dt.timedelta(days=366):
        raise read.Unreadable(
            _(
                "its dates have no year and are not in order, so their year cannot be told; "
                "download the file again from TikTok Studio and import it unchanged"
            )
        )
    rows = []
    for number, cells, _month_day in parsed:
        if number in dated:
            cells = list(cells)
            cells[date_at] = dated[number]
        rows.append((number, cells))
    return [read.Sheet(sheet.headers, rows, sheet.kind)]


# --- the formats ------------------------------------------------------------------------


def _marks(*names: str):
    """A detector: the file has at least one of these headers (the format's signature)."""
    wanted = {normalise(n) for n in names}

    def detect(headers: list[str]) -> bool:
        return any(normalise(h) in wanted for h in headers)

    return detect


def _all_of(*groups: tuple[str, ...]):
    """A detector: the file has one header of every group."""
    wanted = [{normalise(n) for n in group} for group in groups]

    def detect(headers: list[str]) -> bool:
        found = {normalise(h) for h in headers}
        return all(found & group for group in wanted)

    return detect


_META_POST = {
    "post_id": ["Post ID", "ID Postingan", "ID Posting", "ID Kiriman"],
    "url": ["Permalink", "Tautan permanen", "Permalink postingan"],
    "published": ["Publish time", "Waktu publikasi", "Waktu dipublikasikan", "Waktu terbit"],
    "caption": ["Description", "Deskripsi", "Keterangan"],
    "reach": ["Reach", "Jangkauan"],
    "impressions": ["Views", "Impressions", "Tayangan", "Impresi", "Dilihat"],
    "comments": ["Comments", "Komentar"],
    "shares": ["Shares", "Bagikan", "Dibagikan", "Berbagi"],
}

META_FACEBOOK_POSTS = Format(
    "meta-facebook-posts",
    {
        **_META_POST,
        "title": ["Title", "Judul"],
        "reactions": ["Reactions", "Reaksi"],
        "engagements": [
            "Reactions, Comments and Shares",
            "Reaksi, komentar, dan bagikan",
            "Reaksi, Komentar, dan Bagikan",
        ],
    },
    detect_headers=_all_of(
        ("Page ID", "ID Halaman", "Page name", "Nama Halaman"),
        ("Post ID", "ID Postingan", "Permalink", "Tautan permanen", "Publish time"),
    ),
    title=N_("Meta Business Suite: Facebook posts"),
    family="meta",
    platform="facebook",
    kind="posts",
    required=("post_id", "published"),
    moment=moment,
)

META_INSTAGRAM_POSTS = Format(
    "meta-instagram-posts",
    {
        **_META_POST,
        "handle": ["Account username", "Nama pengguna akun", "Nama pengguna"],
        "reactions": ["Likes", "Suka", "Jumlah suka"],
        "saves": ["Saves", "Simpanan", "Disimpan", "Penyimpanan"],
    },
    detect_headers=_all_of(
        ("Account ID", "ID Akun", "Account username", "Nama pengguna akun"),
        ("Post ID", "ID Postingan", "Permalink", "Tautan permanen", "Publish time"),
    ),
    title=N_("Meta Business Suite: Instagram posts"),
    family="meta",
    platform="instagram",
    kind="posts",
    required=("post_id", "published"),
    moment=moment,
)

META_DAILY = Format(
    "meta-daily",
    {
        "date": ["Date", "Tanggal"],
    },  # the figure's column: named by its table's title (split_meta_daily)
    detect_headers=lambda _headers: False,  # by its "Date","Primary" table: detect_sheet
    title=N_("Meta Business Suite: daily page figures"),
    family="meta",
    required=("date",),
    split=split_meta_daily,
    moment=moment,
)

FACEBOOK_INSIGHTS = Format(
    "facebook-insights-posts",
    {
        "post_id": ["Post ID"],
        "url": ["Permalink"],
        "caption": ["Post Message"],
        "published": ["Posted"],
        "reach": ["Lifetime Post Total Reach"],
        "impressions": ["Lifetime Post Total Impressions"],
        "engagements": ["Lifetime Engaged Users"],
        "reactions": ["Lifetime Post Stories by action type - like"],
        "comments": ["Lifetime Post Stories by action type - comment"],
        "shares": ["Lifetime Post Stories by action type - share"],
        # Each comes twice, Total Count then Unique Users: the first one counts.
        "organic_views": ["Lifetime Organic Video Views"],
        "paid_views": ["Lifetime Paid Video Views"],
    },
    detect_headers=_marks("Lifetime Post Total Reach", "Lifetime Post Total Impressions"),
    title=N_("Facebook Insights: post-level export"),
    family="meta",
    platform="facebook",
    kind="posts",
    required=("post_id", "published"),
    split=split_insights,
    moment=moment,
    sums={"video_views": ("organic_views", "paid_views")},
)

X_TWEET_ACTIVITY = Format(
    "x-tweet-activity",
    {
        "post_id": ["Tweet id", "ID Tweet"],
        "url": ["Tweet permalink", "Permalink Tweet"],
        "caption": ["Tweet text", "Teks Tweet"],
        "published": ["time", "waktu"],
        "impressions": ["impressions", "impresi", "tayangan"],
        "engagements": ["engagements", "interaksi"],
        "shares": ["retweets", "Retweet"],
        "comments": ["replies", "balasan"],
        "reactions": ["likes", "favorites", "suka"],
    },
    detect_headers=_marks("Tweet id", "Tweet permalink", "ID Tweet"),
    title=N_("X: tweet activity (older per-post export)"),
    family="x",
    platform="x",
    kind="posts",
    required=("post_id", "published"),
    moment=moment,
)

X_CONTENT = Format(
    "x-content",
    {
        "post_id": ["Post id", "ID postingan"],
        "url": ["Post Link", "Tautan postingan"],
        "caption": ["Post text", "Teks postingan"],
        "published": ["Date", "Tanggal"],
        "impressions": ["Impressions", "Impresi", "Tayangan"],
        "engagements": ["Engagements", "Interaksi"],
        "reactions": ["Likes", "Suka"],
        "comments": ["Replies", "Balasan"],
        "shares": ["Reposts", "Posting ulang"],
        "saves": ["Bookmarks", "Markah"],
    },
    detect_headers=_all_of(("Post id", "Post Link", "ID postingan"), ("Reposts", "Posting ulang")),
    title=N_("X: account analytics, posts"),
    family="x",
    platform="x",
    kind="posts",
    required=("post_id", "published"),
    moment=moment,
)

X_OVERVIEW = Format(
    "x-overview",
    {
        "date": ["Date", "Tanggal"],
        "impressions": ["Impressions", "Impresi", "Tayangan"],
        "engagements": ["Engagements", "Interaksi"],
        "new_followers": ["New follows", "Pengikut baru"],
        "video_views": ["Video views", "Penayangan video"],
    },
    detect_headers=_all_of(
        ("New follows", "Pengikut baru"), ("Unfollows", "Create Post", "Berhenti mengikuti")
    ),
    title=N_("X: account overview, per day"),
    family="x",
    platform="x",
    required=("date",),
    moment=moment,
)

_YT_VIDEO = {"post_id": ["Content", "Konten"], "caption": ["Video title", "Judul video"]}
_YT_METRICS = {
    "video_views": ["Views", "Penayangan", "Kali ditonton"],
    "impressions": ["Impressions", "Tayangan", "Impresi"],
}

YOUTUBE_TABLE = Format(
    "youtube-table",
    {
        **_YT_VIDEO,
        "published": ["Video publish time", "Waktu publikasi video", "Waktu publikasi"],
        **_YT_METRICS,
    },
    detect_headers=lambda headers: (
        _all_of(
            ("Content", "Konten", "Video title", "Judul video"),
            ("Video publish time", "Waktu publikasi video"),
        )(headers)
        and not _marks("Date", "Tanggal")(headers)  # Chart data: per video per day
    ),
    title=N_("YouTube Studio: table data (per video)"),
    family="youtube",
    platform="youtube",
    kind="posts",
    required=("post_id",),
    split=split_youtube_table,
    moment=moment,
)

YOUTUBE_DAILY = Format(
    "youtube-daily",
    {
        "date": ["Date", "Tanggal"],
        **_YT_METRICS,
        "new_followers": ["Subscribers gained", "Subscriber yang diperoleh"],
    },
    detect_headers=lambda headers: (
        bool({normalise(h) for h in headers} & {"date", "tanggal"})
        and bool({normalise(h) for h in headers} & {"views", "penayangan", "watch time (hours)"})
        and not {normalise(h) for h in headers} & {"video views", "profile views"}
    ),
    title=N_("YouTube Studio: chart data or totals (per day)"),
    family="youtube",
    platform="youtube",
    required=("date",),
    split=split_youtube_chart,
    moment=moment,
)

TIKTOK_OVERVIEW = Format(
    "tiktok-overview",
    {
        "date": ["Date", "Tanggal"],
        "video_views": ["Video Views", "Penayangan video", "Tayangan video"],
        "likes": ["Likes", "Suka"],
        "comments": ["Comments", "Komentar"],
        "shares": ["Shares", "Bagikan", "Dibagikan"],
    },
    detect_headers=_marks("Profile Views", "Penayangan profil", "Tayangan profil"),
    title=N_("TikTok Studio: overview (per day)"),
    family="tiktok",
    platform="tiktok",
    required=("date",),
    split=split_no_year,
    moment=moment,
    sums={"engagements": ("likes", "comments", "shares")},
)

TIKTOK_FOLLOWERS = Format(
    "tiktok-followers",
    {"date": ["Date", "Tanggal"], "followers": ["Followers", "Pengikut"]},
    detect_headers=_marks(
        "Difference in followers from previous day", "Selisih pengikut dari hari sebelumnya"
    ),
    title=N_("TikTok Studio: follower history"),
    family="tiktok",
    platform="tiktok",
    required=("date", "followers"),
    split=split_no_year,
    moment=moment,
)

TIKTOK_CONTENT = Format(
    "tiktok-content",
    {
        "caption": ["Video title", "Judul video"],
        "url": ["Video link", "Tautan video"],
        "published": ["Post time", "Waktu posting", "Waktu unggah"],
        "reactions": ["Total likes", "Jumlah suka", "Total suka"],
        "comments": ["Total comments", "Jumlah komentar", "Total komentar"],
        "shares": ["Total shares", "Jumlah dibagikan", "Total bagikan"],
        "video_views": ["Total views", "Jumlah penayangan", "Total penayangan"],
    },
    detect_headers=_marks("Video link", "Tautan video"),
    title=N_("TikTok Studio: content (per video)"),
    family="tiktok",
    platform="tiktok",
    kind="posts",
    required=("url", "published"),
    moment=moment,
)

#: Detected in this order, before GENERIC; the daily Meta file by its "Date","Primary" table.
PLATFORM_FORMATS = [
    META_FACEBOOK_POSTS,
    META_INSTAGRAM_POSTS,
    FACEBOOK_INSIGHTS,
    X_TWEET_ACTIVITY,
    X_CONTENT,
    X_OVERVIEW,
    YOUTUBE_TABLE,
    TIKTOK_CONTENT,
    TIKTOK_OVERVIEW,
    TIKTOK_FOLLOWERS,
    YOUTUBE_DAILY,
]


def detect_sheet(sheet: read.Sheet) -> Format | None:
    """The platform format of a read sheet, or None (then the headers decide, GENERIC last)."""
    if _is_meta_daily(sheet):
        return META_DAILY
    return None


def install() -> None:
    """Put the platform formats before GENERIC in `formats.FORMATS` (once)."""
    if META_FACEBOOK_POSTS in FORMATS:
        return
    at = FORMATS.index(GENERIC)
    FORMATS[at:at] = [*PLATFORM_FORMATS, META_DAILY]


install()
