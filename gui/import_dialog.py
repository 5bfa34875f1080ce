"""Berkas > Impor metrik…: the import pipeline's preview and its questions.

`import_files(parent, session, paths)` asks for files when none are given, plans the import
off the GUI thread (core.importing.plan never writes), shows what it would do and asks what
the files leave open: unknown columns (remembered per header signature in QSettings), the
order of ambiguous dates, accounts to create, or whose figures a file without account
columns holds. The platforms' own exports (Meta, X, YouTube Studio ZIP, TikTok Studio) say
what each file was read as, and their per-post figures are listed on a tab of their own.
Import writes the plan in one transaction (a cancel rolls it back) and tells the open views
what changed.
"""

from __future__ import annotations

import dataclasses
import html
import json
import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import accounts, backups, fmt, importing, metrics, timezone
from core import db as dbmod
from core.errors import LinimasaError
from core.i18n import N_, _, ngettext
from core.importing.formats import IGNORE, VALUE_FIELDS, normalise
from core.progress import Cancelled, Progress
from gui.metrics_grid import COLUMN_TITLES
from gui.models import RowsTableModel
from gui.session import Session
from gui.signals import notify
from gui.widgets import error_label, hint_label

log = logging.getLogger(__name__)

LAST_FOLDER_KEY = "import/last_folder"
MAPPING_KEY = "import_mapping/{signature}"
#: Our fields as the mapping step names them (the figures keep the grid's titles).
FIELD_TITLES = {
    "platform": N_("Platform"),
    "handle": N_("Account (handle)"),
    **COLUMN_TITLES,
}
#: A post's figures as the posts tab titles them.
POST_FIGURE_TITLES = metrics.POST_TITLES
#: How a platform's post was matched to a planned post (PostRow.matched_by): the cell's
#: word and its tooltip; "" is a post published outside the plan.
MATCH_TITLES = {
    "linked": (N_("already linked"), N_("An earlier import linked it to its planned post.")),
    "id": (N_("post id"), N_("A planned post carries this post's id.")),
    "url": (N_("link"), N_("A planned post carries this post's link.")),
    "text": (
        N_("day and text"),
        N_("A planned post of this account on that day has the same text."),
    ),
}
#: The posts tab's text column: its width when the figures leave no room (it is elided).
CAPTION_WIDTH = 120
#: Left-out columns a file's line names before "and N more" (the tooltip lists them all).
LEFT_OUT_SHOWN = 4
DATE_ORDER_TITLES = {
    "dmy": N_("Day/month/year (31/08/2026)"),
    "mdy": N_("Month/day/year (08/31/2026)"),
    "ymd": N_("Year-month-day (2026-08-31)"),
}


def import_files(parent: QWidget | None, session: Session, paths: list[Path] | None = None) -> bool:
    """Preview and import metrics files; True when something was written."""
    if paths is None:
        paths = choose_files(parent)
    if not paths:
        return False
    dialog = ImportDialog(session, [Path(p) for p in paths], parent)
    dialog.start()
    if dialog.cancelled:
        return False
    dialog.exec()
    return dialog.written


def choose_files(parent: QWidget | None) -> list[Path]:
    """CSV, XLSX or ZIP (YouTube Studio) files from a file dialog that opens where the last
    import came from."""
    settings = QSettings()
    folder = str(settings.value(LAST_FOLDER_KEY, "") or "")
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        _("Import metrics"),
        folder,
        _("Spreadsheets and exports (*.csv *.xlsx *.zip);;All files (*)"),
    )
    if names:
        settings.setValue(LAST_FOLDER_KEY, str(Path(names[0]).parent))
    return [Path(name) for name in names]


def account_name(platform: str, handle: str) -> str:
    """ "Instagram @bmsn_ri": how the preview names an account."""
    if not platform:
        return handle
    at = "@" if platform in ("instagram", "x", "tiktok") else ""
    return f"{accounts.platform_title(platform)} {at}{handle}"


