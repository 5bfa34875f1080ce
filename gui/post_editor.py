"""The post editor: one idea (title, master text, pillar, campaign, who writes and who
approves, when, its files, notes) and one tab per account it goes out on (`VariantEditor`).

Save writes all of it in one transaction: the post, its attachments and every variant, or
nothing (a refused variant leaves no half-saved post). Workflow steps in a variant's tab
save pending edits first, then act on the stored variant at once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import accounts, members, pillars, planning, posts, timezone
from core.errors import LinimasaError, ValidationError
from core.fmt import sentence
from core.i18n import _
from core.posts import Attachment
from gui.acting import current_member
from gui.session import Session
from gui.signals import notify
from gui.team_dialog import add_unit_items
from gui.variant_editor import PlannedTimeEdit, VariantEditor
from gui.widgets import error_label, hint_label

#: The size of an attachment's thumbnail in the list.
THUMBNAIL = QSize(48, 48)


def ask_unsaved(parent: QWidget, title: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a post with changes not saved yet (Cancel when nobody can
    answer: `gui.widgets.ask_save_discard_cancel`)."""
    from gui.widgets import ask_save_discard_cancel

    text = _("The post “{title}” has changes that are not saved yet.").format(title=title)
    return ask_save_discard_cancel(parent, _("Unsaved post"), text)


