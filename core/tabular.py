"""Writing a table to a file a humas admin opens in Excel: CSV or XLSX, all or nothing.

- CSV is UTF-8 with a byte-order mark, so Excel reads Indonesian names and emoji right.
- XLSX is written with openpyxl (imported only here, when needed).
- Counts stay plain integers (no thousands separator), dates are real dates in XLSX and
  ISO text (YYYY-MM-DD) in CSV; yes/no is an Excel boolean in XLSX and true/false in CSV.
- Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR: a
  post text like "=HYPERLINK(...)" or "-50% hari ini") is neutralised: in CSV with a leading
  apostrophe (as OWASP advises; an importer of these files takes it off again with
  `unneutralise`), in XLSX by storing it as text.
- The file is written beside the target under a temporary name and renamed into place, so
  a failure (a full disk, Ctrl+C) never leaves a half file under the target's name.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from core import errors, files
from core.errors import UsageError
from core.i18n import _

FORMATS = (".csv", ".xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Excel's limit for a sheet title, and the characters it refuses in one.
SHEET_TITLE_MAX = 31
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Table:
    """What an export writes: a title (the sheet's name), headers and rows of plain values
    (str, int, float, Decimal, date, datetime, bool or None)."""

    title: str
    columns: Sequence[str]
    rows: Iterable[Sequence[object]]


def format_of(path: Path | str) -> str:
    """'.csv' or '.xlsx' from the file name; anything else is a usage error."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            _("{path}: the file name must end in .csv or .xlsx (it decides the format)").format(
                path=path
            )
        )
    return suffix


def neutralise(text: str) -> str:
    """Text that a spreadsheet would take for a formula, made harmless for CSV."""
    # A text that already looks neutralised gets an apostrophe too, so reading back is exact.
    if text.startswith(FORMULA_STARTS) or (
        text.startswith("'") and text[1:].startswith(FORMULA_STARTS)
    ):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """The text `neutralise` was given: for reading our own CSV files back."""
    if text.startswith("'") and neutralise(text[1:]) == text:
        return text[1:]
    return text


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # stable for scripts, whatever the language
    if isinstance(value, int | float | decimal.Decimal):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()  # a BLOB: as hexadecimal digits, never Python's b'...'
    return neutralise(str(value))


def _write_csv(handle, table: Table, tick: Callable[[], None]) -> int:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in table.columns])
    count = 0
    for row in table.rows:
        writer.writerow([_csv_value(v) for v in row])
        count += 1
        tick()
    return count


def write_csv(table: Table, path: Path | str, tick: Callable[[], None] | None = None) -> int:
    """Write `table` as CSV straight to `path` (UTF-8 with BOM, formula-safe) and flush it to
    disk; returns the number of rows. Callers make it all or nothing (`write_table` through
    a partial file, a full export through a partial folder)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        count = _write_csv(handle, table, tick or (lambda: None))
        handle.flush()
        os.fsync(handle.fileno())
    return count


def _write_xlsx(path: str, table: Table, tick: Callable[[], None]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = (table.title.translate(SHEET_TITLE_FORBIDDEN).strip() or "Data")[:SHEET_TITLE_MAX]
    bold = Font(bold=True)
    for column, title in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=column, value=ILLEGAL_CHARACTERS_RE.sub(" ", str(title)))
        cell.data_type = TYPE_STRING
        cell.font = bold
    sheet.freeze_panes = "A2"
    count = 0
    for row_number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            if isinstance(value, str):
                # XML cannot hold most control characters (Word's Shift+Enter is \x0b): a
                # pasted text must not stop the export, so they become spaces.
                value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                value = value.replace(tzinfo=None)  # Excel has no time zones; shown as stored
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # never a formula, whatever it starts with
            elif isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
        count += 1
        tick()
    for column, title in enumerate(table.columns, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = max(10, min(50, len(str(title)) + 4))
    book.save(path)
    return count


def write_table(
    table: Table,
    target: Path | str,
    *,
    overwrite: bool = True,
    tick: Callable[[], None] | None = None,
) -> int:
    """Write `table` to `target` (format by extension); returns the number of rows written.

    `tick` is called after each row (progress and cancel: it may raise to stop; nothing is
    left behind then).
    """
    target = Path(target).expanduser().absolute()
    suffix = format_of(target)
    if target.is_dir():
        raise errors.OutputIsFolder(target)
    if target.exists() and not overwrite:
        raise errors.OutputExists(target)
    tick = tick or (lambda: None)

    def write(partial: str) -> int:
        if suffix == ".csv":
            return write_csv(table, partial, tick)
        return _write_xlsx(partial, table, tick)

    count = files.write_atomically(target, write)
    return count
