"""Looking before opening: is the folder writable, and is the file an SST Desk database?

All of this reads only. The engine's own connections switch the file to WAL
(they write its header), so a file is handed to the engine only once these
checks have shown it is an empty file or an SST Desk database this version
knows: anything else is refused unchanged.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from . import migrate
from .errors import DatabaseUnavailableError, LocationNotWritableError, NewerDatabaseError, NotADatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
LOOK_TIMEOUT_S = 5.0  # how long to wait for another program's lock before calling the file busy
_BUSY = ("locked", "busy")


def prepare_folder(file: Path) -> None:
    """Create the database's folder if needed and prove it writable by writing a probe file."""
    folder = file.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".sst-desk-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:  # read-only, permission denied, a file where a folder should be…
        raise LocationNotWritableError(folder) from exc


def check_existing(file: Path) -> None:
    """Refuse, without changing it, a file that is not an SST Desk database this version can open.

    A missing or empty file passes: SQLite treats an empty file as an empty database.
    """
    if not os.path.lexists(file):
        return
    if not file.is_file():
        raise NotADatabaseError(file)
    try:
        with open(file, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise LocationNotWritableError(file) from exc
    if not header:
        return
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(file)
    if not os.access(file, os.W_OK):
        raise LocationNotWritableError(file)
    tables, revision = _look_inside(file, _read_only_uri(file, header))
    ours = migrate.VERSION_TABLE in tables
    if not ours and tables - migrate.SQLITE_INTERNAL:
        raise NotADatabaseError(file)  # another program's database
    if revision is not None and not migrate.is_known_revision(revision):
        raise NewerDatabaseError(file)


def _read_only_uri(file: Path, header: bytes) -> str:
    """A URI that reads ``file`` without leaving anything beside it.

    A read-only connection to a WAL database creates -wal and -shm files it
    cannot remove. When there are none yet, nobody has the database open and
    nothing is waiting in a -wal, so the file can be read as immutable.
    """
    wal_mode = header[18:20] == b"\x02\x02"
    in_use = any(os.path.lexists(f"{file}{suffix}") for suffix in ("-wal", "-shm"))
    return f"{file.as_uri()}?mode=ro" + ("&immutable=1" if wal_mode and not in_use else "")


def _look_inside(file: Path, uri: str) -> tuple[set[str], str | None]:
    """The table names and the Alembic revision, read through a read-only connection."""
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=LOOK_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise _classify(exc, file) from exc
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if migrate.VERSION_TABLE in tables:
            row = conn.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}").fetchone()
            revision = row[0] if row else None
        (verdict,) = conn.execute("PRAGMA quick_check(1)").fetchone()
        if verdict != "ok":
            raise NotADatabaseError(file)
    except sqlite3.Error as exc:
        raise _classify(exc, file) from exc
    finally:
        conn.close()
    return tables, revision


def _classify(exc: sqlite3.Error, file: Path) -> Exception:
    text = str(exc).lower()
    if any(word in text for word in _BUSY):
        return DatabaseUnavailableError(file)
    if isinstance(exc, sqlite3.OperationalError) and "unable to open" in text:
        return DatabaseUnavailableError(file)
    return NotADatabaseError(file)
