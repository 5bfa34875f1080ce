"""`chart`: a growth chart saved from the command line, as the Growth tab's export draws it;
options checked before anything is drawn."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from core import accounts
from core.errors import ValidationError

TODAY = "2026-11-25"


def test_png_of_the_chosen_size(run_qt, demo_path, tmp_path):
    out = tmp_path / "growth.png"
    code, text = run_qt(
        "chart", "--db", str(demo_path), "--kind", "growth", "--range", "ytd",
        "--today", TODAY, "--size", "1000x500", "--out", str(out),
    )  # fmt: skip
    assert code == 0, text
    assert "Pertumbuhan sejak 1 Jan 2026 (hingga 25 Nov 2026)" in text
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 500)


def test_svg_of_one_account_indexed(run_qt, demo_path, tmp_path):
    out = tmp_path / "followers.svg"
    code, text = run_qt(
        "chart", "--db", str(demo_path), "--account", "instagram:bmsn_ri", "--indexed",
        "--from", "2019-01-01", "--to", "2019-08-31", "--out", str(out),
    )  # fmt: skip
    assert code == 0, text
    root = ET.parse(out).getroot()
    assert (root.get("width"), root.get("height")) == ("1280", "720")
    assert "diindeks" in text and "1 Jan 2019 – 31 Agu 2019" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--account", "bmsn_ri"], "instagram:bmsn_ri, x:bmsn_ri"),
        (["--account", "tidak_ada"], "tidak ada akun"),
        (["--from", "2026-05-01", "--to", "2026-01-01"], "--from 2026-05-01"),
        (["--from", "31/02/2026"], "bukan tanggal"),
        (["--size", "besar"], "--size"),
    ],
)
def test_bad_options_write_nothing(run_qt, demo_path, tmp_path, options, message):
    out = tmp_path / "chart.png"
    code, text = run_qt("chart", "--db", str(demo_path), "--out", str(out), *options)
    assert code == 2
    assert message in text
    assert not out.exists()


def test_wrong_extension_and_existing_file(run_qt, demo_path, tmp_path):
    code, text = run_qt("chart", "--db", str(demo_path), "--out", str(tmp_path / "chart.jpg"))
    assert code == 2 and ".png" in text
    existing = tmp_path / "chart.png"
    existing.write_bytes(b"keep")
    code, text = run_qt("chart", "--db", str(demo_path), "--out", str(existing))
    assert code == 2 and "--force" in text
    assert existing.read_bytes() == b"keep"


def test_find_account_by_handle(db):
    insta = accounts.create(db, "instagram", "humas_kota", "Humas Kota")
    x = accounts.create(db, "x", "humas_kota", "Humas Kota")
    solo = accounts.create(db, "youtube", "KanalKota", "Kanal Kota")
    assert accounts.find(db, "instagram:humas_kota") == insta
    assert accounts.find(db, "x:@humas_kota") == x
    assert accounts.find(db, "@kanalkota") == solo
    with pytest.raises(ValidationError, match="instagram:humas_kota, x:humas_kota"):
        accounts.find(db, "humas_kota")
    with pytest.raises(ValidationError):
        accounts.find(db, "tiktok:humas_kota")
