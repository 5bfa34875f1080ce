"""Recurring series: dates across month and year ends, a series made from a post, one
occurrence edited alone or its changes carried to the later ones, and deleting which."""

import datetime as dt

import pytest

from core import accounts, posts, recurring, timezone, units, workflow
from core.errors import ValidationError
from core.recurring import Rule

FRIDAY = dt.date(2026, 12, 18)


def test_weekly_dates_cross_the_year_end():
    days = recurring.dates(Rule("weekly", FRIDAY, count=4))
    assert days == [
        dt.date(2026, 12, 18),
        dt.date(2026, 12, 25),
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 8),
    ]
    assert all(day.weekday() == 4 for day in days)


def test_every_two_weeks_until_an_end_date_inclusive():
    days = recurring.dates(Rule("weekly", FRIDAY, 2, ends_on=dt.date(2027, 1, 15)))
    assert days == [dt.date(2026, 12, 18), dt.date(2027, 1, 1), dt.date(2027, 1, 15)]


def test_monthly_on_the_31st_keeps_to_month_ends_and_comes_back():
    days = recurring.dates(Rule("monthly", dt.date(2026, 12, 31), count=4))
    assert days == [
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 31),
        dt.date(2027, 2, 28),
        dt.date(2027, 3, 31),
    ]


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        (Rule("weekly", FRIDAY, ends_on=dt.date(2026, 12, 1)), "ends_on"),
        (Rule("weekly", FRIDAY), "ends_on"),
        (Rule("daily", FRIDAY, count=3), "frequency"),
        (Rule("weekly", FRIDAY, 0, count=3), "interval"),
        (Rule("weekly", FRIDAY, count=0), "count"),
        (Rule("weekly", FRIDAY, ends_on=dt.date(2040, 1, 1)), "ends_on"),
    ],
)
def test_a_wrong_rule_is_refused_by_its_field(rule, field):
    with pytest.raises(ValidationError) as info:
        recurring.dates(rule)
    assert info.value.field == field


@pytest.fixture
def quiz(db, without_checklist):
    account = accounts.create(db, "instagram", "bmsn_ri")
    post = posts.create(db, "Kuis Jumat Mutu", text="Jawab di kolom komentar!")
    posts.add_variant(
        db, post.id, account.id, "Kuis: apa itu SNI?", "draft", dt.datetime(2026, 12, 18, 15, 0)
    )
    return post


def days_of(db, post_ids):
    tz = timezone.institution_zone(db)
    return [posts.variants_of(db, pid)[0].planned.astimezone(tz) for pid in post_ids]


def test_a_series_copies_the_post_to_each_date_at_the_same_time(db, quiz):
    series = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=3))
    assert series.post_ids[0] == quiz.id and len(series.post_ids) == 3
    assert [d.replace(tzinfo=None) for d in days_of(db, series.post_ids)] == [
        dt.datetime(2026, 12, 18, 15, 0),
        dt.datetime(2026, 12, 25, 15, 0),
        dt.datetime(2027, 1, 1, 15, 0),
    ]
    assert recurring.series_of(db, series.post_ids[2]).post_ids == series.post_ids
    with pytest.raises(ValidationError):
        recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=2))


def test_a_series_starts_on_its_post_s_day(db, quiz):
    with pytest.raises(ValidationError) as info:
        recurring.make_series(db, quiz.id, Rule("weekly", dt.date(2026, 12, 19), count=2))
    assert info.value.field == "starts_on"
    assert recurring.series_of(db, quiz.id) is None


def test_editing_one_occurrence_leaves_the_others(db, quiz):
    ids = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=3)).post_ids
    variant = posts.variants_of(db, ids[1])[0]
    posts.update_variant(db, variant.id, text="Kuis spesial Natal")
    assert [posts.variants_of(db, pid)[0].text for pid in ids] == [
        "Kuis: apa itu SNI?",
        "Kuis spesial Natal",
        "Kuis: apa itu SNI?",
    ]


