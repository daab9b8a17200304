"""A list of child records (guardians, goals, contacts…) with Add / Edit / Remove buttons.

Model/view like every list in SST Desk: ``RowsModel`` holds the plain objects
and a column spec; the editor's callbacks open the dialogs and change the
case in memory, then ``sig_changed`` tells the case window it is dirty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
_SERVED_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole), int(OBJECT_ROLE)})
MIN_TABLE_HEIGHT, MAX_TABLE_HEIGHT = 80, 460


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[object], str]
    stretch: bool = False


def row_table(name: str, model: QAbstractTableModel, parent: QWidget) -> QTableView:
    """A read-only table whose lines are records: whole rows selected one at a time, Tab leaves it."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move within the list
    view.verticalHeader().hide()
    return view


class RowsModel(QAbstractTableModel):
    """Read-only table over a list of plain objects."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._items: list[object] = []

    def set_items(self, items: Sequence[object]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> object:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # The view asks ~8 roles a cell (sizing a history of hundreds of rows asks them all): the roles
        # this model does not serve return at once, before any index arithmetic.
        if role not in _SERVED_ROLES or not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == OBJECT_ROLE:
            return item
        return self.columns[index.column()].text(item)


class ListEditor(QWidget):
    """Title, table and buttons for one list of a case. Callbacks return True when they changed something."""

    sig_changed = Signal()
    """Emitted after an add, edit or remove changed the case in memory."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        *,
        add: Callable[[], bool] | None = None,
        edit: Callable[[object], bool] | None = None,
        remove: Callable[[object], bool] | None = None,
        add_text: str = "",
        edit_text: str = "",
        remove_text: str = "",
        empty_text: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._add, self._edit, self._remove = add, edit, remove
        self.title = QLabel(f"<b>{title}</b>", self)
        self.model = RowsModel(columns, self)
        self.view = row_table(title, self.model, self)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for i, column in enumerate(columns):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if column.stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.empty = QLabel(empty_text, self)
        self.empty.setStyleSheet("color: #666;")
        if empty_text:  # the hint's line stays when it goes: the buttons under the list never jump
            policy = self.empty.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.empty.setSizePolicy(policy)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, handler in (("add", add_text, self.add_new), ("edit", edit_text, self.edit_selected),
                                   ("remove", remove_text, self.remove_selected)):
            if {"add": add, "edit": edit, "remove": remove}[key] is None:
                continue
            button = QPushButton(text, self)
            button.setAccessibleName(text)
            button.clicked.connect(handler)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # never stretch the title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addLayout(row)

    def add_button(self, text: str, handler: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.clicked.connect(handler)
        row = self.layout().itemAt(self.layout().count() - 1).layout()
        row.insertWidget(row.count() - 1, button)
        self.buttons[text] = button
        return button

    def set_items(self, items: Sequence[object]) -> None:
        """Show ``items``; the row the person had chosen stays chosen when it is still there (a shared case is
        re-read whenever a colleague types: the same records, new objects — matched by id, else by place)."""
        chosen = self.selected()
        row = self.view.selectionModel().selectedRows()[0].row() if chosen is not None else -1
        self.model.set_items(items)
        self.empty.setVisible(not items and bool(self.empty.text()))
        self._fit_height()
        if chosen is not None:
            record_id = getattr(chosen, "id", None)
            same = [i for i, item in enumerate(items) if record_id is not None and getattr(item, "id", None) == record_id]
            again = same[0] if same else row if record_id is None and row < len(items) else -1
            if again >= 0:
                self.view.selectRow(again)

    def _fit_height(self) -> None:
        """Show every row without a scrollbar of its own (the page scrolls), within sensible bounds."""
        self.view.resizeRowsToContents()
        rows = sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        height = self.view.horizontalHeader().sizeHint().height() + rows + 2 * self.view.frameWidth() + 24
        self.view.setFixedHeight(max(MIN_TABLE_HEIGHT, min(height, MAX_TABLE_HEIGHT)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - wrapped text changes row heights with the width
        super().resizeEvent(event)
        self._fit_height()

    def selected(self) -> object | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def add_new(self) -> None:
        if self._add is not None and self._add():
            self.sig_changed.emit()

    def edit_selected(self) -> None:
        edit = self.buttons.get("edit")
        if edit is not None and not edit.isEnabled():
            return  # Enter or a double-click must not get round a read-only list
        item = self.selected()
        if item is not None and self._edit is not None and self._edit(item):
            self.sig_changed.emit()

    def remove_selected(self) -> None:
        item = self.selected()
        if item is not None and self._remove is not None and self._remove(item):
            self.sig_changed.emit()
