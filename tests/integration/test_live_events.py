"""Live changes through the real team server (issue 13): ``sst-desk serve`` as a subprocess on PostgreSQL, over
HTTPS with a throwaway certificate; clients sign in with ``remote.client`` and read ``GET /api/v1/events`` with
``remote.events.EventStream``.

One client saves, another one's stream hears of it within a second; a kurator hears nothing of a case she may
not see (not hers, or a protected student's) — not even that it changed; a signed-out token's stream ends and
its thread stops; ``stop()`` ends a stream blocked in a read at once.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh); the module gets a database of its own.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.remote.events import EventStream, LiveEvent, SessionEnded
from sst_desk.remote.sse import CaseEvent
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

from server_harness import ADMIN, TeamServer, postgres_marks, team_server

pytestmark = postgres_marks(timeout=180)

SARA = ("sara.socionom", "Sara Socionom", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
TOVE = ("tove.teamledare", "Tove Teamledare", Role.TEAMLEDARE, "Lingonris-Hällebäck-51")
KARIN = ("karin.kurator", "Karin Kurator", Role.KURATOR, "Blåbärsris-Fjällgård-28")
OWN = "Egen-Lösenmening-Vintergata-82"  # what each chooses after the administrator's first password


def sign_in(remote: RemoteServer, username: str, first: str) -> RemoteSession:
    """Sign in with the administrator's first password and choose one's own (only then may one act)."""
    session = remote.signin(username, first)
    if session.must_change_password:
        session.change_password(first, OWN + username[:4])
    return session


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    folder = tmp_path_factory.mktemp("live-server")
    with team_server(folder) as (server, certs):
        yield server, certs.ca


@pytest.fixture(scope="module")
def remote(served) -> Iterator[RemoteServer]:
    server, ca = served
    with RemoteServer(server.url, ca_file=ca) as client:
        yield client


@pytest.fixture(scope="module")
def people(remote: RemoteServer) -> dict[str, RemoteSession]:
    admin = remote.signin(ADMIN[0], ADMIN[2])
    for username, name, role, password in (SARA, TOVE, KARIN):
        admin.door.accounts.create_user(username, name, role, password)
    return {username: sign_in(remote, username, password) for username, _name, _role, password in (SARA, TOVE, KARIN)}


class Heard:
    """What one client's stream delivered, and a way to wait for it (on the stream's thread → here)."""

    def __init__(self, session: RemoteSession) -> None:
        self.events: list[tuple[float, LiveEvent]] = []
        self._changed = threading.Condition()
        self.stream = EventStream(session, self._deliver)

    def _deliver(self, event: LiveEvent) -> None:
        with self._changed:
            self.events.append((time.perf_counter(), event))
            self._changed.notify_all()

    def __enter__(self) -> Heard:
        self.stream.start()
        assert self.stream.connected.wait(10), "the event stream did not open"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.stream.stop(), "the event stream's thread is still running"

    def wait_for(self, found: Callable[[LiveEvent], bool], timeout: float = 5.0) -> tuple[float, LiveEvent]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for at, event in self.events:
                    if found(event):
                        return at, event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"not heard within {timeout} s; heard {[e for _t, e in self.events]}")
                self._changed.wait(left)

    def cases(self) -> list[CaseEvent]:
        with self._changed:
            return [event for _at, event in self.events if isinstance(event, CaseEvent)]


def demo_case(protected: bool = False):
    from sst_desk.demo.generate import build_cases

    case = next(c for c in build_cases(40, seed=5, today=dt.date.today()) if c.stage is Stage.AKTUALISERING)
    case.student.protected_identity = protected  # skyddade personuppgifter: only those responsible see the case
    return case


def test_a_save_is_heard_by_another_client_within_a_second(people: dict[str, RemoteSession]) -> None:
    sara, tove = people[SARA[0]], people[TOVE[0]]
    case = sara.door.cases.add_case(demo_case())
    with Heard(tove) as heard:
        loaded = sara.door.cases.load_case(case.id)
        loaded.reason = "Frånvaron har ökat efter lovet."
        saved = sara.door.cases.save_case(loaded)
        returned = time.perf_counter()
        at, event = heard.wait_for(lambda e: isinstance(e, CaseEvent) and e.case_id == case.id
                                   and e.revision == saved.revision)
        assert at - returned < 1.0
        assert event == CaseEvent(case.id, saved.revision, sara.actor.user_id, "Sara Socionom")


def test_a_kurator_hears_nothing_of_cases_she_may_not_see(people: dict[str, RemoteSession]) -> None:
    sara, tove, karin = people[SARA[0]], people[TOVE[0]], people[KARIN[0]]
    not_hers = sara.door.cases.add_case(demo_case())
    protected = sara.door.cases.add_case(demo_case(protected=True))
    hers = tove.door.cases.add_case(demo_case())
    tove.door.cases.set_case_members(hers.id, [tove.actor.user_id, karin.actor.user_id])
    with Heard(karin) as karins, Heard(tove) as toves:
        for case_id in (not_hers.id, protected.id):
            loaded = sara.door.cases.load_case(case_id)
            loaded.reason = "Sparat av Sara."
            sara.door.cases.save_case(loaded)
        loaded = tove.door.cases.load_case(hers.id)
        loaded.reason = "Sparat av Tove."
        saved = tove.door.cases.save_case(loaded)
        # Karin's stream delivers in order: once her own case's save has come, the others would have too.
        karins.wait_for(lambda e: isinstance(e, CaseEvent) and e.case_id == hers.id and e.revision == saved.revision)
        assert {e.case_id for e in karins.cases()} == {hers.id}
        # The team lead sees the team's cases, but not a protected student's she is not responsible for.
        toves.wait_for(lambda e: isinstance(e, CaseEvent) and e.case_id == hers.id and e.revision == saved.revision)
        assert not_hers.id in {e.case_id for e in toves.cases()}
        assert protected.id not in {e.case_id for e in toves.cases()}


def test_a_signed_out_token_ends_its_stream(remote: RemoteServer, people: dict[str, RemoteSession]) -> None:
    sara = people[SARA[0]]
    leaving = remote.signin(TOVE[0], OWN + TOVE[0][:4])  # a second session of hers
    case = sara.door.cases.add_case(demo_case())
    heard = Heard(leaving).__enter__()
    try:
        leaving.signout()
        loaded = sara.door.cases.load_case(case.id)
        loaded.reason = "Efter utloggningen."
        sara.door.cases.save_case(loaded)
        heard.wait_for(lambda e: isinstance(e, SessionEnded))
        deadline = time.monotonic() + 5
        while heard.stream.running and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not heard.stream.running  # the thread ended by itself: no reconnecting with a dead token
        assert case.id not in {e.case_id for e in heard.cases()}
    finally:
        heard.stream.stop()


def test_stop_ends_a_stream_waiting_for_events_at_once(people: dict[str, RemoteSession]) -> None:
    with Heard(people[KARIN[0]]) as heard:
        started = time.perf_counter()
        assert heard.stream.stop(timeout=5)
        assert time.perf_counter() - started < 1.0  # not the 45 s read timeout


def test_no_token_no_stream(served) -> None:
    import ssl

    server, ca = served
    with httpx.Client(verify=ssl.create_default_context(cafile=str(ca)), timeout=5) as client:
        assert client.get(server.url + "/api/v1/events").status_code == 401
        answer = client.get(server.url + "/api/v1/events", headers={"Authorization": "Bearer not-a-token"})
        assert answer.status_code == 401 and "text/event-stream" not in answer.headers.get("content-type", "")


def test_after_the_server_restarts_the_stream_comes_back_and_asks_for_a_reload(tmp_path: Path) -> None:
    """The server is stateless apart from the database: sessions survive its restart, and the window's stream,
    broken off, opens again by itself (waiting a little longer each time) and says that saves may have been
    missed (``Resync``) — then hears the next save."""
    from sst_desk.remote.events import Resync

    with team_server(tmp_path) as (server, certs), RemoteServer(server.url, ca_file=certs.ca) as remote:
        admin = remote.signin(ADMIN[0], ADMIN[2])
        admin.door.accounts.create_user(SARA[0], SARA[1], SARA[2], SARA[3])
        admin.door.accounts.create_user(TOVE[0], TOVE[1], TOVE[2], TOVE[3])
        sara, tove = sign_in(remote, SARA[0], SARA[3]), sign_in(remote, TOVE[0], TOVE[3])
        case = sara.door.cases.add_case(demo_case())
        heard = Heard(tove)
        heard.stream = EventStream(tove, heard._deliver, reconnect_delays=(0.2, 0.5))
        with heard:
            server.stop()
            deadline = time.monotonic() + 10
            while heard.stream.connected.is_set() and time.monotonic() < deadline:
                time.sleep(0.02)
            assert not heard.stream.connected.is_set()  # it noticed the break
            server.start()
            heard.wait_for(lambda e: isinstance(e, Resync), timeout=20)
            assert heard.stream.opened == 2
            loaded = sara.door.cases.load_case(case.id)
            loaded.reason = "Efter omstarten."
            saved = sara.door.cases.save_case(loaded)
            heard.wait_for(lambda e: isinstance(e, CaseEvent) and e.revision == saved.revision)


def test_a_changed_password_keeps_the_stream_going_with_the_new_token(tmp_path: Path) -> None:
    """Choosing a new password ends every session of the person but this one, which goes on with a new token:
    the server ends the stream of the old token at its next check, and the stream opens again with the new
    one by itself, asking for a reload (what the ended batch held) — never ``SessionEnded``."""
    from sst_desk.remote.events import Resync

    with team_server(tmp_path) as (server, certs), RemoteServer(server.url, ca_file=certs.ca) as remote:
        admin = remote.signin(ADMIN[0], ADMIN[2])
        admin.door.accounts.create_user(TOVE[0], TOVE[1], TOVE[2], TOVE[3])
        admin.door.accounts.create_user(KARIN[0], KARIN[1], KARIN[2], KARIN[3])
        tove, karin = sign_in(remote, TOVE[0], TOVE[3]), sign_in(remote, KARIN[0], KARIN[3])
        case = tove.door.cases.add_case(demo_case())
        tove.door.cases.set_case_members(case.id, [tove.actor.user_id, karin.actor.user_id])

        def save(reason: str):
            loaded = tove.door.cases.load_case(case.id)
            loaded.reason = reason
            return tove.door.cases.save_case(loaded)

        with Heard(karin) as heard:
            karin.change_password(OWN + KARIN[0][:4], OWN + "ny")
            save("Efter Karins nya lösenord.")
            heard.wait_for(lambda e: isinstance(e, Resync), timeout=10)
            assert heard.stream.opened == 2
            saved = save("Och en gång till.")
            heard.wait_for(lambda e: isinstance(e, CaseEvent) and e.revision == saved.revision)
            assert not any(isinstance(e, SessionEnded) for _t, e in heard.events) and heard.stream.running
