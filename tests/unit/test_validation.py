"""Field validation: each finding appears exactly when its rule is broken, naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import TODAY, guardian_consent, make_case, make_insats, make_student, student_consent

from sst_desk.workflow.codes import Assessment, ClosingReason, Stage, ContactKind, Party, Rating, ReferralKind, SignerKind
from sst_desk.workflow.entities import (
    Boostertraff,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Handlingsplan,
    Referral,
)
from sst_desk.workflow.problems import Finding, Problem
from sst_desk.workflow.validation import (
    MAX_GRADE,
    MIN_GRADE,
    validate_booster,
    validate_case,
    validate_consent,
    validate_contact,
    validate_follow_up,
    validate_goal,
    validate_guardian,
    validate_insats,
    validate_plan,
    validate_referral,
    validate_student,
)

YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)
REQUIRED, DATE_ORDER, IN_FUTURE = Problem.REQUIRED, Problem.DATE_ORDER, Problem.DATE_IN_FUTURE


# --- student and guardian ---------------------------------------------------------------


def test_a_complete_student_is_valid():
    assert validate_student(make_student()) == []


@pytest.mark.parametrize("name", ["first_name", "last_name", "school"])
@pytest.mark.parametrize("blank", ["", "  \t"])
def test_student_names_and_school_are_required(name, blank):
    student = make_student()
    setattr(student, name, blank)
    assert validate_student(student) == [Finding(REQUIRED, field=name)]


@pytest.mark.parametrize(("grade", "ok"), [(None, True), (0, True), (13, True), (-1, False), (14, False)])
def test_grade_range(grade, ok):
    assert (MIN_GRADE, MAX_GRADE) == (0, 13)
    student = make_student()
    student.grade = grade
    assert validate_student(student) == ([] if ok else [Finding(Problem.GRADE_RANGE, field="grade")])


def test_all_student_findings_together():
    student = make_student()
    student.first_name = student.last_name = student.school = ""
    student.grade = 99
    assert [f.field for f in validate_student(student)] == ["first_name", "last_name", "school", "grade"]


@pytest.mark.parametrize(("name", "ok"), [("Vårdnadshavare Ett", True), ("", False), (" ", False)])
def test_guardian_name_is_required(name, ok):
    assert validate_guardian(Guardian(name=name)) == ([] if ok else [Finding(REQUIRED, field="name")])


# --- case -------------------------------------------------------------------------------------


def test_a_fresh_case_is_valid():
    assert validate_case(make_case(), TODAY) == []


def test_case_includes_the_students_findings():
    case = make_case()
    case.student.school = ""
    assert validate_case(case, TODAY) == [Finding(REQUIRED, field="school")]


@pytest.mark.parametrize(
    ("raised_on", "expected"),
    [
        (None, [Finding(REQUIRED, field="raised_on")]),
        (TOMORROW, [Finding(IN_FUTURE, field="raised_on")]),
        (TODAY, []),
    ],
)
def test_raised_on_is_required_and_not_in_the_future(raised_on, expected):
    case = make_case()
    case.raised_on = raised_on
    assert validate_case(case, TODAY) == expected


@pytest.mark.parametrize(("percent", "ok"), [(None, True), (0, True), (100, True), (-0.1, False), (100.5, False)])
def test_absence_percent_range(percent, ok):
    case = make_case()
    case.absence_percent = percent
    assert validate_case(case, TODAY) == ([] if ok else [Finding(Problem.PERCENT_RANGE, field="absence_percent")])


@pytest.mark.parametrize(
    ("decision_on", "decision_ref", "fields"),
    [
        (None, "", ["decision_on", "decision_ref"]),
        (TODAY, "", ["decision_ref"]),
        (None, "SN 2026/123", ["decision_on"]),
        (TODAY, "   ", ["decision_ref"]),
        (TODAY, "SN 2026/123", []),
    ],
)
def test_a_decision_is_required_after_assessment(decision_on, decision_ref, fields):
    case = make_case()
    case.assessment = Assessment.EFTER_BESLUT
    case.decision_on, case.decision_ref = decision_on, decision_ref
    assert validate_case(case, TODAY) == [Finding(Problem.DECISION_MISSING, field=f) for f in fields]


def test_no_decision_is_needed_without_assessment():
    case = make_case()
    assert case.assessment is Assessment.UTAN_BEHOVSPROVNING
    assert validate_case(case, TODAY) == []


def test_a_decision_may_predate_the_referral_but_not_today():
    """Seed 003: a case after investigation and decision often reaches the team after socialtjänsten's decision."""
    case = make_case()
    case.assessment = Assessment.EFTER_BESLUT
    case.decision_ref = "SN 2026/123"
    case.decision_on = case.raised_on - dt.timedelta(days=60)
    assert validate_case(case, TODAY) == []
    case.decision_on = TODAY + dt.timedelta(days=1)
    assert validate_case(case, TODAY) == [Finding(Problem.DATE_IN_FUTURE, field="decision_on")]


