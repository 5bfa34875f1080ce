"""`backup --db DB` into the rotating folder, `restore --db DB --from BACKUP`, and the
damaged-file message that names the newest good backup; exit codes 0 / 1 / 2."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from core import accounts, backups
from core.db import open_database
from core.lock import DatabaseLock

DATA = Path(__file__).resolve().parent / "data" / "import"


def run(*argv: str) -> int:
    return main.main(["--lang", "en", *argv])


def handles(path: Path) -> list[str]:
    with open_database(path, read_only=True, migrate=False) as db:
        return sorted(row[0] for row in db.query("SELECT handle FROM accounts"))


def add(path: Path, handle: str) -> None:
    with open_database(path) as db, db.transaction():
        accounts.create(db, "instagram", handle)


@pytest.fixture
def team_file(db):
    accounts.create(db, "instagram", "humas_kota")
    path = db.path
    db.close()
    return path


def test_backup_without_out_goes_into_the_rotating_folder(team_file, capsys):
    assert run("backup", "--db", str(team_file)) == 0
    (made,) = backups.rotating(team_file)
    assert made.kind == "manual" and made.path.parent == backups.folder_for(team_file)
    assert made.path.parent.parent == team_file.parent / "backups"
    assert str(made.path) in capsys.readouterr().out
    assert handles(made.path) == ["humas_kota"]


def test_backup_with_out_writes_there_and_force_needs_out(team_file, tmp_path):
    assert run("backup", "--db", str(team_file), "--out", str(tmp_path / "copy.sqlite")) == 0
    assert (tmp_path / "copy.sqlite").exists() and backups.rotating(team_file) == []
    assert run("backup", "--db", str(team_file), "--force") == 2


def test_restore_round_trip(team_file, capsys):
    assert run("backup", "--db", str(team_file)) == 0
    (saved,) = backups.rotating(team_file)
    add(team_file, "later")
    capsys.readouterr()
    assert run("restore", "--db", str(team_file), "--from", str(saved.path)) == 0
    out = capsys.readouterr().out
    assert handles(team_file) == ["humas_kota"]
    safety = next(b for b in backups.rotating(team_file) if b.kind == "restore")
    assert handles(safety.path) == ["humas_kota", "later"]
    assert str(safety.path) in out


def test_restore_refuses_a_damaged_backup_and_a_file_in_use(team_file, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    before = team_file.read_bytes()
    assert run("restore", "--db", str(team_file), "--from", str(bad)) == 1
    assert str(bad) in capsys.readouterr().err
    assert run("backup", "--db", str(team_file)) == 0
    (saved,) = backups.rotating(team_file)
    with DatabaseLock(team_file, "app"):
        assert run("restore", "--db", str(team_file), "--from", str(saved.path)) == 1
    assert team_file.read_bytes() == before
    with pytest.raises(SystemExit) as usage:  # --from is required
        run("restore", "--db", str(team_file))
    assert usage.value.code == 2


def test_a_damaged_file_names_the_newest_good_backup_and_restore_puts_it_back(demo_db, capsys):
    path = demo_db.path
    demo_db.close()
    assert run("backup", "--db", str(path)) == 0
    (saved,) = backups.rotating(path)
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert run("check", "--db", str(path)) == 1
    err = capsys.readouterr().err
    assert str(saved.path) in err and "restore --db" in err
    assert run("import", str(DATA / "indonesia_titik_koma.csv"), "--db", str(path)) == 1
    assert str(saved.path) in capsys.readouterr().err
    assert path.read_bytes() == bytes(data)  # never written

    assert run("restore", "--db", str(path), "--from", str(saved.path)) == 0
    assert run("check", "--db", str(path)) == 0
    damaged = list(path.parent.glob(path.name + ".damaged-*"))
    assert len(damaged) == 1 and damaged[0].read_bytes() == bytes(data)


def test_a_bulk_import_backs_up_first_and_a_dry_run_does_not(db):
    accounts.create(db, "instagram", "humas_kota")
    accounts.create(db, "facebook", "humas_kota")
    accounts.create(db, "x", "bmsn_ri")
    path = db.path
    db.close()
    data = str(DATA / "indonesia_titik_koma.csv")
    assert run("import", data, "--db", str(path), "--dry-run") == 0
    assert backups.rotating(path) == []
    assert run("import", data, "--db", str(path)) == 0
    (before,) = backups.rotating(path)
    assert before.kind == "import"
    assert backups.inspect(before.path).snapshots == 0
    assert backups.inspect(path).snapshots == 3
