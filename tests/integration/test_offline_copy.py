"""The laptop's offline copy against the real team server (a subprocess on PostgreSQL, over HTTPS), stopped to
be offline and started again: the copy is made at sign-in, the list and a case open from it with the server
stopped, those views reach the server's log with their offline time when it is back, a case the person lost
disappears at the next sync, a protected student's case never enters the copy of someone not responsible for
it, and a switch-off or "sign out for good" wipes it.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh). Each test module gets a server of its own here: it is
stopped and started, which the run's shared server must never be.
"""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pycrdt import Doc

from sst_desk.collab.casedoc import read_case, set_text, text_of

from sst_desk.demo.users import DEMO_PASSWORD
from sst_desk.offline import store as offline_store
from sst_desk.offline import sync as offline_sync
from sst_desk.offline.store import OfflineStore
from sst_desk.remote import connection as remote_connection
from sst_desk.remote.client import RemoteServer
from sst_desk.remote.connection import ServerConnection, connect, open_offline
from sst_desk.remote.errors import ServerUnreachableError, SessionExpired
from sst_desk.security.signin import SignInError
from sst_desk.services.offline import offline_view_time

from server_harness import TeamServer, populate_demo, postgres_marks, team_server

pytestmark = postgres_marks(timeout=240)

SYNC_WAIT_S = 30.0


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    folder = tmp_path_factory.mktemp("offline-server")
    with team_server(folder) as (server, certs):
        populate_demo(server.database, folder / "demo")
        yield server, certs.ca


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(folder))
    monkeypatch.setattr(remote_connection, "PROBE_EVERY_S", 0.0)
    monkeypatch.setattr(offline_sync, "MIN_GAP_S", 0.0)
    return folder


@pytest.fixture
def running(served) -> Iterator[tuple[TeamServer, Path]]:
    """The module's server, running at the start and at the end of each test (a test may stop it)."""
    server, ca = served
    if server.process is None:
        server.start()
    yield server, ca
    if server.process is None:
        server.start()


def signed_in(server: TeamServer, ca: Path, username: str) -> ServerConnection:
    connection = connect(server.url, username, DEMO_PASSWORD, ca_file=ca, connect_timeout=2, timeout=10)
    assert connection.sync is not None and connection.sync.wait_idle(SYNC_WAIT_S)
    assert connection.sync.last_error is None, connection.sync.last_error
    return connection


def synced(connection: ServerConnection) -> None:
    assert connection.sync is not None
    connection.sync.poke()
    assert connection.sync.wait_idle(SYNC_WAIT_S)
    assert connection.sync.last_error is None, connection.sync.last_error


def admin_door(server: TeamServer, ca: Path, username: str):
    remote = RemoteServer(server.url, ca_file=ca)
    return remote, remote.signin(username, DEMO_PASSWORD)


