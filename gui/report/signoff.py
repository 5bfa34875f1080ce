"""The sign-off sheet (`core.signoff.Sheet`) on A4 pages and written as a PDF: a block per
post with its account, time, title, status, text and first image, and a line per approval
level where the approver writes name, date and initials.

Built from the leadership report's pieces (gui/report/layout.py): the same units, the
bundled font, text runs, rules and pictures; `render.paint_document` paints the pages, so
the PDF is written as the report's is. A post's block stays on one page when it fits on
one; a longer one starts on a new page and its text continues on the next, under the
account and time marked "(continued)".
"""

from __future__ import annotations

import math
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageIOHandler,
    QImageReader,
    QPainter,
    QPdfWriter,
    QPen,
)

from core import APP_NAME, __version__, files, fmt, i18n
from core.i18n import _, ngettext
from core.progress import Progress
from core.signoff import Sheet, SignoffPost
from gui.report import render
from gui.report.layout import (
    ACCENT,
    BODY_BOTTOM,
    BODY_LEFT,
    BODY_RIGHT,
    BODY_TOP,
    BODY_WIDTH,
    FOOTER,
    GREY,
    HEADER_FILL,
    HEADINGS,
    LINE_LIGHT,
    LINE_STRONG,
    NOTE,
    PAGE_HEIGHT,
    UNITS_PER_INCH,
    Fill,
    Item,
    Page,
    Picture,
    Rule,
    Style,
    TextRun,
    _print_resolution,
    advance,
    baseline_offset,
    metrics,
    mm,
    pt,
    wrap,
)

INSTITUTION = Style(12, bold=True, leading=1.3)
PERIOD = Style(11, leading=1.35)
BAND = Style(9, bold=True, leading=1.3)
TITLE = Style(10, bold=True, leading=1.35)
POST_TEXT = Style(9.5, leading=1.4)
LABEL = Style(8, color=GREY, leading=1.3)
STATUS = Style(8.5, leading=1.3)
LEVEL = Style(8.5, bold=True, leading=1.3)

PAD = mm(3)
BAND_PAD = mm(1.4)
GAP = mm(5)
INNER_LEFT = BODY_LEFT + PAD
INNER_WIDTH = BODY_WIDTH - 2 * PAD
#: The image column beside the text, and the most an image may take of it.
IMAGE_WIDTH = mm(48)
IMAGE_HEIGHT = mm(52)
IMAGE_GAP = mm(5)
PLACEHOLDER_HEIGHT = mm(30)
#: The room an approver writes in above each line.
SIGN_HEIGHT = mm(9)
#: The most memory (MB) a post's image may take while it is decoded (see `_read_image`).
READ_LIMIT_MB = 1024
_LIMIT_LOCK = threading.Lock()


@dataclass(frozen=True)
class Outline:
    """A rectangle's edges (a block's frame, the box of an image that cannot be read)."""

    rect: QRectF
    color: str = LINE_STRONG
    width: float = 0.6
    """Points."""
    dashed: bool = False

    def paint(self, painter: QPainter, db: object) -> None:
        pen = QPen(QColor(self.color), pt(self.width))
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect)


@dataclass(frozen=True)
class _Image:
    """What stands beside a post's text: the picture scaled to fit, or a placeholder."""

    width: float
    height: float
    image: QImage | None
    lines: tuple[str, ...] = ()
    """The placeholder's text."""


