"""Rotating log file under the user's log folder, so a crash leaves something to read."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from core.paths import log_dir

LOG_NAME = "linimasa.log"


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path | None:
    """Log to `folder/linimasa.log` (1 MB × 5 files). Returns the path, or None if not writable."""
    folder = folder or log_dir()
    path = folder / LOG_NAME
    root = logging.getLogger()
    root.setLevel(level)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
