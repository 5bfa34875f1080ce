"""`report`: the PDF summary from the command line, with the brief's figures in its text;
scope by unit or accounts; refusals before anything is written."""

import pytest

from core import units

TODAY = "2026-11-25"


def test_the_brief_year_summary(pdf_text, run_qt, demo_path, tmp_path):
    out = tmp_path / "laporan.pdf"
    code, text = run_qt(
        "report", "--db", str(demo_path), "--from", "2019-01-01", "--to", "2019-08-31",
        "--out", str(out), "--today", TODAY, "--prepared-by", "Rina",
    )  # fmt: skip
    assert code == 0, text
    assert "halaman" in text
    pdf = pdf_text(out)
    assert "pengikut Instagram @bmsn_ri mencapai 76.670 akun" in pdf
    assert "bertambah 24.370 (46,6%) sejak Januari 2019" in pdf
    assert "Disusun 25 November 2026 oleh Rina" in pdf


def test_english_and_chosen_accounts(pdf_text, run_qt, demo_path, tmp_path):
    out = tmp_path / "report.pdf"
    code, text = run_qt(
        "report", "--db", str(demo_path), "--from", "2019-01-01", "--to", "2019-08-31",
        "--out", str(out), "--lang", "en", "--accounts", "instagram:bmsn_ri",
    )  # fmt: skip
    assert code == 0, text
    pdf = pdf_text(out)
    assert "76,670" in pdf and "24,370" in pdf
    assert "bmsn.timur" not in pdf and "Page 1 of" in pdf


def test_a_unit_by_its_short_name(pdf_text, run_qt, demo_path, tmp_path):
    from core.db import open_database

    with open_database(demo_path, read_only=True) as db:
        unit = next(u for u in units.list_all(db) if u.short_name)
    out = tmp_path / "unit.pdf"
    code, text = run_qt(
        "report", "--db", str(demo_path), "--from", "2026-01-01", "--to", "2026-10-31",
        "--out", str(out), "--unit", unit.short_name,
    )  # fmt: skip
    assert code == 0, text
    assert unit.name in pdf_text(out)


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (["--from", "2019-08-31", "--to", "2019-01-01"], 2, "--from 2019-08-31"),
        (["--from", "2010-01-01", "--to", "2010-12-31"], 1, "tidak ada yang dilaporkan"),
        (["--from", "2019-01-01", "--to", "2019-02-30"], 2, "bukan tanggal"),
        (["--from", "2019-01-01", "--to", "2019-08-31", "--unit", "Tidak Ada"], 2, "--unit"),
        (["--from", "2019-01-01", "--to", "2019-08-31", "--accounts", "x:siapa"], 2, "x:siapa"),
        (
            ["--from", "2019-01-01", "--to", "2019-08-31", "--accounts", "piawaian_lpk"],
            2,
            "pembanding",
        ),
        (
            ["--from", "2019-01-01", "--to", "2019-08-31", "--unit", "x", "--accounts", "bmsn_ri"],
            2,
            "pilih salah satu",
        ),
    ],
)
def test_refusals_write_nothing(run_qt, demo_path, tmp_path, options, code, message):
    out = tmp_path / "laporan.pdf"
    got, text = run_qt("report", "--db", str(demo_path), "--out", str(out), *options)
    assert got == code, text
    assert message in text
    assert not out.exists()
