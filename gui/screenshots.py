"""Rendering the main window to PNG files, one per tab and per extra view a tab offers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from gui.mainwindow import MainWindow


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


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
        target = out / f"{page.tab_id}.png"
        window.grab().save(str(target))
        written.append(target)
        for suffix, show_view in page.screenshot_views():
            show_view()
            _settle(app)
            target = out / f"{page.tab_id}-{suffix}.png"
            window.grab().save(str(target))
            written.append(target)
    window.tabs.setCurrentIndex(0)
    return written
