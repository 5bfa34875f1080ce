"""`report`: the PDF summary for leadership, from the command line (offscreen), as the
Laporan tab saves it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from core.cli import add_db_option, db_path, parse_date, parse_today, say
from core.errors import LinimasaError, UsageError, ValidationError
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help=_("make the PDF summary for leadership"),
        description=_(
            "Write the PDF summary of a period: followers and their growth in sentences and "
            "tables, charts, engagement against the benchmark, planned and published posts, "
            "indicators and account security."
        ),
    )
    add_db_option(parser)
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", required=True)
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", required=True)
    parser.add_argument("--out", metavar="FILE.pdf", required=True, help=_("the PDF file"))
    parser.add_argument(
        "--lang", dest="report_lang", choices=("id", "en"), default=None,
        help=_("the report's language (default: the command's language, else id)"),
    )  # fmt: skip
    parser.add_argument("--unit", metavar="NAME", help=_("a unit's name or short name"))
    parser.add_argument(
        "--accounts",
        metavar="A,B",
        help=_("accounts, comma separated: platform:handle, or a handle on every platform"),
    )
    parser.add_argument("--title", default="", help=_("the report's title"))
    parser.add_argument("--prepared-by", default="", metavar="NAME", help=_("who prepared it"))
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=_("the date printed as prepared"))
    parser.add_argument("--force", action="store_true", help=_("overwrite --out if it exists"))
    parser.set_defaults(run=run_report)


def scope_account_ids(db, text: str | None) -> tuple[int, ...]:
    """--accounts: "platform:handle" is that account; a bare handle is that handle on every
    platform. Unknown names are a usage error naming them."""
    from core import accounts

    if not text:
        return ()
    known = accounts.list_all(db, include_archived=True)
    ids: list[int] = []
    for name in (part.strip() for part in text.split(",")):
        if not name:
            continue
        platform, _colon, handle = name.rpartition(":")
        platform, handle = platform.casefold(), handle.lstrip("@").casefold()
        found = [
            a.id
            for a in known
            if a.handle.casefold() == handle and (not platform or a.platform == platform)
        ]
        if found and all(a.peer for a in known if a.id in found):
            raise UsageError(
                _("--accounts: {name} is another institution's account (a peer); reports "
                  "are about your own").format(name=name)
            )  # fmt: skip
        if not found:
            raise UsageError(_("--accounts: no account {name} in this file").format(name=name))
        ids += [i for i in found if i not in ids]
    return tuple(ids)


def report_options(db, args: argparse.Namespace):
    from core import report, units

    start, end = parse_date("--from", args.start), parse_date("--to", args.end)
    if end < start:
        raise UsageError(_("--from {start} is after --to {end}").format(start=start, end=end))
    if args.unit and args.accounts:
        raise UsageError(_("--unit and --accounts: choose one scope"))
    unit_id = None
    if args.unit:
        try:
            unit_id = units.find(db, args.unit).id
        except ValidationError as error:
            raise UsageError(f"--unit {error.value}: {error.reason}") from None
    return report.ReportOptions(
        start,
        end,
        account_ids=scope_account_ids(db, args.accounts),
        unit_id=unit_id,
        language=args.report_lang or getattr(args, "lang", None) or "id",
        title=args.title,
        prepared_by=args.prepared_by,
        today=parse_today(args.today),
    )


def run_report(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UsageError(_("--out: the file must end in .pdf"))
    if out.exists() and not args.force:
        raise UsageError(_("{path} exists; add --force to overwrite it").format(path=out))
    from core import db as dbmod
    from core import report

    with dbmod.open_database(db_path(args), read_only=True) as database:
        options = report_options(database, args)
        built = report.build(database, options)
        if not built.has_data:
            raise LinimasaError(
                _("No figures and no posts from {start} to {end} for these accounts: "
                  "nothing to report.").format(start=options.start, end=options.end)
            )  # fmt: skip
        from core import i18n
        from gui.app import create_application
        from gui.report import render

        create_application(i18n.current_language())
        render.save_pdf(database, built, out)
        pages = render.page_count(database, built)
    say(_("{path}: {pages} pages").format(path=out, pages=pages))
    return 0
