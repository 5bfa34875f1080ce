"""The calendar's posts: master text, time, pillar, campaign, approver and attachments;
variants that go back to draft when what was vetted changes; moving, deleting, duplicating;
times restamped with the zone; pillars and snippets; and the upgrade of a first-release file."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from core import accounts, i18n, members, pillars, posts, settings, units, workflow
from core import db as coredb
from core.db import open_database
from core.errors import NotFound, ValidationError

V1_FILE = Path(__file__).resolve().parent.parent / "data" / "v001-demo.sqlite"


@pytest.fixture
def ig(db):
    return accounts.create(db, "instagram", "humas_kota")


@pytest.fixture
def x(db):
    return accounts.create(db, "x", "humas_kota")


@pytest.fixture
def post(db):
    return posts.create(db, "Hari Guru Nasional")


def history(db, variant_id):
    return [(h.from_status, h.to_status, h.member_id) for h in workflow.history(db, variant_id)]


# --- posts ------------------------------------------------------------------------------------


def test_create_keeps_the_calendar_fields(db):
    unit = units.create(db, "Biro Humas")
    ana = members.create(db, "Ana", "editor")
    head = members.create(db, "Kepala", "approver")
    edu = pillars.list_pillars(db)[0]
    post = posts.create(
        db,
        "  Hari Guru  ",
        "catatan",
        unit.id,
        ana.id,
        text="Selamat Hari Guru!",
        planned_at="2026-11-25 09:00",
        pillar_id=edu.id,
        campaign="  Bulan Mutu ",
        approver_id=head.id,
    )
    assert posts.get(db, post.id) == post
    assert (post.title, post.text, post.campaign) == (
        "Hari Guru",
        "Selamat Hari Guru!",
        "Bulan Mutu",
    )
    assert post.planned_at == "2026-11-25T09:00:00+07:00"
    assert post.planned == dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)
    assert (post.pillar_id, post.approver_id, post.owner_id, post.unit_id) == (
        edu.id,
        head.id,
        ana.id,
        unit.id,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pillar_id", 999),
        ("pillar_id", "1"),
        ("pillar_id", True),
        ("approver_id", 999),
        ("planned_at", "besok pagi"),
        ("campaign", "k" * 201),
    ],
)
def test_create_refuses_bad_fields_and_stores_nothing(db, field, value):
    with pytest.raises(ValidationError) as info:
        posts.create(db, "Judul", **{field: value})
    assert info.value.field == field
    assert db.query("SELECT count(*) FROM posts")[0][0] == 0


def test_update_changes_only_what_is_given_and_none_empties(db, post):
    edu = pillars.list_pillars(db)[0]
    changed = posts.update(
        db, post.id, text="Teks induk", planned_at="2026-11-25 10:00", pillar_id=edu.id
    )
    assert (changed.title, changed.text, changed.pillar_id) == (post.title, "Teks induk", edu.id)
    assert changed.planned_at == "2026-11-25T10:00:00+07:00"
    again = posts.update(db, post.id, campaign="Sehat")
    assert (again.text, again.pillar_id, again.campaign) == ("Teks induk", edu.id, "Sehat")
    emptied = posts.update(db, post.id, planned_at=None, pillar_id=None)
    assert (emptied.planned_at, emptied.pillar_id, emptied.text) == (None, None, "Teks induk")
    with pytest.raises(TypeError):
        posts.update(db, post.id, colour="red")
    with pytest.raises(ValidationError):
        posts.update(db, post.id, title="")
    assert posts.get(db, post.id) == emptied


def test_a_deleted_pillar_leaves_posts_without_one(db, post):
    edu = pillars.list_pillars(db)[0]
    posts.update(db, post.id, pillar_id=edu.id)
    db.conn.execute("DELETE FROM pillars WHERE id = ?", (edu.id,))
    assert posts.get(db, post.id).pillar_id is None


# --- attachments ----------------------------------------------------------------------------


def test_attachments_keep_order_drop_duplicates_and_show_missing_files(db, post, tmp_path):
    photo = tmp_path / "Foto.JPG"
    photo.write_bytes(b"jpeg")
    video = tmp_path / "video.mp4"
    video.write_bytes(b"mp4")
    missing = tmp_path / "hilang.png"
    found = posts.set_attachments(db, post.id, [video, str(photo), missing, str(video)])
    assert [a.path for a in found] == [str(video), str(photo), str(missing)]
    assert [a.exists for a in found] == [True, True, False]
    assert [a.is_image for a in found] == [False, True, True]
    assert posts.attachments(db, post.id) == found
    assert [a.path for a in posts.set_attachments(db, post.id, [photo])] == [str(photo)]
    assert posts.set_attachments(db, post.id, []) == []
    assert posts.attachments(db, post.id) == []


def test_attachments_refuse_an_empty_path_and_keep_the_old_ones(db, post, tmp_path):
    posts.set_attachments(db, post.id, [tmp_path / "a.png"])
    with pytest.raises(ValidationError):
        posts.set_attachments(db, post.id, [tmp_path / "b.png", "  "])
    assert [a.path for a in posts.attachments(db, post.id)] == [str(tmp_path / "a.png")]
    with pytest.raises(NotFound):
        posts.set_attachments(db, 999, [])


def test_attachments_go_with_their_post(db, post, tmp_path):
    posts.set_attachments(db, post.id, [tmp_path / "a.png"])
    posts.delete(db, post.id)
    assert db.query("SELECT count(*) FROM post_attachments")[0][0] == 0


# --- variants -------------------------------------------------------------------------------


def test_add_variant_refuses_a_peer_account(db, post):
    peer = accounts.create(db, "instagram", "kemenkes_ri", peer=True)
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, post.id, peer.id, "Teks")
    assert info.value.field == "account_id"
    assert posts.variants_of(db, post.id) == []


def test_add_variant_refuses_an_archived_account(db, post, ig):
    accounts.set_archived(db, ig.id, True)
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, post.id, ig.id, "Teks")
    assert info.value.field == "account_id"
    assert posts.variants_of(db, post.id) == []
    accounts.set_archived(db, ig.id, False)
    assert posts.add_variant(db, post.id, ig.id, "Teks").account_id == ig.id


def test_add_variant_once_per_account_and_published_needs_its_time(db, post, ig, x):
    posts.add_variant(db, post.id, ig.id)
    with pytest.raises(ValidationError):
        posts.add_variant(db, post.id, ig.id)
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, post.id, x.id, "Teks", "published")
    assert info.value.field == "published_at"
    with pytest.raises(ValidationError) as info:
        posts.add_variant(db, post.id, x.id, url="instagram.com/p/1")
    assert info.value.field == "url"
    assert len(posts.variants_of(db, post.id)) == 1


def test_add_variant_starts_its_history(db, post, ig):
    ana = members.create(db, "Ana", "editor")
    variant = posts.add_variant(
        db, post.id, ig.id, "Teks", "draft", by=ana.id, at="2026-11-20 08:00"
    )
    (entry,) = workflow.history(db, variant.id)
    assert (entry.from_status, entry.to_status, entry.member_id, entry.at) == (
        None,
        "draft",
        ana.id,
        "2026-11-20T08:00:00+07:00",
    )


@pytest.mark.parametrize("status", ["review", "approved", "scheduled"])
@pytest.mark.parametrize("field", ["text", "hashtags"])
def test_a_vetted_variant_goes_back_to_draft_when_its_words_change(db, post, ig, status, field):
    ana = members.create(db, "Ana", "editor")
    variant = posts.add_variant(
        db, post.id, ig.id, "Teks lama", status, "2026-12-01 09:00", hashtags="#Lama"
    )
    changed = posts.update_variant(db, variant.id, **{field: "Baru"}, by=ana.id)
    assert changed.status == "draft"
    assert getattr(changed, field) == "Baru"
    entry = workflow.history(db, variant.id)[-1]
    assert (entry.from_status, entry.to_status, entry.member_id) == (status, "draft", ana.id)
    assert entry.comment


@pytest.mark.parametrize("status", ["review", "approved", "scheduled"])
def test_a_vetted_variant_keeps_its_status_for_the_same_words_or_a_new_time(db, post, ig, status):
    variant = posts.add_variant(
        db, post.id, ig.id, "Teks", status, "2026-12-01 09:00", hashtags="#Tag"
    )
    same = posts.update_variant(db, variant.id, text="Teks", hashtags="#Tag")
    assert same.status == status
    moved = posts.update_variant(db, variant.id, planned_at="2026-12-02 09:00")
    assert moved.status == status and moved.planned_at == "2026-12-02T09:00:00+07:00"
    assert len(workflow.history(db, variant.id)) == 1


@pytest.mark.parametrize("status", ["idea", "draft", "changes"])
def test_an_unvetted_variant_keeps_its_status_when_edited(db, post, ig, status):
    variant = posts.add_variant(db, post.id, ig.id, "Teks", status)
    assert posts.update_variant(db, variant.id, text="Lain").status == status
    assert len(workflow.history(db, variant.id)) == 1


def test_update_variant_keeps_what_is_not_given_and_checks_the_rest(db, post, ig):
    variant = posts.add_variant(
        db, post.id, ig.id, "Teks", "draft", "2026-12-01 09:00", hashtags="#Tag"
    )
    changed = posts.update_variant(db, variant.id, url="https://instagram.com/p/1")
    assert (changed.text, changed.hashtags, changed.planned_at) == (
        "Teks",
        "#Tag",
        "2026-12-01T09:00:00+07:00",
    )
    assert posts.update_variant(db, variant.id, planned_at=None).planned_at is None
    with pytest.raises(ValidationError):
        posts.update_variant(db, variant.id, url="ftp://x")
    published = posts.add_variant(
        db, post.id, accounts.create(db, "x", "h").id, "T", "published", None, "2026-11-20 10:00"
    )
    with pytest.raises(ValidationError):
        posts.update_variant(db, published.id, published_at=None)


# --- moving, deleting ---------------------------------------------------------------------


def test_move_to_day_keeps_the_time_of_day(db, post, ig, x):
    timed = posts.add_variant(db, post.id, ig.id, "Teks", "scheduled", "2026-11-25 19:30")
    moved = posts.move_to_day(db, timed.id, dt.date(2026, 12, 3))
    assert moved.planned_at == "2026-12-03T19:30:00+07:00"
    assert moved.status == "scheduled"
    untimed = posts.add_variant(db, post.id, x.id)
    assert posts.move_to_day(db, untimed.id, dt.date(2026, 12, 4)).planned_at == (
        "2026-12-04T09:00:00+07:00"
    )


def test_move_to_day_in_wita_keeps_the_wita_time(db, post, ig):
    settings.set(db, "institution.timezone", "Asia/Makassar")
    variant = posts.add_variant(db, post.id, ig.id, planned_at="2026-11-25 23:30")
    moved = posts.move_to_day(db, variant.id, dt.date(2026, 11, 27))
    assert moved.planned_at == "2026-11-27T23:30:00+08:00"


@pytest.mark.parametrize("status", ["published", "cancelled"])
def test_a_finished_variant_is_not_moved(db, post, ig, status):
    variant = posts.add_variant(
        db, post.id, ig.id, "T", status, "2026-11-25 09:00", "2026-11-25 09:00"
    )
    with pytest.raises(ValidationError) as info:
        posts.move_to_day(db, variant.id, dt.date(2026, 12, 1))
    assert posts.status_title(status).lower() in str(info.value)
    assert posts.get_variant(db, variant.id).planned_at == "2026-11-25T09:00:00+07:00"


def test_ideas_and_drafts_delete_with_their_history(db, post, ig, x):
    idea = posts.add_variant(db, post.id, ig.id)
    posts.add_variant(db, post.id, x.id, "Teks", "draft")
    posts.delete(db, post.id)
    with pytest.raises(NotFound):
        posts.get(db, post.id)
    with pytest.raises(NotFound):
        posts.get_variant(db, idea.id)
    assert db.query("SELECT count(*) FROM variant_history")[0][0] == 0


@pytest.mark.parametrize("status", ["review", "changes", "approved", "scheduled", "cancelled"])
def test_a_post_that_went_further_is_not_deleted(db, post, ig, x, status):
    posts.add_variant(db, post.id, ig.id)
    further = posts.add_variant(db, post.id, x.id, "T", status, "2026-12-01 09:00")
    with pytest.raises(ValidationError) as info:
        posts.delete(db, post.id)
    assert posts.status_title(status).lower() in str(info.value)
    with pytest.raises(ValidationError):
        posts.delete_variant(db, further.id)
    assert len(posts.variants_of(db, post.id)) == 2


def test_a_published_post_is_not_deleted(db, post, ig):
    done = posts.add_variant(db, post.id, ig.id, "T", "published", None, "2026-11-20 10:00")
    with pytest.raises(ValidationError):
        posts.delete(db, post.id)
    with pytest.raises(ValidationError):
        posts.delete_variant(db, done.id)
    assert posts.get_variant(db, done.id).status == "published"


@pytest.mark.parametrize("status", ["idea", "draft"])
def test_an_idea_or_draft_variant_is_deleted_alone(db, post, ig, x, status):
    gone = posts.add_variant(db, post.id, ig.id, "T", status)
    kept = posts.add_variant(db, post.id, x.id, "T", "review")
    posts.delete_variant(db, gone.id)
    assert [v.id for v in posts.variants_of(db, post.id)] == [kept.id]


# --- duplicating ----------------------------------------------------------------------------


def test_duplicate_copies_post_and_variants_as_drafts_on_a_new_day(db, ig, x, tmp_path):
    head = members.create(db, "Kepala", "approver")
    ana = members.create(db, "Ana", "editor")
    edu = pillars.list_pillars(db)[0]
    fb = accounts.create(db, "facebook", "humaskota")
    original = posts.create(
        db,
        "Kuis Jumat",
        "catatan",
        owner_id=ana.id,
        text="Teks induk",
        planned_at="2026-11-20 15:00",
        pillar_id=edu.id,
        campaign="Kuis",
        approver_id=head.id,
    )
    posts.set_attachments(db, original.id, [tmp_path / "kuis.png"])
    posts.add_variant(
        db,
        original.id,
        ig.id,
        "Teks IG",
        "published",
        "2026-11-20 15:00",
        "2026-11-20 15:02",
        hashtags="#Kuis",
    )
    posts.add_variant(db, original.id, x.id, "", "approved", "2026-11-21 08:15")
    posts.add_variant(db, original.id, fb.id, "Teks FB", "draft", "2026-11-20 16:00")
    accounts.set_archived(db, fb.id, True)

    copy = posts.duplicate(db, original.id, dt.date(2026, 11, 27), by=ana.id)
    assert copy.id != original.id
    assert (copy.title, copy.notes, copy.text, copy.owner_id) == (
        "Kuis Jumat",
        "catatan",
        "Teks induk",
        ana.id,
    )
    assert (copy.pillar_id, copy.campaign, copy.approver_id) == (edu.id, "Kuis", head.id)
    assert copy.planned_at == "2026-11-27T15:00:00+07:00"
    assert [a.path for a in posts.attachments(db, copy.id)] == [str(tmp_path / "kuis.png")]
    variants = posts.variants_of(db, copy.id)
    assert [
        (v.account_id, v.status, v.text, v.hashtags, v.planned_at, v.published_at, v.url)
        for v in variants
    ] == [
        (ig.id, "draft", "Teks IG", "#Kuis", "2026-11-27T15:00:00+07:00", None, ""),
        (x.id, "idea", "", "", "2026-11-28T08:15:00+07:00", None, ""),
    ]
    assert history(db, variants[0].id) == [(None, "draft", ana.id)]
    assert len(posts.variants_of(db, original.id)) == 3  # the original is untouched


def test_duplicate_without_a_day_keeps_the_days(db, post, ig):
    posts.update(db, post.id, planned_at="2026-11-20 15:00")
    posts.add_variant(db, post.id, ig.id, "T", "scheduled", "2026-11-20 15:00")
    copy = posts.duplicate(db, post.id)
    (variant,) = posts.variants_of(db, copy.id)
    assert (copy.planned_at, variant.planned_at, variant.status) == (
        "2026-11-20T15:00:00+07:00",
        "2026-11-20T15:00:00+07:00",
        "draft",
    )


def test_duplicate_of_an_undated_post_to_a_day_plans_it_at_nine(db, post, ig):
    posts.add_variant(db, post.id, ig.id, "T")
    copy = posts.duplicate(db, post.id, dt.date(2026, 12, 1))
    assert copy.planned_at == "2026-12-01T09:00:00+07:00"
    assert posts.variants_of(db, copy.id)[0].planned_at == "2026-12-01T09:00:00+07:00"


def test_duplicate_to_a_day_moves_dated_variants_of_a_post_without_its_own_time(db, post, ig):
    posts.add_variant(db, post.id, ig.id, "T", "draft", "2026-11-20 15:00")
    copy = posts.duplicate(db, post.id, dt.date(2026, 12, 1))
    (variant,) = posts.variants_of(db, copy.id)
    assert variant.planned_at == "2026-12-01T15:00:00+07:00"


# --- restamping -----------------------------------------------------------------------------


def test_a_new_zone_restamps_post_times_and_history_too(db, post, ig):
    posts.update(db, post.id, planned_at="2026-11-24 23:30")
    variant = posts.add_variant(
        db, post.id, ig.id, "T", "draft", "2026-11-24 23:30", at="2026-11-24 23:45"
    )
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    raw_post = db.query("SELECT planned_at FROM posts WHERE id = ?", (post.id,))[0][0]
    raw_history = db.query("SELECT at FROM variant_history WHERE variant_id = ?", (variant.id,))
    assert raw_post == "2026-11-25T01:30:00+09:00"
    assert [row[0] for row in raw_history] == ["2026-11-25T01:45:00+09:00"]
    assert posts.get_variant(db, variant.id).planned_at == "2026-11-25T01:30:00+09:00"


def test_restamp_reads_naive_times_as_the_old_zone_and_counts_variants(db, post, ig, x):
    posts.add_variant(db, post.id, ig.id, planned_at="2026-11-24 10:00")
    posts.add_variant(db, post.id, x.id)  # no time: nothing to restamp
    db.conn.execute("UPDATE posts SET planned_at = '2026-11-24T10:00:00'")
    from core import timezone

    changed = posts.restamp_times(db, timezone.zone("Asia/Jakarta"), timezone.zone("Asia/Makassar"))
    assert changed == 1
    assert db.query("SELECT planned_at FROM posts")[0][0] == "2026-11-24T11:00:00+08:00"
    assert (
        posts.restamp_times(db, timezone.zone("Asia/Makassar"), timezone.zone("Asia/Makassar")) == 0
    )


# --- pillars and snippets -------------------------------------------------------------------


def test_a_new_file_starts_with_the_default_pillars(db):
    found = pillars.list_pillars(db)
    assert [p.name for p in found] == [i18n._(name) for name in pillars.DEFAULT_PILLARS]
    assert [p.position for p in found] == [1, 2, 3, 4]
    assert not any(p.archived for p in found)


def test_a_new_file_in_english_has_english_pillars(tmp_path):
    i18n.set_language("en")
    with open_database(tmp_path / "en.sqlite", create=True) as handle:
        assert [p.name for p in pillars.list_pillars(handle)][0] == "Education"


def test_pillar_names_are_unique_whatever_their_case(db):
    first = pillars.list_pillars(db)[0]
    with pytest.raises(ValidationError):
        pillars.add_pillar(db, first.name.upper())
    with pytest.raises(ValidationError):
        pillars.add_pillar(db, f"  {first.name.lower()} ")
    kuis = pillars.add_pillar(db, "Infografis")
    assert kuis.position == 5
    with pytest.raises(ValidationError):
        pillars.rename_pillar(db, kuis.id, first.name.swapcase())
    assert pillars.rename_pillar(db, kuis.id, "INFOGRAFIS").name == "INFOGRAFIS"
    assert pillars.pillar_named(db, "infografis").id == kuis.id
    assert pillars.pillar_named(db, "Podcast").name == "Podcast"
    assert len(pillars.list_pillars(db)) == 6
    with pytest.raises(ValidationError):
        pillars.add_pillar(db, "   ")


def test_an_archived_pillar_is_hidden_but_posts_keep_it(db, post):
    first = pillars.list_pillars(db)[0]
    posts.update(db, post.id, pillar_id=first.id)
    pillars.set_pillar_archived(db, first.id, True)
    assert first.id not in [p.id for p in pillars.list_pillars(db)]
    assert first.id in [p.id for p in pillars.list_pillars(db, include_archived=True)]
    assert posts.get(db, post.id).pillar_id == first.id
    with pytest.raises(ValidationError):
        pillars.add_pillar(db, first.name)  # still taken
    pillars.set_pillar_archived(db, first.id, False)
    assert first.id in [p.id for p in pillars.list_pillars(db)]


def test_snippets_save_edit_delete(db):
    tags = pillars.save_snippet(db, "hashtags", "Tagar BMSN", "#SobatMutu #BMSN")
    closing = pillars.save_snippet(db, "text", "Penutup", "Salam mutu")
    assert pillars.list_snippets(db) == [tags, closing]
    assert pillars.list_snippets(db, "text") == [closing]
    edited = pillars.save_snippet(db, "text", "Penutup resmi", "Salam mutu, Mimin", closing.id)
    assert (edited.id, edited.uid, edited.name, edited.body) == (
        closing.id,
        closing.uid,
        "Penutup resmi",
        "Salam mutu, Mimin",
    )
    assert pillars.list_snippets(db, "text") == [edited]
    pillars.delete_snippet(db, tags.id)
    assert pillars.list_snippets(db) == [edited]
    with pytest.raises(NotFound):
        pillars.save_snippet(db, "text", "X", "Y", 999)
    for kind, name, body in (("emoji", "A", "B"), ("text", "", "B"), ("text", "A", "  ")):
        with pytest.raises(ValidationError):
            pillars.save_snippet(db, kind, name, body)
    assert pillars.list_snippets(db) == [edited]


def test_insert_snippet_adds_only_hashtags_not_yet_there():
    text = "Ayo ikut Bulan Mutu!\n\n#SobatMutu #BMSN"
    assert pillars.insert_snippet(text, "#sobatmutu #BulanMutu #BMSN") == text + " #BulanMutu"
    assert pillars.insert_snippet(text, "#SobatMutu #BMSN") == text
    assert pillars.insert_snippet("Ayo ikut!", "#SobatMutu") == "Ayo ikut!\n\n#SobatMutu"
    assert pillars.insert_snippet("", "#SobatMutu") == "#SobatMutu"


def test_insert_snippet_text_goes_on_its_own_line():
    assert pillars.insert_snippet("Ayo ikut!  \n", "Salam mutu") == "Ayo ikut!\n\nSalam mutu"
    assert pillars.insert_snippet("", "Salam mutu") == "Salam mutu"


def test_insert_snippet_sees_a_hashtag_followed_by_punctuation():
    text = "Ayo ikut #SobatMutu!"
    assert pillars.insert_snippet(text, "#SobatMutu") == text


# --- the first release's file, upgraded -----------------------------------------------------


@pytest.fixture
def v1_copy(tmp_path):
    path = tmp_path / "team.sqlite"
    shutil.copy(V1_FILE, path)
    return path


def test_the_first_release_file_upgrades_for_the_calendar(v1_copy):
    with sqlite3.connect(v1_copy) as old:
        before = old.execute(
            "SELECT id, post_id, account_id, status, planned_at, published_at, text, external_id "
            "FROM post_variants ORDER BY id"
        ).fetchall()
        earliest = dict(
            old.execute(
                "SELECT post_id, min(planned_at) FROM post_variants GROUP BY post_id"
            ).fetchall()
        )
    old.close()
    assert before and len({row[3] for row in before}) >= 5

    with open_database(v1_copy) as database:
        after = [
            tuple(row)
            for row in database.query(
                "SELECT id, post_id, account_id, status, planned_at, published_at, text, "
                "external_id FROM post_variants ORDER BY id"
            )
        ]
        assert after == before
        assert {tuple(r) for r in database.query("SELECT hashtags, url FROM post_variants")} == {
            ("", "")
        }
        planned = dict(tuple(r) for r in database.query("SELECT id, planned_at FROM posts"))
        assert planned == earliest
        # Each variant's history starts with the status it had, by nobody known.
        for variant_id, *_rest in before:
            (step,) = workflow.history(database, variant_id)
            status = next(row[3] for row in before if row[0] == variant_id)
            assert (step.from_status, step.to_status, step.member_name) == (None, status, "")
        assert coredb.check(database) == []
        variant = before[0][0]
        for status in ("changes", "cancelled"):
            database.conn.execute(
                "UPDATE post_variants SET status = ? WHERE id = ?", (status, variant)
            )
        with pytest.raises(sqlite3.IntegrityError):
            database.conn.execute(
                "UPDATE post_variants SET status = 'bogus' WHERE id = ?", (variant,)
            )
        assert (
            database.query("SELECT status FROM post_variants WHERE id = ?", (variant,))[0][0]
            == "cancelled"
        )
        indexes = {
            row[0]
            for row in database.query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'post_variants'"
            )
        }
        assert {"post_variants_day", "post_variants_planned", "post_variants_account"} <= indexes


def test_an_upgraded_post_reads_its_time_with_the_institution_offset(v1_copy):
    with open_database(v1_copy) as database:
        post_id, raw = database.query(
            "SELECT id, planned_at FROM posts WHERE planned_at IS NOT NULL ORDER BY id LIMIT 1"
        )[0]
        assert "+" not in raw  # the first release stored naive local times
        assert posts.get(database, post_id).planned_at == f"{raw}+07:00"
