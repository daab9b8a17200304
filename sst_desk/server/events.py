"""``GET /api/v1/events``: the live change feed as server-sent events, each person hearing only of their cases.

Every stream is one subscriber of the server's ``ChangeFeed`` (``server/live.py``). For each changed case
it asks the server's own door, as the stream's person, whether they may see the case
(``services.cases.may``, VIEW; nothing is logged) — a kurator never learns that a protected student's case,
or a case she is not responsible for, changed — and sends the case id, the revision and the name of who
saved it (resolved here, from the user id the notification carries). The answers about a case are kept
for ``CACHE_SECONDS`` per stream (that is, per token), so a burst of saves of one case does not ask the
database once per save and person; they are forgotten when the person's role changes.

The token is checked when the stream opens (401 otherwise, as every endpoint), again before each batch of
events is sent (what waits in the stream's queue goes out together, after one check), and at every
heartbeat: a revoked or expired token ends the stream with an ``ended`` event, and nothing saved after the
revocation reaches it. The check does not count as use: an open window does not keep an idle session
alive. Wording of the stream: ``remote/sse.py``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from sst_desk.persistence import Database, accounts
from sst_desk.persistence.changes import CaseChanged
from sst_desk.remote import sse, wire
from sst_desk.remote.errors import PasswordChangeRequired, SessionExpired
from sst_desk.server.live import ChangeFeed, Event, Resync, Subscription, listen_conninfo
from sst_desk.services import Door
from sst_desk.workflow.access import Action, Actor

_log = logging.getLogger("sst_desk.server.events")

API = "/api/v1"
LOCATION = "server"
HEARTBEAT_SECONDS = 15.0
CACHE_SECONDS = 5.0
"""How long a stream keeps its answer about a case (may its person see it?)."""
NAME_SECONDS = 60.0
"""How long a user's name is kept for the events (a renamed colleague shows within a minute)."""
BATCH = 500
"""The most events sent after one token check."""


@dataclass
class _Reader:
    """One open stream: whose it is, and what was found about the cases it was told of."""

    token: str
    actor: Actor
    seen: dict[int, tuple[bool, float]] = field(default_factory=dict)


class EventStreams:
    """The events endpoint of one server process."""

    def __init__(self, db: Database, actor_for: Callable[[str], Actor], feed: ChangeFeed, *,
                 heartbeat_seconds: float = HEARTBEAT_SECONDS, cache_seconds: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``actor_for(token)`` is the person a token stands for, or raises ``SessionExpired`` (or
        ``PasswordChangeRequired``: nothing is told to someone who may not act yet); it should not count as use
        of the session."""
        self.db, self.feed = db, feed
        self._actor_for = actor_for
        self._heartbeat = heartbeat_seconds
        self._cache = cache_seconds
        self._clock = clock
        self._names: dict[int, tuple[str, float]] = {}
        self.open_streams = 0

    def routes(self, guard: Callable[[Callable], Callable] | None = None) -> list[Route]:
        """The endpoint's route; ``guard`` wraps it as the server's other endpoints are (``ServerApp.guarded``:
        the request logged, nothing unexpected leaving the server)."""
        return [Route(f"{API}/events", guard(self.events) if guard is not None else self.events, methods=["GET"])]

    async def events(self, request: Request) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        try:
            if scheme.lower() != "bearer" or not token:
                raise SessionExpired(LOCATION)
            actor = await run_in_threadpool(self._actor_for, token)
        except (SessionExpired, PasswordChangeRequired) as exc:  # answered as every endpoint answers them
            status = 403 if isinstance(exc, PasswordChangeRequired) else 401
            return JSONResponse({"error": wire.encode(exc)}, status_code=status)
        request.state.user_id = actor.user_id  # for the server's request log (ServerApp.guarded)
        reader = _Reader(token, actor)
        subscription = self.feed.subscribe()  # before the first byte: nothing saved after "ready" is missed
        return StreamingResponse(self._stream(reader, subscription), media_type=sse.MEDIA_TYPE,
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    async def _stream(self, reader: _Reader, subscription: Subscription) -> AsyncIterator[bytes]:
        self.open_streams += 1
        _log.info("GET %s/events user=%s opened", API, reader.actor.user_id)
        try:
            yield sse.format_event(sse.READY, {"user": reader.actor.user_id})
            quiet_since = self._clock()
            while True:
                first = await subscription.get(timeout=max(0.0, quiet_since + self._heartbeat - self._clock()))
                if not await run_in_threadpool(self._still_valid, reader):
                    yield sse.format_event(sse.ENDED, {"reason": "session"})
                    return
                if first is None:
                    yield sse.HEARTBEAT
                    quiet_since = self._clock()
                    continue
                told = await run_in_threadpool(self._told, reader, [first, *subscription.drain(BATCH - 1)])
                if told:
                    yield told
                    quiet_since = self._clock()
        finally:  # also when the client went away (the response's task is cancelled)
            subscription.close()
            self.open_streams -= 1
            _log.info("GET %s/events user=%s closed", API, reader.actor.user_id)

    # --- in the thread pool (the database is asked synchronously) ------------------------------------------

    def _still_valid(self, reader: _Reader) -> bool:
        try:
            actor = self._actor_for(reader.token)
        except (SessionExpired, PasswordChangeRequired):
            return False
        if actor != reader.actor:
            reader.seen.clear()  # a new role or name: ask again
            reader.actor = actor
        return True

    def _told(self, reader: _Reader, events: list[Event]) -> bytes:
        """The stream's bytes for ``events``: a resync once, and each change its person may see."""
        out: list[bytes] = []
        if any(isinstance(event, Resync) for event in events):
            out.append(sse.format_event(sse.RESYNC, {}))
        for event in events:
            if isinstance(event, CaseChanged) and self._may_see(reader, event.case_id):
                out.append(sse.case_event(sse.CaseEvent(event.case_id, event.revision, event.user_id,
                                                        self._name(event.user_id))))
        return b"".join(out)

    def _may_see(self, reader: _Reader, case_id: int) -> bool:
        now = self._clock()
        known = reader.seen.get(case_id)
        if known is not None and now - known[1] < self._cache:
            return known[0]
        may = Door(self.db.uow, reader.actor).cases.may(Action.VIEW, case_id)
        reader.seen[case_id] = (may, now)
        return may

    def _name(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        now = self._clock()
        known = self._names.get(user_id)
        if known is not None and now - known[1] < NAME_SECONDS:
            return known[0]
        record = accounts.get_user(self.db, user_id)
        name = (record.display_name or record.username) if record is not None else ""
        self._names[user_id] = (name, now)
        return name


def install(starlette: Starlette, db: Database, actor_for: Callable[[str], Actor], *,
            guard: Callable[[Callable], Callable] | None = None) -> EventStreams | None:
    """Give the server's application the events endpoint and its change feed (started and stopped with the
    application's lifespan). Only on PostgreSQL; on SQLite nothing is ever notified, and None is returned."""
    if db.engine.dialect.name != "postgresql":
        return None
    feed = ChangeFeed(listen_conninfo(db.engine.url))
    streams = EventStreams(db, actor_for, feed)
    starlette.router.routes.extend(streams.routes(guard))
    outer = starlette.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[object]:
        feed.start()
        try:
            async with outer(app) as state:
                yield state
        finally:
            await feed.stop()

    starlette.router.lifespan_context = lifespan
    starlette.state.events = streams
    return streams


__all__ = ["EventStreams", "install"]
