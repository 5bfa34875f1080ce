"""`screenshots --db FILE` pictures the window as its user sees it (writable) and leaves
the user's file and folder exactly as they were."""

from __future__ import annotations

from gui.cli.screenshots import _writable_copy
from gui.mainwindow import MainWindow


def test_screenshots_of_a_file_show_a_writable_window_and_touch_nothing(
    qtbot, demo_db, demo_today, tmp_path
):
    source = demo_db.path
    demo_db.close()

    def files():  # the file and its companions (-wal, -shm, .lock)
        return {
            p.name: p.stat().st_mtime_ns
            for p in source.parent.iterdir()
            if p.name.startswith(source.name)
        }

    before = files()
    work = tmp_path / "work"
    work.mkdir()
    session = _writable_copy(source, work, demo_today)
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        assert not session.read_only
        assert window.act_add_account.isEnabled()
        assert "[" not in window.windowTitle()  # no "[hanya-baca]"
        assert str(source) in window.file_label.text()  # the user's file, not the copy
    finally:
        window.close()
    assert files() == before
