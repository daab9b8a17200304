"""The skollinje's colours and spacing, shared by the widget (``skollinje_chart``) and its painter
(``skollinje_paint``), so that neither has to import the other for them.

The print version (``reports/skollinje.py``) has its own palette in reportlab's terms.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
GRID = QColor("#e4e6ea")
YEAR_GRID = QColor("#c4c8ce")
BANDS = (QColor("#edf1f6"), QColor("#f7f8fa"))
BAND_EDGE = QColor("#d5d9de")
ABSENCE = QColor("#1f4e79")
INVALID = QColor("#c0504d")
GOAL = QColor("#2e7d32")
WARN = QColor("#b26a00")
ALERT = QColor("#b00020")
EVENT = QColor("#455a64")
BAR_FILL, BAR_EDGE = QColor("#dde8f6"), QColor("#6b93c9")
HIGHLIGHT = QColor(31, 78, 121, 38)

PAD = 8.0
