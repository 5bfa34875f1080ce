"""Opening, migrating, checking and backing up the one SQLite file that holds a team's data.

The startup path (open, check the version, read the first tab) uses only the standard
`sqlite3` module; sqlite-utils (which pulls in pandas) loads when first needed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import logging
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from core import errors, migrations
from core.errors import LinimasaError
from core.i18n import _
from core.lock import LockHeld, read_lock
from core.progress import Progress

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "afs",
    "9p",
}


def new_uid() -> str:
    import uuid  # not needed to open a file and show it

    return str(uuid.uuid4())


_savepoints = itertools.count(1)


def now_iso() -> str:
    """This moment as stored in `created_at` / `updated_at`: the computer's local time with
    its offset (2026-11-28T09:00:00+07:00), so that times written on computers in different
    zones (a unit in WIT, the bureau in WIB) compare right when their files are merged."""
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


class Database:
    """An open Linimasa file: a sqlite3 connection in autocommit mode plus what we know of it.

    Writes go through `transaction()`, which is all-or-nothing; nested blocks are savepoints.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool = False):
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.journal_mode = ""
        self.backup_path: Path | None = None
        #: Which file is open (device, inode): writes stop if the path no longer leads to it.
        self.identity = file_identity(path)
        #: A private copy we read instead of `path` (see `_open_private_copy`), removed on close.
        self.private_copy: Path | None = None
        self._su: sqlite_utils.Database | None = None

    @property
    def su(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, imported on first use."""
        if self._su is None:
            import sqlite_utils

            self._su = sqlite_utils.Database(self.conn)
        return self._su

    @property
    def user_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            name = f"sp_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.check_still_there()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise translate_error(exc, self.path) from exc
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise translate_error(exc, self.path) from exc
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def check_still_there(self) -> None:
        """Refuse to write once the file is no longer at its path.

        On Linux and macOS a file can be moved or deleted while it is open; SQLite would go on
        writing to it (to a file the user cannot find, or one that vanishes when we close).
        """
        if self.read_only:
            return
        now = file_identity(self.path)
        if now is None or (self.identity is not None and now != self.identity):
            raise errors.DatabaseMoved(self.path)

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            translated = translate_error(exc, self.path)
            if translated is exc:
                raise
            raise translated from exc

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self.private_copy is not None:
                shutil.rmtree(self.private_copy, ignore_errors=True)
                self.private_copy = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`; None when there is none. (A file system without
    inode numbers gives 0: then only the file's presence is compared.)"""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def on_read_only_medium(path: Path) -> bool:
    """True when the disk holding `path` (or its folder) is mounted read-only."""
    if not hasattr(os, "statvfs"):
        return False  # Windows: os.access already reports a write-protected drive
    target = path if path.exists() else path.parent
    try:
        return bool(os.statvfs(target).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def read_only_error(path: Path) -> errors.ReadOnlyLocation:
    """The file or its folder cannot be written: say whether the whole disk is read-only."""
    if on_read_only_medium(path):
        return errors.ReadOnlyMedium(path)
    return errors.ReadOnlyLocation(path)


def translate_error(exc: sqlite3.Error, path: Path) -> Exception:
    """Turn SQLite's terse messages into ones that say what and where."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return errors.DiskFull(path)
    if "locked" in text or "busy" in text:
        return errors.DatabaseBusy(path)
    if "readonly" in text or "read-only" in text:
        return read_only_error(path)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return errors.CorruptDatabase(path, str(exc))
    if "unable to open" in text:
        if not Path(path).parent.is_dir():
            return errors.FolderMissing(path)
        return read_only_error(path)
    return exc


def is_network_path(path: Path) -> bool:
    """True for a file on a network share, where SQLite's WAL mode is not safe."""
    text = str(path)
    if sys.platform == "win32":
        if text.startswith("\\\\"):
            return True
        import ctypes

        drive_remote = 4
        root = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        # /proc/mounts writes a space in a mount point as \\040 (octal escapes).
        mount = _unescape_mount(parts[1]) if len(parts) >= 3 else ""
        inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
        if mount and inside and len(mount) > len(best):
            best, fstype = mount, parts[2]
    return fstype in NETWORK_FILESYSTEMS


def _unescape_mount(text: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def check_path(path: Path, create: bool, read_only: bool) -> bool:
    """Raise a readable error for a path we cannot use; return True if the file is new."""
    if path.is_dir():
        raise errors.NotADatabase(path, _("It is a folder."))
    if not path.exists():
        if not path.parent.is_dir():
            raise errors.FolderMissing(path)
        if not create or read_only:
            raise errors.DatabaseMissing(path)
        if not os.access(path.parent, os.W_OK):
            raise read_only_error(path)
        return True
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise errors.NotADatabase(path, errors.os_reason(exc)) from exc
    if header and header != SQLITE_HEADER:
        raise errors.NotADatabase(path)
    if not read_only and not _can_write(path):
        raise read_only_error(path)
    return not header


def sqlite_uri(path: Path, **options: str) -> str:
    """A file: URI SQLite accepts for `path`, including Windows drive and UNC paths.

    (pathlib's as_uri() puts a UNC server in the URI's authority, which SQLite refuses.)
    """
    text = path.absolute().as_posix()
    # /home/x -> file:///home/x; //server/share/x -> file:////server/share/x; C:/x -> file:///C:/x
    prefix = "file://" if text.startswith("/") else "file:///"
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return prefix + urllib.parse.quote(text, safe="/:") + ("?" + query if query else "")


def _can_write(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only and _can_write(path):
        # A read-only SQLite connection to a WAL file makes -wal and -shm files it cannot
        # remove on closing. A connection that could write but is told not to (query_only)
        # cleans up after itself like any last reader, so `check`, `backup` and read-only
        # views leave the folder as they found it.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA query_only = ON")
    elif read_only:
        options = {"mode": "ro"}
        shm = path.with_name(path.name + "-shm")
        wal = path.with_name(path.name + "-wal")
        if not shm.exists() and (not wal.exists() or not os.access(path.parent, os.W_OK)):
            # A reader of a WAL file needs its -shm index, which it would make (and leave
            # behind) or cannot make at all in a folder we cannot write to. With no -shm
            # there, no writer has the file open: read it as immutable. (If a colleague is
            # writing, the -shm exists and plain mode=ro works; a -wal with changes in it
            # is read from a private copy instead, see `_needs_private_copy`.)
            options["immutable"] = "1"
        conn = sqlite3.connect(
            sqlite_uri(path, **options),
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def open_database(
    path: Path | str, *, create: bool = False, read_only: bool = False, migrate: bool = True
) -> Database:
    """Open a Linimasa file, creating it if asked and upgrading its schema (after a backup).

    Raises a `errors.DatabaseFileError` subclass that names the file for every problem
    a user can meet: missing file or folder, not SQLite, damaged, from a newer version,
    read-only location.
    """
    path = Path(path).expanduser().absolute()
    is_new = check_path(path, create, read_only)
    copy = _open_private_copy(path) if read_only and _needs_private_copy(path) else None
    try:
        conn = connect(copy / path.name if copy else path, read_only)
    except sqlite3.Error as exc:
        if copy:
            shutil.rmtree(copy, ignore_errors=True)
        raise translate_error(exc, path) from exc
    db = Database(conn, path, read_only)
    db.private_copy = copy
    try:
        _verify(db, is_new)
        version, latest = db.user_version, migrations.latest_version()
        if version > latest:
            raise errors.NewerDatabase(path, version, latest)
        if not read_only:
            _set_journal_mode(db)
        if version < latest:
            if migrate and read_only:
                raise errors.NeedsUpgrade(path, version, latest)
            if migrate:
                db.backup_path = upgrade(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise translate_error(exc, path) from exc
    except BaseException:
        db.close()
        raise
    return db


def _needs_private_copy(path: Path) -> bool:
    """A WAL file whose -wal still holds changes (its writer crashed, or the disk was
    write-protected after a copy) but no -shm, in a folder we cannot write to: SQLite can read
    it neither as it is (it must make the -shm) nor as immutable (which skips the -wal, so the
    last saved changes would look lost)."""
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    try:
        has_changes = wal.stat().st_size > 0
    except OSError:
        return False
    return has_changes and not shm.exists() and not os.access(path.parent, os.W_OK)


def _open_private_copy(path: Path) -> Path:
    """Copy the file and its -wal to a private temporary folder, where SQLite can read both."""
    folder = Path(tempfile.mkdtemp(prefix="linimasa-read-"))
    try:
        for suffix in ("", "-wal"):
            shutil.copyfile(path.with_name(path.name + suffix), folder / (path.name + suffix))
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFull(folder) from exc
        raise errors.NotADatabase(path, errors.os_reason(exc)) from exc
    log.info(
        "reading %s through a private copy in %s (its -wal cannot be read in place)", path, folder
    )
    return folder


def _verify(db: Database, is_new: bool) -> None:
    try:
        tables = [row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if not is_new and db.path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            result = db.conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise errors.CorruptDatabase(db.path, result)
    except sqlite3.DatabaseError as exc:
        translated = translate_error(exc, db.path)
        if isinstance(translated, errors.LinimasaError):
            raise translated from exc
        raise errors.CorruptDatabase(db.path, str(exc)) from exc
    if tables and db.user_version == 0:
        raise errors.ForeignDatabase(db.path)


def _set_journal_mode(db: Database) -> None:
    # WAL is faster and lets readers work during a write, but needs shared memory
    # that network file systems do not provide: there we keep the rollback journal.
    network = is_network_path(db.path)
    mode = "DELETE" if network else "WAL"
    if network or db.identity is None or db.identity[1] == 0:
        db.identity = None  # file ids on shares may change: compare the file's presence only
    db.journal_mode = db.conn.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0].upper()


SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def _is_part_of(target: Path, source: Path) -> bool:
    """True if `target` is the database `source` itself or one of its companion files."""
    companions = [source, *(source.with_name(source.name + s) for s in (*SIDE_SUFFIXES, ".lock"))]
    for companion in companions:
        if os.path.normcase(str(companion)) == os.path.normcase(str(target)):
            return True
        try:
            if target.exists() and companion.exists() and os.path.samefile(target, companion):
                return True
        except OSError:
            continue
    return False


def remove_side_files(path: Path, including_file: bool = False) -> None:
    names = [path.name + suffix for suffix in SIDE_SUFFIXES] + (
        [path.name] if including_file else []
    )
    for name in names:
        path.with_name(name).unlink(missing_ok=True)


def backup_path_for(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}-{counter}")
        counter += 1
    return candidate


def _fill_defaults(db: Database, version: int) -> None:
    """What a file new or older than a capability starts with, in the upgrade's transaction:
    the usual pillars (from before version 3), the default tone checklist (before 6), the
    usual commemorative days (before 7)."""
    latest = db.user_version
    if version < 3 <= latest:
        from core import pillars

        pillars.ensure_default_pillars(db)
    if version < 6 <= latest:
        from core import packs

        packs.install_default(db)
    if version < 7 <= latest:
        from core import calendar_days

        calendar_days.install_default(db)


def upgrade(db: Database) -> Path | None:
    """Run every pending migration in one transaction; back the file up first if it has data.

    Returns the backup's path (None for a new, empty file).
    """
    version = db.user_version
    pending = [m for m in migrations.all_migrations() if m.version > version]
    if not pending:
        return None
    backup_file = None
    if version > 0:
        backup_file = backup_path_for(db.path, version)
        backup(db, backup_file)
        log.info(
            "backed up %s to %s before upgrading from version %d", db.path, backup_file, version
        )
    # SQLite's procedure for schema changes that rebuild a table: foreign keys off outside
    # the transaction (inside one the pragma is a no-op), so that dropping the old table
    # neither cascades into its children nor fails; checked again before committing.
    foreign_keys = db.conn.execute("PRAGMA foreign_keys").fetchone()[0]
    db.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.transaction():
            # Another program may have upgraded the file since we looked: look again, locked.
            pending = [m for m in pending if m.version > db.user_version]
            # Dangling rows the file already had (another tool wrote it) are `check`'s to
            # report; a migration is refused only for the ones it would make.
            known = {tuple(row) for row in db.conn.execute("PRAGMA foreign_key_check")}
            if known:
                log.warning("%s already has %d dangling reference(s)", db.path, len(known))
            for migration in pending:
                log.info(
                    "migrating %s to version %d (%s)", db.path, migration.version, migration.name
                )
                migration.upgrade(db.conn)
                broken = [
                    row
                    for row in db.conn.execute("PRAGMA foreign_key_check")
                    if tuple(row) not in known
                ]
                if broken:
                    raise migrations.MigrationFailed(migration, broken)
                db.conn.execute(f"PRAGMA user_version = {migration.version}")
            _fill_defaults(db, version)
    except BaseException:
        # The file is as it was: the copy made for this attempt is not needed (and repeated
        # attempts must not fill the disk with copies).
        if backup_file is not None:
            backup_file.unlink(missing_ok=True)
        raise
    finally:
        db.conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return backup_file


def backup(
    db: Database, target: Path | str, progress: Progress | None = None, *, overwrite: bool = True
) -> Path:
    """Copy the open database to `target` with SQLite's online backup API (safe while in use).

    The copy is written beside the target first and renamed, so a failure never leaves a
    half-written file under the target's name. The target's problems are said in an order
    whose advice leads somewhere: a folder or the file itself before "it exists" (whose
    way out, `overwrite`, would be refused for those).
    """
    target = Path(target).expanduser().absolute()
    if target.is_dir():
        raise errors.OutputIsFolder(target)
    if not target.parent.is_dir():
        raise errors.FolderMissing(target)
    if _is_part_of(target, db.path):
        raise errors.BackupOntoSource(target)
    if not overwrite and target.exists():
        raise errors.OutputExists(target)
    holder = read_lock(target)
    if holder is not None:  # replacing a file someone has open would lose their later work
        raise LockHeld(target, holder)
    partial = target.with_name(target.name + ".partial")
    remove_side_files(partial, including_file=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            if progress is None:
                db.conn.backup(dest)
            else:
                db.conn.backup(
                    dest,
                    pages=64,
                    progress=lambda _s, left, total: progress.update(total - left, total),
                )
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        # A -wal left beside an old file of that name would be replayed over the copy.
        remove_side_files(target)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise translate_error(exc, target) from exc
    except LinimasaError:
        partial.unlink(missing_ok=True)
        raise
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFull(target) from exc
        raise errors.CannotWrite(target, errors.os_reason(exc)) from exc
    return target


def check(db: Database) -> list[str]:
    """Full integrity and foreign-key check; an empty list means the file is sound."""
    problems = []
    for (result,) in db.conn.execute("PRAGMA integrity_check"):
        if result != "ok":
            problems.append(_("Integrity: {detail}").format(detail=result))
    for table, rowid, parent, _fk in db.conn.execute("PRAGMA foreign_key_check"):
        problems.append(
            _("Table {table}, row {rowid}: refers to a missing row in {parent}").format(
                table=table, rowid=rowid, parent=parent
            )
        )
    latest = migrations.latest_version()
    if db.user_version != latest:
        problems.append(
            _("Data version is {version}, expected {latest}").format(
                version=db.user_version, latest=latest
            )
        )
    return problems
