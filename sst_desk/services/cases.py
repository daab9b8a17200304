"""Cases: the case list, opening, adding, saving and moving a case, who is responsible, overrides.

Every use case acts as one person (``actor``) in one unit of work: access is checked and the
access is logged in the same transaction (``tx.require_case`` / ``tx.log``). A ``Case`` handed out
is a detached, fully loaded object graph: read and edit it anywhere (any thread, no session), then
give it back to ``save_case``, which writes every change in one transaction. See
docs/persistence.md for why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from collections.abc import Mapping

from sst_desk.persistence.errors import CaseNotFound, ConcurrentEditError, SaveConflict
from sst_desk.workflow.access import Action, Actor, Resource, Scope, scope, sees_all_cases
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Behorighet, ClosingReason
from sst_desk.workflow.entities import Case
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.editing import save_refused, unknown_records
from sst_desk.workflow.merge import Side, merge3
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.process import DEFAULT_BOOSTER_MONTHS, Move, apply, local_date
from sst_desk.workflow.rules_case import CaseRuleError, Member, members_finding, override_finding

from sst_desk.services.base import UnitOfWork, UowFactory

USE_CASES = (
    "case_rows", "load_case", "open_case", "add_case", "save_case", "move_case", "student_case_count",
    "record_case_action", "record_consent_override", "may", "case_member_ids", "case_members",
    "assignment_choices", "set_case_members",
)

PERMISSIONS_SHOWN: tuple[tuple[Resource, Action], ...] = (
    (Resource.CASE, Action.EDIT), (Resource.CASE, Action.PRINT), (Resource.CASE, Action.EXPORT),
    (Resource.CASE, Action.ASSIGN), (Resource.CASE, Action.READ_LOG), (Resource.CONSENT, Action.OVERRIDE),
)
"""What the case window asks about a case when it opens (to show or hide its actions)."""


@dataclass(frozen=True)
class CaseFile:
    """An opened case: the whole file, who is responsible, and what the person may do with it.

    One call brings everything the case window needs before its first paint, so opening a case
    over a network is one round trip.
    """

    case: Case
    members: tuple[Member, ...]
    allowed: frozenset[tuple[Resource, Action]]

    def may(self, action: Action, resource: Resource = Resource.CASE) -> bool:
        return (resource, action) in self.allowed


def not_found(tx: UnitOfWork, case_id: int) -> CaseNotFound:
    """The error for a case that is not stored (or was removed), naming the database."""
    return CaseNotFound(case_id, getattr(tx, "location", None))


def case_rows(uow: UowFactory, actor: Actor | None, today: dt.date) -> list[CaseRow]:
    """One plain row per case the person may see, for the case list; cheap for thousands of cases.

    A worker sees the cases they are a member of; a team lead every case but protected students'
    they are not a member of; an administrator none. Reading the list is logged (how many rows).
    """
    with uow(actor) as tx:
        who = tx.actor
        if who is None:
            return tx.cases.list_rows(today)
        if scope(who.role, Resource.CASE, Action.VIEW) is Scope.NONE:
            return []
        rows = tx.cases.list_rows(today, visible_to=(who.user_id, sees_all_cases(who)))
        tx.log(LogAction.LIST, detail=str(len(rows)))
        tx.commit()
        return rows


def _load(uow: UowFactory, actor: Actor | None, case_id: int, *, log: bool) -> Case:
    with uow(actor) as tx:
        student_id = tx.require_case(Action.VIEW, case_id)
        case = tx.cases.get_full(case_id) if student_id is not None else None
        if case is None:
            raise not_found(tx, case_id)
        if log:
            tx.log(LogAction.VIEW, case_id=case_id, student_id=student_id)
            tx.commit()
    return case


def load_case(uow: UowFactory, actor: Actor | None, case_id: int) -> Case:
    """The whole case file, detached: every relationship loaded, no session needed to use it.

    Checked and logged as a view. Raises ``AccessDeniedError`` (the refusal logged) or ``CaseNotFound``.
    """
    return _load(uow, actor, case_id, log=True)


def open_case(uow: UowFactory, actor: Actor | None, case_id: int) -> CaseFile:
    """``load_case`` plus who is responsible and what the person may do: the case window's one read."""
    with uow(actor) as tx:
        student_id = tx.require_case(Action.VIEW, case_id)
        case = tx.cases.get_full(case_id) if student_id is not None else None
        if case is None:
            raise not_found(tx, case_id)
        members = tuple(tx.members.of_case(case_id))
        allowed = frozenset(p for p in PERMISSIONS_SHOWN if tx.may(p[1], case_id, p[0]))
        tx.log(LogAction.VIEW, case_id=case_id, student_id=student_id)
        tx.commit()
    return CaseFile(case, members, allowed)


