"""The attendance import on a real (encrypted) database: all or nothing, idempotent, unmatched rows listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import copy_team_db, make_team_db, new_case, open_as

from sst_desk.importers.attendance_file import ImportFileError
from sst_desk.importers.attendance_spec import ProblemCode
from sst_desk.importers.people import fake_students
from sst_desk.importers.samples import (
    write_csv_export,
    write_empty,
    write_truncated_csv,
    write_xlsx_export,
)
from sst_desk.persistence import AccessDeniedError, Database
from sst_desk.persistence.mapping import (
    access_log,
    attendance,
    attendance_imports,
    attendance_mappings,
)
from sst_desk.workflow.attendance import Granularity
from doors import door

START, END = dt.date(2026, 8, 17), dt.date(2026, 10, 30)
PEOPLE = fake_students(6, seed=11)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A team database with six students (cases made by sara), closed so tests can copy it."""
    file = tmp_path_factory.mktemp("template") / "team.sqlite3"
    make_team_db(file)
    db = open_as(file, "sara")
    try:
        for personnummer, name in PEOPLE:
            first, last = name.split(" ", 1)
            case = new_case(first=first, last=last)
            case.student.personal_id = personnummer
            door(db).cases.add_case(case)
    finally:
        db.close()
    return file


@pytest.fixture
def team(template: Path, tmp_path: Path):
    db = open_as(copy_team_db(template, tmp_path / "team.sqlite3"), "sara")  # responsible for every case here
    yield db
    db.close()


def table_rows(db: Database, table: sa.Table) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(sa.select(table).order_by(*table.primary_key.columns))]


