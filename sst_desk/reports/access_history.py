"""Åtkomsthistorik: who has opened, changed, printed or handed out a student's data, for the guardian who asks.

Built from the access log's rows (``services.accesslog.student_access_history``):
when, who (name and role) and what, in Swedish — never anything from the case
itself. A guardian (or the student) may ask who has accessed the data
(GDPR art. 15; the log's ``READ_LOG`` entries show that the question was
answered, too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sst_desk.vocabulary import words
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.logchain import LogAction, LogRow

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf, write_pdf_atomic
from sst_desk.reports.blocks import data_table, empty, heading, key_values, para
from sst_desk.reports.labels_sv import label
from sst_desk.reports.styles import styles

TITLE = "Åtkomsthistorik"
SUBTITLE = "Registerförteckning över åtkomst till uppgifter om eleven"
INTRO = (
    "Förteckningen visar varje gång någon har öppnat, registrerat, ändrat, skrivit ut eller lämnat ut "
    "uppgifter om eleven i teamets ärendesystem SST Desk, och när någon har försökt utan att ha behörighet. "
    "Den hämtas ur systemets åtkomstlogg, som registrerar detta automatiskt. Förteckningen innehåller "
    "inga uppgifter ur själva ärendet."
)
NONE_FOUND = "Ingen åtkomst har registrerats under perioden."
UNKNOWN_USER = "okänd användare"

# The words of the one vocabulary (sst_desk.vocabulary), as the log review on screen shows them too.
ROLE_SV = {role.value: words(role).sv.lower() for role in Role}  # in a sentence: "Sara Lind, skolsocionom"
ACTION_SV: dict[str, str] = {action: words(action).sv for action in LogAction}

# What a refused attempt tried (``DENIED``'s detail is "resource:action").
_ATTEMPT_SV = {"view": "öppna", "edit": "ändra", "print": "skriva ut", "export": "lämna ut",
               "read_log": "läsa loggen", "delete": "gallra", "assign": "ändra ansvariga", "create": "registrera",
               "override": "gå förbi samtycket"}


def action_words(row: LogRow) -> str:
    """What happened, in Swedish, with the detail a guardian may see (a document, a stage, an attempt)."""
    words = ACTION_SV.get(row.action, row.action)
    detail = row.detail.strip()
    if row.action == LogAction.EDIT and detail in set(Stage):
        return f"{words} (steg: {label(Stage(detail))})"
    if row.action in (LogAction.PRINT, LogAction.EXPORT) and detail:
        return f"{words}: {detail}"
    if row.action == LogAction.DENIED and detail:
        tried = _ATTEMPT_SV.get(detail.rpartition(":")[2])
        return f"{words} (försökte {tried})" if tried else words
    return words


def who_words(row: LogRow) -> tuple[str, str]:
    """(name, role in Swedish) of who acted."""
    name = row.display_name or row.username or UNKNOWN_USER
    return name, ROLE_SV.get(row.role or "", "")


def local_time(at: dt.datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def period_words(rows: Sequence[LogRow], since: dt.date | None, until: dt.date | None) -> str:
    first = since or (rows[0].at.astimezone().date() if rows else None)
    last = until or (rows[-1].at.astimezone().date() if rows else None)
    if first is None and last is None:
        return "hela tiden"
    return f"{format_date(first, 'från början')} – {format_date(last, 'tills vidare')}"


def build_access_history(student_name: str, rows: Sequence[LogRow], context: ReportContext, *,
                         since: dt.date | None = None, until: dt.date | None = None) -> bytes:
    """The PDF for one student; ``rows`` oldest first, as ``student_access_history`` gives them."""
    s = styles()
    name = student_name or "Eleven finns inte längre i registret"
    story: list[Flowable] = [Paragraph(TITLE, s.title), para(SUBTITLE, s.subtitle), Spacer(1, 4 * mm)]
    story.append(key_values([("Elev", name), ("Team", context.team_name),
                             ("Period", period_words(rows, since, until)),
                             ("Antal registreringar", str(len(rows)))]))
    story += [Spacer(1, 3 * mm), para(INTRO, s.muted)]
    story += heading("Registrerad åtkomst")
    story += [_table(rows)] if rows else [empty(NONE_FOUND)]
    info = DocumentInfo(title=TITLE, student_name=student_name,
                        keywords=("åtkomsthistorik", "registerförteckning", "skolsocialt team"))
    return render_pdf(story, info, context)


def write_access_history(path: Path, student_name: str, rows: Sequence[LogRow], context: ReportContext, *,
                         since: dt.date | None = None, until: dt.date | None = None, force: bool = False,
                         database: Path | None = None) -> Path:
    """Build the PDF and write it atomically to ``path`` (``fileio.write_export``'s rule)."""
    return write_pdf_atomic(build_access_history(student_name, rows, context, since=since, until=until), path,
                            force=force, database=database)


def _table(rows: Sequence[LogRow]) -> Flowable:
    s = styles()
    cells = []
    for row in rows:
        name, role = who_words(row)
        who: list[Flowable] = [para(name, s.cell_bold)] + ([para(role, s.cell_muted)] if role else [])
        cells.append([para(local_time(row.at), s.cell), who, para(action_words(row), s.cell)])
    return data_table(["Datum och tid", "Vem", "Vad"], cells, widths=[28, 45, 77])
