"""Merging 20 units' 10-year packages into an empty bureau file, against SQLite copying the
same rows itself (ATTACH + INSERT … SELECT) in the same run.

    python bench/merge.py [--units 20] [--accounts 10] [--years 10] [--posts 250] [--profile]

Issue 17 asks how the exchange of units' packages scales: an institution of --units units ×
--accounts accounts with --years of daily follower snapshots each (20 × 10 × 3,653 days =
730,600 snapshot rows), plus --posts published posts per unit (each with one variant on one
of the unit's accounts, its history row and one row of post figures), and one month more
(what units send next). The institution's file is built quickly (units, members, accounts
and posts through core calls; snapshots and post figures with executemany); then, timed:

- split: `core.unit_package.export_unit` of each unit's whole share from the institution's
  file: each unit's own file (a unit's real file holds its share only);
- export: from each unit's own file, the package of the --years (and of the first unit, the
  last year alone: a year's size) and the package of the month after;
- plan: `core.merge.plan` of the --years packages into an empty bureau file (the preview:
  the whole merge in a transaction rolled back);
- apply: `core.merge.apply` of the same (the CLI and the GUI run plan, a backup, then apply);
- again: `core.merge.apply` of the same packages into the merged file (every row unchanged);
- the month: the bureau's backup (as the CLI makes before applying), plan and apply of the
  month's packages into the merged file: what a bureau does every month.

The baseline, in the same run: SQLite copying the same rows of the same packages into a
fresh file of the same schema (same indexes and CHECKs), every package ATTACHed in turn and
copied in a transaction of its own, each merged table with `INSERT OR IGNORE INTO t (columns
but id) SELECT … FROM pkg.t` (foreign keys off: ids are not translated): the floor for
moving those rows, no Python per row. The merge also opens and checks every package
(checksum over every row); the baseline does not, so that check is counted in the merge.

The goal: plan and apply ≤ 4× the copy. Per row added, the copy does in C what the merge
does too: `OR IGNORE` probes the uid's index and the natural key's, then inserts into the
table and both indexes (~6.5 µs per row at the default size: random uids in a 120 MB file).
The merge does the same B-tree work as three statements through the sqlite3 module (look up
by uid, by natural key, insert), each with a few µs of Python and statement overhead, builds
a dict per row, translates references and compares columns: about 3× the copy when nothing
else is slow; 4× leaves room for that and flags any waste on top. (A first draft set ≤ 20×
from a guess of ~2 µs per copied row; the copy does the same probes as the merge and costs
three times that, so the goal comes from the per-row shape instead.) The goal is meant for
the default size: shrunk with --units/--accounts/--years, the copy's B-trees stay in cache
(~2.5 µs per row) and the ratio rises (6–7× at 4 × 5 × 2 years) while the merge's µs per
row fall. `again` (every row unchanged) is printed against the copy run a second time (every
row ignored: two index probes in C, no writes) with no goal: per row the merge fetches the
row to Python to compare it, so it cannot come near that floor; its absolute time is what
matters.

Prints times, sizes, ratios with PASS/FAIL against the goal and the peak memory (RSS);
asserts nothing. --profile also runs one more apply into an empty file under cProfile and
prints its top entries (the timed runs are not profiled).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this folder is sys.path[0]: bench/calendar.py would stand in for the
# standard `calendar` module.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import cProfile  # noqa: E402
import datetime as dt  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402

from core import accounts, backups, members, merge, posts, settings, unit_package, units  # noqa: E402
from core.db import open_database  # noqa: E402

GOAL = 4.0
PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok")
START = dt.date(2016, 1, 1)


def peak_mb() -> float:
    """The process's peak resident memory so far, MB (Linux: ru_maxrss is in KB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def build(path: Path, unit_count: int, account_count: int, days: int, post_count: int):
    """The institution's file; returns [(unit id, name)] and the snapshot rows written."""
    made = []
    with open_database(path, create=True) as db:
        settings.set(db, "institution.name", "Arsip Contoh")
        with db.transaction():
            accounts_of: dict[int, list[int]] = {}
            owners: dict[int, int] = {}
            for u in range(unit_count):
                unit = units.create(db, f"Unit Kerja {u + 1:02d}", short_name=f"UK{u + 1:02d}")
                owner = members.create(db, f"Admin Unit {u + 1:02d}", "admin", unit.id)
                owners[unit.id] = owner.id
                made.append((unit.id, unit.name))
                accounts_of[unit.id] = [
                    accounts.create(
                        db,
                        platform=PLATFORMS[a % len(PLATFORMS)],
                        handle=f"uk{u + 1:02d}_akun{a + 1:02d}",
                        unit_id=unit.id,
                        responsible_id=owner.id,
                    ).id
                    for a in range(account_count)
                ]
            snapshots = _snapshots(accounts_of, days)
            db.conn.executemany(
                "INSERT INTO account_snapshots (uid, account_id, date, followers, reach, "
                "impressions, engagements, posts_published, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import')",
                snapshots,
            )
            figures = []
            for unit_id, _name in made:
                for p in range(post_count):
                    day = START + dt.timedelta(days=(p * days) // max(post_count, 1))
                    moment = f"{day.isoformat()}T09:00"
                    account = accounts_of[unit_id][p % account_count]
                    post = posts.create(
                        db, f"Unggahan {p + 1} unit {unit_id}", unit_id=unit_id,
                        owner_id=owners[unit_id], planned_at=moment,
                    )  # fmt: skip
                    variant = posts.add_variant(
                        db,
                        post.id,
                        account,
                        text=f"Informasi layanan hari ini, unggahan {p + 1}. #Arsip",
                        status="published",
                        planned_at=moment,
                        published_at=moment,
                        by=owners[unit_id],
                        at=moment,
                    )
                    n = len(figures)
                    figures.append(
                        (str(uuid.uuid4()), variant.id, account, day.isoformat(),
                         1000 + n % 977, 1500 + n % 1313, 50 + n % 97, n % 13, n % 7, "import")
                    )  # fmt: skip
            db.conn.executemany(
                "INSERT INTO post_metrics (uid, variant_id, account_id, date, reach, "
                "impressions, reactions, comments, shares, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                figures,
            )
        rows = db.conn.execute("SELECT count(*) FROM account_snapshots").fetchone()[0]
    return made, rows


def _snapshots(accounts_of: dict[int, list[int]], days: int):
    dates = [(START + dt.timedelta(days=d)).isoformat() for d in range(days)]
    for ids in accounts_of.values():
        for account in ids:
            base = 5000 + account * 137
            for d, date in enumerate(dates):
                followers = base + d * 3 + (d * account) % 11
                yield (
                    str(uuid.uuid4()), account, date, followers, followers * 2 + d % 500,
                    followers * 3, followers // 20 + d % 40, d % 3,
                )  # fmt: skip


def merged_tables(path: Path) -> list[str]:
    """The tables `core.merge` merges from a package, as it lists them."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    finally:
        conn.close()
    return [n for n in names if n not in merge.SKIPPED and n != unit_package.MANIFEST]


def copy_baseline(target: Path, packages: list[Path]) -> float:
    """SQLite copies the packages' rows into `target` (see the docstring); returns seconds."""
    tables = merged_tables(packages[0])
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA journal_mode = WAL")
        columns = {
            t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")') if r[1] != "id"]
            for t in tables
        }
        start = time.perf_counter()
        for path in packages:  # (a database cannot be detached inside a transaction)
            conn.execute("ATTACH DATABASE ? AS pkg", (f"file:{path}?mode=ro",))
            conn.execute("BEGIN IMMEDIATE")
            for table in tables:
                names = ", ".join(f'"{c}"' for c in columns[table])
                conn.execute(
                    f'INSERT OR IGNORE INTO main."{table}" ({names}) '
                    f'SELECT {names} FROM pkg."{table}" ORDER BY rowid'
                )
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE pkg")
        return time.perf_counter() - start
    finally:
        conn.close()


def outline(found: merge.MergePlan) -> str:
    """What a merge found, in numbers (its summary lists every new account by name)."""
    added = ", ".join(f"{table} {n:,}" for table, n in sorted(found.added.items()))
    return (
        f"added {sum(found.added.values()):,} ({added or 'none'}); changed "
        f"{sum(found.changed.values()):,}; unchanged {found.unchanged:,}; new units "
        f"{len(found.new_units)}, new accounts {len(found.new_accounts)}; conflicts "
        f"{len(found.conflicts)}; problems {len(found.problems)}"
    )


def mb(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def export_all(db, made, start: str, end: str, folder: Path, tag: str) -> tuple[list, list]:
    """Every unit's package for the period: (paths, seconds each)."""
    paths, seconds = [], []
    for unit_id, _name in made:
        target = folder / f"{tag}-unit{unit_id:03d}.linimasa"
        took, _m = timed(lambda u=unit_id, t=target: unit_package.export_unit(db, u, start, end, t))
        paths.append(target)
        seconds.append(took)
    return paths, seconds


def ratio_line(label: str, seconds: float, baseline: float, goal: float | None) -> str:
    text = f"{label:<30} {seconds:6.2f} s  ratio {seconds / baseline:5.1f}"
    if goal is not None:
        text += f" (goal ≤ {goal:.0f}: {'PASS' if seconds <= goal * baseline else 'FAIL'})"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--accounts", type=int, default=10, help="accounts per unit")
    parser.add_argument("--years", type=int, default=10, help="years of daily snapshots")
    parser.add_argument("--posts", type=int, default=250, help="published posts per unit")
    parser.add_argument("--profile", action="store_true", help="cProfile an extra apply")
    parser.add_argument("--top", type=int, default=25, help="profile entries printed")
    args = parser.parse_args()
    end = START.replace(year=START.year + args.years) - dt.timedelta(days=1)
    month_end = end + dt.timedelta(days=31)  # the month after: what a unit sends next
    days = (month_end - START).days + 1
    period = (START.isoformat(), end.isoformat())
    month = ((end + dt.timedelta(days=1)).isoformat(), month_end.isoformat())
    year = (end.replace(month=1, day=1).isoformat(), end.isoformat())
    folder = Path(tempfile.mkdtemp(prefix="linimasa-bench-merge-"))
    try:
        institution = folder / "institusi.sqlite"
        build_s, (made, snapshot_rows) = timed(
            lambda: build(institution, args.units, args.accounts, days, args.posts)
        )
        print(
            f"{args.units} units × {args.accounts} accounts, daily {START} – {month_end}: "
            f"{snapshot_rows:,} snapshots, {args.units * args.posts:,} posts; institution file "
            f"{mb(institution)} (built in {build_s:.1f} s)"
        )
        with open_database(institution) as db:
            shares, split = export_all(db, made, START.isoformat(), month[1], folder, "share")
        print(
            f"split: export unit of a unit's whole share from the institution file: "
            f"{statistics.median(split):.2f} s each (median; {sum(split):.1f} s for {len(split)})"
        )
        packages, monthly, exports, month_exports = [], [], [], []
        year_file = folder / "year.linimasa"
        for (unit_id, _name), share in zip(made, shares, strict=True):
            own = folder / f"unit{unit_id:03d}.sqlite"  # the unit's own file
            shutil.copyfile(share, own)
            with open_database(own) as db:
                for tag, (first, last), paths, times in (
                    ("years", period, packages, exports),
                    ("month", month, monthly, month_exports),
                ):
                    target = folder / f"{tag}-unit{unit_id:03d}.linimasa"
                    took, _m = timed(
                        lambda db=db, u=unit_id, t=target, a=first, b=last: (
                            unit_package.export_unit(db, u, a, b, t)
                        )
                    )
                    paths.append(target)
                    times.append(took)
                if unit_id == made[0][0]:
                    own_size = mb(own)
                    year_s, year_manifest = timed(
                        lambda db=db, u=unit_id: unit_package.export_unit(db, u, *year, year_file)
                    )
        in_period = sum(unit_package.read(p).counts["account_snapshots"] for p in packages)
        sizes = [p.stat().st_size for p in packages]
        print(
            f"export unit {period[0]} – {period[1]} from the unit's own file ({own_size}): "
            f"{statistics.median(exports):.2f} s each (median); a package "
            f"{statistics.median(sizes) / 1e6:.2f} MB ({in_period // len(packages):,} "
            f"snapshots), all {sum(sizes) / 1e6:.1f} MB"
        )
        print(
            f"export unit {year[0]} – {year[1]} (the first unit): {year_s:.2f} s; package "
            f"{year_file.stat().st_size / 1e6:.2f} MB "
            f"({year_manifest.counts['account_snapshots']:,} snapshots)"
        )
        month_sizes = [p.stat().st_size for p in monthly]
        print(
            f"export unit {month[0]} – {month[1]}: {statistics.median(month_exports):.2f} s "
            f"each (median); a package {statistics.median(month_sizes) / 1e6:.2f} MB"
        )

        baseline_file = folder / "salinan.sqlite"
        open_database(baseline_file, create=True).close()
        copy_s = copy_baseline(baseline_file, packages)
        copy_again_s = copy_baseline(baseline_file, packages)

        bureau = folder / "biro.sqlite"
        wal = bureau.with_name(bureau.name + "-wal")
        with open_database(bureau, create=True) as db:
            plan_s, found = timed(lambda: merge.plan(db, packages))
            print(f"plan:  {outline(found)}")
            apply_s, applied = timed(lambda: merge.apply(db, packages))
            apply_peak = peak_mb()
            wal_size = mb(wal) if wal.exists() else "none"
            again_s, again = timed(lambda: merge.apply(db, packages))
            print(f"again: {outline(again)}")
            merged_rows = db.conn.execute("SELECT count(*) FROM account_snapshots").fetchone()[0]
            backup_s, _b = timed(lambda: backups.back_up(db, "merge"))
            month_plan_s, month_found = timed(lambda: merge.plan(db, monthly))
            month_apply_s, _m = timed(lambda: merge.apply(db, monthly))
            print(f"month: {outline(month_found)}")
        merged_size = mb(bureau)  # (closed: the WAL is in the file)
        added = sum(applied.added.values())
        print(
            f"merged bureau file: {merged_size}, {merged_rows:,} snapshots (its -wal after "
            f"apply, while open: {wal_size}); the baseline's copy: {mb(baseline_file)}"
        )
        print(
            f"{'copy with SQLite (baseline)':<30} {copy_s:6.2f} s  "
            f"({copy_s / max(added, 1) * 1e6:.1f} µs per row)"
        )
        print(ratio_line("merge plan (preview)", plan_s, copy_s, GOAL))
        print(
            ratio_line("merge apply", apply_s, copy_s, GOAL)
            + f"  ({apply_s / max(added, 1) * 1e6:.1f} µs per row added)"
        )
        print(f"{'CLI merge (plan + apply)':<30} {plan_s + apply_s:6.2f} s")
        print(f"{'copy again (all ignored)':<30} {copy_again_s:6.2f} s")
        print(
            ratio_line("merge again (all unchanged)", again_s, copy_again_s, None)
            + f"  (no goal; something changed: {again.something})"
        )
        print(
            f"the next month ({len(monthly)} packages, "
            f"{sum(month_found.added.values()):,} rows added): backup of the bureau file "
            f"{backup_s:.2f} s, plan {month_plan_s:.2f} s, apply {month_apply_s:.2f} s"
        )
        print(f"peak memory: {max(apply_peak, peak_mb()):.0f} MB (RSS, whole process)")
        if args.profile:
            with open_database(folder / "profiled.sqlite", create=True) as db:
                profiler = cProfile.Profile()
                profiled_s, _p = timed(lambda: profiler.runcall(merge.apply, db, packages))
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("tottime").print_stats(args.top)
            print(f"cProfile of another apply into an empty file ({profiled_s:.1f} s profiled):")
            print(out.getvalue())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
