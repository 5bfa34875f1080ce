"""core.signoff: the posts of a sign-off sheet, from a range of planned days or chosen
variants, with what each block shows."""

from __future__ import annotations

import datetime as dt

import pytest

from core import accounts, posts, settings, signoff, units, workflow
from core.i18n import _

MONDAY = dt.date(2026, 11, 30)
SUNDAY = dt.date(2026, 12, 6)


@pytest.fixture
def plan(db, tmp_path):
    """A unit with two approval levels, one that needs none, one that inherits the default;
    posts on and around the week of 30 November 2026."""
    settings.set(db, "institution.name", "Badan Mutu Standar Nasional")
    humas = units.create(db, "Biro Hubungan Masyarakat")
    balai = units.create(db, "Balai Layanan Standar Wilayah Timur")
    pusdiklat = units.create(db, "Pusat Pendidikan dan Pelatihan")
    workflow.set_approval(
        db, humas.id, "levels", [("Kepala Subbagian Publikasi", None), ("Kepala Biro Humas", None)]
    )
    workflow.set_approval(db, balai.id, "none")
    ig = accounts.create(db, "instagram", "bmsn_ri", unit_id=humas.id)
    fb = accounts.create(db, "facebook", "bmsn.ri", unit_id=humas.id)
    timur = accounts.create(db, "facebook", "bmsn.timur", unit_id=balai.id)

    quiz = posts.create(db, "Kuis Jumat Mutu #414", unit_id=humas.id)
    image = tmp_path / "kuis.png"
    image.write_bytes(b"")
    posts.set_attachments(db, quiz.id, [str(tmp_path / "brief.pdf"), str(image)])
    v_quiz_ig = posts.add_variant(
        db,
        quiz.id,
        ig.id,
        "Kuis Jumat!\nApa arti tanda SNI?",
        "review",
        "2026-12-04T15:30",
        hashtags="#SobatMutu #KuisJumat",
    )
    v_quiz_fb = posts.add_variant(db, quiz.id, fb.id, "Kuis Jumat untuk Sobat Mutu.", "draft",
                                  "2026-12-04T09:00")  # fmt: skip
    rice = posts.create(db, "Sosialisasi Standar Mutu Beras", unit_id=balai.id)
    v_rice = posts.add_variant(db, rice.id, timur.id, "Sosialisasi di Merauke.", "approved",
                               "2026-11-30T00:00")  # fmt: skip
    training = posts.create(db, "Pelatihan Kalibrasi", unit_id=pusdiklat.id)
    v_training = posts.add_variant(db, training.id, fb.id, "Pendaftaran dibuka.", "approved",
                                   "2026-12-06T23:59")  # fmt: skip
    cancelled = posts.create(db, "Dibatalkan", unit_id=humas.id)
    v_cancelled = posts.add_variant(db, cancelled.id, ig.id, "Batal.", "draft", "2026-12-02T10:00")
    workflow.cancel_post(db, cancelled.id)
    before = posts.create(db, "Minggu lalu", unit_id=humas.id)
    v_before = posts.add_variant(db, before.id, ig.id, "Lalu.", "draft", "2026-11-29T23:59")
    after = posts.create(db, "Minggu depan", unit_id=humas.id)
    v_after = posts.add_variant(db, after.id, ig.id, "Depan.", "draft", "2026-12-07T00:00")
    idea = posts.create(db, "Ide tanpa tanggal", unit_id=humas.id)
    v_idea = posts.add_variant(db, idea.id, ig.id, "Nanti.")
    return {
        "quiz_ig": v_quiz_ig.id,
        "quiz_fb": v_quiz_fb.id,
        "rice": v_rice.id,
        "training": v_training.id,
        "cancelled": v_cancelled.id,
        "before": v_before.id,
        "after": v_after.id,
        "idea": v_idea.id,
        "image": str(image),
        "ig": ig.id,
        "timur": timur.id,
    }


