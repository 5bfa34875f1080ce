"""The main window: six tabs, the menu bar and a status bar naming the open file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import __version__, backups, i18n
from core import db as dbmod
from core.errors import LinimasaError
from core.i18n import _
from core.paths import log_dir
from core.progress import Progress
from gui import opening
from gui.session import Session
from gui.signals import app_signals, notify
from gui.tabs import TAB_MODULES, Tab, nobody_to_ask, tab_class, tab_title

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._closed = False
        #: Set to close without questions (nobody there to answer them).
        self.unattended = False
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Tabs are imported and built when first shown, so the window appears as soon as
        # Home is ready; the tab bar's titles come from the registry.
        self.tab_infos = TAB_MODULES
        self._pages: dict[int, Tab] = {}
        for info in self.tab_infos:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, tab_title(info))
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)  # CSV/XLSX files dropped anywhere: import metrics
        self.page(0)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.file_label, 1)
        self._build_actions()
        self.translate_ui()
        app_signals().language_changed.connect(self._on_language_changed)
        self._default_size()
        self._restore_geometry()

    # -- construction -----------------------------------------------------------------

    def _action(self, handler, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action(self.new_file, key.New)
        self.act_open = self._action(self.open_file, key.Open)
        self.act_demo = self._action(self.open_demo)
        self.act_backup = self._action(self.backup_file, "Ctrl+Shift+S")
        self.act_backup_now = self._action(self.backup_now)
        self.act_restore = self._action(self.restore_from_backup)
        self.act_check = self._action(self.check_file)
        self.act_import = self._action(self.import_metrics, "Ctrl+I")
        self.act_send = self._action(self.send_to_bureau)
        self.act_merge = self._action(self.merge_units)
        # StandardKey.Quit is empty on Windows; office users expect Ctrl+Q everywhere.
        self.act_quit = self._action(self.close, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_stack = QUndoStack(self)
        self.act_undo = self._action(self.undo_stack.undo, key.Undo)
        self.act_redo = self._action(self.undo_stack.redo, key.Redo)
        for signal in (self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged):
            signal.connect(self._update_undo_actions)
        for signal in (self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged):
            signal.connect(self._update_undo_actions)
        self.act_add_account = self._action(self.add_account, "Ctrl+Shift+A")
        self.act_monthly = self._action(self.monthly_update)
        self.act_new_post = self._action(self.new_post, "Ctrl+Shift+N")
        self.act_team = self._action(self.edit_team)
        self.act_approval = self._action(self.edit_approval)
        self.act_lists = self._action(self.edit_lists)
        self.act_profile = self._action(self.edit_profile)
        self.act_me = self._action(self.choose_me)
        self.act_benchmarks = self._action(self.edit_benchmarks)
        self.act_language = {
            code: self._action(lambda _c=False, code=code: self.set_language(code))
            for code in i18n.LANGUAGES
        }
        for code, action in self.act_language.items():
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
        self.act_tabs = []
        for index in range(len(self.tab_infos)):
            self.act_tabs.append(
                self._action(
                    lambda _c=False, i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}"
                )
            )
        self.act_fullscreen = self._action(self.toggle_full_screen, "F11")
        self.act_log = self._action(self.open_log_folder)
        self.act_about = self._action(self.about)
        self.act_about_qt = self._action(QApplication.aboutQt)

    def translate_ui(self) -> None:
        menu_bar = self.menuBar()
        menu_bar.clear()
        file_menu = menu_bar.addMenu(_("&File"))
        for action, text in (
            (self.act_new, _("&New file…")),
            (self.act_open, _("&Open file…")),
            (self.act_demo, _("Open &demo data")),
            (None, ""),
            (self.act_import, _("&Import metrics…")),
            (None, ""),
            (self.act_send, _("S&end to the bureau…")),
            (self.act_merge, _("&Merge units' data…")),
            (None, ""),
            (self.act_backup_now, _("Back &up now")),
            (self.act_restore, _("Res&tore from a backup…")),
            (self.act_backup, _("&Back up…")),
            (self.act_check, _("&Check file")),
            (None, ""),
            (self.act_quit, _("&Quit")),
        ):
            if action is None:
                file_menu.addSeparator()
            else:
                action.setText(text)
                file_menu.addAction(action)

        edit_menu = menu_bar.addMenu(_("&Edit"))
        self._update_undo_actions()
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        for action, text in (
            (self.act_new_post, _("&New post…")),
            (self.act_add_account, _("&Add account…")),
            (self.act_monthly, _("Mont&hly update…")),
            (None, ""),
            (self.act_team, _("Work units and &team…")),
            (self.act_approval, _("Appro&val levels…")),
            (self.act_lists, _("Pillars and &snippets…")),
            (self.act_profile, _("Institution &profile…")),
            (self.act_benchmarks, _("&Benchmarks and targets…")),
            (self.act_me, _("Your na&me…")),
        ):
            if action is None:
                edit_menu.addSeparator()
                continue
            action.setText(text)
            edit_menu.addAction(action)

        view_menu = menu_bar.addMenu(_("&View"))
        for index, (action, info) in enumerate(zip(self.act_tabs, self.tab_infos, strict=True)):
            action.setText(tab_title(info))
            view_menu.addAction(action)
            self.tabs.setTabText(index, tab_title(info))
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(_("&Language"))
        for code, action in self.act_language.items():
            action.setText(i18n.LANGUAGES[code])
            action.setChecked(code == i18n.current_language())
            language_menu.addAction(action)
        self.act_fullscreen.setText(_("&Full screen"))
        view_menu.addAction(self.act_fullscreen)

        help_menu = menu_bar.addMenu(_("&Help"))
        self.act_log.setText(_("Open &log folder"))
        self.act_about.setText(_("&About Linimasa"))
        self.act_about_qt.setText(_("About &Qt"))
        for action in (self.act_log, self.act_about, self.act_about_qt):
            help_menu.addAction(action)
        self._update_file_state()

    def _update_undo_actions(self, *_args) -> None:
        stack = self.undo_stack
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        self.act_undo.setText(_("&Undo: {change}").format(change=undo) if undo else _("&Undo"))
        self.act_redo.setText(_("&Redo: {change}").format(change=redo) if redo else _("&Redo"))

    def _on_language_changed(self, _language: str) -> None:
        self.translate_ui()

    def _update_file_state(self) -> None:
        session = self.session
        if session.is_demo:
            self.file_label.setText(_("Demo data — not saved; discarded when Linimasa closes"))
            title = _("Demo data") + " — Linimasa"
        else:
            text = _("Read-only: {path}") if session.read_only else _("File: {path}")
            self.file_label.setText(text.format(path=session.shown_path))
            title = f"{session.shown_path.name} — Linimasa"
        self.file_label.setToolTip(str(session.shown_path))
        if session.read_only:
            title += " " + _("[read-only]")
        self.setWindowTitle(title)
        for action in (
            self.act_new_post,
            self.act_add_account,
            self.act_team,
            self.act_approval,
            self.act_lists,
            self.act_profile,
            self.act_me,
            self.act_monthly,
            self.act_import,
            self.act_merge,
        ):
            action.setEnabled(not session.read_only)
        # Demo data lives in a temporary folder: there is nothing to keep or go back to.
        self.act_backup_now.setEnabled(not session.is_demo)
        self.act_restore.setEnabled(not session.is_demo and not session.read_only)

    # -- tabs ---------------------------------------------------------------------------

    def page(self, index: int) -> Tab:
        """The tab at `index`, imported and built on first use."""
        if index not in self._pages:
            # Made in its place: moving a built tab into the window would polish all of its
            # widgets again for the style sheet (~6 ms for Home).
            holder = self.tabs.widget(index)
            page = tab_class(self.tab_infos[index])(self.session, holder)
            holder.layout().addWidget(page)
            self._pages[index] = page
        return self._pages[index]

    def _on_current_changed(self, index: int) -> None:
        # A tab hidden while its data changed catches up now (its showEvent does the
        # same once the window is on screen).
        self.page(index).refresh_if_stale()

    def current_page(self) -> Tab:
        return self.page(self.tabs.currentIndex())

    @property
    def pages(self) -> list[Tab]:
        """Every tab, building the ones not shown yet."""
        return [self.page(index) for index in range(len(self.tab_infos))]

    def show_tab(self, tab_id: str) -> None:
        for index, info in enumerate(self.tab_infos):
            if info.tab_id == tab_id:
                self.tabs.setCurrentIndex(index)
                return
        raise KeyError(tab_id)

    # -- file actions -------------------------------------------------------------------

    def nobody_to_ask(self) -> bool:
        return self.unattended or nobody_to_ask()

    def confirm_leave(self) -> bool:
        """Ask every tab built so far whether the open file may be left (closed or replaced):
        unsaved work is saved, discarded or kept (Cancel → False). With nobody to ask
        (offscreen, tests, screenshots, Ctrl+C/SIGTERM) each tab saves what it can without
        asking and leaving goes on: never a question that waits, never a silent loss."""
        pages = list(self._pages.values())
        if self.nobody_to_ask():
            for page in pages:
                page.confirm_leave(ask=False)  # what it could not keep, it logged
            return True
        return all(page.confirm_leave() for page in pages)

    def replace_session(self, session: Session | None) -> None:
        if session is None:
            return
        old = self.session
        self.session = session
        self.undo_stack.clear()  # its commands belong to the old file
        for page in self._pages.values():
            page.session = session
        old.close()
        self._update_file_state()
        app_signals().database_opened.emit()

    def new_file(self) -> None:
        path = opening.choose_file(self, save=True)
        if path is not None:
            if path.exists():
                QMessageBox.warning(
                    self,
                    _("New file"),
                    _("{path} already exists; choose a new name.").format(path=path),
                )
                return
            if self.confirm_leave():
                self.replace_session(opening.open_interactively(self, path, explicit=False))

    def open_file(self) -> None:
        path = opening.choose_file(self)
        if path is None:
            return
        if self._is_open(path):
            self.statusBar().showMessage(_("{path} is already open.").format(path=path), 8000)
            return
        if self.confirm_leave():
            self.replace_session(opening.open_interactively(self, path, explicit=True))

    def _is_open(self, path: Path) -> bool:
        try:
            return os.path.samefile(path, self.session.path)
        except OSError:
            return False

    def open_demo(self) -> None:
        if not self.confirm_leave():
            return

        # Demo data is written by a worker into a new temporary file, then opened here.
        def work(progress: Progress) -> tuple[Path, Path]:
            session = opening.open_demo()
            path, folder = session.path, session.temp_dir
            session.temp_dir = None
            session.close()
            progress.update(1, 1)
            return folder, path

        def done(result) -> None:
            folder, path = result
            database = dbmod.open_database(path)
            self.replace_session(Session(database, is_demo=True, temp_dir=folder))

        from gui.tasks import TaskRunner  # its Qt classes load on first use (~2.5 ms)

        TaskRunner.run(self, _("Creating demo data…"), work, done)

    def backup_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        suggested = str(
            self.session.path.with_name(f"{self.session.path.stem}-{_('backup')}.sqlite")
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Back up"), suggested, opening.FILE_FILTER
        )
        if name:
            self.run_backup(Path(name))

    def run_backup(self, target: Path) -> None:
        source = self.session.path

        def work(progress: Progress) -> Path:
            # sqlite3 connections belong to their thread: the worker opens its own.
            with dbmod.open_database(source, read_only=True, migrate=False) as database:
                return dbmod.backup(database, target, progress)

        def done(path: Path) -> None:
            self.statusBar().showMessage(_("Backup written to {path}").format(path=path), 8000)

        from gui.tasks import TaskRunner  # its Qt classes load on first use (~2.5 ms)

        TaskRunner.run(self, _("Backing up…"), work, done)

    def backup_now(self) -> None:
        """Into the file's rotating backups folder (core.backups), saying where."""
        source = self.session.path

        def work(_progress: Progress) -> Path:
            with dbmod.open_database(source, read_only=True, migrate=False) as database:
                return backups.back_up(database, "manual")

        def done(path: Path) -> None:
            self.statusBar().showMessage(_("Backup written to {path}").format(path=path), 15000)

        from gui.tasks import TaskRunner  # its Qt classes load on first use (~2.5 ms)

        TaskRunner.run(self, _("Backing up…"), work, done)

    def restore_from_backup(self) -> None:
        from gui.backup_dialog import RestoreDialog

        dialog = RestoreDialog(self.session, self)
        dialog.load()
        if dialog.exec() == RestoreDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.run_restore(dialog.chosen.path)

    def run_restore(self, backup: Path) -> None:
        """Replace the open file with `backup` (the file as it was is backed up first), then
        open it again (also after a failure, which may come after the file was closed). On
        the GUI thread, with the session's own connection: it must be the last one closed
        before the file is swapped, and nothing may write in between."""
        if not self.confirm_leave():
            return
        session, path = self.session, self.session.path
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            safety = backups.restore(session.db, backup)
        except LinimasaError as exc:
            safety, problem = None, str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        if session.lock is not None:
            session.lock.release()  # ours until now; opening takes it again
        reopened = opening.open_interactively(self, path, explicit=True)
        if reopened is None:  # the file is closed and the user chose not to open it again
            self.unattended = True
            self.close()
            return
        self.replace_session(reopened)
        if safety is None:
            QMessageBox.warning(self, _("Restore from a backup"), problem)
        else:
            self.statusBar().showMessage(
                _(
                    "{path} restored from {backup}; the file as it was is backed up in {safety}."
                ).format(path=path, backup=backup, safety=safety),
                15000,
            )

    def check_file(self) -> None:
        source = self.session.path

        def work(_progress: Progress) -> list[str]:
            with dbmod.open_database(source, read_only=True, migrate=False) as database:
                return dbmod.check(database)

        def done(problems: list[str]) -> None:
            if problems:
                QMessageBox.warning(self, _("Check file"), "\n".join(problems[:20]))
            else:
                QMessageBox.information(self, _("Check file"), _("{path}: OK").format(path=source))

        from gui.tasks import TaskRunner  # its Qt classes load on first use (~2.5 ms)

        TaskRunner.run(self, _("Checking the file…"), work, done)

    def add_account(self) -> None:
        self.show_tab("akun")
        self.current_page().add_account()

    def monthly_update(self) -> None:
        from gui.monthly_dialog import monthly_update

        monthly_update(self, self.session)

    def import_metrics(self, paths=None) -> None:
        """File > Import metrics…, or files dropped on the window: preview, then import."""
        from gui.import_dialog import import_files

        if not self.session.read_only:
            import_files(self, self.session, paths)

    def send_to_bureau(self) -> None:
        from gui.unit_exchange_dialog import send_to_bureau

        send_to_bureau(self, self.session)

    def merge_units(self) -> None:
        from gui.unit_exchange_dialog import merge_units

        merge_units(self, self.session)

    @staticmethod
    def _spreadsheets(event) -> list:
        from pathlib import Path

        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in (".csv", ".xlsx", ".zip")]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.session.read_only and self._spreadsheets(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = self._spreadsheets(event)
        if paths and not self.session.read_only:
            event.acceptProposedAction()
            self.import_metrics(paths)

    def new_post(self) -> None:
        self.show_tab("kalender")
        self.current_page().new_post(None)

    def choose_me(self) -> None:
        from gui.acting import choose_member

        member = choose_member(self, self.session)
        if member is not None:
            self.statusBar().showMessage(
                _("Steps you take are recorded as {name}.").format(name=member.name), 5000
            )

    def edit_benchmarks(self) -> None:
        from gui.benchmarks_dialog import edit_benchmarks

        edit_benchmarks(self, self.session)

    def edit_approval(self) -> None:
        from gui.approval_dialog import edit_approval

        edit_approval(self, self.session)

    def edit_lists(self) -> None:
        from gui.lists_dialog import edit_lists

        edit_lists(self, self.session)

    def edit_team(self) -> None:
        from gui.team_dialog import TeamDialog

        TeamDialog(self.session.db, self).exec()

    def edit_profile(self) -> None:
        from gui.profile_dialog import ProfileDialog

        if ProfileDialog(self.session.db, self).exec():
            notify("settings")

    def set_language(self, code: str) -> None:
        from gui.app import install_qt_translator

        i18n.set_language(code)
        install_qt_translator(QApplication.instance(), code)
        QSettings().setValue("language", code)
        app_signals().language_changed.emit(code)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Linimasa"),
            f"<b>Linimasa {__version__}</b><br>"
            + _(
                "Plan, measure and report an institution's social-media work — offline, in one file."
            )
            + "<br><br>"
            + _("Open file: {path}").format(path=self.session.path),
        )

    # -- window state -------------------------------------------------------------------

    def _default_size(self) -> None:
        # 1280×800 is taller than a 1366×768 laptop minus the taskbar: fit the screen.
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 200:
            self.resize(1280, 800)
        else:
            self.resize(
                min(1280, int(screen.width() * 0.95)), min(800, int(screen.height() * 0.92))
            )

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._closed and not self.confirm_leave():
            event.ignore()  # Cancel: the user stays with the unsaved work
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        if not self._closed:
            self._closed = True
            app_signals().language_changed.disconnect(self._on_language_changed)
            for page in self._pages.values():
                page.detach()
            self.session.close()
        super().closeEvent(event)
