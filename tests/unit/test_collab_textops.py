"""The arithmetic under the text binding: three ways to count, diffs with a caret, pycrdt deltas."""

from __future__ import annotations

import random

import pytest

from sst_desk.ui.collab.textops import (
    Edit,
    delta_edits,
    index_from_utf8,
    index_from_utf16,
    shift,
    text_change,
    utf8_offset,
    utf16_offset,
)

SAMPLE = "Får 😀 läsa"


def test_positions_cross_between_code_points_utf8_and_utf16():
    assert [utf8_offset(SAMPLE, i) for i in range(len(SAMPLE) + 1)] == [0, 1, 3, 4, 5, 9, 10, 11, 13, 14, 15]
    assert [utf16_offset(SAMPLE, i) for i in range(len(SAMPLE) + 1)] == [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]
    for index in range(len(SAMPLE) + 1):
        assert index_from_utf8(SAMPLE, utf8_offset(SAMPLE, index)) == index
        assert index_from_utf16(SAMPLE, utf16_offset(SAMPLE, index)) == index


def test_a_position_inside_a_character_is_its_end_never_half_of_it():
    assert index_from_utf8(SAMPLE, 2) == 2  # inside "å"
    assert index_from_utf16(SAMPLE, 5) == 5  # inside the emoji's surrogate pair
    assert index_from_utf8(SAMPLE, 999) == len(SAMPLE)


def test_the_caret_decides_where_an_ambiguous_insert_went():
    assert text_change("aa", "aaa", cursor=1) == Edit(0, 0, "a")
    assert text_change("aa", "aaa", cursor=2) == Edit(1, 0, "a")
    assert text_change("aa", "aaa") == Edit(2, 0, "a")
    assert text_change("abcc", "abc", cursor=2) == Edit(2, 1, "")
    assert text_change("abcc", "abc", cursor=3) == Edit(3, 1, "")
    assert text_change("same", "same") is None
    assert text_change("Hej du", "Hej på du", cursor=7) == Edit(4, 0, "på ")


def test_any_change_is_one_splice_that_rebuilds_the_new_text():
    rng = random.Random(14)
    letters = "abå😀\n "
    for _ in range(2000):
        old = "".join(rng.choice(letters) for _ in range(rng.randint(0, 8)))
        new = "".join(rng.choice(letters) for _ in range(rng.randint(0, 8)))
        cursor = rng.choice([None, rng.randint(0, len(new))])
        edit = text_change(old, new, cursor)
        if old == new:
            assert edit is None
            continue
        assert old[:edit.index] + edit.inserted + old[edit.index + edit.removed:] == new


def test_a_delta_in_bytes_becomes_splices_in_characters():
    new, edits = delta_edits("åäö", [{"retain": 2}, {"delete": 2}, {"insert": "X"}])
    assert new == "åXö"
    assert edits == [Edit(1, 1, ""), Edit(1, 0, "X")]
    new, edits = delta_edits("a😀b", [{"retain": 5}, {"insert": "!"}])
    assert new == "a😀!b" and edits == [Edit(2, 0, "!")]


@pytest.mark.parametrize(("caret", "edit", "after"), [
    (5, Edit(5, 0, "xy"), 5),  # typed exactly at my caret: I stay before it, with my own word
    (6, Edit(5, 0, "xy"), 8),  # before my caret: my caret moves with my characters
    (4, Edit(5, 0, "xy"), 4),
    (7, Edit(5, 4, ""), 5),  # my caret's characters deleted: it goes where they were
    (10, Edit(5, 4, "z"), 7),
])
def test_a_caret_stays_with_its_characters(caret, edit, after):
    assert shift(caret, edit) == after
