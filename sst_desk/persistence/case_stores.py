"""Repositories for what hangs off a case besides its file: members, consent overrides, printouts, attendance.

Each one wraps a unit of work's session (``uow.py`` builds them on entry) so that the services in
``sst_desk/services/`` never hold a session or write SQL: they call these methods and get plain
workflow objects back. The fake unit of work in tests/unit/services/fake_uow.py offers the same
methods over dictionaries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.importers.attendance_spec import ImportOptions, MappingSpec, Progress
from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.rules_case import WORKER_ROLES, Member

from sst_desk.persistence import attendance as attendance_store
from sst_desk.persistence.mapping import access_log, case_members, cases, consent_overrides, students, users


class MemberRepository:
    """Who is responsible for which case (the ``case_members`` table)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def ids(self, case_id: int) -> list[int]:
        """The user ids responsible for a case, in id order."""
        return [uid for (uid,) in self.session.execute(
            sa.select(case_members.c.user_id).where(case_members.c.case_id == case_id)
            .order_by(case_members.c.user_id))]

    def of_case(self, case_id: int) -> list[Member]:
        """The people responsible for a case, by name."""
        rows = self.session.execute(
            sa.select(users).join_from(users, case_members, case_members.c.user_id == users.c.id)
            .where(case_members.c.case_id == case_id).order_by(users.c.display_name, users.c.username)).all()
        return [_member(r) for r in rows]

    def candidates(self, case_id: int) -> list[Member]:
        """The active workers and anyone already responsible (so saving never drops a member unseen)."""
        current = sa.select(case_members.c.user_id).where(case_members.c.case_id == case_id)
        rows = self.session.execute(
            sa.select(users).where(sa.or_(sa.and_(users.c.active.is_(True), users.c.role.in_(WORKER_ROLES)),
                                          users.c.id.in_(current)))
            .order_by(users.c.display_name, users.c.username)).all()
        return [_member(r) for r in rows]

    def add(self, case_id: int, user_id: int) -> None:
        self.session.execute(sa.insert(case_members).values(case_id=case_id, user_id=user_id))

    def replace(self, case_id: int, user_ids: list[int]) -> None:
        """Make exactly ``user_ids`` the case's members."""
        self.session.execute(sa.delete(case_members).where(case_members.c.case_id == case_id))
        for uid in user_ids:
            self.add(case_id, uid)

    def of_cases(self, case_ids: list[int]) -> list[tuple[int, int, str]]:
        """``(case_id, user_id, display name)`` for every member of the given cases."""
        if not case_ids:
            return []
        return [(c, u, n) for c, u, n in self.session.execute(
            sa.select(case_members.c.case_id, users.c.id, users.c.display_name)
            .join_from(case_members, users, users.c.id == case_members.c.user_id)
            .where(case_members.c.case_id.in_(case_ids)))]


def _member(row: sa.Row) -> Member:
    return Member(id=row.id, username=row.username, display_name=row.display_name, role=row.role,
                  active=bool(row.active))


class StudentRepository:
    """Questions about students across the whole register (not only the cases one person sees)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def case_count(self, personal_id: str) -> int:
        """How many cases the register holds for the student with this (normalised) personnummer."""
        query = (sa.select(sa.func.count()).select_from(cases.join(students, cases.c.student_id == students.c.id))
                 .where(students.c.personal_id == personal_id))
        return int(self.session.execute(query).scalar_one())


class ConsentOverrideRepository:
    """Actions taken without a valid samtycke on a stated legal ground, stored with the case."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, case_id: int, *, at: dt.datetime, by: str, purpose: str, legal_ground: str, note: str) -> None:
        self.session.execute(sa.insert(consent_overrides).values(
            case_id=case_id, at=at, by=by, purpose=purpose, legal_ground=legal_ground, note=note))


class PrintoutRepository:
    """A case's logged prints, read back from the access log."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def of_case(self, case_id: int) -> list[tuple[dt.datetime, str, str]]:
        """``(at, who, detail)`` of every print of the case, newest first (who: display name or username)."""
        found = self.session.execute(
            sa.select(access_log.c.at, access_log.c.username, access_log.c.detail, users.c.display_name)
            .select_from(access_log.outerjoin(users, users.c.id == access_log.c.user_id))
            .where(access_log.c.case_id == case_id, access_log.c.action == str(LogAction.PRINT))
            .order_by(access_log.c.seq.desc())).all()
        return [(r.at, r.display_name or r.username, r.detail or "") for r in found]


class AttendanceRepository:
    """The schools' attendance: imports, a student's records, and the saved column mappings."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def import_file(self, path: Path, spec: MappingSpec, *, by: str, dry_run: bool,
                    progress: Callable[[Progress], None] | None, cancelled: Callable[[], bool] | None,
                    visible_to: tuple[int, bool] | None, options: ImportOptions | None,
                    ) -> attendance_store.ImportResult:
        """Stage and check the file in this transaction (``attendance.import_attendance``); the caller commits."""
        return attendance_store.import_attendance(self.session, Path(path), spec, by=by, dry_run=dry_run,
                                                  progress=progress, cancelled=cancelled, visible_to=visible_to,
                                                  options=options)

    def for_student(self, student_id: int) -> list[AttendanceRecord]:
        return attendance_store.records_for_student(self.session, student_id)

    def mappings(self) -> list[MappingSpec]:
        return attendance_store.mappings(self.session)

    def mapping(self, name: str) -> MappingSpec | None:
        return attendance_store.mapping(self.session, name)

    def save_mapping(self, spec: MappingSpec, *, by: str) -> None:
        attendance_store.save_mapping(self.session, spec, by=by)

    def delete_mapping(self, name: str) -> bool:
        return attendance_store.delete_mapping(self.session, name)
