"""An in-memory stand-in for the database behind the administrative services: no SQLite, no Qt.

``FakeAdminStore`` holds what is committed (accounts, the chained access log, sample checks, students
and cases with their members) and what the file-level storage did (key slots, re-keys, backups, gallring
calls). ``store.uow`` is the unit-of-work factory a service takes, like ``Database.uow``: a
``FakeUnitOfWork`` works on copies and writes them back only on ``commit()`` — leaving the block without
it loses the changes, as a rollback does. Access is checked with the real permission matrix
(``workflow.access``) and a refusal is logged and committed before ``AccessDeniedError`` is raised, as
``persistence.uow.UnitOfWork`` does. The access log is a real hash chain (``workflow.logchain``), so the
services' verification runs on it.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fake_access import FakeAccess
from sst_desk.persistence.errors import BackupFailedError, DatabaseError
from sst_desk.workflow.retention import DueCase, GallringResult, NotDueError
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.accounts import RekeyOutcome, UserRecord
from sst_desk.workflow.logchain import (
    GENESIS,
    KeptHead,
    LogAction,
    LogEntry,
    LogRow,
    SampleCheck,
    SampleOutcome,
    canonical,
    chain_hash,
)

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


@dataclass
class Student:
    name: str
    protected: bool = False


@dataclass
class CaseFacts:
    student_id: int
    members: set[int] = field(default_factory=set)


@dataclass
class Data:
    """What a transaction reads and writes (copied in, written back on commit)."""

    users: dict[int, UserRecord] = field(default_factory=dict)
    log: list[LogEntry] = field(default_factory=list)
    head: tuple[int, str] | None = None
    sample_checks: list[SampleCheck] = field(default_factory=list)
    students: dict[int, Student] = field(default_factory=dict)
    cases: dict[int, CaseFacts] = field(default_factory=dict)


class FakeAdminStore:
    """The committed state, the file-level storage's record, and the unit-of-work factory."""

    def __init__(self, file: Path | None = Path("/nowhere/team.sqlite3"), *, key_file: bool = True) -> None:
        self.data = Data()
        self.clock = T0
        self.file = file
        self.key_file = key_file and file is not None
        self.slots: dict[str, str] = {}  # user name → the password its key slot opens with
        self.rekey_pending = False
        self.rekeys = 0
        self.rekey_busy = False  # the database is open elsewhere: a re-key must wait
        self.locked_out: tuple[str, ...] = ()
        self.backups: list[Path] = []
        self.backup_fails = False
        self.due: list[DueCase] = []
        self.gallra_calls: list[tuple[list[int], int, dt.date, int]] = []
        self.finish_calls = 0
        self.pending_purge: GallringResult | None = None
        self.exports: list[int] = []  # registerutdrag exports recorded, by case
        self.commits = 0

    def uow(self, actor: Actor | None) -> FakeUnitOfWork:
        return FakeUnitOfWork(self, actor)

    def tick(self) -> dt.datetime:
        self.clock += dt.timedelta(seconds=1)
        return self.clock

    # --- building a world --------------------------------------------------------------------------

    def add_user(self, username: str, role: Role, *, display_name: str = "", active: bool = True,
                 password: str = "") -> Actor:
        user_id = max(self.data.users, default=0) + 1
        self.data.users[user_id] = UserRecord(user_id, username, display_name or username.title(), role, active,
                                              False, T0, None, password_hash=f"hash:{password}")
        if active and password and self.key_file:
            self.slots[username] = password
        return self.data.users[user_id].actor()

    def add_case(self, case_id: int, student_id: int, name: str, *, members: Sequence[int] = (),
                 protected: bool = False) -> None:
        self.data.students.setdefault(student_id, Student(name, protected))
        self.data.cases[case_id] = CaseFacts(student_id, set(members))

    def append(self, actor: Actor | None, action: str, *, case_id: int | None = None,
               student_id: int | None = None, detail: str = "", data: Data | None = None) -> LogEntry:
        """One chained entry (what ``accesslog.append`` writes), in ``data`` (the committed state by default)."""
        data = data if data is not None else self.data
        seq, prev = data.head if data.head is not None else (0, GENESIS)
        at = self.tick()
        name = actor.username if actor is not None else ""
        user_id = actor.user_id if actor is not None else None
        digest = chain_hash(prev, canonical(seq + 1, at, user_id, name, str(action), case_id, student_id, detail))
        entry = LogEntry(seq + 1, at, user_id, name, str(action), case_id, student_id, detail, prev, digest)
        data.log.append(entry)
        data.head = (entry.seq, entry.hash)
        return entry

    def actions(self) -> list[tuple[str, str, str]]:
        """The committed log as (user, action, detail), oldest first."""
        return [(e.username, e.action, e.detail) for e in self.data.log]


