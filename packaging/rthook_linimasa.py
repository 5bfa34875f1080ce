"""PyInstaller runtime hook: runs in the packaged app before main.py.

- A windowed Windows program has no console: sys.stdout and sys.stderr are None there, and
  a library that writes to them directly would raise. They go to os.devnull instead (main.py
  replaces them with the console of the terminal that started a command, if any).
- QT_QPA_PLATFORM_PLUGIN_PATH left in the environment by another Qt program (some GIS and
  scanner software set it for the whole PC) would make the bundled Qt load plugins built for
  another Qt version, and the app would not start: the bundle brings its own plugins.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
os.environ.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
