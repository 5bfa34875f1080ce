"""Saving a chart as a picture for slides or documents: a size (slide presets, the size on
screen, or any other), then the file (PNG or SVG by its extension)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from core.i18n import N_, _
from gui.forms import FormDialog

#: Preset sizes: (width, height, title before translation).
SIZES = (
    (1920, 1080, N_("Slide 16:9, large")),
    (1280, 720, N_("Slide 16:9")),
    (1024, 768, N_("Slide 4:3")),
    (1600, 1000, N_("Document, wide")),
)
MIN_SIDE, MAX_SIDE = 200, 8000


def size_title(width: int, height: int, title: str) -> str:
    return f"{title} — {width} × {height}"


class ExportDialog(FormDialog):
    """Choose a size; `chosen_size()` is the chosen (width, height) in pixels."""

    def __init__(self, screen_size: tuple[int, int], parent: QWidget | None = None):
        super().__init__(_("Save chart as picture"), parent)
        self.screen_size = screen_size
        self.choice = QComboBox()
        for width, height, title in SIZES:
            self.choice.addItem(size_title(width, height, _(title)), (width, height))
        self.choice.addItem(size_title(*screen_size, _("As on screen")), screen_size)
        self.choice.addItem(_("Other size"), None)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box in (self.width_box, self.height_box):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(" px")
        self.width_box.setValue(SIZES[1][0])
        self.height_box.setValue(SIZES[1][1])
        custom = QWidget()
        row = QHBoxLayout(custom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.width_box)
        row.addWidget(QLabel("×"))
        row.addWidget(self.height_box)
        row.addStretch(1)
        self.custom = custom
        self.add_field("size", _("&Size"), self.choice)
        self.add_field("custom", _("Width × height"), custom)
        self.choice.setCurrentIndex(1)
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self._choice_changed()
        self.save_button.setText(_("Choose file…"))

    def _choice_changed(self) -> None:
        custom = self.choice.currentData() is None
        self.custom.setEnabled(custom)
        label = self.form.labelForField(self.custom)
        if label is not None:
            label.setEnabled(custom)

    def chosen_size(self) -> tuple[int, int]:
        chosen = self.choice.currentData()
        if chosen is None:
            return self.width_box.value(), self.height_box.value()
        return tuple(chosen)
