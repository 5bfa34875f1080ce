"""core.outside_plan.outside_plan_for_calendar: the posts published outside the plan that
the calendar shows for a period and its filters."""

import datetime as dt

import pytest

from core import accounts, metrics, posts, settings, units
from core.outside_plan import outside_plan_for_calendar
from core.planning import Filters

NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


@pytest.fixture
def found(db):
    """Two of our accounts (one in a unit), another institution's, and a post each published
    outside the plan, plus one that matches a planned variant."""
    unit = units.create(db, "Pusat Diklat", "Pusdiklat")
    ig = accounts.create(db, "instagram", "humas_ig")
    fb = accounts.create(db, "facebook", "diklat_fb", unit_id=unit.id)
    peer = accounts.create(db, "instagram", "lembaga_lain", peer=True)
    post = posts.create(db, "Infografis terbit")
    planned = posts.add_variant(
        db, post.id, ig.id, "teks", "published", "2026-11-03T10:00", "2026-11-03T10:00"
    )

    def row(account, post_id, day, caption, published_at=None, **more):
        return {
            "account_id": account.id,
            "external_post_id": post_id,
            "date": day,
            "url": f"https://example.org/p/{post_id}",
            "published_at": published_at,
            "caption": caption,
            "reach": 10,
            "source": "import",
            **more,
        }

    metrics.upsert_post_metrics(
        db,
        [
            row(ig, "101", "2026-11-20", "Ucapan Hari Guru", "2026-11-20T10:00:00+07:00"),
            row(fb, "202", "2026-11-12", "Pelatihan arsip dinamis"),
            row(peer, "303", "2026-11-14", "Unggahan lembaga lain"),
            row(
                ig, "404", "2026-11-03", "teks", "2026-11-03T10:00:00+07:00", variant_id=planned.id
            ),
        ],
    )
    return {"ig": ig, "fb": fb, "unit": unit}


def _ids(db, filters=Filters(), period=NOVEMBER):  # noqa: B008
    return [post.post_id for post in outside_plan_for_calendar(db, *period, filters)]


def test_our_unmatched_posts_of_the_period_by_time(db, found):
    assert _ids(db) == ["202", "101"]
    assert _ids(db, period=(dt.date(2026, 11, 13), dt.date(2026, 11, 30))) == ["101"]


def test_account_platform_and_unit_filters_keep_their_accounts_posts(db, found):
    assert _ids(db, Filters(account_ids=frozenset({found["ig"].id}))) == ["101"]
    assert _ids(db, Filters(platforms=frozenset({"facebook"}))) == ["202"]
    assert _ids(db, Filters(unit_ids=frozenset({found["unit"].id}))) == ["202"]


def test_shown_only_with_published_posts_and_no_planning_filters(db, found):
    assert _ids(db, Filters(statuses=frozenset({"published", "scheduled"}))) == ["202", "101"]
    assert _ids(db, Filters(statuses=frozenset({"draft"}))) == []
    assert _ids(db, Filters(campaigns=frozenset({"Mutu"}))) == []
    assert _ids(db, Filters(text="hari GURU")) == ["101"]


def test_the_time_is_the_institutions_and_so_is_the_day(db, found):
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    metrics.upsert_post_metrics(
        db,
        [
            {
                "account_id": found["ig"].id,
                "external_post_id": "505",
                "date": "2026-10-31",
                "published_at": "2026-10-31T23:00:00+07:00",
                "caption": "Tengah malam WIB",
                "reach": 5,
                "source": "import",
            }
        ],
    )
    shown = outside_plan_for_calendar(db, *NOVEMBER, Filters())
    assert [post.post_id for post in shown] == ["505", "202", "101"]
    assert shown[0].published_at == "2026-11-01T01:00:00+09:00"
    assert shown[0].figures == {"reach": 5}
    assert _ids(db, period=(dt.date(2026, 10, 1), dt.date(2026, 10, 31))) == []
