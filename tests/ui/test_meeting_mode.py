"""Mötesläge: the plan on the projector — large type, nothing the family may not see, keyboard only, and
leaving it returns to the case window exactly as it was."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from sst_desk.workflow.codes import Authority, GoalArea, Stage
from sst_desk.workflow.entities import Case, Goal, Insats

from doors import door
from person import NOW, fill, find, open_window

FLOOR_PX = 28


def big_plan_case(today: dt.date = NOW.date()) -> Case:
    """A demo case with a current plan, grown to 12 goals and 20 insatser (fictional, from the demo data)."""
    from sst_desk.demo import names
    from sst_desk.demo.generate import _catalogue_insatser, build_cases

    case = next(c for c in build_cases(30, seed=4, today=today)
                if c.current_plan is not None and c.student.guardians and c.student.personal_id
                and c.stage in (Stage.PLANERING, Stage.GENOMFORANDE))
    case.student.protected_identity = False
    plan = case.current_plan
    templates = [
        ("Öka skolnärvaron", GoalArea.SKOLNARVARO, "Registrerad frånvaro per månad", "42 % frånvaro", "under 15 %"),
        ("Godkänt betyg i matematik", GoalArea.SKOLRESULTAT, "Betyg och omdömen", "F", "E"),
        ("Trivas på rasterna", GoalArea.TRIVSEL, "Elevens egen skattning 1–10", "3", "7"),
        ("Fungerande morgonrutin", GoalArea.FAMILJ, "Dagar per vecka i tid", "1", "4"),
        ("Sova bättre", GoalArea.HALSA, "Elevens sömndagbok", "kl. 02", "kl. 23"),
        ("En fritidsaktivitet i veckan", GoalArea.FRITID, "Närvaro på aktiviteten", "0", "1"),
    ]
    plan.goals = []
    for n in range(12):
        what, area, measure, baseline, target = templates[n % len(templates)]
        if n >= len(templates):
            what += " – även under vårterminen, med stöd av mentorn och med veckovisa avstämningar hemma"
        plan.goals.append(Goal(what, area, measure, baseline, target, position=n))
    catalogue = _catalogue_insatser()
    authorities = [Authority.SKOLA, Authority.SOCIALTJANST, Authority.VARDNADSHAVARE, Authority.ELEV,
                   Authority.REGION]
    plan.insatser = []
    for n in range(20):
        entry = catalogue[n % len(catalogue)]
        authority = authorities[n % len(authorities)]
        person = {Authority.SKOLA: names.SCHOOL_STAFF[n % len(names.SCHOOL_STAFF)],
                  Authority.SOCIALTJANST: case.socionom or names.SOCIONOMER[0],
                  Authority.VARDNADSHAVARE: case.student.guardians[0].name,
                  Authority.ELEV: case.student.full_name, Authority.REGION: "BUP-behandlare"}[authority]
        start = today - dt.timedelta(days=20 - n)
        plan.insatser.append(Insats(
            name=entry.name, catalogue_key=entry.key, description=entry.description, responsible_authority=authority,
            responsible_person=person, start_on=start, end_on=start + dt.timedelta(days=90) if n % 3 else None,
            goal=plan.goals[n % 12] if n % 7 else None, position=n))
    plan.insatser[5].description += " Se filen Atgardsprogram_vartermin_2026_slutversion_reviderad_efter_motet_med_mentorn.docx"
    plan.follow_up_on = today + dt.timedelta(days=40)
    plan.guardians_view = names.GUARDIAN_VIEWS[0]
    case.set_student_view(Stage.PLANERING, names.STUDENT_VIEWS[0])
    return case


def stored(context, case: Case) -> Case:
    return door(context.db).cases.add_case(case)


def meeting_of(window):
    from sst_desk.ui.case.meeting import MeetingView

    views = [w for w in window.findChildren(MeetingView)]
    assert len(views) == 1, views
    return views[0]


def enter_by_f11(qtbot, window):
    window.activateWindow()  # the offscreen platform does not activate windows by itself
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    view = meeting_of(window)
    qtbot.waitUntil(view.isVisible)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def personal_id_forms(personal_id: str) -> list[str]:
    """The ways a personnummer is written: 20120304-1234, 201203041234, 120304-1234, 1203041234."""
    long = personal_id
    digits = long.replace("-", "")
    return [long, digits, long[2:], digits[2:]]


def clipped(view) -> list[str]:
    """Labels whose text does not fit their box, or that stick out of the window's width."""
    found = []
    width = view.scroll.viewport().width()
    for widget in view.content.findChildren(QLabel):
        if not widget.isVisible():
            continue
        inner = widget.contentsRect()
        need = widget.heightForWidth(widget.width()) if widget.wordWrap() else widget.sizeHint().height()
        left = widget.mapTo(view.content, widget.rect().topLeft()).x()
        if need > widget.height() or left + widget.width() > width or widget.minimumSizeHint().width() > inner.width():
            found.append(f"{widget.text()[:60]!r}: needs {need} px, has {widget.height()}; "
                         f"x {left}+{widget.width()} of {width}")
    return found


def font_sizes(view) -> list[int]:
    return [w.font().pixelSize() for w in view.content.findChildren(QLabel) if w.isVisible()]


# --- opening and leaving --------------------------------------------------------------------------------


def test_f11_opens_meeting_mode_full_screen_and_esc_returns_to_the_window_with_the_unsaved_edit(
        main_window, context, qtbot) -> None:
    case = stored(context, big_plan_case())
    window = open_window(main_window, case.id)
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    fill(window, "The guardians' view of the plan", "Vi vill att mentorn ringer på måndagar.")
    assert window.isWindowModified()

    view = enter_by_f11(qtbot, window)
    assert view.isFullScreen()
    assert view.screen() is window.screen()
    assert "Vi vill att mentorn ringer på måndagar." in view.text()  # unsaved, and shown: what is on screen
    assert min(font_sizes(view)) >= FLOOR_PX

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    assert window.isWindowModified()  # nothing saved, nothing lost
    assert find(window, "The guardians' view of the plan").toPlainText() == "Vi vill att mentorn ringer på måndagar."
    assert window.stepper.currentRow() == Stage.PLANERING.order

    again = enter_by_f11(qtbot, window)  # the same view again; F11 leaves it too
    assert again is view
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert window.isWindowModified()


def test_the_view_menu_has_meeting_mode_with_f11(main_window, context, qtbot) -> None:
    case = stored(context, big_plan_case())
    window = open_window(main_window, case.id)
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View")
    assert menu.menuAction() in window.menuBar().actions()
    action = next(a for a in menu.actions() if a.text() == "Meeting mode")
    assert action.shortcut().toString() == "F11"
    action.trigger()
    view = meeting_of(window)
    qtbot.waitUntil(view.isVisible)
    assert view.accessibleName() == "Meeting mode"
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_only_what_the_family_may_see(main_window, context, qtbot) -> None:
    """No personnummer (not even one typed into a text), no last name, no school, no other case, no log."""
    from sst_desk.demo.generate import build_cases

    other = next(c for c in build_cases(12, seed=9, today=NOW.date()) if c.student.personal_id)
    other.student.protected_identity = False
    other = stored(context, other)
    case = big_plan_case()
    typed = other.student.personal_id.replace("-", "")[2:]  # another child's, as ten digits
    case.current_plan.guardians_view += (f" Elevens personnummer är {case.student.personal_id}, kusinens {typed}."
                                         " Ring mamma på 070-174 06 12.")
    case = stored(context, case)
    window = open_window(main_window, case.id)
    view = enter_by_f11(qtbot, window)
    text = view.text()
    student = case.student
    for form in personal_id_forms(student.personal_id) + personal_id_forms(other.student.personal_id):
        assert form not in text
    assert text.count("[personal identity number hidden]") == 2
    assert "Ring mamma på 070-174 06 12." in text  # a phone number is no personnummer
    assert not re.search(r"\d{6}[-+]?\d{4}", text)
    assert student.last_name not in text  # not the student's, nor a guardian's (responsible for an insats)
    assert student.guardians[0].name.split()[0] in text
    assert student.school not in text
    assert other.student.first_name not in text and other.student.last_name not in text
    assert f"Action plan for {student.first_name}" in text
    plan = case.current_plan
    for goal in plan.goals:
        assert goal.description in text
    for insats in plan.insatser:
        assert insats.name in text
    for transition in case.transitions:  # the process log stays in the case window
        if transition.comment:
            assert transition.comment not in text
    view.close()


# --- live --------------------------------------------------------------------------------------------------


def test_show_case_updates_what_is_shown_and_keeps_the_scroll_position(qtbot) -> None:
    from sst_desk.ui.case.meeting import MeetingView

    case = big_plan_case()
    view = MeetingView()
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show_case(case)
    view.show()
    qtbot.waitExposed(view)
    bar = view.scroll.verticalScrollBar()
    assert bar.maximum() > 3 * view.height()  # 12 goals and 20 insatser: many screens
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()

    case.current_plan.goals[0].description = "Komma till första lektionen varje dag"
    view.show_case(case)
    assert "Goal 1: Komma till första lektionen varje dag" in view.text()
    assert bar.value() == kept

    case.current_plan.goals.append(Goal("Läsa en bok i månaden", GoalArea.SKOLRESULTAT, position=12))
    case.current_plan.insatser.pop()
    view.show_case(case)
    assert "Goal 13: Läsa en bok i månaden" in view.text()
    assert bar.value() == kept  # the lines were rebuilt; the place on the page was not lost
    headings = [w for w in view.content.findChildren(QLabel) if w.isVisible() and w.property("kind") == "heading"]
    assert len(headings) == 5 and all(w.contentsMargins().top() >= FLOOR_PX for w in headings)  # still styled

    case.plans = []
    view.show_case(case)
    assert "There is no action plan yet" in view.text()
    assert not clipped(view)


