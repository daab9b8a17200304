"""``GET /api/v1/events``: the live change feed as server-sent events, each person hearing only of their cases.

Every stream is one subscriber of the server's ``ChangeFeed`` (``server/live.py``). For each changed case
it asks the server's own door, as the stream's person, whether they may see the case
(``services.cases.may``, VIEW; nothing is logged) — a kurator never learns that a protected student's case,
or a case she is not responsible for, changed — and sends the case id, the revision and the name of who
saved it (resolved here, from the user id the notification carries). The answers are kept briefly per
stream (``CACHE_SECONDS``), so a burst of saves does not ask the database once per save and person.

The token is checked when the stream opens (401 otherwise, as every endpoint), and again before events
are sent once the last check is ``CACHE_SECONDS`` old, and at every heartbeat: a revoked or expired token
ends the stream with an ``ended`` event. Checking does not count as use: an open window does not keep an
idle session alive. Wording of the stream: ``remote/sse.py``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from sst_desk.persistence import Database, accounts
from sst_desk.persistence.changes import CaseChanged
from sst_desk.remote import sse, wire
from sst_desk.remote.errors import SessionExpired
from sst_desk.server.live import ChangeFeed, Resync
from sst_desk.services import Door
from sst_desk.workflow.access import Action, Actor

_log = logging.getLogger("sst_desk.server.events")

API = "/api/v1"
LOCATION = "server"
HEARTBEAT_SECONDS = 15.0
CACHE_SECONDS = 5.0
"""How long a stream trusts its last token check and its last answer about a case."""
NAME_SECONDS = 60.0
"""How long a user's name is kept for the events (a renamed colleague shows within a minute)."""


@dataclass
class _Reader:
    """One open stream: whose it is, and what was last found about the token and the cases."""

    token: str
    actor: Actor
    checked: float
    seen: dict[int, tuple[bool, float]]


class EventStreams:
    """The events endpoint of one server process."""

    def __init__(self, db: Database, actor_for: Callable[[str], Actor], feed: ChangeFeed, *,
                 heartbeat_seconds: float = HEARTBEAT_SECONDS, cache_seconds: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``actor_for(token)`` is the person a token stands for, or raises ``SessionExpired`` (without
        counting as use of the session)."""
        self.db, self.feed = db, feed
        self._actor_for = actor_for
        self._heartbeat = heartbeat_seconds
        self._cache = cache_seconds
        self._clock = clock
        self._names: dict[int, tuple[str, float]] = {}
        self.open_streams = 0

    def routes(self) -> list[Route]:
        return [Route(f"{API}/events", self.events, methods=["GET"])]

    async def events(self, request: Request) -> Response:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        token = token.strip()
        try:
            if scheme.lower() != "bearer" or not token:
                raise SessionExpired(LOCATION)
            actor = await run_in_threadpool(self._actor_for, token)
        except SessionExpired as exc:
            return JSONResponse({"error": wire.encode(exc)}, status_code=401)
        reader = _Reader(token, actor, self._clock(), {})
        subscription = self.feed.subscribe()  # before the first byte: nothing saved after "ready" is missed
        _log.info("GET %s/events user=%s opened", API, actor.user_id)
        return StreamingResponse(self._stream(reader, subscription), media_type=sse.MEDIA_TYPE,
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    async def _stream(self, reader: _Reader, subscription) -> AsyncIterator[bytes]:
        self.open_streams += 1
        try:
            yield sse.format_event(sse.READY, {"user": reader.actor.user_id})
            quiet_since = self._clock()
            while True:
                wait = max(0.0, quiet_since + self._heartbeat - self._clock())
                event = await subscription.get(timeout=wait)
                if event is None:
                    if not await self._still_valid(reader, force=True):
                        yield sse.format_event(sse.ENDED, {"reason": "session"})
                        return
                    yield sse.HEARTBEAT
                    quiet_since = self._clock()
                    continue
                if not await self._still_valid(reader):
                    yield sse.format_event(sse.ENDED, {"reason": "session"})
                    return
                if isinstance(event, Resync):
                    yield sse.format_event(sse.RESYNC, {})
                    quiet_since = self._clock()
                    continue
                told = await self._case_event(reader, event)
                if told is not None:
                    yield told
                    quiet_since = self._clock()
        finally:  # also when the client went away (the response's task is cancelled)
            subscription.close()
            self.open_streams -= 1
            _log.info("GET %s/events user=%s closed", API, reader.actor.user_id)

    async def _still_valid(self, reader: _Reader, *, force: bool = False) -> bool:
        now = self._clock()
        if not force and now - reader.checked < self._cache:
            return True
        try:
            reader.actor = await run_in_threadpool(self._actor_for, reader.token)
        except SessionExpired:
            return False
        reader.checked = now
        reader.seen.clear()  # a new role, or none: ask again
        return True

    async def _case_event(self, reader: _Reader, changed: CaseChanged) -> bytes | None:
        now = self._clock()
        known = reader.seen.get(changed.case_id)
        if known is not None and now - known[1] < self._cache:
            may = known[0]
        else:
            may = await run_in_threadpool(self._may_see, reader.actor, changed.case_id)
            reader.seen[changed.case_id] = (may, now)
        if not may:
            return None
        by = await self._name(changed.user_id)
        return sse.case_event(sse.CaseEvent(changed.case_id, changed.revision, changed.user_id, by))

    def _may_see(self, actor: Actor, case_id: int) -> bool:
        return Door(self.db.uow, actor).cases.may(Action.VIEW, case_id)

    async def _name(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        now = self._clock()
        known = self._names.get(user_id)
        if known is not None and now - known[1] < NAME_SECONDS:
            return known[0]
        record = await run_in_threadpool(accounts.get_user, self.db, user_id)
        name = (record.display_name or record.username) if record is not None else ""
        self._names[user_id] = (name, now)
        return name


__all__ = ["EventStreams"]
