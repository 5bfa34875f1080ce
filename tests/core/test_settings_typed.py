"""Settings of every kind come back as what was set, also after closing and opening the file."""

import datetime as dt
import decimal
import logging

import pytest

from core import settings
from core.db import open_database
from core.errors import ValidationError

TYPED = [
    settings.Setting("test.flag", bool, True, "flag"),
    settings.Setting("test.count", int, 7, "count"),
    settings.Setting("test.rate", decimal.Decimal, decimal.Decimal("0.5"), "rate"),
    settings.Setting("test.day", dt.date, dt.date(2026, 1, 1), "day"),
    settings.Setting("test.map", dict, {"fb": 1}, "map"),
    settings.Setting("test.items", list, ["a"], "items"),
]


@pytest.fixture(autouse=True)
def typed_settings(monkeypatch):
    for setting in TYPED:
        monkeypatch.setitem(settings.SETTINGS, setting.key, setting)


def stored_text(db, key):
    return db.query("SELECT value FROM settings WHERE key = ?", (key,))[0][0]


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("test.flag", False, "false"),
        ("test.flag", True, "true"),
        ("test.count", -12, "-12"),
        ("test.count", 0, "0"),
        ("test.rate", decimal.Decimal("2.15"), "2.15"),
        ("test.rate", decimal.Decimal("1E+3"), "1000"),
        ("test.day", dt.date(2026, 11, 25), "2026-11-25"),
        ("test.map", {"x": [1, None, True], "a": "Sobat"}, '{"a":"Sobat","x":[1,null,true]}'),
        ("test.map", {}, "{}"),
        ("test.items", ["Hari Guru", 25, {"b": 2.5}], '["Hari Guru",25,{"b":2.5}]'),
    ],
)
def test_each_kind_round_trips_through_the_file(tmp_path, key, value, text):
    path = tmp_path / "team.sqlite"
    handle = open_database(path, create=True)
    try:
        settings.set(handle, key, value)
        assert stored_text(handle, key) == text
    finally:
        handle.close()
    handle = open_database(path)
    try:
        back = settings.get(handle, key)
        assert back == value and type(back) is type(value)
    finally:
        handle.close()


def test_false_reads_back_as_false_also_as_older_files_wrote_it(db):
    settings.set(db, "test.flag", False)
    assert settings.get(db, "test.flag") is False
    db.conn.execute("INSERT OR REPLACE INTO settings VALUES ('test.flag', 'False')")
    assert settings.get(db, "test.flag") is False


@pytest.mark.parametrize(
    ("key", "given", "expected"),
    [
        ("test.flag", "false", False),
        ("test.count", "42", 42),
        ("test.count", 42.0, 42),
        ("test.rate", "0.25", decimal.Decimal("0.25")),
        ("test.rate", 3, decimal.Decimal(3)),
        ("test.day", "2026-11-25", dt.date(2026, 11, 25)),
        ("test.items", ("a", "b"), ["a", "b"]),
    ],
)
def test_text_and_near_kinds_are_accepted_as_the_kind(db, key, given, expected):
    settings.set(db, key, given)
    assert settings.get(db, key) == expected


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("test.flag", "mungkin"),
        ("test.flag", 1),
        ("test.count", "banyak"),
        ("test.count", 2.5),
        ("test.count", True),
        ("test.rate", "dua"),
        ("test.rate", "NaN"),
        ("test.rate", float("inf")),
        ("test.day", "2026-02-30"),
        ("test.day", dt.datetime(2026, 11, 25, 9, 0)),
        ("test.map", ["not", "a", "map"]),
        ("test.map", {"when": dt.date(2026, 1, 1)}),
        ("test.map", {"x": float("nan")}),
        ("test.items", "a,b"),
        ("institution.timezone", "Asia/Tokyo"),
        ("institution.name", 5),
    ],
)
def test_a_wrong_value_is_refused_naming_key_and_value(db, key, value):
    before = [tuple(row) for row in db.query("SELECT * FROM settings")]
    with pytest.raises(ValidationError) as info:
        settings.set(db, key, value)
    assert info.value.field == key
    assert info.value.value is value or info.value.value == value
    assert key in str(info.value)
    assert [tuple(row) for row in db.query("SELECT * FROM settings")] == before


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("test.flag", "mungkin"),
        ("test.count", "12a"),
        ("test.rate", "Infinity"),
        ("test.day", "25/11/2026"),
        ("test.map", "{not json"),
        ("test.map", "[1, 2]"),
        ("test.items", '{"a": 1}'),
        ("institution.timezone", "Mars/Olympus"),
    ],
)
def test_a_damaged_stored_value_gives_the_default_and_a_warning(db, caplog, key, text):
    db.conn.execute("INSERT INTO settings VALUES (?, ?)", (key, text))
    with caplog.at_level(logging.WARNING, logger="core.settings"):
        assert settings.get(db, key) == settings.SETTINGS[key].default
    assert key in caplog.text and text in caplog.text


def test_a_default_dict_cannot_be_changed_by_its_reader(db):
    settings.get(db, "test.map")["fb"] = 99
    assert settings.get(db, "test.map") == {"fb": 1}


def test_time_zone_choices_have_titles_and_are_kept(db):
    assert settings.get(db, "institution.timezone") == "Asia/Jakarta"
    titles = dict(settings.choices("institution.timezone"))
    assert list(titles) == ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
    assert titles["Asia/Makassar"].startswith("WITA")
    settings.set(db, "institution.timezone", "Asia/Jayapura")
    assert settings.get(db, "institution.timezone") == "Asia/Jayapura"
