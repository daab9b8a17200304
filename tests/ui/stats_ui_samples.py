"""A hand-made ``Statistics`` for the statistics window's tests: four schools, hidden cells of both kinds.

Fictional; built to the shapes of ``workflow/stats_model.py`` so the window's models and charts can be
checked cell by cell, independently of how ``compute`` counts.
"""

from __future__ import annotations

import datetime as dt

from sst_desk.workflow.codes import ClosingReason, Gender, Stage
from sst_desk.workflow.stats_model import Cell, CountTable, Dimension, Distribution, Statistics, StatsRequest

GENDERS = tuple(g.value for g in Gender)
SCHOOLS = ("Ekbackeskolan", "Sjöviksskolan", "Tallbergets skola", "Norrängsskolan med ett mycket långt namn")
H = Cell(None, primary=True)  # hidden: below the threshold
S = Cell(None, primary=False)  # hidden: to protect another cell


def c(n: int) -> Cell:
    return Cell(n)


def active_by_school() -> CountTable:
    cells = (
        (c(14), c(11), H, H),
        (c(9), c(7), H, S),
        (H, c(6), S, H),
        (c(22), c(18), c(5), H),
    )
    return CountTable("active", Dimension.SCHOOL.value, "gender", SCHOOLS, GENDERS, cells,
                      row_totals=(c(27), c(18), c(9), c(46)), column_totals=(c(47), c(42), c(8), H), total=c(100))


def closing_reasons() -> CountTable:
    rows = tuple(r.value for r in (ClosingReason.MAL_UPPNADDA, ClosingReason.HANVISAD, ClosingReason.ANNAT))
    cells = ((c(12), c(8), H, H), (H, S, H, H), (c(5), c(6), H, H))
    return CountTable("closing_reason", "closing_reason", "gender", rows, GENDERS, cells,
                      row_totals=(c(21), c(7), c(11)), column_totals=(c(19), c(18), H, H), total=c(39))


def worker_table() -> CountTable:
    cells = ((c(20), c(15), H, H), (c(12), c(9), H, S))
    return CountTable("raised", Dimension.WORKER.value, "gender", ("11", "12"), GENDERS, cells,
                      row_totals=(c(36), c(23)), column_totals=(c(28), c(22), H, H), total=c(54))


def sample_statistics(breakdown: Dimension | None = Dimension.SCHOOL, min_cell: int = 5) -> Statistics:
    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2026, 3, 2), breakdown, min_cell)
    bins = ((float("-inf"), -20.0, 6), (-20.0, -10.0, 14), (-10.0, -5.0, 11), (-5.0, 0.0, 9), (0.0, 5.0, None),
            (5.0, 10.0, 7), (10.0, float("inf"), None))
    # bin 4 is below the threshold ("<5"), bin 6 hidden to protect it ("..")
    everyone = Distribution("", 52, median=-6.5, q1=-14.25, q3=1.5, mean=-5.8, bins=bins, primary_bins=frozenset({4}))
    absence = {
        "change_latest": (everyone, Distribution(SCHOOLS[0], 18, -8.0, -15.0, -1.0, -7.1, bins=bins),
                          Distribution(SCHOOLS[1], None, n_primary=True), Distribution(SCHOOLS[2], None)),
        "change_at_close": (Distribution("", 23, -9.0, -16.0, -2.5, -8.4, bins=bins),),
    }
    stages = (Distribution(Stage.AKTUALISERING.value, 88, 12, 6, 21), Distribution(Stage.KARTLAGGNING.value, 61, 34, 20, 51),
              Distribution(Stage.VIDMAKTHALLANDE.value, None, n_primary=True))
    insatser = (Distribution("mi", 17, -7.5), Distribution("cbt", None, n_primary=True))
    return Statistics(request, case_count=131, counts=(active_by_school(), closing_reasons(), worker_table()),
                      absence=absence, stage_days=stages, insatser=insatser, notes=("few_cases",),
                      worker_names={"11": "Sara Lind", "12": "Omar Nilsson"},
                      insats_names={"mi": "Motiverande samtal", "cbt": "KBT-inspirerat stöd"})
