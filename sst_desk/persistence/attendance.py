"""Attendance in the team database: the all-or-nothing import, the saved column mappings, a student's records.

The import (``import_attendance``) reads the school's export with
``sst_desk.importers.attendance_file.read_rows`` and, in ONE transaction:

1. stages every good row, matched to a student, in a temporary table
   (memory stays flat: rows go to the database in chunks, never into a list),
   summing rows of the same student and day/week as they come (an export per
   lesson becomes one record);
2. if any row had a problem, or the user cancelled, or it is a dry run: rolls back
   — the database is exactly as it was;
3. otherwise upserts the summed records on the natural key
   (student, period_start, granularity), updating only rows whose numbers differ.

So importing the same file twice changes no attendance row, and an export that
overlaps last week's replaces the overlapping records instead of adding to them.
Rows whose student is not in the team's register are reported (identifier, first
line, how many rows), never silently dropped and never stored.

Scope (issue 10): the import matches rows only against the students the person
may see (``visible_to``: the same rule as the case list, ``workflow.access``). A
row of anyone else — another worker's student, a protected student, or a
personnummer that is in no register at all — is reported in ONE category, "not
among your students", with the same words: the import never tells a person
which identifiers exist in the team's register.
See docs/attendance.md.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.importers.attendance_spec import (
    IdentifierKind,
    ImportOptions,
    MappingSpec,
    NoticeCode,
    ProblemCode,
    Progress,
    RowNotice,
    RowProblem,
)
from sst_desk.importers.cells import name_key
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit

from sst_desk.persistence.accesslog import utc_now
from sst_desk.persistence.statistics import fixed_windows, window_absence
from sst_desk.persistence.mapping import attendance, attendance_imports, attendance_mappings, case_members, cases, students

CHUNK = 20_000  # staged rows per INSERT round trip
MAX_PROBLEMS = 500  # problems (and notices) kept to show (all are counted)
# Notices whose row is read but not stored (counted in ImportResult.skipped_rows); the others are stored.
SKIPPING_NOTICES = frozenset({NoticeCode.FUTURE_SKIPPED, NoticeCode.DUPLICATE_SKIPPED, NoticeCode.SUMMARY_SKIPPED})

_staging_metadata = sa.MetaData()


# The rows as read, summed per student and period AS THEY ARE STAGED (an export per lesson becomes one
# record): keyed, so a repeated key adds up instead of needing a GROUP BY over a million rows afterwards.
staging = sa.Table(
    "attendance_staging",
    _staging_metadata,
    sa.Column("student_id", sa.Integer, nullable=False),
    sa.Column("period_start", sa.Date, nullable=False),
    sa.Column("granularity", sa.String(8), nullable=False),
    sa.Column("period_end", sa.Date),  # PERIOD records only
    sa.Column("unit", sa.String(8), nullable=False),
    sa.Column("scheduled", sa.Float, nullable=False),
    sa.Column("absent", sa.Float, nullable=False),
    sa.Column("valid", sa.Float),
    sa.Column("invalid", sa.Float),
    sa.PrimaryKeyConstraint("student_id", "period_start", "granularity"),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,  # stored in key order: the key IS the table
)
# A part (valid/invalid) of a period is known only when every row of it says it: NULL absorbs.
_STAGE_SQL = (
    "INSERT INTO attendance_staging VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}) "
    "ON CONFLICT (student_id, period_start, granularity) DO UPDATE SET "
    "period_end = CASE WHEN excluded.period_end > attendance_staging.period_end "
    "THEN excluded.period_end ELSE attendance_staging.period_end END, "
    "scheduled = attendance_staging.scheduled + excluded.scheduled, "
    "absent = attendance_staging.absent + excluded.absent, "
    "valid = CASE WHEN attendance_staging.valid IS NULL OR excluded.valid IS NULL THEN NULL "
    "ELSE attendance_staging.valid + excluded.valid END, "
    "invalid = CASE WHEN attendance_staging.invalid IS NULL OR excluded.invalid IS NULL THEN NULL "
    "ELSE attendance_staging.invalid + excluded.invalid END"
)
_VALUE = {member: member.value for member in (*Granularity, *Unit)}  # a dict lookup; Enum.value is slow per row


class UnmatchedReason(enum.StrEnum):
    """Why rows were not stored. A scoped import (a signed-in person) never says NOT_FOUND: unknown
    identifiers and other people's students are both NOT_YOURS, so the answer confirms nothing."""

    NOT_FOUND = "not_found"  # raw storage access only (tests, tools): not in the register
    NOT_YOURS = "not_yours"  # not among the students this person may see (or in no register at all)
    AMBIGUOUS = "ambiguous"  # by name: more than one of the person's students has this name


