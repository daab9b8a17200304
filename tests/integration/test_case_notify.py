"""PostgreSQL NOTIFY of changed cases (issue 13, live changes): ids only, sent only when the change commits.

A plain psycopg connection LISTENs on the channel, as the team server's listener does, while the use cases
change cases through a door on the same database. Needs SST_DESK_TEST_PG_URL (a scratch database: every
SST Desk table in it is dropped and rebuilt). On SQLite nothing is sent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from sst_desk.persistence import ConcurrentEditError, Database, accounts, changes
from sst_desk.persistence.changes import CHANNEL, CaseChanged
from sst_desk.workflow.access import Actor, Role

from conftest import new_case
from doors import door
from logteam import wipe_pg

PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")
if not PG_URL and os.environ.get("SST_DESK_REQUIRE_PG"):
    raise RuntimeError("SST_DESK_REQUIRE_PG is set but SST_DESK_TEST_PG_URL is empty")

needs_pg = pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")


@pytest.fixture
def pg() -> Iterator[Database]:
    wipe_pg()
    database = Database.open(PG_URL)
    yield database
    database.close()


@pytest.fixture
def listener() -> Iterator[psycopg.Connection]:
    url = sa.engine.make_url(PG_URL).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANNEL}")
        yield conn


def heard(conn: psycopg.Connection, wait: float = 0.5) -> list[dict]:
    """Every notification on the channel until ``wait`` seconds pass without one."""
    return [json.loads(n.payload) for n in conn.notifies(timeout=wait) if n.channel == CHANNEL]


def actor(db: Database, username: str, role: Role) -> Actor:
    made = accounts.add_user(db, username, username.title() + " Testsson", role, "not-a-real-hash")
    return Actor(made.id, made.username, made.display_name, role)


@pytest.mark.postgres
@needs_pg
def test_a_save_is_told_after_its_commit_with_ids_only(pg: Database, listener: psycopg.Connection) -> None:
    sara = actor(pg, "sara", Role.SKOLSOCIONOM)
    case = door(pg, sara).cases.add_case(new_case())
    assert heard(listener) == [{"case": case.id, "revision": case.revision, "user": sara.user_id}]
    loaded = door(pg, sara).cases.load_case(case.id)
    assert heard(listener, 0.2) == []  # a view changes nothing
    loaded.reason = "Frånvaron har ökat efter jullovet."
    saved = door(pg, sara).cases.save_case(loaded)
    (told,) = heard(listener)
    assert told == {"case": case.id, "revision": saved.revision, "user": sara.user_id}
    assert saved.revision == case.revision + 1
    # ids only: no name, no personnummer, no content of the case
    assert CaseChanged.from_payload(json.dumps(told)) == CaseChanged(case.id, saved.revision, sara.user_id)


@pytest.mark.postgres
@needs_pg
def test_a_refused_save_and_an_uncommitted_change_are_never_told(pg: Database, listener: psycopg.Connection) -> None:
    sara = actor(pg, "sara", Role.SKOLSOCIONOM)
    case = door(pg, sara).cases.add_case(new_case())
    heard(listener)
    stale = door(pg, sara).cases.load_case(case.id)
    fresh = door(pg, sara).cases.load_case(case.id)
    fresh.reason = "Ny bedömning."
    door(pg, sara).cases.save_case(fresh)
    assert len(heard(listener)) == 1
    stale.reason = "En äldre kopia."
    with pytest.raises(ConcurrentEditError):
        door(pg, sara).cases.save_case(stale)
    with pg.uow(sara) as tx:  # notified inside a transaction that is then rolled back: PostgreSQL drops it
        assert changes.notify(tx.session, [case.id], sara.user_id) == [CaseChanged(case.id, fresh.revision + 1,
                                                                                    sara.user_id)]
    with pg.uow(sara) as tx:
        tx.changed(case.id)
        tx.rollback()
        tx.commit()  # nothing left to tell after the rollback
    assert heard(listener, 0.3) == []


@pytest.mark.postgres
@needs_pg
def test_assigning_and_an_attendance_import_tell_the_cases_they_change(pg: Database, listener: psycopg.Connection,
                                                                      tmp_path: Path) -> None:
    from sst_desk.importers.attendance_spec import Column, IdentifierKind, MappingSpec

    tove = actor(pg, "tove", Role.TEAMLEDARE)
    karin = actor(pg, "karin", Role.KURATOR)
    first = door(pg, tove).cases.add_case(new_case("Alva", "Testsson"))
    second = door(pg, tove).cases.add_case(new_case("Bo", "Påhittad"))
    heard(listener)
    door(pg, tove).cases.set_case_members(first.id, [tove.user_id, karin.user_id])
    assert [t["case"] for t in heard(listener)] == [first.id]
    export = tmp_path / "vecka.csv"
    export.write_text("Namn;Datum;Schema;Frånvaro\nBo Påhittad;2026-11-16;300;60\n", encoding="utf-8")
    spec = MappingSpec(name="test", identifier=IdentifierKind.NAME, columns={
        Column.STUDENT: "Namn", Column.DATE: "Datum", Column.SCHEDULED: "Schema", Column.ABSENT: "Frånvaro"})
    result = door(pg, tove).attendance.import_attendance(export, spec)
    assert result.committed and result.stored == 1, result
    assert heard(listener) == [{"case": second.id, "revision": second.revision, "user": tove.user_id}]
    door(pg, tove).attendance.import_attendance(export, spec)  # the same file again: nothing changes
    assert heard(listener, 0.3) == []


def test_a_file_database_tells_nobody(tmp_path: Path) -> None:
    with Database.open(tmp_path / "team.sqlite3") as db:
        case = door(db).cases.add_case(new_case())
        with db.uow() as tx:
            assert not changes.sends(tx.session)
            assert changes.notify(tx.session, [case.id], None) == []
