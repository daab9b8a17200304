"""What may be removed or changed in a case and why not, what the process proposes, what a save must fix.

The pages of the case window only show these findings (a message, a disabled
button); the services enforce the same rules for the command line. Each rule
answers with a ``Finding`` — a ``Problem`` code and the name it concerns — or
``None`` when the change is allowed.

- ``removal_blocked(case, item)``: a rated goal, a guardian who signed a
  consent, the referral of a case closed as referred on, anything of an
  earlier plan version stays on record; ``remove(case, item)`` removes what
  may go (and what hangs on it: an insats's link to a removed goal);
  ``removals_refused(stored, submitted)`` finds the same in a whole case sent
  to be saved (the command line, a remote client), by the records' ids.
- ``change_blocked(case, item)``: an earlier plan version and the follow-ups
  of one stay as they were; a withdrawn consent is not withdrawn twice.
- ``proposed_booster(case, months)`` (from ``process``): the boosterträff the
  process proposes after avslut — the one ``apply`` books when a case is closed.
- ``save_problems(case, today)``: what must be corrected before the case is
  saved, by the stage whose page shows it.
- ``step_blockers(case, move, today)``: why a step cannot be taken, leaving
  out what the step's own dialog asks (the closing reason).
- ``stage_change_problems(stored, submitted)`` and ``save_refused(stored, submitted, today)``: what a
  whole case sent to be saved (``services.cases.save_case``) may not carry past the window's checks —
  a removal the record keeps, a field or plan the window would mark, a stage reached without the
  process's own steps.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sst_desk.workflow.codes import Behorighet, ClosingReason, PlanStatus, Stage
from sst_desk.workflow.entities import (
    Case,
    Consent,
    FollowUp,
    Goal,
    Guardian,
    Handlingsplan,
    Insats,
    KartlaggningDocument,
    Referral,
    Transition,
)
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.process import PATHS, Move, blockers, local_date, plan_blockers, proposed_booster
from sst_desk.workflow.validation import validate_booster, validate_case, validate_plan

__all__ = ["change_blocked", "goal_is_rated", "plan_editable", "plan_of", "proposed_booster", "remove",
           "removal_blocked", "removals_refused", "save_problems", "save_refused", "stage_change_problems",
           "step_answer_problems", "step_blockers"]

Item = Goal | Insats | Guardian | Referral | KartlaggningDocument


def plan_of(case: Case, item: Goal | Insats) -> Handlingsplan | None:
    """The plan version that holds ``item`` (by identity), or None when it is in none of them."""
    for plan in case.plans:
        if any(x is item for x in (plan.goals if isinstance(item, Goal) else plan.insatser)):
            return plan
    return None


def plan_editable(plan: Handlingsplan | None) -> bool:
    """Only the current version of the handlingsplan is edited; earlier versions are the record."""
    return plan is not None and plan.status is PlanStatus.CURRENT


def _superseded(case: Case, item: Goal | Insats) -> Finding | None:
    plan = plan_of(case, item)
    if plan is not None and not plan_editable(plan):
        return Finding(Problem.PLAN_SUPERSEDED, str(plan.version))
    return None


def goal_is_rated(case: Case, goal: Goal) -> bool:
    """True when an uppföljning rated ``goal``: the rating refers to it, so it stays."""
    return any(r.goal is goal for f in case.follow_ups for r in f.ratings)


def removal_blocked(case: Case, item: Item) -> Finding | None:
    """Why ``item`` may not be removed from ``case`` (None: it may).

    - a goal rated at an uppföljning stays: "revise the plan" changes the goals;
    - a guardian who signed a consent stays: the consent names them ("must consent" can be unticked);
    - the only referral of a case closed as referred on stays: it is why the case was closed;
    - nothing of an earlier plan version is removed;
    - a document line of the kartläggning's checklist that was never recorded has nothing to clear.
    """
    if isinstance(item, (Goal, Insats)):
        superseded = _superseded(case, item)
        if superseded is not None:
            return superseded
        if isinstance(item, Goal) and goal_is_rated(case, item):
            return Finding(Problem.GOAL_RATED, item.description)
        return None
    if isinstance(item, Guardian):
        if any(c.guardian is item for c in case.consents):
            return Finding(Problem.GUARDIAN_SIGNED, item.name)
        return None
    if isinstance(item, Referral):
        if case.closing_reason is ClosingReason.HANVISAD and len(case.referrals) == 1:
            return Finding(Problem.REFERRAL_OF_REFERRED_CASE, item.to_whom)
        return None
    if isinstance(item, KartlaggningDocument):
        recorded = case.kartlaggning is not None and any(d is item for d in case.kartlaggning.documents)
        return None if recorded else Finding(Problem.DOCUMENT_NOT_RECORDED, item.label)
    raise TypeError(f"nothing of type {type(item).__name__} is removed from a case")


def remove(case: Case, item: Item) -> None:
    """Remove ``item`` from ``case``; raises ``ProcessError`` (the case unchanged) when a rule keeps it.

    Removing a goal also unlinks the insatser that served it (they stay in the plan, serving no particular goal).
    """
    blocked = removal_blocked(case, item)
    if blocked is not None:
        raise ProcessError([blocked])
    if isinstance(item, Goal):
        plan = plan_of(case, item)
        if plan is None:
            return
        for insats in plan.insatser:
            if insats.goal is item:
                insats.goal = None
        plan.goals.remove(item)  # in place: a loaded case's lists are the mapper's collections
    elif isinstance(item, Insats):
        plan = plan_of(case, item)
        if plan is not None:
            plan.insatser.remove(item)
    elif isinstance(item, Guardian):
        case.student.guardians.remove(item)
    elif isinstance(item, Referral):
        case.referrals.remove(item)
    else:
        assert case.kartlaggning is not None  # removal_blocked said it is recorded
        case.kartlaggning.documents.remove(item)


def removals_refused(stored: Case, submitted: Case) -> list[Finding]:
    """What ``submitted`` (the case as sent to be saved) left out that ``stored`` must keep on record.

    Records are matched by their database id (a submitted case is a copy); a record without an id was never
    stored, so leaving it out removes nothing. Empty when every removal is allowed.
    """

    def ids(items) -> set[int]:
        return {x.id for x in items if x.id is not None}

    kept = {
        Goal: ids(g for plan in submitted.plans for g in plan.goals),
        Insats: ids(i for plan in submitted.plans for i in plan.insatser),
        Guardian: ids(submitted.student.guardians),
        Referral: ids(submitted.referrals),
        KartlaggningDocument: ids(submitted.kartlaggning.documents) if submitted.kartlaggning else set(),
    }
    held: list[Item] = [x for plan in stored.plans for x in (*plan.goals, *plan.insatser)]
    held += [*stored.student.guardians, *stored.referrals]
    held += list(stored.kartlaggning.documents) if stored.kartlaggning else []
    found: list[Finding] = []
    for item in held:
        if item.id is not None and item.id not in kept[type(item)]:
            blocked = removal_blocked(stored, item)
            if blocked is not None:
                found.append(blocked)
    return found


def change_blocked(case: Case, item: Goal | Insats | FollowUp | Consent) -> Finding | None:
    """Why ``item`` may not be edited (None: it may).

    - goals and insatser of an earlier plan version stay as they were;
    - a follow-up of an earlier plan version stays as it was (its ratings are of that version's goals);
    - a consent that is withdrawn is not withdrawn again (its date of withdrawal is the record).
    """
    if isinstance(item, (Goal, Insats)):
        return _superseded(case, item)
    if isinstance(item, FollowUp):
        plan = case.current_plan
        if plan is None or item.plan_version != plan.version:
            return Finding(Problem.FOLLOW_UP_OF_EARLIER_PLAN, str(item.plan_version))
        return None
    if isinstance(item, Consent):
        if item.withdrawn_on is not None:
            return Finding(Problem.CONSENT_ALREADY_WITHDRAWN, item.signer_name)
        return None
    raise TypeError(f"no change rule for {type(item).__name__}")


def save_problems(case: Case, today: dt.date) -> dict[Stage, list[Finding]]:
    """What must be corrected before ``case`` is saved, by the stage whose page shows it (empty: none).

    - planering: the current plan's dates, goals and insatser (``validate_plan``); and while the plan is
      being carried out (genomförande, uppföljning) it keeps what started it (``plan_blockers``) —
      changing course is "revise the plan";
    - avslutad and vidmakthållande (both show the boosterträff): the boosterträff's dates.

    The fields of the case and the student are checked by their own forms (``validate_case``).
    """
    found: dict[Stage, list[Finding]] = {}
    plan = case.current_plan
    if plan is not None:
        planning = list(validate_plan(plan))
        if case.stage in (Stage.GENOMFORANDE, Stage.UPPFOLJNING):
            planning += plan_blockers(plan)
        if planning:
            found[Stage.PLANERING] = planning
    if case.booster is not None:
        booster = validate_booster(case.booster, case.closed_on, today)
        if booster:
            found[Stage.AVSLUTAD] = list(booster)
            found[Stage.VIDMAKTHALLANDE] = list(booster)
    return found


# What a step's own dialog asks, so it is no reason to keep the step's button from the worker.
_ASKED_IN_THE_STEP = {Problem.CLOSING_REASON_MISSING, Problem.GYMNASIEBEHORIGHET_MISSING}


def step_blockers(case: Case, move: Move, today: dt.date) -> list[Finding]:
    """Why ``move`` cannot be taken now, leaving out what taking it asks for (the closing reason)."""
    return [f for f in blockers(case, move, today) if f.problem not in _ASKED_IN_THE_STEP]


def step_answer_problems(move: Move, closing_reason: ClosingReason | None, *, asks_behorighet: bool = False,
                         gymnasiebehorighet: Behorighet | None = None) -> list[Finding]:
    """What the answers of the step's dialog still lack: closing a case needs a reason, and (a student in
    årskurs 9, ``asks_behorighet``) the gymnasiebehörighet — "Okänt" is an answer, no choice is not."""
    found = []
    if move is Move.CLOSE and closing_reason is None:
        found.append(Finding(Problem.CLOSING_REASON_MISSING, field="closing_reason"))
    if move is Move.CLOSE and asks_behorighet and gymnasiebehorighet is None:
        found.append(Finding(Problem.GYMNASIEBEHORIGHET_MISSING, field="gymnasiebehorighet"))
    return found


class _Before:
    """A submitted case as it stood just before one of its new steps: the guards of that step read this.

    Only what the step itself changed is set back (the stage, the history, which plan is current); every
    other attribute is the submitted case's own — the worker's edits come before the step they allow.
    Read-only, so the caller's case (and a mapped object's state) is never touched.
    """

    def __init__(self, case: Case, stage: Stage, transitions: list, plan: Handlingsplan | None) -> None:
        self._case, self.stage, self.transitions, self.current_plan = case, stage, transitions, plan

    def __getattr__(self, name: str):
        return getattr(self._case, name)


def _recorded(step: Transition) -> tuple:
    return step.from_stage, step.to_stage, step.at, step.by, step.comment


def _move_between(source: Stage | None, target: Stage) -> Move | None:
    return next((m for m, p in PATHS.items() if p.source is source and p.target is target), None)


def stage_change_problems(stored: Case, submitted: Case) -> list[Finding]:
    """Whether ``submitted`` reached its stage from ``stored``'s by the process's own steps (empty: it did).

    The steps are the transitions ``submitted`` adds to the stored history (those without a stored id), in
    order: each must start where the case stood, be one of ``process.PATHS``, and pass that step's guards
    (``process.blockers``, on the day of the step, as ``apply`` checks them) on the case as it stood before
    the step. The last must end at ``submitted.stage``; without new steps the stage stays the stored one.
    The stored steps stay as they were recorded (the history page shows them and offers no change).
    """
    sent = {t.id: t for t in submitted.transitions if t.id is not None}
    for step in stored.transitions:
        kept = sent.get(step.id) if step.id is not None else step
        if kept is None or _recorded(kept) != _recorded(step):
            return [Finding(Problem.HISTORY_CHANGED, step.to_stage.value, "transitions")]
    stored_ids = {t.id for t in stored.transitions if t.id is not None}
    positions = [i for i, t in enumerate(submitted.transitions) if t.id is None or t.id not in stored_ids]
    # The plans in the order the steps left them current: a revision makes a new version current, so the
    # plan current before the r-th last revision is r places down this list.
    plans = [submitted.current_plan] + sorted((p for p in submitted.plans if p is not submitted.current_plan),
                                              key=lambda p: p.version, reverse=True)
    revisions_after = sum(1 for i in positions if _move_between(
        submitted.transitions[i].from_stage, submitted.transitions[i].to_stage) is Move.REVISE_PLAN)
    stage = stored.stage
    for i in positions:
        step = submitted.transitions[i]
        move = _move_between(step.from_stage, step.to_stage)
        if move is None or step.from_stage is not stage:
            return [Finding(Problem.STAGE_NOT_REACHED, step.to_stage.value, "stage")]
        plan = plans[revisions_after] if revisions_after < len(plans) else None
        before = _Before(submitted, stage, submitted.transitions[:i], plan)
        found = blockers(before, move, local_date(step.at), submitted.closing_reason)  # type: ignore[arg-type]
        if found:
            return found
        if move is Move.REVISE_PLAN:
            revisions_after -= 1
        stage = step.to_stage
    if submitted.stage is not stage:
        return [Finding(Problem.STAGE_NOT_REACHED, submitted.stage.value, "stage")]
    return []


def _records(obj: object, seen: set[int]) -> list[object]:
    """Every record of a case graph (the case, its student, guardians, plans, goals …), each once."""
    if id(obj) in seen or not dataclasses.is_dataclass(obj):
        return []
    seen.add(id(obj))
    found = [obj]
    for spec in dataclasses.fields(obj):
        value = getattr(obj, spec.name)
        for item in value if isinstance(value, list) else [value]:
            if dataclasses.is_dataclass(item) and not isinstance(item, type):
                found += _records(item, seen)
    return found


def unknown_records(stored: Case, submitted: Case) -> dict[type, set[int]]:
    """The records of ``submitted`` (by kind) whose ids are not ``stored``'s: rows someone removed meanwhile
    (a merge keeps a row the person changed: stored again), or — from a faulty or hostile client — another
    case's rows. Which is which only the database knows (``services.cases`` asks it): an id taken from another
    case would make the save move that case's goal, or overwrite another student's name, into this one."""
    own = {(type(r), r.id) for r in _records(stored, set()) if getattr(r, "id", None) is not None}
    unknown: dict[type, set[int]] = {}
    for record in _records(submitted, set()):
        record_id = getattr(record, "id", None)
        if record_id is not None and (type(record), record_id) not in own:
            unknown.setdefault(type(record), set()).add(record_id)
    return unknown


def save_refused(stored: Case, submitted: Case, today: dt.date) -> list[Finding]:
    """Why ``submitted`` may not be written over ``stored`` (empty: it may); the server side of the window's Save.

    The same checks the case window makes before it saves, no stricter: what the record keeps
    (``removals_refused``), the case's and the student's fields (``validate_case``, which the first page runs
    on every save), what the pages would mark (``save_problems``), and a stage reached only by the process's
    steps (``stage_change_problems``). Warnings (a plan without a school goal …) never refuse a save.
    """
    found = removals_refused(stored, submitted) + validate_case(submitted, today)
    for findings in save_problems(submitted, today).values():
        found += [f for f in findings if f not in found]  # the boosterträff's dates are on two pages
    return found + stage_change_problems(stored, submitted)
