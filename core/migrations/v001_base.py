"""Base schema: work units, team members, accounts, posts and their per-platform
variants, follower snapshots, post metrics and settings.

Dates are ISO-8601 text (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] in local time), counts
are integers. Every row a user creates has a stable text `uid` (a UUID) so that files
from different units can be merged later.
"""

from sqlite3 import Connection

DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
DATETIME = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*'"


def _count(column: str) -> str:
    return f"{column} INTEGER CHECK ({column} IS NULL OR ({column} >= 0 AND typeof({column}) = 'integer'))"


STATEMENTS = [
    """CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        short_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'expert')),
        unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
    )""",
    f"""CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        platform TEXT NOT NULL
            CHECK (platform IN ('facebook', 'instagram', 'x', 'youtube', 'tiktok', 'other')),
        handle TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(handle)) > 0),
        display_name TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
        responsible_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        url TEXT NOT NULL DEFAULT '',
        start_date TEXT CHECK (start_date IS NULL OR start_date GLOB {DATE}),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        UNIQUE (platform, handle)
    )""",
    """CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        notes TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
        owner_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    f"""CREATE TABLE post_variants (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        status TEXT NOT NULL DEFAULT 'idea'
            CHECK (status IN ('idea', 'draft', 'review', 'approved', 'scheduled', 'published')),
        planned_at TEXT CHECK (planned_at IS NULL OR planned_at GLOB {DATETIME}),
        published_at TEXT CHECK (published_at IS NULL OR published_at GLOB {DATETIME}),
        text TEXT NOT NULL DEFAULT '',
        external_id TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (post_id, account_id)
    )""",
    "CREATE INDEX post_variants_planned ON post_variants(planned_at)",
    "CREATE INDEX post_variants_account ON post_variants(account_id)",
    f"""CREATE TABLE account_snapshots (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date GLOB {DATE}),
        followers INTEGER NOT NULL CHECK (followers >= 0 AND typeof(followers) = 'integer'),
        {_count("reach")},
        {_count("impressions")},
        {_count("engagements")},
        {_count("posts_published")},
        source TEXT NOT NULL DEFAULT 'manual',
        UNIQUE (account_id, date)
    )""",
    f"""CREATE TABLE post_metrics (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        variant_id INTEGER REFERENCES post_variants(id) ON DELETE CASCADE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        external_post_id TEXT,
        date TEXT NOT NULL CHECK (date GLOB {DATE}),
        {_count("reach")},
        {_count("impressions")},
        {_count("reactions")},
        {_count("comments")},
        {_count("shares")},
        {_count("saves")},
        {_count("video_views")},
        source TEXT NOT NULL DEFAULT 'manual',
        CHECK (variant_id IS NOT NULL OR external_post_id IS NOT NULL)
    )""",
    "CREATE UNIQUE INDEX post_metrics_variant_date ON post_metrics(variant_id, date) WHERE variant_id IS NOT NULL",
    """CREATE UNIQUE INDEX post_metrics_external_date ON post_metrics(account_id, external_post_id, date)
        WHERE external_post_id IS NOT NULL""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
