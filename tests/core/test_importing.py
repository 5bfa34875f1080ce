"""The metrics import pipeline (core.importing): what a humas admin's spreadsheet gives,
what is refused (naming file, row and column) and that a refused or cancelled import leaves
the database exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core import accounts, importing, metrics
from core.progress import Cancelled, Progress

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


@pytest.fixture
def team(db):
    ids = {
        "instagram": accounts.create(db, platform="instagram", handle="humas_kota").id,
        "facebook": accounts.create(db, platform="facebook", handle="humas_kota").id,
        "x": accounts.create(db, platform="x", handle="bmsn_ri").id,
    }
    return db, ids


def dump(db) -> list[tuple]:
    return [tuple(r) for r in db.query("SELECT * FROM account_snapshots ORDER BY id")]


def write_csv(tmp_path: Path, text: str, name: str = "data.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def refused(db, paths, options=None) -> importing.Plan:
    """The plan has problems, and write() refuses it without touching the database."""
    before = dump(db)
    plan = importing.plan(db, paths, options or importing.Options())
    assert not plan.ok
    with pytest.raises(importing.ImportRefused):
        importing.write(db, plan)
    assert dump(db) == before
    return plan


def only_problem(plan: importing.Plan) -> importing.Problem:
    assert len(plan.problems) == 1, plan.problems
    return plan.problems[0]


def test_indonesian_semicolon_file_with_bom(team):
    db, ids = team
    plan = importing.plan(db, [DATA / "indonesia_titik_koma.csv"], importing.Options())
    assert plan.ok, plan.problems
    assert plan.format_names == ["generic"]
    assert (len(plan.adds), len(plan.changes), plan.unchanged) == (3, 0, 0)
    assert importing.write(db, plan) == importing.Result(3, 0)
    august = metrics.snapshot_on(db, ids["instagram"], "2026-08-31")
    assert (august.followers, august.reach, august.impressions, august.engagements) == (
        76670,
        12500,
        None,  # "—" is no value, never zero
        1234,
    )
    assert august.posts_published == 12
    september = metrics.snapshot_on(db, ids["instagram"], "2026-09-30")
    assert (september.followers, september.reach, september.engagements) == (77010, None, None)
    assert metrics.snapshot_on(db, ids["facebook"], "2026-09-30").followers == 10500


def test_excel_utf16_with_sep_line_and_headers_in_any_case(team):
    db, ids = team
    plan = importing.plan(db, [DATA / "excel_utf16.csv"])
    assert plan.ok, plan.problems
    importing.write(db, plan)
    assert [(s.date, s.followers, s.reach) for s in metrics.snapshots(db, ids["x"])] == [
        ("2026-10-01", 1520, 400),
        ("2026-10-02", 1530, None),
    ]


def test_xlsx_with_real_dates_and_numbers(team, tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    db, ids = team
    book = Workbook()
    book.active.title = "Catatan"
    book.active.append(["keterangan"])  # a first sheet that is not ours
    sheet = book.create_sheet("Metrik")
    sheet.append(["Platform", "Akun", "Tanggal", "Pengikut", "Jangkauan"])
    sheet.append(["X", "bmsn_ri", dt.datetime(2026, 9, 1), 1500, None])
    sheet.append(["X", "bmsn_ri", "15/09/2026", "1.510", "—"])
    path = tmp_path / "metrik.xlsx"
    book.save(path)
    plan = importing.plan(db, [path])
    assert plan.ok, plan.problems
    importing.write(db, plan)
    assert [(s.date, s.followers) for s in metrics.snapshots(db, ids["x"])] == [
        ("2026-09-01", 1500),
        ("2026-09-15", 1510),
    ]


def test_importing_twice_changes_nothing_the_second_time(team):
    db, _ids = team
    path = DATA / "indonesia_titik_koma.csv"
    importing.write(db, importing.plan(db, [path]))
    before = dump(db)
    again = importing.plan(db, [path])
    assert (again.adds, again.changes, again.unchanged) == ([], [], 3)
    assert importing.write(db, again) == importing.Result(0, 0)
    assert dump(db) == before


def test_followers_only_file_keeps_reach_and_shows_old_and_new(team, tmp_path):
    db, ids = team
    metrics.upsert_snapshots(
        db, [{"account_id": ids["x"], "date": "2026-10-01", "followers": 1000, "reach": 77}]
    )
    path = write_csv(tmp_path, "platform,handle,date,followers\nx,bmsn_ri,2026-10-01,1100\n")
    plan = importing.plan(db, [path])
    assert plan.ok
    [(row, differ)] = plan.changes
    assert differ == {"followers": (1000, 1100)} and row.line == 2
    importing.write(db, plan)
    stored = metrics.snapshot_on(db, ids["x"], "2026-10-01")
    assert (stored.followers, stored.reach) == (1100, 77)


def test_account_option_for_a_file_without_account_columns(team, tmp_path):
    db, ids = team
    path = write_csv(tmp_path, "tanggal,pengikut\n2026-10-01,500\n")
    problem = only_problem(refused(db, [path], importing.Options(account="humas_kota")))
    assert "instagram:humas_kota" in problem.message and "facebook:humas_kota" in problem.message
    assert problem.file == str(path) and problem.row == 2
    asking = refused(db, [path])
    no_account = only_problem(asking)
    assert "--account" in no_account.message and no_account.row == 1
    assert asking.needs_account  # the app asks whose figures they are
    plan = importing.plan(db, [path], importing.Options(account="instagram:@humas_kota"))
    importing.write(db, plan)
    assert metrics.snapshot_on(db, ids["instagram"], "2026-10-01").followers == 500


def test_unknown_accounts_are_named_unless_created(team, tmp_path):
    db, _ids = team
    path = write_csv(
        tmp_path,
        "platform,handle,date,followers\ntiktok,kota_baru,2026-10-01,5\nyoutube,kanal,2026-10-01,9\n"
        "tiktok,kota_baru,2026-10-02,6\n",
    )
    plan = refused(db, [path])
    assert plan.unknown_accounts == ["tiktok:kota_baru", "youtube:kanal"]
    first, second = plan.problems  # once per account, at its first row
    assert (first.row, first.column, second.row) == (2, "handle", 3)
    assert "tiktok:kota_baru" in first.message and "2" in first.message
    assert "youtube:kanal" in second.message and "--create-accounts" in second.message
    plan = importing.plan(db, [path], importing.Options(create_accounts=True))
    assert plan.ok and plan.accounts_to_create == [("tiktok", "kota_baru"), ("youtube", "kanal")]
    assert importing.write(db, plan).added == 3
    created = {(a.platform, a.handle): a.id for a in accounts.list_all(db)}
    assert len(metrics.snapshots(db, created[("tiktok", "kota_baru")])) == 2


@pytest.mark.parametrize(
    ("cell", "column", "words"),
    [
        ("-5", "followers", "-5"),
        ("banyak", "followers", "banyak"),
        ("12,5%", "reach", "12,5%"),
        ("12.5", "reach", "12.5"),
    ],
)
def test_bad_counts_name_file_row_and_column(team, tmp_path, cell, column, words):
    db, _ids = team
    text = f'platform,handle,date,followers,reach\nx,bmsn_ri,2026-10-01,10,1\nx,bmsn_ri,2026-10-02,"{cell}","{cell}"\n'
    text = text.replace(
        f'"{cell}","{cell}"', f'"{cell}",1' if column == "followers" else f'10,"{cell}"'
    )
    plan = refused(db, [write_csv(tmp_path, text)])
    problem = only_problem(plan)
    assert (problem.row, problem.column) == (3, column)
    assert words.lower() in problem.message.lower()


def test_one_good_row_then_one_bad_row_writes_nothing(team, tmp_path):
    db, _ids = team
    path = write_csv(
        tmp_path,
        "platform,handle,date,followers\nx,bmsn_ri,2026-10-01,10\nx,bmsn_ri,2026-10-02,x\n",
    )
    plan = refused(db, [path])
    assert len(plan.adds) == 1  # the good row is previewed, but nothing goes in
    assert str(only_problem(plan)) == f"{path}:3:followers: " + plan.problems[0].message


def test_future_and_impossible_dates(team, tmp_path):
    db, _ids = team
    path = write_csv(
        tmp_path,
        "platform;handle;tanggal;pengikut\nx;bmsn_ri;31/02/2021;10\nx;bmsn_ri;01/01/2099;10\n"
        "x;bmsn_ri;31/08/2026;10\n",
    )
    plan = refused(db, [path])
    assert [(p.row, p.column) for p in plan.problems] == [(2, "tanggal"), (3, "tanggal")]
    assert "31/02/2021" in plan.problems[0].message
    assert "2099-01-01" in plan.problems[1].message


def test_ambiguous_dates_refused_then_read_in_the_order_given(team):
    db, ids = team
    path = DATA / "tanggal_ambigu.csv"
    plan = refused(db, [path], importing.Options(account="x:bmsn_ri"))
    assert plan.ambiguous_dates
    assert "--date-order" in only_problem(plan).message
    options = importing.Options(account="x:bmsn_ri", date_order="dmy")
    importing.write(db, importing.plan(db, [path], options))
    assert [s.date for s in metrics.snapshots(db, ids["x"])] == [
        "2026-02-01",
        "2026-04-03",
        "2026-06-05",
    ]


def test_one_date_that_reads_one_way_decides_the_file(team, tmp_path):
    db, ids = team
    path = write_csv(tmp_path, "tanggal,pengikut\n03/04/2026,1\n25/04/2026,2\n")
    plan = importing.plan(db, [path], importing.Options(account="x:bmsn_ri"))
    assert plan.ok and not plan.ambiguous_dates
    assert [r.date for r in plan.adds] == ["2026-04-03", "2026-04-25"]


def test_duplicates_within_and_across_files(team, tmp_path):
    db, _ids = team
    same = write_csv(
        tmp_path,
        "platform,handle,date,followers\nx,bmsn_ri,2026-10-01,10\nx,bmsn_ri,2026-10-01,10\n",
        "sama.csv",
    )
    plan = importing.plan(db, [same])
    assert plan.ok and len(plan.adds) == 1
    other = write_csv(
        tmp_path, "platform,handle,date,followers\nx,BMSN_RI,2026-10-01,11\n", "lain.csv"
    )
    problem = only_problem(refused(db, [same, other]))
    assert (problem.file, problem.row, problem.column) == (str(other), 2, "date")
    assert "sama.csv" in problem.message


def test_a_new_day_without_followers_is_kept_as_given_and_a_row_without_figures_skipped(
    team, tmp_path
):
    db, ids = team
    path = write_csv(
        tmp_path,
        "platform,handle,date,followers,reach\nx,bmsn_ri,2026-10-01,,5\nx,bmsn_ri,2026-10-02,-,\n",
    )
    plan = importing.plan(db, [path])
    assert plan.ok
    assert [r.line for r in plan.skipped] == [3]
    importing.write(db, plan)
    snap = metrics.snapshot_on(db, ids["x"], "2026-10-01")
    assert (snap.followers, snap.reach) == (None, 5)  # no follower count invented


def test_followers_shrinking_by_half_is_a_warning_not_a_problem(team, tmp_path):
    db, ids = team
    metrics.upsert_snapshots(
        db, [{"account_id": ids["x"], "date": "2026-09-01", "followers": 1000}]
    )
    path = write_csv(tmp_path, "platform,handle,date,followers\nx,bmsn_ri,2026-10-01,400\n")
    plan = importing.plan(db, [path])
    assert plan.ok
    [warning] = plan.warnings
    assert warning.row == 2 and "1000" in warning.message and "400" in warning.message
    importing.write(db, plan)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"platform,handle,date,followers\r\n", "no data rows"),
        ((DATA / "gambar.csv").read_bytes(), "not a CSV or Excel file"),
    ],
    ids=["empty", "header-only", "binary"],
)
def test_unreadable_files_give_one_problem_naming_the_file(team, tmp_path, content, words):
    from core import i18n

    i18n.set_language("en")
    db, _ids = team
    path = tmp_path / "rusak.csv"
    path.write_bytes(content)
    problem = only_problem(refused(db, [path]))
    assert problem.file == str(path) and problem.row is None
    assert words in problem.message


def test_truncated_xlsx(team, tmp_path):
    from openpyxl import Workbook

    db, _ids = team
    book = Workbook()
    book.active.append(["platform", "handle", "date", "followers"])
    book.active.append(["x", "bmsn_ri", "2026-10-01", 10])
    whole = tmp_path / "utuh.xlsx"
    book.save(whole)
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    problem = only_problem(refused(db, [cut]))
    assert problem.file == str(cut) and "xlsx" in problem.message.lower()
    renamed = tmp_path / "sebenarnya-xlsx.csv"
    shutil.copy(whole, renamed)
    assert importing.plan(db, [renamed]).ok  # recognised by its content, not its name


def test_unknown_headers_are_listed_and_a_mapping_resolves_them(team, tmp_path):
    db, ids = team
    path = write_csv(
        tmp_path, "platform,handle,Tgl Laporan,Fans,catatan\nx,bmsn_ri,2026-10-01,7,ok\n"
    )
    plan = refused(db, [path])
    assert plan.unknown_headers == ["Tgl Laporan", "Fans", "catatan"]
    assert {(p.row, p.column) for p in plan.problems} >= {(1, "Fans"), (1, "catatan")}
    signature = plan.header_signature
    mapping = {"Tgl Laporan": "date", "Fans": "followers", "catatan": ""}
    mapped = importing.plan(db, [path], importing.Options(mapping=mapping))
    assert mapped.ok and mapped.header_signature == signature
    importing.write(db, mapped)
    assert metrics.snapshot_on(db, ids["x"], "2026-10-01").followers == 7


def test_cancel_while_planning_or_writing_leaves_the_database_untouched(team, tmp_path):
    import datetime as dt

    db, _ids = team
    start = dt.date(2015, 1, 1)
    lines = [
        f"x,bmsn_ri,{(start + dt.timedelta(days=i)).isoformat()},{1000 + i}" for i in range(3000)
    ]
    path = write_csv(tmp_path, "platform,handle,date,followers\n" + "\n".join(lines) + "\n")
    before = dump(db)

    progress = Progress(lambda done, total, message: done > 1000 and progress.cancel())
    with pytest.raises(Cancelled):
        importing.plan(db, [path], progress=progress)

    plan = importing.plan(db, [path])
    assert plan.ok
    writing = Progress(lambda done, total, message: done > 0 and writing.cancel())
    with pytest.raises(Cancelled):
        importing.write(db, plan, progress=writing)
    assert dump(db) == before
    importing.write(db, plan, progress=Progress())
    assert len(dump(db)) == 3000


@pytest.mark.parametrize(
    ("encoding", "bom", "separator"),
    [
        ("utf-8", b"", ","),
        ("utf-8", b"\xef\xbb\xbf", ";"),
        ("cp1252", b"", ";"),
        ("utf-16-le", b"\xff\xfe", "\t"),
        ("utf-16-le", b"", "\t"),
        ("utf-16-be", b"\xfe\xff", ","),
    ],
)
def test_encodings_and_separators_excel_saves(team, tmp_path, encoding, bom, separator):
    db, ids = team
    text = separator.join(["Tanggal", "Pengikut", "Catatan Unit"]) + "\r\n"
    text += separator.join(["31/08/2026", "1.500", "Dinas Komunikasi é"]) + "\r\n"
    path = tmp_path / "berkas.csv"
    path.write_bytes(bom + text.encode(encoding))
    mapping = {"catatan unit": ""}
    plan = importing.plan(db, [path], importing.Options(account="x:bmsn_ri", mapping=mapping))
    assert plan.ok, plan.problems
    assert [(r.date, r.values) for r in plan.adds] == [("2026-08-31", {"followers": 1500})]


def test_planning_does_not_load_pandas(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "a.csv"
    path.write_text("platform,handle,date,followers\nx,a,2026-10-01,1\n")
    code = f"""