class SignoffLayout:
    """`sheet` on A4 pages (`pages`, each a list of items to paint, footers included), with
    the `page_count` and `paint_page` that `render.paint_document` paints from."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.pages: list[Page] = []
        self._page: Page | None = None
        self._y = BODY_TOP
        with i18n.language_context(sheet.language):
            self._place_header()
            if not sheet.posts:
                self._lines(_("No posts to sign off."), NOTE, BODY_LEFT, BODY_WIDTH)
            for number, post in enumerate(sheet.posts, start=1):
                self._place_post(number, post)
            self._add_footers()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def paint_page(self, painter: QPainter, index: int, db: object = None) -> None:
        """Draw page `index` in layout units (as `layout.Layout.paint_page`)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for item in self.pages[index].items:
            item.paint(painter, db)

    # -- pages ----------------------------------------------------------------------------

    def _new_page(self) -> None:
        self._page = Page()
        self.pages.append(self._page)
        self._y = BODY_TOP

    def _add(self, item: Item | Outline) -> None:
        if self._page is None:
            self._new_page()
        self._page.items.append(item)

    def _room(self) -> float:
        return BODY_BOTTOM - self._y

    def _lines(self, text: str, style: Style, left: float, width: float) -> None:
        for line in wrap(text, style, width) if text.strip() else []:
            self._add(TextRun(left, self._y + baseline_offset(style), line, style))
            self._y += style.line_height

    # -- the sheet's header ---------------------------------------------------------------

    def _place_header(self) -> None:
        self._new_page()
        sheet = self.sheet
        if sheet.institution.strip():
            self._lines(sheet.institution, INSTITUTION, BODY_LEFT, BODY_WIDTH)
            self._y += pt(3)
        self._lines(_("Post sign-off sheet"), HEADINGS[1], BODY_LEFT, BODY_WIDTH)
        self._add(Rule(BODY_LEFT, self._y + pt(1), BODY_RIGHT, self._y + pt(1), ACCENT, 0.8))
        self._y += pt(6)
        if sheet.period:
            self._lines(sheet.period, PERIOD, BODY_LEFT, BODY_WIDTH)
        count = len(sheet.posts)
        posts = ngettext("{count} post", "{count} posts", count).format(count=fmt.number(count))
        printed = _("Printed {date}").format(date=fmt.date_long(sheet.today))
        self._lines(f"{printed} · {posts}", NOTE, BODY_LEFT, BODY_WIDTH)
        self._lines(
            _(
                "Each approver writes their name, the date and their initials on their level's line."
            ),
            NOTE,
            BODY_LEFT,
            BODY_WIDTH,
        )
        self._y += GAP

    # -- a post ---------------------------------------------------------------------------

    def _band_height(self) -> float:
        return BAND.line_height + 2 * BAND_PAD

    def _place_band(self, number: int, post: SignoffPost, continued: bool = False) -> None:
        """The block's top: number and account on the left, the planned time on the right."""
        height = self._band_height()
        self._add(Fill(QRectF(BODY_LEFT, self._y, BODY_WIDTH, height), HEADER_FILL))
        baseline = self._y + BAND_PAD + baseline_offset(BAND)
        when = post.when
        if continued:
            when = _("{when} (continued)").format(when=when)
        when_width = advance(when, BAND)
        self._add(TextRun(INNER_LEFT + INNER_WIDTH - when_width, baseline, when, BAND))
        left = f"{number}. {post.account}"
        room = INNER_WIDTH - when_width - mm(6)
        left = metrics(BAND).elidedText(left, Qt.TextElideMode.ElideRight, room)
        self._add(TextRun(INNER_LEFT, baseline, left, BAND))
        self._y += height

    def _heading_lines(self, post: SignoffPost) -> tuple[list[str], str]:
        status = _("Status: {status}").format(status=post.status_title)
        return wrap(post.title, TITLE, INNER_WIDTH), status

    def _heading_height(self, post: SignoffPost) -> float:
        title, _status = self._heading_lines(post)
        return PAD + len(title) * TITLE.line_height + STATUS.line_height + mm(2)

    def _approvals_height(self, post: SignoffPost) -> float:
        if not post.levels:
            return mm(2) + NOTE.line_height + PAD
        per_level = LEVEL.line_height + SIGN_HEIGHT + mm(2)
        return mm(2) + len(post.levels) * per_level + PAD

    def _text_width(self, image: _Image | None) -> float:
        return INNER_WIDTH - (IMAGE_WIDTH + IMAGE_GAP if image is not None else 0)

    def _place_post(self, number: int, post: SignoffPost) -> None:
        image = _image(post.image)
        text = printable(post.text)
        text_lines = wrap(text, POST_TEXT, self._text_width(image)) if text else []
        text_height = len(text_lines) * POST_TEXT.line_height if post.text else NOTE.line_height
        body = max(text_height, image.height if image else 0) + mm(2)
        whole = (
            self._band_height() + self._heading_height(post) + body + self._approvals_height(post)
        )
        if whole > self._room() and self._y > BODY_TOP:
            self._new_page()
        top = self._y
        self._place_band(number, post)
        self._place_heading(post)
        if image is not None:
            self._place_image(image)
        image_bottom = self._y + (image.height if image else 0)
        if not post.text:
            self._add_empty_text()
        line_height = POST_TEXT.line_height
        for line in text_lines:
            if self._y + line_height > BODY_BOTTOM - PAD:
                top = self._continue(number, post, top)
                image_bottom = 0
            self._add(TextRun(INNER_LEFT, self._y + baseline_offset(POST_TEXT), line, POST_TEXT))
            self._y += line_height
        self._y = max(self._y, image_bottom) + mm(2)
        if self._approvals_height(post) > self._room():
            top = self._continue(number, post, top)
        self._place_approvals(post)
        self._add(Outline(QRectF(BODY_LEFT, top, BODY_WIDTH, self._y - top)))
        self._y += GAP

    def _continue(self, number: int, post: SignoffPost, top: float) -> float:
        """Close this page's part of the block and go on at the top of the next page;
        returns the new part's top."""
        self._y += PAD
        self._add(Outline(QRectF(BODY_LEFT, top, BODY_WIDTH, self._y - top)))
        self._new_page()
        top = self._y
        self._place_band(number, post, continued=True)
        self._y += PAD
        return top

    def _place_heading(self, post: SignoffPost) -> None:
        title, status = self._heading_lines(post)
        self._y += PAD
        for line in title:
            self._add(TextRun(INNER_LEFT, self._y + baseline_offset(TITLE), line, TITLE))
            self._y += TITLE.line_height
        self._add(TextRun(INNER_LEFT, self._y + baseline_offset(STATUS), status, STATUS))
        self._y += STATUS.line_height + mm(2)

    def _add_empty_text(self) -> None:
        text = _("No text written yet.")
        self._add(TextRun(INNER_LEFT, self._y + baseline_offset(NOTE), text, NOTE))
        self._y += NOTE.line_height

    def _place_image(self, image: _Image) -> None:
        left = INNER_LEFT + INNER_WIDTH - IMAGE_WIDTH + (IMAGE_WIDTH - image.width) / 2
        rect = QRectF(left, self._y, image.width, image.height)
        if image.image is not None:
            self._add(Picture(rect, image.image))
            self._add(Outline(rect, LINE_LIGHT, 0.4))
            return
        self._add(Outline(rect, GREY, 0.6, dashed=True))
        y = self._y + mm(3)
        for line in image.lines:
            x = left + (image.width - advance(line, NOTE)) / 2
            self._add(TextRun(x, y + baseline_offset(NOTE), line, NOTE))
            y += NOTE.line_height

    def _place_approvals(self, post: SignoffPost) -> None:
        self._y += mm(2)
        if not post.levels:
            note = _("This unit's posts need no approval.")
            self._add(TextRun(INNER_LEFT, self._y + baseline_offset(NOTE), note, NOTE))
            self._y += NOTE.line_height + PAD
            return
        self._add(Rule(INNER_LEFT, self._y - mm(1), INNER_LEFT + INNER_WIDTH, self._y - mm(1)))
        fields = (_("Approved by"), _("Date"), _("Initials"))
        weights = (3.2, 1.6, 1.2)
        for position, title in enumerate(post.levels, start=1):
            heading = f"{position}. {title}" if len(post.levels) > 1 else title
            heading = metrics(LEVEL).elidedText(heading, Qt.TextElideMode.ElideRight, INNER_WIDTH)
            self._add(TextRun(INNER_LEFT, self._y + baseline_offset(LEVEL), heading, LEVEL))
            self._y += LEVEL.line_height
            line_y = self._y + SIGN_HEIGHT
            baseline = line_y - mm(1)
            x = INNER_LEFT
            for label, weight in zip(fields, weights, strict=True):
                width = INNER_WIDTH * weight / sum(weights)
                self._add(TextRun(x, baseline, label, LABEL))
                start = x + advance(label, LABEL) + mm(1.5)
                end = x + width - mm(4)
                self._add(Rule(start, line_y, end, line_y, LINE_STRONG, 0.5))
                x += width
            self._y = line_y + mm(2)
        self._y += PAD

    # -- footers --------------------------------------------------------------------------

    def _add_footers(self) -> None:
        rule_y = PAGE_HEIGHT - mm(16)
        baseline = rule_y + mm(2) + baseline_offset(FOOTER)
        about = " · ".join(text for text in (_("Post sign-off sheet"), self.sheet.period) if text)
        for number, page in enumerate(self.pages, start=1):
            counter = _("Page {page} of {pages}").format(page=number, pages=len(self.pages))
            counter_width = advance(counter, FOOTER)
            room = BODY_WIDTH - counter_width - mm(8)
            left = metrics(FOOTER).elidedText(about, Qt.TextElideMode.ElideRight, room)
            page.items += [
                Rule(BODY_LEFT, rule_y, BODY_RIGHT, rule_y, LINE_LIGHT, 0.5),
                TextRun(BODY_LEFT, baseline, left, FOOTER),
                TextRun(BODY_RIGHT - counter_width, baseline, counter, FOOTER),
            ]


