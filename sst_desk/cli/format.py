"""``sst-desk cases`` output: an aligned table for people, CSV and JSON for programs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from sst_desk import i18n
from sst_desk.workflow.attention import Attention
from sst_desk.workflow.caselist import CaseRow
from sst_desk.reports.labels_sv import label as swedish_label
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.validation import visible_escapes

FORMATS = ("table", "csv", "json")
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    from sst_desk import i18n

    return i18n.translate(CONTEXT, text)


def whole_number(text: str, low: int, high: int) -> int:
    """``text`` as a whole number from ``low`` to ``high`` (argparse's ``type``): a sentence otherwise.

    The bounds keep a huge number (2^63, 10^30) from ever reaching SQLite, which cannot store it.
    """
    import argparse

    cleaned = text.strip()
    shown = cleaned if len(cleaned) <= 25 else cleaned[:22] + "…"  # never echo 5,000 digits back
    if not (cleaned.isascii() and cleaned.lstrip("-").isdigit()):
        raise argparse.ArgumentTypeError(_t("'%1' is not a whole number").replace("%1", shown))
    if len(cleaned) > 40:  # far beyond any bound: no need to turn it into a number at all
        raise argparse.ArgumentTypeError(_t("must be at most %1 (got %2)").replace("%1", str(high))
                                         .replace("%2", shown))
    value = int(cleaned)
    if value < low:
        raise argparse.ArgumentTypeError(_t("must be at least %1 (got %2)").replace("%1", str(low))
                                         .replace("%2", shown))
    if value > high:
        raise argparse.ArgumentTypeError(_t("must be at most %1 (got %2)").replace("%1", str(high))
                                         .replace("%2", shown))
    return value

# The stage names the teams use: the table is for people, so it says them in Swedish (the report words).
STAGE_WORDS: dict[Stage, str] = {stage: swedish_label(stage) for stage in Stage}
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, so lupdate finds the strings
    return text


# Source texts (context "CommandLine"); translated when the table is made, in the command line's language.
ATTENTION_WORDS: dict[Attention, str] = {
    Attention.FOLLOW_UP_OVERDUE: QT_TRANSLATE_NOOP("CommandLine", "follow-up overdue"),
    Attention.CONSENT_EXPIRING: QT_TRANSLATE_NOOP("CommandLine", "consent expiring"),
    Attention.BOOSTER_DUE: QT_TRANSLATE_NOOP("CommandLine", "boosterträff due"),
    Attention.CONSENT_MISSING: QT_TRANSLATE_NOOP("CommandLine", "consent missing"),
}
FIELDS = ("id", "student", "personal_id", "school", "grade", "stage", "level", "socionom", "raised_on",
          "next_due", "attention", "protected_identity", "term_absence_percent")


def _attention_codes(row: CaseRow) -> list[str]:
    return sorted(flag.value for flag in row.attention)


def as_record(row: CaseRow) -> dict[str, object]:
    """One row as plain JSON-ready values: codes for stages and flags, ISO dates."""
    return {
        "id": row.case_id,
        "student": row.student_name,
        "personal_id": row.personal_id,
        "school": "" if row.protected_identity else row.school,  # skyddade personuppgifter
        "grade": row.grade,
        "stage": row.stage.value,
        "level": int(row.level.value),
        "socionom": row.socionom,
        "raised_on": row.raised_on.isoformat(),
        "next_due": row.next_due.isoformat() if row.next_due else None,
        "attention": _attention_codes(row),
        "protected_identity": row.protected_identity,
        "term_absence_percent": None if row.term_absence_percent is None else round(row.term_absence_percent, 1),
    }


def to_json(rows: Sequence[CaseRow]) -> str:
    return json.dumps([as_record(r) for r in rows], ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: Sequence[CaseRow]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        record = as_record(row)
        record["attention"] = ";".join(record["attention"])  # type: ignore[arg-type]
        record["personal_id"] = record["personal_id"] or ""
        record["next_due"] = record["next_due"] or ""
        record["grade"] = "" if record["grade"] is None else record["grade"]
        record["protected_identity"] = "true" if row.protected_identity else "false"
        record["term_absence_percent"] = "" if record["term_absence_percent"] is None else record["term_absence_percent"]
        # Names stored before they were checked may hold a NUL or a direction override: print them escaped.
        writer.writerow({k: visible_escapes(v) if isinstance(v, str) else v for k, v in record.items()})
    return buffer.getvalue()


def to_table(rows: Sequence[CaseRow]) -> str:
    if not rows:
        return _t("No cases.") + "\n"
    header = (_t("ID"), _t("Student"), _t("Personnummer"), _t("School"), _t("Stage"), _t("Absence (term)"),
              _t("Next due"), _t("Needs attention"))
    lines = [header] + [
        (
            str(r.case_id),
            r.student_name,
            r.personal_id or "–",
            _t("(protected)") if r.protected_identity else r.school,
            STAGE_WORDS[r.stage],
            "–" if r.term_absence_percent is None else f"{i18n.decimal(r.term_absence_percent)} %",
            r.next_due.isoformat() if r.next_due else "–",
            ", ".join(_t(ATTENTION_WORDS[a]) for a in sorted(r.attention, key=lambda a: a.value)),
        )
        for r in rows
    ]
    # Names stored before they were checked may hold a NUL, an escape or a direction override: never raw.
    lines = [tuple(visible_escapes(cell) for cell in line) for line in lines]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {0, 5}  # numbers line up on the right
    out = []
    for number, line in enumerate(lines):
        cells = [cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    total = len(rows)
    out.append("\n" + (_t("1 case.") if total == 1 else _t("%1 cases.").replace("%1", str(total))))
    return "\n".join(out) + "\n"


def format_rows(rows: Sequence[CaseRow], fmt: str) -> str:
    return {"table": to_table, "csv": to_csv, "json": to_json}[fmt](rows)
