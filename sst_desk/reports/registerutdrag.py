"""The registerutdrag (GDPR art. 15) as a PDF and as JSON, from ``persistence.extract.gather_registerutdrag``.

Both files carry the same content: the JSON is the machine-readable copy
(GDPR art. 20 style: codes and ISO dates, documented keys, a format version),
the PDF the readable one (Swedish words, every section headed, page numbers).
The PDF opens with the note that free text must be reviewed (sekretessprövning)
before the extract is handed out, and shows where another person's details
were left out.

    data = gather_registerutdrag(db, case_id)
    pdf, json_file = write_registerutdrag(data, folder, ReportContext(team_name=..., printed_by=...))
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from sst_desk.vocabulary import words
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import (
    Assessment,
    Authority,
    Behorighet,
    ClosingReason,
    ContactKind,
    DocumentKind,
    EventKind,
    Factor,
    Gender,
    GoalArea,
    Level,
    Party,
    PlanStatus,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)
from sst_desk.workflow.logchain import LogAction

from sst_desk.fileio import write_exports
from sst_desk.reports.base import DocumentInfo, ReportContext, render_pdf
from sst_desk.reports.blocks import data_table, empty, heading, key_values, notice, para
from sst_desk.reports.labels_sv import grade_label, label
from sst_desk.reports.styles import styles

TITLE = "Registerutdrag"
NONE = "Inga uppgifter."
# The one vocabulary's words (sst_desk.vocabulary), as the screen and the other documents say them.
ROLES = {role.value: words(role).sv for role in Role}
ACTIONS = {action.value: words(action).sv for action in LogAction}


def registerutdrag_json(data: dict[str, Any]) -> bytes:
    """The machine-readable file: UTF-8 JSON, indented, keys as gathered (docs/security-gallring.md)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def file_stem(data: dict[str, Any], case_id: int | None = None) -> str:
    """``Registerutdrag ärende 12 2026-11-22``: named by the case, not the student.

    Two students with the same name must never share a file name (one extract would replace the
    other), and a file name is read by anyone who sees the folder. Without ``case_id``, the first
    case of the extract names it.
    """
    if case_id is None:
        cases = data.get("cases") or [{}]
        case_id = cases[0].get("id")
    return f"{TITLE} ärende {case_id} {data['created_at'][:10]}"


def write_registerutdrag(data: dict[str, Any], folder: Path, context: ReportContext, *, case_id: int | None = None,
                         force: bool = False, database: Path | None = None,
                         before_commit: Callable[[], None] | None = None) -> tuple[Path, Path]:
    """Write ``<stem>.pdf`` and ``<stem>.json`` into ``folder`` (both or neither); returns (pdf, json).

    ``fileio.write_exports`` decides whether the files may be written (``force`` replaces an earlier
    extract of the same case and day); ``before_commit`` (the access-log entry) runs once both are on disk.
    """
    folder = Path(folder)
    stem = file_stem(data, case_id)
    pdf, machine = write_exports([(build_registerutdrag(data, context), folder / f"{stem}.pdf"),
                                  (registerutdrag_json(data), folder / f"{stem}.json")],
                                 force=force, database=database, before_commit=before_commit)
    return pdf, machine


def build_registerutdrag(data: dict[str, Any], context: ReportContext) -> bytes:
    """The PDF of a gathered registerutdrag."""
    s = styles()
    student = data["student"]
    name = f"{student['first_name']} {student['last_name']}".strip()
    story: list[Flowable] = [
        Paragraph(TITLE, s.title),
        para(f"Uppgifter om {name} i SST Desk, {_when(data['created_at'])}", s.subtitle),
        Spacer(1, 4 * mm),
        notice(data["review_note"]),
        Spacer(1, 2 * mm),
        para("Utdraget innehåller allt som finns lagrat om eleven i teamets ärendesystem (GDPR artikel 15). "
             "Samma uppgifter finns i maskinläsbar form i JSON-filen med samma namn.", s.muted),
    ]
    story += _student(data)
    for case in data["cases"]:
        story += _case(case)
    story += _attendance(data.get("attendance", {}))
    story += _access_log(data["access_log"])
    info = DocumentInfo(title=TITLE, student_name=name,
                        keywords=("registerutdrag", "GDPR"))
    return render_pdf(story, info, context)


# --- words --------------------------------------------------------------------------------------------------


def _code(kind: type[Enum], value: Any, missing: str = "–") -> str:
    return missing if value is None else label(kind(value))


def _codes(kind: type[Enum], values: Sequence[Any]) -> str:
    return ", ".join(label(kind(v)) for v in values) or "–"


