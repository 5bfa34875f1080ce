"""Where Linimasa keeps its files: the default database, logs and bundled resources."""

from __future__ import annotations

import sys
from pathlib import Path

from core import APP_NAME

DEFAULT_DB_NAME = "linimasa.sqlite"


def resource_dir() -> Path:
    """The bundled `resources/` folder, from a source checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"


def locale_dir() -> Path:
    return resource_dir() / "locale"


def data_dir() -> Path:
    import platformdirs  # only when the default location is needed

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
