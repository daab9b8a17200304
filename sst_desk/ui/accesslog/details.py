"""The access log's "Detail" column in words (context "LogDetails").

The log stores short machine codes in its detail field — ``vidmakthallande`` for the stage a save left the
case in, ``prints;rows=3`` for reading a case's printouts, ``attendance`` for opening its attendance, ``case:edit``
for a refusal. Those are stable (the chain hashes them; the command line and the server write the same ones)
and must never be rewritten; this module only reads them and says them in the worker's language. A detail
it does not know (free text: a legal ground, a backup's path) is shown as it was written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from sst_desk.workflow.access import Action, Resource, Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.logchain import LogAction, LogRow, SampleOutcome
from sst_desk.ui.common.labels import label

CONTEXT = "LogDetails"

WORDS: dict[str, str] = {  # a code that stands alone in a detail, or opens one
    "attendance": QT_TRANSLATE_NOOP("LogDetails", "attendance"),
    "prints": QT_TRANSLATE_NOOP("LogDetails", "the case's printouts"),
    "query": QT_TRANSLATE_NOOP("LogDetails", "log entries"),
    "verify": QT_TRANSLATE_NOOP("LogDetails", "check of the whole log"),
    "sample": QT_TRANSLATE_NOOP("LogDetails", "entries for a sample check"),
    "sample_checks": QT_TRANSLATE_NOOP("LogDetails", "the documented sample checks"),
    "history": QT_TRANSLATE_NOOP("LogDetails", "the student's access history"),
    "print": QT_TRANSLATE_NOOP("LogDetails", "for printing"),
    "ok": QT_TRANSLATE_NOOP("LogDetails", "no problems"),
    "registerutdrag": QT_TRANSLATE_NOOP("LogDetails", "registerutdrag"),
    "gallring": QT_TRANSLATE_NOOP("LogDetails", "gallring"),
    "gallring:student": QT_TRANSLATE_NOOP("LogDetails", "gallring of the student's data"),
    "quit while locked": QT_TRANSLATE_NOOP("LogDetails", "quit while locked"),
    "sign out": QT_TRANSLATE_NOOP("LogDetails", "signed out from the menu"),
    "gather_documents": QT_TRANSLATE_NOOP("LogDetails", "gathering documents"),
    "share_plan": QT_TRANSLATE_NOOP("LogDetails", "sharing the action plan"),
}
COUNTS: dict[str, str] = {  # key=value parts
    "rows": QT_TRANSLATE_NOOP("LogDetails", "lines: %1"),
    "entries": QT_TRANSLATE_NOOP("LogDetails", "entries: %1"),
    "problems": QT_TRANSLATE_NOOP("LogDetails", "problems found: %1"),
    "kept": QT_TRANSLATE_NOOP("LogDetails", "against the kept head %1"),
    "from": QT_TRANSLATE_NOOP("LogDetails", "from %1"),
    "to": QT_TRANSLATE_NOOP("LogDetails", "to %1"),
    "user": QT_TRANSLATE_NOOP("LogDetails", "user %1"),
    "action": QT_TRANSLATE_NOOP("LogDetails", "action %1"),
    "role": QT_TRANSLATE_NOOP("LogDetails", "role %1"),
    "active": QT_TRANSLATE_NOOP("LogDetails", "active: %1"),
    "by": QT_TRANSLATE_NOOP("LogDetails", "by %1"),  # the statistics' breakdown (issue 15)
    "cases": QT_TRANSLATE_NOOP("LogDetails", "cases counted: %1"),
}
BREAKDOWNS: dict[str, str] = {  # the statistics' breakdowns (workflow.stats_model.Dimension; "none": no breakdown)
    "none": QT_TRANSLATE_NOOP("LogDetails", "nothing (totals only)"),
    "school": QT_TRANSLATE_NOOP("LogDetails", "school"),
    "grade": QT_TRANSLATE_NOOP("LogDetails", "school year (årskurs)"),
    "gender": QT_TRANSLATE_NOOP("LogDetails", "gender"),
    "level": QT_TRANSLATE_NOOP("LogDetails", "level (nivå)"),
    "assessment": QT_TRANSLATE_NOOP("LogDetails", "with or without needs assessment"),
    "worker": QT_TRANSLATE_NOOP("LogDetails", "worker"),
}
RESOURCES: dict[str, str] = {
    Resource.CASE: QT_TRANSLATE_NOOP("LogDetails", "cases"),
    Resource.CONSENT: QT_TRANSLATE_NOOP("LogDetails", "acting without consent"),
    Resource.ACCESS_LOG: QT_TRANSLATE_NOOP("LogDetails", "the access log"),
    Resource.USERS: QT_TRANSLATE_NOOP("LogDetails", "users"),
    Resource.BACKUPS: QT_TRANSLATE_NOOP("LogDetails", "backups"),
    Resource.SETTINGS: QT_TRANSLATE_NOOP("LogDetails", "settings"),
    Resource.ATTENDANCE: QT_TRANSLATE_NOOP("LogDetails", "attendance"),
    Resource.STATISTICS: QT_TRANSLATE_NOOP("LogDetails", "the team's statistics"),
}
ACTIONS: dict[str, str] = {
    Action.VIEW: QT_TRANSLATE_NOOP("LogDetails", "view"),
    Action.CREATE: QT_TRANSLATE_NOOP("LogDetails", "create"),
    Action.EDIT: QT_TRANSLATE_NOOP("LogDetails", "change"),
    Action.PRINT: QT_TRANSLATE_NOOP("LogDetails", "print"),
    Action.EXPORT: QT_TRANSLATE_NOOP("LogDetails", "export"),
    Action.DELETE: QT_TRANSLATE_NOOP("LogDetails", "delete"),
    Action.READ_LOG: QT_TRANSLATE_NOOP("LogDetails", "read the log"),
    Action.ASSIGN: QT_TRANSLATE_NOOP("LogDetails", "choose who is responsible"),
    Action.OVERRIDE: QT_TRANSLATE_NOOP("LogDetails", "act without consent"),
}
STATISTICS_EXPORT = "statistik "  # how services.statistics.record_statistics_export's detail opens
_IMPORT = re.compile(r"attendance (?P<name>.*): (?P<stored>\d+) of (?P<records>\d+) records stored, "
                     r"(?P<students>\d+) students, (?P<unmatched>\d+) rows unmatched")
_DOCUMENT = re.compile(r"(?P<kind>[a-z-]+)(?: v(?P<version>\d+))?(?P<batch> \(batch\))?")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _word(code: str) -> str | None:
    source = WORDS.get(code)
    return _t(source) if source else None


def _part(part: str) -> str:
    """One ``;``-separated part: a known code, ``key=value``, or the text itself."""
    key, equals, value = part.partition("=")
    if equals and key in COUNTS:
        if key == "action":
            from sst_desk.ui.accesslog.model import action_word

            value = action_word(value)
        elif key == "role":
            value = _role(value)
        elif key == "by" and value in BREAKDOWNS:
            value = _t(BREAKDOWNS[value])
        return _t(COUNTS[key]).replace("%1", value)
    return _word(part) or part


def _role(value: str) -> str:
    try:
        return label(Role(value))
    except ValueError:
        return value


def _refusal(detail: str) -> str:
    resource, _colon, action = detail.partition(":")
    if resource in RESOURCES and action in ACTIONS:
        return _t("%1: %2").replace("%1", _t(RESOURCES[resource])).replace("%2", _t(ACTIONS[action]))
    return detail


def _offline_view(detail: str) -> str:
    """A view made from the laptop's offline copy, sent when the server was back: when it was opened."""
    import datetime as dt

    try:
        at = dt.datetime.fromisoformat(detail[len("offline="):]).astimezone()
    except ValueError:
        return detail
    return _t("offline, on the computer's copy, at %1").replace("%1", at.strftime("%Y-%m-%d %H:%M"))


