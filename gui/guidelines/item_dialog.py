"""Add or change one checklist item: its platform, category, text, explanation, whether it
is required, and the automatic check flagged beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QWidget

from core import guidelines
from core.db import Database
from core.guidelines import Item
from core.i18n import _
from gui.forms import FormDialog


def _text_edit(text: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class ItemForm(FormDialog):
    """`item` None: a new item on `platform`'s list; saved through core (`saved`: the Item)."""

    def __init__(
        self, db: Database, item: Item | None, platform: str, parent: QWidget | None = None
    ):
        super().__init__(_("Change checklist item") if item else _("New checklist item"), parent)
        self.setMinimumWidth(520)
        self.platform = QComboBox()
        for code in guidelines.PLATFORMS:
            self.platform.addItem(guidelines.platform_title(code), code)
        self.category = QComboBox()
        for code in guidelines.CATEGORIES:
            self.category.addItem(guidelines.category_title(code), code)
        self.text = _text_edit(item.text if item else "", 3)
        self.text.setPlaceholderText(_("what the reviewer checks, e.g. “The image has alt text”"))
        self.explanation = _text_edit(item.explanation if item else "", 4)
        self.explanation.setPlaceholderText(_("why it matters, or an example (optional)"))
        self.required = QCheckBox(_("Required: a post cannot be approved without it"))
        self.check = QComboBox()
        self.check.addItem(_("none"), None)
        for code, title in guidelines.AUTO_CHECKS.items():
            self.check.addItem(_(title), code)
        chosen = item.platform if item else platform
        self.platform.setCurrentIndex(guidelines.PLATFORMS.index(chosen))
        if item is not None:
            self.category.setCurrentIndex(list(guidelines.CATEGORIES).index(item.category))
            self.required.setChecked(item.required)
            self.check.setCurrentIndex(max(0, self.check.findData(item.auto_check)))
        self.add_field("platform", _("&Platform"), self.platform)
        self.add_field("category", _("&Category"), self.category)
        self.add_field("text", _("Ite&m"), self.text)
        self.add_field("explanation", _("E&xplanation"), self.explanation)
        self.add_field("required", "", self.required)
        self.add_field("auto_check", _("Aut&omatic check"), self.check)
        self.set_validator(self.problems_now, show_all=item is not None)
        if item is None:
            self.save = lambda: guidelines.add_item(db, **self.values())
        else:
            self.save = lambda: guidelines.update_item(db, item.id, **self.values())

    def values(self) -> dict:
        return {
            "platform": self.platform.currentData(),
            "category": self.category.currentData(),
            # One line on the checklist: a line break typed in the box is a space.
            "text": " ".join(self.text.toPlainText().split()),
            "explanation": self.explanation.toPlainText(),
            "required": self.required.isChecked(),
            "auto_check": self.check.currentData(),
        }

    def problems_now(self) -> dict[str, str]:
        """The same rules as core's, while the user types."""
        values = self.values()
        problems = {}
        if not values["text"]:
            problems["text"] = _("must not be empty")
        for key, limit in (
            ("text", guidelines.ITEM_TEXT_MAX),
            ("explanation", guidelines.EXPLANATION_MAX),
        ):
            if len(values[key].strip()) > limit:
                problems[key] = _("longer than {n} characters").format(n=limit)
        return problems
