"""The service door for tests that hold a ``Database``: ``door(db).cases.load_case(7)``,
``door(db).accesslog.query_log(action="print")`` — the calls the window and the command line make.

Without ``actor`` the door acts as whoever is signed in on ``db`` at the time of each call
(``Database.uow(None)`` reads ``db.actor``), as the app's door does, so a test may switch ``db.actor``
between calls.
"""

from __future__ import annotations

from sst_desk.services import Door


def door(db, actor=None) -> Door:
    return Door(db.uow, actor)
