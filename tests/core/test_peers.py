"""Another institution's accounts (peers): followed for comparison, never given our posts,
never a card on Beranda, never inside one of our units."""

import datetime as dt

import pytest

from core import accounts, metrics, overview, posts, units
from core.errors import ValidationError

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def ours_and_peer(db):
    bureau = units.create(db, "Biro Humas", "Humas")
    ours = accounts.create(db, "instagram", "bmsn_ri", "BMSN RI", bureau.id)
    peer = accounts.create(db, "instagram", "piawaian_lpk", "Lembaga Piawaian", peer=True)
    for account, followers in ((ours, 150_000), (peer, 120_000)):
        metrics.upsert_snapshots(
            db,
            [
                {"account_id": account.id, "date": "2026-01-01", "followers": followers - 5000},
                {"account_id": account.id, "date": "2026-11-01", "followers": followers},
            ],
        )
    return ours, peer


def test_a_peer_account_cannot_have_our_posts(db, ours_and_peer):
    ours, peer = ours_and_peer
    post = posts.create(db, "Hari Standar Dunia")
    with pytest.raises(ValidationError) as refused:
        posts.add_variant(db, post.id, peer.id, "Selamat Hari Standar Dunia!", "draft")
    assert refused.value.field == "account_id"
    assert db.query("SELECT count(*) FROM post_variants")[0][0] == 0
    # The same post goes out on our own account.
    variant = posts.add_variant(db, post.id, ours.id, "Selamat Hari Standar Dunia!", "draft")
    assert variant.account_id == ours.id


def test_home_cards_leave_peer_accounts_out(db, ours_and_peer):
    ours, peer = ours_and_peer
    summaries = overview.account_summaries(db, TODAY)
    assert [s.account.id for s in summaries] == [ours.id]
    assert summaries[0].followers == 150_000
    # The peer's figures stay there for comparison.
    assert metrics.followers_on(db, peer.id, TODAY.isoformat()) == ("2026-11-01", 120_000)


def test_a_peer_account_belongs_to_none_of_our_units(db):
    bureau = units.create(db, "Biro Humas", "Humas")
    with pytest.raises(ValidationError) as refused:
        accounts.create(db, "x", "piawaian_lpk", "Lembaga Piawaian", bureau.id, peer=True)
    assert refused.value.field == "unit_id"
    assert accounts.count(db) == 0
    ours = accounts.create(db, "x", "bmsn_ri", "BMSN RI", bureau.id)
    with pytest.raises(ValidationError) as refused:
        accounts.update(db, ours.id, peer=True)
    assert refused.value.field == "unit_id"
    assert accounts.get(db, ours.id).peer is False
