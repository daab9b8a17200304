"""Skollinjen on paper: the chart model drawn with reportlab graphics, and the section the plans print.

``skollinje_drawing`` draws a ``Skollinje`` (see ``sst_desk.workflow.skollinje``):
absence % per week over the case's stages, the insatser in a lane under the
time axis, each attendance goal as a dashed line from its baseline to its
target, the team's thresholds and the worker's events. Everything is told
apart by line style and shape as well as colour, so a black-and-white copy
reads the same. ``skollinje_section`` is the heading, the chart and a line of
key figures, for the handlingsplan and the uppföljningsprotokoll.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from sst_desk.workflow.attendance import (
    AttendanceRecord,
    Flag,
    Thresholds,
    baseline,
    change_since_baseline,
    term_status,
)
from sst_desk.workflow.entities import Case
from sst_desk.workflow.skollinje import EventMark, Skollinje, build_skollinje

from sst_desk.reports.base import ReportContext, format_date
from sst_desk.reports.blocks import heading, markup
from sst_desk.reports.fonts import BOLD, CONDENSED, printable, register_fonts
from sst_desk.reports.labels_sv import MONTHS_SHORT, label, percent_label, points_label, term_label
from sst_desk.reports.styles import ACCENT, CONTENT_WIDTH, INK, MUTED, RULE, styles

TITLE = "Skollinjen"

LINE = ACCENT
INVALID_FILL = colors.HexColor("#EBCBBE")  # a mid-light grey on a black-and-white copy
GOAL = colors.HexColor("#2E6B30")
WARN = colors.HexColor("#B07800")
ALERT = colors.HexColor("#A8261C")
STAGE_FILLS = (colors.HexColor("#EDF1F6"), colors.HexColor("#F9FAFB"))
GRID = colors.HexColor("#DDE3E9")
INSATS_FILL = colors.HexColor("#CCD8E6")
PERIOD_FILL = colors.HexColor("#B9C9DC")  # a PERIOD record's band (lighter than the line, darker than a stage)
EVENT = colors.HexColor("#3A3F45")

FONT, FONT_BOLD = CONDENSED, BOLD
SMALL = 6.5
LEFT, RIGHT = 27.0, 24.0  # room for the percent labels and for threshold and goal labels
STAGE_ROW = 8.5
AXIS_ROWS = 19.0
LANE = 11.0
LEGEND_ROW = 8.5
KEY_ROW = 11.0
MAX_LANES = 8
GOAL_DASH = (4, 2)
WARN_DASH = (1, 2)
ALERT_DASH = (5, 2, 1, 2)


@dataclass(frozen=True)
class _Frame:
    """Maps dates and percentages onto the plot area."""

    first: dt.date
    days: int
    left: float
    width: float
    bottom: float
    height: float

    def x(self, day: dt.date) -> float:
        """The left edge of ``day``."""
        return self.left + (day - self.first).days / self.days * self.width

    def x_end(self, day: dt.date) -> float:
        """The right edge of ``day`` (an inclusive end date)."""
        return self.x(day + dt.timedelta(days=1))

    def y(self, percent: float) -> float:
        return self.bottom + max(0.0, min(100.0, percent)) / 100 * self.height

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def top(self) -> float:
        return self.bottom + self.height


def skollinje_drawing(model: Skollinje, width: float, height: float) -> Drawing:
    """The chart of ``model`` in a ``width`` × ``height`` drawing; the plot takes what the lanes leave."""
    register_fonts()
    drawing = Drawing(width, height)
    first = min([model.start, *(p.start for p in model.points[:1])])
    last = max([model.end, *(p.end for p in model.points[-1:])])
    lanes = _lanes(model, first, last, width - LEFT - RIGHT)
    legend = _legend_rows(model)
    below = AXIS_ROWS + (len(lanes) * LANE + 5 if lanes else 0) + legend * LEGEND_ROW + KEY_ROW
    top_strip = 2 * STAGE_ROW + 2 if model.stages else 4
    frame = _Frame(first, (last - first).days + 1, LEFT, width - LEFT - RIGHT, below,
                   max(40.0, height - below - top_strip))
    _stages(drawing, model, frame)
    _grid(drawing, frame)
    _thresholds(drawing, model, frame)
    _invalid(drawing, model, frame)
    _periods(drawing, model, frame)
    _absence(drawing, model, frame)
    _goals(drawing, model, frame)
    _events(drawing, model, frame)
    _time_axis(drawing, frame)
    _insatser(drawing, lanes, frame, frame.bottom - AXIS_ROWS - 3)
    _legend(drawing, model, width, KEY_ROW + legend * LEGEND_ROW)
    return drawing


def preferred_height(model: Skollinje, width: float) -> float:
    """A height that gives the plot about 55 mm whatever the lanes and the legend need."""
    first = min([model.start, *(p.start for p in model.points[:1])])
    last = max([model.end, *(p.end for p in model.points[-1:])])
    lanes = len(_lanes(model, first, last, width - LEFT - RIGHT))
    return 55 * mm + 2 * STAGE_ROW + 2 + AXIS_ROWS + (lanes * LANE + 5 if lanes else 0) \
        + _legend_rows(model) * LEGEND_ROW + KEY_ROW


def _text(x: float, y: float, text: str, *, size: float = SMALL, color=MUTED, anchor: str = "start",
          font: str = FONT) -> String:
    return String(x, y, printable(text), fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)


def _fit(text: str, width: float, size: float = SMALL, font: str = FONT) -> str:
    """``text`` shortened with an ellipsis to ``width`` points ("" when not even one letter fits)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…" if len(text) >= 2 else ""


