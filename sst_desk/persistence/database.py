"""The database as storage: open (and upgrade) it, units of work, backup, re-key, close.

What a person does with the data — list, load, save and print cases, import
attendance … — are the use cases in ``sst_desk/services/``, which work through
``Database.uow`` (``services.Door(db.uow, actor)``). See docs/persistence.md.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from sst_desk import paths
from sst_desk.workflow.access import Actor

from sst_desk.persistence import cipher, migrate
from sst_desk.persistence.anchors import AnchorFile
from sst_desk.persistence.backup import backup_sqlite, timestamp
from sst_desk.persistence.checks import check_existing, prepare_folder
from sst_desk.persistence.engine import make_engine, sqlite_file, to_url
from sst_desk.persistence.errors import DatabaseError, DatabaseUnavailableError, LocationNotWritableError, LogKeyError
from sst_desk.persistence.mapping import start_mappers
from sst_desk.persistence.uow import KeySlotKeeper, UnitOfWork, translate


_log = logging.getLogger(__name__)


class Database:
    """An open SST Desk database: one engine, one session factory."""

    def __init__(self, engine: Engine, path: Path | None, key: bytes | None = None, *,
                 log_key: bytes | None = None, anchors: AnchorFile | None = None) -> None:
        self.engine = engine
        self.path = path
        self.key = key  # the SQLCipher key of a file database (None: a server, or a plain test file)
        # A team server's: the access log's HMAC key and the file its heads are anchored in (accesslog.py,
        # anchors.py). None on a laptop: a SHA-256 chain, checked against heads people keep.
        self.log_key = log_key
        self.anchors = anchors
        # The log is keyed but we lack the key (the owner's URL, a copied file): entries cannot be written
        # into its chain, so logged actions are refused (uow.flush_log) and verification says "on the server".
        self.log_keyed_elsewhere = False
        # The signed-in person (set by sst_desk.security.signin). Every method acts as them: access is
        # checked and logged. None is raw storage access (tests, the demo generator): see uow.py.
        self.actor: Actor | None = None
        # The key file's keeper for the accounts use cases (set by sst_desk.security.keyslots.attach; uow.py).
        self.key_slots: KeySlotKeeper | None = None
        self.url: str = engine.url.render_as_string(hide_password=True)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def location(self) -> str | Path:
        return self.path if self.path is not None else self.url

    @classmethod
    def open(cls, path_or_url: str | Path | None = None, *, key: bytes | None = None,
             log_key: bytes | None = None, anchors: AnchorFile | None = None, key_log: str | None = None,
             ) -> Database:
        """Open (creating if needed) and bring up to date the database at a path or URL.

        ``None`` means the user's default database. An existing file is first
        checked read-only; an older schema is backed up next to it (in
        ``backups/``) and upgraded. Raises a ``DatabaseError`` subclass a person
        can act on: ``LocationNotWritableError``, ``NotADatabaseError``,
        ``NewerDatabaseError``, ``DatabaseUnavailableError``, ``UpgradeFailedError``.
        ``key`` (32 bytes) opens or creates the file encrypted with SQLCipher;
        the app gets it from ``sst_desk.security`` (the key file), never from a setting.

        A team server passes its secret as ``log_key`` (the access log is HMAC-keyed with it) and its
        ``anchors`` file (``persistence.anchors.AnchorFile``): every unit of work then appends keyed
        entries and anchors the head after its commits, and verification uses both. The log must already
        be keyed with that key — ``LogKeyError`` ("not_keyed", "wrong_key") otherwise — unless
        ``key_log`` names who switches it now (the server's ``--init``: an entry by that name marks the
        switch and the chain goes on; ``--init`` only). An anchor file that cannot be written raises
        ``AnchorError``. Without ``log_key`` a keyed log still opens and can be read, but every logged
        action is refused (``LogKeyError`` "needs_key": an unkeyed entry would break the server's chain),
        and verification says that its keyed entries need the server.
        """
        start_mappers()
        url = to_url(paths.default_database_path() if path_or_url is None else path_or_url)
        file = sqlite_file(url)
        location: str | Path = file if file is not None else url.render_as_string(hide_password=True)
        if file is not None:
            prepare_folder(file)
            check_existing(file, key)
            from sst_desk.fileio import protect

            protect(file)  # never the target of an export from this process (fileio's rule)
        engine = make_engine(url, key=key if file is not None else None)
        try:
            migrate.upgrade(engine, paths.backup_dir_for(file) if file is not None else None)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise (translate(exc, location) or DatabaseUnavailableError(location)) from exc
        except BaseException:
            engine.dispose()
            raise
        db = cls(engine, file, key if file is not None else None, log_key=log_key, anchors=anchors)
        try:
            if anchors is not None:
                anchors.ensure()  # persistence.anchors.AnchorError: the server does not start without it
            if log_key is not None:
                db._check_log_key(log_key, key_log)
            else:
                db.log_keyed_elsewhere = db._log_is_keyed()
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise (translate(exc, location) or DatabaseUnavailableError(location)) from exc
        except BaseException:
            engine.dispose()
            raise
        if file is not None:
            db._finish_interrupted_gallring()
        return db

    def _log_is_keyed(self) -> bool:
        from sst_desk.persistence.accesslog import log_key_id

        with self._sessions() as session, session.begin():
            return log_key_id(session) is not None

    def _check_log_key(self, log_key: bytes, key_log: str | None) -> None:
        """Refuse a log keyed with another key; key an unkeyed one if ``key_log`` says who does."""
        from sst_desk.persistence.accesslog import check_log_key, key_the_log
        from sst_desk.persistence.anchors import Anchor

        with self._sessions() as session, session.begin():
            if check_log_key(session, log_key, self.location):
                return
            if key_log is None:
                raise LogKeyError(self.location, "not_keyed")
            switch = key_the_log(session, log_key, key_log, self.location)
        if switch is not None and self.anchors is not None:
            self.anchors.note(Anchor(switch.seq, switch.hash, switch.at))

    def close(self) -> None:
        """Close every connection (with WAL, this also folds the -wal file back into the database).

        A server's anchor file gets the last head first (``AnchorFile.close``).
        """
        if self.anchors is not None:
            self.anchors.close()
        self.engine.dispose()

    def _finish_interrupted_gallring(self) -> None:
        """Any start finishes a gallring's purge that was interrupted (persistence/gallring.py, step 4)."""
        from sst_desk.persistence.gallring import resume_pending

        try:
            resume_pending(self, at_start=True)
        except (DatabaseError, OSError, sa.exc.SQLAlchemyError, cipher.Error):
            # The database opens anyway; the mark stays, and the next start or gallring command tries again.
            _log.warning("An interrupted gallring could not be finished at start; it will be tried again.",
                         exc_info=True)

    def uow(self, actor: Actor | None = None) -> UnitOfWork:
        """A unit of work for one user action, as ``actor`` or the signed-in person (``uow.py``)."""
        return UnitOfWork(self._sessions, actor=actor or self.actor, location=self.location, database=self)

    def backup(self, dest: Path) -> Path:
        """Copy the database into ``dest`` (a file, or a folder to put a dated file in); returns the file.

        Uses SQLite's backup API, so it is safe while the database is in use;
        the file appears only when complete.
        """
        if self.path is None:
            raise DatabaseError(
                self.url, "Only a database file can be backed up from SST Desk; use the server's own backup tools."
            )
        dest = Path(dest).expanduser()
        if dest.is_dir():
            dest = dest / f"{self.path.stem}-{timestamp()}.sqlite3"
        if dest.resolve() == self.path.resolve():
            raise ValueError("a backup cannot overwrite the database it copies")
        try:
            return backup_sqlite(self.engine, dest)
        except OSError as exc:
            raise LocationNotWritableError(dest.parent) from exc
        except cipher.Error as exc:  # raised by the raw backup call, unwrapped
            if "unable to open" in str(exc).lower():
                raise LocationNotWritableError(dest.parent) from exc
            raise DatabaseUnavailableError(self.location) from exc
        except sa.exc.DBAPIError as exc:
            raise (translate(exc, self.location) or DatabaseUnavailableError(self.location)) from exc

    def use_key(self, key: bytes) -> None:
        """After a re-key (``security/rekey.py``): drop every connection and reconnect with the new key."""
        self.engine.dispose()
        self.engine = make_engine(self.path if self.path is not None else self.url, key=key)
        self.key = key
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)


    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.url!r})"
