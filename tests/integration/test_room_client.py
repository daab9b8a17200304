"""The window's room client (``remote.room.RoomClient``) over real TLS and real WebSockets.

The room here is a tiny ``websockets.sync.server`` in the test, with the test CA's certificates
(tests/server_harness.py), speaking the same Yjs sync and awareness protocol as the team server's rooms: a
shared document, one ``SyncPeer`` per connection, awareness forwarded to the others. It proves what does not
depend on the team server: connecting with the CA file (the token in the header, the right path), refusing a
certificate the computer does not trust or one made out for another name (a sentence, nothing sent), coming
back after the server was stopped and started again with the edits made meanwhile on both sides, no retry
after a refusal (4403 on the connection, 401 on the handshake), pending edits and the goodbye sent on close,
and others' presence.

The client's document lives on an "owner" thread standing in for the window's UI thread: ``post`` queues to
it, and the test reads and edits the document only through it.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import http
import os
import queue
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Map, Text
from websockets.sync.server import Server, ServerConnection, serve

from sst_desk.collab.casedoc import utf8_offset
from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.remote.errors import CertificateNameError, ServerUnreachableError, UntrustedCertificateError
from sst_desk.remote.room import RoomClient, RoomStatus, SyncPeer
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.codes import Stage

from server_harness import ADMIN, PG_URL, Certificates, TeamServer, certificates, free_port, team_server

pytestmark = pytest.mark.timeout(60)

FAST = (0.1, 0.2, 0.4)  # reconnect waits for the tests (the window's are 0.5 s … 10 s)
TOKEN = "token-of-sara"


# --- the owner's thread ---------------------------------------------------------------------------------

class Owner:
    """A thread that runs what is posted to it, in order: the window's UI thread in miniature."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.errors: list[BaseException] = []  # what a posted function raised (Qt would print it and go on)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (fn := self._queue.get()) is not None:
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - kept for the test to fail on
                self.errors.append(exc)

    def post(self, fn: Callable[[], None]) -> None:
        self._queue.put(fn)

    def call(self, fn: Callable[[], Any]) -> Any:
        done: queue.Queue[tuple[bool, Any]] = queue.Queue()

        def run() -> None:
            try:
                done.put((True, fn()))
            except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                done.put((False, exc))

        self.post(run)
        ok, value = done.get(timeout=10)
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(5)


def wait_for(condition: Callable[[], bool], timeout: float = 10.0, what: str | Callable[[], str] = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    said = what() if callable(what) else what
    faulthandler.dump_traceback(all_threads=True)  # where each thread is, for a wait that never ended
    raise AssertionError(f"waited {timeout} s in vain for {said or condition}")


# --- the room in the test -----------------------------------------------------------------------------

class RoomServer:
    """A case room over WebSockets and TLS: one shared document, a ``SyncPeer`` per connection.

    ``refuse`` maps a case id to a close code sent right after the handshake; a wrong token gets 401 on the
    handshake. ``requests`` records (path, Authorization header) of every connection that reached it."""

    def __init__(self, cert: tuple[Path, Path], port: int | None = None) -> None:
        self.cert = cert
        self.port = port or free_port()
        self.doc = Doc(allow_multithreading=True)
        self.lock = threading.RLock()
        self.refuse: dict[int, int] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.handshakes = 0
        self.awareness_seen: list[bytes] = []
        self._connections: set[ServerConnection] = set()
        self._numbers = iter(range(1, 1_000_000))
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> RoomServer:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(*self.cert)
        self._server = serve(self._handle, "127.0.0.1", self.port, ssl=tls, process_request=self._check)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server = None
        if self._thread is not None:
            self._thread.join(5)

    def _check(self, connection: ServerConnection, request: Any) -> Any:
        self.handshakes += 1
        self.requests.append((request.path, request.headers.get("Authorization")))
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return connection.respond(http.HTTPStatus.UNAUTHORIZED, "session expired\n")
        return None

    def _handle(self, ws: ServerConnection) -> None:
        case_id = int(ws.request.path.rsplit("/", 1)[1])
        if case_id in self.refuse:
            ws.close(self.refuse[case_id], "refused")
            return
        with self.lock:
            peer = SyncPeer(self.doc, ws.send, origin=f"connection {next(self._numbers)}")
            peer.set_presence(None)  # the room has no presence of its own
            self._connections.add(ws)
            peer.connected()
        try:
            for message in ws:
                assert isinstance(message, bytes)
                if message[0] == 1:  # awareness: to everyone else
                    self.awareness_seen.append(message)
                    for other in list(self._connections):
                        if other is not ws:
                            try:
                                other.send(message)
                            except Exception:  # noqa: BLE001 - that one is going away
                                pass
                    continue
                with self.lock:
                    peer.receive(message)
        except Exception:  # noqa: BLE001 - a connection that broke
            pass
        finally:
            with self.lock:
                self._connections.discard(ws)
                peer.close()

    def edit(self, fn: Callable[[Doc], None]) -> None:
        with self.lock:
            fn(self.doc)

    def text(self) -> str:
        with self.lock:
            return str(self.doc.get("case", type=Map)["reason"]) if "reason" in self.doc.get("case", type=Map) else ""


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return certificates(tmp_path_factory.mktemp("room-certs"))


@pytest.fixture
def owner() -> Iterator[Owner]:
    owner = Owner()
    yield owner
    owner.stop()
    assert not owner.errors, f"a posted function raised: {owner.errors!r}"


@pytest.fixture
def room(certs: Certificates) -> Iterator[RoomServer]:
    room = RoomServer(certs.good)
    with room.lock:
        case = room.doc.get("case", type=Map)
        case["key"] = "r7"
        case["id"] = 7
        case["reason"] = Text("Hög frånvaro")
    room.start()
    yield room
    room.stop()


def session_for(url: str, ca: Path | None, token: str = TOKEN) -> RemoteSession:
    actor = Actor(3, "sara", "Sara Lind", Role.SKOLSOCIONOM)
    return RemoteSession(RemoteServer(url, ca_file=ca), token, actor,
                         expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))


