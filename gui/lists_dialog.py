"""The short lists a team keeps for its posts: content pillars (add, rename, archive) and
snippets, the hashtag groups and text pieces the post editor inserts with one click."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import pillars
from core.i18n import N_, _
from gui.forms import FormDialog
from gui.session import Session
from gui.signals import notify
from gui.widgets import hint_label

SNIPPET_KIND_TITLES = {"hashtags": N_("Hashtag group"), "text": N_("Text snippet")}


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes or No; with nobody to answer (`gui.tabs.nobody_to_ask`), No: nothing is lost."""
    from gui.tabs import nobody_to_ask

    if nobody_to_ask():
        print(f"{title}: {text}", file=sys.stderr)
        return False
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class ListsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.db = session.db
        self.setWindowTitle(_("Pillars and snippets"))
        self.resize(640, 460)
        read_only = session.read_only

        # -- pillars ----------------------------------------------------------------------
        self.pillar_list = QListWidget()
        self.pillar_list.itemActivated.connect(lambda _item: self.rename_pillar())
        self.add_pillar_button = QPushButton(_("&Add pillar…"))
        self.rename_button = QPushButton(_("Re&name…"))
        self.archive_button = QPushButton(_("Ar&chive"))
        self.add_pillar_button.clicked.connect(self.add_pillar)
        self.rename_button.clicked.connect(self.rename_pillar)
        self.archive_button.clicked.connect(self.toggle_archived)
        pillar_hint = hint_label(
            _(
                "Pillars are the kinds of content the team plans its mix by. An archived "
                "pillar is no longer offered for new posts; posts keep it."
            )
        )
        pillar_page = self._page(
            self.pillar_list,
            pillar_hint,
            (self.add_pillar_button, self.rename_button, self.archive_button),
        )

        # -- snippets ---------------------------------------------------------------------
        self.snippet_list = QTreeWidget()
        self.snippet_list.setRootIsDecorated(False)
        self.snippet_list.setColumnCount(3)
        self.snippet_list.setHeaderLabels([_("Name"), _("Kind"), _("Text")])
        self.snippet_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.snippet_list.header().setStretchLastSection(True)
        self.snippet_list.itemActivated.connect(lambda _item, _column: self.edit_snippet())
        self.add_snippet_button = QPushButton(_("Add &snippet…"))
        self.edit_snippet_button = QPushButton(_("&Edit…"))
        self.delete_snippet_button = QPushButton(_("&Delete…"))
        self.add_snippet_button.clicked.connect(lambda: self.edit_snippet(new=True))
        self.edit_snippet_button.clicked.connect(self.edit_snippet)
        self.delete_snippet_button.clicked.connect(self.delete_snippet)
        snippet_hint = hint_label(
            _(
                "Hashtag groups and text pieces (a closing line, a call to action) that the "
                "post editor inserts with one click."
            )
        )
        snippet_page = self._page(
            self.snippet_list,
            snippet_hint,
            (self.add_snippet_button, self.edit_snippet_button, self.delete_snippet_button),
        )

        self.tabs = QTabWidget()
        self.tabs.addTab(pillar_page, _("Pillars"))
        self.tabs.addTab(snippet_page, _("Snippets"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        for button in (
            self.add_pillar_button,
            self.rename_button,
            self.archive_button,
            self.add_snippet_button,
            self.edit_snippet_button,
            self.delete_snippet_button,
        ):
            button.setAutoDefault(False)
            button.setVisible(not read_only)
        self.pillar_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.snippet_list.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.reload()

    @staticmethod
    def _page(listing: QWidget, hint: QLabel, buttons: tuple[QPushButton, ...]) -> QWidget:
        page = QWidget()
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(listing, 1)
        layout.addLayout(row)
        return page

    def reload(self) -> None:
        chosen_pillar = self.selected_pillar()
        chosen_snippet = self.selected_snippet()
        self.pillar_list.clear()
        for pillar in pillars.list_pillars(self.db, include_archived=True):
            item = QListWidgetItem(
                _("{name} (archived)").format(name=pillar.name) if pillar.archived else pillar.name
            )
            item.setData(Qt.ItemDataRole.UserRole, pillar)
            if pillar.archived:
                item.setForeground(Qt.GlobalColor.gray)
            self.pillar_list.addItem(item)
            if chosen_pillar and pillar.id == chosen_pillar.id:
                self.pillar_list.setCurrentItem(item)
        self.snippet_list.clear()
        for snippet in pillars.list_snippets(self.db):
            body = " ".join(snippet.body.split())
            item = QTreeWidgetItem([snippet.name, _(SNIPPET_KIND_TITLES[snippet.kind]), body])
            item.setData(0, Qt.ItemDataRole.UserRole, snippet)
            item.setToolTip(2, snippet.body)
            self.snippet_list.addTopLevelItem(item)
            if chosen_snippet and snippet.id == chosen_snippet.id:
                self.snippet_list.setCurrentItem(item)
        self._update_buttons()

    def selected_pillar(self) -> pillars.Pillar | None:
        item = self.pillar_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected_snippet(self) -> pillars.Snippet | None:
        item = self.snippet_list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self) -> None:
        pillar = self.selected_pillar()
        self.rename_button.setEnabled(pillar is not None)
        self.archive_button.setEnabled(pillar is not None)
        self.archive_button.setText(
            _("Res&tore") if pillar is not None and pillar.archived else _("Ar&chive")
        )
        snippet = self.selected_snippet()
        self.edit_snippet_button.setEnabled(snippet is not None)
        self.delete_snippet_button.setEnabled(snippet is not None)

    # -- pillars ----------------------------------------------------------------------------

    def _pillar_form(self, title: str, name: str) -> tuple[FormDialog, QLineEdit]:
        form = FormDialog(title, self)
        field = form.add_field("name", _("&Name"), QLineEdit(name))
        field.setPlaceholderText(_("e.g. Edukasi"))
        return form, field

    def add_pillar(self) -> pillars.Pillar | None:
        form, name = self._pillar_form(_("Add pillar"), "")
        form.save = lambda: pillars.add_pillar(self.db, name.text())
        return self._finish(form, "pillars")

    def rename_pillar(self) -> pillars.Pillar | None:
        pillar = self.selected_pillar()
        if pillar is None or self.session.read_only:
            return None
        form, name = self._pillar_form(_("Rename pillar"), pillar.name)
        form.save = lambda: pillars.rename_pillar(self.db, pillar.id, name.text())
        return self._finish(form, "pillars")

    def toggle_archived(self) -> None:
        pillar = self.selected_pillar()
        if pillar is None:
            return
        changed = pillars.set_pillar_archived(self.db, pillar.id, not pillar.archived)
        self.reload()
        notify("pillars", ids={changed.id})

    # -- snippets ---------------------------------------------------------------------------

    def snippet_form(self, snippet: pillars.Snippet | None = None):
        """The form for a new snippet or `snippet`: (form, kind, name, body) widgets."""
        form = FormDialog(_("Edit snippet") if snippet else _("Add snippet"), self)
        kind = QComboBox()
        for code in pillars.SNIPPET_KINDS:
            kind.addItem(_(SNIPPET_KIND_TITLES[code]), code)
        kind.setCurrentIndex(max(0, kind.findData(snippet.kind if snippet else "hashtags")))
        form.add_field("kind", _("&Kind"), kind)
        name = form.add_field("name", _("&Name"), QLineEdit(snippet.name if snippet else ""))
        name.setPlaceholderText(_("e.g. Hashtags of the agency"))
        body = QPlainTextEdit(snippet.body if snippet else "")
        body.setTabChangesFocus(True)
        body.setPlaceholderText(_("e.g. #SobatMutu #BMSN #StandarNasional"))
        form.add_field("body", _("&Text"), body)
        form.save = lambda: pillars.save_snippet(
            self.db,
            kind.currentData(),
            name.text(),
            body.toPlainText().strip(),
            snippet.id if snippet else None,
        )
        return form, kind, name, body

    def edit_snippet(self, new: bool = False) -> pillars.Snippet | None:
        snippet = None if new else self.selected_snippet()
        if (snippet is None and not new) or self.session.read_only:
            return None
        form = self.snippet_form(snippet)[0]
        return self._finish(form, "snippets")

    def delete_snippet(self) -> None:
        snippet = self.selected_snippet()
        if snippet is None:
            return
        if not confirm(
            self,
            _("Delete snippet"),
            _("Delete the snippet “{name}”? Posts that used it keep their text.").format(
                name=snippet.name
            ),
        ):
            return
        pillars.delete_snippet(self.db, snippet.id)
        self.reload()
        notify("snippets", ids={snippet.id})

    def _finish(self, form: FormDialog, kind: str):
        if not form.exec():
            return None
        self.reload()
        notify(kind, ids={form.saved.id})
        return form.saved


def edit_lists(parent: QWidget | None, session: Session) -> None:
    """Manage the pillars and snippets (modal)."""
    ListsDialog(session, parent).exec()
