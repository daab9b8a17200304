"""PERIOD and PERCENT records in the database (issue 11): migration 0006, staging/upsert, reading back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from conftest import make_team_db, new_case, open_as
from sqlalchemy.orm import Session

from sst_desk.importers.people import fake_students
from sst_desk.persistence import Database, migrate
from sst_desk.persistence import attendance as store
from sst_desk.persistence.mapping import attendance, students
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit, summarize
from doors import door

PEOPLE = fake_students(2, seed=23)
D = dt.date


@pytest.fixture
def team(tmp_path: Path):
    file = tmp_path / "team.sqlite3"
    make_team_db(file)
    db = open_as(file, "sara")
    for personnummer, name in PEOPLE:
        first, last = name.split(" ", 1)
        case = new_case(first=first, last=last)
        case.student.personal_id = personnummer
        door(db).cases.add_case(case)
    yield db
    db.close()


def student_ids(db: Database) -> list[int]:
    with db.engine.connect() as connection:
        return list(connection.execute(sa.select(students.c.id).order_by(students.c.id)).scalars())


def stage_and_store(session: Session, rows: list[tuple]) -> int:
    """What import_attendance does after reading: stage the rows, then upsert (the real code paths)."""
    connection = session.connection()
    store.staging.drop(connection, checkfirst=True)
    store.staging.create(connection)
    store._stager(connection)(rows)
    stored = store._upsert(connection, None)
    store.staging.drop(connection)
    return stored


def period_row(sid: int, start: dt.date, end: dt.date, absent: float) -> tuple:
    return (sid, start, "period", end, "percent", 100.0, absent, None, None)


def test_a_period_is_stored_with_its_end_and_a_longer_one_from_the_same_start_replaces_it(team: Database):
    sid = student_ids(team)[0]
    with Session(team.engine) as session, session.begin():
        assert stage_and_store(session, [period_row(sid, D(2026, 8, 17), D(2026, 10, 30), 12.5)]) == 1
    with Session(team.engine) as session:
        assert store.records_for_student(session, sid) == [AttendanceRecord(
            D(2026, 8, 17), Granularity.PERIOD, 100.0, 12.5, None, None, Unit.PERCENT, D(2026, 10, 30))]
    with Session(team.engine) as session, session.begin():
        assert stage_and_store(session, [period_row(sid, D(2026, 8, 17), D(2026, 10, 30), 12.5)]) == 0  # same
        assert stage_and_store(session, [period_row(sid, D(2026, 8, 17), D(2026, 12, 18), 9.0)]) == 1
    with Session(team.engine) as session:
        (record,) = store.records_for_student(session, sid)
    assert (record.period_end, record.absent) == (D(2026, 12, 18), 9.0)


def test_term_absence_of_period_and_percent_students_is_what_summarize_says(team: Database):
    first, second = student_ids(team)
    rows = [
        period_row(first, D(2026, 8, 17), D(2026, 11, 27), 10.0),  # 75 school days at 10 %
        period_row(first, D(2026, 11, 30), D(2026, 12, 4), 50.0),  # 5 school days at 50 %
        period_row(second, D(2026, 8, 17), D(2026, 12, 18), 20.0),  # runs past the window below
        (second, D(2026, 9, 7), "day", None, "minutes", 300.0, 60.0, None, None),
        (second, D(2026, 9, 8), "day", None, "minutes", 300.0, 0.0, None, None),
    ]
    with Session(team.engine) as session, session.begin():
        stage_and_store(session, rows)
    window = (D(2026, 7, 1), D(2026, 12, 10))
    with Session(team.engine) as session:
        figures = store.term_absence(session, *window)
        expected = {sid: summarize(store.records_for_student(session, sid), *window).absence_percent
                    for sid in (first, second)}
    assert figures[first] == pytest.approx((75 * 10.0 + 5 * 50.0) / 80) == expected[first]
    # The term period is not whole in the window: only the two days count (60 of 600 minutes)
    assert figures[second] == pytest.approx(10.0) == expected[second]


def test_a_database_with_attendance_at_0005_is_upgraded_keeping_its_rows(team: Database, tmp_path: Path):
    sid = student_ids(team)[0]
    with Session(team.engine) as session, session.begin():
        stage_and_store(session, [(sid, D(2026, 9, 7), "day", None, "minutes", 300.0, 60.0, 40.0, 20.0),
                                  (sid, D(2026, 9, 14), "week", None, "lessons", 30.0, 3.0, None, None)])
    path = tmp_path / "team.sqlite3"
    with team.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0005")
        columns = {c["name"] for c in sa.inspect(connection).get_columns("attendance")}
        assert "period_end" not in columns
    team.close()
    db = open_as(path, "sara")  # opening upgrades (with a backup first)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()  # 0006 and every later revision
        with Session(db.engine) as session:
            records = store.records_for_student(session, sid)
            ends = session.execute(sa.select(attendance.c.period_end)).scalars().all()
        assert [(r.period_start, r.granularity, r.unit, r.absent, r.valid) for r in records] == [
            (D(2026, 9, 7), Granularity.DAY, Unit.MINUTES, 60.0, 40.0),
            (D(2026, 9, 14), Granularity.WEEK, Unit.LESSONS, 3.0, None)]
        assert ends == [None, None]
    finally:
        db.close()


def test_notices_never_refuse_and_the_log_counts_them_without_identifiers():
    from sst_desk.importers.attendance_spec import NoticeCode, RowNotice

    result = store.ImportResult(file_name="x.csv", mapping_name="Vklass", records=3, stored=3, students=1)
    result.notices = [RowNotice(4, NoticeCode.FUTURE_SKIPPED, "Datum", "2099-01-01"),
                      RowNotice(7, NoticeCode.WEEKEND, "Datum", "2026-09-05")]
    result.notice_counts = {NoticeCode.FUTURE_SKIPPED: 1, NoticeCode.WEEKEND: 1}
    result.skipped_rows = 1
    assert result.ok
    detail = store.log_detail(result)
    assert detail.endswith("1 rows skipped, 1 future_skipped, 1 weekend")
    assert "2099" not in detail and PEOPLE[0][0] not in detail


def test_two_percentage_rows_of_one_student_for_one_period_are_refused_not_averaged(team: Database, tmp_path: Path):
    """Two "35 %" rows are not 70 % of 200: the file is refused, naming both lines, and nothing is stored."""
    from sst_desk.importers.attendance_spec import AmountUnit, Column, MappingSpec, ProblemCode

    (first_pnr, _), (second_pnr, _) = PEOPLE
    export = tmp_path / "per_elev.csv"
    export.write_text("Personnummer;Från;Till;Frånvaro %\n"
                      f"{first_pnr};2026-08-17;2026-12-04;35,1\n"
                      f"{second_pnr};2026-08-17;2026-12-04;4,0\n"
                      f"{first_pnr};2026-08-17;2026-12-04;12,5\n", encoding="utf-8")
    spec = MappingSpec(name="Per elev", unit=AmountUnit.PERCENT, per_period=True, columns={
        Column.STUDENT: "Personnummer", Column.PERIOD_FROM: "Från", Column.PERIOD_TO: "Till",
        Column.ABSENT: "Frånvaro %"})
    result = door(team).attendance.import_attendance(export, spec)
    assert not result.ok and not result.committed
    assert [(p.line, p.code, p.value) for p in result.problems] == [(4, ProblemCode.PERIOD_REPEATED, "2")]
    with team.engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(attendance)).scalar_one() == 0

    export.write_text("Personnummer;Från;Till;Frånvaro %\n"
                      f"{first_pnr};2026-08-17;2026-12-04;35,1\n"
                      f"{second_pnr};2026-08-17;2026-12-04;4,0\n", encoding="utf-8")
    result = door(team).attendance.import_attendance(export, spec)
    assert result.ok and result.committed and result.stored == 2
