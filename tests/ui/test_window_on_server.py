"""The window on a real team server: ``sst-desk serve`` as a subprocess on PostgreSQL, over real HTTPS.

A worker signs in through the real sign-in dialog, sees the case list, opens a case, edits and saves it (the
change is on the server), signs out (the token no longer works). A wrong password reads as on a file; an
``http://`` address is refused; a certificate this computer does not trust offers "Choose CA file…", and the
CA file chosen is remembered for the server. With the server process stopped (SIGSTOP) a save ends with the
timeout, the banner says the server cannot be reached, the window stays open with the edit; once the server
runs again (SIGCONT), "Try again" saves it.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh); the module gets a database and a server of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from person import PATIENCE_MS, answer_dialog, click, fill, fill_dialog, find, open_window, reload, select_row
from server_harness import ADMIN, TeamServer, postgres_marks, team_server

pytestmark = postgres_marks(timeout=240)

WORKER = ("sara.socionom", "Sara Socionom", "Snöstorm-Tallbacka-93")
FIRST_PASSWORD = "Första-Lösen-Från-Ada-1"
SCREENSHOTS = Path(os.environ.get("SST_DESK_SCREENSHOTS", "")) if os.environ.get("SST_DESK_SCREENSHOTS") else None


def shot(widget, name: str) -> None:
    """Save a screenshot when SST_DESK_SCREENSHOTS names a folder (to look at, not compared)."""
    if SCREENSHOTS is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path, int]]:
    """A server with a worker who has one case (made over the wire, as the worker): (server, CA file, case id)."""
    from sst_desk.remote.client import RemoteServer
    from sst_desk.workflow.access import Role
    from sst_desk.workflow.codes import Level, RaisedBy
    from sst_desk.workflow.entities import Case, Student

    folder = tmp_path_factory.mktemp("window-server")
    with team_server(folder) as (server, certs):
        with RemoteServer(server.url, ca_file=certs.ca) as client:
            admin = client.signin(ADMIN[0], ADMIN[2])
            admin.door.accounts.create_user(WORKER[0], WORKER[1], Role.SKOLSOCIONOM, FIRST_PASSWORD)
            admin.signout()
            first = client.signin(WORKER[0], FIRST_PASSWORD)  # a first password: she chooses her own at once
            first.change_password(FIRST_PASSWORD, WORKER[2])
            first.signout()
            worker = client.signin(WORKER[0], WORKER[2])
            student = Student(first_name="Alva", last_name="Servarsson", school="Ekbackeskolan", grade=7)
            case = worker.door.cases.add_case(Case(student=student, raised_on=dt.date.today(), level=Level.NIVA_2,
                                                   raised_by=RaisedBy.ELEVHALSA))
            worker.signout()
        yield server, certs.ca, case.id


@pytest.fixture
def settings(tmp_path):
    from sst_desk.settings import Settings

    return Settings.from_file(str(tmp_path / "settings.ini"))


@pytest.fixture(autouse=True)
def _reachable_again():
    yield
    from sst_desk.ui.common.connection import connection_state

    connection_state().note_answer()  # no banner left over for the next test


def sign_in(url: str, settings, *, password: str = WORKER[2], ca_file=None):
    """The real sign-in dialog, answered as a person would; the signed-in ``ServerConnection``."""
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server

    def answer(dialog: ServerSignInDialog) -> None:
        shot(dialog, "server-sign-in")
        fill_dialog({"User name": WORKER[0], "Password": password}, ok="Sign in")(dialog)

    errors = answer_dialog(answer, kind=ServerSignInDialog)
    connection = sign_in_to_server(url, settings, ca_file=ca_file)
    assert not errors, errors
    return connection


def try_sign_in(dialog, password: str) -> None:
    """Type the worker's name and ``password`` and press "Sign in" (the dialog may stay open)."""
    fill(dialog, "User name", WORKER[0])
    fill(dialog, "Password", password)
    click(dialog, "Sign in")


