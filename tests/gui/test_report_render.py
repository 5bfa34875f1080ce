"""gui.report: a Report laid out on A4 pages and written as a PDF, checked through the text a
PDF reader extracts (pdftotext, from poppler-utils) and the layout's own positions."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from core import accounts, errors, series
from core import report as rp
from core.progress import Cancelled, Progress
from gui.report import layout as lay
from gui.report import render

INTRO = (
    "Hingga Oktober 2026, pengikut Instagram mencapai 76.670 akun, bertambah 24.370 (46,6%) "
    "sejak Januari 2026."
)
BODY = (
    "Tingkat interaksi 0,21%, di bawah rata-rata acuan 2,15%. Unggahan yang paling banyak "
    "ditanggapi adalah infografik layanan publik dan kuis mingguan; keduanya diterbitkan pada "
    "pagi hari kerja, saat pengikut paling aktif."
)
NOTE = "Angka awal akun X diambil dari 3 Januari 2026, catatan pertama dalam periode."
AFTER_BREAK = "Belum ada data keamanan akun untuk periode ini."
COLUMNS = ("Akun", "Platform", "Pengikut awal", "Pengikut akhir", "Perubahan", "%")


def words(text: str) -> str:
    return " ".join(text.split())


def table_rows(count: int = 60) -> tuple[tuple[str, ...], ...]:
    rows = tuple(
        (f"Akun nomor {i}", "Instagram", "52.300", "76.670", f"+{24_370 + i:,}".replace(",", "."))
        + ("46,6%",)
        for i in range(count)
    )
    return rows + (("Jumlah", "", "3.138.000", "4.600.200", "+1.462.200", "46,6%"),)


def make_report(db, language: str = "id", logo: str | None = None, chart: bool = True):
    ours = [a.id for a in accounts.list_all(db) if not a.peer][:4]
    spec = series.ChartSpec("followers", tuple(ours), dt.date(2026, 1, 1), dt.date(2026, 10, 31))
    blocks: list[rp.Block] = [
        rp.Cover(
            "Laporan Media Sosial",
            "Badan Mutu Standar Nasional",
            "Biro Hubungan Masyarakat",
            "1 Januari – 31 Oktober 2026",
            "Disusun 25 November 2026 oleh Rina",
            logo,
        ),
        rp.Heading("Ringkasan"),
        rp.Paragraph(INTRO, "lead"),
        rp.Paragraph(BODY),
        rp.Paragraph(NOTE, "note"),
        rp.Heading("Pengikut"),
        rp.Table(
            COLUMNS,
            table_rows(),
            right=frozenset({2, 3, 4, 5}),
            totals=frozenset({60}),
            widths=(3, 2, 1.6, 1.6, 1.5, 1),
        ),
    ]
    if chart:
        blocks += [rp.Heading("Grafik"), rp.Heading("Pengikut", 2), rp.Chart(spec)]
    blocks += [rp.PageBreak(), rp.Heading("Keamanan akun"), rp.Paragraph(AFTER_BREAK)]
    return rp.Report("Laporan Media Sosial", "1 Januari – 31 Oktober 2026", language, tuple(blocks))


@pytest.fixture
def report(demo_db, qapp):
    return make_report(demo_db)


def test_pdf_holds_every_text_the_table_on_each_page_and_numbered_footers(
    pdf_pages, demo_db, report, tmp_path
):
    out = render.save_pdf(demo_db, report, tmp_path / "laporan.pdf")
    assert out == tmp_path / "laporan.pdf" and out.stat().st_size > 0
    pages = pdf_pages(out)
    total = render.page_count(demo_db, report)
    assert len(pages) == total
    assert 4 <= total <= 8

    everything = words("\n".join(pages))
    for text in (
        INTRO,
        BODY,
        NOTE,
        AFTER_BREAK,
        "Laporan Media Sosial",
        "Biro Hubungan Masyarakat",
    ):
        assert words(text) in everything
    assert "76.670" in everything and "+1.462.200" in everything

    # the cover has no footer; the others count from 1 without it
    assert "Halaman" not in pages[0]
    numbered = total - 1
    for number, page in enumerate(pages[1:], start=1):
        assert f"Halaman {number} dari {numbered}" in page
        assert "1 Januari – 31 Oktober 2026" in page

    # the table breaks across pages and its header is repeated on each
    spanned = [page for page in pages if "Akun nomor" in page]
    assert len(spanned) >= 2
    for page in spanned:
        assert "Platform" in page and "Perubahan" in page
    assert all(f"Akun nomor {i} " in everything for i in range(60))

    # the chart is drawn as text and lines: its legend names the accounts
    assert "@bmsn_ri" in everything
    # after the page break, a page starts with the next heading
    assert any(page.strip().startswith("Keamanan akun") for page in pages)


def test_footer_in_the_reports_language_not_the_windows(pdf_pages, demo_db, qapp, tmp_path):
    report = make_report(demo_db, language="en", chart=False)
    pages = pdf_pages(render.save_pdf(demo_db, report, tmp_path / "report.pdf"))
    assert "Page 1 of" in pages[1] and "Halaman" not in "".join(pages)


def test_only_the_bundled_font_is_embedded(demo_db, qapp, tmp_path):
    assert render.register_fonts() == "DejaVu Sans"
    out = render.save_pdf(demo_db, make_report(demo_db, chart=False), tmp_path / "r.pdf")
    exe = shutil.which("pdffonts")
    if exe is None:
        pytest.fail("pdffonts is missing: install poppler-utils (apt-get install poppler-utils)")
    listing = subprocess.run([exe, str(out)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert names and all(name.split("+")[-1].startswith("DejaVuSans") for name in names)


def test_layout_rules(report):
    layout = lay.Layout(report)
    assert not layout.pages[0].numbered and all(page.numbered for page in layout.pages[1:])
    for page in layout.pages:
        for item in page.items:
            if isinstance(item, lay.ChartBox):  # whole, inside the text area
                assert item.rect.top() >= lay.BODY_TOP and item.rect.bottom() <= lay.BODY_BOTTOM
            if isinstance(item, lay.TextRun) and item.style is not lay.FOOTER:
                assert (
                    item.x >= lay.BODY_LEFT - 1
                    and item.x + lay.advance(item.text, item.style) <= lay.BODY_RIGHT + 1
                )
        # a heading never ends a page
        content = [
            item
            for item in page.items
            if isinstance(item, lay.ChartBox)
            or (isinstance(item, lay.TextRun) and item.style is not lay.FOOTER)
        ]
        if page.numbered and content:
            assert getattr(content[-1], "style", None) not in lay.HEADINGS.values()


@pytest.mark.parametrize("fillers", range(0, 30, 3))
def test_a_heading_stays_with_what_follows(qapp, fillers):
    blocks = [rp.Paragraph(BODY) for _ in range(fillers)]
    blocks += [rp.Heading("Tingkat interaksi"), rp.Paragraph(INTRO)]
    layout = lay.Layout(rp.Report("T", "P", "id", tuple(blocks)))
    for page in layout.pages:
        texts = [item.text for item in page.items if isinstance(item, lay.TextRun)]
        if "Tingkat interaksi" in texts:
            assert INTRO.split()[0] in texts[texts.index("Tingkat interaksi") + 1]


def test_page_images_are_the_pages_at_a4_proportions(demo_db, report):
    images = render.page_images(demo_db, report, dpi=60)
    assert len(images) == render.page_count(demo_db, report)
    for image in images:
        assert abs(image.height() / image.width() - 297 / 210) < 0.01
        assert (image.width(), image.height()) == (496, 702)
    # the chart page has ink where the chart is
    chart_page = next(
        i
        for i, page in enumerate(lay.Layout(report).pages)
        if any(isinstance(item, lay.ChartBox) for item in page.items)
    )
    image = images[chart_page]
    inked = sum(
        image.pixelColor(x, y).lightness() < 200
        for x in range(60, 430, 4)
        for y in range(80, 400, 4)
    )
    assert inked > 50


def test_progress_per_page_and_cancel_leaves_the_old_file(demo_db, report, tmp_path):
    seen = []
    target = render.save_pdf(
        demo_db, report, tmp_path / "r.pdf", Progress(lambda *a: seen.append(a))
    )
    total = render.page_count(demo_db, report)
    assert [done for done, _total, _message in seen] == list(range(total + 1))

    before = target.read_bytes()
    progress = Progress(lambda done, total, message: done == 2 and progress.cancel())
    with pytest.raises(Cancelled):
        render.save_pdf(demo_db, report, target, progress)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "pdf" in p.name) == ["r.pdf"]


def test_a_failed_save_leaves_nothing_and_names_the_path(demo_db, report, tmp_path):
    target = tmp_path / "tidak-ada" / "laporan.pdf"
    with pytest.raises(errors.CannotWrite) as failure:
        render.save_pdf(demo_db, report, target)
    assert str(target) in str(failure.value)
    assert not target.parent.exists()
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(errors.CannotWrite, match="folder.pdf"):
        render.save_pdf(demo_db, report, folder)
    assert list(folder.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_saving_twice_gives_the_same_pages(pdf_pages, demo_db, report, tmp_path):
    first = pdf_pages(render.save_pdf(demo_db, report, tmp_path / "a.pdf"))
    second = pdf_pages(render.save_pdf(demo_db, report, tmp_path / "a.pdf"))
    assert len(first) == len(second) == render.page_count(demo_db, report)


def test_cover_with_a_logo_or_an_unreadable_one(demo_db, qapp, tmp_path):
    from PySide6.QtGui import QColor, QImage

    logo = QImage(400, 200, QImage.Format.Format_RGB32)
    logo.fill(QColor("#1d3f6e"))
    logo.save(str(tmp_path / "logo.png"))
    (tmp_path / "broken.png").write_bytes(b"not an image")
    with_logo = make_report(demo_db, logo=str(tmp_path / "logo.png"), chart=False)
    cover = lay.Layout(with_logo).pages[0]
    pictures = [item for item in cover.items if isinstance(item, lay.Picture)]
    assert len(pictures) == 1 and pictures[0].rect.width() <= lay.mm(60) + 1
    image = render.page_images(demo_db, with_logo, dpi=60)[0]
    assert image.pixelColor(round(pictures[0].rect.center().x() * 60 / 1200), 100) == QColor(
        "#1d3f6e"
    )
    for path in (str(tmp_path / "broken.png"), str(tmp_path / "missing.png")):
        broken = make_report(demo_db, logo=path, chart=False)
        cover = lay.Layout(broken).pages[0]
        assert not [item for item in cover.items if isinstance(item, lay.Picture)]
        render.save_pdf(demo_db, broken, tmp_path / "r.pdf")


def test_a_row_taller_than_a_page_is_cut_not_run_off_the_page(demo_db):
    from core import report as rp
    from gui.report.layout import BODY_BOTTOM, Layout, TextRun

    long_cell = "\n".join(f"baris {n}" for n in range(300))
    report = rp.Report(
        "Laporan",
        "Oktober 2026",
        "id",
        (rp.Heading("Tabel"), rp.Table(("Unggahan", "Akun"), ((long_cell, "Instagram"),))),
    )
    layout = Layout(report)
    runs = [item for page in layout.pages for item in page.items if isinstance(item, TextRun)]
    cells = [run for run in runs if run.text.startswith("baris")]
    assert cells and all(run.baseline <= BODY_BOTTOM for run in cells)
    assert any(run.text.endswith("…") for run in runs)
