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
    # One text at the table's left edge is a title ("Frånvarorapport HT 2025"), not a group header — also
    # when a spreadsheet reader filled a title merged across the table into every cell of its range.
    return not (len(set(filled)) == 1 and _first_filled(upper) <= left)


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
    # A header cell merged down over the block (filled into each row by the spreadsheet reader) is one text.
    return [" ".join(_dedupe_down([grid[r][c] for r in range(len(grid)) if grid[r][c]])) for c in range(width)]


def _dedupe_down(parts: list[str]) -> list[str]:
    return [part for i, part in enumerate(parts) if i == 0 or part != parts[i - 1]]


# Words of header cells that name no role but are common in exports' headers (the role words count too).
_HEADER_WORDS = {
    "klass", "grupp", "lektion", "lektioner", "kurs", "ämne", "förnamn", "efternamn", "typ", "orsak",
    "status", "period", "från", "till", "fr", "tom", "minuter", "min", "timmar", "tim", "procent", "andel",
    "antal", "kommentar", "mentor", "skola", "totalt", "summa", "tid", "class", "lesson", "course", "reason",
    "type", "minutes", "hours", "percent", "from", "to", "total",
}
_BELOW = 10  # rows below a candidate compared with it


def _header_vocabulary() -> set[str]:
    words = set(_HEADER_WORDS)
    for _, vocabulary in _ROLE_WORDS:
        words |= vocabulary
    return words


def _header_likeness(rows: Sequence[Sequence[str]], index: int, vocabulary: set[str]) -> int:
    """How much ``rows[index]`` looks like a header row rather than data.

    Text cells count; a short cell made of header words ("Namn", "Frånvaro (min)") counts more; a text
    repeated in the row, or found again in its column in the rows just below ("Giltig", "v.46", "8C" —
    values, not names of columns), counts against it. With every data cell text (names, "Giltig", weeks
    written "v.46"), the text count alone cannot tell the header from the data; these can.
    """
    row = rows[index]
    filled = [(c, norm(cell)) for c, cell in enumerate(row) if cell and is_text(cell)]
    if not filled:
        return 0
    score = len(filled)
    for _, text in filled:
        words = _WORDS.findall(text)
        if words and len(words) <= 4 and any(word in vocabulary for word in words):
            score += 2
    texts = [text for _, text in filled]
    score -= 2 * (len(texts) - len(set(texts)))
    # A row repeated below (a header repeated on every printed page) is not "found again" in the data.
    mine = [norm(cell) for cell in row]
    below = [other for other in rows[index + 1:index + 1 + _BELOW] if [norm(cell) for cell in other] != mine]
    for c, text in filled:
        if any(c < len(other) and norm(other[c]) == text for other in below):
            score -= 2
    return score


def _filled_columns(row: Sequence[str]) -> frozenset[int]:
    return frozenset(c for c, cell in enumerate(row) if cell)


def _continues_header(rows: Sequence[Sequence[str]], index: int, vocabulary: set[str]) -> bool:
    """Whether ``rows[index]`` is a further header row (the lower row of a two-row header), not data.

    All its cells are text and header-like, and it is not shaped like the rows below it: data rows repeat
    one another's filled columns, while a lower header row has gaps under the vertically merged cells.
    """
    row = rows[index]
    if not any(row) or not all(is_text(c) for c in row if c):
        return False
    if _header_likeness(rows, index, vocabulary) <= sum(1 for c in row if c):
        return False  # no header words, or its values come again below: data
    following = [r for r in rows[index + 1:index + 3] if any(r)]
    if not following:
        return False  # a header row has data below it
    return not all(_filled_columns(r) == _filled_columns(row) for r in following)


def guess_header_index(rows: Sequence[Sequence[str]]) -> int | None:
    """The last header row: the most header-like row (see _header_likeness), then header rows right below it."""
    rows = rows[:SEARCH_ROWS + _BELOW]
    vocabulary = _header_vocabulary()
    scores = [_header_likeness(rows, i, vocabulary) for i in range(min(len(rows), SEARCH_ROWS))]
    if not scores or max(scores) <= 0:
        return None
    best = scores.index(max(scores))
    for _ in range(_MAX_BLOCK - 1):
        nxt = best + 1
        if nxt >= len(rows) or not _continues_header(rows, nxt, vocabulary):
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
