"""How the skollinje is painted: layers from the stage bands at the back to the highlight at the front.

Kept apart from ``skollinje_chart`` (geometry, hover, keyboard) so each stays
small. Every layer reads the chart's cached layout; nothing here computes
where things go. The colours come from ``skollinje_style``; the chart is only
named for type checking, so the two modules do not import each other.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from sst_desk.ui.skollinje import text
from sst_desk.ui.common.labels import label
from sst_desk.ui.skollinje.style import (
    ABSENCE,
    ALERT,
    BAND_EDGE,
    BANDS,
    BAR_EDGE,
    BAR_FILL,
    EVENT,
    GOAL,
    GRID,
    HIGHLIGHT,
    INK,
    INVALID,
    MUTED,
    PAD,
    WARN,
    YEAR_GRID,
)

if TYPE_CHECKING:
    from sst_desk.ui.skollinje.chart import SkollinjeChart


def paint_chart(chart: SkollinjeChart, painter: QPainter) -> None:
    painter.fillRect(chart.rect(), QColor("#ffffff"))
    _title(chart, painter)
    if chart.is_empty():
        painter.setFont(chart.font())
        painter.setPen(MUTED)
        area = QRectF(chart.rect()).adjusted(PAD * 4, PAD * 4, -PAD * 4, -PAD * 4)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, chart.empty_text())
        _focus(chart, painter)
        return
    chart._ensure_layout()
    _stages(chart, painter)
    _grid(chart, painter)
    _thresholds(chart, painter)
    _highlight(chart, painter)
    _invalid_area(chart, painter)
    _goals(chart, painter)
    _period_segments(chart, painter)
    _absence_line(chart, painter)
    _events(chart, painter)
    _axis(chart, painter)
    _insatser(chart, painter)
    _focus(chart, painter)


def _pen(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _title(chart: SkollinjeChart, painter: QPainter) -> None:
    bold = QFont(chart.font())
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(INK)
    height = QFontMetricsF(bold).height()
    painter.drawText(QRectF(PAD, PAD, chart.width() / 2, height), Qt.AlignmentFlag.AlignLeft, chart.title)
    if not chart.is_empty():
        _legend(chart, painter, QFontMetricsF(bold).horizontalAdvance(chart.title) + 3 * PAD, PAD, height)


def _legend(chart: SkollinjeChart, painter: QPainter, left: float, top: float, height: float) -> None:
    """A one-line key at the top right: only as many entries as fit, most important first."""
    painter.setFont(chart._small)
    metrics = QFontMetricsF(chart._small)
    model = chart.model
    names = chart.legend_names()
    shown = (["line", "area"] + (["period"] if model.periods else []) + (["goal"] if model.goals else [])
             + ["threshold"] + (["event"] if model.events else []))
    entries = [(kind, names[kind]) for kind in shown]
    mid = top + height / 2
    widths = [22 + 4 + metrics.horizontalAdvance(name) + 14 for _kind, name in entries]
    while entries and sum(widths) > chart.width() - PAD - left:
        entries, widths = entries[:-1], widths[:-1]
    x = chart.width() - PAD - sum(widths) + 14
    for (kind, name), width in zip(entries, widths):
        sample = QRectF(x, mid - 5, 22, 10)
        if kind == "line":
            painter.setPen(_pen(ABSENCE, 2.2))
            painter.drawLine(QLineF(sample.left(), mid, sample.right(), mid))
        elif kind == "area":
            _invalid_fill(painter, sample)
        elif kind == "goal":
            painter.setPen(_pen(GOAL, 2.0, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(sample.left(), mid, sample.right(), mid))
        elif kind == "threshold":
            painter.setPen(_pen(ALERT, 1.2, Qt.PenStyle.DotLine))
            painter.drawLine(QLineF(sample.left(), mid, sample.right(), mid))
        elif kind == "period":
            _period_bar(painter, QLineF(sample.left(), mid, sample.right(), mid))
        else:
            _triangle(painter, QPointF(sample.center().x(), mid - 5))
        painter.setPen(MUTED)
        painter.drawText(QRectF(sample.right() + 4, top, 400, height), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, name)
        x += width


def _invalid_fill(painter: QPainter, shape: QRectF | QPainterPath) -> None:
    """Invalid absence: a light fill with a hatch, so it is told apart from a stage band in greyscale."""
    fill = QColor(INVALID)
    fill.setAlpha(50)
    hatch = QBrush(QColor(INVALID), Qt.BrushStyle.BDiagPattern)
    painter.setPen(Qt.PenStyle.NoPen)
    for brush in (QBrush(fill), hatch):
        if isinstance(shape, QPainterPath):
            painter.fillPath(shape, brush)
        else:
            painter.fillRect(shape, brush)


def _stages(chart: SkollinjeChart, painter: QPainter) -> None:
    layout = chart._layout
    painter.setFont(chart._small)
    metrics = QFontMetricsF(chart._small)
    painter.fillRect(layout.plot, QColor("#ffffff"))
    for n, (rect, stage) in enumerate(layout.stages):
        painter.fillRect(rect, BANDS[n % 2])
        painter.setPen(_pen(BAND_EDGE))
        painter.drawLine(QLineF(rect.left(), rect.top(), rect.left(), rect.bottom()))
        name = metrics.elidedText(label(stage.stage), Qt.TextElideMode.ElideRight, rect.width() - 8)
        if len(name) > 2:
            painter.setPen(MUTED)
            painter.drawText(QRectF(rect.left() + 4, layout.strip.top(), rect.width() - 8, layout.strip.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)


def _grid(chart: SkollinjeChart, painter: QPainter) -> None:
    layout = chart._layout
    plot = layout.plot
    painter.setFont(chart._small)
    for x0, _x1, _name in layout.years[1:]:
        painter.setPen(_pen(YEAR_GRID))
        painter.drawLine(QLineF(x0, plot.top(), x0, plot.bottom()))
    for percent in (0, 25, 50, 75, 100):
        y = chart.y_of(percent)
        painter.setPen(_pen(GRID if percent else MUTED))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(QRectF(0, y - 10, plot.left() - 6, 20), Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignVCenter, text.percent(percent, 0))


def _thresholds(chart: SkollinjeChart, painter: QPainter) -> None:
    plot = chart._layout.plot
    model = chart.model
    painter.setFont(chart._small)
    for value, color in ((model.warn_percent, WARN), (model.alert_percent, ALERT)):
        y = chart.y_of(value)
        faint = QColor(color)
        faint.setAlpha(150)
        painter.setPen(_pen(faint, 1.2, Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        painter.setPen(color)
        painter.drawText(QRectF(plot.right() + 6, y - 10, chart.width() - plot.right() - 6, 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         text.percent(value, 0 if float(value).is_integer() else 1))


def _segments(chart: SkollinjeChart, value) -> list[list[int]]:
    """Runs of consecutive buckets that have a value: a holiday is a gap in the line, never a 0."""
    runs: list[list[int]] = []
    previous = False
    for index, point in enumerate(chart.model.points):
        present = value(point) is not None
        if present and previous:
            runs[-1].append(index)
        elif present:
            runs.append([index])
        previous = present
    return runs


def _centre(chart: SkollinjeChart, index: int) -> float:
    x0, x1 = chart._layout.buckets[index]
    return (x0 + x1) / 2


def _invalid_area(chart: SkollinjeChart, painter: QPainter) -> None:
    points = chart.model.points
    bottom = chart._layout.plot.bottom()
    for run in _segments(chart, lambda p: p.invalid_percent if p.absence_percent is not None else None):
        first, last = chart._layout.buckets[run[0]], chart._layout.buckets[run[-1]]
        path = QPainterPath(QPointF(first[0], bottom))
        path.lineTo(first[0], chart.y_of(points[run[0]].invalid_percent))
        for index in run:
            path.lineTo(_centre(chart, index), chart.y_of(points[index].invalid_percent))
        path.lineTo(last[1], chart.y_of(points[run[-1]].invalid_percent))
        path.lineTo(last[1], bottom)
        path.closeSubpath()
        _invalid_fill(painter, path)


def _absence_line(chart: SkollinjeChart, painter: QPainter) -> None:
    points = chart.model.points
    layout = chart._layout
    spacing = layout.plot.width() / max(len(points), 1)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = _pen(ABSENCE, 2.2)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    for run in _segments(chart, lambda p: p.absence_percent):
        path = QPainterPath(QPointF(_centre(chart, run[0]), chart.y_of(points[run[0]].absence_percent)))
        for index in run[1:]:
            path.lineTo(_centre(chart, index), chart.y_of(points[index].absence_percent))
        painter.setPen(pen)
        painter.drawPath(path)
        if spacing >= 14 or len(run) == 1:  # few buckets (or a lone week between gaps): mark each value
            painter.setBrush(QColor("#ffffff"))
            painter.setPen(_pen(ABSENCE, 1.8))
            for index in run:
                painter.drawEllipse(QPointF(_centre(chart, index), chart.y_of(points[index].absence_percent)), 3.2, 3.2)
            painter.setBrush(Qt.BrushStyle.NoBrush)


def _period_bar(painter: QPainter, line: QLineF) -> None:
    """A PERIOD record: a thick band with end ticks, unlike the weekly line (no points, not joined)."""
    band = QColor(ABSENCE)
    band.setAlpha(90)
    painter.setPen(_pen(band, 6.0))
    painter.drawLine(line)
    painter.setPen(_pen(ABSENCE, 1.6))
    painter.drawLine(line)
    for x in (line.x1(), line.x2()):
        painter.drawLine(QLineF(x, line.y1() - 5, x, line.y1() + 5))


def _period_segments(chart: SkollinjeChart, painter: QPainter) -> None:
    """Each PERIOD record across its weeks at its percentage (workflow.skollinje.PeriodSegment)."""
    model = chart.model
    for segment in model.periods:
        if segment.absence_percent is None or segment.end < model.start or segment.start > model.end:
            continue
        x0 = chart.x_of(max(segment.start, model.start))
        x1 = chart.x_of(min(segment.end, model.end) + dt.timedelta(days=1))
        y = chart.y_of(segment.absence_percent)
        _period_bar(painter, QLineF(x0, y, x1, y))
        painter.setFont(chart._small)
        painter.setPen(ABSENCE)
        label = text.percent(segment.absence_percent)
        metrics = QFontMetricsF(chart._small)
        if x1 - x0 >= metrics.horizontalAdvance(label) + 8:
            painter.drawText(QRectF(x0, y - metrics.height() - 5, x1 - x0, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label)


def _goals(chart: SkollinjeChart, painter: QPainter) -> None:
    layout = chart._layout
    painter.setFont(chart._small)
    metrics = QFontMetricsF(chart._small)
    for start, end, goal in layout.goals:
        painter.setPen(_pen(GOAL, 2.0, Qt.PenStyle.DashLine))
        painter.drawLine(QLineF(start, end))
        painter.setBrush(GOAL)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(end, 3.0, 3.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        name = text.goal_name(goal)
        width = metrics.horizontalAdvance(name)
        x = end.x() - width - 10 if end.x() + width + 6 > layout.plot.right() else end.x() + 5
        painter.setPen(GOAL)
        painter.drawText(QRectF(x, end.y() - metrics.height() - 2, width + 2, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, name)


def _triangle(painter: QPainter, tip: QPointF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(EVENT)
    painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() - 5.5, tip.y() + 9), QPointF(tip.x() + 5.5, tip.y() + 9)]))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _events(chart: SkollinjeChart, painter: QPainter) -> None:
    plot = chart._layout.plot
    faint = QColor(EVENT)
    faint.setAlpha(90)
    for triangle, _rect, _event in chart._layout.events:
        tip = triangle[0]
        painter.setPen(_pen(faint, 1.0, Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(tip.x(), plot.top(), tip.x(), plot.bottom()))
        _triangle(painter, tip)


def _axis(chart: SkollinjeChart, painter: QPainter) -> None:
    layout = chart._layout
    plot = layout.plot
    line = chart._small_line()
    painter.setFont(chart._small)
    for x0, x1, name in layout.months:
        painter.setPen(_pen(MUTED))
        painter.drawLine(QLineF(x0, plot.bottom(), x0, plot.bottom() + 4))
        if name:
            painter.setPen(MUTED)
            painter.drawText(QRectF(x0 + 2, layout.axis_y, max(x1 - x0, 10), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
    bold = QFont(chart._small)
    bold.setBold(True)
    painter.setFont(bold)
    for x0, x1, year in layout.years:
        painter.setPen(_pen(YEAR_GRID))
        painter.drawLine(QLineF(x0, plot.bottom(), x0, layout.axis_y + 2 * line))
        if year:
            painter.setPen(INK)
            painter.drawText(QRectF(x0 + 2, layout.axis_y + line, x1 - x0 - 2, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, year)


def _insatser(chart: SkollinjeChart, painter: QPainter) -> None:
    painter.setFont(chart._small)
    metrics = QFontMetricsF(chart._small)
    for rect, insats in chart._layout.bars:
        painter.setPen(_pen(BAR_EDGE))
        painter.setBrush(BAR_FILL)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        name = metrics.elidedText(insats.name, Qt.TextElideMode.ElideRight, rect.width() - 8)
        if rect.width() > 24 and name:
            painter.setPen(INK)
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)


def _highlight(chart: SkollinjeChart, painter: QPainter) -> None:
    """The keyboard's bucket (strong) and the mouse's (faint), as a band across the plot."""
    layout = chart._layout
    for index, alpha in ((chart._hover, 20), (chart.highlighted, 45)):
        if index is None or index >= len(layout.buckets):
            continue
        x0, x1 = layout.buckets[index]
        color = QColor(HIGHLIGHT)
        color.setAlpha(alpha)
        painter.fillRect(QRectF(x0, layout.plot.top(), max(x1 - x0, 2.0), layout.plot.height()), color)
    if chart.highlighted is not None and chart.hasFocus():
        x0, x1 = layout.buckets[chart.highlighted]
        painter.setPen(_pen(ABSENCE, 1.0, Qt.PenStyle.DashLine))
        painter.drawRect(QRectF(x0, layout.plot.top(), max(x1 - x0, 2.0), layout.plot.height()))


def _focus(chart: SkollinjeChart, painter: QPainter) -> None:
    if chart.hasFocus():
        painter.setPen(_pen(ABSENCE, 1.0, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(chart.rect()).adjusted(1, 1, -2, -2))

