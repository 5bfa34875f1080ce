"""Import a content plan…: the preview of core.plan_import and its questions.

`import_plan(parent, session, paths=None)` asks for a CSV or XLSX file when none is given,
plans it off the GUI thread (core.plan_import.plan never writes) and shows the posts it
would add and every problem by row and column. It asks what the file leaves open: columns
Linimasa does not know, names of accounts that are not ours (a combo per name to choose
one of ours), and the order of dates that read two ways. Import writes the whole plan in
one transaction, only when there is no problem, and tells the open views what changed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import accounts, backups, fmt, plan_import, posts
from core import db as dbmod
from core.i18n import _
from core.importing.formats import IGNORE
from core.progress import Cancelled, Progress
from gui.import_dialog import (
    DATE_ORDER_TITLES,
    PreviewDialog,
    ProblemsModel,
    _table,
    account_name,
)
from gui.models import RowsTableModel
from gui.session import Session
from gui.signals import notify
from gui.widgets import error_label, hint_label

LAST_FOLDER_KEY = "plan_import/last_folder"
#: The date orders a plan's dates may need (ISO dates read one way only).
ORDERS = ("dmy", "mdy")


def import_plan(parent: QWidget | None, session: Session, paths: list[Path] | None = None) -> bool:
    """Preview and import a content plan file; True when posts were added."""
    if not paths:
        paths = choose_file(parent)
    if not paths:
        return False
    dialog = PlanImportDialog(session, Path(paths[0]), parent)
    dialog.start()
    if dialog.cancelled:
        return False
    dialog.exec()
    return dialog.written


def choose_file(parent: QWidget | None) -> list[Path]:
    settings = QSettings()
    folder = str(settings.value(LAST_FOLDER_KEY, "") or "")
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import a content plan"),
        folder,
        _("Spreadsheets (*.csv *.xlsx);;All files (*)"),
    )
    if not name:
        return []
    settings.setValue(LAST_FOLDER_KEY, str(Path(name).parent))
    return [Path(name)]


class PostsToAddModel(RowsTableModel):
    """The plan's variants to add, (post, entry) pairs, one row each."""

    COLUMNS = ("row", "date", "time", "account", "status", "title", "text")

    def column_title(self, column: str) -> str:
        return {
            "row": _("Row"),
            "date": _("Date"),
            "time": _("Time"),
            "account": _("Account"),
            "status": _("Status"),
            "title": _("Title"),
            "text": _("Text"),
        }[column]

    def display(self, row: tuple, column: str) -> str:
        post, entry = row
        if column == "row":
            return str(entry.line)
        if column == "date":
            return fmt.date_short(entry.planned_at[:10]) if entry.planned_at else ""
        if column == "time":
            return entry.planned_at[11:16] if entry.planned_at else ""
        if column == "account":
            return account_name(entry.platform, entry.handle)
        if column == "status":
            title = posts.status_title(entry.status)
            if entry.given_status != entry.status:
                return _("{status} (file: {given})").format(
                    status=title, given=posts.status_title(entry.given_status)
                )
            return title
        if column == "title":
            return post.title
        return " ".join(entry.text.split())[:120]

    def role_data(self, row, column: str, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return row[1].text
        return None


class PlanImportDialog(PreviewDialog):
    """The preview of one plan file. `start()` plans; each answer plans again; Import writes."""

    FAILED_LOG = "plan import failed"

    def __init__(self, session: Session, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path = path
        self.options = plan_import.Options()
        self.plan: plan_import.Plan | None = None
        self.written = False
        self.cancelled = False
        self.result_text = ""
        self.resize(1000, 650)

        self.file_label = QLabel(wordWrap=True)
        self.error = error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        # Unknown columns and unknown accounts: one combo each.
        self.mapping_box = QGroupBox()
        self.mapping_hint = hint_label()
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setColumnStretch(3, 1)
        self.column_combos: dict[str, QComboBox] = {}
        self.account_combos: dict[str, QComboBox] = {}
        self.plan_again_button = QPushButton()
        self.plan_again_button.clicked.connect(self.apply_mapping)
        mapping_layout = QVBoxLayout(self.mapping_box)
        mapping_layout.addWidget(self.mapping_hint)
        mapping_layout.addLayout(self.mapping_grid)
        again_row = QHBoxLayout()
        again_row.addWidget(self.plan_again_button)
        again_row.addStretch(1)
        mapping_layout.addLayout(again_row)

        self.dates_box = QGroupBox()
        self.dates_hint = hint_label()
        self.date_buttons = QButtonGroup(self)
        self.date_radios: dict[str, QRadioButton] = {}
        dates_layout = QVBoxLayout(self.dates_box)
        dates_layout.addWidget(self.dates_hint)
        for order in ORDERS:
            radio = QRadioButton()
            self.date_radios[order] = radio
            self.date_buttons.addButton(radio)
            dates_layout.addWidget(radio)
        self.date_buttons.buttonClicked.connect(self.choose_date_order)

        self.summary = QLabel(wordWrap=True)
        self.problems_model = ProblemsModel(self)
        self.warnings_model = ProblemsModel(self)
        self.adds_model = PostsToAddModel(self)
        self.tabs = QTabWidget()
        self.problems_view = _table(self.problems_model, stretch_last=True)
        self.warnings_view = _table(self.warnings_model, stretch_last=True)
        self.adds_view = _table(self.adds_model, stretch_last=True)
        for view in (self.problems_view, self.warnings_view, self.adds_view):
            self.tabs.addTab(view, "")

        self.note = hint_label()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        self.import_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.error)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.dates_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        for box in (self.mapping_box, self.dates_box, self.tabs):
            box.hide()
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Import a content plan"))
        self.file_label.setText(_("File: {names}").format(names=self.path.name))
        self.file_label.setToolTip(str(self.path))
        self.mapping_box.setTitle(_("What Linimasa does not know"))
        self.mapping_hint.setText(
            _(
                "Say what each column holds, or leave it out; choose one of our accounts for "
                "each name the file uses."
            )
        )
        self.plan_again_button.setText(_("&Plan again"))
        self.dates_box.setTitle(_("Order of the dates"))
        self.dates_hint.setText(
            _("The dates in the file can be read two ways (03/04 is 3 April or 4 March).")
        )
        for order, radio in self.date_radios.items():
            radio.setText(_(DATE_ORDER_TITLES[order]))
        self.import_button.setText(_("&Import"))
        for model in (self.problems_model, self.warnings_model, self.adds_model):
            model.retranslate()
        if self.plan is not None:
            self.show_plan(self.plan)

    # --- planning ---------------------------------------------------------------------

    def start(self) -> None:
        """Plan the file as it is; a cancel closes the dialog without a word."""
        self.replan()

    def replan(self) -> None:
        from gui.tasks import TaskRunner

        source, path, options = self.session.path, self.path, self.options

        def work(progress: Progress):
            try:
                # sqlite3 connections belong to their thread: the worker opens its own.
                with dbmod.open_database(source, read_only=True, migrate=False) as database:
                    return plan_import.plan(database, path, options, progress)
            except Cancelled:
                return None

        self.summary.setText(_("Reading the file…"))
        self.import_button.setEnabled(False)
        TaskRunner.run(self, _("Reading the file…"), work, self._planned, self._failed)

    def _planned(self, plan: plan_import.Plan | None) -> None:
        if self._planning_cancelled(plan):
            return
        self.error.hide()
        self.show_plan(plan)

    def show_plan(self, plan: plan_import.Plan) -> None:
        """Show a plan: its questions, the posts to add, the problems, and whether Import
        can write it."""
        self.plan = plan
        self.options = plan.options
        self._show_questions(plan)
        self.summary.setText(plan.summary())
        # Problems a question above answers (worded for the command line) are left to it:
        # "mapping" is only the file's missing text or account column, which the column
        # combos answer; two columns giving one field ("column_conflict") are always listed.
        asked = {
            "date_order": plan.ambiguous_dates,
            "accounts": bool(plan.unknown_accounts),
            "mapping": bool(self.column_combos),
        }
        listed = [p for p in plan.problems if not asked.get(p.question, False)]
        self.problems_model.set_rows(listed)
        self.warnings_model.set_rows(plan.warnings)
        self.adds_model.set_rows(plan.entries)
        self._show_sections(
            (
                (self.problems_view, _("Problems ({n})"), len(listed)),
                (self.warnings_view, _("Warnings ({n})"), len(plan.warnings)),
                (self.adds_view, _("To add ({n})"), len(plan.entries)),
            )
        )

        if self.session.read_only:
            self.note.setText(_("The file is open read-only: nothing can be imported."))
        elif listed:
            self.note.setText(_("Solve the problems first; nothing is imported until then."))
        elif not plan.ok:
            self.note.setText(
                _("Answer the questions above first; nothing is imported until then.")
            )
        elif not plan.new_posts:
            self.note.setText(_("Nothing to add: Linimasa already holds these posts."))
        else:
            self.note.setText(_("Nothing is written until you press Import."))
        self.import_button.setEnabled(
            plan.ok and bool(plan.new_posts) and not self.session.read_only
        )

    # --- questions --------------------------------------------------------------------

    def _show_questions(self, plan: plan_import.Plan) -> None:
        mapping = self.options.mapping or {}
        for header in plan.unknown_headers:
            if header not in self.column_combos:
                combo = QComboBox()
                combo.addItem(_("(leave out)"), IGNORE)
                for name in plan_import.FIELDS:
                    combo.addItem(_(plan_import.FIELD_TITLES[name]), name)
                combo.setCurrentIndex(max(combo.findData(mapping.get(header, IGNORE)), 0))
                self.column_combos[header] = combo
                self._add_row(_("Column {name}").format(name=header), combo)
        mapped = self.options.accounts or {}
        for name in plan.unknown_accounts:
            if name not in self.account_combos:
                combo = QComboBox()
                combo.addItem(_("Choose an account…"), None)
                for account in accounts.list_all(self.session.db):
                    if not account.peer:
                        combo.addItem(
                            account_name(account.platform, account.handle),
                            f"{account.platform}:{account.handle}",
                        )
                combo.setCurrentIndex(max(combo.findData(mapped.get(name)), 0))
                self.account_combos[name] = combo
                self._add_row(_("Account {name}").format(name=name), combo)
        self.mapping_box.setVisible(bool(self.column_combos or self.account_combos))

        dates = plan.ambiguous_dates or self.options.date_order is not None
        self.dates_box.setVisible(dates)
        self.date_buttons.setExclusive(False)
        for order, radio in self.date_radios.items():
            radio.setChecked(order == self.options.date_order)
        self.date_buttons.setExclusive(True)

    def _add_row(self, text: str, combo: QComboBox) -> None:
        row = self.mapping_grid.rowCount()
        label = QLabel(text)
        label.setBuddy(combo)
        self.mapping_grid.addWidget(label, row, 0)
        self.mapping_grid.addWidget(QLabel("→"), row, 1, Qt.AlignmentFlag.AlignLeft)
        self.mapping_grid.addWidget(combo, row, 2)

    def apply_mapping(self) -> None:
        columns = {header: combo.currentData() for header, combo in self.column_combos.items()}
        chosen = {
            name: combo.currentData()
            for name, combo in self.account_combos.items()
            if combo.currentData()
        }
        self.options = dataclasses.replace(
            self.options, mapping=columns or None, accounts=chosen or None
        )
        self.replan()

    # --- writing ----------------------------------------------------------------------

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok or self.session.read_only:
            return
        from gui.tasks import TaskRunner

        source, demo = self.session.path, self.session.is_demo

        def work(progress: Progress):
            try:
                with dbmod.open_database(source, migrate=False) as database:
                    if not demo:
                        backups.back_up(database, "import")
                    return plan_import.write(database, plan, progress)
            except Cancelled:
                return None

        self.import_button.setEnabled(False)
        TaskRunner.run(self, _("Importing…"), work, self._written, self._failed)

    def _written(self, result: plan_import.Result | None) -> None:
        if self._write_cancelled(result):
            return
        self.written = True
        if self.plan is not None and self.plan.new_pillars:
            notify("pillars")
        notify("posts", ids=result.post_ids)
        self.result_text = _("Imported: {posts} posts with {variants} platform versions.").format(
            posts=fmt.number(result.posts), variants=fmt.number(result.variants)
        )
        self._announce(_("Import a content plan"))
