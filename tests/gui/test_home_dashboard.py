"""Beranda as the overview: account cards (icon, followers, change this month, sparkline) and
work cards (this week, waiting for review, overdue, security warnings) show core's figures,
and each card leads to its tab by mouse and keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from core import accounts, fmt, metrics, overview, security
from core.i18n import _
from gui.session import Session
from gui.sparkline import Sparkline
from gui.tabs.home import HomeTab

NOON = dt.datetime(2026, 11, 25, 12, 0)


@pytest.fixture
def home(qtbot):
    made = []

    def build(db, today=dt.date(2026, 11, 25)):
        tab = HomeTab(Session(db, today=today))
        qtbot.addWidget(tab)
        made.append(tab)
        return tab

    yield build
    import shiboken6

    for tab in made:
        if shiboken6.isValid(tab):
            shiboken6.delete(tab)


def card_for(tab, account_id: int):
    return next(card for card in tab.cards if card.account_id == account_id)


# --- figures equal core's ---------------------------------------------------------------------


def test_account_cards_show_cores_figures(window, demo_today):
    home = window.page(0)
    summaries = overview.account_summaries(window.session.db, demo_today)
    assert [card.account_id for card in home.cards] == [s.account.id for s in summaries]
    for card, summary in zip(home.cards, summaries, strict=True):
        assert card.figure.text() == fmt.number(summary.followers)
        assert card.sparkline.values == summary.sparkline
        assert not card.icon.pixmap().isNull()
        month, year = summary.month_growth, summary.year_growth
        detail = card.detail.text()
        assert f"{fmt.signed(month.change)} ({fmt.signed_percent(month.percent, 1)})" in detail
        assert fmt.date_short(month.start.date_used) in detail  # the date actually used
        assert f"{fmt.signed(year.change)} ({fmt.signed_percent(year.percent, 1)})" in detail
    ig = next(c for c in home.cards if c._caption == "Instagram · @bmsn_ri")
    # The demo records on the 1st: this month's change runs from 1 October's figure.
    assert "+528 (+0,3%)" in ig.detail.text() and "1 Okt 2026" in ig.detail.text()
    assert ig.figure.text() == "163.112"


def test_work_cards_show_cores_counts(window, demo_today):
    home = window.page(0)
    db = window.session.db
    week = overview.week_counts(db, demo_today)
    cards = home.work_cards
    assert cards["week"].figure.text() == fmt.number(week.planned) == "16"
    assert "2 " in cards["week"].detail.text()  # published
    assert cards["waiting"].figure.text() == fmt.number(overview.waiting(db).count) == "12"
    assert cards["overdue"].figure.text() == fmt.number(overview.overdue(db, NOON).count) == "8"
    assert cards["overdue"].figure.property("level")  # coloured as a warning
    warned = overview.security_warnings(db, demo_today)
    assert cards["security"].figure.text() == fmt.number(warned.count) == "4"
    assert cards["security"].detail.text().startswith("1 ")  # red first
    assert all(card.isVisibleTo(home) for card in cards.values())


def test_zero_is_shown_plainly(home, db):
    accounts.create(db, "instagram", "humas", "Humas")
    tab = home(db)
    for name in ("week", "waiting", "overdue"):
        card = tab.work_cards[name]
        assert card.isVisibleTo(tab) and card.figure.text() == "0"
        assert card.figure.property("level") == ""
    secure = tab.work_cards["security"]
    assert secure.isVisibleTo(tab) and secure.figure.text() == "0"
    assert "1" in secure.detail.text()  # one account not checked yet


def test_a_checklist_change_reaches_the_security_card(home, db):
    from gui.signals import notify

    account_id = accounts.create(db, "instagram", "humas", "Humas").id
    tab = home(db)
    assert tab.work_cards["security"].figure.text() == "0"
    security.save(db, security.Checklist(account_id, two_factor=False), dt.date(2026, 11, 25))
    notify("accounts", ids={account_id})  # what the checklist's Save sends
    assert tab.work_cards["security"].figure.text() == "1"
    assert tab.work_cards["security"].figure.property("level")


# --- empty states -----------------------------------------------------------------------------


def test_cards_without_figures_say_what_to_do(home, db):
    empty = accounts.create(db, "instagram", "kosong", "Kosong").id
    one = accounts.create(db, "x", "satu", "Satu").id
    zero = accounts.create(db, "facebook", "nol", "Nol").id
    metrics.upsert_snapshots(
        db,
        [{"account_id": one, "date": "2026-11-03", "followers": 1200}]
        + [{"account_id": zero, "date": f"2026-{m:02d}-28", "followers": 0} for m in (9, 10)],
    )
    tab = home(db)
    card = card_for(tab, empty)
    assert card.figure.text() == "–"
    assert _("No follower figures yet") in card.detail.text()
    assert card.sparkline.values == [None] * 12
    card = card_for(tab, one)
    assert card.figure.text() == "1.200"
    assert "3 Nov 2026" in card.detail.text()
    assert "+" not in card.detail.text()  # nothing to compare with yet
    assert card.sparkline.values == [None] * 11 + [1200]
    card = card_for(tab, zero)
    assert card.figure.text() == "0"
    assert card.sparkline.values[-3:] == [0, 0, None]
    for card in tab.cards:  # each draws something
        assert not card.sparkline.grab().isNull()


def test_no_accounts_of_our_own(home, db):
    accounts.create(db, "instagram", "pesaing", "Pesaing", peer=True)
    tab = home(db)
    assert tab.stack.currentIndex() == 0
    assert tab.cards == []
    assert tab.cards_empty.isVisibleTo(tab) and not tab.cards_area.isVisibleTo(tab)
    assert not tab.work_cards["security"].isVisibleTo(tab)  # peers have no checklist


# --- each card leads to its tab ---------------------------------------------------------------


def test_an_account_card_opens_growth_for_that_account(window, qtbot, monkeypatch):
    home, growth = window.page(0), window.page(3)
    shown = []
    monkeypatch.setattr(growth, "show_accounts", shown.append, raising=False)
    card = home.cards[2]
    assert card.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert "Pertumbuhan" in card.toolTip()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_page().tab_id == "pertumbuhan"
    assert shown == [[card.account_id]]


def test_cards_work_from_the_keyboard(window, qtbot, monkeypatch):
    home, growth = window.page(0), window.page(3)
    shown = []
    monkeypatch.setattr(growth, "show_accounts", shown.append, raising=False)
    card = home.cards[0]
    assert card.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.current_page().tab_id == "pertumbuhan"
    window.show_tab("beranda")
    qtbot.keyClick(home.cards[1], Qt.Key.Key_Space)
    assert shown == [[home.cards[0].account_id], [home.cards[1].account_id]]
    window.show_tab("beranda")
    qtbot.keyClick(home.work_cards["week"], Qt.Key.Key_Enter)
    assert window.current_page().tab_id == "kalender"


def test_growth_without_show_accounts_still_opens(window, qtbot):
    """Until the growth tab can select accounts, the card still leads there."""
    home = window.page(0)
    qtbot.mouseClick(home.cards[0], Qt.MouseButton.LeftButton)
    assert window.current_page().tab_id == "pertumbuhan"


def test_posts_this_week_opens_the_calendars_week(window, qtbot, demo_today):
    home = window.page(0)
    qtbot.mouseClick(home.work_cards["week"], Qt.MouseButton.LeftButton)
    calendar = window.current_page()
    assert calendar.tab_id == "kalender"
    assert calendar.view == "week" and calendar.anchor == demo_today
    assert calendar.filter_bar.filters().is_empty()
    # The week's chips are the card's count (cancelled ones aside).
    shown = [e for e in calendar.week_model.all_entries() if e.status != "cancelled"]
    assert len(shown) == int(home.work_cards["week"].figure.text())


def test_waiting_opens_the_list_of_posts_in_review(window, qtbot):
    home = window.page(0)
    calendar = window.page(1)
    calendar.filter_bar.search.setText("helm")  # left over from earlier: cleared
    qtbot.mouseClick(home.work_cards["waiting"], Qt.MouseButton.LeftButton)
    assert window.current_page() is calendar and calendar.view == "list"
    assert calendar.filter_bar.filters().statuses == {"review"}
    assert calendar.filter_bar.search.text() == ""
    rows = calendar.list_model.rows
    assert rows and {row.status for row in rows} == {"review"}
    assert calendar.anchor == overview.waiting(window.session.db).first_day


def test_overdue_opens_the_list_filtered_to_their_statuses(window, qtbot):
    home = window.page(0)
    qtbot.mouseClick(home.work_cards["overdue"], Qt.MouseButton.LeftButton)
    calendar = window.current_page()
    assert calendar.tab_id == "kalender" and calendar.view == "list"
    assert calendar.filter_bar.filters().statuses == {"approved", "review"}
    box = calendar.filter_bar.boxes["status"]
    assert "Disetujui" in box.currentText() and "Ditinjau" in box.currentText()
    late = [row for row in calendar.list_model.rows if row.at < NOON.astimezone(row.at.tzinfo)]
    assert len(late) == int(home.work_cards["overdue"].figure.text())
    # Clearing the filters gives the whole month back.
    calendar.filter_bar.clear()
    assert calendar.filter_bar.filters().is_empty()


def test_security_opens_accounts_at_the_worst_account(window, qtbot, demo_today):
    home = window.page(0)
    qtbot.mouseClick(home.work_cards["security"], Qt.MouseButton.LeftButton)
    tab = window.current_page()
    assert tab.tab_id == "akun"
    worst = overview.security_warnings(window.session.db, demo_today).accounts[0]
    assert worst.status == "red"
    assert tab.selected_account().id == worst.account_id


# --- the sparkline ----------------------------------------------------------------------------


def painted(values, color="#ff0000") -> QImage:
    size = QSize(121, 30)
    line = Sparkline()
    line.resize(size)
    line.set_values(values, color)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    line.render(image)
    return image


def coloured_columns(image: QImage) -> set[int]:
    """The x of every column with a reddish pixel (the line's colour, antialiased)."""
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            if pixel.red() > 150 and pixel.green() < 120 and pixel.blue() < 120:
                found.add(x)
                break
    return found


def test_sparkline_draws_a_line_across_its_values(qtbot):
    columns = coloured_columns(painted([1, 3, 2, 5, 4]))
    assert min(columns) <= 5 and max(columns) >= 115
    assert len(columns) > 100  # a line, not dots


def test_sparkline_breaks_at_a_gap(qtbot):
    # Five slots 0, 30, 60, 90, 120 px (plus a 3 px margin): slot 2 is missing.
    columns = coloured_columns(painted([1, 2, None, 4, 5]))
    assert columns & set(range(10, 30)) and columns & set(range(95, 115))
    assert not columns & set(range(40, 85))  # never drawn across the missing month


def test_sparkline_single_values_are_dots(qtbot):
    columns = coloured_columns(painted([None, None, 7, None, None]))
    assert columns and max(columns) - min(columns) <= 6
    line = Sparkline()
    line.resize(121, 30)
    line.set_values([7])
    (point,) = line.points()
    assert point.x() == pytest.approx(60.5)


def test_sparkline_all_equal_is_flat(qtbot):
    line = Sparkline()
    line.resize(121, 30)
    line.set_values([0, 0, 0, 0])
    ys = {point.y() for point in line.points()}
    assert ys == {15.0}
    assert len(coloured_columns(painted([0, 0, 0, 0]))) > 100


def test_sparkline_without_values(qtbot):
    for values in ([], [None] * 12):
        image = painted(values)
        assert not coloured_columns(image)  # nothing in the line's colour…
        grey = {image.pixelColor(x, 15).name() for x in range(5, 115)}
        assert grey != {"#ffffff"}  # …but a faint dotted line says "no figures"
