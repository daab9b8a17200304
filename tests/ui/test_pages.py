"""Regressions on single stage pages."""

from __future__ import annotations

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import Move, apply, open_case

from person import NOW, click, fill, find, open_window, settle
from doors import door


def test_proposing_a_booster_keeps_the_closing_note_being_typed(main_window, context):
    """Regression: "Propose a booster session" reloaded the page and dropped the unsaved closing note."""
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    apply(case, Move.NOT_ELIGIBLE, by="testare", at=NOW)
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    fill(window, "Closing note", "Skolan fortsätter på nivå 1; ny kontakt i vår.")
    click(window, "Propose a booster session")
    assert find(window, "Closing note").toPlainText() == "Skolan fortsätter på nivå 1; ny kontakt i vår."
    assert window.case.booster is not None
    assert window.save()
    settle()
    stored = door(context.db).cases.load_case(window.case.id)
    assert stored.closing_note == "Skolan fortsätter på nivå 1; ny kontakt i vår."
    assert stored.booster.planned_on.month == 2  # three months after 2026-11-22


def _populate(context) -> None:
    """A caseload of 20 demo cases: every stage, a revised plan among them."""
    from sst_desk.demo.generate import populate

    populate(context.db, students=20, seed=2, today=NOW.date())


def test_an_earlier_plan_version_cannot_be_edited(main_window, context):
    """Regression: Enter on a goal of "Version 1 (earlier)" opened it for editing; its form showed v2's date."""
    from person import no_dialog_opens, reload, select_row

    _populate(context)
    reload(main_window)
    case_id = next(r.case_id for r in main_window.model.rows() if len(door(context.db).cases.load_case(r.case_id).plans) > 1)
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    fill(window, "Plan version", "Version 1 (earlier)")
    old = next(p for p in window.case.plans if p.version == 1)
    assert find(window, "Follow-up date").text() == (old.follow_up_on.isoformat() if old.follow_up_on else "")
    select_row(window, "Goals", old.goals[0].description)
    with no_dialog_opens():  # a dialog would open at once, in exec(): no waiting needed to know
        find(window, "Goals").activated.emit(find(window, "Goals").currentIndex())


def test_the_plan_being_carried_out_cannot_be_emptied(main_window, context):
    """Regression: removing every insats in genomförande was saved, and the case fell off the due lists."""
    from person import reload

    _populate(context)
    reload(main_window)
    row = next(r for r in main_window.model.rows() if r.stage is Stage.GENOMFORANDE)
    window = open_window(main_window, row.case_id)
    window.case.current_plan.insatser.clear()
    window.pages[Stage.PLANERING.order].load(window.case)
    assert window.save() is False
    assert "The action plan has no intervention." in window.pages[Stage.PLANERING.order].general_errors.text()
    assert len(door(context.db).cases.load_case(row.case_id).current_plan.insatser) > 0


def test_the_next_step_box_follows_what_is_typed(main_window, context):
    """Regression: the box still said the summary was missing after the worker had typed it."""
    from person import reload

    _populate(context)
    reload(main_window)
    row = next(r for r in main_window.model.rows() if r.stage is Stage.KARTLAGGNING)
    window = open_window(main_window, row.case_id)
    fill(window, "Summary of the assessment", "")
    assert "The assessment has no summary yet." in window.blocker_label.text()
    fill(window, "Summary of the assessment", "Behöver stöd på morgonen.")
    assert "Ready for" in window.blocker_label.text()


def test_a_move_whose_save_fails_shows_the_step_taken(main_window, context, monkeypatch):
    """Regression: after a failed save the window still showed the old stage and older plan version."""
    from person import answer_dialog, fill_dialog, reload

    from sst_desk.persistence import DatabaseUnavailableError

    _populate(context)
    reload(main_window)
    row = next(r for r in main_window.model.rows() if r.stage is Stage.INSKRIVNING)
    window = open_window(main_window, row.case_id)

    def refuse(_uow, _actor, case):
        raise DatabaseUnavailableError("test.sqlite3", "The database is busy.")

    monkeypatch.setattr("sst_desk.services.cases.save_case", refuse)
    monkeypatch.setattr("sst_desk.ui.case.case_window.QMessageBox.critical", lambda *a: None)
    answer_dialog(fill_dialog({}))
    click(window, "Start the assessment")
    settle()  # the save is tried in the background, and fails
    assert window.case.stage is Stage.KARTLAGGNING and window.isWindowModified()
    assert "Kartl" in window.header.text() or "Assessment" in window.header.text()
    assert window.stepper.state(Stage.KARTLAGGNING.order) == "current"


