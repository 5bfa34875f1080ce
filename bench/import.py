"""Importing a 200,000-row generic CSV against `sqlite-utils insert --csv` of the same file.

    python bench/import.py [--rows 200000] [--accounts 100] [--repeat 3]

Issue 10 asks that a 200,000-row generic CSV be imported (parse, validate, write) within
2× the time of a plain `sqlite-utils insert --csv` of the same file into a new table,
measured in the same run, and the preview (`core.importing.plan`, no writing) within 1×.

The file: --accounts accounts (platform and handle columns), one row per account and day
(200,000 rows = 100 accounts × 2,000 days), every figure column filled, UTF-8 with BOM as
our export writes it. Each repeat imports into a fresh copy of a database that holds the
accounts and no snapshots (so every row is an add: the heaviest case), and runs
`.venv/bin/sqlite-utils insert NEW.db snapshots FILE --csv` into a new file; the two are
timed alternately and the medians compared. sqlite-utils is timed as a command (its Python
start-up included, ~0.3 s), as a user would run it; our import is timed in-process (the
CLI's own start-up, which also opens and migrates the file, is not included). A second
import of the same file into the same database (all rows unchanged) is timed once too.

Prints the times and ratios with PASS/FAIL against the targets; asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this folder is sys.path[0]: bench/calendar.py would stand in for the
# standard `calendar` module (dateutil, which sqlite-utils imports, needs the real one).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from core import accounts, importing  # noqa: E402
from core.db import open_database  # noqa: E402

PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok")


def make_csv(path: Path, rows: int, account_count: int) -> list[tuple[str, str]]:
    handles = [(PLATFORMS[i % len(PLATFORMS)], f"humas_{i:03d}") for i in range(account_count)]
    days = -(-rows // account_count)
    start = dt.date(2019, 1, 1)
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write(
            "unit,platform,handle,date,followers,reach,impressions,engagements,posts_published\r\n"
        )
        for day in range(days):
            date = (start + dt.timedelta(days=day)).isoformat()
            for number, (platform, name) in enumerate(handles):
                if written == rows:
                    break
                base = 10000 + number * 100 + day
                handle.write(
                    f"Biro Humas,{platform},{name},{date},{base},{base * 3},{base * 5},"
                    f"{base // 10},{day % 7}\r\n"
                )
                written += 1
    return handles


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--accounts", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="linimasa-bench-import-"))
    try:
        source = folder / "metrik.csv"
        handles = make_csv(source, args.rows, args.accounts)
        template = folder / "template.sqlite"
        with open_database(template, create=True) as db:
            for platform, handle in handles:
                accounts.create(db, platform=platform, handle=handle)
        print(f"{args.rows:,} rows, {args.accounts} accounts, {source.stat().st_size / 1e6:.1f} MB")
        sqlite_utils = Path(sys.executable).with_name("sqlite-utils")
        plans, writes, totals, baselines = [], [], [], []
        for run in range(args.repeat):
            target = folder / f"run{run}.sqlite"
            shutil.copy(template, target)
            with open_database(target) as db:
                plan_time, plan = timed(lambda db=db: importing.plan(db, [source]))
                assert plan.ok and len(plan.adds) == args.rows, plan.problems[:3]
                write_time, _ = timed(lambda db=db, plan=plan: importing.write(db, plan))
            plans.append(plan_time)
            writes.append(write_time)
            totals.append(plan_time + write_time)
            other = folder / f"plain{run}.db"
            command = [str(sqlite_utils), "insert", str(other), "snapshots", str(source), "--csv"]
            base_time, done = timed(lambda command=command: subprocess.run(command, check=True))
            baselines.append(base_time)
        with open_database(folder / f"run{args.repeat - 1}.sqlite") as db:
            again_time, again = timed(lambda: importing.plan(db, [source]))
            assert again.unchanged == args.rows
        plan_m, write_m = statistics.median(plans), statistics.median(writes)
        total_m, base_m = statistics.median(totals), statistics.median(baselines)
        print(f"sqlite-utils insert --csv: {base_m:.2f} s (median of {args.repeat})")
        print(
            f"preview (plan):            {plan_m:.2f} s  ratio {plan_m / base_m:.2f} "
            f"(target ≤ 1.0: {'PASS' if plan_m <= base_m else 'FAIL'})"
        )
        print(f"write:                     {write_m:.2f} s")
        print(
            f"import (plan + write):     {total_m:.2f} s  ratio {total_m / base_m:.2f} "
            f"(target ≤ 2.0: {'PASS' if total_m <= 2 * base_m else 'FAIL'})"
        )
        print(f"same file again (plan, all unchanged): {again_time:.2f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