def ids(found) -> list[int]:
    return [p.variant_id for p in found]


def test_a_week_holds_its_planned_days_soonest_first_without_cancelled(db, plan):
    found = signoff.posts_between(db, MONDAY, SUNDAY)
    assert ids(found) == [plan["rice"], plan["quiz_fb"], plan["quiz_ig"], plan["training"]]


def test_a_block_shows_account_time_text_with_hashtags_image_status_and_levels(db, plan):
    quiz = next(
        p for p in signoff.posts_between(db, MONDAY, SUNDAY) if p.variant_id == plan["quiz_ig"]
    )
    assert quiz.title == "Kuis Jumat Mutu #414"
    assert quiz.account == "Instagram @bmsn_ri"
    assert quiz.platform == "instagram"
    assert quiz.when == "4 Desember 2026, 15.30 WIB"
    assert quiz.day == dt.date(2026, 12, 4)
    # Line breaks kept; hashtags on a line of their own after a blank one.
    assert quiz.text == "Kuis Jumat!\nApa arti tanda SNI?\n\n#SobatMutu #KuisJumat"
    # The first attachment that is an image (a PDF before it is not).
    assert quiz.image == plan["image"]
    assert (quiz.status, quiz.status_title) == ("review", posts.status_title("review"))
    assert quiz.levels == ("Kepala Subbagian Publikasi", "Kepala Biro Humas")


def test_levels_follow_the_unit_none_or_the_default_single_level(db, plan):
    by_id = {p.variant_id: p for p in signoff.posts_between(db, MONDAY, SUNDAY)}
    assert by_id[plan["rice"]].levels == ()
    assert by_id[plan["training"]].levels == (_(workflow.DEFAULT_LEVEL_TITLE),)
    assert by_id[plan["rice"]].image is None


def test_statuses_and_accounts_narrow_the_week(db, plan):
    assert ids(signoff.posts_between(db, MONDAY, SUNDAY, statuses=["approved"])) == [
        plan["rice"],
        plan["training"],
    ]
    assert ids(signoff.posts_between(db, MONDAY, SUNDAY, account_ids=[plan["timur"]])) == [
        plan["rice"]
    ]
    assert signoff.posts_between(db, MONDAY, SUNDAY, ["published"], [plan["ig"]]) == []


def test_chosen_variants_sorted_undated_last_and_deleted_ones_left_out(db, plan):
    found = signoff.posts_of(db, [plan["idea"], plan["after"], plan["before"], 99999])
    assert ids(found) == [plan["before"], plan["after"], plan["idea"]]
    assert found[-1].planned_at is None and found[-1].day is None
    assert found[-1].when == _("No date yet")
    assert signoff.posts_of(db, []) == []


def test_the_sheet_names_the_institution_and_its_period(db, plan, demo_today):
    week = signoff.sheet(db, signoff.posts_between(db, MONDAY, SUNDAY), demo_today, MONDAY, SUNDAY)
    assert week.institution == "Badan Mutu Standar Nasional"
    assert week.period == "30 November – 6 Desember 2026"
    assert (week.today, week.language) == (demo_today, "id")
    assert len(week.posts) == 4

    chosen = signoff.sheet(db, signoff.posts_of(db, [plan["quiz_ig"], plan["idea"]]), demo_today)
    assert (chosen.start, chosen.end) == (dt.date(2026, 12, 4), dt.date(2026, 12, 4))
    assert chosen.period == "4 Desember 2026"
    undated = signoff.sheet(db, signoff.posts_of(db, [plan["idea"]]), demo_today)
    assert undated.period == ""


def test_times_are_shown_in_the_institution_zone(db, plan):
    settings.set(db, "institution.timezone", "Asia/Makassar")
    quiz = signoff.posts_of(db, [plan["quiz_ig"]])[0]
    assert quiz.when == "4 Desember 2026, 16.30 WITA"
