"""Reporting periods: months, quarters and years with their titles; the recent ones offered;
the default a monthly report wants; units found by name."""

import datetime as dt

import pytest

from core import periods, units
from core.errors import ValidationError

D = dt.date
TODAY = D(2026, 11, 25)


def test_month_quarter_and_year_ranges():
    assert periods.month(2024, 2) == (D(2024, 2, 1), D(2024, 2, 29))
    assert periods.quarter(2026, 4) == (D(2026, 10, 1), D(2026, 12, 31))
    assert periods.year(2019) == (D(2019, 1, 1), D(2019, 12, 31))
    with pytest.raises(ValidationError):
        periods.quarter(2026, 5)


def test_titles_in_indonesian():
    assert periods.title("month", *periods.month(2019, 8)) == "Agustus 2019"
    assert periods.title("quarter", *periods.quarter(2026, 4)) == "Triwulan IV 2026"
    assert periods.title("year", *periods.year(2026)) == "2026"
    assert periods.title("custom", D(2026, 1, 1), D(2026, 3, 15)) == "1 Jan 2026 – 15 Mar 2026"


def test_recent_periods_cross_year_ends_newest_first():
    assert periods.recent("month", D(2026, 2, 10), 3) == [
        periods.month(2026, 2),
        periods.month(2026, 1),
        periods.month(2025, 12),
    ]
    assert periods.recent("quarter", D(2026, 2, 10), 2) == [
        periods.quarter(2026, 1),
        periods.quarter(2025, 4),
    ]
    assert periods.recent("year", TODAY, 2) == [periods.year(2026), periods.year(2025)]


def test_a_monthly_report_defaults_to_the_last_full_month():
    assert periods.default("month", TODAY) == periods.month(2026, 10)
    assert periods.default("month", D(2026, 1, 3)) == periods.month(2025, 12)
    assert periods.default("quarter", TODAY) == periods.quarter(2026, 4)


def test_units_found_by_name_or_short_name(db):
    bureau = units.create(db, "Biro Hubungan Masyarakat", "Humas")
    units.create(db, "Balai Timur", "BT")
    units.create(db, "Balai Barat", "BT")
    assert units.find(db, "humas") == bureau
    assert units.find(db, " biro hubungan masyarakat ") == bureau
    with pytest.raises(ValidationError, match="Balai Barat, Balai Timur|Balai Timur, Balai Barat"):
        units.find(db, "BT")
    with pytest.raises(ValidationError):
        units.find(db, "Biro Lain")
