"""`check` and `backup`: look after the database file from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from core import db as dbmod
from core.cli import add_db_option, db_path, say
from core.errors import LinimasaError
from core.i18n import _


class CheckFailed(LinimasaError):
    pass


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help=_("check a database file for damage"))
    add_db_option(check)
    check.set_defaults(run=run_check)

    backup = subparsers.add_parser(
        "backup", help=_("copy a database file safely, even while it is open")
    )
    add_db_option(backup)
    backup.add_argument("--out", metavar="FILE", required=True, help=_("where to write the copy"))
    backup.add_argument(
        "--force", action="store_true", help=_("replace the --out file if it exists")
    )
    backup.set_defaults(run=run_backup)


def run_check(args: argparse.Namespace) -> int:
    with dbmod.open_database(db_path(args), read_only=True, migrate=False) as database:
        problems = dbmod.check(database)
        version = database.user_version
    if problems:
        for problem in problems:
            print(problem)
        raise CheckFailed(
            _("{path}: {n} problem(s) found").format(path=database.path, n=len(problems))
        )
    say(_("{path}: OK (data version {version})").format(path=database.path, version=version))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    target = Path(args.out).expanduser().absolute()
    with dbmod.open_database(db_path(args), read_only=True, migrate=False) as database:
        dbmod.backup(database, target, overwrite=args.force)
    say(_("Backup written to {path}").format(path=target))
    return 0
