"""The team's statistics (issue 15): ``compute(facts, request) -> Statistics``. Pure: no Qt, no database.

Every figure is defined in docs/statistics.md, written so that the numbers can be recomputed from a case
list without this code; keep the two in step. In short: count tables count DISTINCT STUDENTS (a student
with two cases counts once in a cell), outcomes take one value per student (their latest case), and every
cell of fewer than ``request.min_cell`` students — and whatever would give such a cell away — is
suppressed here (``sst_desk.workflow.suppression``), before anything leaves this module.
"""

from __future__ import annotations

import datetime as dt
import enum
import statistics as pystats
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sst_desk.workflow.codes import (
    Assessment,
    Behorighet,
    ClosingReason,
    Gender,
    GoalArea,
    Level,
    RaisedBy,
    Rating,
    ReferralKind,
    Stage,
)
from sst_desk.workflow.stats_model import (
    CaseFacts,
    Cell,
    CountTable,
    Dimension,
    Distribution,
    Statistics,
    StatsRequest,
)
from sst_desk.workflow.suppression import protect_line, protect_table

GENDERS: tuple[str, ...] = tuple(gender.value for gender in Gender)
_GENDER_KEYS: tuple[Gender, ...] = tuple(Gender)
ALL = "all"  # the one column of a table broken down by gender
UNKNOWN = ""  # a row or column for "not recorded" / "unknown" (and the one row of an unbroken table)
#: The main tables: rows = the breakdown, columns = gender (in this order in ``Statistics.counts``).
MAIN_TABLES = ("active", "raised", "enrolled", "closed", "booster_proposed", "booster_held")
#: The category tables after them: rows = the category, columns = gender (goal_rating: columns = rating).
CATEGORY_TABLES = ("raised_by", "closing_reason", "referral", "stage_now", "goal_rating", "behorighet")
#: Rows of "goal_rating": the goal areas skolnärvaro and skolresultat, and every other area together.
GOAL_GROUPS = (GoalArea.SKOLNARVARO.value, GoalArea.SKOLRESULTAT.value, "other")
_GOAL_GROUP = {area: area.value if area.value in GOAL_GROUPS else "other" for area in GoalArea}
#: Columns of "goal_rating": the latest rating of a goal, "" = never rated.
RATING_COLUMNS = (*(rating.value for rating in Rating), UNKNOWN)
#: Rows of "stage_now": every stage a case is still being worked in (an avslutad case is not).
STAGES_NOW = tuple(stage.value for stage in Stage if stage is not Stage.AVSLUTAD)
_STAGES_NOW = tuple(stage for stage in Stage if stage is not Stage.AVSLUTAD)
#: Stages whose time is measured in ``stage_days`` (the ones a case leaves on its way to avslut).
TIMED_STAGES = (Stage.AKTUALISERING, Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.PLANERING,
                Stage.GENOMFORANDE, Stage.UPPFOLJNING)
#: Bin edges of the change in absence, percentage points: [-100, -20), [-20, -10) … [10, 100].
HISTOGRAM_EDGES = (-100.0, -20.0, -10.0, -5.0, 0.0, 5.0, 10.0, 100.0)
#: The keys of ``Statistics.absence``.
CHANGE_LATEST, CHANGE_AT_CLOSE = "change_latest", "change_at_close"
#: Codes of ``Statistics.notes``.
NOTE_NO_ATTENDANCE = "no_attendance"  # no counted case has an absence baseline: the outcomes are empty
NOTE_ROWS_OVERLAP = "rows_overlap"  # WORKER breakdown: a case counts under each worker; rows ≠ total
NOTE_FEW_CASES = "few_cases"  # fewer students active in the period than the threshold: most is hidden


