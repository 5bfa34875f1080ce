"""Hostile environments: a read-only disk, a full disk, a file another program holds, a file
moved or deleted while open, a path with spaces and non-ASCII letters, an app killed while it
held the lock. Each one ends in a message that names the file, and nothing already saved is lost.

CI runs as root, for whom file permissions do not apply: a read-only disk is made with a
read-only bind mount in a private mount namespace (`unshare -m`), a read-only folder by
dropping root's capabilities (`setpriv`). Where neither is possible the test is skipped.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core import db as coredb
from core import errors, units
from core.db import check, open_database
from core.lock import lock_path_for, read_lock
from core.opening import OpenPolicy, open_for_writing

ROOT = Path(__file__).resolve().parent.parent.parent
#: Spaces, non-ASCII letters and the characters a file: URI must escape (SQLite opens
#: read-only files through one).
AWKWARD_NAME = "Tim Humas ü #1 50% — ñ 中文?.sqlite"


def make_file(path: Path, *names: str) -> Path:
    with open_database(path, create=True) as handle:
        for name in names:
            units.create(handle, name)
    return path


def run_python(code: str, prefix: list[str] = (), **kwargs) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter that imports the app's packages."""
    program = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(code)
    return subprocess.run(
        [*prefix, sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        **kwargs,
    )


def leave_crashed_writer(path: Path, name: str) -> None:
    """A writer that saved `name` and died without closing: the change is only in the -wal."""
    result = run_python(
        f"""
        import os
        from core import db, units
        handle = db.open_database({str(path)!r})
        units.create(handle, {name!r})
        os._exit(0)
        """
    )
    assert result.returncode == 0, result.stderr
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def _works(command: list[str]) -> bool:
    if sys.platform == "win32" or shutil.which(command[0]) is None:
        return False
    return subprocess.run(command, capture_output=True).returncode == 0


def _read_only_mount_prefix(folder: Path) -> list[str]:
    return ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]


CAN_MOUNT = _works(_read_only_mount_prefix(Path("/")) + ["true"])
PERMISSIONS_APPLY = sys.platform != "win32" and os.geteuid() != 0
NO_OVERRIDE = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]
CAN_DROP_OVERRIDE = not PERMISSIONS_APPLY and _works([*NO_OVERRIDE, "true"])

#: What a process that finds the file on a read-only disk (or in a read-only folder) does:
#: open it for writing (refused), then read-only; reports what it saw.
OPEN_BOTH_WAYS = """
import json
from pathlib import Path
from core import db, errors, units
path = Path({path!r})
outcome = {{}}
try:
    db.open_database(path).close()
    outcome["write"] = "opened"
except errors.LinimasaError as exc:
    outcome["write"] = [type(exc).__name__, str(exc), str(exc.path)]
with db.open_database(path, read_only=True) as handle:
    outcome["units"] = [u.name for u in units.list_all(handle)]
    outcome["check"] = db.check(handle)
outcome["files"] = sorted(p.name for p in path.parent.iterdir())
print(json.dumps(outcome))
"""


def open_both_ways(path: Path, prefix: list[str]) -> dict:
    result = run_python(OPEN_BOTH_WAYS.format(path=str(path)), prefix)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(params=["closed", "writer crashed: -wal and -shm", "writer crashed: -wal only"])
def file_left_behind(request, tmp_path) -> Path:
    """A WAL-mode file as a colleague's PC may leave it on a USB stick."""
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    path = make_file(folder / AWKWARD_NAME, "Humas")
    if request.param != "closed":
        leave_crashed_writer(path, "Saved last")
    if request.param.endswith("-wal only"):
        path.with_name(path.name + "-shm").unlink()
    return path


def expected_units(path: Path) -> list[str]:
    crashed = path.with_name(path.name + "-wal").exists()
    return ["Humas", "Saved last"] if crashed else ["Humas"]


# --- read-only disk and folder ------------------------------------------------------------------


@pytest.mark.skipif(not CAN_MOUNT, reason="needs a private mount namespace (unshare -m, as root)")
def test_read_only_disk_opens_read_only_with_everything_saved(file_left_behind):
    path = file_left_behind
    expected = expected_units(path)
    before = sorted(p.name for p in path.parent.iterdir())

    outcome = open_both_ways(path, _read_only_mount_prefix(path.parent))

    kind, message, named = outcome["write"]
    assert kind == "ReadOnlyMedium" and named == str(path) and str(path) in message
    # The last saved change, still in the -wal, is read too (immutable mode would skip it).
    assert outcome["units"] == expected
    assert outcome["check"] == []
    assert outcome["files"] == before


