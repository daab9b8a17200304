"""The team's settings: read them, change them, and adopt this computer's old ones once after the upgrade.

Retention, the boosterträff interval, the absence limits, the team's name, logo, contact lines and consent
text are the team's policy (``sst_desk.options``, scope TEAM), kept in the team's database so that every
laptop gallrar and prints by the same rules. This computer's own options (language, window geometry …)
stay in ``sst_desk.settings``.

* ``team_settings``: every signed-in person reads them (the case list's absence flags, the boosterträff
  proposal and every print need them). Reading them is not logged: they hold nothing about a student.
* ``change_team_settings``: needs SETTINGS × EDIT (an administrator); checked by the registry
  (``options.problems``), written and logged in one transaction.
* ``adopt_computer_settings``: at the first start after the upgrade, what this computer kept of the team
  options is copied into the database — only while the database has none, so it happens once per team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sst_desk.options import (
    ABSENCE_ALERT_PERCENT,
    ABSENCE_WARN_PERCENT,
    BY_NAME,
    TEAM_OPTIONS,
    SettingProblem,
    TeamSettings,
    normalised,
    problems,
)
from sst_desk.workflow.access import Action, Actor, Resource
from sst_desk.workflow.logchain import LogAction

from sst_desk.services.base import UnitOfWork, UowFactory

USE_CASES = ("team_settings", "change_team_settings", "adopt_computer_settings")


class SettingsRefused(ValueError):
    """Team values that cannot be saved; ``problems`` says which and why (by option name)."""

    def __init__(self, found: Mapping[str, SettingProblem]) -> None:
        self.problems = dict(found)
        super().__init__("team settings refused: " + ", ".join(f"{k}: {v.value}" for k, v in self.problems.items()))


def team_settings(uow: UowFactory, actor: Actor | None) -> TeamSettings:
    """The team's settings as stored (defaults for what was never set)."""
    with uow(actor) as tx:
        return TeamSettings.from_stored(tx.team_settings.stored())


def change_team_settings(uow: UowFactory, actor: Actor | None, changes: Mapping[str, object]) -> TeamSettings:
    """Change some of the team's settings (by option name); returns all of them as now stored.

    Raises ``AccessDeniedError`` (logged) without SETTINGS × EDIT, and ``SettingsRefused`` — nothing
    written — when a value is out of range or the values disagree (the high-absence limit not above the
    first). Only values that differ from the stored ones are written and logged.
    """
    wanted = {name: normalised(name, value) for name, value in changes.items()}
    with uow(actor) as tx:
        tx.require(Resource.SETTINGS, Action.EDIT)
        current = TeamSettings.from_stored(tx.team_settings.stored())
        unknown = {name: SettingProblem.UNKNOWN for name in wanted if name not in current.as_dict()}
        if unknown:
            raise SettingsRefused(unknown)
        found = problems({**current.as_dict(), **wanted})
        if found:
            raise SettingsRefused(found)
        changed = {name: value for name, value in wanted.items() if current.as_dict()[name] != value}
        if changed:
            _store(tx, changed, actor)
            tx.log(LogAction.SETTINGS_CHANGED, detail=_detail(changed))
            tx.commit()
        return TeamSettings.from_stored(tx.team_settings.stored())


def adopt_computer_settings(uow: UowFactory, actor: Actor | None, values: Mapping[str, object]) -> bool:
    """Store what this computer kept of the team options, once: only when the database has no team setting.

    ``values`` comes from ``sst_desk.settings.computer_team_values``. Each value is checked on its own;
    one the registry refuses is left out (its default applies), and when the pair of absence limits
    disagrees both are left out. Any signed-in person's first start does this: it changes no decision the
    team has stored, it keeps what this computer printed with. Returns True when something was stored.
    """
    kept = {name: normalised(name, value) for name, value in values.items()
            if name in BY_NAME and BY_NAME[name].team and BY_NAME[name].problem(normalised(name, value)) is None}
    found = problems({**TeamSettings().as_dict(), **kept})
    if found.get(ABSENCE_ALERT_PERCENT.name) is SettingProblem.ALERT_NOT_ABOVE_WARN:
        found[ABSENCE_WARN_PERCENT.name] = SettingProblem.ALERT_NOT_ABOVE_WARN  # the pair goes together
    kept = {name: value for name, value in kept.items() if name not in found}
    with uow(actor) as tx:
        if not kept or not tx.team_settings.is_empty():
            return False
        _store(tx, kept, actor)
        tx.log(LogAction.SETTINGS_CHANGED, detail="computer:" + _detail(kept))
        tx.commit()
        return True


def _store(tx: UnitOfWork, values: Mapping[str, object], actor: Actor | None) -> None:
    encoded = {o.name: o.encode(values[o.name]) for o in TEAM_OPTIONS if o.name in values}
    tx.team_settings.put(encoded, by=actor.username if actor is not None else "", at=dt.datetime.now(dt.UTC))


def _detail(values: Mapping[str, object]) -> str:
    """For the access log: which settings, with the new value of the whole-number ones (texts by name only)."""
    return ",".join(f"{name}={value}" if BY_NAME[name].type is int else name for name, value in sorted(values.items()))
