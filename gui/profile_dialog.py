"""The institution's profile: its name and the persona its accounts speak with."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from core import settings
from core.db import Database
from core.i18n import _
from gui.forms import FormDialog


class ProfileDialog(FormDialog):
    """One field per text setting declared in `core.settings.SETTINGS`; saved all or nothing."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(_("Institution profile"), parent)
        self.db = db
        self.edits: dict[str, QLineEdit] = {}
        for key, setting in settings.SETTINGS.items():
            if setting.kind is str:
                edit = QLineEdit(str(settings.get(db, key)))
                self.edits[key] = edit
                self.add_field(key, _(setting.title), edit)
        self.save = self._save

    def _save(self) -> None:
        with self.db.transaction():
            for key, edit in self.edits.items():
                settings.set(self.db, key, edit.text())
