"""Test data for the workflow: fictional students, consents, plans, and cases walked through the real moves.

Everything here is made up. Personal ids are built from a birth date and a
serial with a check digit computed below, so no real person's number is used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

import pytest

from sst_desk.workflow.codes import (
    Authority,
    ClosingReason,
    GoalArea,
    Party,
    Rating,
    SignerKind,
    Stage,
)
from sst_desk.workflow.entities import (
    Case,
    Consent,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Handlingsplan,
    Insats,
    Student,
)
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.process import Move, apply

TODAY = dt.date(2026, 11, 22)
WORKER = "socionom.test"
PARTIES = (Party.SKOLA, Party.SOCIALTJANST)

# The days on which make_case_at takes each step (all before TODAY).
RAISED_ON = dt.date(2026, 8, 17)
CONSENTS_GIVEN_ON = dt.date(2026, 8, 28)
FIRST_FOLLOW_UP_ON = dt.date(2026, 11, 16)
SCHEDULE: dict[Move, dt.date] = {
    Move.ENROL: dt.date(2026, 8, 24),
    Move.START_KARTLAGGNING: dt.date(2026, 8, 31),
    Move.START_PLANERING: dt.date(2026, 9, 14),
    Move.START_GENOMFORANDE: dt.date(2026, 9, 21),
    Move.START_UPPFOLJNING: FIRST_FOLLOW_UP_ON,
    Move.CLOSE: dt.date(2026, 11, 18),
    Move.BOOK_BOOSTER: dt.date(2026, 11, 20),
}


def at(day: dt.date = TODAY, hour: int = 10, tzinfo: dt.tzinfo | None = None) -> dt.datetime:
    """A moment on ``day`` (naive unless ``tzinfo``); moves take their 'today' from it."""
    return dt.datetime.combine(day, dt.time(hour), tzinfo)


def luhn_digit(nine_digits: str) -> int:
    """The check digit of YYMMDDNNN: weights 2,1,2,…, digit sums of the products."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def make_personal_id(born: dt.date, serial: str = "982", *, coordination: bool = False) -> str:
    """A normalised YYYYMMDD-NNNC for a made-up person born on ``born``."""
    day = born.day + 60 if coordination else born.day
    short = f"{born.year % 100:02d}{born.month:02d}{day:02d}{serial}"
    return f"{born.year:04d}{born.month:02d}{day:02d}-{serial}{luhn_digit(short)}"


def make_guardian(name: str = "Vårdnadshavare Ett", *, must_consent: bool = True) -> Guardian:
    return Guardian(name=name, relation="förälder", must_consent=must_consent)


def make_student(
    *,
    guardians: int = 2,
    born: dt.date | None = dt.date(2013, 5, 17),
    first_name: str = "Elev",
    last_name: str = "Exempelsson",
) -> Student:
    """A fictional årskurs-7 student (13 on TODAY) with ``guardians`` vårdnadshavare."""
    names = ["Vårdnadshavare Ett", "Vårdnadshavare Två", "Vårdnadshavare Tre"]
    return Student(
        first_name=first_name,
        last_name=last_name,
        school="Exempelskolan",
        grade=7,
        personal_id=make_personal_id(born) if born else None,
        guardians=[make_guardian(names[i]) for i in range(guardians)],
    )


def make_case(student: Student | None = None, *, raised_on: dt.date = RAISED_ON) -> Case:
    """A case just raised (aktualisering), criteria not yet judged."""
    return Case(student=student or make_student(), raised_on=raised_on, reason="Hög frånvaro", absence_percent=35.0)


def student_consent(
    student: Student,
    *,
    given_on: dt.date = CONSENTS_GIVEN_ON,
    parties: Iterable[Party] = PARTIES,
    valid_until: dt.date | None = None,
    withdrawn_on: dt.date | None = None,
) -> Consent:
    return Consent(
        signer_kind=SignerKind.ELEV,
        signer_name=student.full_name,
        given_on=given_on,
        parties=list(parties),
        valid_until=valid_until,
        withdrawn_on=withdrawn_on,
    )


def guardian_consent(
    guardian: Guardian,
    *,
    given_on: dt.date = CONSENTS_GIVEN_ON,
    parties: Iterable[Party] = PARTIES,
    valid_until: dt.date | None = None,
    withdrawn_on: dt.date | None = None,
) -> Consent:
    return Consent(
        signer_kind=SignerKind.VARDNADSHAVARE,
        signer_name=guardian.name,
        given_on=given_on,
        parties=list(parties),
        valid_until=valid_until,
        withdrawn_on=withdrawn_on,
        guardian=guardian,
    )


def give_all_consents(case: Case, *, given_on: dt.date = CONSENTS_GIVEN_ON) -> None:
    """Consent from the student and every guardian of the case's student."""
    case.consents.append(student_consent(case.student, given_on=given_on))
    case.consents += [guardian_consent(g, given_on=given_on) for g in case.student.guardians]


def make_insats(name: str, goal: Goal | None = None, *, authority: Authority | None = Authority.SKOLA,
                person: str = "Kurator Exempel") -> Insats:
    return Insats(name=name, goal=goal, responsible_authority=authority, responsible_person=person)


