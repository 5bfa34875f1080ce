"""File > Restore from a backup…: the open file's backups, newest first, each with its date,
size and what it holds (read from the backup without changing it), so the user picks the
right one; restoring asks first and names what will be replaced (gui.mainwindow restores)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import backups, fmt
from core.backups import Backup, Contents
from core.i18n import _
from gui import opening
from gui.models import RowsTableModel
from gui.session import Session
from gui.tabs import nobody_to_ask


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return _("{size} KB").format(size=fmt.number(max(1, round(size / 1024))))
    return _("{size} MB").format(size=fmt.number(size / (1024 * 1024), 1))


def count_text(value: int | None) -> str:
    return "–" if value is None else fmt.number(value)


class BackupsModel(RowsTableModel):
    """Rows are (Backup, Contents) pairs."""

    COLUMNS = ("taken", "kind", "size", "accounts", "posts", "snapshots", "state")

    def row_key(self, row: tuple[Backup, Contents]) -> str:
        return str(row[0].path)

    def column_title(self, column: str) -> str:
        return {
            "taken": _("Date"),
            "kind": _("Made"),
            "size": _("Size"),
            "accounts": _("Accounts"),
            "posts": _("Posts"),
            "snapshots": _("Figures"),
            "state": _("State"),
        }[column]

    def display(self, row: tuple[Backup, Contents], column: str) -> str:
        backup, contents = row
        if column == "taken":
            return fmt.datetime_short(backup.taken)
        if column == "kind":
            return backup.kind_text
        if column == "size":
            return size_text(backup.size)
        if column in ("accounts", "posts", "snapshots"):
            return count_text(getattr(contents, column))
        return _("good") if contents.good else (contents.problem or "")

    def sort_key(self, row: tuple[Backup, Contents], column: str):
        return row[0].taken.isoformat()


def confirm_restore(parent: QWidget | None, path: Path, backup: Backup, contents: Contents) -> bool:
    """Ask before replacing the open file: what it is replaced with, and that it is kept.
    With nobody to answer (offscreen, tests), the answer is no."""
    if nobody_to_ask():
        return False
    text = _(
        "Replace everything in {path} with the backup of {when} ({accounts} accounts, {posts} "
        "posts, {snapshots} figures)?\n\nWhat was changed since then is replaced. The file "
        "as it is now is backed up first, so you can go back to it from this list."
    ).format(
        path=path,
        when=fmt.datetime_short(backup.taken),
        accounts=count_text(contents.accounts),
        posts=count_text(contents.posts),
        snapshots=count_text(contents.snapshots),
    )
    choice = opening.ask(
        parent,
        QMessageBox.Icon.Warning,
        _("Restore from a backup"),
        text,
        [
            (_("Restore"), QMessageBox.ButtonRole.DestructiveRole),
            (_("Cancel"), QMessageBox.ButtonRole.RejectRole),
        ],
        default=1,
    )
    return choice == 0


class RestoreDialog(QDialog):
    """Lists the backups; `chosen` is the one the user confirmed (None until then)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.chosen: Backup | None = None
        self.model = BackupsModel(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.restore_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton()
        self.folder_button = QPushButton()
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.translate_ui()
        self._update_buttons()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Restore from a backup"))
        self.intro.setText(
            _(
                "Backups of {path}, newest first. Linimasa makes one each day the file is "
                "opened, before every import and before a restore; they are kept in {folder}."
            ).format(path=self.session.path, folder=backups.folder_for(self.session.path))
        )
        self.restore_button.setText(_("&Restore…"))
        self.folder_button.setText(_("Open &folder"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.model.retranslate()

    def load(self) -> None:
        """Read every backup off the GUI thread (each is checked and counted)."""
        from gui.tasks import TaskRunner

        path = self.session.path

        def work(_progress) -> list[tuple[Backup, Contents]]:
            return [(b, backups.inspect(b.path)) for b in backups.list_backups(path)]

        TaskRunner.run(self, _("Reading the backups…"), work, self._loaded)

    def _loaded(self, rows: list[tuple[Backup, Contents]]) -> None:
        self.model.set_rows(rows)
        if not rows:
            self.intro.setText(
                self.intro.text() + "\n\n" + _("There are no backups of this file yet.")
            )
        for place, (_backup, contents) in enumerate(rows):
            if contents.good:
                self.table.selectRow(place)
                break
        self._update_buttons()

    def selected(self) -> tuple[Backup, Contents] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        row = self.selected()
        self.restore_button.setEnabled(
            row is not None and row[1].good and not self.session.read_only
        )

    def restore_selected(self, *_args) -> None:
        row = self.selected()
        if row is None or not row[1].good or self.session.read_only:
            return
        if confirm_restore(self, self.session.path, *row):
            self.chosen = row[0]
            self.accept()

    def open_folder(self) -> None:
        folder = backups.folder_for(self.session.path)
        if not folder.is_dir():  # no backup yet: where they will be
            folder = self.session.path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
