"""Demo data: a fictional national standards agency with the central bureau's four accounts
and a regional office's two, seven years of follower history and a content calendar around today;
its units in a hierarchy, a team with office contacts, each account's security checklist, and two
accounts of another country's standards body followed for comparison (peers: no posts).

The follower figures pass exactly through the ones in the product brief (January and
August 2019), so that a demo file reproduces the sentence a real report once printed.
Everything is derived from `today` and `seed`, never from the clock or the global RNG.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import random
import uuid
from dataclasses import dataclass, field

from core import accounts, members, metrics, pillars, posts, security, settings, timezone, units
from core.db import Database

# The content files' reader; the names callers (tests, later capabilities) know from here.
from core.demo_content import (  # noqa: F401 - re-exported
    _QUIZ_SERIES_START,
    AUDIENCE,
    DATA_FILES,
    FOUNDING_YEAR,
    MEMBER_KEYS,
    UNIT_KEYS,
    DemoContent,
    DemoDataError,
    DemoOrganization,
    DemoPeer,
    ObservancePost,
    _observance_values,
    _Topic,
    _x_text,
    data_folder,
    load_content,
    read_observances,
)
from core.errors import LinimasaError
from core.i18n import _

INSTITUTION = "Badan Mutu Standar Nasional"
INSTITUTION_SHORT = "BMSN"
ADMIN_NICKNAME = "Mimin BeEmEs"
HANDLE = "bmsn_ri"
PLATFORMS = ("facebook", "instagram", "x", "youtube")

HISTORY_START = dt.date(2019, 1, 1)
BRIEF_DATE = dt.date(2019, 8, 1)
# Followers on 1 January and 1 August 2019: the figures of the agency's own report.
START_FOLLOWERS = {"facebook": 7853, "instagram": 52300, "x": 9900, "youtube": 692}
BRIEF_FOLLOWERS = {"facebook": 8470, "instagram": 76670, "x": 13300, "youtube": 905}
# Average monthly change after August 2019, per calendar year; later years use the last one.
MONTHLY_GROWTH = {
    "facebook": {2019: 60, 2020: 35, 2021: 30, 2022: 25, 2023: 20, 2024: 18, 2025: 15, 2026: 12},
    "instagram": {
        2019: 2200,
        2020: 1500,
        2021: 1200,
        2022: 1000,
        2023: 850,
        2024: 750,
        2025: 650,
        2026: 550,
    },
    "x": {2019: 250, 2020: 110, 2021: 90, 2022: 70, 2023: -25, 2024: 50, 2025: 45, 2026: 40},
    "youtube": {2019: 25, 2020: 25, 2021: 22, 2022: 20, 2023: 18, 2024: 17, 2025: 16, 2026: 15},
}
MONTHLY_DETAIL_FROM = dt.date(2024, 1, 1)
# Per platform: engagements / followers, reach / followers, impressions / reach, posts per month.
MONTHLY_RANGES = {
    "facebook": ((0.004, 0.012), (0.5, 1.1), (1.3, 1.8), (14, 24)),
    "instagram": ((0.015, 0.03), (0.35, 0.6), (1.6, 2.4), (20, 30)),
    "x": ((0.002, 0.006), (0.8, 1.6), (1.2, 1.6), (18, 30)),
    "youtube": ((0.01, 0.025), (2.0, 4.0), (4.0, 8.0), (8, 12)),
}
# The regional office (unit "bls") runs its own Facebook page and Instagram, smaller and
# growing slower; its topics go out there, and on the central X account.
REGIONAL_UNIT = "bls"
REGIONAL_PLATFORMS = ("facebook", "instagram")
REGIONAL_START_FOLLOWERS = {"facebook": 612, "instagram": 1480}  # on 1 January 2019
REGIONAL_MONTHLY_GROWTH = {
    "facebook": {2019: 18, 2020: 22, 2021: 20, 2022: 16, 2023: 14, 2024: 12, 2025: 11, 2026: 10},
    "instagram": {2019: 70, 2020: 95, 2021: 85, 2022: 75, 2023: 65, 2024: 60, 2025: 55, 2026: 50},
}
REGIONAL_MONTHLY_RANGES = {
    "facebook": ((0.008, 0.02), (0.3, 0.8), (1.2, 1.6), (4, 10)),
    "instagram": ((0.02, 0.04), (0.25, 0.5), (1.5, 2.2), (6, 12)),
}
POST_COUNT = 120
# Content pillars, and which a topic's kind belongs to.
DEMO_PILLARS = ("Edukasi", "Layanan publik", "Kegiatan", "Ucapan & peringatan", "Kuis & interaksi")
PILLAR_OF_KIND = {
    "infografis": "Edukasi",
    "edukasi": "Edukasi",
    "video": "Edukasi",
    "layanan": "Layanan publik",
    "acara": "Kegiatan",
    "kegiatan": "Kegiatan",
    "ucapan": "Ucapan & peringatan",
    "interaksi": "Kuis & interaksi",
    "kuis": "Kuis & interaksi",
}
_POST_TIME = {"ucapan": dt.time(7, 0), "kuis": dt.time(15, 0)}
QUIZ_CAMPAIGN = "Kuis Jumat Sobat Mutu"
# Images in resources/demo/images/ a kind of post uses; one post names a file on a drive the
# demo computer does not have, as a moved photo would be.
IMAGE_OF_KIND = {
    "infografis": "infografis-sni.jpg",
    "edukasi": "infografis-sni.jpg",
    "ucapan": "ucapan-hari-besar.jpg",
    "kuis": "kuis-jumat.jpg",
    "video": "thumbnail-video.jpg",
}
MISSING_ATTACHMENT = "D:\\Humas\\Foto\\2026\\rapat-koordinasi-mutu.jpg"


class DatabaseNotEmpty(LinimasaError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This database already holds accounts or posts. Demo data can only be added to an "
                "empty database: create a new file for the demo."
            )
        )


def regional_key(platform: str) -> str:
    """The key of the regional office's account on `platform` in `DemoContext.account_ids`."""
    return f"{REGIONAL_UNIT}:{platform}"


