"""The calendar's models: a month grid and a week of hour slots (each cell a list of
`core.planning.Entry`, painted as chips by `gui.calendar.grid_view.ChipDelegate`), and the
list of a period's variants, with the posts published outside the plan among them
(`gui.calendar.outside`).

Each model reads its whole visible range with one `planning.entries` query; a change that
names variants (`update_variants`) reads only those and repaints only the cells they left
or joined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel import dates as bdates
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from core import accounts, cadence, calendar_days, fmt, planning, posts
from core.db import Database
from core.i18n import _, babel_locale
from gui.calendar.outside import (
    OUTSIDE_COLOR,
    OutsideEntry,
    outside_dot,
    outside_title,
    outside_tooltip,
)
from gui.models import ANY_INDEX, DISPLAY_ROLE, RowsTableModel

#: A chip's colour for each status (core.posts.STATUSES): its stripe, and tinted, its fill.
STATUS_COLORS = {
    "idea": "#9e9e9e",
    "draft": "#607d8b",
    "review": "#f2a900",
    "changes": "#e65100",
    "approved": "#00897b",
    "scheduled": "#1e88e5",
    "published": "#2e7d32",
    "cancelled": "#b0b0b0",
}

#: The cell's entries (a list of planning.Entry, by time).
ENTRIES_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The cell's day (datetime.date).
DAY_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: The cell's hour (week view; None in the month view).
HOUR_ROLE = int(Qt.ItemDataRole.UserRole) + 3
#: True for a day outside the month shown (drawn dimmed).
OUTSIDE_ROLE = int(Qt.ItemDataRole.UserRole) + 4
#: True for today's cells.
TODAY_ROLE = int(Qt.ItemDataRole.UserRole) + 5
#: The day's holidays and commemorative days (a list of core.calendar_days.DayMark).
MARKS_ROLE = int(Qt.ItemDataRole.UserRole) + 6
#: True for a day of the next two weeks with nothing planned on the accounts shown.
GAP_ROLE = int(Qt.ItemDataRole.UserRole) + 7

FIRST_HOUR = 6
LAST_HOUR = 22
#: A day off (public holiday, collective leave) and a commemorative day in the grid.
HOLIDAY_COLOR = "#c62828"
OBSERVANCE_COLOR = "#6a1b9a"


def marks_tooltip(marks: list) -> list[str]:
    """ "Hari Guru Nasional (hari peringatan)", one line per mark."""
    return [f"{mark.name} ({calendar_days.kind_title(mark.kind).lower()})" for mark in marks]


def day_names() -> list[str]:
    """Monday to Sunday, abbreviated, in the current language (Sen, Sel, … / Mon, Tue, …)."""
    names = bdates.get_day_names("abbreviated", locale=babel_locale())
    return [names[day] for day in range(7)]


def entry_tooltip(entry: planning.Entry) -> str:
    when = fmt.datetime_short(entry.at) if entry.at else _("no date")
    lines = [
        entry.title,
        f"{when} · {accounts.platform_title(entry.platform)} @{entry.handle}",
        posts.status_title(entry.status),
    ]
    if entry.assignee:
        lines.append(_("Assigned to {name}").format(name=entry.assignee))
    if entry.status in posts.FINISHED:
        lines.append(
            _("a {status} post cannot be moved").format(
                status=posts.status_title(entry.status).lower()
            )
        )
    return "\n".join(lines)


class ChipGridModel(QAbstractTableModel):
    """Seven columns of days; each cell holds the entries it shows. Subclasses say which days
    are visible (`start`, `end`), how many rows there are and which cell an entry goes to."""

    ROWS = 0

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.filters = planning.Filters()
        self.today: dt.date | None = None
        self.start = self.end = dt.date.today()
        self.cells: list[list[planning.Entry]] = [[] for _cell in range(self.ROWS * 7)]
        #: variant id -> its cell's number, for updating one variant
        self._places: dict[int, int] = {}
        self.marks: dict[dt.date, list[calendar_days.DayMark]] = {}
        self.gaps: set[dt.date] = set()

    # -- what is shown --------------------------------------------------------------------

    def place_of(self, entry: planning.Entry) -> int | None:
        """The cell number (row * 7 + column) the entry shows in, None if outside."""
        raise NotImplementedError

    def day_at(self, row: int, column: int) -> dt.date:
        raise NotImplementedError

    def clear_entries(self) -> None:
        """Show nothing (the file was replaced; `reload` reads the new one)."""
        self.beginResetModel()
        self.cells = [[] for _cell in range(self.ROWS * 7)]
        self._places = {}
        self.marks, self.gaps = {}, set()
        self.filters = planning.Filters()
        self.endResetModel()

    def reload(self) -> None:
        """Read the visible range again: one query."""
        self.beginResetModel()
        self.cells = [[] for _cell in range(self.ROWS * 7)]
        self._places = {}
        for entry in planning.entries(self.db, self.start, self.end, self.filters):
            place = self.place_of(entry)
            if place is not None:
                self.cells[place].append(entry)
                self._places[entry.variant_id] = place
        self.marks = calendar_days.marks(self.db, self.start, self.end)
        self._read_gaps()
        self.endResetModel()

    def _read_gaps(self) -> None:
        """The coming days with nothing planned on the accounts the filters show (all of
        ours when they name none)."""
        if self.today is None:
            self.gaps = set()
            return
        chosen: list[int] | None = None
        if self.filters.account_ids or self.filters.platforms:
            chosen = [
                a.id
                for a in accounts.list_all(self.db)
                if (not self.filters.account_ids or a.id in self.filters.account_ids)
                and (not self.filters.platforms or a.platform in self.filters.platforms)
            ]
        self.gaps = cadence.empty_days(self.db, self.today, chosen)

    def set_filters(self, filters: planning.Filters) -> None:
        self.filters = filters
        self.reload()

    def update_variants(self, variant_ids: Iterable[int]) -> None:
        """These variants changed (or were added or deleted): move their chips, repaint only
        the cells concerned. With filters set, the range is read again (one query), since
        whether a variant still matches is the query's to say."""
        if not self.filters.is_empty():
            self.reload()
            return
        touched: set[int] = set()
        for variant_id in variant_ids:
            old = self._places.pop(variant_id, None)
            if old is not None:
                self.cells[old] = [e for e in self.cells[old] if e.variant_id != variant_id]
                touched.add(old)
            entry = planning.entry(self.db, variant_id)
            place = self.place_of(entry) if entry is not None and entry.when else None
            if place is not None:
                self.cells[place] = sorted(
                    [*self.cells[place], entry], key=lambda e: (e.when, e.platform, e.variant_id)
                )
                self._places[variant_id] = place
                touched.add(place)
        gaps = self.gaps
        self._read_gaps()
        touched.update(place for day in gaps ^ self.gaps for place in self.places_of_day(day))
        for place in touched:
            index = self.index(*divmod(place, 7))
            self.dataChanged.emit(index, index)

    def places_of_day(self, day: dt.date) -> list[int]:
        """The numbers of the cells that show the day."""
        raise NotImplementedError

    def entries_on(self, row: int, column: int) -> list[planning.Entry]:
        return self.cells[row * 7 + column]

    def all_entries(self) -> list[planning.Entry]:
        return [entry for cell in self.cells for entry in cell]

    def index_of_variant(self, variant_id: int) -> QModelIndex:
        place = self._places.get(variant_id)
        return self.index(*divmod(place, 7)) if place is not None else QModelIndex()

    def index_of_day(self, day: dt.date) -> QModelIndex:
        for row in range(self.ROWS):
            for column in range(7):
                if self.day_at(row, column) == day:
                    return self.index(row, column)
        return QModelIndex()

    # -- Qt's model ------------------------------------------------------------------------

    def rowCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.ROWS

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def flags(self, index: ANY_INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )

    def hour_at(self, row: int) -> int | None:
        return None

    def data(self, index: ANY_INDEX, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.ROWS and 0 <= column < 7):
            return None
        if role == ENTRIES_ROLE:
            return self.cells[row * 7 + column]
        day = self.day_at(row, column)
        if role == DAY_ROLE:
            return day
        if role == HOUR_ROLE:
            return self.hour_at(row)
        if role == TODAY_ROLE:
            return day == self.today
        if role == OUTSIDE_ROLE:
            return self.is_outside(day)
        if role == MARKS_ROLE:
            return self.marks.get(day, []) if self.hour_at(row) is None else []
        if role == GAP_ROLE:
            return day in self.gaps
        if role == DISPLAY_ROLE:
            return str(day.day)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(self.cells[row * 7 + column])
            names = "".join(f", {mark.name}" for mark in self.marks.get(day, []))
            return f"{fmt.date_long(day)}{names}: {count}"
        return None

    def is_outside(self, day: dt.date) -> bool:
        return False


