"""The followers chart with ten years of daily figures: its first draw and a range change,
against the same chart of one account, in the same run.

    QT_QPA_PLATFORM=offscreen python bench/charts.py [--repeat 15] [--accounts 20] [--years 10]

Issue 12 asks that the first draw of the followers chart with 20 accounts × 10 years of
daily snapshots (~73,000 points) stay under 300 ms, and that a range change stay under
100 ms (median). The bench makes a file of that size in a temp folder (a baseline file with
one of those accounts, the same 3,650 points, beside it) and times, alternately for the
big file and the baseline:

- first draw: `GrowthTab` built on the file (accounts read, every snapshot of the ticked
  accounts loaded, the chart drawn) and painted once, range "all data";
- range change: the range preset switched (all → 12 months → 3 months → year to date →
  6 months → all …), the chart redrawn and painted;
- indexed toggle: indexed on/off, redrawn and painted, range "all data".

"Painted" means the chart's viewport was grabbed (every visible item draws). Targets are
printed as PASS/FAIL, never asserted; the ratio big/baseline says how the cost grows with
twenty times the points (pyqtgraph's clip-to-view and peak downsampling keep the drawing
about the size of the screen).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# bench/calendar.py would stand in for the standard `calendar` module.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

PRESETS = ("12m", "3m", "ytd", "6m", "all")
TODAY = dt.date(2026, 11, 25)


def make_file(path: Path, accounts_count: int, years: int):
    from core import accounts
    from core.db import new_uid, open_database

    db = open_database(path, create=True)
    first = TODAY - dt.timedelta(days=365 * years)
    days = [(first + dt.timedelta(days=i)).isoformat() for i in range(365 * years)]
    platforms = ("instagram", "facebook", "x", "youtube", "tiktok")
    rows = []
    for n in range(accounts_count):
        account = accounts.create(
            db, platforms[n % len(platforms)], f"akun_{n:02d}", f"Akun {n + 1}"
        )
        rng = random.Random(n)
        followers = rng.randint(500, 50000)
        for day in days:
            followers = max(0, followers + rng.randint(-3, 12))
            rows.append((new_uid(), account.id, day, followers, "bench"))
    with db.transaction():
        db.conn.executemany(
            "INSERT INTO account_snapshots (uid, account_id, date, followers, source) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
    return db


def painted(chart) -> None:
    chart.viewport().grab()


def first_draw(db) -> float:
    from PySide6.QtCore import QSettings

    from gui.session import Session
    from gui.tabs.growth import PRESET_SETTING, GrowthTab

    QSettings().setValue(PRESET_SETTING, "all")
    started = time.perf_counter()
    tab = GrowthTab(Session(db, today=TODAY))
    tab.resize(1100, 700)
    tab.show()
    painted(tab.current_chart())
    took = time.perf_counter() - started
    tab.close()
    tab.deleteLater()
    return took


def range_changes(tab, repeat: int) -> list[float]:
    from core import series

    times = []
    for i in range(repeat):
        preset = PRESETS[i % len(PRESETS)]
        started = time.perf_counter()
        tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index(preset))
        painted(tab.current_chart())
        times.append(time.perf_counter() - started)
    return times


def indexed_toggles(tab, repeat: int) -> list[float]:
    from core import series

    tab.preset_box.setCurrentIndex(series.PRESET_NAMES.index("all"))
    times = []
    for _i in range(repeat):
        started = time.perf_counter()
        tab.indexed_box.toggle()
        painted(tab.current_chart())
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Linimasa-bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = Path(tempfile.mkdtemp(prefix="linimasa-charts-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication.instance() or QApplication([])

    from core import i18n
    from gui.session import Session
    from gui.tabs.growth import PRESET_SETTING, GrowthTab

    i18n.set_language("id")
    big = make_file(folder / "big.sqlite", args.accounts, args.years)
    one = make_file(folder / "one.sqlite", 1, args.years)
    points = big.conn.execute("SELECT count(*) FROM account_snapshots").fetchone()[0]
    print(f"big: {args.accounts} accounts, {points:,} snapshots; baseline: 1 account")

    # warm up (imports of pyqtgraph and numpy are not what is measured)
    first_draw(one)
    app.processEvents()

    firsts: dict[str, list[float]] = {"big": [], "baseline": []}
    for _i in range(max(3, args.repeat // 3)):
        for name, db in (("big", big), ("baseline", one)):
            firsts[name].append(first_draw(db))
            app.processEvents()

    results: dict[str, dict[str, list[float]]] = {"range change": {}, "indexed toggle": {}}
    tabs = {}
    for name, db in (("big", big), ("baseline", one)):
        QSettings().setValue(PRESET_SETTING, "all")
        tab = GrowthTab(Session(db, today=TODAY))
        tab.resize(1100, 700)
        tab.show()
        painted(tab.current_chart())
        tabs[name] = tab
    for name, tab in tabs.items():
        results["range change"][name] = range_changes(tab, args.repeat)
        results["indexed toggle"][name] = indexed_toggles(tab, args.repeat)

    def ms(values: list[float]) -> tuple[float, float]:
        values = sorted(values)
        return statistics.median(values) * 1000, values[int(len(values) * 0.9) - 1] * 1000

    targets = {"first draw": 300, "range change": 100, "indexed toggle": 100}
    rows = [("first draw", firsts)] + list(results.items())
    print(f"{'measure':16s} {'big median':>10s} {'p90':>7s} {'1 acct':>8s} {'ratio':>6s}  target")
    for title, by_name in rows:
        big_median, big_p90 = ms(by_name["big"])
        base_median, _p90 = ms(by_name["baseline"])
        target = targets[title]
        verdict = "PASS" if big_median < target else "FAIL"
        print(
            f"{title:16s} {big_median:8.1f}ms {big_p90:6.1f} {base_median:7.1f}ms "
            f"{big_median / base_median:6.2f}  < {target} ms {verdict}"
        )
    for tab in tabs.values():
        tab.close()
    big.close()
    one.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
