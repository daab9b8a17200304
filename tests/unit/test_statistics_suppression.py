"""Issue 15's property: for random small teams, no suppressed cell can be worked out from the published
table and its totals — checked EXACTLY, by a checker that shares no code with the suppression.

The checker (``value_range``) is a plain two-phase simplex over ``fractions.Fraction``: the suppressed
cells are the unknowns, every row and every column of the table (the margin row and column included) is an
equation "its cells add up to its total", every unknown is ≥ 0. The smallest and the largest value a
suppressed cell can take are linear programs; the table's equations form a network matrix (totally
unimodular), so those bounds are whole numbers that real tables reach. A cell is safe when its largest
value is above its smallest: then it can take at least two values consistent with all that is published.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sst_desk.workflow.codes import Assessment, Gender, Level, RaisedBy, ReferralKind, Stage
from sst_desk.workflow.statistics import compute
from sst_desk.workflow.stats_model import (
    CaseFacts,
    Cell,
    CountTable,
    Dimension,
    Distribution,
    StatsRequest,
    cell_text,
)
from sst_desk.workflow.suppression import protect_line, protect_table, table_edges

# --- the exact checker ------------------------------------------------------------------------------


class _Tableau:
    """A x = b, x ≥ 0 in a simplex tableau of Fractions, made feasible (phase 1) once."""

    def __init__(self, matrix: list[list[int]], right: list[int]) -> None:
        self.n = len(matrix[0]) if matrix else 0
        m = len(matrix)
        self.rows = []
        for i, (row, b) in enumerate(zip(matrix, right, strict=True)):
            sign = -1 if b < 0 else 1
            artificial = [Fraction(1 if k == i else 0) for k in range(m)]
            self.rows.append([Fraction(sign * a) for a in row] + artificial + [Fraction(sign * b)])
        self.basis = [self.n + i for i in range(m)]
        phase_one = [Fraction(0)] * self.n + [Fraction(-1)] * m
        assert self._optimise(phase_one, range(self.n + m)) is not None
        assert all(self.rows[i][-1] == 0 for i, var in enumerate(self.basis) if var >= self.n), "infeasible"
        for i in range(len(self.rows) - 1, -1, -1):  # drive the artificials out; drop redundant equations
            if self.basis[i] >= self.n:
                column = next((j for j in range(self.n) if self.rows[i][j] != 0), None)
                if column is None:
                    del self.rows[i], self.basis[i]
                else:
                    self._pivot(i, column)
        for row in self.rows:  # the artificial columns are not used again
            del row[self.n:-1]

    def _pivot(self, r: int, column: int) -> None:
        pivot = self.rows[r][column]
        self.rows[r] = [value / pivot for value in self.rows[r]]
        for i, row in enumerate(self.rows):
            if i != r and row[column] != 0:
                factor = row[column]
                self.rows[i] = [a - factor * b for a, b in zip(row, self.rows[r], strict=True)]
        self.basis[r] = column

    def _optimise(self, objective: list[Fraction], columns: range) -> Fraction | None:
        """Maximise ``objective`` · x (Bland's rule: no cycling); None when unbounded."""
        while True:
            entering = None
            for j in columns:
                if j in self.basis:
                    continue
                reduced = objective[j] - sum(objective[b] * row[j] for b, row in zip(self.basis, self.rows,
                                                                                     strict=True))
                if reduced > 0:
                    entering = j
                    break
            if entering is None:
                return sum((objective[b] * row[-1] for b, row in zip(self.basis, self.rows, strict=True)),
                           Fraction(0))
            best = None
            for i, row in enumerate(self.rows):
                if row[entering] > 0:
                    ratio = row[-1] / row[entering]
                    if best is None or (ratio, self.basis[i]) < (best[0], self.basis[best[1]]):
                        best = (ratio, i)
            if best is None:
                return None
            self._pivot(best[1], entering)

    def maximum(self, variable: int, sign: int = 1) -> Fraction | None:
        copy = _Tableau.__new__(_Tableau)
        copy.n, copy.rows, copy.basis = self.n, [list(row) for row in self.rows], list(self.basis)
        objective = [Fraction(0)] * self.n
        objective[variable] = Fraction(sign)
        return copy._optimise(objective, range(self.n))


def value_range(grid: list[list[int]], hidden: set[tuple[int, int]], lazy: bool = False,
                min_cell: int = 0) -> dict[tuple[int, int], tuple]:
    """(smallest, largest) value of each hidden cell given the rest of ``grid`` (margins last); largest
    None when unbounded. ``lazy``: smallest None (not computed) when the largest is a whole value above
    the true one already (the cell can take two values).

    A line whose cells add up to its total is an equation. A line that does not (rows that overlap:
    distinct students counted in several rows) says only what a reader then knows: its cells add up to at
    least its total, and no cell is above it.

    ``min_cell``: what the marks tell (docs/statistics.md): a cell below it reads "<5" (primary: at most
    ``min_cell`` − 1), a hidden cell at or above it reads ".." (secondary: at least ``min_cell``)."""
    cells = sorted(hidden)
    index = {cell: k for k, cell in enumerate(cells)}
    height, width = len(grid), len(grid[0])
    constraints = []  # (terms, kind, constant): the terms' sum is "=", ">=" or "<=" the constant
    rows = [[(i, j) for j in range(width - 1)] + [(i, width - 1)] for i in range(height)]
    columns = [[(i, j) for i in range(height - 1)] + [(height - 1, j)] for j in range(width)]

    def adds_up(line: list[tuple[int, int]]) -> bool:
        *parts, total = line
        return sum(grid[i][j] for i, j in parts) == grid[total[0]][total[1]]

    # a reader knows whether a table's rows overlap (the note says so), not which of its columns happen
    # to add up all the same: when one line of a direction does not, none of that direction is an equation
    exact_lines = [line for group in (rows, columns) if all(adds_up(line) for line in group) for line in group]
    for line in rows + columns:
        *parts, total = line
        exact = line in exact_lines
        constraints.append(([*((part, 1) for part in parts), (total, -1)], "=" if exact else ">=", 0))
        if not exact:
            constraints += [([(part, 1), (total, -1)], "<=", 0) for part in parts]
    for cell in cells:  # the marks' bounds
        if grid[cell[0]][cell[1]] < min_cell:
            constraints.append(([(cell, 1)], "<=", min_cell - 1))
        elif min_cell > 0:
            constraints.append(([(cell, 1)], ">=", min_cell))
    matrix, right, kinds = [], [], []
    for terms, kind, constant in constraints:  # the known moved to the right
        row, b = [0] * len(cells), constant
        for cell, sign in terms:
            if cell in index:
                row[index[cell]] += sign
            else:
                b -= sign * grid[cell[0]][cell[1]]
        if any(row):
            matrix.append(row)
            right.append(b)
            kinds.append(kind)
        else:
            assert {"=": b == 0, ">=": b <= 0, "<=": b >= 0}[kind], "the published table contradicts itself"
    if not matrix:
        return {cell: (Fraction(0), None) for cell in cells}
    slacks = [k for k, kind in enumerate(kinds) if kind != "="]
    for k, row in enumerate(matrix):  # an inequality gets a slack variable ≥ 0
        row += [(-1 if kinds[k] == ">=" else 1) if k == s else 0 for s in slacks]
    tableau = _Tableau(matrix, right)
    result = {}
    for cell in cells:
        true = grid[cell[0]][cell[1]]
        largest = tableau.maximum(index[cell])
        if lazy and (largest is None or largest >= true + 1):
            result[cell] = (None, largest)
            continue
        result[cell] = (-tableau.maximum(index[cell], -1), largest)
    return result


def assert_protected(grid: list[list[int]], hidden: set[tuple[int, int]], min_cell: int,
                     marks: bool = True) -> None:
    """Every cell below ``min_cell`` hidden, and every hidden cell can take two values given the rest —
    and, with ``marks``, given the bounds "<5" and ".." reveal."""
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if value < min_cell:
                assert (i, j) in hidden, f"cell {(i, j)} = {value} is published"
    for cell, (smallest, largest) in value_range(grid, hidden, lazy=True,
                                                               min_cell=min_cell if marks else 0).items():
        true = grid[cell[0]][cell[1]]
        assert smallest is None or smallest <= true
        assert largest is None or true <= largest
        # two whole values (the bounds of an overlapping table's program need not be whole)
        assert largest is None or smallest is None or largest - smallest >= 1, (
            f"cell {cell} = {true} can be worked out in {grid}")


def with_margins(inner: list[list[int]]) -> list[list[int]]:
    grid = [[*row, sum(row)] for row in inner]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    return grid


# --- the checker checks ---------------------------------------------------------------------------


def test_the_checker_finds_a_lone_suppressed_cell() -> None:
    grid = with_margins([[2, 7], [6, 8]])
    assert value_range(grid, {(0, 0)}) == {(0, 0): (2, 2)}


def test_the_checker_finds_zeros_given_away_by_non_negativity() -> None:
    grid = with_margins([[9, 0, 0], [6, 7, 8]])
    bounds = value_range(grid, {(0, 1), (0, 2), (1, 1), (1, 2)})
    assert bounds[(0, 1)] == (0, 0) and bounds[(1, 1)] == (7, 7)


def test_the_checker_sees_a_rectangle_as_safe() -> None:
    grid = with_margins([[2, 7], [6, 8]])
    bounds = value_range(grid, {(0, 0), (0, 1), (1, 0), (1, 1)})
    assert bounds[(0, 0)] == (0, 8)


def test_the_checker_uses_the_bounds_the_marks_give() -> None:
    """The counterexample to suppression without bounds: a line of 0, 5 and 9 (total 14) with the 0
    ("<5") and the 5 ("..") hidden. They add up to 5; "<5" is at most 4 and ".." at least 5, so the first
    is 0 and the second 5. Without the marks' bounds both could be anything from 0 to 5."""
    grid = [[0, 5, 9, 14], [0, 5, 9, 14]]
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert value_range(grid, hidden)[(0, 0)] == (0, 5)
    bounds = value_range(grid, hidden, min_cell=5)
    assert bounds[(0, 0)] == (0, 0) and bounds[(0, 1)] == (5, 5)


def test_a_line_whose_hidden_cells_would_add_up_to_the_threshold_takes_a_roomier_partner() -> None:
    """A histogram's bins (parts dearer than the total): without bounds the cheapest partner of the 0 was
    the 5, the pair the test above works out. With bounds the 5 cannot give the 0 room (it cannot go
    below 5, the 0 not below 0), so the partner is the 9: 0 + 9 = 9 lets the "<5" be anything 0–4."""
    grid = [[0, 5, 9, 14], [0, 5, 9, 14]]
    assert protect_line([0, 5, 9], 14, 5, totals_first=False) == ({0, 2}, False)
    assert_protected(grid, {(i, j) for i in (0, 1) for j in (0, 2)}, 5)
    with pytest.raises(AssertionError, match="can be worked out"):
        assert_protected(grid, {(i, j) for i in (0, 1) for j in (0, 1)}, 5)
    assert protect_line([0, 5, 9], 14, 5) == ({0}, True)  # a count table's line: the total is cheaper


def test_a_rectangle_is_not_enough_when_its_cells_sit_at_their_bounds() -> None:
    """4 ("<5": at most 4) with three 5s (".." : at least 5) in a rectangle: the 4 cannot grow, and it
    could shrink only if the 5 across from it did. So the rectangle gives the 4 away; the suppression
    hides more (the checker then finds room)."""
    grid = with_margins([[4, 5, 9], [5, 5, 8]])
    rectangle = {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert value_range(grid, rectangle, min_cell=5)[(0, 0)] == (4, 4)
    hidden = protect_table(grid, 5)
    assert hidden > {(0, 0)} and hidden != rectangle
    assert_protected(grid, hidden, 5)


# --- the property ---------------------------------------------------------------------------------


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[int]], int]:
    rows, columns = draw(st.integers(2, 6)), draw(st.integers(2, 5))
    inner = [[draw(st.integers(0, 12)) for _ in range(columns)] for _ in range(rows)]
    return with_margins(inner), draw(st.integers(3, 10))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.booleans())
