"""Shared setup of the fuzz tests: Hypothesis profiles and a small database restored to its
pristine state before each example (what the importers are fed: strategies.py).

Profiles: "ci" (the default: a bounded, derandomised number of examples, so the suite stays
fast and a failure reproduces), "long" when `LINIMASA_FUZZ=long` (many more, random):

    LINIMASA_FUZZ=long QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q \
        -p no:cacheprovider tests/fuzz
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

# The autouse `indonesian` fixture (function scope) sets the same language for every example.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=200, derandomize=True, database=None, **_COMMON)
settings.register_profile("long", max_examples=5000, **_COMMON)
settings.load_profile("long" if os.environ.get("LINIMASA_FUZZ") == "long" else "ci")


# --- the database -----------------------------------------------------------------------------


def dump(db) -> list[tuple]:
    """Every row of every table (rowid order), to compare a database before and after."""
    tables = [
        r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return [
        (table, *tuple(row))
        for table in tables
        for row in db.query(f'SELECT * FROM "{table}" ORDER BY rowid')
    ]


class Scratch:
    """One open database for a whole test function, put back to its pristine content before
    each example with SQLite's backup API (a fresh file per example costs ~20 times more)."""

    def __init__(self, db, pristine: sqlite3.Connection):
        self.db = db
        self._pristine = pristine

    def reset(self):
        self._pristine.backup(self.db.conn)
        return self.db

    def dump(self) -> list[tuple]:
        return dump(self.db)


@pytest.fixture(scope="module")
def scratch_db(tmp_path_factory) -> Callable[[Callable], Scratch]:
    """make(fill) -> Scratch: a database filled once by `fill(db)`, reset per example."""
    from core.db import open_database

    opened = []

    def make(fill: Callable) -> Scratch:
        path = tmp_path_factory.mktemp("fuzz") / "scratch.sqlite"
        db = open_database(path, create=True)
        fill(db)
        pristine = sqlite3.connect(":memory:")
        db.conn.backup(pristine)
        opened.extend([db, pristine])
        return Scratch(db, pristine)

    yield make
    for handle in opened:
        handle.close()
