"""``sst-desk stats``'s tables as text: a primary suppressed cell reads "<N" (the team's threshold), a secondary
one ".." (it may hold five students or more: "<5" would not be true), counts as they are."""

from __future__ import annotations

import datetime as dt

from sst_desk.cli.statistics import as_text
from sst_desk.workflow.stats_model import Cell, CountTable, Distribution, Statistics, StatsRequest


def test_primary_and_secondary_cells_read_differently():
    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2026, 3, 1), None, 7)
    table = CountTable("raised", "", "gender", ("",), ("flicka", "pojke"),
                       ((Cell(None, True), Cell(None, False)),), (Cell(12),), (Cell(None, True), Cell(None, False)),
                       Cell(12))
    stats = Statistics(request, 12, counts=(table,),
                       absence={"change_latest": (Distribution("", 12, -4.5, -10.0, 1.0, -3.0),
                                                  Distribution("x", None))})
    text = as_text(stats)
    line = next(row for row in text.splitlines() if row.startswith("All ") and "12" in row)
    assert line.split() == ["All", "<7", "..", "12"]
    assert "Groups of fewer than 7 students are shown as <7." in text
    assert ".. hides a figure so that a smaller group cannot be worked out from the others." in text
    assert "-4.5" in text and "<5" not in text


def test_a_hidden_group_reads_by_why_it_is_hidden():
    """A distribution's n hidden because the group is small reads "<N"; hidden to protect another, ".."."""
    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2026, 3, 1), None, 5)
    stats = Statistics(request, 30, absence={"change_latest": (Distribution("", 30, -2.0, -6.0, 1.0, -2.5),
                                                               Distribution("a", None, n_primary=True),
                                                               Distribution("b", None, n_primary=False))})
    rows = [row.split()[1] for row in as_text(stats).splitlines() if row.startswith(("a ", "b "))]
    assert rows == ["<5", ".."]
