"""The database as the UI and the command line see it: open, load a case, save it, list cases.

A ``Case`` handed out by ``load_case`` is a detached, fully loaded object
graph: read and edit it anywhere (any thread, no session), then give it back
to ``save_case``, which writes every change in one transaction. See
docs/persistence.md for why.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from types import TracebackType

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from sst_desk import paths
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.entities import Case

from . import migrate
from .backup import backup_sqlite, timestamp
from .checks import check_existing, prepare_folder
from .engine import make_engine, sqlite_file, to_url
from .errors import CaseNotFound, DatabaseError, DatabaseUnavailableError, LocationNotWritableError
from .graph import prepare_for_save
from .mapping import start_mappers
from .uow import UnitOfWork, translate


class Database:
    """An open SST Desk database: one engine, one session factory."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self.url: str = engine.url.render_as_string(hide_password=True)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def location(self) -> str | Path:
        return self.path if self.path is not None else self.url

    @classmethod
    def open(cls, path_or_url: str | Path | None = None) -> Database:
        """Open (creating if needed) and bring up to date the database at a path or URL.

        ``None`` means the user's default database. An existing file is first
        checked read-only; an older schema is backed up next to it (in
        ``backups/``) and upgraded. Raises a ``DatabaseError`` subclass a person
        can act on: ``LocationNotWritableError``, ``NotADatabaseError``,
        ``NewerDatabaseError``, ``DatabaseUnavailableError``, ``UpgradeFailedError``.
        """
        start_mappers()
        url = to_url(paths.default_database_path() if path_or_url is None else path_or_url)
        file = sqlite_file(url)
        location: str | Path = file if file is not None else url.render_as_string(hide_password=True)
        if file is not None:
            prepare_folder(file)
            check_existing(file)
        engine = make_engine(url)
        try:
            migrate.upgrade(engine, paths.backup_dir_for(file) if file is not None else None)
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise (translate(exc, location) or DatabaseUnavailableError(location)) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, file)

    def uow(self, actor: str | None = None) -> UnitOfWork:
        """A unit of work for one user action (see ``sst_desk.persistence.uow``)."""
        return UnitOfWork(self._sessions, actor=actor, location=self.location)

    def load_case(self, case_id: int, *, actor: str | None = None) -> Case:
        """The whole case file, detached: every relationship loaded, no session needed to use it."""
        with self.uow(actor) as uow:
            case = uow.cases.get_full(case_id)
        if case is None:
            raise CaseNotFound(case_id, self.location)
        return case

    def add_case(self, case: Case, *, actor: str | None = None) -> Case:
        """Insert a new case (and its student, if new); returns it freshly loaded, with ids."""
        if case.id is not None:
            raise ValueError(f"case {case.id} is already stored; use save_case")
        prepare_for_save(case)
        with self.uow(actor) as uow:
            uow.cases.add(case)
            uow.commit()
            case_id = case.id
        assert case_id is not None
        return self.load_case(case_id, actor=actor)

    def save_case(self, case: Case, *, actor: str | None = None) -> Case:
        """Write an edited case graph (from ``load_case``) in one transaction; returns it freshly loaded.

        Children removed from a list are deleted, new ones inserted, goals and
        insatser numbered by list order. Use the returned graph from now on:
        new objects in it have their ids.
        """
        if case.id is None:
            raise ValueError("a new case is stored with add_case")
        prepare_for_save(case)
        with self.uow(actor) as uow:
            if uow.cases.merge(case) is None:
                raise CaseNotFound(case.id, self.location)
            uow.commit()
        return self.load_case(case.id, actor=actor)

    def case_rows(self, today: dt.date, *, actor: str | None = None) -> list[CaseRow]:
        """One plain row per case for the case list, cheap for thousands of cases."""
        with self.uow(actor) as uow:
            return uow.cases.list_rows(today)

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
        except sqlite3.Error as exc:  # raised by the raw backup call, unwrapped
            if "unable to open" in str(exc).lower():
                raise LocationNotWritableError(dest.parent) from exc
            raise DatabaseUnavailableError(self.location) from exc
        except sa.exc.DBAPIError as exc:
            raise (translate(exc, self.location) or DatabaseUnavailableError(self.location)) from exc

    def close(self) -> None:
        """Close every connection (with WAL, this also folds the -wal file back into the database)."""
        self.engine.dispose()

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