@dataclass(frozen=True)
class DemoContext:
    """What a capability's demo data can build on: the day, the seed and the base rows' ids.

    `account_ids` has the central accounts by platform ("instagram") and the regional office's
    by `regional_key(platform)` ("bls:instagram").
    """

    today: dt.date
    seed: int
    unit_ids: dict[str, int]
    account_ids: dict[str, int]
    post_ids: list[int]
    #: Another institution's accounts (peers: no unit, no posts, no checklist), by platform.
    peer_ids: dict[str, int] = field(default_factory=dict)


def demo_extensions() -> list:
    """Every core module's `populate_demo(db, context)`, in `DEMO_ORDER` (default 100), then name.

    A capability adds its demo data from its own module this way; this file need not change.
    """
    import core

    found = []
    for info in pkgutil.iter_modules(core.__path__):
        if info.ispkg or info.name == "demo":
            continue
        module = importlib.import_module(f"core.{info.name}")
        extend = getattr(module, "populate_demo", None)
        if callable(extend):
            found.append((getattr(module, "DEMO_ORDER", 100), info.name, extend))
    return [extend for _order, _name, extend in sorted(found, key=lambda f: f[:2])]


@dataclass(frozen=True)
class DemoSummary:
    units: int
    members: int
    accounts: int
    snapshots: int
    posts: int
    variants: int
    post_metrics: int
    #: Of `accounts`, how many are another institution's (peers).
    peers: int = 0
    security_checklists: int = 0


def _quiz_topic(day: dt.date, content: DemoContent) -> _Topic:
    quiz = content.quiz
    number = (day - _QUIZ_SERIES_START).days // 7 + 1
    values = {"number": number, "quiz": quiz.questions[number % len(quiz.questions)]}
    return _Topic(
        title=quiz.title.format(**values),
        kind="kuis",
        unit="humas",
        notes=content.common.notes.get("kuis", ""),
        ig=quiz.ig.format(**values),
        x=_x_text(quiz.x.format(**values), quiz.tags),
        fb=quiz.fb.format(**values),
        tags=quiz.tags,
    )


