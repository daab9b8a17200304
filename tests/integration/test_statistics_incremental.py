"""The statistics' facts kept per case (persistence.statistics.case_facts) on a real encrypted team file:
after a save of one case, after an attendance import touching one student, and after a case is gone, the
kept facts equal a fresh read, and only the changed cases were read again."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import make_team_db, new_case, open_as

from sst_desk.importers.people import fake_students
from sst_desk.importers.samples import write_csv_export
from sst_desk.persistence import Database
from sst_desk.persistence import statistics as store
from sst_desk.workflow.process import Move, apply
from doors import door

TODAY = dt.date(2026, 11, 20)
PERIOD = (dt.date(2026, 7, 1), dt.date(2027, 6, 30))
START, END = dt.date(2026, 8, 17), dt.date(2026, 11, 13)
PEOPLE = fake_students(6, seed=21)


@pytest.fixture
def team(tmp_path: Path):
    file = tmp_path / "team.sqlite3"
    make_team_db(file)
    db = open_as(file, "sara")
    try:
        for n, (personnummer, name) in enumerate(PEOPLE):
            first, last = name.split(" ", 1)
            case = new_case(first=first, last=last)
            case.student.personal_id = personnummer
            case_id = door(db).cases.add_case(case).id
            if n % 2 == 0:  # half of them enrolled, so their absence windows count
                case = door(db).cases.load_case(case_id)
                case.criteria_met = True
                apply(case, Move.ENROL, by="sara", at=dt.datetime(2026, 9, 14, 9, tzinfo=dt.UTC))
                door(db).cases.save_case(case)
        export = write_csv_export(tmp_path / "first.csv", PEOPLE, START, END, seed=1)
        assert door(db).attendance.import_attendance(export.path, export.spec).committed
        yield db
    finally:
        db.close()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list:
    """The case ids each read of the database asked for (None: every case); the reads themselves are real."""
    store._kept.clear()
    asked: list = []
    real = store.read_case_facts

    def read(session, **kwargs):
        only = kwargs.get("only")
        asked.append(None if only is None else set(only))
        return real(session, **kwargs)

    monkeypatch.setattr(store, "read_case_facts", read)
    return asked


def fresh_read(db: Database) -> list:
    with db.uow() as tx:
        return _real_read(tx.session, visible_to=None, today=TODAY, absence_for=PERIOD)


_real_read = store.read_case_facts


def kept_facts(db: Database) -> list:
    with db.uow() as tx:
        return store.case_facts(tx.session, visible_to=None, today=TODAY, absence_for=PERIOD)


def test_asking_again_reads_no_case(team: Database, reads: list) -> None:
    first = kept_facts(team)
    assert reads == [None] and len(first) == len(PEOPLE)
    assert kept_facts(team) == first == fresh_read(team)
    assert reads == [None]  # nothing changed: nothing read again


def test_after_one_case_is_saved_only_that_case_is_read_again(team: Database, reads: list) -> None:
    before = kept_facts(team)
    changed = next(f for f in before if f.enrolled_on is None)
    case = door(team).cases.load_case(changed.case_id)
    case.criteria_met = True
    apply(case, Move.ENROL, by="sara", at=dt.datetime(2026, 10, 5, 9, tzinfo=dt.UTC))
    door(team).cases.save_case(case)
    after = kept_facts(team)
    assert reads == [None, {changed.case_id}]
    assert after == fresh_read(team) != before
    assert next(f for f in after if f.case_id == changed.case_id).absence_latest is not None


def test_after_an_import_touching_one_student_only_their_cases_are_read_again(team: Database, reads: list,
                                                                              tmp_path: Path) -> None:
    before = kept_facts(team)
    enrolled = next(f for f in before if f.enrolled_on is not None)
    person = next(p for p in PEOPLE if door(team).cases.load_case(enrolled.case_id).student.personal_id == p[0])
    export = write_csv_export(tmp_path / "again.csv", [person], START, END, seed=99)  # other figures
    assert door(team).attendance.import_attendance(export.path, export.spec).stored > 0
    after = kept_facts(team)
    assert reads == [None, {enrolled.case_id}]
    assert after == fresh_read(team)
    assert next(f for f in after if f.case_id == enrolled.case_id) != enrolled


def test_a_case_gone_from_the_scope_is_dropped_and_a_new_one_read(team: Database, reads: list) -> None:
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import cases

    before = kept_facts(team)
    with team.uow() as tx:  # as gallring does: the case row goes (its rows with it)
        tx.session.execute(sa.delete(cases).where(cases.c.id == before[0].case_id))
        tx.commit()
    added = door(team).cases.add_case(new_case(first="Nils", last="Ny")).id
    after = kept_facts(team)
    assert reads == [None, {added}]
    assert after == fresh_read(team)
    assert [f.case_id for f in after] == [f.case_id for f in before[1:]] + [added]


def test_a_deleted_cases_id_given_to_a_new_case_is_read_again(team: Database, reads: list) -> None:
    """SQLite gives the largest id again after its row is deleted: same id, student and revision, other case
    (while another case is saved, so the whole fingerprint changes and the marks are compared)."""
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import case_members, cases

    before = kept_facts(team)
    last = before[-1]
    with team.uow() as tx:
        row = dict(tx.session.execute(sa.select(cases).where(cases.c.id == last.case_id)).mappings().one())
        members = [dict(m) for m in tx.session.execute(
            sa.select(case_members).where(case_members.c.case_id == last.case_id)).mappings()]
        tx.session.execute(sa.delete(cases).where(cases.c.id == last.case_id))  # its members go with it
        row.update(raised_on=last.raised_on - dt.timedelta(days=30), school_contact="Mentor Ny")
        tx.session.execute(sa.insert(cases).values(**row))
        if members:
            tx.session.execute(sa.insert(case_members), members)  # the same people responsible
        tx.session.execute(sa.update(cases).where(cases.c.id == before[0].case_id)
                           .values(revision=cases.c.revision + 1))  # a save of another case
        tx.commit()
    after = kept_facts(team)
    assert reads == [None, {before[0].case_id, last.case_id}]
    assert after == fresh_read(team)
    assert after[-1].raised_on == last.raised_on - dt.timedelta(days=30)
