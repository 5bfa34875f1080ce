"""Migrations that rebuild a table keep every row, of that table and of the tables that refer
to it; a file written by the first release upgrades with all its rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core import db as coredb
from core import migrations
from core.db import open_database
from core.migrations import MigrationFailed, rebuild_table

V1_FILE = Path(__file__).resolve().parent.parent / "data" / "v001-demo.sqlite"
TABLES = (
    "units",
    "members",
    "accounts",
    "posts",
    "post_variants",
    "account_snapshots",
    "post_metrics",
    "settings",
)

# The calendar's coming change: new statuses need a new CHECK, which means a rebuild.
NEW_VARIANTS = """CREATE TABLE post_variants (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'idea'
        CHECK (status IN ('idea', 'draft', 'review', 'changes', 'approved', 'scheduled',
                          'published', 'cancelled')),
    planned_at TEXT,
    published_at TEXT,
    text TEXT NOT NULL DEFAULT '',
    external_id TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (post_id, account_id)
)"""


def rebuild_variants(conn):
    rebuild_table(conn, "post_variants", NEW_VARIANTS)


def with_migration(monkeypatch, upgrade):
    real = [m for m in migrations.all_migrations() if m.version == 1]
    fake = migrations.Migration(2, "v002_test", upgrade)
    monkeypatch.setattr(migrations, "all_migrations", lambda: [*real, fake])
    monkeypatch.setattr(migrations, "latest_version", lambda: 2)


def dump(path: Path) -> dict[str, list[tuple]]:
    with open_database(path, read_only=True, migrate=False) as database:
        return {
            table: [tuple(row) for row in database.query(f"SELECT * FROM {table} ORDER BY id")]
            if table != "settings"
            else [tuple(row) for row in database.query("SELECT * FROM settings ORDER BY key")]
            for table in TABLES
        }


@pytest.fixture
def v1_copy(tmp_path):
    path = tmp_path / "team.sqlite"
    shutil.copy(V1_FILE, path)
    return path


def test_the_committed_file_is_a_first_release_file_with_data(v1_copy):
    before = dump(v1_copy)
    with open_database(v1_copy, read_only=True, migrate=False) as database:
        assert database.user_version == 1
    assert len(before["post_metrics"]) > 100
    assert len(before["account_snapshots"]) > 100


def test_rebuilding_a_parent_table_keeps_every_child_row(v1_copy, monkeypatch):
    before = dump(v1_copy)
    with_migration(monkeypatch, rebuild_variants)
    with open_database(v1_copy) as database:
        assert database.user_version == 2
        assert database.backup_path is not None
        # The new CHECK is in force and foreign keys are on again after the upgrade.
        assert database.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        variant = database.query("SELECT id FROM post_variants LIMIT 1")[0][0]
        database.conn.execute(
            "UPDATE post_variants SET status = 'cancelled' WHERE id = ?", (variant,)
        )
        indexes = {
            row[0]
            for row in database.query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'post_variants'"
            )
        }
        assert {"post_variants_planned", "post_variants_account"} <= indexes
        assert coredb.check(database) == []
    after = dump(v1_copy)
    assert after["post_metrics"] == before["post_metrics"]
    for table in TABLES:
        assert len(after[table]) == len(before[table]), table


def test_a_migration_that_leaves_dangling_references_changes_nothing(v1_copy, monkeypatch):
    before = dump(v1_copy)

    def drop_accounts_rows(conn):
        conn.execute("DELETE FROM accounts")  # children refer to them: must be refused

    with_migration(monkeypatch, drop_accounts_rows)
    for _attempt in range(3):
        with pytest.raises(MigrationFailed) as info:
            open_database(v1_copy)
    assert "v002_test" in str(info.value)
    assert dump(v1_copy) == before
    # Each failed attempt leaves the file as it was, and no pile of copies beside it.
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == ["team.sqlite"]


def test_dangling_rows_the_file_already_had_do_not_block_an_upgrade(v1_copy, monkeypatch):
    import sqlite3

    with sqlite3.connect(v1_copy) as conn:  # another tool, foreign keys off
        conn.execute("DELETE FROM posts WHERE id = (SELECT post_id FROM post_variants LIMIT 1)")
    conn.close()
    with_migration(monkeypatch, rebuild_variants)
    with open_database(v1_copy) as database:
        assert database.user_version == 2
        assert coredb.check(database)  # still reported by check, for the user to see


@pytest.mark.skipif(
    migrations.latest_version() == 1, reason="no migration after v001 yet: nothing to upgrade"
)
def test_the_first_release_file_upgrades_to_today_with_every_row(v1_copy):
    before = dump(v1_copy)
    with open_database(v1_copy) as database:
        assert database.user_version == migrations.latest_version()
        assert coredb.check(database) == []
        for table in TABLES:
            rows = [tuple(row) for row in database.query(f"SELECT * FROM {table}")]
            if table == "settings":  # kept, and the checklist's defaults added
                assert set(before[table]) <= set(rows)
            else:
                assert len(rows) == len(before[table]), table


def test_rebuild_refuses_a_statement_for_another_table(db):
    with pytest.raises(ValueError):
        rebuild_table(db.conn, "post_variants", "CREATE TABLE other (id INTEGER)")
