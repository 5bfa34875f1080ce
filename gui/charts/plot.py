"""Drawing `core.series` data with pyqtgraph: one `Chart` widget per kind of chart, the axes
in the user's language (Indonesian months, 76.670, 2,15%), a crosshair with a tooltip, shaded
months without data, and offscreen rendering to an image or an SVG file of a chosen size.

The x axis counts days (`date.toordinal()`); rates are drawn in percent (2.15 for 2,15%).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from core import accounts, files, fmt, series
from core.db import Database
from core.i18n import _
from gui import platforms

BACKGROUND = "#ffffff"
FOREGROUND = "#333333"
MUTED = "#777777"
MISSING_BRUSH = (160, 160, 160, 55)
BELOW_COLOR = "#b3261e"
UP_COLOR = "#1b7f3b"
DOWN_COLOR = "#b3261e"
#: A series draws a marker at every point up to this many points in view.
SYMBOLS_UP_TO = 60
#: A line is drawn smoothed (antialiased) and 2 px wide up to this many points in range.
SMOOTH_UP_TO = 1000

pg.setConfigOptions(antialias=True, foreground=FOREGROUND)


# --- colours -------------------------------------------------------------------------------


#: How the 2nd, 3rd … account on one platform differs from the first: (hue shift in
#: degrees, lightness factor as QColor.lighter takes it). Never white, never black.
SHADES = ((0, 100), (0, 150), (0, 65), (28, 115), (-28, 85), (56, 100), (-56, 125), (84, 80))
#: Greys for a platform whose colour has no hue (X's black): HSV values.
GREYS = (17, 110, 70, 150, 45, 130, 90, 175)


def _shade(base: QColor, n: int) -> QColor:
    shift, factor = SHADES[n % len(SHADES)]
    if base.hsvSaturation() < 40:  # no hue to turn: step through greys instead
        return QColor.fromHsv(0, 0, GREYS[n % len(GREYS)])
    colour = QColor.fromHsv((base.hsvHue() + shift) % 360, base.hsvSaturation(), base.value())
    return colour.lighter(factor) if factor >= 100 else colour.darker(round(10000 / factor))


def _repeats(items: list[accounts.Account]) -> dict[int, int]:
    """Each account's number among the accounts of its platform (0 for the first)."""
    seen: dict[str, int] = {}
    result = {}
    for account in items:
        result[account.id] = seen.get(account.platform, 0)
        seen[account.platform] = result[account.id] + 1
    return result


def account_colors(items: list[accounts.Account]) -> dict[int, QColor]:
    """Each account's colour: its platform's, turned and lightened or darkened for a second,
    third … account on the same platform so that every line of a chart can be told apart."""
    repeats = _repeats(items)
    return {a.id: _shade(QColor(platforms.color(a.platform)), repeats[a.id]) for a in items}


def account_styles(items: list[accounts.Account]) -> dict[int, Qt.PenStyle]:
    """Peers dashed; past the eighth account of a platform, dotted (its shades repeat)."""
    repeats = _repeats(items)
    return {
        a.id: Qt.PenStyle.DashLine
        if a.peer
        else (Qt.PenStyle.DotLine if repeats[a.id] >= len(SHADES) else Qt.PenStyle.SolidLine)
        for a in items
    }


def account_pen(
    account: accounts.Account, colour: QColor, width: float = 2.0, style: Qt.PenStyle | None = None
):
    """Our accounts solid, peers (another institution's) dashed, unless `style` says."""
    if style is None:
        style = Qt.PenStyle.DashLine if account.peer else Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


# --- axes ----------------------------------------------------------------------------------


