"""The PDF summary for leadership, as a document: `build(db, options)` reads the figures and
writes every sentence, table and chart reference in the report's language; `gui.report`
lays the blocks out on A4 pages (PDF, preview, print). Nothing here knows about pages or
Qt: a block is what to show, the renderer decides where.

Blocks, in reading order (`Report.blocks`):

- `Cover`: the first page (title, institution, unit, period, date prepared, who prepared it,
  the logo's path if any);
- `Heading` (level 1: a section, level 2: a sub-section);
- `Paragraph` (style "body", "note": small grey text such as footnotes, "lead": the summary
  sentences leadership reads first);
- `Table` (columns, rows of texts already formatted, which columns align right, which rows
  are totals drawn bold, relative column widths);
- `Chart` (a `core.series.ChartSpec` the renderer draws with the growth charts' code, and its
  height as a fraction of the text width);
- `PageBreak`.

Every text is final: numbers and dates formatted in the report's language (76.670; 9 Desember
2021), so the renderer only places them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core import accounts, figures, fmt, i18n, series, units, validate
from core.db import Database
from core.errors import ValidationError
from core.i18n import _, ngettext

SECTIONS = (
    "summary",
    "followers",
    "charts",
    "engagement",
    "units",
    "output",
    "kpi",
    "guidelines",
    "security",
)
"""The report's sections, in order; `ReportOptions.sections` chooses among them."""


# --- blocks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cover:
    title: str
    institution: str
    unit: str
    period: str
    prepared: str
    """"Disusun 28 November 2026 oleh Rina" (date, and who when known)."""
    logo: str | None = None
    """Path of the institution's logo image, if one is set and readable."""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"
    """"body", "lead" (the summary sentences) or "note" (small, grey: footnotes, sources)."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[int] = frozenset()
    """Indexes of the columns aligned right (numbers)."""
    totals: frozenset[int] = frozenset()
    """Indexes of the rows that are totals (drawn bold, with a line above)."""
    widths: tuple[float, ...] = ()
    """Relative column widths (empty: equal)."""


@dataclass(frozen=True)
class Chart:
    spec: series.ChartSpec
    height: float = 0.55
    """The chart's height as a fraction of the text width."""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Cover | Heading | Paragraph | Table | Chart | PageBreak


@dataclass(frozen=True)
class Report:
    title: str
    period: str
    """The period as the footer shows it: "1 Januari – 31 Agustus 2019"."""
    language: str
    blocks: tuple[Block, ...]
    has_data: bool = True
    """False: the period has no figure and no post in scope (the CLI exits 1, the tab says
    so)."""


# --- what to report ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportOptions:
    start: dt.date
    end: dt.date
    account_ids: tuple[int, ...] = ()
    """Empty: every account of ours (not peers) in scope (all, or the unit's)."""
    unit_id: int | None = None
    """A unit and its sub-units; None: the whole institution."""
    language: str = "id"
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    title: str = ""
    """Empty: "Laporan media sosial" / "Social media report"."""
    prepared_by: str = ""
    today: dt.date | None = None
    """The date printed as "prepared" (None: today)."""


# --- scope -------------------------------------------------------------------------------


def scope_accounts(
    db: Database, unit_id: int | None = None, account_ids: Iterable[int] = ()
) -> list[accounts.Account]:
    """The accounts a report covers, in display order (platform, then handle): the accounts
    chosen (`account_ids`, archived ones included when chosen by name); else the unit's and
    its sub-units' active accounts; else every active account of ours. Peer accounts
    (another institution's) never."""
    chosen = list(dict.fromkeys(account_ids))
    if chosen:
        known = {a.id: a for a in accounts.list_all(db, include_archived=True)}
        for account_id in chosen:
            if account_id not in known:
                raise ValidationError("account_ids", account_id, _("no such account"))
        found = [known[account_id] for account_id in chosen if not known[account_id].peer]
        return sorted(found, key=lambda a: (accounts.PLATFORMS.index(a.platform), a.handle.lower()))
    found = [a for a in accounts.list_all(db) if not a.peer]
    if unit_id is not None:
        units.get(db, unit_id)  # an unknown unit is NotFound
        inside = {unit_id, *units.descendants(db, unit_id)}
        found = [a for a in found if a.unit_id in inside]
    return found


def account_labels(chosen: list[accounts.Account]) -> dict[int, str]:
    """How the report names each account: its platform ("Instagram"), with the handle when
    another account in scope is on the same platform ("Instagram @bmsn_timur")."""
    platforms = Counter(a.platform for a in chosen)
    return {
        a.id: series.account_label(a)
        if platforms[a.platform] > 1
        else accounts.platform_title(a.platform)
        for a in chosen
    }


# --- texts -------------------------------------------------------------------------------