import sys
from pathlib import Path
from core.db import open_database
from core import importing
db = open_database(Path({str(tmp_path / "p.sqlite")!r}), create=True)
plan = importing.plan(db, [Path({str(path)!r})])
assert plan.unknown_accounts == ["x:a"], plan.problems
print("pandas" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr


def test_an_account_that_cannot_be_created_is_a_problem_before_writing(team, tmp_path):
    db, _ids = team
    path = write_csv(
        tmp_path,
        "platform,handle,date,followers\ntiktok,https://www.instagram.com/humas_baru,2026-10-01,5\n",
    )
    problem = only_problem(refused(db, [path], importing.Options(create_accounts=True)))
    assert (problem.row, problem.column) == (2, "handle")
    assert "tiktok:" in problem.message


def test_cancel_while_reading_a_big_file(team, tmp_path):
    db, _ids = team
    rows = "".join(f"x,bmsn_ri,2020-01-01,{i}\n" for i in range(12000))
    path = write_csv(tmp_path, "platform,handle,date,followers\n" + rows)
    seen = []

    def update(done, total, message):
        seen.append(done)
        if done >= 5000:
            progress.cancel()

    progress = Progress(update)
    with pytest.raises(Cancelled):
        importing.plan(db, [path], progress=progress)
    assert max(seen) < 12000  # stopped while reading, before checking the rows


# --- found in review -------------------------------------------------------------------------


def test_dates_in_both_orders_in_one_file_are_refused(team, tmp_path):
    db, _ids = team
    text = "platform,handle,date,followers\nx,bmsn_ri,13/05/2026,10\nx,bmsn_ri,05/14/2026,12\n"
    problem = only_problem(refused(db, [write_csv(tmp_path, text)]))
    assert (problem.row, problem.column) == (1, "date")
    assert "13/05" in problem.message and "05/14" in problem.message


def test_a_chosen_date_order_refuses_a_date_that_reads_only_the_other_way(team, tmp_path):
    db, _ids = team
    text = "platform,handle,date,followers\nx,bmsn_ri,13/05/2026,10\n"
    plan = refused(db, [write_csv(tmp_path, text)], importing.Options(date_order="mdy"))
    assert (only_problem(plan).row, only_problem(plan).column) == (2, "date")


def test_a_count_beyond_sqlite_is_refused_in_the_preview(team, tmp_path):
    db, _ids = team
    text = "platform,handle,date,followers\nx,bmsn_ri,2026-05-13,99999999999999999999\n"
    problem = only_problem(refused(db, [write_csv(tmp_path, text)]))
    assert (problem.row, problem.column) == (2, "followers")


def test_a_new_handle_in_two_spellings_is_one_new_account(team, tmp_path):
    db, _ids = team
    text = (
        "platform,handle,date,followers\n"
        "instagram,BaruAkun,2026-11-20,10\ninstagram,baruakun,2026-11-21,12\n"
    )
    plan = importing.plan(db, [write_csv(tmp_path, text)], importing.Options(create_accounts=True))
    assert plan.ok and plan.accounts_to_create == [("instagram", "BaruAkun")]
    assert importing.write(db, plan).added == 2
    created = next(a for a in accounts.list_all(db) if a.handle.lower() == "baruakun")
    assert [s.followers for s in metrics.snapshots(db, created.id)] == [10, 12]


def test_zero_point_five_hundred_is_not_five_hundred(team, tmp_path):
    db, _ids = team
    text = "platform,handle,date,followers\nx,bmsn_ri,2026-05-13,0.500\n"
    problem = only_problem(refused(db, [write_csv(tmp_path, text)]))
    assert problem.column == "followers"  # a half is not a whole count


def test_a_date_time_cell_as_excel_writes_it_reads_as_its_day(team, tmp_path):
    db, ids = team
    text = "platform,handle,date,followers\nx,bmsn_ri,20/11/2026 08:00,10\n"
    plan = importing.plan(db, [write_csv(tmp_path, text)], importing.Options())
    assert plan.ok, plan.problems
    assert str(plan.adds[0].date) == "2026-11-20"


def test_a_report_title_above_the_header_is_passed_over(team, tmp_path):
    from openpyxl import Workbook

    db, ids = team
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Laporan Metrik Media Sosial November 2026"
    sheet.append([])
    sheet.append(["platform", "akun", "tanggal", "pengikut"])
    sheet.append(["x", "bmsn_ri", "2026-11-20", 1234])
    path = tmp_path / "laporan.xlsx"
    book.save(path)
    plan = importing.plan(db, [path], importing.Options())
    assert plan.ok, plan.problems
    assert [(row.line, row.values["followers"]) for row in plan.adds] == [(4, 1234)]


def test_problems_the_app_asks_about_say_which_question(team, tmp_path):
    db, _ids = team
    accounts_file = write_csv(
        tmp_path, "platform,handle,date,followers\ninstagram,baru,2026-04-03,10\n"
    )
    dates_file = write_csv(
        tmp_path, "platform,handle,date,followers\nx,bmsn_ri,03/04/2026,10\n", name="d.csv"
    )
    headers_file = write_csv(tmp_path, "tgl_posting,pengikut\n2026-04-03,10\n", name="h.csv")
    questions = {
        path.name: {p.question for p in importing.plan(db, [path]).problems}
        for path in (accounts_file, dates_file, headers_file)
    }
    assert questions["data.csv"] == {"create_accounts"}
    assert questions["d.csv"] == {"date_order"}
    assert {"mapping", "account"} <= questions["h.csv"]
