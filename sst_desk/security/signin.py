"""From a name and a password to an open, encrypted database and the signed-in ``Actor``.

For a database file (the usual case, one per team laptop or share):

1. ``first_run_needed(file)``: no key file yet → the first-run flow creates the
   first administrator with ``create_first_administrator`` (a new random key,
   the key file with the administrator's slot, an encrypted database; an
   existing plain database from an earlier version is encrypted in place, and
   its plain backups removed).
2. ``unlock(file, username, password)`` → the database key (from the user's
   slot), or ``SignInError``.
3. The caller opens the database with that key (the app through
   ``ui/startup.open_for_window``, which also runs the integrity check and
   offers a restore), then ``authenticate(db, username, password)`` checks the
   account (active, Argon2id hash) and signs the person in: ``db.actor`` is
   set and the sign-in logged.

For a PostgreSQL database there is no key file: the server encrypts and
controls access to the data; SST Desk's accounts live in its ``users`` table
and ``authenticate`` alone signs in.

A failed sign-in cannot be written to the access log at once (without the
right password nothing can be decrypted): it is counted beside the database
(``throttle.py``), makes the next try of that name wait longer, and is written
to the access log at the next successful sign-in. Each try also costs a full
Argon2id derivation.

Switching an account off and an administrator's password reset re-key the
database (``rekey.py``): the old key, and with it every old password and old
key-file copy, stops opening the data.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sst_desk.fileio import shred, write_bytes_atomic
from sst_desk.persistence import Database
from sst_desk.persistence import accounts, cipher
from sst_desk.persistence.accounts import UserRecord
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.logchain import LogAction

from sst_desk.security import keyslots, passwords
from sst_desk.security.keyfile import KeyFile, KeyFileError, key_file_for, new_database_key, slot_ids_for
from sst_desk.security.throttle import Throttle, attempts_file_for

T = TypeVar("T")


class SignInError(Exception):
    """Why signing in failed. ``code``: wrong_credentials, inactive, key_file_missing, key_file_damaged,
    key_file_stale (the key file does not open the file), wait.

    ``seconds``: for ``wait``, how long until that name may try again.
    """

    def __init__(self, code: str, message: str, seconds: float = 0.0) -> None:
        self.code = code
        self.seconds = seconds
        super().__init__(message)


class RevocationIncomplete(Exception):
    """The account change is made, but the database could not be re-keyed now (open elsewhere).

    The key file holds the old and the new key; the next sign-in finishes the re-key. ``record``: the account.
    """

    def __init__(self, record: UserRecord | None) -> None:
        self.record = record
        super().__init__("The change is made, but the database is open elsewhere (another window or command), so "
                         "it could not be re-keyed now; it will be the next time someone signs in.")


WRONG = "The user name or the password is wrong."


def first_run_needed(file: Path) -> bool:
    """True when the database file has no key file yet: nobody can sign in until an administrator is made.

    An encrypted database without its key file is not a first run: ``unlock`` explains it.
    """
    file = Path(file)
    if key_file_for(file).exists():
        return False
    return not file.exists() or file.stat().st_size == 0 or cipher.is_plaintext(file)


def throttle_for(file: Path) -> Throttle:
    return Throttle(attempts_file_for(Path(file)))


def unlock(file: Path, username: str, password: str, *, wait: float = float("inf")) -> bytes:
    """The database key from ``username``'s slot; ``SignInError`` for a wrong name or password.

    Waits first as long as that name's recent failures demand (``throttle.py``), at most ``wait``
    seconds: a longer wait (the window, which must not freeze) raises ``SignInError("wait")`` instead,
    without trying. A format-1 slot is upgraded to format 2 here: the password is at hand only now.
    """
    file = Path(file)
    path = key_file_for(file)
    name = accounts.normal_username(username)
    throttle = throttle_for(file)
    try:
        keys = KeyFile.load(path)
        name_hash = keys.slot_id(name)
        remaining = _best_effort(lambda: throttle.wait_needed(name_hash)) or 0.0
        if remaining > wait:
            raise SignInError("wait", f"Too many wrong passwords: wait {remaining:.0f} s and try again.",
                              seconds=remaining)
        if remaining > 0:
            throttle.sleep(remaining)
        found = keys.unwrap_all(name, password)
    except KeyFileError as exc:  # missing, unreadable, or damaged (also just one slot)
        code = "key_file_missing" if not path.exists() else "key_file_damaged"
        raise SignInError(code, str(exc)) from exc
    if found is None:
        _best_effort(lambda: throttle.failed(name_hash))
        raise SignInError("wrong_credentials", WRONG)
    _best_effort(lambda: throttle.succeeded(name_hash))
    key = _the_key_that_opens(file, found)
    if (file.exists() and file.stat().st_size > 0 and not cipher.is_plaintext(file) and cipher.refuses(file, key)
            and not _opens_a_backup(file, key)):
        # The password fits the key file, but the key does not fit the file: an old copy of the key file
        # (from before a re-key) or another database's. Said plainly, not as "damaged". A key that opens
        # the database's own backups (re-keyed with it) is current: then the file itself is damaged, and
        # opening it says so (and offers a restore).
        raise SignInError("key_file_stale", f"The key file {path} does not open {file}: it is an old copy, or "
                                            "belongs to another database.")
    if keys.slot_format(name) == 1:
        keys.set_slot(name, password, found)  # a new key pair, the same key(s)
        _best_effort(keys.save)  # a read-only folder: upgraded at a later sign-in
    return key


def _opens_a_backup(file: Path, key: bytes) -> bool:
    """Whether ``key`` opens one of the database's backups (newest first; they share its key)."""
    from sst_desk.persistence.backups import list_backups

    try:
        found = list_backups(file)
    except OSError:
        return False
    return any(cipher.opens(info.path, key) for info in sorted(found, key=lambda i: i.path.name, reverse=True))


