"""The unit of work: one transaction per user action (cosmicpython, chapter 6).

    with db.uow(actor="socionom.a") as uow:
        case = uow.cases.get(case_id)
        ...
        uow.commit()

Leaving the block without ``commit()`` rolls back. This is the ONE door to the
data: every use case in ``sst_desk/services/`` (``load_case``, ``save_case``,
``case_rows`` …) works through it, with the repositories it carries. With an ``actor`` (the signed-in person,
``sst_desk.workflow.access.Actor``) it enforces the permission matrix
(``require_case`` / ``require``) and writes the access log (``log``) in the
same transaction as the action. Without an actor it is raw storage access for
whoever holds the database key (migrations, the demo generator, storage
tests): the app and the command line always act as a signed-in person
(docs/security.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from sst_desk.workflow.access import Action, Actor, Resource, allowed
from sst_desk.workflow.accounts import RekeyOutcome
from sst_desk.workflow.logchain import LogAction

from sst_desk.persistence import accesslog, changes
from sst_desk.persistence.anchors import Anchor, AnchorFile
from sst_desk.persistence.errors import (
    AccessDeniedError,
    DatabaseUnavailableError,
    DiskFullError,
    LogKeyError,
    NotADatabaseError,
    is_disk_full,
)
from sst_desk.persistence.mapping import case_members, cases, students
from sst_desk.persistence.case_stores import (
    AttendanceRepository,
    ConsentOverrideRepository,
    MemberRepository,
    PrintoutRepository,
    StudentRepository,
)
from sst_desk.persistence.repository import CaseRepository
from sst_desk.persistence.case_rooms import CaseRoomRepository
from sst_desk.persistence.settings_repository import TeamSettingsRepository
from sst_desk.persistence.statistics import StatisticsRepository
from sst_desk.persistence.repository_admin import AccessLogRepository, UserRepository
from sst_desk.persistence.repository_extract import RegisterutdragRepository
from sst_desk.persistence.repository_gallring import RetentionRepository

if TYPE_CHECKING:
    from sst_desk.persistence.database import Database
    from sst_desk.persistence.storage import Storage

class KeySlotKeeper(Protocol):
    """What the accounts use cases ask of the key file (``security.keyslots.KeySlots``; persistence is below it).

    ``key_slot``/``without_key_slot`` change the key file before the block and put it back if the block
    fails; ``rekey`` gives the database a new key after (None: no key file; ``pending``: it waits).
    """

    def key_slot(self, username: str, password: str, *, rekey_pending: bool = False
                 ) -> AbstractContextManager[None]: ...

    def without_key_slot(self, username: str) -> AbstractContextManager[None]: ...

    def rekey(self) -> RekeyOutcome | None: ...


class _NoKeyFile:
    """The keeper of a database without a key file: nothing to write, nothing to re-key."""

    def key_slot(self, username: str, password: str, *, rekey_pending: bool = False
                 ) -> AbstractContextManager[None]:
        return contextlib.nullcontext()

    def without_key_slot(self, username: str) -> AbstractContextManager[None]:
        return contextlib.nullcontext()

    def rekey(self) -> RekeyOutcome | None:
        return None


NO_KEY_FILE = _NoKeyFile()

_DAMAGED = ("malformed", "not a database", "file is encrypted")
_UNREACHABLE = ("locked", "busy", "unable to open", "disk i/o", "could not connect", "connection", "timeout")


class UnitOfWork:
    """A session, its repositories and the person acting; commit explicitly or it is rolled back.

    Repositories: ``cases``, ``users`` (accounts), ``accesslog`` (reading the log; writing is ``log``),
    ``retention`` (gallring's reads and deletes), ``registerutdrag`` (what an extract gathers).
    ``storage``: the database file's own operations (backups, gallring's purge), bound to the person
    acting (``storage.py``). ``key_slots``: the key file kept in step with the accounts (``KeySlotKeeper``).
    """

    cases: CaseRepository
    team_settings: TeamSettingsRepository
    members: MemberRepository
    students: StudentRepository
    overrides: ConsentOverrideRepository
    printouts: PrintoutRepository
    attendance: AttendanceRepository
    users: UserRepository
    accesslog: AccessLogRepository
    retention: RetentionRepository
    registerutdrag: RegisterutdragRepository
    case_rooms: CaseRoomRepository
    statistics: StatisticsRepository
    session: Session

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor | None = None,
        location: str | Path | None = None,
        database: Database | None = None,
    ) -> None:
        self._session_factory = session_factory
        self.actor = actor  # who acts: access control and the access log; None = raw storage access
        self._location = location
        self._database = database
        self._pending: list[accesslog.Pending] = []  # log entries appended at commit (``log``)
        self._changed: set[int] = set()  # case ids to tell the team about when this transaction commits

    def __enter__(self) -> UnitOfWork:
        self._pending = []
        self.session = self._session_factory()
        self._changed = set()
        self.cases = CaseRepository(self.session)
        self.team_settings = TeamSettingsRepository(self.session)
        self.members = MemberRepository(self.session)
        self.students = StudentRepository(self.session)
        self.overrides = ConsentOverrideRepository(self.session)
        self.printouts = PrintoutRepository(self.session)
        self.attendance = AttendanceRepository(self.session)
        self.users = UserRepository(self.session)
        self.accesslog = AccessLogRepository(self.session, self.actor)
        self.retention = RetentionRepository(self.session)
        self.registerutdrag = RegisterutdragRepository(self.session)
        self.case_rooms = CaseRoomRepository(self.session)  # the team server's case rooms (issue 14)
        self.statistics = StatisticsRepository(self.session)  # the team's statistics (issue 15)
        return self

    @property
    def key_slots(self) -> KeySlotKeeper:
        """The key file's keeper that ``security.keyslots.attach`` gave the database (the accounts use cases').

        A database without a key file (a server, a plain file) has nothing to keep in step: ``NO_KEY_FILE``.
        A local encrypted file without a keeper is refused: a password changed without its slot would lock
        the person out for good.
        """
        if self._database is None:
            raise RuntimeError("this unit of work was not made by a Database")
        keeper = self._database.key_slots
        if keeper is not None:
            return keeper
        if self._database.path is None or self._database.key is None:
            return NO_KEY_FILE
        raise RuntimeError("this database was opened without its key file's keeper (security.keyslots.attach)")

    @property
    def storage(self) -> Storage:
        """The database file's operations as the person acting (each runs its own transactions)."""
        from sst_desk.persistence.storage import Storage

        if self._database is None:
            raise RuntimeError("this unit of work was not made by a Database")
        return Storage(self._database, self.actor)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() ends the transaction, rolling back whatever was not committed. An
        # explicit rollback() first would expire every loaded object, and callers
        # (load_case) rely on reading what they loaded after the block.
        self._pending = []
        self.session.close()
        translated = translate(exc, self._location)
        if translated is not None:
            raise translated from exc

    @property
    def location(self) -> str | Path | None:
        """The database this unit of work writes to (for the errors a person reads)."""
        return self._location

    def commit(self) -> None:
        """Append the recorded log entries to the chain, then COMMIT; a keyed server's head is then anchored.

        The cases marked ``changed`` are told first, inside the transaction (``changes.notify``): PostgreSQL
        delivers the notifications only if the commit succeeds.
        """
        if self._changed:
            changes.notify(self.session, self._changed, self.actor.user_id if self.actor is not None else None)
        appended = self.flush_log()
        self.session.commit()
        self._changed.clear()
        anchors = self._database.anchors if self._database is not None else None
        if appended is not None and anchors is not None:
            anchors.note(Anchor(appended.seq, appended.hash, appended.at))

    # --- telling the team what changed (issue 13: live changes) ---------------------------------------

    def changed(self, case_id: int) -> None:
        """The use case changed this case: on commit, the team server hears of it (PostgreSQL NOTIFY)."""
        self._changed.add(case_id)

    def changed_students(self, student_ids: Iterable[int]) -> None:
        """What these students' cases show changed (attendance): each of their cases is told on commit."""
        if changes.sends(self.session):  # only a server has anyone to tell: a file skips the query
            self._changed.update(changes.cases_of_students(self.session, student_ids))

    # --- access control and the access log ----------------------------------------------------------

    @property
    def log_key(self) -> bytes | None:
        """The key of a keyed log (a server's, ``Database.open(..., log_key=)``); None for SHA-256."""
        return self._database.log_key if self._database is not None else None

    @property
    def anchors(self) -> AnchorFile | None:
        """The server's anchor file (``Database.open(..., anchors=)``), None elsewhere."""
        return self._database.anchors if self._database is not None else None

    def log(self, action: LogAction, *, case_id: int | None = None, student_id: int | None = None,
            detail: str = "") -> None:
        """Record what the actor did, in this transaction (nothing without an actor).

        The entry is appended to the chain by ``commit`` just before the COMMIT (``flush_log``), so the
        chain's head row is locked for milliseconds rather than for the whole transaction; a rollback
        drops it with the rest of the action.
        """
        if self.actor is not None:
            self._pending.append(accesslog.Pending(self.actor, action, case_id, student_id, detail))

    def flush_log(self) -> accesslog.Appended | None:
        """Append the recorded entries to the chain now (locking its head row until the transaction ends).

        ``commit`` does this; call it earlier only when the action must read its own entry (exporting the
        head, which *is* that entry). None when nothing was recorded.
        """
        pending, self._pending = self._pending, []
        if not pending:
            return None
        if self._database is not None and self._database.log_keyed_elsewhere:
            raise LogKeyError(self._location, "needs_key")  # an unkeyed entry would break the server's chain
        return accesslog.append_all(self.session, pending, key=self.log_key)

    @property
    def log_writable(self) -> bool:
        """False when the log is keyed by a team server whose key this process lacks (``flush_log`` refuses)."""
        return self._database is None or not self._database.log_keyed_elsewhere

    def case_facts(self, case_id: int) -> tuple[int, bool, bool] | None:
        """``(student_id, protected, member)`` for a stored case, None when there is no such case."""
        row = self.session.execute(
            sa.select(cases.c.student_id, students.c.protected_identity)
            .join_from(cases, students, cases.c.student_id == students.c.id)
            .where(cases.c.id == case_id)
        ).first()
        if row is None:
            return None
        member = self.actor is not None and self.session.execute(
            sa.select(case_members.c.case_id).where(
                case_members.c.case_id == case_id, case_members.c.user_id == self.actor.user_id)
        ).first() is not None
        return row.student_id, bool(row.protected_identity), member

    def may(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> bool:
        """Whether the actor may ``action`` the case (True without an actor; False for a missing case)."""
        facts = self.case_facts(case_id)
        if facts is None:
            return False
        if self.actor is None:
            return True
        _, protected, member = facts
        return allowed(self.actor, resource, action, member=member, protected=protected)

    def require_case(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> int | None:
        """The case's student id if the actor may ``action`` it; otherwise log the refusal and raise.

        Returns None for a case that does not exist (the caller raises ``CaseNotFound``).
        """
        facts = self.case_facts(case_id)
        if facts is None:
            return None
        student_id, protected, member = facts
        if self.actor is None or allowed(self.actor, resource, action, member=member, protected=protected):
            return student_id
        self._refuse(f"{resource.value}:{action.value}", case_id, student_id)

    def require(self, resource: Resource, action: Action) -> None:
        """Raise ``AccessDeniedError`` (logged) unless the actor may ``action`` ``resource`` (no case involved)."""
        if self.actor is None or allowed(self.actor, resource, action):
            return
        self._refuse(f"{resource.value}:{action.value}", None, None)

    def _refuse(self, what: str, case_id: int | None, student_id: int | None) -> None:
        self.rollback()  # whatever the action did and recorded so far goes; the refusal alone is kept
        self.log(LogAction.DENIED, case_id=case_id, student_id=student_id, detail=what)
        self.commit()
        raise AccessDeniedError(what, case_id, self._location)

    def rollback(self) -> None:
        self._pending = []
        self.session.rollback()
        self._changed.clear()  # what was rolled back did not happen


def translate(exc: BaseException | None, location: str | Path | None) -> Exception | None:
    """The ``DatabaseError`` a person should see for a driver failure, or None to let it through."""
    if not isinstance(exc, sa.exc.DBAPIError) or isinstance(exc, sa.exc.IntegrityError):
        return None
    if is_disk_full(exc.orig, location if isinstance(location, Path) else None):
        return DiskFullError(location)  # not damage, not "unreachable": free space and try again
    text = str(exc.orig).lower()
    if any(word in text for word in _DAMAGED):
        return NotADatabaseError(location)
    if exc.connection_invalidated or any(word in text for word in _UNREACHABLE):
        return DatabaseUnavailableError(location)
    return None
