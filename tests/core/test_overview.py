"""What Beranda shows, as core computes it: account cards (followers, change this month and
this year, a year of month-end figures, engagement against the benchmark) and the team's work
(this week, waiting for review, overdue, security warnings)."""

from __future__ import annotations

import datetime as dt

import pytest

from core import accounts, figures, metrics, overview, posts, security, settings

TODAY = dt.date(2026, 11, 25)
NOON = dt.datetime(2026, 11, 25, 12, 0)


def account(db, platform="instagram", handle="humas", **kw) -> int:
    return accounts.create(db, platform=platform, handle=handle, display_name=handle, **kw).id


def followers(db, account_id: int, *rows: tuple[str, int]) -> None:
    metrics.upsert_snapshots(
        db, [{"account_id": account_id, "date": day, "followers": n} for day, n in rows]
    )


def summary_of(db, account_id: int, today=TODAY) -> overview.AccountSummary:
    return next(s for s in overview.account_summaries(db, today) if s.account.id == account_id)


# --- account cards --------------------------------------------------------------------------


def test_demo_cards_figures(demo_db, demo_today):
    cards = overview.account_summaries(demo_db, demo_today)
    by_handle = {(c.account.platform, c.account.handle): c for c in cards}
    assert len(cards) == 6  # the agency's own accounts, peers left out
    ig = by_handle[("instagram", "bmsn_ri")]
    assert (ig.followers, ig.followers_date) == (163112, "2026-11-01")
    # The demo records on the 1st: "this month" runs from the figure of 1 October (the last
    # on or before 31 October) to that of 1 November.
    assert ig.month_growth.start.date_used == "2026-10-01"
    assert ig.month_growth.end.date_used == "2026-11-01"
    assert ig.month_growth.change == 528
    assert ig.year_growth.change == 5877
    assert ig.year_growth.start.date_used == "2026-01-01"
    assert [m.month for m in (ig.months[0], ig.months[-1])] == ["2025-12-01", "2026-11-01"]
    assert ig.sparkline == [
        156652, 157235, 157896, 158532, 158959, 159522,
        160228, 160748, 161237, 161903, 162584, 163112,
    ]  # fmt: skip
    assert ig.target_rate == 0.03
    x = by_handle[("x", "bmsn_ri")]
    assert x.engagement_level == "far_below" and x.target_rate == 0.005
    assert by_handle[("instagram", "bmsn_timur")].engagement_level == "above"
    facebook = by_handle[("facebook", "bmsn.ri")]
    assert (facebook.month_growth.change, facebook.year_growth.change) == (15, 132)


def test_change_this_month_runs_from_the_last_day_of_the_month_before(db):
    a = account(db)
    followers(db, a, ("2026-10-31", 1000), ("2026-11-10", 1100), ("2026-11-24", 1150))
    card = summary_of(db, a)
    assert card.month_growth.start.date_used == "2026-10-31"
    assert card.month_growth.end.date_used == "2026-11-24"
    assert card.month_growth.change == 150
    assert card.month_growth.percent == pytest.approx(0.15)
    assert (card.followers, card.followers_date) == (1150, "2026-11-24")


def test_no_new_figure_this_month_is_no_month_change(db):
    a = account(db)
    followers(db, a, ("2026-01-01", 800), ("2026-10-20", 900))
    card = summary_of(db, a)
    assert card.month_growth is None  # both ends would be the 20 October figure
    assert card.year_growth.change == 100
    assert card.followers_date == "2026-10-20"


def test_no_figures_at_all(db):
    a = account(db)
    card = summary_of(db, a)
    assert card.followers is None and card.followers_date is None
    assert card.month_growth is None and card.year_growth is None
    assert card.sparkline == [None] * overview.SPARKLINE_MONTHS
    assert card.engagement.rate is None and card.engagement_level == ""


def test_one_figure(db):
    a = account(db)
    followers(db, a, ("2026-11-03", 1200))
    card = summary_of(db, a)
    assert card.followers == 1200
    assert card.month_growth is None and card.year_growth is None
    assert card.sparkline == [None] * 11 + [1200]