def _observance_topic(day: dt.date, post: ObservancePost, content: DemoContent) -> _Topic:
    values = _observance_values(day.year)
    title, greeting = post.title.format(**values), post.greeting.format(**values)
    tag, emoji, message = post.hashtag.format(**values), post.emoji, post.message
    if greeting.startswith("Selamat"):
        fb = f"Keluarga besar {INSTITUTION} mengucapkan {greeting}. {message}"
    else:
        fb = f"{greeting}. {message}"
    tags = (tag, "SobatMutu")
    return _Topic(
        title=title,
        kind="ucapan",
        unit="humas",
        notes=content.common.notes.get("ucapan", ""),
        ig=f"{greeting}, {AUDIENCE}! {emoji}\n\n{message}\n\n– {ADMIN_NICKNAME}\n\n#{tag} #SobatMutu #BMSN",
        x=_x_text(f"{greeting}! {emoji} {message}", tags),
        fb=f"{fb}\n\n#{tag}",
        tags=tags,
        video=post.video,
        yt=f"{title} | {INSTITUTION}\n\n{message}\n\n{content.common.yt_footer}"
        if post.video
        else "",
    )


# --- dates -------------------------------------------------------------------------------


def _month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    result, day = [], first
    while day <= last:
        result.append(day)
        day = timezone.add_months(day, 1)
    return result


# --- follower history --------------------------------------------------------------------


def _start_followers(key: str) -> int:
    """Followers on 1 January 2019 of the account with this key (see DemoContext)."""
    if key in START_FOLLOWERS:
        return START_FOLLOWERS[key]
    return REGIONAL_START_FOLLOWERS[key.removeprefix(regional_key(""))]


def _follower_history(key: str, months: list[dt.date], seed: int) -> dict[dt.date, int]:
    """Followers on the first of each month: through the brief's figures, then steady growth."""
    rng = random.Random(f"{seed}:followers:{key}")
    if key not in BRIEF_FOLLOWERS:
        return _regional_history(key, months, rng)
    platform = key
    start, brief = START_FOLLOWERS[platform], BRIEF_FOLLOWERS[platform]
    # January to August 2019: seven uneven steps that add up exactly to the reported growth.
    steps = [rng.uniform(0.6, 1.4) for _ in range(7)]
    total, running = sum(steps), 0.0
    values = {HISTORY_START: start}
    for index, step in enumerate(steps, start=1):
        running += step
        values[timezone.add_months(HISTORY_START, index)] = start + round(
            (brief - start) * running / total
        )
    followers = brief
    for month in months:
        if month <= BRIEF_DATE:
            continue
        rates = MONTHLY_GROWTH[platform]
        rate = rates.get(month.year, rates[max(rates)])
        followers = max(0, followers + round(rate * rng.uniform(0.65, 1.35)))
        values[month] = followers
    return {month: values[month] for month in months}


def _regional_history(key: str, months: list[dt.date], rng: random.Random) -> dict[dt.date, int]:
    """A regional account: steady growth from its January 2019 figure, a little each month."""
    rates = REGIONAL_MONTHLY_GROWTH[key.removeprefix(regional_key(""))]
    followers, values = _start_followers(key), {}
    for month in months:
        if month > HISTORY_START:
            rate = rates.get(month.year, rates[max(rates)])
            followers = max(0, followers + round(rate * rng.uniform(0.6, 1.4)))
        values[month] = followers
    return values


def _snapshot_rows(
    account_ids: dict[str, int], today: dt.date, seed: int
) -> tuple[list[dict], dict]:
    """Monthly snapshots of every account (keys as in DemoContext), and the follower series."""
    months = _month_starts(HISTORY_START, today.replace(day=1))
    rows, history = [], {}
    for key, account_id in account_ids.items():
        series = _follower_history(key, months, seed)
        history[key] = series
        rng = random.Random(f"{seed}:monthly:{key}")
        if key in MONTHLY_RANGES:
            rate, reach, views, published = MONTHLY_RANGES[key]
        else:
            ranges = REGIONAL_MONTHLY_RANGES[key.removeprefix(regional_key(""))]
            rate, reach, views, published = ranges
        for month, followers in series.items():
            row = {
                "account_id": account_id,
                "date": month,
                "followers": followers,
                "source": "demo",
            }
            if month >= MONTHLY_DETAIL_FROM:
                month_reach = round(followers * rng.uniform(*reach))
                row.update(
                    reach=month_reach,
                    impressions=round(month_reach * rng.uniform(*views)),
                    engagements=round(followers * rng.uniform(*rate)),
                    posts_published=rng.randint(*published),
                )
            rows.append(row)
    return rows, history


