"""Home tab: each account's followers and growth this year, its engagement rate last month
against its platform's benchmark, the coming agenda, this month's work."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
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

from core import accounts, figures, fmt, overview, posts, settings, timezone
from core.i18n import _
from gui.models import RowsTableModel
from gui.session import Session
from gui.tabs import Tab
from gui.widgets import Card

AGENDA_DAYS = 14
AGENDA_ROWS = 30
CARD_COLUMNS = 4
MAX_CARD_ROWS = 2
GROWTH_UP = "#1b7f3b"
GROWTH_DOWN = "#b3261e"
#: An engagement rate at or above its benchmark; below it; below half of it.
ENGAGEMENT_COLOURS = {"above": GROWTH_UP, "below": "#a15c00", "far_below": GROWTH_DOWN}


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


class HomeTab(Tab):
    tab_id = "beranda"
    #: Cards (accounts and their followers, targets), the agenda and this month's counts
    #: (posts), the institution's name, benchmarks and the engagement-rate method (settings).
    WATCHES = frozenset({"accounts", "snapshots", "posts", "settings"})

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
        # Many accounts (one per work unit) scroll here instead of pushing the window off screen.
        self.cards_area = QScrollArea(content)
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards_box = QWidget()
        self.cards_area.setWidget(self.cards_box)
        self.cards_grid = QGridLayout(self.cards_box)
        self.cards_grid.setSpacing(10)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.cards: list[Card] = []

        self.agenda_title = QLabel(content)
        self.agenda_title.setObjectName("sectionTitle")
        self.agenda_model = AgendaModel(self)
        self.agenda = AgendaView(content)
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
        self.agenda_empty = QLabel(content)
        self.agenda_empty.setWordWrap(True)
        self.agenda_more = QLabel(content)
        self.agenda_more.setObjectName("hint")

        self.status_title = QLabel(content)
        self.status_title.setObjectName("sectionTitle")
        self.status_labels: dict[str, tuple[QLabel, QLabel]] = {}
        status_grid = QGridLayout()
        status_grid.setHorizontalSpacing(24)
        status_grid.setColumnStretch(2, 1)
        for row, status in enumerate(posts.STATUSES):
            name, count = QLabel(content), QLabel(content)
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

        content_layout.addWidget(self.heading)
        content_layout.addWidget(self.subheading)
        content_layout.addSpacing(6)
        content_layout.addWidget(self.cards_area)
        content_layout.addLayout(lower, 1)

        self.translate_ui()
        self.refresh()

    def _open_agenda_item(self, index) -> None:
        """Open the post in the editor (read-only files show it without editing)."""
        from gui.post_editor import edit_post

        item = self.agenda_model.row_at(index.row())
        variant = posts.get_variant(self.session.db, item.variant_id)
        edit_post(self, self.session, variant.post_id, variant_id=variant.id)

    def translate_ui(self) -> None:
        self.agenda.setToolTip(_("Double-click a post to open it"))
        self.agenda_title.setText(_("Agenda for the next {days} days").format(days=AGENDA_DAYS))
        self.agenda_empty.setText(
            _("Nothing planned for the next {days} days.").format(days=AGENDA_DAYS)
        )
        self.status_title.setText(_("Content this month"))
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
        self._fill_cards(overview.account_summaries(db, today), today)
        end = today + dt.timedelta(days=AGENDA_DAYS)
        agenda = posts.agenda(db, today, end, limit=AGENDA_ROWS)
        zone = timezone.abbreviation(dt.datetime.now(timezone.institution_zone(db)))
        if zone != self.agenda_model.zone:
            self.agenda_model.zone = zone
            self.agenda_model.retranslate()
        self.agenda_model.set_rows(agenda)
        self.agenda.setVisible(bool(agenda))
        self.agenda_empty.setVisible(not agenda)
        self.agenda_column.setStretch(self.agenda_column.count() - 1, 0 if agenda else 1)
        more = posts.agenda_count(db, today, end) - len(agenda)
        self.agenda_more.setText(_("… and {n} more").format(n=fmt.number(more)))
        self.agenda_more.setVisible(more > 0)
        month_start = today.replace(day=1)
        next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
        counts = posts.status_counts(db, month_start, next_month - dt.timedelta(days=1))
        for status, (_name, count) in self.status_labels.items():
            count.setText(fmt.number(counts[status]))

    def _fill_cards(self, summaries: list[overview.AccountSummary], today: dt.date) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        columns = CARD_COLUMNS
        db = self.session.db
        # Read once for all cards: the method, and each platform's benchmark when first needed.
        method = figures.engagement_method(db) if summaries else figures.DEFAULT_METHOD
        period = last_full_month(today)
        benchmarks: dict[str, figures.Benchmark] = {}
        for i, summary in enumerate(summaries):
            card = Card(self.cards_box)
            account = summary.account
            caption = (
                f"{accounts.platform_title(account.platform)} · {accounts.handle_text(account)}"
            )
            card.set_caption(caption, account.display_name)
            card.figure.setText(fmt.number(summary.followers))
            card.detail.setText(self._growth_text(summary, today))
            card.engagement = self._engagement_label(card)
            if account.platform not in benchmarks:
                benchmarks[account.platform] = figures.benchmark(db, account.platform)
            self._fill_engagement(
                card.engagement, account, period, method, benchmarks[account.platform]
            )
            self.cards_grid.addWidget(card, i // columns, i % columns)
            self.cards.append(card)
        for column in range(columns):
            self.cards_grid.setColumnStretch(column, 1)
        rows = min(MAX_CARD_ROWS, (len(summaries) + columns - 1) // columns)
        self.cards_area.setVisible(rows > 0)
        if rows:
            # The tallest card: one with an engagement line is taller than one without.
            height = max(card.sizeHint().height() for card in self.cards)
            self.cards_area.setFixedHeight(
                rows * height + (rows - 1) * self.cards_grid.spacing() + 2
            )

    @staticmethod
    def _engagement_label(card: Card) -> QLabel:
        """The card's engagement line, under its growth (before the card's closing stretch)."""
        label = QLabel(card)
        label.setObjectName("cardEngagement")
        # Lines of their own (no word wrap: its height is known before the card has a width,
        # so the cards' area is sized right), never widening the card.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(40)
        card.layout().insertWidget(3, label)
        return label

    def _fill_engagement(
        self,
        label: QLabel,
        account: accounts.Account,
        period: tuple[dt.date, dt.date],
        method: str,
        benchmark: figures.Benchmark,
    ) -> None:
        """ "Engagement 1,92% · benchmark 2,15%" (and "target 3,00%" below it) for the last
        full month, the rate coloured by how it compares with the benchmark (property
        "level": above, below, far_below); hidden when the period has no rate (no
        engagements, or no base): never a made-up 0%."""
        db = self.session.db
        found = figures.account_engagement(db, account.id, period[0], period[1], method)
        if found.rate is None:
            label.setText("")
            label.setProperty("level", "")
            label.setToolTip("")
            label.hide()
            return
        comparable = benchmark.method == method  # a rate by reach against one by followers: no
        if not comparable:
            level = ""
        elif found.rate >= benchmark.rate:
            level = "above"
        elif found.rate >= benchmark.rate / 2:
            level = "below"
        else:
            level = "far_below"
        colour = f"color:{ENGAGEMENT_COLOURS[level]}; " if level else ""
        rate = f'<span style="{colour}font-weight:600">{figures.format_rate(found.rate)}</span>'
        if comparable:
            text = _("Engagement {rate} · benchmark {benchmark}").format(
                rate=rate, benchmark=benchmark.text
            )
        else:
            text = _("Engagement {rate} · benchmark {benchmark} counted another way").format(
                rate=rate, benchmark=benchmark.text
            )
        goal = figures.target(db, account.id).engagement_rate
        if goal is not None:
            text += "<br>" + _("target {rate}").format(rate=figures.format_rate(goal))
        label.setText(text)
        label.setProperty("level", level)
        tip = _("Engagement rate in {month} ({method}); benchmark for {platform}: {benchmark}")
        tip = tip.format(
            month=fmt.month_year(period[0]),
            method=figures.method_title(method),
            platform=accounts.platform_title(account.platform),
            benchmark=benchmark.text,
        )
        if benchmark.method != method:  # compared all the same, but say so
            tip += "\n" + _("The benchmark was computed as {method}.").format(
                method=figures.method_title(benchmark.method)
            )
        label.setToolTip(tip)
        label.show()

    @staticmethod
    def _growth_text(summary: overview.AccountSummary, today: dt.date) -> str:
        if summary.followers is None:
            return _("No follower figures yet")
        if summary.account.platform == "youtube":
            as_of = _("subscribers on {date}")
        else:
            as_of = _("followers on {date}")
        as_of = as_of.format(date=fmt.date_short(summary.followers_date))
        growth = summary.growth
        if growth is None or growth.start_date == growth.end_date:
            return as_of
        colour = GROWTH_UP if growth.change >= 0 else GROWTH_DOWN
        change = fmt.signed(growth.change)
        if growth.percent is not None:
            change += f" ({fmt.signed_percent(growth.percent, 1)})"
        since = _("since {date}").format(date=fmt.date_short(growth.start_date))
        return f'{as_of}<br><span style="color:{colour}; font-weight:600">{change}</span> {since}'


def last_full_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the calendar month before `today`'s."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


TAB_CLASS = HomeTab
