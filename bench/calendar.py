"""The calendar with years of posts: the month grid's query and models, against a file that
holds only the visible weeks, in the same run.

    QT_QPA_PLATFORM=offscreen python bench/calendar.py [--repeat 30] [--posts 50000]
                                                       [--db PATH] [--rebuild]

Issue 8 asks that building the month view's model and switching months stay under 50 ms
(median) with 50,000 posts over five years, by reading only the visible range. The bench
makes (once; kept in the temp folder, or at --db) a file of that size: 50,000 posts from
2023 to 2027, 1–3 variants each (~100,000) on six accounts in two units, statuses as a
team's file has them (published and cancelled behind today, ideas to scheduled ahead, 3 %
undated ideas), owners, pillars and campaigns. The baseline is a second file with the same
posts of the months measured and nothing else: the visible ranges return the same rows in
both, so the ratio big/baseline says whether the cost grows with the file (it should be
about 1.0 if only the visible range is read). Big and baseline are timed alternately.

Measured, each a median and p90 over --repeat runs, in ms:

- query: `core.planning.entries` for one month's grid (`planning.month_grid`), no filter;
- month model built: `gui.calendar.models.MonthModel(db)` + `show_month`;
- month switch: `show_month` on the same model, for consecutive months in turn;
- month switch, painted: the same, with a `ChipGridView` shown and its viewport grabbed
  (the delegate paints every cell's chips);
- week switch: `WeekModel.show_week` for consecutive weeks;
- list switch: `EntryListModel.set_rows(planning.entries(...))` for a month, as the tab does;
- month switch, text filter: `show_month` with `Filters(text=...)`;
- query without the day index: the query on a copy of the big file with `post_variants_day`
  dropped (what the index saves; no target).

The 50 ms target is printed as PASS/FAIL, never asserted. `EXPLAIN QUERY PLAN` of the
month query is printed: it should search `post_variants` USING INDEX post_variants_day.

PySide6 6.12.0 on Python 3.11 loses a reference to `None` each time Qt's C++ side calls a
Python `data()` that returns None (every paint asks several roles that have no value), and
the process aborts with "none_dealloc: deallocating None" once None's count reaches zero.
This bench found it; pyproject.toml now keeps PySide6 below 6.12 and
tests/gui/test_none_refcount.py guards it. The bench still holds extra references to None (so
it finishes on an affected install too) and prints how many were lost per painted switch.

This file is named calendar.py as the issue asks, which is also a standard module's name;
its folder is taken off `sys.path` first, so `import calendar` elsewhere gets the standard
one.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this folder is sys.path[0] and this file would stand in for the
# standard `calendar` module (core.timezone imports it).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable  # noqa: E402

#: Bump when the generated data changes: cached files carry it in their name.
DATA_VERSION = 1
SEED = 8
FIRST_DAY = dt.date(2023, 1, 1)
LAST_DAY = dt.date(2027, 12, 31)
#: "Today" for the statuses: posts before it are mostly published.
TODAY = dt.date(2026, 11, 28)
#: The months switched through (the first is the one the "built" and "query" rows show).
MONTHS = [(2026, 11), (2026, 12), (2027, 1), (2027, 2), (2026, 9), (2026, 10)]
TARGET_MS = 50.0
FILTER_WORD = "beasiswa"
OFFSET = "+07:00"  # Asia/Jakarta, the default institution zone (no summer time)

PAST_STATUSES = (["published"] * 85) + (["cancelled"] * 5) + (["approved"] * 3) + (["draft"] * 7)
FUTURE_STATUSES = (
    (["idea"] * 15)
    + (["draft"] * 30)
    + (["review"] * 15)
    + (["changes"] * 5)
    + (["approved"] * 15)
    + (["scheduled"] * 20)
)
TOPICS = [
    "Penerimaan mahasiswa baru",
    "Wisuda periode",
    "Seminar nasional",
    "Pengumuman beasiswa",
    "Layanan perpustakaan",
    "Kuliah umum",
    "Prestasi mahasiswa",
    "Info libur akademik",
    "Pendaftaran KKN",
    "Lowongan asisten",
    "Kuis Jumat",
    "Dies natalis",
    "Webinar karier",
    "Kegiatan bakti sosial",
    "Tips belajar",
    "Pengabdian masyarakat",
    "Hasil penelitian dosen",
    "Lomba desain poster",
]
WORDS = str.split(
    "kampus mahasiswa dosen fakultas jurusan kegiatan informasi pendaftaran jadwal layanan "
    "akademik penelitian prestasi semester ujian seminar program kerja sama masyarakat daring "
    "luring gedung rektorat sertifikat panitia peserta narasumber materi tautan formulir batas "
    "waktu syarat dokumen hadir ikuti simak bagikan selamat sukses terima kasih"
)
CAMPAIGNS = ["", "", "", "PMB 2026", "Dies Natalis", "Ramadan", "Hari Pendidikan", "Wisuda"]
HASHTAGS = {
    "facebook": "",
    "instagram": "#kampus #mahasiswa #info",
    "x": "#infokampus",
    "youtube": "",
    "tiktok": "#fyp #kampus",
}


def make_uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate_posts(count: int) -> list[dict]:
    """The posts, each with its variants (account key, status, times), deterministic."""
    rng = random.Random(SEED)
    span = (LAST_DAY - FIRST_DAY).days + 1
    found = []
    for number in range(count):
        undated = rng.random() < 0.03
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        hour, minute = rng.randrange(6, 22), rng.choice((0, 0, 15, 30, 45))
        unit = "faculty" if rng.random() < 0.3 else "main"
        keys = ["fb", "ig", "x", "yt"] if unit == "main" else ["ig2", "tt"]
        many = rng.choices((1, 2, 3), weights=(30, 40, 30))[0]
        topic = rng.choice(TOPICS)
        title = f"{topic} {number % 97 + 1}"
        if rng.random() < 0.04:
            title += f" ({FILTER_WORD})"
        text = " ".join(sentence(rng, rng.randrange(8, 16)) for _ in range(rng.randrange(2, 4)))
        variants = []
        for key in rng.sample(keys, min(many, len(keys))):
            if undated:
                status, planned, published = "idea", None, None
            else:
                pool = PAST_STATUSES if day < TODAY else FUTURE_STATUSES
                status = rng.choice(pool)
                at = dt.datetime.combine(day, dt.time(hour, minute)) + dt.timedelta(
                    minutes=rng.choice((0, 0, 0, 30, 60))
                )
                planned = at.isoformat() + OFFSET
                published = None
                if status == "published":
                    late = at + dt.timedelta(minutes=rng.randrange(0, 20))
                    published = late.isoformat() + OFFSET
            variants.append((key, status, planned, published))
        found.append(
            {
                "number": number,
                "day": None if undated else day,
                "unit": unit,
                "title": title,
                "text": text,
                "owner": rng.randrange(8) if rng.random() < 0.8 else None,
                "pillar": rng.randrange(4) if rng.random() < 0.85 else None,
                "campaign": rng.choice(CAMPAIGNS),
                "variants": variants,
            }
        )
    return found


def build_file(path: Path, posts: list[dict]) -> None:
    """A Linimasa file with these posts: accounts, units and members through core, the posts
    and variants with plain executemany in one transaction."""
    from core import accounts, members, pillars, units
    from core.db import open_database

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(SEED + 1)
    db = open_database(path, create=True)
    try:
        main = units.create(db, "Humas Universitas", "Humas")
        faculty = units.create(db, "Fakultas Teknik", "FT", parent_id=main.id)
        people = [
            members.create(db, name, role, unit.id)
            for name, role, unit in [
                ("Rina Kusuma", "admin", main),
                ("Budi Santoso", "editor", main),
                ("Sari Wulandari", "editor", main),
                ("Agus Pratama", "approver", main),
                ("Dewi Lestari", "editor", faculty),
                ("Eko Saputra", "editor", faculty),
                ("Fitri Handayani", "approver", faculty),
                ("Gilang Ramadhan", "expert", main),
            ]
        ]
        pillar_ids = [p.id for p in pillars.list_pillars(db)]
        while len(pillar_ids) < 4:
            pillar_ids.append(pillars.add_pillar(db, f"Pilar {len(pillar_ids) + 1}").id)
        made = {
            "fb": accounts.create(db, "facebook", "humas.univ", "Humas Univ", main.id),
            "ig": accounts.create(db, "instagram", "humas.univ", "Humas Univ", main.id),
            "x": accounts.create(db, "x", "humasuniv", "Humas Univ", main.id),
            "yt": accounts.create(db, "youtube", "humasuniv", "Humas Univ", main.id),
            "ig2": accounts.create(db, "instagram", "ft.univ", "FT Univ", faculty.id),
            "tt": accounts.create(db, "tiktok", "ft.univ", "FT Univ", faculty.id),
        }
        unit_ids = {"main": main.id, "faculty": faculty.id}
        stamp = "2026-11-01T08:00:00"
        post_rows, variant_rows = [], []
        for post_id, post in enumerate(posts, start=1):
            planned = min((v[2] for v in post["variants"] if v[2]), default=None)
            owner = people[post["owner"]].id if post["owner"] is not None else None
            pillar = pillar_ids[post["pillar"]] if post["pillar"] is not None else None
            post_rows.append(
                (
                    post_id,
                    make_uid(rng),
                    post["title"],
                    unit_ids[post["unit"]],
                    owner,
                    stamp,
                    stamp,
                    post["text"],
                    planned,
                    pillar,
                    post["campaign"],
                )
            )
            for key, status, at, published in post["variants"]:
                account = made[key]
                tags = HASHTAGS[account.platform]
                variant_rows.append(
                    (
                        make_uid(rng),
                        post_id,
                        account.id,
                        status,
                        at,
                        published,
                        post["text"] + ("\n\n" + tags if tags else ""),
                        tags,
                        stamp,
                    )
                )
        with db.transaction():
            db.conn.executemany(
                "INSERT INTO posts (id, uid, title, unit_id, owner_id, created_at, updated_at,"
                " text, planned_at, pillar_id, campaign) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                post_rows,
            )
            db.conn.executemany(
                "INSERT INTO post_variants (uid, post_id, account_id, status, planned_at,"
                " published_at, text, hashtags, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                variant_rows,
            )
        db.conn.execute("ANALYZE")
    finally:
        db.close()


def visible_span() -> tuple[dt.date, dt.date]:
    """From the first grid's first day to the last grid's last day, weeks included."""
    from core import planning

    grids = [planning.month_grid(year, month) for year, month in MONTHS]
    start = min(g[0] for g in grids) - dt.timedelta(days=7)
    end = max(g[1] for g in grids) + dt.timedelta(days=7)
    return start, end


def prepare(folder: Path, big_path: Path | None, count: int, rebuild: bool) -> dict[str, Path]:
    from core import migrations

    tag = f"v{DATA_VERSION}-s{migrations.latest_version()}-{count}"
    big = big_path or folder / f"calendar-{tag}.sqlite"
    small = big.with_name(big.stem + "-visible.sqlite")
    unindexed = big.with_name(big.stem + "-noindex.sqlite")
    if rebuild or not (big.exists() and small.exists() and unindexed.exists()):
        started = time.perf_counter()
        posts = generate_posts(count)
        start, end = visible_span()
        few = [p for p in posts if p["day"] is None or start <= p["day"] <= end]
        # The baseline keeps the visible weeks' posts and nothing else; its undated ideas
        # are thinned to the same share of the file.
        few = [p for p in few if p["day"] is not None or p["number"] % 9 == 0]
        build_file(big, posts)
        build_file(small, few)
        unindexed.unlink(missing_ok=True)
        source = sqlite3.connect(big)
        target = sqlite3.connect(unindexed)
        source.backup(target)
        source.close()
        target.execute("DROP INDEX post_variants_day")
        target.commit()
        target.close()
        print(
            f"made {big} ({len(posts)} posts) and {small.name} ({len(few)} posts) "
            f"in {time.perf_counter() - started:.1f} s"
        )
    return {"big": big, "baseline": small, "noindex": unindexed}


def file_summary(db) -> str:
    posts = db.query("SELECT count(*) FROM posts")[0][0]
    variants = db.query("SELECT count(*) FROM post_variants")[0][0]
    size = db.path.stat().st_size / 1e6
    return f"{posts} posts, {variants} variants, {size:.0f} MB"


def explain(db) -> list[str]:
    """EXPLAIN QUERY PLAN of planning.entries for the first month (no filter)."""
    from core import planning

    start, end = planning.month_grid(*MONTHS[0])
    clauses = [f"{planning._DAY} >= ?", f"{planning._DAY} < ?"]
    sql = f"{planning._SELECT} WHERE {' AND '.join(clauses)} ORDER BY at, a.platform, v.id"
    params = (start.isoformat(), (end + dt.timedelta(days=1)).isoformat())
    return [row[3] for row in db.query("EXPLAIN QUERY PLAN " + sql, params)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="runs of each measure (30)")
    parser.add_argument("--posts", type=int, default=50_000, help="posts in the big file")
    parser.add_argument("--db", type=Path, help="where to keep the big file (default: temp)")
    parser.add_argument("--rebuild", action="store_true", help="make the files again")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from core import planning
    from core.db import open_database
    from gui.calendar.grid_view import ChipGridView
    from gui.calendar.models import EntryListModel, MonthModel, WeekModel

    folder = Path(tempfile.gettempdir()) / "linimasa-bench"
    folder.mkdir(exist_ok=True)
    paths = prepare(folder, args.db, args.posts, args.rebuild)
    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need it
    # Enough references to None to outlast the ones PySide6 loses (see above).
    keep_none_alive = [None] * 5_000_000  # noqa: F841 - freed only by os._exit

    dbs = {name: open_database(path) for name, path in paths.items()}
    for name, db in dbs.items():
        print(f"{name:9s} {db.path.name}: {file_summary(db)}")
    for name in ("big", "noindex"):
        print(f"EXPLAIN QUERY PLAN, month query, {name}:")
        for line in explain(dbs[name]):
            print("   ", line)
    day_index_used = any("post_variants_day" in line for line in explain(dbs["big"]))

    first_grid = planning.month_grid(*MONTHS[0])
    filtered = planning.Filters(text=FILTER_WORD)

    # Each measure: a factory giving, per file, a callable that does one run (its set-up
    # done outside the timing), and what the run showed.
    def query(db) -> Callable[[], int]:
        return lambda: len(planning.entries(db, *first_grid))

    def month_built(db) -> Callable[[], int]:
        def run() -> int:
            model = MonthModel(db)
            model.show_month(*MONTHS[0], planning.Filters())
            return len(model.all_entries())

        return run

    def cycling(show: Callable[[int], int]) -> Callable[[], int]:
        turn = iter(range(10**9))
        return lambda: show(next(turn))

    def month_switch(db, filters=planning.Filters()) -> Callable[[], int]:  # noqa: B008
        model = MonthModel(db)

        def show(turn: int) -> int:
            model.show_month(*MONTHS[turn % len(MONTHS)], filters)
            return len(model.all_entries())

        return cycling(show)

    views = []

    def month_painted(db) -> Callable[[], int]:
        model = MonthModel(db)
        view = ChipGridView(stretch_rows=True)
        view.setModel(model)
        view.resize(1100, 720)
        view.show()
        views.append(view)

        def show(turn: int) -> int:
            model.show_month(*MONTHS[turn % len(MONTHS)], planning.Filters())
            view.viewport().grab()
            return len(model.all_entries())

        return cycling(show)

    def week_switch(db) -> Callable[[], int]:
        model = WeekModel(db)
        monday = planning.week_of(dt.date(*MONTHS[0], 1))[0]

        def show(turn: int) -> int:
            model.show_week(monday + dt.timedelta(weeks=turn % 8), planning.Filters())
            return len(model.all_entries())

        return cycling(show)

    def list_switch(db) -> Callable[[], int]:
        model = EntryListModel()

        def show(turn: int) -> int:
            year, month = MONTHS[turn % len(MONTHS)]
            first = dt.date(year, month, 1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            model.set_rows(planning.entries(db, first, last, planning.Filters()))
            return len(model.rows)

        return cycling(show)

    measures: list[tuple[str, Callable, bool]] = [
        ("query (one month grid)", query, True),
        ("month model built", month_built, True),
        ("month switch", month_switch, True),
        ("month switch, painted", month_painted, True),
        ("week switch", week_switch, True),
        ("list switch (month)", list_switch, True),
        (f"month switch, text '{FILTER_WORD}'", lambda db: month_switch(db, filtered), True),
    ]

    rows = []
    for title, factory, targeted in measures:
        runs = {name: factory(dbs[name]) for name in ("big", "baseline")}
        times: dict[str, list[float]] = {"big": [], "baseline": []}
        shown: dict[str, list[int]] = {"big": [], "baseline": []}
        for run in runs.values():  # warm: caches, Babel, fonts
            for _ in range(len(MONTHS)):
                run()
        gc.collect()
        none_before = sys.getrefcount(None)
        for _ in range(args.repeat * (len(MONTHS) if "switch" in title else 1)):
            for name, run in runs.items():
                started = time.perf_counter()
                count = run()
                times[name].append((time.perf_counter() - started) * 1000)
                shown[name].append(count)
        gc.collect()
        lost = (none_before - sys.getrefcount(None)) / len(times["big"]) / 2
        if lost >= 1:
            print(f"note: {title}: PySide6 lost {lost:.0f} references to None per run")
        if shown["big"] != shown["baseline"]:
            print(f"warning: {title}: big and baseline showed different entries")
        rows.append((title, times, shown["big"], targeted))

    # What the index saves: the same query on the copy without it (fewer runs, it is slow).
    slow = query(dbs["noindex"])
    slow()
    noindex = []
    for _ in range(max(5, args.repeat // 3)):
        started = time.perf_counter()
        slow()
        noindex.append((time.perf_counter() - started) * 1000)

    print()
    print(
        f"{'measure':34s} {'entries':>8s} {'median':>8s} {'p90':>8s} {'baseline':>9s} "
        f"{'ratio':>6s}  target {TARGET_MS:.0f} ms"
    )
    for title, times, counts, targeted in rows:
        big, base = statistics.median(times["big"]), statistics.median(times["baseline"])
        paired = statistics.median(
            b / s for b, s in zip(times["big"], times["baseline"], strict=True)
        )
        verdict = ("PASS" if big < TARGET_MS else "FAIL") if targeted else "-"
        print(
            f"{title:34s} {statistics.median(counts):8.0f} {big:8.1f} "
            f"{percentile(times['big'], 0.9):8.1f} {base:9.1f} {paired:6.2f}  {verdict}"
        )
    first = rows[0][1]["big"]
    print(
        f"{'query without post_variants_day':34s} {'':8s} {statistics.median(noindex):8.1f} "
        f"{percentile(noindex, 0.9):8.1f} {'':9s} "
        f"{statistics.median(noindex) / statistics.median(first):6.1f}  (× the indexed query)"
    )
    print(
        f"\nmedians and p90 in ms over {args.repeat} runs (switches: {args.repeat} × "
        f"{len(MONTHS)} months); ratio = median of paired big/baseline runs; "
        f"day index used: {'yes' if day_index_used else 'NO'}"
    )
    for db in dbs.values():
        db.close()
    # Leaving normally would free the extra references to None (and Qt's objects would ask
    # data() again), which brings None's count below zero: end here.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
