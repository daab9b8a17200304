""""Kommande" from the offline copy: with the team server stopped, the list is the same as the server's, built
from the copy's cases by the same rules (``offline.door.FROM_COPY``).

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh). The module's server is its own: it is stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desk.demo.users import DEMO_PASSWORD
from sst_desk.offline import sync as offline_sync
from sst_desk.remote import connection as remote_connection
from sst_desk.remote.connection import connect

from server_harness import TeamServer, populate_demo, postgres_marks, team_server

pytestmark = postgres_marks(timeout=240)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    folder = tmp_path_factory.mktemp("agenda-offline")
    with team_server(folder) as (server, certs):
        populate_demo(server.database, folder / "demo", students=40, seed=1)
        yield server, certs.ca


def test_the_copy_gives_the_same_list_while_the_server_is_stopped(served, tmp_path, monkeypatch) -> None:
    server, ca = served
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(remote_connection, "PROBE_EVERY_S", 0.0)
    monkeypatch.setattr(offline_sync, "MIN_GAP_S", 0.0)
    sara = connect(server.url, "sara", DEMO_PASSWORD, ca_file=ca, connect_timeout=2, timeout=10)
    try:
        assert sara.sync is not None and sara.sync.wait_idle(30.0) and sara.sync.last_error is None
        online = sara.door.agenda.due_items(None)
        assert online and not sara.offline
        server.stop()
        offline = sara.door.agenda.due_items(None)
        assert sara.offline
        assert offline == online
    finally:
        sara.close()
        if server.process is None:
            server.start()
