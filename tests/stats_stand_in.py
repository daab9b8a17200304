"""A minimal ``workflow.statistics.compute`` for the tests of the statistics' data path, used ONLY while the real
one (stats-core's, issue 15) is not in this checkout: ``ensure_compute()`` installs it as the module
``sst_desk.workflow.statistics`` in this process and does nothing once the real module can be imported.

It follows the contract of ``workflow.stats_model`` and nothing more: ``case_count`` is the number of facts
given, one table ``raised`` (cases raised in the period, students by breakdown row × gender) with primary
suppression only. The tests of the data path check the facts, the scope, the threshold handed over, the
names, the log and the wire — not the figures, which are stats-core's (and tested there).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable

from sst_desk.workflow.codes import Gender
from sst_desk.workflow.stats_model import Cell, CaseFacts, CountTable, Dimension, Statistics, StatsRequest

MODULE = "sst_desk.workflow.statistics"


def _row(fact: CaseFacts, by: Dimension | None) -> tuple[str, ...]:
    if by is None:
        return ("",)
    if by is Dimension.WORKER:
        return tuple(str(w) for w in fact.workers) or ("",)
    value = {Dimension.SCHOOL: fact.school, Dimension.GRADE: "" if fact.grade is None else str(fact.grade),
             Dimension.GENDER: fact.gender.value, Dimension.LEVEL: str(fact.level.value),
             Dimension.ASSESSMENT: fact.assessment.value}[by]
    return (value,)


def compute(facts: Iterable[CaseFacts], request: StatsRequest) -> Statistics:
    facts = list(facts)
    students: dict[tuple[str, str], set[int]] = {}
    for fact in facts:
        if request.start <= fact.raised_on <= request.end:
            for row in _row(fact, request.breakdown):
                students.setdefault((row, fact.gender.value), set()).add(fact.student_id)
    rows = tuple(sorted({row for row, _ in students}))
    columns = tuple(g.value for g in Gender)

    def cell(ids: set[int]) -> Cell:
        return Cell(len(ids)) if len(ids) >= request.min_cell or not ids else Cell(None, True)

    cells = tuple(tuple(cell(students.get((r, c), set())) for c in columns) for r in rows)
    row_totals = tuple(cell(set().union(*(students.get((r, c), set()) for c in columns))) for r in rows)
    column_totals = tuple(cell(set().union(*(students.get((r, c), set()) for r in rows))) for c in columns)
    total = cell(set().union(*students.values()) if students else set())
    table = CountTable("raised", request.breakdown.value if request.breakdown else "", "gender", rows, columns,
                       cells, row_totals, column_totals, total)
    return Statistics(request, len(facts), counts=(table,))


def ensure_compute() -> bool:
    """Make ``sst_desk.workflow.statistics.compute`` importable; True when the real one is there."""
    try:
        __import__(MODULE)
        return sys.modules[MODULE].__dict__.get("STAND_IN") is not True
    except ImportError:
        module = types.ModuleType(MODULE)
        module.compute = compute
        module.STAND_IN = True
        sys.modules[MODULE] = module
        return False
