"""What a new user hit in the window (issue 10), one regression test each, driving the real widgets."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import Move, apply, open_case

from person import NOW, answer_dialog, click, fill, find, open_window, reload, settle, shown_errors

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))  # the fictional cases of the workflow tests
from builders import make_case_at  # noqa: E402
from doors import door


@pytest.fixture
def locale():
    """Set Qt's default locale for one test (numbers and month names follow it), and put it back."""
    before = QLocale()

    def use(language: QLocale.Language, country: QLocale.Country) -> None:
        QLocale.setDefault(QLocale(language, country))

    yield use
    QLocale.setDefault(before)


def _window_at(main_window, context, stage: Stage):
    case = make_case_at(stage, tzinfo=dt.timezone.utc)
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    window.stepper.setCurrentRow(stage.order)
    return window


# --- 4. an error shows next to its field, on the page where it was typed --------------------------------


def test_a_bad_date_on_the_booster_page_is_shown_there_not_on_the_avslutad_page(main_window, context):
    """What broke: a wrong date on the Vidmakthållande page made Save jump to the Avslutad page and show
    the error at the top there."""
    window = _window_at(main_window, context, Stage.VIDMAKTHALLANDE)
    booster_page = window.pages[Stage.VIDMAKTHALLANDE.order]
    closed_page = window.pages[Stage.AVSLUTAD.order]
    fill(booster_page, "Outcome", "Took place")
    fill(booster_page, "Held on", "2026-11-01")  # before the case was closed (2026-11-18)
    assert window.save() is False
    assert window.stepper.currentRow() == Stage.VIDMAKTHALLANDE.order, "Save jumped to another page"
    assert booster_page.forms[0][0].error_text("held_on") == (
        "The date it was held (2026-11-01) is before the date the case was closed (2026-11-18); "
        "it must be the same day or later.")
    assert shown_errors(closed_page) == []
    fill(booster_page, "Held on", "2026-11-20")
    fill(booster_page, "Booster session date", "2026-11-02")  # on both pages: the one on screen gets it
    assert window.save() is False
    assert window.stepper.currentRow() == Stage.VIDMAKTHALLANDE.order
    assert "The booster session date (2026-11-02)" in booster_page.forms[0][0].error_text("planned_on")
    assert shown_errors(closed_page) == []
    fill(booster_page, "Booster session date", "2027-02-18")
    assert window.save() is True
    settle()


# --- 5. a second print preview ----------------------------------------------------------------------------


def test_a_second_print_preview_opens_after_the_first_was_closed(main_window, context, qtbot):
    """What broke: "Internal C++ object (PreviewWindow) already deleted" when the second preview opened."""
    window = _window_at(main_window, context, Stage.GENOMFORANDE)
    window.print_action.trigger()
    settle()
    first = window.previews[-1]
    first.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed preview is deleted now
    qtbot.wait(10)
    window.print_action.trigger()
    settle()
    assert len(window.previews) == 1
    second = window.previews[-1]
    assert second is not first and second.isVisible()
    second.close()


# --- 6. the uppföljning dialog: stale messages, the keyboard, the decimal comma --------------------------


