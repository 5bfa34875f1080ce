"""The import pipeline: read → detect → map → validate → preview (`plan`) → write.

See the package docstring (core/importing/__init__.py) for the public API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core import accounts, metrics, parse, timezone
from core.db import Database
from core.errors import LinimasaError, UsageError
from core.i18n import _
from core.importing import cells as parsing
from core.importing import formats, platforms, posts, read
from core.importing.formats import IGNORE, VALUE_FIELDS, Format
from core.progress import Progress

#: A numeric date's first two numbers (03/10/2026, 3.10.2026).
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")
#: How far below the first row a report's real header may sit.
TITLE_ROWS = 10
#: Followers falling below this share of the previous snapshot are flagged for review.
SHRINK_WARNING = 0.5
#: How often (in rows) progress is reported and cancel checked.
TICK = 2000


@dataclass(frozen=True)
class Options:
    """How to read the files. `format`: "auto" or a format's name; `account`: the account of
    files without platform/handle columns ("handle" or "platform:handle"); `date_order`:
    "dmy", "mdy" or "ymd" for files whose dates read two ways; `mapping`: file header → our
    field (see formats.FIELDS; "" leaves the column out), for headers no format knows."""

    format: str = "auto"
    account: str | None = None
    create_accounts: bool = False
    date_order: str | None = None
    mapping: dict[str, str] | None = None


@dataclass(frozen=True)
class Problem:
    """What is wrong (or, in `Plan.warnings`, worth a look), and where: the file as given,
    the row as a spreadsheet numbers it (header = 1; None for the whole file) and the column's
    header text (None for the whole row or file)."""

    file: str
    row: int | None
    column: str | None
    message: str
    #: The question that answers it in the app ("mapping", "date_order", "account",
    #: "create_accounts"; empty: none): the message is worded for the command line.
    question: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass
class Row:
    """One account's figures for one day, as read from a file. `values` holds only the
    figures the file gives (field → count); `account_id` is None for an account that
    `write` will create."""

    file: str
    line: int
    platform: str
    handle: str
    account_id: int | None
    date: str
    values: dict[str, int]

    @property
    def account(self) -> str:
        return f"{self.platform}:{self.handle}"


@dataclass
class Plan:
    """What an import would do; nothing has been written. See the package docstring."""

    options: Options
    files: list[str] = field(default_factory=list)
    format_names: list[str] = field(default_factory=list)
    adds: list[Row] = field(default_factory=list)
    changes: list[tuple[Row, dict[str, tuple[int | None, int]]]] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)
    unknown_accounts: list[str] = field(default_factory=list)
    #: (platform, handle) of the accounts `write` creates (options.create_accounts).
    accounts_to_create: list[tuple[str, str]] = field(default_factory=list)
    ambiguous_dates: bool = False
    #: A file has no account columns: plan again with `Options.account` (whose figures).
    needs_account: bool = False
    header_signature: str = ""
    #: Per-post rows (platform exports; core.importing.posts): new, changed, as stored.
    post_adds: list = field(default_factory=list)
    post_changes: list = field(default_factory=list)
    post_unchanged: int = 0
    #: What each file (or each CSV in a ZIP) was read as, and which of its columns were used.
    recognised: list[Recognised] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def something(self) -> bool:
        """Whether writing would change anything."""
        return bool(self.adds or self.changes or self.post_adds or self.post_changes)

    def summary(self) -> str:
        """The preview in one paragraph, in the user's language."""
        posts = self.post_adds or self.post_changes or self.post_unchanged
        text = ""
        if not posts or self.adds or self.changes or self.unchanged or self.skipped:
            text = _(
                "Rows to add: {added}; to change: {changed}; unchanged: {unchanged}; "
                "skipped (no figures): {skipped}."
            ).format(
                added=len(self.adds),
                changed=len(self.changes),
                unchanged=self.unchanged,
                skipped=len(self.skipped),
            )
        if posts:
            rows = [*self.post_adds, *(r for r, _d in self.post_changes)]
            text += " " + _(
                "Posts to add: {added}; to change: {changed}; unchanged: {unchanged} "
                "(matched to planned posts: {matched}; published outside the plan: {outside})."
            ).format(
                added=len(self.post_adds),
                changed=len(self.post_changes),
                unchanged=self.post_unchanged,
                matched=sum(1 for r in rows if r.variant_id is not None),
                outside=sum(1 for r in rows if r.variant_id is None),
            )
        if self.accounts_to_create:
            text += " " + _("New accounts: {names}.").format(
                names=", ".join(f"{p}:{h}" for p, h in self.accounts_to_create)
            )
        return (text + summary_tail(self.warnings, self.problems)).strip()

    def formats_text(self) -> list[str]:
        """One line per file: the format recognised, the columns used and those left out."""
        return [str(found) for found in self.recognised]