def test_no_suppressed_cell_of_a_random_table_can_be_worked_out(table: tuple, totals_first: bool) -> None:
    grid, min_cell = table
    hidden = protect_table(grid, min_cell, totals_first=totals_first)
    everything = len(hidden) == len(grid) * len(grid[0])  # the last resort: the marks alone may tell
    assert_protected(grid, hidden, min_cell, marks=not everything)


def test_a_table_hidden_whole_can_still_be_told_by_its_marks() -> None:
    """The known limit of the guarantee (docs/statistics.md): 1 1 / 2 2 at threshold 3, every cell hidden:
    the "<3" of row 0 must be 1 — 0 would need a 3 below it, 2 would leave row 0's "<3" total short."""
    grid = with_margins([[1, 1], [2, 2]])
    hidden = protect_table(grid, 3)
    assert len(hidden) == 9
    assert value_range(grid, hidden, min_cell=3)[(0, 0)] == (1, 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=2, max_size=7), st.integers(3, 10))
def test_no_suppressed_part_of_a_random_line_can_be_worked_out(parts: list[int], min_cell: int) -> None:
    hidden_parts, hidden_total = protect_line(parts, sum(parts), min_cell)
    grid = [[*parts, sum(parts)], [*parts, sum(parts)]]  # a line is a table of one row
    hidden = {(i, j) for j in hidden_parts for i in (0, 1)} | ({(0, len(parts)), (1, len(parts))}
                                                              if hidden_total else set())
    assert_protected(grid, hidden, min_cell)


