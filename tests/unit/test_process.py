"""The SST process (seed 002, "Arbetsprocess"): every move, every guard, and what a step records."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from builders import (FIRST_FOLLOW_UP_ON, SCHEDULE, TODAY, WORKER, assert_refused, at, close_case,
                      continue_round, fill_plan,
                      give_all_consents, make_case, make_case_at, make_insats, problems, record_follow_up, snapshot)

from sst_desk.workflow.codes import (STAGE_ORDER, Authority, ClosingReason, GoalArea, PlanStatus, Rating,
                                     ReferralKind, Stage)
from sst_desk.workflow.entities import (Boostertraff, FollowUp, Goal, GoalRating, Referral,
                                        Transition)
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.process import (DEFAULT_BOOSTER_MONTHS, PATHS, Move, add_months, apply, blockers,
                                       forward_move, is_complete, moves_from, record_booster, warnings)

YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


def test_the_snapshot_sees_deep_changes():
    """assert_refused relies on snapshot: make sure it would notice a change deep in the case."""
    case = make_case_at(Stage.GENOMFORANDE)
    before = snapshot(case)
    case.current_plan.insatser[0].goal = case.current_plan.goals[1]
    assert snapshot(case) != before
    case.current_plan.insatser[0].goal = case.current_plan.goals[0]
    assert snapshot(case) == before
    case.current_plan.goals[0] = Goal(description=case.current_plan.goals[0].description)
    assert snapshot(case) != before


# --- the map of moves ----------------------------------------------------------


def test_moves_from_each_stage_main_way_first():
    assert moves_from(Stage.AKTUALISERING) == [Move.ENROL, Move.NOT_ELIGIBLE]
    assert moves_from(Stage.INSKRIVNING) == [Move.START_KARTLAGGNING, Move.DECLINED]
    assert moves_from(Stage.KARTLAGGNING) == [Move.START_PLANERING]
    assert moves_from(Stage.PLANERING) == [Move.START_GENOMFORANDE, Move.REFER_ON]
    assert moves_from(Stage.GENOMFORANDE) == [Move.START_UPPFOLJNING]
    assert moves_from(Stage.UPPFOLJNING) == [Move.CLOSE, Move.CONTINUE, Move.REVISE_PLAN]
    assert moves_from(Stage.AVSLUTAD) == [Move.BOOK_BOOSTER]
    assert moves_from(Stage.VIDMAKTHALLANDE) == []


def test_forward_move_from_each_stage():
    assert [forward_move(s) for s in STAGE_ORDER] == [
        Move.ENROL, Move.START_KARTLAGGNING, Move.START_PLANERING, Move.START_GENOMFORANDE,
        Move.START_UPPFOLJNING, Move.CLOSE, Move.BOOK_BOOSTER, None]


WRONG_STAGE_PAIRS = [(stage, move) for stage in Stage for move in Move if PATHS[move].source is not stage]


@pytest.mark.parametrize(("stage", "move"), WRONG_STAGE_PAIRS, ids=lambda v: v.value)
def test_a_move_from_another_stage_is_refused(stage, move):
    case = make_case_at(stage)
    assert problems(blockers(case, move, TODAY)) == [Problem.WRONG_STAGE]
    assert blockers(case, move, TODAY)[0].detail == stage.value
    assert_refused(case, move, [Problem.WRONG_STAGE], closing_reason=ClosingReason.ANNAT)


@pytest.mark.parametrize("move", [Move.NOT_ELIGIBLE, Move.DECLINED, Move.START_UPPFOLJNING])
def test_unguarded_moves_are_open_from_their_stage(move):
    case = make_case_at(PATHS[move].source)
    assert blockers(case, move, TODAY) == []


# --- apply records the step -------------------------------------------------------


def test_apply_records_who_when_from_to_and_why():
    case = make_case()
    case.criteria_met = True
    moment = dt.datetime(2026, 11, 22, 14, 30)
    transition = apply(case, Move.ENROL, by="kurator.test", at=moment, comment="Eleven och vårdnadshavare tackade ja")
    assert isinstance(transition, Transition)
    assert case.transitions == [transition]
    assert (transition.by, transition.at, transition.from_stage, transition.to_stage, transition.comment) == (
        "kurator.test", moment, Stage.AKTUALISERING, Stage.INSKRIVNING, "Eleven och vårdnadshavare tackade ja",
    )
    assert case.stage is Stage.INSKRIVNING
    assert case.enrolled_on == TODAY


def test_each_step_appends_one_transition():
    case = make_case_at(Stage.VIDMAKTHALLANDE)
    assert [(t.from_stage, t.to_stage) for t in case.transitions] == list(zip(STAGE_ORDER, STAGE_ORDER[1:]))
    assert [t.at.date() for t in case.transitions] == list(SCHEDULE.values())
    assert {t.by for t in case.transitions} == {WORKER}


# --- aktualisering -----------------------------------------------------------------


@pytest.mark.parametrize("criteria", [None, False])
def test_enrol_needs_criteria_met(criteria):
    case = make_case()
    case.criteria_met = criteria
    assert blockers(case, Move.ENROL, TODAY) == [Finding(Problem.CRITERIA_NOT_MET, field="criteria_met")]
    assert_refused(case, Move.ENROL, [Problem.CRITERIA_NOT_MET])
    case.criteria_met = True
    assert blockers(case, Move.ENROL, TODAY) == []


@pytest.mark.parametrize(
    ("stage", "move", "reason"),
    [
        (Stage.AKTUALISERING, Move.NOT_ELIGIBLE, ClosingReason.UPPFYLLER_EJ_KRITERIER),
        (Stage.INSKRIVNING, Move.DECLINED, ClosingReason.AVBOJT),
    ],
)
def test_early_exits_close_without_booster(stage, move, reason):
    case = make_case_at(stage)
    apply(case, move, by=WORKER, at=at())
    assert case.stage is Stage.AVSLUTAD
    assert (case.closing_reason, case.closed_on) == (reason, TODAY)
    assert case.boosters == []
    assert is_complete(case)
    assert blockers(case, Move.BOOK_BOOSTER, TODAY) == [Finding(Problem.BOOSTER_NOT_PLANNED, field="booster")]


def test_an_exit_keeps_a_reason_the_worker_gives():
    case = make_case_at(Stage.INSKRIVNING)
    apply(case, Move.DECLINED, by=WORKER, at=at(), closing_reason=ClosingReason.FLYTTAT)
    assert case.closing_reason is ClosingReason.FLYTTAT


# --- kartläggning ---------------------------------------------------------------------------


@pytest.mark.parametrize("summary", ["", "   \n"])
def test_planering_needs_a_kartlaggning_summary(summary):
    case = make_case_at(Stage.KARTLAGGNING)
    case.kartlaggning.summary = summary
    assert blockers(case, Move.START_PLANERING, TODAY) == [
        Finding(Problem.KARTLAGGNING_SUMMARY_MISSING, field="summary")
    ]
    assert_refused(case, Move.START_PLANERING, [Problem.KARTLAGGNING_SUMMARY_MISSING])
    case.kartlaggning.summary = "Oro inför rasterna."
    assert blockers(case, Move.START_PLANERING, TODAY) == []


def test_planering_without_any_kartlaggning_is_blocked():
    case = make_case_at(Stage.KARTLAGGNING)
    case.kartlaggning = None
    assert problems(blockers(case, Move.START_PLANERING, TODAY)) == [Problem.KARTLAGGNING_SUMMARY_MISSING]


def test_start_planering_completes_the_kartlaggning_and_opens_plan_version_1():
    case = make_case_at(Stage.KARTLAGGNING)
    case.kartlaggning.summary = "Oro inför rasterna."
    apply(case, Move.START_PLANERING, by=WORKER, at=at())
    assert case.kartlaggning.completed_on == TODAY
    assert len(case.plans) == 1
    plan = case.current_plan
    assert (plan.version, plan.status, plan.created_on, plan.goals, plan.insatser) == (
        1, PlanStatus.CURRENT, TODAY, [], [])


# --- planering: the handlingsplan --------------------------------------------------------------


def test_an_empty_plan_lacks_goal_insats_and_follow_up_date():
    case = make_case_at(Stage.PLANERING)
    assert blockers(case, Move.START_GENOMFORANDE, TODAY) == [
        Finding(Problem.PLAN_NO_GOAL, field="goals"),
        Finding(Problem.PLAN_NO_INSATS, field="insatser"),
        Finding(Problem.PLAN_NO_FOLLOW_UP_DATE, field="follow_up_on"),
    ]
    assert_refused(case, Move.START_GENOMFORANDE,
                   [Problem.PLAN_NO_GOAL, Problem.PLAN_NO_INSATS, Problem.PLAN_NO_FOLLOW_UP_DATE])


def test_plan_blockers_go_one_by_one():
    case = make_case_at(Stage.PLANERING)
    plan = case.current_plan
    goal = Goal(description="Närvaro över 80 %")
    plan.goals.append(goal)
    assert problems(blockers(case, Move.START_GENOMFORANDE, TODAY)) == [
        Problem.PLAN_NO_INSATS, Problem.PLAN_NO_FOLLOW_UP_DATE]
    plan.insatser.append(make_insats("Närvarouppföljning", goal))
    assert problems(blockers(case, Move.START_GENOMFORANDE, TODAY)) == [Problem.PLAN_NO_FOLLOW_UP_DATE]
    plan.follow_up_on = dt.date(2027, 1, 18)
    assert blockers(case, Move.START_GENOMFORANDE, TODAY) == []


def test_without_a_plan_genomforande_is_blocked():
    case = make_case_at(Stage.PLANERING)
    case.plans.clear()
    assert blockers(case, Move.START_GENOMFORANDE, TODAY) == [Finding(Problem.PLAN_MISSING)]


@pytest.mark.parametrize(
    ("authority", "person"),
    [(None, "Kurator Exempel"), (Authority.SKOLA, ""), (Authority.SKOLA, "   "), (None, "")],
)
def test_every_insats_needs_a_responsible_authority_and_person(authority, person):
    case = make_case_at(Stage.PLANERING)
    plan = fill_plan(case.current_plan)
    plan.insatser.append(make_insats("Föräldrastöd", plan.goals[0], authority=authority, person=person))
    assert blockers(case, Move.START_GENOMFORANDE, TODAY) == [
        Finding(Problem.INSATS_NO_RESPONSIBLE, "Föräldrastöd", "insatser")
    ]
    assert_refused(case, Move.START_GENOMFORANDE, [Problem.INSATS_NO_RESPONSIBLE])
    plan.insatser[-1].responsible_authority = Authority.VARDNADSHAVARE
    plan.insatser[-1].responsible_person = "Vårdnadshavare Ett"
    assert blockers(case, Move.START_GENOMFORANDE, TODAY) == []


def test_each_insats_without_responsible_is_named():
    case = make_case_at(Stage.PLANERING)
    plan = fill_plan(case.current_plan)
    for insats in plan.insatser:
        insats.responsible_person = ""
    assert [f.detail for f in blockers(case, Move.START_GENOMFORANDE, TODAY)] == [
        "Närvarouppföljning", "Motiverande samtal"]


@pytest.mark.parametrize(
    ("areas", "warned"),
    [
        ([GoalArea.TRIVSEL], True),
        ([GoalArea.TRIVSEL, GoalArea.FAMILJ, GoalArea.HALSA], True),
        ([GoalArea.TRIVSEL, GoalArea.SKOLRESULTAT], False),
        ([GoalArea.SKOLNARVARO], False),
        ([], False),
    ],
)
def test_a_plan_without_a_school_goal_is_warned(areas, warned):
    case = make_case_at(Stage.PLANERING)
    case.current_plan.goals += [Goal(description=f"Mål {a.value}", area=a) for a in areas]
    expected = [Finding(Problem.NO_SCHOOL_GOAL, field="goals")] if warned else []
    assert warnings(case, Move.START_GENOMFORANDE, TODAY) == expected


def test_the_school_goal_warning_does_not_block():
    case = make_case_at(Stage.PLANERING)
    plan = fill_plan(case.current_plan)
    for goal in plan.goals:
        goal.area = GoalArea.FRITID
    assert problems(warnings(case, Move.START_GENOMFORANDE, TODAY)) == [Problem.NO_SCHOOL_GOAL]
    apply(case, Move.START_GENOMFORANDE, by=WORKER, at=at())
    assert case.stage is Stage.GENOMFORANDE


def test_refer_on_needs_a_referral_and_closes_without_booster():
    case = make_case_at(Stage.PLANERING)
    assert blockers(case, Move.REFER_ON, TODAY) == [Finding(Problem.REFERRAL_MISSING, field="referrals")]
    assert_refused(case, Move.REFER_ON, [Problem.REFERRAL_MISSING])
    case.referrals.append(Referral(kind=ReferralKind.SIP, made_on=TODAY, to_whom="BUP Exempelstad"))
    apply(case, Move.REFER_ON, by=WORKER, at=at())
    assert (case.stage, case.closing_reason, case.closed_on, case.boosters) == (
        Stage.AVSLUTAD, ClosingReason.HANVISAD, TODAY, [])
    assert is_complete(case)


# --- uppföljning: close -------------------------------------------------------------------------


def test_close_needs_a_follow_up_and_a_reason():
    case = make_case_at(Stage.UPPFOLJNING)
    assert blockers(case, Move.CLOSE, TODAY) == [
        Finding(Problem.FOLLOW_UP_MISSING, field="follow_ups"),
        Finding(Problem.CLOSING_REASON_MISSING, field="closing_reason"),
    ]
    assert_refused(case, Move.CLOSE, [Problem.FOLLOW_UP_MISSING, Problem.CLOSING_REASON_MISSING])
    record_follow_up(case, TODAY)
    assert problems(blockers(case, Move.CLOSE, TODAY)) == [Problem.CLOSING_REASON_MISSING]
    assert blockers(case, Move.CLOSE, TODAY, ClosingReason.MAL_UPPNADDA) == []
    case.closing_reason = ClosingReason.FLYTTAT
    assert blockers(case, Move.CLOSE, TODAY) == []


def test_close_needs_every_goal_of_the_current_plan_rated():
    case = make_case_at(Stage.UPPFOLJNING)
    attendance, wellbeing = case.current_plan.goals
    record_follow_up(case, TODAY, rate=[attendance])
    assert blockers(case, Move.CLOSE, TODAY, ClosingReason.MAL_UPPNADDA) == [
        Finding(Problem.GOAL_NOT_RATED, wellbeing.description, "follow_ups")
    ]
    assert_refused(case, Move.CLOSE, [Problem.GOAL_NOT_RATED], closing_reason=ClosingReason.MAL_UPPNADDA)


def test_the_latest_follow_up_of_the_round_is_the_one_that_counts():
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, dt.date(2026, 11, 17))
    record_follow_up(case, dt.date(2026, 11, 20), rate=[])
    assert problems(blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT)) == [
        Problem.GOAL_NOT_RATED, Problem.GOAL_NOT_RATED]


def test_a_follow_up_before_genomforande_does_not_count():
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, SCHEDULE[Move.START_GENOMFORANDE] - dt.timedelta(days=1))
    assert problems(blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT)) == [Problem.FOLLOW_UP_MISSING]
    record_follow_up(case, SCHEDULE[Move.START_GENOMFORANDE])
    assert blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT) == []


def test_ratings_of_a_goal_with_the_same_text_do_not_count():
    case = make_case_at(Stage.UPPFOLJNING)
    lookalikes = [Goal(description=g.description, area=g.area) for g in case.current_plan.goals]
    record_follow_up(case, TODAY, rate=lookalikes)
    assert problems(blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT)) == [
        Problem.GOAL_NOT_RATED, Problem.GOAL_NOT_RATED]


def test_close_records_reason_and_date_and_proposes_a_booster_three_months_on():
    case = make_case_at(Stage.UPPFOLJNING)
    close_case(case, TODAY)
    assert DEFAULT_BOOSTER_MONTHS == 3
    assert (case.stage, case.closed_on, case.closing_reason) == (Stage.AVSLUTAD, TODAY, ClosingReason.MAL_UPPNADDA)
    assert len(case.boosters) == 1
    booster = case.booster
    assert (booster.planned_on, booster.held, booster.held_on) == (dt.date(2027, 2, 22), None, None)
    assert not is_complete(case)


@pytest.mark.parametrize(
    ("closed_on", "months", "planned_on"),
    [
        (dt.date(2026, 11, 30), 3, dt.date(2027, 3, 1)),  # Sunday 2027-02-28 → the Monday after
        (dt.date(2027, 11, 30), 3, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2026, 11, 22), 2, dt.date(2027, 1, 22)),
        (dt.date(2026, 12, 31), 6, dt.date(2027, 6, 30)),
        (dt.date(2026, 12, 15), 12, dt.date(2027, 12, 15)),
    ],
)
def test_booster_month_arithmetic(closed_on, months, planned_on):
    """The month is clamped, then a weekend is moved on to Monday (booster_date)."""
    case = make_case_at(Stage.UPPFOLJNING)
    close_case(case, closed_on, booster_months=months)
    assert case.booster.planned_on == planned_on


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 4, 30)),
        (dt.date(2026, 10, 15), 3, dt.date(2027, 1, 15)),
        (dt.date(2026, 1, 15), 0, dt.date(2026, 1, 15)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected


def test_close_keeps_a_booster_already_booked():
    case = make_case_at(Stage.UPPFOLJNING)
    booked = Boostertraff(planned_on=dt.date(2027, 3, 1))
    case.boosters.append(booked)
    close_case(case, TODAY)
    assert case.boosters == [booked]


# --- uppföljning: continue ------------------------------------------------------------------------


def test_continue_needs_a_follow_up_and_a_later_follow_up_date():
    case = make_case_at(Stage.UPPFOLJNING)
    plan = case.current_plan
    assert blockers(case, Move.CONTINUE, TODAY) == [Finding(Problem.FOLLOW_UP_MISSING, field="follow_ups")]
    assert_refused(case, Move.CONTINUE, [Problem.FOLLOW_UP_MISSING])
    record_follow_up(case, TODAY, rate=[])  # continuing needs no ratings
    for stale in (FIRST_FOLLOW_UP_ON, TODAY):
        plan.follow_up_on = stale
        assert blockers(case, Move.CONTINUE, TODAY) == [
            Finding(Problem.NEXT_FOLLOW_UP_NOT_SET, field="follow_up_on")]
    assert_refused(case, Move.CONTINUE, [Problem.NEXT_FOLLOW_UP_NOT_SET])
    plan.follow_up_on = None
    assert problems(blockers(case, Move.CONTINUE, TODAY)) == [Problem.NEXT_FOLLOW_UP_NOT_SET]
    plan.follow_up_on = TOMORROW
    assert blockers(case, Move.CONTINUE, TODAY) == []


def test_continue_keeps_the_plan_and_goes_back_to_genomforande():
    case = make_case_at(Stage.UPPFOLJNING)
    plan = case.current_plan
    continue_round(case, TODAY, dt.date(2027, 1, 18))
    assert case.stage is Stage.GENOMFORANDE
    assert case.plans == [plan] and plan.status is PlanStatus.CURRENT
    assert case.closed_on is None and case.boosters == []


@pytest.mark.parametrize("second_start", [TODAY, dt.date(2027, 1, 18)], ids=["same day", "later"])
def test_a_second_round_needs_a_new_follow_up(second_start):
    """Regression: the previous round's follow-up must not count again, even on the day it was held."""
    case = make_case_at(Stage.UPPFOLJNING)
    continue_round(case, TODAY, dt.date(2027, 1, 18))
    apply(case, Move.START_UPPFOLJNING, by=WORKER, at=at(second_start, 16))
    for move in (Move.CONTINUE, Move.REVISE_PLAN):
        assert problems(blockers(case, move, second_start)) == [Problem.FOLLOW_UP_MISSING]
    assert problems(blockers(case, Move.CLOSE, second_start, ClosingReason.MAL_UPPNADDA)) == [
        Problem.FOLLOW_UP_MISSING]
    record_follow_up(case, dt.date(2027, 1, 18))
    assert blockers(case, Move.CLOSE, dt.date(2027, 1, 18), ClosingReason.MAL_UPPNADDA) == []


