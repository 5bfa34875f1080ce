"""The account form checks itself while the user types, takes a pasted profile address,
and keeps what was typed when the file refuses to save."""

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from core import accounts, members, units
from core.errors import DiskFull
from core.i18n import _
from gui.account_dialog import AccountDialog


@pytest.fixture
def dialog(qtbot, demo_db):
    dialog = AccountDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def paste(qtbot, edit, text):
    """What Ctrl+V does in a field: the clipboard's text arrives at once."""
    QApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def choose_platform(qtbot, dialog, platform):
    """The user picks a platform (a keyboard choice, as from the list: `activated`)."""
    box = dialog.platform
    box.setFocus()
    while box.currentData() != platform:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def shown_problem(dialog, field):
    label = dialog.problems[field]
    return label.text() if label.isVisibleTo(dialog) else None


def test_a_new_form_waits_for_a_username_without_complaining(dialog):
    assert not dialog.save_button.isEnabled()
    assert [f for f in dialog.problems if shown_problem(dialog, f)] == []
    dialog.show_problems()  # as a Save forced from the keyboard would
    assert [f for f in dialog.problems if shown_problem(dialog, f)] == ["handle"]


def test_a_taken_username_is_named_while_typing_and_save_waits(qtbot, dialog):
    choose_platform(qtbot, dialog, "instagram")
    qtbot.keyClicks(dialog.handle, "bmsn_ri")  # the demo's Instagram account
    assert "sudah memiliki akun dengan nama pengguna ini" in shown_problem(dialog, "handle")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.handle, "_jatim")
    assert shown_problem(dialog, "handle") is None
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert dialog.result() == 1
    assert dialog.saved.handle == "bmsn_ri_jatim" and dialog.saved.platform == "instagram"


def test_a_pasted_profile_address_becomes_username_and_address(qtbot, dialog, demo_db):
    # The platform was left as it came (Facebook): the address says Instagram.
    paste(qtbot, dialog.handle, "https://www.instagram.com/humas_kota/?igsh=MTc4")
    assert dialog.platform.currentData() == "instagram"
    assert dialog.handle.text() == "humas_kota"
    assert dialog.url.text() == "https://www.instagram.com/humas_kota/"
    assert shown_problem(dialog, "handle") is None
    dialog.save_button.click()
    saved = accounts.get(demo_db, dialog.saved.id)
    assert (saved.platform, saved.handle) == ("instagram", "humas_kota")
    assert saved.url == "https://www.instagram.com/humas_kota/"


def test_a_pasted_address_keeps_an_address_already_typed(qtbot, dialog):
    choose_platform(qtbot, dialog, "x")
    dialog.url.setText("https://x.com/humas_resmi")
    paste(qtbot, dialog.handle, "x.com/humas_kota")
    assert dialog.handle.text() == "humas_kota"
    assert dialog.url.text() == "https://x.com/humas_resmi"


def test_an_address_of_another_platform_is_named_and_switching_is_offered(qtbot, dialog):
    choose_platform(qtbot, dialog, "x")
    paste(qtbot, dialog.handle, "https://www.instagram.com/humas_kota/")
    assert dialog.platform.currentData() == "x"  # the user's choice stands…
    assert "Instagram" in shown_problem(dialog, "handle")  # …and the field says why not
    assert not dialog.save_button.isEnabled()
    assert dialog.switch_platform.isVisibleTo(dialog)
    assert "Instagram" in dialog.switch_platform.text()
    dialog.switch_platform.click()
    assert dialog.platform.currentData() == "instagram"
    assert dialog.handle.text() == "humas_kota"
    assert not dialog.switch_platform.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()


def test_a_typed_address_is_taken_when_it_is_complete(qtbot, dialog):
    choose_platform(qtbot, dialog, "instagram")
    qtbot.keyClicks(dialog.handle, "https://instagram.com/humas_kota")
    assert dialog.handle.text() == "https://instagram.com/humas_kota"  # not "h", "ht", …
    qtbot.keyClick(dialog.handle, Qt.Key.Key_Return)  # Enter: take it, and save
    assert dialog.result() == 1
    assert (dialog.saved.handle, dialog.saved.url) == (
        "humas_kota",
        "https://instagram.com/humas_kota",
    )