def test_a_protected_students_school_is_hidden_and_not_searchable(main_window, context):
    from person import reload

    case = Case(student=Student("Sam", "Skyddad", "Hemligaskolan", protected_identity=True), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    door(context.db).cases.add_case(case)
    reload(main_window)
    assert main_window.proxy.index(0, 2).data() == "protected"
    fill(main_window, "Search", "Hemliga")
    assert main_window.proxy.rowCount() == 0
    fill(main_window, "Search", "Skyddad")
    assert main_window.proxy.rowCount() == 1


def test_not_a_number_is_not_a_number(main_window, context):
    from person import answer_dialog, shown_errors

    seen: list = []

    def handler(dialog) -> None:
        fill(dialog, "Booster session after closing (months)", "nan")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        dialog.reject()

    answer_dialog(handler)
    main_window.edit_settings()
    assert seen == [["Write a number, for example 12,5."]]


def _enrolled_case_with_a_signed_guardian(main_window, context):
    from sst_desk.workflow.codes import Party, SignerKind
    from sst_desk.workflow.entities import Consent, Guardian

    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=NOW.date())
    guardian = Guardian(name="Eva Testsson")
    case.student.guardians.append(guardian)
    case.consents.append(Consent(signer_kind=SignerKind.VARDNADSHAVARE, signer_name=guardian.name,
                                 given_on=NOW.date(), parties=[Party.SKOLA, Party.SOCIALTJANST], guardian=guardian))
    case.criteria_met = True
    open_case(case, by="testare", at=NOW)
    apply(case, Move.ENROL, by="testare", at=NOW)
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    window.stepper.setCurrentRow(Stage.INSKRIVNING.order)
    return window


def _message_box_text(said: list):
    from PySide6.QtWidgets import QMessageBox

    from person import answer_dialog

    def read(box) -> None:
        assert isinstance(box, QMessageBox), box
        said.append(box.text())
        box.accept()

    return answer_dialog(read, kind=QMessageBox)


def test_a_guardian_who_signed_stays_and_the_page_says_why_in_the_workflows_words(main_window, context):
    """The rule is the workflow's (editing.removal_blocked); the page shows its sentence and changes nothing."""
    from sst_desk.ui.common.messages import message
    from sst_desk.workflow.editing import removal_blocked

    from person import select_row

    window = _enrolled_case_with_a_signed_guardian(main_window, context)
    guardian = window.case.student.guardians[0]
    select_row(window, "Guardians", "Eva Testsson")
    said: list[str] = []
    answer = _message_box_text(said)
    click(window, "Remove guardian")
    assert not answer.withdrawn and answer.answered
    assert said == [message(removal_blocked(window.case, guardian))]
    assert said[0].startswith("Eva Testsson has signed a consent")
    assert window.case.student.guardians == [guardian] and not window.isWindowModified()


def test_a_withdrawn_consent_is_not_withdrawn_twice_and_the_page_says_so(main_window, context):
    """Regression: "Withdraw consent" on a withdrawn consent did nothing, without a word."""
    from person import select_row

    window = _enrolled_case_with_a_signed_guardian(main_window, context)
    consent = window.case.consents[0]
    consent.withdrawn_on = NOW.date()
    window.pages[Stage.INSKRIVNING.order].refresh()
    select_row(window, "Consents", "Eva Testsson")
    said: list[str] = []
    _message_box_text(said)
    click(window, "Withdraw consent")
    assert said == ["The consent from Eva Testsson is already withdrawn; its date of withdrawal stays on record."]
    assert consent.withdrawn_on == NOW.date()
