"""The database as the UI and the command line see it: open, load a case, save it, list cases.

A ``Case`` handed out by ``load_case`` is a detached, fully loaded object
graph: read and edit it anywhere (any thread, no session), then give it back
to ``save_case``, which writes every change in one transaction. See
docs/persistence.md for why.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from collections.abc import Callable
from types import TracebackType

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from sst_desk import paths
from sst_desk.importers.attendance_spec import ImportOptions, MappingSpec, Progress
from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.access import Action, Actor, Resource, Scope, scope, sees_all_cases
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.entities import Case
from sst_desk.workflow.logchain import LogAction

from . import attendance as attendance_store
from . import cipher, migrate
from .backup import backup_sqlite, timestamp
from .checks import check_existing, prepare_folder
from .engine import make_engine, sqlite_file, to_url
from .errors import CaseNotFound, DatabaseError, DatabaseUnavailableError, LocationNotWritableError
from .graph import prepare_for_save
from .mapping import case_members, start_mappers
from .attendance import ImportResult
from .uow import UnitOfWork, translate


_log = logging.getLogger(__name__)


class Database:
    """An open SST Desk database: one engine, one session factory."""

    def __init__(self, engine: Engine, path: Path | None, key: bytes | None = None) -> None:
        self.engine = engine
        self.path = path
        self.key = key  # the SQLCipher key of a file database (None: a server, or a plain test file)
        # The signed-in person (set by sst_desk.security.signin). Every method acts as them: access is
        # checked and logged. None is raw storage access (tests, the demo generator): see uow.py.
        self.actor: Actor | None = None
        self.url: str = engine.url.render_as_string(hide_password=True)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def location(self) -> str | Path:
        return self.path if self.path is not None else self.url

    @classmethod
    def open(cls, path_or_url: str | Path | None = None, *, key: bytes | None = None) -> Database:
        """Open (creating if needed) and bring up to date the database at a path or URL.

        ``None`` means the user's default database. An existing file is first
        checked read-only; an older schema is backed up next to it (in
        ``backups/``) and upgraded. Raises a ``DatabaseError`` subclass a person
        can act on: ``LocationNotWritableError``, ``NotADatabaseError``,
        ``NewerDatabaseError``, ``DatabaseUnavailableError``, ``UpgradeFailedError``.
        ``key`` (32 bytes) opens or creates the file encrypted with SQLCipher;
        the app gets it from ``sst_desk.security`` (the key file), never from a setting.
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
        db = cls(engine, file, key if file is not None else None)
        if file is not None:
            db._finish_interrupted_gallring()
        return db

    def _finish_interrupted_gallring(self) -> None:
        """Any start finishes a gallring's purge that was interrupted (persistence/gallring.py, step 4)."""
        from .gallring import resume_pending

        try:
            resume_pending(self, at_start=True)
        except (DatabaseError, OSError, sa.exc.SQLAlchemyError, cipher.Error):
            # The database opens anyway; the mark stays, and the next start or gallring command tries again.
            _log.warning("An interrupted gallring could not be finished at start; it will be tried again.",
                         exc_info=True)

    def uow(self, actor: Actor | None = None) -> UnitOfWork:
        """A unit of work for one user action, as ``actor`` or the signed-in person (``uow.py``)."""
        return UnitOfWork(self._sessions, actor=actor or self.actor, location=self.location, database=self)

    def load_case(self, case_id: int, *, actor: Actor | None = None, log: bool = True) -> Case:
        """The whole case file, detached: every relationship loaded, no session needed to use it.

        Checked and logged as a view (``log=False`` only right after the caller's own logged save).
        """
        with self.uow(actor) as uow:
            student_id = uow.require_case(Action.VIEW, case_id)
            case = uow.cases.get_full(case_id) if student_id is not None else None
            if case is not None and log:
                uow.log(LogAction.VIEW, case_id=case_id, student_id=student_id)
                uow.commit()
        if case is None:
            raise CaseNotFound(case_id, self.location)
        return case

    def add_case(self, case: Case, *, actor: Actor | None = None) -> Case:
        """Insert a new case (and its student, if new); returns it freshly loaded, with ids.

        The person who creates it becomes a member of the case (responsible for it).
        """
        if case.id is not None:
            raise ValueError(f"case {case.id} is already stored; use save_case")
        prepare_for_save(case)
        with self.uow(actor) as uow:
            uow.require(Resource.CASE, Action.CREATE)
            uow.cases.add(case)
            uow.session.flush()
            case_id = case.id
            assert case_id is not None
            if uow.actor is not None:
                uow.session.execute(sa.insert(case_members).values(case_id=case_id, user_id=uow.actor.user_id))
            uow.log(LogAction.CREATE, case_id=case_id, student_id=case.student.id)
            uow.commit()
        return self.load_case(case_id, actor=actor, log=False)

    def student_case_count(self, personal_id: str, *, actor: Actor | None = None) -> int:
        """How many cases the whole register holds for the student with ``personal_id`` (as stored, normalised).

        For the duplicate warning in "Nytt ärende": it looks across every case, not only those the person
        may see, so a kurator cannot register a student twice. Only a number comes back — never the other
        case — and only to someone who may create cases.
        """
        from .mapping import cases, students

        if not personal_id:
            return 0
        with self.uow(actor) as uow:
            uow.require(Resource.CASE, Action.CREATE)
            query = (sa.select(sa.func.count()).select_from(cases.join(students, cases.c.student_id == students.c.id))
                     .where(students.c.personal_id == personal_id))
            return int(uow.session.execute(query).scalar_one())

    def save_case(self, case: Case, *, actor: Actor | None = None) -> Case:
        """Write an edited case graph (from ``load_case``) in one transaction; returns it freshly loaded.

        Children removed from a list are deleted, new ones inserted, goals and
        insatser numbered by list order. Use the returned graph from now on:
        new objects in it have their ids.
        """
        if case.id is None:
            raise ValueError("a new case is stored with add_case")
        prepare_for_save(case)
        with self.uow(actor) as uow:
            student_id = uow.require_case(Action.EDIT, case.id)
            if student_id is None or uow.cases.merge(case) is None:
                raise CaseNotFound(case.id, self.location)
            uow.log(LogAction.EDIT, case_id=case.id, student_id=student_id, detail=case.stage.value)
            uow.commit()
        return self.load_case(case.id, actor=actor, log=False)

    def case_rows(self, today: dt.date, *, actor: Actor | None = None) -> list[CaseRow]:
        """One plain row per case the person may see, for the case list; cheap for thousands of cases.

        A worker sees the cases they are a member of; a team lead every case but
        protected students' they are not a member of; an administrator none.
        """
        with self.uow(actor) as uow:
            who = uow.actor
            if who is None:
                return uow.cases.list_rows(today)
            if scope(who.role, Resource.CASE, Action.VIEW) is Scope.NONE:
                return []
            rows = uow.cases.list_rows(today, visible_to=(who.user_id, sees_all_cases(who)))
            uow.log(LogAction.LIST, detail=str(len(rows)))
            uow.commit()
            return rows

    def record_case_action(self, case_id: int, action: Action, detail: str = "", *,
                           actor: Actor | None = None) -> None:
        """Check and log a print or export of a case (``detail``: which document, never its content).

        Call it before writing the document: a refusal raises ``AccessDeniedError``.
        """
        log_action = {Action.PRINT: LogAction.PRINT, Action.EXPORT: LogAction.EXPORT}[action]
        with self.uow(actor) as uow:
            student_id = uow.require_case(action, case_id)
            if student_id is None:
                raise CaseNotFound(case_id, self.location)
            uow.log(log_action, case_id=case_id, student_id=student_id, detail=detail)
            uow.commit()

    def record_consent_override(self, case_id: int, purpose: str, legal_ground: str, note: str = "", *,
                                actor: Actor | None = None) -> None:
        """Act without a valid samtycke on a stated legal ground (``workflow.consent_rules``).

        Needs CONSENT × OVERRIDE on the case; stored with the case and logged (purpose and ground, not the note).
        """
        from .accesslog import utc_now
        from .mapping import consent_overrides

        if not legal_ground.strip():
            raise ValueError("an override needs a legal ground")
        with self.uow(actor) as uow:
            student_id = uow.require_case(Action.OVERRIDE, case_id, Resource.CONSENT)
            if student_id is None:
                raise CaseNotFound(case_id, self.location)
            by = uow.actor.label if uow.actor is not None else ""
            uow.session.execute(sa.insert(consent_overrides).values(
                case_id=case_id, at=utc_now(), by=by, purpose=purpose, legal_ground=legal_ground.strip(),
                note=note.strip()))
            uow.log(LogAction.CONSENT_OVERRIDE, case_id=case_id, student_id=student_id,
                    detail=f"{purpose}: {legal_ground.strip()[:120]}")
            uow.commit()

    def may(self, action: Action, case_id: int, *, actor: Actor | None = None,
            resource: Resource = Resource.CASE) -> bool:
        """Whether the signed-in person may ``action`` the case (for enabling buttons; nothing is logged)."""
        with self.uow(actor) as uow:
            return uow.may(action, case_id, resource)

    def case_member_ids(self, case_id: int) -> list[int]:
        """The user ids responsible for a case."""
        with self.uow() as uow:
            return [uid for (uid,) in uow.session.execute(
                sa.select(case_members.c.user_id).where(case_members.c.case_id == case_id)
                .order_by(case_members.c.user_id))]

    def set_case_members(self, case_id: int, user_ids: list[int], *, actor: Actor | None = None) -> None:
        """Choose who is responsible for a case (team lead); logged with the new member ids.

        A case always keeps someone responsible: with nobody, only a team lead could find it again.
        """
        if not user_ids:
            raise ValueError("a case needs at least one responsible person")
        with self.uow(actor) as uow:
            student_id = uow.require_case(Action.ASSIGN, case_id)
            if student_id is None:
                raise CaseNotFound(case_id, self.location)
            uow.session.execute(sa.delete(case_members).where(case_members.c.case_id == case_id))
            for uid in sorted(set(user_ids)):
                uow.session.execute(sa.insert(case_members).values(case_id=case_id, user_id=uid))
            uow.log(LogAction.ASSIGN, case_id=case_id, student_id=student_id,
                    detail=",".join(str(u) for u in sorted(set(user_ids))))
            uow.commit()

    # --- attendance (skollinjen): sst_desk/persistence/attendance.py ----------------------------------

    def import_attendance(self, path: Path, spec: MappingSpec, *, dry_run: bool = False,
                          progress: Callable[[Progress], None] | None = None,
                          cancelled: Callable[[], bool] | None = None,
                          actor: Actor | None = None, options: ImportOptions | None = None) -> ImportResult:
        """Import a school's attendance export, all or nothing (``attendance.import_attendance``).

        Stored and logged only when every row is good and it was neither a dry run nor cancelled;
        otherwise the database is left exactly as it was. Raises ``ImportFileError`` for a file that
        cannot be read at all.
        """
        with self.uow(actor) as uow:
            uow.require(Resource.ATTENDANCE, Action.CREATE)
            who = uow.actor
            by = who.label if who is not None else ""
            # Only the students this person may see (issue 10): the case list's rule, from workflow.access.
            visible_to = (who.user_id, sees_all_cases(who)) if who is not None else None
            result = attendance_store.import_attendance(uow.session, Path(path), spec, by=by, dry_run=dry_run,
                                                        progress=progress, cancelled=cancelled,
                                                        visible_to=visible_to, options=options)
            if result.committed:
                uow.log(LogAction.IMPORT, detail=attendance_store.log_detail(result))
                uow.commit()
            elif result.dry_run and not result.cancelled:
                # A dry run is logged too: it is a look at which rows match this person's students.
                # The staged rows go first; the entry is the transaction's only change.
                uow.rollback()
                uow.log(LogAction.IMPORT, detail=attendance_store.log_detail(result))
                uow.commit()
        return result

    def attendance_for_case(self, case_id: int, *, actor: Actor | None = None, log: bool = True,
                            ) -> list[AttendanceRecord]:
        """The case's student's attendance records in date order (checked and logged as a view of the case).

        ``log=False`` for a document that is itself logged (a print): checked, but not logged twice.
        """
        with self.uow(actor) as uow:
            student_id = uow.require_case(Action.VIEW, case_id)
            if student_id is None:
                raise CaseNotFound(case_id, self.location)
            records = attendance_store.records_for_student(uow.session, student_id)
            if uow.actor is not None and log:
                uow.log(LogAction.VIEW, case_id=case_id, student_id=student_id, detail="attendance")
                uow.commit()
            return records

    def attendance_mappings(self, *, actor: Actor | None = None) -> list[MappingSpec]:
        """The saved column mappings, by name (for whoever may import)."""
        with self.uow(actor) as uow:
            uow.require(Resource.ATTENDANCE, Action.CREATE)
            return attendance_store.mappings(uow.session)

    def attendance_mapping(self, name: str, *, actor: Actor | None = None) -> MappingSpec | None:
        with self.uow(actor) as uow:
            uow.require(Resource.ATTENDANCE, Action.CREATE)
            return attendance_store.mapping(uow.session, name)

    def save_attendance_mapping(self, spec: MappingSpec, *, actor: Actor | None = None) -> None:
        """Save (or replace) the column mapping called ``spec.name``."""
        if not spec.name.strip():
            raise ValueError("a mapping needs a name")
        with self.uow(actor) as uow:
            uow.require(Resource.ATTENDANCE, Action.EDIT)
            attendance_store.save_mapping(uow.session, spec, by=uow.actor.label if uow.actor is not None else "")
            uow.commit()

    def delete_attendance_mapping(self, name: str, *, actor: Actor | None = None) -> bool:
        with self.uow(actor) as uow:
            uow.require(Resource.ATTENDANCE, Action.EDIT)
            deleted = attendance_store.delete_mapping(uow.session, name)
            uow.commit()
            return deleted

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
