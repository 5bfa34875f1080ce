"""The growth charts (pyqtgraph): `gui.charts.plot` draws each kind of chart from
`core.series` data, on screen in the Pertumbuhan tab or offscreen into an image or SVG file
(`render_image`, `save_svg`) for exports and the PDF report.

Importing this package costs nothing; `gui.charts.plot` imports pyqtgraph and numpy, so only
the Pertumbuhan tab and exports load it, never the start-up path.
"""
