"""Ctrl+C (SIGINT) and SIGTERM close the app as its close button does: the lock file and a
demo's temporary folder are removed and the exit code is 0. Run as real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Generous bounds for a slow machine; the tests wait for events, they do not time them.
PATIENCE_S = 60

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def app_env(tmp_path: Path) -> dict[str, str]:
    """Home, XDG folders and temporary files of the started app all inside tmp_path."""
    home = tmp_path / "home"
    (tmp_path / "tmp").mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "QT_QPA_PLATFORM": "offscreen",
        "LINIMASA_LANG": "id",
        "HOME": str(home),
        "TMPDIR": str(tmp_path / "tmp"),
    }
    for key in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[key] = str(home / key.lower())
    return env


def wait_for(condition, what: str, proc: subprocess.Popen) -> None:
    """Poll until `condition()` holds; fail (and stop the app) if the app ends or never gets there."""
    import time

    deadline = time.monotonic() + PATIENCE_S
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the app ended ({proc.returncode}) before {what}: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            pytest.fail(f"still waiting for {what} after {PATIENCE_S} s")
        time.sleep(0.05)


def window_shown(env: dict[str, str]) -> bool:
    """The app logs this line from its event loop, once the main window is up."""
    logs = list(Path(env["HOME"]).rglob("linimasa.log"))
    return any("main window shown" in log.read_text(errors="replace") for log in logs)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    try:
        _out, err = proc.communicate(timeout=PATIENCE_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        pytest.fail(f"the app did not close within {PATIENCE_S} s of the signal: {err}")
    return proc.returncode, err


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def a_file(tmp_path: Path) -> Path:
    from core.db import open_database

    path = tmp_path / "x.sqlite"
    open_database(path, create=True).close()
    return path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_closes_a_file_and_removes_its_lock(tmp_path, signum):
    path = a_file(tmp_path)
    lock = tmp_path / "x.sqlite.lock"
    env = app_env(tmp_path)
    proc = start(["--db", str(path)], env)
    wait_for(lock.exists, "the lock file exists", proc)
    wait_for(lambda: window_shown(env), "the main window is shown", proc)
    proc.send_signal(signum)
    code, err = finish(proc)
    assert code == 0, err
    assert not lock.exists()
    assert "Traceback" not in err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_closes_the_demo_and_removes_its_folder(tmp_path, signum):
    env = app_env(tmp_path)
    demo_folders = lambda: list((tmp_path / "tmp").glob("linimasa-demo-*"))  # noqa: E731
    proc = start(["--demo"], env)
    wait_for(lambda: bool(demo_folders()), "the demo folder exists", proc)
    wait_for(lambda: window_shown(env), "the main window is shown", proc)
    proc.send_signal(signum)
    code, err = finish(proc)
    assert code == 0, err
    assert demo_folders() == []


OPENING_INTERRUPTED = """
import os, signal, sys
sys.argv = ["main.py"]
import main
from gui import app

real_first_session = app.first_session

def interrupted(args):
    session = real_first_session(args)  # the file is open, the window does not exist yet
    os.kill(os.getpid(), signal.{name})
    return session

app.first_session = interrupted
sys.exit(main.main(sys.argv[1:] + {args!r}))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT"])
def test_signal_while_opening_leaves_nothing_behind(tmp_path, name):
    path = a_file(tmp_path)
    env = app_env(tmp_path)
    for args in (["--db", str(path)], ["--demo"]):
        code = OPENING_INTERRUPTED.format(name=name, args=args)
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=PATIENCE_S,
        )
        assert result.returncode == 0, result.stderr
        assert not (tmp_path / "x.sqlite.lock").exists()
        assert list((tmp_path / "tmp").glob("linimasa-demo-*")) == []
        assert not window_shown(env)  # closed before it was shown
