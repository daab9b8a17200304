"""``sst-desk serve --init``: set up the server's database and make its first administrator on this console.

The questions are asked on the terminal (the password twice, hidden); without a terminal (a provisioning
script) the answers are read as lines from standard input: user name, full name, password, password again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from sst_desk import i18n
from sst_desk.cli.errors import CommandError

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def _line(ask: Callable[..., str], prompt: str, *, secret: bool = False) -> str:
    if sys.stdin.isatty():
        try:
            return ask(prompt, secret=secret)
        except (EOFError, KeyboardInterrupt):
            raise CommandError(_t("No answer was given; nothing was changed.")) from None
    line = sys.stdin.readline()
    if not line:
        raise CommandError(_t("No answer was given; nothing was changed."))
    return line.rstrip("\r\n")


def run_init(config, *, ask: Callable[..., str]) -> int:
    from sst_desk.security.passwords import PasswordProblem
    from sst_desk.server import setup
    from sst_desk.services.errors import AnchorError
    from sst_desk.server.config import ConfigError, make_server_secret, open_server_database

    try:
        made = make_server_secret(config.secret_path)  # first: the log is keyed with it
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(_t("%1 could not be read or written (%2).").replace("%1", str(config.secret_path))
                           .replace("%2", exc.strerror or type(exc).__name__)) from None
    print((_t("Made the server's secret file %1.") if made else _t("The server's secret file %1 is there."))
          .replace("%1", str(config.secret_path)))
    try:
        db = open_server_database(config, key_log="serve --init")  # migrated, and its log keyed
    except AnchorError as exc:
        raise CommandError(_t("The server's anchor file cannot be used (%1); the server did not start.")
                           .replace("%1", str(exc))) from None
    try:
        roles = setup.setup_database(config.database, config)
        if roles is not None:
            print(_t("The database role %1 may now do what the server needs, and no more.")
                  .replace("%1", roles.runtime_role))
            if not roles.can_log_in:
                print(_t("The role %1 cannot log in yet: give it a password (ALTER ROLE %1 LOGIN PASSWORD '…') and "
                         "start the server with its URL.").replace("%1", roles.runtime_role))
        if setup.has_accounts(db):
            print(_t("The database is up to date and has accounts already; no administrator was made."))
            return 0
        print(_t("The database has no accounts yet: make the first administrator."))
        username = _line(ask, _t("User name: ")).strip()
        display_name = _line(ask, _t("Full name: ")).strip()
        password = _line(ask, _t("Password: "), secret=True)
        repeated = _line(ask, _t("The password again: "), secret=True)
        if password != repeated:
            raise CommandError(_t("The two passwords differ; nothing was changed."))
        try:
            actor = setup.create_first_administrator(db, username, display_name, password)
        except setup.AlreadyInitialised:
            raise CommandError(_t("Someone else made the first administrator meanwhile; nothing was changed.")) \
                from None
        except PasswordProblem as exc:
            from sst_desk.cli.password import problem_sentence

            raise CommandError(_t("%1 Nothing was changed.").replace("%1", problem_sentence(exc))) from None
        except ValueError:
            raise CommandError(_t("A user name is needed; nothing was changed.")) from None
        print(_t("Made the administrator %1. Start the server without --init, with the runtime role's database "
                 "URL.").replace("%1", actor.username))
        return 0
    finally:
        db.close()
