"""Case rooms: live co-editing of an open case over a WebSocket (issue 14; docs/server.md, "Case rooms").

``wss://HOST:PORT/api/v1/rooms/{case_id}`` with ``Authorization: Bearer TOKEN`` (the session token of
``/api/v1/call``). Each case open in some window has ONE room in the server process: a pycrdt-websocket
``YRoom`` around the case's shared document (``collab.casedoc``), speaking the standard Yjs sync and awareness
messages. A room starts with the first person joining and stops (after writing the tables) when the last one
leaves.

Joining: the token is checked (``Authenticator.actor_for``), then the case is opened through the server's own
door as that person (``cases.open_case``: the VIEW checked and logged, and whether the person may EDIT it).
Close codes: 4401 session expired or unknown (or a password still to be chosen), 4403 may not view the case,
4404 no such case, 4409 the room is open in another server process (try again), 1013 the database cannot be
reached (try again). A person without EDIT stays in the room read-only: their document updates are dropped
here (``YRoom.on_message``). Every 30 s (and at every persist) each person's session and right to view are
checked again: 4401 / 4403 end their connection.

The document is durable: its full Yjs state is kept in ``case_rooms`` (``services.rooms``) and a room is
reopened from it, never rebuilt from the tables (an offline laptop's updates refer to its history). When the
case was saved outside the room since the state was written, the stored case is applied onto the document
(``apply_case``, origin ``ORIGIN_SERVER``).

Persisting: about 1 s after the last change (at most 5 s while typing goes on), when the last person leaves,
and at shutdown, the document is read as a case (``read_case``; stage and transitions kept from the case as the
room last saved or loaded it: moves between stages stay explicit, revision-checked actions) and saved through
``cases.save_case(base=<the case as the room last saved or loaded it>)`` as one of the people who changed it
since the last save, the process rules checked on the merged case; the others are logged with
``rooms.record_room_edit`` — one EDIT per contributor per persist. Where a save outside the room changed the
same field meanwhile, the room's value wins (it is what the people in the room are looking at). The saved case
goes back into the document (ids of new records, a colleague's merged fields), ``meta`` says the revision,
when and by whom, and the state row is written. A refusal by the process rules keeps the document as it is
(the state row is written), ``meta.problem`` holds the findings (``remote.wire``-encoded JSON), and the save
is tried again at the next change: nothing typed is lost.

Saves outside the room (a window without the room, the command line, a stage move) reach it through the change
feed (``server/live.py``): the stored case is applied onto the document and everyone in the room sees it.

Several server processes (``--workers N``): a room is held by one process only — a PostgreSQL advisory lock
per case (``pg_try_advisory_lock(ROOM_LOCK_SPACE, case_id)``) on one connection per process; a join reaching
another process is closed with 4409 and the client tries again.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from pycrdt import (
    Channel,
    Decoder,
    Doc,
    Encoder,
    Map,
    TransactionEvent,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    handle_sync_message,
    read_message,
)
from pycrdt.websocket import YRoom
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from sst_desk.collab.casedoc import ORIGIN_SERVER, DocumentError, apply_case, assign_ids, read_case, repair
from sst_desk.persistence import Database
from sst_desk.persistence.changes import CaseChanged
from sst_desk.persistence.errors import (
    AccessDeniedError,
    CaseNotFound,
    ConcurrentEditError,
    DatabaseUnavailableError,
    SaveConflict,
)
from sst_desk.remote import wire
from sst_desk.remote.errors import PasswordChangeRequired, SessionExpired
from sst_desk.server.calls import server_today
from sst_desk.server.live import ChangeFeed, Resync
from sst_desk.server.room_claims import RoomClaims
from sst_desk.services import Door
from sst_desk.workflow.access import Action, Actor
from sst_desk.workflow.entities import Case
from sst_desk.workflow.merge import Side
from sst_desk.workflow.problems import ProcessError

_log = logging.getLogger("sst_desk.server.rooms")

API = "/api/v1"
PATH = f"{API}/rooms/{{case_id:int}}"

CLOSE_SESSION = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_ELSEWHERE = 4409
"""The room is held by another server process (``--workers N``): try again."""
CLOSE_BAD_MESSAGE = 1007
"""A document update that cannot be applied (a faulty or hostile client): the connection ends."""
CLOSE_TRY_AGAIN = 1013
"""The database cannot be reached now (WebSocket "try again later")."""

SETTLE_SECONDS = 1.0
"""A room's changes are written this long after the last one …"""
MOST_SECONDS = 5.0
"""… or at most this long after the first unwritten one, while typing goes on."""
RETRY_SECONDS = 5.0
"""How long a room waits before writing again after the database could not be reached."""
CHECK_SECONDS = 30.0
"""How often each person's session and right to view the case are checked again."""