def compute(facts: Iterable[CaseFacts], request: StatsRequest) -> Statistics:
    """Every figure of ``request``'s period over ``facts`` (the cases the person may count), suppressed."""
    facts = list(facts)
    row_values = _row_function(request.breakdown)
    rows = _rows(request.breakdown, facts, row_values)
    tallies = _tallies(request.breakdown, rows, facts)
    seen = _count(facts, _Period(request.start, request.end), request.breakdown is Dimension.GENDER,
                  row_values, tallies)
    counts = _suppress_tables([tallies[key] for key in (*MAIN_TABLES, *CATEGORY_TABLES)], request.min_cell)
    notes = []
    if not seen.baseline:
        notes.append(NOTE_NO_ATTENDANCE)
    if request.breakdown is Dimension.WORKER:
        notes.append(NOTE_ROWS_OVERLAP)
    if counts[0].total.primary:  # "active": the students the period is about (its total says as much)
        notes.append(NOTE_FEW_CASES)
    return Statistics(
        request=request,
        case_count=len(facts),
        counts=counts,
        absence={
            CHANGE_LATEST: _absence(seen.change_latest, request, rows, row_values),
            CHANGE_AT_CLOSE: _absence(seen.change_at_close, request, rows, row_values),
        },
        stage_days=tuple(_plain(stage.value, len(chosen), [days for _fact, days in chosen.values()],
                                request.min_cell) for stage, chosen in seen.stage_days.items()),
        insatser=_insatser(seen, request.min_cell),
        notes=tuple(notes),
    )


Chosen = dict[int, tuple[CaseFacts, float]]  # student → (their latest case, its figure)


@dataclass(slots=True)
class _Seen:
    """What one pass over the cases collects besides the count tables."""

    baseline: bool = False  # an active case has an absence baseline
    change_latest: Chosen = field(default_factory=dict)
    change_at_close: Chosen = field(default_factory=dict)
    stage_days: dict[Stage, Chosen] = field(default_factory=lambda: {stage: {} for stage in TIMED_STAGES})
    insats_keys: set[str] = field(default_factory=set)  # every key of the scope
    insats_students: defaultdict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    insats_change: defaultdict[str, Chosen] = field(default_factory=lambda: defaultdict(dict))


def _choose(chosen: Chosen, fact: CaseFacts, figure: float) -> None:
    """Keep each student's latest case (raised last; the higher case id on a tie)."""
    held = chosen.get(fact.student_id)
    if held is not None:
        other = held[0]
        if fact.raised_on < other.raised_on or (fact.raised_on == other.raised_on
                                                and fact.case_id < other.case_id):
            return
    chosen[fact.student_id] = (fact, figure)


