"""A team server that accepts the connection and never answers (a silent network): the window stays responsive.

A real TCP listener on 127.0.0.1 accepts every connection and sends nothing, not even its half of the TLS
handshake. The main window's case list is asked for through a real ``RemoteServer`` with short timeouts: the
window's event loop keeps running while it waits (a QTimer ticks all along), the call ends with the timeout,
the red banner says the server cannot be reached, and "Try again" asks again.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from person import PATIENCE_MS, click, find

TIMEOUT_S = 1.5


@pytest.fixture
def silent_server() -> Iterator[str]:
    """``https://127.0.0.1:PORT`` of a listener that accepts and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            held.append(connection)  # kept open, never answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    for connection in held:
        connection.close()
    listener.close()


@pytest.fixture
def silent_context(qapp, tmp_path, silent_server):
    from sst_desk.remote.client import RemoteServer, RemoteSession
    from sst_desk.remote.connection import ServerConnection
    from sst_desk.settings import Settings
    from sst_desk.ui.common.context import AppContext
    from sst_desk.workflow.access import Actor, Role

    server = RemoteServer(silent_server, connect_timeout=TIMEOUT_S, timeout=TIMEOUT_S)
    actor = Actor(user_id=2, username="sara", display_name="Sara Socionom", role=Role.SKOLSOCIONOM)
    session = RemoteSession(server, "a-token-the-silent-server-never-reads", actor,
                            expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=30))
    connection = ServerConnection(server, session)
    context = AppContext(db=connection, settings=Settings.from_file(str(tmp_path / "settings.ini")), user="sara")
    yield context
    server.close()


def test_the_window_stays_responsive_while_the_server_is_silent_and_says_so_after_the_timeout(silent_context, qtbot):
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.common.connection import UnreachableBanner, connection_state

    window = MainWindow(silent_context)
    qtbot.addWidget(window)
    window.show()
    banner = find(window, "Connection to the server", UnreachableBanner, visible=False)
    assert banner.isHidden()
    ticks: list[float] = []
    timer = QTimer(window)
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    window.reload()  # the case list, from a server that never answers
    qtbot.waitUntil(banner.isVisible, timeout=PATIENCE_MS)
    waited = time.monotonic() - started
    timer.stop()
    assert TIMEOUT_S * 0.9 <= waited < TIMEOUT_S * 4, waited  # it ended with the timeout, not before, not never
    during = [t for t in ticks if t - started < waited]
    assert len(during) >= waited / 0.05 * 0.5, (len(during), waited)  # the event loop ran all along
    assert max(b - a for a, b in zip(during, during[1:])) < 0.5  # never frozen for long
    assert not connection_state().reachable
    assert window.model.rowCount() == 0 and not banner.message.text() == ""
    assert find(banner, "Try again").isVisible()
    started = time.monotonic()
    click(window, "Try again")  # asks again (and waits for the answer); the server is still silent
    assert time.monotonic() - started >= TIMEOUT_S * 0.9  # it did ask, and waited out the timeout again
    assert banner.isVisible()
    connection_state().note_answer()  # the next answer from anywhere hides it (left as it was for other tests)
    assert banner.isHidden()
