"""The skollinje on screen: absence over time with the case's stages, insatser, goals and events.

``SkollinjeChart`` paints a ``workflow.skollinje.Skollinje`` with QPainter (no
chart library: the same model is drawn by reportlab for print, and both must
agree). Hovering shows a tooltip for a week, an event, an insats bar, a goal
line or a stage; Left/Right move a highlighted week for keyboard and
screen-reader users, whose numbers are emitted as ``sig_highlighted`` and set
as the accessible description. Lines differ by dash as well as colour, so the
chart reads in greyscale too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QPainter, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from sst_desk.workflow.attendance import Unit
from sst_desk.workflow.skollinje import EventMark, GoalLine, InsatsSpan, Skollinje, StageSpan
from sst_desk.ui.skollinje import text
from sst_desk.ui.skollinje.paint import paint_chart
from sst_desk.ui.skollinje.style import PAD

PLOT_MIN_HEIGHT = 150.0
MONTH_STEPS = (1, 2, 3, 4, 6, 12)
SHORT_SPAN_DAYS = 120  # up to about four months the axis names weeks


@dataclass
class _Layout:
    """Where everything goes for one widget size and model; kept until either changes."""

    size: QSize
    plot: QRectF = field(default_factory=QRectF)
    strip: QRectF = field(default_factory=QRectF)  # the stage names above the plot
    buckets: list[tuple[float, float]] = field(default_factory=list)  # x from, x to per point
    stages: list[tuple[QRectF, StageSpan]] = field(default_factory=list)
    bars: list[tuple[QRectF, InsatsSpan]] = field(default_factory=list)
    events: list[tuple[QPolygonF, QRectF, EventMark]] = field(default_factory=list)
    goals: list[tuple[QPointF, QPointF, GoalLine]] = field(default_factory=list)
    months: list[tuple[float, float, str]] = field(default_factory=list)  # x from, x to, label ("" = tick only)
    years: list[tuple[float, float, str]] = field(default_factory=list)
    axis_y: float = 0.0  # top of the month labels


def month_name(month: int, form: QLocale.FormatType = QLocale.FormatType.ShortFormat) -> str:
    """The locale's month name ("sep", "september"), without the abbreviation's full stop."""
    return QLocale().standaloneMonthName(month, form).rstrip(".")


def _first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


class SkollinjeChart(QWidget):
    """Absence per week (or month) as a line, on the case's time axis; hover and keyboard tell the numbers."""

    sig_highlighted = Signal(str)
    """Emitted with the highlighted bucket's numbers in one line ("" when nothing is highlighted)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = self.tr("School line")
        self.setAccessibleName(self.title)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.model: Skollinje | None = None
        self.unit: Unit | None = None
        self.highlighted: int | None = None  # the keyboard's bucket
        self._hover: int | None = None  # the mouse's bucket
        self._layout: _Layout | None = None
        self.hover_text = ""  # what the tooltip says now (tests and screen readers read it)
        self._small = QFont(self.font())
        self._small.setPointSizeF(self.font().pointSizeF() * 0.88)

    # --- the model --------------------------------------------------------------

    def set_model(self, model: Skollinje | None, unit: Unit | None = None) -> None:
        """Show ``model`` (None or no data: the empty sentence); ``unit`` says what the amounts count."""
        self.model, self.unit = model, unit
        self._layout = None
        self._hover = None
        if self.highlighted is not None and (model is None or self.highlighted >= len(model.points)):
            self.highlighted = None
        self.setMinimumHeight(int(max(300.0, self._needed_height())))
        self.updateGeometry()
        self._announce()
        self.update()

    def is_empty(self) -> bool:
        return self.model is None or not self.model.has_data

    def empty_text(self) -> str:
        return self.tr("No attendance imported yet for this student. Import the school's export from the Team menu.")

    def legend_names(self) -> dict[str, str]:
        """The key's words, by what they name (made here so that lupdate and Qt agree on the context)."""
        return {"line": self.tr("Absence"), "area": self.tr("Invalid absence"), "goal": self.tr("Goal"),
                "threshold": self.tr("Flag thresholds"), "event": self.tr("Event"),
                "period": self.tr("Period (summary)")}

    def sizeHint(self) -> QSize:
        return QSize(900, int(max(360.0, self._needed_height() + 40)))

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 300)

    # --- geometry ---------------------------------------------------------------

    def _line(self) -> float:
        return QFontMetricsF(self.font()).height()

    def _small_line(self) -> float:
        return QFontMetricsF(self._small).height()

    def _lane_height(self) -> float:
        return self._small_line() + 6

    def _needed_height(self) -> float:
        if self.is_empty():
            return 300.0
        lanes = len(self._pack_lanes(max(self.width(), 400) - 120))
        return self._chrome_height(lanes) + PLOT_MIN_HEIGHT

    def _chrome_height(self, lanes: int) -> float:
        """Everything but the plot: title row, stage strip, axis rows, insats lanes."""
        return (PAD + self._line() + 6 + self._small_line() + 4 + 12 + 2 * self._small_line() + 6
                + lanes * (self._lane_height() + 3) + PAD)

    def x_of(self, day: dt.date) -> float:
        """The x of the start of ``day`` (the end of a bucket is the x of the day after it)."""
        layout = self._ensure_layout()
        model = self.model
        total = (model.end - model.start).days + 1
        return layout.plot.left() + layout.plot.width() * (day - model.start).days / max(total, 1)

    def y_of(self, percent: float) -> float:
        plot = self._ensure_layout().plot
        return plot.bottom() - plot.height() * max(0.0, min(percent, 100.0)) / 100.0

    def _ensure_layout(self) -> _Layout:
        if self._layout is None or self._layout.size != self.size():
            self._layout = self._compute_layout()
        return self._layout

    def _pack_lanes(self, width: float) -> list[list[tuple[float, float, InsatsSpan]]]:
        """Insatser as bars in lanes (x relative to the plot's left); a bar that would overlap goes down a lane."""
        model = self.model
        if model is None or not model.insatser:
            return []
        total = max((model.end - model.start).days + 1, 1)

        def x(day: dt.date) -> float:
            return width * (min(max(day, model.start), model.end + dt.timedelta(days=1)) - model.start).days / total

        lanes: list[list[tuple[float, float, InsatsSpan]]] = []
        for insats in sorted(model.insatser, key=lambda i: i.start):
            end = (insats.end or model.end) + dt.timedelta(days=1)
            if end <= model.start or insats.start > model.end:
                continue
            left, right = x(insats.start), max(x(end), x(insats.start) + 4)
            lane = next((lane for lane in lanes if lane[-1][1] + 4 <= left), None)
            if lane is None:
                lane = []
                lanes.append(lane)
            lane.append((left, right, insats))
        return lanes

    def _compute_layout(self) -> _Layout:
        layout = _Layout(QSize(self.size()))
        model = self.model
        if self.is_empty():
            return layout
        metrics = QFontMetricsF(self._small)
        left = PAD + metrics.horizontalAdvance(text.percent(100.0)) + 8
        right = PAD + metrics.horizontalAdvance(text.percent(100.0)) + 8
        width = max(self.width() - left - right, 40.0)
        lanes = self._pack_lanes(width)
        plot_top = PAD + self._line() + 6 + self._small_line() + 4
        plot_height = max(self.height() - self._chrome_height(len(lanes)), 60.0)
        layout.plot = QRectF(left, plot_top, width, plot_height)
        layout.strip = QRectF(left, plot_top - self._small_line() - 4, width, self._small_line() + 4)
        self._layout = layout  # x_of and y_of below read it

        for point in model.points:
            layout.buckets.append((self.x_of(point.start), self.x_of(point.end + dt.timedelta(days=1))))
        for stage in model.stages:
            x0 = self.x_of(max(stage.start, model.start))
            x1 = self.x_of(min(stage.end, model.end) + dt.timedelta(days=1))
            if x1 > x0:
                layout.stages.append((QRectF(x0, layout.strip.top(), x1 - x0, layout.plot.bottom() - layout.strip.top()),
                                      stage))
        for goal in model.goals:
            start_y = self.y_of(goal.start_percent if goal.start_percent is not None else goal.target_percent)
            layout.goals.append((QPointF(self.x_of(goal.start), start_y),
                                 QPointF(self.x_of(goal.end), self.y_of(goal.target_percent)), goal))
        bottom = layout.plot.bottom()
        for event in model.events:
            if not model.start <= event.on <= model.end:
                continue
            x = (self.x_of(event.on) + self.x_of(event.on + dt.timedelta(days=1))) / 2
            triangle = QPolygonF([QPointF(x, bottom + 1), QPointF(x - 5.5, bottom + 10), QPointF(x + 5.5, bottom + 10)])
            layout.events.append((triangle, triangle.boundingRect().adjusted(-3, -3, 3, 3), event))
        layout.axis_y = bottom + 12
        self._axis_labels(layout, metrics)
        lanes_top = layout.axis_y + 2 * self._small_line() + 6
        for row, lane in enumerate(lanes):
            top = lanes_top + row * (self._lane_height() + 3)
            for x0, x1, insats in lane:
                layout.bars.append((QRectF(left + x0, top, x1 - x0, self._lane_height()), insats))
        return layout

    def _axis_labels(self, layout: _Layout, metrics: QFontMetricsF) -> None:
        """Month ticks (named every 1, 2, 3… months so the names fit) and the years under them; for a span
        of a few months, week numbers over "month year" instead."""
        model = self.model
        after_end = model.end + dt.timedelta(days=1)
        firsts = []
        month = dt.date(model.start.year, model.start.month, 1)
        while month <= model.end:
            firsts.append(month)
            month = _first_of_next_month(month)
        if (model.end - model.start).days <= SHORT_SPAN_DAYS:
            monday = model.start + dt.timedelta(days=-model.start.weekday() % 7)
            while monday <= model.end:
                x0, x1 = self.x_of(monday), self.x_of(min(monday + dt.timedelta(days=7), after_end))
                name = text.week_short(monday.isocalendar().week)
                layout.months.append((x0, x1, name if x1 - x0 >= metrics.horizontalAdvance(name) + 4 else ""))
                monday += dt.timedelta(days=7)
            for first in firsts:
                x0 = self.x_of(max(first, model.start))
                x1 = self.x_of(min(_first_of_next_month(first), after_end))
                name = f"{month_name(first.month, QLocale.FormatType.LongFormat)} {first.year}"
                layout.years.append((x0, x1, name if x1 - x0 >= metrics.horizontalAdvance(name) + 4 else ""))
            return
        widest = max(metrics.horizontalAdvance(month_name(m)) for m in range(1, 13)) + 8
        month_width = layout.plot.width() * 30.4 / max((model.end - model.start).days + 1, 1)
        step = next((s for s in MONTH_STEPS if s * month_width >= widest), 12)
        for first in firsts:
            x0 = self.x_of(max(first, model.start))
            x1 = self.x_of(min(_first_of_next_month(first), after_end))
            named = step < 12 and (first.month - 1) % step == 0 and x1 - x0 >= min(widest, month_width) - 1
            layout.months.append((x0, x1 if step == 1 else x0 + widest, month_name(first.month) if named else ""))
        for year in range(model.start.year, model.end.year + 1):
            x0 = self.x_of(max(dt.date(year, 1, 1), model.start))
            x1 = self.x_of(min(dt.date(year + 1, 1, 1), after_end))
            layout.years.append((x0, x1, str(year) if x1 - x0 >= metrics.horizontalAdvance("0000") + 4 else ""))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout = None
        needed = int(max(300.0, self._needed_height()))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_chart(self, painter)
        finally:
            painter.end()

    # --- hover and keyboard -------------------------------------------------------

    def bucket_at(self, x: float) -> int | None:
        """The index of the point whose bucket holds ``x`` (None outside the data)."""
        if self.is_empty():
            return None
        for index, (x0, x1) in enumerate(self._ensure_layout().buckets):
            if x0 <= x < max(x1, x0 + 1):
                return index
        return None

    def bucket_position(self, index: int) -> QPointF:
        """The middle of bucket ``index``, at its value (or mid-plot in a gap): where a pointer points at it."""
        layout = self._ensure_layout()
        x0, x1 = layout.buckets[index]
        value = self.model.points[index].absence_percent
        return QPointF((x0 + x1) / 2, self.y_of(value) if value is not None else layout.plot.center().y())

    def event_position(self, index: int) -> QPointF:
        return self._ensure_layout().events[index][1].center()

    def text_at(self, pos: QPointF) -> str:
        """What the tooltip says at ``pos``: an event, an insats, a goal line, a week or a stage ("" for nothing)."""
        if self.is_empty():
            return ""
        layout = self._ensure_layout()
        for _triangle, rect, event in layout.events:
            if rect.contains(pos):
                return "\n".join(text.event_lines(event))
        for rect, insats in layout.bars:
            if rect.contains(pos):
                return "\n".join(text.insats_lines(insats))
        for start, end, goal in layout.goals:
            if _near_segment(pos, start, end, 5.0):
                return "\n".join(text.goal_lines(goal))
        if layout.plot.contains(pos):
            index = self.bucket_at(pos.x())
            if index is not None:
                return "\n".join(text.bucket_lines(self.model.points[index], self.model.bucket, self.unit))
        for rect, stage in layout.stages:
            if rect.contains(pos):
                return "\n".join(text.stage_lines(stage))
        return ""

    def highlight_text(self) -> str:
        """The highlighted bucket in one line, as the caption under the chart shows it."""
        if self.highlighted is None or self.model is None:
            return ""
        return " · ".join(text.bucket_lines(self.model.points[self.highlighted], self.model.bucket, self.unit))

    def set_highlighted(self, index: int | None) -> None:
        if self.model is None or not self.model.points:
            index = None
        elif index is not None:
            index = max(0, min(index, len(self.model.points) - 1))
        if index != self.highlighted:
            self.highlighted = index
            self._announce()
            self.update()

    def _announce(self) -> None:
        caption = self.highlight_text()
        self.setAccessibleDescription(caption or (self.empty_text() if self.is_empty() else self.tr(
            "Use the left and right arrow keys to read the absence week by week (or month by month).")))
        self.sig_highlighted.emit(caption)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_empty():
            super().keyPressEvent(event)
            return
        count = len(self.model.points)
        current = self.highlighted if self.highlighted is not None else self._last_with_data()
        moves = {Qt.Key.Key_Left: current - 1, Qt.Key.Key_Right: current + 1, Qt.Key.Key_Home: 0,
                 Qt.Key.Key_End: count - 1}
        if event.key() in moves:
            self.set_highlighted(moves[event.key()] if self.highlighted is not None else current)
            event.accept()
        else:
            super().keyPressEvent(event)

    def _last_with_data(self) -> int:
        points = self.model.points if self.model else []
        return next((i for i in range(len(points) - 1, -1, -1) if points[i].absence_percent is not None), 0)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.highlighted is None and not self.is_empty():
            self.set_highlighted(self._last_with_data())
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        hover = self.bucket_at(pos.x()) if not self.is_empty() and self._ensure_layout().plot.contains(pos) else None
        if hover != self._hover:
            self._hover = hover
            self.update()
        self._show_tip(pos, event.globalPosition().toPoint())
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self._hover = None
        QToolTip.hideText()
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tip(QPointF(event.pos()), event.globalPos())
            return True
        return super().event(event)

    def _show_tip(self, pos: QPointF, global_pos) -> None:
        tip = self.text_at(pos)
        self.hover_text = tip
        if tip:
            QToolTip.showText(global_pos, tip, self)
        else:
            QToolTip.hideText()


def _near_segment(pos: QPointF, a: QPointF, b: QPointF, tolerance: float) -> bool:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((pos.x() - a.x()) * dx + (pos.y() - a.y()) * dy) / length))
    nx, ny = a.x() + t * dx - pos.x(), a.y() + t * dy - pos.y()
    return nx * nx + ny * ny <= tolerance * tolerance

