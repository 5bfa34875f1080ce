"""The sign-off sheet: its layout on A4 pages, the PDF (read back with pdftotext and
pdffonts, from poppler-utils), the `signoff` command and the dialog the calendar opens."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from core import signoff
from core.i18n import _
from gui.report import layout as lay
from gui.report.signoff import (
    BAND,
    Outline,
    SignoffLayout,
    page_images,
    printable,
    save_signoff_pdf,
)
from gui.session import Session
from gui.signoff_dialog import SignoffDialog, export_signoff, next_week

MONDAY = dt.date(2026, 11, 30)
SUNDAY = dt.date(2026, 12, 6)
LEVELS = ("Kepala Subbagian Publikasi", "Kepala Biro Humas")


def words(text: str) -> str:
    return " ".join(text.split())


def post(number: int, text: str = "Kuis Jumat!", image: str | None = None, **fields):
    values = {
        "variant_id": number,
        "post_id": number,
        "title": f"Unggahan {number}",
        "account": "Instagram @bmsn_ri",
        "platform": "instagram",
        "planned_at": f"2026-12-0{1 + number % 6}T09:00:00+07:00",
        "when": f"{1 + number % 6} Desember 2026, 09.00 WIB",
        "text": text,
        "image": image,
        "status": "review",
        "status_title": "Ditinjau",
        "levels": LEVELS,
        **fields,
    }
    return signoff.SignoffPost(**values)


def make_sheet(*found, language: str = "id") -> signoff.Sheet:
    return signoff.Sheet(
        "Badan Mutu Standar Nasional", MONDAY, SUNDAY, dt.date(2026, 11, 25), language, found
    )


def saved(sheet: signoff.Sheet, path: Path) -> Path:
    save_signoff_pdf(sheet, path)
    return path


def runs(page: lay.Page) -> list[lay.TextRun]:
    return [item for item in page.items if isinstance(item, lay.TextRun)]


def bands(layout: SignoffLayout, number: int) -> list[int]:
    """The pages (0-based) where post `number`'s band is."""
    return [
        index
        for index, page in enumerate(layout.pages)
        for run in runs(page)
        if run.style == BAND and run.text.startswith(f"{number}. ")
    ]


@pytest.fixture
def week(demo_db):
    found = signoff.posts_between(demo_db, MONDAY, SUNDAY)
    return signoff.sheet(demo_db, found, dt.date(2026, 11, 25), MONDAY, SUNDAY)


def test_the_pdf_holds_every_posts_text_and_a_signing_line_per_level(
    pdf_pages, week, qapp, tmp_path
):
    assert len(week.posts) >= 10
    out = tmp_path / "lembar.pdf"
    layout = save_signoff_pdf(week, out)
    pages = pdf_pages(out)
    assert len(pages) == layout.page_count
    everything = words("\n".join(pages))
    for found in week.posts:
        assert words(printable(found.text)) in everything
        assert found.title in everything and found.account in everything
        assert found.when in everything and found.status_title in everything
    assert "Badan Mutu Standar Nasional" in pages[0]
    assert "30 November – 6 Desember 2026" in pages[0]
    assert "25 November 2026" in pages[0]
    # the demo's humas unit has two levels: a line for each, on every post of the week
    signing = sum(page.count(_("Approved by")) for page in pages)
    assert signing == sum(len(found.levels) for found in week.posts) > len(week.posts)
    for level in LEVELS:
        assert level in everything
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page


def test_blocks_stay_on_one_page_and_nothing_leaves_the_body(week, qapp):
    layout = SignoffLayout(week)
    for number in range(1, len(week.posts) + 1):
        assert len(bands(layout, number)) == 1
    for page in layout.pages:
        for run in runs(page):
            assert run.x >= lay.BODY_LEFT - 1
            assert run.x + lay.advance(run.text, run.style) <= lay.BODY_RIGHT + 1
            assert lay.BODY_TOP < run.baseline <= lay.PAGE_HEIGHT - lay.mm(10)
        frames = [item.rect for item in page.items if isinstance(item, Outline)]
        assert frames and all(
            r.top() >= lay.BODY_TOP and r.bottom() <= lay.BODY_BOTTOM for r in frames
        )
        # blocks do not overlap
        tops = sorted((r.top(), r.bottom()) for r in frames if r.width() == lay.BODY_WIDTH)
        assert all(a[1] <= b[0] for a, b in zip(tops, tops[1:], strict=False))


