"""The case list's read model: one plain row per case, cheap to build for thousands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .attention import Attention
from .codes import Level, Stage


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
