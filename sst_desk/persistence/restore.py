"""A restore a person asks for: signed in, authorized and logged on both sides of the swap.

``backups.restore`` replaces a database file with a backup; ``restore_as`` is the one door to it for a
person (the command line's ``sst-desk restore`` and the window's Backups dialog). It opens databases
(the current file, the restored copy) to sign in and log, so it sits above ``backups``, which the
unit of work's storage uses and which therefore opens no database itself. See docs/backups.md.
"""

from __future__ import annotations

import errno
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sst_desk.persistence import cipher
from sst_desk.persistence.backups import integrity_problems, restore, verify_backup
from sst_desk.persistence.checks import _read_only_uri
from sst_desk.persistence.database import Database
from sst_desk.persistence.errors import RestoreFailedError

if TYPE_CHECKING:
    from sst_desk.workflow.access import Actor


Authorize = Callable[[Database], "Actor"]


def restore_as(backup: Path, target: Path, key: bytes | None, authorize: Authorize) -> Path | None:
    """The one door for a restore a person asks for (command line and the Backups dialog); see ``backups.restore``.

    ``authorize(db)`` signs the person in on ``db`` and raises ``AccessDeniedError`` (logged there)
    unless they may restore (``BACKUPS × EDIT``: administrator, teamledare); it returns the actor.
    It runs on the current database when that can be read — which then records the restore before
    it is replaced (kept in the pre-restore copy) — and otherwise (a damaged file) on the restored
    copy. Either way the restored copy gets a RESTORE entry appended to ITS log before it replaces
    the database, so a restore can never silently roll the access log back.
    """
    from sst_desk.workflow.logchain import LogAction

    backup, target = Path(backup).resolve(), Path(target).resolve()
    verify_backup(backup, key)
    if target.exists() and target.stat().st_size > 0 and not integrity_problems(target, key):
        db = Database.open(target, key=key)
        try:
            actor = authorize(db)
            with db.uow(actor) as uow:
                uow.log(LogAction.RESTORE, detail=f"replaced by the backup {backup.name}")
                uow.commit()
        finally:
            db.close()
    else:  # damaged (or missing): the backup's accounts decide — asked on a throwaway copy, before anything moves
        actor = _authorize_on_copy(backup, target, key, authorize)

    def stamp(copy: Path) -> None:
        restored = Database.open(copy, key=key)
        try:
            with restored.uow(actor) as uow:
                uow.log(LogAction.RESTORE, detail=f"restored from the backup {backup.name}")
                uow.commit()
        finally:
            restored.close()

    return restore(backup, target, key, before_swap=stamp)


def _authorize_on_copy(backup: Path, target: Path, key: bytes | None, authorize: Authorize):
    """``authorize`` on a temporary copy of ``backup`` beside ``target`` (signing in writes to the log), then gone."""
    probe = target.with_name(f".{target.name}.authorize-{uuid.uuid4().hex}.tmp")
    try:
        with open(backup, "rb") as handle:
            header = handle.read(100)
        source = cipher.connect(_read_only_uri(backup, header), key, uri=True)
        try:
            copy = cipher.connect(probe, key)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        db = Database.open(probe, key=key)
        try:
            return authorize(db)
        finally:
            db.close()
    except OSError as exc:
        raise RestoreFailedError(target.parent, disk_full=exc.errno == errno.ENOSPC) from exc
    finally:
        for leftover in (probe, Path(f"{probe}-wal"), Path(f"{probe}-shm"), Path(f"{probe}-journal")):
            leftover.unlink(missing_ok=True)