@settings(max_examples=100, deadline=None)
@given(tables(), st.booleans())
def test_the_same_bottom_line_is_hidden_alike_when_it_is_forced(table: tuple, totals_first: bool) -> None:
    """What compute does for the gender totals: the line's own suppression forced on the table."""
    grid, min_cell = table
    bottom = grid[-1]
    hidden_parts, hidden_total = protect_line(bottom[:-1], bottom[-1], min_cell, totals_first)
    forced = {(len(grid) - 1, j) for j in hidden_parts} | (
        {(len(grid) - 1, len(bottom) - 1)} if hidden_total else set())
    hidden = protect_table(grid, min_cell, forced, totals_first)
    # the line's own suppression (the same gender totals hidden in every breakdown), and more only where
    # a column cannot be protected otherwise: its hidden cells all at the bounds their marks give
    bottom_hidden = {cell for cell in hidden if cell[0] == len(grid) - 1}
    assert bottom_hidden >= forced
    for extra in bottom_hidden - forced:
        assert _stuck(grid, hidden - {extra}, min_cell), f"{extra} hidden without need in {grid}"
    assert_protected(grid, hidden, min_cell)


def _stuck(grid: list[list[int]], hidden: set[tuple[int, int]], min_cell: int) -> bool:
    """Does some hidden cell take one value only (the checker)?"""
    return any(largest is not None and smallest is not None and largest - smallest < 1
               for smallest, largest in value_range(grid, hidden, min_cell=min_cell).values())


