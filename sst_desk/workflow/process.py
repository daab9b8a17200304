"""The SST process: which step leads where, what must be true first, and the record of each step.

A *move* is a step a worker takes (``Move.ENROL``, ``Move.CLOSE`` …). Each move
goes from one stage to another; ``blockers(case, move, today)`` says in codes
why it cannot be taken yet (empty when it can), ``warnings`` what the worker
should know but may ignore, and ``apply`` takes the step and records it as a
``Transition`` (who, when, from, to, comment).

The paths (seed 002):

    aktualisering → inskrivning → kartläggning → planering → genomförande
        → uppföljning → avslutad → vidmakthållande (boosterträff)

with the early exits (not eligible, declined, referred on from planering),
and the loop uppföljning → genomförande (same plan, new follow-up date) or
uppföljning → planering (revise: a new plan version, the old one is kept).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from sst_desk.workflow.codes import SCHOOL_GOAL_AREAS, Behorighet, ClosingReason, PlanStatus, Stage
from sst_desk.workflow.entities import Boostertraff, Case, FollowUp, Handlingsplan, Kartlaggning, Transition
from sst_desk.workflow.identity import age_on
from sst_desk.workflow.problems import Finding, ProcessError, Problem

DEFAULT_BOOSTER_MONTHS = 3
CONSENT_WARNING_DAYS = 30
ADULT_AGE = 18


class Move(str, Enum):
    ENROL = "enrol"
    NOT_ELIGIBLE = "not_eligible"
    START_KARTLAGGNING = "start_kartlaggning"
    DECLINED = "declined"
    START_PLANERING = "start_planering"
    START_GENOMFORANDE = "start_genomforande"
    REFER_ON = "refer_on"
    START_UPPFOLJNING = "start_uppfoljning"
    CONTINUE = "continue"
    REVISE_PLAN = "revise_plan"
    CLOSE = "close"
    BOOK_BOOSTER = "book_booster"


@dataclass(frozen=True)
class Path:
    source: Stage
    target: Stage
    forward: bool  # the main way on, as opposed to an exit or a loop back


PATHS: dict[Move, Path] = {
    Move.ENROL: Path(Stage.AKTUALISERING, Stage.INSKRIVNING, True),
    Move.NOT_ELIGIBLE: Path(Stage.AKTUALISERING, Stage.AVSLUTAD, False),
    Move.START_KARTLAGGNING: Path(Stage.INSKRIVNING, Stage.KARTLAGGNING, True),
    Move.DECLINED: Path(Stage.INSKRIVNING, Stage.AVSLUTAD, False),
    Move.START_PLANERING: Path(Stage.KARTLAGGNING, Stage.PLANERING, True),
    Move.START_GENOMFORANDE: Path(Stage.PLANERING, Stage.GENOMFORANDE, True),
    Move.REFER_ON: Path(Stage.PLANERING, Stage.AVSLUTAD, False),
    Move.START_UPPFOLJNING: Path(Stage.GENOMFORANDE, Stage.UPPFOLJNING, True),
    Move.CONTINUE: Path(Stage.UPPFOLJNING, Stage.GENOMFORANDE, False),
    Move.REVISE_PLAN: Path(Stage.UPPFOLJNING, Stage.PLANERING, False),
    Move.CLOSE: Path(Stage.UPPFOLJNING, Stage.AVSLUTAD, True),
    Move.BOOK_BOOSTER: Path(Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE, True),
}

# Closing reasons implied by the early exits.
EXIT_REASONS: dict[Move, ClosingReason] = {
    Move.NOT_ELIGIBLE: ClosingReason.UPPFYLLER_EJ_KRITERIER,
    Move.DECLINED: ClosingReason.AVBOJT,
    Move.REFER_ON: ClosingReason.HANVISAD,
}


def moves_from(stage: Stage) -> list[Move]:
    """The moves open from a stage, main way first."""
    found = [m for m, p in PATHS.items() if p.source is stage]
    return sorted(found, key=lambda m: not PATHS[m].forward)


def forward_move(stage: Stage) -> Move | None:
    return next((m for m in moves_from(stage) if PATHS[m].forward), None)


# --- guards -----------------------------------------------------------------


@dataclass(frozen=True)
class ConsentFacts:
    """What the consent rule needs to know, whether read from a loaded case or from the case list's queries."""

    student_name: str
    student_consented: bool
    adult: bool
    guardians: tuple[tuple[str, bool, bool], ...]  # (name, must consent, has a consent in force)