def _peer_snapshot_rows(
    peers: tuple[DemoPeer, ...], peer_ids: dict[str, int], today: dt.date, seed: int
) -> list[dict]:
    """Followers on the first of each month of the peer accounts (the only figure another
    institution's account shows the public). Each has its own random stream: adding or
    changing a peer leaves the agency's own figures as they were."""
    rows = []
    for peer in peers:
        rng = random.Random(f"{seed}:peer:{peer.platform}:{peer.handle}")
        followers = peer.start_followers
        for month in _month_starts(HISTORY_START, today.replace(day=1)):
            if month > HISTORY_START:
                rates = peer.monthly_growth
                rate = rates.get(month.year, rates[max(rates)])
                followers = max(0, followers + round(rate * rng.uniform(0.6, 1.4)))
            rows.append(
                {
                    "account_id": peer_ids[peer.platform],
                    "date": month,
                    "followers": followers,
                    "source": "demo",
                }
            )
    return rows


# --- account security --------------------------------------------------------------------

# Each own account's checklist (by its key in DemoContext.account_ids), with the review and the
# last password change as months before today, so that its badge is the same whatever the day:
# the central Facebook page and Instagram green, X's review overdue (amber), YouTube with one
# admin only (amber), the regional Instagram without a verified badge (amber), and the regional
# Facebook page red (two-factor authentication off, logged in with a staff member's own Gmail).
_SECURITY = {
    "facebook": {"method": "app", "reviewed": 2, "password": 5},
    "instagram": {"method": "key", "reviewed": 1, "password": 1},
    "x": {"method": "app", "reviewed": 8, "password": 14},
    "youtube": {"method": "app", "reviewed": 3, "password": 3, "two_admins": False},
    regional_key("instagram"): {"method": "sms", "reviewed": 4, "password": 4, "verified": False},
    regional_key("facebook"): {
        "method": "",
        "reviewed": 11,
        "password": 26,
        "verified": False,
        "login_owned": False,
        "two_admins": False,
        "recovery_offline": False,
    },
}


def _security_checklists(
    account_ids: dict[str, int], organization: DemoOrganization, today: dt.date
) -> list[security.Checklist]:
    safe = {u.key: u.recovery_where for u in organization.units}
    found = []
    for key, account_id in account_ids.items():
        spec = _SECURITY.get(key)
        if spec is None:
            continue  # an account the demo adds later: not checked yet
        offline = spec.get("recovery_offline", True)
        unit = REGIONAL_UNIT if key.startswith(regional_key("")) else "humas"
        found.append(
            security.Checklist(
                account_id,
                two_factor=bool(spec["method"]),
                two_factor_method=spec["method"],
                verified=spec.get("verified", True),
                login_owned=spec.get("login_owned", True),
                two_admins=spec.get("two_admins", True),
                recovery_offline=offline,
                recovery_where=safe[unit] if offline else "",
                password_changed_on=timezone.add_months(today, -spec["password"]).isoformat(),
                reviewed_on=timezone.add_months(today, -spec["reviewed"]).isoformat(),
            )
        )
    return found


# --- the content calendar ----------------------------------------------------------------

_HOURS = {
    "facebook": (9, 10, 13, 15),
    "instagram": (11, 12, 18, 19),
    "x": (7, 8, 12, 16, 19),
    "youtube": (15, 16, 17, 19),
}
_FUTURE_STATUS_WEIGHTS = (  # (days ahead up to, weights for idea, draft, review, approved, scheduled)
    (3, (0, 5, 15, 30, 50)),
    (10, (10, 20, 25, 25, 20)),
    (20, (35, 40, 20, 5, 0)),
    (10**6, (70, 30, 0, 0, 0)),
)
_WORKFLOW = ("idea", "draft", "review", "approved", "scheduled")


