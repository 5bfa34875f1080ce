"""Numbered schema migrations, tracked by `PRAGMA user_version`.

Each capability adds its own module here named `vNNN_what.py`, with a function
`upgrade(conn)` that moves the schema from version NNN-1 to NNN. The numbers form one
ordered list with no gaps (a test checks it); a module never changes once released.

The runner (`core.db.upgrade`) backs the file up, turns foreign keys off, runs every
pending migration in one transaction, and refuses to commit if `PRAGMA foreign_key_check`
finds a dangling reference afterwards. A change SQLite's ALTER TABLE cannot make (a new
CHECK, a changed column) is done with `rebuild_table`, which follows SQLite's documented
procedure and keeps every row of the table and of the tables that refer to it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from sqlite3 import Connection

from core.errors import LinimasaError
from core.i18n import _

_NAME = re.compile(r"^v(\d{3})_\w+$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[Connection], None]


def all_migrations() -> list[Migration]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(int(match.group(1)), info.name, module.upgrade))
    found.sort(key=lambda m: m.version)
    return found


def latest_version() -> int:
    """The highest version, read from module names only (cheap: nothing is imported)."""
    versions = [
        int(m.group(1)) for info in pkgutil.iter_modules(__path__) if (m := _NAME.match(info.name))
    ]
    return max(versions, default=0)


class MigrationFailed(LinimasaError):
    def __init__(self, migration: Migration, broken: list):
        self.migration = migration
        self.broken = broken
        tables = sorted({row[0] for row in broken})
        # Raised inside the upgrade's transaction: the file is left as it was.
        super().__init__(
            _(
                "Upgrading the file stopped at step {step}: {n} row(s) in {tables} would refer "
                "to rows that no longer exist. Nothing was changed."
            ).format(step=migration.name, n=len(broken), tables=", ".join(tables))
        )


def rebuild_table(
    conn: Connection, table: str, create_sql: str, columns: dict[str, str] | None = None
) -> None:
    """Replace `table` by one made with `create_sql`, keeping its rows, indexes and triggers.

    `create_sql` is the new `CREATE TABLE <table> (...)` statement. `columns` maps each new
    column to an SQL expression over the old row (default: the columns both tables share,
    copied as they are). Runs inside the migration's transaction with foreign keys off, as
    the runner sets up; rows of other tables that refer to this one keep their references.
    """
    old_columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    if not old_columns:
        raise ValueError(f"no table {table!r} to rebuild")
    # Indexes and triggers are dropped with the table: remember them (not the automatic ones).
    extras = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL",
            (table,),
        )
    ]
    temporary = f"{table}__rebuild"
    pattern = re.compile(rf'^\s*CREATE\s+TABLE\s+"?{re.escape(table)}"?', re.IGNORECASE)
    if not pattern.match(create_sql):
        raise ValueError(f"create_sql must start with CREATE TABLE {table}")
    conn.execute(pattern.sub(f'CREATE TABLE "{temporary}"', create_sql, count=1))
    new_columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{temporary}")')]
    if columns is None:
        columns = {name: f'"{name}"' for name in new_columns if name in old_columns}
    names = ", ".join(f'"{name}"' for name in columns)
    values = ", ".join(columns.values())
    conn.execute(f'INSERT INTO "{temporary}" ({names}) SELECT {values} FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')
    for sql in extras:
        conn.execute(sql)
