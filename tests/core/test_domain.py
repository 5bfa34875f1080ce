"""Units, members, accounts, posts, metrics and settings over a real (temporary) file."""

import datetime as dt
import re
import sqlite3

import pytest

from core import accounts, members, metrics, posts, settings, units
from core.db import open_database
from core.errors import NotFound, ValidationError

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture
def account(db):
    return accounts.create(db, "instagram", "humas_kota", display_name="Humas Kota")


def snapshot_rows(db):
    return [
        tuple(r)
        for r in db.query(
            "SELECT a.handle, s.date, s.followers FROM account_snapshots s "
            "JOIN accounts a ON a.id = s.account_id ORDER BY a.handle, s.date"
        )
    ]


def assert_invalid(exc_info, field, value):
    assert exc_info.value.field == field
    assert exc_info.value.value == value
    assert field in str(exc_info.value)


# --- units and members ------------------------------------------------------------------------


def test_units_create_and_read(db):
    bureau = units.create(db, "  Biro Humas  ", short_name="BH")
    assert bureau.name == "Biro Humas"
    assert bureau.short_name == "BH"
    assert units.get(db, bureau.id) == bureau
    units.create(db, "Dinas Kesehatan")
    assert [u.name for u in units.list_all(db)] == ["Biro Humas", "Dinas Kesehatan"]


@pytest.mark.parametrize("name", ["", "   ", None])
def test_unit_needs_a_name(db, name):
    with pytest.raises(ValidationError) as info:
        units.create(db, name)
    assert info.value.field == "name"
    assert units.list_all(db) == []


def test_missing_rows_are_not_found(db):
    for module in (units, members, accounts, posts):
        with pytest.raises(NotFound):
            module.get(db, 12345)


def test_members_create_and_read(db):
    bureau = units.create(db, "Biro Humas")
    ana = members.create(db, "Ana", "editor", unit_id=bureau.id)
    members.create(db, "Budi", "approver", active=False)
    assert members.get(db, ana.id) == ana
    assert ana.unit_id == bureau.id and ana.active
    assert [m.name for m in members.list_all(db)] == ["Ana"]
    assert [m.name for m in members.list_all(db, include_inactive=True)] == ["Ana", "Budi"]


def test_member_role_must_be_known(db):
    with pytest.raises(ValidationError) as info:
        members.create(db, "Ana", "boss")
    assert_invalid(info, "role", "boss")


# --- accounts --------------------------------------------------------------------------------


def test_accounts_create_and_read(db):
    bureau = units.create(db, "Biro Humas")
    ana = members.create(db, "Ana", "admin")
    ig = accounts.create(
        db,
        "instagram",
        " humas_kota ",
        unit_id=bureau.id,
        responsible_id=ana.id,
        start_date=dt.date(2019, 3, 1),
    )
    fb = accounts.create(db, "facebook", "HumasKota")
    assert ig.handle == "humas_kota"
    assert ig.start_date == "2019-03-01"
    assert accounts.get(db, ig.id) == ig
    assert [a.platform for a in accounts.list_all(db)] == ["facebook", "instagram"]

    accounts.set_archived(db, fb.id, True)
    assert [a.id for a in accounts.list_all(db)] == [ig.id]
    assert len(accounts.list_all(db, include_archived=True)) == 2

    rows = accounts.table_rows(db)
    assert len(rows) == 1
    assert (rows[0].unit_name, rows[0].responsible_name, rows[0].followers) == (
        "Biro Humas",
        "Ana",
        None,
    )


def test_unknown_platform_names_field_and_value(db):
    with pytest.raises(ValidationError) as info:
        accounts.create(db, platform="myspace", handle="humas")
    assert_invalid(info, "platform", "myspace")
    assert "myspace" in str(info.value)


def test_bad_start_date(db):
    with pytest.raises(ValidationError) as info:
        accounts.create(db, "x", "humas", start_date="2019-02-30")
    assert_invalid(info, "start_date", "2019-02-30")


def test_duplicate_handle_on_same_platform_refused(db, account):
    with pytest.raises(ValidationError) as info:
        accounts.create(db, "instagram", "humas_kota")
    assert info.value.field == "handle"
    assert "humas_kota" in str(info.value)
    other = accounts.create(db, "tiktok", "humas_kota")  # another platform is fine
    assert [a.id for a in accounts.list_all(db)] == [account.id, other.id]


