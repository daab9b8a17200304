"""Ärende → Ansvariga…: the team lead chooses who is responsible for a case; workers and admins are refused."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QMessageBox

from sst_desk.persistence import AccessDeniedError
from sst_desk.security import signin
from sst_desk.ui.case.members_dialog import edit_members, member_names

from person import answer_dialog, click, fill, shown_errors
from team import context_for, log_actions, make_team, new_case, use_cheap
from doors import door

CIA = "Cia Andersson – School social worker (skolsocionom)"
DAN = "Dan Berg – Team lead (teamledare)"
EVA = "Eva Carlsson – Kurator / specialpedagog"


@pytest.fixture(autouse=True)
def _cheap():
    use_cheap()


@pytest.fixture
def team(qapp, tmp_path):
    """Dan, the team lead, acts; he raised the case, so he is its one member."""
    db, people = make_team(tmp_path)
    db.actor = people["dan"].actor()
    case_id = new_case(db)
    yield context_for(db, tmp_path), people, case_id
    db.close()


def boxes(dialog) -> dict[str, bool]:
    return {box.accessibleName(): box.isChecked() for box in dialog.findChildren(QCheckBox)}


def test_the_lead_makes_a_worker_responsible(team):
    context, people, case_id = team
    seen: list = []

    def handler(dialog) -> None:
        seen.append(boxes(dialog))
        fill(dialog, CIA, True)
        fill(dialog, DAN, False)
        click(dialog, "Save")

    errors = answer_dialog(handler)
    assert edit_members(None, context, case_id) is True
    assert not errors, errors
    assert seen == [{CIA: False, DAN: True, EVA: False}], "an administrator was offered, or the current member not ticked"
    assert door(context.db).cases.case_member_ids(case_id) == [people["cia"].id]
    assert log_actions(context.db)[-1] == ("assign", str(people["cia"].id))
    assert member_names(context.door, case_id) == ["Cia Andersson"]


def test_at_least_one_must_remain(team):
    context, people, case_id = team
    seen: list = []

    def handler(dialog) -> None:
        fill(dialog, DAN, False)
        click(dialog, "Save")
        seen.append(shown_errors(dialog))
        click(dialog, "Cancel")

    errors = answer_dialog(handler)
    assert edit_members(None, context, case_id) is False
    assert not errors, errors
    assert seen == [["At least one person must be responsible for the case."]]
    assert door(context.db).cases.case_member_ids(case_id) == [people["dan"].id]


def test_a_switched_off_member_is_shown_so_nobody_is_dropped_unseen(team):
    context, people, case_id = team
    door(context.db).cases.set_case_members(case_id, [people["dan"].id, people["eva"].id])
    context.db.actor = people["admin"].actor()
    signin.set_active(context.db, people["eva"].id, False)
    context.db.actor = people["dan"].actor()
    seen: list = []

    def handler(dialog) -> None:
        seen.append(boxes(dialog))
        click(dialog, "Save")

    errors = answer_dialog(handler)
    assert edit_members(None, context, case_id) is False, "nothing changed, so nothing was saved"
    assert not errors, errors
    assert seen[0]["Eva Carlsson (switched off) – Kurator / specialpedagog"] is True
    assert member_names(context.door, case_id) == ["Dan Berg", "Eva Carlsson (switched off)"]


@pytest.mark.parametrize("who", ["cia", "admin"])
def test_a_worker_or_an_administrator_is_refused_clearly(team, who):
    context, people, case_id = team
    context.db.actor = people[who].actor()
    seen: list = []

    def press(box) -> None:
        assert isinstance(box, QMessageBox), f"expected a refusal, got {box!r}"
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    errors = answer_dialog(press)
    assert edit_members(None, context, case_id) is False
    assert not errors, errors
    assert seen == ["You do not have permission to do this."]
    assert log_actions(context.db)[-1] == ("denied", "case:assign")
    with pytest.raises(AccessDeniedError):
        member_names(context.door, case_id)  # neither of them may view the case
