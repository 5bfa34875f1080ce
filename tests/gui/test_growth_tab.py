"""The Pertumbuhan tab: one line per ticked account, indexed lines starting at 100, growth bars
with their labels, the benchmark line, months without data shaded and the line broken, the
empty states, and exports of the requested size."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QGuiApplication, QImage

from core import accounts, figures, metrics, series
from gui.charts import plot
from gui.session import Session
from gui.tabs.growth import GrowthTab


@pytest.fixture
def growth(qtbot):
    made = []

    def build(db, today):
        tab = GrowthTab(Session(db, today=today))
        qtbot.addWidget(tab)
        tab.resize(1100, 700)
        tab.show()
        made.append(tab)
        return tab

    yield build
    import shiboken6

    for tab in made:
        if shiboken6.isValid(tab):
            shiboken6.delete(tab)


def own(db):
    return [a for a in accounts.list_all(db) if not a.peer and not a.archived]


def curves(tab):
    return [c for c in tab.current_chart().curves() if len(c.xData)]


def test_our_accounts_are_drawn_one_line_each(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    assert tab.kind == "followers"
    assert set(tab.model.checked_ids()) == {a.id for a in own(demo_db)}
    assert len(curves(tab)) == len(own(demo_db))
    names = [label.text for _sample, label in tab.current_chart().legend.items]
    assert any("Instagram @bmsn_ri" in name for name in names)


def test_last_point_is_the_stored_figure(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    insta = next(a for a in own(demo_db) if a.platform == "instagram")
    tab.show_accounts([insta.id])
    (curve,) = curves(tab)
    latest = figures.value_at(demo_db, insta.id, demo_today)
    assert curve.yData[-1] == latest.value
    assert curve.xData[-1] == dt.date.fromisoformat(latest.date_used).toordinal()


def test_show_accounts_ticks_exactly_those(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    first = own(demo_db)[0]
    tab.show_kind("growth")
    tab.show_accounts([first.id])
    assert tab.model.checked_ids() == (first.id,)
    assert tab.kind == "growth"  # a chart of accounts keeps its kind
    assert len(tab.current_chart().bars()) == 1


def test_indexed_lines_start_at_100(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.indexed_box.setChecked(True)
    for curve in curves(tab):
        start = curve.yData[~np.isnan(curve.yData)][0]
        # the first point in range against the value at the range's start
        assert 99 <= start <= 110
    assert "diindeks" in tab.title.text()


def test_growth_bars_carry_change_and_percent(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("ytd"))
    tab.show_kind("growth")
    chart = tab.current_chart()
    labels = [item.toPlainText() for item in chart.item.items if isinstance(item, pg.TextItem)]
    expected = [
        bar.label
        for bar in series.growth_bars(
            demo_db, tab.model.checked_ids(), dt.date(demo_today.year, 1, 1), demo_today
        )
    ]
    assert labels == expected
    assert all(label.startswith(("+", "−", "±")) and "%" in label for label in labels)
    assert tab.title.text().startswith("Pertumbuhan sejak 1 Jan")


def test_engagement_chart_has_the_benchmark_line(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.show_kind("engagement")
    chart = tab.current_chart()
    lines = [i for i in chart.item.items if isinstance(i, pg.InfiniteLine) and i.label]
    texts = [line.label.toPlainText() for line in lines]
    assert "acuan 2,15%" in texts
    assert any(text.startswith("target ") for text in texts)
    assert "▼" in tab.note.text()


def test_range_change_redraws_only_the_range(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("3m"))
    start = dt.date(2026, 8, 25).toordinal()
    for curve in curves(tab):
        assert curve.xData.min() >= start
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("all"))
    assert min(curve.xData.min() for curve in curves(tab)) == dt.date(2019, 1, 1).toordinal()


def test_custom_range_uses_the_two_dates(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("custom"))
    assert tab.start_edit.isVisible() and tab.end_edit.isVisible()
    tab.start_edit.setDate(dt.date(2019, 1, 1))
    tab.end_edit.setDate(dt.date(2019, 8, 31))
    assert tab.current_range() == (dt.date(2019, 1, 1), dt.date(2019, 8, 31))
    assert tab.title.text().endswith("1 Jan 2019 – 31 Agu 2019")


def test_a_missing_month_breaks_the_line_and_is_shaded(growth, demo_db, demo_today):
    account = own(demo_db)[0]
    metrics.delete_snapshot(demo_db, account.id, "2026-06-01")
    tab = growth(demo_db, demo_today)
    tab.show_accounts([account.id])
    (curve,) = curves(tab)
    assert np.isnan(curve.yData).sum() == 1  # one break, nothing interpolated
    regions = [i for i in tab.current_chart().item.items if isinstance(i, pg.LinearRegionItem)]
    assert [tuple(r.getRegion()) for r in regions] == [
        (dt.date(2026, 6, 1).toordinal(), dt.date(2026, 7, 1).toordinal())
    ]
    assert "Pita abu-abu" in tab.note.text()


def test_hover_shows_the_date_and_indonesian_numbers(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    insta = next(a for a in own(demo_db) if a.platform == "instagram")
    tab.show_accounts([insta.id])
    day = dt.date(2026, 11, 10)
    value = figures.value_at(demo_db, insta.id, day)
    text = tab.current_chart().hover_text(day.toordinal())
    assert "10 November 2026" in text
    assert f"{value.value:,}".replace(",", ".") in text
    assert "(pada 1 Nov 2026)" in text


def test_nothing_ticked_says_what_to_do(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.none_button.click()
    assert tab.chart_stack.currentWidget() is tab.chart_empty
    assert tab.chart_empty.title.text() == "Belum ada akun yang dicentang"
    tab.chart_empty.button.click()
    assert tab.chart_stack.currentWidget() is tab.current_chart()


def test_accounts_without_figures_say_how_to_get_them(growth, db):
    accounts.create(db, "instagram", "baru", "Akun baru")
    tab = growth(db, dt.date(2026, 11, 25))
    assert tab.stack.currentIndex() == 0
    assert tab.chart_stack.currentWidget() is tab.chart_empty
    assert "Belum ada data pengikut" in tab.chart_empty.body.text()
    for kind in series.KIND_NAMES:  # every chart, never an exception
        tab.show_kind(kind)


def test_one_point_and_all_zero_followers_still_draw(growth, db):
    one = accounts.create(db, "instagram", "satu", "Satu titik")
    zero = accounts.create(db, "x", "nol", "Nol")
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": one.id, "date": "2026-11-01", "followers": 120},
            {"account_id": zero.id, "date": "2026-10-01", "followers": 0},
            {"account_id": zero.id, "date": "2026-11-01", "followers": 0},
        ],
    )
    tab = growth(db, dt.date(2026, 11, 25))
    assert len(curves(tab)) == 2
    tab.indexed_box.setChecked(True)
    assert len(curves(tab)) == 1  # 0 cannot be indexed, and the note says so
    assert "tidak bisa diindeks" in tab.note.text()


def test_no_accounts_shows_the_getting_started_page(growth, db):
    tab = growth(db, dt.date(2026, 11, 25))
    assert tab.stack.currentIndex() == 1
    assert tab.empty.title.text() == "Belum ada akun"


def test_peers_compare_one_platform_indexed(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.show_kind("peers")
    platform = tab.platform_box.currentData()
    expected = series.peer_accounts(demo_db, platform)
    lines = curves(tab)
    assert len(lines) == len(expected) and any(a.peer for a in expected)
    dashed = [c for c in lines if c.opts["pen"].style() == pg.QtCore.Qt.PenStyle.DashLine]
    assert len(dashed) == sum(a.peer for a in expected)
    assert not tab.account_list.isEnabled()


def test_save_png_and_svg_at_the_chosen_size(growth, demo_db, demo_today, tmp_path):
    tab = growth(demo_db, demo_today)
    png = tab.save_chart(tmp_path / "chart.png", (1280, 720))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 720)
    svg = tab.save_chart(tmp_path / "chart.svg", (1920, 1080))
    root = ET.parse(svg).getroot()
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    assert "Pengikut" in ET.tostring(root, encoding="unicode")
    assert not list(tmp_path.glob(".*.partial"))


def test_a_failed_save_leaves_nothing_and_says_why(
    growth, demo_db, demo_today, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    tab = growth(demo_db, demo_today)
    assert tab.save_chart(tmp_path / "no-such-folder" / "chart.png", (640, 360)) is None
    assert shown and "no-such-folder" in shown[0]
    assert not (tmp_path / "no-such-folder").exists()


def test_copy_puts_the_chart_on_the_clipboard(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    assert tab.copy_chart()
    image = QGuiApplication.clipboard().image()
    chart = tab.current_chart()
    assert (image.width(), image.height()) == (chart.width(), chart.height())


def test_offscreen_render_at_twice_the_pixels(demo_db, demo_today, qtbot):
    ids = tuple(a.id for a in own(demo_db))
    spec = series.ChartSpec("followers", ids, dt.date(2026, 1, 1), demo_today)
    image = plot.render_image(demo_db, spec, (600, 400), scale=2)
    assert (image.width(), image.height()) == (1200, 800)
    # not blank: the lines' colours are in it
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20


def test_new_snapshots_redraw_the_chart(growth, demo_db, demo_today):
    from gui.signals import notify

    tab = growth(demo_db, demo_today)
    account = own(demo_db)[0]
    tab.show_accounts([account.id])
    metrics.upsert_snapshots(
        demo_db, [{"account_id": account.id, "date": "2026-11-20", "followers": 99999}]
    )
    notify("snapshots", ids={account.id})
    (curve,) = curves(tab)
    assert curve.yData[-1] == 99999


def test_year_to_date_lines_start_at_exactly_100(growth, demo_db, demo_today):
    """The demo records on the 1st: the base is the 1 January figure itself."""
    tab = growth(demo_db, demo_today)
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("ytd"))
    tab.indexed_box.setChecked(True)
    for curve in curves(tab):
        assert curve.yData[0] == 100.0


def test_custom_dates_come_back_with_the_tab(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("custom"))
    tab.start_edit.setDate(dt.date(2019, 1, 1))
    tab.end_edit.setDate(dt.date(2019, 8, 31))
    again = growth(demo_db, demo_today)
    assert again.current_range() == (dt.date(2019, 1, 1), dt.date(2019, 8, 31))


def test_eight_accounts_on_one_platform_are_all_visible(db):
    items = [accounts.create(db, "instagram", f"unit_{n}", f"Unit {n}") for n in range(9)]
    colours = plot.account_colors(items)
    names = {colour.name() for colour in colours.values()}
    assert len(names) >= 8
    assert all(colour.lightness() < 235 for colour in colours.values())  # never white
    styles = plot.account_styles(items)
    assert styles[items[8].id] != styles[items[0].id]  # shades repeat: the line differs


def test_each_key_of_the_tab_has_one_owner(growth, demo_db, demo_today):
    """Two owners of one key (a QShortcut and an action) make Qt run neither."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    tab = growth(demo_db, demo_today)
    keys = [s.key().toString() for s in tab.findChildren(QShortcut)]
    keys += [
        a.shortcut().toString() for a in tab.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys))
    assert tab.act_copy in tab.actions()  # the copy key works wherever the focus is in the tab
    assert tab.act_copy.shortcut() == QKeySequence("Ctrl+Shift+C")


