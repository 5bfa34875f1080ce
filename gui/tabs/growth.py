"""Pertumbuhan tab: followers over time (absolute or indexed), growth since a date, change per
month, the engagement rate against its benchmark and target, and our accounts beside peers.

Accounts are ticked in the list on the left, which holds the scope's accounts (the whole
institution, or a unit with its sub-units; peers always); the range comes from a preset or two
dates. Each chart is a `gui.charts.plot.Chart` built when first shown; the figures come from
`core.series`. Followers are read once per file and sliced per range, so changing the range
only redraws."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QDate, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import accounts, overview, series
from core.errors import LinimasaError
from core.i18n import _
from gui import platforms
from gui.charts import plot
from gui.models import ANY_INDEX
from gui.scope import ALL, ScopeBox, example_units, no_accounts, unit_choice
from gui.session import Session
from gui.tabs import Tab
from gui.widgets import EmptyState, ask_save_path, hint_label

KIND_SETTING = "growth/kind"
PRESET_SETTING = "growth/preset"
CUSTOM_SETTING = "growth/custom_range"
SCOPE_SETTING = "growth/scope"
LIST_WIDTH = 270


def _saved_range(text: object) -> tuple[dt.date, dt.date] | None:
    """ "2026-01-01/2026-03-31" as QSettings keeps it; None for anything else."""
    try:
        start, end = (dt.date.fromisoformat(part) for part in str(text).split("/"))
    except ValueError:
        return None
    return (start, end) if start <= end else None


def ours_in_use(items: list[accounts.Account]) -> set[int]:
    """The ids of our accounts still in use (not peers, not archived): ticked by default."""
    return {a.id for a in items if not a.peer and not a.archived}


class AccountChoiceModel(QAbstractListModel):
    """Every account, ours first, then peers, archived ones last; each with a tick box."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.accounts: list[accounts.Account] = []
        self.checked: set[int] = set()

    def set_accounts(self, items: list[accounts.Account], checked: set[int]) -> None:
        self.beginResetModel()
        self.accounts = sorted(items, key=lambda a: (a.archived, a.peer))
        self.checked = {a.id for a in self.accounts if a.id in checked}
        self.endResetModel()

    def rowCount(self, parent=ANY_INDEX) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.accounts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        account = self.accounts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = series.account_label(account)
            if account.archived:
                text += " " + _("(archived)")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return account.display_name
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = account.id in self.checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return platforms.platform_icon(account.platform, 16)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        account_id = self.accounts[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(account_id)
        else:
            self.checked.discard(account_id)
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def set_checked(self, account_ids) -> None:
        self.checked = {a.id for a in self.accounts if a.id in set(account_ids)}
        if self.accounts:
            self.dataChanged.emit(
                self.index(0), self.index(len(self.accounts) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked accounts, in the list's order."""
        return tuple(a.id for a in self.accounts if a.id in self.checked)

    def default_ids(self) -> set[int]:
        """Our accounts still in use."""
        return ours_in_use(self.accounts)


class GrowthTab(Tab):
    tab_id = "pertumbuhan"
    #: Accounts and their snapshots; settings (benchmarks, method, the institution's zone);
    #: the scope chooser (units).
    WATCHES = frozenset({"accounts", "snapshots", "settings", "units"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        settings = QSettings()
        kind = settings.value(KIND_SETTING, "followers")
        self.kind = kind if kind in series.KIND_NAMES else "followers"
        preset = settings.value(PRESET_SETTING, series.DEFAULT_PRESET)
        self.preset = preset if preset in series.PRESET_NAMES else series.DEFAULT_PRESET
        self.charts: dict[str, plot.Chart] = {}
        #: Every follower snapshot of the accounts read so far (sliced per range).
        self._loaded: dict[int, series.Series] = {}

        page = QWidget()
        # -- the accounts list
        self.list_title = QLabel()
        self.list_title.setObjectName("sectionTitle")
        self.scope_label = QLabel()
        self.scope_box = ScopeBox(SCOPE_SETTING)
        self.scope_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_box.setMinimumContentsLength(12)
        self.scope_label.setBuddy(self.scope_box)
        self.scope_box.currentIndexChanged.connect(self._scope_changed)
        #: Our accounts in the scope chosen; None: the whole institution.
        self.scope_ids: frozenset[int] | None = None
        self.model = AccountChoiceModel(self)
        self.model.dataChanged.connect(self._accounts_ticked)
        self.account_list = QListView()
        self.account_list.setModel(self.model)
        self.account_list.setUniformItemSizes(True)
        self.ours_button = QPushButton()
        self.ours_button.clicked.connect(self.tick_ours)
        self.none_button = QPushButton()
        self.none_button.clicked.connect(lambda: self._tick(set()))
        left = QVBoxLayout()
        left.addWidget(self.list_title)
        scope = QHBoxLayout()
        scope.addWidget(self.scope_label)
        scope.addWidget(self.scope_box, 1)
        left.addLayout(scope)
        left.addWidget(self.account_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ours_button)
        buttons.addWidget(self.none_button)
        left.addLayout(buttons)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(LIST_WIDTH)
        left.setContentsMargins(0, 0, 0, 0)

        # -- the chart kinds
        self.kind_buttons: dict[str, QToolButton] = {}
        self.kind_group = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for kind in series.KIND_NAMES:
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False, kind=kind: self.show_kind(kind))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            switch.addWidget(button)
        switch.addStretch(1)
        self.export_button = QPushButton()
        self.export_menu = QMenu(self)
        self.act_png = self.export_menu.addAction("", lambda: self.export_chart("png"))
        self.act_svg = self.export_menu.addAction("", lambda: self.export_chart("svg"))
        self.export_menu.addSeparator()
        self.act_copy = self.export_menu.addAction("", self.copy_chart)
        self.export_button.setMenu(self.export_menu)
        switch.addWidget(self.export_button)

        # -- range and options
        self.range_label = QLabel()
        self.preset_box = QComboBox()
        for preset in series.PRESET_NAMES:
            self.preset_box.addItem("", preset)
        self.range_label.setBuddy(self.preset_box)
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._dates_changed)
        self.dash = QLabel("–")
        self.indexed_box = QCheckBox()
        self.indexed_box.toggled.connect(lambda _on: self.redraw())
        self.platform_label = QLabel()
        self.platform_box = QComboBox()
        self.platform_label.setBuddy(self.platform_box)
        self.platform_box.currentIndexChanged.connect(lambda _i: self.redraw())
        options = QHBoxLayout()
        options.addWidget(self.range_label)
        options.addWidget(self.preset_box)
        options.addWidget(self.start_edit)
        options.addWidget(self.dash)
        options.addWidget(self.end_edit)
        options.addSpacing(12)
        options.addWidget(self.indexed_box)
        options.addWidget(self.platform_label)
        options.addWidget(self.platform_box)
        options.addStretch(1)

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.chart_stack = QStackedWidget()
        self.chart_empty = EmptyState()
        self.chart_stack.addWidget(self.chart_empty)
        self.note = hint_label()
        self.note.setWordWrap(True)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(switch)
        right.addLayout(options)
        right.addWidget(self.title)
        right.addWidget(self.chart_stack, 1)
        right.addWidget(self.note)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left_box)
        row.addSpacing(12)
        row.addLayout(right, 1)
        self.stack_with_empty_state(page)

        self.preset_box.setCurrentIndex(series.PRESET_NAMES.index(self.preset))
        self.preset_box.currentIndexChanged.connect(self._preset_changed)
        self.kind_buttons[self.kind].setChecked(True)
        self._shortcuts()
        self.translate_ui()
        self.refresh()

    def _shortcuts(self) -> None:
        # Ctrl+1…6 switch the window's tabs: the charts take Alt+1…5, as the calendar's views.
        for number, kind in enumerate(series.KIND_NAMES, start=1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda kind=kind: self.show_kind(kind))
        # The menu's action carries the key (one owner: two would make Qt run neither).
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.act_copy)

    # -- texts ------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.list_title.setText(_("Accounts"))
        self.scope_label.setText(_("S&cope"))
        self.scope_box.setToolTip(
            _("The whole institution, or a unit with its sub-units: their accounts (peers always)")
        )
        self.ours_button.setText(_("Our accounts"))
        self.ours_button.setToolTip(_("Tick every account of ours still in use"))
        self.none_button.setText(_("None"))
        for number, kind in enumerate(series.KIND_NAMES, start=1):
            self.kind_buttons[kind].setText(series.kind_title(kind))
            self.kind_buttons[kind].setToolTip(f"Alt+{number}")
        self.export_button.setText(_("E&xport chart"))
        self.act_png.setText(_("Save as PNG…"))
        self.act_svg.setText(_("Save as SVG…"))
        self.act_copy.setText(_("Copy to clipboard"))
        self.act_copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.range_label.setText(_("&Range"))
        for index, preset in enumerate(series.PRESET_NAMES):
            self.preset_box.setItemText(index, series.preset_title(preset))
        self.indexed_box.setText(_("&Indexed (100 = start)"))
        self.indexed_box.setToolTip(
            _("Compare small and large accounts: each line starts at 100 at the range's start")
        )
        self.platform_label.setText(_("&Platform"))
        self.empty.set_content(
            "growth",
            _("No accounts yet"),
            _(
                "Growth charts show each account's followers over time. Add your institution's "
                "accounts first, then record or import their follower figures."
            ),
            self.getting_started_actions(),
        )

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.session.db
        items = accounts.list_all(db, include_archived=True)
        if not items:
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        self.scope_box.fill(db)
        has_units = self.scope_box.count() > 1
        self.scope_label.setVisible(has_units)
        self.scope_box.setVisible(has_units)
        unit_id = self.scope_box.unit_id()
        self.scope_ids = None if unit_id is None else overview.unit_account_ids(db, unit_id)
        if self.scope_ids is not None:
            items = [a for a in items if a.peer or a.id in self.scope_ids]
        # What was read of the file goes first: the ticks below must not draw from it.
        self._loaded = {}
        known = {a.id for a in self.model.accounts}
        if not known:  # first fill (or another file): our accounts in use
            checked = ours_in_use(items)
        else:  # the user's ticks, and accounts added since ticked if ours
            checked = set(self.model.checked) | {
                a.id for a in items if a.id not in known and not a.peer
            }
        # One model reset (no per-tick signal): one redraw, at the end.
        self.model.set_accounts(items, checked)
        current = self.platform_box.currentData()
        self.platform_box.blockSignals(True)
        self.platform_box.clear()
        for platform in series.peer_platforms(db):
            self.platform_box.addItem(
                platforms.platform_icon(platform, 14), accounts.platform_title(platform), platform
            )
        if current is not None and self.platform_box.findData(current) >= 0:
            self.platform_box.setCurrentIndex(self.platform_box.findData(current))
        self.platform_box.blockSignals(False)
        self._apply_preset(keep_custom=True)
        self.redraw()

    def _on_database_opened(self) -> None:
        self.model.set_accounts([], set())
        super()._on_database_opened()

    def _scope_changed(self, _index: int) -> None:
        """Another scope: its accounts in the list, ours in use ticked."""
        self.model.set_accounts([], set())
        self.refresh()

    def _followers(self, account_ids: tuple[int, ...]) -> list[series.Series]:
        missing = [i for i in account_ids if i not in self._loaded]
        for item in series.load(self.session.db, missing):
            self._loaded[item.account.id] = item
        return [self._loaded[i] for i in account_ids if i in self._loaded]

    # -- what is shown ------------------------------------------------------------------------

    def show_kind(self, kind: str) -> None:
        self.kind = kind
        self.kind_buttons[kind].setChecked(True)
        QSettings().setValue(KIND_SETTING, kind)
        self.redraw()

    def show_accounts(self, account_ids) -> None:
        """Tick exactly these accounts (Beranda's cards lead here). The chart shown stays,
        unless it is the peer comparison, which has accounts of its own: then followers."""
        self.refresh_if_stale()
        listed = {a.id for a in self.model.accounts}
        missing = [i for i in account_ids if i not in listed]
        if missing:  # outside the scope: the scope of the account's unit, else all
            unit_id = accounts.get(self.session.db, missing[0]).unit_id
            inside = unit_id is not None and set(account_ids) <= overview.unit_account_ids(
                self.session.db, unit_id
            )
            self.scope_box.choose(unit_choice(unit_id) if inside else ALL)
        self._tick(set(account_ids))
        if self.kind not in ("followers", "growth", "monthly", "engagement"):
            self.show_kind("followers")

    def tick_ours(self) -> None:
        self._tick(self.model.default_ids())

    def _tick(self, ids: set[int]) -> None:
        self.model.set_checked(ids)

    def _accounts_ticked(self, *_args) -> None:
        self.redraw()

    def _preset_changed(self, _index: int) -> None:
        self._previous_preset = self.preset
        self.preset = self.preset_box.currentData()
        QSettings().setValue(PRESET_SETTING, self.preset)
        self._apply_preset()
        self.redraw()

    def _apply_preset(self, keep_custom: bool = False) -> None:
        custom = self.preset == "custom"
        for widget in (self.start_edit, self.dash, self.end_edit):
            widget.setVisible(custom)
        today = self.session.today
        for edit in (self.start_edit, self.end_edit):  # no chart of the year 1752
            edit.setDateRange(QDate(2000, 1, 1), QDate(today.year + 1, 12, 31))
        if custom and keep_custom:
            saved = QSettings().value(CUSTOM_SETTING, "")
            start, end = _saved_range(saved) or self._range_of(self._last_preset())
        elif custom:  # start from the range shown so far
            start, end = self._range_of(self._last_preset())
        else:
            start, end = self._range_of(self.preset)
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _last_preset(self) -> str:
        """The preset before "custom" (whose range the custom dates start from)."""
        previous = getattr(self, "_previous_preset", series.DEFAULT_PRESET)
        return previous if previous != "custom" else series.DEFAULT_PRESET

    def _range_of(self, preset: str) -> tuple[dt.date, dt.date]:
        first = None
        if preset == "all":  # from the first figure of the accounts drawn
            ids = (
                tuple(a.id for a in series.peer_accounts(self.session.db, self._platform()))
                if self.kind == "peers"
                else self.model.checked_ids()
            )
            first = series.first_date(self.session.db, ids)
        return series.preset_range(preset, self.session.today, first)

    def _platform(self) -> str:
        return self.platform_box.currentData() or ""

    def _dates_changed(self, _date) -> None:
        if self.preset == "custom":
            start, end = self.current_range()
            QSettings().setValue(CUSTOM_SETTING, f"{start.isoformat()}/{end.isoformat()}")
            self.redraw()

    def current_range(self) -> tuple[dt.date, dt.date]:
        if self.preset != "custom":
            return self._range_of(self.preset)
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        return (start, end) if start <= end else (end, start)

    def current_spec(self) -> series.ChartSpec:
        start, end = self.current_range()
        return series.ChartSpec(
            self.kind,
            self.model.checked_ids(),
            start,
            end,
            indexed=self.indexed_box.isChecked(),
            platform=self.platform_box.currentData(),
        )

    def chart(self, kind: str) -> plot.Chart:
        """The chart of `kind`, built when first needed."""
        if kind not in self.charts:
            chart = plot.Chart(kind)
            self.charts[kind] = chart
            self.chart_stack.addWidget(chart)
        return self.charts[kind]

    def redraw(self) -> None:
        """Draw the current chart from the ticked accounts and the range."""
        if self.stack.currentIndex() != 0:
            return
        spec = self.current_spec()
        self.indexed_box.setVisible(spec.kind == "followers")
        peers = spec.kind == "peers"
        self.platform_label.setVisible(peers)
        self.platform_box.setVisible(peers)
        self.account_list.setEnabled(not peers)
        self.title.setText(spec.title())
        unit_id = self.scope_box.unit_id()
        if not peers and self.scope_ids is not None and not self.scope_ids:
            return self._say(
                *no_accounts(self.session.db, unit_id),
                [(_("Show the whole institution"), lambda: self.scope_box.choose(ALL))],
            )
        if not peers and not spec.account_ids:
            return self._say(
                _("No account ticked"),
                _("Tick one or more accounts in the list to draw their chart."),
                [(_("Our accounts"), self.tick_ours)],
            )
        if peers and not spec.platform:
            return self._say(
                _("No peer accounts yet"),
                _(
                    "Add another institution's account as a peer on the Accounts tab, with "
                    "its follower figures, to compare its growth with yours."
                ),
                [(_("Go to Accounts"), lambda: self.window().show_tab("akun"))],
            )
        if spec.kind == "followers":
            data = [item.window(spec.start, spec.end) for item in self._followers(spec.account_ids)]
        else:
            data = series.chart_data(self.session.db, spec)
        chart = self.chart(spec.kind)
        plot.draw(chart, spec, data)
        if not chart.has_data:
            return self._say(
                _("No figures in this range"),
                plot.empty_text(spec.kind)
                + "\n"
                + _("Choose a longer range, or record the accounts' figures first."),
                self._figure_actions(),
            )
        self.chart_stack.setCurrentWidget(chart)
        notes = list(chart.notes)
        if chart.shaded:
            notes.insert(0, _("Grey bands: months without figures (the line is not drawn there)."))
        if spec.kind == "engagement":
            notes.insert(
                0,
                _(
                    "▼ marks a month below its platform's benchmark. Benchmarks and targets: Edit > Benchmarks and targets."
                ),
            )
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))

    def _figure_actions(self) -> list[tuple[str, Callable[[], None]]]:
        if self.session.read_only:
            return []
        window = self.window()
        return [
            (_("Import metrics…"), lambda: window.import_metrics()),
            (_("Monthly update…"), lambda: window.monthly_update()),
        ]

    def _say(self, title: str, body: str, actions) -> None:
        self.chart_empty.set_content("growth", title, body, actions)
        self.chart_stack.setCurrentWidget(self.chart_empty)
        self.note.hide()

    # -- export -------------------------------------------------------------------------------

    def current_chart(self) -> plot.Chart | None:
        widget = self.chart_stack.currentWidget()
        return widget if isinstance(widget, plot.Chart) else None

    def default_file_name(self, extension: str) -> str:
        spec = self.current_spec()
        kind = series.kind_title(spec.kind).lower().replace(" ", "-")
        prefix = _("growth")
        return f"{prefix}-{kind}-{spec.end.isoformat()}.{extension}"

    def export_chart(self, extension: str) -> Path | None:
        """Ask a size and a file name, and save the chart shown as PNG or SVG."""
        from gui.charts.export_dialog import ExportDialog

        chart = self.current_chart()
        if chart is None:
            self.say(_("There is no chart to save: tick accounts with figures first."))
            return None
        dialog = ExportDialog((chart.width(), chart.height()), self)
        if not dialog.exec():
            return None
        size = dialog.chosen_size()
        filters = {"png": _("PNG image (*.png)"), "svg": _("SVG drawing (*.svg)")}
        folder = QSettings().value("growth/export_folder", str(Path.home()))
        path = ask_save_path(
            self,
            _("Save chart as picture"),
            Path(folder) / self.default_file_name(extension),
            filters[extension],
            extension,
        )
        if path is None:
            return None
        QSettings().setValue("growth/export_folder", str(path.parent))
        return self.save_chart(path, size)

    def save_chart(self, path: Path, size: tuple[int, int]) -> Path | None:
        """Save the chart shown to `path` (PNG or SVG by its extension) at `size` pixels."""
        spec = self.current_spec()
        try:
            if path.suffix.lower() == ".svg":
                plot.save_svg(self.session.db, spec, size, path)
            else:
                plot.save_image(self.session.db, spec, size, path)
        except (LinimasaError, OSError) as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, _("The chart was not saved"), str(error))
            return None
        self.say(_("Chart saved to {path}").format(path=path))
        return path

    def copy_chart(self) -> bool:
        """Put the chart shown, as on screen, on the clipboard (paste into slides)."""
        chart = self.current_chart()
        if chart is None:
            return False
        image = plot.render_image(
            self.session.db, self.current_spec(), (chart.width(), chart.height())
        )
        QGuiApplication.clipboard().setImage(image)
        self.say(_("Chart copied; paste it into a slide or document."))
        return True

    # -- screenshots ------------------------------------------------------------------------

    def screenshot_views(self):
        def kind_view(kind: str, indexed: bool = False):
            def show():
                self.indexed_box.setChecked(indexed)
                self.show_kind(kind)
                return None

            return show

        def export_view():
            from gui.charts.export_dialog import ExportDialog

            kind_view("followers")()
            chart = self.current_chart()
            size = (chart.width(), chart.height()) if chart else (800, 500)
            dialog = ExportDialog(size, self)
            dialog.show()
            return dialog

        def unit_view():
            kind_view("followers")()
            self.scope_box.choose(unit_choice(some))
            return None

        some, _empty = example_units(self.session.db)
        return [
            ("indeks", kind_view("followers", True)),
            ("sejak", kind_view("growth")),
            ("bulanan", kind_view("monthly")),
            ("er", kind_view("engagement")),
            ("pembanding", kind_view("peers")),
            ("ekspor", export_view),
            *([("unit", unit_view)] if some else []),
        ]


TAB_CLASS = GrowthTab
