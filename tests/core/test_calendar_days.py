"""The calendar's day layer: holidays and collective leave from the holidays package, the
team's commemorative days, the institution's anniversary."""

import datetime as dt

import pytest

from core import calendar_days, i18n
from core.errors import ValidationError


def names(found, day):
    return [(m.name, m.kind) for m in found.get(day, [])]


def test_independence_day_2025_is_a_public_holiday_in_indonesian(db):
    found = calendar_days.marks(db, dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    assert ("Hari Kemerdekaan Republik Indonesia", "holiday") in names(found, dt.date(2025, 8, 17))


def test_collective_leave_is_marked_as_such(db):
    found = calendar_days.marks(db, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert names(found, dt.date(2026, 12, 24)) == [("Cuti Bersama Hari Raya Natal", "leave")]
    assert found[dt.date(2026, 12, 24)][0].day_off


def test_holiday_names_follow_the_interface_language(db):
    with i18n.language_context("en"):
        found = calendar_days.marks(db, dt.date(2025, 8, 17), dt.date(2025, 8, 17))
    assert names(found, dt.date(2025, 8, 17))[0] == ("Independence Day", "holiday")


def test_a_new_file_has_the_usual_commemorative_days_not_the_demo_s_own(db):
    listed = {(o.month, o.day, o.name) for o in calendar_days.observances(db)}
    assert {(4, 21, "Hari Kartini"), (5, 20, "Hari Kebangkitan Nasional")} <= listed
    assert (11, 25, "Hari Guru Nasional") in listed
    assert not any("BMSN" in name or "Kilas Balik" in name for _m, _d, name in listed)


def test_a_commemorative_day_the_holidays_name_is_not_repeated(db):
    found = calendar_days.marks(db, dt.date(2026, 6, 1), dt.date(2026, 6, 1))
    assert names(found, dt.date(2026, 6, 1)) == [("Hari Lahir Pancasila", "holiday")]


def test_the_team_adds_edits_and_deletes_its_days(db):
    added = calendar_days.add_observance(db, 9, 9, "Hari Olahraga Nasional")
    found = calendar_days.marks(db, dt.date(2027, 9, 9), dt.date(2027, 9, 9))
    assert names(found, dt.date(2027, 9, 9)) == [("Hari Olahraga Nasional", "observance")]
    calendar_days.update_observance(db, added.id, 9, 10, "Hari Olahraga Nasional")
    calendar_days.delete_observance(db, added.id)
    assert not calendar_days.marks(db, dt.date(2027, 9, 9), dt.date(2027, 9, 10))


@pytest.mark.parametrize(
    ("month", "day", "name", "field"),
    [(2, 30, "Hari X", "day"), (13, 1, "Hari X", "month"), (1, 5, "  ", "name")],
)
def test_a_wrong_day_is_refused(db, month, day, name, field):
    with pytest.raises(ValidationError) as info:
        calendar_days.add_observance(db, month, day, name)
    assert info.value.field == field


def test_the_anniversary_counts_the_years_and_29_february_falls_on_the_28th(db):
    calendar_days.set_founded(db, dt.date(2000, 2, 29))
    found = calendar_days.marks(db, dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    (mark,) = found[dt.date(2026, 2, 28)]
    assert mark.kind == "anniversary" and mark.name == "Hari jadi lembaga ke-26"
    calendar_days.set_founded(db, None)
    assert calendar_days.founded(db) is None
    assert dt.date(2026, 2, 28) not in calendar_days.marks(
        db, dt.date(2026, 2, 1), dt.date(2026, 3, 1)
    )


def test_in_english_a_holiday_is_not_repeated_by_its_indonesian_day(db):
    with i18n.language_context("en"):
        found = calendar_days.marks(db, dt.date(2026, 8, 17), dt.date(2026, 8, 17))
    assert [m.kind for m in found[dt.date(2026, 8, 17)]] == ["holiday"]