def test_a_column_stuck_at_its_bounds_hides_its_total_too() -> None:
    """The one case the bottom line is hidden beyond its own rule: a column of 0 and 3 (threshold 3)
    whose total 3 is published gives the "<3" away (".." is at least 3), so its total must go."""
    grid = [[0, 0, 0], [0, 3, 3], [0, 3, 3]]
    hidden = protect_table(grid, 3, {(2, 0), (2, 2)}, totals_first=False)
    assert (2, 1) in hidden
    assert _stuck(grid, hidden - {(2, 1)}, 3)
    assert_protected(grid, hidden, 3)


def test_a_table_of_large_cells_suppresses_nothing() -> None:
    assert protect_table(with_margins([[5, 6, 9], [7, 5, 12]]), 5) == set()


# --- random small teams through compute ------------------------------------------------------------

D = dt.date


@st.composite
def teams(draw: st.DrawFn) -> list[CaseFacts]:
    """A small team, one case a student (so that every table adds up: the checker's model)."""
    size = draw(st.integers(0, 40))
    facts = []
    for n in range(size):
        raised = D(2025, 7, 1) + dt.timedelta(days=draw(st.integers(-60, 400)))
        enrolled = draw(st.sampled_from([None, raised + dt.timedelta(days=10)]))
        closed = draw(st.sampled_from([None, raised + dt.timedelta(days=120)])) if enrolled else None
        facts.append(CaseFacts(
            case_id=n, student_id=n, school=draw(st.sampled_from(["Almskolan", "Björkskolan", "Ekskolan"])),
            grade=draw(st.sampled_from([None, 7, 8, 9])), gender=draw(st.sampled_from(list(Gender))),
            level=draw(st.sampled_from(list(Level))), assessment=Assessment.UTAN_BEHOVSPROVNING,
            raised_by=draw(st.sampled_from(list(RaisedBy))), raised_on=raised,
            stage=Stage.AVSLUTAD if closed else Stage.GENOMFORANDE, enrolled_on=enrolled, closed_on=closed,
            workers=(draw(st.integers(1, 3)),),
            absence_baseline=30.0 if enrolled else None,
            absence_latest=30.0 + draw(st.integers(-25, 15)) if enrolled else None))
    return facts


