"""What every stage page has: a scrolling body, the student's own view, load/store/errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case
from sst_desk.workflow.problems import Finding
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.case.forms import ERROR_STYLE, Field, Form, Kind, elided
from sst_desk.ui.common.listeditor import ListEditor
from sst_desk.ui.common.messages import message


def iso_date(value: dt.date | None) -> str:
    """A date as the lists show it (ISO, as the worker types it), or nothing."""
    return value.isoformat() if value else ""


class StagePage(QWidget):
    """Base of the stage pages. Subclasses add widgets to ``body`` and override load/store."""

    sig_changed = Signal()
    """Emitted when the worker changed something on the page."""

    stage: Stage | None = None

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.case: Case | None = None
        self.locked_note = QLabel(self)
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 8px;")
        self.locked_note.hide()
        self.general_errors = QLabel(self)  # what cannot be put next to one field
        self.general_errors.setWordWrap(True)
        self.general_errors.setStyleSheet(ERROR_STYLE)
        self.general_errors.hide()
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.general_errors)
        layout.addWidget(scroll)
        self.forms: list[tuple[Form, Callable[[Case], object | None]]] = []

    def heading(self, text: str) -> QLabel:
        label = QLabel(f"<h3 style='margin:10px 0 2px 0'>{text}</h3>", self.content)
        self.body.addWidget(label)
        return label

    def add_form(self, fields: list[Field], target: Callable[[Case], object | None] = lambda case: case) -> Form:
        """A form bound to ``target(case)`` (the case itself, its kartläggning, its current plan…)."""
        form = Form(fields, self.content)
        form.sig_changed.connect(self.sig_changed)
        self.body.addWidget(form)
        self.forms.append((form, target))
        return form

    def add_list(self, editor: ListEditor) -> ListEditor:
        """Put a list on the page; after an add, edit or remove the page re-shows its lists and is dirty."""
        editor.sig_changed.connect(self._list_changed)
        self.body.addWidget(editor)
        return editor

    def _list_changed(self) -> None:
        self.refresh()
        self.sig_changed.emit()

    def refresh(self) -> None:
        """Show the case's lists again (after a load, or a change in one of them); pages with lists override."""

    def add_student_view(self) -> None:
        """The student's own view (barnets röst) has a place in every stage."""
        self.add_form([
            Field("view", self.tr("The student's own view"), Kind.MULTILINE, lines=3,
                  placeholder=self.tr("In the student's own words, if possible."),
                  getter=lambda case: case.student_view(self.stage),
                  setter=lambda case, text: case.set_student_view(self.stage, text)),
        ])

    def set_locked(self, reason: str | None) -> None:
        """Show a locked page read-only, with the reason it is locked."""
        self.locked_note.setVisible(bool(reason))
        self.locked_note.setText(reason or "")
        self.content.setEnabled(not reason)

    def today(self) -> dt.date:
        return self.context.today()

    def refused(self, title: str, finding: Finding | None) -> bool:
        """Tell the worker why the workflow keeps a change from happening (``finding``); True when it did."""
        if finding is None:
            return False
        QMessageBox.information(self, title, message(replace(finding, detail=elided(finding.detail))))
        return True

    # --- subclasses override ----------------------------------------------------

    def load(self, case: Case) -> None:
        self.case = case
        for form, target in self.forms:
            obj = target(case)
            form.setEnabled(obj is not None)
            if obj is not None:
                form.load(obj)
        self.refresh()

    def take_in(self, case: Case) -> None:
        """Show a merged newer copy (``CaseWindow.take_in``): fields the worker has not touched take its values,
        the worker's own edits stay as typed, the lists show its rows."""
        self.case = case
        for form, target in self.forms:
            obj = target(case)
            form.setEnabled(obj is not None)
            if obj is not None:
                form.load_untouched(obj)
        self.refresh()

    def store(self, case: Case) -> dict[str, str]:
        """Write the page into ``case``; return field messages (nothing is written for a field in error)."""
        errors: dict[str, str] = {}
        for form, target in self.forms:
            obj = target(case)
            if obj is not None:
                errors.update(form.store(obj))
        return errors

    def field_names(self) -> set[str]:
        """The names of the fields this page shows (where a message about them belongs)."""
        return {name for form, _target in self.forms for name in form.fields}

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; those with no field on this page in a line at the top."""
        for form, _target in self.forms:
            form.show_errors(errors)
        shown = {name for form, _target in self.forms for name in form.fields}
        rest = [text for name, text in errors.items() if name not in shown]
        self.general_errors.setText("\n".join(dict.fromkeys(rest)))
        self.general_errors.setVisible(bool(rest))
