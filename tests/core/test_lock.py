"""The lock file that keeps two copies of Linimasa from writing one database at once."""

import getpass
import json
import os
import socket
import subprocess
import sys

import pytest

from core.lock import DatabaseLock, LockHeld, break_lock, lock_path_for, read_lock


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "team.sqlite"


def write_lock(db_path, **fields):
    info = {
        "pid": os.getpid(),
        "user": "siti",
        "host": "PC-HUMAS-2",
        "since": "2021-12-09T08:30:00",
    }
    info.update(fields)
    lock_path_for(db_path).write_text(json.dumps(info), encoding="utf-8")


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_file_sits_beside_the_database(db_path):
    assert lock_path_for(db_path) == db_path.with_name("team.sqlite.lock")


def test_acquire_and_release(db_path):
    lock = DatabaseLock(db_path)
    assert read_lock(db_path) is None
    lock.acquire()
    assert lock.held
    assert lock_path_for(db_path).exists()
    info = read_lock(db_path)
    assert info is not None
    assert info.pid == os.getpid()
    assert info.host == socket.gethostname()
    lock.release()
    assert not lock.held
    assert not lock_path_for(db_path).exists()
    assert read_lock(db_path) is None


def test_second_writer_is_told_who_holds_the_file(db_path):
    first = DatabaseLock(db_path)
    first.acquire()
    try:
        with pytest.raises(LockHeld) as info:
            DatabaseLock(db_path).acquire()
        message = str(info.value)
        assert socket.gethostname() in message
        assert getpass.getuser() in message
        assert str(db_path) in message
        assert info.value.path == db_path
        assert info.value.info.pid == os.getpid()
    finally:
        first.release()
    DatabaseLock(db_path).acquire()  # free again once the first one let go


def test_failed_acquire_does_not_release_the_holders_lock(db_path):
    first = DatabaseLock(db_path)
    first.acquire()
    second = DatabaseLock(db_path)
    with pytest.raises(LockHeld):
        second.acquire()
    second.release()
    assert lock_path_for(db_path).exists()
    assert read_lock(db_path).pid == os.getpid()
    first.release()


def test_stale_lock_from_crashed_app_on_this_computer_is_replaced(db_path):
    pid = dead_pid()
    write_lock(db_path, pid=pid, host=socket.gethostname(), user="crashed")
    assert read_lock(db_path) is None  # a dead holder counts as nobody
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        info = read_lock(db_path)
        assert info.pid == os.getpid()
        assert info.user != "crashed"
    finally:
        lock.release()


def test_lock_from_another_computer_is_reported_not_stolen(db_path):
    # Its pid means nothing here (we cannot see that computer's processes), even a dead one.
    write_lock(db_path, pid=dead_pid(), user="siti", host="PC-HUMAS-2")
    before = lock_path_for(db_path).read_bytes()
    with pytest.raises(LockHeld) as info:
        DatabaseLock(db_path).acquire()
    assert "siti" in str(info.value)
    assert "PC-HUMAS-2" in str(info.value)
    assert info.value.info.host == "PC-HUMAS-2"
    assert lock_path_for(db_path).read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"pid": 12',
        b"\xff\xfe garbage",
        b'{"pid": 1}',
        b"[1, 2, 3]",
        "this-host-null-pid",
    ],
)
def test_unreadable_lock_counts_as_held_by_unknown(db_path, content):
    if content == "this-host-null-pid":
        content = json.dumps(
            {"pid": None, "user": "?", "host": socket.gethostname(), "since": "?"}
        ).encode()
    lock_path_for(db_path).write_bytes(content)
    info = read_lock(db_path)
    assert info is not None
    assert info.user == "?"
    with pytest.raises(LockHeld):
        DatabaseLock(db_path).acquire()
    assert lock_path_for(db_path).read_bytes() == content


def test_break_lock_frees_the_file(db_path):
    write_lock(db_path, host="PC-HUMAS-2")
    with pytest.raises(LockHeld):
        DatabaseLock(db_path).acquire()
    break_lock(db_path)
    assert not lock_path_for(db_path).exists()
    break_lock(db_path)  # nothing there: no error
    with DatabaseLock(db_path) as lock:
        assert lock.held


def test_context_manager_releases_even_on_error(db_path):
    with pytest.raises(RuntimeError), DatabaseLock(db_path, purpose="restore") as lock:
        assert lock.held
        assert read_lock(db_path).purpose == "restore"
        raise RuntimeError("boom")
    assert not lock_path_for(db_path).exists()


def test_context_manager_refuses_when_held(db_path):
    write_lock(db_path, host="PC-HUMAS-2")
    with pytest.raises(LockHeld), DatabaseLock(db_path):
        pytest.fail("entered a block on a file someone else holds")
    assert lock_path_for(db_path).exists()


def test_taking_over_ones_own_lock_is_not_undone_by_the_old_holder(db_path):
    """Two locks of one process in the same second differ (token), so releasing the
    first one does not remove the lock that replaced it."""
    first = DatabaseLock(db_path)
    first.acquire()
    break_lock(db_path)
    second = DatabaseLock(db_path)
    second.acquire()
    first.release()
    assert lock_path_for(db_path).exists()
    second.release()
    assert not lock_path_for(db_path).exists()