def test_table_rows_show_latest_followers(db, account):
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2021-12-01", "followers": 76000},
            {"account_id": account.id, "date": "2021-12-09", "followers": 76670},
            {"account_id": account.id, "date": "2021-11-01", "followers": 70000},
        ],
    )
    (row,) = accounts.table_rows(db)
    assert (row.followers, row.followers_date) == (76670, "2021-12-09")


# --- follower snapshots --------------------------------------------------------------------------


def test_snapshots_store_and_read(db, account):
    count = metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2021-12-09", "followers": 76670, "reach": "1200"},
            {"account_id": account.id, "date": dt.date(2021, 12, 1), "followers": 76000},
        ],
    )
    assert count == 2
    stored = metrics.snapshots(db, account.id)
    assert [(s.date, s.followers, s.reach) for s in stored] == [
        ("2021-12-01", 76000, None),
        ("2021-12-09", 76670, 1200),
    ]
    assert [s.date for s in metrics.snapshots(db, account.id, start="2021-12-05")] == ["2021-12-09"]
    assert metrics.followers_on(db, account.id, "2021-12-05") == ("2021-12-01", 76000)
    assert metrics.followers_on(db, account.id, "2021-11-30") is None


@pytest.mark.parametrize(
    ("row", "field", "value"),
    [
        ({"followers": -5}, "followers", -5),
        ({"date": "2019-13-01"}, "date", "2019-13-01"),
        ({"date": "kemarin"}, "date", "kemarin"),
        ({"date": None}, "date", None),
        ({"followers": 424.5}, "followers", 424.5),
        ({"followers": "banyak"}, "followers", "banyak"),
        ({"followers": True}, "followers", True),
        ({"followers": None}, "followers", None),
        ({"reach": -1}, "reach", -1),
        ({"account_id": 999}, "account_id", 999),
    ],
)
def test_bad_snapshot_names_field_and_value(db, account, row, field, value):
    good = {"account_id": account.id, "date": "2021-12-09", "followers": 100}
    with pytest.raises(ValidationError) as info:
        metrics.upsert_snapshots(db, [{**good, **row}])
    assert_invalid(info, field, value)
    assert snapshot_rows(db) == []


def test_huge_follower_count_is_a_validation_error(db, account):
    with pytest.raises(ValidationError) as info:
        metrics.upsert_snapshots(
            db, [{"account_id": account.id, "date": "2021-12-09", "followers": 10**20}]
        )
    assert info.value.field == "followers"


def test_whole_float_follower_count_accepted(db, account):
    metrics.upsert_snapshots(
        db, [{"account_id": account.id, "date": "2021-12-09", "followers": 424.0}]
    )
    (snap,) = metrics.snapshots(db, account.id)
    assert snap.followers == 424
    assert isinstance(snap.followers, int)
    assert db.query("SELECT typeof(followers) FROM account_snapshots")[0][0] == "integer"


def test_snapshot_import_is_all_or_nothing(db, account):
    rows = [
        {"account_id": account.id, "date": "2021-12-01", "followers": 76000},
        {"account_id": account.id, "date": "2021-12-02", "followers": 76100},
        {"account_id": account.id, "date": "2021-12-03", "followers": -1},
        {"account_id": account.id, "date": "2021-12-04", "followers": 76300},
    ]
    with pytest.raises(ValidationError):
        metrics.upsert_snapshots(db, rows)
    assert snapshot_rows(db) == []


def test_snapshot_import_with_missing_account_is_all_or_nothing(db, account):
    rows = [
        {"account_id": account.id, "date": "2021-12-01", "followers": 76000},
        {"account_id": account.id + 1, "date": "2021-12-01", "followers": 5},
    ]
    with pytest.raises(ValidationError):
        metrics.upsert_snapshots(db, rows)
    assert snapshot_rows(db) == []


def test_snapshot_for_same_day_replaces_and_keeps_uid(db, account):
    metrics.upsert_snapshots(
        db, [{"account_id": account.id, "date": "2021-12-09", "followers": 76000}]
    )
    (uid_before,) = db.query("SELECT uid FROM account_snapshots")[0]
    metrics.upsert_snapshots(
        db, [{"account_id": account.id, "date": "2021-12-09", "followers": 76670, "reach": 10}]
    )
    rows = db.query("SELECT uid, followers, reach FROM account_snapshots")
    assert [tuple(r) for r in rows] == [(uid_before, 76670, 10)]


