"""What the growth charts draw: series sliced per range with missing months, indexed values,
growth labels, month over month, engagement per month against the benchmark, peers, range
presets; and that every figure agrees with core.figures."""

import datetime as dt

import pytest

from core import accounts, figures, metrics, series
from core.errors import ValidationError

D = dt.date


@pytest.fixture
def insta(db):
    return accounts.create(db, "instagram", "bmsn_ri", "BMSN RI")


def snap(db, account, *rows):
    """rows: (date, followers) or (date, followers, {other figures})."""
    metrics.upsert_snapshots(
        db,
        [
            {
                "account_id": account.id,
                "date": r[0],
                "followers": r[1],
                **(r[2] if len(r) > 2 else {}),
            }
            for r in rows
        ],
    )


def test_series_is_the_snapshots_in_date_order(db, insta):
    snap(db, insta, ("2026-03-01", 300), ("2026-01-01", 100), ("2026-02-01", 200))
    (found,) = series.load(db, [insta.id])
    assert found.account == insta
    assert found.dates == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert found.values == (100, 200, 300)


def test_window_keeps_the_range_and_reads_the_start_value_as_figures_does(db, insta):
    snap(db, insta, ("2026-01-01", 100), ("2026-02-01", 200), ("2026-03-01", 300))
    (shown,) = series.followers(db, [insta.id], D(2026, 1, 15), D(2026, 2, 28))
    assert shown.dates == [D(2026, 2, 1)]
    # the last snapshot before the range's start, as figures.value_at reads it
    assert shown.base_value == 100 == figures.value_at(db, insta.id, "2026-01-15").value
    assert shown.indexed() == (200.0,)


def test_start_before_any_figure_falls_back_to_the_first_in_range(db, insta):
    snap(db, insta, ("2026-02-01", 200), ("2026-03-01", 250))
    (shown,) = series.followers(db, [insta.id], D(2026, 1, 1), D(2026, 3, 31))
    fallback = figures.value_at(db, insta.id, "2026-01-01", "2026-03-31")
    assert (shown.base_value, fallback.value, fallback.fallback) == (200, 200, True)
    assert shown.indexed() == (100.0, 125.0)


def test_a_start_of_zero_cannot_be_indexed(db, insta):
    snap(db, insta, ("2026-01-01", 0), ("2026-02-01", 40))
    (shown,) = series.followers(db, [insta.id], D(2026, 1, 1), D(2026, 2, 28))
    assert shown.indexed() is None
    assert shown.values == (0, 40)


def test_missing_months_between_points_are_reported_never_filled(db, insta):
    snap(
        db,
        insta,
        ("2025-11-01", 100),
        ("2026-02-01", 130),  # December and January missing
        ("2026-03-01", 140),
        ("2026-05-01", 160),  # April missing
    )
    (shown,) = series.followers(db, [insta.id], D(2025, 11, 1), D(2026, 5, 31))
    assert shown.missing == (
        (D(2025, 12, 1), D(2026, 2, 1)),
        (D(2026, 4, 1), D(2026, 5, 1)),
    )
    assert len(shown) == 4  # nothing invented
    missing_months = [
        m.month for m in figures.monthly(db, insta.id, "2025-11", "2026-05") if m.missing
    ]
    assert missing_months == ["2025-12-01", "2026-01-01", "2026-04-01"]


def test_daily_points_in_every_month_have_no_missing_months(db, insta):
    days = [D(2025, 12, 20) + dt.timedelta(days=i) for i in range(0, 40, 3)]
    snap(db, insta, *[(d.isoformat(), 1000 + i) for i, d in enumerate(days)])
    (shown,) = series.followers(db, [insta.id], days[0], days[-1])
    assert shown.missing == ()


def test_one_point_and_no_points(db, insta):
    other = accounts.create(db, "x", "bmsn_ri", "BMSN RI")
    snap(db, insta, ("2026-06-01", 50))
    one, none = series.followers(db, [insta.id, other.id], D(2026, 1, 1), D(2026, 12, 31))
    assert (len(one), one.missing, one.indexed()) == (1, (), (100.0,))
    assert (len(none), none.base_value, none.indexed()) == (0, None, None)


def test_value_on_a_day_is_the_last_point_on_or_before_it(db, insta):
    snap(db, insta, ("2026-01-01", 100), ("2026-02-01", 200))
    (found,) = series.load(db, [insta.id])
    assert found.value_on(D(2026, 1, 20)) == (D(2026, 1, 1), 100)
    assert found.value_on(D(2026, 2, 1)) == (D(2026, 2, 1), 200)
    assert found.value_on(D(2025, 12, 31)) is None


def test_unknown_accounts_are_left_out_and_order_is_kept(db, insta):
    other = accounts.create(db, "x", "bmsn_ri", "BMSN RI")
    found = series.load(db, [other.id, 999, insta.id])
    assert [s.account.id for s in found] == [other.id, insta.id]


def test_growth_labels_in_indonesian():
    assert series.growth_label(24370, 24370 / 52300) == "+24.370 (+46,6%)"
    assert series.growth_label(-617, -0.012) == "−617 (−1,2%)"
    assert series.growth_label(40, None) == "+40"


def test_growth_bars_equal_figures_growth(db, insta):
    other = accounts.create(db, "x", "bmsn_ri", "BMSN RI")
    snap(db, insta, ("2019-01-01", 52300), ("2019-08-01", 76670))
    bars = series.growth_bars(db, [insta.id, other.id], D(2019, 1, 1), D(2019, 8, 31))
    assert bars[0].label == "+24.370 (+46,6%)"
    assert bars[0].growth == figures.growth(db, insta.id, "2019-01-01", "2019-08-31")
    assert bars[1].growth is None and bars[1].label == "tidak ada data"


