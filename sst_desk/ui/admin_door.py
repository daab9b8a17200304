"""The door the administrative dialogs call through: the services, acting as whoever is signed in now.

Built on each call, not kept: the signed-in person can change while a dialog is open (an administrator
who edits their own role acts with the new one from then on).
"""

from __future__ import annotations

from ..services import Door
from .context import AppContext


def door_of(context: AppContext) -> Door:
    """``Door(db.uow, db.actor)`` for the app's database and its signed-in person."""
    db = context.db
    return Door(db.uow, db.actor)  # type: ignore[attr-defined]
