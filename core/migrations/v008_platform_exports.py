"""Platform export files (issue 11): a home for every figure those files carry, nothing invented.

- `account_snapshots.followers` may be empty: a daily reach or video-views file (Meta's page
  files, TikTok's overview, X's account overview, YouTube's chart data) gives that day's figure
  without the follower count, and inventing one would distort every growth figure. Two daily
  figures join the snapshot: `new_followers` (follows gained that day, Meta's "Follows", X's
  "New follows") and `video_views`.
- `post_metrics` gains what a per-post export row says about the post itself: its `url`
  (permalink), `published_at` (institution's local time, with its offset), `engagements` (the
  platform's own total), and its `caption` (the text or video title as the platform gave it,
  shown for posts published outside the plan).
"""

from sqlite3 import Connection

from core.migrations import rebuild_table

DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
DATETIME = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*'"


def _count(column: str) -> str:
    return (
        f"{column} INTEGER CHECK ({column} IS NULL OR "
        f"({column} >= 0 AND typeof({column}) = 'integer'))"
    )


SNAPSHOTS = f"""CREATE TABLE account_snapshots (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date GLOB {DATE}),
        {_count("followers")},
        {_count("reach")},
        {_count("impressions")},
        {_count("engagements")},
        {_count("posts_published")},
        source TEXT NOT NULL DEFAULT 'manual',
        {_count("new_followers")},
        {_count("video_views")},
        UNIQUE (account_id, date)
    )"""

STATEMENTS = [
    "ALTER TABLE post_metrics ADD COLUMN url TEXT",
    f"ALTER TABLE post_metrics ADD COLUMN published_at TEXT "
    f"CHECK (published_at IS NULL OR published_at GLOB {DATETIME})",
    f"ALTER TABLE post_metrics ADD COLUMN {_count('engagements')}",
    "ALTER TABLE post_metrics ADD COLUMN caption TEXT",
    "CREATE INDEX post_metrics_account_date ON post_metrics(account_id, date)",
]


def upgrade(conn: Connection) -> None:
    rebuild_table(conn, "account_snapshots", SNAPSHOTS)
    for statement in STATEMENTS:
        conn.execute(statement)