@dataclass
class Unmatched:
    """Rows whose student is not among the person's students (or, by name, matches more than one of them)."""

    key: str  # the identifier as normalised from the file
    first_line: int
    rows: int = 1
    reason: UnmatchedReason = UnmatchedReason.NOT_FOUND

    @property
    def ambiguous(self) -> bool:
        return self.reason is UnmatchedReason.AMBIGUOUS


@dataclass
class ImportResult:
    """What an import did (or, for a dry run or a refusal, would have done)."""

    file_name: str
    mapping_name: str
    dry_run: bool = False
    rows_read: int = 0  # good rows in the file
    rows_matched: int = 0
    records: int = 0  # student-days/weeks in the file (after summing rows per lesson)
    stored: int = 0  # records new or changed
    students: int = 0  # matched students
    unmatched: list[Unmatched] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)  # the first MAX_PROBLEMS
    problem_count: int = 0
    cancelled: bool = False
    committed: bool = False
    previously_imported: dt.datetime | None = None  # the same file (by content) was imported then
    scoped: bool = False  # matched against one person's students only (unknowns then read "not among yours")
    notices: list[RowNotice] = field(default_factory=list)  # the first MAX_PROBLEMS; never make ok False
    notice_counts: dict[NoticeCode, int] = field(default_factory=dict)  # all notices, per code
    skipped_rows: int = 0  # rows not stored because of a notice (SKIPPING_NOTICES)
    # The students whose records were new or changed: their cases are told to the team (issue 13). Ids only,
    # of students the importer may see.
    changed_students: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem_count == 0 and not self.cancelled

    @property
    def unchanged(self) -> int:
        return self.records - self.stored

    @property
    def unmatched_rows(self) -> int:
        return sum(u.rows for u in self.unmatched)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def visible_students(user_id: int, team: bool) -> sa.ColumnElement[bool]:
    """The students a person may see, as a WHERE clause: those of the cases they are responsible for and,
    with ``team`` (``workflow.access.sees_all_cases``), every student without protected identity.
    The case list's rule (``repository.list_rows``), for students."""
    member = sa.exists().where(cases.c.student_id == students.c.id, case_members.c.case_id == cases.c.id,
                               case_members.c.user_id == user_id)
    return sa.or_(member, students.c.protected_identity.is_(False)) if team else member


def student_keys(session: Session, kind: IdentifierKind, visible_to: tuple[int, bool] | None = None,
                 ) -> dict[str, list[int]]:
    """Every (visible) student's key → their ids, made as the importer makes a file's (a name may be shared).

    ``visible_to=(user_id, team)`` keeps only the students that person may see (``visible_students``);
    None is raw storage access (every student). Stored personnummer are already in the importer's normal
    form (YYYYMMDD-NNNN, ``workflow.identity``).
    """
    keys: dict[str, list[int]] = {}
    s = students.c
    if kind is IdentifierKind.PERSONNUMMER:
        query = sa.select(s.id, s.personal_id).where(s.personal_id.is_not(None))
    else:
        query = sa.select(s.id, s.first_name, s.last_name)
    if visible_to is not None:
        # Only their students: a name shared with someone they cannot see matches their student, and
        # is not reported as ambiguous (that would confirm the other student exists; docs/attendance.md).
        query = query.where(visible_students(*visible_to))
    if kind is IdentifierKind.PERSONNUMMER:
        for sid, pid in session.execute(query):
            keys.setdefault(pid, []).append(sid)
    else:
        for sid, first, last in session.execute(query):
            keys.setdefault(name_key(f"{first} {last}"), []).append(sid)
    return keys


