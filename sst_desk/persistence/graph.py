"""Getting an edited case graph ready to be written: order, and references that still hold.

The UI edits a detached ``Case`` freely: reorders goals, removes a guardian or
a goal, adds new ones, revises the plan. Before the graph is merged, ``prepare_for_save`` turns
list order into ``position`` and makes cross-references (a consent's
guardian, an insats's goal, a rating's goal) point at objects that are part
of the graph, so the merge neither resurrects a removed object nor lets a
stale copy overwrite an edited one.
"""

from __future__ import annotations

from typing import TypeVar

from sst_desk.workflow.entities import Case, Goal, Guardian

T = TypeVar("T", Goal, Guardian)


def _in_graph(target: T, members: list[T]) -> T | None:
    """The graph's own object for ``target``: itself, or the member with the same id."""
    for member in members:
        if member is target:
            return member
    if target.id is not None:
        for member in members:
            if member.id == target.id:
                return member
    return None


def prepare_for_save(case: Case) -> None:
    """Number goals and insatser by list order; fix or refuse references outside the graph.

    An insats's goal or a consent's guardian that is no longer in the graph
    (removed from its list, stored or not) is cleared, as the database's
    ON DELETE SET NULL would. A rating of a goal in no plan raises
    ``ValueError``: a rated goal is part of the record.
    """
    goals = [goal for plan in case.plans for goal in plan.goals]
    for plan in case.plans:
        for position, goal in enumerate(plan.goals):
            goal.position = position
        for position, insats in enumerate(plan.insatser):
            insats.position = position
            if insats.goal is not None:
                insats.goal = _in_graph(insats.goal, goals)
    for consent in case.consents:
        if consent.guardian is not None:
            consent.guardian = _in_graph(consent.guardian, case.student.guardians)
    for follow_up in case.follow_ups:
        for rating in follow_up.ratings:
            own_goal = _in_graph(rating.goal, goals)
            if own_goal is None:
                raise ValueError(
                    f"The goal {rating.goal.description!r} was rated at the follow-up on "
                    f"{follow_up.held_on.isoformat()} and cannot be removed."
                )
            rating.goal = own_goal
