"""main.py's start-up shortcut for PySide's import check gives PySide's own answers."""

from __future__ import annotations

import importlib
import sys

import main


def test_the_quicker_check_answers_as_pysides_own(monkeypatch):
    import shiboken6  # noqa: F401

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:  # a PySide without the check: the shortcut does nothing
        main._quicker_pyside_import_hook()
        assert getattr(feature, "_mod_uses_pyside", None) is None
        return
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)
    main._quicker_pyside_import_hook()
    quicker = feature._mod_uses_pyside
    assert quicker is not original and quicker.linimasa
    names = ["gui.models", "gui.tabs.home", "core.db", "core.fmt", "json", "math", "sqlite3"]
    for name in names:
        module = importlib.import_module(name)
        assert quicker(module) == original(module), name
    # Installing it twice keeps one layer.
    main._quicker_pyside_import_hook()
    assert feature._mod_uses_pyside is quicker