def _platforms_for(topic: _Topic, rng: random.Random) -> list[str]:
    if topic.kind == "ucapan":
        chance = {"facebook": 0.9, "instagram": 1.0, "x": 0.9}
    elif topic.kind == "kuis":
        chance = {"facebook": 0.6, "instagram": 1.0, "x": 0.8}
    elif topic.video:
        chance = {"facebook": 0.75, "instagram": 0.8, "x": 0.6}
    else:
        chance = {"facebook": 0.7, "instagram": 0.9, "x": 0.7}
    chosen = [p for p in PLATFORMS if p in chance and rng.random() < chance[p]]
    if topic.video:
        chosen.append("youtube")
    return chosen or ["instagram"]


def _planned_time(platform: str, topic: _Topic, day: dt.date, rng: random.Random) -> dt.datetime:
    if topic.kind == "ucapan":
        hour, minute = rng.choice(((7, 0), (7, 30), (8, 0)))
    elif topic.kind == "kuis":
        hour, minute = 15, rng.choice((0, 30))
    else:
        hour, minute = rng.choice(_HOURS[platform]), rng.choice((0, 15, 30, 45))
    return dt.datetime.combine(day, dt.time(hour, minute))


def _future_status(days_ahead: int, rng: random.Random) -> str:
    weights = next(w for limit, w in _FUTURE_STATUS_WEIGHTS if days_ahead <= limit)
    return rng.choices(_WORKFLOW, weights=weights)[0]


def _schedule(
    today: dt.date, rng: random.Random, content: DemoContent
) -> list[tuple[dt.date, _Topic]]:
    """About POST_COUNT posts from three months ago to a month ahead, sorted by date."""
    first, last = timezone.add_months(today, -3), timezone.add_months(today, 1)
    plan: list[tuple[dt.date, _Topic]] = []
    for year in (today.year - 1, today.year, today.year + 1):
        for observance in content.observances:
            if observance.post is None:
                continue  # a day the calendar marks, without a demo post
            try:
                date = dt.date(year, observance.month, observance.day)
            except ValueError:
                continue  # 29 February of a common year
            if first <= date <= last:
                plan.append((date, _observance_topic(date, observance.post, content)))
    day = first + dt.timedelta(days=(4 - first.weekday()) % 7)
    while day <= last:
        plan.append((day, _quiz_topic(day, content)))
        day += dt.timedelta(days=7)
    pool = list(content.pool)
    rng.shuffle(pool)
    count = min(len(pool), POST_COUNT - len(plan))
    span = (last - first).days + 1
    for index, topic in enumerate(pool[:count]):
        offset = int((index + rng.random()) * span / count)
        plan.append((first + dt.timedelta(days=offset), topic))
    plan.sort(key=lambda item: item[0])
    return plan


@dataclass
class _PlannedVariant:
    post: int
    platform: str
    account: str  # key in DemoContext.account_ids
    topic: _Topic
    planned: dt.datetime
    status: str = "idea"
    published: dt.datetime | None = None


def _assign_statuses(variants: list[_PlannedVariant], today: dt.date, rng: random.Random) -> None:
    post_status: dict[int, str] = {}
    for variant in variants:
        days_ahead = (variant.planned.date() - today).days
        if days_ahead < 0:
            variant.status = "published"
            variant.published = variant.planned + dt.timedelta(minutes=rng.randint(-3, 9))
            continue
        status = post_status.setdefault(variant.post, _future_status(days_ahead, rng))
        if status in ("approved", "scheduled") and rng.random() < 0.2:
            status = _WORKFLOW[_WORKFLOW.index(status) - 1]
        variant.status = status
    # A few recent variants never went out: still waiting for review or approval.
    recent = [v for v in variants if v.published and (today - v.planned.date()).days <= 14]
    for index, variant in enumerate(rng.sample(recent, min(5, len(recent)))):
        variant.status, variant.published = ("review", "approved")[index % 2], None
    _ensure_every_status(variants, today)