def import_attendance(
    session: Session,
    path: Path,
    spec: MappingSpec,
    *,
    by: str,
    dry_run: bool = False,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    visible_to: tuple[int, bool] | None = None,
    options: ImportOptions | None = None,
) -> ImportResult:
    """Read ``path`` with ``spec`` and store it in ``session``'s transaction (the caller commits if ``committed``).

    ``visible_to=(user_id, team)``: match only the students that person may see; every other row is
    reported as NOT_YOURS, whether or not its student exists (None: raw storage access, every student).
    ``options``: the person's answers (date order, school year, period, skip duplicates), given to
    ``read_rows``. Notices (RowNotice) are collected in the result; they never refuse the import.

    Raises ``ImportFileError`` when the file as a whole cannot be read. Otherwise
    returns the result; ``result.committed`` tells the caller to commit, anything
    else must be rolled back (the staging and any change go with it).
    """
    from sst_desk.importers.attendance_file import (
        ImportCancelled,
        ImportFileError,
        read_rows,
    )

    path = Path(path)
    result = ImportResult(file_name=path.name, mapping_name=spec.name, dry_run=dry_run,
                          scoped=visible_to is not None)
    unknown = UnmatchedReason.NOT_YOURS if visible_to is not None else UnmatchedReason.NOT_FOUND
    sha = file_sha256(path)
    result.previously_imported = session.execute(
        sa.select(sa.func.max(attendance_imports.c.at)).where(attendance_imports.c.file_sha256 == sha)
    ).scalar()
    keys = student_keys(session, spec.identifier, visible_to)
    connection = session.connection()
    staging.drop(connection, checkfirst=True)
    staging.create(connection)
    matched: set[int] = set()
    unmatched: dict[str, Unmatched] = {}
    write = _stager(connection)
    chunk: list[tuple] = []
    shares: dict[tuple, int] = {}  # (student key, period start, granularity) -> first line, for PERIOD/PERCENT rows
    try:
        for item in read_rows(path, spec, options=options, progress=progress, cancelled=cancelled):
            if isinstance(item, RowNotice):
                result.notice_counts[item.code] = result.notice_counts.get(item.code, 0) + 1
                if item.code in SKIPPING_NOTICES:
                    result.skipped_rows += 1
                if len(result.notices) < MAX_PROBLEMS:
                    result.notices.append(item)
                continue
            if isinstance(item, RowProblem):
                result.problem_count += 1
                if len(result.problems) < MAX_PROBLEMS:
                    result.problems.append(item)
                continue
            record = item.record
            if record.granularity is Granularity.PERIOD or record.unit is Unit.PERCENT:
                # Shares and period summaries cannot be summed like minutes: one row per student and period.
                share = (item.student_key, record.period_start, record.granularity)
                first = shares.setdefault(share, item.line)
                if first != item.line:
                    result.problem_count += 1
                    if len(result.problems) < MAX_PROBLEMS:
                        result.problems.append(RowProblem(item.line, ProblemCode.PERIOD_REPEATED, "", str(first)))
                    continue
            result.rows_read += 1
            if result.problem_count:
                continue  # the import is refused anyway: only count and list problems from here on
            ids = keys.get(item.student_key)
            if ids is None or len(ids) != 1:
                seen = unmatched.get(item.student_key)
                if seen is None:
                    unmatched[item.student_key] = Unmatched(
                        item.student_key, item.line, 1, UnmatchedReason.AMBIGUOUS if ids is not None else unknown)
                else:
                    seen.rows += 1
                continue
            matched.add(ids[0])
            r = item.record
            chunk.append((ids[0], r.period_start, _VALUE[r.granularity], r.end, _VALUE[r.unit], r.scheduled,
                          r.absent, r.valid, r.invalid))
            if len(chunk) >= CHUNK:
                write(chunk)
                chunk.clear()
    except ImportCancelled:
        result.cancelled = True
    except ImportFileError:
        staging.drop(connection, checkfirst=True)
        raise
    if cancelled is not None and cancelled():
        result.cancelled = True  # pressed while the last rows were read: still nothing is stored
    result.unmatched = sorted(unmatched.values(), key=lambda u: u.first_line)
    result.rows_matched = result.rows_read - result.unmatched_rows
    result.students = len(matched)
    if result.cancelled or result.problem_count:
        return result
    if chunk:
        write(chunk)
    result.records = connection.execute(sa.select(sa.func.count()).select_from(staging)).scalar_one()
    import_id = connection.execute(attendance_imports.insert().values(
        at=utc_now(), by=by, file_name=path.name, file_sha256=sha, mapping_name=spec.name,
        rows=0, students=result.students)).inserted_primary_key[0]
    result.stored = _upsert(connection, import_id)
    if result.stored == 0:
        # Nothing new: keep no import row either, so a repeated import leaves the tables as they were.
        connection.execute(attendance_imports.delete().where(attendance_imports.c.id == import_id))
    else:
        result.changed_students = tuple(connection.execute(
            sa.select(attendance.c.student_id).where(attendance.c.import_id == import_id).distinct()
            .order_by(attendance.c.student_id)).scalars())
        connection.execute(attendance_imports.update().where(attendance_imports.c.id == import_id)
                           .values(rows=result.stored))
    staging.drop(connection)
    result.committed = not dry_run
    return result