def _named(text: str) -> str:
    """core's "platform:handle" (or a bare handle) as the preview names it."""
    platform, sep, handle = text.partition(":")
    return account_name(platform, handle) if sep else text


def _names_in_short(names: list[str], shown: int = 4) -> str:
    """The first few accounts by name, then how many more."""
    text = ", ".join(_named(name) for name in names[:shown])
    if len(names) > shown:
        text += " " + _("and {n} more").format(n=len(names) - shown)
    return text


def recognised_line(found) -> str:
    """What one file was read as (an item of Plan.recognised), in one sentence; a long list of
    left-out columns (Facebook's 30-odd) ends "and N more"."""
    left = found.left_out
    if len(left) > LEFT_OUT_SHOWN + 1:
        more = _("and {n} more").format(n=fmt.number(len(left) - LEFT_OUT_SHOWN))
        left = [*left[:LEFT_OUT_SHOWN], more]
    return str(dataclasses.replace(found, left_out=left))


def plan_posts(plan: importing.Plan) -> list[tuple]:
    """The posts a plan adds or changes, as (PostRow, {field: (old, new)}), in the files' order."""
    return sorted(
        [*((row, {}) for row in plan.post_adds), *plan.post_changes],
        key=lambda item: (item[0].file, item[0].line),
    )


