"""merge3: every kind of change one side or both make to a stored case (workflow/merge.py)."""

from __future__ import annotations

import datetime as dt

from sst_desk.workflow.codes import ClosingReason, ContactKind, Factor, Party, SchoolMeasure, Stage
from sst_desk.workflow.entities import ContactEntry, Goal, Insats
from sst_desk.workflow.merge import ChangeKind, Side, apply_path, clone, differs, merge3
from sst_desk.workflow.process import Move, apply

from tests.unit.builders import FIRST_FOLLOW_UP_ON, at, record_follow_up
from tests.unit.merge_cases import stored_case


def three():
    store = stored_case()
    return store, store.load(), store.load(), store.load()


def test_clone_is_equal_and_separate():
    store, base, _mine, _theirs = three()
    copy = clone(base)
    assert not differs(base, copy)
    plan = copy.current_plan
    assert plan.insatser[0].goal is plan.goals[0]  # references stay inside the copy
    assert plan.goals[0] is not base.current_plan.goals[0]
    copy.current_plan.goals[0].description = "Ändrad"
    assert differs(base, copy)


def test_nothing_changed_gives_theirs():
    store, base, mine, theirs = three()
    result = merge3(base, mine, theirs)
    assert result.clean and not result.theirs_changed
    assert not differs(result.case, theirs)
    assert result.case is not theirs


def test_different_fields_both_kept():
    store, base, mine, theirs = three()
    mine.reason = "Oro för skolgången"
    theirs.socionom = "Socionom Annan"
    theirs.revision = 2
    result = merge3(base, mine, theirs)
    assert result.clean
    assert result.case.reason == "Oro för skolgången"
    assert result.case.socionom == "Socionom Annan"
    assert result.case.revision == 2
    assert result.changed_paths == {"socionom"}


def test_same_field_same_value_is_no_conflict():
    store, base, mine, theirs = three()
    mine.reason = theirs.reason = "Samma text"
    result = merge3(base, mine, theirs)
    assert result.clean and result.case.reason == "Samma text"


