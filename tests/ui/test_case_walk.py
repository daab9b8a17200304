"""A worker takes one student from aktualisering to a held boosterträff, by the labels on screen."""

from __future__ import annotations

import datetime as dt


from sst_desk.workflow.codes import PlanStatus, Stage

from person import answer_dialog, click, fill, fill_dialog, save_from_preview, select_row, settle
from doors import door


def _no_errors(errors: list) -> None:
    if errors:
        raise errors[0]


def create_case(main_window, qtbot) -> int:
    errors = answer_dialog(fill_dialog({
        "First name": "Åsa", "Last name": "Öberg", "Personal identity number": "",
        "School": "Björkdalsskolan", "School year": "7", "Gender": "Girl",
        "Reason": "Hög ogiltig frånvaro sedan höstlovet.",
    }, ok="Create case"))
    main_window.new_action.trigger()
    settle()  # the new case opens in the background
    _no_errors(errors)
    assert len(main_window.case_windows) == 1
    return next(iter(main_window.case_windows))


def move(window, name: str, values: dict | None = None) -> None:
    errors = answer_dialog(fill_dialog(values or {}))
    click(window, name)
    _no_errors(errors)


def test_walk_a_case_through_every_stage(main_window, context, qtbot, tmp_path, monkeypatch):
    case_id = create_case(main_window, qtbot)
    window = main_window.case_windows[case_id]
    assert window.case.stage is Stage.AKTUALISERING
    assert window.case.transitions[0].to_stage is Stage.AKTUALISERING

    # Aktualisering: the team decides the criteria are met, then enrols the student.
    fill(window, "Meets the criteria", "Yes")
    fill(window, "Absence (%)", "42,5")
    move(window, "Enrol the student")
    assert window.case.stage is Stage.INSKRIVNING
    assert window.case.absence_percent == 42.5

    # Inskrivning: a guardian, and consent from the student and the guardian.
    errors = answer_dialog(fill_dialog({"Name": "Päivi Öberg", "Relation to the student": "mamma",
                                        "Telephone": "070-000 00 00"}))
    click(window, "Add guardian")
    _no_errors(errors)
    # Blocked without consent: the message names what is missing.
    seen: list[str] = []
    answer_dialog(lambda box: (seen.append(box.text()), box.accept()))
    click(window, "Start the assessment")
    assert "Valid consent is missing from the student" in seen[0]
    assert "Päivi Öberg" in seen[0]
    for signer in ("The student Åsa Öberg", "Päivi Öberg"):
        errors = answer_dialog(fill_dialog({"Signed by": signer, "Valid until": "2027-11-21"}))
        click(window, "Add consent")
        _no_errors(errors)
    move(window, "Start the assessment", {"Comment (optional)": "Samtycke klart på mötet."})
    assert window.case.stage is Stage.KARTLAGGNING

    # Kartläggning: a document, factors, the summary.
    # The checklist lists every kind of document; open one line and record it.
    select_row(window, "Documents", "Registered attendance")
    errors = answer_dialog(fill_dialog({"Requested on": "2026-11-10", "Received on": "2026-11-20"}))
    click(window, "Edit document")
    _no_errors(errors)
    assert [(d.kind.value, d.received_on.isoformat()) for d in window.case.kartlaggning.documents] == [
        ("skolnarvaro", "2026-11-20")]
    fill(window, "Anxiety", True)
    fill(window, "Summary of the assessment", "Ångest kring skolstart; behöver stöd på morgonen.")
    move(window, "Assessment done: plan")
    assert window.case.stage is Stage.PLANERING

    # Planering: a goal, an insats from the catalogue with responsible person, a follow-up date.
    errors = answer_dialog(fill_dialog({"Goal": "Närvaro över 80 %", "Area": "School attendance",
                                        "Baseline": "57 %", "Target": "80 %"}))
    click(window, "Add goal")
    _no_errors(errors)
    catalogue_name = context.catalogue[0].name
    errors = answer_dialog(fill_dialog({"From the catalogue": catalogue_name, "Responsible authority": "School",
                                        "Responsible person": "Kurator Karin", "Serves goal": "Närvaro över 80 %"}))
    click(window, "Add intervention")
    _no_errors(errors)
    fill(window, "Follow-up date", "2026-12-15")
    move(window, "Start the plan")
    assert window.case.stage is Stage.GENOMFORANDE
    assert window.case.current_plan.insatser[0].name == catalogue_name

    # Genomförande: a contact, then follow-up.
    errors = answer_dialog(fill_dialog({"Who took part": "Åsa, mamma, kurator", "What was done": "Morgonstöd startat."}))
    click(window, "Add contact")
    _no_errors(errors)
    move(window, "Start the follow-up")
    assert window.case.stage is Stage.UPPFOLJNING

    # Uppföljning: rate the goal; revise the plan (loop) and come back.
    errors = answer_dialog(fill_dialog({"Närvaro över 80 %": "Partly achieved", "Absence now (%)": "25"}))
    click(window, "Record follow-up")
    _no_errors(errors)
    move(window, "Revise the plan")
    assert window.case.stage is Stage.PLANERING
    assert [p.status for p in sorted(window.case.plans, key=lambda p: p.version)] == [PlanStatus.SUPERSEDED,
                                                                                       PlanStatus.CURRENT]
    fill(window, "Follow-up date", "2027-01-20")
    move(window, "Start the plan")
    move(window, "Start the follow-up")
    errors = answer_dialog(fill_dialog({"Närvaro över 80 %": "Achieved"}))
    click(window, "Record follow-up")
    _no_errors(errors)

    # Avslut with a reason; a boosterträff is proposed three months later.
    move(window, "Close the case", {"Reason for closing": "Goals achieved"})
    assert window.case.stage is Stage.AVSLUTAD
    assert window.case.booster.planned_on == dt.date(2027, 2, 22)
    move(window, "Book the booster session")
    assert window.case.stage is Stage.VIDMAKTHALLANDE
    fill(window, "Outcome", "Took place")
    fill(window, "Held on", "2026-11-22")
    fill(window, "Notes from the booster session", "Går till skolan varje dag.")
    window.save_action.trigger()
    settle()
    assert not window.isWindowModified()
    assert "The case is complete." in window.blocker_label.text()

    # Everything is in the database, with a transition for every step.
    stored = door(context.db).cases.load_case(case_id)
    assert stored.booster.held is True
    assert [t.to_stage for t in stored.transitions][-2:] == [Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE]
    assert len(stored.transitions) == 11
    assert all(t.by == "Tess Testare" for t in stored.transitions)  # the signed-in person

    # The handlingsplan prints.
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr("sst_desk.ui.printing.printing.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.print_action.trigger()  # the preview opens; nothing is on disk until "Save as PDF…"
    settle()
    assert not target.exists() and window.previews[-1].document.pageCount() >= 1
    assert save_from_preview(window) == target and target.read_bytes().startswith(b"%PDF")
