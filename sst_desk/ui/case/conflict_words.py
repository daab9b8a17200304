"""Naming what a merge found, in the window's own words: "Mål 2: Beskrivning", "Kontakter (ny rad)".

``workflow.merge`` names a conflict or a change by machine: the object's class, its number in its list,
its own label, the field. This turns that into what a person reads. A field is named by the label of
the input that edits it — the same message (context and English source) as the stage page or the
dialog, so the Swedish is one translation and cannot drift — and codes by ``labels.label`` (the
vocabulary shared with paper).
"""

from __future__ import annotations

import datetime as dt
import html
from enum import Enum

from PySide6.QtCore import QCoreApplication

from sst_desk.workflow.entities import (
    Boostertraff,
    Case,
    CaseEvent,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Handlingsplan,
    Insats,
    Kartlaggning,
    KartlaggningDocument,
    Referral,
    Student,
    StudentView,
    Transition,
)
from sst_desk.workflow.merge import Change, ChangeKind, Conflict, object_label
from sst_desk.ui.case.forms import elided, number_text
from sst_desk.ui.common.labels import grade_label, label

CONTEXT = "ConflictWords"


def _t(text: str) -> str:
    return QCoreApplication.translate("ConflictWords", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> tuple[str, str]:  # noqa: N802 - Qt's name, so lupdate finds it
    """Mark ``text`` for translation in ``context``; kept as the pair, translated when shown (``_say``)."""
    return context, text


def _say(words: tuple[str, str]) -> str:
    return QCoreApplication.translate(*words)


# (class name, field) → (context, English source) of the input that edits it.
FIELD_WORDS: dict[tuple[str, str], tuple[str, str]] = {
    ("Case", "reason"): QT_TRANSLATE_NOOP("StudentFields", "Reason"),
    ("Case", "raised_on"): QT_TRANSLATE_NOOP("StudentFields", "Date raised"),
    ("Case", "raised_by"): QT_TRANSLATE_NOOP("StudentFields", "Raised by"),
    ("Case", "raised_by_name"): QT_TRANSLATE_NOOP("StudentFields", "Name of who raised it"),
    ("Case", "absence_percent"): QT_TRANSLATE_NOOP("AktualiseringPage", "Absence (%)"),
    ("Case", "level"): QT_TRANSLATE_NOOP("AktualiseringPage", "Level"),
    ("Case", "assessment"): QT_TRANSLATE_NOOP("AktualiseringPage", "Form of support"),
    ("Case", "decision_on"): QT_TRANSLATE_NOOP("AktualiseringPage", "Date of decision"),
    ("Case", "decision_ref"): QT_TRANSLATE_NOOP("AktualiseringPage", "Decision reference"),
    ("Case", "school_measures"): QT_TRANSLATE_NOOP("AktualiseringPage", "What the school has done"),
    ("Case", "school_measures_note"): QT_TRANSLATE_NOOP("AktualiseringPage", "More about the school's measures"),
    ("Case", "criteria_met"): QT_TRANSLATE_NOOP("AktualiseringPage", "Meets the criteria"),
    ("Case", "socionom"): QT_TRANSLATE_NOOP("AktualiseringPage", "School social worker"),
    ("Case", "school_contact"): QT_TRANSLATE_NOOP("AktualiseringPage", "Contact at school"),
    ("Case", "closing_reason"): QT_TRANSLATE_NOOP("AvslutPage", "Reason for closing"),
    ("Case", "closing_note"): QT_TRANSLATE_NOOP("AvslutPage", "Closing note"),
    ("Case", "gymnasiebehorighet"): QT_TRANSLATE_NOOP("AvslutPage", "Eligibility for upper secondary school"),
    ("Case", "stage"): QT_TRANSLATE_NOOP("ConflictWords", "Stage"),
    ("Case", "enrolled_on"): QT_TRANSLATE_NOOP("ConflictWords", "Enrolled on"),
    ("Case", "closed_on"): QT_TRANSLATE_NOOP("ConflictWords", "Closed on"),
    ("Student", "first_name"): QT_TRANSLATE_NOOP("StudentFields", "First name"),
    ("Student", "last_name"): QT_TRANSLATE_NOOP("StudentFields", "Last name"),
    ("Student", "personal_id"): QT_TRANSLATE_NOOP("StudentFields", "Personal identity number"),
    ("Student", "school"): QT_TRANSLATE_NOOP("StudentFields", "School"),
    ("Student", "grade"): QT_TRANSLATE_NOOP("StudentFields", "School year"),
    ("Student", "gender"): QT_TRANSLATE_NOOP("StudentFields", "Gender"),
    ("Student", "protected_identity"): QT_TRANSLATE_NOOP("StudentFields", "Protected personal data"),
    ("Guardian", "name"): QT_TRANSLATE_NOOP("InskrivningPage", "Name"),
    ("Guardian", "relation"): QT_TRANSLATE_NOOP("InskrivningPage", "Relation to the student"),
    ("Guardian", "phone"): QT_TRANSLATE_NOOP("InskrivningPage", "Telephone"),
    ("Guardian", "email"): QT_TRANSLATE_NOOP("InskrivningPage", "Email"),
    ("Guardian", "address"): QT_TRANSLATE_NOOP("InskrivningPage", "Address"),
    ("Guardian", "interpreter_language"): QT_TRANSLATE_NOOP("InskrivningPage", "Interpreter language"),
    ("Guardian", "must_consent"): QT_TRANSLATE_NOOP("InskrivningPage", "Must consent (has custody)"),
    ("Consent", "guardian"): QT_TRANSLATE_NOOP("InskrivningPage", "Signed by"),
    ("Consent", "parties"): QT_TRANSLATE_NOOP("InskrivningPage", "May share information"),
    ("Consent", "scope_note"): QT_TRANSLATE_NOOP("InskrivningPage", "What may be shared"),
    ("Consent", "given_on"): QT_TRANSLATE_NOOP("InskrivningPage", "Given on"),
    ("Consent", "valid_until"): QT_TRANSLATE_NOOP("InskrivningPage", "Valid until"),
    ("Consent", "withdrawn_on"): QT_TRANSLATE_NOOP("InskrivningPage", "Withdrawn on"),
    ("Consent", "withdrawn_note"): QT_TRANSLATE_NOOP("InskrivningPage", "Note"),
    ("Kartlaggning", "factors"): QT_TRANSLATE_NOOP("ConflictWords", "Factors"),
    ("Kartlaggning", "protective_factors"): QT_TRANSLATE_NOOP("KartlaggningPage", "Protective factors"),
    ("Kartlaggning", "protective_notes"): QT_TRANSLATE_NOOP("KartlaggningPage", "Notes on protective factors"),
    ("Kartlaggning", "guardians_view"): QT_TRANSLATE_NOOP("KartlaggningPage", "The guardians' view"),
    ("Kartlaggning", "summary"): QT_TRANSLATE_NOOP("KartlaggningPage", "Summary of the assessment"),
    ("Kartlaggning", "school_notes"): QT_TRANSLATE_NOOP("ConflictWords", "Notes on school-related factors"),
    ("Kartlaggning", "individual_notes"): QT_TRANSLATE_NOOP("ConflictWords", "Notes on individual factors"),
    ("Kartlaggning", "family_notes"): QT_TRANSLATE_NOOP("ConflictWords", "Notes on family factors"),
    ("Kartlaggning", "other_notes"): QT_TRANSLATE_NOOP("ConflictWords", "Notes on further factors"),
    ("KartlaggningDocument", "kind"): QT_TRANSLATE_NOOP("KartlaggningPage", "Kind of document"),
    ("KartlaggningDocument", "label"): QT_TRANSLATE_NOOP("KartlaggningPage", "Name, if other"),
    ("KartlaggningDocument", "requested_on"): QT_TRANSLATE_NOOP("KartlaggningPage", "Requested on"),
    ("KartlaggningDocument", "received_on"): QT_TRANSLATE_NOOP("KartlaggningPage", "Received on"),
    ("KartlaggningDocument", "note"): QT_TRANSLATE_NOOP("KartlaggningPage", "Note"),
    ("Handlingsplan", "follow_up_on"): QT_TRANSLATE_NOOP("PlaneringPage", "Follow-up date"),
    ("Handlingsplan", "follow_up_time"): QT_TRANSLATE_NOOP("PlaneringPage", "Follow-up time"),
    ("Handlingsplan", "follow_up_place"): QT_TRANSLATE_NOOP("PlaneringPage", "Follow-up place"),
    ("Handlingsplan", "guardians_view"): QT_TRANSLATE_NOOP("PlaneringPage", "The guardians' view of the plan"),
    ("Goal", "description"): QT_TRANSLATE_NOOP("ConflictWords", "Description"),
    ("Goal", "area"): QT_TRANSLATE_NOOP("PlaneringPage", "Area"),
    ("Goal", "measure"): QT_TRANSLATE_NOOP("PlaneringPage", "Measured by"),
    ("Goal", "baseline"): QT_TRANSLATE_NOOP("PlaneringPage", "Baseline"),
    ("Goal", "target"): QT_TRANSLATE_NOOP("PlaneringPage", "Target"),
    ("Goal", "target_absence_percent"): QT_TRANSLATE_NOOP("PlaneringPage", "Target absence (%)"),
    ("Insats", "catalogue_key"): QT_TRANSLATE_NOOP("PlaneringPage", "From the catalogue"),
    ("Insats", "name"): QT_TRANSLATE_NOOP("ConflictWords", "Name"),
    ("Insats", "description"): QT_TRANSLATE_NOOP("PlaneringPage", "Description"),
    ("Insats", "responsible_authority"): QT_TRANSLATE_NOOP("PlaneringPage", "Responsible authority"),
    ("Insats", "responsible_person"): QT_TRANSLATE_NOOP("PlaneringPage", "Responsible person"),
    ("Insats", "start_on"): QT_TRANSLATE_NOOP("PlaneringPage", "Start"),
    ("Insats", "end_on"): QT_TRANSLATE_NOOP("PlaneringPage", "End"),
    ("Insats", "goal"): QT_TRANSLATE_NOOP("PlaneringPage", "Serves goal"),
    ("ContactEntry", "on"): QT_TRANSLATE_NOOP("GenomforandePage", "Date"),
    ("ContactEntry", "kind"): QT_TRANSLATE_NOOP("GenomforandePage", "Kind"),
    ("ContactEntry", "participants"): QT_TRANSLATE_NOOP("GenomforandePage", "Who took part"),
    ("ContactEntry", "summary"): QT_TRANSLATE_NOOP("GenomforandePage", "What was done"),
    ("FollowUp", "held_on"): QT_TRANSLATE_NOOP("UppfoljningPage", "Date of the follow-up"),
    ("FollowUp", "absence_percent"): QT_TRANSLATE_NOOP("UppfoljningPage", "Absence now (%)"),
    ("FollowUp", "summary"): QT_TRANSLATE_NOOP("UppfoljningPage", "Conclusion: what changes next"),
    ("GoalRating", "rating"): QT_TRANSLATE_NOOP("ConflictWords", "Rating"),
    ("GoalRating", "comment"): QT_TRANSLATE_NOOP("ConflictWords", "Comment"),
    ("Boostertraff", "planned_on"): QT_TRANSLATE_NOOP("VidmakthallandePage", "Booster session date"),
    ("Boostertraff", "start_time"): QT_TRANSLATE_NOOP("VidmakthallandePage", "Booster session time"),
    ("Boostertraff", "place"): QT_TRANSLATE_NOOP("VidmakthallandePage", "Booster session place"),
    ("Boostertraff", "held"): QT_TRANSLATE_NOOP("VidmakthallandePage", "Outcome"),
    ("Boostertraff", "held_on"): QT_TRANSLATE_NOOP("VidmakthallandePage", "Held on"),
    ("Boostertraff", "notes"): QT_TRANSLATE_NOOP("VidmakthallandePage", "Notes from the booster session"),
    ("Referral", "kind"): QT_TRANSLATE_NOOP("PlaneringPage", "Kind"),
    ("Referral", "made_on"): QT_TRANSLATE_NOOP("PlaneringPage", "Date"),
    ("Referral", "to_whom"): QT_TRANSLATE_NOOP("PlaneringPage", "To"),
    ("Referral", "note"): QT_TRANSLATE_NOOP("PlaneringPage", "Note"),
    ("StudentView", "text"): QT_TRANSLATE_NOOP("ConflictWords", "The student's own view"),
    ("CaseEvent", "on"): QT_TRANSLATE_NOOP("SkollinjePage", "Date"),
    ("CaseEvent", "kind"): QT_TRANSLATE_NOOP("SkollinjePage", "Kind"),
    ("CaseEvent", "note"): QT_TRANSLATE_NOOP("SkollinjePage", "Note"),
}

# What one object of a class is called; %1 is its number in its list.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "Guardian": QT_TRANSLATE_NOOP("ConflictWords", "Guardian %1"),
    "Consent": QT_TRANSLATE_NOOP("ConflictWords", "Consent %1"),
    "KartlaggningDocument": QT_TRANSLATE_NOOP("ConflictWords", "Document %1"),
    "Handlingsplan": QT_TRANSLATE_NOOP("ConflictWords", "Action plan"),
    "Goal": QT_TRANSLATE_NOOP("ConflictWords", "Goal %1"),
    "Insats": QT_TRANSLATE_NOOP("ConflictWords", "Intervention %1"),
    "ContactEntry": QT_TRANSLATE_NOOP("ConflictWords", "Contact %1"),
    "FollowUp": QT_TRANSLATE_NOOP("ConflictWords", "Follow-up %1"),
    "GoalRating": QT_TRANSLATE_NOOP("ConflictWords", "Rating %1"),
    "Boostertraff": QT_TRANSLATE_NOOP("ConflictWords", "Booster session %1"),
    "Referral": QT_TRANSLATE_NOOP("ConflictWords", "Referral %1"),
    "StudentView": QT_TRANSLATE_NOOP("ConflictWords", "The student's own view"),
    "CaseEvent": QT_TRANSLATE_NOOP("ConflictWords", "School line event %1"),
    "Transition": QT_TRANSLATE_NOOP("ConflictWords", "Step %1"),
}

