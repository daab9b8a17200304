"""Initial schema: the case file from aktualisering to boosterträff.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Enums are plain VARCHAR(40) holding the enum's value (no CHECK constraint, so
adding a value needs no migration); lists of enum values are JSON arrays;
``transitions.at`` is naive UTC.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pk(table: str) -> list[SchemaItem]:
    return [sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))]


def _fk(table: str, column: str, target: str, ondelete: str = "CASCADE", nullable: bool = False) -> list[SchemaItem]:
    return [
        sa.Column(column, sa.Integer(), nullable=nullable),
        sa.ForeignKeyConstraint(
            [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
        ),
    ]


def _code(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length=40), nullable=nullable)


def _text(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.Text(), nullable=False) for name in names]


def _dates(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.Date(), nullable=True) for name in names]


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns), unique=False)


def upgrade() -> None:
    op.create_table(
        "students",
        *_pk("students"),
        *_text("first_name", "last_name", "school"),
        sa.Column("grade", sa.Integer(), nullable=True),
        _code("gender"),
        sa.Column("personal_id", sa.String(length=20), nullable=True),
        sa.Column("protected_identity", sa.Boolean(), nullable=False),
    )
    _index("students", "last_name", "first_name")
    _index("students", "personal_id")
    _index("students", "school")

    op.create_table(
        "guardians",
        *_pk("guardians"),
        *_fk("guardians", "student_id", "students"),
        *_text("name", "relation", "phone", "email", "address", "interpreter_language"),
        sa.Column("must_consent", sa.Boolean(), nullable=False),
    )
    _index("guardians", "student_id")

    op.create_table(
        "cases",
        *_pk("cases"),
        *_fk("cases", "student_id", "students", ondelete="RESTRICT"),
        sa.Column("raised_on", sa.Date(), nullable=False),
        _code("stage"),
        sa.Column("level", sa.Integer(), nullable=False),
        _code("assessment"),
        *_dates("decision_on"),
        *_text("decision_ref"),
        _code("raised_by"),
        *_text("raised_by_name", "reason"),
        sa.Column("absence_percent", sa.Float(), nullable=True),
        sa.Column("school_measures", sa.JSON(), nullable=False),
        *_text("school_measures_note"),
        sa.Column("criteria_met", sa.Boolean(), nullable=True),
        *_text("socionom", "school_contact"),
        *_dates("enrolled_on", "closed_on"),
        _code("closing_reason", nullable=True),
        *_text("closing_note"),
    )
    _index("cases", "student_id")
    _index("cases", "stage")
    _index("cases", "socionom")

    op.create_table(
        "consents",
        *_pk("consents"),
        *_fk("consents", "case_id", "cases"),
        *_fk("consents", "guardian_id", "guardians", ondelete="SET NULL", nullable=True),
        _code("signer_kind"),
        *_text("signer_name"),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        *_text("scope_note"),
        *_dates("valid_until", "withdrawn_on"),
        *_text("withdrawn_note"),
    )
    _index("consents", "case_id")
    _index("consents", "guardian_id")

    op.create_table(
        "kartlaggningar",
        *_pk("kartlaggningar"),
        *_fk("kartlaggningar", "case_id", "cases"),
        sa.UniqueConstraint("case_id", name=op.f("uq_kartlaggningar_case_id")),
        sa.Column("factors", sa.JSON(), nullable=False),
        *_text("school_notes", "individual_notes", "family_notes", "other_notes"),
        sa.Column("protective_factors", sa.JSON(), nullable=False),
        *_text("protective_notes", "guardians_view", "summary"),
        *_dates("started_on", "completed_on"),
    )

    op.create_table(
        "kartlaggning_documents",
        *_pk("kartlaggning_documents"),
        *_fk("kartlaggning_documents", "kartlaggning_id", "kartlaggningar"),
        _code("kind", nullable=True),
        *_text("label"),
        *_dates("requested_on", "received_on"),
        *_text("note"),
    )
    _index("kartlaggning_documents", "kartlaggning_id")

    op.create_table(
        "handlingsplaner",
        *_pk("handlingsplaner"),
        *_fk("handlingsplaner", "case_id", "cases"),
        sa.Column("version", sa.Integer(), nullable=False),
        _code("status"),
        *_dates("created_on", "follow_up_on"),
        *_text("guardians_view"),
    )
    _index("handlingsplaner", "case_id")

    op.create_table(
        "goals",
        *_pk("goals"),
        *_fk("goals", "plan_id", "handlingsplaner"),
        *_text("description"),
        _code("area"),
        *_text("measure", "baseline", "target"),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    _index("goals", "plan_id")

    op.create_table(
        "insatser",
        *_pk("insatser"),
        *_fk("insatser", "plan_id", "handlingsplaner"),
        *_fk("insatser", "goal_id", "goals", ondelete="SET NULL", nullable=True),
        *_text("name"),
        sa.Column("catalogue_key", sa.Text(), nullable=True),
        *_text("description"),
        _code("responsible_authority", nullable=True),
        *_text("responsible_person"),
        *_dates("start_on", "end_on"),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    _index("insatser", "plan_id")
    _index("insatser", "goal_id")

    op.create_table(
        "contacts",
        *_pk("contacts"),
        *_fk("contacts", "case_id", "cases"),
        sa.Column("on", sa.Date(), nullable=False),
        _code("kind"),
        *_text("participants", "summary", "author"),
    )
    _index("contacts", "case_id")

    op.create_table(
        "follow_ups",
        *_pk("follow_ups"),
        *_fk("follow_ups", "case_id", "cases"),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.Column("absence_percent", sa.Float(), nullable=True),
        *_text("summary"),
    )
    _index("follow_ups", "case_id")

    op.create_table(
        "goal_ratings",
        *_pk("goal_ratings"),
        *_fk("goal_ratings", "follow_up_id", "follow_ups"),
        *_fk("goal_ratings", "goal_id", "goals", ondelete="RESTRICT"),
        _code("rating"),
        *_text("comment"),
    )
    _index("goal_ratings", "follow_up_id")
    _index("goal_ratings", "goal_id")

    op.create_table(
        "boostertraffar",
        *_pk("boostertraffar"),
        *_fk("boostertraffar", "case_id", "cases"),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=True),
        *_dates("held_on"),
        *_text("notes"),
    )
    _index("boostertraffar", "case_id")

    op.create_table(
        "referrals",
        *_pk("referrals"),
        *_fk("referrals", "case_id", "cases"),
        _code("kind"),
        sa.Column("made_on", sa.Date(), nullable=False),
        *_text("to_whom", "note"),
    )
    _index("referrals", "case_id")

    op.create_table(
        "student_views",
        *_pk("student_views"),
        *_fk("student_views", "case_id", "cases"),
        _code("stage"),
        *_text("text"),
    )
    _index("student_views", "case_id")

    op.create_table(
        "transitions",
        *_pk("transitions"),
        *_fk("transitions", "case_id", "cases"),
        _code("from_stage", nullable=True),
        _code("to_stage"),
        sa.Column("at", sa.DateTime(), nullable=False),
        *_text("by", "comment"),
    )
    _index("transitions", "case_id")


def downgrade() -> None:
    # Children first; dropping a table drops its indexes.
    for table in (
        "transitions",
        "student_views",
        "referrals",
        "boostertraffar",
        "goal_ratings",
        "follow_ups",
        "contacts",
        "insatser",
        "goals",
        "handlingsplaner",
        "kartlaggning_documents",
        "kartlaggningar",
        "consents",
        "cases",
        "guardians",
        "students",
    ):
        op.drop_table(table)
