"""Derived figures, one rule everywhere: the value at a date, growth, month over month, average
monthly growth, the engagement rate by each method, benchmarks and targets, and the brief's
figures from the demo."""

import datetime as dt
import sqlite3

import pytest

from core import accounts, figures, fmt, i18n, metrics, settings
from core.errors import ValidationError


@pytest.fixture
def account(db):
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


# --- engagement rate ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engagements", "base", "expected"),
    [
        (161, 76670, 161 / 76670),
        (0, 76670, 0.0),  # a real 0%
        (161, 0, None),  # zero base: no rate, not 0% and no error
        (161, None, None),  # missing base
        (None, 76670, None),  # missing engagements
        (None, None, None),
        (0, 0, None),
        (5, -3, None),
        (float("nan"), 100, None),
        (10, float("inf"), None),
    ],
)
def test_engagement_rate_at_zero_and_missing_values(engagements, base, expected):
    assert figures.engagement_rate(engagements, base) == expected


def test_rate_is_shown_with_two_decimals():
    assert figures.format_rate(0.0021) == "0,21%"
    assert figures.format_rate(0.0215) == "2,15%"
    assert figures.format_rate(None) == fmt.percent(None)
    i18n.set_language("en")
    assert figures.format_rate(0.0021) == "0.21%"


def test_engagement_method_is_a_setting_with_translated_choices(db):
    assert figures.engagement_method(db) == "followers"
    values = [value for value, _title in settings.choices("metrics.engagement_method")]
    assert values == ["followers", "reach", "impressions"]
    settings.set(db, "metrics.engagement_method", "reach")
    assert figures.engagement_method(db) == "reach"
    with pytest.raises(ValidationError):
        settings.set(db, "metrics.engagement_method", "likes")


def test_account_engagement_by_each_method(db, account):
    snap(
        db,
        account,
        ("2024-01-01", 1000, {"engagements": 20, "reach": 400, "impressions": 800}),
        ("2024-01-15", 1010, {"engagements": 10, "reach": 100}),  # no impressions
        ("2024-01-31", 1050),  # followers only
        ("2024-02-01", 2000, {"engagements": 999, "reach": 1}),  # outside the period
    )
    by_followers = figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31")
    assert by_followers.method == "followers"
    assert (by_followers.engagements, by_followers.base) == (30, 1050)
    assert by_followers.rate == pytest.approx(30 / 1050)
    assert by_followers.dates_used == ("2024-01-01", "2024-01-15")
    assert by_followers.base_date == "2024-01-31"

    by_reach = figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31", "reach")
    assert (by_reach.engagements, by_reach.base, by_reach.rate) == (30, 500, 30 / 500)

    # Only snapshots with both figures count: the 15th has no impressions.
    by_views = figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31", "impressions")
    assert (by_views.engagements, by_views.base, by_views.rate) == (20, 800, 20 / 800)
    assert by_views.dates_used == ("2024-01-01",)

    settings.set(db, "metrics.engagement_method", "impressions")
    assert figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31") == by_views

    with pytest.raises(ValidationError):
        figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31", "likes")


def test_account_engagement_without_figures_is_none_not_zero(db, account):
    empty = figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31")
    assert (empty.rate, empty.engagements, empty.base, empty.dates_used) == (None, None, None, ())
    assert empty.text == fmt.percent(None)

    snap(db, account, ("2024-01-01", 0, {"engagements": 5, "reach": 0}))
    zero_followers = figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31")
    assert (zero_followers.engagements, zero_followers.base, zero_followers.rate) == (5, 0, None)
    zero_reach = figures.account_engagement(db, account.id, "2024-01-01", "2024-01-31", "reach")
    assert zero_reach.rate is None

    snap(db, account, ("2024-02-01", 100))  # followers but no engagements
    no_engagements = figures.account_engagement(db, account.id, "2024-02-01", "2024-02-28")
    assert (no_engagements.engagements, no_engagements.base, no_engagements.rate) == (
        None,
        100,
        None,
    )


# --- benchmarks and targets --------------------------------------------------------------


