"""Progress and cooperative cancel for long work, without Qt: the work calls `update()`,
which raises `Cancelled` once the user has asked to stop."""

from __future__ import annotations

import threading
from collections.abc import Callable

from core.errors import LinimasaError
from core.i18n import _


class Cancelled(LinimasaError):
    def __init__(self) -> None:
        super().__init__(_("Cancelled; nothing was changed."))


class Progress:
    def __init__(self, on_update: Callable[[int, int, str], None] | None = None):
        self._cancel = threading.Event()
        self._on_update = on_update

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def update(self, done: int, total: int, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._on_update is not None:
            self._on_update(done, total, message)
