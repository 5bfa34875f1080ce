"""Berkas > Kirim ke biro… and Berkas > Gabungkan data unit… (gui.unit_exchange_dialog)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core import accounts, backups, demo, metrics, settings, unit_package, units
from core.db import open_database
from core.i18n import _
from core.progress import Progress
from gui import unit_exchange_dialog as ux
from gui.session import Session

UNIT = "Balai Layanan Standar Wilayah Timur"


@pytest.fixture
def session(demo_db, demo_today):
    return Session(demo_db, today=demo_today)


@pytest.fixture
def out(tmp_path):
    """Where files are sent (the demo file and its companions are in tmp_path)."""
    folder = tmp_path / "kirim"
    folder.mkdir()
    return folder


@pytest.fixture
def timur(demo_db):
    return units.find(demo_db, UNIT)


def _send_dialog(qtbot, session) -> ux.SendDialog:
    dialog = ux.SendDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def _merge_dialog(qtbot, session, paths) -> ux.MergeDialog:
    dialog = ux.MergeDialog(session, [Path(p) for p in paths])
    qtbot.addWidget(dialog)
    dialog.start()
    return dialog


def _snapshot_count(db) -> int:
    return db.conn.execute("SELECT count(*) FROM account_snapshots").fetchone()[0]


def _unit_file(bureau, unit, folder: Path):
    """A unit's own file, begun from the bureau's starting file (template), in which the unit
    added a TikTok account and figures of its own."""
    start = folder / "bls-timur.sqlite"
    unit_package.export_unit(bureau, unit.id, None, None, start, template=True)
    unit_db = open_database(start)
    own = units.find(unit_db, UNIT)
    tiktok = accounts.create(unit_db, "tiktok", "bmsn_timur", unit_id=own.id)
    metrics.upsert_snapshots(
        unit_db, [{"account_id": tiktok.id, "date": "2026-11-20", "followers": 812}]
    )
    return unit_db, own


# --- sending ------------------------------------------------------------------------------


def test_sending_writes_a_package_that_names_the_unit_and_the_period(
    qtbot, session, timur, out, monkeypatch
):
    dialog = _send_dialog(qtbot, session)
    assert dialog.period() == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))  # last month
    dialog.this_month.click()
    assert dialog.period() == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    dialog.last_month.click()
    dialog.unit.setCurrentIndex(dialog.unit.findData(timur.id))
    asked = []

    def ask(_parent, _title, suggested, _filter, suffix):
        asked.append((suggested.name, suffix))
        return out / suggested.name

    monkeypatch.setattr(ux, "ask_save_path", ask)
    dialog.save_button.click()

    assert asked == [("BLS-Timur-2026-10.linimasa", "linimasa")]
    target = out / "BLS-Timur-2026-10.linimasa"
    manifest = unit_package.read(target)
    assert (manifest.unit_name, manifest.start, manifest.end) == (UNIT, "2026-10-01", "2026-10-31")
    assert not manifest.template
    assert dialog.written == target
    assert dialog.pages.currentIndex() == 1
    assert UNIT in dialog.result.text() and "Oktober 2026" in dialog.result.text()
    assert dialog.result_path.text() == str(target)
    assert [p.name for p in out.iterdir()] == [target.name]  # nothing left beside it

    opened = []
    monkeypatch.setattr(ux.QDesktopServices, "openUrl", opened.append)
    dialog.folder_button.click()
    assert len(opened) == 1 and opened[0].isLocalFile()
    assert Path(opened[0].toLocalFile()) == out


def test_a_starting_file_for_the_unit_is_a_template(qtbot, session, timur, out, monkeypatch):
    dialog = _send_dialog(qtbot, session)
    dialog.unit.setCurrentIndex(dialog.unit.findData(timur.id))
    dialog.template.setChecked(True)
    assert not dialog.start.isEnabled()
    assert dialog.save_button.text() == _("Save starting file…")
    monkeypatch.setattr(ux, "ask_save_path", lambda _p, _t, suggested, _f, _s: out / suggested.name)
    dialog.save_button.click()

    manifest = unit_package.read(out / "BLS-Timur.sqlite")
    assert manifest.template and manifest.start is None
    assert manifest.counts["account_snapshots"] == 0


def test_the_unit_of_the_member_at_this_computer_is_chosen_first(qtbot, session, demo_db):
    from core import members
    from gui.acting import set_member

    assert _send_dialog(qtbot, session).selected_unit() == units.tree(demo_db)[0][0]
    yohanes = next(m for m in members.list_all(demo_db) if m.name == "Yohanes Rumbiak")
    set_member(session, yohanes)
    assert _send_dialog(qtbot, session).selected_unit().id == yohanes.unit_id


def test_nothing_is_written_when_sending_is_cancelled(qtbot, session, timur, out, monkeypatch):
    dialog = _send_dialog(qtbot, session)
    monkeypatch.setattr(ux, "ask_save_path", lambda *_args: None)
    dialog.save_button.click()
    assert list(out.glob("*.linimasa")) == []
    assert dialog.pages.currentIndex() == 0 and dialog.written is None

    # Cancelled while writing: a file of that name is left as it was.
    target = out / "kiriman.linimasa"
    target.write_bytes(b"the earlier package")
    progress = Progress()
    progress.cancel()
    assert (
        ux.write_package(
            session.path, timur.id, "2026-11-01", "2026-11-25", target, False, progress
        )
        is None
    )
    assert target.read_bytes() == b"the earlier package"
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["kiriman.linimasa"]


def test_a_folder_that_cannot_be_written_is_named_with_the_reason(qtbot, session, out):
    dialog = _send_dialog(qtbot, session)
    dialog.write(out / "no-such-folder" / "paket.linimasa")
    assert dialog.pages.currentIndex() == 0
    assert dialog.error.isVisibleTo(dialog)
    assert "no-such-folder" in dialog.error.text()
    assert "tidak ada" in dialog.error.text()  # core.errors.os_reason: it does not exist


# --- merging ------------------------------------------------------------------------------


def test_merging_a_package_from_a_unit_file_adds_its_rows_and_tells_the_tabs(
    qtbot, session, demo_db, timur, tmp_path, changes
):
    unit_db, own = _unit_file(demo_db, timur, tmp_path)
    package = tmp_path / "BLS-Timur-2026-11.linimasa"
    unit_package.export_unit(unit_db, own.id, "2026-11-01", "2026-11-30", package)
    unit_db.close()
    snapshots = _snapshot_count(demo_db)

    dialog = _merge_dialog(qtbot, session, [package])
    assert UNIT in dialog.packages.text() and "November 2026" in dialog.packages.text()
    assert "TikTok bmsn_timur" in dialog.summary.text()
    shown = {row[0]: row[1] for row in dialog.changes_model.rows}
    assert shown["accounts"] == 1 and shown["account_snapshots"] == 1
    assert not dialog.problems.isVisibleTo(dialog) and not dialog.conflicts_box.isVisibleTo(dialog)
    assert dialog.merge_button.isEnabled()
    assert _snapshot_count(demo_db) == snapshots  # the preview changed nothing

    dialog.merge_button.click()

    assert dialog.merged
    (tiktok,) = [a for a in accounts.list_all(demo_db) if a.platform == "tiktok"]
    assert tiktok.unit_id == timur.id
    assert metrics.snapshot_on(demo_db, tiktok.id, "2026-11-20").followers == 812
    told = set().union(*(change.kinds for change in changes))
    assert {"accounts", "snapshots"} <= told
    assert any(b.kind == "merge" for b in backups.list_backups(demo_db.path))


def test_a_conflict_is_listed_and_the_packages_value_wins_when_chosen(
    qtbot, session, demo_db, timur, tmp_path
):
    package = tmp_path / "timur.linimasa"
    unit_package.export_unit(demo_db, timur.id, "2026-11-01", "2026-11-25", package)
    account_id, day, followers = demo_db.conn.execute(
        """SELECT s.account_id, s.date, s.followers FROM account_snapshots s
           JOIN accounts a ON a.id = s.account_id
           WHERE a.unit_id = ? AND s.date BETWEEN '2026-11-01' AND '2026-11-25'
             AND s.followers IS NOT NULL ORDER BY s.date LIMIT 1""",
        (timur.id,),
    ).fetchone()
    with demo_db.transaction():
        demo_db.conn.execute(
            "UPDATE account_snapshots SET followers = ? WHERE account_id = ? AND date = ?",
            (followers - 37, account_id, day),
        )

    dialog = _merge_dialog(qtbot, session, [package])
    assert dialog.conflicts_box.isVisibleTo(dialog)
    model = dialog.conflicts_model
    cells = [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    from core import fmt

    assert ["timur.linimasa", "Pengikut", fmt.number(followers - 37), fmt.number(followers)] in [
        [c[0], c[2], c[3], c[4]] for c in cells
    ]
    assert fmt.date_short(day) in cells[0][1]
    assert not dialog.merge_button.isEnabled()

    dialog.prefer_package.setChecked(True)  # "Pakai nilai paket"
    assert dialog.plan.prefer == "package"
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()

    assert dialog.merged
    assert metrics.snapshot_on(demo_db, account_id, day).followers == followers


def test_a_package_of_another_institution_is_a_problem_and_cannot_be_merged(
    qtbot, session, demo_db, demo_today, tmp_path
):
    other = open_database(tmp_path / "lain.sqlite", create=True)
    demo.populate(other, today=demo_today)
    settings.set(other, "institution.name", "Arsip Contoh Nasional")
    # Demo files share their institution's id: this one is another institution's.
    settings.set(other, "institution.id", "8d0f2f0e-0000-4000-8000-000000000001")
    package = tmp_path / "lain.linimasa"
    unit_package.export_unit(other, units.find(other, UNIT).id, "2026-11-01", "2026-11-25", package)
    other.close()
    snapshots = _snapshot_count(demo_db)

    dialog = _merge_dialog(qtbot, session, [package])
    assert dialog.problems.isVisibleTo(dialog)
    assert "Arsip Contoh Nasional" in dialog.problems.text()
    assert str(settings.get(demo_db, "institution.name")) in dialog.problems.text()
    assert not dialog.merge_button.isEnabled()
    dialog.run_merge()
    assert not dialog.merged and _snapshot_count(demo_db) == snapshots


def test_nothing_is_merged_when_cancelled(qtbot, session, demo_db, timur, tmp_path, monkeypatch):
    unit_db, own = _unit_file(demo_db, timur, tmp_path)
    package = tmp_path / "BLS-Timur-2026-11.linimasa"
    unit_package.export_unit(unit_db, own.id, "2026-11-01", "2026-11-30", package)
    unit_db.close()
    snapshots = _snapshot_count(demo_db)

    # The preview closed with Cancel.
    dialog = _merge_dialog(qtbot, session, [package])
    dialog.buttons.rejected.emit()
    assert not dialog.merged and _snapshot_count(demo_db) == snapshots

    # Cancel pressed while merging: the merge is rolled back.
    dialog = _merge_dialog(qtbot, session, [package])
    monkeypatch.setattr(Progress, "cancelled", property(lambda _self: True))
    dialog.merge_button.click()
    assert not dialog.merged
    assert dialog.merge_button.isEnabled()
    assert "Dibatalkan" in dialog.note.text()
    assert _snapshot_count(demo_db) == snapshots
    assert not any(a.platform == "tiktok" for a in accounts.list_all(demo_db))

    # Cancel pressed while the preview is read: no dialog, nothing merged.
    assert ux.merge_units(None, session, [package]) is False
    assert _snapshot_count(demo_db) == snapshots


# --- the menu -----------------------------------------------------------------------------


def test_merging_is_not_offered_for_a_read_only_file(qtbot, tmp_path):
    from gui.mainwindow import MainWindow

    open_database(tmp_path / "arsip.sqlite", create=True).close()
    window = MainWindow(Session(open_database(tmp_path / "arsip.sqlite", read_only=True)))
    qtbot.addWidget(window)
    assert not window.act_merge.isEnabled()
    assert window.act_send.isEnabled()  # sending only reads


def test_the_menu_items_are_in_the_file_menu(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert window.act_send.text() in texts and window.act_merge.text() in texts


def test_screenshot_views_show_both_dialogs(qtbot, window):
    window.show_tab("akun")
    views = dict(window.current_page().screenshot_views())
    sent = views["kirim"]()
    assert isinstance(sent, ux.SendDialog)
    sent.close()
    preview = views["gabung"]()
    assert isinstance(preview, ux.MergeDialog)
    assert not preview.merge_button.isEnabled()  # a package of this very file: nothing new
    preview.close()
