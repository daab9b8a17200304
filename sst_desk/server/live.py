"""The server's one listener for changed cases: PostgreSQL LISTEN, fanned out to every open event stream.

Saves anywhere (this server process, another one on the same database, the command line on the server)
send ``pg_notify`` in their own transaction (``persistence/changes.py``); ``ChangeFeed`` holds ONE
connection that LISTENs on that channel and hands each notification to every subscriber (each open
``GET /api/v1/events`` stream, ``server/events.py``), which decides whether its person may hear of it.

The connection is watched: when no notification came for ``ping_seconds`` it is asked ``SELECT 1`` (a
network that went silent is found, not waited on for ever), and when it fails it is opened again with
growing waits. Notifications sent while it was down are lost, so after a reconnect — and for a subscriber
that fell too far behind — a ``RESYNC`` is delivered instead: the client reloads what it shows.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import psycopg
import sqlalchemy as sa

from sst_desk.persistence.changes import CHANNEL, CaseChanged

_log = logging.getLogger("sst_desk.server.live")

RECONNECT_DELAYS: Sequence[float] = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
"""Seconds to wait before each attempt to open the listening connection again (the last one repeats)."""
PING_SECONDS = 20.0
"""How long the connection may stay silent before it is asked whether it is still there."""
PING_TIMEOUT = 5.0
QUEUE_SIZE = 1000
"""Events a subscriber may have waiting; one more and it gets a ``RESYNC`` instead of the ones it missed."""


@dataclass(frozen=True)
class Resync:
    """Changes may have been missed (the listener reconnected, or a subscriber fell behind): reload."""


RESYNC = Resync()

Event = CaseChanged | Resync


def listen_conninfo(url: str | sa.URL) -> str:
    """The libpq connection string for a SQLAlchemy PostgreSQL URL (``postgresql+psycopg://…``)."""
    parsed = sa.engine.make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() != "postgresql":
        raise ValueError("live changes need a PostgreSQL database")
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


class Subscription:
    """One event stream's queue of events (``get`` waits for the next)."""

    def __init__(self, feed: ChangeFeed, size: int) -> None:
        self._feed = feed
        self._queue: asyncio.Queue[Event] = asyncio.Queue(size)
        self._lagged = False

    def put(self, event: Event) -> None:
        if self._lagged:
            return  # a RESYNC is already due: it covers this one too
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            self._lagged = True

    async def get(self, timeout: float | None = None) -> Event | None:
        """The next event, or None when ``timeout`` seconds pass without one."""
        if self._lagged and self._queue.empty():
            self._lagged = False
            return RESYNC
        if not self._queue.empty():
            return self._queue.get_nowait()
        try:
            return await asyncio.wait_for(self._queue.get(), timeout)
        except TimeoutError:
            return None

    def drain(self, most: int = 500) -> list[Event]:
        """The events waiting now (at most ``most``), without waiting for more."""
        found: list[Event] = []
        while len(found) < most:
            try:
                found.append(self._queue.get_nowait())
            except asyncio.QueueEmpty:
                if self._lagged:
                    self._lagged = False
                    found.append(RESYNC)
                break
        return found

    def close(self) -> None:
        self._feed.unsubscribe(self)

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ChangeFeed:
    """The one LISTEN connection of this server process and the subscribers it feeds.

    ``start()`` and ``stop()`` run on the server's event loop (the application's lifespan); ``subscribe()``
    gives a ``Subscription``. ``connected`` is set while the connection listens.
    """

    def __init__(self, conninfo: str, *, reconnect_delays: Sequence[float] = RECONNECT_DELAYS,
                 ping_seconds: float = PING_SECONDS, queue_size: int = QUEUE_SIZE) -> None:
        self._conninfo = conninfo
        self._delays = tuple(reconnect_delays) or (1.0,)
        self._ping_seconds = ping_seconds
        self._queue_size = queue_size
        self._subscribers: set[Subscription] = set()
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()
        self.connections = 0  # how many times the connection was opened (1 + reconnects)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def subscribe(self) -> Subscription:
        subscription = Subscription(self, self._queue_size)
        self._subscribers.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscribers.discard(subscription)

    def publish(self, event: Event) -> None:
        for subscription in list(self._subscribers):
            subscription.put(event)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="sst-desk change feed")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        self.connected.clear()

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                connection = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True,
                                                                   connect_timeout=10)
            except (psycopg.Error, OSError) as exc:
                failures += 1
                _log.warning("the change feed cannot connect to the database (%s); trying again",
                             type(exc).__name__)
                await asyncio.sleep(self._delays[min(failures - 1, len(self._delays) - 1)])
                continue
            try:
                async with connection:
                    await connection.execute(f"LISTEN {CHANNEL}")
                    self.connections += 1
                    if self.connections > 1:
                        self.publish(RESYNC)  # what was sent while the connection was down is lost
                    self.connected.set()
                    failures = 0
                    await self._listen(connection)
            except (psycopg.Error, OSError, TimeoutError) as exc:
                _log.warning("the change feed lost its database connection (%s); reconnecting",
                             type(exc).__name__)
            finally:
                self.connected.clear()
            failures += 1
            await asyncio.sleep(self._delays[min(failures - 1, len(self._delays) - 1)])

    async def _listen(self, connection: psycopg.AsyncConnection) -> None:
        while True:
            heard = False
            async for notify in connection.notifies(timeout=self._ping_seconds):
                heard = True
                if notify.channel != CHANNEL:
                    continue
                changed = CaseChanged.from_payload(notify.payload)
                if changed is not None:
                    self.publish(changed)
            if not heard:
                await asyncio.wait_for(connection.execute("SELECT 1"), PING_TIMEOUT)


__all__ = ["RESYNC", "ChangeFeed", "Event", "Resync", "Subscription", "listen_conninfo"]
