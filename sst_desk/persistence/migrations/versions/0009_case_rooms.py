"""Case rooms: the shared document of each case open for co-editing, kept between sessions (issue 14)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 23:40:00

The team server's case room (``sst_desk/server/rooms.py``) keeps its document's full Yjs state here, with the
case's revision it was last saved with or loaded from. A room is reopened from this state, never rebuilt
from the tables: a laptop that edited offline sends updates against the room's history, and a rebuilt
document would take them as new text (duplicated). The row goes with its case (ON DELETE CASCADE:
gallring). A laptop's own file never has rows in it.

Write types as plain SQLAlchemy types, not the app's TypeDecorators: a migration is a frozen snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('case_rooms',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.LargeBinary(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_rooms_case_id_cases'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', name=op.f('pk_case_rooms'))
    )


def downgrade() -> None:
    op.drop_table('case_rooms')
