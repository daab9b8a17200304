"""``persistence.statistics.case_facts`` on a real SQLite file: every fact equals what the case's own data says.

The expected facts are made here from each case loaded whole (``load_case``) and each student's records
(``records_for_student`` + ``workflow.attendance.summarize``), independently of the grouped queries: by hand
(walked cases, a protected student, records of every kind) and on the demo.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import at, new_case, walk

from sst_desk.demo.attendance import add_attendance
from sst_desk.demo.generate import populate
from sst_desk.persistence import Database
from sst_desk.persistence import statistics as store
from sst_desk.persistence.attendance import records_for_student, term_absence
from sst_desk.persistence.mapping import attendance, case_members, students, users
from sst_desk.persistence.statistics import case_facts
from sst_desk.services import Door
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit, summarize
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case
from sst_desk.workflow.process import local_date
from sst_desk.workflow.stats_model import CaseFacts

TODAY = dt.date(2025, 9, 15)


def expected_facts(case: Case, members: list[int], records: list[AttendanceRecord], today: dt.date) -> CaseFacts:
    """What the statistics must say of ``case``, from the case itself (module docstring of persistence.statistics)."""
    steps = sorted(case.transitions, key=lambda t: t.at)
    if steps:
        first = steps[0].from_stage or Stage.AKTUALISERING
        entries = ((first, case.raised_on), *((t.to_stage, local_date(t.at)) for t in steps))
    else:
        entries = ((case.stage, case.raised_on),)
    goals = []
    if case.plans:
        current = max(case.plans, key=lambda p: p.version)
        for goal in current.goals:
            rated = [(f.held_on, f.id, r.rating) for f in case.follow_ups for r in f.ratings if r.goal.id == goal.id]
            goals.append((goal.area, max(rated, key=lambda x: (x[0], x[1]))[2] if rated else None))
    keys = sorted({i.catalogue_key for p in case.plans for i in p.insatser if i.catalogue_key})

    def absence(start: dt.date, end: dt.date) -> float | None:
        return summarize(records, start, end).absence_percent

    baseline = latest = at_close = None
    e = case.enrolled_on
    if e is not None:
        baseline = absence(e - dt.timedelta(days=56), e - dt.timedelta(days=1))
        ref = case.closed_on or today
        if ref >= e:
            latest = absence(max(e, ref - dt.timedelta(days=27)), ref)
        if case.closed_on is not None and case.closed_on >= e:
            at_close = absence(max(e, case.closed_on - dt.timedelta(days=27)), case.closed_on)
    student = case.student
    return CaseFacts(
        case_id=case.id, student_id=student.id, school=student.school, grade=student.grade, gender=student.gender,
        level=case.level, assessment=case.assessment, raised_by=case.raised_by, raised_on=case.raised_on,
        stage=case.stage, enrolled_on=case.enrolled_on, closed_on=case.closed_on,
        closing_reason=case.closing_reason, gymnasiebehorighet=getattr(case, "gymnasiebehorighet", None),
        stage_entries=tuple(entries), workers=tuple(sorted(members)),
        referrals=tuple(sorted(((r.kind, r.made_on) for r in case.referrals), key=lambda x: x[1])),
        boosters=tuple(sorted(((b.planned_on, b.held, b.held_on) for b in case.boosters), key=lambda x: x[0])),
        goals=tuple(goals), insatser=tuple(keys),
        absence_baseline=baseline, absence_latest=latest, absence_at_close=at_close,
    )


def assert_facts_match(db: Database, facts: list[CaseFacts], today: dt.date) -> None:
    door = Door(db.uow, None)
    with db.uow() as tx:
        members: dict[int, list[int]] = {}
        for case_id, user_id in tx.session.execute(sa.select(case_members.c.case_id, case_members.c.user_id)):
            members.setdefault(case_id, []).append(user_id)
    for fact in facts:
        case = door.cases.load_case(fact.case_id)
        with db.uow() as tx:
            records = records_for_student(tx.session, case.student.id)
        want = expected_facts(case, members.get(case.id, []), records, today)
        for name in ("absence_baseline", "absence_latest", "absence_at_close"):
            got, expected = getattr(fact, name), getattr(want, name)
            assert (got is None) == (expected is None), (case.id, name, got, expected)
            if got is not None:
                assert got == pytest.approx(expected, abs=1e-9), (case.id, name)
        clean = {"absence_baseline": None, "absence_latest": None, "absence_at_close": None}
        assert _replace(fact, **clean) == _replace(want, **clean), case.id


def _replace(fact: CaseFacts, **changes) -> CaseFacts:
    import dataclasses

    return dataclasses.replace(fact, **changes)


def _add_user(db: Database, uid: int, username: str) -> None:
    with db.uow() as tx:
        tx.session.execute(sa.insert(users).values(
            id=uid, username=username, display_name=username.title(), role="skolsocionom", password_hash="x",
            active=True, must_change_password=False, created_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)))
        tx.commit()


def _member(db: Database, case_id: int, user_id: int) -> None:
    with db.uow() as tx:
        tx.session.execute(sa.insert(case_members).values(case_id=case_id, user_id=user_id))
        tx.commit()


def _records(db: Database, student_id: int, rows: list[AttendanceRecord]) -> None:
    with db.uow() as tx:
        tx.session.execute(sa.insert(attendance), [
            {"student_id": student_id, "period_start": r.period_start, "granularity": r.granularity,
             "period_end": r.end, "unit": r.unit, "scheduled": r.scheduled, "absent": r.absent,
             "valid": r.valid, "invalid": r.invalid} for r in rows])
        tx.commit()


def _weeks(first_monday: dt.date, count: int, absent: list[float], unit: Unit = Unit.MINUTES,
           scheduled: float = 1200.0) -> list[AttendanceRecord]:
    return [AttendanceRecord(first_monday + dt.timedelta(weeks=n), Granularity.WEEK,
                             0.0 if n % 9 == 8 else scheduled, absent[n % len(absent)], unit=unit)
            for n in range(count)]


def _days(first: dt.date, count: int, absent: list[float]) -> list[AttendanceRecord]:
    days = [first + dt.timedelta(days=n) for n in range(count)]
    return [AttendanceRecord(d, Granularity.DAY, 300.0, absent[n % len(absent)])
            for n, d in enumerate(d for d in days if d.weekday() < 5)]


@pytest.fixture
def hand_made(db: Database) -> Database:
    """Walked cases at every depth, a protected student, two workers, records of every kind."""
    full = walk(db)  # closed, booked, booster held; revised plan, ratings in two rounds
    planning = walk(db, until=Stage.PLANERING, case=new_case("Bo", "Berg", "Lindskolan"))
    raised = Door(db.uow, None).cases.add_case(new_case("Cleo", "Dahl", "Ekbackeskolan"))
    hidden_case = new_case("Dan", "Ek", "Lindskolan")
    hidden_case.student.protected_identity = True
    hidden = walk(db, until=Stage.GENOMFORANDE, case=hidden_case)
    mixed = walk(db, until=Stage.KARTLAGGNING, case=new_case("Eva", "Fors", "Lindskolan"))
    for uid, name in ((10, "sara"), (11, "karin")):
        _add_user(db, uid, name)
    _member(db, full.id, 10)
    _member(db, hidden.id, 10)
    _member(db, hidden.id, 11)
    _member(db, planning.id, 11)
    monday = dt.date(2024, 9, 2)  # weeks from autumn 2024 to autumn 2025, around every case's dates
    _records(db, full.student.id, _weeks(monday, 56, [600.0, 120.0, 60.0, 0.0, 1300.0]))
    _records(db, planning.student.id, _weeks(monday, 56, [10.0, 20.0], unit=Unit.LESSONS, scheduled=30.0))
    _records(db, raised.student.id, _days(dt.date(2024, 11, 1), 200, [0.0, 300.0, 45.0]))
    # PERIOD and PERCENT records: summed by summarize itself
    _records(db, hidden.student.id, _weeks(monday, 20, [5.0, 50.0], unit=Unit.PERCENT, scheduled=100.0) + [
        AttendanceRecord(dt.date(2024, 11, 18), Granularity.PERIOD, 4000.0, 800.0, end=dt.date(2025, 1, 10))])
    # days and weeks of one student in the same weeks: the week record wins (effective)
    _records(db, mixed.student.id, _weeks(monday, 56, [100.0, 200.0]) + _days(dt.date(2024, 12, 2), 80, [60.0]))
    return db


def test_hand_made_cases_are_what_their_own_data_says(hand_made: Database):
    with hand_made.uow() as tx:
        facts = case_facts(tx.session, visible_to=None, today=TODAY)
    assert len(facts) == 5
    assert [f.case_id for f in facts] == sorted(f.case_id for f in facts)
    assert_facts_match(hand_made, facts, TODAY)
    full = facts[0]
    assert full.stage is Stage.VIDMAKTHALLANDE and full.closing_reason is not None
    assert full.absence_baseline is not None and full.absence_at_close is not None
    assert full.absence_latest == full.absence_at_close  # closed: "latest" ends at avslut
    assert full.goals and all(rating is not None for _area, rating in full.goals)
    assert full.boosters and full.boosters[0][1] is True
    assert full.insatser == ("motiverande_samtal",)  # the insats without a catalogue key is not counted
    assert [f for f in facts if f.stage is Stage.AKTUALISERING][0].absence_baseline is None  # never enrolled


def test_scope_team_lead_counts_protected_cases_a_worker_only_their_own(hand_made: Database):
    with hand_made.uow() as tx:
        everyone = case_facts(tx.session, visible_to=None, today=TODAY)
        lead = case_facts(tx.session, visible_to=(99, True), today=TODAY)
        sara = case_facts(tx.session, visible_to=(10, False), today=TODAY)
        karin = case_facts(tx.session, visible_to=(11, False), today=TODAY)
        nobody = case_facts(tx.session, visible_to=(12, False), today=TODAY)
        protected = {sid for (sid,) in tx.session.execute(
            sa.select(students.c.id).where(students.c.protected_identity.is_(True)))}
    assert lead == everyone and any(f.student_id in protected for f in lead)
    assert {f.case_id for f in sara} == {f.case_id for f in everyone if 10 in f.workers}
    assert {f.case_id for f in karin} == {f.case_id for f in everyone if 11 in f.workers}
    assert len(sara) == 2 and len(karin) == 2 and nobody == []
    by_id = {f.case_id: f for f in everyone}
    assert all(by_id[f.case_id] == f for f in sara + karin)  # the same facts, whoever counts them


def test_a_fixed_number_of_queries_whatever_the_number_of_cases(hand_made: Database):
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    engine = hand_made.engine
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        store._kept.clear()  # a full read both times (a partial one is test_statistics_incremental's)
        with hand_made.uow() as tx:
            case_facts(tx.session, visible_to=None, today=TODAY)
        few = len(statements)
        populate(hand_made, students=30, seed=3, today=TODAY)
        statements.clear()
        store._kept.clear()
        with hand_made.uow() as tx:
            case_facts(tx.session, visible_to=None, today=TODAY)
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    # BEGIN, the fingerprint twice, the marks (3 queries), 9 reads, 2 for the windows summarize sums
    assert len(statements) == few <= 18


def test_the_demo_facts_are_what_the_cases_say(tmp_path: Path):
    db = Database.open(tmp_path / "demo.sqlite3")
    try:
        ids = populate(db, students=60, seed=7, today=TODAY)
        add_attendance(db, ids, 7, TODAY)
        with db.uow() as tx:
            facts = case_facts(tx.session, visible_to=None, today=TODAY)
        assert len(facts) == 60
        assert sum(f.absence_baseline is not None for f in facts) > 20
        assert sum(f.absence_at_close is not None for f in facts) > 3
        assert_facts_match(db, facts, TODAY)
    finally:
        db.close()


def _postgres(test):
    from server_harness import postgres_marks

    for mark in postgres_marks():
        test = mark(test)
    return test


@_postgres
def test_the_demo_facts_on_postgresql_are_what_the_cases_say():
    """The same on PostgreSQL: its date arithmetic (date + integer) and greatest() make the same windows."""
    from server_harness import fresh_database

    with fresh_database() as url:
        db = Database.open(url)
        try:
            ids = populate(db, students=40, seed=11, today=TODAY)
            add_attendance(db, ids, 11, TODAY)
            _records(db, db_student(db, ids[0]), [AttendanceRecord(dt.date(2025, 5, 5), Granularity.PERIOD, 100.0,
                                                                   20.0, unit=Unit.PERCENT, end=dt.date(2025, 5, 30))])
            with db.uow() as tx:
                facts = case_facts(tx.session, visible_to=None, today=TODAY)
                assert facts == case_facts(tx.session, visible_to=(1, True), today=TODAY)
            assert len(facts) == 40 and sum(f.absence_baseline is not None for f in facts) > 10
            assert_facts_match(db, facts, TODAY)
        finally:
            db.close()


def db_student(db: Database, case_id: int) -> int:
    return Door(db.uow, None).cases.load_case(case_id).student.id


def test_term_absence_is_the_same_counting(hand_made: Database):
    """The case list's flag and the statistics count alike: both equal summarize over the term."""
    start, end = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
    with hand_made.uow() as tx:
        figures = term_absence(tx.session, start, end)
        ids = [sid for (sid,) in tx.session.execute(sa.select(students.c.id))]
        for sid in ids:
            want = summarize(records_for_student(tx.session, sid), start, end).absence_percent
            assert (figures.get(sid) is None) == (want is None), sid
            if want is not None:
                assert figures[sid] == pytest.approx(want, abs=1e-9)
        assert term_absence(tx.session, start, end, ids[:2]).keys() <= set(ids[:2])


