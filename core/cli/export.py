"""`export KIND`: one command whose kinds come from many capability modules.

A capability adds a kind from its own command module (in `core/cli/` or `gui/cli/`), at
import time:

    @export_kind("accounts", N_("every account with its unit and latest followers"))
    def export_accounts(db: Database, args: argparse.Namespace) -> Table: ...

`main.build_parser` imports every command module before it registers any command, so the
order of the modules does not matter. The file is opened read-only; `--out` is written
as CSV or XLSX by its extension, all or nothing (core.tabular). Column names are stable
identifiers (`platform, handle, date, followers…`), the same in every interface language,
so that scripts and a later import can rely on them.

A kind registered with `folder=True` (`export all`) writes a folder of files instead:
its function is `(db, args, target: Path) -> int` (the number of files it wrote), and
it makes the folder all or nothing itself.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core import db as dbmod
from core.cli import add_db_option, db_path, say
from core.i18n import _, ngettext
from core.tabular import FORMATS, Table, format_of, write_table


@dataclass(frozen=True)
class Kind:
    name: str
    #: Marked with N_(), translated when the parser is built.
    help: str
    run: Callable
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
    #: `--out` is a folder the kind fills itself, not one table's file.
    folder: bool = False
    #: `--out` is a file the kind writes itself (not a table): `function(db, args, target)`
    #: returns the sentence that says what it wrote.
    own_file: bool = False


EXPORTS: dict[str, Kind] = {}


def export_kind(
    name: str,
    help_text: str,
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
    *,
    folder: bool = False,
    own_file: bool = False,
):
    """Register `function(db, args) -> Table` as `export NAME` (with `folder`:
    `function(db, args, target) -> number of files`; with `own_file`:
    `function(db, args, target) -> what was written, as a sentence`)."""

    def decorate(function: Callable) -> Callable:
        if name in EXPORTS and EXPORTS[name].run is not function:
            raise ValueError(f"export kind {name!r} is registered twice")
        EXPORTS[name] = Kind(name, help_text, function, add_arguments, folder, own_file)
        return function

    return decorate


def register(subparsers: argparse._SubParsersAction) -> None:
    if EXPORTS:
        command = subparsers.add_parser(
            "export", help=_("write data to a CSV or Excel file (see export --help)")
        )
        kinds = command.add_subparsers(dest="kind", metavar=_("KIND"), required=True)
        for kind in sorted(EXPORTS.values(), key=lambda k: k.name):
            parser = kinds.add_parser(kind.name, help=_(kind.help))
            add_db_option(parser)
            if kind.folder:
                parser.add_argument(
                    "--out",
                    metavar="DIR",
                    required=True,
                    help=_("folder to write; it must not exist yet or be empty"),
                )
                parser.add_argument(
                    "--force",
                    action="store_true",
                    help=_("replace the --out folder if it holds an earlier export"),
                )
            elif kind.own_file:
                parser.add_argument("--out", metavar="FILE", required=True, help=_("file to write"))
                parser.add_argument(
                    "--force", action="store_true", help=_("replace the --out file if it exists")
                )
            else:
                parser.add_argument(
                    "--out",
                    metavar="FILE",
                    required=True,
                    help=_("file to write; its extension decides the format: {formats}").format(
                        formats=", ".join(FORMATS)
                    ),
                )
                parser.add_argument(
                    "--force", action="store_true", help=_("replace the --out file if it exists")
                )
            if kind.add_arguments:
                kind.add_arguments(parser)
            parser.set_defaults(run=run_export, export=kind)


def run_export(args: argparse.Namespace) -> int:
    target = Path(args.out).expanduser().absolute()
    if args.export.folder:
        with dbmod.open_database(db_path(args), read_only=True) as database:
            files = args.export.run(database, args, target)
        say(
            ngettext(
                "{n} file written to the folder {path}",
                "{n} files written to the folder {path}",
                files,
            ).format(n=files, path=target)
        )
        return 0
    if args.export.own_file:
        with dbmod.open_database(db_path(args), read_only=True) as database:
            say(args.export.run(database, args, target))
        return 0
    format_of(target)  # a wrong extension is a usage error before any work
    with dbmod.open_database(db_path(args), read_only=True) as database:
        table: Table = args.export.run(database, args)
        count = write_table(table, target, overwrite=args.force)
    say(
        ngettext("{n} row written to {path}", "{n} rows written to {path}", count).format(
            n=count, path=target
        )
    )
    return 0
