"""The case file: plain Python classes for everything SST Desk records.

These are ordinary dataclasses. ``sst_desk.persistence.mapping`` maps them
imperatively onto tables, so nothing here knows about the database. They are
``eq=False`` on purpose: identity, not field equality, is what collections and
the ORM need.

Relationships are plain attributes: a ``Case`` holds its ``student``, its
``consents`` and so on, so the process rules in ``process.py`` can be checked
on an object graph built in memory (unit tests) or loaded from a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sst_desk.workflow.codes import (
    Assessment,
    Authority,
    Behorighet,
    ClosingReason,
    ContactKind,
    DocumentKind,
    EventKind,
    Factor,
    FactorGroup,
    Gender,
    GoalArea,
    Level,
    Party,
    PlanStatus,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)


def shares_school_and_socialtjanst(parties: list[Party]) -> bool:
    """What the team's samtycke is for: sharing between socialtjänsten and the school (or its elevhälsa)."""
    chosen = set(parties)
    return Party.SOCIALTJANST in chosen and bool(chosen & {Party.SKOLA, Party.ELEVHALSA})


@dataclass(eq=False)
class Guardian:
    """A vårdnadshavare (or other adult) with their own contact details and consent."""

    name: str
    relation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    interpreter_language: str = ""
    must_consent: bool = True
    id: int | None = None


@dataclass(eq=False)
class Student:
    """The child. ``personal_id`` is normalised (YYYYMMDD-NNNN) or None when the student has none yet."""

    first_name: str
    last_name: str
    school: str
    grade: int | None = None  # årskurs; 0 = förskoleklass, 10–13 = gymnasiet år 1–4
    gender: Gender = Gender.EJ_ANGIVET
    personal_id: str | None = None
    protected_identity: bool = False
    guardians: list[Guardian] = field(default_factory=list)
    id: int | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(eq=False)
class Consent:
    """A samtycke to share information, given by one person, with a scope and a time limit."""

    signer_kind: SignerKind
    signer_name: str
    given_on: dt.date
    parties: list[Party] = field(default_factory=list)
    scope_note: str = ""
    valid_until: dt.date | None = None
    withdrawn_on: dt.date | None = None
    withdrawn_note: str = ""
    guardian: Guardian | None = None
    id: int | None = None

    def is_valid_on(self, day: dt.date) -> bool:
        """Given, not yet expired, not withdrawn, and letting the school and socialtjänsten share."""
        if self.given_on > day:
            return False
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return False
        if self.valid_until is not None and self.valid_until < day:
            return False
        return shares_school_and_socialtjanst(self.parties)


@dataclass(eq=False)
class KartlaggningDocument:
    """One line of the kartläggning's document checklist."""

    kind: DocumentKind | None = None
    label: str = ""  # for documents not in DocumentKind
    requested_on: dt.date | None = None
    received_on: dt.date | None = None
    note: str = ""
    id: int | None = None


@dataclass(eq=False)
class Kartlaggning:
    """The mapping of the student's situation: documents, factors, protective factors."""

    documents: list[KartlaggningDocument] = field(default_factory=list)
    factors: list[Factor] = field(default_factory=list)
    school_notes: str = ""
    individual_notes: str = ""
    family_notes: str = ""
    other_notes: str = ""
    protective_factors: list[ProtectiveFactor] = field(default_factory=list)
    protective_notes: str = ""
    guardians_view: str = ""
    summary: str = ""
    started_on: dt.date | None = None
    completed_on: dt.date | None = None
    id: int | None = None

    def notes_for(self, group: FactorGroup) -> str:
        return {
            FactorGroup.SKOLA: self.school_notes,
            FactorGroup.INDIVID: self.individual_notes,
            FactorGroup.FAMILJ: self.family_notes,
            FactorGroup.YTTERLIGARE: self.other_notes,
        }[group]


@dataclass(eq=False)
class Goal:
    """A handlingsplan goal: what, how it is measured, where it starts, where it should be."""

    description: str
    area: GoalArea = GoalArea.SKOLNARVARO
    measure: str = ""
    baseline: str = ""
    target: str = ""
    position: int = 0
    # For attendance goals: the absence (%) the goal aims at by the follow-up; drawn as the goal line.
    target_absence_percent: float | None = None
    id: int | None = None


@dataclass(eq=False)
class Insats:
    """An intervention in the plan, with who is responsible and when it runs."""

    name: str
    catalogue_key: str | None = None
    description: str = ""
    responsible_authority: Authority | None = None
    responsible_person: str = ""
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    goal: Goal | None = None
    position: int = 0
    id: int | None = None


