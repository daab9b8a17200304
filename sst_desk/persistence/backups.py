"""Rotating automatic backups, restore, and the integrity check on start (SQLite files only).

Every backup is written by ``backup.backup_sqlite`` (SQLite's backup API,
atomic rename) into ``paths.backup_dir_for(db_file)`` and then checked with
``PRAGMA integrity_check`` before older automatic backups are rotated away.
Kinds are told apart by the file name: ``auto-…`` (rotated, the newest N
kept), ``manual-…`` (made on request, kept), ``pre-restore-…`` (the database
as it was before a restore, kept) and ``pre-upgrade-…`` (made by migrations,
kept). Time stamps in names are UTC. A PostgreSQL database is the server's
job to back up. See docs/backups.md.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sst_desk import paths
from sst_desk.fileio import fsync_directory

from sst_desk.persistence import cipher, migrate
from sst_desk.persistence.backup import backup_sqlite, unique_path
from sst_desk.persistence.checks import SQLITE_HEADER, _look_inside, _read_only_uri, checked_whole
from sst_desk.persistence.engine import engine_key, make_engine
from sst_desk.persistence.errors import (
    BackupFailedError,
    DamagedDatabaseError,
    DatabaseError,
    DatabaseUnavailableError,
    DiskFullError,
    NewerDatabaseError,
    NotADatabaseError,
    RestoreFailedError,
    is_disk_full,
)

if TYPE_CHECKING:  # types only: the unit of work's storage reaches this module
    from sst_desk.workflow.access import Actor

    from sst_desk.persistence.database import Database

AUTO, MANUAL, PRE_RESTORE, PRE_UPGRADE, OTHER = "auto", "manual", "pre-restore", "pre-upgrade", "other"
KINDS = (AUTO, MANUAL, PRE_RESTORE, PRE_UPGRADE)
DEFAULT_KEEP = 10
AUTO_INTERVAL = dt.timedelta(days=1)
SUFFIX = ".sqlite3"
_BUSY = ("locked", "busy")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, which kind, when it was taken (aware UTC) and its size in bytes."""

    path: Path
    kind: str
    taken_at: dt.datetime
    size: int


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")


def kind_of(name: str) -> str:
    for kind in KINDS:
        if name.startswith(kind + "-"):
            return kind
    return OTHER


