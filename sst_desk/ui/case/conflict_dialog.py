"""Both values side by side: when someone else saved the same fields differently, the person chooses.

``services.cases.save_case`` merged everything else and stopped at the fields both changed
(``SaveConflict``). Each is shown with the person's value ("Your value") and the stored one ("Saved by
…"), whole — long texts wrap and the dialog scrolls, nothing is clipped — with a choice per field. "Save
with my choices" returns a side per conflict's path; "Cancel" changes nothing: everything the person typed
stays in the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sst_desk.workflow.merge import Conflict, Side
from sst_desk.ui.case.conflict_words import conflict_place, value_text

VALUE_STYLE = "background: #f6f6f6; border: 1px solid #d0d0d0; padding: 6px;"


class ConflictDialog(QDialog):
    """One box per conflicting field: the two values and a choice; the person's own value chosen first."""

    def __init__(self, conflicts: Sequence[Conflict], saved_by: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else saved this case"))
        self.setAccessibleName(self.tr("Choose which values to keep"))
        self.conflicts = list(conflicts)
        theirs_title = (self.tr("Saved by %1").replace("%1", saved_by) if saved_by
                        else self.tr("Saved by someone else"))
        intro = QLabel(self.tr(
            "Someone else saved this case after you opened it. Their changes and yours are kept together, "
            "except in the fields below, which you both changed. Choose for each which value to keep; "
            "nothing has been saved yet."), self)
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("What happened"))
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._groups: list[QButtonGroup] = []
        for conflict in self.conflicts:
            where = conflict_place(conflict)
            box = QGroupBox(where, body)
            box.setAccessibleName(where)
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            mine = QRadioButton(self.tr("Your value"), box)
            mine.setAccessibleName(self.tr("Your value: %1").replace("%1", where))
            theirs = QRadioButton(theirs_title, box)
            theirs.setAccessibleName(f"{theirs_title}: {where}")
            group = QButtonGroup(box)
            group.addButton(mine)
            group.addButton(theirs)
            self._groups.append(group)
            mine.setChecked(True)
            for column, (button, value) in enumerate(((mine, conflict.mine), (theirs, conflict.theirs))):
                shown = QLabel(self._value(conflict, value), box)
                shown.setWordWrap(True)
                shown.setTextFormat(Qt.TextFormat.PlainText)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                shown.setStyleSheet(VALUE_STYLE)
                shown.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                shown.setBuddy(button)  # read with its choice; a screen reader reads the value as the label's text
                grid.addWidget(button, 0, column)
                grid.addWidget(shown, 1, column)
            self.choices[conflict.path] = (mine, theirs)
            rows.addWidget(box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save with my choices"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save with my choices"))
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(760, min(220 + 170 * len(self.conflicts), 720))

    def _value(self, conflict: Conflict, value: object) -> str:
        if conflict.field is None and value is None:
            return self.tr("(removed)")
        return value_text(value, conflict.kind, conflict.field)

    def resolutions(self) -> dict[str, Side]:
        """The side chosen for each conflict's path."""
        return {path: Side.MINE if mine.isChecked() else Side.THEIRS for path, (mine, _theirs) in self.choices.items()}


def choose(parent: QWidget, conflicts: Sequence[Conflict], saved_by: str | None) -> dict[str, Side] | None:
    """Ask; the chosen sides, or None when the person cancelled."""
    dialog = ConflictDialog(conflicts, saved_by, parent)
    try:
        return dialog.resolutions() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