class DateAxis(pg.AxisItem):
    """Days, months or years, whichever fits: "9 Agu", "Agu 2026", "2026"."""

    #: (unit, step) from finest to coarsest.
    STEPS = (
        ("day", 1),
        ("day", 7),
        ("month", 1),
        ("month", 2),
        ("month", 3),
        ("month", 6),
        ("year", 1),
        ("year", 2),
        ("year", 5),
        ("year", 10),
    )
    #: Room a label needs, in pixels.
    LABEL_WIDTH = 78

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unit = "month"
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        if not np.isfinite(minVal) or not np.isfinite(maxVal) or maxVal <= minVal:
            return []
        first = dt.date.fromordinal(max(1, int(np.floor(minVal))))
        last = dt.date.fromordinal(max(1, min(int(np.ceil(maxVal)), dt.date.max.toordinal())))
        room = max(2, int(size // self.LABEL_WIDTH))
        for unit, step in self.STEPS:
            ticks = _ticks(first, last, unit, step)
            if len(ticks) <= room:
                break
        self._unit = unit
        days = [day.toordinal() for day in ticks if minVal <= day.toordinal() <= maxVal]
        spacing = {"day": 1, "month": 30, "year": 365}[unit] * step
        return [(spacing, days)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        text = {"day": fmt.day_month, "month": fmt.month_short, "year": lambda d: str(d.year)}
        form = text[self._unit]
        return [form(dt.date.fromordinal(int(round(value)))) for value in values]


def _ticks(first: dt.date, last: dt.date, unit: str, step: int) -> list[dt.date]:
    if unit == "day":
        day = first
        if step == 7:  # Mondays
            day += dt.timedelta(days=(7 - day.weekday()) % 7)
        result = []
        while day <= last and len(result) < 400:
            result.append(day)
            day += dt.timedelta(days=step)
        return result
    if unit == "month":
        index = first.year * 12 + first.month - 1
        if first.day > 1:
            index += 1
        index += (-index) % step
        result = []
        while len(result) < 400:
            year, month = divmod(index, 12)
            day = dt.date(year, month + 1, 1)
            if day > last:
                break
            result.append(day)
            index += step
        return result
    year = first.year + (first.month > 1 or first.day > 1)
    year += (-year) % step
    return [dt.date(y, 1, 1) for y in range(year, last.year + 1, step)][:400]


class NumberAxis(pg.AxisItem):
    """Numbers in the user's language through `formatter` (76.670, +1.234, 2,15%)."""

    def __init__(self, *args, formatter: Callable[[float, float], str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)
        self.formatter = formatter or plain_number

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [self.formatter(value * scale, spacing) for value in values]


def _digits(spacing: float) -> int:
    if spacing >= 1 or spacing <= 0:
        return 0
    return min(3, int(np.ceil(-np.log10(spacing))))


def plain_number(value: float, spacing: float) -> str:
    return fmt.number(value, _digits(spacing))


def signed_number(value: float, spacing: float) -> str:
    return fmt.signed(round(value, _digits(spacing)), _digits(spacing))


def percent_number(value: float, spacing: float) -> str:
    """An axis in percent units (2.15 → "2,15%")."""
    return fmt.percent(value / 100, _digits(spacing))


# --- the chart -----------------------------------------------------------------------------


class Chart(pg.GraphicsLayoutWidget):
    """A chart of one kind (`core.series.KINDS`); `draw` fills it: an optional title, the
    plot, and the legend under it (never over the data). Mouse panning and zooming are off
    (the tab's range chooses what is shown); hovering shows a crosshair and a tooltip with
    the date and the values there."""

    #: A legend column's width, in pixels.
    LEGEND_COLUMN = 230

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        if kind == "growth":
            axes = {
                "bottom": NumberAxis("bottom", formatter=signed_number),
                "left": pg.AxisItem("left"),
            }
        elif kind == "engagement":
            axes = {
                "bottom": DateAxis("bottom"),
                "left": NumberAxis("left", formatter=percent_number),
            }
        else:
            axes = {"bottom": DateAxis("bottom"), "left": NumberAxis("left")}
        self.kind = kind
        self.title = pg.LabelItem("", color=FOREGROUND, size="11pt")
        self.item = pg.PlotItem(axisItems=axes)
        self.legend = pg.LegendItem(labelTextColor=FOREGROUND, verSpacing=-6, horSpacing=2)
        self.addItem(self.item, row=1, col=0)
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setContentsMargins(8, 6, 12, 4)
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self.item.setMouseEnabled(x=False, y=False)
        self.item.showGrid(x=kind != "growth", y=kind != "growth", alpha=0.12)
        self.item.setClipToView(True)
        self.item.setDownsampling(auto=True, mode="peak")
        for side in ("bottom", "left"):
            self.item.getAxis(side).setTextPen(FOREGROUND)
            self.item.getAxis(side).setPen(MUTED)
        #: What the chart shows (False: nothing could be drawn; `notes` say why).
        self.has_data = False
        #: Some months are shaded as having no figures.
        self.shaded = False
        #: Accounts or months the chart could not draw, one sentence each.
        self.notes: list[str] = []
        self._hover: Callable[[int], str] | None = None
        self.crosshair = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(MUTED, width=1))
        self.crosshair.setZValue(50)
        self._proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._moved)

    def set_title(self, text: str | None) -> None:
        """A heading above the plot (exports carry it; the tab has its own)."""
        if text:
            self.title.setText(text, color=FOREGROUND, size="11pt")
            if self.title.scene() is None:
                self.addItem(self.title, row=0, col=0)
        elif self.title.scene() is not None:
            self.removeItem(self.title)

    def add_to_legend(self, item, name: str) -> None:
        # The legend spaces its columns evenly, sample to label as label to next sample:
        # the label carries the room between entries.
        self.legend.addItem(item, name + "\u2003\u2003")
        self.legend.setVisible(True)

    def plot(self, x, y, name: str, **options) -> pg.PlotDataItem:
        """A line in the plot, with its legend entry."""
        curve = self.item.plot(x, y, **options)
        self.add_to_legend(curve, name)
        return curve

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if hasattr(self, "legend"):  # not yet while the base class is set up
            self.legend.setColumnCount(max(1, int(self.width() // self.LEGEND_COLUMN)))
        super().resizeEvent(event)

    # -- items --------------------------------------------------------------------------------

    def reset(self) -> None:
        """Remove everything drawn (the legend's entries too)."""
        self.item.clear()
        self.legend.clear()
        self.legend.setVisible(False)
        self.item.getAxis("left").setTicks(None)
        self.item.getAxis("bottom").setTicks(None)
        self.set_title(None)
        self.has_data = False
        self.shaded = False
        self.notes = []
        self._hover = None
        self.item.vb.invertY(False)

    def curves(self) -> list[pg.PlotDataItem]:
        return [item for item in self.item.listDataItems() if isinstance(item, pg.PlotDataItem)]

    def bars(self) -> list[pg.BarGraphItem]:
        return [item for item in self.item.items if isinstance(item, pg.BarGraphItem)]

    def shade_missing(self, spans) -> None:
        """Grey bands over months without data (each span once)."""
        for first, after in sorted(set(spans)):
            self.shaded = True
            region = pg.LinearRegionItem(
                values=(first.toordinal(), after.toordinal()),
                movable=False,
                brush=pg.mkBrush(*MISSING_BRUSH),
                pen=pg.mkPen(None),
            )
            region.setZValue(-10)
            region.setToolTip(_("No data in these months"))
            self.item.addItem(region)

    def say(self, text: str) -> None:
        """Nothing to draw: the reason, centred in the plot (offscreen images show it)."""
        self.item.setXRange(0, 1, padding=0)
        self.item.setYRange(0, 1, padding=0)
        label = pg.TextItem(text, color=MUTED, anchor=(0.5, 0.5))
        label.setPos(0.5, 0.5)
        self.item.addItem(label)
        for side in ("bottom", "left"):
            self.item.getAxis(side).setTicks([[]])

    # -- hover ------------------------------------------------------------------------------

    def _moved(self, event) -> None:
        position = event[0]
        if self._hover is None or not self.item.sceneBoundingRect().contains(position):
            self._leave()
            return
        view = self.item.vb
        if not view.sceneBoundingRect().contains(position):
            self._leave()
            return
        x = view.mapSceneToView(position).x()
        day = int(round(x))
        text = self._hover(day)
        if not text:
            self._leave()
            return
        if self.crosshair.scene() is None:
            self.item.addItem(self.crosshair, ignoreBounds=True)
        self.crosshair.setPos(day)
        self.crosshair.show()
        QToolTip.showText(QCursor.pos(), text, self)

    def _leave(self) -> None:
        self.crosshair.hide()
        QToolTip.hideText()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._leave()
        super().leaveEvent(event)

    def hover_text(self, day: int) -> str:
        """The tooltip at a day (what the crosshair shows); "" where there is nothing."""
        return self._hover(day) if self._hover else ""


# --- drawing -------------------------------------------------------------------------------


def draw(chart: Chart, spec: series.ChartSpec, data) -> Chart:
    """Fill `chart` with `data` (`core.series.chart_data(db, spec)`)."""
    chart.reset()
    if spec.kind in ("followers", "peers"):
        draw_followers(chart, data, spec.is_indexed, spec.start, spec.end)
    elif spec.kind == "growth":
        draw_growth(chart, data)
    elif spec.kind == "monthly":
        draw_monthly(chart, data, spec.start, spec.end)
    else:
        draw_engagement(chart, data, spec.start, spec.end)
    if not chart.has_data:
        chart.say(empty_text(spec.kind))
    return chart


def empty_text(kind: str) -> str:
    if kind == "engagement":
        return _("No engagement figures in this range yet — import or enter metrics")
    return _("No follower figures yet — import or enter metrics")


def _with_breaks(days, values, missing) -> tuple[np.ndarray, np.ndarray]:
    """x and y with a NaN point at the start of each missing span: the line breaks there."""
    x = np.asarray(days, dtype=float)
    y = np.asarray(values, dtype=float)
    if missing:
        cuts = [first.toordinal() for first, _after in missing]
        at = np.searchsorted(x, cuts)
        x = np.insert(x, at, cuts)
        y = np.insert(y, at, np.nan)
    return x, y


#: The x axis shows at least this many days (a range of one day would otherwise keep the
#: previous chart's width).
MIN_DAYS = 7


def set_days(chart: Chart, first: float, last: float, padding: float) -> None:
    """Show the days from `first` to `last` (ordinals), at least `MIN_DAYS` wide."""
    if last - first < MIN_DAYS:
        middle = (first + last) / 2
        first, last = middle - MIN_DAYS / 2, middle + MIN_DAYS / 2
    chart.item.setXRange(first, last, padding=padding)


def draw_followers(
    chart: Chart, data: list[series.Series], indexed: bool, start: dt.date, end: dt.date
) -> None:
    colours = account_colors([item.account for item in data])
    styles = account_styles([item.account for item in data])
    drawn: list[tuple[series.Series, tuple]] = []
    for item in data:
        label = series.account_label(item.account)
        if not len(item):
            chart.notes.append(
                _("{account}: no follower figures in this range").format(account=label)
            )
            continue
        values = item.indexed() if indexed else item.values
        if values is None:
            chart.notes.append(
                _("{account}: starts at 0 followers, so it cannot be indexed").format(account=label)
            )
            continue
        x, y = _with_breaks(item.days, values, item.missing)
        colour = colours[item.account.id]
        few = len(item) <= SYMBOLS_UP_TO
        chart.plot(
            x,
            y,
            label,
            pen=account_pen(
                item.account,
                colour,
                2.0 if len(item) <= SMOOTH_UP_TO else 1.0,
                styles[item.account.id],
            ),
            connect="finite",
            symbol="o" if few else None,
            symbolSize=6,
            symbolBrush=colour,
            symbolPen=colour,
            # Thousands of points (daily figures for years) are drawn per pixel column by
            # the downsampling: smoothing and thick lines cost more than they show.
            antialias=len(item) <= SMOOTH_UP_TO,
        )
        chart.shade_missing(item.missing)
        drawn.append((item, values))
    if not drawn:
        return
    chart.has_data = True
    if indexed:
        base = pg.InfiniteLine(pos=100, angle=0, movable=False, pen=pg.mkPen(MUTED, width=1))
        chart.item.addItem(base, ignoreBounds=True)
    set_days(chart, start.toordinal(), end.toordinal(), 0.02)
    chart.item.enableAutoRange(axis="y")
    chart.item.setAutoVisible(y=True)

    def hover(day: int) -> str:
        if not start.toordinal() <= day <= end.toordinal():
            return ""
        date = dt.date.fromordinal(day)
        lines = [f"<b>{fmt.date_long(date)}</b>"]
        for item, values in drawn:
            index = item.index_on(date)  # bisect: hovering reads it 30 times a second
            label = series.account_label(item.account)
            if index is None:
                lines.append(f"{label}: –")
                continue
            value = values[index]
            text = fmt.number(value, 1) if indexed else fmt.number(value)
            if item.days[index] != day:
                used = dt.date.fromordinal(item.days[index])
                text += " " + _("(on {date})").format(date=fmt.date_short(used))
            lines.append(f"{label}: {text}")
        return "<br>".join(lines)

    chart._hover = hover


def draw_growth(chart: Chart, bars: list[series.GrowthBar]) -> None:
    if not any(bar.growth is not None for bar in bars):
        chart.notes += [
            _("{account}: no follower figure at the start or the end").format(
                account=series.account_label(bar.account)
            )
            for bar in bars
        ]
        return
    colours = account_colors([bar.account for bar in bars])
    left = chart.item.getAxis("left")
    left.setTicks([[(i, series.account_label(bar.account)) for i, bar in enumerate(bars)]])
    values = [bar.growth.change if bar.growth else 0 for bar in bars]
    lowest, highest = min(0, *values), max(0, *values)
    span = (highest - lowest) or 1
    for i, bar in enumerate(bars):
        if bar.growth is None:
            chart.notes.append(
                _("{account}: no follower figure at the start or the end").format(
                    account=series.account_label(bar.account)
                )
            )
        elif bar.growth.start.fallback:
            chart.notes.append(
                _("{account}: no figure on or before the start; growth from {date}").format(
                    account=series.account_label(bar.account),
                    date=fmt.date_short(bar.growth.start.date_used),
                )
            )
        change = bar.growth.change if bar.growth else 0
        colour = colours[bar.account.id]
        if bar.growth is not None:
            chart.item.addItem(
                pg.BarGraphItem(
                    x0=[min(0, change)],
                    y=[i],
                    height=0.6,
                    width=[abs(change)],
                    brush=colour,
                    pen=pg.mkPen(colour.darker(120)),
                )
            )
        label_colour = MUTED if bar.growth is None else (UP_COLOR if change >= 0 else DOWN_COLOR)
        text = pg.TextItem(
            bar.label, color=label_colour, anchor=(0, 0.5) if change >= 0 else (1, 0.5)
        )
        gap = span * 0.01
        text.setPos(change + (gap if change >= 0 else -gap), i)
        chart.item.addItem(text)
    chart.has_data = True
    chart.item.vb.invertY(True)
    # room for the labels beside the bars
    chart.item.setXRange(
        lowest - span * (0.32 if lowest < 0 else 0.02), highest + span * 0.32, padding=0
    )
    chart.item.setYRange(-0.6, len(bars) - 0.4, padding=0)
    zero = pg.InfiniteLine(pos=0, angle=90, movable=False, pen=pg.mkPen(MUTED, width=1))
    chart.item.addItem(zero, ignoreBounds=True)


def _month_days(month: str | dt.date) -> tuple[int, int]:
    first = dt.date.fromisoformat(month) if isinstance(month, str) else month
    after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first.toordinal(), after.toordinal()


def _months_without_figures(shown: list[series.MonthlySeries]) -> list[tuple[dt.date, dt.date]]:
    """Spans of months in which no account shown has a figure although some account has
    figures before and after (a gap in the record, not months before an account began or
    after it ended); consecutive months merged into one span."""
    spans: list[tuple[dt.date, dt.date]] = []
    covered = []
    for item in shown:
        present = [m.month for m in item.months if not m.missing]
        if present:
            covered.append((present[0], present[-1]))
    for month in shown[0].months:  # every series has the same months
        key = month.month
        inside = [first <= key <= last for first, last in covered]
        if not any(inside):
            continue
        has_figure = any(not m.missing for item in shown for m in item.months if m.month == key)
        if has_figure:
            continue
        first, after = (dt.date.fromordinal(day) for day in _month_days(key))
        if spans and spans[-1][1] == first:
            spans[-1] = (spans[-1][0], after)
        else:
            spans.append((first, after))
    return spans


def draw_monthly(
    chart: Chart, data: list[series.MonthlySeries], start: dt.date, end: dt.date
) -> None:
    colours = account_colors([item.account for item in data])
    shown = [item for item in data if any(month.change is not None for month in item.months)]
    for item in data:
        if item not in shown:
            chart.notes.append(
                _("{account}: no two months in a row with figures").format(
                    account=series.account_label(item.account)
                )
            )
    if not shown:
        return
    n = len(shown)
    for k, item in enumerate(shown):
        x, heights = [], []
        for month in item.months:
            if month.change is None:
                continue
            first, after = _month_days(month.month)
            group = (after - first) * 0.8
            x.append(first + (after - first) * 0.1 + group * (k + 0.5) / n)
            heights.append(month.change)
        colour = colours[item.account.id]
        width = 30 * 0.8 / n
        bars = pg.BarGraphItem(
            x=x, height=heights, width=width, brush=colour, pen=pg.mkPen(colour.darker(120))
        )
        chart.item.addItem(bars)
        # A legend entry in the account's colour (bars have no legend sample of their own).
        sample = pg.PlotDataItem([], [], pen=account_pen(item.account, colour, 6))
        chart.add_to_legend(sample, series.account_label(item.account))
    chart.shade_missing(_months_without_figures(shown))
    chart.has_data = True
    zero = pg.InfiniteLine(pos=0, angle=0, movable=False, pen=pg.mkPen(MUTED, width=1))
    chart.item.addItem(zero, ignoreBounds=True)
    first_month = _month_days(shown[0].months[0].month)[0]
    last_month = _month_days(shown[0].months[-1].month)[1]
    set_days(chart, first_month, last_month, 0.01)
    chart.item.enableAutoRange(axis="y")

    def hover(day: int) -> str:
        date = dt.date.fromordinal(day)
        key = date.replace(day=1).isoformat()
        lines = []
        for item in shown:
            for month in item.months:
                if month.month == key:
                    if month.missing:
                        text = _("no data")
                    else:
                        text = (
                            series.growth_label(month.change, month.percent)
                            if month.change is not None
                            else "–"
                        )
                    lines.append(f"{series.account_label(item.account)}: {text}")
        if not lines:
            return ""
        return "<br>".join([f"<b>{fmt.month_year(date)}</b>", *lines])

    chart._hover = hover


def draw_engagement(
    chart: Chart, data: list[series.EngagementSeries], start: dt.date, end: dt.date
) -> None:
    colours = account_colors([item.account for item in data])
    shown = []
    any_below = False
    for item in data:
        if not any(month.rate is not None for month in item.months):
            chart.notes.append(
                _("{account}: no engagement rate in this range").format(
                    account=series.account_label(item.account)
                )
            )
            continue
        shown.append(item)
        colour = colours[item.account.id]
        x = [month.month.toordinal() + 14 for month in item.months]
        y = [month.rate * 100 if month.rate is not None else np.nan for month in item.months]
        chart.plot(
            x,
            y,
            series.account_label(item.account),
            pen=account_pen(item.account, colour),
            connect="finite",
            symbol="o",
            symbolSize=7,
            symbolBrush=colour,
            symbolPen=colour,
        )
        # Months under the benchmark: a red triangle over the point. (Per-point symbols on
        # the line itself would crash pyqtgraph's legend sample, which draws one symbol.)
        below = [(x[i], y[i]) for i, month in enumerate(item.months) if item.below(month)]
        if below:
            chart.item.addItem(
                pg.ScatterPlotItem(
                    [point[0] for point in below],
                    [point[1] for point in below],
                    symbol="t",
                    size=11,
                    brush=pg.mkBrush(BELOW_COLOR),
                    pen=pg.mkPen("white", width=1),
                )
            )
            any_below = True
    if not shown:
        return
    chart.has_data = True
    tops = [m.rate * 100 for item in shown for m in item.months if m.rate is not None]
    benchmarks: dict[tuple[float, bool], list[str]] = {}
    for item in shown:
        benchmarks.setdefault((item.benchmark.rate, item.comparable), []).append(
            accounts.platform_title(item.account.platform)
        )
    for (rate, comparable), names in benchmarks.items():
        label = _("benchmark {rate}").format(rate=fmt.percent(rate, 2))
        if not comparable:  # a rate by reach against ours by followers: shown, not compared
            label += " " + _("(counted another way)")
        if len(benchmarks) > 1:
            label += f" ({', '.join(dict.fromkeys(names))})"
        chart.item.addItem(_level_line(rate, MUTED, Qt.PenStyle.DashLine, label), ignoreBounds=True)
        tops.append(rate * 100)
    for item in shown:
        if item.target is not None:
            label = _("target {rate}").format(rate=fmt.percent(item.target, 2))
            if len(shown) > 1:
                label += f" · {series.account_label(item.account)}"
            colour = colours[item.account.id]
            chart.item.addItem(
                _level_line(item.target, colour, Qt.PenStyle.DotLine, label, right=True),
                ignoreBounds=True,
            )
            tops.append(item.target * 100)
    set_days(
        chart,
        shown[0].months[0].month.toordinal(),
        _month_days(shown[0].months[-1].month)[1],
        0.02,
    )
    chart.item.setYRange(0, max(tops) * 1.15 or 1, padding=0)
    if any_below:
        sample = pg.ScatterPlotItem(symbol="t", size=11, brush=pg.mkBrush(BELOW_COLOR), pen=None)
        chart.add_to_legend(sample, _("below the benchmark"))

    def hover(day: int) -> str:
        date = dt.date.fromordinal(day).replace(day=1)
        lines = []
        for item in shown:
            for month in item.months:
                if month.month == date:
                    text = month.figure.text
                    if item.below(month):
                        text += " " + _("(below the benchmark {rate})").format(
                            rate=item.benchmark.text
                        )
                    lines.append(f"{series.account_label(item.account)}: {text}")
        if not lines:
            return ""
        return "<br>".join([f"<b>{fmt.month_year(date)}</b>", *lines])

    chart._hover = hover


def _level_line(rate: float, colour, style, label: str, right: bool = False) -> pg.InfiniteLine:
    line = pg.InfiniteLine(
        pos=rate * 100,
        angle=0,
        movable=False,
        pen=pg.mkPen(colour, width=1.5, style=style),
        label=label,
        labelOpts={
            "position": 0.98 if right else 0.02,
            "color": colour if isinstance(colour, str) else colour.name(),
            "anchors": [(1, 1), (1, 1)] if right else [(0, 1), (0, 1)],
            "fill": pg.mkBrush(255, 255, 255, 200),
        },
    )
    return line


# --- offscreen -------------------------------------------------------------------------------


def offscreen_chart(
    spec: series.ChartSpec,
    data,
    size: tuple[int, int],
    title: bool = True,
    font_family: str | None = None,
) -> Chart:
    """A chart drawn at `size` without a visible window (the caller closes it). With
    `font_family`, every text of the chart is in it (a PDF then embeds only its own font,
    whatever the computer's interface font is)."""
    chart = Chart(spec.kind)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    if font_family:
        font = QFont(chart.font())
        font.setFamily(font_family)
        chart.setFont(font)
        chart.scene().setFont(font)
        for side in ("bottom", "left"):
            chart.item.getAxis(side).setStyle(tickFont=font)
    chart.resize(*size)
    draw(chart, spec, data)
    if title:
        chart.set_title(spec.title())
    chart.show()
    QApplication.processEvents()
    return chart


def render_image(
    db: Database,
    spec: series.ChartSpec,
    size: tuple[int, int],
    scale: float = 1.0,
    title: bool = True,
) -> QImage:
    """The chart of `spec` as an image `size` pixels large (× `scale`: a scale of 2 draws the
    same layout with twice the pixels, crisp in print), without showing a window."""
    chart = offscreen_chart(spec, series.chart_data(db, spec), size, title)
    try:
        width, height = round(size[0] * scale), round(size[1] * scale)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(QColor(BACKGROUND))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            target = QRectF(0, 0, size[0], size[1])
            chart.render(painter, target, chart.viewport().rect())
        finally:
            painter.end()
        image.setDevicePixelRatio(1.0)
        return image
    finally:
        chart.close()
        chart.deleteLater()


def paint_chart(
    painter: QPainter,
    target: QRectF,
    db: Database,
    spec: series.ChartSpec,
    layout_width: int = 900,
    title: bool = False,
    font_family: str | None = None,
) -> None:
    """Draw the chart of `spec` into `target` on any painter (a PDF page: lines and text stay
    vectors). The chart is laid out `layout_width` pixels wide with `target`'s proportions,
    then scaled to fit, so its text keeps its size relative to the chart."""
    height = max(100, round(layout_width * target.height() / max(1.0, target.width())))
    chart = offscreen_chart(
        spec, series.chart_data(db, spec), (layout_width, height), title, font_family
    )
    try:
        chart.render(painter, target, chart.viewport().rect())
    finally:
        chart.close()
        chart.deleteLater()


def save_image(
    db: Database, spec: series.ChartSpec, size: tuple[int, int], path: Path | str
) -> Path:
    """The chart of `spec` as a PNG file of `size` pixels (whole or not at all)."""
    image = render_image(db, spec, size)
    files.write_atomically(path, lambda partial: image.save(partial, "PNG"))
    return Path(path)


def save_svg(db: Database, spec: series.ChartSpec, size: tuple[int, int], path: Path | str) -> Path:
    """The chart of `spec` as an SVG file `size` large (vector lines and text), through Qt's
    SVG generator (pyqtgraph's own SVG exporter fails on Qt 6's path data)."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    chart = offscreen_chart(spec, series.chart_data(db, spec), size)

    def write(partial: str) -> bool:
        generator = QSvgGenerator()
        generator.setFileName(partial)
        generator.setSize(QSize(*size))
        generator.setViewBox(QRect(0, 0, *size))
        generator.setTitle(spec.title())
        painter = QPainter()
        if not painter.begin(generator):
            return False
        try:
            painter.fillRect(QRectF(0, 0, *size), QColor(BACKGROUND))
            chart.render(painter, QRectF(0, 0, *size), chart.viewport().rect())
        finally:
            painter.end()
        return _size_in_pixels(Path(partial), size)

    try:
        files.write_atomically(path, write)
        return Path(path)
    finally:
        chart.close()
        chart.deleteLater()


def _size_in_pixels(path: Path, size: tuple[int, int]) -> bool:
    """Qt writes the drawing's size in millimetres (at 72 dpi); slides and browsers should
    see the pixels asked for. False if the file is not Qt's SVG."""
    import re

    text = path.read_text(encoding="utf-8")
    text, found = re.subn(
        r'<svg width="[0-9.]+mm" height="[0-9.]+mm"',
        f'<svg width="{size[0]}" height="{size[1]}"',
        text,
        count=1,
    )
    path.write_text(text, encoding="utf-8")
    return bool(found)
