"""Names and identifiers refuse hidden control and direction characters; output escapes stored ones (issue 10).

What broke: a right-to-left override (U+202E) in a student's name reversed the case window's header,
a NUL in a name printed raw in ``sst-desk cases``, and a fullwidth digit passed the personnummer check.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import make_case, make_student

from sst_desk.cli.format import to_csv, to_table
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Level, Stage
from sst_desk.workflow.entities import Guardian
from sst_desk.workflow.identity import normalise_personal_id
from sst_desk.workflow.problems import Finding, Problem
from sst_desk.workflow.validation import (
    unsafe_characters,
    validate_account_names,
    validate_guardian,
    validate_student,
    visible_escapes,
)

TODAY = dt.date(2026, 11, 22)
UNSAFE = Problem.UNSAFE_CHARACTERS
# Every kind the rule covers: C0/C1 controls (tab and newline too: names are one line), the bidi embeddings
# and overrides, the isolates, the marks, the Arabic letter mark, and other invisible format characters.
BAD = ["\x00", "\t", "\n", "\x1b", "\x7f", "\x85", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
       "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("char", BAD)
@pytest.mark.parametrize("field", ["first_name", "last_name", "school"])
def test_a_student_name_or_school_with_a_hidden_character_is_refused(field, char):
    """What broke: "Anna\u202eBerg" was saved and reversed the case window's header."""
    student = make_student()
    setattr(student, field, f"Anna{char}Berg")
    assert Finding(UNSAFE, field=field) in validate_student(student)


@pytest.mark.parametrize("name", ["Åsa Öberg-Ängström", "Zoë d'Artagnan", "Nguyễn Văn An", "محمد", "Ωmega 2"])
def test_ordinary_names_in_any_script_are_accepted(name):
    assert unsafe_characters(name) == []
    assert validate_student(make_student(first_name=name)) == []


def test_a_guardian_name_with_an_override_is_refused():
    assert Finding(UNSAFE, field="name") in validate_guardian(Guardian(name="Pe\u202eter Berg"))
    assert validate_guardian(Guardian(name="Peter Berg")) == []


def test_user_and_display_names_with_hidden_characters_are_refused():
    assert validate_account_names("anna", "Anna Berg") == []
    assert validate_account_names("an\u200bna", "Anna\x00Berg") == [Finding(UNSAFE, field="username"),
                                                                   Finding(UNSAFE, field="display_name")]


@pytest.mark.parametrize("text", ["２０１２０３１４-９８２６", "20120314-98２6", "٢٠١٢٠٣١٤-٩٨٢٦", "۲۰۱۲۰۳۱۴۹۸۲۶"])
def test_a_personnummer_with_non_ascii_digits_is_refused(text):
    """What broke: a fullwidth digit passed the check (``\\d`` takes any Unicode digit)."""
    assert normalise_personal_id(text, TODAY) == (None, Problem.PERSONAL_ID_FORMAT)
    assert normalise_personal_id("20120314-9826", TODAY) == ("20120314-9826", None)


@pytest.mark.parametrize("char", ["\u202e", "\u200e", "\x00", "\u2066"])
def test_a_personnummer_with_a_hidden_character_says_so(char):
    assert normalise_personal_id(f"20120314{char}-9826", TODAY) == (None, UNSAFE)


def test_a_stored_personnummer_with_a_hidden_character_is_refused_on_save():
    student = make_student()
    student.personal_id = "20120314-9826\u202e"
    assert Finding(UNSAFE, field="personal_id") in validate_student(student)


def test_visible_escapes_shows_each_hidden_character_and_leaves_others():
    assert visible_escapes("Anna\x00Berg\u202e") == "Anna\\u0000Berg\\u202e"
    assert visible_escapes("Åsa Öberg") == "Åsa Öberg"


def _row(name: str) -> CaseRow:
    case = make_case()
    return CaseRow(case_id=7, student_name=name, personal_id="20120314-9826", school="Skol\x1b[31mskolan",
                   grade=8, stage=Stage.AKTUALISERING, level=Level.NIVA_1, socionom="So\u202ecionom",
                   raised_on=case.raised_on, next_due=None, attention=frozenset())


def test_the_cases_table_and_csv_never_print_control_characters_raw():
    """What broke: a NUL (and an ANSI escape) in stored names printed raw in ``sst-desk cases``."""
    rows = [_row("Anna\x00Berg\u202eX")]
    for text in (to_table(rows), to_csv(rows)):
        assert unsafe_characters(text.replace("\n", "")) == []
        assert "Anna\\u0000Berg\\u202eX" in text
        assert "Skol\\u001b[31mskolan" in text or "(skyddad)" in text
