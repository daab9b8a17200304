"""Printing through any door, local or remote: the batch of handlingsplaner is made where the person is.

The team server writes no file on a client's word (docs/server.md), so ``printing.print_batch`` is not offered
over the wire. ``print_batch(door, …)`` does the same with use cases the server does offer: each case is
checked (``cases.may``) and loaded (``cases.load_case``: the view is checked and logged on the server), the
PDF is built and written on this computer, and every print is checked and logged on the server in one
transaction (``printing.record_prints``) once the file's bytes are on disk — a refusal there leaves no file.
A single document needs none of this: ``printing.print_document`` without ``target`` returns the PDF's bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sst_desk.reports.base import ReportContext
from sst_desk.services.errors import CaseNotFound
from sst_desk.services.printing import NoPlansToPrint, plan_to_print
from sst_desk.workflow.access import Action
from sst_desk.workflow.entities import Case


def load_plans(door: Any, case_ids: list[int], progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> list[Case]:
    """The chosen cases the person may print that have a plan in force, by school and name."""
    found: list[Case] = []
    for done, case_id in enumerate(case_ids, start=1):
        if cancelled is not None and cancelled():
            break
        if door.cases.may(Action.PRINT, case_id):
            try:
                case = door.cases.load_case(case_id)
            except CaseNotFound:
                case = None
            if case is not None and plan_to_print(case) is not None:
                found.append(case)
        if progress is not None:
            progress(done, len(case_ids))
    found.sort(key=lambda c: (c.student.school.casefold(), c.student.last_name.casefold(),
                              c.student.first_name.casefold()))
    return found


def print_batch(door: Any, case_ids: list[int], *, report: ReportContext, today: dt.date, target: Path,
                force: bool = False, title: str = "Handlingsplaner",
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None):
    """``services.printing.print_batch`` through ``door`` (a remote one included); the same outcome and errors."""
    from sst_desk.reports.batch import write_batch

    n = len(case_ids)
    step = (lambda done, _total: progress(done, 2 * n)) if progress is not None else None
    found = load_plans(door, case_ids, step, cancelled)
    if not found and not (cancelled is not None and cancelled()):
        raise NoPlansToPrint("no chosen case has a plan in force to print")

    def attendance_of(case: Case):
        assert case.id is not None
        return door.attendance.attendance_for_case(case.id)

    building = (lambda done, total: progress(n + done * n // total, 2 * n)) if progress is not None else None
    return write_batch(found, report, Path(target), today=today, cancelled=cancelled, force=force, database=None,
                       record=door.printing.record_prints, title=title, attendance=attendance_of, progress=building)
