"""The case window's "Add … to a calendar (.ics)…" buttons: one meeting of the case as a calendar file.

What the file holds (initials and case number only) is ``reports/ics.py`` and docs/calendar.md. The button
sits under the meeting's date, time and place (the avslut and vidmakthållande pages for the boosterträff, the
plan and uppföljning pages for the next uppföljning); it takes what is typed on the page (unsaved too: the
worker books the time and puts it in the calendar at once), asks where to save, and in the background logs
the export (``cases.record_case_action``: EXPORT "kalenderfil", checked like any export of the case) and then
writes the file with ``fileio.write_export`` (never over a database or key file; nothing half-written).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from sst_desk.reports.ics import Meeting, MeetingKind, booster_meeting, follow_up_meeting, meeting_ics, \
    suggested_file_name
from sst_desk.workflow.access import Action
from sst_desk.workflow.entities import Case

CONTEXT = "CalendarExport"
LOG_DETAIL = "kalenderfil"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def button_text(kind: MeetingKind) -> str:
    if kind is MeetingKind.BOOSTER:
        return _t("Add the booster session to a calendar (.ics)…")
    return _t("Add the follow-up to a calendar (.ics)…")


def calendar_button(page, kind: MeetingKind) -> QPushButton:
    """A button on ``page`` (a ``StagePage``) that exports its case's meeting of ``kind``."""
    button = QPushButton(button_text(kind), page.content)
    button.setAccessibleName(button.text())
    button.setToolTip(_t("A calendar file for Outlook or your phone: the student's initials and the case number "
                         "only, never the name or personal identity number."))
    button.clicked.connect(lambda: export_from_page(page, kind))
    return button


def add_calendar_button(page, kind: MeetingKind) -> QPushButton:
    """``calendar_button`` put on the page under the meeting's fields, at its natural width (a page-wide
    button read as the page's main action)."""
    button = calendar_button(page, kind)
    page.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    return button


def choose_ics_target(parent: QWidget, suggested: str) -> str | None:
    """Ask where to save the calendar file (the Documents folder by default); None when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    target, _ = QFileDialog.getSaveFileName(parent, _t("Save the calendar file as"), str(Path(folder) / suggested),
                                            _t("Calendar files (*.ics)"))
    return target or None


def export_from_page(page, kind: MeetingKind, *, done: Callable[[Path], None] | None = None):
    """Take the page's typing into its case, then export the meeting (see the module's note)."""
    case: Case | None = page.case
    if case is None:
        return None
    errors = page.store(case)
    if errors:
        page.show_errors(errors)
        return None
    title = button_text(kind).rstrip("…")
    if case.id is None:
        QMessageBox.information(page, title, _t("Save the case first: the calendar file names its case number."))
        return None
    meeting = booster_meeting(case) if kind is MeetingKind.BOOSTER else follow_up_meeting(case)
    if meeting is None:
        QMessageBox.information(page, title, _t("Set the meeting's date first.") if kind is MeetingKind.BOOSTER
                                else _t("Set the date of the next follow-up first (a closed case has none)."))
        return None
    target = choose_ics_target(page, suggested_file_name(meeting))
    if target is None:
        return None
    path = Path(target if target.lower().endswith(".ics") else target + ".ics")
    return write_calendar_file(page, page.context, meeting, path, force=str(path) == target, done=done)


def write_calendar_file(parent: QWidget, context, meeting: Meeting, path: Path, *, force: bool,
                        done: Callable[[Path], None] | None = None):
    """Log the export, then write the file, off the UI thread; the running ``Operation``."""
    from sst_desk.fileio import write_export
    from sst_desk.ui.common.operations import Operation

    door, data = context.door, meeting_ics([meeting])
    database = getattr(context.db, "path", None)
    case_id = meeting.case_number

    def work() -> Path:
        door.cases.record_case_action(case_id, Action.EXPORT, LOG_DETAIL)  # refused → nothing written
        return write_export(data, path, force=force, database=database)

    def written(result: Path) -> None:
        if done is not None:
            done(result)

    def failed(exc: BaseException) -> None:
        from sst_desk.ui.common.errors import database_error_text

        QMessageBox.warning(parent, _t("The calendar file was not saved"), database_error_text(exc))

    return Operation(parent, work).success(written).failure(failed).run_in_background()
