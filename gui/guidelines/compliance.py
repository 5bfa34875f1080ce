"""How the posts published in a period went through the checklist: per account (or
platform) how many passed every required item, were approved with an override, or were
approved before the checklist was in force; and every override with its reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import fmt, guidelines, periods
from core.guidelines import Compliance, ComplianceRow, Override
from core.i18n import _
from gui.models import RowsTableModel
from gui.session import Session
from gui.widgets import EmptyState, hint_label

KINDS = ("month", "quarter", "year")
RECENT = {"month": 24, "quarter": 8, "year": 6}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ComplianceModel(RowsTableModel):
    """One row per account (or platform), the total last and in bold."""

    COLUMNS = ("label", "published", "passed", "overridden", "unchecked")
    #: "accounts" or "platforms": what the first column names.
    grouping = "accounts"

    def row_key(self, row: ComplianceRow):
        return row.label

    def column_title(self, column: str) -> str:
        return {
            "label": _("Account") if self.grouping == "accounts" else _("Platform"),
            "published": _("Published"),
            "passed": _("Passed all required"),
            "overridden": _("Overridden"),
            "unchecked": _("Not checked"),
        }[column]

    def display(self, row: ComplianceRow, column: str) -> str:
        return row.label if column == "label" else fmt.number(getattr(row, column))

    def role_data(self, row: ComplianceRow, column: str, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "label":
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and row is self.rows[-1]:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "unchecked":
            return _("Approved before the checklist was in force, or with no approval recorded")
        return None


class OverridesModel(RowsTableModel):
    COLUMNS = ("day", "title", "account", "approver", "reason")

    def row_key(self, row: Override):
        return (row.variant_id, row.reason)

    def column_title(self, column: str) -> str:
        return {
            "day": _("Published"),
            "title": _("Post"),
            "account": _("Account"),
            "approver": _("Approver"),
            "reason": _("Reason"),
        }[column]

    def display(self, row: Override, column: str) -> str:
        if column == "day":
            return fmt.date_short(row.published_on)
        return {
            "title": row.post_title,
            "account": row.account,
            "approver": row.approver,
            "reason": row.reason,
        }[column]

    def role_data(self, row: Override, column: str, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [_("Approved without:")] + [f"• {item}" for item in row.items]
            if column == "reason":
                lines = [row.reason, ""] + lines
            return "\n".join(lines)
        return None


def _table(model: RowsTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    return table


class CompliancePanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.result: Compliance | None = None
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem("", kind)
        self.period_box = QComboBox()
        self.period_box.setMinimumContentsLength(16)
        self.group_box = QComboBox()
        self.group_box.addItem("", "accounts")
        self.group_box.addItem("", "platforms")
        self.kind_label, self.period_label, self.group_label = QLabel(), QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_box)
        self.period_label.setBuddy(self.period_box)
        self.group_label.setBuddy(self.group_box)
        bar = QHBoxLayout()
        for label, box in (
            (self.kind_label, self.kind_box),
            (self.period_label, self.period_box),
            (self.group_label, self.group_box),
        ):
            bar.addWidget(label)
            bar.addWidget(box)
            bar.addSpacing(10)
        bar.addStretch(1)
        self.summary = hint_label()
        self.model = ComplianceModel(self)
        self.table = _table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.overrides_title = QLabel()
        self.overrides_title.setObjectName("sectionTitle")
        self.overrides_model = OverridesModel(self)
        self.overrides = _table(self.overrides_model)
        header = self.overrides.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.no_overrides = hint_label()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.table, 3)
        column.addWidget(self.overrides_title)
        column.addWidget(self.overrides, 2)
        column.addWidget(self.no_overrides)
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.period_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.group_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.translate_ui()

    def translate_ui(self) -> None:
        self.kind_label.setText(_("Pe&riod"))
        self.period_label.setText(_("&Which"))
        self.group_label.setText(_("&Group by"))
        for index, kind in enumerate(KINDS):
            self.kind_box.setItemText(index, periods.kind_title(kind))
        self.group_box.setItemText(0, _("account"))
        self.group_box.setItemText(1, _("platform"))
        self.overrides_title.setText(_("Approved with an override"))
        self.no_overrides.setText(_("No post in this period was approved with an override."))
        self._fill_periods()
        self.model.retranslate()
        self.overrides_model.retranslate()

    def _fill_periods(self) -> None:
        kind = self.kind_box.currentData()
        today = self.session.today
        current = self.period_box.currentData()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        choices = periods.recent(kind, today, RECENT[kind])
        for start, end in choices:
            self.period_box.addItem(periods.title(kind, start, end), (start, end))
        wanted = current if current in choices else periods.default(kind, today)
        self.period_box.setCurrentIndex(choices.index(wanted) if wanted in choices else 0)
        self.period_box.blockSignals(False)

    def _kind_changed(self, _index: int) -> None:
        self._fill_periods()
        self.refresh()

    def choose(self, kind: str, start: dt.date) -> None:
        """Show the period of `kind` that starts on `start` (one of the recent ones)."""
        self.kind_box.setCurrentIndex(KINDS.index(kind))
        for index in range(self.period_box.count()):
            if self.period_box.itemData(index)[0] == start:
                self.period_box.setCurrentIndex(index)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.period_box.currentData() or periods.default("month", self.session.today)

    def refresh(self) -> None:
        start, end = self.period()
        result = guidelines.compliance(self.session.db, start, end)
        self.result = result
        title = periods.title(self.kind_box.currentData(), start, end)
        if not result.total.published:
            self.model.set_rows([])
            self.overrides_model.set_rows([])
            self.empty.set_content(
                "guidelines",
                _("Nothing was published in {period}").format(period=title),
                _(
                    "Once posts are published, this shows how many went through every required "
                    "item of the checklist, and which were approved with an override and why. "
                    "Choose another period."
                ),
            )
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        by_account = self.group_box.currentData() == "accounts"
        grouped = result.accounts if by_account else result.platforms
        if self.model.grouping != self.group_box.currentData():
            self.model.grouping = self.group_box.currentData()
            self.model.set_rows([])  # other rows: nothing of the old ones to keep
            self.model.retranslate()
        self.model.set_rows([*grouped, result.total])
        self.overrides_model.set_rows(result.overrides)
        total = result.total
        self.summary.setText(
            _(
                "{period}: {passed} of {published} published posts passed every required item; "
                "{overridden} approved with an override."
            ).format(
                period=title,
                passed=fmt.number(total.passed),
                published=fmt.number(total.published),
                overridden=fmt.number(total.overridden),
            )
        )
        self.overrides.setVisible(bool(result.overrides))
        self.no_overrides.setVisible(not result.overrides)
