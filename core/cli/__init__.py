"""Command-line subcommands that need no Qt. Each module has `register(subparsers)`.

Helpers here are shared by every command module (core's and gui's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from core import opening
from core.errors import UsageError
from core.i18n import _
from core.opening import OpenedFile, OpenPolicy


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """A required --db FILE (main.py moves a `--db` given before the command after it)."""
    parser.add_argument("--db", metavar="FILE", required=True, help=_("database file"))


def db_path(args: argparse.Namespace) -> Path:
    if not getattr(args, "db", None):
        raise UsageError(_("the command needs --db FILE"))
    return Path(args.db).expanduser()


#: The days `--today` accepts: demo history starts in 2019, and a calendar a month past
#: today must still be a real date.
TODAY_RANGE = (dt.date(2020, 1, 1), dt.date(2099, 12, 31))


def parse_date(option: str, text: str | None) -> dt.date | None:
    """A date option (--from, --to): None when not given; a usage error naming the option
    when it is not a real YYYY-MM-DD date (31/02, 2019-02-30)."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            _("{option}: {value} is not a date in the form YYYY-MM-DD").format(
                option=option, value=text
            )
        ) from None


def parse_today(text: str | None) -> dt.date:
    """The --today option: the date demo data treats as today (default: the real today)."""
    if not text:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            _("--today: {value} is not a date in the form YYYY-MM-DD").format(value=text)
        ) from None
    first, last = TODAY_RANGE
    if not first <= day <= last:
        raise UsageError(
            _(
                "--today: {value} is outside the dates Linimasa works with ({first} to {last})"
            ).format(value=text, first=first.isoformat(), last=last.isoformat())
        )
    return day


def open_for_writing(
    args: argparse.Namespace, *, create: bool = False, purpose: str = "cli"
) -> OpenedFile:
    """Open --db to change it, through the same path as the app (check, lock, open, migrate).

    A file someone else has open is refused with the app's words; a missing file is created
    only when `create` is set. Use it as a context manager: if the command fails, a file it
    created is removed again.
    """
    policy = OpenPolicy()
    policy.create_missing = create
    opened = opening.open_for_writing(db_path(args), policy, purpose=purpose)
    assert opened is not None  # this policy raises instead of declining
    return opened


def say(message: str) -> None:
    print(message, file=sys.stdout)


def write_import(db, plan, dry_run: bool, write: Callable) -> tuple[int, object | None]:
    """The end every import command shares: a plan with problems is refused, each on stderr
    (exit 1); else its summary, and with --dry-run nothing is written (exit 0); else the file
    is backed up and `write(db, plan)` runs. Returns (exit code, what write returned or None
    when nothing was written)."""
    from core import backups
    from core.i18n import ngettext

    if not plan.ok:
        for problem in plan.problems:
            print(problem, file=sys.stderr)
        count = len(plan.problems)
        print(
            ngettext(
                "Nothing was imported: {n} problem.", "Nothing was imported: {n} problems.", count
            ).format(n=count),
            file=sys.stderr,
        )
        return 1, None
    say(plan.summary())
    if dry_run:
        say(_("Dry run: nothing was written."))
        return 0, None
    backups.back_up(db, "import")
    return 0, write(db, plan)
