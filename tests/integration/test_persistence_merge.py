"""Editing a detached case graph in memory and saving it: every kind of change, in one transaction."""

from __future__ import annotations

import datetime as dt
from sst_desk.persistence.cipher import dbapi as sqlite3  # never two SQLite libraries on one file
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.persistence import CaseNotFound, Database
from sst_desk.workflow import process
from sst_desk.workflow.codes import (
    Authority,
    Factor,
    GoalArea,
    Party,
    PlanStatus,
    Rating,
    SignerKind,
    Stage,
)
from sst_desk.workflow.entities import (
    Consent,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Insats,
    Kartlaggning,
    KartlaggningDocument,
)
from sst_desk.workflow.problems import ProcessError, Problem
from doors import door


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, walk_case) -> tuple[Path, int]:
    """A database with one case in genomförande (plan: two goals, two insatser), built once."""
    path = tmp_path_factory.mktemp("template") / "running.sqlite3"
    with Database.open(path) as db:
        return path, walk_case(db, until=Stage.GENOMFORANDE).id


@pytest.fixture
def db(template: tuple[Path, int], db_path: Path) -> Iterator[Database]:
    db_path.parent.mkdir(parents=True)
    source, target = sqlite3.connect(template[0]), sqlite3.connect(db_path)
    source.backup(target)
    source.close()
    target.close()
    with Database.open(db_path) as database:
        yield database


@pytest.fixture
def running(db: Database, template: tuple[Path, int]):
    return door(db).cases.load_case(template[1])


def test_removing_a_goal_deletes_it_and_unlinks_its_insats(db: Database, running) -> None:
    plan = running.current_plan
    removed = plan.goals.pop(0)
    assert plan.insatser[0].goal is removed
    again = door(db).cases.save_case(running)
    assert [g.description for g in again.current_plan.goals] == ["Trivs i klassen"]
    assert again.current_plan.goals[0].position == 0
    assert again.current_plan.insatser[0].goal is None
    assert again.current_plan.insatser[1].goal is again.current_plan.goals[0]
    assert count(db, "goals") == 1


def test_reordering_goals_and_insatser_sets_their_position(db: Database, running) -> None:
    plan = running.current_plan
    plan.goals.reverse()
    plan.insatser.reverse()
    again = door(db).cases.save_case(running).current_plan
    assert [g.description for g in again.goals] == ["Trivs i klassen", "Närvaro minst 80 %"]
    assert [i.name for i in again.insatser] == ["Anpassad studiegång", "Motiverande samtal"]
    assert [g.position for g in again.goals] == [0, 1]
    assert again.insatser[0].goal is again.goals[0]


def test_new_goal_with_new_insats_serving_it(db: Database, running) -> None:
    plan = running.current_plan
    goal = Goal("Godkänt i matematik", GoalArea.SKOLRESULTAT, target="E")
    plan.goals.insert(1, goal)
    plan.insatser.append(
        Insats("Läxhjälp", responsible_authority=Authority.SKOLA, responsible_person="Lärare", goal=goal)
    )
    again = door(db).cases.save_case(running).current_plan
    assert [g.description for g in again.goals][1] == "Godkänt i matematik"
    assert again.goals[1].id is not None
    assert again.insatser[2].goal is again.goals[1]


def test_removing_an_insats_deletes_it(db: Database, running) -> None:
    del running.current_plan.insatser[1]
    again = door(db).cases.save_case(running)
    assert [i.name for i in again.current_plan.insatser] == ["Motiverande samtal"]
    assert count(db, "insatser") == 1


def test_new_guardian_and_their_consent_in_one_save(db: Database, running) -> None:
    bonus = Guardian(name="Lisa Påhittad", relation="bonusmamma", must_consent=False)
    running.student.guardians.append(bonus)
    running.consents.append(
        Consent(SignerKind.VARDNADSHAVARE, bonus.name, dt.date(2025, 3, 1), [Party.SKOLA, Party.REGION], guardian=bonus)
    )
    again = door(db).cases.save_case(running)
    new_guardian = again.student.guardians[2]
    assert new_guardian.name == "Lisa Påhittad" and new_guardian.id is not None
    assert again.consents[-1].guardian is new_guardian


def merged_below_the_door(db: Database, case):
    """Write ``case`` with the repository's merge alone (no process rules): what the storage itself does."""
    with db.uow(None) as tx:
        tx.cases.merge(case)
        tx.commit()
    return door(db).cases.load_case(case.id)


def test_removing_a_guardian_keeps_their_consent_unlinked(db: Database, running) -> None:
    gone = running.student.guardians.pop(1)
    signed = [c for c in running.consents if c.guardian is gone]
    assert len(signed) == 1
    with pytest.raises(ProcessError) as refused:  # the process keeps a guardian who signed (workflow.editing)
        door(db).cases.save_case(running)
    assert [f.problem for f in refused.value.findings] == [Problem.GUARDIAN_SIGNED]
    again = merged_below_the_door(db, running)  # should a graph without them reach storage, the consent stays
    assert [g.name for g in again.student.guardians] == ["Maja Testsson"]
    kept = [c for c in again.consents if c.signer_name == "Olle Testsson"]
    assert len(kept) == 1 and kept[0].guardian is None
    assert count(db, "guardians") == 1


def test_a_stale_copy_of_a_guardian_does_not_overwrite_the_edited_one(db: Database, running) -> None:
    other = door(db).cases.load_case(running.id)  # e.g. a second window's copy
    running.student.guardians[0].phone = "070-999 99 99"
    running.consents[1].guardian = other.student.guardians[0]  # same id, old phone
    again = door(db).cases.save_case(running)
    assert again.student.guardians[0].phone == "070-999 99 99"
    assert again.consents[1].guardian is again.student.guardians[0]


