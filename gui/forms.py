"""A small form dialog: labelled fields, Save/Cancel, and the core's validation message
shown under the fields (naming the field) while the dialog stays open.

A form may also check itself while the user types (`set_validator`): each problem is shown
in red under its field, and Save stays disabled until there is none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.errors import LinimasaError, ValidationError
from core.i18n import _
from gui.widgets import error_label


class Cancelled(Exception):  # noqa: N818 - not an error: the user said no
    """Raised by a form's save when the user cancelled a question it asked: nothing was
    saved, and the form stays open as the user left it."""


def changed_signal(widget: QWidget):
    """The signal a field emits on every change of its value (None: a widget without one)."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
        return widget.valueChanged
    return None


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.fields: dict[str, tuple[str, QWidget]] = {}
        #: Each field's own message line (under it), shown while the field has a problem.
        self.problems: dict[str, QLabel] = {}
        self.error = error_label()
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.save: Callable[[], object] = lambda: None
        self.saved: object = None
        self._validator: Callable[[], dict[str, str]] | None = None
        self._touched: set[str] = set()
        self._show_all = False
        self._check_message = ""  # a problem of no particular field
        self._save_message = ""  # why the last Save failed

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """`key` is the core field name a ValidationError would carry."""
        self.fields[key] = (label, widget)
        self.form.addRow(label, widget)
        problem = error_label()
        problem.hide()
        # Only the field's column: a hidden line takes no room in the form.
        self.form.setWidget(self.form.rowCount(), QFormLayout.ItemRole.FieldRole, problem)
        self.problems[key] = problem
        return widget

    def set_validator(self, check: Callable[[], dict[str, str]], show_all: bool = False) -> None:
        """Check the form on every change with `check()` → {field: reason}: each reason shows
        under its field, and Save is enabled only when there is none.

        A field's reason shows once the user changed that field (a new, empty form does not
        greet its user with a list of complaints); `show_all` shows every reason at once, as
        for a form that edits something already stored."""
        self._validator = check
        self._show_all = show_all
        for key, (_label, widget) in self.fields.items():
            signal = changed_signal(widget)
            if signal is not None:
                signal.connect(lambda *_args, key=key: self._field_changed(key))
        self.revalidate()

    def _field_changed(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    def revalidate(self) -> dict[str, str]:
        """Check the form now; show the problems and enable Save accordingly."""
        if self._validator is None:
            return {}
        try:
            problems = self._validator()
        except LinimasaError as error:  # e.g. the record was removed meanwhile
            problems = {"": str(error)}
        for key, label in self.problems.items():
            reason = problems.get(key)
            if reason and (self._show_all or key in self._touched):
                label.setText(reason[:1].upper() + reason[1:] + ".")
                label.show()
            else:
                label.hide()
        others = [reason for key, reason in problems.items() if key not in self.problems]
        self._check_message = "\n".join(others)
        self._update_error()
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(
            _("Correct the fields marked in red first.") if problems else ""
        )
        return problems

    def show_problems(self) -> dict[str, str]:
        """Show every field's problem now, changed or not (as Save does)."""
        self._show_all = True
        return self.revalidate()

    def show_error(self, error: ValidationError) -> None:
        label, widget = self.fields.get(error.field, (error.field, None))
        self._show_message(f"{label.replace('&', '')}: {error.reason}.")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_message(self, text: str) -> None:
        self._save_message = text
        self._update_error()

    def _update_error(self) -> None:
        text = "\n".join(t for t in (self._check_message, self._save_message) if t)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        self._save_message = ""
        if self._validator is not None:
            problems = self.show_problems()
            if problems:
                # Save is disabled meanwhile; a caller that accepts anyway learns why too.
                first = next((k for k in self.fields if k in problems), next(iter(problems)))
                self.show_error(ValidationError(first, None, problems[first]))
                return
        try:
            self.saved = self.save()
        except Cancelled:
            return
        except ValidationError as error:
            self.show_error(error)
            return
        except LinimasaError as error:
            # The file refused (a full disk, another program writing): nothing was saved,
            # and the form keeps what the user typed so that Save can be pressed again.
            self._show_message(_("Not saved: {error}").format(error=error))
            return
        super().accept()
