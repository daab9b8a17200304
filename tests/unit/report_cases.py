"""Fictional cases for the report tests and the handlingsplan benchmark.

Everyone here is made up. The personnummer have a wrong check digit on
purpose, so they can never belong to a real person.
"""

from __future__ import annotations

import datetime as dt

from sst_desk.workflow.codes import (
    Authority,
    GoalArea,
    Party,
    PlanStatus,
    SignerKind,
    Stage,
)
from sst_desk.workflow.entities import (
    Case,
    Consent,
    Goal,
    Guardian,
    Handlingsplan,
    Insats,
    Student,
)

PLAN_DATE = dt.date(2026, 11, 22)
FOLLOW_UP_DATE = dt.date(2027, 1, 28)
STUDENT_VIEW = (
    "Jag vill klara matten och engelskan så att jag kan söka till frisörprogrammet. "
    "Morgnarna är värst, när jag har missat en dag känns det ännu svårare att gå dit.\n\n"
    "Det hjälper när Sofia möter mig vid entrén. Jag vill inte att hela klassen ska veta."
)
GUARDIANS_VIEW = (
    "Vi ser att Måns mår bättre när han har en vuxen på skolan att vända sig till. "
    "Vi vill ha veckovis återkoppling om närvaron, helst via sms, och hjälp att hålla fast vid kvällsrutinerna."
)

_GOALS = [
    (GoalArea.SKOLNARVARO, "Måns går till skolan alla dagar och stannar hela skoldagen.",
     "Närvaro i skolans närvarosystem, per vecka", "54 % närvaro (v. 36–45)", "Minst 85 % närvaro"),
    (GoalArea.SKOLRESULTAT, "Måns får godkänt i matematik och engelska i årskurs 8.",
     "Omdömen från ämneslärarna vid uppföljningen", "F i matematik, E– i engelska", "Lägst E i båda ämnena"),
    (GoalArea.TRIVSEL, "Måns har en trygg vuxen på skolan och känner sig välkommen när han kommer.",
     "Elevens egen skattning 1–5 vid varje samtal", "2 av 5", "4 av 5"),
    (GoalArea.FAMILJ, "Familjen har fungerande morgon- och kvällsrutiner.",
     "Vårdnadshavarnas veckoanteckningar", "Sen läggning 4–5 kvällar i veckan", "Läggdags före 22.30 vardagar"),
    (GoalArea.FRITID, "Måns deltar i en strukturerad fritidsaktivitet varje vecka.",
     "Närvarolista från föreningen", "Ingen aktivitet", "Minst en gång i veckan"),
    (GoalArea.HALSA, "Måns får en bedömning av sin oro hos elevhälsans psykolog.",
     "Genomförd bedömning", "Ej påbörjad", "Bedömning klar och återkopplad"),
]

_INSATSER = [
    ("narvarouppfoljning", "Närvarouppföljning",
     "Veckovis genomgång av närvaron med Måns och sms till vårdnadshavarna varje fredag.",
     Authority.SKOLA, "Sofia Ek, kurator", 0),
    ("stod_i_vardagen", "Stöd i vardagen och skolgången",
     "Möte vid entrén klockan 8.10 tre morgnar i veckan; stöd att komma iväg.",
     Authority.SOCIALTJANST, "Jonas Ahlström, skolsocionom", 0),
    ("anpassningar", "Fysiska och sociala anpassningar",
     "Lugn arbetsplats i studieverkstaden och förberedda lektionsplaneringar.",
     Authority.SKOLA, "Lars Öhman, specialpedagog", 1),
    ("relationsskapande_arbete", "Relationsskapande arbete",
     "Enskilda samtal varannan vecka.",
     Authority.SKOLA, "Sofia Ek, kurator", 2),
    ("foraldraskapsstod", "Föräldraskapsstöd (individuellt eller i grupp)",
     "Samtal om rutiner och om hur man stöttar skolgången hemma.",
     Authority.SOCIALTJANST, "Jonas Ahlström, skolsocionom", 3),
    ("meningsfull_fritid", "Stöd till meningsfull fritid",
     "Följa med till första träningarna i klätterklubben.",
     Authority.VARDNADSHAVARE, "Åsa Ödegård", 4),
    ("samordning_insatser", "Samordning av insatser",
     "Kontakt med elevhälsans psykolog och BUP vid behov.",
     Authority.REGION, "Elevhälsans psykolog", 5),
]


def make_student(*, protected: bool = False) -> Student:
    guardians = [
        Guardian(name="Åsa Ödegård", relation="mamma", phone="070-000 00 01", address="Hemlig gatan 1"),
        Guardian(name="Jörgen Ödegård-Renée", relation="pappa", interpreter_language="", phone="070-000 00 02",
                 address="Hemlig gatan 1"),
    ]
    return Student(
        first_name="Måns", last_name="Ödegård", school="Äppelvikens skola", grade=8,
        personal_id="20120415-0006", protected_identity=protected, guardians=guardians,
    )


def make_case(*, goals: int = 3, insatser: int = 4, protected: bool = False,
              student_view: str = STUDENT_VIEW, guardians_view: str = GUARDIANS_VIEW) -> Case:
    """A case in genomförande with consents and a current plan of ``goals`` goals and ``insatser`` insatser."""
    student = make_student(protected=protected)
    case = Case(
        student=student, raised_on=dt.date(2026, 9, 2), stage=Stage.GENOMFORANDE,
        socionom="Jonas Ahlström", school_contact="Sofia Ek, kurator", enrolled_on=dt.date(2026, 9, 16),
        reason="Hög frånvaro sedan vårterminen i årskurs 7.", absence_percent=46.0,
    )
    day = dt.date(2026, 9, 16)
    case.consents = [
        Consent(SignerKind.ELEV, student.full_name, day, [Party.SKOLA, Party.SOCIALTJANST]),
        *[Consent(SignerKind.VARDNADSHAVARE, g.name, day, [Party.SKOLA, Party.SOCIALTJANST, Party.REGION], guardian=g)
          for g in student.guardians],
    ]
    case.plans = [make_plan(goals, insatser, guardians_view=guardians_view)]
    case.set_student_view(Stage.PLANERING, student_view)
    return case


def make_plan(goals: int, insatser: int, *, guardians_view: str = GUARDIANS_VIEW, version: int = 1,
              status: PlanStatus = PlanStatus.CURRENT) -> Handlingsplan:
    plan = Handlingsplan(version=version, status=status, created_on=PLAN_DATE, follow_up_on=FOLLOW_UP_DATE,
                         guardians_view=guardians_view)
    for index in range(goals):
        area, description, measure, baseline, target = _GOALS[index % len(_GOALS)]
        if index >= len(_GOALS):
            description = f"{description} (delmål {index // len(_GOALS) + 1})"
        plan.goals.append(Goal(description=description, area=area, measure=measure, baseline=baseline,
                               target=target, position=index))
    for index in range(insatser):
        key, name, description, authority, person, goal_index = _INSATSER[index % len(_INSATSER)]
        start = PLAN_DATE + dt.timedelta(days=7 * (index % 5))
        plan.insatser.append(Insats(
            name=name, catalogue_key=key, description=description, responsible_authority=authority,
            responsible_person=person, start_on=start, end_on=dt.date(2027, 6, 11) if index % 3 else None,
            goal=plan.goals[goal_index % goals] if goals else None, position=index,
        ))
    return plan


def make_large_case() -> Case:
    """The 12-goal, 20-insats plan that must still read well."""
    return make_case(goals=12, insatser=20)
