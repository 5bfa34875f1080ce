"""Recording an account's follower count (and, if known, reach and engagement) for a day.

The fields show what is already stored for the chosen day, and follow the date (and the
account, see `set_account`): a field the user has not typed in takes the new day's figure.
Saving changes only what the fields give; a figure that was stored and whose field the user
emptied is removed (`metrics.CLEAR`), which is the one way this dialog erases anything.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from core import accounts, fmt, metrics
from core.db import Database
from core.errors import ValidationError
from core.i18n import _
from gui.forms import FormDialog

OPTIONAL_COUNTS = ("reach", "impressions", "engagements", "posts_published")


def parse_count(text: str) -> int | str | None:
    """76.670, 76,670 and 76670 are all the same count; anything else goes to validation as typed."""
    cleaned = text.strip().replace(".", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    return int(cleaned) if cleaned.isascii() and cleaned.isdecimal() else text.strip()


class SnapshotDialog(FormDialog):
    def __init__(
        self, db: Database, account: accounts.Account, today: dt.date, parent: QWidget | None = None
    ):
        super().__init__("", parent)
        self.db, self.account = db, account
        self.previous: metrics.FollowerSnapshot | None = None
        self.stored: metrics.FollowerSnapshot | None = None  # the chosen day's, as prefilled
        self._prefilled: dict[str, str] = {}
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.followers = QLineEdit()
        self.add_field("date", _("&Date"), self.date)
        self.add_field("followers", _("&Followers"), self.followers)
        titles = {
            "reach": _("&Reach (optional)"),
            "impressions": _("&Impressions (optional)"),
            "engagements": _("&Engagements (optional)"),
            "posts_published": _("&Posts published (optional)"),
        }
        self.counts = {
            key: self.add_field(key, titles[key], QLineEdit()) for key in OPTIONAL_COUNTS
        }
        self.recorded_note = QLabel(
            _("This day is already recorded: change what you need; an emptied figure is removed.")
        )
        self.recorded_note.setWordWrap(True)
        self.form.addRow(self.recorded_note)
        self.save = self._save
        self.set_account(account)
        self.date.dateChanged.connect(self.refresh_prefill)

    def edits(self) -> dict[str, QLineEdit]:
        return {"followers": self.followers, **self.counts}

    def chosen_date(self) -> str:
        return self.date.date().toString("yyyy-MM-dd")

    def set_account(self, account: accounts.Account) -> None:
        """Record for another account: title, labels and prefill follow."""
        self.account = account
        self.setWindowTitle(
            _("Record followers of {account}").format(account=accounts.handle_text(account))
        )
        label = _("&Subscribers") if account.platform == "youtube" else _("&Followers")
        self.fields["followers"] = (label, self.followers)
        field_label = self.form.labelForField(self.followers)
        if isinstance(field_label, QLabel):
            field_label.setText(label)
        self.refresh_prefill()

    def refresh_prefill(self) -> None:
        """Show the chosen day's stored figures. A field the user typed in keeps its text;
        an empty one, or one still showing the earlier prefill, takes the new day's figure."""
        day = self.chosen_date()
        self.stored = metrics.snapshot_on(self.db, self.account.id, day)
        for key, edit in self.edits().items():
            value = getattr(self.stored, key) if self.stored is not None else None
            text = "" if value is None else fmt.number(value)
            current = edit.text()
            if not current.strip() or current == self._prefilled.get(key):
                edit.setText(text)
            self._prefilled[key] = text
        latest = metrics.followers_on(self.db, self.account.id, day)
        self.followers.setPlaceholderText(
            _("last: {n} on {date}").format(n=fmt.number(latest[1]), date=fmt.date_short(latest[0]))
            if latest
            else ""
        )
        self.recorded_note.setVisible(self.stored is not None)

    def row(self) -> dict:
        """What to store: the typed figures; an emptied field of a stored figure is CLEAR."""
        stored = metrics.snapshot_on(self.db, self.account.id, self.chosen_date())
        row = {
            "account_id": self.account.id,
            "date": self.chosen_date(),
            "followers": parse_count(self.followers.text()),
        }
        for key, edit in self.counts.items():
            value = parse_count(edit.text())
            if value is None and stored is not None and getattr(stored, key) is not None:
                value = metrics.CLEAR
            row[key] = value
        return row

    def _save(self) -> dict:
        row = self.row()
        if row["followers"] is None:
            raise ValidationError("followers", "", _("a number is required"))
        self.previous = metrics.snapshot_on(self.db, self.account.id, row["date"])
        metrics.upsert_snapshots(self.db, [row])
        return row


def undo_snapshot(
    db: Database, account_id: int, date: str, previous: metrics.FollowerSnapshot | None
) -> None:
    """Put back exactly what that day held before: the earlier snapshot (its empty figures
    emptied again), or nothing."""
    if previous is None:
        metrics.delete_snapshot(db, account_id, date)
    else:
        metrics.upsert_snapshots(db, [previous.as_row()])
