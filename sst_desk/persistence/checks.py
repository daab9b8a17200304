"""Looking before opening: is the folder writable, and is the file an SST Desk database?

All of this reads only. The engine's own connections switch the file to WAL
(they write its header), so a file is handed to the engine only once these
checks have shown it is an empty file or an SST Desk database this version
knows: anything else is refused unchanged.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sst_desk.persistence import cipher, migrate
from sst_desk.persistence.errors import (
    DatabaseUnavailableError,
    DiskFullError,
    LocationNotWritableError,
    NewerDatabaseError,
    NotADatabaseError,
    is_disk_full,
)

SQLITE_HEADER = cipher.SQLITE_HEADER
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


def _stamp(file: Path) -> tuple[str, int, int] | None:
    try:
        facts = os.stat(file)
    except OSError:
        return None
    return str(Path(file).absolute()), facts.st_mtime_ns, facts.st_size


_checked: set[tuple[str, int, int]] = set()


def checked_whole(file: Path) -> None:
    """``file`` just passed the full ``integrity_check`` (``backups.check_integrity``, which the window and the
    command line run before opening): ``check_existing`` skips its own scan while the file is unchanged."""
    stamp = _stamp(file)
    if stamp is not None:
        _checked.add(stamp)


def check_existing(file: Path, key: bytes | None = None) -> None:
    """Refuse, without changing it, a file that is not an SST Desk database this version can open.

    A missing or empty file passes: SQLite treats an empty file as an empty database.
    With ``key``, the file must be encrypted with it (a wrong key reads as "not a database").
    The ``quick_check`` scan (~50 ms for 5,000 cases, more encrypted) is skipped for a file that passed the
    full ``integrity_check`` in this process and has not changed since (same size and modification time).
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
    if header.startswith(SQLITE_HEADER) == (key is not None):
        raise NotADatabaseError(file)  # plain where encrypted is expected, or the other way round
    if not os.access(file, os.W_OK):
        raise LocationNotWritableError(file)
    stamp = _stamp(file)
    whole = stamp is not None and stamp in _checked
    _checked.discard(stamp)  # once: a later open scans again
    tables, revision = _look_inside(file, _read_only_uri(file, header), key, scan=not whole)
    ours = migrate.VERSION_TABLE in tables
    if not ours and tables - migrate.SQLITE_INTERNAL:
        raise NotADatabaseError(file)  # another program's database
    if revision is not None and not migrate.is_known_revision(revision):
        raise NewerDatabaseError(file)


def _read_only_uri(file: Path, header: bytes) -> str:
    return cipher.read_only_uri(file, header)


def _look_inside(file: Path, uri: str, key: bytes | None = None, *, scan: bool = True
                 ) -> tuple[set[str], str | None]:
    """The table names and the Alembic revision, read through a read-only connection (with ``scan``, also
    ``PRAGMA quick_check(1)``: a damaged file is refused)."""
    try:
        conn = cipher.connect(uri, key, uri=True, timeout=LOOK_TIMEOUT_S)
    except cipher.Error as exc:
        raise _classify(exc, file) from exc
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if migrate.VERSION_TABLE in tables:
            row = conn.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}").fetchone()
            revision = row[0] if row else None
        if scan:
            (verdict,) = conn.execute("PRAGMA quick_check(1)").fetchone()
            if verdict != "ok":
                raise NotADatabaseError(file)
    except cipher.Error as exc:
        raise _classify(exc, file) from exc
    finally:
        conn.close()
    return tables, revision


def _classify(exc: cipher.Error, file: Path) -> Exception:
    if is_disk_full(exc, file):  # never "damaged": nothing is wrong with the file, and a restore cannot help
        return DiskFullError(file)
    text = str(exc).lower()
    if any(word in text for word in _BUSY):
        return DatabaseUnavailableError(file)
    if isinstance(exc, cipher.OperationalError) and "unable to open" in text:
        return DatabaseUnavailableError(file)
    return NotADatabaseError(file)
