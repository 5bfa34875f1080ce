"""A report's blocks placed on A4 pages: `Layout(report).pages`, each a list of things to
draw (text runs, lines, fills, charts, the logo) at fixed positions, with the footers.

Positions are in units of 1/1200 inch (`UNITS_PER_INCH`) on the whole sheet, independent of
the device: the PDF writer works at that resolution, preview images scale the painter down.
Fonts are sized in those units too (pixel sizes), so text measures the same for every device
and the preview breaks lines and pages exactly as the PDF does.

Only the bundled DejaVu Sans is used (`register_fonts`): the PDF embeds it and looks the same
on every computer and under offscreen CI. Qt objects: call from the GUI thread, with a
QGuiApplication.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from core import i18n, series
from core import report as rp
from core.db import Database
from core.errors import LinimasaError
from core.i18n import _
from core.paths import resource_dir

UNITS_PER_INCH = 1200


def mm(value: float) -> float:
    return value * UNITS_PER_INCH / 25.4


def pt(value: float) -> float:
    return value * UNITS_PER_INCH / 72


PAGE_WIDTH = mm(210)
PAGE_HEIGHT = mm(297)
MARGIN_SIDE = mm(20)
MARGIN_TOP = mm(20)
#: The bottom margin holds the footer.
MARGIN_BOTTOM = mm(24)
BODY_LEFT = MARGIN_SIDE
BODY_RIGHT = PAGE_WIDTH - MARGIN_SIDE
BODY_WIDTH = BODY_RIGHT - BODY_LEFT
BODY_TOP = MARGIN_TOP
BODY_BOTTOM = PAGE_HEIGHT - MARGIN_BOTTOM

#: A chart is laid out this many pixels wide, then scaled to the text width: its labels come
#: out at about 8 pt.
CHART_LAYOUT_WIDTH = 690

INK = "#1f2328"
GREY = "#5f6770"
ACCENT = "#1d3f6e"
HEADER_FILL = "#e3e9f1"
LINE_STRONG = "#6b7785"
LINE_LIGHT = "#d3d9e0"

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_family: str | None = None


def register_fonts() -> str:
    """Load the bundled fonts into Qt (once) and return their family name."""
    global _family
    if _family is None:
        families: list[str] = []
        for name in FONT_FILES:
            path = resource_dir() / "fonts" / name
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                raise LinimasaError(
                    _("The report's font {path} is missing or damaged; reinstall Linimasa.").format(
                        path=path
                    )
                )
            families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0]
    return _family


# --- text styles -------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    size: float
    """Points."""
    bold: bool = False
    color: str = INK
    leading: float = 1.4
    """Line height as a multiple of the size."""

    @property
    def line_height(self) -> float:
        return pt(self.size * self.leading)


BODY = Style(10)
LEAD = Style(11, leading=1.45)
NOTE = Style(8, color=GREY)
HEADINGS = {
    1: Style(15, bold=True, color=ACCENT, leading=1.3),
    2: Style(12, bold=True, leading=1.3),
}
TABLE = Style(9, leading=1.3)
TABLE_BOLD = Style(9, bold=True, leading=1.3)
FOOTER = Style(8, color=GREY)
COVER_TITLE = Style(26, bold=True, color=ACCENT, leading=1.25)
COVER_PERIOD = Style(15, leading=1.3)
COVER_INSTITUTION = Style(14, bold=True, leading=1.3)
COVER_UNIT = Style(12, leading=1.3)
COVER_PREPARED = Style(10, color=GREY)

PARAGRAPH_STYLES = {"body": BODY, "lead": LEAD, "note": NOTE}

_fonts: dict[Style, QFont] = {}


def font(style: Style) -> QFont:
    found = _fonts.get(style)
    if found is None:
        found = QFont(register_fonts())
        found.setPixelSize(round(pt(style.size)))
        found.setBold(style.bold)
        # No hinting: glyph advances then scale exactly, so the PDF, the printer and a 60 dpi
        # preview measure text alike.
        found.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # No "fi" ligature: a reader searching the PDF for "infografik" must find it.
        found.setFeature(QFont.Tag("liga"), 0)
        _fonts[style] = found
    return found


def metrics(style: Style) -> QFontMetricsF:
    return QFontMetricsF(font(style))


def advance(text: str, style: Style) -> float:
    return metrics(style).horizontalAdvance(text)


def baseline_offset(style: Style) -> float:
    """From a line's top to its baseline: the glyphs centred in the line height."""
    m = metrics(style)
    return (style.line_height - (m.ascent() + m.descent())) / 2 + m.ascent()


