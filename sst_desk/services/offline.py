"""The laptop's offline copy, as the team server hands it out and hears back of it (docs/security.md, "The
offline copy").

A laptop signed in to the team server keeps an encrypted copy of the cases its person works on
(``sst_desk/offline``). Two use cases serve it:

* ``offline_copy(known)``: the person's own cases (those they are responsible for: a case member) whose
  stored revision differs from the laptop's ``known`` revision, whole; the ids the laptop must drop (no
  longer the person's, no longer visible, gallrad); and the case-list rows of the cases it keeps. Only a
  case member's cases are copied — a team lead's view of the whole team is not — so a protected student's
  case is copied only to the people responsible for it. Each case copied is logged (``offline_copy``, with
  the revision): a data-protection officer sees which case left the server for which laptop, and when.
  With each case copied comes its room's shared-document state (``rooms.case_room_state``), so that edits
  made offline in the case window merge into the room's history when the laptop joins it again.
* ``record_offline_views(views)``: the cases the person opened from the copy while the server could not be
  reached, each logged as a ``view`` with the time it was opened (detail ``offline=<ISO time>``) — only if
  the person may still view the case; otherwise the refusal is logged (``denied``) and the view is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sst_desk.persistence.errors import AccessDeniedError, CaseNotFound
from sst_desk.workflow.access import Action, Actor
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.logchain import LogAction

from sst_desk.services.base import UowFactory
from sst_desk.services.cases import PERMISSIONS_SHOWN, CaseFile

USE_CASES = ("offline_copy", "record_offline_views")

OFFLINE_VIEW_PREFIX = "offline="
"""An offline view's log detail: ``offline=<the ISO time it was opened on the laptop>``."""


@dataclass(frozen=True)
class OfflineCopy:
    """What a laptop's copy needs to be brought up to date (see the module's text).

    ``files``: each changed case, whole (``case.revision`` its revision), with who is responsible and what the
    person may do with it, as ``cases.open_case`` gives it; ``room_states``: the case's
    shared-document state (Yjs update bytes) by case id, where the server has one to give; ``drop``: the
    case ids to remove from the copy; ``rows``: the case-list rows of every case the copy keeps.
    """

    files: tuple[CaseFile, ...] = ()
    drop: tuple[int, ...] = ()
    rows: tuple[CaseRow, ...] = ()
    room_states: dict[int, bytes] = field(default_factory=dict)
    taken_at: dt.datetime | None = None


def offline_copy(uow: UowFactory, actor: Actor | None, known: Mapping[int, int] | None = None,
                 today: dt.date | None = None) -> OfflineCopy:
    """The person's cases the laptop lacks or holds at another revision; what to drop; the rows (module text).

    ``known``: case id → the revision the laptop holds. Nothing is copied for a person without a case of
    their own (an administrator: none). Every case copied is logged in the same transaction.
    """
    known = dict(known or {})
    day = today or dt.date.today()
    with uow(actor) as tx:
        if tx.actor is None:
            return OfflineCopy(drop=tuple(sorted(known)), taken_at=dt.datetime.now(dt.UTC))
        rows = [row for row in tx.cases.list_rows(day, visible_to=(tx.actor.user_id, False))
                if tx.may(Action.VIEW, row.case_id)]  # members only, and still visible (the matrix decides)
        mine = {row.case_id for row in rows}
        revisions = tx.cases.revisions(sorted(mine))
        copied: list[CaseFile] = []
        for case_id in sorted(mine):
            if known.get(case_id) == revisions.get(case_id):
                continue
            case = tx.cases.get_full(case_id)
            if case is None:  # removed between the two reads
                mine.discard(case_id)
                continue
            allowed = frozenset(p for p in PERMISSIONS_SHOWN if tx.may(p[1], case_id, p[0]))
            copied.append(CaseFile(case, tuple(tx.members.of_case(case_id)), allowed))
            tx.log(LogAction.OFFLINE_COPY, case_id=case_id, student_id=case.student.id, detail=str(case.revision))
        tx.commit()
    drop = tuple(sorted(set(known) - mine))
    states: dict[int, bytes] = {}
    for file in copied:
        assert file.case.id is not None
        state = _room_state(uow, actor, file.case.id)
        if state is not None:
            states[file.case.id] = state
    return OfflineCopy(files=tuple(copied), drop=drop, rows=tuple(r for r in rows if r.case_id in mine),
                       room_states=states, taken_at=dt.datetime.now(dt.UTC))


def _room_state(uow: UowFactory, actor: Actor | None, case_id: int) -> bytes | None:
    """The case room's shared-document state (``rooms.case_room_state``: made from the case when the room has
    none, so that a laptop holding it and the room share one history). None when the case went meanwhile."""
    from sst_desk.services.rooms import case_room_state

    try:
        return case_room_state(uow, actor, case_id)
    except (AccessDeniedError, CaseNotFound):
        return None


def offline_view_detail(at: dt.datetime) -> str:
    """The log detail of a view made on the laptop at ``at`` (UTC, to the second)."""
    if at.tzinfo is None:
        at = at.astimezone()
    return OFFLINE_VIEW_PREFIX + at.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _utc(at: dt.datetime) -> str:
    if not isinstance(at, dt.datetime):
        raise ValueError("a failed sign-in's time is a date and time")
    return (at if at.tzinfo else at.astimezone()).astimezone(dt.UTC).isoformat(timespec="seconds")


def offline_view_time(detail: str) -> dt.datetime | None:
    """The time in an offline view's detail; None for any other detail."""
    if not detail.startswith(OFFLINE_VIEW_PREFIX):
        return None
    try:
        return dt.datetime.fromisoformat(detail[len(OFFLINE_VIEW_PREFIX):])
    except ValueError:
        return None


def record_offline_views(uow: UowFactory, actor: Actor | None, views: list[tuple[int, dt.datetime]],
                         failed: tuple[int, dt.datetime, dt.datetime] | None = None) -> int:
    """Log each view made from the offline copy (``view``, detail ``offline=<time>``); how many were logged.

    Each view is checked as the person is now: one who may no longer view the case gets a logged refusal
    instead (``denied``, as any refused view); a case that is no longer stored (gallrad) is skipped. Each
    view is its own transaction, so one refusal does not drop the others. ``failed``: wrong passwords typed
    at the copy's offline sign-in (how many, the first and the last time), logged as one ``sign_in_failed``
    of the person (detail ``name=…;count=…;first=…;last=…;offline``, as a database file logs its own).
    """
    if failed is not None:
        count, first, last = failed
        if int(count) > 0 and actor is not None:
            with uow(actor) as tx:
                tx.log(LogAction.SIGN_IN_FAILED, detail=f"name={actor.username};count={int(count)};"
                       f"first={_utc(first)};last={_utc(last)};offline")
                tx.commit()
    logged = 0
    for case_id, at in views:
        if not isinstance(at, dt.datetime):
            raise ValueError("an offline view's time is a date and time")
        try:
            with uow(actor) as tx:
                student_id = tx.require_case(Action.VIEW, int(case_id))
                if student_id is None:
                    continue
                tx.log(LogAction.VIEW, case_id=int(case_id), student_id=student_id, detail=offline_view_detail(at))
                tx.commit()
                logged += 1
        except AccessDeniedError:
            continue
    return logged
