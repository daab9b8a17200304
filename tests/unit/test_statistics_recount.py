"""Recount every table from docs/statistics.md's words, the slow and obvious way, and compare.

Issue 15 is checked by someone who recomputes the numbers from the case list without reading the code;
this test is that person: a student's cases are filtered by each definition, then students are counted.
Random teams (several cases a student, several workers a case), every breakdown, the threshold 0 (the raw
counts; suppression has its own tests).
"""

from __future__ import annotations

import datetime as dt
import statistics

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sst_desk.workflow.codes import (
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
from sst_desk.workflow.statistics import compute
from sst_desk.workflow.stats_model import CaseFacts, Dimension, StatsRequest

D = dt.date
START, END, TODAY = D(2025, 7, 1), D(2026, 6, 30), D(2026, 8, 1)


def day(draw: st.DrawFn) -> dt.date:
    return D(2024, 9, 1) + dt.timedelta(days=draw(st.integers(0, 700)))


@st.composite
def teams(draw: st.DrawFn) -> list[CaseFacts]:
    facts: list[CaseFacts] = []
    for student in range(draw(st.integers(0, 12))):
        gender = draw(st.sampled_from(list(Gender)))
        for _ in range(draw(st.integers(1, 3))):
            raised = day(draw)
            enrolled = draw(st.sampled_from([None, raised + dt.timedelta(days=draw(st.integers(0, 40)))]))
            closed = (draw(st.sampled_from([None, enrolled + dt.timedelta(days=draw(st.integers(0, 300)))]))
                      if enrolled else None)
            stages = [Stage.AKTUALISERING, Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.GENOMFORANDE]
            entries, at = [], raised
            for stage in stages[:draw(st.integers(1, 4))]:
                entries.append((stage, at))
                at += dt.timedelta(days=draw(st.integers(0, 90)))
            facts.append(CaseFacts(
                case_id=len(facts), student_id=student, gender=gender,
                school=draw(st.sampled_from(["Almskolan", "Björkskolan", ""])),
                grade=draw(st.sampled_from([None, 7, 9])), level=draw(st.sampled_from(list(Level))),
                assessment=draw(st.sampled_from(list(Assessment))),
                raised_by=draw(st.sampled_from(list(RaisedBy))), raised_on=raised,
                stage=draw(st.sampled_from(list(Stage))), enrolled_on=enrolled, closed_on=closed,
                closing_reason=draw(st.sampled_from([None, *ClosingReason])) if closed else None,
                gymnasiebehorighet=draw(st.sampled_from([None, *Behorighet])) if closed else None,
                stage_entries=tuple(entries),
                workers=tuple(sorted(draw(st.sets(st.integers(1, 3), max_size=2)))),
                referrals=tuple((draw(st.sampled_from(list(ReferralKind))), day(draw))
                                for _ in range(draw(st.integers(0, 2)))),
                boosters=tuple((day(draw), draw(st.sampled_from([None, True, False])), day(draw))
                               for _ in range(draw(st.integers(0, 1)))),
                goals=tuple((draw(st.sampled_from(list(GoalArea))), draw(st.sampled_from([None, *Rating])))
                            for _ in range(draw(st.integers(0, 2)))),
                insatser=tuple(draw(st.sets(st.sampled_from(["mentor", "samtal"]), max_size=2))),
                absence_baseline=float(draw(st.integers(0, 60))) if enrolled else None,
                absence_latest=float(draw(st.integers(0, 60))) if enrolled else None,
                absence_at_close=float(draw(st.integers(0, 60))) if closed else None))
    return facts


def within(day: dt.date | None) -> bool:
    return day is not None and START <= day <= END


def active(f: CaseFacts) -> bool:
    return f.enrolled_on is not None and f.enrolled_on <= END and (f.closed_on is None or f.closed_on >= START)


MAIN = {
    "active": active,
    "raised": lambda f: within(f.raised_on),
    "enrolled": lambda f: within(f.enrolled_on),
    "closed": lambda f: within(f.closed_on),
    "booster_proposed": lambda f: any(within(planned) for planned, _h, _d in f.boosters),
    "booster_held": lambda f: any(held is True and within(on) for _p, held, on in f.boosters),
}


def rows_of(f: CaseFacts, breakdown: Dimension | None) -> list[str]:
    if breakdown is None:
        return [""]
    if breakdown is Dimension.WORKER:
        return [str(w) for w in f.workers] or [""]
    return [{Dimension.SCHOOL: f.school, Dimension.GRADE: "" if f.grade is None else str(f.grade),
             Dimension.GENDER: f.gender.value, Dimension.LEVEL: str(f.level.value),
             Dimension.ASSESSMENT: f.assessment.value}[breakdown]]


def recount(members: list[tuple[str, str, int]], rows: tuple[str, ...], columns: tuple[str, ...]) -> tuple:
    """From (row, column, student) memberships: cells, row totals, column totals, total (distinct)."""
    cells = [[len({s for r, c, s in members if (r, c) == (row, column)}) for column in columns]
             for row in rows]
    return (cells, [len({s for r, _c, s in members if r == row}) for row in rows],
            [len({s for _r, c, s in members if c == column}) for column in columns],
            len({s for _r, _c, s in members}))


def category_members(facts: list[CaseFacts], key: str) -> list[tuple[str, str, int]]:
    out = []
    for f in facts:
        g, s = f.gender.value, f.student_id
        if key == "raised_by" and within(f.raised_on):
            out.append((f.raised_by.value, g, s))
        if key == "closing_reason" and within(f.closed_on):
            out.append((f.closing_reason.value if f.closing_reason else "", g, s))
        if key == "referral":
            out += [(kind.value, g, s) for kind, made in f.referrals if within(made)]
        if key == "stage_now" and f.stage is not Stage.AVSLUTAD and not (
                f.stage is Stage.VIDMAKTHALLANDE and f.boosters and all(h is not None for _p, h, _d in f.boosters)):
            out.append((f.stage.value, g, s))
        if key == "goal_rating" and active(f):
            for area, rating in f.goals:
                group = area.value if area in (GoalArea.SKOLNARVARO, GoalArea.SKOLRESULTAT) else "other"
                out.append((group, rating.value if rating else "", s))
        if key == "behorighet" and within(f.closed_on) and f.grade == 9:
            out.append((f.gymnasiebehorighet.value if f.gymnasiebehorighet else "", g, s))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams(), st.sampled_from([None, *Dimension]))