def _count(facts: Sequence[CaseFacts], period: _Period, by_gender: bool,
           row_values: Callable[[CaseFacts], tuple[Key, ...]], tallies: dict[str, _Tally]) -> _Seen:
    """Fill the tallies and collect the outcomes in ONE plain pass (locals, few calls: each case is read
    once, which is most of the time over 20,000 cases)."""
    seen = _Seen()
    start, end = period.start, period.end
    main = [tallies[key].cells for key in MAIN_TABLES]
    active_cells, raised_cells, enrolled_cells, closed_cells, proposed_cells, held_cells = main
    raised_by, closing = tallies["raised_by"].cells, tallies["closing_reason"].cells
    referral, stage_now = tallies["referral"].cells, tallies["stage_now"].cells
    goal_rating, behorighet = tallies["goal_rating"].cells, tallies["behorighet"].cells
    avslutad, vidmakthallande, grade_9 = Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE, 9
    timed = frozenset(TIMED_STAGES)
    for fact in facts:
        student, gender, stage = fact.student_id, fact.gender, fact.stage
        if stage is not avslutad and (stage is not vidmakthallande or _booster_pending(fact)):
            stage_now[stage, gender].add(student)  # now: whatever the period
        if fact.insatser:
            seen.insats_keys.update(fact.insatser)
        # every condition in full, as docs/statistics.md words it: no shortcut that assumes the dates of a
        # case to be in order (a boosterträff planned before the aktualisering still counts as planned)
        enrolled, closed = fact.enrolled_on, fact.closed_on
        active = enrolled is not None and enrolled <= end and (closed is None or closed >= start)
        raised = start <= fact.raised_on <= end
        enrolled_in = enrolled is not None and start <= enrolled <= end
        closed_in = closed is not None and start <= closed <= end
        proposed = held = False
        for planned, was, on in fact.boosters:
            if start <= planned <= end:
                proposed = True
            if was is True and on is not None and start <= on <= end:
                held = True
        if active or raised or enrolled_in or closed_in or proposed or held:
            column = ALL if by_gender else gender
            for row in row_values(fact):  # inlined: a call per case costs more than the work
                cell = (row, column)
                if active:
                    active_cells[cell].add(student)
                if raised:
                    raised_cells[cell].add(student)
                if enrolled_in:
                    enrolled_cells[cell].add(student)
                if closed_in:
                    closed_cells[cell].add(student)
                if proposed:
                    proposed_cells[cell].add(student)
                if held:
                    held_cells[cell].add(student)
        if raised:
            raised_by[fact.raised_by, gender].add(student)
        if closed_in:
            reason = fact.closing_reason
            closing[reason if reason is not None else UNKNOWN, gender].add(student)
            if fact.grade == grade_9:
                code = fact.gymnasiebehorighet
                behorighet[code if code is not None else UNKNOWN, gender].add(student)
        for kind, made_on in fact.referrals:
            if start <= made_on <= end:
                referral[kind, gender].add(student)
        if active:
            for area, rating in fact.goals:
                goal_rating[_GOAL_GROUP[area], rating if rating is not None else UNKNOWN].add(student)
            baseline = fact.absence_baseline
            if baseline is not None:
                seen.baseline = True
                if fact.absence_latest is not None:
                    _choose(seen.change_latest, fact, fact.absence_latest - baseline)
                if closed_in and fact.absence_at_close is not None:
                    _choose(seen.change_at_close, fact, fact.absence_at_close - baseline)
            for key in fact.insatser:
                seen.insats_students[key].add(student)
                if closed_in and baseline is not None and fact.absence_at_close is not None:
                    _choose(seen.insats_change[key], fact, fact.absence_at_close - baseline)
        entries = fact.stage_entries
        if len(entries) > 1 and entries[1][1] <= end and entries[-1][1] >= start:  # (in time order)
            _spells(seen.stage_days, fact, entries, start, end, timed)
    return seen


def _spells(stage_days: dict[Stage, Chosen], fact: CaseFacts, entries: tuple[tuple[Stage, dt.date], ...],
            start: dt.date, end: dt.date, timed: frozenset[Stage]) -> None:
    """A case's days in each stage: its spells in the stage that ENDED in the period, added up."""
    days: dict[Stage, int] = {}
    stage, entered = entries[0]
    for following, left in entries[1:]:
        if start <= left <= end and stage in timed:
            days[stage] = days.get(stage, 0) + (left - entered).days
        stage, entered = following, left
    student, raised_on, case_id = fact.student_id, fact.raised_on, fact.case_id
    for stage, total in days.items():  # _choose, inlined: this runs for most cases
        chosen = stage_days[stage]
        held = chosen.get(student)
        if held is not None:
            other = held[0]
            if raised_on < other.raised_on or (raised_on == other.raised_on and case_id < other.case_id):
                continue
        chosen[student] = (fact, float(total))


# --- periods and rows ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Period:
    """The request's days, both included."""

    start: dt.date
    end: dt.date


Key = str | enum.Enum  # a row or column while counting: an enum member (fast to hash) or a code


def _code(key: Key) -> str:
    """The code a row or column is published under (an enum's value as text)."""
    return str(key.value) if isinstance(key, enum.Enum) else key


