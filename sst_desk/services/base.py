"""What a service needs from storage: a unit-of-work factory and the unit of work's shape.

A service is a plain function ``use_case(uow, actor, ...)``:

* ``uow`` is a *factory* (``Database.uow`` in the app, a fake in the service tests):
  ``with uow(actor) as tx:`` opens one transaction acting as ``actor``; leaving the
  block without ``tx.commit()`` rolls it back.
* ``actor`` is the signed-in person (``workflow.access.Actor``); access is checked and
  logged inside the same transaction (``tx.require`` / ``tx.require_case`` / ``tx.log``).
* Arguments and results are plain workflow objects (``Case``, ``CaseRow``, dataclasses,
  numbers, strings, paths): nothing that holds a session, so the same call can be sent
  to the team server (issue 13) and answered there.

Rules live in ``workflow/``; a service looks up what it needs, asks the workflow rule,
and writes. Services never import Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import Protocol

from sst_desk.workflow.access import Action, Actor, Resource
from sst_desk.workflow.logchain import LogAction


class TeamSettingsStore(Protocol):
    """The team's settings rows (``persistence.settings_repository.TeamSettingsRepository``)."""

    def stored(self) -> dict[str, str]: ...

    def is_empty(self) -> bool: ...

    def put(self, values: Mapping[str, str], *, by: str, at: dt.datetime) -> None: ...


class UnitOfWork(Protocol):
    """The part of ``persistence.uow.UnitOfWork`` a service may use (the fake in tests offers the same)."""

    actor: Actor | None
    team_settings: TeamSettingsStore

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def log(self, action: LogAction, *, case_id: int | None = None, student_id: int | None = None,
            detail: str = "") -> None: ...

    def flush_log(self) -> object:
        """Append the entries ``log`` recorded now rather than at ``commit`` (an action reading its own entry)."""

    def may(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> bool: ...

    def require_case(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> int | None: ...

    def require(self, resource: Resource, action: Action) -> None: ...

    def changed(self, case_id: int) -> None:
        """This transaction changes the case: when it commits, the team's clients hear of it (issue 13)."""

    def changed_students(self, student_ids: Iterable[int]) -> None:
        """What these students' cases show changes (attendance): each of their cases is told on commit."""


UowFactory = Callable[[Actor | None], UnitOfWork]
"""``Database.uow``: called with the person acting, returns a unit of work to enter."""