#: What may follow an emoji within it: joiner, variation selector, skin tone, keycap.
_EMOJI_PARTS = {0x200D, 0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400)}


def printable(text: str) -> str:
    """`text` with each emoji the bundled font cannot draw written as "[emoji]": a leader
    reading the sheet sees one is there, where Qt would draw an empty box (and a PDF
    reader would extract nothing)."""
    font_metrics = metrics(POST_TEXT)
    marker = _("[emoji]")
    out: list[str] = []
    in_emoji = False
    for char in text:
        code = ord(char)
        if in_emoji and (code in _EMOJI_PARTS or _missing_symbol(font_metrics, char)):
            continue
        in_emoji = _missing_symbol(font_metrics, char)
        out.append(marker if in_emoji else char)
    return "".join(out)


def _missing_symbol(font_metrics, char: str) -> bool:
    return unicodedata.category(char) == "So" and not font_metrics.inFontUcs4(ord(char))


def _image(path: str | None) -> _Image | None:
    """The post's image scaled into the image column; a placeholder naming the file when it
    is missing or cannot be read; None when the post has no image."""
    if not path:
        return None
    image, too_large = _read_image(path)
    if image.isNull() or image.width() < 1 or image.height() < 1:
        why = _("Image too large to print") if too_large else _("Image cannot be opened")
        # A Windows path ("D:\Humas\foto.jpg") names its file on every system.
        name = PureWindowsPath(path).name or Path(path).name or path
        lines = [why, *wrap(name, NOTE, IMAGE_WIDTH - mm(4))]
        if len(lines) > 4:
            lines = [*lines[:3], lines[3].rstrip() + " …"]
        height = max(PLACEHOLDER_HEIGHT, len(lines) * NOTE.line_height + mm(6))
        return _Image(IMAGE_WIDTH, height, None, tuple(lines))
    scale = min(IMAGE_WIDTH / image.width(), IMAGE_HEIGHT / image.height())
    width, height = image.width() * scale, image.height() * scale
    return _Image(width, height, _print_resolution(image, width, height))


