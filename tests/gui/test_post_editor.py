"""The post editor: a post and its variants saved all or nothing, the live counter, the
snippets and master text, the workflow steps from a variant's tab, files that went missing,
and a file open read-only."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap, QShortcut

from core import accounts, members, pillars, posts, timezone, units, workflow
from core.db import open_database
from core.i18n import _
from gui.forms import FormDialog
from gui.post_editor import PostEditor, edit_post
from gui.session import Session

DAY = dt.date(2026, 12, 3)


@pytest.fixture
def team(db, without_checklist):
    humas = units.create(db, "Biro Hubungan Masyarakat", "Humas")
    return {
        "unit": humas,
        "dimas": members.create(db, "Dimas Prasetyo", "editor", humas.id),
        "agus": members.create(db, "Agus Setiawan", "approver", humas.id),
        "hartini": members.create(db, "Hartini Susanto", "approver", humas.id),
        "x": accounts.create(db, "x", "bmsn_ri", unit_id=humas.id),
        "instagram": accounts.create(db, "instagram", "bmsn_ri", unit_id=humas.id),
        "youtube": accounts.create(db, "youtube", "bmsnri", unit_id=humas.id),
        "old": accounts.create(db, "facebook", "bmsn.lama", unit_id=humas.id),
        "peer": accounts.create(db, "x", "piawaian_lpk", peer=True),
    }


@pytest.fixture
def session(db):
    return Session(db, today=dt.date(2026, 11, 25))


def open_editor(qtbot, session, post_id=None, **kwargs):
    editor = PostEditor(session, post_id, day=kwargs.pop("day", DAY), **kwargs)
    qtbot.addWidget(editor)
    return editor


def answer_forms(monkeypatch, fill, seen=None):
    """Someone answers each form a step asks: `fill(form)`, then Save (and notes whether
    the form could be saved in `seen`)."""
    monkeypatch.setattr("gui.tabs.nobody_to_ask", lambda: False)
    # Who is working here is asked once per file and computer: the first member answers.
    monkeypatch.setattr(
        "gui.acting.QInputDialog.getItem", lambda parent, title, text, items, *a: (items[0], True)
    )

    def fake_exec(form):
        fill(form)
        if seen is not None:
            seen.append(form.save_button.isEnabled())
        form.accept()
        if not form.result():
            form.reject()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", fake_exec)


def new_post(qtbot, session, team, *platforms, title="Kenali Tanda SNI"):
    editor = open_editor(qtbot, session)
    editor.title.setText(title)
    editor.text.setPlainText("Sebelum membeli kabel listrik, cek tanda SNI.")
    tabs = [editor.add_account(team[platform]) for platform in platforms]
    return editor, tabs


def test_a_new_post_with_two_accounts_is_saved_in_one_go(qtbot, session, team, changes):
    editor, (x_tab, ig_tab) = new_post(qtbot, session, team, "x", "instagram")
    assert editor.planned.value() == dt.datetime(2026, 12, 3, 9, 0)
    assert editor.planned.zone.text() == "WIB"
    assert x_tab.text.toPlainText() == "Sebelum membeli kabel listrik, cek tanda SNI."
    ig_tab.hashtags.setText("#SobatMutu")
    assert editor.tabs.tabText(1) == "Instagram @bmsn_ri"

    assert editor.save()

    post = posts.get(session.db, editor.post_id)
    assert post.title == "Kenali Tanda SNI"
    assert post.unit_id == team["unit"].id  # taken from the first account
    variants = posts.variants_of(session.db, post.id)
    assert [v.account_id for v in variants] == [team["x"].id, team["instagram"].id]
    assert {v.status for v in variants} == {"draft"}
    assert variants[1].hashtags == "#SobatMutu"
    assert variants[0].planned_at == "2026-12-03T09:00:00+07:00"
    assert changes[-1].ids == {v.id for v in variants}
    assert ig_tab.badge.text() == posts.status_title("draft")
    assert not editor.dirty


def test_a_refused_variant_leaves_nothing_half_saved(qtbot, session, team):
    editor, (_x_tab, ig_tab) = new_post(qtbot, session, team, "x", "instagram")
    accounts.set_archived(session.db, team["instagram"].id, True)  # meanwhile, elsewhere

    assert not editor.save()

    assert session.db.conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 0
    assert session.db.conn.execute("SELECT count(*) FROM post_variants").fetchone()[0] == 0
    assert editor.post_id is None
    assert editor.tabs.currentWidget() is ig_tab
    assert "archived" in ig_tab.message.text() or "arsip" in ig_tab.message.text()
    assert ig_tab.message.isVisibleTo(editor)
    assert editor.error.isVisibleTo(editor)


def test_a_refused_change_keeps_the_stored_post(qtbot, session, team):
    editor, _tabs = new_post(qtbot, session, team, "x")
    assert editor.save()
    editor.title.setText("Judul baru")
    editor.add_account(team["instagram"])
    accounts.set_archived(session.db, team["instagram"].id, True)

    assert not editor.save()

    assert posts.get(session.db, editor.post_id).title == "Kenali Tanda SNI"
    assert len(posts.variants_of(session.db, editor.post_id)) == 1


def test_an_empty_title_is_shown_under_the_fields(qtbot, session, team):
    editor, _tabs = new_post(qtbot, session, team, "x", title="  ")
    assert not editor.save()
    assert editor.error.text().startswith(_("Not saved: {error}").split("{")[0])
    assert editor.labels["title"].text().replace("&", "") in editor.error.text()


def test_the_counter_turns_red_over_the_x_limit(qtbot, session, team):
    editor, (x_tab,) = new_post(qtbot, session, team, "x")
    link = "https://www.bmsn.go.id/berita/2026/12/03/kenali-tanda-sni-pada-kabel-listrik"
    x_tab.text.setPlainText("a" * 253 + " " + link + " 🙂")  # 253 + 1 + 23 + 1 + 2
    assert x_tab.counter.text() == "280 / 280"
    assert not x_tab.counter.property("over")
    assert not x_tab.problems.isVisibleTo(x_tab)

    x_tab.text.setPlainText(x_tab.text.toPlainText() + "🙂")
    assert x_tab.counter.text() == "282 / 280"
    assert x_tab.counter.property("over")
    assert "#b3261e" in x_tab.counter.styleSheet()
    assert x_tab.problems.isVisibleTo(x_tab)
    assert "282" in x_tab.problems.text()


def test_instagram_counts_hashtags_and_youtube_its_title(qtbot, session, team):
    editor, (ig_tab, yt_tab) = new_post(qtbot, session, team, "instagram", "youtube")
    ig_tab.hashtags.setText(" ".join(f"#tag{n}" for n in range(31)))
    assert "31 / 30" in ig_tab.counter.text()
    assert ig_tab.counter.property("over")

    yt_tab.text.setPlainText("Kenali Tanda SNI\nDeskripsi video.")
    assert yt_tab.counter.text().startswith(
        _("Title {used} / {allowed}").format(used=16, allowed=100)
    )
    assert _("Description {used} / {allowed}").format(used=16, allowed="5.000") in (
        yt_tab.counter.text()
    )
    assert yt_tab.preview.title.text() == "Kenali Tanda SNI"


def test_copy_from_master_and_a_snippet(qtbot, session, team):
    pillars.save_snippet(session.db, "hashtags", "Tagar BMSN", "#SobatMutu #BMSN")
    pillars.save_snippet(session.db, "text", "Penutup", "Salam Mutu!")
    editor, (x_tab,) = new_post(qtbot, session, team, "x")
    x_tab.text.setPlainText("Teks lain")
    editor.text.setPlainText("Teks utama yang baru.")

    x_tab.copy_button.click()
    assert x_tab.text.toPlainText() == "Teks utama yang baru."

    actions = {a.text(): a for a in x_tab.snippet_menu.actions() if not a.isSeparator()}
    actions["Penutup"].trigger()
    assert x_tab.text.toPlainText() == "Teks utama yang baru.\n\nSalam Mutu!"
    actions["Tagar BMSN"].trigger()
    assert x_tab.hashtags.text() == "#SobatMutu #BMSN"
    assert "#BMSN" in x_tab.preview.body.text()


def test_archived_and_peer_accounts_are_not_offered(qtbot, session, team):
    accounts.set_archived(session.db, team["old"].id, True)
    editor, _tabs = new_post(qtbot, session, team, "x")
    editor.fill_account_menu()
    offered = [a.text() for a in editor.account_menu.actions()]
    assert "Instagram  @bmsn_ri" in offered
    assert "YouTube  bmsnri" in offered
    assert not any("bmsn.lama" in text or "piawaian" in text for text in offered)
    assert not any(text.startswith("X ") for text in offered)  # X already has its tab


def stored_in_review(qtbot, session, team):
    editor, (x_tab,) = new_post(qtbot, session, team, "x")
    editor.approver.setCurrentIndex(editor.approver.findData(team["agus"].id))
    assert editor.save()
    x_tab.step_buttons()["review"].click()
    assert x_tab.variant.status == "review"
    return editor, x_tab


def test_submit_then_approve_by_the_named_approver(qtbot, session, team, monkeypatch, changes):
    editor, x_tab = stored_in_review(qtbot, session, team)
    history = [
        x_tab.history.topLevelItem(i).text(2) for i in range(x_tab.history.topLevelItemCount())
    ]
    assert history[-1] == f"{posts.status_title('draft')} → {posts.status_title('review')}"
    assert changes[-1].ids == {x_tab.variant.id}

    offered = []

    def choose(form, who):
        offered[:] = [form.approver.itemText(i) for i in range(form.approver.count())]
        form.approver.setCurrentIndex(form.approver.findData(team[who].id))

    answer_forms(monkeypatch, lambda form: choose(form, "hartini"))
    x_tab.step_buttons()["approved"].click()
    assert offered == ["Agus Setiawan", "Hartini Susanto"]  # approvers only
    assert x_tab.variant.status == "review"
    assert x_tab.message.isVisibleTo(x_tab)
    assert "Agus Setiawan" in x_tab.message.text() and "Hartini Susanto" in x_tab.message.text()

    answer_forms(monkeypatch, lambda form: choose(form, "agus"))
    x_tab.step_buttons()["approved"].click()
    assert posts.get_variant(session.db, x_tab.variant.id).status == "approved"
    assert x_tab.badge.text() == posts.status_title("approved")
    assert not x_tab.message.isVisibleTo(x_tab)


def test_a_member_without_the_approver_role_is_refused(qtbot, session, team, monkeypatch):
    editor, x_tab = stored_in_review(qtbot, session, team)
    monkeypatch.setattr("gui.variant_editor.ask_step", lambda *args: {"by": team["dimas"].id})
    x_tab.step_buttons()["approved"].click()
    assert x_tab.variant.status == "review"
    assert "Dimas Prasetyo" in x_tab.message.text()
    assert x_tab.message.isVisibleTo(x_tab)


def test_needs_changes_asks_for_a_comment(qtbot, session, team, monkeypatch):
    editor, x_tab = stored_in_review(qtbot, session, team)
    could_save = []
    answer_forms(monkeypatch, lambda form: None, could_save)
    x_tab.step_buttons()["changes"].click()
    assert could_save == [False]  # Save waits for the comment
    assert x_tab.variant.status == "review"

    answer_forms(monkeypatch, lambda form: form.comment.setPlainText("Sebutkan nomor SNI-nya."))
    x_tab.step_buttons()["changes"].click()
    assert x_tab.variant.status == "changes"
    last = workflow.history(session.db, x_tab.variant.id)[-1]
    assert last.comment == "Sebutkan nomor SNI-nya."
    count = x_tab.history.topLevelItemCount()
    assert x_tab.history.topLevelItem(count - 1).text(4) == "Sebutkan nomor SNI-nya."


def test_a_step_saves_pending_edits_first(qtbot, session, team):
    editor, (x_tab,) = new_post(qtbot, session, team, "x")
    assert editor.save()
    x_tab.text.setPlainText("Teks yang diperbaiki.")
    x_tab.step_buttons()["review"].click()
    stored = posts.get_variant(session.db, x_tab.variant.id)
    assert (stored.text, stored.status) == ("Teks yang diperbaiki.", "review")
    assert not editor.dirty


def test_a_missing_file_shows_as_missing(qtbot, session, team, tmp_path):
    image = tmp_path / "infografis.png"
    pixmap = QPixmap(400, 300)
    pixmap.fill(QColor("#3f6ab0"))
    assert pixmap.save(str(image))
    gone = tmp_path / "foto-kegiatan.jpg"
    post = posts.create(session.db, "Kenali Tanda SNI", unit_id=team["unit"].id)
    posts.set_attachments(session.db, post.id, [str(gone), str(image)])
    posts.add_variant(session.db, post.id, team["instagram"].id, "Teks", "draft")

    editor = open_editor(qtbot, session, post.id)

    missing, present = (editor.attachment_list.item(row) for row in range(2))
    assert missing.text() == _("{name} — missing").format(name="foto-kegiatan.jpg")
    assert not missing.icon().isNull()
    assert present.text() == "infografis.png"
    preview = editor.tabs.widget(0).preview.image.pixmap()
    assert (preview.width(), preview.height()) == (280, 350)  # cropped to Instagram's 4:5


def test_a_read_only_file_changes_nothing(qtbot, tmp_path, team, db):
    post = posts.create(db, "Kenali Tanda SNI", unit_id=team["unit"].id)
    posts.add_variant(db, post.id, team["x"].id, "Teks", "draft")
    db.close()
    read_only = open_database(tmp_path / "test.sqlite", read_only=True)
    try:
        editor = open_editor(qtbot, Session(read_only), post.id)
        tab = editor.tabs.widget(0)
        assert editor.title.isReadOnly() and tab.text.isReadOnly()
        assert not editor.pillar.isEnabled() and not tab.copy_button.isEnabled()
        assert not editor.save_button.isVisibleTo(editor)
        assert not tab.steps_row.isVisibleTo(editor)
        assert editor.close_button.isEnabled()
        assert not editor.save()
    finally:
        read_only.close()


def test_unsaved_changes_are_kept_when_nobody_can_answer(qtbot, session, team):
    editor, _tabs = new_post(qtbot, session, team, "x")
    editor.show()
    editor.reject()  # offscreen: nobody to ask, so the editor stays open
    assert editor.isVisible()
    assert editor.save()
    editor.reject()
    assert not editor.isVisible()


def test_edit_post_opens_on_the_variant_asked_for(qtbot, session, team, monkeypatch):
    post = posts.create(session.db, "Kenali Tanda SNI", unit_id=team["unit"].id)
    posts.add_variant(session.db, post.id, team["x"].id, "Teks", "draft")
    wanted = posts.add_variant(session.db, post.id, team["instagram"].id, "Teks", "draft")
    shown = []

    def fake_exec(dialog):
        shown.append(dialog.tabs.currentWidget().variant.id)
        dialog.save_and_close()
        return dialog.result()

    monkeypatch.setattr(PostEditor, "exec", fake_exec)
    assert edit_post(None, session, post.id, variant_id=wanted.id) == post.id
    assert shown == [wanted.id]


def test_keyboard_ctrl_s_saves_and_ctrl_enter_closes(qtbot, session, team):
    editor, _tabs = new_post(qtbot, session, team, "x")
    editor.show()
    # Offscreen windows are never active, so the shortcuts are triggered, not typed.
    shortcuts = {s.key().toString(): s for s in editor.findChildren(QShortcut)}
    shortcuts["Ctrl+S"].activated.emit()
    assert editor.post_id is not None and editor.isVisible()
    editor.title.setText("Judul baru")
    shortcuts["Ctrl+Return"].activated.emit()
    assert not editor.isVisible()
    assert posts.get(session.db, editor.post_id).title == "Judul baru"


def test_two_levels_show_where_the_approval_stands(qtbot, session, team, monkeypatch):
    workflow.set_approval(
        session.db,
        team["unit"].id,
        "levels",
        [("Kepala Subbagian", team["agus"].id), ("Kepala Biro", None)],
    )
    editor, x_tab = stored_in_review(qtbot, session, team)
    assert x_tab.level.text() == _("Level {position} of {count}: {title}").format(
        position=1, count=2, title="Kepala Subbagian"
    )
    answer_forms(
        monkeypatch,
        lambda form: form.approver.setCurrentIndex(form.approver.findData(team["agus"].id)),
    )
    x_tab.step_buttons()["approved"].click()
    assert x_tab.variant.status == "review"
    assert x_tab.level.text().endswith("Kepala Biro")
    last = x_tab.history.topLevelItem(x_tab.history.topLevelItemCount() - 1)
    assert last.text(2) == _("Approved at level {level}").format(level=1)
    assert (last.text(1), last.text(3)) == ("Agus Setiawan", "1")


def test_mark_published_asks_the_link_and_the_time(qtbot, session, team, monkeypatch):
    workflow.set_approval(session.db, team["unit"].id, "none")
    editor, (x_tab,) = new_post(qtbot, session, team, "x")
    assert editor.save()
    x_tab.step_buttons()["approved"].click()  # no approval needed: at once
    assert x_tab.variant.status == "approved"

    def fill(form):
        form.url.setText("https://x.com/bmsn_ri/status/1")
        form.published.setDateTime(
            form.published.dateTime().fromString("2026-11-26T09:05:00", Qt.DateFormat.ISODate)
        )

    answer_forms(monkeypatch, fill)
    x_tab.step_buttons()["published"].click()
    stored = posts.get_variant(session.db, x_tab.variant.id)
    assert stored.status == "published"
    assert stored.url == "https://x.com/bmsn_ri/status/1"
    assert stored.published_at == "2026-11-26T09:05:00+07:00"
    assert x_tab.step_buttons() == {}


def test_a_new_post_starts_with_the_add_account_button(qtbot, session, team):
    editor = open_editor(qtbot, session)
    editor.show()
    assert editor.first_account_button.isVisible()
    assert not editor.tabs.isVisible()
    editor.fill_account_menu()
    next(a for a in editor.account_menu.actions() if "bmsn_ri" in a.text()).trigger()
    assert editor.tabs.isVisible() and editor.tabs.count() == 1
    editor.remove_variant(0)  # not saved yet: simply gone
    assert editor.first_account_button.isVisible()


def test_files_dropped_on_the_list_are_added(qtbot, session, team, tmp_path):
    editor = open_editor(qtbot, session)
    editor.attachment_list.files_dropped.emit([str(tmp_path / "a.png"), str(tmp_path / "b.mp4")])
    assert editor.attachment_paths() == [str(tmp_path / "a.png"), str(tmp_path / "b.mp4")]
    editor.attachment_list.setCurrentRow(0)
    editor.remove_file_button.click()
    assert editor.attachment_paths() == [str(tmp_path / "b.mp4")]


def test_approve_waits_while_the_text_is_over_the_limit(qtbot, session, team):
    editor, x_tab = stored_in_review(qtbot, session, team)
    assert x_tab.step_buttons()["approved"].isEnabled()
    x_tab.text.setPlainText("a" * 281)
    approve = x_tab.step_buttons()["approved"]
    assert not approve.isEnabled()
    assert "281" in approve.toolTip()
    x_tab.text.setPlainText("Cukup pendek.")
    assert x_tab.step_buttons()["approved"].isEnabled()


def test_steps_are_recorded_as_the_member_working_here(qtbot, session, team, monkeypatch):
    from gui import acting

    asked = []
    monkeypatch.setattr("gui.tabs.nobody_to_ask", lambda: False)

    def pick(parent, title, text, items, *args):
        asked.append(items)
        return next(item for item in items if item.startswith("Dimas")), True

    monkeypatch.setattr("gui.acting.QInputDialog.getItem", pick)
    editor, (x_tab,) = new_post(qtbot, session, team, "x")
    assert editor.save()
    x_tab.step_buttons()["review"].click()  # asks once who is working here
    x_tab.step_buttons()["draft"].click()  # then remembers
    assert len(asked) == 1
    who = [x_tab.history.topLevelItem(i).text(1) for i in range(x_tab.history.topLevelItemCount())]
    assert who[-2:] == ["Dimas Prasetyo", "Dimas Prasetyo"]
    assert acting.current_member(session).name == "Dimas Prasetyo"
    x_tab.step_buttons()["review"].click()
    x_tab.text.setPlainText("Teks baru setelah ditinjau")  # what was sent for review changed
    assert editor.save()
    last = workflow.history(session.db, x_tab.variant.id)[-1]
    assert (last.from_status, last.to_status, last.member_name) == (
        "review",
        "draft",
        "Dimas Prasetyo",
    )


def test_ticking_an_undated_time_gives_a_real_day_not_the_year_2000(qtbot, session, team):
    from gui.variant_editor import PlannedTimeEdit

    edit = PlannedTimeEdit(timezone.institution_zone(session.db))
    qtbot.addWidget(edit)
    edit.set_value(dt.datetime(2026, 12, 3, 9, 0))
    edit.set_value(None)  # another, undated variant shown in the same widget
    edit.check.setChecked(True)
    assert edit.value() == dt.datetime(2026, 12, 3, 9, 0)


def test_a_cancelled_variant_does_not_follow_the_post_s_new_time(qtbot, session, team):
    editor, (x_tab, ig_tab) = new_post(qtbot, session, team, "x", "instagram")
    assert editor.save()
    workflow.transition(session.db, x_tab.variant.id, "cancelled")
    x_tab.reload()
    assert not x_tab.planned.edit.isEnabled() and not x_tab.planned.check.isEnabled()
    editor.planned.set_value(dt.datetime(2026, 12, 5, 10, 0))
    assert editor.save()
    assert posts.get_variant(session.db, x_tab.variant.id).planned_at.startswith("2026-12-03")
    assert posts.get_variant(session.db, ig_tab.variant.id).planned_at.startswith("2026-12-05")
