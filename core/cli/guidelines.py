"""`guidelines export|import|compliance`: the tone checklist from the command line.

`export` writes the institution's pack (items, order, persona) as a JSON file that another
unit imports; `import` brings one in all or nothing (items with a known id are updated, so
importing what was exported changes nothing), never prompts, and exits 1 listing every
problem of a file it refuses. `compliance` prints how the posts published in a period went
through the checklist, with each override and its reason.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from core import db as dbmod
from core import fmt
from core.cli import add_db_option, db_path, open_for_writing, parse_date, say
from core.errors import UsageError
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "guidelines", help=_("export, import or report on the tone checklist (see --help)")
    )
    actions = command.add_subparsers(dest="action", metavar=_("ACTION"), required=True)

    export = actions.add_parser("export", help=_("write the guideline pack to a JSON file"))
    add_db_option(export)
    export.add_argument("--out", metavar="FILE", required=True, help=_("the .json file to write"))
    export.add_argument(
        "--force", action="store_true", help=_("replace the --out file if it exists")
    )
    export.set_defaults(run=run_export)

    bring = actions.add_parser(
        "import", help=_("import a guideline pack from a JSON file (all or nothing)")
    )
    bring.add_argument("file", metavar="FILE", help=_("a pack file written by guidelines export"))
    add_db_option(bring)
    bring.add_argument(
        "--dry-run", action="store_true", help=_("check and show what would change; write nothing")
    )
    bring.set_defaults(run=run_import)

    report = actions.add_parser(
        "compliance", help=_("how the posts published in a period went through the checklist")
    )
    add_db_option(report)
    report.add_argument("--from", dest="start", metavar="DATE", help=_("first day (YYYY-MM-DD)"))
    report.add_argument("--to", dest="end", metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    report.set_defaults(run=run_compliance)


def run_export(args: argparse.Namespace) -> int:
    from core import packs

    target = Path(args.out).expanduser().absolute()
    if target.exists() and not args.force:
        raise UsageError(_("{path} exists already; add --force to replace it").format(path=target))
    with dbmod.open_database(db_path(args), read_only=True) as database:
        count = packs.write_pack(database, target)
    say(_("{n} checklist item(s) written to {path}").format(n=count, path=target))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from core import packs

    try:
        pack = packs.read_pack(Path(args.file).expanduser())
    except packs.PackError as error:
        print(error, file=sys.stderr)
        return 1
    with open_for_writing(args, purpose="import") as opened:
        if args.dry_run:
            result = packs.preview_import(opened.db, pack)
        else:
            result = packs.import_pack(opened.db, pack)
    message = _("{added} item(s) added, {updated} updated, {unchanged} unchanged").format(
        added=result.added, updated=result.updated, unchanged=result.unchanged
    )
    if result.reordered:
        message += "; " + _("order changed")
    if result.persona_changed:
        message += "; " + _("persona updated")
    if args.dry_run:
        message = _("Dry run, nothing written: {summary}").format(summary=message)
    say(message)
    return 0


def run_compliance(args: argparse.Namespace) -> int:
    from core import guidelines, periods

    start = parse_date("--from", args.start)
    end = parse_date("--to", args.end)
    if start is None or end is None:
        first, last = periods.default("month", dt.date.today())
        start, end = start or first, end or last
    if end < start:
        raise UsageError(_("--to lies before --from"))
    with dbmod.open_database(db_path(args), read_only=True) as database:
        result = guidelines.compliance(database, start, end)
    say(_("Published {start} – {end}").format(start=fmt.date_short(start), end=fmt.date_short(end)))
    headers = (_("Account"), _("Published"), _("Passed"), _("Overridden"), _("Not checked"))
    rows = [
        (r.label, r.published, r.passed, r.overridden, r.unchecked)
        for r in [*result.accounts, result.total]
    ]
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        say(
            "  ".join(
                str(value).ljust(widths[i]) if i == 0 else str(value).rjust(widths[i])
                for i, value in enumerate(row)
            )
        )
    for override in result.overrides:
        say("")
        say(
            _("Overridden by {approver}: {title} ({account}, {day})").format(
                approver=override.approver,
                title=override.post_title,
                account=override.account,
                day=fmt.date_short(override.published_on),
            )
        )
        say("  " + _("Reason: {reason}").format(reason=override.reason))
        for item in override.items:
            say("  ☐ " + item)
    return 0
