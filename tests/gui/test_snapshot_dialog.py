"""Recording followers for a day that already holds figures: prefill, keep, empty, undo."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from core import accounts, metrics
from core.i18n import _

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def account(db):
    account = accounts.create(db, "instagram", "humas_kota")
    metrics.upsert_snapshots(
        db,
        [
            {
                "account_id": account.id,
                "date": "2026-11-25",
                "followers": 76670,
                "reach": 12500,
                "engagements": 830,
                "source": "import",
            },
            {"account_id": account.id, "date": "2026-11-20", "followers": 76000, "reach": 900},
        ],
    )
    return account


@pytest.fixture
def dialog(qtbot, db, account):
    from gui.snapshot_dialog import SnapshotDialog

    dialog = SnapshotDialog(db, account, TODAY)
    qtbot.addWidget(dialog)
    return dialog


def save(dialog) -> dict:
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    return dialog.saved


def test_the_day_s_stored_figures_are_shown(dialog):
    assert dialog.followers.text() == "76.670"
    assert dialog.counts["reach"].text() == "12.500"
    assert dialog.counts["engagements"].text() == "830"
    assert dialog.counts["impressions"].text() == ""
    assert dialog.recorded_note.isVisibleTo(dialog)


def test_prefill_follows_the_date_but_keeps_what_was_typed(dialog):
    dialog.counts["impressions"].setText("40000")
    dialog.date.setDate(QDate(2026, 11, 20))
    assert dialog.followers.text() == "76.000"
    assert dialog.counts["reach"].text() == "900"
    assert dialog.counts["engagements"].text() == ""
    assert dialog.counts["impressions"].text() == "40000"  # typed by the user
    dialog.date.setDate(QDate(2026, 11, 22))  # nothing recorded that day
    assert dialog.followers.text() == ""
    assert "76.000" in dialog.followers.placeholderText()
    assert not dialog.recorded_note.isVisibleTo(dialog)


def test_changing_only_followers_keeps_reach_and_engagements(db, dialog, account):
    dialog.followers.setText("77.001")
    save(dialog)
    day = metrics.snapshot_on(db, account.id, "2026-11-25")
    assert (day.followers, day.reach, day.engagements, day.source) == (77001, 12500, 830, "import")


def test_emptying_a_stored_figure_removes_it(db, dialog, account):
    dialog.counts["reach"].setText("")
    save(dialog)
    day = metrics.snapshot_on(db, account.id, "2026-11-25")
    assert (day.followers, day.reach, day.engagements) == (76670, None, 830)


def test_emptied_followers_are_refused(db, dialog, account):
    dialog.followers.setText(" ")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.error.text().startswith("Pengikut")
    assert metrics.snapshot_on(db, account.id, "2026-11-25").followers == 76670


def test_undo_and_redo_put_back_the_day_exactly(db, dialog, account):
    from gui.snapshot_dialog import undo_snapshot

    before = metrics.snapshot_on(db, account.id, "2026-11-25")
    dialog.followers.setText("80000")
    dialog.counts["reach"].setText("")
    dialog.counts["impressions"].setText("5000")
    row = save(dialog)
    after = metrics.snapshot_on(db, account.id, "2026-11-25")
    assert (after.reach, after.impressions) == (None, 5000)
    undo_snapshot(db, account.id, row["date"], dialog.previous)
    assert metrics.snapshot_on(db, account.id, "2026-11-25") == before
    metrics.upsert_snapshots(db, [row])  # redo, as gui/tabs/accounts.py does it
    assert metrics.snapshot_on(db, account.id, "2026-11-25") == after


def test_undo_of_a_new_day_removes_it(db, dialog, account):
    from gui.snapshot_dialog import undo_snapshot

    dialog.date.setDate(QDate(2026, 11, 24))
    dialog.followers.setText("76500")
    row = save(dialog)
    assert metrics.snapshot_on(db, account.id, "2026-11-24").followers == 76500
    undo_snapshot(db, account.id, row["date"], dialog.previous)
    assert metrics.snapshot_on(db, account.id, "2026-11-24") is None


def test_another_account_shows_its_own_day(db, dialog):
    channel = accounts.create(db, "youtube", "humaskota")
    metrics.upsert_snapshots(
        db, [{"account_id": channel.id, "date": "2026-11-25", "followers": 4100}]
    )
    dialog.set_account(channel)
    assert dialog.followers.text() == "4.100"
    assert dialog.counts["reach"].text() == ""
    assert "humaskota" in dialog.windowTitle()
    assert dialog.fields["followers"][0] == _("&Subscribers")
    assert dialog.form.labelForField(dialog.followers).text() == _("&Subscribers")
