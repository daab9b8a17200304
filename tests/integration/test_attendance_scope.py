"""The attendance import reaches only the students the person may see, and says nothing of the others (issue 10).

What broke: a kurator's dry run told her which personnummer exist in the team's register (a protected
student's included), was not logged, and a real import overwrote the attendance of students she does not
work with. Now: only her students are stored; another worker's student, a protected student and a
personnummer in no register are reported in one category with the same words; dry runs are logged.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import TEST_PASSWORD, copy_team_db, make_team_db, new_case, open_as

from sst_desk.__main__ import main
from sst_desk.importers.people import fake_students
from sst_desk.importers.samples import write_csv_export
from sst_desk.persistence.attendance import UnmatchedReason
from sst_desk.persistence.mapping import access_log, attendance, students
from doors import door

START, END = dt.date(2026, 8, 17), dt.date(2026, 9, 11)
KARINS, SARAS, PROTECTED, UNKNOWN, TEAM = fake_students(5, seed=31)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Karin (kurator) works with one student; Sara with another and with a protected one."""
    file = tmp_path_factory.mktemp("scope") / "team.sqlite3"
    make_team_db(file)
    for username, people, protected in (("karin", [KARINS], False), ("sara", [SARAS, TEAM], False),
                                        ("sara", [PROTECTED], True)):
        db = open_as(file, username)
        try:
            for personnummer, name in people:
                first, last = name.split(" ", 1)
                case = new_case(first=first, last=last)
                case.student.personal_id = personnummer
                case.student.protected_identity = protected
                door(db).cases.add_case(case)
        finally:
            db.close()
    return file


@pytest.fixture
def file(template: Path, tmp_path: Path) -> Path:
    return copy_team_db(template, tmp_path / "team.sqlite3")


def export(tmp_path: Path, people=(KARINS, SARAS, PROTECTED, UNKNOWN)):
    return write_csv_export(tmp_path / "v36.csv", list(people), START, END, seed=5)


def stored_students(file: Path) -> set[str]:
    db = open_as(file)
    try:
        with db.engine.connect() as connection:
            return set(connection.execute(
                sa.select(students.c.personal_id).join_from(attendance, students,
                                                            attendance.c.student_id == students.c.id)).scalars())
    finally:
        db.close()


def import_entries(file: Path, username: str) -> list[str]:
    db = open_as(file)
    try:
        with db.engine.connect() as connection:
            return list(connection.execute(sa.select(access_log.c.detail).where(
                access_log.c.action == "import", access_log.c.username == username).order_by(access_log.c.seq))
                .scalars())
    finally:
        db.close()


def test_a_kurator_imports_only_her_student_and_the_others_read_alike(file: Path, tmp_path: Path) -> None:
    """What broke: the import stored and reported every student in the register, whoever imported."""
    sample = export(tmp_path)
    db = open_as(file, "karin")
    try:
        dry = door(db).attendance.import_attendance(sample.path, sample.spec, dry_run=True)
        real = door(db).attendance.import_attendance(sample.path, sample.spec)
    finally:
        db.close()
    for result in (dry, real):
        assert result.scoped and result.students == 1
        others = {u.key: u for u in result.unmatched}
        assert set(others) == {SARAS[0], PROTECTED[0], UNKNOWN[0]}
        assert {u.reason for u in others.values()} == {UnmatchedReason.NOT_YOURS}
        assert len({u.rows for u in others.values()}) == 1  # the same export days for each: nothing differs
    assert real.committed and stored_students(file) == {KARINS[0]}
    entries = import_entries(file, "karin")
    assert len(entries) == 2 and "dry run" in entries[0] and "dry run" not in entries[1], entries
    assert all(pid not in " ".join(entries) for pid, _ in (KARINS, SARAS, PROTECTED, UNKNOWN))


def test_a_team_lead_imports_the_teams_students_but_not_a_protected_one_she_is_not_responsible_for(
        file: Path, tmp_path: Path) -> None:
    sample = export(tmp_path)
    db = open_as(file, "tove")
    try:
        result = door(db).attendance.import_attendance(sample.path, sample.spec)
    finally:
        db.close()
    assert {u.key for u in result.unmatched} == {PROTECTED[0], UNKNOWN[0]}
    assert {u.reason for u in result.unmatched} == {UnmatchedReason.NOT_YOURS}
    assert stored_students(file) == {KARINS[0], SARAS[0]}


def test_a_name_shared_with_a_student_she_cannot_see_is_not_called_ambiguous(file: Path, tmp_path: Path) -> None:
    """Matching by name among her students only: "matches several students" would confirm the other exists."""
    from sst_desk.importers.attendance_spec import IdentifierKind

    db = open_as(file, "sara")  # gives Karin's student's name to one of Sara's own students
    try:
        with db.uow() as uow:
            uow.session.execute(sa.update(students).where(students.c.personal_id == TEAM[0]).values(
                first_name=KARINS[1].split(" ", 1)[0], last_name=KARINS[1].split(" ", 1)[1]))
            uow.commit()
    finally:
        db.close()
    sample = export(tmp_path, [KARINS])
    from sst_desk.importers.attendance_spec import Column

    sample.spec.identifier = IdentifierKind.NAME
    sample.spec.columns[Column.STUDENT] = "Namn"
    db = open_as(file, "karin")
    try:
        result = door(db).attendance.import_attendance(sample.path, sample.spec, dry_run=True)
    finally:
        db.close()
    assert result.students == 1 and result.unmatched == []


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, file: Path, *argv: str,
            user: str = "karin") -> tuple[int, str]:
    monkeypatch.setenv("SST_DESK_USER", user)
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    code = main([*argv, "--db", str(file)])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_command_line_reports_the_others_alike_and_logs_the_dry_run(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, file: Path, tmp_path: Path) -> None:
    """What broke: `sst-desk import-attendance --dry-run` as a kurator listed which personnummer were
    "not found" (so the rest existed), and left no trace in the access log."""
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # the command line's English sentences
    sample = export(tmp_path)
    db = open_as(file, "karin")
    try:
        door(db).attendance.save_attendance_mapping(sample.spec)
    finally:
        db.close()
    outputs = []
    for extra in (["--dry-run"], []):
        code, out = run_cli(capsys, monkeypatch, file, "import-attendance", str(sample.path), "--mapping",
                            sample.spec.name, *extra)
        assert code == 0, out
        outputs.append(out)
        lines = {pid: line for pid, _ in (SARAS, PROTECTED, UNKNOWN) for line in out.splitlines() if pid in line}
        assert len(lines) == 3, out
        # The same words for each: the line is the same once the personnummer itself is taken out.
        assert len({re.sub(r"first on line \d+", "", line.replace(pid, "PNR")) for pid, line in lines.items()}) == 1
        assert "not among your students" in lines[UNKNOWN[0]] and "not found" not in out
        assert "who are not among your students were not imported" in out
        assert KARINS[0] not in out
    assert "Dry run: nothing was stored." in outputs[0]
    assert stored_students(file) == {KARINS[0]}
    entries = import_entries(file, "karin")
    assert len(entries) == 2 and "dry run" in entries[0], entries
