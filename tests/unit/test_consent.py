"""Samtycke at inskrivning: whose consent counts, and when (split from test_process.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import (CONSENTS_GIVEN_ON, TODAY, WORKER, assert_refused, at, give_all_consents, guardian_consent, make_case_at, make_student,
                      problems, student_consent)

from sst_desk.workflow.codes import (Party, Stage)
from sst_desk.workflow.entities import (Kartlaggning)
from sst_desk.workflow.problems import Finding, Problem
from sst_desk.workflow.process import (PATHS, Move, apply, blockers,
                                       warnings)

YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


# --- inskrivning: samtycke -----------------------------------------------------------


def consent_case(**student_kwargs):
    return make_case_at(Stage.INSKRIVNING, make_student(**student_kwargs))


def test_without_any_consent_the_student_and_each_guardian_are_named():
    case = consent_case()
    one, two = case.student.guardians
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == [
        Finding(Problem.CONSENT_MISSING_STUDENT, "Elev Exempelsson", "consents"),
        Finding(Problem.CONSENT_MISSING_GUARDIAN, one.name, "consents"),
        Finding(Problem.CONSENT_MISSING_GUARDIAN, two.name, "consents"),
    ]
    assert_refused(case, Move.START_KARTLAGGNING,
                   [Problem.CONSENT_MISSING_STUDENT, Problem.CONSENT_MISSING_GUARDIAN, Problem.CONSENT_MISSING_GUARDIAN])


def test_each_consent_removes_its_own_blocker():
    case = consent_case()
    one, two = case.student.guardians
    case.consents.append(guardian_consent(two))
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == [
        Finding(Problem.CONSENT_MISSING_STUDENT, "Elev Exempelsson", "consents"),
        Finding(Problem.CONSENT_MISSING_GUARDIAN, one.name, "consents"),
    ]
    case.consents.append(student_consent(case.student))
    assert problems(blockers(case, Move.START_KARTLAGGNING, TODAY)) == [Problem.CONSENT_MISSING_GUARDIAN]
    case.consents.append(guardian_consent(one))
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == []


# (valid_until, withdrawn_on, given_on, parties) → counts?
CONSENT_VARIANTS = {
    "plain": (None, None, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SOCIALTJANST], True),
    "valid until today": (TODAY, None, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SOCIALTJANST], True),
    "expired yesterday": (YESTERDAY, None, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SOCIALTJANST], False),
    "withdrawn today": (None, TODAY, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SOCIALTJANST], False),
    "withdrawn yesterday": (None, YESTERDAY, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SOCIALTJANST], False),
    "withdrawal from tomorrow": (None, TOMORROW, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SOCIALTJANST], True),
    "given today": (None, None, TODAY, [Party.SKOLA, Party.SOCIALTJANST], True),
    "dated tomorrow": (None, None, TOMORROW, [Party.SKOLA, Party.SOCIALTJANST], False),
    "one party": (None, None, CONSENTS_GIVEN_ON, [Party.SKOLA], False),
    "one party twice": (None, None, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.SKOLA], False),
    "no parties": (None, None, CONSENTS_GIVEN_ON, [], False),
    "no socialtjänsten": (None, None, CONSENTS_GIVEN_ON, [Party.SKOLA, Party.ELEVHALSA, Party.REGION], False),
    "elevhälsan and socialtjänsten": (None, None, CONSENTS_GIVEN_ON, [Party.ELEVHALSA, Party.SOCIALTJANST], True),
    "no school": (None, None, CONSENTS_GIVEN_ON, [Party.SOCIALTJANST, Party.REGION], False),
}


@pytest.mark.parametrize("variant", CONSENT_VARIANTS, ids=str)
def test_which_student_consents_count(variant):
    valid_until, withdrawn_on, given_on, parties, counts = CONSENT_VARIANTS[variant]
    case = consent_case(guardians=0, born=dt.date(2008, 1, 1))  # adult: only the student's consent matters
    case.consents.append(student_consent(case.student, given_on=given_on, parties=parties,
                                         valid_until=valid_until, withdrawn_on=withdrawn_on))
    expected = [] if counts else [Problem.CONSENT_MISSING_STUDENT]
    assert problems(blockers(case, Move.START_KARTLAGGNING, TODAY)) == expected


@pytest.mark.parametrize("variant", CONSENT_VARIANTS, ids=str)
def test_which_guardian_consents_count(variant):
    valid_until, withdrawn_on, given_on, parties, counts = CONSENT_VARIANTS[variant]
    case = consent_case(guardians=1)
    guardian = case.student.guardians[0]
    case.consents.append(student_consent(case.student))
    case.consents.append(guardian_consent(guardian, given_on=given_on, parties=parties,
                                          valid_until=valid_until, withdrawn_on=withdrawn_on))
    expected = [] if counts else [Finding(Problem.CONSENT_MISSING_GUARDIAN, guardian.name, "consents")]
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == expected


def test_a_withdrawal_takes_effect_on_its_day():
    case = consent_case()
    give_all_consents(case)
    case.consents[0].withdrawn_on = TODAY
    assert problems(blockers(case, Move.START_KARTLAGGNING, YESTERDAY)) == []
    assert problems(blockers(case, Move.START_KARTLAGGNING, TODAY)) == [Problem.CONSENT_MISSING_STUDENT]


def test_a_guardian_who_need_not_consent_is_not_required():
    case = consent_case()
    one, two = case.student.guardians
    two.must_consent = False
    case.consents += [student_consent(case.student), guardian_consent(one)]
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == []


def test_one_guardians_consent_does_not_stand_for_another_or_for_the_student():
    case = consent_case()
    one, two = case.student.guardians
    case.consents += [guardian_consent(one), guardian_consent(one)]
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == [
        Finding(Problem.CONSENT_MISSING_STUDENT, "Elev Exempelsson", "consents"),
        Finding(Problem.CONSENT_MISSING_GUARDIAN, two.name, "consents"),
    ]


def test_a_consent_from_someone_elses_guardian_does_not_count():
    case = consent_case(guardians=1)
    namesake = make_student().guardians[0]  # same name, different person
    assert namesake.name == case.student.guardians[0].name
    case.consents += [student_consent(case.student), guardian_consent(namesake)]
    assert problems(blockers(case, Move.START_KARTLAGGNING, TODAY)) == [Problem.CONSENT_MISSING_GUARDIAN]


@pytest.mark.parametrize("born", [dt.date(2013, 5, 17), None], ids=["child", "no personal id"])
def test_a_child_without_guardians_cannot_go_on(born):
    case = consent_case(guardians=0, born=born)
    case.consents.append(student_consent(case.student))
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == [Finding(Problem.NO_GUARDIAN, field="guardians")]


@pytest.mark.parametrize(
    ("born", "needs_guardian"),
    [
        (dt.date(2008, 11, 22), False),  # 18 today
        (dt.date(2008, 11, 23), True),  # 18 tomorrow
        (dt.date(2000, 2, 29), False),
    ],
)
def test_a_student_of_18_needs_no_guardian(born, needs_guardian):
    case = consent_case(guardians=0, born=born)
    case.consents.append(student_consent(case.student))
    assert problems(blockers(case, Move.START_KARTLAGGNING, TODAY)) == ([Problem.NO_GUARDIAN] if needs_guardian else [])


def test_an_adult_students_former_guardians_need_not_consent():
    """Custody ends at 18: parents still on file must not block an adult's own consent."""
    case = consent_case(guardians=2, born=dt.date(2008, 11, 22))
    case.consents.append(student_consent(case.student))
    assert blockers(case, Move.START_KARTLAGGNING, TODAY) == []
    assert problems(blockers(case, Move.START_KARTLAGGNING, YESTERDAY)) == [
        Problem.CONSENT_MISSING_GUARDIAN, Problem.CONSENT_MISSING_GUARDIAN,
    ]


