"""One writer per file: a lock file beside the database naming who holds it.

The lock file `NAME.lock` holds the pid, user and host of the app that has the file
open for writing. A lock left behind by a crashed app on this computer is noticed
(its process is gone) and replaced; a lock from another computer is reported with that
computer's name, since we cannot see its processes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from core.errors import DatabaseFileError
from core.i18n import _


@dataclass(frozen=True)
class LockInfo:
    pid: int
    user: str
    host: str
    since: str
    purpose: str = "app"
    #: Tells this holder's lock from another taken by the same process in the same second.
    token: str = ""

    @property
    def unknown(self) -> bool:
        """The lock file could not be read (half-written, damaged, another program's)."""
        return self.pid == -1 and self.user == "?"

    def describe(self) -> str:
        if self.unknown:
            return _("someone unknown (its lock file cannot be read)")
        return _("{user} on computer {host} (since {since})").format(
            user=self.user, host=self.host, since=self.since.replace("T", " ")
        )


class LockHeld(DatabaseFileError):
    def __init__(self, path: Path, info: LockInfo):
        self.info = info
        super().__init__(
            path,
            _("{path} is already open for writing by {holder}.").format(
                path=path, holder=info.describe()
            ),
        )


def lock_path_for(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "?"


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        process_query_limited_information = 0x1000
        still_active = 259
        access_denied = 5
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            # Another user's process (a shared PC, a terminal server) cannot be opened but lives.
            return ctypes.get_last_error() == access_denied
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_raw(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def read_lock(db_path: Path | str) -> LockInfo | None:
    """Who holds the file, or None when nobody does (a stale lock counts as nobody)."""
    path = lock_path_for(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        info = LockInfo(
            **{k: data[k] for k in ("pid", "user", "host", "since")},
            purpose=data.get("purpose", "app"),
            token=data.get("token", ""),
        )
        if not isinstance(info.pid, int) or not all(
            isinstance(v, str) for v in (info.user, info.host, info.since, info.token)
        ):
            raise ValueError("malformed lock file")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Half-written or foreign content: treat as held by an unknown holder, never as free.
        return LockInfo(pid=-1, user="?", host="?", since="?")
    if info.host == socket.gethostname() and not pid_alive(info.pid):
        return None
    return info


class DatabaseLock:
    """Held while a GUI (or a command that replaces the whole file) writes to it."""

    def __init__(self, db_path: Path | str, purpose: str = "app"):
        self.db_path = Path(db_path).absolute()
        self.path = lock_path_for(self.db_path)
        self.purpose = purpose
        self.held = False
        self.info: LockInfo | None = None

    def acquire(self) -> None:
        info = LockInfo(
            pid=os.getpid(),
            user=_current_user(),
            host=socket.gethostname(),
            since=dt.datetime.now().replace(microsecond=0).isoformat(),
            purpose=self.purpose,
            token=os.urandom(8).hex(),
        )
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                judged = _read_raw(self.path)
                holder = read_lock(self.db_path)
                if holder is not None:
                    raise LockHeld(self.db_path, holder) from None
                # Stale: its process is gone. Remove it, unless someone replaced it since it
                # was judged, and try once more.
                if judged is not None and _read_raw(self.path) == judged:
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(info), handle)
            self.info = info
            self.held = True
            return
        holder = read_lock(self.db_path) or LockInfo(-1, "?", "?", "?")
        raise LockHeld(self.db_path, holder)

    def release(self) -> None:
        """Remove the lock file, if it is still ours (a colleague may have taken it over)."""
        if self.held:
            raw = _read_raw(self.path)
            if raw is not None and raw == json.dumps(asdict(self.info)).encode("utf-8"):
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            self.held = False

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def break_lock(db_path: Path | str) -> None:
    """Remove a lock the user has confirmed is left over (e.g. from a computer that crashed)."""
    with contextlib.suppress(FileNotFoundError):
        lock_path_for(db_path).unlink()
