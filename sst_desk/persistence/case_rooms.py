"""The stored state of the team server's case rooms (table ``case_rooms``, migration 0009; issue 14).

One row per case that has had a room: the shared document's full Yjs update (``state``) and the case's
revision it was last saved with or loaded from. Storage only: who may read or write it is decided by
``services.rooms``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.persistence.accesslog import utc_now
from sst_desk.persistence.mapping import case_rooms


@dataclass(frozen=True)
class StoredRoom:
    """A case room's stored document and the case revision it matches."""

    case_id: int
    state: bytes
    revision: int
    updated_at: dt.datetime


class CaseRoomRepository:
    """Reads and writes ``case_rooms`` in one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, case_id: int) -> StoredRoom | None:
        row = self.session.execute(
            sa.select(case_rooms.c.state, case_rooms.c.revision, case_rooms.c.updated_at)
            .where(case_rooms.c.case_id == case_id)).first()
        if row is None:
            return None
        return StoredRoom(case_id, bytes(row.state), row.revision, row.updated_at)

    def put(self, case_id: int, state: bytes, revision: int, at: dt.datetime | None = None) -> None:
        """Write the room's state (insert or replace)."""
        when = at or utc_now()
        updated = self.session.execute(
            sa.update(case_rooms).where(case_rooms.c.case_id == case_id)
            .values(state=state, revision=revision, updated_at=when))
        if updated.rowcount == 0:
            self.session.execute(sa.insert(case_rooms).values(
                case_id=case_id, state=state, revision=revision, updated_at=when))

    def insert_new(self, case_id: int, state: bytes, revision: int) -> bool:
        """Insert the first state of a case's room; False (nothing written) when another writer was first.

        Two processes (or a room and an offline laptop's request) may create the first state at once: only
        one may win, or their clients would hold two different histories of one case.
        """
        try:
            with self.session.begin_nested():
                self.session.execute(sa.insert(case_rooms).values(
                    case_id=case_id, state=state, revision=revision, updated_at=utc_now()))
        except sa.exc.IntegrityError:
            return False
        return True


__all__ = ["CaseRoomRepository", "StoredRoom"]
