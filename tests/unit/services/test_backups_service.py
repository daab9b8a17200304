"""Backups through the door, against the fake unit of work: who may copy every case, where the copy goes,
checking one, and a server database that SST Desk does not back up."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_admin import FakeAdminStore
from sst_desk.persistence.errors import AccessDeniedError, BackupFailedError, DatabaseError
from sst_desk.services import Door
from sst_desk.workflow.access import Role
from sst_desk.workflow.logchain import LogAction


def store_with_people(**kwargs) -> FakeAdminStore:
    store = FakeAdminStore(**kwargs)
    store.add_user("adam", Role.ADMINISTRATOR)
    store.add_user("tove", Role.TEAMLEDARE)
    store.add_user("sara", Role.SKOLSOCIONOM)
    return store


def as_(store: FakeAdminStore, username: str) -> Door:
    actor = next(u for u in store.data.users.values() if u.username == username).actor()
    return Door(store.uow, actor)


def test_the_administrator_and_the_team_lead_back_up_and_the_list_shows_it():
    store = store_with_people()
    first = as_(store, "adam").backups.make_backup()
    second = as_(store, "tove").backups.make_backup(Path("/stick/copy.sqlite3"))
    assert second == Path("/stick/copy.sqlite3")
    assert as_(store, "adam").backups.list_backups() == [second, first]
    assert as_(store, "adam").backups.backup_folder() == Path("/nowhere/backups")


def test_a_worker_may_not_copy_every_case_and_the_refusal_is_logged():
    store = store_with_people()
    with pytest.raises(AccessDeniedError):
        as_(store, "sara").backups.make_backup()
    assert store.backups == [] and store.actions() == [("sara", LogAction.DENIED, "backups:create")]


def test_a_failed_backup_is_a_sentence_and_the_earlier_ones_stay():
    store = store_with_people()
    kept = as_(store, "adam").backups.make_backup()
    store.backup_fails = True
    with pytest.raises(BackupFailedError) as failed:
        as_(store, "adam").backups.make_backup()
    assert "earlier backups are untouched" in str(failed.value)
    assert store.backups == [kept]


def test_a_backup_is_checked_and_a_stranger_file_is_refused():
    store = store_with_people()
    made = as_(store, "adam").backups.make_backup()
    as_(store, "adam").backups.check_backup(made)
    with pytest.raises(BackupFailedError):
        as_(store, "adam").backups.check_backup(Path("/elsewhere/other.sqlite3"))
    assert as_(store, "adam").backups.check_database() == []


def test_a_server_database_is_backed_up_by_the_server():
    store = store_with_people(file=None)
    with pytest.raises(DatabaseError):
        as_(store, "adam").backups.make_backup()
    assert as_(store, "adam").backups.list_backups() == [] and as_(store, "adam").backups.backup_folder() is None


def test_only_the_administrator_and_the_team_lead_may_restore_and_a_refusal_is_logged():
    store = store_with_people()
    tove = as_(store, "tove")
    assert as_(store, "adam").backups.authorize_restore().username == "adam"
    assert tove.backups.authorize_restore() == tove.actor
    with pytest.raises(AccessDeniedError):
        as_(store, "sara").backups.authorize_restore()
    assert store.actions() == [("sara", LogAction.DENIED, "backups:edit")]
