"""What the growth charts draw: follower series over a range, indexed or not, growth since a
date, month-over-month changes, the engagement rate month by month, and which months have no
data. The Pertumbuhan tab, Beranda and the PDF report read these; every figure follows the rules
of `core.figures` (value at a date, growth, monthly, engagement rate), so a chart and a card or
a report line never disagree.

**Missing data.** A series is the snapshots as stored: nothing is interpolated. A calendar
month between a series' first and last point (in the range shown) that has no snapshot is
*missing*: the line breaks there and the chart marks the months (`Series.missing`), the same
months `figures.monthly` reports as missing. Points days apart inside months that have data
are joined as usual.

**Indexed.** 100 = the value at the range's start, read by `figures.value_at`'s rule: the last
snapshot on or before the start, else the first inside the range. A series whose start value
is 0 cannot be indexed (`Series.indexed` gives None; the chart says why).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from core import accounts, figures, fmt, timezone
from core.db import Database
from core.errors import ValidationError
from core.i18n import N_, _

KINDS = (
    ("followers", N_("Followers")),
    ("growth", N_("Growth since the start")),
    ("monthly", N_("Change per month")),
    ("engagement", N_("Engagement rate")),
    ("peers", N_("Peer comparison")),
)
"""The charts of the Pertumbuhan tab: (kind, title before translation)."""
KIND_NAMES = tuple(kind for kind, _title in KINDS)

PRESETS = (
    ("month", N_("This month")),
    ("3m", N_("Last 3 months")),
    ("6m", N_("Last 6 months")),
    ("12m", N_("Last 12 months")),
    ("ytd", N_("This year")),
    ("all", N_("All data")),
    ("custom", N_("Custom…")),
)
"""Range presets: (preset, title before translation)."""
PRESET_NAMES = tuple(name for name, _title in PRESETS)
DEFAULT_PRESET = "12m"


def kind_title(kind: str) -> str:
    return _(dict(KINDS)[kind])


def preset_title(preset: str) -> str:
    return _(dict(PRESETS)[preset])


# --- ranges ------------------------------------------------------------------------------


def preset_range(
    preset: str, today: dt.date, first_date: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The (start, end) of a preset ending today: "month" from the last day of the month
    before (its closing figure is where this month's change starts, as on Beranda); "3m" from
    the same day three months ago; "all" from `first_date` (the first snapshot of the
    accounts shown), or today without one. "custom" has no range of its own."""
    if preset == "month":
        return today.replace(day=1) - dt.timedelta(days=1), today
    if preset in ("3m", "6m", "12m"):
        return timezone.add_months(today, -int(preset[:-1])), today
    if preset == "ytd":
        return dt.date(today.year, 1, 1), today
    if preset == "all":
        return min(first_date or today, today), today
    raise ValidationError("preset", preset, _("unknown range"))


def first_date(db: Database, account_ids: list[int] | tuple[int, ...]) -> dt.date | None:
    """The date of the first follower snapshot of any of the accounts (None without one)."""
    if not account_ids:
        return None
    marks = ", ".join("?" for _id in account_ids)
    row = db.conn.execute(
        f"SELECT MIN(date) FROM account_snapshots WHERE account_id IN ({marks})",
        tuple(account_ids),
    ).fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def range_text(start: dt.date, end: dt.date) -> str:
    """ "1 Jan 2026 – 25 Nov 2026"."""
    return f"{fmt.date_short(start)} – {fmt.date_short(end)}"


# --- follower series ---------------------------------------------------------------------


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


