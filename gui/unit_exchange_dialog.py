"""One institution, many units (issue 17): Berkas > Kirim ke biro… and Berkas > Gabungkan
data unit….

`send_to_bureau(parent, session)` asks for a unit, a period (or a starting file for the unit)
and where to save, writes the unit's package off the GUI thread (core.unit_package) and says
what was written. `merge_units(parent, session)` asks for packages, previews the merge off the
GUI thread (core.merge.plan runs the very merge and rolls it back, so the preview is what
Merge does), lets the user say whose values win where the package and the file differ, and
merges all or nothing after a backup, telling the open views what changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import backups, fmt, merge, metrics, periods, unit_package, units
from core import db as dbmod
from core.errors import CannotWrite, LinimasaError, os_reason
from core.i18n import N_, _
from core.merge import Conflict, MergePlan
from core.progress import Cancelled, Progress
from core.unit_package import Manifest
from gui.backup_dialog import size_text
from gui.import_dialog import account_name
from gui.models import RowsTableModel
from gui.session import Session
from gui.signals import KINDS, notify
from gui.widgets import ask_save_path, error_label, from_qdate, hint_label, to_qdate

log = logging.getLogger(__name__)

SEND_FOLDER_KEY = "unit_exchange/send_folder"
MERGE_FOLDER_KEY = "unit_exchange/merge_folder"
#: What each table of a package holds, in plain words, and the kind of change it makes for
#: the open views (gui.signals); in the order the preview lists them.
TABLES = {
    "accounts": (N_("Accounts"), "accounts"),
    "account_snapshots": (N_("Follower figures"), "snapshots"),
    "posts": (N_("Posts"), "posts"),
    "post_variants": (N_("Posts' platform versions"), "posts"),
    "post_metrics": (N_("Post figures"), "posts"),
    "variant_history": (N_("Workflow steps"), "posts"),
    "guideline_ticks": (N_("Checklist ticks"), "posts"),
    "post_attachments": (N_("Attachments"), "posts"),
    "post_series": (N_("Post series"), "posts"),
    "units": (N_("Work units"), "units"),
    "members": (N_("Team members"), "members"),
    "approval_levels": (N_("Approval levels"), "units"),
    "account_security": (N_("Account security"), "accounts"),
    "account_targets": (N_("Account targets"), "accounts"),
    "pillars": (N_("Pillars"), "pillars"),
    "snippets": (N_("Snippets"), "snippets"),
    "guideline_items": (N_("Checklist items"), "guidelines"),
    "observances": (N_("Commemorative days"), "settings"),
}
#: core.merge names a day's figures "platform:handle YYYY-MM-DD".
_ACCOUNT_DAY = re.compile(r"^([a-z]+):(\S+) (\d{4}-\d{2}-\d{2})$")
#: Characters a file name cannot hold on Windows.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|]+')


def table_title(table: str) -> str:
    return _(TABLES[table][0]) if table in TABLES else table


def changed_kinds(plan: MergePlan) -> set[str]:
    """The kinds of data (gui.signals) a merged plan changed; a table this version does not
    know stands for every kind, so that no view stays stale."""
    kinds: set[str] = set()
    for table in {*plan.added, *plan.changed}:
        kinds |= {TABLES[table][1]} if table in TABLES else set(KINDS)
    if plan.adopted:
        kinds.add("settings")
    return kinds


def whole_month(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (start, end) == periods.month(start.year, start.month)


def period_text(start: dt.date, end: dt.date) -> str:
    """ "November 2026" for a calendar month, else the two days."""
    return periods.title("month" if whole_month(start, end) else "custom", start, end)


def manifest_period(manifest: Manifest) -> str:
    if manifest.template or not manifest.start or not manifest.end:
        return _("starting file (template)")
    return period_text(dt.date.fromisoformat(manifest.start), dt.date.fromisoformat(manifest.end))


def suggested_name(unit: units.Unit, start: dt.date, end: dt.date, template: bool) -> str:
    """ "BLS-Timur-2026-11.linimasa"; a starting file is the unit's own database file."""
    stem = re.sub(r"\s+", "-", _NOT_IN_NAMES.sub(" ", unit.short_name or unit.name).strip())
    if template:
        return f"{stem}.sqlite"
    if whole_month(start, end):
        return f"{stem}-{start:%Y-%m}{unit_package.SUFFIX}"
    return f"{stem}-{start:%Y-%m-%d}-{end:%Y-%m-%d}{unit_package.SUFFIX}"


