"""``sst-desk serve --init``: the server's database, its secret and its first administrator, from its console.

Run with the database OWNER's URL (the role that may create tables): the schema is created or upgraded
(``Database.open`` runs the migrations), the database roles are set up (``setup_database``), the server's
secret file is made if missing, and the first administrator is created — only if the database has no
account at all, decided under a table lock in the same transaction as the insert, so two ``--init`` runs at
once cannot both make one. The server itself never offers a first run to a client.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from sst_desk.persistence import Database, accounts
from sst_desk.security import passwords
from sst_desk.server.config import ServerConfig
from sst_desk.workflow.access import Actor

PGROLES = "sst_desk.persistence.pgroles"


class AlreadyInitialised(Exception):
    """The database has accounts already: ``--init`` makes the first administrator only."""


@dataclass(frozen=True)
class InitOutcome:
    secret_made: bool
    secret_path: Path
    administrator: Actor | None  # None when the database had accounts (nothing asked, nothing made)


def setup_database(owner_url: str, config: ServerConfig) -> object | None:
    """Set up the database roles (the owner runs migrations; the runtime role may not rewrite the log).

    The role work is ``persistence.pgroles`` (issue 13, the access-log chain's part); this calls its
    ``setup_roles(owner_url, config=config)`` when that module is there and returns its ``RoleSetup``.
    """
    if importlib.util.find_spec(PGROLES) is None:
        return None
    module = importlib.import_module(PGROLES)
    setup = getattr(module, "setup_roles", None)
    return setup(owner_url, config=config) if setup is not None else None


def role_problems(db: Database) -> list[str]:
    """What the role the server connects as may do beyond the runtime role's rights (``pgroles.runtime_problems``)."""
    if db.engine.dialect.name != "postgresql" or importlib.util.find_spec(PGROLES) is None:
        return []
    return importlib.import_module(PGROLES).runtime_problems(db.engine)


def has_accounts(db: Database) -> bool:
    return accounts.count_users(db) > 0


def create_first_administrator(db: Database, username: str, display_name: str, password: str) -> Actor:
    """The first administrator, atomically: ``AlreadyInitialised`` when any account exists.

    ``PasswordProblem`` / ``ValueError`` for a password or name that may not be chosen (nothing made).
    """
    name = accounts.normal_username(username)
    if not name:
        raise ValueError("a user name is needed")
    passwords.check_new_password(password, username=name, personal=[display_name])
    try:
        return accounts.add_first_administrator(db, name, display_name, passwords.hash_password(password))
    except accounts.AccountsExistError:
        raise AlreadyInitialised() from None


