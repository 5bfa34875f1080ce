"""File > Back up now, File > Restore from a backup…, and the offer of a good backup when
the file opened is damaged."""

from __future__ import annotations

import datetime as dt

from core import accounts, backups
from gui import backup_dialog, opening
from gui.backup_dialog import RestoreDialog


def _handles(db):
    return sorted(a.handle for a in accounts.list_all(db, include_archived=True))


def _damage(path):
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_back_up_now_writes_into_the_rotating_folder_and_says_where(window):
    window.act_backup_now.trigger()
    (made,) = backups.rotating(window.session.path)
    assert made.kind == "manual"
    assert str(made.path) in window.statusBar().currentMessage()


def test_the_list_shows_backups_newest_first_with_what_they_hold(qtbot, window):
    db = window.session.db
    older = backups.back_up(db, "daily", now=dt.datetime(2026, 11, 1, 8, 0))
    newer = backups.back_up(db, "import", now=dt.datetime(2026, 11, 20, 8, 0))
    dialog = RestoreDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.load()
    assert [row[0].path for row in dialog.model.rows] == [newer, older]
    count = db.conn.execute("SELECT count(*) FROM accounts").fetchone()[0]
    model = dialog.model
    columns = model.COLUMNS
    assert model.data(model.index(0, columns.index("accounts"))) == str(count)
    assert model.data(model.index(0, columns.index("kind"))) == "sebelum impor"
    assert dialog.selected()[0].path == newer and dialog.restore_button.isEnabled()


def test_restore_asks_then_replaces_the_file_and_keeps_the_old_one(window, monkeypatch):
    path = window.session.path
    saved = backups.back_up(window.session.db, "manual", now=dt.datetime(2026, 11, 1, 8))
    with window.session.db.transaction():
        accounts.create(window.session.db, "instagram", "ditambah_kemudian")
    before = _handles(window.session.db)
    asked = []

    def answer(_parent, _icon, _title, text, buttons, default=0):
        asked.append(text)
        return 0

    def choose_newest(dialog):
        dialog.restore_selected()
        return dialog.result()

    monkeypatch.setattr(opening, "ask", answer)
    monkeypatch.setattr(backup_dialog, "nobody_to_ask", lambda: False)
    monkeypatch.setattr(RestoreDialog, "exec", choose_newest)
    window.act_restore.trigger()
    assert str(path) in asked[0]  # the confirmation names what is replaced
    assert window.session.path == path and window.session.lock is not None
    assert "ditambah_kemudian" not in _handles(window.session.db)
    safety = next(b for b in backups.rotating(path) if b.kind == "restore")
    from core.db import open_database

    with open_database(safety.path, read_only=True, migrate=False) as kept:
        assert _handles(kept) == before
    assert saved.exists()


def test_cancelling_the_confirmation_changes_nothing(window, monkeypatch):
    backups.back_up(window.session.db, "manual", now=dt.datetime(2026, 11, 1, 8))
    session = window.session

    def choose_newest(dialog):
        dialog.restore_selected()  # offscreen: the cautious answer, Cancel
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", choose_newest)
    window.act_restore.trigger()
    assert window.session is session
    assert [b.kind for b in backups.rotating(session.path)] == ["manual"]


def test_a_damaged_file_offers_its_newest_good_backup(qtbot, demo_db, monkeypatch):
    path = demo_db.path
    good = backups.back_up(demo_db, "daily", now=dt.datetime(2026, 11, 24, 8))
    count = len(_handles(demo_db))
    demo_db.close()
    damaged = _damage(path)

    monkeypatch.setattr(opening, "INTERACTIVE", False)
    assert opening.open_interactively(None, path, explicit=True) is None  # nobody to ask
    assert path.read_bytes() == damaged

    asked = []

    def answer(_parent, _icon, _title, text, buttons, default=0):
        asked.append(text)
        return 0

    monkeypatch.setattr(opening, "ask", answer)
    session = opening.open_interactively(None, path, explicit=True)
    try:
        assert str(path) in asked[0]
        assert len(_handles(session.db)) == count
    finally:
        session.close()
    (kept,) = path.parent.glob(path.name + ".damaged-*")
    assert kept.read_bytes() == damaged
    assert good.exists()
