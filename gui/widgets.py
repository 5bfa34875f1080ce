"""Small widgets shared by several tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """What a pane shows when it has nothing yet: what it is for and what to do next."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        column = QWidget()
        column.setMaximumWidth(600)
        inner = QVBoxLayout(column)
        self.icon = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("emptyTitle")
        self.title.setWordWrap(True)
        self.body = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.body.setObjectName("emptyBody")
        self.body.setWordWrap(True)
        self.button = QPushButton()
        self.button.hide()
        inner.addWidget(self.icon)
        inner.addWidget(self.title)
        inner.addWidget(self.body)
        inner.addSpacing(12)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
        self._action: Callable[[], None] | None = None
        self._icon_name = ""
        self.button.clicked.connect(self._on_click)

    def set_content(
        self,
        icon: str,
        title: str,
        body: str,
        action_text: str = "",
        action: Callable[[], None] | None = None,
    ) -> None:
        self._icon_name = icon
        if self.isVisible():
            self._show_icon()
        self.title.setText(title)
        self.body.setText(body)
        self._action = action
        self.button.setText(action_text)
        self.button.setVisible(bool(action_text and action))

    def _show_icon(self) -> None:
        # `icon` names a QStyle.StandardPixmap; resolved when shown, since building
        # QStyle's enums costs startup time for a pane that is usually hidden.
        from PySide6.QtWidgets import QStyle

        pixmap = getattr(QStyle.StandardPixmap, self._icon_name)
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(48, 48))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._icon_name:
            self._show_icon()
        super().showEvent(event)

    def _on_click(self) -> None:
        if self._action:
            self._action()


class Card(QFrame):
    """A framed box with a small caption, a big figure and a line of detail."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        self.caption = QLabel()
        self.caption.setObjectName("cardCaption")
        self.figure = QLabel()
        self.figure.setObjectName("cardFigure")
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for widget in (self.caption, self.figure, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)


STYLE_SHEET = """
#emptyTitle { font-size: 17px; font-weight: 600; margin-top: 8px; }
#emptyBody { color: #555; font-size: 13px; }
QFrame#card { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
#cardCaption { color: #555; font-size: 12px; }
#cardFigure { font-size: 24px; font-weight: 600; }
#cardDetail { font-size: 12px; }
#sectionTitle { font-size: 14px; font-weight: 600; margin-top: 6px; }
#pageTitle { font-size: 18px; font-weight: 600; }
"""
