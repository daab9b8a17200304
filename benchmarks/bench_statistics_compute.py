"""The statistics' arithmetic alone: ``workflow.statistics.compute`` over 20,000 fictional CaseFacts.

Run: .venv/bin/python benchmarks/bench_statistics_compute.py [--cases N] [--rounds N]
Median and minimum wall time, and the minimum CPU time of this process (less disturbed by other work on a
shared machine), over N rounds after one warm-up, for no breakdown, by school and by worker (the widest
tables), beside two anchors measured in the same run: one plain pass over the same facts that only reads
three fields of each (the floor any computation over the list pays), and an empty Python loop of a million
turns (how fast this machine runs Python at all: about 8–10 ms on an ordinary laptop). The database query
is stats-data's benchmark (bench_statistics.py); the whole budget is 300 ms, this part should stay well
under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from sst_desk.workflow.codes import (  # noqa: E402
    Assessment,
    Behorighet,
    ClosingReason,
    Gender,
    GoalArea,
    Level,
    RaisedBy,
    Rating,
    ReferralKind,
    Stage,
)
from sst_desk.workflow.statistics import compute  # noqa: E402
from sst_desk.workflow.stats_model import CaseFacts, Dimension, StatsRequest  # noqa: E402

TODAY = dt.date(2026, 11, 23)
SCHOOLS = [f"Skola {n}" for n in range(1, 31)]
INSATSER = [f"insats_{n}" for n in range(25)]
STAGES = list(Stage)


def make_facts(count: int, seed: int = 15) -> list[CaseFacts]:
    """``count`` fictional cases over three years up to TODAY, about 1.2 cases a student, 12 workers."""
    rng = random.Random(seed)
    facts = []
    for case_id in range(1, count + 1):
        raised = TODAY - dt.timedelta(days=rng.randrange(3 * 365))
        stage_count = rng.randrange(1, len(STAGES) + 1)
        entries, day = [], raised
        for stage in STAGES[:stage_count]:
            entries.append((stage, day))
            day += dt.timedelta(days=rng.randrange(3, 60))
        reached = STAGES[stage_count - 1]
        enrolled = entries[1][1] if stage_count > 1 else None
        closed = entries[6][1] if stage_count > 6 and entries[6][1] <= TODAY else None
        baseline = rng.uniform(5, 60) if enrolled else None
        facts.append(CaseFacts(
            case_id=case_id, student_id=rng.randrange(int(count / 1.2)), school=rng.choice(SCHOOLS),
            grade=rng.choice([None, *range(1, 10)]), gender=rng.choice(list(Gender)),
            level=rng.choice(list(Level)), assessment=rng.choice(list(Assessment)),
            raised_by=rng.choice(list(RaisedBy)), raised_on=raised, stage=reached, enrolled_on=enrolled,
            closed_on=closed, closing_reason=rng.choice(list(ClosingReason)) if closed else None,
            gymnasiebehorighet=rng.choice([None, *Behorighet]) if closed else None,
            stage_entries=tuple(entries), workers=tuple(rng.sample(range(1, 13), rng.choice([1, 1, 2]))),
            referrals=tuple((rng.choice(list(ReferralKind)), raised + dt.timedelta(days=30))
                            for _ in range(rng.choice([0, 0, 1]))),
            boosters=((closed + dt.timedelta(days=90), rng.choice([None, True, False]),
                       closed + dt.timedelta(days=95)),) if closed else (),
            goals=tuple((rng.choice(list(GoalArea)), rng.choice([None, *Rating])) for _ in range(rng.randrange(4))),
            insatser=tuple(rng.sample(INSATSER, rng.randrange(4))),
            absence_baseline=baseline,
            absence_latest=max(0.0, baseline + rng.gauss(-5, 12)) if baseline is not None else None,
            absence_at_close=max(0.0, baseline + rng.gauss(-7, 12)) if closed and baseline is not None else None,
        ))
    return facts


def measure(label: str, work: Callable[[], object], rounds: int) -> float:
    work()  # warm-up
    times, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(times) * 1000
    print(f"{label:<40} median {median:8.2f} ms   min {min(times) * 1000:8.2f} ms"
          f"   cpu min {min(cpu) * 1000:8.2f} ms")
    return median


def empty_loop() -> None:
    for _ in range(1_000_000):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    facts = make_facts(args.cases)
    year = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    print(f"{len(facts)} cases, {len({f.student_id for f in facts})} students; läsår 2025/26")
    measure("anchor: an empty loop of 10^6 turns", empty_loop, args.rounds)
    measure("anchor: one pass reading three fields", lambda: sum(
        1 for f in facts if f.enrolled_on is not None and f.closed_on is None and f.gender), args.rounds)
    for breakdown in (None, Dimension.SCHOOL, Dimension.WORKER):
        request = StatsRequest(*year, today=TODAY, breakdown=breakdown)
        measure(f"compute, breakdown {breakdown.value if breakdown else 'none'}",
                lambda request=request: compute(facts, request), args.rounds)


if __name__ == "__main__":
    main()