def test_growth_between(db, account):
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2021-11-20", "followers": 50000},
            {"account_id": account.id, "date": "2021-12-01", "followers": 52300},
            {"account_id": account.id, "date": "2021-12-15", "followers": 53000},
            {"account_id": account.id, "date": "2021-12-31", "followers": 76670},
            {"account_id": account.id, "date": "2022-01-05", "followers": 99999},
        ],
    )
    growth = metrics.growth_between(db, account.id, "2021-12-01", "2021-12-31")
    assert (growth.start_date, growth.end_date) == ("2021-12-01", "2021-12-31")
    assert growth.change == 24370
    assert growth.percent == pytest.approx(24370 / 52300)

    shrink = metrics.growth_between(db, account.id, "2021-12-15", "2022-01-31")
    assert shrink.change == 99999 - 53000

    assert metrics.growth_between(db, account.id, "2020-01-01", "2020-12-31") is None


def test_growth_from_zero_followers_has_no_percent(db, account):
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2021-12-01", "followers": 0},
            {"account_id": account.id, "date": "2021-12-31", "followers": 120},
        ],
    )
    growth = metrics.growth_between(db, account.id, "2021-12-01", "2021-12-31")
    assert growth.change == 120
    assert growth.percent is None


# --- posts and variants -----------------------------------------------------------------------------


def test_posts_and_variants_create_and_read(db, account):
    post = posts.create(db, "Hari Ibu", notes="foto dari Dinas Sosial")
    assert posts.get(db, post.id) == post
    draft = posts.add_variant(
        db,
        post.id,
        account.id,
        text="Selamat Hari Ibu!",
        status="draft",
        planned_at="2021-12-22 09:00",
    )
    assert draft.planned_at == "2021-12-22T09:00:00+07:00"  # WIB, the default zone
    assert draft.status == "draft"
    assert posts.get_variant(db, draft.id) == draft
    assert posts.variants_of(db, post.id) == [draft]


def test_published_variant_needs_its_publication_time(db, account):
    post = posts.create(db, "Hari Ibu")
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, post.id, account.id, status="published")
    assert info.value.field == "published_at"
    assert posts.variants_of(db, post.id) == []
    done = posts.add_variant(
        db, post.id, account.id, status="published", published_at=dt.datetime(2021, 12, 22, 9, 5)
    )
    assert done.published_at == "2021-12-22T09:05:00+07:00"


@pytest.mark.parametrize(
    ("kwargs", "field", "value"),
    [
        ({"status": "viral"}, "status", "viral"),
        ({"planned_at": "besok pagi"}, "planned_at", "besok pagi"),
        (
            {"published_at": "2021-12-32 10:00", "status": "published"},
            "published_at",
            "2021-12-32 10:00",
        ),
    ],
)
def test_bad_variant_names_field_and_value(db, account, kwargs, field, value):
    post = posts.create(db, "Hari Ibu")
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, post.id, account.id, **kwargs)
    assert_invalid(info, field, value)
    assert posts.variants_of(db, post.id) == []


def test_variant_of_missing_post_names_the_field(db, account):
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, 999, account.id)
    assert (info.value.field, info.value.value) == ("post_id", 999)


@pytest.fixture
def december(db, account):
    fb = accounts.create(db, "facebook", "humaskota")
    post = posts.create(db, "Hari Ibu")
    other = posts.create(db, "Banjir")
    late = posts.create(db, "Tahun Baru")
    made = {
        "draft": posts.add_variant(
            db, post.id, account.id, status="draft", planned_at="2021-12-10T09:00"
        ),
        "review": posts.add_variant(
            db, post.id, fb.id, status="review", planned_at="2021-12-09T14:00"
        ),
        "published": posts.add_variant(
            db,
            other.id,
            account.id,
            status="published",
            planned_at="2021-12-09T08:00",
            published_at="2021-12-09T08:05",
        ),
        "idea": posts.add_variant(db, other.id, fb.id),  # no date: in no agenda
        "outside": posts.add_variant(
            db, late.id, account.id, status="scheduled", planned_at="2021-12-16T00:00"
        ),
        "end_day": posts.add_variant(
            db, late.id, fb.id, status="approved", planned_at="2021-12-15T23:59"
        ),
    }
    return made


def test_agenda_lists_unpublished_work_soonest_first(db, december):
    items = posts.agenda(db, dt.date(2021, 12, 9), dt.date(2021, 12, 15))
    assert [i.variant_id for i in items] == [
        december["review"].id,
        december["draft"].id,
        december["end_day"].id,
    ]
    first = items[0]
    assert (first.post_title, first.platform, first.handle, first.status, first.when) == (
        "Hari Ibu",
        "facebook",
        "humaskota",
        "review",
        "2021-12-09T14:00:00+07:00",
    )
    assert [
        i.variant_id for i in posts.agenda(db, dt.date(2021, 12, 9), dt.date(2021, 12, 15), limit=1)
    ] == [december["review"].id]


