"""A small line of values without axes (a year of month-end followers on a Home card), drawn
with QPainter: Home is the first tab shown and must not load a charting library."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: The colour of the dotted line drawn when there is no value at all.
EMPTY_COLOR = "#b0b0b0"


class Sparkline(QWidget):
    """Values in equal steps from left to right, scaled between their lowest and highest.

    A None is a gap: the line breaks there and is never drawn across it. A value with a gap
    (or the edge) on both sides is a dot; the last value has a dot too. Equal values (all
    zero, say) are a flat line through the middle; no value at all is a faint dotted line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: list[float | None] = []
        self.color = QColor("#1f6feb")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(48)

    def set_values(self, values: Sequence[float | None], color: str | None = None) -> None:
        self.values = list(values)
        if color is not None:
            self.color = QColor(color)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(120, 30)

    def points(self) -> list[QPointF | None]:
        """Where each value is drawn in the widget (None for a gap)."""
        margin = 3.0
        width = max(1.0, self.width() - 2 * margin)
        height = max(1.0, self.height() - 2 * margin)
        present = [value for value in self.values if value is not None]
        if not present:
            return [None] * len(self.values)
        low, high = min(present), max(present)
        steps = max(1, len(self.values) - 1)
        found: list[QPointF | None] = []
        for i, value in enumerate(self.values):
            if value is None:
                found.append(None)
                continue
            x = margin + (width * i / steps if len(self.values) > 1 else width / 2)
            share = (value - low) / (high - low) if high > low else 0.5
            found.append(QPointF(x, margin + height * (1 - share)))
        return found

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        points = self.points()
        if all(point is None for point in points):
            pen = QPen(QColor(EMPTY_COLOR), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            y = self.height() / 2
            painter.drawLine(QPointF(3, y), QPointF(self.width() - 3, y))
            return
        pen = QPen(self.color, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        path = QPainterPath()
        previous = None
        for point in points:
            if point is not None:
                if previous is None:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            previous = point
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color)
        last = max(i for i, point in enumerate(points) if point is not None)
        for i, point in enumerate(points):
            alone = (i == 0 or points[i - 1] is None) and (
                i == len(points) - 1 or points[i + 1] is None
            )
            if point is not None and (alone or i == last):
                painter.drawEllipse(point, 2.5, 2.5)
