"""Writing a whole file or nothing: the content goes to a hidden partial file beside the
target, which replaces the target only once it is complete (a full disk or a crash midway
leaves the old file, or none, never half of one)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from core import errors
from core.i18n import _


def write_atomically(target: Path | str, write: Callable[[str], object]) -> Path:
    """Call `write(partial_path)` to write the file, then move it over `target`. `write` may
    return False (as Qt's save functions do) to say it failed. Raises `errors.CannotWrite`."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.{os.urandom(4).hex()}.partial")
    try:
        if write(str(partial)) is False or not partial.exists():
            raise errors.CannotWrite(target, _("the file could not be written"))
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise errors.CannotWrite(target, errors.os_reason(exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