def wrap(text: str, style: Style, width: float) -> list[str]:
    """The lines `text` breaks into at `width` (at spaces; anywhere in a word too long)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for part in text.split("\n"):
        if not part.strip():
            lines.append("")
            continue
        utf16 = part.encode("utf-16-le")  # Qt counts UTF-16 units, Python code points
        layout = QTextLayout(part, font(style))
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            lines.append(utf16[2 * start : 2 * (start + length)].decode("utf-16-le").rstrip())
        layout.endLayout()
    return lines


# --- what a page holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class TextRun:
    x: float
    baseline: float
    text: str
    style: Style

    def paint(self, painter: QPainter, db: Database) -> None:
        painter.setFont(font(self.style))
        painter.setPen(QColor(self.style.color))
        painter.drawText(QPointF(self.x, self.baseline), self.text)


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = LINE_LIGHT
    width: float = 0.5
    """Points."""

    def paint(self, painter: QPainter, db: Database) -> None:
        pen = QPen(QColor(self.color), pt(self.width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(self.x1, self.y1), QPointF(self.x2, self.y2))


@dataclass(frozen=True)
class Fill:
    rect: QRectF
    color: str

    def paint(self, painter: QPainter, db: Database) -> None:
        painter.fillRect(self.rect, QColor(self.color))


@dataclass(frozen=True)
class Picture:
    rect: QRectF
    image: QImage

    def paint(self, painter: QPainter, db: Database) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.rect, self.image)


@dataclass(frozen=True)
class ChartBox:
    rect: QRectF
    spec: series.ChartSpec
    language: str

    def paint(self, painter: QPainter, db: Database) -> None:
        from gui.charts import plot  # pyqtgraph loads only when a chart is drawn

        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            with i18n.language_context(self.language):
                plot.paint_chart(
                    painter,
                    self.rect,
                    db,
                    self.spec,
                    CHART_LAYOUT_WIDTH,
                    font_family=register_fonts(),
                )
        finally:
            painter.restore()


Item = TextRun | Rule | Fill | Picture | ChartBox


def _cut(lines: tuple[str, ...], most: int) -> tuple[str, ...]:
    """At most `most` lines; the last one kept ends in "…" when some were left out."""
    if len(lines) <= most:
        return lines
    return (*lines[: most - 1], lines[most - 1].rstrip() + " …")


@dataclass
class Page:
    numbered: bool = True
    """False for the cover: no footer, not counted in "Page 1 of N"."""
    items: list[Item] = field(default_factory=list)


# --- the layout ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[str, ...], ...]
    """Each cell's lines."""
    height: float
    total: bool = False


