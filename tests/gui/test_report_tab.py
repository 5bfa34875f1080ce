"""The Laporan tab: the period chosen is the one reported, the preview shows the pages the
PDF has, the PDF holds the brief's figures, scope and sections change the report, the
indicators' dialog changes the KPI table, and empty or impossible reports say why."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from core import accounts, kpis, periods
from gui.kpi_dialog import KpiDialog
from gui.session import Session
from gui.tabs.report import ReportTab


@pytest.fixture
def tab(qtbot, demo_db, demo_today):
    made = ReportTab(Session(demo_db, today=demo_today))
    qtbot.addWidget(made)
    made.resize(1300, 760)
    made.show()
    yield made
    made.detach()


def choose_custom(tab, start: dt.date, end: dt.date) -> None:
    tab.kind_box.setCurrentIndex(tab.kind_box.findData("custom"))
    tab.start_edit.setDate(QDate(start.year, start.month, start.day))
    tab.end_edit.setDate(QDate(end.year, end.month, end.day))
    tab.update_preview()


def test_a_monthly_report_starts_with_the_last_full_month(tab, demo_today):
    assert tab.kind_box.currentData() == "month"
    assert tab.period() == periods.month(2026, 10)
    assert tab.report is not None and tab.report.period == "Oktober 2026"
    pages = tab.pages_layout.count()
    assert pages >= 3  # cover, summary and tables, charts…
    assert tab.note.text().startswith(f"{pages} halaman")


def test_the_pdf_holds_the_brief_figures(pdf_text, tab, tmp_path):
    choose_custom(tab, dt.date(2019, 1, 1), dt.date(2019, 8, 31))
    path = tab.write_pdf(tmp_path / "laporan.pdf")
    text = pdf_text(path)
    assert "76.670" in text and "24.370" in text
    assert "1 Januari – 31 Agustus 2019" in text
    assert not list(tmp_path.glob(".*.partial"))


def test_english_report_from_the_indonesian_window(pdf_text, tab, tmp_path):
    choose_custom(tab, dt.date(2019, 1, 1), dt.date(2019, 8, 31))
    tab.language_box.setCurrentIndex(tab.language_box.findData("en"))
    tab.update_preview()
    text = pdf_text(tab.write_pdf(tmp_path / "report.pdf"))
    assert "76,670" in text and "Page 1 of" in text
    assert tab.kind_box.itemText(0) == "Bulan"  # the window stays Indonesian


def test_sections_left_out_are_not_in_the_report(pdf_text, tab, tmp_path):
    choose_custom(tab, dt.date(2019, 1, 1), dt.date(2019, 8, 31))
    tab.section_boxes["summary"].setChecked(False)
    tab.update_preview()
    text = pdf_text(tab.write_pdf(tmp_path / "laporan.pdf"))
    assert "Ringkasan" not in text
    assert "Pengikut" in text


def test_chosen_accounts_only(pdf_text, tab, demo_db, tmp_path):
    insta = next(
        a for a in accounts.list_all(demo_db) if a.handle == "bmsn_ri" and a.platform == "instagram"
    )
    tab.scope_box.setCurrentIndex(tab.scope_box.findData("accounts"))
    for row in range(tab.account_list.count()):
        item = tab.account_list.item(row)
        ticked = item.data(Qt.ItemDataRole.UserRole) == insta.id
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    choose_custom(tab, dt.date(2019, 1, 1), dt.date(2019, 8, 31))
    assert tab.options().account_ids == (insta.id,)
    text = pdf_text(tab.write_pdf(tmp_path / "laporan.pdf"))
    assert "76.670" in text and "bmsn.timur" not in text


def test_no_account_ticked_says_so(tab):
    tab.scope_box.setCurrentIndex(tab.scope_box.findData("accounts"))
    for row in range(tab.account_list.count()):
        tab.account_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    tab.update_preview()
    assert tab.preview_stack.currentIndex() == 1
    assert tab.preview_empty.title.text() == "Belum ada akun yang dipilih"
    assert not tab.save_button.isEnabled()


def test_a_period_without_data_says_so(tab):
    choose_custom(tab, dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    assert tab.preview_stack.currentIndex() == 1
    assert tab.preview_empty.title.text() == "Tidak ada data pada periode ini"
    assert not tab.save_button.isEnabled() and not tab.print_button.isEnabled()


def test_a_failed_save_says_where_and_leaves_nothing(tab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert tab.write_pdf(tmp_path / "tidak-ada" / "laporan.pdf") is None
    assert shown and "tidak-ada" in shown[0]


def test_a_new_indicator_appears_in_the_report(
    pdf_text, tab, demo_db, qtbot, monkeypatch, tmp_path
):
    start, end = tab.period()
    dialog = KpiDialog(tab.session, start, end, tab)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()

    from gui.kpi_dialog import KpiForm

    def fill_and_save(form):
        form.name.setText("Siaran pers diunggah")
        form.measure.setCurrentIndex(kpis.MEASURES.index("manual"))
        form.target.setText("10")
        form.unit.setText("siaran")
        form.manual.setText("12")
        form.accept()
        return bool(form.saved)

    monkeypatch.setattr(KpiForm, "exec", fill_and_save)
    assert dialog.add() is not None
    assert dialog.model.rowCount() == before + 1
    row = dialog.model.rows[-1]
    assert (row.realisation, row.achieved) == (12, True)
    tab.update_preview()
    text = pdf_text(tab.write_pdf(tmp_path / "laporan.pdf"))
    assert "Siaran pers diunggah" in text and "Tercapai" in text


def test_a_bad_target_is_refused_at_its_field(tab, qtbot):
    from gui.kpi_dialog import KpiForm

    form = KpiForm(None, tab)
    qtbot.addWidget(form)
    form.name.setText("Tingkat interaksi")
    form.measure.setCurrentIndex(kpis.MEASURES.index("engagement_rate"))
    form.target.setText("banyak")
    db, start, end = tab.session.db, *tab.period()
    form.save = lambda: kpis.create(db, start, end, **form.values())
    form.accept()
    assert form.saved is None
    assert not form.error.isHidden()
    assert form.error.text().startswith("Target")  # the field named, in its own words


def test_custom_dates_start_from_last_month_not_the_year_2000(tab):
    tab.kind_box.setCurrentIndex(tab.kind_box.findData("custom"))
    assert tab.period() == periods.month(2026, 10)


def test_another_file_carries_no_choices_over(tab, db):
    from core import accounts as accounts_mod

    tab.scope_box.setCurrentIndex(tab.scope_box.findData("accounts"))
    tab.account_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    mine = accounts_mod.create(db, "x", "baru", "Akun Baru")
    tab.session = Session(db, today=tab.session.today)
    tab._on_database_opened()
    assert tab.scope_box.currentData() == "all"
    ids = [
        tab.account_list.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(tab.account_list.count())
    ]
    assert ids == [mine.id]
    assert tab.account_list.item(0).checkState() == Qt.CheckState.Checked


def test_unticked_accounts_stay_unticked_after_a_refresh(tab):
    tab.scope_box.setCurrentIndex(tab.scope_box.findData("accounts"))
    tab.account_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    kept = tab.chosen_account_ids()
    tab.refresh()
    assert tab.chosen_account_ids() == kept


def test_an_engagement_target_round_trips_through_the_form(tab, qtbot):
    from gui.kpi_dialog import KpiForm

    db, (start, end) = tab.session.db, tab.period()
    kpi = kpis.create(db, start, end, "Interaksi", "outcome", "engagement_rate", "1,5%", "%")
    assert kpi.target == pytest.approx(0.015)
    form = KpiForm(kpi, tab)
    qtbot.addWidget(form)
    assert form.target.text() == "1,50%"
    form.name.setText("Interaksi gabungan")
    changed = kpis.update(db, kpi.id, **form.values())
    assert changed.target == pytest.approx(0.015) and changed.name == "Interaksi gabungan"
    assert kpis.create(
        db, start, end, "Tanpa %", "outcome", "engagement_rate", "2,5"
    ).target == pytest.approx(0.025)
