"""A small form dialog: labelled fields, Save/Cancel, and the core's validation message
shown under the fields (naming the field) while the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from core.errors import ValidationError


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.fields: dict[str, tuple[str, QWidget]] = {}
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.save: Callable[[], object] = lambda: None
        self.saved: object = None

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """`key` is the core field name a ValidationError would carry."""
        self.fields[key] = (label, widget)
        self.form.addRow(label, widget)
        return widget

    def show_error(self, error: ValidationError) -> None:
        label, widget = self.fields.get(error.field, (error.field, None))
        self.error.setText(f"{label.replace('&', '')}: {error.reason}.")
        self.error.show()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except ValidationError as error:
            self.show_error(error)
            return
        super().accept()