class Window:
    """A window with a case open: its document on the owner's thread and its room client."""

    def __init__(self, owner: Owner, session: RemoteSession, case_id: int = 7, **options: Any) -> None:
        self.owner = owner
        self.statuses: list[RoomStatus] = []
        self.awareness_calls = 0
        self.doc: Doc = owner.call(Doc)
        self.client: RoomClient = owner.call(lambda: RoomClient(
            session, case_id, self.doc, post=owner.post, on_status=self.statuses.append,
            on_awareness=self._awareness, reconnect_delays=options.pop("reconnect_delays", FAST), **options))

    def _awareness(self) -> None:
        self.awareness_calls += 1

    def said(self, what: str) -> Callable[[], str]:
        """What a failed wait reports: the room client's statuses, problem and joins so far."""
        client = self.client
        return lambda: (f"{what} (statuses {[s.name for s in self.statuses]}, problem {client.problem!r}, "
                        f"joined {client.connections}, refusal {client.refusal}, thread alive "
                        f"{client._thread is not None and client._thread.is_alive()})")

    def start(self) -> Window:
        self.owner.call(self.client.start)
        return self

    def text(self) -> str:
        def read() -> str:
            case = self.doc.get("case", type=Map)
            return str(case["reason"]) if "reason" in case else ""
        return self.owner.call(read)

    def type(self, at_end: str) -> None:
        def edit() -> None:
            reason = self.doc.get("case", type=Map)["reason"]
            reason += at_end
        self.owner.call(edit)

    def close(self) -> bool:
        return self.owner.call(self.client.close)


def room_text(doc: Doc) -> str:
    return str(doc.get("case", type=Map)["reason"])


# --- the tests --------------------------------------------------------------------------------------------

def test_joins_with_the_ca_file_and_edits_travel_both_ways(room: RoomServer, certs: Certificates, owner: Owner) -> None:
    window = Window(owner, session_for(room.url, certs.ca)).start()
    wait_for(lambda: window.client.status is RoomStatus.SYNCED, what=window.said("synced"))
    assert room.requests == [("/api/v1/rooms/7", f"Bearer {TOKEN}")]
    assert window.text() == "Hög frånvaro"
    assert window.statuses == [RoomStatus.SYNCED]  # CONNECTING was the starting status
    window.type(", från vecka 36")
    wait_for(lambda: room.text() == "Hög frånvaro, från vecka 36", what="the server has the typing")

    def colleague(doc: Doc) -> None:
        reason = doc.get("case", type=Map)["reason"]
        reason.insert(0, "Mycket ")
    room.edit(colleague)
    wait_for(lambda: window.text() == "Mycket Hög frånvaro, från vecka 36", what="the window has the colleague's")
    assert window.close()
    assert window.client.status is RoomStatus.CLOSED


