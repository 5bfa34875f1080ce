"""Shared test setup: offscreen Qt, Indonesian by default, a fixed "today" for demo data."""

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402

from core import i18n  # noqa: E402

DEMO_TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def db(tmp_path):
    from core.db import open_database

    handle = open_database(tmp_path / "test.sqlite", create=True)
    yield handle
    handle.close()


@pytest.fixture
def demo_db(tmp_path):
    from core import demo
    from core.db import open_database

    handle = open_database(tmp_path / "demo.sqlite", create=True)
    demo.populate(handle, today=DEMO_TODAY)
    yield handle
    handle.close()


@pytest.fixture
def demo_today():
    return DEMO_TODAY
