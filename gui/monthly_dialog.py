"""The monthly update: every active account of ours with its last figure beside an empty
field, so that one person records all of them in a minute.

Tab moves down the followers column. Save writes the filled rows in one transaction (one
undo step) and leaves the rows left blank alone; followers more than halved since the last
figure are named and saved only after a confirmation.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, metrics, timezone
from core.errors import LinimasaError
from core.i18n import _
from gui.metrics_grid import COLUMN_TITLES, read_count, restore_days
from gui.session import Session
from gui.signals import Change, notify
from gui.widgets import error_label, hint_label

FIELDS = ("followers", "reach", "impressions", "engagements")
#: Followers below this share of the last figure are asked about before saving.
SHRINK_LIMIT = 0.5
PROBLEM_STYLE = "QLineEdit { border: 1px solid #b3261e; background: #fde7e5; }"
DROP_STYLE = "QLineEdit { border: 1px solid #b26a00; background: #fff4e0; }"


class MonthlyDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = getattr(parent.window(), "undo_stack", None) if parent else None
        self.accounts = [a for a in accounts.list_all(session.db) if not a.peer]
        today = session.today
        self.date = QDateEdit(QDate(today.year, today.month, 1))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        latest = timezone.latest_today(session.db)
        self.date.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.date.dateChanged.connect(self.refresh)
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date)
        top = QHBoxLayout()
        top.addWidget(self.date_label)
        top.addWidget(self.date)
        top.addStretch(1)

        grid = QGridLayout()
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        self.headers = [QLabel() for _column in range(2 + len(FIELDS))]
        for column, header in enumerate(self.headers):
            header.setStyleSheet("font-weight: 600")
            grid.addWidget(header, 0, column)
        self.lasts: list[QLabel] = []
        self.edits: list[dict[str, QLineEdit]] = []
        for place, account in enumerate(self.accounts, start=1):
            name = QLabel(
                f"{accounts.platform_title(account.platform)} {accounts.handle_text(account)}"
            )
            last = QLabel()
            last.setObjectName("hint")
            grid.addWidget(name, place, 0)
            grid.addWidget(last, place, 1)
            edits = {}
            for column, key in enumerate(FIELDS, start=2):
                edit = QLineEdit()
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMinimumWidth(90)
                edit.textChanged.connect(
                    lambda _text, edit=edit, account=account: self._check(edit, account)
                )
                grid.addWidget(edit, place, column)
                edits[key] = edit
            self.lasts.append(last)
            self.edits.append(edits)
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.addLayout(grid)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)

        self.note = hint_label()
        self.problems = error_label()
        self.problems.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(not session.read_only)
        for edits in self.edits:
            for edit in edits.values():
                edit.setReadOnly(session.read_only)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        # Down the list first (the fields must be in the dialog by now): all followers, then all reach…
        chain = [self.date] + [edits[key] for key in FIELDS for edits in self.edits]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.translate_ui()
        self.refresh()
        self.resize(900, 520)
        if self.edits:
            self.edits[0]["followers"].setFocus()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Monthly update"))
        self.date_label.setText(_("Figures &on"))
        titles = [_("Account"), _("Last figure")]
        titles += [_(COLUMN_TITLES[key]) for key in FIELDS]
        for header, title in zip(self.headers, titles, strict=True):
            header.setText(title)
        if self.session.read_only:
            self.note.setText(_("The file is open read-only: the figures cannot be saved."))
        else:
            self.note.setText(
                _(
                    "Fill in the accounts you have figures for; Tab moves down the list. "
                    "Rows left empty are not changed; a grey figure is what the day already holds."
                )
            )

    def chosen_date(self) -> str:
        return self.date.date().toString("yyyy-MM-dd")

    def last_figure(self, account: accounts.Account) -> tuple[str, int] | None:
        """Followers at the latest snapshot before the chosen date, with its date."""
        day = dt.date.fromisoformat(self.chosen_date()) - dt.timedelta(days=1)
        return metrics.followers_on(self.session.db, account.id, day.isoformat())

    def refresh(self) -> None:
        """The last figures before the chosen day; the day's own figures, if recorded, as
        placeholders."""
        db, day = self.session.db, self.chosen_date()
        for account, last, edits in zip(self.accounts, self.lasts, self.edits, strict=True):
            found = self.last_figure(account)
            last.setText(
                _("{n} on {date}").format(n=fmt.number(found[1]), date=fmt.date_short(found[0]))
                if found
                else _("no figure yet")
            )
            stored = metrics.snapshot_on(db, account.id, day)
            for key, edit in edits.items():
                value = getattr(stored, key) if stored else None
                edit.setPlaceholderText("" if value is None else fmt.number(value))
            self._check(edits["followers"], account)

    def _check(self, edit: QLineEdit, account: accounts.Account | None = None) -> str | None:
        """Mark a field that does not read as a count (its reason is returned), and followers
        that fall by more than half (a warning only: saving asks)."""
        try:
            value = read_count(edit.text())
        except ValueError as error:
            edit.setStyleSheet(PROBLEM_STYLE)
            edit.setToolTip(str(error))
            return str(error)
        last = self.last_figure(account) if account and edit is self._followers(account) else None
        if value is not None and last and value < last[1] * SHRINK_LIMIT:
            edit.setStyleSheet(DROP_STYLE)
            edit.setToolTip(_("More than half below the last figure"))
        else:
            edit.setStyleSheet("")
            edit.setToolTip("")
        return None

    def _followers(self, account: accounts.Account) -> QLineEdit:
        return self.edits[self.accounts.index(account)]["followers"]

    def rows(self) -> tuple[list[dict], list[str]]:
        """(the rows to write: filled ones only, the problems)."""
        rows, problems = [], []
        day = self.chosen_date()
        for account, edits in zip(self.accounts, self.edits, strict=True):
            row: dict = {"account_id": account.id, "date": day}
            for key, edit in edits.items():
                reason = self._check(edit, account)
                if reason is not None:
                    problems.append(
                        _("{account}, {column}: {problem}").format(
                            account=accounts.handle_text(account),
                            column=_(COLUMN_TITLES[key]),
                            problem=reason,
                        )
                    )
                    continue
                value = read_count(edit.text())
                if value is not None:
                    row[key] = value
            if len(row) == 2:
                continue  # left blank: left alone
            if (
                "followers" not in row
                and metrics.snapshot_on(self.session.db, account.id, day) is None
            ):
                problems.append(
                    _("{account}: a new day needs its followers").format(
                        account=accounts.handle_text(account)
                    )
                )
            rows.append(row)
        return rows, problems

    def shrinking(self, rows: list[dict]) -> list[str]:
        """The accounts whose followers fall by more than half against the last figure."""
        by_id = {account.id: account for account in self.accounts}
        found = []
        for row in rows:
            last = self.last_figure(by_id[row["account_id"]])
            if last and "followers" in row and row["followers"] < last[1] * SHRINK_LIMIT:
                found.append(
                    _("{account}: {old} → {new}").format(
                        account=accounts.handle_text(by_id[row["account_id"]]),
                        old=fmt.number(last[1]),
                        new=fmt.number(row["followers"]),
                    )
                )
        return found

    def show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def save(self) -> bool:
        """Write the filled rows (one transaction, one undo step) and close; False if nothing
        was written."""
        if self.session.read_only:
            return False
        rows, problems = self.rows()
        if problems:
            self.show_problems([_("Nothing was saved:"), *problems])
            return False
        if not rows:
            self.show_problems([_("No figures filled in.")])
            return False
        shrunk = self.shrinking(rows)
        if shrunk:
            from gui.lists_dialog import confirm

            text = _("Followers fall by more than half since the last figure:") + "\n"
            if not confirm(
                self, _("Monthly update"), text + "\n".join(shrunk) + "\n\n" + _("Save anyway?")
            ):
                self.show_problems([_("Not saved: check the figures that fall by more than half.")])
                return False
        db = self.session.db
        before = {}
        for row in rows:
            before[row["account_id"]] = metrics.snapshot_on(db, row["account_id"], row["date"])
        try:
            metrics.upsert_snapshots(db, rows)
        except LinimasaError as error:
            self.show_problems([_("Nothing was saved:"), str(error)])
            return False
        ids = {row["account_id"] for row in rows}

        def undo() -> None:
            with db.transaction():
                for row in rows:
                    restore_days(db, row["account_id"], {row["date"]: before[row["account_id"]]})

        if self.undo_stack is not None:
            from gui.undo import CoreChange

            self.undo_stack.push(
                CoreChange(
                    _("monthly update of {n} accounts").format(n=len(rows)),
                    lambda: metrics.upsert_snapshots(db, rows),
                    undo,
                    Change.of("snapshots", ids=ids),
                )
            )
        notify("snapshots", ids=ids)
        self.accept()
        return True


def monthly_update(parent: QWidget | None, session: Session) -> MonthlyDialog:
    """Show the monthly update (window-modal, not blocking the caller)."""
    dialog = MonthlyDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
