"""Every raw SQLite connection in SST Desk, encrypted with SQLCipher when a key is given.

SST Desk talks to SQLite files only through ``sqlcipher3`` (the SQLCipher
build of Python's sqlite3 module; the ``sqlcipher3-binary`` wheel bundles
SQLCipher 4): the engine (engine.py) and the few raw connections for checks,
backups and restore (this module). A database key is 32 random bytes, given
to SQLCipher as a *raw key* (``PRAGMA key = "x'…'"``), so no key derivation
runs per connection; the key itself is kept wrapped per user
(``sst_desk.security.keyfile``).

With ``key=None`` the file is plain SQLite: used for PostgreSQL-less tests of
the storage layer only. The app and the command line always pass a key
(``sst_desk.security.signin``); a test checks that what they create is encrypted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as dbapi

Error = dbapi.Error
OperationalError = dbapi.OperationalError
SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(dbapi_connection: Any, key: bytes | None) -> None:
    """Key a fresh connection (must be its first statement); check the key opens the file."""
    if key is None:
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(key_pragma(key))
        # Also lock down what SQLCipher may leave in memory and temp files.
        cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()


def connect(target: str | Path, key: bytes | None, *, uri: bool = False, timeout: float = 5.0,
            isolation_level: str | None = "") -> dbapi.Connection:
    """A raw connection to ``target`` (a file, or a ``file:`` URI with ``uri=True``), keyed when ``key`` is set."""
    conn = dbapi.connect(str(target), uri=uri, timeout=timeout, isolation_level=isolation_level)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn


def read_only_uri(file: Path, header: bytes) -> str:
    """A URI that reads ``file`` without leaving anything beside it.

    A read-only connection to a WAL database creates -wal and -shm files it
    cannot remove. When there are none yet, nobody has the database open and
    nothing is waiting in a -wal, so the file can be read as immutable. An
    encrypted file's header is unreadable; SST Desk's live databases are always
    WAL and its backups are never written in place, so the same rule holds.
    """
    encrypted = not header.startswith(SQLITE_HEADER)
    wal_mode = encrypted or header[18:20] == b"\x02\x02"
    in_use = any(os.path.lexists(f"{file}{suffix}") for suffix in ("-wal", "-shm"))
    return f"{file.as_uri()}?mode=ro" + ("&immutable=1" if wal_mode and not in_use else "")


def connect_read_only(file: Path, key: bytes | None, *, timeout: float = 5.0) -> dbapi.Connection:
    """A read-only connection to ``file`` that leaves nothing beside it (see ``read_only_uri``)."""
    file = Path(file).absolute()
    with open(file, "rb") as handle:
        header = handle.read(100)
    return connect(read_only_uri(file, header), key, uri=True, timeout=timeout)


def is_plaintext(file: Path) -> bool:
    """True for a plain (unencrypted) SQLite file; False for an encrypted, empty or missing one."""
    try:
        with open(file, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def encrypt_copy(source: Path, dest: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain SQLite file ``source`` into the new file ``dest`` (sqlcipher_export)."""
    conn = connect(source, None, isolation_level=None)
    try:
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(dest),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


KEY_FILE_SUFFIX = ".keys"


def key_file_for(db_file: Path) -> Path:
    """Where a database file's wrapped keys live: ``<file>.keys`` beside it (``sst_desk.security.keyfile``)."""
    return db_file.with_name(db_file.name + KEY_FILE_SUFFIX)


def copy_key_beside(db_file: Path, copy: Path) -> Path | None:
    """Give a backup ``copy`` of ``db_file`` its own copy of the key file (``<copy>.keys``); None if there is none.

    The copy reflects the accounts at the time of the backup: a slot removed later (an account
    switched off) disappears from backups as they rotate away (docs/security.md).
    """
    from sst_desk.fileio import write_bytes_atomic

    source = key_file_for(db_file)
    if not source.exists():
        return None
    return write_bytes_atomic(source.read_bytes(), key_file_for(copy))


# --- re-keying (security/rekey.py) ---------------------------------------------------------------


class InUseError(Exception):
    """Another connection (a window, a command) has the database open: it cannot be re-keyed now."""


def opens(file: Path, key: bytes) -> bool:
    """True when ``key`` decrypts ``file``: its first page passes SQLCipher's HMAC (read-only).

    Only the first page is read (``user_version`` is in its header), so a file damaged further on still
    counts as under this key: whether it is whole is the integrity check's question.
    """
    return _first_page(file, key) is True


