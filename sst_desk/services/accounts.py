"""Accounts: list them, add one, change a name or role, reset a password, switch an account off or on.

An administrator does all of it (``(USERS, …)`` in ``workflow.access``); a team lead sees the list to
assign cases. Every change is logged by the acting person. The rules:

* **The last administrator** keeps the role and stays on (``workflow.accounts.leaves_no_administrator``):
  otherwise nobody could add users or reset a forgotten password again (``LastAdministratorError``).
* **A password an administrator sets is a first password**: the person must choose their own at the
  next sign-in. It must pass ``security.passwords.check_new_password`` (``PasswordProblem``).
* **Never deleted**: an account is switched off (the access log and the cases name it by id).
* **Keys follow accounts** (a local encrypted file): a new password gets its key slot before the
  database changes, and the slot is put back if the change fails; switching off removes the slot and a
  reset re-keys the database so the old password (or an old copy of the key file) opens nothing
  (``tx.key_slots.key_slot`` / ``without_key_slot`` / ``rekey``: ``security/keyslots.py`` does the file
  work, these use cases decide when). The re-key needs the database to itself: ``AccountChange.rekey.pending``
  says it waits for the next sign-in (the change itself is made).
"""

from __future__ import annotations

from dataclasses import dataclass

from sst_desk.security import passwords
from sst_desk.workflow.access import Action, Actor, Resource, Role
from sst_desk.workflow.accounts import (
    DuplicateUserError,
    LastAdministratorError,
    RekeyOutcome,
    UserNotFoundError,
    UserRecord,
    leaves_no_administrator,
    normal_username,
)
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.validation import MAX_LENGTHS, phone_finding, validate_account_names

from sst_desk.services.base import UowFactory

USE_CASES = ("list_users", "get_user", "create_user", "update_user", "reset_password", "switch_off", "switch_on",
             "record_session_event", "set_own_phone")

SESSION_EVENTS = frozenset({LogAction.LOCK, LogAction.UNLOCK, LogAction.SIGN_OUT})
"""What a person's session records that touches no record: the screen locked or unlocked, signing out."""


@dataclass(frozen=True)
class AccountChange:
    """An account after a change, and how the re-key that followed went (None: no re-key was needed)."""

    user: UserRecord
    rekey: RekeyOutcome | None = None


def list_users(uow: UowFactory, actor: Actor | None, *, manage: bool = True) -> list[UserRecord]:
    """Every account (without hashes), by name.

    ``manage=True`` is the account administration: only those who may view users (not team leads, who
    see the list with ``manage=False`` to assign cases).
    """
    with uow(actor) as tx:
        if tx.actor is not None and (manage or tx.actor.role is not Role.TEAMLEDARE):
            tx.require(Resource.USERS, Action.VIEW)
        return tx.users.list()


def get_user(uow: UowFactory, actor: Actor | None, user_id: int) -> UserRecord:
    """One account without its hash (``UserNotFoundError`` when there is none); the person's own, or an
    administrator's view of anyone's."""
    with uow(actor) as tx:
        if tx.actor is not None and tx.actor.user_id != user_id:
            tx.require(Resource.USERS, Action.VIEW)
        return _existing(tx, user_id).without_hash()


def create_user(uow: UowFactory, actor: Actor | None, username: str, display_name: str, role: Role,
                password: str, *, team_name: str = "") -> UserRecord:
    """Add an account with a first password the administrator hands over (the person must change it).

    ``ValueError`` for a missing or malformed name, ``PasswordProblem`` for a weak password (``team_name``:
    the team's name, which a guesser would try too), ``DuplicateUserError`` when the name is taken —
    nothing changes then.
    """
    name = normal_username(username)
    display_name = display_name.strip()
    _check_names(name, display_name)
    passwords.check_new_password(password, username=name, personal=_personal(display_name, team_name))
    hashed = passwords.hash_password(password)
    with uow(actor) as tx:
        tx.require(Resource.USERS, Action.CREATE)
        if tx.users.find(name) is not None:  # before its key slot could be touched
            raise DuplicateUserError(name)
        with tx.key_slots.key_slot(name, password):
            user_id = tx.users.add(name, display_name, Role(role), hashed, must_change_password=True)
            tx.log(LogAction.USER_CREATED, detail=f"{user_id}:{Role(role).value}")
            tx.commit()
        return _existing(tx, user_id).without_hash()


def update_user(uow: UowFactory, actor: Actor | None, user_id: int, *, display_name: str | None = None,
                role: Role | None = None, phone: str | None = None) -> UserRecord:
    """Change an account's name, role or work phone; ``LastAdministratorError`` when it would leave no
    administrator, ``ValueError`` for a phone number that is not one."""
    values: dict[str, object] = {}
    if display_name is not None:
        display_name = display_name.strip()
        _check_names(None, display_name)
        values["display_name"] = display_name
    if phone is not None:
        values["phone"] = _checked_phone(phone)
    if role is not None:
        values["role"] = Role(role)
    with uow(actor) as tx:
        tx.require(Resource.USERS, Action.EDIT)
        _existing(tx, user_id)
        if role is not None and leaves_no_administrator(tx.users.list(), user_id, role=Role(role)):
            raise LastAdministratorError(user_id)
        tx.users.update(user_id, **values)
        changed = ",".join(([f"role={Role(role).value}"] if role is not None else [])
                           + (["phone"] if phone is not None else []))  # that it changed, never the number
        tx.log(LogAction.USER_CHANGED, detail=f"{user_id}" + (f":{changed}" if changed else ""))
        tx.commit()
        return _existing(tx, user_id).without_hash()


