"""Writing a whole file or nothing: the content goes to a hidden partial file beside the
target, which replaces the target only once it is complete (a full disk or a crash midway
leaves the old file, or none, never half of one). Exports, charts and reports all write
through `write_atomically`."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from core import errors
from core.i18n import _

T = TypeVar("T")


def write_atomically(target: Path | str, write: Callable[[str], T]) -> T:
    """Create an empty partial file beside `target` (normal permissions: 0666 less the
    umask, since an export is for colleagues too), call `write(partial_path)` to fill it,
    then move it over `target`; returns what `write` returned. `write` may return False (as
    Qt's save functions do) to say it failed. Raises `errors.CannotWrite` naming the target
    and the reason (a missing folder, a full disk, a file another program holds open)."""
    target = Path(target).expanduser().absolute()
    if not target.parent.is_dir():
        raise errors.CannotWrite(
            target, _("the folder {folder} does not exist").format(folder=target.parent)
        )
    partial = target.with_name(f".{target.name}.{os.urandom(4).hex()}.partial")
    try:
        # Not mkstemp: its files are private (0600).
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as exc:
        raise errors.CannotWrite(target, errors.os_reason(exc)) from exc
    try:
        result = write(str(partial))
        if result is False or not partial.exists():
            raise errors.CannotWrite(target, _("the file could not be written"))
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise errors.CannotWrite(target, _("the disk is full")) from exc
        if isinstance(exc, PermissionError) and target.exists() and sys.platform == "win32":
            # Windows refuses to replace a file another program (Excel) has open.
            raise errors.CannotWrite(
                target, _("another program (Excel?) may have it open; close it and try again")
            ) from exc
        raise errors.CannotWrite(target, errors.os_reason(exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return result
