"""Gallring: list the closed cases whose retention has run out, delete them so nothing readable remains,
and finish a purge an earlier gallring could not complete.

The rule (when a case is due) is ``workflow.retention``; who may gallra is the team lead
(``(CASE, DELETE)``, checked here first and again by the storage in the deleting transaction, where
each case is also checked to be due — a check and its deletion must be one transaction). Deleting is one
transaction, then the file's own clean-up (checkpoint, vacuum, a fresh backup, every older backup
purged): ``persistence.gallring`` describes each step, reached here through ``tx.storage``. Slow: the
window runs these in the background.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sst_desk.persistence.backups import DEFAULT_KEEP
from sst_desk.workflow.access import Action, Actor, Resource
from sst_desk.workflow.retention import DueCase, GallringResult, check_years

from sst_desk.services.base import UowFactory

USE_CASES = ("cases_due", "gallra", "finish", "resume_pending")


def cases_due(uow: UowFactory, actor: Actor | None, years: int, today: dt.date) -> list[DueCase]:
    """The closed cases due for gallring on ``today`` with ``years`` of retention, longest overdue first.

    Team lead only (``AccessDeniedError``, logged, for anyone else); the listing is logged (a count).
    A protected student's name is left out unless the team lead is a member of the case.
    """
    check_years(years)
    with uow(actor) as tx:
        tx.require(Resource.CASE, Action.DELETE)
        return tx.storage.cases_due(years, today)


def gallra(uow: UowFactory, actor: Actor | None, case_ids: Iterable[int], *, years: int, today: dt.date,
           keep_backups: int = DEFAULT_KEEP) -> GallringResult:
    """Delete the cases ``case_ids`` (each must be due on ``today`` with ``years``) and every trace of them.

    ``NotDueError`` when one is open, not yet due or gone, ``AccessDeniedError`` for anyone but a team
    lead: then nothing is deleted. ``GallringResult.complete`` is False when the file or an older backup
    could not be cleared (open elsewhere): ``finish`` does the rest later.
    """
    wanted = sorted(set(case_ids))
    check_years(years)
    with uow(actor) as tx:
        tx.require(Resource.CASE, Action.DELETE)
        if not wanted:
            return GallringResult(0, 0, 0)
        return tx.storage.gallra(wanted, years=years, today=today, keep_backups=keep_backups)


def finish(uow: UowFactory, actor: Actor | None, *, keep_backups: int = DEFAULT_KEEP) -> GallringResult:
    """Clear the file and the older backups again, deleting no case (team lead only, like ``gallra``)."""
    with uow(actor) as tx:
        tx.require(Resource.CASE, Action.DELETE)
        return tx.storage.finish_gallring(keep_backups)


def resume_pending(uow: UowFactory, actor: Actor | None, *, keep_backups: int = DEFAULT_KEEP,
                   ) -> GallringResult | None:
    """Finish a purge an earlier gallring left unfinished (killed, or blocked); None when there is none.

    No permission is checked: the team lead's decision was taken and committed; only its clean-up is
    repeated (every start does the same).
    """
    with uow(actor) as tx:
        return tx.storage.resume_gallring(keep_backups)