def log_detail(result: ImportResult) -> str:
    """The access log's words for an import or a dry run: the mapping and counts, never an identifier."""
    verb = "dry run, would store" if result.dry_run else "stored"
    problems = f", {result.problem_count} problems" if result.problem_count else ""
    skipped = f", {result.skipped_rows} rows skipped" if result.skipped_rows else ""
    notices = "".join(f", {count} {code.value}" for code, count in sorted(
        result.notice_counts.items(), key=lambda item: item[0].value))
    return (f"attendance {result.mapping_name}: {verb} {result.stored} of {result.records} records, "
            f"{result.students} students, {result.unmatched_rows} rows unmatched{problems}{skipped}{notices}")


def _stager(connection: sa.Connection) -> Callable[[list[tuple]], None]:
    """How a chunk of rows is staged: through the driver's own executemany (SQLAlchemy's per-row parameter
    processing would cost more than the whole rest of a million-row import)."""
    cursor = connection.connection.driver_connection.cursor()  # the same connection: the same transaction
    if connection.dialect.name == "sqlite":
        sql = _STAGE_SQL.format(p="?")

        def write_sqlite(rows: list[tuple]) -> None:
            # sa.Date on SQLite is ISO text ('YYYY-MM-DD'); write exactly what SQLAlchemy would.
            cursor.executemany(sql, [(r[0], r[1].isoformat(), r[2], r[3] and r[3].isoformat(), *r[4:])
                                     for r in rows])
        return write_sqlite
    sql = _STAGE_SQL.format(p="%s")  # psycopg

    def write_other(rows: list[tuple]) -> None:
        cursor.executemany(sql, rows)
    return write_other


