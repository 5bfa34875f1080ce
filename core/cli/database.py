"""`check`, `backup` and `restore`: look after the database file from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from core import backups
from core import db as dbmod
from core.cli import add_db_option, db_path, open_for_writing, say
from core.errors import CorruptDatabase, LinimasaError, UsageError
from core.i18n import _


class CheckFailed(LinimasaError):
    pass


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help=_("check a database file for damage"))
    add_db_option(check)
    check.set_defaults(run=run_check)

    backup = subparsers.add_parser(
        "backup",
        help=_("copy a database file safely, even while it is open"),
        description=_(
            "Without --out the copy goes into the file's rotating backups folder "
            "(backups/NAME beside it), which keeps the last 7 days, 4 weeks and 12 months."
        ),
    )
    add_db_option(backup)
    backup.add_argument(
        "--out",
        metavar="FILE",
        help=_("where to write the copy (default: the file's rotating backups folder)"),
    )
    backup.add_argument(
        "--force", action="store_true", help=_("replace the --out file if it exists")
    )
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help=_("replace a database file with one of its backups (the file is backed up first)"),
    )
    add_db_option(restore)
    restore.add_argument(
        "--from", dest="source", metavar="BACKUP", required=True, help=_("the backup to restore")
    )
    restore.set_defaults(run=run_restore)


def _open_read_only(path: Path) -> dbmod.Database:
    try:
        return dbmod.open_database(path, read_only=True, migrate=False)
    except CorruptDatabase as damaged:
        raise backups.with_advice(damaged) from damaged


def run_check(args: argparse.Namespace) -> int:
    with _open_read_only(db_path(args)) as database:
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
    if args.out is None:
        if args.force:
            raise UsageError(_("--force goes with --out"))
        with _open_read_only(db_path(args)) as database:
            target = backups.back_up(database, "manual")
    else:
        target = Path(args.out).expanduser().absolute()
        with _open_read_only(db_path(args)) as database:
            dbmod.backup(database, target, overwrite=args.force)
    say(_("Backup written to {path}").format(path=target))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    path = db_path(args).absolute()
    source = backups.check_restorable(args.source)  # refused before anything is touched
    if not path.exists():
        backups.restore_in_place(path, source)
        say(_("{path} restored from {backup}.").format(path=path, backup=source))
        return 0
    try:
        opened = open_for_writing(args, purpose="restore")
    except CorruptDatabase:
        kept = backups.restore_in_place(path, source)
        say(
            _("{path} restored from {backup}; the damaged file is kept as {kept}.").format(
                path=path, backup=source, kept=kept
            )
        )
        return 0
    with opened:
        safety = backups.restore(opened.db, source)
    say(
        _("{path} restored from {backup}; the file as it was is backed up in {safety}.").format(
            path=path, backup=source, safety=safety
        )
    )
    return 0
