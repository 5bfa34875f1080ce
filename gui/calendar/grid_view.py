"""The month and week grids: a table view whose cells are days (or hour slots of a day),
painted by `ChipDelegate` as one chip per variant, which can be clicked, opened and dragged
to another cell."""

from __future__ import annotations

import datetime as dt

from babel import dates as bdates
from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
)

from core import fmt, planning, posts
from core.i18n import _, babel_locale
from gui import platforms
from gui.calendar.models import (
    DAY_ROLE,
    ENTRIES_ROLE,
    GAP_ROLE,
    HOLIDAY_COLOR,
    HOUR_ROLE,
    MARKS_ROLE,
    OBSERVANCE_COLOR,
    OUTSIDE_ROLE,
    STATUS_COLORS,
    TODAY_ROLE,
    entry_tooltip,
    marks_tooltip,
)

#: What a dragged chip carries: its variant id.
VARIANT_MIME = "application/x-linimasa-variant"
#: The file the dragged variant belongs to (its path).
FILE_MIME = "application/x-linimasa-file"
TODAY_FILL = QColor("#e9f2fd")
TODAY_MARK = QColor("#1a66c9")
OUTSIDE_FILL = QColor("#f3f3f3")
SELECTED_FILL = QColor("#d5e5fb")
HOLIDAY_FILL = QColor("#fdecea")
#: A coming day with nothing planned: a bar down the cell's left edge.
GAP_MARK = QColor("#f2a900")
TEXT = QColor("#1f1f1f")
DIM_TEXT = QColor("#8a8a8a")
PADDING = 3
SPACING = 2


def status_dot(status: str, size: int = 10) -> QIcon:
    """A filled circle in the status's colour (the list view's status column)."""
    from gui.widgets import color_dot

    return color_dot(STATUS_COLORS[status], size)


def chip_fill(status: str) -> QColor:
    """The status colour, tinted towards white, behind the chip's dark text."""
    color = QColor(STATUS_COLORS[status])
    mix = 0.22
    return QColor(
        round(255 - (255 - color.red()) * mix),
        round(255 - (255 - color.green()) * mix),
        round(255 - (255 - color.blue()) * mix),
    )


def chip_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    return small


def day_number(
    day: dt.date, today: bool, outside: bool, font: QFont, height: int
) -> tuple[str, QFont, int]:
    """How a cell writes its day: the text ("25", "1 Des" where a month begins), its font and
    the width it takes (today's is a pill at least as wide as it is high). Painting and
    clicking on the day's marks after it read the same width."""
    text = str(day.day)
    if day.day == 1:
        text = bdates.format_skeleton("MMMd", day, locale=babel_locale())
    bold = QFont(font)
    bold.setBold(today or not outside)
    advance = QFontMetrics(bold).horizontalAdvance(text)
    width = max(advance + 10, height) if today else advance + 2
    return text, bold, int(width)


