"""The case list's rows: next due date and attention flags, from a few column queries."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from sst_desk.persistence import Database
from sst_desk.workflow.attention import Attention, attention, next_due, summarize
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Level, Party, PlanStatus, SignerKind, Stage
from sst_desk.workflow.entities import Boostertraff, Case, Consent, Handlingsplan
from doors import door

TODAY = dt.date(2025, 6, 2)
TWO = [Party.SKOLA, Party.SOCIALTJANST]


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def consent(valid_until: dt.date | None, parties: list[Party] = TWO, **kw) -> Consent:
    return Consent(
        SignerKind.ELEV, "Eleven", kw.pop("given_on", days(-60)), list(parties), valid_until=valid_until, **kw
    )


def in_stage(make_case, stage: Stage, name: str, **fields) -> Case:
    case = make_case(first=name)
    case.stage = stage
    for key, value in fields.items():
        setattr(case, key, value)
    return case


@pytest.fixture
def stages(db: Database, make_case) -> dict[str, int]:
    """One case per situation the case list must show; values are case ids by name."""
    cases = {
        "Ada": in_stage(make_case, Stage.AKTUALISERING, "Ada"),
        "Bea": in_stage(
            make_case,
            Stage.KARTLAGGNING,
            "Bea",
            consents=[
                consent(days(10)),
                consent(days(5), withdrawn_on=days(-1)),  # withdrawn: not in force
                consent(days(2), parties=[Party.SKOLA]),  # one party: not valid
                consent(days(1), given_on=days(1)),  # not yet given
                consent(days(-1)),  # expired
                consent(None),  # open-ended: never expires
            ],
        ),
        "Cia": in_stage(
            make_case,
            Stage.GENOMFORANDE,
            "Cia",
            plans=[
                Handlingsplan(1, PlanStatus.SUPERSEDED, follow_up_on=days(-100)),
                Handlingsplan(2, PlanStatus.CURRENT, follow_up_on=days(-1)),
            ],
            consents=[consent(days(90))],
        ),
        "Dan": in_stage(
            make_case,
            Stage.UPPFOLJNING,
            "Dan",
            plans=[Handlingsplan(1, follow_up_on=days(20))],
            consents=[consent(days(90))],
        ),
        "Eva": in_stage(make_case, Stage.AVSLUTAD, "Eva", boosters=[Boostertraff(days(10))]),
        "Fia": in_stage(make_case, Stage.VIDMAKTHALLANDE, "Fia", boosters=[Boostertraff(days(-5), True, days(-5))]),
        "Gun": in_stage(
            make_case, Stage.AVSLUTAD, "Gun", boosters=[Boostertraff(days(-30), False), Boostertraff(days(60))]
        ),
        "Hed": in_stage(make_case, Stage.PLANERING, "Hed", consents=[consent(days(30)), consent(TODAY)]),
    }
    return {name: door(db).cases.add_case(case).id for name, case in cases.items()}


def test_rows_show_next_due_and_attention(db: Database, stages: dict[str, int]) -> None:
    rows = {row.student_name.split()[0]: row for row in door(db).cases.case_rows(TODAY)}
    # These fixtures carry only some of the consents that must be given, so every case in a working stage
    # (kartläggning to uppföljning) also shows CONSENT_MISSING; aktualisering and closed cases never do.
    missing = Attention.CONSENT_MISSING
    expected = {
        "Ada": (None, set()),
        "Bea": (None, {Attention.CONSENT_EXPIRING, missing}),
        "Cia": (days(-1), {Attention.FOLLOW_UP_OVERDUE, missing}),
        "Dan": (days(20), {missing}),
        "Eva": (days(10), {Attention.BOOSTER_DUE}),
        "Fia": (None, set()),
        "Gun": (days(60), set()),
        "Hed": (None, {Attention.CONSENT_EXPIRING, missing}),
    }
    assert {name: (row.next_due, set(row.attention)) for name, row in rows.items()} == expected


def test_rows_agree_with_the_full_case(db: Database, stages: dict[str, int]) -> None:
    """The cheap queries must mean what ``attention.summarize`` means on a loaded case."""
    for day in (TODAY, days(-40), days(25)):
        for row in door(db).cases.case_rows(day):
            case = door(db).cases.load_case(row.case_id)
            summary = summarize(case, day)
            assert (row.next_due, row.attention) == (next_due(summary), attention(summary, day)), (row, day)


def test_row_fields(db: Database, make_case) -> None:
    case = make_case(first="Ines", last="Påhittad", school="Björkskolan")
    case.student.personal_id = "20120230-0000"  # no such date: cannot be anyone's
    case.student.protected_identity = True
    saved = door(db).cases.add_case(case)
    (row,) = door(db).cases.case_rows(TODAY)
    assert row == CaseRow(
        case_id=saved.id,
        student_name="Ines Påhittad",
        personal_id="20120230-0000",
        school="Björkskolan",
        grade=8,
        stage=Stage.AKTUALISERING,
        level=Level.NIVA_3,
        socionom="Socionom Sara",
        raised_on=case.raised_on,
        next_due=None,
        attention=frozenset(),
        protected_identity=True,
    )
    assert type(row.stage) is Stage and type(row.level) is Level


def test_rows_take_a_fixed_number_of_queries(db: Database, make_case) -> None:
    """Never one query per case: the list must stay cheap for thousands."""
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    for n in range(12):
        case = make_case(first=f"Elev{n}")
        case.consents = [consent(days(40))]
        case.plans = [Handlingsplan(1, follow_up_on=days(n))]
        case.boosters = [Boostertraff(days(n))]
        door(db).cases.add_case(case)
    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        rows = door(db).cases.case_rows(TODAY)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)
    assert len(rows) == 12
    # a read opens with SELECT, or WITH (the term absence's windows: persistence.statistics.window_absence)
    selects = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(selects) == 5, selects  # + the term absence per student (issue 4)
