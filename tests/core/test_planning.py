"""What the content calendar shows: a date range's variants, filtered; the month and week
grids; ideas without a date."""

import datetime as dt

import pytest

from core import accounts, members, pillars, planning, posts, settings, units, workflow
from core.planning import Filters

NOV = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


@pytest.fixture
def cal(db):
    """Two units, two assignees, three accounts and a handful of posts around November 2026."""
    bureau = units.create(db, "Biro Humas")
    office = units.create(db, "Dinas Kesehatan")
    ana = members.create(db, "Ana", "editor")
    budi = members.create(db, "Budi", "editor")
    ig = accounts.create(db, "instagram", "humas_kota")
    x = accounts.create(db, "x", "humas_kota")
    fb = accounts.create(db, "facebook", "dinkes")
    edu, service = pillars.list_pillars(db)[:2]

    def add(
        title,
        account,
        when,
        status="draft",
        *,
        unit=bureau,
        owner=ana,
        pillar=None,
        campaign="",
        text="",
        published=None,
    ):
        post = posts.create(
            db,
            title,
            unit_id=unit.id,
            owner_id=owner.id,
            pillar_id=pillar.id if pillar else None,
            campaign=campaign,
            text=text,
        )
        return posts.add_variant(
            db, post.id, account.id, text, status, when, published, hashtags=""
        )

    v = {
        "before": add("Oktober", ig, "2026-10-31 23:59"),
        "first": add("Awal bulan", ig, "2026-11-01 00:00", pillar=edu, campaign="Bulan Mutu"),
        "mid": add(
            "Hari Guru",
            x,
            "2026-11-25 09:00",
            "review",
            owner=budi,
            pillar=service,
            text="Diskon 50% untuk guru",
        ),
        "last": add("Akhir bulan", fb, "2026-11-30 23:59", unit=office, campaign="Sehat"),
        "after": add("Desember", ig, "2026-12-01 00:00"),
        "undated": add("Ide kuis", x, None, "idea", text="nama_file"),
    }
    # Planned for 3 December, published on 28 November: it sits on the 28th.
    v["published"] = add(
        "Sudah terbit",
        x,
        "2026-12-03 09:00",
        "published",
        published="2026-11-28 10:00",
        campaign="Bulan Mutu",
    )
    return {
        "db": db,
        "bureau": bureau,
        "office": office,
        "ana": ana,
        "budi": budi,
        "ig": ig,
        "x": x,
        "fb": fb,
        "edu": edu,
        "service": service,
        "v": v,
    }


def names(cal, entries):
    by_id = {variant.id: name for name, variant in cal["v"].items()}
    return [by_id[e.variant_id] for e in entries]


def test_a_month_holds_its_first_and_last_minute_only(cal):
    found = planning.entries(cal["db"], *NOV)
    assert names(cal, found) == ["first", "mid", "published", "last"]


def test_the_end_day_is_inclusive_and_a_day_is_a_range_of_one(cal):
    db = cal["db"]
    last = dt.date(2026, 11, 30)
    assert names(cal, planning.entries(db, last, last)) == ["last"]
    first_dec = dt.date(2026, 12, 1)
    assert names(cal, planning.entries(db, first_dec, first_dec)) == ["after"]
    oct_last = dt.date(2026, 10, 31)
    assert names(cal, planning.entries(db, oct_last, oct_last)) == ["before"]


def test_a_published_variant_sits_on_its_published_day(cal):
    db = cal["db"]
    (entry,) = planning.entries(db, dt.date(2026, 11, 28), dt.date(2026, 11, 28))
    assert entry.variant_id == cal["v"]["published"].id
    assert entry.when == "2026-11-28T10:00:00+07:00"
    assert entry.day == dt.date(2026, 11, 28)
    assert planning.entries(db, dt.date(2026, 12, 3), dt.date(2026, 12, 3)) == []


def test_an_entry_carries_what_the_chip_shows(cal):
    (entry,) = planning.entries(cal["db"], dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    assert entry.title == "Hari Guru"
    assert (entry.status, entry.platform, entry.handle) == ("review", "x", "humas_kota")
    assert entry.account_id == cal["x"].id
    assert (entry.unit_id, entry.assignee_id, entry.assignee) == (
        cal["bureau"].id,
        cal["budi"].id,
        "Budi",
    )
    assert (entry.pillar_id, entry.pillar) == (cal["service"].id, cal["service"].name)
    assert entry.at == dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)