def reset_password(uow: UowFactory, actor: Actor | None, user_id: int, password: str, *,
                   team_name: str = "") -> AccountChange:
    """Set a new first password for someone who forgot theirs, and re-key the database.

    Whoever knew the old password — from a note, or with a copy of the key file — can no longer open it.
    A switched-off account gets its password when it is switched on (``ValueError``).
    """
    with uow(actor) as tx:
        tx.require(Resource.USERS, Action.EDIT)
        user = _existing(tx, user_id)
        if not user.active:
            # A slot for a switched-off account would let its password decrypt the database again.
            raise ValueError("a switched-off account gets a new password when it is switched on")
        personal = _personal(user.display_name, team_name)
        passwords.check_new_password(password, username=user.username, personal=personal)
        hashed = passwords.hash_password(password)
        keys = tx.key_slots
        with keys.key_slot(user.username, password, rekey_pending=True):
            tx.users.update(user_id, password_hash=hashed, must_change_password=True)
            tx.log(LogAction.PASSWORD_RESET, detail=str(user_id))
            tx.commit()
        changed = _existing(tx, user_id).without_hash()
    return AccountChange(changed, keys.rekey())


def switch_off(uow: UowFactory, actor: Actor | None, user_id: int) -> AccountChange:
    """Switch an account off: it can no longer sign in, its key slot goes and the database is re-keyed.

    Refused for the last active administrator (``LastAdministratorError``; the slot stays) and for the
    acting person's own account (``ValueError``: the session would go on as a switched-off person).
    """
    with uow(actor) as tx:
        tx.require(Resource.USERS, Action.EDIT)
        user = _existing(tx, user_id)
        if leaves_no_administrator(tx.users.list(), user_id, active=False):
            raise LastAdministratorError(user_id)
        if tx.actor is not None and tx.actor.user_id == user_id:
            raise ValueError("you cannot switch off the account you are signed in with")
        if not user.active:
            return AccountChange(user.without_hash())
        keys = tx.key_slots
        with keys.without_key_slot(user.username):
            tx.users.update(user_id, active=False)
            tx.log(LogAction.USER_CHANGED, detail=f"{user_id}:active=False")
            tx.commit()
        changed = _existing(tx, user_id).without_hash()
    return AccountChange(changed, keys.rekey())


def switch_on(uow: UowFactory, actor: Actor | None, user_id: int, password: str, *,
              team_name: str = "") -> UserRecord:
    """Switch an account back on with a new first password (checked before anything changes).

    Its key slot went when it was switched off, so the password writes a new one; nothing is re-keyed
    (the account gains a way in, nobody loses one).
    """
    with uow(actor) as tx:
        tx.require(Resource.USERS, Action.EDIT)
        user = _existing(tx, user_id)
        personal = _personal(user.display_name, team_name)
        passwords.check_new_password(password, username=user.username, personal=personal)
        hashed = passwords.hash_password(password)
        with tx.key_slots.key_slot(user.username, password):
            tx.users.update(user_id, active=True, password_hash=hashed, must_change_password=True)
            tx.log(LogAction.USER_CHANGED, detail=f"{user_id}:active=True")
            tx.log(LogAction.PASSWORD_RESET, detail=str(user_id))
            tx.commit()
        return _existing(tx, user_id).without_hash()


def record_session_event(uow: UowFactory, actor: Actor | None, action: LogAction, detail: str = "") -> None:
    """Log the acting person locking the screen, unlocking it or signing out (``SESSION_EVENTS`` only)."""
    if action not in SESSION_EVENTS:
        raise ValueError(f"{action} is not a session event")
    with uow(actor) as tx:
        tx.log(action, detail=detail)
        tx.commit()


def set_own_phone(uow: UowFactory, actor: Actor | None, phone: str) -> UserRecord:
    """The signed-in person sets their own work phone (Team → My profile…), whatever their role.

    It is printed on a kallelse as the family's contact ("Kontaktperson: Sara Lind, 070-123 45 67"); it is
    the person's work number, not the student's data. Logged as ``USER_CHANGED`` "<id>:phone" (not the
    number). ``ValueError`` for a number that is not one, or without a signed-in person.
    """
    phone = _checked_phone(phone)
    with uow(actor) as tx:
        if tx.actor is None or tx.actor.user_id is None:
            raise ValueError("only a signed-in person has a phone number of their own")
        user_id = tx.actor.user_id
        _existing(tx, user_id)
        tx.users.update(user_id, phone=phone)
        tx.log(LogAction.USER_CHANGED, detail=f"{user_id}:phone")
        tx.commit()
        return _existing(tx, user_id).without_hash()


def _checked_phone(phone: str) -> str:
    phone = " ".join(str(phone).split())
    finding = phone_finding(phone)
    if finding is not None:
        raise ValueError("the phone number may hold only digits, spaces and + - ( ) /, at most "
                         f"{MAX_LENGTHS['phone']} characters")
    return phone


def _case_not_found(case_id: int) -> Exception:
    from sst_desk.persistence.errors import CaseNotFound

    return CaseNotFound(case_id)


def _personal(display_name: str, team_name: str) -> list[str]:
    """Words a guesser would try for this person here: their full name and the team's name."""
    return [word for word in (display_name, team_name) if word]


def _existing(tx, user_id: int) -> UserRecord:
    user = tx.users.get(user_id)
    if user is None:
        raise UserNotFoundError(user_id)
    return user


def _check_names(username: str | None, display_name: str) -> None:
    """What the window's form checks field by field, for every caller (``ValueError``).

    ``username`` None: only the full name is changing.
    """
    if username is not None and not username:
        raise ValueError("a user name is needed")
    if username is not None and any(ch.isspace() for ch in username):
        raise ValueError("a user name has no spaces")
    if not display_name:
        raise ValueError("the person's full name is needed")
    for finding in validate_account_names(username or "", display_name):
        raise ValueError(f"the {finding.field} holds a character that is not allowed")
