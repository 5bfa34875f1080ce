"""Reading a CSV or XLSX file into a header and rows of cells, whatever Excel saved it as.

- Encoding: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), UTF-16
  without BOM (recognised by its zero bytes), else cp1252 (Excel's "CSV" on Windows).
- Delimiter: a first line `sep=;` says it; otherwise the one of comma, semicolon and tab
  the header line has most of (outside quotes).
- XLSX (recognised by its content, whatever the file is called): the first sheet whose
  header a format recognises, else the first sheet; openpyxl is imported here, when needed.
- Row numbers are those a spreadsheet shows: the header is row 1 (a `sep=` line, which
  Excel hides, is not counted).

A file that cannot be read raises `Unreadable` with the reason in the user's language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import LinimasaError
from core.i18n import _

Cell = object  # str for CSV; str, int, float, datetime, bool or None for XLSX


class Unreadable(Exception):
    """The file cannot be read as a table; the message says why (translated)."""


@dataclass
class Sheet:
    """A file's table: header texts and (row number, cells) for every row after it.

    A format's `split` may fill `platform` (the platform a table names, as Meta's daily files
    do in their title line), `left_out` (tables or rows it leaves out, with why) and `fields`
    (a header's field, as a Meta daily table's title line says it)."""

    headers: list[str]
    rows: list[tuple[int, list[Cell]]]
    kind: str  # "csv" or "xlsx"
    platform: str | None = None
    left_out: list[str] = field(default_factory=list)
    #: Header → our field, when the split knows better than the format's aliases.
    fields: dict[str, str] = field(default_factory=dict)


#: Rows between two calls of `tick`.
TICK = 5000


def read(
    path: Path,
    choose: Callable[[list[str]], bool] | None = None,
    tick: Callable[[int], None] | None = None,
) -> Sheet:
    """The table in `path`. `choose(headers)` picks among an XLSX's sheets (first match);
    `tick(rows read)` is called every TICK rows (progress; it may raise to cancel)."""
    tick = tick or (lambda _rows: None)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(_("the file does not exist")) from None
    except IsADirectoryError:
        raise Unreadable(_("it is a folder, not a file")) from None
    except OSError as exc:
        from core.errors import os_reason

        raise Unreadable(os_reason(exc)) from None
    if not raw.strip():
        raise Unreadable(_("the file is empty"))
    if raw.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        sheet = _read_xlsx(raw, choose, tick)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(
            _("this is an old Excel file (.xls); save it as .xlsx or CSV in Excel and try again")
        )
    else:
        sheet = _read_csv(raw, tick)
    if not sheet.headers:
        raise Unreadable(_("the file is empty"))
    if not sheet.rows:
        raise Unreadable(_("the file has a header row but no data rows"))
    return sheet


def read_all(
    path: Path,
    choose: Callable[[list[str]], bool] | None = None,
    tick: Callable[[int], None] | None = None,
) -> list[tuple[str, Sheet]]:
    """Every table in `path` as (name, sheet): one for a CSV or XLSX file; for a ZIP of CSV
    files (YouTube Studio's export) one per CSV inside, named "archive.zip/Table data.csv".
    A ZIP without a CSV file raises `Unreadable`; its other files are passed over."""
    import zipfile

    name = str(path)
    try:
        is_zip = zipfile.is_zipfile(path) and not _is_workbook(path)
    except OSError:
        is_zip = False
    if not is_zip:
        return [(name, read(path, choose, tick))]
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and info.filename.lower().endswith(".csv")
                and not Path(info.filename).name.startswith(("._", "~$"))
            ]
            if not members:
                raise Unreadable(
                    _(
                        "the ZIP file holds no CSV file (YouTube Studio's export holds "
                        "Table data.csv, Chart data.csv and Totals.csv)"
                    )
                )
            found = []
            for info in sorted(members, key=lambda i: i.filename):
                member = f"{name}/{Path(info.filename).name}"
                if info.file_size > 200_000_000:
                    raise Unreadable(_("{file} is too large").format(file=info.filename))
                raw = archive.read(info)
                if not raw.strip():
                    continue  # an empty file beside the export's own: nothing to read
                sheet = _read_csv(raw, tick or (lambda _rows: None))
                found.append((member, sheet))
            if not found:
                raise Unreadable(_("every CSV file in the ZIP is empty"))
            return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError):
        raise Unreadable(_("the ZIP file is damaged or incomplete")) from None


def _is_workbook(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return any(
                n.startswith("xl/") or n == "[Content_Types].xml" for n in archive.namelist()
            )
    except (zipfile.BadZipFile, OSError):
        return True  # read() says what is wrong with it


def _not_text() -> Unreadable:
    return Unreadable(_("this is not a CSV or Excel file (it holds no readable text)"))


def decode(raw: bytes) -> str:
    """The text of a CSV file, its encoding guessed as described in the module docstring."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        sample = raw[:4000]
        zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if half and zeros_odd > half * 0.6 and zeros_even < half * 0.1:
            encodings = ["utf-16-le"]
        elif half and zeros_even > half * 0.6 and zeros_odd < half * 0.1:
            encodings = ["utf-16-be"]
        elif b"\x00" in raw:
            raise _not_text()
        else:
            encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text[:4000] if c < " " and c not in "\t\r\n")
        if "\x00" in text or controls > 4:
            raise _not_text()
        return text
    raise _not_text()