def test_changes_carried_to_the_following_keep_their_days_and_spare_published(db, quiz):
    ids = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=4)).post_ids
    last = posts.variants_of(db, ids[3])[0]
    unit = units.create(db, "Humas")
    workflow.set_approval(db, unit.id, "none")
    posts.update(db, ids[3], unit_id=unit.id)
    workflow.approve(db, last.id, None)
    workflow.transition(db, last.id, "published", published_at=dt.datetime(2026, 11, 1, 9, 0))
    variant = posts.variants_of(db, ids[1])[0]
    posts.update(db, ids[1], title="Kuis Jumat Mutu (baru)")
    posts.update_variant(
        db, variant.id, text="Kuis baru", planned_at=dt.datetime(2026, 12, 25, 16, 30)
    )
    carried = recurring.apply_to_following(db, ids[1])
    assert (carried.changed, carried.kept) == (1, 1)  # the third; the fourth went out
    third = posts.variants_of(db, ids[2])[0]
    assert (third.text, posts.get(db, ids[2]).title) == ("Kuis baru", "Kuis Jumat Mutu (baru)")
    tz = timezone.institution_zone(db)
    assert third.planned.astimezone(tz).replace(tzinfo=None) == dt.datetime(2027, 1, 1, 16, 30)
    assert posts.variants_of(db, ids[0])[0].text == "Kuis: apa itu SNI?"
    assert posts.variants_of(db, ids[3])[0].text == "Kuis: apa itu SNI?"


@pytest.mark.parametrize(("scope", "left"), [("one", 3), ("following", 1), ("all", 0)])
def test_deleting_asks_which(db, quiz, scope, left):
    ids = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=4)).post_ids
    deleted, kept = recurring.delete_occurrences(db, ids[1], scope)
    assert (deleted, kept) == (4 - left, 0)
    remaining = db.conn.execute("SELECT count(*) FROM posts").fetchone()[0]
    assert remaining == left


def test_deleting_keeps_occurrences_already_in_review(db, quiz):
    ids = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=3)).post_ids
    workflow.transition(db, posts.variants_of(db, ids[2])[0].id, "review")
    assert recurring.delete_occurrences(db, ids[0], "all") == (2, 1)
    # One post left is no series: it may be repeated anew.
    assert recurring.series_of(db, ids[2]) is None


def test_carried_changes_keep_a_moved_occurrence_s_day_and_each_account_s_offset(db, quiz):
    fb = accounts.create(db, "facebook", "bmsn.ri")
    posts.add_variant(db, quiz.id, fb.id, "Kuis FB", "draft", dt.datetime(2026, 12, 19, 10, 0))
    ids = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=3)).post_ids
    moved = next(v for v in posts.variants_of(db, ids[2]) if v.account_id != fb.id)
    posts.move_to_day(db, moved.id, dt.date(2026, 12, 31))  # Thursday, New Year's Eve
    source = next(v for v in posts.variants_of(db, ids[0]) if v.account_id != fb.id)
    posts.update_variant(db, source.id, planned_at=dt.datetime(2026, 12, 18, 16, 45))
    recurring.apply_to_following(db, ids[0])
    tz = timezone.institution_zone(db)
    local = {
        (pid, v.account_id): v.planned.astimezone(tz).replace(tzinfo=None)
        for pid in ids
        for v in posts.variants_of(db, pid)
    }
    assert local[(ids[2], moved.account_id)] == dt.datetime(2026, 12, 31, 16, 45)
    assert local[(ids[1], moved.account_id)] == dt.datetime(2026, 12, 25, 16, 45)
    assert local[(ids[1], fb.id)] == dt.datetime(2026, 12, 26, 10, 0)  # still a Saturday


def test_carried_changes_leave_occurrences_in_review_or_approved_as_vetted(db, quiz):
    ids = recurring.make_series(db, quiz.id, Rule("weekly", FRIDAY, count=3)).post_ids
    in_review = posts.variants_of(db, ids[2])[0]
    workflow.transition(db, in_review.id, "review")
    posts.update_variant(db, posts.variants_of(db, ids[0])[0].id, text="Kuis baru")
    carried = recurring.apply_to_following(db, ids[0])
    assert (carried.changed, carried.kept) == (1, 1)
    kept = posts.get_variant(db, in_review.id)
    assert (kept.status, kept.text) == ("review", "Kuis: apa itu SNI?")
