""""Kommande": each kind of due date at the window's edges, and what must not be listed."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import TODAY, guardian_consent, make_case_at

from sst_desk.workflow.agenda import (
    DEFAULT_DAYS,
    MAX_DAYS,
    AgendaFacts,
    DueItem,
    DueKind,
    Meeting,
    agenda_facts,
    due_items,
    window_end,
)
from sst_desk.workflow.attention import CaseSummary, next_due
from sst_desk.workflow.codes import PlanStatus, Stage
from sst_desk.workflow.entities import Handlingsplan, Insats

DAY = dt.timedelta(days=1)
LAST = TODAY + DEFAULT_DAYS * DAY


def case_in(stage: Stage, case_id: int = 1):
    case = make_case_at(stage)
    case.id = case_id
    return case


def items_of(case, today: dt.date = TODAY, days: int = DEFAULT_DAYS) -> list[DueItem]:
    return due_items([agenda_facts(case, today)], today, days)


def kinds(items: list[DueItem]) -> list[DueKind]:
    return [item.kind for item in items]


def test_window_is_today_and_the_next_fourteen_days():
    assert window_end(TODAY) == TODAY + 14 * DAY == LAST


@pytest.mark.parametrize(("offset", "listed"), [(0, True), (DEFAULT_DAYS, True), (DEFAULT_DAYS + 1, False)])
def test_follow_up_at_the_window_edges(offset, listed):
    case = case_in(Stage.GENOMFORANDE)
    case.current_plan.follow_up_on = TODAY + offset * DAY
    items = [i for i in items_of(case) if i.kind is DueKind.FOLLOW_UP]
    assert bool(items) is listed
    if listed:
        assert items[0].date == TODAY + offset * DAY and not items[0].overdue
        assert items[0].label == case.student.full_name and items[0].case_id == 1


def test_follow_up_carries_the_plans_time_and_place():
    case = case_in(Stage.GENOMFORANDE)
    plan = case.current_plan
    plan.follow_up_on, plan.follow_up_time, plan.follow_up_place = TODAY + 4 * DAY, dt.time(14, 0), "Biblioteket"
    (item,) = [i for i in items_of(case) if i.kind is DueKind.FOLLOW_UP]
    assert (item.date, item.time, item.place) == (TODAY + 4 * DAY, dt.time(14, 0), "Biblioteket")


def test_overdue_follow_up_is_listed_first_and_marked():
    case = case_in(Stage.UPPFOLJNING)
    case.current_plan.follow_up_on = TODAY - 30 * DAY
    case.current_plan.insatser[0].end_on = TODAY + 2 * DAY
    items = items_of(case)
    assert kinds(items) == [DueKind.FOLLOW_UP, DueKind.INSATS_ENDS]
    assert items[0].overdue and items[0].date == TODAY - 30 * DAY
    assert not items[1].overdue


def test_superseded_plans_follow_up_and_insatser_are_not_listed():
    case = case_in(Stage.GENOMFORANDE)
    old = case.current_plan
    old.status = PlanStatus.SUPERSEDED
    old.follow_up_on = TODAY + 3 * DAY
    old.insatser[0].end_on = TODAY + 3 * DAY
    case.plans.append(Handlingsplan(version=old.version + 1, follow_up_on=TODAY + 40 * DAY,
                                    insatser=[Insats(name="Mentorsamtal", end_on=TODAY + 5 * DAY)]))
    items = items_of(case)
    assert [(i.kind, i.date, i.detail) for i in items] == [(DueKind.INSATS_ENDS, TODAY + 5 * DAY, "Mentorsamtal")]


def test_follow_up_only_while_the_plan_runs():
    """Before genomförande the plan's date is not yet a meeting (as the case list's "Next date")."""
    case = case_in(Stage.PLANERING)
    case.current_plan.follow_up_on = TODAY + 2 * DAY
    assert DueKind.FOLLOW_UP not in kinds(items_of(case))


def test_booster_planned_and_not_held_is_listed_with_time_and_place():
    case = case_in(Stage.VIDMAKTHALLANDE)
    case.booster.planned_on = TODAY + 7 * DAY
    case.booster.start_time, case.booster.place = dt.time(9, 30), "Rum 12"
    items = items_of(case)
    assert [(i.kind, i.date, i.time, i.place) for i in items] == [
        (DueKind.BOOSTER, TODAY + 7 * DAY, dt.time(9, 30), "Rum 12")]


@pytest.mark.parametrize("held", [True, False])
def test_a_recorded_booster_is_not_listed(held):
    case = case_in(Stage.VIDMAKTHALLANDE)
    case.booster.planned_on = TODAY + 2 * DAY
    case.booster.held = held
    assert items_of(case) == []


def test_overdue_booster_is_listed_marked():
    case = case_in(Stage.VIDMAKTHALLANDE)
    case.booster.planned_on = TODAY - 1 * DAY
    (item,) = items_of(case)
    assert item.kind is DueKind.BOOSTER and item.overdue


@pytest.mark.parametrize(("offset", "listed"), [(-1, False), (0, True), (DEFAULT_DAYS, True), (DEFAULT_DAYS + 1, False)])
def test_consent_expiring_at_the_window_edges(offset, listed):
    case = case_in(Stage.GENOMFORANDE)
    case.current_plan.follow_up_on = TODAY + 60 * DAY
    guardian = case.student.guardians[0]
    consent = next(c for c in case.consents if c.guardian is guardian)
    consent.valid_until = TODAY + offset * DAY
    items = items_of(case)
    expected = [(DueKind.CONSENT_EXPIRES, guardian.name)] if listed else []
    assert [(i.kind, i.detail) for i in items] == expected


def test_a_withdrawn_consent_is_not_listed():
    case = case_in(Stage.KARTLAGGNING)
    guardian = case.student.guardians[0]
    consent = next(c for c in case.consents if c.guardian is guardian)
    consent.valid_until = TODAY + 5 * DAY
    consent.withdrawn_on = TODAY - 2 * DAY
    case.consents.append(guardian_consent(guardian, valid_until=TODAY + 6 * DAY, withdrawn_on=TODAY))
    assert items_of(case) == []


def test_consents_of_a_closed_case_are_not_listed():
    case = case_in(Stage.AVSLUTAD)
    for consent in case.consents:
        consent.valid_until = TODAY + 3 * DAY
    assert DueKind.CONSENT_EXPIRES not in kinds(items_of(case))


@pytest.mark.parametrize(("offset", "listed"), [(-1, False), (0, True), (DEFAULT_DAYS, True), (DEFAULT_DAYS + 1, False)])
def test_insats_ending_at_the_window_edges(offset, listed):
    case = case_in(Stage.GENOMFORANDE)
    case.current_plan.follow_up_on = TODAY + 60 * DAY
    case.current_plan.insatser[1].end_on = TODAY + offset * DAY
    expected = [(DueKind.INSATS_ENDS, case.current_plan.insatser[1].name)] if listed else []
    assert [(i.kind, i.detail) for i in items_of(case)] == expected


def test_insatser_of_a_closed_case_are_not_listed():
    case = case_in(Stage.AVSLUTAD)
    case.current_plan.insatser[0].end_on = TODAY + 1 * DAY
    assert DueKind.INSATS_ENDS not in kinds(items_of(case))


def test_sorted_by_date_then_time_timed_meetings_before_untimed_ones():
    day = TODAY + 3 * DAY
    facts = [
        AgendaFacts(1, "Ada", Stage.GENOMFORANDE, follow_up=Meeting(day)),
        AgendaFacts(2, "Bo", Stage.GENOMFORANDE, follow_up=Meeting(day, dt.time(13, 0), "Rum 1")),
        AgendaFacts(3, "Cy", Stage.VIDMAKTHALLANDE, booster=Meeting(day, dt.time(8, 15))),
        AgendaFacts(4, "Di", Stage.GENOMFORANDE, follow_up=Meeting(TODAY + 20 * DAY),
                    insatser=(("Läxhjälp", TODAY + 1 * DAY),)),
        AgendaFacts(5, "Ek", Stage.INSKRIVNING, consents=(("Vårdnadshavare Ett", day),)),
    ]
    items = due_items(facts, TODAY)
    assert [(i.case_id, i.kind) for i in items] == [
        (4, DueKind.INSATS_ENDS), (3, DueKind.BOOSTER), (2, DueKind.FOLLOW_UP),
        (1, DueKind.FOLLOW_UP), (5, DueKind.CONSENT_EXPIRES)]


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("offset", [-3, 0, 5, 30])
def test_meetings_listed_are_the_case_lists_next_date(stage, offset):
    """One truth: a meeting is listed on the case's next_due date, whatever the stage."""
    day = TODAY + offset * DAY
    facts = AgendaFacts(9, "Elev", stage, follow_up=Meeting(day), booster=Meeting(day + DAY))
    due = next_due(CaseSummary(stage=stage, follow_up_on=day, booster_on=day + DAY))
    meetings = [i.date for i in due_items([facts], TODAY) if i.kind in (DueKind.FOLLOW_UP, DueKind.BOOSTER)]
    assert meetings == ([due] if due is not None and due <= LAST else [])


@pytest.mark.parametrize("days", [-1, MAX_DAYS + 1])
def test_days_out_of_range_are_refused(days):
    with pytest.raises(ValueError):
        due_items([], TODAY, days)


def test_zero_days_means_today_only():
    facts = [AgendaFacts(1, "Ada", Stage.GENOMFORANDE, follow_up=Meeting(TODAY)),
             AgendaFacts(2, "Bo", Stage.GENOMFORANDE, follow_up=Meeting(TODAY + DAY))]
    assert [i.case_id for i in due_items(facts, TODAY, 0)] == [1]
