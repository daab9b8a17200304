"""What needs attention and when a case is next due: each flag at its boundaries, stage by stage."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import FIRST_FOLLOW_UP_ON, SCHEDULE, TODAY, make_case_at, student_consent

from sst_desk.workflow.attention import (
    BOOSTER_NOTICE_DAYS,
    CONSENT_EXPIRY_DAYS,
    Attention,
    CaseSummary,
    attention,
    next_due,
    summarize,
)
from sst_desk.workflow.codes import PlanStatus, Stage
from sst_desk.workflow.entities import Handlingsplan
from sst_desk.workflow.process import Move, add_months, record_booster

DAY = dt.timedelta(days=1)
FOLLOW_UP_STAGES = {Stage.GENOMFORANDE, Stage.UPPFOLJNING}
CONSENT_STAGES = {Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING}
BOOSTER_STAGES = {Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE}


def test_thresholds():
    assert (CONSENT_EXPIRY_DAYS, BOOSTER_NOTICE_DAYS) == (30, 14)


# --- next_due ---------------------------------------------------------------------------


@pytest.mark.parametrize("stage", list(Stage))
def test_next_due_by_stage(stage):
    follow_up, booster = TODAY + 5 * DAY, TODAY + 50 * DAY
    summary = CaseSummary(stage=stage, follow_up_on=follow_up, booster_on=booster)
    expected = follow_up if stage in FOLLOW_UP_STAGES else booster if stage in BOOSTER_STAGES else None
    assert next_due(summary) == expected


@pytest.mark.parametrize("stage", sorted(BOOSTER_STAGES))
def test_a_recorded_booster_is_no_longer_due(stage):
    summary = CaseSummary(stage=stage, booster_on=TODAY, booster_recorded=True)
    assert next_due(summary) is None
    assert attention(summary, TODAY) == frozenset()


def test_nothing_due_without_dates():
    for stage in Stage:
        assert next_due(CaseSummary(stage=stage)) is None
        assert attention(CaseSummary(stage=stage), TODAY) == frozenset()


# --- follow-up overdue ----------------------------------------------------------------------------


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize(("offset", "overdue"), [(-30, True), (-1, True), (0, False), (1, False)])
def test_follow_up_overdue_from_the_day_after(stage, offset, overdue):
    summary = CaseSummary(stage=stage, follow_up_on=TODAY + offset * DAY)
    expected = {Attention.FOLLOW_UP_OVERDUE} if overdue and stage in FOLLOW_UP_STAGES else set()
    assert attention(summary, TODAY) == expected


# --- consent expiring ----------------------------------------------------------------------------


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize(("offset", "expiring"), [(0, True), (29, True), (30, True), (31, False), (365, False)])
def test_consent_expiring_within_30_days(stage, offset, expiring):
    summary = CaseSummary(stage=stage, consent_expires_on=TODAY + offset * DAY)
    expected = {Attention.CONSENT_EXPIRING} if expiring and stage in CONSENT_STAGES else set()
    assert attention(summary, TODAY) == expected


@pytest.mark.parametrize(("offset", "expiring"), [(7, True), (8, False)])
def test_consent_notice_can_be_shortened(offset, expiring):
    summary = CaseSummary(stage=Stage.GENOMFORANDE, consent_expires_on=TODAY + offset * DAY)
    assert (Attention.CONSENT_EXPIRING in attention(summary, TODAY, consent_days=7)) is expiring


# --- booster due ------------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize(("offset", "due"), [(-10, True), (0, True), (13, True), (14, True), (15, False)])
def test_booster_due_two_weeks_ahead(stage, offset, due):
    summary = CaseSummary(stage=stage, booster_on=TODAY + offset * DAY)
    expected = {Attention.BOOSTER_DUE} if due and stage in BOOSTER_STAGES else set()
    assert attention(summary, TODAY) == expected


@pytest.mark.parametrize(("offset", "due"), [(30, True), (31, False)])
def test_booster_notice_can_be_lengthened(offset, due):
    summary = CaseSummary(stage=Stage.AVSLUTAD, booster_on=TODAY + offset * DAY)
    assert (Attention.BOOSTER_DUE in attention(summary, TODAY, booster_days=30)) is due


def test_flags_combine():
    summary = CaseSummary(stage=Stage.UPPFOLJNING, follow_up_on=TODAY - DAY, consent_expires_on=TODAY)
    assert attention(summary, TODAY) == {Attention.FOLLOW_UP_OVERDUE, Attention.CONSENT_EXPIRING}


# --- summarize a real case ---------------------------------------------------------------------------


def test_summarize_a_case_in_genomforande():
    case = make_case_at(Stage.GENOMFORANDE)
    summary = summarize(case, TODAY)
    assert summary == CaseSummary(stage=Stage.GENOMFORANDE, follow_up_on=FIRST_FOLLOW_UP_ON)
    assert next_due(summary) == FIRST_FOLLOW_UP_ON
    assert attention(summary, TODAY) == {Attention.FOLLOW_UP_OVERDUE}
    assert attention(summary, FIRST_FOLLOW_UP_ON) == frozenset()


def test_summarize_takes_the_earliest_end_of_a_consent_in_force():
    case = make_case_at(Stage.KARTLAGGNING)
    student = case.student
    case.consents[1].valid_until = TODAY + 40 * DAY
    case.consents[2].valid_until = TODAY + 20 * DAY
    case.consents += [
        student_consent(student, valid_until=TODAY - DAY),  # expired: no longer in force
        student_consent(student, valid_until=TODAY + 2 * DAY, withdrawn_on=TODAY),  # withdrawn
        student_consent(student, valid_until=TODAY + 3 * DAY, given_on=TODAY + DAY),  # not yet given
    ]
    summary = summarize(case, TODAY)
    assert summary.consent_expires_on == TODAY + 20 * DAY
    assert summary.follow_up_on is None
    assert attention(summary, TODAY) == {Attention.CONSENT_EXPIRING}


def test_summarize_without_plan_or_time_limit():
    summary = summarize(make_case_at(Stage.INSKRIVNING), TODAY)
    assert summary == CaseSummary(stage=Stage.INSKRIVNING, consent_missing=True)  # nobody has signed yet
    assert Attention.CONSENT_MISSING not in attention(summary, TODAY)  # expected while enrolling


@pytest.mark.parametrize("stage", [Stage.KARTLAGGNING, Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING])
def test_a_withdrawn_consent_needs_attention_while_the_work_goes_on(stage):
    case = make_case_at(stage)
    assert Attention.CONSENT_MISSING not in attention(summarize(case, TODAY), TODAY)
    guardian_consent = next(c for c in case.consents if c.guardian is not None)
    guardian_consent.withdrawn_on = TODAY
    flags = attention(summarize(case, TODAY), TODAY)
    assert Attention.CONSENT_MISSING in flags


def test_a_closed_case_needs_no_consent():
    case = make_case_at(Stage.AVSLUTAD)
    for consent in case.consents:
        consent.withdrawn_on = TODAY
    assert Attention.CONSENT_MISSING not in attention(summarize(case, TODAY), TODAY)


def test_summarize_follows_the_booster_until_it_is_recorded():
    case = make_case_at(Stage.VIDMAKTHALLANDE)
    planned = add_months(SCHEDULE[Move.CLOSE], 3)
    summary = summarize(case, TODAY)
    assert (summary.booster_on, summary.booster_recorded) == (planned, False)
    assert next_due(summary) == planned
    assert attention(summary, planned - 15 * DAY) == frozenset()
    assert attention(summary, planned - 14 * DAY) == {Attention.BOOSTER_DUE}
    record_booster(case, held=False, held_on=None, notes="")
    summary = summarize(case, TODAY)
    assert summary.booster_recorded
    assert next_due(summary) is None and attention(summary, planned) == frozenset()


def test_summarize_uses_the_current_plan_after_a_revision():
    case = make_case_at(Stage.UPPFOLJNING)
    old = case.current_plan
    new = Handlingsplan(version=2, follow_up_on=TODAY + 10 * DAY)
    old.status = PlanStatus.SUPERSEDED
    case.plans.append(new)
    assert summarize(case, TODAY).follow_up_on == TODAY + 10 * DAY
