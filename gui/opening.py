"""Opening a database file from the GUI: create it if asked, respect another user's lock,
and explain every problem with the file in a dialog instead of a traceback."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core import backups, fmt
from core import db as dbmod
from core.errors import DatabaseFileError, DatabaseMissing, LinimasaError, ReadOnlyLocation
from core.i18n import _
from core.lock import LockHeld
from core.opening import LockChoice, OpenPolicy, lock_held_message, open_for_writing
from gui.session import Session

log = logging.getLogger(__name__)

FILE_FILTER = "Linimasa (*.sqlite *.db);;*"
#: False when nobody can answer a dialog (offscreen, smoke tests): questions are printed
#: and answered with their last, most cautious button.
INTERACTIVE = True


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: list[tuple[str, QMessageBox.ButtonRole]],
    default: int = 0,
) -> int:
    """A message box with our own translated button labels; returns the index of the button clicked."""
    if not INTERACTIVE:
        print(f"{title}: {text}", file=sys.stderr)
        return len(buttons) - 1
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    made = [box.addButton(label, role) for label, role in buttons]
    box.setDefaultButton(made[default])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else len(made) - 1


def open_demo(today: dt.date | None = None) -> Session:
    """A fresh file of demo data in a temporary folder, removed when the session closes."""
    import atexit
    import shutil
    import tempfile

    from core import demo

    folder = Path(tempfile.mkdtemp(prefix="linimasa-demo-"))
    # The session removes it on closing; should the app stop before a session owns it
    # (Ctrl+C while a worker makes the demo), it goes when the process ends.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    today = today or dt.date.today()
    try:
        database = dbmod.open_database(folder / "linimasa-demo.sqlite", create=True)
        try:
            demo.populate(database, today=today)
        except BaseException:
            database.close()
            raise
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Session(database, is_demo=True, temp_dir=folder, today=today)


class DialogPolicy(OpenPolicy):
    """The GUI's answers to opening questions: dialogs (printed and declined offscreen)."""

    def __init__(self, parent: QWidget | None, explicit: bool):
        self.parent = parent
        # The default file is created silently on first run; a file the user named is asked about.
        self.create_missing = not explicit

    def confirm_create(self, path: Path) -> bool:
        if self.create_missing:
            return True
        choice = ask(
            self.parent,
            QMessageBox.Icon.Question,
            _("New file"),
            _("{path} does not exist yet. Create a new, empty Linimasa file there?").format(
                path=path
            ),
            [
                (_("Create"), QMessageBox.ButtonRole.AcceptRole),
                (_("Cancel"), QMessageBox.ButtonRole.RejectRole),
            ],
        )
        return choice == 0

    def lock_held(self, held: LockHeld) -> LockChoice:
        choice = ask(
            self.parent,
            QMessageBox.Icon.Warning,
            _("File in use"),
            lock_held_message(held) + "\n\n" + _("You can open it read-only to look at it."),
            [
                (_("Open read-only"), QMessageBox.ButtonRole.AcceptRole),
                (_("Take over…"), QMessageBox.ButtonRole.ActionRole),
                (_("Cancel"), QMessageBox.ButtonRole.RejectRole),
            ],
        )
        return (LockChoice.READ_ONLY, LockChoice.TAKE_OVER, LockChoice.CANCEL)[choice]

    def confirm_take_over(self, held: LockHeld) -> bool:
        return confirm_take_over(self.parent, held)


def open_path(parent: QWidget | None, path: Path, *, explicit: bool) -> Session | None:
    """Open `path` for the GUI, asking the user where a decision is theirs.

    Returns None when the user chose not to open anything. `explicit` is False for
    the default file, which is created silently (with its folder) on first run.
    """
    path = Path(path).expanduser().absolute()
    if not explicit and not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReadOnlyLocation(path) from exc
    opened = open_for_writing(path, DialogPolicy(parent, explicit), daily_backup=True)
    if opened is None:
        return None
    return Session(opened.db, lock=opened.lock)


