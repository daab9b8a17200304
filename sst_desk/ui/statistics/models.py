"""Read-only table models of the statistics: one ``CountTable`` or one list of ``Distribution``s each.

Neither model computes, adds or unsuppresses anything: they show the ``Statistics`` that
``workflow.statistics.compute`` made. A cell below the threshold shows "<5" (``<min_cell``), a cell hidden to
protect another one ".." (it holds at least the threshold), each with a tooltip saying why
(``words.cell_text``).

Roles (besides Display, ToolTip, TextAlignment, Font and AccessibleText):

- ``CELL_ROLE``: the ``Cell`` behind a count (row and column totals included), None for a header.
- ``MARGIN_ROLE``: True for the totals row and column (shown in bold).
- ``VALUE_ROLE``: the number behind a cell (an int count, a float figure), None when hidden or empty —
  what a test or a copy would compare, never the text.
- ``DISTRIBUTION_ROLE``: the ``Distribution`` behind a row of a ``DistributionModel``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from sst_desk.workflow.stats_model import Cell, CountTable, Distribution, Statistics
from sst_desk.ui.statistics.words import cell_text, code_words, group_words, mark_text, number_words, total_words

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "StatisticsWindow"

CELL_ROLE = Qt.ItemDataRole.UserRole + 1
MARGIN_ROLE = Qt.ItemDataRole.UserRole + 2
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3
DISTRIBUTION_ROLE = Qt.ItemDataRole.UserRole + 4

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def why_hidden(cell: Cell, stats: Statistics | None) -> str:
    """The tooltip of a hidden cell: below the threshold itself ("<5"), or at least the threshold and hidden so
    that a smaller group cannot be worked out from the totals (".."; docs/statistics.md)."""
    threshold = str(stats.request.min_cell if stats is not None else 5)
    if cell.primary:
        return _t("Fewer than %1 students: the number is not shown, so that no student can be recognised.") \
            .replace("%1", threshold)
    return _t("Hidden so that a smaller group cannot be worked out from the totals.")


class CountTableModel(QAbstractTableModel):
    """One ``CountTable``: its rows and columns, then a "Total" column and row (the margins, bold)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: CountTable | None = None
        self.stats: Statistics | None = None

    def set_table(self, table: CountTable | None, stats: Statistics | None) -> None:
        self.beginResetModel()
        self.table, self.stats = table, stats
        self.endResetModel()

    # --- shape ------------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.columns) + 1

    def is_margin(self, row: int, column: int) -> bool:
        assert self.table is not None
        return row == len(self.table.rows) or column == len(self.table.columns)

    def cell(self, row: int, column: int) -> Cell:
        table = self.table
        assert table is not None
        last_row, last_column = row == len(table.rows), column == len(table.columns)
        if last_row and last_column:
            return table.total
        if last_row:
            return table.column_totals[column]
        if last_column:
            return table.row_totals[row]
        return table.cells[row][column]

    # --- contents ---------------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        cell = self.cell(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(cell, self.stats)
        if role == Qt.ItemDataRole.ToolTipRole:
            return why_hidden(cell, self.stats) if cell.suppressed else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if self.is_margin(row, column) else None
        if role == CELL_ROLE:
            return cell
        if role == MARGIN_ROLE:
            return self.is_margin(row, column)
        if role == VALUE_ROLE:
            return cell.count
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if table is None:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        codes, dimension = (table.columns, table.column_dimension) if horizontal else (table.rows, table.row_dimension)
        if not 0 <= section <= len(codes):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == len(codes):
                return total_words()
            return code_words(dimension, codes[section], self.stats)
        if role == Qt.ItemDataRole.FontRole and section == len(codes):
            return _bold()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class Figure:
    """A column of a ``DistributionModel``: its heading and which ``Distribution`` figure it shows."""

    heading: str
    attribute: str  # "n", "median", "q1", "q3", "mean", or "quartiles" (q1–q3 in one cell)
    decimals: int = 1


def absence_figures() -> tuple[Figure, ...]:
    return (Figure(_t("Students"), "n"), Figure(_t("Median (percentage points)"), "median"),
            Figure(_t("Middle half (q1 to q3)"), "quartiles"), Figure(_t("Mean"), "mean"))


def stage_figures() -> tuple[Figure, ...]:
    return (Figure(_t("Students"), "n"), Figure(_t("Median days"), "median", 0),
            Figure(_t("Middle half (q1 to q3)"), "quartiles", 0))


def insats_figures() -> tuple[Figure, ...]:
    return (Figure(_t("Students"), "n"),
            Figure(_t("Median change in absence at closing (percentage points)"), "median"))


class DistributionModel(QAbstractTableModel):
    """Groups (rows) and their figures (columns): the first column names the group in words."""

    def __init__(self, group_dimension: str, figures: Sequence[Figure], group_heading: str, parent=None) -> None:
        super().__init__(parent)
        self.group_dimension = group_dimension
        self.figures = tuple(figures)
        self.group_heading = group_heading
        self.rows: tuple[Distribution, ...] = ()
        self.stats: Statistics | None = None

    def set_rows(self, rows: Sequence[Distribution], stats: Statistics | None, group_dimension: str | None = None) -> None:
        self.beginResetModel()
        self.rows, self.stats = tuple(rows), stats
        if group_dimension is not None:
            self.group_dimension = group_dimension
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.figures) + 1

    def _value(self, row: Distribution, figure: Figure) -> Any:
        if figure.attribute == "quartiles":
            return None if row.q1 is None or row.q3 is None else (row.q1, row.q3)
        return getattr(row, figure.attribute)

    def _text(self, row: Distribution, figure: Figure) -> str:
        if figure.attribute == "n":
            return mark_text(row.suppressed, row.n_primary, row.n, self.stats)
        value = self._value(row, figure)
        if isinstance(value, tuple):
            return f"{number_words(value[0], figure.decimals)} {_t('to')} {number_words(value[1], figure.decimals)}"
        return number_words(value, figure.decimals)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() <= len(self.figures):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == DISTRIBUTION_ROLE:
            return row
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return group_words(self.group_dimension, row.group, self.stats)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return LEFT
            if role == Qt.ItemDataRole.FontRole:
                return _bold() if row.group == "" else None
            return None
        figure = self.figures[column - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, figure)
        if role == Qt.ItemDataRole.ToolTipRole:
            threshold = str(self.stats.request.min_cell if self.stats else 5)
            if row.suppressed and row.n_primary:
                return _t("Fewer than %1 students: the figures are not shown, so that no student can be "
                          "recognised.").replace("%1", threshold)
            if row.suppressed:
                return _t("Hidden so that a smaller group cannot be worked out from the totals.")
            if figure.attribute != "n" and self._value(row, figure) is None:
                return _t("Fewer than %1 of these students have this figure, so it is not shown.") \
                    .replace("%1", threshold)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if row.group == "" else None
        if role == VALUE_ROLE:
            return self._value(row, figure)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.group_heading
        if 1 <= section <= len(self.figures):
            return self.figures[section - 1].heading
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
