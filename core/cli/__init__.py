"""Command-line subcommands that need no Qt. Each module has `register(subparsers)`.

Helpers here are shared by every command module (core's and gui's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from core.errors import UsageError
from core.i18n import _


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a `--db` given before the subcommand (`main.py --db F check`) from
    # being reset; whether one was given at all is checked by db_path().
    parser.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help=_("database file"))


def db_path(args: argparse.Namespace) -> Path:
    if not getattr(args, "db", None):
        raise UsageError(_("the command needs --db FILE"))
    return Path(args.db).expanduser()


def parse_today(text: str | None) -> dt.date:
    """The --today option: the date demo data treats as today (default: the real today)."""
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            _("--today: {value} is not a date in the form YYYY-MM-DD").format(value=text)
        ) from None


def say(message: str) -> None:
    print(message, file=sys.stdout)
