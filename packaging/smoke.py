#!/usr/bin/env python3
"""Smoke test of a built Linimasa executable (one-file or one-folder). Stdlib only.

    python3 packaging/smoke.py dist/Linimasa                      # Linux one-file
    python3 packaging/smoke.py dist/Linimasa-folder/Linimasa      # one-folder
    py packaging\\smoke.py dist\\Linimasa-folder\\Linimasa.exe      # Windows

Runs the commands a user relies on, offscreen, each in a fresh HOME: --version, demo, check,
screenshots (the six tabs' PNGs), report (a PDF), chart, export and import of an .xlsx; opens
the app (--exit-after-show) and checks that its file was created in the user data folder and
that nothing was written next to the executable; opens a version-1 file from tests/data
through the migrations (with their backup). On Linux it also starts a copy of the program
from a folder named with a space and non-ASCII letters, from a read-only folder, and with an
unwritable data folder (as user nobody when run as root), and expects a clear message there.

Exit status 0 when every check passed, 1 otherwise (each failure is printed).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WIN = sys.platform == "win32"
TABS = ("beranda", "kalender", "akun", "pertumbuhan", "panduan", "laporan")
NOBODY = 65534
TIMEOUT = 180


class Smoke:
    def __init__(self, executable: Path, work: Path, verbose: bool = False):
        self.exe = executable.resolve()
        self.work = work
        self.verbose = verbose
        self.failures: list[str] = []
        self.runs = 0

    # --- running ------------------------------------------------------------------

    def env(self, home: Path) -> dict[str, str]:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        for key in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env.pop(key, None)
        env.pop("LINIMASA_LANG", None)
        env["HOME"] = str(home)
        if IS_WIN:
            # platformdirs asks Windows for the known folders; these only move Qt's and
            # Python's own lookups. The real %LOCALAPPDATA% is checked instead.
            env["USERPROFILE"] = str(home)
        return env

    def run(
        self,
        name: str,
        args: list[str],
        *,
        exe: Path | None = None,
        home: Path | None = None,
        user: int | None = None,
        expect: int | None = 0,
    ) -> subprocess.CompletedProcess | None:
        home = home or self.work / "home"
        home.mkdir(parents=True, exist_ok=True)
        command = [str(exe or self.exe), *args]
        if user is not None:
            command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
        start = time.monotonic()
        try:
            result = subprocess.run(
                command,
                env=self.env(home),
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT,
                cwd=self.work,
            )
        except subprocess.TimeoutExpired:
            self.fail(name, f"no answer after {TIMEOUT} s: {' '.join(command)}")
            return None
        except OSError as exc:
            self.fail(name, f"cannot start {command[0]}: {exc}")
            return None
        self.runs += 1
        took = time.monotonic() - start
        print(f"  {name}: exit {result.returncode} ({took:.1f} s)", flush=True)
        if self.verbose or (expect is not None and result.returncode != expect):
            for stream in (result.stdout, result.stderr):
                if stream.strip():
                    print("    | " + stream.strip().replace("\n", "\n    | "))
        if expect is not None and result.returncode != expect:
            self.fail(name, f"exit code {result.returncode}, expected {expect}")
        if "Traceback (most recent call last)" in result.stderr:
            self.fail(name, "a Python traceback on stderr")
        return result

    def fail(self, name: str, message: str) -> None:
        self.failures.append(f"{name}: {message}")
        print(f"  FAILED {name}: {message}", flush=True)

    def expect_file(self, name: str, path: Path, starts: bytes = b"", minimum: int = 1) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.fail(name, f"{path} was not written ({exc.strerror})")
            return
        if len(data) < minimum or not data.startswith(starts):
            self.fail(name, f"{path} is not what was expected ({len(data)} bytes)")

    # --- checks -------------------------------------------------------------------

    def commands(self) -> None:
        print("Commands", flush=True)
        db = self.work / "demo.sqlite"
        result = self.run("--version", ["--version"])
        if result is not None and not IS_WIN and not result.stdout.startswith("Linimasa "):
            self.fail("--version", f"printed {result.stdout!r}")
        self.run("demo", ["demo", "--db", str(db), "--today", "2026-11-25"])
        self.expect_file("demo", db, b"SQLite format 3")
        self.run("check", ["check", "--db", str(db)])
        shots = self.work / "shots"
        self.run("screenshots", ["screenshots", "--db", str(db), "--out", str(shots)])
        for tab in TABS:
            self.expect_file(f"screenshots {tab}", shots / f"{tab}.png", b"\x89PNG", 1000)
        pdf = self.work / "laporan.pdf"
        self.run(
            "report",
            [
                "report",
                "--db",
                str(db),
                "--from",
                "2026-10-01",
                "--to",
                "2026-10-31",
                "--out",
                str(pdf),
            ],
        )
        self.expect_file("report", pdf, b"%PDF-", 10_000)
        svg = self.work / "grafik.svg"
        self.run("chart --lang en", ["--lang", "en", "chart", "--db", str(db), "--out", str(svg)])
        self.expect_file("chart", svg, minimum=1000)
        xlsx = self.work / "pengikut.xlsx"
        self.run("export metrics xlsx", ["export", "metrics", "--db", str(db), "--out", str(xlsx)])
        self.expect_file("export", xlsx, b"PK")
        self.run("import xlsx --dry-run", ["import", str(xlsx), "--db", str(db), "--dry-run"])

    def user_data(self) -> None:
        print("Data folder", flush=True)
        home = self.work / "first-run-home"
        before = listing(self.exe.parent)
        if IS_WIN:
            base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
            expected = base / "Linimasa" / "linimasa.sqlite"
            existed = expected.exists()
        else:
            expected = home / ".local" / "share" / "Linimasa" / "linimasa.sqlite"
            existed = False
        self.run("first start (--exit-after-show)", ["--exit-after-show"], home=home)
        if not expected.exists():
            self.fail("first start", f"no data file at {expected}")
        elif not existed:
            print(f"  data file created at {expected}")
        old = ROOT / "tests" / "data" / "v001-demo.sqlite"
        if old.exists():
            copy = self.work / "lama.sqlite"
            shutil.copyfile(old, copy)
            self.run("older file opens (migrations)", ["--db", str(copy), "--exit-after-show"])
            self.expect_file(
                "backup before upgrade", copy.with_name("lama.sqlite.bak-v1"), b"SQLite format 3"
            )
            self.run("older file checks after upgrade", ["check", "--db", str(copy)])
        else:
            print(f"  (skipped the upgrade check: {old} is missing)")
        after = listing(self.exe.parent)
        written = sorted(set(after.items()) - set(before.items()))
        if written:
            self.fail(
                "nothing next to the program",
                "written beside it: " + ", ".join(name for name, _ in written[:5]),
            )

    def bad_input(self) -> None:
        if IS_WIN:
            print("Bad input: not on Windows (see the README)")
            return
        print("Bad input", flush=True)
        onefolder = (self.exe.parent / "_internal").is_dir()
        odd = self.work / "Tés dir é"
        odd.mkdir(parents=True, exist_ok=True)
        if onefolder:
            shutil.copytree(self.exe.parent, odd / self.exe.parent.name, symlinks=True)
            moved = odd / self.exe.parent.name / self.exe.name
        else:
            moved = odd / self.exe.name
            shutil.copy2(self.exe, moved)
        self.run("path with space and non-ASCII: --version", ["--version"], exe=moved)
        self.run("path with space and non-ASCII: app", ["--demo", "--exit-after-show"], exe=moved)

        as_nobody = os.geteuid() == 0 and shutil.which("setpriv") is not None
        if os.geteuid() == 0 and not as_nobody:
            print("  (skipped read-only checks: running as root without setpriv)")
            return
        user = NOBODY if as_nobody else None
        # A read-only folder holding the program (a shared drive, a locked-down PC).
        locked = self.work / "locked"
        locked.mkdir()
        target = locked / (self.exe.parent.name if onefolder else self.exe.name)
        if onefolder:
            shutil.copytree(self.exe.parent, target, symlinks=True)
            program = target / self.exe.name
        else:
            shutil.copy2(self.exe, target)
            program = target
        for path in [self.work, *self.work.parents]:
            if path == Path(path.anchor):
                break
            make_traversable(path)
        for path in [locked, *locked.rglob("*")]:
            path.chmod(0o555 if path.is_dir() or os.access(path, os.X_OK) else 0o444)
        home = self.work / "nobody-home"
        home.mkdir()
        if as_nobody:
            os.chown(home, NOBODY, NOBODY)
        self.run(
            "read-only program folder",
            ["--demo", "--exit-after-show"],
            exe=program,
            home=home,
            user=user,
        )
        # The data folder cannot be created: a message naming it, exit 1, no traceback.
        sealed = self.work / "sealed-home"
        sealed.mkdir()
        sealed.chmod(0o555)
        result = self.run(
            "unwritable data folder",
            ["--exit-after-show"],
            exe=program,
            home=sealed,
            user=user,
            expect=1,
        )
        if result is not None and ".local/share/Linimasa" not in result.stderr:
            self.fail(
                "unwritable data folder",
                f"the message does not name the folder: {result.stderr.strip()[:300]!r}",
            )
        result = self.run(
            "unwritable --db",
            ["demo", "--db", str(sealed / "x.sqlite")],
            exe=program,
            home=home,
            user=user,
            expect=1,
        )
        if result is not None and "x.sqlite" not in result.stderr:
            self.fail("unwritable --db", "the message does not name the file")
        for path in [locked, *locked.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)


def make_traversable(path: Path) -> None:
    mode = path.stat().st_mode
    if mode & 0o005 != 0o005:
        path.chmod(mode | 0o005)


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for path in folder.rglob("*"):
        try:
            stat = path.lstat()
        except OSError:
            continue
        found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("executable", type=Path)
    parser.add_argument(
        "--no-bad-input",
        action="store_true",
        help="skip the read-only, odd-path and unwritable-folder checks",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every output")
    args = parser.parse_args(argv)
    if not args.executable.is_file():
        print(
            f"smoke: {args.executable} does not exist (build it: python packaging/build.py)",
            file=sys.stderr,
        )
        return 1
    work = Path(tempfile.mkdtemp(prefix="linimasa-smoke-"))
    smoke = Smoke(args.executable, work, args.verbose)
    start = time.monotonic()
    print(f"Smoke test of {smoke.exe} (work folder {work})", flush=True)
    try:
        smoke.commands()
        smoke.user_data()
        if not args.no_bad_input:
            smoke.bad_input()
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            for path in [work, *work.rglob("*")]:
                if path.is_dir() and not path.is_symlink():
                    with contextlib.suppress(OSError):
                        path.chmod(0o755)
            shutil.rmtree(work, ignore_errors=True)
    took = time.monotonic() - start
    if smoke.failures:
        print(f"\nSMOKE TEST FAILED ({len(smoke.failures)} of the checks, {took:.0f} s):")
        for failure in smoke.failures:
            print(f"  - {failure}")
        return 1
    print(f"\nSmoke test passed: {smoke.runs} runs in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