@dataclass(frozen=True)
class Series:
    """An account's snapshots of one figure, in date order: `days` are proleptic ordinals
    (`date.toordinal()`, what the charts' x axis counts), `values` the figures."""

    account: accounts.Account
    days: tuple[int, ...]
    values: tuple[int, ...]
    field: str = "followers"
    #: The first day of the range asked for (None: from the first snapshot).
    start: dt.date | None = None
    #: The value at the range's start by figures.value_at's rule (see `base`).
    base_value: int | None = None
    base_day: int | None = None
    missing: tuple[tuple[dt.date, dt.date], ...] = ()
    """Spans of months with no snapshot between the first and last point: (first day of
    the first missing month, first day of the month after the last)."""
    #: The months (year × 12 + month − 1) that have a point, of the whole series (read once
    #: at load: a window then only looks at the months between its first and last point).
    months: frozenset[int] | None = None

    def __len__(self) -> int:
        return len(self.days)

    @property
    def dates(self) -> list[dt.date]:
        return [dt.date.fromordinal(day) for day in self.days]

    def window(self, start: dt.date | None, end: dt.date) -> Series:
        """The points from `start` to `end` (both included), with the start's value (the
        last point on or before `start`, else the first in the range) and the missing
        months of the range."""
        low = bisect.bisect_left(self.days, start.toordinal()) if start else 0
        high = bisect.bisect_right(self.days, end.toordinal())
        days, values = self.days[low:high], self.values[low:high]
        base_value = base_day = None
        # the last point on or before the start (a point on the start day itself included)
        at = bisect.bisect_right(self.days, start.toordinal()) - 1 if start else -1
        if at >= 0:
            base_value, base_day = self.values[at], self.days[at]
        elif days:  # none: the first inside the range (a later date)
            base_value, base_day = values[0], days[0]
        months = self.months
        if months is None:
            months = frozenset(_month_index(dt.date.fromordinal(day)) for day in self.days)
        return Series(
            self.account,
            days,
            values,
            self.field,
            start,
            base_value,
            base_day,
            _missing_months(days, months),
            months,
        )

    def indexed(self) -> tuple[float, ...] | None:
        """The values as 100 × value ÷ the start's value; None when that is 0 or unknown."""
        if not self.base_value:
            return None
        scale = 100 / self.base_value
        return tuple(value * scale for value in self.values)

    def index_on(self, day: dt.date) -> int | None:
        """The place of the last point on or before `day` (None before the first)."""
        index = bisect.bisect_right(self.days, day.toordinal()) - 1
        return index if index >= 0 else None

    def value_on(self, day: dt.date) -> tuple[dt.date, int] | None:
        """The last point on or before `day` (its date and value), as a tooltip shows it."""
        index = self.index_on(day)
        if index is None:
            return None
        return dt.date.fromordinal(self.days[index]), self.values[index]


def _missing_months(
    days: tuple[int, ...], present: frozenset[int]
) -> tuple[tuple[dt.date, dt.date], ...]:
    """The spans of months without a point from the month of `days`' first point to its last
    (`present`: every month with a point)."""
    if len(days) < 2:
        return ()
    first = _month_index(dt.date.fromordinal(days[0]))
    last = _month_index(dt.date.fromordinal(days[-1]))
    spans: list[tuple[dt.date, dt.date]] = []
    month = first
    while month <= last:
        if month in present:
            month += 1
            continue
        gap_end = month
        while gap_end + 1 <= last and gap_end + 1 not in present:
            gap_end += 1
        spans.append((_month_start(month), _month_start(gap_end + 1)))
        month = gap_end + 1
    return tuple(spans)


def _known(db: Database) -> dict[int, accounts.Account]:
    """Every account of the file, archived ones too, by id."""
    return {account.id: account for account in accounts.list_all(db, include_archived=True)}


def load(
    db: Database, account_ids: list[int] | tuple[int, ...], field: str = "followers"
) -> list[Series]:
    """Every snapshot of `field` of the accounts (all dates), one `Series` each, in the order
    of `account_ids`; an unknown id is left out. Slice with `Series.window`."""
    if field not in figures.FIELDS:
        raise ValidationError("field", field, _("unknown figure"))
    column = field  # one of FIELDS, never the caller's own text
    wanted = [int(account_id) for account_id in account_ids]
    if not wanted:
        return []
    known = _known(db)
    days: dict[int, list[int]] = {account_id: [] for account_id in wanted}
    values: dict[int, list[int]] = {account_id: [] for account_id in wanted}
    marks = ", ".join("?" for _id in wanted)
    rows = db.conn.execute(
        f"""SELECT account_id, date, {column} FROM account_snapshots
            WHERE account_id IN ({marks}) AND {column} IS NOT NULL
            ORDER BY account_id, date""",
        tuple(wanted),
    )
    months: dict[int, set[str]] = {account_id: set() for account_id in wanted}
    ordinal = dt.date.toordinal
    parse = dt.date.fromisoformat
    for account_id, day, value in rows:
        days[account_id].append(ordinal(parse(day)))
        values[account_id].append(value)
        months[account_id].add(day[:7])
    return [
        Series(
            known[account_id],
            tuple(days[account_id]),
            tuple(values[account_id]),
            field,
            months=frozenset(int(m[:4]) * 12 + int(m[5:7]) - 1 for m in months[account_id]),
        )
        for account_id in dict.fromkeys(wanted)
        if account_id in known
    ]


