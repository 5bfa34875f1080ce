"""Key performance indicators: kept per period in order, checked field by field, realised from
the data in scope (or entered by hand), and kept when a file of the previous schema upgrades."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from core import accounts, figures, i18n, kpis, metrics, migrations, posts
from core.db import open_database
from core.errors import ValidationError

JAN, AUG = dt.date(2019, 1, 1), dt.date(2019, 8, 31)
V1_FILE = Path(__file__).resolve().parent.parent / "data" / "v001-demo.sqlite"


def make(db, name="Unggahan terbit", measure="posts_published", target=20, **extra):
    return kpis.create(db, JAN, AUG, name, extra.pop("level", "output"), measure, target, **extra)


def names(db, start=JAN, end=AUG):
    return [kpi.name for kpi in kpis.list_for(db, start, end)]


# --- keeping them ------------------------------------------------------------------------


def test_created_indicators_are_listed_for_exactly_their_period_in_order(db):
    first = make(db, "Unggahan terbit", unit="posting")
    second = make(db, "Sebutan media", "manual", 12, level="impact", manual_value=9)
    kpis.create(db, "2019-09-01", "2019-09-30", "Lain", "output", "posts_published", 5)
    assert names(db) == ["Unggahan terbit", "Sebutan media"]
    assert (first.position, second.position) == (0, 1)
    assert second == kpis.Kpi(
        second.id, "2019-01-01", "2019-08-31", "Sebutan media", "impact", "manual", 12.0, "", 9.0, 1
    )
    assert names(db, JAN, dt.date(2019, 12, 31)) == []  # another period, even if it overlaps


def test_update_changes_only_what_is_given(db):
    kpi = make(db, unit="posting")
    changed = kpis.update(db, kpi.id, target="25", name="Unggahan terbit di semua akun")
    assert (changed.name, changed.target, changed.unit, changed.measure) == (
        "Unggahan terbit di semua akun",
        25.0,
        "posting",
        "posts_published",
    )


def test_update_to_another_period_goes_last_there_and_closes_the_gap(db):
    a, b, c = make(db, "A"), make(db, "B"), make(db, "C")
    kpis.create(db, "2019-09-01", "2019-09-30", "X", "output", "posts_published", 1)
    moved = kpis.update(db, a.id, period_start="2019-09-01", period_end="2019-09-30")
    assert moved.position == 1
    assert [(k.name, k.position) for k in kpis.list_for(db, JAN, AUG)] == [("B", 0), ("C", 1)]
    assert b.id and c.id


def test_move_and_delete_keep_positions_in_a_row(db):
    for name in "ABCD":
        make(db, name)
    d = kpis.list_for(db, JAN, AUG)[3]
    kpis.move(db, d.id, 0)
    assert names(db) == ["D", "A", "B", "C"]
    kpis.move(db, d.id, 99)  # past the end: last
    assert names(db) == ["A", "B", "C", "D"]
    kpis.delete(db, kpis.list_for(db, JAN, AUG)[1].id)
    assert [(k.name, k.position) for k in kpis.list_for(db, JAN, AUG)] == [
        ("A", 0),
        ("C", 1),
        ("D", 2),
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"level": "hasil"}, "level"),
        ({"measure": "likes"}, "measure"),
        ({"target": None}, "target"),
        ({"target": "banyak"}, "target"),
        ({"target": -1}, "target"),
        ({"target": float("nan")}, "target"),
        ({"measure": "engagement_rate", "target": 2.5}, "target"),  # a rate is a fraction
        ({"manual_value": "tinggi"}, "manual_value"),
        ({"end": "2018-12-31"}, "period_end"),
        ({"start": "31/01/2019"}, "period_start"),
    ],
)
def test_a_bad_field_is_refused_by_name_and_nothing_is_stored(db, fields, field):
    values = {
        "start": JAN,
        "end": AUG,
        "name": "Unggahan",
        "level": "output",
        "measure": "posts_published",
        "target": 10,
        **fields,
    }
    with pytest.raises(ValidationError) as info:
        kpis.create(db, **values)
    assert info.value.field == field
    assert db.query("SELECT count(*) FROM kpis")[0][0] == 0


def test_update_refuses_an_unknown_field_and_a_bad_value_leaving_the_row(db):
    kpi = make(db)
    with pytest.raises(ValidationError) as info:
        kpis.update(db, kpi.id, colour="red")
    assert info.value.field == "colour"
    with pytest.raises(ValidationError) as info:
        kpis.update(db, kpi.id, name="")
    assert info.value.field == "name"
    assert kpis.get(db, kpi.id) == kpi


def test_a_rate_target_may_be_typed_as_a_percentage(db):
    kpi = make(db, "Tingkat interaksi", "engagement_rate", "2,5%", level="outcome")
    assert kpi.target == pytest.approx(0.025)
    assert kpis.value_text(kpi, kpi.target) == "2,50%"


def test_titles_follow_the_language():
    assert [kpis.level_title(level) for level in kpis.LEVELS] == ["Keluaran", "Hasil", "Dampak"]
    assert kpis.measure_title("follower_growth") == "Pertumbuhan pengikut"
    i18n.set_language("en")
    assert kpis.level_title("impact") == "Impact"
    assert kpis.measure_title("manual") == "Value entered by hand"


# --- realisation -------------------------------------------------------------------------


@pytest.fixture
def ours(db):
    ig = accounts.create(db, "instagram", "bmsn_ri", "BMSN RI")
    fb = accounts.create(db, "facebook", "bmsn.ri", "BMSN RI")
    peer = accounts.create(db, "instagram", "nsb_official", "NSB", peer=True)
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": ig.id, "date": "2019-01-01", "followers": 52300},
            {"account_id": ig.id, "date": "2019-08-01", "followers": 76670, "engagements": 1000},
            {"account_id": fb.id, "date": "2019-01-01", "followers": 9087},
            {"account_id": fb.id, "date": "2019-08-01", "followers": 8470, "engagements": 400},
            {"account_id": peer.id, "date": "2019-01-01", "followers": 1000},
            {"account_id": peer.id, "date": "2019-08-01", "followers": 900000},
        ],
    )
    post = posts.create(db, "Hari Standar Dunia")
    for account, status, published in (
        (ig, "published", "2019-03-05T09:00"),
        (fb, "published", "2019-08-31T20:00"),
    ):
        posts.add_variant(db, post.id, account.id, "", status, published, published)
    other = posts.create(db, "Kuis")
    posts.add_variant(db, other.id, ig.id, "", "scheduled", "2019-04-01T09:00")
    posts.add_variant(db, other.id, fb.id, "", "published", "2019-09-01T09:00", "2019-09-01T09:00")
    return ig, fb


def test_posts_published_counts_published_versions_of_the_period(db, ours):
    result = kpis.evaluate(db, make(db, target=4), [a.id for a in ours])
    assert (result.realisation, result.percent, result.achieved) == (2.0, 0.5, False)
    assert kpis.status_title(result) == "Belum tercapai"
    only_ig = kpis.evaluate(db, make(db, target=1), [ours[0].id])
    assert (only_ig.realisation, only_ig.achieved) == (1.0, True)
    assert kpis.status_title(only_ig) == "Tercapai"


def test_follower_growth_sums_the_changes_of_the_accounts_in_scope(db, ours):
    kpi = make(db, "Pertumbuhan", "follower_growth", 20000, level="outcome", unit="pengikut")
    result = kpis.evaluate(db, kpi, [a.id for a in ours])
    assert result.realisation == 24370 - 617
    assert result.achieved is True and result.percent == pytest.approx(23753 / 20000)
    assert kpis.value_text(kpi, result.realisation) == "23.753 pengikut"
    everyone = kpis.evaluate(db, kpi)  # None: every account of ours, never the peer's
    assert everyone.realisation == 23753


def test_engagement_rate_pools_engagements_over_followers(db, ours):
    kpi = make(db, "ER", "engagement_rate", 0.02, level="outcome")
    result = kpis.evaluate(db, kpi, [a.id for a in ours])
    assert result.realisation == pytest.approx(1400 / (76670 + 8470))
    assert result.achieved is False
    assert figures.format_rate(result.realisation) == kpis.value_text(kpi, result.realisation)


def test_no_data_and_no_manual_value_are_unknown_not_zero(db, ours):
    empty = accounts.create(db, "youtube", "bmsnri", "BMSN RI")
    growth = kpis.evaluate(db, make(db, "G", "follower_growth", 10), [empty.id])
    manual = kpis.evaluate(db, make(db, "Survei", "manual", 3.5, level="impact"), [])
    for result in (growth, manual):
        assert (result.realisation, result.percent, result.achieved) == (None, None, None)
        assert kpis.status_title(result) == "Belum ada data"


def test_manual_value_is_the_realisation_and_a_zero_target_has_no_percent(db):
    survey = make(db, "Survei", "manual", 3.5, level="impact", unit="skala 1–4", manual_value=3.62)
    result = kpis.evaluate(db, survey, [])
    assert (result.realisation, result.achieved) == (3.62, True)
    assert kpis.value_text(survey, 3.62) == "3,62 skala 1–4"
    zero = kpis.evaluate(db, make(db, "Nol", "manual", 0, manual_value=0), [])
    assert (zero.percent, zero.achieved) == (None, True)


def test_demo_has_indicators_for_last_month_this_month_and_the_year(demo_db, demo_today):
    october = kpis.list_for(demo_db, "2026-10-01", "2026-10-31")
    year = kpis.list_for(demo_db, "2026-01-01", "2026-12-31")
    assert len(kpis.list_for(demo_db, "2026-11-01", "2026-11-30")) == len(october) >= 3
    assert {k.level for k in october + year} == set(kpis.LEVELS)
    results = [kpis.evaluate(demo_db, kpi) for kpi in october + year]
    assert {r.achieved for r in results} == {True, False}  # some reached, some not


# --- schema ------------------------------------------------------------------------------


def test_a_file_of_the_previous_schema_upgrades_with_its_rows_and_takes_indicators(
    tmp_path, monkeypatch
):
    path = tmp_path / "team.sqlite"
    shutil.copy(V1_FILE, path)
    real = migrations.all_migrations()
    assert [m.name for m in real if m.version == 5] == ["v005_kpis"]
    with monkeypatch.context() as patch:  # make a file of version 4, as the last release left it
        patch.setattr(migrations, "all_migrations", lambda: [m for m in real if m.version <= 4])
        patch.setattr(migrations, "latest_version", lambda: 4)
        with open_database(path) as database:
            assert database.user_version == 4
            before = {
                table: database.query(f"SELECT * FROM {table} ORDER BY 1")
                for table in ("accounts", "account_snapshots", "post_variants", "benchmarks")
            }
            before = {table: [tuple(r) for r in rows] for table, rows in before.items()}
    with open_database(path) as database:
        assert database.user_version == migrations.latest_version()
        for table, rows in before.items():
            after = database.query(f"SELECT * FROM {table} ORDER BY 1")
            # Every row kept, with the columns it had (later versions add columns).
            assert [tuple(r)[: len(row)] for r, row in zip(after, rows, strict=True)] == rows
        kpi = kpis.create(database, JAN, AUG, "Unggahan", "output", "posts_published", 10)
        assert kpis.list_for(database, JAN, AUG) == [kpi]


def test_percent_is_never_rounded_up_to_a_target_not_reached(db):
    from core import kpis as k

    kpi = k.create(db, "2026-10-01", "2026-10-31", "Survei", "impact", "manual", 250, "orang", 249)
    result = k.evaluate(db, kpi)
    assert result.achieved is False
    assert k.percent_text(result) == "99%"


def test_a_manual_value_typed_with_percent_keeps_its_number(db):
    from core import kpis as k

    kpi = k.create(
        db, "2026-10-01", "2026-10-31", "Kepuasan", "impact", "manual", "90%", "%", "94%"
    )
    assert (kpi.target, kpi.manual_value) == (90, 94)
