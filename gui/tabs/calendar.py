"""Kalender tab: the team's posts by month, by week in hour slots, or as a list; filtered,
opened, moved by dragging, duplicated and deleted (or cancelled) from here. The list also
shows the posts published outside the plan, read-only."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
from collections.abc import Callable

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, planning, posts, recurring, timezone, workflow
from core.errors import LinimasaError
from core.i18n import _
from gui.calendar.filter_bar import FilterBar
from gui.calendar.grid_view import ChipGridView, refusal
from gui.calendar.models import (
    FIRST_HOUR,
    LAST_HOUR,
    STATUS_COLORS,
    EntryListModel,
    MonthModel,
    WeekModel,
)
from gui.calendar.outside import OutsideEntry, OutsidePostDialog, outside_entries
from gui.session import Session
from gui.signals import Change, notify
from gui.tabs import Tab, nobody_to_ask
from gui.undo import StaleUndo
from gui.widgets import hint_label

VIEWS = ("month", "week", "list")

#: The view last chosen, shown again next time (a preference of this computer's user).
VIEW_SETTING = "calendar_tab/view"
#: The hour the week view shows first (earlier hours are a scroll away).
WEEK_SCROLL_HOUR = 7


class CalendarTab(Tab):
    tab_id = "kalender"
    #: "snapshots": an import of metrics also brings the posts published outside the plan.
    WATCHES = frozenset(
        {"posts", "accounts", "members", "units", "pillars", "settings", "snapshots"}
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.view = "month"
        self.anchor = session.today

        db = session.db
        self.month_model = MonthModel(db, self)
        self.week_model = WeekModel(db, self)
        self.list_model = EntryListModel(self)

        self.month_view = ChipGridView(stretch_rows=True)
        self.month_view.setModel(self.month_model)
        self.week_view = ChipGridView(stretch_rows=False)
        self.week_view.setModel(self.week_model)
        for grid in (self.month_view, self.week_view):
            grid.open_entry.connect(self.open_entry)
            grid.new_on.connect(self.new_post)
            grid.dropped.connect(self.reschedule)
            grid.refused.connect(self.say)
            grid.menu_requested.connect(self._menu)
            grid.mark_clicked.connect(self.new_post_for_mark)

        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().hide()
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            EntryListModel.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch
        )
        self.list_view.activated.connect(self._list_activated)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._list_menu)
        self.list_empty = hint_label(centered=True)
        self.list_page = QStackedWidget()
        self.list_page.addWidget(self.list_view)
        self.list_page.addWidget(self.list_empty)

        self.views = QStackedWidget()
        for widget in (self.month_view, self.week_view, self.list_page):
            self.views.addWidget(widget)

        # The toolbar: previous / today / next, the period, the view switch, new post.
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton()
        self.today_button.clicked.connect(self.go_today)
        self.jump_button = QPushButton()
        self.jump_button.clicked.connect(self.jump_to_date)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.view_buttons: dict[str, QToolButton] = {}
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for view in VIEWS:
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False, view=view: self.show_view(view))
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            switch.addWidget(button)
        self.view_buttons["month"].setChecked(True)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_post(None, None))
        self.more_button = QToolButton()
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.jump_button)
        bar.addSpacing(8)
        bar.addLayout(switch)
        bar.addSpacing(8)
        bar.addWidget(self.more_button)
        bar.addWidget(self.new_button)

        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._filters_changed)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.views, 1)
        self.legend = QLabel()
        self.legend.setObjectName("hint")
        layout.addWidget(self.legend)
        self.stack_with_empty_state(page)
        self._shortcuts()
        self.translate_ui()
        self.refresh()
        view = QSettings().value(VIEW_SETTING, "month")
        if view in VIEWS and view != self.view:
            self.show_view(view)

    def _shortcuts(self) -> None:
        def key(sequence, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        for sequence in ("Ctrl+PgUp", "Alt+Left"):
            key(sequence, lambda: self.step(-1))
        for sequence in ("Ctrl+PgDown", "Alt+Right"):
            key(sequence, lambda: self.step(1))
        key("Ctrl+T", self.go_today)
        for grid in (self.month_view, self.week_view):  # Home in a text field stays its own
            home = QShortcut(QKeySequence(Qt.Key.Key_Home), grid)
            home.setContext(Qt.ShortcutContext.WidgetShortcut)
            home.activated.connect(self.go_today)
        key("Ctrl+G", self.jump_to_date)
        # Ctrl+1…6 switch the window's tabs and Ctrl+N makes a new file: the views take
        # Alt+1…3, and a new post is the window's Ctrl+Shift+N (Edit > New post…).
        for number, view in enumerate(VIEWS, start=1):
            key(f"Alt+{number}", lambda view=view: self.show_view(view))
        key(QKeySequence.StandardKey.Find, self._focus_search)
        key(QKeySequence.StandardKey.Delete, self.delete_selected)
        key("Ctrl+D", self.duplicate_selected)

    def _fill_more_menu(self) -> None:
        """The calendar's less frequent tools, behind one button."""
        menu = self.more_menu
        menu.clear()
        menu.addAction(_("Posting &cadence…"), self.show_cadence)
        menu.addAction(_("Commemorative &days…"), self.edit_observances)
        menu.addSeparator()
        menu.addAction(_("&Sign-off sheet…"), self.signoff_sheet)
        menu.addAction(_("&Import content plan…"), self.import_plan)

    def signoff_sheet(self) -> None:
        """The sign-off sheet of the selected post, or else of the week shown (the week view)
        or next week."""
        from gui.signoff_dialog import export_signoff

        entry = self.selected_entry()
        if entry is not None:
            export_signoff(self, self.session, variant_ids=[entry.variant_id])
        elif self.view == "week":
            export_signoff(self, self.session, *planning.week_of(self.anchor))
        else:
            export_signoff(self, self.session)

    def import_plan(self) -> None:
        from gui.plan_import_dialog import import_plan

        import_plan(self, self.session)

    def show_cadence(self) -> QDialog | None:
        from gui.calendar.extras import CadenceDialog

        dialog = CadenceDialog(self.session, self)
        if nobody_to_ask():
            dialog.show()
            return dialog
        dialog.exec()
        return None

    def edit_observances(self) -> QDialog | None:
        from gui.calendar.extras import ObservancesDialog

        dialog = ObservancesDialog(self.session, self)
        if nobody_to_ask():
            dialog.show()
            return dialog
        dialog.exec()
        return None

    def repeat_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session.read_only:
            return
        from gui.calendar.extras import repeat_post

        if repeat_post(self, self.session, entry.post_id):
            self.say(_("{title} repeats as a series.").format(title=entry.title))

    def _focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def translate_ui(self) -> None:
        self.today_button.setText(_("&Today"))
        self.today_button.setToolTip(_("Go to today (Ctrl+T)"))
        self.prev_button.setToolTip(_("Previous (Ctrl+PgUp)"))
        self.next_button.setToolTip(_("Next (Ctrl+PgDown)"))
        self.jump_button.setText(_("&Go to date…"))
        self.jump_button.setToolTip("Ctrl+G")
        titles = {"month": _("Month"), "week": _("Week"), "list": _("List")}
        for number, view in enumerate(VIEWS, start=1):
            self.view_buttons[view].setText(titles[view])
            self.view_buttons[view].setToolTip(f"Alt+{number}")
        self.new_button.setText(_("&New post…"))
        self.new_button.setToolTip("Ctrl+Shift+N")
        self.more_button.setText(_("&More"))
        self._fill_more_menu()
        self.filter_bar.translate_ui()
        self.empty.set_content(
            "calendar",
            _("No accounts yet"),
            _(
                "The calendar plans posts for your institution's accounts. Add the accounts "
                "first; then plan each post by day, week or month here."
            ),
            self.getting_started_actions(),
        )
        self.list_model.retranslate()
        self.legend.setText(
            "&nbsp;&nbsp;".join(
                f'<span style="color:{STATUS_COLORS[status]}">■</span>&nbsp;'
                f"{html.escape(posts.status_title(status))}"
                for status in posts.STATUSES
            )
        )
        self._show_title()

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.session.db
        has_accounts = accounts.count(db) > 0
        self.stack.setCurrentIndex(0 if has_accounts else 1)
        self.filter_bar.fill(db)
        self.month_model.today = self.week_model.today = self.session.today
        self._load()
        self.new_button.setEnabled(not self.session.read_only)

    def _load(self) -> None:
        """Read what the current view shows (one query)."""
        filters = self.filter_bar.filters()
        if self.view == "month":
            self.month_model.show_month(self.anchor.year, self.anchor.month, filters)
        elif self.view == "week":
            self.week_model.show_week(self.anchor, filters)
        else:
            first = self.anchor.replace(day=1)
            last = timezone.add_months(first, 1) - dt.timedelta(days=1)
            db = self.session.db
            rows = [
                *planning.entries(db, first, last, filters),
                *outside_entries(db, first, last, filters),
            ]
            self.list_model.set_rows(sorted(rows, key=lambda row: row.when or ""))
            if filters.is_empty():
                self.list_empty.setText(_("No posts planned in this month."))
            else:
                self.list_empty.setText(_("No posts match the filters in this month."))
            self.list_page.setCurrentIndex(0 if self.list_model.rows else 1)
        self._show_title()

    def _show_title(self) -> None:
        if self.view == "week":
            self.title.setText(fmt.week_range(*planning.week_of(self.anchor)))
        else:
            self.title.setText(fmt.month_year(self.anchor))

    def _on_data_changed(self, what) -> None:
        change = Change.of(what)
        if (
            change.kinds == {"posts"}
            and change.ids
            and self.view in ("month", "week")
            and self.is_shown()
            and not self.stale
        ):
            self.current_model().update_variants(change.ids)
            return
        super()._on_data_changed(what)

    def current_model(self):
        return {"month": self.month_model, "week": self.week_model}.get(self.view)

    def current_grid(self) -> ChipGridView | None:
        return {"month": self.month_view, "week": self.week_view}.get(self.view)

    def show_view(self, view: str) -> None:
        self.view = view
        QSettings().setValue(VIEW_SETTING, view)
        self.view_buttons[view].setChecked(True)
        self.views.setCurrentIndex(VIEWS.index(view))
        self._load()
        if view == "week":
            self.week_view.scrollTo(
                self.week_model.index(WEEK_SCROLL_HOUR - FIRST_HOUR, 0),
                QAbstractItemView.ScrollHint.PositionAtTop,
            )
        self._focus_day(self.anchor)

    def show_filtered(
        self,
        view: str,
        day: dt.date,
        filters: planning.Filters = planning.Filters(),  # noqa: B008
    ) -> None:
        """Show `view` at `day` with exactly `filters`, every other choice cleared (the Home
        tab's cards lead here)."""
        self.filter_bar.set_filters(filters)
        self.anchor = day
        self.show_view(view)

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self._load()
        self._focus_day(day)

    def go_today(self) -> None:
        self.go_to(self.session.today)

    def step(self, direction: int) -> None:
        if self.view == "week":
            self.go_to(self.anchor + dt.timedelta(days=7 * direction))
        else:
            self.go_to(timezone.add_months(self.anchor, direction))

    def _focus_day(self, day: dt.date) -> None:
        grid = self.current_grid()
        if grid is None:
            return
        index = grid.model().index_of_day(day)
        if grid is self.week_view and index.isValid():  # the first hour in sight
            index = self.week_model.index(max(0, self.week_view.rowAt(0)), index.column())
        if index.isValid():
            grid.setCurrentIndex(index)

    def jump_to_date(self) -> None:
        day = ask_date(self, _("Go to date"), self.anchor)
        if day is not None:
            self.go_to(day)

    def _filters_changed(self) -> None:
        self._load()

    # -- the selected post -----------------------------------------------------------------

    def selected_entry(self) -> planning.Entry | None:
        grid = self.current_grid()
        if grid is not None:
            return grid.selected_entry()
        rows = self.list_view.selectionModel().selectedRows()
        entry = self.list_model.row_at(rows[0].row()) if rows else None
        return entry if isinstance(entry, planning.Entry) else None

    def _selected_day(self) -> tuple[dt.date | None, int | None]:
        grid = self.current_grid()
        if grid is not None:
            return grid.current_slot()
        return None, None

    def _list_activated(self, index) -> None:
        entry = self.list_model.row_at(index.row())
        if isinstance(entry, OutsideEntry):
            self.show_outside_post(entry)
        else:
            self.open_entry(entry)

    # -- opening and creating --------------------------------------------------------------

    def open_entry(self, entry: planning.Entry) -> None:
        from gui.post_editor import edit_post

        # The editor tells what it saved (notify), which moves the chips concerned.
        edit_post(self, self.session, entry.post_id, variant_id=entry.variant_id)

    def show_outside_post(self, entry: OutsideEntry) -> QDialog | None:
        """What the export said about a post published outside the plan (it has no planned
        post to open in the editor)."""
        dialog = OutsidePostDialog(entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if nobody_to_ask():
            dialog.show()
            return dialog
        dialog.exec()
        return None

    def new_post(self, day: dt.date | None, hour: int | None = None) -> None:
        if self.session.read_only:
            return
        if day is None:
            day = self._selected_day()[0] or self.anchor
        from gui.post_editor import edit_post

        edit_post(self, self.session, None, day=day)

    def new_post_for_mark(self, day: dt.date, name: str) -> None:
        """A holiday or commemorative day turned into a post idea: a new post that day, with
        the day's name as its title."""
        if self.session.read_only:
            return
        from gui.post_editor import edit_post

        edit_post(self, self.session, None, day=day, title=name)

    # -- changes ------------------------------------------------------------------------

    def _remember(self, text: str, do, undo, change: Change) -> None:
        from gui.undo import CoreChange

        stack = getattr(self.window(), "undo_stack", None)
        if stack is not None:
            stack.push(CoreChange(text, do, undo, change))

    def _on_database_opened(self) -> None:
        """Another file: the models read it from now on, and the filters, which name rows of
        the old file by id, start again from "all"."""
        db = self.session.db
        self.month_model.db = self.week_model.db = db
        self.month_model.clear_entries()
        self.week_model.clear_entries()
        self.filter_bar.blockSignals(True)
        self.filter_bar.clear()
        self.filter_bar.blockSignals(False)
        self.filter_bar.fill(db)
        super()._on_database_opened()

    def reschedule(self, variant_id: int, day: dt.date, hour: int | None = None) -> bool:
        """Move a variant to `day` (and, from the week view, to `hour`, keeping its minutes);
        undoable. False if it may not move (read-only file, published or cancelled)."""
        if self.session.read_only:
            self.say(_("This file is open read-only."))
            return False
        db = self.session.db
        entry = planning.entry(db, variant_id)
        if entry is None:
            return False
        if entry.status in posts.FINISHED:
            self.say(refusal(entry))
            return False
        before = posts.get_variant(db, variant_id).planned_at
        try:
            if hour is None:
                moved = posts.move_to_day(db, variant_id, day)
            else:
                minute = entry.at.minute if entry.at else 0
                if entry.at is not None and hour in (FIRST_HOUR, LAST_HOUR):
                    # The first and last slots also hold earlier and later posts: dropped
                    # there, a 05:00 or 23:30 post keeps its own hour.
                    clamped = min(max(entry.at.hour, FIRST_HOUR), LAST_HOUR)
                    if clamped == hour:
                        hour = entry.at.hour
                moved = posts.update_variant(
                    db, variant_id, planned_at=dt.datetime.combine(day, dt.time(hour, minute))
                )
        except LinimasaError as error:
            self.say(str(error))
            return False
        after = moved.planned_at
        if after == before:
            return False

        def put(expected: str | None, value: str | None) -> None:
            # Only while the time is still the one this step left: a later change (in the
            # editor, which has no undo) is not silently overwritten.
            if posts.get_variant(db, variant_id).planned_at != expected:
                raise StaleUndo(_("The post's time was changed since."))
            posts.update_variant(db, variant_id, planned_at=value)

        self._remember(
            _("move {title}").format(title=entry.title),
            lambda: put(before, after),
            lambda: put(after, before),
            Change.of("posts", ids={variant_id}),
        )
        notify("posts", ids={variant_id})
        self.say(
            _("{title} moved to {when}.").format(
                title=entry.title, when=fmt.datetime_short(moved.planned)
            )
        )
        return True

    def move_selected_to_date(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session.read_only:
            return
        if entry.status in posts.FINISHED:
            self.say(refusal(entry))
            return
        day = ask_date(self, _("Move to date"), entry.day or self.anchor)
        if day is not None:
            self.reschedule(entry.variant_id, day)

    def duplicate_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session.read_only:
            return
        db = self.session.db
        copies: list[tuple[int, str]] = []
        from gui.acting import current_member

        me = current_member(self.session)

        def make() -> None:
            copy = posts.duplicate(db, entry.post_id, by=me.id if me else None)
            copies.append((copy.id, posts.fingerprint(db, copy.id)))

        def remove() -> None:
            post_id, made = copies[-1]
            # Only the copy as this step made it: one written in since is the user's work.
            if posts.fingerprint(db, post_id) != made:
                raise StaleUndo(_("The copy was edited since; delete it from the calendar."))
            posts.delete(db, post_id)
            copies.pop()

        make()
        self._remember(
            _("duplicate {title}").format(title=entry.title), make, remove, Change.of("posts")
        )
        notify("posts")
        self.say(_("{title} duplicated as a draft.").format(title=entry.title))

    def delete_selected(self) -> None:
        """Delete the selected post if it is still an idea or a draft everywhere, else cancel
        it (after asking; nobody to ask means no)."""
        entry = self.selected_entry()
        if entry is None or self.session.read_only:
            return
        db = self.session.db
        statuses = {variant.status for variant in posts.variants_of(db, entry.post_id)}
        found = recurring.series_of(db, entry.post_id)
        if found is not None and statuses <= set(posts.DELETABLE):  # cancelling asks no "which"
            from gui.calendar.extras import delete_in_series

            message = delete_in_series(self, self.session, entry.post_id, entry.title)
            if message:
                self.say(message)
            return
        deletable = statuses <= set(posts.DELETABLE)
        if not deletable and statuses <= set(posts.FINISHED):
            self.say(refusal(entry))
            return
        if deletable:
            question = _("Delete “{title}” on every platform? This cannot be undone.")
        else:
            question = _(
                "“{title}” has gone beyond a draft, so it is cancelled rather than deleted: "
                "its history stays. Cancel it on every platform that has not published it?"
            )
        if nobody_to_ask():
            return
        answer = QMessageBox.question(
            self,
            _("Delete post") if deletable else _("Cancel post"),
            question.format(title=entry.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = {variant.id for variant in posts.variants_of(db, entry.post_id)}
        try:
            if deletable:
                posts.delete(db, entry.post_id)
            else:
                from gui.acting import member_for_step

                workflow.cancel_post(db, entry.post_id, by=member_for_step(self, self.session))
        except LinimasaError as error:
            QMessageBox.warning(self, "Linimasa", str(error))
            return
        notify("posts", ids=ids)

    # -- context menus -------------------------------------------------------------------

    def _menu(self, entry: planning.Entry | None, day, hour, position) -> None:
        menu = QMenu(self)
        writable = not self.session.read_only

        def add(text: str, slot, enabled: bool = True) -> None:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)

        if entry is not None:
            movable = writable and entry.status not in posts.FINISHED
            add(_("&Open…"), lambda: self.open_entry(entry))
            add(_("D&uplicate"), self.duplicate_selected, writable)
            in_series = recurring.series_of(self.session.db, entry.post_id) is not None
            add(
                _("&Repeat…"),
                self.repeat_selected,
                writable and not in_series and entry.day is not None,
            )
            add(_("&Move to date…"), self.move_selected_to_date, movable)
            if entry.status in posts.DELETABLE:
                add(_("&Delete…"), self.delete_selected, writable)
            else:
                add(_("&Cancel post…"), self.delete_selected, movable)
        if day is not None:
            if entry is not None:
                menu.addSeparator()
            add(_("&New post on this day…"), lambda: self.new_post(day, hour), writable)
            for mark in self.current_model().marks.get(day, []) if hour is None else []:
                add(
                    _("New post for “{name}”…").format(name=mark.name),
                    lambda _on=False, m=mark: self.new_post_for_mark(m.day, m.name),
                    writable,
                )
        menu.exec(position)

    def _list_menu(self, position) -> None:
        index = self.list_view.indexAt(position)
        if not index.isValid():
            return
        entry = self.list_model.row_at(index.row())
        position = self.list_view.viewport().mapToGlobal(position)
        if isinstance(entry, OutsideEntry):
            menu = QMenu(self)
            menu.addAction(_("&Details…"), lambda: self.show_outside_post(entry))
            menu.exec(position)
            return
        self._menu(entry, None, None, position)

    # -- screenshots ------------------------------------------------------------------------

    def screenshot_views(self) -> list[tuple[str, Callable[[], QWidget | None]]]:
        views: list[tuple[str, Callable[[], QWidget | None]]] = [
            ("minggu", lambda: self.show_view("week")),
            ("daftar", lambda: self.show_view("list")),
        ]
        if importlib.util.find_spec("gui.post_editor") is not None:
            views.append(("editor", self._show_editor))
            views.append(("editor-panduan", self._show_checklist))
        views += [
            ("ritme", self.show_cadence),
            ("hari-peringatan", self.edit_observances),
            ("ulangi", self._show_repeat),
        ]
        return views

    def _show_repeat(self) -> QWidget | None:
        """The repeat form on the first coming post that is in no series yet."""
        from gui.calendar.extras import RepeatDialog

        db = self.session.db
        for entry in planning.entries(
            db, self.session.today, self.session.today + dt.timedelta(days=14)
        ):
            if entry.day is not None and recurring.series_of(db, entry.post_id) is None:
                dialog = RepeatDialog(self.session, entry.post_id, entry.day, self)
                dialog.show()
                return dialog
        return None

    def _open_editor(self, post_id: int, variant_id: int) -> QWidget:
        from gui.post_editor import PostEditor

        editor = PostEditor(self.session, post_id=post_id, parent=self, variant_id=variant_id)
        editor.show()
        return editor

    def _show_checklist(self) -> QWidget | None:
        """A caption in review: its checklist half ticked, and the hints its text gets."""
        from core import guidelines

        variant_id = guidelines.demo_hinted_variant(self.session.db, self.session.today)
        if variant_id is None:
            return None
        variant = posts.get_variant(self.session.db, variant_id)
        return self._open_editor(variant.post_id, variant.id)

    def _show_editor(self) -> QWidget | None:
        db = self.session.db
        first = self.anchor.replace(day=1)
        shown = planning.entries(db, first, timezone.add_months(first, 1) - dt.timedelta(days=1))
        if not shown:
            return None
        # Coming work (not published or cancelled) with a picture shows the most.
        today = self.session.today
        shown.sort(key=lambda e: (e.status in posts.FINISHED, e.day < today))
        entry = next(
            (e for e in shown if any(a.is_image for a in posts.attachments(db, e.post_id))),
            shown[0],
        )
        return self._open_editor(entry.post_id, entry.variant_id)


def ask_date(parent: QWidget, title: str, initial: dt.date) -> dt.date | None:
    """A date from a small dialog with a calendar; None if cancelled (or nobody can answer)."""
    if nobody_to_ask():
        return None
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    edit = QDateEdit(QDate(initial.year, initial.month, initial.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    if not dialog.exec():
        return None
    chosen = edit.date()
    return dt.date(chosen.year(), chosen.month(), chosen.day())


TAB_CLASS = CalendarTab
