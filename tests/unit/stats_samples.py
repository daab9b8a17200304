"""Hand-made ``Statistics`` for the report and export tests: a realistic team of four schools (fictional).

Built without ``workflow.statistics.compute`` on purpose: the reports only render what they are given, and
these tests pin what they print for known tables. The suppression here is a simple stand-in (primary below
the threshold, then one more cell in every line left with a single hidden one) — the real rule is
stats-core's; the reports must print whatever cells arrive hidden as "<N" and never a number for them.

``HIDDEN`` keeps, per table, the true counts of the suppressed cells: the reports never see them (a Cell
holds None), and the tests check that the report does not print them where the cell stands either.
"""

from __future__ import annotations

import datetime as dt

from sst_desk.workflow.codes import Behorighet, ClosingReason, Gender, RaisedBy, Rating, ReferralKind, Stage
from sst_desk.workflow.stats_model import Cell, CountTable, Dimension, Distribution, Statistics, StatsRequest

GENDERS = tuple(g.value for g in Gender)
SCHOOLS = ("Ekbackens skola", "Solbergaskolan", "Västra Hamnens skola", "Björkhagens skola")
WORKERS = {"3": "Sara Lind", "4": "Jonas Ahlström", "7": "Maryam Haddad"}
INSATS_NAMES = {
    "motiverande_samtal": "Motiverande samtal",
    "foraldrastod": "Föräldrastöd (KOMET)",
    "mentor": "Mentor i skolan",
    "stodgrupp": "Stödgrupp för elever",
    "hembesok": "Hembesök och hämtning",
}

HIDDEN: dict[str, dict[tuple[int, int], int]] = {}  # table key → (row, column) → the true count (-1: margin)


def suppress(counts: list[list[int]], min_cell: int) -> tuple[list[list[bool]], list[bool], list[bool], bool]:
    """Primary suppression of cells and margins, then a simple secondary pass: no line with one hidden cell."""
    rows, cols = len(counts), len(counts[0])
    row_totals = [sum(r) for r in counts]
    col_totals = [sum(counts[i][j] for i in range(rows)) for j in range(cols)]
    hidden = [[c < min_cell for c in r] for r in counts]
    row_hidden = [t < min_cell for t in row_totals]
    col_hidden = [t < min_cell for t in col_totals]
    changed = True
    while changed:
        changed = False
        for i in range(rows):
            line = [j for j in range(cols) if hidden[i][j]]
            if len(line) == 1 and not row_hidden[i]:
                others = [j for j in range(cols) if not hidden[i][j]]
                if others:
                    j = min(others, key=lambda k: counts[i][k])
                    hidden[i][j] = changed = True
        for j in range(cols):
            line = [i for i in range(rows) if hidden[i][j]]
            if len(line) == 1 and not col_hidden[j]:
                others = [i for i in range(rows) if not hidden[i][j]]
                if others:
                    i = min(others, key=lambda k: counts[k][j])
                    hidden[i][j] = changed = True
    return hidden, row_hidden, col_hidden, sum(row_totals) < min_cell


def table(key: str, row_dimension: str, rows: tuple[str, ...], counts: list[list[int]], *,
          column_dimension: str = "gender", columns: tuple[str, ...] = GENDERS, min_cell: int = 5) -> CountTable:
    hidden, row_hidden, col_hidden, total_hidden = suppress(counts, min_cell)
    secret: dict[tuple[int, int], int] = {}
    cells = []
    for i, row in enumerate(counts):
        line = []
        for j, count in enumerate(row):
            if hidden[i][j]:
                secret[(i, j)] = count
                line.append(Cell(None, primary=count < min_cell))
            else:
                line.append(Cell(count))
        cells.append(tuple(line))
    HIDDEN[key] = secret
    row_sums = [sum(r) for r in counts]
    col_sums = [sum(counts[i][j] for i in range(len(counts))) for j in range(len(columns))]
    return CountTable(
        key=key, row_dimension=row_dimension, column_dimension=column_dimension, rows=rows, columns=columns,
        cells=tuple(cells),
        row_totals=tuple(Cell(None, True) if h else Cell(t) for t, h in zip(row_sums, row_hidden)),
        column_totals=tuple(Cell(None, True) if h else Cell(t) for t, h in zip(col_sums, col_hidden)),
        total=Cell(None, True) if total_hidden else Cell(sum(row_sums)),
    )