def _plain(item: str) -> str:
    """A menu item's text as a window title: "Kirim ke biro"."""
    return item.replace("&", "").rstrip("…")


def _menu_path(*items: str) -> str:
    """ "Berkas > Gabungkan data unit": menu texts as a sentence names them."""
    return " > ".join(_plain(item) for item in items)


def _remembered_folder(key: str) -> str:
    folder = str(QSettings().value(key, "") or "")
    if folder and Path(folder).is_dir():
        return folder
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _failure_text(exc: BaseException, what: str) -> str:
    if isinstance(exc, LinimasaError):
        return str(exc)
    log.error(what, exc_info=exc)
    return _("Something went wrong: {error}").format(error=exc)


def _section_title() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionTitle")
    return label


# --- sending ------------------------------------------------------------------------------


def write_package(
    source: Path,
    unit_id: int,
    start: str | None,
    end: str | None,
    target: Path,
    template: bool,
    progress: Progress,
) -> tuple[Manifest, int] | None:
    """Write the package on a worker (its own read-only connection): into a name beside the
    target first, so that a cancel or a failure leaves the target as it was. None when
    cancelled; otherwise the manifest and the file's size."""
    staging = target.with_name(f".{target.name}.sending")
    try:
        staging.write_bytes(b"")  # says early, and exactly, why the folder cannot be written
    except OSError as exc:
        raise CannotWrite(target, os_reason(exc)) from exc
    try:
        with dbmod.open_database(source, read_only=True, migrate=False) as database:
            manifest = unit_package.export_unit(
                database, unit_id, start, end, staging, template=template, overwrite=True
            )
        if progress.cancelled:
            return None
        os.replace(staging, target)
    except OSError as exc:
        raise CannotWrite(target, os_reason(exc)) from exc
    except sqlite3.Error as exc:
        translated = dbmod.translate_error(exc, target)
        if translated is exc:
            raise
        raise translated from exc
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
    return manifest, target.stat().st_size