def test_monthly_changes_follow_figures_monthly(db, insta):
    snap(db, insta, ("2026-01-01", 100), ("2026-02-01", 90), ("2026-04-01", 120))
    (found,) = series.monthly_changes(db, [insta.id], D(2026, 2, 10), D(2026, 4, 30))
    assert [(m.month, m.change) for m in found.months] == [
        ("2026-02-01", -10),
        ("2026-03-01", None),
        ("2026-04-01", None),
    ]


def test_engagement_per_month_marks_months_below_the_benchmark(db, insta):
    snap(
        db,
        insta,
        ("2026-01-31", 10000, {"engagements": 300}),  # 3,00%
        ("2026-02-28", 10000, {"engagements": 100}),  # 1,00%
    )
    figures.set_target(db, insta.id, 0.025)
    (found,) = series.engagement(db, [insta.id], D(2026, 1, 1), D(2026, 3, 31), "followers")
    assert [m.month for m in found.months] == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert [m.rate for m in found.months] == [0.03, 0.01, None]
    assert [found.below(m) for m in found.months] == [False, True, False]
    assert (found.benchmark.rate, found.target) == (figures.DEFAULT_BENCHMARK_RATE, 0.025)
    january = figures.account_engagement(db, insta.id, "2026-01-01", "2026-01-31", "followers")
    assert found.months[0].figure == january


def test_peer_platforms_need_ours_and_a_peer(db, insta):
    accounts.create(db, "x", "bmsn_ri", "BMSN RI")
    accounts.create(db, "x", "lain", "Instansi lain", peer=True)
    peer_ig = accounts.create(db, "instagram", "piawaian", "Peer", peer=True)
    assert series.peer_platforms(db) == ["instagram", "x"]
    assert [a.id for a in series.peer_accounts(db, "instagram")] == [insta.id, peer_ig.id]


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("month", (D(2026, 10, 31), D(2026, 11, 25))),  # from last month's closing figure
        ("3m", (D(2026, 8, 25), D(2026, 11, 25))),
        ("12m", (D(2025, 11, 25), D(2026, 11, 25))),
        ("ytd", (D(2026, 1, 1), D(2026, 11, 25))),
        ("all", (D(2019, 1, 1), D(2026, 11, 25))),
    ],
)
def test_range_presets(preset, expected):
    assert series.preset_range(preset, D(2026, 11, 25), D(2019, 1, 1)) == expected


def test_all_without_data_is_today_and_custom_has_no_preset_range():
    assert series.preset_range("all", D(2026, 11, 25)) == (D(2026, 11, 25), D(2026, 11, 25))
    with pytest.raises(ValidationError):
        series.preset_range("custom", D(2026, 11, 25))


def test_chart_spec_refuses_an_end_before_its_start_and_unknown_kinds():
    with pytest.raises(ValidationError):
        series.ChartSpec("followers", (), D(2026, 2, 1), D(2026, 1, 1))
    with pytest.raises(ValidationError):
        series.ChartSpec("pie", (), D(2026, 1, 1), D(2026, 2, 1))


def test_chart_titles_say_what_and_when():
    spec = series.ChartSpec("growth", (1,), D(2026, 1, 1), D(2026, 11, 25))
    assert spec.title() == "Pertumbuhan sejak 1 Jan 2026 (hingga 25 Nov 2026)"
    spec = series.ChartSpec("followers", (1,), D(2025, 11, 25), D(2026, 11, 25))
    assert spec.title() == "Pengikut · 25 Nov 2025 – 25 Nov 2026"


def test_the_brief_growth_on_the_demo(demo_db):
    """The standards agency's Instagram: 76.670 followers in August 2019, up 24.370 since
    January, drawn as the brief reports it."""
    insta = next(a for a in accounts.list_all(demo_db) if a.platform == "instagram" and not a.peer)
    (bar,) = series.growth_bars(demo_db, [insta.id], D(2019, 1, 1), D(2019, 8, 1))
    assert bar.growth.end.value == 76670
    assert bar.label.startswith("+24.370 (")


def test_a_point_on_the_start_day_is_the_base(db, insta):
    """Index and growth agree: the value at the start is the point on that very day."""
    snap(db, insta, ("2026-01-01", 1000), ("2026-02-01", 2000), ("2026-03-01", 3000))
    (shown,) = series.followers(db, [insta.id], D(2026, 2, 1), D(2026, 3, 1))
    assert shown.indexed() == (100.0, 150.0)
    growth = figures.growth(db, insta.id, "2026-02-01", "2026-03-01")
    assert growth.percent == 0.5


def test_a_later_start_figure_is_named_on_its_bar(db, insta):
    snap(db, insta, ("2026-10-31", 10), ("2026-11-20", 30))
    (bar,) = series.growth_bars(db, [insta.id], D(2026, 1, 1), D(2026, 11, 25))
    assert bar.label == "+20 (+200,0%) · dari 31 Okt 2026"


def test_a_benchmark_counted_another_way_marks_nothing_below(db, insta):
    snap(db, insta, ("2026-01-31", 10000, {"engagements": 10, "reach": 5000}))
    figures.set_benchmark(db, "instagram", 0.05, "survei", method="reach")
    (found,) = series.engagement(db, [insta.id], D(2026, 1, 1), D(2026, 1, 31), "followers")
    assert found.months[0].rate == 0.001
    assert not found.comparable and not found.below(found.months[0])
