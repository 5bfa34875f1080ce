"""The demo agency: the brief's figures, a full follower history, a living content calendar,
a regional office with accounts of its own, units in a hierarchy, a team with office contacts,
security badges of every colour, another institution's accounts for comparison, and the
content files it is all written from."""

import datetime as dt

import pytest

from core import accounts, demo, members, metrics, overview, posts, security, settings, units
from core.db import check, open_database
from core.errors import LinimasaError

BRIEF = {  # platform: (followers 1 Jan 2019, followers 1 Aug 2019, growth)
    "facebook": (7853, 8470, 617),
    "instagram": (52300, 76670, 24370),
    "x": (9900, 13300, 3400),
    "youtube": (692, 905, 213),
}


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    """Three months before today to one month after (the demo's today is not a month's end)."""
    before = today.replace(year=today.year - (today.month <= 3), month=(today.month - 4) % 12 + 1)
    after = today.replace(year=today.year + (today.month == 12), month=today.month % 12 + 1)
    return before, after


def unit_accounts(db, short_name: str) -> dict[str, accounts.Account]:
    """The accounts of one unit, by platform."""
    unit = next(u for u in units.list_all(db) if u.short_name == short_name)
    return {a.platform: a for a in accounts.list_all(db) if a.unit_id == unit.id}


def own_accounts(db) -> list[accounts.Account]:
    return [a for a in accounts.list_all(db) if not a.peer]


def peer_accounts(db) -> list[accounts.Account]:
    return [a for a in accounts.list_all(db) if a.peer]


def by_platform(db):
    """The central bureau's accounts, the ones of the brief."""
    return unit_accounts(db, "Humas")


def variant_rows(db):
    return db.query(
        """SELECT v.*, a.platform FROM post_variants v JOIN accounts a ON a.id = v.account_id
           ORDER BY v.id"""
    )


def month_starts(first: dt.date, last: dt.date) -> list[str]:
    result = []
    while first <= last:
        result.append(first.isoformat())
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return result


def test_follower_history_passes_through_the_brief_figures(demo_db, demo_today):
    for platform, account in by_platform(demo_db).items():
        start, august, change = BRIEF[platform]
        assert metrics.followers_on(demo_db, account.id, "2019-01-01") == ("2019-01-01", start)
        assert metrics.followers_on(demo_db, account.id, "2019-08-01") == ("2019-08-01", august)
        growth = metrics.growth_between(demo_db, account.id, "2019-01-01", "2019-08-31")
        assert (growth.start_followers, growth.end_followers, growth.change) == (
            start,
            august,
            change,
        )

    expected_dates = month_starts(dt.date(2019, 1, 1), demo_today.replace(day=1))
    latest = {}
    for platform, account in by_platform(demo_db).items():
        history = metrics.snapshots(demo_db, account.id)
        assert [s.date for s in history] == expected_dates, platform
        assert {s.source for s in history} == {"demo"}
        for snapshot in history:
            detail = (snapshot.reach, snapshot.impressions, snapshot.engagements)
            if snapshot.date < "2024-01-01":
                assert detail == (None, None, None) and snapshot.posts_published is None
            else:
                assert all(value > 0 for value in detail)
                assert 8 <= snapshot.posts_published <= 30
                assert 0.002 <= snapshot.engagements / snapshot.followers <= 0.03
        latest[platform] = history[-1].followers
        # Growth is steady: no month loses more than 1% of the followers.
        for before, after in zip(history, history[1:], strict=False):
            assert after.followers >= before.followers * 0.99, (platform, after.date)
    assert 140_000 <= latest["instagram"] <= 170_000
    assert 10_000 <= latest["facebook"] <= 11_500
    assert 17_000 <= latest["x"] <= 19_500
    assert 2_000 <= latest["youtube"] <= 3_000


