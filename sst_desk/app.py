"""Bootstrap of the desktop app: settings → database → QApplication → main window.

``run_gui`` is what ``sst-desk`` (without a subcommand) calls. Every failure a
worker can meet on start — a damaged file, a read-only folder — ends in a
dialog with one sentence, never a traceback.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from sst_desk import paths
from sst_desk.settings import LANGUAGE, USER_NAME, Settings

log = logging.getLogger(__name__)
LANGUAGES = ("sv", "en")


def current_user(settings: Settings) -> str:
    """Who is working: the name set in the settings, SST_DESK_USER, or the login name."""
    import getpass  # imported here, like the rest this module needs only sometimes: start-up is kept short

    return settings.get(USER_NAME) or os.environ.get("SST_DESK_USER") or getpass.getuser()


def setup_logging() -> None:
    """Log warnings and errors to a rotating file in the data folder; never case content (only exceptions)."""
    import logging.handlers

    try:
        folder = paths.data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / "sst-desk.log", maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, type(handler)) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.WARNING)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Swedish by default: SST Desk's own .qm plus Qt's for standard buttons and dialogs."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Sweden))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    own = QTranslator(app)
    if own.load(str(paths.resource("translations", f"sst_desk_{language}.qm"))):
        app.installTranslator(own)
        translators.append(own)
    else:
        log.warning("Translation for %s not found", language)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def make_application(language: str | None = None, settings: Settings | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    settings = settings or Settings()
    chosen = language or settings.get(LANGUAGE)
    app._sst_translators = install_translators(app, chosen if chosen in LANGUAGES else "sv")  # keep alive
    from sst_desk.ui.common.widgets import install_wheel_guard

    install_wheel_guard()  # dropdowns and spin boxes take the wheel only when focused
    return app


def build_context(db, settings: Settings):
    from sst_desk.ui.common.context import AppContext
    from sst_desk.workflow.catalogue import CatalogueError, default_catalogue_paths, load_catalogue

    try:
        catalogue = load_catalogue(*default_catalogue_paths())
    except CatalogueError:
        log.exception("The team's catalogue file could not be read; using the shipped one")
        catalogue = load_catalogue(default_catalogue_paths()[0])
    actor = getattr(db, "actor", None)
    user = actor.label if actor is not None else current_user(settings)
    return AppContext(db=db, settings=settings, user=user, catalogue=catalogue, team=_team_settings(db, settings))


def _team_settings(db, settings: Settings):
    """The team's settings (adopting this computer's old ones at the first start after the upgrade).

    Read off the UI thread (on a team server it is a network call), with the window's events going on.
    """
    from sst_desk.options import TeamSettings
    from sst_desk.settings import computer_team_values
    from sst_desk.ui.accounts.session import on_server
    from sst_desk.ui.common.context import door_for
    from sst_desk.ui.common.operations import context_owner, run_and_wait

    if not hasattr(db, "uow") and not on_server(db):  # a stand-in database of a UI test
        return TeamSettings()
    door, found = door_for(db), computer_team_values(settings)  # QSettings is read here, on the UI thread

    def read() -> TeamSettings:
        if found:
            door.settings.adopt_computer_settings(found)
        return door.settings.team_settings()

    return run_and_wait(context_owner(), read)


def run_gui(target: str | None = None, *, demo: bool = False, language: str | None = None,
            user: str | None = None, server: str | None = None, ca_file: str | None = None) -> int:
    """Start the desktop app on ``target`` (a path or URL), the default database, the demo database, or the
    team server at ``server`` (``ca_file``: the CA that vouches for its certificate, remembered for it).

    A plain start (no database, no server) goes to the team server this computer signed in on last, as
    long as it has no database file of its own (a team member's laptop: the first-run dialog's choice).
    """
    setup_logging()
    settings = Settings()
    app = make_application(language, settings)
    name = user or os.environ.get("SST_DESK_USER", "")
    if server is None and target is None and not demo:
        server = _remembered_server(settings)
    if server is not None:
        return _run_on_server(app, settings, server, name, ca_file)
    from sst_desk.services.errors import DatabaseError
    from sst_desk.ui.common.errors import database_error_text
    from sst_desk.ui.common.startup import open_for_window

    try:
        if demo:
            from sst_desk.demo.accounts import ensure_demo_database

            target = str(ensure_demo_database())
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "SST Desk cannot start"),
                             database_error_text(exc))
        return 1
    # None: the default database, as for the subcommands. Signing in unlocks the key; then the location
    # and integrity are checked (a restore offered when the file is damaged) and the daily backup taken.
    from sst_desk.ui.accounts.signin_dialog import UseServer, sign_in_for_window
    from sst_desk.ui.common.startup import check_before_sign_in, database_file

    if not check_before_sign_in(database_file(target or None)):
        return 1

    def sign_in(name: str):
        return sign_in_for_window(target or None, settings, database_file(target or None),
                                  lambda key: open_for_window(target or None, settings, key), username=name)

    db = sign_in(name)
    if isinstance(db, UseServer):  # the first-run dialog: this computer works on the team's server instead
        return _run_on_server(app, settings, db.url, name, None)
    if db is None:
        return 1
    return run_session(app, settings, db, lambda: sign_in(""))


SERVER_ENV = "SST_DESK_SERVER"


def _remembered_server(settings: Settings) -> str | None:
    """The team server signed in on last, while this computer has no database file of its own; else None.

    Never signed in on one: ``$SST_DESK_SERVER``, the team server municipal IT set for every user of the
    laptop (a machine-wide environment variable, with ``$SST_DESK_CA_FILE`` for its CA; docs/installing.md).
    Environment variables rather than a shared settings file: only an administrator sets machine-wide ones,
    while a file in %ProgramData% can be created by any user of the laptop.
    """
    from sst_desk.security.signin import first_run_needed
    from sst_desk.settings import LAST_SERVER
    from sst_desk.ui.common.startup import database_file

    last = settings.get(LAST_SERVER).strip() or os.environ.get(SERVER_ENV, "").strip()
    if not last:
        return None
    file = database_file(None)
    return last if file is not None and first_run_needed(file) else None


def _run_on_server(app: QApplication, settings: Settings, url: str, name: str, ca_file: str | None) -> int:
    """The window on the team server at ``url``: the sign-in over HTTPS, then the same main window."""
    from sst_desk.ui.accounts.server_signin import sign_in_to_server

    connection = sign_in_to_server(url, settings, username=name, ca_file=ca_file)
    if connection is None:
        return 1
    return run_session(app, settings, connection, lambda: sign_in_to_server(url, settings))


def run_session(app: QApplication, settings: Settings, db, sign_in_again) -> int:
    """The main window for ``db``'s signed-in person until the app ends.

    After Arkiv → Logga ut the database is closed and ``sign_in_again()`` shows the sign-in dialog in the
    same process: the next person's database (their own actor, menus and idle lock), or None to end.
    """
    # The loop ends when the main window closes, not when the last window does: Qt's automatic quit posts a
    # Quit event that would still be pending after a sign-out and end the next sign-in dialog at once.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        return _sessions(app, settings, db, sign_in_again)
    finally:
        app.setQuitOnLastWindowClosed(quit_on_last)


def _sessions(app: QApplication, settings: Settings, db, sign_in_again) -> int:
    from sst_desk.services.errors import DatabaseError
    from sst_desk.settings import IDLE_LOCK_MINUTES
    from sst_desk.ui.common.errors import database_error_text
    from sst_desk.ui.common.lock import IdleLock
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.common.startup import backup_on_close

    code = 1
    while db is not None:
        try:
            if not own_password_chosen(db, settings):
                _close(db)  # the person chose to quit rather than replace the password they were given
                return 1
            context = build_context(db, settings)
        except DatabaseError as exc:  # the team server went silent right after the sign-in, say
            QMessageBox.critical(None, QCoreApplication.translate("App", "SST Desk cannot start"),
                                 database_error_text(exc))
            _close(db)
            return 1
        context.locker = IdleLock(context, settings.get(IDLE_LOCK_MINUTES))
        window = MainWindow(context)
        signed_out: list[bool] = []
        # Connected to this pass's window only, and called while it runs: the loop variable is the one meant.
        window.sig_signed_out.connect(lambda: signed_out.append(True))  # noqa: B023
        window.sig_closed.connect(lambda: app.exit(0))
        window.reload()
        window.show()
        try:
            code = app.exec()
        finally:
            context.locker.stop()
            backup_on_close(context.db, settings)  # context.db: a restore in the window reopens the database
            _close(context.db)
        if not signed_out:
            return code
        window.deleteLater()
        db = sign_in_again()
    return code


def own_password_chosen(db, settings: Settings) -> bool:
    """Before anything else, the person replaces a first password an administrator set (False: they quit).

    Asked before the team's settings are read: a team server answers nothing else until it is done. The
    dialog needs only the database of its context.
    """
    from sst_desk.ui.accounts.password_dialog import change_password
    from sst_desk.ui.accounts.session import must_change_password
    from sst_desk.ui.common.context import AppContext
    from sst_desk.ui.common.operations import context_owner, run_and_wait

    if not run_and_wait(context_owner(), lambda: must_change_password(db)):
        return True
    actor = getattr(db, "actor", None)
    return change_password(None, AppContext(db=db, settings=settings, user=actor.label if actor else ""), forced=True)


def _close(db) -> None:
    """Close the database, or sign out on the team server (off the UI thread: the network may be silent)."""
    from sst_desk.ui.accounts.session import on_server
    from sst_desk.ui.common.operations import context_owner, run_and_wait

    if on_server(db):
        run_and_wait(context_owner(), db.close)
    else:
        db.close()
