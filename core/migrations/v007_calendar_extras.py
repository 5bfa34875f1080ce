"""Calendar extras (issue 9): the commemorative days the team posts about (month and day,
every year; seeded with the usual ones by `core.calendar_days.install_default`), recurring
series of posts (each occurrence is an ordinary post that remembers its series and the date
the series gave it), and each account's target of posts per week.
"""

from sqlite3 import Connection

DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

STATEMENTS = [
    """CREATE TABLE observances (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (month, day, name)
    )""",
    f"""CREATE TABLE post_series (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
        interval INTEGER NOT NULL DEFAULT 1 CHECK (interval BETWEEN 1 AND 12),
        starts_on TEXT NOT NULL CHECK (starts_on GLOB {DATE}),
        ends_on TEXT CHECK (ends_on IS NULL OR (ends_on GLOB {DATE} AND ends_on >= starts_on)),
        count INTEGER CHECK (count IS NULL OR count >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_on IS NOT NULL OR count IS NOT NULL)
    )""",
    "ALTER TABLE posts ADD COLUMN series_id INTEGER REFERENCES post_series(id) ON DELETE SET NULL",
    f"ALTER TABLE posts ADD COLUMN series_date TEXT CHECK (series_date IS NULL OR "
    f"series_date GLOB {DATE})",
    "CREATE INDEX posts_series ON posts(series_id, series_date)",
    "ALTER TABLE accounts ADD COLUMN posts_per_week INTEGER "
    "CHECK (posts_per_week IS NULL OR posts_per_week BETWEEN 0 AND 100)",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
