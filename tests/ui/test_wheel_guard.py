"""The mouse wheel over a dropdown or spin box scrolls the page unless the person is in that field (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import open_case

from person import NOW, find, open_window
from doors import door


def wheel(widget, steps: int = -1) -> None:
    """One notch of the wheel (down for a negative ``steps``) over the middle of ``widget``."""
    local = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(local, QPointF(widget.mapToGlobal(local.toPoint())), QPoint(), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _open_case(main_window, context):
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    window.resize(900, 500)  # a short window: the aktualisering page scrolls
    window.stepper.setCurrentRow(Stage.AKTUALISERING.order)
    return window


def test_the_wheel_over_an_unfocused_dropdown_scrolls_the_page_and_leaves_the_value(main_window, context, qtbot):
    """What broke: scrolling the form over "Form of support" changed it to "After investigation and decision"."""
    window = _open_case(main_window, context)
    support = find(window, "Form of support", QComboBox)
    level = find(window, "Level", QComboBox)
    before = (support.currentIndex(), level.currentIndex())
    page_scroll = next(a for a in window.stack.currentWidget().findChildren(QScrollArea))
    bar = page_scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the page must scroll for this test to mean anything"
    bar.setValue(0)
    support.ensurePolished()
    assert support.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel never gives it the focus
    assert not support.hasFocus()
    wheel(support)
    wheel(level)
    assert (support.currentIndex(), level.currentIndex()) == before
    assert bar.value() > 0, "the page did not scroll"
    assert not window.isWindowModified()


def test_a_focused_dropdown_still_takes_the_wheel(main_window, context, qtbot):
    """The wheel still works for the person who chose the field."""
    window = _open_case(main_window, context)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    level = find(window, "Level", QComboBox)
    level.setFocus()
    qtbot.waitUntil(level.hasFocus)
    level.setCurrentIndex(0)
    wheel(level)
    assert level.currentIndex() == 1


def test_spin_boxes_outside_the_forms_are_guarded_too(qtbot, qapp):
    """One mechanism for the whole application: a spin box in any dialog ignores a passing wheel."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from sst_desk.ui.common.widgets import install_wheel_guard

    install_wheel_guard()
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    box = QSpinBox(inner)
    box.setValue(5)
    layout.addWidget(box)
    inner.setMinimumHeight(2000)
    area.setWidget(inner)
    area.resize(300, 200)
    area.show()
    wheel(box)
    assert box.value() == 5
    assert area.verticalScrollBar().value() > 0
