"""The small management dialogs: work units and team, institution profile."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from core import members, settings, units
from gui.forms import FormDialog


def answer_form(monkeypatch, fill):
    """Replace FormDialog.exec: fill the form's fields with `fill(fields)`, then press Save."""

    def fake_exec(form):
        fill({key: widget for key, (_label, widget) in form.fields.items()})
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", fake_exec)


def test_add_unit_and_member(qtbot, db, monkeypatch):
    from gui.team_dialog import TeamDialog

    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    answer_form(
        monkeypatch, lambda f: (f["name"].setText("Biro Humas"), f["short_name"].setText("Humas"))
    )
    dialog.edit_unit(new=True)
    assert [u.short_name for u in units.list_all(db)] == ["Humas"]
    assert dialog.units_model.rowCount() == 1

    def fill_member(fields):
        fields["name"].setText("Rina Wulandari")
        role: QComboBox = fields["role"]
        role.setCurrentIndex(role.findData("approver"))
        unit: QComboBox = fields["unit_id"]
        unit.setCurrentIndex(unit.findText("Humas"))

    answer_form(monkeypatch, fill_member)
    dialog.edit_member(new=True)
    [member] = members.list_all(db)
    assert (member.name, member.role, member.unit_id) == (
        "Rina Wulandari",
        "approver",
        units.list_all(db)[0].id,
    )
    assert dialog.members_model.index(0, 1).data() == "Penyetuju"


def test_empty_member_name_keeps_the_form_open(qtbot, db, monkeypatch):
    """Team dialog → Add member, name left empty, Save: the form stays open and says why,
    and nothing is added."""
    from gui.team_dialog import TeamDialog

    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    seen = {}

    def fake_exec(form):
        form.fields["name"][1].setText("  ")
        form.accept()  # what the Save button does
        seen["result"] = form.result()
        seen["error"] = form.error.text()
        seen["error_shown"] = not form.error.isHidden()
        form.reject()  # then the user gives up
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", fake_exec)
    dialog.edit_member(new=True)
    assert seen["result"] == 0  # not accepted: still open
    assert seen["error_shown"] and seen["error"].startswith("Nama:")
    assert members.list_all(db, include_inactive=True) == []
    assert dialog.members_model.rowCount() == 0


def test_profile_renames_the_home_heading(qtbot, window, monkeypatch):
    def fill(fields):
        fields["institution.name"].setText("Arsip Nasional Contoh")

    answer_form(monkeypatch, fill)
    window.edit_profile()
    assert settings.get(window.session.db, "institution.name") == "Arsip Nasional Contoh"
    assert "Arsip Nasional Contoh" in window.page(0).heading.text()


def test_profile_chooses_the_time_zone_from_a_list_and_keeps_each_posts_moment(
    qtbot, window, monkeypatch
):
    from core import posts

    db = window.session.db
    variant = db.query("SELECT id FROM post_variants WHERE planned_at IS NOT NULL LIMIT 1")[0][0]
    before = posts.get_variant(db, variant)
    window.show_tab("beranda")
    agenda = window.page(0).agenda_model
    assert agenda.headerData(0, Qt.Orientation.Horizontal) == "Waktu (WIB)"
    first_time = agenda.index(0, 0).data()

    def fill(fields):
        box = fields["institution.timezone"]
        assert box.currentText() == "WIB (Asia/Jakarta)"
        assert [box.itemText(i)[:4] for i in range(box.count())] == ["WIB ", "WITA", "WIT "]
        box.setCurrentIndex(box.findData("Asia/Makassar"))

    answer_form(monkeypatch, fill)
    window.edit_profile()
    assert settings.get(db, "institution.timezone") == "Asia/Makassar"
    after = posts.get_variant(db, variant)
    assert after.planned_at.endswith("+08:00")
    assert after.planned == before.planned  # the same moment, now shown in WITA
    assert agenda.headerData(0, Qt.Orientation.Horizontal) == "Waktu (WITA)"
    hour = int(first_time.split()[-1].split(".")[0])
    assert agenda.index(0, 0).data().split()[-1].startswith(f"{(hour + 1) % 24:02d}.")


def test_enter_on_a_unit_edits_that_unit_and_keeps_the_dialog_open(qtbot, demo_db, monkeypatch):
    from PySide6.QtCore import Qt

    from gui.team_dialog import TeamDialog

    opened = []
    monkeypatch.setattr(FormDialog, "exec", lambda form: opened.append(form.windowTitle()) or 0)
    dialog = TeamDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.units_table.setFocus()
    dialog.units_table.selectRow(0)
    qtbot.keyClick(dialog.units_table, Qt.Key.Key_Return)
    assert opened == ["Ubah unit kerja"]
    assert dialog.isVisible()


def test_tab_leaves_the_accounts_table(window, qtbot):
    from PySide6.QtCore import Qt

    tab = window.page(2)
    window.show_tab("akun")
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Tab)
    assert not tab.tree.hasFocus()


def test_record_followers_updates_home_and_can_be_undone(window, monkeypatch):
    from core import accounts, fmt
    from gui.snapshot_dialog import SnapshotDialog

    def type_figure(dialog):
        dialog.followers.setText("170.000")  # Indonesian thousands dots are accepted
        dialog.counts["reach"].setText("12500")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SnapshotDialog, "exec", type_figure)
    tab = window.page(2)
    window.show_tab("akun")
    instagram = next(
        a.id
        for a in accounts.list_all(window.session.db)
        if a.platform == "instagram" and not a.peer
    )
    tab.select(instagram)
    home = window.page(0)
    before = [card.figure.text() for card in home.cards]
    tab.followers_button.click()
    window.show_tab("beranda")  # a hidden tab catches up when it is shown
    after = [card.figure.text() for card in home.cards]
    assert fmt.number(170000) in after and after != before
    window.act_undo.trigger()  # Home is on screen: it refreshes at once
    assert [card.figure.text() for card in home.cards] == before


def test_record_followers_names_a_bad_figure(qtbot, demo_db, demo_today):
    from core import accounts
    from gui.snapshot_dialog import SnapshotDialog

    account = accounts.list_all(demo_db)[0]
    dialog = SnapshotDialog(demo_db, account, demo_today)
    qtbot.addWidget(dialog)
    dialog.followers.setText("banyak")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.error.text().startswith("Pengikut")
