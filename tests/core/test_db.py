"""Opening, creating, upgrading, checking and backing up the database file.

Every failure a user can meet must come out as a readable `errors.*` exception that names
the file, and must leave the file exactly as it was.
"""

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core import db as coredb
from core import errors, migrations, units
from core.db import backup, check, open_database

LATEST = migrations.latest_version()


# --- helpers -------------------------------------------------------------------------------


def raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, bypassing everything Linimasa does on open."""
    return sqlite3.connect(path, isolation_level=None)


def user_version(path: Path) -> int:
    conn = raw(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    conn = raw(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def unit_names(path: Path) -> list[str]:
    conn = raw(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM units ORDER BY name")]
    finally:
        conn.close()


def make_file(path: Path, *names: str) -> Path:
    """A current-version Linimasa file holding one unit per name, closed again."""
    handle = open_database(path, create=True)
    for name in names:
        units.create(handle, name)
    handle.close()
    return path


def add_fake_migration(monkeypatch, upgrade):
    """Pretend this version of Linimasa ships one more migration than it does."""
    real = migrations.all_migrations()
    version = LATEST + 1
    fake = migrations.Migration(version, f"v{version:03d}_test", upgrade)
    monkeypatch.setattr(migrations, "all_migrations", lambda: [*real, fake])
    monkeypatch.setattr(migrations, "latest_version", lambda: version)
    return version


def backups_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if ".bak-v" in p.name)


def assert_names_file(exc: errors.DatabaseFileError, path: Path) -> None:
    assert exc.path == path
    assert str(path) in str(exc)


def snapshot_folder(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# --- migrations list -------------------------------------------------------------------------


def test_migrations_are_numbered_one_to_n_without_gaps():
    found = migrations.all_migrations()
    versions = [m.version for m in found]
    assert versions == list(range(1, len(found) + 1))
    assert migrations.latest_version() == len(found)
    for migration in found:
        assert callable(migration.upgrade), migration.name


def test_every_module_in_migrations_folder_is_picked_up():
    # A misnamed module (v2_x.py, v0003_x.py) would be skipped silently and never run.
    folder = Path(migrations.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    assert modules == {m.name for m in migrations.all_migrations()}


# --- a new file ------------------------------------------------------------------------------


def test_new_file_gets_latest_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "new.sqlite"
    handle = open_database(path, create=True)
    try:
        assert handle.user_version == LATEST
        assert {"units", "members", "accounts", "posts", "post_variants", "settings"} <= set(
            r[0] for r in handle.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        assert handle.journal_mode == "WAL"
        assert handle.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert handle.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert check(handle) == []
    finally:
        handle.close()
    assert backups_beside(path) == []  # nothing to back up in a brand-new file


def test_existing_empty_file_is_initialised(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    handle = open_database(path, create=True)
    try:
        assert handle.user_version == LATEST
    finally:
        handle.close()


def test_local_disk_is_not_a_network_path(tmp_path):
    assert coredb.is_network_path(tmp_path) is False
    assert coredb.is_network_path(tmp_path / "file.sqlite") is False


def test_network_share_keeps_rollback_journal(tmp_path, monkeypatch):
    monkeypatch.setattr(coredb, "is_network_path", lambda path: True)
    path = tmp_path / "share.sqlite"
    handle = open_database(path, create=True)
    try:
        assert handle.journal_mode == "DELETE"
        assert handle.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        units.create(handle, "Humas")
    finally:
        handle.close()
    assert not (tmp_path / "share.sqlite-wal").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="reads /proc/mounts")
class TestNetworkMounts:
    def fake_mounts(self, monkeypatch, text):
        class Mounts:
            def __init__(self, _name):
                pass

            def read_text(self):
                return text

        monkeypatch.setattr(coredb, "Path", Mounts)

    def test_file_under_nfs_or_smb_mount_is_network(self, tmp_path, monkeypatch):
        self.fake_mounts(
            monkeypatch,
            "/dev/vda / ext4 rw 0 0\n"
            f"server:/export {tmp_path}/nfs nfs4 rw 0 0\n"
            f"//server/share {tmp_path}/smb cifs rw 0 0\n",
        )
        assert coredb.is_network_path(tmp_path / "nfs" / "team.sqlite")
        assert coredb.is_network_path(tmp_path / "smb" / "team.sqlite")
        assert not coredb.is_network_path(tmp_path / "local" / "team.sqlite")

    def test_mount_point_is_matched_by_whole_folder_names(self, tmp_path, monkeypatch):
        self.fake_mounts(
            monkeypatch, f"/dev/vda / ext4 rw 0 0\nserver:/export {tmp_path}/nfs nfs4 rw 0 0\n"
        )
        assert not coredb.is_network_path(tmp_path / "nfsdata" / "team.sqlite")


# --- reopening and upgrading -------------------------------------------------------------------


def test_reopen_does_not_migrate_or_back_up(tmp_path, monkeypatch):
    path = make_file(tmp_path / "team.sqlite", "Humas")

    def must_not_run(_db):
        raise AssertionError("upgrade() ran on an up-to-date file")

    monkeypatch.setattr(coredb, "upgrade", must_not_run)
    handle = open_database(path)
    try:
        assert handle.user_version == LATEST
        assert [u.name for u in units.list_all(handle)] == ["Humas"]
    finally:
        handle.close()
    assert backups_beside(path) == []


def test_upgrade_backs_up_old_file_then_migrates(tmp_path, monkeypatch):
    path = make_file(tmp_path / "team.sqlite", "Humas", "Biro Umum")

    def add_table(conn):
        conn.execute("CREATE TABLE new_feature (id INTEGER PRIMARY KEY)")

    new_version = add_fake_migration(monkeypatch, add_table)
    handle = open_database(path)
    try:
        assert handle.user_version == new_version
        assert [u.name for u in units.list_all(handle)] == ["Biro Umum", "Humas"]
    finally:
        handle.close()
    assert "new_feature" in table_names(path)

    backup_file = tmp_path / f"team.sqlite.bak-v{LATEST}"
    assert backups_beside(path) == [backup_file.name]
    with backup_file.open("rb") as f:
        assert f.read(16) == b"SQLite format 3\x00"
    assert user_version(backup_file) == LATEST
    assert unit_names(backup_file) == ["Biro Umum", "Humas"]
    assert "new_feature" not in table_names(backup_file)
    assert not list(tmp_path.glob("*.partial"))


def test_upgrade_never_overwrites_an_earlier_backup(tmp_path, monkeypatch):
    path = make_file(tmp_path / "team.sqlite", "Humas")
    earlier = tmp_path / f"team.sqlite.bak-v{LATEST}"
    earlier.write_bytes(b"an earlier backup")
    add_fake_migration(monkeypatch, lambda conn: None)
    open_database(path).close()
    assert earlier.read_bytes() == b"an earlier backup"
    assert len(backups_beside(path)) == 2
    second = next(tmp_path / n for n in backups_beside(path) if n != earlier.name)
    assert unit_names(second) == ["Humas"]


def test_failing_migration_rolls_back_entirely(tmp_path, monkeypatch):
    path = make_file(tmp_path / "team.sqlite", "Humas")

    def half_done(conn):
        conn.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO units (uid, name, created_at) VALUES ('x', 'Ghost', '2021')")
        raise RuntimeError("migration exploded")

    add_fake_migration(monkeypatch, half_done)
    with pytest.raises(RuntimeError, match="migration exploded"):
        open_database(path)
    assert user_version(path) == LATEST
    assert "half_done" not in table_names(path)
    assert unit_names(path) == ["Humas"]

    monkeypatch.undo()
    handle = open_database(path)  # the current version still opens it normally
    try:
        assert handle.user_version == LATEST
    finally:
        handle.close()


def test_read_only_open_of_old_file_needs_upgrade_and_changes_nothing(tmp_path, monkeypatch):
    path = make_file(tmp_path / "team.sqlite", "Humas")
    before = path.read_bytes()
    new_version = add_fake_migration(monkeypatch, lambda conn: None)
    with pytest.raises(errors.NeedsUpgrade) as info:
        open_database(path, read_only=True)
    assert_names_file(info.value, path)
    assert str(new_version) in str(info.value)
    assert path.read_bytes() == before
    assert backups_beside(path) == []


# --- files Linimasa must refuse, untouched ----------------------------------------------------


@pytest.mark.parametrize(
    "journal",
    [
        "wal",
        "delete",
    ],
)
def test_newer_file_is_refused_and_left_byte_identical(tmp_path, journal):
    path = make_file(tmp_path / "future.sqlite", "Humas")
    conn = raw(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    before = snapshot_folder(tmp_path)

    with pytest.raises(errors.NewerDatabase) as info:
        open_database(path)
    assert_names_file(info.value, path)
    assert info.value.version == LATEST + 5
    assert info.value.supported == LATEST
    assert snapshot_folder(tmp_path) == before


def test_newer_file_refused_read_only_too(tmp_path):
    path = make_file(tmp_path / "future.sqlite")
    conn = raw(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(errors.NewerDatabase):
        open_database(path, read_only=True)


@pytest.mark.parametrize(
    "content",
    [
        b"platform,handle,followers\ninstagram,humas,76670\n",
        b"x",
        "Laporan bulanan \u2013 Desember 2021\n".encode() * 500,
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    ],
    ids=["csv", "one-byte", "text", "binary"],
)
def test_not_sqlite_file_is_refused_unchanged(tmp_path, content):
    path = tmp_path / "followers.csv"
    path.write_bytes(content)
    with pytest.raises(errors.NotADatabase) as info:
        open_database(path, create=True)
    assert_names_file(info.value, path)
    assert snapshot_folder(tmp_path) == {"followers.csv": content}


def test_corrupt_file_is_refused_unchanged(tmp_path):
    path = make_file(tmp_path / "team.sqlite")
    conn = raw(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN")
    for i in range(60):
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"k{i}", "x" * 3000))
    conn.execute("COMMIT")
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages > 20
    for n in range(pages // 3, 2 * pages // 3):  # scribble over the middle pages
        data[n * page + 8 : (n + 1) * page - 8] = b"\xa5" * (page - 16)
    path.write_bytes(bytes(data))
    before = snapshot_folder(tmp_path)

    with pytest.raises(errors.CorruptDatabase) as info:
        open_database(path)
    assert_names_file(info.value, path)
    assert snapshot_folder(tmp_path) == before


def test_folder_is_not_a_database(tmp_path):
    folder = tmp_path / "laporan.sqlite"
    folder.mkdir()
    with pytest.raises(errors.NotADatabase) as info:
        open_database(folder, create=True)
    assert_names_file(info.value, folder)


def test_missing_folder(tmp_path):
    path = tmp_path / "no-such-folder" / "team.sqlite"
    with pytest.raises(errors.FolderMissing) as info:
        open_database(path, create=True)
    assert info.value.path == path
    assert str(path.parent) in str(info.value)
    assert not path.parent.exists()


@pytest.mark.parametrize("read_only", [False, True])
def test_missing_file_is_not_created_unless_asked(tmp_path, read_only):
    path = tmp_path / "team.sqlite"
    with pytest.raises(errors.DatabaseMissing) as info:
        open_database(path, read_only=read_only)
    assert_names_file(info.value, path)
    assert list(tmp_path.iterdir()) == []


def _permissions_apply() -> bool:
    """False for root with its override capability (as on CI), where chmod 555 changes nothing."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        locked = Path(folder) / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            (locked / "probe").touch()
        except PermissionError:
            return True
        finally:
            locked.chmod(0o755)
    return False


