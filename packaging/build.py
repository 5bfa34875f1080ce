#!/usr/bin/env python3
"""Build the packaged Linimasa with PyInstaller, then smoke-test it. Stdlib only.

    python3 packaging/build.py              # Linux: one-folder and one-file; Windows: one-folder
    python3 packaging/build.py --onefile    # only the one-file executable (what CI tests)
    python3 packaging/build.py --onedir     # only the one-folder build (what the installer wraps)
    py packaging\\build.py                   # on Windows

Results (both can sit side by side):

    dist/Linimasa-folder/Linimasa(.exe)   one-folder: the program and its _internal/ folder
    dist/Linimasa(.exe)                   one-file: unpacks itself to a temporary folder at start

It sets up the virtual environment as packaging/dev.py does (.venv or $LINIMASA_VENV, with the
`build` extra of pyproject.toml: PyInstaller), compiles the translation catalogs, runs
PyInstaller on packaging/linimasa.spec (build/pyinstaller/ holds its cache: a second build
reuses the analysis), prints the sizes, and runs packaging/smoke.py on each result unless
--no-smoke. On Linux it also checks that every bundled Qt library and plugin finds the
Qt libraries it links to (a library the spec leaves out must not be needed).
Exit status 0 when everything was built and passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import dev  # noqa: E402 (packaging/dev.py: the venv and its dependencies)

IS_WIN = sys.platform == "win32"
EXE_NAME = "Linimasa.exe" if IS_WIN else "Linimasa"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ONEFILE = DIST / EXE_NAME
ONEDIR = DIST / "Linimasa-folder"


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[build] ERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def compile_catalogs(python: Path) -> None:
    """Like dev.py, but a catalog that Babel compiles with complaints (it still writes the
    .mo) is a warning here: the complaint is printed, the build goes on."""
    catalogs = sorted(dev.LOCALE_DIR.glob(f"*/LC_MESSAGES/{dev.DOMAIN}.po"))
    stale = [po for po in catalogs if not dev.is_newer(po.with_suffix(".mo"), po)]
    if not stale:
        return
    say("Compiling translation catalogs: " + ", ".join(po.parent.parent.name for po in stale))
    command = [
        str(python),
        "-m",
        "babel.messages.frontend",
        "-q",
        "compile",
        "-d",
        str(dev.LOCALE_DIR.relative_to(ROOT)),
        "-D",
        dev.DOMAIN,
    ]
    code = subprocess.call(command, cwd=ROOT)
    missing = [po for po in stale if not dev.is_newer(po.with_suffix(".mo"), po)]
    if missing:
        fail("could not compile " + ", ".join(str(po.relative_to(ROOT)) for po in missing))
    if code != 0:
        say("warning: Babel reported problems in the catalogs (above); the .mo files were written")


def setup() -> Path:
    venv = dev.venv_dir()
    python, created = dev.ensure_venv(venv)
    dev.ensure_dependencies(python, venv, ["runtime", "build"], fresh=created)
    compile_catalogs(python)
    return python


def pyinstaller(python: Path, mode: str) -> float:
    start = time.monotonic()
    command = [
        str(python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(HERE / "linimasa.spec"),
        "--",
        f"--{mode}",
    ]
    say(f"PyInstaller ({mode}): {' '.join(command[1:])}")
    if subprocess.call(command, cwd=ROOT) != 0:
        fail(f"PyInstaller failed ({mode}); see the messages above")
    return time.monotonic() - start


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def check_qt_links(folder: Path) -> list[str]:
    """Every bundled ELF file that links to a Qt library (or another bundled library) must
    find it in the bundle. System libraries (libxcb-*, ...) may be missing here: those
    are the PC's business (README: Linux system libraries)."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    internal = folder / "_internal"
    bundled = {p.name for p in internal.rglob("*.so*")}
    problems = []
    for path in sorted(internal.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            if "not found" not in line:
                continue
            name = line.split("=>")[0].strip()
            if name.startswith("libQt6") or name in bundled:
                problems.append(f"{path.relative_to(folder)} needs {name}")
    return problems


def dropped_report() -> tuple[int, int]:
    listed = WORK / "linimasa" / "dropped.txt"
    if not listed.exists():
        return 0, 0
    total = count = 0
    for line in listed.read_text(encoding="utf-8").splitlines():
        _dest, _tab, src = line.partition("\t")
        try:
            total += Path(src).stat().st_size
            count += 1
        except OSError:
            pass
    return count, total


def smoke(python: Path, executable: Path, bad_input: bool) -> bool:
    command = [sys.executable, str(HERE / "smoke.py"), str(executable)]
    if not bad_input:
        command.append("--no-bad-input")
    return subprocess.call(command, cwd=ROOT) == 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the packaged Linimasa.")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--onefile", action="store_true", help="only the one-file executable")
    which.add_argument("--onedir", action="store_true", help="only the one-folder build")
    parser.add_argument("--no-smoke", action="store_true", help="build only, do not smoke-test")
    parser.add_argument(
        "--no-bad-input",
        action="store_true",
        help="smoke test without the read-only/odd-path checks",
    )
    parser.add_argument("--clean", action="store_true", help="forget PyInstaller's cache first")
    args = parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 (this script may be run by any python)
        fail("Linimasa needs Python 3.11 or newer; this is " + sys.version.split()[0])

    if args.onefile:
        modes = ["onefile"]
    elif args.onedir or IS_WIN:
        modes = ["onedir"]
    else:
        modes = ["onedir", "onefile"]
    python = setup()
    if args.clean:
        shutil.rmtree(WORK, ignore_errors=True)

    report: dict[str, object] = {"platform": sys.platform}
    ok = True
    for mode in modes:
        seconds = pyinstaller(python, mode)
        if mode == "onefile":
            path, size = ONEFILE, ONEFILE.stat().st_size
        else:
            path, size = ONEDIR / EXE_NAME, folder_size(ONEDIR)
            problems = check_qt_links(ONEDIR)
            for problem in problems:
                say(f"missing from the bundle: {problem}")
            if problems:
                fail("the spec leaves out a library that a bundled one needs (see above)")
        say(f"{mode}: {path.relative_to(ROOT)}  {mb(size)}  (built in {seconds:.0f} s)")
        report[mode] = {
            "path": str(path.relative_to(ROOT)),
            "bytes": size,
            "build_seconds": round(seconds, 1),
        }
    count, total = dropped_report()
    say(
        f"left out after analysis: {count} files, {mb(total)} before compression "
        f"(list: {(WORK / 'linimasa' / 'dropped.txt').relative_to(ROOT)})"
    )
    (DIST / "build-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    if not args.no_smoke:
        for mode in modes:
            path = ONEFILE if mode == "onefile" else ONEDIR / EXE_NAME
            ok = smoke(python, path, bad_input=not args.no_bad_input) and ok
    if not ok:
        say("the smoke test failed (see above)")
        return 1
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
