"""Rules about a case as a whole: who stays responsible for it, and what an override must state.

Each rule is a pure function returning a finding: ``None`` when the action may go ahead, otherwise a
``CaseRule`` code saying why not. The services enforce them (``services/cases.py`` raises
``CaseRuleError``); widgets ask the same function to show the finding before anyone presses OK.

Pure code: no Qt, no database.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sst_desk.workflow.access import Role


class CaseRule(enum.StrEnum):
    """Why a change to a case is refused."""

    NOBODY_RESPONSIBLE = "nobody_responsible"  # a case keeps at least one responsible person
    NO_LEGAL_GROUND = "no_legal_ground"  # acting without consent needs a stated legal ground


class CaseRuleError(ValueError):
    """A service refused a change because a rule in this module says no; ``reason`` is the ``CaseRule``."""

    def __init__(self, reason: CaseRule) -> None:
        self.reason = reason
        super().__init__({
            CaseRule.NOBODY_RESPONSIBLE: "a case needs at least one responsible person",
            CaseRule.NO_LEGAL_GROUND: "an override needs a legal ground",
        }[reason])


def members_finding(user_ids: Iterable[int]) -> CaseRule | None:
    """Whether ``user_ids`` may become a case's members: with nobody, only a team lead could find it again."""
    return None if any(True for _ in user_ids) else CaseRule.NOBODY_RESPONSIBLE


def override_finding(legal_ground: str) -> CaseRule | None:
    """Whether an override states a legal ground (the text stored with the case; blank is none)."""
    return None if legal_ground.strip() else CaseRule.NO_LEGAL_GROUND


WORKER_ROLES: frozenset[Role] = frozenset({Role.SKOLSOCIONOM, Role.KURATOR, Role.TEAMLEDARE})
"""Who can be responsible for a case (administrators do not work with cases)."""


@dataclass(frozen=True)
class Member:
    """A person who is (or may become) responsible for a case, as the members dialog shows them."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool

    @property
    def name(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class Override:
    """Acting without a valid samtycke: the legal ground the person stated, and their note."""

    legal_ground: str
    note: str = ""
