"""Crash safety: a write killed with SIGKILL at any moment leaves the file as it was before
the whole action or as it is after it, and `check` passes.

Two actions that change many rows, each run in its own process (`sys.executable`, cwd the
project) and killed after a random delay, 50 kills in all (fixed seed):

- `main.py import big.csv --db F`: 30,000 rows of follower figures (adds and changes);
- changing the institution's time zone, which restamps every post's times in one
  transaction (`settings.set(db, "institution.timezone", …)` → `posts.restamp_times`),
  opened the way every writer opens (`core.opening.open_for_writing`).

Each action's duration is measured first in an uninterrupted run, which also gives the
"after" state. One kill in five lands at a random moment before the write transaction
begins; the others at a random moment from when it began (watched in the side file, so a
machine slowed by the parallel runs still kills inside the write) to a little after it ends. The child process notes (in a side file, with unbuffered writes)
when its outermost transaction has begun and when it has committed, so the test can tell
how many kills landed mid-write; kills before or after the write count too, their state
is "before" or "after".

Tables are compared row by row (sorted, as a checksum) without the columns that differ
between two identical runs: random `uid`s and the `created_at`/`updated_at` clocks.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KILLS = {"import": 25, "timezone": 25}
SEED = 20260116
#: Columns that two identical runs fill differently.
VOLATILE = {"uid", "created_at", "updated_at"}

#: Runs in the child: notes "B" once its outermost transaction has begun and "E" once it
#: has committed (os.write: nothing buffered that a SIGKILL could lose), then runs the
#: action. The action is `main.py`'s arguments, or `timezone DB ZONE`.
CHILD = r"""
import contextlib, os, sys
from core import db as dbmod