def test_institution_team_accounts_and_a_sound_file(demo_db, demo_today):
    assert settings.get(demo_db, "institution.name") == "Badan Mutu Standar Nasional"
    assert settings.get(demo_db, "institution.short_name") == "BMSN"
    assert settings.get(demo_db, "persona.audience_nickname") == "Sobat Mutu"
    assert settings.get(demo_db, "persona.admin_nickname").startswith("Mimin")

    team = members.list_all(demo_db)
    assert len(team) == 6
    assert {m.role for m in team} == set(members.ROLES)
    assert len({m.unit_id for m in team}) == 5  # the bureau, its two sections, two more units
    # Office contacts: the agency's (fictional) domain, one address and one number each.
    assert all(m.email.endswith("@bmsn.go.id") for m in team)
    assert len({m.email for m in team}) == len({m.phone for m in team}) == 6
    assert all(m.phone.replace("-", "").isdigit() and "-555-01" in m.phone for m in team)

    owned = by_platform(demo_db)
    assert set(owned) == {"facebook", "instagram", "x", "youtube"}
    assert owned["instagram"].handle == owned["x"].handle
    holders = [a.responsible_id for a in owned.values()]
    assert None not in holders and len(set(holders)) == 4
    assert [m.role for m in team if m.id not in holders] == ["approver", "approver"]
    assert all(
        a.start_date.startswith("2015") and a.url.startswith("https://") for a in owned.values()
    )

    assert check(demo_db) == []
    post_times = demo_db.query("SELECT created_at, updated_at FROM posts")
    assert all(created <= updated for created, updated in post_times)
    assert max(created for created, _ in post_times) < demo_today.isoformat()


def test_content_calendar_around_today(demo_db, demo_today):
    titles = [row["title"] for row in demo_db.query("SELECT title FROM posts")]
    assert 110 <= len(titles) <= 130 and len(set(titles)) == len(titles)
    rows = variant_rows(demo_db)
    per_post = {}
    for row in rows:
        per_post.setdefault(row["post_id"], []).append(row["account_id"])
    assert len(per_post) == len(titles)
    assert all(1 <= len(ids) <= 4 and len(set(ids)) == len(ids) for ids in per_post.values())

    today, first, last = demo_today.isoformat(), *window(demo_today)
    overdue = 0
    for row in rows:
        planned = dt.datetime.fromisoformat(row["planned_at"])
        assert first <= planned.date() <= last
        assert dt.time(7) <= planned.time() <= dt.time(20)
        if row["status"] == "published":
            assert row["planned_at"] < today
            published = dt.datetime.fromisoformat(row["published_at"])
            assert abs(published - planned) <= dt.timedelta(minutes=15)
        else:
            assert row["published_at"] is None
            overdue += row["planned_at"] < today
    assert 1 <= overdue <= 8

    counts = posts.status_counts(demo_db, first, last)
    assert all(counts[status] > 0 for status in posts.STATUSES), counts
    agenda = posts.agenda(demo_db, demo_today, last, limit=500)
    assert agenda and all(item.status != "published" for item in agenda)

    # Each platform's variant is written in that platform's register.
    for row in rows:
        text, platform = row["text"], row["platform"]
        if row["status"] == "idea" or (row["status"] == "cancelled" and not text):
            continue
        assert text
        if platform == "x":
            assert len(text) <= 280, text
        elif platform == "instagram":
            assert "Sobat Mutu" in text and "Mimin" in text and "#" in text
        elif platform == "youtube":
            assert "subscribe" in text
    texts = {}
    for row in rows:
        if row["text"]:
            texts.setdefault(row["platform"], []).append(row["text"])
    mean = {platform: sum(map(len, found)) / len(found) for platform, found in texts.items()}
    assert mean["facebook"] > 1.5 * mean["x"]


def test_post_metrics_for_every_published_variant(demo_db, demo_today):
    figures = {
        row["variant_id"]: row
        for row in demo_db.query("SELECT * FROM post_metrics WHERE source = 'demo'")
    }
    published = [row for row in variant_rows(demo_db) if row["status"] == "published"]
    assert published and set(figures) == {row["id"] for row in published}
    for row in published:
        metric = figures[row["id"]]
        day = dt.date.fromisoformat(row["published_at"][:10])
        assert metric["date"] == min(day + dt.timedelta(days=7), demo_today).isoformat()
        assert metric["account_id"] == row["account_id"]
        assert metric["reach"] > 0 and metric["impressions"] >= metric["reach"] * 0.5
        assert metric["reactions"] > 0 and metric["comments"] is not None
        assert (metric["saves"] is not None) == (row["platform"] == "instagram")
        if row["platform"] == "youtube":
            assert metric["video_views"] > 0
        followers = metrics.followers_on(demo_db, row["account_id"], row["published_at"][:10])[1]
        audience = metric["video_views"] if row["platform"] == "youtube" else followers
        assert metric["reactions"] < audience * 0.1