def _delimiter(header_line: str) -> str:
    counts = {}
    for candidate in (",", ";", "\t"):
        quoted, n = False, 0
        for char in header_line:
            if char == '"':
                quoted = not quoted
            elif char == candidate and not quoted:
                n += 1
        counts[candidate] = n
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(raw: bytes, tick: Callable[[int], None]) -> Sheet:
    text = decode(raw)
    lines = text.splitlines()
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    delimiter = None
    start = 0  # characters into `text` where the table starts
    if first < len(lines) and lines[first].strip().lower().startswith("sep="):
        sep = lines[first].strip()[4:]
        delimiter = sep[:1] or ","
        start = text.find(lines[first]) + len(lines[first])
        text = text[start:].lstrip("\r\n")
        lines = text.splitlines()
        first = 0
        while first < len(lines) and not lines[first].strip():
            first += 1
    if first >= len(lines):
        return Sheet([], [], "csv")
    if delimiter is None:
        delimiter = _delimiter(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows = []
    try:
        for number, cells in enumerate(reader, start=1):
            if headers is None:
                if not any(c.strip() for c in cells):
                    continue
                headers = [c.strip() for c in cells]
                continue
            rows.append((number, cells))
            if number % TICK == 0:
                tick(number)
    except csv.Error as exc:
        raise Unreadable(
            _("the CSV text is broken near row {row} ({detail})").format(
                row=reader.line_num, detail=exc
            )
        ) from None
    while rows and not any(c.strip() for c in rows[-1][1]):
        rows.pop()
    return Sheet(headers or [], rows, "csv")


def _read_xlsx(
    raw: bytes, choose: Callable[[list[str]], bool] | None, tick: Callable[[int], None]
) -> Sheet:
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # a damaged zip, a truncated file, another zip (ODS, DOCX…)
        raise Unreadable(
            _("the Excel file is damaged or incomplete, or not an .xlsx workbook")
        ) from None
    try:
        first_sheet = None
        for worksheet in book.worksheets:
            sheet = _sheet_of(worksheet, tick)
            if first_sheet is None:
                first_sheet = sheet
            if choose is not None and sheet.headers and choose(sheet.headers):
                return sheet
        return first_sheet or Sheet([], [], "xlsx")
    except Unreadable:
        raise
    except LinimasaError:  # Cancelled
        raise
    except Exception:
        raise Unreadable(
            _("the Excel file is damaged or incomplete, or not an .xlsx workbook")
        ) from None
    finally:
        book.close()


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet_of(worksheet, tick: Callable[[int], None]) -> Sheet:
    headers: list[str] | None = None
    rows = []
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells = list(values)
        if headers is None:
            if all(_blank(c) for c in cells):
                continue
            headers = ["" if c is None else str(c).strip() for c in cells]
            while headers and not headers[-1]:
                headers.pop()
            continue
        rows.append((number, cells))
        if number % TICK == 0:
            tick(number)
    while rows and all(_blank(c) for c in rows[-1][1]):
        rows.pop()
    return Sheet(headers or [], rows, "xlsx")