def grid_of(table: CountTable, truth: CountTable) -> tuple[list[list[int]], set[tuple[int, int]]]:
    rows = [[*cells, total] for cells, total in zip(truth.cells, truth.row_totals, strict=True)]
    grid = [[cell.count for cell in row] for row in [*rows, [*truth.column_totals, truth.total]]]
    published = [[*cells, total] for cells, total in zip(table.cells, table.row_totals, strict=True)]
    published.append([*table.column_totals, table.total])
    hidden = {(i, j) for i, row in enumerate(published) for j, cell in enumerate(row) if cell.suppressed}
    return grid, hidden


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams(), st.sampled_from([None, Dimension.SCHOOL, Dimension.GENDER, Dimension.GRADE,
                                 Dimension.WORKER]), st.integers(3, 7))
def test_no_cell_of_a_random_team_can_be_worked_out(facts: list[CaseFacts], breakdown: Dimension | None,
                                                     min_cell: int) -> None:
    request = StatsRequest(D(2025, 7, 1), D(2026, 6, 30), today=D(2026, 3, 1), breakdown=breakdown,
                           min_cell=min_cell)
    published = compute(facts, request)
    truth = compute(facts, StatsRequest(request.start, request.end, request.today, breakdown, min_cell=0))
    for table, raw in zip(published.counts, truth.counts, strict=True):
        if table.rows:  # no rows (no school in an empty scope): nothing to derive from
            grid, hidden = grid_of(table, raw)
            assert_protected(grid, hidden, min_cell)
    by_key = {table.key: table for table in published.counts}
    for key, partner in (("raised", "raised_by"), ("closed", "closing_reason")):  # one population
        ours = by_key[key].row_totals if breakdown is Dimension.GENDER else by_key[key].column_totals
        assert [c.count for c in ours] == [c.count for c in by_key[partner].column_totals]
        assert by_key[key].total.count == by_key[partner].total.count
    everyone = published.absence["change_latest"][0]
    if not everyone.suppressed and everyone.bins:
        true_bins = truth.absence["change_latest"][0].bins
        grid = [[*(count for _l, _h, count in true_bins), everyone.n]] * 2
        hidden = {(i, j) for i in (0, 1) for j, (_l, _h, count) in enumerate(everyone.bins) if count is None}
        assert_protected(grid, hidden, min_cell)


@pytest.mark.parametrize("min_cell", [3, 5, 10])
def test_an_empty_team_publishes_nothing_but_suppressed_cells(min_cell: int) -> None:
    published = compute([], StatsRequest(D(2025, 7, 1), D(2026, 6, 30), today=D(2026, 3, 1), min_cell=min_cell))
    for table in published.counts:
        assert table.total.suppressed and all(cell.suppressed for row in table.cells for cell in row)


@st.composite
def overlapping_teams(draw: st.DrawFn) -> list[CaseFacts]:
    """A small team where students have one or two cases (at one or two schools) and a case one or two
    workers and referrals: tables whose rows overlap."""
    facts: list[CaseFacts] = []
    for student in range(draw(st.integers(0, 25))):
        gender = draw(st.sampled_from(list(Gender)))
        for _ in range(draw(st.integers(1, 2))):
            raised = D(2025, 7, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
            facts.append(CaseFacts(
                case_id=len(facts), student_id=student, gender=gender,
                school=draw(st.sampled_from(["Almskolan", "Björkskolan"])), grade=draw(st.sampled_from([8, 9])),
                level=Level.NIVA_2, assessment=Assessment.UTAN_BEHOVSPROVNING,
                raised_by=draw(st.sampled_from(list(RaisedBy)[:3])), raised_on=raised,
                stage=Stage.GENOMFORANDE, enrolled_on=raised,
                workers=tuple(sorted(draw(st.sets(st.integers(1, 3), min_size=1, max_size=2)))),
                referrals=tuple((kind, raised) for kind in draw(st.sets(st.sampled_from(list(ReferralKind)),
                                                                         max_size=2)))))
    return facts


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overlapping_teams(), st.sampled_from([None, Dimension.SCHOOL, Dimension.WORKER]), st.integers(3, 6))
def test_no_cell_of_a_team_whose_rows_overlap_can_be_worked_out(facts: list[CaseFacts],
                                                                  breakdown: Dimension | None,
                                                                  min_cell: int) -> None:
    """The reader of an overlapping table knows less (inequalities): checked with what they do know —
    but NOT yet with the bounds the marks give (docs/statistics.md: the known gap)."""
    request = StatsRequest(D(2025, 7, 1), D(2026, 6, 30), today=D(2026, 6, 30), breakdown=breakdown,
                           min_cell=min_cell)
    published = compute(facts, request)
    truth = compute(facts, StatsRequest(request.start, request.end, request.today, breakdown, min_cell=0))
    for table, raw in zip(published.counts, truth.counts, strict=True):
        if table.rows:
            grid, hidden = grid_of(table, raw)
            assert_protected(grid, hidden, min_cell)



