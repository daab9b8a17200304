"""Where a case stands on each stage of the process: done, current, visited, or locked — and why locked.

The case window's stepper shows this (a tick, a dot, a dash, and the reason on
hover); a locked stage's page is read-only with the same reason. The reason is
one of three: the step that opens the stage is not possible yet (the guard's
findings, or none when only the step itself remains), the case left the process
before the stage (an early exit), or the stage opens after an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import datetime as dt

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.editing import step_blockers
from sst_desk.workflow.entities import Case
from sst_desk.workflow.problems import Finding
from sst_desk.workflow.process import PATHS, Move, moves_from


class StepState(str, Enum):
    DONE = "done"
    CURRENT = "current"
    OPEN = "open"  # visited before, not current (e.g. after a loop back)
    LOCKED = "locked"


@dataclass(frozen=True)
class StageStep:
    """One stage as the stepper shows it. For a LOCKED stage exactly one of ``move``, ``left_process`` and
    ``opens_after`` says why: ``move`` opens it (``findings``: what its guard still misses)."""

    stage: Stage
    state: StepState
    move: Move | None = None
    findings: tuple[Finding, ...] = ()
    left_process: bool = False
    opens_after: Stage | None = None


def visited_stages(case: Case) -> set[Stage]:
    """The stages the case has stood in (every case starts in aktualisering)."""
    return {t.to_stage for t in case.transitions} | {case.stage, Stage.AKTUALISERING}


def stage_steps(case: Case, today: dt.date) -> list[StageStep]:
    """Every stage in process order, with its state for ``case`` on ``today``."""
    current = case.stage
    visited = visited_stages(case)
    reachable = {PATHS[m].target: m for m in moves_from(current)}
    steps: list[StageStep] = []
    for stage in Stage:
        if stage is current:
            steps.append(StageStep(stage, StepState.CURRENT))
        elif stage in visited:
            steps.append(StageStep(stage, StepState.DONE if stage.order < current.order else StepState.OPEN))
        elif stage in reachable:
            move = reachable[stage]
            steps.append(StageStep(stage, StepState.LOCKED, move=move,
                                   findings=tuple(step_blockers(case, move, today))))
        elif stage.order < current.order:
            steps.append(StageStep(stage, StepState.LOCKED, left_process=True))
        else:
            steps.append(StageStep(stage, StepState.LOCKED, opens_after=list(Stage)[max(stage.order - 1, 0)]))
    return steps
