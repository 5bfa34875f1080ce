"""The base of Linimasa's table models: a list of core rows shown as named columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ANY_INDEX = QModelIndex | QPersistentModelIndex
#: The value a proxy model sorts by (numbers and ISO dates, not their formatted text).
SORT_ROLE = Qt.ItemDataRole.UserRole


class RowsTableModel(QAbstractTableModel):
    """Subclasses name their COLUMNS and say how a row shows in each (`display`), and may
    answer other roles (`role_data`). Rows are replaced whole with `set_rows`."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        return self.role_data(row, column, role)

    def retranslate(self) -> None:
        """Headers and cells are built from the current language: show them again."""
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )
