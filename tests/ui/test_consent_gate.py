"""The consent gate: requesting documents and sharing the plan need a valid samtycke, or a stated legal ground.

A kurator (no override permission) gets the explanation and nothing happens; the team's skolsocionom may
state a legal ground, which is stored with the case and logged. Also: the Team menu each role sees.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QMenu, QMessageBox, QTableView

from sst_desk.persistence.mapping import consent_overrides
from sst_desk.security import signin
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

from person import NOW, answer_dialog, click, fill, fill_dialog, find, open_window, save_from_preview, settle, shown_errors
from team import log_actions

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))  # the fictional cases of the workflow tests
from builders import make_case_at  # noqa: E402
from doors import door

SOL = "14 kap. 1 § SoL – anmälan vid oro för att ett barn far illa"
KURATOR_PASSWORD = "första-lösen-2026"
WITHDRAWN_ON = dt.date(2026, 11, 2)


def add_case(db, stage: Stage, *, withdrawn: bool = True) -> int:
    """A case of Tess Testare's in ``stage``; every consent withdrawn unless ``withdrawn`` is False."""
    case = make_case_at(stage, tzinfo=dt.timezone.utc)
    if withdrawn:
        for consent in case.consents:
            consent.withdrawn_on = WITHDRAWN_ON
    return door(db).cases.add_case(case).id


def sign_in_as_kurator(db, case_id: int) -> None:
    """Kim Kurator, responsible for the case with Tess, signs in on the same database."""
    tess = db.actor
    db.actor = None  # raw access: the administrator's work, done here directly
    kim = signin.add_account(db, "kim", "Kim Kurator", Role.KURATOR, KURATOR_PASSWORD)
    door(db).cases.set_case_members(case_id, [tess.user_id, kim.id])
    signin.authenticate(db, "kim", KURATOR_PASSWORD)
    assert db.actor.role is Role.KURATOR


def overrides(db) -> list[tuple]:
    with db.uow() as uow:
        return [(r.case_id, r.by, r.purpose, r.legal_ground, r.note) for r in uow.session.execute(
            sa.select(consent_overrides).order_by(consent_overrides.c.id))]


def answer_in_turn(*handlers) -> list[list]:
    """Answer the dialogs that open one after another; each is scheduled once the one before is answered."""
    reports: list[list] = []

    def step(index: int):
        def run(dialog) -> None:
            handlers[index](dialog)
            if index + 1 < len(handlers):
                reports.append(answer_dialog(step(index + 1)))
        return run

    reports.append(answer_dialog(step(0)))
    return reports


def check(reports: list[list], count: int) -> None:
    assert len(reports) == count and not any(reports), reports


def explanation(seen: dict, press=QMessageBox.StandardButton.Ok):
    """Read the message box and press ``press``."""
    def handler(box) -> None:
        assert isinstance(box, QMessageBox), box
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text().replace("&", "") for b in box.buttons())
        box.button(press).click()
    return handler


def state_a_ground(box) -> None:
    assert isinstance(box, QMessageBox), box
    next(b for b in box.buttons() if b.text() == "State a legal ground…").click()


def documents_page(window):
    window.stepper.setCurrentRow(Stage.KARTLAGGNING.order)
    return window.pages[Stage.KARTLAGGNING.order]


def table_text(window, table: str, column: int) -> list[str]:
    model = find(window, table, QTableView).model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


# --- requesting documents ------------------------------------------------------------------------------------


def test_a_kurator_is_told_why_and_nothing_is_requested(main_window, context):
    db = context.db
    case_id = add_case(db, Stage.KARTLAGGNING)
    sign_in_as_kurator(db, case_id)
    window = open_window(main_window, case_id)
    page = documents_page(window)
    before = list(window.case.kartlaggning.documents)
    for attempt in ("Add other document", "Edit document"):
        seen: dict = {}
        reports = answer_in_turn(explanation(seen))
        if attempt == "Edit document":
            find(window, "Documents", QTableView).selectRow(0)  # a line of the checklist, not yet requested
        click(window, attempt)
        check(reports, 1)
        assert "You cannot request documents from the other authority without a valid consent." in seen["text"]
        assert "Valid consent is missing from the student" in seen["text"]
        assert "Only the team's socialtjänst member or team lead can act on another legal ground." in seen["text"]
        assert seen["buttons"] == ["OK"]  # no way round it
    assert window.case.kartlaggning.documents == before
    assert "Requested" not in table_text(window, "Documents", 1)
    assert not window.isWindowModified()
    assert overrides(db) == []
    assert page.documents.isEnabled()