def period_text(start: dt.date, end: dt.date) -> str:
    """ "Agustus 2019" for a whole month, "Triwulan IV 2026" for a whole quarter, "Tahun 2026"
    for a whole year, "1 Januari – 31 Agustus 2019", "7 Agustus 2019" for one day."""
    from core import periods

    if start == end:
        return fmt.date_long(start)
    if (start, end) == periods.year(start.year):
        return _("Year {year}").format(year=start.year)
    if start.month % 3 == 1 and (start, end) == periods.quarter(start.year, start.month // 3 + 1):
        return periods.title("quarter", start, end)
    last_of_month = calendar.monthrange(end.year, end.month)[1]
    if (start.year, start.month, start.day) == (end.year, end.month, 1) and (
        end.day == last_of_month
    ):
        return fmt.month_year(start)
    return fmt.week_range(start, end)


def _subscribers(account: accounts.Account) -> bool:
    """YouTube counts subscribers, not followers."""
    return account.platform == "youtube"


def _when(growth: figures.GrowthFigure) -> tuple[str, str]:
    """The start and end as the sentence names them: months ("Januari 2019"), or days when
    both dates used fall in one month."""
    first, last = growth.start.date_used, growth.end.date_used
    if first[:7] == last[:7]:
        return fmt.date_long(first), fmt.date_long(last)
    return fmt.month_year(first), fmt.month_year(last)


def growth_sentence(
    account: accounts.Account, label: str, growth: figures.GrowthFigure | None
) -> str:
    """The summary's sentence about an account's followers (subscribers on YouTube)."""
    subscribers = _subscribers(account)
    if growth is None:
        if subscribers:
            return _("There are no subscriber figures for {account} for this period yet.").format(
                account=label
            )
        return _("There are no follower figures for {account} for this period yet.").format(
            account=label
        )
    if growth.start.date_used == growth.end.date_used:  # one figure: nothing to compare
        values = {
            "account": label,
            "date": fmt.date_long(growth.end.date_used),
            "value": fmt.number(growth.end.value),
        }
        if subscribers:
            text = _(
                "On {date}, {account} had {value} subscribers; no other figure in this period."
            )
        else:
            text = _("On {date}, {account} had {value} followers; no other figure in this period.")
        return text.format(**values)
    start, end = _when(growth)
    values = {
        "account": label,
        "start": start,
        "end": end,
        "value": fmt.number(growth.end.value),
        "change": fmt.number(abs(growth.change)),
        "percent": fmt.percent(abs(growth.percent), 1) if growth.percent is not None else "",
    }
    if growth.change == 0:
        if subscribers:
            text = _("By {end}, {account} had {value} subscribers, unchanged since {start}.")
        else:
            text = _("By {end}, {account} had {value} followers, unchanged since {start}.")
    elif growth.change < 0:
        if subscribers:
            text = _(
                "By {end}, {account} had {value} subscribers, down {change} ({percent}) "
                "since {start}."
            )
        else:
            text = _(
                "By {end}, {account} had {value} followers, down {change} ({percent}) "
                "since {start}."
            )
    elif growth.percent is None:  # from 0: no percentage
        if subscribers:
            text = _("By {end}, {account} had {value} subscribers, up {change} since {start}.")
        else:
            text = _("By {end}, {account} had {value} followers, up {change} since {start}.")
    elif subscribers:
        text = _(
            "By {end}, {account} had {value} subscribers, up {change} ({percent}) since {start}."
        )
    else:
        text = _(
            "By {end}, {account} had {value} followers, up {change} ({percent}) since {start}."
        )
    return text.format(**values)


def fallback_note(label: str, growth: figures.GrowthFigure) -> str:
    """The footnote of a start value read from a later date (`figures.value_at`'s fallback)."""
    return _(
        "Starting figure for {account} as of {date}: there is no figure at the start of the period."
    ).format(account=label, date=fmt.date_long(growth.start.date_used))


def _same_rate(a: float, b: float) -> bool:
    """Equal as shown (two decimals of a percent)."""
    return round(a * 10000) == round(b * 10000)


def engagement_sentence(rate: float | None, benchmark: figures.Benchmark) -> str:
    """ "Tingkat interaksi 0,21%, di bawah rata-rata acuan 2,15%." """
    if rate is None:
        return _("There is no engagement rate for this period.")
    values = {"rate": figures.format_rate(rate), "benchmark": benchmark.text}
    if _same_rate(rate, benchmark.rate):
        return _("Engagement rate {rate}, equal to the benchmark average of {benchmark}.").format(
            **values
        )
    if rate < benchmark.rate:
        return _("Engagement rate {rate}, below the benchmark average of {benchmark}.").format(
            **values
        )
    return _("Engagement rate {rate}, above the benchmark average of {benchmark}.").format(**values)


def _comparison(rate: float | None, benchmark: figures.Benchmark, target: float | None) -> str:
    """The engagement table's note: against the benchmark, and the target when one is set."""
    if rate is None:
        return _("No data yet")
    if _same_rate(rate, benchmark.rate):
        text = _("At the benchmark")
    elif rate < benchmark.rate:
        text = _("Below the benchmark")
    else:
        text = _("Above the benchmark")
    if target is not None:
        reached = rate >= target or _same_rate(rate, target)
        text += "; " + (_("target reached") if reached else _("target not reached"))
    return text


# --- the report --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    db: Database
    options: ReportOptions
    start: str
    end: str
    accounts: tuple[accounts.Account, ...]
    labels: dict[int, str]
    growth: dict[int, figures.GrowthFigure | None]
    today: dt.date


def build(db: Database, options: ReportOptions) -> Report:
    """The report's blocks for `options`, every text in `options.language` whatever the
    window's language. Raises ValidationError for a period that ends before it starts."""
    if options.end < options.start:
        raise ValidationError("end", options.end.isoformat(), _("the end comes before the start"))
    language = validate.choice("language", options.language, tuple(i18n.LANGUAGES))
    unknown = sorted(set(options.sections) - set(SECTIONS))
    if unknown:
        raise ValidationError("sections", unknown[0], _("unknown section"))
    with i18n.language_context(language):
        return _build(db, options)


def _build(db: Database, options: ReportOptions) -> Report:
    chosen = scope_accounts(db, options.unit_id, options.account_ids)
    start, end = options.start.isoformat(), options.end.isoformat()
    context = _Context(
        db,
        options,
        start,
        end,
        tuple(chosen),
        account_labels(chosen),
        {a.id: figures.growth(db, a.id, start, end) for a in chosen},
        options.today or dt.date.today(),
    )
    title = options.title.strip() or _("Social media report")
    period = period_text(options.start, options.end)
    blocks: list[Block] = [_cover(context, title, period)]
    for section in SECTIONS:
        if section in options.sections:
            blocks.extend(_SECTIONS[section](context))
    return Report(title, period, options.language, tuple(blocks), _has_data(context))


def _has_data(context: _Context) -> bool:
    ids = [a.id for a in context.accounts]
    if not ids:
        return False
    marks = ", ".join("?" for _id in ids)
    snapshot = context.db.conn.execute(
        f"""SELECT 1 FROM account_snapshots WHERE account_id IN ({marks})
            AND date BETWEEN ? AND ? LIMIT 1""",
        (*ids, context.start, context.end),
    ).fetchone()
    return snapshot is not None or bool(_variants(context))


def _cover(context: _Context, title: str, period: str) -> Cover:
    from core import settings

    db, options = context.db, context.options
    if options.unit_id is not None:
        unit = units.path_name(db, options.unit_id)
    elif options.account_ids:
        if len(context.accounts) <= 3:
            names = ", ".join(series.account_label(a) for a in context.accounts)
        else:  # a cover is no place for a list (the tables name them)
            names = ngettext("{n} account", "{n} accounts", len(context.accounts)).format(
                n=len(context.accounts)
            )
        unit = _("Selected accounts: {accounts}").format(accounts=names)
    else:
        unit = _("Whole institution")
    day = fmt.date_long(context.today)
    if options.prepared_by.strip():
        prepared = _("Prepared on {date} by {name}").format(
            date=day, name=options.prepared_by.strip()
        )
    else:
        prepared = _("Prepared on {date}").format(date=day)
    logo = settings.get(db, LOGO_SETTING) if LOGO_SETTING in settings.SETTINGS else None
    logo = logo if logo and Path(str(logo)).is_file() else None
    return Cover(title, str(settings.get(db, "institution.name")), unit, period, prepared, logo)


LOGO_SETTING = "institution.logo"
"""The setting that holds the logo's path, when the profile has one (not yet: no logo)."""


def _no_accounts() -> list[Block]:
    return [Paragraph(_("There are no accounts in the chosen scope."))]


# --- sections ----------------------------------------------------------------------------


def _summary(context: _Context) -> list[Block]:
    blocks: list[Block] = [Heading(_("Summary"))]
    if not context.accounts:
        return blocks + _no_accounts()
    notes: list[Block] = []
    method = figures.engagement_method(context.db)
    for account in context.accounts:
        label, growth = context.labels[account.id], context.growth[account.id]
        text = growth_sentence(account, label, growth)
        if growth is not None:
            rate = figures.monthly_engagement(
                context.db, account.id, context.start, context.end, method
            ).rate
            benchmark = figures.benchmark(context.db, account.platform)
            text += " " + engagement_sentence(rate, benchmark)
            if growth.start.fallback:
                notes.append(Paragraph(fallback_note(label, growth), "note"))
        blocks.append(Paragraph(text, "lead"))
    return blocks + notes


def _percent_change(change: int, start: int) -> str:
    return fmt.signed_percent(change / start, 1) if start else "–"


def _followers(context: _Context) -> list[Block]:
    blocks: list[Block] = [Heading(_("Followers"))]
    if not context.accounts:
        return blocks + _no_accounts()
    rows: list[tuple[str, ...]] = []
    totals: set[int] = set()
    notes: list[Block] = []
    missing: list[str] = []
    overall = [0, 0, 0]  # start, end, accounts with a growth
    by_platform: dict[str, list[accounts.Account]] = {}
    for account in context.accounts:
        by_platform.setdefault(account.platform, []).append(account)
    for platform, members in by_platform.items():
        sums = [0, 0, 0]
        for account in members:
            growth = context.growth[account.id]
            name = accounts.handle_text(account)
            title = accounts.platform_title(account.platform)
            if growth is None:
                rows.append((name, title, "–", "–", "–", "–"))
                missing.append(context.labels[account.id])
                continue
            start_text = fmt.number(growth.start.value)
            if growth.start.fallback:
                start_text += "*"
                notes.append(
                    Paragraph("* " + fallback_note(context.labels[account.id], growth), "note")
                )
            rows.append(
                (
                    name,
                    title,
                    start_text,
                    fmt.number(growth.end.value),
                    fmt.signed(growth.change),
                    _percent_change(growth.change, growth.start.value),
                )
            )
            for index, value in enumerate((growth.start.value, growth.end.value, 1)):
                sums[index] += value
                overall[index] += value
        if len(members) > 1 and sums[2]:
            totals.add(len(rows))
            rows.append(
                _total_row(
                    _("Total {platform}").format(platform=accounts.platform_title(platform)), sums
                )
            )
    if overall[2] > 1 and len(by_platform) > 1:
        totals.add(len(rows))
        rows.append(_total_row(_("Total"), overall))
    blocks.append(
        Table(
            (
                _("Account"),
                _("Platform"),
                _("Start"),
                _("End"),
                _("Change"),
                _("Change (%)"),
            ),
            tuple(rows),
            right=frozenset({2, 3, 4, 5}),
            totals=frozenset(totals),
            widths=(3, 2, 2, 2, 2, 2),
        )
    )
    blocks.append(
        Paragraph(
            _(
                "Start: the last figure on or before {start}; end: the last figure on or "
                "before {end}. YouTube counts subscribers."
            ).format(start=fmt.date_long(context.start), end=fmt.date_long(context.end)),
            "note",
        )
    )
    blocks.extend(notes)
    if missing:
        blocks.append(
            Paragraph(
                _("No follower figures yet for this period: {accounts}.").format(
                    accounts=", ".join(missing)
                ),
                "note",
            )
        )
    return blocks


def _total_row(name: str, sums: list[int]) -> tuple[str, ...]:
    start, end = sums[0], sums[1]
    return (
        name,
        "",
        fmt.number(start),
        fmt.number(end),
        fmt.signed(end - start),
        _percent_change(end - start, start),
    )


INDEX_RATIO = 10
"""The followers chart is indexed (100 = the period's start) when the largest account in
scope has more than this many times the followers of the smallest: on one absolute axis the
small accounts would lie flat on the floor. Otherwise absolute numbers read more plainly."""


def should_index(values: Iterable[int]) -> bool:
    """True when the accounts differ in size by more than `INDEX_RATIO` times (a size of 0
    counts as differing)."""
    found = list(values)
    if len(found) < 2:
        return False
    smallest, largest = min(found), max(found)
    return smallest <= 0 or largest > INDEX_RATIO * smallest


def _charts(context: _Context) -> list[Block]:
    blocks: list[Block] = [Heading(_("Charts"))]
    with_data = [a.id for a in context.accounts if context.growth[a.id] is not None]
    if not with_data:
        return blocks + [Paragraph(_("There are no follower figures to chart for this period."))]
    options = context.options
    indexed = should_index(context.growth[i].end.value for i in with_data)
    followers = series.ChartSpec("followers", tuple(with_data), options.start, options.end, indexed)
    blocks.append(Heading(_("Followers over time"), 2))
    blocks.append(Chart(followers))
    if indexed:
        blocks.append(
            Paragraph(
                _(
                    "Indexed: 100 = each account's followers at the start of the period, so "
                    "that accounts of very different size can be compared."
                ),
                "note",
            )
        )
    blocks.append(Heading(_("Growth since the start of the period"), 2))
    blocks.append(Chart(series.ChartSpec("growth", tuple(with_data), options.start, options.end)))
    return blocks


def _engagement(context: _Context) -> list[Block]:
    db = context.db
    blocks: list[Block] = [Heading(_("Engagement rate"))]
    if not context.accounts:
        return blocks + _no_accounts()
    method = figures.engagement_method(db)
    rows = []
    for account in context.accounts:
        rate = figures.monthly_engagement(db, account.id, context.start, context.end, method).rate
        benchmark = figures.benchmark(db, account.platform)
        target = figures.target(db, account.id).engagement_rate
        rows.append(
            (
                series.account_label(account),
                figures.format_rate(rate),
                benchmark.text,
                figures.format_rate(target),
                _comparison(rate, benchmark, target),
            )
        )
    blocks.append(
        Table(
            (_("Account"), _("Engagement rate"), _("Benchmark"), _("Target"), _("Note")),
            tuple(rows),
            right=frozenset({1, 2, 3}),
            widths=(3, 2, 2, 2, 3),
        )
    )
    blocks.append(
        Paragraph(
            _(
                "Engagement rate: the average of the period's monthly rates, as the benchmark "
                "is a monthly rate ({method})."
            ).format(method=figures.method_title(method)),
            "note",
        )
    )
    return blocks


# --- units compared ----------------------------------------------------------------------


def compares_units(chosen: Iterable[accounts.Account]) -> bool:
    """The "units" section has something to compare: accounts of two or more units in scope
    (accounts of no unit count as one more)."""
    return len({a.unit_id for a in chosen}) > 1


@dataclass
class _UnitRow:
    """One unit's own accounts in scope, summed: a sub-unit's are in its own row."""

    name: str
    depth: int
    accounts: int = 0
    with_figures: int = 0
    start: int = 0
    end: int = 0
    published: int = 0
    with_rate: int = 0
    below: int = 0
    without_2fa: int = 0
    unchecked: int = 0

    def add(self, other: _UnitRow) -> None:
        for name in _UNIT_COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


_UNIT_COUNTS = (
    "accounts",
    "with_figures",
    "start",
    "end",
    "published",
    "with_rate",
    "below",
    "without_2fa",
    "unchecked",
)


def _unit_rows(context: _Context) -> list[_UnitRow]:
    """The scope's units with accounts, in the units' tree order (a unit before its
    sub-units), each with its ancestors inside the scope as rows of their own so that the
    hierarchy reads; accounts of no unit last."""
    from core import security

    db = context.db
    method = figures.engagement_method(db)
    published = Counter(row.account_id for row in _variants(context) if row.status == "published")
    published.update(post.account_id for post in _outside(context))
    by_unit: dict[int | None, _UnitRow] = {}
    for account in context.accounts:
        row = by_unit.setdefault(account.unit_id, _UnitRow("", 0))
        row.accounts += 1
        growth = context.growth[account.id]
        if growth is not None:
            row.with_figures += 1
            row.start += growth.start.value
            row.end += growth.end.value
        row.published += published[account.id]
        rate = figures.monthly_engagement(db, account.id, context.start, context.end, method).rate
        if rate is not None:
            row.with_rate += 1
            benchmark = figures.benchmark(db, account.platform).rate
            row.below += int(rate < benchmark and not _same_rate(rate, benchmark))
        checklist = security.get(db, account.id)
        row.unchecked += int(not checklist.recorded)
        row.without_2fa += int(checklist.recorded and not checklist.two_factor)
    tree = units.tree(db)
    parents = {unit.id: unit.parent_id for unit, _depth in tree}
    # A scope of a unit shows nothing above that unit.
    root = context.options.unit_id if not context.options.account_ids else None
    shown: set[int] = set()
    for unit_id in by_unit:
        while unit_id is not None and unit_id not in shown:
            shown.add(unit_id)
            unit_id = parents.get(unit_id) if unit_id != root else None
    rows = []
    for unit, _depth in tree:
        if unit.id in shown:
            row = by_unit.get(unit.id, _UnitRow("", 0))
            row.name, parent = unit.name, parents[unit.id]
            while parent in shown:
                row.depth += 1
                parent = parents[parent]
            rows.append(row)
    if None in by_unit:
        by_unit[None].name = _("No unit")
        rows.append(by_unit[None])
    return rows


def _unit_cells(row: _UnitRow) -> tuple[str, ...]:
    name = "\u2003" * row.depth + row.name
    if not row.accounts:  # a unit shown for its sub-units' rows below it
        return (name, "", "", "", "", "", "")
    change = row.end - row.start
    moved = row.with_figures > 0
    return (
        name,
        fmt.number(row.end) if moved else "–",
        fmt.signed(change) if moved else "–",
        _percent_change(change, row.start) if moved else "–",
        fmt.number(row.published),
        _("{n} of {count}").format(n=fmt.number(row.below), count=fmt.number(row.with_rate))
        if row.with_rate
        else "–",
        fmt.number(row.without_2fa),
    )


def _units(context: _Context) -> list[Block]:
    """One row per unit (its own accounts), sub-units indented under their unit, and the
    totals: who grew, who posted, who is below the engagement benchmark, whose accounts
    lack two-factor authentication. Nothing when the scope has accounts of one unit only."""
    if not compares_units(context.accounts):
        return []
    rows = _unit_rows(context)
    total = _UnitRow(_("Total"), 0)
    for row in rows:
        total.add(row)
    table_rows = [_unit_cells(row) for row in [*rows, total]]
    blocks: list[Block] = [
        Heading(_("Units compared")),
        Table(
            (
                _("Unit"),
                _("Followers"),
                _("Change"),
                _("Change (%)"),
                _("Published"),
                _("Engagement below benchmark"),
                _("Without 2FA"),
            ),
            tuple(table_rows),
            right=frozenset(range(1, 7)),
            totals=frozenset({len(table_rows) - 1}),
            # Each header's longest word on one line, in both languages.
            widths=(3.8, 2.1, 2.3, 2.3, 2.1, 2.6, 1.9),
        ),
        Paragraph(
            _(
                "Each row sums the unit's own accounts; a sub-unit's accounts are in its own "
                "row, indented under its unit. Followers: at the end of the period, and their "
                "change since its start (YouTube counts subscribers). Published: planned posts "
                "published in the period, and posts published outside the plan. Engagement "
                "below benchmark: accounts whose engagement rate is below their platform's "
                "benchmark, of those with a rate. Without 2FA: accounts whose security "
                "checklist records two-factor authentication as off."
            ),
            "note",
        ),
    ]
    if total.unchecked:
        blocks.append(
            Paragraph(
                ngettext(
                    "{n} account has no security checklist recorded yet and is not counted "
                    "as without 2FA.",
                    "{n} accounts have no security checklist recorded yet and are not counted "
                    "as without 2FA.",
                    total.unchecked,
                ).format(n=fmt.number(total.unchecked)),
                "note",
            )
        )
    return blocks


# --- output ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _VariantRow:
    variant_id: int
    account_id: int
    status: str
    day: str
    title: str
    pillar: str


def _variants(context: _Context) -> list[_VariantRow]:
    """The scope's variants of the period, on the calendar's day (published, else planned)."""
    ids = [a.id for a in context.accounts]
    if not ids:
        return []
    marks = ", ".join("?" for _id in ids)
    rows = context.db.query(
        f"""SELECT v.id, v.account_id, v.status,
                   substr(COALESCE(v.published_at, v.planned_at), 1, 10) AS day, p.title,
                   COALESCE(pl.name, '') AS pillar
            FROM post_variants v JOIN posts p ON p.id = v.post_id
            LEFT JOIN pillars pl ON pl.id = p.pillar_id
            WHERE v.account_id IN ({marks})
              AND substr(COALESCE(v.published_at, v.planned_at), 1, 10) BETWEEN ? AND ?
            ORDER BY day, v.id""",
        (*ids, context.start, context.end),
    )
    return [_VariantRow(*row) for row in rows]


def _counts(rows: list[_VariantRow]) -> tuple[int, int, int]:
    """(planned, published, cancelled): every variant of the period counts as planned."""
    published = sum(1 for row in rows if row.status == "published")
    cancelled = sum(1 for row in rows if row.status == "cancelled")
    return len(rows), published, cancelled


def _count_row(name: str, rows: list[_VariantRow]) -> tuple[str, ...]:
    planned, published, cancelled = _counts(rows)
    return (
        name,
        fmt.number(planned),
        fmt.number(published),
        fmt.number(cancelled),
        fmt.percent(published / planned, 0) if planned else "–",
    )


def _output(context: _Context) -> list[Block]:
    blocks: list[Block] = [Heading(_("Output: plan and realisation"))]
    if not context.accounts:
        return blocks + _no_accounts()
    variants = _variants(context)
    outside = _outside(context)
    if not variants and not outside:
        return blocks + [Paragraph(_("No posts were planned or published in this period."))]
    base = (_("Account"), _("Planned"), _("Published"), _("Cancelled"), _("Realisation"))
    columns = base
    by_account: dict[int, list[_VariantRow]] = {}
    for row in variants:
        by_account.setdefault(row.account_id, []).append(row)
    outside_by_account: dict[int, int] = {}
    for post in outside:
        outside_by_account[post.account_id] = outside_by_account.get(post.account_id, 0) + 1
    rows = [
        _count_row(series.account_label(a), by_account.get(a.id, []))
        for a in context.accounts
        if a.id in by_account or a.id in outside_by_account
    ]
    shown = [a.id for a in context.accounts if a.id in by_account or a.id in outside_by_account]
    totals = frozenset()
    if len(rows) > 1:
        totals = frozenset({len(rows)})
        rows.append(_count_row(_("Total"), variants))
    widths: tuple = (4, 2, 2, 2, 2)
    if outside:  # a column only when there are such posts: most offices import none
        columns = (*columns, _("Outside the plan"))
        counts = [outside_by_account.get(account_id, 0) for account_id in shown]
        if len(rows) > len(shown):
            counts.append(len(outside))
        rows = [(*row, fmt.number(n)) for row, n in zip(rows, counts, strict=True)]
        widths = (4, 2, 2, 2, 2, 2.4)
    numeric = frozenset(range(1, len(columns)))
    blocks.append(Heading(_("Per account"), 2))
    blocks.append(Table(columns, tuple(rows), numeric, totals, widths))
    note = _(
        "Planned: every post version of the period (by the day it went out, or else "
        "the day it is planned); realisation = published ÷ planned."
    )
    if outside:
        note += " " + _(
            "Outside the plan: posts a platform's export showed that no planned post matches."
        )
    blocks.append(Paragraph(note, "note"))
    if not variants:
        blocks.append(Heading(_("Top 5 posts by engagement"), 2))
        blocks.extend(_top_posts(context, variants, outside))
        return blocks
    by_pillar: dict[str, list[_VariantRow]] = {}
    for row in variants:
        by_pillar.setdefault(row.pillar, []).append(row)
    pillar_rows = [
        _count_row(name or _("No pillar"), by_pillar[name])
        for name in sorted(by_pillar, key=lambda n: (n == "", n.casefold()))
    ]
    blocks.append(Heading(_("Per content pillar"), 2))
    blocks.append(
        Table(
            (_("Pillar"), *base[1:]),
            tuple(pillar_rows),
            frozenset({1, 2, 3, 4}),
            widths=(4, 2, 2, 2, 2),
        )
    )
    blocks.append(Heading(_("Top 5 posts by engagement"), 2))
    blocks.extend(_top_posts(context, variants, outside))
    return blocks


def _outside(context: _Context) -> list:
    """The scope's posts published outside the plan in the period (core.outside_plan)."""
    from core import outside_plan

    ids = [a.id for a in context.accounts]
    return outside_plan.outside_plan(context.db, context.start, context.end, ids) if ids else []


TOP_POSTS = 5
_ENGAGEMENT_COUNTS = ("reactions", "comments", "shares", "saves")


def _top_posts(context: _Context, variants: list[_VariantRow], outside: list) -> list[Block]:
    """The period's published variants, and posts published outside the plan, with the most
    engagements (reactions + comments + shares + saves) at their latest measurement."""
    published = {row.variant_id: row for row in variants if row.status == "published"}
    found: list[tuple[int, _VariantRow]] = []
    if published:
        marks = ", ".join("?" for _id in published)
        total = " + ".join(f"COALESCE(m.{c}, 0)" for c in _ENGAGEMENT_COUNTS)
        present = " OR ".join(f"m.{c} IS NOT NULL" for c in _ENGAGEMENT_COUNTS)
        rows = context.db.query(
            f"""SELECT m.variant_id, {total} FROM post_metrics m
                WHERE m.variant_id IN ({marks}) AND ({present})
                  AND m.date = (SELECT max(date) FROM post_metrics
                                WHERE variant_id = m.variant_id)""",
            tuple(published),
        )
        found = [(engagements, published[variant_id]) for variant_id, engagements in rows]
    for post in outside:
        if any(name in post.figures for name in _ENGAGEMENT_COUNTS):
            first_line = (post.caption.strip().splitlines() or [post.post_id])[0]
            title = _("{title} (outside the plan)").format(title=fmt.shortened(first_line, 70))
            engagements = sum(post.figures.get(name, 0) for name in _ENGAGEMENT_COUNTS)
            found.append(
                (engagements, _VariantRow(-1, post.account_id, "published", post.date, title, ""))
            )
    if not found:
        return [Paragraph(_("There are no post figures for this period yet."))]
    found.sort(key=lambda item: (-item[0], item[1].day, item[1].variant_id))
    known = {a.id: a for a in context.accounts}
    rows = tuple(
        (
            row.title,
            series.account_label(known[row.account_id]),
            fmt.date_short(row.day),
            fmt.number(engagements),
        )
        for engagements, row in found[:TOP_POSTS]
    )
    return [
        Table(
            (_("Post"), _("Account"), _("Published"), _("Engagements")),
            rows,
            frozenset({3}),
            widths=(5.5, 3, 2, 2.6),
        ),
        Paragraph(
            _("Engagements: reactions, comments, shares and saves at the latest measurement."),
            "note",
        ),
    ]


# --- KPIs and security -------------------------------------------------------------------


def _kpi(context: _Context) -> list[Block]:
    from core import kpis

    blocks: list[Block] = [Heading(_("Key performance indicators"))]
    found = kpis.list_for(context.db, context.start, context.end)
    if not found:
        return blocks + [Paragraph(_("No indicators have been set for this period."))]
    # Indicators are the institution's: they are measured over all of our accounts, also
    # in a unit's report (a unit's share of an institution-wide target is no realisation).
    rows = []
    for kpi in found:
        result = kpis.evaluate(context.db, kpi)
        rows.append(
            (
                kpi.name,
                kpis.level_title(kpi.level),
                kpis.value_text(kpi, kpi.target),
                kpis.value_text(kpi, result.realisation),
                kpis.percent_text(result),
                kpis.status_title(result),
            )
        )
    blocks.append(
        Table(
            (
                _("Indicator"),
                _("Level"),
                _("Target"),
                _("Realisation"),
                "%",
                _("Status"),
            ),
            tuple(rows),
            frozenset({2, 3, 4}),
            widths=(5, 2, 2.2, 2.6, 1.2, 2.5),
        )
    )
    if context.options.unit_id is not None or context.options.account_ids:
        blocks.append(
            Paragraph(_("Indicators are measured over all of the institution's accounts."), "note")
        )
    return blocks


def _guidelines(context: _Context) -> list[Block]:
    from core import guidelines

    blocks: list[Block] = [Heading(_("Tone guidelines"))]
    if not context.accounts:
        return blocks + _no_accounts()
    result = guidelines.compliance(
        context.db, context.options.start, context.options.end, [a.id for a in context.accounts]
    )
    if not result.total.published:
        return blocks + [Paragraph(_("Nothing was published in this period."))]
    blocks.append(
        Paragraph(
            ngettext(
                "Of {n} posts published, {passed} passed every required item of the checklist "
                "and {overridden} was approved anyway with an approver's written reason.",
                "Of {n} posts published, {passed} passed every required item of the checklist "
                "and {overridden} were approved anyway with an approver's written reason.",
                result.total.overridden,
            ).format(
                n=fmt.number(result.total.published),
                passed=fmt.number(result.total.passed),
                overridden=fmt.number(result.total.overridden),
            )
        )
    )
    rows = [
        (
            row.label,
            fmt.number(row.published),
            fmt.number(row.passed),
            fmt.number(row.overridden),
            fmt.number(row.unchecked),
        )
        for row in [*result.accounts, result.total]
    ]
    blocks.append(
        Table(
            (_("Account"), _("Published"), _("Passed"), _("Approved anyway"), _("Not checked")),
            tuple(rows),
            frozenset({1, 2, 3, 4}),
            frozenset({len(rows) - 1}),
            (4, 2, 2, 2.4, 2.2),
        )
    )
    if result.total.unchecked:
        blocks.append(
            Paragraph(
                _(
                    "Not checked: approved before the checklist was in force, or with no "
                    "approval recorded."
                ),
                "note",
            )
        )
    if result.overrides:
        blocks.append(Heading(_("Approved anyway"), 2))
        blocks.append(
            Table(
                (_("Published"), _("Post"), _("Approver"), _("Reason")),
                tuple(
                    (
                        fmt.date_short(o.published_on),
                        f"{o.post_title} ({o.account})",
                        o.approver,
                        o.reason + "\n" + "; ".join(o.items),
                    )
                    for o in result.overrides
                ),
                widths=(1.6, 4, 2.2, 5),
            )
        )
    return blocks


def _security(context: _Context) -> list[Block]:
    from core import security

    blocks: list[Block] = [Heading(_("Account security"))]
    known = {a.id: a for a in context.accounts}
    found = [
        row
        for row in security.overview(context.db, context.today, include_green=True)
        if row.account_id in known
    ]
    if not found:
        return blocks + _no_accounts()
    rows = tuple(
        (
            series.account_label(known[row.account_id]),
            security.status_title(row.status),
            "; ".join(row.problems) or "–",
        )
        for row in found
    )
    blocks.append(
        Table((_("Account"), _("Status"), _("What is left to do")), rows, widths=(3, 2, 6))
    )
    blocks.append(
        Paragraph(
            _("Status on {date}, worst first.").format(date=fmt.date_long(context.today)), "note"
        )
    )
    return blocks


_SECTIONS = {
    "summary": _summary,
    "followers": _followers,
    "charts": _charts,
    "engagement": _engagement,
    "units": _units,
    "output": _output,
    "kpi": _kpi,
    "guidelines": _guidelines,
    "security": _security,
}