def test_benchmark_default_store_and_reset(db):
    default = figures.benchmark(db, "instagram")
    assert (default.rate, default.method, default.stored) == (0.0215, "followers", False)
    assert default.source == i18n._(figures.DEFAULT_BENCHMARK_SOURCE)
    assert default.text == "2,15%"
    assert [b.platform for b in figures.benchmarks(db)] == list(accounts.PLATFORMS)

    stored = figures.set_benchmark(db, "instagram", 0.031, "Laporan industri 2026", "reach")
    assert (stored.rate, stored.source, stored.method, stored.stored) == (
        0.031,
        "Laporan industri 2026",
        "reach",
        True,
    )
    assert figures.benchmark(db, "instagram") == stored
    assert figures.benchmark(db, "facebook").rate == 0.0215  # other platforms keep the default
    figures.set_benchmark(db, "instagram", 0.02)
    assert figures.benchmark(db, "instagram").source == ""
    assert figures.set_benchmark(db, "instagram", "2,15%").rate == pytest.approx(0.0215)
    assert figures.set_benchmark(db, "instagram", "0.5").rate == 0.5
    figures.reset_benchmark(db, "instagram")
    assert not figures.benchmark(db, "instagram").stored


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("instagram", -0.01), "rate"),
        (("instagram", 1.5), "rate"),
        (("instagram", "banyak"), "rate"),
        (("instagram", "215%"), "rate"),
        (("instagram", "—%"), "rate"),
        (("instagram", None), "rate"),
        (("instagram", True), "rate"),
        (("instagram", float("nan")), "rate"),
        (("myspace", 0.02), "platform"),
        (("instagram", 0.02, "", "likes"), "method"),
    ],
)
def test_benchmark_validation(db, args, field):
    with pytest.raises(ValidationError) as caught:
        figures.set_benchmark(db, *args)
    assert caught.value.field == field
    assert db.query("SELECT * FROM benchmarks") == []


def test_targets_store_validate_and_clear(db, account):
    assert figures.target(db, account.id) == figures.AccountTarget(account.id)
    stored = figures.set_target(db, account.id, 0.03, 100_000)
    assert (stored.engagement_rate, stored.followers) == (0.03, 100_000)
    assert stored.updated_at is not None
    only_rate = figures.set_target(db, account.id, engagement_rate=0.025)
    assert (only_rate.engagement_rate, only_rate.followers) == (0.025, None)
    for bad, field in (
        ({"engagement_rate": 2}, "engagement_rate"),
        ({"engagement_rate": -0.1}, "engagement_rate"),
        ({"followers": -1}, "followers"),
        ({"followers": 10.5}, "followers"),
    ):
        with pytest.raises(ValidationError) as caught:
            figures.set_target(db, account.id, **bad)
        assert caught.value.field == field
    with pytest.raises(ValidationError):
        figures.set_target(db, 999, 0.01)
    assert figures.target(db, account.id) == only_rate  # refused changes changed nothing
    cleared = figures.set_target(db, account.id)
    assert cleared == figures.AccountTarget(account.id)
    assert db.query("SELECT * FROM account_targets") == []


def test_targets_go_with_their_account(db, account):
    figures.set_target(db, account.id, 0.03, 1000)
    db.conn.execute("PRAGMA foreign_keys = ON")
    with db.transaction():
        db.conn.execute("DELETE FROM accounts WHERE id = ?", (account.id,))
    assert db.query("SELECT * FROM account_targets") == []


