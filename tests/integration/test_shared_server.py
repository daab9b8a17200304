"""The team server the test run starts (scripts/test-server.sh, through run-tests.sh) is the real thing: the
`sst-desk serve` process, HTTPS only with a certificate the run's own CA signed, its first administrator made
by `serve --init`, and a worker's case opened and saved through it.

Without run-tests.sh the same tests run on a server of their own (shared_server.server_for_tests).
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from sst_desk.remote.client import RemoteServer
from sst_desk.remote.errors import UntrustedCertificateError
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

from server_harness import PG_URL, postgres_marks
from shared_server import server_for_tests, shared_server, unique

pytestmark = postgres_marks(timeout=180)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, Path, tuple[str, str, str]]]:
    with server_for_tests(tmp_path_factory.mktemp("shared-server")) as found:
        yield found


def test_the_run_exports_its_server_when_it_starts_one() -> None:
    shared = shared_server()
    if shared is None:  # never in CI: run-tests.sh starts the server whenever it starts PostgreSQL
        pytest.skip("this run started no team server (run-tests.sh does); the other tests start their own")
    assert urlsplit(shared.url).scheme == "https"
    assert shared.ca.is_file() and shared.database.startswith("postgresql")
    # The server's own database, never the one the PostgreSQL tests wipe.
    assert urlsplit(shared.database).path != urlsplit(PG_URL).path
    command = Path(f"/proc/{shared.pid}/cmdline").read_bytes().split(b"\0")
    assert b"sst_desk" in command and b"serve" in command and b"--init" not in command


def test_it_speaks_https_only_with_a_certificate_of_the_runs_own_ca(served) -> None:
    server, ca, _admin = served
    with httpx.Client(verify=ssl.create_default_context(cafile=str(ca)), timeout=10) as client:
        assert client.get(server.url + "/api/v1/health").json().keys() == {"version"}
    with pytest.raises(UntrustedCertificateError):
        RemoteServer(server.url).health()  # the system's store does not know the throwaway CA
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as plain:
        plain.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        plain.settimeout(10)
        try:
            answer = plain.recv(4096)
        except (ConnectionResetError, TimeoutError):
            answer = b""
    assert not answer.startswith(b"HTTP/")  # plain HTTP gets no HTTP answer at all


def test_its_administrator_and_a_worker_sign_in_and_a_case_is_opened_and_saved(served) -> None:
    import datetime as dt

    from sst_desk.demo.generate import build_cases

    server, ca, (username, _name, password) = served
    worker = (unique("ops.socionom"), "Olga Socionom", "Vinterväg-Ekhagen-61")
    with RemoteServer(server.url, ca_file=ca) as remote:
        admin = remote.signin(username, password)
        assert admin.actor.role is Role.ADMINISTRATOR
        admin.door.accounts.create_user(worker[0], worker[1], Role.SKOLSOCIONOM, worker[2])
        session = remote.signin(worker[0], worker[2])
        session.change_password(worker[2], "Höstlöv-Strandväg-72")  # the first password is the administrator's
        case = next(c for c in build_cases(6, seed=11, today=dt.date.today()) if c.stage is Stage.GENOMFORANDE)
        added = session.door.cases.add_case(case)
        opened = session.door.cases.open_case(added.id)
        opened.case.reason = "Sparad genom testkörningens server"
        saved = session.door.cases.save_case(opened.case)
        assert saved.revision == opened.case.revision + 1
        assert session.door.cases.load_case(added.id).reason == "Sparad genom testkörningens server"
        session.signout()
        admin.signout()
    log = server.log_text()
    assert "cases.save_case 200" in log and "Sparad genom" not in log  # logged, never the content
