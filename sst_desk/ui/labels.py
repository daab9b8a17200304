"""Words for the workflow's codes, through Qt's translation system (context "Labels").

The workflow speaks in enums; this is the one place that turns them into
the worker's language. ``QT_TRANSLATE_NOOP`` marks the English source
strings for lupdate; ``label()`` looks up the translation at run time.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..workflow.access import Role
from ..workflow.attention import Attention
from ..workflow.codes import (
    Assessment,
    Authority,
    ClosingReason,
    ContactKind,
    EventKind,
    DocumentKind,
    Factor,
    FactorGroup,
    Gender,
    GoalArea,
    Level,
    Party,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)
from ..workflow.process import Move

CONTEXT = "Labels"

_PAIRS: list[tuple[Enum, str]] = [  # pairs, not a dict: str-enums of equal value compare equal
    (Stage.AKTUALISERING, QT_TRANSLATE_NOOP("Labels", "Referral to the team")),
    (Stage.INSKRIVNING, QT_TRANSLATE_NOOP("Labels", "Enrolment and consent")),
    (Stage.KARTLAGGNING, QT_TRANSLATE_NOOP("Labels", "Assessment")),
    (Stage.PLANERING, QT_TRANSLATE_NOOP("Labels", "Planning")),
    (Stage.GENOMFORANDE, QT_TRANSLATE_NOOP("Labels", "Implementation")),
    (Stage.UPPFOLJNING, QT_TRANSLATE_NOOP("Labels", "Follow-up")),
    (Stage.AVSLUTAD, QT_TRANSLATE_NOOP("Labels", "Closed")),
    (Stage.VIDMAKTHALLANDE, QT_TRANSLATE_NOOP("Labels", "Booster session")),
    (Level.NIVA_1, QT_TRANSLATE_NOOP("Labels", "Level 1 – promoting attendance")),
    (Level.NIVA_2, QT_TRANSLATE_NOOP("Labels", "Level 2 – preventive")),
    (Level.NIVA_3, QT_TRANSLATE_NOOP("Labels", "Level 3 – remedial")),
    (Assessment.UTAN_BEHOVSPROVNING, QT_TRANSLATE_NOOP("Labels", "Without needs assessment")),
    (Assessment.EFTER_BESLUT, QT_TRANSLATE_NOOP("Labels", "After investigation and decision")),
    (RaisedBy.SKOLA, QT_TRANSLATE_NOOP("Labels", "School")),
    (RaisedBy.ELEVHALSA, QT_TRANSLATE_NOOP("Labels", "Student health team")),
    (RaisedBy.VARDNADSHAVARE, QT_TRANSLATE_NOOP("Labels", "Guardian")),
    (RaisedBy.ELEV, QT_TRANSLATE_NOOP("Labels", "The student")),
    (RaisedBy.SOCIALTJANST, QT_TRANSLATE_NOOP("Labels", "Social services")),
    (RaisedBy.ANNAN, QT_TRANSLATE_NOOP("Labels", "Someone else")),
    (Gender.FLICKA, QT_TRANSLATE_NOOP("Labels", "Girl")),
    (Gender.POJKE, QT_TRANSLATE_NOOP("Labels", "Boy")),
    (Gender.ANNAT, QT_TRANSLATE_NOOP("Labels", "Other")),
    (Gender.EJ_ANGIVET, QT_TRANSLATE_NOOP("Labels", "Not stated")),
    (SchoolMeasure.FRANVAROUTREDNING, QT_TRANSLATE_NOOP("Labels", "Absence investigation")),
    (SchoolMeasure.ANPASSNINGAR, QT_TRANSLATE_NOOP("Labels", "Adjustments")),
    (SchoolMeasure.SARSKILT_STOD, QT_TRANSLATE_NOOP("Labels", "Special support")),
    (SchoolMeasure.ATGARDSPROGRAM, QT_TRANSLATE_NOOP("Labels", "Action programme")),
    (SchoolMeasure.ELEVHALSOMOTE, QT_TRANSLATE_NOOP("Labels", "Student health meeting")),
    (SchoolMeasure.KONTAKT_VARDNADSHAVARE, QT_TRANSLATE_NOOP("Labels", "Contact with guardians")),
    (SignerKind.ELEV, QT_TRANSLATE_NOOP("Labels", "The student")),
    (SignerKind.VARDNADSHAVARE, QT_TRANSLATE_NOOP("Labels", "Guardian")),
    (Party.SKOLA, QT_TRANSLATE_NOOP("Labels", "School")),
    (Party.ELEVHALSA, QT_TRANSLATE_NOOP("Labels", "Student health team")),
    (Party.SOCIALTJANST, QT_TRANSLATE_NOOP("Labels", "Social services")),
    (Party.REGION, QT_TRANSLATE_NOOP("Labels", "Region (child psychiatry, health centre)")),
    (Party.ANNAN, QT_TRANSLATE_NOOP("Labels", "Other party")),
    (DocumentKind.ATGARDSPROGRAM, QT_TRANSLATE_NOOP("Labels", "Action programmes")),
    (DocumentKind.PEDAGOGISK_UTREDNING, QT_TRANSLATE_NOOP("Labels", "Pedagogical assessments")),
    (DocumentKind.KRANKNINGSANMALAN, QT_TRANSLATE_NOOP("Labels", "Reports of degrading treatment")),
    (DocumentKind.FORALDRARS_SYNPUNKTER, QT_TRANSLATE_NOOP("Labels", "Parents' documented views")),
    (DocumentKind.SKOLINSPEKTIONEN, QT_TRANSLATE_NOOP("Labels", "Reports to the Schools Inspectorate")),
    (DocumentKind.SKOLNARVARO, QT_TRANSLATE_NOOP("Labels", "Registered attendance")),
    (DocumentKind.MALUPPFYLLELSE, QT_TRANSLATE_NOOP("Labels", "Goal attainment and grades")),
    (DocumentKind.ANPASSNINGAR, QT_TRANSLATE_NOOP("Labels", "Documented adjustments")),
    (DocumentKind.IUP, QT_TRANSLATE_NOOP("Labels", "Individual development plan")),
    (DocumentKind.KLAGOMAL, QT_TRANSLATE_NOOP("Labels", "Complaints handling")),
    (DocumentKind.SOCIALTJANSTUTREDNING, QT_TRANSLATE_NOOP("Labels", "Earlier social services investigations")),
    (FactorGroup.SKOLA, QT_TRANSLATE_NOOP("Labels", "School-related factors")),
    (FactorGroup.INDIVID, QT_TRANSLATE_NOOP("Labels", "Individual factors")),
    (FactorGroup.FAMILJ, QT_TRANSLATE_NOOP("Labels", "Family factors")),
    (FactorGroup.YTTERLIGARE, QT_TRANSLATE_NOOP("Labels", "Further factors")),
    (Factor.MOBBNING, QT_TRANSLATE_NOOP("Labels", "Bullying")),
    (Factor.SOCIALT_KLIMAT, QT_TRANSLATE_NOOP("Labels", "Social climate")),
    (Factor.FYSISK_MILJO, QT_TRANSLATE_NOOP("Labels", "Physical environment")),
    (Factor.PEDAGOGISK_SITUATION, QT_TRANSLATE_NOOP("Labels", "Teaching situation")),
    (Factor.STOD_OCH_ANPASSNING, QT_TRANSLATE_NOOP("Labels", "Need for support and adjustment")),
    (Factor.ANGEST, QT_TRANSLATE_NOOP("Labels", "Anxiety")),
    (Factor.NPF, QT_TRANSLATE_NOOP("Labels", "Neurodevelopmental disorder")),
    (Factor.NEDSTAMDHET, QT_TRANSLATE_NOOP("Labels", "Depression or low mood")),
    (Factor.FORALDRARS_SKOLERFARENHETER, QT_TRANSLATE_NOOP("Labels", "Parents' own school experiences")),
    (Factor.FORTROENDE, QT_TRANSLATE_NOOP("Labels", "Trust")),
    (Factor.KOMMUNIKATION_SAMSPEL, QT_TRANSLATE_NOOP("Labels", "Communication and interaction in the family")),
    (Factor.PRAKTISKA_MOJLIGHETER, QT_TRANSLATE_NOOP("Labels", "Practical means to support the child")),
    (Factor.KAMRATFAKTORER, QT_TRANSLATE_NOOP("Labels", "Peer factors")),
    (Factor.MEDICINSKA_ORSAKER, QT_TRANSLATE_NOOP("Labels", "Medical causes")),
    (Factor.TIDIGARE_INSATSER, QT_TRANSLATE_NOOP("Labels", "Earlier interventions")),
    (Factor.HINDER_OCH_RESURSER, QT_TRANSLATE_NOOP("Labels", "Obstacles and resources")),
    (ProtectiveFactor.SKOLNARVARO, QT_TRANSLATE_NOOP("Labels", "School attendance")),
    (ProtectiveFactor.SKOLANKNYTNING, QT_TRANSLATE_NOOP("Labels", "School connectedness")),
    (ProtectiveFactor.FORALDRAENGAGEMANG, QT_TRANSLATE_NOOP("Labels", "Parents' involvement in schooling")),
    (ProtectiveFactor.TILLITSFULL_RELATION, QT_TRANSLATE_NOOP("Labels", "A trusting relationship")),
    (ProtectiveFactor.KONTINUITET, QT_TRANSLATE_NOOP("Labels", "Continuity and school stability")),
    (ProtectiveFactor.STRUKTURERAD_FRITID, QT_TRANSLATE_NOOP("Labels", "Structured leisure activities")),
    (ProtectiveFactor.SOCIALA_FARDIGHETER, QT_TRANSLATE_NOOP("Labels", "Social skills and peer relations")),
    (GoalArea.SKOLNARVARO, QT_TRANSLATE_NOOP("Labels", "School attendance")),
    (GoalArea.SKOLRESULTAT, QT_TRANSLATE_NOOP("Labels", "School results")),
    (GoalArea.TRIVSEL, QT_TRANSLATE_NOOP("Labels", "Well-being at school")),
    (GoalArea.HALSA, QT_TRANSLATE_NOOP("Labels", "Health")),
    (GoalArea.FAMILJ, QT_TRANSLATE_NOOP("Labels", "Family")),
    (GoalArea.FRITID, QT_TRANSLATE_NOOP("Labels", "Leisure")),
    (GoalArea.ANNAT, QT_TRANSLATE_NOOP("Labels", "Other area")),
    (Authority.SKOLA, QT_TRANSLATE_NOOP("Labels", "School")),
    (Authority.SOCIALTJANST, QT_TRANSLATE_NOOP("Labels", "Social services")),
    (Authority.VARDNADSHAVARE, QT_TRANSLATE_NOOP("Labels", "Guardian")),
    (Authority.ELEV, QT_TRANSLATE_NOOP("Labels", "The student")),
    (Authority.REGION, QT_TRANSLATE_NOOP("Labels", "Region (child psychiatry, health centre)")),
    (Authority.ANNAN, QT_TRANSLATE_NOOP("Labels", "Other actor")),
    (Rating.UPPNATT, QT_TRANSLATE_NOOP("Labels", "Achieved")),
    (Rating.DELVIS, QT_TRANSLATE_NOOP("Labels", "Partly achieved")),
    (Rating.EJ_UPPNATT, QT_TRANSLATE_NOOP("Labels", "Not achieved")),
    (ContactKind.MOTE, QT_TRANSLATE_NOOP("Labels", "Meeting")),
    (ContactKind.TELEFON, QT_TRANSLATE_NOOP("Labels", "Telephone")),
    (ContactKind.HEMBESOK, QT_TRANSLATE_NOOP("Labels", "Home visit")),
    (ContactKind.DIGITALT, QT_TRANSLATE_NOOP("Labels", "Video meeting")),
    (ContactKind.SKOLBESOK, QT_TRANSLATE_NOOP("Labels", "Visit at school")),
    (ContactKind.MEDDELANDE, QT_TRANSLATE_NOOP("Labels", "Message")),
    (EventKind.SKOLBYTE, QT_TRANSLATE_NOOP("Labels", "School change")),
    (EventKind.PLACERING, QT_TRANSLATE_NOOP("Labels", "Placement")),
    (EventKind.SJUKDOM, QT_TRANSLATE_NOOP("Labels", "Illness")),
    (EventKind.FAMILJ, QT_TRANSLATE_NOOP("Labels", "Family event")),
    (EventKind.LOV, QT_TRANSLATE_NOOP("Labels", "Holiday or leave")),
    (EventKind.ANNAT, QT_TRANSLATE_NOOP("Labels", "Other event")),
    (ClosingReason.MAL_UPPNADDA, QT_TRANSLATE_NOOP("Labels", "Goals achieved")),
    (ClosingReason.HANVISAD, QT_TRANSLATE_NOOP("Labels", "Referred on")),
    (ClosingReason.FLYTTAT, QT_TRANSLATE_NOOP("Labels", "Moved")),
    (ClosingReason.AVBOJT, QT_TRANSLATE_NOOP("Labels", "Declined")),
    (ClosingReason.UPPFYLLER_EJ_KRITERIER, QT_TRANSLATE_NOOP("Labels", "Does not meet the criteria")),
    (ClosingReason.ANNAT, QT_TRANSLATE_NOOP("Labels", "Other reason")),
    (ReferralKind.HANVISNING, QT_TRANSLATE_NOOP("Labels", "Referral elsewhere")),
    (ReferralKind.ANMALAN, QT_TRANSLATE_NOOP("Labels", "Report of concern to social services")),
    (ReferralKind.ANSOKAN, QT_TRANSLATE_NOOP("Labels", "Application to social services")),
    (ReferralKind.SIP, QT_TRANSLATE_NOOP("Labels", "Coordinated individual plan (SIP)")),
    (Attention.FOLLOW_UP_OVERDUE, QT_TRANSLATE_NOOP("Labels", "Follow-up overdue")),
    (Attention.CONSENT_EXPIRING, QT_TRANSLATE_NOOP("Labels", "Consent expires soon")),
    (Attention.BOOSTER_DUE, QT_TRANSLATE_NOOP("Labels", "Booster session due")),
    (Attention.CONSENT_MISSING, QT_TRANSLATE_NOOP("Labels", "Consent missing")),
    (Move.ENROL, QT_TRANSLATE_NOOP("Labels", "Enrol the student")),
    (Move.NOT_ELIGIBLE, QT_TRANSLATE_NOOP("Labels", "Close: does not meet the criteria")),
    (Move.START_KARTLAGGNING, QT_TRANSLATE_NOOP("Labels", "Start the assessment")),
    (Move.DECLINED, QT_TRANSLATE_NOOP("Labels", "Close: the family declined")),
    (Move.START_PLANERING, QT_TRANSLATE_NOOP("Labels", "Assessment done: plan")),
    (Move.START_GENOMFORANDE, QT_TRANSLATE_NOOP("Labels", "Start the plan")),
    (Move.REFER_ON, QT_TRANSLATE_NOOP("Labels", "Close: referred on")),
    (Move.START_UPPFOLJNING, QT_TRANSLATE_NOOP("Labels", "Start the follow-up")),
    (Move.CONTINUE, QT_TRANSLATE_NOOP("Labels", "Continue with the same plan")),
    (Move.REVISE_PLAN, QT_TRANSLATE_NOOP("Labels", "Revise the plan")),
    (Move.CLOSE, QT_TRANSLATE_NOOP("Labels", "Close the case")),
    (Move.BOOK_BOOSTER, QT_TRANSLATE_NOOP("Labels", "Book the booster session")),
    (Role.SKOLSOCIONOM, QT_TRANSLATE_NOOP("Labels", "School social worker (skolsocionom)")),
    (Role.KURATOR, QT_TRANSLATE_NOOP("Labels", "Kurator / specialpedagog")),
    (Role.TEAMLEDARE, QT_TRANSLATE_NOOP("Labels", "Team lead (teamledare)")),
    (Role.ADMINISTRATOR, QT_TRANSLATE_NOOP("Labels", "Administrator")),
]
_SOURCE: dict[tuple[type, object], str] = {(type(code), code.value): text for code, text in _PAIRS}


def label(code: Enum | None) -> str:
    """The translated word for a workflow code ("" for None)."""
    if code is None:
        return ""
    return QCoreApplication.translate(CONTEXT, _SOURCE[(type(code), code.value)])


def choices(enum_type: type[Enum], *, empty: str | None = None) -> list[tuple[object, str]]:
    """(value, label) pairs for a combo box, optionally led by an empty choice."""
    pairs: list[tuple[object, str]] = [(None, empty)] if empty is not None else []
    return pairs + [(member, label(member)) for member in enum_type]


def grade_label(grade: int | None) -> str:
    if grade is None:
        return ""
    if grade == 0:
        return QCoreApplication.translate(CONTEXT, "Preschool class")
    if grade >= 10:
        return QCoreApplication.translate(CONTEXT, "Upper secondary year %1").replace("%1", str(grade - 9))
    return str(grade)


def grade_choices() -> list[tuple[object, str]]:
    empty = QCoreApplication.translate(CONTEXT, "—")
    return [(None, empty)] + [(g, grade_label(g)) for g in range(0, 14)]
