"""Bringing an old content plan in: a CSV or XLSX file of posts, all or nothing.

plan → preview → write. `plan` reads and checks the file against the database and never
writes; `write` adds every post of a plan without problems in one transaction.

    options = plan_import.Options(
        date_order=None,   # "dmy" | "mdy" when the file's dates read two ways (03/04/2026)
        mapping=None,      # {file header: field (FIELDS) or "" to leave it out}
        accounts=None,     # {name in the file: "platform:handle" of one of our accounts}
    )
    plan = plan_import.plan(db, path, options)   # Plan: posts, problems, warnings, questions
    if plan.ok:
        result = plan_import.write(db, plan)     # Result(posts, variants, post_ids)

Rules (the preview shows their outcome):
- A row is one variant: one account's version of a post. Rows with the same title (the text's
  first line when there is no title) on the same day become one post with a variant per
  account; a second row for an account already in that post starts another post.
- Accounts: an "account" cell "platform:handle" or a handle, with the "platform" cell when
  there is one; a platform alone when exactly one of our accounts is on it. Names that match
  none are `unknown_accounts` (a problem each) until `Options.accounts` maps them.
- Statuses: our names in English or Indonesian (idea/ide, draft/draf, review/ditinjau, …).
  A plan does not skip the approval workflow: "approved" and "scheduled" come in as "review"
  (the post's notes say so; approve them in Linimasa); "published" needs a link (url) and a
  date, and is refused without them. An empty status is an idea (no text) or a draft.
- Pillars are matched by name whatever the case; an unknown pillar is created by `write`
  (listed in `new_pillars`). Assignee and approver are members' names; an unknown name is a
  warning and the post is left unassigned.
- Duplicates: the same account, date-time and text twice in the file is imported once (a
  warning); a row already in the database is left out (`already`), so importing the same
  file twice changes nothing. A row without text is told apart by its title, compared as
  rows are grouped (whatever the case), in the file and in the database alike.
- Lengths are checked per cell (text, title, hashtags, notes); notes also with the review
  note added for approved or scheduled rows, at the post's first row.
- Unknown columns are left out (a warning; the app offers a mapping step); a file needs a
  text or title column and an account or platform column. Dates that read two ways in the
  whole file ask for `date_order`; an impossible date (31/02) is a problem at its cell. Two
  columns that give one field are a problem each (not a mapping question: see `_columns`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from core import accounts, members, parse, pillars, posts, timezone
from core.db import Database
from core.errors import LinimasaError, UsageError, ValidationError
from core.i18n import N_, _
from core.importing import Problem, read
from core.importing.formats import IGNORE, normalise
from core.importing.pipeline import summary_tail
from core.progress import Progress
from core.tabular import unneutralise

#: Our fields, in the order the preview shows them (the export's columns plus notes).
FIELDS = (*posts.POST_COLUMNS, "notes")
FIELD_TITLES = {
    "date": N_("Date"),
    "time": N_("Time"),
    "account": N_("Account"),
    "platform": N_("Platform"),
    "status": N_("Status"),
    "title": N_("Title"),
    "text": N_("Text"),
    "hashtags": N_("Hashtags"),
    "pillar": N_("Pillar"),
    "campaign": N_("Campaign"),
    "assignee": N_("Assignee"),
    "approver": N_("Approver"),
    "url": N_("Link"),
    "notes": N_("Notes"),
}
#: Header texts that mean each field (compared as `formats.normalise` writes them).
ALIASES = {
    "date": ("date", "tanggal", "tgl", "hari tanggal", "tanggal tayang", "tanggal unggah"),
    "time": ("time", "jam", "waktu", "pukul", "jam tayang"),
    "account": ("account", "akun", "handle", "username", "nama akun"),
    "platform": ("platform", "media sosial", "medsos", "kanal", "channel"),
    "status": ("status", "tahap"),
    "title": ("title", "judul", "tema", "topik"),
    "text": ("text", "teks", "caption", "naskah", "konten", "isi", "isi konten", "narasi"),
    "hashtags": ("hashtags", "hashtag", "tagar"),
    "pillar": ("pillar", "pilar", "pilar konten", "kategori"),
    "campaign": ("campaign", "kampanye"),
    "assignee": ("assignee", "pj", "penanggung jawab", "petugas", "pic"),
    "approver": ("approver", "penyetuju", "disetujui oleh"),
    "url": ("url", "link", "tautan"),
    "notes": ("notes", "catatan", "keterangan"),
}
_BY_HEADER = {normalise(alias): name for name, aliases in ALIASES.items() for alias in aliases}

#: Status names a file may use (case-blind), English and Indonesian, ours and the usual ones.
STATUS_NAMES = {
    **{status: status for status in posts.STATUSES},
    **{normalise(title): status for status, title in posts.STATUS_TITLES.items()},
    "ide": "idea",
    "gagasan": "idea",
    "draf": "draft",
    "konsep": "draft",
    "ditinjau": "review",
    "tinjau": "review",
    "telaah": "review",
    "perlu perbaikan": "changes",
    "revisi": "changes",
    "disetujui": "approved",
    "setuju": "approved",
    "terjadwal": "scheduled",
    "dijadwalkan": "scheduled",
    "terbit": "published",
    "tayang": "published",
    "dipublikasikan": "published",
    "diunggah": "published",
    "sudah tayang": "published",
    "dibatalkan": "cancelled",
    "batal": "cancelled",
    "canceled": "cancelled",
}
#: Statuses a plan may not set: they come in as review, to be approved in Linimasa.
SENT_TO_REVIEW = ("approved", "scheduled")
#: The time of day of a row with a date and no time (as the calendar's move to a day).
DEFAULT_TIME = dt.time(9, 0)
#: The most characters a post's notes hold (as posts.create checks them).
NOTES_LIMIT = 10000
#: A title made from a text keeps this many characters of its first line.
TITLE_FROM_TEXT = 80
TICK = 200


@dataclass(frozen=True)
class Options:
    date_order: str | None = None
    mapping: dict[str, str] | None = None
    accounts: dict[str, str] | None = None


@dataclass
class Entry:
    """One row: one account's version of a post, as `write` adds it."""

    line: int
    account_id: int
    platform: str
    handle: str
    status: str  # as stored (approved and scheduled already turned into review)
    given_status: str  # as the file gave it (one of posts.STATUSES)
    planned_at: str | None  # ISO with the institution's offset
    text: str
    hashtags: str
    url: str

    @property
    def account(self) -> str:
        return f"{self.platform}:{self.handle}"

    @property
    def published_at(self) -> str | None:
        return self.planned_at if self.status == "published" else None


