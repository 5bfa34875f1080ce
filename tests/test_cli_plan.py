"""`main.py import-plan FILE --db DB`: all or nothing, never prompts, the writer lock, every
problem on stderr as FILE:ROW:COLUMN: message; the round trip with `export posts`."""

from __future__ import annotations

import sqlite3

import pytest

import main
from core import accounts, members
from core.db import open_database
from core.lock import DatabaseLock


def run(*argv: str) -> int:
    return main.main(["--lang", "en", *argv])


def dump(path):
    with sqlite3.connect(path) as conn:
        return [
            row
            for table in ("posts", "post_variants", "pillars")
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")
        ]


@pytest.fixture
def team_file(db):
    for platform, handle in (("instagram", "bmsn_ri"), ("facebook", "bmsn.ri"), ("x", "bmsn_ri")):
        accounts.create(db, platform=platform, handle=handle)
    path = db.path
    db.close()
    return path


PLAN = (
    "tanggal;jam;platform;akun;judul;teks;status\n"
    "20/11/2026;09:00;instagram;bmsn_ri;Hari Guru;Selamat Hari Guru!;draf\n"
    "20/11/2026;10:00;facebook;bmsn.ri;Hari Guru;Selamat Hari Guru, Sobat!;disetujui\n"
)


def test_import_plan_writes_and_a_second_run_changes_nothing(team_file, tmp_path, capsys):
    path = tmp_path / "rencana.csv"
    path.write_text(PLAN, encoding="utf-8")
    empty = dump(team_file)
    assert run("import-plan", str(path), "--db", str(team_file), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Posts to add: 1 (2 platform versions)" in out and "Dry run" in out
    assert dump(team_file) == empty
    assert run("import-plan", str(path), "--db", str(team_file)) == 0
    assert "Imported: 1 posts with 2 platform versions" in capsys.readouterr().out
    with sqlite3.connect(team_file) as conn:
        statuses = [r[0] for r in conn.execute("SELECT status FROM post_variants ORDER BY id")]
    assert statuses == ["draft", "review"]
    before = dump(team_file)
    assert run("import-plan", str(path), "--db", str(team_file)) == 0
    assert "left out: rows 2-3" in capsys.readouterr().out
    assert dump(team_file) == before


def test_refused_plan_lists_every_problem_and_changes_nothing(team_file, tmp_path, capsys):
    path = tmp_path / "buruk.csv"
    path.write_text(
        "tanggal;platform;akun;teks\n"
        "31/02/2026;instagram;bmsn_ri;Tanggal mustahil\n"
        "20/11/2026;instagram;Instagram BMSN;Akun asing\n"
        "21/11/2026;instagram;bmsn_ri;Baris baik\n",
        encoding="utf-8",
    )
    before = dump(team_file)
    assert run("import-plan", str(path), "--db", str(team_file)) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{path}:2:tanggal: ")
    assert err[1].startswith(f"{path}:3:akun: ") and "instagram:Instagram BMSN" in err[1]
    assert "2 problems" in err[-1]
    assert dump(team_file) == before
    code = run(
        "import-plan",
        str(path),
        "--db",
        str(team_file),
        "--map-account",
        "instagram:Instagram BMSN=instagram:bmsn_ri",
    )
    assert code == 1 and len(capsys.readouterr().err.splitlines()) == 2  # 31/02 remains


def test_map_account_and_date_order(team_file, tmp_path, capsys):
    path = tmp_path / "rencana.csv"
    path.write_text(
        "tanggal,akun,teks\n03/04/2026,Instagram BMSN,Satu\n05/06/2026,Instagram BMSN,Dua\n",
        encoding="utf-8",
    )
    assert run("import-plan", str(path), "--db", str(team_file)) == 1
    err = capsys.readouterr().err
    assert "--date-order" in err
    mapped = ("--map-account", "Instagram BMSN=instagram:bmsn_ri")
    assert (
        run("import-plan", str(path), "--db", str(team_file), *mapped, "--date-order", "mdy") == 0
    )
    with sqlite3.connect(team_file) as conn:
        days = [r[0][:10] for r in conn.execute("SELECT planned_at FROM post_variants")]
    assert days == ["2026-03-04", "2026-05-06"]
    assert run("import-plan", str(path), "--db", str(team_file), "--map-account", "oops") == 2
    bad = ("--map-account", "Instagram BMSN=tiktok:nobody")
    assert run("import-plan", str(path), "--db", str(team_file), *bad) == 2


def test_import_plan_takes_the_writer_lock(team_file, tmp_path, capsys):
    path = tmp_path / "rencana.csv"
    path.write_text(PLAN, encoding="utf-8")
    before = dump(team_file)
    with DatabaseLock(team_file):  # the app has it open
        assert run("import-plan", str(path), "--db", str(team_file)) == 1
    assert dump(team_file) == before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_what_export_posts_writes_imports_back_into_an_empty_file(
    demo_path, tmp_path, suffix, capsys
):
    exported = tmp_path / f"posts{suffix}"
    assert run("export", "posts", "--db", str(demo_path), "--out", str(exported)) == 0
    empty = tmp_path / "kosong.sqlite"
    with (
        open_database(demo_path, read_only=True) as source,
        open_database(empty, create=True) as target,
    ):
        for account in accounts.list_all(source, include_archived=True):
            copy = accounts.create(
                target, platform=account.platform, handle=account.handle, peer=account.peer
            )
            if account.archived:
                accounts.set_archived(target, copy.id, True)
        for member in members.list_all(source, include_inactive=True):
            members.create(target, member.name, member.role)
    assert run("import-plan", str(exported), "--db", str(empty)) == 0
    again = tmp_path / f"again{suffix}"
    assert run("export", "posts", "--db", str(empty), "--out", str(again)) == 0
    capsys.readouterr()
    from core.importing.read import read

    original, back = read(exported), read(again)
    status = original.headers.index("status")
    expected = [
        [
            "review" if i == status and cell in ("approved", "scheduled") else cell
            for i, cell in enumerate(cells)
        ]
        for _line, cells in original.rows
    ]
    assert back.headers == original.headers
    # the same rows; variants at the same minute on one platform may come in another order
    assert sorted(map(repr, (cells for _line, cells in back.rows))) == sorted(map(repr, expected))
    assert run("import-plan", str(exported), "--db", str(empty)) == 0  # nothing new
    assert "already in Linimasa: 305" in capsys.readouterr().out


def test_a_dry_run_refuses_notes_too_long_at_their_row_and_column(team_file, tmp_path, capsys):
    path = tmp_path / "rencana.csv"
    path.write_text(
        f"tanggal;platform;akun;teks;catatan\n20/11/2026;instagram;bmsn_ri;Satu;{'c' * 10001}\n",
        encoding="utf-8",
    )
    before = dump(team_file)
    assert run("import-plan", str(path), "--db", str(team_file), "--dry-run") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{path}:2:catatan: ") and "10000" in err[0]
    assert run("import-plan", str(path), "--db", str(team_file)) == 1
    assert dump(team_file) == before
