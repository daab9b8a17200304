"""The service layer called the way the window calls it: ``Door(db.uow, db.actor).<group>.<use_case>``.

``logreview.query_log(db, ...)`` reads as the old storage call did, and acts as whoever is signed in on
``db`` when it is called (tests switch ``db.actor`` between calls), through the real door.
"""

from __future__ import annotations

from typing import Any

from sst_desk.services import Door


class DoorGroup:
    """One service group, each use case taking the database first."""

    def __init__(self, group: str) -> None:
        self._group = group

    def __getattr__(self, name: str) -> Any:
        def call(db: Any, *args: Any, **kwargs: Any) -> Any:
            return getattr(getattr(Door(db.uow, db.actor), self._group), name)(*args, **kwargs)

        call.__name__ = name
        return call


logreview = DoorGroup("accesslog")
