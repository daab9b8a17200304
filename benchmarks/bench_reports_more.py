"""Median build time of the kartläggning summary, uppföljningsprotokoll, avslutsanteckning and kallelse.

Run: .venv/bin/python benchmarks/bench_reports_more.py [--rounds N]   (default 20 rounds after one warm-up)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "unit")]  # the package and the fictional cases

from report_cases import make_case  # noqa: E402
from report_cases_more import add_follow_up, make_closed_case, with_kartlaggning  # noqa: E402

from sst_desk.reports.avslut import build_avslutsanteckning  # noqa: E402
from sst_desk.reports.base import ReportContext  # noqa: E402
from sst_desk.reports.kallelse import build_kallelse  # noqa: E402
from sst_desk.reports.kartlaggning import build_kartlaggning  # noqa: E402
from sst_desk.reports.uppfoljning import build_uppfoljning  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    context = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                            contact_lines=("Storgatan 1, 123 45 Äppelviken", "Telefon 08-000 00 00"))
    case = make_closed_case()
    crowded = with_kartlaggning(make_case(goals=12, insatser=2))
    add_follow_up(crowded, summary=("Lång sammanfattning om läget. " * 110)[:3000])
    jobs = {
        "kartläggning": lambda: build_kartlaggning(case, context),
        "uppföljning, 3 mål": lambda: build_uppfoljning(case, None, context),
        "uppföljning, 12 mål + 3000 tecken": lambda: build_uppfoljning(crowded, None, context),
        "avslutsanteckning": lambda: build_avslutsanteckning(case, context),
        "kallelse": lambda: build_kallelse(case, context),
    }
    for name, build in jobs.items():
        build()  # warm-up
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            build()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:36} median {statistics.median(times):6.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
