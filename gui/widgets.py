"""Small widgets shared by several tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from core.paths import resource_dir


def hint_label(text: str = "", *, centered: bool = False) -> QLabel:
    """A wrapped line of explanation in the muted "hint" style (centered: an empty view's)."""
    label = QLabel(text)
    label.setObjectName("hint")
    if centered:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A wrapped line for what is wrong, in the red "formError" style."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    return label


def icon(name: str) -> QIcon:
    """One of our own line icons from resources/icons (a consistent set, unlike the style's)."""
    return QIcon(str(resource_dir() / "icons" / f"{name}.svg"))


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
        self.buttons_row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        inner.addWidget(self.icon)
        inner.addWidget(self.title)
        inner.addWidget(self.body)
        inner.addSpacing(12)
        inner.addLayout(self.buttons_row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    @property
    def button(self) -> QPushButton:
        """The first (main) action's button."""
        return self.buttons[0]

    def set_content(
        self,
        icon_name: str,
        title: str,
        body: str,
        actions: list[tuple[str, Callable[[], None]]] = (),
    ) -> None:
        self.icon.setPixmap(icon(icon_name).pixmap(56, 56))
        self.title.setText(title)
        self.body.setText(body)
        while self.buttons_row.count():
            widget = self.buttons_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        self.buttons_row.addStretch(1)
        for index, (text, action) in enumerate(actions):
            button = QPushButton(text)
            button.setDefault(index == 0)
            button.clicked.connect(action)
            self.buttons_row.addWidget(button)
            self.buttons.append(button)
        self.buttons_row.addStretch(1)


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
        self.caption.setMinimumWidth(40)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.figure = QLabel()
        self.figure.setObjectName("cardFigure")
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        for widget in (self.caption, self.figure, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setMinimumWidth(150)

    def set_caption(self, text: str, tooltip: str = "") -> None:
        """A caption that never widens the card: cut with "…" and shown whole as a tooltip."""
        self._caption = text
        self.caption.setToolTip(tooltip or text)
        self._elide_caption()

    def _elide_caption(self) -> None:
        metrics = self.caption.fontMetrics()
        width = max(40, self.contentsRect().width() - 24)
        self.caption.setText(metrics.elidedText(self._caption, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if getattr(self, "_caption", None):
            self._elide_caption()


#: The colour of each security badge (core.security.STATUSES), and of a peer account's.
BADGE_COLORS = {
    "red": "#c62828",
    "unchecked": "#8a8a8a",
    "amber": "#e08e00",
    "green": "#2e7d32",
    "peer": "#3f6ab0",
}
_dots: dict[tuple[str, int], QIcon] = {}


def dot_icon(badge: str, size: int = 12) -> QIcon:
    """A filled circle in the badge's colour (tables show it before the badge's text)."""
    return color_dot(BADGE_COLORS[badge], size)


def color_dot(color: str, size: int = 12) -> QIcon:
    """A filled circle in `color` (made once per colour and size)."""
    key = (color, size)
    if key not in _dots:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _dots[key] = QIcon(pixmap)
    return _dots[key]


class Badge(QWidget):
    """A coloured dot and a word: an account's security status at a glance."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dot = QLabel()
        self.text = QLabel()
        self.text.setObjectName("badgeText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.badge = ""

    def set_badge(self, badge: str, text: str) -> None:
        self.badge = badge
        self.dot.setPixmap(dot_icon(badge, 14).pixmap(14, 14))
        self.text.setText(text)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QDateEdit):
    """A date that may be "not recorded" (its lowest value, shown as words), never later than
    `maximumDate()`; `iso()` and `set_iso()` speak core's ISO dates or None."""

    NO_DATE = QDate(1990, 1, 1)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setMinimumDate(self.NO_DATE)
        self.translate_ui()
        self.setDate(self.NO_DATE)

    def translate_ui(self) -> None:
        self.setSpecialValueText(_("not recorded"))

    def iso(self) -> str | None:
        day = self.date()
        return None if day <= self.NO_DATE else day.toString(Qt.DateFormat.ISODate)

    def set_iso(self, value: str | None) -> None:
        day = QDate.fromString(value, Qt.DateFormat.ISODate) if value else self.NO_DATE
        self.setDate(day if day.isValid() else self.NO_DATE)


STYLE_SHEET = """
#emptyTitle { font-size: 17px; font-weight: 600; margin-top: 8px; }
#emptyBody { color: #555; font-size: 13px; }
QFrame#card { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
#cardCaption { color: #555; font-size: 12px; }
#cardFigure { font-size: 24px; font-weight: 600; }
#cardDetail { font-size: 12px; }
#sectionTitle { font-size: 14px; font-weight: 600; margin-top: 6px; }
#pageTitle { font-size: 18px; font-weight: 600; }
#formError { color: #b3261e; }
#hint { color: #555; }
#badgeText { font-weight: 600; }
#detailTitle { font-size: 16px; font-weight: 600; }
"""


def ask_save_discard_cancel(parent: QWidget | None, heading: str, text: str):
    """Save, Discard or Cancel for work not saved yet. With nobody to answer
    (`gui.tabs.nobody_to_ask`: offscreen, tests, screenshots) the question is printed and
    answered Cancel, as `gui.opening.ask` answers its own: nothing is lost, nothing waits."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    from gui.tabs import nobody_to_ask

    if nobody_to_ask():
        print(f"{heading}: {text}", file=sys.stderr)
        return QMessageBox.StandardButton.Cancel
    return QMessageBox.question(
        parent,
        heading,
        text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_save_path(
    parent: QWidget | None, title: str, suggested: Path, file_filter: str, suffix: str
) -> Path | None:
    """Ask where to save a file of type `suffix` ("pdf"): a name typed without it gets it
    before the dialog asks whether to replace an existing file (not after, which would
    replace "laporan.pdf" once "laporan" was confirmed). None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(suggested), file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested.name)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
