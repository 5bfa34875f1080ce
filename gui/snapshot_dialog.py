"""Recording an account's follower count (and, if known, reach and engagement) for a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from core import accounts, fmt, metrics
from core.db import Database
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
        super().__init__(
            _("Record followers of {account}").format(account=accounts.handle_text(account)), parent
        )
        self.db, self.account = db, account
        self.previous: metrics.FollowerSnapshot | None = None
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.followers = QLineEdit()
        latest = metrics.followers_on(db, account.id, today.isoformat())
        if latest:
            self.followers.setPlaceholderText(
                _("last: {n} on {date}").format(
                    n=fmt.number(latest[1]), date=fmt.date_short(latest[0])
                )
            )
        self.add_field("date", _("&Date"), self.date)
        self.add_field(
            "followers",
            _("&Subscribers") if account.platform == "youtube" else _("&Followers"),
            self.followers,
        )
        titles = {
            "reach": _("&Reach (optional)"),
            "impressions": _("&Impressions (optional)"),
            "engagements": _("&Engagements (optional)"),
            "posts_published": _("&Posts published (optional)"),
        }
        self.counts = {
            key: self.add_field(key, titles[key], QLineEdit()) for key in OPTIONAL_COUNTS
        }
        self.save = self._save

    def row(self) -> dict:
        row = {
            "account_id": self.account.id,
            "date": self.date.date().toString("yyyy-MM-dd"),
            "followers": parse_count(self.followers.text()),
        }
        row.update({key: parse_count(edit.text()) for key, edit in self.counts.items()})
        return row

    def _save(self) -> dict:
        row = self.row()
        self.previous = metrics.snapshot_on(self.db, self.account.id, row["date"])
        metrics.upsert_snapshots(self.db, [row])
        return row


def undo_snapshot(
    db: Database, account_id: int, date: str, previous: metrics.FollowerSnapshot | None
) -> None:
    """Put back what that day held before: the earlier snapshot, or nothing."""
    if previous is None:
        metrics.delete_snapshot(db, account_id, date)
    else:
        metrics.upsert_snapshots(db, [asdict(previous)])