def test_follow_up_messages_go_when_fixed_and_ctrl_enter_is_ok(main_window, context, qtbot, locale):
    """What broke: the uppföljning dialog kept old messages after they were fixed; Enter in the conclusion
    added a line and OK could not be reached from the keyboard; "12,5" typed showed as "12.5"."""
    locale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    window = _window_at(main_window, context, Stage.UPPFOLJNING)
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        click(dialog, "OK")  # nothing rated yet
        seen["first"] = shown_errors(dialog)
        fill(dialog, "Närvaro över 80 %", "Achieved")
        seen["after one rating"] = shown_errors(dialog)  # without pressing OK again
        fill(dialog, "Trivs på rasterna", "Partly achieved")
        seen["after both"] = shown_errors(dialog)
        seen["hint"] = dialog.keys_hint.text() if dialog.keys_hint is not None else ""
        fill(dialog, "Absence now (%)", "12,5")
        conclusion = find(dialog, "Conclusion: what changes next")
        conclusion.setFocus()
        qtbot.keyClicks(conclusion, "Fortsatt plan")
        qtbot.keyClick(conclusion, Qt.Key.Key_Return)  # a new line: the conclusion may have paragraphs
        seen["still open"] = dialog.isVisible()
        qtbot.keyClick(conclusion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    errors = answer_dialog(handler)
    click(window, "Record follow-up")
    assert not errors, errors
    assert seen["first"] == ["The goal \u201cNärvaro över 80 %\u201d has not been rated.",
                             "The goal \u201cTrivs på rasterna\u201d has not been rated."]
    assert seen["after one rating"] == ["The goal \u201cTrivs på rasterna\u201d has not been rated."]
    assert seen["after both"] == []
    assert seen["hint"] == "Enter starts a new line in a text box; Ctrl+Enter saves (OK)."
    assert seen["still open"] is True
    follow_up = window.case.follow_ups[-1]
    assert follow_up.absence_percent == 12.5 and follow_up.summary == "Fortsatt plan"
    page = window.pages[Stage.UPPFOLJNING.order]
    table = page.follow_ups.model
    column = next(c for c in range(table.columnCount()) if table.headerData(c, Qt.Orientation.Horizontal)
                  == "Absence (%)")
    assert table.index(table.rowCount() - 1, column).data() == "12,5"


def test_the_add_goal_button_stays_put_when_the_first_goal_is_added(main_window, context):
    """What broke: the buttons under the goals moved up when the "no goal yet" hint disappeared."""
    from person import fill_dialog

    window = _window_at(main_window, context, Stage.PLANERING)
    window.resize(1150, 800)
    QApplication.processEvents()
    button = find(window, "Add goal", QPushButton)
    before = button.mapTo(window, button.rect().topLeft()).y()
    errors = answer_dialog(fill_dialog({"Goal": "Närvaro över 80 %"}))
    click(window, "Add goal")
    assert not errors, errors
    QApplication.processEvents()
    assert window.case.current_plan.goals
    assert button.mapTo(window, button.rect().topLeft()).y() == before


@pytest.mark.parametrize(("typed", "said"), [
    ("2027-02-30", "2027-02-30 is not a date (February has 28 days)."),
    ("2028-02-30", "2028-02-30 is not a date (February has 29 days)."),
    ("2026-04-31", "2026-04-31 is not a date (April has 30 days)."),
    ("2026-13-01", "2026-13-01 is not a date: a month is numbered 01 to 12."),
    ("22/11/2026", "Write the date as YYYY-MM-DD, for example 2026-11-22."),
])
def test_an_impossible_date_is_called_what_it_is(main_window, context, locale, typed, said):
    """What broke: "2027-02-30" was answered with "write the date as ÅÅÅÅ-MM-DD", the format it was in."""
    locale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    window = _window_at(main_window, context, Stage.AKTUALISERING)
    fill(window, "Date raised", typed)
    assert window.save() is False
    assert shown_errors(window) == [said]


def test_the_proposed_booster_session_is_moved_off_a_saturday(main_window, context):
    """What broke: the proposed boosterträff fell on a Saturday (2027-02-06, three months after 2026-11-06)."""
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=dt.date(2026, 11, 2))
    open_case(case, by="testare", at=NOW)
    apply(case, Move.NOT_ELIGIBLE, by="testare", at=dt.datetime(2026, 11, 6, 10, tzinfo=dt.timezone.utc))
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    click(window, "Propose a booster session")
    assert find(window, "Booster session date", QLineEdit).text() == "2027-02-08"  # the Monday after


def test_enter_in_the_search_field_opens_the_one_case_found(main_window, context, qtbot):
    """What broke: Enter in the search field did nothing even when one case was left in the list."""
    for first, last in (("Kim", "Testsson"), ("Alva", "Berg")):
        case = Case(student=Student(first, last, "Ekbackens skola"), raised_on=NOW.date())
        open_case(case, by="testare", at=NOW)
        door(context.db).cases.add_case(case)
    reload(main_window)
    search = find(main_window, "Search", QLineEdit)
    search.setFocus()
    qtbot.keyClicks(search, "Berg")
    assert main_window.proxy.rowCount() == 1
    with qtbot.waitSignal(main_window.sig_case_opened, timeout=60_000):  # read in the background
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert [w.case.student.full_name for w in main_window.case_windows.values()] == ["Alva Berg"]


def _shortcut_column(menu) -> dict[str, str]:
    """What each visible entry of ``menu`` shows in its shortcut column (a registered shortcut or text after a tab)."""
    shown = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text, _tab, after = action.text().partition("\t")
        shown[text] = after or action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return shown


def test_every_menu_shows_keys_in_its_shortcut_column(main_window, context):
    """What broke: the File menu showed the word "Inställningar" (and "Avsluta") where a shortcut belongs,
    and Ctrl+P did not show in the Documents menu, where the action plan is."""
    window = _window_at(main_window, context, Stage.GENOMFORANDE)
    menus = {m.menu().title(): _shortcut_column(m.menu()) for w in (main_window, window)
             for m in w.menuBar().actions()}
    assert menus["&File"]["Settings…"] == "Ctrl+,"
    assert menus["&File"]["Quit"] == "Ctrl+Q"
    assert menus["&Case"]["Print action plan…"] == "Ctrl+P"
    documents = menus["&Documents"]
    plan_entry = next(name for name in documents if name.startswith("Handlingsplan"))
    assert documents[plan_entry] == "Ctrl+P"
    for title, entries in menus.items():
        for name, keys in entries.items():
            # a shortcut is keys: a modifier combination, a function key or Return — never a word
            assert keys == "" or "+" in keys or keys in ("Return", "Del") or keys.startswith("F"), (title, name, keys)
    registered = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(registered) == len(set(registered)), "an ambiguous shortcut does nothing"


# --- 7. length limits and elided questions ----------------------------------------------------------------


def test_a_one_line_field_takes_a_sensible_length(main_window, context):
    """What broke: a one-line field took 3,000 characters (the delete question showed them all)."""
    from sst_desk.ui.case.new_case import NewCaseDialog

    dialog = NewCaseDialog(context, main_window)
    for name, limit in (("First name", 100), ("Last name", 100), ("School", 200), ("Name of who raised it", 100)):
        field = find(dialog, name, QLineEdit)
        field.setText("x" * 3000)
        assert len(field.text()) == limit, name
    dialog._typed = False
    dialog.deleteLater()


def test_a_long_goal_is_elided_in_the_remove_question(main_window, context):
    """The question quotes what it removes on one short line, not a wall of text."""
    from person import select_row

    window = _window_at(main_window, context, Stage.PLANERING)
    long_goal = "Eleven ska komma till skolan " + "varje dag och stanna hela dagen " * 6
    from sst_desk.workflow.entities import Goal

    window.case.current_plan.goals.append(Goal(description=long_goal.strip()))
    window.pages[Stage.PLANERING.order].refresh()
    asked: list[str] = []
    select_row(window, "Goals", long_goal.strip())
    errors = answer_dialog(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.No).click()))
    click(window, "Remove goal")
    assert not errors, errors
    assert asked and len(asked[0]) < 120 and "…" in asked[0], asked


# --- 9. the e-mail address --------------------------------------------------------------------------------


def test_an_invalid_email_address_is_refused_next_to_the_field(main_window, context):
    """What broke: "anna.berg at skolan" was saved as a guardian's e-mail address."""
    window = _window_at(main_window, context, Stage.INSKRIVNING)
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        fill(dialog, "Name", "Anna Berg")
        for address in ("anna.berg at skolan", "anna@skolan", "anna berg@skolan.se", "anna@skolan.se"):
            fill(dialog, "Email", address)
            click(dialog, "OK")
            seen.append(shown_errors(dialog))

    errors = answer_dialog(handler)
    click(window, "Add guardian")
    assert not errors, errors
    sentence = "Write the e-mail address as name@domain.se, without spaces."
    assert seen == [[sentence], [sentence], [sentence], []]
    assert window.case.student.guardians[-1].email == "anna@skolan.se"
