"""The team's statistics (issue 15): the figures for a period, and the record that they left the app.

* ``team_statistics(start, end, breakdown, today)``: needs STATISTICS × VIEW (``workflow.access``: a
  teamledare counts every case of the team, protected students' too; a skolsocionom or kurator the cases
  they are a member of; an administrator nothing). The cases are read as ``CaseFacts`` in a few grouped
  queries (``persistence.statistics``), counted by ``workflow.statistics.compute`` with the team's
  threshold (setting STATS_MIN_CELL: cells of fewer students are suppressed, and what would reveal them),
  and given the display names of the workers and insatser. ONE access-log entry (``LogAction.STATISTICS``)
  says the period, the breakdown and how many cases were counted — never a student or a case.
* ``record_statistics_export(start, end, breakdown, fmt)``: needs STATISTICS × EXPORT; logs
  ``LogAction.EXPORT`` "statistik <fmt>;…". The window and ``sst-desk stats`` write the file themselves
  (``reports.statistics*``: bytes from a ``Statistics``) and call this once it is written.

A request the statistics cannot answer (the end before the start, a period longer than ``MAX_YEARS``, an
unknown breakdown or format) raises ``StatisticsRequestError`` before anything is read or logged; its
``problem`` is a code the window and the command line say in words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from sst_desk.options import TeamSettings
from sst_desk.workflow.access import Action, Actor, Resource, counts_all_cases
from sst_desk.workflow.catalogue import CatalogueError, default_catalogue_paths, load_catalogue
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.stats_model import Dimension, Statistics, StatsRequest

from sst_desk.services.base import UowFactory

USE_CASES = ("team_statistics", "record_statistics_export")

MAX_YEARS = 5  # the longest period asked for at once: five school years
EXPORT_FORMATS = ("csv", "xlsx", "pdf", "yearly")  # the tables, the nämnd's PDF report, the one-page yearly report
NO_BREAKDOWN = "none"  # the log's word for totals only


class RequestProblem(enum.StrEnum):
    """Why a statistics request cannot be answered (words in the window and the command line)."""

    END_BEFORE_START = "end_before_start"
    TOO_LONG = "too_long"  # more than MAX_YEARS years
    UNKNOWN_BREAKDOWN = "unknown_breakdown"
    UNKNOWN_FORMAT = "unknown_format"


class StatisticsRequestError(ValueError):
    """A statistics request that cannot be answered; ``problem`` says why, ``value`` what was given."""

    def __init__(self, problem: RequestProblem, value: str = "") -> None:
        super().__init__(problem, value)
        self.problem = problem
        self.value = value

    def __str__(self) -> str:
        return f"statistics request refused: {self.problem.value}" + (f" ({self.value})" if self.value else "")


def school_year(first_year: int) -> tuple[dt.date, dt.date]:
    """Läsår ``first_year``/``first_year + 1``: July 1 to June 30."""
    return dt.date(first_year, 7, 1), dt.date(first_year + 1, 6, 30)


def dimension(breakdown: Dimension | str | None) -> Dimension | None:
    """``breakdown`` as a ``Dimension`` (its value as text, too); ``StatisticsRequestError`` when unknown."""
    if breakdown is None or isinstance(breakdown, Dimension):
        return breakdown
    try:
        return Dimension(str(breakdown))
    except ValueError:
        raise StatisticsRequestError(RequestProblem.UNKNOWN_BREAKDOWN, str(breakdown)[:40]) from None


def check_period(start: dt.date, end: dt.date) -> None:
    """The period's own rules: the end not before the start, at most ``MAX_YEARS`` years."""
    if end < start:
        raise StatisticsRequestError(RequestProblem.END_BEFORE_START, f"{start.isoformat()}–{end.isoformat()}")
    try:
        limit = start.replace(year=start.year + MAX_YEARS)
    except ValueError:  # February 29th
        limit = start.replace(year=start.year + MAX_YEARS, day=28)
    if end >= limit:
        raise StatisticsRequestError(RequestProblem.TOO_LONG, f"{start.isoformat()}–{end.isoformat()}")


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{start.isoformat()}–{end.isoformat()}"


def log_detail(start: dt.date, end: dt.date, breakdown: Dimension | None, cases: int | None = None) -> str:
    """What the access log says of a view or an export: period, breakdown, cases counted — no id."""
    parts = [period_text(start, end), f"by={breakdown.value if breakdown is not None else NO_BREAKDOWN}"]
    if cases is not None:
        parts.append(f"cases={cases}")
    return ";".join(parts)


def team_statistics(uow: UowFactory, actor: Actor | None, start: dt.date, end: dt.date,
                    breakdown: Dimension | str | None = None, today: dt.date | None = None) -> Statistics:
    """The team's statistics for ``start``–``end`` (inclusive), broken down by ``breakdown`` (module docstring).

    ``today`` is the day "now" means (the stages now, the latest four weeks; a server uses its own).
    Raises ``StatisticsRequestError`` (nothing read, nothing logged) and ``AccessDeniedError`` (logged).
    """
    by = dimension(breakdown)
    check_period(start, end)
    today = today or dt.date.today()
    from sst_desk.workflow.statistics import compute  # stats-core's counting (workflow, pure)

    with uow(actor) as tx:
        tx.require(Resource.STATISTICS, Action.VIEW)
        who = tx.actor
        visible_to = None if who is None else (who.user_id, counts_all_cases(who))
        min_cell = TeamSettings.from_stored(tx.team_settings.stored()).stats_min_cell
        # absence figures only where compute uses them: the cases enrolled at some time in the period
        facts = tx.statistics.case_facts(visible_to=visible_to, today=today, absence_for=(start, end))
        stats = compute(facts, StatsRequest(start, end, today, by, min_cell))
        workers = {w for fact in facts for w in fact.workers}
        names = tx.statistics.display_names(workers)
        stats = dataclasses.replace(
            stats, worker_names={str(uid): name for uid, name in sorted(names.items())},
            insats_names=insats_names({key for fact in facts for key in fact.insatser}))
        tx.log(LogAction.STATISTICS, detail=log_detail(start, end, by, stats.case_count))
        tx.commit()
    return stats


def record_statistics_export(uow: UowFactory, actor: Actor | None, start: dt.date, end: dt.date,
                             breakdown: Dimension | str | None, fmt: str) -> None:
    """Log that the statistics of this request left the app as ``fmt`` (one of ``EXPORT_FORMATS``).

    Needs STATISTICS × EXPORT (a refusal logged and raised as ``AccessDeniedError``).
    """
    by = dimension(breakdown)
    check_period(start, end)
    if fmt not in EXPORT_FORMATS:
        raise StatisticsRequestError(RequestProblem.UNKNOWN_FORMAT, str(fmt)[:20])
    with uow(actor) as tx:
        tx.require(Resource.STATISTICS, Action.EXPORT)
        tx.log(LogAction.EXPORT, detail=f"statistik {fmt};{log_detail(start, end, by)}")
        tx.commit()


def insats_names(keys: set[str]) -> dict[str, str]:
    """The catalogue's name of each key (the team's own file over the shipped one); a key the catalogue no
    longer has keeps itself as its name. A team file that cannot be read leaves the shipped names."""
    try:
        entries = load_catalogue(*default_catalogue_paths())
    except CatalogueError:
        entries = load_catalogue(default_catalogue_paths()[0])
    names = {entry.key: entry.name for entry in entries}
    return {key: names.get(key, key) for key in sorted(keys)}