def missing_consents(facts: ConsentFacts) -> list[Finding]:
    """Valid samtycke from the student and, under 18, every guardian who must consent."""
    found: list[Finding] = []
    if not facts.student_consented:
        found.append(Finding(Problem.CONSENT_MISSING_STUDENT, facts.student_name, "consents"))
    if facts.adult:
        # Custody ends at 18: the student's own consent is all there is to give.
        return found
    if not facts.guardians:
        found.append(Finding(Problem.NO_GUARDIAN, field="guardians"))
    for name, must_consent, consented in facts.guardians:
        if must_consent and not consented:
            found.append(Finding(Problem.CONSENT_MISSING_GUARDIAN, name, "consents"))
    return found


def is_adult(personal_id: str | None, today: dt.date) -> bool:
    return personal_id is not None and age_on(personal_id, today) >= ADULT_AGE


def consent_facts(case: Case, today: dt.date) -> ConsentFacts:
    valid = [c for c in case.consents if c.is_valid_on(today)]
    student = case.student
    return ConsentFacts(
        student_name=student.full_name,
        student_consented=any(c.guardian is None and c.signer_kind.value == "elev" for c in valid),
        adult=is_adult(student.personal_id, today),
        guardians=tuple((g.name, g.must_consent, any(c.guardian is g for c in valid)) for g in student.guardians),
    )


def consent_blockers(case: Case, today: dt.date) -> list[Finding]:
    """Valid samtycke from the student and, under 18, every guardian who must consent."""
    return missing_consents(consent_facts(case, today))


def plan_blockers(plan: Handlingsplan | None) -> list[Finding]:
    """≥ 1 goal, ≥ 1 insats, each with a responsible authority and person, and a follow-up date."""
    if plan is None:
        return [Finding(Problem.PLAN_MISSING)]
    found: list[Finding] = []
    if not plan.goals:
        found.append(Finding(Problem.PLAN_NO_GOAL, field="goals"))
    if not plan.insatser:
        found.append(Finding(Problem.PLAN_NO_INSATS, field="insatser"))
    for insats in plan.insatser:
        if insats.responsible_authority is None or not insats.responsible_person.strip():
            found.append(Finding(Problem.INSATS_NO_RESPONSIBLE, insats.name, "insatser"))
    if plan.follow_up_on is None:
        found.append(Finding(Problem.PLAN_NO_FOLLOW_UP_DATE, field="follow_up_on"))
    return found


def local_date(moment: dt.datetime) -> dt.date:
    """The worker's calendar day at ``moment``: an aware time (the app's clock is UTC) is made local first."""
    return moment.astimezone().date() if moment.tzinfo is not None else moment.date()


def last_entry(case: Case, stage: Stage) -> dt.datetime | None:
    times = [t.at for t in case.transitions if t.to_stage is stage]
    return max(times) if times else None


def _last_exit(case: Case, stage: Stage) -> Transition | None:
    leaving = [t for t in case.transitions if t.from_stage is stage]
    return max(leaving, key=lambda t: t.at) if leaving else None


def follow_up_this_round(case: Case) -> FollowUp | None:
    """The latest uppföljning of the current plan held since the case last entered genomförande.

    A round ends when the case leaves uppföljning. After a revision the new
    round's follow-ups are those of the new plan version. After "continue" the
    plan stays the same, so its follow-ups must be held after the day the round
    was concluded: that day's meeting concluded the previous round.
    """
    since = last_entry(case, Stage.GENOMFORANDE)
    plan = case.current_plan
    concluded = _last_exit(case, Stage.UPPFOLJNING)
    continued_on = local_date(concluded.at) if concluded and concluded.to_stage is Stage.GENOMFORANDE else None
    rounds = [
        (f.held_on, position, f)
        for position, f in enumerate(case.follow_ups)  # recording order breaks a tie on the same day
        if (plan is None or f.plan_version == plan.version)
        and (since is None or f.held_on >= local_date(since))
        and (continued_on is None or f.held_on > continued_on)
    ]
    return max(rounds, key=lambda r: r[:2])[2] if rounds else None


def _rating_blockers(case: Case) -> list[Finding]:
    follow_up = follow_up_this_round(case)
    if follow_up is None:
        return [Finding(Problem.FOLLOW_UP_MISSING, field="follow_ups")]
    plan = case.current_plan
    rated = {id(r.goal) for r in follow_up.ratings}
    goals = plan.goals if plan else []
    return [Finding(Problem.GOAL_NOT_RATED, g.description, "follow_ups") for g in goals if id(g) not in rated]


GYMNASIEBEHORIGHET_GRADE = 9
"""The årskurs whose students leave for gymnasiet: closing their case records gymnasiebehörighet."""


