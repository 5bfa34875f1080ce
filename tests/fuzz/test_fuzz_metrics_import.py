"""Fuzzing the metrics import (core.importing.plan / write) with random and damaged CSV and
XLSX files: each either imports (and importing it again changes nothing) or is refused with
problems (a plan that is not ok, or a LinimasaError), never another exception, and a refusal
leaves the database exactly as it was.

CI runs a bounded, derandomised number of examples; for many more (random):

    LINIMASA_FUZZ=long QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q \
        -p no:cacheprovider tests/fuzz
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from core import accounts, importing, metrics
from core.errors import LinimasaError
from tests.fuzz.strategies import csv_bytes, mutated, table, xlsx_bytes

HEADERS = {
    "platform": ["platform", "Platform", "PLATFORM "],
    "handle": ["handle", "Akun", "username"],
    "date": ["date", "Tanggal"],
    "followers": ["followers", "Pengikut", "jumlah pengikut"],
    "reach": ["reach", "Jangkauan"],
    "impressions": ["tayangan"],
    "engagements": ["interaksi"],
    "posts_published": ["jumlah_unggahan"],
}
VALUES = {
    "platform": ["instagram", "Instagram", "facebook", "ig", "instagram", "tiktok"],
    "handle": ["humas_kota", "@humas_kota", "humas_kota", "baru_sekali"],
    "date": [
        "2026-08-31",
        "31/08/2026",
        "01/02/2026",
        "3 Jan 2026",
        "2019-01-15",
        *(f"2026-{m:02}-{d:02}" for m in (9, 10) for d in range(1, 29, 3)),
        *(f"{d}/{m}/2025" for m in (5, 11) for d in (13, 20, 27)),
    ],
    "followers": ["76.670", "76670", "1,520", "100", "0", "8470"],
    "reach": ["12.500", "-", "", "n/a", "400"],
    "impressions": ["3.000", "", "—"],
    "engagements": ["1.234", "150", ""],
    "posts_published": ["12", "8", ""],
}
COLUMNS = {name: VALUES[name] for name in HEADERS}
ALIASES = [HEADERS[name] for name in HEADERS]


def fill(db):
    ig = accounts.create(db, platform="instagram", handle="humas_kota").id
    accounts.create(db, platform="facebook", handle="humas_kota")
    accounts.create(db, platform="x", handle="bmsn_ri")
    metrics.upsert_snapshots(
        db,
        [{"account_id": ig, "date": dt.date(2026, 8, d), "followers": 76000 + d} for d in (1, 31)],
    )


@pytest.fixture(scope="module")
def scratch(scratch_db):
    return scratch_db(fill)


options = st.builds(
    importing.Options,
    account=st.sampled_from([None, None, "humas_kota", "instagram:humas_kota", "x:nobody"]),
    create_accounts=st.booleans(),
    date_order=st.sampled_from([None, None, "dmy", "mdy", "ymd"]),
)


def imports_or_refuses(scratch, tmp_path, raw: bytes, suffix: str, opts: importing.Options):
    db = scratch.reset()
    path = tmp_path / f"figures{suffix}"
    path.write_bytes(raw)
    before = scratch.dump()
    try:
        plan = importing.plan(db, [path], opts)
    except LinimasaError as refusal:
        assert str(refusal).strip()
        assert scratch.dump() == before
        event("refused: error")
        return
    if not plan.ok:
        assert all(str(p.message).strip() for p in plan.problems), plan.problems
        with pytest.raises(LinimasaError):
            importing.write(db, plan)
        assert scratch.dump() == before
        event("refused: problems")
        return
    event("imported")
    result = importing.write(db, plan)
    assert (result.added, result.changed) == (len(plan.adds), len(plan.changes))
    again = importing.plan(
        db, [path], importing.Options(**{**vars(opts), "create_accounts": False})
    )
    assert again.ok, again.problems
    assert (again.adds, again.changes) == ([], []), "importing the same file twice changes more"


@st.composite
def valid_table(draw):
    """A file that imports: known accounts, distinct days that read one way, figures as
    spreadsheets write them."""
    known = [("instagram", "humas_kota"), ("Facebook", "@humas_kota"), ("x", "bmsn_ri")]
    days = draw(st.lists(st.integers(0, 600), min_size=1, max_size=8, unique=True))
    header = ["platform", "akun", "tanggal", "pengikut", "jangkauan"]
    rows = []
    for offset in days:
        day = dt.date(2025, 1, 13) + dt.timedelta(days=offset)
        platform, handle = draw(st.sampled_from(known))
        followers = draw(st.integers(0, 10**7))
        rows.append(
            [
                platform,
                handle,
                day.isoformat() if day.day < 13 else f"{day:%d/%m/%Y}",
                draw(st.sampled_from([str(followers), f"{followers:,}".replace(",", ".")])),
                draw(st.sampled_from(["", "-", str(followers // 3)])),
            ]
        )
    return header, rows


def any_table():
    return st.one_of(valid_table(), table(ALIASES, COLUMNS, unique=("platform", "handle", "date")))


@given(data=st.data(), opts=options)
def test_csv_files(scratch, tmp_path, data, opts):
    header, rows = data.draw(any_table())
    raw = data.draw(mutated(data.draw(csv_bytes(header, rows))))
    imports_or_refuses(scratch, tmp_path, raw, data.draw(st.sampled_from([".csv", ".txt"])), opts)


@given(data=st.data(), opts=options)
def test_xlsx_files(scratch, tmp_path, data, opts):
    header, rows = data.draw(any_table())
    typed = st.one_of(
        st.none(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=True, allow_infinity=True),
        st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
        st.booleans(),
    )
    if data.draw(st.booleans()):
        rows = [[data.draw(st.one_of(st.just(c), typed)) for c in row] for row in rows]
    raw = xlsx_bytes(header, rows)
    if data.draw(st.integers(0, 3)) == 0:
        raw = data.draw(mutated(raw))
    imports_or_refuses(scratch, tmp_path, raw, data.draw(st.sampled_from([".xlsx", ".csv"])), opts)


# --- what the fuzzing found -----------------------------------------------------------------


@pytest.mark.parametrize(("cell", "stored"), [("9" * 5000, None), ("0" * 5000 + "76670", 76670)])
def test_a_count_of_thousands_of_digits(scratch, tmp_path, cell, stored):
    """Python's int() refuses more than 4300 digits: such a count was a ValueError, not a
    problem at its cell."""
    db = scratch.reset()
    path = tmp_path / "digits.csv"
    path.write_text(f"platform,handle,date,followers\ninstagram,humas_kota,2026-08-30,{cell}\n")
    plan = importing.plan(db, [path], importing.Options())
    if stored is None:
        assert [(p.row, p.column) for p in plan.problems] == [(2, "followers")]
    else:
        assert plan.ok, plan.problems
        assert [row.values for row in plan.adds] == [{"followers": stored}]
