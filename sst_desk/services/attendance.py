"""Attendance (skollinjen): importing a school's export, a case's records, the saved column mappings.

The import is all or nothing (``persistence/attendance.py`` does the reading and staging in the
unit of work's transaction): stored and logged only when every row is good and it was neither a
dry run nor cancelled; otherwise the database is left exactly as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

from sst_desk.importers.attendance_spec import ImportOptions, MappingSpec, Progress
from sst_desk.persistence.attendance import ImportResult, Unmatched, UnmatchedReason, log_detail  # noqa: F401 - the
# result's types, re-exported for the window and the command line (they import no persistence)
from sst_desk.workflow.access import Action, Actor, Resource, sees_all_cases
from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.logchain import LogAction

from sst_desk.services.base import UnitOfWork, UowFactory
from sst_desk.services.cases import not_found

USE_CASES = (
    "import_attendance", "import_attendance_data", "attendance_for_case", "attendance_mappings", "attendance_mapping",
    "save_attendance_mapping", "delete_attendance_mapping",
)


def import_attendance(uow: UowFactory, actor: Actor | None, path: Path, spec: MappingSpec, *,
                      dry_run: bool = False, progress: Callable[[Progress], None] | None = None,
                      cancelled: Callable[[], bool] | None = None,
                      options: ImportOptions | None = None) -> ImportResult:
    """Import a school's attendance export, all or nothing.

    ``dry_run`` checks the whole file and stores nothing (the look is logged, as it shows which rows
    match this person's students). ``progress`` is called from the worker with each ``Progress``;
    ``cancelled()`` is asked as it reads. Raises ``ImportFileError`` for a file that cannot be read.
    """
    with uow(actor) as tx:
        tx.require(Resource.ATTENDANCE, Action.CREATE)
        who = tx.actor
        by = who.label if who is not None else ""
        # Only the students this person may see (issue 10): the case list's rule, from workflow.access.
        visible_to = (who.user_id, sees_all_cases(who)) if who is not None else None
        result = tx.attendance.import_file(Path(path), spec, by=by, dry_run=dry_run, progress=progress,
                                           cancelled=cancelled, visible_to=visible_to, options=options)
        if result.committed:
            tx.changed_students(result.changed_students)  # their cases' school line and absence changed
            tx.log(LogAction.IMPORT, detail=log_detail(result))
            tx.commit()
        elif result.dry_run and not result.cancelled:
            # The staged rows go first; the log entry is then the transaction's only change.
            tx.rollback()
            tx.log(LogAction.IMPORT, detail=log_detail(result))
            tx.commit()
    return result


MAX_FILE_NAME = 200


def import_attendance_data(uow: UowFactory, actor: Actor | None, file_name: str, data: bytes, spec: MappingSpec, *,
                           dry_run: bool = False, options: ImportOptions | None = None) -> ImportResult:
    """``import_attendance`` of a file's contents sent by a client of the team server (which reads no file
    named by a client): ``data`` is written under its own ``file_name`` (only the last part of it) into a
    private temporary folder, imported, and removed. The same checks, the same log entry.
    """
    name = PurePosixPath(PureWindowsPath(str(file_name)).name).name.strip()
    if not name or name in (".", "..") or len(name) > MAX_FILE_NAME:
        raise ValueError("the attendance file needs a plain file name")
    with tempfile.TemporaryDirectory(prefix="sst-desk-import-") as folder:
        path = Path(folder) / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(bytes(data))
        return import_attendance(uow, actor, path, spec, dry_run=dry_run, options=options)


def records_of_case(tx: UnitOfWork, case_id: int, action: Action = Action.VIEW) -> tuple[int, list[AttendanceRecord]]:
    """``(student id, records)`` of the case's student, checked for ``action`` (not logged: the caller logs)."""
    student_id = tx.require_case(action, case_id)
    if student_id is None:
        raise not_found(tx, case_id)
    return student_id, tx.attendance.for_student(student_id)


def attendance_for_case(uow: UowFactory, actor: Actor | None, case_id: int) -> list[AttendanceRecord]:
    """The case's student's attendance records in date order (checked and logged as a view of the case)."""
    with uow(actor) as tx:
        student_id, records = records_of_case(tx, case_id)
        if tx.actor is not None:
            tx.log(LogAction.VIEW, case_id=case_id, student_id=student_id, detail="attendance")
            tx.commit()
        return records


def attendance_mappings(uow: UowFactory, actor: Actor | None) -> list[MappingSpec]:
    """The saved column mappings, by name (for whoever may import)."""
    with uow(actor) as tx:
        tx.require(Resource.ATTENDANCE, Action.CREATE)
        return tx.attendance.mappings()


def attendance_mapping(uow: UowFactory, actor: Actor | None, name: str) -> MappingSpec | None:
    """One saved column mapping by its name, or None."""
    with uow(actor) as tx:
        tx.require(Resource.ATTENDANCE, Action.CREATE)
        return tx.attendance.mapping(name)


def save_attendance_mapping(uow: UowFactory, actor: Actor | None, spec: MappingSpec) -> None:
    """Save (or replace) the column mapping called ``spec.name``."""
    if not spec.name.strip():
        raise ValueError("a mapping needs a name")
    with uow(actor) as tx:
        tx.require(Resource.ATTENDANCE, Action.EDIT)
        tx.attendance.save_mapping(spec, by=tx.actor.label if tx.actor is not None else "")
        tx.commit()


def delete_attendance_mapping(uow: UowFactory, actor: Actor | None, name: str) -> bool:
    """Remove the column mapping called ``name``; False when there was none."""
    with uow(actor) as tx:
        tx.require(Resource.ATTENDANCE, Action.EDIT)
        deleted = tx.attendance.delete_mapping(name)
        tx.commit()
        return deleted
