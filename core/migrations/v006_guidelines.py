"""Tone guidelines (issue 13): the institution's checklist items per platform ("all" for every
platform), the ticks reviewers give a variant's items, and the written reason kept in a
variant's history when an approver approves with required items unticked.

An item keeps its stable `uid` (the id in a pack file) through edits, so ticks and packs
shared between units refer to the same item; a retired item stays (with its ticks) but no
longer shows on new checklists. A tick records the text it was given for (`content`, a
fingerprint of text and hashtags): a changed text needs a new tick.
Items are inserted by `core.guidelines.install_default`, not here.
"""

from sqlite3 import Connection

STATEMENTS = [
    """CREATE TABLE guideline_items (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE CHECK (length(trim(uid)) > 0),
        platform TEXT NOT NULL
            CHECK (platform IN ('all', 'facebook', 'instagram', 'x', 'youtube', 'tiktok')),
        category TEXT NOT NULL
            CHECK (category IN ('persona', 'content', 'visual', 'engagement', 'legal')),
        position INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        explanation TEXT NOT NULL DEFAULT '',
        required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
        auto_check TEXT CHECK (auto_check IN ('avoid_words', 'length', 'hashtags', 'image')),
        retired_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX guideline_items_platform ON guideline_items(platform, position)",
    """CREATE TABLE guideline_ticks (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        variant_id INTEGER NOT NULL REFERENCES post_variants(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES guideline_items(id) ON DELETE CASCADE,
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        at TEXT NOT NULL,
        content TEXT NOT NULL,
        UNIQUE (variant_id, item_id)
    )""",
    "CREATE INDEX guideline_ticks_item ON guideline_ticks(item_id)",
    "ALTER TABLE variant_history ADD COLUMN override_reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE variant_history ADD COLUMN overridden TEXT NOT NULL DEFAULT ''",
]


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
