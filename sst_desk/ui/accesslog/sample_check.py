"""Stickprov: the team lead draws random entries of a period from the access log, looks at each, and
documents the outcome (no remarks, or what needs follow-up). HSLF-FS 2016:40 asks for such checks to be
regular, systematic and documented; the outcome is stored and the check itself is logged."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desk.services import Door
from sst_desk.services.errors import AccessDeniedError, DatabaseError
from sst_desk.workflow.logchain import SampleCheck, SampleOutcome
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.forms import ERROR_STYLE
from sst_desk.ui.accesslog.model import LogColumn, LogTableModel, outcome_word
from sst_desk.ui.common.operations import run_and_wait
from sst_desk.ui.common.widgets import DateField

DEFAULT_SAMPLE = 10
CONTEXT = "SampleCheckDialog"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def error_label(parent: QWidget) -> QLabel:
    """A hidden red message under an input (``person.shown_errors`` finds it by its style)."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def failure_text(exc: BaseException) -> str:
    """One sentence for what went wrong while reading or writing the log."""
    if isinstance(exc, AccessDeniedError):
        return _t("You do not have access to the access log.")
    return database_error_text(exc)


def read_period(since_field: DateField, until_field: DateField, since_error: QLabel,
                until_error: QLabel) -> tuple[dt.date | None, dt.date | None, bool]:
    """(from, to, ok) from two date fields, with a message under the one that is wrong."""
    since, since_ok = since_field.parse()
    until, until_ok = until_field.parse()
    bad_date = _t("Write the date as YYYY-MM-DD.")
    show_error(since_error, "" if since_ok else bad_date)
    show_error(until_error, "" if until_ok else bad_date)
    if since_ok and until_ok and since and until and until < since:
        show_error(until_error, _t("The period cannot end before it starts."))
        return since, until, False
    return since, until, since_ok and until_ok


class SampleCheckDialog(QDialog):
    """Draw N random entries of a period, look at them, record the outcome and a note."""

    def __init__(self, door: Door, since: dt.date, until: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.door = door
        self.saved: SampleCheck | None = None
        self.drawn_period: tuple[dt.date, dt.date] | None = None
        self.setWindowTitle(self.tr("Sample check of the access log"))
        self.setAccessibleName(self.tr("Sample check of the access log"))

        intro = QLabel(self.tr("Entries are drawn at random from the period's accesses to students' data. Check "
                               "that each person had a reason to open, change or print what they did, then "
                               "record the outcome."), self)
        intro.setWordWrap(True)
        self.since = self._date(self.tr("From"), since)
        self.until = self._date(self.tr("To"), until)
        self.since_error, self.until_error = error_label(self), error_label(self)
        self.count = QSpinBox(self)
        self.count.setRange(1, 500)
        self.count.setValue(DEFAULT_SAMPLE)
        self.count.setAccessibleName(self.tr("Number of entries"))
        self.draw_button = QPushButton(self.tr("Draw entries"), self)
        self.draw_button.setAccessibleName(self.tr("Draw entries"))
        self.draw_button.clicked.connect(self.draw)
        self.drawn_info = QLabel(self)
        self.model = LogTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Drawn entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LogColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.outcome = QComboBox(self)
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self._outcomes = list(SampleOutcome)
        self.outcome.addItems([outcome_word(o) for o in self._outcomes])
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What was checked, and what must be followed up"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note_error = error_label(self)
        self.draw_error = error_label(self)
        self._layout(intro)
        self.resize(860, 600)

    def _date(self, name: str, value: dt.date) -> DateField:
        field = DateField(self)
        field.setAccessibleName(name)
        field.set_date(value)
        return field

    def _layout(self, intro: QLabel) -> None:
        period = QGridLayout()
        for column, (text, widget, error) in enumerate(((self.tr("From"), self.since, self.since_error),
                                                         (self.tr("To"), self.until, self.until_error),
                                                         (self.tr("Number of entries"), self.count, None))):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            period.addWidget(caption, 0, column)
            period.addWidget(widget, 1, column)
            if error is not None:
                period.addWidget(error, 2, column)
        period.addWidget(self.draw_button, 1, 3)
        period.addWidget(self.drawn_info, 1, 4)
        period.setColumnStretch(4, 1)
        outcome = QFormLayout()
        outcome.addRow(self.tr("Outcome"), self.outcome)
        outcome.addRow(self.tr("Note"), self._with_error(self.note, self.note_error))
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("Save sample check"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setAccessibleName(self.tr("Save sample check"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(period)
        layout.addWidget(self.draw_error)
        layout.addWidget(self.table, 1)
        layout.addLayout(outcome)
        layout.addWidget(buttons)

    @staticmethod
    def _with_error(widget: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        return box

    def draw(self) -> None:
        since, until, ok = read_period(self.since, self.until, self.since_error, self.until_error)
        if not ok or since is None or until is None:
            if ok:
                show_error(self.until_error if since else self.since_error, self.tr("Choose the period to check."))
            return
        try:
            door, count = self.door, self.count.value()
            rows = run_and_wait(self, lambda: door.accesslog.draw_sample(since, until, count))
        except (DatabaseError, OSError) as exc:
            show_error(self.draw_error, self._failure(exc))
            return
        show_error(self.draw_error, "")
        self.model.set_rows(rows)
        self.drawn_period = (since, until)
        self.drawn_info.setText(
            self.tr("%1 entries drawn.").replace("%1", str(len(rows))) if rows
            else self.tr("No one accessed students' data in this period."))

    def save(self) -> None:
        if self.drawn_period is None:
            show_error(self.draw_error, self.tr("Draw the entries first."))
            return
        outcome = self._outcomes[self.outcome.currentIndex()]
        note = self.note.toPlainText().strip()
        if outcome is SampleOutcome.FOLLOW_UP and not note:
            show_error(self.note_error, self.tr("Say what must be followed up."))
            self.note.setFocus()
            return
        show_error(self.note_error, "")
        since, until = self.drawn_period
        try:
            door, seqs = self.door, [r.seq for r in self.model.rows()]
            self.saved = run_and_wait(self, lambda: door.accesslog.record_sample_check(since, until, seqs, outcome, note))
        except (DatabaseError, OSError) as exc:
            show_error(self.draw_error, self._failure(exc))
            return
        self.accept()

    def _failure(self, exc: BaseException) -> str:
        return failure_text(exc)