@dataclass
class NewPost:
    """A post to add with its variants (one per account); post fields from its first row."""

    title: str
    day: str | None
    pillar: str
    campaign: str
    owner_id: int | None
    approver_id: int | None
    notes: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def planned_at(self) -> str | None:
        return min((e.planned_at for e in self.entries if e.planned_at), default=None)


@dataclass
class Plan:
    """What the import would add; nothing has been written."""

    options: Options
    file: str
    headers: list[str] = field(default_factory=list)
    #: Our field → the file's header that gives it.
    columns: dict[str, str] = field(default_factory=dict)
    new_posts: list[NewPost] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: Headers no alias and no mapping names (left out until mapped).
    unknown_headers: list[str] = field(default_factory=list)
    #: Account names in the file that match none of our accounts (map them: Options.accounts).
    unknown_accounts: list[str] = field(default_factory=list)
    ambiguous_dates: bool = False
    #: Pillar names `write` creates.
    new_pillars: list[str] = field(default_factory=list)
    #: The rows left out because the database already has them (their row numbers).
    already: list[int] = field(default_factory=list)
    header_signature: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def entries(self) -> list[tuple[NewPost, Entry]]:
        return [(post, entry) for post in self.new_posts for entry in post.entries]

    def summary(self) -> str:
        """The preview in one paragraph, in the user's language."""
        text = _(
            "Posts to add: {posts} ({variants} platform versions); already in Linimasa: {already}."
        ).format(posts=len(self.new_posts), variants=len(self.entries), already=len(self.already))
        if self.new_pillars:
            text += " " + _("New pillars: {names}.").format(names=", ".join(self.new_pillars))
        reviewed = sum(1 for _post, e in self.entries if e.given_status in SENT_TO_REVIEW)
        if reviewed:
            text += " " + _(
                "{n} marked approved or scheduled in the file come in for review."
            ).format(n=reviewed)
        return text + summary_tail(self.warnings, self.problems)