def test_status_counts(db, december):
    counts = posts.status_counts(db, dt.date(2021, 12, 9), dt.date(2021, 12, 15))
    assert counts == {
        "idea": 0,
        "draft": 1,
        "review": 1,
        "approved": 1,
        "scheduled": 0,
        "published": 1,
        "changes": 0,
        "cancelled": 0,
    }
    assert sum(posts.status_counts(db, dt.date(2022, 1, 1), dt.date(2022, 1, 31)).values()) == 0


# --- post metrics -----------------------------------------------------------------------------------


def test_post_metrics_store_replace_and_all_or_nothing(db, account):
    post = posts.create(db, "Hari Ibu")
    variant = posts.add_variant(db, post.id, account.id)
    metrics.upsert_post_metrics(
        db,
        [{"variant_id": variant.id, "account_id": account.id, "date": "2021-12-22", "reach": 500}],
    )
    (uid,) = db.query("SELECT uid FROM post_metrics")[0]
    metrics.upsert_post_metrics(
        db,
        [
            {
                "variant_id": variant.id,
                "account_id": account.id,
                "date": "2021-12-22",
                "reach": 800,
            },
            {
                "account_id": account.id,
                "external_post_id": "ig-123",
                "date": "2021-12-22",
                "shares": 3,
            },
        ],
    )
    rows = db.query("SELECT uid, reach, shares FROM post_metrics ORDER BY id")
    assert [tuple(r) for r in rows] == [(uid, 800, None), (rows[1][0], None, 3)]

    with pytest.raises(ValidationError) as info:
        metrics.upsert_post_metrics(
            db,
            [
                {"account_id": account.id, "external_post_id": "ig-456", "date": "2021-12-23"},
                {
                    "account_id": account.id,
                    "external_post_id": "ig-789",
                    "date": "2021-12-23",
                    "comments": -2,
                },
            ],
        )
    assert_invalid(info, "comments", -2)
    assert len(db.query("SELECT id FROM post_metrics")) == 2


def test_post_metric_needs_a_post(db, account):
    with pytest.raises(ValidationError) as info:
        metrics.upsert_post_metrics(db, [{"account_id": account.id, "date": "2021-12-22"}])
    assert info.value.field == "variant_id"


def test_post_metric_for_missing_account_names_the_field(db, account):
    with pytest.raises(ValidationError) as info:
        metrics.upsert_post_metrics(
            db, [{"account_id": account.id + 1, "external_post_id": "ig-1", "date": "2021-12-22"}]
        )
    assert info.value.field == "account_id"


# --- uids and settings -------------------------------------------------------------------------------


def test_every_created_row_has_a_uuid(db, account):
    bureau = units.create(db, "Biro Humas")
    ana = members.create(db, "Ana", "editor")
    post = posts.create(db, "Hari Ibu")
    variant = posts.add_variant(db, post.id, account.id)
    metrics.upsert_snapshots(db, [{"account_id": account.id, "date": "2021-12-09", "followers": 1}])
    metrics.upsert_post_metrics(
        db, [{"variant_id": variant.id, "account_id": account.id, "date": "2021-12-09"}]
    )
    uids = [bureau.uid, ana.uid, account.uid, post.uid, variant.uid]
    uids += [
        r[0]
        for r in db.query(
            "SELECT uid FROM account_snapshots UNION ALL SELECT uid FROM post_metrics"
        )
    ]
    assert len(uids) == 7
    for uid in uids:
        assert UUID.match(uid), uid
    assert len(set(uids)) == len(uids)


def test_settings_default_and_round_trip(tmp_path):
    path = tmp_path / "team.sqlite"
    handle = open_database(path, create=True)
    try:
        assert settings.get(handle, "institution.name") == ""
        settings.set(handle, "institution.name", "  Pemerintah Kota Contoh  ")
        settings.set(handle, "persona.admin_nickname", "Mimin")
        settings.set(handle, "persona.admin_nickname", "Minkot")
    finally:
        handle.close()
    handle = open_database(path)
    try:
        assert settings.get(handle, "institution.name") == "Pemerintah Kota Contoh"
        assert settings.get(handle, "persona.admin_nickname") == "Minkot"
        assert settings.get(handle, "institution.short_name") == ""
    finally:
        handle.close()


