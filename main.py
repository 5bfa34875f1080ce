#!/usr/bin/env python3
"""Linimasa: with no command, open the app; otherwise run one command (see --help).

Each capability registers its own subcommand from a module in `core/cli/` or
`gui/cli/` (a function `register(subparsers)`), so this file stays small.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import sys

from core import __version__, i18n
from core.errors import LinimasaError, UsageError, os_reason
from core.i18n import _

COMMAND_PACKAGES = ("core.cli", "gui.cli")


def _language_from(argv: list[str]) -> str:
    """The language must be known before the parser's help texts are built."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("LINIMASA_LANG", i18n.DEFAULT_LANGUAGE)


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="FILE", help=_("database file to open (default: your data folder)")
    )
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help=_("interface language"))
    parser.add_argument(
        "--demo", action="store_true", help=_("open a fresh file full of demo data")
    )
    parser.add_argument(
        "--exit-after-show",
        action="store_true",
        help=_("show the main window, then exit (smoke test)"),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linimasa",
        description=_("Plan, measure and report an institution's social-media work."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Linimasa {__version__}",
        # argparse's own default for this text is not looked up through gettext
        help=_("show program's version number and exit"),
    )
    _add_app_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    # Import every module first, then register: a module may add a kind to a command that
    # another module defines (`export accounts`), whatever their order. Helper modules
    # without register() are allowed.
    modules = []
    for package_name in COMMAND_PACKAGES:
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            modules.append(importlib.import_module(f"{package_name}.{info.name}"))
    for module in modules:
        register = getattr(module, "register", None)
        if callable(register):
            register(subparsers)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def _accepts_db(parser: argparse.ArgumentParser) -> bool:
    return "--db" in parser._option_string_actions or any(
        _accepts_db(sub) for sub in _subcommands(parser).values()
    )


def _command_options_after_command(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`main.py --db F check` means `main.py check --db F`: commands declare --db as required,
    so move it to the end, where the command's own parser sees it."""
    commands = _subcommands(parser)
    position = next((i for i, arg in enumerate(argv) if arg in commands), None)
    if position is None or not _accepts_db(commands[argv[position]]):
        return argv
    before, moved, i = [], [], 0
    while i < position:
        arg = argv[i]
        if arg == "--db" and i + 1 < position:
            moved += argv[i : i + 2]
            i += 2
            continue
        if arg.startswith("--db="):
            moved.append(arg)
        else:
            before.append(arg)
        i += 1
    return before + argv[position:] + moved


class _QuietParser(argparse.ArgumentParser):
    """Leaves reporting mistakes to the full parser."""

    def error(self, message: str):
        raise ValueError(message)


def _parse_app_start(argv: list[str]) -> argparse.Namespace | None:
    """Starting the app (no command) is the common case: parse it without importing
    every command module. Anything else (a command, --help, a typo) goes to the full parser."""
    quick = _QuietParser(add_help=False)
    _add_app_options(quick)
    try:
        args, rest = quick.parse_known_args(argv)
    except ValueError:
        return None
    if rest:
        return None
    args.command = None
    return args


def _quicker_pyside_import_hook() -> None:
    """PySide6 looks at every module imported after it (for its `from __feature__ import …`):
    it reads the module's source with `inspect.getsource`, which also searches sys.modules
    for each one, to see whether the text mentions "PySide6". The ~90 modules on the way to
    the window cost ~9 ms that way. The same question asked of the file's bytes gives the
    same answer in ~2.5 ms; anything else (no .py file, a frozen app) still goes to
    PySide's own test."""
    import shiboken6  # noqa: F401 - installs PySide's import hook

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "linimasa", False):
        return

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith((".so", ".pyd")):
            return False  # compiled: inspect.getsource would find no text either
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        return original(module)

    mod_uses_pyside.linimasa = True
    feature._mod_uses_pyside = mod_uses_pyside


def _attach_console() -> None:
    """The packaged Windows app has no console of its own: commands (check, backup, --help…)
    write to the console of the terminal that started them."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def main(argv: list[str] | None = None) -> int:
    # Starting allocates many objects (modules, PySide's enums, the window) and frees few:
    # the cyclic garbage collector's passes over them find next to nothing and cost ~6 % of
    # the time to the window. It is off until a command starts or the window is shown
    # (gui.app turns it back on then), and back to how it was when main() returns.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, collecting)
    finally:
        if collecting:
            gc.enable()
        else:
            gc.disable()


def _main(argv: list[str] | None, collecting: bool) -> int:
    argv = sys.argv[1:] if argv is None else argv
    language = _language_from(argv)
    i18n.set_language(language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE)
    from core.cli import argparse_text  # here, with the collector off: core.cli → core.db

    argparse_text.install()
    args = _parse_app_start(argv)
    if args is None:
        _attach_console()
        parser = build_parser()
        args = parser.parse_args(_command_options_after_command(argv, parser))
    if args.command is not None and collecting:
        gc.enable()
    try:
        if args.command is None:
            _quicker_pyside_import_hook()
            from gui.app import run_app

            return run_app(args)
        return args.run(args)
    except UsageError as exc:
        print(_("linimasa: error: {message}").format(message=exc), file=sys.stderr)
        return 2
    except LinimasaError as exc:
        print(_("linimasa: error: {message}").format(message=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        # Files and folders named on the command line: say which and why, no traceback.
        where = exc.filename or ""
        reason = os_reason(exc)
        print(
            _("linimasa: error: {message}").format(
                message=f"{where}: {reason}" if where else reason
            ),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