def add_case(uow: UowFactory, actor: Actor | None, case: Case) -> Case:
    """Insert a new case (and its student, if new); returns it freshly loaded, with ids.

    The person who creates it becomes a member of the case (responsible for it).
    """
    if case.id is not None:
        raise ValueError(f"case {case.id} is already stored; use save_case")
    with uow(actor) as tx:
        tx.require(Resource.CASE, Action.CREATE)
        case_id = tx.cases.insert(case)
        if tx.actor is not None:
            tx.members.add(case_id, tx.actor.user_id)
        tx.changed(case_id)
        tx.log(LogAction.CREATE, case_id=case_id, student_id=case.student.id)
        tx.commit()
    return _load(uow, actor, case_id, log=False)  # the creation is the logged act


SAVE_ATTEMPTS = 5
"""How often a merging save tries again when yet another save came in between its read and its write."""


def save_case(uow: UowFactory, actor: Actor | None, case: Case, *, base: Case | None = None,
              resolutions: Mapping[str, Side] | None = None, today: dt.date | None = None) -> Case:
    """Write an edited case graph (from ``load_case``) in one transaction; returns it freshly loaded.

    Children removed from a list are deleted, new ones inserted, goals and insatser numbered by list
    order. Use the returned graph from now on: new objects in it have their ids.

    Someone else may have saved the case since this copy was loaded. With ``base`` (the case as it was
    loaded, untouched) the person's changes since ``base`` are merged into the stored case in the same
    transaction (``workflow.merge.merge3(base, case, stored, resolutions)``): different fields and rows
    are all kept. Where both changed the same field differently, ``SaveConflict`` is raised with the
    conflicts and the stored case, and nothing is written; save again with ``resolutions`` (a
    ``Side`` per conflict's path). A save that comes in between this one's read and its write makes it
    merge again (at most ``SAVE_ATTEMPTS`` times). Without ``base`` a copy someone else saved over
    meanwhile raises ``ConcurrentEditError`` and writes nothing.

    The process's rules are enforced here, whoever sends the case (the window, the command line, a
    remote client): in the same transaction, before anything is written, the stored case is loaded and
    ``workflow.editing.save_refused(stored, case, today)`` asked (on the merged case, when merged) — a
    removal the record keeps (a rated goal, a guardian who signed), a field or plan the window would mark,
    a stage reached without the process's steps and their guards, a recorded step left out or altered. Any
    finding raises ``ProcessError`` with the findings; nothing is written. A refusal is not logged: the
    person had the permission (an access refusal is logged by ``require_case`` as ``denied``), nothing was
    changed, and the log records what was done to a case, not what was kept from being done. ``today`` is
    the day the date rules are checked on (None: this machine's clock); the guards of a step are checked on
    the day of its transition, as ``apply`` does.
    """
    if case.id is None:
        raise ValueError("a new case is stored with add_case")
    day = today or dt.date.today()
    for attempt in range(SAVE_ATTEMPTS):
        try:
            return _save_once(uow, actor, case, base, resolutions, day)
        except SaveConflict:
            raise
        except ConcurrentEditError:
            if base is None or attempt == SAVE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _save_once(uow: UowFactory, actor: Actor | None, case: Case, base: Case | None,
               resolutions: Mapping[str, Side] | None, day: dt.date) -> Case:
    assert case.id is not None
    with uow(actor) as tx:
        student_id = tx.require_case(Action.EDIT, case.id)
        stored = tx.cases.get_full(case.id) if student_id is not None else None
        if stored is None:
            raise not_found(tx, case.id)
        if stored.revision != case.revision:
            if base is None:
                raise ConcurrentEditError(case.id)  # before the rules: they would compare with someone else's save
            merged = merge3(base, case, stored, resolutions)
            if merged.conflicts:
                raise SaveConflict(case.id, merged.conflicts, stored)
            case = merged.case
        unknown = unknown_records(stored, case)
        foreign = tx.cases.stored_elsewhere(unknown) if unknown else None
        if foreign is not None:  # another case's row: the save would move or overwrite it
            raise ProcessError([Finding(Problem.FOREIGN_RECORD, foreign.__name__)])
        refused = save_refused(stored, case, day)
        if refused:
            raise ProcessError(refused)
        if tx.cases.merge(case) is None:
            raise not_found(tx, case.id)
        tx.changed(case.id)
        tx.log(LogAction.EDIT, case_id=case.id, student_id=student_id, detail=case.stage.value)
        tx.commit()
    return _load(uow, actor, case.id, log=False)  # the save is the logged act


