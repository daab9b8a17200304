"""Skollinjen: the chart model and the metrics for 3 years of daily records, and a handlingsplan with the chart.

Run: .venv/bin/python benchmarks/bench_skollinje.py [--rounds N]
Median and minimum over N rounds after one warm-up; the first PDF (fonts, styles) is reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]  # the package and the fictional cases

from report_cases import make_case

from sst_desk.reports import ReportContext, build_handlingsplan
from sst_desk.workflow.attendance import (
    AttendanceRecord,
    Granularity,
    PeriodKind,
    by_period,
    summarize,
)
from sst_desk.workflow.codes import GoalArea
from sst_desk.workflow.skollinje import build_skollinje

TODAY = dt.date(2026, 11, 23)


def daily_records(years: int = 3, seed: int = 7) -> list[AttendanceRecord]:
    """School days (Mon–Fri) for ``years`` years up to TODAY, lov weeks with nothing scheduled."""
    rng = random.Random(seed)
    records, day = [], TODAY - dt.timedelta(days=365 * years)
    while day <= TODAY:
        if day.weekday() < 5:
            week = day.isocalendar()[1]
            lov = 25 <= week <= 32 or week in (1, 9, 44, 52)
            absent = 0.0 if lov else rng.choice([0, 0, 0, 0, 40, 120, 300])
            records.append(AttendanceRecord(day, Granularity.DAY, 0 if lov else 300, absent,
                                            invalid=absent / 3 if absent else None))
        day += dt.timedelta(days=1)
    return records


def measure(label: str, work: Callable[[], object], rounds: int) -> object:
    work()  # warm-up
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    print(f"{label:<44} median {statistics.median(times) * 1000:8.2f} ms   min {min(times) * 1000:8.2f} ms"
          f"   ({rounds} rounds)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    records = daily_records()
    case = make_case()
    goal = next(g for g in case.current_plan.goals if g.area is GoalArea.SKOLNARVARO)
    goal.target_absence_percent = 10.0
    context = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström", printed_on=TODAY)
    print(f"{len(records)} daily records, {records[0].period_start} – {records[-1].period_start}")

    first, last = records[0].period_start, records[-1].period_start
    measure("summarize (3 years at once)", lambda: summarize(records, first, last), args.rounds)
    measure("by_period WEEK (3 years)", lambda: by_period(records, PeriodKind.WEEK), args.rounds)
    model = measure("build_skollinje (3 years, weekly points)",
                    lambda: build_skollinje(case, records, today=TODAY), args.rounds)
    print(f"{'':<44} {len(model.points)} points, bucket {model.bucket}")  # type: ignore[union-attr]

    start = time.perf_counter()
    build_handlingsplan(case, context, attendance=records)
    print(f"{'first handlingsplan with chart (warm-up)':<44} {(time.perf_counter() - start) * 1000:8.1f} ms")
    data = measure("handlingsplan with skollinjen", lambda: build_handlingsplan(case, context, attendance=records),
                   args.rounds)
    measure("handlingsplan without", lambda: build_handlingsplan(case, context), args.rounds)
    pages = len(re.findall(rb"/Type /Page[^s]", data))  # type: ignore[arg-type]
    print(f"{'':<44} {len(data) / 1024:.0f} KiB, {pages} pages")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
