"""Accounts tab: every account grouped by work unit, and the selected account's details and
security checklist beside them."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
)
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
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, metrics, security, units
from core.i18n import _
from gui.account_tree import (
    ACCOUNT_ID_ROLE,
    GROUP_ROLE,
    KEY_ROLE,
    AccountsFilter,
    AccountsTreeModel,
)
from gui.session import Session
from gui.signals import Change, notify
from gui.tabs import Tab
from gui.widgets import hint_label

SETTINGS_GROUP = "accounts_tab"

log = logging.getLogger(__name__)


class AccountsTab(Tab):
    tab_id = "akun"
    WATCHES = frozenset({"accounts", "snapshots", "units", "members"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.model = AccountsTreeModel(self)
        self.proxy = AccountsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.summary = None  # the security summary dialog, made when first asked for
        self._collapsed: set[str] = set()
        self._columns_sized = False
        self._restoring_widths = False
        self._chose_first = False
        self._guarding_selection = False
        #: True while a selection change is being handled: the model must not be rebuilt
        #: under the selection model's feet (a save from the "unsaved checklist" question).
        self._in_selection_change = False
        self._shown_id: int | None = None
        #: The filters are being applied: a selection lost now is hidden, not left.
        self._filtering = False
        #: The account the pane keeps showing while the filters hide its row.
        self._kept_id: int | None = None

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.toggle_archived)
        self.followers_button = QPushButton()
        self.followers_button.clicked.connect(self.record_followers)
        self.figures_button = QPushButton()
        self.figures_button.clicked.connect(self.edit_figures)
        self.summary_button = QPushButton()
        self.summary_button.clicked.connect(self.show_summary)
        bar = QHBoxLayout()
        for widget in (
            self.add_button,
            self.edit_button,
            self.archive_button,
            self.followers_button,
            self.figures_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary_button)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.search.textChanged.connect(self._filter_changed)
        self.platform_filter = QComboBox()
        self.platform_filter.currentIndexChanged.connect(self._filter_changed)
        self.unit_filter = QComboBox()
        self.unit_filter.currentIndexChanged.connect(self._filter_changed)
        self.show_archived = QCheckBox()
        self.show_archived.toggled.connect(self.refresh)
        self.count = QLabel()
        self.count.setObjectName("hint")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.platform_filter)
        filters.addWidget(self.unit_filter)

        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.activated.connect(self._activated)  # Enter or double-click
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.expanded.connect(lambda index: self._collapsed.discard(index.data(KEY_ROLE)))
        self.tree.collapsed.connect(lambda index: self._collapsed.add(index.data(KEY_ROLE)))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._remember_width)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted):
            signal.connect(self._arrange_groups)
        self.no_match = hint_label(centered=True)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.show_archived)

        from gui.account_panel import AccountDetails

        self.details = AccountDetails(session)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.no_match, 1)
        left_layout.addLayout(footer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        state = QSettings().value(f"{SETTINGS_GROUP}/splitter")
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([600, 400])
        self.splitter.splitterMoved.connect(
            lambda *_: QSettings().setValue(f"{SETTINGS_GROUP}/splitter", self.splitter.saveState())
        )

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addLayout(bar)
        page_layout.addWidget(self.splitter, 1)
        self.stack_with_empty_state(page)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        self.add_button.setText(_("&Add account…"))
        self.edit_button.setText(_("Edi&t…"))
        self.followers_button.setText(_("Record f&ollowers…"))
        self.figures_button.setText(_("F&igures…"))
        self.figures_button.setToolTip(_("Every recorded day of the account, to type or paste in"))
        self.summary_button.setText(_("Security s&ummary…"))
        self.summary_button.setToolTip(
            _("The accounts whose security needs attention, worst first")
        )
        self.search.setPlaceholderText(_("Search accounts, units, people…"))
        self.search.setToolTip(QKeySequence(QKeySequence.StandardKey.Find).toString())
        self.show_archived.setText(_("Show archived"))
        chosen = self.platform_filter.currentData()
        self.platform_filter.blockSignals(True)
        self.platform_filter.clear()
        self.platform_filter.addItem(_("All platforms"), None)
        for platform in accounts.PLATFORMS:
            self.platform_filter.addItem(accounts.platform_title(platform), platform)
        self.platform_filter.setCurrentIndex(max(0, self.platform_filter.findData(chosen)))
        self.platform_filter.blockSignals(False)
        self._fill_empty_state()
        self.model.retranslate()
        self.details.translate_ui()
        if self.summary is not None:
            self.summary.translate_ui()
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

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._in_selection_change:
            # Rebuilding rows while Qt is still inside setCurrentIndex would leave it with
            # indexes of rows that are gone (a crash): refresh once the event loop is back.
            QTimer.singleShot(0, self.refresh)
            return
        db = self.session.db
        rows = accounts.table_rows(db, include_archived=self.show_archived.isChecked())
        unit_tree = units.tree(db)
        chosen = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(_("All work units"), None)
        paths = units.path_names(db)
        for unit, depth in unit_tree:
            self.unit_filter.addItem("\u2003" * depth + (unit.short_name or unit.name), unit.id)
            self.unit_filter.setItemData(
                self.unit_filter.count() - 1,
                paths[unit.id],
                Qt.ItemDataRole.ToolTipRole,
            )
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(chosen)))
        self.unit_filter.blockSignals(False)
        self._apply_filters()
        self.model.set_content(unit_tree, rows, security.statuses(db, self.session.today))
        self._arrange_groups()
        self._size_columns()
        account_count = accounts.count(db)  # archived included
        has_any = bool(rows) or account_count > 0
        if not has_any:
            self._fill_empty_state()
        self.stack.setCurrentIndex(0 if has_any else 1)
        self.add_button.setEnabled(not self.session.read_only)
        if not self._chose_first and self.model.account_count:
            self._chose_first = True
            if self._selected_id() is None:
                first = next(self._shown_accounts(), None)
                if first is not None:
                    self.select(first.data(ACCOUNT_ID_ROLE))
        self._update_counts(account_count)
        self._show_details()
        self._update_buttons()
        if self.summary is not None and self.summary.isVisible():
            self.summary.refresh()

    def _on_database_opened(self) -> None:
        # Rows of the old file: an id there names another row in the new one, and a
        # checklist not saved yet belongs to the closed file.
        self.details.session = self.details.form.session = self.session
        self.details.form.account = None
        if self.summary is not None:
            self.summary.close()
            self.summary.deleteLater()
            self.summary = None
        self.model.clear()
        self._shown_id = self._kept_id = None
        super()._on_database_opened()

    def _apply_filters(self) -> None:
        unit_id = self.unit_filter.currentData()
        unit_ids = None
        if unit_id is not None:
            unit_ids = frozenset({unit_id, *units.descendants(self.session.db, unit_id)})
        self._filtering = True
        try:
            self.proxy.set_filters(self.search.text(), self.platform_filter.currentData(), unit_ids)
        finally:
            self._filtering = False

    def _filter_changed(self) -> None:
        self._apply_filters()
        self._arrange_groups()
        self._update_counts()
        self._reselect_kept()

    def _reselect_kept(self) -> None:
        """The account the filters hid is shown again: select its row again (no question:
        the pane never left it)."""
        kept = self._kept_id
        if kept is None or self._selected_id() is not None:
            return
        self._guarding_selection = True
        try:
            found = self.select(kept)
        finally:
            self._guarding_selection = False
        if found:
            self._kept_id = None
            self._show_details()
            self._update_buttons()

    def _arrange_groups(self, *_args) -> None:
        """Group rows span the whole width and are open unless the user closed them."""
        for index in self._proxy_rows():
            if index.data(GROUP_ROLE) is not None:
                self.tree.setFirstColumnSpanned(index.row(), index.parent(), True)
                self.tree.setExpanded(index, index.data(KEY_ROLE) not in self._collapsed)

    def _proxy_rows(self, parent: QModelIndex = QModelIndex()) -> Iterator[QModelIndex]:  # noqa: B008
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            yield index
            yield from self._proxy_rows(index)

    def _shown_accounts(self) -> Iterator[QModelIndex]:
        """The accounts' rows the filters let through, in the order they are shown."""
        return (i for i in self._proxy_rows() if i.data(ACCOUNT_ID_ROLE) is not None)

    def shown_account_ids(self) -> list[int]:
        return [index.data(ACCOUNT_ID_ROLE) for index in self._shown_accounts()]

    def _update_counts(self, account_count: int | None = None) -> None:
        if account_count is None:
            account_count = accounts.count(self.session.db)
        shown, total = len(self.shown_account_ids()), self.model.account_count
        all_archived = total == 0 and account_count > 0
        if all_archived:
            self.no_match.setText(_("All accounts are archived; tick “Show archived” to see them."))
        else:
            self.no_match.setText(_("No account matches the search or the chosen filters."))
        self.no_match.setVisible((total > 0 and shown == 0) or all_archived)
        self.tree.setVisible(not self.no_match.isVisible())
        if shown == total:
            self.count.setText(_("{n} accounts").format(n=fmt.number(total)))
        else:
            self.count.setText(
                _("{shown} of {n} accounts").format(shown=fmt.number(shown), n=fmt.number(total))
            )

    # -- column widths ------------------------------------------------------------------

    def _width_key(self, column: int) -> str:
        return f"{SETTINGS_GROUP}/column_width/{AccountsTreeModel.COLUMNS[column]}"

    def _size_columns(self) -> None:
        """Each column as wide as the user left it; sized to its contents only the first
        time there is something to measure (the last column fills the rest)."""
        settings = QSettings()
        self._restoring_widths = True
        try:
            for column in range(len(AccountsTreeModel.COLUMNS) - 1):
                width = settings.value(self._width_key(column), None, int)
                if width:
                    self.tree.setColumnWidth(column, width)
                elif not self._columns_sized and self.model.account_count:
                    self.tree.resizeColumnToContents(column)
                    self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 260))
                    settings.setValue(self._width_key(column), self.tree.columnWidth(column))
        finally:
            self._restoring_widths = False
        if self.model.account_count:
            self._columns_sized = True

    def _remember_width(self, column: int, _old: int, new: int) -> None:
        if self._restoring_widths or column >= len(AccountsTreeModel.COLUMNS) - 1 or new <= 0:
            return
        QSettings().setValue(self._width_key(column), new)

    # -- the selection ------------------------------------------------------------------

    def _selected_id(self) -> int | None:
        rows = self.tree.selectionModel().selectedRows()
        return rows[0].data(ACCOUNT_ID_ROLE) if rows else None

    def selected_account(self) -> accounts.Account | None:
        account_id = self._selected_id()
        return accounts.get(self.session.db, account_id) if account_id is not None else None

    def select(self, account_id: int, reveal: bool = False) -> bool:
        """Select the account's row (`reveal`: clear filters that hide it). False if it is
        not shown."""
        found = next(
            (i for i in self._shown_accounts() if i.data(ACCOUNT_ID_ROLE) == account_id), None
        )
        if found is None and reveal:
            for box in (self.platform_filter, self.unit_filter):
                box.setCurrentIndex(0)
            self.search.clear()
            if accounts.get(self.session.db, account_id).archived:
                self.show_archived.setChecked(True)
            return self.select(account_id)
        if found is None:
            return False
        flags = QItemSelectionModel.SelectionFlag
        kept = QPersistentModelIndex(found)
        self.tree.selectionModel().setCurrentIndex(found, flags.ClearAndSelect | flags.Rows)
        if kept.isValid():
            self.tree.scrollTo(QModelIndex(kept))
        return True

    def _selection_changed(self) -> None:
        if self._guarding_selection:
            return
        self._in_selection_change = True
        try:
            self._handle_selection_change()
        finally:
            self._in_selection_change = False

    def _handle_selection_change(self) -> None:
        if self._filtering and self._selected_id() is None and self._shown_id is not None:
            # The search or a filter hid the row: that is not leaving the account. The pane
            # keeps it (and any unsaved checklist); its row is selected again when shown.
            self._kept_id = self._shown_id
            self._update_buttons()
            return
        form = self.details.form
        if form.account is not None and form.account.id != self._selected_id() and form.is_dirty():
            from gui.security_panel import ask_unsaved

            answer = ask_unsaved(self, accounts.handle_text(form.account))
            keep = answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not form.save()
            )
            if keep:
                self._guarding_selection = True
                try:
                    if not self.select(form.account.id):  # hidden by the filters
                        self.tree.selectionModel().clearSelection()
                        self._kept_id = form.account.id
                finally:
                    self._guarding_selection = False
                self._update_buttons()
                return
            form.revert()
        self._kept_id = None
        self._show_details()
        self._update_buttons()

    def confirm_leave(self, ask: bool = True) -> bool:
        """Save, Discard or Cancel a checklist not saved yet (see `Tab.confirm_leave`);
        with nobody to ask it is saved, and logged."""
        form = self.details.form
        if self.session.read_only or not form.is_dirty():
            return True
        name = accounts.handle_text(form.account)
        if not ask:
            saved = form.save()
            if saved:
                log.info("unsaved security checklist of %s saved on leaving", name)
            else:
                log.warning(
                    "security checklist of %s could not be saved: %s", name, form.error.text()
                )
            return saved
        window = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab(self.tab_id)
        from gui.security_panel import ask_unsaved

        answer = ask_unsaved(self, name)
        if answer == QMessageBox.StandardButton.Save:
            return form.save()
        if answer == QMessageBox.StandardButton.Discard:
            form.revert()
            return True
        return False

    def _show_details(self) -> None:
        account_id = self._selected_id()
        if account_id is None and self._kept_id is not None:
            if self.model.account_row(self._kept_id) is not None:
                account_id = self._kept_id  # hidden by the filters, still shown in the pane
            else:
                self._kept_id = None
        self._shown_id = account_id
        self.details.show_row(self.model.account_row(account_id) if account_id else None)

    def _update_buttons(self) -> None:
        account = self.selected_account() if self.tree.selectionModel() else None
        writable = not self.session.read_only
        self.edit_button.setEnabled(writable and account is not None)
        self.archive_button.setEnabled(writable and account is not None)
        self.followers_button.setEnabled(writable and account is not None)
        self.figures_button.setEnabled(account is not None)
        self.archive_button.setText(
            _("&Restore") if account and account.archived else _("A&rchive")
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.data(ACCOUNT_ID_ROLE) is not None:
            self.edit_selected()

    def _context_menu(self, position) -> None:
        if self.selected_account() is None:
            return
        menu = QMenu(self)
        buttons = (self.edit_button, self.followers_button, self.figures_button)
        for button in (*buttons, self.archive_button):
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    # -- changes ------------------------------------------------------------------------

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
                db, saved = self.session.db, dialog.saved
                # Both ways put back what was stored, exactly (an older file's address too).
                self._remember(
                    _("change {account}").format(account=accounts.handle_text(account)),
                    lambda: accounts.restore(db, saved),
                    lambda: accounts.restore(db, account),
                    Change.of("accounts", ids={account.id}),
                )
            notify("accounts", ids={dialog.saved.id})
            self.select(dialog.saved.id, reveal=True)

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

    def edit_figures(self):
        from gui.metrics_grid import edit_figures

        account = self.selected_account()
        return edit_figures(self, self.session, account.id) if account is not None else None

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

    # -- the security summary -------------------------------------------------------------

    def show_summary(self):
        from gui.security_panel import SecuritySummaryDialog

        if self.summary is None:
            self.summary = SecuritySummaryDialog(self.session, self)
            self.summary.account_chosen.connect(lambda account_id: self.select(account_id, True))
        self.summary.refresh()
        self.summary.show()
        self.summary.raise_()
        self.summary.activateWindow()
        return self.summary

    def screenshot_views(self):
        def add_dialog():
            from gui.account_dialog import AccountDialog

            dialog = AccountDialog(self.session.db, None, self)
            dialog.show()
            return dialog

        def edit_dialog():
            from gui.account_dialog import AccountDialog

            self._select_some()
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

            self._select_some()
            dialog = SnapshotDialog(
                self.session.db, self.selected_account(), self.session.today, self
            )
            dialog.show()
            return dialog

        def figures_dialog():
            from gui.metrics_grid import edit_figures

            ours = [a for a in accounts.list_all(self.session.db) if not a.peer]
            account = next((a for a in ours if a.platform == "instagram"), ours[0])
            return edit_figures(self, self.session, account.id)

        def monthly_dialog():
            from gui.monthly_dialog import monthly_update

            return monthly_update(self, self.session)

        def import_preview():
            from gui.import_screenshots import preview_for_screenshot

            return preview_for_screenshot(self, self.session)

        def platform_preview():
            from gui.import_screenshots import platform_preview_for_screenshot

            return platform_preview_for_screenshot(self, self.session)

        def send_dialog():
            from gui.unit_exchange_dialog import send_for_screenshot

            return send_for_screenshot(self, self.session)

        def merge_preview():
            from gui.unit_exchange_dialog import merge_for_screenshot

            return merge_for_screenshot(self, self.session)

        return [
            ("tambah", add_dialog),
            ("ubah", edit_dialog),
            ("pengikut", followers_dialog),
            ("tim", team_dialog),
            ("angka", figures_dialog),
            ("bulanan", monthly_dialog),
            ("impor", import_preview),
            ("impor-platform", platform_preview),
            ("kirim", send_dialog),
            ("gabung", merge_preview),
            ("keamanan", self.show_summary),
        ]

    def _select_some(self) -> None:
        if self._selected_id() is None:
            first = next(self._shown_accounts(), None)
            if first is not None:
                self.select(first.data(ACCOUNT_ID_ROLE))


TAB_CLASS = AccountsTab
