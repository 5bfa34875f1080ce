"""The account security checklist: statuses only, never a secret, and a badge with clear edges."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core import accounts, security
from core.errors import ValidationError
from core.i18n import _
from core.security import Checklist

TODAY = dt.date(2026, 11, 25)
ALL_DONE = dict(
    two_factor=True,
    two_factor_method="app",
    verified=True,
    login_owned=True,
    two_admins=True,
    recovery_offline=True,
    recovery_where="Brankas Biro Humas",
    password_changed_on="2026-09-01",
    reviewed_on="2026-10-01",
)


@pytest.fixture
def account(db):
    return accounts.create(db, "instagram", "humas_contoh")


def test_no_column_could_hold_a_secret(db):
    """The only 'password' allowed in a column name is the date it was last changed."""
    suspicious = re.compile(r"password|passwd|secret|token|pin|otp|code|kata_sandi|sandi", re.I)
    for (table,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for column in db.query(f"PRAGMA table_info({table})"):
            name = column[1]
            if suspicious.search(name):
                assert name == "password_changed_on", f"{table}.{name} could hold a secret"
                assert (
                    db.query("SELECT sql FROM sqlite_master WHERE name = 'account_security'")[0][
                        0
                    ].count("password_changed_on GLOB")
                    == 1
                )  # a date, checked as one
    assert not any(suspicious.search(f) and f != "password_changed_on" for f in security.COLUMNS)


def test_a_password_date_that_is_not_a_date_is_refused(db, account):
    with pytest.raises(ValidationError) as info:
        security.save(db, Checklist(account.id, password_changed_on="rahasia123"))
    assert info.value.field == "password_changed_on"
    assert not security.get(db, account.id).recorded


def test_nothing_recorded_is_unchecked(db, account):
    checklist = security.get(db, account.id)
    assert not checklist.recorded
    assert security.status(checklist, TODAY) == "unchecked"


def test_all_done_and_reviewed_within_six_months_is_green(db, account):
    saved = security.save(db, Checklist(account.id, **ALL_DONE))
    assert saved.recorded
    assert security.status(saved, TODAY) == "green"
    assert security.problems(saved, TODAY) == []


@pytest.mark.parametrize(
    ("reviewed_on", "expected"),
    [("2026-05-25", "green"), ("2026-05-24", "amber"), (None, "amber")],
)
def test_the_review_is_overdue_after_six_months_to_the_day(db, account, reviewed_on, expected):
    saved = security.save(db, Checklist(account.id, **{**ALL_DONE, "reviewed_on": reviewed_on}))
    assert security.status(saved, TODAY) == expected


@pytest.mark.parametrize("item", ["verified", "two_admins", "recovery_offline"])
def test_one_item_missing_is_amber(db, account, item):
    saved = security.save(db, Checklist(account.id, **{**ALL_DONE, item: False}))
    assert security.status(saved, TODAY) == "amber"
    assert len(security.problems(saved, TODAY)) == 1


def test_an_unrecorded_login_owner_is_amber_not_green(db, account):
    saved = security.save(db, Checklist(account.id, **{**ALL_DONE, "login_owned": None}))
    assert security.status(saved, TODAY) == "amber"


@pytest.mark.parametrize(
    "change",
    [{"two_factor": False}, {"login_owned": False}, {"two_factor": False, "verified": False}],
)
def test_two_factor_off_or_a_personal_login_is_red(db, account, change):
    saved = security.save(db, Checklist(account.id, **{**ALL_DONE, **change}))
    assert security.status(saved, TODAY) == "red"
    cause = (
        _("Two-factor authentication is off")
        if change.get("two_factor") is False
        else _("The login is a personal e-mail address or phone")
    )
    assert security.problems(saved, TODAY)[0] == cause  # the reason it is red comes first


def test_the_method_is_kept_only_while_two_factor_is_on(db, account):
    saved = security.save(db, Checklist(account.id, **{**ALL_DONE, "two_factor": False}))
    assert saved.two_factor_method == ""


def test_a_review_in_the_future_is_refused(db, account):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    with pytest.raises(ValidationError) as info:
        security.save(db, Checklist(account.id, **{**ALL_DONE, "reviewed_on": future}))
    assert info.value.field == "reviewed_on"


def test_peers_have_no_checklist(db):
    peer = accounts.create(db, "instagram", "peer_body", peer=True)
    with pytest.raises(ValidationError):
        security.save(db, Checklist(peer.id, **ALL_DONE))
    assert peer.id not in security.statuses(db, TODAY)


def test_restore_puts_back_the_checklist_as_it_was(db, account):
    before = security.get(db, account.id)
    security.save(db, Checklist(account.id, **ALL_DONE))
    security.restore(db, before)
    assert not security.get(db, account.id).recorded
    first = security.save(db, Checklist(account.id, **ALL_DONE))
    security.save(db, Checklist(account.id, two_factor=False))
    security.restore(db, first)
    assert security.get(db, account.id) == first


def test_overview_lists_accounts_at_risk_worst_first(db):
    green = accounts.create(db, "instagram", "aman")
    red = accounts.create(db, "facebook", "bahaya")
    amber = accounts.create(db, "x", "hampir")
    unchecked = accounts.create(db, "youtube", "belum")
    archived = accounts.create(db, "tiktok", "lama")
    accounts.set_archived(db, archived.id, True)
    security.save(db, Checklist(green.id, **ALL_DONE))
    security.save(db, Checklist(red.id, **{**ALL_DONE, "login_owned": False}))
    security.save(db, Checklist(amber.id, **{**ALL_DONE, "reviewed_on": None}))
    rows = security.overview(db, TODAY)
    assert [(r.handle, r.status) for r in rows] == [
        ("bahaya", "red"),
        ("belum", "unchecked"),
        ("hampir", "amber"),
    ]
    assert unchecked.id in security.statuses(db, TODAY)
