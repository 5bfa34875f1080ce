"""Time to a shown main window, and peak memory, against a bare PySide6 window in the same run.

    python bench/startup.py [--runs 7]

Both programs are started as fresh processes, alternately; each prints "window shown"
from its event loop once the window has been shown and painted, and the time to that
line is measured (interpreter start included, shutdown not). The app opens a demo database made beforehand (as a user's own file
would be), so the figure covers: imports, opening and checking the file, reading what
the first tab shows, building Home (other tabs are built when first shown) and painting.
Prints medians and the ratio.
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


def run_once(command: list[str]) -> tuple[float, float | None]:
    """Seconds from starting the process to its "window shown" line, and its peak RSS in MB."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    elapsed = None
    for line in process.stdout:
        if line.strip() == "window shown":
            elapsed = time.perf_counter() - start
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        rss_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    else:
        process.wait()
        rss_mb = None
    if elapsed is None:
        raise SystemExit(f"{command} never reported its window as shown")
    if process.returncode != 0:
        raise SystemExit(f"{command} exited with {process.returncode}")
    return elapsed, rss_mb


def stale_bytecode(root: Path) -> list[str]:
    """Our modules whose compiled bytecode is missing or older than the source. With
    PYTHONDONTWRITEBYTECODE=1 Python compiles those on every start and never saves them."""
    import importlib.util

    stale = []
    for source in [*sorted((root / "core").rglob("*.py")), *sorted((root / "gui").rglob("*.py"))]:
        cached = Path(importlib.util.cache_from_source(str(source)))
        stamp = int(source.stat().st_mtime).to_bytes(4, "little")
        try:
            fresh = cached.read_bytes()[8:12] == stamp
        except OSError:
            fresh = False
        if not fresh:
            stale.append(str(source.relative_to(root)))
    return stale


def make_variants(folder: Path) -> dict[str, Path]:
    """Copies of this checkout as a user might run it: without compiled bytecode for our
    modules, and without compiled catalogs (.po only)."""
    import shutil

    def copy(target: Path, *, bytecode: bool, catalogs: bool) -> Path:
        ignored = ["*.mo"] if not catalogs else []
        if not bytecode:
            ignored.append("__pycache__")
        for name in ("core", "gui", "resources"):
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns(*ignored))
        shutil.copy2(ROOT / "main.py", target / "main.py")
        return target

    return {
        "no-pyc": copy(folder / "no-pyc", bytecode=False, catalogs=True),
        "no-mo": copy(folder / "no-mo", bytecode=True, catalogs=False),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--variants",
        action="store_true",
        help="also time copies of the app without our bytecode (no-pyc) and without .mo (no-mo)",
    )
    parser.add_argument(
        "--root",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also time the app in another checkout (e.g. an older commit), same venv",
    )
    args = parser.parse_args()
    stale = stale_bytecode(ROOT)
    if stale:
        print(
            f"note: {len(stale)} modules have no up-to-date bytecode (e.g. {stale[0]}); "
            "python -m compileall -q main.py core gui"
        )
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        subprocess.run(
            [sys.executable, "main.py", "demo", "--db", str(db)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        roots = {"app": ROOT}
        for item in args.root:
            name, _sep, path = item.partition("=")
            roots[name] = Path(path).resolve()
        if args.variants:
            roots.update(make_variants(Path(folder)))
        commands = {
            name: [sys.executable, str(root / "main.py"), "--db", str(db), "--exit-after-show"]
            for name, root in roots.items()
        }
        commands["bare"] = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        for command in commands.values():
            run_once(command)  # warm the disk cache for each
        results: dict[str, list[tuple[float, float | None]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                results[name].append(run_once(command))
    summary = {}
    for name, rows in results.items():
        times = [t for t, _ in rows]
        rss = [r for _, r in rows if r is not None]
        summary[name] = (statistics.median(times), statistics.median(rss) if rss else None)
        print(
            f"{name:8s} median {summary[name][0] * 1000:7.0f} ms  (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            + (f"  peak RSS {summary[name][1]:.0f} MB" if rss else "")
        )
    # Pairwise ratios (run i of each against run i of bare) are steadier on a busy machine.
    bare_times = [t for t, _ in results["bare"]]
    for name in commands:
        if name == "bare":
            continue
        ratio = summary[name][0] / summary["bare"][0]
        paired = statistics.median(
            t / b for (t, _), b in zip(results[name], bare_times, strict=True)
        )
        print(
            f"time ratio {name}/bare: {ratio:.2f} (median of paired ratios {paired:.2f}; goal <= 2.0)"
        )
        if summary[name][1] and summary["bare"][1]:
            print(f"memory ratio {name}/bare: {summary[name][1] / summary['bare'][1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
