"""The Akun tab: accounts grouped by work unit, their details and security checklist."""

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from core import accounts, metrics, security, units
from gui.tabs.accounts import ACCOUNT_ID_ROLE, GROUP_ROLE, KEY_ROLE


@pytest.fixture
def office(db, demo_today):
    """A bureau with a sub-unit, a training centre, an account without a unit and a peer."""
    humas = units.create(db, "Biro Humas", "Humas")
    media = units.create(db, "Subbagian Media", "Media", parent_id=humas.id)
    diklat = units.create(db, "Pusat Diklat", "Pusdiklat")
    made = {
        "humas_ig": accounts.create(db, "instagram", "humas_ig", "Humas", unit_id=humas.id),
        "humas_fb": accounts.create(db, "facebook", "humas_fb", "Humas", unit_id=humas.id),
        "media_x": accounts.create(db, "x", "media_x", "Media", unit_id=media.id),
        "diklat_fb": accounts.create(db, "facebook", "diklat_fb", "Diklat", unit_id=diklat.id),
        "lepas_yt": accounts.create(db, "youtube", "lepas_yt", "Tanpa unit"),
        "lain_ig": accounts.create(db, "instagram", "lain_ig", "Instansi lain", peer=True),
    }
    day = demo_today.isoformat()
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": made["humas_ig"].id, "date": day, "followers": 500},
            {"account_id": made["humas_fb"].id, "date": day, "followers": 9000},
        ],
    )
    # humas_ig: red (two-factor off); media_x: green; the others: not checked yet.
    security.save(db, security.Checklist(made["humas_ig"].id, login_owned=True))
    security.save(
        db,
        security.Checklist(
            made["media_x"].id,
            two_factor=True,
            two_factor_method="app",
            verified=True,
            login_owned=True,
            two_admins=True,
            recovery_offline=True,
            reviewed_on=day,
        ),
    )
    return {"units": {"humas": humas, "media": media, "diklat": diklat}, **made}


def _window(qtbot, db, today):
    from gui.mainwindow import MainWindow
    from gui.session import Session

    window = MainWindow(Session(db, today=today))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_tab("akun")
    return window


@pytest.fixture
def tab(qtbot, db, office, demo_today):
    return _window(qtbot, db, demo_today).page(2)


def _shown(tab, parent=QModelIndex(), depth=0):  # noqa: B008
    """(text of the first column, depth) of every row, in the order the tree shows them."""
    found = []
    for row in range(tab.proxy.rowCount(parent)):
        index = tab.proxy.index(row, 0, parent)
        label = index.data(KEY_ROLE) if index.data(GROUP_ROLE) is not None else index.data()
        found.append((label, depth))
        found.extend(_shown(tab, index, depth + 1))
    return found


def _column(tab, name):
    return tab.model.COLUMNS.index(name)


def _cell(tab, account_id, name):
    index = tab.model.node_of_key(f"account:{account_id}")
    return index.siblingAtColumn(_column(tab, name)).data()


def test_accounts_are_grouped_by_unit_tree_and_peers_come_last(tab, office, qtmodeltester):
    qtmodeltester.check(tab.model)
    units_ = office["units"]
    assert _shown(tab) == [
        (f"unit:{units_['humas'].id}", 0),
        ("humas_fb", 1),
        ("@humas_ig", 1),
        (f"unit:{units_['media'].id}", 1),
        ("@media_x", 2),
        (f"unit:{units_['diklat'].id}", 0),
        ("diklat_fb", 1),
        ("none", 0),
        ("lepas_yt", 1),
        ("peers", 0),
        ("@lain_ig", 1),
    ]
    group = tab.proxy.index(0, 0)
    assert group.data() == "Biro Humas"
    assert tab.tree.isFirstColumnSpanned(0, QModelIndex())
    assert tab.tree.isExpanded(group)
    assert _cell(tab, office["humas_ig"].id, "security") == security.status_title("red")
    assert _cell(tab, office["media_x"].id, "security") == security.status_title("green")
    assert _cell(tab, office["lain_ig"].id, "security") != security.status_title("unchecked")
    assert _cell(tab, office["humas_fb"].id, "followers") == "9.000"
    assert tab.count.text().startswith("6")


def test_an_office_without_units_or_peers_sees_a_plain_list(qtbot, db, demo_today):
    accounts.create(db, "instagram", "satu", "Satu")
    accounts.create(db, "x", "dua", "Dua")
    tab = _window(qtbot, db, demo_today).page(2)
    assert _shown(tab) == [("@dua", 0), ("@satu", 0)]


