"""The calendar's extras: repeating a post as a series, the questions a series asks (carry an
edit to the later occurrences? delete which?), the cadence of each account against its
target, and the team's list of commemorative days."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import cadence, calendar_days, fmt, recurring, series
from core.errors import LinimasaError, ValidationError
from core.i18n import _
from core.recurring import Rule
from gui.forms import FormDialog
from gui.session import Session
from gui.signals import notify
from gui.widgets import error_label, from_qdate, hint_label, to_qdate

#: How many of a series' dates the repeat form lists before "…".
SHOWN_DATES = 6


class RepeatDialog(FormDialog):
    """Repeat a post every week or month, until a date or a number of times; the dates it
    will make are listed as the form changes."""

    def __init__(self, session: Session, post_id: int, start: dt.date, parent=None):
        super().__init__(_("Repeat post"), parent)
        self.setMinimumWidth(600)
        self.session = session
        self.post_id = post_id
        self.start = start
        self.frequency = QComboBox()
        for key in recurring.FREQUENCIES:
            self.frequency.addItem(recurring.frequency_title(key), key)
        self.interval = QSpinBox()
        self.interval.setRange(1, 12)
        self.until = QRadioButton(_("until"))
        self.times = QRadioButton(_("times in all:"))
        group = QButtonGroup(self)
        group.addButton(self.until)
        group.addButton(self.times)
        self.ends_on = QDateEdit(to_qdate(start + dt.timedelta(weeks=8)))
        self.ends_on.setCalendarPopup(True)
        self.ends_on.setDisplayFormat("d MMM yyyy")
        self.count = QSpinBox()
        self.count.setRange(1, recurring.MOST)
        self.count.setValue(8)
        self.times.setChecked(True)
        end = QWidget()
        row = QHBoxLayout(end)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.times, self.count, self.until, self.ends_on):
            row.addWidget(widget)
        row.addStretch(1)
        self.form.addRow(
            hint_label(
                _("Starts with this post on {day}; each later date gets a copy of it.").format(
                    day=fmt.date_long(start)
                )
            )
        )
        self.add_field("frequency", _("&Repeat"), self.frequency)
        self.add_field("interval", _("&Every (weeks or months)"), self.interval)
        self.add_field("ends_on", _("&Ends"), end)
        self.preview = hint_label()
        self.form.addRow(self.preview)
        for signal in (
            self.frequency.currentIndexChanged,
            self.interval.valueChanged,
            self.count.valueChanged,
            self.ends_on.dateChanged,
            self.until.toggled,
        ):
            signal.connect(lambda *_args: self.revalidate())
        self.set_validator(self._check, show_all=True)
        self.save = lambda: recurring.make_series(
            session.db, post_id, self.rule(), by=self._member()
        )

    def _member(self) -> int | None:
        from gui.acting import current_member

        member = current_member(self.session)
        return member.id if member else None

    def rule(self) -> Rule:
        return Rule(
            self.frequency.currentData(),
            self.start,
            self.interval.value(),
            from_qdate(self.ends_on.date()) if self.until.isChecked() else None,
            self.count.value() if self.times.isChecked() else None,
        )

    def _check(self) -> dict[str, str]:
        self.ends_on.setEnabled(self.until.isChecked())
        self.count.setEnabled(self.times.isChecked())
        try:
            days = recurring.dates(self.rule())
        except ValidationError as error:
            self.preview.setText("")
            return {error.field if error.field in self.fields else "ends_on": error.reason}
        shown = ", ".join(fmt.date_short(day) for day in days[:SHOWN_DATES])
        if len(days) > SHOWN_DATES:
            shown += ", …"
        self.preview.setText(_("{n} posts: {dates}").format(n=fmt.number(len(days)), dates=shown))
        return {}


def repeat_post(parent: QWidget, session: Session, post_id: int) -> bool:
    """Ask how to repeat the post and make the series; True when made."""
    from gui.tabs import nobody_to_ask

    db = session.db
    if recurring.series_of(db, post_id) is not None:
        return False
    start = recurring.post_day(db, post_id)
    if start is None or nobody_to_ask():
        return False
    dialog = RepeatDialog(session, post_id, start, parent)
    if not dialog.exec():
        return False
    notify("posts")
    return True


def _choose(parent: QWidget, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
    """One of `choices` (key, button text) or None for Cancel; nobody to ask: None."""
    from gui.tabs import nobody_to_ask

    if nobody_to_ask():
        print(f"{title}: {text}", file=sys.stderr)
        return None
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    buttons = {
        box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in choices
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    return buttons.get(box.clickedButton())


def later_occurrences(session: Session, post_id: int) -> int:
    """How many occurrences of the post's series come after it (0: none, or no series)."""
    found = recurring.series_of(session.db, post_id)
    if found is None:
        return 0
    return len(found.post_ids) - 1 - found.post_ids.index(post_id)


