"""A worker who uses only the keyboard: shortcuts, Tab between fields, Enter to confirm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sst_desk.workflow.codes import Stage

from person import answer_dialog, find
from doors import door


def test_new_case_save_and_navigate_with_the_keyboard(main_window, context, qtbot):
    def type_the_form(dialog) -> None:
        dialog.activateWindow()  # the offscreen platform does not activate new windows by itself
        qtbot.waitUntil(dialog.isActiveWindow)
        first = find(dialog, "First name")
        first.setFocus()
        assert QApplication.focusWidget() is first
        qtbot.keyClicks(QApplication.focusWidget(), "Kim")
        for text in ("Berg", "", "Ekbackens skola"):  # last name, personnummer (none yet), school
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if text:
                qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default button: create

    errors = answer_dialog(type_the_form)
    with qtbot.waitSignal(main_window.sig_case_opened, timeout=60_000):  # the new case opens in the background
        qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    assert len(main_window.case_windows) == 1
    window = next(iter(main_window.case_windows.values()))
    assert window.case.student.full_name == "Kim Berg"
    assert window.case.student.school == "Ekbackens skola"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    reason = find(window, "Reason")
    reason.setFocus()
    qtbot.keyClicks(reason, "Hog franvaro")
    assert window.isWindowModified()
    with qtbot.waitSignal(window.sig_saved, timeout=60_000):  # written in the background
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert door(context.db).cases.load_case(window.case.id).reason == "Hog franvaro"

    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.stepper.currentRow() == Stage.INSKRIVNING.order
    assert window.stack.currentIndex() == Stage.INSKRIVNING.order

    # Decide the criteria with the arrow keys, then take the next step with Ctrl+Enter and confirm with Enter.
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    criteria = find(window, "Meets the criteria")
    criteria.setFocus()
    qtbot.keyClick(criteria, Qt.Key.Key_Down)
    assert criteria.currentText() == "Yes"

    def confirm(dialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClicks(QApplication.focusWidget(), "Beslut i teamet")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # leave the comment box
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    errors = answer_dialog(confirm)
    with qtbot.waitSignal(window.sig_saved, timeout=60_000):  # the step is saved in the background
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    assert window.case.stage is Stage.INSKRIVNING
    assert window.case.transitions[-1].comment == "Beslut i teamet"

    # Inskrivning by keyboard: the "Add guardian" button takes Space, the dialog takes typing and Enter,
    # and Enter on a row of the list opens it for editing.
    add = find(window, "Add guardian")
    assert add.focusPolicy() & Qt.FocusPolicy.TabFocus
    add.setFocus()

    def type_guardian(dialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClicks(QApplication.focusWidget(), "Robin Berg")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    errors = answer_dialog(type_guardian)
    qtbot.keyClick(add, Qt.Key.Key_Space)
    assert not errors, errors
    assert [g.name for g in window.case.student.guardians] == ["Robin Berg"]

    table = find(window, "Guardians")
    table.setFocus()
    table.selectRow(0)
    seen: list[str] = []
    errors = answer_dialog(lambda dialog: (seen.append(dialog.windowTitle()), dialog.reject()))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not errors, errors
    assert seen == ["Edit guardian"]