def _row_function(breakdown: Dimension | None) -> Callable[[CaseFacts], tuple[Key, ...]]:
    """The row(s) a case counts in: one, except a case with several workers under WORKER."""
    if breakdown is None:
        return lambda fact: (UNKNOWN,)
    if breakdown is Dimension.SCHOOL:
        return lambda fact: (fact.school,)
    if breakdown is Dimension.GRADE:
        grades: dict[int | None, tuple[Key, ...]] = {None: (UNKNOWN,)}

        def grade_row(fact: CaseFacts) -> tuple[Key, ...]:
            row = grades.get(fact.grade)
            if row is None:
                row = grades[fact.grade] = (str(fact.grade),)
            return row

        return grade_row
    if breakdown is Dimension.GENDER:
        return lambda fact: (fact.gender,)
    if breakdown is Dimension.LEVEL:
        return lambda fact: (fact.level,)
    if breakdown is Dimension.ASSESSMENT:
        return lambda fact: (fact.assessment,)
    teams: dict[tuple[int, ...], tuple[Key, ...]] = {}  # the same few sets of workers recur

    def worker_rows(fact: CaseFacts) -> tuple[Key, ...]:
        rows = teams.get(fact.workers)
        if rows is None:
            rows = teams[fact.workers] = tuple(dict.fromkeys(str(w) for w in fact.workers)) or (UNKNOWN,)
        return rows

    return worker_rows


def _rows(breakdown: Dimension | None, facts: Sequence[CaseFacts],
          row_values: Callable[[CaseFacts], tuple[Key, ...]]) -> tuple[Key, ...]:
    """The breakdown's rows: every member of an enum; schools, årskurser and workers found in ``facts``
    (all of the scope, not only the period's, so that two periods' tables line up), sorted, "" last."""
    if breakdown is None:
        return (UNKNOWN,)
    if breakdown is Dimension.GENDER:
        return tuple(Gender)
    if breakdown is Dimension.LEVEL:
        return tuple(Level)
    if breakdown is Dimension.ASSESSMENT:
        return tuple(Assessment)
    found = {value for fact in facts for value in row_values(fact)}
    if breakdown is Dimension.SCHOOL:
        ordered = sorted(found - {UNKNOWN}, key=lambda school: (school.casefold(), school))
    else:  # GRADE and WORKER: numbers
        ordered = sorted(found - {UNKNOWN}, key=int)
    return (*ordered, UNKNOWN) if UNKNOWN in found else tuple(ordered)


# --- count tables -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
    """A table being counted: the students of each cell."""

    key: str
    row_dimension: str
    column_dimension: str
    rows: tuple[Key, ...]
    columns: tuple[Key, ...]
    population: str  # tables of one population share their gender totals and grand total
    cells: defaultdict[tuple[Key, Key], set[int]] = field(default_factory=lambda: defaultdict(set))

    def grid(self) -> list[list[int]]:
        """Counts with the row totals last and the column totals as the last row (distinct students)."""
        grid, everyone, empty = [], set(), frozenset()
        by_column: dict[Key, set[int]] = {column: set() for column in self.columns}
        for row in self.rows:
            line, in_row = [], set()
            for column in self.columns:
                students = self.cells.get((row, column), empty)
                line.append(len(students))
                in_row |= students
                by_column[column] |= students
            everyone |= in_row
            grid.append([*line, len(in_row)])
        grid.append([*(len(by_column[column]) for column in self.columns), len(everyone)])
        return grid

    def gender_line(self) -> dict[Key, list[tuple[int, int]]]:
        """Where the gender totals and the grand total are (the same in every breakdown of a period)."""
        last_row, last_col = len(self.rows), len(self.columns)
        if self.columns == _GENDER_KEYS:
            line: dict[Key, list[tuple[int, int]]] = {g: [(last_row, j)] for j, g in enumerate(_GENDER_KEYS)}
            line[ALL] = [(last_row, last_col)]
        elif self.rows == _GENDER_KEYS:  # broken down by gender: one column, the genders are the rows
            line = {g: [(i, 0), (i, last_col)] for i, g in enumerate(_GENDER_KEYS)}
            line[ALL] = [(last_row, 0), (last_row, last_col)]
        else:
            return {}
        return line