def test_an_address_field_of_another_platform_is_named(qtbot, dialog):
    choose_platform(qtbot, dialog, "instagram")
    qtbot.keyClicks(dialog.handle, "humas_kota")
    qtbot.keyClicks(dialog.url, "https://www.facebook.com/humas_kota")
    assert "Instagram" in shown_problem(dialog, "url")
    assert not dialog.save_button.isEnabled()


def test_a_start_date_in_the_future_is_named(qtbot, dialog):
    qtbot.keyClicks(dialog.handle, "humas_kota_baru")
    assert dialog.save_button.isEnabled()
    dialog.start_date.setDate(QDate.currentDate().addDays(3))
    assert shown_problem(dialog, "start_date") == _("lies in the future").capitalize() + "."
    assert not dialog.save_button.isEnabled()
    dialog.start_date.setDate(QDate.currentDate().addDays(-3))
    assert shown_problem(dialog, "start_date") is None
    assert dialog.save_button.isEnabled()


def test_a_peer_account_has_no_unit_and_nobody_responsible(qtbot, dialog, demo_db):
    unit_id, member_id = units.list_all(demo_db)[0].id, members.list_all(demo_db)[0].id
    qtbot.keyClicks(dialog.handle, "lembaga_lain")
    dialog.unit.setCurrentIndex(dialog.unit.findData(unit_id))
    dialog.responsible.setCurrentIndex(dialog.responsible.findData(member_id))
    dialog.peer.click()
    assert not dialog.unit.isEnabled() and not dialog.responsible.isEnabled()
    assert dialog.unit.currentData() is None and dialog.responsible.currentData() is None
    dialog.peer.click()  # changed their mind: the choices come back
    assert dialog.unit.isEnabled() and dialog.unit.currentData() == unit_id
    assert dialog.responsible.currentData() == member_id
    dialog.peer.click()
    dialog.save_button.click()
    saved = accounts.get(demo_db, dialog.saved.id)
    assert saved.peer and saved.unit_id is None and saved.responsible_id is None


def test_one_of_our_own_accounts_cannot_become_a_peer(qtbot, demo_db):
    account = next(a for a in accounts.list_all(demo_db) if not a.peer and a.unit_id)
    dialog = AccountDialog(demo_db, account)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    dialog.peer.click()
    reason = _("this account has our posts or a security checklist: it is one of ours")
    assert shown_problem(dialog, "peer") == reason.capitalize() + "."
    assert not dialog.save_button.isEnabled()


def test_a_refusing_file_keeps_the_dialog_open_with_what_was_typed(
    qtbot, dialog, demo_db, monkeypatch
):
    def disk_full(*args, **kwargs):
        raise DiskFull(demo_db.path)

    monkeypatch.setattr(accounts, "create", disk_full)
    choose_platform(qtbot, dialog, "tiktok")
    qtbot.keyClicks(dialog.handle, "humas_kota")
    qtbot.keyClicks(dialog.display_name, "Humas Kota")
    dialog.save_button.click()
    assert dialog.result() == 0 and dialog.isVisible()
    assert dialog.error.isVisibleTo(dialog)
    assert str(DiskFull(demo_db.path)) in dialog.error.text()
    assert (dialog.platform.currentData(), dialog.handle.text()) == ("tiktok", "humas_kota")
    assert dialog.display_name.text() == "Humas Kota"
    monkeypatch.undo()  # space was freed: the same Save now works
    dialog.save_button.click()
    assert dialog.result() == 1
    assert dialog.saved.display_name == "Humas Kota"


def test_units_are_listed_under_their_parent(qtbot, db):
    top = units.create(db, "Biro Humas")
    units.create(db, "Subbagian Media", parent_id=top.id)
    members.create(db, "Rina", "editor")
    dialog = AccountDialog(db)
    qtbot.addWidget(dialog)
    texts = [dialog.unit.itemText(i) for i in range(dialog.unit.count())]
    assert texts[1] == "Biro Humas"
    assert texts[2].endswith("Subbagian Media") and texts[2] != "Subbagian Media"