def fill_plan(plan: Handlingsplan, *, follow_up_on: dt.date = FIRST_FOLLOW_UP_ON) -> Handlingsplan:
    """Two goals (one on närvaro), two insatser with responsible people, and a follow-up date."""
    attendance = Goal(description="Närvaro över 80 %", area=GoalArea.SKOLNARVARO, baseline="65 %", target="80 %")
    wellbeing = Goal(description="Trivs på rasterna", area=GoalArea.TRIVSEL, position=1)
    plan.goals += [attendance, wellbeing]
    plan.insatser += [
        make_insats("Närvarouppföljning", attendance),
        make_insats("Motiverande samtal", wellbeing, authority=Authority.SOCIALTJANST, person="Socionom Exempel"),
    ]
    plan.follow_up_on = follow_up_on
    return plan


def record_follow_up(case: Case, held_on: dt.date, *, rate: Iterable[Goal] | None = None,
                     rating: Rating = Rating.UPPNATT) -> FollowUp:
    """An uppföljning rating ``rate`` (default: every goal of the current plan)."""
    plan = case.current_plan
    assert plan is not None
    goals = plan.goals if rate is None else list(rate)
    follow_up = FollowUp(held_on=held_on, plan_version=plan.version,
                         ratings=[GoalRating(goal=g, rating=rating) for g in goals])
    case.follow_ups.append(follow_up)
    return follow_up


def make_case_at(stage: Stage, student: Student | None = None, *, tzinfo: dt.tzinfo | None = None) -> Case:
    """A case taken through the real moves (on the SCHEDULE days) until it stands in ``stage``.

    What the next move needs is left undone: at inskrivning there is no
    consent yet, at kartläggning no summary, at planering an empty plan, at
    uppföljning no follow-up. With ``tzinfo`` the steps carry aware times, as in the app.
    """
    case = make_case(student)
    steps: list[tuple[Stage, Move]] = [
        (Stage.INSKRIVNING, Move.ENROL),
        (Stage.KARTLAGGNING, Move.START_KARTLAGGNING),
        (Stage.PLANERING, Move.START_PLANERING),
        (Stage.GENOMFORANDE, Move.START_GENOMFORANDE),
        (Stage.UPPFOLJNING, Move.START_UPPFOLJNING),
        (Stage.AVSLUTAD, Move.CLOSE),
        (Stage.VIDMAKTHALLANDE, Move.BOOK_BOOSTER),
    ]
    for target, move in steps:
        if case.stage is stage:
            break
        if move is Move.ENROL:
            case.criteria_met = True
        elif move is Move.START_KARTLAGGNING:
            give_all_consents(case)
        elif move is Move.START_PLANERING:
            assert case.kartlaggning is not None
            case.kartlaggning.summary = "Frånvaron hänger ihop med oro inför rasterna."
        elif move is Move.START_GENOMFORANDE:
            assert case.current_plan is not None
            fill_plan(case.current_plan)
        elif move is Move.CLOSE:
            record_follow_up(case, FIRST_FOLLOW_UP_ON)
        reason = ClosingReason.MAL_UPPNADDA if move is Move.CLOSE else None
        apply(case, move, by=WORKER, at=at(SCHEDULE[move], tzinfo=tzinfo), closing_reason=reason)
        assert case.stage is target
    assert case.stage is stage, f"make_case_at cannot reach {stage}"
    return case


def close_case(case: Case, day: dt.date, **kwargs: object) -> None:
    """Hold a follow-up rating every goal and close the case that day, goals met."""
    record_follow_up(case, day)
    apply(case, Move.CLOSE, by=WORKER, at=at(day), closing_reason=ClosingReason.MAL_UPPNADDA,
          **kwargs)  # type: ignore[arg-type]


def continue_round(case: Case, held_on: dt.date, next_follow_up: dt.date, *,
                   moment: dt.datetime | None = None) -> None:
    """Hold a follow-up, set the next follow-up date and continue the same plan."""
    record_follow_up(case, held_on, rating=Rating.DELVIS)
    assert case.current_plan is not None
    case.current_plan.follow_up_on = next_follow_up
    apply(case, Move.CONTINUE, by=WORKER, at=moment or at(held_on, 15), comment="Fortsätter enligt plan")


def snapshot(value: object) -> object:
    """A comparable picture of an object graph, including which objects it holds (by identity)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            id(value),
            tuple((f.name, snapshot(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, (list, tuple)):
        return tuple(snapshot(v) for v in value)
    return value


def problems(findings: list[Finding]) -> list[Problem]:
    return [f.problem for f in findings]


def assert_refused(case: Case, move: Move, expected: list[Problem], **kwargs: object) -> None:
    """``apply`` raises with exactly these problems and leaves every part of the case as it was."""
    before = snapshot(case)
    with pytest.raises(ProcessError) as raised:
        apply(case, move, by=WORKER, at=at(), **kwargs)  # type: ignore[arg-type]
    assert problems(raised.value.findings) == expected
    assert snapshot(case) == before
