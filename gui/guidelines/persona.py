"""The persona the institution's accounts speak with: what the admin calls itself and the
audience, how posts open and close, words to use and to avoid, and the formal phrases that
read stiff on informal platforms. Saved all at once (`guidelines.set_persona`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import guidelines
from core.errors import LinimasaError, ValidationError
from core.guidelines import PERSONA_LISTS, PERSONA_TEXTS
from core.i18n import _
from gui.forms import changed_signal
from gui.session import Session
from gui.widgets import error_label, hint_label


class PersonaPanel(QWidget):
    """Emits `saved` after the persona was stored."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        for key in PERSONA_TEXTS:
            self.fields[key] = QLineEdit()
        for key in PERSONA_LISTS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(110)
            self.fields[key] = edit
        self.intro = hint_label()
        texts = QFormLayout()
        texts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in PERSONA_TEXTS:
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(self.fields[key])
            self.hints[key] = hint_label()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.fields[key])
            column.addWidget(self.hints[key])
            texts.addRow(self.labels[key], column)
        lists = QGridLayout()
        lists.setHorizontalSpacing(14)
        for place, key in enumerate(PERSONA_LISTS):
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(self.fields[key])
            self.hints[key] = hint_label()
            self.hints[key].setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            lists.addWidget(self.labels[key], 0, place)
            lists.addWidget(self.fields[key], 1, place)
            lists.addWidget(self.hints[key], 2, place)
            lists.setColumnStretch(place, 1)
        lists.setRowStretch(1, 1)
        self.error = error_label()
        self.error.hide()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(texts)
        layout.addSpacing(6)
        layout.addLayout(lists, 1)
        layout.addLayout(buttons)
        self._loading = False
        self.dirty = False
        for widget in self.fields.values():
            changed_signal(widget).connect(self._changed)
        self.translate_ui()
        self.load()

    def translate_ui(self) -> None:
        self.intro.setText(
            _(
                "How the institution's accounts speak, whoever is on duty. The nicknames, "
                "greeting and sign-off are a reminder for writers and reviewers; the lists below "
                "are checked while a post is written."
            )
        )
        titles = {
            "admin_nickname": _("Ad&min's nickname"),
            "audience_nickname": _("Au&dience's nickname"),
            "greeting": _("&Greeting"),
            "signoff": _("Sign-&off"),
            "words_use": _("&Words to use"),
            "words_avoid": _("Wo&rds to avoid"),
            "formal_phrases": _("Forma&l phrases"),
        }
        hints = {
            "admin_nickname": _("What the account calls itself, e.g. “Mimin”."),
            "audience_nickname": _("What it calls its followers, e.g. “Sobat”."),
            "greeting": _("How a post or a reply may open."),
            "signoff": _("How a post or a reply may close."),
            "words_use": _("One per line: the words that make the account sound like itself."),
            "words_avoid": _(
                "One per line: flagged in a post's text while it is written, and on checklist "
                "items that check words to avoid."
            ),
            "formal_phrases": _(
                "One per line: stiff office phrases (“dalam rangka”), flagged while writing for "
                "informal platforms."
            ),
        }
        for key, label in self.labels.items():
            label.setText(titles[key])
            self.hints[key].setText(hints[key])
        self.save_button.setText(_("Save &persona"))
        self.revert_button.setText(_("Undo &changes"))
        self._update_buttons()

    def load(self) -> None:
        """Show the persona as stored (what the user typed and did not save is dropped)."""
        current = guidelines.persona(self.session.db)
        self._loading = True
        for key, widget in self.fields.items():
            value = getattr(current, key)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(0)
            else:
                widget.setPlainText("\n".join(value))
            widget.setReadOnly(self.session.read_only)
        self._loading = False
        self.dirty = False
        self.error.hide()
        self._update_buttons()

    def refresh(self) -> None:
        """Show the stored persona again, unless the user is changing it."""
        if not self.dirty:
            self.load()

    def values(self) -> dict[str, str]:
        return {
            key: widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            for key, widget in self.fields.items()
        }

    def save(self) -> bool:
        """Store every field, or none when one is refused (the error says which)."""
        if self.session.read_only:
            return False
        try:
            guidelines.set_persona(self.session.db, **self.values())
        except ValidationError as error:
            label = self.labels.get(error.field)
            name = label.text().replace("&", "") if label else error.field
            problem = f"{name}: {error.reason}."
            self._show_error(_("Not saved: {error}").format(error=problem))
            if error.field in self.fields:
                self.fields[error.field].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        except LinimasaError as error:
            self._show_error(_("Not saved: {error}").format(error=error))
            return False
        self.load()
        self.saved.emit()
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.dirty = True
            self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.session.read_only
        self.save_button.setEnabled(writable and self.dirty)
        self.revert_button.setEnabled(writable and self.dirty)
