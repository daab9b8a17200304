"""When the window's connection answers from the offline copy, and when it must not (no network, no database:
a stand-in server door and a stand-in copy). The copy and the server for real: tests/integration/
test_offline_copy.py and test_offline_store.py."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from sst_desk.offline.door import FROM_COPY, WRITES_TOLD
from sst_desk.remote import connection as remote_connection
from sst_desk.remote.client import RemoteServer
from sst_desk.remote.connection import ServerConnection
from sst_desk.remote.errors import ServerUnreachableError, SessionExpired
from sst_desk.workflow.access import Action, Actor, Resource, Role

SARA = Actor(3, "sara", "Sara Socionom", Role.SKOLSOCIONOM)
SYNCED = dt.datetime(2031, 5, 17, 12, 32, tzinfo=dt.UTC)
URL = "https://127.0.0.1:9"


class Copy:
    """Stands in for ``offline.store.OfflineStore``: one case, 41."""

    def __init__(self, synced_at: dt.datetime | None = SYNCED) -> None:
        self.synced_at = synced_at
        self.views: list[int] = []
        self.file41 = SimpleNamespace(case=SimpleNamespace(id=41), members=(SimpleNamespace(user_id=3),),
                                      may=lambda action, resource: (resource, action) == (Resource.CASE, Action.VIEW))

    def rows(self):
        return ["row 41"]

    def case_file(self, case_id):
        return self.file41 if case_id == 41 else None

    def record_view(self, case_id):
        self.views.append(case_id)

    def team_settings(self):
        return "the team's settings"


class Server:
    """The server's door: answers, or cannot be reached (``down``)."""

    def __init__(self) -> None:
        self.down = False
        self.calls: list[str] = []

    def group(self, group: str):
        server = self

        class Group:
            def __getattr__(self, name):
                def call(*_args, **_kwargs):
                    server.calls.append(f"{group}.{name}")
                    if server.down:
                        raise ServerUnreachableError(URL)
                    return f"server: {group}.{name}"
                return call
        return Group()


class Sync:
    def __init__(self) -> None:
        self.pokes = 0

    def poke(self) -> None:
        self.pokes += 1

    def stop(self) -> bool:
        return True


@pytest.fixture
def server():
    return Server()


def online(server: Server, copy: Copy | None) -> ServerConnection:
    remote_door = SimpleNamespace(actor=SARA, **{g: server.group(g) for g in ("cases", "settings", "printing",
                                                                               "accesslog", "accounts")})
    session = SimpleNamespace(actor=SARA, must_change_password=False, door=remote_door)
    connection = ServerConnection(RemoteServer(URL), session, store=copy)
    connection.sync = Sync()
    return connection


def test_the_server_answers_while_it_can(server):
    connection = online(server, Copy())
    assert connection.door.cases.case_rows(None) == "server: cases.case_rows" and not connection.offline


def test_the_copy_answers_the_reads_while_the_server_cannot_be_reached_and_records_the_view(server):
    copy = Copy()
    connection = online(server, copy)
    server.down = True
    assert connection.door.cases.case_rows(None) == ["row 41"]
    assert connection.offline and connection.offline_as_of == SYNCED
    assert connection.door.cases.open_case(41).case.id == 41 and connection.door.cases.load_case(41).id == 41
    assert copy.views == [41, 41]
    assert connection.door.cases.case_member_ids(41) == [3] and copy.views == [41, 41]  # no view: no content
    assert connection.door.cases.may(Action.VIEW, 41) and not connection.door.cases.may(Action.EDIT, 41)
    assert connection.door.settings.team_settings() == "the team's settings"
    with pytest.raises(ServerUnreachableError):
        connection.door.cases.open_case(99)  # not in the copy


@pytest.mark.parametrize("group, name", [("cases", "save_case"), ("cases", "move_case"), ("accesslog", "query_log"),
                                         ("accounts", "list_users"), ("printing", "print_document")])
def test_writes_prints_and_the_log_need_the_server(server, group, name):
    connection = online(server, Copy())
    server.down = True
    with pytest.raises(ServerUnreachableError):
        getattr(getattr(connection.door, group), name)(41, "handlingsplan")
    assert (group, name) not in FROM_COPY


def test_a_copy_never_filled_answers_nothing(server):
    connection = online(server, Copy(synced_at=None))
    server.down = True
    with pytest.raises(ServerUnreachableError):
        connection.door.cases.case_rows(None)


def test_without_a_copy_the_window_is_told_as_before(server):
    connection = online(server, None)
    server.down = True
    with pytest.raises(ServerUnreachableError):
        connection.door.cases.case_rows(None)


def test_the_servers_first_answer_after_offline_sends_the_views_and_a_save_refreshes_the_copy(server):
    connection = online(server, Copy())
    server.down = True
    connection.door.cases.case_rows(None)
    assert connection.sync.pokes == 0
    server.down = False
    connection.door.cases.case_rows(None)
    assert not connection.offline and connection.sync.pokes == 1
    connection.door.cases.case_rows(None)
    assert connection.sync.pokes == 1  # a read while online asks nothing of the copy
    connection.door.cases.save_case("a case")
    assert connection.sync.pokes == 2 and ("cases", "save_case") in WRITES_TOLD


def test_signed_in_offline_the_copy_answers_until_the_server_is_back_then_the_window_locks(monkeypatch):
    answers = iter([False, True])
    connection = ServerConnection(RemoteServer(URL), None, store=Copy(), actor=SARA)
    monkeypatch.setattr(remote_connection, "PROBE_EVERY_S", 0.0)
    monkeypatch.setattr(connection, "_server_back", lambda: next(answers))
    assert connection.offline and connection.offline_as_of == SYNCED and connection.events_request is None
    assert connection.door.cases.case_rows(None) == ["row 41"]
    with pytest.raises(SessionExpired):
        connection.door.cases.case_rows(None)


def test_a_window_signed_in_offline_cannot_change_the_password(monkeypatch):
    connection = ServerConnection(RemoteServer(URL), None, store=Copy(), actor=SARA)
    with pytest.raises(ServerUnreachableError):
        connection.change_password("gammalt", "nytt")


def test_pokes_in_a_burst_make_one_pass_and_passes_keep_their_distance(monkeypatch):
    import time

    from sst_desk.offline import sync as offline_sync
    from sst_desk.services.offline import OfflineCopy

    class Store:
        applied: list[float] = []

        def pending_views(self):
            return []

        def failed_sign_ins(self):
            return [], None

        def known(self):
            return {}

        def apply(self, copy, **_kwargs):
            self.applied.append(time.monotonic())

    door = SimpleNamespace(actor=SARA, offline=SimpleNamespace(offline_copy=lambda known: OfflineCopy()),
                           settings=SimpleNamespace(team_settings=lambda: None))
    monkeypatch.setattr(offline_sync, "MIN_GAP_S", 0.4)
    store = Store()
    sync = offline_sync.OfflineSync(store, lambda: door, interval=60).start()
    try:
        assert sync.wait_idle(5) and len(store.applied) == 1  # the first pass at once
        for _ in range(5):  # a colleague typing: saves every few moments
            sync.poke()
        assert sync.wait_idle(5) and len(store.applied) == 2
        assert store.applied[1] - store.applied[0] >= 0.4
    finally:
        assert sync.stop()