class MonthModel(ChipGridModel):
    """A month as six whole weeks, Monday first (`planning.month_grid`)."""

    ROWS = 6

    def __init__(self, db: Database, parent=None):
        super().__init__(db, parent)
        self.month = dt.date.today().replace(day=1)
        self.start, self.end = planning.month_grid(self.month.year, self.month.month)

    def show_month(self, year: int, month: int, filters: planning.Filters | None = None) -> None:
        """Show this month (read with one query)."""
        self.month = dt.date(year, month, 1)
        self.start, self.end = planning.month_grid(year, month)
        if filters is not None:
            self.filters = filters
        self.reload()

    def day_at(self, row: int, column: int) -> dt.date:
        return self.start + dt.timedelta(days=row * 7 + column)

    def place_of(self, entry: planning.Entry) -> int | None:
        day = entry.day
        if day is None or not self.start <= day <= self.end:
            return None
        return (day - self.start).days

    def places_of_day(self, day: dt.date) -> list[int]:
        return [(day - self.start).days] if self.start <= day <= self.end else []

    def is_outside(self, day: dt.date) -> bool:
        return (day.year, day.month) != (self.month.year, self.month.month)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):  # noqa: N802
        if role == DISPLAY_ROLE and orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return day_names()[section]
        return None


class WeekModel(ChipGridModel):
    """A week, Monday first, in hour slots from FIRST_HOUR to LAST_HOUR; earlier and later
    posts sit in the first and last slot."""

    ROWS = LAST_HOUR - FIRST_HOUR + 1

    def __init__(self, db: Database, parent=None):
        super().__init__(db, parent)
        self.start, self.end = planning.week_of(dt.date.today())

    def show_week(self, day: dt.date, filters: planning.Filters | None = None) -> None:
        self.start, self.end = planning.week_of(day)
        if filters is not None:
            self.filters = filters
        self.reload()

    def day_at(self, row: int, column: int) -> dt.date:
        return self.start + dt.timedelta(days=column)

    def hour_at(self, row: int) -> int | None:
        return FIRST_HOUR + row

    def place_of(self, entry: planning.Entry) -> int | None:
        day = entry.day
        if day is None or not self.start <= day <= self.end:
            return None
        hour = min(max(entry.at.hour, FIRST_HOUR), LAST_HOUR)
        return (hour - FIRST_HOUR) * 7 + (day - self.start).days

    def places_of_day(self, day: dt.date) -> list[int]:
        if not self.start <= day <= self.end:
            return []
        return [row * 7 + (day - self.start).days for row in range(self.ROWS)]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            day = self.start + dt.timedelta(days=section)
            if role == Qt.ItemDataRole.FontRole and day == self.today:
                bold = QFont()
                bold.setBold(True)
                return bold
            marks = self.marks.get(day, [])
            if role == DISPLAY_ROLE:
                return f"{day_names()[section]} {day.day}" + (" •" if marks else "")
            if role == Qt.ItemDataRole.ToolTipRole and marks:
                return "\n".join(marks_tooltip(marks))
            if role == Qt.ItemDataRole.ForegroundRole and any(m.day_off for m in marks):
                return QColor(HOLIDAY_COLOR)
        if role == DISPLAY_ROLE and orientation == Qt.Orientation.Vertical:
            return fmt.time_short(dt.time(FIRST_HOUR + section))
        return None


