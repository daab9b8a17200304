"""The stepper's picture of a case (workflow.steps): done, current, visited, or locked — and why locked."""

from __future__ import annotations

from builders import FIRST_FOLLOW_UP_ON, TODAY, WORKER, at, make_case, make_case_at, record_follow_up

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.problems import Problem
from sst_desk.workflow.process import Move, apply
from sst_desk.workflow.steps import StepState, stage_steps, visited_stages


def _by_stage(case):
    return {step.stage: step for step in stage_steps(case, TODAY)}


def test_a_new_case_is_current_in_aktualisering_and_the_next_stage_waits_for_the_criteria():
    steps = _by_stage(make_case())
    assert [s.stage for s in stage_steps(make_case(), TODAY)] == list(Stage)
    assert steps[Stage.AKTUALISERING].state is StepState.CURRENT
    enrol = steps[Stage.INSKRIVNING]
    assert (enrol.state, enrol.move) == (StepState.LOCKED, Move.ENROL)
    assert [f.problem for f in enrol.findings] == [Problem.CRITERIA_NOT_MET]
    later = steps[Stage.PLANERING]
    assert (later.state, later.opens_after, later.move) == (StepState.LOCKED, Stage.KARTLAGGNING, None)


def test_a_step_that_is_possible_leaves_its_stage_locked_with_no_findings():
    case = make_case()
    case.criteria_met = True
    step = _by_stage(case)[Stage.INSKRIVNING]
    assert (step.state, step.move, step.findings) == (StepState.LOCKED, Move.ENROL, ())


def test_stages_behind_are_done_and_after_a_loop_back_the_later_ones_are_visited():
    case = make_case_at(Stage.UPPFOLJNING)
    steps = _by_stage(case)
    assert [steps[s].state for s in list(Stage)[:5]] == [StepState.DONE] * 5
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    apply(case, Move.REVISE_PLAN, by=WORKER, at=at(FIRST_FOLLOW_UP_ON, 15))
    steps = _by_stage(case)
    assert steps[Stage.PLANERING].state is StepState.CURRENT
    assert steps[Stage.GENOMFORANDE].state is StepState.OPEN and steps[Stage.UPPFOLJNING].state is StepState.OPEN


def test_an_early_exit_leaves_the_skipped_stages_locked_as_left_behind():
    case = make_case()
    apply(case, Move.NOT_ELIGIBLE, by=WORKER, at=at())
    steps = _by_stage(case)
    assert steps[Stage.AVSLUTAD].state is StepState.CURRENT
    assert all(steps[s].left_process for s in (Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.UPPFOLJNING))
    booster = steps[Stage.VIDMAKTHALLANDE]
    assert booster.move is Move.BOOK_BOOSTER
    assert [f.problem for f in booster.findings] == [Problem.BOOSTER_NOT_PLANNED]
    assert visited_stages(case) == {Stage.AKTUALISERING, Stage.AVSLUTAD}


def test_the_closing_reason_does_not_lock_avslut():
    """The step's own dialog asks for the reason; the stepper only names what is missing before it."""
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    assert case.closing_reason is None
    assert _by_stage(case)[Stage.AVSLUTAD].findings == ()
