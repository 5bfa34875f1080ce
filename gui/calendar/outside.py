"""Posts published outside the plan: posts a platform's export showed that no planned variant
matches (`core.outside_plan`). The calendar's list shows them among the
planned posts, read-only; opening one shows what the export said about it."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core import accounts, fmt, metrics, planning
from core.db import Database
from core.i18n import _
from core.outside_plan import OutsidePost, outside_plan_for_calendar
from gui.widgets import hint_label

#: The status text of such a row, dimmer than a planned post's.
OUTSIDE_COLOR = "#555"
#: How much of the caption a tooltip shows.
TOOLTIP_CHARS = 280


@dataclass(frozen=True)
class OutsideEntry:
    """A post published outside the plan as the calendar's list shows it (no variant: it
    cannot be opened, moved or deleted)."""

    post: OutsidePost
    platform: str
    handle: str

    @property
    def when(self) -> str:
        """Its time in the institution's zone, or its day when the export gave none."""
        return self.post.published_at or self.post.date

    @property
    def at(self) -> dt.datetime | None:
        published = self.post.published_at
        return dt.datetime.fromisoformat(published) if published else None

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.when[:10])

    @property
    def title(self) -> str:
        """The caption's first line (else its link, else the platform's id)."""
        lines = [line.strip() for line in self.post.caption.splitlines() if line.strip()]
        return lines[0] if lines else self.post.url or self.post.post_id

    @property
    def account_title(self) -> str:
        return f"{accounts.platform_title(self.platform)} @{self.handle}"


def outside_entries(
    db: Database, start: dt.date, end: dt.date, filters: planning.Filters
) -> list[OutsideEntry]:
    """The posts published outside the plan the calendar shows from `start` to `end`."""
    found = outside_plan_for_calendar(db, start, end, filters)
    if not found:
        return []
    by_id = {a.id: a for a in accounts.list_all(db, include_archived=True)}
    return [
        OutsideEntry(post, by_id[post.account_id].platform, by_id[post.account_id].handle)
        for post in found
    ]


def outside_title() -> str:
    return _("Published outside the plan")


def figure_title(name: str) -> str:
    """A post's figure (core.metrics.POST_COUNTS) as the user reads it."""
    return _(metrics.POST_TITLES[name])


def figures_text(entry: OutsideEntry) -> str:
    """ "Jangkauan 1.234 · Reaksi 56", in core.metrics.POST_COUNTS order."""
    figures = entry.post.figures
    return " · ".join(
        f"{figure_title(name)} {fmt.number(figures[name])}"
        for name in metrics.POST_COUNTS
        if name in figures
    )


def published_text(entry: OutsideEntry) -> str:
    at = entry.at
    return fmt.datetime_short(at) if at is not None else fmt.date_long(entry.day)


def outside_tooltip(entry: OutsideEntry) -> str:
    caption = " ".join(entry.post.caption.split())
    lines = textwrap.wrap(textwrap.shorten(caption, TOOLTIP_CHARS, placeholder=" …"), 60)
    lines += [f"{published_text(entry)} · {entry.account_title}", outside_title()]
    figures = figures_text(entry)
    if figures:
        lines.append(figures)
    if entry.post.url:
        lines.append(entry.post.url)
    return "\n".join(lines)


_ring: dict[int, QIcon] = {}


def outside_dot(size: int = 10) -> QIcon:
    """A ring in the published colour: published, but not as planned (a planned post's
    status is a filled dot)."""
    if size not in _ring:
        from gui.calendar.models import STATUS_COLORS  # models shows these rows: imported late

        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(STATUS_COLORS["published"]), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(1.5, 1.5, size - 3.0, size - 3.0)
        painter.end()
        _ring[size] = QIcon(pixmap)
    return _ring[size]


class OutsidePostDialog(QDialog):
    """What the export said about a post published outside the plan, read-only. Its link is
    text to copy: the app goes online for nothing."""

    def __init__(self, entry: OutsideEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(outside_title())
        self.setMinimumWidth(460)
        post = entry.post
        form = QFormLayout()
        form.addRow(_("Account"), self._value(entry.account_title))
        form.addRow(_("Published"), self._value(published_text(entry)))
        if post.url:
            form.addRow(_("Link"), self._value(post.url))
        for name in metrics.POST_COUNTS:
            if name in post.figures:
                form.addRow(figure_title(name), self._value(fmt.number(post.figures[name])))
        self.caption = QPlainTextEdit(post.caption)
        self.caption.setReadOnly(True)
        self.caption.setMinimumHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "This post is in a platform's export, but no planned post matches it. It "
                    "is shown as it was imported and cannot be edited."
                )
            )
        )
        layout.addLayout(form)
        if post.caption:
            layout.addWidget(QLabel(_("Text")))
            layout.addWidget(self.caption, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label