def test_same_time_is_ordered_by_platform(db):
    post = posts.create(db, "Serentak")
    for platform in ("x", "facebook", "instagram"):
        account = accounts.create(db, platform, "humas")
        posts.add_variant(db, post.id, account.id, planned_at="2026-11-10 09:00")
    day = dt.date(2026, 11, 10)
    assert [e.platform for e in planning.entries(db, day, day)] == ["facebook", "instagram", "x"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("account_ids", "@fb", ["last"]),
        ("platforms", "x", ["mid", "published"]),
        ("unit_ids", "@office", ["last"]),
        ("statuses", "review", ["mid"]),
        ("assignee_ids", "@budi", ["mid"]),
        ("pillar_ids", "@edu", ["first"]),
        ("campaigns", "Bulan Mutu", ["first", "published"]),
        ("text", "guru", ["mid"]),  # the title, case aside
    ],
)
def test_each_filter(cal, field, value, expected):
    chosen = cal[value[1:]].id if value.startswith("@") else value  # "@name": that row's id
    filters = Filters(**{field: chosen if field == "text" else frozenset({chosen})})
    assert names(cal, planning.entries(cal["db"], *NOV, filters)) == expected
    assert not filters.is_empty()


def test_filters_combine_and_values_within_one_are_alternatives(cal):
    db = cal["db"]
    both_platforms = Filters(platforms=frozenset({"x", "facebook"}))
    assert names(cal, planning.entries(db, *NOV, both_platforms)) == ["mid", "published", "last"]
    narrowed = Filters(platforms=frozenset({"x", "facebook"}), campaigns=frozenset({"Sehat"}))
    assert names(cal, planning.entries(db, *NOV, narrowed)) == ["last"]
    nothing = Filters(statuses=frozenset({"review"}), unit_ids=frozenset({cal["office"].id}))
    assert planning.entries(db, *NOV, nothing) == []
    assert Filters().is_empty()


def test_free_text_matches_every_word_in_title_or_texts(cal):
    db = cal["db"]
    assert names(cal, planning.entries(db, *NOV, Filters(text="diskon"))) == ["mid"]
    assert names(cal, planning.entries(db, *NOV, Filters(text="  hari   DISKON "))) == ["mid"]
    assert planning.entries(db, *NOV, Filters(text="hari sehat")) == []


def test_free_text_takes_percent_and_underscore_literally(cal):
    db = cal["db"]
    assert names(cal, planning.entries(db, *NOV, Filters(text="50%"))) == ["mid"]
    assert names(cal, planning.entries(db, *NOV, Filters(text="%"))) == ["mid"]
    assert planning.entries(db, *NOV, Filters(text="5_%")) == []
    assert planning.entries(db, *NOV, Filters(text="_")) == []
    assert planning.entries(db, *NOV, Filters(text="\\")) == []
    assert names(cal, planning.undated(db, Filters(text="nama_file"))) == ["undated"]
    assert planning.undated(db, Filters(text="nama%file")) == []
    assert planning.undated(db, Filters(text="namaxfile")) == []


def test_a_wita_institution_sees_its_own_days(cal):
    db = cal["db"]
    settings.set(db, "institution.timezone", "Asia/Makassar")
    # 23:59 WIB on 30 November is 00:59 WITA on 1 December; 00:00 WIB on 1 November is
    # 01:00 WITA, still 1 November; 23:59 WIB on 31 October is 00:59 WITA on 1 November.
    assert names(cal, planning.entries(db, *NOV)) == ["before", "first", "mid", "published"]
    first_dec = dt.date(2026, 12, 1)
    found = planning.entries(db, first_dec, first_dec)
    assert names(cal, found) == ["last", "after"]
    assert found[0].when == "2026-12-01T00:59:00+08:00"


