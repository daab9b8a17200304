"""Two people's windows on one team server (issues 13 and 14): A types, B sees it without touching anything.

A real ``sst-desk serve`` (subprocess, PostgreSQL, HTTPS with a throwaway certificate, the integration tests'
harness); two sessions signed in over the wire, each with its own main window in this process. Sara changes
the student's school in her case window; Tove's open window of the case (the same shared case) shows it as it
is typed, and once the case's room has saved it her case list shows the new school — found by waiting for
the widgets, never by sleeping.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

from person import NOW, fill, find, open_window, reload

from server_harness import ADMIN, postgres_marks, team_server  # the real server, as the integration tests start it

pytestmark = postgres_marks(timeout=180)

SARA = ("sara.socionom", "Sara Socionom", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
TOVE = ("tove.teamledare", "Tove Teamledare", Role.TEAMLEDARE, "Lingonris-Hällebäck-51")


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    from sst_desk.remote.client import RemoteServer

    with team_server(tmp_path_factory.mktemp("live-windows")) as (server, certs):
        with RemoteServer(server.url, ca_file=certs.ca) as remote:
            admin = remote.signin(ADMIN[0], ADMIN[2])
            for username, name, role, password in (SARA, TOVE):
                admin.door.accounts.create_user(username, name, role, password)
            people = {}
            for username, _name, _role, password in (SARA, TOVE):
                people[username] = remote.signin(username, password)
                people[username].change_password(password, "Egen-Lösenmening-Vintergata-82")  # then they may act
            yield people


def main_window_for(session, folder: Path):
    from sst_desk.app import build_context
    from sst_desk.remote.connection import ServerConnection
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow

    # As `sst-desk --server` runs it: the window's database is the server connection (remote/connection.py)
    context = build_context(ServerConnection(session.server, session), Settings.from_file(str(folder / "settings.ini")))
    context.clock = lambda: NOW
    window = MainWindow(context)
    window.show()
    reload(window)
    return window


def close(window) -> None:
    for case_window in list(window.case_windows.values()):
        case_window.setWindowModified(False)
    window.close()
    window.deleteLater()


def row_of(window, case_id: int):
    return next((row for row in window.model.rows() if row.case_id == case_id), None)


def test_a_colleagues_save_shows_in_the_list_and_the_open_window_with_her_name(qtbot, sessions, tmp_path) -> None:
    from sst_desk.demo.generate import build_cases

    sara, tove = sessions[SARA[0]], sessions[TOVE[0]]
    case = next(c for c in build_cases(20, seed=7, today=NOW.date()) if c.stage is Stage.AKTUALISERING)
    case.student.protected_identity = False
    case_id = sara.door.cases.add_case(case).id
    a = main_window_for(sara, tmp_path / "a")
    b = main_window_for(tove, tmp_path / "b")
    try:
        assert b.live is not None and a.live is not None
        qtbot.waitUntil(lambda: b.live.stream.connected.is_set(), timeout=10_000)
        theirs = open_window(b, case_id)
        mine = open_window(a, case_id)
        old_school = row_of(b, case_id).school
        assert theirs.banner.isHidden()

        # Both have the case open: it is shared (issue 14). Sara's typing shows in Tove's window as it is
        # typed, each sees the other in the presence strip, and the room saves it: Tove's list follows.
        for window in (mine, theirs):
            qtbot.waitUntil(lambda w=window: w.room is not None and w.room.joined, timeout=10_000)
        qtbot.waitUntil(lambda: theirs.room.strip.text() == "Also open: Sara Socionom (SS)", timeout=10_000)
        fill(mine, "School", "Almbackaskolan")
        qtbot.waitUntil(lambda: find(theirs, "School").text() == "Almbackaskolan" != old_school, timeout=5_000)
        assert not theirs.isWindowModified() and not theirs.room.has_unsent()  # she typed nothing
        qtbot.waitUntil(lambda: mine.room.save_state.text().startswith("Saved "), timeout=15_000)
        qtbot.waitUntil(lambda: row_of(b, case_id).school == "Almbackaskolan", timeout=10_000)
        assert theirs.banner.isHidden() and mine.banner.isHidden()  # no copy to merge: one shared document
    finally:
        close(a)
        close(b)
    assert not a.live.stream.running and not b.live.stream.running  # no stream thread outlives its window
