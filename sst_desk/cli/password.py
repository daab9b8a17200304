"""``sst-desk password``: the signed-in person chooses their own password, on a database or on the team server.

The current password is asked as for every command (or read from ``SST_DESK_PASSWORD``); the new one is asked
twice on the terminal (or read from ``SST_DESK_NEW_PASSWORD`` by a provisioning script). It is the one thing a
person whose password was set by an administrator may do before anything else. On a database file the key
file's slot follows (``security.signin.change_own_password``); on the team server every other session of the
person ends (``RemoteSession.change_password``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sst_desk import i18n
from sst_desk.cli.errors import CommandError

CONTEXT = "CommandLine"
NEW_PASSWORD_ENV = "SST_DESK_NEW_PASSWORD"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    password = commands.add_parser(
        "password", help=_t("choose a new password for yourself"),
        description=_t("Choose a new password for yourself: the current one is asked first, the new one twice "
                       "(or read from $%1).").replace("%1", NEW_PASSWORD_ENV))
    add_db(password, default_db)
    password.set_defaults(_run=run)


def new_password() -> str:
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CommandError(_t("No terminal to ask for the new password on; set %1 for scripts.")
                           .replace("%1", NEW_PASSWORD_ENV))
    try:
        first = getpass.getpass(_t("New password: "))
        again = getpass.getpass(_t("The new password again: "))
    except (EOFError, KeyboardInterrupt):
        raise CommandError(_t("No password given; nothing was done.")) from None
    if first != again:
        raise CommandError(_t("The two passwords differ; nothing was changed."))
    return first


def problem_sentence(exc: Exception) -> str:
    from sst_desk.security.password_words import password_sentence

    return password_sentence(getattr(exc, "code", ""), i18n.translate)


def run(args: argparse.Namespace) -> int:
    from sst_desk.cli.common import credentials, open_door
    from sst_desk.security.passwords import PasswordProblem
    from sst_desk.security.signin import SignInError

    opened = open_door(args, changing_password=True)
    try:
        _username, current = credentials(args)
        chosen = new_password()
        try:
            if opened.remote:
                opened.session.change_password(current, chosen)
            else:
                from sst_desk.security.signin import change_own_password

                change_own_password(opened.db, current, chosen)
        except PasswordProblem as exc:
            raise CommandError(_t("%1 Nothing was changed.").replace("%1", problem_sentence(exc))) from None
        except SignInError:
            raise CommandError(_t("The current password is wrong; nothing was changed.")) from None
    finally:
        opened.close()
    print(_t("Your new password is set; use it from now on."))
    return 0
