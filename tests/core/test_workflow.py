"""The road a variant travels (idea → … → published, or cancelled), its approval levels, the
rules that gate approval, and the history each step leaves behind."""

import datetime as dt

import pytest

from core import accounts, i18n, members, posts, units, workflow
from core.errors import ValidationError
from core.posts import status_title
from core.workflow import WorkflowError

AT = dt.datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def team(db, without_checklist):
    """A bureau, an editor, an admin, three approvers (one inactive), and two accounts."""
    unit = units.create(db, "Biro Humas")
    return {
        "unit": unit,
        "editor": members.create(db, "Ana", "editor", unit_id=unit.id),
        "admin": members.create(db, "Adi", "admin"),
        "head": members.create(db, "Kepala Biro", "approver"),
        "section": members.create(db, "Kasubbag", "approver"),
        "gone": members.create(db, "Pensiunan", "approver", active=False),
        "ig": accounts.create(db, "instagram", "humas_kota"),
        "x": accounts.create(db, "x", "humas_kota"),
    }


def make_variant(db, team, status="draft", *, account="ig", unit=True, text="Selamat pagi", **kw):
    post = posts.create(db, "Hari Guru", unit_id=team["unit"].id if unit else None)
    return posts.add_variant(db, post.id, team[account].id, text, status, **kw)


def refused(info, current, target):
    """The refusal names both states, as the user reads them now."""
    message = str(info.value)
    assert status_title(current) in message, message
    assert status_title(target) in message, message


# --- transitions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("idea", "draft"),
        ("draft", "idea"),
        ("draft", "review"),
        ("review", "draft"),
        ("changes", "review"),
        ("changes", "draft"),
        ("cancelled", "idea"),
        ("cancelled", "draft"),
    ],
)
def test_allowed_steps_move_the_variant(db, team, start, target):
    variant = make_variant(db, team, start, planned_at="2026-12-01 09:00")
    moved = workflow.transition(db, variant.id, target, by=team["editor"].id)
    assert moved.status == target
    assert posts.get_variant(db, variant.id).status == target


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("idea", "review"),
        ("idea", "scheduled"),
        ("draft", "scheduled"),
        ("draft", "published"),
        ("review", "scheduled"),
        ("changes", "published"),
        ("cancelled", "review"),
        ("approved", "draft"),
    ],
)
def test_refused_steps_name_both_states_and_change_nothing(db, team, start, target):
    variant = make_variant(db, team, start, planned_at="2026-12-01 09:00")
    with pytest.raises(WorkflowError) as info:
        workflow.transition(
            db, variant.id, target, comment="x", url="", published_at="2026-12-01 10:00"
        )
    refused(info, start, target)
    assert posts.get_variant(db, variant.id).status == start
    assert [h.to_status for h in workflow.history(db, variant.id)] == [start]


def test_a_scheduled_variant_can_be_taken_back_to_approved(db, team):
    variant = make_variant(db, team, "scheduled", planned_at="2026-12-01 09:00")
    assert "approved" in workflow.allowed_targets(db, variant.id)
    moved = workflow.transition(db, variant.id, "approved", by=team["editor"].id)
    assert moved.status == "approved"


@pytest.mark.parametrize("target", ["idea", "draft", "review", "changes", "cancelled"])
def test_published_goes_nowhere(db, team, target):
    variant = make_variant(db, team, "published", published_at="2026-11-20 10:00")
    assert workflow.allowed_targets(db, variant.id) == []
    with pytest.raises(WorkflowError) as info:
        workflow.transition(db, variant.id, target, comment="ganti")
    refused(info, "published", target)
    assert posts.get_variant(db, variant.id).status == "published"


def test_published_to_approved_is_refused_too(db, team):
    variant = make_variant(db, team, "published", published_at="2026-11-20 10:00")
    with pytest.raises(WorkflowError) as info:
        workflow.approve(db, variant.id, team["head"].id)
    refused(info, "published", "approved")


