"""The files made from a ``Statistics``: the PDF report, the one-page yearly report, the CSV and the XLSX.

Read back the way a reader meets them (pypdf's text, Python's csv with ";", python-calamine — the app's
spreadsheet reader) and held to the tables they were made from: every row's words and cells in order, "<N"
exactly where a cell is hidden (so no number stands where a hidden cell is), the yearly report on one A4
page. The ``Statistics`` are hand-made (tests/unit/stats_samples.py), so these tests pin the rendering, not
the counting (stats-core's tests pin that).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Group, Rect, String
from reportlab.lib.pagesizes import A4

from sst_desk.reports.base import ReportContext
from sst_desk.reports.statistics import build_statistics_report
from sst_desk.reports.statistics_charts import LOOKS, group_bar_charts, group_bars, histogram
from sst_desk.reports.statistics_tables import statistics_csv, statistics_xlsx
from sst_desk.reports.statistics_words import bin_label, code_label, decimal, period_text, signed, table_title
from sst_desk.reports.statistics_yearly import build_yearly_report, share_down
from sst_desk.workflow.stats_model import Cell, CountTable, Dimension, Distribution, Statistics, StatsRequest

from stats_readback import cell, contains, csv_blocks, expected_rows, pdf_words, row_phrases, table
from stats_samples import HIDDEN, INSATS_NAMES, SCHOOLS, WORKERS, many_schools_stats, school_year_stats

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                        printed_on=dt.date(2026, 3, 2), contact_lines=("Äppelvikens stadsdelsförvaltning",))
GENDER_HEAD = ["Flicka", "Pojke", "Annat", "Ej angivet", "Totalt"]


# --- the PDF report -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def school_report() -> tuple[Statistics, list[str], int]:
    stats = school_year_stats()
    words, pages = pdf_words(build_statistics_report(stats, CONTEXT))
    return stats, words, pages


def test_the_report_names_the_period_the_breakdown_and_how_to_read_it(school_report):
    _stats, words, _pages = school_report
    text = " ".join(words)
    assert "Läsåret 2025/26 (2025-07-01 – 2026-06-30) · per skola" in text
    assert "Så läser du rapporten" in text
    assert "”<5” betyder att färre än 5 elever finns i rutan." in text
    assert "En elev räknas en gång i varje ruta" in text
    assert "sekundär röjandekontroll" in text


def test_every_count_table_prints_each_row_with_its_cells_and_hidden_cells_as_lt5(school_report):
    stats, words, _pages = school_report
    for t in stats.counts:
        title = {"goal_rating": "Mål efter bedömning", "behorighet": "Gymnasiebehörighet vid avslut (årskurs 9)"}
        assert contains(words, title.get(t.key, "").split()) if t.key in title else True
        for phrase in row_phrases(stats, t):
            assert contains(words, phrase), (t.key, phrase)


def test_a_hidden_cell_never_prints_its_number_where_it_stands(school_report):
    """The row's words are fixed by ``row_phrases``: where a cell is hidden, "<5" stands, not its count
    (which is not in the data at all); here the true counts from the fixture are checked to be absent."""
    stats, words, _pages = school_report
    active = table(stats, "active")
    for (i, j), true_count in HIDDEN["active"].items():
        row = row_phrases(stats, active)[i]
        label_words = len(code_label(stats, active.row_dimension, active.rows[i]).split())
        assert row[label_words + j] == ("<5" if true_count < 5 else "..")
        wrong = row.copy()
        wrong[label_words + j] = str(true_count)
        assert not contains(words, wrong)


def test_the_report_has_the_outcomes_in_words_and_swedish_numbers(school_report):
    _stats, words, _pages = school_report
    text = " ".join(words)
    assert "Förändring i frånvaro: utgångsläget mot avslut" in text
    assert contains(words, ["Alla", "elever", "29", "−11", "−19,5", "till", "−2", "−10,3"])
    assert contains(words, ["Västra", "Hamnens", "skola", "<5", "–", "–", "–"])  # a hidden group: no figures
    assert contains(words, ["Genomförande", "31", "96", "70", "till", "128"])  # days in a stage
    assert contains(words, ["Föräldrastöd", "(KOMET)", "22", "−12", "−21", "till", "−4"])  # an insats by name
    assert contains(words, ["Hembesök", "och", "hämtning", "<5", "–", "–"])
    for word in ("Skolnärvaro", "Övriga", "Ej", "bedömt", "Målen", "Orosanmälan", "Kartläggning"):
        assert word in words


def test_a_worker_breakdown_names_the_workers_and_says_rows_overlap():
    stats = school_year_stats(breakdown=Dimension.WORKER)
    words, _ = pdf_words(build_statistics_report(stats, CONTEXT))
    text = " ".join(words)
    for name in WORKERS.values():
        assert name in text
    assert "per ansvarig handläggare" in text
    assert "raderna blir tillsammans fler än totalen" in text
    for phrase in row_phrases(stats, table(stats, "active")):
        assert contains(words, phrase)


def test_a_long_table_runs_over_pages_with_its_header_repeated():
    stats = many_schools_stats(60)
    words, pages = pdf_words(build_statistics_report(stats, CONTEXT))
    assert pages >= 4
    for phrase in row_phrases(stats, table(stats, "active")):
        assert contains(words, phrase), phrase
    # The table's header is printed again on the pages it runs onto.
    header = " ".join(["Skola", *GENDER_HEAD]).split()
    # Two tables by school (active, raised), each over at least two pages.
    assert sum(words[i:i + len(header)] == header for i in range(len(words))) >= 2 * 2


def test_another_threshold_prints_as_such():
    stats = school_year_stats(min_cell=10)
    words, _ = pdf_words(build_statistics_report(stats, CONTEXT))
    assert "<10" in words and "<5" not in words
    assert "”<10” betyder att färre än 10 elever finns i rutan." in " ".join(words)


def test_an_unknown_table_key_and_code_print_as_codes_rather_than_crash():
    stats = school_year_stats(breakdown=None)
    extra = CountTable("new_thing", "new_dimension", "gender", ("code_x",), ("flicka", "pojke", "annat", "ej_angivet"),
                       ((Cell(7), Cell(None, True), Cell(None, True), Cell(None, True)),), (Cell(9),),
                       (Cell(7), Cell(None), Cell(None), Cell(None)), Cell(9))
    stats = dataclasses.replace(stats, counts=(*stats.counts, extra), notes=("something_new",))
    words, _ = pdf_words(build_statistics_report(stats, CONTEXT))
    assert contains(words, ["code_x", "7", "<5", "<5", "<5", "9"])
    assert "new_thing" in words and "something_new" in words
    assert statistics_csv(stats) and statistics_xlsx(stats)


def test_the_pdfs_metadata_name_the_kind_only():
    for build, title in ((build_statistics_report, "Statistik"), (build_yearly_report, "Årsrapport")):
        meta = PdfReader(io.BytesIO(build(school_year_stats(), CONTEXT))).metadata
        assert (meta.title, meta.subject, meta.author) == (title, title, "Jonas Ahlström")


def test_nothing_to_count_still_prints():
    request = StatsRequest(dt.date(2026, 1, 1), dt.date(2026, 6, 30), today=dt.date(2026, 3, 2))
    stats = Statistics(request=request, case_count=0, notes=("no_attendance",))
    words, _ = pdf_words(build_statistics_report(stats, CONTEXT))
    text = " ".join(words)
    assert "VT 2026" in text and "Inga ärenden finns att räkna för perioden." in text
    assert "Det finns inga ärenden att räkna" in text
    assert "Inget ärende under perioden har frånvaro registrerad före inskrivningen" in text
    assert pdf_words(build_yearly_report(stats, CONTEXT))[1] == 1


# --- the charts -----------------------------------------------------------------------------------------------

def _flatten(node) -> list:
    items = []
    for child in getattr(node, "contents", []):
        items.append(child)
        if isinstance(child, Group):
            items += _flatten(child)
    return items


def test_a_hidden_bar_is_not_drawn_and_says_lt5():
    stats = school_year_stats()
    active = table(stats, "active")
    drawing = group_bars(stats, active)
    shapes = _flatten(drawing)
    texts = [s.text for s in shapes if isinstance(s, String)]
    # Only girls and boys have a published cell: "Annat" and "Ej angivet" are left out (the caption says so).
    shown = [0, 1]
    published = [c.count for row in active.cells for j, c in enumerate(row) if j in shown and c.count is not None]
    primary = sum(1 for row in active.cells for j, c in enumerate(row) if j in shown and c.primary)
    secondary = sum(1 for row in active.cells for j, c in enumerate(row)
                    if j in shown and c.count is None and not c.primary)
    assert texts.count("<5") == primary == 1  # a small group
    assert texts.count("..") == secondary == 1  # hidden to protect it: "<5" there would be false
    bars = [s for s in shapes if isinstance(s, Rect) and s.strokeWidth == 0.6 and s.width > 0 and s.height == 9.0]
    assert len(bars) == len(published)  # one per published count (the legend's swatches are 8 high)
    for count in published:
        assert str(count) in texts
    assert "Flicka" in texts and "Pojke" in texts and "Annat" not in texts


def test_series_differ_by_pattern_not_only_by_colour():
    assert len({(look.fill, look.pattern) for look in LOOKS}) == len(LOOKS)
    assert len({look.pattern for look in LOOKS[:2]}) == 2  # the two series always present: solid vs hatched


def test_the_histogram_has_a_bar_per_published_bin_and_lt5_for_a_hidden_one():
    stats = school_year_stats()
    everyone = stats.absence["change_latest"][0]
    texts = [s.text for s in _flatten(histogram(stats, everyone)) if isinstance(s, String)]
    assert texts.count("<5") == sum(1 for *_, c in everyone.bins if c is None) == 2
    for low, high, count in everyone.bins:
        assert bin_label(low, high) in texts
        if count is not None:
            assert str(count) in texts
    assert "under −20" in texts and "+10 eller mer" in texts and "0 till +5" in texts


def test_a_chart_of_many_schools_is_cut_into_parts_that_fit_a_page_on_one_scale():
    stats = many_schools_stats(60)
    parts = group_bar_charts(stats, table(stats, "active"), max_height=640)
    assert len(parts) >= 2 and all(part.height <= 640 for part in parts)


# --- the yearly report ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("breakdown", [Dimension.SCHOOL, Dimension.WORKER, None])
def test_the_yearly_report_is_one_a4_page(breakdown):
    data = build_yearly_report(school_year_stats(breakdown=breakdown), CONTEXT)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))


def test_the_yearly_report_stays_one_page_with_many_schools_and_insatser():
    stats = many_schools_stats(80)
    many = tuple(Distribution(f"insats_{i}", 5 + i, -3.0) for i in range(25))
    stats = dataclasses.replace(stats, insatser=many, insats_names={f"insats_{i}": f"Insats nummer {i} med ett "
                                                                     f"ganska långt namn i katalogen" for i in range(25)})
    assert pdf_words(build_yearly_report(stats, CONTEXT))[1] == 1


def test_the_yearly_report_holds_the_year_by_gender_and_the_outcomes():
    stats = school_year_stats()
    words, _ = pdf_words(build_yearly_report(stats, CONTEXT))
    text = " ".join(words)
    assert "Årsrapport läsåret 2025/26" in text
    for key, label in (("active", "Inskrivna elever under året"), ("raised", "Nya ärenden (aktualiseringar)"),
                       ("enrolled", "Nyinskrivna under året"), ("closed", "Avslutade ärenden"),
                       ("booster_held", "Boosterträffar, genomförda")):
        t = table(stats, key)
        assert contains(words, [*label.split(), *(cell(c) for c in t.column_totals), cell(t.total)]), key
    assert contains(words, ["Förändring,", "median", "−11", "−7,5"])
    # 9 + 14 + 8 + 7 = 38 of 86 went down in the latest 4 weeks; at avslut a bin below 0 is hidden.
    assert contains(words, ["Elever", "med", "minskad", "frånvaro", "ej", "känd", "38"])
    assert contains(words, ["Andel", "med", "minskad", "frånvaro", "ej", "känd", "44", "%"])
    assert contains(words, ["Behörig", "till", "gymnasiet", "11"])
    assert contains(words, ["Målen", "är", "uppnådda", "17"])
    goals = table(stats, "goal_rating")
    assert contains(words, ["Skolnärvaro", *(cell(c) for c in goals.cells[0]), cell(goals.row_totals[0])])
    assert contains(words, ["Motiverande", "samtal", "41", "−9"])
    assert "Stödgrupp" in words and "Hembesök" in words  # five insatser: the hidden one last


def test_share_down_reads_only_whole_bins_below_zero():
    bins = ((-100.0, -20.0, 6), (-20.0, 0.0, 7), (0.0, 100.0, None))
    assert share_down(Distribution("", 20, bins=bins)) == (13, 20)
    assert share_down(Distribution("", 20, bins=((-100.0, 0.0, None), (0.0, 100.0, 12)))) is None
    assert share_down(Distribution("", 20, bins=((-100.0, 5.0, 15), (5.0, 100.0, 5)))) is None  # across 0
    assert share_down(Distribution("", None)) is None


# --- CSV and XLSX ---------------------------------------------------------------------------------------------

def test_the_csv_parses_back_to_the_same_cells():
    stats = school_year_stats()
    data = statistics_csv(stats)
    assert b"\r\n" in data and b"\xe2\x88\x92" not in data  # CRLF; no true minus sign (Excel reads "-")
    blocks = csv_blocks(data)
    active = blocks["Elever inskrivna i teamet under perioden"]
    assert active[0] == ["Skola", *GENDER_HEAD]
    assert active[1:] == expected_rows(stats, table(stats, "active"))
    assert [r[0] for r in active[1:-1]] == list(SCHOOLS)
    reasons = blocks["Skäl till avslut"]
    assert reasons[1:] == expected_rows(stats, table(stats, "closing_reason"))
    absence = blocks["Förändring i frånvaro: utgångsläget mot de senaste 4 veckorna"]
    assert absence[1] == ["Alla elever", "86", "-7,5", "-15,2", "1,4", "-6,9"]  # decimal comma, ASCII minus
    assert ["Västra Hamnens skola", "<5", "", "", "", ""] in absence
    bins = blocks["Förändring i frånvaro: utgångsläget mot de senaste 4 veckorna, fördelning (alla elever)"]
    assert [row[0] for row in bins[1:]] == ["under -20", "från -20 till -10", "från -10 till -5", "från -5 till 0",
                                           "från 0 till 5", "från 5 till 10", "10 och mer"]
    about = blocks["Om statistiken"]
    assert ["Minsta antal elever per ruta", "5"] in about and ["Uppdelning", "Skola"] in about
    assert ["Period", "2025-07-01 – 2026-06-30"] in about


def test_the_xlsx_opens_with_calamine_and_holds_the_same_cells(tmp_path):
    from python_calamine import CalamineWorkbook

    stats = school_year_stats(breakdown=Dimension.WORKER)
    path = tmp_path / "statistik.xlsx"
    path.write_bytes(statistics_xlsx(stats))
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[0] == "Om statistiken"
    assert {"Antal elever", "Kategorier", "Frånvaro", "Tid per steg", "Insatser"} <= set(book.sheet_names)
    sheet = book.get_sheet_by_name("Antal elever").to_python()
    start = next(i for i, row in enumerate(sheet) if row[0] == "Elever inskrivna i teamet under perioden")
    assert sheet[start + 1][:6] == ["Ansvarig handläggare", *GENDER_HEAD]
    t = table(stats, "active")
    got = [[row[0], *(int(v) if isinstance(v, float) else v for v in row[1:6])]
           for row in sheet[start + 2:start + 3 + len(t.rows)]]
    want = [[r[0], *(int(v) if v.isdigit() else v for v in r[1:])] for r in expected_rows(stats, t)]
    assert got == want
    about = book.get_sheet_by_name("Om statistiken").to_python()
    assert ["Minsta antal elever per ruta", 5.0] in [row[:2] for row in about]


def test_the_xlsx_has_numbers_as_numbers_bold_headers_and_fitting_columns(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "statistik.xlsx"
    path.write_bytes(statistics_xlsx(school_year_stats()))
    sheet = load_workbook(path)["Antal elever"]
    assert sheet["A2"].value == "Skola" and sheet["A2"].font.bold
    assert sheet["B3"].value == 14 and isinstance(sheet["B3"].value, int)
    assert sheet["D3"].value == "<5"
    assert sheet.column_dimensions["A"].width >= len("Västra Hamnens skola")
    figures = load_workbook(path)["Frånvaro"]
    assert figures["C3"].value == -7.5 and figures["C3"].number_format == "0.0"


# --- words ----------------------------------------------------------------------------------------------------

def test_words_for_codes_periods_and_figures():
    stats = school_year_stats(breakdown=Dimension.GRADE)
    assert code_label(stats, "grade", "9") == "Årskurs 9"
    assert code_label(stats, "grade", "0") == "Förskoleklass"
    assert code_label(stats, "grade", "") == "Uppgift saknas"
    assert code_label(stats, "gender", "all") == "Alla"
    assert code_label(stats, "rating", "") == "Ej bedömt"
    assert code_label(stats, "behorighet", "") == "Ej registrerat"
    assert code_label(stats, "", "") == "Alla elever"
    assert code_label(stats, "goal_area", "skolnarvaro") == "Skolnärvaro"
    assert code_label(stats, "worker", "99") == "Handläggare (id 99)"
    assert period_text(StatsRequest(dt.date(2026, 7, 1), dt.date(2026, 12, 31), dt.date(2026, 9, 1))) == "HT 2026"
    assert period_text(StatsRequest(dt.date(2026, 2, 1), dt.date(2026, 3, 1), dt.date(2026, 9, 1))) == \
        "2026-02-01 – 2026-03-01"
    assert (decimal(-7.25), decimal(3.0), signed(2.5), signed(0.0), decimal(None)) == ("−7,2", "3", "+2,5", "0", "–")


def test_every_fixed_word_of_the_statistics_documents_has_glyphs():
    from sst_desk import vocabulary
    from sst_desk.reports import statistics_yearly
    from sst_desk.reports.fonts import missing_glyphs
    from sst_desk.reports.statistics_words import MINUS, SHORT_NOTE, SHORT_TITLES, reading_note

    fixed = [w.sv for table in vocabulary.STATS_WORDS.values() for w in table.values()]
    fixed += [*SHORT_TITLES.values(), SHORT_NOTE, MINUS, "”<5”", "–", "·", *statistics_yearly.YEAR_ROWS.values()]
    fixed += reading_note(school_year_stats(breakdown=Dimension.WORKER).request)
    assert all(not missing_glyphs(text) for text in fixed)


# --- from the real compute --------------------------------------------------------------------------------------

@pytest.mark.parametrize("breakdown", [*Dimension, None])
def test_statistics_from_compute_print_every_cell_in_every_file(breakdown):
    from sst_desk.workflow.statistics import compute

    from stats_samples import sample_facts

    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2026, 3, 2), breakdown)
    stats = dataclasses.replace(compute(sample_facts(), request), worker_names=dict(WORKERS),
                                insats_names=dict(INSATS_NAMES))
    assert any(c.count is None for t in stats.counts for row in t.cells for c in row)
    words, _ = pdf_words(build_statistics_report(stats, CONTEXT))
    blocks = csv_blocks(statistics_csv(stats))
    for t in stats.counts:
        for phrase in row_phrases(stats, t):
            assert contains(words, phrase), (t.key, phrase)
        assert blocks[table_title(t.key)][1:] == expected_rows(stats, t), t.key
    everyone = next(d for d in stats.absence["change_latest"] if d.group == "")
    assert contains(words, ["Alla", "elever", str(everyone.n), signed(everyone.median)])
    assert "kön och kön" not in " ".join(words)
    for row in table(stats, "active").rows:  # every row has words: no code printed raw
        label = code_label(stats, table(stats, "active").row_dimension, row)
        assert label and (label != row or breakdown is Dimension.SCHOOL), row
    assert pdf_words(build_yearly_report(stats, CONTEXT))[1] == 1


def test_the_yearly_report_by_gender_takes_the_genders_from_the_rows():
    from sst_desk.workflow.statistics import compute

    from stats_samples import sample_facts

    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2026, 3, 2), Dimension.GENDER)
    stats = compute(sample_facts(), request)
    active = table(stats, "active")
    assert active.columns == ("all",)
    words, pages = pdf_words(build_yearly_report(stats, CONTEXT))
    assert pages == 1
    assert contains(words, ["Flicka", "Pojke", "Annat", "Ej", "angivet", "Totalt"])
    assert contains(words, ["Inskrivna", "elever", "under", "året", *(cell(c) for c in active.row_totals),
                            cell(active.total)])


def test_a_name_that_looks_like_a_formula_stays_text_in_both_spreadsheets(tmp_path):
    from openpyxl import load_workbook

    base = school_year_stats()
    evil = '=HYPERLINK("http://example.invalid","klicka")'
    active = table(base, "active")
    renamed = dataclasses.replace(active, rows=(evil, *active.rows[1:]))
    stats = dataclasses.replace(base, counts=(renamed, *base.counts[1:]))
    blocks = csv_blocks(statistics_csv(stats))
    assert blocks["Elever inskrivna i teamet under perioden"][1][0] == "'" + evil
    path = tmp_path / "statistik.xlsx"
    path.write_bytes(statistics_xlsx(stats))
    cell = load_workbook(path)["Antal elever"]["A3"]
    assert (cell.value, cell.data_type) == (evil, "s")


# --- the two marks: "<5" (primary) and ".." (secondary) in every file -----------------------------------------

def _marked_stats() -> Statistics:
    """One table whose row holds a primary hidden cell (3 girls: "<5") and a secondary one (6 boys, hidden
    to protect the 3: ".."), a small group's n ("<5") and a protecting group's n (".."), and a histogram
    with one primary and one secondary bin."""
    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), today=dt.date(2026, 3, 2))
    marked = CountTable("active", "school", "gender", ("Almskolan", "Björkskolan"),
                        ("flicka", "pojke", "annat", "ej_angivet"),
                        ((Cell(None, True), Cell(None), Cell(0), Cell(0)), (Cell(None), Cell(None), Cell(0), Cell(0))),
                        (Cell(9), Cell(17)), (Cell(11), Cell(15), Cell(0), Cell(0)), Cell(26))
    bins = ((-100.0, -20.0, None), (-20.0, -10.0, None), (-10.0, -5.0, 8), (-5.0, 0.0, 7), (0.0, 5.0, 5),
            (5.0, 10.0, 6), (10.0, 100.0, 0))
    everyone = Distribution("", 26, -4.0, -9.0, 2.0, -3.0, bins, primary_bins=frozenset({0}))
    groups = (everyone, Distribution("Almskolan", None, n_primary=False),
              Distribution("Björkskolan", None, n_primary=True))
    return Statistics(request, case_count=26, counts=(marked,),
                      absence={"change_latest": groups, "change_at_close": (everyone,)})


def test_every_file_prints_lt5_for_a_primary_cell_and_dots_for_a_secondary_one(tmp_path):
    from openpyxl import load_workbook

    stats = _marked_stats()
    words, _ = pdf_words(build_statistics_report(stats, CONTEXT))
    assert contains(words, ["Almskolan", "<5", "..", "0", "0", "9"])
    assert contains(words, ["Björkskolan", "..", "..", "0", "0", "17"])
    assert contains(words, ["”..”", "betyder", "att", "en", "ruta", "med", "minst", "5", "elever", "också"])
    blocks = csv_blocks(statistics_csv(stats))
    active = blocks["Elever inskrivna i teamet under perioden"]
    assert ["Almskolan", "<5", "..", "0", "0", "9"] in active
    assert ["Almskolan", "..", "", "", "", ""] in blocks[
        "Förändring i frånvaro: utgångsläget mot de senaste 4 veckorna"]
    bins = blocks["Förändring i frånvaro: utgångsläget mot de senaste 4 veckorna, fördelning (alla elever)"]
    assert [row[1] for row in bins[1:3]] == ["<5", ".."]
    assert ["Tecken", "<5 = färre än 5 elever. .. = dold så att en mindre grupp inte kan räknas fram "
                      "(minst 5 elever)."] in blocks["Om statistiken"]
    path = tmp_path / "statistik.xlsx"
    path.write_bytes(statistics_xlsx(stats))
    book = load_workbook(path)
    assert [book["Antal elever"][f"{c}3"].value for c in "ABCDEF"] == ["Almskolan", "<5", "..", 0, 0, 9]
    assert any(row[0] == "Tecken" and row[1].startswith("<5 = färre") for row in
               book["Om statistiken"].iter_rows(values_only=True))


def test_the_yearly_report_prints_both_marks_and_says_what_they_mean():
    stats = _marked_stats()
    active = dataclasses.replace(stats.counts[0], column_totals=(Cell(11), Cell(13), Cell(None, True), Cell(None)))
    words, _ = pdf_words(build_yearly_report(dataclasses.replace(stats, counts=(active,)), CONTEXT))
    text = " ".join(words)
    assert "”..” = dold så att en mindre grupp inte kan räknas fram (minst 5 elever)" in text
    assert contains(words, ["Inskrivna", "elever", "under", "året", "11", "13", "<5", "..", "26"]), text[:600]


def test_a_histograms_hidden_bins_carry_their_own_marks():
    stats = _marked_stats()
    texts = [s.text for s in _flatten(histogram(stats, stats.absence["change_latest"][0])) if isinstance(s, String)]
    assert texts.count("<5") == 1 and texts.count("..") == 1