# --- the marks ------------------------------------------------------------------------------------------


def test_a_cell_reads_its_number_lt_n_when_primary_and_dots_when_secondary() -> None:
    assert cell_text(Cell(7), 5) == "7" and cell_text(Cell(0), 5) == "0"
    assert cell_text(Cell(None, primary=True), 5) == "<5"
    assert cell_text(Cell(None, primary=True), 10) == "<10"
    assert cell_text(Cell(None), 5) == ".."
    group = Distribution("x", None, n_primary=True)
    assert cell_text(group.n_cell, 5) == "<5" and cell_text(Distribution("y", None).n_cell, 5) == ".."
    bins = Distribution("", 20, bins=((0.0, 1.0, None), (1.0, 2.0, None), (2.0, 3.0, 15)),
                        primary_bins=frozenset({0}))
    assert [cell_text(bins.bin_cell(j), 5) for j in range(3)] == ["<5", "..", "15"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams(), st.sampled_from([None, Dimension.SCHOOL]), st.integers(3, 7))
def test_compute_marks_exactly_the_cells_below_the_threshold_primary(facts: list[CaseFacts],
                                                                     breakdown: Dimension | None,
                                                                     min_cell: int) -> None:
    request = StatsRequest(D(2025, 7, 1), D(2026, 6, 30), today=D(2026, 3, 1), breakdown=breakdown,
                           min_cell=min_cell)
    published = compute(facts, request)
    truth = compute(facts, StatsRequest(request.start, request.end, request.today, breakdown, min_cell=0))
    for table, raw in zip(published.counts, truth.counts, strict=True):
        grid, hidden = grid_of(table, raw)
        cells = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
        cells.append([*table.column_totals, table.total])
        for i, j in hidden:
            assert cells[i][j].primary == (grid[i][j] < min_cell)
    for key in ("change_latest", "change_at_close"):
        for dist, true in zip(published.absence[key], truth.absence[key], strict=True):
            if dist.n is None:
                assert dist.n_primary == (true.n < min_cell)
                continue
            for j, (_l, _h, count) in enumerate(dist.bins):
                if count is None:
                    assert (j in dist.primary_bins) == (true.bins[j][2] < min_cell)


def test_an_overlapping_tables_cells_stay_below_their_totals() -> None:
    """Referral kinds (a student with two: 14 + 10 > 19) at threshold 3. The reader knows each cell ≤ its
    column's total; with "<3" ≤ 2 on the 2s, row 0's 4 would be 8 − (two "<3") ≥ 4 and ≤ its column total 4
    if the suppression took column 1 for a sum. The parts of an overlapping line are capped at its largest
    part, the total floored there, so the suppression finds that and hides more."""
    grid = [[2, 4, 6, 2, 14], [2, 2, 4, 2, 10], [3, 4, 8, 4, 19]]
    edges = table_edges(grid)
    assert edges[1].cap == 4 and edges[2 * 5 + 1].floor == 4  # cell (0, 1) ≤ 4; column total (2, 1) ≥ 4
    assert edges[2 * 5 + 4].cap is None  # the bottom line adds up: no cap there
    for forced in (set(), {(0, 1)}):
        assert_protected(grid, protect_table(grid, 3, forced), 3)