def test_refusal_in_english_names_english_states(db, team):
    variant = make_variant(db, team, "idea")
    i18n.set_language("en")
    with pytest.raises(WorkflowError) as info:
        workflow.transition(db, variant.id, "scheduled")
    assert "Idea" in str(info.value) and "Scheduled" in str(info.value)


def test_indonesian_titles_are_not_the_english_ones():
    """The refusal tests above match the current language's titles: make sure that is
    Indonesian and not the English source (for the statuses that have a translation)."""
    assert status_title("draft") != "Draft" or status_title("review") != "In review"


def test_unknown_status_is_a_validation_error(db, team):
    variant = make_variant(db, team, "draft")
    with pytest.raises(ValidationError):
        workflow.transition(db, variant.id, "bogus")


def test_changes_needs_a_comment(db, team):
    variant = make_variant(db, team, "review")
    for empty in ("", "   "):
        with pytest.raises(WorkflowError):
            workflow.transition(db, variant.id, "changes", by=team["head"].id, comment=empty)
    assert posts.get_variant(db, variant.id).status == "review"
    moved = workflow.transition(
        db, variant.id, "changes", by=team["head"].id, comment="Ganti fotonya"
    )
    assert moved.status == "changes"
    assert workflow.history(db, variant.id)[-1].comment == "Ganti fotonya"


def test_published_needs_its_time_and_takes_an_http_link(db, team):
    variant = make_variant(db, team, "approved")
    with pytest.raises(ValidationError) as info:
        workflow.transition(db, variant.id, "published", url="https://instagram.com/p/1")
    assert info.value.field == "published_at"
    for bad in ("ftp://instagram.com/p/1", "javascript:alert(1)", "instagram.com/p/1"):
        with pytest.raises(ValidationError) as info:
            workflow.transition(
                db, variant.id, "published", url=bad, published_at="2026-11-20 10:05"
            )
        assert info.value.field == "url"
    assert posts.get_variant(db, variant.id).status == "approved"
    done = workflow.transition(
        db,
        variant.id,
        "published",
        url="HTTPS://www.instagram.com/p/Cx1",
        published_at="2026-11-20 10:05",
    )
    assert done.status == "published"
    assert done.published_at == "2026-11-20T10:05:00+07:00"
    assert done.url == "HTTPS://www.instagram.com/p/Cx1"
    other = make_variant(db, team, "scheduled", planned_at="2026-11-21 09:00")
    plain = workflow.transition(
        db, other.id, "published", url="http://x.example/1", published_at="2026-11-21 09:01"
    )
    assert plain.status == "published" and plain.url == "http://x.example/1"


def test_scheduled_needs_a_planned_time(db, team):
    variant = make_variant(db, team, "approved")
    with pytest.raises(WorkflowError):
        workflow.transition(db, variant.id, "scheduled")
    assert posts.get_variant(db, variant.id).status == "approved"
    posts.update_variant(db, variant.id, planned_at="2026-12-01 09:00")
    assert workflow.transition(db, variant.id, "scheduled").status == "scheduled"


def test_cancelled_is_restored_to_draft_with_its_text(db, team):
    variant = make_variant(db, team, "review", text="Teks yang disimpan")
    workflow.transition(db, variant.id, "cancelled", comment="Acara ditunda")
    assert "draft" in workflow.allowed_targets(db, variant.id)
    back = workflow.transition(db, variant.id, "draft", by=team["editor"].id)
    assert back.status == "draft" and back.text == "Teks yang disimpan"
    assert [(h.from_status, h.to_status) for h in workflow.history(db, variant.id)] == [
        (None, "review"),
        ("review", "cancelled"),
        ("cancelled", "draft"),
    ]


def test_allowed_targets_offer_approval_only_where_it_can_start(db, team):
    draft = make_variant(db, team, "draft")
    assert "approved" not in workflow.allowed_targets(db, draft.id)
    review = make_variant(db, team, "review")
    assert workflow.allowed_targets(db, review.id)[0] == "approved"
    workflow.set_approval(db, team["unit"].id, "none")
    assert workflow.allowed_targets(db, draft.id)[0] == "approved"