def test_a_worker_signs_in_sees_the_list_opens_edits_saves_and_signs_out(served, settings, qtbot):
    from sst_desk.app import build_context
    from sst_desk.remote.client import RemoteServer, RemoteSession
    from sst_desk.remote.errors import SessionExpired
    from sst_desk.settings import LAST_SERVER
    from sst_desk.ui.caselist.main_window import MainWindow

    server, ca, case_id = served
    connection = sign_in(server.url, settings, ca_file=str(ca))
    assert connection is not None and connection.actor.username == WORKER[0]
    assert connection.path is None and connection.key is None
    assert settings.get(LAST_SERVER) == server.url
    context = build_context(connection, settings)
    window = MainWindow(context)
    window.show()
    try:
        reload(window)
        assert [row.student_name for row in window.model.rows()] == ["Alva Servarsson"]
        assert window.team_actions["Change my password…"].isVisible()  # over the wire, as on a file
        shot(window, "server-main-window")
        case_window = open_window(window, case_id)
        # On the team server the case is shared (issue 14): the window joins the case's room, what is typed
        # goes into it, and the room saves it; the Save button's place says so.
        qtbot.waitUntil(lambda: case_window.room is not None and case_window.room.joined, timeout=PATIENCE_MS)
        assert not case_window.save_action.isVisible()
        fill(case_window, "School", "Granskolan")
        qtbot.waitUntil(lambda: case_window.room.save_state.text().startswith("Saved "), timeout=PATIENCE_MS)
        assert not case_window.isWindowModified()
        case_window.close()
        with RemoteServer(server.url, ca_file=ca) as client:  # what the server holds now, asked anew
            check = client.signin(WORKER[0], WORKER[2])
            assert check.door.cases.load_case(case_id).student.school == "Granskolan"
            check.signout()
        token, actor = connection.session._token, connection.actor  # noqa: SLF001 - to try it after the sign-out
        assert window.sign_out()
    finally:
        window.close()
        window.deleteLater()
    from sst_desk.app import _close

    _close(connection)  # as app.run_session does after a sign-out: the token is revoked on the server
    with RemoteServer(server.url, ca_file=ca) as client:
        stale = RemoteSession(client, token, actor, expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))
        with pytest.raises(SessionExpired):
            stale.door.cases.case_rows(dt.date.today())


def test_a_wrong_password_reads_as_on_a_file_and_http_is_refused(served, settings, qtbot):
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server

    server, ca, _case_id = served
    seen: dict = {}

    def wrong_then_cancel(dialog: ServerSignInDialog) -> None:
        try_sign_in(dialog, "inte-rätt-lösen-1")
        seen["password error"] = find(dialog, "Password: error", QLabel).text()
        dialog.reject()

    errors = answer_dialog(wrong_then_cancel, kind=ServerSignInDialog, may_stay_open=True)
    assert sign_in_to_server(server.url, settings, ca_file=str(ca)) is None
    assert not errors, errors
    assert seen["password error"] == "The user name or the password is wrong."
    boxes: list[str] = []
    errors = answer_dialog(lambda box: (boxes.append(box.text()), box.accept()), kind=QMessageBox)
    assert sign_in_to_server(server.url.replace("https://", "http://"), settings) is None
    assert not errors, errors
    assert "plain HTTP is not allowed" in boxes[0]


def test_an_untrusted_certificate_offers_the_ca_file_which_is_remembered_for_the_server(served, settings, qtbot):
    from sst_desk.settings import server_ca_file
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server

    server, ca, _case_id = served
    seen: dict = {}

    def first_without_then_with_the_ca(dialog: ServerSignInDialog) -> None:
        try_sign_in(dialog, WORKER[2])
        seen["message"] = find(dialog, "Message", QLabel).text()
        seen["button shown"] = dialog.ca_button.isVisible()
        shot(dialog, "server-sign-in-untrusted-certificate")
        dialog.choose_ca_file = lambda: str(ca)
        click(dialog, "Choose CA file")
        fill_dialog({"User name": WORKER[0], "Password": WORKER[2]}, ok="Sign in")(dialog)

    errors = answer_dialog(first_without_then_with_the_ca, kind=ServerSignInDialog, may_stay_open=True)
    connection = sign_in_to_server(server.url, settings)
    assert not errors, errors
    try:
        assert "is not trusted by this computer" in seen["message"] and seen["button shown"]
        assert "Choose CA file" in seen["message"]
        assert connection is not None
        assert server_ca_file(settings, server.url) == str(ca)
    finally:
        if connection is not None:
            connection.close()