def move_case(uow: UowFactory, actor: Actor | None, case_id: int, move: Move, *, at: dt.datetime,
              comment: str = "", closing_reason: ClosingReason | None = None,
              booster_months: int = DEFAULT_BOOSTER_MONTHS, gymnasiebehorighet: Behorighet | None = None) -> Case:
    """Take one step through the process on the stored case and save it; returns the saved case.

    The step is taken only if the workflow's guards allow it (``process.apply`` raises
    ``ProcessError`` with the findings; nothing is written). The window takes the step on its own
    copy and saves it with ``save_case``; this is the same act for the command line and the server.
    """
    case = load_case(uow, actor, case_id)
    by = actor.label if actor is not None else ""
    apply(case, move, by=by, at=at, comment=comment, closing_reason=closing_reason, booster_months=booster_months,
          gymnasiebehorighet=gymnasiebehorighet)
    return save_case(uow, actor, case, today=local_date(at))


def student_case_count(uow: UowFactory, actor: Actor | None, personal_id: str) -> int:
    """How many cases the whole register holds for the student with ``personal_id`` (as stored, normalised).

    For the duplicate warning in "Nytt ärende": it looks across every case, not only those the person
    may see, so a kurator cannot register a student twice. Only a number comes back — never the other
    case — and only to someone who may create cases.
    """
    if not personal_id:
        return 0
    with uow(actor) as tx:
        tx.require(Resource.CASE, Action.CREATE)
        return tx.students.case_count(personal_id)


_LOGGED_AS = {Action.PRINT: LogAction.PRINT, Action.EXPORT: LogAction.EXPORT}


def record_case_action(uow: UowFactory, actor: Actor | None, case_id: int, action: Action,
                       detail: str = "") -> None:
    """Check and log a print or export of a case (``detail``: which document, never its content).

    Call it before writing the document: a refusal raises ``AccessDeniedError``.
    """
    log_action = _LOGGED_AS[action]
    with uow(actor) as tx:
        student_id = tx.require_case(action, case_id)
        if student_id is None:
            raise not_found(tx, case_id)
        tx.log(log_action, case_id=case_id, student_id=student_id, detail=detail)
        tx.commit()