# --- approval levels ------------------------------------------------------------------------


def test_a_unit_without_a_setting_has_one_level(db, team):
    (level,) = workflow.levels_for_unit(db, team["unit"].id)
    assert (level.position, level.approver_id) == (1, None)
    assert level.title == i18n._(workflow.DEFAULT_LEVEL_TITLE)
    assert len(workflow.levels_for_unit(db, None)) == 1  # a post with no unit
    variant = make_variant(db, team, "review")
    assert workflow.approval_state(db, variant.id).done == 0
    approved = workflow.approve(db, variant.id, team["section"].id)
    assert approved.status == "approved"
    assert workflow.approval_state(db, variant.id).done == 1


def test_a_draft_is_not_approved_where_a_level_is_required(db, team):
    variant = make_variant(db, team, "draft")
    with pytest.raises(WorkflowError) as info:
        workflow.transition(db, variant.id, "approved", by=team["head"].id)
    refused(info, "draft", "approved")
    assert posts.get_variant(db, variant.id).status == "draft"


def test_two_levels_approve_in_order(db, team):
    workflow.set_approval(
        db, team["unit"].id, "levels", [("Kasubbag", None), ("Kepala Biro", team["head"].id)]
    )
    variant = make_variant(db, team, "review")
    state = workflow.approval_state(db, variant.id)
    assert [lv.title for lv in state.levels] == ["Kasubbag", "Kepala Biro"]
    assert state.done == 0 and state.next_level.position == 1

    first = workflow.approve(db, variant.id, team["section"].id, comment="OK dari saya")
    assert first.status == "review"  # one level to go
    state = workflow.approval_state(db, variant.id)
    assert state.done == 1 and state.next_level.title == "Kepala Biro"

    # Level 2 is the head's: the section head cannot approve it again.
    with pytest.raises(WorkflowError) as info:
        workflow.approve(db, variant.id, team["section"].id)
    assert "Kepala Biro" in str(info.value) and "Kasubbag" in str(info.value)
    assert workflow.approval_state(db, variant.id).done == 1

    final = workflow.approve(db, variant.id, team["head"].id)
    assert final.status == "approved"
    state = workflow.approval_state(db, variant.id)
    assert state.done == 2 and state.next_level is None
    levels = [(h.from_status, h.to_status, h.level) for h in workflow.history(db, variant.id)]
    assert levels == [(None, "review", None), ("review", "review", 1), ("review", "approved", 2)]


def test_resubmitted_after_changes_starts_again_at_level_one(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("Satu", None), ("Dua", None)])
    variant = make_variant(db, team, "review")
    workflow.approve(db, variant.id, team["section"].id)
    assert workflow.approval_state(db, variant.id).done == 1
    workflow.transition(db, variant.id, "changes", by=team["head"].id, comment="Perbaiki angka")
    assert workflow.approval_state(db, variant.id).done == 0
    workflow.transition(db, variant.id, "review", by=team["editor"].id)
    state = workflow.approval_state(db, variant.id)
    assert state.done == 0 and state.next_level.position == 1
    assert workflow.approve(db, variant.id, team["head"].id).status == "review"
    assert workflow.approve(db, variant.id, team["section"].id).status == "approved"


def test_a_named_approver_at_a_level_refuses_another(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("Kepala Biro", team["head"].id)])
    variant = make_variant(db, team, "review")
    with pytest.raises(WorkflowError) as info:
        workflow.approve(db, variant.id, team["section"].id)
    assert "Kepala Biro" in str(info.value)
    assert posts.get_variant(db, variant.id).status == "review"
    assert workflow.approve(db, variant.id, team["head"].id).status == "approved"


def test_the_post_s_chosen_approver_is_the_one_for_a_single_open_level(db, team):
    post = posts.create(db, "Kuis", unit_id=team["unit"].id, approver_id=team["head"].id)
    variant = posts.add_variant(db, post.id, team["ig"].id, "Ayo ikut", "review")
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, team["section"].id)
    assert workflow.approve(db, variant.id, team["head"].id).status == "approved"