def carry_to_following(parent: QWidget, session: Session, post_id: int) -> int:
    """The post (an occurrence of a series) was saved: ask whether its changes go to the
    later occurrences too, and carry them. Returns how many posts changed."""
    later = later_occurrences(session, post_id)
    if not later:
        return 0
    answer = _choose(
        parent,
        _("Post in a series"),
        _(
            "This post repeats in a series with {n} later post(s). Change only this one, or "
            "carry its title, texts, hashtags and times to the later ones too? Each keeps its "
            "own day; those in review, approved, scheduled or published stay as they are."
        ).format(n=later),
        [("one", _("Only &this post")), ("following", _("This and the &later ones"))],
    )
    if answer != "following":
        return 0
    from gui.acting import current_member

    member = current_member(session)
    try:
        carried = recurring.apply_to_following(
            session.db, post_id, by=member.id if member else None
        )
    except LinimasaError as error:
        QMessageBox.warning(parent, "Linimasa", str(error))
        return 0
    notify("posts")
    if carried.kept:
        QMessageBox.information(
            parent,
            _("Post in a series"),
            _(
                "Changed in {changed} later post(s); {kept} left as they were: they are in "
                "review or further along."
            ).format(changed=carried.changed, kept=carried.kept),
        )
    return carried.changed


def delete_in_series(parent: QWidget, session: Session, post_id: int, title: str) -> str | None:
    """Ask which occurrences to delete and delete them; the status bar's message, or None
    when nothing was done."""
    scope = _choose(
        parent,
        _("Delete post"),
        _(
            "“{title}” repeats in a series. Delete only this post, this and the later ones, "
            "or the whole series? Posts already in review or further are kept: cancel them "
            "instead."
        ).format(title=title),
        [
            ("one", _("Only &this post")),
            ("following", _("This and the &later ones")),
            ("all", _("The &whole series")),
        ],
    )
    if scope is None:
        return None
    try:
        deleted, kept = recurring.delete_occurrences(session.db, post_id, scope)
    except LinimasaError as error:
        QMessageBox.warning(parent, "Linimasa", str(error))
        return None
    notify("posts")
    message = _("{n} post(s) deleted.").format(n=deleted)
    if kept:
        message += " " + _("{n} kept: they went beyond a draft.").format(n=kept)
    return message


# --- cadence ---------------------------------------------------------------------------------


