"""``save_case`` enforces the process's rules on a whole case sent to it, as the case window does before it saves.

A remote client (or the command line) sends an edited copy; whatever the window would refuse — a removal the
record keeps, a field or plan it would mark, a stage reached without the process's steps — is refused here,
with the findings, and nothing is written or logged as an edit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sst_desk.services import Door
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.codes import ClosingReason, PlanStatus, Stage
from sst_desk.workflow.entities import Goal, Transition
from sst_desk.workflow.problems import ProcessError, Problem
from sst_desk.workflow.process import Move, apply
from sst_desk.workflow.rules_case import Member

from fake_uow import FakeStore

sys.path.insert(0, str(Path(__file__).parents[1]))  # the fictional cases of the workflow tests
from builders import TODAY, at, give_all_consents, make_case, make_case_at, record_follow_up  # noqa: E402

SARA = Actor(1, "sara", "Sara Socionom", Role.SKOLSOCIONOM)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    store.users[SARA.user_id] = Member(SARA.user_id, SARA.username, SARA.display_name, SARA.role, True)
    return store


@pytest.fixture
def cases(store: FakeStore):
    return Door(store.uow, SARA).cases


def stored(store: FakeStore, case_id: int):
    return store.state.cases[case_id]


def refused(store: FakeStore, cases, case) -> list[Problem]:
    """Save ``case``; assert it was refused with nothing written or logged, and return the problems found."""
    before, commits, log = stored(store, case.id), store.commits, list(store.log)
    with pytest.raises(ProcessError) as raised:
        cases.save_case(case, today=TODAY)
    assert stored(store, case.id) is before and store.commits == commits and store.log == log
    return [f.problem for f in raised.value.findings]


def rated_case(store: FakeStore, cases):
    """A case in uppföljning whose follow-up rated both goals, stored; returns a fresh copy of it."""
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, TODAY)
    return cases.load_case(cases.add_case(case).id)


def test_an_edit_the_window_would_save_is_saved(store, cases):
    case = rated_case(store, cases)
    case.reason = "Hög frånvaro och oro på rasterna"
    case.current_plan.goals.append(Goal(description="Äter lunch i skolan"))  # not yet rated: may be added …
    saved = cases.save_case(case, today=TODAY)
    assert saved.reason == "Hög frånvaro och oro på rasterna" and store.actions()[-1] == ("edit", "uppfoljning")
    saved.current_plan.goals.pop()  # … and removed again
    assert len(cases.save_case(saved, today=TODAY).current_plan.goals) == 2


def test_a_rated_goal_sent_without_its_rating_being_removed_is_refused(store, cases):
    case = rated_case(store, cases)
    case.current_plan.goals.pop(0)
    assert refused(store, cases, case) == [Problem.GOAL_RATED]


def test_a_guardian_who_signed_a_consent_cannot_be_left_out(store, cases):
    case = cases.load_case(cases.add_case(make_case_at(Stage.KARTLAGGNING)).id)
    case.student.guardians.pop()
    assert refused(store, cases, case) == [Problem.GUARDIAN_SIGNED]


def test_fields_the_window_would_mark_are_refused(store, cases):
    case = cases.load_case(cases.add_case(make_case()).id)
    case.student.first_name = " "
    case.absence_percent = 140.0
    assert refused(store, cases, case) == [Problem.REQUIRED, Problem.PERCENT_RANGE]


def test_a_running_plan_must_keep_what_started_it_but_a_draft_plan_may_be_empty(store, cases):
    running = cases.load_case(cases.add_case(make_case_at(Stage.GENOMFORANDE)).id)
    running.current_plan.follow_up_on = None
    assert refused(store, cases, running) == [Problem.PLAN_NO_FOLLOW_UP_DATE]

    draft = cases.load_case(cases.add_case(make_case_at(Stage.PLANERING)).id)
    assert not draft.current_plan.goals  # the window saves a plan being written without goals: so does the door
    draft.current_plan.guardians_view = "Vill vänta med insatser"
    assert cases.save_case(draft, today=TODAY).current_plan.guardians_view == "Vill vänta med insatser"


def test_a_warning_never_refuses_a_save(store, cases):
    case = cases.load_case(cases.add_case(make_case_at(Stage.PLANERING)).id)
    case.current_plan.goals.append(Goal(description="Trivs på rasterna"))  # no goal on skolnärvaro: a warning
    assert cases.save_case(case, today=TODAY).current_plan.goals[0].description == "Trivs på rasterna"


def test_a_stage_cannot_change_without_its_step(store, cases):
    case = cases.load_case(cases.add_case(make_case()).id)
    case.stage = Stage.GENOMFORANDE
    assert refused(store, cases, case) == [Problem.STAGE_NOT_REACHED]


def test_a_step_must_be_one_of_the_paths_from_where_the_case_stands(store, cases):
    case = cases.load_case(cases.add_case(make_case()).id)
    case.criteria_met = True
    case.transitions.append(Transition(Stage.AKTUALISERING, Stage.GENOMFORANDE, at(), "sara"))
    case.stage = Stage.GENOMFORANDE
    assert refused(store, cases, case) == [Problem.STAGE_NOT_REACHED]

    again = cases.load_case(case.id)
    again.transitions.append(Transition(Stage.INSKRIVNING, Stage.KARTLAGGNING, at(), "sara"))  # not from here
    again.stage = Stage.KARTLAGGNING
    assert refused(store, cases, again) == [Problem.STAGE_NOT_REACHED]


def test_a_step_recorded_without_its_stage_is_refused(store, cases):
    case = cases.load_case(cases.add_case(make_case()).id)
    case.criteria_met = True
    case.transitions.append(Transition(Stage.AKTUALISERING, Stage.INSKRIVNING, at(), "sara"))
    assert refused(store, cases, case) == [Problem.STAGE_NOT_REACHED]  # still in aktualisering


def test_a_step_whose_guard_says_no_is_refused(store, cases):
    case = cases.load_case(cases.add_case(make_case_at(Stage.INSKRIVNING)).id)
    case.transitions.append(Transition(Stage.INSKRIVNING, Stage.KARTLAGGNING, at(), "sara"))  # no consent yet
    case.stage = Stage.KARTLAGGNING
    assert refused(store, cases, case) == [Problem.CONSENT_MISSING_STUDENT, Problem.CONSENT_MISSING_GUARDIAN,
                                           Problem.CONSENT_MISSING_GUARDIAN]


def test_steps_taken_on_the_copy_are_saved_as_the_window_takes_them(store, cases):
    case = cases.load_case(cases.add_case(make_case()).id)
    case.criteria_met = True
    apply(case, Move.ENROL, by="Sara", at=at())
    give_all_consents(case)
    apply(case, Move.START_KARTLAGGNING, by="Sara", at=at())  # two steps in one save, each allowed in turn
    assert cases.save_case(case, today=TODAY).stage is Stage.KARTLAGGNING


def test_revising_the_plan_on_the_copy_checks_the_follow_up_of_the_plan_it_replaces(store, cases):
    case = rated_case(store, cases)
    apply(case, Move.REVISE_PLAN, by="Sara", at=at(), comment="Ny version")
    saved = cases.save_case(case, today=TODAY)
    assert saved.stage is Stage.PLANERING and [p.status for p in saved.plans] == [
        PlanStatus.SUPERSEDED, PlanStatus.CURRENT]

    unrated = cases.load_case(cases.add_case(make_case_at(Stage.UPPFOLJNING)).id)  # no follow-up held
    unrated.transitions.append(Transition(Stage.UPPFOLJNING, Stage.PLANERING, at(), "sara"))
    unrated.stage = Stage.PLANERING
    assert refused(store, cases, unrated) == [Problem.FOLLOW_UP_MISSING]


def test_closing_on_the_copy_needs_every_goal_rated(store, cases):
    case = cases.load_case(cases.add_case(make_case_at(Stage.UPPFOLJNING)).id)
    record_follow_up(case, TODAY, rate=case.current_plan.goals[:1])
    case.closing_reason = ClosingReason.MAL_UPPNADDA
    case.closed_on = TODAY
    case.transitions.append(Transition(Stage.UPPFOLJNING, Stage.AVSLUTAD, at(), "sara"))
    case.stage = Stage.AVSLUTAD
    assert refused(store, cases, case) == [Problem.GOAL_NOT_RATED]
    record_follow_up(case, TODAY)
    assert cases.save_case(case, today=TODAY).stage is Stage.AVSLUTAD


def test_moving_through_the_door_still_takes_the_step(store, cases):
    case = cases.add_case(make_case_at(Stage.INSKRIVNING))
    give_all_consents(case)
    cases.save_case(case, today=TODAY)
    assert cases.move_case(case.id, Move.START_KARTLAGGNING, at=at()).stage is Stage.KARTLAGGNING


def test_the_recorded_history_is_neither_removed_nor_rewritten(store, cases):
    case = cases.load_case(cases.add_case(make_case_at(Stage.KARTLAGGNING)).id)
    case.transitions.pop()
    assert refused(store, cases, case) == [Problem.HISTORY_CHANGED]

    again = cases.load_case(case.id)
    again.transitions[0].by = "någon annan"
    assert refused(store, cases, again) == [Problem.HISTORY_CHANGED]


def test_a_record_of_another_case_is_refused_and_nothing_is_written(store, cases):
    """A client sends one of its cases holding another case's goal or student (by their ids): the save would
    move that goal, or overwrite that student, into this case. Refused; both cases stay as they were."""
    mine = cases.load_case(cases.add_case(make_case_at(Stage.GENOMFORANDE)).id)
    other = cases.load_case(cases.add_case(make_case_at(Stage.GENOMFORANDE)).id)
    stolen = other.current_plan.goals[0]
    assert stolen.id not in {g.id for g in mine.current_plan.goals}
    mine.current_plan.goals.append(Goal(description="Ändrat mål", id=stolen.id))
    assert refused(store, cases, mine) == [Problem.FOREIGN_RECORD]

    again = cases.load_case(mine.id)
    again.student.id = other.student.id
    again.student.first_name = "Inte Denna Elev"
    assert refused(store, cases, again) == [Problem.FOREIGN_RECORD]
    assert cases.load_case(other.id).student.first_name == other.student.first_name