def followers(
    db: Database,
    account_ids: list[int] | tuple[int, ...],
    start: dt.date | None,
    end: dt.date,
    field: str = "followers",
) -> list[Series]:
    """The accounts' series of `field` from `start` to `end` (see `Series.window`)."""
    return [series.window(start, end) for series in load(db, account_ids, field)]


# --- growth since a date -----------------------------------------------------------------


def growth_label(change: int, percent: float | None) -> str:
    """ "+24.370 (+46,6%)"; without a percent (a start of 0) only the change."""
    text = fmt.signed(change)
    if percent is not None:
        text += f" ({fmt.signed_percent(percent, 1)})"
    return text


@dataclass(frozen=True)
class GrowthBar:
    account: accounts.Account
    growth: figures.GrowthFigure | None
    """None: no value at the start or the end (the bar is left out, the chart says so)."""

    @property
    def label(self) -> str:
        """ "+24.370 (+46,6%)"; with "from 31 Okt" when the start figure is a later one (the
        account has none on or before the start: figures' fallback, always shown)."""
        if self.growth is None:
            return _("no data")
        text = growth_label(self.growth.change, self.growth.percent)
        if self.growth.start.fallback:
            text += " · " + _("from {date}").format(
                date=fmt.date_short(self.growth.start.date_used)
            )
        return text


def growth_bars(
    db: Database, account_ids: list[int] | tuple[int, ...], start: dt.date, end: dt.date
) -> list[GrowthBar]:
    """Each account's follower growth from `start` to `end` by `figures.growth`."""
    known = _known(db)
    return [
        GrowthBar(known[account_id], figures.growth(db, account_id, start, end))
        for account_id in dict.fromkeys(account_ids)
        if account_id in known
    ]


# --- month over month --------------------------------------------------------------------


@dataclass(frozen=True)
class MonthlySeries:
    account: accounts.Account
    months: tuple[figures.MonthFigure, ...]


def monthly_changes(
    db: Database, account_ids: list[int] | tuple[int, ...], start: dt.date, end: dt.date
) -> list[MonthlySeries]:
    """Each account's months from `start`'s to `end`'s by `figures.monthly` (a missing month
    has no change)."""
    known = _known(db)
    return [
        MonthlySeries(known[account_id], tuple(figures.monthly(db, account_id, start, end)))
        for account_id in dict.fromkeys(account_ids)
        if account_id in known
    ]


# --- engagement rate ---------------------------------------------------------------------


@dataclass(frozen=True)
class EngagementMonth:
    month: dt.date
    figure: figures.EngagementFigure

    @property
    def rate(self) -> float | None:
        return self.figure.rate


@dataclass(frozen=True)
class EngagementSeries:
    account: accounts.Account
    months: tuple[EngagementMonth, ...]
    benchmark: figures.Benchmark
    target: float | None
    method: str = figures.DEFAULT_METHOD

    @property
    def comparable(self) -> bool:
        """The benchmark was computed the way the rates are (else nothing is marked below)."""
        return self.benchmark.method == self.method

    def below(self, month: EngagementMonth) -> bool:
        """The month's rate is under the platform's benchmark, counted the same way."""
        return self.comparable and month.rate is not None and month.rate < self.benchmark.rate