@pytest.mark.parametrize(("which", "error"), [("self_signed", UntrustedCertificateError),
                                              ("wrong_name", CertificateNameError)])
def test_a_certificate_not_trusted_is_refused_with_a_sentence(certs: Certificates, owner: Owner, which: str,
                                                              error: type) -> None:
    room = RoomServer(getattr(certs, which)).start()
    try:
        window = Window(owner, session_for(room.url, certs.ca)).start()
        wait_for(lambda: window.client.status is RoomStatus.OFFLINE, what=window.said("offline"))
        problem = window.client.problem
        assert isinstance(problem, error)
        assert room.url in str(problem) and "nothing was sent" in str(problem)
        assert room.handshakes == 0  # no request, no token, reached the server
        assert window.close()
    finally:
        room.stop()


def test_an_unreachable_room_says_so_and_comes_back_with_the_edits_of_both_sides(
        room: RoomServer, certs: Certificates, owner: Owner) -> None:
    window = Window(owner, session_for(room.url, certs.ca)).start()
    wait_for(lambda: window.client.status is RoomStatus.SYNCED, what=window.said("synced"))
    room.stop()
    wait_for(lambda: window.client.status is RoomStatus.OFFLINE, what=window.said("offline"))
    window.type(" (skrivet utan nät)")  # stays in the document: nothing else holds it

    def colleague(doc: Doc) -> None:
        reason = doc.get("case", type=Map)["reason"]
        reason.insert(0, "Kollegan: ")
    room.edit(colleague)
    time.sleep(0.5)  # a few attempts fail meanwhile
    assert window.client.status is RoomStatus.OFFLINE
    assert isinstance(window.client.problem, ServerUnreachableError)
    joined = window.client.connections

    again = RoomServer(certs.good, port=room.port)  # the server started again, with what it had stored
    again.doc = room.doc
    again.start()
    try:
        wait_for(lambda: window.client.status is RoomStatus.SYNCED, what=window.said("synced again"))
        expected = "Kollegan: Hög frånvaro (skrivet utan nät)"
        wait_for(lambda: again.text() == expected, what="the offline edit on the server")
        assert window.text() == expected
        assert window.client.connections == joined + 1
        assert window.client.problem is None
        assert window.statuses[-3:] == [RoomStatus.OFFLINE, RoomStatus.CONNECTING, RoomStatus.SYNCED]
        assert window.close()
    finally:
        again.stop()


