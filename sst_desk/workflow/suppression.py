"""Cell suppression for the team's statistics (issue 15): no cell below the threshold can be worked out.

A table of counts with its margins is a circulation in a small graph (one node per row, one per column,
the margin row and the margin column included), each cell an edge:

* an inner cell (i, j) carries its count from row i to column j;
* a row total (i, C) carries the row's count from the margin column's node into row i;
* a column total (R, j) carries column j's count into the margin row's node;
* the grand total (R, C) carries it from the margin row's node to the margin column's node.

Every node then takes in what it gives out — exactly the rows', columns' and margins' sums. Someone who
sees the published cells knows every edge but the suppressed ones, knows that counts are never negative,
and knows the bounds the marks give (``stats_model.cell_text``): a primary cell ("<5", below ``min_cell``)
is at most ``min_cell`` − 1, a secondary one ("..") at least ``min_cell``. A suppressed cell can take
another value, consistent with all of that, exactly when its edge lies on a cycle of the RESIDUAL graph
of the suppressed edges: a suppressed edge may grow (its own direction) unless it is a primary cell at
``min_cell`` − 1, and may shrink (the opposite direction) when it is above its lower bound (0, or
``min_cell`` for a secondary cell) — ``can_grow`` / ``can_shrink``. Two feasible tables differ by a sum of
such cycles (flow decomposition), so this test is exact for tables whose margins are the sums of their
cells; the property test in tests/unit/test_statistics_suppression.py checks it against an independent
exact linear program.

``protect`` grows a set of suppressed edges until every suppressed edge is free: for an edge that is not,
it suppresses the cheapest path that closes such a cycle (cost = the cells' counts, margins dearer than
inner cells, so the smallest inner cells go first; a cell that cannot move the needed way is no candidate).
Suppressing more never helps anyone derive a cell (it only adds residual arcs), so the loop only grows and
ends. When nothing closes a cycle everything is hidden (a table too small to protect; docs/statistics.md
says what the marks can still tell then). Pure Python, no Qt, no database; tables here are at most a few dozen cells.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Added to the cost of the dearer kind of cell: inner cells (the parts) in a count table, whose split by
#: gender is what the statistics are for, so a row's total is hidden before its parts; row totals in a
#: histogram, where hiding a group's n hides its whole distribution.
MARGIN_COST = 10_000
#: Added to the cost of the table's bottom line (the gender totals, the grand total): those are the
#: same in every breakdown of a period, so they are suppressed by their own line (``protect_line``) and
#: touched here only when nothing else closes a cycle.
TOTAL_COST = 1_000_000


@dataclass(frozen=True, slots=True)
class Edge:
    """One cell: ``value`` students carried from node ``tail`` to node ``head``."""

    tail: int
    head: int
    value: int
    cost: int
    # A table whose rows overlap (a student in two rows): its lines add up to MORE than their totals, and a
    # reader knows only "each cell ≤ its line's total". The cycles keep every line's surplus, so they keep
    # "cells ≥ total"; to keep "cell ≤ total" too, a part of such a line never grows above the line's
    # largest part (``cap``) and its total never shrinks below it (``floor``): part ≤ split ≤ total. That
    # only narrows what the check allows, so a cell it finds free is free for that reader too. (Splitting
    # at the total instead froze the totals and hid whole tables of the sample team by worker.)
    cap: int | None = None
    floor: int = 0


def can_grow(value: int, min_cell: int) -> bool:
    """May a suppressed cell of ``value`` be one more, within what its mark says? A primary cell ("<5")
    is at most ``min_cell - 1``; a secondary one ("..") has no upper bound."""
    return value >= min_cell or value < min_cell - 1


def can_shrink(value: int, min_cell: int) -> bool:
    """May a suppressed cell of ``value`` be one less? Never below 0; a secondary cell ("..") never below
    ``min_cell`` (it holds at least that many, and its mark says so)."""
    return value > (min_cell if value >= min_cell else 0)


def _grows(edge: Edge, min_cell: int) -> bool:
    return can_grow(edge.value, min_cell) and (edge.cap is None or edge.value < edge.cap)


def _shrinks(edge: Edge, min_cell: int) -> bool:
    return can_shrink(edge.value, min_cell) and edge.value > edge.floor


def is_free(index: int, edges: Sequence[Edge], suppressed: set[int], min_cell: int = 0) -> bool:
    """Can suppressed edge ``index`` take another value, all published cells, non-negativity and the bounds
    the marks give (primary ≤ ``min_cell`` − 1, secondary ≥ ``min_cell``) kept?"""
    edge = edges[index]
    arcs = _residual_arcs(edges, suppressed, index, min_cell)
    if _grows(edge, min_cell) and _reaches(arcs, edge.head, edge.tail):  # one more, back round
        return True
    return _shrinks(edge, min_cell) and _reaches(arcs, edge.tail, edge.head)  # or one less


def protect(edges: Sequence[Edge], suppressed: Iterable[int], min_cell: int = 0) -> set[int]:
    """``suppressed`` grown until every suppressed edge is free (see the module's docstring); a cell below
    ``min_cell`` is bounded above by its mark, one at or above it bounded below."""
    hidden = set(suppressed)
    free: set[int] = set()  # stays free: suppressing more only adds cycles
    while True:
        exposed = None
        for index in sorted(hidden - free):
            if is_free(index, edges, hidden, min_cell):
                free.add(index)
            else:
                exposed = index
                break
        if exposed is None:
            return hidden
        path = _cheapest_cycle(exposed, edges, hidden, min_cell)
        if not path:  # cannot happen in a table with margins; never publish what cannot be protected
            hidden.update(range(len(edges)))
            return hidden
        hidden.update(path)


def primary(values: Iterable[int], min_cell: int) -> set[int]:
    """The indexes of counts below the threshold (0 included: "fewer than 5" shows "<5")."""
    return {i for i, value in enumerate(values) if value < min_cell}


def table_edges(grid: Sequence[Sequence[int]], totals_first: bool = True) -> list[Edge]:
    """The edges of a table given as rows of counts with the row totals last and the column totals as the
    last row (so ``grid[-1][-1]`` is the grand total); edge ``i * width + j`` is cell ``grid[i][j]``.
    ``totals_first``: row totals are cheaper to hide than inner cells (else dearer)."""
    last_row, last_col = len(grid) - 1, len(grid[0]) - 1
    column_node = len(grid)  # columns are numbered after the rows
    inner, margin = (MARGIN_COST, 0) if totals_first else (0, MARGIN_COST)
    caps: dict[tuple[int, int], int] = {}
    floors: dict[tuple[int, int], int] = {}
    lines = [[(i, j) for j in range(last_col + 1)] for i in range(last_row + 1)]
    lines += [[(i, j) for i in range(last_row + 1)] for j in range(last_col + 1)]
    for *parts, (ti, tj) in lines:  # an overlapping line: see Edge.cap
        total = grid[ti][tj]
        if sum(grid[i][j] for i, j in parts) != total:
            split = max(grid[i][j] for i, j in parts)  # parts ≤ split ≤ total: room on both sides
            floors[ti, tj] = max(floors.get((ti, tj), 0), split)
            for part in parts:
                caps[part] = min(caps.get(part, split), split)
    edges = []
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            bounds = {"cap": caps.get((i, j)), "floor": floors.get((i, j), 0)}
            if i < last_row and j < last_col:
                edges.append(Edge(i, column_node + j, value, value + inner, **bounds))
            elif i < last_row:  # a row total: from the margin column into the row
                edges.append(Edge(column_node + last_col, i, value, value + margin, **bounds))
            elif j < last_col:  # a column total: from the column into the margin row
                edges.append(Edge(column_node + j, last_row, value, value + TOTAL_COST, **bounds))
            else:  # the grand total
                edges.append(Edge(last_row, column_node + last_col, value, value + TOTAL_COST, **bounds))
    return edges


def protect_table(grid: Sequence[Sequence[int]], min_cell: int, forced: Iterable[tuple[int, int]] = (),
                  totals_first: bool = True) -> set[tuple[int, int]]:
    """The (row, column) positions to suppress in ``grid`` (margins as in ``table_edges``): every count
    below ``min_cell``, every position in ``forced``, and what protects them."""
    width = len(grid[0])
    edges = table_edges(grid, totals_first)
    start = primary((edge.value for edge in edges), min_cell)
    start.update(i * width + j for i, j in forced)
    return {divmod(index, width) for index in protect(edges, start, min_cell)}


def protect_line(parts: Sequence[int], total: int, min_cell: int,
                 totals_first: bool = True) -> tuple[set[int], bool]:
    """A single line: ``parts`` that add up to ``total``. Returns the suppressed parts' indexes and whether
    the total is suppressed."""
    inner, margin = (MARGIN_COST, 0) if totals_first else (0, MARGIN_COST)
    edges = [Edge(0, 1, value, value + inner) for value in parts]
    edges.append(Edge(1, 0, total, total + margin))
    hidden = protect(edges, primary((edge.value for edge in edges), min_cell), min_cell)
    return {i for i in hidden if i < len(parts)}, len(parts) in hidden


def _residual_arcs(edges: Sequence[Edge], suppressed: set[int], skip: int,
                   min_cell: int) -> dict[int, list[int]]:
    arcs: dict[int, list[int]] = {}
    for index in suppressed:
        if index == skip:
            continue
        edge = edges[index]
        if _grows(edge, min_cell):
            arcs.setdefault(edge.tail, []).append(edge.head)
        if _shrinks(edge, min_cell):
            arcs.setdefault(edge.head, []).append(edge.tail)
    return arcs


def _reaches(arcs: dict[int, list[int]], start: int, goal: int) -> bool:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for following in arcs.get(node, ()):
            if following not in seen:
                seen.add(following)
                todo.append(following)
    return False


def _cheapest_cycle(index: int, edges: Sequence[Edge], suppressed: set[int], min_cell: int) -> set[int]:
    """The cheapest set of published edges whose suppression puts edge ``index`` on a residual cycle."""
    edge = edges[index]
    arcs: dict[int, list[tuple[int, int, int]]] = {}  # node → (next node, cost, edge index)
    for other, candidate in enumerate(edges):
        if other == index:
            continue
        cost = 0 if other in suppressed else candidate.cost
        if _grows(candidate, min_cell):
            arcs.setdefault(candidate.tail, []).append((candidate.head, cost, other))
        if _shrinks(candidate, min_cell):
            arcs.setdefault(candidate.head, []).append((candidate.tail, cost, other))
    options = []
    if _grows(edge, min_cell):
        options.append(_dijkstra(arcs, edge.head, edge.tail))
    if _shrinks(edge, min_cell):
        options.append(_dijkstra(arcs, edge.tail, edge.head))
    found = [option for option in options if option is not None]
    if not found:
        return set()
    _cost, path = min(found, key=lambda option: (option[0], sorted(option[1])))
    return {other for other in path if other not in suppressed}


def _dijkstra(arcs: dict[int, list[tuple[int, int, int]]], start: int,
              goal: int) -> tuple[int, list[int]] | None:
    best = {start: 0}
    came: dict[int, tuple[int, int]] = {}  # node → (previous node, edge index)
    queue = [(0, start)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == goal:
            path, current = [], goal
            while current != start:
                current, used = came[current][0], came[current][1]
                path.append(used)
            return cost, path
        if cost > best.get(node, cost):
            continue
        for following, step, used in arcs.get(node, ()):
            total = cost + step
            if total < best.get(following, total + 1):
                best[following] = total
                came[following] = (node, used)
                heapq.heappush(queue, (total, following))
    return None
