""""Kommande" beside the case list: the demo's items, sorting by a header click, Enter opens the right case."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from sst_desk.demo.generate import populate
from sst_desk.settings import MAIN_STATE
from sst_desk.ui.caselist.agenda import ITEM_ROLE, AgendaColumn, AgendaModel
from sst_desk.workflow.agenda import DueItem, DueKind
from sst_desk.workflow.codes import Stage

from person import NOW, find, reload
from doors import door

TODAY = NOW.astimezone().date()


def loaded(main_window, qtbot) -> list[DueItem]:
    """Reload the list and the panel, and wait for both."""
    with qtbot.waitSignal(main_window.agenda.sig_loaded, timeout=60_000):
        reload(main_window)
    return main_window.agenda.model.items()


def shown(table) -> list[DueItem]:
    model = table.model()
    return [model.index(row, 0).data(ITEM_ROLE) for row in range(model.rowCount())]


def test_the_panel_shows_the_demos_items_for_her_cases(main_window, context, qtbot):
    populate(context.db, students=40, seed=1, today=TODAY)
    items = loaded(main_window, qtbot)
    assert items == door(context.db).agenda.due_items(TODAY)
    assert items and any(i.overdue for i in items)
    table = find(main_window, "Upcoming")
    assert shown(table) == items  # by date, overdue meetings first
    assert main_window.agenda_dock.windowTitle() == "Upcoming (14 days)"
    first = table.model().index(0, AgendaColumn.WHAT).data()
    assert first.endswith("– overdue") and table.model().index(0, AgendaColumn.CASE).data() == \
        f"{items[0].label} ({items[0].case_id})"


def test_clicking_a_header_sorts(main_window, context, qtbot):
    populate(context.db, students=40, seed=1, today=TODAY)
    items = loaded(main_window, qtbot)
    assert len({i.label for i in items}) > 1
    table = find(main_window, "Upcoming")
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, AgendaColumn.CASE))
    names = [i.label.casefold() for i in shown(table)]
    assert names == sorted(names)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, AgendaColumn.CASE))
    assert [i.label.casefold() for i in shown(table)] == sorted(names, reverse=True)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, AgendaColumn.DATE))
    assert [i.date for i in shown(table)] == sorted(i.date for i in items)


def _section_centre(header: QHeaderView, column: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def test_enter_opens_the_lines_case(main_window, context, qtbot):
    populate(context.db, students=40, seed=1, today=TODAY)
    items = loaded(main_window, qtbot)
    table = find(main_window, "Upcoming")
    table.setFocus()
    table.selectRow(len(items) - 1)
    wanted = items[-1]
    with qtbot.waitSignal(main_window.sig_case_opened, timeout=60_000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [wanted.case_id]
    window = main_window.case_windows[wanted.case_id]
    assert window.case.student.full_name == wanted.label
    window.close()


def test_a_save_reloads_the_panel(main_window, context, qtbot):
    populate(context.db, students=12, seed=2, today=TODAY)
    before = loaded(main_window, qtbot)
    running = next(r for r in main_window.model.rows() if r.stage is Stage.GENOMFORANDE)
    case = door(context.db).cases.load_case(running.case_id)
    case.current_plan.insatser[0].end_on = TODAY + dt.timedelta(days=2)
    door(context.db).cases.save_case(case, today=TODAY)
    after = loaded(main_window, qtbot)
    added = [i for i in after if i not in before]
    assert [(i.kind, i.case_id, i.detail) for i in added] == [
        (DueKind.INSATS_ENDS, running.case_id, case.current_plan.insatser[0].name)]


def test_an_empty_list_says_so(main_window, qtbot):
    assert loaded(main_window, qtbot) == []
    status = find(main_window, "Upcoming, status", visible=False)
    assert status.isVisible() and status.text() == "Nothing falls due in the next 14 days."
    assert not find(main_window, "Upcoming", visible=False).isVisible()


def test_hidden_from_the_view_menu_and_remembered(main_window, context, qtbot):
    from sst_desk.ui.caselist.main_window import MainWindow

    assert main_window.agenda_action.text() == "Upcoming" and main_window.agenda_action.isChecked()
    main_window.agenda_action.trigger()
    assert main_window.agenda_dock.isHidden()
    main_window.close()
    assert context.settings.get(MAIN_STATE)
    again = MainWindow(context)
    again.show()
    try:
        assert again.agenda_dock.isHidden() and not again.agenda_action.isChecked()
        with qtbot.waitSignal(again.agenda.sig_loaded, timeout=60_000):
            again.agenda_action.trigger()  # shown again: read now
        assert not again.agenda_dock.isHidden()
    finally:
        again.close()
        again.deleteLater()


def test_the_model_passes_the_model_tester(qtmodeltester, context):
    populate(context.db, students=40, seed=1, today=TODAY)
    model = AgendaModel()
    model.set_items(door(context.db).agenda.due_items(TODAY, 60))
    assert model.rowCount() > 3
    qtmodeltester.check(model, force_py=True)
    for column in AgendaColumn:  # the tester watches each sort's signals
        model.sort(column, Qt.SortOrder.DescendingOrder)


def test_a_double_click_opens_the_lines_case(main_window, context, qtbot):
    populate(context.db, students=40, seed=1, today=TODAY)
    items = loaded(main_window, qtbot)
    table = find(main_window, "Upcoming")
    rect = table.visualRect(table.model().index(1, AgendaColumn.CASE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    with qtbot.waitSignal(main_window.sig_case_opened, timeout=60_000) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [items[1].case_id]
    main_window.case_windows[items[1].case_id].close()


def test_tab_from_the_case_list_reaches_the_panel(main_window, context, qtbot):
    populate(context.db, students=12, seed=1, today=TODAY)
    assert loaded(main_window, qtbot)
    main_window.activateWindow()
    cases = find(main_window, "Cases")
    cases.setFocus()
    qtbot.waitUntil(cases.hasFocus, timeout=5_000)
    qtbot.keyClick(cases, Qt.Key.Key_Tab)
    qtbot.waitUntil(find(main_window, "Upcoming").hasFocus, timeout=5_000)
