"""The tone checklist: its items per platform, ticks tied to the text, the approval gate
(required vs advisory, overrides with a written reason, retired items), the persona, and
the compliance of published posts."""

import datetime as dt

import pytest

from core import accounts, guidelines, members, posts, settings, units, workflow
from core.errors import ValidationError
from core.workflow import WorkflowError


@pytest.fixture
def team(db, without_checklist):
    """A unit needing one approval, an editor, an approver, and an Instagram and X account;
    a checklist of one required and one advisory item for all platforms, one required for
    Instagram, one for X."""
    unit = units.create(db, "Biro Humas")
    workflow.set_approval(db, unit.id, "levels", [("Kepala Biro", None)])
    return {
        "unit": unit,
        "editor": members.create(db, "Ana", "editor", unit_id=unit.id),
        "head": members.create(db, "Kepala Biro", "approver"),
        "ig": accounts.create(db, "instagram", "humas_kota"),
        "x": accounts.create(db, "x", "humas_kota"),
        "facts": guidelines.add_item(db, "all", "content", "Fakta sudah dicek", required=True),
        "question": guidelines.add_item(db, "all", "engagement", "Ada ajakan berkomentar"),
        "caption": guidelines.add_item(
            db, "instagram", "persona", "Caption berdiri sendiri", required=True
        ),
        "short": guidelines.add_item(db, "x", "persona", "Singkat", required=True),
    }


def variant_in_review(db, team, account="ig", text="Selamat pagi, Sobat!"):
    post = posts.create(db, "Hari Guru", unit_id=team["unit"].id)
    return posts.add_variant(db, post.id, team[account].id, text, "review")


def tick(db, team, variant, *names):
    for name in names:
        guidelines.set_tick(db, variant.id, team[name].id, by=team["head"].id)


# --- the checklist --------------------------------------------------------------------------


def test_a_variant_s_checklist_is_all_platforms_first_then_its_own(db, team):
    ig = variant_in_review(db, team)
    x = variant_in_review(db, team, "x")
    assert [c.item.text for c in guidelines.checklist(db, ig.id)] == [
        "Fakta sudah dicek",
        "Ada ajakan berkomentar",
        "Caption berdiri sendiri",
    ]
    assert [c.item.text for c in guidelines.checklist(db, x.id)][-1] == "Singkat"


def test_required_items_unticked_block_approval_and_are_named(db, team):
    variant = variant_in_review(db, team)
    with pytest.raises(WorkflowError) as info:
        workflow.approve(db, variant.id, team["head"].id)
    assert "Fakta sudah dicek" in str(info.value)
    assert "Caption berdiri sendiri" in str(info.value)
    assert "Ada ajakan" not in str(info.value)  # advisory
    assert posts.get_variant(db, variant.id).status == "review"


