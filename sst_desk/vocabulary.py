"""The words for the workflow's codes — one table for the screen and for paper, English and Swedish.

Every code a person reads (a stage, a contact kind, a closing reason …) has one
entry here: ``Words(en, sv)``. Printed documents are Swedish and take ``sv``
(``reports.labels_sv.label``); the window takes the code's words through Qt's
translation system (``ui.labels.label``: context "Labels", the English as
source, the enum class as disambiguation), and the Swedish of those messages
in ``resources/translations/sst_desk_sv.ts`` is written from this table by
``scripts/update_translations.py`` — so "Digitalt möte" on paper is
"Digitalt möte" on screen. Change a word here, run the script, commit both.

The Swedish follows the process documents (``/work/shared/seeds``: "Inskrivning",
"Vidmakthållande", "anmälningar om kränkningar", "samordnad individuell plan
(SIP)" …) where they name the thing. Pure data: no Qt, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sst_desk.workflow.access import Role
from sst_desk.workflow.agenda import DueKind
from sst_desk.workflow.attention import Attention
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.codes import (
    Assessment,
    Authority,
    Behorighet,
    ClosingReason,
    ContactKind,
    DocumentKind,
    EventKind,
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
from sst_desk.workflow.process import Move
from sst_desk.workflow.stats_model import Dimension

CONTEXT = "Labels"  # the Qt translation context of the window's words for codes


@dataclass(frozen=True)
class Words:
    """A code's words: ``en`` is the English (and the source text of its Qt message), ``sv`` the Swedish."""

    en: str
    sv: str


