"""The statistics' charts (QtCharts): students by gender per group, and the change in absence per bin.

Two rules from the issue and the house style:

- **A hidden figure is never drawn**, neither as 0 nor as the threshold: its bar has no length and carries
  the text "<5" (below the threshold) or ".." (hidden to protect another figure), as
  ``stats_model.cell_text`` says. QtCharts' own bar labels would print "0" there, so every bar's label (the count, or "<5")
  is a text item of our own, placed at the bar's end from the series' geometry and placed again whenever
  the plot area changes (``_place_labels``).
- **Not colour alone**: each gender's bars have their own fill pattern as well as colour (readable in
  black and white), the legend names them in words, and every bar has its number written beside it.

Grouped bars are horizontal: school names and workers' names are long, and read well down the side.
The chart grows with the number of groups (the window puts it in a scroll area) so that each bar keeps
room for its label.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

from sst_desk.workflow.stats_model import CountTable, Distribution, Statistics
from sst_desk.ui.statistics.words import cell_text, code_words, mark_text, number_words

CONTEXT = "StatisticsWindow"

# Fill patterns and colours that stay apart in black-and-white print (and for colour-blind readers).
PATTERNS = (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.CrossPattern,
            Qt.BrushStyle.Dense5Pattern, Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.HorPattern)
COLOURS = ("#1f5a96", "#b35806", "#2d7d46", "#6a3d9a", "#8c510a", "#555555")
BAR_ROOM = 16  # pixels per bar in the grouped chart: the bar and its label
GROUP_GAP = 14


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Bar:
    """One bar as drawn: its set (column) and category (row), its length, and the text beside it."""

    set_index: int
    category: int
    value: float  # 0 for a hidden figure (not drawn)
    text: str  # the count, or "<5"


def _brush(index: int) -> QBrush:
    brush = QBrush(QColor(COLOURS[index % len(COLOURS)]), PATTERNS[index % len(PATTERNS)])
    return brush


class _BarChart(QChartView):
    """A chart view whose bars carry our own labels (``bars``), placed at each bar's end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.series: QBarSeries | QHorizontalBarSeries | None = None
        self.bars: list[Bar] = []
        self.categories: list[str] = []
        self._items: list[QGraphicsSimpleTextItem] = []
        self._reset()

    def _reset(self) -> None:
        """A new chart for each figure: QtCharts leaves a removed axis drawn, so the old chart goes whole."""
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(8, 8, 24, 8))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.empty_text = QGraphicsSimpleTextItem("", chart)  # what an empty chart says instead of bars
        self.empty_text.setBrush(QBrush(QColor("#404040")))
        chart.plotAreaChanged.connect(lambda _area: self._place_labels())
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()  # released by the view, not deleted
        self._items = []
        self.series, self.bars, self.categories = None, [], []

    def say_empty(self, text: str) -> None:
        """Write ``text`` where the bars would be (nothing to draw)."""
        self.empty_text.setText(text)
        self._place_empty()

    def _place_empty(self) -> None:
        box, area = self.empty_text.boundingRect(), self.chart().plotArea()
        if area.width() <= 0:
            area = self.chart().rect()
        self.empty_text.setPos(area.center().x() - box.width() / 2, area.center().y() - box.height() / 2)

    def _add_labels(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        for bar in self.bars:
            item = QGraphicsSimpleTextItem(bar.text, self.chart())
            item.setFont(font)
            item.setBrush(QBrush(QColor("#202020")))
            item.setZValue(10)
            self._items.append(item)
        self._place_labels()

    def label_texts(self) -> list[str]:
        """The texts written beside the bars, in the order of ``bars`` (tests read these)."""
        return [item.text() for item in self._items]

    def _bar_point(self, bar: Bar, at_end: bool) -> QPointF:
        series = self.series
        assert series is not None
        sets = max(1, series.count())
        width = series.barWidth()
        across = bar.category - width / 2 + (bar.set_index + 0.5) * width / sets
        along = bar.value if at_end else 0.0
        value = QPointF(along, across) if isinstance(series, QHorizontalBarSeries) else QPointF(across, along)
        return self.chart().mapToPosition(value, series)

    def _place_labels(self) -> None:
        if self.empty_text.text():
            self._place_empty()
        if self.series is None:
            return
        horizontal = isinstance(self.series, QHorizontalBarSeries)
        for bar, item in zip(self.bars, self._items):
            point = self._bar_point(bar, at_end=True)
            box = item.boundingRect()
            if horizontal:
                item.setPos(point.x() + 4, point.y() - box.height() / 2)
            else:
                item.setPos(point.x() - box.width() / 2, point.y() - box.height() - 2)


class GenderBarChart(_BarChart):
    """Students by gender (the table's columns) for each of its rows: grouped horizontal bars."""

    def show_table(self, table: CountTable | None, stats: Statistics | None, title: str) -> None:
        self._reset()
        chart = self.chart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        if table is None or not table.rows:
            self.setFixedHeight(240)
            self.say_empty(_t("There is no table to draw."))
            return
        series = QHorizontalBarSeries()
        series.setBarWidth(0.8)
        # QtCharts draws the first category at the bottom: the rows go in reversed, so the table's first
        # row is the top group, as on paper (``Bar.category`` is the position drawn, not the row).
        order = list(reversed(range(len(table.rows))))
        self.categories = [code_words(table.row_dimension, table.rows[row], stats) for row in order]
        top = 0
        for column_index, column in enumerate(table.columns):
            bar_set = QBarSet(code_words(table.column_dimension, column, stats))
            bar_set.setBrush(_brush(column_index))
            bar_set.setPen(QPen(QColor(COLOURS[column_index % len(COLOURS)]).darker(140), 1))
            for position, row_index in enumerate(order):
                cell = table.cells[row_index][column_index]
                value = 0 if cell.suppressed else cell.count
                bar_set.append(value)
                top = max(top, value)
                self.bars.append(Bar(column_index, position, value, cell_text(cell, stats)))
            series.append(bar_set)
        chart.addSeries(series)
        self.series = series
        groups = QBarCategoryAxis()
        groups.append(self.categories)
        chart.addAxis(groups, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(groups)
        values = _count_axis(top)
        values.setTitleText(_t("Students"))
        chart.addAxis(values, Qt.AlignmentFlag.AlignTop)  # on top, with the legend: seen before scrolling
        series.attachAxis(values)
        rows = len(table.rows)
        # as tall as the bars need, no taller: one group's four bars are not stretched over the whole window
        self.setFixedHeight(max(360, rows * (len(table.columns) * BAR_ROOM + GROUP_GAP) + 150))
        self._add_labels()


class AbsenceHistogram(_BarChart):
    """The students per bin of the change in absence (percentage points), for one group."""

    def show_distribution(self, distribution: Distribution | None, stats: Statistics | None, title: str) -> None:
        self._reset()
        chart = self.chart()
        chart.setTitle(title)
        chart.legend().setVisible(False)
        if distribution is not None and distribution.suppressed and not distribution.n_primary:
            self.say_empty(_t("This group is hidden so that a smaller group cannot be worked out from the others: "
                              "nothing is drawn."))
            return
        if distribution is None or distribution.suppressed or not distribution.bins:
            threshold = str(stats.request.min_cell if stats is not None else 5)
            self.say_empty(_t("Fewer than %1 students with an absence figure here: nothing is drawn, so that no "
                              "student can be recognised.").replace("%1", threshold))
            return
        series = QBarSeries()
        series.setBarWidth(0.8)
        bar_set = QBarSet(_t("Students"))
        bar_set.setBrush(_brush(0))
        top = 0
        for index, (lower, upper, count) in enumerate(distribution.bins):
            self.categories.append(bin_words(lower, upper))
            value = 0 if count is None else count
            bar_set.append(value)
            top = max(top, value)
            hidden_text = mark_text(count is None, index in distribution.primary_bins, count, stats)
            self.bars.append(Bar(0, index, value, hidden_text))
        series.append(bar_set)
        chart.addSeries(series)
        self.series = series
        bins = QBarCategoryAxis()
        bins.append(self.categories)
        bins.setTitleText(_t("Change in absence, percentage points (below zero: less absence)"))
        chart.addAxis(bins, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(bins)
        values = _count_axis(top)
        values.setTitleText(_t("Students"))
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        self._add_labels()


def bin_words(lower: float, upper: float) -> str:
    """A bin's range in words: "−20 to −10", "below −20", "10 or more" (a bin is [lower, upper); the outer
    ones end at ±100 percentage points, or at infinity)."""
    if lower is None or lower <= -100:  # the lowest bin: nothing is below −100 percentage points
        return _t("below %1").replace("%1", number_words(upper, 0))
    if upper is None or upper >= 100:
        return _t("%1 or more").replace("%1", number_words(lower, 0))
    return _t("%1 to %2").replace("%1", number_words(lower, 0)).replace("%2", number_words(upper, 0))


def _count_axis(top: float) -> QValueAxis:
    """An axis of whole students from 0, with room past the longest bar for its label and round ticks."""
    wanted = max(top * 1.12, 5)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 10**9)
                if wanted / s <= 10)
    end = math.ceil(wanted / step) * step
    axis = QValueAxis()
    axis.setRange(0, end)
    axis.setTickCount(int(end / step) + 1)
    axis.setLabelFormat("%d")
    return axis


def visible_values(chart: _BarChart) -> Sequence[float]:
    """The lengths of the bars as drawn (a hidden figure is 0 and labelled "<5")."""
    return [bar.value for bar in chart.bars]