def confirm_take_over(parent: QWidget | None, held: LockHeld) -> bool:
    choice = ask(
        parent,
        QMessageBox.Icon.Warning,
        _("Take over the file?"),
        _(
            "Only take over if you are sure {holder} no longer has the file open, for example "
            "because that computer crashed or was switched off. If two people change the file at "
            "the same time, changes can be lost."
        ).format(holder=held.info.describe()),
        [
            (_("Take over"), QMessageBox.ButtonRole.DestructiveRole),
            (_("Cancel"), QMessageBox.ButtonRole.RejectRole),
        ],
        default=1,  # Enter must not take a colleague's file
    )
    return choice == 0


def show_file_error(parent: QWidget | None, error: LinimasaError) -> int:
    """Explain a file problem; returns 0 to choose another file, 1 to give up."""
    title = _("File not found") if isinstance(error, DatabaseMissing) else _("Cannot open the file")
    return ask(
        parent,
        QMessageBox.Icon.Critical,
        title,
        str(error),
        [
            (_("Open another file…"), QMessageBox.ButtonRole.AcceptRole),
            (_("Close"), QMessageBox.ButtonRole.RejectRole),
        ],
    )


def choose_file(parent: QWidget | None, save: bool = False) -> Path | None:
    if save:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("New file"), "linimasa.sqlite", FILE_FILTER
        )
    else:
        name, _filter = QFileDialog.getOpenFileName(parent, _("Open file"), "", FILE_FILTER)
    return Path(name) if name else None


def offer_backup(parent: QWidget | None, error: backups.DamagedFile) -> int:
    """A damaged file with a good backup: 0 puts the backup in its place (the damaged file
    kept beside it), 1 chooses another file, 2 gives up. Nothing is written before 0."""
    assert error.backup is not None
    contents = backups.inspect(error.backup.path)
    kept = f"{error.path.name}.damaged-{dt.date.today():%Y-%m-%d}"
    text = _(
        "{path} is damaged (a power cut, a full disk or a failing disk can do this). "
        "Linimasa has not changed it.\n\nThe newest good backup is from {when}: {accounts} "
        "accounts, {posts} posts, {snapshots} figures. Put that backup in its place? Changes "
        "made after it are not in it. The damaged file is kept beside it as {kept}."
    ).format(
        path=error.path,
        when=fmt.datetime_short(error.backup.taken),
        accounts=fmt.number(contents.accounts or 0),
        posts=fmt.number(contents.posts or 0),
        snapshots=fmt.number(contents.snapshots or 0),
        kept=kept,
    )
    return ask(
        parent,
        QMessageBox.Icon.Critical,
        _("The file is damaged"),
        text,
        [
            (_("Use the backup"), QMessageBox.ButtonRole.AcceptRole),
            (_("Open another file…"), QMessageBox.ButtonRole.ActionRole),
            (_("Close"), QMessageBox.ButtonRole.RejectRole),
        ],
    )


def open_interactively(parent: QWidget | None, path: Path, *, explicit: bool) -> Session | None:
    """Open `path`; on a file problem, explain it and let the user pick another file or give up
    (or, for a damaged file, put its newest good backup in its place)."""
    while True:
        try:
            return open_path(parent, path, explicit=explicit)
        except DatabaseFileError as error:
            log.warning("cannot open %s: %s", path, error)
            if isinstance(error, backups.DamagedFile) and error.backup is not None:
                choice = offer_backup(parent, error)
                if choice == 2:
                    return None
                if choice == 0:
                    try:
                        backups.restore_in_place(error.path, error.backup.path)
                    except LinimasaError as second:
                        if show_file_error(parent, second) != 0:
                            return None
                    else:
                        continue  # open it again, now the backup is in its place
            elif isinstance(error, ReadOnlyLocation) and Path(path).is_file():
                choice = ask(
                    parent,
                    QMessageBox.Icon.Warning,
                    _("Cannot open the file"),
                    str(error),
                    [
                        (_("Open read-only"), QMessageBox.ButtonRole.AcceptRole),
                        (_("Open another file…"), QMessageBox.ButtonRole.ActionRole),
                        (_("Close"), QMessageBox.ButtonRole.RejectRole),
                    ],
                )
                if choice == 2:
                    return None
                if choice == 0:
                    try:
                        return Session(dbmod.open_database(path, read_only=True))
                    except DatabaseFileError as second:
                        if show_file_error(parent, second) != 0:
                            return None
            elif show_file_error(parent, error) != 0:
                return None
            chosen = choose_file(parent)
            if chosen is None:
                return None
            path, explicit = chosen, True
