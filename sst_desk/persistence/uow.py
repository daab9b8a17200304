"""The unit of work: one transaction per user action (cosmicpython, chapter 6).

    with db.uow(actor="socionom.a") as uow:
        case = uow.cases.get(case_id)
        ...
        uow.commit()

Leaving the block without ``commit()`` rolls back. This is the ONE door to the
data: every read and write (``Database.load_case``, ``save_case``,
``case_rows`` go through it too), so access control and the access log of a
later issue belong here, keyed on ``actor``.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from .errors import DatabaseUnavailableError, NotADatabaseError
from .repository import CaseRepository

_DAMAGED = ("malformed", "not a database", "file is encrypted")
_UNREACHABLE = ("locked", "busy", "unable to open", "disk i/o", "could not connect", "connection", "timeout")


class UnitOfWork:
    """A session, its repositories and the person acting; commit explicitly or it is rolled back."""

    cases: CaseRepository
    session: Session

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: str | None = None,
        location: str | Path | None = None,
    ) -> None:
        self._session_factory = session_factory
        self.actor = actor  # who acts: for access control and the access log (not used yet)
        self._location = location

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.cases = CaseRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() ends the transaction, rolling back whatever was not committed. An
        # explicit rollback() first would expire every loaded object, and callers
        # (load_case) rely on reading what they loaded after the block.
        self.session.close()
        translated = translate(exc, self._location)
        if translated is not None:
            raise translated from exc

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


def translate(exc: BaseException | None, location: str | Path | None) -> Exception | None:
    """The ``DatabaseError`` a person should see for a driver failure, or None to let it through."""
    if not isinstance(exc, sa.exc.DBAPIError) or isinstance(exc, sa.exc.IntegrityError):
        return None
    text = str(exc.orig).lower()
    if any(word in text for word in _DAMAGED):
        return NotADatabaseError(location)
    if exc.connection_invalidated or any(word in text for word in _UNREACHABLE):
        return DatabaseUnavailableError(location)
    return None