_MEMBER: contextvars.ContextVar[Member | None] = contextvars.ContextVar("sst_desk_room_member", default=None)
"""The person whose connection the current message came from (set in the connection's own task)."""


class StarletteChannel(Channel):
    """pycrdt's ``Channel`` over a Starlette WebSocket: binary messages in and out."""

    def __init__(self, websocket: WebSocket, path: str) -> None:
        self._websocket = websocket
        self._path = path
        self._send_lock = asyncio.Lock()

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> StarletteChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except (WebSocketDisconnect, RuntimeError):
            raise StopAsyncIteration() from None

    async def recv(self) -> bytes:
        while True:
            message = await self._websocket.receive()
            if message["type"] == "websocket.disconnect":
                raise WebSocketDisconnect(message.get("code", 1000))
            data = message.get("bytes")
            if data is not None:
                return bytes(data)
            # a text frame is no Yjs message: ignored

    async def send(self, message: bytes) -> None:
        async with self._send_lock:
            if self._websocket.application_state is WebSocketState.CONNECTED \
                    and self._websocket.client_state is WebSocketState.CONNECTED:
                with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect):
                    await self._websocket.send_bytes(message)

    async def close(self, code: int, reason: str = "") -> None:
        async with self._send_lock:
            if self._websocket.application_state is WebSocketState.CONNECTED:
                with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect):
                    await self._websocket.close(code, reason)


@dataclass(eq=False)
class Member:
    """One connection in a room: whose it is, their token, whether they may edit."""

    actor: Actor
    token: str
    may_edit: bool
    channel: StarletteChannel
    active: bool = False  # sent a change since the session was last checked (the check then counts as use)
    dropped: int = 0  # document updates dropped (read-only)
    ended: int | None = None  # the close code the server ended the connection with
    presence: set[int] = field(default_factory=set)  # the awareness client ids this connection speaks for

    async def end(self, code: int) -> None:
        self.ended = code
        await self.channel.close(code)


@dataclass
class RoomStats:
    """What a room did (for tests and the server's log)."""

    persists: int = 0
    refusals: int = 0
    outside: int = 0
    dropped: int = 0


