"""`demo`: fill a new file with the demo agency's data."""

from __future__ import annotations

import argparse

from core.cli import add_db_option, open_for_writing, parse_today, say
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help=_("create a database file full of demo data"))
    add_db_option(parser)
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help=_("the date the demo treats as today")
    )
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from core import demo

    today = parse_today(args.today)
    with open_for_writing(args, create=True, purpose="demo") as opened:
        database = opened.db
        summary = demo.populate(database, today=today)
    say(
        _(
            "Demo data written to {path}: {accounts} accounts, {posts} posts, {snapshots} follower snapshots"
        ).format(
            path=database.path,
            accounts=summary.accounts,
            posts=summary.posts,
            snapshots=summary.snapshots,
        )
    )
    return 0
