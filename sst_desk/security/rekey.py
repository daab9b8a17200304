"""Re-keying a database file: a new SQLCipher key when someone's way in must stop working.

Called when an account is switched off or an administrator resets a password
(``signin.set_active`` / ``signin.reset_password``), and to finish a re-key
that was interrupted (``finish_pending`` at the next sign-in). The steps are
ordered so that a kill at any moment leaves a database that the key file
opens, for every remaining user (docs/security.md, "Revocation"):

1. a new 32-byte key; the key file is rewritten with the new AND the old key
   sealed to every remaining user's public key, marked ``rekey_pending``;
2. the database is re-encrypted in place (``PRAGMA rekey``, the only
   connection, one transaction: old key or new, never half);
3. every backup that opens with an old key is re-keyed through a temporary
   copy and renamed over itself, and gets a fresh key-file copy holding only
   the new key and only the remaining users' slots;
4. the key file is rewritten with only the new key; ``rekey_pending`` cleared.

Format-1 slots (users who have not signed in since the upgrade to key file
format 2) cannot be given the new key without their password: they are
dropped, and the accounts are named in ``RekeyResult.locked_out`` so the
administrator is told who needs a new first password.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sst_desk import paths
from sst_desk.fileio import write_bytes_atomic
from sst_desk.persistence import Database, accounts, cipher
from sst_desk.workflow.logchain import LogAction

from sst_desk.security.keyfile import KeyFile, key_file_for, new_database_key, slot_ids_for

STEPS = ("sealed-both", "rekeyed", "backups", "done")  # where the crash test may stop a re-key


class RekeyBusy(Exception):
    """The database could not be re-keyed now: it is open elsewhere (another window, a command), or
    writing the new copy failed (a full disk).

    Nothing is lost: the key file holds the old and the new key, and the next sign-in finishes.
    """


@dataclass
class RekeyResult:
    locked_out: list[str] = field(default_factory=list)  # accounts whose old (format-1) slot had to go
    backups_rekeyed: int = 0
    backups_left: list[Path] = field(default_factory=list)  # backups under a key nobody here holds
    seconds: float = 0.0


_hook: Callable[[str], None] | None = None  # the crash test's way to stop between the steps


def _step(name: str) -> None:
    if _hook is not None:
        _hook(name)


def rekey(db: Database, *, old_keys: Sequence[bytes] = ()) -> RekeyResult:
    """Give the open database file ``db`` a new key; ``db`` is reconnected with it (``db.key``).

    ``old_keys``: further keys that backups may still be under (an interrupted re-key). Raises
    ``RekeyBusy`` when another connection has the database open; nothing is lost then.
    """
    if db.path is None or db.key is None:
        return RekeyResult()  # a server database: the server manages its own encryption
    started = time.monotonic()
    path, current = db.path, db.key
    olds = [current] + [key for key in old_keys if key != current]
    new = new_database_key()
    names = accounts.all_usernames(db)
    key_path = key_file_for(path)
    keys = KeyFile.load(key_path)

    keys.seal_for_everyone([new, *olds])
    keys.rekey_pending = True
    keys.save()
    _step("sealed-both")

    db.engine.dispose()
    try:
        cipher.rekey_in_place(path, current, new)
    except (cipher.InUseError, cipher.Error, OSError) as exc:
        raise RekeyBusy(str(path)) from exc
    db.use_key(new)
    _step("rekeyed")

    result = RekeyResult()
    owners = slot_ids_for(keys, names)
    for slot_id in keys.format1_slot_ids():
        keys.remove_slot_id(slot_id)
        result.locked_out.append(owners.get(slot_id, slot_id[:8]))
    keys.seal_for_everyone([new])
    keys.rekey_pending = False
    final = keys.to_bytes()
    _rekey_backups(path, olds, new, final, result)
    _step("backups")
    write_bytes_atomic(final, key_path)
    result.seconds = time.monotonic() - started
    detail = f"rekey;backups={result.backups_rekeyed}"
    if result.locked_out:
        detail += ";locked_out=" + ",".join(sorted(result.locked_out))
    accounts.log_event(db, LogAction.USER_CHANGED, detail)
    _step("done")
    return result


def _rekey_backups(db_file: Path, olds: Sequence[bytes], new: bytes, final: bytes, result: RekeyResult) -> None:
    """Re-key every backup beside ``db_file`` that opens with an old key, and give it the ``final`` key file."""
    folder = paths.backup_dir_for(db_file)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith(cipher.KEY_FILE_SUFFIX) or not entry.is_file():
            continue
        if entry.name.endswith(("-wal", "-shm", "-journal")):
            continue
        if cipher.opens(entry, new):
            write_bytes_atomic(final, key_file_for(entry))  # finished by an earlier, interrupted run
            continue
        old = next((key for key in olds if cipher.opens(entry, key)), None)
        if old is None:
            if not cipher.is_plaintext(entry):
                result.backups_left.append(entry)
            continue
        try:
            cipher.rekey_copy(entry, entry, old, new)
        except cipher.Error:
            # A backup damaged beyond its first page cannot be copied. Its key copy would still let a
            # revoked person read what is left of it: it goes (the backup was unusable anyway).
            key_file_for(entry).unlink(missing_ok=True)
            result.backups_left.append(entry)
            continue
        write_bytes_atomic(final, key_file_for(entry))
        result.backups_rekeyed += 1
    for entry in entries:  # a key copy whose backup is gone holds old slots and nothing else: remove it
        if entry.name.endswith(cipher.KEY_FILE_SUFFIX) and not entry.name.startswith("."):
            backup = entry.with_name(entry.name[: -len(cipher.KEY_FILE_SUFFIX)])
            if not backup.exists():
                entry.unlink(missing_ok=True)


def finish_pending(db: Database, username: str, password: str) -> RekeyResult | None:
    """At sign-in: finish a re-key that was interrupted (or refused as busy). None when none was pending.

    The signed-in person's slot holds every key the interrupted run had (old and new), which is what
    the backups may still be under. Busy again: left for the next sign-in.
    """
    if db.path is None or db.key is None or not key_file_for(db.path).exists():
        return None  # a server, or a throwaway copy opened by key (a restore's check of a backup's accounts)
    keys = KeyFile.load(key_file_for(db.path))
    if not keys.rekey_pending:
        return None
    known = keys.unwrap_all(accounts.normal_username(username), password) or []
    try:
        return rekey(db, old_keys=known)
    except (RekeyBusy, OSError, cipher.Error):
        return None  # still pending (both keys reachable): the next sign-in tries again