def _ensure_every_status(variants: list[_PlannedVariant], today: dt.date) -> None:
    """Give a status that chance left out to a future variant of a fitting distance."""
    future = sorted((v for v in variants if v.planned.date() >= today), key=lambda v: v.planned)
    for status in _WORKFLOW:
        counts = {s: sum(v.status == s for v in variants) for s in _WORKFLOW}
        if counts[status] or not future:
            continue
        position = (
            (len(future) - 1)
            * (len(_WORKFLOW) - 1 - _WORKFLOW.index(status))
            // (len(_WORKFLOW) - 1)
        )
        for variant in future[position:] + future[:position][::-1]:
            if counts.get(variant.status, 0) > 1:
                variant.status = status
                break


def _campaign(topic: _Topic, day: dt.date) -> str:
    if topic.kind == "kuis":
        return QUIZ_CAMPAIGN
    if day.month == 11 and topic.kind != "ucapan":
        return f"Bulan Mutu Nasional {day.year}"
    return ""


def _variant_text(platform: str, topic: _Topic, status: str) -> str:
    if status == "idea":
        return ""
    return {
        "facebook": topic.fb,
        "instagram": topic.ig,
        "x": topic.x,
        "youtube": topic.yt or topic.fb,
    }[platform]


# --- post figures ------------------------------------------------------------------------


def _post_figures(
    platform: str, topic: _Topic, followers: int, age_days: int, rng: random.Random
) -> dict:
    """Figures a week after publication (or fewer days, for recent posts), relative to followers."""
    grown = min(1.0, (age_days + 1) / 8) ** 0.5
    u = rng.uniform
    if platform == "youtube":
        views = followers * u(0.3, 2.5) * grown
        reach, impressions, reactions = views * u(0.7, 0.9), views * u(6, 14), views * u(0.03, 0.07)
    elif platform == "instagram":
        reach = followers * u(0.06, 0.18) * grown
        impressions, reactions = reach * u(1.15, 1.6), reach * u(0.04, 0.09)
        views = impressions * u(0.9, 1.2) if topic.video else None
    elif platform == "facebook":
        reach = followers * u(0.15, 0.6) * grown
        impressions, reactions = reach * u(1.1, 1.4), reach * u(0.01, 0.04)
        views = reach * u(0.3, 0.6) if topic.video else None
    else:
        impressions = followers * u(0.08, 0.35) * grown
        reach, reactions = impressions * u(0.6, 0.8), impressions * u(0.004, 0.015)
        views = None
    if topic.kind == "ucapan":
        reactions *= 1.5
    comments = reactions * u(0.02, 0.08) * (6 if topic.kind == "kuis" else 1)
    shares = reactions * u(0.03, 0.15)
    saves = (
        reactions * u(0.03, 0.12) * (2 if topic.kind == "infografis" else 1)
        if platform == "instagram"
        else None
    )
    figures = {
        "reach": reach,
        "impressions": impressions,
        "reactions": reactions,
        "comments": comments,
        "shares": shares,
        "saves": saves,
        "video_views": views,
    }
    return {key: None if value is None else round(value) for key, value in figures.items()}


# --- populate ----------------------------------------------------------------------------


