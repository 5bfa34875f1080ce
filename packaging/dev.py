#!/usr/bin/env python3
"""Developer bootstrap for Linimasa: one command to set up and run, stdlib only.

    python3 packaging/dev.py app  [args for main.py]   # launch with demo data
    python3 packaging/dev.py test [args for pytest]    # run the test suite

Both create a virtual environment (`.venv` at the repo root, or $LINIMASA_VENV),
install the dependencies listed in pyproject.toml into it (only when they changed),
compile the translation catalogs, and check that the Linux system libraries Qt needs
are present. Works on Debian/Ubuntu and Windows with nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP_NAME = "linimasa-dev.json"
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "linimasa"

# Shared objects Qt (PySide6 wheels) loads from the system on Linux, with the
# Debian/Ubuntu package that provides each. Needed for every platform plugin,
# including the "offscreen" one the tests use.
QT_CORE_LIBS = [
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libX11.so.6", "libx11-6"),
]
# Needed only by the "xcb" plugin, i.e. to show real windows on an X11 desktop.
QT_XCB_LIBS = [
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
]


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[dev] ERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


# --- virtual environment ------------------------------------------------------------


def venv_dir() -> Path:
    custom = os.environ.get("LINIMASA_VENV")
    return Path(custom).expanduser().absolute() if custom else ROOT / ".venv"


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def venv_hint() -> str:
    if sys.platform.startswith("linux"):
        minor = f"{sys.version_info[0]}.{sys.version_info[1]}"
        return (
            "On Debian/Ubuntu install the venv module first:\n"
            f"    sudo apt-get install python3-venv    (or python{minor}-venv)"
        )
    return "Reinstall Python from python.org with the default options (it includes venv and pip)."


def ensure_venv(venv: Path) -> tuple[Path, bool]:
    """Create the venv if needed. Returns its python and whether it was just created."""
    python = venv_python(venv)
    if python.exists():
        return python, False
    if importlib.util.find_spec("venv") is None or importlib.util.find_spec("ensurepip") is None:
        fail(
            "this Python cannot create virtual environments (no venv/ensurepip module).\n"
            + venv_hint()
        )
    existed = venv.exists()
    command = [sys.executable, "-m", "venv"]
    if (venv / "pyvenv.cfg").exists():
        say(f"{venv} is a broken virtual environment (its python is missing); recreating it")
        command.append("--clear")
    say(f"Creating virtual environment {venv}")
    if subprocess.call([*command, str(venv)]) != 0 or not python.exists():
        if not existed:
            shutil.rmtree(venv, ignore_errors=True)
        fail(f"could not create the virtual environment {venv}.\n" + venv_hint())
    say("Upgrading pip")
    if run_quiet([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"]) != 0:
        say("warning: could not upgrade pip (offline?); continuing with the bundled one")
    return python, True


def run_quiet(command: list[str]) -> int:
    return subprocess.call(command, stdout=subprocess.DEVNULL)


# --- dependencies -------------------------------------------------------------------


def dependency_groups() -> dict[str, list[str]]:
    import tomllib  # only after the version check: Python 3.11+

    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    groups = {"runtime": list(project.get("dependencies", []))}
    for extra, requirements in project.get("optional-dependencies", {}).items():
        groups[extra] = list(requirements)
    return groups


def group_hash(requirements: list[str]) -> str:
    return hashlib.sha256(json.dumps(sorted(requirements)).encode()).hexdigest()[:16]


def read_stamp(venv: Path) -> dict[str, str]:
    try:
        data = json.loads((venv / STAMP_NAME).read_text(encoding="utf-8"))
        return dict(data.get("groups", {}))
    except (OSError, ValueError, AttributeError):
        return {}


def ensure_dependencies(python: Path, venv: Path, wanted: list[str], fresh: bool) -> None:
    groups = dependency_groups()
    for name in wanted:
        if name not in groups:
            fail(f"pyproject.toml has no [project.optional-dependencies] {name!r}")
    current = {name: group_hash(groups[name]) for name in groups}
    stamp = read_stamp(venv)
    if all(stamp.get(name) == current[name] for name in wanted):
        return
    requirements = []
    for name in wanted:
        requirements += [r for r in groups[name] if r not in requirements]
    label = " + ".join(wanted)
    note = "; this takes a few minutes" if fresh else ""
    say(f"Installing {label} dependencies ({len(requirements)} packages{note})")
    # A venv left half-made by an earlier failure may lack pip: give it one.
    has_pip = run_quiet([str(python), "-m", "pip", "--version"]) == 0
    if not has_pip and run_quiet([str(python), "-m", "ensurepip", "--upgrade"]) != 0:
        fail(f"the virtual environment {venv} has no pip. Delete it and run again.\n" + venv_hint())
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", *requirements]
    if subprocess.call(command) != 0:
        fail(
            "pip install failed (see above). Check the network/proxy, then run this command again."
        )
    # Keep the groups that are still up to date, add the ones just installed.
    kept = {name: h for name, h in stamp.items() if current.get(name) == h}
    kept.update({name: current[name] for name in wanted})
    data = {"groups": kept}
    (venv / STAMP_NAME).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# --- translations -------------------------------------------------------------------


def compile_catalogs(python: Path) -> None:
    catalogs = sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    if not catalogs:
        say(
            f"No translation catalogs ({LOCALE_DIR.relative_to(ROOT)}/*/LC_MESSAGES/{DOMAIN}.po) yet; skipping"
        )
        return
    stale = [po for po in catalogs if not is_newer(po.with_suffix(".mo"), po)]
    if not stale:
        return
    say("Compiling translation catalogs: " + ", ".join(po.parent.parent.name for po in stale))
    command = [
        str(python),
        "-m",
        "babel.messages.frontend",
        "-q",
        "compile",
        "-d",
        str(LOCALE_DIR.relative_to(ROOT)),
        "-D",
        DOMAIN,
    ]
    if subprocess.call(command, cwd=ROOT) != 0:
        fail("could not compile the translation catalogs (see the messages above)")
    for po in stale:
        if not is_newer(po.with_suffix(".mo"), po):
            say(f"warning: {po.relative_to(ROOT)} was not compiled (is its header marked fuzzy?)")


def compile_bytecode(python: Path) -> None:
    """Compile our modules once. PYTHONDONTWRITEBYTECODE=1 (common in containers and CI)
    makes Python compile every module on each start and never save the result: the app
    then starts about a fifth slower (docs/PERFORMANCE.md). compileall writes .pyc files
    whatever that variable says, and skips the ones that are up to date."""
    targets = [str(ROOT / name) for name in ("main.py", "core", "gui")]
    command = [str(python), "-m", "compileall", "-q", *targets]
    if run_quiet(command) != 0:
        say("warning: could not compile the Python modules; the app still runs, a bit slower")


def is_newer(target: Path, source: Path) -> bool:
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


# --- Qt system libraries (Linux) ----------------------------------------------------


def platform_names() -> list[str]:
    value = os.environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":")[0].strip() for part in value.split(";") if part.strip()]


def missing_libraries(libraries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    import ctypes

    missing = []
    for soname, package in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append((soname, package))
    return missing


def check_qt_libraries(need_display: bool) -> None:
    if not sys.platform.startswith("linux"):
        return
    names = platform_names()
    first = names[0] if names else ""
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    uses_xcb = first == "xcb" or (not first and not wayland)
    headless = first in {"offscreen", "minimal", "vnc"}

    missing = missing_libraries(QT_CORE_LIBS)
    xcb_missing = [] if headless else missing_libraries(QT_XCB_LIBS)
    fatal = missing + (xcb_missing if uses_xcb else [])
    if fatal:
        packages = " ".join(dict.fromkeys(package for _, package in fatal))
        sudo = "" if os.geteuid() == 0 else "sudo "
        fail(
            "Qt needs system libraries that are missing: "
            + ", ".join(soname for soname, _ in fatal)
            + f"\nInstall them with:\n    {sudo}apt-get install -y {packages}"
            + (
                "\n(Only the X11 ones are needed to show windows; tests run with "
                "QT_QPA_PLATFORM=offscreen without them.)"
                if not missing
                else ""
            )
        )
    if xcb_missing:
        packages = " ".join(dict.fromkeys(package for _, package in xcb_missing))
        say(
            f"warning: X11 libraries missing (only needed if Qt falls back to xcb): apt-get install -y {packages}"
        )
    if need_display and not headless and not os.environ.get("DISPLAY") and not wayland:
        fail(
            "no desktop to show the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "Run it from a desktop session, or without a screen: QT_QPA_PLATFORM=offscreen"
        )


# --- commands -----------------------------------------------------------------------


def setup(wanted: list[str], need_display: bool) -> Path:
    start = time.monotonic()
    venv = venv_dir()
    python, created = ensure_venv(venv)
    ensure_dependencies(python, venv, wanted, fresh=created)
    compile_catalogs(python)
    compile_bytecode(python)
    check_qt_libraries(need_display)
    say(f"Environment ready ({venv}, {time.monotonic() - start:.1f}s)")
    return python


def run(command: list[str], env: dict[str, str] | None = None) -> int:
    try:
        process = subprocess.Popen(command, cwd=ROOT, env=env)
    except OSError as exc:
        fail(f"could not start {command[0]}: {exc}")
    while True:
        try:
            code = process.wait()
            break
        except KeyboardInterrupt:  # the child got the Ctrl+C too; wait for it to finish
            continue
    return 128 - code if code < 0 else code  # killed by a signal: shell convention


def cmd_app(args: list[str]) -> int:
    python = setup(["runtime"], need_display=True)
    main = ROOT / "main.py"
    if not main.exists():
        fail(f"{main} does not exist yet")
    say("Launching Linimasa with demo data")
    return run([str(python), str(main), "--demo", *args])


def cmd_test(args: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    python = setup(["runtime", "test"], need_display=False)
    say("Running pytest")
    return run([str(python), "-m", "pytest", *args], env=dict(os.environ))


USAGE = """usage: python3 packaging/dev.py app  [args passed to main.py]   (Windows: py packaging\\dev.py ...)
       python3 packaging/dev.py test [args passed to pytest]

Sets up the virtual environment .venv (or $LINIMASA_VENV) and then
  app   launches Linimasa with demo data (main.py --demo ...)
  test  runs the test suite (python -m pytest ...; QT_QPA_PLATFORM=offscreen)"""


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script may be run by any python)
        fail("Linimasa needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "app":
        return cmd_app(rest)
    if command == "test":
        return cmd_test(rest)
    print(f"unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
