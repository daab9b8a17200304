"""Rules behind the account dialogs: the last administrator stays, switching on needs a password,
a new password differs from the old, a case keeps someone responsible, who may see and assign members."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.persistence import AccessDeniedError, accounts
from sst_desk.persistence.accounts import LastAdministratorError
from sst_desk.security import keyfile, passwords, signin
from sst_desk.security.keyfile import KeyFile, key_file_for
from sst_desk.security.passwords import PasswordProblem
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Level, RaisedBy
from sst_desk.workflow.entities import Case, Student
from doors import door

ADMIN_PW = "ledning-lösen-2026"
FIRST_PW = "första-lösen-1"


@pytest.fixture(autouse=True)
def _cheap():
    passwords.use_cheap_parameters_for_tests()
    keyfile.use_cheap_parameters_for_tests()


@pytest.fixture
def db(tmp_path):
    database = signin.create_first_administrator(tmp_path / "team.sqlite3", "admin", "Ada Admin", ADMIN_PW)
    yield database
    database.close()


def add(db, username: str, role: Role) -> accounts.UserRecord:
    return signin.add_account(db, username, username.title(), role, FIRST_PW)


def as_user(db, record: accounts.UserRecord) -> None:
    db.actor = record.actor()


def test_the_last_active_administrator_cannot_switch_themself_off_or_step_down(db):
    admin = db.actor
    with pytest.raises(LastAdministratorError):
        signin.set_active(db, admin.user_id, False)
    with pytest.raises(LastAdministratorError):
        accounts.update_user(db, admin.user_id, role=Role.TEAMLEDARE)
    me = accounts.get_user(db, admin.user_id)
    assert me.active and me.role is Role.ADMINISTRATOR
    assert KeyFile.load(key_file_for(db.path)).has_slot("admin"), "the refused switch-off removed the key slot"


def test_with_a_second_administrator_either_may_step_down(db):
    admin = db.actor
    other = add(db, "bo", Role.ADMINISTRATOR)
    accounts.update_user(db, admin.user_id, role=Role.TEAMLEDARE)
    assert accounts.get_user(db, admin.user_id).role is Role.TEAMLEDARE
    # Bo is now the only active administrator: switching Bo off is refused (even without an actor).
    db.actor = None
    with pytest.raises(LastAdministratorError):
        accounts.update_user(db, other.id, active=False)


def test_switched_off_administrator_does_not_count(db):
    admin = db.actor
    other = add(db, "bo", Role.ADMINISTRATOR)
    signin.set_active(db, other.id, False)
    with pytest.raises(LastAdministratorError):
        signin.set_active(db, admin.user_id, False)


def test_switching_on_needs_a_valid_password_first_and_writes_a_new_slot(db, tmp_path):
    worker = add(db, "cia", Role.SKOLSOCIONOM)
    signin.set_active(db, worker.id, False)
    assert not KeyFile.load(key_file_for(db.path)).has_slot("cia")
    with pytest.raises(PasswordProblem):
        signin.switch_on(db, worker.id, "kort")
    assert not accounts.get_user(db, worker.id).active, "a refused password still switched the account on"
    record = signin.switch_on(db, worker.id, "nytt-lösen-42")
    assert record.active and record.must_change_password
    assert signin.unlock(db.path, "cia", "nytt-lösen-42") == db.key


def test_a_switched_off_account_gets_no_password_slot_by_a_reset(db):
    worker = add(db, "cia", Role.SKOLSOCIONOM)
    signin.set_active(db, worker.id, False)
    with pytest.raises(ValueError):
        signin.reset_password(db, worker.id, "nytt-lösen-42")
    assert not KeyFile.load(key_file_for(db.path)).has_slot("cia")


def test_the_new_password_must_differ_from_the_first_one(db):
    worker = add(db, "cia", Role.KURATOR)
    as_user(db, worker)
    with pytest.raises(PasswordProblem) as refused:
        signin.change_own_password(db, FIRST_PW, FIRST_PW, FIRST_PW)
    assert refused.value.code == "same_as_old"
    assert signin.must_change_password(db)
    signin.change_own_password(db, FIRST_PW, "eget-lösen-77", "eget-lösen-77")
    assert not signin.must_change_password(db)


def test_managing_users_is_for_administrators_only(db):
    lead = add(db, "dan", Role.TEAMLEDARE)
    as_user(db, lead)
    assert len(accounts.list_users(db)) == 2  # to assign cases
    with pytest.raises(AccessDeniedError):
        accounts.list_users(db, manage=True)


def new_case(db) -> int:
    student = Student(first_name="Alva", last_name="Testsson", school="Ekbackeskolan", grade=7)
    case = Case(student=student, raised_on=dt.date(2026, 11, 2), level=Level.NIVA_2, raised_by=RaisedBy.ELEVHALSA)
    return door(db).cases.add_case(case).id


def test_assignment_choices_are_active_workers_and_current_members(db):
    lead = add(db, "dan", Role.TEAMLEDARE)
    worker = add(db, "cia", Role.SKOLSOCIONOM)
    gone = add(db, "eva", Role.KURATOR)
    add(db, "fia", Role.KURATOR)
    signin.set_active(db, signin.add_account(db, "gus", "Gus", Role.KURATOR, FIRST_PW).id, False)
    as_user(db, lead)
    case_id = new_case(db)
    door(db).cases.set_case_members(case_id, [lead.id, gone.id])
    db.actor = None
    signin.set_active(db, gone.id, False)
    as_user(db, lead)
    choices, current = door(db).cases.assignment_choices(case_id)
    assert sorted(u.username for u in choices) == ["cia", "dan", "eva", "fia"]  # not admin, not gus
    assert current == {lead.id, gone.id}
    assert [u.username for u in door(db).cases.case_members(case_id)] == ["dan", "eva"]
    as_user(db, worker)
    with pytest.raises(AccessDeniedError):
        door(db).cases.assignment_choices(case_id)
    with pytest.raises(AccessDeniedError):
        door(db).cases.case_members(case_id)  # not her case


def test_a_case_keeps_someone_responsible(db):
    lead = add(db, "dan", Role.TEAMLEDARE)
    as_user(db, lead)
    case_id = new_case(db)
    with pytest.raises(ValueError):
        door(db).cases.set_case_members(case_id, [])
    assert door(db).cases.case_member_ids(case_id) == [lead.id]