@pytest.mark.skipif(
    not (PERMISSIONS_APPLY or CAN_DROP_OVERRIDE),
    reason="this user ignores file permissions and cannot drop the capability",
)
def test_read_only_folder_opens_read_only_with_everything_saved(file_left_behind):
    path = file_left_behind
    expected = expected_units(path)
    before = sorted(p.name for p in path.parent.iterdir())
    path.parent.chmod(0o555)
    try:
        outcome = open_both_ways(path, [] if PERMISSIONS_APPLY else NO_OVERRIDE)
    finally:
        path.parent.chmod(0o755)

    kind, _message, named = outcome["write"]
    assert kind == "ReadOnlyLocation" and named == str(path)
    assert outcome["units"] == expected
    assert outcome["files"] == before


def test_private_copy_of_a_read_only_file_goes_when_closed(tmp_path, monkeypatch):
    path = make_file(tmp_path / "team.sqlite", "Humas")
    leave_crashed_writer(path, "Saved last")
    path.with_name(path.name + "-shm").unlink()
    monkeypatch.setattr(coredb, "_needs_private_copy", lambda _path: True)
    handle = open_database(path, read_only=True)
    copy = handle.private_copy
    assert copy is not None and copy.is_dir()
    assert handle.path == path
    assert [u.name for u in units.list_all(handle)] == ["Humas", "Saved last"]
    handle.close()
    assert not copy.exists()


# --- disk full ----------------------------------------------------------------------------------


def test_full_disk_keeps_what_was_saved(tmp_path):
    path = make_file(tmp_path / "team.sqlite", "Humas", "Biro Umum")
    with open_database(path) as handle:
        pages = handle.conn.execute("PRAGMA page_count").fetchone()[0]
        handle.conn.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow
        with pytest.raises(errors.DiskFull) as info, handle.transaction():
            for number in range(2000):
                units.create(handle, f"Unit {number} " + "x" * 180)
        assert info.value.path == path and str(path) in str(info.value)
        assert not handle.conn.in_transaction
        assert [u.name for u in units.list_all(handle)] == ["Biro Umum", "Humas"]

        handle.conn.execute(f"PRAGMA max_page_count = {pages * 1000}")  # space freed
        units.create(handle, "Setelah")
    with open_database(path, read_only=True) as handle:
        assert [u.name for u in units.list_all(handle)] == ["Biro Umum", "Humas", "Setelah"]
        assert check(handle) == []


# --- a file another program holds ---------------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect({path!r}, isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO units (uid, name, created_at) VALUES ('x', 'Never saved', 'x')")
print("holding", flush=True)
time.sleep({seconds})
conn.execute("ROLLBACK")
"""


def hold_file(path: Path, seconds: float) -> subprocess.Popen:
    """Another program (another app, a sync tool) holding a write lock on the file."""
    program = HOLD_LOCK.format(path=str(path), seconds=seconds)
    holder = subprocess.Popen(
        [sys.executable, "-c", program], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_file_held_by_another_program_says_busy_and_keeps_data(tmp_path, monkeypatch, journal):
    # "delete": the rollback journal used on network shares, where a writer blocks readers too.
    monkeypatch.setattr(coredb, "is_network_path", lambda _path: journal == "delete")
    path = make_file(tmp_path / "team.sqlite", "Humas")
    handle = open_database(path)
    monkeypatch.setattr(coredb, "BUSY_TIMEOUT_MS", 200)
    handle.conn.execute("PRAGMA busy_timeout = 200")
    holder = hold_file(path, 30)
    try:
        with pytest.raises(errors.DatabaseBusy) as info:
            units.create(handle, "Biro Umum")
        assert info.value.path == path and str(path) in str(info.value)
        if journal == "delete":
            with pytest.raises(errors.DatabaseBusy):
                handle.query("SELECT name FROM units")
    finally:
        holder.kill()
        holder.wait()
    units.create(handle, "Biro Umum")  # works again once the other program lets go
    assert [u.name for u in units.list_all(handle)] == ["Biro Umum", "Humas"]
    handle.close()


def test_a_short_hold_is_waited_out(tmp_path):
    path = make_file(tmp_path / "team.sqlite", "Humas")
    with open_database(path) as handle:
        assert coredb.BUSY_TIMEOUT_MS >= 2000  # an antivirus scan or a sync tool's peek
        holder = hold_file(path, 0.5)
        try:
            units.create(handle, "Biro Umum")
        finally:
            holder.wait()
        assert [u.name for u in units.list_all(handle)] == ["Biro Umum", "Humas"]


# --- moved or deleted while open ----------------------------------------------------------------


def move_away(path: Path) -> Path:
    moved = path.with_name("moved.sqlite")
    os.rename(path, moved)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.rename(side, moved.with_name(moved.name + suffix))
    return moved


def delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def replace_with_copy(path: Path) -> None:
    """What a sync tool does: a new file with the same content takes the old one's name."""
    copy = path.with_name("copy.sqlite")
    with open_database(path, read_only=True) as handle:
        coredb.backup(handle, copy)
    os.replace(copy, path)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses to move an open file")