def test_monthly_chart_shades_only_gaps_in_the_record(growth, db):
    old = accounts.create(db, "instagram", "lama", "Lama")
    new = accounts.create(db, "tiktok", "baru", "Baru")
    rows = [
        {"account_id": old.id, "date": f"2026-{m:02d}-01", "followers": 100 * m}
        for m in range(1, 12)
        if m != 6  # June missing
    ]
    rows += [
        {"account_id": new.id, "date": f"2026-{m:02d}-01", "followers": 10 * m} for m in (9, 10, 11)
    ]
    metrics.upsert_snapshots(db, rows)
    tab = growth(db, dt.date(2026, 11, 25))
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("ytd"))
    tab.show_kind("monthly")
    regions = [i for i in tab.current_chart().item.items if isinstance(i, pg.LinearRegionItem)]
    assert [tuple(r.getRegion()) for r in regions] == [
        (dt.date(2026, 6, 1).toordinal(), dt.date(2026, 7, 1).toordinal())
    ]
    assert "Pita abu-abu" in tab.note.text()


def test_a_one_day_range_still_shows_a_week(growth, demo_db, demo_today):
    tab = growth(demo_db, demo_today)
    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("custom"))
    tab.start_edit.setDate(dt.date(2026, 11, 1))
    tab.end_edit.setDate(dt.date(2026, 11, 1))
    low, high = tab.current_chart().item.vb.viewRange()[0]
    assert 7 <= high - low <= 9


def test_no_growth_at_all_draws_only_the_message(demo_db, demo_today, qtbot):
    ids = tuple(a.id for a in own(demo_db))
    spec = series.ChartSpec("growth", ids, dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    chart = plot.offscreen_chart(spec, series.chart_data(demo_db, spec), (600, 400))
    texts = [i.toPlainText() for i in chart.item.items if isinstance(i, pg.TextItem)]
    assert texts == ["Belum ada data pengikut — impor atau isi metrik"]
    chart.close()
