"""The demo generator: fictional cases in every stage, valid, reproducible, with test personnummer only."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest

from sst_desk.demo import generate as demo
from sst_desk.demo.accounts import ensure_demo_database
from sst_desk.workflow import validation
from sst_desk.workflow.attention import Attention, attention, summarize
from sst_desk.workflow.codes import ClosingReason, PlanStatus, Stage
from sst_desk.workflow.entities import Case
from sst_desk.workflow.identity import is_coordination_number, normalise_personal_id
from sst_desk.workflow.process import is_complete, local_date
from doors import door

TODAY = dt.date(2025, 11, 3)


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return demo.build_cases(120, seed=7, today=TODAY)


def test_every_stage_has_cases_even_in_a_small_caseload() -> None:
    for count in (8, 40):
        stages = Counter(c.stage for c in demo.build_cases(count, seed=3, today=TODAY))
        assert set(stages) == set(Stage), f"{count} students: {stages}"


def test_the_scenarios_the_brief_asks_for_are_all_there(cases: list[Case]) -> None:
    reasons = Counter(c.closing_reason for c in cases if c.stage is Stage.AVSLUTAD)
    assert {ClosingReason.UPPFYLLER_EJ_KRITERIER, ClosingReason.AVBOJT, ClosingReason.HANVISAD} <= set(reasons)
    assert any(p.version == 2 and p.status is PlanStatus.CURRENT for c in cases for p in c.plans)
    assert any(p.status is PlanStatus.SUPERSEDED for c in cases for p in c.plans)
    continued = [c for c in cases if any(t.from_stage is Stage.UPPFOLJNING and t.to_stage is Stage.GENOMFORANDE
                                         for t in c.transitions)]
    assert continued
    closed_with_booster = [c for c in cases if c.stage is Stage.AVSLUTAD and c.booster is not None]
    assert closed_with_booster and all(c.booster.held is None for c in closed_with_booster)
    held = Counter(c.booster.held for c in cases if c.stage is Stage.VIDMAKTHALLANDE)
    assert held[True] and held[False] and held[None]
    assert any(c.consents and any(k.withdrawn_on for k in c.consents) for c in cases)
    assert any(g.interpreter_language for c in cases for g in c.student.guardians)
    assert any(not g.must_consent for c in cases for g in c.student.guardians)


def test_the_needs_attention_filter_has_something_of_every_kind() -> None:
    flags = Counter(
        flag for c in demo.build_cases(40, seed=1, today=TODAY) for flag in attention(summarize(c, TODAY), TODAY)
    )
    assert set(flags) == set(Attention), flags


def test_every_generated_object_passes_validation(cases: list[Case]) -> None:
    for case in cases:
        student = case.student
        assert validation.validate_case(case, TODAY) == []
        for guardian in student.guardians:
            assert validation.validate_guardian(guardian) == []
            assert guardian.email.endswith("@example.se")
        for consent in case.consents:
            assert validation.validate_consent(consent, student, TODAY) == []
        versions = {p.version: p for p in case.plans}
        for plan in case.plans:
            assert validation.validate_plan(plan) == []
        for entry in case.contacts:
            assert validation.validate_contact(entry, TODAY) == []
        for follow_up in case.follow_ups:
            assert validation.validate_follow_up(follow_up, versions[follow_up.plan_version], TODAY) == []
        for booster in case.boosters:
            assert validation.validate_booster(booster, case.closed_on, TODAY) == []
        for referral in case.referrals:
            assert validation.validate_referral(referral, TODAY) == []


def test_the_history_is_consistent_and_in_the_past(cases: list[Case]) -> None:
    for case in cases:
        opening = case.transitions[0]
        assert (opening.from_stage, opening.to_stage) == (None, Stage.AKTUALISERING)
        assert local_date(opening.at) == case.raised_on
        stage, last = Stage.AKTUALISERING, case.raised_on
        for transition in case.transitions[1:]:
            assert transition.from_stage is stage
            assert transition.at.tzinfo is not None, "the app stores aware (UTC) moments"
            day = local_date(transition.at)
            assert last <= day < TODAY
            stage, last = transition.to_stage, day
        assert stage is case.stage
        if case.stage is Stage.VIDMAKTHALLANDE and case.booster.held is not None:
            assert is_complete(case)


def test_plans_mostly_have_a_skolnarvaro_goal_with_a_baseline(cases: list[Case]) -> None:
    plans = [c.current_plan for c in cases if c.stage is Stage.GENOMFORANDE]
    with_attendance = [p for p in plans if any(g.area.value == "skolnarvaro" for g in p.goals)]
    assert len(with_attendance) >= len(plans) * 0.6
    goal = next(g for g in with_attendance[0].goals if g.area.value == "skolnarvaro")
    assert goal.baseline.endswith("% frånvaro") and goal.target == "under 15 %"
    assert all(1 <= len(p.goals) <= 4 and p.insatser for p in plans)
    assert all(i.responsible_authority and i.responsible_person for p in plans for i in p.insatser)


def test_same_seed_same_cases_other_seed_other_cases() -> None:
    first = [repr(asdict(c)) for c in demo.build_cases(30, seed=5, today=TODAY)]
    again = [repr(asdict(c)) for c in demo.build_cases(30, seed=5, today=TODAY)]
    other = [repr(asdict(c)) for c in demo.build_cases(30, seed=6, today=TODAY)]
    assert first == again
    assert first != other


def test_personnummer_use_test_serials_with_valid_check_digits(cases: list[Case]) -> None:
    ids = [c.student.personal_id for c in cases]
    present = [pid for pid in ids if pid is not None]
    assert len(present) < len(ids), "a few students should have no personnummer"
    assert len(set(present)) == len(present)
    for pid in present:
        assert 980 <= int(pid[9:12]) <= 999, pid
        assert normalise_personal_id(pid, TODAY) == (pid, None), pid
    coordination = [pid for pid in present if is_coordination_number(pid)]
    assert len(coordination) == 3  # one in every 40


def test_a_bad_check_digit_is_caught_by_the_same_check() -> None:
    """Guards the test above: the validator really rejects a wrong check digit."""
    good = demo.fictional_personal_id(dt.date(2012, 3, 15), 981)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert normalise_personal_id(good, TODAY) == (good, None)
    assert normalise_personal_id(bad, TODAY)[1] is not None


def test_only_test_serials_can_be_generated() -> None:
    with pytest.raises(ValueError):
        demo.fictional_personal_id(dt.date(2012, 3, 15), 123)
    assert demo.fictional_personal_id(dt.date(2012, 3, 15), 990, coordination=True).startswith("20120375-990")


def test_gender_matches_the_serial(cases: list[Case]) -> None:
    for case in cases:
        student = case.student
        if student.personal_id and student.gender.value in ("flicka", "pojke"):
            odd = int(student.personal_id[11]) % 2 == 1
            assert odd == (student.gender.value == "pojke")


# --- into a real database ---------------------------------------------------------------


def test_populate_stores_every_case_and_they_load_back_whole(tmp_path: Path) -> None:
    from sst_desk.persistence import Database

    expected = demo.build_cases(30, seed=2, today=TODAY)
    with Database.open(tmp_path / "demo.sqlite3") as db:
        ids = demo.populate(db, students=30, seed=2, today=TODAY)
        rows = door(db).cases.case_rows(TODAY)
        loaded = [door(db).cases.load_case(case_id) for case_id in ids]
    assert len(ids) == len(set(ids)) == 30
    assert {r.stage for r in rows} == set(Stage)
    for want, got in zip(expected, loaded):
        assert got.student.personal_id == want.student.personal_id
        assert got.stage is want.stage
        assert [(t.from_stage, t.to_stage) for t in got.transitions] == [
            (t.from_stage, t.to_stage) for t in want.transitions
        ]
        assert sorted(p.version for p in got.plans) == sorted(p.version for p in want.plans)
        assert len(got.follow_ups) == len(want.follow_ups) and len(got.consents) == len(want.consents)


def test_a_second_run_into_the_same_database_repeats_no_personnummer(tmp_path: Path) -> None:
    from sst_desk.persistence import Database

    with Database.open(tmp_path / "demo.sqlite3") as db:
        demo.populate(db, students=40, seed=1, today=TODAY)
        demo.populate(db, students=40, seed=1, today=TODAY)
        ids = [r.personal_id for r in door(db).cases.case_rows(TODAY) if r.personal_id]
    assert len(ids) == len(set(ids)) > 60


def test_ensure_demo_database_fills_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sst_desk.demo.accounts import DEMO_PASSWORD, DEMO_USERS
    from sst_desk.persistence import Database, cipher
    from sst_desk.security.signin import sign_in, unlock

    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    path = ensure_demo_database()
    assert path == tmp_path / "data" / "demo.sqlite3"
    assert not cipher.is_plaintext(path) and cipher.key_file_for(path).exists()  # encrypted, keys beside it
    before = path.stat().st_mtime_ns
    assert ensure_demo_database() == path  # already made: left alone
    assert path.stat().st_mtime_ns == before
    with Database.open(path, key=unlock(path, "tove", DEMO_PASSWORD)) as raw:
        assert len(door(raw).cases.case_rows(TODAY)) == 40
    for username, _name, role in DEMO_USERS:  # one documented user per role, all able to sign in
        with sign_in(path, username, DEMO_PASSWORD) as db:
            assert db.actor is not None and db.actor.role is role
    empty = tmp_path / "elsewhere" / "empty.sqlite3"
    empty.parent.mkdir()
    empty.touch()  # an empty file without users: made into the demo database
    assert ensure_demo_database(empty) == empty
    with Database.open(empty, key=unlock(empty, "sara", DEMO_PASSWORD)) as raw:
        assert len(door(raw).cases.case_rows(TODAY)) == 40


def test_demo_users_see_by_need(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sst_desk.demo.accounts import DEMO_PASSWORD
    from sst_desk.security.signin import sign_in

    path = ensure_demo_database(tmp_path / "demo.sqlite3")
    seen = {}
    for username in ("sara", "karin", "tove", "adam"):
        with sign_in(path, username, DEMO_PASSWORD) as db:
            seen[username] = {row.case_id: row.protected_identity for row in door(db).cases.case_rows(TODAY)}
    assert seen["adam"] == {}  # the administrator reads no case content
    assert set(seen["sara"]) != set(seen["karin"])  # each worker sees their own cases
    assert not any(seen["tove"].values())  # the team lead does not see protected students she is not on
    assert any(seen["sara"].values())  # Sara is responsible for the protected student
    assert set(seen["sara"]) | set(seen["karin"]) < set(seen["tove"]) | set(
        k for k, v in seen["sara"].items() if v)  # some cases are neither worker's