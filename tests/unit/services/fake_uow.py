"""A unit of work without a database, for the service tests: in-memory repositories, the same access rules.

``FakeStore`` holds what is committed (cases, members, users, overrides, the access log, attendance,
mappings). ``store.uow`` is the factory a service takes (``Database.uow``'s shape): each unit of work
works on a copy and writes it back only on ``commit()``; leaving without a commit drops the changes,
as a rolled-back transaction does. ``require`` / ``require_case`` / ``may`` / ``log`` follow
``persistence/uow.py``: ``workflow.access.allowed`` decides, a refusal is logged and committed, then
``AccessDeniedError`` is raised.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from fake_access import FakeAccess
from sst_desk.persistence.errors import ConcurrentEditError
from sst_desk.workflow.access import Actor
from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.entities import Case
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.rules_case import Member


@dataclass(frozen=True)
class Logged:
    """One access-log entry as the fake writes it."""

    username: str
    action: LogAction
    case_id: int | None
    student_id: int | None
    detail: str
    at: dt.datetime


@dataclass
class State:
    cases: dict[int, Case] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=dict)
    overrides: list[dict] = field(default_factory=list)
    log: list[Logged] = field(default_factory=list)
    attendance: dict[int, list[AttendanceRecord]] = field(default_factory=dict)
    mappings: dict[str, object] = field(default_factory=dict)
    rooms: dict[int, tuple[bytes, int]] = field(default_factory=dict)  # case id → (room state, revision)
    next_case: int = 1
    next_student: int = 1
    next_record: int = 1  # goals, guardians, transitions …: a stored record has an id, as in the database


class FakeStore:
    """The committed data, plus the people who may act on it (``users``: id → ``Member``)."""

    location = "fake"

    def __init__(self) -> None:
        self.state = State()
        self.users: dict[int, Member] = {}
        self.commits = 0
        self.told: list[int] = []  # the case ids each commit told the team about (``tx.changed``), in order
        self.importer: Callable[..., object] | None = None  # what ``attendance.import_file`` returns

    def uow(self, actor: Actor | None = None) -> FakeUnitOfWork:
        return FakeUnitOfWork(self, actor)

    @property
    def log(self) -> list[Logged]:
        return self.state.log

    def actions(self) -> list[tuple[str, str]]:
        """``(action, detail)`` of every committed log entry, in order."""
        return [(str(e.action), e.detail) for e in self.state.log]


class FakeUnitOfWork(FakeAccess):
    def __init__(self, store: FakeStore, actor: Actor | None) -> None:
        self.store, self.actor = store, actor
        self.location = store.location

    def __enter__(self) -> FakeUnitOfWork:
        self.work = copy.deepcopy(self.store.state)
        self.changes: set[int] = set()
        self.cases = _Cases(self)
        self.members = _Members(self)
        self.students = _Students(self)
        self.overrides = _Overrides(self)
        self.printouts = _Printouts(self)
        self.attendance = _Attendance(self)
        self.case_rooms = _CaseRooms(self)
        return self

    def __exit__(self, *exc) -> None:
        self.work = None

    def commit(self) -> None:
        self.store.state = copy.deepcopy(self.work)
        self.store.commits += 1
        self.store.told += sorted(self.changes)
        self.changes.clear()

    def rollback(self) -> None:
        self.work = copy.deepcopy(self.store.state)
        self.changes.clear()

    def changed(self, case_id: int) -> None:
        self.changes.add(case_id)

    def changed_students(self, student_ids) -> None:
        wanted = set(student_ids)
        self.changes.update(i for i, c in self.work.cases.items() if c.student.id in wanted)

    def log(self, action: LogAction, *, case_id: int | None = None, student_id: int | None = None,
            detail: str = "") -> None:
        if self.actor is not None:
            self.work.log.append(Logged(self.actor.username, action, case_id, student_id, detail,
                                        dt.datetime.now(dt.UTC)))

    def _facts(self, case_id: int) -> tuple[int, bool, bool] | None:
        case = self.work.cases.get(case_id)
        if case is None:
            return None
        member = self.actor is not None and self.actor.user_id in self.work.members.get(case_id, set())
        return case.student.id, case.student.protected_identity, member


def _number(value: object, state: State, seen: set[int]) -> None:
    """Give every record of a stored graph without an id one (the rules match a submitted copy by ids)."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if getattr(value, "id", 0) is None:
            value.id, state.next_record = state.next_record, state.next_record + 1  # type: ignore[union-attr]
        for f in dataclasses.fields(value):
            _number(getattr(value, f.name), state, seen)
    elif isinstance(value, list):
        for item in value:
            _number(item, state, seen)


class _Repo:
    def __init__(self, tx: FakeUnitOfWork) -> None:
        self.tx = tx

    @property
    def state(self) -> State:
        return self.tx.work


