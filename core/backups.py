"""Automatic backups of a Linimasa file, kept in rotation, and restoring one of them.

Where: a `backups/<file stem>/` folder beside the file (for the default file that is
`<data dir>/backups/linimasa/`); a file in the program's own folder keeps its backups in
the data dir instead, since an update replaces that folder. Names say when and why:
`2026-11-28_153012-daily.sqlite`.

When: on opening a file in the app (at most once a day: not when a backup of that day
already exists), before every bulk import's write step, before a restore (the file as it
was), and when the user asks (`Back up now`, `backup` without `--out`). The copy before a
schema upgrade stays where core.db puts it (`NAME.bak-vN` beside the file, never rotated
away); it is listed with the others.

Rotation (after each new backup): every backup of the last 24 hours, then the newest of
each of the 7 most recent days, 4 most recent weeks and 12 most recent months that have
a backup (`KEEP`; a `keep.json` in the file's backups folder, e.g. {"daily": 14}, changes
it for that file). Only files named as above are ever removed.

Copies are made with SQLite's online backup API (core.db.backup): consistent while the
file is in use, written beside the target and renamed, so a failure leaves no half file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sqlite3
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from core import db as dbmod
from core import errors, migrations
from core.db import Database
from core.i18n import N_, _
from core.lock import DatabaseLock

log = logging.getLogger(__name__)

#: How many of the most recent days, weeks and months keep their newest backup.
KEEP = {"daily": 7, "weekly": 4, "monthly": 12}
#: Every backup younger than this is kept (several imports in one day can each be undone).
KEEP_ALL_WITHIN = dt.timedelta(hours=24)
KEEP_FILE = "keep.json"

#: Why a backup was made: the word in its name and what the restore list says.
KINDS = {
    "daily": N_("on opening"),
    "manual": N_("backed up by hand"),
    "import": N_("before an import"),
    "merge": N_("before merging units' data"),
    "restore": N_("before a restore"),
    "upgrade": N_("before an upgrade"),
}

_NAME = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2})_(?P<time>\d{6})-(?P<kind>[a-z]+)(?:-\d+)?\.sqlite$"
)
_UPGRADE_COPY = re.compile(r"\.bak-v\d+(?:-\d+)?$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: dt.datetime
    kind: str

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def kind_text(self) -> str:
        return _(KINDS.get(self.kind, KINDS["manual"]))


@dataclass(frozen=True)
class Contents:
    """What a backup holds, read without changing it; `problem` says why it cannot be used."""

    version: int = 0
    accounts: int | None = None
    posts: int | None = None
    snapshots: int | None = None
    problem: str | None = None

    @property
    def good(self) -> bool:
        return self.problem is None


class BackupUnusable(errors.DatabaseFileError):
    """A backup that cannot be restored (damaged, newer, not Linimasa's)."""

    def __init__(self, path: Path, reason: str):
        self.reason = reason
        super().__init__(
            path,
            _("{path} cannot be restored: {reason}. Nothing was changed.").format(
                path=path, reason=reason.rstrip(".")
            ),
        )


class DamagedFile(errors.CorruptDatabase):
    """A damaged file, with the newest good backup (if any) and how to put it in place."""

    def __init__(self, path: Path, detail: str, backup: Backup | None):
        super().__init__(path, detail)
        self.backup = backup
        if backup is None:
            advice = _("No good backup of it was found in {folder}.").format(
                folder=folder_for(path)
            )
        else:
            advice = _(
                "The newest good backup is {backup} ({when}). To put it in place (the damaged "
                'file is kept beside it): {command} restore --db "{path}" --from "{backup}"'
            ).format(
                backup=backup.path,
                when=backup.taken.strftime("%Y-%m-%d %H:%M"),
                command=command_name(),
                path=path,
            )
        self.args = (f"{self.args[0]} {advice}",)


def command_name() -> str:
    return "linimasa" if getattr(sys, "frozen", False) else "python main.py"


def _program_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def folder_for(path: Path | str) -> Path:
    """The folder that holds `path`'s rotating backups: `backups/<file name>` beside it, or
    under the data folder for a file in the program's folder. Files that would share that
    name (humas.sqlite and humas.db; two humas.sqlite under the program's folder) do not
    share a folder: its name ends with a short fingerprint of the file's full path."""
    path = Path(path).expanduser().absolute()
    base = path.parent / "backups"
    if path.parent.resolve().is_relative_to(_program_dir()):
        from core.paths import data_dir

        base = data_dir() / "backups"
    # CRC-32 is enough to tell apart the few files one folder could hold (and zlib, unlike
    # hashlib, costs nothing to import on opening).
    where = f"{zlib.crc32(str(path.resolve()).encode('utf-8')):08x}"
    return base / f"{path.name}-{where}"


def keep_rules(folder: Path) -> dict[str, int]:
    """KEEP, with what the folder's keep.json changes (a damaged one is ignored, logged)."""
    rules = dict(KEEP)
    try:
        stored = json.loads((folder / KEEP_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return rules
    except (OSError, ValueError) as exc:
        log.warning("ignoring %s: %s", folder / KEEP_FILE, exc)
        return rules
    if isinstance(stored, dict):
        for key in rules:
            value = stored.get(key)
            if isinstance(value, int) and value >= 0:
                rules[key] = value
    return rules


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    day, time = match["day"], match["time"]
    try:  # not strptime: its first call costs a millisecond on opening
        taken = dt.datetime(
            int(day[:4]), int(day[5:7]), int(day[8:10]),
            int(time[:2]), int(time[2:4]), int(time[4:6]),
        )  # fmt: skip
    except ValueError:
        return None
    return Backup(path, taken, match["kind"])


def rotating(path: Path | str) -> list[Backup]:
    """The rotating backups of `path`, newest first."""
    folder = folder_for(path)
    try:
        found = [_parse(child) for child in folder.iterdir() if child.is_file()]
    except OSError:
        return []
    return sorted((b for b in found if b is not None), key=lambda b: b.taken, reverse=True)


def list_backups(path: Path | str) -> list[Backup]:
    """Every backup of `path`: the rotating ones and the copies made before upgrades."""
    path = Path(path).expanduser().absolute()
    found = rotating(path)
    try:
        siblings = [
            child for child in path.parent.iterdir() if child.name.startswith(path.name + ".bak-v")
        ]
    except OSError:
        siblings = []
    for sibling in siblings:
        if _UPGRADE_COPY.search(sibling.name) and sibling.is_file():
            taken = dt.datetime.fromtimestamp(sibling.stat().st_mtime).replace(microsecond=0)
            found.append(Backup(sibling, taken, "upgrade"))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def back_up(db: Database, kind: str, now: dt.datetime | None = None) -> Path:
    """Copy the open file into its backups folder now, then rotate; returns the copy's path."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = folder_for(db.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.CannotWrite(folder, errors.os_reason(exc)) from exc
    stem = f"{now:%Y-%m-%d_%H%M%S}-{kind}"
    target = folder / f"{stem}.sqlite"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{counter}.sqlite"
        counter += 1
    dbmod.backup(db, target, overwrite=False)
    log.info("backed up %s to %s", db.path, target)
    rotate(db.path, now)
    return target


def due(path: Path | str, now: dt.datetime | None = None) -> bool:
    """True when `path` has no rotating backup of today yet."""
    today = (now or dt.datetime.now()).date()
    return not any(b.taken.date() == today for b in rotating(path))


def back_up_daily(db: Database, now: dt.datetime | None = None) -> Path | None:
    """The backup on opening: at most one a day (None when today's exists)."""
    if not due(db.path, now):
        return None
    return back_up(db, "daily", now)


def to_keep(backups: list[Backup], now: dt.datetime, rules: dict[str, int]) -> set[Path]:
    """The backups rotation keeps: the last day's, and the newest of each recent period."""
    newest_first = sorted(backups, key=lambda b: b.taken, reverse=True)
    kept = {b.path for b in newest_first if now - b.taken < KEEP_ALL_WITHIN}
    periods = {
        "daily": lambda t: t.date(),
        "weekly": lambda t: t.isocalendar()[:2],
        "monthly": lambda t: (t.year, t.month),
    }
    for rule, period_of in periods.items():
        seen: set = set()
        for backup in newest_first:
            period = period_of(backup.taken)
            if period in seen:
                continue
            if len(seen) >= rules[rule]:
                break
            seen.add(period)
            kept.add(backup.path)
    return kept


#: A partial copy older than this was left by a backup that was interrupted.
STALE_PARTIAL = dt.timedelta(hours=1)


def _partials(folder: Path, now: dt.datetime) -> list[Path]:
    """What interrupted backups left in the folder (a copy is written as NAME.partial, then
    renamed; one still being written by another process is younger than STALE_PARTIAL)."""
    try:
        return [
            child
            for child in folder.iterdir()
            if ".sqlite.partial" in child.name
            and _NAME.match(child.name.split(".partial")[0])
            and now - dt.datetime.fromtimestamp(child.stat().st_mtime) > STALE_PARTIAL
        ]
    except OSError:
        return []


def rotate(path: Path | str, now: dt.datetime | None = None) -> list[Path]:
    """Remove the rotating backups the rules no longer keep; returns the removed ones."""
    now = now or dt.datetime.now()
    backups = rotating(path)
    kept = to_keep(backups, now, keep_rules(folder_for(path)))
    removed = []
    # What an interrupted backup left (the copy is written beside its name, then renamed).
    for partial in _partials(folder_for(path), now):
        try:
            partial.unlink()
            removed.append(partial)
        except OSError as exc:
            log.warning("could not remove %s: %s", partial, exc)
    for backup in backups:
        if backup.path in kept:
            continue
        try:
            backup.path.unlink()
        except OSError as exc:  # the next rotation tries again
            log.warning("could not remove old backup %s: %s", backup.path, exc)
            continue
        removed.append(backup.path)
    return removed


def inspect(path: Path | str) -> Contents:
    """Read a backup without changing it: quick_check, data version, counts."""
    path = Path(path)
    try:
        dbmod.check_path(path, create=False, read_only=True)
        conn = dbmod.connect(path, read_only=True)
    except errors.LinimasaError as exc:
        return Contents(problem=str(exc))
    except sqlite3.Error:
        return Contents(problem=_("it is damaged"))
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return Contents(problem=_("it is damaged"))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        latest = migrations.latest_version()
        if version == 0:
            return Contents(problem=_("it is not a Linimasa file"))
        if version > latest:
            return Contents(
                version=version,
                problem=_(
                    "it was saved by a newer version of Linimasa (data version {version}; "
                    "this version knows up to {latest})"
                ).format(version=version, latest=latest),
            )
        counts = [_count(conn, table) for table in ("accounts", "posts", "account_snapshots")]
        return Contents(version, *counts)
    except sqlite3.Error:
        return Contents(problem=_("it is damaged"))
    finally:
        conn.close()


def _count(conn: sqlite3.Connection, table: str) -> int | None:
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return None


def newest_good(path: Path | str) -> Backup | None:
    """The newest backup of `path` that passes quick_check and this version can open."""
    for backup in list_backups(path):
        if inspect(backup.path).good:
            return backup
    return None


def with_advice(error: errors.CorruptDatabase) -> DamagedFile:
    """A damaged-file error that also names the newest good backup and the restore command."""
    if isinstance(error, DamagedFile):
        return error
    return DamagedFile(error.path, getattr(error, "detail", ""), newest_good(error.path))


def check_restorable(backup: Path | str) -> Path:
    backup = Path(backup).expanduser().absolute()
    contents = inspect(backup)
    if not contents.good:
        raise BackupUnusable(backup, contents.problem or "")
    return backup


def _stage(backup: Path, target: Path) -> Path:
    """A copy of `backup` beside `target`, ready to be renamed over it."""
    staged = target.with_name(target.name + ".restoring")
    with dbmod.open_database(backup, read_only=True, migrate=False) as source:
        dbmod.backup(source, staged)
    return staged


def _move_with_side_files(source: Path, target: Path) -> None:
    """Rename a database file with its -wal/-shm/-journal (which belong to its contents)."""
    os.replace(source, target)
    for suffix in dbmod.SIDE_SUFFIXES:
        side = source.with_name(source.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))


def _put_in_place(staged: Path, target: Path) -> None:
    try:
        # What is left of the old file's journal would be replayed over the restored one.
        dbmod.remove_side_files(target)
        os.replace(staged, target)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise errors.CannotWrite(target, errors.os_reason(exc)) from exc


def restore(db: Database, backup: Path | str, now: dt.datetime | None = None) -> Path:
    """Replace the file `db` has open with `backup`, all or nothing; returns the backup
    made of the file as it was. The caller holds the file's writer lock; `db` is closed
    (reopen the file to use it)."""
    backup = check_restorable(backup)
    target = db.path
    if os.path.samefile(backup, target):
        raise BackupUnusable(backup, _("it is the open file itself"))
    # Staged first: the safety backup's rotation may remove the very backup chosen.
    staged = _stage(backup, target)
    try:
        safety = back_up(db, "restore", now)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    db.close()  # its last connection: the WAL is written into the file and removed
    _put_in_place(staged, target)
    log.info("restored %s from %s (previous contents in %s)", target, backup, safety)
    return safety


def restore_in_place(path: Path | str, backup: Path | str, now: dt.datetime | None = None):
    """Put `backup` where a damaged (or missing) file is, never writing to the damaged file:
    it is renamed `NAME.damaged-DATE` beside it. Returns that new name (None if there was
    no file). Takes the file's writer lock for the time it takes."""
    path = Path(path).expanduser().absolute()
    backup = check_restorable(backup)
    now = now or dt.datetime.now()
    with DatabaseLock(path, "restore"):
        staged = _stage(backup, path)
        kept = None
        if path.exists():
            kept = path.with_name(f"{path.name}.damaged-{now:%Y-%m-%d}")
            counter = 2
            while kept.exists():
                kept = path.with_name(f"{path.name}.damaged-{now:%Y-%m-%d}-{counter}")
                counter += 1
            try:
                _move_with_side_files(path, kept)
            except OSError as exc:
                staged.unlink(missing_ok=True)
                raise errors.CannotWrite(path, errors.os_reason(exc)) from exc
        try:
            _put_in_place(staged, path)
        except errors.CannotWrite:
            if kept is not None:
                _move_with_side_files(kept, path)
            raise
    log.info("put %s in place of %s (damaged file kept as %s)", backup, path, kept)
    return kept