@pytest.mark.parametrize("what_happened", [move_away, delete, replace_with_copy])
def test_file_moved_or_deleted_while_open_is_not_written(tmp_path, what_happened):
    path = make_file(tmp_path / "team.sqlite", "Humas")
    handle = open_database(path)
    try:
        units.create(handle, "Saved before")
        moved = what_happened(path)
        with pytest.raises(errors.DatabaseMoved) as info:
            units.create(handle, "After the move")
        assert info.value.path == path and str(path) in str(info.value)
        assert not handle.conn.in_transaction
    finally:
        handle.close()
    if moved is not None:
        with open_database(moved, read_only=True) as again:
            assert [u.name for u in units.list_all(again)] == ["Humas", "Saved before"]


def test_file_deleted_on_a_network_share_is_not_written(tmp_path, monkeypatch):
    # File ids on shares may change, so there only the file's presence is compared.
    monkeypatch.setattr(coredb, "is_network_path", lambda _path: True)
    path = make_file(tmp_path / "team.sqlite", "Humas")
    with open_database(path) as handle:
        assert handle.identity is None
        units.create(handle, "Saved before")
        if sys.platform != "win32":
            delete(path)
            with pytest.raises(errors.DatabaseMoved):
                units.create(handle, "After")


# --- spaces and non-ASCII letters in the path ---------------------------------------------------


def test_awkward_path_opens_writes_locks_and_backs_up(tmp_path):
    folder = tmp_path / "Data Humas — Dinas Kominfo" / "Ücret ñ 中文"
    folder.mkdir(parents=True)
    path = folder / AWKWARD_NAME
    policy = OpenPolicy()
    policy.create_missing = True
    with open_for_writing(path, policy) as opened:
        assert lock_path_for(path).exists()
        assert read_lock(path).pid == os.getpid()
        units.create(opened.db, "Humas Ü")
        target = coredb.backup(opened.db, folder / "Cadangan 9 Desember — ü.sqlite")
    assert not lock_path_for(path).exists()
    for name in (path, target):
        with open_database(name, read_only=True) as handle:
            assert [u.name for u in units.list_all(handle)] == ["Humas Ü"]
            assert check(handle) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted([path.name, target.name])


# --- the single-instance lock survives a crash --------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_lock_of_a_killed_app_is_taken_over_without_asking(tmp_path):
    path = tmp_path / AWKWARD_NAME
    program = f"""
        import time
        from pathlib import Path
        from core import units
        from core.opening import OpenPolicy, open_for_writing
        policy = OpenPolicy()
        policy.create_missing = True
        opened = open_for_writing(Path({str(path)!r}), policy)
        units.create(opened.db, "Saved before the crash")
        print("ready", flush=True)
        time.sleep(60)
    """
    prefix = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
    app = subprocess.Popen(
        [sys.executable, "-c", prefix + textwrap.dedent(program)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert app.stdout.readline().strip() == "ready"
        assert read_lock(path).pid == app.pid
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
    assert app.returncode == -signal.SIGKILL
    assert lock_path_for(path).exists()  # left behind by the crash

    class NeverAsked(OpenPolicy):
        def lock_held(self, held):
            raise AssertionError(f"asked about a stale lock: {held}")

    with open_for_writing(path, NeverAsked()) as opened:
        assert read_lock(path).pid == os.getpid()
        assert [u.name for u in units.list_all(opened.db)] == ["Saved before the crash"]
        units.create(opened.db, "After")
        assert check(opened.db) == []
    assert not lock_path_for(path).exists()


def test_busy_timeout_is_set_on_every_connection(tmp_path):
    path = make_file(tmp_path / "team.sqlite")
    for read_only in (False, True):
        with open_database(path, read_only=read_only) as handle:
            timeout = handle.conn.execute("PRAGMA busy_timeout").fetchone()[0]
            assert timeout == coredb.BUSY_TIMEOUT_MS
    assert sqlite3.sqlite_version_info >= (3, 22)  # reads WAL files on read-only disks