class Layout:
    """`report`'s blocks on A4 pages. Rules: the cover has a page of its own; a heading
    never ends a page (it moves with the start of what follows); a paragraph breaks between
    lines but leaves no single line behind; a table breaks between rows and repeats its
    header; a chart never breaks; PageBreak starts a new page."""

    def __init__(self, report: rp.Report):
        self.report = report
        self.pages: list[Page] = []
        self._page: Page | None = None
        self._y = BODY_TOP
        with i18n.language_context(report.language):
            blocks = report.blocks
            for index, block in enumerate(blocks):
                self._place(block, blocks[index + 1 :])
            if not self.pages:
                self._new_page()
            self._add_footers()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def paint_page(self, painter: QPainter, index: int, db: Database) -> None:
        """Draw page `index` with `painter` in layout units (scale the painter to the device
        first: `device dpi / UNITS_PER_INCH`). Charts read their figures from `db`."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for item in self.pages[index].items:
            item.paint(painter, db)

    # -- pages ----------------------------------------------------------------------------

    def _new_page(self, numbered: bool = True) -> Page:
        self._page = Page(numbered)
        self.pages.append(self._page)
        self._y = BODY_TOP
        return self._page

    def _current(self) -> Page:
        if self._page is None:
            return self._new_page()
        return self._page

    def _add(self, item: Item) -> None:
        self._current().items.append(item)

    def _at_top(self) -> bool:
        return self._page is None or self._y <= BODY_TOP

    def _fits(self, height: float) -> bool:
        return self._page is not None and self._y + height <= BODY_BOTTOM + 0.5

    def _room_for(self, height: float) -> None:
        """A new page unless `height` fits below what is already on this one."""
        if not self._fits(height) and not self._at_top():
            self._new_page()
        self._current()

    def _space(self, height: float) -> None:
        """Space between blocks (none at the top of a page)."""
        if not self._at_top():
            self._y += height

    # -- blocks ---------------------------------------------------------------------------

    def _place(self, block: rp.Block, following: tuple[rp.Block, ...]) -> None:
        if isinstance(block, rp.Cover):
            self._place_cover(block)
        elif isinstance(block, rp.Heading):
            self._place_heading(block, following)
        elif isinstance(block, rp.Paragraph):
            self._place_paragraph(block)
        elif isinstance(block, rp.Table):
            self._place_table(block)
        elif isinstance(block, rp.Chart):
            self._place_chart(block)
        elif isinstance(block, rp.PageBreak) and not self._at_top():
            self._page = None

    def _lead_height(self, following: tuple[rp.Block, ...]) -> float:
        """What must fit under a heading for the heading to stay on this page: the start of
        the next block (under a heading, that heading and the start of the block after)."""
        block = following[0] if following else None
        if isinstance(block, rp.Paragraph):
            style, lines, _indent = self._paragraph(block)
            return min(2, len(lines)) * style.line_height
        if isinstance(block, rp.Table):
            header, rows = self._table_rows(block)
            return header.height + (rows[0].height if rows else 0)
        if isinstance(block, rp.Chart):
            return self._chart_height(block)
        if isinstance(block, rp.Heading):
            return self._heading_height(block) + self._lead_height(following[1:])
        return 0

    def _heading_style(self, block: rp.Heading) -> tuple[Style, list[str], float, float]:
        """Style, lines, space before and after."""
        if block.level <= 1:
            style, before, after = HEADINGS[1], pt(16), pt(7)
        else:
            style, before, after = HEADINGS[2], pt(10), pt(4)
        return style, wrap(block.text, style, BODY_WIDTH), before, after

    def _heading_height(self, block: rp.Heading) -> float:
        style, lines, before, after = self._heading_style(block)
        return before + len(lines) * style.line_height + after

    def _place_heading(self, block: rp.Heading, following: tuple[rp.Block, ...]) -> None:
        style, lines, before, after = self._heading_style(block)
        self._space(before)
        self._room_for(len(lines) * style.line_height + after + self._lead_height(following))
        for line in lines:
            self._add(TextRun(BODY_LEFT, self._y + baseline_offset(style), line, style))
            self._y += style.line_height
        if style is HEADINGS[1]:
            self._add(Rule(BODY_LEFT, self._y + pt(1), BODY_RIGHT, self._y + pt(1), ACCENT, 0.8))
        self._y += after

    def _paragraph(self, block: rp.Paragraph) -> tuple[Style, list[str], float]:
        style = PARAGRAPH_STYLES.get(block.style, BODY)
        indent = mm(4) if block.style == "lead" else 0
        return style, wrap(block.text, style, BODY_WIDTH - indent), indent

    def _place_paragraph(self, block: rp.Paragraph) -> None:
        style, lines, indent = self._paragraph(block)
        self._space(pt(2))
        line_height = style.line_height
        index = 0
        while index < len(lines):
            fit = int((BODY_BOTTOM - self._y + 0.5) // line_height) if self._page else 0
            left = len(lines) - index
            if fit < 1 or (fit == 1 and left > 1 and not self._at_top()):
                self._new_page()
                continue
            take = min(fit, left)
            if 2 < take < left and left - take == 1:
                take -= 1  # no single line alone at the top of the next page
            top = self._y
            for line in lines[index : index + take]:
                self._add(
                    TextRun(BODY_LEFT + indent, self._y + baseline_offset(style), line, style)
                )
                self._y += line_height
            if indent:
                bar = BODY_LEFT + pt(1.5)
                self._add(Rule(bar, top + pt(2), bar, self._y - pt(2), ACCENT, 3))
            index += take
            if index < len(lines):
                self._new_page()
        self._y += pt(6) if style is not NOTE else pt(3)

    # -- tables ---------------------------------------------------------------------------

    PAD_X = mm(1.6)
    PAD_Y = mm(1.1)

    def _column_edges(self, block: rp.Table) -> list[float]:
        count = len(block.columns)
        weights = list(block.widths) if len(block.widths) == count else [1.0] * count
        if sum(weights) <= 0:
            weights = [1.0] * count
        edges = [BODY_LEFT]
        for weight in weights:
            edges.append(edges[-1] + BODY_WIDTH * max(0.0, weight) / sum(weights))
        return edges

    def _table_rows(self, block: rp.Table) -> tuple[_Row, list[_Row]]:
        edges = self._column_edges(block)
        widths = [
            right - left - 2 * self.PAD_X for left, right in zip(edges, edges[1:], strict=False)
        ]

        # A row never outgrows a page (with the repeated header above it): a cell that
        # would is cut, its last line ending in "…".
        most = max(1, int((BODY_BOTTOM - BODY_TOP) * 0.8 // TABLE.line_height) - 2)

        def row(texts, style: Style, total: bool = False) -> _Row:
            texts = tuple(texts)[: len(widths)] + ("",) * (len(widths) - len(texts))
            cells = tuple(
                _cut(tuple(wrap(text, style, w)), most)
                for text, w in zip(texts, widths, strict=True)
            )
            lines = max([len(cell) for cell in cells] + [1])
            return _Row(cells, lines * style.line_height + 2 * self.PAD_Y, total)

        header = row(block.columns, TABLE_BOLD)
        rows = [
            row(texts, TABLE_BOLD if i in block.totals else TABLE, i in block.totals)
            for i, texts in enumerate(block.rows)
        ]
        return header, rows

    def _place_table(self, block: rp.Table) -> None:
        if not block.columns:
            return
        edges = self._column_edges(block)
        header, rows = self._table_rows(block)
        self._space(pt(4))
        self._room_for(header.height + (rows[0].height if rows else 0))
        self._table_row(block, edges, header, TABLE_BOLD, header=True)
        for number, row in enumerate(rows):
            if not self._fits(row.height):
                self._add(Rule(BODY_LEFT, self._y, BODY_RIGHT, self._y, LINE_STRONG, 0.8))
                self._new_page()
                self._table_row(block, edges, header, TABLE_BOLD, header=True)
            last = number == len(rows) - 1
            self._table_row(block, edges, row, TABLE_BOLD if row.total else TABLE, last=last)
        self._y += pt(10)

    def _table_row(
        self,
        block: rp.Table,
        edges: list[float],
        row: _Row,
        style: Style,
        header: bool = False,
        last: bool = False,
    ) -> None:
        top, bottom = self._y, self._y + row.height
        if header:
            self._add(Fill(QRectF(BODY_LEFT, top, BODY_WIDTH, row.height), HEADER_FILL))
        for column, lines in enumerate(row.cells):
            left, right = edges[column] + self.PAD_X, edges[column + 1] - self.PAD_X
            y = top + self.PAD_Y
            for line in lines:
                x = right - advance(line, style) if column in block.right else left
                self._add(TextRun(x, y + baseline_offset(style), line, style))
                y += style.line_height
        if row.total:
            self._add(Rule(BODY_LEFT, top, BODY_RIGHT, top, LINE_STRONG, 0.8))
        strong = header or last
        colour, width = (LINE_STRONG, 0.8) if strong else (LINE_LIGHT, 0.4)
        self._add(Rule(BODY_LEFT, bottom, BODY_RIGHT, bottom, colour, width))
        self._y = bottom

    # -- charts ---------------------------------------------------------------------------

    def _chart_height(self, block: rp.Chart) -> float:
        return min(BODY_WIDTH * max(0.1, block.height), BODY_BOTTOM - BODY_TOP)

    def _place_chart(self, block: rp.Chart) -> None:
        height = self._chart_height(block)
        self._space(pt(6))
        self._room_for(height)
        rect = QRectF(BODY_LEFT, self._y, BODY_WIDTH, height)
        self._add(ChartBox(rect, block.spec, self.report.language))
        self._y += height + pt(10)

    # -- cover ----------------------------------------------------------------------------

    def _place_cover(self, block: rp.Cover) -> None:
        if self._page is not None and self._page.items:
            self._page = None
        page = self._new_page(numbered=False)
        logo = _logo(block.logo)
        if logo is not None:
            box_width, box_height = mm(60), mm(32)
            scale = min(box_width / logo.width(), box_height / logo.height())
            width, height = logo.width() * scale, logo.height() * scale
            rect = QRectF(BODY_LEFT, mm(25) + box_height - height, width, height)
            page.items.append(Picture(rect, _print_resolution(logo, width, height)))
        y = mm(66)
        for text, style in ((block.institution, COVER_INSTITUTION), (block.unit, COVER_UNIT)):
            y = self._lines(page, text, style, y)
        y = mm(112)
        page.items.append(Rule(BODY_LEFT, y, BODY_LEFT + mm(30), y, ACCENT, 3))
        y = self._lines(page, block.title, COVER_TITLE, y + mm(7))
        self._lines(page, block.period, COVER_PERIOD, y + mm(4))
        bottom = mm(262)
        page.items.append(Rule(BODY_LEFT, bottom, BODY_RIGHT, bottom, LINE_LIGHT, 0.6))
        self._lines(page, block.prepared, COVER_PREPARED, bottom + mm(3))
        self._page = None

    @staticmethod
    def _lines(page: Page, text: str, style: Style, y: float) -> float:
        """`text` from `y` down at the left margin, wrapped; returns the y below it."""
        for line in wrap(text, style, BODY_WIDTH) if text.strip() else []:
            page.items.append(TextRun(BODY_LEFT, y + baseline_offset(style), line, style))
            y += style.line_height
        return y

    # -- footers --------------------------------------------------------------------------

    def _add_footers(self) -> None:
        numbered = [page for page in self.pages if page.numbered]
        rule_y = PAGE_HEIGHT - mm(16)
        baseline = rule_y + mm(2) + baseline_offset(FOOTER)
        about = " · ".join(text for text in (self.report.title, self.report.period) if text)
        for number, page in enumerate(numbered, start=1):
            counter = _("Page {page} of {pages}").format(page=number, pages=len(numbered))
            counter_width = advance(counter, FOOTER)
            room = BODY_WIDTH - counter_width - mm(8)
            left = metrics(FOOTER).elidedText(about, Qt.TextElideMode.ElideRight, room)
            page.items += [
                Rule(BODY_LEFT, rule_y, BODY_RIGHT, rule_y, LINE_LIGHT, 0.5),
                TextRun(BODY_LEFT, baseline, left, FOOTER),
                TextRun(BODY_RIGHT - counter_width, baseline, counter, FOOTER),
            ]


def _logo(path: str | None) -> QImage | None:
    """The logo at `path`, or None when there is none or it cannot be read (the cover then
    goes without: no placeholder)."""
    if not path:
        return None
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull() or image.width() < 1 or image.height() < 1:
        return None
    return image


def _print_resolution(image: QImage, width: float, height: float) -> QImage:
    """At most 300 dpi at the printed size: a photo-sized logo would bloat the PDF."""
    most_w = round(width / UNITS_PER_INCH * 300)
    most_h = round(height / UNITS_PER_INCH * 300)
    if image.width() <= most_w or image.height() <= most_h:
        return image
    return image.scaled(
        most_w,
        most_h,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