def test_a_skolsocionom_states_a_legal_ground_and_the_request_is_recorded(main_window, context):
    db = context.db
    case_id = add_case(db, Stage.KARTLAGGNING)
    window = open_window(main_window, case_id)
    documents_page(window)
    seen: dict = {}

    def too_short_then_listed(dialog) -> None:
        fill(dialog, "Legal ground", "Other legal ground (write it)")
        fill(dialog, "Other legal ground", "SoL")
        fill(dialog, "Note", "Oro för hemsituationen, anmälan gjord.")
        click(dialog, "Go on without consent")
        seen["short"] = shown_errors(dialog)
        seen["stored meanwhile"] = overrides(db)
        fill(dialog, "Legal ground", SOL)
        seen["other enabled"] = find(dialog, "Other legal ground").isEnabled()
        click(dialog, "Go on without consent")

    def read_then_state_a_ground(box) -> None:
        seen["buttons"] = sorted(b.text().replace("&", "") for b in box.buttons())
        state_a_ground(box)

    reports = answer_in_turn(read_then_state_a_ground, too_short_then_listed,
                             fill_dialog({"Name, if other": "Utredning från BUP"}))
    click(window, "Add other document")
    check(reports, 3)
    assert seen["buttons"] == ["Cancel", "State a legal ground…"]
    assert seen["short"] == ["Write the legal ground: the law, chapter and section."]
    assert seen["stored meanwhile"] == []
    assert seen["other enabled"] is False
    added = window.case.kartlaggning.documents[-1]
    assert (added.label, added.requested_on) == ("Utredning från BUP", NOW.date())
    assert window.isWindowModified()
    assert overrides(db) == [(case_id, "Tess Testare", "gather_documents", SOL,
                              "Oro för hemsituationen, anmälan gjord.")]
    assert ("consent_override", f"gather_documents: {SOL}") in log_actions(db)  # the note stays out of the log
    assert window.save()
    settle()
    assert "Utredning från BUP" in [d.label for d in door(db).cases.load_case(case_id).kartlaggning.documents]


def test_cancelling_at_the_legal_ground_adds_nothing(main_window, context):
    db = context.db
    case_id = add_case(db, Stage.KARTLAGGNING)
    window = open_window(main_window, case_id)
    documents_page(window)
    reports = answer_in_turn(state_a_ground, lambda dialog: dialog.reject())
    click(window, "Add other document")
    check(reports, 2)
    assert window.case.kartlaggning.documents == [] and not window.isWindowModified()
    assert overrides(db) == []


def withdraw_every_consent(window) -> None:
    """On the inskrivning page: "Withdraw consent" on each line, dated today; not saved."""
    window.stepper.setCurrentRow(Stage.INSKRIVNING.order)
    consents = find(window, "Consents", QTableView)
    for row in range(consents.model().rowCount()):
        consents.selectRow(row)
        reports = answer_in_turn(fill_dialog({"Withdrawn on": NOW.date().isoformat()}))
        click(window, "Withdraw consent")
        check(reports, 1)
    assert all(c.withdrawn_on == NOW.date() for c in window.case.consents)
    assert window.isWindowModified()  # typed, not saved


def assert_blocked(window, attempt: str) -> None:
    seen: dict = {}
    reports = answer_in_turn(explanation(seen, QMessageBox.StandardButton.Cancel))
    find(window, "Documents", QTableView).selectRow(0)
    click(window, attempt)
    check(reports, 1)
    assert "without a valid consent" in seen["text"], attempt


def test_a_withdrawal_typed_in_the_open_case_blocks_at_once(main_window, context):
    db = context.db
    window = open_window(main_window, add_case(db, Stage.KARTLAGGNING, withdrawn=False))
    withdraw_every_consent(window)
    documents_page(window)
    for attempt in ("Add other document", "Edit document"):
        assert_blocked(window, attempt)
    assert window.case.kartlaggning.documents == []
    assert overrides(db) == []


def test_a_checklist_line_opened_and_cancelled_is_not_requested(main_window, context):
    """Regression: cancelling an opened checklist line left it "Requested" (it was not), and opening it again
    skipped the consent check, even after the consents had been withdrawn."""
    db = context.db
    window = open_window(main_window, add_case(db, Stage.KARTLAGGNING, withdrawn=False))
    documents_page(window)
    find(window, "Documents", QTableView).selectRow(0)
    reports = answer_in_turn(lambda dialog: dialog.reject())
    click(window, "Edit document")  # with consent in force the document dialog opens; the worker cancels
    check(reports, 1)
    assert table_text(window, "Documents", 1)[0] == "Not requested"
    assert table_text(window, "Documents", 2)[0] == ""
    withdraw_every_consent(window)
    documents_page(window)
    assert_blocked(window, "Edit document")
    assert window.case.kartlaggning.documents == []


# --- printing the handlingsplan ---------------------------------------------------------------------------


@pytest.fixture
def no_viewer(monkeypatch, tmp_path) -> dict:
    """The save-as dialog answers a file in tmp_path."""
    asked: dict = {"save as": 0}

    def save_as(*_args, **_kwargs):
        asked["save as"] += 1
        return str(tmp_path / "handlingsplan.pdf"), ""

    monkeypatch.setattr("sst_desk.ui.printing.printing.QFileDialog.getSaveFileName", save_as)
    return asked


