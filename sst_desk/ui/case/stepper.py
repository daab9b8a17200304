"""The stages as a stepper down the side of the case window: done, current, locked (reason on hover)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from sst_desk.workflow.steps import StepState  # the states are the workflow's; here they get a colour and words


_COLOURS = {StepState.DONE: "#2e7d32", StepState.CURRENT: "#1565c0", StepState.OPEN: "#2e7d32",
            StepState.LOCKED: "#9e9e9e"}


def _icon(state: StepState) -> QIcon:
    pixmap = QPixmap(20, 20)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_COLOURS[state])
    painter.setPen(QPen(colour, 2))
    if state is StepState.CURRENT:
        painter.setBrush(colour)
    painter.drawEllipse(3, 3, 14, 14)
    if state in (StepState.DONE, StepState.OPEN):
        painter.drawLine(6, 10, 9, 13)
        painter.drawLine(9, 13, 14, 7)
    elif state is StepState.LOCKED:
        painter.drawLine(7, 10, 13, 10)
    painter.end()
    return QIcon(pixmap)


class Stepper(QListWidget):
    """One line per step; ``sig_step_chosen`` carries the index the worker moved to."""

    sig_step_chosen = Signal(int)
    """Emitted with the row when the worker selects a step (mouse or arrow keys)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(3)
        self.setMinimumWidth(220)
        self.setMaximumWidth(270)
        self.currentRowChanged.connect(self.sig_step_chosen)
        self._states = {state: _icon(state) for state in StepState}
        blank = QPixmap(20, 20)
        blank.fill(Qt.GlobalColor.transparent)
        self._blank = QIcon(blank)  # keeps a step without a state (the history) in line with the others
        self._state_words: dict[StepState, str] = {
            StepState.DONE: self.tr("done"), StepState.CURRENT: self.tr("current stage"),
            StepState.OPEN: self.tr("visited"), StepState.LOCKED: self.tr("locked"),
        }

    def set_steps(self, titles: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        for title in titles:
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(200, 34))
            self.addItem(item)
        self.blockSignals(False)

    def set_state(self, row: int, state: StepState | None, tooltip: str = "") -> None:
        item = self.item(row)
        item.setIcon(self._states[state] if state else self._blank)
        item.setToolTip(tooltip)
        font = item.font()
        font.setBold(state is StepState.CURRENT)
        item.setFont(font)
        item.setForeground(QColor("#757575") if state is StepState.LOCKED else QColor("#000000"))
        words = self._state_words.get(state, "") if state else ""
        accessible = f"{item.text()}, {words}" if words else item.text()
        if tooltip and state is StepState.LOCKED:
            accessible += f": {tooltip}"
        item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
        item.setData(Qt.ItemDataRole.UserRole, state.value if state else "")

    def state(self, row: int) -> str:
        return self.item(row).data(Qt.ItemDataRole.UserRole) or ""