# Keyed by enum class first: str-valued members of different enums compare equal
# (Party.SKOLA == Authority.SKOLA == "skola"), so one flat dict would mix them up.
CODE_WORDS: dict[type[Enum], dict[Enum, Words]] = {
    Stage: {
        Stage.AKTUALISERING: Words("Referral to the team", "Aktualisering"),
        Stage.INSKRIVNING: Words("Enrolment", "Inskrivning"),
        Stage.KARTLAGGNING: Words("Assessment", "Kartläggning"),
        Stage.PLANERING: Words("Planning", "Planering"),
        Stage.GENOMFORANDE: Words("Implementation", "Genomförande"),
        Stage.UPPFOLJNING: Words("Follow-up", "Uppföljning"),
        Stage.AVSLUTAD: Words("Closed", "Avslutad"),
        Stage.VIDMAKTHALLANDE: Words("Booster session", "Vidmakthållande"),
    },
    Level: {
        Level.NIVA_1: Words("Level 1 – promoting attendance", "Nivå 1 – närvarofrämjande"),
        Level.NIVA_2: Words("Level 2 – preventive", "Nivå 2 – förebyggande"),
        Level.NIVA_3: Words("Level 3 – remedial", "Nivå 3 – åtgärdande"),
    },
    Assessment: {
        Assessment.UTAN_BEHOVSPROVNING: Words("Without needs assessment", "Utan behovsprövning"),
        Assessment.EFTER_BESLUT: Words("After investigation and decision", "Efter utredning och beslut"),
    },
    RaisedBy: {
        RaisedBy.SKOLA: Words("School", "Skolan"),
        RaisedBy.ELEVHALSA: Words("Student health team", "Elevhälsan"),
        RaisedBy.VARDNADSHAVARE: Words("Guardian", "Vårdnadshavare"),
        RaisedBy.ELEV: Words("The student", "Eleven själv"),
        RaisedBy.SOCIALTJANST: Words("Social services", "Socialtjänsten"),
        RaisedBy.ANNAN: Words("Someone else", "Annan"),
    },
    Gender: {
        Gender.FLICKA: Words("Girl", "Flicka"),
        Gender.POJKE: Words("Boy", "Pojke"),
        Gender.ANNAT: Words("Other", "Annat"),
        Gender.EJ_ANGIVET: Words("Not stated", "Ej angivet"),
    },
    SchoolMeasure: {
        SchoolMeasure.FRANVAROUTREDNING: Words("Absence investigation", "Frånvaroutredning"),
        SchoolMeasure.ANPASSNINGAR: Words("Adjustments", "Extra anpassningar"),
        SchoolMeasure.SARSKILT_STOD: Words("Special support", "Särskilt stöd"),
        SchoolMeasure.ATGARDSPROGRAM: Words("Action programme", "Åtgärdsprogram"),
        SchoolMeasure.ELEVHALSOMOTE: Words("Student health meeting", "Elevhälsomöte"),
        SchoolMeasure.KONTAKT_VARDNADSHAVARE: Words("Contact with guardians", "Kontakt med vårdnadshavare"),
    },
    SignerKind: {
        SignerKind.ELEV: Words("Student", "Elev"),
        SignerKind.VARDNADSHAVARE: Words("Guardian", "Vårdnadshavare"),
    },
    Party: {
        Party.SKOLA: Words("School", "Skolan"),
        Party.ELEVHALSA: Words("Student health team", "Elevhälsan"),
        Party.SOCIALTJANST: Words("Social services", "Socialtjänsten"),
        Party.REGION: Words("Region (child psychiatry, health centre, habilitation)",
                            "Regionen (BUP, vårdcentral, habilitering)"),
        Party.ANNAN: Words("Other party", "Annan part"),
    },
    DocumentKind: {
        DocumentKind.ATGARDSPROGRAM: Words("Action programmes", "Åtgärdsprogram"),
        DocumentKind.PEDAGOGISK_UTREDNING: Words("Pedagogical assessments", "Pedagogiska utredningar"),
        DocumentKind.KRANKNINGSANMALAN: Words("Reports of degrading treatment", "Anmälningar om kränkningar"),
        DocumentKind.FORALDRARS_SYNPUNKTER: Words("Parents' documented views", "Föräldrars dokumenterade synpunkter"),
        DocumentKind.SKOLINSPEKTIONEN: Words("Reports to the Schools Inspectorate",
                                             "Anmälningar till Skolinspektionen"),
        DocumentKind.SKOLNARVARO: Words("Registered attendance", "Registrerad skolnärvaro"),
        DocumentKind.MALUPPFYLLELSE: Words("Goal attainment and grades", "Måluppfyllelse och betyg"),
        DocumentKind.ANPASSNINGAR: Words("Documented adjustments", "Dokumenterade anpassningar"),
        DocumentKind.IUP: Words("Individual development plan (IUP)", "Individuell utvecklingsplan (IUP)"),
        DocumentKind.KLAGOMAL: Words("Complaints handling", "Klagomålshantering"),
        DocumentKind.SOCIALTJANSTUTREDNING: Words("Earlier social services investigations",
                                                  "Tidigare socialtjänstutredningar"),
    },
    FactorGroup: {
        FactorGroup.SKOLA: Words("School-related factors", "Skolrelaterade faktorer"),
        FactorGroup.INDIVID: Words("Individual factors", "Individrelaterade faktorer"),
        FactorGroup.FAMILJ: Words("Family factors", "Familjerelaterade faktorer"),
        FactorGroup.YTTERLIGARE: Words("Further factors", "Ytterligare faktorer"),
    },
    Factor: {
        Factor.MOBBNING: Words("Bullying", "Mobbning"),
        Factor.SOCIALT_KLIMAT: Words("Social climate", "Socialt klimat"),
        Factor.FYSISK_MILJO: Words("Physical environment", "Fysisk miljö och arbetsmiljö"),
        Factor.PEDAGOGISK_SITUATION: Words("Teaching situation", "Den pedagogiska situationen"),
        Factor.STOD_OCH_ANPASSNING: Words("Need for support and adjustment", "Behov av stöd och anpassning"),
        Factor.ANGEST: Words("Anxiety", "Ångest"),
        Factor.NPF: Words("Neurodevelopmental disorder", "Neuropsykiatrisk funktionsnedsättning (NPF)"),
        Factor.NEDSTAMDHET: Words("Depression or low mood", "Depression eller nedstämdhet"),
        Factor.FORALDRARS_SKOLERFARENHETER: Words("Parents' own school experiences",
                                                  "Föräldrars egna skolerfarenheter"),
        Factor.FORTROENDE: Words("Trust", "Förtroende"),
        Factor.KOMMUNIKATION_SAMSPEL: Words("Communication and interaction in the family",
                                            "Kommunikation och samspel i familjen"),
        Factor.PRAKTISKA_MOJLIGHETER: Words("Practical means to support the child",
                                            "Praktiska möjligheter att stötta barnet"),
        Factor.KAMRATFAKTORER: Words("Peer factors", "Kamratfaktorer"),
        Factor.MEDICINSKA_ORSAKER: Words("Medical causes", "Medicinska orsaker"),
        Factor.TIDIGARE_INSATSER: Words("Earlier interventions", "Tidigare insatser"),
        Factor.HINDER_OCH_RESURSER: Words("Obstacles and resources", "Hinder och resurser"),
    },
    ProtectiveFactor: {
        ProtectiveFactor.SKOLNARVARO: Words("School attendance", "Skolnärvaro"),
        ProtectiveFactor.SKOLANKNYTNING: Words("School connectedness", "Skolanknytning"),
        ProtectiveFactor.FORALDRAENGAGEMANG: Words("Parents' involvement in schooling",
                                                   "Föräldrars engagemang i skolgången"),
        ProtectiveFactor.TILLITSFULL_RELATION: Words("Trusting relationship", "Tillitsfull relation"),
        ProtectiveFactor.KONTINUITET: Words("Continuity and school stability", "Kontinuitet och skolstabilitet"),
        ProtectiveFactor.STRUKTURERAD_FRITID: Words("Structured leisure activities",
                                                    "Strukturerade fritidsaktiviteter"),
        ProtectiveFactor.SOCIALA_FARDIGHETER: Words("Social skills and peer relations",
                                                    "Sociala färdigheter och kamratrelationer"),
    },
    GoalArea: {
        GoalArea.SKOLNARVARO: Words("School attendance", "Skolnärvaro"),
        GoalArea.SKOLRESULTAT: Words("School results", "Skolresultat"),
        GoalArea.TRIVSEL: Words("Well-being at school", "Trivsel i skolan"),
        GoalArea.HALSA: Words("Health", "Hälsa"),
        GoalArea.FAMILJ: Words("Family", "Familj"),
        GoalArea.FRITID: Words("Leisure", "Fritid"),
        GoalArea.ANNAT: Words("Other area", "Annat"),
    },
    Authority: {
        Authority.SKOLA: Words("School", "Skolan"),
        Authority.SOCIALTJANST: Words("Social services", "Socialtjänsten"),
        Authority.VARDNADSHAVARE: Words("Guardian", "Vårdnadshavare"),
        Authority.ELEV: Words("The student", "Eleven"),
        Authority.REGION: Words("Region (child psychiatry, health centre, habilitation)",
                                "Regionen (BUP, vårdcentral, habilitering)"),
        Authority.ANNAN: Words("Other actor", "Annan aktör"),
    },
    PlanStatus: {
        PlanStatus.CURRENT: Words("In force", "Gällande"),
        PlanStatus.SUPERSEDED: Words("Replaced by a later version", "Ersatt av en senare version"),
    },
    Rating: {
        Rating.UPPNATT: Words("Achieved", "Uppnått"),
        Rating.DELVIS: Words("Partly achieved", "Delvis uppnått"),
        Rating.EJ_UPPNATT: Words("Not achieved", "Ej uppnått"),
    },
    ContactKind: {
        ContactKind.MOTE: Words("Meeting", "Möte"),
        ContactKind.TELEFON: Words("Telephone", "Telefon"),
        ContactKind.HEMBESOK: Words("Home visit", "Hembesök"),
        ContactKind.DIGITALT: Words("Online meeting", "Digitalt möte"),
        ContactKind.SKOLBESOK: Words("School visit", "Skolbesök"),
        ContactKind.MEDDELANDE: Words("Message", "Meddelande"),
    },
    EventKind: {
        EventKind.SKOLBYTE: Words("School change", "Skolbyte"),
        EventKind.PLACERING: Words("Placement", "Placering"),
        EventKind.SJUKDOM: Words("Illness", "Sjukdom"),
        EventKind.FAMILJ: Words("Family event", "Händelse i familjen"),
        EventKind.LOV: Words("Holiday or leave", "Lov eller ledighet"),
        EventKind.ANNAT: Words("Other event", "Annan händelse"),
    },
    ClosingReason: {
        ClosingReason.MAL_UPPNADDA: Words("Goals achieved", "Målen är uppnådda"),
        ClosingReason.HANVISAD: Words("Referred on", "Hänvisad vidare"),
        ClosingReason.FLYTTAT: Words("Moved", "Har flyttat"),
        ClosingReason.AVBOJT: Words("Declined the support", "Har avböjt stödet"),
        ClosingReason.UPPFYLLER_EJ_KRITERIER: Words("Does not meet the criteria", "Uppfyller inte kriterierna"),
        ClosingReason.ANNAT: Words("Other reason", "Annat skäl"),
    },
    ReferralKind: {
        ReferralKind.HANVISNING: Words("Referral elsewhere", "Hänvisning"),
        ReferralKind.ANMALAN: Words("Report of concern to social services", "Orosanmälan till socialtjänsten"),
        ReferralKind.ANSOKAN: Words("Application to social services", "Ansökan till socialtjänsten"),
        ReferralKind.SIP: Words("Coordinated individual plan (SIP)", "Samordnad individuell plan (SIP)"),
    },
    Behorighet: {
        Behorighet.BEHORIG: Words("Eligible for upper secondary school", "Behörig till gymnasiet"),
        Behorighet.EJ_BEHORIG: Words("Not eligible for upper secondary school", "Inte behörig till gymnasiet"),
        Behorighet.OKANT: Words("Not known", "Okänt"),
    },
    Attention: {
        Attention.FOLLOW_UP_OVERDUE: Words("Follow-up overdue", "Uppföljning försenad"),
        Attention.CONSENT_EXPIRING: Words("Consent expires soon", "Samtycket går snart ut"),
        Attention.BOOSTER_DUE: Words("Booster session due", "Dags för boosterträff"),
        Attention.CONSENT_MISSING: Words("Consent missing", "Samtycke saknas"),
    },
    DueKind: {
        DueKind.FOLLOW_UP: Words("Follow-up", "Uppföljning"),
        DueKind.BOOSTER: Words("Booster session", "Boosterträff"),
        DueKind.CONSENT_EXPIRES: Words("Consent expires", "Samtycket går ut"),
        DueKind.INSATS_ENDS: Words("Intervention ends", "Insatsen slutar"),
    },
    Move: {
        Move.ENROL: Words("Enrol the student", "Skriv in eleven"),
        Move.NOT_ELIGIBLE: Words("Close: does not meet the criteria", "Avsluta: uppfyller inte kriterierna"),
        Move.START_KARTLAGGNING: Words("Start the assessment", "Påbörja kartläggningen"),
        Move.DECLINED: Words("Close: the family declined", "Avsluta: familjen avböjde"),
        Move.START_PLANERING: Words("Assessment done: plan", "Kartläggningen klar: planera"),
        Move.START_GENOMFORANDE: Words("Start the plan", "Påbörja genomförandet"),
        Move.REFER_ON: Words("Close: referred on", "Avsluta: hänvisad vidare"),
        Move.START_UPPFOLJNING: Words("Start the follow-up", "Påbörja uppföljningen"),
        Move.CONTINUE: Words("Continue with the same plan", "Fortsätt med samma plan"),
        Move.REVISE_PLAN: Words("Revise the plan", "Revidera planen"),
        Move.CLOSE: Words("Close the case", "Avsluta ärendet"),
        Move.BOOK_BOOSTER: Words("Book the booster session", "Boka boosterträff"),
    },
    Role: {
        Role.SKOLSOCIONOM: Words("School social worker (skolsocionom)", "Skolsocionom"),
        Role.KURATOR: Words("Kurator / specialpedagog", "Kurator/specialpedagog"),
        Role.TEAMLEDARE: Words("Team lead (teamledare)", "Teamledare"),
        Role.ADMINISTRATOR: Words("Administrator", "Administratör"),
    },
    Dimension: {
        Dimension.SCHOOL: Words("School", "Skola"),
        Dimension.GRADE: Words("Year", "Årskurs"),
        Dimension.GENDER: Words("Gender", "Kön"),
        Dimension.LEVEL: Words("Level", "Nivå"),
        Dimension.ASSESSMENT: Words("With or without needs assessment", "Med eller utan behovsprövning"),
        Dimension.WORKER: Words("Responsible worker", "Ansvarig handläggare"),
    },
    LogAction: {
        LogAction.SIGN_IN: Words("Signed in", "Loggade in"),
        LogAction.SIGN_IN_FAILED: Words("Failed sign-in", "Misslyckad inloggning"),
        LogAction.SIGN_OUT: Words("Signed out", "Loggade ut"),
        LogAction.LOCK: Words("Locked the program", "Låste programmet"),
        LogAction.UNLOCK: Words("Unlocked the program", "Låste upp programmet"),
        LogAction.LIST: Words("Listed the cases", "Visade ärendelistan"),
        LogAction.VIEW: Words("Opened the case", "Öppnade ärendet"),
        LogAction.CREATE: Words("Registered the case", "Registrerade ärendet"),
        LogAction.EDIT: Words("Changed the case", "Ändrade i ärendet"),
        LogAction.PRINT: Words("Printed", "Skrev ut"),
        LogAction.EXPORT: Words("Handed out information", "Lämnade ut uppgifter"),
        LogAction.DELETE: Words("Deleted information (gallring)", "Gallrade uppgifter"),
        LogAction.ASSIGN: Words("Changed who is responsible for the case", "Ändrade vem som ansvarar för ärendet"),
        LogAction.CONSENT_OVERRIDE: Words("Went on without consent, on a legal ground",
                                          "Gick vidare utan samtycke, med stöd av lag"),
        LogAction.DENIED: Words("Access denied", "Nekades åtkomst"),
        LogAction.READ_LOG: Words("Read the access log", "Tog del av åtkomstloggen"),
        LogAction.SAMPLE_CHECK: Words("Sample check of the access log", "Stickprovskontroll av åtkomstloggen"),
        LogAction.EXPORT_HEAD: Words("Saved the access log's check value", "Sparade åtkomstloggens kontrollvärde"),
        LogAction.USER_CREATED: Words("Created a user account", "Skapade ett användarkonto"),
        LogAction.USER_CHANGED: Words("Changed a user account", "Ändrade ett användarkonto"),
        LogAction.PASSWORD_CHANGED: Words("Changed password", "Bytte lösenord"),
        LogAction.PASSWORD_RESET: Words("Reset a password", "Återställde ett lösenord"),
        LogAction.BACKUP: Words("Took a backup", "Tog en säkerhetskopia"),
        LogAction.RESTORE: Words("Restored a backup", "Återställde en säkerhetskopia"),
        LogAction.IMPORT: Words("Imported attendance", "Importerade närvaro"),
        LogAction.SETTINGS_CHANGED: Words("Changed the team's settings", "Ändrade teamets inställningar"),
        LogAction.STATISTICS: Words("Viewed the team's statistics", "Visade teamets statistik"),
        LogAction.OFFLINE_COPY: Words("Copied the case to their computer for offline work",
                                      "Kopierade ärendet till sin dator för arbete offline"),
        LogAction.LOG_HEAD_MISSING: Words(
            "Found the log tampered with (its record of the newest entry was deleted)",
            "Upptäckte att loggen manipulerats (uppgiften om den senaste posten var borttagen)"),
        LogAction.LOG_KEYED: Words("Protected the log with the server's secret key",
                                   "Skyddade loggen med serverns hemliga nyckel"),
    },
}


