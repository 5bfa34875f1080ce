"""An account's security checklist (a form that shows its badge as boxes are ticked), and the
security summary: every account at risk, worst first."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, security
from core.errors import ValidationError
from core.i18n import _
from gui.models import RowsTableModel
from gui.session import Session
from gui.signals import Change, notify
from gui.widgets import Badge, OptionalDateEdit, dot_icon, error_label, hint_label

#: The login combo's choices: Checklist.login_owned as the combo stores it.
_LOGIN_OWNED = {"yes": True, "no": False, "": None}
#: What the user fills in (all but the account).
_FIELDS = tuple(name for name in security.COLUMNS if name != "account_id")


def ask_unsaved(parent: QWidget, account: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel: the checklist of `account` has changes not saved yet
    (Cancel when nobody can answer: `gui.widgets.ask_save_discard_cancel`)."""
    from gui.widgets import ask_save_discard_cancel

    text = _("The security checklist of {account} has changes that are not saved yet.")
    return ask_save_discard_cancel(parent, _("Unsaved checklist"), text.format(account=account))


class SecurityForm(QWidget):
    """The checklist of one account of ours. Ticking a box shows the badge and the problems
    it would have at once; Save records it through `core.security.save` (undoable)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.account: accounts.Account | None = None
        self.loaded = security.Checklist(0)
        #: The stored checklist changed under the unsaved changes (`follow`): the note says so.
        self.rebased = False

        self.badge = Badge()
        self.two_factor = QCheckBox()
        self.method = QComboBox()
        self.method_label = QLabel()
        self.verified = QCheckBox()
        self.login_label = QLabel()
        self.login_owned = QComboBox()
        self.login_label.setBuddy(self.login_owned)
        self.two_admins = QCheckBox()
        self.recovery_offline = QCheckBox()
        self.recovery_where = QLineEdit()
        self.recovery_where.setMaxLength(200)
        self.password_label = QLabel()
        self.password_changed = OptionalDateEdit()
        self.password_label.setBuddy(self.password_changed)
        self.password_clear = QToolButton()
        self.password_clear.setText("×")
        self.password_clear.clicked.connect(lambda: self.password_changed.set_iso(None))
        self.review_label = QLabel()
        self.reviewed = OptionalDateEdit()
        self.review_label.setBuddy(self.reviewed)
        self.reviewed_today = QPushButton()
        self.reviewed_today.clicked.connect(self._reviewed_today)
        self.problems_title = QLabel()
        self.problems_title.setObjectName("sectionTitle")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label()
        self.error.hide()
        self.note = hint_label()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.save)

        def beside(*widgets: QWidget) -> QHBoxLayout:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            return row

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.two_factor, beside(self.method_label, self.method))
        self.form.addRow(self.verified)
        self.form.addRow(self.login_label, beside(self.login_owned))
        self.form.addRow(self.two_admins)
        self.form.addRow(self.recovery_offline, self.recovery_where)
        self.form.addRow(self.password_label, beside(self.password_changed, self.password_clear))
        self.form.addRow(self.review_label, beside(self.reviewed, self.reviewed_today))
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        for box in (self.two_factor, self.verified, self.two_admins, self.recovery_offline):
            box.toggled.connect(self._changed)
        for combo in (self.method, self.login_owned):
            combo.currentIndexChanged.connect(self._changed)
        self.recovery_where.textChanged.connect(self._changed)
        self.password_changed.dateChanged.connect(self._changed)
        self.reviewed.dateChanged.connect(self._changed)
        self.translate_ui()

    def translate_ui(self) -> None:
        self._loading = True
        self.two_factor.setText(_(security.ITEMS["two_factor"]))
        self.method_label.setText(_("Method:"))
        method = self.method.currentData()
        self.method.clear()
        for key in security.METHODS:
            self.method.addItem(security.method_title(key), key)
        self.method.setCurrentIndex(max(0, self.method.findData(method)))
        self.verified.setText(_(security.ITEMS["verified"]))
        self.login_label.setText(_("Login e-mail/phone:"))
        owned = self.login_owned.currentData()
        self.login_owned.clear()
        self.login_owned.addItem(_("owned by the institution"), "yes")
        self.login_owned.addItem(_("a personal one"), "no")
        self.login_owned.addItem(_("not recorded"), "")
        self.login_owned.setCurrentIndex(max(0, self.login_owned.findData(owned or "")))
        self.two_admins.setText(_(security.ITEMS["two_admins"]))
        self.recovery_offline.setText(_(security.ITEMS["recovery_offline"]))
        self.recovery_where.setPlaceholderText(_("where, e.g. the bureau's safe (never the codes)"))
        self.password_label.setText(_("Password last changed:"))
        self.password_clear.setToolTip(_("Not recorded"))
        self.review_label.setText(_("Last security review:"))
        self.reviewed_today.setText(_("Revie&wed today"))
        for date_edit in (self.password_changed, self.reviewed):
            date_edit.translate_ui()
        self.problems_title.setText(_("What is left to do"))
        self.save_button.setText(_("&Save"))
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString())
        self.revert_button.setText(_("&Discard changes"))
        self._loading = False
        self._update()

    # -- the checklist ----------------------------------------------------------------

    def load(self, account: accounts.Account, checklist: security.Checklist) -> None:
        """Show `checklist` of `account` (what is stored), dropping any unsaved change."""
        self._loading = True
        self.account = account
        self.loaded = checklist
        latest = min(self.session.today, dt.date.today())
        for date_edit in (self.password_changed, self.reviewed):
            date_edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.two_factor.setChecked(checklist.two_factor)
        self.method.setCurrentIndex(max(0, self.method.findData(checklist.two_factor_method)))
        self.verified.setChecked(checklist.verified)
        owned = {True: "yes", False: "no", None: ""}[checklist.login_owned]
        self.login_owned.setCurrentIndex(self.login_owned.findData(owned))
        self.two_admins.setChecked(checklist.two_admins)
        self.recovery_offline.setChecked(checklist.recovery_offline)
        self.recovery_where.setText(checklist.recovery_where)
        self.password_changed.set_iso(checklist.password_changed_on)
        self.reviewed.set_iso(checklist.reviewed_on)
        self.error.hide()
        self.rebased = False
        self._loading = False
        self._update()

    def follow(self, account: accounts.Account, stored: security.Checklist) -> None:
        """Show `stored`, the account's checklist as it is stored now (after an Undo or
        another change). Changes not saved yet are kept on top of it: the fields the user
        changed keep the user's value, the others show the stored one, and the note says
        that the saved checklist changed."""
        same = self.account is not None and self.account.id == account.id
        if not same or not self.is_dirty():
            self.load(account, stored)
            return
        self.account = account
        if stored == self.loaded and stored.recorded == self.loaded.recorded:
            return
        before, shown = self._stored_as_shown(), self.checklist()
        mine = {
            name: getattr(shown, name)
            for name in _FIELDS
            if getattr(shown, name) != getattr(before, name)
        }
        self.load(account, replace(stored, **mine))
        self.loaded = stored
        self.rebased = self.is_dirty()
        self._update()

    def _stored_as_shown(self) -> security.Checklist:
        """`loaded` as `checklist()` would read it back (no method without two-factor)."""
        return replace(
            self.loaded,
            two_factor_method=self.loaded.two_factor_method if self.loaded.two_factor else "",
        )

    def checklist(self) -> security.Checklist:
        """The checklist as the form shows it now."""
        two_factor = self.two_factor.isChecked()
        return security.Checklist(
            self.loaded.account_id,
            two_factor=two_factor,
            two_factor_method=(self.method.currentData() or "") if two_factor else "",
            verified=self.verified.isChecked(),
            login_owned=_LOGIN_OWNED[self.login_owned.currentData() or ""],
            two_admins=self.two_admins.isChecked(),
            recovery_offline=self.recovery_offline.isChecked(),
            recovery_where=self.recovery_where.text().strip(),
            password_changed_on=self.password_changed.iso(),
            reviewed_on=self.reviewed.iso(),
            recorded=True,
        )

    def is_dirty(self) -> bool:
        return self.account is not None and self.checklist() != self._stored_as_shown()

    def preview(self) -> security.Checklist:
        """What the badge would be judged on: an untouched, never recorded checklist stays
        "not checked yet"."""
        return replace(self.checklist(), recorded=self.loaded.recorded or self.is_dirty())

    def _reviewed_today(self) -> None:
        self.reviewed.setDate(self.reviewed.maximumDate())

    def _changed(self) -> None:
        if not self._loading:
            self.error.hide()
            self._update()

    def _update(self) -> None:
        writable = not self.session.read_only and self.account is not None
        for widget in (
            self.two_factor,
            self.verified,
            self.login_owned,
            self.two_admins,
            self.recovery_offline,
            self.password_changed,
            self.password_clear,
            self.reviewed,
            self.reviewed_today,
        ):
            widget.setEnabled(writable)
        self.method.setEnabled(writable and self.two_factor.isChecked())
        self.recovery_where.setEnabled(writable and self.recovery_offline.isChecked())
        if self.account is None:
            return
        checklist, today = self.preview(), self.session.today
        badge = security.status(checklist, today)
        self.badge.set_badge(badge, security.status_title(badge))
        found = security.problems(checklist, today)
        self.problems.setText(
            "\n".join(f"• {problem}" for problem in found)
            if found
            else _("Nothing: every item is done and the last review is recent.")
        )
        dirty = writable and self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if self.session.read_only:
            self.note.setText(_("The file is open read-only: the checklist cannot be changed."))
        elif dirty and self.rebased:
            self.note.setText(
                _(
                    "The saved checklist changed (Undo or another change); your changes not "
                    "saved yet are kept."
                )
            )
        elif dirty:
            self.note.setText(_("Not saved yet."))
        elif self.loaded.recorded:
            self.note.setText("")
        else:
            self.note.setText(_("Tick what is already done, then save."))

    # -- saving -------------------------------------------------------------------------

    def revert(self) -> None:
        if self.account is not None:
            self.load(self.account, self.loaded)

    def save(self) -> bool:
        """Record the form's checklist (undoable). False when core refused it (the reason
        is shown under the form)."""
        account = self.account
        if account is None or self.session.read_only or not self.is_dirty():
            return True
        # What is stored now, not `loaded`: an Undo may have changed it since it was shown,
        # and the undo of this save must put back exactly what this save replaced.
        db, after = self.session.db, self.checklist()
        before = security.get(db, account.id)
        try:
            saved = security.save(db, after)
        except ValidationError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        stack = getattr(self.window(), "undo_stack", None)
        if stack is not None:
            from gui.undo import CoreChange

            stack.push(
                CoreChange(
                    _("security checklist of {account}").format(
                        account=accounts.handle_text(account)
                    ),
                    lambda: security.save(db, after),
                    lambda: security.restore(db, before),
                    Change.of("accounts", ids={account.id}),
                )
            )
        self.load(account, saved)
        notify("accounts", ids={account.id})
        return True


class SecurityOverviewModel(RowsTableModel):
    """The at-risk accounts of `core.security.overview`, worst first."""

    COLUMNS = ("status", "platform", "handle", "unit", "problems")

    def column_title(self, column: str) -> str:
        return {
            "status": _("Security"),
            "platform": _("Platform"),
            "handle": _("Username"),
            "unit": _("Work unit"),
            "problems": _("What is left to do"),
        }[column]

    def row_key(self, row: security.AccountStatus) -> int:
        return row.account_id

    def display(self, row: security.AccountStatus, column: str) -> str:
        if column == "status":
            return security.status_title(row.status)
        if column == "platform":
            return accounts.platform_title(row.platform)
        if column == "handle":
            return accounts.handle_text(row)  # platform and handle are all it reads
        if column == "unit":
            return row.unit_name or _("(no unit)")
        return "; ".join(row.problems)

    def role_data(self, row: security.AccountStatus, column: str, role: int):
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            return dot_icon(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == "problems":
            return "\n".join(f"• {problem}" for problem in row.problems)
        return None


class SecuritySummaryDialog(QDialog):
    """Every account of ours that is not green yet, worst first. Activating a row (Enter or
    a double-click) asks for that account to be shown (`account_chosen`)."""

    account_chosen = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.resize(900, 420)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.model = SecurityOverviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)
        self.all_secure = hint_label(centered=True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.all_secure)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self._sized = False
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Security summary"))
        self.hint.setText(_("Press Enter or double-click an account to show it in the tab."))
        self.all_secure.setText(
            _(
                "Every account's checklist is done and was reviewed in the last {n} months. "
                "Nothing to do."
            ).format(n=security.REVIEW_MONTHS)
        )
        self.model.retranslate()

    def refresh(self) -> None:
        everything = security.overview(self.session.db, self.session.today, include_green=True)
        at_risk = [row for row in everything if row.status != "green"]
        self.model.set_rows(at_risk)
        self.heading.setText(
            _("{n} of {total} accounts need attention, worst first").format(
                n=fmt.number(len(at_risk)), total=fmt.number(len(everything))
            )
        )
        self.stack.setCurrentIndex(0 if at_risk else 1)
        if at_risk and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
        if at_risk and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _activated(self, index) -> None:
        self.account_chosen.emit(self.model.row_at(index.row()).account_id)
