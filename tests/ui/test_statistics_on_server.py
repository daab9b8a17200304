"""The statistics window on a real team server (``sst-desk serve`` on PostgreSQL, over real HTTPS).

The team lead signs in over the wire; Team → Statistics… counts on the server (its clock, its access rule,
its log) and the export is written on this computer, logged on the server. Nothing is stood in for.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh); the module gets a database and a server of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from person import PATIENCE_MS, click, reload
from server_harness import ADMIN, TeamServer, postgres_marks, team_server

from sst_desk.workflow.stats_model import Statistics

pytestmark = postgres_marks(timeout=240)

LEAD = ("tove.ledare", "Tove Ledare", "Fjällripa-Kastanj-58")
FIRST_PASSWORD = "Första-Lösen-Från-Ada-2"
CASES = 6


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    """A server with a team lead and six cases raised today (made over the wire): (server, CA file)."""
    from sst_desk.remote.client import RemoteServer
    from sst_desk.workflow.access import Role
    from sst_desk.workflow.codes import Gender, Level, RaisedBy
    from sst_desk.workflow.entities import Case, Student

    folder = tmp_path_factory.mktemp("statistics-server")
    with team_server(folder) as (server, certs):
        with RemoteServer(server.url, ca_file=certs.ca) as client:
            admin = client.signin(ADMIN[0], ADMIN[2])
            admin.door.accounts.create_user(LEAD[0], LEAD[1], Role.TEAMLEDARE, FIRST_PASSWORD)
            admin.signout()
            first = client.signin(LEAD[0], FIRST_PASSWORD)
            first.change_password(FIRST_PASSWORD, LEAD[2])
            first.signout()
            lead = client.signin(LEAD[0], LEAD[2])
            for number in range(CASES):
                student = Student(first_name=f"Elev{number}", last_name="Servarsson", school="Ekbackeskolan",
                                  grade=7, gender=Gender.FLICKA if number % 2 else Gender.POJKE)
                lead.door.cases.add_case(Case(student=student, raised_on=dt.date.today(), level=Level.NIVA_2,
                                              raised_by=RaisedBy.ELEVHALSA))
            lead.signout()
        yield server, certs.ca


def test_the_team_lead_counts_on_the_server_and_exports_here(served, qtbot, tmp_path):
    from sst_desk.app import _close, build_context
    from sst_desk.remote.connection import connect
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.statistics.window import StatisticsWindow

    server, ca = served
    connection = connect(server.url, LEAD[0], LEAD[2], ca_file=str(ca), keep_copy=False)
    context = build_context(connection, Settings.from_file(str(tmp_path / "settings.ini")))
    window = MainWindow(context)
    window.show()
    try:
        reload(window)
        window.team_actions["Statistics…"].trigger()
        shown = window.findChild(StatisticsWindow)
        assert shown.windowTitle() == "Statistics – the whole team"
        with qtbot.waitSignal(shown.sig_shown, timeout=PATIENCE_MS) as blocker:
            click(shown, "Show", wait=False)
        stats = blocker.args[0]
        assert isinstance(stats, Statistics), stats
        assert stats.case_count == CASES
        raised = next(t for t in stats.counts if t.key == "raised")
        assert raised.total.count == CASES  # six students, above the threshold: shown
        target = tmp_path / "statistik.csv"
        shown.choose_save_path = lambda *_args: str(target)
        with qtbot.waitSignal(shown.sig_exported, timeout=PATIENCE_MS) as blocker:
            click(shown, "Export CSV…", wait=False)
        assert blocker.args[0] == target and target.read_bytes().decode("utf-8-sig").count(";") > 10
        logged = connection.door.accesslog.query_log(action="export")
        assert [row.detail.split(";")[0] for row in logged] == ["statistik csv"]
        shown.close()
    finally:
        window.close()
        window.deleteLater()
        _close(connection)