def dump(db) -> dict[str, list[tuple]]:
    result = {}
    for table in (
        "units",
        "members",
        "accounts",
        "posts",
        "post_variants",
        "account_snapshots",
        "post_metrics",
        "settings",
        "account_security",
    ):
        columns = [
            row["name"]
            for row in db.query(f"PRAGMA table_info({table})")
            if row["name"] not in ("uid", "created_at", "updated_at")
        ]
        result[table] = [
            tuple(r) for r in db.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")
        ]
    return result


def test_same_day_and_seed_give_the_same_data_and_no_second_demo(demo_db, demo_today, tmp_path):
    other = open_database(tmp_path / "again.sqlite", create=True)
    try:
        summary = demo.populate(other, today=demo_today)
        assert dump(other) == dump(demo_db)
        with pytest.raises(demo.DatabaseNotEmpty) as refused:
            demo.populate(other, today=demo_today)
        assert "demo" in str(refused.value).lower()
        assert dump(other) == dump(demo_db)
    finally:
        other.close()
    assert summary.posts == len(dump(demo_db)["posts"])
    assert summary.variants == len(dump(demo_db)["post_variants"])
    months = month_starts(dt.date(2019, 1, 1), demo_today.replace(day=1))
    assert summary.snapshots == 8 * len(months)  # six accounts of ours, two peers
    assert (summary.units, summary.members, summary.accounts, summary.peers) == (5, 6, 8, 2)
    assert summary.security_checklists == len(dump(demo_db)["account_security"]) == 6
    assert summary.post_metrics == len(dump(demo_db)["post_metrics"])


def test_refuses_a_database_that_holds_a_post(db, demo_today):
    posts.create(db, "Rencana unggahan pertama")
    with pytest.raises(demo.DatabaseNotEmpty):
        demo.populate(db, today=demo_today)
    assert db.query("SELECT count(*) FROM units")[0][0] == 0
    assert settings.get(db, "institution.name") == ""


def test_a_capability_adds_its_own_demo_data(tmp_path, monkeypatch, demo_today):
    """A core module with `populate_demo(db, context)` is called after the base demo data."""
    import sys
    import types

    import core
    from core.db import open_database

    seen = []
    module = types.ModuleType("core.zz_fake_capability")
    module.populate_demo = lambda db, context: seen.append(
        (
            context.today,
            sorted(context.account_ids),
            sorted(context.peer_ids),
            db.query("SELECT count(*) FROM accounts")[0][0],
        )
    )
    monkeypatch.setitem(sys.modules, "core.zz_fake_capability", module)
    real_iter = demo.pkgutil.iter_modules

    def iter_with_fake(path):
        yield from real_iter(path)
        if list(path) == list(core.__path__):
            yield demo.pkgutil.ModuleInfo(None, "zz_fake_capability", False)

    monkeypatch.setattr(demo.pkgutil, "iter_modules", iter_with_fake)
    handle = open_database(tmp_path / "ext.sqlite", create=True)
    try:
        demo.populate(handle, today=demo_today)
    finally:
        handle.close()
    central = ["facebook", "instagram", "x", "youtube"]
    assert seen == [
        (demo_today, ["bls:facebook", "bls:instagram", *central], ["instagram", "x"], 8)
    ]


def test_a_regional_office_runs_its_own_smaller_accounts(demo_db, demo_today):
    every = own_accounts(demo_db)
    assert len({a.unit_id for a in every}) >= 2
    central, regional = by_platform(demo_db), unit_accounts(demo_db, "BLS Timur")
    assert set(regional) == {"facebook", "instagram"} and len(every) == 6
    holder = {m.id: m for m in members.list_all(demo_db)}
    assert {holder[a.responsible_id].name for a in regional.values()} == {"Yohanes Rumbiak"}
    assert all(a.url.startswith("https://") and a.start_date for a in regional.values())

    expected_dates = month_starts(dt.date(2019, 1, 1), demo_today.replace(day=1))
    for platform, account in regional.items():
        history = metrics.snapshots(demo_db, account.id)
        assert [s.date for s in history] == expected_dates
        assert {s.source for s in history} == {"demo"}
        counts = [s.followers for s in history]
        assert counts == sorted(counts), platform
        big = metrics.snapshots(demo_db, central[platform].id)
        assert history[0].followers < big[0].followers / 5
        assert history[-1].followers < big[-1].followers / 4
        assert history[-1].followers > 2 * history[0].followers
        for snapshot in history:
            if snapshot.date >= "2024-01-01":
                assert 4 <= snapshot.posts_published <= 12 and snapshot.engagements > 0

    # The office's own activities go out on its own accounts (and on the central X account).
    rows = demo_db.query(
        """SELECT p.title, p.unit_id, v.account_id, v.status FROM post_variants v
           JOIN posts p ON p.id = v.post_id"""
    )
    regional_ids = {a.id for a in regional.values()}
    unit_id = next(iter(regional.values())).unit_id
    mine = [r for r in rows if r["account_id"] in regional_ids]
    assert len(mine) >= 6 and all(r["unit_id"] == unit_id for r in mine)
    assert any(r["status"] == "published" for r in mine)
    assert any(r["status"] != "published" for r in mine)
    central_ids = {central["facebook"].id, central["instagram"].id}
    assert not [r for r in rows if r["unit_id"] == unit_id and r["account_id"] in central_ids]


