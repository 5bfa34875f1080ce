"""The Windows version resource of Linimasa.exe (File Explorer > Properties > Details).

linimasa.spec writes it on Windows as a PyInstaller "version file" (build/version_file.txt,
the format `pyi-grab_version` prints) and passes it to EXE(version=...). An executable
without a publisher, description and version looks suspicious to some antivirus
heuristics on office PCs; this fills them in from core.__version__.
"""

from __future__ import annotations

from pathlib import Path


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a suffix such as '0.2.0rc1' or '1.0.0.dev3' is dropped."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or 0))
        if digits != part:
            break
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_file_text(version: str) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "Linimasa",
        "FileDescription": "Linimasa",
        "FileVersion": version,
        "InternalName": "Linimasa",
        "LegalCopyright": "Linimasa",
        "OriginalFilename": "Linimasa.exe",
        "ProductName": "Linimasa",
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
# Windows version resource of Linimasa.exe, written by packaging/version_info.py.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{table}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(version: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_file_text(version), encoding="utf-8")
    return path