def test_a_wita_file_s_own_times_stay_on_their_days(db):
    settings.set(db, "institution.timezone", "Asia/Makassar")
    account = accounts.create(db, "instagram", "humas_kota")
    variant = posts.add_variant(
        db, posts.create(db, "Malam").id, account.id, planned_at="2026-11-30 23:30"
    )
    day = dt.date(2026, 11, 30)
    (entry,) = planning.entries(db, day, day)
    assert entry.variant_id == variant.id and entry.when == "2026-11-30T23:30:00+08:00"
    assert planning.entries(db, day + dt.timedelta(days=1), day + dt.timedelta(days=1)) == []


def test_entry_shows_one_variant_and_none_when_gone(cal):
    db = cal["db"]
    mid = cal["v"]["mid"]
    entry = planning.entry(db, mid.id)
    assert entry == planning.entries(db, dt.date(2026, 11, 25), dt.date(2026, 11, 25))[0]
    undated = planning.entry(db, cal["v"]["undated"].id)
    assert undated.when is None and undated.day is None and undated.at is None
    posts.delete(db, cal["v"]["after"].post_id)
    assert planning.entry(db, cal["v"]["after"].id) is None
    assert planning.entry(db, 99999) is None


def test_undated_lists_ideas_without_a_day_newest_first(cal):
    db = cal["db"]
    newer = posts.create(db, "Ide baru")
    posts.add_variant(db, newer.id, cal["ig"].id)
    found = planning.undated(db)
    assert [e.title for e in found] == ["Ide baru", "Ide kuis"]
    assert all(e.when is None for e in found)
    assert [e.title for e in planning.undated(db, Filters(platforms=frozenset({"x"})))] == [
        "Ide kuis"
    ]
    assert len(planning.undated(db, limit=1)) == 1
    workflow.transition(db, cal["v"]["undated"].id, "draft")
    posts.update_variant(db, cal["v"]["undated"].id, planned_at="2026-11-05 10:00")
    assert [e.title for e in planning.undated(db)] == ["Ide baru"]


def test_campaigns_in_use_once_each_ignoring_case_in_order(cal):
    db = cal["db"]
    posts.create(db, "Lagi", campaign="Bulan Mutu")
    posts.create(db, "Kecil", campaign="anti hoaks")
    assert planning.campaigns(db) == ["anti hoaks", "Bulan Mutu", "Sehat"]


# --- grids --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "month", "start"),
    [
        (2026, 11, dt.date(2026, 10, 26)),  # 1 November 2026 is a Sunday
        (2028, 2, dt.date(2028, 1, 31)),  # leap February, starting on a Tuesday
        (2027, 2, dt.date(2027, 2, 1)),  # starts on a Monday: the grid starts on the 1st
        (2026, 6, dt.date(2026, 6, 1)),
        (2027, 1, dt.date(2026, 12, 28)),  # across the year
    ],
)
def test_month_grid_is_six_whole_weeks_from_monday(year, month, start):
    first, last = planning.month_grid(year, month)
    assert first == start and first.weekday() == 0
    assert (last - first).days == 41 and last.weekday() == 6
    assert first <= dt.date(year, month, 1)
    days_in_month = 29 if (year, month) == (2028, 2) else None
    if days_in_month:
        assert last >= dt.date(2028, 2, 29)
    month_end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    assert last >= month_end


@pytest.mark.parametrize(
    "day",
    [dt.date(2026, 11, 23), dt.date(2026, 11, 25), dt.date(2026, 11, 29)],
)
def test_week_of_is_monday_to_sunday(day):
    assert planning.week_of(day) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))


def test_week_of_across_the_year():
    assert planning.week_of(dt.date(2027, 1, 1)) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))


# --- a month of a big file is a range lookup ---------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(statuses=frozenset({"draft", "review"})), Filters(text="guru")],
    ids=["all", "statuses", "text"],
)
def test_a_month_uses_the_day_index(cal, monkeypatch, filters):
    db = cal["db"]
    seen = []
    real = db.query

    def recording(sql, params=()):
        seen.append((sql, params))
        return real(sql, params)

    monkeypatch.setattr(db, "query", recording)
    planning.entries(db, *NOV, filters)
    monkeypatch.undo()
    ((sql, params),) = seen
    plan = " | ".join(row[3] for row in db.query(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "USING INDEX post_variants_day" in plan, plan
    assert "SCAN v" not in plan, plan
