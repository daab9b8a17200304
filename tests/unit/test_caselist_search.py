"""What a case-list search matches (``workflow.caselist.Search``), as the main window's filter uses it."""

from __future__ import annotations

import datetime as dt

from sst_desk.workflow.caselist import CaseRow, Search
from sst_desk.workflow.codes import Level, Stage


def test_the_search_matches_name_school_or_four_digits_of_the_personnummer():
    row = CaseRow(case_id=1, student_name="Åsa Öberg", personal_id="20120315-1234", school="Ekbackens skola",
                  grade=7, stage=Stage.KARTLAGGNING, level=Level(1), socionom="", raised_on=dt.date(2026, 11, 22), next_due=None,
                  attention=frozenset())
    protected = CaseRow(**{**row.__dict__, "case_id": 2, "protected_identity": True})
    for text, found in (("", True), ("öBERG", True), ("ekback", True), ("0315", True), ("201203151234", True),
                        ("031", False), ("4321", False), ("Berg x", False)):
        assert Search.of(text).matches(Search.key(row)) is found, text
    assert not Search.of("ekback").matches(Search.key(protected))  # a protected student's school is not searchable
    assert Search.of("öberg").matches(Search.key(protected))