def test_all_zero_followers(db):
    a = account(db)
    followers(db, a, ("2026-09-30", 0), ("2026-10-31", 0), ("2026-11-20", 0))
    card = summary_of(db, a)
    assert card.followers == 0
    assert card.month_growth.change == 0 and card.month_growth.percent is None
    assert card.sparkline[-3:] == [0, 0, 0]


def test_a_month_without_figures_is_a_gap(db):
    a = account(db)
    followers(db, a, ("2026-07-31", 500), ("2026-09-30", 520), ("2026-10-31", 530))
    assert summary_of(db, a).sparkline == [None] * 7 + [500, None, 520, 530, None]


def test_the_sparkline_ends_at_todays_figure(db):
    """A snapshot dated after today (typed ahead, or a fixed demo day) is not drawn: the line
    ends at the figure the card shows."""
    a = account(db)
    followers(db, a, ("2026-10-31", 500), ("2026-11-10", 510), ("2026-11-28", 600))
    card = summary_of(db, a)
    assert card.followers == 510
    assert card.sparkline[-2:] == [500, 510]
    assert card.months[-1].change == 10
    b = account(db, "x", "later")
    followers(db, b, ("2026-10-31", 500), ("2026-11-28", 600))
    assert summary_of(db, b).sparkline[-2:] == [500, None]


def test_peers_and_archived_accounts_have_no_card(db):
    ours = account(db)
    account(db, "x", "peer_lain", peer=True)
    archived = account(db, "facebook", "lama")
    accounts.set_archived(db, archived, True)
    assert [c.account.id for c in overview.account_summaries(db, TODAY)] == [ours]


def test_engagement_level_against_the_benchmark():
    bench = figures.Benchmark("instagram", 0.02, "", "followers")
    assert overview.engagement_level(0.02, bench, "followers") == "above"
    assert overview.engagement_level(0.015, bench, "followers") == "below"
    assert overview.engagement_level(0.0099, bench, "followers") == "far_below"
    assert overview.engagement_level(None, bench, "followers") == ""
    assert overview.engagement_level(0.05, bench, "reach") == ""  # counted another way


def test_engagement_uses_the_method_in_settings_and_last_full_month(db):
    a = account(db)
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": a, "date": "2026-10-15", "followers": 10000, "reach": 2000,
             "engagements": 150},
            {"account_id": a, "date": "2026-11-15", "followers": 10000, "engagements": 900},
        ],
    )  # fmt: skip
    assert summary_of(db, a).engagement.rate == pytest.approx(0.015)  # October only
    settings.set(db, "metrics.engagement_method", "reach")
    card = summary_of(db, a)
    assert card.engagement.rate == pytest.approx(0.075)
    assert card.engagement_level == ""  # the default benchmark is by followers


def test_last_full_month():
    assert overview.last_full_month(TODAY) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert overview.last_full_month(dt.date(2026, 1, 3)) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
    )


# --- the team's work ------------------------------------------------------------------------


