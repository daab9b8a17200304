"""Registerutdrag (GDPR art. 15): everything stored about one student — and only that student — as plain data.

``gather_registerutdrag(db, case_id)`` starts from one of the student's cases
and returns a JSON-ready dict (the keys are documented in
docs/security-gallring.md; ``sst_desk.reports.registerutdrag`` writes it as
JSON and as a PDF). It holds the student, their guardians, every case of the
student with all its records, who was responsible for each case, the consent
overrides, and the access log entries about the student (who looked at or
changed what, when).

Rules:

- **Completeness or nothing.** The person asking has a right to all of it, so
  the actor must be allowed ``(CASE, EXPORT)`` on *every* case of the student;
  if one is refused, nothing is gathered (``AccessDeniedError``, logged) and a
  team lead (or the cases' members together) must make the extract.
- **Third parties.** Guardians are other people: their name and relation are
  given (they are part of the student's own record), their phone, e-mail,
  address and interpreter language are not — each guardian carries the note
  ``THIRD_PARTY_NOTE`` instead. Staff appear by name and role: they act as
  officials. Free text may still mention others, so the document carries
  ``REVIEW_NOTE``: a sekretessprövning comes before it is handed out.
- **Protected identity.** The school is left out (as on every print).
- **Logged.** One ``EXPORT`` entry per case (detail ``registerutdrag``), in
  the same transaction as the reading; the entries gathered are those before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Any

from sst_desk.workflow.access import Action, Actor
from sst_desk.workflow.entities import Case, Guardian, Student
from sst_desk.workflow.logchain import LogAction

from sst_desk.persistence.accesslog import utc_now
from sst_desk.persistence.errors import CaseNotFound
from sst_desk.persistence.gallring import GALLRING_STUDENT

if TYPE_CHECKING:  # types only: the unit of work's storage reaches this module
    from sst_desk.persistence.database import Database
    from sst_desk.persistence.uow import UnitOfWork

FORMAT = "sst-desk-registerutdrag"
FORMAT_VERSION = 1
DETAIL = "registerutdrag"
THIRD_PARTY_NOTE = "uppgift om annan person utelämnad (OSL 26 kap., GDPR art. 15.4)"
PROTECTED_NOTE = "utelämnad: eleven har skyddade personuppgifter"
REVIEW_NOTE = (
    "Innan utdraget lämnas ut: fritextfält (anteckningar, sammanfattningar, kontakter, kommentarer) kan "
    "innehålla uppgifter om andra personer. Gå igenom dem och gör en sekretessprövning (OSL 26 kap.) "
    "innan utdraget lämnas ut; uppgifter som omfattas av sekretess maskeras."
)


def gather_registerutdrag(db: Database, case_id: int, *, now: dt.datetime | None = None,
                          log: bool = True, actor: Actor | None = None) -> dict[str, Any]:
    """Everything stored about the student of case ``case_id``, checked (and, with ``log``, logged as an export).

    Callers that write files pass ``log=False`` and call ``record_registerutdrag`` once the files are
    written, so a failed write is not logged as an export. Raises ``CaseNotFound`` and
    ``AccessDeniedError`` (see the module docstring; a refusal is always logged).
    """
    with db.uow(actor) as uow:
        student_id, case_ids = _student_cases(uow, db, case_id)
        loaded = [uow.cases.get_full(cid) for cid in case_ids]
        data = _document(uow, [c for c in loaded if c is not None], student_id, now or utc_now())
        if log:
            for cid in case_ids:
                uow.log(LogAction.EXPORT, case_id=cid, student_id=student_id, detail=DETAIL)
        uow.commit()
    return data


def record_registerutdrag(db: Database, case_id: int, *, actor: Actor | None = None) -> None:
    """Check again and log the export of every case of the student of ``case_id`` (after the files are written)."""
    with db.uow(actor) as uow:
        student_id, case_ids = _student_cases(uow, db, case_id)
        for cid in case_ids:
            uow.log(LogAction.EXPORT, case_id=cid, student_id=student_id, detail=DETAIL)
        uow.commit()


def _student_cases(uow: UnitOfWork, db: Database, case_id: int) -> tuple[int, list[int]]:
    """The student of ``case_id`` and all their cases, each checked for EXPORT (refusals logged)."""
    student_id = uow.require_case(Action.EXPORT, case_id)
    if student_id is None:
        raise CaseNotFound(case_id, db.location)
    case_ids = uow.registerutdrag.case_ids_of_student(student_id)
    for other in case_ids:
        uow.require_case(Action.EXPORT, other)
    return student_id, case_ids


def _document(uow: UnitOfWork, loaded: list[Case], student_id: int, now: dt.datetime) -> dict[str, Any]:
    student = loaded[0].student
    actor = uow.actor
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": _value(now),
        "created_by": {"name": actor.label, "role": actor.role.value} if actor is not None else None,
        "review_note": REVIEW_NOTE,
        "third_party_note": THIRD_PARTY_NOTE,
        "student": _student(student),
        "guardians": [_guardian(g) for g in student.guardians],
        "cases": [_case(uow, c) for c in loaded],
        "attendance": _attendance(uow, student_id),
        "access_log": _log_entries(uow, student_id),
    }


# --- plain values -------------------------------------------------------------------------------------------


def _value(value: Any) -> Any:
    """JSON values: codes as their stored strings, dates and times ISO 8601 (times in UTC)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):  # a meeting's time of day (migration 0010): local time, "HH:MM"
        return value.isoformat(timespec="minutes")
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _record(obj: Any, *skip: str) -> dict[str, Any]:
    """A record's own fields (not its lists of children, not references to other records)."""
    out = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in skip or dataclasses.is_dataclass(value) or (
                isinstance(value, list) and value and dataclasses.is_dataclass(value[0])):
            continue
        out[f.name] = _value(value)
    return out


