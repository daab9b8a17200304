"""Användare: the administrator's list of accounts, and adding, editing, resetting and switching them off/on.

Every action goes through ``sst_desk.services.accounts`` (through the door),
which checks the permission matrix and the rules and logs as the signed-in
person; this dialog only asks and explains. An account is
never deleted (the access log and the cases name it by id): it is switched
off, which also removes its key slot so its password no longer decrypts the
database. Switching it back on needs a new first password. Every password an
administrator sets is a *first* password: the person must choose their own at
the next sign-in (``password_dialog``).
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desk.security.passwords import PasswordProblem, check_new_password
from sst_desk.services import Door
from sst_desk.services.accounts import AccountChange, RekeyOutcome
from sst_desk.services.errors import DatabaseError, DuplicateUserError, LastAdministratorError
from sst_desk.workflow.access import Role
from sst_desk.workflow.accounts import UserRecord
from sst_desk.workflow.validation import phone_finding, validate_account_names
from sst_desk.ui.common.dialogs import close_button_box
from sst_desk.ui.accounts.forms import (
    FormDialog,
    password_problem_field,
    phone_help,
    phone_label,
    role_choices,
    role_word,
    run_dialog,
    show_database_error,
)
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.case.forms import Field, Kind
from sst_desk.ui.common.messages import message
from sst_desk.ui.common.operations import context_owner, run_and_wait

USERNAME, NAME, ROLE, PASSWORD, REPEAT, PHONE = "username", "display_name", "role", "password", "repeat", "phone"
DATE_FORMAT = "%Y-%m-%d %H:%M"


class UsersDialog(QDialog):
    """The accounts of this database in a table, with the actions an administrator takes on one of them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 users: list[UserRecord] | None = None):
        super().__init__(parent)
        self.context = context
        self.users: list[UserRecord] = []
        self.setWindowTitle(self.tr("Users"))
        self.setAccessibleName(self.tr("Users"))
        intro = QLabel(self.tr("Who may sign in to this database, and in which role. An account is never deleted; "
                               "switch it off when someone leaves. A password you set is a first password: the "
                               "person chooses their own the next time they sign in."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("User name"), self.tr("Role"),
                                              self.tr("Status"), self.tr("Last signed in"), phone_label()])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_button = self._button(self.tr("Add user…"), self.add_user)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.reset_button = self._button(self.tr("Reset password…"), self.reset_selected)
        self.switch_button = self._button(self.tr("Switch off"), self.switch_selected)
        close = close_button_box(self)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button, self.switch_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(960, 420)
        if users is None:
            self.reload()
        else:
            self._show(users, None)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    @property
    def db(self):
        return self.context.db

    @property
    def team_name(self) -> str:
        """The team's name: a password must not be it (a guesser would try it)."""
        return str(getattr(self.context, "team_name", "") or "")

    @property
    def door(self) -> Door:
        return self.context.door

    # --- the table ------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the accounts again (checked: administrators only) and select ``select`` (a user id)."""
        chosen = select if select is not None else (self.selected().id if self.selected() else None)
        door = self.door
        self._show(run_and_wait(self, lambda: door.accounts.list_users(manage=True)), chosen)

    def _show(self, users: list[UserRecord], chosen: int | None) -> None:
        self.users = users
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            status = self.tr("Active") if user.active else self.tr("Switched off")
            if user.active and user.must_change_password:
                status = self.tr("Active, must choose a password")
            seen = user.last_login_at.astimezone().strftime(DATE_FORMAT) if user.last_login_at else self.tr("Never")
            for column, text in enumerate((user.display_name, user.username, role_word(user.role), status, seen,
                                           user.phone)):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        rows = [r for r, u in enumerate(self.users) if u.id == chosen]
        if rows or self.users:
            self.table.selectRow(rows[0] if rows else 0)
        self._update_buttons()

    def selected(self) -> UserRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.reset_button, self.switch_button):
            button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None and user.active)  # switching on sets a password
        text = self.tr("Switch on…") if user is not None and not user.active else self.tr("Switch off")
        self.switch_button.setText(text)
        self.switch_button.setAccessibleName(text)

    def _after(self, user_id: int | None = None) -> None:
        try:
            self.reload(user_id)
        except DatabaseError as exc:
            show_database_error(self, self.tr("Users"), exc)

    # --- actions ----------------------------------------------------------------

    def add_user(self) -> None:
        fields = [Field(USERNAME, self.tr("User name"), help=self.tr("What the person types to sign in; no spaces.")),
                  Field(NAME, self.tr("Full name")),
                  Field(ROLE, self.tr("Role"), Kind.CHOICE, role_choices()),
                  Field(PASSWORD, self.tr("First password")), Field(REPEAT, self.tr("Repeat the password"))]
        added: list[UserRecord] = []

        def submit(values: dict[str, object]) -> dict[str, str]:
            username, name = str(values[USERNAME]), str(values[NAME])
            problems = self._name_problems(username, name)
            if problems:
                return problems
            try:
                check_new_password(str(values[PASSWORD]), username=username, repeated=str(values[REPEAT]))
                door, role, password, team = self.door, values[ROLE], str(values[PASSWORD]), self.team_name
                added.append(run_and_wait(self, lambda: door.accounts.create_user(
                    username, name, role, password, team_name=team)))
            except PasswordProblem as problem:
                return password_problem_field(problem, PASSWORD, REPEAT)
            except DuplicateUserError as exc:
                return {USERNAME: self.tr("There is already a user called %1.").replace("%1", exc.username)}
            return {}

        dialog = FormDialog(self.tr("Add user"), self.tr("Give the person the first password in a safe way. "
                                                         "They must choose their own when they first sign in."),
                            fields, submit, self, secret=(PASSWORD, REPEAT), ok_text=self.tr("Add user"))
        dialog.form.load(SimpleNamespace(username="", display_name="", role=Role.SKOLSOCIONOM, password="",
                                         repeat=""))
        if run_dialog(dialog):
            self._after(added[0].id)

    def _name_problems(self, username: str, name: str) -> dict[str, str]:
        problems = {}
        if not username:
            problems[USERNAME] = self.tr("Write a user name.")
        elif any(ch.isspace() for ch in username):
            problems[USERNAME] = self.tr("A user name has no spaces.")
        if not name:
            problems[NAME] = self.tr("Write the person's full name.")
        for finding in validate_account_names(username, name):  # hidden control or direction characters
            problems.setdefault(USERNAME if finding.field == "username" else NAME, message(finding))
        return problems

    def edit_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        fields = [Field(NAME, self.tr("Full name")), Field(ROLE, self.tr("Role"), Kind.CHOICE, role_choices()),
                  Field(PHONE, phone_label(), placeholder="070-123 45 67", help=phone_help())]

        def submit(values: dict[str, object]) -> dict[str, str]:
            if not values[NAME]:
                return {NAME: self.tr("Write the person's full name.")}
            for finding in validate_account_names("", str(values[NAME])):
                return {NAME: message(finding)}
            problem = phone_finding(str(values[PHONE]))
            if problem is not None:
                return {PHONE: message(problem)}
            try:
                door, name, role, phone = self.door, str(values[NAME]), values[ROLE], str(values[PHONE])
                record = run_and_wait(self, lambda: door.accounts.update_user(user.id, display_name=name, role=role,
                                                                             phone=phone))
            except LastAdministratorError:
                return {ROLE: self.last_administrator_text()}
            if self._is_me(user):
                self.db.actor = record.actor()  # the session acts with the new name and role from now on
            return {}

        dialog = FormDialog(self.tr("Edit user %1").replace("%1", user.username), "", fields, submit, self)
        dialog.form.load(SimpleNamespace(display_name=user.display_name, role=user.role, phone=user.phone))
        if not run_dialog(dialog):
            return
        if self.db.actor is not None and self.db.actor.role is not Role.ADMINISTRATOR:
            QMessageBox.information(self, self.tr("Users"), self.tr(
                "You are no longer an administrator, so the user administration closes."))
            self.reject()
            return
        self._after(user.id)

    def _is_me(self, user: UserRecord) -> bool:
        return self.db.actor is not None and self.db.actor.user_id == user.id

    def reset_selected(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            return
        intro = self.tr("Set a new first password for %1 and give it to them in a safe way. They must choose their "
                        "own the next time they sign in.").replace("%1", user.display_name or user.username)
        changes: list[AccountChange] = []

        def reset(password: str) -> None:
            door, team = self.door, self.team_name  # the re-key copies the database and every backup: not here
            changes.append(run_and_wait(self, lambda: door.accounts.reset_password(user.id, password, team_name=team)))

        if self._password_dialog(self.tr("Reset password"), intro, user, reset):
            self._tell_rekey(self.tr("Reset password"),
                             self.tr("The password of %1 has been reset.").replace("%1", user.username),
                             changes[0].rekey)
            self._after(user.id)

    def switch_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active:
            self._switch_off(user)
            return
        def switch_on(password: str) -> None:
            door, team = self.door, self.team_name
            run_and_wait(self, lambda: door.accounts.switch_on(user.id, password, team_name=team))

        intro = self.tr("%1 can sign in again with a new first password. Give it to them in a safe way; they must "
                        "choose their own the next time they sign in.").replace("%1", user.display_name or user.username)
        if self._password_dialog(self.tr("Switch on"), intro, user, switch_on):
            self._after(user.id)

    def _switch_off(self, user: UserRecord) -> None:
        if self._is_me(user):
            # The session would go on as a switched-off person whose key slot is gone; and the last
            # administrator must stay (accounts.update_user refuses it too).
            last = sum(u.active and u.role is Role.ADMINISTRATOR for u in self.users) <= 1
            QMessageBox.warning(self, self.tr("Switch off"), self.last_administrator_text() if last else self.tr(
                "You cannot switch off the account you are signed in with. Ask another administrator to do it."))
            return
        answer = QMessageBox.question(
            self, self.tr("Switch off"),
            self.tr("Switch off the account of %1? They can no longer sign in or open the database. Their cases and "
                    "what they recorded are kept; you can switch the account on again.")
            .replace("%1", user.display_name or user.username),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        door = self.door
        try:  # the re-key copies the database and every backup: off the UI thread
            change = run_and_wait(self, lambda: door.accounts.switch_off(user.id))
        except LastAdministratorError:
            QMessageBox.warning(self, self.tr("Switch off"), self.last_administrator_text())
            return
        except DatabaseError as exc:
            show_database_error(self, self.tr("Switch off"), exc)
            return
        self._tell_rekey(self.tr("Switch off"), self.tr("The account of %1 is switched off.")
                         .replace("%1", user.display_name or user.username), change.rekey)
        self._after(user.id)

    def _tell_rekey(self, title: str, done: str, rekey: RekeyOutcome | None) -> None:
        """After a switch-off or a reset: whether the database was re-keyed, and who must get a new password.

        ``rekey`` None: nothing was re-keyed (a team server has no key file: its accounts are checked there).
        """
        if rekey is None:
            QMessageBox.information(self, title, done)
            return
        if rekey.pending:
            QMessageBox.warning(self, title, done + "\n\n" + self.tr(
                "The database is open elsewhere (another window or a command), so it could not be given a new key "
                "now: until then, an old copy of the key file still opens it. Close SST Desk everywhere else; the "
                "new key is made the next time someone signs in."))
            return
        text = done + "\n\n" + self.tr("The database and its backups have a new key: old passwords and old copies "
                                         "of the key file no longer open them.")
        if rekey is not None and rekey.locked_out:
            text += "\n\n" + self.tr("These accounts had not signed in since SST Desk was updated and could not be "
                                       "given the new key: %1. Give each of them a new first password (Reset "
                                       "password).").replace("%1", ", ".join(sorted(rekey.locked_out)))
        if rekey is not None and rekey.backups_left:
            text += "\n\n" + self.tr("%1 backup(s) are under a key nobody here has and were left as they were.") \
                .replace("%1", str(rekey.backups_left))
        QMessageBox.information(self, title, text)

    def _password_dialog(self, title: str, intro: str, user: UserRecord, action) -> bool:
        fields = [Field(PASSWORD, self.tr("New first password")), Field(REPEAT, self.tr("Repeat the password"))]

        def submit(values: dict[str, object]) -> dict[str, str]:
            try:
                check_new_password(str(values[PASSWORD]), username=user.username, repeated=str(values[REPEAT]))
                action(str(values[PASSWORD]))
            except PasswordProblem as problem:
                return password_problem_field(problem, PASSWORD, REPEAT)
            return {}

        return run_dialog(FormDialog(title, intro, fields, submit, self, secret=(PASSWORD, REPEAT), ok_text=title))

    def last_administrator_text(self) -> str:
        return self.tr("This is the last active administrator. Make someone else an administrator first; otherwise "
                       "nobody could add users or reset a forgotten password.")


def open_users(parent: QWidget | None, context: AppContext) -> None:
    """Arkiv → Användare…: the dialog for an administrator; anyone else gets a refusal (logged) in a box."""
    door = context.door
    try:
        users = run_and_wait(parent or context_owner(), lambda: door.accounts.list_users(manage=True))
    except DatabaseError as exc:
        show_database_error(parent, QCoreApplication.translate("UsersDialog", "Users"), exc)
        return
    run_dialog(UsersDialog(context, parent, users))
