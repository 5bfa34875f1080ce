"""Accounts: a pasted profile address gives the handle, URLs belong to their platform, and
the form's problems can be asked for field by field without saving."""

from __future__ import annotations

import datetime as dt

import pytest

from core import accounts, units
from core.errors import ValidationError


@pytest.mark.parametrize(
    ("platform", "pasted", "handle"),
    [
        ("instagram", "https://www.instagram.com/bmsn_ri/", "bmsn_ri"),
        ("instagram", "instagram.com/bmsn_ri?igsh=abc", "bmsn_ri"),
        ("x", "https://twitter.com/bmsn_ri", "bmsn_ri"),
        ("x", "x.com/bmsn_ri?s=21", "bmsn_ri"),
        ("facebook", "https://www.facebook.com/pages/Humas-Kota/123456", "123456"),
        ("facebook", "https://www.facebook.com/people/Humas-Kota/100012345/", "100012345"),
        ("facebook", "https://www.facebook.com/pg/humaskota/about", "humaskota"),
        ("facebook", "https://www.facebook.com/p/Humas-Kota-100064123456/", "100064123456"),
        ("youtube", "https://www.youtube.com/@bmsnri/videos", "bmsnri"),
        ("tiktok", "https://www.tiktok.com/%40bmsn_ri", "bmsn_ri"),
        ("instagram", "x.comunitas", "x.comunitas"),  # a handle, not an address
        ("facebook", "https://web.facebook.com/bmsn.ri/", "bmsn.ri"),
        ("facebook", "https://www.facebook.com/profile.php?id=1000123", "1000123"),
        ("youtube", "https://www.youtube.com/@bmsnri", "bmsnri"),
        ("youtube", "https://youtube.com/c/BMSNRI", "BMSNRI"),
        ("tiktok", "https://www.tiktok.com/@bmsn.ri?lang=id", "bmsn.ri"),
        ("instagram", "@bmsn_ri ", "bmsn_ri"),
    ],
)
def test_a_pasted_profile_address_gives_the_handle(db, platform, pasted, handle):
    assert accounts.create(db, platform, pasted).handle == handle


@pytest.mark.parametrize(
    ("platform", "pasted"),
    [
        ("instagram", "https://x.com/bmsn_ri"),
        ("instagram", "https://www.instagram.com/p/C0abc/"),
        ("instagram", "https://instagram.com/tv/abc"),
        ("x", "https://x.com/bmsn_ri/status/123"),
        ("youtube", "https://youtu.be/dQw4w9WgXcQ"),
        ("youtube", "https://www.youtube.com/shorts/abc"),
        ("tiktok", "https://vm.tiktok.com/ZSabc123/"),
        ("tiktok", "https://www.tiktok.com/t/ZT123"),
        ("facebook", "https://example.com/bmsn"),
        ("x", "https://x.com/"),
    ],
)
def test_an_address_of_another_platform_or_a_post_is_refused(db, platform, pasted):
    with pytest.raises(ValidationError) as info:
        accounts.create(db, platform, pasted)
    assert info.value.field == "handle"
    assert accounts.count(db) == 0


def test_the_profile_url_must_be_the_platforms(db):
    with pytest.raises(ValidationError) as info:
        accounts.create(db, "instagram", "bmsn_ri", url="https://x.com/bmsn_ri")
    assert info.value.field == "url"
    account = accounts.create(db, "instagram", "bmsn_ri", url="instagram.com/bmsn_ri")
    assert account.url == "https://instagram.com/bmsn_ri"
    # Another platform for the account re-checks the URL it has.
    with pytest.raises(ValidationError) as info:
        accounts.update(db, account.id, platform="x")
    assert info.value.field == "url"


def test_a_start_date_in_the_future_is_refused(db):
    # Two days on: "today" is the latest date anywhere on earth (UTC+14), a day ahead of
    # the machine's own date for part of each day.
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    with pytest.raises(ValidationError) as info:
        accounts.create(db, "instagram", "bmsn_ri", start_date=tomorrow)
    assert info.value.field == "start_date"


def test_field_problems_names_every_bad_field_and_saves_nothing(db):
    accounts.create(db, "instagram", "bmsn_ri")
    problems = accounts.field_problems(
        db,
        {
            "platform": "instagram",
            "handle": "BMSN_RI",  # the same handle: handles ignore case
            "url": "https://x.com/bmsn_ri",
            "start_date": "2099-01-01",
        },
    )
    assert set(problems) == {"handle", "url", "start_date"}
    assert accounts.field_problems(db, {"platform": "instagram", "handle": "baru"}) == {}
    assert accounts.count(db) == 1


def test_editing_an_account_does_not_clash_with_itself(db):
    account = accounts.create(db, "instagram", "bmsn_ri")
    assert accounts.field_problems(db, {"handle": "bmsn_ri"}, account.id) == {}


def test_a_peer_account_belongs_to_no_unit(db):
    unit = units.create(db, "Biro Humas")
    with pytest.raises(ValidationError) as info:
        accounts.create(db, "instagram", "peer_body", unit_id=unit.id, peer=True)
    assert info.value.field == "unit_id"
    assert accounts.create(db, "instagram", "peer_body", peer=True).peer


def test_an_account_with_our_posts_or_a_checklist_cannot_become_a_peer(db):
    from core import security

    account = accounts.create(db, "instagram", "bmsn_ri")
    security.save(db, security.Checklist(account.id, two_factor=True))
    with pytest.raises(ValidationError) as info:
        accounts.update(db, account.id, peer=True)
    assert info.value.field == "peer"
    assert not accounts.get(db, account.id).peer
    fresh = accounts.create(db, "x", "lembaga_lain")
    assert accounts.update(db, fresh.id, peer=True).peer


def test_an_older_address_is_kept_until_it_is_changed_and_undo_puts_it_back(db):
    account = accounts.create(db, "instagram", "humas_kota")
    db.conn.execute(  # an older file took any address
        "UPDATE accounts SET url = 'https://linktr.ee/humas_kota' WHERE id = ?", (account.id,)
    )
    before = accounts.get(db, account.id)
    assert (
        accounts.field_problems(db, {"display_name": "Humas Kota", "url": before.url}, account.id)
        == {}
    )
    accounts.update(db, account.id, url="https://instagram.com/humas_kota")
    assert accounts.restore(db, before).url == "https://linktr.ee/humas_kota"


def test_a_start_date_of_the_institutions_today_is_not_the_future(db, monkeypatch):
    from core import timezone

    ahead = dt.date.today() + dt.timedelta(days=1)  # WIT is already tomorrow
    monkeypatch.setattr(timezone, "today", lambda _db: ahead)
    assert accounts.create(db, "instagram", "humas_kota", start_date=ahead.isoformat())