def test_every_table_recounts_from_the_definitions(facts: list[CaseFacts], breakdown: Dimension | None) -> None:
    result = compute(facts, StatsRequest(START, END, today=TODAY, breakdown=breakdown, min_cell=0))
    for table in result.counts:
        if table.key in MAIN:
            members = [(row, "all" if breakdown is Dimension.GENDER else f.gender.value, f.student_id)
                       for f in facts if MAIN[table.key](f) for row in rows_of(f, breakdown)]
        else:
            members = category_members(facts, table.key)
        assert {r for r, _c, _s in members} <= set(table.rows), table.key
        expected = recount(members, table.rows, table.columns)
        published = ([[cell.count for cell in row] for row in table.cells],
                     [cell.count for cell in table.row_totals], [cell.count for cell in table.column_totals],
                     table.total.count)
        assert published == expected, table.key


def latest_per_student(cases: list[tuple[CaseFacts, float]]) -> dict[int, tuple[CaseFacts, float]]:
    best: dict[int, tuple[CaseFacts, float]] = {}
    for f, value in sorted(cases, key=lambda pair: (pair[0].raised_on, pair[0].case_id)):
        best[f.student_id] = (f, value)  # the last one raised wins
    return best


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams())
def test_the_outcomes_recount_from_the_definitions(facts: list[CaseFacts]) -> None:
    result = compute(facts, StatsRequest(START, END, today=TODAY, breakdown=None, min_cell=0))
    latest = latest_per_student([(f, f.absence_latest - f.absence_baseline) for f in facts
                                 if active(f) and f.absence_baseline is not None and f.absence_latest is not None])
    at_close = latest_per_student([(f, f.absence_at_close - f.absence_baseline) for f in facts
                                   if active(f) and within(f.closed_on) and f.absence_baseline is not None
                                   and f.absence_at_close is not None])
    for key, chosen in (("change_latest", latest), ("change_at_close", at_close)):
        values = sorted(v for _f, v in chosen.values())
        everyone = result.absence[key][0]
        assert everyone.n == len(values)
        if values:
            assert everyone.median == statistics.median(values)
            assert everyone.mean == statistics.fmean(values)
            edges = [-100, -20, -10, -5, 0, 5, 10, 100]
            bins = [sum(1 for v in values if lo <= v < hi or (hi == 100 and v == 100))
                    for lo, hi in zip(edges, edges[1:], strict=False)]
            assert [count for _lo, _hi, count in everyone.bins] == bins
    days = {d.group: d for d in result.stage_days}
    for stage in (Stage.AKTUALISERING, Stage.INSKRIVNING, Stage.KARTLAGGNING):
        per_case = []
        for f in facts:
            spells = [(b - a).days for (s, a), (_n, b) in zip(f.stage_entries, f.stage_entries[1:], strict=False)
                      if s is stage and within(b)]
            if spells:
                per_case.append((f, float(sum(spells))))
        values = [v for _f, v in latest_per_student(per_case).values()]
        assert days[stage.value].n == len(values)
        if values:
            assert days[stage.value].median == statistics.median(values)
    insatser = {d.group: d for d in result.insatser}
    for key in sorted({k for f in facts for k in f.insatser}):
        had = {f.student_id for f in facts if active(f) and key in f.insatser}
        assert insatser[key].n == len(had)