def test_a_long_text_continues_on_the_next_page_under_its_account(pdf_pages, qapp, tmp_path):
    long_text = "\n".join(f"Baris nomor {i} dari teks yang panjang sekali." for i in range(140))
    sheet = make_sheet(post(1), post(2, long_text), post(3))
    layout = save_signoff_pdf(sheet, tmp_path / "panjang.pdf")
    long_pages = bands(layout, 2)
    assert len(long_pages) >= 3
    assert long_pages == list(range(long_pages[0], long_pages[0] + len(long_pages)))
    # it starts on a page of its own, after the first post's
    assert bands(layout, 1) == [0] and long_pages[0] == 1
    pages = pdf_pages(tmp_path / "panjang.pdf")
    continued = _("{when} (continued)").format(when=sheet.posts[1].when)
    assert all(continued in pages[index] for index in long_pages[1:])
    everything = words("\n".join(pages))
    assert all(f"Baris nomor {i} dari" in everything for i in range(140))
    # the signing lines follow the text's end
    last = pages[long_pages[-1]]
    assert "Baris nomor 139" in last and _("Approved by") in last
    assert bands(layout, 3)[0] >= long_pages[-1]


def test_an_image_scaled_to_fit_or_a_placeholder_naming_the_file(pdf_text, qapp, tmp_path):
    photo = tmp_path / "foto-kegiatan.png"
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d3f6e"))
    assert image.save(str(photo))
    not_an_image = tmp_path / "bukan-gambar.jpg"
    not_an_image.write_text("not a picture", encoding="utf-8")
    sheet = make_sheet(
        post(1, image=str(photo)),
        post(2, image=str(tmp_path / "hilang.png")),
        post(3, image=str(not_an_image)),
        post(4, image="D:\\Humas\\Foto\\2026\\rapat-koordinasi-mutu.jpg"),
    )
    layout = SignoffLayout(sheet)
    pictures = [
        item for page in layout.pages for item in page.items if isinstance(item, lay.Picture)
    ]
    assert len(pictures) == 1
    rect = pictures[0].rect
    assert rect.width() <= lay.mm(48) + 1 and rect.height() <= lay.mm(52) + 1
    assert rect.width() / rect.height() == pytest.approx(16 / 9, rel=0.01)
    assert rect.right() <= lay.BODY_RIGHT
    text = pdf_text(saved(sheet, tmp_path / "gambar.pdf"))
    assert text.count(_("Image cannot be opened")) == 3
    for name in ("hilang.png", "bukan-gambar.jpg", "rapat-koordinasi-mutu.jpg"):
        assert name in text
    assert "D:\\Humas" not in text


