"""RowsTableModel: rows replaced in place stay a consistent model; cell text is formatted once."""

from dataclasses import dataclass

from core import i18n
from core.i18n import _
from gui.models import RowsTableModel


@dataclass(frozen=True)
class Item:
    id: int
    name: str


class ItemsModel(RowsTableModel):
    COLUMNS = ("name", "state")

    def __init__(self):
        super().__init__()
        self.formatted = 0

    def column_title(self, column: str) -> str:
        return column

    def display(self, row: Item, column: str) -> str:
        self.formatted += 1
        return row.name if column == "name" else _("Active")


def test_replacing_rows_keeps_a_consistent_model(qtmodeltester):
    model = ItemsModel()
    model.set_rows([Item(i, f"item {i}") for i in range(10)])
    qtmodeltester.check(model)  # keeps watching every later signal
    model.set_rows([Item(i, f"item {i}") for i in range(3, 15)])  # some gone, some new
    model.set_rows([Item(i, f"renamed {i}") for i in reversed(range(5))])
    model.set_rows([])
    model.set_rows([Item(1, "again")])
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["again"]


def test_held_index_follows_its_row_or_is_dropped():
    from PySide6.QtCore import QPersistentModelIndex

    model = ItemsModel()
    model.set_rows([Item(i, f"item {i}") for i in range(5)])
    held, gone = QPersistentModelIndex(model.index(3, 1)), QPersistentModelIndex(model.index(0, 0))
    model.set_rows([Item(9, "new")] + [Item(i, f"item {i}") for i in range(1, 5)][::-1])
    assert (held.row(), held.column()) == (2, 1)  # item 3 is now third
    assert model.index(held.row(), 0).data() == "item 3"
    assert not gone.isValid()


def test_cell_text_is_formatted_once_until_rows_or_language_change():
    model = ItemsModel()
    model.set_rows([Item(1, "a"), Item(2, "b")])
    for _paint in range(3):
        texts = [model.index(r, c).data() for r in range(2) for c in range(2)]
    assert model.formatted == 4
    assert texts == ["a", "Aktif", "b", "Aktif"]
    i18n.set_language("en")
    model.retranslate()
    assert model.index(0, 1).data() == "Active"
    model.set_rows([Item(1, "a2"), Item(2, "b")])
    assert model.index(0, 0).data() == "a2"
