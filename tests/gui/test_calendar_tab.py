"""The Kalender tab: the month grid, the week slots, the list (with the posts published
outside the plan), filters, moving chips, undo."""

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from core import accounts, metrics, planning, posts, settings, timezone
from core.i18n import _
from gui.calendar.grid_view import FILE_MIME, VARIANT_MIME
from gui.calendar.models import (
    DAY_ROLE,
    ENTRIES_ROLE,
    OUTSIDE_ROLE,
    EntryListModel,
    MonthModel,
    WeekModel,
)
from gui.calendar.outside import OutsideEntry, OutsidePostDialog
from gui.signals import notify

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def plan(db):
    """Two accounts and four posts in November 2026: a draft, a scheduled, a published post
    and an idea for the other account."""
    ig = accounts.create(db, "instagram", "humas_ig", "Humas")
    fb = accounts.create(db, "facebook", "humas_fb", "Humas")

    def variant(title, account, status, when, **post_fields):
        post = posts.create(db, title, **post_fields)
        published = when if status == "published" else None
        return posts.add_variant(db, post.id, account.id, "teks", status, when, published)

    return {
        "ig": ig,
        "fb": fb,
        "draft": variant("Draf hari pahlawan", ig, "draft", "2026-11-10T09:30:00"),
        "scheduled": variant("Kuis Jumat", ig, "scheduled", "2026-11-20T15:00:00"),
        "published": variant("Infografis terbit", fb, "published", "2026-11-03T10:00:00"),
        "idea": variant("Ide kampanye", fb, "idea", "2026-11-10T14:00:00", campaign="Mutu"),
    }


def _tab(qtbot, db):
    from gui.mainwindow import MainWindow
    from gui.session import Session

    window = MainWindow(Session(db, today=TODAY))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_tab("kalender")
    tab = window.current_page()
    qtbot.waitUntil(tab.is_shown)
    return tab


def _titles_on(model, day):
    index = model.index_of_day(day)
    return [entry.title for entry in index.data(ENTRIES_ROLE)]


# -- the month grid ----------------------------------------------------------------------


def test_a_month_starting_on_sunday_is_six_whole_weeks_from_monday(db):
    model = MonthModel(db)
    model.show_month(2026, 11)  # 1 November 2026 is a Sunday
    first = model.index(0, 0)
    assert first.data(DAY_ROLE) == dt.date(2026, 10, 26)  # a Monday
    assert first.data(OUTSIDE_ROLE)
    assert model.index(0, 6).data(DAY_ROLE) == dt.date(2026, 11, 1)
    assert not model.index(0, 6).data(OUTSIDE_ROLE)
    assert (model.rowCount(), model.columnCount()) == (6, 7)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Sen"


def test_february_of_a_leap_year_shows_its_29th(db):
    model = MonthModel(db)
    model.show_month(2028, 2)
    days = [model.index(r, c).data(DAY_ROLE) for r in range(6) for c in range(7)]
    assert days[0] == dt.date(2028, 1, 31)
    assert dt.date(2028, 2, 29) in days
    inside = [d for d in days if not model.index_of_day(d).data(OUTSIDE_ROLE)]
    assert len(inside) == 29
    assert all(d.weekday() == i % 7 for i, d in enumerate(days))


def test_month_model_passes_the_model_tester(db, plan, qtmodeltester):
    model = MonthModel(db)
    model.show_month(2026, 11)
    qtmodeltester.check(model)


def test_chips_sit_on_their_day_by_time(db, plan):
    model = MonthModel(db)
    model.show_month(2026, 11)
    assert _titles_on(model, dt.date(2026, 11, 10)) == ["Draf hari pahlawan", "Ide kampanye"]
    assert _titles_on(model, dt.date(2026, 11, 20)) == ["Kuis Jumat"]


def test_a_wita_institution_sees_a_late_wib_time_on_the_next_day(db, plan):
    settings.set(db, "institution.timezone", "Asia/Makassar")
    wib = timezone.zone("Asia/Jakarta")
    post = posts.create(db, "Siaran malam")
    posts.add_variant(
        db, post.id, plan["ig"].id, "", "draft", dt.datetime(2026, 11, 25, 23, 30, tzinfo=wib)
    )
    model = MonthModel(db)
    model.show_month(2026, 11)
    assert "Siaran malam" in _titles_on(model, dt.date(2026, 11, 26))  # 00.30 WITA
    assert "Siaran malam" not in _titles_on(model, dt.date(2026, 11, 25))


