"""The sign-off sheet's dialog: the posts chosen in the calendar, or those planned in a range
of days (next week by default), saved as a PDF for a leader to sign on paper
(gui/report/signoff.py draws it; `python main.py signoff` is the same from the command line).

The calendar calls `export_signoff(parent, session, …)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core import fmt, signoff
from core.errors import LinimasaError
from core.i18n import _, ngettext
from gui.session import Session
from gui.widgets import ask_save_path, from_qdate, hint_label, to_qdate

SETTINGS = "signoff/"


def next_week(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week after `today`'s."""
    monday = today + dt.timedelta(days=7 - today.weekday())
    return monday, monday + dt.timedelta(days=6)


class SignoffDialog(QDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        variant_ids: Iterable[int] | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.variant_ids = tuple(variant_ids or ())
        #: Where the sheet was saved, once it was.
        self.saved_path: Path | None = None
        self.setWindowTitle(_("Sign-off sheet"))
        week = dt.timedelta(days=6)
        if start is None:
            start, end = next_week(session.today) if end is None else (end - week, end)
        elif end is None:
            end = start + week

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "A PDF with a block per post: account, time, text, first image and status, "
                    "and a line per approval level for the approver's name, date and initials."
                )
            )
        )
        self.chosen = QRadioButton(
            _("The selected posts ({count})").format(count=fmt.number(len(self.variant_ids)))
        )
        self.by_dates = QRadioButton(_("Posts planned in these days:"))
        self.chosen.setVisible(bool(self.variant_ids))
        self.by_dates.setVisible(bool(self.variant_ids))
        (self.chosen if self.variant_ids else self.by_dates).setChecked(True)
        layout.addWidget(self.chosen)
        layout.addWidget(self.by_dates)

        self.start = self._date_edit(start)
        self.end = self._date_edit(end)
        grid = QGridLayout()
        for row, (text, edit) in enumerate(((_("&From"), self.start), (_("&To"), self.end))):
            label = QLabel(text)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
        grid.setColumnStretch(2, 1)
        if self.variant_ids:
            grid.setContentsMargins(24, 0, 0, 0)  # under its radio button
        layout.addLayout(grid)

        self.summary = hint_label()
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save PDF…"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.setMinimumWidth(460)
        self.chosen.toggled.connect(self.refresh)
        self.refresh()

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(to_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMMM yyyy")
        edit.dateChanged.connect(self.refresh)
        return edit

    # -- what goes on the sheet -----------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def posts(self) -> list[signoff.SignoffPost]:
        db = self.session.db
        if self.chosen.isChecked():
            return signoff.posts_of(db, self.variant_ids)
        start, end = self.period()
        return signoff.posts_between(db, start, end) if start <= end else []

    def sheet(self) -> signoff.Sheet:
        found = self.posts()
        if self.chosen.isChecked():
            return signoff.sheet(self.session.db, found, self.session.today)
        start, end = self.period()
        return signoff.sheet(self.session.db, found, self.session.today, start, end)

    def refresh(self) -> None:
        by_dates = not self.chosen.isChecked()
        self.start.setEnabled(by_dates)
        self.end.setEnabled(by_dates)
        start, end = self.period()
        count = len(self.posts())
        if by_dates and end < start:
            text = _("The first day is after the last.")
        elif count == 0:
            text = _("Nothing is planned in these days.") if by_dates else _("No post is left.")
        else:
            text = ngettext("{count} post on the sheet.", "{count} posts on the sheet.", count)
            text = text.format(count=fmt.number(count))
        self.summary.setText(text)
        self.save_button.setEnabled(count > 0)

    # -- saving ---------------------------------------------------------------------------

    def default_file_name(self) -> str:
        sheet = self.sheet()
        days = [day.isoformat() for day in (sheet.start, sheet.end) if day is not None]
        return "-".join([_("signoff"), *dict.fromkeys(days)]) + ".pdf"

    def save(self) -> None:
        folder = QSettings().value(SETTINGS + "folder", str(Path.home()))
        path = ask_save_path(
            self,
            _("Save sign-off sheet as PDF"),
            Path(folder) / self.default_file_name(),
            _("PDF document (*.pdf)"),
            "pdf",
        )
        if path is None:
            return
        QSettings().setValue(SETTINGS + "folder", str(path.parent))
        if self.write_pdf(path) is not None:
            self.accept()

    def write_pdf(self, path: Path) -> Path | None:
        """Write the sheet to `path` (whole or not at all); errors are shown."""
        from gui.report.signoff import save_signoff_pdf

        sheet = self.sheet()
        if not sheet.posts:
            return None
        try:
            save_signoff_pdf(sheet, path)
        except (LinimasaError, OSError) as error:
            QMessageBox.warning(self, _("The sign-off sheet was not saved"), str(error))
            return None
        self.saved_path = path
        return path


def export_signoff(
    parent: QWidget | None,
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    variant_ids: Iterable[int] | None = None,
) -> Path | None:
    """Ask which posts (the `variant_ids` chosen, or a range of days: `start` to `end`, next
    week by default) and where, and save their sign-off sheet; returns the PDF's path, None
    when cancelled. With nobody to answer (tests, screenshots: `gui.tabs.nobody_to_ask`) the
    dialog is only shown, as a child of `parent`, and None returned at once."""
    from gui.tabs import nobody_to_ask

    dialog = SignoffDialog(session, parent, start, end, variant_ids)
    if nobody_to_ask():
        dialog.show()
        return None
    dialog.exec()
    return dialog.saved_path
