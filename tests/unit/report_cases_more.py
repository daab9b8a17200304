"""Fictional kartläggning, uppföljning, avslut and boosterträff data on top of ``report_cases.make_case``.

Everyone here is made up; see ``report_cases.py``.
"""

from __future__ import annotations

import datetime as dt

from report_cases import FOLLOW_UP_DATE, make_case
from sst_desk.workflow.codes import (
    ClosingReason,
    DocumentKind,
    Factor,
    ProtectiveFactor,
    Rating,
    ReferralKind,
    Stage,
)
from sst_desk.workflow.entities import (
    Boostertraff,
    Case,
    FollowUp,
    GoalRating,
    Kartlaggning,
    KartlaggningDocument,
    Referral,
    Transition,
)

KARTLAGGNING_START = dt.date(2026, 9, 18)
KARTLAGGNING_SUMMARY = (
    "Måns frånvaro har ökat sedan vårterminen i årskurs 7. Den hänger ihop med oro på morgnarna, "
    "konflikter i klassen och sena kvällar hemma.\n\n"
    "Det som fungerar är relationen till kuratorn och att familjen vill samarbeta."
)
KARTLAGGNING_STUDENT_VIEW = "Det är jobbigast när jag kommer sent och alla tittar."
KARTLAGGNING_GUARDIANS_VIEW = "Vi har svårt att få iväg honom på morgonen och vill ha hjälp med rutinerna."
FOLLOW_UP_SUMMARY = ("Närvaron har ökat till 78 %. Morgonmötena vid entrén fungerar; "
                     "matematiken är fortfarande svår.")
CLOSING_NOTE = "Måns går i skolan nästan alla dagar. Familjen har fått kontakt med BUP för fortsatt stöd."
CLOSED_ON = dt.date(2027, 3, 5)
BOOSTER_ON = dt.date(2027, 6, 2)  # a Wednesday
RATINGS = (Rating.UPPNATT, Rating.DELVIS, Rating.EJ_UPPNATT)


def with_kartlaggning(case: Case) -> Case:
    case.kartlaggning = Kartlaggning(
        documents=[
            KartlaggningDocument(DocumentKind.SKOLNARVARO, requested_on=dt.date(2026, 9, 18),
                                 received_on=dt.date(2026, 9, 22), note="Utdrag v. 34–38"),
            KartlaggningDocument(DocumentKind.ATGARDSPROGRAM, requested_on=dt.date(2026, 9, 18)),
            KartlaggningDocument(label="Intyg från BUP", requested_on=dt.date(2026, 9, 25),
                                 note="Vårdnadshavarna tar med det"),
        ],
        factors=[Factor.SOCIALT_KLIMAT, Factor.PEDAGOGISK_SITUATION, Factor.ANGEST,
                 Factor.KOMMUNIKATION_SAMSPEL, Factor.KAMRATFAKTORER],
        school_notes="Konflikter i klassen under vårterminen; matematiken upplevs som för svår.",
        individual_notes="Oro på morgnarna, ont i magen före skolan.",
        family_notes="Sena kvällar; mamma arbetar skift.",
        other_notes="",
        protective_factors=[ProtectiveFactor.TILLITSFULL_RELATION, ProtectiveFactor.FORALDRAENGAGEMANG],
        protective_notes="Bra relation till kuratorn Sofia Ek.",
        guardians_view=KARTLAGGNING_GUARDIANS_VIEW,
        summary=KARTLAGGNING_SUMMARY,
        started_on=KARTLAGGNING_START,
        completed_on=dt.date(2026, 11, 15),
    )
    case.set_student_view(Stage.KARTLAGGNING, KARTLAGGNING_STUDENT_VIEW)
    return case


def add_follow_up(case: Case, held_on: dt.date = FOLLOW_UP_DATE, *, summary: str = FOLLOW_UP_SUMMARY,
                  absence: float | None = 22.5) -> FollowUp:
    """A follow-up of the current plan rating every goal in turn uppnått, delvis, ej uppnått."""
    plan = case.current_plan
    follow_up = FollowUp(held_on=held_on, plan_version=plan.version, absence_percent=absence, summary=summary)
    for index, goal in enumerate(sorted(plan.goals, key=lambda g: g.position)):
        follow_up.ratings.append(GoalRating(goal, RATINGS[index % 3], comment=f"Kommentar till mål {index + 1}"))
    case.follow_ups.append(follow_up)
    return follow_up


def move(case: Case, to_stage: Stage, on: dt.date, by: str = "Jonas Ahlström", comment: str = "") -> None:
    case.transitions.append(Transition(from_stage=case.stage, to_stage=to_stage,
                                       at=dt.datetime.combine(on, dt.time(15, 0)), by=by, comment=comment))
    case.stage = to_stage


def make_closed_case(**kwargs) -> Case:
    """A case followed up once and closed, with two referrals and a boosterträff booked."""
    case = with_kartlaggning(make_case(**kwargs))
    move(case, Stage.UPPFOLJNING, FOLLOW_UP_DATE)
    add_follow_up(case, FOLLOW_UP_DATE)
    move(case, Stage.AVSLUTAD, CLOSED_ON, comment="Målen för närvaron är nådda.")
    case.closed_on = CLOSED_ON
    case.closing_reason = ClosingReason.MAL_UPPNADDA
    case.closing_note = CLOSING_NOTE
    case.referrals = [
        Referral(ReferralKind.HANVISNING, dt.date(2027, 2, 10), "BUP Södra", "Bedömning av oro"),
        Referral(ReferralKind.SIP, dt.date(2027, 2, 20), "Socialtjänsten och regionen"),
    ]
    case.boosters = [Boostertraff(planned_on=BOOSTER_ON)]
    return case
