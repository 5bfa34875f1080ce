"""The Accounts tab's right-hand pane: the selected account's details and its security
checklist (a peer account, another institution's, has none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, members, security, units
from core.errors import NotFound
from core.i18n import _
from gui.security_panel import SecurityForm
from gui.session import Session
from gui.widgets import Badge, hint_label


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AccountDetails(QWidget):
    """Page 0: what to do when nothing is selected; page 1: the account."""

    #: Below the title (the handle) and the platform.
    FIELDS = ("display_name", "unit", "responsible", "url", "since", "followers")

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.row: accounts.AccountRow | None = None

        self.nothing = hint_label()
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        info = QFormLayout()
        info.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.copy_url = QToolButton()
        self.copy_url.clicked.connect(self._copy_url)
        for name in self.FIELDS:
            self.labels[name] = QLabel()
            self.values[name] = _value_label()
            if name == "url":
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(self.values[name], 1)
                row.addWidget(self.copy_url)
                info.addRow(self.labels[name], row)
            else:
                info.addRow(self.labels[name], self.values[name])

        self.security_title = QLabel()
        self.security_title.setObjectName("sectionTitle")
        self.form = SecurityForm(session)
        self.peer_badge = Badge()
        self.peer_note = hint_label()
        peer_page = QWidget()
        peer_layout = QVBoxLayout(peer_page)
        peer_layout.setContentsMargins(0, 0, 0, 0)
        peer_layout.addWidget(self.peer_badge)
        peer_layout.addWidget(self.peer_note)
        peer_layout.addStretch(1)
        self.security = QStackedWidget()
        self.security.addWidget(self.form)
        self.security.addWidget(peer_page)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addLayout(info)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addWidget(line)
        column.addWidget(self.security_title)
        column.addWidget(self.security)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.nothing)
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.nothing.setText(
            _(
                "Choose an account on the left to see its details and its security checklist. "
                "Security summary… lists the accounts that need attention."
            )
        )
        titles = {
            "display_name": _("Display name"),
            "unit": _("Work unit"),
            "responsible": _("Responsible"),
            "url": _("Web address"),
            "since": _("Active since"),
            "followers": _("Followers"),
        }
        for name, label in self.labels.items():
            label.setText(titles[name] + ":")
        self.copy_url.setText(_("Copy"))
        self.copy_url.setToolTip(_("Copy the address, to paste it into a web browser"))
        self.security_title.setText(_("Account security"))
        self.peer_badge.set_badge("peer", _("Peer"))
        self.peer_note.setText(
            _(
                "This is another institution's account, followed to compare its growth with "
                "ours. Its security is theirs to look after: it has no checklist here."
            )
        )
        self.form.translate_ui()
        if self.row is not None:
            self._show_info(self.row)

    def show_row(self, row: accounts.AccountRow | None) -> None:
        """Show an account (None: nothing selected). The same account shown again keeps any
        change to its checklist that is not saved yet, on top of what is stored now."""
        same = row is not None and self.row is not None and row.account.id == self.row.account.id
        self.row = row
        if row is None:
            self.stack.setCurrentIndex(0)
            self.form.account = None
            return
        self._show_info(row)
        self.stack.setCurrentIndex(1)
        if row.account.peer:
            self.security.setCurrentIndex(1)
            self.form.account = None
            return
        self.security.setCurrentIndex(0)
        stored = security.get(self.session.db, row.account.id)
        if same:
            self.form.follow(row.account, stored)  # keeps changes not saved yet
        else:
            self.form.load(row.account, stored)

    def _show_info(self, row: accounts.AccountRow) -> None:
        db, account = self.session.db, row.account
        self.title.setText(accounts.handle_text(account))
        platform = accounts.platform_title(account.platform)
        if account.archived:
            platform = f"{platform} · {_('Archived')}"
        self.subtitle.setText(platform)
        unit = "–"
        if account.unit_id is not None:
            try:
                unit = units.path_name(db, account.unit_id)
            except NotFound:
                unit = row.unit_name or "–"
        responsible = row.responsible_name or _("(nobody yet)")
        if account.responsible_id is not None:
            try:
                member = members.get(db, account.responsible_id)
            except NotFound:
                member = None
            contact = " · ".join(
                part
                for part in (getattr(member, "email", ""), getattr(member, "phone", ""))
                if part
            )
            if contact:
                responsible = f"{responsible} ({contact})"
        followers = "–"
        if row.followers is not None:
            followers = _("{n} (as of {date})").format(
                n=fmt.number(row.followers), date=fmt.date_short(row.followers_date)
            )
        values = {
            "display_name": account.display_name or "–",
            "unit": _("none: another institution's account") if account.peer else unit,
            "responsible": responsible,
            "url": account.url or "–",
            "since": fmt.date_long(account.start_date) if account.start_date else "–",
            "followers": followers,
        }
        for name, value in values.items():
            self.values[name].setText(value)
        self.copy_url.setVisible(bool(account.url))

    def _copy_url(self) -> None:
        if self.row is not None and self.row.account.url:
            QGuiApplication.clipboard().setText(self.row.account.url)
