"""The scope chooser of the Beranda, Pertumbuhan and Laporan tabs: the whole institution, or a
unit with its sub-units ("Unit: Biro Humas"), sub-units indented under their unit in the list.

A tab that remembers its choice keeps the unit's stable id (`uid`) in QSettings, not its row
id: another file's unit 3 is another unit, while the bureau's file and a unit's file share
their units' uids."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from core import units
from core.db import Database
from core.i18n import _

ALL = "all"
UNIT = "unit:"
#: A sub-unit's indentation in the list, per level.
INDENT = "    "


def unit_choice(unit_id: int) -> str:
    """The item data of a unit's entry."""
    return f"{UNIT}{unit_id}"


class ScopeBox(QComboBox):
    """Items: `ALL`, then each unit (`unit_choice`) in the units' tree order, then any extra
    choices the tab adds. `setting`: the QSettings key the choice is kept under ("" keeps
    nothing)."""

    def __init__(self, setting: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setting = setting
        self._uids: dict[int, str] = {}
        self.currentIndexChanged.connect(self._remember)

    def fill(self, db: Database, extra: tuple[tuple[str, str], ...] = ()) -> None:
        """List the file's units (and `extra`), keeping the choice made (or, at first, the
        one remembered) if it is still there, else the whole institution; without signals.
        A unit is found again by its uid: after another file is opened, by the same id
        another unit would be chosen."""
        before = self.currentData()
        if before is None:
            wanted = str(QSettings().value(self.setting, ALL)) if self.setting else ALL
        elif before.startswith(UNIT):
            wanted = UNIT + self._uids.get(int(before.removeprefix(UNIT)), "")
        else:
            wanted = before
        tree = units.tree(db)
        self._uids = {unit.id: unit.uid for unit, _depth in tree}
        self.blockSignals(True)
        self.clear()
        self.addItem(_("Whole institution"), ALL)
        paths: dict[int, str] = {}  # as units.path_names, from the tree (parents first)
        for unit, depth in tree:
            above = paths.get(unit.parent_id) if depth else None
            paths[unit.id] = f"{above} › {unit.name}" if above else unit.name
            text = _("Unit: {name}").format(name=unit.name)
            self.addItem(INDENT * depth + text, unit_choice(unit.id))
            self.setItemData(self.count() - 1, paths[unit.id], Qt.ItemDataRole.ToolTipRole)
            if wanted == UNIT + unit.uid:
                wanted = unit_choice(unit.id)
        for text, data in extra:
            self.addItem(text, data)
        self.setCurrentIndex(max(0, self.findData(wanted)))
        self.blockSignals(False)

    def unit_id(self) -> int | None:
        """The unit chosen (with its sub-units); None: the whole institution or an extra."""
        data = self.currentData() or ""
        return int(data.removeprefix(UNIT)) if data.startswith(UNIT) else None

    def choose(self, data: str) -> None:
        """Choose the entry `data` (`ALL`, `unit_choice(id)`, an extra), as the user would."""
        self.setCurrentIndex(max(0, self.findData(data)))

    def _remember(self, _index: int) -> None:
        data = self.currentData()
        if not self.setting or data is None:
            return
        unit_id = self.unit_id()
        QSettings().setValue(self.setting, data if unit_id is None else UNIT + self._uids[unit_id])

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        """As QComboBox paints itself, without the list's indentation in the closed box, and
        a name too long for the box cut with "…" (not clipped mid-letter)."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText.strip(), Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def no_accounts(db: Database, unit_id: int) -> tuple[str, str]:
    """The title and text of a tab scoped to a unit that has no accounts, nor its sub-units."""
    from gui.tabs import TAB_MODULES, tab_title

    accounts_tab = next(tab_title(info) for info in TAB_MODULES if info.tab_id == "akun")
    return (
        _("No accounts in {unit}").format(unit=units.get(db, unit_id).name),
        _(
            "The accounts of this unit and of its sub-units show here once they are recorded. "
            "Add an account on the {tab} tab and choose this unit as its work unit, or look at "
            "the whole institution."
        ).format(tab=accounts_tab),
    )


def example_units(db: Database) -> tuple[int | None, int | None]:
    """For screenshots: the first unit (in the tree's order) with accounts, and the first
    without any, its sub-units' included; None where the file has no such unit."""
    from core import overview

    some = empty = None
    for unit, _depth in units.tree(db):
        if overview.unit_account_ids(db, unit.id):
            some = some or unit.id
        else:
            empty = empty or unit.id
    return some, empty