# --- uppföljning: revise the plan -----------------------------------------------------------------


def test_revise_needs_a_follow_up():
    case = make_case_at(Stage.UPPFOLJNING)
    assert blockers(case, Move.REVISE_PLAN, TODAY) == [Finding(Problem.FOLLOW_UP_MISSING, field="follow_ups")]
    assert_refused(case, Move.REVISE_PLAN, [Problem.FOLLOW_UP_MISSING])
    record_follow_up(case, TODAY, rate=[])
    assert blockers(case, Move.REVISE_PLAN, TODAY) == []


def test_revise_keeps_the_old_plan_and_starts_a_copy():
    case = make_case_at(Stage.UPPFOLJNING)
    old = case.current_plan
    old.id, old.guardians_view = 7, "Vill ha tätare kontakt"
    for number, item in enumerate(old.goals + old.insatser, start=100):
        item.id = number
    unlinked = make_insats("Stöd till skolpersonal")
    old.insatser.append(unlinked)
    old_goals, old_insatser = list(old.goals), list(old.insatser)
    old_picture = snapshot((old.goals, old.insatser, old.follow_up_on, old.created_on, old.version))
    record_follow_up(case, TODAY, rating=Rating.EJ_UPPNATT)

    apply(case, Move.REVISE_PLAN, by=WORKER, at=at())

    assert case.stage is Stage.PLANERING
    new = case.current_plan
    assert case.plans == [old, new]
    assert old.status is PlanStatus.SUPERSEDED
    assert old.goals == old_goals and old.insatser == old_insatser
    assert snapshot((old.goals, old.insatser, old.follow_up_on, old.created_on, old.version)) == old_picture
    assert (new.version, new.status, new.created_on, new.follow_up_on, new.id, new.guardians_view) == (
        2, PlanStatus.CURRENT, TODAY, None, None, "Vill ha tätare kontakt")
    assert [g.description for g in new.goals] == [g.description for g in old.goals]
    assert [g.area for g in new.goals] == [g.area for g in old.goals]
    assert [i.name for i in new.insatser] == [i.name for i in old.insatser]
    assert [i.responsible_person for i in new.insatser] == [i.responsible_person for i in old.insatser]
    assert not {id(x) for x in new.goals + new.insatser} & {id(x) for x in old.goals + old.insatser}
    assert all(x.id is None for x in new.goals + new.insatser)
    links = [new.goals.index(i.goal) if i.goal is not None else None for i in new.insatser]
    assert links == [0, 1, None]


