"""The case rooms' storage and the room's own rules, in process on a real database (issue 14).

``services.rooms.case_room_state`` makes the room's state once and then always returns the same history (never
rebuilt from the tables); the row goes with its case (gallring deletes it by cascade); a room drops document
updates from a person without the right to edit and counts the edits of those with it; a malformed update
ends its sender's connection without touching the document; on PostgreSQL one server process at a time holds
a case's room (advisory locks).

No role of today's permission matrix may view a case without editing it, so the read-only person is a
``Member`` made read-only here; over the wire the server takes it from ``CaseFile.may(Action.EDIT)``.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from pycrdt import Array, Doc, Map, create_update_message

from sst_desk.collab.casedoc import read_case
from sst_desk.persistence import Database
from sst_desk.persistence.mapping import case_rooms
from sst_desk.server.room_claims import RoomClaims
from sst_desk.server.rooms import _MEMBER, CaseRoom, Member, RoomHost, StarletteChannel
from sst_desk.services import Door
from sst_desk.workflow.access import Actor, Role

pytestmark = pytest.mark.timeout(60)

SARA = Actor(user_id=1, username="sara", display_name="Sara Lind", role=Role.SKOLSOCIONOM)


def stored_case(db: Database, make_case) -> int:
    return Door(db.uow, None).cases.add_case(make_case()).id


def test_the_room_state_is_made_once_and_kept(db: Database, make_case) -> None:
    case_id = stored_case(db, make_case)
    door = Door(db.uow, None)
    first = door.rooms.case_room_state(case_id)
    case = door.cases.load_case(case_id)
    case.reason = "Ändrat utanför rummet."
    door.cases.save_case(case)
    again = door.rooms.case_room_state(case_id)
    assert again == first  # the same history, not a document rebuilt from the changed tables
    doc = Doc()
    doc.apply_update(again)
    assert read_case(doc).reason == make_case().reason
    opening = door.rooms.open_room(case_id)
    assert opening.state == first and opening.revision == 1 and opening.case.revision == 2


def test_the_state_row_goes_with_its_case(db: Database, make_case) -> None:
    case_id = stored_case(db, make_case)
    Door(db.uow, None).rooms.case_room_state(case_id)
    with db.uow() as tx:
        student_id = tx.cases.get_full(case_id).student.id
        tx.retention.delete([case_id], {case_id: student_id})
        tx.commit()
    with db.uow() as tx:
        assert tx.session.execute(sa.select(sa.func.count()).select_from(case_rooms)).scalar_one() == 0


def _room(db: Database, case_id: int) -> CaseRoom:
    opening = Door(db.uow, None).rooms.open_room(case_id)
    doc = Doc()
    doc.apply_update(opening.state)
    return CaseRoom(RoomHost(db, lambda token, **_: SARA), case_id, doc, opening.case)


def _typing(room: CaseRoom, words: str) -> bytes:
    """An update message from another copy of the room's document: ``words`` put before the reason."""
    other = Doc()
    other.apply_update(room.doc.get_update())
    before = other.get_state()
    other.get("case", type=Map)["reason"].insert(0, words)
    return create_update_message(other.get_update(before))


def _send(room: CaseRoom, member: Member, message: bytes) -> bool:
    async def run() -> bool:
        mark = _MEMBER.set(member)
        try:
            return await room._on_message(message)
        finally:
            _MEMBER.reset(mark)

    return asyncio.run(run())


def test_a_read_only_persons_updates_are_dropped(db: Database, make_case) -> None:
    case_id = stored_case(db, make_case)
    room = _room(db, case_id)
    reason = str(room.doc.get("case", type=Map)["reason"])
    reader = Member(SARA, "token", False, StarletteChannel(None, "test"))  # type: ignore[arg-type]
    assert _send(room, reader, _typing(room, "Läsaren: ")) is True  # handled: YRoom applies nothing
    assert str(room.doc.get("case", type=Map)["reason"]) == reason
    assert reader.dropped == 1 and not room.dirty_case and not room.contributors