def _tallies(breakdown: Dimension | None, rows: tuple[Key, ...],
             facts: Sequence[CaseFacts]) -> dict[str, _Tally]:
    by_gender = breakdown is Dimension.GENDER
    row_dimension = breakdown.value if breakdown is not None else ""
    columns = (ALL,) if by_gender else _GENDER_KEYS
    tallies = {key: _Tally(key, row_dimension, "gender", rows, columns, key) for key in MAIN_TABLES}
    closing: tuple[Key, ...] = tuple(ClosingReason)
    if any(fact.closed_on is not None and fact.closing_reason is None for fact in facts):
        closing = (*closing, UNKNOWN)
    specs = {
        "raised_by": ("raised_by", tuple(RaisedBy), _GENDER_KEYS, "raised"),
        "closing_reason": ("closing_reason", closing, _GENDER_KEYS, "closed"),
        "referral": ("referral", tuple(ReferralKind), _GENDER_KEYS, "referral"),
        "stage_now": ("stage", _STAGES_NOW, _GENDER_KEYS, "stage_now"),
        "goal_rating": ("goal_area", GOAL_GROUPS, (*Rating, UNKNOWN), "goal_rating"),
        "behorighet": ("behorighet", (*Behorighet, UNKNOWN), _GENDER_KEYS, "behorighet"),
    }
    for key, (dimension, category_rows, columns, population) in specs.items():
        tallies[key] = _Tally(key, dimension, "rating" if key == "goal_rating" else "gender", category_rows,
                              columns, population)
    return tallies


def _booster_pending(fact: CaseFacts) -> bool:
    """A case in vidmakthållande is still worked in until its boosterträff is recorded (held or not)."""
    return not fact.boosters or any(held is None for _p, held, _d in fact.boosters)


def _suppress_tables(tallies: Sequence[_Tally], min_cell: int) -> tuple[CountTable, ...]:
    """Primary and secondary suppression of each table; a population's gender totals and grand total are
    suppressed alike in all of its tables (and, by ``protect_line``, alike in every breakdown)."""
    grids = {tally.key: tally.grid() for tally in tallies}
    forced: dict[str, set[tuple[int, int]]] = {tally.key: set() for tally in tallies}
    lines = {tally.key: tally.gender_line() for tally in tallies}
    for tally in tallies:
        line = lines[tally.key]
        if not line:
            continue
        grid = grids[tally.key]
        parts = [grid[line[gender][0][0]][line[gender][0][1]] for gender in _GENDER_KEYS]
        total = grid[line[ALL][0][0]][line[ALL][0][1]]
        hidden_parts, hidden_total = protect_line(parts, total, min_cell)
        for index in hidden_parts:
            forced[tally.key].update(line[_GENDER_KEYS[index]])
        if hidden_total:
            forced[tally.key].update(line[ALL])
    populations: dict[str, list[_Tally]] = {}
    for tally in tallies:
        populations.setdefault(tally.population, []).append(tally)
    while True:
        hidden = {tally.key: protect_table(grids[tally.key], min_cell, forced[tally.key]) for tally in tallies}
        changed = False
        for group in populations.values():
            for code in (*_GENDER_KEYS, ALL) if len(group) > 1 else ():
                if any(set(lines[t.key].get(code, ())) & hidden[t.key] for t in group):
                    for other in group:
                        missing = set(lines[other.key].get(code, ())) - forced[other.key]
                        if missing:
                            forced[other.key] |= missing
                            changed = True
        if not changed:
            return tuple(_count_table(tally, grids[tally.key], hidden[tally.key], min_cell)
                         for tally in tallies)


def _count_table(tally: _Tally, grid: list[list[int]], hidden: set[tuple[int, int]],
                 min_cell: int) -> CountTable:
    def cell(i: int, j: int) -> Cell:
        value = grid[i][j]
        return Cell(None, primary=value < min_cell) if (i, j) in hidden else Cell(value)

    last_row, last_col = len(tally.rows), len(tally.columns)
    return CountTable(
        key=tally.key,
        row_dimension=tally.row_dimension,
        column_dimension=tally.column_dimension,
        rows=tuple(_code(row) for row in tally.rows),
        columns=tuple(_code(column) for column in tally.columns),
        cells=tuple(tuple(cell(i, j) for j in range(last_col)) for i in range(last_row)),
        row_totals=tuple(cell(i, last_col) for i in range(last_row)),
        column_totals=tuple(cell(last_row, j) for j in range(last_col)),
        total=cell(last_row, last_col),
    )


