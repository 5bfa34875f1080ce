"""core/ stays a plain-Python data layer: no Qt, so the CLI and tests run without a display."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "core"
FORBIDDEN = ("PySide6", "shiboken6", "gui", "pyqtgraph", "PyQt5", "PyQt6")


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def test_no_core_module_imports_qt_or_gui():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10, "core/ not found where expected"
    offenders = []
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for lineno, name in imported_names(tree):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{file.relative_to(ROOT)}:{lineno} imports {name}")
    assert offenders == [], "core/ must not depend on Qt or gui/:\n" + "\n".join(offenders)


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_importing_all_of_core_loads_no_qt():
    code = """
import importlib, pkgutil, sys
import core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "core.")
         if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
for needed in ("core.db", "core.accounts", "core.members", "core.units", "core.posts",
               "core.metrics", "core.settings", "core.fmt", "core.lock", "core.validate"):
    assert needed in sys.modules, needed
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "gui"))
assert not qt, qt
print(len(names))
"""
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 10


def test_opening_a_file_does_not_load_sqlite_utils_or_pandas(tmp_path):
    # The startup path (open, check the version) uses only sqlite3; the heavy libraries load later.
    code = f"""
import sys
from core.db import open_database
db = open_database({str(tmp_path / "t.sqlite")!r}, create=True)
db.close()
heavy = sorted(m for m in ("sqlite_utils", "pandas", "PySide6") if m in sys.modules)
assert not heavy, heavy
"""
    result = run_python(code)
    assert result.returncode == 0, result.stderr
