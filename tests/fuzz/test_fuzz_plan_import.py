"""Fuzzing the content-plan import (core.plan_import.plan / write) with random and damaged
CSV and XLSX files: each either imports (and importing it again adds nothing) or is refused
with problems (or a LinimasaError), never another exception, and a refusal leaves the
database exactly as it was.

CI runs a bounded, derandomised number of examples; for many more (random):

    LINIMASA_FUZZ=long QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q \
        -p no:cacheprovider tests/fuzz
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from core import accounts, members, plan_import
from core.errors import LinimasaError
from tests.fuzz.strategies import csv_bytes, mutated, table, xlsx_bytes

HEADERS = {
    "date": ["tanggal", "Date", "Tanggal Tayang"],
    "time": ["jam", "Waktu"],
    "platform": ["platform", "Medsos"],
    "account": ["akun", "Account"],
    "title": ["judul", "Tema"],
    "text": ["teks", "Caption", "naskah"],
    "status": ["status"],
    "pillar": ["pilar"],
    "hashtags": ["tagar"],
    "assignee": ["PIC"],
    "url": ["tautan"],
    "notes": ["catatan"],
}
VALUES = {
    "date": ["20/11/2026", "2026-12-01", "21/11/2026 08:00", "3 Des 2026", "01/02/2026", ""],
    "time": ["09:00", "10.30", "7:15 PM", "", "25:00"],
    "platform": ["instagram", "Facebook", "x", "twitter", "", "tiktok"],
    "account": ["bmsn_ri", "@bmsn_ri", "instagram:bmsn_ri", "bmsn.ri", "Instagram BMSN", ""],
    "title": ["Hari Guru", "Kuis", "", "hari guru"],
    "text": ["Selamat Hari Guru!", "Jawab kuisnya #kuis", "", "Teks\nbaris dua"],
    "status": ["draf", "ide", "approved", "disetujui", "published", "tayang", "", "entah"],
    "pillar": ["Edukasi", "edukasi", "Baru", ""],
    "hashtags": ["#guru #sekolah", "", "#" * 50],
    "assignee": ["Rina", "Orang Lain", ""],
    "url": ["https://instagram.com/p/abc", "", "bukan tautan"],
    "notes": ["cek foto", "", "x" * 12_000],
}
ALIASES = [HEADERS[name] for name in HEADERS]


def fill(db):
    # A new file already has the pillar Edukasi.
    for name in ("instagram:bmsn_ri", "facebook:bmsn.ri", "x:bmsn_ri"):
        platform, handle = name.split(":")
        accounts.create(db, platform=platform, handle=handle)
    members.create(db, "Rina", "admin")


@pytest.fixture(scope="module")
def scratch(scratch_db):
    return scratch_db(fill)


options = st.builds(
    plan_import.Options,
    date_order=st.sampled_from([None, None, "dmy", "mdy"]),
    accounts=st.sampled_from([None, {"Instagram BMSN": "instagram:bmsn_ri"}]),
)


@st.composite
def valid_table(draw):
    """A plan that imports: our accounts, days that read one way, statuses that need no link."""
    header = ["tanggal", "jam", "platform", "akun", "judul", "teks", "status", "pilar"]
    rows = []
    for n in range(draw(st.integers(1, 8))):
        day = dt.date(2026, 12, 13) + dt.timedelta(days=draw(st.integers(0, 40)))
        platform, handle = draw(
            st.sampled_from([("instagram", "bmsn_ri"), ("facebook", "bmsn.ri"), ("x", "@bmsn_ri")])
        )
        rows.append(
            [
                f"{day:%d/%m/%Y}",
                draw(st.sampled_from(["09:00", "13.30", ""])),
                platform,
                handle,
                draw(st.sampled_from(["Hari Guru", "Kuis", f"Tema {n}"])),
                draw(st.sampled_from(["Selamat Hari Guru!", "Jawab kuisnya", f"Teks {n}", ""])),
                draw(st.sampled_from(["draf", "ide", "disetujui", "review", ""])),
                draw(st.sampled_from(["Edukasi", "Layanan", ""])),
            ]
        )
    return header, rows


def any_table():
    return st.one_of(valid_table(), table(ALIASES, VALUES))


def imports_or_refuses(scratch, tmp_path, raw: bytes, suffix: str, opts: plan_import.Options):
    db = scratch.reset()
    path = tmp_path / f"rencana{suffix}"
    path.write_bytes(raw)
    before = scratch.dump()
    try:
        plan = plan_import.plan(db, path, opts)
    except LinimasaError as refusal:
        assert str(refusal).strip()
        assert scratch.dump() == before
        event("refused: error")
        return
    if not plan.ok:
        assert all(str(p.message).strip() for p in plan.problems), plan.problems
        with pytest.raises(LinimasaError):
            plan_import.write(db, plan)
        assert scratch.dump() == before
        event("refused: problems")
        return
    event("imported")
    result = plan_import.write(db, plan)
    assert (result.posts, result.variants) == (len(plan.new_posts), len(plan.entries))
    again = plan_import.plan(db, path, opts)
    assert again.ok, again.problems
    assert again.new_posts == [], "importing the same plan twice adds posts"


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
        st.times(),
        st.booleans(),
    )
    if data.draw(st.booleans()):
        rows = [[data.draw(st.one_of(st.just(c), typed)) for c in row] for row in rows]
    raw = xlsx_bytes(header, rows)
    if data.draw(st.integers(0, 3)) == 0:
        raw = data.draw(mutated(raw))
    imports_or_refuses(scratch, tmp_path, raw, data.draw(st.sampled_from([".xlsx", ".csv"])), opts)
