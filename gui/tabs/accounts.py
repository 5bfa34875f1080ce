"""Accounts tab: every official account with its unit, responsible person and followers."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt
from core.i18n import _
from gui.session import Session
from gui.tabs import Tab
from gui.widgets import EmptyState

ANY_INDEX = QModelIndex | QPersistentModelIndex


class AccountsTableModel(QAbstractTableModel):
    """Read-only table over `core.accounts.table_rows()`."""

    COLUMNS = (
        "platform",
        "handle",
        "display_name",
        "unit",
        "responsible",
        "followers",
        "followers_date",
        "start_date",
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[accounts.AccountRow] = []

    def set_rows(self, rows: list[accounts.AccountRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> accounts.AccountRow:
        return self._rows[row]

    def rowCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "platform": _("Platform"),
            "handle": _("Account"),
            "display_name": _("Display name"),
            "unit": _("Unit"),
            "responsible": _("Responsible"),
            "followers": _("Followers"),
            "followers_date": _("As of"),
            "start_date": _("Active since"),
        }[self.COLUMNS[section]]

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "followers":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "handle" and row.account.url:
            return row.account.url
        if role == Qt.ItemDataRole.ForegroundRole and row.account.archived:
            from PySide6.QtGui import QPalette

            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    @staticmethod
    def _display(row: accounts.AccountRow, column: str) -> str:
        account = row.account
        if column == "platform":
            return accounts.platform_title(account.platform)
        if column == "handle":
            name = (
                "@" + account.handle
                if account.platform in ("instagram", "x", "tiktok")
                else account.handle
            )
            return name + (" " + _("(archived)") if account.archived else "")
        if column == "display_name":
            return account.display_name
        if column == "unit":
            return row.unit_name
        if column == "responsible":
            return row.responsible_name or _("(nobody)")
        if column == "followers":
            return fmt.number(row.followers)
        if column == "followers_date":
            return fmt.date_short(row.followers_date) if row.followers_date else "–"
        return fmt.date_short(account.start_date) if account.start_date else "–"

    @staticmethod
    def _sort_key(row: accounts.AccountRow, column: str):
        if column == "platform":
            return accounts.PLATFORMS.index(row.account.platform)
        if column == "followers":
            return row.followers if row.followers is not None else -1
        if column == "followers_date":
            return row.followers_date or ""
        if column == "start_date":
            return row.account.start_date or ""
        return AccountsTableModel._display(row, column).lower()


class AccountsTab(Tab):
    tab_id = "akun"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.model = AccountsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_archived = QCheckBox()
        self.show_archived.toggled.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_archived)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            AccountsTableModel.COLUMNS.index("display_name"), QHeaderView.ResizeMode.Stretch
        )

        self.empty = EmptyState()
        self.stack = QStackedWidget()
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(bar)
        table_layout.addWidget(self.table)
        self.stack.addWidget(table_page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.translate_ui()
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return _("Accounts")

    def translate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search accounts, units, people…"))
        self.show_archived.setText(_("Show archived"))
        self.empty.set_content(
            "SP_DirHomeIcon",
            _("No accounts yet"),
            _(
                "List every official account of your institution here: platform, handle, the unit that "
                "runs it and the team member responsible for it. To look around first, choose "
                "File → Open demo data."
            ),
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)

    def refresh(self) -> None:
        rows = accounts.table_rows(self.session.db, include_archived=self.show_archived.isChecked())
        self.model.set_rows(rows)
        has_any = bool(rows) or self.show_archived.isChecked()
        self.stack.setCurrentIndex(0 if has_any else 1)


TAB_CLASS = AccountsTab
