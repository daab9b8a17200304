"""The team server's case rooms (issue 14): the stored shared document of a case, and what a room logs.

A case open for co-editing is a shared document (``collab.casedoc``) in a room on the team server
(``server/rooms.py``, docs/server.md "Case rooms"). Its full Yjs state is kept in ``case_rooms`` so that a
room is always reopened with the history its clients synced against — a laptop that edited offline sends
updates relative to it, and a document rebuilt from the tables would take them as new (duplicated) text.
So the state of a case is created once, from the stored case, and from then on only replaced by the room.

The room writes the case itself through ``cases.save_case`` (process rules, revision check, EDIT logged for
its actor); the use cases here are the room's bookkeeping around it. Only ``case_room_state`` is offered
over the wire (an offline laptop's copy of the room); the others are the server's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from sst_desk.collab.casedoc import new_doc
from sst_desk.workflow.access import Action, Actor
from sst_desk.workflow.entities import Case
from sst_desk.workflow.logchain import LogAction

from sst_desk.services.base import UnitOfWork, UowFactory
from sst_desk.services.cases import not_found

USE_CASES = ("case_room_state", "open_room", "store_room_state", "record_room_edit", "record_room_view")


@dataclass(frozen=True)
class RoomOpening:
    """What a room starts from: its stored document, the case revision that document matches, and the
    case as stored now (when the two revisions differ, the room takes the stored case in)."""

    state: bytes
    revision: int
    case: Case


def _stored_state(tx: UnitOfWork, case_id: int, case: Case) -> tuple[bytes, int]:
    """The room's stored state of ``case``, made from the case and stored when there is none yet."""
    rooms = tx.case_rooms  # type: ignore[attr-defined] - persistence.uow.UnitOfWork.case_rooms
    stored = rooms.get(case_id)
    if stored is not None:
        return stored.state, stored.revision
    state = new_doc(case).get_update()
    if rooms.insert_new(case_id, state, case.revision):
        return state, case.revision
    stored = rooms.get(case_id)  # another room or request made it first: theirs is the history
    assert stored is not None
    return stored.state, stored.revision


def case_room_state(uow: UowFactory, actor: Actor | None, case_id: int) -> bytes:
    """The stored state of the case's room (a full Yjs update), made from the stored case if there is none.

    Checked as a VIEW of the case (a refusal is logged) but not logged as one: the caller's own use case
    that shows the case logs the view (an offline laptop's copy loads the case too). When the room is open
    the stored state may lag the room by a few seconds; Yjs merges the rest when the client joins.
    """
    with uow(actor) as tx:
        student_id = tx.require_case(Action.VIEW, case_id)
        case = tx.cases.get_full(case_id) if student_id is not None else None
        if case is None:
            raise not_found(tx, case_id)
        state, _revision = _stored_state(tx, case_id, case)
        tx.commit()
    return state


def open_room(uow: UowFactory, actor: Actor | None, case_id: int) -> RoomOpening:
    """What the case's room starts from, for the first person joining it (checked as a VIEW, not logged:
    joining logs it through ``cases.open_case``)."""
    with uow(actor) as tx:
        student_id = tx.require_case(Action.VIEW, case_id)
        case = tx.cases.get_full(case_id) if student_id is not None else None
        if case is None:
            raise not_found(tx, case_id)
        state, revision = _stored_state(tx, case_id, case)
        tx.commit()
    return RoomOpening(state, revision, case)


def store_room_state(uow: UowFactory, actor: Actor | None, case_id: int, state: bytes, revision: int) -> None:
    """Write the room's document (its full Yjs update) and the case revision it matches.

    The case's content is written by ``cases.save_case``; this is the room's own record of the history its
    clients hold, so it needs the right to view the case (a read-only person's room is kept too) and is not
    logged. Not offered over the wire: only the server's room writes it.
    """
    with uow(actor) as tx:
        if tx.require_case(Action.VIEW, case_id) is None:
            raise not_found(tx, case_id)
        tx.case_rooms.put(case_id, state, revision)  # type: ignore[attr-defined]
        tx.commit()


def record_room_edit(uow: UowFactory, actor: Actor | None, case_id: int, detail: str = "") -> None:
    """Log an EDIT of the case by ``actor``: a person whose typing in the room a save by someone else wrote
    (``save_case`` logs its own actor's). Checked: the person must (still) have the right to edit it."""
    with uow(actor) as tx:
        student_id = tx.require_case(Action.EDIT, case_id)
        if student_id is None:
            raise not_found(tx, case_id)
        tx.log(LogAction.EDIT, case_id=case_id, student_id=student_id, detail=detail)
        tx.commit()


def record_room_view(uow: UowFactory, actor: Actor | None, case_id: int) -> None:
    """Log a VIEW of the case by a person in its room who is shown a save made outside the room (as a window
    that reloads a colleague's save logs it)."""
    with uow(actor) as tx:
        student_id = tx.require_case(Action.VIEW, case_id)
        if student_id is None:
            raise not_found(tx, case_id)
        tx.log(LogAction.VIEW, case_id=case_id, student_id=student_id)
        tx.commit()


__all__ = ["USE_CASES", "RoomOpening", "case_room_state", "open_room", "record_room_edit", "record_room_view",
           "store_room_state"]
