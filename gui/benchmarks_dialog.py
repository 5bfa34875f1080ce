"""Benchmarks and targets (Edit menu): each platform's benchmark engagement rate, where it
comes from and how it was computed, and each of our accounts' targets (an engagement rate and
a follower count, both optional).

Everything is typed in the tables as people write it ("1,5%", "2.15", "80.000"); a value that
cannot be read, or lies outside 0–100% (followers: a whole number from 0), is marked in red
with its reason and holds Save. Save writes every change in one transaction (all or nothing),
then tells the open views (Home's cards compare with the benchmarks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from core import accounts, figures, fmt, parse
from core.errors import ValidationError
from core.i18n import _
from gui.forms import FormDialog
from gui.models import RowsTableModel
from gui.session import Session
from gui.signals import notify
from gui.widgets import hint_label

EDIT_ROLE = int(Qt.ItemDataRole.EditRole)
PROBLEM_COLOUR = "#b3261e"
PROBLEM_BACKGROUND = "#fdecea"


# --- reading what was typed ------------------------------------------------------------------


def read_rate(text: str) -> float | None:
    """A percentage as typed ("1,5%", "2.15", "2,15 %") as a fraction (0.015); None when empty.
    Raises ValueError with the reason (in the user's language) when it is not one from 0 to
    100%."""
    body = text.strip()
    if body.endswith("%"):
        body = body[:-1].strip()
    if parse.is_no_value(body):
        return None
    try:
        # "2,15" and "2.15" are both decimals here: a rate is never written with thousands.
        value = parse.number(body, decimal="," if "," in body else ".")
    except ValueError:
        value = float("nan")
    if value is None or not 0 <= value <= 100:  # NaN fails both comparisons
        raise ValueError(_("must be a percentage from 0 to 100"))
    return value / 100


def read_count(text: str) -> int | None:
    """A follower count as typed ("80.000", "80000"); None when empty; ValueError otherwise."""
    try:
        return parse.count(text.strip())
    except ValueError as error:
        raise ValueError(_("must be a whole number from 0")) from error


def _rate_text(rate: float | None) -> str:
    return "" if rate is None else fmt.percent(rate, 2)


# --- the rows being edited -------------------------------------------------------------------


@dataclass
class BenchmarkRow:
    platform: str
    rate_text: str
    source: str
    method: str
    stored: bool
    """Stored in the file (False: the default applies)."""
    original: tuple[str, str, str, bool] = ("", "", "", False)
    problem: str = ""
    #: The stored rate, exact: saved again as it is while its (rounded) text is untouched.
    stored_rate: float | None = None

    @property
    def id(self) -> str:  # row_key
        return self.platform

    def snapshot(self) -> tuple[str, str, str, bool]:
        return (self.rate_text, self.source, self.method, self.stored)

    @property
    def changed(self) -> bool:
        return self.snapshot() != self.original


@dataclass
class TargetRow:
    account: accounts.Account
    rate_text: str
    followers_text: str
    original: tuple[str, str] = ("", "")
    problems: dict[str, str] = field(default_factory=dict)
    #: The stored rate target, exact (see BenchmarkRow.stored_rate).
    stored_rate: float | None = None

    @property
    def id(self) -> int:
        return self.account.id

    @property
    def changed(self) -> bool:
        return (self.rate_text, self.followers_text) != self.original


class _EditableModel(RowsTableModel):
    """Rows edited in place: cells of EDITABLE columns take text; a cell with a problem shows
    it in red with the reason as its tooltip."""

    EDITABLE: tuple[str, ...] = ()

    def __init__(self, read_only: bool, parent=None):
        super().__init__(parent)
        self.read_only = read_only

    def problem(self, row, column: str) -> str:
        return ""

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and not self.read_only and self.COLUMNS[index.column()] in self.EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def role_data(self, row, column: str, role: int):
        problem = self.problem(row, column)
        if role == EDIT_ROLE:
            return self.edit_text(row, column)
        if role == int(Qt.ItemDataRole.ToolTipRole) and problem:
            return problem[:1].upper() + problem[1:] + "."
        if role == int(Qt.ItemDataRole.ForegroundRole) and problem:
            return QColor(PROBLEM_COLOUR)
        if role == int(Qt.ItemDataRole.BackgroundRole) and problem:
            return QColor(PROBLEM_BACKGROUND)
        return None

    def edit_text(self, row, column: str) -> str:
        return self.display(row, column)

    def setData(self, index, value, role=EDIT_ROLE) -> bool:  # noqa: N802 - Qt's name
        if role != EDIT_ROLE or not index.isValid() or self.read_only:
            return False
        column = self.COLUMNS[index.column()]
        if column not in self.EDITABLE:
            return False
        self.write(self.rows[index.row()], column, "" if value is None else str(value))
        self.row_changed(index.row())
        return True

    def write(self, row, column: str, text: str) -> None:
        raise NotImplementedError

    def row_changed(self, row: int) -> None:
        self._cells = {}
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))


class BenchmarkModel(_EditableModel):
    COLUMNS = ("platform", "rate", "source", "method", "reset")
    EDITABLE = ("rate", "source", "method")

    def column_title(self, column: str) -> str:
        return {
            "platform": _("Platform"),
            "rate": _("Benchmark rate"),
            "source": _("Source"),
            "method": _("Method"),
            "reset": "",
        }[column]

    def display(self, row: BenchmarkRow, column: str) -> str:
        if column == "platform":
            title = accounts.platform_title(row.platform)
            return title if row.stored else _("{platform} (default)").format(platform=title)
        if column == "rate":
            return row.rate_text
        if column == "source":
            return row.source
        if column == "method":
            return figures.method_title(row.method)
        return ""

    def edit_text(self, row: BenchmarkRow, column: str) -> str:
        return row.method if column == "method" else self.display(row, column)

    def problem(self, row: BenchmarkRow, column: str) -> str:
        return row.problem if column == "rate" else ""

    def write(self, row: BenchmarkRow, column: str, text: str) -> None:
        before = (row.rate_text, row.source, row.method)
        if column == "rate":
            row.rate_text = text.strip()
        elif column == "source":
            row.source = text.strip()
        elif column == "method" and text in figures.METHOD_NAMES:
            row.method = text
        if (row.rate_text, row.source, row.method) != before:
            row.stored = True  # typed over: this platform now has its own benchmark
        check_benchmark(row)

    def reset(self, place: int) -> None:
        """Back to the default benchmark (written on Save)."""
        row = self.rows[place]
        default = figures.default_benchmark(row.platform)
        row.rate_text, row.source = _rate_text(default.rate), default.source
        row.method, row.stored, row.problem = default.method, False, ""
        self.row_changed(place)


class TargetModel(_EditableModel):
    COLUMNS = ("account", "rate", "followers")
    EDITABLE = ("rate", "followers")

    def column_title(self, column: str) -> str:
        return {
            "account": _("Account"),
            "rate": _("Engagement rate target"),
            "followers": _("Follower target"),
        }[column]

    def display(self, row: TargetRow, column: str) -> str:
        if column == "account":
            return f"{accounts.platform_title(row.account.platform)} · {accounts.handle_text(row.account)}"
        return row.rate_text if column == "rate" else row.followers_text

    def role_data(self, row: TargetRow, column: str, role: int):
        if role == int(Qt.ItemDataRole.ToolTipRole) and column == "account":
            return row.account.display_name
        return super().role_data(row, column, role)

    def problem(self, row: TargetRow, column: str) -> str:
        return row.problems.get(column, "")

    def write(self, row: TargetRow, column: str, text: str) -> None:
        if column == "rate":
            row.rate_text = text.strip()
        else:
            row.followers_text = text.strip()
        check_target(row)


def check_benchmark(row: BenchmarkRow) -> None:
    row.problem = ""
    try:
        if read_rate(row.rate_text) is None:
            row.problem = _("a benchmark rate is required (or reset it to the default)")
    except ValueError as error:
        row.problem = str(error)


def check_target(row: TargetRow) -> None:
    row.problems = {}
    try:
        read_rate(row.rate_text)
    except ValueError as error:
        row.problems["rate"] = str(error)
    try:
        read_count(row.followers_text)
    except ValueError as error:
        row.problems["followers"] = str(error)


class MethodDelegate(QStyledItemDelegate):
    """The method column is chosen from a list (`figures.METHODS`)."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        box = QComboBox(parent)
        for name, title in figures.METHODS:
            box.addItem(_(title), name)
        return box

    def setEditorData(self, editor, index):  # noqa: N802 - Qt's name
        editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT_ROLE))))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt's name
        model.setData(index, editor.currentData(), EDIT_ROLE)


