"""Accounts tab: every official account with its unit, responsible person and followers."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, metrics, units
from core.i18n import _
from gui.models import ANY_INDEX, SORT_ROLE, RowsTableModel
from gui.session import Session
from gui.signals import Change, notify
from gui.tabs import Tab

ACCOUNT_ID_ROLE = SORT_ROLE + 1
UNIT_ID_ROLE = SORT_ROLE + 2


class AccountsTableModel(RowsTableModel):
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
        "status",
    )

    def column_title(self, column: str) -> str:
        return {
            "platform": _("Platform"),
            "handle": _("Username"),
            "display_name": _("Display name"),
            "unit": _("Work unit"),
            "responsible": _("Responsible"),
            "followers": _("Followers"),
            "followers_date": _("As of"),
            "start_date": _("Active since"),
            "status": _("Status"),
        }[column]

    def row_key(self, row: accounts.AccountRow) -> int:
        return row.account.id

    def role_data(self, row: accounts.AccountRow, column: str, role: int):
        if role == ACCOUNT_ID_ROLE:
            return row.account.id
        if role == UNIT_ID_ROLE:
            return row.account.unit_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "followers":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "handle" and row.account.url:
                return row.account.url
            if column == "followers" and row.account.platform == "youtube":
                return _("subscribers")
        if role == Qt.ItemDataRole.ForegroundRole and row.account.archived:
            from PySide6.QtGui import QPalette

            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def display(self, row: accounts.AccountRow, column: str) -> str:
        account = row.account
        if column == "platform":
            return accounts.platform_title(account.platform)
        if column == "handle":
            return accounts.handle_text(account)
        if column == "display_name":
            return account.display_name
        if column == "unit":
            return row.unit_name
        if column == "responsible":
            return row.responsible_name or _("(nobody yet)")
        if column == "followers":
            return fmt.number(row.followers)
        if column == "followers_date":
            return fmt.date_short(row.followers_date) if row.followers_date else "–"
        if column == "start_date":
            return fmt.date_short(account.start_date) if account.start_date else "–"
        return _("Archived") if account.archived else _("Active")

    def sort_key(self, row: accounts.AccountRow, column: str):
        if column == "platform":
            return accounts.PLATFORMS.index(row.account.platform)
        if column == "followers":
            return row.followers if row.followers is not None else -1
        if column == "followers_date":
            return row.followers_date or ""
        if column == "start_date":
            return row.account.start_date or ""
        return self.display(row, column).lower()


class AccountsFilter(QSortFilterProxyModel):
    """Search text over the visible columns, plus an optional work unit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit_id: int | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_unit(self, unit_id: int | None) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.10
            self.unit_id = unit_id
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self.unit_id = unit_id
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ANY_INDEX) -> bool:  # noqa: N802
        if self.unit_id is not None:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(UNIT_ID_ROLE) != self.unit_id:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class AccountsTab(Tab):
    tab_id = "akun"
    WATCHES = frozenset({"accounts", "snapshots", "units", "members"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.model = AccountsTableModel(self)
        self.proxy = AccountsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._account_count = 0

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.toggle_archived)
        self.followers_button = QPushButton()
        self.followers_button.clicked.connect(self.record_followers)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.search.textChanged.connect(self._filter_changed)
        self.unit_filter = QComboBox()
        self.unit_filter.currentIndexChanged.connect(self._filter_changed)
        self.show_archived = QCheckBox()
        self.show_archived.toggled.connect(self.refresh)
        self.count = QLabel()
        self.count.setObjectName("hint")
        bar = QHBoxLayout()
        for widget in (
            self.add_button,
            self.edit_button,
            self.archive_button,
            self.followers_button,
        ):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.unit_filter)
        bar.addWidget(self.show_archived)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter or double-click
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            AccountsTableModel.COLUMNS.index("display_name"), QHeaderView.ResizeMode.Stretch
        )
        self.no_match = QLabel()
        self.no_match.setObjectName("hint")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)

        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(bar)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.no_match)
        table_layout.addWidget(self.count)
        self.stack_with_empty_state(table_page)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        self.add_button.setText(_("&Add account…"))
        self.edit_button.setText(_("Edi&t…"))
        self.followers_button.setText(_("Record f&ollowers…"))
        self.search.setPlaceholderText(_("Search accounts, units, people…"))
        self.show_archived.setText(_("Show archived"))
        self._fill_empty_state()
        self.model.retranslate()
        self._update_buttons()

    def _fill_empty_state(self) -> None:
        self.empty.set_content(
            "accounts",
            _("No accounts yet"),
            _(
                "List every official account of your institution here: platform, username, the "
                "work unit that runs it and the team member responsible for it."
            ),
            self.getting_started_actions(),
        )

    def refresh(self) -> None:
        db = self.session.db
        rows = accounts.table_rows(db, include_archived=self.show_archived.isChecked())
        chosen = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(_("All work units"), None)
        for unit in units.list_all(db):
            self.unit_filter.addItem(unit.short_name or unit.name, unit.id)
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(chosen)))
        self.unit_filter.blockSignals(False)
        self.proxy.set_unit(self.unit_filter.currentData())
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._account_count = accounts.count(db)  # archived included
        has_any = bool(rows) or self._account_count > 0
        if not has_any:
            self._fill_empty_state()
        self.stack.setCurrentIndex(0 if has_any else 1)
        read_only = self.session.read_only
        self.add_button.setEnabled(not read_only)
        self._update_counts()
        self._update_buttons()

    def _filter_changed(self) -> None:
        self.proxy.setFilterFixedString(self.search.text())
        self.proxy.set_unit(self.unit_filter.currentData())
        self._update_counts()

    def _update_counts(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        all_archived = total == 0 and self._account_count > 0
        if all_archived:
            self.no_match.setText(_("All accounts are archived; tick “Show archived” to see them."))
        else:
            self.no_match.setText(_("No account matches the search or the chosen unit."))
        self.no_match.setVisible((total > 0 and shown == 0) or all_archived)
        self.table.setVisible(not self.no_match.isVisible())
        if shown == total:
            self.count.setText(_("{n} accounts").format(n=fmt.number(total)))
        else:
            self.count.setText(
                _("{shown} of {n} accounts").format(shown=fmt.number(shown), n=fmt.number(total))
            )

    def selected_account(self) -> accounts.Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return accounts.get(self.session.db, rows[0].data(ACCOUNT_ID_ROLE))

    def _update_buttons(self) -> None:
        account = self.selected_account() if self.table.selectionModel() else None
        writable = not self.session.read_only
        self.edit_button.setEnabled(writable and account is not None)
        self.archive_button.setEnabled(writable and account is not None)
        self.followers_button.setEnabled(writable and account is not None)
        self.archive_button.setText(
            _("&Restore") if account and account.archived else _("A&rchive")
        )

    def _context_menu(self, position) -> None:
        if self.selected_account() is None:
            return
        menu = QMenu(self)
        for button in (self.edit_button, self.followers_button, self.archive_button):
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def add_account(self) -> None:
        if not self.session.read_only:
            self._edit(None)

    def edit_selected(self) -> None:
        account = self.selected_account()
        if account is not None and not self.session.read_only:
            self._edit(account)

    def _edit(self, account: accounts.Account | None) -> None:
        from gui.account_dialog import AccountDialog

        dialog = AccountDialog(self.session.db, account, self)
        if dialog.exec() and dialog.saved is not None:
            if account is not None:
                db, before, after = self.session.db, _editable(account), _editable(dialog.saved)
                self._remember(
                    _("change {account}").format(account=accounts.handle_text(account)),
                    lambda: accounts.update(db, account.id, **after),
                    lambda: accounts.update(db, account.id, **before),
                    Change.of("accounts", ids={account.id}),
                )
            notify("accounts", ids={dialog.saved.id})
            self.select(dialog.saved.id)

    def _remember(self, text: str, do, undo, change: Change) -> None:
        from gui.undo import CoreChange

        stack = getattr(self.window(), "undo_stack", None)
        if stack is not None:
            stack.push(CoreChange(text, do, undo, change))

    def record_followers(self) -> None:
        from gui.snapshot_dialog import SnapshotDialog, undo_snapshot

        account = self.selected_account()
        if account is None or self.session.read_only:
            return
        dialog = SnapshotDialog(self.session.db, account, self.session.today, self)
        if not dialog.exec() or dialog.saved is None:
            return
        db, row, previous = self.session.db, dialog.saved, dialog.previous
        self._remember(
            _("record followers of {account}").format(account=accounts.handle_text(account)),
            lambda: metrics.upsert_snapshots(db, [row]),
            lambda: undo_snapshot(db, account.id, row["date"], previous),
            Change.of("snapshots", ids={account.id}),
        )
        notify("snapshots", ids={account.id})
        self.select(account.id)

    def toggle_archived(self) -> None:
        account = self.selected_account()
        if account is None or self.session.read_only:
            return
        db, archive = self.session.db, not account.archived
        accounts.set_archived(db, account.id, archive)
        name = accounts.handle_text(account)
        self._remember(
            (_("archive {account}") if archive else _("restore {account}")).format(account=name),
            lambda: accounts.set_archived(db, account.id, archive),
            lambda: accounts.set_archived(db, account.id, not archive),
            Change.of("accounts", ids={account.id}),
        )
        if not account.archived and not self.show_archived.isChecked():
            self.window().statusBar().showMessage(
                _("{account} archived; tick “Show archived” to see it again.").format(
                    account=accounts.handle_text(account)
                ),
                8000,
            )
        notify("accounts", ids={account.id})

    def select(self, account_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ACCOUNT_ID_ROLE) == account_id:
                self.table.selectRow(row)
                return

    def screenshot_views(self):
        def add_dialog():
            from gui.account_dialog import AccountDialog

            dialog = AccountDialog(self.session.db, None, self)
            dialog.show()
            return dialog

        def edit_dialog():
            from gui.account_dialog import AccountDialog

            self.table.selectRow(0)
            dialog = AccountDialog(self.session.db, self.selected_account(), self)
            dialog.show()
            return dialog

        def team_dialog():
            from gui.team_dialog import TeamDialog

            dialog = TeamDialog(self.session.db, self)
            dialog.show()
            return dialog

        def followers_dialog():
            from gui.snapshot_dialog import SnapshotDialog

            self.table.selectRow(0)
            dialog = SnapshotDialog(
                self.session.db, self.selected_account(), self.session.today, self
            )
            dialog.show()
            return dialog

        return [
            ("tambah", add_dialog),
            ("ubah", edit_dialog),
            ("pengikut", followers_dialog),
            ("tim", team_dialog),
        ]


def _editable(account: accounts.Account) -> dict:
    return {field: getattr(account, field) for field in accounts.EDITABLE}


TAB_CLASS = AccountsTab
