"""The team server for real: ``sst-desk serve --init`` and ``sst-desk serve`` as subprocesses on PostgreSQL, a
throwaway certificate, and the client library signing in over HTTPS, loading a case and saving it.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh); each module gets a database of its own.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sst_desk.persistence import AccessDeniedError, CaseNotFound, ConcurrentEditError
from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.remote.errors import PasswordChangeRequired, RequestRefused, SessionExpired
from sst_desk.security.signin import SignInError
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.problems import ProcessError

from server_harness import TeamServer, postgres_marks
from shared_server import server_for_tests, unique

pytestmark = postgres_marks(timeout=180)

# Unique per run: on the run's shared server (shared_server.py) other tests make accounts too.
WORKER = (unique("sara.socionom"), "Sara Socionom", "Snöstorm-Tallbacka-93")
OTHER = (unique("kalle.kurator"), "Kalle Kurator", "Blåbärsris-Fjällgård-28")


@pytest.fixture(scope="module")
def served_with_admin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path, tuple]]:
    """The run's team server (run-tests.sh), or one of this module's own: server, CA file, administrator."""
    with server_for_tests(tmp_path_factory.mktemp("team-server")) as found:
        yield found


@pytest.fixture(scope="module")
def served(served_with_admin) -> tuple[TeamServer, Path]:
    server, ca, _admin = served_with_admin
    return server, ca


@pytest.fixture(scope="module")
def remote(served) -> Iterator[RemoteServer]:
    server, ca = served
    with RemoteServer(server.url, ca_file=ca) as client:
        yield client


@pytest.fixture(scope="module")
def admin(remote: RemoteServer, served_with_admin) -> RemoteSession:
    username, _name, password = served_with_admin[2]
    session = remote.signin(username, password)
    for username, name, password in (WORKER, OTHER):
        role = Role.SKOLSOCIONOM if username == WORKER[0] else Role.KURATOR
        session.door.accounts.create_user(username, name, role, password)
    return session


OWN_PASSWORD = "Vinterek-Sjöbod-Lykta-61"


@pytest.fixture(scope="module")
def worker(remote: RemoteServer, admin: RemoteSession) -> RemoteSession:
    session = remote.signin(WORKER[0], WORKER[2])
    assert session.must_change_password  # a first password handed over by the administrator
    with pytest.raises(PasswordChangeRequired):
        session.door.cases.case_rows(None)  # nothing but choosing one's own password until then
    session.change_password(WORKER[2], OWN_PASSWORD)
    assert not session.must_change_password
    return session


@pytest.fixture(scope="module")
def other(remote: RemoteServer, admin: RemoteSession) -> RemoteSession:
    session = remote.signin(OTHER[0], OTHER[2])
    session.change_password(OTHER[2], OWN_PASSWORD)
    return session


def demo_case():
    import datetime as dt

    from sst_desk.demo.generate import build_cases

    return next(c for c in build_cases(6, seed=5, today=dt.date.today()) if c.stage is Stage.GENOMFORANDE)


def test_health_names_the_version(remote: RemoteServer) -> None:
    from sst_desk import __version__

    assert remote.health() == {"version": __version__}


def test_sign_in_load_and_save_a_case_over_https(worker: RemoteSession, served) -> None:
    assert worker.actor.username == WORKER[0] and worker.actor.role is Role.SKOLSOCIONOM
    added = worker.door.cases.add_case(demo_case())
    assert added.id is not None
    loaded = worker.door.cases.load_case(added.id)
    plan = loaded.current_plan
    assert plan is not None and plan.insatser and plan.goals
    shared = [i for i in plan.insatser if i.goal is not None]
    assert shared and all(any(i.goal is g for g in plan.goals) for i in shared)  # identity kept over the wire
    loaded.reason = "Ändrad över servern"
    saved = worker.door.cases.save_case(loaded)
    assert saved.revision == loaded.revision + 1
    again = worker.door.cases.load_case(added.id)
    assert again.reason == "Ändrad över servern"
    rows = worker.door.cases.case_rows(None)  # the server's own day is used whatever is sent
    assert added.id in [row.case_id for row in rows]
    server, _ca = served
    log = server.log_text()
    assert "cases.save_case 200" in log and "Ändrad" not in log  # requests logged, never case content


def test_the_services_errors_come_back_as_the_same_classes(worker: RemoteSession, remote: RemoteServer,
                                                           admin: RemoteSession, other: RemoteSession) -> None:
    case = worker.door.cases.add_case(demo_case())
    stale = worker.door.cases.load_case(case.id)
    fresh = worker.door.cases.load_case(case.id)
    fresh.reason = "först"
    worker.door.cases.save_case(fresh)
    stale.reason = "sedan"
    with pytest.raises(ConcurrentEditError) as concurrent:
        worker.door.cases.save_case(stale)
    assert concurrent.value.case_id == case.id
    with pytest.raises(CaseNotFound) as missing:
        worker.door.cases.load_case(999_999)
    assert missing.value.case_id == 999_999 and remote.location in str(missing.value)
    with pytest.raises(AccessDeniedError) as denied:
        other.door.cases.load_case(case.id)
    assert denied.value.case_id == case.id and denied.value.action == "case:view"
    broken = worker.door.cases.load_case(case.id)
    broken.transitions.clear()  # the recorded steps may not be left out
    with pytest.raises(ProcessError) as refused:
        worker.door.cases.save_case(broken)
    assert refused.value.findings
    with pytest.raises(RequestRefused, match="backed up"):
        admin.door.backups.make_backup()


def test_a_wrong_password_and_an_unknown_name_read_the_same(remote: RemoteServer, admin: RemoteSession) -> None:
    with pytest.raises(SignInError) as wrong:
        remote.signin(WORKER[0], "not-the-password")
    with pytest.raises(SignInError) as unknown:
        remote.signin("nobody.here", "not-the-password")
    assert wrong.value.code == unknown.value.code == "wrong_credentials"
    assert str(wrong.value) == str(unknown.value)


def test_signing_out_ends_the_token(remote: RemoteServer, other: RemoteSession) -> None:
    session = remote.signin(OTHER[0], OWN_PASSWORD)
    session.door.cases.case_rows(None)
    token = session._token
    session.signout()
    session._token = token
    with pytest.raises(SessionExpired):
        session.door.cases.case_rows(None)


def test_malformed_requests_get_a_sentence_and_no_traceback(served) -> None:
    server, ca = served
    with httpx.Client(verify=ssl.create_default_context(cafile=str(ca)), base_url=server.url + "/api/v1") as client:
        not_json = client.post("/signin", content=b"{nope", headers={"Content-Type": "application/json"})
        assert not_json.status_code == 400 and "not JSON" in not_json.text
        huge = client.post("/signin", content=b"x" * (17 * 1024 * 1024))
        assert huge.status_code == 413
        no_token = client.post("/call", json={"group": "cases", "name": "case_rows", "args": [], "kwargs": {}})
        assert no_token.status_code == 401
        for response in (not_json, huge, no_token):
            assert "Traceback" not in response.text and 'File "' not in response.text
