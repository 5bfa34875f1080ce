"""The main window as a humas admin first sees it."""

from PySide6.QtWidgets import QLabel

from core import i18n
from gui.tabs.accounts import AccountsTreeModel
from gui.tabs.home import AgendaModel

TAB_IDS = ["beranda", "kalender", "akun", "pertumbuhan", "panduan", "laporan"]


def test_six_tabs_in_indonesian(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Beranda", "Kalender", "Akun", "Pertumbuhan", "Panduan", "Laporan"]
    assert [page.tab_id for page in window.pages] == TAB_IDS


def test_menu_bar_in_indonesian(window):
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["Berkas", "Sunting", "Tampilan", "Bantuan"]


def test_status_bar_names_the_open_file(window, demo_db):
    assert str(demo_db.path) in window.file_label.text()


def test_ctrl_number_switches_tabs(window, qtbot):
    window.act_tabs[2].trigger()
    assert window.current_page().tab_id == "akun"
    assert window.act_tabs[2].shortcut().toString() == "Ctrl+3"


def test_home_shows_followers_in_indonesian_format(window):
    home = window.pages[0]
    figures = [card.figure.text() for card in home.cards]
    captions = " ".join(card.caption.text() for card in home.cards)
    assert len(figures) == 6  # the central bureau's four accounts, the regional office's two
    assert "Instagram" in captions and "Facebook" in captions
    # Indonesian thousands separator: a dot, never a comma.
    assert all("." in f and "," not in f for f in figures if len(f) > 3)


def test_home_agenda_lists_upcoming_unpublished_work(window, qtmodeltester):
    home = window.pages[0]
    model: AgendaModel = home.agenda_model
    qtmodeltester.check(model)
    assert model.rowCount() > 0
    statuses = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert "Terbit" not in statuses


def test_accounts_table_lists_demo_accounts(window, qtmodeltester):
    from core import accounts

    tab = window.pages[2]
    model: AccountsTreeModel = tab.model
    qtmodeltester.check(model)
    demo = accounts.list_all(window.session.db)
    assert model.account_count == len(demo) == len(tab.shown_account_ids())
    platforms = {accounts.platform_title(a.platform) for a in demo if not a.peer}
    assert platforms == {"Facebook", "Instagram", "X", "YouTube"}
    assert tab.stack.currentIndex() == 0


def test_accounts_search_filters_rows(window):
    tab = window.pages[2]
    shown = len(tab.shown_account_ids())
    tab.search.setText("youtube")
    assert len(tab.shown_account_ids()) == 1
    tab.search.clear()
    assert len(tab.shown_account_ids()) == shown


def test_empty_file_shows_welcome_not_blank(qtbot, db):
    from gui.mainwindow import MainWindow
    from gui.session import Session

    window = MainWindow(Session(db))
    qtbot.addWidget(window)
    home, accounts_tab = window.pages[0], window.pages[2]
    assert home.stack.currentIndex() == 1
    assert "Linimasa" in home.empty.title.text()
    assert accounts_tab.stack.currentIndex() == 1
    assert accounts_tab.empty.title.text()


def test_switch_to_english_and_back(window):
    window.set_language("en")
    try:
        assert window.tabs.tabText(0) == "Home"
        assert window.menuBar().actions()[0].text().replace("&", "") == "File"
        assert (
            window.pages[2].model.headerData(
                AccountsTreeModel.COLUMNS.index("followers"),
                __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal,
            )
            == "Followers"
        )
    finally:
        window.set_language("id")
    assert window.tabs.tabText(0) == "Beranda"
    assert i18n.current_language() == "id"


def test_backup_from_menu_writes_a_copy(window, tmp_path):
    from core.db import open_database

    target = tmp_path / "copy.sqlite"
    window.run_backup(target)
    copy = open_database(target, read_only=True)
    try:
        source = window.session.db.conn.execute("SELECT count(*) FROM accounts").fetchone()[0]
        assert source == 8  # six of ours and two peers
        assert copy.conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == source
    finally:
        copy.close()
    assert str(target) in window.statusBar().currentMessage()


def test_no_label_shows_untranslated_placeholder_text(window):
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert not any("{" in text and "}" in text for text in texts if "<span" not in text)


def test_tabs_are_built_when_first_shown(qtbot, demo_db, demo_today):
    from gui.mainwindow import MainWindow
    from gui.session import Session

    window = MainWindow(Session(demo_db, today=demo_today))
    qtbot.addWidget(window)
    assert sorted(window._pages) == [0]
    window.tabs.setCurrentIndex(2)
    assert sorted(window._pages) == [0, 2]
    assert window.tabs.currentWidget().findChild(AccountsTreeModel) is not None


def test_add_account_from_the_empty_file(qtbot, db, monkeypatch):
    """A new file is not a dead end: Add account… opens a form that saves through core."""
    from gui.account_dialog import AccountDialog
    from gui.mainwindow import MainWindow
    from gui.session import Session

    def fill_and_save(dialog):
        dialog.platform.setCurrentIndex(dialog.platform.findData("instagram"))
        dialog.handle.setText("@humas_kota")
        dialog.display_name.setText("Humas Kota")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(AccountDialog, "exec", fill_and_save)
    window = MainWindow(Session(db))
    qtbot.addWidget(window)
    home = window.page(0)
    assert home.empty.button.text() == "Tambah akun…"
    home.empty.button.click()
    tab = window.current_page()
    assert tab.tab_id == "akun"
    assert tab.stack.currentIndex() == 0
    assert tab.model.index(0, 0).data() == "@humas_kota"
    assert tab.details.title.text() == "@humas_kota"  # the new account is selected
    # Home was hidden meanwhile: it catches up from the app-wide signal when shown again.
    window.show_tab("beranda")
    assert home.stack.currentIndex() == 0


def test_account_form_names_the_bad_field_and_stays_open(qtbot, demo_db):
    from gui.account_dialog import AccountDialog

    dialog = AccountDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.platform.setCurrentIndex(dialog.platform.findData("instagram"))
    dialog.handle.setText("BMSN_RI")  # the demo already has @bmsn_ri on Instagram
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.error.isVisibleTo(dialog)
    assert "Nama pengguna" in dialog.error.text()


def test_archive_hides_and_restore_brings_back(window):
    tab = window.page(2)
    window.show_tab("akun")
    shown = len(tab.shown_account_ids())
    archived_id = tab.shown_account_ids()[0]
    tab.select(archived_id)
    tab.archive_button.click()
    assert len(tab.shown_account_ids()) == shown - 1
    tab.show_archived.setChecked(True)
    tab.select(archived_id)
    assert tab.archive_button.text().replace("&", "") == "Pulihkan"
    tab.archive_button.click()
    tab.show_archived.setChecked(False)
    assert len(tab.shown_account_ids()) == shown


def test_unit_filter_and_no_match_message(window):
    tab = window.page(2)
    window.show_tab("akun")
    shown = len(tab.shown_account_ids())
    tab.search.setText("tidak-ada-akun-seperti-ini")
    assert tab.shown_account_ids() == []
    assert tab.no_match.isVisibleTo(tab)
    tab.search.clear()
    pusdiklat = tab.unit_filter.findText("Pusdiklat")
    tab.unit_filter.setCurrentIndex(pusdiklat)
    assert tab.shown_account_ids() == []  # the demo's accounts belong to Humas and BLS Timur
    tab.unit_filter.setCurrentIndex(0)
    assert len(tab.shown_account_ids()) == shown
    assert str(shown) in tab.count.text()


def test_menu_accelerators_are_unique(window):
    """Alt+letter must open one menu, and one item within each menu, in both languages."""

    def letters(actions):
        found = []
        for action in actions:
            text = action.text().replace("&&", "")
            if "&" in text:
                found.append(text[text.index("&") + 1].lower())
        return found

    for language in ("id", "en"):
        window.set_language(language)
        bar = letters(window.menuBar().actions())
        assert len(bar) == len(set(bar)) == 4, (language, bar)
        for menu_action in window.menuBar().actions():
            items = letters(a for a in menu_action.menu().actions() if not a.isSeparator())
            assert len(items) == len(set(items)), (language, menu_action.text(), items)
    window.set_language("id")


def test_read_only_file_offers_no_way_to_change_it(qtbot, tmp_path):
    from core.db import open_database
    from gui.mainwindow import MainWindow
    from gui.session import Session

    open_database(tmp_path / "arsip.sqlite", create=True).close()
    window = MainWindow(Session(open_database(tmp_path / "arsip.sqlite", read_only=True)))
    qtbot.addWidget(window)
    assert "hanya-baca" in window.windowTitle().lower()
    home = window.page(0)
    assert [b.text() for b in home.empty.buttons] == ["Buka data demo"]
    accounts_tab = window.page(2)
    assert not accounts_tab.add_button.isEnabled()
    assert not window.act_add_account.isEnabled()
    assert not window.act_team.isEnabled() and not window.act_profile.isEnabled()


def test_archive_can_be_undone_and_redone(window):
    from core import accounts

    tab = window.page(2)
    window.show_tab("akun")
    shown = len(tab.shown_account_ids())
    tab.select(tab.shown_account_ids()[0])
    name = accounts.handle_text(tab.selected_account())
    tab.archive_button.click()
    assert len(tab.shown_account_ids()) == shown - 1
    assert window.act_undo.isEnabled()
    assert name in window.act_undo.text() and window.act_undo.text().startswith("&Urungkan")
    window.act_undo.trigger()
    assert len(tab.shown_account_ids()) == shown
    window.act_redo.trigger()
    assert len(tab.shown_account_ids()) == shown - 1


def test_account_edit_can_be_undone(window, monkeypatch):
    from core import accounts
    from gui.account_dialog import AccountDialog

    def rename(dialog):
        dialog.display_name.setText("Nama Baru")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(AccountDialog, "exec", rename)
    tab = window.page(2)
    window.show_tab("akun")
    tab.select(tab.shown_account_ids()[0])
    account = tab.selected_account()
    tab.edit_selected()
    assert accounts.get(window.session.db, account.id).display_name == "Nama Baru"
    window.act_undo.trigger()
    assert accounts.get(window.session.db, account.id).display_name == account.display_name


def test_an_account_with_an_older_address_can_be_renamed_and_undone(window, monkeypatch):
    from core import accounts
    from gui.account_dialog import AccountDialog

    db = window.session.db
    account = next(a for a in accounts.list_all(db) if a.platform == "instagram" and not a.peer)
    db.conn.execute(  # stored by an older version, which took any address
        "UPDATE accounts SET url = 'https://linktr.ee/humas' WHERE id = ?", (account.id,)
    )

    def rename(dialog):
        dialog.display_name.setText("Nama Baru")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(AccountDialog, "exec", rename)
    tab = window.page(2)
    window.show_tab("akun")
    tab.select(account.id)
    tab.edit_selected()
    assert accounts.get(db, account.id).display_name == "Nama Baru"
    window.act_undo.trigger()
    restored = accounts.get(db, account.id)
    assert (restored.display_name, restored.url) == (
        account.display_name,
        "https://linktr.ee/humas",
    )
    window.act_redo.trigger()
    assert accounts.get(db, account.id).display_name == "Nama Baru"


def test_accounts_tab_buttons_do_not_steal_menu_accelerators(window):
    tab = window.page(2)
    for language in ("id", "en"):
        window.set_language(language)
        menus = {a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()}
        buttons = (
            tab.add_button,
            tab.edit_button,
            tab.archive_button,
            tab.followers_button,
            tab.summary_button,
            tab.details.form.save_button,
            tab.details.form.revert_button,
            tab.details.form.reviewed_today,
        )
        letters = [b.text()[b.text().index("&") + 1].lower() for b in buttons]
        assert len(set(letters)) == len(letters), (language, letters)
        assert not set(letters) & menus, (language, letters)
    window.set_language("id")


def test_empty_agenda_heading_stays_at_the_top_level_with_content_this_month(qtbot, db):
    """Issue: with nothing planned, the agenda heading sat halfway down the page."""
    from core import accounts
    from gui.mainwindow import MainWindow
    from gui.session import Session

    accounts.create(db, "instagram", "@humas_kota", "Humas Kota")
    window = MainWindow(Session(db))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    home = window.page(0)
    assert home.stack.currentIndex() == 0 and not home.agenda.isVisibleTo(home)

    def top(widget):
        return widget.mapTo(home, widget.rect().topLeft()).y()

    # Each heading is as tall as its text (a stretched label centres its text far down)…
    for title in (home.agenda_title, home.status_title):
        assert title.height() <= title.sizeHint().height() + 4
    # …both start at the same height, and "nothing planned" follows right below.
    assert abs(top(home.agenda_title) - top(home.status_title)) <= 2
    below = top(home.agenda_title) + home.agenda_title.sizeHint().height()
    assert top(home.agenda_empty) - below < 20


def test_no_tab_shortcut_collides_with_a_window_shortcut(window):
    """Qt fires neither of two shortcuts with the same keys: Ctrl+N in the calendar would
    stop New file working, and New file would stop the calendar's."""
    from PySide6.QtGui import QAction, QShortcut

    window_keys = {
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
    }
    for index in range(len(window.tab_infos)):
        tab = window.page(index)
        for shortcut in tab.findChildren(QShortcut):
            keys = shortcut.key().toString()
            assert keys not in window_keys, (tab.tab_id, keys)


def test_double_clicking_the_home_agenda_opens_that_post(window, monkeypatch):
    from core import posts

    opened = []
    monkeypatch.setattr(
        "gui.post_editor.edit_post",
        lambda parent, session, post_id=None, **kw: opened.append((post_id, kw)),
    )
    home = window.page(0)
    index = home.agenda_model.index(2, 0)
    home.agenda.activated.emit(index)
    item = home.agenda_model.row_at(2)
    variant = posts.get_variant(window.session.db, item.variant_id)
    assert opened == [(variant.post_id, {"variant_id": item.variant_id})]


def test_a_spreadsheet_dropped_on_the_window_goes_to_the_import(window, monkeypatch, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    opened = []
    monkeypatch.setattr(
        "gui.import_dialog.import_files", lambda parent, session, paths: opened.append(paths)
    )
    sheet, notes = tmp_path / "pengikut.csv", tmp_path / "catatan.txt"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet)), QUrl.fromLocalFile(str(notes))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert opened == [[sheet]]  # the spreadsheet only