@pytest.mark.parametrize("name", ["enrolled_on", "closed_on"])
def test_case_dates_cannot_precede_raised_on(name):
    """Enrolment and closing dates come from the process, so the clash is reported on the raising date."""
    case = make_case()
    case.decision_ref = "SN 2026/123"
    setattr(case, name, case.raised_on)
    assert validate_case(case, TODAY) == []
    setattr(case, name, case.raised_on - dt.timedelta(days=1))
    assert validate_case(case, TODAY) == [Finding(DATE_ORDER, field="raised_on")]


def test_a_closed_case_keeps_its_closing_reason():
    case = make_case()
    case.stage, case.closed_on = Stage.AVSLUTAD, case.raised_on
    assert validate_case(case, TODAY) == [Finding(Problem.CLOSING_REASON_MISSING, field="closing_reason")]
    case.closing_reason = ClosingReason.MAL_UPPNADDA
    assert validate_case(case, TODAY) == []


# --- consent -------------------------------------------------------------------------------------


def test_valid_consents_from_student_and_guardian():
    student = make_student()
    assert validate_consent(student_consent(student), student, TODAY) == []
    assert validate_consent(guardian_consent(student.guardians[1]), student, TODAY) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"signer_name": " "}, [Finding(REQUIRED, field="signer_name")]),
        ({"given_on": None}, [Finding(REQUIRED, field="given_on")]),
        ({"given_on": TOMORROW}, [Finding(IN_FUTURE, field="given_on")]),
        ({"given_on": TODAY}, []),
        ({"parties": [Party.SKOLA]}, [Finding(Problem.PARTIES_TOO_FEW, field="parties")]),
        ({"parties": [Party.SKOLA, Party.SKOLA]}, [Finding(Problem.PARTIES_TOO_FEW, field="parties")]),
        ({"parties": []}, [Finding(Problem.PARTIES_TOO_FEW, field="parties")]),
        ({"valid_until": YESTERDAY, "given_on": TODAY}, [Finding(DATE_ORDER, field="valid_until")]),
        ({"valid_until": TODAY, "given_on": TODAY}, []),
        ({"withdrawn_on": YESTERDAY, "given_on": TODAY}, [Finding(DATE_ORDER, field="withdrawn_on")]),
        ({"withdrawn_on": TODAY, "given_on": TODAY}, []),
    ],
)
def test_consent_findings(changes, expected):
    student = make_student()
    consent = student_consent(student)
    for name, value in changes.items():
        setattr(consent, name, value)
    assert validate_consent(consent, student, TODAY) == expected


def test_a_guardians_consent_names_the_guardian():
    student = make_student()
    consent = Consent(signer_kind=SignerKind.VARDNADSHAVARE, signer_name="Vårdnadshavare Ett", given_on=TODAY,
                      parties=[Party.SKOLA, Party.SOCIALTJANST])
    assert validate_consent(consent, student, TODAY) == [Finding(REQUIRED, field="guardian")]


def test_a_guardian_of_another_student_is_refused():
    student, other = make_student(), make_student()
    consent = guardian_consent(other.guardians[0])
    assert validate_consent(consent, student, TODAY) == [Finding(Problem.GUARDIAN_NOT_OF_STUDENT, field="guardian")]


# --- plan, goal, insats -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "ok"), [("Närvaro över 80 %", True), ("", False), ("  ", False)])
def test_goal_description_is_required(text, ok):
    assert validate_goal(Goal(description=text)) == ([] if ok else [Finding(REQUIRED, field="description")])


def test_insats_name_and_dates():
    insats = make_insats("Närvarouppföljning")
    assert validate_insats(insats) == []
    insats.start_on, insats.end_on = TODAY, TODAY
    assert validate_insats(insats) == []
    insats.end_on = YESTERDAY
    assert validate_insats(insats) == [Finding(DATE_ORDER, field="end_on")]
    insats.name = ""
    assert validate_insats(insats) == [Finding(REQUIRED, field="name"), Finding(DATE_ORDER, field="end_on")]


def test_plan_findings_name_the_goal_or_insats():
    plan = Handlingsplan(created_on=TODAY, follow_up_on=TODAY)
    plan.goals += [Goal(description="Närvaro över 80 %"), Goal(description=" ")]
    late = make_insats("Föräldrastöd")
    late.start_on, late.end_on = TODAY, YESTERDAY
    plan.insatser += [make_insats("Närvarouppföljning"), late]
    assert validate_plan(plan) == [
        Finding(REQUIRED, " ", "description"),
        Finding(DATE_ORDER, "Föräldrastöd", "end_on"),
    ]


