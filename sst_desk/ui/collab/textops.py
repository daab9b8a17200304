"""Pure text arithmetic for binding widgets to a shared text: diffs, deltas and the three ways to count.

A pycrdt ``Text`` counts in UTF-8 bytes (its indices and its events' retain/delete), Qt counts in UTF-16
code units (cursor positions, ``contentsChange``), Python counts in code points. "å" is one code point,
two UTF-8 bytes and one UTF-16 unit; "😀" is one, four and two. Every position crosses between them here,
so that a Swedish letter or an emoji never splits a character. No Qt, no pycrdt: plain ``str`` in and out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """One splice of a string, in code points: at ``index`` remove ``removed`` characters, insert ``inserted``."""

    index: int
    removed: int
    inserted: str


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def index_from_utf8(text: str, offset: int) -> int:
    """The code-point index in ``text`` at UTF-8 byte ``offset`` (clamped to the text; inside a character: its end)."""
    count = 0
    for index, char in enumerate(text):
        if count >= offset:
            return index
        count += utf8_length(char)
    return len(text)


def index_from_utf16(text: str, offset: int) -> int:
    """The code-point index in ``text`` at UTF-16 unit ``offset`` (clamped; inside a surrogate pair: its end)."""
    count = 0
    for index, char in enumerate(text):
        if count >= offset:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def utf8_offset(text: str, index: int) -> int:
    return utf8_length(text[:index])


def utf16_offset(text: str, index: int) -> int:
    return utf16_length(text[:index])


def text_change(old: str, new: str, cursor: int | None = None) -> Edit | None:
    """The one splice that turns ``old`` into ``new``, or None when they are equal.

    A prefix/suffix diff; ``cursor`` (a code-point index in ``new`` where the edit ends, e.g. the caret
    after typing) decides between equally short answers: typing "a" in the middle of "aa" is an insert at
    1, not at 2. The position matters to the others: their own typing next to it must stay on its side.
    """
    if old == new:
        return None
    shortest = min(len(old), len(new))
    if cursor is None:  # no hint: the change goes as late as it can (the usual diff)
        prefix = _common_prefix(old, new, shortest)
        suffix = _common_suffix(old, new, shortest - prefix)
    else:
        suffix = min(_common_suffix(old, new, shortest), max(0, len(new) - cursor))
        prefix = _common_prefix(old, new, shortest - suffix)
    return Edit(prefix, len(old) - suffix - prefix, new[prefix:len(new) - suffix])


def _common_prefix(old: str, new: str, bound: int) -> int:
    count = 0
    while count < bound and old[count] == new[count]:
        count += 1
    return count


def _common_suffix(old: str, new: str, bound: int) -> int:
    count = 0
    while count < bound and old[len(old) - 1 - count] == new[len(new) - 1 - count]:
        count += 1
    return count


def delta_edits(text: str, delta: Iterable[Mapping[str, object]]) -> tuple[str, list[Edit]]:
    """Apply a pycrdt text event's ``delta`` (retain/insert/delete in UTF-8 bytes) to ``text``.

    Returns the new text and the splices in code points, each relative to the text as the ones before it
    left it (the order to apply them to a widget).
    """
    edits: list[Edit] = []
    index = 0
    for op in delta:
        if "retain" in op:
            index += _chars_in(text, index, int(op["retain"]))  # type: ignore[arg-type]
        elif "insert" in op:
            inserted = op["insert"]
            if not isinstance(inserted, str):  # an embed: the bound fields hold plain text only
                continue
            text = text[:index] + inserted + text[index:]
            edits.append(Edit(index, 0, inserted))
            index += len(inserted)
        elif "delete" in op:
            count = _chars_in(text, index, int(op["delete"]))  # type: ignore[arg-type]
            text = text[:index] + text[index + count:]
            edits.append(Edit(index, count, ""))
    return text, edits


def _chars_in(text: str, start: int, byte_count: int) -> int:
    """How many characters from ``start`` make up ``byte_count`` UTF-8 bytes."""
    end = start
    remaining = byte_count
    while remaining > 0 and end < len(text):
        remaining -= utf8_length(text[end])
        end += 1
    return end - start


def shift(position: int, edit: Edit) -> int:
    """Where a caret at ``position`` belongs after someone else's ``edit``: it stays with its characters.

    Text inserted exactly at the caret goes after it: the person keeps typing their own word, not
    behind the other's (the caret is not pushed by another's typing).
    """
    if position <= edit.index:
        return position
    if position <= edit.index + edit.removed:
        return edit.index
    return position - edit.removed + len(edit.inserted)