def refuses(file: Path, key: bytes) -> bool:
    """True only when ``file`` answers "file is not a database" to ``key`` (a wrong key, or page 1 damaged).

    A file that cannot be read right now (a full disk, an I/O error, a lock) is no verdict on the key:
    False, and opening it reports the real problem.
    """
    return _first_page(file, key) is False


def _first_page(file: Path, key: bytes) -> bool | None:
    """True: ``key`` reads page 1; False: "not a database"; None: the file could not be read at all."""
    try:
        conn = connect_read_only(Path(file), key, timeout=1.0)
    except (Error, OSError):
        return None
    try:
        # A wrong key is an expected answer here, not an error for stderr (SQLCipher logs every failed page).
        (level,) = conn.execute("PRAGMA cipher_log_level").fetchone()
        conn.execute("PRAGMA cipher_log_level = NONE")
        try:
            conn.execute("PRAGMA user_version").fetchone()
            return True
        except Error as exc:
            return False if "not a database" in str(exc) else None
        finally:
            conn.execute(f"PRAGMA cipher_log_level = {str(level).upper() if str(level).isalpha() else 'WARN'}")
    finally:
        conn.close()


def rekey_in_place(file: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt the live database ``file`` from ``old_key`` to ``new_key``; ``InUseError`` when busy.

    Needs the only connection: any other would go on writing pages under the old key. Leaving WAL
    mode proves nobody else is inside (SQLite refuses while others are), and an exclusive lock keeps
    newcomers out meanwhile. ``PRAGMA rekey`` on the live file is NOT crash-safe (a kill in the middle
    left pages under both keys, "hmac check failed", tests/integration/test_revocation.py), so the
    file is copied (backup API) into a private temporary file, that copy is re-keyed, synced, and
    renamed over the database: a kill leaves the old file under the old key, or the new one whole.
    The copy is made with the backup API and re-keyed with ``PRAGMA rekey`` (``sqlcipher_export``, which
    rebuilds every index, took 2.7 times as long on a demo database: 1.67 s against 0.61 s for 15 MB).
    """
    import uuid

    file = Path(file)
    for stale in file.parent.glob(f".{file.name}.rekey-*.tmp*"):  # left by a re-key killed earlier
        stale.unlink(missing_ok=True)
    try:
        conn = connect(file, old_key, timeout=0, isolation_level=None)
    except Error as exc:
        raise InUseError(str(exc)) from exc
    tmp = file.with_name(f".{file.name}.rekey-{uuid.uuid4().hex}.tmp")
    try:
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            if str(mode).lower() != "delete":
                raise InUseError(f"journal mode stayed {mode}")
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")  # the exclusive lock stays (locking_mode) until the connection closes
        except Error as exc:
            raise InUseError(str(exc)) from exc
        _copy_rekeyed(conn, tmp, old_key, new_key)
        _put_in_place(tmp, file)
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):  # nothing of the old file may be replayed onto the new
        Path(f"{file}{suffix}").unlink(missing_ok=True)


def _copy_rekeyed(source: Any, dest: Path, old_key: bytes, new_key: bytes) -> None:
    """Copy what the open connection ``source`` reads into the new file ``dest``, then re-key the copy.

    The backup API copies pages between databases with the same key only, so the copy is made under
    ``old_key`` and re-keyed where nobody else sees it; a kill leaves only a temporary file behind.
    """
    copy = connect(dest, old_key, isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    finally:
        copy.close()


def rekey_copy(source: Path, dest: Path, old_key: bytes, new_key: bytes) -> None:
    """Replace ``dest`` (may be ``source``) by a copy of the standalone file ``source`` under ``new_key``.

    For backups: the copy is written beside ``dest`` under a temporary name and re-keyed there,
    synced and renamed over it, so ``dest`` is always whole under one of the two keys and never
    written in place.
    """
    import uuid

    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.rekey-{uuid.uuid4().hex}.tmp")
    try:
        reader = connect_read_only(Path(source), old_key)
        try:
            _copy_rekeyed(reader, tmp, old_key, new_key)
        finally:
            reader.close()
        _put_in_place(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)


def _put_in_place(tmp: Path, dest: Path) -> None:
    """Sync the finished copy ``tmp``, rename it over ``dest`` and sync the folder (a kill: old or new, whole)."""
    from sst_desk.fileio import fsync_directory

    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, dest)
    fsync_directory(dest.parent)