class AttachmentList(QListWidget):
    """The post's files; files dropped on it from the file manager are added."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)

    def _files(self, event) -> list[str]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [url.toLocalFile() for url in urls if url.isLocalFile()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)


class PostEditor(QDialog):
    def __init__(
        self,
        session: Session,
        post_id: int | None = None,
        parent: QWidget | None = None,
        day: dt.date | None = None,
        variant_id: int | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.db = session.db
        self.post_id = post_id
        #: Saved at least once while open (the caller's answer).
        self.saved_once = False
        #: Stored variants whose tab was closed: deleted on Save.
        self.removed: list[int] = []
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1200, 800)
        tz = timezone.institution_zone(self.db)
        post = posts.get(self.db, post_id) if post_id is not None else None

        # -- the post's fields ----------------------------------------------------------
        self.title = QLineEdit()
        self.unit = QComboBox()
        self.assignee = QComboBox()
        self.approver = QComboBox()
        self.pillar = QComboBox()
        self.lists_button = QPushButton()
        self.lists_button.setAutoDefault(False)
        self.lists_button.clicked.connect(self.edit_lists)
        self.campaign = QComboBox()
        self.campaign.setEditable(True)
        self.campaign.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(planning.campaigns(self.db), self.campaign)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.campaign.setCompleter(completer)
        self.planned = PlannedTimeEdit(tz)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.attachment_list = AttachmentList()
        self.attachment_list.files_dropped.connect(
            lambda paths: self.set_attachment_paths(self.attachment_paths() + paths)
        )
        self.attachment_list.setIconSize(THUMBNAIL)
        self.attachment_list.setMaximumHeight(130)
        self.add_file_button = QPushButton()
        self.add_file_button.setAutoDefault(False)
        self.add_file_button.clicked.connect(self.add_files)
        self.remove_file_button = QPushButton()
        self.remove_file_button.setAutoDefault(False)
        self.remove_file_button.clicked.connect(self.remove_file)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        pillar_row = QHBoxLayout()
        pillar_row.addWidget(self.pillar, 1)
        pillar_row.addWidget(self.lists_button)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_file_button)
        file_buttons.addWidget(self.remove_file_button)
        file_buttons.addStretch(1)
        #: Where a core ValidationError's field is shown and focused.
        self.field_widgets: dict[str, QWidget] = {
            "title": self.title,
            "unit_id": self.unit,
            "owner_id": self.assignee,
            "approver_id": self.approver,
            "pillar_id": self.pillar,
            "campaign": self.campaign,
            "planned_at": self.planned,
            "text": self.text,
            "path": self.attachment_list,
            "notes": self.notes,
        }
        for key, field in self.field_widgets.items():
            label = QLabel()
            self.labels[key] = label
            if key == "path":
                label.setAlignment(Qt.AlignmentFlag.AlignTop)
                column = QVBoxLayout()
                column.addWidget(self.attachment_list)
                column.addLayout(file_buttons)
                form.addRow(label, column)
                label.setBuddy(self.attachment_list)
            elif key == "pillar_id":
                form.addRow(label, pillar_row)
                label.setBuddy(self.pillar)
            else:
                form.addRow(label, field)
                label.setBuddy(field.edit if field is self.planned else field)
        left = QWidget()
        left.setLayout(form)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setWidget(left)
        left_scroll.setMinimumWidth(360)

        # -- the variants -----------------------------------------------------------------
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.remove_variant)
        self.add_account_button = QToolButton()
        self.add_account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_account_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.account_menu = QMenu(self)
        self.account_menu.aboutToShow.connect(self.fill_account_menu)
        self.add_account_button.setMenu(self.account_menu)
        self.tabs.setCornerWidget(self.add_account_button, Qt.Corner.TopRightCorner)
        # Without any tab the tab bar (and its corner button) is not shown: an empty state
        # with the same menu takes its place.
        self.no_variants = hint_label()
        self.no_variants.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_account_button = QToolButton()
        self.first_account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.first_account_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.first_account_button.setMenu(self.account_menu)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(2)
        empty_layout.addWidget(self.no_variants)
        empty_layout.addWidget(self.first_account_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(3)
        self.variant_pages = QStackedWidget()
        self.variant_pages.addWidget(empty)
        self.variant_pages.addWidget(self.tabs)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.variant_pages, 1)

        splitter = QSplitter()
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        splitter.setChildrenCollapsible(False)

        self.error = error_label()
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save_asking)
        self.save_close_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.reject)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_asking)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save_and_close)

        # -- contents ---------------------------------------------------------------------
        add_unit_items(self.unit, self.db, _("(no unit)"), short=True)
        self.fill_people(post)
        self.fill_pillars(post.pillar_id if post else None)
        self.campaign.addItems(planning.campaigns(self.db))
        if post is not None:
            self.title.setText(post.title)
            self.unit.setCurrentIndex(max(0, self.unit.findData(post.unit_id)))
            self.campaign.setCurrentText(post.campaign)
            self.planned.set_value(post.planned)
            self.text.setPlainText(post.text)
            self.notes.setPlainText(post.notes)
            self.set_attachment_paths([a.path for a in posts.attachments(self.db, post.id)])
            for variant in posts.variants_of(self.db, post.id):
                self.add_variant_tab(accounts.get(self.db, variant.account_id), variant)
        else:
            self.campaign.setCurrentText("")
            start = day or self.session.today
            self.planned.set_value(dt.datetime.combine(start, dt.time(9, 0)))
        self._post_time = self.planned.value()
        self.planned.changed.connect(self._post_time_changed)
        self.text.textChanged.connect(self._master_changed)
        if variant_id is not None:
            for index in range(self.tabs.count()):
                editor = self.tabs.widget(index)
                if editor.variant is not None and editor.variant.id == variant_id:
                    self.tabs.setCurrentIndex(index)
        self.loaded = self.values()
        self.translate_ui()
        self._update_variants_hint()
        if session.read_only:
            self.set_read_only()
        self.title.setFocus()

    # -- showing -------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Edit post") if self.post_id is not None else _("New post"))
        texts = {
            "title": _("T&itle"),
            "unit_id": _("&Work unit"),
            "owner_id": _("Assi&gned to"),
            "approver_id": _("Appro&ver"),
            "pillar_id": _("&Pillar"),
            "campaign": _("Ca&mpaign"),
            "planned_at": _("Pl&anned"),
            "text": _("Master te&xt"),
            "path": _("&Files"),
            "notes": _("&Notes"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.title.setPlaceholderText(_("What the post is about, for the calendar"))
        self.text.setPlaceholderText(
            _("Write the message once here; each account's tab adapts it to its platform.")
        )
        self.notes.setPlaceholderText(_("For the team: sources, who to ask, photo credits"))
        self.campaign.lineEdit().setPlaceholderText(_("e.g. Bulan Mutu Nasional"))
        self.lists_button.setText(_("E&dit lists…"))
        self.lists_button.setToolTip(_("Pillars, hashtag groups and text snippets"))
        self.add_file_button.setText(_("Add fi&les…"))
        self.attachment_list.setToolTip(
            _("Files the post uses, by where they are (they are not copied). Drop files here too.")
        )
        self.remove_file_button.setText(_("&Remove"))
        self.add_account_button.setText(_("+ Add acco&unt"))
        self.first_account_button.setText(_("+ Add acco&unt"))
        self.save_close_button.setText(_("Save and cl&ose"))
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.save_close_button.setToolTip(_("Save and close (Ctrl+Enter)"))
        self.no_variants.setText(
            _("Add the accounts this post goes out on: each gets its own tab.")
        )
        self.planned.translate_ui()
        for index in range(self.tabs.count()):
            editor = self.tabs.widget(index)
            editor.translate_ui()
            self.tabs.setTabText(index, editor.tab_title())
        self.refresh_attachments()

    def fill_people(self, post: posts.Post | None) -> None:
        everyone = members.list_all(self.db, include_inactive=True)
        self.assignee.addItem(_("(nobody yet)"), None)
        self.approver.addItem(_("(any approver)"), None)
        for member in everyone:
            if member.active or (post and member.id == post.owner_id):
                self.assignee.addItem(member.name, member.id)
            if (member.active and member.role == "approver") or (
                post and member.id == post.approver_id
            ):
                self.approver.addItem(member.name, member.id)
        if post is not None:
            self.assignee.setCurrentIndex(max(0, self.assignee.findData(post.owner_id)))
            self.approver.setCurrentIndex(max(0, self.approver.findData(post.approver_id)))

    def fill_pillars(self, current: int | None) -> None:
        self.pillar.blockSignals(True)
        self.pillar.clear()
        self.pillar.addItem(_("(no pillar)"), None)
        for pillar in pillars.list_pillars(self.db, include_archived=True):
            if not pillar.archived or pillar.id == current:
                self.pillar.addItem(pillar.name, pillar.id)
        self.pillar.setCurrentIndex(max(0, self.pillar.findData(current)))
        self.pillar.blockSignals(False)

    def edit_lists(self) -> None:
        from gui.lists_dialog import edit_lists

        edit_lists(self, self.session)
        self.fill_pillars(self.pillar.currentData())
        for editor in self.editors():
            editor.fill_snippets()

    def editors(self) -> list[VariantEditor]:
        return [self.tabs.widget(index) for index in range(self.tabs.count())]

    def _update_variants_hint(self) -> None:
        self.variant_pages.setCurrentIndex(1 if self.tabs.count() else 0)

    # -- attachments ---------------------------------------------------------------------

    def attachment_paths(self) -> list[str]:
        return [
            self.attachment_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.attachment_list.count())
        ]

    def attachments(self) -> list[Attachment]:
        return [Attachment(path) for path in self.attachment_paths()]

    def set_attachment_paths(self, paths: list[str]) -> None:
        self.attachment_list.clear()
        for path in dict.fromkeys(paths):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.attachment_list.addItem(item)
        self.refresh_attachments()

    def refresh_attachments(self) -> None:
        """Each file's name and thumbnail; a file that is gone is marked missing."""
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        generic = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for row in range(self.attachment_list.count()):
            item = self.attachment_list.item(row)
            attachment = Attachment(item.data(Qt.ItemDataRole.UserRole))
            name = Path(attachment.path).name or attachment.path
            if not attachment.exists:
                item.setText(_("{name} — missing").format(name=name))
                item.setIcon(warning)
                item.setToolTip(
                    _("{path} is no longer there: it was moved or deleted.").format(
                        path=attachment.path
                    )
                )
                continue
            item.setText(name)
            item.setToolTip(attachment.path)
            pixmap = QPixmap(attachment.path) if attachment.is_image else QPixmap()
            if pixmap.isNull():
                item.setIcon(generic)
            else:
                item.setIcon(
                    QIcon(
                        pixmap.scaled(
                            THUMBNAIL,
                            Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation,
                        )
                    )
                )
        self.remove_file_button.setEnabled(
            self.attachment_list.count() > 0 and not self.session.read_only
        )
        for editor in self.editors():
            editor.refresh_count()

    def add_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Add files to the post"),
            "",
            _(
                "Images and videos (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.mp4 *.mov);;All files (*)"
            ),
        )
        if paths:
            self.set_attachment_paths(self.attachment_paths() + paths)

    def remove_file(self) -> None:
        row = self.attachment_list.currentRow()
        if row < 0:
            row = self.attachment_list.count() - 1
        if row >= 0:
            paths = self.attachment_paths()
            del paths[row]
            self.set_attachment_paths(paths)

    # -- variants -----------------------------------------------------------------------

    def used_accounts(self) -> set[int]:
        return {editor.account.id for editor in self.editors()}

    def offered_accounts(self) -> list[accounts.Account]:
        """Our accounts in use (not archived, not another institution's) without a tab yet."""
        used = self.used_accounts()
        return [
            account
            for account in accounts.list_all(self.db)
            if not account.peer and not account.archived and account.id not in used
        ]

    def fill_account_menu(self) -> None:
        self.account_menu.clear()
        offered = self.offered_accounts()
        for account in offered:
            action = self.account_menu.addAction(
                f"{accounts.platform_title(account.platform)}  {accounts.handle_text(account)}"
            )
            action.triggered.connect(lambda _on=False, a=account: self.add_account(a))
        if not offered:
            self.account_menu.addAction(_("Every account already has a tab")).setEnabled(False)

    def add_account(self, account: accounts.Account) -> VariantEditor:
        """A new tab for `account`, starting from the master text and the post's time."""
        editor = self.add_variant_tab(account, None)
        editor.text.setPlainText(self.text.toPlainText())
        if self.unit.currentData() is None and account.unit_id is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(account.unit_id)))
        self.tabs.setCurrentWidget(editor)
        return editor

    def add_variant_tab(
        self, account: accounts.Account, variant: posts.Variant | None
    ) -> VariantEditor:
        editor = VariantEditor(
            self.session,
            account,
            variant,
            master_text=self.text.toPlainText,
            attachments=self.attachments,
            save_first=self.save,
        )
        if variant is None:
            editor.load(None, self.planned.value())
        index = self.tabs.addTab(editor, editor.tab_title())
        if variant is not None and variant.status not in posts.DELETABLE:
            # Gone further than a draft: it is cancelled, never deleted.
            self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
            self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.LeftSide, None)
        self._update_variants_hint()
        return editor

    def remove_variant(self, index: int) -> None:
        """Close an account's tab; a stored idea or draft is deleted on Save."""
        if self.session.read_only:
            return
        editor = self.tabs.widget(index)
        if editor.variant is not None:
            if editor.variant.status not in posts.DELETABLE:
                editor.show_message(
                    _("Only ideas and drafts can be removed; cancel this one instead.")
                )
                return
            self.removed.append(editor.variant.id)
        self.tabs.removeTab(index)
        editor.deleteLater()
        self._update_variants_hint()

    def _post_time_changed(self) -> None:
        """Variants still at the post's time follow it."""
        new = self.planned.value()
        for editor in self.editors():
            finished = editor.variant is not None and editor.variant.status in posts.FINISHED
            if not finished and editor.planned.value() == self._post_time:
                editor.planned.set_value(new)
        self._post_time = new

    def _master_changed(self) -> None:
        for editor in self.editors():
            editor.refresh_count()

    # -- saving ---------------------------------------------------------------------------

    def values(self) -> tuple:
        return (
            self.title.text(),
            self.unit.currentData(),
            self.assignee.currentData(),
            self.approver.currentData(),
            self.pillar.currentData(),
            self.campaign.currentText().strip(),
            self.planned.value(),
            self.text.toPlainText(),
            tuple(self.attachment_paths()),
            self.notes.toPlainText(),
        )

    @property
    def dirty(self) -> bool:
        return (
            self.values() != self.loaded
            or bool(self.removed)
            or any(editor.dirty for editor in self.editors())
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> bool:
        """Write the post, its files and every variant in one transaction; True if saved.
        A refusal is shown under the fields (or in the variant's tab) and nothing is kept."""
        if self.session.read_only:
            return False
        self.show_error("")
        for editor in self.editors():
            editor.show_message("")
        (title, unit, owner, approver, pillar, campaign, planned, text, paths, notes) = (
            self.values()
        )
        fields = {
            "title": title,
            "notes": notes,
            "unit_id": unit,
            "owner_id": owner,
            "text": text,
            "planned_at": planned,
            "pillar_id": pillar,
            "campaign": campaign,
            "approver_id": approver,
        }
        current: VariantEditor | None = None
        stored: dict[VariantEditor, posts.Variant] = {}
        try:
            with self.db.transaction():
                if self.post_id is None:
                    post = posts.create(self.db, **fields)
                else:
                    post = posts.update(self.db, self.post_id, **fields)
                posts.set_attachments(self.db, post.id, list(paths))
                for variant_id in self.removed:
                    posts.delete_variant(self.db, variant_id)
                me = current_member(self.session)
                by = me.id if me else None
                for editor in self.editors():
                    current = editor
                    v_text, v_tags, v_time = editor.values()
                    if editor.variant is None:
                        stored[editor] = posts.add_variant(
                            self.db,
                            post.id,
                            editor.account.id,
                            v_text,
                            "draft" if v_text.strip() else "idea",
                            v_time,
                            hashtags=v_tags,
                            by=by,
                        )
                    elif editor.dirty:
                        stored[editor] = posts.update_variant(
                            self.db,
                            editor.variant.id,
                            text=v_text,
                            hashtags=v_tags,
                            planned_at=v_time,
                            by=by,
                        )
                current = None
        except LinimasaError as error:  # a field refused, or the file: nothing was kept
            self._show_refusal(error, current)
            return False
        # Committed: only now do the ids become the editor's.
        self.post_id = post.id
        self.saved_once = True
        for editor in self.editors():
            if editor in stored:
                editor.load(stored[editor])
            else:
                editor.refresh()  # the unit, hence its approval levels, may have changed
        ids = {editor.variant.id for editor in self.editors()} | set(self.removed)
        self.removed = []
        self.loaded = self.values()
        self.setWindowTitle(_("Edit post"))
        notify("posts", ids=ids)
        return True

    def save_asking(self) -> bool:
        """Save (the user's Save): a post of a series then asks whether its changes go to
        the later posts of the series too."""
        changed = self.dirty
        if not self.save():
            return False
        if changed and self.post_id is not None:
            from gui.calendar.extras import carry_to_following

            carry_to_following(self, self.session, self.post_id)
        return True

    def _show_refusal(self, error: LinimasaError, editor: VariantEditor | None) -> None:
        if isinstance(error, ValidationError):
            text = sentence(error.reason)
            if editor is None:
                label = self.labels.get(error.field)
                if label is not None:
                    text = f"{label.text().replace('&', '')}: {text}"
                    self.field_widgets[error.field].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            text = str(error)
        message = _("Not saved: {error}").format(error=text)
        if editor is not None:
            self.tabs.setCurrentWidget(editor)
            editor.show_message(message)
        self.show_error(message)

    def save_and_close(self) -> None:
        if self.session.read_only or self.save_asking():
            self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Close (Esc, the window's close button too): changes not saved yet are saved, discarded or kept (Cancel)."""
        if not self.session.read_only and self.dirty:
            answer = ask_unsaved(self, self.title.text().strip() or _("New post"))
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

    # -- read-only ------------------------------------------------------------------------

    def set_read_only(self) -> None:
        """A file open read-only: everything shows, nothing changes; only Close."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(True)
            elif isinstance(
                widget, (QComboBox, QAbstractSpinBox, QAbstractButton, PlannedTimeEdit)
            ):
                widget.setEnabled(False)
        self.close_button.setEnabled(True)
        self.save_button.hide()
        self.save_close_button.hide()
        self.add_account_button.hide()
        self.first_account_button.hide()
        self.attachment_list.setAcceptDrops(False)
        for index in range(self.tabs.count()):
            for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
                self.tabs.tabBar().setTabButton(index, side, None)
            editor = self.tabs.widget(index)
            editor.steps_row.hide()
        self.show_error(_("The file is open read-only: nothing can be changed."))
        self.error.setObjectName("hint")


def edit_post(
    parent: QWidget | None,
    session: Session,
    post_id: int | None = None,
    *,
    day: dt.date | None = None,
    variant_id: int | None = None,
    title: str = "",
) -> int | None:
    """Open the editor (modal) on a post, or a new one on `day` (titled `title`); the post's
    id if it was saved (or a workflow step taken) while open, else None."""
    dialog = PostEditor(session, post_id, parent, day=day, variant_id=variant_id)
    if post_id is None and title:
        dialog.title.setText(title)
    dialog.exec()
    return dialog.post_id if dialog.saved_once else None
