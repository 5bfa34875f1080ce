"""`import FILE...`: metrics from CSV or XLSX files, all or nothing (core.importing).

Never prompts. Exit 0 when imported (or, with --dry-run, when it could be); 1 with every
problem on stderr as FILE:ROW:COLUMN: message when refused; 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli import add_db_option, open_for_writing, say, write_import
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    from core.importing import formats

    command = subparsers.add_parser(
        "import",
        help=_("import follower figures from CSV or Excel files (all or nothing)"),
        description=_(
            "Import follower figures (followers, reach, impressions, engagements, posts "
            "published) per account and day from CSV or XLSX files. Nothing is written "
            "unless every row is valid."
        ),
    )
    command.add_argument("files", nargs="+", metavar="FILE", help=_("CSV or XLSX files"))
    add_db_option(command)
    command.add_argument(
        "--account",
        metavar="HANDLE",
        help=_(
            "the account of files without platform and handle columns: a handle, or "
            "platform:handle when the handle is on several platforms"
        ),
    )
    command.add_argument(
        "--create-accounts",
        action="store_true",
        help=_("create accounts the database does not have yet (needs their platform)"),
    )
    command.add_argument(
        "--format",
        default="auto",
        choices=["auto", *formats.names()],
        help=_("the files' format (default: recognised by their headers)"),
    )
    command.add_argument(
        "--date-order",
        choices=["dmy", "mdy", "ymd"],
        help=_("how to read dates like 03/04/2021: dmy (3 April) or mdy (4 March)"),
    )
    command.add_argument(
        "--dry-run", action="store_true", help=_("check and show what would change; write nothing")
    )
    command.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from core import importing

    options = importing.Options(
        format=args.format,
        account=args.account,
        create_accounts=args.create_accounts,
        date_order=args.date_order,
    )
    if args.account:
        importing.parse_account_option(args.account)  # a usage mistake before opening
    paths = [Path(f).expanduser() for f in args.files]
    with open_for_writing(args, purpose="import") as opened:
        plan = importing.plan(opened.db, paths, options)
        for line in plan.formats_text():
            say(line)
        for warning in plan.warnings:
            say(_("warning: {problem}").format(problem=warning))
        code, result = write_import(opened.db, plan, args.dry_run, importing.write)
    if result is None:
        return code
    if result.added or result.changed or not (result.posts_added or result.posts_changed):
        say(
            _("Imported: {added} rows added, {changed} changed.").format(
                added=result.added, changed=result.changed
            )
        )
    if result.posts_added or result.posts_changed:
        say(
            _("Imported posts: {added} added, {changed} changed.").format(
                added=result.posts_added, changed=result.posts_changed
            )
        )
    return 0