def _read_image(path: str) -> tuple[QImage, bool]:
    """The image at `path` decoded no larger than the sheet prints it (`_print_resolution`),
    turned as its EXIF says; a null image when it cannot be read, with True when only its
    size (over `READ_LIMIT_MB` decoded whole) stopped it.

    The size comes from the file's header first. Qt refuses to decode an image over its
    allocation limit (256 MB: a valid 8500×8500 photo); JPEG decodes straight to the scaled
    size, but PNG and others are decoded whole and then scaled, so the limit is raised for
    this read, up to `READ_LIMIT_MB`."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return reader.read(), False  # a format that does not say its size: as it comes
    width, height = size.width(), size.height()
    turned = reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90
    shown_width, shown_height = (height, width) if turned else (width, height)
    scale = min(IMAGE_WIDTH / shown_width, IMAGE_HEIGHT / shown_height)
    needed = round(shown_width * scale / UNITS_PER_INCH * 300)  # pixels across at 300 dpi
    if needed < shown_width:
        factor = needed / shown_width
        reader.setScaledSize(QSize(max(1, round(width * factor)), max(1, round(height * factor))))
    pixel_format = reader.imageFormat()
    bits = (
        QImage.toPixelFormat(pixel_format).bitsPerPixel()
        if pixel_format != QImage.Format.Format_Invalid
        else 64
    )
    megabytes = width * height * max(bits, 32) / 8 / 2**20
    with _LIMIT_LOCK:
        limit = QImageReader.allocationLimit()  # 0: no limit
        raised = min(READ_LIMIT_MB, math.ceil(megabytes) + 1)
        raise_it = bool(limit) and raised > limit
        if raise_it:
            QImageReader.setAllocationLimit(raised)
        try:
            image = reader.read()
        finally:
            if raise_it:
                QImageReader.setAllocationLimit(limit)
    return image, image.isNull() and megabytes >= max(READ_LIMIT_MB, limit or 0)


def save_signoff_pdf(
    sheet: Sheet, path: Path | str, progress: Progress | None = None
) -> SignoffLayout:
    """Write `sheet` as an A4 PDF at `path`, whole or not at all (as `render.save_pdf`), in
    the sheet's language; returns its layout (`page_count`). Raises `core.errors.CannotWrite`
    naming the path, `core.progress.Cancelled` once `progress` was cancelled."""
    layout = SignoffLayout(sheet)

    def write(partial: str) -> bool:
        writer = QPdfWriter(partial)
        writer.setResolution(render.chart_dpi())
        with i18n.language_context(sheet.language):
            writer.setTitle(_("Post sign-off sheet"))
        writer.setCreator(f"{APP_NAME} {__version__}")
        try:
            return render.paint_document(writer, None, layout, progress)
        finally:
            del writer  # closes the file before it is renamed (Windows)

    files.write_atomically(path, write)
    return layout


def page_images(sheet: Sheet, dpi: float = 60) -> list[QImage]:
    """Each page as a white image at `dpi`, painted by the same code as the PDF."""
    return render.page_images(None, None, dpi, layout=SignoffLayout(sheet))
