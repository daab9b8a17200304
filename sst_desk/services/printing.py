"""Printing: one use case for a document of a case, the team lead's batch, and a case's printouts.

``print_document`` is THE print, for the window and the command line alike. In order it checks
that the person may print the case (a refusal is logged), that the document has something to
print (a plan, a recorded uppföljning …), that a document shared with others has a valid samtycke
— or records the override on a legal ground the person stated — then builds the PDF. Shown in a
preview, the print is logged before the bytes are handed out (showing it is the print); written to
a file, it is logged once the bytes are on disk and before the file is put in place
(``fileio.write_export``), so a failed write logs nothing.

Everything acts as the signed-in person: a batch only ever contains cases they may see and print,
loading a case for a batch is logged as a view, and every document printed is logged
(``LogAction.PRINT``, detail = which document, never its content).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sst_desk.persistence.errors import CaseNotFound
from sst_desk.reports.base import ReportContext
from sst_desk.reports.batch import BatchOutcome, NothingToPrint
from sst_desk.workflow.access import Action, Actor, Role
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.consent_rules import consent_missing
from sst_desk.workflow.entities import Case, Handlingsplan
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.problems import Finding
from sst_desk.workflow.rules_case import Override

from sst_desk.services import cases as case_services
from sst_desk.services.attendance import records_of_case
from sst_desk.services.base import UnitOfWork, UowFactory

USE_CASES = ("print_document", "batch_candidates", "print_batch", "printed_documents", "record_prints")

PLAN_STAGES = frozenset({Stage.GENOMFORANDE, Stage.UPPFOLJNING})
"""Stages in which a case has an agreed plan in force (planering drafts it; avslutad has ended it)."""


class Refusal(enum.StrEnum):
    """Why a document cannot be printed (the person is told in their words by the caller)."""

    NO_PLAN = "no_plan"  # the document prints the plan, and there is none worth printing yet
    NOTHING_TO_PRINT = "nothing_to_print"  # the case holds nothing this document records yet
    CONSENT_MISSING = "consent_missing"  # shared with others without a valid samtycke, and no legal ground given


class PrintRefused(ValueError):
    """Nothing was built or written; ``reason`` says why, ``missing`` who has not consented."""

    def __init__(self, reason: Refusal, case_id: int, missing: list[Finding] | None = None) -> None:
        self.reason, self.case_id, self.missing = reason, case_id, list(missing or [])
        super().__init__(f"case {case_id}: {reason.value}")


class NoPlansToPrint(NothingToPrint):
    """None of the chosen cases has a plan in force that this person may print."""


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


def _database_file(tx: UnitOfWork) -> Path | None:
    location = getattr(tx, "location", None)
    return location if isinstance(location, Path) else None


def _build_lock():
    from sst_desk.reports.batch import _BUILD_LOCK  # noqa: PLC2701 - one lock for every build: reportlab's global state

    return _BUILD_LOCK


def print_document(uow: UowFactory, actor: Actor | None, case_id: int, kind_name: str, *, report: ReportContext,
                   today: dt.date, plan_version: int | None = None, target: Path | None = None,
                   force: bool = False, override: Override | None = None) -> bytes | Path:
    """Make the document ``kind_name`` (``reports.kinds``) of the stored case; log the print.

    Without ``target``: the PDF's bytes, for a preview (logged before they are made). With ``target``:
    the file is written (``force`` replaces an existing one, never a database or key file) and its
    path returned. ``plan_version`` prints that version of the handlingsplan instead of the current
    one. ``override`` states a legal ground for a document that is shared without a valid samtycke;
    it is recorded with the case (``cases.add_override``) before anything is made.

    Raises ``AccessDeniedError`` (logged), ``CaseNotFound``, ``PrintRefused``, ``KeyError`` for an
    unknown kind, ``fileio.TargetRefused`` or ``OSError`` for the file.
    """
    from sst_desk.fileio import write_export
    from sst_desk.reports.kinds import kind as find_kind

    kind = find_kind(kind_name)
    if plan_version is not None and not kind.needs_plan:
        raise ValueError(f"{kind_name} does not print a plan version")
    with uow(actor) as tx:
        # Reading the case comes first, as it does for a person who opens it (each refusal is logged).
        student_id = tx.require_case(Action.VIEW, case_id)
        if student_id is not None:
            student_id = tx.require_case(Action.PRINT, case_id)
        case = tx.cases.get_full(case_id) if student_id is not None else None
        if case is None:
            raise case_services.not_found(tx, case_id)
        tx.log(LogAction.VIEW, case_id=case_id, student_id=student_id)  # the stored case file is read to print it
        tx.commit()
        plan = plan_to_print(case) if plan_version is None else next(
            (p for p in case.plans if p.version == plan_version and (p.goals or p.insatser)), None)
        if kind.needs_plan and plan is None:
            raise PrintRefused(Refusal.NO_PLAN, case_id)
        if plan_version is None and not kind.applies_to(case):
            raise PrintRefused(Refusal.NOTHING_TO_PRINT, case_id)
        if kind.consent is not None:
            missing = consent_missing(case, today)
            if missing and override is None:
                raise PrintRefused(Refusal.CONSENT_MISSING, case_id, missing)
            if missing and override is not None:
                case_services.add_override(tx, case_id, kind.consent.value, override.legal_ground, override.note)
                tx.commit()  # the override stands on its own: it was decided, whatever the print does next
        attendance = tx.attendance.for_student(student_id) if kind.uses_attendance else []
        if kind.names_contact:
            name, phone = _contact_person(tx, case_id)
            report = dataclasses.replace(report, contact_person=name, contact_phone=phone)
        detail = f"{kind.name} v{plan.version}" if plan_version is not None and plan is not None else kind.detail(case)

        def build() -> bytes:
            with _build_lock():
                if plan_version is not None:
                    from sst_desk.reports.handlingsplan import build_handlingsplan

                    return build_handlingsplan(case, report, plan=plan, attendance=attendance)
                return kind.build(case, report, attendance=attendance)

        def log_print() -> None:
            tx.log(LogAction.PRINT, case_id=case_id, student_id=student_id, detail=detail)
            tx.commit()

        if target is None:  # shown in the preview: logged before anything is made (showing it is the print)
            log_print()
            return build()
        return write_export(build(), Path(target), force=force, database=_database_file(tx), before_commit=log_print)


def _contact_person(tx: UnitOfWork, case_id: int) -> tuple[str, str]:
    """Whom a kallelse names as the family's contact, and their work phone (issue 15).

    The decision: the person who prints, when they are responsible for the case (they booked the meeting
    and will be there); otherwise the case's responsible skolsocionom (first by name), otherwise any
    responsible worker. Never a team lead or administrator who is not a member: a family calls someone who
    knows the case. ("", "") when the case has no member (a database without accounts): the letter then
    names ``case.socionom`` as before. The phone is the account's (My profile…), "" when not given.
    """
    members = tx.members.of_case(case_id)
    if not members:
        return "", ""
    me = tx.actor.user_id if tx.actor is not None else None
    chosen = (next((m for m in members if m.id == me), None)
              or next((m for m in members if m.role is Role.SKOLSOCIONOM), None) or members[0])
    account = tx.users.get(chosen.id)
    return chosen.display_name or chosen.username, account.phone if account is not None else ""


# --- the team lead's batch ---------------------------------------------------------------------------


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


def batch_candidates(uow: UowFactory, actor: Actor | None, today: dt.date) -> BatchCandidates:
    """One read of the case list (logged as a list, like the main window's) and of who is responsible."""
    rows = [r for r in case_services.case_rows(uow, actor, today) if r.stage in PLAN_STAGES]
    members: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    if rows:
        with uow(actor) as tx:
            for case_id, user_id, name in tx.members.of_cases([r.case_id for r in rows]):
                members.setdefault(case_id, set()).add(user_id)
                names[user_id] = name
    workers = sorted(names.items(), key=lambda w: w[1].casefold())
    return BatchCandidates(rows, {k: frozenset(v) for k, v in members.items()}, workers)


def _load_plans(uow: UowFactory, actor: Actor | None, case_ids: list[int],
                progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> list[Case]:
    """The cases (each load checked and logged as a view) that the person may print and that have a plan.

    Ordered by school, then student name, as a lead sorts a pile of paper. ``cancelled()`` is asked
    before each case; when it says yes, what was loaded so far is returned.
    """
    found: list[Case] = []
    for done, case_id in enumerate(case_ids, start=1):
        if cancelled is not None and cancelled():
            break
        if case_services.may(uow, actor, Action.PRINT, case_id):
            try:
                case = case_services.load_case(uow, actor, case_id)
            except CaseNotFound:  # removed (gallring) since the list was read
                case = None
            if case is not None and plan_to_print(case) is not None:
                found.append(case)
        if progress is not None:
            progress(done, len(case_ids))
    found.sort(key=lambda c: (c.student.school.casefold(), c.student.last_name.casefold(),
                              c.student.first_name.casefold()))
    return found


def record_prints(uow: UowFactory, actor: Actor | None, prints: list[tuple[int, str]]) -> None:
    """Check and log a print of each ``(case_id, detail)`` in ONE transaction: all are logged, or none.

    For a batch made elsewhere (a client of the team server builds it on its own computer) as for this one.
    """
    with uow(actor) as tx:
        checked: list[tuple[int, int, str]] = []
        for case_id, detail in prints:
            student_id = tx.require_case(Action.PRINT, case_id)
            if student_id is None:
                raise case_services.not_found(tx, case_id)
            checked.append((case_id, student_id, detail))
        for case_id, student_id, detail in checked:
            tx.log(LogAction.PRINT, case_id=case_id, student_id=student_id, detail=detail)
        tx.commit()


def _database_of(uow: UowFactory, actor: Actor | None) -> Path | None:
    with uow(actor) as tx:
        return _database_file(tx)


def print_batch(uow: UowFactory, actor: Actor | None, case_ids: list[int], *, report: ReportContext,
                today: dt.date, target: Path, force: bool = False, title: str = "Handlingsplaner",
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> BatchOutcome:
    """The current handlingsplan of each chosen case, as one PDF written to ``target``.

    Cases the person may not print, or without a plan, are left out; cases without a valid samtycke
    are skipped and named in the outcome (a batch cannot state a legal ground per case). Every print
    is logged in one transaction once the file is on disk. ``progress(done, total)`` counts loading
    the cases, then building their plans (``2 × len(case_ids)`` steps in all).

    Raises ``NoPlansToPrint`` when no chosen case has a plan to print, ``reports.batch.NothingToPrint``
    when none has consent, ``BatchCancelled`` on cancel, ``TargetRefused``/``OSError`` for the file.
    """
    from sst_desk.reports.batch import write_batch

    n = len(case_ids)
    step = (lambda done, _total: progress(done, 2 * n)) if progress is not None else None
    found = _load_plans(uow, actor, case_ids, step, cancelled)
    if not found and not (cancelled is not None and cancelled()):
        raise NoPlansToPrint("no chosen case has a plan in force to print")

    def attendance_of(case: Case):
        assert case.id is not None
        with uow(actor) as tx:
            return records_of_case(tx, case.id)[1]  # the print itself is checked and logged

    building = (lambda done, total: progress(n + done * n // total, 2 * n)) if progress is not None else None
    return write_batch(found, report, Path(target), today=today, cancelled=cancelled, force=force,
                       database=_database_of(uow, actor), record=lambda prints: record_prints(uow, actor, prints),
                       title=title, attendance=attendance_of, progress=building)


def printed_documents(uow: UowFactory, actor: Actor | None, case_id: int) -> list[Printout]:
    """Every logged print of the case, newest first: ``(at, who, detail)``.

    Needs the right to read the case's log (``CASE × READ_LOG``: the people responsible for the case
    and the team lead). Reading it is itself logged (``READ_LOG``, "prints;rows=N"), as every log read is.
    """
    with uow(actor) as tx:
        student_id = tx.require_case(Action.READ_LOG, case_id)
        if student_id is None:
            raise case_services.not_found(tx, case_id)
        found = tx.printouts.of_case(case_id)
        tx.log(LogAction.READ_LOG, case_id=case_id, student_id=student_id, detail=f"prints;rows={len(found)}")
        tx.commit()
    return [Printout(at, who, detail) for at, who, detail in found]


__all__ = ["BatchCandidates", "NoPlansToPrint", "Override", "PLAN_STAGES",
           "PrintRefused", "Printout", "Refusal", "USE_CASES", "batch_candidates", "plan_to_print",
           "print_batch", "print_document", "printed_documents", "record_prints"]
