"""The case list: search, filters, the models, and opening a case from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sst_desk.demo.generate import populate
from sst_desk.ui.caselist.caselist import ROW_ROLE, CaseTableModel
from sst_desk.ui.common.labels import _PAIRS, label
from sst_desk.ui.common.listeditor import Column, RowsModel
from sst_desk.workflow.attention import Attention
from sst_desk.workflow.codes import Stage

from person import NOW, reload
from person import fill, find
from doors import door


def _shown(window) -> list:
    proxy = window.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def test_search_and_filters(main_window, context):
    populate(context.db, students=40, seed=3, today=NOW.date())
    reload(main_window)
    rows = main_window.model.rows()
    assert len(rows) == 40
    assert {r.stage for r in rows} == set(Stage)

    someone = next(r for r in rows if r.personal_id)
    fill(main_window, "Search", someone.student_name.split()[-1])
    assert someone in _shown(main_window)
    fill(main_window, "Search", someone.personal_id.replace("-", "")[2:])  # 10 digits, no separator
    assert _shown(main_window) == [someone]
    fill(main_window, "Search", "")

    fill(main_window, "Stage", label(Stage.KARTLAGGNING))
    assert _shown(main_window) and all(r.stage is Stage.KARTLAGGNING for r in _shown(main_window))
    fill(main_window, "Stage", "All stages")
    fill(main_window, "Show", "Needs attention")
    flagged = _shown(main_window)
    assert flagged and all(r.attention for r in flagged)
    assert len(flagged) < 40
    fill(main_window, "Show", label(Attention.FOLLOW_UP_OVERDUE))
    assert all(Attention.FOLLOW_UP_OVERDUE in r.attention for r in _shown(main_window))
    assert "of 40 cases shown" in main_window.count_label.text()


def test_open_a_case_with_the_keyboard(main_window, context, qtbot):
    populate(context.db, students=5, seed=4, today=NOW.date())
    reload(main_window)
    table = find(main_window, "Cases")
    table.setFocus()
    table.selectRow(0)
    chosen = table.currentIndex().sibling(table.currentIndex().row(), 0).data(ROW_ROLE)
    with qtbot.waitSignal(main_window.sig_case_opened, timeout=60_000):  # read in the background
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert chosen.case_id in main_window.case_windows
    window = main_window.case_windows[chosen.case_id]
    assert window.case.student.full_name == chosen.student_name
    window.close()


def test_models_pass_the_model_tester(qtmodeltester, context):
    populate(context.db, students=12, seed=5, today=NOW.date())
    model = CaseTableModel()
    model.set_rows(door(context.db).cases.case_rows(NOW.date()))
    qtmodeltester.check(model, force_py=True)
    rows = RowsModel([Column("Name", lambda x: x[0]), Column("Value", lambda x: str(x[1]))])
    rows.set_items([("a", 1), ("b", 2)])
    qtmodeltester.check(rows, force_py=True)


def test_every_code_has_its_own_label(qapp):
    """Regression: str-enums of equal value (School as RaisedBy, Party, Authority) once shared one label."""
    for code, _text in _PAIRS:
        assert label(code)
    from sst_desk.workflow.codes import DocumentKind, ProtectiveFactor

    assert label(DocumentKind.SKOLNARVARO) != label(ProtectiveFactor.SKOLNARVARO)


def test_sorting_by_a_column_header(main_window, context):
    from sst_desk.ui.caselist.caselist import Column as ListColumn

    populate(context.db, students=15, seed=6, today=NOW.date())
    reload(main_window)
    main_window.table.sortByColumn(ListColumn.STUDENT, Qt.SortOrder.AscendingOrder)
    names = [r.student_name.casefold() for r in _shown(main_window)]
    assert names == sorted(names)
    main_window.table.sortByColumn(ListColumn.STAGE, Qt.SortOrder.DescendingOrder)
    orders = [r.stage.order for r in _shown(main_window)]
    assert orders == sorted(orders, reverse=True)
    fill(main_window, "Stage", label(Stage.AVSLUTAD))  # filtering keeps the sorted order
    assert all(r.stage is Stage.AVSLUTAD for r in _shown(main_window))


def test_the_filtering_proxy_passes_the_model_tester_and_the_selection_follows_its_case(
        qtmodeltester, main_window, context):
    """The proxy reports a filter or a sort as a layout change: the selected case stays selected while shown."""
    from sst_desk.ui.caselist.caselist import Column as ListColumn

    populate(context.db, students=30, seed=8, today=NOW.date())
    reload(main_window)
    qtmodeltester.check(main_window.proxy, force_py=True)  # and it keeps checking through the changes below
    table = find(main_window, "Cases")
    rows = _shown(main_window)
    chosen = rows[len(rows) // 2]
    table.selectRow(len(rows) // 2)

    def selected():
        picked = table.selectionModel().selectedRows()
        return picked[0].data(ROW_ROLE) if picked else None

    fill(main_window, "Search", chosen.student_name.split()[0])
    assert chosen in _shown(main_window) and len(_shown(main_window)) < 30
    assert selected() == chosen
    main_window.table.sortByColumn(ListColumn.STUDENT, Qt.SortOrder.DescendingOrder)
    assert selected() == chosen
    fill(main_window, "Search", "")
    assert len(_shown(main_window)) == 30 and selected() == chosen
    other = next(stage for stage in Stage if stage is not chosen.stage)
    fill(main_window, "Stage", label(other))
    assert chosen not in _shown(main_window) and selected() != chosen
    fill(main_window, "Search", "zzzz-no-such-student")
    assert main_window.proxy.rowCount() == 0 and "0 of 30 cases shown" in main_window.count_label.text()



def test_a_reload_keeps_the_selected_cases_and_the_current_one(main_window, context):
    """Issue 13: the list reloads when a colleague saves; the person's selection must not jump to row one."""
    from PySide6.QtCore import QItemSelectionModel

    populate(context.db, students=12, seed=5, today=NOW.date())
    reload(main_window)
    table, proxy = main_window.table, main_window.proxy
    flags = QItemSelectionModel.SelectionFlag
    chosen = [proxy.index(r, 0).data(ROW_ROLE).case_id for r in (4, 7)]
    table.selectionModel().clearSelection()
    for r in (4, 7):
        table.selectionModel().select(proxy.index(r, 0), flags.Select | flags.Rows)
    table.selectionModel().setCurrentIndex(proxy.index(7, 2), flags.NoUpdate)
    changed = door(context.db).cases.load_case(chosen[0])
    changed.student.school = "Almskolan"  # the colleague's save: a new school, a new sort place for nobody
    door(context.db).cases.save_case(changed)
    reload(main_window)
    selected = sorted(i.data(ROW_ROLE).case_id for i in table.selectionModel().selectedRows())
    assert selected == sorted(chosen)
    current = table.selectionModel().currentIndex()
    assert current.sibling(current.row(), 0).data(ROW_ROLE).case_id == chosen[1]
    assert next(r for r in main_window.model.rows() if r.case_id == chosen[0]).school == "Almskolan"