def test_platform_and_unit_filters_include_sub_units(tab, office):
    ids = {name: office[name].id for name in ("humas_ig", "humas_fb", "media_x", "lain_ig")}
    tab.platform_filter.setCurrentIndex(tab.platform_filter.findData("instagram"))
    assert sorted(tab.shown_account_ids()) == sorted([ids["humas_ig"], ids["lain_ig"]])
    tab.platform_filter.setCurrentIndex(0)

    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(office["units"]["humas"].id))
    assert sorted(tab.shown_account_ids()) == sorted(
        [ids["humas_ig"], ids["humas_fb"], ids["media_x"]]
    )
    assert ("peers", 0) not in _shown(tab)
    assert "3" in tab.count.text() and "6" in tab.count.text()
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(office["units"]["media"].id))
    assert tab.shown_account_ids() == [ids["media_x"]]

    tab.unit_filter.setCurrentIndex(0)
    tab.search.setText("tidak ada yang begini")
    assert tab.shown_account_ids() == []
    assert tab.no_match.isVisibleTo(tab) and not tab.tree.isVisibleTo(tab)


def test_sorting_orders_accounts_within_their_groups(tab, office):
    column = _column(tab, "followers")
    tab.tree.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    groups = [label for label, _d in _shown(tab) if label.startswith("unit:")]
    assert _shown(tab)[:3] == [
        (f"unit:{office['units']['humas'].id}", 0),
        ("humas_fb", 1),  # 9.000 followers before 500
        ("@humas_ig", 1),
    ]
    tab.tree.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [label for label, _d in _shown(tab)][1:3] == ["@humas_ig", "humas_fb"]
    # The groups keep the unit tree's order whichever way a column sorts.
    assert groups == [label for label, _d in _shown(tab) if label.startswith("unit:")]
    assert _shown(tab)[-2][0] == "peers"


def test_selecting_an_account_shows_its_details(tab, office):
    details = tab.details
    assert tab.select(office["media_x"].id)
    assert details.stack.currentIndex() == 1
    assert details.title.text() == "@media_x"
    assert details.values["unit"].text() == "Biro Humas › Subbagian Media"
    assert details.form.badge.badge == "green"
    tab.tree.clearSelection()
    assert details.stack.currentIndex() == 0 and details.nothing.text()
    assert not tab.edit_button.isEnabled()


def test_peer_accounts_have_no_checklist(tab, office):
    tab.select(office["lain_ig"].id)
    assert tab.details.security.currentIndex() == 1
    assert tab.details.peer_note.text()


def test_ticking_boxes_updates_the_badge_at_once_without_saving(tab, office, db):
    account = office["humas_ig"]
    tab.select(account.id)
    form = tab.details.form
    assert form.badge.badge == "red"
    assert not form.save_button.isEnabled()
    assert not form.method.isEnabled()
    form.two_factor.setChecked(True)
    assert form.badge.badge == "amber"
    assert form.method.isEnabled() and form.save_button.isEnabled()
    assert "Two-factor" not in form.problems.text()
    form.login_owned.setCurrentIndex(form.login_owned.findData("no"))
    assert form.badge.badge == "red"
    assert security.get(db, account.id).two_factor is False  # nothing saved yet
    form.revert_button.click()
    assert not form.two_factor.isChecked() and form.badge.badge == "red"


def test_an_unchecked_account_stays_unchecked_until_something_is_ticked(tab, office):
    tab.select(office["diklat_fb"].id)
    form = tab.details.form
    assert form.badge.badge == "unchecked"
    form.verified.setChecked(True)
    assert form.badge.badge == "red"  # recorded now, and two-factor is off


def test_saving_the_checklist_can_be_undone(tab, office, db):
    window = tab.window()
    account = office["humas_ig"]
    tab.select(account.id)
    form = tab.details.form
    form.two_factor.setChecked(True)
    form.method.setCurrentIndex(form.method.findData("key"))
    form.reviewed_today.click()
    form.save_button.click()
    saved = security.get(db, account.id)
    assert saved.two_factor and saved.two_factor_method == "key"
    assert saved.reviewed_on == tab.session.today.isoformat()
    assert not form.save_button.isEnabled()
    assert _cell(tab, account.id, "security") == security.status_title("amber")

    window.act_undo.trigger()
    assert security.get(db, account.id).two_factor is False
    assert _cell(tab, account.id, "security") == security.status_title("red")
    assert tab._selected_id() == account.id and not form.two_factor.isChecked()
    window.act_redo.trigger()
    assert security.get(db, account.id).two_factor_method == "key"