def _rich_tooltip(lines: list[str]) -> str:
    """Lines as a tooltip that wraps (Qt wraps rich text, not plain)."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def remembered_mapping(signature: str) -> dict[str, str]:
    raw = QSettings().value(MAPPING_KEY.format(signature=signature), "")
    try:
        mapping = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return {str(k): str(v) for k, v in mapping.items()} if isinstance(mapping, dict) else {}


def remember_mapping(signature: str, mapping: dict[str, str]) -> None:
    QSettings().setValue(MAPPING_KEY.format(signature=signature), json.dumps(mapping))


# --- preview tables ---------------------------------------------------------------------


class _PlanRowsModel(RowsTableModel):
    """Rows of a plan; the figure columns are only those some row has."""

    def show(self, rows: list, fields: tuple[str, ...]) -> None:
        self.set_rows([])
        self.COLUMNS = ("account", "date", *fields)
        self.set_rows(rows)

    def column_title(self, column: str) -> str:
        if column == "account":
            return _("Account")
        return _(COLUMN_TITLES[column])

    def role_data(self, row, column: str, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in VALUE_FIELDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AddsModel(_PlanRowsModel):
    """Plan.adds: each new day with its figures."""

    def display(self, row: importing.Row, column: str) -> str:
        if column == "account":
            return account_name(row.platform, row.handle)
        if column == "date":
            return fmt.date_short(row.date)
        value = row.values.get(column)
        return "" if value is None else fmt.number(value)


class ChangesModel(_PlanRowsModel):
    """Plan.changes: (row, {field: (old, new)}), each changed figure as old → new."""

    def display(self, row: tuple, column: str) -> str:
        data, differ = row
        if column == "account":
            return account_name(data.platform, data.handle)
        if column == "date":
            return fmt.date_short(data.date)
        if column not in differ:
            return ""
        old, new = differ[column]
        return f"{fmt.number(old)} → {fmt.number(new)}"


class PostsModel(RowsTableModel):
    """Plan.post_adds and Plan.post_changes as (PostRow, {field: (old, new)}) in the files'
    order: the post's account, time, figures (changed ones as old → new), whether it matches
    a planned post, and its text on one line."""

    def show(self, rows: list[tuple], fields: tuple[str, ...], tz) -> None:
        self.set_rows([])
        self.COLUMNS = ("account", "published", "match", *fields, "caption")
        self.tz = tz
        self.set_rows(rows)

    def column_title(self, column: str) -> str:
        titles = {
            "account": _("Account"),
            "published": _("Published"),
            "match": _("Plan"),
            "caption": _("Text"),
        }
        return titles[column] if column in titles else _(POST_FIGURE_TITLES[column])

    def display(self, row: tuple, column: str) -> str:
        post, differ = row
        if column == "account":
            return account_name(post.platform, post.handle)
        if column == "published":
            if post.published_at:
                return fmt.datetime_in_zone(post.published_at, self.tz)
            return fmt.date_short(post.date)
        if column == "match":
            if post.variant_id is None:
                return _("Outside the plan")
            how = MATCH_TITLES.get(post.matched_by)
            return _("Matched: {how}").format(how=_(how[0]) if how else post.matched_by)
        if column == "caption":
            return " ".join(post.caption.split())
        if column in differ:
            old, new = differ[column]
            return f"{fmt.number(old)} → {fmt.number(new)}"
        value = post.values.get(column)
        return "" if value is None else fmt.number(value)

    def role_data(self, row: tuple, column: str, role: int):
        post, _differ = row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in POST_FIGURE_TITLES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        if column == "caption" and post.caption:
            return _rich_tooltip(post.caption.splitlines())
        if column == "match":
            if post.variant_id is None:
                return _(
                    "No planned post matches it: its figures are kept as a post published "
                    "outside the plan."
                )
            if post.matched_by in MATCH_TITLES:
                return _(MATCH_TITLES[post.matched_by][1])
        return None


class ProblemsModel(RowsTableModel):
    """Plan.problems or Plan.warnings: file, row, column and what is wrong."""

    COLUMNS = ("file", "row", "column", "message")

    def column_title(self, column: str) -> str:
        return {
            "file": _("File"),
            "row": _("Row"),
            "column": _("Column"),
            "message": _("What to check"),
        }[column]

    def display(self, row: importing.Problem, column: str) -> str:
        if column == "file":
            return ", ".join(Path(name.strip()).name for name in row.file.split(","))
        if column == "row":
            return "" if row.row is None else str(row.row)
        if column == "column":
            return row.column or ""
        return row.message

    def role_data(self, row, column: str, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return row.message
        return None


def _table(model: RowsTableModel, stretch_last: bool) -> QTableView:
    """A read-only table; figures keep their width, a message column takes the rest."""
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(stretch_last)
    if not stretch_last:
        view.horizontalHeader().setMinimumSectionSize(120)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


# --- the dialog -------------------------------------------------------------------------


class PreviewDialog(QDialog):
    """What the metrics import and the plan import (gui.plan_import_dialog) previews share.
    A subclass has `session`, `options`, `plan` (None until planned), `cancelled`,
    `result_text`, the widgets `error`, `summary`, `tabs`, `note`, `import_button`,
    `date_radios`, and `show_plan(plan)` and `replan()`."""

    #: What the log calls a failure of this import.
    FAILED_LOG = "import failed"

    def _planning_cancelled(self, plan) -> bool:
        """True when the planning was cancelled (`plan` None): the first one closes the
        dialog without a word, a later one shows the plan before it again."""
        if plan is not None:
            return False
        if self.plan is None:
            self.cancelled = True
            self.reject()
        else:
            self.options = self.plan.options
            self.show_plan(self.plan)
        return True

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, LinimasaError):
            text = str(exc)
        else:
            log.error(self.FAILED_LOG, exc_info=exc)
            text = _("Something went wrong: {error}").format(error=exc)
        self.error.setText(text)
        self.error.show()
        if self.plan is not None:
            self.options = self.plan.options
            self.show_plan(self.plan)
        else:
            self.summary.setText(_("Nothing can be imported."))
            self.import_button.setEnabled(False)

    def _show_sections(self, sections: tuple[tuple[QTableView, str, int], ...]) -> None:
        """(view, title with {n}, rows) per tab: the tabs with rows shown, the first current."""
        first = None
        for view, title, count in sections:
            place = self.tabs.indexOf(view)
            self.tabs.setTabText(place, title.format(n=fmt.number(count)))
            self.tabs.setTabVisible(place, count > 0)
            if count and first is None:
                first = place
        self.tabs.setVisible(first is not None)
        if first is not None:
            self.tabs.setCurrentIndex(first)

    def choose_date_order(self) -> None:
        order = next((o for o, radio in self.date_radios.items() if radio.isChecked()), None)
        if order != self.options.date_order:
            self.options = dataclasses.replace(self.options, date_order=order)
            self.replan()

    def _write_cancelled(self, outcome) -> bool:
        """True when the import was cancelled (`outcome` None): core rolled it back."""
        if outcome is not None:
            return False
        self.note.setText(_("Cancelled; nothing was changed."))
        self.import_button.setEnabled(True)
        return True

    def _announce(self, title: str) -> None:
        """`result_text` in the window's status bar and a message box, then close."""
        window = self.parent().window() if self.parent() is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.result_text, 8000)
        from gui.tabs import nobody_to_ask

        if not nobody_to_ask():
            QMessageBox.information(self, title, self.result_text)
        self.accept()