def add_override(tx: UnitOfWork, case_id: int, purpose: str, legal_ground: str, note: str,
                 at: dt.datetime | None = None) -> None:
    """Record an override in ``tx`` (checked: a legal ground, and CONSENT × OVERRIDE on the case)."""
    finding = override_finding(legal_ground)
    if finding is not None:
        raise CaseRuleError(finding)
    student_id = tx.require_case(Action.OVERRIDE, case_id, Resource.CONSENT)
    if student_id is None:
        raise not_found(tx, case_id)
    by = tx.actor.label if tx.actor is not None else ""
    ground = legal_ground.strip()
    tx.overrides.add(case_id, at=at or dt.datetime.now(dt.UTC), by=by, purpose=purpose, legal_ground=ground,
                     note=note.strip())
    tx.changed(case_id)
    tx.log(LogAction.CONSENT_OVERRIDE, case_id=case_id, student_id=student_id, detail=f"{purpose}: {ground[:120]}")


def record_consent_override(uow: UowFactory, actor: Actor | None, case_id: int, purpose: str,
                            legal_ground: str, note: str = "") -> None:
    """Act without a valid samtycke on a stated legal ground (``workflow.consent_rules``).

    Needs CONSENT × OVERRIDE on the case; stored with the case and logged (purpose and ground, not
    the note). A blank ground raises ``CaseRuleError`` (``workflow.rules_case.override_finding``).
    """
    with uow(actor) as tx:
        add_override(tx, case_id, purpose, legal_ground, note)
        tx.commit()


def may(uow: UowFactory, actor: Actor | None, action: Action, case_id: int,
        resource: Resource = Resource.CASE) -> bool:
    """Whether the person may ``action`` the case (for enabling buttons; nothing is logged)."""
    with uow(actor) as tx:
        return tx.may(action, case_id, resource)


def case_member_ids(uow: UowFactory, actor: Actor | None, case_id: int) -> list[int]:
    """The user ids responsible for a case (for whoever may view it)."""
    with uow(actor) as tx:
        if tx.require_case(Action.VIEW, case_id) is None:
            raise not_found(tx, case_id)
        return tx.members.ids(case_id)


def case_members(uow: UowFactory, actor: Actor | None, case_id: int) -> list[Member]:
    """The people responsible for a case, by name (read-only; for whoever may view the case)."""
    with uow(actor) as tx:
        if tx.require_case(Action.VIEW, case_id) is None:
            raise not_found(tx, case_id)
        return tx.members.of_case(case_id)


def assignment_choices(uow: UowFactory, actor: Actor | None, case_id: int) -> tuple[list[Member], set[int]]:
    """Who may be made responsible for a case, and who is now, for a person who may assign it.

    The candidates are the active workers (skolsocionom, kurator, teamledare; administrators do not
    work with cases) and anyone already responsible, so that saving never drops a member unseen.
    """
    with uow(actor) as tx:
        if tx.require_case(Action.ASSIGN, case_id) is None:
            raise not_found(tx, case_id)
        return tx.members.candidates(case_id), set(tx.members.ids(case_id))


def set_case_members(uow: UowFactory, actor: Actor | None, case_id: int, user_ids: list[int]) -> None:
    """Choose who is responsible for a case (team lead); logged with the new member ids.

    A case always keeps someone responsible (``workflow.rules_case.members_finding``): with nobody,
    only a team lead could find it again. Breaking the rule raises ``CaseRuleError``.
    """
    chosen = sorted(set(user_ids))
    finding = members_finding(chosen)
    if finding is not None:
        raise CaseRuleError(finding)
    with uow(actor) as tx:
        student_id = tx.require_case(Action.ASSIGN, case_id)
        if student_id is None:
            raise not_found(tx, case_id)
        tx.members.replace(case_id, chosen)
        tx.changed(case_id)  # who is responsible shows in the case window, and decides who sees the case
        tx.log(LogAction.ASSIGN, case_id=case_id, student_id=student_id, detail=",".join(str(u) for u in chosen))
        tx.commit()
