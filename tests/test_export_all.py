"""`export all`: every table as a CSV file with a README of the columns, written all or
nothing, so that a team can always take its data elsewhere."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

import main
from core import accounts, metrics, units
from core.cli import export_all
from core.db import open_database
from core.tabular import unneutralise

TRAP = '=HYPERLINK("http://x", "klik")'


@pytest.fixture
def team_file(db):
    unit = units.create(db, "Biro Humas — Ü")
    account = accounts.create(
        db, platform="instagram", handle="bmsn_ri", display_name=TRAP, unit_id=unit.id
    )
    accounts.create(db, platform="x", handle="bmsn_ri", display_name="-50% hari ini")
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2019-01-31", "followers": 52300},
            {"account_id": account.id, "date": "2019-08-31", "followers": 76670, "reach": 5},
        ],
    )
    path = db.path
    db.close()
    return path


def run_cli(*argv: str) -> int:
    return main.main(["--lang", "en", *argv])


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def stored(path, table: str) -> tuple[list[str], list[list[str]]]:
    """A table's columns and rows as the export should write them (text, None as empty)."""
    conn = sqlite3.connect(path)
    try:
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        rows = [["" if v is None else str(v) for v in row] for row in cursor]
        return [d[0] for d in cursor.description], rows
    finally:
        conn.close()


def test_every_table_is_written_as_it_is_stored(team_file, tmp_path, capsys):
    out = tmp_path / "semua data"
    assert run_cli("export", "all", "--db", str(team_file), "--out", str(out)) == 0
    with open_database(team_file, read_only=True) as handle:
        tables = export_all.table_names(handle)
    assert "accounts" in tables and "account_snapshots" in tables and len(tables) > 15
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.csv" for t in tables] + ["README.txt", export_all.MARKER]
    )
    for table in tables:
        columns, rows = stored(team_file, table)
        written = read_csv(out / f"{table}.csv")
        assert written[0] == columns
        # (rows come in the order of the table's key: settings by name)
        assert sorted([unneutralise(v) for v in row] for row in written[1:]) == sorted(rows)
    printed = capsys.readouterr().out
    assert f"{len(tables) + 1} files" in printed and str(out) in printed
    assert sorted(p.name for p in team_file.parent.iterdir()) == ["semua data", team_file.name]


def test_formulas_are_neutralised_and_numbers_are_not(team_file, tmp_path):
    out = tmp_path / "ekspor"
    export_all_to(team_file, out)
    rows = read_csv(out / "accounts.csv")
    names = [row[rows[0].index("display_name")] for row in rows[1:]]
    assert names == ["'" + TRAP, "'-50% hari ini"]
    snapshots = read_csv(out / "account_snapshots.csv")
    assert [row[snapshots[0].index("followers")] for row in snapshots[1:]] == ["52300", "76670"]


def test_readme_lists_every_table_and_column(team_file, tmp_path):
    out = tmp_path / "ekspor"
    export_all_to(team_file, out)
    text = (out / "README.txt").read_bytes().decode("utf-8-sig")
    assert str(team_file) in text
    for table in (p.stem for p in out.glob("*.csv")):
        assert f"\r\n{table}.csv\r\n" in text
        columns, rows = stored(team_file, table)
        section = text.split(f"\r\n{table}.csv\r\n", 1)[1].split("\r\n\r\n", 1)[0]
        for column in columns:
            assert f"  - {column} (" in section, (table, column)
    accounts_part = text.split("\r\naccounts.csv\r\n", 1)[1].split("\r\n\r\n", 1)[0]
    assert "2 rows" in accounts_part
    assert "- unit_id (INTEGER, refers to units.id)" in accounts_part
    assert "- platform (TEXT, required): the platform, one of: facebook, instagram" in text


def export_all_to(path, out, *more: str) -> int:
    return run_cli("export", "all", "--db", str(path), "--out", str(out), *more)


def test_an_existing_folder_is_kept_unless_forced(team_file, tmp_path, capsys):
    out = tmp_path / "ekspor"
    assert export_all_to(team_file, out) == 0
    (out / "accounts.csv").write_text("old", encoding="utf-8")
    capsys.readouterr()
    assert export_all_to(team_file, out) == 1
    assert str(out) in capsys.readouterr().err
    assert (out / "accounts.csv").read_text(encoding="utf-8") == "old"
    assert export_all_to(team_file, out, "--force") == 0
    assert read_csv(out / "accounts.csv")[0][0] == "id"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["ekspor", team_file.name])


def test_an_empty_folder_is_filled(team_file, tmp_path):
    out = tmp_path / "kosong"
    out.mkdir()
    assert export_all_to(team_file, out) == 0
    assert (out / "README.txt").exists()


def test_force_never_replaces_a_folder_of_other_files(team_file, tmp_path, capsys):
    documents = tmp_path / "Dokumen"
    documents.mkdir()
    (documents / "laporan.docx").write_bytes(b"penting")
    (documents / "README.txt").write_text("x", encoding="utf-8")
    assert export_all_to(team_file, documents, "--force") == 1
    assert str(documents) in capsys.readouterr().err
    assert sorted(p.name for p in documents.iterdir()) == ["README.txt", "laporan.docx"]


def test_force_never_replaces_a_folder_that_only_looks_like_an_export(team_file, tmp_path):
    notes = tmp_path / "catatan"
    notes.mkdir()
    (notes / "README.txt").write_text("catatan saya", encoding="utf-8")
    (notes / "instagram_agustus.csv").write_text("tanggal,pengikut\n", encoding="utf-8")
    assert export_all_to(team_file, notes, "--force") == 1
    assert (notes / "instagram_agustus.csv").exists()


@pytest.mark.parametrize("case", ["a file", "missing parent"])
def test_an_unusable_target_is_named(team_file, tmp_path, capsys, case):
    out = tmp_path / "ekspor.csv"
    if case == "a file":
        out.write_text("x", encoding="utf-8")
    else:
        out = tmp_path / "tidak ada" / "ekspor"
    assert export_all_to(team_file, out) == 1
    assert str(out) in capsys.readouterr().err


def test_a_failure_half_way_leaves_the_earlier_export(team_file, tmp_path, monkeypatch):
    out = tmp_path / "ekspor"
    assert export_all_to(team_file, out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    written = []
    real = export_all.write_csv

    def fail_on_third(table, path, tick=None):
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(table.title)
        return real(table, path, tick)

    monkeypatch.setattr(export_all, "write_csv", fail_on_third)
    assert export_all_to(team_file, out, "--force") == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["ekspor", team_file.name])
    assert export_all_to(team_file, tmp_path / "baru") == 1
    assert not (tmp_path / "baru").exists()


def test_export_reads_one_moment_and_leaves_no_transaction(team_file, tmp_path):
    with open_database(team_file, read_only=True) as handle:
        export_all.write_all(handle, tmp_path / "ekspor")
        assert not handle.conn.in_transaction
