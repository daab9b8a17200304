"""The case list's read model: one plain row per case, cheap to build for thousands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sst_desk.workflow.attention import Attention
from sst_desk.workflow.codes import Level, Stage


@dataclass(frozen=True)
class CaseRow:
    """What the case list, `sst-desk cases` and searches show of one case."""

    case_id: int
    student_name: str
    personal_id: str | None
    school: str
    grade: int | None
    stage: Stage
    level: Level
    socionom: str
    raised_on: dt.date
    next_due: dt.date | None
    attention: frozenset[Attention]
    protected_identity: bool = False
    term_absence_percent: float | None = None  # absence this term so far, from the imported attendance


@dataclass(frozen=True)
class Search:
    """What a case-list search matches: a part of the name or school, or 4+ digits of the personnummer.

    ``Search.of(text)`` reads what was typed; ``key(row)`` is computed once per row and ``matches(key)``
    is then a few substring tests, so a list of 20,000 cases filters within a keystroke.
    """

    needle: str = ""
    digits: str = ""

    MIN_DIGITS = 4  # fewer digits would match almost every personnummer

    @classmethod
    def of(cls, text: str) -> Search:
        return cls(text.strip().casefold(), "".join(ch for ch in text if ch.isdigit()))

    @staticmethod
    def key(row: CaseRow) -> tuple[str, str, str]:
        """The folded name, the school (empty for a protected student: not shown, so not searchable) and the
        personnummer's digits."""
        return (row.student_name.casefold(), "" if row.protected_identity else row.school.casefold(),
                (row.personal_id or "").replace("-", ""))

    def matches(self, key: tuple[str, str, str]) -> bool:
        name, school, digits = key
        if not self.needle or self.needle in name or self.needle in school:
            return True
        return len(self.digits) >= self.MIN_DIGITS and self.digits in digits
