"""Each platform's mark and colour, shared by the calendar's chips, the Home cards and the
growth charts' series."""

from __future__ import annotations

#: Each platform's marker: (letter, colour).
PLATFORM_MARKS = {
    "facebook": ("f", "#1877f2"),
    "instagram": ("i", "#c13584"),
    "x": ("X", "#111111"),
    "youtube": ("▶", "#e00000"),
    "tiktok": ("t", "#00a19a"),
    "other": ("•", "#757575"),
}

_icons: dict = {}


def mark(platform: str) -> tuple[str, str]:
    """(letter, colour) of the platform; the neutral mark for one we do not know."""
    return PLATFORM_MARKS.get(platform, PLATFORM_MARKS["other"])


def color(platform: str) -> str:
    return mark(platform)[1]


def platform_icon(platform: str, size: int = 16):
    """The platform's letter in white on a filled circle of its colour (made once per size)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

    key = (platform, size)
    if key not in _icons:
        letter, colour = mark(platform)
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(6, round(size * 0.62)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]
