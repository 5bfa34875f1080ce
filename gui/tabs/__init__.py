"""The main window's tabs, in the order the user sees them.

Each module defines one `Tab` subclass; later capabilities replace a placeholder
tab's module with the real thing, and add screenshot views by overriding
`screenshot_views()`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from gui.session import Session
from gui.signals import app_signals

TAB_MODULES = ("home", "calendar", "accounts", "growth", "guidelines", "report")


class Tab(QWidget):
    #: The id used in screenshots and the CLI (Indonesian, as the user sees it).
    tab_id = ""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        signals = app_signals()
        signals.data_changed.connect(self._on_data_changed)
        signals.database_opened.connect(self.refresh)
        signals.language_changed.connect(self._on_language_changed)

    def stack_with_empty_state(self, content: QWidget) -> None:
        """Lay the tab out as `content` or, when there is nothing to show, `self.empty`
        (page 1 of `self.stack`)."""
        from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

        from gui.widgets import EmptyState

        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        QVBoxLayout(self).addWidget(self.stack)

    def getting_started_actions(self) -> list[tuple[str, Callable[[], None]]]:
        """An empty file's next steps: add an account (unless read-only), or see the demo."""
        from core.i18n import _

        actions = [(_("Open demo data"), lambda: self.window().open_demo())]
        if not self.session.read_only:
            actions.insert(0, (_("Add account…"), lambda: self.window().add_account()))
        return actions

    def detach(self) -> None:
        """Stop listening to app-wide signals (the window is closing; its file is closed)."""
        signals = app_signals()
        signals.data_changed.disconnect(self._on_data_changed)
        signals.database_opened.disconnect(self.refresh)
        signals.language_changed.disconnect(self._on_language_changed)

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read what the tab shows from core."""

    def translate_ui(self) -> None:
        """Set every visible text again in the current language."""

    def screenshot_views(self) -> list[tuple[str, Callable[[], QWidget | None]]]:
        """Extra views for `screenshots`: (suffix, function that shows that view).

        The function returns a dialog it opened (pictured, then closed), or None when it
        changed the tab itself.
        """
        return []

    def _on_data_changed(self, _what: str) -> None:
        self.refresh()

    def _on_language_changed(self, _language: str) -> None:
        self.translate_ui()
        self.refresh()


def tab_classes() -> list[type[Tab]]:
    return [importlib.import_module(f"{__name__}.{name}").TAB_CLASS for name in TAB_MODULES]
