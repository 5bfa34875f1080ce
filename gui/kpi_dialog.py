"""The period's performance indicators (KPIs): a table of them with their realisation so far,
and a form to add or change one. Opened from the Laporan tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import kpis, periods
from core.errors import LinimasaError
from core.i18n import _
from gui.forms import FormDialog
from gui.models import RowsTableModel
from gui.session import Session
from gui.widgets import hint_label


class KpiModel(RowsTableModel):
    """The period's indicators with their results (`kpis.KpiResult`)."""

    COLUMNS = ("name", "level", "measure", "target", "realisation", "status")

    def row_key(self, row: kpis.KpiResult):
        return row.kpi.id

    def column_title(self, column: str) -> str:
        return {
            "name": _("Indicator"),
            "level": _("Level"),
            "measure": _("Measure"),
            "target": _("Target"),
            "realisation": _("Realisation"),
            "status": _("Status"),
        }[column]

    def display(self, row: kpis.KpiResult, column: str) -> str:
        kpi = row.kpi
        if column == "name":
            return kpi.name
        if column == "level":
            return kpis.level_title(kpi.level)
        if column == "measure":
            return kpis.measure_title(kpi.measure)
        if column == "target":
            return kpis.value_text(kpi, kpi.target)
        if column == "realisation":
            return kpis.value_text(kpi, row.realisation)
        return kpis.status_title(row)

    def role_data(self, row, column, role):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("target", "realisation"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class KpiForm(FormDialog):
    """Add or change one indicator."""

    def __init__(self, kpi: kpis.Kpi | None, parent: QWidget | None = None):
        super().__init__(_("Change indicator") if kpi else _("New indicator"), parent)
        self.name = QLineEdit(kpi.name if kpi else "")
        self.level = QComboBox()
        for level in kpis.LEVELS:
            self.level.addItem(kpis.level_title(level), level)
        self.measure = QComboBox()
        for measure in kpis.MEASURES:
            self.measure.addItem(kpis.measure_title(measure), measure)
        self.target = QLineEdit()
        self.unit = QLineEdit(kpi.unit if kpi else "")
        self.unit.setPlaceholderText(_("posts, followers, %, news items…"))
        self.manual = QLineEdit()
        self.manual.setPlaceholderText(_("the value reached, e.g. a survey's score"))
        if kpi is not None:
            self.level.setCurrentIndex(kpis.LEVELS.index(kpi.level))
            self.measure.setCurrentIndex(kpis.MEASURES.index(kpi.measure))
            self.target.setText(kpis.input_text(kpi, kpi.target))
            self.manual.setText(kpis.input_text(kpi, kpi.manual_value))
        self.add_field("name", _("&Name"), self.name)
        self.add_field("level", _("&Level"), self.level)
        self.add_field("measure", _("&Measure"), self.measure)
        self.add_field("target", _("&Target"), self.target)
        self.add_field("unit", _("&Unit"), self.unit)
        self.add_field("manual_value", _("&Value reached"), self.manual)
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.hint = hint_label()
        self.layout().insertWidget(1, self.hint)
        self._measure_changed()

    def _measure_changed(self, *_args) -> None:
        manual = self.measure.currentData() == "manual"
        self.manual.setEnabled(manual)
        label = self.form.labelForField(self.manual)
        if label is not None:
            label.setEnabled(manual)
        self.hint.setText(
            _("Entered by hand: type the value reached.")
            if manual
            else _("Computed from the file's figures for the whole institution; a rate as 2,5%.")
        )

    def values(self) -> dict:
        manual = self.measure.currentData() == "manual"
        return {
            "name": self.name.text(),
            "level": self.level.currentData(),
            "measure": self.measure.currentData(),
            "target": self.target.text(),
            "unit": self.unit.text(),
            "manual_value": self.manual.text() if manual else None,
        }


class KpiDialog(QDialog):
    def __init__(self, session: Session, start: dt.date, end: dt.date, parent=None):
        super().__init__(parent)
        self.session, self.start, self.end = session, start, end
        self.changed = False
        kind = "custom"
        for candidate in ("month", "quarter", "year"):
            if (start, end) in periods.recent(candidate, end, 1):
                kind = candidate
        self.setWindowTitle(
            _("Indicators for {period}").format(period=periods.title(kind, start, end))
        )
        self.resize(820, 420)
        self.model = KpiModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit())
        self.add_button = QPushButton(_("&Add…"))
        self.edit_button = QPushButton(_("&Change…"))
        self.delete_button = QPushButton(_("&Delete"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move d&own"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            row.addWidget(button)
            button.setEnabled(not session.read_only)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.hint = hint_label(
            _(
                "Output: what the team produces (posts). Outcome: what the audience does "
                "(followers, engagement). Impact: what changes (survey results, media coverage)."
            )
        )
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        db = self.session.db
        self.model.set_rows(
            [kpis.evaluate(db, kpi) for kpi in kpis.list_for(db, self.start, self.end)]
        )
        self._update_buttons()

    def selected(self) -> kpis.Kpi | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).kpi if rows else None

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected() is not None and not self.session.read_only
        for button in (self.edit_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(chosen)

    def _select(self, kpi_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).kpi.id == kpi_id:
                self.table.selectRow(row)

    def _form(self, kpi: kpis.Kpi | None) -> kpis.Kpi | None:
        form = KpiForm(kpi, self)
        db = self.session.db

        def save():
            if kpi is None:
                return kpis.create(db, self.start, self.end, **form.values())
            return kpis.update(db, kpi.id, **form.values())

        form.save = save
        if form.exec():
            self.changed = True
            self.reload()
            self._select(form.saved.id)
            return form.saved
        return None

    def add(self) -> kpis.Kpi | None:
        return self._form(None)

    def edit(self) -> kpis.Kpi | None:
        kpi = self.selected()
        return self._form(kpi) if kpi and not self.session.read_only else None

    def delete(self) -> None:
        kpi = self.selected()
        if kpi is None:
            return
        from gui.tabs import nobody_to_ask

        if not nobody_to_ask():
            answer = QMessageBox.question(
                self,
                _("Delete indicator"),
                _("Delete the indicator “{name}”?").format(name=kpi.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            kpis.delete(self.session.db, kpi.id)
        except LinimasaError as error:
            QMessageBox.warning(self, _("Delete indicator"), str(error))
            return
        self.changed = True
        self.reload()

    def move(self, step: int) -> None:
        kpi = self.selected()
        if kpi is None:
            return
        moved = kpis.move(self.session.db, kpi.id, max(0, kpi.position + step))
        self.changed = True
        self.reload()
        self._select(moved.id)


def edit_kpis(parent: QWidget, session: Session, start: dt.date, end: dt.date) -> bool:
    """Show the period's indicators to edit; True when something changed."""
    dialog = KpiDialog(session, start, end, parent)
    dialog.exec()
    return dialog.changed
