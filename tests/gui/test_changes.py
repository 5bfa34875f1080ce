"""A change says what changed: only the tabs that show it refresh, and tables keep their place."""

import pytest
from PySide6.QtCore import Qt

from core import accounts
from gui.signals import Change, app_signals, notify


@pytest.fixture
def counted(window, monkeypatch):
    """Every tab built, each counting its refreshes by tab id."""
    counts = {}
    for page in window.pages:
        counts[page.tab_id] = 0

        def counting(page=page, original=page.refresh):
            counts[page.tab_id] += 1
            original()

        monkeypatch.setattr(page, "refresh", counting)
    window.show_tab("beranda")
    return counts


def test_accounts_change_refreshes_home_and_accounts_only(window, counted):
    notify("accounts")
    assert counted["beranda"] == 1  # on screen: refreshed at once
    assert counted["akun"] == 0  # hidden: marked stale, not rebuilt behind the user's back
    window.show_tab("akun")
    assert counted["akun"] == 1
    window.show_tab("pertumbuhan")  # it shows accounts too: refreshed once, when shown
    assert counted["pertumbuhan"] == 1
    window.show_tab("panduan")  # its compliance view names accounts: refreshed when shown
    assert counted["panduan"] == 1
    assert counted["beranda"] == 1


def test_change_to_posts_leaves_the_accounts_table_alone(window, counted):
    window.show_tab("akun")
    notify("posts")
    assert counted["akun"] == 0
    window.show_tab("beranda")
    assert counted["beranda"] == 1


def test_hidden_tab_refreshes_once_for_many_changes(window, counted):
    for _ in range(5):
        notify("snapshots")
    assert counted["akun"] == 0
    window.show_tab("akun")
    window.show_tab("beranda")
    window.show_tab("akun")
    assert counted["akun"] == 1


def test_hidden_home_shows_an_archived_account_gone_when_shown(window):
    home, tab = window.page(0), window.page(2)
    before = len(home.cards)
    window.show_tab("akun")
    tab.select(tab.shown_account_ids()[0])
    tab.archive_button.click()
    assert len(home.cards) == before  # hidden: not rebuilt yet
    window.show_tab("beranda")
    assert len(home.cards) == before - 1


def test_older_string_callers_still_refresh_the_right_tabs(window, counted):
    app_signals().data_changed.emit("accounts")
    assert counted["beranda"] == 1
    app_signals().data_changed.emit("team")  # units and members: Accounts, Home's scope
    assert counted["beranda"] == 2
    app_signals().data_changed.emit("members")  # Accounts only
    assert counted["beranda"] == 2
    window.show_tab("akun")
    assert counted["akun"] == 1


def test_change_names_kinds_and_ids():
    change = Change.of("metrics", ids={3})
    assert change.kinds == {"snapshots"} and change.ids == {3}
    assert Change.of("something-new").kinds == Change.of(["accounts", "team"]).kinds | {
        "snapshots",
        "posts",
        "settings",
        "pillars",
        "snippets",
        "guidelines",
    }
    with pytest.raises(ValueError, match="acounts"):
        notify("acounts")


def test_language_change_refreshes_a_hidden_tab_when_shown(window, counted):
    window.set_language("en")
    try:
        assert counted["beranda"] == 1 and counted["akun"] == 0
        window.show_tab("akun")
        assert counted["akun"] == 1
        assert window.page(2).count.text().endswith(" accounts")
    finally:
        window.set_language("id")


# -- tables keep their place --------------------------------------------------------------


@pytest.fixture
def many_accounts_window(qtbot, db):
    from gui.mainwindow import MainWindow
    from gui.session import Session

    for number in range(80):
        accounts.create(db, "instagram", f"@akun_{number:02d}", f"Akun {number:02d}")
    window = MainWindow(Session(db))
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    window.show_tab("akun")
    return window


def _selected_handle(tab):
    rows = tab.tree.selectionModel().selectedRows()
    return [r.siblingAtColumn(0).data() for r in rows]


def test_accounts_table_keeps_selection_and_scroll_across_a_refresh(many_accounts_window, qtbot):
    window = many_accounts_window
    tab = window.page(2)
    tab.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    tab.select(tab.shown_account_ids()[50])
    tab.tree.scrollTo(tab.proxy.index(50, 0))
    scroll = tab.tree.verticalScrollBar()
    assert scroll.value() > 0
    position = scroll.value()
    assert _selected_handle(tab) == ["@akun_50"]

    # Another account changes (elsewhere, e.g. undo or another dialog): the table reloads.
    other = next(a for a in accounts.list_all(window.session.db) if a.handle == "akun_10")
    accounts.update(window.session.db, other.id, display_name="Akun sepuluh")
    notify("accounts", ids={other.id})

    assert tab.model.rowCount() == 80
    assert _selected_handle(tab) == ["@akun_50"]
    assert tab.selected_account().handle == "akun_50"
    assert scroll.value() == position
    assert tab.edit_button.isEnabled()


def test_selection_follows_the_account_when_rows_are_added_above(many_accounts_window):
    window = many_accounts_window
    tab = window.page(2)
    tab.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    tab.select(tab.shown_account_ids()[20])
    assert _selected_handle(tab) == ["@akun_20"]
    accounts.create(window.session.db, "instagram", "@aaa_pertama", "Pertama")
    notify("accounts")
    assert tab.model.rowCount() == 81
    assert _selected_handle(tab) == ["@akun_20"]


def test_selection_is_dropped_when_the_selected_row_is_gone(many_accounts_window):
    window = many_accounts_window
    tab = window.page(2)
    tab.select(tab.shown_account_ids()[5])
    account = tab.selected_account()
    accounts.set_archived(window.session.db, account.id, True)
    notify("accounts", ids={account.id})
    assert tab.model.rowCount() == 79
    assert tab.selected_account() is None
    assert not tab.edit_button.isEnabled()


def test_opening_another_file_carries_no_selection_over(many_accounts_window, tmp_path):
    from core.db import open_database
    from gui.session import Session

    window = many_accounts_window
    tab = window.page(2)
    tab.select(tab.shown_account_ids()[3])
    selected = tab.selected_account()
    assert selected is not None
    # Another file whose accounts have the same ids but are other accounts.
    other = open_database(tmp_path / "lain.sqlite", create=True)
    for number in range(10):
        accounts.create(other, "x", f"lain_{number}", f"Lain {number}")
    window.replace_session(Session(other))
    assert tab.model.rowCount() == 10
    assert tab.tree.selectionModel().selectedRows() == []
    assert not tab.edit_button.isEnabled()
