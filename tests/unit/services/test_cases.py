"""The case use cases against a fake unit of work: who may do what, what is logged, and the case rules."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from sst_desk.persistence.errors import AccessDeniedError, CaseNotFound, ConcurrentEditError
from sst_desk.services import Door
from sst_desk.workflow.access import Action, Actor, Resource, Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.problems import ProcessError
from sst_desk.workflow.process import Move
from sst_desk.workflow.rules_case import CaseRule, CaseRuleError, Member, members_finding, override_finding

from fake_uow import FakeStore

sys.path.insert(0, str(Path(__file__).parents[1]))  # the fictional cases of the workflow tests
from builders import TODAY, make_case, make_case_at  # noqa: E402

SARA = Actor(1, "sara", "Sara Socionom", Role.SKOLSOCIONOM)
KARIN = Actor(2, "karin", "Karin Kurator", Role.KURATOR)
TOVE = Actor(3, "tove", "Tove Teamledare", Role.TEAMLEDARE)
ADAM = Actor(4, "adam", "Adam Admin", Role.ADMINISTRATOR)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for who in (SARA, KARIN, TOVE, ADAM):
        store.users[who.user_id] = Member(who.user_id, who.username, who.display_name, who.role, True)
    return store


def door(store: FakeStore, who: Actor) -> Door:
    return Door(store.uow, who)


def test_the_creator_becomes_responsible_and_the_creation_is_logged(store):
    case = door(store, SARA).cases.add_case(make_case())
    assert case.id == 1 and case.student.id == 1
    assert door(store, SARA).cases.case_member_ids(case.id) == [SARA.user_id]
    assert store.actions() == [("create", "")]  # loading the new case back is not a second, logged view


def test_loading_is_logged_as_a_view_and_refused_to_someone_else(store):
    case = door(store, SARA).cases.add_case(make_case())
    assert door(store, SARA).cases.load_case(case.id).student.full_name == case.student.full_name
    assert store.actions()[-1] == ("view", "")
    with pytest.raises(AccessDeniedError):
        door(store, KARIN).cases.load_case(case.id)  # not her case
    assert store.actions()[-1] == ("denied", "case:view")
    with pytest.raises(CaseNotFound):
        door(store, SARA).cases.load_case(99)


def test_a_save_writes_the_edit_and_a_copy_saved_over_meanwhile_is_refused(store):
    case = door(store, SARA).cases.add_case(make_case())
    mine, theirs = door(store, SARA).cases.load_case(case.id), door(store, SARA).cases.load_case(case.id)
    mine.student.school = "Ekbackeskolan"
    saved = door(store, SARA).cases.save_case(mine)
    assert saved.revision == mine.revision + 1 and store.actions()[-1] == ("edit", "aktualisering")
    theirs.student.school = "Björkdalsskolan"
    with pytest.raises(ConcurrentEditError):
        door(store, SARA).cases.save_case(theirs)
    assert door(store, SARA).cases.load_case(case.id).student.school == "Ekbackeskolan"
    with pytest.raises(ValueError):
        door(store, SARA).cases.save_case(make_case())  # a new case is added, not saved


def test_the_case_list_follows_the_role(store):
    mine = door(store, SARA).cases.add_case(make_case())
    door(store, KARIN).cases.add_case(make_case())
    assert [r.case_id for r in door(store, SARA).cases.case_rows(TODAY)] == [mine.id]
    assert len(door(store, TOVE).cases.case_rows(TODAY)) == 2  # the team lead sees the team's cases
    assert door(store, ADAM).cases.case_rows(TODAY) == []  # an administrator reads no cases
    assert ("list", "1") in store.actions() and ("list", "2") in store.actions()


def test_open_case_brings_the_members_and_what_the_person_may_do(store):
    case = door(store, SARA).cases.add_case(make_case())
    opened = door(store, SARA).cases.open_case(case.id)
    assert [m.name for m in opened.members] == ["Sara Socionom"]
    assert opened.may(Action.PRINT) and opened.may(Action.OVERRIDE, Resource.CONSENT)
    assert not opened.may(Action.ASSIGN)  # only a team lead chooses who is responsible
    lead = door(store, TOVE).cases.open_case(case.id)
    assert lead.may(Action.ASSIGN)


def test_a_case_keeps_someone_responsible(store):
    case = door(store, TOVE).cases.add_case(make_case())
    with pytest.raises(CaseRuleError) as refused:
        door(store, TOVE).cases.set_case_members(case.id, [])
    assert refused.value.reason is CaseRule.NOBODY_RESPONSIBLE
    assert door(store, TOVE).cases.case_member_ids(case.id) == [TOVE.user_id]
    door(store, TOVE).cases.set_case_members(case.id, [KARIN.user_id, SARA.user_id, KARIN.user_id])
    assert door(store, TOVE).cases.case_member_ids(case.id) == [SARA.user_id, KARIN.user_id]
    assert store.actions()[-1] == ("assign", "1,2")
    with pytest.raises(AccessDeniedError):
        door(store, SARA).cases.set_case_members(case.id, [SARA.user_id])  # a worker does not assign


def test_assignment_choices_offer_the_workers_and_everyone_responsible(store):
    store.users[5] = Member(5, "eva", "Eva Ex", Role.KURATOR, False)
    case = door(store, TOVE).cases.add_case(make_case())
    door(store, TOVE).cases.set_case_members(case.id, [TOVE.user_id, 5])
    candidates, current = door(store, TOVE).cases.assignment_choices(case.id)
    assert [m.username for m in candidates] == ["eva", "karin", "sara", "tove"]  # no administrator
    assert current == {TOVE.user_id, 5}


def test_an_override_needs_a_legal_ground_and_the_permission(store):
    case = door(store, SARA).cases.add_case(make_case())
    with pytest.raises(CaseRuleError) as refused:
        door(store, SARA).cases.record_consent_override(case.id, "share_plan", "   ")
    assert refused.value.reason is CaseRule.NO_LEGAL_GROUND and store.state.overrides == []
    door(store, SARA).cases.record_consent_override(case.id, "share_plan", " 14 kap. 1 § SoL ", " akut ")
    (override,) = store.state.overrides
    assert (override["legal_ground"], override["note"], override["by"]) == ("14 kap. 1 § SoL", "akut",
                                                                            "Sara Socionom")
    assert store.actions()[-1] == ("consent_override", "share_plan: 14 kap. 1 § SoL")
    door(store, TOVE).cases.set_case_members(case.id, [SARA.user_id, KARIN.user_id])
    with pytest.raises(AccessDeniedError):
        door(store, KARIN).cases.record_consent_override(case.id, "share_plan", "14 kap. 1 § SoL")


def test_the_duplicate_count_looks_at_the_whole_register_but_only_for_those_who_create(store):
    case = make_case()
    door(store, KARIN).cases.add_case(case)
    pid = case.student.personal_id
    assert door(store, SARA).cases.student_case_count(pid) == 1  # not her case, but counted
    assert door(store, SARA).cases.student_case_count("") == 0
    with pytest.raises(AccessDeniedError):
        door(store, ADAM).cases.student_case_count(pid)


def test_a_print_or_export_is_checked_and_logged_before_it_is_written(store):
    case = door(store, SARA).cases.add_case(make_case())
    door(store, SARA).cases.record_case_action(case.id, Action.PRINT, "handlingsplan v1")
    assert store.actions()[-1] == ("print", "handlingsplan v1")
    with pytest.raises(AccessDeniedError):
        door(store, KARIN).cases.record_case_action(case.id, Action.EXPORT, "registerutdrag")
    assert door(store, SARA).cases.may(Action.EDIT, case.id) and not door(store, KARIN).cases.may(Action.EDIT, case.id)


def test_moving_a_case_takes_the_step_only_when_the_guards_allow_it(store):
    case = door(store, SARA).cases.add_case(make_case_at(Stage.AKTUALISERING))
    at = dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC)
    with pytest.raises(ProcessError):
        door(store, SARA).cases.move_case(case.id, Move.ENROL, at=at)  # the criteria are not decided yet
    case.criteria_met = True
    door(store, SARA).cases.save_case(case)
    moved = door(store, SARA).cases.move_case(case.id, Move.ENROL, at=at, comment="Kriterierna uppfyllda")
    assert moved.stage is Stage.INSKRIVNING and moved.transitions[-1].by == "Sara Socionom"
    with pytest.raises(ProcessError):
        door(store, SARA).cases.move_case(case.id, Move.START_KARTLAGGNING, at=at)  # no consent yet
    assert door(store, SARA).cases.load_case(case.id).stage is Stage.INSKRIVNING  # nothing written


def test_the_rules_are_pure_findings():
    assert members_finding([]) is CaseRule.NOBODY_RESPONSIBLE and members_finding({3}) is None
    assert override_finding(" ") is CaseRule.NO_LEGAL_GROUND and override_finding("OSL 10:2") is None


def test_only_listed_use_cases_open_through_the_door(store):
    with pytest.raises(AttributeError):
        door(store, SARA).cases.not_found  # a helper, not a use case  # noqa: B018


def test_a_save_with_its_base_is_merged_and_logged_once(store):
    from sst_desk.workflow.merge import clone

    case = door(store, SARA).cases.add_case(make_case())
    base = door(store, SARA).cases.load_case(case.id)
    mine = clone(base)
    theirs = door(store, SARA).cases.load_case(case.id)
    theirs.student.school = "Björkdalsskolan"
    door(store, SARA).cases.save_case(theirs)
    mine.reason = "Skrivet i ett annat fönster"
    before = len(store.actions())
    saved = door(store, SARA).cases.save_case(mine, base=base)
    assert (saved.student.school, saved.reason) == ("Björkdalsskolan", "Skrivet i ett annat fönster")
    assert store.actions()[before:] == [("edit", "aktualisering")]


def test_the_same_field_raises_save_conflict_and_the_choice_is_written(store):
    from sst_desk.persistence.errors import SaveConflict
    from sst_desk.workflow.merge import Side, clone

    case = door(store, SARA).cases.add_case(make_case())
    base = door(store, SARA).cases.load_case(case.id)
    mine = clone(base)
    theirs = door(store, SARA).cases.load_case(case.id)
    theirs.reason = "Deras"
    door(store, SARA).cases.save_case(theirs)
    mine.reason = "Min"
    before = len(store.actions())
    with pytest.raises(SaveConflict) as info:
        door(store, SARA).cases.save_case(mine, base=base)
    [conflict] = info.value.conflicts
    assert (conflict.path, conflict.mine, conflict.theirs) == ("reason", "Min", "Deras")
    assert info.value.current.reason == "Deras" and store.actions()[before:] == []  # nothing written or logged
    saved = door(store, SARA).cases.save_case(mine, base=base, resolutions={"reason": Side.MINE})
    assert saved.reason == "Min"