def populate(db: Database, today: dt.date | None = None, seed: int = 2019) -> DemoSummary:
    """Fill an empty database with the demo agency; refuse one that holds accounts or posts."""
    today = today or dt.date.today()
    content = load_content(data_folder())
    rng = random.Random(seed)
    with db.transaction():
        if db.query("SELECT 1 FROM accounts UNION ALL SELECT 1 FROM posts LIMIT 1"):
            raise DatabaseNotEmpty()
        for key, value in (
            # One demo institution: the same id in every demo file of this seed, so that a
            # demo unit's package merges into a demo bureau's file.
            ("institution.id", str(uuid.uuid5(uuid.NAMESPACE_URL, f"linimasa:demo:{seed}"))),
            ("institution.name", INSTITUTION),
            ("institution.short_name", INSTITUTION_SHORT),
            ("persona.admin_nickname", ADMIN_NICKNAME),
            ("persona.audience_nickname", AUDIENCE),
        ):
            settings.set(db, key, value)

        organization = content.organization
        unit_ids: dict[str, int] = {}
        for unit in organization.units:  # a parent comes before its sub-units
            parent = unit_ids[unit.parent] if unit.parent else None
            unit_ids[unit.key] = units.create(db, unit.name, unit.short_name, parent).id
        team = {
            person.key: members.create(
                db,
                person.name,
                person.role,
                unit_ids[person.unit],
                email=person.email,
                phone=person.phone,
            )
            for person in organization.members
        }
        admin, editor = team["admin"], team["editor"]
        regional_editor, expert = team["regional_editor"], team["expert"]
        humas_id, bls_id = unit_ids["humas"], unit_ids[REGIONAL_UNIT]

        account_specs = (
            (
                "facebook",
                "bmsn.ri",
                INSTITUTION,
                regional_editor,
                "https://www.facebook.com/bmsn.ri",
                "2015-02-09",
            ),
            (
                "instagram",
                HANDLE,
                "BMSN RI",
                admin,
                f"https://www.instagram.com/{HANDLE}",
                "2015-03-02",
            ),
            ("x", HANDLE, "BMSN RI", editor, f"https://x.com/{HANDLE}", "2015-03-02"),
            (
                "youtube",
                "bmsnri",
                "BMSN RI",
                expert,
                "https://www.youtube.com/@bmsnri",
                "2015-10-14",
            ),
        )
        account_ids = {}
        for platform, handle, name, holder, url, start in account_specs:
            account = accounts.create(db, platform, handle, name, humas_id, holder.id, url, start)
            account_ids[platform] = account.id
        regional_specs = (
            (
                "facebook",
                "bmsn.timur",
                "BMSN – Balai Layanan Standar Wilayah Timur",
                "https://www.facebook.com/bmsn.timur",
                "2017-08-21",
            ),
            (
                "instagram",
                "bmsn_timur",
                "BLS Timur BMSN",
                "https://www.instagram.com/bmsn_timur",
                "2017-09-04",
            ),
        )
        for platform, handle, name, url, start in regional_specs:
            account = accounts.create(
                db, platform, handle, name, bls_id, regional_editor.id, url, start
            )
            account_ids[regional_key(platform)] = account.id
        peer_ids = {
            peer.platform: accounts.create(
                db,
                peer.platform,
                peer.handle,
                peer.display_name,
                url=peer.url,
                start_date=peer.start_date,
                peer=True,
            ).id
            for peer in organization.peers
        }

        snapshot_rows, followers = _snapshot_rows(account_ids, today, seed)
        snapshot_rows += _peer_snapshot_rows(organization.peers, peer_ids, today, seed)
        metrics.upsert_snapshots(db, snapshot_rows)
        checklists = _security_checklists(account_ids, organization, today)
        for checklist in checklists:
            security.save(db, checklist, today=today)  # its dates are the demo's, not the clock's

        owners = {
            "humas": (admin.id, editor.id),
            "pusdiklat": (expert.id,),
            "bls": (regional_editor.id,),
        }
        first, last = timezone.add_months(today, -3), timezone.add_months(today, 1)
        pillar_ids = {name: pillars.pillar_named(db, name).id for name in DEMO_PILLARS}
        missing_done = False
        planned: list[_PlannedVariant] = []
        post_rows = []
        for day, topic in _schedule(today, rng, content):
            owner = editor.id if topic.kind == "kuis" else rng.choice(owners[topic.unit])
            post = posts.create(
                db,
                topic.title,
                topic.notes,
                unit_ids[topic.unit],
                owner,
                text=topic.fb,
                planned_at=dt.datetime.combine(day, _POST_TIME.get(topic.kind, dt.time(9, 0))),
                pillar_id=pillar_ids[PILLAR_OF_KIND.get(topic.kind, "Edukasi")],
                campaign=_campaign(topic, day),
                approver_id=team["approver"].id,
            )
            post_rows.append(post.id)
            image = IMAGE_OF_KIND.get("video" if topic.video else topic.kind)
            if image:
                posts.set_attachments(db, post.id, [str(data_folder() / "images" / image)])
            elif topic.kind == "kegiatan" and not missing_done:
                posts.set_attachments(db, post.id, [MISSING_ATTACHMENT])
                missing_done = True
            for platform in _platforms_for(topic, rng):
                account = regional_key(platform) if topic.unit == REGIONAL_UNIT else platform
                if account not in account_ids:
                    account = platform  # the regional office has no account there: central's
                shift = (
                    rng.choices((-1, 0, 1), weights=(1, 8, 1))[0]
                    if topic.kind not in ("ucapan", "kuis")
                    else 0
                )
                variant_day = min(max(day + dt.timedelta(days=shift), first), last)
                planned.append(
                    _PlannedVariant(
                        post.id,
                        platform,
                        account,
                        topic,
                        _planned_time(platform, topic, variant_day, rng),
                    )
                )
        _assign_statuses(planned, today, rng)

        metric_rows = []
        variant_ids = []
        for item in planned:
            variant = posts.add_variant(
                db,
                item.post,
                account_ids[item.account],
                _variant_text(item.platform, item.topic, item.status),
                item.status,
                item.planned,
                item.published,
            )
            variant_ids.append(variant.id)
            if item.published is None:
                continue
            published = item.published.date()
            measured = min(published + dt.timedelta(days=7), today)
            # Posts from before the history starts (a demo "today" early in 2019) use its first figure.
            month = max(published.replace(day=1), HISTORY_START)
            audience = followers[item.account].get(month, _start_followers(item.account))
            figures = _post_figures(
                item.platform, item.topic, audience, (measured - published).days, rng
            )
            metric_rows.append(
                {
                    "variant_id": variant.id,
                    "account_id": account_ids[item.account],
                    "date": measured,
                    "source": "demo",
                    **figures,
                }
            )
        metrics.upsert_post_metrics(db, metric_rows)
        _backdate(db, planned, variant_ids, today, rng)
        context = DemoContext(today, seed, unit_ids, account_ids, post_rows, peer_ids)
        for extend in demo_extensions():
            extend(db, context)

    return DemoSummary(
        units=len(unit_ids),
        members=len(team),
        accounts=len(account_ids) + len(peer_ids),
        snapshots=len(snapshot_rows),
        posts=len(post_rows),
        variants=len(planned),
        post_metrics=db.conn.execute("SELECT count(*) FROM post_metrics").fetchone()[0],
        peers=len(peer_ids),
        security_checklists=len(checklists),
    )