def test_units_form_a_plausible_hierarchy(demo_db):
    tree = [(unit.name, depth) for unit, depth in units.tree(demo_db)]
    assert tree == [
        ("Balai Layanan Standar Wilayah Timur", 0),
        ("Biro Hubungan Masyarakat", 0),
        ("Subbagian Media Digital", 1),
        ("Subbagian Publikasi dan Hubungan Media", 1),
        ("Pusat Pendidikan dan Pelatihan", 0),
    ]
    media = next(u for u in units.list_all(demo_db) if u.short_name == "Media Digital")
    assert (
        units.path_name(demo_db, media.id) == "Biro Hubungan Masyarakat › Subbagian Media Digital"
    )
    # The people who run the central accounts work in the bureau's sections.
    team = {m.name: m for m in members.list_all(demo_db)}
    assert team["Rina Wulandari"].unit_id == media.id
    assert units.get(demo_db, team["Dimas Prasetyo"].unit_id).parent_id == media.parent_id


def test_security_badges_of_every_colour_and_one_red(demo_db, demo_today):
    badges = security.statuses(demo_db, demo_today)
    own = own_accounts(demo_db)
    assert set(badges) == {a.id for a in own}
    colours = sorted(badges.values())
    assert colours.count("red") == 1 and "unchecked" not in colours
    assert colours.count("green") >= 1 and colours.count("amber") >= 1
    # The red one is the regional Facebook page, run on a staff member's own login.
    red = next(a for a in own if badges[a.id] == "red")
    assert (red.platform, red.handle) == ("facebook", "bmsn.timur")
    checklist = security.get(demo_db, red.id)
    assert checklist.two_factor is False and checklist.login_owned is False
    # Badges are spread over units: the central bureau has green and amber ones.
    central = {badges[a.id] for a in by_platform(demo_db).values()}
    assert {"green", "amber"} <= central
    # Dates count back from today: a green review is recent, none lies ahead of today.
    for account in own:
        checklist = security.get(demo_db, account.id)
        assert checklist.reviewed_on <= demo_today.isoformat()
        assert checklist.password_changed_on <= demo_today.isoformat()
        if badges[account.id] == "green":
            assert checklist.reviewed_on >= security.review_due(demo_today)
            assert checklist.recovery_where  # a place, written down


@pytest.mark.parametrize("today", [dt.date(2023, 2, 28), dt.date(2031, 3, 31)])
def test_badges_are_the_same_whatever_the_day(tmp_path, demo_db, demo_today, today):
    """A demo made for another day (even one ahead of the clock) shows the same badges."""
    expected = security.statuses(demo_db, demo_today)
    other = open_database(tmp_path / "other.sqlite", create=True)
    try:
        demo.populate(other, today=today)
        assert security.statuses(other, today) == expected
        reviewed = other.query("SELECT max(reviewed_on) FROM account_security")[0][0]
        assert reviewed < today.isoformat()
    finally:
        other.close()