def summary_tail(warnings: list, problems: list) -> str:
    """What ends every import's summary: how many warnings and problems (nothing: "")."""
    text = ""
    if warnings:
        text += " " + _("Warnings to check: {n}.").format(n=len(warnings))
    if problems:
        text += " " + _("Problems: {n}; nothing can be imported until they are solved.").format(
            n=len(problems)
        )
    return text


@dataclass
class Recognised:
    """How one file (or one CSV in a ZIP) was read: its format, the columns used (header →
    our field) and the columns or tables left out."""

    file: str
    format: Format
    used: dict[str, str] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        title = _(self.format.title) if self.format.title else _("Linimasa's own columns")
        text = _("{file}: {format}.").format(file=Path(self.file).name, format=title)
        if self.used:
            text += " " + _("Columns used: {columns}.").format(columns=_listed(self.used))
        if self.left_out:
            text += " " + _("Left out: {columns}.").format(columns=_listed(self.left_out))
        return text


def _listed(headers) -> str:
    """Headers joined with commas, those holding a comma in quotes ("Reactions, Comments and
    Shares")."""
    return ", ".join(f'"{h}"' if "," in h else h for h in headers)


@dataclass(frozen=True)
class Result:
    added: int
    changed: int
    posts_added: int = 0
    posts_changed: int = 0


class ImportRefused(LinimasaError):
    """`write` was given a plan with problems."""

    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(
            _("The import was refused: {n} problems (nothing was written).").format(
                n=len(plan.problems)
            )
        )


# --- plan -------------------------------------------------------------------------------


@dataclass
class _Pending:
    line: int
    platform: str
    handle: str
    account_id: int | None
    date_cell: object
    readings: dict[str, dt.date]
    single: dt.date | None
    values: dict[str, int]


