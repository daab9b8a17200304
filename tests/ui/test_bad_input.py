"""Wrong input gets a specific message next to the field, and nothing is saved half-way."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import open_case

from person import NOW, open_window, settle
from person import answer_dialog, click, fill, find, shown_errors
from doors import door


def _new_case(context) -> int:
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola", grade=6), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    return door(context.db).cases.add_case(case).id


def test_new_case_rejects_a_wrong_personnummer_and_empty_fields(main_window, context):
    seen: dict[str, list[str]] = {}

    def handler(dialog) -> None:
        fill(dialog, "First name", "Kim")
        fill(dialog, "Personal identity number", "20121212-1213")  # wrong check digit
        click(dialog, "Create case")
        seen["wrong digit"] = shown_errors(dialog)
        fill(dialog, "Personal identity number", "12-34")
        click(dialog, "Create case")
        seen["wrong shape"] = shown_errors(dialog)
        dialog.reject()

    errors = answer_dialog(handler)
    main_window.new_action.trigger()
    assert not errors, errors
    assert any("not a valid personal identity" in text for text in seen["wrong digit"])
    assert "This field must be filled in." in seen["wrong digit"]  # last name and school are empty
    assert any("10 or 12 digits" in text for text in seen["wrong shape"])
    assert door(context.db).cases.case_rows(NOW.date()) == []  # nothing was saved


def test_dates_in_the_wrong_order_are_marked_and_not_saved(main_window, context):
    case_id = _new_case(context)
    window = open_window(main_window, case_id)
    fill(window, "Form of support", "After investigation and decision")
    fill(window, "Date of decision", "2026-13-40")
    assert window.save() is False
    assert any("2026-13-40 is not a date" in text for text in shown_errors(window))  # issue 10: says why
    fill(window, "Date of decision", "2020-01-01")
    fill(window, "Date raised", "2027-01-01")  # not yet happened
    assert window.save() is False
    texts = shown_errors(window)
    assert "This date has not happened yet." in texts
    assert any("decision's date and reference" in text for text in texts)  # the reference is missing
    stored = door(context.db).cases.load_case(case_id)
    assert stored.decision_on is None and window.isWindowModified()  # nothing lost, nothing saved


def test_unsaved_changes_are_not_lost_silently(main_window, context):
    case_id = _new_case(context)
    window = open_window(main_window, case_id)
    fill(window, "Reason", "Ny anledning som inte är sparad")
    assert window.isWindowModified()

    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    window.close()
    assert window.isVisible(), "Cancel keeps the window open with the edit"
    assert find(window, "Reason").toPlainText() == "Ny anledning som inte är sparad"

    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Save).click())
    window.close()
    settle()  # saved in the background, then the window closes
    assert case_id not in main_window.case_windows  # closed once saved
    assert door(context.db).cases.load_case(case_id).reason == "Ny anledning som inte är sparad"


def test_a_locked_stage_says_why(main_window, context):
    case_id = _new_case(context)
    window = open_window(main_window, case_id)
    inskrivning = window.stepper.item(Stage.INSKRIVNING.order)
    assert window.stepper.state(Stage.INSKRIVNING.order) == "locked"
    assert "not yet decided that the student meets the criteria" in inskrivning.toolTip()
    later = window.stepper.item(Stage.PLANERING.order)
    assert "Opens after" in later.toolTip()


def test_a_second_case_for_the_same_student_is_questioned(main_window, context):
    from person import reload

    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola", personal_id="20121212-1212"),
                raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    door(context.db).cases.add_case(case)
    reload(main_window)
    asked: list[str] = []

    def handler(dialog) -> None:
        for name, value in {"First name": "Kim", "Last name": "Testsson", "School": "Ekbackens skola",
                            "Personal identity number": "121212-1212"}.items():
            fill(dialog, name, value)
        answer_dialog(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.No).click()))
        click(dialog, "Create case")
        assert dialog.isVisible(), "answering No keeps the dialog open"
        dialog.reject()

    errors = answer_dialog(handler)
    main_window.new_action.trigger()
    assert not errors, errors
    assert asked and "already has a case" in asked[0]
    assert len(door(context.db).cases.case_rows(NOW.date())) == 1


def test_a_consent_that_ends_before_it_was_given_is_refused(main_window, context):
    from person import fill_dialog

    case_id = _new_case(context)
    window = open_window(main_window, case_id)
    fill(window, "Meets the criteria", "Yes")
    answer_dialog(fill_dialog({}))
    click(window, "Enrol the student")
    assert window.case.stage is Stage.INSKRIVNING
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        fill(dialog, "Given on", "2026-11-20")
        fill(dialog, "Valid until", "2026-11-01")
        fill(dialog, "Social services", False)  # only one party left
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        dialog.reject()

    errors = answer_dialog(handler)
    click(window, "Add consent")
    assert not errors, errors
    assert ("The valid-until date (2026-11-01) is before the date the consent was given (2026-11-20); it must be "
            "the same day or later.") in seen[0]  # issue 10: both dates named
    assert ("The consent must let the school (or the student health team) and social services share "
            "information.") in seen[0]
    assert window.case.consents == []  # Cancel after errors leaves nothing behind
