"""The institution's profile: its name, its time zone and how engagement is computed (the
persona its accounts speak with is kept in the Panduan tab, with the guidelines)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from core import settings
from core.db import Database
from core.i18n import _
from gui.forms import FormDialog


class ProfileDialog(FormDialog):
    """One field per text setting declared in `core.settings.SETTINGS` (a list where the
    setting has fixed choices, such as the time zone); saved all or nothing."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(_("Institution profile"), parent)
        self.db = db
        self.setMinimumWidth(520)
        self.edits: dict[str, QLineEdit] = {}
        self.lists: dict[str, QComboBox] = {}
        for key, setting in settings.SETTINGS.items():
            if setting.kind is not str or key.startswith(("persona.", "guidelines.")):
                continue
            if key == "institution.id":  # identifies the institution in merges: never typed
                continue
            current = settings.get(db, key)
            if setting.choices:
                box = QComboBox()
                for value, title in settings.choices(key):
                    box.addItem(title, value)
                box.setCurrentIndex(max(0, box.findData(current)))
                self.lists[key] = box
                self.add_field(key, _(setting.title), box)
            else:
                edit = QLineEdit(str(current))
                edit.setCursorPosition(0)  # a long name shows its beginning, not its end
                self.edits[key] = edit
                self.add_field(key, _(setting.title), edit)
        self.save = self._save

    def _save(self) -> None:
        with self.db.transaction():
            for key, edit in self.edits.items():
                settings.set(self.db, key, edit.text())
            for key, box in self.lists.items():
                settings.set(self.db, key, box.currentData())