class SilentServer:
    """Takes TCP connections and completes TLS (with TLS 1.3's session tickets), then never answers: a server
    that is overloaded or stuck. ``accepted`` counts the connections."""

    def __init__(self, cert: tuple[Path, Path]) -> None:
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.load_cert_chain(*cert)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = 0
        self.held: list[socket.socket] = []
        threading.Thread(target=self._run, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _run(self) -> None:
        while True:
            try:
                raw, _address = self.listener.accept()
            except OSError:
                return
            try:
                self.held.append(self.tls.wrap_socket(raw, server_side=True))  # handshake done, then silence
                self.accepted += 1
            except (OSError, ssl.SSLError):
                raw.close()

    def stop(self) -> None:
        self.listener.close()
        for held in self.held:
            held.close()


def test_a_server_that_never_answers_the_upgrade_leaves_the_window_offline_and_trying(
        certs: Certificates, owner: Owner) -> None:
    silent = SilentServer(certs.good)
    try:
        window = Window(owner, session_for(silent.url, certs.ca), open_timeout=1.0).start()
        wait_for(lambda: window.client.status is RoomStatus.OFFLINE, timeout=5, what=window.said("offline"))
        assert isinstance(window.client.problem, ServerUnreachableError)
        wait_for(lambda: silent.accepted >= 3, timeout=10, what="it keeps trying")
        assert window.close()
    finally:
        silent.stop()


def test_a_refusal_is_not_tried_again(room: RoomServer, certs: Certificates, owner: Owner) -> None:
    room.refuse[8] = 4403
    window = Window(owner, session_for(room.url, certs.ca), case_id=8).start()
    wait_for(lambda: window.client.status is RoomStatus.REFUSED,
             what=lambda: window.said("refused")() + f", {room.handshakes} handshakes")
    assert window.client.refusal == 4403
    time.sleep(1.0)  # the reconnect waits are 0.1–0.4 s: a retry would show
    assert room.handshakes == 1
    assert window.close()

    expired = Window(owner, session_for(room.url, certs.ca, token="lapsed")).start()
    wait_for(lambda: expired.client.status is RoomStatus.REFUSED, what=expired.said("refused on the handshake"))
    assert expired.client.refusal == 4401
    time.sleep(0.6)
    assert room.handshakes == 2
    assert expired.close()


def test_close_sends_what_is_pending_and_says_goodbye(room: RoomServer, certs: Certificates, owner: Owner) -> None:
    window = Window(owner, session_for(room.url, certs.ca)).start()
    wait_for(lambda: window.client.status is RoomStatus.SYNCED, what=window.said("synced"))
    owner.call(lambda: window.client.set_presence({"user": {"name": "Sara Lind"}, "field": "r7/reason"}))

    def type_and_close() -> bool:  # in one go on the owner's thread: the typing is still in the outbox
        reason = window.doc.get("case", type=Map)["reason"]
        reason += " och sena ankomster"
        return window.client.close()
    assert owner.call(type_and_close)
    wait_for(lambda: room.text() == "Hög frånvaro och sena ankomster", what="the last typing on the server")
    wait_for(lambda: room.awareness_seen and room.awareness_seen[-1].endswith(b"null"), what="the goodbye")


def test_others_presence_is_shown_and_goes_when_they_leave(room: RoomServer, certs: Certificates,
                                                         owner: Owner) -> None:
    sara = Window(owner, session_for(room.url, certs.ca)).start()
    tove = Window(owner, session_for(room.url, certs.ca)).start()
    wait_for(lambda: sara.client.status is tove.client.status is RoomStatus.SYNCED, what="both synced")
    state = {"user": {"name": "Sara Lind", "initials": "SL", "colour": "#1b6ac9", "shape": "circle"},
             "field": "r7/reason"}
    owner.call(lambda: sara.client.set_presence(state))
    sara_id = sara.doc.client_id
    wait_for(lambda: owner.call(tove.client.presence) == {sara_id: state}, what="Tove sees Sara")
    assert tove.awareness_calls >= 1
    moved = {**state, "field": ""}
    owner.call(lambda: sara.client.set_presence(moved))
    wait_for(lambda: owner.call(tove.client.presence) == {sara_id: moved}, what="Tove sees Sara move")
    later = Window(owner, session_for(room.url, certs.ca)).start()  # joins after Sara said where she is
    wait_for(lambda: owner.call(later.client.presence) == {sara_id: moved}, timeout=3,
             what="a latecomer sees Sara at once, not at her next renewal in 15 s")
    assert later.close()
    assert sara.close()
    wait_for(lambda: owner.call(tove.client.presence) == {}, what="Sara gone")
    assert tove.close()


def test_a_silent_colleague_is_forgotten_and_the_heartbeat_renews_ones_own(room: RoomServer, certs: Certificates,
                                                                          owner: Owner) -> None:
    sara = Window(owner, session_for(room.url, certs.ca), heartbeat_seconds=0.2).start()
    tove = Window(owner, session_for(room.url, certs.ca), heartbeat_seconds=0.2).start()
    wait_for(lambda: sara.client.status is tove.client.status is RoomStatus.SYNCED, what="both synced")
    owner.call(lambda: sara.client.set_presence({"user": {"name": "Sara Lind"}, "field": ""}))
    wait_for(lambda: sara.doc.client_id in owner.call(tove.client.presence), what="Tove sees Sara")

    def heard() -> int:  # when Tove's document last heard of Sara
        return owner.call(lambda: tove.client.peer.awareness.meta[sara.doc.client_id]["lastUpdated"])
    first = heard()
    wait_for(lambda: heard() > first, what="Sara's heartbeat (every 0.2 s here, 15 s in the window)")
    assert sara.doc.client_id in owner.call(tove.client.presence)
    # a laptop lid closed: nothing more from Sara; Tove forgets her after 30 s without a word
    def tove_later(ms: int) -> dict:  # in one go on the owner's thread: Sara's next beat cannot come between
        heard_last = tove.client.peer.awareness.meta[sara.doc.client_id]["lastUpdated"]
        tove.client.peer.heartbeat(now_ms=heard_last + ms)
        return tove.client.presence()
    assert sara.doc.client_id in owner.call(lambda: tove_later(29_000))
    assert owner.call(lambda: tove_later(30_000)) == {}
    assert sara.close() and tove.close()


# --- against the real team server ---------------------------------------------------------------------------
# ``sst-desk serve`` as a subprocess on PostgreSQL (tests/server_harness.py), its rooms endpoint
# (server/rooms.py), the people signed in as the window signs them in (``RemoteServer.signin``).

if not PG_URL and os.environ.get("SST_DESK_REQUIRE_PG"):
    raise RuntimeError("SST_DESK_REQUIRE_PG is set but SST_DESK_TEST_PG_URL is empty")

SARA = ("sara.socionom", "Sara Socionom", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
TOVE = ("tove.teamledare", "Tove Teamledare", Role.TEAMLEDARE, "Lingonris-Hällebäck-51")
KARIN = ("karin.kurator", "Karin Kurator", Role.KURATOR, "Blåbärsris-Fjällgård-28")
OWN = "Egen-Lösenmening-Vintergata-82"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamServer]:
    with team_server(tmp_path_factory.mktemp("room-client-server")) as (server, _certs):
        yield server


@pytest.fixture(scope="module")
def people(served: TeamServer) -> Iterator[dict[str, RemoteSession]]:
    remote = RemoteServer(served.url, ca_file=served.ca)
    admin = remote.signin(ADMIN[0], ADMIN[2])
    signed_in = {}
    for username, name, role, password in (SARA, TOVE, KARIN):
        admin.door.accounts.create_user(username, name, role, password)
        session = remote.signin(username, password)
        if session.must_change_password:
            session.change_password(password, OWN + username[:4])
        signed_in[username.split(".")[0]] = session
    yield signed_in
    remote.close()


_SEEDS = iter(range(300, 1000))


def new_case(people: dict[str, RemoteSession], reason: str) -> int:
    """A fictional case in aktualisering, made by Sara (she is responsible for it), with ``reason``."""
    from sst_desk.demo.generate import build_cases

    case = next(c for c in build_cases(40, seed=next(_SEEDS), today=dt.date.today())
                if c.stage is Stage.AKTUALISERING)
    case.reason = reason
    return people["sara"].door.cases.add_case(case).id


def type_at(window: Window, index: int | None, letters: str) -> None:
    """Type ``letters`` at character ``index`` (None: at the end) of the case's reason, in the owner's thread."""
    def edit() -> None:
        text = window.doc.get("case", type=Map)["reason"]
        shown = str(text)
        text.insert(utf8_offset(shown, len(shown) if index is None else index), letters)
    window.owner.call(edit)


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_two_windows_type_into_one_field_through_the_team_server(served: TeamServer,
                                                                 people: dict[str, RemoteSession],
                                                                 owner: Owner) -> None:
    case_id = new_case(people, "Frånvaro.")
    sara = Window(owner, people["sara"], case_id).start()
    tove = Window(owner, people["tove"], case_id).start()
    wait_for(lambda: sara.client.status is tove.client.status is RoomStatus.SYNCED, what="both in the room")
    assert sara.text() == tove.text() == "Frånvaro."
    hers, his = "Hög ", " Oro hemma."
    for n in range(len(his)):  # Sara at the start, Tove at the end, keystroke by keystroke, at once
        if n < len(hers):
            type_at(sara, n, hers[n])
        type_at(tove, None, his[n])
    expected = "Hög Frånvaro. Oro hemma."
    wait_for(lambda: sara.text() == tove.text() == expected, what=lambda: f"{sara.text()!r} / {tove.text()!r}")
    wait_for(lambda: people["tove"].door.cases.load_case(case_id).reason == expected, timeout=15,
             what="the merged text in the tables")
    assert sara.close() and tove.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_edits_made_while_the_team_server_was_down_arrive_after_its_restart(
        served: TeamServer, people: dict[str, RemoteSession], owner: Owner) -> None:
    case_id = new_case(people, "Början.")
    sara = Window(owner, people["sara"], case_id, reconnect_delays=(0.2, 0.5)).start()
    wait_for(lambda: sara.client.status is RoomStatus.SYNCED, what=sara.said("in the room"))
    served.stop()
    try:
        wait_for(lambda: sara.client.status is RoomStatus.OFFLINE, what=sara.said("offline"))
        type_at(sara, None, " Skrivet utan nät, på väg till Ekbacken.")
    finally:
        served.start()
    wait_for(lambda: sara.client.status is RoomStatus.SYNCED, timeout=15, what="back in the room")
    expected = "Början. Skrivet utan nät, på väg till Ekbacken."
    wait_for(lambda: people["sara"].door.cases.load_case(case_id).reason == expected, timeout=15,
             what="the offline typing in the tables")
    assert sara.text() == expected
    assert sara.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_the_team_server_refuses_and_the_window_does_not_try_again(
        served: TeamServer, people: dict[str, RemoteSession], owner: Owner) -> None:
    case_id = new_case(people, "Frånvaro.")
    karin = Window(owner, people["karin"], case_id).start()  # a kurator not responsible for the case
    gone = Window(owner, people["sara"], 999_999).start()
    wait_for(lambda: karin.client.status is gone.client.status is RoomStatus.REFUSED, what="both refused")
    assert (karin.client.refusal, gone.client.refusal) == (4403, 4404)
    remote = RemoteServer(served.url, ca_file=served.ca)
    lapsed = remote.signin(SARA[0], OWN + SARA[0][:4])
    lapsed.signout()
    expired = Window(owner, lapsed, case_id).start()
    wait_for(lambda: expired.client.status is RoomStatus.REFUSED, what=expired.said("refused after signing out"))
    assert expired.client.refusal == 4401
    assert karin.close() and gone.close() and expired.close()
    remote.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_after_unlocking_the_window_the_room_goes_on_with_the_new_session(
        served: TeamServer, people: dict[str, RemoteSession], owner: Owner) -> None:
    """Unlocking a locked screen signs in afresh and signs the old session out (``ServerConnection``): the
    room ends the old token's connection (4401) and the client joins again at once with the new one."""
    from sst_desk.remote.connection import connect

    case_id = new_case(people, "Frånvaro.")
    window_db = connect(served.url, SARA[0], OWN + SARA[0][:4], ca_file=served.ca)
    try:
        sara = Window(owner, window_db, case_id).start()
        wait_for(lambda: sara.client.status is RoomStatus.SYNCED, what=sara.said("in the room"))
        assert window_db.verify_password(OWN + SARA[0][:4])  # the old session is signed out on the server
        type_at(sara, None, " Efter upplåsningen.")  # the save checks everyone in the room: 4401 for the old token
        wait_for(lambda: sara.client.connections == 2 and sara.client.status is RoomStatus.SYNCED, timeout=15,
                 what=lambda: f"joined again ({sara.client.connections}, {sara.client.status})")
        assert sara.client.refusal is None
        wait_for(lambda: people["sara"].door.cases.load_case(case_id).reason == "Frånvaro. Efter upplåsningen.",
                 timeout=15, what="the typing in the tables")
        assert sara.close()
    finally:
        window_db.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
def test_presence_through_the_team_server(served: TeamServer, people: dict[str, RemoteSession],
                                          owner: Owner) -> None:
    case_id = new_case(people, "Frånvaro.")
    sara = Window(owner, people["sara"], case_id).start()
    tove = Window(owner, people["tove"], case_id).start()
    wait_for(lambda: sara.client.status is tove.client.status is RoomStatus.SYNCED, what="both in the room")
    state = {"user": {"name": "Sara Socionom", "initials": "SS", "colour": "#1b6ac9", "shape": "square"},
             "field": "Case/reason"}
    owner.call(lambda: sara.client.set_presence(state))
    wait_for(lambda: owner.call(tove.client.presence) == {sara.doc.client_id: state}, what="Tove sees Sara")
    later = Window(owner, people["tove"], case_id).start()  # Tove opens the case on a second screen
    wait_for(lambda: owner.call(later.client.presence).get(sara.doc.client_id) == state, timeout=3,
             what="a window that joins later sees Sara at once, not at her next renewal in 15 s")
    assert sara.close()
    wait_for(lambda: owner.call(tove.client.presence) == {}, what="Sara gone from Tove's room")
    assert tove.close() and later.close()
