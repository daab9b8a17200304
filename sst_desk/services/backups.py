"""Backups of the database file: make one now, list them, check one, and check the database itself.

The copy is a storage operation (SQLite's backup API, checked, with a copy of the key file beside
it; ``persistence.backups``) reached through ``tx.storage``. Making a manual backup needs
``(BACKUPS, CREATE)`` (a copy of every case that may leave the computer) and is logged with where it
went. Restoring replaces the database, so it happens with the database closed, before anyone acts
through a door: ``persistence.restore.restore_as`` (the window's Backups dialog through
``ui/common/startup.restore_for_window``, and ``sst-desk restore``); the person's right to do it is
``authorize_restore``, asked through a door on the database about to be replaced.
A database on a server is backed up by the server's own tools (``DatabaseError``).
"""

from __future__ import annotations

from pathlib import Path

from sst_desk.persistence.backups import (  # noqa: F401 - the kinds of a BackupInfo, re-exported for the window
    AUTO,
    MANUAL,
    OTHER,
    PRE_RESTORE,
    PRE_UPGRADE,
    BackupInfo,
)
from sst_desk.workflow.access import Action, Actor, Resource

from sst_desk.services.base import UowFactory

USE_CASES = ("make_backup", "list_backups", "backup_folder", "check_backup", "check_database", "authorize_restore")


def make_backup(uow: UowFactory, actor: Actor | None, dest: Path | None = None) -> Path:
    """A manual backup, checked, in the backups folder or at ``dest``; returns the file written.

    ``BackupFailedError`` (a full disk, a read-only folder, a copy that fails its check) leaves the
    earlier backups as they were.
    """
    with uow(actor) as tx:
        tx.require(Resource.BACKUPS, Action.CREATE)  # a refusal is logged
        return tx.storage.take_backup(dest=Path(dest) if dest is not None else None)


def list_backups(uow: UowFactory, actor: Actor | None) -> list[BackupInfo]:
    """The backups in the database's backups folder, newest first (none for a server database)."""
    with uow(actor) as tx:
        return tx.storage.list_backups()


def backup_folder(uow: UowFactory, actor: Actor | None) -> Path | None:
    """Where the backups of this database go (None for a server database)."""
    with uow(actor) as tx:
        return tx.storage.backup_folder()


def check_backup(uow: UowFactory, actor: Actor | None, path: Path) -> None:
    """Raise ``BackupFailedError`` unless ``path`` is a whole, readable backup of this database."""
    with uow(actor) as tx:
        tx.storage.verify_backup(Path(path))


def check_database(uow: UowFactory, actor: Actor | None) -> list[str]:
    """SQLite's integrity check of the open database file: the problems found (none: whole)."""
    with uow(actor) as tx:
        return tx.storage.integrity_problems()


def authorize_restore(uow: UowFactory, actor: Actor | None) -> Actor | None:
    """Raise ``AccessDeniedError`` (logged) unless the person may restore a backup; returns the person.

    Restoring replaces everyone's data: ``(BACKUPS, EDIT)``, administrators and team leads only.
    ``persistence.restore.restore_as`` asks this (as its ``authorize``) on the database about to be
    replaced, or on a copy of the backup when that database cannot be read.
    """
    with uow(actor) as tx:
        tx.require(Resource.BACKUPS, Action.EDIT)
    return actor
