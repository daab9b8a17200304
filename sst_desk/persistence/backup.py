"""Consistent copies of a live SQLite database through SQLite's backup API.

Never copy the file itself: with WAL, recent commits live in the -wal file
and a copy taken mid-write is torn. The backup API reads one consistent
snapshot while others keep working.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

from sqlalchemy.engine import Engine

from sst_desk.fileio import fsync_directory
from sst_desk.persistence import cipher
from sst_desk.persistence.engine import engine_key


def timestamp() -> str:
    """A UTC timestamp for file names that sorts in time order."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def unique_path(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``… when it is taken."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy the database behind ``engine`` into the file ``dest``, atomically; return ``dest``.

    The copy is written under a temporary name in the same folder and renamed
    into place only when complete, so ``dest`` is either absent or whole. It is
    a standalone file (rollback journal, no -wal beside it), encrypted with the
    same key as the database (SQLCipher's backup API copies between databases
    with identical keys only).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.tmp")
    try:
        target = cipher.connect(tmp, engine_key(engine))
        try:
            with engine.connect() as conn:
                source = conn.connection.dbapi_connection
                source.backup(target)  # type: ignore[union-attr]
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(dest.parent)
    return dest
