"""The team dialog: units in a hierarchy, members' contact, and a member who leaves
handing their accounts to a successor."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core import accounts, members, units
from core.i18n import _
from gui.forms import FormDialog
from gui.handover_dialog import HandoverDialog
from gui.team_dialog import TeamDialog


def answer_form(monkeypatch, fill, seen=None):
    """Replace FormDialog.exec: fill the fields with `fill(fields)`, press Save; if the form
    stays open, note what it says in `seen` and cancel."""

    def fake_exec(form):
        fill({key: widget for key, (_label, widget) in form.fields.items()})
        form.accept()
        if seen is not None:
            seen["accepted"] = form.result() == 1
            seen["error"] = form.error.text() if form.error.isVisibleTo(form) else None
        if not form.result():
            form.reject()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", fake_exec)


def choose(box, data):
    box.setCurrentIndex(box.findData(data))


@pytest.fixture
def team(db):
    """A bureau with a section, two members and two accounts run by the first."""
    bureau = units.create(db, "Biro Hubungan Masyarakat", "Humas")
    section = units.create(db, "Subbagian Media Digital", "Media Digital", parent_id=bureau.id)
    rina = members.create(db, "Rina Wulandari", "admin", section.id)
    dimas = members.create(db, "Dimas Prasetyo", "editor", section.id)
    held = [
        accounts.create(db, "instagram", "humas_kota", responsible_id=rina.id).id,
        accounts.create(db, "x", "humas_kota", responsible_id=rina.id).id,
    ]
    return {"bureau": bureau, "section": section, "rina": rina, "dimas": dimas, "held": held}


@pytest.fixture
def dialog(qtbot, db, team):
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    return dialog


def select(table, model, row_id):
    table.selectRow(next(i for i, row in enumerate(model.rows) if row.id == row_id))


def test_sub_units_are_listed_indented_under_their_unit(db, dialog, monkeypatch):
    names = [dialog.units_model.index(r, 0).data() for r in range(dialog.units_model.rowCount())]
    assert names[0] == "Biro Hubungan Masyarakat"
    assert names[1].endswith("Subbagian Media Digital") and names[1].startswith("\u2003")

    def fill(fields):
        fields["name"].setText("Pusat Pendidikan dan Pelatihan")
        assert fields["parent_id"].currentText() == _("(none — top level)")

    answer_form(monkeypatch, fill)
    dialog.edit_unit(new=True)
    top_level = [u.name for u in units.list_all(db) if u.parent_id is None]
    assert "Pusat Pendidikan dan Pelatihan" in top_level


def test_a_new_unit_goes_under_the_chosen_parent(db, dialog, team, monkeypatch):
    def fill(fields):
        fields["name"].setText("Subbagian Publikasi")
        choose(fields["parent_id"], team["bureau"].id)

    answer_form(monkeypatch, fill)
    dialog.edit_unit(new=True)
    [new] = [u for u in units.list_all(db) if u.name == "Subbagian Publikasi"]
    assert new.parent_id == team["bureau"].id
    names = [dialog.units_model.index(r, 0).data() for r in range(dialog.units_model.rowCount())]
    assert [n.strip("\u2003└ ") for n in names] == [
        "Biro Hubungan Masyarakat",
        "Subbagian Media Digital",
        "Subbagian Publikasi",
    ]


def test_a_unit_inside_its_own_sub_unit_is_refused_in_the_form(db, dialog, team, monkeypatch):
    select(dialog.units_table, dialog.units_model, team["bureau"].id)
    seen = {}

    def fill(fields):
        parent = fields["parent_id"]
        assert parent.findData(team["bureau"].id) < 0  # never offered as its own parent
        choose(parent, team["section"].id)

    answer_form(monkeypatch, fill, seen)
    dialog.edit_unit()
    assert not seen["accepted"]
    assert _("a unit cannot be placed inside itself or one of its sub-units") in seen["error"]
    assert units.get(db, team["bureau"].id).parent_id is None


def test_a_members_contact_is_saved_and_listed(db, dialog, monkeypatch):
    def fill(fields):
        fields["name"].setText("Hartini Susanto")
        fields["email"].setText("hartini@bmsn.go.id")
        fields["phone"].setText("0812 3456 7890")

    answer_form(monkeypatch, fill)
    dialog.edit_member(new=True)
    [hartini] = [m for m in members.list_all(db) if m.name == "Hartini Susanto"]
    assert (hartini.email, hartini.phone) == ("hartini@bmsn.go.id", "0812 3456 7890")
    model = dialog.members_model
    row = model.rows.index(hartini)
    shown = [model.index(row, c).data() for c in range(model.columnCount())]
    assert "hartini@bmsn.go.id" in shown and "0812 3456 7890" in shown


def test_a_bad_e_mail_address_keeps_the_member_form_open(db, dialog, team, monkeypatch):
    select(dialog.members_table, dialog.members_model, team["dimas"].id)
    seen = {}
    answer_form(monkeypatch, lambda f: f["email"].setText("dimas at bmsn"), seen)
    dialog.edit_member()
    assert not seen["accepted"] and seen["error"].startswith(_("&E-mail").replace("&", ""))
    assert members.get(db, team["dimas"].id).email == ""


def untick_active(fields):
    fields["active"].setChecked(False)


def test_unticking_active_hands_the_accounts_to_the_chosen_member(
    db, dialog, team, monkeypatch, changes
):
    rina, dimas = team["rina"], team["dimas"]
    asked = {}

    def hand_to_dimas(handover):
        asked["accounts"] = handover.account_titles
        assert handover.successor_id() == dimas.id  # of the same unit: the likeliest
        choose(handover.successor, dimas.id)
        handover.accept()
        return handover.result()

    monkeypatch.setattr(HandoverDialog, "exec", hand_to_dimas)
    select(dialog.members_table, dialog.members_model, rina.id)
    answer_form(monkeypatch, untick_active)
    dialog.edit_member()
    assert asked["accounts"] == ["Instagram @humas_kota", "X @humas_kota"]
    assert not members.get(db, rina.id).active
    assert {accounts.get(db, i).responsible_id for i in team["held"]} == {dimas.id}
    assert any("accounts" in c.kinds and set(team["held"]) <= c.ids for c in changes)
    row = [m.id for m in dialog.members_model.rows].index(rina.id)
    assert dialog.members_model.index(row, 5).data() == "Tidak aktif"


def test_cancelling_the_handover_changes_nothing(db, dialog, team, monkeypatch):
    rina = team["rina"]
    monkeypatch.setattr(HandoverDialog, "exec", lambda handover: handover.reject() or 0)
    select(dialog.members_table, dialog.members_model, rina.id)
    seen = {}
    answer_form(
        monkeypatch, lambda f: (untick_active(f), f["phone"].setText("0812 1111 2222")), seen
    )
    dialog.edit_member()
    assert not seen["accepted"]  # the form stays open as it was
    assert members.get(db, rina.id) == rina
    assert {accounts.get(db, i).responsible_id for i in team["held"]} == {rina.id}


def test_the_deactivate_button_can_leave_the_accounts_with_nobody(db, dialog, team, monkeypatch):
    rina = team["rina"]

    def nobody(handover):
        choose(handover.successor, None)
        handover.accept()
        return handover.result()

    monkeypatch.setattr(HandoverDialog, "exec", nobody)
    select(dialog.members_table, dialog.members_model, rina.id)
    assert dialog.deactivate_button.isEnabled()
    dialog.deactivate_button.click()
    assert not members.get(db, rina.id).active
    assert {accounts.get(db, i).responsible_id for i in team["held"]} == {None}
    assert not dialog.deactivate_button.isEnabled()  # the selection is the inactive Rina


def test_the_deactivate_button_and_the_delete_key_ask_first(qtbot, db, dialog, team, monkeypatch):
    dimas = team["dimas"]  # runs no account: a plain question
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    questions = []

    def answer(parent, title, text, *args):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    select(dialog.members_table, dialog.members_model, dimas.id)
    qtbot.keyClick(dialog.members_table, Qt.Key.Key_Delete)
    assert "Dimas Prasetyo" in questions[0]
    assert members.get(db, dimas.id).active
    dialog.deactivate_button.click()
    assert not members.get(db, dimas.id).active
