"""The team's settings in its database: one row per option that has been set (table ``team_settings``).

Values are stored as text (``sst_desk.options.Option.encode``); typing, defaults and checks belong to the
registry (``sst_desk.options``) and the service (``sst_desk.services.settings``), not to this repository.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.persistence.mapping import team_settings


class TeamSettingsRepository:
    """The ``team_settings`` rows in one session (a unit of work's)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def stored(self) -> dict[str, str]:
        """Every stored value by option name (an option without a row has its default)."""
        rows = self.session.execute(sa.select(team_settings.c.name, team_settings.c.value))
        return {row.name: row.value for row in rows}

    def is_empty(self) -> bool:
        """True when no team setting has ever been stored (a database from before issue 12, or a new one)."""
        return self.session.execute(sa.select(team_settings.c.name).limit(1)).first() is None

    def put(self, values: Mapping[str, str], *, by: str, at: dt.datetime) -> None:
        """Store ``values`` (name → encoded text), replacing what was stored under those names."""
        if not values:
            return
        self.session.execute(sa.delete(team_settings).where(team_settings.c.name.in_(list(values))))
        self.session.execute(sa.insert(team_settings), [
            {"name": name, "value": text, "updated_at": at, "updated_by": by} for name, text in values.items()])
