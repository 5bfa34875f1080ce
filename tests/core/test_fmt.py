"""Numbers and dates as an Indonesian (or English) reader expects them."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import fmt, i18n

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2021, 12, 9)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("id")


def formats_in_a_fresh_process(language: str | None) -> str:
    """Start Linimasa's entry point in a new interpreter (the way a user starts it, without
    this test suite's own set_language), then format a number and a date."""
    env = {k: v for k, v in os.environ.items() if k != "LINIMASA_LANG"}
    if language:
        env["LINIMASA_LANG"] = language
    code = (
        "import main\n"
        "from core import fmt\n"
        "try:\n"
        "    main.main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(fmt.number(76670), fmt.date_long('2021-12-09'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_indonesian_is_the_default_when_nothing_is_chosen():
    assert formats_in_a_fresh_process(None) == "76.670 9 Desember 2021"
    # …and the choice really is made there: asking for English changes it.
    assert formats_in_a_fresh_process("en") == "76,670 9 December 2021"


def test_indonesian_numbers():
    assert fmt.number(76670) == "76.670"
    assert fmt.number(1234567) == "1.234.567"
    assert fmt.number(0) == "0"
    assert fmt.number(1234.5, 1) == "1.234,5"


def test_indonesian_percentages():
    assert fmt.percent(0.0215) == "2,15%"
    assert fmt.percent(0.0021) == "0,21%"
    assert fmt.percent(12.5) == "1.250,00%"
    assert fmt.percent(0.5, digits=0) == "50%"


def test_indonesian_dates():
    assert fmt.date_long(DAY) == "9 Desember 2021"
    assert fmt.date_long("2021-12-09") == "9 Desember 2021"
    assert fmt.date_long("2021-12-09T14:05:00") == "9 Desember 2021"
    assert fmt.date_short(DAY) == "9 Des 2021"
    assert fmt.month_year(DAY) == "Desember 2021"
    assert fmt.date_long("2022-08-17") == "17 Agustus 2022"


def test_indonesian_changes_carry_their_sign():
    assert fmt.signed(24370) == "+24.370"
    assert fmt.signed(-617) == "\u2212617"  # a real minus sign, not a hyphen
    assert fmt.signed(0) == "±0"


@pytest.mark.parametrize("func", [fmt.number, fmt.signed, fmt.percent])
def test_missing_value_is_a_dash(func):
    assert func(None) == "–"


def test_english(english):
    assert fmt.number(76670) == "76,670"
    assert fmt.percent(0.0215) == "2.15%"
    assert fmt.date_long(DAY) == "9 December 2021"
    assert fmt.signed(24370) == "+24,370"
    assert fmt.number(None) == "–"


def test_switching_back_to_indonesian(english):
    assert fmt.number(76670) == "76,670"
    i18n.set_language("id")
    assert fmt.number(76670) == "76.670"


def test_unknown_language_refused():
    with pytest.raises(ValueError):
        i18n.set_language("fr")
    assert i18n.current_language() == "id"
    assert fmt.number(1000) == "1.000"


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_indonesian_number_round_trips(n):
    text = fmt.number(n)
    assert "," not in text
    assert text.replace(".", "") == str(n)
    groups = text.split(".")
    assert all(len(g) == 3 for g in groups[1:])
    assert 1 <= len(groups[0]) <= 3


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12).filter(lambda n: n != 0))
def test_signed_shows_magnitude_and_direction(n):
    text = fmt.signed(n)
    assert text[0] == ("+" if n > 0 else "\u2212")
    assert text[1:] == fmt.number(abs(n))