def test_plan_follow_up_cannot_precede_its_creation():
    plan = Handlingsplan(created_on=TODAY, follow_up_on=YESTERDAY)
    assert validate_plan(plan) == [Finding(DATE_ORDER, field="follow_up_on")]
    plan.follow_up_on = None
    assert validate_plan(plan) == []


# --- contact, follow-up, booster, referral -----------------------------------------------------------------


def contact(**changes) -> ContactEntry:
    entry = ContactEntry(on=TODAY, kind=ContactKind.MOTE, participants="Elev, kurator", summary="Samtal om raster")
    for name, value in changes.items():
        setattr(entry, name, value)
    return entry


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"on": None}, [Finding(REQUIRED, field="on")]),
        ({"on": TOMORROW}, [Finding(IN_FUTURE, field="on")]),
        ({"participants": ""}, [Finding(REQUIRED, field="participants")]),
        ({"summary": " "}, [Finding(REQUIRED, field="summary")]),
    ],
)
def test_contact_findings(changes, expected):
    assert validate_contact(contact(**changes), TODAY) == expected


def test_follow_up_rates_every_goal_of_the_plan():
    first, second = Goal(description="Närvaro över 80 %"), Goal(description="Trivs på rasterna")
    plan = Handlingsplan(goals=[first, second])
    follow_up = FollowUp(held_on=TODAY, plan_version=1, ratings=[GoalRating(goal=first, rating=Rating.DELVIS)])
    assert validate_follow_up(follow_up, plan, TODAY) == [
        Finding(Problem.GOAL_NOT_RATED, "Trivs på rasterna", "ratings")]
    follow_up.ratings.append(GoalRating(goal=second, rating=Rating.EJ_UPPNATT))
    assert validate_follow_up(follow_up, plan, TODAY) == []
    assert validate_follow_up(FollowUp(held_on=TODAY, plan_version=1), None, TODAY) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"held_on": None}, [Finding(REQUIRED, field="held_on")]),
        ({"held_on": TOMORROW}, [Finding(IN_FUTURE, field="held_on")]),
        ({"absence_percent": 101.0}, [Finding(Problem.PERCENT_RANGE, field="absence_percent")]),
        ({"absence_percent": -1.0}, [Finding(Problem.PERCENT_RANGE, field="absence_percent")]),
        ({"absence_percent": 0.0}, []),
    ],
)
def test_follow_up_fields(changes, expected):
    follow_up = FollowUp(held_on=TODAY, plan_version=1)
    for name, value in changes.items():
        setattr(follow_up, name, value)
    assert validate_follow_up(follow_up, Handlingsplan(), TODAY) == expected


CLOSED = dt.date(2026, 8, 20)


@pytest.mark.parametrize(
    ("booster", "expected"),
    [
        (Boostertraff(planned_on=dt.date(2026, 11, 20)), []),
        (Boostertraff(planned_on=CLOSED), []),
        (Boostertraff(planned_on=CLOSED - dt.timedelta(days=1)), [Finding(DATE_ORDER, field="planned_on")]),
        (Boostertraff(planned_on=None), [Finding(REQUIRED, field="planned_on")]),
        (Boostertraff(planned_on=dt.date(2026, 11, 20), held=True, held_on=TODAY), []),
        (Boostertraff(planned_on=dt.date(2026, 11, 20), held=True), [Finding(REQUIRED, field="held_on")]),
        (Boostertraff(planned_on=dt.date(2026, 11, 20), held=True, held_on=TOMORROW),
         [Finding(IN_FUTURE, field="held_on")]),
        (Boostertraff(planned_on=dt.date(2026, 11, 20), held=True, held_on=dt.date(2026, 8, 1)),
         [Finding(DATE_ORDER, field="held_on")]),
        (Boostertraff(planned_on=dt.date(2026, 11, 20), held=False, held_on=TOMORROW), []),
        (Boostertraff(planned_on=dt.date(2026, 11, 20), held=None, held_on=TOMORROW), []),
    ],
)
def test_booster_findings(booster, expected):
    assert validate_booster(booster, CLOSED, TODAY) == expected


def test_booster_without_closing_date_checks_no_order():
    assert validate_booster(Boostertraff(planned_on=dt.date(2020, 1, 1)), None, TODAY) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"to_whom": ""}, [Finding(REQUIRED, field="to_whom")]),
        ({"made_on": None}, [Finding(REQUIRED, field="made_on")]),
        ({"made_on": TOMORROW}, [Finding(IN_FUTURE, field="made_on")]),
    ],
)
def test_referral_findings(changes, expected):
    referral = Referral(kind=ReferralKind.ANMALAN, made_on=TODAY, to_whom="Socialtjänstens mottagning")
    for name, value in changes.items():
        setattr(referral, name, value)
    assert validate_referral(referral, TODAY) == expected
