"""Time to a shown main window, and peak memory, against a bare PySide6 window in the same run.

    python bench/startup.py [--runs 7]

Both programs are started as fresh processes, alternately; each prints "window shown"
from its event loop once the window has been shown and painted, and the time to that
line is measured (interpreter start included, shutdown not). The app opens a demo database made beforehand (as a user's own file
would be), so the figure covers: imports, opening and checking the file, reading what
the first tab shows, building six tabs and painting. Prints medians and the ratio.
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        subprocess.run(
            [sys.executable, "main.py", "demo", "--db", str(db)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        app = [sys.executable, "main.py", "--db", str(db), "--exit-after-show"]
        bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        run_once(app)  # warm the disk cache for both
        run_once(bare)
        results: dict[str, list[tuple[float, float | None]]] = {"app": [], "bare": []}
        for _ in range(args.runs):
            results["bare"].append(run_once(bare))
            results["app"].append(run_once(app))
    summary = {}
    for name, rows in results.items():
        times = [t for t, _ in rows]
        rss = [r for _, r in rows if r is not None]
        summary[name] = (statistics.median(times), statistics.median(rss) if rss else None)
        print(
            f"{name:5s} median {summary[name][0] * 1000:7.0f} ms  (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            + (f"  peak RSS {summary[name][1]:.0f} MB" if rss else "")
        )
    ratio = summary["app"][0] / summary["bare"][0]
    print(f"time ratio app/bare: {ratio:.2f}  (target <= 1.5)")
    if summary["app"][1] and summary["bare"][1]:
        print(f"memory ratio app/bare: {summary['app'][1] / summary['bare'][1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