def test_the_revised_plan_needs_its_own_follow_up_date():
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, TODAY)
    apply(case, Move.REVISE_PLAN, by=WORKER, at=at())
    assert problems(blockers(case, Move.START_GENOMFORANDE, TODAY)) == [Problem.PLAN_NO_FOLLOW_UP_DATE]
    case.current_plan.follow_up_on = dt.date(2027, 1, 18)
    assert blockers(case, Move.START_GENOMFORANDE, TODAY) == []


def test_revising_twice_makes_version_3():
    case = make_case_at(Stage.UPPFOLJNING)
    for day in (dt.date(2026, 11, 20), dt.date(2027, 1, 18)):
        record_follow_up(case, day)
        apply(case, Move.REVISE_PLAN, by=WORKER, at=at(day))
        case.current_plan.follow_up_on = day + dt.timedelta(days=28)
        apply(case, Move.START_GENOMFORANDE, by=WORKER, at=at(day, 14))
        apply(case, Move.START_UPPFOLJNING, by=WORKER, at=at(day + dt.timedelta(days=28)))
    assert [(p.version, p.status) for p in case.plans] == [
        (1, PlanStatus.SUPERSEDED), (2, PlanStatus.SUPERSEDED), (3, PlanStatus.CURRENT)]
    assert case.current_plan is case.plans[-1]


