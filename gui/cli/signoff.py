"""`signoff`: the sign-off sheet of a range of planned days as a PDF, from the command line
(offscreen), as the Kalender tab saves it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from core.cli import add_db_option, db_path, parse_date, parse_today, say
from core.errors import LinimasaError, UsageError
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "signoff",
        help=_("make the sign-off sheet of planned posts (PDF)"),
        description=_(
            "Write a PDF with a block per post planned in the period: account, time, text "
            "with its hashtags, first image, status and an empty line per approval level "
            "for the approver's name, date and initials."
        ),
    )
    add_db_option(parser)
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", required=True)
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", required=True)
    parser.add_argument("--out", metavar="FILE.pdf", required=True, help=_("the PDF file"))
    parser.add_argument(
        "--lang", dest="sheet_lang", choices=("id", "en"), default=None,
        help=_("the sheet's language (default: the command's language, else id)"),
    )  # fmt: skip
    parser.add_argument(
        "--status",
        metavar="S,T",
        help=_("only posts with these statuses, comma separated (e.g. review,approved)"),
    )
    parser.add_argument(
        "--accounts",
        metavar="A,B",
        help=_("accounts, comma separated: platform:handle, or a handle on every platform"),
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=_("the date printed on the sheet"))
    parser.add_argument("--force", action="store_true", help=_("overwrite --out if it exists"))
    parser.set_defaults(run=run_signoff)


def parse_statuses(text: str | None) -> tuple[str, ...]:
    from core import posts

    if not text:
        return ()
    statuses = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [status for status in statuses if status not in posts.STATUSES]
    if unknown:
        raise UsageError(
            _("--status: {names} unknown; choose from {choices}").format(
                names=", ".join(unknown), choices=", ".join(posts.STATUSES)
            )
        )
    return statuses


def run_signoff(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UsageError(_("--out: the file must end in .pdf"))
    if out.exists() and not args.force:
        raise UsageError(_("{path} exists; add --force to overwrite it").format(path=out))
    start, end = parse_date("--from", args.start), parse_date("--to", args.end)
    if end < start:
        raise UsageError(_("--from {start} is after --to {end}").format(start=start, end=end))
    statuses = parse_statuses(args.status)
    today = parse_today(args.today)
    from core import db as dbmod
    from core import i18n, signoff
    from gui.cli.report import scope_account_ids

    language = args.sheet_lang or getattr(args, "lang", None) or "id"
    with dbmod.open_database(db_path(args), read_only=True) as database:
        account_ids = scope_account_ids(database, args.accounts)
        with i18n.language_context(language):
            found = signoff.posts_between(database, start, end, statuses, account_ids)
            sheet = signoff.sheet(database, found, today, start, end)
    if not found:
        if statuses or account_ids:
            message = _("No post with these statuses and accounts is planned from {start} to "
                        "{end}: there is no sign-off sheet to make.")  # fmt: skip
        else:
            message = _("Nothing is planned from {start} to {end}: there is no sign-off "
                        "sheet to make.")  # fmt: skip
        raise LinimasaError(message.format(start=start, end=end))
    from gui.app import create_application
    from gui.report.signoff import save_signoff_pdf

    create_application(i18n.current_language())
    layout = save_signoff_pdf(sheet, out)
    say(_("{path}: {pages} pages").format(path=out, pages=layout.page_count))
    return 0
