"""Merged rows' other names (issue 17): when a unit's row is matched at the bureau by its
natural key (the same account handle, the same unit or member name) rather than its uid, the
bureau remembers the unit's uid for its own row, so that a later rename at the unit (a new
handle, a corrected name) still finds it instead of adding a second one.
"""

from sqlite3 import Connection

STATEMENTS = [
    """CREATE TABLE merge_aliases (
        table_name TEXT NOT NULL,
        uid TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        PRIMARY KEY (table_name, uid)
    )""",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
