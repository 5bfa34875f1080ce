"""One account's figures as a spreadsheet: a row per day (oldest first), a last empty row to
add a day, typing, pasting from Excel or LibreOffice, copying, clearing, and undo.

A cell is written as soon as it is entered, and only that figure (`metrics.upsert_snapshots`
is a partial update). A cell that does not read as a figure (not a number, negative, a day
that does not exist, in the future, or already in the grid) stays red with the reason as its
tooltip and writes nothing. A new day is written once it has its date and followers.

A pasted block is read with `core.parse` (76.670 and 76,670 are the same count), checked
whole, and written in one transaction as one undo step, or not at all with every problem
listed. When the block has the date column each line is a day, found by its date (added if
new); without it, the lines fill the days from the current row down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, metrics, parse, timezone
from core.db import Database
from core.errors import LinimasaError
from core.i18n import _
from gui.session import Session
from gui.signals import Change, app_signals, notify
from gui.snapshot_dialog import undo_snapshot
from gui.widgets import error_label, hint_label

COLUMNS = ("date", "followers", *metrics.SNAPSHOT_COUNTS)
COLUMN_TITLES = metrics.SNAPSHOT_TITLES
#: Header names a pasted block may use for a column, besides the column titles in either
#: language: the export's names and their Indonesian labels.
HEADER_NAMES = {
    "date": {"date", "tanggal"},
    "followers": {"followers", "pengikut", "subscribers", "pelanggan"},
    "reach": {"reach", "jangkauan"},
    "impressions": {"impressions", "tayangan"},
    "engagements": {"engagements", "interaksi"},
    "posts_published": {"posts_published", "jumlah_unggahan"},
    "new_followers": {"new_followers", "new follows", "pengikut_baru"},
    "video_views": {"video_views", "penayangan_video"},
}
#: Dates are typed and pasted day first, as Indonesian and British spreadsheets write them.
DATE_ORDER = "dmy"
#: A paste's problems listed under the grid at most; the rest are counted.
SHOWN_PROBLEMS = 12
PROBLEM_COLOUR = QColor("#b3261e")
PROBLEM_BACKGROUND = QColor("#fde7e5")


def read_count(text: str) -> int | None:
    """A count from a cell (None: no value); ValueError with the reason the user reads."""
    try:
        value = parse.number(text)
    except ValueError:
        raise ValueError(_("not a number")) from None
    if value is None:
        return None
    if value < 0:
        raise ValueError(_("cannot be negative"))
    if not value.is_integer():
        raise ValueError(_("not a whole number"))
    return int(value)


def read_day(text: str, latest: dt.date, order: str = DATE_ORDER) -> str | None:
    """An ISO date from a cell (None: no value); ValueError with the reason the user reads."""
    if parse.is_no_value(text):
        return None
    try:
        day = parse.date(text, order=order)
    except ValueError:
        raise ValueError(_("not a date (day/month/year) or no such day")) from None
    if day > latest:
        raise ValueError(_("in the future"))
    return day.isoformat()


def restore_days(
    db: Database, account_id: int, before: dict[str, metrics.FollowerSnapshot | None]
) -> None:
    """Put back what each day held before, in one transaction (a day that was not there
    is deleted again)."""
    with db.transaction():
        for day, previous in before.items():
            undo_snapshot(db, account_id, day, previous)


class FiguresModel(QAbstractTableModel):
    """The account's snapshots as rows, oldest first, and one more empty row for a new day."""

    def __init__(self, session: Session, account: accounts.Account, parent=None):
        super().__init__(parent)
        self.session, self.account = session, account
        self.rows: list[metrics.FollowerSnapshot] = []
        #: What the new (last) row holds until it has a date and followers.
        self.pending: dict[str, object] = {}
        #: (day or None for the new row, column) -> (the text typed, why it was refused)
        self.problems: dict[tuple[str | None, str], tuple[str, str]] = {}
        #: Given (undo text, redo, undo) after every change it made: the dialog makes it undoable.
        self.remember: Callable[[str, Callable, Callable], None] | None = None
        self.reload()

    @property
    def db(self) -> Database:
        return self.session.db

    # -- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the days again; the views keep their current cell and selection by day (the
        new row's cells go to the day just added from it)."""
        old = [row.date for row in self.rows]
        rows = metrics.snapshots(self.db, self.account.id)
        added = {row.date for row in rows} - set(old)
        self.layoutAboutToBeChanged.emit()
        held = self.persistentIndexList()
        self.rows = rows
        places = {row.date: place for place, row in enumerate(rows)}
        moved = []
        for index in held:
            day = old[index.row()] if index.row() < len(old) else None
            if day is None and len(added) == 1:
                day = next(iter(added))
            place = places.get(day, len(rows)) if day is not None else len(rows)
            moved.append(self.index(place, index.column()))
        self.changePersistentIndexList(held, moved)
        self.layoutChanged.emit()

    def day_at(self, row: int) -> str | None:
        return self.rows[row].date if row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows) + 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            column = COLUMNS[section]
            if column == "followers" and self.account.platform == "youtube":
                return _("Subscribers")
            return _(COLUMN_TITLES[column])
        return "*" if section == len(self.rows) else str(section + 1)

    def value(self, row: int, column: str) -> object:
        if row < len(self.rows):
            return getattr(self.rows[row], column)
        return self.pending.get(column)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        problem = self.problems.get((self.day_at(index.row()), column))
        value = self.value(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            if problem is not None:
                return problem[0]
            if value is None:
                return ""
            return fmt.date_short(value) if column == "date" else fmt.number(value)
        if role == Qt.ItemDataRole.EditRole:
            if problem is not None:
                return problem[0]
            if value is None:
                return ""
            if column == "date":
                return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
            return fmt.number(value)
        if role == Qt.ItemDataRole.ToolTipRole and problem is not None:
            return problem[1]
        if role == Qt.ItemDataRole.ForegroundRole and problem is not None:
            return QBrush(PROBLEM_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "date":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.session.read_only:
            return flags
        if COLUMNS[index.column()] == "date" and index.row() < len(self.rows):
            return flags  # a day stays a day: delete its row and add the other date instead
        return flags | Qt.ItemFlag.ItemIsEditable

    # -- typing ---------------------------------------------------------------------------

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.enter(index.row(), COLUMNS[index.column()], str(value))
        return True

    def enter(self, row: int, column: str, text: str) -> str | None:
        """Take what was typed in a cell; the reason it was refused, or None."""
        day = self.day_at(row)
        try:
            if column == "date":
                value = read_day(text, timezone.latest_today(self.db))
                if value is not None and any(r.date == value for r in self.rows):
                    raise ValueError(_("this day is already in the grid"))
            else:
                value = read_count(text)
                if value is None and column == "followers" and day is not None:
                    raise ValueError(
                        _("followers cannot be emptied; to remove the day, delete its row")
                    )
        except ValueError as error:
            self._set_problem(row, column, (text.strip(), str(error)))
            return str(error)
        self._set_problem(row, column, None)
        try:
            if day is None:
                self._enter_new(column, value)
            elif value != getattr(self.rows[row], column):
                change = metrics.CLEAR if value is None else value
                self.write(
                    [{"account_id": self.account.id, "date": day, column: change}],
                    _("change a figure of {account}"),
                )
        except LinimasaError as error:  # refused by core (a count too large to store…)
            self._set_problem(row, column, (text.strip(), str(error)))
            return str(error)
        return None

    def _enter_new(self, column: str, value: object) -> None:
        if value is None:
            self.pending.pop(column, None)
        else:
            self.pending[column] = value
        if "date" in self.pending and "followers" in self.pending:
            row = {"account_id": self.account.id, **self.pending}
            self.pending = {}
            self.problems = {key: p for key, p in self.problems.items() if key[0] is not None}
            self.write([row], _("add a day to {account}"))
        else:
            last = self.index(len(self.rows), 0)
            self.dataChanged.emit(last, self.index(len(self.rows), len(COLUMNS) - 1))

    def _set_problem(self, row: int, column: str, problem: tuple[str, str] | None) -> None:
        key = (self.day_at(row), column)
        if problem is None and key not in self.problems:
            return
        if problem is None:
            del self.problems[key]
        else:
            self.problems[key] = problem
        index = self.index(row, COLUMNS.index(column))
        self.dataChanged.emit(index, index)

    # -- writing --------------------------------------------------------------------------

    def write(self, rows: list[dict], text: str) -> None:
        """Upsert `rows` (one transaction), remember it as one undo step, tell the views."""
        db, account_id = self.db, self.account.id
        before = {row["date"]: metrics.snapshot_on(db, account_id, row["date"]) for row in rows}
        metrics.upsert_snapshots(db, rows)
        self._changed(
            text,
            lambda: metrics.upsert_snapshots(db, rows),
            lambda: restore_days(db, account_id, before),
        )

    def delete_days(self, days: Iterable[str]) -> None:
        db, account_id = self.db, self.account.id
        before = {day: metrics.snapshot_on(db, account_id, day) for day in days}

        def delete() -> None:
            with db.transaction():
                for day in before:
                    metrics.delete_snapshot(db, account_id, day)

        def put_back() -> None:
            metrics.upsert_snapshots(db, [s.as_row() for s in before.values() if s is not None])

        delete()
        self.problems = {key: p for key, p in self.problems.items() if key[0] not in before}
        self._changed(_("delete days of {account}"), delete, put_back)

    def _changed(self, text: str, do: Callable, undo: Callable) -> None:
        if self.remember is not None:
            self.remember(text.format(account=accounts.handle_text(self.account)), do, undo)
        self.reload()
        notify("snapshots", ids={self.account.id})

    def clear_cells(self, cells: Iterable[tuple[int, str]]) -> bool:
        """Empty these cells' figures in one step (refused problems are simply dropped);
        False if some held followers or a date, which stay."""
        changes: dict[str, dict] = {}
        kept = False
        for row, column in cells:
            day = self.day_at(row)
            self._set_problem(row, column, None)
            if day is None:
                self.pending.pop(column, None)
            elif column in ("date", "followers"):
                kept = True
            elif getattr(self.rows[row], column) is not None:
                changes.setdefault(day, {"account_id": self.account.id, "date": day})
                changes[day][column] = metrics.CLEAR
        if changes:
            self.write(list(changes.values()), _("clear figures of {account}"))
        elif cells:
            last = len(self.rows)
            self.dataChanged.emit(self.index(last, 0), self.index(last, len(COLUMNS) - 1))
        return not kept

    # -- pasting --------------------------------------------------------------------------

    def paste(self, text: str, row: int, column: int) -> list[str]:
        """Write a tab-separated block with its top left cell at (row, column), all or
        nothing. Returns the problems (empty: written)."""
        lines = [line.split("\t") for line in text.replace("\r\n", "\n").split("\n")]
        while lines and not any(cell.strip() for cell in lines[-1]):
            lines.pop()
        if not lines:
            return [_("The clipboard holds no cells.")]
        first_line = 1
        columns = [COLUMNS[column + i] if column + i < len(COLUMNS) else None for i in range(99)]
        if _is_header(lines[0]):
            named = [self._column_named(cell) for cell in lines[0]]
            if all(name is not None for name in named if name != ""):
                columns = named + [None] * 99
            lines, first_line = lines[1:], 2
        latest = timezone.latest_today(self.db)
        problems: list[str] = []
        rows: list[dict] = []
        seen: set[str] = set()
        order = self._block_order(lines, columns)
        if order is None:
            return [
                _(
                    "the dates mix day-first (e.g. 13/05) and month-first (e.g. 05/14) "
                    "orders; correct the file so that all dates are written the same way"
                )
            ]
        for number, cells in enumerate(lines, start=first_line):
            if not any(cell.strip() for cell in cells):
                continue
            found = {"account_id": self.account.id}
            for place, cell in enumerate(cells):
                name = columns[place]
                if name:
                    try:
                        found[name] = (
                            read_day(cell, latest, order) if name == "date" else read_count(cell)
                        )
                    except ValueError as error:
                        title = self.headerData(COLUMNS.index(name), Qt.Orientation.Horizontal)
                        problems.append(
                            _("line {line}, {column}: {problem}").format(
                                line=number, column=title, problem=error
                            )
                        )
                elif cell.strip():
                    problems.append(
                        _("line {line}: more cells than there are columns").format(line=number)
                    )
            if "date" not in columns[: len(cells)]:
                found["date"] = self.day_at(row + number - first_line)
                if found["date"] is None:
                    problems.append(
                        _("line {line}: no day to paste into; copy the dates too").format(
                            line=number
                        )
                    )
                    continue
            day = found.get("date")
            if day is None:  # a date that did not read is already a problem
                if "date" in found:
                    problems.append(_("line {line}: no date").format(line=number))
                continue
            if day in seen:
                problems.append(
                    _("line {line}: this day is twice in the block").format(line=number)
                )
            seen.add(day)
            if found.get("followers") is None and not any(r.date == day for r in self.rows):
                problems.append(_("line {line}: a new day needs its followers").format(line=number))
            rows.append({key: value for key, value in found.items() if value is not None})
        if problems:
            return problems
        if not rows:
            return []  # only empty cells: nothing to write, and no undo step
        try:
            self.write(rows, _("paste figures into {account}"))
        except LinimasaError as error:
            return [str(error)]
        return []

    @staticmethod
    def _block_order(lines: list[list[str]], columns: list[str | None]) -> str | None:
        """How the block's dates read: day first, unless a date that reads only month first
        (11/20/2026) says the block came from a US-style sheet; None when both kinds occur."""
        votes = set()
        for cells in lines:
            for place, cell in enumerate(cells):
                if columns[place] == "date" and not parse.is_no_value(cell):
                    readings = parse.date_candidates(cell)
                    if set(readings) in ({"dmy"}, {"mdy"}):
                        votes |= set(readings)
        if len(votes) > 1:
            return None
        return votes.pop() if votes else DATE_ORDER

    def _column_named(self, text: str) -> str | None:
        name = text.strip().lower()
        if not name:
            return ""
        for place, column in enumerate(COLUMNS):
            titles = {COLUMN_TITLES[column].lower(), _(COLUMN_TITLES[column]).lower()}
            titles.add(str(self.headerData(place, Qt.Orientation.Horizontal)).lower())
            if name in HEADER_NAMES[column] | titles:
                return column
        return None

    def copy_text(self, cells: Iterable[tuple[int, int]]) -> str:
        """The cells' bounding block as tab-separated lines: ISO dates and plain counts,
        which every spreadsheet reads back."""
        cells = list(cells)
        if not cells:
            return ""
        rows = range(min(r for r, _c in cells), max(r for r, _c in cells) + 1)
        columns = range(min(c for _r, c in cells), max(c for _r, c in cells) + 1)
        lines = []
        for row in rows:
            values = [self.value(row, COLUMNS[column]) for column in columns]
            lines.append("\t".join("" if v is None else str(v) for v in values))
        return "\n".join(lines) + "\n"


def _is_header(cells: list[str]) -> bool:
    """A line of names: no cell in it reads as a number or a date."""
    for cell in cells:
        if parse.is_no_value(cell):
            continue
        try:
            parse.number(cell)
            return False
        except ValueError:
            pass
        if parse.date_candidates(cell):
            return False
    return any(cell.strip() for cell in cells)


class FiguresView(QTableView):
    """Enter moves down, Tab right; Ctrl+C, Ctrl+V and Delete work on the selection."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.on_paste: Callable[[], None] | None = None
        self.on_delete: Callable[[], None] | None = None
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt's name
        down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache  # Enter
        current = QPersistentModelIndex(self.currentIndex())
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if down else hint)
        if down and current.isValid():
            below = self.model().index(
                min(current.row() + 1, self.model().rowCount() - 1), current.column()
            )
            self.setCurrentIndex(below)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Copy):
            cells = [(i.row(), i.column()) for i in self.selectedIndexes()]
            QGuiApplication.clipboard().setText(self.model().copy_text(cells))
            return
        if event.matches(QKeySequence.StandardKey.Paste) and self.on_paste is not None:
            self.on_paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.on_delete:
            self.on_delete()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            index = self.currentIndex()
            self.setCurrentIndex(
                index.siblingAtRow(min(index.row() + 1, self.model().rowCount() - 1))
            )
            return
        super().keyPressEvent(event)


class FiguresDialog(QDialog):
    """The grid of one account's figures, with a line for what went wrong."""

    def __init__(self, session: Session, account: accounts.Account, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.account = session, account
        self.undo_stack = getattr(parent.window(), "undo_stack", None) if parent else None
        self.model = FiguresModel(session, account, self)
        self.stale = False
        self.model.remember = self._remember
        self.view = FiguresView()
        self.view.setModel(self.model)
        self.view.on_paste = self.paste
        self.view.on_delete = self.delete_selection
        self.hint = hint_label()
        self.problems = error_label()
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        if self.undo_stack is not None:
            for key, step in (
                (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            ):
                QShortcut(QKeySequence(key), self).activated.connect(step)
        signals = app_signals()
        signals.data_changed.connect(self._data_changed)
        signals.language_changed.connect(self.translate_ui)
        self.translate_ui()
        self.resize(760, 480)
        self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self.view.scrollToBottom()

    def translate_ui(self, *_args) -> None:
        self.setWindowTitle(
            _("Figures of {account}").format(account=accounts.handle_text(self.account))
        )
        if self.session.read_only:
            self.hint.setText(_("The file is open read-only: the figures cannot be changed."))
        else:
            self.hint.setText(
                _(
                    "Type a figure and press Enter (down) or Tab (right); a new day goes in the "
                    "last row. Paste cells copied from a spreadsheet with Ctrl+V. Delete empties "
                    "the selected figures; select whole rows to delete their days."
                )
            )
        model = self.model
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        model.dataChanged.emit(
            model.index(0, 0), model.index(model.rowCount() - 1, len(COLUMNS) - 1)
        )

    def _data_changed(self, change) -> None:
        change = Change.of(change)
        if change.touches({"snapshots"}) and (not change.ids or self.account.id in change.ids):
            if self.isVisible():
                self.model.reload()
            else:
                self.stale = True  # read when shown again (a closed one may outlive its file)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.stale:
            self.stale = False
            self.model.reload()
        super().showEvent(event)

    def _remember(self, text: str, do: Callable, undo: Callable) -> None:
        from gui.undo import CoreChange

        if self.undo_stack is not None:
            self.undo_stack.push(
                CoreChange(text, do, undo, Change.of("snapshots", ids={self.account.id}))
            )

    def show_problems(self, problems: list[str]) -> None:
        if len(problems) > SHOWN_PROBLEMS:
            more = len(problems) - SHOWN_PROBLEMS
            problems = [*problems[:SHOWN_PROBLEMS], _("… and {n} more").format(n=more)]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def paste(self, text: str | None = None) -> bool:
        """Paste the clipboard (or `text`) at the current cell; False with the problems shown."""
        if self.session.read_only:
            return False
        if text is None:
            text = QGuiApplication.clipboard().text()
        current = self.view.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, 0)
        problems = self.model.paste(text, row, column)
        if problems:
            self.show_problems([_("Nothing was pasted:"), *problems])
        else:
            self.show_problems([])
        return not problems

    def delete_selection(self) -> None:
        if self.session.read_only:
            return
        selection = self.view.selectionModel()
        model = self.model
        whole = [
            model.day_at(r)
            for r in range(len(model.rows))
            if selection.isRowSelected(r, QModelIndex())
        ]
        if whole:
            days = ", ".join(fmt.date_short(day) for day in whole)
            if confirm_delete(self, days):
                model.delete_days(whole)
            return
        cells = [(i.row(), COLUMNS[i.column()]) for i in self.view.selectedIndexes()]
        if not cells and self.view.currentIndex().isValid():
            current = self.view.currentIndex()
            cells = [(current.row(), COLUMNS[current.column()])]
        if model.clear_cells(cells):
            self.show_problems([])
        else:
            self.show_problems(
                [
                    _(
                        "Followers and dates stay: to remove a day, select its whole row and press Delete."
                    )
                ]
            )

    def select_rows(self, rows: Iterable[int]) -> None:
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.clearSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), flags.Select | flags.Rows)


def confirm_delete(parent: QWidget, days: str) -> bool:
    from gui.lists_dialog import confirm

    return confirm(
        parent,
        _("Delete days"),
        _("Delete every figure recorded on {days}? Undo puts them back.").format(days=days),
    )


def edit_figures(parent: QWidget | None, session: Session, account_id: int) -> FiguresDialog:
    """Show the grid of one account's figures (beside the window, not blocking it); an
    account's grid already open is brought to the front instead of opened twice."""
    for open_dialog in QApplication.topLevelWidgets():
        if (
            isinstance(open_dialog, FiguresDialog)
            and open_dialog.isVisible()
            and open_dialog.session is session
            and open_dialog.account.id == account_id
        ):
            open_dialog.raise_()
            open_dialog.activateWindow()
            return open_dialog
    dialog = FiguresDialog(session, accounts.get(session.db, account_id), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
