"""The packaged app (issue 15): packaging/ files that must agree with each other, and the
built executables themselves.

The quick checks always run. The ones that need a build are skipped unless it exists:

    python3 packaging/build.py                    # dist/Linimasa-folder/ and dist/Linimasa
    .venv/bin/python -m pytest tests/test_package.py            # quick checks of those builds
    LINIMASA_TEST_PACKAGE=1 .venv/bin/python -m pytest tests/test_package.py    # + full smoke test
    LINIMASA_TEST_PACKAGE=build .venv/bin/python -m pytest tests/test_package.py  # build first

Nothing here builds in the normal test run (a build takes about a minute, the smoke test of
the one-file executable about a minute more); CI builds and smoke-tests in .ci/run.
"""

from __future__ import annotations

import importlib.util
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
IS_WIN = sys.platform == "win32"
EXE = "Linimasa.exe" if IS_WIN else "Linimasa"
ONEFILE = ROOT / "dist" / EXE
ONEDIR = ROOT / "dist" / "Linimasa-folder" / EXE
MODE = os.environ.get("LINIMASA_TEST_PACKAGE", "")


def _load(name: str):
    spec = importlib.util.spec_from_file_location(
        f"linimasa_packaging_{name}", PACKAGING / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- always: the packaging files agree -------------------------------------------------


def test_version_resource_numbers():
    version_info = _load("version_info")
    assert version_info.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert version_info.version_tuple("2.0") == (2, 0, 0, 0)
    text = version_info.version_file_text("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    compile(text, "version_file.txt", "eval")  # PyInstaller evaluates it on Windows


def test_icon_is_a_windows_icon_with_256_px():
    data = (PACKAGING / "linimasa.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 4
    sides = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


def test_installer_is_per_user_with_a_fixed_app_id():
    iss = (PACKAGING / "linimasa.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)
    assert "{autoprograms}" in iss
    assert '#define BuildDir "..\\dist\\Linimasa-folder"' in iss
    assert "OutputBaseFilename={#AppName}-Setup-{#AppVersion}" in iss


def test_release_workflow_uses_the_same_spec_and_script():
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "packaging/build.py --onedir" in workflow
    assert "packaging\\linimasa.iss" in workflow
    assert "runs-on: windows-latest" in workflow
    spec = (PACKAGING / "linimasa.spec").read_text(encoding="utf-8")
    assert 'FOLDER = "Linimasa-folder"' in spec


# --- with a build ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    if MODE == "build":
        result = subprocess.run(
            [sys.executable, str(PACKAGING / "build.py"), "--no-smoke"], cwd=ROOT
        )
        assert result.returncode == 0, "packaging/build.py failed"
    found = [path for path in (ONEDIR, ONEFILE) if path.is_file()]
    if not found:
        pytest.skip("no packaged build in dist/ (python3 packaging/build.py makes one)")
    return found


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for key in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(key, None)
    return env


@pytest.mark.skipif(IS_WIN, reason="a windowed program prints nothing to a pipe on Windows")
def test_built_program_says_its_version(built, tmp_path):
    from core import __version__

    for program in built:
        result = subprocess.run(
            [str(program), "--version"],
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"Linimasa {__version__}", f"{program} is an older build"


@pytest.mark.skipif(IS_WIN, reason="the data folder is the real %LOCALAPPDATA% on Windows")
def test_built_program_keeps_its_data_in_the_user_data_folder(built, tmp_path):
    for program in built:
        home = tmp_path / program.parent.name
        result = subprocess.run(
            [str(program), "--exit-after-show"],
            capture_output=True,
            text=True,
            env=_env(home),
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert (home / ".local" / "share" / "Linimasa" / "linimasa.sqlite").is_file()


@pytest.mark.skipif(
    not MODE, reason="the full smoke test runs with LINIMASA_TEST_PACKAGE=1 (or =build)"
)
def test_smoke_test_of_the_builds(built):
    for program in built:
        result = subprocess.run(
            [sys.executable, str(PACKAGING / "smoke.py"), str(program)], cwd=ROOT
        )
        assert result.returncode == 0, f"the smoke test of {program} failed (see its output)"
