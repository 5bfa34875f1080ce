"""Home tab: each account's followers and growth this year, the coming agenda, this month's work."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, overview, posts, settings
from core.i18n import _
from gui.session import Session
from gui.tabs import Tab
from gui.widgets import Card, EmptyState

ANY_INDEX = QModelIndex | QPersistentModelIndex
AGENDA_DAYS = 14
AGENDA_ROWS = 30
GROWTH_UP = "#1b7f3b"
GROWTH_DOWN = "#b3261e"


class AgendaModel(QAbstractTableModel):
    """Upcoming, not yet published post variants (`core.posts.agenda`)."""

    COLUMNS = ("when", "platform", "title", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[posts.AgendaItem] = []

    def set_items(self, items: list[posts.AgendaItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "when": _("When"),
            "platform": _("Platform"),
            "title": _("Post"),
            "status": _("Status"),
        }[self.COLUMNS[section]]

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "when":
            return fmt.weekday_date(item.when) + " " + item.when[11:16].replace(":", ".")
        if column == "platform":
            return accounts.platform_title(item.platform)
        if column == "title":
            return item.post_title
        return posts.status_title(item.status)


class HomeTab(Tab):
    tab_id = "beranda"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.subheading = QLabel()
        self.cards_grid = QGridLayout()
        self.cards_grid.setSpacing(10)
        self.cards: list[Card] = []

        self.agenda_title = QLabel()
        self.agenda_title.setObjectName("sectionTitle")
        self.agenda_model = AgendaModel(self)
        self.agenda = QTableView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().hide()
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setAlternatingRowColors(True)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.agenda_empty = QLabel()
        self.agenda_empty.setWordWrap(True)

        self.status_title = QLabel()
        self.status_title.setObjectName("sectionTitle")
        self.status_labels: dict[str, tuple[QLabel, QLabel]] = {}
        status_grid = QGridLayout()
        for row, status in enumerate(posts.STATUSES):
            name, count = QLabel(), QLabel()
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            status_grid.addWidget(name, row, 0)
            status_grid.addWidget(count, row, 1)
            self.status_labels[status] = (name, count)

        left = QVBoxLayout()
        left.addWidget(self.agenda_title)
        left.addWidget(self.agenda, 1)
        left.addWidget(self.agenda_empty)
        right = QVBoxLayout()
        right.addWidget(self.status_title)
        right.addLayout(status_grid)
        right.addStretch(1)
        lower = QHBoxLayout()
        lower.addLayout(left, 3)
        lower.addSpacing(16)
        lower.addLayout(right, 1)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.heading)
        content_layout.addWidget(self.subheading)
        content_layout.addSpacing(6)
        content_layout.addLayout(self.cards_grid)
        content_layout.addLayout(lower, 1)

        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.translate_ui()
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return _("Home")

    def translate_ui(self) -> None:
        self.agenda_title.setText(_("Agenda for the next {days} days").format(days=AGENDA_DAYS))
        self.agenda_empty.setText(
            _("Nothing planned for the next {days} days.").format(days=AGENDA_DAYS)
        )
        self.status_title.setText(_("Content this month"))
        for status, (name, _count) in self.status_labels.items():
            name.setText(posts.status_title(status))
        self.empty.set_content(
            "SP_MessageBoxInformation",
            _("Welcome to Linimasa"),
            _(
                "This file has no accounts or posts yet. Start by listing your institution's accounts, "
                "or choose File → Open demo data to look around a complete example first."
            ),
        )

    def refresh(self) -> None:
        db, today = self.session.db, self.session.today
        if not overview.has_data(db):
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        name = settings.get(db, "institution.name") or _("your institution")
        self.heading.setText(_("Overview for {name}").format(name=name))
        self.subheading.setText(fmt.date_long(today))
        self._fill_cards(overview.account_summaries(db, today), today)
        agenda = posts.agenda(db, today, today + dt.timedelta(days=AGENDA_DAYS), limit=AGENDA_ROWS)
        self.agenda_model.set_items(agenda)
        self.agenda.setVisible(bool(agenda))
        self.agenda_empty.setVisible(not agenda)
        month_start = today.replace(day=1)
        next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
        counts = posts.status_counts(db, month_start, next_month - dt.timedelta(days=1))
        for status, (_name, count) in self.status_labels.items():
            count.setText(fmt.number(counts[status]))

    def _fill_cards(self, summaries: list[overview.AccountSummary], today: dt.date) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        columns = min(4, max(1, len(summaries)))
        for i, summary in enumerate(summaries):
            card = Card()
            account = summary.account
            card.caption.setText(
                f"{accounts.platform_title(account.platform)} · {account.display_name or account.handle}"
            )
            card.figure.setText(fmt.number(summary.followers))
            card.detail.setText(self._growth_text(summary, today))
            self.cards_grid.addWidget(card, i // columns, i % columns)
            self.cards.append(card)

    @staticmethod
    def _growth_text(summary: overview.AccountSummary, today: dt.date) -> str:
        if summary.followers is None:
            return _("No follower figures yet")
        as_of = _("followers on {date}").format(date=fmt.date_short(summary.followers_date))
        growth = summary.growth
        if growth is None or growth.start_date == growth.end_date:
            return as_of
        colour = GROWTH_UP if growth.change >= 0 else GROWTH_DOWN
        change = fmt.signed(growth.change)
        if growth.percent is not None:
            change += f" ({fmt.signed(growth.percent * 100, 1)}%)"
        since = _("since {date}").format(date=fmt.date_short(growth.start_date))
        return f'{as_of}<br><span style="color:{colour}; font-weight:600">{change}</span> {since}'


TAB_CLASS = HomeTab