def test_after_revising_only_a_follow_up_of_the_new_plan_counts():
    """Even when the whole new round falls on one day (the last recorded follow-up is the one)."""
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, TODAY)
    for hour, move in enumerate((Move.REVISE_PLAN, Move.START_GENOMFORANDE, Move.START_UPPFOLJNING), start=11):
        case.current_plan.follow_up_on = TOMORROW
        apply(case, move, by=WORKER, at=at(TODAY, hour))
    assert problems(blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT)) == [Problem.FOLLOW_UP_MISSING]
    ratings = [GoalRating(goal=g, rating=Rating.UPPNATT) for g in case.plans[0].goals]
    case.follow_ups.append(FollowUp(held_on=TODAY, plan_version=1, ratings=ratings))
    assert problems(blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT)) == [Problem.FOLLOW_UP_MISSING]
    case.follow_ups[-1].plan_version = 2  # the new version, but rating the old goals
    assert problems(blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT)) == [Problem.GOAL_NOT_RATED] * 2
    record_follow_up(case, TODAY)
    assert blockers(case, Move.CLOSE, TODAY, ClosingReason.ANNAT) == []


# --- vidmakthållande --------------------------------------------------------------------------------


def test_book_booster_needs_a_planned_booster():
    case = make_case_at(Stage.AVSLUTAD)
    assert blockers(case, Move.BOOK_BOOSTER, TODAY) == []
    case.boosters.clear()
    assert blockers(case, Move.BOOK_BOOSTER, TODAY) == [Finding(Problem.BOOSTER_NOT_PLANNED, field="booster")]
    assert_refused(case, Move.BOOK_BOOSTER, [Problem.BOOSTER_NOT_PLANNED])