def test_the_case_window_keeps_an_open_meeting_view_up_to_date(main_window, context, qtbot) -> None:
    case = stored(context, big_plan_case())
    window = open_window(main_window, case.id)
    view = enter_by_f11(qtbot, window)
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    fill(window, "The guardians' view of the plan", "Pappa hämtar på fredagar.")  # typed on the other screen
    assert "Pappa hämtar på fredagar." in view.text()
    with qtbot.waitSignal(window.sig_saved, timeout=60_000):
        window.save()
    assert "Pappa hämtar på fredagar." in view.text()
    assert view.isVisible()
    view.close()


# --- size, fit and keyboard ----------------------------------------------------------------------------------


@pytest.mark.parametrize("width,height", [(1920, 1080), (1280, 720)])
def test_every_text_fits_in_large_type(qtbot, width, height) -> None:
    from sst_desk.ui.case.meeting import MeetingView

    view = MeetingView()
    qtbot.addWidget(view)
    view.show_case(big_plan_case())
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert view.body_px() == max(FLOOR_PX, round(FLOOR_PX * height / 1080))
    assert min(font_sizes(view)) >= FLOOR_PX
    assert not view.scroll.horizontalScrollBar().maximum()
    assert not clipped(view)
    view.grab().save(f"/tmp/meeting-{width}x{height}.png")
    bar = view.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.grab().save(f"/tmp/meeting-{width}x{height}-middle.png")

    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert min(font_sizes(view)) >= FLOOR_PX  # never under the floor
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert view.body_px() > max(FLOOR_PX, round(FLOOR_PX * height / 1080))
    assert not clipped(view)


def test_the_keyboard_scrolls_the_plan(qtbot) -> None:
    from sst_desk.ui.case.meeting import MeetingView

    view = MeetingView()
    qtbot.addWidget(view)
    view.show_case(big_plan_case())
    view.resize(1280, 720)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    bar = view.scroll.verticalScrollBar()
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    page = bar.value()
    assert page > view.height() // 2
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert bar.value() > page
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert bar.value() == page
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert bar.value() == page
    before = view.body_px()
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # plain + as well as Ctrl+plus
    assert view.body_px() > before


def test_a_case_read_from_the_shared_document_shows_with_a_colleagues_typing(qtbot) -> None:
    """What the co-editing window hands over on each change of the shared document (``casedoc.read_case``):
    the insatser still name their goals by number, and a colleague's typing in another copy shows."""
    from pycrdt import Doc

    from sst_desk.collab.casedoc import new_doc, read_case, set_text, text_of
    from sst_desk.ui.case.meeting import MeetingView

    case = big_plan_case()
    mine = new_doc(case)
    theirs = Doc()
    theirs.apply_update(mine.get_update())
    shown = read_case(theirs)
    set_text(text_of(theirs, shown.current_plan, "guardians_view"), "Vi hämtar på fredagar.")
    mine.apply_update(theirs.get_update(mine.get_state()))

    view = MeetingView()
    qtbot.addWidget(view)
    view.show_case(read_case(mine))
    text = view.text()
    assert "Vi hämtar på fredagar." in text
    plan = case.current_plan
    served = next(i for i in plan.insatser if i.goal is not None)
    number = sorted(plan.goals, key=lambda g: g.position).index(served.goal) + 1
    assert f"Serves: Goal {number}: {served.goal.description}" in text


def test_locking_hides_the_plan_from_the_projector_and_unlocking_brings_it_back(main_window, context, qtbot) -> None:
    """The meeting view is a window of its own: the lock must hide it like every other window."""
    from PySide6.QtWidgets import QLineEdit

    from sst_desk.ui.common.lock import IdleLock, UnlockDialog
    from person import answer_dialog, click

    case = stored(context, big_plan_case())
    window = open_window(main_window, case.id)
    view = enter_by_f11(qtbot, window)
    seen: list[bool] = []

    def unlock(dialog) -> None:
        assert isinstance(dialog, UnlockDialog), dialog
        seen.append(view.isVisible())
        find(dialog, "Password", QLineEdit).setText("ui-test-losenord")  # conftest.UI_PASSWORD
        click(dialog, "Unlock")

    locker = IdleLock(context, 10)
    try:
        errors = answer_dialog(unlock)
        locker.lock()
        assert not errors, errors
    finally:
        locker.timer.stop()
        QApplication.instance().removeEventFilter(locker)
        locker.deleteLater()
    assert seen == [False]  # hidden while locked
    assert view.isVisible() and view.isFullScreen()
    view.close()
