"""Reading the statistics documents back the way a reader meets them (pypdf's text, csv with ";"), and the
words each row of a count table must print. Shared by tests/unit/test_statistics_reports.py (hand-made
statistics) and tests/integration/test_statistics_documents.py (the demo database through compute)."""

from __future__ import annotations

import csv
import io

from pypdf import PdfReader

from sst_desk.reports.statistics_words import code_label
from sst_desk.workflow.stats_model import Cell, CountTable, Statistics


def pdf_words(data: bytes) -> tuple[list[str], int]:
    """The PDF's text as one list of whitespace-separated words, and its page count."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() for page in reader.pages).split(), len(reader.pages)


def contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def cell(c: Cell, min_cell: int = 5) -> str:
    """What a cell must print — written out here, not taken from ``stats_model.cell_text``: "<N" for a
    primary hidden cell, ".." for a secondary one, the number otherwise."""
    if c.count is None:
        return f"<{min_cell}" if c.primary else ".."
    return str(c.count)


def table(stats: Statistics, key: str) -> CountTable:
    return next(t for t in stats.counts if t.key == key)


def row_phrases(stats: Statistics, t: CountTable) -> list[list[str]]:
    """Each row of a count table as the words it must print: the row's label, its cells, its total; then
    the totals row (a table without breakdown has its one row only)."""
    hidden = stats.request.min_cell
    width = 0 if len(t.columns) == 1 else len(t.columns)  # one column ("all") is printed as the total only
    phrases = []
    for row, cells, total in zip(t.rows, t.cells, t.row_totals):
        phrases.append(code_label(stats, t.row_dimension, row).split() + [cell(c, hidden) for c in cells[:width]]
                       + [cell(total, hidden)])
    if t.rows != ("",):
        phrases.append(["Totalt", *(cell(c, hidden) for c in t.column_totals[:width]), cell(t.total, hidden)])
    return phrases


def csv_blocks(data: bytes) -> dict[str, list[list[str]]]:
    """The CSV's blocks by their title line: the header and the rows under it."""
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Swedish Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    blocks: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for row in rows:
        if not row:
            current = None
        elif current is None:
            current = blocks.setdefault(row[0], [])
        else:
            current.append(row)
    return blocks


def expected_rows(stats: Statistics, t: CountTable) -> list[list[str]]:
    """A count table's rows as the CSV's cells (the totals row included)."""
    hidden = stats.request.min_cell
    rows = [[code_label(stats, t.row_dimension, r), *(cell(c, hidden) for c in cells), cell(total, hidden)]
            for r, cells, total in zip(t.rows, t.cells, t.row_totals)]
    if t.rows != ("",):
        rows.append(["Totalt", *(cell(c, hidden) for c in t.column_totals), cell(t.total, hidden)])
    return rows
