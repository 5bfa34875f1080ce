"""Importing a platform's per-post export against a generic file of as many rows and figures.

    python bench/platform_import.py [--posts 20000] [--variants 5000] [--repeat 3]

A Meta Business Suite Instagram posts export (UTF-8 with BOM, quoted multi-line captions,
thousands commas, MM/DD/YYYY times, 18 columns) of --posts posts of one account, imported
(`core.importing.plan` + `write`) into a copy of a file that holds --variants planned
variants of that account (some of them the export's posts by link, so matching runs against
a full plan), against the baseline measured in the same run: a generic CSV of the same
number of rows and figure columns (platform, handle, date and six counts, over 20 accounts)
imported into a copy of a file with those accounts. Every row is an add in both. The platform file does
more per row (a caption, a link, a time with its zone, an id; matching against the plan),
so the ratio says what that costs; the goal is ≤ 3× the generic import per row.

Prints the times and ratio with PASS/FAIL against the goal; asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from core import accounts, importing, posts  # noqa: E402
from core.db import open_database  # noqa: E402

HANDLE = "diskominfo.contoh"
START = dt.datetime(2020, 1, 1, 7, 0)
GOAL = 3.0
#: The generic file spreads its rows over this many accounts (one row per account and day).
GENERIC_ACCOUNTS = 20


def _moment(number: int, per_day: int) -> dt.datetime:
    return START + dt.timedelta(days=number // per_day, minutes=(number % per_day) * 37)


def make_meta(path: Path, count: int, per_day: int) -> None:
    header = (
        "Post ID,Account ID,Account username,Account name,Description,Duration (sec),"
        "Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,"
        "Comments,Saves\r\n"
    )
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(header)
        for n in range(count):
            moment = _moment(n, per_day)
            views = 1000 + n * 7
            caption = f'"Unggahan {n}, warga Kota Contoh!\nInfo ""layanan"" hari ini.\n#KotaContoh"'
            out.write(
                f"{18_000_000_000_000_000 + n},17841401234567890,{HANDLE},Diskominfo,{caption},0,"
                f"{moment:%m/%d/%Y %H:%M},https://www.instagram.com/p/P{n:08d}/,IG image,,"
                f'Lifetime,"{views:,}",{views // 2},{n % 500},{n % 40},{n % 9},{n % 60},{n % 30}\r\n'
            )


def make_generic(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(
            "platform,handle,date,followers,reach,impressions,engagements,posts_published,"
            "new_followers\r\n"
        )
        day = dt.date(2020, 1, 1)
        for n in range(count):
            date = day + dt.timedelta(days=n // GENERIC_ACCOUNTS)
            views = 1000 + n * 7
            out.write(
                f"instagram,akun_{n % GENERIC_ACCOUNTS},{date.isoformat()},{views},{views // 2},"
                f"{views},{n % 500},{n % 9},{n % 40}\r\n"
            )


def make_db(path: Path, variants: int, per_day: int) -> None:
    with open_database(path, create=True) as db:
        account = accounts.create(db, platform="instagram", handle=HANDLE)
        for n in range(GENERIC_ACCOUNTS):
            accounts.create(db, platform="instagram", handle=f"akun_{n}")
        with db.transaction():
            for n in range(variants):
                post = posts.create(db, f"Rencana {n}")
                # every tenth planned variant is one of the export's posts, by its link
                url = f"https://www.instagram.com/p/P{n * 3:08d}/" if n % 10 == 0 else ""
                posts.add_variant(
                    db,
                    post.id,
                    account.id,
                    text=f"Rencana unggahan {n} untuk warga Kota Contoh hari ini",
                    planned_at=_moment(n * 3, per_day),
                    url=url,
                )


def timed_import(template: Path, work: Path, file: Path) -> tuple[float, float, int]:
    shutil.copy(template, work)
    with open_database(work) as db:
        start = time.perf_counter()
        plan = importing.plan(db, [file], importing.Options())
        planned = time.perf_counter() - start
        assert plan.ok, plan.problems[:3]
        importing.write(db, plan)
        total = time.perf_counter() - start
        matched = sum(1 for r in plan.post_adds if r.variant_id is not None)
    work.unlink()
    return planned, total, matched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--variants", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    per_day = 10
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        meta, generic = tmp / "meta_posts.csv", tmp / "generic.csv"
        make_meta(meta, args.posts, per_day)
        make_generic(generic, args.posts)
        planned_db, plain_db = tmp / "planned.sqlite", tmp / "plain.sqlite"
        make_db(planned_db, args.variants, per_day)
        make_db(plain_db, 0, per_day)
        meta_times, generic_times, meta_plans, generic_plans = [], [], [], []
        matched = 0
        for _ in range(args.repeat):
            plan_s, total_s, _m = timed_import(plain_db, tmp / "g.sqlite", generic)
            generic_plans.append(plan_s)
            generic_times.append(total_s)
            plan_s, total_s, matched = timed_import(planned_db, tmp / "m.sqlite", meta)
            meta_plans.append(plan_s)
            meta_times.append(total_s)
    g, m = statistics.median(generic_times), statistics.median(meta_times)
    gp, mp = statistics.median(generic_plans), statistics.median(meta_plans)
    ratio = m / g
    print(f"rows: {args.posts}; planned variants: {args.variants}; matched by link: {matched}")
    print(f"generic import (baseline): preview {gp:.2f} s, import {g:.2f} s")
    print(f"Meta posts export:         preview {mp:.2f} s, import {m:.2f} s")
    print(f"ratio {ratio:.2f} (goal <= {GOAL}): {'PASS' if ratio <= GOAL else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
