"""`export all --db DB --out DIR`: every table of the file as CSV, with a README of the columns,
so that a team can always take its data elsewhere.

Each table becomes `TABLE.csv` (UTF-8 with BOM, formula-safe, as every export: core.tabular),
exactly as stored: ids, uids, 0/1 for yes/no, times as ISO 8601 text. README.txt lists, for
each table, its columns with their type, whether they are required, what they refer to, and
a one-line meaning where we have one. All tables are read in one read transaction (one
consistent moment) and written to a partial folder beside DIR that is renamed into place at
the end: a failure leaves no half export under DIR's name.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core import errors
from core.accounts import PLATFORMS
from core.cli.export import export_kind
from core.db import Database
from core.i18n import N_, _, ngettext
from core.posts import STATUSES
from core.tabular import Table, write_csv

README = "README.txt"
#: An empty file every export writes: --force replaces only a folder that holds it, so a
#: folder of the user's own README and CSV files is never taken for an earlier export.
MARKER = ".linimasa-export"

#: What each table holds (tables not listed here are exported without a description).
TABLE_MEANINGS = {
    "units": N_("work units of the institution (humas bureau, regional offices…)"),
    "members": N_("team members: who runs accounts, writes and approves posts"),
    "accounts": N_("social-media accounts, the institution's own and peers' (peer = 1)"),
    "account_security": N_("each account's security checklist: statuses only, never secrets"),
    "account_snapshots": N_("follower figures of an account on a day"),
    "account_targets": N_("each account's targets for followers and engagement rate"),
    "benchmarks": N_("engagement-rate benchmarks per platform"),
    "kpis": N_("indicators of achievement of a period (output, outcome, impact)"),
    "posts": N_("planned and published posts (one row per post, whatever its accounts)"),
    "post_variants": N_("a post's version for one account: its text, status and times"),
    "post_attachments": N_("files (images, videos) attached to a post, by path"),
    "post_metrics": N_(
        "figures of a post on a day: a planned variant's, or one published outside the plan"
    ),
    "post_series": N_("repeating series of posts (weekly, monthly)"),
    "variant_history": N_("who moved a post variant from one status to another, and when"),
    "approval_levels": N_("the approval steps of each unit, in order"),
    "guideline_items": N_("the tone checklist: items per platform"),
    "guideline_ticks": N_("checklist items ticked for a post variant, and by whom"),
    "pillars": N_("content pillars (themes) a post can belong to"),
    "snippets": N_("saved snippets: hashtag groups, closing lines"),
    "observances": N_("commemorative days the calendar shows each year"),
    "settings": N_("the institution's settings (name, time zone, …) as key and value"),
    "merge_aliases": N_("rows merged from units' packages under another uid, by that uid"),
}

#: What a column means, in any table ("table.column" for one table's own meaning).
COLUMN_MEANINGS = {
    "id": N_("row number, referred to by other tables"),
    "uid": N_("unique identifier that stays the same in copies of the file"),
    "created_at": N_("when the row was created (local time)"),
    "updated_at": N_("when the row was last changed (local time)"),
    "position": N_("order in lists (smallest first)"),
    "archived": N_("1 if archived (kept, but hidden from daily lists), else 0"),
    "platform": N_("the platform, one of: {choices}"),
    "handle": N_("the account's name on the platform, without @"),
    "date": N_("day of the figures (YYYY-MM-DD)"),
    "followers": N_("followers (subscribers on YouTube)"),
    "source": N_("where the row came from (entered by hand, an import file)"),
    "planned_at": N_("planned time, ISO 8601 with the institution's UTC offset"),
    "published_at": N_("publication time, ISO 8601 with the institution's UTC offset"),
    "post_variants.status": N_("the variant's step in the workflow, one of: {choices}"),
    "reach": N_("accounts reached"),
    "impressions": N_("times shown"),
    "engagements": N_("reactions, comments, shares and saves together"),
    "settings.value": N_("the setting's value, as text (JSON for lists)"),
}


#: The values a column may hold, for the meanings that list them.
CHOICES = {"platform": PLATFORMS, "post_variants.status": STATUSES}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool
    key: bool
    refers_to: str  # "table.column" or ""


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: list[Column]
    rows: int


def table_names(db: Database) -> list[str]:
    """Every table that holds the team's data (SQLite's own and virtual tables left out)."""
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(db: Database, table: str) -> list[Column]:
    refers = {
        row["from"]: f"{row['table']}.{row['to'] or 'id'}"
        for row in db.conn.execute(f"PRAGMA foreign_key_list({_quoted(table)})")
    }
    return [
        Column(
            row["name"],
            row["type"] or "",
            bool(row["notnull"]),
            row["pk"] > 0,
            refers.get(row["name"], ""),
        )
        for row in db.conn.execute(f"PRAGMA table_info({_quoted(table)})")
    ]


def _rows(db: Database, table: str, columns: list[Column]):
    keys = [c.name for c in columns if c.key]
    order = ", ".join(_quoted(k) for k in keys) if keys else "rowid"
    names = ", ".join(_quoted(c.name) for c in columns)
    yield from db.conn.execute(f"SELECT {names} FROM {_quoted(table)} ORDER BY {order}")


def column_meaning(table: str, column: Column) -> str:
    for key in (f"{table}.{column.name}", column.name):
        if key in COLUMN_MEANINGS:
            return _(COLUMN_MEANINGS[key]).format(choices=", ".join(CHOICES.get(key, ())))
    return ""


def readme(db: Database, tables: list[TableInfo]) -> str:
    lines = [
        _("Linimasa: everything in {path}").format(path=db.path),
        _("Exported {when}; data version {version}.").format(
            when=dt.datetime.now().replace(microsecond=0).isoformat(sep=" "),
            version=db.user_version,
        ),
        "",
        _(
            "Each table of the database is one CSV file in this folder: UTF-8 with BOM, "
            "separated by commas, the first line the column names. An empty cell is an "
            "empty value. Yes/no is 1 or 0. Dates are YYYY-MM-DD. Text that a spreadsheet "
            "would run as a formula (starting with =, +, -, @, a tab or a line break) has an "
            "apostrophe (') put in front of it, which is not part of the data. Rows refer "
            "to each other by id (the column says which table)."
        ),
    ]
    for table in tables:
        lines += ["", f"{table.name}.csv"]
        if table.name in TABLE_MEANINGS:
            lines.append("  " + _(TABLE_MEANINGS[table.name]))
        lines.append("  " + ngettext("{n} row", "{n} rows", table.rows).format(n=table.rows))
        for column in table.columns:
            traits = [column.type or "ANY"]
            if column.key:
                traits.append(_("key"))
            if column.required:
                traits.append(_("required"))
            if column.refers_to:
                traits.append(_("refers to {column}").format(column=column.refers_to))
            line = f"  - {column.name} ({', '.join(traits)})"
            meaning = column_meaning(table.name, column)
            lines.append(line + (f": {meaning}" if meaning else ""))
    return "\r\n".join(lines) + "\r\n"


def _is_earlier_export(folder: Path) -> bool:
    """Only what an export writes is in `folder`: its marker, README.txt and CSV files."""
    entries = list(folder.iterdir())
    return any(e.name == MARKER for e in entries) and all(
        e.is_file() and (e.name in (README, MARKER) or e.suffix.lower() == ".csv") for e in entries
    )


def _check_target(target: Path, force: bool) -> None:
    if target.exists() and not target.is_dir():
        raise errors.OutputNotFolder(target)
    if not target.parent.is_dir():
        raise errors.CannotWrite(
            target, _("the folder {folder} does not exist").format(folder=target.parent)
        )
    if target.is_dir() and any(target.iterdir()):
        if not force:
            raise errors.OutputExists(target)
        if not _is_earlier_export(target):
            # --force replaces an earlier export, never a folder of other files (Documents).
            raise errors.FolderHoldsOtherFiles(target)


def write_all(
    db: Database, target: Path | str, *, force: bool = False, tick: Callable[[], None] | None = None
) -> int:
    """Write every table of `db` to the folder `target`, all or nothing; returns the number of
    files written (the tables and the README)."""
    target = Path(target).expanduser().absolute()
    _check_target(target, force)
    partial = target.with_name(f".{target.name}.{os.urandom(4).hex()}.partial")
    try:
        partial.mkdir()
        tables = []
        # One read transaction: every table as of one moment, even while a colleague writes.
        db.conn.execute("BEGIN")
        try:
            for name in table_names(db):
                columns = _columns(db, name)
                count = write_csv(
                    Table(name, [c.name for c in columns], _rows(db, name, columns)),
                    partial / f"{name}.csv",
                    tick,
                )
                tables.append(TableInfo(name, columns, count))
            (partial / README).write_text(readme(db, tables), encoding="utf-8-sig")
            (partial / MARKER).write_bytes(b"")
        finally:
            db.conn.execute("ROLLBACK")
        _move_into_place(partial, target)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if exc.errno == errno.ENOSPC:
            raise errors.CannotWrite(target, _("the disk is full")) from exc
        raise errors.CannotWrite(target, errors.os_reason(exc)) from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return len(tables) + 1


def _move_into_place(partial: Path, target: Path) -> None:
    """Rename `partial` to `target`; an existing (empty or earlier) export goes only once the
    new one is in its place."""
    if not target.exists():
        os.replace(partial, target)
        return
    old = target.with_name(partial.name.replace(".partial", ".old"))
    os.replace(target, old)
    try:
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@export_kind(
    "all",
    N_("every table of the file as CSV files in a folder, with a README of the columns"),
    folder=True,
)
def export_all(db: Database, args: argparse.Namespace, target: Path) -> int:
    return write_all(db, target, force=args.force)
