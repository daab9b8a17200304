"""Issue 15's meeting fields and gymnasiebehörighet: what validation and the avslut step say about them."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import FIRST_FOLLOW_UP_ON, TODAY, WORKER, at, make_case_at, make_student, record_follow_up

from sst_desk.workflow.codes import Behorighet, ClosingReason, Stage
from sst_desk.workflow.editing import step_answer_problems, step_blockers
from sst_desk.workflow.entities import Boostertraff, Handlingsplan
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.process import Move, apply, asks_gymnasiebehorighet, blockers
from sst_desk.workflow.validation import TEXT_MAX_LENGTH, validate_booster, validate_plan


def test_a_follow_up_time_without_its_date_is_a_finding():
    plan = Handlingsplan(created_on=dt.date(2026, 9, 1), follow_up_time=dt.time(14, 0))
    assert Finding(Problem.TIME_WITHOUT_DATE, field="follow_up_time") in validate_plan(plan)
    plan.follow_up_on = dt.date(2026, 10, 1)
    assert validate_plan(plan) == []


def test_a_booster_time_without_its_date_is_a_finding():
    booster = Boostertraff(planned_on=None, start_time=dt.time(9, 30))  # type: ignore[arg-type]
    assert Finding(Problem.TIME_WITHOUT_DATE, field="start_time") in validate_booster(booster, None, TODAY)


@pytest.mark.parametrize("length, found", [(TEXT_MAX_LENGTH, False), (TEXT_MAX_LENGTH + 1, True)])
def test_a_place_longer_than_a_line_is_a_finding(length, found):
    booster = Boostertraff(planned_on=TODAY, place="x" * length)
    plan = Handlingsplan(follow_up_on=TODAY, follow_up_place="x" * length)
    too_long = Finding(Problem.TEXT_TOO_LONG, str(TEXT_MAX_LENGTH), "place")
    assert (too_long in validate_booster(booster, None, TODAY)) is found
    assert (Finding(Problem.TEXT_TOO_LONG, str(TEXT_MAX_LENGTH), "follow_up_place") in validate_plan(plan)) is found


def test_a_place_with_a_hidden_direction_character_is_a_finding():
    booster = Boostertraff(planned_on=TODAY, place="Rum \u202e12")
    assert Finding(Problem.UNSAFE_CHARACTERS, field="place") in validate_booster(booster, None, TODAY)


def _ninth_grader_at_uppfoljning():
    student = make_student()
    student.grade = 9
    case = make_case_at(Stage.UPPFOLJNING, student)
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    return case


def test_closing_a_case_in_year_9_asks_for_gymnasiebehorighet():
    case = _ninth_grader_at_uppfoljning()
    assert asks_gymnasiebehorighet(case)
    missing = Finding(Problem.GYMNASIEBEHORIGHET_MISSING, field="gymnasiebehorighet")
    assert blockers(case, Move.CLOSE, TODAY, ClosingReason.MAL_UPPNADDA) == [missing]
    with pytest.raises(ProcessError) as refused:
        apply(case, Move.CLOSE, by=WORKER, at=at(TODAY), closing_reason=ClosingReason.MAL_UPPNADDA)
    assert refused.value.findings == [missing] and case.stage is Stage.UPPFOLJNING
    # The step's dialog asks it, so it does not hide the button; the dialog's answers must hold it.
    assert step_blockers(case, Move.CLOSE, TODAY) == []
    assert step_answer_problems(Move.CLOSE, ClosingReason.MAL_UPPNADDA, asks_behorighet=True) == [missing]
    assert step_answer_problems(Move.CLOSE, ClosingReason.MAL_UPPNADDA, asks_behorighet=True,
                                gymnasiebehorighet=Behorighet.OKANT) == []


@pytest.mark.parametrize("answer", list(Behorighet))
def test_every_answer_closes_the_case_and_is_recorded(answer):
    case = _ninth_grader_at_uppfoljning()
    apply(case, Move.CLOSE, by=WORKER, at=at(TODAY), closing_reason=ClosingReason.MAL_UPPNADDA,
          gymnasiebehorighet=answer)
    assert case.stage is Stage.AVSLUTAD and case.gymnasiebehorighet is answer


def test_a_refused_close_leaves_the_answer_unrecorded():
    student = make_student()
    student.grade = 9
    case = make_case_at(Stage.UPPFOLJNING, student)  # no follow-up yet: the close is refused
    with pytest.raises(ProcessError):
        apply(case, Move.CLOSE, by=WORKER, at=at(TODAY), closing_reason=ClosingReason.MAL_UPPNADDA,
              gymnasiebehorighet=Behorighet.BEHORIG)
    assert case.gymnasiebehorighet is None


@pytest.mark.parametrize("grade", [None, 0, 6, 8, 10])
def test_other_grades_are_not_asked(grade):
    student = make_student()
    student.grade = grade
    case = make_case_at(Stage.UPPFOLJNING, student)
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    assert not asks_gymnasiebehorighet(case)
    assert blockers(case, Move.CLOSE, TODAY, ClosingReason.MAL_UPPNADDA) == []
    assert step_answer_problems(Move.CLOSE, ClosingReason.MAL_UPPNADDA) == []


def test_an_early_exit_in_year_9_is_not_held_up():
    student = make_student()
    student.grade = 9
    case = make_case_at(Stage.AKTUALISERING, student)
    apply(case, Move.NOT_ELIGIBLE, by=WORKER, at=at(TODAY))
    assert case.stage is Stage.AVSLUTAD and case.gymnasiebehorighet is None


def test_demo_cases_closed_in_year_9_have_gymnasiebehorighet_and_most_meetings_a_time():
    from sst_desk.demo.generate import build_cases

    cases = build_cases(160, seed=4, today=dt.date(2026, 12, 7))
    closed_nines = [c for c in cases if c.closed_on is not None and c.student.grade == 9]
    assert closed_nines and all(c.gymnasiebehorighet is not None for c in closed_nines)
    assert all(c.gymnasiebehorighet is None for c in cases if c.student.grade != 9)
    boosters = [c.booster for c in cases if c.booster is not None]
    assert sum(b.start_time is not None and b.place != "" for b in boosters) > len(boosters) / 2
