"""Sentences for the workflow's findings, in the worker's terms (context "Messages").

A guard says ``CONSENT_MISSING_GUARDIAN`` with the guardian's name; the worker
reads "Samtycke saknas från vårdnadshavaren Anna Berg." ``%1`` in a source
string is replaced by the finding's detail.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from sst_desk.workflow.problems import Finding, Problem

CONTEXT = "Messages"

_SOURCE: dict[Problem, str] = {
    Problem.REQUIRED: QT_TRANSLATE_NOOP("Messages", "This field must be filled in."),
    Problem.PERSONAL_ID_FORMAT: QT_TRANSLATE_NOOP(
        "Messages", "Write the personal identity number as YYYYMMDD-NNNN or YYMMDD-NNNN (10 or 12 digits)."),
    Problem.PERSONAL_ID_INVALID: QT_TRANSLATE_NOOP(
        "Messages", "This is not a valid personal identity or coordination number: check the date and the last digit."),
    Problem.GRADE_RANGE: QT_TRANSLATE_NOOP("Messages", "Choose a school year from preschool class to upper secondary."),
    Problem.PERCENT_RANGE: QT_TRANSLATE_NOOP("Messages", "A percentage must be between 0 and 100."),
    Problem.DATE_ORDER: QT_TRANSLATE_NOOP("Messages", "This date is before the date it follows."),
    Problem.DATE_IN_FUTURE: QT_TRANSLATE_NOOP("Messages", "This date has not happened yet."),
    Problem.DECISION_MISSING: QT_TRANSLATE_NOOP(
        "Messages", "A case after investigation and decision needs the decision's date and reference."),
    Problem.PARTIES_TOO_FEW: QT_TRANSLATE_NOOP(
        "Messages", "The consent must let the school (or the student health team) and social services share "
                    "information."),
    Problem.GUARDIAN_NOT_OF_STUDENT: QT_TRANSLATE_NOOP("Messages", "Choose one of the student's guardians."),
    Problem.MONTHS_RANGE: QT_TRANSLATE_NOOP("Messages", "Write a whole number of months from 1 to 24."),
    Problem.TEXT_TOO_LONG: QT_TRANSLATE_NOOP("Messages", "Write at most %1 characters."),
    Problem.UNSAFE_CHARACTERS: QT_TRANSLATE_NOOP(
        "Messages", "Remove the hidden control or text-direction character from this field (it may have come "
                    "with copied text); write the text again by hand."),
    Problem.EMAIL_FORMAT: QT_TRANSLATE_NOOP("Messages", "Write the e-mail address as name@domain.se, without spaces."),
    Problem.PHONE_FORMAT: QT_TRANSLATE_NOOP(
        "Messages", "Write the phone number with digits, spaces and + or - only, for example 070-123 45 67."),
    Problem.TIME_WITHOUT_DATE: QT_TRANSLATE_NOOP("Messages", "Set the meeting's date before its time."),
    Problem.CRITERIA_NOT_MET: QT_TRANSLATE_NOOP(
        "Messages", "The team has not yet decided that the student meets the criteria for the team's support."),
    Problem.NO_GUARDIAN: QT_TRANSLATE_NOOP("Messages", "No guardian is registered for the student."),
    Problem.CONSENT_MISSING_STUDENT: QT_TRANSLATE_NOOP(
        "Messages", "Valid consent is missing from the student %1."),
    Problem.CONSENT_MISSING_GUARDIAN: QT_TRANSLATE_NOOP(
        "Messages", "Valid consent is missing from the guardian %1."),
    Problem.KARTLAGGNING_SUMMARY_MISSING: QT_TRANSLATE_NOOP(
        "Messages", "The assessment has no summary yet."),
    Problem.PLAN_MISSING: QT_TRANSLATE_NOOP("Messages", "There is no action plan yet."),
    Problem.PLAN_NO_GOAL: QT_TRANSLATE_NOOP("Messages", "The action plan has no goal."),
    Problem.PLAN_NO_INSATS: QT_TRANSLATE_NOOP("Messages", "The action plan has no intervention."),
    Problem.INSATS_NO_RESPONSIBLE: QT_TRANSLATE_NOOP(
        "Messages", "The intervention \u201c%1\u201d needs a responsible authority and person."),
    Problem.PLAN_NO_FOLLOW_UP_DATE: QT_TRANSLATE_NOOP("Messages", "The action plan has no follow-up date."),
    Problem.FOLLOW_UP_MISSING: QT_TRANSLATE_NOOP("Messages", "No follow-up has been recorded in this round."),
    Problem.GOAL_NOT_RATED: QT_TRANSLATE_NOOP("Messages", "The goal \u201c%1\u201d has not been rated."),
    Problem.NEXT_FOLLOW_UP_NOT_SET: QT_TRANSLATE_NOOP(
        "Messages", "Set a new follow-up date in the plan, after the latest follow-up."),
    Problem.CLOSING_REASON_MISSING: QT_TRANSLATE_NOOP("Messages", "Choose why the case is closed."),
    Problem.GYMNASIEBEHORIGHET_MISSING: QT_TRANSLATE_NOOP(
        "Messages", "The student is in year 9: record whether they are eligible for upper secondary school "
                    "(“Not known” is an answer too)."),
    Problem.REFERRAL_MISSING: QT_TRANSLATE_NOOP(
        "Messages", "Record the referral, report or SIP before closing the case as referred on."),
    Problem.BOOSTER_NOT_PLANNED: QT_TRANSLATE_NOOP("Messages", "Set a date for the booster session."),
    Problem.BOOSTER_ALREADY_RECORDED: QT_TRANSLATE_NOOP("Messages", "The booster session is already recorded."),
    Problem.WRONG_STAGE: QT_TRANSLATE_NOOP("Messages", "The case is not in the stage this step starts from."),
    Problem.HISTORY_CHANGED: QT_TRANSLATE_NOOP(
        "Messages", "The case's history stays as it was recorded: a step taken cannot be removed or changed."),
    Problem.FOREIGN_RECORD: QT_TRANSLATE_NOOP(
        "Messages", "The case holds a record that is not one of its own; nothing was saved."),
    Problem.STAGE_NOT_REACHED: QT_TRANSLATE_NOOP(
        "Messages", "A case moves to another stage only by the process's steps, one at a time from where it stands."),
    Problem.GOAL_RATED: QT_TRANSLATE_NOOP(
        "Messages", "This goal has been rated at a follow-up and stays on record. Revise the plan to change its goals."),
    Problem.GUARDIAN_SIGNED: QT_TRANSLATE_NOOP(
        "Messages", "%1 has signed a consent, which must stay on record. Untick \u201cMust consent\u201d instead."),
    Problem.REFERRAL_OF_REFERRED_CASE: QT_TRANSLATE_NOOP(
        "Messages", "The case was closed as referred on; its referral stays on record."),
    Problem.PLAN_SUPERSEDED: QT_TRANSLATE_NOOP(
        "Messages", "Version %1 of the action plan was replaced by a later version and stays as it was. "
                    "Change the current version."),
    Problem.FOLLOW_UP_OF_EARLIER_PLAN: QT_TRANSLATE_NOOP(
        "Messages", "This follow-up belongs to version %1 of the action plan, which has been revised since; "
                    "it stays as it was."),
    Problem.CONSENT_ALREADY_WITHDRAWN: QT_TRANSLATE_NOOP(
        "Messages", "The consent from %1 is already withdrawn; its date of withdrawal stays on record."),
    Problem.DOCUMENT_NOT_RECORDED: QT_TRANSLATE_NOOP(
        "Messages", "Nothing is recorded for this document yet, so there is nothing to clear."),
    Problem.NO_SCHOOL_GOAL: QT_TRANSLATE_NOOP(
        "Messages", "The plan has no goal on school attendance or school results. Such a goal is recommended."),
    Problem.CONSENT_EXPIRES_SOON: QT_TRANSLATE_NOOP("Messages", "The consent from %1 expires soon."),
}


# The dates a DATE_ORDER finding compares, by field name: the later one opens the sentence, the earlier one
# is named in it ("The end date (2026-10-01) is before the start date (2026-11-01).").
_LATER_DATE: dict[str, str] = {
    "valid_until": QT_TRANSLATE_NOOP("Messages", "The valid-until date"),
    "withdrawn_on": QT_TRANSLATE_NOOP("Messages", "The date of withdrawal"),
    "end_on": QT_TRANSLATE_NOOP("Messages", "The end date"),
    "follow_up_on": QT_TRANSLATE_NOOP("Messages", "The follow-up date"),
    "planned_on": QT_TRANSLATE_NOOP("Messages", "The booster session date"),
    "held_on": QT_TRANSLATE_NOOP("Messages", "The date it was held"),
    "received_on": QT_TRANSLATE_NOOP("Messages", "The date received"),
}
_EARLIER_DATE: dict[str, str] = {
    "given_on": QT_TRANSLATE_NOOP("Messages", "the date the consent was given"),
    "start_on": QT_TRANSLATE_NOOP("Messages", "the start date"),
    "created_on": QT_TRANSLATE_NOOP("Messages", "the date of the plan"),
    "closed_on": QT_TRANSLATE_NOOP("Messages", "the date the case was closed"),
    "requested_on": QT_TRANSLATE_NOOP("Messages", "the date requested"),
}


def _date_order(finding: Finding) -> str | None:
    """"The end date (2026-10-01) is before the start date (2026-11-01)." — both dates and both fields."""
    if len(finding.dates) != 3:
        return None
    earlier_name, earlier, later = finding.dates
    later_words = _LATER_DATE.get(finding.field, QT_TRANSLATE_NOOP("Messages", "This date"))
    earlier_words = _EARLIER_DATE.get(earlier_name, QT_TRANSLATE_NOOP("Messages", "the date it follows"))
    return (QCoreApplication.translate(CONTEXT, "%1 (%2) is before %3 (%4); it must be the same day or later.")
            .replace("%1", QCoreApplication.translate(CONTEXT, later_words)).replace("%2", later)
            .replace("%3", QCoreApplication.translate(CONTEXT, earlier_words)).replace("%4", earlier))


def message(finding: Finding) -> str:
    if finding.problem is Problem.DATE_ORDER:
        named = _date_order(finding)
        if named is not None:
            return named
    text = QCoreApplication.translate(CONTEXT, _SOURCE[finding.problem])
    return text.replace("%1", finding.detail)


def field_messages(findings: list[Finding], prefix: str = "") -> dict[str, str]:
    """Messages keyed by form field (``prefix`` + the finding's field), first finding per field wins."""
    found: dict[str, str] = {}
    for finding in findings:
        if finding.field:
            found.setdefault(prefix + finding.field, message(finding))
    return found
