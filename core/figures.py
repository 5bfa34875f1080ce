"""Derived figures: the one place that says how a value, a growth, a monthly series and an
engagement rate are computed from the stored snapshots. Beranda, charts and reports use these
functions; nothing else divides engagements or picks "the value at a date".

The rules
---------

**Value at a date** (`value_at`). The value of a figure (followers, or another snapshot count)
at a date is the one of the *last snapshot on or before* that date that has the figure. If
there is none and a period is given, it is the one of the *first snapshot inside the period*
(on or after the date, up to the period's end): such a value is a fallback, marked with the
date actually used (`Value.fallback`). With neither, there is no value (None). `Value.exact`
says the snapshot is of the very date asked for. Nothing is ever interpolated.

**Growth between two dates** (`growth`). Start value = the value at the start date, with the
period fallback above (so an account whose first snapshot lies inside the period starts there,
marked); end value = the value at the end date (last snapshot on or before it). Change =
end − start (negative when followers were lost); percent = change ÷ start, None when the start
is 0. No start or no end value: no growth (None).

**Month-over-month** (`monthly`). A month's value is that of its *last snapshot inside the
month* (marked with its date); a month with no snapshot is *missing* (value None), never
filled from a neighbour. Each month's change is against the month before (also computed for
the first month of the series); it is None when either month is missing; percent as for growth.

**Average monthly growth** (`average_monthly_growth`). The growth between the two dates
divided by the number of calendar months between the dates actually used (August − January =
7); its percent is the compound monthly rate (end ÷ start) ^ (1 / months) − 1, None when the
start is 0. None when the dates used fall in the same month.

**Engagement rate** (`engagement_rate`, `account_engagement`). ER = engagements ÷ base, where
the base is chosen by the setting "metrics.engagement_method":

- "followers" (default): engagements summed over the period's snapshots (those dated from
  `start` to `end` that have engagements), divided by the followers at the period's end (the
  value at `end` by the rule above).
- "reach" / "impressions": engagements ÷ reach (impressions), both summed over the period's
  snapshots that have both figures: a snapshot missing its reach counts in neither sum, so it
  never inflates the rate.

A snapshot's engagements (reach, impressions) count in the period its date falls in: with
monthly updates, a month's rate is that month's snapshot's engagements over the followers at
the month's end (the same snapshot's, if it is the month's last).

**Over several months** (`monthly_engagement`): the benchmark (2,15%) is a rate per month,
while engagements summed over a year and divided by the followers at its end would read
twelve times too high. A period longer than one calendar month is therefore reported as the
*average of its months' rates*: each calendar month of the period has its rate by the rule
above; months the period cuts (it starts after the 1st or ends before the month's last day)
count only when the period holds no whole month; months without a rate are left out of the
average; no month with a rate gives None.

A zero or missing base gives None (never a division error, never 0%); so do missing
engagements. Engagements of 0 over a real base are a real 0%. Rates are fractions, shown with
two decimals through `core.fmt.percent` (0.0021 -> "0,21%"; see `format_rate`).

Benchmarks and targets
----------------------

One benchmark engagement rate per platform, stored with the source it was taken from and the
method it was computed with; with nothing stored it is `DEFAULT_BENCHMARK_RATE` (2,15%, the
average the national archive was told its 0,21% sat far below). Each account may have targets:
an engagement rate and a follower count, both optional. Rates are fractions from 0 to 1.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from core import validate
from core.db import Database, now_iso
from core.errors import ValidationError
from core.i18n import N_, _

METHODS = (
    ("followers", N_("Engagements ÷ followers")),
    ("reach", N_("Engagements ÷ reach")),
    ("impressions", N_("Engagements ÷ impressions")),
)
"""How an engagement rate is computed: (method, title before translation)."""
METHOD_NAMES = tuple(name for name, _title in METHODS)
DEFAULT_METHOD = "followers"
METHOD_SETTING = "metrics.engagement_method"

DEFAULT_BENCHMARK_RATE = 0.0215
DEFAULT_BENCHMARK_SOURCE = N_(
    "Average engagement rate of government accounts cited to the national archive"
)

FIELDS = ("followers", "reach", "impressions", "engagements", "posts_published")
"""The snapshot figures a value can be read of."""


# --- value at a date ---------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A figure as read for a date: `date_used` is the snapshot's date.

    `exact`: the snapshot is of the date asked for. `fallback`: there was none on or before
    that date, so this is the first snapshot inside the period (a later date: show it).
    """

    value: int
    date_used: str
    exact: bool
    fallback: bool = False