marks = os.open(os.environ["LINIMASA_CRASH_MARKS"], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
plain = dbmod.Database.transaction

@contextlib.contextmanager
def noted(self):
    outer = not self.conn.in_transaction
    with plain(self) as handle:
        if outer:
            os.write(marks, b"B")
        yield handle
    if outer:
        os.write(marks, b"E")

dbmod.Database.transaction = noted
if sys.argv[1] == "timezone":
    from core import settings
    from core.opening import OpenPolicy, open_for_writing

    with open_for_writing(sys.argv[2], OpenPolicy()) as opened:
        settings.set(opened.db, "institution.timezone", sys.argv[3])
    sys.exit(0)
import main

sys.exit(main.main(sys.argv[1:]))
"""


def _command(action: str, db: Path, data: Path) -> list[str]:
    if action == "import":
        return ["--lang", "en", "import", str(data / "big.csv"), "--db", str(db)]
    return ["timezone", str(db), "Asia/Makassar"]


def _start(action: str, db: Path, data: Path, marks: Path) -> subprocess.Popen:
    env = {**os.environ, "LINIMASA_CRASH_MARKS": str(marks), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *_command(action, db, data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def table_sums(path: Path) -> dict[str, tuple[int, str]]:
    """Each table's row count and a checksum of its sorted rows (volatile columns left out)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sums = {}
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            columns = [
                name
                for _cid, name, *_rest in conn.execute(f'PRAGMA table_info("{table}")')
                if name not in VOLATILE
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = sorted(repr(tuple(r)) for r in conn.execute(f'SELECT {quoted} FROM "{table}"'))
            sums[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return sums
    finally:
        conn.close()


def check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", "--lang", "en", "check", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A file with three accounts, some follower figures and 6,000 posts of 2 versions each
    planned at a time of day (imported as a plan), and the 30,000-row CSV the import kills
    interrupt (a tenth of its rows change stored figures, the rest are new)."""
    from core import accounts, metrics, plan_import
    from core.db import open_database

    data = tmp_path_factory.mktemp("crash")
    path = data / "pristine.sqlite"
    platforms = ("instagram", "facebook", "x")
    first = dt.date(1998, 1, 1)
    with open_database(path, create=True) as db:
        ids = {p: accounts.create(db, platform=p, handle="humas_kota").id for p in platforms}
        metrics.upsert_snapshots(
            db,
            [
                {"account_id": ids[p], "date": first + dt.timedelta(days=d), "followers": 500 + d}
                for p in platforms
                for d in range(0, 10000, 10)
            ],
        )
        lines = ["tanggal;jam;platform;akun;judul;teks;status"]
        for n in range(6000):
            day = dt.date(2025, 1, 1) + dt.timedelta(days=n // 8)
            for platform in platforms[:2]:
                lines.append(
                    f"{day:%d/%m/%Y};{8 + n % 8}:15;{platform};humas_kota;Judul {n};Teks {n};draf"
                )
        (data / "plan.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        plan = plan_import.plan(db, data / "plan.csv")
        assert plan.ok, plan.problems[:3]
        plan_import.write(db, plan)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = ["platform,handle,date,followers,reach"]
    for d in range(10000):
        for p in platforms:
            rows.append(f"{p},humas_kota,{first + dt.timedelta(days=d)},{1000 + d},{3 * d}")
    (data / "big.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return data, path


def _copy(pristine_path: Path, target: Path) -> Path:
    shutil.copyfile(pristine_path, target)
    return target


def _reference(action: str, data: Path, pristine_path: Path) -> tuple[dict, float, float, float]:
    """An uninterrupted run: the state after it, and when (seconds from the start) its write
    transaction began and ended and the process exited."""
    work = data / action
    work.mkdir()
    db = _copy(pristine_path, work / "reference.sqlite")
    marks = work / "reference.marks"
    began = ended = None
    started = time.monotonic()
    process = _start(action, db, data, marks)
    while process.poll() is None:
        text = marks.read_bytes() if marks.exists() else b""
        now = time.monotonic() - started
        if began is None and b"B" in text:
            began = now
        if ended is None and b"E" in text:
            ended = now
        time.sleep(0.002)
    exited = time.monotonic() - started
    out, err = process.communicate()
    assert process.returncode == 0, err.decode()
    assert marks.read_bytes() == b"BE", "the action is one transaction"
    began = exited if began is None else began
    ended = exited if ended is None else ended
    return table_sums(db), began, ended, exited


def _kill_run(action, data, pristine_path, number, when):
    """Run the action and SIGKILL it: `when` is ("start", seconds after it starts) or
    ("write", seconds after its write transaction began — timed from the mark, not from the
    start, so that a machine slowed by the other runs still kills inside the write)."""
    mode, delay = when
    work = data / action
    db = _copy(pristine_path, work / f"kill{number}.sqlite")
    marks = work / f"kill{number}.marks"
    process = _start(action, db, data, marks)
    if mode == "write":
        while process.poll() is None and b"B" not in (
            marks.read_bytes() if marks.exists() else b""
        ):
            time.sleep(0.001)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    process.communicate()
    noted = marks.read_bytes() if marks.exists() else b""
    checked = check(db)
    return {
        "number": number,
        "delay": delay,
        "marks": noted,
        "killed": process.returncode == -signal.SIGKILL,
        "check": (checked.returncode, checked.stdout + checked.stderr),
        "sums": table_sums(db),
        "lock_left": db.with_name(db.name + ".lock").exists(),
    }


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writes_leave_the_file_before_or_after(pristine):
    data, pristine_path = pristine
    before = table_sums(pristine_path)
    rng = random.Random(SEED)
    jobs = []
    summary = {}
    for action, kills in KILLS.items():
        after, began, ended, exited = _reference(action, data, pristine_path)
        assert after != before, f"{action} changed nothing"
        # From a little before the transaction begins to a little after it commits: most
        # kills land mid-write, some before (state: before) or after (state: after).
        write = max(ended - began, 0.01)
        # One kill in five before the write (from the start); the others from the moment
        # the write began, up to a little after it ends.
        delays = [
            ("start", rng.uniform(0.0, began))
            if rng.random() < 0.2
            else ("write", rng.uniform(0.0, 1.15 * write))
            for _ in range(kills)
        ]
        summary[action] = {"before": before, "after": after, "window": (began, ended, exited)}
        jobs += [(action, n, delay) for n, delay in enumerate(delays)]

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(lambda job: (job[0], _kill_run(job[0], data, pristine_path, *job[1:])), jobs)
        )

    mid_write = {action: 0 for action in KILLS}
    outcomes = {action: {"before": 0, "after": 0} for action in KILLS}
    for action, result in results:
        code, said = result["check"]
        assert code == 0, f"{action} kill {result['number']}: check failed: {said}"
        expected = summary[action]
        if result["sums"] == expected["before"]:
            outcomes[action]["before"] += 1
        elif result["sums"] == expected["after"]:
            outcomes[action]["after"] += 1
        else:
            changed = [
                t
                for t in expected["before"]
                if result["sums"].get(t) not in (expected["before"][t], expected["after"][t])
            ]
            pytest.fail(
                f"{action} killed at {result['delay']} (marks {result['marks']!r}): "
                f"neither before nor after; tables {changed}"
            )
        if result["marks"] == b"B":
            mid_write[action] += 1
    report = ", ".join(
        f"{action}: {KILLS[action]} kills, {mid_write[action]} mid-write, "
        f"{outcomes[action]['before']} before / {outcomes[action]['after']} after "
        f"(write {summary[action]['window'][0]:.2f}-{summary[action]['window'][1]:.2f}s "
        f"of {summary[action]['window'][2]:.2f}s)"
        for action in KILLS
    )
    print(f"\ncrash safety: {report}")
    # The delays aim at the write: if none lands in it the test has stopped testing.
    for action in KILLS:
        assert mid_write[action] >= KILLS[action] // 8, report