def test_schema_refuses_rates_outside_zero_to_one(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(
            "INSERT INTO benchmarks (platform, rate, updated_at) VALUES ('x', 2, '2026-01-01')"
        )


# --- value at a date ---------------------------------------------------------------------


def test_value_at_is_the_last_snapshot_on_or_before(db, account):
    snap(db, account, ("2021-12-01", 76000), ("2021-12-09", 76670))
    assert figures.value_at(db, account.id, "2021-12-09") == figures.Value(
        76670, "2021-12-09", True
    )
    assert figures.value_at(db, account.id, dt.date(2021, 12, 5)) == figures.Value(
        76000, "2021-12-01", False
    )
    # Before any snapshot: nothing, unless a period gives a first value inside it (marked).
    assert figures.value_at(db, account.id, "2021-11-01") is None
    inside = figures.value_at(db, account.id, "2021-11-01", period_end="2021-12-31")
    assert inside == figures.Value(76000, "2021-12-01", False, fallback=True)
    assert figures.value_at(db, account.id, "2021-11-01", period_end="2021-11-30") is None


def test_value_at_skips_snapshots_without_the_figure(db, account):
    snap(db, account, ("2024-01-01", 100, {"reach": 40}), ("2024-02-01", 110))
    assert figures.value_at(db, account.id, "2024-02-15", field="reach").date_used == "2024-01-01"
    with pytest.raises(ValidationError):
        figures.value_at(db, account.id, "2024-02-15", field="id")


# --- growth ------------------------------------------------------------------------------


def test_growth_takes_the_last_value_on_or_before_the_start(db, account):
    snap(
        db,
        account,
        ("2021-11-20", 50000),
        ("2021-12-10", 52300),
        ("2021-12-31", 76670),
    )
    # The old rule took the first snapshot after the start (10 December): the new one takes
    # the value the account had on 1 December, the 20 November figure.
    found = figures.growth(db, account.id, "2021-12-01", "2021-12-31")
    assert (found.start.date_used, found.start.fallback) == ("2021-11-20", False)
    assert found.change == 26670
    old_api = metrics.growth_between(db, account.id, "2021-12-01", "2021-12-31")
    assert (old_api.start_date, old_api.start_followers, old_api.start_fallback) == (
        "2021-11-20",
        50000,
        False,
    )
    assert old_api.change == found.change and old_api.percent == found.percent


def test_growth_falls_back_to_the_first_value_inside_the_period_marked(db, account):
    snap(db, account, ("2021-12-10", 52300), ("2021-12-31", 76670))
    found = figures.growth(db, account.id, "2021-12-01", "2021-12-31")
    assert found.start == figures.Value(52300, "2021-12-10", False, fallback=True)
    assert (found.change, found.percent) == (24370, pytest.approx(24370 / 52300))
    assert metrics.growth_between(db, account.id, "2021-12-01", "2021-12-31").start_fallback
    assert figures.growth(db, account.id, "2021-11-01", "2021-11-30") is None


def test_growth_negative_and_from_zero(db, account):
    snap(db, account, ("2023-01-01", 13300), ("2023-12-01", 13000))
    loss = figures.growth(db, account.id, "2023-01-01", "2023-12-31")
    assert loss.change == -300
    assert loss.percent == pytest.approx(-300 / 13300)

    snap(db, account, ("2022-01-01", 0), ("2022-06-01", 120))
    from_zero = figures.growth(db, account.id, "2022-01-01", "2022-06-30")
    assert (from_zero.change, from_zero.percent) == (120, None)
    with pytest.raises(ValidationError):
        figures.growth(db, account.id, "2022-06-30", "2022-01-01")


def test_average_monthly_growth(db, account):
    snap(db, account, ("2019-01-01", 52300), ("2019-08-01", 76670))
    average = figures.average_monthly_growth(db, account.id, "2019-01-01", "2019-08-31")
    assert average.months == 7
    assert average.per_month == pytest.approx(24370 / 7)
    assert average.percent == pytest.approx((76670 / 52300) ** (1 / 7) - 1)
    assert figures.average_monthly_growth(db, account.id, "2019-01-01", "2019-01-31") is None
    assert figures.average_monthly_growth(db, account.id, "2018-01-01", "2018-12-31") is None


# --- month over month --------------------------------------------------------------------


def test_monthly_series_marks_a_missing_month(db, account):
    snap(
        db,
        account,
        ("2023-12-01", 900),
        ("2024-01-01", 1000),
        ("2024-01-20", 1040),  # the month's last snapshot counts
        ("2024-03-01", 1100),  # February has none
        ("2024-04-01", 1078),
    )
    series = figures.monthly(db, account.id, "2024-01", dt.date(2024, 4, 15))
    assert [m.month for m in series] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]
    january, february, march, april = series
    assert (january.value, january.date_used, january.change) == (1040, "2024-01-20", 140)
    assert january.percent == pytest.approx(140 / 900)
    assert february.missing and (february.value, february.date_used) == (None, None)
    assert (february.change, february.percent) == (None, None)
    assert (march.value, march.change, march.percent) == (1100, None, None)  # not from January
    assert (april.change, april.percent) == (-22, pytest.approx(-22 / 1100))
    assert not april.missing


def test_monthly_series_across_a_year_and_empty(db, account):
    assert [m.missing for m in figures.monthly(db, account.id, "2024-11-05", "2025-02-01")] == [
        True
    ] * 4
    snap(db, account, ("2024-12-31", 10), ("2025-01-01", 0), ("2025-02-01", 5))
    series = figures.monthly(db, account.id, "2024-12", "2025-02")
    assert [(m.value, m.change, m.percent) for m in series] == [
        (10, None, None),
        (0, -10, -1.0),
        (5, 5, None),  # from 0: no percent
    ]
    with pytest.raises(ValidationError):
        figures.monthly(db, account.id, "2025-02", "2024-12")


