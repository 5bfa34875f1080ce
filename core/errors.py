"""Errors a user can read: each says what went wrong and where, in the current language."""

from __future__ import annotations

from pathlib import Path

from core.i18n import _


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
        super().__init__(
            path,
            _(
                "The database file {path} is damaged ({detail}). It was not changed; "
                "restore it from a backup (files named *.bak-v* beside it are backups Linimasa made)."
            ).format(path=path, detail=detail),
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


class UsageError(LinimasaError):
    """A command-line mistake: exit code 2."""