# --- the dialog ------------------------------------------------------------------------------


def shown_platforms(session: Session) -> list[str]:
    """The platforms our accounts (and the peers we compare with) use, and any with a stored
    benchmark, in `accounts.PLATFORMS` order; with none, every main platform."""
    used = {account.platform for account in accounts.list_all(session.db)}
    used |= {b.platform for b in figures.benchmarks(session.db) if b.stored}
    if not used:
        used = {p for p in accounts.PLATFORMS if p != "other"}
    return [p for p in accounts.PLATFORMS if p in used]


def _table(model: RowsTableModel, read_only: bool) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(True)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.NoEditTriggers
        if read_only
        else QAbstractItemView.EditTrigger.AllEditTriggers
        & ~QAbstractItemView.EditTrigger.CurrentChanged
    )
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class BenchmarksDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(_("Benchmarks and targets"), parent)
        self.session = session
        self.db = session.db
        self.read_only = session.read_only
        self.setMinimumWidth(720)
        self.resize(780, 560)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

        hint = hint_label(
            _(
                "Home compares each account's engagement rate with its platform's benchmark. "
                'Type rates as "2,15%" or "2.15"; leave a target empty for none.'
            )
        )
        self.form.addRow(hint)

        self.benchmark_model = BenchmarkModel(self.read_only, self)
        rows = []
        for platform in shown_platforms(session):
            found = figures.benchmark(self.db, platform)
            row = BenchmarkRow(
                platform, _rate_text(found.rate), found.source, found.method, found.stored
            )
            row.stored_rate = found.rate
            row.original = row.snapshot()
            rows.append(row)
        self.benchmark_model.set_rows(rows)
        self.benchmark_view = _table(self.benchmark_model, self.read_only)
        self.benchmark_view.setItemDelegateForColumn(
            BenchmarkModel.COLUMNS.index("method"), MethodDelegate(self.benchmark_view)
        )
        header = self.benchmark_view.horizontalHeader()
        header.setSectionResizeMode(
            BenchmarkModel.COLUMNS.index("source"), QHeaderView.ResizeMode.Stretch
        )
        self.reset_buttons: dict[str, QPushButton] = {}
        self.benchmark_view.setColumnHidden(BenchmarkModel.COLUMNS.index("reset"), self.read_only)
        if not self.read_only:
            for place, row in enumerate(rows):
                button = QPushButton(_("Reset to default"))
                button.setAutoDefault(False)
                button.setToolTip(
                    _("Use the default benchmark ({rate}) for {platform}").format(
                        rate=figures.format_rate(figures.DEFAULT_BENCHMARK_RATE),
                        platform=accounts.platform_title(row.platform),
                    )
                )
                button.clicked.connect(lambda _c=False, place=place: self.reset(place))
                self.benchmark_view.setIndexWidget(
                    self.benchmark_model.index(place, BenchmarkModel.COLUMNS.index("reset")),
                    button,
                )
                self.reset_buttons[row.platform] = button
        self.add_field(
            "benchmarks", _("Benchmark engagement rate per platform"), self.benchmark_view
        )

        self.target_model = TargetModel(self.read_only, self)
        targets = []
        for account in accounts.list_all(self.db):
            if account.peer:
                continue
            found = figures.target(self.db, account.id)
            rate = _rate_text(found.engagement_rate)
            followers = "" if found.followers is None else fmt.number(found.followers)
            targets.append(
                TargetRow(account, rate, followers, (rate, followers), {}, found.engagement_rate)
            )
        self.target_model.set_rows(targets)
        self.target_view = _table(self.target_model, self.read_only)
        self.target_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_field("targets", _("Targets of our accounts (empty: none)"), self.target_view)
        for view, model in (
            (self.benchmark_view, self.benchmark_model),
            (self.target_view, self.target_model),
        ):
            view.setMinimumHeight(
                min(8, max(2, model.rowCount())) * view.verticalHeader().defaultSectionSize()
                + view.horizontalHeader().sizeHint().height()
                + 4
            )

        for model in (self.benchmark_model, self.target_model):
            model.dataChanged.connect(lambda *_args: self.revalidate())
        if self.read_only:
            self.save_button.hide()
            buttons = self.findChild(QDialogButtonBox)
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(_("Close"))
            note = hint_label(
                _("This file is open read-only: the figures can be viewed, not changed.")
            )
            self.form.addRow(note)
        self.save = self._save
        self.set_validator(self.problems_now, show_all=True)

    def reset(self, place: int) -> None:
        self.benchmark_model.reset(place)

    def problems_now(self) -> dict[str, str]:
        """{field: reason} for the first problem of each table, naming the row."""
        problems: dict[str, str] = {}
        for row in self.benchmark_model.rows:
            if row.problem:
                problems["benchmarks"] = f"{accounts.platform_title(row.platform)}: {row.problem}"
                break
        for row in self.target_model.rows:
            for column in TargetModel.EDITABLE:
                reason = row.problems.get(column)
                if reason:
                    title = self.target_model.column_title(column)
                    account = self.target_model.display(row, "account")
                    problems["targets"] = f"{account}, {title.lower()}: {reason}"
                    break
            if "targets" in problems:
                break
        return problems

    def _save(self) -> bool:
        """Every change in one transaction; True if anything was written."""
        if self.read_only:
            return False
        wrote = False
        with self.db.transaction():
            for row in self.benchmark_model.rows:
                if not row.changed:
                    continue
                if not row.stored:
                    figures.reset_benchmark(self.db, row.platform)
                else:
                    figures.set_benchmark(
                        self.db,
                        row.platform,
                        _exact_rate("benchmarks", row.rate_text, row.original[0], row.stored_rate),
                        row.source,
                        row.method,
                    )
                wrote = True
            for row in self.target_model.rows:
                if not row.changed:
                    continue
                figures.set_target(
                    self.db,
                    row.account.id,
                    _exact_rate("targets", row.rate_text, row.original[0], row.stored_rate),
                    _as_count("targets", row.followers_text),
                )
                wrote = True
        return wrote


def _exact_rate(field_name: str, text: str, shown: str, stored: float | None) -> float | None:
    """The rate to save: the stored one, unrounded, while the text shown for it is unchanged
    (2,155% shows as 2,16%; saving a row for its source must not round the rate)."""
    if text == shown and stored is not None:
        return stored
    return _as_fraction(field_name, text)


def _as_fraction(field_name: str, text: str) -> float | None:
    try:
        return read_rate(text)
    except ValueError as error:
        raise ValidationError(field_name, text, str(error)) from error


def _as_count(field_name: str, text: str) -> int | None:
    try:
        return read_count(text)
    except ValueError as error:
        raise ValidationError(field_name, text, str(error)) from error


def edit_benchmarks(parent: QWidget | None, session: Session) -> bool:
    """Show "Benchmarks and targets"; True when something was saved (views were told).
    A read-only file shows the figures without letting them change."""
    dialog = BenchmarksDialog(session, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.saved:
        return False
    notify("settings", "accounts")
    return True
