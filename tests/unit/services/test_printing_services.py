"""The one print use case and the batch against a fake unit of work: every check of the window and the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sst_desk.fileio import TargetRefused
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.reports.base import ReportContext
from sst_desk.reports.batch import NothingToPrint
from sst_desk.services import Door
from sst_desk.services.printing import NoPlansToPrint, PrintRefused, Refusal
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.rules_case import CaseRuleError, Member, Override

from fake_uow import FakeStore

sys.path.insert(0, str(Path(__file__).parents[1]))  # the fictional cases of the workflow tests
from builders import TODAY, give_all_consents, make_case_at  # noqa: E402

SARA = Actor(1, "sara", "Sara Socionom", Role.SKOLSOCIONOM)
KARIN = Actor(2, "karin", "Karin Kurator", Role.KURATOR)
TOVE = Actor(3, "tove", "Tove Teamledare", Role.TEAMLEDARE)
REPORT = ReportContext(team_name="Skolsociala teamet", printed_by="Sara Socionom", printed_on=TODAY)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for who in (SARA, KARIN, TOVE):
        store.users[who.user_id] = Member(who.user_id, who.username, who.display_name, who.role, True)
    return store


def stored(store: FakeStore, stage: Stage, *, consent: bool = True, who: Actor = SARA) -> int:
    case = make_case_at(stage)
    if not consent:
        for c in case.consents:
            c.withdrawn_on = TODAY
    elif not case.consents:
        give_all_consents(case)
    return Door(store.uow, who).cases.add_case(case).id


def printing(store: FakeStore, who: Actor = SARA):
    return Door(store.uow, who).printing


def test_a_plan_in_the_preview_is_logged_before_it_is_made(store):
    case_id = stored(store, Stage.GENOMFORANDE)
    data = printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY)
    assert data.startswith(b"%PDF")
    assert store.actions()[-1] == ("print", "handlingsplan v1")


def test_a_document_without_its_content_is_refused_and_not_logged(store):
    planning = stored(store, Stage.PLANERING)  # the empty draft made at planering is not printed
    with pytest.raises(PrintRefused) as refused:
        printing(store).print_document(planning, "handlingsplan", report=REPORT, today=TODAY)
    assert refused.value.reason is Refusal.NO_PLAN
    early = stored(store, Stage.INSKRIVNING)
    with pytest.raises(PrintRefused) as refused:
        printing(store).print_document(early, "avslut", report=REPORT, today=TODAY)
    assert refused.value.reason is Refusal.NOTHING_TO_PRINT
    assert not any(a == "print" for a, _ in store.actions())  # read (a view), never printed


def test_sharing_without_consent_needs_a_stated_legal_ground(store):
    case_id = stored(store, Stage.GENOMFORANDE, consent=False)
    with pytest.raises(PrintRefused) as refused:
        printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY)
    assert refused.value.reason is Refusal.CONSENT_MISSING and refused.value.missing
    with pytest.raises(CaseRuleError):
        printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY,
                                       override=Override("  "))
    data = printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY,
                                          override=Override("14 kap. 1 § SoL", "oro"))
    assert data.startswith(b"%PDF")
    assert [o["legal_ground"] for o in store.state.overrides] == ["14 kap. 1 § SoL"]
    assert store.actions()[-3:] == [("view", ""), ("consent_override", "share_plan: 14 kap. 1 § SoL"),
                                    ("print", "handlingsplan v1")]


def test_someone_else_is_refused_and_the_refusal_logged(store):
    case_id = stored(store, Stage.GENOMFORANDE)
    with pytest.raises(AccessDeniedError):
        printing(store, KARIN).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY)
    assert store.actions()[-1] == ("denied", "case:view")  # reading it for print is refused first


def test_written_to_a_file_the_print_is_logged_once_the_file_is_there(store, tmp_path):
    case_id = stored(store, Stage.GENOMFORANDE)
    out = tmp_path / "plan.pdf"
    written = printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY, target=out)
    assert written == out and out.read_bytes().startswith(b"%PDF")
    assert store.actions()[-1] == ("print", "handlingsplan v1")
    prints = store.actions().count(("print", "handlingsplan v1"))
    with pytest.raises(TargetRefused):  # exists, and nobody said --force
        printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY, target=out)
    assert store.actions().count(("print", "handlingsplan v1")) == prints  # a failed write is no print


def test_an_earlier_plan_version_prints_with_its_number(store):
    case_id = stored(store, Stage.GENOMFORANDE)
    printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY, plan_version=1)
    assert store.actions()[-1] == ("print", "handlingsplan v1")
    with pytest.raises(PrintRefused):
        printing(store).print_document(case_id, "handlingsplan", report=REPORT, today=TODAY, plan_version=7)


def test_the_batch_skips_cases_without_consent_and_logs_the_rest_together(store, tmp_path):
    with_consent = stored(store, Stage.GENOMFORANDE)
    without = stored(store, Stage.UPPFOLJNING, consent=False)
    stored(store, Stage.INSKRIVNING)  # no plan in force: not a candidate
    candidates = printing(store, TOVE).batch_candidates(TODAY)
    ids = candidates.case_ids(team=True)
    assert sorted(ids) == [with_consent, without] and candidates.workers == [(1, "Sara Socionom")]
    steps: list[tuple[int, int]] = []
    outcome = printing(store, TOVE).print_batch(ids, report=REPORT, today=TODAY, target=tmp_path / "alla.pdf",
                                                progress=lambda done, total: steps.append((done, total)))
    assert [c.id for c in outcome.written] == [with_consent] and [c.id for c in outcome.skipped] == [without]
    assert steps[-1] == (4, 4)
    assert store.actions()[-1] == ("print", "handlingsplan v1 (batch)")
    with pytest.raises(NothingToPrint):
        printing(store, TOVE).print_batch([without], report=REPORT, today=TODAY, target=tmp_path / "ingen.pdf")
    with pytest.raises(NoPlansToPrint):
        printing(store, TOVE).print_batch([], report=REPORT, today=TODAY, target=tmp_path / "tom.pdf")


def test_the_printouts_of_a_case_are_read_newest_first_and_the_reading_logged(store):
    case_id = stored(store, Stage.GENOMFORANDE)
    for kind in ("handlingsplan", "min-plan"):
        printing(store).print_document(case_id, kind, report=REPORT, today=TODAY)
    found = printing(store).printed_documents(case_id)
    assert [detail for _at, _who, detail in found] == ["min-plan v1", "handlingsplan v1"]
    assert store.actions()[-1] == ("read_log", "prints;rows=2")
    with pytest.raises(AccessDeniedError):
        printing(store, KARIN).printed_documents(case_id)