def test_same_field_different_values_is_a_conflict_named_for_a_person():
    store, base, mine, theirs = three()
    goal_id = base.current_plan.goals[1].id
    plan_id = base.current_plan.id
    mine.current_plan.goals[1].description = "Trivs på rasterna och i matsalen"
    theirs.current_plan.goals[1].description = "Trivs med kamrater"
    result = merge3(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.path == f"plans[id={plan_id}].goals[id={goal_id}].description"
    assert (conflict.base, conflict.mine, conflict.theirs) == (
        "Trivs på rasterna", "Trivs på rasterna och i matsalen", "Trivs med kamrater")
    assert (conflict.kind, conflict.number, conflict.field) == ("Goal", 2, "description")
    assert conflict.label == "Trivs med kamrater"
    assert result.case.current_plan.goals[1].description == "Trivs på rasterna och i matsalen"  # unsettled: mine
    settled = merge3(base, mine, theirs, {conflict.path: Side.THEIRS})
    assert settled.clean and settled.case.current_plan.goals[1].description == "Trivs med kamrater"
    settled = merge3(base, mine, theirs, {conflict.path: Side.MINE})
    assert settled.clean and settled.case.current_plan.goals[1].description == "Trivs på rasterna och i matsalen"
    assert apply_path(settled.case, conflict.path) == "Trivs på rasterna och i matsalen"


def test_student_and_guardian_fields():
    store, base, mine, theirs = three()
    mine.student.guardians[0].phone = "070-000 00 01"
    theirs.student.guardians[0].email = "vh1@example.invalid"
    theirs.student.school = "Annanskolan"
    result = merge3(base, mine, theirs)
    assert result.clean
    guardian = result.case.student.guardians[0]
    assert (guardian.phone, guardian.email) == ("070-000 00 01", "vh1@example.invalid")
    assert result.case.student.school == "Annanskolan"


def test_new_rows_of_both_sides_are_kept_theirs_first():
    store, base, mine, theirs = three()
    mine.contacts.append(ContactEntry(on=dt.date(2026, 11, 2), kind=ContactKind.MOTE, participants="Elev",
                                      summary="Mitt möte"))
    theirs.contacts.append(ContactEntry(on=dt.date(2026, 11, 3), kind=ContactKind.TELEFON, participants="VH",
                                        summary="Deras samtal", id=900))
    result = merge3(base, mine, theirs)
    assert result.clean
    assert [c.summary for c in result.case.contacts][-2:] == ["Deras samtal", "Mitt möte"]
    assert result.case.contacts[-1].id is None
    [added] = [c for c in result.theirs_changed if c.what is ChangeKind.ADDED]
    assert (added.collection, added.path) == ("contacts", "contacts[id=900]")


def test_row_removed_in_mine_is_removed():
    store, base, mine, theirs = three()
    removed = mine.contacts.pop(0)
    theirs.contacts[1].summary = "Ändrat av någon annan"
    result = merge3(base, mine, theirs)
    assert result.clean
    assert removed.id not in {c.id for c in result.case.contacts}
    assert result.case.contacts[0].summary == "Ändrat av någon annan"


def test_row_removed_in_mine_but_changed_in_theirs_is_a_conflict():
    store, base, mine, theirs = three()
    contact_id = mine.contacts.pop(0).id
    theirs.contacts[0].summary = "Viktigt tillägg"
    result = merge3(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.path == f"contacts[id={contact_id}]" and conflict.field is None
    assert conflict.mine is None and conflict.theirs.summary == "Viktigt tillägg"
    assert contact_id not in {c.id for c in result.case.contacts}
    kept = merge3(base, mine, theirs, {conflict.path: Side.THEIRS})
    assert [c.summary for c in kept.case.contacts if c.id == contact_id] == ["Viktigt tillägg"]


def test_row_removed_in_theirs_and_changed_in_mine_is_a_conflict():
    store, base, mine, theirs = three()
    contact_id = theirs.contacts.pop(1).id
    mine.contacts[1].summary = "Min ändring"
    result = merge3(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.path == f"contacts[id={contact_id}]"
    assert conflict.theirs is None and conflict.mine.summary == "Min ändring"
    gone = merge3(base, mine, theirs, {conflict.path: Side.THEIRS})
    assert contact_id not in {c.id for c in gone.case.contacts}
    back = merge3(base, mine, theirs, {conflict.path: Side.MINE})
    assert [c.summary for c in back.case.contacts if c.id == contact_id] == ["Min ändring"]


def test_row_removed_in_theirs_and_untouched_in_mine_stays_removed():
    store, base, mine, theirs = three()
    contact_id = theirs.contacts.pop(1).id
    result = merge3(base, mine, theirs)
    assert result.clean and contact_id not in {c.id for c in result.case.contacts}
    [change] = result.theirs_changed
    assert change.what is ChangeKind.REMOVED


def test_sets_take_adds_and_removes_of_both_sides():
    store, base, mine, theirs = three()
    base.school_measures = [SchoolMeasure.FRANVAROUTREDNING, SchoolMeasure.ANPASSNINGAR]
    mine.school_measures = [SchoolMeasure.FRANVAROUTREDNING, SchoolMeasure.SARSKILT_STOD]
    theirs.school_measures = [SchoolMeasure.ANPASSNINGAR]
    base.kartlaggning.factors = mine.kartlaggning.factors = []
    mine.kartlaggning.factors = [Factor.MOBBNING]
    theirs.kartlaggning.factors = [Factor.SOCIALT_KLIMAT]
    mine.consents[0].parties = [*mine.consents[0].parties, Party.ELEVHALSA]
    result = merge3(base, mine, theirs)
    assert result.clean
    assert set(result.case.school_measures) == {SchoolMeasure.SARSKILT_STOD}
    assert set(result.case.kartlaggning.factors) == {Factor.MOBBNING, Factor.SOCIALT_KLIMAT}
    assert Party.ELEVHALSA in result.case.consents[0].parties


def test_references_point_into_the_merged_graph_new_goal_included():
    store, base, mine, theirs = three()
    plan = mine.current_plan
    goal = Goal(description="Ny målsättning")
    plan.goals.append(goal)
    plan.insatser.append(Insats(name="Ny insats", goal=goal))
    plan.insatser[0].goal = goal  # an existing insats now serves the new goal
    theirs.current_plan.goals[0].baseline = "60 %"
    result = merge3(base, mine, theirs)
    assert result.clean
    merged = result.case.current_plan
    new_goal = merged.goals[-1]
    assert new_goal.description == "Ny målsättning" and new_goal.id is None
    assert merged.insatser[-1].goal is new_goal
    assert merged.insatser[0].goal is new_goal
    assert merged.insatser[1].goal is merged.goals[1]
    rating_goals = [r.goal for f in result.case.follow_ups for r in f.ratings]
    assert all(any(g is x for x in merged.goals) for g in rating_goals)
    assert result.case.consents[1].guardian is result.case.student.guardians[0]
    assert merged.goals[0].baseline == "60 %"


def test_reference_changed_on_both_sides_is_a_conflict():
    store, base, mine, theirs = three()
    mine.current_plan.insatser[0].goal = mine.current_plan.goals[1]
    theirs.current_plan.insatser[0].goal = None
    result = merge3(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.field == "goal" and conflict.kind == "Insats"
    assert conflict.mine.description == "Trivs på rasterna" and conflict.theirs is None


def test_order_theirs_with_mine_new_rows_appended_and_mine_reordering_when_theirs_did_not():
    store, base, mine, theirs = three()
    mine.current_plan.goals.reverse()
    result = merge3(base, mine, theirs)
    assert [g.id for g in result.case.current_plan.goals] == [g.id for g in mine.current_plan.goals]
    theirs.current_plan.goals.reverse()
    mine.current_plan.goals.append(Goal(description="Tredje"))
    both = merge3(base, mine, theirs)
    assert [g.description for g in both.case.current_plan.goals][-1] == "Tredje"
    assert [g.id for g in both.case.current_plan.goals][:2] == [g.id for g in theirs.current_plan.goals]


def test_student_view_per_stage_added_on_both_sides():
    store, base, mine, theirs = three()
    mine.set_student_view(Stage.UPPFOLJNING, "Det går bättre.")
    theirs.set_student_view(Stage.PLANERING, "Vill ha stöd på rasterna.")
    result = merge3(base, mine, theirs)
    assert result.clean
    assert result.case.student_view(Stage.UPPFOLJNING) == "Det går bättre."
    assert result.case.student_view(Stage.PLANERING) == "Vill ha stöd på rasterna."
    theirs.set_student_view(Stage.UPPFOLJNING, "Annat.")
    clash = merge3(base, mine, theirs)
    [conflict] = clash.conflicts
    assert conflict.path == "student_views[stage=uppfoljning].text"


def test_kartlaggning_scalars_and_documents():
    store, base, mine, theirs = three()
    mine.kartlaggning.summary = "Min sammanfattning"
    theirs.kartlaggning.family_notes = "Deras anteckning"
    result = merge3(base, mine, theirs)
    assert result.clean
    assert (result.case.kartlaggning.summary, result.case.kartlaggning.family_notes) == (
        "Min sammanfattning", "Deras anteckning")


def test_transitions_only_grow_and_a_stage_changed_differently_is_a_conflict():
    store, base, mine, theirs = three()
    record_follow_up(mine, FIRST_FOLLOW_UP_ON)
    apply(mine, Move.CLOSE, by="mine", at=at(dt.date(2026, 11, 18)), closing_reason=ClosingReason.MAL_UPPNADDA)
    theirs.reason = "Ändrad anledning"
    only_mine = merge3(base, mine, theirs)
    assert only_mine.clean and only_mine.case.stage is Stage.AVSLUTAD
    assert len(only_mine.case.transitions) == len(base.transitions) + 1
    assert only_mine.case.reason == "Ändrad anledning"
    # theirs took the same step (and it was stored): one history, theirs'
    same_step = store.save(mine)
    same = merge3(base, mine, same_step)
    assert same.clean
    assert [t.id for t in same.case.transitions] == [t.id for t in same_step.transitions]
    # theirs took the case elsewhere: a conflict on the stage; settled for theirs, mine's step is not taken
    store = stored_case()
    base, theirs = store.load(), store.load()
    mine = clone(base)
    record_follow_up(mine, FIRST_FOLLOW_UP_ON)
    apply(mine, Move.CLOSE, by="mine", at=at(dt.date(2026, 11, 18)), closing_reason=ClosingReason.MAL_UPPNADDA)
    record_follow_up(theirs, FIRST_FOLLOW_UP_ON)
    theirs.current_plan.follow_up_on = dt.date(2027, 1, 20)
    apply(theirs, Move.CONTINUE, by="theirs", at=at(dt.date(2026, 11, 18)))
    theirs = store.save(theirs)
    clash = merge3(base, mine, theirs)
    assert "stage" in {c.path for c in clash.conflicts}
    settled = merge3(base, mine, theirs, {c.path: Side.THEIRS for c in clash.conflicts})
    assert settled.clean and settled.case.stage is Stage.GENOMFORANDE
    assert [t.id for t in settled.case.transitions] == [t.id for t in theirs.transitions]
    # what her step did is not taken either: no closing, no boosterträff proposed
    assert (settled.case.closed_on, settled.case.closing_reason) == (None, None)
    assert len(settled.case.boosters) == len(theirs.boosters)


def test_her_other_edits_stay_when_her_step_gives_way_to_theirs():
    store = stored_case()
    base, theirs = store.load(), store.load()
    mine = clone(base)
    mine.school_contact = "Mentor Mira"
    record_follow_up(mine, FIRST_FOLLOW_UP_ON)
    apply(mine, Move.CLOSE, by="mine", at=at(dt.date(2026, 11, 18)), closing_reason=ClosingReason.MAL_UPPNADDA)
    record_follow_up(theirs, FIRST_FOLLOW_UP_ON)
    theirs.current_plan.follow_up_on = dt.date(2027, 1, 20)
    apply(theirs, Move.CONTINUE, by="theirs", at=at(dt.date(2026, 11, 18)))
    theirs = store.save(theirs)
    settled = merge3(base, mine, theirs, {"stage": Side.THEIRS})
    assert settled.case.school_contact == "Mentor Mira"
    assert settled.case.stage is Stage.GENOMFORANDE and settled.case.closed_on is None


def test_a_goal_removed_in_mine_that_theirs_rated_is_left_for_the_rules_to_refuse():
    from sst_desk.workflow.editing import save_refused

    store, base, mine, theirs = three()
    record_follow_up(theirs, FIRST_FOLLOW_UP_ON)
    theirs = store.save(theirs)
    mine.current_plan.goals.pop(1)
    result = merge3(base, mine, theirs)
    assert result.clean
    ratings = result.case.follow_ups[-1].ratings
    assert all(r.goal is not None for r in ratings)
    assert save_refused(theirs, result.case, dt.date(2026, 11, 22))
