"""The look shared by all documents: page geometry, colours, paragraph and table styles.

Calm and plain on purpose: one typeface, a dark blue for headings, light
shading for table headers, generous space. Change it here and every document
follows.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from sst_desk.reports.fonts import BOLD, CONDENSED, CONDENSED_BOLD, FAMILY, ITALIC, register_fonts

PAGE_SIZE = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 26 * mm  # room for the running header
MARGIN_BOTTOM = 22 * mm  # room for the running footer
CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#5B6570")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#B8C2CC")
HEADER_FILL = colors.HexColor("#E3EAF2")
ZEBRA_FILL = colors.HexColor("#F6F8FA")
NOTE_FILL = colors.HexColor("#FFF6E0")
NOTE_RULE = colors.HexColor("#E0B84C")

BODY_SIZE = 9.5
TABLE_SIZE = 9


class Styles:
    """Named paragraph styles; get the shared instance with ``styles()``."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle(
            "body", fontName=FAMILY, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.4,
            textColor=INK, alignment=TA_LEFT, spaceAfter=4,
        )
        self.body = base
        self.title = ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=22, leading=26, textColor=ACCENT, spaceAfter=2,
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=0,
        )
        self.heading = ParagraphStyle(
            "heading", parent=base, fontName=BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
            spaceBefore=16, spaceAfter=6,
        )
        self.subheading = ParagraphStyle(
            "subheading", parent=base, fontName=BOLD, fontSize=10, leading=13, textColor=INK,
            spaceBefore=8, spaceAfter=3,
        )
        self.muted = ParagraphStyle("muted", parent=base, textColor=MUTED)
        self.empty = ParagraphStyle("empty", parent=base, fontName=ITALIC, textColor=MUTED)
        self.note = ParagraphStyle("note", parent=base, fontSize=9, leading=12.5, spaceAfter=0)
        self.cell = ParagraphStyle(
            "cell", parent=base, fontName=CONDENSED, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.32, spaceAfter=0,
        )
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=CONDENSED_BOLD)
        self.cell_muted = ParagraphStyle("cell_muted", parent=self.cell, textColor=MUTED, fontSize=TABLE_SIZE - 0.5)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell, fontName=CONDENSED_BOLD, textColor=ACCENT)
        self.label = ParagraphStyle("label", parent=base, fontSize=9, leading=12, textColor=MUTED, spaceAfter=0)
        self.value = ParagraphStyle("value", parent=base, spaceAfter=0)
        self.caption = ParagraphStyle("caption", parent=base, fontSize=8, leading=10, textColor=MUTED, spaceAfter=0)
        self.signer = ParagraphStyle("signer", parent=base, fontName=BOLD, fontSize=9.5, spaceAfter=0)


@lru_cache(maxsize=1)
def styles() -> Styles:
    return Styles()


def data_table_style(rows: int, header_rows: int = 1) -> TableStyle:
    """Header shading, thin horizontal rules, zebra rows; cells align to the top."""
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, RULE),
    ]
    for row in range(header_rows + 1, rows, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL))
    return TableStyle(commands)


def key_value_style() -> TableStyle:
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])

