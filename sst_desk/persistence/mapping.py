"""Tables for the case file, and their imperative mapping onto the workflow's dataclasses.

The workflow classes stay plain dataclasses (``sst_desk.workflow.entities``);
``start_mappers()`` teaches SQLAlchemy to persist them without changing their
source. Foreign-key columns that the dataclasses do not declare (``case_id``,
``plan_id`` …) are mapped as extra attributes the ORM keeps in step itself.
Column types are portable: the same schema serves SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.orm import RelationshipProperty, registry, relationship

from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import (
    Assessment,
    Authority,
    Behorighet,
    ClosingReason,
    ContactKind,
    DocumentKind,
    EventKind,
    Factor,
    Gender,
    GoalArea,
    Level,
    Party,
    PlanStatus,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)
from sst_desk.workflow.attendance import Granularity, Unit
from sst_desk.workflow.entities import (
    Boostertraff,
    Case,
    CaseEvent,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Handlingsplan,
    Insats,
    Kartlaggning,
    KartlaggningDocument,
    Referral,
    Student,
    StudentView,
    Transition,
)

from sst_desk.persistence.types import IntEnumType, UTCDateTime, enum_list, str_enum

# Named constraints: SQLite batch migrations can only drop or alter what has a name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
mapper_registry = registry(metadata=metadata)


def _pk() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True)


def _parent(name: str, table: str, ondelete: str = "CASCADE", nullable: bool = False) -> sa.Column:
    # Indexed: PostgreSQL does not index foreign keys by itself, and loading a case selects by them.
    return sa.Column(name, sa.ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable, index=True)


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, default="")


students = sa.Table(
    "students",
    metadata,
    _pk(),
    sa.Column("first_name", sa.Text, nullable=False),
    sa.Column("last_name", sa.Text, nullable=False),
    sa.Column("school", sa.Text, nullable=False),
    sa.Column("grade", sa.Integer),
    sa.Column("gender", str_enum(Gender), nullable=False),
    sa.Column("personal_id", sa.String(20), index=True),
    sa.Column("protected_identity", sa.Boolean, nullable=False, default=False),
    sa.Index(None, "last_name", "first_name"),
    sa.Index(None, "school"),
)

guardians = sa.Table(
    "guardians",
    metadata,
    _pk(),
    _parent("student_id", "students"),
    sa.Column("name", sa.Text, nullable=False),
    _text("relation"),
    _text("phone"),
    _text("email"),
    _text("address"),
    _text("interpreter_language"),
    sa.Column("must_consent", sa.Boolean, nullable=False, default=True),
)

cases = sa.Table(
    "cases",
    metadata,
    _pk(),
    # RESTRICT: a student with a case file is never deleted from under it.
    _parent("student_id", "students", ondelete="RESTRICT"),
    sa.Column("raised_on", sa.Date, nullable=False),
    sa.Column("stage", str_enum(Stage), nullable=False, index=True),
    sa.Column("level", IntEnumType(Level), nullable=False),
    sa.Column("assessment", str_enum(Assessment), nullable=False),
    sa.Column("decision_on", sa.Date),
    _text("decision_ref"),
    sa.Column("raised_by", str_enum(RaisedBy), nullable=False),
    _text("raised_by_name"),
    _text("reason"),
    sa.Column("absence_percent", sa.Float),
    sa.Column("school_measures", enum_list(SchoolMeasure), nullable=False),
    _text("school_measures_note"),
    sa.Column("criteria_met", sa.Boolean),
    sa.Column("socionom", sa.Text, nullable=False, default="", index=True),
    _text("school_contact"),
    sa.Column("enrolled_on", sa.Date),
    sa.Column("closed_on", sa.Date),
    sa.Column("closing_reason", str_enum(ClosingReason)),
    _text("closing_note"),
    # Optimistic locking: each save bumps it; a save made from an older copy is refused (repository.merge).
    sa.Column("revision", sa.Integer, nullable=False, default=1, server_default="1"),
    sa.Column("gymnasiebehorighet", str_enum(Behorighet)),  # migration 0010: åk 9 at avslut
)

consents = sa.Table(
    "consents",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    # SET NULL: removing a guardian keeps the record that a consent was given.
    _parent("guardian_id", "guardians", ondelete="SET NULL", nullable=True),
    sa.Column("signer_kind", str_enum(SignerKind), nullable=False),
    sa.Column("signer_name", sa.Text, nullable=False),
    sa.Column("given_on", sa.Date, nullable=False),
    sa.Column("parties", enum_list(Party), nullable=False),
    _text("scope_note"),
    sa.Column("valid_until", sa.Date),
    sa.Column("withdrawn_on", sa.Date),
    _text("withdrawn_note"),
)

kartlaggningar = sa.Table(
    "kartlaggningar",
    metadata,
    _pk(),
    sa.Column("case_id", sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, unique=True),
    sa.Column("factors", enum_list(Factor), nullable=False),
    _text("school_notes"),
    _text("individual_notes"),
    _text("family_notes"),
    _text("other_notes"),
    sa.Column("protective_factors", enum_list(ProtectiveFactor), nullable=False),
    _text("protective_notes"),
    _text("guardians_view"),
    _text("summary"),
    sa.Column("started_on", sa.Date),
    sa.Column("completed_on", sa.Date),
)

kartlaggning_documents = sa.Table(
    "kartlaggning_documents",
    metadata,
    _pk(),
    _parent("kartlaggning_id", "kartlaggningar"),
    sa.Column("kind", str_enum(DocumentKind)),
    _text("label"),
    sa.Column("requested_on", sa.Date),
    sa.Column("received_on", sa.Date),
    _text("note"),
)

handlingsplaner = sa.Table(
    "handlingsplaner",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("status", str_enum(PlanStatus), nullable=False),
    sa.Column("created_on", sa.Date),
    sa.Column("follow_up_on", sa.Date),
    _text("guardians_view"),
    sa.Column("follow_up_time", sa.Time),  # migration 0010
    sa.Column("follow_up_place", sa.Text, nullable=False, default="", server_default=""),
)

goals = sa.Table(
    "goals",
    metadata,
    _pk(),
    _parent("plan_id", "handlingsplaner"),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("area", str_enum(GoalArea), nullable=False),
    _text("measure"),
    _text("baseline"),
    _text("target"),
    sa.Column("position", sa.Integer, nullable=False, default=0),
    sa.Column("target_absence_percent", sa.Float),
)

insatser = sa.Table(
    "insatser",
    metadata,
    _pk(),
    _parent("plan_id", "handlingsplaner"),
    _parent("goal_id", "goals", ondelete="SET NULL", nullable=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("catalogue_key", sa.Text),
    _text("description"),
    sa.Column("responsible_authority", str_enum(Authority)),
    _text("responsible_person"),
    sa.Column("start_on", sa.Date),
    sa.Column("end_on", sa.Date),
    sa.Column("position", sa.Integer, nullable=False, default=0),
)

contacts = sa.Table(
    "contacts",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("kind", str_enum(ContactKind), nullable=False),
    sa.Column("participants", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    _text("author"),
)

follow_ups = sa.Table(
    "follow_ups",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("plan_version", sa.Integer, nullable=False),
    sa.Column("absence_percent", sa.Float),
    _text("summary"),
)

goal_ratings = sa.Table(
    "goal_ratings",
    metadata,
    _pk(),
    _parent("follow_up_id", "follow_ups"),
    # RESTRICT: a goal that has been rated is part of the record and cannot vanish.
    _parent("goal_id", "goals", ondelete="RESTRICT"),
    sa.Column("rating", str_enum(Rating), nullable=False),
    _text("comment"),
)

boostertraffar = sa.Table(
    "boostertraffar",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("planned_on", sa.Date, nullable=False),
    sa.Column("held", sa.Boolean),
    sa.Column("held_on", sa.Date),
    _text("notes"),
    sa.Column("start_time", sa.Time),  # migration 0010
    sa.Column("place", sa.Text, nullable=False, default="", server_default=""),
)

referrals = sa.Table(
    "referrals",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("kind", str_enum(ReferralKind), nullable=False),
    sa.Column("made_on", sa.Date, nullable=False),
    sa.Column("to_whom", sa.Text, nullable=False),
    _text("note"),
)

student_views = sa.Table(
    "student_views",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("stage", str_enum(Stage), nullable=False),
    _text("text"),
)

transitions = sa.Table(
    "transitions",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("from_stage", str_enum(Stage)),
    sa.Column("to_stage", str_enum(Stage), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("by", sa.Text, nullable=False),
    _text("comment"),
)

case_events = sa.Table(
    "case_events",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("kind", str_enum(EventKind), nullable=False),
    _text("note"),
)

# --- Attendance (skollinjen; docs/attendance.md) ----------------------------------------------------

# One import of a school's export: who, when, which file (by hash, so the same file is recognised).
attendance_imports = sa.Table(
    "attendance_imports",
    metadata,
    _pk(),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("file_sha256", sa.String(64), nullable=False, index=True),
    sa.Column("mapping_name", sa.Text, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),  # records stored (new or changed)
    sa.Column("students", sa.Integer, nullable=False),
)

# What the school's export says about one student for one day or week. Kept per student, not per
# case (a student may come back); deleted with the student (gallring).
attendance = sa.Table(
    "attendance",
    metadata,
    _pk(),
    # Not indexed on its own: the unique key below starts with it, and a second index slows a big import.
    sa.Column("student_id", sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
    sa.Column("period_start", sa.Date, nullable=False),
    sa.Column("period_end", sa.Date),  # PERIOD records only: the last day of the period (migration 0006)
    sa.Column("granularity", str_enum(Granularity), nullable=False),
    sa.Column("unit", str_enum(Unit), nullable=False),
    sa.Column("scheduled", sa.Float, nullable=False),
    sa.Column("absent", sa.Float, nullable=False),
    sa.Column("valid", sa.Float),
    sa.Column("invalid", sa.Float),
    sa.Column("import_id", sa.ForeignKey("attendance_imports.id", ondelete="SET NULL")),
    # The natural key: importing an overlapping or the same export again replaces, never duplicates.
    sa.UniqueConstraint("student_id", "period_start", "granularity"),
)

# A saved column mapping for one school's export format, reused by the dialog and the command line.
attendance_mappings = sa.Table(
    "attendance_mappings",
    metadata,
    _pk(),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
    _text("school"),
    sa.Column("spec", sa.Text, nullable=False),  # JSON: sst_desk.importers.attendance.MappingSpec
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=False),
)

# --- Security: accounts, case membership, the access log (docs/security.md) ---------------------------

users = sa.Table(
    "users",
    metadata,
    _pk(),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    _text("display_name"),
    sa.Column("role", str_enum(Role), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),  # Argon2id, encoded with its parameters
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("must_change_password", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("last_login_at", UTCDateTime),
    sa.Column("phone", sa.Text, nullable=False, default="", server_default=""),  # migration 0010
)

# Who is responsible for a case: access by need. Deleting a case removes its members; a user is
# deactivated, never deleted, while they are a member of a case.
case_members = sa.Table(
    "case_members",
    metadata,
    sa.Column("case_id", sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="RESTRICT"), primary_key=True, index=True),
)

# The access log: append-only, a hash chain (sst_desk.persistence.accesslog). It names people and
# records by id, never by content, so gallring leaves nothing readable about the student in it.
access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", UTCDateTime, nullable=False, index=True),
    sa.Column("user_id", sa.Integer),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("case_id", sa.Integer, index=True),
    sa.Column("student_id", sa.Integer, index=True),
    _text("detail"),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# One row: the chain's newest entry. Appending updates it in the same transaction, which also
# serialises concurrent appenders (PostgreSQL: SELECT … FOR UPDATE; SQLite: BEGIN IMMEDIATE).
log_head = sa.Table(
    "log_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# Facts about this database itself, one row each (key → value as text): "demo" marks a demo database
# (its notice and shared password are decided here, never by the file name); "gallring_pending" holds
# the case ids of a purge that has not finished yet, so any start or gallring command completes it.
database_meta = sa.Table(
    "database_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# The team lead's sample checks of the log (HSLF-FS 2016:40 4 kap. 9 §) and their documented outcome.
sample_checks = sa.Table(
    "sample_checks",
    metadata,
    _pk(),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("reviewer", sa.String(64), nullable=False),
    sa.Column("period_from", sa.Date, nullable=False),
    sa.Column("period_to", sa.Date, nullable=False),
    _text("entries"),  # the log seqs looked at, comma-separated
    sa.Column("outcome", sa.String(32), nullable=False),
    _text("note"),
)

# Acting without a valid samtycke: what, on which legal ground, by whom. Also in the access log.
consent_overrides = sa.Table(
    "consent_overrides",
    metadata,
    _pk(),
    _parent("case_id", "cases"),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("purpose", sa.String(32), nullable=False),
    sa.Column("legal_ground", sa.Text, nullable=False),
    _text("note"),
)

# The team's settings (sst_desk.options, scope TEAM): one row per option that has been set, the value as
# text (``Option.encode``); an option without a row has its default. Who changed it last, and when.
team_settings = sa.Table(
    "team_settings",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=False),
)


_lock = threading.Lock()
_started = False


# The team server's sign-in sessions (sst_desk/server; docs/server.md): only a SHA-256 hash of each token is
# stored, so a copy of the database opens no session. A token lapses after ``idle`` without use (last_used_at)
# and at expires_at whatever happens; revoked_at is set by signing out, switching the account off, or a
# password change or reset (in the same transaction as the change).
server_sessions = sa.Table(
    "server_sessions",
    metadata,
    _pk(),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    _parent("user_id", "users"),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("last_used_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime),
)


# The team server's case rooms (issue 14; sst_desk/server/rooms.py, docs/server.md "Case rooms"): the shared
# document of a case as its full Yjs update, so a room is reopened with the history its clients synced
# against (a laptop that edited offline sends updates relative to it). ``revision`` is the case's stored
# revision the state was last saved with or loaded from. Deleting a case (gallring) deletes its row.
case_rooms = sa.Table(
    "case_rooms",
    metadata,
    sa.Column("case_id", sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("state", sa.LargeBinary, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)


def _children(target: type, order_by: list[sa.Column] | sa.Column) -> RelationshipProperty:
    """A collection the parent owns: saved, merged and deleted with it; removed items are deleted."""
    return relationship(target, cascade="all, delete-orphan", order_by=order_by)


def start_mappers() -> None:
    """Map the workflow classes onto the tables. Safe to call more than once (and from several threads)."""
    global _started
    with _lock:
        if _started:
            return
        _map()
        _started = True


def _map() -> None:
    m = mapper_registry.map_imperatively
    m(Guardian, guardians)
    m(Student, students, properties={"guardians": _children(Guardian, guardians.c.id)})
    m(Consent, consents, properties={"guardian": relationship(Guardian)})
    m(KartlaggningDocument, kartlaggning_documents)
    m(
        Kartlaggning,
        kartlaggningar,
        properties={"documents": _children(KartlaggningDocument, kartlaggning_documents.c.id)},
    )
    m(Goal, goals)
    m(Insats, insatser, properties={"goal": relationship(Goal)})
    m(
        Handlingsplan,
        handlingsplaner,
        properties={
            "goals": _children(Goal, [goals.c.position, goals.c.id]),
            "insatser": _children(Insats, [insatser.c.position, insatser.c.id]),
        },
    )
    m(ContactEntry, contacts)
    m(GoalRating, goal_ratings, properties={"goal": relationship(Goal)})
    m(FollowUp, follow_ups, properties={"ratings": _children(GoalRating, goal_ratings.c.id)})
    m(Boostertraff, boostertraffar)
    m(Referral, referrals)
    m(StudentView, student_views)
    m(Transition, transitions)
    m(CaseEvent, case_events)
    m(
        Case,
        cases,
        properties={
            "student": relationship(Student),
            "consents": _children(Consent, consents.c.id),
            "kartlaggning": relationship(Kartlaggning, cascade="all, delete-orphan", uselist=False),
            "plans": _children(Handlingsplan, [handlingsplaner.c.version, handlingsplaner.c.id]),
            "contacts": _children(ContactEntry, contacts.c.id),
            "follow_ups": _children(FollowUp, follow_ups.c.id),
            "boosters": _children(Boostertraff, boostertraffar.c.id),
            "referrals": _children(Referral, referrals.c.id),
            "student_views": _children(StudentView, student_views.c.id),
            "transitions": _children(Transition, transitions.c.id),
            "events": _children(CaseEvent, [case_events.c.on, case_events.c.id]),
        },
    )
