"""The registerutdrag through the door, against the fake unit of work: who may make one, and that the
export is logged only once both files are written."""

from __future__ import annotations

import json

import pytest

from fake_admin import FakeAdminStore
from sst_desk.fileio import Refusal, TargetRefused
from sst_desk.persistence.errors import AccessDeniedError, CaseNotFound
from sst_desk.reports.base import ReportContext
from sst_desk.services import Door
from sst_desk.workflow.access import Role
from sst_desk.workflow.logchain import LogAction


@pytest.fixture
def store() -> FakeAdminStore:
    store = FakeAdminStore()
    store.add_user("tove", Role.TEAMLEDARE)
    sara = store.add_user("sara", Role.SKOLSOCIONOM)
    store.add_user("kim", Role.KURATOR)
    store.add_case(1, 10, "Alva Testsson", members=[sara.user_id])
    return store


def as_(store: FakeAdminStore, username: str) -> Door:
    actor = next(u for u in store.data.users.values() if u.username == username).actor()
    return Door(store.uow, actor)


def test_gathering_is_an_export_of_the_students_cases(store):
    data = as_(store, "sara").extract.gather_registerutdrag(1)
    assert (data["student"]["first_name"], data["case_ids"]) == ("Alva", [1]) and store.exports == [1]


def test_someone_not_responsible_is_refused_and_it_is_logged(store):
    with pytest.raises(AccessDeniedError):
        as_(store, "kim").extract.gather_registerutdrag(1)
    assert store.exports == [] and store.actions() == [("kim", LogAction.DENIED, "case:export")]
    with pytest.raises(CaseNotFound):
        as_(store, "tove").extract.gather_registerutdrag(99)


def test_the_files_are_written_then_the_export_is_logged_and_not_twice(store, tmp_path):
    pdf, machine = as_(store, "tove").extract.write_registerutdrag(1, tmp_path, ReportContext(printed_by="Tove"))
    assert pdf.read_bytes().startswith(b"%PDF") and json.loads(machine.read_text("utf-8"))["case_ids"] == [1]
    assert store.exports == [1]
    with pytest.raises(TargetRefused) as refused:
        as_(store, "tove").extract.write_registerutdrag(1, tmp_path, ReportContext(printed_by="Tove"))
    assert refused.value.reason is Refusal.EXISTS and store.exports == [1]  # nothing written, nothing logged
    as_(store, "tove").extract.write_registerutdrag(1, tmp_path, ReportContext(printed_by="Tove"), force=True)
    assert store.exports == [1, 1]
