"""Finding the header of an export and naming its columns, merged header rows included.

Exports often have a title row, and a two-row header where an upper cell
("Frånvaro") spans the cells below it ("Giltig", "Ogiltig"). openpyxl's
read-only mode has no merge information, and a CSV saved from such a sheet has
none either, so the upper rows are forward-filled to the right over the
non-empty cells below them; a column's header text is its cells top to bottom
("Frånvaro Giltig").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .attendance_spec import Column
from .cells import CellError, parse_day, parse_number

SEARCH_ROWS = 30  # the header is looked for in the first rows only
_MAX_BLOCK = 3  # header rows combined at most


def norm(text: str) -> str:
    """How header texts are compared: case- and whitespace-insensitive."""
    return " ".join(text.casefold().split())


def is_text(cell: str) -> bool:
    """A header-like cell: not empty, not a number, not a day."""
    if not cell:
        return False
    for parse in (lambda c: parse_number(c, clock=True), parse_day):
        try:
            parse(cell)
        except CellError:
            continue
        return False
    return True


def _first_filled(row: Sequence[str]) -> int:
    return next((i for i, cell in enumerate(row) if cell), len(row))


def _is_upper_header(upper: Sequence[str], block: list[Sequence[str]]) -> bool:
    filled = [cell for cell in upper if cell]
    if not filled or not all(is_text(cell) for cell in filled):
        return False
    if any(":" in cell for cell in filled):  # "Skola: …", "Utskriven: …" — metadata, not a header
        return False
    left = min(_first_filled(row) for row in block)
    # One cell at the table's left edge is a title ("Frånvarorapport HT 2025"), not a group header.
    return not (len(filled) == 1 and _first_filled(upper) <= left)


def combined_headers(rows: Sequence[Sequence[str]], index: int) -> list[str]:
    """The header texts of the columns when ``rows[index]`` is the last header row."""
    block: list[Sequence[str]] = [rows[index]]
    above = index - 1
    while above >= 0 and len(block) < _MAX_BLOCK and _is_upper_header(rows[above], block):
        block.insert(0, rows[above])
        above -= 1
    width = max(len(row) for row in block)
    grid = [list(row) + [""] * (width - len(row)) for row in block]
    for top in range(len(grid) - 1):
        below = [any(grid[r][c] for r in range(top + 1, len(grid))) for c in range(width)]
        carry = ""
        for c in range(width):
            if grid[top][c]:
                carry = grid[top][c] if below[c] else ""  # a vertically merged cell spans nothing to its right
            elif carry and below[c]:
                grid[top][c] = carry
            else:
                carry = ""
    return [" ".join(grid[r][c] for r in range(len(grid)) if grid[r][c]) for c in range(width)]


def guess_header_index(rows: Sequence[Sequence[str]]) -> int | None:
    """The last header row: the row with most text cells, then the header rows right below it."""
    counts = [sum(1 for cell in row if is_text(cell)) for row in rows[:SEARCH_ROWS]]
    if not counts or max(counts) == 0:
        return None
    best = counts.index(max(counts))
    for _ in range(_MAX_BLOCK - 1):
        nxt = best + 1
        if nxt >= len(rows) or not any(rows[nxt]) or not all(is_text(c) for c in rows[nxt] if c):
            break
        best = nxt
    return best


def find_header_index(rows: Sequence[Sequence[str]], wanted: set[str]) -> int | None:
    """The first row (in the first 30) whose combined headers hold every normalised text of ``wanted``."""
    for index in range(min(len(rows), SEARCH_ROWS)):
        if rows[index] and wanted <= {norm(h) for h in combined_headers(rows, index)}:
            return index
    return None


# Role words, tried in this order; a header gets one role, a role one header.
_WORDS = re.compile(r"[^\W\d_]+")
_ROLE_WORDS: list[tuple[Column, set[str]]] = [
    (Column.INVALID, {"ogiltig", "ogiltigt", "oanmäld", "oanmält", "invalid", "unexcused", "unauthorised"}),
    (Column.VALID, {"giltig", "giltigt", "anmäld", "anmält", "valid", "excused", "authorised"}),
    (Column.SCHEDULED, {"schemalagd", "schemalagt", "schema", "schemalagda", "schematid", "planerad",
                        "lektionstid", "scheduled", "timetabled"}),
    (Column.ABSENT, {"frånvaro", "frånvarande", "frånvarotid", "absence", "absent"}),
    (Column.STUDENT, {"personnummer", "personnr", "pnr", "persnr", "samordningsnummer", "elev", "namn",
                      "elevnamn", "student", "name", "pupil"}),
    (Column.DATE, {"datum", "dag", "date", "day"}),
    (Column.WEEK, {"vecka", "veckonummer", "v", "week", "w"}),
    (Column.YEAR, {"år", "year", "årtal"}),
]
_NOT_AMOUNT = {"procent", "percent", "andel"}


def suggest_columns(headers: list[str]) -> dict[Column, str]:
    """Guess each role's column from the header words (Swedish and English). Personnummer beats a name."""
    suggested: dict[Column, str] = {}
    taken: set[int] = set()
    words = [set(_WORDS.findall(h.casefold())) for h in headers]
    for role, vocabulary in _ROLE_WORDS:
        candidates = [i for i, w in enumerate(words) if i not in taken and w & vocabulary]
        if role in (Column.SCHEDULED, Column.ABSENT, Column.VALID, Column.INVALID):
            candidates = [i for i in candidates if "%" not in headers[i] and not words[i] & _NOT_AMOUNT]
        if role is Column.STUDENT:
            ids = [i for i in candidates if words[i] & {"personnummer", "personnr", "pnr", "persnr",
                                                        "samordningsnummer"}]
            candidates = ids or candidates
        if candidates:
            suggested[role] = headers[candidates[0]]
            taken.add(candidates[0])
    return suggested