# --- outcomes ---------------------------------------------------------------------------------------


_INNER_EDGES = HISTOGRAM_EDGES[1:-1]  # a value's bin = how many inner edges are ≤ it (bisect_right)


def _figures(values: list[float]) -> tuple[float | None, float | None, float | None, float | None]:
    """(median, q1, q3, mean); quartiles by the "inclusive" method (Excel's KVARTIL.INK)."""
    if not values:  # only with a threshold of 0
        return None, None, None, None
    if len(values) == 1:
        return values[0], values[0], values[0], values[0]
    q1, median, q3 = pystats.quantiles(values, n=4, method="inclusive")
    return median, q1, q3, pystats.fmean(values)


def _absence(chosen: Chosen, request: StatsRequest, rows: tuple[Key, ...],
             row_values: Callable[[CaseFacts], tuple[Key, ...]]) -> tuple[Distribution, ...]:
    """Everyone ("") first, then each breakdown row: a table of groups × histogram bins, suppressed like
    the count tables (row totals = n of each group, the bottom line = everyone)."""
    groups: dict[Key, list[float]] = {row: [] for row in rows}
    everyone: list[float] = []
    for fact, figure in chosen.values():
        everyone.append(figure)
        for row in row_values(fact):
            groups[row].append(figure)
    bins = len(HISTOGRAM_EDGES) - 1
    grid = []
    for values in [*(groups[row] for row in rows), everyone]:
        counts = [0] * bins
        for figure in values:
            counts[bisect_right(_INNER_EDGES, figure)] += 1
        grid.append([*counts, len(values)])
    min_cell = request.min_cell
    bottom = len(rows)
    hidden_bins, hidden_total = protect_line(grid[bottom][:bins], grid[bottom][bins], min_cell, False)
    forced = {(bottom, j) for j in hidden_bins} | ({(bottom, bins)} if hidden_total else set())
    hidden = protect_table(grid, min_cell, forced, totals_first=False)
    result = [_distribution(UNKNOWN, everyone, grid[bottom], bottom, hidden, min_cell)]
    if request.breakdown is not None:
        result += [_distribution(_code(row), groups[row], grid[i], i, hidden, min_cell)
                   for i, row in enumerate(rows)]
    return tuple(result)


def _distribution(group: str, values: list[float], counts: list[int], row: int,
                  hidden: set[tuple[int, int]], min_cell: int) -> Distribution:
    bins = len(HISTOGRAM_EDGES) - 1
    if (row, bins) in hidden:
        return Distribution(group, None, n_primary=len(values) < min_cell)
    median, q1, q3, mean = _figures(sorted(values))
    return Distribution(
        group, len(values), median=median, q1=q1, q3=q3, mean=mean,
        bins=tuple((HISTOGRAM_EDGES[j], HISTOGRAM_EDGES[j + 1], None if (row, j) in hidden else counts[j])
                   for j in range(bins)),
        primary_bins=frozenset(j for j in range(bins) if (row, j) in hidden and counts[j] < min_cell))


def _plain(group: str, n: int, values: list[float], min_cell: int) -> Distribution:
    """A group suppressed by its own size only (its members overlap other groups: no sums to protect)."""
    if n < min_cell:
        return Distribution(group, None, n_primary=True)
    if len(values) < min_cell:
        return Distribution(group, n)
    median, q1, q3, mean = _figures(sorted(values))
    return Distribution(group, n, median=median, q1=q1, q3=q3, mean=mean)


def _insatser(seen: _Seen, min_cell: int) -> tuple[Distribution, ...]:
    """Per catalogue key found in the scope: n = students with an active case that had it; the figures =
    change_at_close of those of them whose case with it closed in the period (one per student)."""
    return tuple(
        _plain(key, len(seen.insats_students.get(key, ())),
               [figure for _fact, figure in seen.insats_change.get(key, {}).values()], min_cell)
        for key in sorted(seen.insats_keys))
