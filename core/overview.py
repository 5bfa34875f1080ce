"""What the home tab shows: each of our accounts' followers, their change this month and this
year, a year of month-end figures and last month's engagement rate against the benchmark; and
the team's work at a glance: this week's posts, those waiting for review, those whose planned
time has passed, and the accounts with security warnings.

Each can be scoped to some of our accounts (`account_ids`, a unit's: `unit_account_ids`);
None is the whole institution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace

from core import accounts, figures, planning, posts, security, timezone
from core.db import Database

#: Months of follower figures a card's sparkline shows (this month included).
SPARKLINE_MONTHS = 12
#: Statuses of a variant waiting for a reviewer or approver ("changes" is back with its
#: writer: that is work of the writer's, not a wait).
WAITING_STATUSES = ("review",)
#: Security badges that are warnings (an account not checked yet is counted apart).
WARNING_BADGES = ("red", "amber")


# --- scope ---------------------------------------------------------------------------------


def unit_account_ids(db: Database, unit_id: int) -> frozenset[int]:
    """Our accounts (archived ones too) of a unit and its sub-units."""
    from core import units

    inside = {unit_id, *units.descendants(db, unit_id)}
    return frozenset(
        account.id
        for account in accounts.list_all(db, include_archived=True)
        if not account.peer and account.unit_id in inside
    )


# --- accounts --------------------------------------------------------------------------------


def last_full_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the calendar month before `today`'s."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def engagement_level(rate: float | None, benchmark: figures.Benchmark, method: str) -> str:
    """ "above" the benchmark (or level with it), "below" it, "far_below" (under half of it);
    "" without a rate, or when the benchmark was counted another way than the rate (a rate by
    reach against one by followers says nothing)."""
    if rate is None or benchmark.method != method:
        return ""
    if rate >= benchmark.rate:
        return "above"
    return "below" if rate >= benchmark.rate / 2 else "far_below"


@dataclass(frozen=True)
class AccountSummary:
    """One account's card. Growths are None when there is nothing to compare: no figure at
    one end, or the same snapshot at both (no new figure since the period began)."""

    account: accounts.Account
    followers: int | None
    followers_date: str | None
    #: From the last day of the month before to today (`figures.growth`'s dates used).
    month_growth: figures.GrowthFigure | None
    #: From 1 January to today.
    year_growth: figures.GrowthFigure | None
    #: The last `SPARKLINE_MONTHS` months, oldest first; a month without a figure is missing.
    months: tuple[figures.MonthFigure, ...]
    #: Last full month's engagement rate (`last_full_month`).
    engagement: figures.EngagementFigure
    benchmark: figures.Benchmark
    target_rate: float | None

    @property
    def sparkline(self) -> list[int | None]:
        """The month-end followers the sparkline draws; None is a gap, never filled in."""
        return [month.value for month in self.months]

    @property
    def engagement_level(self) -> str:
        return engagement_level(self.engagement.rate, self.benchmark, self.engagement.method)


def _moved(growth: figures.GrowthFigure | None) -> figures.GrowthFigure | None:
    """The growth, unless both its ends are one snapshot (nothing new to compare)."""
    if growth is None or growth.start.date_used == growth.end.date_used:
        return None
    return growth


def _months_until(
    months: list[figures.MonthFigure], latest: figures.Value | None
) -> tuple[figures.MonthFigure, ...]:
    """`months`, this month's figure being today's (`latest`) when its last snapshot is dated
    after today: the sparkline ends at the figure the card shows."""
    this = months[-1]
    if this.date_used is not None and (latest is None or this.date_used > latest.date_used):
        value = latest.value if latest is not None and latest.date_used >= this.month else None
        before = months[-2].value if len(months) > 1 else None
        change = value - before if value is not None and before is not None else None
        months[-1] = replace(
            this,
            value=value,
            date_used=latest.date_used if value is not None else None,
            change=change,
            percent=change / before if change is not None and before else None,
        )
    return tuple(months)


def account_summaries(
    db: Database, today: dt.date, account_ids: Collection[int] | None = None
) -> list[AccountSummary]:
    """Our own accounts (not archived; those of `account_ids` if given): another
    institution's (peers), kept for comparison in charts and reports, have no card of their
    own."""
    month_start = today.replace(day=1)
    previous_month_end = month_start - dt.timedelta(days=1)
    year_start = dt.date(today.year, 1, 1)
    first_month = timezone.add_months(month_start, 1 - SPARKLINE_MONTHS)
    period = last_full_month(today)
    method = figures.engagement_method(db)
    benchmarks: dict[str, figures.Benchmark] = {}
    result = []
    for account in accounts.list_all(db):
        if account.peer or (account_ids is not None and account.id not in account_ids):
            continue
        latest = figures.value_at(db, account.id, today)
        if account.platform not in benchmarks:
            benchmarks[account.platform] = figures.benchmark(db, account.platform)
        result.append(
            AccountSummary(
                account,
                latest.value if latest else None,
                latest.date_used if latest else None,
                _moved(figures.growth(db, account.id, previous_month_end, today)),
                _moved(figures.growth(db, account.id, year_start, today)),
                _months_until(figures.monthly(db, account.id, first_month, month_start), latest),
                figures.account_engagement(db, account.id, period[0], period[1], method),
                benchmarks[account.platform],
                figures.target(db, account.id).engagement_rate,
            )
        )
    return result


# --- the team's work ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCounts:
    """Posts (variants) on the calendar from Monday to Sunday of a week, in the institution's
    days: `planned` counts every one but the cancelled (published ones included), `published`
    those already out."""

    start: dt.date
    end: dt.date
    planned: int
    published: int


def week_counts(
    db: Database, today: dt.date, account_ids: Collection[int] | None = None
) -> WeekCounts:
    start, end = planning.week_of(today)
    counts = status_counts(db, start, end, account_ids)
    return WeekCounts(start, end, sum(counts.values()) - counts["cancelled"], counts["published"])


def _entries(db: Database, start: dt.date, end: dt.date, account_ids: Collection[int]) -> list:
    """The accounts' variants from `start` to `end`, as the calendar reads them."""
    if not account_ids:  # no filter would be every account
        return []
    return planning.entries(db, start, end, planning.Filters(account_ids=frozenset(account_ids)))


