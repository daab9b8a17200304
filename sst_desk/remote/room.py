"""The window's side of a case room: one open case as a shared document, kept in step with the team server.

::

    room = RoomClient(session, case_id, doc, post=bridge.post, on_status=..., on_awareness=...)
    room.start()                       # connects in the background; keeps trying while the server is away
    room.set_presence({"user": {...}, "field": "r12/guardians_view"})
    room.close()                       # sends what is pending, removes our presence, ends the thread

Two parts. ``SyncPeer`` is the protocol without a transport: the Yjs sync protocol (step 1: "this is what I
have", step 2: "here is what you lack", then updates) and the awareness protocol (who is here, in which field)
over one ``pycrdt.Doc``, using pycrdt's ``_sync`` helpers and ``pycrdt.Awareness``. ``RoomClient`` carries it
over a WebSocket (``wss://…/api/v1/rooms/{case_id}``, the session's token, the server's TLS context) on a
thread of its own.

The document is touched only in the thread that owns it (the window's UI thread): the network thread never
reads or writes it, it hands every incoming message to ``post(fn)`` and ``fn`` applies it where the doc
lives. Edits made while the server cannot be reached stay in the document; when the connection is back both
sides send sync step 1 and answer with what the other lacks, so nothing needs a queue of its own
(tests/unit/test_room_convergence.py checks that nothing is lost that way).
"""

from __future__ import annotations

import enum
import logging
import queue
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from pycrdt import (
    Awareness,
    Doc,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    create_sync_message,
    create_update_message,
    handle_sync_message,
    read_message,
)

_log = logging.getLogger(__name__)

ORIGIN_ROOM = "room"
"""The origin of the transactions that apply what came from the server: these are not sent back."""
HEARTBEAT_SECONDS = 15.0
"""Our presence is renewed this often while nothing changes (the server forgets a client silent for 30 s)."""
OUTDATED_MS = 30_000
"""Someone whose presence was not renewed for this long has left (a laptop closed without a goodbye)."""
RECONNECT_DELAYS: Sequence[float] = (0.5, 1.0, 2.0, 5.0, 10.0)
"""Seconds to wait before each new attempt to reach the room (the last one repeats)."""
OPEN_TIMEOUT = 5.0
MAX_MESSAGE = 16 * 1024 * 1024
"""The largest message taken from the server (a whole case's document in sync step 2 is far smaller)."""
REFUSALS = {4401: "session", 4403: "forbidden", 4404: "no case"}
"""Close codes after which the client does not try again: the session ended, the person may not see the
case, there is no such case. An HTTP 401/403/404 answer to the opening handshake counts the same."""
_EMPTY_UPDATE = b"\x00\x00"


class RoomStatus(enum.Enum):
    CONNECTING = "connecting"  # opening the connection, or waiting for the server's answer to sync step 1
    SYNCED = "synced"          # the document holds what the server holds; edits travel as they are made
    OFFLINE = "offline"        # the server cannot be reached: edits stay in the document, tried again soon
    REFUSED = "refused"        # the server said no (``refusal``: the close code); not tried again
    CLOSED = "closed"          # ``close()`` was called