class FakeUnitOfWork(FakeAccess):
    """One transaction on copies of the store's data (``services.base.UnitOfWork``'s shape)."""

    def __init__(self, store: FakeAdminStore, actor: Actor | None) -> None:
        self.store = store
        self.actor = actor
        self.log_key: bytes | None = None  # a laptop's SHA-256 chain (the keyed chain: test_log_anchors.py)
        self.anchors = None
        self.log_writable = True

    def __enter__(self) -> FakeUnitOfWork:
        self.data = copy.deepcopy(self.store.data)
        self.users = FakeUserRepository(self.data)
        self.accesslog = FakeAccessLogRepository(self.data, self.actor)
        self.storage = FakeStorage(self.store, self.actor)
        self.key_slots = FakeKeySlots(self.store)
        return self

    def __exit__(self, *exc: object) -> None:
        self.data = copy.deepcopy(self.store.data)  # whatever was not committed is gone

    def commit(self) -> None:
        self.store.data = copy.deepcopy(self.data)
        self.store.commits += 1

    def rollback(self) -> None:
        self.data.__dict__.update(copy.deepcopy(self.store.data).__dict__)

    def log(self, action: LogAction, *, case_id: int | None = None, student_id: int | None = None,
            detail: str = "") -> None:
        if self.actor is not None:
            self.store.append(self.actor, action, case_id=case_id, student_id=student_id, detail=detail,
                              data=self.data)

    def flush_log(self) -> None:
        """Entries are appended by ``log`` at once here: nothing is waiting."""

    def _facts(self, case_id: int) -> tuple[int, bool, bool] | None:
        case = self.data.cases.get(case_id)
        if case is None:
            return None
        member = self.actor is not None and self.actor.user_id in case.members
        return case.student_id, self.data.students[case.student_id].protected, member


class FakeUserRepository:
    """``UserRepository`` over the transaction's copy."""

    def __init__(self, data: Data) -> None:
        self.data = data

    def count(self) -> int:
        return len(self.data.users)

    def usernames(self) -> list[str]:
        return sorted(u.username for u in self.data.users.values())

    def find(self, username: str) -> UserRecord | None:
        return next((u for u in self.data.users.values() if u.username == username), None)

    def get(self, user_id: int) -> UserRecord | None:
        return self.data.users.get(user_id)

    def list(self) -> list[UserRecord]:
        return [u.without_hash() for u in sorted(self.data.users.values(),
                                                 key=lambda u: (u.display_name, u.username))]

    def add(self, username: str, display_name: str, role: Role, password_hash: str, *,
            must_change_password: bool) -> int:
        user_id = max(self.data.users, default=0) + 1
        self.data.users[user_id] = UserRecord(user_id, username, display_name, role, True, must_change_password,
                                              T0, None, password_hash=password_hash)
        return user_id

    def update(self, user_id: int, **values: Any) -> None:
        if values and user_id in self.data.users:
            self.data.users[user_id] = replace(self.data.users[user_id], **values)