def _stages(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    """Light alternating bands over the plot, and each stage's name above it.

    A case is often short against years of attendance, so names do not fit their bands: they are set
    right to left from the chart's edge, in two rows, and joined to their band by a thin leader line.
    """
    for index, span in enumerate(model.stages):
        x0, x1 = frame.x(span.start), frame.x_end(span.end)
        drawing.add(Rect(x0, frame.bottom, x1 - x0, frame.height, fillColor=STAGE_FILLS[index % 2], strokeColor=None))
        drawing.add(Line(x0, frame.bottom, x0, frame.top, strokeColor=RULE, strokeWidth=0.5))
    names = [(frame.x(span.start), label(span.stage)) for span in model.stages]
    for rows in (1, 2):
        placed = _place_labels(names, rows, frame.left - LEFT + 2, frame.right + RIGHT - 1)
        if placed is not None:
            break
    else:  # not even two rows hold them all: the latest stages matter most, drop from the start
        while names and placed is None:
            names = names[1:]
            placed = _place_labels(names, 2, frame.left - LEFT + 2, frame.right + RIGHT - 1)
    for (band_x, name), (x, row) in zip(names, placed or [], strict=False):
        y = frame.top + 3 + (STAGE_ROW if row == 0 else 0)
        drawing.add(_text(x, y + 0.5, name, color=INK))
        # A leader from the band's start to the name's first letter; straight up when the name sits there.
        drawing.add(Line(band_x, frame.top, min(max(band_x, x + 1), x + 6), y - 1.2, strokeColor=MUTED,
                         strokeWidth=0.4))


def _place_labels(names: list[tuple[float, str]], rows: int, lowest: float,
                  highest: float) -> list[tuple[float, int]] | None:
    """Left edges and rows for labels wanted at their x, pushed left so none overlaps; None if they cannot fit."""
    limits = [highest] * rows
    placed: list[tuple[float, int]] = []
    for index in range(len(names) - 1, -1, -1):
        want, name = names[index]
        row = (len(names) - 1 - index) % rows
        x = min(want + 1.5, limits[row] - stringWidth(name, FONT, SMALL))
        if x < lowest:
            return None
        limits[row] = x - 6
        placed.append((x, row))
    return placed[::-1]


def _grid(drawing: Drawing, frame: _Frame) -> None:
    for percent in (0, 25, 50, 75, 100):
        y = frame.y(percent)
        drawing.add(Line(frame.left, y, frame.right, y, strokeColor=GRID if percent else INK,
                         strokeWidth=0.3 if percent else 0.6))
        drawing.add(_text(frame.left - 3, y - 2.2, f"{percent} %", anchor="end"))
    drawing.add(Line(frame.left, frame.bottom, frame.left, frame.top, strokeColor=INK, strokeWidth=0.6))


def _thresholds(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    for percent, color, dash in ((model.warn_percent, WARN, WARN_DASH), (model.alert_percent, ALERT, ALERT_DASH)):
        if 0 < percent < 100:
            y = frame.y(percent)
            drawing.add(Line(frame.left, y, frame.right, y, strokeColor=color, strokeWidth=0.7,
                             strokeDashArray=list(dash)))
            drawing.add(_text(frame.right + 2, y - 2.2, percent_label(percent), color=color))


def _invalid(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    """Ogiltig frånvaro as shaded bars under the line, one per week (or month)."""
    group = Group()
    for point in model.points:
        if point.invalid_percent:
            x0, x1 = frame.x(point.start), frame.x_end(point.end)
            gap = min(0.4, (x1 - x0) / 4)
            group.add(Rect(x0 + gap, frame.bottom, x1 - x0 - 2 * gap, frame.y(point.invalid_percent) - frame.bottom,
                           fillColor=INVALID_FILL, strokeColor=None))
    drawing.add(group)


def _absence(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    """The absence line through each bucket's middle, broken where nothing was scheduled."""
    runs: list[list[float]] = [[]]
    for point in model.points:
        if point.absence_percent is None:
            if runs[-1]:
                runs.append([])
            continue
        middle = (frame.x(point.start) + frame.x_end(point.end)) / 2
        runs[-1] += [middle, frame.y(point.absence_percent)]
    for run in runs:
        if len(run) == 2:  # a lone week between gaps: a dot, or it would not show at all
            drawing.add(Circle(run[0], run[1], 1.3, fillColor=LINE, strokeColor=None))
        elif run:
            drawing.add(PolyLine(run, strokeColor=LINE, strokeWidth=1.3, strokeLineJoin=1, strokeLineCap=1))


def _goals(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    """Each attendance goal dashed from its baseline (or at its target) to the target, labelled "Mål N"."""
    for goal in model.goals:
        start = max(goal.start, frame.first)
        x0, x1 = frame.x(start), min(frame.x(goal.end), frame.right)
        if x1 <= x0:
            continue
        y1 = frame.y(goal.target_percent)
        y0 = frame.y(goal.start_percent) if goal.start_percent is not None else y1
        drawing.add(Line(x0, y0, x1, y1, strokeColor=GOAL, strokeWidth=1.1, strokeDashArray=list(GOAL_DASH)))
        drawing.add(Circle(x1, y1, 1.6, fillColor=colors.white, strokeColor=GOAL, strokeWidth=0.9))
        # The name to the right of the target, clear of the threshold labels in the right margin.
        taken = [frame.y(p) for p in (model.warn_percent, model.alert_percent)]
        dy = next((d for d in (-2.2, 5.5, -10.0) if all(abs(y1 + d - t + 2.2) >= 7 for t in taken)), -2.2)
        drawing.add(_text(x1 + 3, y1 + dy, f"Mål {goal.number}", color=GOAL, font=FONT_BOLD))


def _visible_events(model: Skollinje) -> list[EventMark]:
    return [e for e in model.events if model.start <= e.on <= model.end or
            (model.points and model.points[0].start <= e.on <= model.points[-1].end)]


def _events(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    """Small triangles on the time axis, numbered; numbers of events close together are staggered."""
    last_x, level = -99.0, 0
    for number, event in enumerate(_visible_events(model), start=1):
        x = (frame.x(event.on) + frame.x_end(event.on)) / 2
        drawing.add(Polygon([x - 2.6, frame.bottom, x + 2.6, frame.bottom, x, frame.bottom + 4.5],
                            fillColor=EVENT, strokeColor=colors.white, strokeWidth=0.3))
        level = level + 1 if x - last_x < 8 else 0
        y = frame.bottom + 6 + 7 * (level % 3)
        wide = stringWidth(str(number), FONT_BOLD, SMALL)
        drawing.add(Rect(x - wide / 2 - 1, y - 1.2, wide + 2, SMALL + 0.6, fillColor=colors.white,
                         strokeColor=None))  # legible over the bars
        drawing.add(_text(x, y, str(number), color=EVENT, font=FONT_BOLD, anchor="middle"))
        last_x = x


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _time_axis(drawing: Drawing, frame: _Frame) -> None:
    """Month ticks with Swedish abbreviations (every third when crowded) and the years beneath."""
    last = frame.first + dt.timedelta(days=frame.days - 1)
    months = _months(frame.first, last)
    per_month = frame.width * 30.4 / frame.days
    step = 1 if per_month >= 15 else 3 if per_month >= 6 else 0
    for month in months:
        x = frame.x(max(month, frame.first))
        if month >= frame.first:
            long_tick = month.month == 1
            drawing.add(Line(x, frame.bottom, x, frame.bottom - (5 if long_tick else 2.5), strokeColor=INK,
                             strokeWidth=0.5))
            if long_tick and month > frame.first:  # a faint line at each new year
                drawing.add(Line(x, frame.bottom, x, frame.top, strokeColor=RULE, strokeWidth=0.4,
                                 strokeDashArray=[1, 1.5]))
        end = frame.x(min((month + dt.timedelta(days=32)).replace(day=1), last + dt.timedelta(days=1)))
        room = end - x if step == 1 else frame.right - x
        if step and (month.month - 1) % step == 0 and room >= stringWidth("mmm", FONT, SMALL) * 0.8:
            centre = (x + end) / 2 if step == 1 else x + 1
            drawing.add(_text(centre, frame.bottom - 9, MONTHS_SHORT[month.month - 1],
                              anchor="middle" if step == 1 else "start"))
    for year in range(frame.first.year, last.year + 1):
        x0 = frame.x(max(dt.date(year, 1, 1), frame.first))
        x1 = frame.x_end(min(dt.date(year, 12, 31), last))
        if x1 - x0 >= stringWidth("2026", FONT_BOLD, SMALL + 0.5):
            drawing.add(_text((x0 + x1) / 2, frame.bottom - 17.5, str(year), size=SMALL + 0.5, color=INK,
                              font=FONT_BOLD, anchor="middle"))


@dataclass(frozen=True)
class _Bar:
    """An insats's bar and where its name goes, in plot coordinates (0 = the plot's left edge)."""

    name: str
    x0: float
    x1: float
    running: bool
    label_x: float  # the name's left edge: inside or after the bar, or before it when the bar is near the end

    @property
    def extent(self) -> tuple[float, float]:
        return min(self.x0, self.label_x) - 3, max(self.x1 + 4, self.label_x + stringWidth(self.name, FONT, SMALL)) + 3


def _lanes(model: Skollinje, first: dt.date, last: dt.date, width: float) -> list[list[_Bar]]:
    """The insatser packed into as few lanes as their bars and names allow (at most MAX_LANES)."""
    frame = _Frame(first, (last - first).days + 1, 0.0, width, 0.0, 1.0)
    lanes: list[list[_Bar]] = []
    for span in model.insatser:
        if span.start > last or (span.end is not None and span.end < first):
            continue
        x0 = frame.x(max(span.start, first))
        x1 = max(frame.x_end(min(span.end, last)) if span.end is not None else width, x0 + 1.5)
        after, before = width + RIGHT - 1 - (x0 + 2), x0 - 2
        name = span.name
        if stringWidth(name, FONT, SMALL) > after:
            name = _fit(name, max(after, before))
        wide = stringWidth(name, FONT, SMALL)
        label_x = x0 + 2 if wide <= after else x0 - 2 - wide
        bar = _Bar(name, x0, x1, span.end is None or span.end > last, label_x)
        low, high = bar.extent
        for lane in lanes:
            if all(high <= other.extent[0] or low >= other.extent[1] for other in lane):
                lane.append(bar)
                break
        else:
            if len(lanes) < MAX_LANES:
                lanes.append([bar])
    return lanes


def _insatser(drawing: Drawing, lanes: list[list[_Bar]], frame: _Frame, top: float) -> None:
    if not lanes:
        return
    drawing.add(_text(frame.left - 3, top - 7, "Insatser", font=FONT_BOLD, color=INK, anchor="end"))
    for index, lane in enumerate(lanes):
        y = top - (index + 1) * LANE
        for bar in lane:
            x0, x1 = frame.left + bar.x0, frame.left + bar.x1
            drawing.add(Rect(x0, y + 1, x1 - x0, LANE - 2.5, fillColor=INSATS_FILL, strokeColor=ACCENT,
                             strokeWidth=0.4))
            if bar.running:  # still running: an arrow at the chart's end
                drawing.add(Polygon([x1, y + 0.5, x1 + 3.5, y + 1 + (LANE - 2.5) / 2, x1, y + LANE - 1],
                                    fillColor=ACCENT, strokeColor=None))
            drawing.add(_text(frame.left + bar.label_x, y + 3, bar.name, color=INK))


def _periods(drawing: Drawing, model: Skollinje, frame: _Frame) -> None:
    """PERIOD records ("frånvaro per elev"): a band across their span at their percentage, with end ticks
    and the figure above when it fits (workflow.skollinje.PeriodSegment)."""
    for segment in model.periods:
        if segment.absence_percent is None:
            continue
        x0 = frame.x(max(segment.start, frame.first))
        x1 = frame.x_end(min(segment.end, frame.first + dt.timedelta(days=frame.days - 1)))
        if x1 <= x0:
            continue
        y = frame.y(segment.absence_percent)
        _period_symbol(drawing, x0, x1, y)
        words = percent_label(segment.absence_percent)
        if x1 - x0 >= stringWidth(words, FONT, SMALL) + 4:
            drawing.add(_text((x0 + x1) / 2, y + 3, words, color=LINE, anchor="middle"))


def _period_symbol(drawing: Drawing, x0: float, x1: float, y: float) -> None:
    drawing.add(Rect(x0, y - 1.6, x1 - x0, 3.2, fillColor=PERIOD_FILL, strokeColor=None))
    drawing.add(Line(x0, y, x1, y, strokeColor=LINE, strokeWidth=0.8))
    for x in (x0, x1):
        drawing.add(Line(x, y - 2.5, x, y + 2.5, strokeColor=LINE, strokeWidth=0.8))


def _legend_rows(model: Skollinje) -> int:
    events = len(_visible_events(model))
    return (events + 1) // 2


def _legend(drawing: Drawing, model: Skollinje, width: float, top: float) -> None:
    """The key to the line styles, then the events by number in two columns."""
    y = top - KEY_ROW + 3
    x = LEFT
    entries = [("line", "Frånvaro"), ("bar", "Ogiltig frånvaro"), ("goal", "Mål"), ("warn", "Varningsnivå"),
               ("alert", "Larmnivå")]
    if model.periods:
        entries.append(("period", "Period (sammanfattning)"))
    if model.insatser:
        entries.append(("insats", "Insats (pil: fortsätter)"))
    if model.events:
        entries.append(("event", "Händelse"))
    for kind, text in entries:
        _key_symbol(drawing, kind, x, y + 2)
        drawing.add(_text(x + 15, y, text, color=INK))
        x += 15 + stringWidth(text, FONT, SMALL) + 9
    column = (width - LEFT) / 2
    for number, event in enumerate(_visible_events(model), start=1):
        row, col = divmod(number - 1, 2)
        ex, ey = LEFT + col * column, top - KEY_ROW - (row + 1) * LEGEND_ROW + 2
        words = f"{format_date(event.on)}  {label(event.kind)}" + (f": {event.note}" if event.note else "")
        drawing.add(_text(ex, ey, str(number), color=EVENT, font=FONT_BOLD))
        drawing.add(_text(ex + 9, ey, _fit(" ".join(words.split()), column - 14), color=INK))


def _key_symbol(drawing: Drawing, kind: str, x: float, y: float) -> None:
    if kind == "line":
        drawing.add(Line(x, y, x + 11, y, strokeColor=LINE, strokeWidth=1.3))
    elif kind == "bar":
        drawing.add(Rect(x + 2, y - 2.5, 7, 5, fillColor=INVALID_FILL, strokeColor=None))
    elif kind == "goal":
        drawing.add(Line(x, y, x + 11, y, strokeColor=GOAL, strokeWidth=1.1, strokeDashArray=list(GOAL_DASH)))
    elif kind in ("warn", "alert"):
        color, dash = (WARN, WARN_DASH) if kind == "warn" else (ALERT, ALERT_DASH)
        drawing.add(Line(x, y, x + 11, y, strokeColor=color, strokeWidth=0.7, strokeDashArray=list(dash)))
    elif kind == "period":
        _period_symbol(drawing, x, x + 11, y)
    elif kind == "insats":
        drawing.add(Rect(x, y - 2.5, 9, 5, fillColor=INSATS_FILL, strokeColor=ACCENT, strokeWidth=0.4))
        drawing.add(Polygon([x + 9, y - 3, x + 12, y, x + 9, y + 3], fillColor=ACCENT, strokeColor=None))
    else:
        drawing.add(Polygon([x + 3, y - 2.5, x + 8, y - 2.5, x + 5.5, y + 2], fillColor=EVENT, strokeColor=None))


# --- The section in the documents ------------------------------------------------------------------------


def skollinje_section(case: Case, records: Sequence[AttendanceRecord], context: ReportContext, *,
                      today: dt.date) -> list[Flowable]:
    """Heading, chart and key figures; [] when there is no attendance data to draw."""
    if not records:
        return []
    thresholds = Thresholds(context.warn_percent, context.alert_percent)
    model = build_skollinje(case, records, today=today, thresholds=thresholds)
    if not model.has_data:
        return []
    if case.student.protected_identity:
        # An event's note may name a school or a placement: for a protected student only the kind prints.
        model = dataclasses.replace(model, events=[EventMark(e.on, e.kind, "") for e in model.events])
    width = CONTENT_WIDTH
    drawing = skollinje_drawing(model, width, preferred_height(model, width))
    s = styles()
    figures = Paragraph("  ·  ".join(f"{markup(what)}: <b>{markup(value)}</b>"
                                     for what, value in key_figures(case, records, today, thresholds)), s.body)
    period = "vecka" if model.bucket == "week" else "månad"
    note = Paragraph(markup(f"Frånvaro i procent av schemalagd tid per {period}; den skuggade delen är ogiltig "
                            f"frånvaro. En {period} utan schemalagd tid (lov) lämnas tom."
                            + (" Ett band över flera veckor är skolans sammanfattning för hela den perioden "
                               "(frånvaro per elev)." if model.periods else "")), s.caption)
    return [KeepTogether([*heading(TITLE), drawing, Spacer(1, 2 * mm), figures, note])]


def key_figures(case: Case, records: Sequence[AttendanceRecord], today: dt.date,
                thresholds: Thresholds) -> list[tuple[str, str]]:
    """The figures printed under the chart, in Swedish: (what, value) pairs."""
    figures = []
    if case.enrolled_on is not None:
        base = baseline(records, case.enrolled_on)
        figures.append(("Utgångsläge vid inskrivning", percent_label(base.absence_percent if base else None)))
    term, flag = term_status(records, today, thresholds)
    value = percent_label(term.absence_percent) if term else "ingen schemalagd tid"
    if flag is Flag.ALERT:
        value += f" (larmnivå, minst {percent_label(thresholds.alert_percent)})"
    elif flag is Flag.WARN:
        value += f" (varningsnivå, minst {percent_label(thresholds.warn_percent)})"
    elif term is not None:
        value += f" (under varningsnivån {percent_label(thresholds.warn_percent)})"
    figures.append((f"{term_label(today)} till och med {format_date(today)}", value))
    if case.enrolled_on is not None:
        change = change_since_baseline(records, case.enrolled_on, today)
        if change is not None and change.points is not None:
            figures.append(("De senaste 4 veckorna mot utgångsläget", points_label(change.points)))
    if term is not None and term.scattered:
        figures.append(("Ströfrånvaro denna termin", f"{term.scattered_occasions} korta frånvarotillfällen"))
    return figures
