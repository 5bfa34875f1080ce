"""The calendar's filters: one row of lists (each with an "all" entry) and a search field,
read as a `core.planning.Filters`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from core import accounts, members, pillars, planning, posts, units
from core.db import Database
from core.i18n import _

#: Each list's name and the Filters field it fills.
FIELDS = (
    ("account", "account_ids"),
    ("platform", "platforms"),
    ("unit", "unit_ids"),
    ("status", "statuses"),
    ("assignee", "assignee_ids"),
    ("pillar", "pillar_ids"),
    ("campaign", "campaigns"),
)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.search.textChanged.connect(self.changed)
        layout.addWidget(self.search, 2)
        for name, _field in FIELDS:
            box = QComboBox()
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(7)
            box.currentIndexChanged.connect(self.changed)
            self.boxes[name] = box
            layout.addWidget(box, 1)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.changed.connect(self._update_clear)
        self._db: Database | None = None
        self._update_clear()

    def translate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search posts…"))
        self.clear_button.setText(_("C&lear filters"))
        if self._db is not None:
            self.fill(self._db)

    def all_title(self, name: str) -> str:
        return {
            "account": _("All accounts"),
            "platform": _("All platforms"),
            "unit": _("All work units"),
            "status": _("All statuses"),
            "assignee": _("Everyone"),
            "pillar": _("All pillars"),
            "campaign": _("All campaigns"),
        }[name]

    def fill(self, db: Database) -> None:
        """List the choices the file offers now, keeping what is chosen where it still is."""
        self._db = db
        choices = {
            "account": [
                (f"{accounts.platform_title(a.platform)} @{a.handle}", a.id)
                for a in accounts.list_all(db)
                if not a.peer
            ],
            "platform": [(accounts.platform_title(p), p) for p in accounts.PLATFORMS],
            "unit": [
                ("\u2003" * depth + (u.short_name or u.name), u.id) for u, depth in units.tree(db)
            ],
            "status": [(posts.status_title(s), s) for s in posts.STATUSES],
            "assignee": [(m.name, m.id) for m in members.list_all(db)],
            "pillar": [(p.name, p.id) for p in pillars.list_pillars(db)],
            "campaign": [(c, c) for c in planning.campaigns(db)],
        }
        for name, box in self.boxes.items():
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.all_title(name), None)
            for text, value in choices[name]:
                box.addItem(text, value)
                box.setItemData(box.count() - 1, text.strip(), Qt.ItemDataRole.ToolTipRole)
            if name == "status" and chosen is not None and "," in chosen:
                self._add_statuses(chosen)  # several statuses (set_filters): kept as chosen
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.setToolTip(self.all_title(name))
            box.blockSignals(False)
        self._update_clear()

    def filters(self) -> planning.Filters:
        values = {}
        for name, field in FIELDS:
            chosen = self.boxes[name].currentData()
            if chosen is not None:
                values[field] = frozenset(chosen.split(",") if name == "status" else {chosen})
        return planning.Filters(**values, text=self.search.text().strip())

    def set_filters(self, filters: planning.Filters) -> None:
        """Choose `filters` (one value per list; several statuses become one entry naming
        them all) and clear the rest, without `changed`: the caller shows the result."""
        for name, field in FIELDS:
            values = getattr(filters, field)
            chosen = next(iter(values)) if len(values) == 1 else None
            box = self.boxes[name]
            box.blockSignals(True)
            if name == "status" and len(values) > 1:
                chosen = ",".join(s for s in posts.STATUSES if s in values)
                self._add_statuses(chosen)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(filters.text)
        self.search.blockSignals(False)
        self._update_clear()

    def _add_statuses(self, chosen: str) -> None:
        """An entry for several statuses at once ("review,approved"), unless it is there
        (signals blocked by the caller)."""
        box = self.boxes["status"]
        if box.findData(chosen) < 0:
            text = ", ".join(posts.status_title(s) for s in chosen.split(","))
            box.addItem(text, chosen)
            box.setItemData(box.count() - 1, text, Qt.ItemDataRole.ToolTipRole)

    def clear(self) -> None:
        for box in self.boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(not self.filters().is_empty())
