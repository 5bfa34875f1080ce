"""Work units and team members: who runs which accounts, and in which role."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import members, units
from core.db import Database
from core.i18n import _
from gui.forms import FormDialog
from gui.models import RowsTableModel
from gui.signals import notify


class ListModel(RowsTableModel):
    """A small read-only table: columns given as (title function, text function) pairs."""

    def __init__(
        self, columns: list[tuple[Callable[[], str], Callable[[object], str]]], parent=None
    ):
        super().__init__(parent)
        self.columns = columns
        self.COLUMNS = tuple(str(i) for i in range(len(columns)))

    def column_title(self, column: str) -> str:
        return self.columns[int(column)][0]()

    def display(self, row: object, column: str) -> str:
        return self.columns[int(column)][1](row)


def _table(model: ListModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # Tab moves on to the next control
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class TeamDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Work units and team"))
        self.resize(860, 460)
        self.unit_names: dict[int, str] = {}

        self.units_model = ListModel(
            [
                (lambda: _("Work unit"), lambda u: u.name),
                (lambda: _("Short name"), lambda u: u.short_name),
            ]
        )
        self.members_model = ListModel(
            [
                (lambda: _("Name"), lambda m: m.name),
                (lambda: _("Role"), lambda m: members.role_title(m.role)),
                (lambda: _("Work unit"), lambda m: self.unit_names.get(m.unit_id, "")),
                (lambda: _("Status"), lambda m: _("Active") if m.active else _("Inactive")),
            ]
        )
        self.units_table = _table(self.units_model)
        self.members_table = _table(self.members_model)
        # Enter or double-click on a row changes it.
        self.units_table.activated.connect(lambda _i: self.edit_unit())
        self.members_table.activated.connect(lambda _i: self.edit_member())

        add_unit = QPushButton(_("Add &unit…"))
        add_unit.clicked.connect(lambda: self.edit_unit(new=True))
        add_member = QPushButton(_("Add &member…"))
        add_member.clicked.connect(lambda: self.edit_member(new=True))
        for button in (add_unit, add_member):
            button.setAutoDefault(False)  # Enter in a list must not open "Add"
        hint = QLabel(
            _(
                "Double-click a row, or select it and press Enter, to change it. A member who left stays in the list as inactive."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        units_box = QVBoxLayout()
        units_box.addWidget(QLabel(_("Work units")))
        units_box.addWidget(self.units_table)
        units_box.addWidget(add_unit, 0, Qt.AlignmentFlag.AlignLeft)
        members_box = QVBoxLayout()
        members_box.addWidget(QLabel(_("Team members")))
        members_box.addWidget(self.members_table)
        members_box.addWidget(add_member, 0, Qt.AlignmentFlag.AlignLeft)
        lists = QHBoxLayout()
        lists.addLayout(units_box, 2)
        lists.addLayout(members_box, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        # Enter on a row opens it (the table passes the key on): no button may take it too.
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(lists)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        all_units = units.list_all(self.db)
        self.unit_names = {u.id: u.short_name or u.name for u in all_units}
        self.units_model.set_rows(all_units)
        self.members_model.set_rows(members.list_all(self.db, include_inactive=True))

    def _selected(self, table: QTableView, model: ListModel):
        rows = table.selectionModel().selectedRows()
        return model.rows[rows[0].row()] if rows else None

    def edit_unit(self, new: bool = False) -> None:
        unit = None if new else self._selected(self.units_table, self.units_model)
        if unit is None and not new:
            return
        form = FormDialog(_("Add unit") if new else _("Edit unit"), self)
        name = form.add_field("name", _("&Name"), QLineEdit(unit.name if unit else ""))
        short = form.add_field(
            "short_name", _("&Short name"), QLineEdit(unit.short_name if unit else "")
        )
        short.setPlaceholderText(_("e.g. Humas"))
        if unit is None:
            form.save = lambda: units.create(self.db, name.text(), short.text())
        else:
            form.save = lambda: units.update(self.db, unit.id, name.text(), short.text())
        if form.exec():
            self._changed("units")

    def edit_member(self, new: bool = False) -> None:
        member = None if new else self._selected(self.members_table, self.members_model)
        if member is None and not new:
            return
        form = FormDialog(_("Add member") if new else _("Edit member"), self)
        name = form.add_field("name", _("&Name"), QLineEdit(member.name if member else ""))
        role = QComboBox()
        for code in members.ROLES:
            role.addItem(members.role_title(code), code)
        role.setCurrentIndex(members.ROLES.index(member.role) if member else 1)
        form.add_field("role", _("&Role"), role)
        unit = QComboBox()
        unit.addItem(_("(no unit)"), None)
        for unit_id, unit_name in self.unit_names.items():
            unit.addItem(unit_name, unit_id)
        unit.setCurrentIndex(max(0, unit.findData(member.unit_id if member else None)))
        form.add_field("unit_id", _("&Work unit"), unit)
        active = QCheckBox(_("Still in the team"))
        active.setChecked(member.active if member else True)
        form.add_field("active", _("&Active"), active)
        if member is None:
            form.save = lambda: members.create(
                self.db, name.text(), role.currentData(), unit.currentData(), active.isChecked()
            )
        else:
            form.save = lambda: members.update(
                self.db,
                member.id,
                name.text(),
                role.currentData(),
                unit.currentData(),
                active.isChecked(),
            )
        if form.exec():
            self._changed("members")

    def _changed(self, kind: str) -> None:
        self.reload()
        notify(kind)