class SyncPeer:
    """One side of the sync and awareness protocols over ``doc``, without a transport.

    Every method runs in the thread that owns ``doc``; ``send(message)`` is called there for every message
    to the other side (the transport queues it). ``connected()`` when a connection opens (sends sync step 1
    and our presence), ``receive(message)`` for each message that comes, ``disconnected()`` when it breaks.
    Local changes of the document (any transaction whose origin is not ``origin``) are sent as updates while
    connected; made while not, they reach the other side with the next sync step 2.
    """

    def __init__(self, doc: Doc, send: Callable[[bytes], None], *, origin: str = ORIGIN_ROOM,
                 outdated_ms: int = OUTDATED_MS, renew_ms: int = int(HEARTBEAT_SECONDS * 1000),
                 on_synced: Callable[[], None] | None = None,
                 on_awareness: Callable[[], None] | None = None) -> None:
        self.doc = doc
        self._send = send
        self._origin = origin
        self._origin_hash = hash(origin)  # pycrdt keeps a transaction's origin as its hash
        self._outdated_ms = outdated_ms
        self._renew_ms = renew_ms
        self._on_synced = on_synced
        self._on_awareness = on_awareness
        self.connected_now = False
        self.synced = False
        self.awareness = Awareness(doc)
        # Its first state has clock 0, which the others ignore (y-protocols' rule: only a newer clock counts);
        # at 1 they learn of us on joining even before we say where we are.
        self.awareness.set_local_state({})
        self._awareness_sub = self.awareness.observe(self._awareness_changed)
        self._doc_sub = doc.observe(self._doc_changed)

    # --- the connection ------------------------------------------------------------------------------

    def connected(self) -> None:
        """A connection opened: tell the other side what we have (sync step 1) and who we are."""
        self.connected_now, self.synced = True, False
        self._send(create_sync_message(self.doc))
        if self.awareness.get_local_state() is not None:
            self._send(self._awareness_message([self.awareness.client_id]))

    def disconnected(self) -> None:
        """The connection broke: updates wait in the document; whoever was here is no longer known."""
        self.connected_now, self.synced = False, False
        others = [client for client in self.awareness.states if client != self.awareness.client_id]
        if others:
            self.awareness.remove_awareness_states(others, "offline")

    def receive(self, message: bytes) -> None:
        """Handle one message from the other side (replies go to ``send``)."""
        if not message:
            return
        kind = message[0]
        if kind == YMessageType.SYNC:
            if len(message) < 2:
                return
            step = message[1]
            with self.doc.transaction(origin=self._origin):
                reply = handle_sync_message(message[1:], self.doc)
            if reply is not None and self.connected_now:
                self._send(reply)
            if step == YSyncMessageType.SYNC_STEP2 and not self.synced:
                self.synced = True
                if self._on_synced is not None:
                    self._on_synced()
        elif kind == YMessageType.AWARENESS:
            self.awareness.apply_awareness_update(read_message(message[1:]), "remote")
        # other message kinds (auth, query awareness) are not spoken by our server: ignored

    # --- presence ------------------------------------------------------------------------------------

    def set_presence(self, state: dict[str, Any] | None) -> None:
        """Our presence (None: we left); sent at once when connected."""
        self.awareness.set_local_state(state)

    def presence(self) -> dict[int, dict[str, Any]]:
        """The others' presence by client id (empty states, as the server's own, left out)."""
        own = self.awareness.client_id
        return {client: state for client, state in self.awareness.states.items() if client != own and state}

    def heartbeat(self, now_ms: int | None = None) -> None:
        """Renew our presence if it was last sent ``renew_ms`` ago; forget others silent ``outdated_ms``."""
        now = int(time.time() * 1000) if now_ms is None else now_ms
        own = self.awareness.client_id
        local = self.awareness.get_local_state()
        meta = self.awareness.meta.get(own)
        if local is not None and meta is not None and now - meta["lastUpdated"] >= self._renew_ms * 0.9:
            self.awareness.set_local_state(local)
        gone = [client for client, meta in self.awareness.meta.items()
                if client != own and client in self.awareness.states
                and now - meta["lastUpdated"] >= self._outdated_ms]
        if gone:
            self.awareness.remove_awareness_states(gone, "timeout")

    def close(self) -> None:
        """Leave: remove our presence (sent if connected) and stop watching the document."""
        if self.awareness.get_local_state() is not None:
            self.awareness.set_local_state(None)
        self.connected_now = False
        self.doc.unobserve(self._doc_sub)
        self.awareness.unobserve(self._awareness_sub)

    # --- callbacks -------------------------------------------------------------------------------------

    def _awareness_message(self, clients: list[int]) -> bytes:
        return create_awareness_message(self.awareness.encode_awareness_update(clients))

    def _doc_changed(self, event: Any) -> None:
        if not self.connected_now or event.transaction.origin() == self._origin_hash:
            return
        update = event.update
        if update != _EMPTY_UPDATE:
            self._send(create_update_message(update))

    def _awareness_changed(self, topic: str, changes: tuple[dict[str, list[int]], Any]) -> None:
        what, origin = changes
        if topic == "update" and origin == "local":
            if self.connected_now:
                self._send(self._awareness_message([client for ids in what.values() for client in ids]))
        elif topic == "change" and origin != "local":
            if what["added"] and self.connected_now and self.awareness.get_local_state() is not None:
                # Someone joined: the room only relays, so tell them who we are now rather than at our next
                # renewal (up to 15 s). Once per newcomer: our renewal reaches the others as an update, not
                # as someone new, so this does not echo.
                self.awareness.set_local_state(self.awareness.get_local_state())
            if self._on_awareness is not None:
                self._on_awareness()


