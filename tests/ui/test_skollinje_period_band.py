"""The skollinje chart draws a PERIOD record as a band across its weeks at its percentage (issue 11)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sst_desk.ui.skollinje.chart import SkollinjeChart
from sst_desk.ui.skollinje.style import ABSENCE
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.skollinje import build_skollinje

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from builders import TODAY, make_case_at

D = dt.date


def test_a_percent_only_student_gets_a_chart_with_the_period_as_a_band(qtbot):
    summary = AttendanceRecord(D(2026, 8, 17), Granularity.PERIOD, 100.0, 35.1, 20.0, 15.1, Unit.PERCENT,
                               D(2026, 11, 6))
    model = build_skollinje(make_case_at(Stage.GENOMFORANDE), [summary], today=TODAY)
    chart = SkollinjeChart()
    qtbot.addWidget(chart)
    chart.resize(900, 420)
    chart.set_model(model, Unit.PERCENT)
    chart.show()
    assert not chart.is_empty()
    assert "period" in chart.legend_names()
    image = chart.grab().toImage()
    chart._ensure_layout()
    y = round(chart.y_of(35.1))
    middle = round((chart.x_of(D(2026, 8, 17)) + chart.x_of(D(2026, 11, 7))) / 2)
    outside = round(chart.x_of(D(2026, 11, 20)))  # after the period ends: no band
    ratio = chart.devicePixelRatioF()

    def darkest(x: int) -> int:  # the darkest pixel within the band's height around y
        return min(image.pixelColor(round(x * ratio), round((y + dy) * ratio)).lightness() for dy in range(-2, 3))

    assert darkest(middle) <= ABSENCE.lightness() + 30  # the line in the band
    assert darkest(outside) > 200  # after the period: only the (light) stage band