def test_a_silent_server_then_a_stopped_one_show_the_banner_and_try_again_saves_the_kept_edit(
        served, settings, qtbot, monkeypatch):
    """SIGSTOP: the list's reload waits out the timeout (the banner says so); SIGCONT and "Try again" bring it
    back. Then the server is stopped outright: the case window keeps working on the shared case's document
    (its banner says the server cannot be reached), and once the server runs again the edit reaches it and
    the room saves it."""
    from sst_desk.app import build_context, _close
    from sst_desk.remote import connection as connection_module
    from sst_desk.remote.client import RemoteServer
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.common.connection import UnreachableBanner

    server, ca, case_id = served
    monkeypatch.setattr(connection_module, "REQUEST_TIMEOUT_S", 2.0)
    connection = sign_in(server.url, settings, ca_file=str(ca))
    context = build_context(connection, settings)
    window = MainWindow(context)
    window.show()
    paused = False
    try:
        reload(window)
        list_banner = find(window, "Connection to the server", UnreachableBanner, visible=False)
        os.kill(server.process.pid, signal.SIGSTOP)
        paused = True
        window.reload()
        qtbot.waitUntil(list_banner.isVisible, timeout=PATIENCE_MS)
        assert window.model.rowCount() == 1  # the list shown stays
        shot(window, "server-main-window-unreachable")
        os.kill(server.process.pid, signal.SIGCONT)
        paused = False
        with qtbot.waitSignal(window.sig_rows_loaded, timeout=PATIENCE_MS):
            click(list_banner, "Try again")
        assert list_banner.isHidden()

        # The shared case (issue 14): with the server stopped the window keeps working on the case's
        # document and says so; the edit reaches the server when it runs again, and the room saves it.
        case_window = open_window(window, case_id)
        qtbot.waitUntil(lambda: case_window.room is not None and case_window.room.joined, timeout=PATIENCE_MS)
        server.stop()
        room_banner = case_window.room.banner
        qtbot.waitUntil(room_banner.isVisible, timeout=PATIENCE_MS)
        assert "cannot be reached" in room_banner.label.text()
        fill(case_window, "School", "Björkskolan")
        assert case_window.isVisible() and case_window.room.has_unsent()  # the edit is kept
        shot(case_window, "server-case-window-unreachable")
        server.start()
        qtbot.waitUntil(lambda: case_window.room.save_state.text().startswith("Saved ")
                        and not case_window.room.has_unsent(), timeout=PATIENCE_MS)
        assert room_banner.isHidden()
        with RemoteServer(server.url, ca_file=ca) as client:
            check = client.signin(WORKER[0], WORKER[2])
            assert check.door.cases.load_case(case_id).student.school == "Björkskolan"
            check.signout()
        case_window.close()
    finally:
        if paused:
            os.kill(server.process.pid, signal.SIGCONT)
        if server.process is None:
            server.start()
        for case_window in list(window.case_windows.values()):
            case_window.setWindowModified(False)
        window.close()
        window.deleteLater()
        _close(connection)