def _backdate(
    db: Database,
    planned: list[_PlannedVariant],
    variant_ids: list[int],
    today: dt.date,
    rng: random.Random,
) -> None:
    """Give posts and variants the creation and change times a real team's calendar would have."""
    latest = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(16, 0))
    by_post: dict[int, list[tuple[int, _PlannedVariant]]] = {}
    for variant_id, item in zip(variant_ids, planned, strict=True):
        by_post.setdefault(item.post, []).append((variant_id, item))
    post_updates, variant_updates = [], []
    for post_id, items in by_post.items():
        earliest = min(item.planned for _, item in items)
        created = dt.datetime.combine(
            earliest.date() - dt.timedelta(days=rng.randint(4, 21)),
            dt.time(rng.randint(8, 15), rng.randint(0, 59)),
        )
        created = min(
            created, latest - dt.timedelta(hours=rng.randint(1, 6), minutes=rng.randint(0, 59))
        )
        changes = []
        for variant_id, item in items:
            changed = item.published or created + (latest - created) * rng.random()
            changes.append(changed)
            variant_updates.append((changed.replace(microsecond=0).isoformat(), variant_id))
        post_updates.append(
            (created.isoformat(), max(changes).replace(microsecond=0).isoformat(), post_id)
        )
    db.conn.executemany(
        "UPDATE posts SET created_at = ?, updated_at = ? WHERE id = ?", post_updates
    )
    db.conn.executemany("UPDATE post_variants SET updated_at = ? WHERE id = ?", variant_updates)
