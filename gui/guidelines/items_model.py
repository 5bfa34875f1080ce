"""One platform's checklist items as a table: order, text (its explanation as tooltip),
category, required (ticked in place) and automatic check. Rows are dragged to a new place;
the model only says which order was asked for (`order_requested`), and the tab stores it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core import guidelines
from core.guidelines import Item
from core.i18n import _
from gui.checklist import RETIRED_COLOR
from gui.models import ANY_INDEX, DISPLAY_ROLE, RowsTableModel

MIME_TYPE = "application/x-linimasa-guideline-items"


def reordered(order: list[int], moving: list[int], before: int | None) -> list[int]:
    """`order` with the ids `moving` taken out and put back, in their order, just before
    `before` (at the end when None)."""
    rest = [item_id for item_id in order if item_id not in moving]
    place = rest.index(before) if before in rest else len(rest)
    return rest[:place] + [item_id for item_id in order if item_id in moving] + rest[place:]


class ChecklistItemsModel(RowsTableModel):
    COLUMNS = ("number", "text", "category", "required", "check")
    #: item id, required
    required_toggled = Signal(int, bool)
    #: the ids shown, in the order the user dropped them
    order_requested = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editable = True
        self._numbers: dict[int, int] = {}

    def set_rows(self, rows: list[Item]) -> None:
        active = [item for item in rows if not item.retired]
        self._numbers = {item.id: number for number, item in enumerate(active, start=1)}
        super().set_rows(rows)

    def column_title(self, column: str) -> str:
        return {
            "number": "#",
            "text": _("Item"),
            "category": _("Category"),
            "required": _("Required"),
            "check": _("Automatic check"),
        }[column]

    def display(self, item: Item, column: str) -> str:
        if column == "number":
            return str(self._numbers.get(item.id, "–"))
        if column == "text":
            if item.retired:
                return _("{text} (retired)").format(text=item.text)
            return item.text
        if column == "category":
            return guidelines.category_title(item.category)
        if column == "check":
            return _(guidelines.AUTO_CHECKS[item.auto_check]) if item.auto_check else ""
        return ""

    def role_data(self, item: Item, column: str, role: int):
        if role == Qt.ItemDataRole.CheckStateRole and column == "required":
            return Qt.CheckState.Checked if item.required else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "required":
                return (
                    _("Required: a post cannot be approved while it is unticked")
                    if item.required
                    else _("Advisory: the reviewer may leave it unticked")
                )
            if column in ("text", "number"):
                return "\n\n".join(part for part in (item.text, item.explanation) if part)
        if role == Qt.ItemDataRole.ForegroundRole and item.retired:
            return QBrush(QColor(RETIRED_COLOR))
        if role == Qt.ItemDataRole.FontRole and item.retired and column == "text":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def sort_key(self, item: Item, column: str):
        return item.position

    def item_at(self, row: int) -> Item:
        return self.rows[row]

    def row_of(self, item_id: int) -> int | None:
        return next((row for row, item in enumerate(self.rows) if item.id == item_id), None)

    # -- editing in place ---------------------------------------------------------------------

    def flags(self, index: ANY_INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            # Rows are dropped between rows, never onto one (which would replace it).
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()] == "required":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: ANY_INDEX, value, role: int = DISPLAY_ROLE) -> bool:  # noqa: N802
        if (
            not self.editable
            or not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or self.COLUMNS[index.column()] != "required"
        ):
            return False
        required = Qt.CheckState(value) == Qt.CheckState.Checked
        item = self.rows[index.row()]
        if required != item.required:
            self.required_toggled.emit(item.id, required)
        return True

    # -- dragging rows ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt's name
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        ids = ",".join(str(self.rows[row].id) for row in rows)
        data.setData(MIME_TYPE, QByteArray(ids.encode("ascii")))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return (
            self.editable
            and action == Qt.DropAction.MoveAction
            and data.hasFormat(MIME_TYPE)
            and not parent.isValid()
        )

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        moving = [int(part) for part in raw.split(",") if part]
        shown = [item.id for item in self.rows]
        before = shown[row] if 0 <= row < len(shown) else None
        order = reordered(shown, moving, before)
        if order != shown:
            self.order_requested.emit(order)
        # The tab stores the order and shows it; the view must not remove the rows dragged.
        return False
