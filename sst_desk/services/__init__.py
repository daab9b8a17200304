"""The one door to the data: the window, the command line and the team server all go through here.

Each module is one group of use cases (``cases``, ``printing``, ``attendance``,
``accounts``, ``accesslog``, ``gallring``, ``extract``, ``backups``, ``settings``, ``rooms``, ``statistics``…).
A use case is a plain function ``use_case(uow, actor, ...)`` (see ``base.py``);
the module lists its public use cases in ``USE_CASES``.

Callers do not pass ``uow`` and ``actor`` every time: they hold a ``Door`` bound to
the database and the signed-in person::

    door = Door(db.uow, actor)
    case = door.cases.load_case(case_id)

A remote door (issue 13) offers the same attributes and sends the same calls, by
group and name, to the team server, which runs them through its own ``Door``.
Only names listed in a module's ``USE_CASES`` can be called through a door.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Any

from sst_desk.workflow.access import Actor

from sst_desk.services.base import UnitOfWork, UowFactory

GROUPS: tuple[str, ...] = (
    "cases", "printing", "attendance", "accounts", "accesslog", "gallring", "extract", "backups", "settings",
    "offline", "rooms", "agenda", "statistics",
)
"""The use-case modules a door opens (each has ``USE_CASES``)."""


def group_module(group: str) -> ModuleType:
    """The services module for ``group`` (imported on first use: start-up stays light)."""
    if group not in GROUPS:
        raise AttributeError(f"no service group {group!r}")
    return importlib.import_module(f"{__name__}.{group}")


class _Bound:
    """One group's use cases with ``uow`` and ``actor`` filled in."""

    def __init__(self, module: ModuleType, uow: UowFactory, actor: Actor | None) -> None:
        self._module, self._uow, self._actor = module, uow, actor

    def __getattr__(self, name: str) -> Any:
        if name not in getattr(self._module, "USE_CASES", ()):
            raise AttributeError(f"{self._module.__name__} has no use case {name!r}")
        bound = functools.partial(getattr(self._module, name), self._uow, self._actor)
        setattr(self, name, bound)
        return bound


class Door:
    """Every use case, acting as one person: ``door.cases.load_case(7)``."""

    def __init__(self, uow: UowFactory, actor: Actor | None) -> None:
        self.uow = uow
        self.actor = actor

    def __getattr__(self, group: str) -> _Bound:
        if group.startswith("_"):
            raise AttributeError(group)
        bound = _Bound(group_module(group), self.uow, self.actor)
        setattr(self, group, bound)
        return bound

    def acting_as(self, actor: Actor | None) -> Door:
        """The same door for another person (after a sign-in or a change of user)."""
        return Door(self.uow, actor)


__all__ = ["Door", "GROUPS", "UnitOfWork", "UowFactory", "group_module"]
