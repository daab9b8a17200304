"""What the workflow says when something is not (yet) possible.

Guards and validators return these codes rather than sentences; the UI turns
them into words the worker understands (``sst_desk.ui.common.messages``), and the
command line into English. ``detail`` carries the name of the person, goal or
insats concerned; ``field`` names the attribute a form should mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from enum import Enum


class Problem(str, Enum):
    # field validation
    REQUIRED = "required"
    PERSONAL_ID_FORMAT = "personal_id_format"
    PERSONAL_ID_INVALID = "personal_id_invalid"
    GRADE_RANGE = "grade_range"
    PERCENT_RANGE = "percent_range"
    DATE_ORDER = "date_order"
    DATE_IN_FUTURE = "date_in_future"
    DECISION_MISSING = "decision_missing"
    PARTIES_TOO_FEW = "parties_too_few"
    GUARDIAN_NOT_OF_STUDENT = "guardian_not_of_student"
    MONTHS_RANGE = "months_range"
    TEXT_TOO_LONG = "text_too_long"  # detail: the most characters allowed
    UNSAFE_CHARACTERS = "unsafe_characters"  # a control or invisible direction character in a name
    EMAIL_FORMAT = "email_format"
    PHONE_FORMAT = "phone_format"  # a phone number holds only digits, spaces and + - ( ) /
    TIME_WITHOUT_DATE = "time_without_date"  # a meeting's time of day is set, its date is not
    # process guards
    CRITERIA_NOT_MET = "criteria_not_met"
    NO_GUARDIAN = "no_guardian"
    CONSENT_MISSING_STUDENT = "consent_missing_student"
    CONSENT_MISSING_GUARDIAN = "consent_missing_guardian"
    KARTLAGGNING_SUMMARY_MISSING = "kartlaggning_summary_missing"
    PLAN_MISSING = "plan_missing"
    PLAN_NO_GOAL = "plan_no_goal"
    PLAN_NO_INSATS = "plan_no_insats"
    INSATS_NO_RESPONSIBLE = "insats_no_responsible"
    PLAN_NO_FOLLOW_UP_DATE = "plan_no_follow_up_date"
    FOLLOW_UP_MISSING = "follow_up_missing"
    GOAL_NOT_RATED = "goal_not_rated"
    NEXT_FOLLOW_UP_NOT_SET = "next_follow_up_not_set"
    CLOSING_REASON_MISSING = "closing_reason_missing"
    # closing the case of a student in årskurs 9 records gymnasiebehörighet ("Okänt" is an answer)
    GYMNASIEBEHORIGHET_MISSING = "gymnasiebehorighet_missing"
    REFERRAL_MISSING = "referral_missing"
    BOOSTER_NOT_PLANNED = "booster_not_planned"
    BOOSTER_ALREADY_RECORDED = "booster_already_recorded"
    WRONG_STAGE = "wrong_stage"
    HISTORY_CHANGED = "history_changed"  # a saved case left out or altered a recorded step; detail: its stage
    STAGE_NOT_REACHED = "stage_not_reached"  # a saved case claims a stage no step led to; detail: that stage
    # a saved case holds a record (by its id) that is not one of the stored case's: another case's goal,
    # another student's row… — sent by a faulty or hostile client. detail: the kind of record
    FOREIGN_RECORD = "foreign_record"
    # what stays on record (workflow.editing): detail names the goal, guardian, referral, plan version…
    GOAL_RATED = "goal_rated"
    GUARDIAN_SIGNED = "guardian_signed"
    REFERRAL_OF_REFERRED_CASE = "referral_of_referred_case"
    PLAN_SUPERSEDED = "plan_superseded"
    FOLLOW_UP_OF_EARLIER_PLAN = "follow_up_of_earlier_plan"
    CONSENT_ALREADY_WITHDRAWN = "consent_already_withdrawn"
    DOCUMENT_NOT_RECORDED = "document_not_recorded"
    # warnings: allowed, but the worker should know
    NO_SCHOOL_GOAL = "no_school_goal"
    CONSENT_EXPIRES_SOON = "consent_expires_soon"


@dataclass(frozen=True)
class Finding:
    """One problem, with the name it concerns and the form field to mark."""

    problem: Problem
    detail: str = ""
    field: str = ""
    # DATE_ORDER: (the earlier field's name, its date, this field's date) as ISO text, so the message can
    # name both. Not compared: a finding is the same problem whatever the dates were.
    dates: tuple[str, ...] = dataclass_field(default=(), compare=False)


class ProcessError(Exception):
    """A step was asked for while its guard says no; ``findings`` say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__(", ".join(f.problem.value for f in findings))
        self.findings = findings
