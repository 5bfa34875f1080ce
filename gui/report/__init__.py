"""The PDF summary for leadership on paper: `layout` places a `core.report.Report`'s blocks
on A4 pages, `render` paints those pages into a PDF, a printer or preview images (the same
code for each, so the preview is the PDF)."""
