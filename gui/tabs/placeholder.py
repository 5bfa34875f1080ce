"""A tab whose feature is still being built: it says what will be here and where to go now."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.session import Session
from gui.tabs import Tab
from gui.widgets import EmptyState


class PlaceholderTab(Tab):
    icon = ""
    #: The id of the tab the empty state's action jumps to (its text: `action_text`), or None.
    go_to: str | None = None

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(self)
        layout.addWidget(self.empty)
        self.translate_ui()

    def heading(self) -> str:
        raise NotImplementedError

    def explanation(self) -> str:
        raise NotImplementedError

    def action_text(self) -> str:
        return ""

    def translate_ui(self) -> None:
        target = self.go_to
        actions = [(self.action_text(), lambda: self.window().show_tab(target))] if target else []
        self.empty.set_content(self.icon, self.heading(), self.explanation(), actions)
