"""The team server's PostgreSQL roles (issue 13): the owner migrates; the runtime role the server connects
as may read and write the data, but only SELECT and INSERT the access log, and create nothing. Every use
case works as the runtime role — a representative walk on a keyed, anchored log, as the server runs it.

Needs the real PostgreSQL (``SST_DESK_TEST_PG_URL`` is the owner, allowed to create roles); the test makes
its own runtime role and drops it afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.importers.attendance_spec import AmountUnit, Column, MappingSpec
from sst_desk.importers.people import fake_students
from sst_desk.persistence import AnchorFile, Database, accounts
from sst_desk.persistence.engine import make_engine
from sst_desk.persistence.pgroles import (
    RoleSetupError,
    ensure_runtime_role,
    runtime_problems,
    runtime_url,
    setup_roles,
)
from sst_desk.reports import ReportContext
from sst_desk.workflow.access import Role
from sst_desk.workflow.logchain import SampleOutcome
from sst_desk.workflow.rules_case import Override
from conftest import new_case, walk
from doors import door
from logteam import PG_URL, needs_pg, wipe_pg

pytestmark = [pytest.mark.postgres, needs_pg]

SECRET = os.urandom(32)


@pytest.fixture
def owner() -> Iterator[sa.Engine]:
    wipe_pg()
    Database.open(PG_URL).close()  # the owner migrates
    engine = make_engine(PG_URL)
    yield engine
    engine.dispose()


@pytest.fixture
def runtime(owner: sa.Engine) -> Iterator[tuple[str, str]]:
    """A fresh runtime role (name, password), set up as ``serve --init`` does; dropped afterwards."""
    name, password = f"sst_runtime_{secrets.token_hex(4)}", secrets.token_urlsafe(18)
    assert ensure_runtime_role(owner, name, password)
    assert not ensure_runtime_role(owner, name, "another")  # exists: left as it is
    setup_roles(owner, name)
    yield name, password
    with owner.begin() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {name}")
        conn.exec_driver_sql(f"DROP ROLE {name}")


def as_runtime(runtime: tuple[str, str]) -> sa.Engine:
    return make_engine(runtime_url(PG_URL, *runtime))


def refused(engine: sa.Engine, sql: str) -> bool:
    """Whether PostgreSQL refuses ``sql`` for lack of a privilege (nothing is changed either way)."""
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)
    except sa.exc.ProgrammingError as exc:
        return getattr(exc.orig, "sqlstate", "") in ("42501",)  # insufficient_privilege (or not the owner)
    return False


def test_the_runtime_role_may_not_update_delete_or_truncate_the_log(owner, runtime) -> None:
    db = Database.open(runtime_url(PG_URL, *runtime))
    try:
        sara = accounts.add_user(db, "sara", "Sara Socionom", Role.SKOLSOCIONOM, "not-a-real-hash",
                                 must_change_password=False).actor()
        door(db, sara).cases.add_case(new_case())  # entries written by the runtime role itself
    finally:
        db.close()
    engine = as_runtime(runtime)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM access_log")).scalar_one() >= 1
        assert refused(engine, "UPDATE access_log SET detail = 'nothing to see' WHERE seq = 1")
        assert refused(engine, "DELETE FROM access_log WHERE seq = 1")
        assert refused(engine, "TRUNCATE access_log")
        assert refused(engine, "ALTER TABLE access_log DISABLE TRIGGER ALL")
        assert refused(engine, "CREATE TABLE sneaky (x int)")
        assert refused(engine, "CREATE FUNCTION sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'")
        assert refused(engine, "UPDATE alembic_version SET version_num = '0001'")
        assert refused(engine, "TRUNCATE cases")  # data rows are deleted one by one (gallring), never truncated
        assert runtime_problems(engine) == []
    finally:
        engine.dispose()
    with Database.open(PG_URL) as db, db.uow() as tx:
        assert tx.accesslog.chain()[0].detail != "nothing to see"


def test_the_owner_or_a_superuser_is_named_as_the_wrong_role(owner) -> None:
    problems = runtime_problems(owner)
    assert any("owns" in p for p in problems) and any("UPDATE the access log" in p for p in problems)


def test_a_table_a_later_migration_adds_is_usable_by_the_runtime_role(owner, runtime) -> None:
    with owner.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE later_table (id serial PRIMARY KEY, note text)")
    engine = as_runtime(runtime)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO later_table (note) VALUES ('x')")
            assert conn.exec_driver_sql("SELECT count(*) FROM later_table").scalar_one() == 1
        assert refused(engine, "DROP TABLE later_table")
    finally:
        engine.dispose()
        with owner.begin() as conn:
            conn.exec_driver_sql("DROP TABLE later_table")


def test_role_names_are_checked_and_the_owner_is_not_its_own_runtime_role(owner) -> None:
    with pytest.raises(RoleSetupError):
        setup_roles(owner, "x; DROP TABLE cases")
    with pytest.raises(RoleSetupError):
        setup_roles(owner, sa.engine.make_url(PG_URL).username)
    with pytest.raises(RoleSetupError):
        ensure_runtime_role(owner, "sst_runtime_nopass", "")


def test_every_use_case_works_as_the_runtime_role(owner, runtime, tmp_path: Path) -> None:
    """The server's way: the runtime role, the log keyed by --init, anchors written; a team's day."""
    anchors = tmp_path / "anchors"
    db = Database.open(runtime_url(PG_URL, *runtime), log_key=SECRET, anchors=AnchorFile(anchors, SECRET),
                       key_log="sst-desk serve --init")
    try:
        admin = accounts.add_user(db, "admin", "Ada Admin", Role.ADMINISTRATOR, "not-a-real-hash",
                                  must_change_password=False).actor()
        people = {}
        for username, name, role in (("tove", "Tove Ek", Role.TEAMLEDARE), ("sara", "Sara Lind", Role.SKOLSOCIONOM),
                                     ("karin", "Karin Berg", Role.KURATOR)):
            people[username] = door(db, admin).accounts.create_user(username, name, role, "ett-forsta-losenord-1")
            door(db, admin).accounts.update_user(people[username].id, display_name=f"{name} (test)")
        users = door(db, admin).accounts.list_users()
        assert {u.username for u in users} == {"admin", "tove", "sara", "karin"}
        sara, tove = people["sara"].actor(), people["tove"].actor()

        (personnummer, name), = fake_students(1, seed=5)
        case = new_case(*name.split(" ", 1))
        case.student.personal_id = personnummer
        db.actor = sara
        walked = walk(db, case=case)  # add the case, then save it through every stage
        assert door(db, sara).cases.load_case(walked.id).id == walked.id
        rows = door(db, sara).cases.case_rows(dt.date(2026, 12, 1))
        assert [r.case_id for r in rows] == [walked.id]

        pdf = door(db, sara).printing.print_document(walked.id, "handlingsplan", report=ReportContext(),
                                                      today=dt.date(2026, 12, 1), plan_version=1,
                                                      override=Override("OSL 25 kap. 12 §", "test"))
        assert pdf[:5] == b"%PDF-"

        export = tmp_path / "franvaro.csv"
        export.write_text("Personnummer;Från;Till;Frånvaro %\n"
                          f"{personnummer};2026-08-17;2026-12-04;35,1\n", encoding="utf-8")
        spec = MappingSpec(name="Per elev", unit=AmountUnit.PERCENT, per_period=True, columns={
            Column.STUDENT: "Personnummer", Column.PERIOD_FROM: "Från", Column.PERIOD_TO: "Till",
            Column.ABSENT: "Frånvaro %"})
        imported = door(db, sara).attendance.import_attendance(export, spec)
        assert imported.ok and imported.committed and imported.stored == 1
        assert len(door(db, sara).attendance.attendance_for_case(walked.id)) == 1

        lead = door(db, tove)
        assert lead.accesslog.query_log(student_id=walked.student.id)
        verified = lead.accesslog.verify_log()
        assert verified.ok and verified.keyed, verified.problems
        head = lead.accesslog.export_head()
        sample = lead.accesslog.draw_sample(dt.date(2000, 1, 1), dt.date(2100, 1, 1), 3)
        check = lead.accesslog.record_sample_check(dt.date(2000, 1, 1), dt.date(2100, 1, 1),
                                                   [r.seq for r in sample], SampleOutcome.OK)
        assert [c.id for c in lead.accesslog.list_sample_checks()] == [check.id]
        assert lead.accesslog.student_access_history(walked.student.id).rows
        assert lead.accesslog.verify_log(head).ok
    finally:
        db.close()
    assert AnchorFile(anchors, SECRET).read().newest is not None


def test_the_servers_init_call_makes_a_missing_runtime_role_without_a_login(owner) -> None:
    """``server.setup.setup_database`` passes the owner's URL and its configuration: a role the configuration
    names that does not exist yet is made NOLOGIN, for the administrator to give a password."""
    from types import SimpleNamespace

    name = f"sst_runtime_{secrets.token_hex(4)}"
    try:
        done = setup_roles(PG_URL, config=SimpleNamespace(runtime_role=name, database=PG_URL))
        assert (done.runtime_role, done.created, done.can_log_in) == (name, True, False)
        again = setup_roles(PG_URL, name)
        assert (again.created, again.can_log_in) == (False, False)
        with owner.connect() as conn:
            assert conn.execute(sa.text("SELECT has_table_privilege(:r, 'access_log', 'UPDATE'), "
                                        "has_table_privilege(:r, 'access_log', 'INSERT')"), {"r": name}).one() \
                == (False, True)
    finally:
        with owner.begin() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {name}")
            conn.exec_driver_sql(f"DROP ROLE {name}")
