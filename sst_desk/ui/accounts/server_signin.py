"""Signing in on a team server (``sst-desk --server https://…``): the password is checked by the server.

``sign_in_to_server`` is what ``app.run_gui`` calls in server mode. Name and password go over HTTPS to the
server, which answers with a session token kept in memory only (``remote.connection.ServerConnection``);
written on this computer are the server's address, the last user name, when one was needed the CA file
that vouches for the server's certificate (``settings.remember_server_ca_file``), and the person's
encrypted offline copy of their own cases, which only their password opens (``sst_desk/offline``). A
wrong name or password reads as on a database file; the server's slowing-down after wrong tries is shown
as a wait; a certificate this computer does not trust offers "Choose CA file…". The request runs off the
UI thread.

When the server cannot be reached and this computer holds the person's offline copy (``sst_desk/offline``),
the dialog offers "Work offline": the same name and password open the copy (``remote.connection.open_offline``;
a wrong password reads as a wrong password anywhere), and the window works on it until the server is back.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton, QWidget

from sst_desk.security import signin
from sst_desk.services.errors import DatabaseError
from sst_desk.settings import LAST_SERVER, LAST_USER, Settings, remember_server_ca_file, server_ca_file
from sst_desk.ui.accounts.signin_dialog import _Form, sign_in_error_text
from sst_desk.ui.common.connection import is_unreachable
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.operations import run_and_wait

CONTEXT = "ServerSignIn"
WIDTH = 520


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ServerSignInDialog(_Form):
    """Name and password for the team server at ``url``; ``connection`` is the signed-in session once accepted."""

    def __init__(self, url: str, *, username: str = "", ca_file: str | None = None,
                 parent: QWidget | None = None) -> None:
        from sst_desk.remote.client import server_location

        super().__init__(_t("SST Desk: sign in"), _t(
            "Sign in to the team server %1. Your password is checked by the server. So that you can work when the "
            "server cannot be reached, an encrypted copy of the cases you are responsible for is kept on this "
            "computer; only your password opens it.").replace("%1", server_location(url)), parent)
        self.url, self.ca_file, self._location = url, ca_file, server_location(url)
        self.add_field("username", _t("User name"), text=username)
        self.add_field("password", _t("Password"), secret=True)
        self.set_ok_text(_t("Sign in"))
        self.ca_button = QPushButton(_t("Choose CA file…"), self)
        self.ca_button.setAccessibleName(_t("Choose CA file"))
        self.ca_button.clicked.connect(self._choose_ca_file)
        self.buttons.addButton(self.ca_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ca_button.setVisible(False)  # offered once the server's certificate was not trusted
        self.offline_button = QPushButton(_t("Work offline"), self)
        self.offline_button.setAccessibleName(_t("Work offline"))
        self.offline_button.clicked.connect(self._work_offline)
        self.buttons.addButton(self.offline_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.offline_button.setVisible(False)  # offered when the server cannot be reached and a copy is here
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._waited)
        (self.edits["password"] if username else self.edits["username"]).setFocus()
        self.connection = None
        self._busy = False
        self.resize(WIDTH, self.heightForWidth(WIDTH))  # room for the server's address and its messages

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _submit(self) -> None:
        from sst_desk.remote.connection import connect
        from sst_desk.remote.errors import CaFileError, UntrustedCertificateError

        username, password = self.value("username").strip(), self.value("password")
        if not username or not password:
            self.show_errors({"username": _t("Write your user name.")} if not username
                             else {"password": _t("Write your password.")})
            return
        if self._wait.isActive() or not self.ok_button.isEnabled():
            return
        url, ca_file = self.url, self.ca_file
        self.buttons.setEnabled(False)  # one request at a time; the window stays responsive meanwhile
        self._busy = True
        try:
            self.connection = run_and_wait(self, lambda: connect(url, username, password, ca_file=ca_file))
        except signin.SignInError as exc:
            self.edits["password"].clear()
            self.show_errors({"password": sign_in_error_text(exc, None)})
            if exc.code == "wait":  # the server slows guessing down: the button waits as long
                self.ok_button.setEnabled(False)
                self._wait.start(max(1, math.ceil(exc.seconds)) * 1000)
            return
        except UntrustedCertificateError:
            self.ca_button.setVisible(True)
            self.show_errors({}, _t(
                "The certificate of the server %1 is not trusted by this computer, so nothing was sent. Get the "
                "server's CA file from your IT department and choose it with \u201cChoose CA file…\u201d; it is "
                "remembered for this server.").replace("%1", self._location))
            return
        except CaFileError as exc:  # the CA file given (or remembered) is gone or is no certificate: choose another
            self.ca_button.setVisible(True)
            self.show_errors({}, database_error_text(exc))
            return
        except DatabaseError as exc:  # unreachable, another name on the certificate, a refusal: one sentence
            if is_unreachable(exc) and self._copy_here(username):
                self.offline_button.setVisible(True)
                self.show_errors({}, _t(
                    "The server %1 cannot be reached. This computer has a local copy of your cases: "
                    "\u201cWork offline\u201d opens it with your password, and what you open is logged on the "
                    "server when it can be reached again.").replace("%1", self._location))
                return
            self.show_errors({}, database_error_text(exc))
            return
        finally:
            self._busy = False
            self.buttons.setEnabled(True)
            if self._wait.isActive():
                self.ok_button.setEnabled(False)
        self.accept()

    def _copy_here(self, username: str) -> bool:
        from sst_desk.offline.store import exists

        return exists(self.url, username)

    def _work_offline(self) -> None:
        """Open this computer's offline copy with the name and password given (off the UI thread)."""
        from sst_desk.remote.connection import open_offline

        username, password = self.value("username").strip(), self.value("password")
        if not username or not password:
            self.show_errors({"username": _t("Write your user name.")} if not username
                             else {"password": _t("Write your password.")})
            return
        url, ca_file = self.url, self.ca_file
        self.buttons.setEnabled(False)
        self._busy = True
        try:
            self.connection = run_and_wait(self, lambda: open_offline(url, username, password, ca_file=ca_file))
        except signin.SignInError as exc:
            self.edits["password"].clear()
            self.show_errors({"password": sign_in_error_text(exc, None)})
            return
        except DatabaseError as exc:  # the copy is damaged, or was never filled
            self.show_errors({}, database_error_text(exc))
            return
        finally:
            self._busy = False
            self.buttons.setEnabled(True)
        self.accept()

    def reject(self) -> None:  # not while a sign-in is on its way: its session would be left open on the server
        if not self._busy:
            super().reject()

    def _waited(self) -> None:
        self.ok_button.setEnabled(True)
        self.show_errors({})

    def _choose_ca_file(self) -> None:
        path = self.choose_ca_file()
        if not path:
            return
        self.ca_file = path
        self.show_errors({}, _t("The CA file %1 will be used for this server. Sign in again.").replace("%1", path))

    def choose_ca_file(self) -> str | None:
        """Ask for the CA file (a seam tests replace)."""
        path, _ = QFileDialog.getOpenFileName(self, _t("Choose the server's CA file"), "",
                                              _t("Certificates (*.pem *.crt *.cer);;All files (*)"))
        return path or None


def sign_in_to_server(url: str, settings: Settings, *, username: str = "", ca_file: str | None = None,
                      parent: QWidget | None = None):
    """The start-up sign-in on a team server: the signed-in ``ServerConnection``, or None (gave up, or said why not).

    An address that is not https:// is refused before anything is sent. ``ca_file`` (``--ca-file``) or the
    one chosen in the dialog is remembered for ``url`` once a sign-in with it succeeded.
    """
    from sst_desk.remote.client import check_url
    from sst_desk.remote.errors import PlainHttpRefused

    try:
        url = check_url(url)
    except PlainHttpRefused as exc:
        QMessageBox.critical(parent, _t("SST Desk cannot start"), database_error_text(exc))
        return None
    given = ca_file or server_ca_file(settings, url)
    dialog = ServerSignInDialog(url, username=username.strip() or settings.get(LAST_USER), ca_file=given,
                                parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.connection is None:
            return None
        connection, chosen = dialog.connection, dialog.ca_file
    finally:
        dialog.deleteLater()
    settings.set(LAST_SERVER, url)
    settings.set(LAST_USER, connection.actor.username)
    if chosen and chosen != server_ca_file(settings, url):
        remember_server_ca_file(settings, url, chosen)
    return connection
