"""Editing a case offline through the case window, against the real team server stopped and started (issue 14).

Sara signs in on the server (her laptop's offline copy is made), the server stops (the school's Wi-Fi is gone),
she opens a case from the copy and types into it; the window keeps what she typed in the copy. The server comes
back; a colleague (Karin) changes another field of the same case meanwhile; Sara opens the case again: her
offline words reach the room, are merged with Karin's change, and the stored case holds both. The server's log
has Sara's view made offline.

A real ``sst-desk serve`` of its own (it is stopped and started, which the run's shared server must never be),
PostgreSQL, HTTPS, real windows. Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from collab_docs import type_keys
from person import find
from server_harness import TeamServer, populate_demo, postgres_marks, team_server

from sst_desk.demo.users import DEMO_PASSWORD
from sst_desk.offline import sync as offline_sync
from sst_desk.remote import connection as remote_connection
from sst_desk.remote.client import RemoteServer
from sst_desk.remote.connection import connect
from sst_desk.services.offline import offline_view_time
from sst_desk.workflow.codes import Stage

pytestmark = postgres_marks(timeout=240)

OFFLINE_WORDS = " Skrivet på tåget utan nät."
KARINS_CONTACT = "Karin Berg, kurator (ändrat medan Sara var offline)"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    folder = tmp_path_factory.mktemp("offline-editing-server")
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


@pytest.fixture(autouse=True)
def _reachable_again():
    yield
    from sst_desk.ui.common.connection import connection_state

    state = connection_state()
    state.offline_source = None
    state.note_answer()


def case_window(connection, case_id: int, folder: Path):
    from sst_desk.app import build_context
    from sst_desk.settings import Settings
    from sst_desk.ui.case.case_window import CaseWindow

    folder.mkdir(parents=True, exist_ok=True)
    context = build_context(connection, Settings.from_file(str(folder / "settings.ini")))
    opened = context.door.cases.open_case(case_id)
    window = CaseWindow(context, opened.case, allowed=opened.allowed)
    window.show()
    window.stepper.setCurrentRow(Stage.AKTUALISERING.order)
    return window


def reason_box(window):
    return find(window.pages[Stage.AKTUALISERING.order], "Reason")


def test_an_edit_made_offline_reaches_the_room_merged_with_a_colleagues_change(qtbot, served, data_dir, tmp_path):
    server, ca = served
    if server.process is None:
        server.start()
    sara = connect(server.url, "sara", DEMO_PASSWORD, ca_file=ca, connect_timeout=2, timeout=10)
    try:
        assert sara.sync is not None and sara.sync.wait_idle(30) and sara.sync.last_error is None
        with RemoteServer(server.url, ca_file=ca) as remote:  # a case Sara and Karin are both responsible for
            karin = remote.signin("karin", DEMO_PASSWORD)
            theirs = {row.case_id for row in karin.door.cases.case_rows(None)}
            karin.signout()
        case_id = next(i for i in sara.store.case_ids() if i in theirs)
        assert sara.store.doc_state(case_id)

        server.stop()  # the Wi-Fi is gone
        window = case_window(sara, case_id, tmp_path / "offline")
        try:
            qtbot.waitUntil(lambda: window.room is not None and window.room.joined, timeout=20_000)
            assert sara.offline
            assert "kept encrypted on this computer" in window.room.banner.label.text()
            box = reason_box(window)
            qtbot.waitUntil(lambda: not box.isReadOnly(), timeout=5_000)
            before = box.toPlainText()
            cursor = box.textCursor()
            cursor.setPosition(len(before))
            box.setTextCursor(cursor)
            box.setFocus()
            type_keys(box, OFFLINE_WORDS)
            assert box.toPlainText() == before + OFFLINE_WORDS
        finally:
            window.close()  # nothing asked: the copy keeps the typing
        assert not window.isVisible()

        server.start()  # back at school; Karin changed another field meanwhile, from her own laptop
        with RemoteServer(server.url, ca_file=ca) as remote:
            karin = remote.signin("karin", DEMO_PASSWORD)
            case = karin.door.cases.load_case(case_id)
            case.school_contact = KARINS_CONTACT
            karin.door.cases.save_case(case)
            karin.signout()

        sara.door.cases.case_rows(None)  # the server answers again: the copy sends its views
        assert not sara.offline
        window = case_window(sara, case_id, tmp_path / "online")
        try:
            box = reason_box(window)
            qtbot.waitUntil(lambda: window.room.joined and box.toPlainText() == before + OFFLINE_WORDS,
                            timeout=20_000)
            contact = find(window.pages[Stage.AKTUALISERING.order], "Contact at school")
            qtbot.waitUntil(lambda: contact.text() == KARINS_CONTACT, timeout=20_000)
            qtbot.waitUntil(lambda: window.room.save_state.text().startswith("Saved "), timeout=30_000)
        finally:
            window.close()

        with RemoteServer(server.url, ca_file=ca) as remote:
            tove = remote.signin("tove", DEMO_PASSWORD)
            stored = tove.door.cases.load_case(case_id)
            assert stored.reason == before + OFFLINE_WORDS
            assert stored.school_contact == KARINS_CONTACT
            views = tove.door.accesslog.query_log(username="sara", action="view", limit=500)
            assert any(r.case_id == case_id and offline_view_time(r.detail or "") is not None for r in views)
            edits = tove.door.accesslog.query_log(username="sara", action="edit", limit=500)
            assert any(r.case_id == case_id for r in edits)
            tove.signout()
    finally:
        sara.close()
