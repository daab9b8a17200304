"""Signing in at start: the first administrator on a first run, otherwise name and password.

``sign_in_for_window`` is what ``app.run_gui`` calls. For a database file it
unlocks the key with the password (``security.signin.unlock``), then opens the
database through ``startup.open_for_window`` (location, integrity check with
the key, restore offer, daily backup) and checks the account inside. A wrong
password says so under the password field and keeps the name; nothing about
whether the name exists is revealed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desk.persistence import Database, DatabaseError
from sst_desk.security import passwords, signin
from sst_desk.security.keyfile import KeyFileError
from sst_desk.settings import LAST_SERVER, LAST_USER, Settings
from sst_desk.workflow.validation import validate_account_names
from sst_desk.ui.accounts.forms import password_problem_field
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.forms import ERROR_STYLE
from sst_desk.ui.common.messages import message

CONTEXT = "SignIn"
FAILED_PAUSE_S = 1.0  # after a wrong password: slows guessing at the keyboard a little more
UI_MAX_WAIT_S = 2.0  # the window sleeps through a short wait after wrong passwords; a longer one is said instead


class GaveUp(Exception):
    """Opening failed after the key was unlocked; ``open_database`` already told the person why."""


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def sign_in_error_text(exc: signin.SignInError, file: Path | None) -> str:
    return {
        "wrong_credentials": _t("The user name or the password is wrong."),
        "inactive": _t("This account has been switched off. Ask your administrator."),
        "key_file_missing": _t("%1 is not an SST Desk database, or its key file (%1.keys) is missing. If it is your "
                               "database, put back the key file from the backups folder; nothing was changed.")
        .replace("%1", str(file)),
        "key_file_damaged": _t("The key file %1.keys is damaged. Put back the copy from the backups folder; nothing "
                               "was changed.").replace("%1", str(file)),
        "key_file_stale": _t("The key file %1.keys does not open this database: it is an old copy, or belongs to "
                             "another database. Nothing was changed.").replace("%1", str(file)),
        "wait": _t("Too many wrong tries. Wait %1 seconds.")
        .replace("%1", str(max(1, round(exc.seconds)))),
    }.get(exc.code, _t("Signing in failed."))


class _Form(QDialog):
    """A small form: labelled line edits, each with an error line under it, and one general error line."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # never smaller than its contents
        text = QLabel(intro)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        self._form = QFormLayout()
        layout.addLayout(self._form)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.setAccessibleName(_t("Message"))
        self.general.hide()
        layout.addWidget(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        layout.addWidget(self.buttons)
        self._errors: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}

    def add_field(self, key: str, label: str, *, secret: bool = False, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(label)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setAccessibleName(_t("%1: error").replace("%1", label))
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(error)
        self._form.addRow(label, box)
        self._form.labelForField(box).setBuddy(edit)  # the label names the input, not its box
        self.edits[key], self._errors[key] = edit, error
        return edit

    def set_ok_text(self, text: str) -> None:
        """What the OK button says; also its accessible name (screen readers and tests find it by it)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(text)
        ok.setAccessibleName(text)

    def value(self, key: str) -> str:
        return self.edits[key].text()

    def show_errors(self, errors: dict[str, str], general: str = "") -> None:
        for key, label in self._errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        self.general.setText(general)
        self.general.setVisible(bool(general))
        self._grow_to_fit()
        first = next((k for k in self.edits if k in errors), None)
        if first is not None:
            self.edits[first].setFocus()
            self.edits[first].selectAll()

    def _grow_to_fit(self) -> None:
        """Make room for the messages just shown.

        The wrapped intro gives the layout a height-for-width, and the explicit minimum width stops it
        from setting the window's minimum size: without this the inputs were squeezed flat and the
        messages cut off.
        """
        needed = max(self.sizeHint().height(), self.heightForWidth(self.width()))
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass(frozen=True)
class UseServer:
    """The first-run dialog's other answer: this computer works on the team server at ``url``, not on a file."""

    url: str


def protection_text() -> str:
    """What a database file protects, and what only a team server does (the first-run dialog, docs/server.md)."""
    return _t("A database file on this computer protects the cases if the laptop is lost or stolen: the file is "
              "encrypted, and without a password nobody can read it. It does not protect colleagues' cases from each "
              "other: every user's password unlocks the whole file, so the roles hold only inside SST Desk. Only a "
              "team server enforces the roles where the data is, so that each person can reach only the cases they "
              "may see. If your team has a server, choose \u201cUse a team server…\u201d.")


class FirstRunDialog(_Form):
    """Create the first administrator of a new (or not yet encrypted) database, or choose the team's server.

    ``last_server``: the address offered when the person chooses "Use a team server…" (None: no such
    choice, as for a PostgreSQL URL). ``server_url`` is the address chosen (the dialog is then accepted).
    """

    def __init__(self, file: Path | None, create: Callable[[str, str, str], Database],
                 parent: QWidget | None = None, *, last_server: str | None = None) -> None:
        super().__init__(
            _t("SST Desk: first start"),
            _t("This database has no users yet. Create the administrator account: the administrator adds the "
               "team's users and their roles but does not read the cases. The database is encrypted; without a "
               "password nobody can read it, so keep the administrator's password safe.")
            + (("\n\n" + protection_text()) if last_server is not None else "")
            + (("\n\n" + _t("Database: %1").replace("%1", str(file))) if file is not None else ""),
            parent,
        )
        self._create = create
        self._last_server = last_server
        self.server_url: str | None = None
        if last_server is not None:
            server = QPushButton(_t("Use a team server…"), self)
            server.setAccessibleName(_t("Use a team server"))
            server.clicked.connect(self._choose_server)
            self.buttons.addButton(server, QDialogButtonBox.ButtonRole.ActionRole)
        self.add_field("username", _t("User name"))
        self.add_field("display_name", _t("Full name"))
        self.add_field("password", _t("Password"), secret=True)
        self.add_field("repeated", _t("Password again"), secret=True)
        self.set_ok_text(_t("Create administrator"))
        self.database: Database | None = None

    def _submit(self) -> None:
        username, name = self.value("username").strip(), self.value("display_name").strip()
        password, repeated = self.value("password"), self.value("repeated")
        errors: dict[str, str] = {}
        if not username:
            errors["username"] = _t("Write a user name, for example your first name.")
        elif any(ch.isspace() for ch in username) or len(username) > 64:
            errors["username"] = _t("A user name is one word of at most 64 characters.")
        if not name:
            errors["display_name"] = _t("Write the administrator's full name.")
        for finding in validate_account_names(username, name):  # hidden control or direction characters
            errors.setdefault(finding.field, message(finding))
        try:
            passwords.check_new_password(password, username=username, repeated=repeated)
        except passwords.PasswordProblem as problem:
            errors.update(password_problem_field(problem, "password", "repeated"))
        if errors:
            self.show_errors(errors)
            return
        try:
            self.database = self._create(username, name, password)
        except (DatabaseError, OSError) as exc:
            self.show_errors({}, database_error_text(exc))
            return
        self.accept()

    def _choose_server(self) -> None:
        """Ask for the team server's address (https:// only); accept the dialog with it."""
        from sst_desk.remote.client import check_url

        url = self.ask_server_url(self._last_server or "https://")
        if url is None:
            return
        try:
            self.server_url = check_url(url)
        except DatabaseError as exc:  # not https://: refused with the client's sentence
            self.show_errors({}, database_error_text(exc))
            return
        self.accept()

    def ask_server_url(self, suggested: str) -> str | None:
        """The address typed (a seam tests replace); None when cancelled."""
        text, ok = QInputDialog.getText(self, _t("Use a team server"), _t(
            "The team server's address, from your IT department (for example https://sst.kommun.se:8443):"),
                                        text=suggested)
        return text.strip() if ok and text.strip() else None


class SignInDialog(_Form):
    """Name and password. ``check(name, password)`` raises ``SignInError`` or returns what signing in gives."""

    def __init__(self, check: Callable[[str, str], object], *, username: str = "", hint: str = "",
                 file: Path | None = None, parent: QWidget | None = None) -> None:
        intro = _t("Sign in to SST Desk.") + (f"\n\n{hint}" if hint else "")
        super().__init__(_t("SST Desk: sign in"), intro, parent)
        self._check, self._file = check, file
        self.add_field("username", _t("User name"), text=username)
        self.add_field("password", _t("Password"), secret=True)
        self.set_ok_text(_t("Sign in"))
        (self.edits["password"] if username else self.edits["username"]).setFocus()
        self.result_value: object = None

    def _submit(self) -> None:
        username, password = self.value("username").strip(), self.value("password")
        if not username or not password:
            self.show_errors({"username": _t("Write your user name.")} if not username
                             else {"password": _t("Write your password.")})
            return
        try:
            self.result_value = self._check(username, password)
        except signin.SignInError as exc:
            time.sleep(FAILED_PAUSE_S if exc.code == "wrong_credentials" else 0)
            self.edits["password"].clear()
            self.show_errors({"password": sign_in_error_text(exc, self._file)})
            return
        except KeyFileError as exc:
            self.show_errors({}, str(exc))
            return
        except GaveUp:
            self.reject()
            return
        self.accept()


def demo_hint(file: Path | None) -> str:
    """The demo users, shown in the sign-in dialog of a demo database only.

    Decided by the demo mark, not the file name: the key file of a database the demo generator made
    carries the name it was made as (the database itself cannot be read before sign-in; its own mark
    then decides whether the demo password must be changed). A renamed demo database shows no notice.
    """
    from sst_desk.demo.accounts import DEMO_PASSWORD, DEMO_USERS
    from sst_desk.security.keyfile import KeyFile, key_file_for

    if file is None:
        return ""
    try:
        made_as = KeyFile.load(key_file_for(file)).demo_name
    except KeyFileError:
        return ""
    if made_as is None or made_as != file.name:
        return ""
    users = ", ".join(username for username, _name, _role in DEMO_USERS)
    return _t("Demo database (fictional data). Users: %1. Password for all: %2.").replace("%1", users) \
        .replace("%2", DEMO_PASSWORD)


def sign_in_for_window(target: str | None, settings: Settings, database_file: Path | None,
                       open_database: Callable[[bytes | None], Database | None], username: str = "") -> Database | None:
    """The start-up sign-in; the open, signed-in database, or None when the person gave up (or it failed).

    On a new database file the first-run dialog may instead answer ``UseServer(url)``: the person chose the
    team's server (``app.run_gui`` then signs in there).

    ``username`` (``--user`` / ``SST_DESK_USER``) is filled in; otherwise the last one who signed in here.
    The password is always asked for in the window.
    """
    if database_file is not None and signin.first_run_needed(database_file):
        dialog = FirstRunDialog(database_file, lambda u, n, p: signin.create_first_administrator(
            database_file, u, n, p), last_server=settings.get(LAST_SERVER))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if dialog.server_url is not None:
                return UseServer(dialog.server_url)  # type: ignore[return-value]
            if dialog.database is None:
                return None
            settings.set(LAST_USER, dialog.database.actor.username if dialog.database.actor else "")
            return dialog.database
        finally:
            dialog.deleteLater()
    opened: dict[str, Database | None] = {"db": None}
    if database_file is None:  # a server database: open first, accounts are inside it
        opened["db"] = server = open_database(None)
        if server is None:
            return None
        from sst_desk.persistence import accounts

        if accounts.count_users(server) == 0:
            dialog = FirstRunDialog(None, lambda u, n, p: signin.create_first_administrator_on_server(
                server, u, n, p))
            try:
                created = dialog.exec() == QDialog.DialogCode.Accepted and dialog.database is not None
            finally:
                dialog.deleteLater()
            if not created or server.actor is None:
                server.close()
                return None
            settings.set(LAST_USER, server.actor.username)
            return server

    def check(username: str, password: str) -> Database:
        db = opened["db"]
        if db is None:
            key = signin.unlock(database_file, username, password, wait=UI_MAX_WAIT_S)
            db = open_database(key)
            if db is None:
                raise GaveUp()
            opened["db"] = db
        signin.authenticate(db, username, password)
        return db

    dialog = SignInDialog(check, username=username.strip() or settings.get(LAST_USER), hint=demo_hint(database_file),
                          file=database_file)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    db = opened["db"]
    if not accepted or db is None or db.actor is None:
        if db is not None:
            db.close()
        return None
    settings.set(LAST_USER, db.actor.username)
    return db


def confirm_quit_locked(parent: QWidget | None) -> bool:
    return QMessageBox.question(
        parent, _t("Quit SST Desk"),
        _t("Quit without saving? Changes not saved in open cases are lost."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    ) == QMessageBox.StandardButton.Yes
