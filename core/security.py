"""Each account's security checklist, and the badge it earns.

Linimasa records the *status* of an account's security (two-factor authentication on, the
login owned by the institution, a review date…), never a secret: there is no field that
could hold a password, a code or a token (tests/core/test_security.py checks the schema).

The badge:
- red: two-factor authentication is off, or the login e-mail/phone is a personal one;
- green: every item done and the last review within `REVIEW_MONTHS` months;
- amber: anything in between (the review overdue or missing, an item not done yet);
- unchecked: nothing recorded yet for the account.
Peer accounts (other institutions') have no checklist and no badge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace

from core import timezone, validate
from core.db import Database, new_uid, now_iso
from core.errors import ValidationError
from core.i18n import N_, _

REVIEW_MONTHS = 6
METHODS = ("", "app", "sms", "key")
METHOD_TITLES = {
    "": N_("(not recorded)"),
    "app": N_("Authenticator app"),
    "sms": N_("SMS"),
    "key": N_("Security key"),
}
#: Worst first: the order of the at-risk list.
STATUSES = ("red", "unchecked", "amber", "green")
STATUS_TITLES = {
    "red": N_("At risk"),
    "unchecked": N_("Not checked yet"),
    "amber": N_("Needs attention"),
    "green": N_("Secure"),
}
#: The items of the checklist that must all be done for green, with their titles.
ITEMS = {
    "two_factor": N_("Two-factor authentication on"),
    "verified": N_("Verified badge"),
    "login_owned": N_("Login e-mail/phone owned by the institution"),
    "two_admins": N_("At least two admins have access"),
    "recovery_offline": N_("Recovery codes stored offline"),
}


def method_title(method: str) -> str:
    return _(METHOD_TITLES[method])


def status_title(status: str) -> str:
    return _(STATUS_TITLES[status])


@dataclass(frozen=True)
class Checklist:
    account_id: int
    two_factor: bool = False
    two_factor_method: str = ""
    verified: bool = False
    #: True: an institution address or number; False: a personal one; None: not recorded.
    login_owned: bool | None = None
    two_admins: bool = False
    recovery_offline: bool = False
    #: Where the recovery codes are kept (text, e.g. "brankas Biro Humas"), never the codes.
    recovery_where: str = ""
    password_changed_on: str | None = None
    reviewed_on: str | None = None
    #: Filled in when read: the checklist has been recorded at least once.
    recorded: bool = field(default=False, compare=False)


COLUMNS = tuple(f.name for f in fields(Checklist) if f.name != "recorded")


def _row(row) -> Checklist:
    owned = row["login_owned"]
    return Checklist(
        row["account_id"],
        bool(row["two_factor"]),
        row["two_factor_method"],
        bool(row["verified"]),
        None if owned is None else bool(owned),
        bool(row["two_admins"]),
        bool(row["recovery_offline"]),
        row["recovery_where"],
        row["password_changed_on"],
        row["reviewed_on"],
        recorded=True,
    )


def get(db: Database, account_id: int) -> Checklist:
    """The account's checklist (an empty, unrecorded one if nothing was saved yet)."""
    row = db.conn.execute(
        "SELECT * FROM account_security WHERE account_id = ?", (account_id,)
    ).fetchone()
    return _row(row) if row is not None else Checklist(account_id)


def save(db: Database, checklist: Checklist, today: dt.date | None = None) -> Checklist:
    """Record the checklist of an account of ours (all fields, one transaction). Dates after
    `today` are refused (default: the latest of the institution's and this computer's today;
    demo data made for another day passes its own)."""
    today = today or timezone.latest_today(db)
    account = db.conn.execute(
        "SELECT peer FROM accounts WHERE id = ?", (checklist.account_id,)
    ).fetchone()
    if account is None:
        raise ValidationError("account_id", checklist.account_id, _("no such account"))
    if account["peer"]:
        raise ValidationError(
            "account_id",
            checklist.account_id,
            _("an account of another institution has no security checklist"),
        )
    method = validate.choice("two_factor_method", checklist.two_factor_method, METHODS)
    record = {
        "account_id": checklist.account_id,
        "two_factor": int(bool(checklist.two_factor)),
        "two_factor_method": method if checklist.two_factor else "",
        "verified": int(bool(checklist.verified)),
        "login_owned": None if checklist.login_owned is None else int(bool(checklist.login_owned)),
        "two_admins": int(bool(checklist.two_admins)),
        "recovery_offline": int(bool(checklist.recovery_offline)),
        "recovery_where": validate.text(
            "recovery_where", checklist.recovery_where, required=False, max_length=200
        ),
        "password_changed_on": validate.date(
            "password_changed_on", checklist.password_changed_on, required=False, latest=today
        ),
        "reviewed_on": validate.date(
            "reviewed_on", checklist.reviewed_on, required=False, latest=today
        ),
        "updated_at": now_iso(),
    }
    with db.transaction():
        exists = db.conn.execute(
            "SELECT uid FROM account_security WHERE account_id = ?", (checklist.account_id,)
        ).fetchone()
        record["uid"] = exists[0] if exists else new_uid()
        names = ", ".join(record)
        marks = ", ".join(f":{name}" for name in record)
        db.conn.execute(
            f"INSERT OR REPLACE INTO account_security ({names}) VALUES ({marks})", record
        )
    return get(db, checklist.account_id)


