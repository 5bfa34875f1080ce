"""Key performance indicators the team sets per period (issue 14's KPI table): each names a
measure (posts published, follower growth, engagement rate computed from the data, or a value
entered by hand such as a survey result), its level (output, outcome, impact), a target and
the unit it is counted in. Rates are fractions (0.025 = 2,5%), as in `benchmarks`.
Nothing is inserted.
"""

from sqlite3 import Connection

DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

STATEMENTS = [
    f"""CREATE TABLE kpis (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        period_start TEXT NOT NULL CHECK (period_start GLOB {DATE}),
        period_end TEXT NOT NULL CHECK (period_end GLOB {DATE} AND period_end >= period_start),
        position INTEGER NOT NULL DEFAULT 0,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        level TEXT NOT NULL CHECK (level IN ('output', 'outcome', 'impact')),
        measure TEXT NOT NULL
            CHECK (measure IN ('posts_published', 'follower_growth', 'engagement_rate',
                               'manual')),
        target REAL NOT NULL CHECK (target >= 0),
        unit TEXT NOT NULL DEFAULT '',
        manual_value REAL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX kpis_period ON kpis(period_start, period_end, position)",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