def asks_gymnasiebehorighet(case: Case) -> bool:
    """Whether the avslut of ``case`` records gymnasiebehörighet: its student is in årskurs 9.

    Only the avslut step after uppföljning (``Move.CLOSE``) asks for it; an early exit (not eligible,
    declined, referred on) may record it on the avslut page but is not held up by it. For other grades the
    field is hidden and the statistics ignore it.
    """
    return case.student is not None and case.student.grade == GYMNASIEBEHORIGHET_GRADE


def blockers(case: Case, move: Move, today: dt.date, closing_reason: ClosingReason | None = None) -> list[Finding]:
    """Why ``move`` cannot be taken now; empty when it can."""
    path = PATHS[move]
    if case.stage is not path.source:
        return [Finding(Problem.WRONG_STAGE, case.stage.value)]
    found: list[Finding] = []
    if move is Move.ENROL and case.criteria_met is not True:
        found.append(Finding(Problem.CRITERIA_NOT_MET, field="criteria_met"))
    elif move is Move.START_KARTLAGGNING:
        found += consent_blockers(case, today)
    elif move is Move.START_PLANERING:
        if case.kartlaggning is None or not case.kartlaggning.summary.strip():
            found.append(Finding(Problem.KARTLAGGNING_SUMMARY_MISSING, field="summary"))
    elif move is Move.START_GENOMFORANDE:
        found += plan_blockers(case.current_plan)
    elif move is Move.REFER_ON:
        if not case.referrals:
            found.append(Finding(Problem.REFERRAL_MISSING, field="referrals"))
    elif move in (Move.CONTINUE, Move.REVISE_PLAN):
        follow_up = follow_up_this_round(case)
        if follow_up is None:
            found.append(Finding(Problem.FOLLOW_UP_MISSING, field="follow_ups"))
        elif move is Move.CONTINUE:
            plan = case.current_plan
            if plan is None or plan.follow_up_on is None or plan.follow_up_on <= follow_up.held_on:
                found.append(Finding(Problem.NEXT_FOLLOW_UP_NOT_SET, field="follow_up_on"))
    elif move is Move.CLOSE:
        found += _rating_blockers(case)
        if closing_reason is None and case.closing_reason is None:
            found.append(Finding(Problem.CLOSING_REASON_MISSING, field="closing_reason"))
        if asks_gymnasiebehorighet(case) and case.gymnasiebehorighet is None:
            found.append(Finding(Problem.GYMNASIEBEHORIGHET_MISSING, field="gymnasiebehorighet"))
    elif move is Move.BOOK_BOOSTER:
        if case.booster is None:
            found.append(Finding(Problem.BOOSTER_NOT_PLANNED, field="booster"))
    return found


def warnings(case: Case, move: Move, today: dt.date) -> list[Finding]:
    """What the worker should know before taking ``move``, though it is allowed."""
    found: list[Finding] = []
    if move is Move.START_GENOMFORANDE:
        found += plan_warnings(case.current_plan)
    if move in (Move.START_KARTLAGGNING, Move.START_PLANERING, Move.START_GENOMFORANDE):
        soon = today + dt.timedelta(days=CONSENT_WARNING_DAYS)
        for consent in case.consents:
            if consent.is_valid_on(today) and consent.valid_until is not None and consent.valid_until <= soon:
                found.append(Finding(Problem.CONSENT_EXPIRES_SOON, consent.signer_name, "consents"))
    return found


def plan_warnings(plan: Handlingsplan | None) -> list[Finding]:
    """Seed 001: a plan should always have a goal on skolnärvaro or skolresultat."""
    if plan is not None and plan.goals and not any(g.area in SCHOOL_GOAL_AREAS for g in plan.goals):
        return [Finding(Problem.NO_SCHOOL_GOAL, field="goals")]
    return []


# --- taking a step ------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def booster_date(closed_on: dt.date, months: int) -> dt.date:
    """The proposed boosterträff: ``months`` after ``closed_on``, moved on to Monday when that is a weekend.

    The team meets students on school days; a Saturday proposal had to be corrected by hand every time.
    (Public holidays are not known here; the worker moves such a date.)
    """
    day = add_months(closed_on, months)
    while day.weekday() >= 5:  # Saturday 5, Sunday 6
        day += dt.timedelta(days=1)
    return day


