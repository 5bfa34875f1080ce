"""Starting the GUI: the QApplication, language, logging, crash dialog and the first file."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
import traceback
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core import APP_NAME, __version__, i18n, paths
from core.errors import LinimasaError
from core.i18n import _
from core.logs import setup_logging
from core.paths import default_db_path, locale_dir
from gui import opening
from gui.session import Session
from gui.widgets import STYLE_SHEET

log = logging.getLogger(__name__)


class DisplayMissing(LinimasaError):
    pass


def check_display() -> None:
    """On Linux, say clearly that there is no screen instead of letting Qt abort."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            raise DisplayMissing(
                _(
                    "No screen found (DISPLAY is not set). Run Linimasa on a desktop, or set QT_QPA_PLATFORM=offscreen."
                )
            )


def _qt_message(kind: QtMsgType, _context, message: str) -> None:
    """Qt's own warnings go to our log, not to the user's terminal."""
    level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.WARNING
    logging.getLogger("qt").log(level, message)


def create_application(language: str | None) -> QApplication:
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Title bars and the taskbar (on Windows the .exe carries packaging/linimasa.ico too).
    app.setWindowIcon(QIcon(str(paths.resource_dir() / "icons" / "linimasa.svg")))
    language = (
        language
        or os.environ.get("LINIMASA_LANG")
        or QSettings().value("language", i18n.DEFAULT_LANGUAGE)
    )
    if language not in i18n.LANGUAGES:
        language = i18n.DEFAULT_LANGUAGE
    i18n.set_language(language)
    install_qt_translator(app, language)
    app.setStyleSheet(STYLE_SHEET)
    return app


#: The translators install_qt_translator made, taken out again when the language changes.
#: (Asking the app for its QTranslator children instead wraps every child in Python, its
#: style too, and building PySide's QStyle class costs ~5 ms at start.)
_qt_translators: list[QTranslator] = []


def install_qt_translator(app: QApplication, language: str) -> None:
    """Qt's own dialog strings: our catalog in resources/locale first, then Qt's, if any."""
    QLocale.setDefault(QLocale(language))
    for old in _qt_translators:
        if shiboken6.isValid(old):  # not deleted with an earlier QApplication
            app.removeTranslator(old)
            old.deleteLater()
    _qt_translators.clear()
    for folder in (
        str(locale_dir() / "qt"),
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        translator = QTranslator(app)
        _qt_translators.append(translator)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            return


def install_crash_dialog(log_path: Path | None, interactive: bool = True) -> None:
    """An unexpected error is logged and explained, instead of the window vanishing.

    Without a user to click (offscreen, smoke tests) it is printed and the app exits with 1.
    """

    def hook(kind, value, tb) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if not interactive:
            traceback.print_exception(kind, value, tb, file=sys.stderr)
            print(
                _("The details are in the log file:\n{path}").format(path=log_path), file=sys.stderr
            )
            QApplication.exit(1)
            return
        if isinstance(value, LinimasaError):
            QMessageBox.warning(None, "Linimasa", str(value))
            return
        detail = "".join(traceback.format_exception(kind, value, tb))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _("Unexpected error"),
            _(
                "Something went wrong that Linimasa did not expect. Your saved data is safe: every change "
                "is saved whole or not at all.\n\nThe details are in the log file:\n{path}"
            ).format(path=log_path or _("(no log file)")),
        )
        box.setDetailedText(detail)
        box.exec()

    sys.excepthook = hook