class FakeAccessLogRepository:
    """``AccessLogRepository`` over the transaction's copy (protected students hidden from non-members)."""

    def __init__(self, data: Data, reader: Actor | None) -> None:
        self.data = data
        self.reader = reader

    def _row(self, e: LogEntry, *, hide: bool = True) -> LogRow:
        user = self.data.users.get(e.user_id) if e.user_id is not None else None
        student = self.data.students.get(e.student_id) if e.student_id is not None else None
        hidden = hide and student is not None and student.protected and not self._responsible_for(e.student_id)
        return LogRow(e.seq, e.at, e.user_id, e.username, user.display_name if user else "",
                      user.role.value if user else None, e.action, e.case_id, e.student_id,
                      student.name if student is not None and not hidden else "", e.detail, student_hidden=hidden)

    def _responsible_for(self, student_id: int | None) -> bool:
        if self.reader is None:
            return True
        return any(c.student_id == student_id and self.reader.user_id in c.members for c in self.data.cases.values())

    def rows(self, *, username=None, student_id=None, since=None, until=None, action=None, limit=1000) -> list[LogRow]:
        found = [e for e in reversed(self.data.log)
                 if (not username or e.username == username) and (student_id is None or e.student_id == student_id)
                 and (not action or e.action == str(action)) and _in(e.at, since, until)]
        return [self._row(e) for e in found[:max(0, limit)]]

    def rows_by_seq(self, seqs: Sequence[int]) -> list[LogRow]:
        return [self._row(e) for e in self.data.log if e.seq in set(seqs)]

    def known_seqs(self, seqs: Sequence[int]) -> set[int]:
        return {e.seq for e in self.data.log} & set(seqs)

    def seqs_about_students(self, since, until, leave_out) -> list[int]:
        return [e.seq for e in self.data.log if e.student_id is not None and e.action not in set(leave_out)
                and _in(e.at, since, until)]

    def students(self) -> list[tuple[int, str]]:
        mentioned = {e.student_id for e in self.data.log if e.student_id is not None}
        return sorted(((sid, s.name) for sid, s in self.data.students.items()
                       if sid in mentioned and (not s.protected or self._responsible_for(sid))), key=lambda p: p[1])

    def chain(self) -> list[LogEntry]:
        return list(self.data.log)

    def keyed(self) -> bool:
        return False

    def stored_head(self) -> KeptHead | None:
        return KeptHead(self.data.head[0], self.data.head[1], T0) if self.data.head is not None else None

    def head_with_time(self) -> KeptHead | None:
        if self.data.head is None:
            return None
        entry = next(e for e in self.data.log if e.seq == self.data.head[0])
        return KeptHead(entry.seq, entry.hash, entry.at)

    def case_ids_of_student(self, student_id: int) -> list[int]:
        return sorted(cid for cid, c in self.data.cases.items() if c.student_id == student_id)

    def student_rows(self, student_id: int, case_ids: Sequence[int], since, until) -> list[LogRow]:
        return [self._row(e, hide=False) for e in self.data.log
                if (e.student_id == student_id or e.case_id in set(case_ids)) and _in(e.at, since, until)]

    def student_name(self, student_id: int) -> str:
        student = self.data.students.get(student_id)
        return student.name if student is not None else ""

    def add_sample_check(self, reviewer: str, since: dt.date, until: dt.date, seqs: Sequence[int],
                         outcome: SampleOutcome, note: str) -> SampleCheck:
        check = SampleCheck(len(self.data.sample_checks) + 1, T0, reviewer, since, until, tuple(seqs), outcome, note)
        self.data.sample_checks.append(check)
        return check

    def sample_checks(self) -> list[SampleCheck]:
        return list(reversed(self.data.sample_checks))


def _in(at: dt.datetime, since, until) -> bool:
    day = at.date()
    return (since is None or day >= since) and (until is None or day <= until)