def test_the_copy_answers_while_the_server_is_stopped_and_its_views_reach_the_log(running, data_dir):
    server, ca = running
    sara = signed_in(server, ca, "sara")
    try:
        online_rows = sara.door.cases.case_rows(None)
        assert sara.store is not None and sara.store.case_ids() == sorted(r.case_id for r in online_rows)
        assert all(sara.store.doc_state(i) for i in sara.store.case_ids())  # each case's room history
        file = sara.store.file
        assert file.parent.parent == data_dir and "sara" not in file.name
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert stat.S_IMODE(Path(f"{file}.keys").stat().st_mode) == 0o600
        assert not offline_store.cipher.is_plaintext(file)
        assert b"Sara" not in file.read_bytes() and b"sara" not in file.read_bytes()
        case_id = online_rows[0].case_id
        tove_remote, tove = admin_door(server, ca, "tove")
        before = {r.seq for r in tove.door.accesslog.query_log(username="sara", action="view", limit=500)}

        server.stop()
        offline_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        rows = sara.door.cases.case_rows(None)
        assert [r.case_id for r in rows] == [r.case_id for r in online_rows] and sara.offline
        assert sara.offline_as_of is not None and sara.offline_as_of <= dt.datetime.now(dt.UTC)
        opened = sara.door.cases.open_case(case_id)
        assert opened.case.id == case_id and opened.members
        assert [c for _n, c, _at in sara.store.pending_views()] == [case_id]
        with pytest.raises(ServerUnreachableError):  # a save needs the server: the window keeps the edits
            sara.door.cases.save_case(opened.case)
        assert sara.door.settings.team_settings() is not None
        # An edit offline goes into the case's shared document, kept in the copy (the window's part).
        doc = Doc()
        doc.apply_update(sara.store.doc_state(case_id))
        assert read_case(doc).id == case_id
        set_text(text_of(doc, read_case(doc), "reason"), "Skrivet offline på tåget.")
        sara.store.save_doc_state(case_id, doc.get_update())

        server.start()
        sara.door.cases.case_rows(None)  # the server answers again: the copy sends its views
        assert not sara.offline
        synced(sara)
        assert sara.store.pending_views() == []
        kept = Doc()
        kept.apply_update(sara.store.doc_state(case_id))  # the sync kept the offline edit for the room
        assert read_case(kept).reason == "Skrivet offline på tåget."
        tove_remote.close()
        tove_remote, tove = admin_door(server, ca, "tove")
        views = [r for r in tove.door.accesslog.query_log(username="sara", action="view", limit=500)
                 if r.seq not in before]
        offline = [r for r in views if offline_view_time(r.detail or "") is not None]
        assert [r.case_id for r in offline] == [case_id]
        assert abs(offline_view_time(offline[0].detail) - offline_at) < dt.timedelta(seconds=30)
        copies = tove.door.accesslog.query_log(username="sara", action="offline_copy", limit=500)
        assert {r.case_id for r in copies} >= set(sara.store.case_ids())
        tove_remote.close()
    finally:
        sara.close()


def test_signing_in_offline_opens_the_copy_with_the_password_only(running, data_dir):
    server, ca = running
    karin = signed_in(server, ca, "karin")
    ids = karin.store.case_ids()
    karin.close()
    server.stop()
    with pytest.raises(ServerUnreachableError):
        connect(server.url, "karin", DEMO_PASSWORD, ca_file=ca, connect_timeout=1, timeout=2)
    assert offline_store.exists(server.url, "karin")
    with pytest.raises(SignInError) as wrong:
        open_offline(server.url, "karin", "not-her-password", ca_file=ca)
    assert wrong.value.code == "wrong_credentials"
    offline = open_offline(server.url, "Karin", DEMO_PASSWORD, ca_file=ca, connect_timeout=1, timeout=2)
    try:
        assert offline.actor.username == "karin" and offline.offline and offline.events_request is None
        assert [r.case_id for r in offline.door.cases.case_rows(None)] == ids
        offline.door.cases.load_case(ids[0])
        assert offline.verify_password(DEMO_PASSWORD) and not offline.verify_password("fel")  # the lock, offline
        server.start()
        with pytest.raises(SessionExpired):  # the server is back: the window locks, its unlock signs in
            offline.door.cases.case_rows(None)
        assert offline.verify_password(DEMO_PASSWORD) and offline.session is not None
        synced(offline)
        assert offline.store.pending_views() == [] and not offline.offline
        assert offline.store.failed_sign_ins() == ([], None)
        tove_remote, tove = admin_door(server, ca, "tove")
        failed = tove.door.accesslog.query_log(username="karin", action="sign_in_failed", limit=5)
        tove_remote.close()
        assert failed and failed[0].detail.startswith("name=karin;count=2;") and failed[0].detail.endswith(";offline")
    finally:
        offline.close()


def test_a_case_the_person_lost_leaves_the_copy_at_the_next_sync(running, data_dir):
    server, ca = running
    karin = signed_in(server, ca, "karin")
    tove_remote, tove = admin_door(server, ca, "tove")
    try:
        case_id = karin.store.case_ids()[0]
        members = tove.door.cases.case_member_ids(case_id)
        others = [m for m in members if m != karin.actor.user_id] or [tove.actor.user_id]
        tove.door.cases.set_case_members(case_id, others)
        synced(karin)
        assert case_id not in karin.store.case_ids() and karin.store.case_file(case_id) is None
        assert case_id not in [r.case_id for r in karin.store.rows()]
        tove.door.cases.set_case_members(case_id, members)
        synced(karin)
        assert case_id in karin.store.case_ids()
    finally:
        tove_remote.close()
        karin.close()