def test_start_kartlaggning_creates_the_kartlaggning_or_keeps_one_begun():
    case = consent_case()
    give_all_consents(case)
    apply(case, Move.START_KARTLAGGNING, by=WORKER, at=at())
    assert case.kartlaggning is not None and case.kartlaggning.started_on == TODAY

    begun = consent_case()
    give_all_consents(begun)
    begun.kartlaggning = kartlaggning = Kartlaggning(started_on=dt.date(2026, 9, 1))
    apply(begun, Move.START_KARTLAGGNING, by=WORKER, at=at())
    assert begun.kartlaggning is kartlaggning and kartlaggning.started_on == dt.date(2026, 9, 1)


@pytest.mark.parametrize("move", [Move.START_KARTLAGGNING, Move.START_PLANERING, Move.START_GENOMFORANDE])
@pytest.mark.parametrize(("days_left", "warned"), [(0, True), (29, True), (30, True), (31, False), (-1, False)])
def test_consent_expiring_within_30_days_is_a_warning(move, days_left, warned):
    case = make_case_at(PATHS[move].source)
    if not case.consents:
        give_all_consents(case)
    case.consents[0].valid_until = TODAY + dt.timedelta(days=days_left)
    expected = [Finding(Problem.CONSENT_EXPIRES_SOON, "Elev Exempelsson", "consents")] if warned else []
    assert [f for f in warnings(case, move, TODAY) if f.problem is Problem.CONSENT_EXPIRES_SOON] == expected


def test_consent_expiry_is_not_warned_on_other_moves():
    case = make_case_at(Stage.UPPFOLJNING)
    case.consents[0].valid_until = TODAY
    assert warnings(case, Move.CLOSE, TODAY) == []