def _when(stamp: str | None) -> str:
    """A stored UTC time as local date and minute."""
    if not stamp:
        return "–"
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _yes_no(value: bool | None, unknown: str = "Ej bedömt") -> str:
    return unknown if value is None else ("Ja" if value else "Nej")


def _text(value: Any) -> str:
    return "–" if value in (None, "") else str(value)


def _table(header: Sequence[str], rows: list[Sequence[Any]], widths: Sequence[float]) -> list[Flowable]:
    if not rows:
        return [empty(NONE)]
    s = styles()
    return [data_table(header, [[para(_text(cell), s.cell) for cell in row] for row in rows], widths)]


def _sub(text: str) -> list[Flowable]:
    """A case part's heading, kept with at least the start of what follows it."""
    return [CondPageBreak(25 * mm), para(text, styles().subheading)]


# --- sections -----------------------------------------------------------------------------------------------


def _student(data: dict[str, Any]) -> list[Flowable]:
    student = data["student"]
    rows = [
        ("Namn", f"{student['first_name']} {student['last_name']}"),
        ("Personnummer", student["personal_id"] or "saknas"),
        ("Skola", student["school"] if student["school"] is not None else _omitted(student, "school")),
        ("Årskurs", grade_label(student["grade"])),
        ("Kön", _code(Gender, student["gender"])),
        ("Skyddade personuppgifter", _yes_no(student["protected_identity"])),
    ]
    story = [*heading("Eleven"), key_values(rows), *heading("Vårdnadshavare")]
    guardians = [(g["name"], g["relation"], g["contact_details"]) for g in data["guardians"]]
    story += _table(["Namn", "Relation", "Telefon, e-post, adress"], guardians, [40, 25, 75])
    return story


def _omitted(record: dict[str, Any], field: str) -> str:
    return next((o["note"] for o in record.get("omitted", []) if o["field"] == field), "–")


def _case(case: dict[str, Any]) -> list[Flowable]:
    decision = " ".join(x for x in (case["decision_on"] or "", case["decision_ref"]) if x) or "–"
    rows = [
        ("Ärendenummer", str(case["id"])),
        ("Steg", _code(Stage, case["stage"])),
        ("Nivå", _code(Level, case["level"])),
        ("Insatsens form", _code(Assessment, case["assessment"])),
        ("Beslut", decision),
        ("Aktualiserad", case["raised_on"]),
        ("Aktualiserad av", " ".join(x for x in (_code(RaisedBy, case["raised_by"]), case["raised_by_name"]) if x)),
        ("Anledning", _text(case["reason"])),
        ("Frånvaro vid start", _percent(case["absence_percent"])),
        ("Skolans åtgärder", _codes(SchoolMeasure, case["school_measures"])),
        ("Om skolans åtgärder", _text(case["school_measures_note"])),
        ("Uppfyller kriterierna", _yes_no(case["criteria_met"])),
        ("Skolsocionom", _text(case["socionom"])),
        ("Kontakt i skolan", _text(case["school_contact"])),
        ("Inskriven", _text(case["enrolled_on"])),
        ("Avslutad", _text(case["closed_on"])),
        ("Avslutsorsak", _code(ClosingReason, case["closing_reason"])),
        ("Om avslutet", _text(case["closing_note"])),
        ("Gymnasiebehörighet", _code(Behorighet, case["gymnasiebehorighet"])),
        ("Ansvariga", "\n".join(f"{m['name']} ({ROLES.get(m['role'], m['role'])})" for m in case["members"]) or "–"),
    ]
    story = [*heading(f"Ärende {case['id']}"), key_values(rows)]
    for title, build in _CASE_PARTS:
        story += [*_sub(title), *build(case)]
    return story


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:g} %".replace(".", ",")


def _consents(case: dict[str, Any]) -> list[Flowable]:
    rows = [(f"{_code(SignerKind, c['signer_kind'])}: {c['signer_name']}", c["given_on"], _codes(Party, c["parties"]),
             c["valid_until"], " ".join(x for x in (c["withdrawn_on"] or "", c["withdrawn_note"]) if x),
             c["scope_note"]) for c in case["consents"]]
    header = ["Vem", "Givet", "Parter", "Giltigt till", "Återkallat", "Omfattning"]
    return _table(header, rows, [32, 21, 32, 21, 26, 28])


