"""The GUI's "today" is the institution's date, not the computer's."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from core import settings
from gui.session import Session


def test_today_follows_the_institutions_zone(db):
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    session = Session(db)
    for _attempt in range(3):  # a midnight between the two readings: read again
        expected = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Jayapura")).date()
        if session.today == expected:
            break
    assert session.today == expected


def test_a_fixed_day_stays_fixed(db):
    assert Session(db, today=dt.date(2026, 11, 25)).today == dt.date(2026, 11, 25)
