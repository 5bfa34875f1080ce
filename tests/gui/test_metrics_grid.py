"""The figures grid (typing, paste, copy, delete, undo) and the monthly update."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QLineEdit, QWidget

from core import accounts, metrics
from gui.session import Session

TODAY = dt.date(2026, 11, 25)


class Host(QWidget):
    """Stands in for the main window: it holds the undo stack."""

    def __init__(self):
        super().__init__()
        self.undo_stack = QUndoStack(self)


@pytest.fixture
def host(qtbot):
    widget = Host()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def account(db):
    account = accounts.create(db, "instagram", "humas_kota")
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2026-10-01", "followers": 70000, "reach": 900},
            {"account_id": account.id, "date": "2026-11-01", "followers": 76000, "reach": 1200},
        ],
    )
    return account


@pytest.fixture
def grid(qtbot, db, account, host):
    from gui.metrics_grid import FiguresDialog

    dialog = FiguresDialog(Session(db, today=TODAY), account, host)
    qtbot.addWidget(dialog)
    return dialog


def days(db, account):
    return {s.date: s for s in metrics.snapshots(db, account.id)}


def cell(grid, row, column):
    from gui.metrics_grid import COLUMNS

    return grid.model.index(row, COLUMNS.index(column))


def test_rows_oldest_first_with_an_empty_row_to_add_a_day(grid):
    model = grid.model
    assert model.rowCount() == 3
    assert cell(grid, 0, "followers").data() == "70.000"
    assert cell(grid, 2, "followers").data() == ""
    assert model.headerData(2, Qt.Orientation.Vertical) == "*"
    assert not cell(grid, 0, "date").flags() & Qt.ItemFlag.ItemIsEditable
    assert cell(grid, 2, "date").flags() & Qt.ItemFlag.ItemIsEditable


def test_typing_a_figure_in_indonesian_format_stores_the_integer(grid, db, account, host):
    assert grid.model.setData(cell(grid, 1, "followers"), "76.670")
    assert days(db, account)["2026-11-01"].followers == 76670
    assert days(db, account)["2026-11-01"].reach == 1200  # only that column is written
    assert cell(grid, 1, "followers").data() == "76.670"
    grid.model.setData(cell(grid, 1, "impressions"), "12,500")
    assert days(db, account)["2026-11-01"].impressions == 12500
    host.undo_stack.undo()
    host.undo_stack.undo()
    assert days(db, account)["2026-11-01"].followers == 76000
    assert days(db, account)["2026-11-01"].impressions is None


def test_keyboard_entry_moves_down_with_enter(qtbot, grid, db, account):
    grid.show()
    view = grid.view
    view.setCurrentIndex(cell(grid, 0, "reach"))
    qtbot.keyClick(view, Qt.Key.Key_9)  # typing starts editing, as in a spreadsheet
    editor = view.findChild(QLineEdit)
    qtbot.keyClicks(editor, "50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits once events run
    qtbot.waitUntil(lambda: days(db, account)["2026-10-01"].reach == 950)
    assert view.currentIndex().row() == 1


@pytest.mark.parametrize(
    ("column", "text", "reason"),
    [
        ("followers", "banyak", "not a number"),
        ("reach", "-5", "cannot be negative"),
        ("followers", "", "followers cannot be emptied; to remove the day, delete its row"),
    ],
)
def test_a_bad_cell_is_red_and_not_written(grid, db, account, column, text, reason):
    from core.i18n import _

    before = days(db, account)
    grid.model.setData(cell(grid, 0, column), text)
    assert days(db, account) == before
    index = cell(grid, 0, column)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == _(reason)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert index.data() == text


@pytest.mark.parametrize("text", ["31/02/2021", "25/11/2099", "01/11/2026", "kemarin"])
def test_a_bad_new_date_is_refused(grid, db, account, text):
    model = grid.model
    model.setData(cell(grid, 2, "date"), text)
    model.setData(cell(grid, 2, "followers"), "80000")
    assert len(days(db, account)) == 2
    assert cell(grid, 2, "date").data(Qt.ItemDataRole.ToolTipRole)


def test_a_new_day_is_written_once_it_has_date_and_followers_and_undo_removes_it(
    grid, db, account, host
):
    grid.show()
    model = grid.model
    model.setData(cell(grid, 2, "reach"), "1.500")
    model.setData(cell(grid, 2, "date"), "15/11/2026")
    assert "2026-11-15" not in days(db, account)
    model.setData(cell(grid, 2, "followers"), "77.000")
    assert days(db, account)["2026-11-15"].reach == 1500
    assert model.rowCount() == 4 and cell(grid, 2, "date").data() != ""
    host.undo_stack.undo()
    assert "2026-11-15" not in days(db, account)
    assert model.rowCount() == 3


def test_paste_a_block_with_header_and_indonesian_numbers_is_one_undo_step(grid, db, account, host):
    text = (
        "Tanggal\tPengikut\tJangkauan\r\n"
        "01/10/2026\t70.500\t1.000\r\n"
        "01/11/2026\t76.670\t\r\n"
        "15/11/2026\t77.100\t2.345\r\n"
    )
    grid.view.setCurrentIndex(cell(grid, 0, "date"))
    assert grid.paste(text), grid.problems.text()
    stored = days(db, account)
    assert stored["2026-10-01"].followers == 70500 and stored["2026-10-01"].reach == 1000
    assert stored["2026-11-01"].followers == 76670 and stored["2026-11-01"].reach == 1200
    assert stored["2026-11-15"].reach == 2345
    assert host.undo_stack.count() == 1
    host.undo_stack.undo()
    stored = days(db, account)
    assert set(stored) == {"2026-10-01", "2026-11-01"}
    assert stored["2026-10-01"].followers == 70000 and stored["2026-10-01"].reach == 900
    assert stored["2026-11-01"].followers == 76000


def test_paste_english_numbers_without_dates_fills_the_rows_from_the_current_cell(
    grid, db, account
):
    grid.view.setCurrentIndex(cell(grid, 0, "followers"))
    assert grid.paste("70,100\t1,000\n76,200\t2,000\n")
    stored = days(db, account)
    assert (stored["2026-10-01"].followers, stored["2026-10-01"].reach) == (70100, 1000)
    assert (stored["2026-11-01"].followers, stored["2026-11-01"].reach) == (76200, 2000)


def test_paste_with_a_bad_cell_writes_nothing_and_lists_the_problems(grid, db, account, host):
    before = days(db, account)
    grid.view.setCurrentIndex(cell(grid, 0, "date"))
    ok = grid.paste("01/10/2026\t71.000\n31/02/2026\t72.000\n01/11/2026\tbanyak\n")
    assert not ok
    assert days(db, account) == before
    assert host.undo_stack.count() == 0
    problems = grid.problems.text()
    assert "2" in problems and "3" in problems
    assert grid.problems.isVisibleTo(grid)


def test_copy_gives_tab_separated_lines(grid):
    cells = [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert grid.model.copy_text(cells) == "2026-10-01\t70000\n2026-11-01\t76000\n"


def test_copy_then_paste_round_trips(qtbot, grid, db, account):
    grid.show()
    grid.select_rows([0, 1])
    qtbot.keyClick(grid.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("2026-10-01\t70000\t900")
    before = days(db, account)
    assert grid.paste(copied)
    assert days(db, account) == before


def test_delete_clears_counts_but_not_followers(grid, db, account, host):
    grid.model.clear_cells([(0, "reach"), (0, "followers")])
    assert days(db, account)["2026-10-01"].reach is None
    assert days(db, account)["2026-10-01"].followers == 70000
    host.undo_stack.undo()
    assert days(db, account)["2026-10-01"].reach == 900


def test_deleting_a_whole_row_asks_first(monkeypatch, grid, db, account, host):
    import gui.lists_dialog

    asked = []
    monkeypatch.setattr(gui.lists_dialog, "confirm", lambda *args: asked.append(args) or False)
    grid.select_rows([0])
    grid.delete_selection()
    assert asked and "2026-10-01" in days(db, account)

    monkeypatch.setattr(gui.lists_dialog, "confirm", lambda *args: True)
    grid.delete_selection()
    assert "2026-10-01" not in days(db, account)
    host.undo_stack.undo()
    assert days(db, account)["2026-10-01"].reach == 900


def test_read_only_grid_is_not_editable(qtbot, monkeypatch, db, account):
    from gui.metrics_grid import FiguresDialog

    monkeypatch.setattr(Session, "read_only", property(lambda self: True))
    dialog = FiguresDialog(Session(db, today=TODAY), account)
    qtbot.addWidget(dialog)
    assert not cell(dialog, 0, "reach").flags() & Qt.ItemFlag.ItemIsEditable
    assert not dialog.paste("01/10/2026\t1\n")
    assert days(db, account)["2026-10-01"].followers == 70000


def test_the_model_passes_the_model_tester(qtmodeltester, grid):
    qtmodeltester.check(grid.model)
    grid.model.setData(cell(grid, 2, "date"), "15/11/2026")
    grid.model.setData(cell(grid, 2, "followers"), "77.000")
    qtmodeltester.check(grid.model)


# -- the monthly update ------------------------------------------------------------------


@pytest.fixture
def others(db):
    facebook = accounts.create(db, "facebook", "humaskota")
    accounts.create(db, "instagram", "kota_tetangga", peer=True)
    metrics.upsert_snapshots(
        db, [{"account_id": facebook.id, "date": "2026-11-01", "followers": 8000}]
    )
    return facebook


@pytest.fixture
def monthly(qtbot, db, account, others, host):
    from gui.monthly_dialog import MonthlyDialog

    dialog = MonthlyDialog(Session(db, today=TODAY), host)
    qtbot.addWidget(dialog)
    return dialog


def edits_of(dialog, handle):
    place = next(i for i, a in enumerate(dialog.accounts) if a.handle == handle)
    return dialog.edits[place]


def test_monthly_lists_our_accounts_with_the_last_figure(monthly):
    assert [a.handle for a in monthly.accounts] == ["humaskota", "humas_kota"]
    assert monthly.chosen_date() == "2026-11-01"
    assert "70.000" in monthly.lasts[1].text()  # before 1 November: the October figure


def test_monthly_saves_only_filled_rows(monthly, db, account, others, host):
    edits_of(monthly, "humas_kota")["followers"].setText("77.500")
    edits_of(monthly, "humas_kota")["reach"].setText("3,000")
    assert monthly.save(), monthly.problems.text()
    assert days(db, account)["2026-11-01"].followers == 77500
    assert days(db, account)["2026-11-01"].reach == 3000
    assert days(db, others)["2026-11-01"].followers == 8000
    host.undo_stack.undo()
    assert days(db, account)["2026-11-01"].followers == 76000


def test_monthly_refuses_a_bad_field_and_writes_nothing(monthly, db, account):
    edits_of(monthly, "humas_kota")["followers"].setText("77.500")
    edits_of(monthly, "humaskota")["followers"].setText("-1")
    assert not monthly.save()
    assert days(db, account)["2026-11-01"].followers == 76000
    assert "humaskota" in monthly.problems.text()


def test_monthly_asks_when_followers_more_than_halve(monkeypatch, monthly, db, account):
    import gui.lists_dialog

    asked = []
    monkeypatch.setattr(gui.lists_dialog, "confirm", lambda *args: asked.append(args) or False)
    monthly.date.setDate(monthly.date.date().addDays(14))  # 15 November: last is 76.000
    edits_of(monthly, "humas_kota")["followers"].setText("30.000")
    assert not monthly.save()
    assert asked and "humas_kota" in asked[0][2]
    assert "2026-11-15" not in days(db, account)
    monkeypatch.setattr(gui.lists_dialog, "confirm", lambda *args: True)
    assert monthly.save()
    assert days(db, account)["2026-11-15"].followers == 30000


def test_monthly_read_only_cannot_save(qtbot, db, account, others, monkeypatch):
    from gui.monthly_dialog import MonthlyDialog

    monkeypatch.setattr(Session, "read_only", property(lambda self: True))
    dialog = MonthlyDialog(Session(db, today=TODAY))
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    edits_of(dialog, "humas_kota")["followers"].setText("1")
    assert not dialog.save()
    assert days(db, account)["2026-11-01"].followers == 76000


def test_figures_button_opens_the_grid(window):
    from gui.metrics_grid import FiguresDialog

    window.show_tab("akun")
    tab = window.current_page()
    tab._select_some()
    dialog = tab.edit_figures()
    assert isinstance(dialog, FiguresDialog)
    assert dialog.model.rowCount() > 1
    dialog.close()


def test_a_figure_core_refuses_is_red_too(grid, db, account):
    before = days(db, account)
    grid.model.setData(cell(grid, 0, "reach"), "10.000.000.000.000.000.000")  # beyond SQLite
    assert days(db, account) == before
    assert cell(grid, 0, "reach").data(Qt.ItemDataRole.ToolTipRole)


def test_edit_menu_opens_the_monthly_update(window):
    from gui.monthly_dialog import MonthlyDialog

    window.act_monthly.trigger()
    dialog = window.findChild(MonthlyDialog)
    assert dialog is not None and dialog.isVisible()
    assert all(not account.peer for account in dialog.accounts)
    dialog.reject()


def test_ctrl_v_pastes_the_clipboard_at_the_current_cell(qtbot, grid, db, account):
    grid.show()
    grid.view.setCurrentIndex(cell(grid, 1, "impressions"))
    QGuiApplication.clipboard().setText("Impressions\tEngagements\n45.000\t1.234\n")
    qtbot.keyClick(grid.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    stored = days(db, account)["2026-11-01"]
    assert (stored.impressions, stored.engagements) == (45000, 1234)


def test_delete_key_empties_the_selected_figures(qtbot, grid, db, account):
    grid.show()
    grid.view.setCurrentIndex(cell(grid, 1, "reach"))
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert days(db, account)["2026-11-01"].reach is None


def test_monthly_tab_moves_down_the_list(monthly):
    first, second = (edits["followers"] for edits in monthly.edits)
    assert first.nextInFocusChain() is second


def test_monthly_marks_a_halving_as_it_is_typed(monthly):
    followers = edits_of(monthly, "humas_kota")["followers"]
    followers.setText("30.000")  # last: 70.000 on 1 October
    assert followers.toolTip() and followers.styleSheet()
    followers.setText("69.000")
    assert not followers.toolTip()


def test_many_problems_are_counted_not_all_listed(grid):
    from gui.metrics_grid import SHOWN_PROBLEMS

    grid.view.setCurrentIndex(cell(grid, 0, "reach"))
    assert not grid.paste("1\tbad\tbad\tbad\n" * 3 + "1\t2\t3\t4\n" * 5)  # 15 problems
    lines = grid.problems.text().split("\n")
    assert len(lines) == SHOWN_PROBLEMS + 1, lines
    assert lines[-1].startswith("…")


def test_a_block_from_a_us_sheet_keeps_its_days(grid, db, account):
    grid.view.setCurrentIndex(cell(grid, 0, "date"))
    # 11/20/2026 reads only month first: 11/05/2026 is then 5 November, not 11 May.
    assert grid.paste("11/05/2026\t71000\n11/20/2026\t72000\n"), grid.problems.text()
    stored = days(db, account)
    assert stored["2026-11-05"].followers == 71000 and "2026-05-11" not in stored


def test_a_block_mixing_both_date_orders_writes_nothing(grid, db, account):
    before = days(db, account)
    grid.view.setCurrentIndex(cell(grid, 0, "date"))
    assert not grid.paste("13/05/2026\t71000\n05/14/2026\t72000\n")
    assert days(db, account) == before


def test_pasting_only_empty_cells_leaves_no_undo_step(grid, db, account, host):
    grid.view.setCurrentIndex(cell(grid, 0, "reach"))
    count = host.undo_stack.count()
    grid.paste("-\t-\n")
    assert host.undo_stack.count() == count


def test_opening_an_account_s_figures_twice_shows_the_one_grid(qtbot, window):
    from core import accounts as core_accounts
    from gui.metrics_grid import edit_figures

    account = next(a for a in core_accounts.list_all(window.session.db) if not a.peer)
    first = edit_figures(window, window.session, account.id)
    qtbot.addWidget(first)
    assert edit_figures(window, window.session, account.id) is first