def test_undoing_a_first_checklist_leaves_the_account_unchecked(tab, office, db):
    account = office["diklat_fb"]
    tab.select(account.id)
    tab.details.form.two_factor.setChecked(True)
    tab.details.form.save()
    assert security.get(db, account.id).recorded
    tab.window().act_undo.trigger()
    assert not security.get(db, account.id).recorded
    assert tab.details.form.badge.badge == "unchecked"


def test_leaving_unsaved_changes_asks_first(tab, office, db, monkeypatch):
    import gui.security_panel

    answers = []
    monkeypatch.setattr(gui.security_panel, "ask_unsaved", lambda *_: answers.pop(0))
    first, other = office["humas_ig"], office["media_x"]
    tab.select(first.id)
    tab.details.form.verified.setChecked(True)

    answers.append(QMessageBox.StandardButton.Cancel)
    tab.select(other.id)
    assert tab._selected_id() == first.id and tab.details.form.verified.isChecked()

    answers.append(QMessageBox.StandardButton.Save)
    tab.select(other.id)
    assert tab._selected_id() == other.id
    assert security.get(db, first.id).verified


def test_read_only_file_disables_the_checklist(qtbot, tmp_path, demo_today):
    from core.db import open_database

    path = tmp_path / "arsip.sqlite"
    db = open_database(path, create=True)
    account = accounts.create(db, "instagram", "arsip_ig", "Arsip")
    db.close()
    db = open_database(path, read_only=True)
    try:
        tab = _window(qtbot, db, demo_today).page(2)
        tab.select(account.id)
        form = tab.details.form
        assert tab.details.stack.currentIndex() == 1
        assert not form.two_factor.isEnabled() and not form.reviewed_today.isEnabled()
        assert not form.save_button.isEnabled()
        assert form.note.text()
    finally:
        db.close()


def test_column_widths_survive_a_refresh_and_a_restart(qtbot, tab, db, demo_today):
    from gui.signals import notify

    column = _column(tab, "responsible")
    tab.tree.setColumnWidth(column, 222)
    notify("accounts")
    assert tab.tree.columnWidth(column) == 222
    QSettings().sync()
    again = _window(qtbot, db, demo_today).page(2)
    assert again.tree.columnWidth(column) == 222


