"""The open file as the GUI sees it: database handle, its lock, and how it was opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.db import Database
from core.lock import DatabaseLock


class Session:
    def __init__(
        self,
        db: Database,
        lock: DatabaseLock | None = None,
        is_demo: bool = False,
        temp_dir: Path | None = None,
        today: dt.date | None = None,
    ):
        self.db = db
        self.lock = lock
        self.is_demo = is_demo
        self.temp_dir = temp_dir
        #: A fixed day (demo data, screenshots, tests); None follows the calendar.
        self.fixed_today = today
        #: The file the user knows, where it differs from the one open (screenshots of a
        #: user's file are taken from a copy).
        self.original_path: Path | None = None

    @property
    def today(self) -> dt.date:
        """The institution's today: its zone's date (WIT is two hours ahead of a laptop on
        WIB), read anew each time so that a window left open overnight moves on."""
        if self.fixed_today is not None:
            return self.fixed_today
        from core import timezone

        return timezone.today(self.db)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def shown_path(self) -> Path:
        """The path the window names (status bar, title)."""
        return self.original_path or self.path

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()
        if self.temp_dir is not None:
            import shutil

            shutil.rmtree(self.temp_dir, ignore_errors=True)