def test_peer_accounts_are_followed_for_comparison_only(demo_db, demo_today):
    peers = peer_accounts(demo_db)
    assert sorted(a.platform for a in peers) == ["instagram", "x"]
    assert len({a.display_name for a in peers}) == 1  # one institution, two platforms
    assert all(a.unit_id is None and a.responsible_id is None for a in peers)
    assert all(a.url.startswith("https://") and a.start_date for a in peers)
    # A history since 2019 like ours, growing on the whole, of a size worth comparing.
    expected_dates = month_starts(dt.date(2019, 1, 1), demo_today.replace(day=1))
    central = by_platform(demo_db)
    for account in peers:
        history = metrics.snapshots(demo_db, account.id)
        assert [s.date for s in history] == expected_dates
        assert history[-1].followers > history[0].followers
        ours = metrics.snapshots(demo_db, central[account.platform].id)[-1].followers
        assert ours / 3 < history[-1].followers < ours * 3
    ids = {a.id for a in peers}
    used = {row[0] for row in demo_db.query("SELECT DISTINCT account_id FROM post_variants")}
    assert not used & ids
    assert not demo_db.query("SELECT 1 FROM account_security WHERE account_id IN (?, ?)", [*ids])
    assert not ids & set(security.statuses(demo_db, demo_today))
    # Home's cards are the agency's six accounts.
    cards = overview.account_summaries(demo_db, demo_today)
    assert [c.account.id for c in cards] == [a.id for a in own_accounts(demo_db)]


def test_peers_leave_the_agency_figures_as_they_were(demo_db, demo_today):
    """Latest followers of the central accounts for the tests' day, as before peers existed."""
    latest = {
        platform: metrics.snapshots(demo_db, account.id)[-1].followers
        for platform, account in by_platform(demo_db).items()
    }
    assert latest == {"facebook": 10550, "instagram": 163112, "x": 18796, "youtube": 2567}
    regional = unit_accounts(demo_db, "BLS Timur")
    assert metrics.snapshots(demo_db, regional["instagram"].id)[-1].followers == 7982


# --- the content files (resources/demo/) ------------------------------------------------


def test_content_files_load():
    folder = demo.data_folder()
    assert folder.name == "demo" and folder.parent.name == "resources"
    assert sorted(demo.DATA_FILES) == sorted(p.name for p in folder.glob("*.json"))
    content = demo.load_content()
    assert content is demo.load_content()  # read once
    titles = [topic.title for topic in content.pool]
    assert len(titles) >= 90 and len(set(titles)) == len(titles)
    assert {topic.unit for topic in content.pool} == set(demo.UNIT_KEYS)
    assert {topic.kind for topic in content.pool} == set(content.common.ig_cta)
    assert all(topic.ig and topic.x and topic.fb for topic in content.pool)
    assert all(topic.yt for topic in content.pool if topic.video)
    assert all("{" not in topic.title for topic in content.pool)
    assert len(content.quiz.questions) >= 10
    assert all(q.count("\nA. ") == 1 for q in content.quiz.questions)


def test_every_observance_is_a_day_of_the_year():
    days = demo.read_observances()
    assert len(days) >= 15
    for day in days:
        assert 1 <= day.month <= 12
        dt.date(2024, day.month, day.day)  # a leap year: 29 February would count
        assert day.name.strip() and "{" not in day.name
        if day.post is not None:
            for year in (2025, 2026):
                values = {"year": year, "ri": year - 1945, "bmsn": year - demo.FOUNDING_YEAR}
                day.post.title.format(**values), day.post.hashtag.format(**values)
    assert len({(d.month, d.day, d.name) for d in days}) == len(days)
    assert ("Hari Standar Dunia", 10, 14) in [(d.name, d.month, d.day) for d in days]


@pytest.fixture
def content_copy(tmp_path):
    """A copy of resources/demo/ to break."""
    import shutil

    folder = tmp_path / "demo"
    shutil.copytree(demo.data_folder(), folder)
    return folder


def _edit(path, change):
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("name", demo.DATA_FILES)
def test_a_missing_content_file_is_named(content_copy, name):
    (content_copy / name).unlink()
    with pytest.raises(demo.DemoDataError) as error:
        demo.load_content(content_copy)
    assert isinstance(error.value, LinimasaError)
    assert error.value.path == content_copy / name
    assert str(content_copy / name) in str(error.value)


@pytest.mark.parametrize("name", demo.DATA_FILES)
def test_a_content_file_that_is_not_json_is_named(content_copy, name):
    (content_copy / name).write_text('{"items": [\n  {"name": "Helm",}\n]}', encoding="utf-8")
    with pytest.raises(demo.DemoDataError) as error:
        demo.load_content(content_copy)
    message = str(error.value)
    assert str(content_copy / name) in message and "JSON" in message and "2" in message


