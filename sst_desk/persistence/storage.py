"""What a use case asks of the database *file* rather than of its rows: backups, gallring's purge, extracts.

A unit of work on a ``Database`` offers it as ``tx.storage`` (``uow.py``), bound to the person acting.
These operations are not one transaction: a backup copies the file, gallring deletes in one transaction
and then checkpoints, vacuums and purges backups. So each
runs its own units of work (checked and logged as the acting person, as before), and a service calls them
with nothing of its own pending in ``tx``. A database on a server has no file here: the operations say so
(``DatabaseError``).

The key file is not here: keeping it in step with the accounts is ``security/keyslots.py``'s work, which
a unit of work offers as ``tx.key_slots`` (persistence is below security, which opens the database).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sst_desk.workflow.access import Actor

from sst_desk.persistence import backups, extract, gallring

if TYPE_CHECKING:
    from sst_desk.persistence.database import Database


class Storage:
    """File-level operations on one database, acting as one person."""

    def __init__(self, database: Database, actor: Actor | None) -> None:
        self._db = database
        self.actor = actor

    @property
    def file(self) -> Path | None:
        """The database file (None for a server database)."""
        return self._db.path

    # --- backups --------------------------------------------------------------------------------------

    def take_backup(self, kind: str = backups.MANUAL, *, dest: Path | None = None, keep: int = backups.DEFAULT_KEEP,
                    ) -> Path:
        return backups.take_backup(self._db, kind, dest=dest, keep=keep, actor=self.actor)

    def list_backups(self) -> list[backups.BackupInfo]:
        if self._db.path is None:
            return []
        return backups.list_backups(self._db.path)

    def backup_folder(self) -> Path | None:
        from sst_desk import paths

        return paths.backup_dir_for(self._db.path) if self._db.path is not None else None

    def verify_backup(self, path: Path) -> None:
        backups.verify_backup(Path(path), self._db.key)

    def integrity_problems(self) -> list[str]:
        if self._db.path is None:
            return []
        return backups.integrity_problems(self._db.path, self._db.key)

    # --- gallring -------------------------------------------------------------------------------------

    def cases_due(self, years: int, today: dt.date) -> list[gallring.DueCase]:
        return gallring.cases_due(self._db, years, today, actor=self.actor)

    def gallra(self, case_ids: Iterable[int], *, years: int, today: dt.date,
               keep_backups: int = backups.DEFAULT_KEEP) -> gallring.GallringResult:
        return gallring.gallra(self._db, case_ids, years=years, today=today, keep_backups=keep_backups,
                               actor=self.actor)

    def finish_gallring(self, keep_backups: int = backups.DEFAULT_KEEP) -> gallring.GallringResult:
        return gallring.finish(self._db, keep_backups=keep_backups, actor=self.actor)

    def resume_gallring(self, keep_backups: int = backups.DEFAULT_KEEP) -> gallring.GallringResult | None:
        return gallring.resume_pending(self._db, keep_backups=keep_backups)

    # --- registerutdrag -------------------------------------------------------------------------------

    def gather_registerutdrag(self, case_id: int, *, now: dt.datetime | None = None,
                              log: bool = True) -> dict[str, Any]:
        return extract.gather_registerutdrag(self._db, case_id, now=now, log=log, actor=self.actor)

    def record_registerutdrag(self, case_id: int) -> None:
        extract.record_registerutdrag(self._db, case_id, actor=self.actor)