def forget(db: Database, account_id: int) -> None:
    """Remove an account's checklist (undo of its first recording)."""
    with db.transaction():
        db.conn.execute("DELETE FROM account_security WHERE account_id = ?", (account_id,))


def restore(db: Database, checklist: Checklist) -> None:
    """Put back a checklist exactly as it was read (undo): an unrecorded one is forgotten."""
    if checklist.recorded:
        save(db, replace(checklist))
    else:
        forget(db, checklist.account_id)


def review_due(today: dt.date) -> str:
    """A review older than this day (ISO) is overdue."""
    return timezone.add_months(today, -REVIEW_MONTHS).isoformat()


def status(checklist: Checklist, today: dt.date) -> str:
    """The badge: red, unchecked, amber or green (see the module's description)."""
    if not checklist.recorded:
        return "unchecked"
    if not checklist.two_factor or checklist.login_owned is False:
        return "red"
    if all(getattr(checklist, item) is True for item in ITEMS) and (
        checklist.reviewed_on is not None and checklist.reviewed_on >= review_due(today)
    ):
        return "green"
    return "amber"


def problems(checklist: Checklist, today: dt.date) -> list[str]:
    """What keeps the account from green, worst first, in the user's language."""
    if not checklist.recorded:
        return [_("Nothing recorded yet")]
    found = []
    if not checklist.two_factor:
        found.append(_("Two-factor authentication is off"))
    if checklist.login_owned is False:
        found.append(_("The login is a personal e-mail address or phone"))
    elif checklist.login_owned is None:
        found.append(_("Whose login e-mail/phone it is was not recorded"))
    for item in ("verified", "two_admins", "recovery_offline"):
        if not getattr(checklist, item):
            found.append(_("Not yet: {item}").format(item=_(ITEMS[item])))
    if checklist.reviewed_on is None:
        found.append(_("Never reviewed"))
    elif checklist.reviewed_on < review_due(today):
        found.append(_("Last review more than {n} months ago").format(n=REVIEW_MONTHS))
    return found


@dataclass(frozen=True)
class AccountStatus:
    account_id: int
    platform: str
    handle: str
    unit_name: str
    status: str
    problems: tuple[str, ...]


def statuses(db: Database, today: dt.date) -> dict[int, str]:
    """The badge of every account of ours (not peers), by account id."""
    return {row.account_id: row.status for row in overview(db, today, include_green=True)}


def overview(db: Database, today: dt.date, include_green: bool = False) -> list[AccountStatus]:
    """The accounts at risk, worst first (then by unit and handle): the Keamanan summary.
    Archived and peer accounts are left out."""
    rows = db.query(
        """SELECT a.id, a.platform, a.handle, COALESCE(u.name, '') AS unit_name, s.*
           FROM accounts a
           LEFT JOIN units u ON u.id = a.unit_id
           LEFT JOIN account_security s ON s.account_id = a.id
           WHERE a.archived = 0 AND a.peer = 0"""
    )
    found = []
    for row in rows:
        checklist = _row(row) if row["account_id"] is not None else Checklist(row["id"])
        badge = status(checklist, today)
        if badge == "green" and not include_green:
            continue
        found.append(
            AccountStatus(
                row["id"],
                row["platform"],
                row["handle"],
                row["unit_name"],
                badge,
                tuple(problems(checklist, today)),
            )
        )
    found.sort(key=lambda s: (STATUSES.index(s.status), s.unit_name.lower(), s.handle.lower()))
    return found