def _day(value: dt.date | str, field: str = "date") -> str:
    return validate.date(field, value)


def _field(field: str) -> str:
    if field not in FIELDS:
        raise ValidationError("field", field, _("unknown figure"))
    return field


def value_at(
    db: Database,
    account_id: int,
    date: dt.date | str,
    period_end: dt.date | str | None = None,
    field: str = "followers",
) -> Value | None:
    """The value of `field` at `date`: the last snapshot on or before it; if there is none and
    `period_end` is given, the first snapshot from `date` to `period_end` (marked `fallback`);
    else None. Snapshots without the figure are skipped."""
    day, column = _day(date), _field(field)
    row = db.conn.execute(
        f"""SELECT date, {column} FROM account_snapshots
            WHERE account_id = ? AND date <= ? AND {column} IS NOT NULL
            ORDER BY date DESC LIMIT 1""",
        (account_id, day),
    ).fetchone()
    if row is not None:
        return Value(row[1], row[0], row[0] == day)
    if period_end is None:
        return None
    row = db.conn.execute(
        f"""SELECT date, {column} FROM account_snapshots
            WHERE account_id = ? AND date > ? AND date <= ? AND {column} IS NOT NULL
            ORDER BY date LIMIT 1""",
        (account_id, day, _day(period_end, "end")),
    ).fetchone()
    return Value(row[1], row[0], False, True) if row is not None else None


# --- growth ------------------------------------------------------------------------------


def _percent(change: int | float, start: int | float) -> float | None:
    return change / start if start else None


@dataclass(frozen=True)
class GrowthFigure:
    """Growth between the value at a period's start and the value at its end."""

    account_id: int
    start: Value
    end: Value

    @property
    def change(self) -> int:
        return self.end.value - self.start.value

    @property
    def percent(self) -> float | None:
        """change ÷ start value; None when the start value is 0."""
        return _percent(self.change, self.start.value)


def growth(
    db: Database,
    account_id: int,
    start: dt.date | str,
    end: dt.date | str,
    field: str = "followers",
) -> GrowthFigure | None:
    """Growth of `field` from `start` to `end` by the module's rule (start: last on or before,
    else first inside the period, marked; end: last on or before). None without both."""
    start_day, end_day = _day(start, "start"), _day(end, "end")
    if end_day < start_day:
        raise ValidationError("end", end_day, _("the end comes before the start"))
    first = value_at(db, account_id, start_day, end_day, field)
    last = value_at(db, account_id, end_day, field=field)
    if first is None or last is None:
        return None
    return GrowthFigure(account_id, first, last)


def _months_between(first: str, last: str) -> int:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return (b.year - a.year) * 12 + b.month - a.month


@dataclass(frozen=True)
class AverageGrowth:
    growth: GrowthFigure
    months: int
    """Calendar months between the two dates used (at least 1)."""

    @property
    def per_month(self) -> float:
        return self.growth.change / self.months

    @property
    def percent(self) -> float | None:
        """The compound monthly rate; None when the start value is 0."""
        start, end = self.growth.start.value, self.growth.end.value
        if not start:
            return None
        return (end / start) ** (1 / self.months) - 1


def average_monthly_growth(
    db: Database,
    account_id: int,
    start: dt.date | str,
    end: dt.date | str,
    field: str = "followers",
) -> AverageGrowth | None:
    """The average growth per month from `start` to `end` (see the module docstring); None
    without a growth, or when both values are of the same month."""
    found = growth(db, account_id, start, end, field)
    if found is None:
        return None
    months = _months_between(found.start.date_used, found.end.date_used)
    return AverageGrowth(found, months) if months > 0 else None


# --- month over month --------------------------------------------------------------------


@dataclass(frozen=True)
class MonthFigure:
    """A month of a series: `month` is its first day; `value` None means no snapshot that
    month (`missing`), never filled in."""

    month: str
    value: int | None
    date_used: str | None
    change: int | None
    percent: float | None

    @property
    def missing(self) -> bool:
        return self.value is None


