"""Per-post rows of the platforms' exports: plan (read, match to planned posts, compare) and
write, as part of the import pipeline (core.importing.pipeline calls these).

A row is one post of one account, keyed by the platform's post id (taken from the post's link
when the file has no id column, as TikTok's). Its figures are the post's lifetime totals as
of the export, stored under the day it was published: importing a later export of the same
post updates that row, and the same file twice changes nothing.

Matching to the plan: a post is linked to a planned variant of the same account that already
carries its figures, else whose external id or link is the post's, else that was planned or
published that day with the same text (its first 60 characters, or all of the shorter one,
compared without case, spacing or "bold" Unicode letters). A variant is linked to one post at most. Posts no variant matches are kept as posts
published outside the plan (`core.outside_plan`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core import metrics, parse
from core.i18n import _
from core.importing import cells as parsing
from core.importing import pipeline

if TYPE_CHECKING:
    from core.importing import read
    from core.importing.formats import Format

#: Excel keeps 15 significant digits: a post id it turned into a number with more digits has
#: lost some (and one written as 1.79123E+16 has lost more).
EXCEL_DIGITS = 15
_E_NOTATION = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")
#: The longest link kept, and the longest caption (a longer one is cut: it is shown only).
URL_LIMIT = 2000
CAPTION_LIMIT = 20000
#: How much of a caption is compared when matching a post to a planned variant: the first
#: MATCH_CHARS characters, or all of the shorter text when it has at least MATCH_LEAST.
MATCH_CHARS = 60
MATCH_LEAST = 20


@dataclass
class PostRow:
    """One post's figures as read from a file. `values`: the figures the file gives (core.
    metrics.POST_COUNTS); `published_at`: stored text (None when the file gives the day
    only); `variant_id`: the planned variant it matches (None: published outside the plan)."""

    file: str
    line: int
    platform: str
    handle: str
    account_id: int
    post_id: str
    date: str
    published_at: str | None
    url: str
    caption: str
    values: dict[str, int]
    variant_id: int | None = None
    matched_by: str = ""
    details: dict[str, str] = field(default_factory=dict)
    #: The post_metrics row this one updates (None: a new row).
    stored_id: int | None = None

    @property
    def account(self) -> str:
        return f"{self.platform}:{self.handle}"


# --- cells ------------------------------------------------------------------------------

_ID_IN_URL = (
    re.compile(r"/(?:video|status|reel|posts|p|videos|shorts)/([A-Za-z0-9_-]+)"),
    re.compile(r"[?&](?:v|story_fbid|fbid)=([A-Za-z0-9_-]+)"),
    re.compile(r"youtu\.be/([A-Za-z0-9_-]+)"),
)


def id_from_url(url: str) -> str:
    """The post id a platform's link carries ("" when none is found)."""
    for pattern in _ID_IN_URL:
        found = pattern.search(url)
        if found:
            return found.group(1)
    return ""


