"""A case sent straight to the door (as a remote client would) is held to the process's rules on a real file.

What was possible: ``save_case`` checked only the permission, so a client that skipped the case window could
delete a goal already rated at a follow-up — the rating then pointed at nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
import pytest

from sst_desk.persistence import accounts
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Rating, Stage
from sst_desk.workflow.entities import FollowUp, GoalRating
from sst_desk.workflow.problems import ProcessError, Problem

from doors import door


def edits_logged(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM access_log WHERE action = 'edit'")).scalar_one()


def test_removing_a_rated_goal_through_the_door_is_refused_and_the_stored_case_is_unchanged(db, walk_case, snap):
    db.actor = accounts.add_user(db, "sara", "Sara Socionom", Role.SKOLSOCIONOM, "hash").actor()
    case = walk_case(db, until=Stage.UPPFOLJNING)
    plan = case.current_plan
    case.follow_ups.append(FollowUp(plan.follow_up_on, plan.version,
                                    [GoalRating(g, Rating.DELVIS) for g in plan.goals]))
    rated = door(db).cases.save_case(case)
    before, edits = snap(door(db).cases.load_case(rated.id)), edits_logged(db)

    sent = door(db).cases.load_case(rated.id)
    goal = sent.current_plan.goals[0]
    sent.current_plan.goals.remove(goal)
    for insats in sent.current_plan.insatser:
        if insats.goal is goal:
            insats.goal = None
    with pytest.raises(ProcessError) as refused:
        door(db).cases.save_case(sent)

    assert [f.problem for f in refused.value.findings] == [Problem.GOAL_RATED]
    assert refused.value.findings[0].detail == goal.description
    stored = door(db).cases.load_case(rated.id)
    assert snap(stored) == before  # the goal, its rating and the revision: all as they were
    assert edits_logged(db) == edits  # nothing was saved, so no edit is logged

    sent.current_plan.goals.insert(0, goal)  # the same copy, the goal put back: the save goes through
    assert door(db).cases.save_case(sent).revision == stored.revision + 1
