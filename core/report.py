"""The PDF summary for leadership, as a document: `build(db, options)` reads the figures and
writes every sentence, table and chart reference in the report's language; `gui.report`
lays the blocks out on A4 pages (PDF, preview, print). Nothing here knows about pages or
Qt: a block is what to show, the renderer decides where.

Blocks, in reading order (`Report.blocks`):

- `Cover`: the first page (title, institution, unit, period, date prepared, who prepared it,
  the logo's path if any);
- `Heading` (level 1: a section, level 2: a sub-section);
- `Paragraph` (style "body", "note": small grey text such as footnotes, "lead": the summary
  sentences leadership reads first);
- `Table` (columns, rows of texts already formatted, which columns align right, which rows
  are totals drawn bold, relative column widths);
- `Chart` (a `core.series.ChartSpec` the renderer draws with the growth charts' code, and its
  height as a fraction of the text width);
- `PageBreak`.

Every text is final: numbers and dates formatted in the report's language (76.670; 9 Desember
2021), so the renderer only places them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core import series

SECTIONS = ("summary", "followers", "charts", "engagement", "output", "kpi", "security")
"""The report's sections, in order; `ReportOptions.sections` chooses among them."""


# --- blocks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cover:
    title: str
    institution: str
    unit: str
    period: str
    prepared: str
    """"Disusun 28 November 2026 oleh Rina" (date, and who when known)."""
    logo: str | None = None
    """Path of the institution's logo image, if one is set and readable."""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"
    """"body", "lead" (the summary sentences) or "note" (small, grey: footnotes, sources)."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[int] = frozenset()
    """Indexes of the columns aligned right (numbers)."""
    totals: frozenset[int] = frozenset()
    """Indexes of the rows that are totals (drawn bold, with a line above)."""
    widths: tuple[float, ...] = ()
    """Relative column widths (empty: equal)."""


@dataclass(frozen=True)
class Chart:
    spec: series.ChartSpec
    height: float = 0.55
    """The chart's height as a fraction of the text width."""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Cover | Heading | Paragraph | Table | Chart | PageBreak


@dataclass(frozen=True)
class Report:
    title: str
    period: str
    """The period as the footer shows it: "1 Januari – 31 Agustus 2019"."""
    language: str
    blocks: tuple[Block, ...]
    has_data: bool = True
    """False: the period has no figure and no post in scope (the CLI exits 1, the tab says
    so)."""


# --- what to report ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportOptions:
    start: dt.date
    end: dt.date
    account_ids: tuple[int, ...] = ()
    """Empty: every account of ours (not peers) in scope (all, or the unit's)."""
    unit_id: int | None = None
    """A unit and its sub-units; None: the whole institution."""
    language: str = "id"
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    title: str = ""
    """Empty: "Laporan media sosial" / "Social media report"."""
    prepared_by: str = ""
    today: dt.date | None = None
    """The date printed as "prepared" (None: today)."""