@pytest.mark.parametrize("who", ["editor", "admin", "gone"])
def test_only_active_approvers_approve(db, team, who):
    variant = make_variant(db, team, "review")
    with pytest.raises(WorkflowError) as info:
        workflow.approve(db, variant.id, team[who].id)
    assert team[who].name in str(info.value)
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, None)
    assert posts.get_variant(db, variant.id).status == "review"
    assert len(workflow.history(db, variant.id)) == 1


@pytest.mark.parametrize("who", ["editor", "gone"])
def test_a_level_cannot_name_a_non_approver(db, team, who):
    with pytest.raises(WorkflowError):
        workflow.set_approval(db, team["unit"].id, "levels", [("Satu", team[who].id)])
    assert workflow.approval_mode(db, team["unit"].id) == "inherit"


def test_levels_need_at_least_one(db, team):
    with pytest.raises(ValidationError):
        workflow.set_approval(db, team["unit"].id, "levels", [])
    with pytest.raises(ValidationError):
        workflow.set_approval(db, team["unit"].id, "sometimes")


def test_no_approval_lets_a_draft_go_straight_to_approved(db, team):
    assert workflow.set_approval(db, team["unit"].id, "none") == []
    variant = make_variant(db, team, "draft")
    approved = workflow.transition(db, variant.id, "approved", by=team["editor"].id)
    assert approved.status == "approved"
    assert workflow.history(db, variant.id)[-1].member_id == team["editor"].id


def test_no_approval_still_checks_the_rules(db, team):
    workflow.set_approval(db, team["unit"].id, "none")
    variant = make_variant(db, team, "draft", text="   ")
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, None)
    assert posts.get_variant(db, variant.id).status == "draft"


def test_a_child_unit_follows_its_parent_s_levels(db, team):
    child = units.create(db, "Subbag Publikasi", parent_id=team["unit"].id)
    grandchild = units.create(db, "Tim Medsos", parent_id=child.id)
    workflow.set_approval(db, team["unit"].id, "levels", [("A", None), ("B", team["head"].id)])
    assert [lv.title for lv in workflow.levels_for_unit(db, grandchild.id)] == ["A", "B"]
    workflow.set_approval(db, child.id, "none")
    assert workflow.levels_for_unit(db, grandchild.id) == []
    workflow.set_approval(db, child.id, "inherit")
    post = posts.create(db, "Kegiatan", unit_id=grandchild.id)
    variant = posts.add_variant(db, post.id, team["ig"].id, "Teks", "review")
    assert workflow.approve(db, variant.id, team["section"].id).status == "review"


def test_setting_levels_again_replaces_them(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("A", None), ("B", None)])
    levels = workflow.set_approval(db, team["unit"].id, "levels", [("Satu-satunya", None)])
    assert [(lv.position, lv.title) for lv in levels] == [(1, "Satu-satunya")]


# --- rules that gate approval ---------------------------------------------------------------


def test_empty_text_blocks_approval(db, team):
    variant = make_variant(db, team, "review", text="  \n ")
    assert workflow.approval_problems(db, variant.id)
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, team["head"].id)
    assert posts.get_variant(db, variant.id).status == "review"
    hashtags_only = make_variant(db, team, "review", text="", hashtags="#SobatMutu")
    assert workflow.approval_problems(db, hashtags_only.id) == []


def test_over_the_platform_limit_blocks_approval(db, team):
    over = make_variant(db, team, "review", account="x", text="a" * 281)
    (problem,) = workflow.approval_problems(db, over.id)
    assert "281" in problem and "280" in problem
    with pytest.raises(WorkflowError) as info:
        workflow.approve(db, over.id, team["head"].id)
    assert "281" in str(info.value)
    fits = make_variant(db, team, "review", account="x", text="a" * 280)
    assert workflow.approval_problems(db, fits.id) == []
    assert workflow.approve(db, fits.id, team["head"].id).status == "approved"