class ImportDialog(PreviewDialog):
    """The preview of one import. `start()` plans; each answer plans again; Import writes."""

    def __init__(self, session: Session, paths: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.paths = paths
        self.options = importing.Options()
        self.plan: importing.Plan | None = None
        self.written = False
        self.cancelled = False
        self.result_text = ""
        self._mapping_headers: list[str] = []
        self._remembered_tried = False
        self.resize(1000, 650)

        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.error = error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        # Unknown columns: "column in the file → our field".
        self.mapping_box = QGroupBox()
        self.mapping_hint = QLabel(wordWrap=True)
        self.mapping_hint.setObjectName("hint")
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setColumnStretch(3, 1)
        self.mapping_file_title = QLabel()
        self.mapping_field_title = QLabel()
        for title in (self.mapping_file_title, self.mapping_field_title):
            title.setStyleSheet("font-weight: 600")
        self.mapping_grid.addWidget(self.mapping_file_title, 0, 0)
        self.mapping_grid.addWidget(self.mapping_field_title, 0, 2)
        self.mapping_combos: dict[str, QComboBox] = {}
        grid_widget = QWidget()
        grid_widget.setLayout(self.mapping_grid)
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        mapping_scroll.setWidget(grid_widget)
        self.mapping_scroll = mapping_scroll
        self.plan_again_button = QPushButton()
        self.plan_again_button.clicked.connect(self.apply_mapping)
        mapping_layout = QVBoxLayout(self.mapping_box)
        mapping_layout.addWidget(self.mapping_hint)
        mapping_layout.addWidget(mapping_scroll)
        again_row = QHBoxLayout()
        again_row.addWidget(self.plan_again_button)
        again_row.addStretch(1)
        mapping_layout.addLayout(again_row)

        # Dates that read two ways.
        self.dates_box = QGroupBox()
        self.dates_hint = QLabel(wordWrap=True)
        self.dates_hint.setObjectName("hint")
        self.date_buttons = QButtonGroup(self)
        self.date_radios: dict[str, QRadioButton] = {}
        dates_layout = QVBoxLayout(self.dates_box)
        dates_layout.addWidget(self.dates_hint)
        for order in DATE_ORDER_TITLES:
            radio = QRadioButton()
            self.date_radios[order] = radio
            self.date_buttons.addButton(radio)
            dates_layout.addWidget(radio)
        self.date_buttons.buttonClicked.connect(self.choose_date_order)

        # Accounts: create the unknown ones, or say whose figures a file holds.
        self.accounts_box = QGroupBox()
        self.create_accounts = QCheckBox()
        self.create_accounts.toggled.connect(self.choose_create_accounts)
        self.account_label = QLabel()
        self.account_combo = QComboBox()
        self.account_label.setBuddy(self.account_combo)
        self.account_combo.activated.connect(self.choose_account)
        account_row = QHBoxLayout()
        account_row.addWidget(self.account_label)
        account_row.addWidget(self.account_combo)
        account_row.addStretch(1)
        self.account_row = QWidget()
        self.account_row.setLayout(account_row)
        account_row.setContentsMargins(0, 0, 0, 0)
        accounts_layout = QVBoxLayout(self.accounts_box)
        accounts_layout.addWidget(self.create_accounts)
        accounts_layout.addWidget(self.account_row)

        accounts_layout.addStretch(1)
        answers = QHBoxLayout()
        answers.addWidget(self.dates_box)
        answers.addWidget(self.accounts_box, 1)
        # A question keeps its height when no table is shown (a file that only asks whose
        # figures it holds): the room left goes to the stretch under the tables.
        for box in (self.dates_box, self.accounts_box):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        # What each file was read as: one line per file, the whole lists in the tooltip.
        self.formats_label = hint_label()
        self.formats_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = hint_label()

        self.problems_model = ProblemsModel(self)
        self.warnings_model = ProblemsModel(self)
        self.adds_model = AddsModel(self)
        self.changes_model = ChangesModel(self)
        self.posts_model = PostsModel(self)
        self.tabs = QTabWidget()
        self.problems_view = _table(self.problems_model, stretch_last=True)
        self.warnings_view = _table(self.warnings_model, stretch_last=True)
        self.adds_view = _table(self.adds_model, stretch_last=False)
        self.changes_view = _table(self.changes_model, stretch_last=False)
        self.posts_view = _table(self.posts_model, stretch_last=True)
        for view in (
            self.problems_view,
            self.warnings_view,
            self.adds_view,
            self.changes_view,
            self.posts_view,
        ):
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
        layout.addWidget(self.files_label)
        layout.addWidget(self.error)
        layout.addWidget(self.mapping_box)
        layout.addLayout(answers)
        layout.addWidget(self.summary)
        layout.addWidget(self.formats_label)
        layout.addWidget(self.detail)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)
        layout.addLayout(bottom)
        for box in (
            self.mapping_box,
            self.dates_box,
            self.accounts_box,
            self.formats_label,
            self.tabs,
        ):
            box.hide()
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Import metrics"))
        names = ", ".join(path.name for path in self.paths)
        self.files_label.setText(
            ngettext("File: {names}", "Files: {names}", len(self.paths)).format(names=names)
        )
        self.files_label.setToolTip("\n".join(str(path) for path in self.paths))
        self.mapping_box.setTitle(_("Columns Linimasa does not know"))
        self.mapping_hint.setText(_("Say what each column holds, or leave it out."))
        self.mapping_file_title.setText(_("Column in the file"))
        self.mapping_field_title.setText(_("Field in Linimasa"))
        self.plan_again_button.setText(_("&Plan again"))
        self.dates_box.setTitle(_("Order of the dates"))
        self.dates_hint.setText(
            _("The dates in the file can be read two ways (03/04 is 3 April or 4 March).")
        )
        for order, radio in self.date_radios.items():
            radio.setText(_(DATE_ORDER_TITLES[order]))
        self.accounts_box.setTitle(_("Accounts"))
        self.account_label.setText(_("Figures &of"))
        self.import_button.setText(_("&Import"))
        self._fill_account_combo()
        for model in (
            self.problems_model,
            self.warnings_model,
            self.adds_model,
            self.changes_model,
            self.posts_model,
        ):
            model.retranslate()
        if self.plan is not None:
            self.show_plan(self.plan)

    # --- planning ---------------------------------------------------------------------

    def start(self) -> None:
        """Plan the files as they are; a cancel closes the dialog without a word."""
        self.replan()

    def replan(self) -> None:
        from gui.tasks import TaskRunner

        source, paths, options = self.session.path, list(self.paths), self.options

        def work(progress: Progress):
            try:
                # sqlite3 connections belong to their thread: the worker opens its own.
                with dbmod.open_database(source, read_only=True, migrate=False) as database:
                    return importing.plan(database, paths, options, progress)
            except Cancelled:
                return None

        self.summary.setText(_("Reading the file…"))
        self.import_button.setEnabled(False)
        TaskRunner.run(self, _("Reading the file…"), work, self._planned, self._failed)

    def _planned(self, plan: importing.Plan | None) -> None:
        if self._planning_cancelled(plan):
            return
        self.error.hide()
        if (
            plan.unknown_headers
            and self.options.mapping is None
            and not self._remembered_tried
            and plan.header_signature
        ):
            self._remembered_tried = True
            remembered = remembered_mapping(plan.header_signature)
            known = {normalise(header) for header in remembered}
            if remembered and all(normalise(h) in known for h in plan.unknown_headers):
                self._add_mapping_rows(plan.unknown_headers, remembered)
                self.options = dataclasses.replace(self.options, mapping=remembered)
                self.replan()
                return
        self.show_plan(plan)

    def show_plan(self, plan: importing.Plan) -> None:
        """Show a plan: its questions, counts, sections and whether Import can write it."""
        self.plan = plan
        self.options = plan.options
        self._show_questions(plan)
        self.summary.setText(self._summary(plan))
        lines = [recognised_line(found) for found in plan.recognised]
        if len(lines) > 1:
            lines = [f"• {line}" for line in lines]
        self.formats_label.setText("\n".join(lines))
        self.formats_label.setToolTip(_rich_tooltip(plan.formats_text()))
        self.formats_label.setVisible(bool(plan.recognised))
        self.detail.setText(self._detail(plan))
        self.detail.setVisible(bool(self.detail.text()))

        # A problem a question above answers (worded for the command line: "--date-order…")
        # is left to that question.
        asked = {
            "mapping": bool(plan.unknown_headers),
            "date_order": plan.ambiguous_dates,
            "account": plan.needs_account,
            "create_accounts": bool(plan.unknown_accounts),
        }
        listed = [p for p in plan.problems if not asked.get(p.question, False)]
        self.problems_model.set_rows(listed)
        self.warnings_model.set_rows(plan.warnings)
        add_fields = tuple(f for f in VALUE_FIELDS if any(f in r.values for r in plan.adds))
        self.adds_model.show(plan.adds, add_fields)
        change_fields = tuple(f for f in VALUE_FIELDS if any(f in d for _r, d in plan.changes))
        self.changes_model.show(plan.changes, change_fields)
        posts = plan_posts(plan)
        post_fields = tuple(
            f
            for f in metrics.POST_COUNTS
            if any(f in row.values or f in differ for row, differ in posts)
        )
        self.posts_model.show(posts, post_fields, timezone.institution_zone(self.session.db))
        # The text takes the width left, at least CAPTION_WIDTH (elided), not its whole length.
        header = self.posts_view.horizontalHeader()
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(header.count() - 1, CAPTION_WIDTH)
        self._show_sections(
            (
                (self.problems_view, _("Problems ({n})"), len(listed)),
                (self.warnings_view, _("Warnings ({n})"), len(plan.warnings)),
                (self.adds_view, _("To add ({n})"), len(plan.adds)),
                (self.changes_view, _("Changes ({n})"), len(plan.changes)),
                (self.posts_view, _("Posts ({n})"), len(posts)),
            )
        )

        if self.session.read_only:
            self.note.setText(_("The file is open read-only: nothing can be imported."))
        elif not plan.ok:
            self.note.setText(_("Solve the problems first; nothing is imported until then."))
        elif not plan.something:
            self.note.setText(_("Nothing to change: Linimasa already holds these figures."))
        else:
            self.note.setText(_("Nothing is written until you press Import."))
        self.import_button.setEnabled(plan.ok and plan.something and not self.session.read_only)

    def _summary(self, plan: importing.Plan) -> str:
        """The days' counts (unless the files hold posts only), then the posts' counts."""
        lines = []
        has_posts = bool(plan.post_adds or plan.post_changes or plan.post_unchanged)
        if not has_posts or plan.adds or plan.changes or plan.unchanged or plan.skipped:
            lines.append(
                _(
                    "To add: {added} · To change: {changed} · Unchanged: {unchanged} · "
                    "Skipped: {skipped}"
                ).format(
                    added=fmt.number(len(plan.adds)),
                    changed=fmt.number(len(plan.changes)),
                    unchanged=fmt.number(plan.unchanged),
                    skipped=fmt.number(len(plan.skipped)),
                )
            )
        if has_posts:
            lines.append(
                _("Posts: {added} to add · {changed} to change · {unchanged} unchanged").format(
                    added=fmt.number(len(plan.post_adds)),
                    changed=fmt.number(len(plan.post_changes)),
                    unchanged=fmt.number(plan.post_unchanged),
                )
            )
        return "\n".join(lines)

    def _detail(self, plan: importing.Plan) -> str:
        parts = []
        if plan.skipped:
            parts.append(_("Skipped rows name an account and a date but no figure."))
        if plan.accounts_to_create:
            parts.append(
                _("New accounts: {names}.").format(
                    names=", ".join(account_name(p, h) for p, h in plan.accounts_to_create)
                )
            )
        posts = [row for row, _differ in plan_posts(plan)]
        if posts:
            matched = sum(1 for row in posts if row.variant_id is not None)
            parts.append(
                _(
                    "Posts matched to planned posts: {matched}; published outside the plan: "
                    "{outside}."
                ).format(matched=fmt.number(matched), outside=fmt.number(len(posts) - matched))
            )
        if plan.warnings:
            parts.append(_("Warnings do not stop the import, but check the figures they name."))
        unanswered = (
            plan.unknown_headers
            or plan.ambiguous_dates
            or (plan.unknown_accounts and not plan.options.create_accounts)
            or self._needs_account(plan)
        )
        if unanswered:
            parts.append(_("Answer the questions above: the problems they name then go away."))
        return " ".join(parts)

    # --- questions --------------------------------------------------------------------

    def _show_questions(self, plan: importing.Plan) -> None:
        if plan.unknown_headers:
            remembered = {}
            if self.options.mapping is None and plan.header_signature:
                remembered = remembered_mapping(plan.header_signature)
            self._add_mapping_rows(plan.unknown_headers, remembered)
        self.mapping_box.setVisible(bool(self._mapping_headers))

        dates = plan.ambiguous_dates or self.options.date_order is not None
        self.dates_box.setVisible(dates)
        for order, radio in self.date_radios.items():
            radio.setChecked(order == self.options.date_order)
        if self.options.date_order is None:
            self.date_buttons.setExclusive(False)
            for radio in self.date_radios.values():
                radio.setChecked(False)
            self.date_buttons.setExclusive(True)

        creating = bool(plan.unknown_accounts) or self.options.create_accounts
        self.create_accounts.setVisible(creating)
        if creating:
            names = plan.unknown_accounts or [f"{p}:{h}" for p, h in plan.accounts_to_create]
            self.create_accounts.blockSignals(True)
            self.create_accounts.setChecked(self.options.create_accounts)
            self.create_accounts.blockSignals(False)
            self.create_accounts.setText(
                ngettext(
                    "&Create the account that is not in Linimasa yet ({names})",
                    "&Create the {n} accounts that are not in Linimasa yet ({names})",
                    len(names),
                ).format(n=len(names), names=_names_in_short(names))
            )
        choosing = self._needs_account(plan) or self.options.account is not None
        self.account_row.setVisible(choosing)
        if choosing:
            self._fill_account_combo()
        self.accounts_box.setVisible(creating or choosing)

    @staticmethod
    def _needs_account(plan: importing.Plan) -> bool:
        return plan.needs_account

    def _add_mapping_rows(self, headers: list[str], remembered: dict[str, str]) -> None:
        remembered = {normalise(header): target for header, target in remembered.items()}
        for header in headers:
            if header in self.mapping_combos:
                continue
            combo = QComboBox()
            combo.addItem(_("(leave out)"), IGNORE)
            for name in importing.FIELDS:
                combo.addItem(_(FIELD_TITLES[name]), name)
            place = combo.findData(remembered.get(normalise(header), IGNORE))
            combo.setCurrentIndex(max(place, 0))
            label = QLabel(header)
            label.setBuddy(combo)
            row = len(self._mapping_headers) + 1
            self.mapping_grid.addWidget(label, row, 0)
            self.mapping_grid.addWidget(QLabel("→"), row, 1, Qt.AlignmentFlag.AlignLeft)
            self.mapping_grid.addWidget(combo, row, 2)
            self.mapping_combos[header] = combo
            self._mapping_headers.append(header)
        # a few columns show whole; many scroll within a few rows' height
        height = self.mapping_grid.sizeHint().height() + 4
        self.mapping_scroll.setFixedHeight(min(height, 150))

    def mapping(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.mapping_combos.items()}

    def apply_mapping(self) -> None:
        self.options = dataclasses.replace(self.options, mapping=self.mapping())
        self.replan()

    def choose_create_accounts(self, checked: bool) -> None:
        self.options = dataclasses.replace(self.options, create_accounts=checked)
        self.replan()

    def _fill_account_combo(self) -> None:
        combo = self.account_combo
        combo.clear()
        combo.addItem(_("Choose an account…"), None)
        for account in self._account_choices():
            combo.addItem(
                account_name(account.platform, account.handle),
                f"{account.platform}:{account.handle}",
            )
        combo.setCurrentIndex(max(combo.findData(self.options.account), 0))

    def _account_choices(self) -> list[accounts.Account]:
        """The accounts a file without account columns may be of: those of its platform when
        every file is a platform's export (and the account chosen, to show it), else all."""
        everyone = accounts.list_all(self.session.db)
        recognised = self.plan.recognised if self.plan is not None else []
        platforms = {found.format.platform for found in recognised}
        if not platforms or None in platforms:
            return everyone
        chosen = self.options.account
        return [
            a for a in everyone if a.platform in platforms or f"{a.platform}:{a.handle}" == chosen
        ]

    def choose_account(self) -> None:
        account = self.account_combo.currentData()
        if account != self.options.account:
            self.options = dataclasses.replace(self.options, account=account)
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
                    result = importing.write(database, plan, progress)
                    created = {
                        account.id
                        for account in accounts.list_all(database, include_archived=True)
                        if (account.platform, account.handle) in set(plan.accounts_to_create)
                    }
            except Cancelled:
                return None
            return result, created

        self.import_button.setEnabled(False)
        TaskRunner.run(self, _("Importing…"), work, self._written, self._failed)

    def _written(self, outcome) -> None:
        plan = self.plan
        if self._write_cancelled(outcome):
            return
        result, created = outcome
        self.written = True
        if plan.options.mapping:
            remember_mapping(plan.header_signature, plan.options.mapping)
        touched = {r.account_id for r in plan.adds if r.account_id is not None}
        touched |= {r.account_id for r, _d in plan.changes if r.account_id is not None}
        if touched or created:
            notify("snapshots", ids=touched | created)
        if created:
            notify("accounts", ids=created)
        posts = [row for row, _differ in plan_posts(plan)]
        if posts:
            # Post figures, and the matched variants now carry the platform's id and link.
            notify("posts", ids={row.variant_id for row in posts if row.variant_id is not None})
        parts = []
        if result.added or result.changed or not posts:
            parts.append(
                _("Imported: {added} rows added, {changed} changed.").format(
                    added=fmt.number(result.added), changed=fmt.number(result.changed)
                )
            )
        if posts:
            parts.append(
                _("Imported posts: {added} added, {changed} changed.").format(
                    added=fmt.number(result.posts_added), changed=fmt.number(result.posts_changed)
                )
            )
        self.result_text = " ".join(parts)
        self._announce(_("Import metrics"))
