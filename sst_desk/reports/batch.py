"""Many current handlingsplaner as one PDF: the team lead's batch print (issue 5).

Each plan is built on its own with ``build_handlingsplan`` (one document at a
time: reportlab keeps global state) and the finished PDFs are joined with
pypdf. Every plan therefore keeps exactly the page it would have printed
alone: its own running header with the student's name and its own
"Sida x av y". The joined file gets one bookmark per student and its own
title, author, subject and creation date. See docs/reports.md ("Batch print")
for why pypdf rather than one long reportlab story.

Consent: sharing a plan needs a valid samtycke (``workflow.consent_rules``).
A batch has no way to state a legal ground per case, so a case without
consent is skipped and named in the outcome, never printed.

This module does no database work: ``write_batch`` takes a ``record``
callable that checks and logs every print (``services.printing.print_batch`` passes one)
after the document is written whole to a temporary file and before it is put
in place (``fileio.write_export``), so a cancelled, refused or failed batch
leaves neither a file nor a log entry claiming a print.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.consent_rules import consent_missing
from sst_desk.workflow.entities import Case

from sst_desk.fileio import write_export
from sst_desk.reports.base import CREATOR, ReportContext
from sst_desk.reports.fonts import printable
from sst_desk.reports.handlingsplan import build_handlingsplan

Progress = Callable[[int, int], None]  # (plans done, plans in all)
Cancelled = Callable[[], bool]
Record = Callable[[list[tuple[int, str]]], None]  # [(case id, log detail)] -> raises when refused
AttendanceOf = Callable[[Case], Sequence[AttendanceRecord]]  # a case's attendance, for its skollinje

# Documents are built one at a time even if two batches run (reportlab's global state).
_BUILD_LOCK = threading.Lock()


class BatchCancelled(Exception):
    """The person cancelled the batch: nothing was written and nothing was logged."""


class NothingToPrint(ValueError):
    """No case in the batch may be printed (none has a plan, or none has consent)."""


@dataclass
class BatchOutcome:
    """What a batch did: the file, the cases printed, and those skipped for want of consent."""

    path: Path | None
    written: list[Case] = field(default_factory=list)
    skipped: list[Case] = field(default_factory=list)


def print_detail(case: Case) -> str:
    """The access log's detail for one plan of a batch (which document, never its content)."""
    plan = case.current_plan
    return f"handlingsplan v{plan.version} (batch)" if plan is not None else "handlingsplan (batch)"


def partition_by_consent(cases: Sequence[Case], today: dt.date) -> tuple[list[Case], list[Case]]:
    """``(printable, skipped)``: the cases whose plan may be shared today, and those without valid consent."""
    printable_cases: list[Case] = []
    skipped: list[Case] = []
    for case in cases:
        (skipped if consent_missing(case, today) else printable_cases).append(case)
    return printable_cases, skipped


def build_batch(cases: Sequence[Case], context: ReportContext, progress: Progress | None = None,
                cancelled: Cancelled | None = None, *, title: str = "Handlingsplaner",
                attendance: AttendanceOf | None = None) -> bytes:
    """One PDF with every case's current handlingsplan, in the order given.

    ``progress(done, total)`` is called after each plan; ``cancelled()`` is asked before each
    plan and before joining, and ``BatchCancelled`` is raised when it says yes.
    Consent is the caller's business (``partition_by_consent``); this only lays out.
    """
    from pypdf import PdfReader, PdfWriter

    if not cases:
        raise NothingToPrint("a batch needs at least one case")
    total = len(cases)
    writer = PdfWriter()
    for done, case in enumerate(cases, start=1):
        if cancelled is not None and cancelled():
            raise BatchCancelled()
        with _BUILD_LOCK:
            data = build_handlingsplan(case, context, attendance=attendance(case) if attendance is not None else ())
        plan = case.current_plan
        bookmark = case.student.full_name + (f" – version {plan.version}" if plan is not None else "")
        writer.append(PdfReader(io.BytesIO(data)), outline_item=printable(bookmark))
        if progress is not None:
            progress(done, total)
    if cancelled is not None and cancelled():
        raise BatchCancelled()
    _set_metadata(writer, context, title, total)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_batch(cases: Sequence[Case], context: ReportContext, out: Path, *, today: dt.date, record: Record,
                progress: Progress | None = None, cancelled: Cancelled | None = None,
                title: str = "Handlingsplaner", attendance: AttendanceOf | None = None, force: bool = False,
                database: Path | None = None) -> BatchOutcome:
    """Skip the cases without consent, build the rest, write ``out`` whole, log every print, put it in place.

    ``attendance(case)`` gives a case's attendance records for its skollinje (none without it).
    ``out`` follows ``fileio.write_export`` (``force`` replaces an existing file; never a database).
    The prints are logged only once the file's bytes are on disk, so a failed write logs nothing.

    Raises ``NothingToPrint`` (no file) when every case is skipped, ``BatchCancelled`` on cancel,
    ``fileio.TargetRefused`` or ``OSError`` when the file cannot be written.
    """
    printable_cases, skipped = partition_by_consent(cases, today)
    if not printable_cases:
        raise NothingToPrint("no case in the batch has a valid consent to share its plan")
    data = build_batch(printable_cases, context, progress, cancelled, title=title, attendance=attendance)
    if cancelled is not None and cancelled():
        raise BatchCancelled()
    prints = [(case.id, print_detail(case)) for case in printable_cases if case.id is not None]
    path = write_export(data, out, force=force, database=database, before_commit=lambda: record(prints))
    return BatchOutcome(path, list(printable_cases), skipped)


def _set_metadata(writer, context: ReportContext, title: str, plans: int) -> None:
    from pypdf.generic import NameObject, TextStringObject

    created = dt.datetime.now().astimezone()
    offset = created.strftime("%z")
    stamp = created.strftime("D:%Y%m%d%H%M%S") + (f"{offset[:3]}'{offset[3:]}'" if offset else "")
    writer.add_metadata({
        "/Title": printable(title),
        "/Author": printable(context.printed_by or context.team_name),
        "/Subject": printable(f"{plans} handlingsplaner, utskrivna {context.printed_on.isoformat()}"),
        "/Keywords": "handlingsplan, skolsocialt team",
        "/Creator": CREATOR,
        "/CreationDate": stamp,
        "/ModDate": stamp,
    })
    writer._root_object[NameObject("/Lang")] = TextStringObject("sv-SE")  # noqa: SLF001 (no public setter)
    writer.page_mode = "/UseOutlines"  # open with the bookmarks (one per student) showing