def list_backups(db_file: Path) -> list[BackupInfo]:
    """The backups of ``db_file``, newest first (temporary files of a backup in progress left out)."""
    folder = paths.backup_dir_for(Path(db_file))
    found: list[tuple[int, str, BackupInfo]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix != SUFFIX or not entry.is_file():
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue
        taken = dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc)
        found.append((stat.st_mtime_ns, entry.name, BackupInfo(entry, kind_of(entry.name), taken, stat.st_size)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [info for _, _, info in found]


# --- checking -------------------------------------------------------------------


def _classify(exc: cipher.Error, file: Path) -> DatabaseError:
    if is_disk_full(exc, file):  # a full disk is not damage: never offer a restore for it
        return DiskFullError(file)
    text = str(exc).lower()
    if any(word in text for word in _BUSY):
        return DatabaseUnavailableError(file)
    return DamagedDatabaseError(file)


def integrity_problems(file: Path, key: bytes | None = None, *, quick: bool = False) -> list[str]:
    """What ``integrity_check`` (or ``quick_check``) finds wrong in ``file``; empty when it is whole.

    With ``key`` (an encrypted file), ``cipher_integrity_check`` first verifies
    every page's HMAC — it finds tampering and torn pages that decrypt to noise.
    Reads through a read-only connection that leaves nothing beside the file.
    """
    file = Path(file).absolute()
    with open(file, "rb") as handle:
        header = handle.read(100)
    if header.startswith(SQLITE_HEADER) == (key is not None):
        return ["not an SQLite database" if key is None else "not encrypted with this key"]
    try:
        conn = cipher.connect(_read_only_uri(file, header), key, uri=True, timeout=5.0)
    except cipher.Error as exc:
        raise _classify(exc, file) from exc
    try:
        messages: list[str] = []
        if key is not None:
            messages += [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        rows = conn.execute(f"PRAGMA {'quick_check' if quick else 'integrity_check'}(20)").fetchall()
    except cipher.Error as exc:
        error = _classify(exc, file)
        if isinstance(error, (DatabaseUnavailableError, DiskFullError)):
            raise error from exc
        return [str(exc)]
    finally:
        conn.close()
    messages += [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def check_integrity(file: Path, key: bytes | None = None) -> None:
    """On start: raise ``DamagedDatabaseError`` when an existing SQLite file fails ``integrity_check``.

    A missing or empty file, or one that is not SQLite at all, passes here:
    ``Database.open`` says what is wrong with those. ~0.1 s for 5,000 cases.
    """
    try:
        with open(file, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return
    if not header or (header == SQLITE_HEADER) == (key is not None):
        return
    if integrity_problems(file, key):
        raise DamagedDatabaseError(file)
    checked_whole(file)  # Database.open, next, need not scan the file again (checks.check_existing)


def verify_backup(path: Path, key: bytes | None = None) -> None:
    """Raise unless ``path`` is a whole SST Desk database this version can open (read-only; changes nothing)."""
    path = Path(path).absolute()
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise NotADatabaseError(path) from exc
    if header.startswith(SQLITE_HEADER) == (key is not None):
        raise NotADatabaseError(path)
    tables, revision = _look_inside(path, _read_only_uri(path, header), key)
    if migrate.VERSION_TABLE not in tables or revision is None:
        raise NotADatabaseError(path)
    if not migrate.is_known_revision(revision):
        raise NewerDatabaseError(path)
    if integrity_problems(path, key):
        raise DamagedDatabaseError(path)


def newest_good_backup(db_file: Path, key: bytes | None = None) -> BackupInfo | None:
    """The newest backup of ``db_file`` that passes its own check, or None."""
    for info in list_backups(db_file):
        try:
            verify_backup(info.path, key)
        except DatabaseError:
            continue
        return info
    return None


# --- taking backups -------------------------------------------------------------


def _write(engine: Engine, dest: Path, location: Path) -> Path:
    """``backup_sqlite`` with its failures turned into sentences: full disk, read-only folder, busy database."""
    try:
        return backup_sqlite(engine, dest)
    except OSError as exc:
        raise BackupFailedError(dest.parent, disk_full=exc.errno == errno.ENOSPC) from exc
    except (cipher.Error, sa.exc.DBAPIError) as exc:
        text = str(exc).lower()
        if "full" in text:
            raise BackupFailedError(dest.parent, disk_full=True) from exc
        if "unable to open" in text or "readonly" in text or "read-only" in text:
            raise BackupFailedError(dest.parent) from exc
        if "disk i/o error" in text:  # writing the copy failed (a quota, a file-size limit): not the database's fault
            raise BackupFailedError(dest.parent) from exc
        if any(word in text for word in _BUSY):
            raise DatabaseUnavailableError(location) from exc
        raise DamagedDatabaseError(location) from exc


def _checked(dest: Path, key: bytes | None) -> Path:
    """Keep ``dest`` only if it passes ``integrity_check``; a bad copy is removed and reported."""
    if integrity_problems(dest, key):
        dest.unlink(missing_ok=True)
        raise BackupFailedError(dest, message=f"The backup {dest} failed its own check and was removed; "
                                              "the earlier backups are untouched.")
    return dest


def take_backup(db: Database, kind: str = AUTO, *, keep: int = DEFAULT_KEEP, dest: Path | None = None,
                now: dt.datetime | None = None, actor: Actor | None = None) -> Path:
    """Back up the open database; check the copy; then (automatic ones) keep only the newest ``keep``.

    ``dest`` writes to that file instead of the backups folder (never rotated).
    Raises ``BackupFailedError`` (full disk, read-only folder, a copy that fails
    its check), ``DatabaseUnavailableError``, or ``DatabaseError`` for a server database.
    """
    if db.path is None:
        raise DatabaseError(db.url, "A database on a server is backed up by the server's own tools, "
                                    "not by SST Desk.")
    if kind not in (AUTO, MANUAL):
        raise ValueError(f"take_backup makes automatic or manual backups, not {kind!r}")
    if dest is None:
        folder = paths.backup_dir_for(db.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupFailedError(folder, disk_full=exc.errno == errno.ENOSPC) from exc
        dest = unique_path(folder / f"{kind}-{_stamp(now)}{SUFFIX}")
    elif Path(dest).resolve() == db.path.resolve():
        raise ValueError("a backup cannot overwrite the database it copies")
    dest = Path(dest)
    _checked(_write(db.engine, dest, db.path), engine_key(db.engine))
    _key_beside(db.path, dest)
    if kind == MANUAL and (actor or db.actor) is not None:  # a copy that may leave the computer: who, and where
        from sst_desk.workflow.logchain import LogAction

        with db.uow(actor) as uow:
            uow.log(LogAction.BACKUP, detail=str(dest))
            uow.commit()
    if kind == AUTO and dest.parent == paths.backup_dir_for(db.path):
        rotate(db.path, keep)
    return dest


def _key_beside(db_file: Path, copy: Path) -> None:
    """Each backup keeps a copy of the key file as it was (``<backup>.keys``): restoring needs a password."""
    try:
        cipher.copy_key_beside(db_file, copy)
    except OSError as exc:
        copy.unlink(missing_ok=True)
        raise BackupFailedError(copy.parent, disk_full=exc.errno == errno.ENOSPC) from exc


def rotate(db_file: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep``; other kinds are never touched. Returns the deleted."""
    autos = [info for info in list_backups(db_file) if info.kind == AUTO]
    deleted = []
    for info in autos[max(1, keep):]:
        try:
            info.path.unlink()
            cipher.key_file_for(info.path).unlink(missing_ok=True)
            deleted.append(info.path)
        except OSError:
            pass  # a read-only folder: kept, and tried again next time
    return deleted


def backup_due(db_file: Path, now: dt.datetime | None = None) -> bool:
    """True when there is no automatic backup, or the newest is older than ``AUTO_INTERVAL``."""
    now = now or dt.datetime.now(dt.timezone.utc)
    autos = [info for info in list_backups(db_file) if info.kind == AUTO]
    return not autos or now - autos[0].taken_at >= AUTO_INTERVAL


def backup_if_due(db: Database, *, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None) -> Path | None:
    """The automatic backup on start: taken when the newest is older than a day; None if not due (or a server)."""
    if db.path is None or not backup_due(db.path, now):
        return None
    return take_backup(db, AUTO, keep=keep, now=now)


# --- restoring ------------------------------------------------------------------


def _fsync_file(file: Path) -> None:
    fd = os.open(file, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _safety_copy(target: Path, key: bytes | None) -> Path:
    """The current database into ``pre-restore-…`` before it is replaced (so a restore can be undone).

    A file SQLite cannot read at all is moved aside whole instead: it is not
    in use (nothing can open it) and its bytes are kept for whoever repairs it.
    """
    folder = paths.backup_dir_for(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailedError(folder, disk_full=exc.errno == errno.ENOSPC) from exc
    dest = unique_path(folder / f"{PRE_RESTORE}-{_stamp()}{SUFFIX}")
    engine = make_engine(target, key=key)
    try:
        written = _write(engine, dest, target)
        _key_beside(target, written)
        return written
    except DamagedDatabaseError:
        pass
    finally:
        engine.dispose()
    try:
        for suffix in ("-wal", "-shm", ""):
            if os.path.lexists(f"{target}{suffix}"):
                os.replace(f"{target}{suffix}", f"{dest}{suffix}")
    except OSError as exc:
        raise BackupFailedError(folder, disk_full=exc.errno == errno.ENOSPC) from exc
    return dest


def _take_over(target: Path, key: bytes | None) -> None:
    """Prove no other connection has ``target`` open, and fold its -wal into it (WAL → rollback journal).

    Leaving WAL mode needs the only connection; with anyone else inside, SQLite says busy.
    """
    if not target.exists():
        return
    try:
        conn = cipher.connect(target, key, timeout=0, isolation_level=None)
        (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except cipher.Error as exc:
        raise _classify(exc, target) from exc
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise DatabaseUnavailableError(target)


def restore(backup: Path, target: Path, key: bytes | None = None,
            before_swap: Callable[[Path], None] | None = None) -> Path | None:
    """Replace the database file ``target`` with the backup ``backup``; returns the pre-restore copy (if any).

    The backup is verified first (an SST Desk database this version opens,
    ``integrity_check`` ok); the current file is backed up into
    ``pre-restore-…``; then the backup is written with the backup API into a
    temporary file beside ``target`` and renamed over it, once no other
    connection has ``target`` open (its -wal is folded in and removed first, so
    a stale -wal can never be replayed onto the restored file). Close every
    ``Database`` on ``target`` before calling this. ``key`` is the database
    key: backup and database share it (the key never changes, only its wrapping).
    ``before_swap(copy)`` runs on the finished copy before it replaces ``target``
    (``restore.restore_as`` signs in and logs there); if it raises, nothing is replaced.
    A person's restore goes through ``restore.restore_as``.
    """
    backup, target = Path(backup).resolve(), Path(target).resolve()
    if backup == target:
        raise ValueError("a database cannot be restored from itself")
    verify_backup(backup, key)
    safety = _safety_copy(target, key) if target.exists() and target.stat().st_size > 0 else None
    tmp = target.with_name(f".{target.name}.restore-{uuid.uuid4().hex}.tmp")
    try:
        header = backup.read_bytes()[:100]
        source = cipher.connect(_read_only_uri(backup, header), key, uri=True)
        try:
            copy = cipher.connect(tmp, key)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        if before_swap is not None:
            before_swap(tmp)
            _fold_into_one_file(tmp, key)
        _fsync_file(tmp)
        _take_over(target, key)
        for suffix in ("-wal", "-shm"):  # none should be left after _take_over; never replay a stale one
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
    except OSError as exc:
        raise RestoreFailedError(target.parent, disk_full=exc.errno == errno.ENOSPC) from exc
    except cipher.Error as exc:
        text = str(exc).lower()
        if "full" in text:
            raise RestoreFailedError(target.parent, disk_full=True) from exc
        if "unable to open" in text or "readonly" in text:
            raise RestoreFailedError(target.parent) from exc
        raise _classify(exc, backup) from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
    fsync_directory(target.parent)
    return safety


def _fold_into_one_file(file: Path, key: bytes | None) -> None:
    """Back to a rollback journal: the copy must be one whole file before it is renamed into place."""
    conn = cipher.connect(file, key, timeout=5.0, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