class SendDialog(QDialog):
    """Berkas > Kirim ke biro…: a unit, a period (or a starting file), then Save asks where."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        #: The file written and its manifest, once sent.
        self.written: Path | None = None
        self.manifest: Manifest | None = None
        self.intro = QLabel(wordWrap=True)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(30)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_label = QLabel()
        self.unit_label.setBuddy(self.unit)
        self.start = QDateEdit(calendarPopup=True)
        self.end = QDateEdit(calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("d MMM yyyy")
        self.until = QLabel("–")
        self.this_month = QPushButton()
        self.last_month = QPushButton()
        for button in (self.this_month, self.last_month):
            button.setAutoDefault(False)  # Enter saves, it does not pick a month
        self.this_month.clicked.connect(lambda: self.set_period(*self._month(0)))
        self.last_month.clicked.connect(lambda: self.set_period(*self._month(1)))
        period_row = QHBoxLayout()
        for widget in (self.start, self.until, self.end, self.this_month, self.last_month):
            period_row.addWidget(widget)
        period_row.addStretch(1)
        self.period_label = QLabel()
        self.period_label.setBuddy(self.start)
        self.template = QCheckBox()
        self.template.toggled.connect(self._update)
        self.template_hint = hint_label()
        self.template_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty = hint_label()
        self.error = error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.note = hint_label()

        form = QFormLayout()
        form.addRow(self.unit_label, self.unit)
        form.addRow(self.period_label, period_row)
        template_box = QVBoxLayout()
        template_box.setSpacing(2)
        template_box.addWidget(self.template)
        template_box.addWidget(self.template_hint)
        form.addRow("", template_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        choosing = QWidget()
        choosing_layout = QVBoxLayout(choosing)
        choosing_layout.setContentsMargins(0, 0, 0, 0)
        choosing_layout.addWidget(self.intro)
        choosing_layout.addWidget(self.empty)
        choosing_layout.addLayout(form)
        choosing_layout.addStretch(1)
        choosing_layout.addWidget(self.error)
        choosing_layout.addWidget(self.note)
        choosing_layout.addWidget(self.buttons)

        # After sending: what was written, where, and what to do with it.
        self.result_title = _section_title()
        self.result = QLabel(wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_path = QLabel(wordWrap=True)
        self.result_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_step = hint_label()
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        self.done_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.done_buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.done_buttons.rejected.connect(self.accept)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(self.result_title)
        done_layout.addWidget(self.result)
        done_layout.addWidget(self.result_path)
        done_layout.addSpacing(8)
        done_layout.addWidget(self.next_step)
        done_layout.addStretch(1)
        done_layout.addWidget(self.done_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(choosing)
        self.pages.addWidget(done)
        QVBoxLayout(self).addWidget(self.pages)

        self.units = units.tree(session.db)
        for unit, depth in self.units:  # sub-units indented under their unit
            self.unit.addItem("\u2003" * depth + unit.name, unit.id)
        self.set_period(*self._month(1))
        self.translate_ui()
        self.unit.setCurrentIndex(max(0, self.unit.findData(self._default_unit())))
        self._update()
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height() + 40)

    def translate_ui(self) -> None:
        self.setWindowTitle(_plain(_("S&end to the bureau…")))
        self.intro.setText(
            _(
                "A unit's accounts, team, follower figures and posts of a period, its sub-units' "
                "included, as one file small enough to send by e-mail or chat. The bureau adds "
                "it to its own file with {menu}."
            ).format(menu=_menu_path(_("&File"), _("&Merge units' data…")))
        )
        self.empty.setText(
            _(
                "This file has no work units yet. Add the units first with {menu}, and give "
                "their accounts a unit."
            ).format(menu=_menu_path(_("&Edit"), _("Work units and &team…")))
        )
        self.unit_label.setText(_("&Unit:"))
        self.period_label.setText(_("&Period:"))
        self.this_month.setText(_("This month"))
        self.last_month.setText(_("Last month"))
        self.template.setText(_("Starting file for the unit (template)"))
        self.template_hint.setText(
            _(
                "Instead of a package: a new file for the unit to work in, with the institution's "
                "settings, the unit, its accounts and its team, and no figures or posts. The "
                "packages the unit sends from it can be merged into this file."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.folder_button.setText(_("Open &folder"))
        self.done_buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self._update()

    def _month(self, back: int) -> tuple[dt.date, dt.date]:
        return periods.recent("month", self.session.today, back + 1)[back]

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))

    def _default_unit(self) -> int | None:
        """The unit of the member working at this computer (Edit > Your name…), else the
        first."""
        from gui.acting import current_member

        member = current_member(self.session)
        if member is not None and member.unit_id is not None:
            return member.unit_id
        return self.units[0][0].id if self.units else None

    def _update(self, *_args) -> None:
        template = self.template.isChecked()
        has_units = bool(self.units)
        for widget in (self.start, self.end, self.this_month, self.last_month):
            widget.setEnabled(has_units and not template)
        for widget in (self.unit, self.template, self.save_button):
            widget.setEnabled(has_units)
        self.save_button.setText(_("Save starting file…") if template else _("Save package…"))
        self.empty.setVisible(not has_units)

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def selected_unit(self) -> units.Unit | None:
        unit_id = self.unit.currentData()
        return next((unit for unit, _depth in self.units if unit.id == unit_id), None)

    def send(self) -> None:
        """Ask where to save (the folder used last time), then write."""
        unit = self.selected_unit()
        if unit is None:
            return
        start, end = self.period()
        if not self.template.isChecked() and start > end:
            self._show_error(_("The first day is after the last day."))
            return
        template = self.template.isChecked()
        suggested = Path(_remembered_folder(SEND_FOLDER_KEY)) / suggested_name(
            unit, start, end, template
        )
        if template:
            from gui.opening import FILE_FILTER

            target = ask_save_path(self, _("Save starting file"), suggested, FILE_FILTER, "sqlite")
        else:
            target = ask_save_path(
                self,
                _("Save package"),
                suggested,
                _("Unit packages (*.linimasa)"),
                unit_package.SUFFIX.lstrip("."),
            )
        if target is not None:
            QSettings().setValue(SEND_FOLDER_KEY, str(target.parent))
            self.write(target)

    def write(self, target: Path) -> None:
        """Write the package to `target` (replacing it: the save dialog asked) off the GUI
        thread; the dialog then says what was written."""
        from gui.tasks import TaskRunner

        unit = self.selected_unit()
        if unit is None:
            return
        start, end = self.period()
        template = self.template.isChecked()
        source, target = self.session.path, Path(target)

        def work(progress: Progress):
            return write_package(
                source,
                unit.id,
                None if template else start.isoformat(),
                None if template else end.isoformat(),
                target,
                template,
                progress,
            )

        self.error.hide()
        self.note.setText("")
        self.save_button.setEnabled(False)
        TaskRunner.run(
            self,
            _("Writing the package…"),
            work,
            lambda outcome: self._written(target, outcome),
            self._failed,
        )

    def _written(self, target: Path, outcome: tuple[Manifest, int] | None) -> None:
        self._update()
        if outcome is None:
            self.note.setText(_("Cancelled; nothing was written."))
            return
        self.manifest, size = outcome
        self.written = target
        self.result_path.setText(str(target))
        if self.manifest.template:
            self.result_title.setText(_("Starting file saved"))
            self.result.setText(
                _("{unit}: the unit's starting file ({size}), in:").format(
                    unit=self.manifest.unit_name, size=size_text(size)
                )
            )
            self.next_step.setText(
                _(
                    "Give it to the unit: they open it with {menu} and work in it. The packages "
                    "they send from it can be merged into this file."
                ).format(menu=_menu_path(_("&File"), _("&Open file…")))
            )
        else:
            self.result_title.setText(_("Package saved"))
            self.result.setText(
                _("{unit}, {period}: {rows} rows ({size}), in:").format(
                    unit=self.manifest.unit_name,
                    period=manifest_period(self.manifest),
                    size=size_text(size),
                    rows=fmt.number(sum(self.manifest.counts.values())),
                )
            )
            next_step = _(
                "Send this file to the humas bureau by e-mail or chat. The bureau adds it to "
                "its own file with {menu}."
            ).format(menu=_menu_path(_("&File"), _("&Merge units' data…")))
            left_out = unit_package.unassigned_accounts(self.session.db)
            if left_out:
                next_step += " " + _(
                    "Not in it: accounts without a work unit ({names}); give them their unit "
                    "on the Akun tab and send again."
                ).format(names=", ".join(left_out))
            self.next_step.setText(next_step)
        self.pages.setCurrentIndex(1)
        self.folder_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._update()
        self._show_error(_failure_text(exc, "sending a unit's package failed"))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def open_folder(self) -> None:
        """The folder holding the file, in the system's file manager (a local file URL)."""
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))


