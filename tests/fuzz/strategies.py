"""What the fuzz tests feed the importers: cells (valid, odd, formulas), tables, CSV files in
any delimiter and encoding, XLSX files, and byte-level damage (see conftest.py for profiles)."""

from __future__ import annotations

import csv
import io

from hypothesis import strategies as st

# --- cells ----------------------------------------------------------------------------------

#: Cells that start a formula in a spreadsheet (and what our exports neutralise).
FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-2+3", "'=1+1", "\t=1", "\r=1"]
#: Cells that have tripped up parsers elsewhere.
ODD_CELLS = [
    "",
    " ",
    "\x00",
    "NaN",
    "inf",
    "-1",
    "1e309",
    "9" * 40,
    "-0",
    "76.670",
    "1,5",
    "1.234,56",
    "1 234",
    "12rb",
    "0x1F",
    "٣٤",
    "０１２",
    "31/02/2019",
    "2019-13-45",
    "00/00/0000",
    "9999-12-31",
    "0001-01-01",
    "29/02/2023",
    "25:00",
    "10:75",
    "7:15 PM",
    '"',
    '""',
    "a\nb",
    "a\r\nb",
    "\ufeff",
    "\u202e",
    "😀",
    "x" * 20_000,
    "@",
    "#",
    ":",
    "instagram:",
    ":handle",
]


def cell(valid: list[str], odd: bool = True) -> st.SearchStrategy[str]:
    """A cell valid for its column or, when `odd`, sometimes odd, a formula or any text."""
    if not odd:
        return st.sampled_from(valid)
    return st.one_of(
        st.sampled_from(valid),
        st.sampled_from(valid),
        st.sampled_from(valid),
        st.sampled_from(ODD_CELLS + FORMULAS),
        st.text(max_size=12),
    )


@st.composite
def table(
    draw,
    headers: list[list[str]],
    columns: dict[str, list[str]],
    max_rows: int = 8,
    unique: tuple[str, ...] = (),
):
    """Header texts (one alias per column, in a drawn order, sometimes a column dropped or an
    unknown one added) and rows of cells: all valid for their column in half the tables, no
    two rows alike in the `unique` columns."""
    names = list(columns)
    chosen = draw(st.permutations(names))
    if draw(st.integers(0, 3)) == 0:
        chosen = chosen[: draw(st.integers(1, len(chosen)))]
    odd = draw(st.booleans())
    header = [draw(st.sampled_from(headers[names.index(n)])) for n in chosen]
    if draw(st.integers(0, 9)) == 0:
        header.append(draw(st.sampled_from(["catatan lain", "", "Kolom1", *FORMULAS])))
        chosen = [*chosen, None]
    rows = draw(
        st.lists(
            st.tuples(
                *[cell(columns[n], odd) if n else cell(["", "catatan"], odd) for n in chosen]
            ),
            min_size=1,
            max_size=max_rows,
            unique_by=lambda row: tuple(row[chosen.index(n)] for n in unique if n in chosen),
        )
    )
    return header, [list(r) for r in rows]


# --- files ----------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]


@st.composite
def csv_bytes(draw, header: list[str], rows: list[list[str]]) -> bytes:
    """The table as a CSV file: any of , ; tab |, quoted or naively joined, an optional
    `sep=` line, \\n or \\r\\n, in one of ENCODINGS (unencodable characters replaced)."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    if draw(st.booleans()):
        out = io.StringIO()
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
        writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting)
        writer.writerow(header)
        writer.writerows(rows)
        text = out.getvalue()
    else:
        text = "".join(delimiter.join(r) + newline for r in [header, *rows])
    if draw(st.integers(0, 7)) == 0:
        text = f"sep={delimiter}{newline}{text}"
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


def xlsx_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(c) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value: object) -> object:
    # openpyxl refuses control characters in strings; a real file cannot hold them either.
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]
    return value


@st.composite
def mutated(draw, raw: bytes) -> bytes:
    """`raw` after up to three damages: truncation, flipped, inserted or deleted bytes, NULs,
    invalid UTF-8, a BOM of another encoding, a huge field, or nothing left at all."""
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3]))):
        kind = draw(
            st.sampled_from(
                ["truncate", "flip", "insert", "delete", "nul", "bad-utf8", "bom", "huge", "empty"]
            )
        )
        at = draw(st.integers(0, len(raw)))
        if kind == "truncate":
            raw = raw[:at]
        elif kind == "flip" and raw:
            at = min(at, len(raw) - 1)
            raw = raw[:at] + bytes([raw[at] ^ (1 << draw(st.integers(0, 7)))]) + raw[at + 1 :]
        elif kind == "insert":
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
        elif kind == "delete":
            raw = raw[:at] + raw[at + draw(st.integers(1, 16)) :]
        elif kind == "nul":
            raw = raw[:at] + b"\x00" * draw(st.integers(1, 4)) + raw[at:]
        elif kind == "bad-utf8":
            raw = (
                raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80"])) + raw[at:]
            )
        elif kind == "bom":
            raw = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + raw
        elif kind == "huge":
            raw = raw[:at] + b"9" * draw(st.sampled_from([5_000, 300_000])) + raw[at:]
        elif kind == "empty":
            raw = draw(st.sampled_from([b"", b" ", b"\n\n", b"\xef\xbb\xbf", b"\xff\xfe"]))
    return raw