def test_hashtags_count_towards_the_limit(db, team):
    variant = make_variant(db, team, "review", account="x", text="a" * 270, hashtags="#SobatMutu")
    assert workflow.approval_problems(db, variant.id)  # 270 + 2 newlines + 10 = 282


def test_an_archived_account_blocks_approval(db, team):
    variant = make_variant(db, team, "review")
    accounts.set_archived(db, team["ig"].id, True)
    (problem,) = workflow.approval_problems(db, variant.id)
    assert "humas_kota" in problem
    with pytest.raises(WorkflowError):
        workflow.approve(db, variant.id, team["head"].id)


def test_a_registered_rule_joins_the_gate(db, team):
    variant = make_variant(db, team, "review", text="Belum dicek nada bahasanya")
    calls = []

    def tone_checked(database, checked):
        calls.append(checked.id)
        return ["Checklist nada belum diisi."] if "Belum" in checked.text else []

    workflow.approval_rule(tone_checked)
    try:
        assert workflow.approval_problems(db, variant.id) == ["Checklist nada belum diisi."]
        with pytest.raises(WorkflowError) as info:
            workflow.approve(db, variant.id, team["head"].id)
        assert "Checklist nada belum diisi." in str(info.value)
        assert posts.get_variant(db, variant.id).status == "review"
        posts.update_variant(db, variant.id, text="Sudah dicek")
        workflow.transition(db, variant.id, "review")
        assert workflow.approve(db, variant.id, team["head"].id).status == "approved"
        assert calls and set(calls) == {variant.id}
    finally:
        workflow.APPROVAL_RULES.remove(tone_checked)


# --- history, warnings, cancelling ----------------------------------------------------------


def test_history_keeps_who_when_level_and_comment_in_order(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("Satu", None), ("Dua", None)])
    variant = make_variant(db, team, "draft", by=team["editor"].id, at=AT)
    steps = [
        ("review", team["editor"].id, "", AT + dt.timedelta(hours=1)),
        ("approved", team["section"].id, "Bagus", AT + dt.timedelta(hours=2)),
        ("approved", team["head"].id, "", AT + dt.timedelta(hours=3)),
        ("changes", team["head"].id, "Foto diganti", AT + dt.timedelta(hours=4)),
    ]
    for target, by, comment, at in steps:
        workflow.transition(db, variant.id, target, by=by, comment=comment, at=at)
    entries = workflow.history(db, variant.id)
    assert [
        (e.from_status, e.to_status, e.member_id, e.member_name, e.level, e.comment)
        for e in entries
    ] == [
        (None, "draft", team["editor"].id, "Ana", None, ""),
        ("draft", "review", team["editor"].id, "Ana", None, ""),
        ("review", "review", team["section"].id, "Kasubbag", 1, "Bagus"),
        ("review", "approved", team["head"].id, "Kepala Biro", 2, ""),
        ("approved", "changes", team["head"].id, "Kepala Biro", None, "Foto diganti"),
    ]
    assert [e.at for e in entries] == [
        f"2026-11-20T{hour:02d}:00:00+07:00" for hour in (9, 10, 11, 12, 13)
    ]
    assert entries[0].when == dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)


def test_history_is_ordered_by_time_not_by_entry(db, team):
    variant = make_variant(db, team, "idea", at=AT)
    workflow.transition(db, variant.id, "draft", at=AT + dt.timedelta(days=2))
    workflow.transition(db, variant.id, "idea", at=AT + dt.timedelta(days=1))
    assert [e.to_status for e in workflow.history(db, variant.id)] == ["idea", "idea", "draft"]


def test_a_past_planned_time_is_a_warning_until_it_is_finished(db, team):
    past = make_variant(db, team, "scheduled", planned_at="2020-01-01 09:00")
    (warning,) = workflow.warnings(db, past.id)
    assert warning
    future = make_variant(db, team, "scheduled", planned_at="2099-01-01 09:00")
    assert workflow.warnings(db, future.id) == []
    undated = make_variant(db, team, "idea")
    assert workflow.warnings(db, undated.id) == []
    workflow.transition(db, past.id, "published", published_at="2020-01-01 09:05")
    assert workflow.warnings(db, past.id) == []


