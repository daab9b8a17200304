"""Words and numbers for the skollinje: a bucket's tooltip, an event's, an insats's, and the key figures.

The chart's hover text, its keyboard caption and the page's key-figures panel
say the same numbers in the same way, so they share these helpers. Numbers
follow the default ``QLocale`` (decimal comma in Swedish).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from sst_desk.workflow.attendance import Unit
from sst_desk.workflow.skollinje import EventMark, GoalLine, InsatsSpan, Point, StageSpan
from sst_desk.ui.common.labels import label

CONTEXT = "Skollinje"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def number(value: float, decimals: int = 1) -> str:
    """A number the way the worker reads it: 12,5 in Swedish."""
    locale = QLocale()
    if decimals == 0:
        return locale.toString(round(value))
    return locale.toString(float(value), "f", decimals)


def percent(value: float | None, decimals: int = 1) -> str:
    """"12,5 %", or a dash when there is nothing to divide by."""
    return "–" if value is None else _t("%1 %").replace("%1", number(value, decimals))


def points_change(value: float | None) -> str:
    """A change in percentage points with its sign: "+4,5 percentage points"."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return _t("%1 percentage points").replace("%1", sign + number(abs(value)))


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def span(start: dt.date, end: dt.date | None) -> str:
    """"2026-09-07 – 2026-09-13", or "from 2026-09-07" for something still running."""
    if end is None:
        return _t("from %1").replace("%1", day(start))
    if end == start:
        return day(start)
    return f"{day(start)} – {day(end)}"


def amount(value: float, unit: Unit | None) -> str:
    """Scheduled or absent time: minutes are shown as hours; lessons as lessons."""
    if unit is Unit.MINUTES:
        return _t("%1 h").replace("%1", number(value / 60))
    if unit is Unit.LESSONS:
        return _t("%1 lessons").replace("%1", number(value, 0 if float(value).is_integer() else 1))
    return number(value)


def week_short(week: int) -> str:
    """A week number on the axis: "w 46" (Swedish "v. 46")."""
    return _t("w %1").replace("%1", str(week))


def bucket_title(point: Point, bucket: str) -> str:
    """"Week 37: 2026-09-07 – 2026-09-13", or "September 2026: 2026-09-01 – 2026-09-30"."""
    if bucket == "month":
        name = QLocale().standaloneMonthName(point.start.month, QLocale.FormatType.LongFormat)
        head = f"{name} {point.start.year}"
    else:
        head = _t("Week %1").replace("%1", str(point.start.isocalendar().week))
    return f"{head}: {span(point.start, point.end)}"


def bucket_lines(point: Point, bucket: str, unit: Unit | None) -> list[str]:
    """What one bucket says, line by line (the tooltip shows lines; the caption joins them)."""
    lines = [bucket_title(point, bucket)]
    if point.absence_percent is None:
        lines.append(_t("Nothing scheduled (holiday or no data)"))
        return lines
    lines.append(_t("Absence: %1").replace("%1", percent(point.absence_percent)))
    if point.valid_percent is not None or point.invalid_percent is not None:
        lines.append(_t("Valid: %1 · Invalid: %2").replace("%1", percent(point.valid_percent))
                     .replace("%2", percent(point.invalid_percent)))
    lines.append(_t("Absent %1 of %2 scheduled").replace("%1", amount(point.absent, unit))
                 .replace("%2", amount(point.scheduled, unit)))
    return lines


def event_lines(event: EventMark) -> list[str]:
    lines = [f"{label(event.kind)}: {day(event.on)}"]
    if event.note:
        lines.append(event.note)
    return lines


def insats_lines(insats: InsatsSpan) -> list[str]:
    return [insats.name, span(insats.start, insats.end)]


def stage_lines(stage: StageSpan) -> list[str]:
    return [label(stage.stage), span(stage.start, stage.end)]


def goal_name(goal: GoalLine) -> str:
    return _t("Goal %1").replace("%1", str(goal.number))


def goal_lines(goal: GoalLine) -> list[str]:
    lines = [f"{goal_name(goal)}: {goal.description}" if goal.description else goal_name(goal)]
    if goal.start_percent is not None:
        lines.append(_t("Baseline %1 on %2").replace("%1", percent(goal.start_percent)).replace("%2", day(goal.start)))
    lines.append(_t("Target %1 by %2").replace("%1", percent(goal.target_percent)).replace("%2", day(goal.end)))
    return lines