class _Planner:
    def __init__(self, db: Database, options: Options, progress: Progress | None):
        if options.format != "auto" and formats.by_name(options.format) is None:
            raise UsageError(
                _("--format: {name} is not a format; choose one of {choices}").format(
                    name=options.format, choices=", ".join(["auto", *formats.names()])
                )
            )
        if options.date_order is not None and options.date_order not in parse.DATE_ORDERS:
            raise UsageError(
                _("--date-order: {order} is not an order; choose one of {choices}").format(
                    order=options.date_order, choices=", ".join(parse.DATE_ORDERS)
                )
            )
        self.db = db
        self.options = options
        self.progress = progress
        self.plan = Plan(options)
        self.default_account = (
            parsing.parse_account_option(options.account) if options.account else None
        )
        self.accounts = parsing.AccountFinder(db, options.create_accounts)
        self.latest = timezone.latest_today(db)
        self.mapping = {
            formats.normalise(k): v for k, v in (options.mapping or {}).items() if v is not None
        }
        for header, target in self.mapping.items():
            if target != IGNORE and target not in formats.FIELDS:
                raise UsageError(
                    _("the column {header} cannot be mapped to {field}").format(
                        header=header, field=target
                    )
                )
        #: (account key, date) → (file, line, values) of the row that gives it first.
        self.seen: dict[tuple, tuple[str, int, dict]] = {}
        self.rows: list[Row] = []
        #: (account id, or "platform:handle" of one to create; post id) → a platform
        #: export's per-post row (core.importing.posts).
        self.post_rows: dict[tuple, posts.PostRow] = {}
        #: A problem with an account → [file, row, column, rows it concerns].
        self.account_problems: dict[str, list] = {}
        self.headers_seen: set[str] = set()
        #: (file, platform) → the account its rows are of (platform files without one).
        self.file_accounts: dict[tuple, tuple | None] = {}
        self.zone = None
        self.done = 0
        self.total = 0

    def problem(
        self, file: str, row: int | None, column: str | None, message: str, question: str = ""
    ) -> None:
        self.plan.problems.append(Problem(file, row, column, message, question))

    def tick(self, step: int = 1) -> None:
        self.done += step
        if self.progress is not None and self.done % TICK < step:
            self.progress.update(self.done, self.total, _("Reading rows…"))

    def _reading(self, rows: int) -> None:
        self.progress.update(rows, 0, _("Reading rows…"))

    def run(self, paths: Sequence[Path]) -> Plan:
        sheets = []
        for path in paths:
            name = str(path)
            self.plan.files.append(name)
            if self.progress is not None:
                self.progress.update(0, 0, _("Reading {file}…").format(file=Path(path).name))
            try:
                tables = read.read_all(
                    Path(path),
                    choose=lambda h: self._format_for(h) is not None,
                    tick=self._reading if self.progress is not None else None,
                )
            except read.Unreadable as exc:
                self.problem(name, None, None, str(exc))
                continue
            for member, sheet in tables:
                sheets.append((member, self._below_title_rows(sheet), member != name))
                self.total += len(sheet.rows)
        self.total *= 2  # reading, then comparing
        for name, sheet, in_archive in sheets:
            self._file(name, sheet, in_archive)
        self.plan.header_signature = hashlib.sha1(
            "\x1f".join(sorted(self.headers_seen)).encode()
        ).hexdigest()[:16]
        self.plan.unknown_accounts = list(self.accounts.unknown)
        self.plan.accounts_to_create = list(self.accounts.to_create)
        unknown_messages = {self.accounts.unknown_message(name) for name in self.accounts.unknown}
        for message, (file, line, column, count) in self.account_problems.items():
            question = "create_accounts" if message in unknown_messages else ""
            if count > 1:
                message = _("{problem} ({n} rows, the first here)").format(problem=message, n=count)
            self.problem(file, line, column, message, question)
        self._compare()
        posts.compare(self)

        def place(problem: Problem) -> tuple:
            found = next(
                (i for i, f in enumerate(self.plan.files) if problem.file.startswith(f)), 0
            )
            return (found, problem.file, problem.row or 0)

        self.plan.problems.sort(key=place)
        return self.plan

    def _known(self, headers: list[str]) -> int:
        """How many of these texts name one of our fields (by a format, or the mapping)."""
        fmt = self._format_for(headers) or formats.GENERIC
        return sum(
            1
            for header in headers
            if header.strip()
            and (
                self.mapping.get(formats.normalise(header)) not in (None, IGNORE)
                or fmt.field_of(header) is not None
            )
        )

    def _below_title_rows(self, sheet: read.Sheet) -> read.Sheet:
        """A report's title (and blank or note rows) above the real header: the header is the
        first of the first rows that names at least two of our fields, when the first row
        names fewer."""
        if self._known(sheet.headers) >= 2:
            return sheet
        for place, (_number, cells) in enumerate(sheet.rows[:TITLE_ROWS]):
            headers = ["" if c is None else str(c).strip() for c in cells]
            while headers and not headers[-1]:
                headers.pop()
            if self._known(headers) >= 2:
                return read.Sheet(headers, sheet.rows[place + 1 :], sheet.kind)
        return sheet

    def _format_for(self, headers: list[str]) -> Format | None:
        """The format these headers are in (among those `--format` allows), or None."""
        if self.options.format == "auto":
            return next((f for f in formats.FORMATS if f.detect(headers)), None)
        chosen = formats.of_family(self.options.format)
        return next((f for f in chosen if f.detect(headers)), None)

    def _sheet_format(self, sheet: read.Sheet) -> Format:
        """The format of a read table: Meta's daily files by their table, else by headers."""
        found = platforms.detect_sheet(sheet)
        if found is not None and self.options.format in ("auto", found.family):
            return found
        fmt = self._format_for(sheet.headers)
        if fmt is not None:
            return fmt
        if self.options.format != "auto":  # forced: its first format names what is missing
            return formats.of_family(self.options.format)[0]
        return formats.GENERIC

    def _columns(
        self,
        name: str,
        headers: list[str],
        fmt: Format,
        found: Recognised | None = None,
        fields: dict[str, str] | None = None,
    ) -> dict[str, int] | None:
        """Our field → column index; None (with problems) when the file cannot be mapped.

        A platform's format uses the columns it knows and leaves the others out (platforms
        add columns all the time): `found` records both. Linimasa's own format refuses a
        column it does not know, so that a misspelt header never drops a figure silently."""
        columns: dict[str, int] = {}
        unknown = []
        own = fmt.family == ""
        for index, header in enumerate(headers):
            if not header.strip():
                continue
            self.headers_seen.add(formats.normalise(header))
            target = self.mapping.get(formats.normalise(header)) if own else None
            if target is None and fields:
                target = fields.get(header)
            if target is None:
                target = fmt.field_of(header)
            if target is None and fmt.ignores(header):
                target = IGNORE
            if target is None and not own:
                target = IGNORE
            if target is None:
                unknown.append(header)
                continue
            if target == IGNORE or (not own and target in columns):
                if found is not None:  # a platform's repeated header: the first one counts
                    found.left_out.append(header)
                continue
            if target in columns:
                self.problem(
                    name,
                    1,
                    header,
                    _("this column and {other} both give {field}").format(
                        other=headers[columns[target]], field=target
                    ),
                )
                return None
            columns[target] = index
            if found is not None:
                found.used[header] = target
        if not own:
            return self._platform_columns(name, fmt, columns)
        for header in unknown:
            if header not in self.plan.unknown_headers:
                self.plan.unknown_headers.append(header)
            self.problem(
                name,
                1,
                header,
                _(
                    "unknown column; known columns are platform, handle (akun), date (tanggal), "
                    "followers (pengikut), reach (jangkauan), impressions (tayangan), "
                    "engagements (interaksi), posts_published (jumlah_unggahan)"
                ),
                "mapping",
            )
        if "date" not in columns:
            self.problem(name, 1, None, _("the file has no date column (date or tanggal)"))
        if not set(columns) & set(VALUE_FIELDS):
            self.problem(name, 1, None, _("the file has no column of figures (followers, reach…)"))
        if "handle" not in columns and self.default_account is None:
            self.plan.needs_account = True
            self.problem(
                name,
                1,
                None,
                _(
                    "the file has no handle (akun) column; say whose figures they are with "
                    "--account HANDLE or --account platform:handle"
                ),
                "account",
            )
        if unknown or "date" not in columns or not set(columns) & set(VALUE_FIELDS):
            return None
        if "handle" not in columns and self.default_account is None:
            return None
        return columns

    def day_of(self, fmt: Format, cell: object, order: str = "mdy") -> dt.date | None:
        """The institution's local day of a platform's date cell (None: not a date)."""
        found = self.moment_of(fmt, cell, order)
        return found.date() if isinstance(found, dt.datetime) else found

    def date_order(self, name: str, column: str, cells: list) -> str | None:
        """How a platform file's numeric dates read: month first as the platforms write them,
        unless --date-order says otherwise or the file's own dates do (13/10 is day first,
        re-saved by an Indonesian Excel); None, with the problem said, when they read both
        ways."""
        if self.options.date_order is not None:
            return self.options.date_order
        votes = set()
        for cell in cells:
            found = _NUMERIC_DATE.match(cell) if isinstance(cell, str) else None
            if found:
                first, second = int(found.group(1)), int(found.group(2))
                if first > 12 >= second:
                    votes.add("dmy")
                elif second > 12 >= first:
                    votes.add("mdy")
        if len(votes) > 1:
            self.problem(
                name,
                1,
                column,
                _(
                    "the dates mix day-first (e.g. 13/05) and month-first (e.g. 05/14) "
                    "orders; correct the file so that all dates are written the same way"
                ),
            )
            return None
        return votes.pop() if votes else "mdy"

    def moment_of(
        self, fmt: Format, cell: object, order: str = "mdy"
    ) -> dt.date | dt.datetime | None:
        """A platform's date cell as a date, or a datetime in the institution's zone."""
        try:
            found = fmt.moment(cell, order)
        except (ValueError, OverflowError):
            return None
        if isinstance(found, dt.datetime):
            if self.zone is None:
                self.zone = timezone.institution_zone(self.db)
            return timezone.parse(found, self.zone)
        return found

    def platform_account(
        self, name: str, fmt: Format, platform: str | None, per_row: bool
    ) -> tuple[str | None, str] | None:
        """(platform, handle) of a platform file's rows: the account chosen (`--account`),
        else the only account the file's platform has; None, with the problem said once per
        file, when the account is of another platform or cannot be told. `per_row`: the file
        names its account on every row (Instagram's username); the choice is then the
        default for blank cells only."""
        key = (name, platform)
        if key in self.file_accounts:
            return self.file_accounts[key]
        chosen = self.file_accounts[key] = self._platform_account(name, fmt, platform, per_row)
        return chosen

    def _platform_account(self, name, fmt, platform, per_row):
        platform = platform or fmt.platform
        title = _(fmt.title)
        if self.default_account is not None:
            given_platform, handle = self.default_account
            on = [a.platform for a in self.accounts.by_handle.get(handle.casefold(), [])]
            other = given_platform or (on[0] if on and platform not in on else None)
            if platform and other and other != platform:
                self.problem(
                    name,
                    None,
                    None,
                    _(
                        "this file is an export of {platform} ({format}), but the account "
                        "{account} is on {other}; choose the {platform} account"
                    ).format(
                        platform=accounts.platform_title(platform),
                        format=title,
                        account=f"{accounts.platform_title(other)} @{handle}",
                        other=accounts.platform_title(other),
                    ),
                )
                return None
            return platform or given_platform, handle
        if per_row:
            return platform, ""
        if platform:
            mine = [
                a
                for group in self.accounts.by_handle.values()
                for a in group
                if a.platform == platform and not a.archived and not a.peer
            ]
            if len(mine) == 1:
                return platform, mine[0].handle
        self.plan.needs_account = True
        self.problem(
            name,
            None,
            None,
            _(
                "the file ({format}) does not say whose figures they are; choose the account "
                "with --account platform:handle"
            ).format(format=title),
            "account",
        )
        return None

    def _platform_columns(
        self, name: str, fmt: Format, columns: dict[str, int]
    ) -> dict[str, int] | None:
        missing = [f for f in fmt.required if f not in columns]
        figures = set(columns) & (set(VALUE_FIELDS) | set(formats.POST_FIELDS[4:]))
        figures |= {part for parts in fmt.sums.values() for part in parts} & set(columns)
        if not missing and figures:
            return columns
        names = [fmt.columns[f][0] for f in missing]
        if not figures:
            names.append(_("a column of figures"))
        self.problem(
            name,
            1,
            None,
            _(
                'this looks like the export "{format}", but it lacks its key columns: '
                "{columns}; download the file again from the platform, without removing columns"
            ).format(format=_(fmt.title), columns=", ".join(names)),
        )
        return None

    def _file(self, name: str, sheet: read.Sheet, in_archive: bool = False) -> None:
        fmt = self._sheet_format(sheet)
        if in_archive and fmt is formats.GENERIC and self._known(sheet.headers) < 2:
            self.problem(
                name,
                None,
                None,
                _(
                    "this file in the ZIP is not an export Linimasa reads (YouTube Studio's "
                    "export holds Table data.csv, Chart data.csv and Totals.csv)"
                ),
            )
            return
        tables = [sheet]
        if fmt.split is not None:
            try:
                tables = fmt.split(sheet, self.latest)
            except read.Unreadable as exc:
                self.problem(name, None, None, str(exc))
                return
        found = Recognised(name, fmt, left_out=[t for table in tables for t in table.left_out])
        self.plan.recognised.append(found)
        for table in tables:
            if len(table.headers) < 2 and table.left_out:
                continue  # a table left out as a whole (said in `found`)
            if fmt.kind == "posts":
                posts.plan_table(self, name, table, fmt, found)
            else:
                self._table(name, table, fmt, found)

    def _table(self, name: str, sheet: read.Sheet, fmt: Format, found: Recognised) -> None:
        self.plan.format_names.append(fmt.name)
        columns = self._columns(name, sheet.headers, fmt, found, sheet.fields)
        if columns is None:
            return
        headers = sheet.headers
        parts = [part for fields in fmt.sums.values() for part in fields]
        value_columns = [
            (f, columns[f], headers[columns[f]])
            for f in (*VALUE_FIELDS, *parts)
            if f in columns and (f in VALUE_FIELDS or f in parts)
        ]
        date_index = columns["date"]
        date_header = headers[date_index]
        handle_index = columns.get("handle")
        platform_index = columns.get("platform")
        default_platform, default_handle = self.default_account or (None, "")
        if fmt.family:
            chosen = self.platform_account(name, fmt, sheet.platform, handle_index is not None)
            if chosen is None:
                return
            default_platform, default_handle = chosen
        order = "mdy"
        if fmt.moment is not None:
            found = self.date_order(
                name, date_header, [c[date_index] for _n, c in sheet.rows if len(c) > date_index]
            )
            if found is None:
                return
            order = found
        pending: list[_Pending] = []
        readings_cache: dict = {}
        platforms: dict = {}
        handles: dict = {}
        votes: set[str] = set()
        width = max(columns.values()) + 1
        for line, cells in sheet.rows:
            self.tick()
            if len(cells) < width:
                cells = list(cells) + [None] * (width - len(cells))
            date_cell = cells[date_index]
            if parsing.blank(date_cell) and all(parsing.blank(c) for c in cells):
                continue
            bad = False
            platform = default_platform
            if platform_index is not None and not parsing.blank(cells[platform_index]):
                raw = cells[platform_index]
                platform = platforms.get(raw, "?")
                if platform == "?":
                    platform = platforms[raw] = parsing.platform_of(raw)
                if platform is None:
                    self.problem(
                        name,
                        line,
                        headers[platform_index],
                        _("{value} is not a platform; use one of {choices}").format(
                            value=cells[platform_index], choices=", ".join(accounts.PLATFORMS)
                        ),
                    )
                    bad = True
            handle = default_handle
            if handle_index is not None and not parsing.blank(cells[handle_index]):
                raw = cells[handle_index]
                handle = handles.get(raw)
                if handle is None:
                    handle = handles[raw] = parsing.handle_of(raw)
                if handle_index is not None and platform_index is None:
                    platform = None if handle != default_handle else default_platform
            if not handle and not bad:
                self.problem(
                    name,
                    line,
                    headers[handle_index] if handle_index is not None else None,
                    _("no account: the handle is empty"),
                )
                bad = True
            account_id = None
            if not bad:
                platform, handle, account_id, why = self.accounts.find(platform, handle)
                if why:  # said once per account, at its first row
                    column = headers[handle_index] if handle_index is not None else None
                    self.account_problems.setdefault(why, [name, line, column, 0])[3] += 1
                    bad = True
            readings, single = {}, None
            if parsing.blank(date_cell) or parse.is_no_value(date_cell):
                self.problem(name, line, date_header, _("the date is empty"))
                bad = True
            else:
                if fmt.moment is not None:
                    day = self.day_of(fmt, date_cell, order)
                    readings, single = ({"ymd": day}, day) if day else ({}, None)
                else:
                    readings, single = parsing.date_readings(date_cell, readings_cache)
                if not readings:
                    self.problem(
                        name,
                        line,
                        date_header,
                        _("{value} is not a date (or not a real one)").format(value=date_cell),
                    )
                    bad = True
                elif single is not None and single > self.latest:
                    self.problem(
                        name,
                        line,
                        date_header,
                        _("{date} lies in the future").format(date=single.isoformat()),
                    )
                    bad = True
                elif len(readings) == 1 and next(iter(readings)) in ("dmy", "mdy"):
                    votes.add(next(iter(readings)))
            values = {}
            for our, index, header in value_columns:
                value, why = parsing.count(cells[index])
                if why is not None:
                    self.problem(name, line, header, why)
                    bad = True
                elif value is not None:
                    values[our] = value
            for total, fields in fmt.sums.items():
                given = [values.pop(f) for f in fields if f in values]
                if given:
                    values[total] = sum(given)
            if not bad:
                pending.append(
                    _Pending(
                        line, platform, handle, account_id, date_cell, readings, single, values
                    )
                )
        order = self.options.date_order
        if order is None and len(votes) > 1:
            # 13/05 (only day-first) and 05/14 (only month-first) in one file: one of them
            # is wrong, and which cannot be told.
            self.problem(
                name,
                1,
                date_header,
                _(
                    "the dates mix day-first (e.g. 13/05) and month-first (e.g. 05/14) "
                    "orders; correct the file so that all dates are written the same way"
                ),
            )
            return
        if order is None:
            ambiguous = any(p.single is None for p in pending)
            if ambiguous:
                if len(votes) == 1:
                    order = votes.pop()
                else:
                    self.plan.ambiguous_dates = True
                    self.problem(
                        name,
                        1,
                        date_header,
                        _(
                            "the dates can be read day-first or month-first (e.g. 03/04 is "
                            "3 April or 4 March); say which with --date-order dmy or "
                            "--date-order mdy"
                        ),
                        "date_order",
                    )
                    return
        for item in pending:
            other_order = (
                order in ("dmy", "mdy")
                and self.options.date_order is not None
                and set(item.readings) & {"dmy", "mdy"}
                and order not in item.readings
            )
            if item.single is not None and not other_order:
                day = item.single
            elif order in item.readings:
                day = item.readings[order]
            else:
                self.problem(
                    name,
                    item.line,
                    date_header,
                    _("{value} is not a date in the order {order}").format(
                        value=item.date_cell, order=order
                    ),
                )
                continue
            if day > self.latest:
                self.problem(
                    name,
                    item.line,
                    date_header,
                    _("{date} lies in the future").format(date=day.isoformat()),
                )
                continue
            iso = day.isoformat()
            key = (item.platform, item.handle.casefold(), iso)
            earlier = self.seen.get(key)
            if earlier is not None and not set(earlier[2]) & set(item.values):
                earlier[2].update(item.values)  # stacked tables: each gives its own figure
                continue
            if earlier is not None:
                if earlier[2] != item.values:
                    self.problem(
                        name,
                        item.line,
                        date_header,
                        _(
                            "{account} on {date} is also in {file} row {row}, with other figures"
                        ).format(
                            account=f"{item.platform}:{item.handle}",
                            date=iso,
                            file=earlier[0],
                            row=earlier[1],
                        ),
                    )
                continue  # the same figures twice: once is enough
            self.seen[key] = (name, item.line, item.values)
            self.rows.append(
                Row(name, item.line, item.platform, item.handle, item.account_id, iso, item.values)
            )

    def _compare(self) -> None:
        """Sort the rows into adds, changes, unchanged and skipped against what is stored."""
        plan = self.plan
        ids = sorted({r.account_id for r in self.rows if r.account_id is not None})
        stored: dict[tuple[int, str], tuple] = {}
        typed: dict[tuple[int, str], tuple] = {}  # the stored days not imported from a file
        columns = ("followers", *formats.VALUE_FIELDS[1:])
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.conn.execute(
                f"SELECT account_id, date, {', '.join(columns)}, source FROM account_snapshots "
                f"WHERE account_id IN ({marks})",
                chunk,
            ):
                stored[(row[0], row[1])] = tuple(row[2:-1])
                if row[-1] != "import":
                    typed[(row[0], row[1])] = stored[(row[0], row[1])]
        timeline: dict[tuple, dict[str, tuple[int, Row | None]]] = {}
        for account_id, day in stored:
            followers = stored[(account_id, day)][0]
            if followers is not None:  # a day of other figures only (a daily reach file)
                timeline.setdefault(("id", account_id), {})[day] = (followers, None)
        for row in self.rows:
            self.tick()
            if not row.values:
                plan.skipped.append(row)
                continue
            old = stored.get((row.account_id, row.date)) if row.account_id is not None else None
            if old is None:
                plan.adds.append(row)
            else:
                differ = {
                    name: (old[columns.index(name)], value)
                    for name, value in row.values.items()
                    if old[columns.index(name)] != value
                }
                if differ:
                    plan.changes.append((row, differ))
                else:
                    plan.unchanged += 1
            if "followers" in row.values:
                key = ("id", row.account_id) if row.account_id else ("new", row.account)
                timeline.setdefault(key, {})[row.date] = (row.values["followers"], row)
        self._counted_twice(typed, columns)
        self._shrinking(timeline)

    def _counted_twice(self, typed: dict, columns: tuple[str, ...]) -> None:
        """A month's reach, impressions and engagements are the sum of its days' (core.figures):
        daily figures imported into a month that already holds another day's figure typed by
        hand (a monthly total) would count that month twice. Said once per account."""
        summed = ("reach", "impressions", "engagements")
        told: set[int] = set()
        months: dict[tuple[int, str, str], tuple[str, int]] = {}
        for (account_id, day), values in typed.items():
            for name in summed:
                value = values[columns.index(name)]
                if value is not None:
                    months.setdefault((account_id, day[:7], name), (day, value))
        # A typed figure replaced on its own day is said first: it is the worse surprise.
        ordered = sorted(
            self.rows,
            key=lambda r: (
                not any(
                    (months.get((r.account_id, r.date[:7], n)) or ("",))[0] == r.date
                    for n in summed
                )
            ),
        )
        for row in ordered:
            if row.account_id is None or row.account_id in told:
                continue
            for name in summed:
                other = months.get((row.account_id, row.date[:7], name))
                if name not in row.values or other is None:
                    continue
                figure = _(metrics.SNAPSHOT_TITLES[name]).lower()
                if other[0] != row.date:
                    message = _(
                        "{account}: {month} already has {figure} for {date}; a month's "
                        "figure is the sum of its days, so a monthly total entered "
                        "earlier would now count twice; check the month's figures"
                    ).format(account=row.account, month=row.date[:7], figure=figure, date=other[0])
                elif other[1] != row.values[name]:
                    message = _(
                        "{account}: the {figure} typed for {date} ({old}) is replaced by the "
                        "file's figure for that day ({new}); if it was the month's total, "
                        "the month now holds one day's figure only"
                    ).format(
                        account=row.account,
                        figure=figure,
                        date=row.date,
                        old=other[1],
                        new=row.values[name],
                    )
                else:
                    continue
                told.add(row.account_id)
                self.plan.warnings.append(Problem(row.file, row.line, None, message))
                break

    def _shrinking(self, timeline: dict) -> None:
        for days in timeline.values():
            if not any(entry[1] is not None for entry in days.values()):
                continue
            ordered = sorted(days.items())
            for (before_day, before), (after_day, after) in zip(ordered, ordered[1:], strict=False):
                if before[1] is None and after[1] is None:
                    continue
                if before[0] and after[0] < before[0] * SHRINK_WARNING:
                    row = after[1] or before[1]
                    self.plan.warnings.append(
                        Problem(
                            row.file,
                            row.line,
                            None,
                            _(
                                "{account}: followers fall by more than half, from {old} on "
                                "{old_date} to {new} on {new_date}; check the figures"
                            ).format(
                                account=row.account,
                                old=before[0],
                                old_date=before_day,
                                new=after[0],
                                new_date=after_day,
                            ),
                        )
                    )