class FakeKeySlots:
    """``security.keyslots.KeySlots`` (``tx.key_slots``): the key file's slots and re-keys, recorded on the store."""

    def __init__(self, store: FakeAdminStore) -> None:
        self.store = store

    @contextlib.contextmanager
    def key_slot(self, username: str, password: str, *, rekey_pending: bool = False) -> Iterator[None]:
        if not self.store.key_file:
            yield
            return
        before = (dict(self.store.slots), self.store.rekey_pending)
        self.store.slots[username] = password
        self.store.rekey_pending = self.store.rekey_pending or rekey_pending
        try:
            yield
        except BaseException:
            self.store.slots, self.store.rekey_pending = before
            raise

    @contextlib.contextmanager
    def without_key_slot(self, username: str) -> Iterator[None]:
        if not self.store.key_file:
            yield
            return
        before = (dict(self.store.slots), self.store.rekey_pending)
        self.store.slots.pop(username, None)
        self.store.rekey_pending = True
        try:
            yield
        except BaseException:
            self.store.slots, self.store.rekey_pending = before
            raise

    def rekey(self) -> RekeyOutcome | None:
        if not self.store.key_file:
            return None
        if self.store.rekey_busy:
            return RekeyOutcome(pending=True)
        self.store.rekeys += 1
        self.store.rekey_pending = False
        return RekeyOutcome(locked_out=self.store.locked_out)


class FakeStorage:
    """``persistence.storage.Storage``: what the file-level operations did, recorded on the store."""

    def __init__(self, store: FakeAdminStore, actor: Actor | None) -> None:
        self.store = store
        self.actor = actor

    @property
    def file(self) -> Path | None:
        return self.store.file

    # backups
    def take_backup(self, kind: str = "manual", *, dest: Path | None = None, keep: int = 7) -> Path:
        if self.store.file is None:
            raise DatabaseError("server", "A database on a server is backed up by the server's own tools.")
        if self.store.backup_fails:
            raise BackupFailedError(Path("/nowhere/backups"), disk_full=True)
        made = dest or Path(f"/nowhere/backups/{kind}-{len(self.store.backups) + 1}.sqlite3")
        self.store.backups.append(made)
        return made

    def list_backups(self) -> list[Path]:
        return list(reversed(self.store.backups))

    def backup_folder(self) -> Path | None:
        return Path("/nowhere/backups") if self.store.file is not None else None

    def verify_backup(self, path: Path) -> None:
        if path not in self.store.backups:
            raise BackupFailedError(path)

    def integrity_problems(self) -> list[str]:
        return []

    # gallring
    def cases_due(self, years: int, today: dt.date) -> list[DueCase]:
        return list(self.store.due)

    def gallra(self, case_ids: list[int], *, years: int, today: dt.date, keep_backups: int) -> GallringResult:
        self.store.gallra_calls.append((list(case_ids), years, today, keep_backups))
        if set(case_ids) - {d.case_id for d in self.store.due}:
            raise NotDueError(set(case_ids) - {d.case_id for d in self.store.due})
        return GallringResult(len(case_ids), len(case_ids), 0, backups_deleted=len(self.store.backups))

    def finish_gallring(self, keep_backups: int = 7) -> GallringResult:
        self.store.finish_calls += 1
        return GallringResult(0, 0, 0)

    def resume_gallring(self, keep_backups: int = 7) -> GallringResult | None:
        resumed, self.store.pending_purge = self.store.pending_purge, None
        return resumed

    # registerutdrag
    def gather_registerutdrag(self, case_id: int, *, now: dt.datetime | None = None,
                              log: bool = True) -> dict[str, Any]:
        student_id = self.store.data.cases[case_id].student_id
        first, _, last = self.store.data.students[student_id].name.partition(" ")
        # The shape of persistence.extract's document, with the case records left out (the PDF builder's
        # own tests cover them): enough for the real writer to make both files.
        data = {"format": "sst-desk-registerutdrag", "created_at": (now or T0).isoformat(),
                "review_note": "Gå igenom fritexten före utlämnande.",
                "student": {"first_name": first, "last_name": last, "personal_id": "", "school": "Ekbackeskolan",
                            "grade": 7, "gender": None, "protected_identity": False},
                "guardians": [], "cases": [], "attendance": {}, "access_log": [],
                "case_ids": [cid for cid, c in sorted(self.store.data.cases.items()) if c.student_id == student_id]}
        if log:
            self.record_registerutdrag(case_id)
        return data

    def record_registerutdrag(self, case_id: int) -> None:
        self.store.exports.append(case_id)