PERMISSIONS_APPLY = sys.platform != "win32" and _permissions_apply()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(not PERMISSIONS_APPLY, reason="this user ignores file permissions")
class TestReadOnlyLocation:
    def test_new_file_in_read_only_folder(self, tmp_path):
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            with pytest.raises(errors.ReadOnlyLocation) as info:
                open_database(folder / "team.sqlite", create=True)
            assert_names_file(info.value, folder / "team.sqlite")
        finally:
            folder.chmod(0o755)

    @pytest.mark.parametrize(
        "journal",
        [
            "delete",
            "wal",
        ],
    )
    def test_existing_file_in_read_only_folder_opens_read_only(self, tmp_path, journal):
        folder = tmp_path / "locked"
        folder.mkdir()
        path = make_file(folder / "team.sqlite", "Humas")
        conn = raw(path)
        conn.execute(f"PRAGMA journal_mode = {journal}")
        conn.close()
        folder.chmod(0o555)
        try:
            with pytest.raises(errors.ReadOnlyLocation):
                open_database(path)
            handle = open_database(path, read_only=True)
            try:
                assert [u.name for u in units.list_all(handle)] == ["Humas"]
            finally:
                handle.close()
        finally:
            folder.chmod(0o755)


def test_read_only_open_reads_and_refuses_writes(tmp_path):
    path = make_file(tmp_path / "team.sqlite", "Humas")
    handle = open_database(path, read_only=True)
    try:
        assert handle.read_only
        assert [u.name for u in units.list_all(handle)] == ["Humas"]
        with pytest.raises(errors.ReadOnlyLocation):
            units.create(handle, "Biro Umum")
        assert [u.name for u in units.list_all(handle)] == ["Humas"]
    finally:
        handle.close()
    assert unit_names(path) == ["Humas"]


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "other-app.sqlite"
    conn = raw(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Budi')")
    conn.close()
    before = snapshot_folder(tmp_path)
    with pytest.raises(errors.ForeignDatabase) as info:
        open_database(path, create=True)
    assert_names_file(info.value, path)
    assert snapshot_folder(tmp_path) == before


# --- backup and check ---------------------------------------------------------------------------


def test_backup_is_an_openable_copy(db, tmp_path):
    units.create(db, "Humas")
    units.create(db, "Biro Umum")
    target = tmp_path / "copies" / "team-copy.sqlite"
    target.parent.mkdir()
    assert backup(db, target) == target
    units.create(db, "After backup")  # the copy is a snapshot; later writes stay out of it

    assert sorted(p.name for p in target.parent.iterdir()) == ["team-copy.sqlite"]
    copy = open_database(target)
    try:
        assert copy.user_version == LATEST
        assert [u.name for u in units.list_all(copy)] == ["Biro Umum", "Humas"]
        assert check(copy) == []
    finally:
        copy.close()


def test_backup_to_missing_folder(db, tmp_path):
    target = tmp_path / "gone" / "copy.sqlite"
    with pytest.raises(errors.FolderMissing) as info:
        backup(db, target)
    assert info.value.path == target
    assert not target.parent.exists()


def test_check_reports_a_missing_parent_row(db):
    units.create(db, "Humas")
    assert check(db) == []
    other = raw(db.path)  # foreign keys are off by default in a plain connection
    other.execute(
        "INSERT INTO accounts (uid, platform, handle, unit_id, created_at) "
        "VALUES ('u-1', 'instagram', 'humas', 999, '2021-12-09')"
    )
    other.close()
    problems = check(db)
    assert len(problems) == 1
    assert "accounts" in problems[0] and "units" in problems[0]


# --- transactions and error translation -----------------------------------------------------------


def test_transaction_is_all_or_nothing(db):
    with pytest.raises(RuntimeError), db.transaction():
        units.create(db, "Humas")
        units.create(db, "Biro Umum")
        raise RuntimeError("power cut")
    assert units.list_all(db) == []
    assert not db.conn.in_transaction


def test_nested_transaction_rolls_back_only_the_inner_block(db):
    with db.transaction():
        units.create(db, "Outer")
        with pytest.raises(ValueError), db.transaction():
            units.create(db, "Inner")
            raise ValueError("inner failed")
        units.create(db, "After")
    assert [u.name for u in units.list_all(db)] == ["After", "Outer"]


def test_constraint_failure_inside_transaction_keeps_nothing(db):
    with pytest.raises(sqlite3.IntegrityError), db.transaction():
        units.create(db, "Humas")
        db.conn.execute("INSERT INTO units (uid, name, created_at) VALUES ('a', '', 'x')")
    assert units.list_all(db) == []


def test_writer_elsewhere_gives_busy_error(tmp_path, monkeypatch):
    monkeypatch.setattr(coredb, "BUSY_TIMEOUT_MS", 50)
    path = make_file(tmp_path / "team.sqlite")
    handle = open_database(path)
    other = raw(path)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(errors.DatabaseBusy) as info:
            units.create(handle, "Humas")
        assert_names_file(info.value, path)
        other.execute("ROLLBACK")
        units.create(handle, "Humas")  # works again once the other writer is done
    finally:
        other.close()
        handle.close()


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database or disk is full", errors.DiskFull),
        ("database is locked", errors.DatabaseBusy),
        ("attempt to write a readonly database", errors.ReadOnlyLocation),
        ("database disk image is malformed", errors.CorruptDatabase),
    ],
)
def test_translate_error(tmp_path, message, expected):
    path = tmp_path / "team.sqlite"
    result = coredb.translate_error(sqlite3.OperationalError(message), path)
    assert isinstance(result, expected)
    assert_names_file(result, path)


