"""Planned and published times carry the institution's UTC offset; days are its local days."""

import datetime as dt

import pytest

from core import accounts, fmt, i18n, posts, settings, timezone, workflow
from core.errors import ValidationError

UTC = dt.UTC
WIB = dt.timedelta(hours=7)


@pytest.fixture
def account(db):
    return accounts.create(db, "instagram", "humas_kota")


@pytest.fixture
def post(db):
    return posts.create(db, "Hari Guru Nasional")


def raw_times(db):
    return [tuple(r) for r in db.query("SELECT planned_at, published_at FROM post_variants")]


def agenda_days(db, day: dt.date):
    return [item.variant_id for item in posts.agenda(db, day, day)]


@pytest.mark.parametrize(
    "given",
    ["2026-11-25 09:00", "2026-11-25T09:00:00", dt.datetime(2026, 11, 25, 9, 0, 0, 123456)],
)
def test_naive_times_are_institution_local_and_stored_with_offset(db, account, post, given):
    variant = posts.add_variant(db, post.id, account.id, status="draft", planned_at=given)
    assert raw_times(db) == [("2026-11-25T09:00:00+07:00", None)]
    assert variant.planned_at == "2026-11-25T09:00:00+07:00"
    assert variant.planned == dt.datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert variant.planned.utcoffset() == WIB


def test_a_time_in_another_offset_lands_on_the_institution_s_day(db, account, post):
    """09:00 on 24 Nov in Berlin is already 15:00 in Jakarta; 20:00 UTC is 03:00 next day."""
    other = accounts.create(db, "x", "humas_kota")
    late = posts.add_variant(
        db,
        post.id,
        account.id,
        status="scheduled",
        planned_at=dt.datetime(2026, 11, 24, 20, 0, tzinfo=UTC),
    )
    assert late.planned_at == "2026-11-25T03:00:00+07:00"
    done = posts.add_variant(
        db,
        post.id,
        other.id,
        status="published",
        planned_at="2026-11-24T23:30:00+09:00",  # WIT
        published_at="2026-11-24T16:45:00Z",
    )
    assert (done.planned_at, done.published_at) == (
        "2026-11-24T21:30:00+07:00",
        "2026-11-24T23:45:00+07:00",
    )
    assert agenda_days(db, dt.date(2026, 11, 25)) == [late.id]
    assert agenda_days(db, dt.date(2026, 11, 24)) == []
    assert posts.agenda_count(db, dt.date(2026, 11, 25), dt.date(2026, 11, 25)) == 1
    day = dt.date(2026, 11, 24)
    assert posts.status_counts(db, day, day)["published"] == 1


def test_in_wita_naive_times_get_plus_eight_and_days_are_wita_days(db, account, post):
    settings.set(db, "institution.timezone", "Asia/Makassar")
    variant = posts.add_variant(
        db,
        post.id,
        account.id,
        status="draft",
        planned_at=dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.timezone(WIB)),
    )
    assert variant.planned_at == "2026-11-25T00:30:00+08:00"
    assert agenda_days(db, dt.date(2026, 11, 25)) == [variant.id]
    naive = posts.add_variant(
        db, posts.create(db, "Lain").id, account.id, status="idea", planned_at="2026-11-26 09:00"
    )
    assert naive.planned_at == "2026-11-26T09:00:00+08:00"


def test_changing_the_zone_keeps_each_moment_and_moves_the_day(db, account, post):
    variant = posts.add_variant(
        db, post.id, account.id, status="draft", planned_at="2026-11-24 23:30"
    )
    assert agenda_days(db, dt.date(2026, 11, 24)) == [variant.id]
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    moved = posts.get_variant(db, variant.id)
    assert moved.planned_at == "2026-11-25T01:30:00+09:00"
    assert moved.planned == variant.planned
    assert agenda_days(db, dt.date(2026, 11, 25)) == [variant.id]
    assert agenda_days(db, dt.date(2026, 11, 24)) == []


