"""User accounts in the database: who exists, their role, their Argon2id hash, and sign-in events.

The key file (``sst_desk.security.keyfile``) decides who can decrypt the
database; this table decides who a person is once inside, and whether the
account is still active. ``sst_desk.security.signin`` keeps the two in step.
Every change is written to the access log by the acting person.

These are the storage-side functions sign-in, the key handling and the demo generator use on a
``Database``; the row work is ``repository_admin.UserRepository``. The administrator's use cases
(and their rules) are ``sst_desk.services.accounts``: the window and the command line go there.
"""

from __future__ import annotations

import sqlalchemy as sa

from sst_desk.workflow.access import Action, Actor, Resource, Role
from sst_desk.workflow.accounts import (  # noqa: F401 - re-exported: the record and its errors moved to workflow
    DuplicateUserError,
    LastAdministratorError,
    UserRecord,
    leaves_no_administrator,
    normal_username,
)
from sst_desk.workflow.logchain import LogAction

from sst_desk.persistence import accesslog
from sst_desk.persistence.accesslog import utc_now
from sst_desk.persistence.database import Database


def count_users(db: Database) -> int:
    with db.uow() as uow:
        return uow.users.count()


def all_usernames(db: Database) -> list[str]:
    """Every account's user name, switched off or not: for the key file's bookkeeping (no permission check).

    Used by a re-key to name the owners of slots (a slot carries only a salted hash of the name).
    """
    with db.uow() as uow:
        return uow.users.usernames()


def find_user(db: Database, username: str) -> UserRecord | None:
    """The account (with its hash, for sign-in) by user name, case-insensitively; None if there is none."""
    with db.uow() as uow:
        return uow.users.find(normal_username(username))


def get_user(db: Database, user_id: int) -> UserRecord | None:
    with db.uow() as uow:
        return uow.users.get(user_id)


def list_users(db: Database, *, actor: Actor | None = None, manage: bool = False) -> list[UserRecord]:
    """Every account (without hashes). Administrators manage them; team leads see them to assign cases.

    ``manage=True`` is the account administration: only those who may view users (not team leads).
    """
    with db.uow(actor) as uow:
        if uow.actor is not None and (manage or uow.actor.role is not Role.TEAMLEDARE):
            uow.require(Resource.USERS, Action.VIEW)
        return uow.users.list()


def add_user(db: Database, username: str, display_name: str, role: Role, password_hash: str, *,
             must_change_password: bool = True, actor: Actor | None = None) -> UserRecord:
    """Create an account (an administrator, or nobody for the very first one and demo data)."""
    name = normal_username(username)
    if not name:
        raise ValueError("a user name is needed")
    with db.uow(actor) as uow:
        uow.require(Resource.USERS, Action.CREATE)
        if uow.users.find(name) is not None:
            raise DuplicateUserError(name)
        user_id = uow.users.add(name, display_name.strip(), role, password_hash,
                                must_change_password=must_change_password)
        uow.log(LogAction.USER_CREATED, detail=f"{user_id}:{role.value}")
        uow.commit()
    record = get_user(db, user_id)
    assert record is not None
    return record


def update_user(db: Database, user_id: int, *, display_name: str | None = None, role: Role | None = None,
                active: bool | None = None, phone: str | None = None, actor: Actor | None = None) -> UserRecord:
    """Change an account's name, role, work phone or whether it may sign in (administrators).

    ``LastAdministratorError`` when it would leave no active administrator (``workflow.accounts``).
    """
    values: dict[str, object] = {}
    if display_name is not None:
        values["display_name"] = display_name.strip()
    if role is not None:
        values["role"] = role
    if active is not None:
        values["active"] = active
    if phone is not None:
        values["phone"] = " ".join(phone.split())
    with db.uow(actor) as uow:
        uow.require(Resource.USERS, Action.EDIT)
        if (role is not None or active is not None) and leaves_no_administrator(
                uow.users.list(), user_id, role=role, active=active):
            raise LastAdministratorError(user_id)
        uow.users.update(user_id, **values)
        changed = ",".join(k if k == "phone" else f"{k}={getattr(v, 'value', v)}"  # that the phone changed, not it
                           for k, v in values.items() if k != "display_name")
        uow.log(LogAction.USER_CHANGED, detail=f"{user_id}" + (f":{changed}" if changed else ""))
        uow.commit()
    record = get_user(db, user_id)
    assert record is not None
    return record


