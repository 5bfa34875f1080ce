"""The approval dialog (who approves a unit's posts, level by level) and the lists dialog
(pillars and snippets), and the snippet reaching the post editor."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from core import accounts, members, pillars, units, workflow
from gui.approval_dialog import ApprovalDialog, edit_approval
from gui.forms import FormDialog
from gui.lists_dialog import ListsDialog
from gui.post_editor import PostEditor
from gui.session import Session


@pytest.fixture
def team(db):
    bureau = units.create(db, "Biro Hubungan Masyarakat", "Humas")
    section = units.create(db, "Subbagian Media Digital", "Media Digital", parent_id=bureau.id)
    return {
        "bureau": bureau,
        "section": section,
        "dimas": members.create(db, "Dimas Prasetyo", "editor", section.id),
        "agus": members.create(db, "Agus Setiawan", "approver", section.id),
        "hartini": members.create(db, "Hartini Susanto", "approver", bureau.id),
        "x": accounts.create(db, "x", "bmsn_ri", unit_id=section.id),
    }


@pytest.fixture
def session(db):
    return Session(db, today=dt.date(2026, 11, 25))


def answer_forms(monkeypatch, fill):
    """Each form the dialog opens is filled by `fill(fields)` and saved."""

    def fake_exec(form):
        fill({key: widget for key, (_label, widget) in form.fields.items()})
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", fake_exec)


def test_the_approval_dialog_saves_two_levels(qtbot, session, team, changes):
    dialog = ApprovalDialog(session, team["section"].id)
    qtbot.addWidget(dialog)
    assert dialog.inherit.isChecked()
    assert not dialog.table.isEnabled()

    dialog.levels_mode.setChecked(True)
    assert dialog.table.rowCount() == 1  # a first level to fill in
    dialog.table.item(0, 0).setText("Kepala Subbagian")
    approver = dialog.table.cellWidget(0, 1)
    assert [approver.itemText(i) for i in range(1, approver.count())] == [
        "Agus Setiawan",
        "Hartini Susanto",
    ]
    approver.setCurrentIndex(approver.findData(team["agus"].id))
    dialog.add_button.click()
    dialog.table.item(1, 0).setText("Kepala Biro")
    dialog.accept()

    assert dialog.result() == 1
    assert workflow.approval_mode(session.db, team["section"].id) == "levels"
    assert [
        (lv.title, lv.approver_id) for lv in workflow.own_levels(session.db, team["section"].id)
    ] == [
        ("Kepala Subbagian", team["agus"].id),
        ("Kepala Biro", None),
    ]
    assert changes[-1].kinds == {"units"} and changes[-1].ids == {team["section"].id}


def test_edits_of_several_units_are_saved_together(qtbot, session, team):
    dialog = ApprovalDialog(session, team["bureau"].id)
    qtbot.addWidget(dialog)
    dialog.none.setChecked(True)
    dialog.unit.setCurrentIndex(dialog.unit.findData(team["section"].id))
    assert dialog.inherit.isChecked()  # the section's own setting
    dialog.unit.setCurrentIndex(dialog.unit.findData(team["bureau"].id))
    assert dialog.none.isChecked()  # the bureau's edit was kept meanwhile
    dialog.accept()
    assert workflow.approval_mode(session.db, team["bureau"].id) == "none"
    assert workflow.levels_for_unit(session.db, team["section"].id) == []


def test_a_level_without_a_title_is_refused_in_the_dialog(qtbot, session, team, monkeypatch):
    dialog = ApprovalDialog(session, team["section"].id)
    qtbot.addWidget(dialog)
    dialog.levels_mode.setChecked(True)
    dialog.table.item(0, 0).setText("  ")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.error.isVisibleTo(dialog)
    assert workflow.approval_mode(session.db, team["section"].id) == "inherit"
    monkeypatch.setattr(ApprovalDialog, "exec", lambda self: 0)
    assert edit_approval(None, session, team["section"].id) is False


def test_the_lists_dialog_adds_a_pillar_and_a_snippet(qtbot, session, team, monkeypatch, changes):
    dialog = ListsDialog(session)
    qtbot.addWidget(dialog)

    answer_forms(monkeypatch, lambda fields: fields["name"].setText("Hari besar nasional"))
    dialog.add_pillar_button.click()
    assert "Hari besar nasional" in [p.name for p in pillars.list_pillars(session.db)]
    assert dialog.pillar_list.findItems("Hari besar nasional", Qt.MatchFlag.MatchExactly)
    assert changes[-1].kinds == {"pillars"}

    def snippet(fields):
        fields["kind"].setCurrentIndex(fields["kind"].findData("hashtags"))
        fields["name"].setText("Tagar BMSN")
        fields["body"].setPlainText("#SobatMutu #BMSN")

    answer_forms(monkeypatch, snippet)
    dialog.add_snippet_button.click()
    assert [(s.kind, s.name, s.body) for s in pillars.list_snippets(session.db)] == [
        ("hashtags", "Tagar BMSN", "#SobatMutu #BMSN")
    ]
    assert changes[-1].kinds == {"snippets"}

    # The editor offers both at once.
    editor = PostEditor(session, day=dt.date(2026, 12, 3))
    qtbot.addWidget(editor)
    assert editor.pillar.findText("Hari besar nasional") > 0
    tab = editor.add_account(team["x"])
    tab.hashtags.setText("#SNI")
    action = next(a for a in tab.snippet_menu.actions() if a.text() == "Tagar BMSN")
    action.trigger()
    assert tab.hashtags.text() == "#SNI #SobatMutu #BMSN"


def test_archiving_a_pillar_hides_it_from_new_posts(qtbot, session, team):
    kept = pillars.add_pillar(session.db, "Kuis")
    dialog = ListsDialog(session)
    qtbot.addWidget(dialog)
    row = dialog.pillar_list.count() - 1
    dialog.pillar_list.setCurrentRow(row)
    dialog.archive_button.click()
    assert pillars.get_pillar(session.db, kept.id).archived
    assert "(" in dialog.pillar_list.item(row).text()  # "Kuis (archived)"
    editor = PostEditor(session, day=dt.date(2026, 12, 3))
    qtbot.addWidget(editor)
    assert editor.pillar.findText("Kuis") < 0


def test_deleting_a_snippet_asks_first(qtbot, session, team, monkeypatch):
    pillars.save_snippet(session.db, "text", "Penutup", "Salam Mutu!")
    dialog = ListsDialog(session)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.snippet_list.setCurrentItem(dialog.snippet_list.topLevelItem(0))
    dialog.delete_snippet_button.click()  # nobody to answer: nothing is deleted
    assert len(pillars.list_snippets(session.db)) == 1
    monkeypatch.setattr("gui.lists_dialog.confirm", lambda *args: True)
    dialog.delete_snippet_button.click()
    assert pillars.list_snippets(session.db) == []
    assert dialog.snippet_list.topLevelItemCount() == 0
