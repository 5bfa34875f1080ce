"""Engagement benchmarks and targets: one benchmark engagement rate per platform (with the
source it was taken from and the method it was computed with), and optional per-account
targets (an engagement rate and a follower count). Rates are fractions (0.0215 = 2,15%).
Nothing is inserted: with no stored row, `core.figures` gives the default benchmark.
"""

from sqlite3 import Connection

STATEMENTS = [
    """CREATE TABLE benchmarks (
        platform TEXT PRIMARY KEY CHECK (length(trim(platform)) > 0),
        rate REAL NOT NULL CHECK (rate >= 0 AND rate <= 1),
        source TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT 'followers'
            CHECK (method IN ('followers', 'reach', 'impressions')),
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE account_targets (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        engagement_rate REAL
            CHECK (engagement_rate IS NULL OR (engagement_rate >= 0 AND engagement_rate <= 1)),
        followers INTEGER CHECK (followers IS NULL OR followers >= 0),
        updated_at TEXT NOT NULL
    )""",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
