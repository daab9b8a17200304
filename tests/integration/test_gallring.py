"""Gallring on a real database file: who may, what is due, what is deleted, what is left (and what is not)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from sst_desk.persistence import AccessDeniedError, CaseNotFound, accounts, backups
from sst_desk.persistence.gallring import NotDueError, cases_due, gallra
from sst_desk.persistence.mapping import (
    access_log,
    boostertraffar,
    cases,
    consents,
    contacts,
    goal_ratings,
    goals,
    guardians,
    students,
    transitions,
)
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case
from doors import door

TODAY = dt.date(2026, 11, 22)
YEARS = 1  # the walked case closes 2025-04-24, boosterträff held 2025-07-22: due 2026-07-22


def person(db, username: str, role: Role):
    return accounts.add_user(db, username, username.title(), role, "not-a-real-hash").actor()


def count(db, table, *where) -> int:
    with db.uow() as uow:
        return uow.session.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one()


@pytest.fixture
def lead(db):
    return person(db, "lead", Role.TEAMLEDARE)


def test_only_the_team_lead_lists_and_deletes(db, walk_case, lead):
    done = walk_case(db)
    kurator = person(db, "kim", Role.KURATOR)
    for who in (kurator, person(db, "admin", Role.ADMINISTRATOR)):
        db.actor = who
        with pytest.raises(AccessDeniedError):
            cases_due(db, YEARS, TODAY)
        with pytest.raises(AccessDeniedError):
            gallra(db, [done.id], years=YEARS, today=TODAY)
    assert count(db, cases) == 1
    assert count(db, access_log, access_log.c.action == "denied") == 4


def test_the_list_shows_closed_cases_past_their_retention_only(db, walk_case, lead):
    done = walk_case(db)
    walk_case(db, until=Stage.GENOMFORANDE)  # open: never due
    db.actor = lead
    assert cases_due(db, YEARS, dt.date(2026, 7, 21)) == []
    (due,) = cases_due(db, YEARS, dt.date(2026, 7, 22))
    assert (due.case_id, due.student_name, due.closed_on, due.due_on) == (
        done.id, "Alva Testsson", dt.date(2025, 4, 24), dt.date(2026, 7, 22))


def test_gallring_deletes_the_case_its_records_and_the_student_and_logs_ids_only(db, walk_case, make_case, lead):
    done = walk_case(db)
    other = walk_case(db, case=make_case("Bo", "Annansson"))
    other_before = count(db, contacts, contacts.c.case_id == other.id)
    db.actor = lead
    result = gallra(db, [done.id, other.id], years=YEARS, today=TODAY)
    assert (result.cases, result.students, result.guardians) == (2, 2, 4)
    assert result.complete, result
    assert other_before > 0
    for table in (cases, students, guardians, consents, contacts, transitions, boostertraffar, goals, goal_ratings):
        assert count(db, table) == 0, table.name
    with db.uow() as uow:
        entries = uow.session.execute(
            sa.select(access_log.c.case_id, access_log.c.student_id, access_log.c.detail)
            .where(access_log.c.action == "delete").order_by(access_log.c.seq)).all()
    assert [(e.case_id, e.detail) for e in entries] == [
        (done.id, "gallring"), (other.id, "gallring"), (None, "gallring:student"), (None, "gallring:student")]
    with pytest.raises(CaseNotFound):
        door(db).cases.load_case(done.id)


def test_a_student_with_another_case_is_kept(db, walk_case, lead):
    done = walk_case(db)
    again = Case(student=door(db).cases.load_case(done.id).student, raised_on=dt.date(2026, 9, 1))
    again = door(db).cases.add_case(again)
    db.actor = lead
    result = gallra(db, [done.id], years=YEARS, today=TODAY)
    assert (result.cases, result.students, result.guardians) == (1, 0, 0)
    assert door(db).cases.load_case(again.id).student.guardians  # the student and their guardians stay with the open case


def test_cases_not_due_are_refused_and_nothing_is_deleted(db, walk_case, lead):
    done = walk_case(db)
    open_case = walk_case(db, until=Stage.GENOMFORANDE)
    db.actor = lead
    with pytest.raises(NotDueError) as raised:
        gallra(db, [done.id, open_case.id, 999], years=YEARS, today=TODAY)
    assert raised.value.case_ids == (open_case.id, 999)
    with pytest.raises(NotDueError):
        gallra(db, [done.id], years=YEARS, today=dt.date(2026, 7, 21))
    assert count(db, cases) == 2


def test_every_older_backup_of_every_kind_is_deleted_and_a_fresh_one_taken(db, db_path, walk_case, make_case, lead):
    done = walk_case(db)
    keep_me = walk_case(db, case=make_case("Cia", "Kvarsson"), until=Stage.PLANERING)
    old = [backups.take_backup(db, backups.AUTO), backups.take_backup(db, backups.MANUAL)]
    folder = old[0].parent
    for name in ("pre-upgrade-0002-20250101-000000.sqlite3", "pre-restore-20250101-000000.sqlite3",
                 ".auto-20250101-000000.sqlite3.0123.tmp"):
        (folder / name).write_bytes(old[0].read_bytes())
    db.actor = lead
    result = gallra(db, [done.id], years=YEARS, today=TODAY)
    assert result.backups_deleted == 5 and not result.leftovers
    assert sorted(folder.iterdir()) == [result.backup]
    backups.verify_backup(result.backup)
    copy = type(db).open(result.backup)
    try:
        assert [c.case_id for c in door(copy).cases.case_rows(TODAY)] == [keep_me.id]
    finally:
        copy.close()


def test_a_protected_students_name_is_left_out_for_a_lead_who_is_not_a_member(db, walk_case, make_case, lead):
    case = make_case("Dana", "Skyddsson")
    case.student.protected_identity = True
    done = walk_case(db, case=case)
    db.actor = lead
    (due,) = cases_due(db, YEARS, TODAY)
    assert (due.case_id, due.student_name, due.protected) == (done.id, "", True)
    db.actor = None  # a protected case's members are chosen by one of its members; here: raw storage
    door(db).cases.set_case_members(done.id, [lead.user_id])
    db.actor = lead
    (due,) = cases_due(db, YEARS, TODAY)
    assert due.student_name == "Dana Skyddsson"