@pytest.mark.parametrize("stage", [s for s in Stage if s is not Stage.VIDMAKTHALLANDE])
def test_a_booster_is_recorded_only_in_vidmakthallande(stage):
    case = make_case_at(stage)
    before = snapshot(case)
    with pytest.raises(ProcessError) as raised:
        record_booster(case, held=True, held_on=TODAY, notes="")
    assert problems(raised.value.findings) == [Problem.WRONG_STAGE]
    assert snapshot(case) == before


def test_record_booster_without_a_booster_is_refused():
    case = make_case_at(Stage.VIDMAKTHALLANDE)
    case.boosters.clear()
    with pytest.raises(ProcessError):
        record_booster(case, held=True, held_on=TODAY, notes="")


def test_record_booster_held_and_not_held():
    case = make_case_at(Stage.VIDMAKTHALLANDE)
    assert not is_complete(case)
    record_booster(case, held=True, held_on=TODAY, notes="Närvaron håller i sig")
    assert (case.booster.held, case.booster.held_on, case.booster.notes) == (True, TODAY, "Närvaron håller i sig")
    assert is_complete(case)
    record_booster(case, held=False, held_on=TODAY, notes="Familjen kom inte")
    assert (case.booster.held, case.booster.held_on, case.booster.notes) == (False, None, "Familjen kom inte")
    assert is_complete(case)