def test_older_files_naive_times_read_as_institution_local(db, account, post):
    variant = posts.add_variant(db, post.id, account.id, status="draft")
    db.conn.execute(
        "UPDATE post_variants SET planned_at = '2021-12-09T14:00:00' WHERE id = ?", (variant.id,)
    )
    read = posts.get_variant(db, variant.id)
    assert read.planned_at == "2021-12-09T14:00:00+07:00"
    assert read.planned == dt.datetime(2021, 12, 9, 7, 0, tzinfo=UTC)
    (item,) = posts.agenda(db, dt.date(2021, 12, 9), dt.date(2021, 12, 9))
    assert item.when == "2021-12-09T14:00:00+07:00" and item.at == read.planned
    settings.set(db, "institution.timezone", "Asia/Makassar")  # the old naive time was WIB
    assert posts.get_variant(db, variant.id).planned_at == "2021-12-09T15:00:00+08:00"


def test_schema_accepts_offsets_and_still_refuses_garbage(db, account, post):
    variant = posts.add_variant(db, post.id, account.id)
    for good in ("2026-11-25T09:00:00+07:00", "2026-11-25T09:00:00"):
        db.conn.execute("UPDATE post_variants SET planned_at = ? WHERE id = ?", (good, variant.id))
    with pytest.raises(Exception, match="CHECK"):
        db.conn.execute(
            "UPDATE post_variants SET planned_at = '25/11/2026 09:00' WHERE id = ?", (variant.id,)
        )


def test_update_variant_changes_only_what_is_given(db, account, post):
    variant = posts.add_variant(
        db,
        post.id,
        account.id,
        text="Selamat Hari Guru",
        status="scheduled",
        planned_at="2026-11-25 09:00",
    )
    with pytest.raises(ValidationError) as info:
        workflow.transition(db, variant.id, "published")
    assert info.value.field == "published_at"
    done = workflow.transition(
        db, variant.id, "published", published_at=dt.datetime(2026, 11, 25, 2, 7, tzinfo=UTC)
    )
    assert (done.text, done.planned_at, done.published_at) == (
        "Selamat Hari Guru",
        "2026-11-25T09:00:00+07:00",
        "2026-11-25T09:07:00+07:00",
    )
    with pytest.raises(ValidationError) as info:
        posts.update_variant(db, variant.id, published_at=None)
    assert info.value.field == "published_at"
    with pytest.raises(workflow.WorkflowError, match="Terbit.*Draf"):
        workflow.transition(db, variant.id, "draft")
    with pytest.raises(ValidationError) as info:  # it went out: it stays on its day
        posts.update_variant(db, variant.id, planned_at="2026-11-26 10:00")
    later = posts.update_variant(db, variant.id, url="https://x.com/bmsn_ri/status/2")
    assert (later.status, later.planned_at, later.published_at, later.text) == (
        "published",
        "2026-11-25T09:00:00+07:00",
        "2026-11-25T09:07:00+07:00",
        "Selamat Hari Guru",
    )
    with pytest.raises(ValidationError) as info:
        posts.update_variant(db, variant.id, planned_at="besok pagi")
    assert (info.value.field, info.value.value) == ("planned_at", "besok pagi")


def test_zone_choices_for_a_settings_dialog():
    assert [key for key, _title in timezone.choices()] == [
        "Asia/Jakarta",
        "Asia/Makassar",
        "Asia/Jayapura",
    ]
    titles = [title for _key, title in timezone.choices()]
    assert [t.split()[0] for t in titles] == ["WIB", "WITA", "WIT"]


@pytest.mark.parametrize(
    ("value", "zone", "shown"),
    [
        ("2026-11-25T09:00:00+07:00", "Asia/Jakarta", "25 Nov 2026 09.00 WIB"),
        (dt.datetime(2026, 11, 25, 2, 0, tzinfo=UTC), "Asia/Jakarta", "25 Nov 2026 09.00 WIB"),
        ("2026-11-25T09:00:00+07:00", "Asia/Makassar", "25 Nov 2026 10.00 WITA"),
        ("2026-11-25T23:30:00+07:00", timezone.zone("Asia/Jayapura"), "26 Nov 2026 01.30 WIT"),
        (dt.datetime(2026, 11, 25, 9, 0), "Asia/Jayapura", "25 Nov 2026 09.00 WIT"),
    ],
)
def test_a_moment_is_shown_in_the_institution_s_zone(value, zone, shown):
    assert fmt.datetime_in_zone(value, zone) == shown


def test_a_moment_in_english():
    i18n.set_language("en")
    try:
        shown = fmt.datetime_in_zone("2026-11-25T09:00:00+07:00", "Asia/Jakarta")
    finally:
        i18n.set_language("id")
    assert shown == "25 Nov 2026 09:00 WIB"