def status_counts(
    db: Database, start: dt.date, end: dt.date, account_ids: Collection[int] | None = None
) -> dict[str, int]:
    """`posts.status_counts`, of the accounts' variants only when `account_ids` is given."""
    if account_ids is None:
        return posts.status_counts(db, start, end)
    counts = dict.fromkeys(posts.STATUSES, 0)
    for entry in _entries(db, start, end, account_ids):
        counts[entry.status] += 1
    return counts


def agenda(
    db: Database,
    start: dt.date,
    end: dt.date,
    limit: int,
    account_ids: Collection[int] | None = None,
) -> tuple[list[posts.AgendaItem], int]:
    """`posts.agenda` (at most `limit` items) and how many there are in all, of the
    accounts' variants only when `account_ids` is given."""
    if account_ids is None:
        return posts.agenda(db, start, end, limit), posts.agenda_count(db, start, end)
    found = [
        posts.AgendaItem(e.variant_id, e.title, e.platform, e.handle, e.status, e.when)
        for e in _entries(db, start, end, account_ids)
        if e.status not in posts.FINISHED and e.when
    ]
    return found[:limit], len(found)


@dataclass(frozen=True)
class PostGroup:
    """Variants a work card counts: how many, the statuses among them, and the day of the
    earliest dated one (None when none has a date)."""

    count: int
    statuses: frozenset[str]
    first_day: dt.date | None


def _group(
    db: Database, where: str, params: tuple, account_ids: Collection[int] | None = None
) -> PostGroup:
    if account_ids is not None:
        ids = sorted(account_ids)
        where += f" AND account_id IN ({', '.join('?' * len(ids))})"
        params = (*params, *ids)
    rows = db.query(
        f"""SELECT status, count(*), min(substr(COALESCE(published_at, planned_at), 1, 10))
            FROM post_variants WHERE {where} GROUP BY status""",
        params,
    )
    days = [row[2] for row in rows if row[2]]
    return PostGroup(
        sum(row[1] for row in rows),
        frozenset(row[0] for row in rows),
        dt.date.fromisoformat(min(days)) if days else None,
    )


def waiting(db: Database, account_ids: Collection[int] | None = None) -> PostGroup:
    """Variants waiting for a reviewer or approver (`WAITING_STATUSES`), whatever their date."""
    marks = ", ".join("?" * len(WAITING_STATUSES))
    return _group(db, f"status IN ({marks})", WAITING_STATUSES, account_ids)


def overdue(
    db: Database, now: dt.datetime, account_ids: Collection[int] | None = None
) -> PostGroup:
    """Variants whose planned time is before `now` (naive: institution-local) but that are
    neither published nor cancelled: with no platform connection, this is how a post that was
    forgotten, or went out without being marked, shows up."""
    moment = timezone.stored(now, timezone.institution_zone(db))
    marks = ", ".join("?" * len(posts.FINISHED))
    return _group(
        db,
        f"status NOT IN ({marks}) AND planned_at IS NOT NULL AND planned_at < ?",
        (*posts.FINISHED, moment),
        account_ids,
    )


@dataclass(frozen=True)
class SecurityWarnings:
    """Our accounts whose security badge is red or amber, worst first; and how many have no
    checklist recorded yet (not a warning, but nothing is known of them)."""

    accounts: tuple[security.AccountStatus, ...]
    unchecked: int

    @property
    def count(self) -> int:
        return len(self.accounts)

    def with_badge(self, badge: str) -> int:
        return sum(1 for found in self.accounts if found.status == badge)


def security_warnings(
    db: Database, today: dt.date, account_ids: Collection[int] | None = None
) -> SecurityWarnings:
    found = [
        row
        for row in security.overview(db, today)
        if account_ids is None or row.account_id in account_ids
    ]
    return SecurityWarnings(
        tuple(row for row in found if row.status in WARNING_BADGES),
        sum(1 for row in found if row.status == "unchecked"),
    )


def has_data(db: Database) -> bool:
    return (
        db.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM posts)"
        ).fetchone()[0]
        == 1
    )