# A list, for rows added or removed.
LIST_WORDS: dict[str, tuple[str, str]] = {
    "guardians": QT_TRANSLATE_NOOP("ConflictWords", "Guardians"),
    "consents": QT_TRANSLATE_NOOP("ConflictWords", "Consents"),
    "documents": QT_TRANSLATE_NOOP("ConflictWords", "Documents"),
    "kartlaggning": QT_TRANSLATE_NOOP("ConflictWords", "Assessment"),
    "plans": QT_TRANSLATE_NOOP("ConflictWords", "Action plans"),
    "goals": QT_TRANSLATE_NOOP("ConflictWords", "Goals"),
    "insatser": QT_TRANSLATE_NOOP("ConflictWords", "Interventions"),
    "contacts": QT_TRANSLATE_NOOP("ConflictWords", "Contacts"),
    "follow_ups": QT_TRANSLATE_NOOP("ConflictWords", "Follow-ups"),
    "ratings": QT_TRANSLATE_NOOP("ConflictWords", "Ratings"),
    "boosters": QT_TRANSLATE_NOOP("ConflictWords", "Booster sessions"),
    "referrals": QT_TRANSLATE_NOOP("ConflictWords", "Referrals"),
    "student_views": QT_TRANSLATE_NOOP("ConflictWords", "The student's own view"),
    "events": QT_TRANSLATE_NOOP("ConflictWords", "School line events"),
    "transitions": QT_TRANSLATE_NOOP("ConflictWords", "Steps in the process"),
}

