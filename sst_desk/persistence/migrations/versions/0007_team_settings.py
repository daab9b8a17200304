"""Team settings: the team's policy in its database (issue 12)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 18:20:00

Retention, the boosterträff interval, the absence limits and the letterhead were kept in each computer's
settings file; now two laptops of one team read the same rows. The first start after the upgrade copies
what that computer had (``services.settings.adopt_computer_settings``), so the table starts empty here.

Write types as plain SQLAlchemy types, not the app's TypeDecorators: a migration is a frozen snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('team_settings',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_team_settings'))
    )


def downgrade() -> None:
    op.drop_table('team_settings')