def test_a_kurator_cannot_print_the_plan_without_consent(main_window, context, no_viewer, tmp_path):
    db = context.db
    case_id = add_case(db, Stage.GENOMFORANDE)
    sign_in_as_kurator(db, case_id)
    window = open_window(main_window, case_id)
    assert window.print_action.isEnabled()
    seen: dict = {}
    reports = answer_in_turn(explanation(seen))
    window.print_action.trigger()
    settle()
    check(reports, 1)
    assert "You cannot share the action plan with the parties without a valid consent." in seen["text"]
    assert no_viewer["save as"] == 0 and not (tmp_path / "handlingsplan.pdf").exists()
    assert "print" not in [action for action, _ in log_actions(db)]
    assert overrides(db) == []


def test_a_skolsocionom_prints_the_plan_on_a_written_legal_ground(main_window, context, no_viewer, tmp_path):
    db = context.db
    case_id = add_case(db, Stage.GENOMFORANDE)
    window = open_window(main_window, case_id)
    ground = "10 kap. 2 § OSL, beslut i teamet"

    def written(dialog) -> None:
        fill(dialog, "Legal ground", "Other legal ground (write it)")
        fill(dialog, "Other legal ground", ground)
        click(dialog, "Go on without consent")

    reports = answer_in_turn(state_a_ground, written)
    window.print_action.trigger()
    settle()
    check(reports, 2)
    save_from_preview(window)
    assert (tmp_path / "handlingsplan.pdf").read_bytes().startswith(b"%PDF")
    assert overrides(db) == [(case_id, "Tess Testare", "share_plan", ground, "")]
    actions = log_actions(db)
    assert ("consent_override", f"share_plan: {ground}") in actions
    assert [a for a, _ in actions].index("consent_override") < [a for a, _ in actions].index("print")


def test_printing_with_consent_in_force_asks_nothing(main_window, context, no_viewer, tmp_path):
    db = context.db
    window = open_window(main_window, add_case(db, Stage.GENOMFORANDE, withdrawn=False))
    window.print_action.trigger()  # a dialog here would hang the run: none opens, only the preview
    settle()
    assert window.previews[-1].isVisible() and no_viewer["save as"] == 0
    assert overrides(db) == []


# --- the Team menu ------------------------------------------------------------------------------------------


def visible_entries(window, menu_title: str) -> list[str]:
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == menu_title)
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


@pytest.mark.parametrize("role, team, backups", [
    (Role.SKOLSOCIONOM, ["Import attendance…", "Statistics…", "My profile…", "Change my password…"], False),
    (Role.KURATOR, ["Import attendance…", "Statistics…", "My profile…", "Change my password…"], False),
    (Role.TEAMLEDARE, ["Access log…", "Gallring…", "Print action plans…", "Import attendance…", "Statistics…",
                       "My profile…", "Change my password…"], True),
    (Role.ADMINISTRATOR, ["Users…", "My profile…", "Change my password…"], True),
])
def test_the_team_menu_shows_each_role_what_it_is_for(qapp, context, role, team, backups):
    from sst_desk.ui.common.labels import label
    from sst_desk.ui.caselist.main_window import MainWindow

    db = context.db
    db.actor = None
    signin.add_account(db, "person", "Pia Person", role, KURATOR_PASSWORD)
    signin.authenticate(db, "person", KURATOR_PASSWORD)
    window = MainWindow(context)
    try:
        assert visible_entries(window, "&Team") == team
        assert ("Backups…" in visible_entries(window, "&File")) is backups
        assert find(window, "Signed in").text() == f"Signed in: Pia Person ({label(role)})"
        assert window.new_action.isEnabled() is (role is not Role.ADMINISTRATOR)
    finally:
        window.close()
        window.deleteLater()


def test_a_request_date_typed_into_a_recorded_line_needs_consent_too(main_window, context):
    """A line recorded without a request (say, a note only) gets a request date later: the gate applies."""
    from sst_desk.workflow.entities import KartlaggningDocument

    db = context.db
    case_id = add_case(db, Stage.KARTLAGGNING)  # every consent withdrawn
    case = door(db).cases.load_case(case_id)
    case.kartlaggning.documents.append(KartlaggningDocument(label="Intyg från BUP", note="Familjen tar med det"))
    door(db).cases.save_case(case)
    sign_in_as_kurator(db, case_id)  # no override
    window = open_window(main_window, case_id)
    documents_page(window)
    names = table_text(window, "Documents", 0)
    find(window, "Documents", QTableView).selectRow(names.index("Intyg från BUP"))
    seen: dict = {}
    reports = answer_in_turn(fill_dialog({"Requested on": NOW.date().isoformat()}), explanation(seen))
    click(window, "Edit document")
    check(reports, 2)
    assert "without a valid consent" in seen["text"]
    recorded = next(d for d in window.case.kartlaggning.documents if d.label == "Intyg från BUP")
    assert recorded.requested_on is None and recorded.note == "Familjen tar med det"
