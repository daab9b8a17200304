"""Migration 0010 (issue 15): meeting time and place, the worker's phone, gymnasiebehörighet.

An existing database (at 0009, with a whole case and an account in it) is backed up, upgraded, and keeps
every row; the new fields then round-trip through SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from alembic import command

from sst_desk.persistence import Database, migrate
from sst_desk.workflow.codes import Behorighet
from doors import door
from logteam import wipe_pg

PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")

ADD_USER_0009 = (
    "INSERT INTO users (username, display_name, role, password_hash, active, must_change_password, created_at) "
    "VALUES ('sara', 'Sara Lind', 'skolsocionom', 'x', 1, 0, '2026-01-01 08:00:00')"
)


def _snapshot_without_new_fields(case) -> tuple:
    return (case.stage, case.closing_reason, [(b.planned_on, b.held, b.held_on, b.notes) for b in case.boosters],
            [(p.version, p.follow_up_on, p.created_on, [g.description for g in p.goals]) for p in case.plans],
            [c.summary for c in case.contacts], [f.held_on for f in case.follow_ups])


def test_an_older_database_keeps_its_data_and_gets_the_new_fields_empty(db_path: Path, walk_case, snap) -> None:
    with Database.open(db_path) as db:
        case = walk_case(db)
        before = _snapshot_without_new_fields(door(db).cases.load_case(case.id))
        with db.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0009")
            conn.exec_driver_sql(ADD_USER_0009)
        assert migrate.current_revision(db.engine) == "0009"

    with Database.open(db_path) as db:
        assert migrate.current_revision(db.engine) == "0010"
        back = door(db).cases.load_case(case.id)
        assert _snapshot_without_new_fields(back) == before
        assert back.booster.start_time is None and back.booster.place == ""
        assert all(p.follow_up_time is None and p.follow_up_place == "" for p in back.plans)
        assert back.gymnasiebehorighet is None
        (sara,) = [u for u in door(db).accounts.list_users() if u.username == "sara"]
        assert sara.phone == "" and sara.display_name == "Sara Lind"
    backups = sorted((db_path.parent / "backups").iterdir())
    assert [b.name.startswith("pre-upgrade-0009-") for b in backups] == [True]


def _set_and_reload(db: Database, case_id: int):
    cases = door(db).cases
    case = cases.load_case(case_id)
    case.booster.start_time = dt.time(14, 30)
    case.booster.place = "Skolans bibliotek, plan 2"
    case.current_plan.follow_up_time = dt.time(8, 15)
    case.current_plan.follow_up_place = "Elevhälsans rum"
    case.gymnasiebehorighet = Behorighet.EJ_BEHORIG
    cases.save_case(case)
    return cases.load_case(case_id)


def _check(back) -> None:
    assert back.booster.start_time == dt.time(14, 30) and back.booster.place == "Skolans bibliotek, plan 2"
    assert back.current_plan.follow_up_time == dt.time(8, 15)
    assert back.current_plan.follow_up_place == "Elevhälsans rum"
    assert back.gymnasiebehorighet is Behorighet.EJ_BEHORIG


def test_the_new_fields_round_trip_in_a_file(db: Database, walk_case) -> None:
    case = walk_case(db)
    _check(_set_and_reload(db, case.id))


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_the_new_fields_round_trip_in_postgresql(walk_case) -> None:
    wipe_pg()
    with Database.open(PG_URL) as pg:
        case = walk_case(pg)
        _check(_set_and_reload(pg, case.id))
