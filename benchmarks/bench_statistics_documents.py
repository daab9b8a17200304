"""The statistics documents (issue 15): how long the team lead waits for the report, the yearly report and the
CSV/XLSX export, beside one handlingsplan built in the same run (the anchor: a document people already wait for).

Run: .venv/bin/python benchmarks/bench_statistics_documents.py [--rounds 10]

Inputs are the hand-made statistics of tests/unit/stats_samples.py: a team of four schools (6 pages), and a
breakdown of 60 schools (14 pages: long tables over pages, the bar chart in three parts). Building a
``Statistics`` (the database and ``compute``) is not in these figures: see bench_statistics.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]

from report_cases import make_case  # noqa: E402
from stats_samples import many_schools_stats, school_year_stats  # noqa: E402

from sst_desk.reports import ReportContext, build_handlingsplan  # noqa: E402
from sst_desk.reports.statistics import build_statistics_report  # noqa: E402
from sst_desk.reports.statistics_tables import statistics_csv, statistics_xlsx  # noqa: E402
from sst_desk.reports.statistics_yearly import build_yearly_report  # noqa: E402

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström")
BUDGET_MS = 1000  # the report of a large team, built off the UI thread: a second at most


def median_ms(function, rounds: int) -> float:
    function()  # warm-up (fonts, imports)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    case = make_case(goals=3, insatser=4)
    four, sixty = school_year_stats(), many_schools_stats(60)
    rows = [
        ("anchor: one handlingsplan", median_ms(lambda: build_handlingsplan(case, CONTEXT), rounds)),
        ("report, 4 schools (6 pages)", median_ms(lambda: build_statistics_report(four, CONTEXT), rounds)),
        ("report, 60 schools (14 pages)", median_ms(lambda: build_statistics_report(sixty, CONTEXT), rounds)),
        ("yearly report (1 page)", median_ms(lambda: build_yearly_report(four, CONTEXT), rounds)),
        ("CSV, 60 schools", median_ms(lambda: statistics_csv(sixty), rounds)),
        ("XLSX, 60 schools", median_ms(lambda: statistics_xlsx(sixty), rounds)),
    ]
    anchor = rows[0][1]
    for name, ms in rows:
        print(f"{name:32} {ms:8.1f} ms   {ms / anchor:5.1f} × the plan")
    worst = rows[2][1]
    print(f"budget {BUDGET_MS} ms for the 60-school report: {'OK' if worst <= BUDGET_MS else 'OVER'}")


if __name__ == "__main__":
    main()