def _upsert(connection: sa.Connection, import_id: int) -> int:
    """Write the summed records into ``attendance``; returns how many rows were new or changed."""
    sm = staging.c
    rows = (
        sa.select(sm.student_id, sm.period_start, sm.granularity, sm.period_end, sm.unit, sm.scheduled,
                  sm.absent, sm.valid, sm.invalid, sa.literal(import_id))
        .where(sa.true())  # SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT (parsing ambiguity)
    )
    # Imported here: the PostgreSQL dialect (and asyncio with it) costs every start ~20 ms otherwise.
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    insert = dialect_insert(attendance)
    columns = ["student_id", "period_start", "granularity", "period_end", "unit", "scheduled", "absent", "valid",
               "invalid", "import_id"]
    statement = insert.from_select(columns, rows)
    # A PERIOD record of the same start replaces the stored one, also with a longer (or shorter) end.
    changing = ["period_end", "unit", "scheduled", "absent", "valid", "invalid"]
    statement = statement.on_conflict_do_update(
        index_elements=["student_id", "period_start", "granularity"],
        set_={name: statement.excluded[name] for name in changing + ["import_id"]},
        where=sa.or_(*[attendance.c[name].is_distinct_from(statement.excluded[name]) for name in changing]),
    )
    if connection.dialect.name == "postgresql":
        # psycopg reports rowcount -1 for this INSERT … SELECT … ON CONFLICT (seen with psycopg 3.3): count
        # the rows the statement returns instead.
        return sum(1 for _ in connection.execute(statement.returning(sa.literal_column("1"))))
    return connection.execute(statement).rowcount


def records_for_student(session: Session, student_id: int) -> list[AttendanceRecord]:
    """The student's records in date order (PERIOD records with their end)."""
    a = attendance.c
    query = (sa.select(a.period_start, a.granularity, a.scheduled, a.absent, a.valid, a.invalid, a.unit,
                       a.period_end)
             .where(a.student_id == student_id).order_by(a.period_start, a.granularity))
    return [AttendanceRecord(start, Granularity(gran), scheduled, absent, valid, invalid, Unit(unit),
                             end if gran == Granularity.PERIOD.value else None)
            for start, gran, scheduled, absent, valid, invalid, unit, end in session.execute(query)]


def term_absence(session: Session, start: dt.date, end: dt.date, student_ids: list[int] | None = None,
                 ) -> dict[int, float]:
    """Absence % per student between ``start`` and ``end`` (the case list's flag), in one grouped query.

    Counted by ``persistence.statistics.window_absence`` — the same counting the statistics' per-case
    windows use: as ``workflow.attendance.summarize`` (days inside the window, weeks whose Thursday is
    inside it, lov left out, mixed units weighted by school days); a student whose records need
    ``summarize`` itself (PERIOD or PERCENT records, days mixed with weeks) is summed by it: the same figure
    as the case window. ``student_ids``: only these students (a worker's own), else every student.
    """
    ids = sa.select(students.c.id)
    if student_ids is not None:  # a worker's own students
        ids = ids.where(students.c.id.in_(student_ids))
    return window_absence(session, fixed_windows(ids, start, end))


# --- saved mappings -------------------------------------------------------------------------------------

def mappings(session: Session) -> list[MappingSpec]:
    found = session.execute(sa.select(attendance_mappings.c.spec).order_by(attendance_mappings.c.name))
    return [MappingSpec.from_json(spec) for (spec,) in found]


def mapping(session: Session, name: str) -> MappingSpec | None:
    spec = session.execute(sa.select(attendance_mappings.c.spec).where(attendance_mappings.c.name == name)).scalar()
    return MappingSpec.from_json(spec) if spec is not None else None


def save_mapping(session: Session, spec: MappingSpec, *, by: str) -> None:
    """Insert or replace the mapping called ``spec.name``."""
    m = attendance_mappings.c
    values = {"school": spec.school, "spec": spec.to_json(), "updated_at": utc_now(), "updated_by": by}
    existing = session.execute(sa.select(m.id).where(m.name == spec.name)).scalar()
    if existing is None:
        session.execute(attendance_mappings.insert().values(name=spec.name, **values))
    else:
        session.execute(attendance_mappings.update().where(m.id == existing).values(**values))


def delete_mapping(session: Session, name: str) -> bool:
    return session.execute(attendance_mappings.delete().where(attendance_mappings.c.name == name)).rowcount > 0
