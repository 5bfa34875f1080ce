"""App-wide signals: a change is broadcast once and open views refresh themselves."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    #: Emitted after a core call changed data; the argument names what changed (e.g. "accounts").
    data_changed = Signal(str)
    #: Emitted after the interface language changed; widgets call their translate_ui().
    language_changed = Signal(str)
    #: Emitted when another database file was opened.
    database_opened = Signal()


_signals: AppSignals | None = None


def app_signals() -> AppSignals:
    global _signals
    if _signals is None:
        _signals = AppSignals()
    return _signals
