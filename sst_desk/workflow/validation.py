"""Field validation of what a worker types, before anything is saved.

Each validator returns a list of findings naming the field; an empty list
means the object may be saved. The same checks serve the forms, the command
line and the demo generator.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace

from sst_desk.workflow.codes import Assessment, SignerKind, Stage
from sst_desk.workflow.entities import (
    Boostertraff,
    Case,
    CaseEvent,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    Guardian,
    Handlingsplan,
    Insats,
    KartlaggningDocument,
    Referral,
    Student,
    shares_school_and_socialtjanst,
)
from sst_desk.workflow.problems import Finding, Problem

MIN_GRADE, MAX_GRADE = 0, 13

# The longest text a one-line field takes, by the attribute it holds. One place for every form (they cap
# typing at it) and every validator (the command line and an import cannot type past a cap): a pasted
# 3,000-character "name" no longer filled the delete question and broke the printed goals table. Longer
# texts belong in a multi-line field.
TEXT_MAX_LENGTH = 200  # short titles and everything not listed
MAX_LENGTHS: dict[str, int] = {
    "first_name": 100, "last_name": 100, "name": 100, "signer_name": 100, "raised_by_name": 100,
    "responsible_person": 100, "socionom": 100, "school_contact": 100, "relation": 100,
    "interpreter_language": 100, "decision_ref": 100, "label": 100,
    "personal_id": 20, "phone": 40,
    "email": 254,  # the longest address mail systems accept
    "team_logo": 1000,  # a file path
}
MAX_EVENT_NOTE = 500

# Characters a one-line name or identifier must not hold: control characters (Cc: NUL, tab, newline, ESC …)
# and format characters (Cf), which include the bidi controls that reorder how text is shown (U+202A–U+202E,
# U+2066–U+2069, U+200E/U+200F, U+061C) and invisible ones (zero-width space, soft hyphen). A right-to-left
# override in a student's name reversed the case window's header; a NUL printed raw in `sst-desk cases`.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf"})


def unsafe_characters(text: str | None) -> list[str]:
    """The control and format characters in ``text`` (empty when it is safe as a one-line name)."""
    return [ch for ch in (text or "") if unicodedata.category(ch) in _UNSAFE_CATEGORIES]


def visible_escapes(text: str) -> str:
    """``text`` with every control or format character shown as a visible escape (``\\u202e``).

    For output of data stored before names were checked: a terminal or a spreadsheet must not
    obey a NUL, an escape sequence or a direction override hidden in a name.
    """
    if not any(unicodedata.category(ch) in _UNSAFE_CATEGORIES for ch in text):
        return text
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch for ch in text)


def _safe_text(value: str | None, name: str) -> list[Finding]:
    # A blank field is REQUIRED's to report (whitespace-only "  \t" is blank, not a hidden character).
    if isinstance(value, str) and value.strip() and unsafe_characters(value):
        return [Finding(Problem.UNSAFE_CHARACTERS, field=name)]
    return []


def validate_account_names(username: str, display_name: str) -> list[Finding]:
    """A user name and a display name hold no control or format characters (they head the log and prints)."""
    return _safe_text(username, "username") + _safe_text(display_name, "display_name")


def _short(obj: object, *names: str) -> list[Finding]:
    """A one-line text of ``obj`` longer than its cap (``MAX_LENGTHS``) is reported with the cap as detail."""
    found = []
    for name in names:
        value = getattr(obj, name, None)
        limit = MAX_LENGTHS.get(name, TEXT_MAX_LENGTH)
        if isinstance(value, str) and len(value) > limit:
            found.append(Finding(Problem.TEXT_TOO_LONG, str(limit), name))
    return found


def _required(value: object, name: str) -> list[Finding]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Finding(Problem.REQUIRED, field=name)]
    return []


def _order(first: dt.date | None, second: dt.date | None, second_name: str, first_name: str = "") -> list[Finding]:
    if first is not None and second is not None and second < first:
        return [Finding(Problem.DATE_ORDER, field=second_name,
                        dates=(first_name, first.isoformat(), second.isoformat()))]
    return []


def _not_future(day: dt.date | None, name: str, today: dt.date) -> list[Finding]:
    if day is not None and day > today:
        return [Finding(Problem.DATE_IN_FUTURE, field=name)]
    return []


def validate_student(student: Student) -> list[Finding]:
    found = _required(student.first_name, "first_name") + _required(student.last_name, "last_name")
    found += _required(student.school, "school")
    for name in ("first_name", "last_name", "school", "personal_id"):
        found += _safe_text(getattr(student, name, None), name)
    found += _short(student, "first_name", "last_name", "school")
    if student.grade is not None and not MIN_GRADE <= student.grade <= MAX_GRADE:
        found.append(Finding(Problem.GRADE_RANGE, field="grade"))
    return found


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")


def email_finding(text: str, name: str = "email") -> Finding | None:
    """One practical rule for an e-mail address: name@domain.tld, no spaces (None when it holds)."""
    if _EMAIL.fullmatch(text) and ".." not in text and not text.split("@")[1].startswith("."):
        return None
    return Finding(Problem.EMAIL_FORMAT, field=name)


_PHONE = re.compile(r"\+?[0-9][0-9 ()/-]*")


def phone_finding(text: str, name: str = "phone") -> Finding | None:
    """A work phone number as it is printed on a kallelse: digits with spaces, +, -, ( ) or /, at most
    ``MAX_LENGTHS["phone"]`` characters; "" is allowed (no number). None when it holds."""
    text = text.strip()
    if not text:
        return None
    if len(text) > MAX_LENGTHS["phone"]:
        return Finding(Problem.TEXT_TOO_LONG, str(MAX_LENGTHS["phone"]), name)
    if not _PHONE.fullmatch(text) or sum(ch.isdigit() for ch in text) < 5:
        return Finding(Problem.PHONE_FORMAT, field=name)
    return None


def validate_guardian(guardian: Guardian) -> list[Finding]:
    found = _required(guardian.name, "name") + _safe_text(guardian.name, "name")
    found += _short(guardian, "name", "relation", "phone", "email", "interpreter_language")
    email = (guardian.email or "").strip()
    problem = email_finding(email) if email else None
    return found + ([problem] if problem is not None else [])


def validate_case(case: Case, today: dt.date) -> list[Finding]:
    found = validate_student(case.student)
    found += _short(case, "raised_by_name", "socionom", "school_contact", "decision_ref")
    found += _required(case.raised_on, "raised_on") + _not_future(case.raised_on, "raised_on", today)
    if case.absence_percent is not None and not 0 <= case.absence_percent <= 100:
        found.append(Finding(Problem.PERCENT_RANGE, field="absence_percent"))
    if case.assessment is Assessment.EFTER_BESLUT:
        if case.decision_on is None:
            found.append(Finding(Problem.DECISION_MISSING, field="decision_on"))
        if not case.decision_ref.strip():
            found.append(Finding(Problem.DECISION_MISSING, field="decision_ref"))
    # No order between raised_on and decision_on: socialtjänsten's decision often predates the referral (seed 003).
    found += _not_future(case.decision_on, "decision_on", today)
    # Enrolment and closing dates are set by the process; if they clash it is the raising date that is wrong.
    later = [day for day in (case.enrolled_on, case.closed_on) if day is not None]
    if case.raised_on is not None and later and min(later) < case.raised_on:
        found.append(Finding(Problem.DATE_ORDER, field="raised_on"))
    if case.stage in (Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE) and case.closing_reason is None:
        found.append(Finding(Problem.CLOSING_REASON_MISSING, field="closing_reason"))
    return found


def validate_consent(consent: Consent, student: Student, today: dt.date) -> list[Finding]:
    found = _required(consent.signer_name, "signer_name") + _required(consent.given_on, "given_on")
    found += _safe_text(consent.signer_name, "signer_name")
    found += _not_future(consent.given_on, "given_on", today)
    if not shares_school_and_socialtjanst(consent.parties):
        found.append(Finding(Problem.PARTIES_TOO_FEW, field="parties"))
    found += _order(consent.given_on, consent.valid_until, "valid_until", "given_on")
    found += _order(consent.given_on, consent.withdrawn_on, "withdrawn_on", "given_on")
    if consent.signer_kind is SignerKind.VARDNADSHAVARE:
        if consent.guardian is None:
            found.append(Finding(Problem.REQUIRED, field="guardian"))
        elif not any(g is consent.guardian for g in student.guardians):
            found.append(Finding(Problem.GUARDIAN_NOT_OF_STUDENT, field="guardian"))
    return found


def validate_goal(goal: Goal) -> list[Finding]:
    found = _required(goal.description, "description")
    found += _short(goal, "description", "measure", "baseline", "target")
    target = goal.target_absence_percent
    if target is not None and not 0 <= target <= 100:
        found.append(Finding(Problem.PERCENT_RANGE, field="target_absence_percent"))
    return found


def validate_event(event: CaseEvent) -> list[Finding]:
    """A skollinje event needs its date; its note is short (it is shown on hover and printed under the chart)."""
    found = _required(event.on, "on")
    if len(event.note or "") > MAX_EVENT_NOTE:
        found.append(Finding(Problem.TEXT_TOO_LONG, str(MAX_EVENT_NOTE), "note"))
    return found


def validate_insats(insats: Insats) -> list[Finding]:
    found = _required(insats.name, "name") + _short(insats, "name", "responsible_person")
    return found + _order(insats.start_on, insats.end_on, "end_on", "start_on")


def _time_needs_date(day: dt.date | None, time: dt.time | None, name: str) -> list[Finding]:
    """A meeting's time of day means nothing without its date."""
    return [Finding(Problem.TIME_WITHOUT_DATE, field=name)] if time is not None and day is None else []


