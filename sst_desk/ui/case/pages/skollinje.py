"""Skollinjen in the case window: the chart, this term's key figures, and the worker's events on the time axis.

The attendance records come from the database when the page is shown (reading
them is logged as a view of the case), and stay until the case window shows
another case. Events are part of the case: adding one marks the window dirty
and Save writes it with the case, like every other list on the pages.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from sst_desk.workflow import attendance, skollinje
from sst_desk.workflow.attendance import AttendanceRecord, Granularity
from sst_desk.workflow.codes import EventKind
from sst_desk.workflow.entities import Case, CaseEvent
from sst_desk.workflow.validation import validate_event
from sst_desk.ui.skollinje import text
from sst_desk.ui.common.dialogs import edit_record
from sst_desk.ui.case.forms import Field, Kind
from sst_desk.ui.common.labels import choices, label
from sst_desk.ui.common.listeditor import Column, ListEditor
from sst_desk.ui.skollinje.chart import SkollinjeChart
from sst_desk.ui.case.pages.base import StagePage, iso_date

log = logging.getLogger(__name__)

BADGE_STYLES = {
    "warn": "background: #fff4e5; color: #7a4b00; border: 1px solid #f0c36d; border-radius: 9px; padding: 2px 10px;",
    "alert": "background: #fdecea; color: #b00020; border: 1px solid #e6a3a3; border-radius: 9px; padding: 2px 10px;",
}


class KeyFigures(QGroupBox):
    """This term's absence, the longest absence, ströfrånvaro, and the change since the baseline at inskrivning."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("This term"))
        self.badge = QLabel(self)
        self.badge.hide()
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        captions = [
            [("absence", self.tr("Absence")), ("valid", self.tr("Valid absence")),
             ("invalid", self.tr("Invalid absence"))],
            [("longest", self.tr("Longest continuous absence")),
             ("scattered", self.tr("Scattered absence (ströfrånvaro)"))],
            [("baseline", self.tr("Baseline at enrolment")), ("change", self.tr("Change since enrolment"))],
        ]
        for column, group in enumerate(captions):
            for row, (key, caption) in enumerate(group):
                name = QLabel(caption, self)
                name.setStyleSheet("color: #5f6368;")
                value = QLabel("–", self)
                value.setAccessibleName(caption)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                grid.addWidget(name, row, column * 2)
                grid.addWidget(value, row, column * 2 + 1)
                self.values[key] = value
        # The middle values are sentences (a date span, "4 of 8 occasions · a pattern…"): give them the room.
        for column, stretch in ((1, 1), (3, 3), (5, 2)):
            grid.setColumnStretch(column, stretch)
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addStretch(1)
        outer = QGridLayout(self)
        outer.addLayout(top, 0, 0)
        outer.addLayout(grid, 1, 0)

    def value(self, key: str) -> str:
        return self.values[key].text()

    def show_figures(self, summary, flag, base, change, thresholds) -> None:
        """Fill in from ``attendance.term_status``, ``baseline`` and ``change_since_baseline`` (any may be None)."""
        self.setTitle(self.tr("This term (%1)").replace("%1", text.span(summary.start, summary.end))
                      if summary is not None else self.tr("This term"))
        self.values["absence"].setText(text.percent(summary.absence_percent) if summary else "–")
        self.values["valid"].setText(text.percent(summary.valid_percent) if summary else "–")
        self.values["invalid"].setText(text.percent(summary.invalid_percent) if summary else "–")
        self.values["longest"].setText(self._run_text(summary.longest_continuous if summary else None))
        self.values["scattered"].setText(self._scattered_text(summary))
        self.values["baseline"].setText(text.percent(base.absence_percent) if base is not None else "–")
        self.values["baseline"].setToolTip(text.span(base.start, base.end) if base is not None else "")
        self.values["change"].setText(text.points_change(change.points) if change is not None else "–")
        if change is not None:
            self.values["change"].setToolTip(self.tr("From the baseline %1 to the last weeks, %2").replace(
                "%1", text.span(change.baseline.start, change.baseline.end)).replace(
                "%2", text.span(change.recent.start, change.recent.end)))
        kind = None if flag is None else {attendance.Flag.WARN: "warn", attendance.Flag.ALERT: "alert"}.get(flag)
        if kind is None or thresholds is None:
            self.badge.hide()
            return
        limit = thresholds.alert_percent if kind == "alert" else thresholds.warn_percent
        badge = self.tr("Over %1 % this term").replace("%1", text.number(limit, 0 if float(limit).is_integer() else 1))
        self.badge.setText(("⚠ " if kind == "alert" else "") + badge)
        self.badge.setAccessibleName(badge)
        self.badge.setStyleSheet(BADGE_STYLES[kind])
        self.badge.show()

    def _run_text(self, run) -> str:
        if run is None:
            return "–"
        if run.granularity is Granularity.WEEK:
            amount = self.tr("%n week(s)", "", run.periods)
        else:
            amount = self.tr("%n school day(s)", "", run.periods)
        return f"{amount}: {text.span(run.start, run.end)}"

    def _scattered_text(self, summary) -> str:
        if summary is None:
            return "–"
        shown = self.tr("%1 of %2 occasions").replace("%1", str(summary.scattered_occasions)).replace(
            "%2", str(summary.occasions))
        return shown + (" · " + self.tr("a pattern of scattered absence") if summary.scattered else "")


