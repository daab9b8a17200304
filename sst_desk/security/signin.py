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

Failed sign-ins cannot be written to the access log (without the right
password nothing can be decrypted); each costs a full Argon2id derivation,
which is what slows guessing.
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

from . import passwords
from .keyfile import KeyFile, KeyFileError, key_file_for, new_database_key

T = TypeVar("T")


class SignInError(Exception):
    """Why signing in failed. ``code``: wrong_credentials, inactive, key_file_missing, key_file_damaged."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


WRONG = "The user name or the password is wrong."


def first_run_needed(file: Path) -> bool:
    """True when the database file has no key file yet: nobody can sign in until an administrator is made.

    An encrypted database without its key file is not a first run: ``unlock`` explains it.
    """
    file = Path(file)
    if key_file_for(file).exists():
        return False
    return not file.exists() or file.stat().st_size == 0 or cipher.is_plaintext(file)


def unlock(file: Path, username: str, password: str) -> bytes:
    """The database key from ``username``'s slot; ``SignInError`` for a wrong name or password."""
    path = key_file_for(Path(file))
    try:
        key = KeyFile.load(path).unwrap(accounts.normal_username(username), password)
    except KeyFileError as exc:  # missing, unreadable, or damaged (also just one slot)
        code = "key_file_missing" if not path.exists() else "key_file_damaged"
        raise SignInError(code, str(exc)) from exc
    if key is None:
        raise SignInError("wrong_credentials", WRONG)
    return key


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
    return actor


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
    passwords.check_new_password(password, username=username)
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
    passwords.check_new_password(password, username=username)
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
    """An administrator adds a user with a first password they hand over; the user must change it."""
    passwords.check_new_password(password, username=username)
    if accounts.find_user(db, username) is not None:  # before its slot could be touched
        raise accounts.DuplicateUserError(accounts.normal_username(username))
    return _with_slot(db, username, password, lambda: accounts.add_user(
        db, username, display_name, role, passwords.hash_password(password), must_change_password=True))


def reset_password(db: Database, user_id: int, new_password: str) -> None:
    """An administrator sets a new first password for someone who forgot theirs (they must change it)."""
    user = accounts.get_user(db, user_id)
    if user is None:
        raise ValueError(f"no user {user_id}")
    if not user.active:
        # A slot for a switched-off account would let its password decrypt the database again.
        raise ValueError("a switched-off account gets a new password when it is switched on (switch_on)")
    passwords.check_new_password(new_password, username=user.username)
    _with_slot(db, user.username, new_password, lambda: accounts.set_password_hash(
        db, user_id, passwords.hash_password(new_password), must_change_password=True, reset=True))


def change_own_password(db: Database, old_password: str, new_password: str, repeated: str | None = None) -> None:
    """The signed-in person changes their password (after checking the old one)."""
    assert db.actor is not None
    user = accounts.get_user(db, db.actor.user_id)
    assert user is not None
    if not passwords.verify_password(user.password_hash, old_password):
        raise SignInError("wrong_credentials", "The current password is wrong.")
    passwords.check_new_password(new_password, username=user.username, repeated=repeated)
    if new_password == old_password:
        # A first password set by an administrator is known to them: keeping it would defeat the change.
        raise passwords.PasswordProblem("same_as_old", "The new password must differ from the current one.")
    _with_slot(db, user.username, new_password, lambda: accounts.set_password_hash(
        db, user.id, passwords.hash_password(new_password), must_change_password=False, reset=False))


def set_active(db: Database, user_id: int, active: bool) -> UserRecord:
    """Switch an account off (its key slot is removed: it can no longer decrypt) or back on.

    Switching back on needs a new password (``reset_password``) to write a new slot.
    """
    record = accounts.update_user(db, user_id, active=active)
    if not active and db.path is not None:
        keys = KeyFile.load(key_file_for(db.path))
        keys.remove_slot(record.username)
        keys.save()
    return record


def switch_on(db: Database, user_id: int, new_password: str) -> UserRecord:
    """Switch an account back on with a new first password (checked before anything changes).

    Its key slot was removed when it was switched off, so a password is needed to write a new one.
    """
    user = accounts.get_user(db, user_id)
    if user is None:
        raise ValueError(f"no user {user_id}")
    passwords.check_new_password(new_password, username=user.username)
    set_active(db, user_id, True)
    reset_password(db, user_id, new_password)
    record = accounts.get_user(db, user_id)
    assert record is not None
    return record


def verify_current_user(db: Database, password: str) -> bool:
    """Unlocking a locked screen: is this the signed-in person's password? (logged either way)."""
    assert db.actor is not None
    user = accounts.get_user(db, db.actor.user_id)
    ok = bool(user and user.active and passwords.verify_password(user.password_hash, password))
    accounts.log_event(db, LogAction.UNLOCK if ok else LogAction.SIGN_IN_FAILED, "unlock")
    return ok


def _with_slot(db: Database, username: str, password: str, change: Callable[[], T]) -> T:
    """Write ``username``'s key slot for ``password`` first, then make the database ``change``.

    Key file and password hash must never disagree: that locks the person out for good (the only
    administrator: everyone). So a failure writing the key file (a full disk) comes before anything
    has changed, and when the database change fails the old key file is put back.
    """
    if db.path is None or db.key is None:
        return change()  # a server database: no key file
    path = key_file_for(db.path)
    keys = KeyFile.load(path)
    before = path.read_bytes()
    keys.set_slot(username, password, db.key)
    keys.save()
    try:
        return change()
    except BaseException:
        write_bytes_atomic(before, path)
        raise