def proposed_booster(case: Case, months: int = DEFAULT_BOOSTER_MONTHS) -> Boostertraff | None:
    """The boosterträff the process proposes: ``booster_date(closed_on, months)`` once the case is closed and
    while none is booked (None otherwise). Closing a case books it; the avslut page offers it again when the
    case was closed by an early exit or the proposal was removed."""
    if case.closed_on is None or case.booster is not None:
        return None
    return Boostertraff(planned_on=booster_date(case.closed_on, months))


def apply(
    case: Case,
    move: Move,
    *,
    by: str,
    at: dt.datetime,
    comment: str = "",
    closing_reason: ClosingReason | None = None,
    booster_months: int = DEFAULT_BOOSTER_MONTHS,
    gymnasiebehorighet: Behorighet | None = None,
) -> Transition:
    """Take ``move`` on ``case`` if its guard allows, and record who did it and when.

    A step to avslut records the day and the reason, keeps ``comment`` as the closing note when none was
    written, and (closing after uppföljning) books the proposed boosterträff. Raises ``ProcessError``
    with the blocking findings otherwise; the case is then unchanged. ``gymnasiebehorighet`` (the close
    step's answer for a student in årskurs 9) is recorded with the step.
    """
    today = local_date(at)
    before = case.gymnasiebehorighet
    if gymnasiebehorighet is not None and move is Move.CLOSE:
        case.gymnasiebehorighet = Behorighet(gymnasiebehorighet)
    found = blockers(case, move, today, closing_reason)
    if found:
        case.gymnasiebehorighet = before
        raise ProcessError(found)
    path = PATHS[move]
    if move is Move.ENROL:
        case.enrolled_on = today
    elif move is Move.START_KARTLAGGNING:
        if case.kartlaggning is None:
            case.kartlaggning = Kartlaggning()
        case.kartlaggning.started_on = case.kartlaggning.started_on or today
    elif move is Move.START_PLANERING:
        assert case.kartlaggning is not None
        case.kartlaggning.completed_on = today
        if case.current_plan is None:
            case.plans.append(Handlingsplan(version=1, created_on=today))
    elif move is Move.REVISE_PLAN:
        revise_plan(case, today)
    if path.target is Stage.AVSLUTAD:
        case.closed_on = today
        case.closing_reason = closing_reason or EXIT_REASONS.get(move) or case.closing_reason
        if comment and not case.closing_note:
            case.closing_note = comment  # the step's comment is the closing note when none was written
        proposal = proposed_booster(case, booster_months) if move is Move.CLOSE else None
        if proposal is not None:
            case.boosters.append(proposal)
    transition = Transition(from_stage=case.stage, to_stage=path.target, at=at, by=by, comment=comment)
    case.transitions.append(transition)
    case.stage = path.target
    return transition


def revise_plan(case: Case, today: dt.date) -> Handlingsplan:
    """Keep the current plan as it was and start a new version with the same goals and insatser."""
    old = case.current_plan
    if old is None:
        new = Handlingsplan(version=1, created_on=today)
        case.plans.append(new)
        return new
    goal_copies = {}
    new = Handlingsplan(
        version=max(p.version for p in case.plans) + 1,
        created_on=today,
        guardians_view=old.guardians_view,
    )
    for goal in old.goals:
        twin = replace(goal, id=None)  # a fresh instance: never copy a mapped object's state
        goal_copies[id(goal)] = twin
        new.goals.append(twin)
    for insats in old.insatser:
        twin = replace(insats, id=None, goal=goal_copies.get(id(insats.goal)))
        new.insatser.append(twin)
    old.status = PlanStatus.SUPERSEDED
    case.plans.append(new)
    return new


def record_booster(case: Case, *, held: bool, held_on: dt.date | None, notes: str) -> None:
    """Record whether the boosterträff took place; the case is then complete."""
    if case.stage is not Stage.VIDMAKTHALLANDE or case.booster is None:
        raise ProcessError([Finding(Problem.WRONG_STAGE, case.stage.value)])
    booster = case.booster
    booster.held = held
    booster.held_on = held_on if held else None
    booster.notes = notes


def is_complete(case: Case) -> bool:
    """A case is complete when its boosterträff is recorded, or it was closed without one."""
    if case.stage is Stage.VIDMAKTHALLANDE:
        return case.booster is not None and case.booster.held is not None
    return case.stage is Stage.AVSLUTAD and case.booster is None


def open_case(case: Case, *, by: str, at: dt.datetime, comment: str = "") -> Transition:
    """Record that the case entered the process (aktualisering): the first line of its history."""
    transition = Transition(from_stage=None, to_stage=Stage.AKTUALISERING, at=at, by=by, comment=comment)
    case.transitions.append(transition)
    case.stage = Stage.AKTUALISERING
    return transition
