"""Swedish words for the workflow's codes, as they appear on paper.

The UI translates through Qt; printed documents use this table, so a PDF reads
the same whatever language the screen is set to. ``label()`` works for any
workflow enum member; a test checks that every member has a label.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sst_desk.workflow.codes import (
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
    PlanStatus,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)

# Keyed by enum class first: str-valued members of different enums compare equal
# (Party.SKOLA == Authority.SKOLA == "skola"), so one flat dict would mix them up.
LABELS: dict[type[Enum], dict[Any, str]] = {
    Stage: {
        Stage.AKTUALISERING: "Aktualisering",
        Stage.INSKRIVNING: "Inskrivning",
        Stage.KARTLAGGNING: "Kartläggning",
        Stage.PLANERING: "Planering",
        Stage.GENOMFORANDE: "Genomförande",
        Stage.UPPFOLJNING: "Uppföljning",
        Stage.AVSLUTAD: "Avslutad",
        Stage.VIDMAKTHALLANDE: "Vidmakthållande",
    },
    Level: {
        Level.NIVA_1: "Nivå 1 – närvarofrämjande",
        Level.NIVA_2: "Nivå 2 – förebyggande",
        Level.NIVA_3: "Nivå 3 – åtgärdande",
    },
    Assessment: {
        Assessment.UTAN_BEHOVSPROVNING: "Utan behovsprövning",
        Assessment.EFTER_BESLUT: "Efter utredning och beslut",
    },
    RaisedBy: {
        RaisedBy.SKOLA: "Skolan",
        RaisedBy.ELEVHALSA: "Elevhälsan",
        RaisedBy.VARDNADSHAVARE: "Vårdnadshavare",
        RaisedBy.ELEV: "Eleven själv",
        RaisedBy.SOCIALTJANST: "Socialtjänsten",
        RaisedBy.ANNAN: "Annan",
    },
    Gender: {
        Gender.FLICKA: "Flicka",
        Gender.POJKE: "Pojke",
        Gender.ANNAT: "Annat",
        Gender.EJ_ANGIVET: "Ej angivet",
    },
    SchoolMeasure: {
        SchoolMeasure.FRANVAROUTREDNING: "Frånvaroutredning",
        SchoolMeasure.ANPASSNINGAR: "Extra anpassningar",
        SchoolMeasure.SARSKILT_STOD: "Särskilt stöd",
        SchoolMeasure.ATGARDSPROGRAM: "Åtgärdsprogram",
        SchoolMeasure.ELEVHALSOMOTE: "Elevhälsomöte",
        SchoolMeasure.KONTAKT_VARDNADSHAVARE: "Kontakt med vårdnadshavare",
    },
    SignerKind: {
        SignerKind.ELEV: "Elev",
        SignerKind.VARDNADSHAVARE: "Vårdnadshavare",
    },
    Party: {
        Party.SKOLA: "Skolan",
        Party.ELEVHALSA: "Elevhälsan",
        Party.SOCIALTJANST: "Socialtjänsten",
        Party.REGION: "Regionen (BUP, vårdcentral, habilitering)",
        Party.ANNAN: "Annan part",
    },
    DocumentKind: {
        DocumentKind.ATGARDSPROGRAM: "Åtgärdsprogram",
        DocumentKind.PEDAGOGISK_UTREDNING: "Pedagogisk utredning",
        DocumentKind.KRANKNINGSANMALAN: "Anmälan om kränkning",
        DocumentKind.FORALDRARS_SYNPUNKTER: "Föräldrars dokumenterade synpunkter",
        DocumentKind.SKOLINSPEKTIONEN: "Anmälan till Skolinspektionen",
        DocumentKind.SKOLNARVARO: "Registrerad skolnärvaro",
        DocumentKind.MALUPPFYLLELSE: "Måluppfyllelse och betyg",
        DocumentKind.ANPASSNINGAR: "Dokumenterade anpassningar",
        DocumentKind.IUP: "IUP",
        DocumentKind.KLAGOMAL: "Klagomålshantering",
        DocumentKind.SOCIALTJANSTUTREDNING: "Tidigare socialtjänstutredning",
    },
    FactorGroup: {
        FactorGroup.SKOLA: "Skolrelaterade faktorer",
        FactorGroup.INDIVID: "Individrelaterade faktorer",
        FactorGroup.FAMILJ: "Familjerelaterade faktorer",
        FactorGroup.YTTERLIGARE: "Ytterligare faktorer",
    },
    Factor: {
        Factor.MOBBNING: "Mobbning",
        Factor.SOCIALT_KLIMAT: "Socialt klimat",
        Factor.FYSISK_MILJO: "Fysisk miljö och arbetsmiljö",
        Factor.PEDAGOGISK_SITUATION: "Den pedagogiska situationen",
        Factor.STOD_OCH_ANPASSNING: "Behov av stöd och anpassning",
        Factor.ANGEST: "Ångest",
        Factor.NPF: "Neuropsykiatrisk funktionsnedsättning",
        Factor.NEDSTAMDHET: "Depression eller nedstämdhet",
        Factor.FORALDRARS_SKOLERFARENHETER: "Föräldrars egna skolerfarenheter",
        Factor.FORTROENDE: "Förtroende",
        Factor.KOMMUNIKATION_SAMSPEL: "Kommunikation och samspel i familjen",
        Factor.PRAKTISKA_MOJLIGHETER: "Praktiska möjligheter att stötta",
        Factor.KAMRATFAKTORER: "Kamratfaktorer",
        Factor.MEDICINSKA_ORSAKER: "Medicinska orsaker",
        Factor.TIDIGARE_INSATSER: "Tidigare insatser",
        Factor.HINDER_OCH_RESURSER: "Hinder och resurser",
    },
    ProtectiveFactor: {
        ProtectiveFactor.SKOLNARVARO: "Skolnärvaro",
        ProtectiveFactor.SKOLANKNYTNING: "Skolanknytning",
        ProtectiveFactor.FORALDRAENGAGEMANG: "Föräldrars engagemang i skolgången",
        ProtectiveFactor.TILLITSFULL_RELATION: "Tillitsfull relation",
        ProtectiveFactor.KONTINUITET: "Kontinuitet och skolstabilitet",
        ProtectiveFactor.STRUKTURERAD_FRITID: "Strukturerade fritidsaktiviteter",
        ProtectiveFactor.SOCIALA_FARDIGHETER: "Sociala färdigheter och kamratrelationer",
    },
    GoalArea: {
        GoalArea.SKOLNARVARO: "Skolnärvaro",
        GoalArea.SKOLRESULTAT: "Skolresultat",
        GoalArea.TRIVSEL: "Trivsel",
        GoalArea.HALSA: "Hälsa",
        GoalArea.FAMILJ: "Familj",
        GoalArea.FRITID: "Fritid",
        GoalArea.ANNAT: "Annat",
    },
    Authority: {
        Authority.SKOLA: "Skolan",
        Authority.SOCIALTJANST: "Socialtjänsten",
        Authority.VARDNADSHAVARE: "Vårdnadshavare",
        Authority.ELEV: "Eleven",
        Authority.REGION: "Regionen (BUP, vården)",
        Authority.ANNAN: "Annan",
    },
    PlanStatus: {
        PlanStatus.CURRENT: "Gällande",
        PlanStatus.SUPERSEDED: "Ersatt av en senare version",
    },
    Rating: {
        Rating.UPPNATT: "Uppnått",
        Rating.DELVIS: "Delvis uppnått",
        Rating.EJ_UPPNATT: "Ej uppnått",
    },
    ContactKind: {
        ContactKind.MOTE: "Möte",
        ContactKind.TELEFON: "Telefon",
        ContactKind.HEMBESOK: "Hembesök",
        ContactKind.DIGITALT: "Digitalt möte",
        ContactKind.SKOLBESOK: "Skolbesök",
        ContactKind.MEDDELANDE: "Meddelande",
    },
    EventKind: {
        EventKind.SKOLBYTE: "Skolbyte",
        EventKind.PLACERING: "Placering",
        EventKind.SJUKDOM: "Sjukdom",
        EventKind.FAMILJ: "Händelse i familjen",
        EventKind.LOV: "Lov eller ledighet",
        EventKind.ANNAT: "Annan händelse",
    },
    ClosingReason: {
        ClosingReason.MAL_UPPNADDA: "Målen är uppnådda",
        ClosingReason.HANVISAD: "Hänvisad vidare",
        ClosingReason.FLYTTAT: "Har flyttat",
        ClosingReason.AVBOJT: "Har avböjt fortsatt stöd",
        ClosingReason.UPPFYLLER_EJ_KRITERIER: "Uppfyller inte kriterierna",
        ClosingReason.ANNAT: "Annat",
    },
    ReferralKind: {
        ReferralKind.HANVISNING: "Hänvisning",
        ReferralKind.ANMALAN: "Anmälan",
        ReferralKind.ANSOKAN: "Ansökan",
        ReferralKind.SIP: "SIP (samordnad individuell plan)",
    },
}



def label(code: Enum | None, missing: str = "") -> str:
    """The Swedish word for a workflow code; ``missing`` for None."""
    if code is None:
        return missing
    return LABELS[type(code)][code]


def grade_label(grade: int | None) -> str:
    """The value printed after "Årskurs": 0 is förskoleklass, 10–13 are gymnasiet år 1–4."""
    if grade is None:
        return "uppgift saknas"
    if grade == 0:
        return "förskoleklass"
    if 10 <= grade <= 13:
        return f"gymnasiet år {grade - 9}"
    return str(grade)


# --- Added for the kartläggning, uppföljning, avslut and kallelse documents (issue 5) ---

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def weekday_label(day: Any) -> str:
    """The Swedish weekday of a date, lower case as Swedish writes it ("onsdag")."""
    return WEEKDAYS[day.weekday()]


def percent_label(value: float | None, missing: str = "uppgift saknas") -> str:
    """A percentage the Swedish way: decimal comma, a space before the sign ("12,5 %", "46 %")."""
    if value is None:
        return missing
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


# What the team decided when an uppföljning round ended (the stage the case moved to).
FOLLOW_UP_OUTCOMES: dict[Stage, str] = {
    Stage.GENOMFORANDE: "Arbetet fortsätter enligt samma plan.",
    Stage.PLANERING: "Planen revideras: en ny version av handlingsplanen tas fram.",
    Stage.AVSLUTAD: "Ärendet avslutas.",
}


# --- Added for skollinjen (issue 4) ---

MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def term_label(day: Any) -> str:
    """The term of a date as schools write it: "VT 2026" (Jan–Jun), "HT 2026" (Jul–Dec)."""
    return f"{'VT' if day.month <= 6 else 'HT'} {day.year}"


def points_label(value: float) -> str:
    """A change in percentage points, signed, with a true minus sign: "−5,3 procentenheter"."""
    text = f"{abs(value):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    if text == "0":
        return "±0 procentenheter"
    return f"{'+' if value > 0 else '−'}{text} procentenheter"