@pytest.mark.parametrize("stage", list(Stage))
def test_is_complete_by_stage(stage):
    case = make_case_at(stage)
    assert is_complete(case) is False


def test_is_complete_for_a_closed_case_depends_on_the_booster():
    case = make_case_at(Stage.AVSLUTAD)
    assert not is_complete(case)
    case.boosters.clear()
    assert is_complete(case)


# --- whole walks ---------------------------------------------------------------------------------------


def test_a_case_from_aktualisering_to_a_held_boostertraff():
    case = make_case()
    day = dt.date(2026, 8, 17)

    def step(move: Move, **kwargs) -> None:
        nonlocal day
        day += dt.timedelta(days=7)
        assert forward_move(case.stage) is move or move in moves_from(case.stage)
        assert blockers(case, move, day, kwargs.get("closing_reason")) == []
        apply(case, move, by=WORKER, at=at(day), **kwargs)

    assert problems(blockers(case, Move.ENROL, day)) == [Problem.CRITERIA_NOT_MET]
    case.criteria_met = True
    step(Move.ENROL)
    give_all_consents(case, given_on=day)
    step(Move.START_KARTLAGGNING)
    case.kartlaggning.summary = "Skolrelaterade faktorer: socialt klimat."
    step(Move.START_PLANERING)
    fill_plan(case.current_plan, follow_up_on=day + dt.timedelta(days=21))
    assert warnings(case, Move.START_GENOMFORANDE, day) == []
    step(Move.START_GENOMFORANDE)
    step(Move.START_UPPFOLJNING)
    record_follow_up(case, day)
    step(Move.CLOSE, closing_reason=ClosingReason.MAL_UPPNADDA)
    assert case.booster.planned_on == add_months(day, 3)
    step(Move.BOOK_BOOSTER)
    record_booster(case, held=True, held_on=case.booster.planned_on, notes="")

    assert case.stage is Stage.VIDMAKTHALLANDE
    assert [t.to_stage for t in case.transitions] == STAGE_ORDER[1:]
    assert is_complete(case)


