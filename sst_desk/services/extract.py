"""Registerutdrag (GDPR art. 15): everything stored about one student, written as a PDF and a JSON file.

Who may make one and what is left out (third parties' contact details, a protected student's
school) is ``persistence.extract``'s docstring: the actor must be allowed ``(CASE, EXPORT)`` on every
case of the student, or nothing is gathered (``AccessDeniedError``, logged). The export is logged only
once both files are on disk, so a failed write leaves no entry claiming one. Slow (every case of the
student, the PDF): the window runs it in the background.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sst_desk.workflow.access import Action, Actor

from sst_desk.services.base import UowFactory

if TYPE_CHECKING:
    from sst_desk.reports.base import ReportContext  # reportlab: imported when a document is written

USE_CASES = ("gather_registerutdrag", "write_registerutdrag")


def gather_registerutdrag(uow: UowFactory, actor: Actor | None, case_id: int, *, now: dt.datetime | None = None,
                          ) -> dict[str, Any]:
    """The registerutdrag of the student of ``case_id`` as JSON-ready data, checked and logged as an export."""
    with uow(actor) as tx:
        _check(tx, case_id)
        return tx.storage.gather_registerutdrag(case_id, now=now, log=True)


def write_registerutdrag(uow: UowFactory, actor: Actor | None, case_id: int, folder: Path, context: ReportContext,
                         *, force: bool = False, now: dt.datetime | None = None) -> tuple[Path, Path]:
    """Write the registerutdrag of the student of ``case_id`` into ``folder``; returns (pdf, json).

    ``fileio.TargetRefused`` (reason ``EXISTS``) when today's files are already there and not ``force``:
    nothing is written or logged then.
    """
    from sst_desk.reports.registerutdrag import write_registerutdrag as write_files

    with uow(actor) as tx:
        _check(tx, case_id)
        store = tx.storage
        data = store.gather_registerutdrag(case_id, now=now, log=False)
        return write_files(data, Path(folder), context, case_id=case_id, force=force, database=store.file,
                           before_commit=lambda: store.record_registerutdrag(case_id))


def _check(tx, case_id: int) -> None:
    """The asked-for case first (``CaseNotFound``, or ``AccessDeniedError`` logged); the storage then checks
    every other case of the student in the gathering transaction."""
    from sst_desk.persistence.errors import CaseNotFound

    found = tx.require_case(Action.EXPORT, case_id)
    tx.rollback()  # end the check's transaction: the storage's own writes the log (SQLite: one writer at a time)
    if found is None:
        raise CaseNotFound(case_id)
