"""Automatic backups: where they go, which ones rotation keeps, restoring one."""

from __future__ import annotations

import datetime as dt

import pytest

from core import accounts, backups
from core.db import open_database
from core.errors import CorruptDatabase
from core.lock import DatabaseLock, LockHeld, read_lock
from core.opening import OpenPolicy, open_for_writing

NOON = dt.datetime(2026, 11, 28, 12, 0)


def _add_account(db, handle):
    with db.transaction():
        return accounts.create(db, "instagram", handle, handle)


def _handles(path):
    with open_database(path, read_only=True, migrate=False) as db:
        return sorted(row[0] for row in db.query("SELECT handle FROM accounts"))


def _damage(path):
    """Overwrite a page in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))


def test_backups_go_into_a_folder_beside_the_file_named_after_it(db):
    target = backups.back_up(db, "manual", now=NOON)
    assert target.parent.parent == db.path.parent / "backups"
    assert target.parent.name.startswith("test.sqlite-")
    assert target.name == "2026-11-28_120000-manual.sqlite"
    assert backups.inspect(target).good
    assert [b.path for b in backups.list_backups(db.path)] == [target]


def test_files_of_the_same_name_keep_their_backups_apart(db, tmp_path):
    from core.db import open_database

    twin = tmp_path / "test.db"
    with open_database(twin, create=True) as other:
        backups.back_up(other, "manual", now=NOON)
    mine = backups.back_up(db, "manual", now=NOON)
    assert backups.folder_for(twin) != backups.folder_for(db.path)
    assert [b.path for b in backups.rotating(db.path)] == [mine]


def test_a_restore_keeps_the_backup_chosen_even_when_rotation_would_drop_it(db):
    from core import accounts

    monday_10 = dt.datetime(2026, 11, 23, 10, 0)
    chosen = backups.back_up(db, "import", now=monday_10)
    accounts.create(db, "instagram", "setelah_impor")
    backups.back_up(db, "import", now=monday_10 + dt.timedelta(hours=1))
    backups.back_up_daily(db, now=dt.datetime(2026, 11, 24, 8, 0))
    backups.restore(db, chosen, now=dt.datetime(2026, 11, 24, 12, 0))
    from core.db import open_database

    with open_database(db.path) as again:
        assert [a.handle for a in accounts.list_all(again)] == []


def test_what_an_interrupted_backup_left_is_cleared_by_the_next_rotation(db):
    import os

    folder = backups.folder_for(db.path)
    backups.back_up(db, "manual", now=NOON)
    left = folder / "2026-11-28_110000-manual.sqlite.partial"
    left.write_bytes(b"x" * 100)
    fresh = folder / "2026-11-28_115959-manual.sqlite.partial"
    fresh.write_bytes(b"y")
    hour_ago = (NOON - dt.timedelta(hours=2)).timestamp()
    os.utime(left, (hour_ago, hour_ago))
    os.utime(fresh, (NOON.timestamp(), NOON.timestamp()))
    backups.rotate(db.path, NOON)
    assert not left.exists() and fresh.exists()  # one still being written is left alone


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(db):
    first = backups.back_up(db, "manual", now=NOON)
    second = backups.back_up(db, "import", now=NOON)
    assert first != second and first.exists() and second.exists()


def test_rotation_keeps_7_days_4_weeks_and_12_months_across_simulated_days(db):
    start = dt.datetime(2025, 1, 1, 9, 0)
    for day in range(400):  # opened every morning until Wednesday 4 February 2026
        backups.back_up_daily(db, now=start + dt.timedelta(days=day))
    kept = [b.taken.date().isoformat() for b in backups.rotating(db.path)]
    months = ["2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31"]
    months += ["2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31"]
    weeks = ["2026-01-18", "2026-01-25"]  # Sundays; 1 February is one of the 7 days too
    days = [f"2026-01-{day}" for day in (29, 30, 31)] + [f"2026-02-0{day}" for day in (1, 2, 3, 4)]
    assert sorted(kept) == months + weeks + days


def test_a_second_opening_on_the_same_day_takes_no_backup(db):
    assert backups.back_up_daily(db, now=NOON) is not None
    assert backups.back_up_daily(db, now=NOON + dt.timedelta(hours=5)) is None
    assert backups.back_up_daily(db, now=NOON + dt.timedelta(days=1)) is not None


def test_backups_of_the_last_day_are_all_kept(db):
    for hour in (9, 10, 11):
        backups.back_up(db, "import", now=NOON.replace(hour=hour))
    assert len(backups.rotating(db.path)) == 3
    backups.rotate(db.path, now=NOON + dt.timedelta(days=2))
    assert [b.taken.hour for b in backups.rotating(db.path)] == [11]


def test_keep_json_changes_the_rules_and_other_files_are_never_removed(db):
    folder = backups.folder_for(db.path)
    folder.mkdir(parents=True)
    (folder / "keep.json").write_text('{"daily": 2, "weekly": 0, "monthly": 0}')
    (folder / "notes.txt").write_text("mine")
    for day in range(5):
        backups.back_up_daily(db, now=NOON + dt.timedelta(days=day))
    assert len(backups.rotating(db.path)) == 2
    assert (folder / "notes.txt").exists()


def test_the_app_backs_up_on_opening_once_a_day_and_commands_do_not(tmp_path):
    path = tmp_path / "team.sqlite"
    creating = OpenPolicy()
    creating.create_missing = True
    with open_for_writing(path, creating) as opened:
        assert opened.daily_backup is None  # a new file has nothing to keep
    with open_for_writing(path, purpose="cli") as opened:
        assert opened.daily_backup is None
    with open_for_writing(path, daily_backup=True) as opened:
        assert opened.daily_backup is not None and opened.daily_backup.exists()
    with open_for_writing(path, daily_backup=True) as opened:
        assert opened.daily_backup is None
    assert len(backups.rotating(path)) == 1


def test_upgrade_copies_beside_the_file_are_listed(db):
    copy = db.path.with_name(db.path.name + ".bak-v5")
    from core.db import backup

    backup(db, copy)
    (listed,) = backups.list_backups(db.path)
    assert listed.path == copy and listed.kind == "upgrade"


def test_inspect_counts_what_a_backup_holds(demo_db):
    target = backups.back_up(demo_db, "manual", now=NOON)
    contents = backups.inspect(target)
    assert contents.good
    count = demo_db.conn.execute("SELECT count(*) FROM accounts").fetchone()[0]
    assert contents.accounts == count and contents.posts > 0 and contents.snapshots > 0


def test_restore_round_trip_backs_up_the_current_file_first(tmp_path):
    path = tmp_path / "team.sqlite"
    with open_database(path, create=True) as db:
        _add_account(db, "before")
        saved = backups.back_up(db, "manual", now=NOON)
        _add_account(db, "after")
    assert _handles(path) == ["after", "before"]
    with open_for_writing(path, purpose="restore") as opened:
        safety = backups.restore(opened.db, saved, now=NOON + dt.timedelta(hours=1))
    assert _handles(path) == ["before"]
    assert _handles(safety) == ["after", "before"]
    assert read_lock(path) is None
    assert not path.with_name(path.name + ".restoring").exists()
    with open_for_writing(path) as opened:  # the app can work on it again
        _add_account(opened.db, "again")
    assert _handles(path) == ["again", "before"]


def test_a_damaged_or_newer_backup_is_refused_and_nothing_changes(tmp_path, db):
    _add_account(db, "mine")
    damaged = backups.back_up(db, "manual", now=NOON)
    _damage(damaged)
    newer = backups.back_up(db, "manual", now=NOON + dt.timedelta(hours=1))
    with open_database(newer) as other:
        other.conn.execute("PRAGMA user_version = 999")
    for bad in (damaged, newer, tmp_path / "missing.sqlite"):
        with pytest.raises(backups.BackupUnusable) as info:
            backups.restore(db, bad)
        assert str(bad) in str(info.value)
    assert _handles(db.path) == ["mine"]


def test_a_damaged_file_names_its_newest_good_backup_and_is_never_written(tmp_path):
    path = tmp_path / "team.sqlite"
    with open_database(path, create=True) as db:
        for n in range(300):
            _add_account(db, f"akun{n}")
        good = backups.back_up(db, "daily", now=NOON)
        bad = backups.back_up(db, "manual", now=NOON + dt.timedelta(hours=1))
        db.conn.execute("PRAGMA journal_mode = DELETE")
    _damage(bad)
    _damage(path)
    before = path.read_bytes()
    with pytest.raises(CorruptDatabase) as info:
        open_for_writing(path)
    assert isinstance(info.value, backups.DamagedFile)
    assert info.value.backup.path == good
    assert str(good) in str(info.value) and "restore --db" in str(info.value)
    assert path.read_bytes() == before
    assert read_lock(path) is None

    kept = backups.restore_in_place(path, good, now=NOON + dt.timedelta(days=1))
    assert kept.name == "team.sqlite.damaged-2026-11-29"
    assert kept.read_bytes() == before
    assert len(_handles(path)) == 300


def test_restoring_in_place_respects_a_colleagues_lock(tmp_path, db):
    saved = backups.back_up(db, "manual", now=NOON)
    path = tmp_path / "other.sqlite"
    with DatabaseLock(path, "app"), pytest.raises(LockHeld):
        backups.restore_in_place(path, saved)
    assert not path.exists()