def test_demo_work(demo_db, demo_today):
    week = overview.week_counts(demo_db, demo_today)
    assert (week.start, week.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert (week.planned, week.published) == (16, 2)
    waiting = overview.waiting(demo_db)
    assert (waiting.count, waiting.statuses) == (12, {"review"})
    assert waiting.first_day == dt.date(2026, 11, 15)
    late = overview.overdue(demo_db, dt.datetime(2026, 11, 25, 12, 0))
    assert (late.count, late.statuses) == (8, {"approved", "review"})
    assert late.first_day == dt.date(2026, 11, 15)
    warned = overview.security_warnings(demo_db, demo_today)
    assert [row.status for row in warned.accounts] == ["red", "amber", "amber", "amber"]
    assert (warned.count, warned.with_badge("red"), warned.unchecked) == (4, 1, 0)


def variant(db, account_id, status, planned=None, published=None, title="Unggahan"):
    post = posts.create(db, title)
    return posts.add_variant(db, post.id, account_id, "teks", status, planned, published).id


def test_week_runs_monday_to_sunday_and_leaves_cancelled_out(db):
    a = account(db)
    variant(db, a, "draft", "2026-11-22T23:30")  # Sunday before: last week
    variant(db, a, "approved", "2026-11-23T08:00")  # Monday
    variant(db, a, "published", "2026-11-24T09:00", "2026-11-24T09:05")
    variant(db, a, "cancelled", "2026-11-26T10:00")
    variant(db, a, "idea", "2026-11-29T23:59")  # Sunday
    variant(db, a, "draft", "2026-11-30T00:00")  # next Monday
    variant(db, a, "idea")  # no date
    week = overview.week_counts(db, TODAY)
    assert (week.planned, week.published) == (3, 1)


def test_a_week_across_two_months(db):
    a = account(db)
    variant(db, a, "scheduled", "2026-12-01T09:00")
    variant(db, a, "published", "2026-11-30T09:00", "2026-11-30T09:00")
    week = overview.week_counts(db, dt.date(2026, 12, 2))
    assert (week.start, week.end) == (dt.date(2026, 11, 30), dt.date(2026, 12, 6))
    assert (week.planned, week.published) == (2, 1)


def test_waiting_counts_review_only_whatever_the_date(db):
    a = account(db)
    variant(db, a, "review", "2026-12-20T09:00")
    variant(db, a, "review", "2026-10-02T09:00")
    variant(db, a, "review")  # no date yet
    variant(db, a, "changes", "2026-11-26T09:00")  # back with its writer
    variant(db, a, "approved", "2026-11-26T09:00")
    waiting = overview.waiting(db)
    assert waiting.count == 3
    assert waiting.statuses == {"review"}
    assert waiting.first_day == dt.date(2026, 10, 2)


def test_nothing_waiting(db):
    assert overview.waiting(db) == overview.PostGroup(0, frozenset(), None)


def test_overdue_is_past_its_planned_time_and_not_finished(db):
    a = account(db)
    variant(db, a, "approved", "2026-11-25T11:59")  # a minute ago
    variant(db, a, "scheduled", "2026-11-25T12:01")  # in a minute
    variant(db, a, "draft", "2026-09-01T08:00")  # long forgotten
    variant(db, a, "published", "2026-11-20T09:00", "2026-11-20T09:00")
    variant(db, a, "cancelled", "2026-11-20T09:00")
    variant(db, a, "idea")  # no date: cannot be late
    late = overview.overdue(db, NOON)
    assert late.count == 2
    assert late.statuses == {"approved", "draft"}
    assert late.first_day == dt.date(2026, 9, 1)
    assert overview.overdue(db, dt.datetime(2026, 8, 1)).count == 0


def test_overdue_compares_moments_in_the_institutions_zone(db):
    """09:00 WIT is 07:00 WIB: at 08:00 WIB (an aware time from a laptop on WIB) a post
    planned for 09:00 in an institution on WIT is an hour late."""
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    a = account(db)
    variant(db, a, "approved", "2026-11-25T09:00")  # institution-local: WIT
    from core import timezone

    laptop = dt.datetime(2026, 11, 25, 8, 0, tzinfo=timezone.zone("Asia/Jakarta"))
    assert overview.overdue(db, laptop).count == 1
    assert overview.overdue(db, laptop - dt.timedelta(hours=1, minutes=1)).count == 0


def test_security_warnings_are_red_and_amber(db):
    red = account(db, "facebook", "merah")
    amber = account(db, "instagram", "kuning")
    green = account(db, "x", "hijau")
    account(db, "youtube", "belum")  # nothing recorded
    account(db, "x", "pesaing", peer=True)
    security.save(db, security.Checklist(red, two_factor=False, login_owned=True), TODAY)
    security.save(db, security.Checklist(amber, two_factor=True, login_owned=True), TODAY)
    complete = security.Checklist(
        green,
        two_factor=True,
        two_factor_method="app",
        verified=True,
        login_owned=True,
        two_admins=True,
        recovery_offline=True,
        reviewed_on="2026-11-01",
    )
    security.save(db, complete, TODAY)
    warned = overview.security_warnings(db, TODAY)
    assert [row.account_id for row in warned.accounts] == [red, amber]  # worst first
    assert (warned.with_badge("red"), warned.with_badge("amber")) == (1, 1)
    assert warned.unchecked == 1
