"""The yearly report a team sends its principals: ``build_yearly_report(stats, context) -> bytes``, ONE A4 page.

The socialnämnd and the school's huvudman ask the teams for the same few things each year (seeds 000 and
002: "inskrivna elever uppdelat utifrån kön", "könsuppdelad statistik", whether the insatser "stabiliserar
skolgången", which insatser are offered, and för årskurs 9 whether the student became behörig till
gymnasiet). The page, top to bottom:

1. *Elever under året, efter kön*: students inskrivna at some time in the year, new cases
   (aktualiseringar), nyinskrivna, avslutade, and boosterträffar planned and held — each with girls, boys, the other two gender codes and
   the total (the tables' column totals: distinct students whatever the breakdown was);
2. *Resultat*: the change in absence (median, at avslut and in the latest 4 weeks) and the share of students
   whose absence went down,
   beside *Gymnasiebehörighet, årskurs 9*; then the goals by rating (students, by goal area);
3. *Skäl till avslut* beside *Vem som aktualiserade ärendet*;
4. *Insatser som använts mest*: the five with the most students (hidden groups last), with the median change;
5. one line on how to read "<5" and "..".

The share whose absence went down is read from the histogram of the change: the bins below 0 (stats-core's
bins are [low, high), so a bin ending at 0 holds only decreases) over the group's n. It is given only when
all those bins are published; otherwise "kan inte anges". It reveals nothing new: n and the bins are
published already. The same suppression as everywhere: this module never counts or fills in a hidden cell.

One page is a promise (tests/unit/test_statistics_reports.py asserts it): the tables have a fixed number of
rows (at most five insatser), the type is small, and the breakdown is not printed (a yearly report is
about the team; the breakdown lives in the full report).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sst_desk.workflow.stats_model import Cell, CountTable, Distribution, Statistics

from sst_desk.reports.base import DocumentInfo, ReportContext, render_pdf
from sst_desk.reports.blocks import markup
from sst_desk.reports.statistics_words import (
    BREAKDOWN_KEYS,
    DASH,
    TOTAL,
    code_label,
    period_dates,
    period_text,
    signed,
    suppressed_text,
    cell_text,
    n_text,
    tables_by_key,
)
from sst_desk.reports.styles import ACCENT, CONTENT_WIDTH, MUTED, data_table_style, styles

TITLE = "Årsrapport"
MOST_INSATSER = 5
UNKNOWN = "ej känd"  # a share that cannot be told: part of the histogram below 0 is hidden
GAP = 6 * mm
HALF = (CONTENT_WIDTH - GAP) / 2

# The rows of the first table: the team's year in the order of a case.
YEAR_ROWS = {
    "active": "Inskrivna elever under året",
    "raised": "Nya ärenden (aktualiseringar)",
    "enrolled": "Nyinskrivna under året",
    "closed": "Avslutade ärenden",
    "booster_proposed": "Boosterträffar, planerade",
    "booster_held": "Boosterträffar, genomförda",
}


class _Look:
    def __init__(self) -> None:
        s = styles()
        size = 8.5
        self.title = ParagraphStyle("y_title", parent=s.title, fontSize=18, leading=22)
        self.subtitle = ParagraphStyle("y_subtitle", parent=s.subtitle, fontSize=9.5, leading=12)
        self.heading = ParagraphStyle("y_heading", parent=s.heading, fontSize=10.5, leading=13, spaceBefore=6,
                                      spaceAfter=2)
        self.word = ParagraphStyle("y_word", parent=s.cell, fontSize=size, leading=size * 1.25)
        self.word_bold = ParagraphStyle("y_word_bold", parent=self.word, fontName=s.cell_bold.fontName)
        self.number = ParagraphStyle("y_number", parent=self.word, alignment=TA_RIGHT)
        self.number_bold = ParagraphStyle("y_number_bold", parent=self.word_bold, alignment=TA_RIGHT)
        self.hidden = ParagraphStyle("y_hidden", parent=self.number, textColor=MUTED)
        self.head = ParagraphStyle("y_head", parent=s.cell_head, fontSize=size, leading=size * 1.25)
        self.head_number = ParagraphStyle("y_head_number", parent=self.head, alignment=TA_RIGHT)
        self.caption = ParagraphStyle("y_caption", parent=s.caption, fontSize=7.5, leading=9.5)


def _small_table(look: _Look, header: list[str], rows: list[list[Flowable]], widths: list[float], width: float,
                 *, total_row: bool = False) -> Table:
    head = [Paragraph(markup(header[0]), look.head)] + [Paragraph(markup(h), look.head_number) for h in header[1:]]
    scale = width / sum(widths)
    table = Table([head, *rows], colWidths=[w * scale for w in widths], hAlign="LEFT")
    table.setStyle(data_table_style(len(rows) + 1))
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
                               ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    if total_row:
        table.setStyle(TableStyle([("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.8, ACCENT)]))
    return table


def _n(look: _Look, stats: Statistics, cell: Cell | None, *, bold: bool = False) -> Paragraph:
    if cell is None:
        return Paragraph(DASH, look.number)
    if cell.count is None:
        return Paragraph(markup(cell_text(cell, stats.request)), look.hidden)
    return Paragraph(str(cell.count), look.number_bold if bold else look.number)


def _text(look: _Look, text: str, style: str = "word") -> Paragraph:
    return Paragraph(markup(text), getattr(look, style))


def year_table(look: _Look, stats: Statistics) -> Flowable:
    by_key = tables_by_key(stats)
    present = [by_key[k] for k in BREAKDOWN_KEYS if k in by_key]
    if not present:
        return _text(look, "Inga ärenden finns att räkna för året.", "caption")
    first = present[0]
    # Gender is in the columns, except when the breakdown is by gender: then the rows are the genders.
    by_rows = first.row_dimension == "gender"
    genders = first.rows if by_rows else first.columns if first.column_dimension == "gender" else ()
    header = [""] + [code_label(stats, "gender", g) for g in genders] + [TOTAL]
    rows = []
    for table in present:
        totals = (table.row_totals if by_rows else table.column_totals) if genders else ()
        rows.append([_text(look, YEAR_ROWS.get(table.key, table.key)),
                     *(_n(look, stats, c) for c in totals), _n(look, stats, table.total, bold=True)])
    return _small_table(look, header, rows, [40] + [12] * len(genders) + [12], CONTENT_WIDTH)


def share_down(dist: Distribution | None) -> tuple[int, int] | None:
    """(students whose absence went down, students measured), or None when it cannot be told from the bins."""
    if dist is None or dist.n is None or not dist.bins:
        return None
    down = 0
    for low, high, count in dist.bins:
        if high <= 0:
            if count is None:
                return None
            down += count
        elif low < 0:
            return None  # a bin across 0: its students cannot be split into up and down
    return down, dist.n


def _everyone(stats: Statistics, key: str) -> Distribution | None:
    return next((d for d in stats.absence.get(key, ()) if d.group == ""), None)


def results_table(look: _Look, stats: Statistics) -> Flowable:
    header = ["Frånvaro (procentenheter)", "Vid avslut", "Senaste 4 veckorna"]
    columns = [_everyone(stats, "change_at_close"), _everyone(stats, "change_latest")]

    def n(d: Distribution | None) -> Paragraph:
        if d is None:
            return Paragraph(DASH, look.number)
        return Paragraph(markup(n_text(d, stats.request)), look.hidden) if d.n is None else \
            Paragraph(str(d.n), look.number)

    def median(d: Distribution | None) -> Paragraph:
        return Paragraph(markup(signed(d.median) if d is not None else DASH), look.number_bold)

    def unknown(d: Distribution | None) -> Paragraph:
        return Paragraph(UNKNOWN if d is not None and d.n is not None else DASH, look.number)

    def down(d: Distribution | None) -> Paragraph:
        found = share_down(d)
        return unknown(d) if found is None else Paragraph(str(found[0]), look.number)

    def share(d: Distribution | None) -> Paragraph:
        found = share_down(d)
        if found is None or found[1] == 0:
            return unknown(d)
        return Paragraph(f"{round(100 * found[0] / found[1])} %", look.number_bold)

    rows = [
        [_text(look, "Elever med mätning"), *map(n, columns)],
        [_text(look, "Förändring, median"), *map(median, columns)],
        [_text(look, "Elever med minskad frånvaro"), *map(down, columns)],
        [_text(look, "Andel med minskad frånvaro"), *map(share, columns)],
    ]
    return _small_table(look, header, rows, [44, 20, 20], HALF)


def category_table(look: _Look, stats: Statistics, table: CountTable | None, first: str, *,
                   columns: bool = False, empty: str = "Inget att redovisa.") -> Flowable:
    """A category table as rows with its total (or, with ``columns``, every column: the goals' ratings)."""
    if table is None:
        return _text(look, empty, "caption")
    if columns:
        header = [first] + [code_label(stats, table.column_dimension, c) for c in table.columns] + [TOTAL]
        rows = [[_text(look, code_label(stats, table.row_dimension, r)), *(_n(look, stats, c) for c in line),
                 _n(look, stats, total, bold=True)]
                for r, line, total in zip(table.rows, table.cells, table.row_totals)]
        return _small_table(look, header, rows, [40] + [12] * (len(table.columns) + 1), CONTENT_WIDTH)
    header = [first, "Elever"]
    rows = [[_text(look, code_label(stats, table.row_dimension, r)), _n(look, stats, total)]
            for r, total in zip(table.rows, table.row_totals)]
    rows.append([_text(look, TOTAL, "word_bold"), _n(look, stats, table.total, bold=True)])
    return _small_table(look, header, rows, [40, 12], HALF, total_row=True)


def insatser_table(look: _Look, stats: Statistics) -> Flowable:
    if not stats.insatser:
        return _text(look, "Inga insatser är registrerade för året.", "caption")
    ranked = sorted(stats.insatser, key=lambda d: (d.n is None, -(d.n or 0), code_label(stats, "insats", d.group)))
    rows = []
    for d in ranked[:MOST_INSATSER]:
        rows.append([_text(look, code_label(stats, "insats", d.group)),
                     Paragraph(markup(n_text(d, stats.request)), look.hidden) if d.n is None else
                     Paragraph(str(d.n), look.number),
                     Paragraph(markup(signed(d.median)), look.number)])
    header = ["Insats", "Elever", "Förändring i frånvaro vid avslut, median (procentenheter)"]
    return _small_table(look, header, rows, [46, 10, 30], CONTENT_WIDTH)


def _pair(left: list[Flowable], right: list[Flowable]) -> Table:
    table = Table([[left, "", right]], colWidths=[HALF, GAP, HALF], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def build_yearly_report(stats: Statistics, context: ReportContext) -> bytes:
    """The one-page yearly report of ``stats`` (meant for a school year; any period prints)."""
    look = _Look()
    request = stats.request
    by_key = tables_by_key(stats)
    period = period_text(request)
    head = lambda text: Paragraph(markup(text), look.heading)  # noqa: E731
    story: list[Flowable] = [
        Paragraph(markup(f"{TITLE} {period[:1].lower() + period[1:] if period.startswith('Läsåret') else period}"),
                  look.title),
        Paragraph(markup(f"{context.team_name}  ·  {period_dates(request)}"), look.subtitle),
        Spacer(1, 1 * mm),
        head("Elever under året, efter kön"),
        year_table(look, stats),
        Spacer(1, 2 * mm),
        _pair([head("Resultat"), results_table(look, stats)],
              [head("Gymnasiebehörighet, årskurs 9"),
               category_table(look, stats, by_key.get("behorighet"), "Vid avslut",
                              empty="Inga elever i årskurs 9 avslutades under året.")]),
        head("Mål efter bedömning (elever, senaste bedömningen)"),
        category_table(look, stats, by_key.get("goal_rating"), "Målområde", columns=True,
                       empty="Inga mål är bedömda under året."),
        Spacer(1, 2 * mm),
        _pair([head("Skäl till avslut"), category_table(look, stats, by_key.get("closing_reason"), "Skäl")],
              [head("Vem som aktualiserade ärendet"),
               category_table(look, stats, by_key.get("raised_by"), "Aktualiserat av")]),
        head("Insatser som använts mest"),
        insatser_table(look, stats),
        Spacer(1, 2 * mm),
        Paragraph(markup(
            f"Siffrorna är antal elever; en elev räknas en gång även med flera ärenden. ”{suppressed_text(request)}” "
            f"= färre än {request.min_cell} elever: siffran döljs för att ingen elev ska kunna pekas ut. ”..” = "
            f"dold så att en mindre grupp inte kan räknas fram (minst {request.min_cell} elever). Frånvaro: förändringen från de 8 veckorna "
            f"före inskrivningen, i procentenheter; negativt = mindre frånvaro. Medianer bara för grupper om minst "
            f"{request.min_cell} elever. Andelen med minskad frånvaro är ”{UNKNOWN}” när en del av fördelningen "
            f"under noll är dold."), look.caption),
    ]
    info = DocumentInfo(title=TITLE, keywords=("statistik", "årsrapport", "skolsocialt team"))
    return render_pdf(story, info, context)