def _kartlaggning(case: dict[str, Any]) -> list[Flowable]:
    k = case["kartlaggning"]
    if k is None:
        return [empty(NONE)]
    rows = [
        ("Påbörjad", _text(k["started_on"])), ("Klar", _text(k["completed_on"])),
        ("Faktorer", _codes(Factor, k["factors"])),
        ("Skolrelaterat", _text(k["school_notes"])), ("Individrelaterat", _text(k["individual_notes"])),
        ("Familjerelaterat", _text(k["family_notes"])), ("Övrigt", _text(k["other_notes"])),
        ("Skyddsfaktorer", _codes(ProtectiveFactor, k["protective_factors"])),
        ("Om skyddsfaktorerna", _text(k["protective_notes"])),
        ("Vårdnadshavarnas syn", _text(k["guardians_view"])), ("Sammanfattning", _text(k["summary"])),
    ]
    documents = [(_code(DocumentKind, d["kind"], d["label"] or "–") if d["kind"] else d["label"], d["requested_on"],
                  d["received_on"], d["note"]) for d in k["documents"]]
    return [key_values(rows), *_sub("Underlag"), *_table(["Handling", "Begärd", "Mottagen", "Anteckning"],
                                                         documents, [50, 20, 20, 50])]


def _plans(case: dict[str, Any]) -> list[Flowable]:
    if not case["plans"]:
        return [empty(NONE)]
    story: list[Flowable] = []
    for plan in case["plans"]:
        next_meeting = _meeting(plan["follow_up_on"], plan["follow_up_time"], plan["follow_up_place"])
        story.append(para(f"Version {plan['version']} ({_code(PlanStatus, plan['status']).lower()}), upprättad "
                          f"{_text(plan['created_on'])}, nästa uppföljning {next_meeting}", styles().body))
        goals = [(g["number"], g["description"], _code(GoalArea, g["area"]), g["measure"], g["baseline"], g["target"])
                 for g in plan["goals"]]
        story += _table(["Nr", "Mål", "Område", "Hur det mäts", "Utgångsläge", "Målnivå"], goals,
                        [8, 46, 21, 30, 25, 25])
        insatser = [(i["name"], i["description"], _responsible(i), _period(i["start_on"], i["end_on"]),
                     i["goal_number"]) for i in plan["insatser"]]
        story += [Spacer(1, 2 * mm), *_table(["Insats", "Beskrivning", "Ansvarig", "Period", "Mål nr"], insatser,
                                            [34, 40, 34, 26, 12])]
        story += [Spacer(1, 2 * mm), para(f"Vårdnadshavarnas syn: {_text(plan['guardians_view'])}", styles().body),
                  Spacer(1, 2 * mm)]
    return story


def _meeting(day: str | None, time: str | None, place: str) -> str:
    """A meeting as one phrase: "2026-03-02 kl. 14:00, Skolans bibliotek" (what is not set left out)."""
    parts = [_text(day)]
    if time:
        parts[0] += f" kl. {time}"
    if place:
        parts.append(place)
    return ", ".join(parts)


def _responsible(insats: dict[str, Any]) -> str:
    who = (_code(Authority, insats["responsible_authority"], ""), insats["responsible_person"])
    return ": ".join(x for x in who if x) or "–"