def test_the_lock_checks_the_password_on_the_server(served, settings, qtbot):
    """A locked window opens with the signed-in person's password, checked by the server (a wrong one is
    refused there and said here); the window goes on in the fresh session of that check, the old one ends."""
    from sst_desk.app import _close, build_context
    from sst_desk.remote.client import RemoteServer, RemoteSession
    from sst_desk.remote.errors import SessionExpired
    from sst_desk.ui.common.lock import IdleLock, UnlockDialog

    server, ca, _case_id = served
    connection = sign_in(server.url, settings, ca_file=str(ca))
    context = build_context(connection, settings)
    lock = IdleLock(context, 10)
    seen: dict = {}

    def wrong_then_right(dialog: UnlockDialog) -> None:
        fill(dialog, "Password", "inte-mitt-lösen-9")
        click(dialog, "Unlock")
        seen["error"] = find(dialog, "Password: error", QLabel).text()
        fill_dialog({"Password": WORKER[2]}, ok="Unlock")(dialog)

    old_token = connection.session._token  # noqa: SLF001 - to try it after the unlock
    try:
        errors = answer_dialog(wrong_then_right, kind=UnlockDialog, may_stay_open=True)
        lock.lock()
        assert not errors, errors
        assert seen["error"] == "The password is wrong."
        assert not lock.locked
        assert connection.door.cases.case_rows(dt.date.today())  # the person's, in the fresh session
        assert connection.session._token != old_token  # noqa: SLF001
        with RemoteServer(server.url, ca_file=ca) as client:
            stale = RemoteSession(client, old_token, connection.actor,
                                  expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))
            with pytest.raises(SessionExpired):
                stale.door.cases.case_rows(dt.date.today())
    finally:
        lock.stop()
        lock.timer.stop()
        _close(connection)


def test_a_first_password_is_replaced_in_the_window_before_anything_else(served, settings, qtbot):
    """A colleague the administrator just added signs in with the first password: the server answers nothing
    else until she has chosen her own, and the window asks for it first (the forced dialog), over the wire."""
    from sst_desk.app import _close, build_context, own_password_chosen
    from sst_desk.remote.client import RemoteServer
    from sst_desk.remote.errors import PasswordChangeRequired
    from sst_desk.ui.accounts.password_dialog import ChangePasswordDialog
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server
    from sst_desk.workflow.access import Role

    server, ca, _case_id = served
    with RemoteServer(server.url, ca_file=ca) as client:
        admin = client.signin(ADMIN[0], ADMIN[2])
        admin.door.accounts.create_user("kim.kurator", "Kim Kurator", Role.KURATOR, FIRST_PASSWORD)
        admin.signout()
    errors = answer_dialog(fill_dialog({"User name": "kim.kurator", "Password": FIRST_PASSWORD}, ok="Sign in"),
                           kind=ServerSignInDialog)
    connection = sign_in_to_server(server.url, settings, ca_file=str(ca))
    assert not errors, errors
    try:
        assert connection.must_change_password
        with pytest.raises(PasswordChangeRequired):
            connection.door.settings.team_settings()
        chosen = "Kims-Egna-Lösen-Vid-Sjön-4"
        seen: dict = {}

        def choose(dialog: ChangePasswordDialog) -> None:
            seen["title"] = dialog.windowTitle()
            shot(dialog, "server-choose-own-password")
            fill_dialog({"Current password": FIRST_PASSWORD, "New password": chosen,
                         "Repeat the new password": chosen}, ok="Change password")(dialog)

        errors = answer_dialog(choose, kind=ChangePasswordDialog)
        assert own_password_chosen(connection, settings)
        assert not errors, errors
        assert seen["title"] == "Choose your own password"
        assert build_context(connection, settings).team.team_name  # the server answers her now
        with RemoteServer(server.url, ca_file=ca) as client:  # and the new password is hers
            client.signin("kim.kurator", chosen).signout()
    finally:
        _close(connection)


