"""Who is working at this computer: the team member the history names for the steps taken
here. Linimasa has no log-in (one office PC, one file, a small team), so this is a per-computer
preference for each file, asked once at the first workflow step and changed from
Edit > Your name…; the file itself only ever stores the member's id in the history."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from core import members
from core.i18n import _
from core.members import Member
from gui.session import Session


def _key(session: Session) -> str:
    return f"acting_member/{session.shown_path}"


def current_member(session: Session) -> Member | None:
    """The member chosen on this computer for this file, if still active in its team."""
    uid = QSettings().value(_key(session), "")
    if not uid:
        return None
    return next((m for m in members.list_all(session.db) if m.uid == uid), None)


def set_member(session: Session, member: Member | None) -> None:
    QSettings().setValue(_key(session), member.uid if member else "")


def choose_member(parent: QWidget | None, session: Session) -> Member | None:
    """Ask who is working here (None: cancelled, or nobody to ask, or no team yet)."""
    from gui.tabs import nobody_to_ask

    team = members.list_all(session.db)
    if not team or nobody_to_ask():
        return None
    current = current_member(session)
    names = [f"{m.name} ({members.role_title(m.role)})" for m in team]
    start = team.index(current) if current in team else 0
    name, chosen = QInputDialog.getItem(
        parent,
        _("Your name"),
        _("Who is working on this computer? The posts' history names you for each step you take."),
        names,
        start,
        False,
    )
    if not chosen:
        return None
    member = team[names.index(name)]
    set_member(session, member)
    return member


def member_for_step(parent: QWidget | None, session: Session) -> int | None:
    """The id to record for a step taken now: the chosen member, asked for once if unknown."""
    member = current_member(session) or choose_member(parent, session)
    return member.id if member else None