class CaseRoom:
    """One case's room: the document, its YRoom, who is in it, and the writing of its changes."""

    def __init__(self, host: RoomHost, case_id: int, doc: Doc, base: Case) -> None:
        self.host, self.case_id, self.doc = host, case_id, doc
        self.base = base  # the case as the room last saved or loaded it
        self.members: dict[StarletteChannel, Member] = {}
        self.contributors: dict[int, Actor] = {}  # who changed the document since the last save
        self.dirty_case = False  # people's changes not yet saved to the tables
        self.dirty_state = False  # the document changed since its state row was written
        self.problem = False  # the last save was refused; tried again at the next change
        self.stats = RoomStats()
        self.lock = asyncio.Lock()  # the document does not change while a save is being made
        self.yroom = YRoom(ready=True, ydoc=doc, log=_log, exception_handler=self._room_exception)
        self.yroom.on_message = self._on_message
        self.yroom.on_message_error = self._message_error
        self._sender: Member | None = None
        self._changes = 0
        self._first_change: float | None = None
        self._last_change = 0.0
        self._writer: asyncio.Task[None] | None = None
        self._task: asyncio.Task[None] | None = None
        self._last_actor: Actor | None = None
        self.own_revisions: set[int] = set()  # revisions this room saved (the change feed tells of them too)
        self._subscription = doc.observe(self._on_doc_change)

    # --- life ------------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self.yroom.start(), name=f"room {self.case_id}")
        await self.yroom.started.wait()
        await self.yroom.ydoc_observed.wait()

    async def stop(self) -> None:
        """Write what is unwritten, then stop the YRoom (its people are gone or being sent away)."""
        writer, self._writer = self._writer, None
        if writer is not None and not writer.done() and writer is not asyncio.current_task():
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writer
        await self.persist()
        for member in list(self.members.values()):
            await member.end(1001)  # going away: the server stops
        with contextlib.suppress(RuntimeError):
            await self.yroom.stop()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        self.doc.unobserve(self._subscription)

    def actor(self) -> Actor | None:
        """Whom the room's own reads and state writes act as: someone in it, or who was last."""
        for member in self.members.values():
            return member.actor
        return self._last_actor

    def add(self, member: Member) -> None:
        self.members[member.channel] = member
        self._last_actor = member.actor

    def remove(self, member: Member) -> None:
        self.members.pop(member.channel, None)
        self._last_actor = member.actor

    async def forget_presence(self, member: Member) -> None:
        """Tell the others that ``member``'s presence is gone (a laptop that dropped off says nothing itself)."""
        awareness = self.yroom.awareness
        gone = [client for client in member.presence if client in awareness.states]
        member.presence.clear()
        if not gone:
            return
        encoder = Encoder()
        encoder.write_var_uint(len(gone))
        for client in gone:
            encoder.write_var_uint(client)
            encoder.write_var_uint(awareness.meta.get(client, {}).get("clock", 0) + 1)
            encoder.write_var_string("null")
        update = encoder.to_bytes()
        awareness.apply_awareness_update(update, "server")  # not "local": YRoom does not send it again
        message = create_awareness_message(update)
        for other in list(self.members.values()):
            await other.channel.send(message)

    # --- messages --------------------------------------------------------------------------------------

    async def _on_message(self, message: bytes) -> bool:
        """True = YRoom skips it. Document updates (sync step 2, update) are applied here, as their sender, or
        dropped when the sender may not edit; sync step 1 and awareness are YRoom's."""
        member = _MEMBER.get()
        if len(message) >= 2 and message[0] == YMessageType.AWARENESS:
            if member is not None:
                _note_presence(member, message)
            return False
        if len(message) < 2 or message[0] != YMessageType.SYNC or message[1] == YSyncMessageType.SYNC_STEP1:
            return False
        if member is None or not member.may_edit or member.ended is not None:  # read-only, or being sent away
            self.stats.dropped += 1
            if member is not None:
                member.dropped += 1
            return True
        async with self.lock:
            self._sender = member
            try:
                handle_sync_message(message[1:], self.doc)
            except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
                raise
            except BaseException as exc:  # noqa: BLE001 - Yrs panics (PanicException) on a malformed update
                _log.warning("room %s: user %s sent an update that cannot be applied (%s); disconnected",
                             self.case_id, member.actor.user_id, type(exc).__name__)
                self.members.pop(member.channel, None)
                asyncio.get_running_loop().create_task(member.end(CLOSE_BAD_MESSAGE))
            finally:
                self._sender = None
        return True

    def _message_error(self, exc: Exception, message: bytes, channel: Channel) -> bool:
        _log.warning("room %s: a message could not be read (%s)", self.case_id, type(exc).__name__)
        return True

    def _room_exception(self, exc: Exception, log: logging.Logger) -> bool:
        log.error("room %s: %s", self.case_id, type(exc).__name__)
        return True

    def _on_doc_change(self, event: TransactionEvent) -> None:
        self.dirty_state = True
        sender = self._sender
        if sender is None:
            return  # the room's own writes (a save's ids, a change made outside the room)
        sender.active = True
        self.contributors[sender.actor.user_id] = sender.actor
        self.dirty_case = True
        self.problem = False
        self._changes += 1
        now = time.monotonic()
        self._last_change = now
        if self._first_change is None:
            self._first_change = now
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._write_when_settled(),
                                                                  name=f"room {self.case_id} writer")

    async def _write_when_settled(self) -> None:
        while self.dirty_case and not self.problem:
            first = self._first_change if self._first_change is not None else self._last_change
            due = min(self._last_change + self.host.settle_seconds, first + self.host.most_seconds)
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
                continue
            # shielded: a room closing meanwhile waits for this save rather than cancelling it halfway
            if not await asyncio.shield(self.persist()):
                await asyncio.sleep(RETRY_SECONDS)

    # --- writing ---------------------------------------------------------------------------------------

    async def persist(self) -> bool:
        """Save the people's changes (and the document's state); False when the database could not be reached."""
        await self.host.check_members(self)
        async with self.lock:
            if not self.dirty_case or self.problem:
                if self.dirty_state:
                    return await self._store_state()
                return True
            self._first_change = None
            try:
                case = read_case(self.doc)
            except (DocumentError, ValueError, TypeError, KeyError) as exc:  # a faulty or hostile client's document
                # The parts of the wrong shape take the stored case's values; everyone's well-formed typing stays.
                fixed = repair(self.doc, self.base)
                _log.error("room %s: the document did not hold a readable case (%s); put right: %s", self.case_id,
                           type(exc).__name__, ", ".join(fixed) or "nothing")
                try:
                    case = read_case(self.doc)
                except (DocumentError, ValueError, TypeError, KeyError):
                    self.problem = True
                    return await self._store_state()
            case.id = self.case_id
            case.stage = self.base.stage  # moves between stages are explicit actions (move_case, a save)
            case.transitions = self.base.transitions
            case.revision = self.base.revision
            contributors = dict(self.contributors)
            try:
                saved, saver = await run_in_threadpool(self._save, case, contributors)
            except ProcessError as exc:
                self.problem = True
                self.stats.refusals += 1
                with self.doc.transaction(origin=ORIGIN_SERVER):
                    self.doc.get("meta", type=Map)["problem"] = json.dumps(wire.encode(exc.findings))
                _log.info("room %s: the save was refused by the process rules (%d findings)", self.case_id,
                          len(exc.findings))
                return await self._store_state()
            except (AccessDeniedError, CaseNotFound) as exc:
                self.problem = True
                _log.warning("room %s: nobody who changed it may save it now (%s)", self.case_id,
                             type(exc).__name__)
                return await self._store_state()
            except (DatabaseUnavailableError, ConcurrentEditError) as exc:  # saves kept coming in between
                self._first_change = time.monotonic()
                _log.warning("room %s: not written now (%s); writing again later", self.case_id, type(exc).__name__)
                return False
            except Exception as exc:  # noqa: BLE001 - kept, tried again at the next change; the type goes to the log
                self.problem = True
                _log.error("room %s: the save failed (%s)%s", self.case_id, type(exc).__name__, _where(exc))
                return await self._store_state()
            self.own_revisions.add(saved.revision)
            with self.doc.transaction(origin=ORIGIN_SERVER):  # one update: the clients see it all at once
                assign_ids(self.doc, saved, origin=ORIGIN_SERVER)
                apply_case(self.doc, saved, origin=ORIGIN_SERVER)
                self._set_meta(saved, ", ".join(actor.display_name or actor.username
                                                for actor in contributors.values()))
            self.base = saved
            for user_id in contributors:
                self.contributors.pop(user_id, None)
            self.dirty_case = False
            self.stats.persists += 1
            _log.info("room %s: saved revision %s (saved by user %s, %d contributors)", self.case_id,
                      saved.revision, saver.user_id, len(contributors))
            return await self._store_state()

    def _set_meta(self, case: Case, by: str | None) -> None:
        with self.doc.transaction(origin=ORIGIN_SERVER):
            meta = self.doc.get("meta", type=Map)
            meta["revision"] = case.revision
            meta["problem"] = ""
            if by is not None:
                meta["saved_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                meta["saved_by"] = by

    def _save(self, case: Case, contributors: dict[int, Actor]) -> tuple[Case, Actor]:
        """In the thread pool: save as the first contributor who still may (one EDIT logged for them), then
        log an EDIT for each other contributor."""
        refused: AccessDeniedError | None = None
        for saver in contributors.values():
            door = Door(self.host.db.uow, saver)
            try:
                saved = self._save_as(door, case)
            except AccessDeniedError as exc:
                refused = exc
                continue
            for other in contributors.values():
                if other.user_id != saver.user_id:
                    try:
                        Door(self.host.db.uow, other).rooms.record_room_edit(self.case_id, saved.stage.value)
                    except AccessDeniedError:  # the right went meanwhile; the refusal is logged
                        pass
            return saved, saver
        raise refused or AccessDeniedError("case:edit", self.case_id)

    def _save_as(self, door: Door, case: Case) -> Case:
        try:
            return door.cases.save_case(case, base=self.base, today=server_today())
        except SaveConflict as conflict:  # a save outside the room changed the same fields: the room's value wins
            mine = {c.path: Side.MINE for c in conflict.conflicts}
            return door.cases.save_case(case, base=self.base, resolutions=mine, today=server_today())

    async def _store_state(self) -> bool:
        actor = self.actor()
        state = self.doc.get_update()
        revision = self.base.revision
        try:
            await run_in_threadpool(Door(self.host.db.uow, actor).rooms.store_room_state, self.case_id, state,
                                    revision)
        except DatabaseUnavailableError:
            _log.warning("room %s: its state could not be written; writing again later", self.case_id)
            return False
        except (AccessDeniedError, CaseNotFound) as exc:
            _log.warning("room %s: its state could not be written (%s)", self.case_id, type(exc).__name__)
            return True
        self.dirty_state = False
        return True

    # --- changes made outside the room -----------------------------------------------------------------

    async def outside_change(self, revision: int | None) -> None:
        """A save outside the room (``revision``; None: maybe, after the change feed reconnected)."""
        if revision is not None and revision in self.own_revisions:
            return
        await self.host.check_members(self)  # who is responsible may have changed (set_case_members tells too)
        if revision is not None and revision == self.base.revision:
            return
        if self.dirty_case:
            self.problem = False  # try the refused changes again on the newer case
            await self.persist()  # save_case merges the outside save in; the saved case comes back
            return
        actor = self.actor()
        if actor is None:
            return
        try:
            opening = await run_in_threadpool(Door(self.host.db.uow, actor).rooms.open_room, self.case_id)
        except (AccessDeniedError, CaseNotFound, DatabaseUnavailableError) as exc:
            _log.warning("room %s: the changed case could not be read (%s)", self.case_id, type(exc).__name__)
            return
        stored = opening.case
        async with self.lock:
            if stored.revision == self.base.revision:
                return
            if self.dirty_case:
                pending = True
            else:
                pending = False
                with self.doc.transaction(origin=ORIGIN_SERVER):
                    apply_case(self.doc, stored, origin=ORIGIN_SERVER)
                    self._set_meta(stored, None)
                self.base = stored
                self.problem = False
                self.stats.outside += 1
        if pending:
            self.problem = False
            await self.persist()
            return
        viewers = [member.actor for member in self.members.values()]
        await run_in_threadpool(self.host.log_views, self.case_id, viewers)
        await self.persist()  # the state row


def _where(exc: BaseException) -> str:
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    return "".join(f" at {frame.filename}:{frame.lineno}" for frame in frames[-3:])


def _note_presence(member: Member, message: bytes) -> None:
    """Remember which awareness client ids a connection speaks for (to clear them when it goes)."""
    try:
        decoder = Decoder(read_message(message[1:]))
        for _ in range(decoder.read_var_uint()):
            client = decoder.read_var_uint()
            decoder.read_var_uint()  # clock
            state = decoder.read_var_string()
            if state and state != "null":
                member.presence.add(client)
            else:
                member.presence.discard(client)
    except Exception:  # noqa: BLE001 - a message YRoom cannot read either; it is its to refuse
        return


class _Elsewhere(Exception):
    """Another server process holds the case's room."""


@dataclass
class RoomHost:
    """Every case room of one server process, and the endpoint people join them by."""

    db: Database
    actor_for: Callable[..., Actor]  # Authenticator.actor_for(token, touch=...)
    feed: ChangeFeed | None = None
    settle_seconds: float = SETTLE_SECONDS
    most_seconds: float = MOST_SECONDS
    check_seconds: float = CHECK_SECONDS
    rooms: dict[int, CaseRoom] = field(default_factory=dict)
    _locks: dict[int, asyncio.Lock] = field(default_factory=dict)
    _listener: asyncio.Task[None] | None = None

    def __post_init__(self) -> None:
        self.claims = RoomClaims(self.db)

    def routes(self) -> list[WebSocketRoute]:
        return [WebSocketRoute(PATH, self.endpoint)]

    # --- joining and leaving ---------------------------------------------------------------------------

    async def endpoint(self, websocket: WebSocket) -> None:
        case_id: int = websocket.path_params["case_id"]
        started = time.perf_counter()
        await websocket.accept()
        channel = StarletteChannel(websocket, f"{API}/rooms/{case_id}")
        code, user_id = await self._serve(websocket, channel, case_id)
        if code is not None:
            await channel.close(code)  # once: a second close of an ended connection does nothing
        _log.info("WS %s/rooms/%s user=%s closed %s after %.1f s", API, case_id, user_id, code or "by the client",
                  time.perf_counter() - started)

    async def _serve(self, websocket: WebSocket, channel: StarletteChannel, case_id: int
                     ) -> tuple[int | None, int | None]:
        scheme, _, token = websocket.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return CLOSE_SESSION, None
        try:
            actor = await run_in_threadpool(self.actor_for, token)
        except (SessionExpired, PasswordChangeRequired):
            return CLOSE_SESSION, None
        except DatabaseUnavailableError:
            return CLOSE_TRY_AGAIN, None
        try:
            opened = await run_in_threadpool(lambda: Door(self.db.uow, actor).cases.open_case(case_id))
        except AccessDeniedError:
            return CLOSE_FORBIDDEN, actor.user_id
        except CaseNotFound:
            return CLOSE_NOT_FOUND, actor.user_id
        except DatabaseUnavailableError:
            return CLOSE_TRY_AGAIN, actor.user_id
        member = Member(actor, token, opened.may(Action.EDIT), channel)
        try:
            room = await self._join(case_id, member)
        except _Elsewhere:
            return CLOSE_ELSEWHERE, actor.user_id
        except (AccessDeniedError, CaseNotFound):
            return CLOSE_FORBIDDEN, actor.user_id
        except DatabaseUnavailableError:
            return CLOSE_TRY_AGAIN, actor.user_id
        _log.info("WS %s/rooms/%s user=%s joined (%s)", API, case_id, actor.user_id,
                  "edits" if member.may_edit else "read-only")
        mark = _MEMBER.set(member)
        watcher = asyncio.get_running_loop().create_task(self._watch(room, member))
        try:
            await room.yroom.serve(channel)
        finally:
            watcher.cancel()
            _MEMBER.reset(mark)
            await self._leave(room, member)
        return member.ended, actor.user_id

    def _lock_for(self, case_id: int) -> asyncio.Lock:
        lock = self._locks.get(case_id)
        if lock is None:
            lock = self._locks[case_id] = asyncio.Lock()
        return lock

    async def _join(self, case_id: int, member: Member) -> CaseRoom:
        async with self._lock_for(case_id):
            room = self.rooms.get(case_id)
            if room is None:
                room = await self._open(case_id, member.actor)
                self.rooms[case_id] = room
            room.add(member)
            return room

    async def _open(self, case_id: int, actor: Actor) -> CaseRoom:
        if not await run_in_threadpool(self.claims.claim, case_id):
            raise _Elsewhere()
        try:
            opening = await run_in_threadpool(Door(self.db.uow, actor).rooms.open_room, case_id)
            doc = Doc()
            doc.apply_update(opening.state)
            base = opening.case
            room = CaseRoom(self, case_id, doc, base)
            # A state stored before a migration added fields (0010: a meeting's place) has no shared text for
            # them: without one the window's field stays unbound. They are added from the stored case.
            added = repair(doc, base, origin=ORIGIN_SERVER)
            if added:
                _log.info("room %s: the stored document gained the fields %s", case_id, ", ".join(added))
            if opening.revision != base.revision:  # saved outside a room since the state was written
                with doc.transaction(origin=ORIGIN_SERVER):
                    apply_case(doc, base, origin=ORIGIN_SERVER)
                    room._set_meta(base, None)
            room.dirty_state = opening.revision != base.revision or bool(added)
            await room.start()
        except BaseException:
            await run_in_threadpool(self.claims.release, case_id)
            raise
        _log.info("room %s opened (state of revision %s, case at %s)", case_id, opening.revision, base.revision)
        return room

    async def _leave(self, room: CaseRoom, member: Member) -> None:
        async with self._lock_for(room.case_id):
            room.remove(member)
            await room.forget_presence(member)
            if room.members or self.rooms.get(room.case_id) is not room:
                return
            del self.rooms[room.case_id]
            try:
                await room.stop()
            finally:
                await run_in_threadpool(self.claims.release, room.case_id)
                _log.info("room %s closed", room.case_id)

    # --- checking people again -------------------------------------------------------------------------

    async def _watch(self, room: CaseRoom, member: Member) -> None:
        while True:
            await asyncio.sleep(self.check_seconds)
            code = await run_in_threadpool(self._recheck, room.case_id, member)
            if code is not None:
                await member.end(code)
                return

    async def check_members(self, room: CaseRoom) -> None:
        """Check everyone in ``room`` again (before a save): a lapsed session or a lost right ends them."""
        for member in list(room.members.values()):
            code = await run_in_threadpool(self._recheck, room.case_id, member)
            if code is not None:
                room.remove(member)  # their later messages are not theirs to send
                await member.end(code)

    def _recheck(self, case_id: int, member: Member) -> int | None:
        """In the thread pool: the close code for ``member`` now, or None (and their right to edit updated)."""
        touch, member.active = member.active, False  # typing in the room counts as use of the session
        try:
            actor = self.actor_for(member.token, touch=touch)
        except (SessionExpired, PasswordChangeRequired):
            return CLOSE_SESSION
        except DatabaseUnavailableError:
            return None
        cases = Door(self.db.uow, actor).cases
        try:
            if not cases.may(Action.VIEW, case_id):
                return CLOSE_FORBIDDEN
            member.may_edit = cases.may(Action.EDIT, case_id)
        except DatabaseUnavailableError:
            return None
        member.actor = actor
        return None

    def log_views(self, case_id: int, viewers: list[Actor]) -> None:
        """In the thread pool: each person in a room shown a save made outside it is logged as viewing it."""
        for actor in {actor.user_id: actor for actor in viewers}.values():
            with contextlib.suppress(AccessDeniedError, CaseNotFound, DatabaseUnavailableError):
                Door(self.db.uow, actor).rooms.record_room_view(case_id)

    # --- the change feed and the server's life ---------------------------------------------------------

    def start(self) -> None:
        if self.feed is not None and self._listener is None:
            self._listener = asyncio.get_running_loop().create_task(self._listen(self.feed), name="rooms' feed")

    async def _listen(self, feed: ChangeFeed) -> None:
        with feed.subscribe() as subscription:
            while True:
                event = await subscription.get()
                if isinstance(event, Resync):
                    targets = [(room, None) for room in list(self.rooms.values())]
                elif isinstance(event, CaseChanged) and event.case_id in self.rooms:
                    targets = [(self.rooms[event.case_id], event.revision)]
                else:
                    continue
                for room, revision in targets:
                    try:
                        await room.outside_change(revision)
                    except Exception as exc:  # noqa: BLE001 - one room's trouble must not end the feed
                        _log.error("room %s: a change made outside it could not be taken in (%s)", room.case_id,
                                   type(exc).__name__)

    async def shutdown(self) -> None:
        """At the server's stop: write every room and close it."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener
        for case_id in list(self.rooms):
            room = self.rooms.pop(case_id, None)
            if room is not None:
                try:
                    await room.stop()
                except Exception as exc:  # noqa: BLE001 - the others are still written
                    _log.error("room %s could not be written at shutdown (%s)", case_id, type(exc).__name__)
        await run_in_threadpool(self.claims.close)


def install(starlette: Starlette, db: Database, actor_for: Callable[..., Actor], *,
            feed: ChangeFeed | None = None, **options: Any) -> RoomHost:
    """Give the server's application the case rooms (started and stopped with its lifespan, rooms written
    before the database closes). ``feed``: the process's change feed (PostgreSQL), for saves made outside."""
    host = RoomHost(db, actor_for, feed, **options)
    starlette.router.routes.extend(host.routes())
    outer = starlette.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[object]:
        async with outer(app) as state:
            host.start()
            try:
                yield state
            finally:
                await host.shutdown()

    starlette.router.lifespan_context = lifespan
    starlette.state.rooms = host
    return host


__all__ = ["CLOSE_ELSEWHERE", "CLOSE_FORBIDDEN", "CLOSE_NOT_FOUND", "CLOSE_SESSION", "CaseRoom", "RoomHost",
           "StarletteChannel", "install"]
