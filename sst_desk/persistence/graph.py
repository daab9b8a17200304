"""Getting an edited case graph ready to be written: order, and references that still hold.

The UI edits a detached ``Case`` freely: reorders goals, removes a guardian or
a goal, adds new ones. Before the graph is merged, ``prepare_for_save`` turns
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

    A reference to a removed (stored) guardian or goal is cleared, as the
    database's ON DELETE SET NULL would. A reference to a new object that is in
    no list, or a rating of a removed goal, raises ``ValueError``.
    """
    goals = [goal for plan in case.plans for goal in plan.goals]
    for plan in case.plans:
        for position, goal in enumerate(plan.goals):
            goal.position = position
        for position, insats in enumerate(plan.insatser):
            insats.position = position
            if insats.goal is not None:
                own = _in_graph(insats.goal, goals)
                if own is None and insats.goal.id is None:
                    raise ValueError(f"The insats {insats.name!r} serves a goal that is in no plan of the case.")
                insats.goal = own
    for consent in case.consents:
        if consent.guardian is not None:
            own_guardian = _in_graph(consent.guardian, case.student.guardians)
            if own_guardian is None and consent.guardian.id is None:
                raise ValueError(
                    f"The consent signed by {consent.signer_name!r} names a guardian who is not the student's."
                )
            consent.guardian = own_guardian
    for follow_up in case.follow_ups:
        for rating in follow_up.ratings:
            own_goal = _in_graph(rating.goal, goals)
            if own_goal is None:
                raise ValueError(
                    f"The goal {rating.goal.description!r} was rated at the follow-up on "
                    f"{follow_up.held_on.isoformat()} and cannot be removed."
                )
            rating.goal = own_goal
