"""Reading uppföljning rounds back from a case: which plan a follow-up rated, the latest
rating of each goal, and what the team decided when the round ended.

Pure functions over workflow objects, shared by the uppföljningsprotokoll and
the avslutsanteckning so both read a case the same way.
"""

from __future__ import annotations

from sst_desk.workflow.codes import Rating, Stage
from sst_desk.workflow.entities import Case, FollowUp, Goal, Handlingsplan, Transition
from sst_desk.workflow.process import local_date


def plan_for(case: Case, version: int) -> Handlingsplan | None:
    """The plan with ``version`` (the newest such if a bad import left two)."""
    found = [p for p in case.plans if p.version == version]
    return found[-1] if found else None


def latest_plan(case: Case) -> Handlingsplan | None:
    """The current plan, or for a closed case whose plans were all superseded, the newest one."""
    if case.current_plan is not None:
        return case.current_plan
    return max(case.plans, key=lambda p: p.version) if case.plans else None


def ordered_follow_ups(case: Case) -> list[FollowUp]:
    """Follow-ups by the day they were held; recording order breaks a tie (as in ``process``)."""
    return [f for _, _, f in sorted((f.held_on, n, f) for n, f in enumerate(case.follow_ups))]


def latest_follow_up(case: Case) -> FollowUp | None:
    ordered = ordered_follow_ups(case)
    return ordered[-1] if ordered else None


def latest_ratings(case: Case, plan: Handlingsplan) -> dict[int, tuple[Rating, str, FollowUp]]:
    """For each goal of ``plan`` (by ``id()``) its most recent rating, comment and the follow-up that gave it."""
    found: dict[int, tuple[Rating, str, FollowUp]] = {}
    goals = {id(g) for g in plan.goals}
    for follow_up in ordered_follow_ups(case):
        if follow_up.plan_version != plan.version:
            continue
        for rating in follow_up.ratings:
            if id(rating.goal) in goals:
                found[id(rating.goal)] = (rating.rating, rating.comment, follow_up)
    return found


def decision_after(case: Case, follow_up: FollowUp) -> Transition | None:
    """The step out of uppföljning that concluded ``follow_up``'s round, if taken yet.

    That is the first exit from uppföljning on or after the day it was held (a
    round concluded the same day belongs to that meeting, as in
    ``process.follow_up_this_round``), unless a later follow-up was held before
    that exit: then the later meeting, not this one, led to the decision.
    """
    exits = sorted((t for t in case.transitions
                    if t.from_stage is Stage.UPPFOLJNING and local_date(t.at) >= follow_up.held_on),
                   key=lambda t: t.at)
    if not exits:
        return None
    first = exits[0]
    ordered = ordered_follow_ups(case)
    later = ordered[ordered.index(follow_up) + 1:]
    if any(f.held_on <= local_date(first.at) and f.plan_version == follow_up.plan_version for f in later):
        return None
    return first


def goal_number(plan: Handlingsplan | None, goal: Goal) -> int | None:
    """The goal's number as printed on the plan (1-based, by position)."""
    if plan is None:
        return None
    ordered = sorted(plan.goals, key=lambda g: g.position)
    for number, candidate in enumerate(ordered, start=1):
        if candidate is goal:
            return number
    return None
