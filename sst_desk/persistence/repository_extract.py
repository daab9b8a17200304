"""The registerutdrag's reads in one session: a student's cases, who was responsible, the consent
overrides, the attendance as imported, and the access log's entries about the student.

A unit of work attaches it as ``tx.registerutdrag`` (``uow.py``). Rows come back as plain dicts of
stored values; ``extract.py`` turns them into the document (and decides what is left out).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.logchain import LogAction

from sst_desk.persistence.mapping import access_log, attendance, attendance_imports, case_members, cases, consent_overrides, users


class RegisterutdragRepository:
    """What a registerutdrag gathers besides the case files themselves (``tx.cases.get_full``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def case_ids_of_student(self, student_id: int) -> list[int]:
        """The student's cases, oldest first."""
        return list(self.session.execute(
            sa.select(cases.c.id).where(cases.c.student_id == student_id).order_by(cases.c.raised_on, cases.c.id)
        ).scalars())

    def members(self, case_id: int | None) -> list[sa.Row]:
        """``username``, ``display_name``, ``role`` of each person responsible for the case, by name."""
        return list(self.session.execute(
            sa.select(users.c.username, users.c.display_name, users.c.role)
            .join_from(case_members, users, case_members.c.user_id == users.c.id)
            .where(case_members.c.case_id == case_id).order_by(users.c.display_name, users.c.username)))

    def overrides(self, case_id: int | None) -> list[sa.Row]:
        """The case's consent overrides, oldest first."""
        return list(self.session.execute(
            sa.select(consent_overrides).where(consent_overrides.c.case_id == case_id)
            .order_by(consent_overrides.c.at)))

    def attendance(self, student_id: int) -> tuple[list[sa.Row], list[sa.Row]]:
        """The student's attendance records (by period) and the imports that brought any of them."""
        a, i = attendance.c, attendance_imports.c
        rows = self.session.execute(
            sa.select(a.period_start, a.period_end, a.granularity, a.unit, a.scheduled, a.absent, a.valid,
                      a.invalid, a.import_id)
            .where(a.student_id == student_id).order_by(a.period_start, a.granularity)).all()
        wanted = sorted({r.import_id for r in rows if r.import_id is not None})
        imports = self.session.execute(
            sa.select(i.id, i.at, i.by, i.file_name).where(i.id.in_(wanted)).order_by(i.at)).all() if wanted else []
        return list(rows), list(imports)

    def log_about(self, student_id: int, removal_detail: str) -> list[Any]:
        """The log's entries about the student, with the actor's name and role, oldest first.

        Only those after the last removal of a student with this id (a ``DELETE`` entry with
        ``removal_detail``): SQLite may give a new student the id of one removed by gallring, and the log
        outlives gallring.
        """
        removed = self.session.execute(
            sa.select(sa.func.max(access_log.c.seq)).where(
                access_log.c.student_id == student_id, access_log.c.action == LogAction.DELETE.value,
                access_log.c.detail == removal_detail)).scalar()
        return list(self.session.execute(
            sa.select(access_log.c.seq, access_log.c.at, access_log.c.username, access_log.c.action,
                      access_log.c.case_id, access_log.c.detail, users.c.display_name, users.c.role)
            .join_from(access_log, users, access_log.c.user_id == users.c.id, isouter=True)
            .where(access_log.c.student_id == student_id, access_log.c.seq > (removed or 0))
            .order_by(access_log.c.seq)))
