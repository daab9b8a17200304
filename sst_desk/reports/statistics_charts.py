"""Charts of the team's statistics, drawn with reportlab.graphics: plain data in, a ``Drawing`` out.

Two charts, for people who would rather look than read (issue 15):

- ``group_bars``: students per breakdown row (school, årskurs, worker …) and gender, as horizontal grouped
  bars — horizontal so that long school names stay readable and a long list of schools just makes the chart
  taller.
- ``histogram``: how many students' absence changed by how much (the bins of a ``Distribution``).

Rules both follow, decided for a report printed in black and white and handed round a nämnd:

- *A hidden count is not drawn.* A suppressed cell has no bar at all and is labelled with its mark, "<5"
  (the request's threshold) or ".." (hidden to protect another: ``stats_model.cell_text``), where the bar would start: never drawn as 0 (that would state a number) nor as 5.
- *Not colour alone.* Each series has its own fill AND pattern (solid dark, hatched, light grey, dotted
  outline) and the legend names it in words; every bar carries its number, so the chart reads in
  grey scale and to a reader who cannot tell the colours apart.
- A series with every cell hidden (typically "Annat" and "Ej angivet" gender) is left out of the chart and
  the caption says so (``hidden_series``); the tables show it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from sst_desk.workflow.stats_model import CountTable, Distribution, Statistics

from sst_desk.reports.fonts import BOLD, CONDENSED, ITALIC, printable, register_fonts
from sst_desk.reports.statistics_words import bin_label, cell_text, code_label
from sst_desk.reports.styles import ACCENT, CONTENT_WIDTH, INK, MUTED, RULE

WHITE = colors.white
LIGHT = colors.HexColor("#A9B4C0")
LABEL_SIZE = 8.5
SMALL_SIZE = 7.5


@dataclass(frozen=True)
class Look:
    """How one series is drawn: a fill and a pattern, so it is told apart without colour."""

    fill: colors.Color
    pattern: str  # "solid", "hatch", "dots"
    name: str  # the pattern in words, for the test and for a reader of the code


LOOKS = (
    Look(ACCENT, "solid", "dark"),
    Look(WHITE, "hatch", "hatched"),
    Look(LIGHT, "solid", "light grey"),
    Look(WHITE, "dots", "dotted"),
)


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = printable(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _nice_step(top: float, ticks: int = 5) -> float:
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(1.0, factor * power)
    return 10 * power


def _bar(x: float, y: float, width: float, height: float, look: Look) -> Group:
    """A bar with its fill, pattern and a dark outline."""
    group = Group(Rect(x, y, width, height, fillColor=look.fill, strokeColor=ACCENT, strokeWidth=0.6))
    if look.pattern == "hatch":
        step = 3.2
        offset = x - height
        while offset < x + width:
            x0, y0, x1, y1 = offset, y, offset + height, y + height
            if x0 < x:
                y0 += x - x0
                x0 = x
            if x1 > x + width:
                y1 -= x1 - (x + width)
                x1 = x + width
            if x0 <= x1 and y0 <= y1:
                group.add(Line(x0, y0, x1, y1, strokeColor=ACCENT, strokeWidth=0.55))
            offset += step
    elif look.pattern == "dots":
        step = 3.0
        cy = y + step / 2
        while cy < y + height:
            cx = x + step / 2
            while cx < x + width:
                group.add(Circle(cx, cy, 0.55, fillColor=ACCENT, strokeColor=None))
                cx += step
            cy += step
    return group


def _legend(drawing: Drawing, entries: list[tuple[str, Look]], y: float, x: float = 0) -> None:
    for text, look in entries:
        drawing.add(_bar(x, y - 1, 14, 8, look))
        drawing.add(String(x + 18, y, printable(text), fontName=CONDENSED, fontSize=LABEL_SIZE, fillColor=INK))
        x += 18 + stringWidth(printable(text), CONDENSED, LABEL_SIZE) + 14


def shown_series(table: CountTable) -> list[int]:
    """The columns that have at least one published cell: the others are all hidden and left out."""
    return [j for j in range(len(table.columns)) if any(row[j].count is not None for row in table.cells)]


def hidden_series(stats: Statistics, table: CountTable) -> list[str]:
    shown = set(shown_series(table))
    return [code_label(stats, table.column_dimension, c) for j, c in enumerate(table.columns) if j not in shown]


BAR_H, BAR_GAP, GROUP_GAP = 9.0, 1.5, 9.0
AXIS_H, LEGEND_H = 16.0, 18.0


def group_bar_charts(stats: Statistics, table: CountTable, width: float = CONTENT_WIDTH,
                     max_height: float = 600.0) -> list[Drawing]:
    """``group_bars`` in as many drawings as a long table (many schools) needs, all on one scale.

    A drawing cannot break across pages, so each holds as many groups as fit in ``max_height``; every part
    repeats the legend and the axis.
    """
    series = shown_series(table)
    group_h = max(1, len(series)) * (BAR_H + BAR_GAP) - BAR_GAP
    per_part = max(1, int((max_height - AXIS_H - LEGEND_H) // (group_h + GROUP_GAP)))
    values = [row[j].count for row in table.cells for j in series if row[j].count is not None]
    top = max(values, default=1)
    indexes = list(range(len(table.rows)))
    return [group_bars(stats, table, width, rows=indexes[i:i + per_part], top=top)
            for i in range(0, len(indexes), per_part)]


def group_bars(stats: Statistics, table: CountTable, width: float = CONTENT_WIDTH, *,
               rows: list[int] | None = None, top: int | None = None) -> Drawing:
    """Horizontal grouped bars: one group per row of ``table`` (or of ``rows``, its indexes), one bar per
    shown column (gender); ``top`` is the largest value the scale must hold (default: this table's)."""
    register_fonts()
    series = shown_series(table)
    rows = list(range(len(table.rows))) if rows is None else rows
    bar_h, bar_gap, group_gap = BAR_H, BAR_GAP, GROUP_GAP
    label_w = min(width * 0.34, max((stringWidth(printable(code_label(stats, table.row_dimension, r)), CONDENSED,
                                                 LABEL_SIZE) for r in table.rows), default=40) + 12)
    group_h = max(1, len(series)) * (bar_h + bar_gap) - bar_gap
    plot_h = len(rows) * (group_h + group_gap)
    axis_h, legend_h = AXIS_H, LEGEND_H
    height = plot_h + axis_h + legend_h
    drawing = Drawing(width, height)
    plot_x = label_w
    plot_w = width - label_w - 22  # room for the last bar's number
    if top is None:
        values = [row[j].count for row in table.cells for j in series if row[j].count is not None]
        top = max(values, default=1)
    step = _nice_step(top)
    top = step * math.ceil(top / step)
    scale = plot_w / top if top else 1
    # Grid and the axis at the bottom.
    tick = 0.0
    while tick <= top + 1e-9:
        x = plot_x + tick * scale
        drawing.add(Line(x, axis_h, x, axis_h + plot_h, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(x, axis_h - 10, f"{tick:g}", fontName=CONDENSED, fontSize=SMALL_SIZE,
                           fillColor=MUTED, textAnchor="middle"))
        tick += step
    drawing.add(Line(plot_x, axis_h, plot_x, axis_h + plot_h, strokeColor=INK, strokeWidth=0.7))
    for i, index in enumerate(rows):
        row, cells = table.rows[index], table.cells[index]
        group_top = axis_h + plot_h - i * (group_h + group_gap) - group_gap / 2
        text = _fit(code_label(stats, table.row_dimension, row), CONDENSED, LABEL_SIZE, label_w - 7)
        drawing.add(String(plot_x - 5, group_top - group_h / 2 - 3, text, fontName=CONDENSED, fontSize=LABEL_SIZE,
                           fillColor=INK, textAnchor="end"))
        for k, j in enumerate(series):
            y = group_top - (k + 1) * bar_h - k * bar_gap
            count = cells[j].count
            if count is None:
                drawing.add(String(plot_x + 3, y + 2, cell_text(cells[j], stats.request), fontName=ITALIC,
                                   fontSize=SMALL_SIZE,
                                   fillColor=MUTED))
                continue
            if count > 0:
                drawing.add(_bar(plot_x, y, count * scale, bar_h, LOOKS[k % len(LOOKS)]))
            drawing.add(String(plot_x + count * scale + 3, y + 2, str(count), fontName=CONDENSED,
                               fontSize=SMALL_SIZE, fillColor=INK))
    entries = [(code_label(stats, table.column_dimension, table.columns[j]), LOOKS[k % len(LOOKS)])
               for k, j in enumerate(series)]
    _legend(drawing, entries, height - 10, plot_x)
    return drawing


def histogram(stats: Statistics, dist: Distribution, width: float = CONTENT_WIDTH, height: float = 150) -> Drawing:
    """Vertical bars, one per bin of ``dist``; a hidden bin has no bar and says "<5" (or ".." when it is
    hidden to protect another)."""
    register_fonts()
    bins = dist.bins
    drawing = Drawing(width, height)
    left, bottom, top_room = 26.0, 30.0, 14.0
    plot_w, plot_h = width - left - 4, height - bottom - top_room
    counts = [c for _, _, c in bins if c is not None]
    top = max(counts, default=1)
    step = _nice_step(top, 4)
    top = step * math.ceil(top / step)
    scale = plot_h / top if top else 1
    tick = 0.0
    while tick <= top + 1e-9:
        y = bottom + tick * scale
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(left - 4, y - 2.5, f"{tick:g}", fontName=CONDENSED, fontSize=SMALL_SIZE,
                           fillColor=MUTED, textAnchor="end"))
        tick += step
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.7))
    slot = plot_w / max(1, len(bins))
    for i, (low, high, count) in enumerate(bins):
        x = left + i * slot + slot * 0.12
        bar_w = slot * 0.76
        centre = x + bar_w / 2
        # Bins of less absence (the change is below 0) dark, of more absence hatched: told apart without colour.
        look = LOOKS[0] if high <= 0 else LOOKS[1]
        if count is None:
            drawing.add(String(centre, bottom + 3, cell_text(dist.bin_cell(i), stats.request), fontName=ITALIC,
                               fontSize=LABEL_SIZE, fillColor=MUTED, textAnchor="middle"))
        else:
            if count > 0:
                drawing.add(_bar(x, bottom, bar_w, count * scale, look))
            drawing.add(String(centre, bottom + count * scale + 3, str(count), fontName=BOLD, fontSize=LABEL_SIZE,
                               fillColor=INK, textAnchor="middle"))
        drawing.add(String(centre, bottom - 11, _fit(bin_label(low, high), CONDENSED, SMALL_SIZE, slot - 2),
                           fontName=CONDENSED, fontSize=SMALL_SIZE, fillColor=INK, textAnchor="middle"))
    drawing.add(String(left + plot_w / 2, bottom - 24, "Förändring i frånvaro (procentenheter); mörka staplar: "
                       "mindre frånvaro, randiga: mer", fontName=CONDENSED, fontSize=SMALL_SIZE, fillColor=MUTED,
                       textAnchor="middle"))
    drawing.add(String(0, height - 8, "Antal elever", fontName=CONDENSED, fontSize=SMALL_SIZE, fillColor=MUTED))
    return drawing
