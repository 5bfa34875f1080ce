"""The import dialog: preview, questions (columns, date order, accounts), Import, read-only."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core import accounts, metrics, timezone
from core.db import open_database
from core.i18n import _
from gui import import_dialog
from gui.import_dialog import ImportDialog, import_files
from gui.import_screenshots import preview_for_screenshot
from gui.session import Session
from gui.signals import app_signals

PLATFORMS = Path(__file__).resolve().parent.parent / "fixtures" / "platforms"


@pytest.fixture
def session(demo_db, demo_today):
    return Session(demo_db, today=demo_today)


@pytest.fixture
def export_today(monkeypatch):
    """A fixed "today" for the platform fixtures: TikTok's dates without a year end on the
    latest such day not after it (January 6 → 2026-01-06)."""
    monkeypatch.setattr(timezone, "latest_today", lambda _db: dt.date(2026, 11, 28))


def account_id(db, platform, handle):
    return next(a.id for a in accounts.list_all(db) if (a.platform, a.handle) == (platform, handle))


def write_csv(folder, text, name="metrik.csv"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def dump(db):
    return list(map(tuple, db.query("SELECT * FROM account_snapshots ORDER BY id")))


def planned(qtbot, session, path):
    dialog = ImportDialog(session, [path])
    qtbot.addWidget(dialog)
    dialog.start()
    return dialog


GENERIC = """platform;akun;tanggal;pengikut;jangkauan
instagram;bmsn_ri;2026-11-01;163.112;81.240
instagram;bmsn_ri;2026-11-08;163.540;70.115
facebook;bmsn.ri;2026-11-08;10.556;7.902
"""


def test_generic_csv_previews_counts_and_imports(qtbot, session, tmp_path):
    dialog = planned(qtbot, session, write_csv(tmp_path, GENERIC))
    plan = dialog.plan
    assert (len(plan.adds), len(plan.changes), plan.unchanged) == (2, 1, 0)
    assert dialog.import_button.isEnabled()
    assert "2" in dialog.summary.text() and "1" in dialog.summary.text()
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.adds_view))
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.changes_view))
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.problems_view))
    change = dialog.changes_model.display(dialog.changes_model.rows[0], "reach")
    assert change == "78.625 → 81.240"

    instagram = account_id(session.db, "instagram", "bmsn_ri")
    facebook = account_id(session.db, "facebook", "bmsn.ri")
    with qtbot.waitSignal(app_signals().data_changed) as changed:
        dialog.import_button.click()
    assert dialog.written and dialog.result() == ImportDialog.DialogCode.Accepted
    assert changed.args[0].kinds == {"snapshots"}
    assert changed.args[0].ids == {instagram, facebook}
    days = {s.date: s for s in metrics.snapshots(session.db, instagram, "2026-11-01")}
    assert days["2026-11-01"].reach == 81240
    assert days["2026-11-08"].followers == 163540
    assert metrics.snapshots(session.db, facebook, "2026-11-08")[0].followers == 10556
    assert "2" in dialog.result_text


def test_bad_row_shows_its_row_and_column_and_nothing_is_written(qtbot, session, tmp_path):
    before = dump(session.db)
    path = write_csv(
        tmp_path,
        "platform,akun,tanggal,pengikut\n"
        "instagram,bmsn_ri,2026-11-08,163540\n"
        "instagram,bmsn_ri,2026-11-09,banyak\n",
    )
    dialog = planned(qtbot, session, path)
    problems = dialog.problems_model
    assert [(p.row, p.column) for p in problems.rows] == [(3, "pengikut")]
    assert problems.display(problems.rows[0], "file") == "metrik.csv"
    assert dialog.tabs.currentWidget() is dialog.problems_view
    assert not dialog.import_button.isEnabled()
    dialog.run_import()
    assert dump(session.db) == before


def test_unknown_columns_are_mapped_and_remembered(qtbot, session, tmp_path):
    text = "platform;akun;tanggal;Jml Follower\ninstagram;bmsn_ri;2026-11-08;163.540\n"
    dialog = planned(qtbot, session, write_csv(tmp_path, text))
    assert dialog.plan.unknown_headers == ["Jml Follower"]
    assert dialog.mapping_box.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()
    combo = dialog.mapping_combos["Jml Follower"]
    combo.setCurrentIndex(combo.findData("followers"))
    dialog.plan_again_button.click()
    assert dialog.plan.ok and len(dialog.plan.adds) == 1
    signature = dialog.plan.header_signature
    dialog.import_button.click()
    assert dialog.written
    assert import_dialog.remembered_mapping(signature) == {"Jml Follower": "followers"}

    other = "platform;akun;tanggal;Jml Follower\ninstagram;bmsn_ri;2026-11-09;163.600\n"
    again = planned(qtbot, session, write_csv(tmp_path, other, "lagi.csv"))
    assert again.plan.ok and len(again.plan.adds) == 1
    assert again.mapping_combos["Jml Follower"].currentData() == "followers"
    assert again.import_button.isEnabled()


def test_remembered_mapping_ignores_case_and_spacing(qtbot, session, tmp_path):
    first = "platform;akun;tanggal;Jml Follower\ninstagram;bmsn_ri;2026-11-08;163.540\n"
    dialog = planned(qtbot, session, write_csv(tmp_path, first))
    import_dialog.remember_mapping(dialog.plan.header_signature, {"Jml Follower": "followers"})
    other = "Platform;Akun;Tanggal;JML_FOLLOWER\ninstagram;bmsn_ri;2026-11-09;163.600\n"
    again = planned(qtbot, session, write_csv(tmp_path, other, "lagi.csv"))
    assert again.plan.ok and again.import_button.isEnabled()


def test_falling_followers_are_a_warning_that_allows_the_import(qtbot, session, tmp_path):
    text = "platform;akun;tanggal;pengikut\ninstagram;bmsn_ri;2026-11-08;1.000\n"
    dialog = planned(qtbot, session, write_csv(tmp_path, text))
    assert len(dialog.warnings_model.rows) == 1
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.warnings_view))
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.problems_view))
    assert dialog.import_button.isEnabled()


def test_ambiguous_dates_ask_for_the_order(qtbot, session, tmp_path):
    text = "platform;akun;tanggal;pengikut\ninstagram;bmsn_ri;08/11/2026;163.540\n"
    dialog = planned(qtbot, session, write_csv(tmp_path, text))
    assert dialog.plan.ambiguous_dates
    assert dialog.dates_box.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()
    # The question stands for the command line's "--date-order" problem: not listed twice.
    shown = [p.message for p in dialog.problems_model.rows]
    assert not any("--date-order" in message for message in shown)
    dialog.date_radios["dmy"].click()
    assert dialog.options.date_order == "dmy"
    assert [r.date for r in dialog.plan.adds] == ["2026-11-08"]
    assert dialog.import_button.isEnabled()
    assert dialog.date_radios["dmy"].isChecked()


def test_unknown_account_is_created_when_ticked(qtbot, session, tmp_path):
    text = "platform;akun;tanggal;pengikut\ntiktok;bmsn_baru;2026-11-08;1.250\n"
    dialog = planned(qtbot, session, write_csv(tmp_path, text))
    assert dialog.create_accounts.isVisibleTo(dialog)
    assert "TikTok @bmsn_baru" in dialog.create_accounts.text()
    assert not dialog.import_button.isEnabled()
    assert not any("--create-accounts" in p.message for p in dialog.problems_model.rows)
    dialog.create_accounts.setChecked(True)
    assert dialog.plan.ok and dialog.plan.accounts_to_create == [("tiktok", "bmsn_baru")]
    kinds = []
    app_signals().data_changed.connect(lambda change: kinds.append(change.kinds))
    dialog.import_button.click()
    created = account_id(session.db, "tiktok", "bmsn_baru")
    assert metrics.snapshots(session.db, created)[0].followers == 1250
    assert {"accounts"} in kinds and {"snapshots"} in kinds


def test_file_without_account_columns_asks_whose_figures(qtbot, session, tmp_path):
    text = "tanggal;pengikut\n2026-11-08;10.556\n"
    dialog = planned(qtbot, session, write_csv(tmp_path, text))
    assert dialog.account_row.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()
    combo = dialog.account_combo
    combo.setCurrentIndex(combo.findData("facebook:bmsn.ri"))
    dialog.choose_account()
    assert dialog.plan.ok and dialog.plan.adds[0].handle == "bmsn.ri"
    assert dialog.import_button.isEnabled()


def test_importing_twice_changes_nothing(qtbot, session, tmp_path):
    path = write_csv(tmp_path, GENERIC)
    planned(qtbot, session, path).import_button.click()
    again = planned(qtbot, session, path)
    assert not again.plan.adds and not again.plan.changes and again.plan.unchanged == 3
    assert not again.import_button.isEnabled()
    assert again.note.text() == _("Nothing to change: Linimasa already holds these figures.")


def test_read_only_previews_but_does_not_import(qtbot, demo_db, demo_today, tmp_path):
    path = demo_db.path
    demo_db.close()
    read_only = Session(open_database(path, read_only=True), today=demo_today)
    dialog = planned(qtbot, read_only, write_csv(tmp_path, GENERIC))
    assert len(dialog.plan.adds) == 2
    assert not dialog.import_button.isEnabled()
    assert dialog.note.text() == _("The file is open read-only: nothing can be imported.")
    read_only.close()


def test_unreadable_file_shows_its_message(qtbot, session, tmp_path):
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    dialog = planned(qtbot, session, path)
    assert dialog.plan.problems
    assert dialog.problems_model.rows[0].file.endswith("foto.csv")
    assert not dialog.import_button.isEnabled()


def test_cancelled_planning_leaves_nothing_open(qtbot, session, tmp_path, monkeypatch):
    from core.progress import Cancelled

    def cancelled(*_args, **_kwargs):
        raise Cancelled()

    monkeypatch.setattr(import_dialog.importing, "plan", cancelled)
    assert import_files(None, session, [write_csv(tmp_path, GENERIC)]) is False


def test_instagram_export_shows_its_format_and_posts_outside_the_plan(
    qtbot, session, export_today, qtmodeltester
):
    accounts.create(session.db, platform="instagram", handle="diskominfo.contoh")
    dialog = planned(qtbot, session, PLATFORMS / "meta_instagram_posts.csv")
    assert dialog.formats_label.isVisibleTo(dialog)
    recognised = dialog.formats_label.text()
    assert recognised.startswith("meta_instagram_posts.csv: ")
    assert _("Meta Business Suite: Instagram posts") in recognised
    assert "Publish time" in recognised and "Follows" in dialog.formats_label.toolTip()
    assert dialog.summary.text() == _(
        "Posts: {added} to add · {changed} to change · {unchanged} unchanged"
    ).format(added=3, changed=0, unchanged=0)

    posts = dialog.posts_model
    place = dialog.tabs.indexOf(dialog.posts_view)
    assert dialog.tabs.isTabVisible(place) and dialog.tabs.currentIndex() == place
    assert dialog.tabs.tabText(place) == _("Posts ({n})").format(n=3)
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.adds_view))
    assert [posts.display(row, "match") for row in posts.rows] == [_("Outside the plan")] * 3
    first = posts.rows[0]
    assert posts.display(first, "account") == "Instagram @diskominfo.contoh"
    assert posts.display(first, "published") == "2 Okt 2026 07.30 WIB"
    assert posts.display(first, "impressions") == "3.480"
    assert posts.display(first, "caption").startswith("Selamat pagi, warga Kota Contoh!")
    qtmodeltester.check(posts)
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(app_signals().data_changed) as changed:
        dialog.import_button.click()
    assert dialog.written and changed.args[0].kinds == {"posts"}
    stored = session.db.query(
        "SELECT count(*) FROM post_metrics m JOIN accounts a ON a.id = m.account_id "
        "WHERE a.handle = 'diskominfo.contoh' AND m.variant_id IS NULL"
    )
    assert stored[0][0] == 3
    assert dialog.result_text == _("Imported posts: {added} added, {changed} changed.").format(
        added=3, changed=0
    )

    again = planned(qtbot, session, PLATFORMS / "meta_instagram_posts.csv")
    assert again.plan.post_unchanged == 3 and not again.import_button.isEnabled()
    assert again.note.text() == _("Nothing to change: Linimasa already holds these figures.")


def test_post_matched_to_its_planned_post_says_how(qtbot, session, export_today, tmp_path):
    variant, published, url = session.db.query(
        "SELECT v.id, v.published_at, v.url FROM post_variants v "
        "JOIN accounts a ON a.id = v.account_id WHERE a.platform = 'instagram' "
        "AND a.handle = 'bmsn_ri' AND v.published_at IS NOT NULL AND v.url != '' "
        "ORDER BY v.published_at DESC LIMIT 1"
    )[0]
    moment = dt.datetime.fromisoformat(published)
    header = (PLATFORMS / "meta_instagram_posts.csv").read_text(encoding="utf-8-sig")
    header = header.splitlines()[0]
    row = (
        f'17999999999999999,17841400000000000,bmsn_ri,"BMSN RI","Halo Sobat Mutu!",0,'
        f'"{moment:%m/%d/%Y %H:%M}",{url},"IG image",,Lifetime,"1,200",900,80,4,1,6,2'
    )
    path = write_csv(tmp_path, f"{header}\n{row}\n", "instagram.csv")
    dialog = planned(qtbot, session, path)
    posts = dialog.posts_model
    assert [post.variant_id for post, _differ in posts.rows] == [variant]
    assert posts.display(posts.rows[0], "match") == _("Matched: {how}").format(how=_("link"))
    with qtbot.waitSignal(app_signals().data_changed) as changed:
        dialog.import_button.click()
    assert changed.args[0].kinds == {"posts"} and changed.args[0].ids == {variant}


def test_youtube_zip_lists_each_file_and_both_days_and_videos(qtbot, session, export_today):
    dialog = planned(qtbot, session, PLATFORMS / "youtube_export.zip")
    lines = dialog.formats_label.text().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "• Chart data.csv",
        "• Table data.csv",
        "• Totals.csv",
    ]
    assert len(dialog.summary.text().splitlines()) == 2
    for view in (dialog.adds_view, dialog.posts_view):
        assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(view))
    posts = dialog.posts_model
    # The table gives the day a video was published, not its time.
    assert posts.display(posts.rows[0], "published") == "3 Okt 2026"
    assert posts.display(posts.rows[2], "impressions") == ""
    assert dialog.import_button.isEnabled()


def test_tiktok_overview_asks_which_tiktok_account(qtbot, session, export_today):
    for handle in ("diskominfo.contoh", "bmsn_tiktok"):
        accounts.create(session.db, platform="tiktok", handle=handle)
    dialog = planned(qtbot, session, PLATFORMS / "tiktok" / "Overview.csv")
    assert dialog.plan.needs_account
    assert dialog.account_row.isVisibleTo(dialog)
    assert not dialog.problems_model.rows
    assert not dialog.import_button.isEnabled()
    assert _("TikTok Studio: overview (per day)") in dialog.formats_label.text()
    combo = dialog.account_combo
    offered = {combo.itemData(i) for i in range(1, combo.count())}
    assert offered == {"tiktok:diskominfo.contoh", "tiktok:bmsn_tiktok"}

    combo.setCurrentIndex(combo.findData("tiktok:diskominfo.contoh"))
    dialog.choose_account()
    adds = dialog.plan.adds
    assert dialog.plan.ok and len(adds) == 10
    assert (adds[0].date, adds[0].values["video_views"]) == ("2025-12-28", 1203)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    tiktok = account_id(session.db, "tiktok", "diskominfo.contoh")
    days = {s.date: s for s in metrics.snapshots(session.db, tiktok)}
    assert days["2026-01-06"].video_views == 2214 and days["2026-01-06"].followers is None


def test_instagram_export_into_a_facebook_account_names_both(qtbot, session, export_today):
    dialog = ImportDialog(session, [PLATFORMS / "bad" / "instagram_as_facebook.csv"])
    qtbot.addWidget(dialog)
    dialog.options = dataclasses.replace(dialog.options, account="facebook:bmsn.ri")
    dialog.start()
    messages = [p.message for p in dialog.problems_model.rows]
    assert len(messages) == 1
    assert "Instagram" in messages[0] and "Facebook" in messages[0]
    assert dialog.tabs.currentWidget() is dialog.problems_view
    assert not dialog.import_button.isEnabled()
    # The question offers the file's platform (and shows the account given).
    combo = dialog.account_combo
    assert combo.currentData() == "facebook:bmsn.ri"
    offered = {combo.itemData(i) for i in range(1, combo.count())}
    assert {"instagram:bmsn_ri", "facebook:bmsn.ri"} <= offered
    assert "facebook:bmsn.timur" not in offered


def test_file_chooser_takes_zip_exports(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    filters = []

    def chooser(_parent, _title, _folder, name_filter):
        filters.append(name_filter)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(chooser))
    assert import_dialog.choose_files(None) == []
    assert "*.zip" in filters[0] and "*.csv" in filters[0]


def test_last_folder_is_remembered(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    chosen = str(tmp_path / "a.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args: ([chosen], "")))
    assert import_dialog.choose_files(None) == [tmp_path / "a.csv"]
    assert QSettings().value(import_dialog.LAST_FOLDER_KEY) == str(tmp_path)


def test_screenshot_preview(qtbot, session, qtmodeltester):
    dialog = preview_for_screenshot(None, session)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert (len(dialog.plan.adds), len(dialog.plan.changes)) == (6, 1)
    assert dialog.import_button.isEnabled()
    qtmodeltester.check(dialog.adds_model)
    qtmodeltester.check(dialog.changes_model)
