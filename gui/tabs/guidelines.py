"""Panduan tab: the institution's tone guidelines. Three pages: the checklist items per
platform (ordered by dragging or Alt+Up/Alt+Down, required ticked in place, retired items
kept for the record), the persona the accounts speak with, and the compliance of what was
published in a period. Packs are imported and exported as JSON files, so that the units of
one institution share one pack.

Every write goes through `core.guidelines` or `core.packs` and is announced as a
"guidelines" change; the tab refreshes itself from core."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import fmt, guidelines, packs
from core.errors import LinimasaError, ValidationError
from core.guidelines import Item
from core.i18n import _
from gui.guidelines.compliance import CompliancePanel
from gui.guidelines.item_dialog import ItemForm
from gui.guidelines.items_model import ChecklistItemsModel
from gui.guidelines.persona import PersonaPanel
from gui.platforms import platform_icon
from gui.session import Session
from gui.signals import notify
from gui.tabs import Tab, nobody_to_ask
from gui.widgets import EmptyState, ask_save_discard_cancel, ask_save_path, hint_label

SETTINGS = "guidelines/"
PAGES = ("checklist", "persona", "compliance")
PLATFORM_ROLE = int(Qt.ItemDataRole.UserRole)


def ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """`yes` or Cancel; with nobody to answer (`gui.tabs.nobody_to_ask`), Cancel: nothing
    changes."""
    if nobody_to_ask():
        print(f"{title}: {text}", file=sys.stderr)
        return False
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    chosen = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is chosen


def warn(parent: QWidget, title: str, text: str) -> None:
    """A message the user must read (a pack refused, a file not written)."""
    if nobody_to_ask():
        print(f"{title}: {text}", file=sys.stderr)
        return
    QMessageBox.warning(parent, title, text)


class _ChecklistKeys(QObject):
    """The checklist's keys, as key events of the widget that has focus: Ctrl+N adds an item
    (elsewhere it stays the window's New file: a shortcut beside the menu's would be
    ambiguous, and neither would fire), Alt+Up and Alt+Down move the selected item, Delete
    deletes it."""

    def __init__(self, tab: GuidelinesTab, parent: QObject):
        super().__init__(parent)
        self.tab = tab

    def action(self, event):
        if event.matches(QKeySequence.StandardKey.New):
            return self.tab.add_item
        if event.modifiers() == Qt.KeyboardModifier.AltModifier:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            return None if step is None else lambda: self.tab.move_item(step)
        if event.matches(QKeySequence.StandardKey.Delete):
            return self.tab.delete_item
        return None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        action = self.action(event)
        if action is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            action()
        return True


class GuidelinesTab(Tab):
    tab_id = "panduan"
    icon = "guidelines"
    WATCHES = frozenset({"guidelines", "settings", "posts", "accounts"})

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = hint_label()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_pack)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_pack)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.intro)
        bar = QHBoxLayout()
        bar.addLayout(heading, 1)
        bar.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.persona = PersonaPanel(session)
        self.persona.saved.connect(self._persona_saved)
        self.compliance = CompliancePanel(session)
        self.pages = QTabWidget()
        self.pages.addTab(self._checklist_page(), "")
        self.pages.addTab(self.persona, "")
        self.pages.addTab(self.compliance, "")
        page = QSettings().value(SETTINGS + "page", "checklist", str)
        self.pages.setCurrentIndex(PAGES.index(page) if page in PAGES else 0)
        self.pages.currentChanged.connect(
            lambda index: QSettings().setValue(SETTINGS + "page", PAGES[index])
        )

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        self.translate_ui()
        self.refresh()

    # -- the checklist page --------------------------------------------------------------------

    def _checklist_page(self) -> QWidget:
        self.platform_list = QListWidget()
        self.platform_list.setFixedWidth(190)
        for platform in guidelines.PLATFORMS:
            entry = QListWidgetItem(platform_icon(platform, 18), "")
            entry.setData(PLATFORM_ROLE, platform)
            self.platform_list.addItem(entry)
        self.platform_list.setCurrentRow(0)
        self.platform_list.currentRowChanged.connect(lambda _row: self.show_items())

        self.list_title = QLabel()
        self.list_title.setObjectName("sectionTitle")
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_item)
        self.retire_button = QPushButton()
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.show_retired = QCheckBox()
        self.show_retired.setChecked(QSettings().value(SETTINGS + "retired", False, bool))
        self.show_retired.toggled.connect(self._show_retired_toggled)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.retire_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)

        self.model = ChecklistItemsModel(self)
        self.model.required_toggled.connect(self.set_required)
        self.model.order_requested.connect(self.store_shown_order)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            ChecklistItemsModel.COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch
        )
        # Rows follow their wrapped text whatever the width (a stretched column's resize
        # is not always signalled, and a row sized before the window was laid out stays tall).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.items_empty = EmptyState()
        self.items_stack = QStackedWidget()
        self.items_stack.addWidget(self.table)
        self.items_stack.addWidget(self.items_empty)
        self.order_hint = hint_label()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.list_title)
        right.addLayout(buttons)
        right.addWidget(self.items_stack, 1)
        right.addWidget(self.order_hint)
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(self.platform_list)
        row.addLayout(right, 1)

        keys = _ChecklistKeys(self, page)
        for widget in (self.table, self.platform_list):
            widget.installEventFilter(keys)
        return page

    def platform(self) -> str:
        entry = self.platform_list.currentItem()
        return entry.data(PLATFORM_ROLE) if entry is not None else "all"

    def choose_platform(self, platform: str) -> None:
        self.platform_list.setCurrentRow(guidelines.PLATFORMS.index(platform))

    def _fill_platforms(self) -> None:
        counts = {platform: 0 for platform in guidelines.PLATFORMS}
        for item in guidelines.items(self.session.db, include_retired=False):
            counts[item.platform] += 1
        for row, platform in enumerate(guidelines.PLATFORMS):
            entry = self.platform_list.item(row)
            entry.setText(
                _("{platform} ({n})").format(
                    platform=guidelines.platform_title(platform), n=fmt.number(counts[platform])
                )
            )
            entry.setToolTip(
                _("On every post's checklist")
                if platform == "all"
                else _(
                    "On the checklist of {platform} posts, after those for all platforms"
                ).format(platform=guidelines.platform_title(platform))
            )

    def show_items(self) -> None:
        """Show the chosen platform's items (retired ones too when asked)."""
        platform = self.platform()
        shown = guidelines.items(
            self.session.db, platform, include_retired=self.show_retired.isChecked()
        )
        self.model.editable = not self.session.read_only
        self.model.set_rows(shown)
        active = sum(not item.retired for item in shown)
        self.list_title.setText(
            _("{platform}: {n} items").format(
                platform=guidelines.platform_title(platform), n=fmt.number(active)
            )
        )
        if shown:
            self.items_stack.setCurrentIndex(0)
            if self.selected_item() is None:
                self.table.selectRow(0)
        else:
            self._fill_items_empty()
            self.items_stack.setCurrentIndex(1)
        self._update_buttons()

    def _fill_items_empty(self) -> None:
        platform = self.platform()
        title = guidelines.platform_title(platform)
        body = (
            _(
                "Items for all platforms are on every post's checklist: the persona, vetting "
                "sensitive matters, checking facts. Add one, or import the pack another unit "
                "exported."
            )
            if platform == "all"
            else _(
                "Items here are on the checklist of every {platform} post, after those for all "
                "platforms: the platform's own style and register. Add one, or import the pack "
                "another unit exported."
            ).format(platform=title)
        )
        actions = []
        if not self.session.read_only:
            actions = [
                (_("New item…"), self.add_item),
                (_("Import pack…"), self.import_pack),
            ]
        self.items_empty.set_content(
            "guidelines", _("No items for {platform} yet").format(platform=title), body, actions
        )

    def selected_item(self) -> Item | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _activated(self, index) -> None:
        # A double click on the Required box ticks it; it does not open the form as well.
        if ChecklistItemsModel.COLUMNS[index.column()] != "required":
            self.edit_item()

    def _update_buttons(self) -> None:
        writable = not self.session.read_only
        item = self.selected_item()
        for button in (self.edit_button, self.retire_button, self.delete_button):
            button.setEnabled(writable and item is not None)
        self.add_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        shown = self.model.rows
        place = shown.index(item) if item in shown else -1
        self.up_button.setEnabled(writable and place > 0)
        self.down_button.setEnabled(writable and 0 <= place < len(shown) - 1)
        self.retire_button.setText(_("&Restore") if item and item.retired else _("&Retire"))

    def _show_retired_toggled(self, shown: bool) -> None:
        QSettings().setValue(SETTINGS + "retired", shown)
        self.show_items()

    # -- changing items ------------------------------------------------------------------------

    def _changed(self, item_id: int | None = None) -> None:
        """A write went through: tell every view, and keep `item_id` selected here."""
        notify("guidelines", ids={item_id} if item_id is not None else ())
        self.refresh()
        if item_id is not None:
            self.select_item(item_id)

    def _refused(self, title: str, error: LinimasaError) -> None:
        warn(self, title, str(error))
        self.refresh()

    def add_item(self) -> ItemForm | None:
        """Open the form for a new item on the chosen platform (it saves itself)."""
        if self.session.read_only:
            return None
        return self._open_form(None)

    def edit_item(self) -> ItemForm | None:
        item = self.selected_item()
        if item is None or self.session.read_only:
            return None
        return self._open_form(item)

    def _open_form(self, item: Item | None) -> ItemForm:
        form = ItemForm(self.session.db, item, self.platform(), self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            stored = form.saved
            if stored.platform != self.platform():
                self.choose_platform(stored.platform)
            self._changed(stored.id)
            self.say(_("Checklist item saved."))

        form.accepted.connect(saved)
        form.open()
        return form

    def set_required(self, item_id: int, required: bool) -> None:
        try:
            guidelines.update_item(self.session.db, item_id, required=required)
        except LinimasaError as error:
            return self._refused(_("The item was not changed"), error)
        self._changed(item_id)

    def move_item(self, step: int) -> None:
        """Move the selected item one place up (-1) or down (1) among those shown."""
        item = self.selected_item()
        if item is None or self.session.read_only:
            return
        shown = [row.id for row in self.model.rows]
        place = shown.index(item.id)
        if not 0 <= place + step < len(shown):
            return
        shown[place], shown[place + step] = shown[place + step], shown[place]
        self.store_shown_order(shown)

    def store_shown_order(self, shown_order: list[int]) -> None:
        """Store the rows shown in `shown_order` (dragged or moved there), keeping the
        selected one selected. Items not shown (retired ones, hidden) stay just before the
        item they were before."""
        current = [row.id for row in self.model.rows]
        if shown_order == current:
            return
        selected = self.selected_item()
        hidden_before: dict[int, list[int]] = {}
        waiting: list[int] = []
        for item_id in (row.id for row in guidelines.items(self.session.db, self.platform())):
            if item_id in current:
                hidden_before[item_id], waiting = waiting, []
            else:
                waiting.append(item_id)
        order = [i for item_id in shown_order for i in (*hidden_before[item_id], item_id)]
        try:
            guidelines.set_order(self.session.db, self.platform(), order + waiting)
        except LinimasaError as error:
            return self._refused(_("The order was not changed"), error)
        self._changed(selected.id if selected else None)

    def toggle_retired(self) -> None:
        item = self.selected_item()
        if item is None or self.session.read_only:
            return
        try:
            changed = guidelines.retire_item(self.session.db, item.id, not item.retired)
        except LinimasaError as error:
            return self._refused(_("The item was not changed"), error)
        self._changed(changed.id)
        self.say(
            _("Retired: it no longer appears on new checklists; past ticks are kept.")
            if changed.retired
            else _("Restored: it is on new checklists again.")
        )

    def delete_item(self) -> None:
        """Delete the selected item after asking; one that was ticked on posts cannot be
        deleted (its ticks are the record), so the user is offered to retire it."""
        item = self.selected_item()
        if item is None or self.session.read_only:
            return
        if not ask(
            self,
            _("Delete checklist item"),
            _("Delete “{text}”? This cannot be undone.").format(text=item.text),
            _("Delete"),
        ):
            return
        try:
            guidelines.delete_item(self.session.db, item.id)
        except ValidationError as error:
            if item.retired:
                return self._refused(_("The item was not deleted"), error)
            if ask(
                self,
                _("Delete checklist item"),
                _(
                    "“{text}” cannot be deleted: {reason}.\n\nRetire it instead? It no longer "
                    "appears on new checklists, and the posts it was ticked on keep their record."
                ).format(text=item.text, reason=error.reason),
                _("Retire"),
            ):
                self.toggle_retired()
            return
        except LinimasaError as error:
            return self._refused(_("The item was not deleted"), error)
        self._changed()
        self.say(_("Checklist item deleted."))

    # -- packs -----------------------------------------------------------------------------------

    def _folder(self) -> str:
        return QSettings().value(SETTINGS + "folder", str(Path.home()), str)

    def import_pack(self) -> bool:
        if self.session.read_only:
            return False
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import guideline pack"), self._folder(), _("Guideline pack (*.json)")
        )
        if not name:
            return False
        QSettings().setValue(SETTINGS + "folder", str(Path(name).parent))
        return self.import_pack_file(Path(name))

    def import_pack_file(self, path: Path) -> bool:
        """Import the pack at `path` after showing what it changes; all or nothing. True when
        something was imported."""
        title = _("Import guideline pack")
        try:
            pack = packs.read_pack(path)
            preview = packs.preview_import(self.session.db, pack)
        except LinimasaError as error:
            warn(self, title, str(error))
            return False
        if not preview.changed:
            self.say(
                _("{path}: the pack is the same as yours; nothing to import.").format(path=path)
            )
            return False
        lines = [
            _("New items: {n}").format(n=fmt.number(preview.added)),
            _("Items changed: {n}").format(n=fmt.number(preview.updated)),
            _("Items already the same: {n}").format(n=fmt.number(preview.unchanged)),
        ]
        if preview.reordered:
            lines.append(_("The items come in the pack's order."))
        if preview.renamed:
            lines.append(_("The pack's name is taken: {name}").format(name=pack.name))
        if preview.persona_changed:
            lines.append(_("The persona is replaced by the pack's."))
            if not self.confirm_leave():  # persona typed here and not saved: ask first
                return False
        question = _(
            "Import {path}?\n\n{changes}\n\nItems that are already here keep their ticks; items "
            "the pack does not have stay, after the pack's."
        ).format(path=path, changes="\n".join(lines))
        if not ask(self, title, question, _("Import")):
            return False
        try:
            result = packs.import_pack(self.session.db, pack)
        except LinimasaError as error:
            warn(self, title, str(error))
            return False
        if preview.persona_changed:
            self.persona.dirty = False  # the pack's persona is the one to show now
        self._changed()
        self.say(
            _("Pack imported: {added} new items, {updated} changed.").format(
                added=fmt.number(result.added), updated=fmt.number(result.updated)
            )
        )
        return True

    def export_pack(self) -> Path | None:
        path = ask_save_path(
            self,
            _("Export guideline pack"),
            Path(self._folder()) / (_("guidelines") + ".json"),
            _("Guideline pack (*.json)"),
            "json",
        )
        if path is None:
            return None
        QSettings().setValue(SETTINGS + "folder", str(path.parent))
        return self.export_pack_file(path)

    def export_pack_file(self, path: Path) -> Path | None:
        """Write the pack (items, their order, the persona) to `path`; errors are shown."""
        try:
            count = packs.write_pack(self.session.db, path)
        except (LinimasaError, OSError) as error:
            warn(self, _("The pack was not exported"), str(error))
            return None
        self.say(
            _("{n} checklist items and the persona exported to {path}").format(
                n=fmt.number(count), path=path
            )
        )
        return path

    # -- persona -----------------------------------------------------------------------------------

    def _persona_saved(self) -> None:
        notify("guidelines", "settings")
        self.say(_("Persona saved."))

    def confirm_leave(self, ask: bool = True) -> bool:
        if not self.persona.dirty:
            return True
        if not ask:
            return self.persona.save()
        answer = ask_save_discard_cancel(
            self,
            _("Persona not saved"),
            _("The persona has changes that are not saved. Save them?"),
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.persona.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.persona.load()
            return True
        return False

    # -- the whole tab -------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.title.setText(_("Tone guidelines"))
        self.intro.setText(
            _(
                "Each platform has its own atmosphere. Every post variant passes the checklist "
                "of all platforms and of its own before it is approved; a required item left "
                "unticked needs an approver's written reason."
            )
        )
        self.import_button.setText(_("&Import pack…"))
        self.import_button.setToolTip(
            _("Bring in the checklist and persona another unit exported (a JSON file)")
        )
        self.export_button.setText(_("E&xport pack…"))
        self.export_button.setToolTip(
            _("Save the checklist and persona as a JSON file, to share with other units")
        )
        self.pages.setTabText(0, _("Checklist"))
        self.pages.setTabText(1, _("Persona"))
        self.pages.setTabText(2, _("Compliance"))
        self.add_button.setText(_("&New item…"))
        self.add_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString())
        self.edit_button.setText(_("&Change…"))
        self.delete_button.setText(_("&Delete"))
        self.up_button.setToolTip(_("Move up (Alt+Up)"))
        self.down_button.setToolTip(_("Move down (Alt+Down)"))
        self.show_retired.setText(_("Show retired"))
        self.order_hint.setText(
            _(
                "Items are checked in this order. Drag them, or press Alt+Up and Alt+Down, to "
                "change it. Tick Required for the items a post cannot be approved without."
            )
        )
        self._fill_platforms()
        self.model.retranslate()
        self.persona.translate_ui()
        self.compliance.translate_ui()
        self._update_buttons()

    def refresh(self) -> None:
        self._fill_platforms()
        self.show_items()
        self.persona.refresh()
        self.compliance.refresh()

    def _on_database_opened(self) -> None:
        self.persona.dirty = False  # what was typed belongs to the file that closed
        super()._on_database_opened()

    # -- screenshots -----------------------------------------------------------------------------------

    def screenshot_views(self):
        def page(name: str):
            def show():
                self.pages.setCurrentIndex(PAGES.index(name))
                return None

            return show

        def compliance():
            # The demo's two overrides fall in this year: a whole year shows both.
            self.pages.setCurrentIndex(PAGES.index("compliance"))
            self.compliance.choose("year", self.session.today.replace(month=1, day=1))
            return None

        return [("persona", page("persona")), ("kepatuhan", compliance)]


TAB_CLASS = GuidelinesTab