def test_a_case_through_the_revise_loop():
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, FIRST_FOLLOW_UP_ON, rating=Rating.EJ_UPPNATT)
    apply(case, Move.REVISE_PLAN, by=WORKER, at=at(FIRST_FOLLOW_UP_ON, 11), comment="Nytt mål")
    plan = case.current_plan
    plan.goals.append(Goal(description="Äter lunch i skolan", area=GoalArea.HALSA))
    plan.follow_up_on = dt.date(2026, 12, 14)
    apply(case, Move.START_GENOMFORANDE, by=WORKER, at=at(dt.date(2026, 11, 17)))
    apply(case, Move.START_UPPFOLJNING, by=WORKER, at=at(dt.date(2026, 12, 14)))
    record_follow_up(case, dt.date(2026, 12, 14), rate=plan.goals[:2])
    assert [f.detail for f in blockers(case, Move.CLOSE, dt.date(2026, 12, 14), ClosingReason.MAL_UPPNADDA)] == [
        "Äter lunch i skolan"]
    record_follow_up(case, dt.date(2026, 12, 15))
    apply(case, Move.CLOSE, by=WORKER, at=at(dt.date(2026, 12, 15)), closing_reason=ClosingReason.MAL_UPPNADDA)
    apply(case, Move.BOOK_BOOSTER, by=WORKER, at=at(dt.date(2026, 12, 16)))
    record_booster(case, held=False, held_on=None, notes="")

    assert [t.to_stage for t in case.transitions] == [
        Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING,
        Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING, Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE]
    assert [p.version for p in case.plans] == [1, 2]
    assert case.booster.planned_on == dt.date(2027, 3, 15)
    assert is_complete(case)