def _first_of_month(value: dt.date | str, field: str) -> dt.date:
    if isinstance(value, str) and len(value.strip()) == 7:  # "2019-08"
        value = value.strip() + "-01"
    return dt.date.fromisoformat(_day(value, field)).replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def monthly(
    db: Database,
    account_id: int,
    start_month: dt.date | str,
    end_month: dt.date | str,
    field: str = "followers",
) -> list[MonthFigure]:
    """One `MonthFigure` per calendar month from `start_month` to `end_month` (a date in the
    month, or "YYYY-MM"): each month's last snapshot, its change against the month before."""
    first, last = _first_of_month(start_month, "start"), _first_of_month(end_month, "end")
    if last < first:
        raise ValidationError("end", last.isoformat(), _("the end comes before the start"))
    column = _field(field)
    before = dt.date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    rows = db.conn.execute(
        f"""SELECT date, {column} FROM account_snapshots
            WHERE account_id = ? AND date >= ? AND date < ? AND {column} IS NOT NULL
            ORDER BY date""",
        (account_id, before.isoformat(), _next_month(last).isoformat()),
    ).fetchall()
    last_of_month: dict[str, tuple[str, int]] = {}
    for day, value in rows:  # in date order: the month's last snapshot wins
        last_of_month[day[:7]] = (day, value)
    result, previous, month = [], last_of_month.get(before.isoformat()[:7]), first
    while month <= last:
        found = last_of_month.get(month.isoformat()[:7])
        change = percent = None
        if found is not None and previous is not None:
            change = found[1] - previous[1]
            percent = _percent(change, previous[1])
        result.append(
            MonthFigure(
                month.isoformat(),
                found[1] if found else None,
                found[0] if found else None,
                change,
                percent,
            )
        )
        previous, month = found, _next_month(month)
    return result


# --- engagement rate ---------------------------------------------------------------------


def engagement_rate(engagements: int | float | None, base: int | float | None) -> float | None:
    """engagements ÷ base (followers, reach or impressions): None when either is missing or
    the base is not above zero (never a division error, never a made-up 0%)."""
    if engagements is None or base is None:
        return None
    if isinstance(engagements, float) and not math.isfinite(engagements):
        return None
    if isinstance(base, float) and not math.isfinite(base):
        return None
    if base <= 0 or engagements < 0:
        return None
    return engagements / base


def format_rate(rate: float | None) -> str:
    """A rate with two decimals in the user's language: 0.0021 -> "0,21%"; None -> "–"."""
    from core import fmt

    return fmt.percent(rate, 2)


def method_title(method: str) -> str:
    return _(dict(METHODS)[_method(method)])


def _method(method: str) -> str:
    if method not in METHOD_NAMES:
        raise ValidationError("method", method, _("unknown engagement rate method"))
    return method


def engagement_method(db: Database) -> str:
    """The method chosen in settings ("followers" unless changed)."""
    from core import settings

    return settings.get(db, METHOD_SETTING)


@dataclass(frozen=True)
class EngagementFigure:
    """An account's engagement rate over a period and what it was computed from."""

    rate: float | None
    engagements: int | None
    """The period's engagements, summed; None when no snapshot has them."""
    base: int | None
    """Followers at the period's end, or the period's reach or impressions summed."""
    method: str
    dates_used: tuple[str, ...]
    """The snapshots whose engagements were summed."""
    base_date: str | None = None
    """For "followers": the date of the follower figure used (the value at the period's end)."""

    @property
    def text(self) -> str:
        return format_rate(self.rate)


def account_engagement(
    db: Database,
    account_id: int,
    start: dt.date | str,
    end: dt.date | str,
    method: str | None = None,
) -> EngagementFigure:
    """The engagement rate of an account from `start` to `end` (both included), by `method`
    or else the one chosen in settings. See the module docstring for the definition."""
    start_day, end_day = _day(start, "start"), _day(end, "end")
    if end_day < start_day:
        raise ValidationError("end", end_day, _("the end comes before the start"))
    method = _method(method or engagement_method(db))
    if method == DEFAULT_METHOD:
        rows = db.conn.execute(
            """SELECT date, engagements FROM account_snapshots
               WHERE account_id = ? AND date >= ? AND date <= ? AND engagements IS NOT NULL
               ORDER BY date""",
            (account_id, start_day, end_day),
        ).fetchall()
        engagements = sum(row[1] for row in rows) if rows else None
        followers = value_at(db, account_id, end_day)
        base = followers.value if followers else None
        base_date = followers.date_used if followers else None
    else:  # the column name comes from METHODS, never from the caller's text
        rows = db.conn.execute(
            f"""SELECT date, engagements, {method} FROM account_snapshots
                WHERE account_id = ? AND date >= ? AND date <= ?
                  AND engagements IS NOT NULL AND {method} IS NOT NULL
                ORDER BY date""",
            (account_id, start_day, end_day),
        ).fetchall()
        engagements = sum(row[1] for row in rows) if rows else None
        base = sum(row[2] for row in rows) if rows else None
        base_date = None
    return EngagementFigure(
        engagement_rate(engagements, base),
        engagements,
        base,
        method,
        tuple(row[0] for row in rows),
        base_date,
    )


