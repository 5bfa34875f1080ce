"""`chart`: save one of the Pertumbuhan tab's charts as PNG or SVG, for a monthly report's
slides (the same drawing as the tab's Export chart)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from core import series
from core.cli import add_db_option, db_path, parse_date, parse_today, say
from core.errors import UsageError, ValidationError
from core.i18n import _
from gui.cli.screenshots import parse_size


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "chart",
        help=_("save a growth chart as PNG or SVG"),
        description=_(
            "Draw a chart of the Growth tab (followers, growth since the start, change per "
            "month, engagement rate, peer comparison) into a PNG or SVG file."
        ),
    )
    add_db_option(parser)
    parser.add_argument("--out", metavar="FILE", required=True, help=_("a .png or .svg file"))
    parser.add_argument(
        "--kind", choices=series.KIND_NAMES, default="followers", help=_("which chart")
    )
    parser.add_argument(
        "--account",
        action="append",
        metavar="HANDLE",
        help=_(
            "an account to draw: a handle, or platform:handle (repeat for several; "
            "default: all of ours still in use)"
        ),
    )
    parser.add_argument(
        "--platform", help=_("for --kind peers: the platform to compare on (default: the first)")
    )
    parser.add_argument(
        "--range",
        dest="preset",
        choices=[name for name in series.PRESET_NAMES if name != "custom"],
        default=series.DEFAULT_PRESET,
        help=_("the range ending today (default: 12m); --from and --to choose another"),
    )
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=_("first day"))
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day"))
    parser.add_argument("--indexed", action="store_true", help=_("followers as 100 = start"))
    parser.add_argument("--size", default="1280x720", help=_("picture size, e.g. 1280x720"))
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=_("the date taken as today"))
    parser.add_argument("--force", action="store_true", help=_("overwrite --out if it exists"))
    parser.set_defaults(run=run_chart)


def chart_spec(db, args: argparse.Namespace) -> series.ChartSpec:
    """The chart the options ask for, checked against the file."""
    from core import accounts

    today = parse_today(args.today)
    try:
        if args.account:
            ids = tuple(accounts.find(db, name).id for name in args.account)
        else:
            ids = tuple(a.id for a in accounts.list_all(db) if not a.peer)
    except ValidationError as error:
        raise UsageError(f"--account {error.value}: {error.reason}") from None
    # --to alone: the preset's range ending that day (12 months up to --to), not today
    last = parse_date("--to", args.end) or today
    start, end = series.preset_range(args.preset, last, series.first_date(db, ids))
    start = parse_date("--from", args.start) or start
    if end < start:
        raise UsageError(_("--from {start} is after --to {end}").format(start=start, end=end))
    platform = None
    if args.kind == "peers":
        choices = series.peer_platforms(db)
        platform = args.platform or (choices[0] if choices else None)
        if platform not in choices:
            raise UsageError(
                _("--platform: no peer accounts to compare on {platform}").format(
                    platform=platform or "–"
                )
            )
    return series.ChartSpec(args.kind, ids, start, end, args.indexed, platform)


def run_chart(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = parse_size(args.size)
    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".png", ".svg"):
        raise UsageError(_("--out: the file must end in .png or .svg"))
    if out.exists() and not args.force:
        raise UsageError(_("{path} exists; add --force to overwrite it").format(path=out))
    from core import db as dbmod

    with dbmod.open_database(db_path(args), read_only=True) as database:
        spec = chart_spec(database, args)
        from core import i18n
        from gui.app import create_application
        from gui.charts import plot

        create_application(i18n.current_language())  # the language the command speaks
        if out.suffix.lower() == ".svg":
            plot.save_svg(database, spec, size, out)
        else:
            plot.save_image(database, spec, size, out)
    say(_("{title}: {path}").format(title=spec.title(), path=out))
    return 0
