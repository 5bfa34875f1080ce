"""Long work off the GUI thread: one helper that shows progress after ~0.5 s and cancels
cooperatively. The work function gets a `core.progress.Progress` and must open its own
database connection (sqlite3 connections belong to the thread that made them)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from core.errors import LinimasaError
from core.progress import Cancelled, Progress

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay, progress: Progress):
        super().__init__()
        self.work, self.relay, self.progress = work, relay, progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class TaskRunner:
    """Runs one job at a time per call; tests set `synchronous = True` to run inline."""

    synchronous = False
    _running: set[_Relay] = set()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        label: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        on_error = on_error or (lambda exc: show_error(parent, exc))
        dialog = QProgressDialog(label, _cancel_text(), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        relay = _Relay()
        progress = Progress(lambda done, total, _msg: relay.progressed.emit(done, total, _msg))
        dialog.canceled.connect(progress.cancel)

        def on_progress(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, total))
            if message:
                dialog.setLabelText(message)

        def finish() -> None:
            cls._running.discard(relay)
            dialog.reset()
            dialog.deleteLater()

        def succeeded(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                return
            on_error(exc)

        relay.progressed.connect(on_progress)
        relay.finished.connect(succeeded)
        relay.failed.connect(failed)
        if cls.synchronous:
            _Job(work, relay, progress).run()
            return
        cls._running.add(relay)
        QThreadPool.globalInstance().start(_Job(work, relay, progress))


def _cancel_text() -> str:
    from core.i18n import _

    return _("Cancel")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, LinimasaError):
        QMessageBox.warning(parent, "Linimasa", str(exc))
    else:
        log.error("background task failed", exc_info=exc)
        raise exc
