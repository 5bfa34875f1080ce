"""Work units and team members: who runs which accounts, and in which role.

Units form a hierarchy (shown indented); a member who leaves is deactivated, and the
accounts they ran are handed to a successor first (`gui.handover_dialog`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import members, units
from core.db import Database
from core.errors import LinimasaError
from core.i18n import _
from gui.forms import Cancelled, FormDialog
from gui.models import RowsTableModel
from gui.signals import notify
from gui.widgets import hint_label


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


#: How far a sub-unit's name is indented per level, in lists and tables.
INDENT = "\u2003\u2003"


def indented(name: str, depth: int) -> str:
    return f"{INDENT * (depth - 1)}\u2003\u2514 {name}" if depth else name


def add_unit_items(box: QComboBox, db: Database, none_text: str, short: bool = False) -> None:
    """The units as a combo box's items, sub-units indented under their unit, after an
    item for "none" (data None); each item's data is the unit's id."""
    box.addItem(none_text, None)
    for unit, depth in units.tree(db):
        box.addItem(
            indented(unit.short_name if short and unit.short_name else unit.name, depth), unit.id
        )


def _table(model: ListModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # Tab moves on to the next control
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class TeamDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Work units and team"))
        self.resize(1040, 480)
        self.unit_names: dict[int, str] = {}
        self.unit_depths: dict[int, int] = {}

        self.units_model = ListModel(
            [
                (
                    lambda: _("Work unit"),
                    lambda u: indented(u.name, self.unit_depths.get(u.id, 0)),
                ),
                (lambda: _("Short name"), lambda u: u.short_name),
            ]
        )
        self.members_model = ListModel(
            [
                (lambda: _("Name"), lambda m: m.name),
                (lambda: _("Role"), lambda m: members.role_title(m.role)),
                (lambda: _("Work unit"), lambda m: self.unit_names.get(m.unit_id, "")),
                (lambda: _("E-mail"), lambda m: m.email),
                (lambda: _("Phone"), lambda m: m.phone),
                (lambda: _("Status"), lambda m: _("Active") if m.active else _("Inactive")),
            ]
        )
        self.units_table = _table(self.units_model)
        self.members_table = _table(self.members_model)
        # Names keep to one line; the e-mail address takes what width is left.
        header = self.members_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Enter or double-click on a row changes it.
        self.units_table.activated.connect(lambda _i: self.edit_unit())
        self.members_table.activated.connect(lambda _i: self.edit_member())

        add_unit = QPushButton(_("Add &unit…"))
        add_unit.clicked.connect(lambda: self.edit_unit(new=True))
        add_member = QPushButton(_("Add &member…"))
        add_member.clicked.connect(lambda: self.edit_member(new=True))
        self.deactivate_button = QPushButton(_("&Deactivate…"))
        self.deactivate_button.setToolTip(
            _("The member leaves the team; the accounts they run go to a successor (Delete).")
        )
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.members_table.installEventFilter(self)  # Delete on a member: deactivate
        self.members_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_buttons()
        )
        for button in (add_unit, add_member, self.deactivate_button):
            button.setAutoDefault(False)  # Enter in a list must not open "Add"
        hint = hint_label(
            _(
                "Double-click a row, or select it and press Enter, to change it. A member who left stays in the list as inactive."
            )
        )

        units_box = QVBoxLayout()
        units_box.addWidget(QLabel(_("Work units")))
        units_box.addWidget(self.units_table)
        units_box.addWidget(add_unit, 0, Qt.AlignmentFlag.AlignLeft)
        members_box = QVBoxLayout()
        members_box.addWidget(QLabel(_("Team members")))
        members_box.addWidget(self.members_table)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(add_member)
        member_buttons.addWidget(self.deactivate_button)
        member_buttons.addStretch(1)
        members_box.addLayout(member_buttons)
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

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.members_table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.deactivate_selected()
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        ordered = units.tree(self.db)
        self.unit_names = {u.id: u.short_name or u.name for u, _depth in ordered}
        self.unit_depths = {u.id: depth for u, depth in ordered}
        self.units_model.set_rows([u for u, _depth in ordered])
        self.members_model.set_rows(members.list_all(self.db, include_inactive=True))
        self._update_buttons()

    def _update_buttons(self) -> None:
        member = self._selected(self.members_table, self.members_model)
        self.deactivate_button.setEnabled(member is not None and member.active)

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
        parent = QComboBox()
        add_unit_items(parent, self.db, _("(none — top level)"))
        if unit is not None:
            parent.removeItem(parent.findData(unit.id))  # never its own parent
            parent.setCurrentIndex(max(0, parent.findData(unit.parent_id)))
        form.add_field("parent_id", _("&Parent unit"), parent)
        if unit is None:
            form.save = lambda: units.create(
                self.db, name.text(), short.text(), parent.currentData()
            )
        else:
            form.save = lambda: units.update(
                self.db, unit.id, name.text(), short.text(), parent.currentData()
            )
        if form.exec():
            self._changed("units", ids={form.saved.id})

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
        add_unit_items(unit, self.db, _("(no unit)"), short=True)
        unit.setCurrentIndex(max(0, unit.findData(member.unit_id if member else None)))
        form.add_field("unit_id", _("&Work unit"), unit)
        email = form.add_field("email", _("&E-mail"), QLineEdit(member.email if member else ""))
        email.setPlaceholderText(_("e.g. humas@instansi.go.id"))
        phone = form.add_field("phone", _("P&hone"), QLineEdit(member.phone if member else ""))
        phone.setPlaceholderText(_("e.g. 0812 3456 7890"))
        active = QCheckBox(_("Still in the team"))
        active.setChecked(member.active if member else True)
        form.add_field("active", _("&Active"), active)

        def fields() -> dict:
            return {
                "name": name.text(),
                "role": role.currentData(),
                "unit_id": unit.currentData(),
                "active": active.isChecked(),
                "email": email.text(),
                "phone": phone.text(),
            }

        handed_over: list[int] = []
        if member is None:
            form.save = lambda: members.create(self.db, **fields())
        else:

            def save() -> members.Member:
                values = fields()
                held = members.accounts_held(self.db, member.id)
                if not (member.active and not values["active"] and held):
                    return members.update(self.db, member.id, **values)
                successor = self.ask_successor(member, held, form)
                with self.db.transaction():  # all of it, or nothing
                    members.update(self.db, member.id, **values)
                    handed_over[:] = members.deactivate(self.db, member.id, successor)
                return members.get(self.db, member.id)

            form.save = save
        if form.exec():
            self._changed("members", ids={form.saved.id})
            if handed_over:
                notify("accounts", ids=handed_over)

    def ask_successor(
        self, member: members.Member, held: list[int], parent: QWidget | None = None
    ) -> int | None:
        """Who takes over the member's accounts (None: nobody for now); `Cancelled` if the
        user changed their mind."""
        from gui.handover_dialog import HandoverDialog

        dialog = HandoverDialog(self.db, member, held, parent or self)
        if not dialog.exec():
            raise Cancelled
        return dialog.successor_id()

    def deactivate_selected(self) -> None:
        """The selected member leaves the team, after a confirmation (or the question of
        who takes over their accounts)."""
        member = self._selected(self.members_table, self.members_model)
        if member is None or not member.active:
            return
        held = members.accounts_held(self.db, member.id)
        if held:
            try:
                successor = self.ask_successor(member, held)
            except Cancelled:
                return
        else:
            answer = QMessageBox.question(
                self,
                _("Deactivate {name}").format(name=member.name),
                _(
                    "Deactivate {name}? They stay in the team list as inactive and can be "
                    "made active again later."
                ).format(name=member.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            successor = None
        try:
            moved = members.deactivate(self.db, member.id, successor)
        except LinimasaError as error:
            QMessageBox.warning(self, _("Deactivate {name}").format(name=member.name), str(error))
            return
        self._changed("members", ids={member.id})
        if moved:
            notify("accounts", ids=moved)

    def _changed(self, kind: str, ids: set[int] = frozenset()) -> None:
        self.reload()
        notify(kind, ids=ids)
