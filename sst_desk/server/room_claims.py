"""Which cases' rooms this server process holds (issue 14, docs/server.md "Case rooms", several processes).

With ``sst-desk serve --workers N`` two processes must never host two diverging rooms for one case: a room is
claimed with a PostgreSQL advisory lock (``ROOM_LOCK_SPACE``, the case id) on a connection of the process's
own; a join that reaches the other process is closed with 4409 and the client tries again.
"""

from __future__ import annotations

import contextlib
import threading

import sqlalchemy as sa

from sst_desk.persistence import Database

ROOM_LOCK_SPACE = 1414
"""The first key of the PostgreSQL advisory locks that give a case's room to one server process."""


class RoomClaims:
    """Which cases' rooms this server process holds: PostgreSQL advisory locks on one connection of its own
    (session locks go with the connection). On SQLite (one process) every claim is granted."""

    def __init__(self, db: Database) -> None:
        self._engine = db.engine if db.engine.dialect.name == "postgresql" else None
        self._connection: sa.Connection | None = None
        self._lock = threading.Lock()

    def claim(self, case_id: int) -> bool:
        if self._engine is None:
            return True
        with self._lock:
            connection = self._connect()
            return bool(connection.execute(sa.text("SELECT pg_try_advisory_lock(:space, :case)"),
                                           {"space": ROOM_LOCK_SPACE, "case": case_id}).scalar_one())

    def release(self, case_id: int) -> None:
        if self._engine is None:
            return
        with self._lock:
            if self._connection is None:
                return
            try:
                self._connection.execute(sa.text("SELECT pg_advisory_unlock(:space, :case)"),
                                         {"space": ROOM_LOCK_SPACE, "case": case_id})
            except sa.exc.DBAPIError:
                self._drop()

    def _connect(self) -> sa.Connection:
        if self._connection is not None:
            try:
                self._connection.execute(sa.text("SELECT 1"))
                return self._connection
            except sa.exc.DBAPIError:
                self._drop()  # its locks went with it; the rooms open now claim again
        assert self._engine is not None
        self._connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return self._connection

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.invalidate()
                connection.close()

    def close(self) -> None:
        with self._lock:
            self._drop()  # invalidated, not returned to the pool: its session (and its locks) end
