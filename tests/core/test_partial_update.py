"""Recording some figures of a day (or of a post) never erases the others; CLEAR does, on purpose."""

import pytest

from core import accounts, metrics, posts
from core.errors import ValidationError


@pytest.fixture
def account(db):
    return accounts.create(db, "instagram", "humas_kota")


@pytest.fixture
def day(db, account):
    metrics.upsert_snapshots(
        db,
        [
            {
                "account_id": account.id,
                "date": "2026-11-25",
                "followers": 76670,
                "reach": 12500,
                "engagements": 830,
                "source": "import",
            }
        ],
    )
    return {"account_id": account.id, "date": "2026-11-25"}


def stored(db, account):
    return metrics.snapshot_on(db, account.id, "2026-11-25")


def test_recording_followers_keeps_reach_and_engagements(db, account, day):
    (uid,) = db.query("SELECT uid FROM account_snapshots")[0]
    metrics.upsert_snapshots(db, [{**day, "followers": 77000, "reach": None, "impressions": ""}])
    snap = stored(db, account)
    assert (snap.followers, snap.reach, snap.engagements, snap.source) == (
        77000,
        12500,
        830,
        "import",
    )
    assert db.query("SELECT uid FROM account_snapshots")[0][0] == uid


def test_figures_alone_can_be_added_to_a_recorded_day(db, account, day):
    metrics.upsert_snapshots(db, [{**day, "impressions": 40000}])
    snap = stored(db, account)
    assert (snap.followers, snap.reach, snap.impressions) == (76670, 12500, 40000)


def test_clear_empties_only_the_figure_named(db, account, day):
    metrics.upsert_snapshots(db, [{**day, "reach": metrics.CLEAR, "source": "manual"}])
    snap = stored(db, account)
    assert (snap.followers, snap.reach, snap.engagements, snap.source) == (
        76670,
        None,
        830,
        "manual",
    )


@pytest.mark.parametrize("field", ["date", "account_id", "source"])
def test_what_a_snapshot_cannot_lack_cannot_be_cleared(db, account, day, field):
    with pytest.raises(ValidationError) as info:
        metrics.upsert_snapshots(db, [{**day, field: metrics.CLEAR}])
    assert info.value.field == field
    assert stored(db, account).followers == 76670


def test_followers_can_be_emptied_keeping_the_days_other_figures(db, account, day):
    metrics.upsert_snapshots(db, [{**day, "followers": metrics.CLEAR}])
    snap = stored(db, account)
    assert (snap.followers, snap.reach, snap.engagements) == (None, 12500, 830)


def test_a_new_day_needs_a_figure_but_not_followers(db, account, day):
    """A daily reach file gives no followers: the day is kept without inventing them."""
    metrics.upsert_snapshots(
        db, [{"account_id": account.id, "date": "2026-11-26", "reach": 5, "video_views": 7}]
    )
    snap = metrics.snapshot_on(db, account.id, "2026-11-26")
    assert (snap.followers, snap.reach, snap.video_views) == (None, 5, 7)
    with pytest.raises(ValidationError) as info:
        metrics.upsert_snapshots(
            db,
            [
                {**day, "reach": 1},
                {"account_id": account.id, "date": "2026-11-27", "source": "manual"},
            ],
        )
    assert info.value.field == "followers"
    assert stored(db, account).reach == 12500  # all or nothing
    assert metrics.snapshot_on(db, account.id, "2026-11-27") is None


def test_as_row_puts_back_a_day_exactly(db, account, day):
    before = stored(db, account)
    metrics.upsert_snapshots(db, [{**day, "followers": 1, "impressions": 9, "source": "x"}])
    metrics.upsert_snapshots(db, [before.as_row()])
    assert stored(db, account) == before


def test_same_day_twice_in_one_batch_adds_up(db, account):
    day = {"account_id": account.id, "date": "2026-11-24"}
    metrics.upsert_snapshots(db, [{**day, "followers": 10}, {**day, "reach": 3}])
    snap = metrics.snapshot_on(db, account.id, "2026-11-24")
    assert (snap.followers, snap.reach, snap.source) == (10, 3, "manual")


@pytest.fixture
def variant(db, account):
    return posts.add_variant(db, posts.create(db, "Hari Guru").id, account.id)


def post_figures(db):
    return [
        tuple(r)
        for r in db.query(
            "SELECT variant_id, external_post_id, reach, comments, shares, source FROM post_metrics"
        )
    ]


def test_post_metrics_change_only_the_figures_given(db, account, variant):
    key = {"variant_id": variant.id, "account_id": account.id, "date": "2026-11-25"}
    metrics.upsert_post_metrics(db, [{**key, "reach": 500, "comments": 12, "source": "import"}])
    metrics.upsert_post_metrics(db, [{**key, "shares": 4, "reach": None}])
    assert post_figures(db) == [(variant.id, None, 500, 12, 4, "import")]
    metrics.upsert_post_metrics(db, [{**key, "comments": metrics.CLEAR}])
    assert post_figures(db) == [(variant.id, None, 500, None, 4, "import")]


def test_post_metric_found_by_external_id_gains_its_variant(db, account, variant):
    key = {"account_id": account.id, "external_post_id": "ig-1", "date": "2026-11-25"}
    metrics.upsert_post_metrics(db, [{**key, "reach": 500}])
    metrics.upsert_post_metrics(db, [{**key, "variant_id": variant.id, "comments": 3}])
    assert post_figures(db) == [(variant.id, "ig-1", 500, 3, None, "manual")]


def test_linking_a_planned_posts_figures_to_a_platform_row_of_the_same_day_is_refused(demo_db):
    variant, account = demo_db.query("SELECT id, account_id FROM post_variants LIMIT 1")[0]
    day = "2030-01-02"
    metrics.upsert_post_metrics(
        demo_db, [{"variant_id": variant, "account_id": account, "date": day, "reach": 100}]
    )
    metrics.upsert_post_metrics(
        demo_db, [{"account_id": account, "external_post_id": "X1", "date": day, "reach": 120}]
    )
    before = demo_db.query("SELECT * FROM post_metrics WHERE date = ? ORDER BY id", (day,))
    with pytest.raises(ValidationError) as info:
        metrics.upsert_post_metrics(
            demo_db,
            [
                {
                    "variant_id": variant,
                    "account_id": account,
                    "external_post_id": "X1",
                    "date": day,
                    "reach": 130,
                }
            ],
        )
    assert info.value.field == "external_post_id"
    after = demo_db.query("SELECT * FROM post_metrics WHERE date = ? ORDER BY id", (day,))
    assert [tuple(r) for r in after] == [tuple(r) for r in before]


def test_a_variant_of_another_account_is_refused(demo_db):
    variant, account = demo_db.query("SELECT id, account_id FROM post_variants LIMIT 1")[0]
    other = demo_db.query("SELECT id FROM accounts WHERE id != ? LIMIT 1", (account,))[0][0]
    with pytest.raises(ValidationError):
        metrics.upsert_post_metrics(
            demo_db,
            [{"variant_id": variant, "account_id": other, "date": "2030-01-02", "reach": 1}],
        )
