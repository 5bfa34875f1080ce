"""Size and start-to-window time of the packaged app (issue 15), against running from source.

    python3 packaging/build.py --no-smoke          # dist/Linimasa-folder/ and dist/Linimasa
    .venv/bin/python bench/package.py [--runs 7]

Sizes: the one-file executable, and the one-folder build (all its files).
Start to window: the one-folder build, the source (`.venv/bin/python main.py`, its bytecode
compiled first, because PYTHONDONTWRITEBYTECODE=1 would make every start compile it again),
and the one-file build, each started as a fresh process in turn (source, one-folder,
one-file, source, ...) with `--db DEMO --exit-after-show`, offscreen, in a temporary HOME.
The time is taken from starting the process to its "window shown" line (printed from the
event loop once the window is painted); shutdown is not included. The ratio one-folder /
source is taken round by round, then its median. Targets: one-file <= 90 MB, ratio <= 1.2.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = "Linimasa.exe" if sys.platform == "win32" else "Linimasa"
ONEFILE = ROOT / "dist" / EXE
ONEDIR = ROOT / "dist" / "Linimasa-folder"


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    elapsed = None
    for line in process.stdout:
        if line.strip() == "window shown" and elapsed is None:
            elapsed = time.perf_counter() - start
    process.wait()
    if process.returncode != 0 or elapsed is None:
        raise SystemExit(f"{command[0]} failed (exit {process.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description="Packaged app: sizes and start to window.")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    missing = [str(p) for p in (ONEFILE, ONEDIR / EXE) if not p.exists()]
    if missing:
        print("Build first (python3 packaging/build.py); missing: " + ", ".join(missing))
        return 1
    python = Path(sys.executable)
    subprocess.run(
        [str(python), "-m", "compileall", "-q", "main.py", "core", "gui"], cwd=ROOT, check=True
    )

    home = Path(tempfile.mkdtemp(prefix="linimasa-bench-package-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for key in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(key, None)
    db = home / "demo.sqlite"
    subprocess.run(
        [str(python), "main.py", "demo", "--db", str(db), "--today", "2026-11-25"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    start_args = ["--db", str(db), "--exit-after-show"]
    commands = {
        "source": [str(python), str(ROOT / "main.py"), *start_args],
        "one-folder": [str(ONEDIR / EXE), *start_args],
        "one-file": [str(ONEFILE), *start_args],
    }
    for command in commands.values():  # warm-up: the disk cache, not counted
        time_to_window(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(time_to_window(command, env))
    ratios = [d / s for d, s in zip(times["one-folder"], times["source"], strict=True)]

    onefile_mb = ONEFILE.stat().st_size / 1e6
    onedir_mb = folder_size(ONEDIR) / 1e6
    print(f"one-file  {ONEFILE.relative_to(ROOT)}: {onefile_mb:.1f} MB (target <= 90 MB)")
    print(f"one-folder {ONEDIR.relative_to(ROOT)}/: {onedir_mb:.1f} MB")
    print(f"\nstart to window, {args.runs} runs each, median (min-max):")
    for name, values in times.items():
        print(
            f"  {name:10} {statistics.median(values) * 1000:6.0f} ms "
            f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"
        )
    print(
        f"  one-folder / source: {statistics.median(ratios):.2f}x "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}; target <= 1.2x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
