"""Baseline for bench/startup.py: a bare PySide6 QMainWindow, shown and closed the same way."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: print("window shown", flush=True))
QTimer.singleShot(50, window.close)
sys.exit(app.exec())
