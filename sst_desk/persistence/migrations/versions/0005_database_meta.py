"""Database facts: a key/value table (demo mark, unfinished gallring)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 07:40:00

Write types as plain SQLAlchemy types, not the app's TypeDecorators: a migration is a frozen snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('database_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_database_meta'))
    )


def downgrade() -> None:
    op.drop_table('database_meta')
