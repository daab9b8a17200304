"""The team's statistics as a spreadsheet: ``statistics_csv(stats)`` and ``statistics_xlsx(stats)`` (bytes out).

Both hold the same blocks, in the same order and words as the PDF report: first what the figures are (period,
breakdown, threshold, how to read them), then one block per count table (a title line, the header, the rows,
the totals row), then the outcomes (change in absence per group and its histogram, days in each stage, the
insatser). A suppressed cell is the text "<5" (with the request's threshold) or ".." (hidden to protect another,
``stats_model.cell_text``; the "Tecken" line says which is which); it is never a number, and the
number behind it is not in the ``Statistics`` to begin with.

**CSV for Swedish Excel — the decisions.** Excel opens a .csv by double-click with the system's list
separator and, without a byte-order mark, in the old ANSI code page. With Swedish regional settings the list
separator is ";" (the comma is the decimal sign), so:

- encoding UTF-8 *with BOM* (``utf-8-sig``): the BOM is how Excel knows the file is UTF-8; without it
  "Västra Hamnens skola" opens as "VÃ¤stra"; LibreOffice and Python's csv (``utf-8-sig``) read it too;
- separator ";": Swedish Excel splits on it; a comma would split "12,5" in two;
- decimals with a comma ("-7,5"): Swedish Excel reads them as numbers (a dot would make them dates or text);
  the minus is the ASCII hyphen-minus, which every spreadsheet parses (the PDF's true minus sign "−" is not
  a number to Excel);
- whole numbers without thousands separators ("1250"), so they parse in every locale;
- line ends CRLF (RFC 4180, what Excel writes); a cell with ";" or a quote is quoted by ``csv``;
- text that starts like a formula (=, +, -, @) gets an apostrophe in front (``safe_text``): a school named
  "=HYPERLINK(…)" must not become a live formula in the team lead's Excel; the histogram's bins are
  worded so that none starts with a sign ("från -20 till -10"). In the workbook such a text is stored as
  text, never as a formula.

**XLSX.** openpyxl (moved from the test extras to the main dependencies for this). One sheet per group of
tables: "Om statistiken" (period, breakdown, threshold, the reading note), "Antal elever" (the breakdown's
tables), "Kategorier" (raised by, closing reasons, referrals, stages, goals, behörighet), "Frånvaro",
"Tid per steg", "Insatser". Counts are integers and figures floats (shown with one decimal), so they sum
and chart in Excel; hidden cells are the text "<5" (primary) or ".." (secondary). Headers and totals are bold; columns are as wide as
their longest text (capped).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from sst_desk.workflow.stats_model import CountTable, Distribution, Statistics

from sst_desk.reports.statistics_words import (
    ABSENCE_KEYS,
    TOTAL,
    code_label,
    dimension_title,
    distribution_label,
    note_text,
    ordered_tables,
    outcome_title,
    period_dates,
    period_text,
    reading_note,
    sorted_groups,
    cell_text,
    marks_legend,
    n_text,
    table_title,
)

Value = int | float | str | None  # None: an empty cell


@dataclass
class Block:
    """One titled table of a sheet: header, rows and which rows are totals (bold)."""

    title: str
    header: list[str]
    rows: list[list[Value]] = field(default_factory=list)
    total_rows: set[int] = field(default_factory=set)


@dataclass
class Sheet:
    name: str
    blocks: list[Block] = field(default_factory=list)


def about_rows(stats: Statistics) -> list[list[Value]]:
    request = stats.request
    rows: list[list[Value]] = [
        ["Statistik", period_text(request)],
        ["Period", period_dates(request)],
        ["Uppdelning", dimension_title(request.breakdown.value) if request.breakdown else "Ingen"],
        ["Minsta antal elever per ruta", request.min_cell],
        ["Beräknad per", request.today.isoformat()],
    ]
    rows.append(["Tecken", marks_legend(request)])
    rows += [["Så läser du siffrorna", line] for line in reading_note(request, stats.notes)]
    rows += [["Observera", note_text(note)] for note in stats.notes]
    return rows


def count_block(stats: Statistics, table: CountTable) -> Block:
    def value(cell) -> Value:
        return cell_text(cell, stats.request) if cell.count is None else cell.count

    header = [dimension_title(table.row_dimension) or "Grupp"]
    header += [code_label(stats, table.column_dimension, c) for c in table.columns] + [TOTAL]
    block = Block(table_title(table.key), header)
    for row, cells, total in zip(table.rows, table.cells, table.row_totals):
        block.rows.append([code_label(stats, table.row_dimension, row), *map(value, cells), value(total)])
    if len(table.rows) > 1 or table.rows != ("",):
        block.rows.append([TOTAL, *map(value, table.column_totals), value(table.total)])
        block.total_rows.add(len(block.rows) - 1)
    return block


def _figure(value: float | None) -> Value:
    return None if value is None else round(float(value), 1)


def absence_blocks(stats: Statistics) -> list[Block]:
    dimension = stats.request.breakdown.value if stats.request.breakdown else ""
    blocks = []
    for key in [*ABSENCE_KEYS, *(k for k in stats.absence if k not in ABSENCE_KEYS)]:
        groups = stats.absence.get(key)
        if not groups:
            continue
        header = ["Grupp", "Antal elever", "Median (procentenheter)", "Kvartil 1", "Kvartil 3", "Medelvärde"]
        block = Block(outcome_title(key), header)
        for d in sorted_groups(groups):
            block.rows.append([distribution_label(stats, dimension, d.group), n_text(d, stats.request) if d.n is None else d.n,
                               *(_figure(v) for v in (d.median, d.q1, d.q3, d.mean))])
        blocks.append(block)
        everyone = next((d for d in groups if d.group == "" and d.bins), None)
        if everyone is not None:
            bins = Block(f"{outcome_title(key)}, fördelning (alla elever)", ["Förändring (procentenheter)",
                                                                              "Antal elever"])
            for j, (low, high, count) in enumerate(everyone.bins):
                bins.rows.append([sheet_bin_label(low, high),
                                  cell_text(everyone.bin_cell(j), stats.request) if count is None else count])
            blocks.append(bins)
    return blocks


def distribution_block(stats: Statistics, title: str, first: str, dimension: str,
                       groups: tuple[Distribution, ...], figure: str) -> Block:
    block = Block(title, [first, "Antal elever", figure, "Kvartil 1", "Kvartil 3"])
    for d in groups:
        block.rows.append([code_label(stats, dimension, d.group), n_text(d, stats.request) if d.n is None else d.n,
                           *(_figure(v) for v in (d.median, d.q1, d.q3))])
    return block


def sheets(stats: Statistics) -> list[Sheet]:
    """The workbook's content; the CSV is the same blocks one after the other."""
    about = Sheet("Om statistiken", [Block("Om statistiken", ["Uppgift", "Värde"], about_rows(stats))])
    breakdown, category = ordered_tables(stats)
    result = [about, Sheet("Antal elever", [count_block(stats, t) for t in breakdown]),
              Sheet("Kategorier", [count_block(stats, t) for t in category]),
              Sheet("Frånvaro", absence_blocks(stats))]
    if stats.stage_days:
        result.append(Sheet("Tid per steg", [distribution_block(
            stats, "Tid i varje steg (dagar)", "Steg", "stage", stats.stage_days, "Median (dagar)")]))
    if stats.insatser:
        result.append(Sheet("Insatser", [distribution_block(
            stats, "Insatser och förändring i frånvaro vid avslut", "Insats", "insats", stats.insatser,
            "Median förändring (procentenheter)")]))
    return [sheet for sheet in result if sheet.blocks]


