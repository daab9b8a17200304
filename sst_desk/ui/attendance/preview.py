"""The attendance import's live preview: the file's first rows as they are, and what the mapping reads from them.

``FileRowsModel`` shows the raw cells with the header row marked and each
mapped column headed by its role; ``ReadModel`` shows the first results of
``read_rows`` — a good line as student, period and amounts, a bad one as the
problem sentence in red (the view spans it across the columns).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView

from sst_desk.importers.attendance_spec import Column, ImportedRow, RowProblem
from sst_desk.attendance_words import amount, period, problem_sentence, role_label

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: a table has no parent index
CONTEXT = "AttendanceImport"
HEADER_BACKGROUND = QColor("#e3ecf7")
PROBLEM_COLOUR = QColor("#b00020")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(ROW_ROLE)`` on any cell of ``ReadModel``: the ImportedRow or RowProblem of that line."""


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def column_letter(index: int) -> str:
    """A, B, … Z, AA, AB … as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class FileRowsModel(QAbstractTableModel):
    """The file's first rows, cell by cell; the header row bold on a tint, mapped columns named by role."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, list[str]]] = []
        self._width = 0
        self.header_row: int | None = None
        self.roles: dict[int, list[Column]] = {}

    def set_rows(self, rows: list[tuple[int, list[str]]], header_row: int | None,
                 roles: dict[int, list[Column]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._width = max((len(cells) for _line, cells in self._rows), default=0)
        self.header_row = header_row
        self.roles = roles
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section][0]) if 0 <= section < len(self._rows) else None
        if 0 <= section < self._width:
            mapped = self.roles.get(section)
            letter = column_letter(section)
            return f"{letter}: " + ", ".join(role_label(c) for c in mapped) if mapped else letter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line, cells = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        if line == self.header_row:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HEADER_BACKGROUND)
        return None


class ReadModel(QAbstractTableModel):
    """What the import will read from the first lines: one row per good line or problem."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[ImportedRow | RowProblem] = []
        self.headers = [_t("Line"), _t("Student"), _t("Period"), _t("Scheduled"), _t("Absence"), _t("Valid"),
                        _t("Invalid")]

    def set_items(self, items: list[ImportedRow | RowProblem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ImportedRow | RowProblem]:
        return list(self._items)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ROW_ROLE:
            return item
        if isinstance(item, RowProblem):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(PROBLEM_COLOUR)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if index.column() == 0:
                    return str(item.line) if item.line else ""
                if index.column() == 1:
                    return problem_sentence(RowProblem(0, item.code, item.column, item.value))
                return ""
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = item.record
        return (str(item.line), item.student_key, period(record), amount(record.scheduled, record),
                amount(record.absent, record), amount(record.valid, record),
                amount(record.invalid, record))[index.column()]


def span_problems(view: QTableView, model: ReadModel) -> None:
    """Let each problem's sentence run across the columns after the line number."""
    view.clearSpans()
    for row, item in enumerate(model.items()):
        if isinstance(item, RowProblem):
            view.setSpan(row, 1, 1, model.columnCount() - 1)
