"""Signing in on the command line: ``--user NAME`` or ``SST_DESK_USER``; the password from a prompt or
``SST_DESK_PASSWORD`` (for scripts — keep such a script readable by its owner only).

Every command that reads or writes case data signs in first and then acts as
that person: the same permissions and the same access log as in the window.
A database file without a key file has no users yet: the first administrator
is made in the window (first run), or ``sst-desk demo`` makes a demo database
with documented demo users (README).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_errors import CommandError

if TYPE_CHECKING:
    from .persistence import Database

USER_ENV = "SST_DESK_USER"
PASSWORD_ENV = "SST_DESK_PASSWORD"


def add_user_argument(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS if suppress else None,
                        help=f"sign in as this user (default: ${USER_ENV}); the password is asked for, "
                             f"or read from ${PASSWORD_ENV}")


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    """The user name and password to sign in with; CommandError when they cannot be had."""
    username = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
    if not username:
        raise CommandError(f"Say who you are: add --user NAME or set {USER_ENV}.")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError(f"No terminal to ask for the password on; set {PASSWORD_ENV} for scripts.")
        try:
            password = getpass.getpass(f"Password for {username}: ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError("No password given; nothing was done.") from None
    if not password:
        raise CommandError("No password given; nothing was done.")
    return username, password


def unlock_key(file: Path, username: str, password: str) -> bytes:
    """The database key from the person's slot in the key file."""
    from .security import signin

    try:
        return signin.unlock(file, username, password)
    except signin.SignInError as exc:
        raise CommandError(_sign_in_message(exc, file)) from None


def authenticate(db: Database, username: str, password: str) -> None:
    """Check the account inside the open database; ``db.actor`` is then the signed-in person.

    A person who must choose a new password (an administrator reset theirs, or a renamed demo database)
    is refused here, for every command: the password they typed is known to someone else.
    """
    from .security import signin

    try:
        signin.authenticate(db, username, password)
    except signin.SignInError as exc:
        raise CommandError(_sign_in_message(exc, db.path)) from None
    if signin.must_change_password(db):
        raise CommandError(MUST_CHANGE)


MUST_CHANGE = ("You must choose a new password before you can use SST Desk: the one you signed in with was set by "
               "an administrator (or is the public demo password). Open the window (run sst-desk without a command, "
               "with the same --db), sign in and choose your own; nothing was done.")


def _sign_in_message(exc: Exception, file: Path | None) -> str:
    code = getattr(exc, "code", "")
    if code == "key_file_missing":
        return (f"{file} is not an SST Desk database, or its key file {file}.keys is missing; nothing was "
                "changed. If it is your database, put back the key file from the backups folder.")
    if code == "key_file_damaged":
        return f"The key file {file}.keys is damaged; put back the copy from the backups folder."
    if code == "key_file_stale":
        return (f"The key file {file}.keys does not open {file}: it is an old copy (from before the database got a "
                "new key) or belongs to another database; nothing was done.")
    if code == "inactive":
        return "This account has been switched off; ask your administrator."
    return "The user name or the password is wrong; nothing was done."
