"""A unit of work for the settings service, in memory: the team's rows, access checks and the access log.

It keeps the real unit of work's semantics that the service relies on: a transaction sees a copy of the
rows and only ``commit()`` makes its writes stick; ``require`` asks ``workflow.access.allowed`` and, on a
refusal, logs it (committed on its own) and raises ``AccessDeniedError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.workflow.access import Action, Actor, Resource, Role, allowed
from sst_desk.workflow.logchain import LogAction

ADMIN = Actor(1, "adam", "Adam Admin", Role.ADMINISTRATOR)
LEAD = Actor(2, "tove", "Tove Teamledare", Role.TEAMLEDARE)
WORKER = Actor(3, "sara", "Sara Socionom", Role.SKOLSOCIONOM)


@dataclass
class Row:
    value: str
    updated_by: str
    updated_at: dt.datetime


@dataclass
class FakeStore:
    """What the database holds: the ``team_settings`` rows and the access log, as (username, action, detail)."""

    rows: dict[str, Row] = field(default_factory=dict)
    log: list[tuple[str, str, str]] = field(default_factory=list)
    commits: int = 0


class FakeTeamSettings:
    def __init__(self, rows: dict[str, Row]) -> None:
        self.rows = rows

    def stored(self) -> dict[str, str]:
        return {name: row.value for name, row in self.rows.items()}

    def is_empty(self) -> bool:
        return not self.rows

    def put(self, values: Mapping[str, str], *, by: str, at: dt.datetime) -> None:
        assert at.tzinfo is not None, "stored times are aware UTC"
        for name, text in values.items():
            self.rows[name] = Row(text, by, at)


class FakeUow:
    """One transaction over a ``FakeStore``."""

    def __init__(self, store: FakeStore, actor: Actor | None) -> None:
        self.store, self.actor = store, actor

    def __enter__(self) -> FakeUow:
        self.team_settings = FakeTeamSettings(dict(self.store.rows))
        self._log: list[tuple[str, str, str]] = []
        return self

    def __exit__(self, *exc: object) -> None:
        self.team_settings = None  # type: ignore[assignment] - used after the block is a bug in the service

    def commit(self) -> None:
        self.store.rows = dict(self.team_settings.rows)
        self.store.log += self._log
        self.store.commits += 1
        self._log = []

    def rollback(self) -> None:
        self.team_settings = FakeTeamSettings(dict(self.store.rows))
        self._log = []

    def log(self, action: LogAction, *, case_id: int | None = None, student_id: int | None = None,
            detail: str = "") -> None:
        if self.actor is not None:
            self._log.append((self.actor.username, str(action), detail))

    def require(self, resource: Resource, action: Action) -> None:
        if self.actor is None or allowed(self.actor, resource, action):
            return
        self.rollback()
        self.log(LogAction.DENIED, detail=f"{resource.value}:{action.value}")
        self.commit()
        raise AccessDeniedError(f"{resource.value}:{action.value}", None, None)

    def may(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> bool:
        raise AssertionError("the settings service asks about no case")

    def require_case(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> int | None:
        raise AssertionError("the settings service asks about no case")


def fake_uow(store: FakeStore):
    """A ``Database.uow``-shaped factory over ``store``."""
    return lambda actor: FakeUow(store, actor)