def test_translate_error_passes_other_errors_through(tmp_path):
    original = sqlite3.OperationalError("no such table: nothing")
    assert coredb.translate_error(original, tmp_path / "x.sqlite") is original


def test_backup_refuses_to_overwrite_the_open_file_itself(tmp_path):
    path = tmp_path / "tim.sqlite"
    database = open_database(path, create=True)
    try:
        for target in (path, tmp_path / "tim.sqlite-wal", tmp_path / "tim.sqlite.lock"):
            with pytest.raises(errors.BackupOntoSource):
                coredb.backup(database, target)
        assert database.user_version == LATEST
    finally:
        database.close()


def test_backup_over_an_old_file_ignores_its_leftover_wal(tmp_path):
    old = tmp_path / "lama.sqlite"
    conn = raw(old)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE junk (x)")
    conn.execute("INSERT INTO junk VALUES (1)")
    leftover = (tmp_path / "lama.sqlite-wal").read_bytes()
    conn.close()
    (tmp_path / "lama.sqlite-wal").write_bytes(leftover)  # as if the writer had crashed
    source = open_database(tmp_path / "tim.sqlite", create=True)
    try:
        coredb.backup(source, old)
    finally:
        source.close()
    copy = open_database(old, read_only=True)
    try:
        names = {r[0] for r in copy.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "accounts" in names and "junk" not in names
    finally:
        copy.close()


def _can_drop_capabilities() -> bool:
    if sys.platform == "win32" or PERMISSIONS_APPLY or shutil.which("setpriv") is None:
        return False
    probe = subprocess.run(
        ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "true"], capture_output=True
    )
    return probe.returncode == 0


@pytest.mark.skipif(
    not _can_drop_capabilities(),
    reason="runs the read-only folder tests again without root's override capability",
)
def test_read_only_folders_without_root_privileges():
    """CI runs as root, where folders cannot be made read-only: drop the capability and rerun."""
    result = subprocess.run(
        [
            "setpriv",
            "--bounding-set=-all",
            "--inh-caps=-all",
            sys.executable,
            "-m",
            "pytest",
            "-o",
            "addopts=--import-mode=importlib",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{__file__}::TestReadOnlyLocation",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_backup_refuses_a_target_someone_has_open(tmp_path):
    from core.lock import DatabaseLock, LockHeld

    target = tmp_path / "dipakai.sqlite"
    open_database(target, create=True).close()
    holder = DatabaseLock(target)
    holder.acquire()
    source = open_database(tmp_path / "tim.sqlite", create=True)
    try:
        before = target.read_bytes()
        with pytest.raises(LockHeld):
            coredb.backup(source, target)
        assert target.read_bytes() == before
    finally:
        source.close()
        holder.release()