def test_absence_only_for_the_cases_enrolled_in_the_period(tmp_path: Path):
    """``absence_for``: the figures of the cases enrolled at some time in the period, the same as without it;
    the other cases' are None (the statistics use no other's) and nothing else differs."""
    db = Database.open(tmp_path / "demo.sqlite3")
    try:
        ids = populate(db, students=60, seed=5, today=TODAY)
        add_attendance(db, ids, 5, TODAY)
        period = (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
        with db.uow() as tx:
            full = case_facts(tx.session, visible_to=None, today=TODAY)
            some = case_facts(tx.session, visible_to=None, today=TODAY, absence_for=period)
    finally:
        db.close()
    clean = {"absence_baseline": None, "absence_latest": None, "absence_at_close": None}
    active = 0
    for whole, part in zip(full, some, strict=True):
        assert _replace(whole, **clean) == _replace(part, **clean)
        if whole.enrolled_on is not None and whole.enrolled_on <= period[1] and (
                whole.closed_on is None or whole.closed_on >= period[0]):
            active += 1
            assert part == whole
        else:
            assert _replace(part, **clean) == part
    assert 0 < active < len(full)


def test_facts_kept_in_the_process_are_read_again_after_any_change(hand_made: Database):
    """The kept facts are never stale: a save, a change of members, an import and a new day each read again."""
    from sst_desk.workflow.process import Move, apply

    def facts(today: dt.date = TODAY) -> list[CaseFacts]:
        with hand_made.uow() as tx:
            kept = store.case_facts(tx.session, visible_to=None, today=today)
            assert kept == store.read_case_facts(tx.session, visible_to=None, today=today)
            return kept

    first = facts()
    assert facts() == first
    door = Door(hand_made.uow, None)
    raised = next(f for f in first if f.stage is Stage.AKTUALISERING)
    case = door.cases.load_case(raised.case_id)
    case.criteria_met = True
    apply(case, Move.ENROL, by="sara", at=at(40))
    door.cases.save_case(case)
    moved = facts()
    assert next(f for f in moved if f.case_id == raised.case_id).stage is Stage.INSKRIVNING
    _member(hand_made, raised.case_id, 11)
    assert 11 in next(f for f in facts() if f.case_id == raised.case_id).workers
    enrolled = next(f for f in facts() if f.case_id == raised.case_id)
    assert enrolled.absence_latest is None  # no record in its latest four weeks yet
    _records(hand_made, raised.student_id, [AttendanceRecord(dt.date(2025, 9, 1), Granularity.DAY, 300.0, 300.0)])
    assert next(f for f in facts() if f.case_id == raised.case_id).absence_latest == 100.0
    assert facts(TODAY + dt.timedelta(days=40)) != facts()  # another day: other latest windows


def test_dates_of_transitions_are_local_days(hand_made: Database):
    with hand_made.uow() as tx:
        full = case_facts(tx.session, visible_to=None, today=TODAY)[0]
    assert full.stage_entries[1] == (Stage.INSKRIVNING, local_date(at(1)))
