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

from sst_desk import i18n
from sst_desk.cli.errors import CommandError

if TYPE_CHECKING:
    from sst_desk.persistence import Database

USER_ENV = "SST_DESK_USER"
PASSWORD_ENV = "SST_DESK_PASSWORD"
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_user_argument(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS if suppress else None,
                        help=_t("sign in as this user (default: $%1); the password is asked for, or read from $%2")
                        .replace("%1", USER_ENV).replace("%2", PASSWORD_ENV))


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    """The user name and password to sign in with; CommandError when they cannot be had."""
    username = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
    if not username:
        raise CommandError(_t("Say who you are: add --user NAME or set %1.").replace("%1", USER_ENV))
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError(_t("No terminal to ask for the password on; set %1 for scripts.")
                               .replace("%1", PASSWORD_ENV))
        try:
            password = getpass.getpass(_t("Password for %1: ").replace("%1", username))
        except (EOFError, KeyboardInterrupt):
            raise CommandError(_t("No password given; nothing was done.")) from None
    if not password:
        raise CommandError(_t("No password given; nothing was done."))
    return username, password


def unlock_key(file: Path, username: str, password: str) -> bytes:
    """The database key from the person's slot in the key file."""
    from sst_desk.security import signin

    try:
        return signin.unlock(file, username, password)
    except signin.SignInError as exc:
        raise CommandError(_sign_in_message(exc, file)) from None


def authenticate(db: Database, username: str, password: str, *, changing_password: bool = False) -> None:
    """Check the account inside the open database; ``db.actor`` is then the signed-in person.

    A person who must choose a new password (an administrator reset theirs, or a renamed demo database)
    is refused here, for every command: the password they typed is known to someone else.
    """
    from sst_desk.security import signin

    try:
        signin.authenticate(db, username, password)
    except signin.SignInError as exc:
        raise CommandError(_sign_in_message(exc, db.path)) from None
    if signin.must_change_password(db) and not changing_password:
        raise CommandError(must_change_message())


def must_change_message() -> str:
    """Why a person who must choose a new password is refused on the command line."""
    return _t("You must choose a new password before you can use SST Desk: the one you signed in with was set by "
              "an administrator (or is the public demo password). Choose your own with 'sst-desk password' (with the "
              "same --db or --server) or in the window; nothing was done.")


def server_sign_in_message(exc: Exception) -> str:
    """A refused sign-in on the team server, in the command line's words."""
    if getattr(exc, "code", "") == "wait":
        seconds = max(1, round(getattr(exc, "seconds", 0.0) + 0.5))
        return _t("Too many wrong passwords for this name or from this computer: wait %1 s and try again; "
                  "nothing was done.").replace("%1", str(seconds))
    return _sign_in_message(exc, None)


def _sign_in_message(exc: Exception, file: Path | None) -> str:
    code = getattr(exc, "code", "")
    if code == "key_file_missing":
        return _t("%1 is not an SST Desk database, or its key file %1.keys is missing; nothing was changed. If it "
                  "is your database, put back the key file from the backups folder.").replace("%1", str(file))
    if code == "key_file_damaged":
        return _t("The key file %1.keys is damaged; put back the copy from the backups folder.").replace(
            "%1", str(file))
    if code == "key_file_stale":
        return _t("The key file %1.keys does not open %2: it is an old copy (from before the database got a new "
                  "key) or belongs to another database; nothing was done.").replace("%1", str(file)).replace(
            "%2", str(file))
    if code == "inactive":
        return _t("This account has been switched off; ask your administrator.")
    return _t("The user name or the password is wrong; nothing was done.")
