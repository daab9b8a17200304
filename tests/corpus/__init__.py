"""The acceptance corpus of issue 11: real-shaped attendance exports and what importing each must give.

Every writer in ``tests/corpus/shapes.py`` (and ``shapes_cells.py``, the shapes the attack on the import
found; shared helpers in ``writing.py``; ``shapes.ALL`` lists them all) writes one shape of file the way a Swedish school system
(Skola24, Vklass, SchoolSoft, InfoMentor, Unikum, Edlevo, LearnPoint) or a kurator's hand-made sheet writes
it, and returns a ``Shape``: the file, a mapping that reads it, the person's answers (``ImportOptions``), and
EITHER the exact records that must be stored per student (``expected``) OR the refusal (``refusal``: the
problem codes with their lines). The expectations come from the issue, not from what the code does today.

Traps for the next engineer:
- ``expected`` is keyed by personnummer and holds the records after the store has summed the rows of one
  student and period (a per-lesson export gives one record per day). Hours are stored as minutes.
- Every date is before ``TODAY`` except the rows meant to be "future"; the tests pin
  ``attendance_spec.today`` to ``TODAY`` so the corpus does not age.
- The students are ``PEOPLE`` (fictional, from ``fake_students``); the team database of the tests holds
  exactly them, with their names split "Förnamn Efternamn" at the first space.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sst_desk.importers.attendance_spec import ImportOptions, MappingSpec, NoticeCode, ProblemCode
from sst_desk.importers.people import fake_students
from sst_desk.workflow.attendance import AttendanceRecord

TODAY = dt.date(2026, 12, 4)
PEOPLE: list[tuple[str, str]] = fake_students(6, seed=1111)


@dataclass
class Shape:
    """One written export and what importing it must do."""

    name: str
    path: Path
    spec: MappingSpec
    options: ImportOptions = field(default_factory=ImportOptions)
    # personnummer -> the records that must be stored, in date order (empty when the file must be refused)
    expected: dict[str, list[AttendanceRecord]] = field(default_factory=dict)
    # the refusal: (problem code, line) pairs that must all be reported (line 0 = the whole file)
    refusal: list[tuple[ProblemCode, int]] = field(default_factory=list)
    # notices the check must show: (notice code, line) pairs (a subset; others may be shown too)
    notices: list[tuple[NoticeCode, int]] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.refusal)


Writer = Callable[[Path], Shape]