# --- the app's clock is aware UTC; the worker's day is local ---------------------------------------------


@pytest.fixture
def stockholm(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


UTC = dt.timezone.utc
JUST_AFTER_MIDNIGHT = dt.datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 00:30 on TODAY in Stockholm


def test_an_aware_moment_is_dated_on_the_workers_day(stockholm):
    """Regression: a UTC time just after local midnight dated the step, and judged its guards, a day early."""
    case = make_case_at(Stage.INSKRIVNING, tzinfo=UTC)
    give_all_consents(case, given_on=TODAY)
    transition = apply(case, Move.START_KARTLAGGNING, by=WORKER, at=JUST_AFTER_MIDNIGHT)
    assert transition.at is JUST_AFTER_MIDNIGHT
    assert case.kartlaggning.started_on == TODAY


def test_a_round_concluded_just_after_midnight_ends_on_the_local_day(stockholm):
    case = make_case_at(Stage.UPPFOLJNING, tzinfo=UTC)
    continue_round(case, TODAY, dt.date(2027, 1, 18), moment=JUST_AFTER_MIDNIGHT)
    apply(case, Move.START_UPPFOLJNING, by=WORKER, at=JUST_AFTER_MIDNIGHT + dt.timedelta(hours=1))
    assert problems(blockers(case, Move.CONTINUE, TODAY)) == [Problem.FOLLOW_UP_MISSING]


@pytest.mark.parametrize(
    ("closed_on", "planned_on"),
    [
        (dt.date(2026, 12, 4), dt.date(2027, 3, 4)),  # Thursday stays
        (dt.date(2026, 12, 6), dt.date(2027, 3, 8)),  # Saturday 2027-03-06 → Monday
        (dt.date(2026, 12, 7), dt.date(2027, 3, 8)),  # Sunday 2027-03-07 → Monday
    ],
)
def test_the_proposed_booster_never_falls_on_a_weekend(closed_on, planned_on):
    """What broke: the proposed boosterträff fell on a Saturday (issue 10)."""
    from sst_desk.workflow.process import booster_date

    assert booster_date(closed_on, 3) == planned_on
    assert planned_on.weekday() < 5