def log_actions(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        return [a for (a,) in connection.execute(sa.select(access_log.c.action).order_by(access_log.c.seq))]


def test_a_semicolon_windows_1252_export_is_stored_summed_per_day(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "närvaro.csv", PEOPLE, START, END, per_lesson=True, seed=3)
    result = door(team).attendance.import_attendance(export.path, export.spec)
    assert result.ok and result.committed and not result.unmatched
    assert result.students == len(PEOPLE)
    days = {(p, r.period_start) for p, r in export.rows}
    assert result.records == result.stored == len(days)  # one record per student and day, lessons summed
    stored = table_rows(team, attendance)
    assert len(stored) == len(days)
    expected: dict[tuple[str, dt.date], float] = {}
    for personnummer, record in export.rows:
        expected[personnummer, record.period_start] = expected.get((personnummer, record.period_start), 0) + record.absent
    row = next(r for r in door(team).cases.case_rows(END) if r.personal_id == PEOPLE[0][0])
    records = door(team).attendance.attendance_for_case(row.case_id)
    assert [(r.period_start, r.absent) for r in records] == sorted(
        (day, absent) for (pnr, day), absent in expected.items() if pnr == PEOPLE[0][0])
    assert all(r.granularity is Granularity.DAY for r in records)
    assert "import" in log_actions(team)


def test_importing_the_same_file_twice_changes_nothing(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=4)
    first = door(team).attendance.import_attendance(export.path, export.spec)
    assert first.stored > 0
    before = (table_rows(team, attendance), table_rows(team, attendance_imports))
    again = door(team).attendance.import_attendance(export.path, export.spec)
    assert again.ok and again.stored == 0 and again.unchanged == first.records
    assert again.previously_imported is not None
    assert (table_rows(team, attendance), table_rows(team, attendance_imports)) == before


def test_an_overlapping_export_replaces_instead_of_adding(team: Database, tmp_path: Path) -> None:
    early = write_csv_export(tmp_path / "v1.csv", PEOPLE, START, dt.date(2026, 9, 30), seed=5)
    door(team).attendance.import_attendance(early.path, early.spec)
    later = write_csv_export(tmp_path / "v2.csv", PEOPLE, dt.date(2026, 9, 1), END, seed=6)
    result = door(team).attendance.import_attendance(later.path, later.spec)
    assert result.ok
    keys = [(r[1], r[2], r[3]) for r in table_rows(team, attendance)]  # student, period_start, granularity
    assert len(keys) == len(set(keys))


def test_a_bad_line_refuses_the_whole_import_and_names_the_line(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "bad.csv", PEOPLE, START, END, seed=7)
    lines = export.path.read_bytes().split(b"\r\n") if b"\r\n" in export.path.read_bytes() else \
        export.path.read_bytes().split(b"\n")
    separator = b"\r\n" if b"\r\n" in export.path.read_bytes() else b"\n"
    cells = lines[6].split(b";")
    cells[5] = b"mycket"  # the absence column of the sixth data row (line 7)
    lines[6] = b";".join(cells)
    export.path.write_bytes(separator.join(lines))
    result = door(team).attendance.import_attendance(export.path, export.spec)
    assert not result.ok and not result.committed
    assert [(p.line, p.code) for p in result.problems] == [(7, ProblemCode.NUMBER_INVALID)]
    assert table_rows(team, attendance) == [] and table_rows(team, attendance_imports) == []
    assert "import" not in log_actions(team)


def test_unknown_students_are_listed_and_the_known_ones_stored(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "mixed.csv", PEOPLE[:3], START, END, seed=8, unknown=2)
    result = door(team).attendance.import_attendance(export.path, export.spec)
    assert result.ok and result.committed
    assert len(result.unmatched) == 2 and result.students == 3
    known = {p for p, _name in PEOPLE}
    assert all(u.key not in known and u.rows > 0 and u.first_line > 1 for u in result.unmatched)
    assert result.rows_matched + result.unmatched_rows == result.rows_read


def test_a_dry_run_and_a_cancelled_import_store_nothing(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "dry.csv", PEOPLE, START, END, seed=9)
    dry = door(team).attendance.import_attendance(export.path, export.spec, dry_run=True)
    assert dry.ok and not dry.committed and dry.stored == dry.records > 0
    cancelled = door(team).attendance.import_attendance(export.path, export.spec, cancelled=lambda: True)
    assert cancelled.cancelled and not cancelled.committed
    assert table_rows(team, attendance) == [] and table_rows(team, attendance_imports) == []


@pytest.mark.parametrize("writer", ["truncated", "empty"])
def test_an_unreadable_file_raises_with_its_problem_and_stores_nothing(team: Database, tmp_path: Path,
                                                                        writer: str) -> None:
    export = write_csv_export(tmp_path / "ok.csv", PEOPLE, START, END, seed=10)
    if writer == "truncated":
        write_truncated_csv(tmp_path / "cut.csv", PEOPLE, START, END)
        path = tmp_path / "cut.csv"
    else:
        path = write_empty(tmp_path / "empty.csv")
    try:
        result = door(team).attendance.import_attendance(path, export.spec)
    except ImportFileError as exc:
        assert exc.problem.code in (ProblemCode.FILE_EMPTY, ProblemCode.FILE_TRUNCATED)
    else:  # a cut-off last row is a problem on its line
        assert not result.committed and result.problems and result.problems[0].line > 1
    assert table_rows(team, attendance) == []


def test_an_xlsx_export_with_merged_headers_imports(team: Database, tmp_path: Path) -> None:
    export = write_xlsx_export(tmp_path / "export.xlsx", PEOPLE, START, END, seed=12)
    result = door(team).attendance.import_attendance(export.path, export.spec)
    assert result.ok and result.committed and result.students == len(PEOPLE)


def test_mappings_are_saved_per_school_and_reused(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=13)
    spec = export.spec
    spec.name, spec.school = "Ekbackeskolan (Skola24)", "Ekbackeskolan"
    door(team).attendance.save_attendance_mapping(spec)
    again = door(team).attendance.attendance_mapping("Ekbackeskolan (Skola24)")
    assert again is not None and again.to_json() == spec.to_json()
    spec.unit = spec.unit  # saving again replaces, never duplicates
    door(team).attendance.save_attendance_mapping(spec)
    assert len(table_rows(team, attendance_mappings)) == 1
    assert [s.name for s in door(team).attendance.attendance_mappings()] == ["Ekbackeskolan (Skola24)"]
    assert door(team).attendance.delete_attendance_mapping("Ekbackeskolan (Skola24)")


def test_a_kurator_may_import_and_keep_mappings(template: Path, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=16)
    db = open_as(copy_team_db(template, tmp_path / "k.sqlite3"), "karin")
    try:
        assert door(db).attendance.import_attendance(export.path, export.spec).committed
        door(db).attendance.save_attendance_mapping(export.spec)
    finally:
        db.close()


def test_the_administrator_may_not_import(template: Path, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=14)
    db = open_as(copy_team_db(template, tmp_path / "t.sqlite3"), "admin")
    try:
        with pytest.raises(AccessDeniedError):
            door(db).attendance.import_attendance(export.path, export.spec)
        with pytest.raises(AccessDeniedError):
            door(db).attendance.save_attendance_mapping(export.spec)
        assert table_rows(db, attendance) == []
    finally:
        db.close()


def test_the_case_list_shows_absence_this_term(team: Database, tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=15)
    door(team).attendance.import_attendance(export.path, export.spec)
    rows = door(team).cases.case_rows(END)
    assert len(rows) == len(PEOPLE)
    assert all(r.term_absence_percent is not None and 0 <= r.term_absence_percent <= 100 for r in rows)
    by_pnr: dict[str, tuple[float, float]] = {}
    for personnummer, record in export.rows:
        if record.scheduled > 0 and START <= record.period_start <= END:
            s, a = by_pnr.get(personnummer, (0.0, 0.0))
            by_pnr[personnummer] = (s + record.scheduled, a + record.absent)
    for row in rows:
        scheduled, absent = by_pnr[row.personal_id]
        assert row.term_absence_percent == pytest.approx(100 * absent / scheduled)


def test_the_registerutdrag_holds_the_students_attendance_and_its_imports(team: Database, tmp_path: Path) -> None:
    from sst_desk.persistence.extract import gather_registerutdrag

    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=17)
    door(team).attendance.import_attendance(export.path, export.spec)
    row = next(r for r in door(team).cases.case_rows(END) if r.personal_id == PEOPLE[1][0])
    data = gather_registerutdrag(team, row.case_id)
    mine = sorted(r.period_start.isoformat() for p, r in export.rows if p == PEOPLE[1][0])
    assert [r["period_start"] for r in data["attendance"]["records"]] == mine  # this student's, no one else's
    assert data["attendance"]["imports"][0]["file_name"] == "export.csv"
    assert data["attendance"]["imports"][0]["records"] == len(mine)


