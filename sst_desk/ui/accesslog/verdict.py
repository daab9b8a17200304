"""What a verification of the access log found, and why a kept head cannot be read, in words for the team lead."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from sst_desk.workflow.logchain import KeptHeadError, LogVerification
from sst_desk.ui.accesslog.model import problem_words

CONTEXT = "LogVerdict"
SHOWN_PROBLEMS = 8

HEAD_ERRORS = {
    "unknown_line": QT_TRANSLATE_NOOP("LogVerdict", "line %1 is not part of a kept head."),
    "repeated": QT_TRANSLATE_NOOP("LogVerdict", "line %1 repeats a value."),
    "missing": QT_TRANSLATE_NOOP("LogVerdict", "it is not a kept head of the access log."),
    "format": QT_TRANSLATE_NOOP("LogVerdict", "it was made by a newer version of SST Desk."),
    "seq": QT_TRANSLATE_NOOP("LogVerdict", "the entry number (seq) must be a whole number from 1 up."),
    "hash": QT_TRANSLATE_NOOP("LogVerdict", "the hash must be 64 characters, 0–9 and a–f."),
    "at": QT_TRANSLATE_NOOP("LogVerdict", "the time (at) must be a date and time with a time zone."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def head_error_words(error: KeptHeadError) -> str:
    return _t(HEAD_ERRORS.get(error.code, HEAD_ERRORS["missing"])).replace("%1", str(error.line or ""))


def verdict_words(result: LogVerification, checked_at: dt.datetime) -> str:
    """One paragraph (and, when tampered with, a list of what was found)."""
    when = checked_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if result.needs_key:
        return (_t("The log is protected with the team server's secret key: only the server can check its "
                   "entries from entry %1 on. Nothing else is wrong with its %2 entries. Checked %3.")
                .replace("%1", str(result.problems[0].seq)).replace("%2", str(result.entries)).replace("%3", when))
    if not result.ok:
        lines = [_t("The log has been tampered with (problems found: %1). Checked %2.")
                 .replace("%1", str(len(result.problems))).replace("%2", when)]
        lines += ["• " + problem_words(p) for p in result.problems[:SHOWN_PROBLEMS]]
        if len(result.problems) > SHOWN_PROBLEMS:
            lines.append(_t("… and %1 more.").replace("%1", str(len(result.problems) - SHOWN_PROBLEMS)))
        return "\n".join(lines)
    if result.entries == 0:
        return _t("The log has no entries yet. Checked %1.").replace("%1", when)
    if result.anchor is not None and result.kept_head is None:
        return (_t("The log is intact: %1 entries, none changed, removed or reordered, and it still holds every "
                   "head the server anchored outside the database (the newest: entry %2). Checked %3.")
                .replace("%1", str(result.entries)).replace("%2", str(result.anchor.seq)).replace("%3", when))
    if result.kept_head is not None:
        kept_on = result.kept_head.at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (_t("The log is intact and matches the head kept on %1 (entry %2): %3 entries, none changed, "
                   "removed or reordered. Checked %4.")
                .replace("%1", kept_on).replace("%2", str(result.kept_head.seq))
                .replace("%3", str(result.entries)).replace("%4", when))
    return (_t("The log is intact: %1 entries, none changed, removed or reordered as far as the log itself shows. "
               "Compare it with a kept head to also rule out a rewrite of the whole log. Checked %2.")
            .replace("%1", str(result.entries)).replace("%2", when))