_CLASSES = {cls.__name__: cls for cls in (
    Case, Student, Guardian, Consent, KartlaggningDocument, Kartlaggning, Goal, Insats, Handlingsplan,
    ContactEntry, GoalRating, FollowUp, Boostertraff, Referral, StudentView, CaseEvent, Transition)}


def field_words(kind: str, field: str) -> str:
    """The label of the input for ``field`` of a ``kind`` object, translated; the attribute's name if none."""
    found = FIELD_WORDS.get((kind, field))
    if found is None:
        return field.replace("_", " ")
    return _say(found)


def object_words(kind: str, number: int | None, own_label: str = "") -> str:
    """"Goal 2" (with its number), or the kind alone; "" for the case, the student and the kartläggning."""
    words = KIND_WORDS.get(kind)
    if words is None:
        return ""
    text = _say(words)
    if "%1" in text:
        text = text.replace("%1", str(number)) if number is not None else text.replace("%1", "").strip()
        if number is None and own_label:
            text += f" \u201c{elided(own_label, 40)}\u201d"
    return text


def place(kind: str, number: int | None, field: str | None, own_label: str = "") -> str:
    """Where in the case: "Goal 2: Description", "Reason", "Contact 3" (a whole row)."""
    owner = object_words(kind, number, own_label)
    if field is None:
        return owner or _t("The whole record")
    words = field_words(kind, field)
    return f"{owner}: {words}" if owner else words


