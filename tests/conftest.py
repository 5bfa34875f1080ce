"""Shared test setup: offscreen Qt, Indonesian by default, a fixed "today" for demo data."""

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The code under test (and every process it starts) finds its settings, logs and default
# file through these variables: point them at a folder of the test run, never the user's
# own, and remove it at the end. Set here, before Qt or platformdirs read them.
_HOME_KEYS = ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA")
_XDG_KEYS = ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
_SAVED_ENV = {key: os.environ.get(key) for key in (*_HOME_KEYS, *_XDG_KEYS)}
_TEST_HOME = Path(tempfile.mkdtemp(prefix="linimasa-tests-home-"))
for _key in _HOME_KEYS:
    os.environ[_key] = str(_TEST_HOME)
for _key in _XDG_KEYS:
    os.environ[_key] = str(_TEST_HOME / _key.lower())


def pytest_unconfigure(config):
    for key, value in _SAVED_ENV.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    shutil.rmtree(_TEST_HOME, ignore_errors=True)


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
def without_checklist(db):
    """A file whose tone checklist is empty: approval is gated by the workflow's rules only
    (a new file has the default pack, whose required items must be ticked)."""
    with db.transaction():
        db.conn.execute("DELETE FROM guideline_items")


@pytest.fixture
def demo_db(tmp_path):
    from core import demo
    from core.db import open_database

    handle = open_database(tmp_path / "demo.sqlite", create=True)
    demo.populate(handle, today=DEMO_TODAY)
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    """A demo file on disk, made once per test module, for commands that open it by path
    (read-only ones: the tests must not change it)."""
    from core import demo
    from core.db import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with open_database(path, create=True) as handle:
        demo.populate(handle, today=DEMO_TODAY)
    return path


@pytest.fixture
def run_qt(run_main, qapp):
    """Run a command that draws (chart, report) in this process: Qt's application is the
    tests' own."""
    return run_main


def _pdf_pages(path) -> list[str]:
    """A PDF's text laid out as on its pages (pdftotext -layout, from poppler-utils, which
    .ci/run installs), one string per page."""
    import subprocess

    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)")
    out = subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.fixture
def pdf_pages():
    """path -> the PDF's text per page."""
    return _pdf_pages


@pytest.fixture
def pdf_text():
    """path -> the whole text of a PDF file (its pages joined by form feeds)."""
    return lambda path: "\f".join(_pdf_pages(path))


@pytest.fixture
def demo_today():
    return DEMO_TODAY


@pytest.fixture
def run_main(capsys):
    """Run the command line in this process, in Indonesian: (exit code, everything printed)."""
    import main

    def run(*argv: str) -> tuple[int, str]:
        try:
            code = main.main(["--lang", "id", *argv])
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run
