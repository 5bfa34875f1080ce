"""Home tab: the overview a leader or admin opens first. Per account: followers, their change
this month and this year, a year's sparkline, last month's engagement rate against the
platform's benchmark. The team's work: this week's posts, those waiting for review, those
overdue, the accounts with security warnings. Each card leads to its tab. Below: the coming
agenda and this month's posts by status. All of it for the whole institution, or for a unit
and its sub-units (the scope chooser beside the heading, remembered).

It is the tab shown at startup: no charting library (the sparklines are QPainter)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, cadence, figures, fmt, overview, posts, settings, timezone
from core.i18n import _
from core.overview import last_full_month
from gui.models import RowsTableModel
from gui.platforms import color as platform_color
from gui.platforms import platform_icon
from gui.scope import ALL, ScopeBox, example_units, no_accounts, unit_choice
from gui.session import Session
from gui.sparkline import Sparkline
from gui.tabs import TAB_MODULES, Tab, tab_title
from gui.widgets import Card, EmptyState

AGENDA_DAYS = 14
AGENDA_ROWS = 30
CARD_COLUMNS = 4
MAX_CARD_ROWS = 2
ICON_SIZE = 18
#: The QSettings key of the scope chosen (gui.scope).
SCOPE_SETTING = "home/scope"
GROWTH_UP = "#1b7f3b"
GROWTH_DOWN = "#b3261e"
WARNING = "#a15c00"
#: An engagement rate at or above its benchmark; below it; below half of it.
ENGAGEMENT_COLOURS = {"above": GROWTH_UP, "below": WARNING, "far_below": GROWTH_DOWN}
#: The work cards, left to right.
WORK_CARDS = ("week", "waiting", "overdue", "security")


class AgendaModel(RowsTableModel):
    """Upcoming, not yet published post variants (`core.posts.agenda`)."""

    COLUMNS = ("when", "platform", "title", "status")
    #: The institution's zone (WIB, WITA, WIT) the times are shown in, for the header.
    zone = ""
    #: Counts changes of rows and texts, before the views hear of them (AgendaView).
    revision = 0

    def set_rows(self, rows) -> None:
        self.revision += 1
        super().set_rows(rows)

    def retranslate(self) -> None:
        self.revision += 1
        super().retranslate()

    def column_title(self, column: str) -> str:
        return {
            "when": _("When ({zone})").format(zone=self.zone) if self.zone else _("When"),
            "platform": _("Platform"),
            "title": _("Post"),
            "status": _("Status"),
        }[column]

    def row_key(self, item: posts.AgendaItem) -> int:
        return item.variant_id

    def display(self, item: posts.AgendaItem, column: str) -> str:
        if column == "when":
            return f"{fmt.weekday_date(item.when)} {fmt.time_short(item.when)}"
        if column == "platform":
            return accounts.platform_title(item.platform)
        if column == "title":
            return item.post_title
        return posts.status_title(item.status)


class AgendaView(QTableView):
    """The agenda table. Qt sizes a column to its contents by asking every cell for every
    role, and asks again each time the table's width changes: five times over (~1 ms each,
    all in show()) while the window first lays out. A column's measured width is kept until
    the rows or their texts change (the model's `revision`), the font or style changes, or
    the event loop moves on."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._widths: dict[tuple[int, int], int] = {}

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802 - Qt's name
        key = (column, getattr(self.model(), "revision", 0))
        width = self._widths.get(key)
        if width is None:
            if not self._widths:
                QTimer.singleShot(0, self._widths.clear)
            width = self._widths[key] = super().sizeHintForColumn(column)
        return width

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._widths.clear()  # font, style, language…
        super().changeEvent(event)


def tab_name(tab_id: str) -> str:
    """The tab's title as the tab bar shows it (Pertumbuhan, Kalender…)."""
    return next(tab_title(info) for info in TAB_MODULES if info.tab_id == tab_id)


class ClickableCard(Card):
    """A card that leads somewhere: a click, Enter or Space emits `activated`. It takes the
    keyboard focus (Tab), shows a pointing hand, and a frame in the highlight colour when it
    has the focus or the mouse is over it."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # the release then comes here
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside:
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() in (event.Type.HoverEnter, event.Type.HoverLeave):
            self.update()
        return super().event(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not (self.hasFocus() or self.underMouse()):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 2 if self.hasFocus() else 1
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), width))
        inset = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)


class AccountCard(ClickableCard):
    """An account: platform icon and caption; followers beside a sparkline of a year's
    month-end figures; as of when, change this month and since 1 January (`detail`); last
    month's engagement rate (`engagement`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: The account the card shows (and leads to in the growth tab).
        self.account_id: int | None = None
        layout = self.layout()
        # The card's own labels, moved into rows of their own (same parent: no new polish).
        layout.removeWidget(self.caption)
        layout.removeWidget(self.figure)
        self.icon = QLabel(self)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.icon)
        top.addWidget(self.caption, 1)
        self.sparkline = Sparkline(self)
        self.sparkline.setFixedHeight(32)
        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(self.figure)
        middle.addWidget(self.sparkline, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.insertLayout(0, top)
        layout.insertLayout(1, middle)
        # Lines of their own (no word wrap: the height is known before the card has a
        # width, so the cards' area is sized right), never widening the card.
        self.engagement = QLabel(self)
        self.engagement.setObjectName("cardEngagement")
        for label in (self.detail, self.engagement):
            label.setWordWrap(False)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(40)
        layout.insertWidget(3, self.engagement)


class WorkCard(ClickableCard):
    """A count of the team's work: the figure at the left, what it counts beside it
    (`caption`) and a line of explanation (`detail`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = self.layout()
        for label in (self.caption, self.figure, self.detail):
            layout.removeWidget(label)
        self.detail.setWordWrap(False)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail.setMinimumWidth(40)
        # A dark title over a grey explanation: the card's caption and detail looks, swapped.
        self.caption.setObjectName("cardDetail")
        self.detail.setObjectName("cardCaption")
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.caption)
        texts.addWidget(self.detail)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.figure)
        row.addLayout(texts, 1)
        layout.insertLayout(0, row)
        self.figure.setMinimumWidth(36)
        self.figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._detail = ""

    def set_detail(self, text: str) -> None:
        """The explanation, cut with "…" where the card is narrow (whole in `detail`'s
        tooltip then)."""
        self._detail = text
        self._elide_detail()

    def _elide_detail(self) -> None:
        width = max(40, self.detail.width())
        shown = self.detail.fontMetrics().elidedText(
            self._detail, Qt.TextElideMode.ElideRight, width
        )
        self.detail.setText(shown)
        self.detail.setToolTip(self._detail if shown != self._detail else "")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide_detail()

    def show_count(self, count: int, colour: str = "") -> None:
        """The figure, in `colour` (a warning) or the text's usual colour."""
        self.figure.setText(fmt.number(count))
        palette = self.figure.palette()
        role = QPalette.ColorRole.WindowText
        palette.setColor(role, QColor(colour) if colour else self.palette().color(role))
        self.figure.setPalette(palette)
        self.figure.setProperty("level", colour)


class HomeTab(Tab):
    tab_id = "beranda"
    #: Cards (accounts, their security checklists, followers, targets), the work cards, the
    #: agenda and this month's counts (posts), the institution's name, zone, benchmarks and
    #: the engagement-rate method (settings); the scope chooser (units). A checklist's change
    #: is told as "accounts".
    WATCHES = frozenset({"accounts", "snapshots", "posts", "settings", "units"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        # Built from the top down, each widget made in its place: under the style sheet,
        # moving a finished group of widgets into a parent polishes all of them again.
        content = QWidget()
        self.stack_with_empty_state(content)
        content_layout = QVBoxLayout(content)
        self.heading = QLabel(content)
        self.heading.setObjectName("pageTitle")
        self.subheading = QLabel(content)
        self.scope_label = QLabel(content)
        self.scope_box = ScopeBox(SCOPE_SETTING, content)
        self.scope_label.setBuddy(self.scope_box)
        self.scope_box.currentIndexChanged.connect(lambda _index: self.refresh())
        #: Our accounts in the scope chosen; None: the whole institution.
        self.scope_ids: frozenset[int] | None = None
        #: What the page shows for a scope without accounts (made when first needed).
        self.scope_empty: EmptyState | None = None
        # Everything below the heading, hidden for a scope without accounts.
        body = QWidget(content)
        self.body = body

        self.work_cards: dict[str, WorkCard] = {}
        work_row = QHBoxLayout()
        work_row.setSpacing(10)
        for name in WORK_CARDS:
            card = WorkCard(body)
            card.activated.connect(getattr(self, f"_open_{name}"))
            work_row.addWidget(card, 1)
            self.work_cards[name] = card
        self.week = overview.WeekCounts(session.today, session.today, 0, 0)
        self.waiting = self.overdue = overview.PostGroup(0, frozenset(), None)
        self.security = overview.SecurityWarnings((), 0)

        # Many accounts (one per work unit) scroll here instead of pushing the window off screen.
        self.cards_area = QScrollArea(body)
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards_box = QWidget()
        self.cards_area.setWidget(self.cards_box)
        self.cards_grid = QGridLayout(self.cards_box)
        self.cards_grid.setSpacing(10)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.cards: list[AccountCard] = []
        self.cards_empty = QLabel(body)
        self.cards_empty.setObjectName("hint")

        self.agenda_title = QLabel(body)
        self.agenda_title.setObjectName("sectionTitle")
        self.agenda_model = AgendaModel(self)
        self.agenda = AgendaView(body)
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().hide()
        self.agenda.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setAlternatingRowColors(True)
        self.agenda.activated.connect(self._open_agenda_item)  # double-click or Enter
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.agenda_empty = QLabel(body)
        self.agenda_empty.setWordWrap(True)
        self.agenda_more = QLabel(body)
        self.agenda_more.setObjectName("hint")

        self.status_title = QLabel(body)
        self.status_title.setObjectName("sectionTitle")
        self.status_labels: dict[str, tuple[QLabel, QLabel]] = {}
        status_grid = QGridLayout()
        status_grid.setHorizontalSpacing(24)
        status_grid.setColumnStretch(2, 1)
        for row, status in enumerate(posts.STATUSES):
            name, count = QLabel(body), QLabel(body)
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            status_grid.addWidget(name, row, 0)
            status_grid.addWidget(count, row, 1)
            self.status_labels[status] = (name, count)

        left = QVBoxLayout()
        left.addWidget(self.agenda_title)
        left.addWidget(self.agenda, 1)
        left.addWidget(self.agenda_empty)
        left.addWidget(self.agenda_more)
        # Without the table (nothing planned) the spare height goes below the text, so the
        # heading stays at the top, level with "Content this month", instead of the column
        # spreading its few lines down the page.
        left.addStretch(0)
        self.agenda_column = left
        right = QVBoxLayout()
        right.addWidget(self.status_title)
        right.addLayout(status_grid)
        right.addStretch(1)
        lower = QHBoxLayout()
        lower.addLayout(left, 3)
        lower.addSpacing(16)
        lower.addLayout(right, 1)

        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.scope_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.scope_box, 0, Qt.AlignmentFlag.AlignBottom)
        content_layout.addLayout(top)
        content_layout.addSpacing(6)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(work_row)
        body_layout.addSpacing(4)
        body_layout.addWidget(self.cards_area)
        body_layout.addWidget(self.cards_empty)
        body_layout.addLayout(lower, 1)
        content_layout.addWidget(body, 1)
        self.content_layout = content_layout

        self.translate_ui()
        self.refresh()

    def _open_agenda_item(self, index) -> None:
        """Open the post in the editor (read-only files show it without editing)."""
        from gui.post_editor import edit_post

        item = self.agenda_model.row_at(index.row())
        variant = posts.get_variant(self.session.db, item.variant_id)
        edit_post(self, self.session, variant.post_id, variant_id=variant.id)

    def translate_ui(self) -> None:
        self.scope_label.setText(_("S&cope"))
        self.scope_box.setToolTip(
            _("The whole institution, or a unit with its sub-units: their accounts and posts")
        )
        self.agenda.setToolTip(_("Double-click a post to open it"))
        self.agenda_title.setText(_("Agenda for the next {days} days").format(days=AGENDA_DAYS))
        self.agenda_empty.setText(
            _("Nothing planned for the next {days} days.").format(days=AGENDA_DAYS)
        )
        self.status_title.setText(_("Content this month"))
        self.cards_empty.setText(
            _(
                "No accounts of your own yet: add your institution's accounts on the {tab} tab."
            ).format(tab=tab_name("akun"))
        )
        for status, (name, _count) in self.status_labels.items():
            name.setText(posts.status_title(status))
        if self.stack.currentIndex() == 1:
            # Otherwise refresh() fills it before showing it (its icon costs ~2 ms at start).
            self._fill_empty_state()

    def _fill_empty_state(self) -> None:
        self.empty.set_content(
            "welcome",
            _("Welcome to Linimasa"),
            _(
                "This file has no accounts or posts yet. Start by adding your institution's accounts, "
                "or open the demo data to look around a complete example first."
            ),
            self.getting_started_actions(),
        )

    def now(self) -> dt.datetime:
        """The institution's time now; noon of a fixed day (demo data, screenshots, tests)."""
        fixed = self.session.fixed_today
        if fixed is not None:
            return dt.datetime.combine(fixed, dt.time(12, 0))
        return dt.datetime.now(timezone.institution_zone(self.session.db))

    def refresh(self) -> None:
        db, today = self.session.db, self.session.today
        if not overview.has_data(db):
            self._fill_empty_state()
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        name = settings.get(db, "institution.name") or _("your institution")
        self.heading.setText(_("Overview for {name}").format(name=name))
        self.subheading.setText(fmt.date_long(today))
        self.scope_box.fill(db)
        has_units = self.scope_box.count() > 1
        self.scope_label.setVisible(has_units)
        self.scope_box.setVisible(has_units)
        unit_id = self.scope_box.unit_id()
        ids = self.scope_ids = None if unit_id is None else overview.unit_account_ids(db, unit_id)
        self.body.setVisible(ids is None or bool(ids))
        if ids is not None and not ids:
            return self._show_scope_empty(unit_id)
        if self.scope_empty is not None:
            self.scope_empty.hide()
        summaries = overview.account_summaries(db, today, ids)
        self._fill_work(today, has_accounts=bool(summaries))
        self._fill_cards(summaries, today)
        end = today + dt.timedelta(days=AGENDA_DAYS)
        agenda, count = overview.agenda(db, today, end, AGENDA_ROWS, ids)
        zone = timezone.abbreviation(dt.datetime.now(timezone.institution_zone(db)))
        if zone != self.agenda_model.zone:
            self.agenda_model.zone = zone
            self.agenda_model.retranslate()
        self.agenda_model.set_rows(agenda)
        self.agenda.setVisible(bool(agenda))
        self.agenda_empty.setVisible(not agenda)
        self.agenda_column.setStretch(self.agenda_column.count() - 1, 0 if agenda else 1)
        more = count - len(agenda)
        self.agenda_more.setText(_("… and {n} more").format(n=fmt.number(more)))
        self.agenda_more.setVisible(more > 0)
        month_start = today.replace(day=1)
        next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
        counts = overview.status_counts(db, month_start, next_month - dt.timedelta(days=1), ids)
        for status, (_name, count) in self.status_labels.items():
            count.setText(fmt.number(counts[status]))

    def _show_scope_empty(self, unit_id: int) -> None:
        """A unit (with its sub-units) that has no accounts: say so and what to do."""
        if self.scope_empty is None:
            self.scope_empty = EmptyState(self.body.parentWidget())
            self.content_layout.addWidget(self.scope_empty, 1)
        actions = [(_("Show the whole institution"), lambda: self.scope_box.choose(ALL))]
        if not self.session.read_only:
            actions.insert(0, (_("Add account…"), lambda: self.window().add_account()))
        self.scope_empty.set_content("welcome", *no_accounts(self.session.db, unit_id), actions)
        self.scope_empty.show()

    def screenshot_views(self):
        some, empty = example_units(self.session.db)

        def scoped(unit_id: int | None):
            def show():
                self.scope_box.choose(unit_choice(unit_id) if unit_id else ALL)
                return None

            return show

        views = [("unit", scoped(some))] if some else []
        return [*views, ("unit-kosong", scoped(empty))] if empty else views

    # -- the team's work ------------------------------------------------------------------

    def _fill_work(self, today: dt.date, has_accounts: bool) -> None:
        db = self.session.db
        ids = self.scope_ids
        self.week = overview.week_counts(db, today, ids)
        self.waiting = overview.waiting(db, ids)
        self.overdue = overview.overdue(db, self.now(), ids)
        self.security = overview.security_warnings(db, today, ids)
        calendar, accounts_tab = tab_name("kalender"), tab_name("akun")

        week = self.work_cards["week"]
        week.caption.setText(_("Posts this week"))
        week.show_count(self.week.planned)
        detail = _("{n} published · {week}").format(
            n=fmt.number(self.week.published),
            week=fmt.week_range(self.week.start, self.week.end),
        )
        below = [
            c
            for c in cadence.overview(db, today)
            if c.below and (ids is None or c.account.id in ids)
        ]
        if below:  # the card has one line: the accounts below cadence, not the week's dates
            detail = _("{n} published · {below} below cadence").format(
                n=fmt.number(self.week.published), below=fmt.number(len(below))
            )
        week.set_detail(detail)
        tip = (
            fmt.week_range(self.week.start, self.week.end)
            + "\n"
            + _(
                "Posts planned from Monday to Sunday of this week (cancelled ones left out), "
                "{n} of them published.\nClick to see this week in {tab}."
            ).format(n=fmt.number(self.week.published), tab=calendar)
        )
        if below:
            tip += "\n" + _(
                "Fewer posts planned than the target this week or next: {accounts}"
            ).format(accounts=", ".join(accounts.handle_text(c.account) for c in below))
        week.setToolTip(tip)

        waiting = self.work_cards["waiting"]
        waiting.caption.setText(_("Waiting for review"))
        waiting.show_count(self.waiting.count)
        waiting.set_detail(_("posts waiting for a reviewer or approver"))
        waiting.setToolTip(
            _(
                "Posts in review: a reviewer or approver has yet to decide. Those that need "
                "changes are back with their writer and not counted.\n"
                "Click to list them in {tab}."
            ).format(tab=calendar)
        )

        late = self.work_cards["overdue"]
        late.caption.setText(_("Overdue"))
        late.show_count(self.overdue.count, GROWTH_DOWN if self.overdue.count else "")
        late.set_detail(_("past the planned time, not published"))
        late.setToolTip(
            _(
                "Posts whose planned time has passed but that are neither published nor "
                "cancelled: forgotten, or published without being marked.\n"
                "Click to list them in {tab}."
            ).format(tab=calendar)
        )

        found = self.security
        secure = self.work_cards["security"]
        # Without accounts of our own there is nothing to secure (peers have no checklist).
        secure.setVisible(has_accounts)
        secure.caption.setText(_("Security warnings"))
        red, amber = found.with_badge("red"), found.with_badge("amber")
        colour = GROWTH_DOWN if red else WARNING if amber else ""
        secure.show_count(found.count, colour)
        # In the words of the Accounts tab's badges: at risk, needs attention, not checked yet.
        parts = [
            text.format(n=fmt.number(n))
            for text, n in (
                (_("{n} at risk"), red),
                (_("{n} need attention"), amber),
                (_("{n} not checked yet"), found.unchecked),
            )
            if n
        ]
        secure.set_detail(" · ".join(parts) or _("every account's checklist is in order"))
        secure.setToolTip(
            _(
                "Accounts whose security checklist is at risk (two-factor authentication off "
                "or a personal login) or needs attention (something left to do).\n"
                "Click to see them in {tab}."
            ).format(tab=accounts_tab)
        )
        for card in self.work_cards.values():  # what a screen reader says of each
            card.setAccessibleName(f"{card.caption.text()}: {card.figure.text()}")
            card.setAccessibleDescription(card._detail)

    def _go(self, tab_id: str) -> Tab | None:
        """Show the window's tab `tab_id` and return it (None outside a main window)."""
        window = self.window()
        if not hasattr(window, "show_tab"):
            return None
        window.show_tab(tab_id)
        return window.current_page()

    def _show_calendar(self, view: str, day: dt.date, statuses=frozenset()) -> None:
        from core import planning  # the calendar's own; not needed to show Home

        page = self._go("kalender")
        if page is not None and hasattr(page, "show_filtered"):
            page.show_filtered(view, day, planning.Filters(statuses=frozenset(statuses)))

    def _open_week(self) -> None:
        self._show_calendar("week", self.session.today)

    def _open_waiting(self) -> None:
        """The list from the month of the earliest waiting post, filtered to "in review"."""
        group = self.waiting
        self._show_calendar(
            "list", group.first_day or self.session.today, overview.WAITING_STATUSES
        )

    def _open_overdue(self) -> None:
        """The list from the month of the oldest overdue post, filtered to the statuses the
        overdue posts are in (all of them when none is overdue)."""
        group = self.overdue
        self._show_calendar("list", group.first_day or self.session.today, group.statuses)

    def _open_security(self) -> None:
        page = self._go("akun")
        if page is not None and self.security.accounts and hasattr(page, "select"):
            page.select(self.security.accounts[0].account_id, reveal=True)

    def _open_growth(self, account_id: int) -> None:
        page = self._go("pertumbuhan")
        if page is not None and hasattr(page, "show_accounts"):
            page.show_accounts([account_id])

    # -- accounts ---------------------------------------------------------------------------

    def _fill_cards(self, summaries: list[overview.AccountSummary], today: dt.date) -> None:
        for card in self.cards:
            # Out of sight at once: deleteLater waits for the event loop (screenshots, tests).
            self.cards_grid.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        columns = CARD_COLUMNS
        growth = tab_name("pertumbuhan")
        previous: QWidget = self.work_cards[WORK_CARDS[-1]]
        for i, summary in enumerate(summaries):
            card = AccountCard(self.cards_box)
            account = summary.account
            card.account_id = account.id
            caption = (
                f"{accounts.platform_title(account.platform)} · {accounts.handle_text(account)}"
            )
            card.set_caption(caption, account.display_name)
            card.icon.setPixmap(platform_icon(account.platform, ICON_SIZE).pixmap(ICON_SIZE))
            card.figure.setText(fmt.number(summary.followers))
            card.detail.setText(self._growth_text(summary))
            self._fill_sparkline(card.sparkline, summary)
            self._fill_engagement(card.engagement, summary, last_full_month(today))
            card.setToolTip(
                _("Click to see the growth of {account} in {tab}.").format(
                    account=account.display_name or accounts.handle_text(account), tab=growth
                )
            )
            card.setAccessibleName(f"{caption}: {card.figure.text()}")
            card.activated.connect(lambda account_id=account.id: self._open_growth(account_id))
            self.cards_grid.addWidget(card, i // columns, i % columns)
            QWidget.setTabOrder(previous, card)
            previous = card
            self.cards.append(card)
        QWidget.setTabOrder(previous, self.agenda)
        for column in range(columns):
            self.cards_grid.setColumnStretch(column, 1)
        rows = min(MAX_CARD_ROWS, (len(summaries) + columns - 1) // columns)
        self.cards_area.setVisible(rows > 0)
        self.cards_empty.setVisible(rows == 0)
        if rows:
            # The tallest card: one with an engagement line is taller than one without.
            height = max(card.sizeHint().height() for card in self.cards)
            self.cards_area.setFixedHeight(
                rows * height + (rows - 1) * self.cards_grid.spacing() + 2
            )

    @staticmethod
    def _fill_sparkline(line: Sparkline, summary: overview.AccountSummary) -> None:
        line.set_values(summary.sparkline, platform_color(summary.account.platform))
        months = summary.months
        tip = _("Followers at the end of each month, {start} – {end}").format(
            start=fmt.month_year(months[0].month), end=fmt.month_year(months[-1].month)
        )
        missing = [fmt.month_year(month.month) for month in months if month.missing]
        if len(missing) == len(months):
            tip += "\n" + _("No figures in these months.")
        elif missing:
            tip += "\n" + _("No figure (a gap in the line): {months}").format(
                months=", ".join(missing)
            )
        line.setToolTip(tip)

    @staticmethod
    def _fill_engagement(
        label: QLabel, summary: overview.AccountSummary, period: tuple[dt.date, dt.date]
    ) -> None:
        """ "Engagement 1,92% · benchmark 2,15%" (and "target 3,00%" below it) for the last
        full month, the rate coloured by how it compares with the benchmark (property
        "level": above, below, far_below); hidden when the period has no rate (no
        engagements, or no base): never a made-up 0%."""
        found, benchmark = summary.engagement, summary.benchmark
        if found.rate is None:
            label.setText("")
            label.setProperty("level", "")
            label.setToolTip("")
            label.hide()
            return
        level = summary.engagement_level
        colour = f"color:{ENGAGEMENT_COLOURS[level]}; " if level else ""
        rate = f'<span style="{colour}font-weight:600">{figures.format_rate(found.rate)}</span>'
        if benchmark.method == found.method:
            text = _("Engagement {rate} · benchmark {benchmark}").format(
                rate=rate, benchmark=benchmark.text
            )
        else:  # a rate by reach against one by followers: not compared
            text = _("Engagement {rate} · benchmark {benchmark} counted another way").format(
                rate=rate, benchmark=benchmark.text
            )
        if summary.target_rate is not None:
            text += "<br>" + _("target {rate}").format(
                rate=figures.format_rate(summary.target_rate)
            )
        label.setText(text)
        label.setProperty("level", level)
        tip = _("Engagement rate in {month} ({method}); benchmark for {platform}: {benchmark}")
        tip = tip.format(
            month=fmt.month_year(period[0]),
            method=figures.method_title(found.method),
            platform=accounts.platform_title(summary.account.platform),
            benchmark=benchmark.text,
        )
        if benchmark.method != found.method:  # compared all the same, but say so
            tip += "\n" + _("The benchmark was computed as {method}.").format(
                method=figures.method_title(benchmark.method)
            )
        label.setToolTip(tip)
        label.show()

    @staticmethod
    def _growth_text(summary: overview.AccountSummary) -> str:
        """Followers as of when; their change since the end of last month (by the dates
        actually used) and since 1 January, each on a line of its own."""
        if summary.followers is None:
            what_to_do = _("import them, or enter them on the {tab} tab").format(
                tab=tab_name("akun")
            )
            return f"{html.escape(_('No follower figures yet'))}<br>{html.escape(what_to_do)}"
        if summary.account.platform == "youtube":
            as_of = _("subscribers on {date}")
        else:
            as_of = _("followers on {date}")
        lines = [html.escape(as_of.format(date=fmt.date_short(summary.followers_date)))]
        month, year = summary.month_growth, summary.year_growth
        if month is not None:
            lines.append(HomeTab._change_text(month))
        elif summary.followers_date < summary.months[-1].month:
            lines.append(html.escape(_("no figure recorded this month yet")))
        if year is not None and (month is None or year.start.date_used != month.start.date_used):
            lines.append(HomeTab._change_text(year))
        return "<br>".join(lines)

    @staticmethod
    def _change_text(growth: figures.GrowthFigure) -> str:
        """ "+132 (+1,3%) since 1 Okt 2026", the change coloured up or down."""
        colour = GROWTH_UP if growth.change >= 0 else GROWTH_DOWN
        change = fmt.signed(growth.change)
        if growth.percent is not None:
            change += f" ({fmt.signed_percent(growth.percent, 1)})"
        since = _("since {date}").format(date=fmt.date_short(growth.start.date_used))
        return f'<span style="color:{colour}; font-weight:600">{change}</span> {html.escape(since)}'


TAB_CLASS = HomeTab
