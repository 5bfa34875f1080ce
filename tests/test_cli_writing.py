"""Commands that write take the writer lock through the app's own path, leave nothing
half-made when they fail, and read-only commands leave the folder as they found it."""

from __future__ import annotations

import pytest

from core import demo
from core.db import open_database
from core.lock import DatabaseLock


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_demo_refuses_a_file_the_app_has_open_and_changes_nothing(tmp_path, run_main):
    path = tmp_path / "tim.sqlite"
    open_database(path, create=True).close()
    before = path.read_bytes()
    with DatabaseLock(path):  # the app has it open
        code, output = run_main("demo", "--db", str(path))
    assert code == 1
    assert "sedang dibuka untuk diubah" in output and str(path) in output
    assert path.read_bytes() == before


@pytest.mark.parametrize("day", ["9999-12-31", "1900-01-01", "2026-02-30"])
def test_a_day_out_of_range_is_a_usage_error_and_leaves_no_file(tmp_path, day, run_main):
    code, output = run_main("demo", "--db", str(tmp_path / "baru.sqlite"), "--today", day)
    assert code == 2
    assert "Traceback" not in output
    assert listing(tmp_path) == []


def test_a_demo_that_fails_half_way_removes_the_file_it_created(tmp_path, monkeypatch, run_main):
    real = demo.populate

    def populate_then_fail(database, today=None, seed=2019):
        real(database, today=today, seed=seed)
        raise KeyboardInterrupt  # Ctrl+C after the rows are in

    monkeypatch.setattr(demo, "populate", populate_then_fail)
    code, _output = run_main("demo", "--db", str(tmp_path / "baru.sqlite"))
    assert code == 130
    assert listing(tmp_path) == []


def test_a_demo_into_an_existing_file_keeps_it(tmp_path, demo_db, run_main):
    demo_db.close()
    code, output = run_main("demo", "--db", str(demo_db.path))
    assert code == 1 and "kosong" in output
    with open_database(demo_db.path, read_only=True) as database:
        assert database.query("SELECT count(*) FROM accounts")[0][0] > 0


@pytest.mark.parametrize("command", ["check", "backup", "export"])
def test_read_only_commands_leave_the_folder_as_they_found_it(tmp_path, command, run_main):
    folder = tmp_path / "bersama"
    folder.mkdir()
    path = folder / "tim.sqlite"
    with open_database(path, create=True) as database:
        assert database.journal_mode == "WAL"
    before = listing(folder)
    out = tmp_path / ("salinan.sqlite" if command == "backup" else "akun.csv")
    argv = {
        "check": ["check", "--db", str(path)],
        "backup": ["backup", "--db", str(path), "--out", str(out)],
        "export": ["export", "accounts", "--db", str(path), "--out", str(out)],
    }[command]
    code, output = run_main(*argv)
    assert code == 0, output
    assert listing(folder) == before  # no tim.sqlite-wal or -shm left behind
