"""The key file kept in step with the accounts: the key-slot work of the accounts use cases.

A local encrypted database has a key file beside it (``keyfile.py``): one slot per active account, each
holding the database key under that person's password. Key file and password hashes must never disagree
— that locks a person out for good — so the use cases in ``services/accounts.py`` (and
``signin.change_own_password``) do it in this order:

1. **write the slot first** (``key_slot``) or remove it and mark a re-key pending (``without_key_slot``):
   a full disk stops everything before the database changes;
2. make the account change in the database; if that fails, **the old key file is put back**;
3. **re-key after** (``rekey``) when someone lost a way in (a reset, a switched-off account): the old
   password, or an old copy of the key file, then opens nothing. When the database is open elsewhere or
   the disk is full the re-key waits: ``RekeyOutcome(pending=True)``, finished at the next sign-in
   (``rekey.finish_pending``).

A unit of work offers this as ``tx.key_slots`` (``persistence/uow.py``); ``attach`` gives a ``Database``
its keeper: ``signin.authenticate`` attaches one to every database a person signs in on (the window, the
command line, the first administrator), and the window's restore to the database it reopens. A database
without a key file (on a server, or a plain test file) has nothing to keep: every step does nothing.
Persistence does not import this module (it sits below security, which opens databases).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sst_desk.fileio import write_bytes_atomic
from sst_desk.workflow.accounts import RekeyOutcome

from sst_desk.security import rekey as rekeying
from sst_desk.security.keyfile import KeyFile, key_file_for

if TYPE_CHECKING:
    from sst_desk.persistence import Database

last_rekey: rekeying.RekeyResult | None = None
"""The last re-key's result in this process (who was locked out, which backups were left)."""


class KeySlots:
    """The key file of one open database, kept in step with its accounts."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @property
    def has_key_file(self) -> bool:
        """A local, encrypted file (a server keeps its own keys; a plain file has none)."""
        return self._db.path is not None and self._db.key is not None

    @contextlib.contextmanager
    def key_slot(self, username: str, password: str, *, rekey_pending: bool = False) -> Iterator[None]:
        """Write ``username``'s key slot for ``password`` before the block; put the old key file back if it fails.

        ``rekey_pending`` marks the key file so that a re-key interrupted after this is finished at the
        next sign-in (a reset).
        """
        if not self.has_key_file:
            yield
            return
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
        global last_rekey
        if not self.has_key_file:
            return None
        try:
            result = rekeying.rekey(self._db)
        except (rekeying.RekeyBusy, OSError):
            return RekeyOutcome(pending=True)
        last_rekey = result
        return RekeyOutcome(locked_out=tuple(sorted(result.locked_out)), backups_left=len(result.backups_left))


def attach(database: Database) -> Database:
    """Give ``database`` its key-slot keeper (``tx.key_slots`` in its units of work); returns it."""
    database.key_slots = KeySlots(database)
    return database
