"""Errors a user can read: each says what went wrong and where, in the current language."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from core.i18n import _

log = logging.getLogger(__name__)

#: Windows error codes (OSError.winerror) for a file another program has open.
_WINDOWS_IN_USE = {32, 33}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in the user's language (its own words go to the log:
    they are English, or in the language of the computer's system, not of Linimasa)."""
    log.info("operating system error: %r", exc)
    if getattr(exc, "winerror", None) in _WINDOWS_IN_USE:
        return _("another program is using the file")
    reasons = {
        errno.ENOENT: _("the file or folder does not exist"),
        errno.EEXIST: _("it already exists"),
        errno.EACCES: _("you do not have permission"),
        errno.EPERM: _("you do not have permission"),
        errno.ENOSPC: _("the disk is full"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.EROFS: _("the disk can only be read"),
        errno.EBUSY: _("another program is using the file"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.EINVAL: _("the name is not allowed"),
        errno.EIO: _("the disk could not be read or written (a hardware or network problem)"),
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return _("the system refused (error {code})").format(code=exc.errno)


class LinimasaError(Exception):
    """Base of every error that is shown to the user as its message, without a traceback."""


class ValidationError(LinimasaError, ValueError):
    """A value a user entered (or a file contained) that the data layer will not store."""

    def __init__(self, field: str, value: object, reason: str):
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(
            _("Invalid value for {field}: {value!r} ({reason})").format(
                field=field, value=value, reason=reason
            )
        )


class NotFound(LinimasaError, LookupError):
    def __init__(self, kind: str, key: object):
        self.kind = kind
        self.key = key
        super().__init__(_("No {kind} with id {key}").format(kind=kind, key=key))


class DatabaseFileError(LinimasaError):
    """Something is wrong with the database file itself; `path` says which file."""

    def __init__(self, path: Path | str, message: str):
        self.path = Path(path)
        super().__init__(message)


class DatabaseMissing(DatabaseFileError):
    def __init__(self, path: Path | str):
        super().__init__(path, _("The database file {path} does not exist.").format(path=path))


class FolderMissing(DatabaseFileError):
    def __init__(self, path: Path | str):
        folder = Path(path).parent
        super().__init__(
            path,
            _(
                "The folder {folder} does not exist, so {name} cannot be opened or created there."
            ).format(folder=folder, name=Path(path).name),
        )


class NotADatabase(DatabaseFileError):
    def __init__(self, path: Path | str, detail: str = ""):
        message = _("{path} is not a Linimasa database (it is not an SQLite file).").format(
            path=path
        )
        if detail:
            message += " " + detail
        super().__init__(path, message)


class ForeignDatabase(DatabaseFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _(
                "{path} is an SQLite database of another program, not of Linimasa. It was left untouched."
            ).format(path=path),
        )


class CorruptDatabase(DatabaseFileError):
    def __init__(self, path: Path | str, detail: str):
        # SQLite's own words ("database disk image is malformed", page numbers) are English
        # and technical: they go to the log, the user reads ours.
        self.detail = detail
        log.warning("%s is damaged: %s", path, detail)
        super().__init__(
            path,
            _(
                "The database file {path} is damaged. It was not changed; restore it from a "
                "backup (Linimasa keeps them in the backups folder beside it, and names the "
                "copies it makes before an upgrade *.bak-v*)."
            ).format(path=path),
        )


class NewerDatabase(DatabaseFileError):
    def __init__(self, path: Path | str, version: int, supported: int):
        self.version = version
        self.supported = supported
        super().__init__(
            path,
            _(
                "{path} was saved by a newer version of Linimasa (data version {version}; this "
                "version knows up to {supported}). Update Linimasa to open it; the file was not changed."
            ).format(path=path, version=version, supported=supported),
        )


class ReadOnlyLocation(DatabaseFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _(
                "Linimasa cannot write to {path} or its folder. Copy the file to a folder you can "
                "write to, or open it read-only."
            ).format(path=path),
        )


class ReadOnlyMedium(ReadOnlyLocation):
    """The disk itself cannot be written (a write-protected USB stick, a CD, a read-only share):
    copying the file to another folder on it would not help."""

    def __init__(self, path: Path | str):
        DatabaseFileError.__init__(
            self,
            path,
            _(
                "{path} is on a disk that can only be read (a write-protected USB stick, a CD or "
                "a read-only share). Open it read-only, or copy it to a disk you can write to."
            ).format(path=path),
        )


class DatabaseMoved(DatabaseFileError):
    """The open file is no longer at its path: writing on would change a file the user cannot
    find (moved) or one that is gone when the app closes (deleted)."""

    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _(
                "{path} was moved, renamed or deleted while Linimasa had it open, so nothing more "
                "is saved to it. Open the file again from where it is now (if it was deleted, "
                "restore it from a backup)."
            ).format(path=path),
        )


class NeedsUpgrade(DatabaseFileError):
    def __init__(self, path: Path | str, version: int, latest: int):
        super().__init__(
            path,
            _(
                "{path} has data version {version} and must be upgraded to {latest} before it can "
                "be read, but it was opened read-only."
            ).format(path=path, version=version, latest=latest),
        )


class DiskFull(DatabaseFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _(
                "The disk holding {path} is full. Nothing was saved; free some space and try again."
            ).format(path=path),
        )


class DatabaseBusy(DatabaseFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _("{path} is busy: another program is writing to it. Try again in a moment.").format(
                path=path
            ),
        )


class BackupOntoSource(DatabaseFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _(
                "{path} is the open database itself (or one of its companion files); choose another "
                "name for the backup."
            ).format(path=path),
        )


class OutputFileError(LinimasaError):
    """A file we were asked to write (an export, a report) cannot be written; names it."""

    def __init__(self, path: Path | str, message: str):
        self.path = Path(path)
        super().__init__(message)


class OutputIsFolder(OutputFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _("{path} is a folder; give the name of a file to write in it.").format(path=path),
        )


class OutputExists(OutputFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _("{path} already exists; choose another name or add --force to replace it.").format(
                path=path
            ),
        )


class OutputNotFolder(OutputFileError):
    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _("{path} is a file; give the name of a folder to write the export in.").format(
                path=path
            ),
        )


class FolderHoldsOtherFiles(OutputFileError):
    """--force replaces an earlier export, never a folder of someone's other files."""

    def __init__(self, path: Path | str):
        super().__init__(
            path,
            _(
                "{path} holds files that are not an earlier export, so it is not replaced even "
                "with --force; choose a new or empty folder."
            ).format(path=path),
        )


class CannotWrite(OutputFileError):
    def __init__(self, path: Path | str, reason: str):
        super().__init__(
            path,
            _("Cannot write {path}: {reason}. Nothing was written.").format(
                path=path, reason=reason
            ),
        )


class UsageError(LinimasaError):
    """A command-line mistake: exit code 2."""
