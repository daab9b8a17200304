"""Which committed changes the case use cases tell the team about (issue 13, live changes).

Services decide what changed (``tx.changed`` / ``tx.changed_students``); the unit of work sends it on commit
(``persistence/changes.py``). Here the fake records what each commit told: a change is told once, a view, a
refusal or a rolled-back attempt never.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from sst_desk.importers.attendance_spec import IdentifierKind, MappingSpec
from sst_desk.persistence.attendance import ImportResult
from sst_desk.persistence.errors import AccessDeniedError, ConcurrentEditError
from sst_desk.services import Door
from sst_desk.workflow.access import Action, Actor, Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.problems import ProcessError
from sst_desk.workflow.process import Move
from sst_desk.workflow.rules_case import Member

from fake_uow import FakeStore

sys.path.insert(0, str(Path(__file__).parents[1]))  # the fictional cases of the workflow tests
from builders import make_case, make_case_at  # noqa: E402

SARA = Actor(1, "sara", "Sara Socionom", Role.SKOLSOCIONOM)
KARIN = Actor(2, "karin", "Karin Kurator", Role.KURATOR)
TOVE = Actor(3, "tove", "Tove Teamledare", Role.TEAMLEDARE)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for who in (SARA, KARIN, TOVE):
        store.users[who.user_id] = Member(who.user_id, who.username, who.display_name, who.role, True)
    return store


def test_adding_saving_assigning_and_an_override_are_told_reading_is_not(store):
    sara = Door(store.uow, SARA).cases
    case = sara.add_case(make_case())
    assert store.told == [case.id]
    loaded = sara.load_case(case.id)
    sara.open_case(case.id)
    sara.case_rows(dt.date(2026, 11, 22))
    sara.record_case_action(case.id, Action.PRINT, "handlingsplan v1")
    assert store.told == [case.id]  # views, the list and a print change nothing
    loaded.student.school = "Ekbackeskolan"
    sara.save_case(loaded)
    assert store.told == [case.id, case.id]
    sara.record_consent_override(case.id, "share_plan", "14 kap. 1 § SoL")
    Door(store.uow, TOVE).cases.set_case_members(case.id, [SARA.user_id, KARIN.user_id])
    assert store.told == [case.id] * 4


def test_a_refused_or_failed_change_is_not_told(store):
    sara = Door(store.uow, SARA).cases
    case = sara.add_case(make_case_at(Stage.AKTUALISERING))
    told = list(store.told)
    stale = sara.load_case(case.id)
    fresh = sara.load_case(case.id)
    fresh.student.school = "Ekbackeskolan"
    sara.save_case(fresh)
    told.append(case.id)
    with pytest.raises(ConcurrentEditError):
        sara.save_case(stale)
    with pytest.raises(AccessDeniedError):
        Door(store.uow, KARIN).cases.save_case(sara.load_case(case.id))  # not her case: refused and logged
    with pytest.raises(ProcessError):
        sara.move_case(case.id, Move.ENROL, at=dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC))  # criteria open
    assert store.told == told


def test_an_import_tells_the_cases_of_the_students_whose_records_changed(store):
    sara = Door(store.uow, SARA)
    first = sara.cases.add_case(make_case())
    second = sara.cases.add_case(make_case())
    store.told.clear()

    def importer(state, path, mapping, *, dry_run, **_options) -> ImportResult:
        result = ImportResult(file_name=Path(path).name, mapping_name=mapping.name, dry_run=dry_run)
        result.committed = not dry_run
        result.changed_students = (state.cases[second.id].student.id,)
        return result

    store.importer = importer
    spec = MappingSpec(name="Ekbackeskolan (Skola24)", identifier=IdentifierKind.PERSONNUMMER)
    sara.attendance.import_attendance(Path("vecka.csv"), spec, dry_run=True)
    assert store.told == []  # a dry run stores nothing
    sara.attendance.import_attendance(Path("vecka.csv"), spec)
    assert store.told == [second.id] and first.id != second.id