def _student(student: Student) -> dict[str, Any]:
    out = _record(student, "guardians")
    out["omitted"] = []
    if student.protected_identity:
        out["school"] = None
        out["omitted"].append({"field": "school", "note": PROTECTED_NOTE})
    return out


def _guardian(guardian: Guardian) -> dict[str, Any]:
    return {"id": guardian.id, "name": guardian.name, "relation": guardian.relation,
            "contact_details": THIRD_PARTY_NOTE}


def _case(uow: UnitOfWork, case: Case) -> dict[str, Any]:
    out = _record(case, "student", "revision")
    out["members"] = _members(uow, case.id)
    out["consents"] = [
        {**_record(c), "guardian": c.guardian.name if c.guardian is not None else None} for c in case.consents]
    k = case.kartlaggning
    out["kartlaggning"] = None if k is None else {**_record(k), "documents": [_record(d) for d in k.documents]}
    out["plans"] = [_plan(p) for p in case.plans]
    out["contacts"] = [_record(c) for c in case.contacts]
    out["follow_ups"] = [
        {**_record(f), "ratings": [{**_record(r), "goal": r.goal.description} for r in f.ratings]}
        for f in case.follow_ups
    ]
    out["boosters"] = [_record(b) for b in case.boosters]
    out["referrals"] = [_record(r) for r in case.referrals]
    out["student_views"] = [_record(v) for v in case.student_views]
    out["transitions"] = [_record(t) for t in case.transitions]
    out["events"] = [_record(e) for e in case.events]
    out["consent_overrides"] = _overrides(uow, case.id)
    return out


def _plan(plan: Any) -> dict[str, Any]:
    numbers = {id(g): n for n, g in enumerate(plan.goals, start=1)}
    goals = [{**_record(g), "number": numbers[id(g)]} for g in plan.goals]
    insatser = [
        {**_record(i), "goal_number": numbers.get(id(i.goal)) if i.goal is not None else None} for i in plan.insatser]
    return {**_record(plan), "goals": goals, "insatser": insatser}


def _members(uow: UnitOfWork, case_id: int | None) -> list[dict[str, Any]]:
    rows = uow.registerutdrag.members(case_id)
    return [{"name": r.display_name or r.username, "role": _value(r.role)} for r in rows]


def _overrides(uow: UnitOfWork, case_id: int | None) -> list[dict[str, Any]]:
    rows = uow.registerutdrag.overrides(case_id)
    return [{"at": _value(r.at), "by": r.by, "purpose": r.purpose, "legal_ground": r.legal_ground, "note": r.note}
            for r in rows]


def _attendance(uow: UnitOfWork, student_id: int) -> dict[str, Any]:
    """The student's attendance records as imported, and the imports that brought them (who, when, which file)."""
    rows, imports = uow.registerutdrag.attendance(student_id)
    records = [{"period_start": _value(r.period_start), "period_end": _value(r.period_end),
                "granularity": r.granularity.value, "unit": r.unit.value,
                "scheduled": r.scheduled, "absent": r.absent, "valid": r.valid, "invalid": r.invalid} for r in rows]
    counts: dict[int, int] = {}
    for r in rows:
        if r.import_id is not None:
            counts[r.import_id] = counts.get(r.import_id, 0) + 1
    return {"records": records, "imports": [
        {"at": _value(imp.at), "by": imp.by, "file_name": imp.file_name, "records": counts[imp.id]}
        for imp in imports]}


def _log_entries(uow: UnitOfWork, student_id: int) -> list[dict[str, Any]]:
    """Who looked at or did what about the student, when: by name and role, never the log's hashes.

    Every entry about a case carries its student's id. SQLite may give a new student the id of one
    removed by gallring, and the log outlives gallring: so only entries after the last removal of a
    student with this id (``gallring:student``) are this student's.
    """
    rows = uow.registerutdrag.log_about(student_id, GALLRING_STUDENT)
    return [
        {"seq": r.seq, "at": _value(r.at), "name": r.display_name or r.username,
         "role": _value(r.role) if r.role is not None else None, "action": r.action, "case_id": r.case_id,
         "detail": r.detail}
        for r in rows
    ]
