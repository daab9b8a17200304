"""Printing as the database sees it: which plans a batch may print, logging the prints, and a case's printouts.

Everything acts as ``db.actor``: a batch only ever contains cases the
signed-in person may see and print (``access``: CASE × PRINT), loading a case
for a batch is logged as a view like any other, and every document printed
is logged (``LogAction.PRINT``, detail = which document) before it is written.
``printed_documents`` reads those entries back for the case window: which
documents of a case were printed, when and by whom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from sst_desk.workflow.access import Action
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Handlingsplan
from sst_desk.workflow.logchain import LogAction

from .database import Database
from .errors import CaseNotFound
from .mapping import access_log, case_members, users

# Stages in which a case has an agreed plan in force (planering drafts it; avslutad has ended it).
PLAN_STAGES = frozenset({Stage.GENOMFORANDE, Stage.UPPFOLJNING})


@dataclass(frozen=True)
class Printout:
    """One logged print of a case's document: when (UTC, aware), by whom, and which document."""

    at: dt.datetime
    who: str  # the display name, or the username when the account is gone
    detail: str  # e.g. "handlingsplan v2" or "handlingsplan v2 (batch)"

    def __iter__(self):  # so a Printout unpacks as (at, who, detail)
        return iter((self.at, self.who, self.detail))


def plan_to_print(case: Case) -> Handlingsplan | None:
    """The case's current plan when there is one worth printing (not only the empty draft made at planering)."""
    plan = case.current_plan
    return plan if plan is not None and (plan.goals or plan.insatser) else None


@dataclass(frozen=True)
class BatchCandidates:
    """The visible cases with a plan in force, read once, and who is responsible for each: what a batch chooses from."""

    rows: list[CaseRow]
    members: dict[int, frozenset[int]]  # case id -> user ids responsible
    workers: list[tuple[int, str]]  # (user id, display name) of those responsible, by name

    @property
    def schools(self) -> list[str]:
        return sorted({r.school for r in self.rows if r.school}, key=str.casefold)

    def case_ids(self, *, school: str | None = None, worker_id: int | None = None, team: bool = False) -> list[int]:
        """Exactly one of ``school``, ``worker_id`` (the cases that user is responsible for) or ``team=True``."""
        if sum((school is not None, worker_id is not None, bool(team))) != 1:
            raise ValueError("choose one of school, worker_id or team")
        return [r.case_id for r in self.rows
                if (school is None or r.school == school)
                and (worker_id is None or worker_id in self.members.get(r.case_id, frozenset()))]


def batch_candidates(db: Database, today: dt.date | None = None) -> BatchCandidates:
    """One read of the case list (logged as a list, like the main window's) and of who is responsible."""
    rows = [r for r in db.case_rows(today or dt.date.today()) if r.stage in PLAN_STAGES]
    ids = [r.case_id for r in rows]
    members: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    if ids:
        with db.uow() as uow:
            for case_id, user_id, name in uow.session.execute(
                    sa.select(case_members.c.case_id, users.c.id, users.c.display_name)
                    .join_from(case_members, users, users.c.id == case_members.c.user_id)
                    .where(case_members.c.case_id.in_(ids))):
                members.setdefault(case_id, set()).add(user_id)
                names[user_id] = name
    workers = sorted(names.items(), key=lambda w: w[1].casefold())
    return BatchCandidates(rows, {k: frozenset(v) for k, v in members.items()}, workers)


def load_plans(db: Database, case_ids: list[int], progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> list[Case]:
    """The cases (each load checked and logged as a view) that the person may print and that have a plan.

    Ordered by school, then student name, as a lead sorts a pile of paper. ``cancelled()`` is asked
    before each case; when it says yes, what was loaded so far is returned.
    """
    found: list[Case] = []
    for done, case_id in enumerate(case_ids, start=1):
        if cancelled is not None and cancelled():
            break
        if db.may(Action.PRINT, case_id):
            try:
                case = db.load_case(case_id)
            except CaseNotFound:  # removed (gallring) since the list was read
                case = None
            if case is not None and plan_to_print(case) is not None:
                found.append(case)
        if progress is not None:
            progress(done, len(case_ids))
    found.sort(key=lambda c: (c.student.school.casefold(), c.student.last_name.casefold(),
                              c.student.first_name.casefold()))
    return found


def current_plans_for(db: Database, *, school: str | None = None, worker_id: int | None = None,
                      team: bool = False, today: dt.date | None = None) -> list[Case]:
    """Every case visible to the signed-in person with a plan in force, for one school, one worker or the team.

    Exactly one of ``school``, ``worker_id`` (the cases that user is responsible for) or ``team=True``
    (every case the person sees). Cases the person may not print are left out.
    """
    ids = batch_candidates(db, today).case_ids(school=school, worker_id=worker_id, team=team)
    return load_plans(db, ids)


def record_prints(db: Database, prints: list[tuple[int, str]]) -> None:
    """Check and log a print of each ``(case_id, detail)`` in ONE transaction: all are logged, or none.

    Raises ``AccessDeniedError`` (the refusal logged) or ``CaseNotFound`` before anything is logged.
    """
    with db.uow() as uow:
        students: list[tuple[int, int, str]] = []
        for case_id, detail in prints:
            student_id = uow.require_case(Action.PRINT, case_id)
            if student_id is None:
                raise CaseNotFound(case_id, db.location)
            students.append((case_id, student_id, detail))
        for case_id, student_id, detail in students:
            uow.log(LogAction.PRINT, case_id=case_id, student_id=student_id, detail=detail)
        uow.commit()


def printed_documents(db: Database, case_id: int) -> list[Printout]:
    """Every logged print of the case, newest first: ``(at, who, detail)``.

    Needs the right to read the case's log (``CASE × READ_LOG``: the people responsible for the case
    and the team lead). Reading it is itself logged (``READ_LOG``, "prints;rows=N"), as every log read is.
    """
    with db.uow() as uow:
        student_id = uow.require_case(Action.READ_LOG, case_id)
        if student_id is None:
            raise CaseNotFound(case_id, db.location)
        found = uow.session.execute(
            sa.select(access_log.c.at, access_log.c.username, access_log.c.detail, users.c.display_name)
            .select_from(access_log.outerjoin(users, users.c.id == access_log.c.user_id))
            .where(access_log.c.case_id == case_id, access_log.c.action == str(LogAction.PRINT))
            .order_by(access_log.c.seq.desc())).all()
        uow.log(LogAction.READ_LOG, case_id=case_id, student_id=student_id, detail=f"prints;rows={len(found)}")
        uow.commit()
    return [Printout(r.at, r.display_name or r.username, r.detail or "") for r in found]


__all__ = ["PLAN_STAGES", "BatchCandidates", "Printout", "batch_candidates", "current_plans_for", "load_plans",
           "plan_to_print", "printed_documents", "record_prints"]