def test_ticking_every_required_item_lets_it_through_advisory_ones_may_stay_open(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts", "caption")
    assert workflow.needs_override(db, variant.id) == []
    assert workflow.approve(db, variant.id, team["head"].id).status == "approved"


def test_another_platform_s_item_cannot_be_ticked_and_is_not_asked_for(db, team):
    variant = variant_in_review(db, team)
    with pytest.raises(ValidationError):
        guidelines.set_tick(db, variant.id, team["short"].id)
    tick(db, team, variant, "facts", "caption")
    assert workflow.approve(db, variant.id, team["head"].id).status == "approved"


def test_a_changed_text_needs_new_ticks(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts", "caption")
    posts.update_variant(db, variant.id, text="Teks baru untuk Sobat")  # back to draft
    workflow.transition(db, variant.id, "review")
    rows = {c.item.text: c for c in guidelines.checklist(db, variant.id)}
    facts = rows["Fakta sudah dicek"]
    assert facts.tick is not None and not facts.tick.current and not facts.ticked
    assert facts.blocks
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, team["head"].id)


def test_the_checklist_shown_while_typing_follows_the_text_typed(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts")
    assert guidelines.checklist(db, variant.id)[0].ticked
    typed = guidelines.checklist(db, variant.id, text="Sesuatu yang lain")
    assert not typed[0].ticked


def test_an_approved_checklist_is_closed(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts", "caption")
    workflow.approve(db, variant.id, team["head"].id)
    with pytest.raises(WorkflowError, match="disetujui sudah ditutup"):
        guidelines.set_tick(db, variant.id, team["question"].id)


def test_unticking_takes_the_tick_back(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts", "caption")
    guidelines.set_tick(db, variant.id, team["facts"].id, False)
    assert workflow.needs_override(db, variant.id) == [guidelines.UNTICKED + "Fakta sudah dicek"]


# --- overrides ------------------------------------------------------------------------------


def test_an_approver_overrides_with_a_reason_kept_in_the_history(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts")
    approved = workflow.approve(
        db, variant.id, team["head"].id, override="Ucapan resmi, teks dari pimpinan"
    )
    assert approved.status == "approved"
    last = workflow.history(db, variant.id)[-1]
    assert last.override_reason == "Ucapan resmi, teks dari pimpinan"
    assert last.overridden == (guidelines.UNTICKED + "Caption berdiri sendiri",)


def test_an_override_without_a_reason_is_refused(db, team):
    variant = variant_in_review(db, team)
    with pytest.raises(WorkflowError, match="alasan tertulis"):
        workflow.approve(db, variant.id, team["head"].id, override="   ")
    assert posts.get_variant(db, variant.id).status == "review"


def test_only_an_approver_overrides_even_where_no_approval_is_needed(db, team):
    workflow.set_approval(db, team["unit"].id, "none")
    post = posts.create(db, "Kuis", unit_id=team["unit"].id)
    variant = posts.add_variant(db, post.id, team["ig"].id, "Kuis hari ini", "draft")
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, team["editor"].id, override="Mendesak")
    assert workflow.approve(db, variant.id, team["head"].id, override="Mendesak").status == (
        "approved"
    )


def test_an_override_at_the_first_level_holds_for_the_rest_of_the_round(db, team):
    second = members.create(db, "Kasubbag", "approver")
    workflow.set_approval(
        db, team["unit"].id, "levels", [("Kasubbag", second.id), ("Kepala", team["head"].id)]
    )
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts")
    workflow.approve(db, variant.id, second.id, override="Sudah dicek lisan")
    assert workflow.needs_override(db, variant.id) == []
    assert workflow.approve(db, variant.id, team["head"].id).status == "approved"


def test_a_new_round_needs_ticks_or_a_new_override(db, team):
    variant = variant_in_review(db, team)
    workflow.approve(db, variant.id, team["head"].id, override="Mendesak")
    workflow.transition(db, variant.id, "changes", comment="Ganti foto")
    workflow.transition(db, variant.id, "review")
    assert len(workflow.needs_override(db, variant.id)) == 2


def test_other_rules_cannot_be_overridden(db, team):
    variant = variant_in_review(db, team, "x", text="x" * 300)
    with pytest.raises(WorkflowError, match="280"):
        workflow.approve(db, variant.id, team["head"].id, override="Tetap terbitkan")


# --- editing the pack ---------------------------------------------------------------------


def test_a_retired_item_stops_gating_but_keeps_its_ticks(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "caption")
    guidelines.retire_item(db, team["caption"].id)
    assert workflow.needs_override(db, variant.id) == [guidelines.UNTICKED + "Fakta sudah dicek"]
    other = variant_in_review(db, team)
    assert "Caption berdiri sendiri" not in [
        c.item.text for c in guidelines.checklist(db, other.id)
    ]
    kept = [c for c in guidelines.checklist(db, variant.id) if c.item.retired]
    assert [c.item.text for c in kept] == ["Caption berdiri sendiri"] and kept[0].ticked


def test_rewording_an_item_mid_review_keeps_its_tick(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts", "caption")
    guidelines.update_item(db, team["facts"].id, text="Fakta dan angka sudah dicek ke sumber")
    assert workflow.needs_override(db, variant.id) == []


def test_an_item_made_required_mid_review_must_be_ticked(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts", "caption")
    guidelines.update_item(db, team["question"].id, required=True)
    assert workflow.needs_override(db, variant.id) == [
        guidelines.UNTICKED + "Ada ajakan berkomentar"
    ]


def test_order_is_set_per_platform_and_must_name_every_item(db, team):
    third = guidelines.add_item(db, "all", "legal", "Tanpa data pribadi", required=True)
    guidelines.set_order(db, "all", [third.id, team["facts"].id, team["question"].id])
    assert [i.text for i in guidelines.items(db, "all")] == [
        "Tanpa data pribadi",
        "Fakta sudah dicek",
        "Ada ajakan berkomentar",
    ]
    with pytest.raises(ValidationError):
        guidelines.set_order(db, "all", [third.id])


def test_a_ticked_item_cannot_be_deleted_only_retired(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "facts")
    with pytest.raises(ValidationError, match="1"):
        guidelines.delete_item(db, team["facts"].id)
    guidelines.delete_item(db, team["question"].id)
    assert "Ada ajakan berkomentar" not in [i.text for i in guidelines.items(db)]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": "  "}, "text"),
        ({"platform": "myspace"}, "platform"),
        ({"category": "misc"}, "category"),
        ({"required": "ya"}, "required"),
        ({"auto_check": "spelling"}, "check"),
    ],
)
def test_a_wrong_item_field_is_refused_by_name(db, team, fields, field):
    with pytest.raises(ValidationError) as info:
        guidelines.update_item(db, team["facts"].id, **fields)
    assert info.value.field == field
    assert guidelines.get_item(db, team["facts"].id).text == "Fakta sudah dicek"


# --- automatic flags beside items -------------------------------------------------------------


def test_avoid_words_are_flagged_beside_the_persona_item(db, team):
    item = guidelines.add_item(db, "all", "persona", "Sesuai persona", auto_check="avoid_words")
    guidelines.set_persona(db, words_avoid=["anjay", "rezim baru"])
    variant = variant_in_review(db, team, text="Anjay, rezim baru! Tapi anjaya bukan kata itu.")
    row = next(c for c in guidelines.checklist(db, variant.id) if c.item.id == item.id)
    assert row.flags == ("Kata yang dihindari: anjay, rezim baru",)


def test_text_over_the_limit_is_flagged_beside_the_length_item(db, team):
    item = guidelines.add_item(db, "x", "persona", "Pas panjangnya", auto_check="length")
    variant = variant_in_review(db, team, "x", text="kata " * 60)
    row = next(c for c in guidelines.checklist(db, variant.id) if c.item.id == item.id)
    assert any("280" in flag for flag in row.flags)


def test_no_image_is_flagged_beside_the_image_item(db, team):
    item = guidelines.add_item(db, "all", "visual", "Ada gambar", auto_check="image")
    variant = variant_in_review(db, team)
    row = next(c for c in guidelines.checklist(db, variant.id) if c.item.id == item.id)
    assert row.flags
    assert not next(
        c for c in guidelines.checklist(db, variant.id, has_image=True) if c.item.id == item.id
    ).flags


# --- persona --------------------------------------------------------------------------------


def test_persona_lists_are_one_per_line_trimmed_without_repeats(db):
    voice = guidelines.set_persona(
        db,
        admin_nickname="Mimin",
        words_avoid="anjay\n  Anjay \n\n bego",
        formal_phrases="atas perhatiannya, kami ucapkan terima kasih",
    )
    assert voice.admin_nickname == "Mimin"
    assert voice.words_avoid == ("anjay", "bego")
    assert voice.formal_phrases == ("atas perhatiannya, kami ucapkan terima kasih",)


def test_a_persona_text_too_long_is_refused_by_its_own_name(db):
    with pytest.raises(ValidationError) as info:
        guidelines.set_persona(db, greeting="Halo " * 200)
    assert info.value.field == "greeting"


def test_a_wrong_persona_saves_nothing(db):
    guidelines.set_persona(db, greeting="Halo")
    with pytest.raises(ValidationError):
        guidelines.set_persona(db, greeting="Hai", words_use=["x" * 81])
    assert guidelines.persona(db).greeting == "Halo"


# --- the default pack and compliance ----------------------------------------------------------


def test_a_new_file_has_the_default_pack_for_every_platform(db):
    found = guidelines.items(db)
    assert len(found) >= 20
    for platform in guidelines.PLATFORMS:
        assert len([i for i in found if i.platform == platform]) >= 5, platform
    assert any(i.required for i in found) and not all(i.required for i in found)
    assert guidelines.persona(db).formal_phrases  # "dalam rangka" and friends
    assert settings.get(db, "guidelines.since")


def test_compliance_counts_passed_overridden_and_unchecked(db, team):
    day = dt.date.today()
    passed, overridden, early = (variant_in_review(db, team) for _ in range(3))
    tick(db, team, passed, "facts", "caption")
    workflow.approve(db, passed.id, team["head"].id)
    workflow.approve(db, overridden.id, team["head"].id, override="Mendesak")
    tick(db, team, early, "facts", "caption")
    workflow.approve(db, early.id, team["head"].id)
    settings.set(db, "guidelines.since", "2999-01-01T00:00:00+07:00")  # early came before it
    for variant in (passed, overridden, early):
        workflow.transition(db, variant.id, "published", published_at=dt.datetime.now())
    settings.set(db, "guidelines.since", "2000-01-01T00:00:00+07:00")
    result = guidelines.compliance(db, day, day)
    assert (result.total.published, result.total.passed, result.total.overridden) == (3, 3 - 1, 1)
    assert result.overrides[0].reason == "Mendesak"
    assert result.overrides[0].items == ("Fakta sudah dicek", "Caption berdiri sendiri")
    assert result.overrides[0].approver == "Kepala Biro"
    settings.set(db, "guidelines.since", "2999-01-01T00:00:00+07:00")
    later = guidelines.compliance(db, day, day)
    assert (later.total.passed, later.total.unchecked) == (0, 2)


def test_compliance_judges_the_last_approval_where_no_approval_is_needed(db, team):
    workflow.set_approval(db, team["unit"].id, "none")
    post = posts.create(db, "Kuis", unit_id=team["unit"].id)
    variant = posts.add_variant(db, post.id, team["ig"].id, "Kuis hari ini", "draft")
    workflow.approve(db, variant.id, team["head"].id, override="Mendesak")
    workflow.transition(db, variant.id, "changes", comment="Ganti foto")
    workflow.transition(db, variant.id, "draft")
    tick(db, team, variant, "facts", "caption")
    workflow.approve(db, variant.id, team["head"].id)
    workflow.transition(db, variant.id, "published", published_at=dt.datetime.now())
    day = dt.date.today()
    result = guidelines.compliance(db, day, day)
    assert (result.total.passed, result.total.overridden, result.overrides) == (1, 0, [])


def test_an_item_moved_to_another_platform_leaves_this_checklist(db, team):
    variant = variant_in_review(db, team)
    tick(db, team, variant, "caption")
    guidelines.update_item(db, team["caption"].id, platform="x")
    assert "Caption berdiri sendiri" not in [
        c.item.text for c in guidelines.checklist(db, variant.id)
    ]


def test_the_gate_holds_for_a_script_that_imports_only_the_workflow(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "f.sqlite"
    from core.db import open_database

    with open_database(path, create=True) as handle:
        unit = units.create(handle, "Humas")
        workflow.set_approval(handle, unit.id, "none")
        account = accounts.create(handle, "instagram", "humas")
        post = posts.create(handle, "Kuis", unit_id=unit.id)
        variant = posts.add_variant(handle, post.id, account.id, "Kuis", "draft")
    code = f"""
from core.db import open_database
from core import workflow
with open_database({str(path)!r}) as db:
    try:
        workflow.approve(db, {variant.id}, None)
    except workflow.WorkflowError:
        print("refused")
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "refused", result.stderr


def test_compliance_of_the_demo_shows_its_two_overrides(demo_db):
    result = guidelines.compliance(demo_db, dt.date(2000, 1, 1), dt.date(2030, 12, 31))
    assert len(result.overrides) == 2
    assert all(o.reason for o in result.overrides)
    assert result.total.passed > 100
    assert sum(r.published for r in result.platforms) == result.total.published