class RoomSource(Protocol):
    """What the room needs of a signed-in session (``remote.client.RemoteSession``, or the window's
    ``remote.connection.ServerConnection``, which follows the session it works in now)."""

    location: str

    def room_request(self, case_id: int) -> tuple[str, dict[str, str], ssl.SSLContext]:
        """``(wss:// address, headers with the token, TLS context)`` of the case's room."""


_STOP = object()  # the outbox's last item: send nothing after it, close the connection
_WAKE = object()  # the reader saw the connection end: stop waiting for the outbox


class RoomClient:
    """One case's room on the team server, kept in step with ``doc`` on a thread of its own.

    ``post(fn)`` must run ``fn`` in the thread that owns ``doc`` (the window's: a queued signal). Status
    changes and others' presence are told there too (``on_status(status)``, ``on_awareness()``).
    """

    def __init__(self, session: RoomSource, case_id: int, doc: Doc, *, post: Callable[[Callable[[], None]], None],
                 on_status: Callable[[RoomStatus], None] | None = None,
                 on_awareness: Callable[[], None] | None = None,
                 reconnect_delays: Sequence[float] = RECONNECT_DELAYS,
                 heartbeat_seconds: float = HEARTBEAT_SECONDS, open_timeout: float = OPEN_TIMEOUT) -> None:
        self.session = session
        self.case_id = case_id
        self._post = post
        self._on_status = on_status
        self._on_awareness = on_awareness
        self._delays = tuple(reconnect_delays) or (1.0,)
        self._heartbeat = heartbeat_seconds
        self._open_timeout = open_timeout
        self.status = RoomStatus.CONNECTING
        self.refusal: int | None = None
        self.problem: BaseException | None = None  # why the room cannot be reached now (a sentence), or None
        self.connections = 0  # how many times the room was joined
        self._outbox: queue.Queue[Any] = queue.Queue()
        self._generation = 0  # the connection the owner thread knows of (0: none); messages carry it
        self._stopping = threading.Event()
        self._closed = False
        self._lock = threading.Lock()
        self._ws: Any = None
        self._thread: threading.Thread | None = None
        self.peer = SyncPeer(doc, self._queue, renew_ms=int(heartbeat_seconds * 1000), on_synced=self._synced,
                             on_awareness=self._awareness)

    # --- the owner's side --------------------------------------------------------------------------

    def start(self) -> RoomClient:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._run, name=f"sst-desk room {self.case_id}", daemon=True)
            self._thread.start()
        return self

    def set_presence(self, state: dict[str, Any]) -> None:
        """Our presence in the room: ``{"user": {...}, "field": "<record key>/<attribute>" or ""}``."""
        if not self._closed:
            self.peer.set_presence(state)

    def presence(self) -> dict[int, dict[str, Any]]:
        """The others in the room: their presence by client id."""
        return {} if self._closed else self.peer.presence()

    def close(self, timeout: float = 2.0) -> bool:
        """Send what is pending and our goodbye, close the connection, end the thread (True when it ended).

        Runs in the owner's thread. Edits not sent (offline) stay in the document."""
        if self._closed:
            return True
        self.peer.close()  # queues the removal of our presence while connected
        self._closed = True
        self._outbox.put(_STOP)
        self._stopping.set()
        self._set_status(RoomStatus.CLOSED)
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        if thread.is_alive():
            self._abort()
            thread.join(0.5)
        return not thread.is_alive()

    def _queue(self, message: bytes) -> None:
        if self._generation:
            self._outbox.put((self._generation, message))

    def _set_status(self, status: RoomStatus) -> None:
        if self.status is status:
            return
        self.status = status
        if self._on_status is not None:
            self._on_status(status)

    def _synced(self) -> None:
        self.problem = None
        self._set_status(RoomStatus.SYNCED)

    def _awareness(self) -> None:
        if self._on_awareness is not None:
            self._on_awareness()

    # posted from the network thread, run in the owner's

    def _opened(self, generation: int) -> None:
        if self._closed:
            return
        self._generation = generation
        self._set_status(RoomStatus.CONNECTING)
        self.peer.connected()

    def _incoming(self, generation: int, message: bytes) -> None:
        if self._closed or generation != self._generation:
            return  # from a connection that has ended since
        try:
            self.peer.receive(message)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # noqa: BLE001 - a malformed message (Yrs panics with a BaseException) must not
            _log.warning("a message from the case room could not be read", exc_info=True)  # end the event loop

    def _lost(self, generation: int, status: RoomStatus, problem: BaseException | None) -> None:
        if self._closed:
            return
        if generation and generation == self._generation:
            self._generation = 0
            self.peer.disconnected()
        self.problem = problem
        self._set_status(status)

    def _tick(self) -> None:
        if not self._closed:
            self.peer.heartbeat()

    # --- the network thread ------------------------------------------------------------------------

    def _run(self) -> None:
        failures, generation = 0, 0
        while not self._stopping.is_set():
            problem: BaseException | None = None
            try:
                uri, headers, tls = self.session.room_request(self.case_id)
                ws, problem, refusal = self._connect(uri, headers, tls)
                if ws is not None:
                    generation += 1
                    self.connections += 1
                    failures = 0
                    with ws:  # (websockets 17.1 wants its connections used as context managers)
                        code = self._serve(ws, generation)
                    if self._stopping.is_set():
                        return
                    refusal, problem = (code if code in REFUSALS else None), None
                if refusal is not None:
                    if refusal == 4401 and self.session.room_request(self.case_id)[1] != headers:
                        continue  # the session goes on with a new token (a changed password): at once
                    self.refusal = refusal
                    self._post(lambda g=generation: self._lost(g, RoomStatus.REFUSED, None))
                    return
            except Exception:  # noqa: BLE001 - never a dead thread behind a room that looks alive: try again
                _log.exception("the case room's connection failed")
            self._post(lambda g=generation, p=problem: self._lost(g, RoomStatus.OFFLINE, p))
            delay = self._delays[min(failures, len(self._delays) - 1)]
            failures += 1
            self._stopping.wait(delay)

    def _connect(self, uri: str, headers: dict[str, str], tls: ssl.SSLContext):
        """``(connection, None, None)``, or ``(None, the problem as a sentence, a refusal code or None)``."""
        from websockets.exceptions import InvalidStatus, WebSocketException
        from websockets.sync.client import connect

        from sst_desk.remote.client import NAME_MISMATCH, _certificate_failure
        from sst_desk.remote.errors import CertificateNameError, ServerUnreachableError, UntrustedCertificateError

        location = getattr(self.session, "location", uri)
        try:
            ws = connect(uri, ssl=tls, additional_headers=headers, open_timeout=self._open_timeout,
                         proxy=None, max_size=MAX_MESSAGE, compression=None, close_timeout=2,
                         user_agent_header=_user_agent(), create_connection=_connection_class())
        except InvalidStatus as exc:
            code = 4000 + exc.response.status_code
            _log.info("case room %s: answered %s", self.case_id, exc.response.status_code)
            if code in REFUSALS:
                return None, None, code
            return None, ServerUnreachableError(location), None
        except (OSError, WebSocketException) as exc:  # also a connection lost in the handshake (ConnectionClosed)
            _log.info("case room %s: not reached (%s)", self.case_id, type(exc).__name__)
            verify = _certificate_failure(exc)
            if verify is not None:
                error = (CertificateNameError if verify.verify_code in NAME_MISMATCH else UntrustedCertificateError)
                return None, error(location), None
            return None, ServerUnreachableError(location), None
        with self._lock:
            self._ws = ws
        return ws, None, None

    def _serve(self, ws: Any, generation: int) -> int | None:
        """Carry one connection until it ends; its close code (None when it broke without one)."""
        from websockets.exceptions import ConnectionClosed

        self._post(lambda: self._opened(generation))
        closed: list[int | None] = []

        def read() -> None:
            try:
                while True:
                    message = ws.recv()
                    if isinstance(message, bytes):
                        self._post(lambda m=message: self._incoming(generation, m))
            except ConnectionClosed as exc:
                closed.append(exc.rcvd.code if exc.rcvd is not None else None)
            except Exception:  # noqa: BLE001 - whatever broke the connection, it is over: reconnect
                closed.append(None)
            finally:
                self._outbox.put(_WAKE)

        reader = threading.Thread(target=read, name=f"sst-desk room {self.case_id} reader", daemon=True)
        reader.start()
        next_beat = time.monotonic() + self._heartbeat
        try:
            while True:
                now = time.monotonic()
                if now >= next_beat:  # renew our presence, forget the silent (also while messages flow)
                    self._post(self._tick)
                    next_beat = now + self._heartbeat
                try:
                    item = self._outbox.get(timeout=next_beat - now)
                except queue.Empty:
                    continue
                if item is _STOP:
                    break
                if item is _WAKE:
                    if closed:
                        break
                    continue
                item_generation, message = item
                if item_generation == generation:
                    ws.send(message)
        except ConnectionClosed:
            pass
        finally:
            try:
                ws.close()
            except Exception:  # noqa: BLE001 - closing a connection that broke
                pass
            with self._lock:
                self._ws = None
            reader.join(2.0)
        _log.info("case room %s: connection %s ended (%s)", self.case_id, generation, closed[0] if closed else None)
        return closed[0] if closed else None

    def _abort(self) -> None:
        with self._lock:
            ws = self._ws
        if ws is not None:
            try:
                ws.socket.shutdown(2)
            except OSError:
                pass