def test_a_protected_students_case_enters_only_the_copy_of_the_person_responsible(running, data_dir):
    server, ca = running
    sara = signed_in(server, ca, "sara")
    karin = signed_in(server, ca, "karin")
    tove = signed_in(server, ca, "tove")
    try:
        protected = [r.case_id for r in sara.store.rows() if r.protected_identity]
        assert protected, "the demo has a protected student, Sara's"
        assert not set(protected) & set(karin.store.case_ids())
        assert not set(protected) & set(tove.store.case_ids())
        for store in (karin.store, tove.store):
            assert not any(r.protected_identity for r in store.rows())
    finally:
        for connection in (sara, karin, tove):
            connection.close()


def test_signing_out_for_good_wipes_the_copy(running, data_dir):
    server, ca = running
    sara = signed_in(server, ca, "sara")
    file = sara.store.file
    sara.close(forget=True)
    assert not file.exists() and not Path(f"{file}.keys").exists()
    assert not offline_store.exists(server.url, "sara")


def test_a_view_made_offline_of_a_case_lost_meanwhile_is_logged_as_refused(running, data_dir):
    server, ca = running
    karin = signed_in(server, ca, "karin")
    tove_remote, tove = admin_door(server, ca, "tove")
    try:
        case_id = karin.store.case_ids()[-1]
        members = tove.door.cases.case_member_ids(case_id)
        server.stop()
        karin.door.cases.open_case(case_id)  # from the copy, offline
        server.start()
        tove_remote.close()
        tove_remote, tove = admin_door(server, ca, "tove")
        tove.door.cases.set_case_members(case_id, [m for m in members if m != karin.actor.user_id]
                                         or [tove.actor.user_id])
        karin.door.cases.case_rows(None)  # back: the view goes to the server, which no longer lets her see it
        synced(karin)
        assert karin.store.pending_views() == [] and case_id not in karin.store.case_ids()
        entries = tove.door.accesslog.query_log(username="karin", limit=50)
        mine = [r for r in entries if r.case_id == case_id]
        assert mine[0].action == "denied" and mine[0].detail == "case:view"
        assert not any(r.action == "view" and offline_view_time(r.detail or "") for r in mine)
        tove.door.cases.set_case_members(case_id, members)
    finally:
        tove_remote.close()
        karin.close()


def test_choosing_ones_own_password_re_keys_the_copy_and_fills_it(running, data_dir):
    from sst_desk.workflow.access import Role

    server, ca = running
    adam_remote, adam = admin_door(server, ca, "adam")
    first, own = "Forsta-Losenordet-71", "Eget-Losenord-Havtorn-19"
    adam.door.accounts.create_user("nils", "Nils Nykomling", Role.KURATOR, first)
    adam_remote.close()
    nils = connect(server.url, "nils", first, ca_file=ca)
    try:
        assert nils.must_change_password and nils.store is not None
        nils.change_password(first, own)
        synced(nils)
        assert nils.store.synced_at is not None and nils.store.actor().username == "nils"
        assert OfflineStore.open(server.url, "nils", own)
        with pytest.raises(SignInError):
            OfflineStore.open(server.url, "nils", first)
    finally:
        nils.close()


def test_a_switched_off_account_loses_its_copy(running, data_dir, tmp_path):
    """Last in the module: Karin stays switched off."""
    server, ca = running
    from sst_desk.demo.users import DEMO_USERS

    assert any(name == "karin" for name, _n, _r in DEMO_USERS)
    karin = signed_in(server, ca, "karin")
    file = karin.store.file
    adam_remote, adam = admin_door(server, ca, "adam")
    try:
        user = next(u for u in adam.door.accounts.list_users() if u.username == "karin")
        adam.door.accounts.switch_off(user.id)
        with pytest.raises(SessionExpired):
            karin.door.cases.case_rows(None)  # her session ended with the switch-off: the window locks
        assert not karin.verify_password(DEMO_PASSWORD)  # the unlock is refused as switched off …
        assert not file.exists() and not offline_store.exists(server.url, "karin")  # … and the copy is gone
        OfflineStore.create(server.url, "karin", DEMO_PASSWORD)  # a copy left from before, say
        with pytest.raises(SignInError) as refused:
            connect(server.url, "karin", DEMO_PASSWORD, ca_file=ca)
        assert refused.value.code == "inactive" and not offline_store.exists(server.url, "karin")
    finally:
        karin.close()
        adam_remote.close()
