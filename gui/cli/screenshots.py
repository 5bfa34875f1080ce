"""`screenshots`: render the main window once per tab (and per extra view) to PNG files."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from core.cli import parse_today, say
from core.errors import UsageError
from core.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("screenshots", help=_("save a picture of every tab as PNG"))
    parser.add_argument("--out", metavar="DIR", required=True, help=_("folder for the PNG files"))
    parser.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help=_("database file"))
    parser.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help=_("use fresh demo data")
    )
    parser.add_argument(
        "--lang", choices=("id", "en"), default=argparse.SUPPRESS, help=_("interface language")
    )
    parser.add_argument("--size", default="1366x768", help=_("window size, e.g. 1366x768"))
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help=_("the date the demo treats as today")
    )
    parser.set_defaults(run=run_screenshots)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UsageError(_("--size: use WIDTHxHEIGHT, e.g. 1366x768")) from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise UsageError(_("--size: use WIDTHxHEIGHT, e.g. 1366x768"))
    return width, height


def _writable_copy(source: Path, folder: Path, today):
    """The window as its user sees it (writable, buttons enabled) without touching their
    file: a copy in our temporary folder, taken safely even while the app has it open."""
    from core import db as dbmod
    from gui.session import Session

    copy = folder / source.expanduser().name
    with dbmod.open_database(source, read_only=True, migrate=False) as database:
        dbmod.backup(database, copy)
    session = Session(dbmod.open_database(copy), today=today)
    session.original_path = source.expanduser().absolute()
    return session


def _render(args, settings_dir: Path, out: Path, size: tuple[int, int], today) -> list[Path]:
    from PySide6.QtCore import QSettings

    from core.logs import setup_logging
    from gui.app import create_application
    from gui.mainwindow import MainWindow
    from gui.screenshots import render_all

    setup_logging()  # Qt's own warnings go to the log file, not the terminal
    # Pictures must not depend on, or change, the user's own window and language settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    app = create_application(getattr(args, "lang", None))
    if getattr(args, "db", None) and not getattr(args, "demo", False):
        session = _writable_copy(Path(args.db), settings_dir, today)
    else:
        from gui.opening import open_demo

        session = open_demo(today)
    try:
        window = MainWindow(session)
    except BaseException:
        session.close()
        raise
    try:
        return render_all(app, window, out, size)
    finally:
        window.close()
        session.close()


def run_screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = parse_size(args.size)
    today = parse_today(args.today)
    out = Path(args.out).expanduser().absolute()
    out.mkdir(parents=True, exist_ok=True)
    settings_dir = tempfile.mkdtemp(prefix="linimasa-shots-")
    try:
        written = _render(args, Path(settings_dir), out, (width, height), today)
    finally:
        shutil.rmtree(settings_dir, ignore_errors=True)
    for path in written:
        say(str(path))
    return 0