def send_to_bureau(parent: QWidget | None, session: Session) -> Path | None:
    """Berkas > Kirim ke biro…; the file written, or None."""
    dialog = SendDialog(session, parent)
    dialog.exec()
    return dialog.written


# --- merging ------------------------------------------------------------------------------


def _value_text(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt.number(value)
    return str(value)


def conflict_what(conflict: Conflict) -> str:
    """The row a conflict is about as the user knows it: "Instagram @bmsn_timur, 20 Nov 2026"."""
    found = _ACCOUNT_DAY.match(conflict.what)
    if found:
        platform, handle, day = found.groups()
        return f"{account_name(platform, handle)}, {fmt.date_short(day)}"
    return conflict.what


def conflict_field(conflict: Conflict) -> str:
    titles = {"account_snapshots": metrics.SNAPSHOT_TITLES, "post_metrics": metrics.POST_TITLES}
    title = titles.get(conflict.table, {}).get(conflict.column)
    return _(title) if title else conflict.column


class ChangesModel(RowsTableModel):
    """Rows are (table, added, changed)."""

    COLUMNS = ("what", "added", "changed")

    def row_key(self, row: tuple[str, int, int]) -> str:
        return row[0]

    def column_title(self, column: str) -> str:
        return {"what": _("Data"), "added": _("New"), "changed": _("Changed")}[column]

    def display(self, row: tuple[str, int, int], column: str) -> str:
        table, added, changed = row
        if column == "what":
            return table_title(table)
        value = added if column == "added" else changed
        return fmt.number(value) if value else "–"

    def role_data(self, row, column: str, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "what":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ConflictsModel(RowsTableModel):
    """Rows are core.merge.Conflict."""

    COLUMNS = ("package", "what", "field", "bureau", "theirs")

    def row_key(self, row: Conflict):
        return (row.package, row.table, row.what, row.column)

    def column_title(self, column: str) -> str:
        return {
            "package": _("Package"),
            "what": _("Record"),
            "field": _("Column"),
            "bureau": _("In this file"),
            "theirs": _("In the package"),
        }[column]

    def display(self, row: Conflict, column: str) -> str:
        if column == "package":
            return row.package
        if column == "what":
            return conflict_what(row)
        if column == "field":
            return conflict_field(row)
        return _value_text(row.bureau if column == "bureau" else row.theirs)

    def role_data(self, row, column: str, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("bureau", "theirs"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table_view(model: RowsTableModel, stretched: str) -> QTableView:
    """A read-only table whose `stretched` column takes the room the others leave."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.COLUMNS.index(stretched), QHeaderView.ResizeMode.Stretch)
    return view


def _fit_height(view: QTableView, most_rows: int) -> None:
    """As tall as its rows, up to `most_rows` (then it scrolls)."""
    rows = min(view.model().rowCount(), most_rows)
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(row) for row in range(rows))
    view.setFixedHeight(height)


class MergeDialog(QDialog):
    """The preview of one merge. `start()` plans; choosing whose values win plans again;
    Merge writes."""

    def __init__(self, session: Session, paths: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.paths = [Path(p) for p in paths]
        self.prefer: str | None = None
        self.plan: MergePlan | None = None
        self.cancelled = False
        self.merged = False
        self.result_text = ""

        self.packages_title = _section_title()
        self.packages = QLabel(wordWrap=True)
        self.packages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = error_label()
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        self.changes_title = _section_title()
        self.changes_model = ChangesModel(self)
        self.changes = _table_view(self.changes_model, "what")
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.conflicts_box = QWidget()
        self.conflicts_title = _section_title()
        self.conflicts_hint = hint_label()
        self.prefer_package = QRadioButton()
        self.prefer_bureau = QRadioButton()
        self.prefer_group = QButtonGroup(self)
        for radio in (self.prefer_package, self.prefer_bureau):
            self.prefer_group.addButton(radio)
            radio.toggled.connect(self.choose_preference)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.prefer_package)
        choice_row.addWidget(self.prefer_bureau)
        choice_row.addStretch(1)
        self.conflicts_model = ConflictsModel(self)
        self.conflicts = _table_view(self.conflicts_model, "what")
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts_title)
        conflicts_layout.addWidget(self.conflicts_hint)
        conflicts_layout.addLayout(choice_row)
        conflicts_layout.addWidget(self.conflicts)

        self.error = error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.note = hint_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton()
        self.merge_button.setEnabled(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_merge)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.packages_title)
        layout.addWidget(self.packages)
        layout.addWidget(self.problems)
        layout.addWidget(self.changes_title)
        layout.addWidget(self.changes)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_box)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.translate_ui()
        self.resize(820, 520)

    def translate_ui(self) -> None:
        self.setWindowTitle(_plain(_("&Merge units' data…")))
        self.packages_title.setText(_("Packages"))
        self.changes_title.setText(_("What merging changes in this file"))
        self.conflicts_hint.setText(
            _(
                "The packages and this file give different values for the same thing. Choose "
                "whose values this file keeps; nothing else is changed by the choice."
            )
        )
        self.prefer_package.setText(_("Use the package's values"))
        self.prefer_bureau.setText(_("Keep the values in this file"))
        self.merge_button.setText(_("&Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.changes_model.retranslate()
        self.conflicts_model.retranslate()
        if self.plan is not None:
            self.show_plan(self.plan)

    # --- planning -----------------------------------------------------------------------

    def start(self) -> None:
        """Plan the packages as they are; a cancel closes the dialog without a word."""
        self.replan()

    def replan(self) -> None:
        from gui.tasks import TaskRunner

        source, paths, prefer = self.session.path, list(self.paths), self.prefer

        def work(progress: Progress) -> MergePlan | None:
            # The plan is the merge itself, rolled back: a writable connection of its own.
            try:
                with dbmod.open_database(source, migrate=False) as database:
                    found = merge.plan(database, paths, prefer, progress)
            except Cancelled:
                return None
            return None if progress.cancelled else found

        self.note.setText(_("Reading the packages…"))
        self.merge_button.setEnabled(False)
        TaskRunner.run(self, _("Reading the packages…"), work, self._planned, self._failed)

    def _planned(self, plan: MergePlan | None) -> None:
        if plan is None:  # cancelled: the first closes the dialog, a later one goes back
            if self.plan is None:
                self.cancelled = True
                self.reject()
            else:
                self.prefer = self.plan.prefer
                self.show_plan(self.plan)
            return
        self.error.hide()
        self.show_plan(plan)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(_failure_text(exc, "merging units' packages failed"))
        self.error.show()
        if self.plan is not None:
            self.prefer = self.plan.prefer
            self.show_plan(self.plan)
        else:
            self.note.setText(_("Nothing can be merged."))
            self.merge_button.setEnabled(False)

    def show_plan(self, plan: MergePlan) -> None:
        first = self.plan is None
        self.plan = plan
        self.packages.setText(
            "\n".join(
                _("{unit}: {period}, {rows} rows").format(
                    unit=manifest.unit_name,
                    period=manifest_period(manifest),
                    rows=fmt.number(sum(manifest.counts.values())),
                )
                for manifest in plan.manifests
            )
            or _("No package could be read.")
        )
        self.problems.setText("\n".join(f"• {problem}" for problem in plan.problems))
        self.problems.setVisible(bool(plan.problems))

        tables = [t for t in TABLES if t in plan.added or t in plan.changed]
        tables += sorted(t for t in {*plan.added, *plan.changed} if t not in TABLES)
        self.changes_model.set_rows(
            [(t, plan.added.get(t, 0), plan.changed.get(t, 0)) for t in tables]
        )
        _fit_height(self.changes, 8)
        self.changes_title.setVisible(not plan.problems)
        self.changes.setVisible(bool(tables) and not plan.problems)
        self.summary.setText(self._summary_text(plan))
        self.summary.setVisible(not plan.problems)

        self.conflicts_box.setVisible(bool(plan.conflicts) and not plan.problems)
        self.conflicts_title.setText(
            _("Values that differ ({n})").format(n=fmt.number(len(plan.conflicts)))
        )
        self.conflicts_model.set_rows(plan.conflicts)
        _fit_height(self.conflicts, 8)
        for radio, value in ((self.prefer_package, "package"), (self.prefer_bureau, "bureau")):
            radio.blockSignals(True)
            radio.setChecked(plan.prefer == value)
            radio.blockSignals(False)
        self.prefer = plan.prefer

        can_merge = plan.ok and plan.something and not self.session.read_only
        self.merge_button.setEnabled(can_merge)
        if can_merge:
            self.merge_button.setDefault(True)
        self.note.setText(self._note_text(plan))
        if first:  # as tall as what it shows; later plans keep the size the user sees
            self.resize(self.width(), self.sizeHint().height())

    @staticmethod
    def _summary_text(plan: MergePlan) -> str:
        lines = []
        if plan.unchanged:
            lines.append(
                _("Already in this file, left as they are: {n} rows.").format(
                    n=fmt.number(plan.unchanged)
                )
            )
        if plan.new_units:
            lines.append(_("New work units: {names}.").format(names=", ".join(plan.new_units)))
        if plan.new_accounts:
            lines.append(_("New accounts: {names}.").format(names=", ".join(plan.new_accounts)))
        if plan.adopted:
            lines.append(_("This file joins the institution {name}.").format(name=plan.adopted))
        return "\n".join(lines)

    @staticmethod
    def _note_text(plan: MergePlan) -> str:
        if plan.problems:
            return _("Nothing can be merged until these problems are solved.")
        if plan.conflicts and plan.prefer is None:
            return _("Choose whose values to keep, then merge.")
        if not plan.something:
            return _("Everything in these packages is already in this file: nothing to merge.")
        return _("This file is backed up before merging; the merge is all or nothing.")

    def choose_preference(self, checked: bool) -> None:
        if not checked:
            return
        prefer = "package" if self.prefer_package.isChecked() else "bureau"
        if prefer != self.prefer:
            self.prefer = prefer
            self.replan()

    # --- merging ------------------------------------------------------------------------

    def run_merge(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok or not plan.something or self.session.read_only:
            return
        from gui.tasks import TaskRunner

        source, paths, prefer = self.session.path, list(self.paths), plan.prefer
        demo = self.session.is_demo

        def work(progress: Progress) -> MergePlan | None:
            try:
                with dbmod.open_database(source, migrate=False) as database:
                    if not demo:  # demo data lives in a temporary folder: nothing to keep
                        backups.back_up(database, "merge")
                    with database.transaction():
                        found = merge.apply(database, paths, prefer, progress)
                        if progress.cancelled:
                            raise Cancelled()
            except Cancelled:
                return None
            return found

        self.merge_button.setEnabled(False)
        self.error.hide()
        TaskRunner.run(self, _("Merging…"), work, self._merged, self._failed)

    def _merged(self, found: MergePlan | None) -> None:
        if found is None:
            self.note.setText(_("Cancelled; nothing was changed."))
            self.merge_button.setEnabled(True)
            return
        self.merged = True
        kinds = changed_kinds(found)
        if kinds:
            notify(*sorted(kinds))
        parts = [
            _("Merged: {added} rows added, {changed} changed.").format(
                added=fmt.number(sum(found.added.values())),
                changed=fmt.number(sum(found.changed.values())),
            )
        ]
        if found.new_units:
            parts.append(_("New work units: {names}.").format(names=", ".join(found.new_units)))
        if found.new_accounts:
            parts.append(_("New accounts: {names}.").format(names=", ".join(found.new_accounts)))
        self.result_text = " ".join(parts)
        window = self.parent().window() if self.parent() is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.result_text, 15000)
        from gui.tabs import nobody_to_ask

        if not nobody_to_ask():
            QMessageBox.information(self, self.windowTitle(), self.result_text)
        self.accept()


def choose_packages(parent: QWidget | None) -> list[Path]:
    """Packages from a file dialog that opens where the last ones came from."""
    settings = QSettings()
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        _plain(_("&Merge units' data…")),
        _remembered_folder(MERGE_FOLDER_KEY),
        _("Unit packages (*.linimasa);;All files (*)"),
    )
    if names:
        settings.setValue(MERGE_FOLDER_KEY, str(Path(names[0]).parent))
    return [Path(name) for name in names]


def merge_units(parent: QWidget | None, session: Session, paths: list[Path] | None = None) -> bool:
    """Berkas > Gabungkan data unit…: preview, then merge; True when something was merged."""
    if session.read_only:
        return False
    if paths is None:
        paths = choose_packages(parent)
    if not paths:
        return False
    dialog = MergeDialog(session, paths, parent)
    dialog.start()
    if dialog.cancelled:
        return False
    dialog.exec()
    return dialog.merged


# --- screenshots --------------------------------------------------------------------------


def send_for_screenshot(parent: QWidget | None, session: Session) -> QDialog:
    dialog = SendDialog(session, parent)
    dialog.show()
    return dialog


def merge_for_screenshot(parent: QWidget | None, session: Session) -> QDialog | None:
    """The preview of a package made from this file (the default unit, last month) merged
    back into it: planned on this thread, rolled back as every plan is, and shown."""
    import tempfile

    if session.read_only:  # a plan is the merge rolled back: it needs a writable file
        return None
    sender = SendDialog(session)
    unit = sender.selected_unit()
    start, end = sender.period()
    sender.deleteLater()
    if unit is None:
        return None
    with tempfile.TemporaryDirectory(prefix="linimasa-merge-") as folder:
        path = Path(folder) / suggested_name(unit, start, end, False)
        unit_package.export_unit(
            session.db, unit.id, start.isoformat(), end.isoformat(), path, overwrite=True
        )
        plan = merge.plan(session.db, [path])
    dialog = MergeDialog(session, [path], parent)
    dialog.show_plan(plan)
    dialog.show()
    return dialog