def dist(group: str, n: int | None, median: float | None = None, q1: float | None = None,
         q3: float | None = None, mean: float | None = None, bins=()) -> Distribution:
    """A hand-made group; a hidden n or bin here is a small one (primary: "<5")."""
    if n is None:
        return Distribution(group, None, n_primary=True)
    return Distribution(group, n, median, q1, q3, mean, tuple(bins),
                        primary_bins=frozenset(j for j, (_l, _h, count) in enumerate(bins) if count is None))


CHANGE_BINS = ((-100.0, -20.0, 9), (-20.0, -10.0, 14), (-10.0, -5.0, 8), (-5.0, 0.0, 7),
               (0.0, 5.0, None), (5.0, 10.0, 5), (10.0, 100.0, None))  # stats-core's edges, [low, high)


def school_year_stats(*, breakdown: Dimension | None = Dimension.SCHOOL, min_cell: int = 5) -> Statistics:
    """Läsåret 2025/26 for a team of four schools, broken down by ``breakdown`` (SCHOOL, WORKER or None)."""
    request = StatsRequest(dt.date(2025, 7, 1), dt.date(2026, 6, 30), today=dt.date(2026, 3, 2),
                           breakdown=breakdown, min_cell=min_cell)
    if breakdown is Dimension.WORKER:
        rows: tuple[str, ...] = tuple(WORKERS)
        active = [[16, 15, 1, 0], [12, 18, 0, 2], [7, 3, 0, 1]]
        raised = [[9, 7, 0, 0], [6, 11, 0, 1], [4, 2, 0, 0]]
        enrolled = [[7, 6, 0, 0], [5, 9, 0, 1], [3, 2, 0, 0]]
        closed = [[6, 5, 1, 0], [5, 7, 0, 0], [2, 1, 0, 0]]
        booster_p = [[5, 5, 0, 0], [4, 6, 0, 0], [1, 1, 0, 0]]
        booster_h = [[4, 5, 0, 0], [3, 5, 0, 0], [1, 0, 0, 0]]
        dimension = Dimension.WORKER.value
    elif breakdown is None:
        rows = ("",)
        active = [[37, 45, 1, 3]]
        raised = [[21, 26, 0, 1]]
        enrolled = [[17, 21, 0, 1]]
        closed = [[14, 15, 1, 0]]
        booster_p = [[11, 12, 0, 0]]
        booster_h = [[8, 11, 0, 0]]
        dimension = ""
    else:
        rows = SCHOOLS
        active = [[14, 19, 1, 0], [9, 12, 0, 2], [3, 6, 0, 0], [11, 8, 0, 1]]
        raised = [[8, 11, 0, 0], [5, 7, 0, 1], [2, 3, 0, 0], [6, 5, 0, 0]]
        enrolled = [[7, 9, 0, 0], [4, 6, 0, 1], [1, 2, 0, 0], [5, 4, 0, 0]]
        closed = [[6, 7, 1, 0], [3, 4, 0, 0], [1, 1, 0, 0], [4, 3, 0, 0]]
        booster_p = [[5, 6, 0, 0], [3, 3, 0, 0], [0, 1, 0, 0], [3, 2, 0, 0]]
        booster_h = [[4, 5, 0, 0], [2, 3, 0, 0], [0, 1, 0, 0], [2, 2, 0, 0]]
        dimension = Dimension.SCHOOL.value
    counts = [
        table("active", dimension, rows, active, min_cell=min_cell),
        table("raised", dimension, rows, raised, min_cell=min_cell),
        table("enrolled", dimension, rows, enrolled, min_cell=min_cell),
        table("closed", dimension, rows, closed, min_cell=min_cell),
        table("booster_proposed", dimension, rows, booster_p, min_cell=min_cell),
        table("booster_held", dimension, rows, booster_h, min_cell=min_cell),
        table("raised_by", "raised_by", tuple(r.value for r in RaisedBy),
              [[12, 14, 0, 1], [5, 7, 0, 0], [3, 2, 0, 0], [0, 1, 0, 0], [1, 2, 0, 0], [0, 0, 0, 0]],
              min_cell=min_cell),
        table("closing_reason", "closing_reason", tuple(r.value for r in ClosingReason),
              [[8, 9, 0, 0], [3, 2, 1, 0], [1, 2, 0, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0]],
              min_cell=min_cell),
        table("referral", "referral", tuple(r.value for r in ReferralKind),
              [[6, 5, 0, 0], [2, 4, 0, 0], [1, 1, 0, 0], [5, 6, 0, 1]], min_cell=min_cell),
        table("stage_now", "stage", tuple(s.value for s in Stage if s is not Stage.AVSLUTAD),
              [[2, 3, 0, 0], [1, 2, 0, 0], [4, 6, 0, 1], [2, 3, 0, 0], [9, 11, 0, 1], [3, 4, 0, 0],
               [2, 1, 0, 0]], min_cell=min_cell),
        table("goal_rating", "goal_area", ("skolnarvaro", "skolresultat", "other"),
              [[14, 9, 6, 4], [8, 7, 5, 9], [6, 3, 1, 5]], column_dimension="rating",
              columns=(Rating.UPPNATT.value, Rating.DELVIS.value, Rating.EJ_UPPNATT.value, ""),
              min_cell=min_cell),
        table("behorighet", "behorighet", (*(b.value for b in Behorighet), ""),
              [[5, 6, 0, 0], [2, 3, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]], min_cell=min_cell),
    ]
    groups = [""] + list(rows if dimension else [])
    latest = [dist("", 86, -7.5, -15.2, 1.4, -6.9, CHANGE_BINS)]
    at_close = [dist("", 29, -11.0, -19.5, -2.0, -10.3,
                     ((-100.0, -20.0, 7), (-20.0, -10.0, 9), (-10.0, -5.0, 5), (-5.0, 0.0, None),
                      (0.0, 5.0, None), (5.0, 10.0, None), (10.0, 100.0, None)))]
    for index, group in enumerate(groups[1:]):
        small = index == 2  # the third row is a small group: every figure hidden
        latest.append(dist(group, None) if small else dist(group, 20 + 3 * index, -6.0 - index, -14.0, 2.5, -5.1))
        at_close.append(dist(group, None) if index != 0 else dist(group, 13, -12.5, -20.0, -3.0, -11.2))
    stage_days = (  # the stages a case leaves on its way to avslut (stats-core's TIMED_STAGES)
        dist(Stage.AKTUALISERING.value, 48, 9, 5, 16),
        dist(Stage.INSKRIVNING.value, 39, 14, 8, 21),
        dist(Stage.KARTLAGGNING.value, 37, 31, 22, 45),
        dist(Stage.PLANERING.value, 33, 12, 7, 19.5),
        dist(Stage.GENOMFORANDE.value, 31, 96, 70, 128),
        dist(Stage.UPPFOLJNING.value, None),
    )
    insatser = (
        dist("motiverande_samtal", 41, -9.0, -17.0, -1.5),
        dist("foraldrastod", 22, -12.0, -21.0, -4.0),
        dist("mentor", 17, -6.5, -12.0, 0.5),
        dist("stodgrupp", 6, None),
        dist("hembesok", None),
    )
    return Statistics(
        request=request, case_count=96, counts=tuple(counts),
        absence={"change_latest": tuple(latest), "change_at_close": tuple(at_close)},
        stage_days=stage_days, insatser=insatser,
        notes=("rows_overlap",) if breakdown is Dimension.WORKER else (),
        worker_names=dict(WORKERS), insats_names=dict(INSATS_NAMES),
    )


