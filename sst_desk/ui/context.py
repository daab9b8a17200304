"""What every window needs from the running app: the database, settings, who is working, the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..settings import ABSENCE_ALERT_PERCENT, ABSENCE_WARN_PERCENT, BOOSTER_MONTHS, TEAM_NAME, Settings
from ..workflow.attendance import Thresholds


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@dataclass
class AppContext:
    """Shared by the main window and the case windows; holds no session and no case."""

    db: object  # sst_desk.persistence.Database (kept untyped so ui tests can pass a fake)
    settings: Settings
    user: str
    catalogue: list = field(default_factory=list)
    clock: Callable[[], dt.datetime] = _now
    locker: object | None = None  # ui.lock.IdleLock of the running app (None in tests that need no lock)

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    @property
    def booster_months(self) -> int:
        return max(1, self.settings.get(BOOSTER_MONTHS))

    @property
    def team_name(self) -> str:
        return self.settings.get(TEAM_NAME)

    @property
    def thresholds(self) -> Thresholds:
        """The absence flags' limits from the settings (kept within 1–100 %, warn below alert)."""
        warn = min(100, max(1, self.settings.get(ABSENCE_WARN_PERCENT)))
        alert = min(100, max(1, self.settings.get(ABSENCE_ALERT_PERCENT)))
        return Thresholds(float(min(warn, alert)), float(max(warn, alert)))
