"""`main.py import FILE... --db DB`: all or nothing, never prompts, every problem on stderr
as FILE:ROW:COLUMN: message, exit 0 / 1 / 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main
from core import accounts, metrics
from core.db import open_database

DATA = Path(__file__).resolve().parent / "data" / "import"


@pytest.fixture
def team_file(db):
    instagram = accounts.create(db, platform="instagram", handle="humas_kota")
    accounts.create(db, platform="facebook", handle="humas_kota")
    x = accounts.create(db, platform="x", handle="bmsn_ri")
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": instagram.id, "date": "2026-07-31", "followers": 75000, "reach": 9},
            {"account_id": x.id, "date": "2026-09-01", "followers": 1400, "engagements": 0},
        ],
    )
    path = db.path
    db.close()
    return path


def run(*argv: str) -> int:
    return main.main(["--lang", "en", *argv])


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM account_snapshots ORDER BY id").fetchall()


def test_import_prints_the_summary_and_writes(team_file, capsys):
    code = run("import", str(DATA / "indonesia_titik_koma.csv"), "--db", str(team_file))
    out = capsys.readouterr().out
    assert code == 0
    assert "Rows to add: 3" in out and "3 rows added, 0 changed" in out
    assert len(dump(team_file)) == 5
    assert run("import", str(DATA / "indonesia_titik_koma.csv"), "--db", str(team_file)) == 0
    assert "unchanged: 3" in capsys.readouterr().out


def test_refused_import_lists_every_problem_and_changes_nothing(team_file, tmp_path, capsys):
    bad = tmp_path / "buruk.csv"
    bad.write_text(
        "platform;akun;tanggal;pengikut;jangkauan\n"
        "x;bmsn_ri;15/10/2026;1.500;10\n"
        "x;bmsn_ri;31/02/2021;1.500;-3\n"
        "x;bmsn_ri;02/10/2026;banyak;\n",
        encoding="utf-8",
    )
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    before = dump(team_file)
    code = run("import", str(bad), str(empty), "--db", str(team_file))
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert f"{bad}:3:tanggal: 31/02/2021 is not a date (or not a real one)" in err
    assert f"{bad}:3:jangkauan: a count cannot be negative: -3" in err
    assert f"{bad}:4:pengikut: not a number: banyak" in err
    assert f"{empty}: the file is empty" in err
    assert "Nothing was imported: 4 problems." in err
    assert dump(team_file) == before


def test_unknown_headers_are_refused_by_name(team_file, tmp_path, capsys):
    path = tmp_path / "asing.csv"
    path.write_text("akun,tanggal,pengikut,Suka\nbmsn_ri,2026-10-01,5,3\n", encoding="utf-8")
    assert run("import", str(path), "--db", str(team_file)) == 1
    assert f"{path}:1:Suka: unknown column" in capsys.readouterr().err


def test_round_trip_export_then_import_gives_the_same_data(team_file, tmp_path, capsys):
    assert run("import", str(DATA / "indonesia_titik_koma.csv"), "--db", str(team_file)) == 0
    for suffix in (".csv", ".xlsx"):
        exported = tmp_path / f"metrik{suffix}"
        assert run("export", "metrics", "--db", str(team_file), "--out", str(exported)) == 0
        copy = tmp_path / f"salinan{suffix}.sqlite"
        fresh = open_database(copy, create=True)
        for account in (("instagram", "humas_kota"), ("facebook", "humas_kota"), ("x", "bmsn_ri")):
            accounts.create(fresh, platform=account[0], handle=account[1])
        fresh.close()
        capsys.readouterr()
        assert run("import", str(exported), "--db", str(copy)) == 0
        assert "Rows to add: 5" in capsys.readouterr().out
        again = tmp_path / f"lagi{suffix}"
        assert run("export", "metrics", "--db", str(copy), "--out", str(again)) == 0
        if suffix == ".csv":
            assert again.read_bytes() == exported.read_bytes()
        assert run("import", str(exported), "--db", str(team_file)) == 0
        assert "unchanged: 5" in capsys.readouterr().out


def test_ambiguous_dates_need_date_order(team_file, capsys):
    path = str(DATA / "tanggal_ambigu.csv")
    assert run("import", path, "--account", "x:bmsn_ri", "--db", str(team_file)) == 1
    assert "--date-order" in capsys.readouterr().err
    assert (
        run("import", path, "--account", "x:bmsn_ri", "--date-order", "mdy", "--db", str(team_file))
        == 0
    )
    dates = {row[3] for row in dump(team_file)}
    assert {"2026-01-02", "2026-03-04", "2026-05-06"} <= dates


def test_account_on_several_platforms_names_the_choices(team_file, tmp_path, capsys):
    path = tmp_path / "satu-akun.csv"
    path.write_text("tanggal,pengikut\n2026-10-01,76670\n", encoding="utf-8")
    assert run("import", str(path), "--account", "humas_kota", "--db", str(team_file)) == 1
    err = capsys.readouterr().err
    assert "instagram:humas_kota" in err and "facebook:humas_kota" in err
    assert run("import", str(path), "--account", "fb:humas_kota", "--db", str(team_file)) == 0


def test_create_accounts_and_dry_run(team_file, tmp_path, capsys):
    path = tmp_path / "baru.csv"
    path.write_text("platform,handle,date,followers\ntiktok,kota_baru,2026-10-01,12\n")
    before = dump(team_file)
    assert run("import", str(path), "--db", str(team_file)) == 1
    assert "tiktok:kota_baru" in capsys.readouterr().err
    assert run("import", str(path), "--create-accounts", "--dry-run", "--db", str(team_file)) == 0
    out = capsys.readouterr().out
    assert "Rows to add: 1" in out and "tiktok:kota_baru" in out and "nothing was written" in out
    assert dump(team_file) == before
    with sqlite3.connect(team_file) as conn:
        assert conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == 3
    assert run("import", str(path), "--create-accounts", "--db", str(team_file)) == 0
    assert len(dump(team_file)) == len(before) + 1


def test_followers_only_file_keeps_stored_reach(team_file, tmp_path):
    path = tmp_path / "pengikut.csv"
    path.write_text("platform,akun,tanggal,pengikut\ninstagram,humas_kota,31/07/2026,75500\n")
    assert run("import", str(path), "--db", str(team_file)) == 0
    with sqlite3.connect(team_file) as conn:
        row = conn.execute(
            "SELECT followers, reach FROM account_snapshots WHERE date = '2026-07-31'"
        ).fetchone()
    assert row == (75500, 9)


def test_usage_mistakes_exit_2(team_file, capsys):
    path = str(DATA / "indonesia_titik_koma.csv")
    assert run("import", path, "--account", "myspace:abc", "--db", str(team_file)) == 2
    assert "myspace" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        run("import", path, "--date-order", "dym", "--db", str(team_file))
    assert stop.value.code == 2


def test_import_takes_the_writer_lock(team_file, capsys):
    from core.lock import DatabaseLock

    lock = DatabaseLock(team_file, "app")
    lock.acquire()
    try:
        before = dump(team_file)
        assert run("import", str(DATA / "indonesia_titik_koma.csv"), "--db", str(team_file)) == 1
        assert dump(team_file) == before
    finally:
        lock.release()


PLATFORMS = Path(__file__).resolve().parent / "fixtures" / "platforms"


@pytest.fixture
def office_file(db):
    accounts.create(db, platform="instagram", handle="diskominfo.contoh")
    accounts.create(db, platform="youtube", handle="diskominfokotacontoh")
    path = db.path
    db.close()
    return path


def test_a_platform_export_says_its_format_and_columns_then_exports_per_post(
    office_file, tmp_path, capsys
):
    file = str(PLATFORMS / "meta_instagram_posts.csv")
    assert run("import", file, "--db", str(office_file), "--format", "meta", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Meta Business Suite: Instagram posts" in out and "Left out: Account ID" in out
    assert "Posts to add: 3" in out and "published outside the plan: 3" in out
    assert run("import", file, "--db", str(office_file)) == 0
    assert "Imported posts: 3 added, 0 changed." in capsys.readouterr().out
    out_file = tmp_path / "unggahan.csv"
    code = run(
        "export", "post-metrics", "--db", str(office_file), "--out", str(out_file),
        "--from", "2026-10-10", "--to", "2026-10-31",
    )  # fmt: skip
    assert code == 0
    lines = out_file.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[:8] == [
        "unit", "platform", "handle", "post_id", "url", "published_at", "date", "reach",
    ]  # fmt: skip
    assert [line.split(",")[3] for line in lines[1:]] == ["18034567890123456", "18123456789012345"]


def test_a_youtube_zip_imports_through_the_cli(office_file, capsys):
    code = run("import", str(PLATFORMS / "youtube_export.zip"), "--db", str(office_file))
    assert code == 0, capsys.readouterr().err
    with sqlite3.connect(office_file) as conn:
        assert conn.execute("SELECT count(*) FROM post_metrics").fetchone() == (3,)
        assert conn.execute(
            "SELECT count(*) FROM account_snapshots WHERE followers IS NULL"
        ).fetchone() == (5,)


def test_a_file_with_the_wrong_platform_format_forced_is_refused_unchanged(office_file, capsys):
    before = dump(office_file)
    file = str(PLATFORMS / "meta_instagram_posts.csv")
    assert run("import", file, "--db", str(office_file), "--format", "tiktok") == 1
    assert "lacks its key columns" in capsys.readouterr().err
    assert dump(office_file) == before
