"""One institution, many units (issue 17): `export unit` writes a unit's package for the
bureau (core.unit_package), `merge` merges packages into the bureau's file (core.merge).

Exit codes as every command: 0 done (or, with --dry-run, possible), 1 refused with every
problem or conflict on stderr (nothing merged), 2 a usage mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli import add_db_option, open_for_writing, parse_date, say
from core.cli.export import export_kind
from core.errors import UsageError, ValidationError
from core.i18n import N_, _


def _unit_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unit",
        required=True,
        metavar="NAME",
        help=_("the unit (its name or short name); its sub-units are included"),
    )
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=_("first day"))
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day"))
    parser.add_argument(
        "--template",
        action="store_true",
        help=_(
            "a starting file for the unit instead: the institution's settings, the unit, its "
            "accounts and members, no figures or posts (the unit opens it with --db)"
        ),
    )


@export_kind(
    "unit",
    N_("a unit's package for the bureau (.linimasa): its accounts, figures and posts"),
    _unit_options,
    own_file=True,
)
def export_unit(db, args: argparse.Namespace, target: Path) -> str:
    from core import fmt, unit_package, units

    try:
        unit = units.find(db, args.unit)
    except ValidationError as exc:
        raise UsageError(f"--unit: {exc.reason}") from None
    start, end = parse_date("--from", args.start), parse_date("--to", args.end)
    if not args.template and (start is None or end is None):
        raise UsageError(_("give the period with --from and --to (or --template)"))
    if start and end and start > end:
        raise UsageError(_("--from {start} is after --to {end}").format(start=start, end=end))
    manifest = unit_package.export_unit(
        db,
        unit.id,
        start.isoformat() if start else None,
        end.isoformat() if end else None,
        target,
        template=args.template,
        overwrite=args.force,
    )
    size = target.stat().st_size
    text = _("{unit}: package written to {path} ({size} KB; {rows} rows).").format(
        unit=manifest.unit_name,
        path=target,
        size=fmt.number(max(1, round(size / 1024))),
        rows=fmt.number(sum(manifest.counts.values())),
    )
    left_out = unit_package.unassigned_accounts(db)
    if left_out:
        text += "\n" + _(
            "warning: accounts without a work unit are in no package: {names}; give them "
            "their unit (Akun tab) and send again"
        ).format(names=", ".join(left_out))
    return text


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "merge",
        help=_("merge units' packages (.linimasa) into this file (all or nothing)"),
        description=_(
            "Merge the packages units sent (export unit) into the bureau's file: new accounts, "
            "units, figures and posts are added, newer versions of posts replace older ones, "
            "and values that differ are conflicts: say whose win with --prefer. Merging a "
            "package twice changes nothing. Nothing is deleted: what a unit deletes stays in "
            "this file until it is deleted here too."
        ),
    )
    command.add_argument("files", nargs="+", metavar="FILE", help=_("packages (.linimasa)"))
    add_db_option(command)
    command.add_argument(
        "--prefer",
        choices=["package", "bureau"],
        help=_("whose values win where they differ: the package's or this file's"),
    )
    command.add_argument(
        "--dry-run", action="store_true", help=_("check and show what would change; write nothing")
    )
    command.set_defaults(run=run_merge)

    join = subparsers.add_parser(
        "join-institution",
        help=_("make this file one of an institution's (its packages then merge at the bureau)"),
        description=_(
            "For a unit that kept its own file before it had the bureau's starting file: "
            "this file takes the institution id of the bureau's file, a starting file or a "
            "package, so that its packages merge at the bureau. Nothing else changes."
        ),
    )
    add_db_option(join)
    join.add_argument(
        "--from",
        dest="other",
        required=True,
        metavar="FILE",
        help=_("the bureau's file, a starting file or a package of the institution"),
    )
    join.set_defaults(run=run_join)


def run_join(args: argparse.Namespace) -> int:
    from core import unit_package

    with open_for_writing(args, purpose="join") as opened:
        name = unit_package.join_institution(opened.db, Path(args.other).expanduser())
    say(_("This file now belongs to the institution {name}.").format(name=name))
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from core import backups, merge

    paths = [Path(f).expanduser() for f in args.files]
    with open_for_writing(args, purpose="merge") as opened:
        found = merge.plan(opened.db, paths, args.prefer)
        for manifest in found.manifests:
            say(
                _("{unit} ({period}): {rows} rows").format(
                    unit=manifest.unit_name,
                    period=manifest.period or _("template"),
                    rows=sum(manifest.counts.values()),
                )
            )
        if found.problems or (found.conflicts and args.prefer is None):
            for problem in found.problems:
                print(problem, file=sys.stderr)
            for conflict in found.conflicts[:50]:
                print(
                    _("conflict: {what}: {column} is {bureau} here, {theirs} in {package}").format(
                        what=conflict.what,
                        column=conflict.column,
                        bureau=conflict.bureau,
                        theirs=conflict.theirs,
                        package=conflict.package,
                    ),
                    file=sys.stderr,
                )
            if len(found.conflicts) > 50:
                print(_("… and {n} more").format(n=len(found.conflicts) - 50), file=sys.stderr)
            if found.conflicts and not found.problems:
                print(
                    _("Nothing was merged: say whose values win with --prefer package or bureau."),
                    file=sys.stderr,
                )
            else:
                print(_("Nothing was merged."), file=sys.stderr)
            return 1
        say(found.summary())
        if args.dry_run:
            say(_("Dry run: nothing was written."))
            return 0
        if found.something:
            backups.back_up(opened.db, "merge")
            found = merge.apply(opened.db, paths, args.prefer)
        say(_("Merged."))
    return 0
