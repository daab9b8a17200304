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
    """The team's settings (adopting this computer's old ones at the first start after the upgrade)."""
    from sst_desk.options import TeamSettings
    from sst_desk.services import Door
    from sst_desk.settings import read_team_settings

    if not hasattr(db, "uow"):  # a stand-in database of a UI test
        return TeamSettings()
    return read_team_settings(Door(db.uow, getattr(db, "actor", None)), settings)


def run_gui(target: str | None = None, *, demo: bool = False, language: str | None = None,
            user: str | None = None) -> int:
    """Start the desktop app on ``target`` (a path or URL), the default database, or the demo database."""
    setup_logging()
    settings = Settings()
    app = make_application(language, settings)
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
    from sst_desk.ui.accounts.signin_dialog import sign_in_for_window
    from sst_desk.ui.common.startup import check_before_sign_in, database_file

    if not check_before_sign_in(database_file(target or None)):
        return 1

    def sign_in(name: str):
        return sign_in_for_window(target or None, settings, database_file(target or None),
                                  lambda key: open_for_window(target or None, settings, key), username=name)

    db = sign_in(user or os.environ.get("SST_DESK_USER", ""))
    if db is None:
        return 1
    return run_session(app, settings, db, lambda: sign_in(""))


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
    from sst_desk.security.signin import must_change_password
    from sst_desk.settings import IDLE_LOCK_MINUTES
    from sst_desk.ui.common.lock import IdleLock
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.accounts.password_dialog import change_password
    from sst_desk.ui.common.startup import backup_on_close

    code = 1
    while db is not None:
        context = build_context(db, settings)
        if must_change_password(db) and not change_password(None, context, forced=True):
            db.close()  # the person chose to quit rather than replace the password they were given
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
            context.db.close()
        if not signed_out:
            return code
        window.deleteLater()
        db = sign_in_again()
    return code
