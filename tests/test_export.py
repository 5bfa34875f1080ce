"""`export KIND`: one command, kinds from several modules, one writer (CSV with BOM or XLSX,
formula-safe, all or nothing)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys

import pytest

import main
from core import accounts, metrics
from core.cli import export as export_cli
from core.errors import CannotWrite, OutputExists, OutputIsFolder, UsageError
from core.tabular import Table, unneutralise, write_table

TRAPS = ('=HYPERLINK("http://x")', "+62 21 555", "-50% hari ini", "@bmsn", "\tTab", "\rCR")


@pytest.fixture
def team_file(db):
    # (names are stored trimmed, so the tab and CR traps are tried on the writer below)
    for number, text in enumerate(TRAPS[:4]):
        accounts.create(db, platform="facebook", handle=f"akun{number}", display_name=text)
    account = accounts.create(db, platform="instagram", handle="bmsn_ri", display_name="BMSN")
    metrics.upsert_snapshots(
        db,
        [
            {"account_id": account.id, "date": "2026-10-01", "followers": 163112, "reach": 5},
            {"account_id": account.id, "date": "2026-11-01", "followers": 164000},
        ],
    )
    path = db.path
    db.close()
    return path


def run_cli(*argv: str) -> int:
    return main.main(["--lang", "id", *argv])


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_accounts_to_csv_is_formula_safe_with_plain_counts(team_file, tmp_path, capsys):
    out = tmp_path / "akun.csv"
    assert run_cli("export", "accounts", "--db", str(team_file), "--out", str(out)) == 0
    rows = read_csv(out)
    assert rows[0][:3] == ["platform", "handle", "display_name"]
    names = {row[1]: row[2] for row in rows[1:]}
    for number, text in enumerate(TRAPS[:4]):
        assert names[f"akun{number}"] == "'" + text
    assert rows[0] == [
        "platform", "handle", "display_name", "unit", "responsible", "url", "start_date",
        "peer", "archived", "security_status", "followers", "followers_date",
    ]  # fmt: skip
    instagram = dict(zip(rows[0], next(row for row in rows if row[1] == "bmsn_ri"), strict=True))
    assert instagram["followers"] == "164000" and instagram["followers_date"] == "2026-11-01"
    assert (instagram["peer"], instagram["archived"]) == ("false", "false")
    assert instagram["security_status"] == "unchecked"
    assert "5 baris" in capsys.readouterr().out


def test_metrics_to_xlsx_keeps_numbers_dates_and_text_apart(team_file, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "metrik.xlsx"
    assert run_cli("--db", str(team_file), "export", "metrics", "--out", str(out)) == 0
    sheet = load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["unit", "platform", "handle", "date", "followers"]
    first = [cell.value for cell in sheet[2]]
    assert first[2] == "bmsn_ri"
    assert first[3] == dt.datetime(2026, 10, 1)
    assert first[4] == 163112 and isinstance(first[4], int)
    assert first[5] == 5
    assert sheet.max_row == 3


def test_metrics_period_filters_by_day(team_file, tmp_path):
    out = tmp_path / "metrik.csv"
    argv = ["export", "metrics", "--db", str(team_file), "--out", str(out), "--from", "2026-10-15"]
    assert run_cli(*argv) == 0
    assert [row[3] for row in read_csv(out)[1:]] == ["2026-11-01"]


def test_xlsx_text_that_looks_like_a_formula_stays_text(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "x.xlsx"
    write_table(Table("Akun", ["text"], [[text] for text in TRAPS]), out)
    cells = [row[0] for row in load_workbook(out).active.iter_rows(min_row=2)]
    # (XML turns a lone CR into a line break; it is still text, not a formula)
    assert [cell.value for cell in cells] == [t.replace("\r", "\n") for t in TRAPS]
    assert all(cell.data_type == "s" for cell in cells)


@pytest.mark.parametrize("name", ["akun.txt", "akun", "akun.xls"])
def test_an_unknown_extension_is_a_usage_error_and_writes_nothing(team_file, tmp_path, name):
    out = tmp_path / name
    assert run_cli("export", "accounts", "--db", str(team_file), "--out", str(out)) == 2
    assert not out.exists()


def test_an_existing_file_is_kept_unless_forced(team_file, tmp_path):
    out = tmp_path / "akun.csv"
    out.write_text("punya saya")
    assert run_cli("export", "accounts", "--db", str(team_file), "--out", str(out)) == 1
    assert out.read_text() == "punya saya"
    argv = ["export", "accounts", "--db", str(team_file), "--out", str(out), "--force"]
    assert run_cli(*argv) == 0
    assert read_csv(out)[0][0] == "platform"


def test_a_failure_half_way_leaves_no_file_and_the_old_one_intact(tmp_path):
    out = tmp_path / "akun.csv"
    out.write_text("lama")
    written = 0

    def tick():
        nonlocal written
        written += 1
        if written == 50:
            raise KeyboardInterrupt

    table = Table("x", ["n"], ([n] for n in range(1000)))
    with pytest.raises(KeyboardInterrupt):
        write_table(table, out, tick=tick)
    assert out.read_text() == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["akun.csv"]


def test_csv_neutralises_every_formula_start_and_reads_back(tmp_path):
    out = tmp_path / "x.csv"
    texts = [*TRAPS, "'=kutipan", "aman"]
    write_table(Table("Akun", ["text"], [[text] for text in texts] + [[-5]]), out)
    cells = [row[0] for row in read_csv(out)[1:]]
    assert cells[: len(TRAPS)] == ["'" + t for t in TRAPS]
    assert cells[-1] == "-5"  # a number is a number
    assert [unneutralise(cell) for cell in cells[:-1]] == texts


def test_xlsx_takes_text_with_control_characters(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "x.xlsx"
    write_table(Table("Akun", ["text"], [["Biro\x0bHumas"], ["baris\nbaru"]]), out)
    values = [row[0].value for row in load_workbook(out).active.iter_rows(min_row=2)]
    assert values == ["Biro Humas", "baris\nbaru"]


def test_a_folder_or_a_missing_folder_is_named(tmp_path):
    table = Table("x", ["n"], [[1]])
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(OutputIsFolder):
        write_table(table, tmp_path / "folder.csv")
    with pytest.raises(CannotWrite) as info:
        write_table(table, tmp_path / "nope" / "x.csv")
    assert "nope" in str(info.value)
    with pytest.raises(OutputExists):
        (tmp_path / "y.csv").write_text("")
        write_table(table, tmp_path / "y.csv", overwrite=False)
    with pytest.raises(UsageError):
        write_table(table, tmp_path / "y.pdf")


def test_kinds_register_from_any_module_including_a_test(monkeypatch, team_file, tmp_path):
    monkeypatch.setattr(export_cli, "EXPORTS", dict(export_cli.EXPORTS))

    @export_cli.export_kind("dummy", "a kind registered by a test")
    def dummy(db, args: argparse.Namespace) -> Table:
        return Table("Dummy", ["answer"], [[42]])

    parser = main.build_parser()
    kinds = main._subcommands(main._subcommands(parser)["export"])
    # accounts and metrics come from two different command modules
    assert {"accounts", "metrics", "dummy"} <= set(kinds)
    out = tmp_path / "d.csv"
    assert run_cli("export", "dummy", "--db", str(team_file), "--out", str(out)) == 0
    assert read_csv(out) == [["answer"], ["42"]]


def test_a_helper_module_without_register_does_not_break_the_parser(monkeypatch, tmp_path):
    package = tmp_path / "extra_commands"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "helpers.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(main, "COMMAND_PACKAGES", (*main.COMMAND_PACKAGES, "extra_commands"))
    parser = main.build_parser()
    assert "export" in main._subcommands(parser)
    sys.modules.pop("extra_commands.helpers", None)
    sys.modules.pop("extra_commands", None)


def test_a_second_registration_of_a_name_is_refused(monkeypatch):
    monkeypatch.setattr(export_cli, "EXPORTS", dict(export_cli.EXPORTS))
    with pytest.raises(ValueError):
        export_cli.export_kind("accounts", "again")(lambda db, args: None)


def test_usage_lines_show_db_as_required(capsys):
    with pytest.raises(SystemExit):
        run_cli("export", "accounts", "--help")
    usage = capsys.readouterr().out.splitlines()[0]
    assert "--db FILE" in usage and "[--db FILE]" not in usage


@pytest.fixture
def calendar_file(db, without_checklist):
    from core import members, posts, settings, workflow

    settings.set(db, "institution.timezone", "Asia/Makassar")  # WITA: times are read there
    editor = members.create(db, "Dimas Prasetyo", "editor")
    chief = members.create(db, "Hartini Susanto", "approver")
    ig = accounts.create(db, platform="instagram", handle="bmsn_ri")
    x = accounts.create(db, platform="x", handle="bmsn_ri")
    post = posts.create(
        db, "Hari Guru", owner_id=editor.id, approver_id=chief.id, campaign="Bulan Mutu"
    )
    early = posts.add_variant(
        db, post.id, ig.id, "=1+1 bukan rumus", "review", "2026-11-25 09:00", hashtags="#Guru"
    )
    workflow.approve(db, early.id, chief.id)
    workflow.transition(
        db,
        early.id,
        "published",
        published_at=dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.UTC),  # 07:30 WITA next day
        url="https://www.instagram.com/p/abc/",
    )
    posts.add_variant(db, post.id, x.id, "Selamat Hari Guru", "draft", "2026-11-30 23:59")
    later = posts.create(db, "Tahun Baru")
    posts.add_variant(db, later.id, x.id, "", "idea", "2026-12-01 00:00")
    undated = posts.create(db, "Ide tanpa tanggal")
    posts.add_variant(db, undated.id, ig.id)
    path = db.path
    db.close()
    return path


def test_posts_one_row_per_variant_in_local_time(calendar_file, tmp_path):
    out = tmp_path / "posting.csv"
    argv = ["export", "posts", "--db", str(calendar_file), "--out", str(out)]
    assert run_cli(*argv, "--from", "2026-11-01", "--to", "2026-11-30") == 0
    rows = read_csv(out)
    assert rows[0] == [
        "date", "time", "account", "platform", "status", "title", "text", "hashtags",
        "pillar", "campaign", "assignee", "approver", "url",
    ]  # fmt: skip
    got = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(r["date"], r["time"], r["platform"], r["status"]) for r in got] == [
        ("2026-11-25", "07:30", "instagram", "published"),  # the day it went out, in WITA
        ("2026-11-30", "23:59", "x", "draft"),  # the last day is included; 1 December is not
    ]
    first = got[0]
    assert first["text"] == "'=1+1 bukan rumus"  # a spreadsheet will not run it
    assert (first["assignee"], first["approver"], first["campaign"]) == (
        "Dimas Prasetyo",
        "Hartini Susanto",
        "Bulan Mutu",
    )
    assert first["url"] == "https://www.instagram.com/p/abc/" and first["hashtags"] == "#Guru"
    assert run_cli(*argv, "--force") == 0
    everything = read_csv(out)[1:]
    assert len(everything) == 4 and everything[-1][:2] == ["", ""]  # undated: last, no day


def test_posts_period_the_wrong_way_round_is_a_usage_error(calendar_file, tmp_path, capsys):
    out = tmp_path / "posting.xlsx"
    argv = ["export", "posts", "--db", str(calendar_file), "--out", str(out)]
    assert run_cli(*argv, "--from", "2026-12-01", "--to", "2026-11-01") == 2
    assert "2026-12-01" in capsys.readouterr().err and not out.exists()


def test_negative_numbers_stay_numbers(tmp_path):
    """Only text is neutralised: a count or a change below zero is written as a number."""
    import decimal

    from openpyxl import load_workbook

    values = [-5, -2.5, decimal.Decimal("-3.4"), "-5"]
    table = Table("Growth", ["a", "b", "c", "text"], [values])
    write_table(table, tmp_path / "g.csv")
    assert read_csv(tmp_path / "g.csv")[1] == ["-5", "-2.5", "-3.4", "'-5"]
    write_table(table, tmp_path / "g.xlsx")
    sheet = load_workbook(tmp_path / "g.xlsx").active
    assert [cell.value for cell in sheet[2]] == [-5, -2.5, -3.4, "-5"]
    assert [cell.data_type for cell in sheet[2]] == ["n", "n", "n", "s"]


def test_every_export_kind_writes_through_the_formula_safe_writer():
    """A kind returns a Table and never writes a file itself (core.tabular does); only a
    folder of tables, or a file that is no table (a unit's package), is written otherwise."""
    main.build_parser()
    for kind in export_cli.EXPORTS.values():
        table = "Table" in str(kind.run.__annotations__.get("return"))
        assert kind.folder or kind.own_file or table, kind.name
    assert [k.name for k in export_cli.EXPORTS.values() if k.own_file] == ["unit"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_metrics_round_trip_through_the_importer(team_file, tmp_path, suffix):
    """Exported figures imported into an empty file with the same accounts give the same rows."""
    from core import importing
    from core.db import open_database

    out = tmp_path / f"metrik{suffix}"
    assert run_cli("export", "metrics", "--db", str(team_file), "--out", str(out)) == 0
    again = tmp_path / "baru.sqlite"
    with (
        open_database(team_file, read_only=True) as source,
        open_database(again, create=True) as target,
    ):
        for account in accounts.list_all(source, include_archived=True):
            accounts.create(
                target,
                platform=account.platform,
                handle=account.handle,
                display_name=account.display_name,
            )
        plan = importing.plan(target, [out])
        assert plan.ok, plan.problems
        importing.write(target, plan)

        def figures(db):
            return sorted(
                (a.platform, a.handle, s.date, s.followers, s.reach, s.impressions)
                + (s.engagements, s.posts_published)
                for a in accounts.list_all(db, include_archived=True)
                for s in metrics.snapshots(db, a.id)
            )

        assert figures(target) == figures(source)
        assert len(figures(source)) == 2
    second = tmp_path / f"lagi{suffix}"
    assert run_cli("export", "metrics", "--db", str(again), "--out", str(second)) == 0
    if suffix == ".csv":
        assert read_csv(second) == read_csv(out)
