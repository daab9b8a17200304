"""Meetings and avslut (issue 15): a time and place for the boosterträff and the uppföljning, the worker's
phone, gymnasiebehörighet at avslut

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 02:06:58.457554

Only new columns: each is nullable or has a server default (""), so an existing database upgrades in place
(after the backup the migration machinery makes first) and keeps every row. ``cases.gymnasiebehorighet`` holds
a ``codes.Behorighet`` value (NULL: not recorded; only asked for a student in årskurs 9 at avslut).

Write types as plain SQLAlchemy types (sa.String, sa.JSON …), not the app's
TypeDecorators: a migration is a frozen snapshot and must not change when the
models do. Use op.batch_alter_table(...) to alter a table (SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('boostertraffar', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_time', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('place', sa.Text(), server_default='', nullable=False))

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gymnasiebehorighet', sa.String(length=40), nullable=True))

    with op.batch_alter_table('handlingsplaner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_up_time', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('follow_up_place', sa.Text(), server_default='', nullable=False))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.Text(), server_default='', nullable=False))



def downgrade() -> None:
    # Plain DROP COLUMN (SQLite ≥ 3.35 has it), not a batch copy: copying ``cases`` or ``handlingsplaner``
    # would drop a table other rows point at, which SQLite's foreign keys refuse once there is data.
    op.drop_column('users', 'phone')
    op.drop_column('handlingsplaner', 'follow_up_place')
    op.drop_column('handlingsplaner', 'follow_up_time')
    op.drop_column('cases', 'gymnasiebehorighet')
    op.drop_column('boostertraffar', 'place')
    op.drop_column('boostertraffar', 'start_time')