def _months_of(start: str, end: str) -> list[tuple[str, str]]:
    """The calendar months from `start` to `end`, each cut to the period: (first, last)."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    result, month = [], first.replace(day=1)
    while month <= last:
        after = _next_month(month)
        result.append(
            (max(month, first).isoformat(), min(after - dt.timedelta(days=1), last).isoformat())
        )
        month = after
    return result


@dataclass(frozen=True)
class MonthlyEngagement:
    """An engagement rate over a period as the average of its months' rates."""

    rate: float | None
    months: tuple[EngagementFigure, ...]
    """Every month of the period (cut to it), with or without a rate."""
    method: str

    @property
    def counted(self) -> int:
        """The months with a rate (those averaged)."""
        return sum(1 for month in self.months if month.rate is not None)

    @property
    def text(self) -> str:
        return format_rate(self.rate)


def monthly_engagement(
    db: Database,
    account_id: int,
    start: dt.date | str,
    end: dt.date | str,
    method: str | None = None,
) -> MonthlyEngagement:
    """The engagement rate over `start`–`end` comparable with a monthly benchmark: the mean
    of the rates of its calendar months (see the module docstring). For a period within one
    month it is that period's rate."""
    start_day, end_day = _day(start, "start"), _day(end, "end")
    if end_day < start_day:
        raise ValidationError("end", end_day, _("the end comes before the start"))
    method = _method(method or engagement_method(db))
    spans = _months_of(start_day, end_day)
    months = tuple(account_engagement(db, account_id, first, last, method) for first, last in spans)
    # Whole months only, when there are some: a month cut by the period (the 15th onward)
    # has half a month's engagements and would read below any monthly benchmark.
    whole = [
        figure
        for figure, (first, last) in zip(months, spans, strict=True)
        if first.endswith("-01") and (dt.date.fromisoformat(last) + dt.timedelta(days=1)).day == 1
    ]
    counted = whole or list(months)
    rates = [month.rate for month in counted if month.rate is not None]
    return MonthlyEngagement(sum(rates) / len(rates) if rates else None, months, method)


# --- benchmarks and targets --------------------------------------------------------------


def _rate(field: str, value: object, *, required: bool = True) -> float | None:
    """A rate as a fraction from 0 to 1 (0.0215), or a text with "%" ("2,15%")."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, value, _("a number is required"))
        return None
    if isinstance(value, bool):
        raise ValidationError(field, value, _("must be a number"))
    try:
        if isinstance(value, str) and value.strip().endswith("%"):
            from core import parse

            number = parse.percent(value)  # "2,15%" and "2.15%" are 0.0215
        else:
            number = float(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(field, value, _("must be a number")) from error
    if number is None:  # "—%": no value
        return _rate(field, None, required=required)
    if not math.isfinite(number) or not 0 <= number <= 1:
        raise ValidationError(field, value, _("must be a fraction from 0 to 1 (0.0215 for 2,15%)"))
    return number


def _platform(platform: object) -> str:
    from core import accounts

    return validate.choice("platform", platform, accounts.PLATFORMS)


@dataclass(frozen=True)
class Benchmark:
    platform: str
    rate: float
    source: str
    method: str
    updated_at: str | None = None
    """None: nothing stored, this is the default."""

    @property
    def stored(self) -> bool:
        return self.updated_at is not None

    @property
    def text(self) -> str:
        return format_rate(self.rate)


def default_benchmark(platform: str) -> Benchmark:
    return Benchmark(
        _platform(platform), DEFAULT_BENCHMARK_RATE, _(DEFAULT_BENCHMARK_SOURCE), DEFAULT_METHOD
    )


def benchmark(db: Database, platform: str) -> Benchmark:
    """The platform's stored benchmark, or the default (2,15%, followers) if none is stored."""
    platform = _platform(platform)
    row = db.conn.execute(
        "SELECT platform, rate, source, method, updated_at FROM benchmarks WHERE platform = ?",
        (platform,),
    ).fetchone()
    return Benchmark(*row) if row else default_benchmark(platform)


