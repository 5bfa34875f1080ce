"""The tone checklist in the post editor: ticking stores at once as the member working here,
flags and hints follow the text as it is typed, and approving with required items unticked
needs an approver's written reason, which the history then shows."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from core import accounts, guidelines, members, posts, units, workflow
from gui.forms import FormDialog
from gui.post_editor import PostEditor
from gui.session import Session

DAY = dt.date(2026, 12, 3)


@pytest.fixture
def team(db, without_checklist):
    humas = units.create(db, "Biro Hubungan Masyarakat", "Humas")
    workflow.set_approval(db, humas.id, "levels", [("Kepala Biro", None)])
    guidelines.set_persona(db, words_avoid=["norak"], formal_phrases=["dalam rangka"])
    return {
        "unit": humas,
        "agus": members.create(db, "Agus Setiawan", "approver", humas.id),
        "ig": accounts.create(db, "instagram", "bmsn_ri", unit_id=humas.id),
        "facts": guidelines.add_item(db, "all", "content", "Fakta sudah dicek", required=True),
        "voice": guidelines.add_item(
            db, "all", "persona", "Sesuai persona", auto_check="avoid_words"
        ),
        "caption": guidelines.add_item(
            db, "instagram", "persona", "Caption berdiri sendiri", required=True
        ),
    }


@pytest.fixture
def editor(qtbot, db, team, monkeypatch):
    monkeypatch.setattr("gui.tabs.nobody_to_ask", lambda: False)
    monkeypatch.setattr(
        "gui.acting.QInputDialog.getItem", lambda parent, title, text, items, *a: (items[0], True)
    )
    session = Session(db, today=dt.date(2026, 11, 25))
    post = posts.create(db, "Kenali Tanda SNI", unit_id=team["unit"].id)
    variant = posts.add_variant(db, post.id, team["ig"].id, "Cek tanda SNI, Sobat!", "review")
    shown = PostEditor(session, post.id, day=DAY, variant_id=variant.id)
    qtbot.addWidget(shown)
    return shown


def tab_of(editor):
    return editor.tabs.currentWidget()


def row_of(tab, text):
    model = tab.checklist.model
    return next(model.index(i) for i in range(model.rowCount()) if model.rows[i].item.text == text)


def tick(tab, text):
    index = row_of(tab, text)
    assert tab.checklist.model.setData(
        index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )


def test_the_checklist_tab_counts_and_ticks_are_stored_as_the_member(editor, team, db):
    tab = tab_of(editor)
    assert tab.lower.tabText(0).endswith("0/3")
    tick(tab, "Fakta sudah dicek")
    rows = {c.item.text: c for c in guidelines.checklist(db, tab.variant.id)}
    assert rows["Fakta sudah dicek"].ticked
    assert rows["Fakta sudah dicek"].tick.member_name == "Agus Setiawan"
    assert tab.lower.tabText(0).endswith("1/3")
    assert "1" in tab.checklist.summary.text()  # one required left


def test_words_to_avoid_are_flagged_beside_the_item_as_they_are_typed(editor):
    tab = tab_of(editor)
    voice = row_of(tab, "Sesuai persona")
    assert "norak" not in tab.checklist.model.data(voice)
    tab.text.setPlainText("Jangan norak, Sobat!")
    voice = row_of(tab, "Sesuai persona")
    assert "norak" in tab.checklist.model.data(voice)


def test_hints_appear_under_the_text_while_writing(editor):
    tab = tab_of(editor)
    assert not tab.hints.isVisibleTo(tab)
    tab.text.setPlainText("Dalam rangka Hari Guru, kami mengucapkan terima kasih.")
    assert tab.hints.isVisibleTo(tab)
    assert "dalam rangka" in tab.hints.text()


def test_ticking_with_unsaved_text_saves_it_first_and_ticks_that_text(editor, db):
    tab = tab_of(editor)
    tab.text.setPlainText("Teks baru untuk Sobat")
    tick(tab, "Fakta sudah dicek")
    stored = posts.get_variant(db, tab.variant.id)
    assert stored.text == "Teks baru untuk Sobat"
    assert guidelines.checklist(db, stored.id)[0].ticked


def test_approve_asks_a_reason_for_unticked_required_items_and_keeps_it(
    editor, team, db, monkeypatch
):
    tab = tab_of(editor)
    tick(tab, "Fakta sudah dicek")
    seen = []

    def answer(form):
        seen.append(form.missing.text())
        assert "override" in form.revalidate()  # no reason yet
        form.override.setPlainText("Ucapan resmi dari pimpinan")
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", answer)
    tab.step_buttons()["approved"].click()
    assert "Caption berdiri sendiri" in seen[0] and "Fakta" not in seen[0]
    assert posts.get_variant(db, tab.variant.id).status == "approved"
    history = tab.history.topLevelItem(tab.history.topLevelItemCount() - 1)
    assert "Ucapan resmi dari pimpinan" in history.text(4)
    assert "Caption berdiri sendiri" in history.toolTip(4)


def test_a_form_without_a_reason_cannot_be_saved(editor, team, db, monkeypatch):
    tab = tab_of(editor)
    could_save = []

    def answer(form):
        could_save.append(not form.revalidate())
        form.reject()
        return 0

    monkeypatch.setattr(FormDialog, "exec", answer)
    tab.step_buttons()["approved"].click()
    assert could_save == [False]
    assert posts.get_variant(db, tab.variant.id).status == "review"


def test_the_checklist_closes_once_approved(editor, team, db):
    tab = tab_of(editor)
    for text in ("Fakta sudah dicek", "Caption berdiri sendiri"):
        tick(tab, text)
    workflow.approve(db, tab.variant.id, team["agus"].id)
    tab.reload()
    index = row_of(tab, "Fakta sudah dicek")
    assert not tab.checklist.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert tab.checklist.summary.text()


def test_the_checklist_model_passes_qt_s_checks(editor, qtmodeltester):
    qtmodeltester.check(tab_of(editor).checklist.model)


def test_a_later_level_sees_what_an_earlier_one_let_through(editor, team, db, monkeypatch):
    from gui.variant_editor import StepDialog

    second = members.create(db, "Hartini Susanto", "approver", team["unit"].id)
    workflow.set_approval(
        db, team["unit"].id, "levels", [("Kasubbag", team["agus"].id), ("Kepala", second.id)]
    )
    variant = tab_of(editor).variant
    guidelines.set_tick(db, variant.id, team["facts"].id)
    workflow.approve(db, variant.id, team["agus"].id, override="Ucapan resmi")
    dialog = StepDialog(editor.session, posts.get_variant(db, variant.id), "approved")
    notes = [label.text() for label in dialog.findChildren(type(tab_of(editor).hints))]
    assert any(
        "Agus Setiawan" in text and "Caption berdiri sendiri" in text and "Ucapan resmi" in text
        for text in notes
    )
    assert not hasattr(dialog, "override")  # nothing left to override at this level
