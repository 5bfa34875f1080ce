"""The calendar's extras as a user meets them: holidays and commemorative days on their days,
a day's name turned into a new post, repeating a post, the questions a series asks, the
coming days with nothing planned, cadence targets, and the team's list of days."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QFontMetrics

from core import accounts, cadence, calendar_days, posts, recurring
from gui.calendar.models import GAP_ROLE, MARKS_ROLE, MonthModel

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def quiz(db):
    ig = accounts.create(db, "instagram", "humas_ig")
    post = posts.create(db, "Kuis Jumat")
    posts.add_variant(db, post.id, ig.id, "Kuis pekan ini", "draft", "2026-11-27T15:00:00")
    return post


def month(db, year=2026, number=12):
    model = MonthModel(db)
    model.today = TODAY
    model.show_month(year, number)
    return model


def test_christmas_and_cuti_bersama_are_marked_in_december(db):
    model = month(db)
    marks = model.index_of_day(dt.date(2026, 12, 25)).data(MARKS_ROLE)
    assert [(m.name, m.day_off) for m in marks] == [("Hari Raya Natal", True)]
    eve = model.index_of_day(dt.date(2026, 12, 24)).data(MARKS_ROLE)
    assert eve[0].kind == "leave"
    assert model.index_of_day(dt.date(2026, 12, 22)).data(MARKS_ROLE)[0].name == "Hari Ibu"


def test_coming_days_with_nothing_planned_are_gaps(db, quiz):
    model = month(db, 2026, 11)
    assert model.index_of_day(TODAY).data(GAP_ROLE)
    assert not model.index_of_day(dt.date(2026, 11, 27)).data(GAP_ROLE)  # the quiz
    assert not model.index_of_day(dt.date(2026, 11, 24)).data(GAP_ROLE)  # the past


def test_clicking_a_day_s_name_opens_a_new_post_titled_after_it(qtbot, db, quiz, monkeypatch):
    from gui.calendar.grid_view import ChipGridView

    opened = []
    monkeypatch.setattr(
        "gui.post_editor.edit_post",
        lambda parent, session, post_id, **kw: opened.append((post_id, kw)),
    )
    from gui.session import Session
    from gui.tabs.calendar import CalendarTab

    tab = CalendarTab(Session(db, today=TODAY))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.go_to(TODAY)
    grid: ChipGridView = tab.month_view
    try:
        from gui.calendar.grid_view import PADDING, chip_font, day_number

        rect = grid.visualRect(tab.month_model.index_of_day(TODAY))
        height = QFontMetrics(chip_font(grid.font())).height() + 2
        number = day_number(TODAY, True, False, chip_font(grid.font()), height)[2]
        start = rect.left() + PADDING + number + 6  # where the name begins
        with qtbot.waitSignal(grid.mark_clicked) as signal:
            qtbot.mouseClick(
                grid.viewport(),
                Qt.MouseButton.LeftButton,
                pos=QPoint(start + 3, rect.top() + PADDING + height // 2),
            )
        assert grid.mark_at(QPoint(start - 8, rect.top() + PADDING + height // 2)) is None
    finally:
        tab.detach()  # its file closes with the test: no later change reaches it
    assert signal.args == [TODAY, "Hari Guru Nasional"]
    assert opened == [(None, {"day": TODAY, "title": "Hari Guru Nasional"})]


def test_repeat_form_lists_the_dates_and_makes_the_series(qtbot, db, quiz):
    from gui.calendar.extras import RepeatDialog
    from gui.session import Session

    dialog = RepeatDialog(Session(db, today=TODAY), quiz.id, dt.date(2026, 11, 27))
    qtbot.addWidget(dialog)
    dialog.count.setValue(3)
    assert "3 unggahan" in dialog.preview.text() and "11 Des 2026" in dialog.preview.text()
    dialog.until.setChecked(True)
    dialog.ends_on.setDate(QDate(2026, 11, 1))
    assert "ends_on" in dialog.revalidate() and not dialog.save_button.isEnabled()
    dialog.times.setChecked(True)
    assert dialog.revalidate() == {}
    dialog.accept()
    assert len(recurring.series_of(db, quiz.id).post_ids) == 3


def test_deleting_in_a_series_asks_which(qtbot, db, quiz, monkeypatch):
    from gui.calendar import extras
    from gui.session import Session

    ids = recurring.make_series(
        db, quiz.id, recurring.Rule("weekly", dt.date(2026, 11, 27), count=3)
    ).post_ids
    asked = []
    monkeypatch.setattr(
        extras, "_choose", lambda parent, title, text, choices: asked.append(choices) or "following"
    )
    message = extras.delete_in_series(None, Session(db, today=TODAY), ids[1], "Kuis Jumat")
    assert [key for key, _label in asked[0]] == ["one", "following", "all"]
    assert message == "2 unggahan dihapus."
    assert posts.get(db, ids[0]).title == "Kuis Jumat"
    assert recurring.series_of(db, ids[0]) is None  # one post left: no series any more


def test_saving_an_occurrence_asks_to_carry_the_change(qtbot, db, quiz, monkeypatch):
    from gui.calendar import extras
    from gui.post_editor import PostEditor
    from gui.session import Session

    ids = recurring.make_series(
        db, quiz.id, recurring.Rule("weekly", dt.date(2026, 11, 27), count=3)
    ).post_ids
    monkeypatch.setattr(extras, "_choose", lambda *args: "following")
    editor = PostEditor(Session(db, today=TODAY), ids[1])
    qtbot.addWidget(editor)
    editor.title.setText("Kuis Jumat Spesial")
    assert editor.save_asking()
    assert [posts.get(db, pid).title for pid in ids] == [
        "Kuis Jumat",
        "Kuis Jumat Spesial",
        "Kuis Jumat Spesial",
    ]


def test_cadence_targets_are_saved_and_weeks_below_them_are_red(qtbot, db, quiz):
    from gui.calendar.extras import CadenceDialog
    from gui.session import Session

    dialog = CadenceDialog(Session(db, today=TODAY))
    qtbot.addWidget(dialog)
    dialog.targets[0].setValue(3)
    assert dialog.table.item(0, 2).foreground().color() == Qt.GlobalColor.red
    dialog.accept()
    assert cadence.target(db, dialog.rows[0].account.id) == 3
    assert cadence.overview(db, TODAY)[0].below


def test_the_team_adds_and_removes_a_commemorative_day(qtbot, db):
    from gui.calendar.extras import ObservancesDialog
    from gui.session import Session

    dialog = ObservancesDialog(Session(db, today=TODAY))
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    dialog.day.setDate(QDate(2024, 9, 9))
    dialog.name.setText("Hari Olahraga Nasional")
    dialog.add()
    assert dialog.table.rowCount() == before + 1
    assert ("Hari Olahraga Nasional", "observance") in [
        (m.name, m.kind)
        for m in calendar_days.marks(db, dt.date(2027, 9, 9), dt.date(2027, 9, 9))[
            dt.date(2027, 9, 9)
        ]
    ]
    dialog.name.setText("Hari Olahraga Nasional")
    dialog.add()  # the same day twice: refused, said
    assert dialog.error.isVisibleTo(dialog) and dialog.table.rowCount() == before + 1
    dialog.founded.setDate(QDate(1997, 10, 8))
    assert calendar_days.founded(db) is None  # written once, on closing
    dialog.reject()
    assert calendar_days.founded(db) == dt.date(1997, 10, 8)


def test_home_says_how_many_accounts_are_below_cadence(qtbot, db, quiz):
    from gui.mainwindow import MainWindow
    from gui.session import Session

    cadence.set_target(db, accounts.list_all(db)[0].id, 5)
    window = MainWindow(Session(db, today=TODAY))
    qtbot.addWidget(window)
    window.show()
    home = window.current_page()
    assert "1 di bawah ritme" in home.work_cards["week"]._detail


def test_a_series_post_in_review_is_cancelled_not_asked_which(qtbot, db, quiz, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from core import workflow
    from gui.session import Session
    from gui.tabs.calendar import CalendarTab

    ids = recurring.make_series(
        db, quiz.id, recurring.Rule("weekly", dt.date(2026, 11, 27), count=2)
    ).post_ids
    variant = posts.variants_of(db, ids[1])[0]
    workflow.transition(db, variant.id, "review")
    monkeypatch.setattr("gui.tabs.calendar.nobody_to_ask", lambda: False)
    monkeypatch.setattr("gui.acting.member_for_step", lambda *args: None)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    tab = CalendarTab(Session(db, today=TODAY))
    qtbot.addWidget(tab)
    try:
        tab.go_to(dt.date(2026, 12, 4))
        tab.month_view.select_variant(variant.id)
        tab.delete_selected()
    finally:
        tab.detach()
    assert posts.get_variant(db, variant.id).status == "cancelled"