def many_schools_stats(schools: int = 60) -> Statistics:
    """A breakdown by school with many rows: the report's tables must run over pages, header repeated."""
    base = school_year_stats()
    names = tuple(f"Skola nummer {i:02d} i kommunen" for i in range(1, schools + 1))
    rows = [[5 + i % 9, 6 + (i * 7) % 11, 0, i % 2] for i in range(schools)]
    counts = [table(key, Dimension.SCHOOL.value, names, rows) for key in ("active", "raised")]
    counts += [t for t in base.counts if t.key not in ("active", "raised", "enrolled", "closed",
                                                       "booster_proposed", "booster_held")]
    return Statistics(request=base.request, case_count=700, counts=tuple(counts), absence=base.absence,
                      stage_days=base.stage_days, insatser=base.insatser, insats_names=base.insats_names)


def sample_facts(students: int = 120, seed: int = 5, today: dt.date = dt.date(2026, 3, 2)) -> list:
    """Fictional ``CaseFacts`` of a team of four schools (a few students with two cases), for the real
    ``workflow.statistics.compute``: walked through the stages with absence, goals, insatser, boosters."""
    import random

    from sst_desk.workflow.codes import Assessment, GoalArea, Level
    from sst_desk.workflow.stats_model import CaseFacts

    rng = random.Random(seed)
    order = [Stage.AKTUALISERING, Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.PLANERING, Stage.GENOMFORANDE,
             Stage.UPPFOLJNING, Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE]
    facts = []
    for number in range(students):
        for _case in range(2 if number % 17 == 0 else 1):  # every 17th student has two cases
            raised = dt.date(2024, 9, 1) + dt.timedelta(days=rng.randrange(0, 540))
            if raised >= today:
                raised = today - dt.timedelta(days=rng.randrange(1, 60))
            steps = rng.randrange(1, len(order) + 1)
            day, entries = raised, []
            for stage in order[:steps]:
                entries.append((stage, day))
                day += dt.timedelta(days=rng.randrange(5, 90))
            entries = [(stage, entered) for stage, entered in entries if entered <= today] or [(Stage.AKTUALISERING,
                                                                                               raised)]
            stage = entries[-1][0]
            enrolled = next((d for s, d in entries if s is Stage.INSKRIVNING), None)
            closed = next((d for s, d in entries if s is Stage.AVSLUTAD), None)
            grade = rng.choice([4, 5, 6, 7, 8, 9, 9])
            baseline = rng.uniform(10, 60) if enrolled else None
            latest = max(0.0, baseline + rng.uniform(-35, 15)) if baseline is not None else None
            facts.append(CaseFacts(
                case_id=len(facts) + 1, student_id=number + 1, school=SCHOOLS[number % len(SCHOOLS)], grade=grade,
                gender=rng.choice([Gender.FLICKA, Gender.POJKE, Gender.FLICKA, Gender.POJKE, Gender.ANNAT]),
                level=rng.choice(list(Level)), assessment=rng.choice(list(Assessment)),
                raised_by=rng.choice(list(RaisedBy)), raised_on=raised, stage=stage, enrolled_on=enrolled,
                closed_on=closed, closing_reason=rng.choice(list(ClosingReason)) if closed else None,
                gymnasiebehorighet=rng.choice([*Behorighet, None]) if closed and grade == 9 else None,
                stage_entries=tuple(entries), workers=tuple(rng.sample([3, 4, 7], rng.choice([1, 1, 2]))),
                referrals=((rng.choice(list(ReferralKind)), raised + dt.timedelta(days=20)),) if rng.random() < .3
                else (),
                boosters=((closed + dt.timedelta(days=60), rng.choice([True, None]), None),) if closed else (),
                goals=tuple((rng.choice(list(GoalArea)), rng.choice([*Rating, None])) for _ in range(rng.randrange(3)))
                if enrolled else (),
                insatser=tuple(rng.sample(sorted(INSATS_NAMES), rng.randrange(0, 3))) if enrolled else (),
                absence_baseline=baseline, absence_latest=latest,
                absence_at_close=max(0.0, baseline + rng.uniform(-40, 10)) if closed and baseline is not None
                else None,
            ))
    return facts
