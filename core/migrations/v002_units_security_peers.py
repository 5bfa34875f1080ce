"""Work units in a hierarchy, members' contact, peer accounts, and each account's security
checklist (statuses only: there is no column that could hold a password, secret or token;
`password_changed_on` is a date).
"""

from sqlite3 import Connection

DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"


def _flag(column: str) -> str:
    return f"{column} INTEGER NOT NULL DEFAULT 0 CHECK ({column} IN (0, 1))"


STATEMENTS = [
    "ALTER TABLE units ADD COLUMN parent_id INTEGER REFERENCES units(id) ON DELETE RESTRICT",
    "CREATE INDEX units_parent ON units(parent_id)",
    "ALTER TABLE members ADD COLUMN email TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE members ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
    f"ALTER TABLE accounts ADD COLUMN {_flag('peer')}",
    f"""CREATE TABLE account_security (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        uid TEXT NOT NULL UNIQUE,
        {_flag("two_factor")},
        two_factor_method TEXT NOT NULL DEFAULT ''
            CHECK (two_factor_method IN ('', 'app', 'sms', 'key')),
        {_flag("verified")},
        login_owned INTEGER CHECK (login_owned IS NULL OR login_owned IN (0, 1)),
        {_flag("two_admins")},
        {_flag("recovery_offline")},
        recovery_where TEXT NOT NULL DEFAULT '',
        password_changed_on TEXT
            CHECK (password_changed_on IS NULL OR password_changed_on GLOB {DATE}),
        reviewed_on TEXT CHECK (reviewed_on IS NULL OR reviewed_on GLOB {DATE}),
        updated_at TEXT NOT NULL
    )""",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
