"""Starting the window on a team server: the first-run dialog's choice, the remembered server, http:// refused.

(The sign-in on a real server, the CA file and the banner are in ``test_window_on_server.py``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from sst_desk import app as app_module
from sst_desk.settings import LAST_SERVER, remember_server_ca_file, server_ca_file

from person import answer_dialog, click, find


@pytest.fixture
def settings(qapp, tmp_path):
    from sst_desk.settings import Settings

    return Settings.from_file(str(tmp_path / "settings.ini"))


def test_the_first_run_dialog_says_what_a_file_protects_and_offers_the_teams_server(settings, tmp_path):
    from sst_desk.ui.accounts.signin_dialog import FirstRunDialog, UseServer, sign_in_for_window

    file = tmp_path / "data" / "new.sqlite3"
    seen: dict = {}

    def choose_server(dialog: FirstRunDialog) -> None:
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.ask_server_url = lambda _suggested: "http://sst.kommun.example:8443"
        click(dialog, "Use a team server")
        seen["refused"] = find(dialog, "Message", QLabel).text()
        dialog.ask_server_url = lambda suggested: (seen.setdefault("suggested", suggested),
                                                   "https://sst.kommun.example:8443/")[1]
        click(dialog, "Use a team server")

    errors = answer_dialog(choose_server, kind=FirstRunDialog, may_stay_open=True)
    chosen = sign_in_for_window(str(file), settings, file, lambda _key: None)
    assert not errors, errors
    assert "protects the cases if the laptop is lost or stolen" in seen["text"]
    assert "Only a team server enforces the roles where the data is" in seen["text"]
    assert "plain HTTP is not allowed" in seen["refused"]
    assert chosen == UseServer("https://sst.kommun.example:8443")
    assert not file.exists()  # no database was made


def test_a_plain_start_goes_to_the_last_server_while_this_computer_has_no_database_of_its_own(
        settings):
    from sst_desk import paths
    from sst_desk.security import signin

    assert app_module._remembered_server(settings) is None  # never signed in on a server
    settings.set(LAST_SERVER, "https://sst.kommun.example:8443")
    assert app_module._remembered_server(settings) == "https://sst.kommun.example:8443"
    own = paths.default_database_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    signin.create_first_administrator(own, "admin", "Ada Admin", "ledning-lösen-2026").close()
    assert app_module._remembered_server(settings) is None  # its own database: the plain start opens that


def test_the_server_it_set_for_every_user_is_where_a_plain_start_goes_until_one_was_chosen(settings, monkeypatch):
    from sst_desk import paths
    from sst_desk.security import signin

    monkeypatch.setenv(app_module.SERVER_ENV, " https://sst.kommun.example:8443 ")
    assert app_module._remembered_server(settings) == "https://sst.kommun.example:8443"
    settings.set(LAST_SERVER, "https://annan.kommun.example")  # the person's own choice wins
    assert app_module._remembered_server(settings) == "https://annan.kommun.example"
    settings.forget(LAST_SERVER)
    own = paths.default_database_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    signin.create_first_administrator(own, "admin", "Ada Admin", "ledning-lösen-2026").close()
    assert app_module._remembered_server(settings) is None  # its own database: the plain start opens that


def test_the_system_wide_settings_file_is_not_read(qapp, tmp_path, monkeypatch):
    """A value in the system scope's file (on Windows in %ProgramData%, which every user may write) is ignored."""
    from PySide6.QtCore import QSettings

    from sst_desk.settings import Settings

    ini, scopes = QSettings.Format.IniFormat, (QSettings.Scope.SystemScope, QSettings.Scope.UserScope)
    # Qt has no getter for these folders: each is read back from a file name (<folder>/sst-desk/SST Desk.ini).
    before = {scope: str(Path(QSettings(ini, scope, "sst-desk", "SST Desk").fileName()).parents[1]) for scope in scopes}
    QSettings.setPath(ini, QSettings.Scope.SystemScope, str(tmp_path / "system"))
    QSettings.setPath(ini, QSettings.Scope.UserScope, str(tmp_path / "user"))
    try:
        planted = QSettings(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, "sst-desk", "SST Desk")
        planted.setValue(LAST_SERVER.key, "https://planted.example")
        planted.sync()
        assert Path(planted.fileName()).is_file()
        assert Settings().get(LAST_SERVER) == ""
    finally:
        for scope, folder in before.items():
            QSettings.setPath(ini, scope, folder)


def test_an_http_address_is_refused_before_anything_is_sent(settings, monkeypatch):
    from sst_desk.ui.accounts.server_signin import sign_in_to_server

    shown: list[str] = []
    monkeypatch.setattr("sst_desk.ui.accounts.server_signin.QMessageBox.critical",
                        lambda _parent, _title, text: shown.append(text))
    assert sign_in_to_server("http://sst.kommun.example:8443", settings) is None
    assert len(shown) == 1 and "plain HTTP is not allowed" in shown[0]
    assert settings.get(LAST_SERVER) == ""


def test_a_ca_file_is_remembered_per_server(settings):
    remember_server_ca_file(settings, "https://SST.kommun.example:8443/", "/etc/sst/ca.pem")
    assert server_ca_file(settings, "https://sst.kommun.example:8443") == "/etc/sst/ca.pem"
    assert server_ca_file(settings, "https://other.example") is None
    remember_server_ca_file(settings, "https://other.example", "/tmp/other.pem")
    remember_server_ca_file(settings, "https://sst.kommun.example:8443", None)
    assert server_ca_file(settings, "https://sst.kommun.example:8443") is None
    assert server_ca_file(settings, "https://other.example") == "/tmp/other.pem"


def test_a_ca_file_that_is_gone_is_said_and_another_can_be_chosen(settings, tmp_path):
    from sst_desk.ui.accounts.server_signin import ServerSignInDialog

    dialog = ServerSignInDialog("https://127.0.0.1:9", username="sara", ca_file=str(tmp_path / "borta.pem"))
    try:
        dialog.show()
        find(dialog, "Password").setText("ett-lösenord-123")
        click(dialog, "Sign in")
        assert "borta.pem cannot be used" in find(dialog, "Message", QLabel).text()
        assert dialog.ca_button.isVisible() and dialog.isVisible() and dialog.connection is None
    finally:
        dialog.deleteLater()
