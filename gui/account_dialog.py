"""Adding or changing an account: platform, handle, who runs it and since when."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from core import accounts, members, units
from core.db import Database
from core.i18n import _
from gui.forms import FormDialog

NO_DATE = QDate(1990, 1, 1)


class AccountDialog(FormDialog):
    """Edits one account through `core.accounts`."""

    def __init__(
        self, db: Database, account: accounts.Account | None = None, parent: QWidget | None = None
    ):
        super().__init__(_("Edit account") if account else _("Add account"), parent)
        self.db = db
        self.account = account

        self.platform = QComboBox()
        for platform in accounts.PLATFORMS:
            self.platform.addItem(accounts.platform_title(platform), platform)
        self.handle = QLineEdit()
        self.handle.setPlaceholderText(_("e.g. humas_kota"))
        self.display_name = QLineEdit()
        self.unit = QComboBox()
        self.unit.addItem(_("(no unit)"), None)
        for unit in units.list_all(db):
            self.unit.addItem(unit.name, unit.id)
        self.responsible = QComboBox()
        self.responsible.addItem(_("(nobody yet)"), None)
        for member in members.list_all(db):
            self.responsible.addItem(member.name, member.id)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.start_date = QDateEdit()
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("d MMMM yyyy")
        self.start_date.setMinimumDate(NO_DATE)
        self.start_date.setSpecialValueText(_("unknown"))
        self.start_date.setDate(NO_DATE)

        self.add_field("platform", _("&Platform"), self.platform)
        self.add_field("handle", _("&Username"), self.handle)
        self.add_field("display_name", _("&Display name"), self.display_name)
        self.add_field("unit_id", _("&Work unit"), self.unit)
        self.add_field("responsible_id", _("&Responsible"), self.responsible)
        self.add_field("url", _("&Address (URL)"), self.url)
        self.add_field("start_date", _("Active &since"), self.start_date)
        if account is not None:
            self._load(account)
        self.save = self._save
        self.handle.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, account: accounts.Account) -> None:
        self.platform.setCurrentIndex(self.platform.findData(account.platform))
        self.handle.setText(account.handle)
        self.display_name.setText(account.display_name)
        self.unit.setCurrentIndex(max(0, self.unit.findData(account.unit_id)))
        index = self.responsible.findData(account.responsible_id)
        if index < 0 and account.responsible_id is not None:  # an inactive member keeps the account
            member = members.get(self.db, account.responsible_id)
            self.responsible.addItem(member.name, member.id)
            index = self.responsible.count() - 1
        self.responsible.setCurrentIndex(max(0, index))
        self.url.setText(account.url)
        if account.start_date:
            self.start_date.setDate(QDate.fromString(account.start_date, "yyyy-MM-dd"))

    def values(self) -> dict:
        date = self.start_date.date()
        return {
            "platform": self.platform.currentData(),
            "handle": self.handle.text(),
            "display_name": self.display_name.text(),
            "unit_id": self.unit.currentData(),
            "responsible_id": self.responsible.currentData(),
            "url": self.url.text(),
            "start_date": None if date == NO_DATE else date.toString("yyyy-MM-dd"),
        }

    def _save(self) -> accounts.Account:
        if self.account is None:
            return accounts.create(self.db, **self.values())
        return accounts.update(self.db, self.account.id, **self.values())