def test_cancel_post_leaves_published_variants_alone(db, team):
    post = posts.create(db, "Bulan Mutu", unit_id=team["unit"].id)
    done = posts.add_variant(
        db, post.id, team["ig"].id, "Teks", "published", published_at="2026-11-20 10:00"
    )
    coming = posts.add_variant(
        db, post.id, team["x"].id, "Teks", "scheduled", planned_at="2026-12-01 09:00"
    )
    third = posts.add_variant(db, post.id, accounts.create(db, "facebook", "humaskota").id)
    assert workflow.cancel_post(db, post.id, by=team["editor"].id, comment="Ditunda") == 2
    assert posts.get_variant(db, done.id).status == "published"
    assert posts.get_variant(db, coming.id).status == "cancelled"
    assert posts.get_variant(db, third.id).status == "cancelled"
    assert workflow.history(db, coming.id)[-1].comment == "Ditunda"
    assert len(workflow.history(db, done.id)) == 1
    assert workflow.cancel_post(db, post.id) == 0  # already cancelled: nothing more to do


def test_a_post_cannot_be_marked_published_in_the_future(db, without_checklist):
    from core import accounts, posts, timezone

    account = accounts.create(db, platform="instagram", handle="bmsn_ri")
    post = posts.create(db, "Hari Ibu")
    variant = posts.add_variant(db, post.id, account.id, "Selamat Hari Ibu", "draft")
    workflow.set_approval(db, units.create(db, "Humas").id, "none")
    posts.update(db, post.id, unit_id=units.list_all(db)[0].id)
    workflow.approve(db, variant.id, None)
    tomorrow = timezone.latest_today(db) + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        workflow.transition(db, variant.id, "published", published_at=f"{tomorrow} 09:00")
    assert info.value.field == "published_at"
    assert posts.get_variant(db, variant.id).status == "approved"


def test_one_person_cannot_approve_two_levels(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("Kasubbag", None), ("Kepala", None)])
    variant = make_variant(db, team, "review")
    workflow.approve(db, variant.id, team["head"].id)
    with pytest.raises(WorkflowError, match="Kepala Biro"):
        workflow.approve(db, variant.id, team["head"].id)
    assert posts.get_variant(db, variant.id).status == "review"
    assert workflow.approve(db, variant.id, team["section"].id).status == "approved"


def test_a_level_added_in_front_half_way_is_not_counted_as_done(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("Kepala", None), ("Akhir", None)])
    variant = make_variant(db, team, "review")
    workflow.approve(db, variant.id, team["head"].id)  # level 1 of 2
    workflow.set_approval(
        db,
        team["unit"].id,
        "levels",
        [("Kasubbag", team["section"].id), ("Kepala", None), ("Akhir", None)],
    )
    state = workflow.approval_state(db, variant.id)
    assert state.done == 0 and state.next_level.title == "Kasubbag"


def test_fewer_levels_half_way_finish_with_one_more_approval(db, team):
    workflow.set_approval(db, team["unit"].id, "levels", [("Satu", None), ("Dua", None)])
    variant = make_variant(db, team, "review")
    workflow.approve(db, variant.id, team["head"].id)
    workflow.set_approval(db, team["unit"].id, "levels", [("Satu", None)])
    assert workflow.approval_state(db, variant.id).done == 1  # and still in review
    done = workflow.approve(db, variant.id, team["section"].id)  # no crash: it finishes
    assert done.status == "approved"


def test_a_named_approver_who_left_holds_nobody_up(db, team):
    from core import members as core_members

    workflow.set_approval(db, team["unit"].id, "levels", [("Kasubbag", team["section"].id)])
    variant = make_variant(db, team, "review")
    core_members.deactivate(db, team["section"].id, None)
    assert workflow.approve(db, variant.id, team["head"].id).status == "approved"