def benchmarks(db: Database) -> list[Benchmark]:
    """Every platform's benchmark, stored or default, in `accounts.PLATFORMS` order."""
    from core import accounts

    return [benchmark(db, platform) for platform in accounts.PLATFORMS]


def set_benchmark(
    db: Database, platform: str, rate: object, source: str = "", method: str = DEFAULT_METHOD
) -> Benchmark:
    """Store a platform's benchmark rate (a fraction from 0 to 1), the text of where it comes
    from, and the method it was computed with."""
    platform = _platform(platform)
    rate = _rate("rate", rate)
    source = validate.text("source", source, required=False, max_length=500)
    method = validate.choice("method", method, METHOD_NAMES)
    with db.transaction():
        db.conn.execute(
            """INSERT INTO benchmarks (platform, rate, source, method, updated_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (platform) DO UPDATE SET rate = excluded.rate,
                   source = excluded.source, method = excluded.method,
                   updated_at = excluded.updated_at""",
            (platform, rate, source, method, now_iso()),
        )
    return benchmark(db, platform)


def reset_benchmark(db: Database, platform: str) -> None:
    """Forget the stored benchmark: the platform goes back to the default."""
    platform = _platform(platform)
    with db.transaction():
        db.conn.execute("DELETE FROM benchmarks WHERE platform = ?", (platform,))


@dataclass(frozen=True)
class AccountTarget:
    account_id: int
    engagement_rate: float | None = None
    followers: int | None = None
    updated_at: str | None = None


def target(db: Database, account_id: int) -> AccountTarget:
    """The account's targets; both None when none are set."""
    row = db.conn.execute(
        "SELECT account_id, engagement_rate, followers, updated_at FROM account_targets "
        "WHERE account_id = ?",
        (account_id,),
    ).fetchone()
    return AccountTarget(*row) if row else AccountTarget(account_id)


def set_target(
    db: Database,
    account_id: int,
    engagement_rate: object = None,
    followers: object = None,
) -> AccountTarget:
    """Set an account's targets: what is given is the whole target (None: no target for that
    figure); with neither, the account has no targets."""
    account_id = validate.count("account_id", account_id, required=True)
    rate = _rate("engagement_rate", engagement_rate, required=False)
    followers = validate.count("followers", followers)
    if not db.conn.execute("SELECT 1 FROM accounts WHERE id = ?", (account_id,)).fetchone():
        raise ValidationError("account_id", account_id, _("no such account"))
    with db.transaction():
        if rate is None and followers is None:
            db.conn.execute("DELETE FROM account_targets WHERE account_id = ?", (account_id,))
        else:
            db.conn.execute(
                """INSERT INTO account_targets (account_id, engagement_rate, followers, updated_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (account_id) DO UPDATE SET
                       engagement_rate = excluded.engagement_rate,
                       followers = excluded.followers, updated_at = excluded.updated_at""",
                (account_id, rate, followers, now_iso()),
            )
    return target(db, account_id)


# --- demo --------------------------------------------------------------------------------

DEMO_BENCHMARK_SOURCE = (
    "Rata-rata tingkat interaksi akun pemerintah, dikutip dalam laporan kepada arsip nasional"
)
# Engagement-rate targets of the central accounts, a little above what each usually reaches.
DEMO_RATE_TARGETS = {"facebook": 0.01, "instagram": 0.03, "x": 0.005, "youtube": 0.02}


def populate_demo(db: Database, context) -> None:
    """The demo's benchmark rows (2,15% on every platform it uses) and the central accounts'
    targets: an engagement rate, and followers 10% above today's rounded up to a thousand."""
    for platform in DEMO_RATE_TARGETS:
        set_benchmark(db, platform, DEFAULT_BENCHMARK_RATE, DEMO_BENCHMARK_SOURCE)
    for platform, rate in DEMO_RATE_TARGETS.items():
        account_id = context.account_ids[platform]
        now = value_at(db, account_id, context.today)
        followers = math.ceil(now.value * 1.1 / 1000) * 1000 if now else None
        set_target(db, account_id, rate, followers)