def plan(
    db: Database, paths: Sequence[Path], options: Options | None = None, progress=None
) -> Plan:
    """Read, map and check `paths` against `db` without writing anything."""
    return _Planner(db, options or Options(), progress).run([Path(p) for p in paths])


# --- write ------------------------------------------------------------------------------


def write(db: Database, plan: Plan, progress: Progress | None = None) -> Result:
    """Write a plan's adds and changes in one transaction (all or nothing), creating its new
    accounts first. A plan with problems is refused (ImportRefused)."""
    if not plan.ok:
        raise ImportRefused(plan)
    from core.db import new_uid

    total = len(plan.adds) + len(plan.changes)
    done = 0

    def tick(step: int) -> None:
        nonlocal done
        done += step
        if progress is not None:
            progress.update(done, total, _("Writing…"))

    if progress is not None:
        progress.update(0, total, _("Writing…"))
    with db.transaction():
        created: dict[str, int] = {}
        for platform, handle in plan.accounts_to_create:
            account = accounts.create(db, platform=platform, handle=handle)
            created[f"{platform}:{handle}"] = account.id

        def account_of(row: Row) -> int:
            return row.account_id if row.account_id is not None else created[row.account]

        groups: dict[tuple[str, ...], list] = {}
        for row in plan.adds:
            names = tuple(f for f in VALUE_FIELDS if f in row.values)
            groups.setdefault(("add", *names), []).append(row)
        for row, differ in plan.changes:
            names = tuple(f for f in VALUE_FIELDS if f in differ)
            groups.setdefault(("change", *names), []).append(row)
        for (kind, *names), rows in groups.items():
            # column names come from VALUE_FIELDS, never from a file
            if kind == "add":
                sql = (
                    f"INSERT INTO account_snapshots (uid, account_id, date, source, "
                    f"{', '.join(names)}) VALUES (?, ?, ?, 'import', {', '.join('?' * len(names))}) "
                    f"ON CONFLICT (account_id, date) DO UPDATE SET "
                    + ", ".join(f"{n} = excluded.{n}" for n in names)
                )
            else:
                sql = (
                    f"UPDATE account_snapshots SET {', '.join(f'{n} = ?' for n in names)} "
                    f"WHERE account_id = ? AND date = ?"
                )
            for start in range(0, len(rows), TICK):
                chunk = rows[start : start + TICK]
                if kind == "add":
                    params = [
                        (new_uid(), account_of(r), r.date, *(r.values[n] for n in names))
                        for r in chunk
                    ]
                else:
                    params = [(*(r.values[n] for n in names), account_of(r), r.date) for r in chunk]
                db.conn.executemany(sql, params)
                tick(len(chunk))
        posts_added, posts_changed = posts.write(db, plan, created)
        if progress is not None:  # a cancel asked for during the last rows still undoes all
            progress.update(total, total, _("Writing…"))
    return Result(len(plan.adds), len(plan.changes), posts_added, posts_changed)