def set_password_hash(db: Database, user_id: int, password_hash: str, *, must_change_password: bool,
                      reset: bool, actor: Actor | None = None) -> None:
    """Store a new hash: the person's own change, or an administrator's reset (``reset=True``)."""
    with db.uow(actor) as uow:
        if reset:
            uow.require(Resource.USERS, Action.EDIT)
        elif uow.actor is not None and uow.actor.user_id != user_id:
            uow.require(Resource.USERS, Action.EDIT)
        uow.users.update(user_id, password_hash=password_hash, must_change_password=must_change_password)
        uow.log(LogAction.PASSWORD_RESET if reset else LogAction.PASSWORD_CHANGED, detail=str(user_id))
        uow.commit()


def require_password_change(db: Database, user_id: int) -> None:
    """Make the person choose a new password before anything else (a renamed demo database, security/signin)."""
    with db.uow() as uow:
        uow.users.update(user_id, must_change_password=True)
        uow.log(LogAction.USER_CHANGED, detail=f"{user_id}:must_change_password")
        uow.commit()


DEMO_MARK = "demo"  # database_meta: the file name the demo generator made the database as


def demo_mark(db: Database) -> str | None:
    """The file name a demo database was made as (``set_demo_mark``); None for a team's own database."""
    with db.uow() as uow:
        return uow.users.meta(DEMO_MARK)


def set_demo_mark(db: Database, file_name: str) -> None:
    """Mark the database as made by the demo generator, under ``file_name`` (demo_accounts)."""
    with db.uow() as uow:
        uow.users.set_meta(DEMO_MARK, file_name)
        uow.commit()


def record_sign_in(db: Database, actor: Actor, *, new_hash: str | None = None) -> None:
    """Log a sign-in and note its time (and store a re-hashed password when the parameters were raised)."""
    with db.uow(actor) as uow:
        uow.users.update(actor.user_id, last_login_at=utc_now())
        if new_hash is not None:
            uow.users.store_rehash(actor.user_id, new_hash)
        uow.log(LogAction.SIGN_IN)
        uow.commit()


def log_event(db: Database, action: LogAction, detail: str = "", *, actor: Actor | None = None) -> None:
    """Log an event that touches no record: locking, unlocking, signing out."""
    with db.uow(actor) as uow:
        uow.log(action, detail=detail)
        uow.commit()


def log_failed_sign_in(db: Database, username: str, detail: str) -> None:
    """Log a failed sign-in on the team server at once (there the database is open; ``username`` as given to the
    log: the account's name, or a hash of a name that is no account)."""
    with db.uow() as uow:
        _refuse_unkeyed(db)
        accesslog.append(uow.session, None, LogAction.SIGN_IN_FAILED, username=username[:64], detail=detail,
                         key=uow.log_key)
        uow.commit()


def _refuse_unkeyed(db: Database) -> None:
    """As ``uow.flush_log``: no unkeyed entry into a server's keyed chain (opened without its key)."""
    if db.log_keyed_elsewhere:
        from sst_desk.persistence.errors import LogKeyError

        raise LogKeyError(db.location, "needs_key")


class AccountsExistError(ValueError):
    """The database has accounts already: the first administrator is made only in an empty one."""


def add_first_administrator(db: Database, username: str, display_name: str, password_hash: str) -> Actor:
    """The first administrator, atomically: ``AccountsExistError`` when any account exists.

    On PostgreSQL the users table is locked (SHARE ROW EXCLUSIVE conflicts with itself) in the same
    transaction as the count and the insert, so two ``serve --init`` at once cannot both make one.
    """
    name = normal_username(username)
    with db.uow() as uow:
        if db.engine.dialect.name == "postgresql":
            uow.session.execute(sa.text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
        if uow.users.count() > 0:
            raise AccountsExistError("this database already has users")
        user_id = uow.users.add(name, display_name.strip(), Role.ADMINISTRATOR, password_hash,
                                must_change_password=False)
        actor = Actor(user_id=user_id, username=name, display_name=display_name.strip(), role=Role.ADMINISTRATOR)
        _refuse_unkeyed(db)
        accesslog.append(uow.session, actor, LogAction.USER_CREATED, detail=f"{user_id}:{Role.ADMINISTRATOR.value}",
                         key=uow.log_key)
        uow.commit()
    return actor


def cases_of(db: Database, user_id: int) -> int:
    """How many cases the user is a member of (an account with cases is deactivated, never deleted)."""
    with db.uow() as uow:
        return uow.users.case_count(user_id)