class ChipLayout:
    """Where a cell's chips go: the same answer for painting and for finding the chip under
    the mouse."""

    def __init__(self, rect: QRect, entries: list[planning.Entry], dated: bool, font: QFont):
        metrics = QFontMetrics(chip_font(font))
        self.chip_height = metrics.height() + 4
        top = rect.top() + PADDING
        if dated:  # the day's number above its chips
            top += metrics.height() + 2
        self.day_rect = QRect(rect.left() + PADDING, rect.top() + PADDING, rect.width() - 8, 0)
        self.day_rect.setHeight(metrics.height() + 2)
        width = rect.width() - 2 * PADDING
        room = rect.bottom() - PADDING - top + 1
        fit = max(0, (room + SPACING) // (self.chip_height + SPACING))
        shown = entries if len(entries) <= fit else entries[: max(0, fit - 1)]
        self.chips: list[tuple[QRect, planning.Entry]] = []
        for place, entry in enumerate(shown):
            y = top + place * (self.chip_height + SPACING)
            self.chips.append((QRect(rect.left() + PADDING, y, width, self.chip_height), entry))
        self.hidden = len(entries) - len(shown)
        y = top + len(shown) * (self.chip_height + SPACING)
        self.more_rect = QRect(rect.left() + PADDING, y, width, self.chip_height)

    def mark_rect(self, number_width: int) -> QRect:
        """Where the day's marks are written: after its number, on the same line."""
        return self.day_rect.adjusted(number_width + 6, 0, 0, 0)

    def entry_at(self, pos: QPoint) -> planning.Entry | None:
        return next((entry for rect, entry in self.chips if rect.contains(pos)), None)

    def hidden_entries(self, entries: list[planning.Entry]) -> list[planning.Entry]:
        return entries[len(self.chips) :] if self.hidden else []


class ChipDelegate(QStyledItemDelegate):
    """Paints a cell: its day (month view), its chips (platform marker, time, title), and
    "+N more" for those that do not fit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        #: The chip drawn as selected (a variant id).
        self.selected_variant: int | None = None

    def paint(self, painter: QPainter, option, index) -> None:
        rect: QRect = option.rect
        entries = index.data(ENTRIES_ROLE) or []
        day: dt.date = index.data(DAY_ROLE)
        dated = index.data(HOUR_ROLE) is None
        outside = bool(index.data(OUTSIDE_ROLE))
        today = bool(index.data(TODAY_ROLE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        marks = index.data(MARKS_ROLE) or []
        day_off = any(mark.day_off for mark in marks)
        if selected:
            painter.fillRect(rect, SELECTED_FILL)
        elif today:
            painter.fillRect(rect, TODAY_FILL)
        elif outside:
            painter.fillRect(rect, OUTSIDE_FILL)
        elif day_off:
            painter.fillRect(rect, HOLIDAY_FILL)
        if index.data(GAP_ROLE):  # the next two weeks run into the next month too
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), GAP_MARK)
        layout = ChipLayout(rect, entries, dated, option.font)
        font = chip_font(option.font)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        if dated:
            number = self._paint_day(painter, layout.day_rect, day, today, outside, font)
            if marks:
                self._paint_marks(painter, layout.mark_rect(number), marks, outside, metrics)
        for chip_rect, entry in layout.chips:
            self._paint_chip(painter, chip_rect, entry, metrics, font)
        if layout.hidden:
            painter.setPen(DIM_TEXT if outside else QColor("#444444"))
            painter.drawText(
                layout.more_rect.adjusted(4, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                _("+{n} more").format(n=layout.hidden),
            )
        painter.restore()

    def _paint_marks(self, painter, rect: QRect, marks, outside: bool, metrics) -> None:
        """The day's first mark by name after its number (red for a day off), "+1" more."""
        first = marks[0]
        text = first.name + (f" +{len(marks) - 1}" if len(marks) > 1 else "")
        color = QColor(HOLIDAY_COLOR if first.day_off else OBSERVANCE_COLOR)
        if outside:
            color.setAlpha(120)
        painter.setPen(color)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width())),
        )

    def _paint_day(self, painter, rect, day, today, outside, font) -> int:
        """Paint the day's number; returns the width it took (`day_number`'s)."""
        text, bold, width = day_number(day, today, outside, font, rect.height())
        painter.setFont(bold)
        if today:
            mark = QRectF(rect.left(), rect.top(), width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TODAY_MARK)
            painter.drawRoundedRect(mark, rect.height() / 2, rect.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(DIM_TEXT if outside else TEXT)
            painter.drawText(
                rect.adjusted(2, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        painter.setFont(font)
        return width

    def _paint_chip(self, painter, rect: QRect, entry, metrics: QFontMetrics, font) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_fill(entry.status))
        painter.drawRoundedRect(QRectF(rect), 3, 3)
        painter.setBrush(QColor(STATUS_COLORS[entry.status]))
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 3, rect.height()), 1.5, 1.5)
        if entry.variant_id == self.selected_variant:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#0b57d0"), 1.5))
            painter.drawRoundedRect(QRectF(rect).adjusted(0.75, 0.75, -0.75, -0.75), 3, 3)
        letter, color = platforms.mark(entry.platform)
        size = rect.height() - 4
        mark = QRectF(rect.left() + 6, rect.top() + 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(mark)
        small = QFont(font)
        small.setBold(True)
        small.setPixelSize(max(7, int(size * 0.7)))
        painter.setFont(small)
        painter.setPen(QColor("white"))
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, letter)
        painter.setFont(font)
        text_rect = rect.adjusted(6 + size + 4, 0, -3, 0)
        time = fmt.time_short(entry.at) + " " if entry.at is not None else ""
        finished = entry.status == "cancelled"
        text_font = QFont(font)
        text_font.setStrikeOut(finished)
        painter.setFont(text_font)
        painter.setPen(DIM_TEXT if finished else TEXT)
        text = metrics.elidedText(
            time + entry.title, Qt.TextElideMode.ElideRight, max(0, text_rect.width())
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.setFont(font)


class ChipGridView(QTableView):
    """A grid of `ChipGridModel` cells. Clicking a chip selects it; double-click or Enter
    opens it (on an empty spot: a new post that day); dragging it to another cell asks to
    move it there (`dropped`); the tab does the moving."""

    #: A chip was opened (Enter, double-click): its Entry.
    open_entry = Signal(object)
    #: A new post is asked for on (day, hour or None).
    new_on = Signal(object, object)
    #: A chip was dropped: (variant id, day, hour or None).
    dropped = Signal(int, object, object)
    #: Something the user tried cannot be done: why, for the status bar.
    refused = Signal(str)
    #: A context menu was asked for: (Entry or None, day, hour or None, global position).
    menu_requested = Signal(object, object, object, object)
    #: A day's holiday or commemorative day was clicked: (day, its name), for a new post.
    mark_clicked = Signal(object, str)

    def __init__(self, stretch_rows: bool, parent=None):
        super().__init__(parent)
        self.delegate = ChipDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setWordWrap(False)
        self.setMouseTracking(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setHighlightSections(False)
        if stretch_rows:
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.verticalHeader().hide()
        else:
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            # Room for two chips and a "+N more" line.
            line = QFontMetrics(chip_font(self.font())).height() + 4 + SPACING
            self.verticalHeader().setDefaultSectionSize(3 * line + 2 * PADDING)
        self._press: QPoint | None = None
        self._pressed_entry: planning.Entry | None = None

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._forget_gone_chip)

    # -- chips --------------------------------------------------------------------------

    def _layout(self, index) -> ChipLayout:
        return ChipLayout(
            self.visualRect(index),
            index.data(ENTRIES_ROLE) or [],
            index.data(HOUR_ROLE) is None,
            self.font(),
        )

    def chip_at(self, pos: QPoint) -> planning.Entry | None:
        index = self.indexAt(pos)
        return self._layout(index).entry_at(pos) if index.isValid() else None

    def selected_entry(self) -> planning.Entry | None:
        variant_id = self.delegate.selected_variant
        if variant_id is None:
            return None
        return next((e for e in self.model().all_entries() if e.variant_id == variant_id), None)

    def select_variant(self, variant_id: int | None) -> None:
        self.delegate.selected_variant = variant_id
        if variant_id is not None:
            index = self.model().index_of_variant(variant_id)
            if index.isValid():
                self.selectionModel().setCurrentIndex(
                    index, self.selectionModel().SelectionFlag.ClearAndSelect
                )
        self.viewport().update()

    def _current_changed(self, current, _previous) -> None:
        entries = current.data(ENTRIES_ROLE) or []
        if not any(e.variant_id == self.delegate.selected_variant for e in entries):
            self.delegate.selected_variant = entries[0].variant_id if entries else None
            self.viewport().update()

    def _forget_gone_chip(self) -> None:
        if self.selected_entry() is None:
            self.delegate.selected_variant = None

    def current_slot(self) -> tuple[dt.date | None, int | None]:
        index = self.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(DAY_ROLE), index.data(HOUR_ROLE)

    # -- mouse and keys -------------------------------------------------------------------

    def mark_at(self, pos: QPoint):
        """The day's first mark when `pos` is on its name (after the day's number)."""
        index = self.indexAt(pos)
        marks = index.data(MARKS_ROLE) if index.isValid() else None
        if not marks:
            return None
        layout = self._layout(index)
        _text, _font, number = day_number(
            index.data(DAY_ROLE),
            bool(index.data(TODAY_ROLE)),
            bool(index.data(OUTSIDE_ROLE)),
            chip_font(self.font()),
            layout.day_rect.height(),
        )
        return marks[0] if layout.mark_rect(number).contains(pos) else None

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        super().mousePressEvent(event)
        mark = self.mark_at(pos) if event.button() == Qt.MouseButton.LeftButton else None
        if mark is not None and not self.model().db.read_only:
            self.mark_clicked.emit(mark.day, mark.name)
        entry = self.chip_at(pos)
        self._press = pos if event.button() == Qt.MouseButton.LeftButton else None
        self._pressed_entry = entry
        self.delegate.selected_variant = entry.variant_id if entry else None
        self.viewport().update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        entry, press = self._pressed_entry, self._press
        pos = event.position().toPoint()
        if (
            entry is None
            or press is None
            or (pos - press).manhattanLength() < QApplication.startDragDistance()
        ):
            super().mouseMoveEvent(event)
            return
        self._press = None
        if entry.status in posts.FINISHED:
            self.refused.emit(refusal(entry))
            return
        if self.model().db.read_only:
            return
        self._drag(entry)

    def _drag(self, entry: planning.Entry) -> None:
        mime = QMimeData()
        mime.setData(VARIANT_MIME, str(entry.variant_id).encode())
        mime.setData(FILE_MIME, str(self.model().db.path).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        layout = self._layout(self.model().index_of_variant(entry.variant_id))
        rect = next((r for r, e in layout.chips if e.variant_id == entry.variant_id), None)
        if rect is not None:
            drag.setPixmap(self.viewport().grab(rect))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if not index.isValid():
            return
        entry = self.chip_at(pos)
        if entry is not None:
            self.open_entry.emit(entry)
        else:
            self.new_on.emit(index.data(DAY_ROLE), index.data(HOUR_ROLE))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.activate_current()
            return
        super().keyPressEvent(event)

    def activate_current(self) -> None:
        """Enter: open the selected chip, or a new post on the current day."""
        entry = self.selected_entry()
        if entry is not None:
            self.open_entry.emit(entry)
            return
        day, hour = self.current_slot()
        if day is not None:
            self.new_on.emit(day, hour)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        pos = self.viewport().mapFrom(self, event.pos())
        index = self.indexAt(pos)
        if not index.isValid():
            return
        entry = self.chip_at(pos)
        if entry is not None:
            self.select_variant(entry.variant_id)
        self.menu_requested.emit(
            entry, index.data(DAY_ROLE), index.data(HOUR_ROLE), event.globalPos()
        )

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            text = ""
            if index.isValid():
                layout = self._layout(index)
                entry = layout.entry_at(event.pos())
                if entry is not None:
                    text = entry_tooltip(entry)
                elif layout.hidden and layout.more_rect.contains(event.pos()):
                    hidden = layout.hidden_entries(index.data(ENTRIES_ROLE))
                    text = "\n".join(f"{fmt.time_short(e.at)} {e.title}" for e in hidden)
                elif layout.day_rect.contains(event.pos()):
                    lines = marks_tooltip(index.data(MARKS_ROLE) or [])
                    if lines and not self.model().db.read_only:
                        lines.append(_("Click the name to plan a post for it."))
                    if index.data(GAP_ROLE):
                        lines.append(_("Nothing planned on this day yet."))
                    text = "\n".join(lines)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- dropping -----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasFormat(VARIANT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        if event.mimeData().hasFormat(VARIANT_MIME) and index.isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        if (
            not event.mimeData().hasFormat(VARIANT_MIME)
            or not index.isValid()
            # From another Linimasa window: its ids name rows of another file.
            or bytes(event.mimeData().data(FILE_MIME)).decode() != str(self.model().db.path)
        ):
            event.ignore()
            return
        variant_id = int(bytes(event.mimeData().data(VARIANT_MIME)).decode())
        event.acceptProposedAction()
        self.dropped.emit(variant_id, index.data(DAY_ROLE), index.data(HOUR_ROLE))


def refusal(entry: planning.Entry) -> str:
    """Why the entry's chip cannot be moved (core's own words)."""
    text = _("a {status} post cannot be moved").format(
        status=posts.status_title(entry.status).lower()
    )
    return text[:1].upper() + text[1:]
