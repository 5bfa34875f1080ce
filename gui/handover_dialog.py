"""Deactivating a team member who runs accounts: who takes them over?"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core import accounts, members
from core.db import Database
from core.i18n import _


def account_title(account: accounts.Account) -> str:
    return f"{accounts.platform_title(account.platform)} {accounts.handle_text(account)}"


class HandoverDialog(QDialog):
    """Lists the member's accounts and asks for their successor among the active members
    (or nobody for now). Accepting it is the confirmation: the caller then deactivates."""

    def __init__(
        self,
        db: Database,
        member: members.Member,
        account_ids: list[int],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(_("Deactivate {name}").format(name=member.name))
        self.setMinimumWidth(460)
        intro = QLabel(
            _(
                "{name} is responsible for these accounts. Who takes them over? {name} stays "
                "in the team list as inactive."
            ).format(name=member.name)
        )
        intro.setWordWrap(True)
        self.account_titles = [account_title(accounts.get(db, i)) for i in account_ids]
        listed = QLabel("\n".join(f"• {title}" for title in self.account_titles))
        listed.setContentsMargins(12, 0, 0, 6)
        self.successor = QComboBox()
        self.successor.addItem(_("(nobody for now)"), None)
        others = [m for m in members.list_all(db) if m.id != member.id]
        for other in others:
            self.successor.addItem(other.name, other.id)
        # Someone of the same unit is the likeliest successor; otherwise the user chooses.
        same_unit = next(
            (m for m in others if member.unit_id is not None and m.unit_id == member.unit_id),
            None,
        )
        if same_unit is not None:
            self.successor.setCurrentIndex(self.successor.findData(same_unit.id))
        form = QFormLayout()
        form.addRow(_("&Hand over to"), self.successor)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        confirm = buttons.addButton(
            _("&Deactivate and hand over"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        confirm.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(listed)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.successor.setFocus()

    def successor_id(self) -> int | None:
        return self.successor.currentData()