def solid_png(path: Path, width: int, height: int) -> Path:
    """A PNG of one colour, written directly: small on disk (it compresses to little) and
    quick to make, however many pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    row = b"\x00" + bytes((0x1D, 0x3F, 0x6E)) * width
    packer = zlib.compressobj(1)
    data = b"".join(packer.compress(row) for _row in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
    return path


def test_an_image_over_qts_allocation_limit_is_printed_scaled(qapp, tmp_path, monkeypatch):
    from PySide6.QtGui import QImageReader

    from gui.report import signoff as signoff_layout

    # 8500 × 8500 at 4 bytes a pixel is 276 MiB: more than Qt decodes by default
    photo = solid_png(tmp_path / "foto-besar.png", 8500, 8500)
    limit = QImageReader.allocationLimit()
    layout = SignoffLayout(make_sheet(post(1, image=str(photo))))
    (picture,) = [
        item for page in layout.pages for item in page.items if isinstance(item, lay.Picture)
    ]
    assert picture.rect.width() == pytest.approx(lay.mm(48))
    assert picture.rect.height() == pytest.approx(lay.mm(48))
    # decoded at what the sheet prints (48 mm at 300 dpi), not at 8500 pixels
    assert picture.image.width() == picture.image.height() == 567
    assert picture.image.pixelColor(10, 10) == QColor("#1d3f6e")
    assert QImageReader.allocationLimit() == limit
    # past the most the sheet lets an image take, a placeholder says why
    monkeypatch.setattr(signoff_layout, "READ_LIMIT_MB", 200)
    layout = SignoffLayout(make_sheet(post(1, image=str(photo))))
    items = [item for page in layout.pages for item in page.items]
    assert not [item for item in items if isinstance(item, lay.Picture)]
    texts = [item.text for item in items if isinstance(item, lay.TextRun)]
    assert _("Image too large to print") in texts and "foto-besar.png" in texts
    assert QImageReader.allocationLimit() == limit


def test_no_approval_no_text_and_emoji(pdf_text, qapp, tmp_path):
    sheet = make_sheet(
        post(1, "", levels=()),
        post(2, "Halo Sobat Mutu! 👋 Keluarga 👨‍👩‍👧 dan 👍🏽 ✓", levels=("Persetujuan",)),
    )
    text = words(pdf_text(saved(sheet, tmp_path / "lembar.pdf")))
    assert _("This unit's posts need no approval.") in text
    assert _("No text written yet.") in text
    assert text.count(_("Approved by")) == 1 and "Persetujuan" in text
    # emoji the bundled font has no glyph for are named, one marker each (joined and toned
    # ones too); a symbol it has stays
    assert "Halo Sobat Mutu! [emoji] Keluarga [emoji] dan [emoji] ✓" in text


def test_only_the_bundled_font_is_embedded(week, qapp, tmp_path):
    out = tmp_path / "lembar.pdf"
    save_signoff_pdf(week, out)
    exe = shutil.which("pdffonts")
    if exe is None:
        pytest.fail("pdffonts is missing: install poppler-utils (apt-get install poppler-utils)")
    listing = subprocess.run([exe, str(out)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert names and all(name.split("+")[-1].startswith("DejaVuSans") for name in names)


def test_the_sheet_in_english_and_its_preview_images(pdf_text, qapp, tmp_path):
    sheet = make_sheet(post(1), language="en")
    text = pdf_text(saved(sheet, tmp_path / "sheet.pdf"))
    assert "Post sign-off sheet" in text and "Page 1 of 1" in text and "Halaman" not in text
    assert "30 November – 6 December 2026" in text and "1 post\n" in text
    images = page_images(sheet)
    assert len(images) == 1 and (images[0].width(), images[0].height()) == (496, 702)


def test_a_failed_write_leaves_the_old_file(week, qapp, tmp_path):
    from core.errors import CannotWrite

    out = tmp_path / "lembar.pdf"
    out.write_bytes(b"old")
    with pytest.raises(CannotWrite):
        save_signoff_pdf(week, tmp_path / "missing-folder" / "lembar.pdf")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if "lembar" in p.name] == ["lembar.pdf"]


# --- the command ---------------------------------------------------------------------------


def test_the_command_writes_the_weeks_sheet(pdf_text, run_qt, demo_path, tmp_path):
    out = tmp_path / "lembar.pdf"
    code, said = run_qt(
        "signoff", "--db", str(demo_path), "--from", "2026-11-30", "--to", "2026-12-06",
        "--out", str(out), "--today", "2026-11-25",
    )  # fmt: skip
    assert code == 0, said
    assert str(out) in said
    text = words(pdf_text(out))
    from core.db import open_database

    with open_database(demo_path, read_only=True) as db:
        found = signoff.posts_between(db, MONDAY, SUNDAY)
    assert found
    for each in found:
        assert words(printable(each.text)) in text
    assert "Dicetak" in text or "Printed" in text
    # read-only: no -wal or -shm left beside the file
    assert sorted(p.name for p in demo_path.parent.iterdir()) == [demo_path.name]


def test_the_command_filters_and_replaces_with_force(pdf_text, run_qt, demo_path, tmp_path):
    out = tmp_path / "lembar.pdf"
    out.write_bytes(b"old")
    args = ("signoff", "--db", str(demo_path), "--from", "2026-11-30", "--to", "2026-12-06",
            "--out", str(out), "--status", "approved", "--accounts", "instagram:bmsn_ri")  # fmt: skip
    code, said = run_qt(*args)
    assert code == 2 and "--force" in said and out.read_bytes() == b"old"
    code, said = run_qt(*args, "--force", "--lang", "en")
    assert code == 0, said
    text = pdf_text(out)
    assert "Post sign-off sheet" in text
    assert "Instagram @bmsn_ri" in text and "Facebook" not in text
    assert "Approved" in text and "Draft" not in text


@pytest.mark.parametrize(
    "options, code, message",
    [
        (("--from", "2030-01-06", "--to", "2030-01-12"), 1, "2030-01-06"),
        (("--from", "2026-12-06", "--to", "2026-11-30"), 2, "--from"),
        (("--from", "2026-11-31", "--to", "2026-12-06"), 2, "2026-11-31"),
        (("--from", "2026-11-30", "--to", "2026-12-06", "--status", "siap"), 2, "siap"),
    ],
)
def test_refusals_write_nothing(run_qt, demo_path, tmp_path, options, code, message):
    out = tmp_path / "lembar.pdf"
    got, said = run_qt("signoff", "--db", str(demo_path), "--out", str(out), *options)
    assert got == code and message in said
    assert not out.exists() and list(tmp_path.iterdir()) == []


# --- the dialog ----------------------------------------------------------------------------


def test_next_week_is_monday_to_sunday_after_today():
    assert next_week(dt.date(2026, 11, 25)) == (MONDAY, SUNDAY)
    assert next_week(MONDAY) == (dt.date(2026, 12, 7), dt.date(2026, 12, 13))
    assert next_week(SUNDAY) == (dt.date(2026, 12, 7), dt.date(2026, 12, 13))


def test_the_dialog_defaults_to_next_week_and_saves_it(
    qtbot, demo_db, demo_today, pdf_text, tmp_path, monkeypatch
):
    session = Session(demo_db, today=demo_today)
    dialog = SignoffDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.period() == (MONDAY, SUNDAY)
    assert not dialog.chosen.isVisibleTo(dialog) and dialog.by_dates.isChecked()
    count = len(signoff.posts_between(demo_db, MONDAY, SUNDAY))
    assert str(count) in dialog.summary.text() and dialog.save_button.isEnabled()
    assert dialog.default_file_name().endswith("-2026-11-30-2026-12-06.pdf")

    dialog.start.setDate(dialog.start.date().addYears(4))
    dialog.end.setDate(dialog.end.date().addYears(4))
    assert not dialog.save_button.isEnabled()
    dialog.start.setDate(dialog.end.date().addDays(1))
    assert not dialog.save_button.isEnabled()

    dialog.start.setDate(dialog.start.date().addYears(-4).addDays(-7))
    dialog.end.setDate(dialog.end.date().addYears(-4))
    assert dialog.period() == (MONDAY, SUNDAY)
    out = tmp_path / "lembar.pdf"
    monkeypatch.setattr("gui.signoff_dialog.ask_save_path", lambda *args: out)
    dialog.save()
    assert dialog.saved_path == out and dialog.result() == dialog.DialogCode.Accepted
    assert "30 November – 6 Desember 2026" in pdf_text(out)


def test_export_signoff_of_the_posts_chosen_in_the_calendar(
    qtbot, demo_db, demo_today, pdf_text, tmp_path, monkeypatch
):
    chosen = signoff.posts_between(demo_db, MONDAY, SUNDAY)[:3]
    out = tmp_path / "pilihan.pdf"
    monkeypatch.setattr("gui.signoff_dialog.ask_save_path", lambda *args: out)
    opened = []

    def exec_(dialog):
        opened.append(dialog)
        assert dialog.chosen.isChecked() and not dialog.start.isEnabled()
        assert "3" in dialog.chosen.text()
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SignoffDialog, "exec", exec_)
    monkeypatch.setattr("gui.tabs.nobody_to_ask", lambda: False)
    session = Session(demo_db, today=demo_today)
    ids = [p.variant_id for p in reversed(chosen)]
    assert export_signoff(None, session, variant_ids=ids) == out
    text = words(pdf_text(out))
    for each in chosen:
        assert words(printable(each.text)) in text
    others = signoff.posts_between(demo_db, MONDAY, SUNDAY)[3:]
    assert all(words(printable(each.text)) not in text for each in others if each.text)
    qtbot.addWidget(opened[0])


def test_an_unwritable_place_is_said_and_nothing_is_saved(
    qtbot, demo_db, demo_today, tmp_path, monkeypatch
):
    warned = []
    monkeypatch.setattr(
        "gui.signoff_dialog.QMessageBox.warning", lambda *args: warned.append(args[2])
    )
    dialog = SignoffDialog(Session(demo_db, today=demo_today), start=MONDAY)
    qtbot.addWidget(dialog)
    assert dialog.period() == (MONDAY, SUNDAY)
    assert dialog.write_pdf(Path(tmp_path / "nowhere" / "lembar.pdf")) is None
    assert warned and "nowhere" in warned[0] and dialog.saved_path is None


def test_with_nobody_to_ask_the_dialog_is_only_shown(qtbot, demo_db, demo_today):
    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(demo_db, today=demo_today)
    assert export_signoff(parent, session, start=dt.date(2026, 12, 7)) is None
    dialog = parent.findChild(SignoffDialog)
    assert dialog.isVisible() and dialog.period() == (dt.date(2026, 12, 7), dt.date(2026, 12, 13))
