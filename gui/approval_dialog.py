"""Who approves a unit's posts: as its parent unit, nobody, or an ordered list of levels
(a title, and the approver who must sign at that level if it is one person).

Edits of several units are kept while the user switches between them, and Save writes them
all in one transaction through `core.workflow.set_approval`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import members, units, workflow
from core.errors import LinimasaError, ValidationError
from core.i18n import _
from gui.session import Session
from gui.signals import notify
from gui.team_dialog import add_unit_items
from gui.widgets import error_label, hint_label

#: One unit's setting as the dialog holds it: (mode, [(title, approver id or None), …]).
Setting = tuple[str, list[tuple[str, int | None]]]


def describe(levels: list[workflow.Level], names: dict[int, str]) -> str:
    """ "1. Kepala Subbagian (Agus Setiawan) → 2. Kepala Biro" or "no approval needed"."""
    if not levels:
        return _("no approval needed")
    return " → ".join(
        f"{level.position}. {level.title}"
        + (f" ({names[level.approver_id]})" if level.approver_id in names else "")
        for level in levels
    )


class ApprovalDialog(QDialog):
    def __init__(self, session: Session, unit_id: int | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.db = session.db
        self.setWindowTitle(_("Approval of posts"))
        self.resize(700, 480)
        #: Settings changed but not saved yet, by unit id.
        self.pending: dict[int, Setting] = {}
        self.unit_id: int | None = None
        self.approvers = [m for m in members.list_all(self.db) if m.role == "approver"]
        self.names = {m.id: m.name for m in members.list_all(self.db, include_inactive=True)}

        self.unit = QComboBox()
        add_unit_items(self.unit, self.db, "")
        self.unit.removeItem(0)  # every setting belongs to a unit
        self.inherit = QRadioButton()
        self.none = QRadioButton(_("&No approval needed"))
        self.levels_mode = QRadioButton(_("Approval &levels, in order:"))
        self.modes = QButtonGroup(self)
        for button, mode in (
            (self.inherit, "inherit"),
            (self.none, "none"),
            (self.levels_mode, "levels"),
        ):
            self.modes.addButton(button)
            button.setProperty("mode", mode)
        self.inherited = hint_label()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_("Level title"), _("Approver")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(_("&Add level"))
        self.remove_button = QPushButton(_("&Remove"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move &down"))
        self.add_button.clicked.connect(lambda: self.add_level(_("Approval"), None))
        self.remove_button.clicked.connect(self.remove_level)
        self.up_button.clicked.connect(lambda: self.move_level(-1))
        self.down_button.clicked.connect(lambda: self.move_level(1))
        level_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            level_buttons.addWidget(button)
        level_buttons.addStretch(1)
        hint = hint_label(
            _(
                "Each level approves in turn. Leave the approver open to let any member "
                "with the approver role sign at that level."
            )
        )
        self.error = error_label()
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(not session.read_only)

        form = QFormLayout()
        form.addRow(_("&Work unit"), self.unit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.inherit)
        layout.addWidget(self.inherited)
        layout.addWidget(self.none)
        layout.addWidget(self.levels_mode)
        layout.addWidget(self.table, 1)
        layout.addLayout(level_buttons)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.modes.buttonToggled.connect(lambda *_args: self._update_enabled())
        self.unit.currentIndexChanged.connect(lambda _i: self.show_unit(self.unit.currentData()))
        if unit_id is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        self.show_unit(self.unit.currentData())

    # -- one unit -----------------------------------------------------------------------------

    def stored(self, unit_id: int) -> Setting:
        mode = workflow.approval_mode(self.db, unit_id)
        return mode, [
            (level.title, level.approver_id) for level in workflow.own_levels(self.db, unit_id)
        ]

    def current(self) -> Setting:
        mode = self.modes.checkedButton().property("mode")
        levels = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            levels.append(
                (item.text().strip() if item else "", self.table.cellWidget(row, 1).currentData())
            )
        return mode, levels

    def show_unit(self, unit_id: int | None) -> None:
        """Keep the shown unit's edits aside, and show `unit_id`'s (pending or stored)."""
        if self.unit_id is not None and self.current() != self.stored(self.unit_id):
            self.pending[self.unit_id] = self.current()
        self.unit_id = unit_id
        if unit_id is None:
            return
        mode, levels = self.pending.get(unit_id) or self.stored(unit_id)
        parent_id = units.get(self.db, unit_id).parent_id
        self.inherit.setText(
            _("As the &parent unit") if parent_id is not None else _("The default: &one approval")
        )
        follows = (
            workflow.levels_for_unit(self.db, parent_id)
            if parent_id is not None
            else [workflow.Level(1, _(workflow.DEFAULT_LEVEL_TITLE))]
        )
        self.inherited.setText(_("Now: {levels}").format(levels=describe(follows, self.names)))
        self.table.setRowCount(0)
        for title, approver_id in levels:
            self.add_level(title, approver_id)
        {"inherit": self.inherit, "none": self.none, "levels": self.levels_mode}[mode].setChecked(
            True
        )
        self._update_enabled()

    def add_level(self, title: str, approver_id: int | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(title))
        choice = QComboBox()
        choice.addItem(_("(any approver)"), None)
        for member in self.approvers:
            choice.addItem(member.name, member.id)
        if approver_id is not None and choice.findData(approver_id) < 0:
            choice.addItem(self.names.get(approver_id, "?"), approver_id)  # no longer an approver
        choice.setCurrentIndex(max(0, choice.findData(approver_id)))
        self.table.setCellWidget(row, 1, choice)
        self.table.selectRow(row)

    def remove_level(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_level(self, step: int) -> None:
        row = self.table.currentRow()
        levels = self.current()[1]
        target = row + step
        if row < 0 or not 0 <= target < len(levels):
            return
        levels[row], levels[target] = levels[target], levels[row]
        self.table.setRowCount(0)
        for title, approver_id in levels:
            self.add_level(title, approver_id)
        self.table.selectRow(target)

    def _update_enabled(self) -> None:
        on = self.modes.checkedButton() is self.levels_mode and not self.session.read_only
        for widget in (
            self.table,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(on)
        if on and self.table.rowCount() == 0:
            self.add_level(_("Approval"), None)

    # -- saving -------------------------------------------------------------------------------

    def accept(self) -> None:
        if self.session.read_only:
            return
        self.show_unit(self.unit_id)  # the shown unit's edits join the others
        changed = dict(self.pending)
        try:
            with self.db.transaction():
                for unit_id, (mode, levels) in changed.items():
                    workflow.set_approval(
                        self.db, unit_id, mode, levels if mode == "levels" else []
                    )
        except LinimasaError as error:
            reason = error.reason if isinstance(error, ValidationError) else str(error)
            self.error.setText(_("Not saved: {error}").format(error=reason))
            self.error.show()
            return
        if changed:
            notify("units", ids=set(changed))
        super().accept()


def edit_approval(parent: QWidget | None, session: Session, unit_id: int | None = None) -> bool:
    """Set who approves the units' posts (modal); True if something was saved."""
    dialog = ApprovalDialog(session, unit_id, parent)
    return bool(dialog.exec())
