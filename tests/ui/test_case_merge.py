"""Two people on one case: the open window takes in a colleague's save, and a save merges instead of refusing.

Tess Testare has the case open; Anna Andersson (kurator, responsible for the case too) saves through her
own door — her own connection to the same database. ``CaseWindow.take_in`` is what the server's push
will call; here it is called directly with the freshly loaded case.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton

from sst_desk.persistence import Database
from sst_desk.security import signin
from sst_desk.services import Door
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import ContactKind, Stage
from sst_desk.workflow.entities import ContactEntry

from conftest import UI_PASSWORD
from person import answer_dialog, click, fill, find, open_window

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))  # the fictional cases of the workflow tests
from builders import make_case_at  # noqa: E402
from doors import door  # noqa: E402

ANNA = "Anna Andersson"
SHOTS = Path(tempfile.gettempdir()) / "sst-desk-screenshots"  # to look at: the dialog as the person sees it


@pytest.fixture
def anna(context, tmp_path):
    """Anna's own door: a second connection to the database, signed in as her."""
    db = context.db
    tess = db.actor
    db.actor = None  # the administrator's work, done here directly
    record = signin.add_account(db, "anna", ANNA, Role.KURATOR, UI_PASSWORD)
    db.actor = tess
    own = Database.open(db.path, key=db.key)
    signin.authenticate(own, "anna", UI_PASSWORD)
    yield own, record.id
    own.close()


@pytest.fixture
def case_id(context, anna) -> int:
    db = context.db
    case_id = door(db).cases.add_case(make_case_at(Stage.GENOMFORANDE, tzinfo=dt.timezone.utc)).id
    door(db).cases.set_case_members(case_id, [db.actor.user_id, anna[1]]) if db.actor.role is Role.TEAMLEDARE \
        else _members_as_admin(db, case_id, anna[1])
    return case_id


def _members_as_admin(db, case_id: int, other: int) -> None:
    tess = db.actor
    db.actor = None
    door(db).cases.set_case_members(case_id, [tess.user_id, other])
    db.actor = tess


