"""`import-plan FILE --db DB`: a content plan from CSV or XLSX, all or nothing (core.plan_import).

Never prompts. Exit 0 when imported (or, with --dry-run, when it could be); 1 with every
problem on stderr as FILE:ROW:COLUMN: message when refused; 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli import add_db_option, open_for_writing, say, write_import
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "import-plan",
        help=_("import a content plan (posts) from a CSV or Excel file (all or nothing)"),
        description=_(
            "Import planned posts (date, time, account or platform, text, title, pillar, "
            "status…) from a CSV or XLSX file, one row per account's version of a post. "
            "Nothing is written unless every row is valid; rows already in the database are "
            "left out. Approved or scheduled rows come in for review."
        ),
    )
    command.add_argument("file", metavar="FILE", help=_("CSV or XLSX file"))
    add_db_option(command)
    command.add_argument(
        "--map-account",
        action="append",
        default=[],
        metavar="NAME=ACCOUNT",
        help=_(
            "use one of our accounts (platform:handle) for a name the file uses; repeat for "
            'each name, e.g. --map-account "Instagram BMSN=instagram:bmsn_ri"'
        ),
    )
    command.add_argument(
        "--map-column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help=_("read a column Linimasa does not know as one of: {fields}").format(
            fields=", ".join(_fields())
        ),
    )
    command.add_argument(
        "--date-order",
        choices=["dmy", "mdy", "ymd"],
        help=_("how to read dates like 03/04/2021: dmy (3 April) or mdy (4 March)"),
    )
    command.add_argument(
        "--dry-run", action="store_true", help=_("check and show what would change; write nothing")
    )
    command.set_defaults(run=run_import_plan)


def _fields() -> tuple[str, ...]:
    from core.plan_import import FIELDS

    return FIELDS


def run_import_plan(args: argparse.Namespace) -> int:
    from core import plan_import

    accounts = dict(plan_import.parse_pair("--map-account", text) for text in args.map_account)
    mapping = dict(plan_import.parse_pair("--map-column", text) for text in args.map_column)
    options = plan_import.Options(
        date_order=args.date_order, mapping=mapping or None, accounts=accounts or None
    )
    path = Path(args.file).expanduser()
    with open_for_writing(args, purpose="import") as opened:
        plan = plan_import.plan(opened.db, path, options)
        for warning in plan.warnings:
            say(_("warning: {problem}").format(problem=warning))
        if plan.already:
            say(
                _("{file}: already in the database, left out: rows {rows}").format(
                    file=path, rows=row_ranges(plan.already)
                )
            )
        code, result = write_import(opened.db, plan, args.dry_run, plan_import.write)
    if result is None:
        return code
    say(
        _("Imported: {posts} posts with {variants} platform versions.").format(
            posts=result.posts, variants=result.variants
        )
    )
    return 0


def row_ranges(lines: list[int]) -> str:
    """2, 3, 4, 7 → "2-4, 7"."""
    parts: list[str] = []
    start = previous = None
    for line in sorted(lines):
        if previous is not None and line == previous + 1:
            previous = line
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = line
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}-{previous}")
    return ", ".join(parts)