@dataclass(frozen=True)
class Result:
    posts: int
    variants: int
    post_ids: list[int]


class PlanRefused(LinimasaError):
    """`write` was given a plan with problems."""

    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(
            _("The import was refused: {n} problems (nothing was written).").format(
                n=len(plan.problems)
            )
        )


def field_of(header: object) -> str | None:
    """Our field for a header, or None."""
    return _BY_HEADER.get(normalise(header))


def parse_pair(option: str, text: str) -> tuple[str, str]:
    """A command-line "NAME=VALUE" (--map-account, --map-column) as (NAME, VALUE)."""
    name, equals, value = text.rpartition("=")
    if not equals or not name.strip() or not value.strip():
        raise UsageError(
            _("{option}: write NAME=VALUE, not {value}").format(option=option, value=text)
        )
    return name.strip(), value.strip()


# --- cells ------------------------------------------------------------------------------


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return unneutralise(str(cell).strip()).strip()


_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*(am|pm))?", re.IGNORECASE)


def _time(cell: object) -> dt.time | None:
    """A time of day from a cell ("09:00", "9.30", "7:15 PM", an Excel time); raises
    ValueError for anything else; None when empty."""
    if isinstance(cell, dt.datetime):
        return cell.time().replace(microsecond=0)
    if isinstance(cell, dt.time):
        return cell.replace(microsecond=0)
    if isinstance(cell, float | int) and not isinstance(cell, bool) and 0 <= cell < 1:
        seconds = round(cell * 86400)
        return dt.time(seconds // 3600 % 24, seconds // 60 % 60)
    text = _text(cell)
    if parse.is_no_value(text):
        return None
    found = _TIME.fullmatch(text)
    if not found:
        raise ValueError(text)
    hour, minute = int(found.group(1)), int(found.group(2))
    half = (found.group(4) or "").lower()
    if half and not 1 <= hour <= 12:
        raise ValueError(text)
    if half == "pm" and hour != 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return dt.time(hour, minute)  # raises ValueError for 25:00 or 10:75


def _time_in_date(cell: object) -> dt.time | None:
    """The time a date cell carries ("20/11/2026 08:00", an Excel date-time), or None."""
    if isinstance(cell, dt.datetime):
        return cell.time().replace(microsecond=0) if cell.time() != dt.time(0) else None
    found = re.search(r"[ T](\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)$", _text(cell))
    if found:
        try:
            return _time(found.group(1))
        except ValueError:
            return None
    return None


# --- accounts ---------------------------------------------------------------------------


class _Accounts:
    """Our accounts by what a file may call them; each name looked up once."""

    def __init__(self, db: Database, mapped: dict[str, str]):
        self.db = db
        self.all = accounts.list_all(db, include_archived=True)
        self.found: dict[str, tuple[accounts.Account | None, str | None]] = {}
        self.mapped: dict[str, accounts.Account] = {}
        for name, target in mapped.items():
            try:
                self.mapped[normalise(name)] = accounts.find(db, target)
            except ValidationError as exc:
                raise UsageError(
                    _("--map-account {name}={target}: {reason}").format(
                        name=name, target=target, reason=exc.reason
                    )
                ) from None

    def find(self, platform: str | None, handle: str, name: str, given: str) -> tuple:
        """(account or None, problem or None) for the file's `name` of an account (or its
        account cell as `given`, which a mapping may name instead); None and None when it
        is unknown."""
        for key in (normalise(name), normalise(given)):
            if key in self.mapped:
                return self._usable(self.mapped[key])
        if name not in self.found:
            self.found[name] = self._find(platform, handle)
        return self.found[name]

    def _find(self, platform: str | None, handle: str) -> tuple:
        if not handle:
            ours = [a for a in self.all if a.platform == platform and not a.peer and not a.archived]
            if len(ours) == 1:
                return ours[0], None
            if not ours:
                return None, None
            return None, _(
                "several of our accounts are on {platform} ({choices}); say which in an account "
                "column"
            ).format(platform=platform, choices=", ".join(f"{platform}:{a.handle}" for a in ours))
        if ":" in handle and platform is None:
            prefix, _colon, rest = handle.partition(":")
            if _platform(prefix) is not None:
                platform, handle = _platform(prefix), rest
        try:
            account = accounts.find(self.db, f"{platform}:{handle}" if platform else handle)
        except ValidationError as exc:
            return None, (None if exc.reason == _("no account has this handle") else exc.reason)
        return self._usable(account)

    @staticmethod
    def _usable(account: accounts.Account) -> tuple:
        name = f"{account.platform}:{account.handle}"
        if account.peer:
            return None, _(
                "{name} is another institution's account: it has no posts of ours"
            ).format(name=name)
        if account.archived:
            return None, _("{name} is archived: restore it in the Accounts tab first").format(
                name=name
            )
        return account, None


def _platform(text: str) -> str | None:
    from core.importing.cells import platform_of

    return platform_of(text)


# --- plan -------------------------------------------------------------------------------


@dataclass
class _Row:
    line: int
    account: accounts.Account
    status: str
    readings: dict[str, dt.date]
    date_cell: object
    time: dt.time | None
    title: str
    text: str
    hashtags: str
    url: str
    pillar: str
    campaign: str
    owner_id: int | None
    approver_id: int | None
    notes: str
    day: dt.date | None = None


class _Planner:
    def __init__(self, db: Database, path: Path, options: Options, progress: Progress | None):
        if options.date_order is not None and options.date_order not in parse.DATE_ORDERS:
            raise UsageError(
                _("--date-order: {order} is not an order; choose one of {choices}").format(
                    order=options.date_order, choices=", ".join(parse.DATE_ORDERS)
                )
            )
        self.mapping = {normalise(k): v for k, v in (options.mapping or {}).items()}
        for header, target in self.mapping.items():
            if target != IGNORE and target not in FIELDS:
                raise UsageError(
                    _("the column {header} cannot be mapped to {field}").format(
                        header=header, field=target
                    )
                )
        self.db = db
        self.path = path
        self.name = str(path)
        self.options = options
        self.progress = progress
        self.plan = Plan(options, self.name)
        self.accounts = _Accounts(db, options.accounts or {})
        self.tz = timezone.institution_zone(db)
        self.members = {
            normalise(m.name): m.id for m in members.list_all(db, include_inactive=True)
        }
        #: (field, name) of members no one is called → [first row, rows].
        self.unknown_members: dict[tuple[str, str], list[int]] = {}
        self.pillars = {normalise(p.name): p.name for p in pillars.list_pillars(db, True)}

    def problem(self, line: int | None, column: str | None, message: str, question="") -> None:
        self.plan.problems.append(Problem(self.name, line, column, message, question))

    def warning(self, line: int | None, column: str | None, message: str) -> None:
        self.plan.warnings.append(Problem(self.name, line, column, message))

    def run(self) -> Plan:
        if self.progress is not None:
            self.progress.update(0, 0, _("Reading {file}…").format(file=self.path.name))
        try:
            sheet = read.read(self.path, choose=lambda h: sum(map(bool, map(field_of, h))) >= 2)
        except read.Unreadable as exc:
            self.problem(None, None, str(exc))
            return self.plan
        self.plan.headers = sheet.headers
        self.plan.header_signature = hashlib.sha1(
            "\x1f".join(sorted(normalise(h) for h in sheet.headers)).encode()
        ).hexdigest()[:16]
        columns = self._columns(sheet.headers)
        if columns is not None:
            rows = self._rows(sheet, columns)
            if rows is not None:
                self._posts(rows)
        self.plan.problems.sort(key=lambda p: p.row or 0)
        self.plan.warnings.sort(key=lambda p: p.row or 0)
        return self.plan

    def _columns(self, headers: list[str]) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        conflict = False
        for index, header in enumerate(headers):
            if not header.strip():
                continue
            target = self.mapping.get(normalise(header))
            if target is None:
                target = field_of(header)
            if target is None:
                self.plan.unknown_headers.append(header)
                self.warning(1, header, _("unknown column: left out"))
                continue
            if target == IGNORE:
                continue
            if target in columns:
                # Not a "mapping" question: the mapping step does not answer it by itself.
                self.problem(
                    1,
                    header,
                    _("this column and {other} both give {field}").format(
                        other=headers[columns[target]], field=_(FIELD_TITLES[target])
                    ),
                    "column_conflict",
                )
                conflict = True
                continue
            columns[target] = index
        if conflict:
            return None
        self.plan.columns = {name: headers[index] for name, index in columns.items()}
        missing = []
        if not {"text", "title"} & set(columns):
            missing.append(_("the file has no text or title column (text, teks, judul…)"))
        if not {"account", "platform"} & set(columns):
            missing.append(_("the file has no account or platform column (akun, platform…)"))
        for message in missing:
            self.problem(1, None, message, "mapping")
        return None if missing else columns

    def _rows(self, sheet: read.Sheet, columns: dict[str, int]) -> list[_Row] | None:
        header = {name: sheet.headers[index] for name, index in columns.items()}
        width = max(columns.values()) + 1
        rows: list[_Row] = []
        votes: set[str] = set()
        two_ways = False  # a date that reads two ways (03/04), in any row
        unknown: dict[str, list[int]] = {}
        for done, (line, cells) in enumerate(sheet.rows):
            if self.progress is not None and done % TICK == 0:
                self.progress.update(done, len(sheet.rows), _("Reading rows…"))
            cells = list(cells) + [None] * (width - len(cells))
            values = {name: cells[index] for name, index in columns.items()}
            if all(not _text(v) for v in values.values()):
                continue
            cell = {name: _text(value) for name, value in values.items()}
            before = len(self.plan.problems)

            account = self._account(line, header, cell, unknown)
            status = self._status(line, header, cell)

            readings: dict[str, dt.date] = {}
            date_cell = values.get("date")
            if cell.get("date"):
                readings = {}
                with contextlib.suppress(ValueError):
                    readings = parse.date_candidates(date_cell)
                if not readings:
                    self.problem(
                        line,
                        header["date"],
                        _("{value} is not a date (or not a real one)").format(value=cell["date"]),
                    )
                elif len(readings) == 1 and next(iter(readings)) in ("dmy", "mdy"):
                    votes.add(next(iter(readings)))
                elif len(set(readings.values())) > 1:
                    two_ways = True
            elif status == "published":
                self.problem(line, header.get("date"), _("a published post needs its date"))

            time = None
            if cell.get("time"):
                try:
                    time = _time(values["time"])
                except ValueError:
                    self.problem(
                        line,
                        header["time"],
                        _("{value} is not a time of day (write 09:00)").format(value=cell["time"]),
                    )
            elif date_cell is not None:
                time = _time_in_date(date_cell)

            text, title = cell.get("text", ""), cell.get("title", "")
            if not text and not title:
                self.problem(
                    line, header.get("text") or header.get("title"), _("no text and no title")
                )
            for name, limit in (
                ("text", 70000),
                ("title", 300),
                ("hashtags", 5000),
                ("notes", NOTES_LIMIT),
            ):
                if len(cell.get(name, "")) > limit:
                    self.problem(
                        line, header[name], _("longer than {n} characters").format(n=limit)
                    )
            url = cell.get("url", "")
            if url:
                try:
                    posts.validate_url(url)
                except ValidationError as exc:
                    self.problem(line, header["url"], exc.reason)
            if status == "published" and not url:
                self.problem(
                    line,
                    header.get("url") or header.get("status"),
                    _("a published post needs its link (url): import it with one, or as a draft"),
                )
            owner = self._member(line, header, cell, "assignee")
            approver = self._member(line, header, cell, "approver")
            if len(self.plan.problems) == before and account is not None:
                rows.append(
                    _Row(
                        line,
                        account,
                        status,
                        readings,
                        date_cell,
                        time,
                        title[:300] if title else _title_from(text),
                        text,
                        cell.get("hashtags", ""),
                        url,
                        self._pillar(cell.get("pillar", "")),
                        cell.get("campaign", "")[:200],
                        owner,
                        approver,
                        cell.get("notes", ""),
                    )
                )
        for (name, given), (first, count) in self.unknown_members.items():
            message = _("no team member is called {name}: the post is left without one").format(
                name=given
            )
            if count > 1:
                message = _("{problem} ({n} rows, the first here)").format(problem=message, n=count)
            self.warning(first, header[name], message)
        for name, lines in unknown.items():
            self.plan.unknown_accounts.append(name)
            message = _(
                "unknown account {name}: add it in the Accounts tab, or use one of ours with "
                '--map-account "{name}=platform:handle"'
            ).format(name=name)
            if len(lines) > 1:
                message = _("{problem} ({n} rows, the first here)").format(
                    problem=message, n=len(lines)
                )
            column = self.plan.columns.get("account") or self.plan.columns.get("platform")
            self.problem(lines[0], column, message, "accounts")
        order = self._date_order(votes, two_ways, header.get("date"))
        if order is False:
            return None
        for row in rows:
            if row.readings:
                row.day = self._day(row, order, header.get("date"))
        return [row for row in rows if row.day is not None or not row.readings]

    def _account(
        self, line: int, header: dict[str, str], cell: dict[str, str], unknown: dict
    ) -> accounts.Account | None:
        """The row's account; None with a problem, or with its name kept in `unknown`."""
        given_platform, handle = cell.get("platform", ""), cell.get("account", "").lstrip("@")
        where = header.get("account") or header.get("platform")
        platform = _platform(given_platform) if given_platform else None
        if given_platform and platform is None:
            self.problem(
                line,
                header["platform"],
                _("{value} is not a platform; use one of {choices}").format(
                    value=given_platform, choices=", ".join(accounts.PLATFORMS)
                ),
            )
            return None
        if not handle and not platform:
            self.problem(line, where, _("no account"))
            return None
        if platform and handle and ":" not in handle:
            name = f"{platform}:{handle}"
        else:
            name = cell.get("account") or platform
        account, why = self.accounts.find(platform, handle.strip(), name, cell.get("account", ""))
        if why:
            self.problem(line, where, why)
        elif account is None:
            unknown.setdefault(name, []).append(line)
        return account

    def _status(self, line: int, header: dict[str, str], cell: dict[str, str]) -> str:
        given = cell.get("status", "")
        if not given:
            return "draft" if cell.get("text") else "idea"
        status = STATUS_NAMES.get(normalise(given))
        if status is None:
            self.problem(
                line,
                header["status"],
                _("{value} is not a status; use one of {choices}").format(
                    value=given, choices=", ".join(posts.STATUSES)
                ),
            )
            return "idea"
        return status

    def _member(self, line: int, header: dict[str, str], cell: dict[str, str], name: str):
        given = cell.get(name, "")
        if not given:
            return None
        found = self.members.get(normalise(given))
        if found is None:
            self.unknown_members.setdefault((name, given), [line, 0])[1] += 1
        return found

    def _pillar(self, given: str) -> str:
        if not given:
            return ""
        known = self.pillars.get(normalise(given))
        if known is None:
            known = self.pillars[normalise(given)] = given[:60]
            self.plan.new_pillars.append(known)
        return known

    def _date_order(self, votes: set[str], two_ways: bool, column: str | None):
        """The order for dates that read two ways; False when the file cannot be read."""
        order = self.options.date_order
        if order is None and len(votes) > 1:
            self.problem(
                1,
                column,
                _(
                    "the dates mix day-first (e.g. 13/05) and month-first (e.g. 05/14) "
                    "orders; correct the file so that all dates are written the same way"
                ),
            )
            return False
        if order is None and two_ways:
            if len(votes) == 1:
                return next(iter(votes))
            self.plan.ambiguous_dates = True
            self.problem(
                1,
                column,
                _(
                    "the dates can be read day-first or month-first (e.g. 03/04 is "
                    "3 April or 4 March); say which with --date-order dmy or "
                    "--date-order mdy"
                ),
                "date_order",
            )
            return False
        return order

    def _day(self, row: _Row, order: str | None, column: str | None) -> dt.date | None:
        days = set(row.readings.values())
        other_order = (
            order in ("dmy", "mdy")
            and set(row.readings) & {"dmy", "mdy"}
            and order not in row.readings
        )
        if len(days) == 1 and not other_order:
            return days.pop()
        if order in row.readings:
            return row.readings[order]
        self.problem(
            row.line,
            column,
            _("{value} is not a date in the order {order}").format(
                value=_text(row.date_cell), order=order
            ),
        )
        return None

    def _posts(self, rows: list[_Row]) -> None:
        existing = self._stored({row.account.id for row in rows})
        seen: dict[tuple, int] = {}
        groups: dict[tuple, list[NewPost]] = {}
        for row in rows:
            day = row.day
            planned = None
            if day is not None:
                moment = dt.datetime.combine(day, row.time or DEFAULT_TIME)
                planned = timezone.stored(moment, self.tz)
            key = (row.account.id, planned[:16] if planned else None, _said(row.text, row.title))
            column = self.plan.columns.get("text") or self.plan.columns.get("title")
            if key in seen:
                self.warning(
                    row.line,
                    column,
                    _("the same account, time and text as row {row}: imported once").format(
                        row=seen[key]
                    ),
                )
                continue
            seen[key] = row.line
            if key in existing:
                self.plan.already.append(row.line)
                continue
            status = "review" if row.status in SENT_TO_REVIEW else row.status
            entry = Entry(
                row.line,
                row.account.id,
                row.account.platform,
                row.account.handle,
                status,
                row.status,
                planned,
                row.text,
                row.hashtags,
                row.url,
            )
            day_text = day.isoformat() if day else None
            group = groups.setdefault((normalise(row.title), day_text), [])
            post = next(
                (p for p in group if all(e.account_id != entry.account_id for e in p.entries)),
                None,
            )
            if post is None:
                post = NewPost(
                    row.title,
                    day_text,
                    row.pillar,
                    row.campaign,
                    row.owner_id,
                    row.approver_id,
                    row.notes,
                )
                group.append(post)
                self.plan.new_posts.append(post)
            post.entries.append(entry)
        notes_column = self.plan.columns.get("notes") or self.plan.columns.get("status")
        for post in self.plan.new_posts:
            if len(post_notes(post)) > NOTES_LIMIT:
                self.problem(
                    post.entries[0].line,
                    notes_column,
                    _(
                        "with the note that its rows come in for review, the post's notes are "
                        "longer than {n} characters"
                    ).format(n=NOTES_LIMIT),
                )
        used = {p.pillar for p in self.plan.new_posts}
        self.plan.new_pillars = [name for name in self.plan.new_pillars if name in used]

    def _stored(self, account_ids: set[int]) -> set[tuple]:
        """(account id, local date-time to the minute or None, `_said` of the text and the
        post's title) of the stored variants."""
        if not account_ids:
            return set()
        marks = ",".join("?" * len(account_ids))
        rows = self.db.query(
            f"""SELECT v.account_id, COALESCE(v.published_at, v.planned_at), v.text, p.title
                FROM post_variants v JOIN posts p ON p.id = v.post_id
                WHERE v.account_id IN ({marks})""",
            tuple(sorted(account_ids)),
        )
        found = set()
        for account_id, at, text, title in rows:
            if at:
                with contextlib.suppress(ValueError):
                    at = timezone.stored(at, self.tz)
            found.add((account_id, at[:16] if at else None, _said(text, title)))
        return found


def _said(text: str, title: str) -> tuple[str, str]:
    """What tells a variant apart from another at the same account and time: its text, or
    for an idea without text its post's title, compared as `normalise` writes it (rows that
    differ only by the title's case are grouped into one post under the first's title, so
    the database holds that title for both)."""
    if text:
        return ("text", text)
    return ("title", normalise(title))


def _title_from(text: str) -> str:
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    if len(first) <= TITLE_FROM_TEXT:
        return first
    return first[: TITLE_FROM_TEXT - 1].rstrip() + "…"


def plan(db: Database, path: Path | str, options: Options | None = None, progress=None) -> Plan:
    """Read and check the plan file against `db` without writing anything."""
    return _Planner(db, Path(path), options or Options(), progress).run()


# --- write ------------------------------------------------------------------------------


def review_note(entries: list[Entry]) -> str:
    """The note a post gets for its variants the file said were approved or scheduled."""
    sent = [e for e in entries if e.given_status in SENT_TO_REVIEW]
    if not sent:
        return ""
    return _(
        "Imported from a plan that marked {accounts} as approved or scheduled: sent for review "
        "instead; approve in Linimasa."
    ).format(accounts=", ".join(e.account for e in sent))


def post_notes(new: NewPost) -> str:
    """The notes `write` gives a post: its row's notes and the `review_note`."""
    return "\n\n".join(n for n in (new.notes, review_note(new.entries)) if n)


def write(db: Database, plan: Plan, progress: Progress | None = None) -> Result:
    """Add the plan's posts in one transaction (all or nothing); new pillars first. A plan
    with problems is refused (PlanRefused); a cancel rolls everything back."""
    if not plan.ok:
        raise PlanRefused(plan)
    total = len(plan.new_posts)
    post_ids = []
    variants = 0
    with db.transaction():
        pillar_ids = {normalise(p.name): p.id for p in pillars.list_pillars(db, True)}
        for name in plan.new_pillars:
            if normalise(name) not in pillar_ids:
                pillar_ids[normalise(name)] = pillars.add_pillar(db, name).id
        for done, new in enumerate(plan.new_posts):
            if progress is not None and done % 20 == 0:
                progress.update(done, total, _("Writing…"))
            post = posts.create(
                db,
                new.title,
                post_notes(new),
                owner_id=new.owner_id,
                text=new.entries[0].text,
                planned_at=new.planned_at,
                pillar_id=pillar_ids.get(normalise(new.pillar)) if new.pillar else None,
                campaign=new.campaign,
                approver_id=new.approver_id,
            )
            post_ids.append(post.id)
            for entry in new.entries:
                posts.add_variant(
                    db,
                    post.id,
                    entry.account_id,
                    entry.text,
                    entry.status,
                    entry.planned_at,
                    entry.published_at,
                    hashtags=entry.hashtags,
                    url=entry.url,
                )
                variants += 1
        if progress is not None:  # a cancel asked for during the last posts still undoes all
            progress.update(total, total, _("Writing…"))
    return Result(len(post_ids), variants, post_ids)