def _document(detail: str) -> str:
    from sst_desk.reports.kinds import available_kinds

    match = _DOCUMENT.fullmatch(detail)
    titles = {k.name: k.title for k in available_kinds()}  # document names are Swedish in every language
    if match is None or match["kind"] not in titles:
        return _word(detail) or detail
    text = titles[match["kind"]]
    if match["version"]:
        text = _t("%1, version %2").replace("%1", text).replace("%2", match["version"])
    if match["batch"]:
        text = _t("%1 (batch print)").replace("%1", text)
    return text


def _user_change(detail: str) -> str:
    user, _colon, changes = detail.partition(":")
    parts = [_t("user %1").replace("%1", user)] + [_part(c) for c in changes.split(",") if c]
    return ", ".join(parts)


def action_detail(action: str, detail: str) -> str:
    """``detail`` as written by ``action`` (a ``LogAction`` value), in words."""
    if not detail:
        return ""
    if action == LogAction.EDIT:
        try:
            return _t("stage now: %1").replace("%1", label(Stage(detail)))
        except ValueError:
            return detail
    if action == LogAction.LIST:
        if detail.isdigit():
            return _t("cases shown: %1").replace("%1", detail)
        if detail.startswith("gallring:") and detail[len("gallring:"):].isdigit():
            return _t("cases due for gallring: %1").replace("%1", detail[len("gallring:"):])
        if detail.startswith("kommande:") and detail[len("kommande:"):].isdigit():
            return _t("upcoming dates shown: %1").replace("%1", detail[len("kommande:"):])
    if action == LogAction.DENIED:
        return _refusal(detail)
    if action == LogAction.VIEW and detail.startswith("offline="):
        return _offline_view(detail)
    if action == LogAction.OFFLINE_COPY and detail.isdigit():
        return _t("revision %1").replace("%1", detail)
    if action == LogAction.EXPORT and detail.startswith(STATISTICS_EXPORT):
        # "statistik xlsx;2025-07-01–2026-06-30;by=school;cases=312" (services.statistics)
        kind, _semi, rest = detail.partition(";")
        said = _t("the team's statistics as %1").replace("%1", kind[len(STATISTICS_EXPORT):].upper())
        return ", ".join([said] + [_part(p) for p in rest.split(";") if p])
    if action in (LogAction.PRINT, LogAction.EXPORT):
        return _document(detail)
    if action == LogAction.USER_CREATED:
        user, _colon, role = detail.partition(":")
        return _t("user %1, %2").replace("%1", user).replace("%2", _role(role))
    if action in (LogAction.USER_CHANGED,):
        return _user_change(detail)
    if action in (LogAction.PASSWORD_CHANGED, LogAction.PASSWORD_RESET) and detail.isdigit():
        return _t("user %1").replace("%1", detail)
    if action == LogAction.ASSIGN:
        return _t("users %1").replace("%1", detail.replace(",", ", ")) if detail else _t("nobody")
    if action == LogAction.IMPORT:
        match = _IMPORT.fullmatch(detail)
        if match is not None:
            return (_t("attendance “%1”: %2 of %3 records stored, %4 students, %5 rows not matched")
                    .replace("%1", match["name"]).replace("%2", match["stored"]).replace("%3", match["records"])
                    .replace("%4", match["students"]).replace("%5", match["unmatched"]))
    if action == LogAction.SAMPLE_CHECK:
        check, _semi, rest = detail.partition(";")
        outcome, _semi, count = rest.partition(";")
        words = [_t("check %1").replace("%1", check)]
        try:
            from sst_desk.ui.accesslog.model import outcome_word

            words.append(outcome_word(SampleOutcome(outcome)))
        except ValueError:
            words.append(outcome)
        return ", ".join(words + ([_part(count)] if count else []))
    if action == LogAction.CONSENT_OVERRIDE:
        purpose, colon, ground = detail.partition(": ")
        return f"{_word(purpose) or purpose}: {ground}" if colon else detail
    return ", ".join(_part(p) for p in detail.split(";"))


def detail_words(row: LogRow) -> str:
    """The Detail column: the case number and what the detail says."""
    parts = [_t("case %1").replace("%1", str(row.case_id))] if row.case_id is not None else []
    said = action_detail(str(row.action), row.detail or "")
    return "  ·  ".join(parts + ([said] if said else []))