class CadenceDialog(QDialog):
    """Each account's posts planned this week and next against its target per week, and its
    empty days over the next two weeks; targets are set here."""

    COLUMNS = 5

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_("Posting cadence"))
        self.resize(760, 420)
        self.rows = cadence.overview(session.db, session.today)
        self.table = QTableWidget(len(self.rows), self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                _("Account"),
                _("Target per week"),
                _("This week"),
                _("Next week"),
                _("Empty days (next 14)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.targets: list[QSpinBox] = []
        for row, found in enumerate(self.rows):
            self._item(row, 0, series.account_label(found.account))
            spin = QSpinBox()
            spin.setRange(0, cadence.MOST_PER_WEEK)
            spin.setSpecialValueText(_("none"))
            spin.setValue(found.target or 0)
            spin.setEnabled(not session.read_only)
            spin.valueChanged.connect(lambda _v, r=row: self._show_counts(r))
            self.targets.append(spin)
            self.table.setCellWidget(row, 1, spin)
            self._show_counts(row)
        self.error = error_label()
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not session.read_only)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Posts planned (not cancelled) per account, weeks from Monday. A week below "
                    "the target is red; in the calendar, coming days with nothing planned have "
                    "an amber bar."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _item(self, row: int, column: int, text: str, below: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if column in (2, 3):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if below:
            item.setForeground(Qt.GlobalColor.red)
        self.table.setItem(row, column, item)

    def _show_counts(self, row: int) -> None:
        found = self.rows[row]
        target = self.targets[row].value() if row < len(self.targets) else found.target
        for column, count in ((2, found.this_week), (3, found.next_week)):
            self._item(row, column, fmt.number(count), bool(target) and count < target)
        days = ", ".join(fmt.day_month(day) for day in found.empty_days)
        self._item(row, 4, days or "–")

    def accept(self) -> None:
        try:
            with self.session.db.transaction():
                for found, spin in zip(self.rows, self.targets, strict=True):
                    cadence.set_target(self.session.db, found.account.id, spin.value() or None)
        except LinimasaError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        notify("accounts")
        super().accept()


# --- commemorative days ---------------------------------------------------------------------


class ObservancesDialog(QDialog):
    """The team's commemorative days (month and day, every year) and the institution's
    founding date, for its anniversary. Each change is saved at once."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_("Commemorative days"))
        self.resize(560, 520)
        db = session.db
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_("Day"), _("Name")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.day = QDateEdit(QDate(2024, 1, 1))
        self.day.setDisplayFormat("d MMMM")
        self.day.setDateRange(QDate(2024, 1, 1), QDate(2024, 12, 31))  # a leap year
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("e.g. Hari Olahraga Nasional"))
        self.add_button = QPushButton(_("&Add"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(_("&Remove"))
        self.delete_button.clicked.connect(self.delete)
        self.founded = QDateEdit()
        self.founded.setCalendarPopup(True)
        self.founded.setDisplayFormat("d MMMM yyyy")
        self.founded.setMinimumDate(QDate(1900, 1, 1))
        self.founded.setSpecialValueText(_("not recorded"))
        born = calendar_days.founded(db)
        self.founded.setDate(to_qdate(born) if born else self.founded.minimumDate())
        self.error = error_label()
        self.error.hide()
        adding = QHBoxLayout()
        adding.addWidget(self.day)
        adding.addWidget(self.name, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.delete_button)
        founded_row = QHBoxLayout()
        founded_label = QLabel(_("Institution &founded on"))
        founded_label.setBuddy(self.founded)
        founded_row.addWidget(founded_label)
        founded_row.addWidget(self.founded)
        founded_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Days the team posts about every year, shown in the calendar beside the "
                    "public holidays and collective leave days (those come with the app)."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addLayout(founded_row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        writable = not session.read_only
        for widget in (self.add_button, self.delete_button, self.founded, self.name, self.day):
            widget.setEnabled(writable)
        self.fill()

    def fill(self) -> None:
        self.days = calendar_days.observances(self.session.db)
        self.table.setRowCount(len(self.days))
        for row, found in enumerate(self.days):
            day = QTableWidgetItem(fmt.day_month(dt.date(2024, found.month, found.day)))
            self.table.setItem(row, 0, day)
            self.table.setItem(row, 1, QTableWidgetItem(found.name))
        self.table.resizeColumnToContents(0)

    def _show(self, error: LinimasaError | None) -> None:
        self.error.setText(str(error) if error else "")
        self.error.setVisible(error is not None)

    def add(self) -> None:
        day = self.day.date()
        try:
            calendar_days.add_observance(self.session.db, day.month(), day.day(), self.name.text())
        except LinimasaError as error:
            self._show(error)
            return
        self._show(None)
        self.name.clear()
        self.fill()
        notify("settings")

    def delete(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        calendar_days.delete_observance(self.session.db, self.days[rows[0].row()].id)
        self.fill()
        notify("settings")

    def done(self, result: int) -> None:
        """Closing keeps the founding date shown (written once, if it changed)."""
        value = self.founded.date()
        day = None if value <= self.founded.minimumDate() else from_qdate(value)
        if not self.session.read_only and day != calendar_days.founded(self.session.db):
            try:
                calendar_days.set_founded(self.session.db, day)
            except LinimasaError as error:
                self._show(error)
                return
            notify("settings")
        super().done(result)
