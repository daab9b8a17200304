"""Regressions on single stage pages."""

from __future__ import annotations

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import Move, apply, open_case

from person import NOW, click, fill, find


def test_proposing_a_booster_keeps_the_closing_note_being_typed(main_window, context):
    """Regression: "Propose a booster session" reloaded the page and dropped the unsaved closing note."""
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    apply(case, Move.NOT_ELIGIBLE, by="testare", at=NOW)
    window = main_window.open_case(context.db.add_case(case).id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    fill(window, "Closing note", "Skolan fortsätter på nivå 1; ny kontakt i vår.")
    click(window, "Propose a booster session")
    assert find(window, "Closing note").toPlainText() == "Skolan fortsätter på nivå 1; ny kontakt i vår."
    assert window.case.booster is not None
    assert window.save()
    stored = context.db.load_case(window.case.id)
    assert stored.closing_note == "Skolan fortsätter på nivå 1; ny kontakt i vår."
    assert stored.booster.planned_on.month == 2  # three months after 2026-11-22