def _best_effort(call: Callable[[], T]) -> T | None:
    """The attempts file and the slot upgrade must never stop a sign-in (a read-only folder, a full disk)."""
    try:
        return call()
    except OSError:
        return None


def _the_key_that_opens(file: Path, keys: list[bytes]) -> bytes:
    """Of the keys a slot holds (several only while a re-key is under way), the one the file is under."""
    if len(keys) == 1 or not file.exists():
        return keys[0]
    return next((key for key in keys if cipher.opens(file, key)), keys[0])


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Check the account in the open database and sign the person in (``db.actor``, logged)."""
    user = accounts.find_user(db, username)
    if user is None or not passwords.verify_password(user.password_hash, password):
        raise SignInError("wrong_credentials", WRONG)
    if not user.active:
        raise SignInError("inactive", "This account has been switched off; ask your administrator.")
    actor = user.actor()
    rehash = passwords.hash_password(password) if passwords.needs_rehash(user.password_hash) else None
    accounts.record_sign_in(db, actor, new_hash=rehash)
    db.actor = actor
    if db.key_slots is None:
        keyslots.attach(db)  # the accounts use cases keep the key file in step through it
    if _renamed_demo(db) and password == _demo_password():
        # A demo database under another name may hold real data now: its public password must go.
        accounts.require_password_change(db, user.id)
    if db.path is not None and db.key is not None:
        _log_failed_attempts(db, actor)
        from sst_desk.security import rekey

        rekey.finish_pending(db, username, password)
    return actor


def _demo_password() -> str:
    from sst_desk.demo.users import DEMO_PASSWORD

    return DEMO_PASSWORD


def _renamed_demo(db: Database) -> bool:
    """True for a database made by the demo generator and opened under another file name (demo_accounts)."""
    made_as = accounts.demo_mark(db)
    return made_as is not None and (db.path is None or db.path.name != made_as)


def _log_failed_attempts(db: Database, actor: Actor) -> None:
    """Write the failures counted beside the database since the last sign-in into its access log."""
    throttle = throttle_for(db.path)
    pending = _best_effort(throttle.unlogged) or []
    if not pending:
        return
    try:
        owners = slot_ids_for(KeyFile.load(key_file_for(db.path)), accounts.all_usernames(db))
    except KeyFileError:
        owners = {}
    for item in pending:
        who = owners.get(item.name_hash) or f"#{item.name_hash[:12]}"  # not an account: only its hash
        accounts.log_event(db, LogAction.SIGN_IN_FAILED,
                           f"name={who};count={item.count};first={item.first};last={item.last}", actor=actor)
    _best_effort(lambda: throttle.mark_logged(pending))


def sign_in(target: str | Path, username: str, password: str) -> Database:
    """Unlock, open and authenticate in one call (the command line); the database is returned signed in."""
    key = None
    path = Path(target) if "://" not in str(target) else None
    if path is not None:
        key = unlock(path, username, password)
    db = Database.open(target, key=key)
    try:
        authenticate(db, username, password)
    except BaseException:
        db.close()
        raise
    return db


def must_change_password(db: Database) -> bool:
    assert db.actor is not None
    user = accounts.get_user(db, db.actor.user_id)
    return bool(user and user.must_change_password)


def create_first_administrator(file: Path, username: str, display_name: str, password: str) -> Database:
    """The first run: a key, the key file, the (encrypted) database and its administrator, signed in.

    A plain database left by an earlier SST Desk is encrypted first (``encrypt_existing``).
    """
    file = Path(file)
    passwords.check_new_password(password, username=username, personal=_personal(display_name))
    if not first_run_needed(file):
        raise ValueError("this database already has users")
    key = new_database_key()
    if file.exists() and cipher.is_plaintext(file):
        encrypt_existing(file, key)
    keys = KeyFile.new(key_file_for(file))
    keys.set_slot(accounts.normal_username(username), password, key)
    db = Database.open(file, key=key)
    try:
        accounts.add_user(db, username, display_name, Role.ADMINISTRATOR, passwords.hash_password(password),
                          must_change_password=False)
        keys.save()
        authenticate(db, username, password)
    except BaseException:
        db.close()
        raise
    return db


def create_first_administrator_on_server(db: Database, username: str, display_name: str,
                                        password: str) -> Database:
    """The first run on a server database (no key file): the first administrator, signed in."""
    passwords.check_new_password(password, username=username, personal=_personal(display_name, db))
    if accounts.count_users(db) > 0:
        raise ValueError("this database already has users")
    accounts.add_user(db, username, display_name, Role.ADMINISTRATOR, passwords.hash_password(password),
                      must_change_password=False)
    authenticate(db, username, password)
    return db


def encrypt_existing(file: Path, key: bytes) -> None:
    """Replace the plain database ``file`` by an encrypted copy, and delete its plain backups.

    The plain file is overwritten with zeros before it is removed (a best effort: an SSD or a
    copy-on-write file system may keep old blocks; docs/security.md).
    """
    from sst_desk import paths

    tmp = file.with_name(f".{file.name}.encrypting-{uuid.uuid4().hex}.tmp")
    # Fold any -wal into the file and make sure no one has it open.
    conn = cipher.connect(file, None, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    try:
        cipher.encrypt_copy(file, tmp, key)
        plain = file.with_name(f".{file.name}.plain-{uuid.uuid4().hex}.tmp")
        os.replace(file, plain)
        os.replace(tmp, file)
        shred(plain)
    finally:
        tmp.unlink(missing_ok=True)
    folder = paths.backup_dir_for(file)
    if folder.is_dir():
        for old in folder.iterdir():
            if old.is_file() and cipher.is_plaintext(old):
                shred(old)


# --- accounts, by an administrator or the person themself -----------------------------------------


def add_account(db: Database, username: str, display_name: str, role: Role, password: str) -> UserRecord:
    """An administrator adds a user with a first password they hand over; the user must change it.

    The use case is ``services.accounts.create_user`` (this is its call on a ``Database``, as the
    signed-in person): the key slot first, the account after, the slot put back if that fails.
    """
    return _accounts(db).create_user(username, display_name, role, password, team_name=_team_name(db))


def reset_password(db: Database, user_id: int, new_password: str) -> None:
    """An administrator sets a new first password for someone who forgot theirs (they must change it).

    The person gets a new key pair, and the database is re-keyed (``rekey.py``): whoever knew the old
    password — from a note, or with a copy of the key file — can no longer open it. ``RevocationIncomplete``
    when the database is open elsewhere (the reset is made; the re-key waits for the next sign-in).
    ``services.accounts.reset_password`` is the use case.
    """
    _told(_accounts(db).reset_password(user_id, new_password, team_name=_team_name(db)))


def change_own_password(db: Database, old_password: str, new_password: str, repeated: str | None = None) -> None:
    """The signed-in person changes their password (after checking the old one).

    Their slot gets a new key pair; the backups' key-file copies are replaced, so the old password
    opens no copy either. No re-key: the person is not being shut out.
    """
    assert db.actor is not None
    user = accounts.get_user(db, db.actor.user_id)
    assert user is not None
    if not passwords.verify_password(user.password_hash, old_password):
        raise SignInError("wrong_credentials", "The current password is wrong.")
    passwords.check_new_password(new_password, username=user.username, repeated=repeated,
                                 personal=_personal(user.display_name, db))
    if new_password == old_password:
        # A first password set by an administrator is known to them: keeping it would defeat the change.
        raise passwords.PasswordProblem("same_as_old", "The new password must differ from the current one.")
    hashed = passwords.hash_password(new_password)
    with keyslots.KeySlots(db).key_slot(user.username, new_password):  # the slot first; put back if this fails
        accounts.set_password_hash(db, user.id, hashed, must_change_password=False, reset=False)
    if db.path is not None and db.key is not None:
        _best_effort(lambda: refresh_backup_key_copies(db.path, db.key))


def refresh_backup_key_copies(db_file: Path, key: bytes) -> int:
    """Give every backup under ``key`` a copy of the current key file (old slots and passwords gone)."""
    from sst_desk import paths

    current = key_file_for(db_file).read_bytes()
    folder = paths.backup_dir_for(db_file)
    count = 0
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        copy = key_file_for(entry)
        if entry.name.startswith(".") or entry.name.endswith(cipher.KEY_FILE_SUFFIX) or not copy.exists():
            continue
        if cipher.opens(entry, key):
            write_bytes_atomic(current, copy)
            count += 1
    return count


def set_active(db: Database, user_id: int, active: bool) -> UserRecord:
    """Switch an account off (its key slot is removed and the database re-keyed) or back on.

    Switching back on needs a new password (``switch_on``) to write a new slot; without one this only
    flips the flag. ``RevocationIncomplete`` when the database is open elsewhere: the account is off and
    its slot gone, the re-key waits. ``services.accounts.switch_off`` is the use case (its order: the slot
    goes and the key file is marked ``rekey_pending`` first, then the account is switched off, then the
    re-key runs; any sign-in finishes a pending one).
    """
    if active:
        return accounts.update_user(db, user_id, active=True)
    return _told(_accounts(db).switch_off(user_id))


def switch_on(db: Database, user_id: int, new_password: str) -> UserRecord:
    """Switch an account back on with a new first password (``services.accounts.switch_on``)."""
    return _accounts(db).switch_on(user_id, new_password, team_name=_team_name(db))


def _accounts(db: Database):
    """The accounts use cases on ``db``, as its signed-in person."""
    from sst_desk.services import Door

    return Door(db.uow, db.actor).accounts


def _told(change) -> UserRecord:
    """The account after a change; ``RevocationIncomplete`` when its re-key had to wait."""
    if change.rekey is not None and change.rekey.pending:
        raise RevocationIncomplete(change.user)
    return change.user


def _team_name(db: Database) -> str:
    """The team's name from its settings (a word a guesser would try in a password)."""
    words = _personal("", db)
    return words[0] if words else ""


def _personal(display_name: str = "", db: Database | None = None) -> list[str]:
    """Words a guesser would try for this person here: their full name and the team's name (from ``db``)."""
    from sst_desk.options import TEAM_NAME

    words = [display_name, TEAM_NAME.default]
    if db is not None:
        from sst_desk.services import Door

        words[1] = Door(db.uow, db.actor).settings.team_settings().team_name
    return [word for word in words if word]


def verify_current_user(db: Database, password: str) -> bool:
    """Unlocking a locked screen: is this the signed-in person's password? (logged either way)."""
    assert db.actor is not None
    user = accounts.get_user(db, db.actor.user_id)
    ok = bool(user and user.active and passwords.verify_password(user.password_hash, password))
    accounts.log_event(db, LogAction.UNLOCK if ok else LogAction.SIGN_IN_FAILED, "unlock")
    return ok
