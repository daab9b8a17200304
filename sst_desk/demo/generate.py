"""Fictional demo cases, taken through the real SST process to every stage.

Everything generated is invented. Names are common Swedish first and last
names combined at random; schools are made up (``demo_names``).

Personnummer: the date is a plausible birth date for the student's årskurs,
the check digit is valid, but the birth serial (the three digits before the
check digit) is always in 980–999, the range Skatteverket sets aside for test
personnummer, so no generated number belongs to a real person. A few students
have no personnummer, and every 40th one a samordningsnummer (day + 60, same
serial range). Phone numbers are in 070-174 06 05…99, a series PTS reserves
for fiction; e-mail addresses are at ``example.se``.

Each case is built the way a worker would: content is added at each stage and
the step is taken with ``workflow.process.apply``, so the guards hold; every
object is checked with ``workflow.validation`` as it is made. The same seed
and ``today`` always give the same cases.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

import sqlalchemy as sa
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from sst_desk.demo import names
from sst_desk.workflow.codes import (
    Assessment,
    Behorighet,
    Authority,
    ClosingReason,
    ContactKind,
    DocumentKind,
    Factor,
    Gender,
    GoalArea,
    Level,
    Party,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)
from sst_desk.workflow.entities import (
    Case,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Insats,
    KartlaggningDocument,
    Referral,
    Student,
)
from sst_desk.workflow import process, validation
from sst_desk.workflow.catalogue import CatalogueEntry, CatalogueError, load_catalogue
from sst_desk.workflow.process import PATHS, Move, apply, open_case, record_booster
from sst_desk.workflow.problems import Finding

if TYPE_CHECKING:
    from sst_desk.persistence import Database

TEST_SERIALS = range(980, 1000)
DEMO_DATABASE_NAME = "demo.sqlite3"
BATCH_SIZE = 500  # cases per transaction in populate()

M = Move


@dataclass(frozen=True)
class Scenario:
    """One path through the process, and where the case rests today."""

    name: str
    moves: tuple[Move, ...] = ()
    tail: tuple[int, int] = (3, 30)  # days since the last step; at least 1, so no step is later today
    overdue: bool = False  # resting in genomförande with the follow-up date passed
    consent_expiring: bool = False
    consent_withdrawn: bool = False  # a guardian withdrew consent while the work goes on
    booster: str = ""  # "held" or "not_held": recorded in vidmakthållande
    closing: ClosingReason | None = None

    @property
    def stage(self) -> Stage:
        return PATHS[self.moves[-1]].target if self.moves else Stage.AKTUALISERING


_TO_PLAN = (M.ENROL, M.START_KARTLAGGNING, M.START_PLANERING)
_TO_RUN = _TO_PLAN + (M.START_GENOMFORANDE,)
_ROUND = (M.START_UPPFOLJNING,)
_CLOSED = _TO_RUN + _ROUND + (M.CLOSE,)

SCENARIOS: dict[str, Scenario] = {s.name: s for s in (
    Scenario("genomforande", _TO_RUN),
    Scenario("aktualisering", (), (1, 20)),
    Scenario("inskrivning", (M.ENROL,), (2, 20)),
    Scenario("kartlaggning", _TO_PLAN[:2], (5, 35)),
    Scenario("planering", _TO_PLAN, (2, 20)),
    Scenario("uppfoljning", _TO_RUN + _ROUND, (1, 12)),
    Scenario("closed_booster_proposed", _CLOSED, (3, 100), closing=ClosingReason.MAL_UPPNADDA),
    Scenario("booster_held", _CLOSED + (M.BOOK_BOOSTER,), (100, 240), booster="held",
             closing=ClosingReason.MAL_UPPNADDA),
    Scenario("genomforande_overdue", _TO_RUN, overdue=True),
    Scenario("not_eligible", (M.NOT_ELIGIBLE,), (5, 200)),
    Scenario("declined", (M.ENROL, M.DECLINED), (5, 200)),
    Scenario("referred_on", _TO_PLAN + (M.REFER_ON,), (5, 200)),
    Scenario("revised_plan", _TO_RUN + _ROUND + (M.REVISE_PLAN, M.START_GENOMFORANDE)),
    Scenario("continue_loop", _TO_RUN + _ROUND + (M.CONTINUE,)),
    Scenario("booster_not_held", _CLOSED + (M.BOOK_BOOSTER,), (100, 240), booster="not_held",
             closing=ClosingReason.MAL_UPPNADDA),
    # Booked some 11–13 weeks ago: the boosterträff is within two weeks (or just past and not recorded).
    Scenario("booster_booked", _CLOSED + (M.BOOK_BOOSTER,), (76, 98), closing=ClosingReason.MAL_UPPNADDA),
    Scenario("genomforande_consent_expiring", _TO_RUN, consent_expiring=True),
    Scenario("closed_after_revision", _CLOSED[:-1] + (M.REVISE_PLAN, M.START_GENOMFORANDE) + _ROUND
             + (M.CLOSE,), (3, 60), closing=ClosingReason.MAL_UPPNADDA),
    Scenario("closed_moved", _CLOSED, (20, 200), closing=ClosingReason.FLYTTAT),
    Scenario("kartlaggning_consent_expiring", _TO_PLAN[:2], (5, 35), consent_expiring=True),
    Scenario("genomforande_consent_withdrawn", _TO_RUN, consent_withdrawn=True),
)}

# One caseload of 40: the first eight cover every stage, the first twenty every scenario.
CYCLE: tuple[str, ...] = tuple(SCENARIOS) + (
    "genomforande", "genomforande", "genomforande_overdue", "genomforande", "continue_loop",
    "uppfoljning", "uppfoljning", "planering", "kartlaggning", "inskrivning",
    "aktualisering", "aktualisering", "closed_booster_proposed", "booster_held", "booster_booked",
    "not_eligible", "referred_on", "revised_plan", "genomforande", "inskrivning",
)

# Days between one step and the step before it.
GAPS: dict[Move, tuple[int, int]] = {
    M.ENROL: (5, 21), M.NOT_ELIGIBLE: (5, 21), M.START_KARTLAGGNING: (7, 21), M.DECLINED: (7, 28),
    M.START_PLANERING: (21, 45), M.START_GENOMFORANDE: (7, 21), M.REFER_ON: (7, 21),
    M.START_UPPFOLJNING: (42, 84), M.CONTINUE: (1, 7), M.REVISE_PLAN: (1, 7), M.CLOSE: (1, 10),
    M.BOOK_BOOSTER: (3, 14),
}
FOLLOW_UP_GAP = GAPS[M.START_UPPFOLJNING]

# Used only when the catalogue files cannot be read (a team file edited by hand and broken).
_FALLBACK_INSATSER = (
    CatalogueEntry("narvarouppfoljning", "Närvarouppföljning", "Uppföljning av närvaron med eleven och hemmet."),
    CatalogueEntry("motiverande_samtal", "Motiverande och stödjande samtal", "Regelbundna samtal med eleven."),
    CatalogueEntry("foraldraskapsstod", "Föräldraskapsstöd", "Individuellt stöd till vårdnadshavare."),
    CatalogueEntry("stod_i_vardagen", "Stöd i vardagen", "Stöd med dygnsrytm och att komma iväg till skolan."),
)
_NOT_FOR_SCHOOL_TEAMS = frozenset({"tfco"})  # a placement, not something a plan at school arranges
_AGES = re.compile(r"(\d+)–(\d+)")
_REFERRAL_TARGETS = {
    ReferralKind.HANVISNING: ("Ungdomsmottagningen", "Vårdcentralen", "Fritidsgården"),
    ReferralKind.ANMALAN: ("Socialtjänstens mottagning, barn och unga",),
    ReferralKind.ANSOKAN: ("Socialtjänstens mottagning, barn och unga",),
    ReferralKind.SIP: ("BUP, mottagningen", "Habiliteringen"),
}
_STREETS = ("Björkvägen", "Storgatan", "Ängsgatan", "Skolvägen", "Kvarngatan", "Tallstigen")


class DemoError(AssertionError):
    """The generator made something the workflow rejects: a bug in this module."""


def _ok(findings: list[Finding], what: str) -> None:
    if findings:
        raise DemoError(f"generated {what} is not valid: {findings}")


def luhn_digit(digits: str) -> int:
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 - index % 2)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def fictional_personal_id(born: dt.date, serial: int, coordination: bool = False) -> str:
    """A personnummer (or samordningsnummer) with a test serial 980–999 and a valid check digit."""
    if serial not in TEST_SERIALS:
        raise ValueError("demo personnummer must use a test serial (980–999)")
    day = born.day + (60 if coordination else 0)
    short = f"{born:%y%m}{day:02d}{serial:03d}"
    return f"{born:%Y%m}{day:02d}-{serial:03d}{luhn_digit(short)}"


def _catalogue_insatser() -> list[CatalogueEntry]:
    try:
        entries = load_catalogue()
    except CatalogueError:
        entries = []
    return [e for e in entries if e.key not in _NOT_FOR_SCHOOL_TEAMS] or list(_FALLBACK_INSATSER)


def _fits(entry: CatalogueEntry, age: int, assessment: Assessment) -> bool:
    if not entry.assessment.allows(assessment):
        return False
    ages = _AGES.search(entry.target_ages)
    if ages:
        return int(ages[1]) <= age <= int(ages[2])
    return age >= 13 if entry.target_ages == "tonår" else True


def scenario_plan(count: int, rng: random.Random) -> list[Scenario]:
    """``count`` scenarios, every stage among the first eight, in a shuffled order."""
    chosen = [SCENARIOS[CYCLE[i % len(CYCLE)]] for i in range(count)]
    rng.shuffle(chosen)
    return chosen


def iter_cases(students: int = 40, seed: int = 1, today: dt.date | None = None,
               by: str | None = None, taken_ids: Iterable[str] = ()) -> Iterator[Case]:
    """Fictional cases in memory (no database), one at a time.

    ``by`` records every step as taken by that user; by default each case's
    fictional socionom takes them. No personnummer in ``taken_ids`` is used again.
    """
    if students < 1:
        raise ValueError("the number of students must be at least 1")
    today = today or dt.date.today()
    rng = random.Random(seed)
    insatser = _catalogue_insatser()
    used_ids = set(taken_ids)
    for index, scenario in enumerate(scenario_plan(students, rng)):
        yield _CaseMaker(rng, today, insatser, used_ids, index, by).build(scenario)


def build_cases(students: int = 40, seed: int = 1, today: dt.date | None = None,
                by: str | None = None, taken_ids: Iterable[str] = ()) -> list[Case]:
    """All of ``iter_cases`` as a list."""
    return list(iter_cases(students, seed, today, by, taken_ids))


def populate(db: Database, students: int = 40, seed: int = 1, today: dt.date | None = None,
             by: str | None = None, members: Iterable[int] = ()) -> list[int]:
    """Add ``students`` fictional cases to ``db`` and return their ids.

    Cases are made and inserted a batch per transaction through the unit of
    work, not with ``db.add_case`` (which reloads each case it stores), so
    5,000 cases take seconds instead of minutes, in little memory. ``members``: user ids made
    responsible for every new case (default: the signed-in person, as with ``add_case``).
    """
    members = list(members) or ([db.actor.user_id] if db.actor is not None else [])
    today = today or dt.date.today()
    # A second run into the same database must not give two students one personnummer.
    from sst_desk.persistence.mapping import case_members as case_members_table
    from sst_desk.persistence.mapping import students as students_table

    with db.uow() as uow:
        taken = {pid for (pid,) in uow.session.execute(sa.select(students_table.c.personal_id)) if pid}
    cases = iter_cases(students, seed, today, by, taken)
    ids: list[int] = []
    while batch := list(islice(cases, BATCH_SIZE)):
        with db.uow() as uow:
            for case in batch:
                uow.cases.add(case)
            uow.session.flush()
            links = [{"case_id": case.id, "user_id": user_id} for case in batch for user_id in members]
            if links:
                uow.session.execute(sa.insert(case_members_table), links)
            uow.commit()
        ids += [case.id for case in batch if case.id is not None]
    return ids


def add_demo_cases(db: Database, students: int, seed: int, today: dt.date) -> list[int]:
    """More fictional cases, with attendance, in an existing database, made by whoever is signed in on ``db``.

    For ``sst-desk demo`` on a database that has users. The cases are written raw in batches, past
    the services, for speed (``populate``), so the check ``services.cases.add_case`` would make is
    made here first: the person must be allowed to add cases (CASE × CREATE; a refusal raises
    ``AccessDeniedError`` and is logged). The signed-in person is responsible for every new case.
    """
    from sst_desk.demo.attendance import add_attendance
    from sst_desk.workflow.access import Action, Resource

    with db.uow() as uow:
        uow.require(Resource.CASE, Action.CREATE)
    assert db.actor is not None
    ids = populate(db, students=students, seed=seed, by=db.actor.label, members=[db.actor.user_id])
    add_attendance(db, ids, seed, today)
    return ids


MEETING_PLACES = ("Skolans konferensrum", "Elevhälsans rum", "Biblioteket, grupprum 2",
                  "Socialtjänstens mottagning, Storgatan 4", "Hemma hos familjen", "Digitalt (länk skickas)")


class _CaseMaker:
    """Builds one case along a scenario, adding realistic content before each step."""

    def __init__(self, rng: random.Random, today: dt.date, insatser: list[CatalogueEntry],
                 used_ids: set[str], index: int, by: str | None = None):
        self.rng, self.today, self.insatser, self.used_ids, self.index = rng, today, insatser, used_ids, index
        self.by = by
        self.worker = ""
        self.next_move: Move | None = None
        # Meeting times, places and gymnasiebehörighet (issue 15) draw from their own generator, so the
        # cases, dates and names a seed gave before stay exactly as they were.
        self.side = random.Random(hash(rng.getstate()[1]) ^ index)  # reads the main generator, draws nothing

    # --- small helpers ---------------------------------------------------------

    def pick(self, items: Iterable[Any]) -> Any:
        return self.rng.choice(tuple(items))

    def between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def days(self, span: tuple[int, int]) -> int:
        return self.rng.randint(*span)

    def at(self, day: dt.date) -> dt.datetime:
        """A moment in working hours on ``day``, local time, stored as UTC like the app's clock."""
        local = dt.datetime.combine(day, dt.time(self.rng.randint(8, 16), self.rng.choice((0, 15, 30, 45))))
        return local.astimezone(dt.timezone.utc)  # a naive time is taken as local here

    def step(self, move: Move, day: dt.date, **kwargs: Any) -> None:
        apply(self.case, move, by=self.by or self.worker, at=self.at(day), **kwargs)

    def view(self, stage: Stage, chance: float = 0.6) -> None:
        if self.rng.random() < chance:
            self.case.set_student_view(stage, self.pick(names.STUDENT_VIEWS))

    # --- dates -------------------------------------------------------------------

    def timeline(self, scenario: Scenario) -> tuple[list[dt.date], int]:
        """The date of raising and of every step, ending ``tail`` days before today."""
        gaps = [self.days(GAPS[m]) for m in scenario.moves]
        follow_gap = self.days(FOLLOW_UP_GAP)
        if scenario.stage is Stage.GENOMFORANDE:
            # The follow-up date decides whether the case is overdue today.
            tail = follow_gap + self.rng.randint(1, 25) if scenario.overdue else self.rng.randint(2, follow_gap - 7)
        else:
            tail = self.days(scenario.tail)
        day = self.today - dt.timedelta(days=tail + sum(gaps))
        dates = [day]
        for gap in gaps:
            day += dt.timedelta(days=gap)
            dates.append(day)
        return dates, follow_gap

    # --- the case ------------------------------------------------------------------

    def build(self, scenario: Scenario) -> Case:
        self.worker = self.pick(names.SOCIONOMER)
        dates, follow_gap = self.timeline(scenario)
        self.case = case = Case(student=self.student(dates[0]), raised_on=dates[0])
        open_case(case, by=self.by or self.worker, at=self.at(dates[0]))
        self.aktualisering(dates[0], dates[1] if len(dates) > 1 else self.today)
        for number, move in enumerate(scenario.moves, start=1):
            day = dates[number]
            resting = number == len(scenario.moves)  # the last step: the case is in this stage today
            until = self.today if resting else dates[number + 1]
            self.next_move = None if resting else scenario.moves[number]
            self.before(move, day, scenario)
            self.step(move, day, closing_reason=scenario.closing if move is M.CLOSE else None)
            self.after(move, day, until, resting, scenario, follow_gap)
        if scenario.consent_withdrawn:
            self.withdraw_guardian_consent(dates[-1])
        self.meetings()
        _ok(validation.validate_case(case, self.today), "case")
        return case

    def meetings(self) -> None:
        """Most booked meetings get a time and a place; a few are left to be decided (as in real files)."""
        side, case = self.side, self.case
        plan = case.current_plan
        if plan is not None and plan.follow_up_on is not None and side.random() < 0.75:
            plan.follow_up_time = dt.time(side.randint(8, 15), side.choice((0, 15, 30, 45)))
            plan.follow_up_place = side.choice(MEETING_PLACES) if side.random() < 0.9 else ""
            _ok(validation.validate_plan(plan), "plan")
        booster = case.booster
        if booster is not None and side.random() < 0.8:
            booster.start_time = dt.time(side.randint(8, 15), side.choice((0, 30)))
            booster.place = side.choice(MEETING_PLACES)
            _ok(validation.validate_booster(booster, case.closed_on, self.today), "boosterträff")

    def behorighet(self, reason: ClosingReason | None) -> None:
        """A closing student in årskurs 9: eligible mostly when the goals were met; sometimes not known."""
        if not process.asks_gymnasiebehorighet(self.case):
            return
        roll = self.side.random()
        if reason is ClosingReason.MAL_UPPNADDA:
            self.case.gymnasiebehorighet = (Behorighet.BEHORIG if roll < 0.7
                                            else Behorighet.EJ_BEHORIG if roll < 0.9 else Behorighet.OKANT)
        else:
            self.case.gymnasiebehorighet = (Behorighet.EJ_BEHORIG if roll < 0.5
                                            else Behorighet.BEHORIG if roll < 0.8 else Behorighet.OKANT)

    def before(self, move: Move, day: dt.date, scenario: Scenario) -> None:
        case = self.case
        if move is M.ENROL:
            case.criteria_met = True
        elif move is M.NOT_ELIGIBLE:
            case.criteria_met = False
            case.closing_note = "Eleven når inte upp till kriterierna; skolan fortsätter arbetet på nivå 1."
        elif move is M.START_KARTLAGGNING:
            self.consents(case.enrolled_on or day, day, scenario.consent_expiring)
        elif move is M.DECLINED:
            self.declined(case.enrolled_on or day, day)
        elif move is M.START_PLANERING:
            self.kartlaggning(day, complete=True)
        elif move is M.START_GENOMFORANDE:
            self.complete_plan(day)
        elif move is M.CONTINUE:
            plan = case.current_plan
            assert plan is not None
            plan.follow_up_on = day + dt.timedelta(days=self.days(FOLLOW_UP_GAP))
        elif move is M.REFER_ON:
            self.referral(self.between(case.kartlaggning.completed_on or day, day), refer_on=True)
            case.closing_note = "Behoven bedöms bättre mötas av annan verksamhet."
        elif move is M.CLOSE:
            self.behorighet(scenario.closing)
            case.closing_note = {
                ClosingReason.MAL_UPPNADDA: "Närvaron är stabil och målen i handlingsplanen är uppnådda.",
                ClosingReason.FLYTTAT: "Familjen har flyttat till en annan kommun.",
            }.get(scenario.closing, "")

    def after(self, move: Move, day: dt.date, until: dt.date, resting: bool, scenario: Scenario,
              follow_gap: int) -> None:
        """Content of the time spent in the new stage, from ``day`` up to ``until`` (today when ``resting``)."""
        case = self.case
        if move is M.ENROL and resting:
            self.consents(day, until, scenario.consent_expiring, partial=True)
        elif move is M.START_KARTLAGGNING:
            self.view(Stage.KARTLAGGNING)
            if resting:
                self.kartlaggning(until, complete=False)
        elif move is M.START_PLANERING and resting:
            self.draft_plan(day, until)
        elif move in (M.START_GENOMFORANDE, M.CONTINUE):
            plan = case.current_plan
            assert plan is not None
            plan.follow_up_on = until if not resting else day + dt.timedelta(days=follow_gap)
            self.contacts(day, until - dt.timedelta(days=1) if not resting else until)
            self.view(Stage.GENOMFORANDE)
        elif move is M.START_UPPFOLJNING:
            last = until - dt.timedelta(days=1) if not resting else until
            if not resting or self.rng.random() < 0.6:
                self.follow_up(self.between(day, last), finished=not resting)
        elif move is M.REVISE_PLAN:
            self.revise(day)
        elif move is M.BOOK_BOOSTER and scenario.booster:
            booster = case.booster
            assert booster is not None
            held = scenario.booster == "held"
            held_on = min(booster.planned_on + dt.timedelta(days=self.rng.randint(0, 7)), self.today)
            notes = ("Närvaron håller i sig; eleven och vårdnadshavare nöjda." if held
                     else "Familjen uteblev; nytt erbjudande skickat per brev.")
            record_booster(case, held=held, held_on=held_on, notes=notes)
            _ok(validation.validate_booster(booster, case.closed_on, self.today), "boosterträff")
        if PATHS[move].target is Stage.AVSLUTAD and case.gymnasiebehorighet is None:
            self.behorighet(case.closing_reason)  # an early exit: recorded on the avslut page
        if PATHS[move].target is Stage.AVSLUTAD and case.booster is not None:
            _ok(validation.validate_booster(case.booster, case.closed_on, self.today), "boosterträff")

    # --- people ----------------------------------------------------------------------

    def student(self, raised_on: dt.date) -> Student:
        rng = self.rng
        gender = rng.choices((Gender.FLICKA, Gender.POJKE, Gender.ANNAT, Gender.EJ_ANGIVET), (48, 48, 2, 2))[0]
        first = self.pick(names.GIRLS if gender is Gender.FLICKA else names.BOYS if gender is Gender.POJKE
                          else names.GIRLS + names.BOYS)
        last = self.pick(names.LAST_NAMES)
        grade = rng.choice((4, 5, 6, 7, 7, 8, 8, 9, 9)) if rng.random() < 0.9 else rng.choice((1, 2, 3, 10))
        school_year = raised_on.year if raised_on.month >= 8 else raised_on.year - 1
        student = Student(first_name=first, last_name=last, school=self.pick(names.SCHOOLS), grade=grade,
                          gender=gender, protected_identity=self.index % 37 == 11)
        if self.index % 20 != 3:
            student.personal_id = self.personal_id(school_year - 6 - grade, gender, self.index % 40 == 7)
        student.guardians = self.guardians(last, student.protected_identity)
        _ok(validation.validate_student(student), "student")
        for guardian in student.guardians:
            _ok(validation.validate_guardian(guardian), "guardian")
        return student

    def personal_id(self, year: int, gender: Gender, coordination: bool) -> str:
        parity = {Gender.FLICKA: 0, Gender.POJKE: 1}.get(gender)
        serials = [s for s in TEST_SERIALS if parity is None or s % 2 == parity]
        while True:
            born = dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(0, 364))
            candidate = fictional_personal_id(born, self.pick(serials), coordination)
            if candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate

    def guardians(self, last_name: str, protected: bool) -> list[Guardian]:
        rng = self.rng
        count = 2 if rng.random() < 0.75 else 1
        found = []
        for number in range(count):
            woman = (number == 0) == (rng.random() < 0.8)
            first = self.pick(names.ADULT_WOMEN if woman else names.ADULT_MEN)
            surname = last_name if rng.random() < 0.7 else self.pick(names.LAST_NAMES)
            guardian = Guardian(
                name=f"{first} {surname}",
                relation=self.pick(names.RELATIONS_WOMAN if woman else names.RELATIONS_MAN),
                phone=f"{names.PHONE_PREFIX}{rng.randint(*names.PHONE_RANGE):02d}",
                email=f"{_ascii(first)}.{_ascii(surname)}@example.se",
                address="" if protected else f"{self.pick(_STREETS)} {rng.randint(1, 60)}, 999 99 Exempelby",
                interpreter_language=self.pick(names.INTERPRETER_LANGUAGES) if rng.random() < 0.15 else "",
            )
            if number == 1 and rng.random() < 0.15:
                guardian.must_consent = False
                guardian.relation += " (ej vårdnadshavare)"
            found.append(guardian)
        return found

    # --- stages ----------------------------------------------------------------------

    def aktualisering(self, raised_on: dt.date, until: dt.date) -> None:
        case, rng = self.case, self.rng
        case.level = Level.NIVA_3 if rng.random() < 0.35 else Level.NIVA_2
        case.raised_by = rng.choices(list(RaisedBy), (40, 25, 15, 5, 10, 5))[0]
        case.raised_by_name = self.pick(names.SCHOOL_STAFF) if case.raised_by is RaisedBy.SKOLA else ""
        case.reason = self.pick(names.REASONS)
        case.absence_percent = float(rng.randint(15, 85))
        case.school_measures = rng.sample(list(SchoolMeasure), rng.randint(1, 4))
        case.school_measures_note = self.pick(names.MEASURES_NOTES)
        case.socionom = self.worker
        case.school_contact = self.pick(names.SCHOOL_STAFF)
        if rng.random() < 0.25:
            case.assessment = Assessment.EFTER_BESLUT
            case.decision_on = self.between(raised_on, until)
            case.decision_ref = f"SN {raised_on.year}/{rng.randint(100, 9999):04d}"
        if rng.random() < 0.5:
            case.criteria_met = True
        self.view(Stage.AKTUALISERING, 0.3)

    def consent(self, kind: SignerKind, name: str, given_on: dt.date, guardian: Guardian | None,
                expiring: bool) -> Consent:
        parties = [Party.SKOLA, Party.SOCIALTJANST] + self.rng.sample(
            [Party.ELEVHALSA, Party.REGION, Party.ANNAN], self.rng.randint(0, 2))
        valid_until = (self.today + dt.timedelta(days=self.rng.randint(5, 28)) if expiring
                       else given_on + dt.timedelta(days=365) if self.rng.random() < 0.6 else None)
        consent = Consent(signer_kind=kind, signer_name=name, given_on=given_on, parties=parties,
                          scope_note="Information om skolgång, närvaro och hälsa mellan angivna parter.",
                          valid_until=valid_until, guardian=guardian)
        _ok(validation.validate_consent(consent, self.case.student, self.today), "samtycke")
        self.case.consents.append(consent)
        return consent

    def consents(self, first: dt.date, last: dt.date, expiring: bool, partial: bool = False) -> None:
        """Everyone who must consent signs; ``partial``: only some have signed so far."""
        student = self.case.student
        signers: list[tuple[SignerKind, str, Guardian | None]] = [(SignerKind.ELEV, student.full_name, None)]
        signers += [(SignerKind.VARDNADSHAVARE, g.name, g) for g in student.guardians if g.must_consent]
        if partial:
            signers = signers[: self.rng.randint(0, len(signers))]
        for number, (kind, name, guardian) in enumerate(signers):
            self.consent(kind, name, self.between(first, last), guardian, expiring and number == 0)
        self.view(Stage.INSKRIVNING, 0.5)

    def withdraw_guardian_consent(self, since: dt.date) -> None:
        """A guardian withdraws consent during genomförande: the case list must flag it."""
        consent = next(c for c in self.case.consents if c.guardian is not None and c.withdrawn_on is None)
        consent.withdrawn_on = self.between(since, self.today)
        consent.withdrawn_note = "Vårdnadshavare återkallade samtycket på möte med skolan."
        _ok(validation.validate_consent(consent, self.case.student, self.today), "samtycke")

    def declined(self, first: dt.date, last: dt.date) -> None:
        """The student agreed, then a guardian withdrew (or never gave) consent."""
        student = self.case.student
        self.consent(SignerKind.ELEV, student.full_name, self.between(first, last), None, False)
        guardian = student.guardians[0]
        if self.rng.random() < 0.5:
            given = self.between(first, last)
            consent = self.consent(SignerKind.VARDNADSHAVARE, guardian.name, given, guardian, False)
            consent.withdrawn_on = self.between(given, last)
            consent.withdrawn_note = "Vårdnadshavare återkallade samtycket per telefon."
            _ok(validation.validate_consent(consent, student, self.today), "samtycke")
        self.case.closing_note = f"{guardian.name} vill inte ta emot stöd från teamet."

    def kartlaggning(self, until: dt.date, complete: bool) -> None:
        rng, k = self.rng, self.case.kartlaggning
        assert k is not None and k.started_on is not None
        for kind in rng.sample(list(DocumentKind), rng.randint(2, 6)):
            requested = self.between(k.started_on, until)
            received = self.between(requested, until) if complete or rng.random() < 0.5 else None
            k.documents.append(KartlaggningDocument(kind=kind, requested_on=requested, received_on=received))
        if rng.random() < 0.3:
            k.documents.append(KartlaggningDocument(label="Intyg från BUP", requested_on=k.started_on))
        k.factors = rng.sample(list(Factor), rng.randint(2, 5))
        k.protective_factors = rng.sample(list(ProtectiveFactor), rng.randint(1, 3))
        k.school_notes, k.individual_notes = self.pick(names.SCHOOL_NOTES), self.pick(names.INDIVIDUAL_NOTES)
        k.family_notes, k.other_notes = self.pick(names.FAMILY_NOTES), self.pick(names.OTHER_NOTES)
        k.protective_notes = self.pick(names.PROTECTIVE_NOTES)
        k.guardians_view = self.pick(names.GUARDIAN_VIEWS)
        if complete:
            k.summary = self.pick(names.SUMMARIES)

    def goals(self) -> list[Goal]:
        rng, absence = self.rng, self.case.absence_percent or 40
        found = []
        if rng.random() < 0.85:
            found.append(Goal("Öka skolnärvaron", GoalArea.SKOLNARVARO, "Registrerad frånvaro per månad",
                              f"{absence:.0f} % frånvaro", "under 15 %", target_absence_percent=15.0))
        extra = [
            Goal("Godkänt betyg i matematik", GoalArea.SKOLRESULTAT, "Betyg och omdömen", "F", "E"),
            Goal("Trivas på rasterna", GoalArea.TRIVSEL, "Elevens egen skattning 1–10", "3", "7"),
            Goal("Fungerande morgonrutin", GoalArea.FAMILJ, "Dagar per vecka i tid", "1", "4"),
            Goal("Sova bättre", GoalArea.HALSA, "Elevens sömndagbok", "kl. 02", "kl. 23"),
            Goal("En fritidsaktivitet i veckan", GoalArea.FRITID, "Närvaro på aktiviteten", "0", "1"),
        ]
        found += rng.sample(extra, rng.randint(0 if found else 1, 3))
        for position, goal in enumerate(found):
            goal.position = position
        return found

    def insats(self, goal: Goal | None, start: dt.date, responsible: bool, position: int) -> Insats:
        age = (self.case.student.grade or 5) + 7
        fitting = [e for e in self.insatser if _fits(e, age, self.case.assessment)] or self.insatser
        entry = self.pick(fitting)
        authority = self.pick(list(Authority)[:4] + [Authority.REGION]) if responsible else None
        person = (self.pick(names.SCHOOL_STAFF) if authority is Authority.SKOLA else self.worker
                  if authority is Authority.SOCIALTJANST else "BUP-behandlare" if authority is Authority.REGION
                  else self.case.student.full_name if authority is Authority.ELEV
                  else self.case.student.guardians[0].name) if responsible else ""
        return Insats(name=entry.name, catalogue_key=entry.key, description=entry.description,
                      responsible_authority=authority,
                      responsible_person=person, start_on=start, goal=goal, position=position)

    def draft_plan(self, created: dt.date, until: dt.date) -> None:
        """A plan being written: goals, perhaps insatser, no follow-up date yet."""
        plan = self.case.current_plan
        assert plan is not None
        plan.goals = self.goals()
        if self.rng.random() < 0.6:
            plan.insatser = [self.insats(g, until, self.rng.random() < 0.5, n) for n, g in enumerate(plan.goals)]
        _ok(validation.validate_plan(plan), "handlingsplan")
        self.view(Stage.PLANERING, 0.5)

    def complete_plan(self, start: dt.date) -> None:
        plan = self.case.current_plan
        assert plan is not None
        if not plan.goals:  # a revised plan keeps the goals and insatser it was copied from
            plan.goals = self.goals()
            plan.insatser = [self.insats(g, start, True, n) for n, g in enumerate(plan.goals)]
            if self.rng.random() < 0.4:
                plan.insatser.append(self.insats(None, start, True, len(plan.insatser)))
            plan.guardians_view = self.pick(names.GUARDIAN_VIEWS)
            if self.rng.random() < 0.1:
                self.referral(start, refer_on=False)
        plan.follow_up_on = start + dt.timedelta(days=self.days(FOLLOW_UP_GAP))
        _ok(validation.validate_plan(plan), "handlingsplan")
        self.view(Stage.PLANERING, 0.5)

    def revise(self, day: dt.date) -> None:
        plan = self.case.current_plan
        assert plan is not None and plan.version >= 2
        for goal in plan.goals:
            if goal.area is GoalArea.SKOLNARVARO:
                goal.target = "under 10 %"
        plan.insatser.append(self.insats(plan.goals[0] if plan.goals else None, day, True, len(plan.insatser)))

    def referral(self, day: dt.date, refer_on: bool) -> None:
        kind = self.pick(list(ReferralKind)) if refer_on else ReferralKind.SIP
        referral = Referral(kind=kind, made_on=day, to_whom=self.pick(_REFERRAL_TARGETS[kind]),
                            note="Vårdnadshavare och elev informerade och har samtyckt.")
        _ok(validation.validate_referral(referral, self.today), "referral")
        self.case.referrals.append(referral)

    def contacts(self, first: dt.date, last: dt.date) -> None:
        student = self.case.student
        for _ in range(self.rng.randint(2, 7)):
            who = self.pick((student.first_name, f"{student.first_name}, vårdnadshavare",
                             f"{student.first_name}, mentor", "Vårdnadshavare"))
            entry = ContactEntry(on=self.between(first, max(first, last)), kind=self.pick(list(ContactKind)),
                                 participants=who, summary=self.pick(names.CONTACT_SUMMARIES), author=self.worker)
            _ok(validation.validate_contact(entry, self.today), "contact entry")
            self.case.contacts.append(entry)
        self.case.contacts.sort(key=lambda e: e.on)

    def follow_up(self, held_on: dt.date, finished: bool) -> None:
        plan, rng = self.case.current_plan, self.rng
        assert plan is not None
        start = self.case.absence_percent or 40
        follow_up = FollowUp(held_on=held_on, plan_version=plan.version,
                             absence_percent=float(max(0, round(start * rng.uniform(0.2, 1.05)))),
                             summary=self.pick(names.FOLLOW_UP_SUMMARIES))
        # Ratings that fit what the team decides next (uppnått, delvis, ej uppnått).
        weights = {M.CLOSE: (80, 20, 0), M.REVISE_PLAN: (15, 45, 40), M.CONTINUE: (30, 50, 20)}
        for goal in plan.goals:
            rating = rng.choices(list(Rating), weights.get(self.next_move, (35, 45, 20)))[0]
            follow_up.ratings.append(GoalRating(goal=goal, rating=rating))
        _ok(validation.validate_follow_up(follow_up, plan, self.today), "uppföljning")
        self.case.follow_ups.append(follow_up)
        self.view(Stage.UPPFOLJNING, 0.6 if finished else 0.3)


def _ascii(text: str) -> str:
    return text.lower().translate(str.maketrans("åäöéü", "aaoeu")).replace(" ", "")

