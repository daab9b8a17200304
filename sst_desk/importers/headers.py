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

from sst_desk.importers.attendance_spec import AmountUnit, Column
from sst_desk.importers.cells import CellError, cell_text, parse_day, parse_number

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
    words = set(_HEADER_WORDS) | _VALID_WORDS | _INVALID_WORDS  # the parts are classified apart from the roles
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


# Role words. A header gets one role, a role one header. Valid/invalid are decided per header first
# ("Ej anmäld frånvaro" is invalid, never valid nor all absence); a header naming both ("Giltig/Ogiltig")
# is a KIND column, not an amount. Percent headers are used only when no amount header is a time or count.
_WORDS = re.compile(r"[^\W\d_]+")
_VALID_WORDS = {"giltig", "giltigt", "anmäld", "anmält", "valid", "excused", "authorised", "authorized"}
_INVALID_WORDS = {"ogiltig", "ogiltigt", "oanmäld", "oanmält", "invalid", "unexcused", "unauthorised",
                  "unauthorized"}
_NEGATIONS = {"ej", "inte", "icke", "not", "non", "un"}
_ROLE_WORDS: list[tuple[Column, set[str]]] = [
    (Column.FIRST_NAME, {"förnamn", "tilltalsnamn", "firstname", "first name", "given name"}),
    (Column.LAST_NAME, {"efternamn", "lastname", "last name", "surname", "family name"}),
    (Column.PERIOD_FROM, {"från", "from", "fom", "startdatum", "periodstart", "från och med", "start date"}),
    (Column.PERIOD_TO, {"till", "tom", "slutdatum", "periodslut", "till och med", "end date"}),
    (Column.KIND, {"frånvarotyp", "typ av frånvaro", "giltighet", "absence type", "kind"}),
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
_IDS = {"personnummer", "personnr", "pnr", "persnr", "samordningsnummer"}
_AMOUNT_ROLES = (Column.SCHEDULED, Column.ABSENT, Column.VALID, Column.INVALID)


def _terms(header: str) -> set[str]:
    """A header's words, its two- and three-word phrases, and its abbreviations without dots ("T.o.m." → "tom")."""
    text = header.casefold()
    words = _WORDS.findall(text)
    terms = set(words)
    terms.update(" ".join(words[i:i + 2]) for i in range(len(words) - 1))
    terms.update(" ".join(words[i:i + 3]) for i in range(len(words) - 2))
    for chunk in text.split():
        if "." in chunk.strip("."):
            terms.add("".join(_WORDS.findall(chunk)))
    return terms


def absence_part(header: str) -> Column | None:
    """VALID or INVALID when the header names one absence part ("Anmäld frånvaro, tim", "Ej anmäld
    frånvaro (min)", "Frånvaro utan anmälan"); None when it names none or both (a KIND column)."""
    terms = _terms(header)
    valid = bool(terms & _VALID_WORDS) or "med anmälan" in terms
    invalid = bool(terms & _INVALID_WORDS) or "utan anmälan" in terms
    negated = bool(terms & _NEGATIONS)
    if valid and not invalid:
        return Column.INVALID if negated else Column.VALID
    if invalid and not valid:
        return Column.INVALID
    return None


def _names_both(header: str) -> bool:
    terms = _terms(header)
    return bool(terms & _VALID_WORDS) and bool(terms & _INVALID_WORDS)


def _is_percent(header: str) -> bool:
    return "%" in header or bool(_terms(header) & _NOT_AMOUNT)


def _is_kind_cell(cell: object) -> bool:
    from sst_desk.importers.amounts import parse_kind
    try:
        return parse_kind(cell) is not None
    except CellError:
        return False


def suggest_columns(headers: list[str], sample_rows: Sequence[Sequence[object]] | None = None) -> dict[Column, str]:
    """Guess each role's column from the header words (Swedish and English). Personnummer beats a name;
    a first and a last name column beat a name column. ``sample_rows`` (data rows, optional): a KIND
    column is suggested only if its filled sample cells are all kind words ("Giltig", "Ej anmäld")."""
    suggested: dict[Column, str] = {}
    taken: set[int] = set()
    terms = [_terms(h) for h in headers]
    parts = [absence_part(h) for h in headers]
    kind_like = [_names_both(h) for h in headers]
    amount_like = [i for i, t in enumerate(terms) if parts[i] is not None or any(
        t & words for role, words in _ROLE_WORDS if role in (Column.SCHEDULED, Column.ABSENT))]
    use_percent = bool(amount_like) and all(_is_percent(headers[i]) for i in amount_like)

    def amount_ok(i: int) -> bool:
        return _is_percent(headers[i]) == use_percent

    def kind_ok(i: int) -> bool:
        if sample_rows is None:
            return True
        cells = [row[i] for row in sample_rows if i < len(row) and cell_text(row[i])]
        return bool(cells) and all(_is_kind_cell(c) for c in cells)

    for part in (Column.INVALID, Column.VALID):
        candidates = [i for i in range(len(headers)) if parts[i] is part and amount_ok(i)]
        if candidates:
            suggested[part] = headers[candidates[0]]
            taken.add(candidates[0])
    # Headers naming an absence part are never all absence, nor anything else.
    taken.update(i for i in range(len(headers)) if parts[i] is not None)
    for role, vocabulary in _ROLE_WORDS:
        candidates = [i for i, t in enumerate(terms) if i not in taken and t & vocabulary]
        if role is Column.KIND:
            # With sample rows, a plain "Typ"/"Orsak"/"Status" column qualifies too: its cells are kind words.
            words = vocabulary | ({"typ", "type", "orsak", "status"} if sample_rows is not None else set())
            candidates = [i for i in range(len(headers)) if i not in taken and (terms[i] & words or kind_like[i])
                          and kind_ok(i)]
            if Column.VALID in suggested or Column.INVALID in suggested:
                candidates = []
        elif kind_like[candidates[0]] if candidates else False:
            candidates = [i for i in candidates if not kind_like[i]]
        if role in _AMOUNT_ROLES:
            candidates = [i for i in candidates if amount_ok(i)]
        if role is Column.STUDENT:
            ids = [i for i in candidates if terms[i] & _IDS]
            names_split = Column.FIRST_NAME in suggested and Column.LAST_NAME in suggested
            candidates = ids if (ids or names_split) else candidates
        if candidates:
            suggested[role] = headers[candidates[0]]
            taken.add(candidates[0])
    if (Column.FIRST_NAME in suggested) != (Column.LAST_NAME in suggested):
        suggested.pop(Column.FIRST_NAME, None)  # one of them alone is not a name
        suggested.pop(Column.LAST_NAME, None)
    if (Column.PERIOD_FROM in suggested) != (Column.PERIOD_TO in suggested):
        suggested.pop(Column.PERIOD_FROM, None)
        suggested.pop(Column.PERIOD_TO, None)
    return suggested


_CLOCK_HEADER = re.compile(r"\b(?:h|hh|t|tt):mm\b")


_UNIT_WORDS = ((AmountUnit.MINUTES, {"min", "minuter", "minutes", "minuters"}),
               (AmountUnit.HOURS, {"tim", "timmar", "h", "hours", "timme", "hrs"}),
               (AmountUnit.LESSONS, {"lektioner", "lektion", "st", "lessons", "pass", "tillfällen"}))


def header_units(header: str) -> set[AmountUnit]:
    """The units a header's words name ("(min)", "tim", "%", "lektioner"); usually one, often none. "h:mm"
    names none: such cells are read as hours and minutes whatever the mapping's unit."""
    if _CLOCK_HEADER.search(header.casefold()):
        return set()
    terms = _terms(header)
    found = {unit for unit, words in _UNIT_WORDS if terms & words}
    if _is_percent(header):
        found.add(AmountUnit.PERCENT)
    return found


def header_unit(header: str) -> AmountUnit | None:
    """The unit to suggest for a header: percent first, then minutes, hours, lessons ("antal" too), or None."""
    units = header_units(header)
    if not units and "antal" in _terms(header) and not _CLOCK_HEADER.search(header.casefold()):
        return AmountUnit.LESSONS
    for unit in (AmountUnit.PERCENT, AmountUnit.MINUTES, AmountUnit.HOURS, AmountUnit.LESSONS):
        if unit in units:
            return unit
    return None


def suggest_unit(headers: list[str], sample_rows: Sequence[Sequence[object]] | None = None) -> AmountUnit | None:
    """The unit the suggested amount columns count in, from their header words ("(min)", "tim", "%",
    "lektioner") or, failing that, their sample cells ("35,1 %", "12 st"); None when they disagree or say nothing."""
    chosen = [h for role, h in suggest_columns(headers, sample_rows).items() if role in _AMOUNT_ROLES]
    found: set[AmountUnit] = set()
    for header in chosen:
        unit = header_unit(header)
        if unit is not None:
            found.add(unit)
    if not found and sample_rows:
        positions = [headers.index(h) for h in chosen]
        cells = [cell_text(row[i]) for row in sample_rows for i in positions if i < len(row) and cell_text(row[i])]
        if cells and all("%" in c for c in cells):
            found.add(AmountUnit.PERCENT)
        elif cells and all(c.casefold().rstrip(".").endswith(" st") for c in cells):
            found.add(AmountUnit.LESSONS)
    return found.pop() if len(found) == 1 else None


def suggest_per_period(headers: list[str]) -> bool:
    """True for a "frånvaro per elev" export: no day or week column, but a student and an absence amount."""
    suggested = suggest_columns(headers)
    has_student = Column.STUDENT in suggested or Column.FIRST_NAME in suggested
    has_amount = any(role in suggested for role in (Column.ABSENT, Column.VALID, Column.INVALID))
    return (Column.DATE not in suggested and Column.WEEK not in suggested and has_student and has_amount)