def test_security_summary_lists_worst_first_and_selects_on_activation(qtbot, tab, office):
    dialog = tab.show_summary()
    rows = dialog.model.rows
    assert [row.status for row in rows] == ["red", "unchecked", "unchecked", "unchecked"]
    assert rows[0].account_id == office["humas_ig"].id
    assert office["media_x"].id not in [row.account_id for row in rows]  # green
    assert office["lain_ig"].id not in [row.account_id for row in rows]  # a peer
    assert "4" in dialog.heading.text()

    tab.search.setText("media")  # the account to show is filtered out: the filter gives way
    target = next(r for r, row in enumerate(rows) if row.account_id == office["diklat_fb"].id)
    dialog.table.setCurrentIndex(dialog.model.index(target, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert tab._selected_id() == office["diklat_fb"].id
    assert tab.search.text() == ""
    assert tab.details.title.text() == "diklat_fb"


def test_summary_says_so_when_everything_is_secure(qtbot, db, demo_today):
    account = accounts.create(db, "instagram", "aman", "Aman")
    security.save(
        db,
        security.Checklist(
            account.id,
            two_factor=True,
            verified=True,
            login_owned=True,
            two_admins=True,
            recovery_offline=True,
            reviewed_on=demo_today.isoformat(),
        ),
    )
    dialog = _window(qtbot, db, demo_today).page(2).show_summary()
    assert dialog.stack.currentIndex() == 1 and dialog.all_secure.text()


def test_selected_account_id_role_matches_selected_account(tab, office):
    tab.select(office["humas_fb"].id)
    rows = tab.tree.selectionModel().selectedRows()
    assert [r.data(ACCOUNT_ID_ROLE) for r in rows] == [office["humas_fb"].id]
    assert tab.selected_account() == office["humas_fb"]


def test_another_file_shows_and_saves_its_own_accounts(qtbot, tab, office, db, tmp_path):
    from core.db import open_database
    from gui.session import Session

    tab.select(office["humas_ig"].id)
    tab.details.form.verified.setChecked(True)  # not saved: it belongs to the file closed
    tab.show_summary()
    other = open_database(tmp_path / "lain.sqlite", create=True)
    account = accounts.create(other, "x", "lain_x", "Lain")
    tab.window().replace_session(Session(other, today=tab.session.today))
    assert tab.details.stack.currentIndex() == 0
    assert tab.summary is None
    tab.select(account.id)
    assert tab.details.title.text() == "@lain_x"
    tab.details.form.two_factor.setChecked(True)
    assert tab.details.form.save()
    assert security.get(other, account.id).two_factor


# -- unsaved checklist: leaving the file, undo under edits, filtering -----------------------

Button = QMessageBox.StandardButton


@pytest.fixture
def asked(monkeypatch):
    """Answers for the "Unsaved checklist" question, in order; records each question."""
    import gui.security_panel

    class Answers(list):
        questions: list[str]

    answers = Answers()
    answers.questions = []

    def ask(_parent, account):
        answers.questions.append(account)
        if not answers:
            raise AssertionError(f"asked about {account} unexpectedly")
        return answers.pop(0)

    monkeypatch.setattr(gui.security_panel, "ask_unsaved", ask)
    return answers


def _someone_answers(monkeypatch, window):
    """As on a desktop: questions are asked (tests run offscreen, where nobody answers)."""
    monkeypatch.setattr(window, "nobody_to_ask", lambda: False)


def _stored(path, account_id):
    from core.db import open_database

    with open_database(path, read_only=True, migrate=False) as again:
        return security.get(again, account_id)


def test_closing_the_window_asks_about_an_unsaved_checklist(tab, office, asked, monkeypatch):
    window, form = tab.window(), tab.details.form
    _someone_answers(monkeypatch, window)
    path, account = tab.session.path, office["humas_ig"]
    tab.select(account.id)
    form.verified.setChecked(True)
    window.show_tab("beranda")

    asked.append(Button.Cancel)
    window.act_quit.trigger()  # Ctrl+Q
    assert window.isVisible() and not window._closed
    assert asked.questions == ["@humas_ig"]
    assert window.tabs.currentIndex() == 2 and form.is_dirty()  # shown, kept

    asked.append(Button.Save)
    assert window.close()  # the × button
    assert window._closed
    assert _stored(path, account.id).verified


def test_closing_the_window_can_discard_the_checklist(tab, office, asked, monkeypatch):
    window, form = tab.window(), tab.details.form
    _someone_answers(monkeypatch, window)
    path, account = tab.session.path, office["humas_ig"]
    tab.select(account.id)
    form.verified.setChecked(True)
    asked.append(Button.Discard)
    assert window.close()
    assert not _stored(path, account.id).verified


def test_closing_with_nobody_to_ask_saves_the_checklist(tab, office, asked):
    """Offscreen, tests, screenshots: no question waits, and the ticks are not lost."""
    window, path, account = tab.window(), tab.session.path, office["humas_ig"]
    tab.select(account.id)
    tab.details.form.verified.setChecked(True)
    assert window.close()
    assert asked.questions == []
    assert _stored(path, account.id).verified


def test_ctrl_c_or_sigterm_closes_without_asking_and_keeps_the_checklist(
    qtbot, tab, office, asked, monkeypatch
):
    import signal

    from PySide6.QtWidgets import QApplication

    import gui.mainwindow
    from gui.app import CloseOnSignal

    window, path, account = tab.window(), tab.session.path, office["humas_ig"]
    monkeypatch.setattr(gui.mainwindow, "nobody_to_ask", lambda: False)  # a desktop
    tab.select(account.id)
    tab.details.form.verified.setChecked(True)
    closer = CloseOnSignal(QApplication.instance())
    try:
        closer.window = window
        closer._handle(signal.SIGTERM, None)  # what the signal handler does
        qtbot.waitUntil(lambda: window._closed)
    finally:
        closer.restore()
    assert not window.isVisible()
    assert asked.questions == []
    assert _stored(path, account.id).verified


def test_opening_another_file_or_demo_asks_about_an_unsaved_checklist(
    tab, office, db, asked, monkeypatch, tmp_path
):
    from core.db import open_database
    from gui import opening

    window, form, account = tab.window(), tab.details.form, office["humas_ig"]
    _someone_answers(monkeypatch, window)
    session = window.session
    other = tmp_path / "lain.sqlite"
    open_database(other, create=True).close()
    monkeypatch.setattr(opening, "choose_file", lambda *_a, **_k: other)
    tab.select(account.id)
    form.verified.setChecked(True)

    asked.extend([Button.Cancel, Button.Cancel])
    window.open_file()
    window.open_demo()
    assert window.session is session and form.is_dirty()
    assert asked.questions == ["@humas_ig", "@humas_ig"]

    asked.append(Button.Save)
    window.open_file()
    assert window.session is not session and window.session.path == other
    assert _stored(session.path, account.id).verified


def test_new_file_with_nobody_to_ask_saves_the_checklist_first(
    tab, office, asked, monkeypatch, tmp_path
):
    from gui import opening

    window, account = tab.window(), office["humas_ig"]
    old = window.session.path
    monkeypatch.setattr(opening, "choose_file", lambda *_a, **_k: tmp_path / "baru.sqlite")
    tab.select(account.id)
    tab.details.form.verified.setChecked(True)
    window.new_file()
    assert window.session.path == tmp_path / "baru.sqlite"
    assert asked.questions == []
    assert _stored(old, account.id).verified


def test_undo_under_unsaved_changes_keeps_the_undo_chain_exact(tab, office, db):
    window, form, account = tab.window(), tab.details.form, office["humas_ig"]
    original = security.get(db, account.id)
    tab.select(account.id)
    form.verified.setChecked(True)
    form.save()
    first = security.get(db, account.id)
    assert first.verified

    form.two_admins.setChecked(True)  # not saved yet
    window.act_undo.trigger()
    assert security.get(db, account.id) == original
    # The form follows what is stored now and keeps the unsaved tick; the note says so.
    assert form.loaded == original
    assert not form.verified.isChecked() and form.two_admins.isChecked()
    assert form.is_dirty() and form.rebased and form.note.text() != ""

    form.save()  # two_admins on top of the original, not on top of the undone save
    second = security.get(db, account.id)
    assert second.two_admins and not second.verified
    window.act_undo.trigger()
    assert security.get(db, account.id) == original
    assert not form.is_dirty() and not form.rebased
    window.act_redo.trigger()
    assert security.get(db, account.id) == second
    window.act_undo.trigger()
    assert security.get(db, account.id) == original

    # save → undo → save → undo: each undo returns to the state before its save.
    for _round in range(2):
        form.recovery_offline.setChecked(True)
        form.save()
        assert security.get(db, account.id).recovery_offline
        window.act_undo.trigger()
        assert security.get(db, account.id) == original
        assert not form.is_dirty()


def test_undo_under_unsaved_changes_of_a_first_checklist(tab, office, db):
    window, form, account = tab.window(), tab.details.form, office["diklat_fb"]
    tab.select(account.id)
    form.two_factor.setChecked(True)
    form.save()
    form.verified.setChecked(True)
    window.act_undo.trigger()
    assert not security.get(db, account.id).recorded
    assert not form.loaded.recorded and not form.two_factor.isChecked()
    assert form.verified.isChecked() and form.is_dirty()
    form.save()
    window.act_undo.trigger()
    assert not security.get(db, account.id).recorded
    assert form.badge.badge == "unchecked"


def test_a_filter_hiding_the_account_keeps_its_unsaved_checklist(tab, office, asked):
    form, account = tab.details.form, office["humas_ig"]
    tab.select(account.id)
    form.verified.setChecked(True)

    for letter in "zzz":  # typing: no question, the pane keeps the account
        tab.search.setText(tab.search.text() + letter)
    assert asked.questions == []
    assert tab._selected_id() is None
    assert tab.details.stack.currentIndex() == 1 and form.account.id == account.id
    assert form.is_dirty()

    tab.search.clear()  # shown again: selected again, the ticks still there
    assert tab._selected_id() == account.id
    assert form.account.id == account.id and form.is_dirty()
    assert asked.questions == []

    asked.append(Button.Cancel)  # picking another account asks
    tab.select(office["media_x"].id)
    assert asked.questions == ["@humas_ig"]
    assert tab._selected_id() == account.id and form.is_dirty()


def test_picking_another_account_while_the_filter_hides_the_edited_one(tab, office, asked):
    form, account = tab.details.form, office["humas_ig"]
    tab.select(account.id)
    form.verified.setChecked(True)
    tab.search.setText("media")
    assert asked.questions == []

    asked.append(Button.Cancel)
    tab.select(office["media_x"].id)
    assert asked.questions == ["@humas_ig"]
    # Cancel: nothing selected (the edited row is hidden), the pane still on the account.
    assert tab._selected_id() is None
    assert tab.details.title.text() == "@humas_ig" and form.is_dirty()
    tab.search.clear()
    assert tab._selected_id() == account.id and form.is_dirty()

    asked.append(Button.Discard)
    tab.select(office["media_x"].id)
    assert tab._selected_id() == office["media_x"].id
    assert tab.details.title.text() == "@media_x" and not form.is_dirty()


def test_ask_unsaved_with_nobody_to_answer_cancels_without_waiting(qtbot, capsys):
    from gui.security_panel import ask_unsaved

    assert ask_unsaved(None, "@humas_ig") == Button.Cancel
    assert "@humas_ig" in capsys.readouterr().err