def test_in_place_changes_to_enum_lists_are_saved(db: Database, running) -> None:
    running.consents[0].parties.append(Party.REGION)
    running.kartlaggning.factors.remove(Factor.ANGEST)
    running.kartlaggning.protective_factors.clear()
    again = door(db).cases.save_case(running)
    assert again.consents[0].parties == [Party.SKOLA, Party.SOCIALTJANST, Party.ELEVHALSA, Party.REGION]
    assert again.kartlaggning.factors == [Factor.SOCIALT_KLIMAT]
    assert again.kartlaggning.protective_factors == []


def test_revising_the_plan_keeps_the_old_version(db: Database, running) -> None:
    old_goal_ids = [g.id for g in running.current_plan.goals]
    new_plan = process.revise_plan(running, dt.date(2025, 4, 1))
    new_plan.follow_up_on = dt.date(2025, 5, 1)  # a running plan keeps its follow-up date (save_problems)
    new_plan.goals[0].target = "90 %"
    again = door(db).cases.save_case(running)
    old, new = again.plans
    assert (old.version, old.status, new.version, new.status) == (1, PlanStatus.SUPERSEDED, 2, PlanStatus.CURRENT)
    assert [g.id for g in old.goals] == old_goal_ids
    assert old.goals[0].target == "80 %" and new.goals[0].target == "90 %"
    assert [i.goal for i in new.insatser] == new.goals and [i.goal for i in old.insatser] == old.goals
    assert count(db, "goals") == 4 and count(db, "insatser") == 4


def test_a_rating_points_at_a_goal_of_the_current_plan(db: Database, running) -> None:
    goals = running.current_plan.goals
    running.follow_ups.append(FollowUp(dt.date(2025, 3, 20), 1, [GoalRating(goals[1], Rating.EJ_UPPNATT, "Inte än")]))
    again = door(db).cases.save_case(running)
    (rating,) = again.follow_ups[0].ratings
    assert rating.goal is again.current_plan.goals[1] and rating.rating is Rating.EJ_UPPNATT


def test_a_rated_goal_cannot_be_removed(db: Database, running) -> None:
    goals = running.current_plan.goals
    running.follow_ups.append(FollowUp(dt.date(2025, 3, 20), 1, [GoalRating(goals[0], Rating.DELVIS)]))
    running = door(db).cases.save_case(running)
    running.current_plan.goals.pop(0)
    with pytest.raises(ProcessError) as refused:  # the process's rule, at the door (workflow.editing)
        door(db).cases.save_case(running)
    assert [f.problem for f in refused.value.findings] == [Problem.GOAL_RATED]
    with pytest.raises(ValueError, match="rated"), db.uow(None) as tx:  # and the storage's own net below it
        tx.cases.merge(running)
    assert count(db, "goals") == 2


def test_removing_a_new_goal_of_a_revised_plan_unlinks_its_insats(db: Database, running) -> None:
    new_plan = process.revise_plan(running, dt.date(2025, 4, 1))
    new_plan.follow_up_on = dt.date(2025, 5, 1)  # a running plan keeps its follow-up date (save_problems)
    new_plan.goals.pop(0)  # a copy never saved, still served by the copied insats
    again = door(db).cases.save_case(running).current_plan
    assert [i.goal for i in again.insatser] == [None, again.goals[0]]
    assert count(db, "goals") == 3


def test_a_consent_naming_a_guardian_outside_the_student_is_unlinked(db: Database, running) -> None:
    stranger = Guardian(name="Okänd")
    running.consents.append(
        Consent(SignerKind.VARDNADSHAVARE, "Okänd", dt.date(2025, 3, 1), [Party.SKOLA], guardian=stranger)
    )
    again = door(db).cases.save_case(running)
    assert again.consents[-1].guardian is None and count(db, "guardians") == 2


def test_removing_a_follow_up_deletes_its_ratings(db: Database, running) -> None:
    goals = running.current_plan.goals
    running.follow_ups.append(FollowUp(dt.date(2025, 3, 20), 1, [GoalRating(g, Rating.DELVIS) for g in goals]))
    running = door(db).cases.save_case(running)
    running.follow_ups.clear()
    assert door(db).cases.save_case(running).follow_ups == []
    assert count(db, "goal_ratings") == 0


def test_a_replaced_kartlaggning_replaces_the_old_row(db: Database, running) -> None:
    running.kartlaggning = Kartlaggning(documents=[KartlaggningDocument(label="Ny")], summary="Omgjord")
    again = door(db).cases.save_case(running)
    assert again.kartlaggning.summary == "Omgjord" and [d.label for d in again.kartlaggning.documents] == ["Ny"]
    assert count(db, "kartlaggningar") == 1 and count(db, "kartlaggning_documents") == 1


def test_a_failing_save_changes_nothing(db: Database, running) -> None:
    running.reason = "Ändrad anledning"
    running.current_plan.goals.pop()
    running.student.guardians.append(Guardian(name=None))  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(sa.exc.IntegrityError):
        door(db).cases.save_case(running)
    again = door(db).cases.load_case(running.id)
    assert again.reason != "Ändrad anledning" and len(again.current_plan.goals) == 2
    assert len(again.student.guardians) == 2


def test_unknown_case(db: Database, running) -> None:
    with pytest.raises(CaseNotFound) as info:
        door(db).cases.load_case(999)
    assert info.value.case_id == 999 and "999" in str(info.value)
    running.id = 999
    with pytest.raises(CaseNotFound):
        door(db).cases.save_case(running)
    assert count(db, "cases") == 1