class CloseOnSignal:
    """Ctrl+C (SIGINT), SIGTERM and, on Windows, Ctrl+Break (SIGBREAK) close the app the way
    the window's close button does: the session is closed, so NAME.lock is removed and a demo
    file's temporary folder deleted.

    Python runs a signal handler only when the interpreter gets control, which Qt's event
    loop does not give it while it waits: a timer wakes it up a few times a second. The
    handler itself only notes the signal and lets the event loop do the closing, so nothing
    is interrupted halfway. A second signal of the same kind is left to its normal effect,
    which ends a hung app.
    """

    NAMES = ("SIGINT", "SIGTERM", "SIGBREAK")
    WAKE_UP_MS = 200

    def __init__(self, app: QApplication):
        self.window: QWidget | None = None
        self.received: int | None = None
        self._previous: dict[int, object] = {}
        for name in self.NAMES:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._handle)
        self._timer = QTimer(app)
        self._timer.setInterval(self.WAKE_UP_MS)
        self._timer.timeout.connect(lambda: None)  # gives Python its turn
        self._timer.start()

    def _handle(self, number: int, _frame) -> None:
        log.info("signal %s received: closing", signal.Signals(number).name)
        self.received = number
        signal.signal(number, self._previous[number])  # the second one is not softened
        QTimer.singleShot(0, self.close)

    def close(self) -> None:
        # An open question or form is dismissed as if Esc was pressed (its cautious answer).
        for _attempt in range(10):  # dialogs opened from dialogs; never loop forever
            modal = QApplication.activeModalWidget()
            if modal is None:
                break
            modal.close()
            if modal.isVisible():
                modal.hide()
        if self.window is not None:
            # Nobody waits for a question now: unsaved work is kept without asking.
            self.window.unattended = True
            self.window.close()
        # Before the window exists, run_app sees `received` once opening is over.

    def restore(self) -> None:
        self._timer.stop()
        for number, previous in self._previous.items():
            signal.signal(number, previous)


def first_session(args: argparse.Namespace) -> Session | None:
    if args.demo and not args.db:
        return opening.open_demo()
    if args.db:
        session = opening.open_interactively(None, Path(args.db), explicit=True)
        if session is not None and args.demo:
            from core import demo, overview

            if not overview.has_data(session.db):
                demo.populate(session.db, today=session.today)
        return session
    return opening.open_interactively(None, default_db_path(), explicit=False)


def _collect_garbage_from_now_on() -> None:
    """main() keeps Python's garbage collector off while starting. What was made until the
    window showed (modules, classes, the window) lives as long as the app: it is set aside
    (gc.freeze), so turning collection back on does not walk all of it at once."""
    gc.freeze()
    gc.enable()


def run_app(args: argparse.Namespace) -> int:
    check_display()
    log_path = setup_logging()
    app = create_application(args.lang)
    interactive = app.platformName() not in ("offscreen", "minimal") and not args.exit_after_show
    opening.INTERACTIVE = interactive
    install_crash_dialog(log_path, interactive)
    log.info("Linimasa %s starting", __version__)
    closer = CloseOnSignal(app)
    try:
        return _run(args, app, interactive, closer)
    finally:
        closer.restore()


def _run(
    args: argparse.Namespace, app: QApplication, interactive: bool, closer: CloseOnSignal
) -> int:
    try:
        session = first_session(args)
    except LinimasaError as error:
        # The packaged app has no console: say it in a window, not only on stderr.
        log.warning("cannot start: %s", error)
        if interactive:
            QMessageBox.warning(None, "Linimasa", str(error))
        raise
    if closer.received is not None:
        # Asked to close while the file was being opened: close it again, leave nothing behind.
        if session is not None:
            session.close()
        return 0
    if session is None:
        # Nothing was opened (declined or unreadable): a smoke test must not pass on that.
        return 1 if args.exit_after_show else 0
    from gui.mainwindow import MainWindow

    window = MainWindow(session)
    closer.window = window
    window.show()
    QTimer.singleShot(0, lambda: log.info("main window shown"))
    QTimer.singleShot(0, _collect_garbage_from_now_on)
    if args.exit_after_show:
        # Runs once the event loop has painted the window; bench/startup.py times this line.
        QTimer.singleShot(0, lambda: print("window shown", flush=True))
        QTimer.singleShot(50, window.close)
    code = app.exec()
    return code
