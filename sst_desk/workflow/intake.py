"""Registering a student: whether the student already has a case, and what the person may be told of it.

The person's own case list shows only their cases; a kurator once registered a student twice. So before a
case is created the whole register is asked (by the normalised personnummer). A case the person sees is
named, and they decide whether a second case is right; a case they may not see is only said to exist — the
registration stops and they ask the team lead (its stage or worker could tell them more than they may know).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sst_desk.workflow.caselist import CaseRow


@dataclass(frozen=True)
class ExistingCase:
    """The student already has a case: ``seen`` is one the person sees (ask them), else it is ``hidden``."""

    seen: CaseRow | None = None

    @property
    def hidden(self) -> bool:
        """True when the person may not see the case: registering again stops (ask the team lead)."""
        return self.seen is None


def existing_case(personal_id: str | None, seen: Sequence[CaseRow],
                  count_in_register: Callable[[str], int]) -> ExistingCase | None:
    """Whether the student with ``personal_id`` already has a case (None: no, or no personnummer to tell by).

    ``seen`` are the case list's rows; ``count_in_register`` counts the whole register's cases of a
    personnummer and is asked only when none of the person's own rows is the student's.
    """
    if not personal_id:
        return None
    mine = next((row for row in seen if row.personal_id == personal_id), None)
    if mine is not None:
        return ExistingCase(seen=mine)
    return ExistingCase() if count_in_register(personal_id) else None
