"""Time to first paint of the skollinje chart with 3 years of weekly data (156 points), and a repaint.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_skollinje_paint.py [--rounds N]
"Create + first paint" is from constructing the widget and setting the model to its first paint
event being done (``grab()`` paints it offscreen); "repaint" grabs the same widget again; "hover"
is one ``text_at`` lookup, as a mouse move does. The model is built directly from the chart types
(fictional numbers), so this measures the widget alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sst_desk.workflow.codes import EventKind, Stage
from sst_desk.workflow.skollinje import (
    EventMark,
    GoalLine,
    InsatsSpan,
    Point,
    Skollinje,
    StageSpan,
)


def three_year_model(end: dt.date = dt.date(2026, 11, 22), weeks: int = 156) -> Skollinje:
    """A fictional student's three years: rising absence, holidays as gaps, a case from aktualisering on."""
    first = end - dt.timedelta(days=end.weekday()) - dt.timedelta(weeks=weeks - 1)
    points = []
    for n in range(weeks):
        start = first + dt.timedelta(weeks=n)
        holiday = start.isocalendar().week in (1, 8, 26, 27, 28, 29, 30, 31, 32, 44, 52)
        if holiday:
            points.append(Point(start, start + dt.timedelta(days=6), None, None, None, 0.0, 0.0))
            continue
        absence = max(0.0, min(95.0, 6 + 40 * math.sin(n / 40) ** 2 + 9 * math.sin(n * 1.7) + (n > 110) * -15))
        invalid = absence * (0.35 + 0.25 * math.sin(n / 9) ** 2)
        scheduled = 1500.0
        points.append(Point(start, start + dt.timedelta(days=6), absence, absence - invalid, invalid, scheduled,
                            scheduled * absence / 100))
    chart_end = points[-1].end
    d = first + dt.timedelta(weeks=70)
    stages = []
    for stage, weeks_in in ((Stage.AKTUALISERING, 4), (Stage.INSKRIVNING, 3), (Stage.KARTLAGGNING, 8),
                            (Stage.PLANERING, 4), (Stage.GENOMFORANDE, 30), (Stage.UPPFOLJNING, 60)):
        stop = min(d + dt.timedelta(weeks=weeks_in) - dt.timedelta(days=1), chart_end)
        stages.append(StageSpan(stage, d, stop))
        d = stop + dt.timedelta(days=1)
    plan_start = stages[3].end
    insatser = [
        InsatsSpan("Motiverande samtal", plan_start, plan_start + dt.timedelta(weeks=20)),
        InsatsSpan("Stöd i vardagen (dygnsrytm, komma iväg till skolan)", plan_start + dt.timedelta(weeks=2), None),
        InsatsSpan("Föräldrastegen", plan_start + dt.timedelta(weeks=24), plan_start + dt.timedelta(weeks=34)),
        InsatsSpan("Närvarouppföljning", plan_start + dt.timedelta(weeks=10), plan_start + dt.timedelta(weeks=50)),
    ]
    goals = [GoalLine(1, "Närvaro över 80 %", plan_start, 42.0, plan_start + dt.timedelta(weeks=30), 20.0),
             GoalLine(2, "Ogiltig frånvaro under 5 %", plan_start + dt.timedelta(weeks=30), None,
                      plan_start + dt.timedelta(weeks=70), 5.0)]
    events = [EventMark(first + dt.timedelta(weeks=40), EventKind.SKOLBYTE, "Bytte till Björkdalsskolan."),
              EventMark(first + dt.timedelta(weeks=95), EventKind.SJUKDOM, "Lång förkylning."),
              EventMark(first + dt.timedelta(weeks=120), EventKind.FAMILJ, "")]
    return Skollinje(start=first, end=chart_end, bucket="week", points=points, stages=stages, insatser=insatser,
                     goals=goals, events=events, warn_percent=10.0, alert_percent=50.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from sst_desk.ui.skollinje.chart import SkollinjeChart

    app = QApplication.instance() or QApplication([])
    model = three_year_model()
    first, repaint, hover = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        chart = SkollinjeChart()
        chart.resize(1000, 420)
        chart.set_model(model)
        chart.grab()
        first.append(time.perf_counter() - start)
        start = time.perf_counter()
        chart.grab()
        repaint.append(time.perf_counter() - start)
        start = time.perf_counter()
        chart.text_at(chart.bucket_position(100))
        hover.append(time.perf_counter() - start)
        chart.deleteLater()
        app.processEvents()
    for name, times in (("create + first paint", first), ("repaint", repaint), ("hover lookup", hover)):
        print(f"{name:<22} median {statistics.median(times) * 1000:7.2f} ms   min {min(times) * 1000:7.2f} ms   "
              f"({args.rounds} rounds, {len(model.points)} weekly points, 1000x420 px)")


def from_the_database(rounds: int) -> None:
    """End to end, as the Skollinje step does it: read 3 years of weekly records from an encrypted database
    (checked and logged), build the model, create the chart and paint it once."""
    import tempfile

    import sqlalchemy as sa
    from PySide6.QtWidgets import QApplication

    from sst_desk.persistence import Database
    from sst_desk.persistence.mapping import attendance
    from sst_desk.services import Door
    from sst_desk.security.keyfile import new_database_key
    from sst_desk.ui.skollinje.chart import SkollinjeChart
    from sst_desk.workflow.codes import Gender
    from sst_desk.workflow.entities import Case, Student
    from sst_desk.workflow.skollinje import build_skollinje

    app = QApplication.instance() or QApplication([])
    end = dt.date(2026, 11, 22)
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite3", key=new_database_key())
        case = Door(db.uow, None).cases.add_case(Case(Student("Bench", "Elev", "Benchskolan", 8, Gender.EJ_ANGIVET),
                                raised_on=end - dt.timedelta(weeks=60)))
        monday = end - dt.timedelta(days=end.weekday()) - dt.timedelta(weeks=155)
        with db.uow() as uow:
            uow.session.execute(sa.insert(attendance), [
                {"student_id": case.student.id, "period_start": monday + dt.timedelta(weeks=n), "granularity": "week",
                 "unit": "minutes", "scheduled": 0.0 if n % 13 == 7 else 1500.0,
                 "absent": 0.0 if n % 13 == 7 else float(30 * (n % 20)), "valid": None, "invalid": None}
                for n in range(156)])
            uow.commit()
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            records = Door(db.uow, None).attendance.attendance_for_case(case.id)
            model = build_skollinje(case, records, today=end)
            chart = SkollinjeChart()
            chart.resize(1000, 420)
            chart.set_model(model)
            chart.grab()
            times.append(time.perf_counter() - start)
            chart.deleteLater()
            app.processEvents()
        db.close()
    print(f"{'read + build + paint':<22} median {statistics.median(times) * 1000:7.2f} ms   min "
          f"{min(times) * 1000:7.2f} ms   ({rounds} rounds, 156 weekly records from an encrypted database)")


if __name__ == "__main__":
    main()
    from_the_database(20)
