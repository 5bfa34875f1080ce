"""The open file as the GUI sees it: database handle, its lock, and how it was opened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from core.db import Database
from core.lock import DatabaseLock


@dataclass
class Session:
    db: Database
    lock: DatabaseLock | None = None
    is_demo: bool = False
    temp_dir: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def path(self) -> Path:
        return self.db.path

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
