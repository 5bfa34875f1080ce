"""The command line, run as a user would run it: exit codes and readable messages."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"


#: The home folder of the processes started here; set by `cli_home` (pytest removes it).
HOME: Path | None = None


@pytest.fixture(scope="module", autouse=True)
def cli_home(tmp_path_factory):
    """One home folder (settings, logs, data, temporary files) for this module's processes,
    inside pytest's own temporary folder, so nothing is left in the system's /tmp."""
    global HOME
    HOME = tmp_path_factory.mktemp("cli-home")
    (HOME / "tmp").mkdir()
    yield HOME
    HOME = None


def cli_env(env_lang="id"):
    """A fresh process's environment with a home folder of its own (settings, logs, data)."""
    assert HOME is not None, "cli_env needs the cli_home fixture"
    env = {
        # Temporary files (the demo's folder) land here, where a test can look for leftovers.
        **dict.fromkeys(("TMPDIR", "TEMP", "TMP"), str(HOME / "tmp")),
        "QT_QPA_PLATFORM": "offscreen",
        "LINIMASA_LANG": env_lang,
        "PATH": os.environ.get("PATH", ""),
    }
    for key in ("SYSTEMROOT",):
        if key in os.environ:
            env[key] = os.environ[key]
    for key in ("HOME", "USERPROFILE", "LOCALAPPDATA", "APPDATA"):
        env[key] = str(HOME)
    for key in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[key] = str(HOME / key.lower())
    return env


def run(*args, env_lang="id"):
    env = cli_env(env_lang)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run("demo", "--db", str(path), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return path


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("Linimasa ")


def test_demo_then_check_ok(demo_file):
    result = run("check", "--db", str(demo_file))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and str(demo_file) in result.stdout


def test_demo_refuses_a_file_with_data(demo_file):
    result = run("demo", "--db", str(demo_file), "--today", TODAY)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_check_reports_a_broken_reference(tmp_path, demo_file):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(demo_file.read_bytes())
    conn = sqlite3.connect(broken)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE accounts SET unit_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    result = run("check", "--db", str(broken))
    assert result.returncode == 1
    assert "units" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_on_a_text_file_says_what_and_where(tmp_path):
    path = tmp_path / "followers.csv"
    path.write_text("a,b\n1,2\n")
    result = run("check", "--db", str(path))
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_check_on_a_missing_file(tmp_path):
    result = run("check", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 1
    assert "none.sqlite" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_backup_makes_an_identical_copy_and_will_not_overwrite(tmp_path, demo_file):
    out = tmp_path / "copy.sqlite"
    result = run("backup", "--db", str(demo_file), "--out", str(out))
    assert result.returncode == 0, result.stderr
    count = sqlite3.connect(out).execute("SELECT count(*) FROM account_snapshots").fetchone()[0]
    assert (
        count
        == sqlite3.connect(demo_file)
        .execute("SELECT count(*) FROM account_snapshots")
        .fetchone()[0]
    )
    again = run("backup", "--db", str(demo_file), "--out", str(out))
    assert again.returncode == 1 and "--force" in again.stderr


def test_usage_errors_exit_2():
    assert run("backup").returncode == 2
    assert run("no-such-command").returncode == 2
    assert run("screenshots", "--out", "x", "--size", "big").returncode == 2


def test_english_messages(tmp_path):
    result = run("check", "--db", str(tmp_path / "none.sqlite"), env_lang="en")
    assert "does not exist" in result.stderr


def test_screenshots_write_six_pngs(tmp_path):
    result = run(
        "screenshots", "--demo", "--out", str(tmp_path), "--today", TODAY, "--size", "1024x700"
    )
    assert result.returncode == 0, result.stderr
    for tab in ("beranda", "kalender", "akun", "pertumbuhan", "panduan", "laporan"):
        png = tmp_path / f"{tab}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 5000
    assert list((HOME / "tmp").glob("linimasa-*")) == []  # demo and settings folders removed


def test_window_shows_and_exits_without_heavy_imports(demo_file):
    code = (
        "import sys; sys.argv=['main.py']; import main; "
        f"rc = main.main(['--db', {str(demo_file)!r}, '--exit-after-show']); "
        "heavy = [m for m in ('pandas', 'pyqtgraph', 'sqlite_utils', 'numpy') if m in sys.modules]; "
        "print('HEAVY', heavy); sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(),
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


def test_smoke_start_on_a_missing_file_does_not_hang(tmp_path):
    """Nobody can answer "create it?" offscreen: the question is printed and declined."""
    missing = tmp_path / "baru.sqlite"
    result = run("--db", str(missing), "--exit-after-show")
    assert result.returncode == 1
    assert str(missing) in result.stderr
    assert not missing.exists()


def test_smoke_start_on_a_bad_file_says_why(tmp_path):
    bad = tmp_path / "catatan.sqlite"
    bad.write_text("bukan basis data")
    result = run("--db", str(bad), "--exit-after-show")
    assert result.returncode == 1
    assert str(bad) in result.stderr
    assert bad.read_text() == "bukan basis data"


def test_db_before_the_command_works_too(demo_file):
    result = run("--db", str(demo_file), "check")
    assert result.returncode == 0, result.stderr


def test_command_without_db_is_a_usage_error():
    result = run("check")
    assert result.returncode == 2
    assert "--db" in result.stderr


def test_usage_error_is_reported_once():
    result = run("--lang", "xx")
    assert result.returncode == 2
    assert result.stderr.count("penggunaan:") == 1  # argparse speaks Indonesian too


def test_backup_into_a_missing_folder_and_onto_itself(tmp_path, demo_file):
    result = run(
        "backup", "--db", str(demo_file), "--out", str(tmp_path / "tidak-ada" / "b.sqlite")
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "tidak-ada" in result.stderr
    result = run("backup", "--db", str(demo_file), "--out", str(demo_file), "--force")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_screenshots_bad_today_and_out_is_a_file(tmp_path):
    assert (
        run("screenshots", "--demo", "--out", str(tmp_path), "--today", "kemarin").returncode == 2
    )
    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    result = run("screenshots", "--demo", "--out", str(a_file))
    assert result.returncode == 1 and "Traceback" not in result.stderr