def conflict_place(conflict: Conflict) -> str:
    return place(conflict.kind, conflict.number, conflict.field, conflict.label)


def change_words(change: Change) -> str:
    """One change someone else made: "Goal 1: Description", "Contacts (new row)"."""
    if change.what is ChangeKind.CHANGED:
        return place(change.kind, change.number, change.field, change.label)
    collection = change.collection or ""
    listed = _say(LIST_WORDS[collection]) if collection in LIST_WORDS else collection
    if change.what is ChangeKind.ADDED:
        return _t("%1 (new row)").replace("%1", listed)
    return _t("%1 (row removed)").replace("%1", listed)


def changes_words(changes: tuple[Change, ...] | list[Change]) -> str:
    """Every change once, in order, joined by commas."""
    return ", ".join(dict.fromkeys(change_words(c) for c in changes))


def value_text(value: object, kind: str = "", field: str | None = None) -> str:
    """A value as the window shows it: codes in words, dates as ISO, a decimal comma, a row field by field."""
    if value is None or value == "" or value == []:
        return _t("(empty)")
    if isinstance(value, bool):
        return _t("Yes") if value else _t("No")
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, int) and field == "grade":
        return grade_label(value)
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, tuple(_CLASSES.values())):
        if field is not None:  # a reference: the goal or guardian by its own words
            return object_label(value) or _t("(empty)")
        return _row_text(value)
    return str(value)


def _row_text(row: object) -> str:
    """A whole row, one field a line (for a row removed on one side and changed on the other)."""
    import dataclasses

    kind = type(row).__name__
    lines = []
    for f in dataclasses.fields(row):  # type: ignore[arg-type]
        value = getattr(row, f.name)
        if f.name in ("id", "position") or isinstance(value, list) or value in (None, ""):
            continue
        if isinstance(value, tuple(_CLASSES.values())):
            value = object_label(value)
        lines.append(f"{field_words(kind, f.name)}: {value_text(value, kind)}")
    return "\n".join(lines)


def escaped(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
