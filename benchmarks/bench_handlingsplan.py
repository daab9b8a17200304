"""Median time to build a handlingsplan PDF in process: a typical plan and the 12-goal/20-insats plan.

Run: .venv/bin/python benchmarks/bench_handlingsplan.py [--rounds N]
The first build (font loading, style set-up) is a warm-up and is reported apart.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]  # the package and the fictional cases

from report_cases import make_case, make_large_case  # noqa: E402

from sst_desk.reports import ReportContext, build_handlingsplan  # noqa: E402


def measure(label: str, build: Callable[[], bytes], rounds: int) -> None:
    times = []
    data = b""
    for _ in range(rounds):
        start = time.perf_counter()
        data = build()
        times.append(time.perf_counter() - start)
    size, pages = len(data), len(re.findall(rb"/Type /Page[^s]", data))
    print(f"{label:<28} median {statistics.median(times) * 1000:7.1f} ms   "
          f"min {min(times) * 1000:6.1f} ms   {size / 1024:6.0f} KiB   {pages} pages   ({rounds} rounds)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    context = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström")
    typical, large = make_case(goals=3, insatser=4), make_large_case()

    start = time.perf_counter()
    build_handlingsplan(typical, context)
    print(f"{'first build (warm-up)':<28} {(time.perf_counter() - start) * 1000:7.1f} ms")
    measure("typical (3 goals, 4 ins.)", lambda: build_handlingsplan(typical, context), args.rounds)
    measure("large (12 goals, 20 ins.)", lambda: build_handlingsplan(large, context), args.rounds)


if __name__ == "__main__":
    main()