def test_unknown_setting_refused(db):
    before = [tuple(row) for row in db.query("SELECT * FROM settings")]
    for action in (
        lambda: settings.get(db, "theme.colour"),
        lambda: settings.set(db, "theme.colour", "x"),
    ):
        with pytest.raises(ValidationError) as info:
            action()
        assert_invalid(info, "key", "theme.colour")
    assert [tuple(row) for row in db.query("SELECT * FROM settings")] == before


def test_account_update_changes_only_given_fields(db):
    unit = units.create(db, "Biro Humas", "Humas")
    account = accounts.create(db, "instagram", "@humas_kota", "Humas Kota")
    assert account.handle == "humas_kota"  # a typed "@" is not part of the handle
    changed = accounts.update(db, account.id, display_name="Humas Kota Baru", unit_id=unit.id)
    assert (changed.display_name, changed.unit_id, changed.handle) == (
        "Humas Kota Baru",
        unit.id,
        "humas_kota",
    )


def test_account_update_is_validated_and_all_or_nothing(db):
    account = accounts.create(db, "instagram", "humas_kota")
    accounts.create(db, "instagram", "arsip_kota")
    with pytest.raises(ValidationError) as info:
        accounts.update(db, account.id, display_name="Baru", start_date="31-12-2020")
    assert info.value.field == "start_date"
    with pytest.raises(ValidationError) as info:
        accounts.update(db, account.id, display_name="Baru", handle="ARSIP_KOTA")
    assert info.value.field == "handle"
    assert accounts.get(db, account.id).display_name == ""


def test_unit_rename_and_member_update(db):
    unit = units.create(db, "Biro Humas", "Humas")
    renamed = units.update(db, unit.id, "Biro Hubungan Masyarakat", "Humas")
    assert renamed.name == "Biro Hubungan Masyarakat"
    member = members.create(db, "Rina", "editor", unit.id)
    left = members.update(db, member.id, "Rina Wulandari", "admin", unit.id, active=False)
    assert (left.name, left.role, left.active) == ("Rina Wulandari", "admin", False)
    assert members.list_all(db) == []
    assert members.list_all(db, include_inactive=True) == [left]
    with pytest.raises(ValidationError) as info:
        members.update(db, member.id, "Rina", "boss", unit.id, active=True)
    assert (info.value.field, info.value.value) == ("role", "boss")


def test_snapshot_import_failing_inside_the_database_leaves_nothing(db, account):
    """A write that fails half-way (here a trigger standing in for a full disk) rolls back."""
    db.conn.execute(
        """CREATE TRIGGER fail_on_march BEFORE INSERT ON account_snapshots
           WHEN NEW.date = '2019-03-01' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"""
    )
    rows = [
        {"account_id": account.id, "date": f"2019-0{month}-01", "followers": 1000 + month}
        for month in (1, 2, 3, 4)
    ]
    with pytest.raises(sqlite3.DatabaseError):
        metrics.upsert_snapshots(db, rows)
    assert metrics.snapshots(db, account.id) == []


def test_demo_failing_half_way_leaves_an_empty_file(db, demo_today):
    from core import demo

    db.conn.execute(
        """CREATE TRIGGER fail_on_posts BEFORE INSERT ON posts
           BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"""
    )
    with pytest.raises(sqlite3.DatabaseError):
        demo.populate(db, today=demo_today)
    assert accounts.list_all(db, include_archived=True) == []
    assert units.list_all(db) == []


@pytest.mark.parametrize("typed", ["@", "@@", " @ ", "   "])
def test_handle_of_only_at_signs_or_spaces_names_the_field(db, typed):
    with pytest.raises(ValidationError) as info:
        accounts.create(db, "instagram", typed)
    assert info.value.field == "handle"


def test_handle_is_stored_without_at_and_spaces(db):
    assert accounts.create(db, "x", " @ humas_kota ").handle == "humas_kota"


def test_snapshot_on_and_delete(db, account):
    metrics.upsert_snapshots(
        db, [{"account_id": account.id, "date": "2026-11-25", "followers": 10}]
    )
    assert metrics.snapshot_on(db, account.id, "2026-11-25").followers == 10
    assert metrics.snapshot_on(db, account.id, "2026-11-24") is None
    metrics.delete_snapshot(db, account.id, "2026-11-25")
    assert metrics.snapshots(db, account.id) == []
