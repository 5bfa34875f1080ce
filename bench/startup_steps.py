"""Where the start-up time goes: the app's start path in laps, medians over fresh processes.

    python bench/startup_steps.py [--runs 15]

Each run is a new process that walks the same steps as `main.py --db FILE --exit-after-show`
(imports, language, QApplication, opening the file, the window with Home filled, show and
first paint) and prints a `perf_counter` lap per step; a bare PySide6 window's steps are
timed the same way. Interpreter start (before the first line of the script) is not in the
laps: bench/startup.py measures whole starts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This folder holds calendar.py (the calendar bench), which would stand in for the standard
# `calendar` module that core.timezone and _strptime import: take the folder off the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


def app_child(db: str) -> None:
    laps: list[tuple[str, float]] = []
    start = last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        laps.append((name, (now - last) * 1000))
        last = now

    sys.path.insert(0, str(ROOT))
    import main  # noqa: F401 - core.i18n, argparse

    lap("import main (i18n, argparse)")
    import gc

    gc.disable()  # as main.main() does until the window is shown
    from core import i18n
    from core.cli import argparse_text

    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    argparse_text.install()
    args = main._parse_app_start(["--db", db, "--exit-after-show"])
    lap("language + arguments (core.cli → core.opening, core.db)")
    main._quicker_pyside_import_hook()
    from PySide6.QtCore import QTimer  # noqa: F401
    from PySide6.QtWidgets import QApplication  # noqa: F401

    lap("import PySide6 QtCore+QtWidgets (bare too)")
    from PySide6.QtCore import Qt  # noqa: F401

    lap("Qt namespace (all its enums)")
    from gui import app as gui_app

    lap("import gui.app (opening, db, logs, widgets)")
    gui_app.check_display()
    gui_app.setup_logging()
    lap("logging")
    application = gui_app.create_application(args.lang)
    lap("QApplication + language + style sheet")
    session = gui_app.first_session(args)
    lap("open the file (lock, check, migrate)")
    from gui.mainwindow import MainWindow

    lap("import gui.mainwindow")
    window = MainWindow(session)
    lap("MainWindow() with Home built and filled")
    window.show()
    lap("show()")

    def painted() -> None:
        lap("first paint (event loop)")
        laps.append(("total in process", (time.perf_counter() - start) * 1000))
        print(json.dumps(laps), flush=True)
        window.close()
        application.quit()

    QTimer.singleShot(0, painted)
    QTimer.singleShot(0, gui_app._collect_garbage_from_now_on)
    application.exec()


def bare_child() -> None:
    laps: list[tuple[str, float]] = []
    start = last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        laps.append((name, (now - last) * 1000))
        last = now

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    lap("import PySide6 QtCore+QtWidgets (bare too)")
    application = QApplication(sys.argv)
    lap("QApplication")
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    lap("show()")

    def painted() -> None:
        lap("first paint (event loop)")
        laps.append(("total in process", (time.perf_counter() - start) * 1000))
        print(json.dumps(laps), flush=True)
        window.close()
        application.quit()

    QTimer.singleShot(0, painted)
    application.exec()


def run(args: list[str]) -> list[tuple[str, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run(
        [sys.executable, __file__, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--child", choices=["app", "bare"])
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child == "app":
        app_child(args.db)
        return 0
    if args.child == "bare":
        bare_child()
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite")
        subprocess.run(
            [sys.executable, "main.py", "demo", "--db", db],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        runs: dict[str, list[list[tuple[str, float]]]] = {"app": [], "bare": []}
        run(["--child", "app", "--db", db])  # warm the disk cache
        for _ in range(args.runs):
            runs["bare"].append(run(["--child", "bare"]))
            runs["app"].append(run(["--child", "app", "--db", db]))
    for name, laps in runs.items():
        print(f"{name} (median of {len(laps)} runs, ms)")
        for i, (step, _ms) in enumerate(laps[0]):
            values = [run_laps[i][1] for run_laps in laps]
            print(
                f"  {step:45s} {statistics.median(values):6.1f}"
                f"   (min {min(values):.1f}, max {max(values):.1f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
