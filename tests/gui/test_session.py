"""The GUI's "today" is the institution's date, not the computer's."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from core import settings, timezone
from gui.session import Session


def test_today_follows_the_institutions_zone(db):
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    session = Session(db)
    expected = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Jayapura")).date()
    if session.today != expected:  # midnight passed between the two readings
        expected = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Jayapura")).date()
    assert session.today == expected


def test_today_is_the_zones_date_even_when_the_computers_date_differs(db, monkeypatch):
    # A zone whose date differs from UTC's right now (−12 h in the UTC morning, +14 h after).
    utc = dt.datetime.now(dt.UTC)
    far = dt.timezone(dt.timedelta(hours=-12 if utc.hour < 12 else 14))
    monkeypatch.setattr(timezone, "institution_zone", lambda _db: far)
    today = Session(db).today
    assert today == dt.datetime.now(far).date()
    assert today != dt.datetime.now(dt.UTC).date()


def test_a_fixed_day_stays_fixed(db):
    assert Session(db, today=dt.date(2026, 11, 25)).today == dt.date(2026, 11, 25)