_CONNECTION: type | None = None


def _connection_class() -> type:
    """websockets' sync client connection, made safe for TLS 1.3's session tickets.

    The connection starts its reading thread before it writes the upgrade request, so the server's session
    tickets, which arrive just then, are read by one thread (``SSL_read``) while the other writes the request
    (``SSL_write``) on the same OpenSSL object, which is not thread-safe: now and then the request is lost or
    the write fails with an SSL "internal error", and the reader blocks (select said readable; the ticket held
    no data for the application). After ``open_timeout``, ``connect()`` then closed the socket and waited for
    that reader for good (the join stall of docs/collab.md). Here the reader starts reading only once the
    request is written (the tickets are read after it, before the answer), and closing shuts the socket down
    first, which ends a blocked read whatever the cause."""
    global _CONNECTION
    if _CONNECTION is None:
        import socket

        from websockets.sync.client import ClientConnection

        class SafeConnection(ClientConnection):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                self._request_written = threading.Event()  # before super() starts the reading thread
                super().__init__(*args, **kwargs)

            def recv_events(self) -> None:
                self._request_written.wait()
                super().recv_events()

            def send_data(self) -> None:
                try:
                    super().send_data()
                finally:
                    self._request_written.set()

            def close_socket(self) -> None:
                self._request_written.set()
                try:
                    self.socket.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                super().close_socket()

        _CONNECTION = SafeConnection
    return _CONNECTION


def _user_agent() -> str:
    from sst_desk import __version__

    return f"sst-desk/{__version__}"


__all__ = ["HEARTBEAT_SECONDS", "ORIGIN_ROOM", "REFUSALS", "RoomClient", "RoomSource", "RoomStatus", "SyncPeer"]
