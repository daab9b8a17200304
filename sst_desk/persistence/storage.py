"""What a use case asks of the database *file* rather than of its rows: backups, gallring's purge, the key file.

A unit of work on a ``Database`` offers it as ``tx.storage`` (``uow.py``), bound to the person acting.
These operations are not one transaction: a backup copies the file, gallring deletes in one transaction
and then checkpoints, vacuums and purges backups, a re-key copies the database and every backup. So each
runs its own units of work (checked and logged as the acting person, as before), and a service calls them
with nothing of its own pending in ``tx``. A database on a server has no file here: the operations say so
(``DatabaseError``), and the key operations do nothing (the server keeps its own keys).

The key-file operations are the local file's way to keep passwords and the database key in step; they
use ``sst_desk.security`` (imported late: persistence is below security, which opens the database).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sst_desk.workflow.access import Actor
from sst_desk.workflow.accounts import RekeyOutcome

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

    # --- the key file (a local, encrypted file only) --------------------------------------------------

    @property
    def has_key_file(self) -> bool:
        return self._db.path is not None and self._db.key is not None

    @contextlib.contextmanager
    def key_slot(self, username: str, password: str, *, rekey_pending: bool = False) -> Iterator[None]:
        """Write ``username``'s key slot for ``password`` before the block; put the old key file back if it fails.

        Key file and password hash must never disagree (that locks the person out for good), so the
        slot is written first — a full disk stops everything before any change — and undone when the
        database change in the block fails. ``rekey_pending`` marks the key file so that a re-key
        interrupted after this is finished at the next sign-in (a reset).
        """
        if not self.has_key_file:
            yield
            return
        from sst_desk.fileio import write_bytes_atomic
        from sst_desk.security.keyfile import KeyFile, key_file_for

        assert self._db.path is not None and self._db.key is not None
        path = key_file_for(self._db.path)
        keys = KeyFile.load(path)
        before = path.read_bytes()
        keys.set_slot(username, password, self._db.key)
        if rekey_pending:
            keys.rekey_pending = True
        keys.save()
        try:
            yield
        except BaseException:
            write_bytes_atomic(before, path)
            raise

    @contextlib.contextmanager
    def without_key_slot(self, username: str) -> Iterator[None]:
        """Remove ``username``'s slot and mark a re-key pending before the block; put it back if the block fails."""
        if not self.has_key_file:
            yield
            return
        from sst_desk.fileio import write_bytes_atomic
        from sst_desk.security.keyfile import KeyFile, key_file_for

        assert self._db.path is not None
        path = key_file_for(self._db.path)
        keys = KeyFile.load(path)
        before = path.read_bytes()
        keys.remove_slot(username)
        keys.rekey_pending = True
        keys.save()
        try:
            yield
        except BaseException:
            write_bytes_atomic(before, path)  # refused (the last administrator): the slot comes back
            raise

    def rekey(self) -> RekeyOutcome | None:
        """Give the database (and its backups) a new key; None for a database without a key file.

        Open elsewhere, or a full disk: ``RekeyOutcome(pending=True)`` — finished at a later sign-in.
        """
        if not self.has_key_file:
            return None
        from sst_desk.security import rekey, signin

        try:
            result = rekey.rekey(self._db)
        except (rekey.RekeyBusy, OSError):
            return RekeyOutcome(pending=True)
        signin.last_rekey = result  # the process's last re-key, as signin's own account functions record it
        return RekeyOutcome(locked_out=tuple(sorted(result.locked_out)), backups_left=len(result.backups_left))
