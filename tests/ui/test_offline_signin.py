"""Signing in when the team server cannot be reached: the sign-in dialog offers "Work offline" when this
computer holds the person's copy, opens it with the password only, and the window lists and opens the cases
from it with a banner that says how old the copy is. (The copy against a real server that is stopped and
started: tests/integration/test_offline_copy.py.)"""

from __future__ import annotations

import datetime as dt
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from person import answer_dialog, click, fill, find, open_window, reload

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from builders import make_case  # noqa: E402

PASSWORD = "Ekorre-Vinterdvala-35"
SARA = ("sara", "Sara Socionom")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def settings(tmp_path):
    from sst_desk.settings import Settings

    return Settings.from_file(str(tmp_path / "settings.ini"))


@pytest.fixture(autouse=True)
def _reachable_again():
    yield
    from sst_desk.ui.common.connection import connection_state

    state = connection_state()
    state.offline_source = None
    state.note_answer()  # no banner left over for the next test


@pytest.fixture
def copy_here():
    """A server nobody answers at, and Sara's copy of one case on this computer, taken at 12:32 UTC today."""
    from sst_desk.offline.store import OfflineStore
    from sst_desk.services.cases import CaseFile
    from sst_desk.services.offline import OfflineCopy
    from sst_desk.workflow.access import Action, Actor, Resource, Role
    from sst_desk.workflow.caselist import CaseRow

    url = f"https://127.0.0.1:{_free_port()}"
    case = make_case()
    case.id, case.revision = 41, 3
    row = CaseRow(case_id=41, student_name=case.student.full_name, personal_id=case.student.personal_id,
                  school=case.student.school, grade=case.student.grade, stage=case.stage, level=case.level,
                  socionom=case.socionom, raised_on=case.raised_on, next_due=None, attention=frozenset())
    taken = dt.datetime.combine(dt.date.today(), dt.time(12, 32), tzinfo=dt.UTC)
    store = OfflineStore.create(url, SARA[0], PASSWORD)
    store.apply(OfflineCopy(files=(CaseFile(case, (), frozenset({(Resource.CASE, Action.VIEW)})),), rows=(row,),
                            taken_at=taken), actor=Actor(7, SARA[0], SARA[1], Role.SKOLSOCIONOM))
    return url, case, taken


def test_work_offline_is_offered_when_the_server_cannot_be_reached_and_opens_the_copy(
        copy_here, settings, qtbot):
    from sst_desk.app import _close, build_context
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.common.connection import UnreachableBanner

    url, case, taken = copy_here
    seen: dict[str, str] = {}

    def offline(dialog: ServerSignInDialog) -> None:
        assert not dialog.offline_button.isVisible()
        fill(dialog, "User name", "sara")
        fill(dialog, "Password", PASSWORD)
        click(dialog, "Sign in")
        seen["unreachable"] = find(dialog, "Message", QLabel).text()
        fill(dialog, "Password", "inte-hennes-losenord")
        click(dialog, "Work offline")
        seen["wrong"] = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        assert dialog.isVisible() and dialog.connection is None
        fill(dialog, "Password", PASSWORD)
        click(dialog, "Work offline")

    errors = answer_dialog(offline, kind=ServerSignInDialog)
    connection = sign_in_to_server(url, settings)
    assert not errors, errors
    assert "cannot be reached" in seen["unreachable"] and "Work offline" in seen["unreachable"]
    assert "The user name or the password is wrong." in seen["wrong"]
    assert connection is not None and connection.offline and connection.session is None
    assert connection.actor.username == "sara"

    context = build_context(connection, settings)
    window = MainWindow(context)
    window.show()
    try:
        reload(window)
        assert [row.case_id for row in window.model.rows()] == [41]
        banner = find(window, "Connection to the server", UnreachableBanner)
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        local = taken.astimezone().strftime("%H:%M")
        assert banner.message.text().startswith(f"Offline – your local copy from {local}")
        case_window = open_window(window, 41)
        assert case_window is not None
        assert [c for _n, c, _at in connection.store.pending_views()] == [41]  # sent when the server is back
        case_window.close()
        file = connection.store.file
        assert window.forget_action.isVisible() and window.forget_action.text() == "Sign out and remove the local copy"
        window.forget_action.trigger()  # Arkiv → "Sign out and remove the local copy"
        assert window.signed_out
        _close(connection)
        assert not file.exists() and not Path(f"{file}.keys").exists()
    finally:
        window.close()
        window.deleteLater()
        _close(connection)


def test_without_a_copy_nothing_offline_is_offered(settings):
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog

    dialog = ServerSignInDialog(f"https://127.0.0.1:{_free_port()}", username="karin")
    try:
        dialog.show()
        find(dialog, "Password").setText(PASSWORD)
        click(dialog, "Sign in")
        assert "cannot reach the server" in find(dialog, "Message", QLabel).text()
        assert not dialog.offline_button.isVisible() and dialog.connection is None
    finally:
        dialog.deleteLater()


def test_a_colleagues_change_on_the_live_feed_brings_the_copy_up_to_date(qtbot):
    from sst_desk.remote.sse import CaseEvent
    from sst_desk.ui.common.live import LiveUpdates

    class Source:
        location = "https://127.0.0.1:9"

        class sync:  # noqa: N801 - stands in for offline.sync.OfflineSync: counts the pokes
            pokes = 0

            @classmethod
            def poke(cls) -> None:
                cls.pokes += 1

        def events_request(self):
            return self.location + "/api/v1/events", {}, False

    source = Source()
    live = LiveUpdates(source, debounce_ms=10)  # not started: the events are handed in as the stream would
    try:
        with qtbot.waitSignal(live.sig_list_stale, timeout=2000):
            live._arrived(CaseEvent(case_id=7, revision=3, user_id=2, by="Karin Kurator"))
        assert Source.sync.pokes == 1
    finally:
        live.stop()
        live.deleteLater()


def test_the_log_review_says_what_the_offline_entries_mean(qapp):
    from sst_desk.ui.accesslog.details import action_detail
    from sst_desk.ui.accesslog.model import action_word

    at = dt.datetime(2031, 5, 17, 12, 32, tzinfo=dt.UTC)
    said = action_detail("view", "offline=" + at.isoformat())
    assert said == "offline, on the computer's copy, at " + at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert action_detail("offline_copy", "7") == "revision 7"
    assert action_word("offline_copy") == "Copied the case to their computer for offline work"
    assert action_detail("view", "offline=not a time") == "offline=not a time"