# --- Statistics (issue 15): the words of sst_desk.workflow.stats_model's text codes ------------------------
# Dimension (an enum) is in CODE_WORDS above. The tables' keys, the row and column codes that are not an
# enum's value, the outcome keys and the notes are text codes; their words live here, in three tables keyed
# by a kind that is also their Qt disambiguation. Screen (stats-ui, through Qt) and paper (reports/
# statistics*.py, the Swedish) both read them from here. A code with no words is shown as the code itself.

STATS_TABLES = "StatsTable"  # CountTable.key
STATS_CODES = "StatsCode"  # row/column codes that are no enum's value, and the outcome keys
STATS_NOTES = "StatsNote"  # Statistics.notes
STATS_DIMENSIONS = "StatsDimension"  # what a category table's rows are (CountTable.row_dimension)
STATS_MARKS = "StatsMark"  # the legend of a suppressed cell's marks (stats_model.cell_text), {min_cell} filled in

STATS_WORDS: dict[str, dict[str, Words]] = {
    STATS_TABLES: {
        "active": Words("Students enrolled at some time in the period", "Elever inskrivna i teamet under perioden"),
        "raised": Words("New cases (referrals to the team)", "Nya ärenden (aktualiseringar)"),
        "enrolled": Words("New enrolments", "Nya inskrivningar"),
        "closed": Words("Students whose case was closed", "Avslutade ärenden (utskrivna elever)"),
        "booster_proposed": Words("Booster sessions planned", "Planerade boosterträffar"),
        "booster_held": Words("Booster sessions held", "Genomförda boosterträffar"),
        "stage_now": Words("Students in each stage today (open cases)", "Elever per steg i dag (pågående ärenden)"),
        "raised_by": Words("Who raised the case", "Vem som aktualiserade ärendet"),
        "closing_reason": Words("Reasons for closing", "Skäl till avslut"),
        "referral": Words("Referrals, reports, applications and SIP", "Hänvisningar, anmälningar, ansökningar och SIP"),
        "goal_rating": Words("Goals by rating", "Mål efter bedömning"),
        "behorighet": Words("Upper secondary eligibility at closing (year 9)",
                            "Gymnasiebehörighet vid avslut (årskurs 9)"),
    },
    STATS_CODES: {
        "": Words("All students", "Alla elever"),
        "all": Words("All", "Alla"),
        "total": Words("Total", "Totalt"),
        "unknown": Words("Not known", "Uppgift saknas"),
        "not_rated": Words("Not rated", "Ej bedömt"),
        "not_recorded": Words("Not recorded", "Ej registrerat"),
        "other": Words("Other areas", "Övriga områden"),  # goal_rating's row for every area but närvaro/resultat
        "change_latest": Words("Change in absence: baseline to the latest 4 weeks",
                               "Förändring i frånvaro: utgångsläget mot de senaste 4 veckorna"),
        "change_at_close": Words("Change in absence: baseline to closing",
                                 "Förändring i frånvaro: utgångsläget mot avslut"),
    },
    STATS_DIMENSIONS: {
        "raised_by": Words("Raised by", "Aktualiserat av"),
        "closing_reason": Words("Reason", "Skäl"),
        "referral": Words("Kind", "Slag"),
        "stage": Words("Stage", "Steg"),
        "goal_area": Words("Goal area", "Målområde"),
        "rating": Words("Rating", "Bedömning"),
        "behorighet": Words("Eligibility", "Behörighet"),
        "insats": Words("Intervention", "Insats"),
    },
    STATS_MARKS: {
        "primary": Words("<{min_cell} = fewer than {min_cell} students.", "<{min_cell} = färre än {min_cell} elever."),
        "secondary": Words(".. = hidden so that a smaller group cannot be worked out (at least {min_cell} students).",
                           ".. = dold så att en mindre grupp inte kan räknas fram (minst {min_cell} elever)."),
    },
    STATS_NOTES: {
        "no_attendance": Words("No case active in the period has its absence before enrolment recorded: there are "
                               "no absence figures.",
                               "Inget ärende under perioden har frånvaro registrerad före inskrivningen: "
                               "frånvarosiffror saknas."),
        "rows_overlap": Words("A case with two responsible workers counts under each of them: the rows add up to "
                              "more than the total, which counts each student once.",
                              "Ett ärende med två ansvariga handläggare räknas hos båda: raderna blir tillsammans "
                              "fler än totalen, som räknar varje elev en gång."),
        # Not set by compute today; kept because stats_model names it and the window's samples use it.
        "few_cases": Words("Few cases in the period: many figures are hidden to protect the students.",
                           "Få ärenden under perioden: många siffror döljs för att skydda eleverna."),
    },
}

# The enum whose values a statistics dimension's codes are (rows and columns of the tables).
STATS_DIMENSION_ENUMS: dict[str, type[Enum]] = {
    "gender": Gender, "level": Level, "assessment": Assessment, "raised_by": RaisedBy,
    "closing_reason": ClosingReason, "referral": ReferralKind, "referral_kind": ReferralKind,
    "stage": Stage, "stage_now": Stage, "rating": Rating, "goal_rating": Rating, "goal_area": GoalArea,
    "behorighet": Behorighet, "dimension": Dimension,
}


def stats_words(dimension: str, code: str) -> Words | None:
    """The words of a row or column code of a statistics table, or None when it has none here.

    ``dimension`` is the table's ``row_dimension``/``column_dimension``. An enum dimension's codes take the
    enum's words; the special codes ("all", "other" …) those of STATS_CODES. The code "" is "everyone" in
    a table without breakdown (dimension ""), "not rated" for a rating, "not recorded" for behörighet and
    "not known" otherwise (a school or årskurs not recorded). School
    names, worker ids, årskurser and catalogue keys have no words here: the caller names them (school as is,
    ``Statistics.worker_names``, the grade's label, ``Statistics.insats_names``).
    """
    if code == "":
        special = {"": "", "rating": "not_rated", "goal_rating": "not_rated", "behorighet": "not_recorded",
                   "closing_reason": "not_recorded"}
        return STATS_WORDS[STATS_CODES][special.get(dimension, "unknown")]
    enum_type = STATS_DIMENSION_ENUMS.get(dimension)
    if enum_type is not None:
        for value in (code, int(code)) if code.isdigit() else (code,):  # Level's values are ints, published as text
            try:
                return CODE_WORDS[enum_type][enum_type(value)]
            except (ValueError, KeyError):
                continue
    return STATS_WORDS[STATS_CODES].get(code)


def stats_marks_legend(min_cell: int) -> Words:
    """The footnote every rendering of the statistics carries: what "<5" and ".." mean (both sentences).
    On screen translate the two ``STATS_MARKS`` templates through Qt and ``format(min_cell=…)`` them."""
    primary, secondary = STATS_WORDS[STATS_MARKS]["primary"], STATS_WORDS[STATS_MARKS]["secondary"]
    return Words(f"{primary.en} {secondary.en}".format(min_cell=min_cell),
                 f"{primary.sv} {secondary.sv}".format(min_cell=min_cell))


def stats_key_words(kind: str, key: str) -> Words | None:
    """The words of a table key (``STATS_TABLES``), outcome key or code (``STATS_CODES``), or note."""
    return STATS_WORDS[kind].get(key)


def words(code: Enum) -> Words:
    """The words for ``code`` (``KeyError`` for a code that has none)."""
    return CODE_WORDS[type(code)][code]


def disambiguation(code: Enum) -> str:
    """The Qt disambiguation of ``code``'s message: its enum class, so "School" as a party and as an
    authority are two messages and each may have its own Swedish."""
    return type(code).__name__


def qt_messages() -> dict[tuple[str, str, str], str]:
    """Every code's Qt message as (context, English source, disambiguation) → its Swedish translation."""
    messages = {(CONTEXT, w.en, cls.__name__): w.sv for cls, table in CODE_WORDS.items() for w in table.values()}
    messages.update({(CONTEXT, w.en, kind): w.sv for kind, table in STATS_WORDS.items() for w in table.values()})
    return messages
