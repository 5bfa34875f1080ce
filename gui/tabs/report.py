"""Laporan tab: the PDF summary for leadership. On the left what to report (period, scope,
language, sections, title, who prepared it, the period's indicators); on the right the pages
as they will print, redrawn shortly after each change; Save PDF (Ctrl+S) and Print (Ctrl+P).

The report is a `core.report.Report` built from the file; `gui.report.render` lays it out
(the preview and the PDF use the same layout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core import accounts, periods, report
from core.errors import LinimasaError
from core.i18n import N_, _
from gui import platforms
from gui.scope import ScopeBox
from gui.session import Session
from gui.tabs import Tab
from gui.widgets import EmptyState, ask_save_path, hint_label

SECTION_TITLES = {
    "summary": N_("Summary in sentences"),
    "followers": N_("Follower table"),
    "charts": N_("Charts"),
    "engagement": N_("Engagement rate"),
    "units": N_("Units compared"),
    "output": N_("Posts: plan and realisation"),
    "kpi": N_("Performance indicators"),
    "guidelines": N_("Tone guidelines"),
    "security": N_("Account security"),
}
PREVIEW_DPI = 52
#: Changes wait this long (ms) before the preview is redrawn: typing a title redraws once.
PREVIEW_DELAY = 400
SETTINGS = "report/"


class ReportTab(Tab):
    tab_id = "laporan"
    #: Everything a report shows.
    WATCHES = frozenset(
        {"accounts", "snapshots", "posts", "settings", "units", "members", "pillars"}
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.report: report.Report | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY)
        self._timer.timeout.connect(self.update_preview)

        # -- what to report
        self.form_title = QLabel()
        self.form_title.setObjectName("sectionTitle")
        self.kind_box = QComboBox()
        for kind in periods.KIND_NAMES:
            self.kind_box.addItem("", kind)
        self.period_box = QComboBox()
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._changed)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_edit)
        self.dates = QWidget()
        self.dates.setLayout(dates)
        self.scope_box = ScopeBox()
        self.account_list = QListWidget()
        self.account_list.setMaximumHeight(130)
        self.account_list.itemChanged.connect(self._changed)
        self.language_box = QComboBox()
        self.language_box.addItem("Bahasa Indonesia", "id")
        self.language_box.addItem("English", "en")
        self.title_edit = QLineEdit()
        self.prepared_edit = QLineEdit()
        self.section_boxes: dict[str, QCheckBox] = {}
        sections = QVBoxLayout()
        sections.setSpacing(2)
        for section in report.SECTIONS:
            box = QCheckBox()
            box.setChecked(True)
            box.toggled.connect(self._changed)
            self.section_boxes[section] = box
            sections.addWidget(box)
        self.kpi_button = QPushButton()
        self.kpi_button.clicked.connect(self.edit_kpis)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_label = QLabel()
        self.period_label = QLabel()
        self.scope_label = QLabel()
        self.language_label = QLabel()
        self.title_label = QLabel()
        self.prepared_label = QLabel()
        self.sections_label = QLabel()
        self.form.addRow(self.kind_label, self.kind_box)
        self.form.addRow(self.period_label, self.period_box)
        self.form.addRow("", self.dates)
        self.form.addRow(self.scope_label, self.scope_box)
        self.form.addRow("", self.account_list)
        self.form.addRow(self.language_label, self.language_box)
        self.form.addRow(self.title_label, self.title_edit)
        self.form.addRow(self.prepared_label, self.prepared_edit)
        self.form.addRow(self.sections_label, sections)
        self.form.addRow("", self.kpi_button)
        for label, field in (
            (self.kind_label, self.kind_box),
            (self.period_label, self.period_box),
            (self.scope_label, self.scope_box),
            (self.language_label, self.language_box),
            (self.title_label, self.title_edit),
            (self.prepared_label, self.prepared_edit),
        ):
            label.setBuddy(field)

        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.form_title)
        left.addLayout(self.form)
        left.addStretch(1)
        left.addLayout(buttons)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(380)

        # -- the pages
        self.preview_title = QLabel()
        self.preview_title.setObjectName("sectionTitle")
        self.pages_box = QWidget()
        self.pages_box.setObjectName("reportPages")
        # Two pages side by side, as a reader turns them (the cover and the summary first).
        self.pages_layout = QGridLayout(self.pages_box)
        self.pages_layout.setSpacing(14)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_box)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8f96; }")
        self.pages_box.setStyleSheet("#reportPages { background: #8a8f96; }")
        self.preview_empty = EmptyState()
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.scroll)
        self.preview_stack.addWidget(self.preview_empty)
        self.note = hint_label()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.preview_title)
        right.addWidget(self.preview_stack, 1)
        right.addWidget(self.note)

        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left_box)
        row.addSpacing(12)
        row.addLayout(right, 1)
        self.stack_with_empty_state(page)

        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.period_box.currentIndexChanged.connect(self._changed)
        self.scope_box.currentIndexChanged.connect(self._scope_changed)
        self.language_box.currentIndexChanged.connect(self._changed)
        self.title_edit.textChanged.connect(self._changed)
        self.prepared_edit.textChanged.connect(self._changed)
        for sequence, slot in (
            (QKeySequence.StandardKey.Save, self.save_pdf),
            (QKeySequence.StandardKey.Print, self.print_report),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._filling = True
        kind = QSettings().value(SETTINGS + "kind", "month")
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self._filling = False
        self.translate_ui()
        self.refresh()

    # -- texts ------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.form_title.setText(_("Report for leadership"))
        self.kind_label.setText(_("Pe&riod"))
        self.period_label.setText(_("&Which"))
        self.scope_label.setText(_("S&cope"))
        self.language_label.setText(_("Lan&guage"))
        self.title_label.setText(_("&Title"))
        self.prepared_label.setText(_("Prepared &by"))
        self.sections_label.setText(_("Sections"))
        for index, kind in enumerate(periods.KIND_NAMES):
            self.kind_box.setItemText(index, periods.kind_title(kind))
        for section, box in self.section_boxes.items():
            box.setText(_(SECTION_TITLES[section]))
        self.title_edit.setPlaceholderText(_("Social media report"))
        self.prepared_edit.setPlaceholderText(_("your name (optional)"))
        self.kpi_button.setText(_("Indicators for this period…"))
        self.kpi_button.setToolTip(
            _("Set the period's performance indicators: their targets, and values entered by hand")
        )
        self.save_button.setText(_("&Save PDF…"))
        self.save_button.setToolTip("Ctrl+S")
        self.print_button.setText(_("&Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.empty.set_content(
            "report",
            _("Nothing to report yet"),
            _(
                "A report sums up your accounts' followers, growth, engagement and posts for a "
                "period. Add your institution's accounts and their figures first."
            ),
            self.getting_started_actions(),
        )
        self._fill_periods()

    # -- choices ------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.session.db
        if not any(not a.peer for a in accounts.list_all(db, include_archived=True)):
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        self._filling = True
        self.scope_box.fill(db, ((_("Chosen accounts"), "accounts"),))
        # An empty list is a first fill (a new file clears it): all of ours ticked then;
        # afterwards the user's ticks stay.
        first_fill = self.account_list.count() == 0
        ticked = self.chosen_account_ids()
        self.account_list.clear()
        for account in accounts.list_all(db):
            if account.peer:
                continue
            from core import series

            item = QListWidgetItem(
                platforms.platform_icon(account.platform, 14), series.account_label(account)
            )
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if first_fill or account.id in ticked
                else Qt.CheckState.Unchecked
            )
            self.account_list.addItem(item)
        if not self.prepared_edit.text():
            from gui.acting import current_member

            member = current_member(self.session)
            if member is not None:
                self.prepared_edit.setText(member.name)
        self._filling = False
        self._scope_changed()

    def _fill_periods(self) -> None:
        kind = self.kind_box.currentData()
        custom = kind == "custom"
        self.dates.setVisible(custom)
        self.period_box.setVisible(not custom)
        label = self.form.labelForField(self.period_box)
        if label is not None:
            label.setVisible(not custom)
        today = self.session.today
        if custom:
            if not self._custom_dates_set:  # a new QDateEdit holds 1 January 2000
                start, end = periods.default("month", today)
                self.start_edit.setDate(QDate(start.year, start.month, start.day))
                self.end_edit.setDate(QDate(end.year, end.month, end.day))
                self._custom_dates_set = True
            return
        current = self.period_box.currentData()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        chosen = periods.default(kind, today)
        for start, end in periods.recent(kind, today, {"month": 24, "quarter": 8}.get(kind, 6)):
            self.period_box.addItem(periods.title(kind, start, end), (start, end))
        values = self._period_values()  # findData cannot compare tuples of dates
        wanted = current if current in values else chosen
        self.period_box.setCurrentIndex(values.index(wanted) if wanted in values else 0)
        self.period_box.blockSignals(False)

    _custom_dates_set = False

    def _period_values(self) -> list:
        return [self.period_box.itemData(i) for i in range(self.period_box.count())]

    def _kind_changed(self, _index: int) -> None:
        QSettings().setValue(SETTINGS + "kind", self.kind_box.currentData())
        self._fill_periods()
        self._changed()

    def _scope_changed(self, *_args) -> None:
        self.account_list.setVisible(self._scope_is_accounts())
        self._changed()

    def chosen_account_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.account_list.count()):
            item = self.account_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(ids)

    def period(self) -> tuple[dt.date, dt.date]:
        if self.kind_box.currentData() == "custom":
            start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
            return (start, end) if start <= end else (end, start)
        found = self.period_box.currentData()
        return found if found else periods.default("month", self.session.today)

    def options(self) -> report.ReportOptions:
        start, end = self.period()
        scope = self.scope_box.currentData() or "all"
        sections = frozenset(s for s, box in self.section_boxes.items() if box.isChecked())
        return report.ReportOptions(
            start,
            end,
            account_ids=self.chosen_account_ids() if scope == "accounts" else (),
            unit_id=int(scope.removeprefix("unit:")) if scope.startswith("unit:") else None,
            language=self.language_box.currentData(),
            sections=sections,
            title=self.title_edit.text().strip(),
            prepared_by=self.prepared_edit.text().strip(),
            today=self.session.today,
        )

    # -- preview ------------------------------------------------------------------------------

    def detach(self) -> None:
        self._timer.stop()  # the file is closing: no preview of it any more
        super().detach()

    def _on_database_opened(self) -> None:
        # Nothing of the old file's choices may be carried over: its unit and account ids
        # name other rows in the new file.
        self.report = None
        self._filling = True
        self.title_edit.clear()
        self.prepared_edit.clear()
        self.account_list.clear()
        self.scope_box.clear()
        self._filling = False
        super()._on_database_opened()

    def _changed(self, *_args) -> None:
        if not getattr(self, "_filling", False):
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.report is None:  # first shown: the pages at once, not an empty pane
            self.update_preview()

    def update_preview(self) -> None:
        """Build the report and show its pages (what Save PDF writes)."""
        self._timer.stop()
        if self.stack.currentIndex() != 0:
            return
        from gui.report import render

        options = self.options()
        self._offer_units(options)
        if options.unit_id is None and not options.account_ids and self._scope_is_accounts():
            self.report = None
            return self._say(_("No account chosen"), _("Tick the accounts the report is about."))
        try:
            built = report.build(self.session.db, options)
        except LinimasaError as error:
            self.report = None
            return self._say(_("This report cannot be made"), str(error))
        self.report = built
        if not built.has_data:
            return self._say(
                _("Nothing in this period"),
                _(
                    "There are no follower figures and no posts for these accounts in this "
                    "period. Choose another period, or record the figures first."
                ),
            )
        images = render.page_images(self.session.db, built, PREVIEW_DPI)
        while self.pages_layout.count():
            widget = self.pages_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for number, image in enumerate(images):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #5f6368;")
            label.setToolTip(_("Page {n}").format(n=number + 1))
            self.pages_layout.addWidget(label, number // 2, number % 2)
        self.preview_stack.setCurrentIndex(0)
        self.preview_title.setText(
            _("{title} · {period}").format(title=built.title, period=built.period)
        )
        self.note.setText(
            _("{n} pages, A4. The preview shows the pages as they will print.").format(
                n=len(images)
            )
        )
        self.note.show()
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _offer_units(self, options: report.ReportOptions) -> None:
        """ "Units compared" can be ticked when the scope holds accounts of two or more units
        (the report leaves it out otherwise)."""
        try:
            chosen = report.scope_accounts(self.session.db, options.unit_id, options.account_ids)
        except LinimasaError:  # the report says why
            chosen = []
        box = self.section_boxes["units"]
        box.setEnabled(report.compares_units(chosen))
        box.setToolTip(
            "" if box.isEnabled() else _("Only when the scope holds accounts of two or more units")
        )

    def _scope_is_accounts(self) -> bool:
        return self.scope_box.currentData() == "accounts"

    def _say(self, title: str, body: str) -> None:
        self.preview_empty.set_content("report", title, body)
        self.preview_stack.setCurrentIndex(1)
        self.preview_title.setText("")
        self.note.hide()
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def _current_report(self) -> report.Report | None:
        if self._timer.isActive() or self.report is None:
            self.update_preview()
        return self.report if self.report is not None and self.report.has_data else None

    # -- output ---------------------------------------------------------------------------------

    def default_file_name(self) -> str:
        start, end = self.period()
        prefix = _("report")
        return f"{prefix}-{start.isoformat()}-{end.isoformat()}.pdf"

    def save_pdf(self) -> Path | None:
        built = self._current_report()
        if built is None:
            self.say(_("There is no report to save: choose a period with figures first."))
            return None
        folder = QSettings().value(SETTINGS + "folder", str(Path.home()))
        path = ask_save_path(
            self,
            _("Save report as PDF"),
            Path(folder) / self.default_file_name(),
            _("PDF document (*.pdf)"),
            "pdf",
        )
        if path is None:
            return None
        QSettings().setValue(SETTINGS + "folder", str(path.parent))
        return self.write_pdf(path)

    def write_pdf(self, path: Path) -> Path | None:
        """Write the report shown to `path` (whole or not at all); errors are shown."""
        from gui.report import render

        built = self._current_report()
        if built is None:
            return None
        try:
            render.save_pdf(self.session.db, built, path)
        except (LinimasaError, OSError) as error:
            QMessageBox.warning(self, _("The report was not saved"), str(error))
            return None
        self.say(_("Report saved to {path}").format(path=path))
        return path

    def print_report(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from gui.report import render

        built = self._current_report()
        if built is None:
            self.say(_("There is no report to print: choose a period with figures first."))
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if not dialog.exec():
            return False
        try:
            printed = render.print_report(self.session.db, built, printer)
        except LinimasaError as error:
            QMessageBox.warning(self, _("The report was not printed"), str(error))
            return False
        if not printed:
            QMessageBox.warning(
                self,
                _("The report was not printed"),
                _("The printer could not be used; check that it is on and try again."),
            )
        return printed

    def edit_kpis(self) -> None:
        from gui.kpi_dialog import edit_kpis

        start, end = self.period()
        if edit_kpis(self, self.session, start, end):
            self._changed()

    # -- screenshots ------------------------------------------------------------------------

    def screenshot_views(self):
        def year():
            self.kind_box.setCurrentIndex(self.kind_box.findData("year"))
            self.update_preview()
            self.scroll.verticalScrollBar().setValue(0)
            return None

        def kpis_dialog():
            from gui.kpi_dialog import KpiDialog

            start, end = self.period()
            dialog = KpiDialog(self.session, start, end, self)
            dialog.show()
            return dialog

        def english():
            self.language_box.setCurrentIndex(self.language_box.findData("en"))
            self.update_preview()
            # the summary and table pages, not the cover
            self.scroll.verticalScrollBar().setValue(self.scroll.verticalScrollBar().maximum())
            return None

        return [("tahun", year), ("kpi", kpis_dialog), ("en", english)]


TAB_CLASS = ReportTab
