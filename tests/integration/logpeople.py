"""A small team on a real encrypted database file, for the access log's tests: who is who, and acting as them."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from sst_desk.persistence import Database, accounts
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.codes import Level, RaisedBy
from sst_desk.workflow.entities import Case, Student
from doors import door

TEAM = {
    "lead": ("Lena Ledare", Role.TEAMLEDARE),
    "sara": ("Sara Socionom", Role.SKOLSOCIONOM),
    "kim": ("Kim Kurator", Role.KURATOR),
    "admin": ("Adam Admin", Role.ADMINISTRATOR),
}


@dataclass
class Team:
    db: Database
    path: Path
    key: bytes
    people: dict[str, Actor] = field(default_factory=dict)

    def act(self, who: str | None) -> Database:
        """From now on the database acts as ``who`` (None: raw storage access)."""
        self.db.actor = self.people[who] if who is not None else None
        return self.db

    def reopen(self) -> None:
        actor = self.db.actor
        self.db.close()
        self.db = Database.open(self.path, key=self.key)
        self.db.actor = actor


def make_team(folder: Path) -> Team:
    key = os.urandom(32)
    path = folder / "team.sqlite3"
    db = Database.open(path, key=key)
    team = Team(db, path, key)
    for username, (display, role) in TEAM.items():
        record = accounts.add_user(db, username, display, role, "not-a-real-hash", must_change_password=False)
        team.people[username] = record.actor()
    return team


def add_case(team: Team, who: str, first: str, *, protected: bool = False) -> Case:
    """``who`` enrols a fictional student (and becomes responsible for the case)."""
    db = team.act(who)
    student = Student(first_name=first, last_name="Testsson", school="Ekbackeskolan", grade=7,
                      protected_identity=protected)
    return door(db).cases.add_case(Case(student=student, raised_on=dt.date(2026, 11, 2),
                            level=Level.NIVA_2, raised_by=RaisedBy.ELEVHALSA))
