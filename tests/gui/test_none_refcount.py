"""The Qt bindings must not lose references to None.

Before Python 3.12 None has a reference count like any object; PySide6 6.12.0 dropped one on
every call that returns nothing and every Python `data()` that answers None, and the app
aborted ("deallocating None") after the calendar's month grid was painted a few times. On
Python 3.12 and later None is immortal and these checks pass whatever the bindings do.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_a_painter_call_keeps_none_alive(qapp):
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.setPen(QColor("red"))
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < 200, f"{lost} references to None lost in 2000 calls: pin another PySide6"


def test_painting_the_calendar_keeps_none_alive(window):
    window.show_tab("kalender")
    calendar = window.current_page()
    calendar.grab()  # built and laid out once; what stays cached is not a loss
    before = sys.getrefcount(None)
    for _ in range(3):
        calendar.grab()
    lost = before - sys.getrefcount(None)
    assert lost < 500, f"{lost} references to None lost in three paints of the month grid"