def test_a_session_the_server_ended_locks_the_window_and_the_unlock_signs_in_afresh(served, settings, qtbot):
    """The token is revoked on the server (as when it lapses): the next call says so, the window locks, and
    the person's password opens a fresh session; the list loads again."""
    from sst_desk.app import _close, build_context
    from sst_desk.remote.client import RemoteServer, RemoteSession
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.common.lock import IdleLock, UnlockDialog

    server, ca, _case_id = served
    connection = sign_in(server.url, settings, ca_file=str(ca))
    context = build_context(connection, settings)
    context.locker = IdleLock(context, 10)
    window = MainWindow(context)
    window.show()
    said: list[str] = []
    try:
        reload(window)
        with RemoteServer(server.url, ca_file=ca) as client:  # the server ends the session
            RemoteSession(client, connection.session._token, connection.actor,  # noqa: SLF001
                          expires_at=dt.datetime.now(dt.UTC)).signout()
        unlocked: list[bool] = []

        def unlock_with_the_password(dialog: UnlockDialog) -> None:
            fill_dialog({"Password": WORKER[2]}, ok="Unlock")(dialog)
            unlocked.append(True)

        box = answer_dialog(lambda b: (said.append(b.text()), b.accept()), kind=QMessageBox)
        unlock = answer_dialog(unlock_with_the_password, kind=UnlockDialog)
        window.reload()
        qtbot.waitUntil(lambda: bool(unlocked) and not context.locker.locked, timeout=PATIENCE_MS)
        assert not box and not unlock, (box, unlock)
        assert "has ended; sign in again" in said[0]
        with qtbot.waitSignal(window.sig_rows_loaded, timeout=PATIENCE_MS):
            window.reload()  # in the fresh session
    finally:
        context.locker.stop()
        context.locker.timer.stop()
        window.close()
        window.deleteLater()
        _close(connection)


def test_sst_desk_with_server_opens_the_main_window_on_the_server(served, qtbot, tmp_path, monkeypatch):
    """``sst-desk --server URL --ca-file CA`` (``app.run_gui``): the sign-in dialog, then the main window with
    the server's cases; closing it ends the app and signs out."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sst_desk import app as app_module
    from sst_desk.settings import LAST_SERVER, Settings
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog
    from sst_desk.ui.caselist.main_window import MainWindow

    server, ca, _case_id = served
    settings_file = str(tmp_path / "settings.ini")
    monkeypatch.setattr(app_module, "Settings", lambda: Settings.from_file(settings_file))
    seen: dict = {}

    def close_when_listed() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.model.rowCount():
                seen["rows"] = [row.student_name for row in widget.model.rows()]
                seen["server"] = widget.server_label.text()
                widget.close()

    watcher = QTimer()
    watcher.timeout.connect(close_when_listed)
    watcher.start(100)
    errors = answer_dialog(fill_dialog({"User name": WORKER[0], "Password": WORKER[2]}, ok="Sign in"),
                           kind=ServerSignInDialog)
    try:
        assert app_module.run_gui(server=server.url, ca_file=str(ca), language="en") == 0
    finally:
        watcher.stop()
    assert not errors, errors
    assert "Alva Servarsson" in seen["rows"] and seen["server"] == f"Team server: {server.url}"
    assert Settings.from_file(settings_file).get(LAST_SERVER) == server.url


def test_the_administrator_manages_accounts_in_the_window_over_the_server(served, settings, qtbot):
    """Users… over the server: the list, a new colleague, switched off again — and no word of a key file."""
    from sst_desk.app import _close, build_context
    from sst_desk.ui.accounts.users_dialog import UsersDialog
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog, sign_in_to_server

    server, ca, _case_id = served
    errors = answer_dialog(fill_dialog({"User name": ADMIN[0], "Password": ADMIN[2]}, ok="Sign in"),
                           kind=ServerSignInDialog)
    connection = sign_in_to_server(server.url, settings, ca_file=str(ca))
    assert not errors, errors
    try:
        dialog = UsersDialog(build_context(connection, settings), None)
        qtbot.addWidget(dialog)
        dialog.show()
        assert WORKER[1] in [user.display_name for user in dialog.users]
        errors = answer_dialog(fill_dialog({"User name": "tove.ledare", "Full name": "Tove Ledare",
                                            "Role": "Team lead (teamledare)", "First password": FIRST_PASSWORD,
                                            "Repeat the password": FIRST_PASSWORD}, ok="Add user"))
        click(dialog, "Add user…")
        assert not errors, errors
        select_row(dialog, "Users", "Tove Ledare")
        said: list[str] = []
        errors = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), kind=QMessageBox)
        told = answer_dialog(lambda box: (said.append(box.text()), box.accept()), kind=QMessageBox)
        click(dialog, "Switch off")
        assert not errors and not told, (errors, told)
        assert said == ["The account of Tove Ledare is switched off."]  # a server has no key file to re-key
        assert not next(u for u in dialog.users if u.username == "tove.ledare").active
    finally:
        _close(connection)
