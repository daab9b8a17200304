"""A team in an encrypted database for the account dialogs' tests: an administrator, workers, a team lead.

Hashing and key wrapping use cheap parameters (``use_cheap``), or Argon2 would make every test slow.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from person import NOW
from doors import door

ADMIN_PW = "ledning-lösen-2026"
FIRST_PW = "första-lösen-1"
PEOPLE = {  # user name: (full name, role value)
    "cia": ("Cia Andersson", "skolsocionom"),
    "dan": ("Dan Berg", "teamledare"),
    "eva": ("Eva Carlsson", "kurator"),
}


def use_cheap() -> None:
    from sst_desk.security import keyfile, passwords

    passwords.use_cheap_parameters_for_tests()
    keyfile.use_cheap_parameters_for_tests()


def make_team(folder: Path):
    """(database signed in as the administrator, {user name: UserRecord}) with the PEOPLE added."""
    from sst_desk.persistence import accounts
    from sst_desk.security import signin
    from sst_desk.workflow.access import Role

    db = signin.create_first_administrator(folder / "team.sqlite3", "admin", "Ada Admin", ADMIN_PW)
    people = {"admin": accounts.get_user(db, db.actor.user_id)}
    for username, (name, role) in PEOPLE.items():
        people[username] = signin.add_account(db, username, name, Role(role), FIRST_PW)
    return db, people


def context_for(db, folder: Path):
    from sst_desk.settings import Settings
    from sst_desk.ui.common.context import AppContext

    settings = Settings.from_file(str(folder / "settings.ini"))
    return AppContext(db=db, settings=settings, user="testare", clock=lambda: NOW)


def log_actions(db) -> list[tuple[str, str]]:
    """(action, detail) of every access log entry, oldest first."""
    from sst_desk.persistence.mapping import access_log

    with db.uow() as uow:
        return [(r.action, r.detail) for r in uow.session.execute(
            sa.select(access_log.c.action, access_log.c.detail).order_by(access_log.c.seq))]


def new_case(db) -> int:
    from sst_desk.workflow.codes import Level, RaisedBy
    from sst_desk.workflow.entities import Case, Student

    student = Student(first_name="Alva", last_name="Testsson", school="Ekbackeskolan", grade=7)
    case = Case(student=student, raised_on=NOW.date(), level=Level.NIVA_2, raised_by=RaisedBy.ELEVHALSA)
    return door(db).cases.add_case(case).id
