"""One account's version of a post, as a tab of the post editor: its text and hashtags, its
time, a live count against the platform's limits, its status and the workflow steps it can
take, its history, and a preview beside it.

Workflow steps act at once on the stored variant: the post editor saves pending edits first
(`save_first`), then the step may ask for what it needs (who approves, what must change,
where and when it was published) in a small form (`ask_step`).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import (
    accounts,
    fmt,
    guidelines,
    limits,
    members,
    pillars,
    posts,
    timezone,
    workflow,
)
from core.accounts import Account
from core.errors import LinimasaError
from core.fmt import sentence
from core.i18n import N_, _
from core.posts import Attachment, Variant
from gui.checklist import ChecklistPanel
from gui.forms import FormDialog
from gui.post_preview import PostPreview
from gui.session import Session
from gui.signals import notify
from gui.widgets import error_label, hint_label

#: Each status's colour on its badge.
STATUS_COLORS = {
    "idea": "#8a8a8a",
    "draft": "#5f6b7a",
    "review": "#e08e00",
    "changes": "#c62828",
    "approved": "#2e7d32",
    "scheduled": "#3f6ab0",
    "published": "#1b5e20",
    "cancelled": "#6d4c41",
}

#: The button of each workflow step, by the status it leads to (from where it stands).
STEP_TITLES = {
    "review": N_("Submit for review"),
    "approved": N_("Approve…"),
    "changes": N_("Needs changes…"),
    "scheduled": N_("Schedule"),
    "published": N_("Mark published…"),
    "cancelled": N_("Cancel on this account"),
    "draft": N_("Back to draft"),
    "idea": N_("Back to idea"),
}


#: How many workflow buttons stand side by side.
STEPS_PER_ROW = 3


def step_title(current: str, target: str) -> str:
    if target == "draft" and current == "idea":
        return _("Start the draft")
    if target == "approved" and current == "scheduled":
        return _("Unschedule")
    return _(STEP_TITLES[target])


def local_naive(value: dt.datetime) -> dt.datetime:
    """An aware time as the institution-local wall time core reads a naive time as."""
    return value.replace(tzinfo=None)


def to_qt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


def from_qt(value: QDateTime) -> dt.datetime:
    date, time = value.date(), value.time()
    return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class PlannedTimeEdit(QWidget):
    """A date and time in the institution's zone (its abbreviation beside it), or none yet
    (unticked). `value()` is a naive institution-local time, as core reads one."""

    changed = Signal()

    def __init__(self, tz: dt.tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.tz = tz
        self.check = QCheckBox()
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy  HH:mm")
        self.edit.setMinimumDateTime(QDateTime(2000, 1, 1, 0, 0, 0))
        self.zone = QLabel(timezone.abbreviation(dt.datetime.now(tz)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.zone)
        self._remembered = dt.datetime.now(tz).replace(minute=0, second=0, microsecond=0)
        self.check.toggled.connect(self._toggled)
        self.edit.dateTimeChanged.connect(lambda *_args: self.changed.emit())
        self.translate_ui()

    def translate_ui(self) -> None:
        self.check.setToolTip(_("Untick when there is no date yet"))
        self.edit.setSpecialValueText(_("no date yet"))

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on:
            self.edit.setDateTime(to_qt(self._remembered))
        else:
            shown = self.edit.dateTime()
            if shown != self.edit.minimumDateTime():  # "no date yet" is no date to come back to
                self._remembered = from_qt(shown)
            self.edit.setDateTime(self.edit.minimumDateTime())
        self.changed.emit()

    def value(self) -> dt.datetime | None:
        return from_qt(self.edit.dateTime()) if self.check.isChecked() else None

    def set_value(self, value: dt.datetime | None) -> None:
        """`value`: naive institution-local, or aware (shown in the institution's zone)."""
        if value is not None and value.tzinfo is not None:
            value = local_naive(value.astimezone(self.tz))
        self.blockSignals(True)
        if value is None:
            self.check.setChecked(False)
            self._toggled(False)
        else:
            self._remembered = value
            self.check.setChecked(True)
            self.edit.setEnabled(True)
            self.edit.setDateTime(to_qt(value))
        self.blockSignals(False)
        self.changed.emit()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - Qt's name
        self.check.setEnabled(enabled)
        self.edit.setEnabled(enabled and self.check.isChecked())


def approvers(session: Session) -> list[members.Member]:
    return [m for m in members.list_all(session.db) if m.role == "approver"]


class StepDialog(FormDialog):
    """What a workflow step needs before it runs: who approves (at which level), what must
    change, where and when it was published. `saved` is the keywords for core's call."""

    def __init__(self, session: Session, variant: Variant, target: str, parent=None):
        super().__init__(step_title(variant.status, target).rstrip("…"), parent)
        self.session = session
        self.target = target
        tz = timezone.institution_zone(session.db)
        values: dict[str, Callable[[], object]] = {}
        if target == "approved":
            state = workflow.approval_state(session.db, variant.id)
            level = state.next_level
            if level is not None:
                where = QLabel(
                    _("Level {position} of {count}: {title}").format(
                        position=level.position, count=len(state.levels), title=level.title
                    )
                )
                where.setObjectName("sectionTitle")
                self.form.addRow(where)
            self.approver = QComboBox()
            for member in approvers(session):
                self.approver.addItem(member.name, member.id)
            wanted = level.approver_id if level is not None else None
            if wanted is None and len(state.levels) == 1:
                wanted = posts.get(session.db, variant.post_id).approver_id
            if wanted is None:  # no level names one: whoever works here, if an approver
                from gui.acting import current_member

                here = current_member(session)
                wanted = here.id if here is not None else None
            self.approver.setCurrentIndex(max(0, self.approver.findData(wanted)))
            self.add_field("by", _("&Approved by"), self.approver)
            values["by"] = self.approver.currentData
        missing = workflow.needs_override(session.db, variant.id) if target == "approved" else []
        if missing:
            self.missing = QLabel(
                _("Not ticked on the checklist:")
                + "\n"
                + "\n".join(missing)
                + "\n"
                + _("Approve anyway only with a reason; it is kept in the history and reports.")
            )
            self.missing.setWordWrap(True)
            self.missing.setObjectName("warningNote")
            self.form.addRow(self.missing)
            self.override = QPlainTextEdit()
            self.override.setTabChangesFocus(True)
            self.override.setFixedHeight(70)
            self.override.setPlaceholderText(_("Why it may go out without these"))
            self.add_field("override", _("&Reason to approve anyway"), self.override)
            values["override"] = lambda: self.override.toPlainText().strip()
        if target == "approved" and variant.status == "review":
            steps = workflow.history(session.db, variant.id)
            submitted = max(
                (i for i, e in enumerate(steps) if e.to_status == "review" and e.level is None),
                default=-1,
            )
            earlier = [e for e in steps[submitted + 1 :] if e.override_reason]
            if earlier:  # a later level sees what an earlier one let through, and why
                note = QLabel(
                    _("{name} approved without {items} at an earlier level: {reason}").format(
                        name=earlier[-1].member_name or "—",
                        items="; ".join(earlier[-1].overridden),
                        reason=earlier[-1].override_reason,
                    )
                )
                note.setWordWrap(True)
                note.setObjectName("warningNote")
                self.form.addRow(note)
        if target in ("approved", "changes"):
            self.comment = QPlainTextEdit()
            self.comment.setTabChangesFocus(True)
            self.comment.setFixedHeight(90)
            if target == "changes":
                self.comment.setPlaceholderText(_("What should change, for the writer"))
            self.add_field("comment", _("&Comment"), self.comment)
            values["comment"] = lambda: self.comment.toPlainText().strip()
        if target == "published":
            self.url = QLineEdit()
            self.url.setPlaceholderText("https://")
            self.add_field("url", _("&Link to the post"), self.url)
            now = dt.datetime.now(tz)
            planned = variant.planned
            default = planned if planned is not None and planned <= now else now
            self.published = QDateTimeEdit(to_qt(local_naive(default.astimezone(tz))))
            self.published.setCalendarPopup(True)
            self.published.setDisplayFormat("d MMM yyyy  HH:mm")
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(self.published, 1)
            line.addWidget(QLabel(timezone.abbreviation(now)))
            self.add_field("published_at", _("&Published at"), row)
            values["url"] = lambda: self.url.text().strip()
            values["published_at"] = lambda: from_qt(self.published.dateTime())
        if target == "changes":
            self.set_validator(
                lambda: (
                    {}
                    if self.comment.toPlainText().strip()
                    else {"comment": _("say what needs to change")}
                )
            )
        if missing:
            self.set_validator(
                lambda: (
                    {}
                    if self.override.toPlainText().strip()
                    else {"override": _("write why it may be approved without them")}
                )
            )
        self.save = lambda: {key: read() for key, read in values.items()}


def ask_step(parent: QWidget, session: Session, variant: Variant, target: str) -> dict | None:
    """The keywords the step needs (by, comment, url, published_at), {} when it needs none,
    None when the user cancelled. With nobody to answer, steps that ask are not taken."""
    from gui.tabs import nobody_to_ask

    levels = workflow.levels_for_unit(session.db, posts.get(session.db, variant.post_id).unit_id)
    approving = target == "approved" and variant.status != "scheduled"  # not: unschedule
    asks = approving and (levels or workflow.needs_override(session.db, variant.id))
    if target not in ("changes", "published") and not asks:
        return {}
    if nobody_to_ask():
        print(f"{step_title(variant.status, target)}: {_('nobody to answer')}", file=sys.stderr)
        return None
    dialog = StepDialog(session, variant, target, parent)
    return dialog.saved if dialog.exec() else None


class VariantEditor(QWidget):
    """The tab of one account. `variant` is None until the post is first saved with it."""

    #: Any edit of the text, hashtags or time.
    edited = Signal()

    def __init__(
        self,
        session: Session,
        account: Account,
        variant: Variant | None,
        master_text: Callable[[], str],
        attachments: Callable[[], list[Attachment]],
        save_first: Callable[[], bool],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.account = account
        self.variant = variant
        self.master_text = master_text
        self.attachments = attachments
        self.save_first = save_first
        tz = timezone.institution_zone(session.db)

        self.badge = QLabel()
        self.badge.setObjectName("statusBadge")
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.level = QLabel()
        self.level.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_from_master)
        self.snippet_button = QToolButton()
        self.snippet_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snippet_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.snippet_menu = QMenu(self)
        self.snippet_button.setMenu(self.snippet_menu)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.hashtags = QLineEdit()
        self.hashtags.setPlaceholderText("#SobatMutu #BMSN")
        self.planned = PlannedTimeEdit(tz)
        self.problems = error_label()
        self.notes = QLabel()  # warnings, and what saving a vetted text would do
        self.notes.setObjectName("warningNote")
        self.notes.setWordWrap(True)
        self.steps = QGridLayout()  # a few buttons a row: the tab stays narrow
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("formError")
        self.message.hide()
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(5)
        self.history.setMinimumHeight(90)
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        self.preview = PostPreview(account)
        self.blocked: list[str] = []
        self.hints = hint_label()  # register hints for the text as typed: advice only
        self.hints.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.checklist = ChecklistPanel(self.tick_item)
        self.checklist.ticked.connect(self._ticked)
        self.lower = QTabWidget()
        self.lower.setDocumentMode(True)
        self.lower.addTab(self.checklist, "")
        self.lower.addTab(self.history, "")

        top = QHBoxLayout()
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.snippet_button)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        self.hashtags_label = QLabel()
        self.hashtags_label.setBuddy(self.hashtags)
        self.planned_label = QLabel()
        self.planned_label.setBuddy(self.planned.edit)
        fields.addRow(self.hashtags_label, self.hashtags)
        fields.addRow(self.planned_label, self.planned)
        self.steps_row = QWidget()
        steps_outer = QHBoxLayout(self.steps_row)
        steps_outer.setContentsMargins(0, 0, 0, 0)
        steps_outer.addLayout(self.steps)
        steps_outer.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(self.level)
        column.addWidget(self.text, 3)
        column.addWidget(self.counter)
        column.addWidget(self.hints)
        column.addLayout(fields)
        column.addWidget(self.problems)
        column.addWidget(self.notes)
        column.addWidget(self.steps_row)
        column.addWidget(self.message)
        column.addWidget(self.lower, 3)
        layout = QHBoxLayout(self)
        layout.addLayout(column, 1)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        for label in (self.level, self.problems):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notes.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.text.textChanged.connect(self._edited)
        self.hashtags.textChanged.connect(self._edited)
        self.planned.changed.connect(self.edited.emit)
        self.load(variant)
        self.translate_ui()

    # -- showing ---------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.copy_button.setText(_("Cop&y from master"))
        self.copy_button.setToolTip(_("Replace this text with the post's master text"))
        self.snippet_button.setText(_("Ins&ert snippet"))
        self.hashtags_label.setText(_("&Hashtags"))
        self.planned_label.setText(_("&Time"))
        self.lower.setTabText(1, _("History"))
        self.history.setHeaderLabels([_("When"), _("Who"), _("Step"), _("Level"), _("Comment")])
        self.planned.translate_ui()
        self.preview.translate_ui()
        self.fill_snippets()
        self.refresh()

    def tab_title(self) -> str:
        return (
            f"{accounts.platform_title(self.account.platform)} {accounts.handle_text(self.account)}"
        )

    def load(self, variant: Variant | None, default_time: dt.datetime | None = None) -> None:
        """Show `variant` as stored (a new one: empty text, `default_time`)."""
        self.variant = variant
        for widget in (self.text, self.hashtags):
            widget.blockSignals(True)
        self.text.setPlainText(variant.text if variant else "")
        self.hashtags.setText(variant.hashtags if variant else "")
        for widget in (self.text, self.hashtags):
            widget.blockSignals(False)
        self.planned.set_value(variant.planned if variant else default_time)
        # A published or cancelled variant stays on its day (core refuses to move it).
        finished = variant is not None and variant.status in posts.FINISHED
        self.planned.setEnabled(not finished and not self.session.read_only)
        self.loaded = self.values()
        self.refresh()

    def values(self) -> tuple[str, str, dt.datetime | None]:
        return self.text.toPlainText(), self.hashtags.text(), self.planned.value()

    @property
    def dirty(self) -> bool:
        return self.variant is None or self.values() != self.loaded

    def fill_snippets(self) -> None:
        self.snippet_menu.clear()
        found = pillars.list_snippets(self.session.db)
        for kind, title in (("hashtags", _("Hashtag groups")), ("text", _("Text snippets"))):
            chosen = [s for s in found if s.kind == kind]
            if not chosen:
                continue
            self.snippet_menu.addSection(title)
            for snippet in chosen:
                action = self.snippet_menu.addAction(snippet.name)
                action.setToolTip(snippet.body)
                action.triggered.connect(lambda _on=False, s=snippet: self.insert_snippet(s))
        if not found:
            empty = self.snippet_menu.addAction(_("No snippets yet: add them in Edit lists…"))
            empty.setEnabled(False)

    def _edited(self) -> None:
        self.refresh_count()
        self.refresh_notes()
        self.refresh_checklist()
        self.edited.emit()

    def refresh(self) -> None:
        """Everything that depends on the stored variant and the current text."""
        self.refresh_state()
        self.refresh_count()
        self.refresh_notes()
        self.refresh_checklist()

    def refresh_checklist(self) -> None:
        """The checklist for the text as typed, and the register hints beside the text."""
        text, tags = self.text.toPlainText(), self.hashtags.text()
        found = guidelines.text_hints(self.session.db, self.account.platform, text, tags)
        self.hints.setText("\n".join(f"• {hint.message}" for hint in found))
        self.hints.setToolTip(
            _("Hints on the register: advice for the writer; the reviewer decides.")
        )
        self.hints.setVisible(bool(found))
        if self.variant is None:
            self.checklist.show_rows([], False, _("Save the post to tick its checklist."))
            self.lower.setTabText(0, _("Checklist"))
            return
        has_image = any(a.is_image for a in self.attachments())
        rows = guidelines.checklist(
            self.session.db,
            self.variant.id,
            text=text,
            hashtags=tags,
            has_image=has_image,
            found_hints=found,
        )
        status = self.variant.status
        open_ = status in guidelines.OPEN_STATUSES and not self.session.read_only
        note = ""
        if status not in guidelines.OPEN_STATUSES:
            note = _("The checklist is closed: it is the record of the review.")
        elif not rows:
            note = _("No checklist items for this platform: add them in the Guidelines tab.")
        self.checklist.show_rows(rows, open_, note)
        done, count = self.checklist.counts()
        self.lower.setTabText(
            0,
            _("Checklist {done}/{count}").format(done=done, count=count)
            if count
            else _("Checklist"),
        )

    def tick_item(self, item_id: int, ticked: bool) -> bool:
        """Store a tick for the text as shown (saving pending edits first), as the member
        working here; a refusal shows its reason."""
        self.show_message("")
        if not self.save_first() or self.variant is None:
            return False
        from gui.acting import member_for_step

        try:
            guidelines.set_tick(
                self.session.db,
                self.variant.id,
                item_id,
                ticked,
                by=member_for_step(self, self.session),
            )
        except LinimasaError as error:
            self.show_message(str(error))
            return False
        return True

    def _ticked(self) -> None:
        self.reload()
        notify("guidelines")

    def refresh_count(self) -> None:
        text, tags = self.text.toPlainText(), self.hashtags.text()
        count = limits.count(self.account.platform, text, tags)
        parts = []
        if count.title_allowed is not None:
            parts.append(
                _("Title {used} / {allowed}").format(
                    used=fmt.number(count.title_used), allowed=fmt.number(count.title_allowed)
                )
            )
            label = _("Description {used} / {allowed}")
        else:
            label = "{used} / {allowed}"
        if count.allowed is not None:
            parts.append(
                label.format(used=fmt.number(count.used), allowed=fmt.number(count.allowed))
            )
        else:
            parts.append(_("{used} characters").format(used=fmt.number(count.used)))
        if count.hashtags_allowed is not None:
            parts.append(
                _("Hashtags {used} / {allowed}").format(
                    used=fmt.number(count.hashtags), allowed=fmt.number(count.hashtags_allowed)
                )
            )
        self.counter.setText("  ·  ".join(parts))
        self.counter.setProperty("over", count.over)
        self.counter.setStyleSheet("color: #b3261e; font-weight: 600;" if count.over else "")
        self.counter.setToolTip(
            _("Counted as {platform} counts").format(
                platform=accounts.platform_title(self.account.platform)
            )
        )
        problems = count.problems()
        stored = self.variant is not None and self.values() == self.loaded
        if stored and self.variant.status in workflow.APPROVE_FROM:
            # What approval would check is what is stored: its rules' problems too.
            problems += workflow.approval_problems(self.session.db, self.variant.id)
            missing = workflow.needs_override(self.session.db, self.variant.id)
            if missing:
                problems.append(
                    _(
                        "{n} required checklist item(s) not ticked: approval needs them, or "
                        "an approver's reason."
                    ).format(n=len(missing))
                )
        problems = [sentence(p) for p in dict.fromkeys(problems)]
        approve = self.step_buttons().get("approved")
        if approve is not None:  # over the limit it would be refused: say so at once
            blocked = self.blocked or ([sentence(p) for p in count.problems()])
            approve.setEnabled(not blocked)
            approve.setToolTip("\n".join(blocked))
        self.problems.setText("\n".join(dict.fromkeys(problems)))
        self.problems.setVisible(bool(problems))
        self.preview.show_post(text, tags, self.attachments())

    def refresh_notes(self) -> None:
        notes = []
        if self.variant is not None:
            fixed = self.session.fixed_today  # demo and screenshots: noon of their day
            now = dt.datetime.combine(fixed, dt.time(12, 0)) if fixed else None
            notes += workflow.warnings(self.session.db, self.variant.id, now)
            changed = self.values()[:2] != self.loaded[:2]
            if changed and self.variant.status in posts.VETTED:
                notes.append(_("Saving the changed text sends it back to draft for review."))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def refresh_state(self) -> None:
        while self.steps.count():
            widget = self.steps.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        variant = self.variant
        if variant is None:
            self.badge.setText(_("Not saved yet"))
            self.badge.setStyleSheet(self._badge_style("#8a8a8a"))
            self.level.setText(_("Save the post to start its workflow."))
            self.history.clear()
            self.lower.setTabEnabled(1, False)
            return
        self.lower.setTabEnabled(1, True)
        db = self.session.db
        self.badge.setText(posts.status_title(variant.status))
        self.badge.setStyleSheet(self._badge_style(STATUS_COLORS[variant.status]))
        state = workflow.approval_state(db, variant.id)
        if variant.status == "review" and state.next_level is not None:
            level = state.next_level
            self.level.setText(
                _("Level {position} of {count}: {title}").format(
                    position=level.position, count=len(state.levels), title=level.title
                )
            )
        elif variant.status == "published" and variant.published is not None:
            self.level.setText(
                _("Published {when}").format(
                    when=fmt.datetime_in_zone(variant.published, variant.published.tzinfo)
                )
            )
        else:
            self.level.setText("")
        self.level.setToolTip(variant.url)
        #: What stands in the way of approving the stored variant (core's rules).
        self.blocked = [sentence(p) for p in workflow.approval_problems(db, variant.id)]
        asks_who = bool(state.levels)
        for target in workflow.allowed_targets(db, variant.id):
            title = step_title(variant.status, target)
            if target == "approved" and not asks_who:
                title = _("Approve")  # no level: nothing to ask
            button = QPushButton(title)
            button.setAutoDefault(False)
            button.setProperty("target", target)
            button.clicked.connect(lambda _on=False, t=target: self.run_step(t))
            place = self.steps.count()
            self.steps.addWidget(button, place // STEPS_PER_ROW, place % STEPS_PER_ROW)
        self.steps_row.setEnabled(not self.session.read_only)
        self.history.clear()
        for entry in workflow.history(db, variant.id):
            step = posts.status_title(entry.to_status)
            if entry.level and entry.from_status == entry.to_status:
                step = _("Approved at level {level}").format(level=entry.level)
            elif entry.from_status:
                step = f"{posts.status_title(entry.from_status)} → {step}"
            comment = entry.comment
            if entry.override_reason:
                anyway = _("Approved anyway: {reason}").format(reason=entry.override_reason)
                comment = f"{comment}\n{anyway}" if comment else anyway
            row = QTreeWidgetItem(
                [
                    fmt.datetime_short(entry.when),
                    entry.member_name or "—",
                    step,
                    str(entry.level) if entry.level else "",
                    comment,
                ]
            )
            if entry.overridden:
                row.setToolTip(4, "\n".join(entry.overridden))
            self.history.addTopLevelItem(row)
        self.history.scrollToBottom()

    @staticmethod
    def _badge_style(color: str) -> str:
        return (
            f"background: {color}; color: white; border-radius: 9px; padding: 2px 10px;"
            " font-weight: 600;"
        )

    def step_buttons(self) -> dict[str, QPushButton]:
        """The workflow buttons shown now, by the status they lead to."""
        found = {}
        for index in range(self.steps.count()):
            widget = self.steps.itemAt(index).widget()
            if widget is not None and not widget.isHidden():
                found[widget.property("target")] = widget
        return found

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- editing ---------------------------------------------------------------------------

    def copy_from_master(self) -> None:
        self.text.setPlainText(self.master_text())

    def insert_snippet(self, snippet: pillars.Snippet) -> None:
        if snippet.kind == "hashtags":
            combined = pillars.insert_snippet(self.hashtags.text(), snippet.body)
            self.hashtags.setText(" ".join(combined.split()))
        else:
            self.text.setPlainText(pillars.insert_snippet(self.text.toPlainText(), snippet.body))
        self.text.setFocus()

    # -- workflow --------------------------------------------------------------------------

    def run_step(self, target: str) -> None:
        """Save pending edits, ask what the step needs, take it; a refusal shows its reason."""
        self.show_message("")
        if not self.save_first() or self.variant is None:
            return
        db = self.session.db
        try:
            variant = posts.get_variant(db, self.variant.id)
            wanted = ask_step(self, self.session, variant, target)
            if wanted is None:
                return
            if "by" not in wanted:  # an approver is chosen in the step's dialog
                from gui.acting import member_for_step

                wanted["by"] = member_for_step(self, self.session)
            workflow.transition(db, variant.id, target, **wanted)
        except LinimasaError as error:
            self.show_message(str(error))
            self.reload()
            return
        self.reload()
        notify("posts", ids={variant.id})

    def reload(self) -> None:
        if self.variant is not None:
            self.load(posts.get_variant(self.session.db, self.variant.id))
