"""The attendance use cases against a fake unit of work: all or nothing, logged, and only for those allowed."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from sst_desk.importers.attendance_spec import IdentifierKind, MappingSpec
from sst_desk.persistence.attendance import ImportResult
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.services import Door
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit
from sst_desk.workflow.rules_case import Member

from fake_uow import FakeStore

sys.path.insert(0, str(Path(__file__).parents[1]))  # the fictional cases of the workflow tests
from builders import make_case  # noqa: E402

SARA = Actor(1, "sara", "Sara Socionom", Role.SKOLSOCIONOM)
KARIN = Actor(2, "karin", "Karin Kurator", Role.KURATOR)
ADAM = Actor(4, "adam", "Adam Admin", Role.ADMINISTRATOR)
WEEK = AttendanceRecord(dt.date(2026, 11, 16), Granularity.WEEK, 1500, 300, 100, 200, Unit.MINUTES)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for who in (SARA, KARIN, ADAM):
        store.users[who.user_id] = Member(who.user_id, who.username, who.display_name, who.role, True)
    return store


def spec(name: str = "Ekbackeskolan (Skola24)") -> MappingSpec:
    return MappingSpec(name=name, identifier=IdentifierKind.PERSONNUMMER)


def staging(good: bool, seen: list):
    """An importer that stages a record, as the real one does in the transaction, and says how it went."""

    def importer(state, path, mapping, *, dry_run, visible_to, **_options) -> ImportResult:
        seen.append(visible_to)
        state.attendance.setdefault(1, []).append(WEEK)
        result = ImportResult(file_name=Path(path).name, mapping_name=mapping.name, dry_run=dry_run, rows_read=1)
        result.committed = good and not dry_run
        return result

    return importer


def test_a_good_file_is_stored_and_logged_and_matched_only_against_the_persons_students(store):
    seen: list = []
    store.importer = staging(True, seen)
    result = Door(store.uow, SARA).attendance.import_attendance(Path("vecka.csv"), spec())
    assert result.committed and store.state.attendance[1] == [WEEK]
    assert seen == [(SARA.user_id, False)]  # a worker's import sees only her own students
    assert store.actions()[-1][0] == "import"


def test_a_dry_run_stores_nothing_but_the_look_is_logged(store):
    store.importer = staging(True, [])
    result = Door(store.uow, SARA).attendance.import_attendance(Path("vecka.csv"), spec(), dry_run=True)
    assert result.dry_run and not result.committed
    assert store.state.attendance == {} and store.actions()[-1][0] == "import"


def test_a_file_with_a_bad_row_changes_nothing(store):
    store.importer = staging(False, [])
    commits = store.commits
    Door(store.uow, SARA).attendance.import_attendance(Path("vecka.csv"), spec())
    assert store.state.attendance == {} and store.commits == commits and store.actions() == []


def test_an_administrator_imports_nothing(store):
    store.importer = staging(True, [])
    with pytest.raises(AccessDeniedError):
        Door(store.uow, ADAM).attendance.import_attendance(Path("vecka.csv"), spec())
    assert store.state.attendance == {} and store.actions() == [("denied", "attendance:create")]


def test_a_cases_attendance_is_read_as_a_view_of_the_case(store):
    case = Door(store.uow, SARA).cases.add_case(make_case())
    store.state.attendance[case.student.id] = [WEEK]
    assert Door(store.uow, SARA).attendance.attendance_for_case(case.id) == [WEEK]
    assert store.actions()[-1] == ("view", "attendance")
    with pytest.raises(AccessDeniedError):
        Door(store.uow, KARIN).attendance.attendance_for_case(case.id)


def test_mappings_are_saved_by_name_replaced_and_deleted(store):
    attendance = Door(store.uow, SARA).attendance
    with pytest.raises(ValueError):
        attendance.save_attendance_mapping(spec("  "))
    attendance.save_attendance_mapping(spec())
    attendance.save_attendance_mapping(spec())
    assert [s.name for s in attendance.attendance_mappings()] == ["Ekbackeskolan (Skola24)"]
    assert attendance.attendance_mapping("Ekbackeskolan (Skola24)") is not None
    assert attendance.delete_attendance_mapping("Ekbackeskolan (Skola24)")
    assert not attendance.delete_attendance_mapping("Ekbackeskolan (Skola24)")
    with pytest.raises(AccessDeniedError):
        Door(store.uow, ADAM).attendance.attendance_mappings()
