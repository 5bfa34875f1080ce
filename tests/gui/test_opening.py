"""Opening files from the GUI: locks, bad files and new files, answered without a real click."""

import getpass
import os
import socket

import pytest
from PySide6.QtWidgets import QMessageBox

from core.errors import NotADatabase
from core.lock import DatabaseLock
from gui import opening


@pytest.fixture
def answers(monkeypatch):
    """Replace the message box: record each question and answer with the queued button index."""
    asked, queue = [], []

    def fake_ask(parent, icon, title, text, buttons, default=0):
        asked.append((title, text, [label for label, _role in buttons]))
        return queue.pop(0) if queue else len(buttons) - 1

    monkeypatch.setattr(opening, "ask", fake_ask)
    return asked, queue


def test_file_held_by_another_writer_opens_read_only_when_chosen(tmp_path, answers):
    asked, queue = answers
    path = tmp_path / "tim.sqlite"
    opening.open_path(None, path, explicit=False).close()
    other = DatabaseLock(path)
    other.acquire()
    try:
        queue.append(0)  # "Open read-only"
        session = opening.open_path(None, path, explicit=True)
        assert session is not None and session.read_only
        message = asked[0][1]
        assert getpass.getuser() in message and socket.gethostname() in message
        session.close()
        # Cancel instead: nothing opened.
        assert opening.open_path(None, path, explicit=True) is None
    finally:
        other.release()


def test_gui_takes_the_lock_and_releases_it_on_close(tmp_path, answers):
    path = tmp_path / "tim.sqlite"
    session = opening.open_path(None, path, explicit=False)
    assert (tmp_path / "tim.sqlite.lock").exists()
    session.close()
    assert not (tmp_path / "tim.sqlite.lock").exists()


def test_new_explicit_path_asks_before_creating(tmp_path, answers):
    asked, queue = answers
    path = tmp_path / "baru.sqlite"
    assert opening.open_path(None, path, explicit=True) is None  # answered "Cancel"
    assert not path.exists()
    queue.append(0)
    session = opening.open_path(None, path, explicit=True)
    assert path.exists() and session is not None
    session.close()
    assert str(path) in asked[0][1]


def test_not_a_database_is_explained_and_untouched(tmp_path, answers):
    asked, _queue = answers
    path = tmp_path / "laporan.csv"
    path.write_text("tanggal,pengikut\n2019-01-01,52300\n")
    before = path.read_bytes()
    with pytest.raises(NotADatabase):
        opening.open_path(None, path, explicit=True)
    assert opening.open_interactively(None, path, explicit=True) is None  # "Close"
    assert path.read_bytes() == before
    assert str(path) in asked[-1][1]
    assert not (tmp_path / "laporan.csv.lock").exists()


def test_new_file_question_has_indonesian_buttons_and_the_click_counts(
    qtbot, tmp_path, monkeypatch
):
    """The real message box of "create it?": Indonesian labels, and the button the user
    clicks is the answer taken (Batal creates nothing, Buat creates the file)."""
    monkeypatch.setattr(opening, "INTERACTIVE", True)
    shown, clicks = [], ["Batal", "Buat"]

    def fake_exec(box):
        shown.append((box.windowTitle(), sorted(b.text() for b in box.buttons())))
        buttons = {b.text(): b for b in box.buttons()}
        label = clicks.pop(0)
        if label in buttons:
            buttons[label].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    path = tmp_path / "baru.sqlite"
    assert opening.open_path(None, path, explicit=True) is None
    assert shown == [("Berkas baru", ["Batal", "Buat"])]
    assert not path.exists()
    session = opening.open_path(None, path, explicit=True)
    assert session is not None and path.exists()
    session.close()
    assert len(shown) == 2


def test_read_only_location_offers_read_only(tmp_path, answers, monkeypatch):
    asked, queue = answers
    path = tmp_path / "arsip.sqlite"
    opening.open_path(None, path, explicit=False).close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    queue.append(0)  # "Open read-only"
    session = opening.open_interactively(None, path, explicit=True)
    assert session is not None and session.read_only
    assert str(path) in asked[0][1]
    session.close()


def test_take_over_a_lock_left_by_a_crashed_computer(tmp_path, answers):
    asked, queue = answers
    path = tmp_path / "tim.sqlite"
    opening.open_path(None, path, explicit=False).close()
    lock_path = tmp_path / "tim.sqlite.lock"
    lock_path.write_text(
        '{"pid": 4242, "user": "budi", "host": "PC-HUMAS-7", "since": "2026-11-20T08:00:00"}'
    )
    queue.extend([1, 0])  # "Take over…", then confirm "Take over"
    session = opening.open_path(None, path, explicit=True)
    assert session is not None and not session.read_only
    assert "PC-HUMAS-7" in asked[0][1] and "budi" in asked[1][1]
    assert socket.gethostname() in lock_path.read_text()
    session.close()
    assert not lock_path.exists()


def test_missing_folder_is_explained_before_any_lock_file(tmp_path, answers):
    from core.errors import FolderMissing

    path = tmp_path / "hilang" / "tim.sqlite"
    with pytest.raises(FolderMissing):
        opening.open_path(None, path, explicit=True)
    assert not (tmp_path / "hilang").exists()


def test_a_demo_that_fails_leaves_no_temporary_folder(tmp_path, monkeypatch):
    import tempfile

    from core import demo
    from gui.opening import open_demo

    def fail(database, today=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(demo, "populate", fail)
    with pytest.raises(KeyboardInterrupt):
        open_demo()
    assert list(tmp_path.iterdir()) == []
