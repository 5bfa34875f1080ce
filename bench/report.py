"""The PDF report of a year: 20 accounts with daily figures, against one account, same run.

    QT_QPA_PLATFORM=offscreen python bench/report.py [--repeat 5] [--accounts 20] [--years 2]

Issue 14 asks that a 12-month report over 20 accounts with daily snapshots renders in under
3 s. The bench makes a file of 20 accounts × `--years` of daily snapshots (the 12 months
reported and the year before, so start values are read from before the period) and a
baseline file with one account, and times alternately for each:

- build: `core.report.build` (every sentence, table and chart reference of all sections);
- PDF: `gui.report.render.save_pdf` (layout, every page painted with its charts, the file
  written whole);
- preview: `render.page_images` at the Laporan tab's preview resolution.

The whole (build + PDF) is what "renders" means in the target; it is printed as PASS/FAIL,
never asserted. The file maker is bench/charts.py's.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

TARGET_SECONDS = 3.0


def _charts_bench():
    spec = importlib.util.spec_from_file_location("bench_charts", HERE / "charts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--accounts", type=int, default=20)
    parser.add_argument("--years", type=int, default=2)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from core import i18n, report
    from gui.report import render
    from gui.tabs.report import PREVIEW_DPI

    i18n.set_language("id")
    charts = _charts_bench()
    folder = Path(tempfile.mkdtemp(prefix="linimasa-report-"))
    big = charts.make_file(folder / "big.sqlite", args.accounts, args.years)
    one = charts.make_file(folder / "one.sqlite", 1, args.years)
    today = charts.TODAY
    options = report.ReportOptions(
        dt.date(today.year - 1, today.month, 1)
        if today.month > 1
        else dt.date(today.year - 1, 1, 1),
        today,
        today=today,
    )
    points = big.conn.execute("SELECT count(*) FROM account_snapshots").fetchone()[0]
    print(
        f"big: {args.accounts} accounts, {points:,} daily snapshots; baseline: 1 account; "
        f"report {options.start} – {options.end}"
    )
    render.register_fonts()
    render.save_pdf(one, report.build(one, options), folder / "warm.pdf")  # imports, fonts

    times: dict[str, dict[str, list[float]]] = {}
    pages = {}
    for _i in range(args.repeat):
        for name, db in (("big", big), ("baseline", one)):
            lap = time.perf_counter()
            built = report.build(db, options)
            built_at = time.perf_counter()
            render.save_pdf(db, built, folder / f"{name}.pdf")
            saved_at = time.perf_counter()
            images = render.page_images(db, built, PREVIEW_DPI)
            shown_at = time.perf_counter()
            app.processEvents()
            pages[name] = len(images)
            for measure, seconds in (
                ("build", built_at - lap),
                ("PDF", saved_at - built_at),
                ("build + PDF", saved_at - lap),
                ("preview", shown_at - saved_at),
            ):
                times.setdefault(measure, {}).setdefault(name, []).append(seconds)

    print(f"pages: big {pages['big']}, baseline {pages['baseline']}")
    print(f"{'measure':12s} {'big median':>11s} {'1 acct':>8s} {'ratio':>6s}")
    for measure, by_name in times.items():
        big_median = statistics.median(by_name["big"])
        base_median = statistics.median(by_name["baseline"])
        line = (
            f"{measure:12s} {big_median * 1000:9.0f}ms {base_median * 1000:6.0f}ms "
            f"{big_median / base_median:6.2f}"
        )
        if measure == "build + PDF":
            verdict = "PASS" if big_median < TARGET_SECONDS else "FAIL"
            line += f"  target < {TARGET_SECONDS:.0f} s {verdict}"
        print(line)
    big.close()
    one.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
