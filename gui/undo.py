"""Undo for changes that are cheap to reverse: each command is a pair of core calls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from core.errors import LinimasaError
from core.i18n import _
from gui.signals import Change, app_signals


class StaleUndo(LinimasaError):
    """Undoing (or redoing) would overwrite a change made since by other means; the message
    says which. The step is dropped from the history, as for any refused undo."""


class CoreChange(QUndoCommand):
    """A change already made by `do` the first time it is pushed; `undo` reverses it.

    Both are core calls; after each, the app-wide signal tells the views that show `what`
    (a `gui.signals.Change`, or a kind's name) to refresh.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        what: Change | str,
    ):
        super().__init__(text)
        self._do, self._undo, self._what = do, undo, Change.of(what)
        self._first = True

    def redo(self) -> None:
        if self._first:  # QUndoStack.push() calls redo(); the change itself is already made
            self._first = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, change: Callable[[], object]) -> None:
        try:
            change()
        except LinimasaError as error:
            # E.g. the old handle was taken by another account since: say so, and drop this
            # step, so that the history never claims a change that did not happen.
            self.setObsolete(True)
            QMessageBox.warning(
                None, "Linimasa", _("Could not undo or redo: {error}").format(error=error)
            )
            return
        app_signals().data_changed.emit(self._what)
