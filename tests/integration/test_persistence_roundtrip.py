"""A case file survives saving at every stage, closing the database and opening it again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from sst_desk.persistence import Database
from sst_desk.workflow import process
from sst_desk.workflow.codes import Level, Party, PlanStatus, SchoolMeasure, Stage
from sst_desk.workflow.entities import Case
from doors import door


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def _check_links(case: Case) -> None:
    """Cross-references point into the same graph, as the process rules (``is``) expect."""
    guardians = case.student.guardians
    for consent in case.consents:
        assert consent.guardian is None or any(consent.guardian is g for g in guardians)
    goals = [g for p in case.plans for g in p.goals]
    for plan in case.plans:
        for insats in plan.insatser:
            assert insats.goal is None or any(insats.goal is g for g in plan.goals)
    for follow_up in case.follow_ups:
        for rating in follow_up.ratings:
            assert any(rating.goal is g for g in goals)


def test_full_case_survives_every_stage_and_a_restart(db_path: Path, walk_case, snap) -> None:
    db = Database.open(db_path)
    saved = walk_case(db)
    assert saved.stage is Stage.VIDMAKTHALLANDE and process.is_complete(saved)
    before = snap(saved)
    db.close()

    reopened = Database.open(db_path)
    try:
        again = door(reopened).cases.load_case(saved.id)
    finally:
        reopened.close()
    # Read after the database is closed: the graph is detached and fully loaded.
    assert snap(again) == before
    _check_links(again)

    assert [t.to_stage for t in again.transitions] == [
        Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING,
        Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING, Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE,
    ]  # fmt: skip
    assert [(p.version, p.status) for p in again.plans] == [(1, PlanStatus.SUPERSEDED), (2, PlanStatus.CURRENT)]
    old, new = again.plans
    assert {g.id for g in old.goals}.isdisjoint({g.id for g in new.goals})
    assert [r.goal for r in again.follow_ups[0].ratings] == old.goals
    assert [r.goal for r in again.follow_ups[1].ratings] == new.goals
    assert [i.goal for i in new.insatser] == new.goals
    assert new.goals[1].target == "Trivs och har en kompis" and old.goals[1].target == "Trivs"
    assert again.level is Level.NIVA_3 and type(again.level) is Level
    assert again.school_measures == [SchoolMeasure.FRANVAROUTREDNING, SchoolMeasure.ANPASSNINGAR]
    assert all(type(p) is Party for c in again.consents for p in c.parties)
    assert all(t.at.utcoffset() == dt.timedelta(0) for t in again.transitions)


def test_each_save_writes_what_was_edited(db: Database, walk_case, snap, monkeypatch) -> None:
    """Compare the graph handed to save_case with the one it returns, at every stage (ids aside)."""
    from sst_desk.services import cases as case_services

    original_save = case_services.save_case
    compared: list[Stage] = []

    def checking_save(uow, actor, case: Case) -> Case:
        result = original_save(uow, actor, case)
        saved, edited = snap(result, ids=False), snap(case, ids=False)
        assert saved.pop("revision") == ("int", case.revision + 1)  # every save claims the next revision
        edited.pop("revision")
        assert saved == edited
        _check_links(result)
        compared.append(result.stage)
        return result

    monkeypatch.setattr(case_services, "save_case", checking_save)  # what every door calls
    walk_case(db)
    assert len(compared) == 11


def test_a_transition_time_keeps_its_instant_whatever_the_zone(db: Database, make_case) -> None:
    case = door(db).cases.add_case(make_case())
    stockholm = dt.timezone(dt.timedelta(hours=1))
    case.criteria_met = True
    process.apply(case, process.Move.ENROL, by="kurator", at=dt.datetime(2025, 2, 3, 9, 15, tzinfo=stockholm))
    again = door(db).cases.save_case(case)
    (transition,) = again.transitions
    assert transition.at == dt.datetime(2025, 2, 3, 8, 15, tzinfo=dt.timezone.utc)
    assert transition.at.tzinfo is dt.timezone.utc
    with db.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT at FROM transitions")).scalar_one()
    assert stored.startswith("2025-02-03 08:15:00")  # naive UTC in the file


def test_a_naive_transition_time_is_refused(db: Database, make_case) -> None:
    case = door(db).cases.add_case(make_case())
    case.criteria_met = True
    process.apply(case, process.Move.ENROL, by="kurator", at=dt.datetime(2025, 2, 3, 9, 15))
    try:
        door(db).cases.save_case(case)
    except sa.exc.StatementError as exc:
        assert "time zone" in str(exc.orig)
    else:
        raise AssertionError("a naive datetime was stored")
    assert door(db).cases.load_case(case.id).transitions == []


def test_enum_lists_are_stored_as_json_values(db: Database, make_case) -> None:
    case = door(db).cases.add_case(make_case())
    with db.engine.connect() as conn:
        raw = conn.execute(sa.text("SELECT school_measures, stage, level FROM cases")).one()
    assert raw == ('["franvaroutredning", "anpassningar"]', "aktualisering", 3)
    case.school_measures.remove(SchoolMeasure.ANPASSNINGAR)  # in place: MutableList marks it changed
    assert door(db).cases.save_case(case).school_measures == [SchoolMeasure.FRANVAROUTREDNING]


def test_deleting_a_whole_case_through_the_unit_of_work(db: Database, walk_case) -> None:
    """Gallring will delete finished cases: the cascades must allow it even with rated goals."""
    done = walk_case(db)
    with db.uow(actor="teamledare") as uow:
        uow.session.delete(uow.cases.get(done.id))
        uow.commit()
    for table in ("cases", "goals", "goal_ratings", "consents", "transitions", "kartlaggning_documents"):
        assert count(db, table) == 0, table
    assert count(db, "students") == 1  # the student is not part of the case file


def test_unit_of_work_rolls_back_unless_committed(db: Database, make_case) -> None:
    with db.uow(actor="socionom.sara") as uow:
        assert uow.actor == "socionom.sara"
        uow.cases.add(make_case())
    assert door(db).cases.case_rows(dt.date(2025, 1, 20)) == []
    with db.uow() as uow:
        uow.cases.add(make_case(first="Bo"))
        uow.commit()
    with db.uow() as uow:
        (row,) = uow.cases.list_rows(dt.date(2025, 1, 20))
        case = uow.cases.get(row.case_id)
        assert case.student.guardians[0].name == "Maja Testsson"  # lazy loading inside the unit of work
        assert uow.cases.get(row.case_id + 1) is None