@pytest.mark.parametrize(
    ("name", "change", "where"),
    [
        ("observances.json", lambda d: d[3].update(month=13), "[3].month"),
        ("observances.json", lambda d: d[0].update(day=0), "[0].day"),
        ("observances.json", lambda d: d[1].update(month="4"), "[1].month"),
        ("observances.json", lambda d: d[2].pop("name"), "[2].name"),
        ("observances.json", lambda d: d[2]["post"].update(video="ya"), "[2].post.video"),
        ("observances.json", lambda d: d[4]["post"].update(title="{tahun}"), "[4].post.title"),
        ("products.json", lambda d: d["items"][5].pop("benefit"), "items[5].benefit"),
        ("products.json", lambda d: d.pop("template"), "template"),
        ("regional.json", lambda d: d["items"].clear(), "items"),
        ("topics.json", lambda d: d[7].update(kind="iklan"), "[7].kind"),
        ("topics.json", lambda d: d[7].update(unit="biro"), "[7].unit"),
        ("topics.json", lambda d: d[8].update(tags="Mutu"), "[8].tags"),
        ("quiz.json", lambda d: d["items"][2].update(choices=["Ya"]), "items[2].choices"),
        ("common.json", lambda d: d["facebook_cta"].pop("video"), "facebook_cta.video"),
        ("questions.json", lambda d: d["items"][0].update(x=3), "items[0].x"),
        ("organization.json", lambda d: d["units"][3].update(parent="biro"), "units[3].parent"),
        ("organization.json", lambda d: d["units"].pop(2), 'units[…].key "bls"'),
        ("organization.json", lambda d: d["members"][1].update(role="boss"), "members[1].role"),
        ("organization.json", lambda d: d["members"][0].update(unit="x"), "members[0].unit"),
        (
            "organization.json",
            lambda d: d["peers"][0].update(start_followers="banyak"),
            "peers[0].start_followers",
        ),
        (
            "organization.json",
            lambda d: d["peers"][1]["monthly_growth"].update(tahun=5),
            "peers[1].monthly_growth.tahun",
        ),
    ],
)
def test_a_malformed_content_file_names_the_file_and_the_place(content_copy, name, change, where):
    _edit(content_copy / name, change)
    with pytest.raises(demo.DemoDataError) as error:
        demo.load_content(content_copy)
    message = str(error.value)
    assert str(content_copy / name) in message and where in message, message


def test_populate_with_broken_content_is_a_readable_error_and_writes_nothing(
    db, content_copy, monkeypatch, demo_today
):
    (content_copy / "observances.json").write_text("[", encoding="utf-8")
    monkeypatch.setattr(demo, "data_folder", lambda: content_copy)
    with pytest.raises(LinimasaError) as error:
        demo.populate(db, today=demo_today)
    assert "observances.json" in str(error.value)
    assert db.query("SELECT count(*) FROM units")[0][0] == 0
    assert settings.get(db, "institution.name") == ""


def test_every_variant_has_the_history_of_its_status(demo_db, demo_today):
    from core import workflow

    rows = variant_rows(demo_db)
    humas = {
        u.id
        for u in units.list_all(demo_db)
        if u.short_name in ("Humas", "Media Digital", "Publikasi")
    }
    unit_of = {r["id"]: r["unit_id"] for r in demo_db.query("SELECT id, unit_id FROM posts")}
    for row in rows:
        steps = workflow.history(demo_db, row["id"])
        assert steps[0].from_status is None and steps[0].to_status == "idea"
        assert steps[-1].to_status == row["status"], (row["status"], steps)
        assert all(a.at <= b.at for a, b in zip(steps, steps[1:], strict=False))
        assert all(step.member_name for step in steps)
        if row["status"] in ("approved", "scheduled", "published"):
            levels = [step.level for step in steps if step.level]
            assert levels == ([1, 2] if unit_of[row["post_id"]] in humas else [1])
        if row["status"] == "published":
            assert steps[-1].at[:16] == row["published_at"][:16]
        if row["status"] == "changes":
            assert steps[-1].comment
    statuses = {row["status"] for row in rows}
    assert {"changes", "cancelled"} <= statuses
    # Two approvers at the bureau, in order; a post there waits at level 2.
    levels = workflow.levels_for_unit(demo_db, min(humas))
    assert [level.title for level in levels] == ["Kepala Subbagian Publikasi", "Kepala Biro Humas"]
    waiting = [r for r in rows if r["status"] == "review"]
    assert any(workflow.approval_state(demo_db, r["id"]).done == 1 for r in waiting)
