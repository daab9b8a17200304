"""The team server the test run started, or one of the test's own when the run started none.

``./run-tests.sh`` starts one real server for the whole run (``scripts/test-server.sh``: ``sst-desk serve --init``
and ``sst-desk serve`` on a database of its own in the test PostgreSQL, HTTPS with a throwaway CA) and exports:

- ``SST_DESK_TEST_SERVER_URL``: ``https://127.0.0.1:PORT``;
- ``SST_DESK_TEST_SERVER_CA``: the CA file its certificate is signed by (``DIR/ca.pem``);
- ``SST_DESK_TEST_SERVER_ADMIN``: a file with the first administrator's user name and password, a line each;
- ``SST_DESK_TEST_SERVER_DB``: the owner's URL of the server's database.

``server_for_tests(folder)`` yields that server when the variables are set, and otherwise starts one with
``server_harness.team_server`` (a pytest run without ``run-tests.sh``). Tests on the shared server share its
database with the rest of the run: they name what they make with ``unique()``. A test that needs a server of
its own (another certificate, an empty database, a stopped server) uses ``server_harness.team_server``
directly. With ``SST_DESK_REQUIRE_PG=1`` (CI) nothing here is skipped: a missing server is an error.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVER_URL = os.environ.get("SST_DESK_TEST_SERVER_URL", "")
RUN = secrets.token_hex(3)  # this pytest process's mark in names made on the shared server


def unique(name: str) -> str:
    """``name`` made unique for this test run (user names on a server the whole run shares)."""
    return f"{name}.{RUN}"


@dataclass(frozen=True)
class SharedServer:
    """The run's server, as ``server_harness.TeamServer`` offers it to a test: url, log, process id."""

    url: str
    ca: Path
    admin: tuple[str, str, str]  # user name, full name (unknown here: ""), password
    database: str

    @property
    def folder(self) -> Path:
        return self.ca.parent

    @property
    def pid(self) -> int:
        return int((self.folder / "server.pid").read_text())

    def log_text(self) -> str:
        log = self.folder / "server.log"
        return log.read_text() if log.exists() else ""


def shared_server() -> SharedServer | None:
    """The server ``run-tests.sh`` started, or None when this run has none."""
    if not SERVER_URL:
        return None
    ca = Path(os.environ["SST_DESK_TEST_SERVER_CA"])
    username, password = Path(os.environ["SST_DESK_TEST_SERVER_ADMIN"]).read_text().splitlines()[:2]
    return SharedServer(SERVER_URL, ca, (username, "", password), os.environ.get("SST_DESK_TEST_SERVER_DB", ""))


@contextlib.contextmanager
def server_for_tests(folder: Path) -> Iterator[tuple[object, Path, tuple[str, str, str]]]:
    """(server, CA file, administrator): the run's shared server, or a new one of this test's own."""
    shared = shared_server()
    if shared is not None:
        yield shared, shared.ca, shared.admin
        return
    from server_harness import ADMIN, team_server

    with team_server(folder) as (server, certs):
        yield server, certs.ca, ADMIN
