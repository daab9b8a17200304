"""The server's slowing-down after wrong passwords is shown in the window's sign-in as a wait.

A server of its own (the server counts failures per name and per client address for 15 minutes, so these
wrong tries must not slow the other tests' sign-ins): after three wrong passwords the next try is answered
"wait" without the password being checked; the dialog says how long and its "Sign in" button waits as long,
then the right password signs in.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from person import PATIENCE_MS, answer_dialog, click, fill, find
from server_harness import ADMIN, TeamServer, postgres_marks, team_server

pytestmark = postgres_marks(timeout=180)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    with team_server(tmp_path_factory.mktemp("sign-in-wait")) as (server, certs):
        yield server, certs.ca


def test_after_three_wrong_passwords_the_dialog_waits_as_long_as_the_server_asks(served, qtbot, tmp_path):
    from sst_desk.settings import Settings
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server

    server, ca = served
    seen: dict = {}

    def wrong_until_told_to_wait_then_right(dialog: ServerSignInDialog) -> None:
        fill(dialog, "User name", ADMIN[0])
        for _ in range(3):
            fill(dialog, "Password", "inte-rätt-lösen-1")
            click(dialog, "Sign in")
            assert find(dialog, "Password: error", QLabel).text() == "The user name or the password is wrong."
        for _ in range(3):  # the next tries are answered "wait" (on a slow machine one more may be wrong first)
            fill(dialog, "Password", "inte-rätt-lösen-1")
            click(dialog, "Sign in")
            seen["wait"] = find(dialog, "Password: error", QLabel).text()
            if seen["wait"].startswith("Too many"):
                break
        seen["button waits"] = not dialog.ok_button.isEnabled()
        for _ in range(3):  # as a person would: once the button is back, the right password (again if told to wait)
            qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=PATIENCE_MS)
            fill(dialog, "Password", ADMIN[2])
            click(dialog, "Sign in")
            if dialog.result() == dialog.DialogCode.Accepted:
                break
            seen.setdefault("told again", []).append(find(dialog, "Password: error", QLabel).text())
        else:
            dialog.reject()  # still refused: end here, and the assertion below says what the dialog said

    errors = answer_dialog(wrong_until_told_to_wait_then_right, kind=ServerSignInDialog, may_stay_open=True)
    connection = sign_in_to_server(server.url, Settings.from_file(str(tmp_path / "settings.ini")), ca_file=str(ca))
    assert not errors, errors
    try:
        assert re.fullmatch(r"Too many wrong tries\. Wait [1-8] seconds\.", seen["wait"]) and seen["button waits"]
        assert connection is not None and connection.actor.username == ADMIN[0], seen
    finally:
        if connection is not None:
            connection.close()