def sheet_bin_label(low: float, high: float) -> str:
    """A histogram bin in a spreadsheet: "under -20", "från -20 till -10", "10 och mer" — never starting
    with a sign, which a spreadsheet would read as the start of a formula."""
    number = lambda x: f"{x:g}".replace(".", ",")  # noqa: E731
    if low <= -100:
        return f"under {number(high)}"
    if high >= 100:
        return f"{number(low)} och mer"
    return f"från {number(low)} till {number(high)}"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text a spreadsheet must not run as a formula (CSV injection, OWASP): a school or an insats named
    "=HYPERLINK(…)" by whoever typed it is prefixed with an apostrophe, so Excel shows it as text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, str):
        return safe_text(value)
    return str(value)


def statistics_csv(stats: Statistics) -> bytes:
    """All tables as one ";"-separated UTF-8 (BOM) text for Swedish Excel; blocks separated by an empty line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    first = True
    for sheet in sheets(stats):
        for block in sheet.blocks:
            if not first:
                writer.writerow([])
            first = False
            writer.writerow([block.title])
            writer.writerow(block.header)
            writer.writerows([[_csv_value(v) for v in row] for row in block.rows])
    return out.getvalue().encode("utf-8-sig")


MAX_WIDTH = 60


def statistics_xlsx(stats: Statistics) -> bytes:
    """The same blocks as an Excel workbook, one sheet per group, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    title_font = Font(bold=True, size=12, color="1F3A5F")
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E3EAF2")
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets(stats):
        ws = book.create_sheet(sheet.name)
        widths: dict[int, int] = {}
        line = 1
        for block in sheet.blocks:
            ws.cell(line, 1, block.title).font = title_font
            line += 1
            for col, text in enumerate(block.header, start=1):
                cell = ws.cell(line, col, text)
                cell.font, cell.fill = bold, head_fill
                cell.alignment = Alignment(wrap_text=False)
                widths[col] = max(widths.get(col, 0), len(text))
            line += 1
            for index, row in enumerate(block.rows):
                for col, value in enumerate(row, start=1):
                    if value is None:
                        continue
                    cell = ws.cell(line, col, value)
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # openpyxl would store it as a formula: text it is
                    if isinstance(value, float):
                        cell.number_format = "0.0"
                    elif isinstance(value, str) and col > 1:
                        cell.alignment = Alignment(horizontal="right")
                    if index in block.total_rows:
                        cell.font = bold
                    widths[col] = max(widths.get(col, 0), len(_csv_value(value)))
                line += 1
            line += 1
        for col, width in widths.items():
            ws.column_dimensions[ws.cell(1, col).column_letter].width = min(MAX_WIDTH, width + 2)
        if sheet.name == "Om statistiken":
            ws.column_dimensions["B"].width = 100
            for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
