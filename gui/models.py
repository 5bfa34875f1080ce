"""The base of Linimasa's table models: a list of core rows shown as named columns."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ANY_INDEX = QModelIndex | QPersistentModelIndex
#: The value a proxy model sorts by (numbers and ISO dates, not their formatted text).
SORT_ROLE = int(Qt.ItemDataRole.UserRole)
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)


class RowsTableModel(QAbstractTableModel):
    """Subclasses name their COLUMNS and say how a row shows in each (`display`), and may
    answer other roles (`role_data`). Rows are replaced whole with `set_rows`.

    A row keeps its place in the views across `set_rows` when it has an identity
    (`row_key`, by default its `id`): the selected row stays selected and the view keeps
    its scroll position. What a cell shows (text, and any other role) is worked out once and kept until the rows
    are replaced or the language changes (`retranslate`), not on every paint.
    """

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []
        self._cells: dict[tuple[int, int, int], Any] = {}

    def set_rows(self, rows: list[Any]) -> None:
        rows = list(rows)
        old_keys = [self.row_key(row) for row in self.rows]
        if not self.rows or not rows or all(key is None for key in old_keys):
            self.beginResetModel()
            self.rows, self._cells = rows, {}
            self.endResetModel()
            return
        # The same rows, some changed, added or gone: a layout change moves what the views
        # hold (selection, current cell) to each row's new place instead of forgetting it.
        self.layoutAboutToBeChanged.emit()
        new_places: dict[Hashable, int] = {}
        for place, row in enumerate(rows):
            key = self.row_key(row)
            if key is not None:
                new_places.setdefault(key, place)
        held = self.persistentIndexList()
        self.rows, self._cells = rows, {}
        moved = []
        for index in held:
            old = index.row()
            key = old_keys[old] if 0 <= old < len(old_keys) else None
            place = new_places.get(key) if key is not None else None
            column = index.column()
            if place is None or not 0 <= column < len(self.COLUMNS):
                moved.append(QModelIndex())
            else:
                moved.append(self.index(place, column))
        self.changePersistentIndexList(held, moved)
        self.layoutChanged.emit()

    def row_key(self, row: Any) -> Hashable | None:
        """What identifies a row across refreshes (None: nothing does)."""
        key = getattr(row, "id", None)
        try:
            hash(key)
        except TypeError:
            return None
        return key

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def column_title(self, column: str) -> str:
        raise NotImplementedError

    def display(self, row: Any, column: str) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: str) -> Any:
        return self.display(row, column).lower()

    def role_data(self, row: Any, column: str, role: int) -> Any:
        return None

    def rowCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self.column_title(self.COLUMNS[section])

    def data(self, index: ANY_INDEX, role: int = DISPLAY_ROLE):
        # Views ask for every role of every visible cell on each paint and size pass (the
        # Home agenda: thousands of calls while the window first shows), so each answer is
        # worked out once per refresh and then looked up.
        key = (index.row(), index.column(), role)
        cells = self._cells
        if key in cells:
            return cells[key]
        value = None
        if index.isValid() and 0 <= key[0] < len(self.rows):
            row = self.rows[key[0]]
            column = self.COLUMNS[key[1]]
            if role == DISPLAY_ROLE:
                value = self.display(row, column)
            elif role == SORT_ROLE:
                value = self.sort_key(row, column)
            else:
                value = self.role_data(row, column, role)
            cells[key] = value
        return value

    def retranslate(self) -> None:
        """Headers and cells are built from the current language: show them again."""
        self._cells = {}
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )
