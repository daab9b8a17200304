"""Enumerations of the SST process: stages, kinds and ratings.

The workflow speaks in these codes; only ``sst_desk.ui`` (and the report
builders) turn them into words. Values are stable strings: they are stored in
the database, so never rename a value without a migration.
"""

from __future__ import annotations

from enum import Enum


class Stage(str, Enum):
    """The stages of a case, in process order (seed 002, "Arbetsprocess")."""

    AKTUALISERING = "aktualisering"
    INSKRIVNING = "inskrivning"
    KARTLAGGNING = "kartlaggning"
    PLANERING = "planering"
    GENOMFORANDE = "genomforande"
    UPPFOLJNING = "uppfoljning"
    AVSLUTAD = "avslutad"
    VIDMAKTHALLANDE = "vidmakthallande"

    @property
    def order(self) -> int:
        return STAGE_ORDER.index(self)


STAGE_ORDER: list[Stage] = list(Stage)


class Level(int, Enum):
    """Nivå of the work (seed 002): 1 närvarofrämjande, 2 förebyggande, 3 åtgärdande."""

    NIVA_1 = 1
    NIVA_2 = 2
    NIVA_3 = 3


class Assessment(str, Enum):
    """Whether the case is a service without needs-assessment or after a decision (seed 003)."""

    UTAN_BEHOVSPROVNING = "utan_behovsprovning"
    EFTER_BESLUT = "efter_beslut"


class RaisedBy(str, Enum):
    """Who brought the student to the team (aktualisering)."""

    SKOLA = "skola"
    ELEVHALSA = "elevhalsa"
    VARDNADSHAVARE = "vardnadshavare"
    ELEV = "elev"
    SOCIALTJANST = "socialtjanst"
    ANNAN = "annan"


class Gender(str, Enum):
    """Gender for the gender-disaggregated statistics the seeds ask for."""

    FLICKA = "flicka"
    POJKE = "pojke"
    ANNAT = "annat"
    EJ_ANGIVET = "ej_angivet"


class SchoolMeasure(str, Enum):
    """What the school has already done before the case (aktualisering)."""

    FRANVAROUTREDNING = "franvaroutredning"
    ANPASSNINGAR = "anpassningar"
    SARSKILT_STOD = "sarskilt_stod"
    ATGARDSPROGRAM = "atgardsprogram"
    ELEVHALSOMOTE = "elevhalsomote"
    KONTAKT_VARDNADSHAVARE = "kontakt_vardnadshavare"


class SignerKind(str, Enum):
    """Who signs a samtycke."""

    ELEV = "elev"
    VARDNADSHAVARE = "vardnadshavare"


class Party(str, Enum):
    """Parties between which a samtycke allows information to be shared."""

    SKOLA = "skola"
    ELEVHALSA = "elevhalsa"
    SOCIALTJANST = "socialtjanst"
    REGION = "region"  # BUP, vårdcentral, habilitering
    ANNAN = "annan"


class DocumentKind(str, Enum):
    """Existing documentation gathered in the kartläggning (seed 002)."""

    ATGARDSPROGRAM = "atgardsprogram"
    PEDAGOGISK_UTREDNING = "pedagogisk_utredning"
    KRANKNINGSANMALAN = "krankningsanmalan"
    FORALDRARS_SYNPUNKTER = "foraldrars_synpunkter"
    SKOLINSPEKTIONEN = "skolinspektionen"
    SKOLNARVARO = "skolnarvaro"
    MALUPPFYLLELSE = "maluppfyllelse"
    ANPASSNINGAR = "anpassningar"
    IUP = "iup"
    KLAGOMAL = "klagomal"
    SOCIALTJANSTUTREDNING = "socialtjanstutredning"


class FactorGroup(str, Enum):
    """The four groups of factors mapped in the kartläggning."""

    SKOLA = "skola"
    INDIVID = "individ"
    FAMILJ = "familj"
    YTTERLIGARE = "ytterligare"


class Factor(str, Enum):
    """Named factors within the groups (seed 002); each belongs to one group."""

    MOBBNING = "mobbning"
    SOCIALT_KLIMAT = "socialt_klimat"
    FYSISK_MILJO = "fysisk_miljo"
    PEDAGOGISK_SITUATION = "pedagogisk_situation"
    STOD_OCH_ANPASSNING = "stod_och_anpassning"
    ANGEST = "angest"
    NPF = "npf"
    NEDSTAMDHET = "nedstamdhet"
    FORALDRARS_SKOLERFARENHETER = "foraldrars_skolerfarenheter"
    FORTROENDE = "fortroende"
    KOMMUNIKATION_SAMSPEL = "kommunikation_samspel"
    PRAKTISKA_MOJLIGHETER = "praktiska_mojligheter"
    KAMRATFAKTORER = "kamratfaktorer"
    MEDICINSKA_ORSAKER = "medicinska_orsaker"
    TIDIGARE_INSATSER = "tidigare_insatser"
    HINDER_OCH_RESURSER = "hinder_och_resurser"

    @property
    def group(self) -> FactorGroup:
        return FACTOR_GROUPS[self]


FACTOR_GROUPS: dict[Factor, FactorGroup] = {
    Factor.MOBBNING: FactorGroup.SKOLA,
    Factor.SOCIALT_KLIMAT: FactorGroup.SKOLA,
    Factor.FYSISK_MILJO: FactorGroup.SKOLA,
    Factor.PEDAGOGISK_SITUATION: FactorGroup.SKOLA,
    Factor.STOD_OCH_ANPASSNING: FactorGroup.SKOLA,
    Factor.ANGEST: FactorGroup.INDIVID,
    Factor.NPF: FactorGroup.INDIVID,
    Factor.NEDSTAMDHET: FactorGroup.INDIVID,
    Factor.FORALDRARS_SKOLERFARENHETER: FactorGroup.FAMILJ,
    Factor.FORTROENDE: FactorGroup.FAMILJ,
    Factor.KOMMUNIKATION_SAMSPEL: FactorGroup.FAMILJ,
    Factor.PRAKTISKA_MOJLIGHETER: FactorGroup.FAMILJ,
    Factor.KAMRATFAKTORER: FactorGroup.YTTERLIGARE,
    Factor.MEDICINSKA_ORSAKER: FactorGroup.YTTERLIGARE,
    Factor.TIDIGARE_INSATSER: FactorGroup.YTTERLIGARE,
    Factor.HINDER_OCH_RESURSER: FactorGroup.YTTERLIGARE,
}


class ProtectiveFactor(str, Enum):
    """Protective factors to strengthen (seed 004)."""

    SKOLNARVARO = "skolnarvaro"
    SKOLANKNYTNING = "skolanknytning"
    FORALDRAENGAGEMANG = "foraldraengagemang"
    TILLITSFULL_RELATION = "tillitsfull_relation"
    KONTINUITET = "kontinuitet"
    STRUKTURERAD_FRITID = "strukturerad_fritid"
    SOCIALA_FARDIGHETER = "sociala_fardigheter"


class GoalArea(str, Enum):
    """What a handlingsplan goal is about. Seed 001: always one on närvaro or resultat."""

    SKOLNARVARO = "skolnarvaro"
    SKOLRESULTAT = "skolresultat"
    TRIVSEL = "trivsel"
    HALSA = "halsa"
    FAMILJ = "familj"
    FRITID = "fritid"
    ANNAT = "annat"


SCHOOL_GOAL_AREAS = frozenset({GoalArea.SKOLNARVARO, GoalArea.SKOLRESULTAT})


class Authority(str, Enum):
    """Who is responsible for an insats."""

    SKOLA = "skola"
    SOCIALTJANST = "socialtjanst"
    VARDNADSHAVARE = "vardnadshavare"
    ELEV = "elev"
    REGION = "region"
    ANNAN = "annan"


class PlanStatus(str, Enum):
    CURRENT = "current"
    SUPERSEDED = "superseded"


class Rating(str, Enum):
    """How a goal stands at an uppföljning."""

    UPPNATT = "uppnatt"
    DELVIS = "delvis"
    EJ_UPPNATT = "ej_uppnatt"


class ContactKind(str, Enum):
    """Kinds of contact in the genomförande contact log."""

    MOTE = "mote"
    TELEFON = "telefon"
    HEMBESOK = "hembesok"
    DIGITALT = "digitalt"
    SKOLBESOK = "skolbesok"
    MEDDELANDE = "meddelande"


class ClosingReason(str, Enum):
    """Why a case was closed (utskrivning)."""

    MAL_UPPNADDA = "mal_uppnadda"
    HANVISAD = "hanvisad"
    FLYTTAT = "flyttat"
    AVBOJT = "avbojt"
    UPPFYLLER_EJ_KRITERIER = "uppfyller_ej_kriterier"
    ANNAT = "annat"


class Behorighet(str, Enum):
    """Gymnasiebehörighet at avslut, recorded for students in årskurs 9 (issue 15's statistics)."""

    BEHORIG = "behorig"
    EJ_BEHORIG = "ej_behorig"
    OKANT = "okant"


class ReferralKind(str, Enum):
    """Alternative ways on from planering (seed 002)."""

    HANVISNING = "hanvisning"
    ANMALAN = "anmalan"
    ANSOKAN = "ansokan"
    SIP = "sip"


class EventKind(str, Enum):
    """Events the worker notes on the skollinje (things that explain the line)."""

    SKOLBYTE = "skolbyte"
    PLACERING = "placering"
    SJUKDOM = "sjukdom"
    FAMILJ = "familj"
    LOV = "lov"
    ANNAT = "annat"
