"""The content calendar's workflow: posts get a master text and time, a pillar (content
category), a campaign, an approver and attachments (paths only: files stay where they are);
variants get hashtags, the published URL, and two more statuses ("changes": sent back with a
comment, and "cancelled"); every status change is kept in `variant_history`. Approval levels
are set per unit; saved hashtag groups and text snippets insert with one click.
"""

from sqlite3 import Connection

from core.migrations import rebuild_table

DATETIME = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*'"

VARIANTS = f"""CREATE TABLE post_variants (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'idea'
        CHECK (status IN ('idea', 'draft', 'review', 'changes', 'approved', 'scheduled',
                          'published', 'cancelled')),
    planned_at TEXT CHECK (planned_at IS NULL OR planned_at GLOB {DATETIME}),
    published_at TEXT CHECK (published_at IS NULL OR published_at GLOB {DATETIME}),
    text TEXT NOT NULL DEFAULT '',
    hashtags TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    external_id TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (post_id, account_id)
)"""

STATEMENTS = [
    """CREATE TABLE pillars (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        position INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
    )""",
    "ALTER TABLE posts ADD COLUMN text TEXT NOT NULL DEFAULT ''",
    f"ALTER TABLE posts ADD COLUMN planned_at TEXT CHECK (planned_at IS NULL OR planned_at GLOB {DATETIME})",
    "ALTER TABLE posts ADD COLUMN pillar_id INTEGER REFERENCES pillars(id) ON DELETE SET NULL",
    "ALTER TABLE posts ADD COLUMN campaign TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE posts ADD COLUMN approver_id INTEGER REFERENCES members(id) ON DELETE SET NULL",
    """CREATE TABLE post_attachments (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        path TEXT NOT NULL CHECK (length(trim(path)) > 0),
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX post_attachments_post ON post_attachments(post_id, position)",
    """CREATE TABLE variant_history (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        variant_id INTEGER NOT NULL REFERENCES post_variants(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        level INTEGER,
        comment TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX variant_history_variant ON variant_history(variant_id, at)",
    "ALTER TABLE units ADD COLUMN approval TEXT NOT NULL DEFAULT 'inherit' "
    "CHECK (approval IN ('inherit', 'none', 'levels'))",
    """CREATE TABLE approval_levels (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        approver_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        UNIQUE (unit_id, position)
    )""",
    """CREATE TABLE snippets (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('hashtags', 'text')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        body TEXT NOT NULL CHECK (length(trim(body)) > 0),
        position INTEGER NOT NULL DEFAULT 0
    )""",
]


def upgrade(conn: Connection) -> None:
    rebuild_table(conn, "post_variants", VARIANTS)
    for statement in STATEMENTS:
        conn.execute(statement)
    # The calendar places a variant on the day it went out, or else the day it is planned.
    conn.execute(
        "CREATE INDEX post_variants_day ON post_variants(COALESCE(published_at, planned_at))"
    )
    # History starts here: each variant's status as it stood, dated by its last change, by
    # nobody known (the history panel shows the earlier steps were not kept).
    conn.execute(
        """INSERT INTO variant_history (uid, variant_id, at, member_id, from_status, to_status,
                                        comment)
           SELECT lower(hex(randomblob(16))), id, updated_at, NULL, NULL, status,
                  ''
           FROM post_variants"""
    )
    # Posts had no time of their own: their earliest variant's.
    conn.execute(
        """UPDATE posts SET planned_at = (
               SELECT min(planned_at) FROM post_variants WHERE post_id = posts.id)"""
    )
