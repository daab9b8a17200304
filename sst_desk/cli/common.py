"""What every command shares: opening the database (where, who signs in, the key, the checks), confirming.

Every command that reads or writes the register opens it here, signed in as the person the
command line names (``--user``, the password asked once). Shared by the command modules of
``sst_desk.cli`` (one per command group); none of them imports another command's module.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sst_desk import fileio, i18n, paths
from sst_desk.cli import auth as cli_auth
from sst_desk.cli.errors import CommandError

if TYPE_CHECKING:
    from sst_desk.persistence import Database
    from sst_desk.workflow.access import Actor

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def location(target: str | None) -> str:
    """The database as shown to the person: an absolute path, or the URL without its password."""
    if target is None:
        return str(paths.default_database_path())
    if "://" not in target:
        return os.path.abspath(os.path.expanduser(target))  # not resolve(): a link loop must not raise here
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: Database.open will say so
        return target


def reachable(file: Path, shown: str) -> None:
    """Refuse a database path whose links go round in a loop (``Path.exists`` would just say False)."""
    try:
        os.stat(file)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CommandError(_t("The database path %1 cannot be reached: its symbolic links go round in a "
                                  "loop. Nothing was changed.").replace("%1", shown)) from None


def open_database(target: str | None, *, must_exist: bool, args: argparse.Namespace | None = None,
                  changing_password: bool = False, **server: Any) -> Database:
    """Open the database signed in as the person ``args`` names; reading commands never create one.

    The password is asked for once: it unlocks the database key, the file's integrity is checked
    with that key, and then the account is checked inside. ``server``: a team server's ``log_key`` and
    ``anchors`` for ``Database.open`` (``log verify`` on the server's machine).
    """
    from sqlalchemy.exc import ArgumentError

    from sst_desk.persistence import Database
    from sst_desk.security.signin import first_run_needed

    args = args or argparse.Namespace()
    file = None
    shown = location(target)
    if target is None or "://" not in target:
        file = Path(target).expanduser() if target else paths.default_database_path()
        reachable(file, shown)
        if must_exist and not file.exists():
            if target:
                raise CommandError(_t("There is no database at %1.").replace("%1", shown))
            raise CommandError(_t("There is no database at %1; give one with --db.").replace("%1", shown))
        if file.is_dir():
            raise CommandError(_t("%1 is a folder, not a database file.").replace("%1", shown))
        check_location(file)
        if first_run_needed(file):
            raise CommandError(_t("The database %1 has no users yet: start SST Desk once to create the first "
                                  "administrator (or make a demo database with 'sst-desk demo').").replace("%1", shown))
        fileio.protect(file)
    username, password = credentials(args)
    key = None
    if file is not None:
        key = unlock(file, username, password)
        from sst_desk.persistence.backups import check_integrity

        check_integrity(file, key)
    try:
        db = Database.open(target, key=key, **server)
    except ArgumentError:  # a URL naming no database SQLAlchemy knows ("nonsense://x")
        raise CommandError(_t("%1 is not a database URL SST Desk can use.").replace("%1", shown)) from None
    except ImportError as exc:  # a URL whose driver is not installed (postgresql:// without psycopg)
        driver = getattr(exc, "name", None) or "psycopg"
        raise CommandError(_t("SST Desk cannot reach %1: the database driver %2 is not installed on this "
                              "computer. Install it (pip install \"psycopg[binary]\") or ask IT; nothing was "
                              "changed.").replace("%1", shown).replace("%2", driver)) from None
    try:
        cli_auth.authenticate(db, username, password, changing_password=changing_password)
    except BaseException:
        db.close()
        raise
    return db


def unlock(file: Path, username: str, password: str) -> bytes:
    """The database key; a key file that cannot be read as one (a damaged slot) is said, not raised."""
    try:
        return cli_auth.unlock_key(file, username, password)
    except CommandError:
        raise
    except Exception as exc:  # noqa: BLE001 - a slot edited by hand: bad numbers (OverflowError), Argon2's
        # HashingError for p=0 …: reading the key file is all that ran, so the key file is what is wrong
        from sst_desk.cli.errors import write_log

        write_log(exc)
        raise CommandError(_t("The key file %1.keys is damaged; put back the copy from the backups folder. "
                              "Nothing was changed.").replace("%1", str(file))) from None


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    """Who signs in, asked for once per command (a restore unlocks the key and then signs in)."""
    known = getattr(args, "_credentials", None)
    if known is None:
        known = cli_auth.credentials(args)
        args._credentials = known
    return known


def server_options(args: argparse.Namespace, read_key: Callable[[Path], bytes]) -> dict[str, Any]:
    """``log_key`` and ``anchors`` for ``Database.open`` from --log-key and --anchors (on a server's machine).

    ``read_key`` reads the server's secret file (or raises ``CommandError`` saying why it is not one).
    """
    from sst_desk.persistence import AnchorFile

    if args.anchors is not None and args.log_key is None:
        raise CommandError(_t("--anchors needs --log-key: the anchors are signed with the server's secret."))
    if args.log_key is None:
        return {}
    key = read_key(args.log_key)
    return {"log_key": key, "anchors": AnchorFile(args.anchors.expanduser(), key) if args.anchors else None}


def open_for(args: argparse.Namespace, *, must_exist: bool, **server: Any) -> Database:
    return open_database(getattr(args, "db", None), must_exist=must_exist, args=args, **server)


CA_FILE_ENV = "SST_DESK_CA_FILE"


class Opened:
    """The register a command works on, signed in: a database (file or URL) or a team server (``--server``).

    ``door`` has the same use cases either way (``services.Door`` or ``remote.client.RemoteDoor``); ``actor``
    is the signed-in person; ``file`` the database file (None for a URL or a server); ``close()`` closes the
    database or signs out of the server.
    """

    def __init__(self, door, actor: Actor, *, db: Database | None = None, session=None) -> None:
        self.door, self.actor, self.db, self.session = door, actor, db, session

    @property
    def remote(self) -> bool:
        return self.session is not None

    @property
    def file(self) -> Path | None:
        return self.db.path if self.db is not None else None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
        if self.session is not None:
            from sst_desk.services.errors import DatabaseError

            try:
                self.session.signout()
            except DatabaseError:
                pass  # the token lapses by itself; the command's own outcome stands
            finally:
                self.session.server.close()

    def __enter__(self) -> Opened:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def server_of(args: argparse.Namespace) -> str | None:
    return getattr(args, "server", None) or None


def open_door(args: argparse.Namespace, *, must_exist: bool = True, changing_password: bool = False,
              **server: Any) -> Opened:
    """The register of ``--server`` (signed in over HTTPS) or of ``--db`` (opened here), signed in.

    A person who must choose a new password is refused, unless ``changing_password`` (``sst-desk password``).
    """
    url = server_of(args)
    if url is not None and getattr(args, "db", None):
        raise CommandError(_t("Give either --db or --server, not both; nothing was done."))
    if url is None:
        from sst_desk.services import Door

        db = open_database(getattr(args, "db", None), must_exist=must_exist, args=args,
                           changing_password=changing_password, **server)
        assert db.actor is not None
        return Opened(Door(db.uow, db.actor), db.actor, db=db)
    door, actor, db, session = _remote(url, args, changing_password=changing_password)
    return Opened(door, actor, db=db, session=session)


def _remote(url: str, args: argparse.Namespace, *, changing_password: bool = False):
    from sst_desk.remote.client import RemoteServer
    from sst_desk.security.signin import SignInError

    ca_file = getattr(args, "ca_file", None) or os.environ.get(CA_FILE_ENV) or None
    server = RemoteServer(url, ca_file=ca_file)  # an http:// address is refused before anything is asked
    try:
        username, password = credentials(args)
        try:
            session = server.signin(username, password)
        except SignInError as exc:
            raise CommandError(cli_auth.server_sign_in_message(exc)) from None
        if session.must_change_password and not changing_password:
            session.signout()
            raise CommandError(cli_auth.must_change_message())
    except BaseException:
        server.close()
        raise
    return session.door, session.actor, None, session


def refuse_on_server(args: argparse.Namespace, what: str) -> None:
    """Commands that work on a database file (backups, restore, the demo) say so with ``--server``."""
    if server_of(args) is not None:
        raise CommandError(what)


def restore_key(file: Path, args: argparse.Namespace) -> bytes | None:
    """The key for a restore: from the key file beside the database (the backups share the key)."""
    from sst_desk.security.keyfile import key_file_for

    if not key_file_for(file).exists():
        return None  # a plain database from an earlier version
    username, password = credentials(args)
    return unlock(file, username, password)


def restore_right(args: argparse.Namespace):
    """``authorize`` for ``restore.restore_as``: sign in on the database given, then ask
    ``services.backups.authorize_restore`` (BACKUPS × EDIT).

    Restoring replaces everyone's data: administrators and team leads only. The check runs on the
    current database when it can be read (a refusal is logged there), else on the restored copy.
    """

    def authorize(db: Database) -> Actor:
        from sst_desk.services import Door

        username, password = credentials(args)
        cli_auth.authenticate(db, username, password)
        actor = Door(db.uow, db.actor).backups.authorize_restore()
        assert actor is not None
        return actor

    return authorize


def check_location(file: Path) -> None:
    """Refuse a database file on a network share or in a synced folder."""
    from sst_desk.persistence.location import check_location as refuse_unsafe

    refuse_unsafe(file)


def confirm(question: str, refusal: str | None = None) -> bool:
    """Ask on the terminal (y/N); without a terminal refuse with ``refusal`` (the command names --yes)."""
    if not sys.stdin.isatty():
        raise CommandError(refusal or _t("This cannot be undone; run it on a terminal to confirm, or add --yes."))
    try:
        answer = input(_t("%1 [y/N] ").replace("%1", question))
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "j", "ja")
