"""The same database on PostgreSQL (needs SST_DESK_TEST_PG_URL, e.g. postgresql+psycopg://u:p@localhost:5433/sst).

The tests drop and rebuild every SST Desk table in that database: point it
at a scratch database only.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sst_desk.persistence import Database, DatabaseUnavailableError, NewerDatabaseError, migrate
from sst_desk.persistence.mapping import metadata
from sst_desk.workflow import process
from sst_desk.workflow.attention import attention, next_due, summarize
from sst_desk.workflow.codes import PlanStatus, Stage
from doors import door
from logteam import wipe_pg

PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")
if not PG_URL and os.environ.get("SST_DESK_REQUIRE_PG"):
    # ./run-tests.sh starts a server and sets both: a missing URL there is a broken setup, not a skip.
    raise RuntimeError("SST_DESK_REQUIRE_PG is set but SST_DESK_TEST_PG_URL is empty")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database"),
]


@pytest.fixture
def pg() -> Iterator[Database]:
    wipe_pg()
    database = Database.open(PG_URL)
    yield database
    database.close()


def test_schema_matches_the_models(pg: Database) -> None:
    password = sa.engine.make_url(PG_URL).password
    assert pg.path is None and pg.url.startswith("postgresql") and (not password or password not in pg.url)
    with pg.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_full_case_survives_a_restart(pg: Database, walk_case, snap) -> None:
    saved = walk_case(pg)
    before = snap(saved)
    pg.close()
    with Database.open(PG_URL) as again:
        assert snap(door(again).cases.load_case(saved.id)) == before


def test_revision_and_rows(pg: Database, walk_case) -> None:
    running = walk_case(pg, until=Stage.GENOMFORANDE)
    new_plan = process.revise_plan(running, dt.date(2025, 4, 1))
    new_plan.follow_up_on = dt.date(2025, 5, 1)  # a running plan keeps its follow-up date (save_problems)
    running.current_plan.goals.pop(0)
    again = door(pg).cases.save_case(running)
    assert [(p.version, p.status, len(p.goals)) for p in again.plans] == [
        (1, PlanStatus.SUPERSEDED, 2),
        (2, PlanStatus.CURRENT, 1),
    ]
    assert [i.goal for i in again.current_plan.insatser] == [None, again.current_plan.goals[0]]
    day = dt.date(2025, 6, 1)
    (row,) = door(pg).cases.case_rows(day)
    summary = summarize(door(pg).cases.load_case(row.case_id), day)
    assert (row.next_due, row.attention) == (next_due(summary), attention(summary, day))


def test_newer_schema_is_refused(pg: Database) -> None:
    with pg.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerDatabaseError):
        Database.open(PG_URL)
    assert migrate.current_revision(pg.engine) == "9999"


def test_an_unreachable_server() -> None:
    url = sa.engine.make_url(PG_URL).set(host="127.0.0.1", port=1)
    with pytest.raises(DatabaseUnavailableError) as info:
        Database.open(url.render_as_string(hide_password=False))
    assert "\n" not in str(info.value)


def test_attendance_import_on_the_server(pg: Database, make_case, tmp_path) -> None:
    """The import's server branch: staged through psycopg, summed per day, upserted; twice changes nothing."""
    from sst_desk.importers.people import fake_students
    from sst_desk.importers.samples import write_csv_export

    people = fake_students(3, seed=21)
    for personnummer, name in people:
        case = make_case(first=name.split()[0], last=name.split()[1])
        case.student.personal_id = personnummer
        door(pg).cases.add_case(case)
    export = write_csv_export(tmp_path / "export.csv", people, dt.date(2026, 9, 1), dt.date(2026, 10, 30),
                              per_lesson=True, seed=2, unknown=1)
    first = door(pg).attendance.import_attendance(export.path, export.spec)
    assert first.ok and first.committed and first.students == 3 and len(first.unmatched) == 1
    unknown = first.unmatched[0].key
    assert first.stored == first.records == len({(p, r.period_start) for p, r in export.rows if p != unknown})
    again = door(pg).attendance.import_attendance(export.path, export.spec)
    assert again.stored == 0 and again.previously_imported is not None
    rows = door(pg).cases.case_rows(dt.date(2026, 10, 30))
    assert all(r.term_absence_percent is not None for r in rows)
    records = door(pg).attendance.attendance_for_case(rows[0].case_id)
    assert records and records == sorted(records, key=lambda r: r.period_start)
