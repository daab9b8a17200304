"""The statistics documents made from a real team: the demo database → ``case_facts`` → ``compute`` → the PDF
report, the yearly report, the CSV and the XLSX — each read back and held to the ``Statistics`` it came from.

Needs stats-data's ``persistence.statistics.case_facts`` and stats-core's ``workflow.statistics.compute``
(issue 15); until both are merged the module is skipped with that reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from stats_readback import contains, csv_blocks, expected_rows, pdf_words, row_phrases, table

from sst_desk.demo.attendance import add_attendance
from sst_desk.demo.generate import populate
from sst_desk.persistence import Database
from sst_desk.reports.base import ReportContext
from sst_desk.reports.statistics import build_statistics_report
from sst_desk.reports.statistics_tables import statistics_csv, statistics_xlsx
from sst_desk.reports.statistics_words import table_title
from sst_desk.reports.statistics_yearly import build_yearly_report
from sst_desk.workflow.stats_model import Dimension, StatsRequest

case_facts = pytest.importorskip("sst_desk.persistence.statistics",
                                 reason="stats-data's case_facts is not merged yet").case_facts
compute = pytest.importorskip("sst_desk.workflow.statistics", reason="stats-core's compute is not merged yet").compute

TODAY = dt.date(2026, 3, 2)
CONTEXT = ReportContext(team_name="Skolsociala teamet Demo", printed_by="Tove Teamledare", printed_on=TODAY)


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory):
    db = Database.open(Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite3")
    try:
        ids = populate(db, students=150, seed=11, today=TODAY)
        add_attendance(db, ids, 11, TODAY)
        with db.uow() as tx:
            return case_facts(tx.session, visible_to=None, today=TODAY)
    finally:
        db.close()


@pytest.mark.parametrize("breakdown", [Dimension.SCHOOL, Dimension.WORKER, None])
def test_the_report_prints_every_cell_of_the_demos_statistics(facts, breakdown):
    stats = compute(facts, StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), TODAY, breakdown))
    assert any(c.count is None for t in stats.counts for row in t.cells for c in row)  # something is hidden
    words, pages = pdf_words(build_statistics_report(stats, CONTEXT))
    assert pages >= 3
    for t in stats.counts:
        assert contains(words, table_title(t.key).split()), t.key
        for phrase in row_phrases(stats, t):
            assert contains(words, phrase), (t.key, phrase)
    assert pdf_words(build_yearly_report(stats, CONTEXT))[1] == 1


def test_the_exports_hold_the_demos_cells(facts, tmp_path: Path):
    from python_calamine import CalamineWorkbook

    stats = compute(facts, StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), TODAY, Dimension.SCHOOL))
    blocks = csv_blocks(statistics_csv(stats))
    for t in stats.counts:
        assert blocks[table_title(t.key)][1:] == expected_rows(stats, t), t.key
    path = tmp_path / "statistik.xlsx"
    path.write_bytes(statistics_xlsx(stats))
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Antal elever").to_python()
    active = table(stats, "active")
    start = next(i for i, row in enumerate(sheet) if row[0] == table_title("active"))
    got = [[v if isinstance(v, str) else str(int(v)) for v in row[:len(active.columns) + 2]]
           for row in sheet[start + 2:start + 3 + len(active.rows)]]
    assert got == expected_rows(stats, active)
