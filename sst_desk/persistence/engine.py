"""The one place where SST Desk creates a database engine.

Every engine, for the app, the command line, migrations and tests, comes from
``make_engine``, so connection settings and SQLCipher encryption are decided
here once (raw connections for checks and backups: ``cipher.py``).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from sst_desk.persistence import cipher

_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()
BUSY_TIMEOUT_MS = 5000  # wait this long for another writer (a second window, the CLI) before giving up


def to_url(path_or_url: str | Path | URL) -> URL:
    """A SQLAlchemy URL from a URL string or a plain file path (made absolute)."""
    if isinstance(path_or_url, URL):
        return path_or_url
    if isinstance(path_or_url, Path) or "://" not in str(path_or_url):
        return URL.create("sqlite", database=str(Path(path_or_url).expanduser().resolve()))
    return make_url(str(path_or_url))


def sqlite_file(url: URL) -> Path | None:
    """The file behind an SQLite URL; None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:"):  # a URI filename (?uri=true): not a plain path
        return None
    return Path(url.database)


def make_engine(url: str | Path | URL, *, key: bytes | None = None, **kw: Any) -> Engine:
    """Create the engine for ``url`` (a URL such as ``postgresql+psycopg://…`` or a plain file path).

    This is the ONLY engine factory in SST Desk: never call
    ``sqlalchemy.create_engine`` anywhere else.

    SQLite files are opened through SQLCipher (``sqlcipher3``); with ``key``
    (32 bytes) every connection is keyed before anything else and the file is
    encrypted. Every new connection gets ``foreign_keys=ON``,
    ``journal_mode=WAL``, ``synchronous=FULL``, ``secure_delete=ON`` (deleted
    content is overwritten, for gallring) and a busy timeout. Transactions are
    begun by SQLAlchemy itself as ``BEGIN IMMEDIATE`` rather than by the
    driver: DDL in migrations is transactional too, and a transaction that
    reads and then appends to the access log cannot be overtaken by another
    writer. ``kw`` goes to ``create_engine``.
    """
    sa_url = to_url(url)
    # Error messages and logs must never quote case content: keep bound values out of them.
    kw.setdefault("hide_parameters", True)
    if sa_url.get_backend_name() != "sqlite":
        kw.setdefault("pool_pre_ping", True)
        return sa.create_engine(sa_url, **kw)
    busy_timeout_ms = int(kw.pop("busy_timeout_ms", BUSY_TIMEOUT_MS))
    kw.setdefault("module", cipher.dbapi)
    engine = sa.create_engine(sa_url, **kw)
    _configure_sqlite(engine, busy_timeout_ms, key)
    if key is not None:
        _KEYS[engine] = key
    return engine


def engine_key(engine: Engine) -> bytes | None:
    """The SQLCipher key ``engine`` was made with (None: plain SQLite or a server); for raw copies (backup.py)."""
    return _KEYS.get(engine)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int, key: bytes | None) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        # Hand transaction control to SQLAlchemy (pysqlite's own begins too late
        # and never for DDL); PRAGMAs below then run outside any transaction, as they must.
        dbapi_connection.isolation_level = None
        cipher.apply_key(dbapi_connection, key)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