def engagement(
    db: Database,
    account_ids: list[int] | tuple[int, ...],
    start: dt.date,
    end: dt.date,
    method: str | None = None,
) -> list[EngagementSeries]:
    """Each account's engagement rate per calendar month from `start`'s month to `end`'s, by
    `figures.account_engagement` over the whole month (a month without a rate: None), with
    its platform's benchmark and its own target."""
    method = method or figures.engagement_method(db)
    known = _known(db)
    months, month = [], _month_index(start)
    while month <= _month_index(end):
        months.append(_month_start(month))
        month += 1
    result = []
    for account_id in dict.fromkeys(account_ids):
        account = known.get(account_id)
        if account is None:
            continue
        points = tuple(
            EngagementMonth(
                first,
                figures.account_engagement(
                    db,
                    account_id,
                    first,
                    _month_start(_month_index(first) + 1) - dt.timedelta(days=1),
                    method,
                ),
            )
            for first in months
        )
        result.append(
            EngagementSeries(
                account,
                points,
                figures.benchmark(db, account.platform),
                figures.target(db, account_id).engagement_rate,
                method,
            )
        )
    return result


# --- peers -------------------------------------------------------------------------------


def peer_platforms(db: Database) -> list[str]:
    """Platforms with at least one peer account and one of ours, in `accounts.PLATFORMS`
    order: the ones a peer comparison can be drawn for."""
    found = {(account.platform, account.peer) for account in accounts.list_all(db)}
    return [
        platform
        for platform in accounts.PLATFORMS
        if (platform, True) in found and (platform, False) in found
    ]


def peer_accounts(db: Database, platform: str) -> list[accounts.Account]:
    """Our accounts on `platform`, then the peers on it (not archived)."""
    found = [account for account in accounts.list_all(db) if account.platform == platform]
    return [a for a in found if not a.peer] + [a for a in found if a.peer]


# --- one chart ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartSpec:
    """What one chart shows: its kind, the accounts (for "peers": the platform's own and peer
    accounts instead), the range, and for followers whether indexed (peers always are)."""

    kind: str
    account_ids: tuple[int, ...]
    start: dt.date
    end: dt.date
    indexed: bool = False
    platform: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KIND_NAMES:
            raise ValidationError("kind", self.kind, _("unknown chart"))
        if self.end < self.start:
            raise ValidationError("end", self.end.isoformat(), _("the end comes before the start"))

    @property
    def is_indexed(self) -> bool:
        return self.indexed or self.kind == "peers"

    def title(self) -> str:
        """ "Followers · 25 Nov 2025 – 25 Nov 2026" (the chart's heading and its export's)."""
        if self.kind == "growth":
            return _("Growth since {start} (until {end})").format(
                start=fmt.date_short(self.start), end=fmt.date_short(self.end)
            )
        heading = kind_title(self.kind)
        if self.kind == "peers" and self.platform:
            heading = f"{heading}: {accounts.platform_title(self.platform)}"
        if self.kind == "followers" and self.indexed:
            heading = _("Followers, indexed (100 = start)")
        return f"{heading} · {range_text(self.start, self.end)}"


def chart_accounts(db: Database, spec: ChartSpec) -> tuple[int, ...]:
    """The accounts a chart draws: the spec's, or for peers the platform's own and peers."""
    if spec.kind == "peers":
        return tuple(account.id for account in peer_accounts(db, spec.platform or ""))
    return spec.account_ids


def chart_data(db: Database, spec: ChartSpec):
    """What `gui.charts.plot.draw` draws for `spec`: a list of `Series` (followers, peers),
    `GrowthBar` (growth), `MonthlySeries` (monthly) or `EngagementSeries` (engagement)."""
    ids = chart_accounts(db, spec)
    if spec.kind in ("followers", "peers"):
        return followers(db, ids, spec.start, spec.end)
    if spec.kind == "growth":
        return growth_bars(db, ids, spec.start, spec.end)
    if spec.kind == "monthly":
        return monthly_changes(db, ids, spec.start, spec.end)
    return engagement(db, ids, spec.start, spec.end)


def account_label(account: accounts.Account) -> str:
    """ "Instagram @bmsn_ri", and "(peer)" after another institution's account."""
    text = f"{accounts.platform_title(account.platform)} {accounts.handle_text(account)}"
    if account.peer:
        text += " " + _("(peer)")
    return text