def save(window) -> None:
    """Save the way Ctrl+S does and wait until it is done — conflict dialog and second save included.

    (``settle`` may stop between the first save's answer and the second save it starts.) A wait for a
    condition, as ``settle``: the event loop runs, the dialog is answered inside it.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from sst_desk.ui.common.operations import operations_running

    def busy() -> bool:
        return window.saving or operations_running()

    window.save_action.trigger()
    end = time.monotonic() + 60
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if not busy() or time.monotonic() > end else None)
    poll.start(20)
    while busy() and time.monotonic() < end:
        loop.exec()  # a nested loop (the dialog) may end this one early: go on while the save runs
    poll.stop()
    assert not busy(), "the save did not come back"


def annas_save(anna, case_id: int, edit) -> None:
    own, _ = anna
    their = Door(own.uow, None)
    case = their.cases.load_case(case_id)
    edit(case)
    their.cases.save_case(case, today=dt.date(2026, 11, 22))


def newer(anna, case_id: int):
    return Door(anna[0].uow, None).cases.load_case(case_id)


def test_take_in_updates_untouched_fields_keeps_mine_and_says_who_changed_what(main_window, context, anna, case_id):
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(0)
    fill(window, "Contact at school", "Mentor Tess")
    typing = find(window, "Contact at school", QLineEdit)
    window.activateWindow()
    typing.setFocus()
    typing.setCursorPosition(3)

    def edit(case) -> None:
        case.reason = "Anna skrev en ny anledning."
        case.current_plan.goals[0].description = "Närvaro över 85 %"
        case.contacts.append(ContactEntry(dt.date(2026, 11, 20), ContactKind.TELEFON, "VH", "Anna ringde hem."))

    annas_save(anna, case_id, edit)
    assert typing.hasFocus()
    result = window.take_in(newer(anna, case_id), ANNA)
    assert result is not None and not result.conflicts
    assert find(window, "Reason").toPlainText() == "Anna skrev en ny anledning."
    assert typing.text() == "Mentor Tess" and typing.cursorPosition() == 3  # her edit and her cursor stay
    assert typing.hasFocus()  # the focus stays where she types
    banner = find(window, "Changes by others", QLabel)
    assert banner.isVisibleTo(window)
    text = banner.text()
    assert text.startswith(f"{ANNA} changed ")
    assert "Reason" in text and "Goal 1: Description" in text and "Contacts (new row)" in text
    assert window.isWindowModified()
    assert window.case.current_plan.goals[0].description == "Närvaro över 85 %"

    save(window)
    stored = door(context.db).cases.load_case(case_id)
    assert stored.school_contact == "Mentor Tess"
    assert stored.reason == "Anna skrev en ny anledning."
    assert [c.summary for c in stored.contacts][-1] == "Anna ringde hem."
    assert not window.isWindowModified()
    click(window, "Close note")
    assert not find(window, "Changes by others", visible=False).isVisibleTo(window)


def test_take_in_of_nothing_new_leaves_an_untouched_window_unmodified(main_window, context, anna, case_id):
    window = open_window(main_window, case_id)
    annas_save(anna, case_id, lambda case: setattr(case, "socionom", "Socionom Anna"))
    window.take_in(newer(anna, case_id), ANNA)
    assert not window.isWindowModified()
    assert find(window, "School social worker").text() == "Socionom Anna"
    assert window.take_in(newer(anna, case_id), ANNA) is None  # the same copy again: nothing to do


def _choose(values: dict[str, bool], shot: str | None = None, *, cancel: bool = False):
    """Answer the conflict dialog: check the radio buttons named in ``values``, then save (or cancel)."""
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["radios"] = sorted(b.accessibleName() for b in dialog.findChildren(QRadioButton))
        seen["texts"] = [label.text() for label in dialog.findChildren(QLabel)]
        if shot is not None:
            dialog.resize(760, 560)
            SHOTS.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(SHOTS / shot))
        for name in values:
            find(dialog, name, QRadioButton).setChecked(True)
        click(dialog, "Cancel" if cancel else "Save with my choices", wait=False)

    return seen, answer_dialog(handler)


LONG = ("Eleven har under hösten haft en frånvaro som ökat vecka för vecka, framför allt på måndagar och efter "
        "lov. Vid samtal berättar eleven om oro inför idrotten och om att rasterna är svåra. Mentor har sett att "
        "eleven ofta sitter ensam i matsalen. Vårdnadshavarna beskriver att morgnarna är en kamp och att eleven "
        "klagar på ont i magen. Skolan har gjort en frånvaroutredning och anpassat schemat sedan oktober.")


def test_the_same_field_shows_both_values_and_the_choice_is_saved(main_window, context, anna, case_id):
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(0)
    fill(window, "Reason", LONG)
    fill(window, "Contact at school", "Mentor Tess")

    def edit(case) -> None:
        case.reason = "Annas version av anledningen."
        case.socionom = "Socionom Anna"

    annas_save(anna, case_id, edit)
    seen, errors = _choose({"Saved by someone else: Reason": True}, "conflict_dialog.png")
    save(window)
    assert not errors, errors
    assert seen["radios"] == ["Saved by someone else: Reason", "Your value: Reason"]
    assert LONG in seen["texts"] and "Annas version av anledningen." in seen["texts"]  # whole, not clipped
    stored = door(context.db).cases.load_case(case_id)
    assert stored.reason == "Annas version av anledningen."
    assert (stored.socionom, stored.school_contact) == ("Socionom Anna", "Mentor Tess")
    assert not window.isWindowModified()
    assert find(window, "Reason").toPlainText() == "Annas version av anledningen."


def test_cancel_keeps_everything_typed_and_saves_nothing(main_window, context, anna, case_id):
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(0)
    fill(window, "Reason", "Tess anledning")
    annas_save(anna, case_id, lambda case: setattr(case, "reason", "Annas anledning"))
    _seen, errors = _choose({}, cancel=True)
    save(window)
    assert not errors, errors
    assert find(window, "Reason").toPlainText() == "Tess anledning"
    assert window.isWindowModified()
    assert door(context.db).cases.load_case(case_id).reason == "Annas anledning"


def test_a_field_both_changed_stays_hers_on_screen_and_the_save_asks(main_window, context, anna, case_id):
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(0)
    fill(window, "Reason", "Tess anledning")
    annas_save(anna, case_id, lambda case: (setattr(case, "reason", "Annas anledning"),
                                            setattr(case, "decision_ref", "Dnr 2026-17")))
    result = window.take_in(newer(anna, case_id), ANNA)
    assert [c.path for c in result.conflicts] == ["reason"]
    assert find(window, "Reason").toPlainText() == "Tess anledning"
    assert find(window, "Decision reference").text() == "Dnr 2026-17"
    text = find(window, "Changes by others", QLabel).text()
    assert "You changed the same: Reason" in text

    seen, errors = _choose({"Your value: Reason": True})
    save(window)
    assert not errors, errors
    assert f"Saved by {ANNA}: Reason" in seen["radios"]
    stored = door(context.db).cases.load_case(case_id)
    assert (stored.reason, stored.decision_ref) == ("Tess anledning", "Dnr 2026-17")


def test_yet_another_save_while_choosing_asks_again_and_keeps_the_first_choice(main_window, context, anna, case_id):
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(0)
    fill(window, "Reason", "Tess anledning")
    fill(window, "Decision reference", "Tess dnr")
    annas_save(anna, case_id, lambda case: setattr(case, "reason", "Annas anledning"))
    asked: list[list[str]] = []

    def second(dialog) -> None:
        asked.append(sorted(b.accessibleName() for b in dialog.findChildren(QRadioButton)))
        find(dialog, "Your value: Decision reference", QRadioButton).setChecked(True)
        click(dialog, "Save with my choices", wait=False)

    later: list[list] = []

    def first(dialog) -> None:
        asked.append(sorted(b.accessibleName() for b in dialog.findChildren(QRadioButton)))
        find(dialog, "Saved by someone else: Reason", QRadioButton).setChecked(True)
        # Anna saves once more before Tess presses the button: the next try meets a new conflict
        annas_save(anna, case_id, lambda case: setattr(case, "decision_ref", "Annas dnr"))
        later.append(answer_dialog(second))
        click(dialog, "Save with my choices", wait=False)

    errors = answer_dialog(first)
    save(window)
    assert not errors and not any(later), (errors, later)
    assert asked == [["Saved by someone else: Reason", "Your value: Reason"],
                     ["Saved by someone else: Decision reference", "Your value: Decision reference"]]
    stored = door(context.db).cases.load_case(case_id)
    assert (stored.reason, stored.decision_ref) == ("Annas anledning", "Tess dnr")
