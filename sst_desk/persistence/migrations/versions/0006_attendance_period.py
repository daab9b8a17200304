"""Attendance: period_end for PERIOD records ("frånvaro per elev"; issue 11)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 15:30:00

Write types as plain SQLAlchemy types, not the app's TypeDecorators: a migration is a frozen snapshot.
granularity and unit are VARCHAR(40) without a CHECK constraint (``types.str_enum``, native_enum=False,
create_constraint=False) on SQLite and PostgreSQL alike: "period" and "percent" need no change there.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period_end', sa.Date(), nullable=True))


def downgrade() -> None:
    # PERIOD records cannot be told apart from weeks without their end: they go with the column.
    op.execute("DELETE FROM attendance WHERE granularity = 'period'")
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_column('period_end')