@dataclass(eq=False)
class Handlingsplan:
    """One version of the individual handlingsplan. Revising keeps the old version."""

    version: int = 1
    status: PlanStatus = PlanStatus.CURRENT
    created_on: dt.date | None = None
    follow_up_on: dt.date | None = None
    # The uppföljning meeting: its time of day (None: not decided or a whole-day note) and where it is held.
    follow_up_time: dt.time | None = None
    follow_up_place: str = ""
    goals: list[Goal] = field(default_factory=list)
    insatser: list[Insats] = field(default_factory=list)
    guardians_view: str = ""
    id: int | None = None


@dataclass(eq=False)
class ContactEntry:
    """A logged contact during genomförande: when, who took part, what was done."""

    on: dt.date
    kind: ContactKind
    participants: str
    summary: str
    author: str = ""
    id: int | None = None


@dataclass(eq=False)
class GoalRating:
    """How one goal stood at an uppföljning."""

    goal: Goal
    rating: Rating
    comment: str = ""
    id: int | None = None


@dataclass(eq=False)
class FollowUp:
    """An uppföljning: each goal of the plan rated, and what was concluded."""

    held_on: dt.date
    plan_version: int
    ratings: list[GoalRating] = field(default_factory=list)
    absence_percent: float | None = None
    summary: str = ""
    id: int | None = None


@dataclass(eq=False)
class Boostertraff:
    """The boosterträff booked some months after avslut."""

    planned_on: dt.date
    held: bool | None = None  # None: not yet; False: did not take place
    held_on: dt.date | None = None
    notes: str = ""
    start_time: dt.time | None = None  # the meeting's time of day on ``planned_on`` (None: not decided)
    place: str = ""  # where it is held, printed on the kallelse and put in the calendar file
    id: int | None = None


@dataclass(eq=False)
class Referral:
    """A hänvisning, anmälan, ansökan or SIP."""

    kind: ReferralKind
    made_on: dt.date
    to_whom: str
    note: str = ""
    id: int | None = None


@dataclass(eq=False)
class StudentView:
    """The student's own view (barnets röst) recorded in one stage."""

    stage: Stage
    text: str = ""
    id: int | None = None


@dataclass(eq=False)
class CaseEvent:
    """Something the worker notes on the skollinje: a school change, a placement, an illness."""

    on: dt.date
    kind: EventKind
    note: str = ""
    id: int | None = None


@dataclass(eq=False)
class Transition:
    """One step of the case through the process: who, when, from, to, why."""

    from_stage: Stage | None
    to_stage: Stage
    at: dt.datetime
    by: str
    comment: str = ""
    id: int | None = None


@dataclass(eq=False)
class Case:
    """An ärende: one student's enrolment with the team, from aktualisering to boosterträff."""

    student: Student
    raised_on: dt.date
    stage: Stage = Stage.AKTUALISERING
    level: Level = Level.NIVA_2
    assessment: Assessment = Assessment.UTAN_BEHOVSPROVNING
    decision_on: dt.date | None = None
    decision_ref: str = ""
    raised_by: RaisedBy = RaisedBy.SKOLA
    raised_by_name: str = ""
    reason: str = ""
    absence_percent: float | None = None
    school_measures: list[SchoolMeasure] = field(default_factory=list)
    school_measures_note: str = ""
    criteria_met: bool | None = None
    socionom: str = ""
    school_contact: str = ""
    enrolled_on: dt.date | None = None
    closed_on: dt.date | None = None
    closing_reason: ClosingReason | None = None
    closing_note: str = ""
    # Recorded at avslut for a student in årskurs 9 only (issue 15's statistics); None for other grades.
    gymnasiebehorighet: Behorighet | None = None
    consents: list[Consent] = field(default_factory=list)
    kartlaggning: Kartlaggning | None = None
    plans: list[Handlingsplan] = field(default_factory=list)
    contacts: list[ContactEntry] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    boosters: list[Boostertraff] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    student_views: list[StudentView] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    events: list[CaseEvent] = field(default_factory=list)  # notes on the skollinje
    revision: int = 1  # bumped by every save; a save from an older copy is refused (see persistence)
    id: int | None = None

    @property
    def current_plan(self) -> Handlingsplan | None:
        current = [p for p in self.plans if p.status is PlanStatus.CURRENT]
        return max(current, key=lambda p: p.version) if current else None

    @property
    def booster(self) -> Boostertraff | None:
        return self.boosters[-1] if self.boosters else None

    def student_view(self, stage: Stage) -> str:
        for view in self.student_views:
            if view.stage is stage:
                return view.text
        return ""

    def set_student_view(self, stage: Stage, text: str) -> None:
        for view in self.student_views:
            if view.stage is stage:
                view.text = text
                return
        if text:
            self.student_views.append(StudentView(stage=stage, text=text))
