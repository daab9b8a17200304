"""The client's end of the live change feed: a background thread reading ``GET /api/v1/events``.

::

    stream = EventStream(session, deliver)      # deliver(event) is called on the stream's thread
    stream.start()
    ...
    stream.stop()                                # on sign-out and app exit: the thread is gone after it

``deliver`` gets a ``sse.CaseEvent`` for each save of a case the person may see, ``Resync`` when changes
may have been missed (after a reconnect: what is shown should be reloaded), and ``SessionEnded`` when the
server ended the session (revoked, expired): then the thread stops without reconnecting. The window hands
the events to its UI thread with a Qt signal (``ui/common/live.py``); nothing here imports Qt.

The connection has timeouts (connect, and a read timeout three heartbeats long, so a network gone silent
is noticed) and is opened again with growing waits after a failure. ``stop()`` wakes the thread at once —
from a wait, or from a blocked read, by shutting the socket down — and joins it.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from sst_desk import __version__
from sst_desk.remote import sse

_log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15.0
"""How often the server sends a heartbeat while nothing happens (the read timeout is three of them)."""
RECONNECT_DELAYS: Sequence[float] = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
"""Seconds to wait before each attempt to open the stream again (the last one repeats)."""


@dataclass(frozen=True)
class Resync:
    """The stream was (re)opened after a break: changes may have been missed, reload what is shown."""


@dataclass(frozen=True)
class SessionEnded:
    """The server ended this session's stream (signed out, revoked, expired): no more events will come."""


RESYNC = Resync()
LiveEvent = sse.CaseEvent | Resync | SessionEnded


class EventSource(Protocol):
    """What the stream needs of a signed-in session (``remote.client.RemoteSession``)."""

    location: str

    def events_request(self) -> tuple[str, dict[str, str], Any]:
        """``(url, headers, verify)`` of the events endpoint: the address, the token, the TLS context."""


class EventStream:
    """Reads the events of one session on a thread of its own until ``stop()`` or the session ends."""

    def __init__(self, source: EventSource, deliver: Callable[[LiveEvent], None], *,
                 connect_timeout: float = 5.0, read_timeout: float = 3 * HEARTBEAT_SECONDS,
                 reconnect_delays: Sequence[float] = RECONNECT_DELAYS) -> None:
        self._source = source
        self._deliver = deliver
        self._timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._delays = tuple(reconnect_delays) or (1.0,)
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()  # set while the stream is open (after its ``ready``)
        self.opened = 0  # how many times the stream was opened
        self._renewed = False  # the session's token was replaced: reopen at once

    def start(self) -> EventStream:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sst-desk events", daemon=True)
            self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop reading and wait for the thread; True when it has ended."""
        self._stopping.set()
        self._interrupt()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _interrupt(self) -> None:
        with self._lock:
            sock = self._socket
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked on it (close() alone does not)
            except OSError:
                pass

    # --- on the stream's thread ------------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        try:
            with httpx.Client(timeout=self._timeout, follow_redirects=False, trust_env=False,
                              headers={"User-Agent": f"sst-desk/{__version__}"},
                              verify=self._source.events_request()[2]) as client:
                while not self._stopping.is_set():
                    ended = self._read(client)
                    if ended or self._stopping.is_set():
                        return
                    failures += 1
                    delay = self._delays[min(failures - 1, len(self._delays) - 1)]
                    if self.connected.is_set():
                        failures, delay = 0, self._delays[0]  # it was open: try again soon
                    if self._renewed:
                        self._renewed, failures, delay = False, 0, 0.0
                    self.connected.clear()
                    self._stopping.wait(delay)
        except Exception:  # noqa: BLE001 - a thread's last word: logged, never raised into nowhere
            _log.exception("the live change feed stopped")
        finally:
            self.connected.clear()

    def _read(self, client: httpx.Client) -> bool:
        """Read one connection of the stream; True when the session ended (do not reconnect)."""
        url, headers, _verify = self._source.events_request()
        try:
            with client.stream("GET", url, headers={**headers, "Accept": sse.MEDIA_TYPE}) as response:
                if response.status_code in (401, 403):
                    return self._ended(headers)
                if response.status_code == 404:
                    _log.warning("this server offers no live change feed")
                    return True  # an older server: the window works on without live changes
                if response.status_code != 200:
                    _log.warning("the live change feed was answered %s", response.status_code)
                    return False
                self._hold(response)
                try:
                    ended = self._events(response)
                finally:
                    self._hold(None)
                return self._ended(headers) if ended and not self._stopping.is_set() else ended
        except (httpx.TransportError, ValueError, OSError) as exc:
            if not self._stopping.is_set():
                _log.info("the live change feed broke off (%s)", type(exc).__name__)
            return False

    def _hold(self, response: httpx.Response | None) -> None:
        sock = None
        if response is not None:
            stream = response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            self._socket = sock
        if sock is not None and self._stopping.is_set():
            self._interrupt()  # stop() came while the connection was being made

    def _events(self, response: httpx.Response) -> bool:
        reader = sse.EventReader()
        for line in response.iter_lines():
            if self._stopping.is_set():
                return True
            for kind, data in reader.feed(line):
                event = sse.parse(kind, data)
                if isinstance(event, sse.CaseEvent):
                    self._deliver(event)
                elif isinstance(event, sse.StreamEvent) and event.kind == sse.READY:
                    self.opened += 1
                    self.connected.set()
                    if self.opened > 1:
                        self._deliver(RESYNC)  # what was saved while the stream was closed was not told
                elif isinstance(event, sse.StreamEvent) and event.kind == sse.RESYNC:
                    self._deliver(RESYNC)
                elif isinstance(event, sse.StreamEvent) and event.kind == sse.ENDED:
                    return True
        return False

    def _ended(self, headers: dict[str, str]) -> bool:
        """The server ended the stream of the token in ``headers``. True (and ``SessionEnded``) when the
        session is over; False when it goes on with a new token (a changed password): open it again."""
        if self._source.events_request()[1] != headers:
            self._renewed = True
            return False
        self._deliver(SessionEnded())
        return True


__all__ = ["RESYNC", "EventSource", "EventStream", "LiveEvent", "Resync", "SessionEnded"]
