"""The statistics' types over the wire (``remote.wire``): a ``Statistics`` made by the real ``compute`` from
fictional facts comes back equal after a JSON round trip — its ``StatsRequest`` and ``Dimension``, every
``CountTable`` with its ``Cell``s, the ``absence`` dict of ``Distribution`` tuples, the names — and the request
error comes back as itself, with its reason."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from sst_desk.remote import wire
from sst_desk.services.statistics import RequestProblem, StatisticsRequestError
from sst_desk.workflow.codes import Assessment, ClosingReason, Gender, GoalArea, Level, RaisedBy, Rating, Stage
from sst_desk.workflow.statistics import compute
from sst_desk.workflow.stats_model import CaseFacts, Cell, Dimension, Distribution, Statistics, StatsRequest


def facts(count: int = 120, seed: int = 3) -> list[CaseFacts]:
    rng = random.Random(seed)
    made = []
    for n in range(count):
        raised = dt.date(2025, 8, 1) + dt.timedelta(days=rng.randint(0, 200))
        enrolled = raised + dt.timedelta(days=rng.randint(5, 30)) if rng.random() < 0.8 else None
        closed = enrolled + dt.timedelta(days=rng.randint(40, 200)) if enrolled and rng.random() < 0.5 else None
        made.append(CaseFacts(
            case_id=n + 1, student_id=n + 1, school=rng.choice(["Ekbackeskolan", "Lindskolan"]),
            grade=rng.choice([7, 8, 9, None]), gender=rng.choice(list(Gender)), level=rng.choice(list(Level)),
            assessment=rng.choice(list(Assessment)), raised_by=rng.choice(list(RaisedBy)), raised_on=raised,
            stage=Stage.AVSLUTAD if closed else Stage.GENOMFORANDE, enrolled_on=enrolled, closed_on=closed,
            closing_reason=ClosingReason.MAL_UPPNADDA if closed else None,
            stage_entries=((Stage.AKTUALISERING, raised),) + (((Stage.INSKRIVNING, enrolled),) if enrolled else ()),
            workers=(10 + n % 3,), goals=((GoalArea.SKOLNARVARO, rng.choice([*Rating, None])),),
            insatser=("motiverande_samtal",) if n % 2 else (),
            absence_baseline=rng.uniform(10, 60) if enrolled else None,
            absence_latest=rng.uniform(0, 50) if enrolled else None,
            absence_at_close=rng.uniform(0, 50) if closed else None))
    return made


@pytest.mark.parametrize("breakdown", [None, *Dimension])
def test_statistics_round_trip(breakdown):
    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2026, 3, 1), breakdown, 5)
    stats = compute(facts(), request)
    stats = Statistics(**{**{f: getattr(stats, f) for f in stats.__dataclass_fields__},
                          "worker_names": {"10": "Sara Lind", "11": "Karin Berg"},
                          "insats_names": {"motiverande_samtal": "Motiverande och stödjande samtal"}})
    back = wire.decode(json.loads(json.dumps(wire.encode(stats))))
    assert back == stats
    assert isinstance(back.absence, dict) and all(isinstance(v, tuple) for v in back.absence.values())
    assert all(isinstance(d, Distribution) for v in back.absence.values() for d in v)
    assert any(cell.suppressed for table in back.counts for row in table.cells for cell in row)
    assert back.request.breakdown is breakdown


def test_a_cell_and_the_request_error_round_trip():
    assert wire.decode(json.loads(json.dumps(wire.encode(Cell(None, True))))) == Cell(None, True)
    error = StatisticsRequestError(RequestProblem.TOO_LONG, "2019-07-01–2025-06-30")
    back = wire.decode(json.loads(json.dumps(wire.encode(error))))
    assert type(back) is StatisticsRequestError
    assert (back.problem, back.value, str(back)) == (error.problem, error.value, str(error))
