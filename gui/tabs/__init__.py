"""The main window's tabs, in the order the user sees them.

`TAB_MODULES` names each tab's module, title and id without importing it: the window
shows its tab bar from this list and imports a tab's module when the tab is first shown.
Each module defines one `Tab` subclass (`TAB_CLASS`), and adds screenshot views by
overriding `screenshot_views()`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from core.i18n import N_, _
from gui.session import Session
from gui.signals import Change, app_signals


class TabInfo(NamedTuple):
    module: str
    #: English source title, translated where it is shown.
    title: str
    #: The id used in screenshots and the CLI (Indonesian, as the user sees it).
    tab_id: str


TAB_MODULES = (
    TabInfo("home", N_("Home"), "beranda"),
    TabInfo("calendar", N_("Calendar"), "kalender"),
    TabInfo("accounts", N_("Accounts"), "akun"),
    TabInfo("growth", N_("Growth"), "pertumbuhan"),
    TabInfo("guidelines", N_("Guidelines"), "panduan"),
    TabInfo("report", N_("Reports"), "laporan"),
)
_BY_ID = {info.tab_id: info for info in TAB_MODULES}


def tab_title(info: TabInfo) -> str:
    return _(info.title)


def nobody_to_ask() -> bool:
    """No one can answer a question: offscreen or smoke-test runs (`gui.opening.INTERACTIVE`
    False), tests and screenshots (the offscreen platform). Questions then take their
    cautious answer without waiting."""
    from PySide6.QtGui import QGuiApplication

    from gui import opening

    return not opening.INTERACTIVE or QGuiApplication.platformName() in ("offscreen", "minimal")


def tab_class(info: TabInfo) -> type[Tab]:
    """Import the tab's module (on first use) and return its Tab subclass."""
    return importlib.import_module(f"{__name__}.{info.module}").TAB_CLASS


class Tab(QWidget):
    #: The id used in screenshots and the CLI (Indonesian, as the user sees it).
    tab_id = ""
    #: The kinds of data the tab shows (see gui.signals.KINDS): a change to any of them
    #: refreshes it, other changes leave it alone.
    WATCHES: frozenset[str] = frozenset()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        #: Data changed while the tab was hidden: refresh when it is shown again.
        self.stale = False
        signals = app_signals()
        signals.data_changed.connect(self._on_data_changed)
        signals.database_opened.connect(self._on_database_opened)
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
        actions = [(_("Open demo data"), lambda: self.window().open_demo())]
        if not self.session.read_only:
            actions.insert(0, (_("Add account…"), lambda: self.window().add_account()))
        return actions

    def say(self, text: str) -> None:
        """A short message in the window's status bar (saved, copied, nothing to save…)."""
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    def confirm_leave(self, ask: bool = True) -> bool:
        """The window is closing or another file replaces this one: True lets it go on.

        A tab holding work not saved yet asks Save / Discard / Cancel and returns False on
        Cancel (or when saving failed). With `ask` False nobody can answer: the tab keeps
        what it can without asking (saves it) and returns False only if that failed."""
        return True

    def detach(self) -> None:
        """Stop listening to app-wide signals (the window is closing; its file is closed)."""
        signals = app_signals()
        signals.data_changed.disconnect(self._on_data_changed)
        signals.database_opened.disconnect(self._on_database_opened)
        signals.language_changed.disconnect(self._on_language_changed)

    def refresh(self) -> None:
        """Re-read what the tab shows from core."""

    def translate_ui(self) -> None:
        """Set every visible text again in the current language."""

    def screenshot_views(self) -> list[tuple[str, Callable[[], QWidget | None]]]:
        """Extra views for `screenshots`: (suffix, function that shows that view).

        The function returns a dialog it opened, or None when it changed the tab itself.
        """
        return []

    # -- refreshing ---------------------------------------------------------------------

    def is_shown(self) -> bool:
        """The tab is the one on screen (or will be when its window is shown)."""
        window = self.window()
        return self.isVisibleTo(window) if window is not self else True

    def refresh_later(self) -> None:
        """Refresh now if the tab is on screen; otherwise when it is next shown."""
        if self.is_shown():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def refresh_if_stale(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh_if_stale()
        super().showEvent(event)

    def _on_data_changed(self, what: Change | str) -> None:
        if Change.of(what).touches(self.WATCHES):
            self.refresh_later()

    def _on_database_opened(self) -> None:
        from PySide6.QtCore import QAbstractItemModel

        from gui.models import RowsTableModel

        # Rows of the old file: an id there names another row in the new one, so nothing
        # of the old selection may be carried over.
        for model in self.findChildren(QAbstractItemModel):
            if isinstance(model, RowsTableModel):
                model.set_rows([])
        self.refresh_later()

    def _on_language_changed(self, _language: str) -> None:
        self.translate_ui()
        self.refresh_later()