def test_the_week_puts_a_chip_in_its_hour(db, plan):
    model = WeekModel(db)
    model.show_week(dt.date(2026, 11, 12))
    titles = model.entries_on(9 - 6, 1)  # 09:00 on Tuesday 10 November
    assert [e.title for e in titles] == ["Draf hari pahlawan"]
    assert [e.title for e in model.entries_on(14 - 6, 1)] == ["Ide kampanye"]


def test_a_crowded_day_shows_what_fits_and_how_many_more(qtbot, db, plan):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont

    from gui.calendar.grid_view import ChipLayout

    model = MonthModel(db)
    model.show_month(2026, 11)
    many = model.all_entries() * 3  # twelve chips
    layout = ChipLayout(QRect(0, 0, 150, 100), many, True, QFont())
    assert 0 < len(layout.chips) < 12
    assert layout.hidden == 12 - len(layout.chips)
    assert layout.more_rect.bottom() <= 100
    roomy = ChipLayout(QRect(0, 0, 150, 1000), many, True, QFont())
    assert (len(roomy.chips), roomy.hidden) == (12, 0)


# -- the tab --------------------------------------------------------------------------------


def test_filters_narrow_what_every_view_shows(qtbot, db, plan):
    tab = _tab(qtbot, db)
    assert len(tab.month_model.all_entries()) == 4
    box = tab.filter_bar.boxes["status"]
    box.setCurrentIndex(box.findData("draft"))
    assert [e.title for e in tab.month_model.all_entries()] == ["Draf hari pahlawan"]
    assert tab.filter_bar.clear_button.isEnabled()

    tab.filter_bar.clear()
    tab.filter_bar.search.setText("kuis")
    assert [e.title for e in tab.month_model.all_entries()] == ["Kuis Jumat"]

    tab.show_view("list")
    assert [e.title for e in tab.list_model.rows] == ["Kuis Jumat"]
    tab.filter_bar.search.setText("tidak ada yang cocok")
    assert tab.list_page.currentWidget() is tab.list_empty
    assert "filter" in tab.list_empty.text()


def test_a_file_without_accounts_shows_how_to_start(qtbot, db):
    tab = _tab(qtbot, db)
    assert tab.stack.currentWidget() is tab.empty


def test_navigation_moves_by_month_and_by_week(qtbot, db, plan):
    tab = _tab(qtbot, db)
    assert tab.title.text() == "November 2026"
    tab.step(1)
    assert tab.title.text() == "Desember 2026"
    assert tab.month_model.index(0, 0).data(DAY_ROLE) == dt.date(2026, 11, 30)
    tab.go_today()
    tab.show_view("week")
    assert tab.title.text() == "23–29 November 2026"
    tab.step(1)
    assert tab.title.text() == "30 November – 6 Desember 2026"


def test_the_view_last_chosen_comes_back_and_home_goes_to_today(qtbot, db, plan):
    tab = _tab(qtbot, db)
    tab.show_view("week")
    tab.step(-3)
    tab.week_view.setFocus()
    qtbot.keyClick(tab.week_view, Qt.Key.Key_Home)
    assert tab.title.text() == "23–29 November 2026"
    again = type(tab)(tab.session)  # the tab made anew, as when the file is opened next time
    qtbot.addWidget(again)
    assert again.view == "week"
    assert again.views.currentWidget() is again.week_view