def test_an_editors_updates_are_applied_and_counted(db: Database, make_case) -> None:
    case_id = stored_case(db, make_case)
    room = _room(db, case_id)
    reason = str(room.doc.get("case", type=Map)["reason"])
    editor = Member(SARA, "token", True, StarletteChannel(None, "test"))  # type: ignore[arg-type]

    async def run() -> None:
        mark = _MEMBER.set(editor)
        try:
            await room._on_message(_typing(room, "Sara: "))
            await room._on_message(_typing(room, "Sara: "))  # the same change again: no new contribution
        finally:
            _MEMBER.reset(mark)
        if room._writer is not None:
            room._writer.cancel()

    asyncio.run(run())
    assert str(room.doc.get("case", type=Map)["reason"]).startswith("Sara: ")
    assert str(room.doc.get("case", type=Map)["reason"]).endswith(reason)
    assert room.dirty_case and list(room.contributors) == [SARA.user_id]


def test_a_malformed_update_changes_nothing(db: Database, make_case) -> None:
    case_id = stored_case(db, make_case)
    room = _room(db, case_id)
    before = room.doc.get_update()
    editor = Member(SARA, "token", True, StarletteChannel(None, "test"))  # type: ignore[arg-type]
    room.members[editor.channel] = editor

    async def run() -> None:
        mark = _MEMBER.set(editor)
        try:
            assert await room._on_message(create_update_message(b"\x01\x02 not an update \xff\xff"))
            await asyncio.sleep(0)  # the close is sent by a task of its own
        finally:
            _MEMBER.reset(mark)

    asyncio.run(run())
    assert room.doc.get_update() == before and not room.dirty_case
    assert editor.channel not in room.members


def test_a_document_of_the_wrong_shape_is_put_right_and_the_good_typing_saved(db: Database, make_case) -> None:
    """An editor's client sends a well-formed update that gives the case a shape it cannot have (the student a
    word, the date a list) beside real typing: the room puts the broken parts right from the stored case and
    saves the typing; nothing of the student is lost."""
    case_id = stored_case(db, make_case)
    system = Door(db.uow, None)
    user = system.accounts.create_user("sara.lind", "Sara Lind", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
    system.cases.set_case_members(case_id, [user.id])
    sara = Actor(user.id, "sara.lind", "Sara Lind", Role.SKOLSOCIONOM)
    opening = system.rooms.open_room(case_id)
    doc = Doc()
    doc.apply_update(opening.state)
    room = CaseRoom(RoomHost(db, lambda token, **_: sara), case_id, doc, opening.case)
    student = system.cases.load_case(case_id).student
    editor = Member(sara, "token", True, StarletteChannel(None, "test"))  # type: ignore[arg-type]
    other = Doc()
    other.apply_update(room.doc.get_update())
    before = other.get_state()
    root = other.get("case", type=Map)
    root["reason"].insert(0, "Sara: ")
    root["student"] = "inte en elev"
    root["raised_on"] = Array(["inte", "ett", "datum"])
    root["level"] = True

    async def run() -> bool:
        mark = _MEMBER.set(editor)
        try:
            await room._on_message(create_update_message(other.get_update(before)))
        finally:
            _MEMBER.reset(mark)
        if room._writer is not None:
            room._writer.cancel()
        return await room.persist()

    assert asyncio.run(run())
    stored = Door(db.uow, None).cases.load_case(case_id)
    assert stored.reason.startswith("Sara: ") and stored.revision == 2
    assert (stored.student.id, stored.student.first_name, stored.student.personal_id) == (
        student.id, student.first_name, student.personal_id)
    assert isinstance(room.doc.get("case", type=Map)["student"], Map)


PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_one_process_at_a_time_holds_a_rooms_lock(tmp_path: Path) -> None:
    from server_harness import fresh_database

    with fresh_database() as url:
        first, second = Database.open(url), Database.open(url)
        try:
            one, two = RoomClaims(first), RoomClaims(second)
            assert one.claim(7) and not two.claim(7)
            assert two.claim(8)
            one.release(7)
            assert two.claim(7)
            two.close()  # a process that stops lets go of its rooms
            assert one.claim(8)
            one.close()
        finally:
            first.close()
            second.close()
