""""Kommande" beside the case list: what falls due in the next 14 days for the person's own cases.

``AgendaModel`` holds the plain ``DueItem``s of ``services.agenda.due_items`` (sorted by date and time;
any column sorts on a click of its header); ``AgendaPanel`` shows them in the main window's dock, loads
them off the UI thread whenever the case list reloads (after a save, a colleague's change on the server),
and opens a line's case with Enter or a double-click — the same ``MainWindow.open_case`` the case list uses.

Offline (the team server out of reach) the list comes from the offline copy's cases by the same rules
(``offline.door.FROM_COPY``): the copy holds exactly the person's own cases, so nothing is missing.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from sst_desk.workflow.agenda import DEFAULT_DAYS, DueItem
from sst_desk.ui.common.connection import is_unreachable
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.labels import label
from sst_desk.ui.common.listeditor import row_table
from sst_desk.ui.common.operations import Operation

Index = QModelIndex | QPersistentModelIndex

# The role that holds the plain ``DueItem`` behind a line.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = "#b00020"  # the case list's colour for an alert
MAX_COLUMN_WIDTH = 175  # a long insats name or student name is cut (whole in its tooltip), not pushed out of view


class AgendaColumn(IntEnum):
    DATE = 0
    TIME = 1
    WHAT = 2
    CASE = 3
    PLACE = 4


class AgendaModel(QAbstractTableModel):
    """The due items, read-only; sorts itself (``sort``), the date and time breaking ties in every column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[DueItem] = []
        self._headers = [self.tr("Date"), self.tr("Time"), self.tr("What"), self.tr("Student / case"),
                         self.tr("Place")]
        self._sort: tuple[int, Qt.SortOrder] = (AgendaColumn.DATE, Qt.SortOrder.AscendingOrder)

    def set_items(self, items: list[DueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._sort_items()
        self.endResetModel()

    def items(self) -> list[DueItem]:
        """The items in the order shown."""
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(AgendaColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = AgendaColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is AgendaColumn.PLACE:
                return item.place or None
            if column is AgendaColumn.CASE:
                return self.tr("%1, case %2").replace("%1", item.label).replace("%2", str(item.case_id))
            return self._what(item) if column is AgendaColumn.WHAT else None
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(QColor(OVERDUE_COLOUR))
        return None

    def _what(self, item: DueItem) -> str:
        text = label(item.kind)
        if item.detail:
            text = self.tr("%1: %2").replace("%1", text).replace("%2", item.detail)
        # Overdue in words too, not by colour alone.
        return self.tr("%1 – overdue").replace("%1", text) if item.overdue else text

    def _display(self, item: DueItem, column: AgendaColumn) -> str:
        if column is AgendaColumn.DATE:
            return item.date.isoformat()
        if column is AgendaColumn.TIME:
            return item.time.strftime("%H:%M") if item.time else ""
        if column is AgendaColumn.WHAT:
            return self._what(item)
        if column is AgendaColumn.CASE:
            return self.tr("%1 (%2)").replace("%1", item.label).replace("%2", str(item.case_id))
        return item.place

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._items[index.row()], index.column()) for index in persistent]
        self._sort_items()
        if persistent:
            where = {id(item): number for number, item in enumerate(self._items)}
            self.changePersistentIndexList(persistent, [self.index(where[id(item)], column) for item, column in held])
        self.layoutChanged.emit()

    def _sort_items(self) -> None:
        column, order = self._sort
        self._items.sort(key=lambda item: (self._key(item, AgendaColumn(column)), item.sort_key()),
                         reverse=order == Qt.SortOrder.DescendingOrder)

    def _key(self, item: DueItem, column: AgendaColumn):
        if column is AgendaColumn.DATE:
            return item.date.toordinal()
        if column is AgendaColumn.TIME:
            return (item.time is None, item.time or dt.time.min)
        if column is AgendaColumn.WHAT:
            return self._what(item).casefold()
        if column is AgendaColumn.CASE:
            return (item.label.casefold(), item.case_id)
        return (item.place == "", item.place.casefold())


class AgendaPanel(QWidget):
    """The list "Kommande" with a line saying when there is nothing, or why there is no list."""

    sig_open_case = Signal(int)
    """Emitted with a line's case id when the person opens it (Enter, double-click)."""
    sig_loaded = Signal(int)
    """Emitted after the list is (re)loaded, with the number of lines."""

    def __init__(self, parent: QWidget | None = None, days: int = DEFAULT_DAYS):
        super().__init__(parent)
        self.days = days
        self._generation = 0
        self.model = AgendaModel(self)
        self.table = row_table(self.tr("Upcoming"), self.model, self)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AgendaColumn.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # the place
        for column in (AgendaColumn.DATE, AgendaColumn.TIME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._open_index)  # double-click (and Enter where the style says so)
        open_action = QAction(self.tr("Open case"), self.table)  # Enter, as in the case list
        open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.open_selected)
        self.table.addAction(open_action)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setAccessibleName(self.tr("Upcoming, status"))
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def reload(self, door, today: dt.date, *, quietly: bool = False) -> None:
        """Ask for the list in the background; it arrives with ``sig_loaded`` (a newer reload wins)."""
        self._generation += 1
        generation = self._generation
        days = self.days
        Operation(self, lambda: door.agenda.due_items(today, days)) \
            .success(lambda items: self._arrived(generation, items)) \
            .failure(lambda exc: self._failed(generation, exc, quietly)) \
            .run_in_background()

    def _arrived(self, generation: int, items: list[DueItem]) -> None:
        if generation != self._generation:
            return
        self.model.set_items(items)
        self._fit_columns(items)
        self.table.setVisible(bool(items))
        if items:
            self.message.hide()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
        else:
            self._say(self.tr("Nothing falls due in the next %1 days.").replace("%1", str(self.days)))
        self.sig_loaded.emit(len(items))

    def _fit_columns(self, items: list[DueItem]) -> None:
        """Every column as wide as its text, "What" and the student at most ``MAX_COLUMN_WIDTH`` (a long insats
        name is cut, whole in its tooltip), so that date, what and who fit a narrow panel; the place comes last.
        A time or place column with nothing in it is not shown."""
        self.table.setColumnHidden(AgendaColumn.TIME, not any(item.time for item in items))
        self.table.setColumnHidden(AgendaColumn.PLACE, not any(item.place for item in items))
        for column in (AgendaColumn.WHAT, AgendaColumn.CASE):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))

    def _failed(self, generation: int, exc: BaseException, quietly: bool) -> None:
        if generation != self._generation or quietly:
            return  # a colleague's change: the next reload tries again
        if is_unreachable(exc):
            self._say(self.tr("The team server cannot be reached, and this computer has no copy of your cases."))
        else:
            self._say(self.tr("The list could not be loaded: %1").replace("%1", database_error_text(exc)))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def open_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self._open_index(indexes[0])

    def _open_index(self, index: QModelIndex) -> None:
        item = index.sibling(index.row(), 0).data(ITEM_ROLE)
        if item is not None:
            self.sig_open_case.emit(item.case_id)