def _drop(view, variant_id, index, path=None):
    mime = QMimeData()
    mime.setData(VARIANT_MIME, str(variant_id).encode())
    mime.setData(FILE_MIME, str(path or view.model().db.path).encode())
    center = view.visualRect(index).center()
    event = QDropEvent(
        QPointF(center),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def test_dropping_a_chip_on_another_day_moves_it_and_undo_moves_it_back(qtbot, db, plan):
    tab = _tab(qtbot, db)
    draft = plan["draft"]
    target = tab.month_model.index_of_day(dt.date(2026, 11, 12))
    _drop(tab.month_view, draft.id, target)

    assert posts.get_variant(db, draft.id).planned_at == "2026-11-12T09:30:00+07:00"
    assert "Draf hari pahlawan" in _titles_on(tab.month_model, dt.date(2026, 11, 12))
    assert "Draf hari pahlawan" not in _titles_on(tab.month_model, dt.date(2026, 11, 10))

    tab.window().undo_stack.undo()
    assert posts.get_variant(db, draft.id).planned_at == "2026-11-10T09:30:00+07:00"
    assert "Draf hari pahlawan" in _titles_on(tab.month_model, dt.date(2026, 11, 10))
    assert "Draf hari pahlawan" not in _titles_on(tab.month_model, dt.date(2026, 11, 12))


def test_dropping_in_a_week_slot_takes_its_hour(qtbot, db, plan):
    tab = _tab(qtbot, db)
    tab.go_to(dt.date(2026, 11, 10))
    tab.show_view("week")
    slot = tab.week_model.index(16 - 6, 3)  # Thursday 12 November, 16:00
    _drop(tab.week_view, plan["draft"].id, slot)
    assert posts.get_variant(db, plan["draft"].id).planned_at == "2026-11-12T16:30:00+07:00"
    assert [e.title for e in tab.week_model.entries_on(16 - 6, 3)] == ["Draf hari pahlawan"]


def test_a_published_chip_stays_where_it_is(qtbot, db, plan):
    tab = _tab(qtbot, db)
    published = plan["published"]
    _drop(tab.month_view, published.id, tab.month_model.index_of_day(dt.date(2026, 11, 4)))
    assert posts.get_variant(db, published.id).published_at == "2026-11-03T10:00:00+07:00"
    assert "Infografis terbit" in _titles_on(tab.month_model, dt.date(2026, 11, 3))
    assert "terbit" in tab.window().statusBar().currentMessage()  # why, in its words
    assert tab.window().undo_stack.count() == 0


def test_a_change_with_ids_repaints_only_that_variants_days(qtbot, db, plan):
    tab = _tab(qtbot, db)
    changed = []
    tab.month_model.dataChanged.connect(lambda top, _bottom: changed.append(top.data(DAY_ROLE)))
    resets = []
    tab.month_model.modelReset.connect(lambda: resets.append(True))

    posts.update_variant(db, plan["scheduled"].id, planned_at="2026-11-21T15:00:00")
    notify("posts", ids={plan["scheduled"].id})

    assert sorted(changed) == [dt.date(2026, 11, 20), dt.date(2026, 11, 21)]
    assert not resets
    assert _titles_on(tab.month_model, dt.date(2026, 11, 21)) == ["Kuis Jumat"]
    assert _titles_on(tab.month_model, dt.date(2026, 11, 20)) == []


def test_read_only_refuses_to_move(qtbot, db, plan, monkeypatch):
    tab = _tab(qtbot, db)
    monkeypatch.setattr(type(tab.session), "read_only", property(lambda self: True))
    assert not tab.reschedule(plan["draft"].id, dt.date(2026, 11, 11))
    assert posts.get_variant(db, plan["draft"].id).planned_at.startswith("2026-11-10")


def test_duplicate_adds_a_copy_and_undo_removes_it(qtbot, db, plan):
    tab = _tab(qtbot, db)
    tab.month_view.select_variant(plan["scheduled"].id)
    tab.duplicate_selected()
    assert _titles_on(tab.month_model, dt.date(2026, 11, 20)) == ["Kuis Jumat", "Kuis Jumat"]
    tab.window().undo_stack.undo()
    assert _titles_on(tab.month_model, dt.date(2026, 11, 20)) == ["Kuis Jumat"]


def test_delete_asks_then_deletes_a_draft_or_cancels_a_scheduled_post(qtbot, db, plan, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import gui.tabs.calendar as calendar_tab

    monkeypatch.setattr(calendar_tab, "nobody_to_ask", lambda: False)
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab = _tab(qtbot, db)
    tab.month_view.select_variant(plan["draft"].id)
    tab.delete_selected()
    assert "Draf hari pahlawan" not in _titles_on(tab.month_model, dt.date(2026, 11, 10))

    tab.month_view.select_variant(plan["scheduled"].id)
    tab.delete_selected()
    assert posts.get_variant(db, plan["scheduled"].id).status == "cancelled"
    assert len(asked) == 2


def test_double_click_on_an_empty_day_starts_a_post_that_day(qtbot, db, plan, monkeypatch):
    editor = pytest.importorskip("gui.post_editor")
    opened = []
    monkeypatch.setattr(
        editor,
        "edit_post",
        lambda parent, session, post_id=None, **kw: opened.append((post_id, kw)),
    )
    tab = _tab(qtbot, db)
    index = tab.month_model.index_of_day(dt.date(2026, 11, 18))
    rect = tab.month_view.visualRect(index)
    qtbot.mouseDClick(
        tab.month_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.center().x(), rect.bottom() - 3),
    )
    assert opened == [(None, {"day": dt.date(2026, 11, 18)})]


def test_enter_opens_the_selected_chip(qtbot, db, plan, monkeypatch):
    editor = pytest.importorskip("gui.post_editor")
    opened = []
    monkeypatch.setattr(
        editor,
        "edit_post",
        lambda parent, session, post_id=None, **kw: opened.append((post_id, kw)),
    )
    tab = _tab(qtbot, db)
    tab.month_view.select_variant(plan["scheduled"].id)
    tab.month_view.setFocus()
    qtbot.keyClick(tab.month_view, Qt.Key.Key_Return)
    assert opened == [(plan["scheduled"].post_id, {"variant_id": plan["scheduled"].id})]


def test_one_query_reads_a_month(db, plan, monkeypatch):
    calls = []
    real = planning.entries
    monkeypatch.setattr(planning, "entries", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(planning, "entry", lambda *a: pytest.fail("a query per entry"))
    MonthModel(db).show_month(2026, 11)
    assert calls == [1]


def test_undo_of_a_duplicate_keeps_a_copy_that_was_written_in(qtbot, db, plan, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    tab = _tab(qtbot, db)
    tab.month_view.select_variant(plan["scheduled"].id)
    tab.duplicate_selected()
    copy = max(posts_ids(db))
    posts.update(db, copy, notes="Naskah final dari Dimas")  # in the editor: no undo step
    tab.window().undo_stack.undo()
    assert posts.get(db, copy).notes == "Naskah final dari Dimas"
    assert _titles_on(tab.month_model, dt.date(2026, 11, 20)) == ["Kuis Jumat", "Kuis Jumat"]
    assert len(warned) == 1 and ("copy" in warned[0] or "salinan" in warned[0].lower())


def test_undo_of_a_move_keeps_a_time_set_since(qtbot, db, plan, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    tab = _tab(qtbot, db)
    draft = plan["draft"]
    _drop(tab.month_view, draft.id, tab.month_model.index_of_day(dt.date(2026, 11, 12)))
    posts.update_variant(db, draft.id, planned_at="2026-11-14 16:00")  # later, in the editor
    tab.window().undo_stack.undo()
    assert posts.get_variant(db, draft.id).planned_at == "2026-11-14T16:00:00+07:00"


def test_a_chip_from_another_file_is_not_dropped(qtbot, db, plan, tmp_path):
    tab = _tab(qtbot, db)
    draft = plan["draft"]
    target = tab.month_model.index_of_day(dt.date(2026, 11, 12))
    _drop(tab.month_view, draft.id, target, path=tmp_path / "lain.sqlite")
    assert posts.get_variant(db, draft.id).planned_at == "2026-11-10T09:30:00+07:00"


def test_opening_another_file_shows_its_posts(qtbot, db, plan, tmp_path):
    from core.db import open_database
    from gui.session import Session

    tab = _tab(qtbot, db)
    tab.filter_bar.boxes["account"].setCurrentIndex(1)  # an id of this file
    other = open_database(tmp_path / "unit.sqlite", create=True)
    account = accounts.create(other, "x", "unit_x")
    post = posts.create(other, "Berita unit")
    posts.add_variant(other, post.id, account.id, "teks", "draft", "2026-11-18T08:00:00")
    tab.window().replace_session(Session(other, today=TODAY))
    tab.refresh_if_stale()
    assert _titles_on(tab.month_model, dt.date(2026, 11, 18)) == ["Berita unit"]
    assert tab.filter_bar.filters().is_empty()
    assert tab.month_model.db is other


def posts_ids(db):
    return [row[0] for row in db.query("SELECT id FROM posts")]


def test_a_late_post_dropped_in_the_last_week_slot_keeps_its_hour(qtbot, db, plan):
    from gui.calendar.models import FIRST_HOUR, LAST_HOUR

    tab = _tab(qtbot, db)
    late = posts.add_variant(
        db, posts.create(db, "Siaran malam").id, plan["fb"].id, "teks", "draft", "2026-11-17 23:30"
    )
    tab.go_to(dt.date(2026, 11, 17))
    tab.show_view("week")
    target = tab.week_model.index(LAST_HOUR - FIRST_HOUR, 3)  # Thursday
    _drop(tab.week_view, late.id, target)
    assert posts.get_variant(db, late.id).planned_at == "2026-11-19T23:30:00+07:00"


# -- posts published outside the plan -----------------------------------------------------


@pytest.fixture
def outside(db, plan):
    """A post of the Instagram account that no planned variant matches, from an export."""
    metrics.upsert_post_metrics(
        db,
        [
            {
                "account_id": plan["ig"].id,
                "external_post_id": "3456789",
                "date": "2026-11-20",
                "url": "https://www.instagram.com/p/3456789/",
                "published_at": "2026-11-20T10:00:00+07:00",
                "caption": "Selamat Hari Anak Sedunia!\nMari lindungi hak anak.",
                "reach": 1234,
                "reactions": 56,
                "source": "import",
            }
        ],
    )


def _outside_rows(tab):
    return [row for row in tab.list_model.rows if isinstance(row, OutsideEntry)]


def test_the_list_shows_a_post_published_outside_the_plan_marked_as_such(
    qtbot, db, plan, outside, qtmodeltester
):
    tab = _tab(qtbot, db)
    tab.show_view("list")
    titles = [row.title for row in tab.list_model.rows]
    assert titles == [
        "Infografis terbit",
        "Draf hari pahlawan",
        "Ide kampanye",
        "Selamat Hari Anak Sedunia!",  # 20 November 10.00, before the quiz at 15.00
        "Kuis Jumat",
    ]
    row = titles.index("Selamat Hari Anak Sedunia!")
    model = tab.list_model

    def cell(column, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, EntryListModel.COLUMNS.index(column)).data(role)

    assert cell("status") == _("Published outside the plan")
    assert (cell("date"), cell("time")) == ("Jum, 20 Nov", "10.00")
    assert (cell("platform"), cell("account")) == ("Instagram", "@humas_ig")
    assert cell("assignee") == ""
    assert cell("title", Qt.ItemDataRole.FontRole).italic()
    tooltip = cell("title", Qt.ItemDataRole.ToolTipRole)
    assert "1.234" in tooltip and "https://www.instagram.com/p/3456789/" in tooltip
    qtmodeltester.check(model)


def test_filters_hide_an_outside_post_of_an_account_or_status_not_shown(qtbot, db, plan, outside):
    tab = _tab(qtbot, db)
    tab.show_view("list")
    assert len(_outside_rows(tab)) == 1
    accounts_box = tab.filter_bar.boxes["account"]
    accounts_box.setCurrentIndex(accounts_box.findData(plan["fb"].id))
    assert _outside_rows(tab) == []
    accounts_box.setCurrentIndex(accounts_box.findData(plan["ig"].id))
    assert len(_outside_rows(tab)) == 1
    statuses = tab.filter_bar.boxes["status"]
    statuses.setCurrentIndex(statuses.findData("scheduled"))
    assert _outside_rows(tab) == []
    statuses.setCurrentIndex(statuses.findData("published"))
    assert len(_outside_rows(tab)) == 1
    tab.step(1)  # December
    assert _outside_rows(tab) == []


def test_an_outside_post_opens_its_details_not_the_post_editor(
    qtbot, db, plan, outside, monkeypatch
):
    editor = pytest.importorskip("gui.post_editor")
    opened = []
    monkeypatch.setattr(editor, "edit_post", lambda *args, **kw: opened.append(args))
    tab = _tab(qtbot, db)
    tab.show_view("list")
    row = [r.title for r in tab.list_model.rows].index("Selamat Hari Anak Sedunia!")
    rect = tab.list_view.visualRect(tab.list_model.index(row, 0))
    qtbot.mouseClick(tab.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []
    dialog = tab.findChild(OutsidePostDialog)
    assert dialog is not None and dialog.isVisible()
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "https://www.instagram.com/p/3456789/" in shown and "1.234" in shown
    assert dialog.caption.isReadOnly()
    # Nothing that changes a planned post acts on it.
    assert tab.selected_entry() is None
    tab.duplicate_selected()
    tab.delete_selected()
    assert len(posts_ids(db)) == 4