class EntryListModel(RowsTableModel):
    """A period's variants as rows (the list view), and the posts published outside the plan
    (`OutsideEntry`), marked as such: neither is edited here."""

    COLUMNS = (
        "date",
        "time",
        "platform",
        "account",
        "title",
        "status",
        "assignee",
        "pillar",
        "campaign",
    )

    def column_title(self, column: str) -> str:
        return {
            "date": _("Date"),
            "time": _("Time"),
            "platform": _("Platform"),
            "account": _("Account"),
            "title": _("Post"),
            "status": _("Status"),
            "assignee": _("Assigned to"),
            "pillar": _("Pillar"),
            "campaign": _("Campaign"),
        }[column]

    def row_key(self, entry: planning.Entry | OutsideEntry):
        if isinstance(entry, OutsideEntry):
            return ("outside", entry.post.account_id, entry.post.post_id)
        return entry.variant_id

    def display(self, entry: planning.Entry | OutsideEntry, column: str) -> str:
        if column == "date":
            return fmt.weekday_date(entry.day) if entry.day else ""
        if column == "time":
            return fmt.time_short(entry.at) if entry.at else ""
        if column == "platform":
            return accounts.platform_title(entry.platform)
        if column == "account":
            return "@" + entry.handle
        if column == "title":
            return entry.title
        if isinstance(entry, OutsideEntry):
            return outside_title() if column == "status" else ""
        if column == "status":
            return posts.status_title(entry.status)
        return getattr(entry, column)

    def sort_key(self, entry: planning.Entry | OutsideEntry, column: str):
        if column in ("date", "time"):
            return entry.when or ""
        return super().sort_key(entry, column)

    def role_data(self, entry: planning.Entry | OutsideEntry, column: str, role: int):
        outside = isinstance(entry, OutsideEntry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return outside_tooltip(entry) if outside else entry_tooltip(entry)
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            if outside:
                return outside_dot()
            from gui.calendar.grid_view import status_dot

            return status_dot(entry.status)
        if outside and role == Qt.ItemDataRole.FontRole:
            italic = QFont()
            italic.setItalic(True)
            return italic
        if outside and role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QColor(OUTSIDE_COLOR)
        return None
