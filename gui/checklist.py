"""A variant's tone checklist in the post editor: the items of its platform for the reviewer
to tick, what the automatic checks find beside them, and the register hints for the text
as it is being written.

A tick is stored at once, for the stored text (pending edits are saved first, as for a
workflow step); the list follows the text being typed, so a tick given for an earlier text
shows as such and no longer counts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from core import fmt, guidelines
from core.errors import LinimasaError
from core.guidelines import CheckItem
from core.i18n import _
from gui.widgets import hint_label

Index = QModelIndex | QPersistentModelIndex
FLAG_COLOR = "#a15c00"
RETIRED_COLOR = "#8a8a8a"


class ChecklistModel(QAbstractListModel):
    """One row per checklist item; checkable while the checklist is open."""

    #: (row, ticked): the user ticked or unticked an item.
    tick_requested = Signal(int, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[CheckItem] = []
        self.open = False

    def set_rows(self, rows: list[CheckItem], open_: bool) -> None:
        self.beginResetModel()
        self.rows = rows
        self.open = open_
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.rows[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.open and not row.item.retired:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        item = row.item
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [item.text + (" *" if item.required else "")]
            lines += [f"⚠ {flag}" for flag in row.flags]
            if row.tick is not None and not row.tick.current:
                lines.append(_("↺ ticked for an earlier text"))
            if item.retired:
                lines.append(_("(retired)"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [guidelines.category_title(item.category)]
            if item.explanation:
                parts.append(item.explanation)
            if row.tick is not None:
                parts.append(
                    _("Ticked by {who}, {when}").format(
                        who=row.tick.member_name or "—", when=fmt.datetime_short(row.tick.at)
                    )
                )
            return "\n\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.retired:
                return QBrush(QColor(RETIRED_COLOR))
            if row.flags:
                return QBrush(QColor(FLAG_COLOR))
        if role == Qt.ItemDataRole.FontRole and item.required and not item.retired:
            font = QFont()
            font.setBold(row.blocks)
            return font
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.tick_requested.emit(index.row(), ticked)
        return True


class ChecklistPanel(QWidget):
    """The checklist of one variant, with its summary ("7 of 10 ticked; 2 required left")."""

    #: A tick was stored.
    ticked = Signal()

    def __init__(self, tick: Callable[[int, bool], bool], parent: QWidget | None = None):
        """`tick(item_id, ticked)` stores a tick (saving pending edits first); False: it
        could not (the caller said why)."""
        super().__init__(parent)
        self.tick = tick
        self.model = ChecklistModel(self)
        self.model.tick_requested.connect(self._tick)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(2)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.legend = hint_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

    def show_rows(self, rows: list[CheckItem], open_: bool, note: str = "") -> None:
        self.model.set_rows(rows, open_)
        required = [r for r in rows if r.item.required and not r.item.retired]
        left = [r for r in required if not r.ticked]
        done = sum(1 for r in rows if r.ticked and not r.item.retired)
        shown = sum(1 for r in rows if not r.item.retired)
        text = _("{done} of {count} ticked").format(done=done, count=shown)
        if left:
            text += " · " + _("{n} required left").format(n=len(left))
        elif required:
            text += " · " + _("every required item ticked")
        if note:
            text += "\n" + note
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b3261e;" if left else "")
        self.legend.setText(
            _("* required: approval needs it ticked, or an approver's written reason.")
        )

    def counts(self) -> tuple[int, int]:
        """(ticked, shown) of the items on the checklist now."""
        rows = [r for r in self.model.rows if not r.item.retired]
        return sum(1 for r in rows if r.ticked), len(rows)

    def _tick(self, row: int, ticked: bool) -> None:
        item = self.model.rows[row].item
        try:
            stored = self.tick(item.id, ticked)
        except LinimasaError:
            stored = False
        if stored:
            self.ticked.emit()
