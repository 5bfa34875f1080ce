"""Numbered schema migrations, tracked by `PRAGMA user_version`.

Each capability adds its own module here named `vNNN_what.py`, with a function
`upgrade(conn)` that moves the schema from version NNN-1 to NNN. The numbers form one
ordered list with no gaps (a test checks it); a module never changes once released.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from sqlite3 import Connection

_NAME = re.compile(r"^v(\d{3})_\w+$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[Connection], None]


def all_migrations() -> list[Migration]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(int(match.group(1)), info.name, module.upgrade))
    found.sort(key=lambda m: m.version)
    return found


def latest_version() -> int:
    """The highest version, read from module names only (cheap: nothing is imported)."""
    versions = [
        int(m.group(1)) for info in pkgutil.iter_modules(__path__) if (m := _NAME.match(info.name))
    ]
    return max(versions, default=0)