# --- the demo ----------------------------------------------------------------------------


def central(db):
    return {
        a.platform: a
        for a in accounts.list_all(db)
        if not a.peer and a.handle in ("bmsn.ri", "bmsn_ri", "bmsnri")
    }


def test_demo_reproduces_the_brief(demo_db):
    instagram = central(demo_db)["instagram"]
    found = figures.growth(demo_db, instagram.id, "2019-01-01", "2019-08-31")
    assert (found.start.value, found.start.date_used) == (52300, "2019-01-01")
    assert (found.end.value, found.end.date_used) == (76670, "2019-08-01")
    assert found.change == 24370
    assert fmt.signed(found.change) == "+24.370"
    assert fmt.signed_percent(found.percent, 1) == "+46,6%"
    august = figures.monthly(demo_db, instagram.id, "2019-08", "2019-08")[0]
    assert (august.value, august.date_used) == (76670, "2019-08-01")


def test_demo_has_engagement_figures_benchmarks_and_targets(demo_db, demo_today):
    by_platform = central(demo_db)
    assert set(by_platform) == {"facebook", "instagram", "x", "youtube"}
    month_start = demo_today.replace(day=1)
    for platform, account in by_platform.items():
        figure = figures.account_engagement(demo_db, account.id, month_start, demo_today)
        assert figure.rate is not None and 0 < figure.rate < 0.05, platform
        assert figure.base_date == month_start.isoformat()
        for method in ("reach", "impressions"):
            assert figures.account_engagement(
                demo_db, account.id, month_start, demo_today, method
            ).rate
        bench = figures.benchmark(demo_db, platform)
        assert bench.stored and bench.rate == 0.0215 and bench.source
        goal = figures.target(demo_db, account.id)
        assert goal.engagement_rate is not None
        latest = figures.value_at(demo_db, account.id, demo_today).value
        assert goal.followers > latest and goal.followers % 1000 == 0
    assert figures.target(demo_db, by_platform["instagram"].id).engagement_rate == 0.03
    # Before 2024 the demo has followers only: no rate, rather than 0%.
    old = figures.account_engagement(
        demo_db, by_platform["instagram"].id, "2019-01-01", "2019-12-31"
    )
    assert (
        old.rate is None
        and old.base == figures.value_at(demo_db, by_platform["instagram"].id, "2019-12-31").value
    )


def test_a_period_of_several_months_averages_the_monthly_rates(db, account):
    """A year's engagements over the year-end followers would read twelve times the monthly
    benchmark: several months are the mean of their months' rates."""
    snap(
        db,
        account,
        ("2026-01-31", 10000, {"engagements": 300}),  # 3,00%
        ("2026-02-28", 10000, {"engagements": 100}),  # 1,00%
    )
    found = figures.monthly_engagement(db, account.id, "2026-01-01", "2026-03-31", "followers")
    assert found.rate == pytest.approx(0.02)  # March has no rate: left out of the mean
    assert found.counted == 2 and len(found.months) == 3
    summed = figures.account_engagement(db, account.id, "2026-01-01", "2026-03-31", "followers")
    assert summed.rate == pytest.approx(0.04)  # what the monthly average avoids
    one_month = figures.monthly_engagement(db, account.id, "2026-01-01", "2026-01-31")
    assert (
        one_month.rate
        == figures.account_engagement(db, account.id, "2026-01-01", "2026-01-31").rate
    )


def test_months_cut_by_the_period_count_only_without_whole_months(db, account):
    snap(
        db,
        account,
        ("2026-01-31", 10000, {"engagements": 300}),  # January: 3,00%
        ("2026-02-10", 10000, {"engagements": 50}),  # first third of February: 0,50%
    )
    across = figures.monthly_engagement(db, account.id, "2026-01-01", "2026-02-10")
    assert across.rate == pytest.approx(0.03)  # February is cut: January alone
    inside = figures.monthly_engagement(db, account.id, "2026-02-01", "2026-02-10")
    assert inside.rate == pytest.approx(0.005)  # no whole month: the cut one counts