def _period(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"från {start}"
    return f"till {end}" if end else "–"


def _follow_ups(case: dict[str, Any]) -> list[Flowable]:
    if not case["follow_ups"]:
        return [empty(NONE)]
    story: list[Flowable] = []
    for f in case["follow_ups"]:
        held = f"{f['held_on']} (planversion {f['plan_version']}), frånvaro {_percent(f['absence_percent'])}"
        story.append(para(f"{held}: {_text(f['summary'])}", styles().body))
        story += _table(["Mål", "Bedömning", "Kommentar"],
                        [(r["goal"], _code(Rating, r["rating"]), r["comment"]) for r in f["ratings"]], [60, 25, 55])
        story.append(Spacer(1, 2 * mm))
    return story


def _simple(key: str, header: Sequence[str], widths: Sequence[float],
            row: Callable[[dict[str, Any]], Sequence[Any]]) -> Callable[[dict[str, Any]], list[Flowable]]:
    return lambda case: _table(header, [row(item) for item in case[key]], widths)


_CASE_PARTS: list[tuple[str, Callable[[dict[str, Any]], list[Flowable]]]] = [
    ("Samtycken", _consents),
    ("Kartläggning", _kartlaggning),
    ("Handlingsplaner", _plans),
    ("Kontakter", _simple("contacts", ["Datum", "Typ", "Deltagare", "Vad som gjordes", "Antecknat av"],
                          [18, 18, 30, 56, 20],
                          lambda c: (c["on"], _code(ContactKind, c["kind"]), c["participants"], c["summary"],
                                     c["author"]))),
    ("Uppföljningar", _follow_ups),
    ("Boosterträffar", _simple("boosters", ["Planerad", "Tid", "Plats", "Genomförd", "Datum", "Anteckning"],
                               [20, 12, 30, 18, 20, 40],
                               lambda b: (b["planned_on"], b["start_time"], b["place"], _yes_no(b["held"], "Inte än"),
                                          b["held_on"], b["notes"]))),
    ("Hänvisningar och anmälningar", _simple("referrals", ["Typ", "Datum", "Till", "Anteckning"], [30, 18, 40, 52],
                                             lambda r: (_code(ReferralKind, r["kind"]), r["made_on"], r["to_whom"],
                                                        r["note"]))),
    ("Händelser på skollinjen", _simple("events", ["Datum", "Typ", "Anteckning"], [20, 36, 84],
                                        lambda e: (e["on"], _code(EventKind, e["kind"]), e["note"]))),
    ("Elevens egen syn", _simple("student_views", ["Steg", "Elevens syn"], [30, 110],
                                 lambda v: (_code(Stage, v["stage"]), v["text"]))),
    ("Ärendets gång", _simple("transitions", ["Tid", "Från", "Till", "Av", "Kommentar"], [24, 24, 24, 24, 44],
                              lambda t: (_when(t["at"]), _code(Stage, t["from_stage"]), _code(Stage, t["to_stage"]),
                                         t["by"], t["comment"]))),
    ("Beslut utan samtycke", _simple("consent_overrides", ["Tid", "Av", "Syfte", "Rättslig grund", "Anteckning"],
                                     [24, 22, 22, 36, 36],
                                     lambda o: (_when(o["at"]), o["by"], o["purpose"], o["legal_ground"], o["note"]))),
]


def _attendance(attendance: dict[str, Any]) -> list[Flowable]:
    """Every stored day, week or period of the school's attendance export, and who imported it when."""
    records = attendance.get("records", [])
    story = [*heading("Närvaro från skolans export"),
             para("Det här har skolans närvarosystem rapporterat och teamet importerat: schemalagd tid och "
                  "frånvaro per dag, vecka eller period (minuter, lektioner eller procent).", styles().muted)]
    if not records:
        return story + [para("Ingen närvaro är importerad för eleven.", styles().muted)]
    rows = [(r["period_start"], _last_day(r), GRANULARITY_WORDS.get(r["granularity"], r["granularity"]),
             UNIT_WORDS.get(r["unit"], r["unit"]), _number(r["scheduled"]), _number(r["absent"]),
             _number(r["valid"]), _number(r["invalid"])) for r in records]
    story += _table(["Från", "Till", "Post", "Enhet", "Schemalagt", "Frånvaro", "Giltig", "Ogiltig"], rows,
                    [20, 20, 14, 18, 19, 17, 16, 16])
    imports = [(_when(i["at"]), i["by"], i["file_name"], str(i["records"])) for i in attendance.get("imports", [])]
    return story + [*_sub("Importer"), *_table(["Tid", "Av", "Fil", "Poster för eleven"], imports, [30, 36, 54, 20])]


GRANULARITY_WORDS = {"day": "Dag", "week": "Vecka", "period": "Period"}
UNIT_WORDS = {"minutes": "minuter", "lessons": "lektioner", "percent": "procent"}


def _last_day(record: dict[str, Any]) -> str:
    """A record's last day: a period's is stored; a day is itself, an ISO week ends on its Sunday."""
    if record.get("period_end"):
        return str(record["period_end"])
    if record["granularity"] == "week":
        return (dt.date.fromisoformat(str(record["period_start"])) + dt.timedelta(days=6)).isoformat()
    return str(record["period_start"])


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}".replace(".", ",")


def _access_log(entries: list[dict[str, Any]]) -> list[Flowable]:
    rows = [(_when(e["at"]), e["name"], ROLES.get(e["role"] or "", "–"), ACTIONS.get(e["action"], e["action"]),
             e["case_id"], _detail(e["detail"])) for e in entries]
    story = [*heading("Vem har tagit del av eller ändrat uppgifterna"),
             para("Ur åtkomstloggen: varje gång någon öppnat, ändrat, skrivit ut eller lämnat ut uppgifter "
                  "om eleven.", styles().muted)]
    return story + _table(["Tid", "Vem", "Roll", "Händelse", "Ärende", "Detalj"], rows, [22, 26, 34, 28, 14, 24])


def _detail(detail: str) -> str:
    """A log entry's detail in words where it is a stage (an edit records the stage the case was in)."""
    name = detail.removeprefix("Stage.")
    for stage in Stage:
        if name in (stage.name, stage.value):
            return f"steg: {label(stage).lower()}"
    return detail
