"""Command-line subcommands that need no Qt. Each module has `register(subparsers)`.

Helpers here are shared by every command module (core's and gui's).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.i18n import _


def add_db_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    # SUPPRESS keeps a `--db` given before the subcommand from being reset to None.
    parser.add_argument(
        "--db",
        metavar="FILE",
        required=required,
        default=argparse.SUPPRESS,
        help=_("database file"),
    )


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser()


def say(message: str) -> None:
    print(message, file=sys.stdout)
