"""What every window needs from the running app: the door to the data, settings, who is working, the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sst_desk.options import TeamSettings
from sst_desk.settings import Settings
from sst_desk.workflow.attendance import Thresholds


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def door_for(db):
    """The use cases on ``db`` as its signed-in person: a file's ``Door``, or a team server's remote door."""
    from sst_desk.ui.accounts.session import on_server

    if on_server(db):
        return db.door
    from sst_desk.services import Door

    return Door(db.uow, getattr(db, "actor", None))


@dataclass
class AppContext:
    """Shared by the main window and the case windows; holds no session and no case."""

    db: object  # sst_desk.persistence.Database, or remote.connection.ServerConnection (untyped: ui tests pass fakes)
    settings: Settings
    user: str
    catalogue: list = field(default_factory=list)
    clock: Callable[[], dt.datetime] = _now
    locker: object | None = None  # ui.lock.IdleLock of the running app (None in tests that need no lock)
    # The team's settings as read from its database at sign-in (app.build_context), and again after the
    # settings dialog saves them: the properties below read this copy, never the database on the UI thread.
    team: TeamSettings = field(default_factory=TeamSettings)

    @property
    def door(self):
        """The use cases (``services.Door``), acting as the person signed in on ``db`` now.

        Made from ``db`` on each use rather than kept: a restore replaces ``db`` and a sign-in or a
        change of name replaces its actor, and the door must follow both. (A door is two references.)
        Read it on the UI thread and hand it to the background work. On a team server it is the
        session's remote door (``remote.connection.ServerConnection``): the same use cases, run there.
        """
        return door_for(self.db)

    @property
    def live(self):
        """Where colleagues' changes come from as they happen (``remote.events.EventSource``, issue 13): the
        team server session the window works on; None on a database file, where nobody else's change is told."""
        return self.db if callable(getattr(self.db, "events_request", None)) else None

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    @property
    def booster_months(self) -> int:
        return self.team.booster_months

    @property
    def team_name(self) -> str:
        return self.team.team_name

    @property
    def thresholds(self) -> Thresholds:
        """The absence flags' limits from the team's settings (the registry keeps them 1–100 %, warn below alert)."""
        warn, alert = self.team.absence_warn_percent, self.team.absence_alert_percent
        return Thresholds(float(min(warn, alert)), float(max(warn, alert)))  # a hand-edited database, too