class _Cases(_Repo):
    def get_full(self, case_id: int) -> Case | None:
        case = self.state.cases.get(case_id)
        return copy.deepcopy(case) if case is not None else None

    def revisions(self, case_ids: list[int]) -> dict[int, int]:
        return {i: self.state.cases[i].revision for i in case_ids if i in self.state.cases}

    def stored_elsewhere(self, unknown: dict[type, set[int]]) -> type | None:
        from sst_desk.workflow.editing import _records

        held = {(type(r), r.id) for case in self.state.cases.values() for r in _records(case, set())}
        return next((kind for kind, ids in unknown.items() if any((kind, i) in held for i in ids)), None)

    def insert(self, case: Case) -> int:
        state = self.state
        if case.student.id is None:
            case.student.id, state.next_student = state.next_student, state.next_student + 1
        case.id, state.next_case = state.next_case, state.next_case + 1
        state.cases[case.id] = copy.deepcopy(case)
        _number(state.cases[case.id], state, set())
        return case.id

    def merge(self, case: Case) -> Case | None:
        stored = self.state.cases.get(case.id)
        if stored is None:
            return None
        if stored.revision != case.revision:
            raise ConcurrentEditError(case.id)
        saved = copy.deepcopy(case)
        saved.revision = case.revision + 1
        _number(saved, self.state, set())
        self.state.cases[case.id] = saved
        return saved

    def list_rows(self, today: dt.date, visible_to: tuple[int, bool] | None = None) -> list[CaseRow]:
        rows = []
        for case_id, case in sorted(self.state.cases.items()):
            if visible_to is not None:
                user_id, team = visible_to
                member = user_id in self.state.members.get(case_id, set())
                if not (member or (team and not case.student.protected_identity)):
                    continue
            rows.append(CaseRow(case_id=case_id, student_name=case.student.full_name,
                                personal_id=case.student.personal_id, school=case.student.school,
                                grade=case.student.grade, stage=case.stage, level=case.level, socionom=case.socionom,
                                raised_on=case.raised_on, next_due=None, attention=frozenset(),
                                protected_identity=case.student.protected_identity))
        return rows


class _Members(_Repo):
    def ids(self, case_id: int) -> list[int]:
        return sorted(self.state.members.get(case_id, set()))

    def of_case(self, case_id: int) -> list[Member]:
        return sorted((self.tx.store.users[u] for u in self.ids(case_id)), key=lambda m: m.name)

    def candidates(self, case_id: int) -> list[Member]:
        current = set(self.ids(case_id))
        from sst_desk.workflow.rules_case import WORKER_ROLES

        return sorted((m for m in self.tx.store.users.values()
                       if (m.active and m.role in WORKER_ROLES) or m.id in current), key=lambda m: m.name)

    def add(self, case_id: int, user_id: int) -> None:
        self.state.members.setdefault(case_id, set()).add(user_id)

    def replace(self, case_id: int, user_ids: list[int]) -> None:
        self.state.members[case_id] = set(user_ids)

    def of_cases(self, case_ids: list[int]) -> list[tuple[int, int, str]]:
        return [(c, u, self.tx.store.users[u].name) for c in case_ids for u in self.ids(c)]


class _Students(_Repo):
    def case_count(self, personal_id: str) -> int:
        return sum(1 for c in self.state.cases.values() if c.student.personal_id == personal_id)


class _Overrides(_Repo):
    def add(self, case_id: int, **values) -> None:
        self.state.overrides.append({"case_id": case_id, **values})


class _Printouts(_Repo):
    def of_case(self, case_id: int) -> list[tuple[dt.datetime, str, str]]:
        return [(e.at, e.username, e.detail) for e in reversed(self.state.log)
                if e.case_id == case_id and e.action is LogAction.PRINT]


class _Attendance(_Repo):
    def for_student(self, student_id: int) -> list[AttendanceRecord]:
        return list(self.state.attendance.get(student_id, []))

    def import_file(self, path, spec, **options):
        assert self.tx.store.importer is not None, "the test sets store.importer"
        return self.tx.store.importer(self.state, path, spec, **options)

    def mappings(self) -> list:
        return [self.state.mappings[n] for n in sorted(self.state.mappings)]

    def mapping(self, name: str):
        return self.state.mappings.get(name)

    def save_mapping(self, spec, *, by: str) -> None:
        self.state.mappings[spec.name] = spec

    def delete_mapping(self, name: str) -> bool:
        return self.state.mappings.pop(name, None) is not None


class _CaseRooms(_Repo):
    """``persistence.case_rooms.CaseRoomRepository``: the stored state of each case's room."""

    def get(self, case_id: int):
        from sst_desk.persistence.case_rooms import StoredRoom

        found = self.state.rooms.get(case_id)
        return StoredRoom(case_id, found[0], found[1], dt.datetime.now(dt.UTC)) if found else None

    def put(self, case_id: int, state: bytes, revision: int, at: dt.datetime | None = None) -> None:
        self.state.rooms[case_id] = (bytes(state), revision)

    def insert_new(self, case_id: int, state: bytes, revision: int) -> bool:
        if case_id in self.state.rooms:
            return False
        self.state.rooms[case_id] = (bytes(state), revision)
        return True
