"""Adding or changing an account: platform, handle, who runs it and since when.

The form checks itself while the user types (`core.accounts.field_problems`), and takes a
pasted profile address in the username field: https://www.instagram.com/bmsn_ri/ becomes
the username bmsn_ri, and the address goes to the address field if that is still empty.
"""

from __future__ import annotations

import urllib.parse

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from core import accounts, members
from core.db import Database
from core.errors import ValidationError
from core.i18n import _
from gui.forms import FormDialog
from gui.team_dialog import add_unit_items

NO_DATE = QDate(1990, 1, 1)


def _as_address(text: str) -> tuple[str, str | None] | None:
    """(the address with its scheme, its platform) if `text` is a web address, else None."""
    text = text.strip()
    has_scheme = text.lower().startswith(("http://", "https://"))
    address = text if has_scheme else "https://" + text
    found = accounts.platform_of_url(address)
    if found is None and not has_scheme:
        return None  # a plain username such as humas_kota
    return address, found


def _profile_address(address: str) -> str:
    """The address without what a "share" link adds (?igsh=…, #…); Facebook's
    profile.php keeps its ?id=."""
    parts = urllib.parse.urlsplit(address)
    query = parts.query if parts.path.rstrip("/").endswith("profile.php") else ""
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


class AccountDialog(FormDialog):
    """Edits one account through `core.accounts`."""

    def __init__(
        self, db: Database, account: accounts.Account | None = None, parent: QWidget | None = None
    ):
        super().__init__(_("Edit account") if account else _("Add account"), parent)
        self.db = db
        self.account = account
        # A platform the user picked is not changed behind their back by a pasted address.
        self._platform_chosen = account is not None
        self._handle_before = ""
        self._kept: dict[QComboBox, int] = {}

        self.platform = QComboBox()
        for platform in accounts.PLATFORMS:
            self.platform.addItem(accounts.platform_title(platform), platform)
        self.handle = QLineEdit()
        self.handle.setPlaceholderText(_("e.g. humas_kota, or paste the profile's address"))
        self.switch_platform = QPushButton()
        self.switch_platform.setAutoDefault(False)
        self.switch_platform.hide()
        self.display_name = QLineEdit()
        self.peer = QCheckBox(_("Peer acc&ount (another institution)"))
        self.peer.setToolTip(
            _(
                "An account of another institution, followed only to compare figures: it "
                "belongs to none of our work units and nobody in the team runs it."
            )
        )
        self.unit = QComboBox()
        add_unit_items(self.unit, db, _("(no unit)"))
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
        # As wide as its text; hidden, its row takes no room.
        self.switch_platform.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.form.setWidget(
            self.form.rowCount(), QFormLayout.ItemRole.FieldRole, self.switch_platform
        )
        self.add_field("display_name", _("&Display name"), self.display_name)
        self.add_field("peer", "", self.peer)
        self.add_field("unit_id", _("&Work unit"), self.unit)
        self.add_field("responsible_id", _("&Responsible"), self.responsible)
        self.add_field("url", _("&Address (URL)"), self.url)
        self.add_field("start_date", _("Active &since"), self.start_date)
        if account is not None:
            self._load(account)

        self.platform.activated.connect(self._platform_picked)
        self.handle.textEdited.connect(self._handle_edited)
        self.handle.editingFinished.connect(self._take_address)
        self.switch_platform.clicked.connect(self._switch_platform)
        self.peer.toggled.connect(self._peer_toggled)
        self.set_validator(self.problems_now, show_all=account is not None)
        self.save = self._save
        self.handle.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, account: accounts.Account) -> None:
        self.platform.setCurrentIndex(self.platform.findData(account.platform))
        self.handle.setText(account.handle)
        self._handle_before = account.handle
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
        self.peer.setChecked(account.peer)
        self._peer_toggled(account.peer)

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
            "peer": self.peer.isChecked(),
        }

    def problems_now(self) -> dict[str, str]:
        """What is wrong with the form as it stands (field → reason), nothing saved."""
        return accounts.field_problems(
            self.db, self.values(), self.account.id if self.account else None
        )

    # A pasted profile address --------------------------------------------------------

    def _handle_edited(self, text: str) -> None:
        # Several characters at once is a paste (or a drop): take the address at once.
        # A typed address waits until the user leaves the field, so that typing
        # "https://instagram.com/b…" never turns into the username "b".
        pasted = len(text) - len(self._handle_before) > 1
        self._handle_before = text
        if pasted:
            self._take_address()

    def _platform_picked(self, _index: int) -> None:
        self._platform_chosen = True
        self._take_address()

    def _take_address(self) -> None:
        """If the username field holds a profile address of the chosen platform, keep only
        the username (and the address in its own field). Another platform's address: a new
        account switches to that platform unless the user picked one; otherwise the field's
        message says what is wrong and a button offers the switch."""
        self.switch_platform.hide()
        found = _as_address(self.handle.text())
        if found is None:
            return
        address, platform_of_address = found
        platform = self.platform.currentData()
        if platform_of_address is not None and platform_of_address != platform:
            if not self._platform_chosen:
                self.platform.setCurrentIndex(self.platform.findData(platform_of_address))
                self._take_address()
                return
            self.switch_platform.setText(
                _("Switch the platform to {platform}").format(
                    platform=accounts.platform_title(platform_of_address)
                )
            )
            self.switch_platform.setProperty("platform", platform_of_address)
            self.switch_platform.show()
            return
        try:
            handle = accounts.handle_from_url(platform, address)
        except ValidationError:
            return  # e.g. the address of a post: the field's message says so
        self.handle.setText(handle)
        self._handle_before = handle
        if not self.url.text().strip():
            self.url.setText(_profile_address(address))

    def _switch_platform(self) -> None:
        platform = self.switch_platform.property("platform")
        self.platform.setCurrentIndex(self.platform.findData(platform))
        self._platform_chosen = True
        self._take_address()
        self.handle.setFocus(Qt.FocusReason.OtherFocusReason)

    def _peer_toggled(self, peer: bool) -> None:
        """Another institution's account belongs to none of our units and nobody runs it:
        the two lists empty and grey out (and come back as they were when unticked)."""
        for box in (self.unit, self.responsible):
            if peer and box.isEnabled():
                self._kept[box] = box.currentIndex()
                box.setCurrentIndex(0)
            elif not peer and not box.isEnabled():
                box.setCurrentIndex(self._kept.pop(box, 0))
            box.setEnabled(not peer)

    def _save(self) -> accounts.Account:
        if self.account is None:
            return accounts.create(self.db, **self.values())
        return accounts.update(self.db, self.account.id, **self.values())
