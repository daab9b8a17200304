"""A small team on any SST Desk database — an encrypted file or the test PostgreSQL — for the tests of the
access log's keyed chain, anchors, lock and database roles (``SST_DESK_TEST_PG_URL``: a scratch database,
wiped by these tests)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sst_desk.persistence import Database, accounts
from sst_desk.persistence.engine import make_engine
from sst_desk.persistence.mapping import metadata
from sst_desk.workflow.access import Actor
from sst_desk.workflow.codes import Level, RaisedBy
from sst_desk.workflow.entities import Case, Student
from doors import door
from logpeople import TEAM

PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")
if not PG_URL and os.environ.get("SST_DESK_REQUIRE_PG"):
    raise RuntimeError("SST_DESK_REQUIRE_PG is set but SST_DESK_TEST_PG_URL is empty")

needs_pg = pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")


def wipe_pg(url: str = PG_URL) -> None:
    """Drop every SST Desk table (and the Alembic version) from the scratch PostgreSQL database."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            metadata.drop_all(conn)
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    finally:
        engine.dispose()


@dataclass
class Site:
    """Where the team's database is: a file (with its SQLCipher key) or a PostgreSQL URL."""

    kind: str  # "sqlite" or "postgresql"
    target: str | Path
    key: bytes | None = None

    def open(self, **kw: Any) -> Database:
        return Database.open(self.target, key=self.key, **kw)


@dataclass
class LogTeam:
    site: Site
    db: Database
    people: dict[str, Actor] = field(default_factory=dict)
    case_ids: dict[str, int] = field(default_factory=dict)

    def as_(self, who: str):
        return door(self.db, self.people[who])

    def reopen(self, **kw: Any) -> None:
        self.db.close()
        self.db = self.site.open(**kw)


def new_site(kind: str, tmp_path: Path) -> Site:
    if kind == "postgresql":
        if not PG_URL:
            pytest.skip("set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
        wipe_pg()
        return Site(kind, PG_URL)
    return Site(kind, tmp_path / "team.sqlite3", os.urandom(32))


def make_log_team(site: Site, *, cases: tuple[str, ...] = ("Alva", "Bo"), **open_kw: Any) -> LogTeam:
    """The team's accounts, and a case per name enrolled by Sara, on a fresh database at ``site``."""
    db = site.open(**open_kw)
    team = LogTeam(site, db)
    for username, (display, role) in TEAM.items():
        record = accounts.add_user(db, username, display, role, "not-a-real-hash", must_change_password=False)
        team.people[username] = record.actor()
    for first in cases:
        student = Student(first_name=first, last_name="Testsson", school="Ekbackeskolan", grade=7)
        case = team.as_("sara").cases.add_case(Case(student=student, raised_on=dt.date(2026, 11, 2),
                                                    level=Level.NIVA_2, raised_by=RaisedBy.ELEVHALSA))
        team.case_ids[first] = case.id
    return team