class SkollinjePage(StagePage):
    """The skollinje of the case: absence over time with stages, insatser, goals and events; events editable."""

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.records: list[AttendanceRecord] = []
        self._records_of: int | None = None  # the case id the records were read for
        self.problem = QLabel(self.content)  # a database error while reading the attendance
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 6px;")
        self.problem.hide()
        self.body.addWidget(self.problem)
        # Week by week by default; month by month reads the long view (several school years) more calmly.
        self.bucket = QComboBox(self.content)
        self.bucket.addItem(self.tr("Week by week"), "week")
        self.bucket.addItem(self.tr("Month by month"), "month")
        bucket_label = QLabel(self.tr("Show absence"), self.content)
        bucket_label.setBuddy(self.bucket)
        self.bucket.setAccessibleName(bucket_label.text())
        self.bucket.currentIndexChanged.connect(lambda _index: self.refresh())
        row = QHBoxLayout()
        row.addWidget(bucket_label)
        row.addWidget(self.bucket)
        row.addStretch(1)
        self.body.addLayout(row)
        self.chart = SkollinjeChart(self.content)
        self.body.addWidget(self.chart)
        self.caption = QLabel(self.content)  # the keyboard's week, for those who cannot hover
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #1f4e79;")
        self.caption.setAccessibleName(self.tr("Highlighted period"))
        self.chart.sig_highlighted.connect(self.caption.setText)
        self.body.addWidget(self.caption)
        self.figures = KeyFigures(self.content)
        self.body.addWidget(self.figures)
        self.events = ListEditor(
            self.tr("Events"),
            [Column(self.tr("Date"), lambda e: iso_date(e.on)), Column(self.tr("Kind"), lambda e: label(e.kind)),
             Column(self.tr("Note"), lambda e: e.note, True)],
            add=self._add, edit=self._edit, remove=self._remove,
            add_text=self.tr("Add event"), edit_text=self.tr("Edit event"), remove_text=self.tr("Remove event"),
            empty_text=self.tr("No event noted. A school change, a placement or an illness noted here is marked "
                               "on the school line."), parent=self.content)
        self.add_list(self.events)

    # --- loading ---------------------------------------------------------------

    def load(self, case: Case) -> None:
        if case.id is None or case.id != self._records_of:
            self.records, self._records_of = [], None
        super().load(case)
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """Read the student's attendance again in the background, and redraw when it arrives."""
        from sst_desk.ui.common.operations import Operation

        self.problem.hide()
        case_id = self.case.id if self.case is not None else None
        self._reading = getattr(self, "_reading", 0) + 1
        if case_id is None or getattr(self.context.db, "actor", None) is None:
            self._records_arrived(self._reading, case_id, [])
            return
        door, reading = self.context.door, self._reading
        Operation(self, lambda: door.attendance.attendance_for_case(case_id)) \
            .success(lambda records: self._records_arrived(reading, case_id, records)) \
            .failure(lambda exc: self._read_failed(reading, case_id, exc)).run_in_background()

    def _records_arrived(self, reading: int, case_id: int | None, records: list[AttendanceRecord]) -> None:
        if reading != self._reading:
            return  # a newer read is on its way
        self.records, self._records_of = list(records), case_id
        self.refresh()

    def _read_failed(self, reading: int, case_id: int | None, exc: BaseException) -> None:
        from sst_desk.ui.common.errors import database_error_text

        if reading != self._reading:
            return
        log.warning("Could not read the attendance of case %s: %s", case_id, type(exc).__name__)
        self.problem.setText(database_error_text(exc))
        self.problem.show()
        self._records_arrived(reading, case_id, [])

    def thresholds(self):
        return self.context.thresholds  # the team's limits (its database), as the case list flags them

    def refresh(self) -> None:
        case = self.case
        self.events.set_items(sorted(case.events, key=lambda e: e.on) if case else [])
        if case is None or not self.records:
            self.chart.set_model(None)
            self.figures.show_figures(None, None, None, None, None)
            self.figures.hide()  # a panel of dashes says nothing the chart's sentence does not
            return
        self.figures.show()
        today, thresholds = self.today(), self.thresholds()
        self.chart.set_model(skollinje.build_skollinje(case, self.records, today=today, thresholds=thresholds,
                                                       bucket=self.bucket.currentData()),
                             self.records[0].unit)
        summary, flag = attendance.term_status(self.records, today, thresholds)
        change = base = None
        if case.enrolled_on is not None:
            change = attendance.change_since_baseline(self.records, case.enrolled_on, today)
            base = change.baseline if change is not None else attendance.baseline(self.records, case.enrolled_on)
        self.figures.show_figures(summary, flag, base, change, thresholds)

    # --- events ----------------------------------------------------------------

    def _fields(self) -> list[Field]:
        return [
            Field("on", self.tr("Date"), Kind.DATE),
            Field("kind", self.tr("Kind"), Kind.CHOICE, choices(EventKind)),
            Field("note", self.tr("Note"), Kind.MULTILINE, lines=2,
                  placeholder=self.tr("What happened, briefly (at most 500 characters).")),
        ]

    def _add(self) -> bool:
        event = CaseEvent(on=self.today(), kind=EventKind.SKOLBYTE, note="")
        if edit_record(self, self.tr("Add event"), self._fields(), event, validate_event):
            self.case.events.append(event)
            return True
        return False

    def _edit(self, event: CaseEvent) -> bool:
        return edit_record(self, self.tr("Edit event"), self._fields(), event, validate_event)

    def _remove(self, event: CaseEvent) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove event"), self.tr(
            "Remove the event \u201c%1\u201d on %2?").replace("%1", label(event.kind)).replace("%2", iso_date(event.on)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.case.events.remove(event)
        return True