def validate_plan(plan: Handlingsplan) -> list[Finding]:
    found = _order(plan.created_on, plan.follow_up_on, "follow_up_on", "created_on")
    found += _time_needs_date(plan.follow_up_on, plan.follow_up_time, "follow_up_time")
    found += _short(plan, "follow_up_place") + _safe_text(plan.follow_up_place, "follow_up_place")
    for goal in plan.goals:
        found += [replace(f, detail=goal.description) for f in validate_goal(goal)]
    for insats in plan.insatser:
        found += [replace(f, detail=insats.name) for f in validate_insats(insats)]
    return found


def validate_contact(entry: ContactEntry, today: dt.date) -> list[Finding]:
    found = _required(entry.on, "on") + _not_future(entry.on, "on", today)
    found += _required(entry.participants, "participants") + _short(entry, "participants")
    return found + _required(entry.summary, "summary")


def validate_follow_up(follow_up: FollowUp, plan: Handlingsplan | None, today: dt.date) -> list[Finding]:
    found = _required(follow_up.held_on, "held_on") + _not_future(follow_up.held_on, "held_on", today)
    if follow_up.absence_percent is not None and not 0 <= follow_up.absence_percent <= 100:
        found.append(Finding(Problem.PERCENT_RANGE, field="absence_percent"))
    if plan is not None:
        rated = {id(r.goal) for r in follow_up.ratings}
        for goal in plan.goals:
            if id(goal) not in rated:
                found.append(Finding(Problem.GOAL_NOT_RATED, goal.description, "ratings"))
    return found


def validate_booster(booster: Boostertraff, closed_on: dt.date | None, today: dt.date) -> list[Finding]:
    found = _required(booster.planned_on, "planned_on") + _order(closed_on, booster.planned_on, "planned_on", "closed_on")
    found += _time_needs_date(booster.planned_on, booster.start_time, "start_time")
    found += _short(booster, "place") + _safe_text(booster.place, "place")
    if booster.held:
        found += _required(booster.held_on, "held_on") + _not_future(booster.held_on, "held_on", today)
        found += _order(closed_on, booster.held_on, "held_on", "closed_on")
    return found


def validate_document(document: KartlaggningDocument) -> list[Finding]:
    """A kartläggning document: a document of no listed kind needs a name; it is received after it was asked for."""
    found = (_required(document.label, "label") if document.kind is None else []) + _short(document, "label")
    return found + _order(document.requested_on, document.received_on, "received_on", "requested_on")


def validate_referral(referral: Referral, today: dt.date) -> list[Finding]:
    found = _required(referral.to_whom, "to_whom") + _short(referral, "to_whom")
    found += _required(referral.made_on, "made_on")
    return found + _not_future(referral.made_on, "made_on", today)
