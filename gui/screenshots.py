"""Rendering the main window to PNG files, one per tab and per extra view a tab offers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from core.errors import LinimasaError
from core.i18n import _
from gui.mainwindow import MainWindow


def _settle(app: QApplication) -> None:
    for _round in range(3):
        app.processEvents()


def _save(widget: QWidget, target: Path) -> Path:
    if not widget.grab().save(str(target)):
        raise LinimasaError(_("Could not write {path}").format(path=target))
    return target


def render_all(
    app: QApplication, window: MainWindow, out: Path, size: tuple[int, int]
) -> list[Path]:
    window.resize(*size)
    window.show()
    _settle(app)
    written = []
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        _settle(app)
        written.append(_save(window, out / f"{page.tab_id}.png"))
        for suffix, show_view in page.screenshot_views():
            shown = show_view()  # a dialog it opened, or None for the window itself
            _settle(app)
            written.append(_save(shown or window, out / f"{page.tab_id}-{suffix}.png"))
            if shown is not None:
                shown.close()
    window.tabs.setCurrentIndex(0)
    return written
