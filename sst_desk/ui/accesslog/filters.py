"""The access log review's filters: user, student (type to search), action, period — and "Show entries".

Choices are kept on the Python side and looked up by index (a combo box's item
data turns str-enums into plain strings, docs/ui.md). A filter that cannot be
used gets a message under it and nothing is read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from sst_desk.services import Door
from sst_desk.services.errors import DatabaseError
from sst_desk.workflow.logchain import LogAction
from sst_desk.ui.accesslog.model import action_word
from sst_desk.ui.accesslog.sample_check import error_label, failure_text, read_period, show_error
from sst_desk.ui.common.operations import run_and_wait
from sst_desk.ui.common.widgets import DateField

DEFAULT_DAYS = 30


class LogFilters(QGroupBox):
    """What to show of the log; ``query()`` gives ``services.accesslog.query_log``'s filters, or None when one
    is wrong."""

    sig_student_changed = Signal()
    """Emitted when another student is chosen (the access history follows the choice)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(self.tr("Show"), parent)
        self._users: list[str | None] = [None]
        self._students: list[tuple[int, str]] = []
        self._actions: list[LogAction | None] = [None, *LogAction]
        self.user_box = self._combo(self.tr("User"))
        self.student_box = self._combo(self.tr("Student"))
        self.student_box.setEditable(True)
        self.student_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.student_box.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.student_box.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.student_box.lineEdit().setAccessibleName(self.tr("Student"))
        self.student_box.lineEdit().setPlaceholderText(self.tr("Type a name"))
        self.student_box.currentIndexChanged.connect(self.sig_student_changed)
        self.student_box.editTextChanged.connect(self.sig_student_changed)
        self.action_box = self._combo(self.tr("Action"))
        self.since, self.until = DateField(self), DateField(self)
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("To"))
        self.since.set_date(today - dt.timedelta(days=DEFAULT_DAYS))
        self.until.set_date(today)
        self.student_error, self.since_error, self.until_error = (error_label(self) for _ in range(3))
        self.error = error_label(self)  # a failure to read, under all the filters
        self.show_button = QPushButton(self.tr("Show entries"), self)
        self.show_button.setAccessibleName(self.tr("Show entries"))
        self.show_button.setDefault(True)
        self._layout()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        return combo

    def _layout(self) -> None:
        grid = QGridLayout(self)
        for column, (label, widget, error) in enumerate((
                (self.tr("User"), self.user_box, None), (self.tr("Student"), self.student_box, self.student_error),
                (self.tr("Action"), self.action_box, None), (self.tr("From"), self.since, self.since_error),
                (self.tr("To"), self.until, self.until_error))):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
            if error is not None:
                grid.addWidget(error, 2, column)
        grid.addWidget(self.show_button, 1, 5)
        grid.addWidget(self.error, 3, 0, 1, 6)

    def load_choices(self, door: Door) -> None:
        """Fill the user and student lists (the students the log mentions, names told apart by id)."""
        try:  # off the UI thread: the database or the team server answers while the window stays responsive
            users, students = run_and_wait(self, lambda: (door.accounts.list_users(manage=False),
                                                          door.accesslog.log_students()))
        except (DatabaseError, OSError) as exc:
            users, students = [], []
            show_error(self.error, failure_text(exc))
        self._users = [None, *(u.username for u in users)]
        self.user_box.addItems([self.tr("All users"), *(f"{u.display_name or u.username} ({u.username})"
                                                        for u in users)])
        names = [name for _, name in students]
        self._students = [(sid, name if names.count(name) == 1 else f"{name} ({sid})") for sid, name in students]
        self.student_box.addItems([self.tr("All students"), *(name for _, name in self._students)])
        self.action_box.addItems([self.tr("All actions"), *(action_word(a) for a in LogAction)])

    def period(self) -> tuple[dt.date | None, dt.date | None, bool]:
        return read_period(self.since, self.until, self.since_error, self.until_error)

    def student(self) -> tuple[int, str] | None:
        """The student chosen (or typed exactly), None for all students or a name not in the list."""
        text = self.student_box.currentText().strip()
        index = self.student_box.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        return self._students[index - 1] if index > 0 else None

    def query(self) -> dict[str, Any] | None:
        """The filters as ``query_log`` keywords; None (with messages under the fields) when one is wrong."""
        text = self.student_box.currentText().strip()
        student = self.student()
        unknown = student is None and bool(text) and text != self.student_box.itemText(0)
        show_error(self.student_error, self.tr("No student by that name in the log.") if unknown else "")
        since, until, dates_ok = self.period()
        if unknown or not dates_ok:
            return None
        return {
            "username": self._users[max(0, self.user_box.currentIndex())],
            "student_id": student[0] if student else None,
            "since": since,
            "until": until,
            "action": self._actions[max(0, self.action_box.currentIndex())],
        }