def test_attendance_goes_with_the_student(team: Database, tmp_path: Path) -> None:
    """Deleting a student (gallring deletes students left without a case) deletes their attendance too."""
    from sst_desk.persistence.mapping import cases, students

    export = write_csv_export(tmp_path / "export.csv", PEOPLE, START, END, seed=18)
    door(team).attendance.import_attendance(export.path, export.spec)
    before = len(table_rows(team, attendance))
    with team.uow() as uow:
        student_id = uow.session.execute(sa.select(students.c.id).where(
            students.c.personal_id == PEOPLE[0][0])).scalar_one()
        uow.session.execute(sa.delete(cases).where(cases.c.student_id == student_id))
        uow.session.execute(sa.delete(students).where(students.c.id == student_id))
        uow.commit()
    after = table_rows(team, attendance)
    assert 0 < len(after) < before and all(r[1] != student_id for r in after)


def test_rows_of_one_day_add_up_and_a_part_is_known_only_when_every_row_says_it(team: Database,
                                                                               tmp_path: Path) -> None:
    from sst_desk.importers.attendance_spec import Column, MappingSpec

    pnr = PEOPLE[0][0]
    path = tmp_path / "lektioner.csv"
    path.write_text("Personnummer;Datum;Schema;Frånvaro;Giltig;Ogiltig\n"
                    f"{pnr};2026-09-07;60;60;60;0\n"
                    f"{pnr};2026-09-07;45;15;;15\n"
                    f"{pnr};2026-09-08;60;30;30;0\n"
                    f"{pnr};2026-09-07;90;0;0;0\n", encoding="utf-8")
    spec = MappingSpec(name="Lektioner", columns={
        Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schema", Column.ABSENT: "Frånvaro",
        Column.VALID: "Giltig", Column.INVALID: "Ogiltig"})
    result = door(team).attendance.import_attendance(path, spec)
    assert result.ok and result.records == 2 and result.stored == 2
    row = next(r for r in door(team).cases.case_rows(END) if r.personal_id == pnr)
    first, second = door(team).attendance.attendance_for_case(row.case_id)
    assert (first.period_start, first.scheduled, first.absent, first.valid, first.invalid) == \
        (dt.date(2026, 9, 7), 195.0, 75.0, None, 15.0)  # the second lesson's valid part was not given
    assert (second.scheduled, second.absent, second.valid, second.invalid) == (60.0, 30.0, 30.0, 0.0)
