"""Opening a file for writing: the one path every writer takes (the app, `demo`, imports…).

check → lock → open → migrate (with its backup). The questions on the way — the file does
not exist yet: create it? someone else has it open: read-only, take over or cancel? — are
asked through an `OpenPolicy`. The GUI answers them with dialogs; the command line answers
from its flags and, by default, refuses with the same words the GUI shows.

If opening fails, or the work done with a file that was created for it fails, the new file
is removed again (`OpenedFile` as a context manager): a failed command leaves no half-made
file behind.

A file the app opens is backed up into its rotating backups folder at most once a day
(core.backups; commands, which are short and often scripted, back up before their bulk
writes instead). A damaged file is never written to: the error names its newest good backup.
"""

from __future__ import annotations

import enum
import logging
from pathlib import Path

from core import backups
from core import db as dbmod
from core.db import Database
from core.errors import (
    CorruptDatabase,
    DatabaseMissing,
    FolderMissing,
    LinimasaError,
    ReadOnlyLocation,
)
from core.i18n import _
from core.lock import DatabaseLock, LockHeld, break_lock

log = logging.getLogger(__name__)


class LockChoice(enum.Enum):
    READ_ONLY = "read-only"
    TAKE_OVER = "take-over"
    CANCEL = "cancel"


def lock_held_message(held: LockHeld) -> str:
    """What the user is told when someone else has the file open for writing."""
    return str(held) + " " + _("Only one person can change a file at a time.")


class LockRefused(LinimasaError):
    """A command was refused because someone else has the file open for writing."""

    def __init__(self, held: LockHeld):
        self.held = held
        super().__init__(lock_held_message(held))


class OpenPolicy:
    """Answers the questions of `open_for_writing`. This base answers as a cautious command
    line does: create nothing that was not asked for, never take a colleague's file."""

    #: Create a missing file without asking (the app's default file, `demo --db NEW`).
    create_missing = False

    def confirm_create(self, path: Path) -> bool:
        """`path` does not exist yet: create a new, empty file there? (By default: only if
        asked for up front, else say that the file does not exist.)"""
        if not self.create_missing:
            raise DatabaseMissing(path)
        return True

    def lock_held(self, held: LockHeld) -> LockChoice:
        """Someone else holds the file; the default refuses with the GUI's words."""
        raise LockRefused(held)

    def confirm_take_over(self, held: LockHeld) -> bool:
        return False


class OpenedFile:
    """An open file with the lock that lets us write it (None when opened read-only)."""

    def __init__(self, db: Database, lock: DatabaseLock | None, created: bool):
        self.db = db
        self.lock = lock
        self.created = created
        #: The backup taken on opening (None: not due, or not this purpose).
        self.daily_backup: Path | None = None
        #: Why the backup on opening failed (the file opened all the same).
        self.backup_problem: str | None = None

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def close(self, discard: bool = False) -> None:
        """Close the file and release the lock; `discard` also removes a file we created."""
        try:
            self.db.close()
        finally:
            if discard and self.created:
                remove_database_files(self.path)
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> OpenedFile:
        return self

    def __exit__(self, kind, _value, _tb) -> None:
        # Whatever went wrong (an error, Ctrl+C), a file made for this work goes again.
        self.close(discard=kind is not None)


def remove_database_files(path: Path) -> None:
    """Remove a database file we created, with its journal and WAL companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError as exc:  # logged; the user's error is the one that made us discard
            log.warning("could not remove %s%s: %s", path, suffix, exc)


def open_for_writing(
    path: Path | str,
    policy: OpenPolicy | None = None,
    *,
    purpose: str = "app",
    daily_backup: bool = False,
) -> OpenedFile | None:
    """Open `path` to change it: check the file, take its lock, open it, upgrade its schema.

    Returns None when the policy declined (no new file, or cancel on a held lock). Raises
    a `DatabaseFileError` that names the file for every problem with it. A file the policy
    chose to open read-only comes back with `read_only` set and no lock.

    `daily_backup` (the app, where people work for hours): back an existing file up into
    its rotating folder if it has no backup of today yet. Commands are short and often
    scripted; they back up before their bulk writes instead.
    """
    policy = policy or OpenPolicy()
    path = Path(path).expanduser().absolute()
    create = False
    if not path.exists() and not path.is_symlink():
        if not path.parent.is_dir():
            raise FolderMissing(path)
        if not policy.confirm_create(path):
            return None
        create = True
    # Problems with the file or its folder are explained before any lock file is made.
    dbmod.check_path(path, create, read_only=False)
    lock: DatabaseLock | None = DatabaseLock(path, purpose)
    read_only = False
    try:
        _acquire(lock, path)
    except LockHeld as held:
        choice = policy.lock_held(held)
        if choice is LockChoice.TAKE_OVER and policy.confirm_take_over(held):
            break_lock(path)
            _acquire(lock, path)
        elif choice is LockChoice.READ_ONLY:
            lock, read_only, create = None, True, False
        else:
            return None
    if create and path.exists():
        create = False  # someone made it while we asked or waited: it is theirs, never removed
    try:
        database = dbmod.open_database(path, create=create, read_only=read_only)
    except BaseException as exc:
        try:
            if create:
                remove_database_files(path)  # still under our lock: nobody else has it open
        finally:
            if lock is not None:
                lock.release()
        if isinstance(exc, CorruptDatabase):
            raise backups.with_advice(exc) from exc
        raise
    if database.backup_path is not None:
        log.info("upgraded %s; backup at %s", path, database.backup_path)
    opened = OpenedFile(database, lock, created=create)
    if daily_backup and not create and not read_only:
        try:
            opened.daily_backup = backups.back_up_daily(database)
        except LinimasaError as exc:  # a backup must not keep anyone from their file
            log.warning("no backup on opening %s: %s", path, exc)
            opened.backup_problem = str(exc)
    return opened


def _acquire(lock: DatabaseLock, path: Path) -> None:
    try:
        lock.acquire()
    except OSError as exc:
        raise (FolderMissing(path) if not path.parent.is_dir() else ReadOnlyLocation(path)) from exc
