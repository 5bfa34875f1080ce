"""A report's pages painted onto a device: a PDF file (`save_pdf`), a printer
(`print_report`) or images for the preview (`page_images`), all through `Layout.paint_page`,
so what the preview shows is what the PDF holds.

Run on the GUI thread: charts are drawn by pyqtgraph widgets (offscreen), and Qt's fonts and
painters belong to it. A QApplication must exist (the CLI creates one offscreen). Text is
drawn as text (selectable, searchable in the PDF) in the bundled DejaVu Sans; charts as
vector lines and text.

Every device is painted at the screen's logical resolution (`chart_dpi`, 96 on most
computers), scaled from the layout's 1/1200 inch: a chart measures its point-sized labels
on the screen, and a device of another resolution would draw them larger or smaller than
the room the chart left for them (12 times too large on a 1200 dpi PDF). Positions stay
exact, as the PDF stores fractions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from core import APP_NAME, __version__, files
from core import report as rp
from core.db import Database
from core.i18n import _
from core.progress import Progress
from gui.report.layout import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    UNITS_PER_INCH,
    Layout,
    register_fonts,
)

__all__ = [
    "Layout",
    "page_count",
    "page_images",
    "paint_document",
    "print_report",
    "register_fonts",
    "save_pdf",
]


def a4_page_layout() -> QPageLayout:
    """A4 portrait without device margins: the layout has its own."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )


def chart_dpi() -> int:
    """The screen's logical resolution, at which charts measure their text."""
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchY()) if screen is not None else 96


def page_count(db: Database, report: rp.Report) -> int:
    """How many pages the report takes, the cover included."""
    return Layout(report).page_count


def _step(progress: Progress | None, done: int, total: int) -> None:
    """Report a page done; raises `core.progress.Cancelled` once cancel was asked."""
    if progress is not None:
        message = _("Page {page} of {pages}").format(page=min(done + 1, total), pages=total)
        progress.update(done, total, message)


def paint_document(
    device: QPagedPaintDevice,
    db: Database,
    layout: Layout,
    progress: Progress | None = None,
) -> bool:
    """Paint every page of `layout` on `device` (a QPdfWriter, a QPrinter) as A4 pages.
    Returns False if the device cannot be painted on; raises `Cancelled` from `progress`."""
    device.setPageLayout(a4_page_layout())
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        scale = device.logicalDpiX() / UNITS_PER_INCH
        total = layout.page_count
        for index in range(total):
            _step(progress, index, total)
            if index and not device.newPage():
                return False
            painter.save()
            painter.scale(scale, scale)
            layout.paint_page(painter, index, db)
            painter.restore()
        _step(progress, total, total)
    finally:
        painter.end()
    return True


def save_pdf(
    db: Database,
    report: rp.Report,
    path: Path | str,
    progress: Progress | None = None,
) -> Path:
    """Write `report` as an A4 PDF at `path`, whole or not at all (a failure or a cancel
    leaves no file and any earlier one as it was). `progress.update` is called per page;
    `progress.cancel()` stops at the next page with `core.progress.Cancelled`. Raises
    `core.errors.CannotWrite` naming the path."""
    layout = Layout(report)

    def write(partial: str) -> bool:
        writer = QPdfWriter(partial)
        writer.setResolution(chart_dpi())
        writer.setTitle(report.title)
        writer.setCreator(f"{APP_NAME} {__version__}")
        try:
            return paint_document(writer, db, layout, progress)
        finally:
            del writer  # closes the file before it is renamed (Windows)

    files.write_atomically(path, write)
    return Path(path)


def print_report(
    db: Database, report: rp.Report, printer, progress: Progress | None = None
) -> bool:
    """Print `report` on a `QPrinter`: each page painted as an image at the printer's
    resolution (at most 600 dpi) over the whole A4 sheet (the layout keeps its margins).
    Returns False if the printer cannot be painted on."""
    printer.setFullPage(True)
    printer.setPageLayout(a4_page_layout())
    layout = Layout(report)
    dpi = min(600, max(150, printer.resolution()))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        sheet = printer.pageLayout().fullRectPixels(printer.resolution())
        for index in range(layout.page_count):
            _step(progress, index, layout.page_count)
            if index and not printer.newPage():
                return False
            painter.drawImage(sheet, _page_image(db, layout, index, dpi))
        _step(progress, layout.page_count, layout.page_count)
    finally:
        painter.end()
    return True


def page_images(
    db: Database,
    report: rp.Report,
    dpi: float = 60,
    progress: Progress | None = None,
    layout: Layout | None = None,
) -> list[QImage]:
    """Each page as a white image at `dpi` (A4: 496 × 702 pixels at 60 dpi), painted by the
    same code as the PDF."""
    layout = layout or Layout(report)
    images = []
    for index in range(layout.page_count):
        _step(progress, index, layout.page_count)
        images.append(_page_image(db, layout, index, dpi))
    return images


def _page_image(db: Database, layout: Layout, index: int, dpi: float) -> QImage:
    scale = dpi / UNITS_PER_INCH
    image = QImage(
        round(PAGE_WIDTH * scale), round(PAGE_HEIGHT * scale), QImage.Format.Format_RGB32
    )
    # The pixels are `dpi`, the fonts measure at the screen's resolution (module docstring).
    dots_per_meter = round(chart_dpi() / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        layout.paint_page(painter, index, db)
    finally:
        painter.end()
    return image
