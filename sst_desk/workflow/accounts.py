"""Accounts as the rules see them: the plain account record and who may lose the administrator role.

Pure: no Qt, no database. The account's storage is ``persistence.repository_admin.UserRepository``;
the use cases that change accounts are ``sst_desk.services.accounts``, which ask these rules first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sst_desk.workflow.access import Actor, Role


@dataclass(frozen=True)
class UserRecord:
    """One account: who a person is once inside the database (the hash only where sign-in needs it)."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    created_at: dt.datetime
    last_login_at: dt.datetime | None
    password_hash: str = ""
    phone: str = ""  # the person's work phone, printed on a kallelse as the family's contact (issue 15)

    def actor(self) -> Actor:
        return Actor(user_id=self.id, username=self.username, display_name=self.display_name, role=self.role)

    def without_hash(self) -> UserRecord:
        """The record as it may leave the service layer (a list, a result): never the hash."""
        return UserRecord(self.id, self.username, self.display_name, self.role, self.active,
                          self.must_change_password, self.created_at, self.last_login_at, phone=self.phone)


@dataclass(frozen=True)
class RekeyOutcome:
    """How a re-key after a switch-off or a reset went (plain: the window and the command line word it).

    ``pending``: the database is open elsewhere, so the re-key waits for the next sign-in; the change
    itself is made. ``locked_out``: accounts that could not be given the new key (need a new password).
    ``backups_left``: backups under a key nobody here has, left as they were.
    """

    pending: bool = False
    locked_out: tuple[str, ...] = ()
    backups_left: int = 0


class DuplicateUserError(ValueError):
    """Another account already has this user name (names are compared case-insensitively)."""

    def __init__(self, username: str) -> None:
        self.username = username
        super().__init__(f"There is already a user called {username}.")


class LastAdministratorError(ValueError):
    """The change would leave no active administrator: nobody could add users or reset a password again."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        super().__init__("The last active administrator cannot be switched off or given another role.")


class UserNotFoundError(LookupError):
    """No account has this id."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        super().__init__(f"There is no user {user_id}.")


def normal_username(username: str) -> str:
    """The user name as stored and compared: trimmed and case-folded."""
    return username.strip().casefold()


def leaves_no_administrator(accounts: Iterable[UserRecord], user_id: int, *, role: Role | None = None,
                            active: bool | None = None) -> bool:
    """Whether changing ``user_id``'s role or active flag would leave the team without an active administrator.

    Only a change that removes the last one counts: a database that has none (the demo generator's
    first steps, a broken one being repaired) is not made worse by a change.
    """
    before = [a for a in accounts if a.active and a.role is Role.ADMINISTRATOR]
    if not before:
        return False
    after = 0
    for account in before:
        if account.id != user_id:
            after += 1
            continue
        still_admin = (role if role is not None else account.role) is Role.ADMINISTRATOR
        still_active = account.active if active is None else active
        after += still_admin and still_active
    return after == 0
