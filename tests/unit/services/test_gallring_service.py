"""Gallring through the door, against the fake unit of work: only the team lead, years within the law's
range, nothing deleted when a case is not due, and an interrupted purge finished."""

from __future__ import annotations

import datetime as dt

import pytest

from fake_admin import FakeAdminStore
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.workflow.retention import DueCase, GallringResult
from sst_desk.services import Door
from sst_desk.services.errors import NotDueError
from sst_desk.workflow.access import Role
from sst_desk.workflow.logchain import LogAction

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def store() -> FakeAdminStore:
    store = FakeAdminStore()
    store.add_user("tove", Role.TEAMLEDARE)
    store.add_user("sara", Role.SKOLSOCIONOM)
    store.due = [DueCase(1, 10, "Alva Testsson", False, dt.date(2020, 5, 4), dt.date(2025, 5, 4)),
                 DueCase(2, 20, "", True, dt.date(2021, 1, 15), dt.date(2026, 1, 15))]
    return store


def as_(store: FakeAdminStore, username: str) -> Door:
    actor = next(u for u in store.data.users.values() if u.username == username).actor()
    return Door(store.uow, actor)


def test_the_lead_lists_the_due_cases(store):
    assert [d.case_id for d in as_(store, "tove").gallring.cases_due(5, TODAY)] == [1, 2]


def test_only_the_team_lead_lists_or_gallrar_and_the_refusal_is_logged(store):
    gallring = as_(store, "sara").gallring
    with pytest.raises(AccessDeniedError):
        gallring.cases_due(5, TODAY)
    with pytest.raises(AccessDeniedError):
        gallring.gallra([1], years=5, today=TODAY)
    with pytest.raises(AccessDeniedError):
        gallring.finish()
    assert store.gallra_calls == [] and store.finish_calls == 0
    assert store.actions() == [("sara", LogAction.DENIED, "case:delete")] * 3


def test_years_outside_the_allowed_range_are_refused_before_anything_is_read(store):
    for years in (0, 51):
        with pytest.raises(ValueError):
            as_(store, "tove").gallring.cases_due(years, TODAY)
        with pytest.raises(ValueError):
            as_(store, "tove").gallring.gallra([1], years=years, today=TODAY)
    assert store.gallra_calls == []


def test_gallra_deletes_the_chosen_cases_once_each(store):
    result = as_(store, "tove").gallring.gallra([2, 1, 2], years=5, today=TODAY, keep_backups=3)
    assert store.gallra_calls == [([1, 2], 5, TODAY, 3)]
    assert (result.cases, result.complete) == (2, True)


def test_nothing_chosen_deletes_nothing(store):
    assert as_(store, "tove").gallring.gallra([], years=5, today=TODAY) == GallringResult(0, 0, 0)
    assert store.gallra_calls == []


def test_a_case_that_is_not_due_stops_the_whole_gallring(store):
    with pytest.raises(NotDueError) as refused:
        as_(store, "tove").gallring.gallra([1, 3], years=5, today=TODAY)
    assert refused.value.case_ids == (3,)


def test_an_interrupted_purge_is_finished_once(store):
    store.pending_purge = GallringResult(0, 0, 0, backups_deleted=2)
    assert as_(store, "sara").gallring.resume_pending().backups_deleted == 2  # a committed decision: no check
    assert as_(store, "tove").gallring.resume_pending() is None
    assert as_(store, "tove").gallring.finish().complete and store.finish_calls == 1