def _rounded_id(cell: object) -> bool:
    """Whether Excel has turned a post id into a number and lost digits of it."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return len(str(int(cell))) > EXCEL_DIGITS
    return isinstance(cell, str) and bool(_E_NOTATION.fullmatch(cell.strip()))


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).replace("\r\n", "\n").replace("\r", "\n").strip()


#: Query parameters that name the post (Facebook's watch/?v=, permalink.php?story_fbid=&id=,
#: photo.php?fbid=; YouTube's watch?v=): kept when links are compared, the rest dropped.
_ID_PARAMETERS = ("v", "story_fbid", "fbid", "id")


def normalise_url(url: str) -> str:
    """A link as compared: no scheme, "www." or "m.", tracking parameters, fragment or end
    slash; youtu.be/ID and /shorts/ID read as watch?v=ID."""
    from urllib.parse import parse_qsl, urlencode

    text = url.strip()
    text = re.sub(r"^https?://", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(www|m|mobile)\.", "", text, flags=re.IGNORECASE)
    text = text.split("#")[0]
    short = re.match(r"(?:youtu\.be/|youtube\.com/shorts/)([A-Za-z0-9_-]+)", text, re.IGNORECASE)
    if short:
        return f"youtube.com/watch?v={short.group(1)}"
    path, _, query = text.partition("?")
    kept = [(k, v) for k, v in parse_qsl(query) if k in _ID_PARAMETERS]
    path = path.casefold().rstrip("/")
    return f"{path}?{urlencode(sorted(kept))}" if kept else path


def normalise_text(text: str) -> str:
    """A caption as compared: NFKC (𝗣𝗘𝗡𝗧𝗜𝗡𝗚 = PENTING), case-folded, spacing as one space."""
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())[:MATCH_CHARS]


# --- plan -------------------------------------------------------------------------------


def plan_table(
    planner, name: str, sheet: read.Sheet, fmt: Format, found: pipeline.Recognised
) -> None:
    """Read one per-post table into `planner.post_rows` (problems into the plan)."""
    columns = planner._columns(name, sheet.headers, fmt, found)
    if columns is None:
        return
    headers = sheet.headers
    handle_index = columns.get("handle")
    if handle_index is not None and planner.default_account is not None:
        # The account chosen wins over the file's own column (a username changed since).
        named = {
            parsing.handle_of(c[handle_index])
            for _n, c in sheet.rows
            if len(c) > handle_index and not parsing.blank(c[handle_index])
        }
        chosen_handle = planner.default_account[1]
        others = sorted(h for h in named if h.casefold() != chosen_handle.casefold())
        if others:
            planner.plan.warnings.append(
                pipeline.Problem(
                    name,
                    None,
                    headers[handle_index],
                    _(
                        "the file names the account {named}; its posts are imported into "
                        "{chosen}, the account chosen"
                    ).format(named=", ".join(others), chosen=chosen_handle),
                )
            )
        handle_index = None
    chosen = planner.platform_account(name, fmt, sheet.platform, handle_index is not None)
    if chosen is None:
        return
    default_platform, default_handle = chosen
    parts = [part for fields in fmt.sums.values() for part in fields]
    counts = [
        (f, columns[f], headers[columns[f]]) for f in (*metrics.POST_COUNTS, *parts) if f in columns
    ]
    order = "mdy"
    if "published" in columns:
        at = columns["published"]
        order = planner.date_order(
            name, headers[at], [c[at] for _n, c in sheet.rows if len(c) > at]
        )
        if order is None:
            return
    width = max(columns.values()) + 1
    rows: dict[tuple, PostRow] = planner.post_rows

    def cell(cells: list, field_name: str) -> object:
        index = columns.get(field_name)
        return cells[index] if index is not None else None

    for line, cells in sheet.rows:
        planner.tick()
        if len(cells) < width:
            cells = list(cells) + [None] * (width - len(cells))
        if all(parsing.blank(c) for c in cells):
            continue
        bad = False
        handle = default_handle
        if handle_index is not None and not parsing.blank(cells[handle_index]):
            handle = parsing.handle_of(cells[handle_index])
        if not handle:
            planner.problem(
                name,
                line,
                headers[handle_index] if handle_index is not None else None,
                _("no account: the handle is empty"),
            )
            continue
        platform, handle, account_id, why = planner.accounts.find(default_platform, handle)
        if why:
            column = headers[handle_index] if handle_index is not None else None
            planner.account_problems.setdefault(why, [name, line, column, 0])[3] += 1
            continue
        url = _text(cell(cells, "url"))
        raw_id = cell(cells, "post_id")
        post_id = _text(raw_id)
        if _rounded_id(raw_id):
            planner.problem(
                name,
                line,
                headers[columns["post_id"]],
                _(
                    "Excel has turned the post id {value} into a number and rounded it, so it "
                    "no longer names the post; import the file as the platform gave it (CSV), "
                    "or format the column as text before saving"
                ).format(value=post_id),
            )
            continue
        if not post_id:
            post_id = id_from_url(url)
        if not post_id or parse.is_no_value(post_id):
            planner.problem(
                name,
                line,
                headers[columns["post_id"]] if "post_id" in columns else None,
                _("the post has no id (and its link names none)"),
            )
            continue
        too_long = [
            (n, limit)
            for n, text, limit in (("url", url, URL_LIMIT), ("post_id", post_id, 200))
            if len(text) > limit
        ]
        if too_long:
            planner.problem(
                name,
                line,
                headers[columns[too_long[0][0]]],
                _("longer than {n} characters").format(n=too_long[0][1]),
            )
            continue
        if not url and fmt.platform == "youtube":
            url = f"https://www.youtube.com/watch?v={post_id}"
        published = cell(cells, "published")
        moment = planner.moment_of(fmt, published, order) if not parsing.blank(published) else None
        header = headers[columns["published"]] if "published" in columns else None
        if moment is None:
            if parsing.blank(published):
                planner.problem(name, line, header, _("the post has no publication date"))
            else:
                planner.problem(
                    name,
                    line,
                    header,
                    _("{value} is not a date (or not a real one)").format(value=published),
                )
            continue
        day = moment.date() if isinstance(moment, dt.datetime) else moment
        if day > planner.latest:
            planner.problem(
                name, line, header, _("{date} lies in the future").format(date=day.isoformat())
            )
            continue
        values = {}
        for our, index, column in counts:
            value, why = parsing.count(cells[index])
            if why is not None:
                planner.problem(name, line, column, why)
                bad = True
            elif value is not None:
                values[our] = value
        if bad:
            continue
        for total, fields in fmt.sums.items():
            given = [values.pop(f) for f in fields if f in values]
            if given:
                values[total] = sum(given)
        published_at = (
            moment.replace(microsecond=0).isoformat() if isinstance(moment, dt.datetime) else None
        )
        row = PostRow(
            name,
            line,
            platform,
            handle,
            account_id,
            post_id,
            day.isoformat(),
            published_at,
            url,
            max(_text(cell(cells, "caption")), _text(cell(cells, "title")), key=len)[
                :CAPTION_LIMIT
            ],
            values,
        )
        key = (account_id if account_id is not None else row.account, post_id)
        earlier = rows.get(key)
        if earlier is not None:
            if earlier.values != row.values:
                planner.problem(
                    name,
                    line,
                    None,
                    _(
                        "the post {post} of {account} is also in {file} row {row}, with other "
                        "figures"
                    ).format(
                        post=post_id, account=row.account, file=earlier.file, row=earlier.line
                    ),
                )
            continue
        rows[key] = row


def _details(row: PostRow) -> dict[str, str]:
    return {
        name: value
        for name, value in (
            ("url", row.url),
            ("published_at", row.published_at),
            ("caption", row.caption),
        )
        if value
    }


def compare(planner) -> None:
    """Match the planned rows to variants and sort them into adds, changes and unchanged.

    A post already stored is found by its account and post id whatever its day (a new
    institution zone, or another export that gives the day only, may put it on another day):
    the latest of its rows is the one a new export updates."""
    rows: dict = planner.post_rows
    if not rows:
        return
    db, plan = planner.db, planner.plan
    ids = sorted({r.account_id for r in rows.values() if r.account_id is not None})
    marks = ",".join("?" * len(ids))
    stored: dict[tuple[int, str], tuple] = {}
    linked: dict[tuple[int, str], int] = {}
    names = (*metrics.POST_COUNTS, *metrics.POST_DETAILS)
    by_variant: dict[tuple[int, str], tuple] = {}
    for record in db.conn.execute(
        f"""SELECT id, account_id, external_post_id, date, variant_id, {", ".join(names)}
            FROM post_metrics WHERE account_id IN ({marks}) ORDER BY date""",
        ids,
    ):
        kept = (record[0], record[4], record[3], *record[5:])  # id, variant, day, values
        if record[2] is not None:
            stored[(record[1], record[2])] = kept  # in date order: the latest stays
            if record[4] is not None:
                linked[(record[1], record[2])] = record[4]
        if record[4] is not None:
            by_variant[(record[4], record[3])] = kept
    match = _Matcher(db, ids, linked)
    ordered = sorted(rows.values(), key=lambda r: (r.file, r.line))
    for row in ordered:  # exact matches first, so that a text match never takes their variant
        row.variant_id, row.matched_by = match.exact(row)
    for row in ordered:
        planner.tick()
        if row.variant_id is None and row.account_id is not None:
            row.variant_id, row.matched_by = match.by_text(row)
        old = stored.get((row.account_id, row.post_id))
        if old is None and row.variant_id is not None:
            old = by_variant.get((row.variant_id, row.date))
        row.details = _details(row)
        if old is None:
            plan.post_adds.append(row)
            continue
        row.stored_id = old[0]
        was = dict(zip(names, old[3:], strict=True))
        differ = {
            name: (was[name], value)
            for name, value in (*row.values.items(), *row.details.items())
            if was[name] != value
        }
        if old[1] != row.variant_id and row.variant_id is not None:
            differ["variant_id"] = (old[1], row.variant_id)
        if old[2] != row.date:
            differ["date"] = (old[2], row.date)
        if differ:
            plan.post_changes.append((row, differ))
        else:
            plan.post_unchanged += 1


class _Matcher:
    """Finds the planned variant a platform's post is (see the module docstring)."""

    def __init__(self, db, account_ids: list[int], linked: dict[tuple[int, str], int]):
        self.linked = linked
        self.by_external: dict[tuple[int, str], int] = {}
        self.by_url: dict[tuple[int, str], int] = {}
        self.by_day: dict[tuple[int, str], list[tuple[int, str]]] = {}
        self.taken: set[int] = set(linked.values())
        marks = ",".join("?" * len(account_ids))
        for variant_id, account_id, external, url, text, planned, published in db.conn.execute(
            f"""SELECT id, account_id, external_id, url, text, planned_at, published_at
                FROM post_variants WHERE account_id IN ({marks})""",
            account_ids,
        ):
            if external:
                self.by_external.setdefault((account_id, external.strip()), variant_id)
            if url:
                self.by_url.setdefault((account_id, normalise_url(url)), variant_id)
            key = normalise_text(text)
            if len(key) >= MATCH_LEAST:
                for day in {moment[:10] for moment in (planned, published) if moment}:
                    self.by_day.setdefault((account_id, day), []).append((variant_id, key))

    def exact(self, row: PostRow) -> tuple[int | None, str]:
        """The variant already linked to the post, or carrying its id or link."""
        account = row.account_id
        found = self.linked.get((account, row.post_id))
        if found is not None:
            return found, "linked"
        for variant_id, how in (
            (self.by_external.get((account, row.post_id)), "id"),
            (self.by_url.get((account, normalise_url(row.url))) if row.url else None, "url"),
        ):
            if variant_id is not None and variant_id not in self.taken:
                self.taken.add(variant_id)
                return variant_id, how
        return None, ""

    def by_text(self, row: PostRow) -> tuple[int | None, str]:
        """The one variant of that day whose text is the post's (none: no match)."""
        key = normalise_text(row.caption)
        if len(key) >= MATCH_LEAST:
            candidates = [
                variant_id
                for variant_id, text in self.by_day.get((row.account_id, row.date), [])
                if variant_id not in self.taken and (key.startswith(text) or text.startswith(key))
            ]
            if len(candidates) == 1:
                self.taken.add(candidates[0])
                return candidates[0], "text"
        return None, ""


