"""The plan import dialog: preview of the posts to add, problems by row and column, the
questions (unknown columns, unknown accounts, date order), Import only without problems."""

from __future__ import annotations

import pytest

from core import posts
from core.i18n import _
from gui import plan_import_dialog
from gui.plan_import_dialog import PlanImportDialog, import_plan
from gui.session import Session
from gui.signals import app_signals


@pytest.fixture
def session(demo_db, demo_today):
    return Session(demo_db, today=demo_today)


def write_csv(folder, text, name="rencana.csv"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def planned(qtbot, session, path):
    dialog = PlanImportDialog(session, path)
    qtbot.addWidget(dialog)
    dialog.start()
    return dialog


def count_posts(db):
    return db.conn.execute("SELECT count(*) FROM posts").fetchone()[0]


GOOD = (
    "tanggal;jam;platform;akun;judul;teks;status\n"
    "2026-12-01;09:00;instagram;bmsn_ri;Hari AIDS;Peringati Hari AIDS Sedunia;draf\n"
    "2026-12-01;10:00;facebook;bmsn.ri;Hari AIDS;Peringati Hari AIDS Sedunia, Sobat;disetujui\n"
)


def test_preview_lists_the_posts_and_import_writes_them(qtbot, session, tmp_path, qtmodeltester):
    dialog = planned(qtbot, session, write_csv(tmp_path, GOOD))
    assert dialog.plan.ok and dialog.import_button.isEnabled()
    assert dialog.adds_model.rowCount() == 2
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.adds_view))
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.problems_view))
    status = dialog.adds_model.display(dialog.adds_model.rows[1], "status")
    assert posts.status_title("review") in status and posts.status_title("approved") in status
    qtmodeltester.check(dialog.adds_model)
    before = count_posts(session.db)
    with qtbot.waitSignal(app_signals().data_changed) as changed:
        dialog.import_button.click()
    assert dialog.written and dialog.result() == PlanImportDialog.DialogCode.Accepted
    assert changed.args[0].kinds == {"posts"}
    assert count_posts(session.db) == before + 1
    again = planned(qtbot, session, write_csv(tmp_path, GOOD))
    assert again.plan.already == [2, 3] and not again.import_button.isEnabled()


def test_problems_show_their_row_and_column_and_hold_import(qtbot, session, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal;platform;akun;teks\n"
        "31/02/2026;instagram;bmsn_ri;Tanggal mustahil\n"
        "02/12/2026;instagram;bmsn_ri;Baik\n",
    )
    before = count_posts(session.db)
    dialog = planned(qtbot, session, path)
    assert not dialog.import_button.isEnabled()
    assert [(p.row, p.column) for p in dialog.problems_model.rows] == [(2, "tanggal")]
    assert dialog.tabs.currentWidget() is dialog.problems_view
    dialog.run_import()
    assert count_posts(session.db) == before


def test_unknown_accounts_and_columns_are_mapped_in_the_dialog(qtbot, session, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,Akun IG,Naskah IG\n"
        "2026-12-02,Instagram BMSN,Satu\n"
        "2026-12-03,Instagram BMSN,Dua\n",
    )
    dialog = planned(qtbot, session, path)
    assert set(dialog.column_combos) == {"Akun IG", "Naskah IG"}
    assert dialog.mapping_box.isVisibleTo(dialog)
    for header, target in (("Akun IG", "account"), ("Naskah IG", "text")):
        combo = dialog.column_combos[header]
        combo.setCurrentIndex(combo.findData(target))
    dialog.plan_again_button.click()
    assert dialog.plan.unknown_accounts == ["Instagram BMSN"]
    assert not dialog.problems_model.rows  # the question answers it
    assert not dialog.import_button.isEnabled()
    assert dialog.note.text() == _(
        "Answer the questions above first; nothing is imported until then."
    )
    combo = dialog.account_combos["Instagram BMSN"]
    combo.setCurrentIndex(combo.findData("instagram:bmsn_ri"))
    dialog.plan_again_button.click()
    assert dialog.plan.ok and dialog.import_button.isEnabled()
    assert [e.account for _p, e in dialog.plan.entries] == ["instagram:bmsn_ri"] * 2


def test_a_column_mapped_onto_a_field_another_column_gives_is_listed(qtbot, session, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,platform,akun,teks,caption ig\n2026-12-02,instagram,bmsn_ri,Satu,Dua\n",
    )
    dialog = planned(qtbot, session, path)
    assert set(dialog.column_combos) == {"caption ig"}
    combo = dialog.column_combos["caption ig"]
    combo.setCurrentIndex(combo.findData("text"))
    dialog.plan_again_button.click()
    assert [(p.row, p.column) for p in dialog.problems_model.rows] == [(1, "caption ig")]
    assert "teks" in dialog.problems_model.rows[0].message
    assert dialog.tabs.isVisibleTo(dialog) and dialog.tabs.currentWidget() is dialog.problems_view
    assert not dialog.import_button.isEnabled()
    assert dialog.note.text() == _("Solve the problems first; nothing is imported until then.")
    combo.setCurrentIndex(combo.findData(""))  # left out again
    dialog.plan_again_button.click()
    assert dialog.plan.ok and dialog.import_button.isEnabled()


def test_ambiguous_dates_ask_the_order(qtbot, session, tmp_path):
    path = write_csv(
        tmp_path,
        "tanggal,platform,akun,teks\n"
        "03/04/2027,instagram,bmsn_ri,Satu\n"
        "05/06/2027,instagram,bmsn_ri,Dua\n",
    )
    dialog = planned(qtbot, session, path)
    assert dialog.dates_box.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.date_radios["mdy"].click()
    assert dialog.plan.ok
    assert [e.planned_at[:10] for _p, e in dialog.plan.entries] == ["2027-03-04", "2027-05-06"]


def test_read_only_file_cannot_import(qtbot, demo_db, demo_today, tmp_path):
    from core.db import open_database

    demo_db.close()
    with open_database(demo_db.path, read_only=True) as database:
        dialog = planned(qtbot, Session(database, today=demo_today), write_csv(tmp_path, GOOD))
        assert dialog.plan.ok and not dialog.import_button.isEnabled()


def test_import_plan_without_a_file_does_nothing(qtbot, session, monkeypatch):
    monkeypatch.setattr(plan_import_dialog, "choose_file", lambda parent: [])
    assert import_plan(None, session) is False