# --- write ------------------------------------------------------------------------------


def _values(row: PostRow, names: tuple[str, ...]) -> list:
    return [row.values.get(n, row.details.get(n)) for n in names]


def write(db, plan, created: dict[str, int]) -> tuple[int, int]:
    """Write a plan's post rows (inside the caller's transaction): (added, changed).
    `created`: the ids of the accounts the import has just created, by "platform:handle". A
    matched variant without an external id or link gets the platform's."""
    rows = [*plan.post_adds, *(row for row, _differ in plan.post_changes)]
    if not rows:
        return 0, 0
    from core.db import new_uid, now_iso

    for row in rows:
        if row.account_id is None:
            row.account_id = created[row.account]

    # The planner has checked every value (counts, times, lengths): written in bulk, one
    # statement per set of given columns. Column names come from metrics' own lists.
    groups: dict[tuple, list[PostRow]] = {}
    for row in rows:
        given = tuple(
            n
            for n in (*metrics.POST_COUNTS, *metrics.POST_DETAILS)
            if n in row.values or n in row.details
        )
        groups.setdefault((row.stored_id is None, given), []).append(row)
    for (new, given), chunk in groups.items():
        if new:
            names = (
                "uid",
                "account_id",
                "variant_id",
                "external_post_id",
                "date",
                "source",
                *given,
            )
            db.conn.executemany(
                f"INSERT INTO post_metrics ({', '.join(names)}) "
                f"VALUES ({', '.join('?' * len(names))})",
                [
                    (
                        new_uid(),
                        r.account_id,
                        r.variant_id,
                        r.post_id,
                        r.date,
                        "import",
                        *_values(r, given),
                    )
                    for r in chunk
                ],
            )
        else:
            assignments = ", ".join(f"{n} = ?" for n in given)
            db.conn.executemany(
                f"UPDATE post_metrics SET {assignments}{', ' if given else ''}"
                "variant_id = coalesce(?, variant_id), external_post_id = ?, date = ? "
                "WHERE id = ?",
                [(*_values(r, given), r.variant_id, r.post_id, r.date, r.stored_id) for r in chunk],
            )

    for row in rows:
        if row.variant_id is None:
            continue
        db.conn.execute(
            """UPDATE post_variants SET external_id = ?, updated_at = ?
               WHERE id = ? AND (external_id IS NULL OR trim(external_id) = '')""",
            (row.post_id, now_iso(), row.variant_id),
        )
        if row.url:
            db.conn.execute(
                "UPDATE post_variants SET url = ?, updated_at = ? WHERE id = ? AND url = ''",
                (row.url, now_iso(), row.variant_id),
            )
    return len(plan.post_adds), len(plan.post_changes)
