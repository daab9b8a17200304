"""What may be removed or changed in a case and why not, what is proposed, what a save must fix (workflow.editing).

These rules used to live in the case window's pages; the window, the command line and the services now ask
the workflow. Each test reads like the rule it holds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import (FIRST_FOLLOW_UP_ON, TODAY, WORKER, at, give_all_consents, make_case, make_case_at,
                      make_insats, record_follow_up, snapshot)

from sst_desk.workflow.codes import ClosingReason, DocumentKind, PlanStatus, ReferralKind, Stage
from sst_desk.workflow.editing import (change_blocked, plan_editable, plan_of, remove, removal_blocked,
                                       removals_refused, save_problems, step_answer_problems, step_blockers)
from sst_desk.workflow.entities import (Boostertraff, FollowUp, Goal, Insats, Kartlaggning, KartlaggningDocument,
                                        Referral)
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.process import DEFAULT_BOOSTER_MONTHS, Move, apply, booster_date, proposed_booster


def _referred_case() -> object:
    case = make_case_at(Stage.PLANERING)
    case.referrals.append(Referral(kind=ReferralKind.HANVISNING, made_on=TODAY, to_whom="BUP"))
    apply(case, Move.REFER_ON, by=WORKER, at=at())
    return case


# --- removal --------------------------------------------------------------------------------


def test_a_goal_rated_at_a_follow_up_stays_and_removing_it_changes_nothing():
    case = make_case_at(Stage.UPPFOLJNING)
    rated, unrated = case.current_plan.goals
    record_follow_up(case, FIRST_FOLLOW_UP_ON, rate=[rated])
    assert removal_blocked(case, rated) == Finding(Problem.GOAL_RATED, rated.description)
    before = snapshot(case)
    with pytest.raises(ProcessError) as refused:
        remove(case, rated)
    assert refused.value.findings == [Finding(Problem.GOAL_RATED, rated.description)]
    assert snapshot(case) == before
    assert removal_blocked(case, unrated) is None


def test_removing_a_goal_unlinks_the_insatser_that_served_it_and_keeps_them():
    case = make_case_at(Stage.PLANERING)
    plan = case.current_plan
    plan.goals.append(goal := Goal(description="Kommer i tid"))
    plan.insatser.append(served := make_insats("Väckning", goal))
    remove(case, goal)
    assert goal not in plan.goals
    assert served in plan.insatser and served.goal is None


def test_a_guardian_who_signed_a_consent_stays_one_who_did_not_may_go():
    case = make_case_at(Stage.INSKRIVNING)
    signed, unsigned = case.student.guardians
    give_all_consents(case)
    case.consents = [c for c in case.consents if c.guardian is not unsigned]
    assert removal_blocked(case, signed) == Finding(Problem.GUARDIAN_SIGNED, signed.name)
    with pytest.raises(ProcessError):
        remove(case, signed)
    assert signed in case.student.guardians
    assert removal_blocked(case, unsigned) is None
    remove(case, unsigned)
    assert case.student.guardians == [signed]


def test_a_withdrawn_consent_still_keeps_its_signer():
    """The consent stays on record after a withdrawal, and it names the guardian."""
    case = make_case_at(Stage.INSKRIVNING)
    give_all_consents(case)
    guardian = case.student.guardians[0]
    next(c for c in case.consents if c.guardian is guardian).withdrawn_on = TODAY
    assert removal_blocked(case, guardian) is not None


def test_the_only_referral_of_a_case_closed_as_referred_on_stays():
    case = _referred_case()
    (referral,) = case.referrals
    assert case.closing_reason is ClosingReason.HANVISAD
    assert removal_blocked(case, referral) == Finding(Problem.REFERRAL_OF_REFERRED_CASE, "BUP")
    case.referrals.append(second := Referral(kind=ReferralKind.SIP, made_on=TODAY, to_whom="Regionen"))
    assert removal_blocked(case, referral) is None  # another referral still says why the case was closed
    remove(case, second)
    assert removal_blocked(case, referral) is not None


def test_a_referral_of_an_open_case_may_go():
    case = make_case_at(Stage.PLANERING)
    case.referrals.append(referral := Referral(kind=ReferralKind.ANMALAN, made_on=TODAY, to_whom="Mottagningen"))
    assert removal_blocked(case, referral) is None
    remove(case, referral)
    assert case.referrals == []


def test_nothing_of_an_earlier_plan_version_is_removed_or_changed():
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    old = case.current_plan
    apply(case, Move.REVISE_PLAN, by=WORKER, at=at(FIRST_FOLLOW_UP_ON, 15))
    assert old.status is PlanStatus.SUPERSEDED and not plan_editable(old) and plan_editable(case.current_plan)
    for item in (old.goals[1], old.insatser[0]):
        assert removal_blocked(case, item) == Finding(Problem.PLAN_SUPERSEDED, "1")
        assert change_blocked(case, item) == Finding(Problem.PLAN_SUPERSEDED, "1")
    new_goal, new_insats = case.current_plan.goals[1], case.current_plan.insatser[0]
    assert plan_of(case, new_goal) is case.current_plan
    assert change_blocked(case, new_goal) is None and change_blocked(case, new_insats) is None
    assert removal_blocked(case, new_insats) is None


def test_only_a_recorded_document_line_can_be_cleared():
    case = make_case_at(Stage.KARTLAGGNING)
    recorded = KartlaggningDocument(kind=DocumentKind.IUP, requested_on=TODAY)
    case.kartlaggning.documents.append(recorded)
    unrecorded = KartlaggningDocument(kind=DocumentKind.SKOLNARVARO)
    assert removal_blocked(case, unrecorded) == Finding(Problem.DOCUMENT_NOT_RECORDED, "")
    assert removal_blocked(case, recorded) is None
    remove(case, recorded)
    assert case.kartlaggning.documents == []


def test_a_document_line_without_a_kartlaggning_has_nothing_to_clear():
    case = make_case()
    assert removal_blocked(case, KartlaggningDocument(kind=DocumentKind.IUP)) is not None
    case.kartlaggning = Kartlaggning()
    assert removal_blocked(case, KartlaggningDocument(kind=DocumentKind.IUP)) is not None


def test_removal_of_something_no_case_holds_is_a_programming_error():
    with pytest.raises(TypeError):
        removal_blocked(make_case(), FollowUp(held_on=TODAY, plan_version=1))


# --- changes ---------------------------------------------------------------------------------


def test_a_follow_up_of_an_earlier_plan_version_stays_as_it_was():
    case = make_case_at(Stage.UPPFOLJNING)
    earlier = record_follow_up(case, FIRST_FOLLOW_UP_ON)
    assert change_blocked(case, earlier) is None
    apply(case, Move.REVISE_PLAN, by=WORKER, at=at(FIRST_FOLLOW_UP_ON, 15))
    assert change_blocked(case, earlier) == Finding(Problem.FOLLOW_UP_OF_EARLIER_PLAN, "1")


def test_a_follow_up_without_a_current_plan_is_not_edited():
    case = make_case()
    assert change_blocked(case, FollowUp(held_on=TODAY, plan_version=1)) is not None


def test_a_withdrawn_consent_is_not_withdrawn_again():
    case = make_case_at(Stage.INSKRIVNING)
    give_all_consents(case)
    consent = case.consents[0]
    assert change_blocked(case, consent) is None
    consent.withdrawn_on = TODAY
    assert change_blocked(case, consent) == Finding(Problem.CONSENT_ALREADY_WITHDRAWN, consent.signer_name)


# --- the boosterträff proposal -----------------------------------------------------------------


def test_the_booster_is_proposed_months_after_avslut_on_a_weekday_once_and_only_once():
    case = make_case_at(Stage.AVSLUTAD)
    assert proposed_booster(case) is None  # closing booked it
    booked = case.booster
    assert booked.planned_on == booster_date(case.closed_on, DEFAULT_BOOSTER_MONTHS)
    case.boosters.clear()
    again = proposed_booster(case, 4)
    assert again.planned_on == booster_date(case.closed_on, 4) and again.planned_on.weekday() < 5
    assert proposed_booster(make_case_at(Stage.UPPFOLJNING)) is None  # not closed yet


def test_an_early_exit_gets_a_proposal_and_closing_books_the_same_date():
    """The avslut page's proposal and the booking made by "close the case" are one rule."""
    case = _referred_case()
    assert case.booster is None
    proposal = proposed_booster(case, 2)
    assert proposal.planned_on == booster_date(case.closed_on, 2)
    closing = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(closing, FIRST_FOLLOW_UP_ON)
    apply(closing, Move.CLOSE, by=WORKER, at=at(), closing_reason=ClosingReason.MAL_UPPNADDA, booster_months=2)
    assert closing.booster.planned_on == booster_date(TODAY, 2)


# --- what a save must fix ------------------------------------------------------------------------


def test_a_sound_case_has_nothing_to_fix_before_saving():
    for stage in (Stage.AKTUALISERING, Stage.PLANERING, Stage.GENOMFORANDE, Stage.VIDMAKTHALLANDE):
        assert save_problems(make_case_at(stage), TODAY) == {}


def test_the_plan_being_carried_out_keeps_what_started_it():
    case = make_case_at(Stage.GENOMFORANDE)
    case.current_plan.insatser[0].responsible_person = " "
    found = save_problems(case, TODAY)
    assert list(found) == [Stage.PLANERING]
    assert [f.problem for f in found[Stage.PLANERING]] == [Problem.INSATS_NO_RESPONSIBLE]


def test_a_plan_still_being_made_may_lack_what_starting_it_needs_but_not_sound_dates():
    case = make_case_at(Stage.PLANERING)
    plan = case.current_plan
    assert save_problems(case, TODAY) == {}  # an empty plan in planering is work in progress
    plan.insatser.append(Insats(name="Samtal", start_on=TODAY, end_on=TODAY - dt.timedelta(days=1)))
    (finding,) = save_problems(case, TODAY)[Stage.PLANERING]
    assert (finding.problem, finding.field, finding.detail) == (Problem.DATE_ORDER, "end_on", "Samtal")


def test_a_booster_before_avslut_is_shown_on_both_pages_that_show_it():
    case = make_case_at(Stage.AVSLUTAD)
    case.booster.planned_on = case.closed_on - dt.timedelta(days=1)
    found = save_problems(case, TODAY)
    assert set(found) == {Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE}
    assert [f.field for f in found[Stage.AVSLUTAD]] == ["planned_on"]


def test_a_booster_marked_held_needs_its_date():
    case = make_case_at(Stage.VIDMAKTHALLANDE)
    case.booster.held = True
    assert [f.problem for f in save_problems(case, TODAY)[Stage.VIDMAKTHALLANDE]] == [Problem.REQUIRED]
    case.boosters[-1] = Boostertraff(planned_on=case.booster.planned_on, held=False)
    assert save_problems(case, TODAY) == {}


# --- the steps ---------------------------------------------------------------------------------


def test_the_closing_reason_is_asked_by_the_step_not_held_against_it():
    case = make_case_at(Stage.UPPFOLJNING)
    assert [f.problem for f in step_blockers(case, Move.CLOSE, TODAY)] == [Problem.FOLLOW_UP_MISSING]
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    assert step_blockers(case, Move.CLOSE, TODAY) == []
    assert step_answer_problems(Move.CLOSE, None) == [Finding(Problem.CLOSING_REASON_MISSING,
                                                              field="closing_reason")]
    assert step_answer_problems(Move.CLOSE, ClosingReason.FLYTTAT) == []
    assert step_answer_problems(Move.CONTINUE, None) == []


def test_step_blockers_keep_every_other_blocker():
    case = make_case_at(Stage.AKTUALISERING)
    assert [f.problem for f in step_blockers(case, Move.ENROL, TODAY)] == [Problem.CRITERIA_NOT_MET]


# --- where a consent or a document stands ------------------------------------------------------


def test_a_consent_is_withdrawn_from_its_day_valid_through_its_last_day_and_not_yet_before_it_is_given():
    from sst_desk.workflow.status import ConsentStatus, consent_status

    case = make_case_at(Stage.INSKRIVNING)
    give_all_consents(case)
    consent = case.consents[0]
    assert consent_status(consent, TODAY) is ConsentStatus.IN_FORCE
    consent.valid_until = TODAY
    assert consent_status(consent, TODAY) is ConsentStatus.IN_FORCE
    assert consent_status(consent, TODAY + dt.timedelta(days=1)) is ConsentStatus.EXPIRED
    assert consent_status(consent, consent.given_on - dt.timedelta(days=1)) is ConsentStatus.NOT_YET_IN_FORCE
    consent.withdrawn_on = TODAY + dt.timedelta(days=3)
    assert consent_status(consent, TODAY) is ConsentStatus.IN_FORCE  # a withdrawal dated later is not yet
    assert consent_status(consent, TODAY + dt.timedelta(days=3)) is ConsentStatus.WITHDRAWN


def test_a_document_is_received_requested_or_not_requested():
    from sst_desk.workflow.status import DocumentStatus, document_status

    document = KartlaggningDocument(kind=DocumentKind.IUP)
    assert document_status(document) is DocumentStatus.NOT_REQUESTED
    document.requested_on = TODAY
    assert document_status(document) is DocumentStatus.REQUESTED
    document.received_on = TODAY
    assert document_status(document) is DocumentStatus.RECEIVED


def test_a_document_of_no_listed_kind_needs_a_name_and_arrives_after_it_was_asked_for():
    from sst_desk.workflow.validation import validate_document

    assert validate_document(KartlaggningDocument(kind=DocumentKind.IUP)) == []
    (missing,) = validate_document(KartlaggningDocument(label=" "))
    assert (missing.problem, missing.field) == (Problem.REQUIRED, "label")
    early = KartlaggningDocument(label="Läkarintyg", requested_on=TODAY, received_on=TODAY - dt.timedelta(days=1))
    (order,) = validate_document(early)
    assert (order.problem, order.field, order.dates[0]) == (Problem.DATE_ORDER, "received_on", "requested_on")


# --- rules that were the forms' own ----------------------------------------------------------------


def test_a_guardians_email_is_name_at_domain_without_spaces_and_may_be_left_empty():
    from sst_desk.workflow.entities import Guardian
    from sst_desk.workflow.validation import email_finding, validate_guardian

    for good in ("anna.berg@example.se", "a+b@skola.kommun.se"):
        assert email_finding(good) is None
    for bad in ("anna berg@example.se", "anna@example", "anna@@example.se", "anna@.example.se", "a@b..se", "@b.se"):
        assert email_finding(bad) == Finding(Problem.EMAIL_FORMAT, field="email"), bad
    assert validate_guardian(Guardian(name="Anna Berg")) == []
    assert validate_guardian(Guardian(name="Anna Berg", email="anna(at)example.se")) == [
        Finding(Problem.EMAIL_FORMAT, field="email")]


def test_one_line_texts_longer_than_the_forms_cap_are_refused_by_the_validators_too():
    """The forms stop typing at the cap; the command line and imports meet the same cap as a finding."""
    from sst_desk.workflow.entities import Guardian
    from sst_desk.workflow.validation import MAX_LENGTHS, TEXT_MAX_LENGTH, validate_guardian, validate_insats

    name_cap = MAX_LENGTHS["name"]
    assert validate_guardian(Guardian(name="A" * name_cap)) == []
    assert validate_guardian(Guardian(name="A" * (name_cap + 1))) == [
        Finding(Problem.TEXT_TOO_LONG, str(name_cap), "name")]
    long_person = make_insats("Samtal", person="P" * (MAX_LENGTHS["responsible_person"] + 1))
    assert [f.field for f in validate_insats(long_person)] == ["responsible_person"]
    goal = Goal(description="Mål", measure="m" * (TEXT_MAX_LENGTH + 1))
    from sst_desk.workflow.validation import validate_goal
    assert validate_goal(goal) == [Finding(Problem.TEXT_TOO_LONG, str(TEXT_MAX_LENGTH), "measure")]


# --- registering a student who already has a case -------------------------------------------------


def test_a_second_case_is_asked_about_when_seen_and_stopped_when_hidden():
    from sst_desk.workflow.caselist import CaseRow
    from sst_desk.workflow.codes import Level
    from sst_desk.workflow.intake import existing_case

    row = CaseRow(case_id=7, student_name="Elev Exempelsson", personal_id="20130517-9826", school="Skolan",
                  grade=7, stage=Stage.PLANERING, level=Level.NIVA_2, socionom="", raised_on=TODAY, next_due=None,
                  attention=frozenset())
    asked: list[str] = []

    def register(pid: str) -> int:
        asked.append(pid)
        return {"20130517-9826": 1, "20100101-0000": 2}.get(pid, 0)

    seen = existing_case("20130517-9826", [row], register)
    assert seen is not None and seen.seen is row and not seen.hidden
    assert asked == []  # the person's own list answered: the register was not asked
    hidden = existing_case("20100101-0000", [row], register)
    assert hidden is not None and hidden.hidden and hidden.seen is None
    assert existing_case("20111111-1111", [row], register) is None
    assert existing_case(None, [row], register) is None and existing_case("", [], register) is None
    assert asked == ["20100101-0000", "20111111-1111"]


def test_the_comment_of_a_closing_step_is_the_closing_note_unless_one_was_written():
    case = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    apply(case, Move.CLOSE, by=WORKER, at=at(), comment="Målen nådda.", closing_reason=ClosingReason.MAL_UPPNADDA)
    assert case.closing_note == "Målen nådda."
    written = make_case()
    written.closing_note = "Skolan fortsätter på nivå 1."
    apply(written, Move.NOT_ELIGIBLE, by=WORKER, at=at(), comment="Kriterierna uppfylls inte.")
    assert written.closing_note == "Skolan fortsätter på nivå 1."
    assert written.transitions[-1].comment == "Kriterierna uppfylls inte."
    quiet = make_case_at(Stage.INSKRIVNING)
    give_all_consents(quiet)
    apply(quiet, Move.START_KARTLAGGNING, by=WORKER, at=at(), comment="Samtycken klara.")
    assert quiet.closing_note == ""  # only a step to avslut writes the closing note


# --- a whole case sent to be saved ---------------------------------------------------------------------


def _stored(case):
    """Give every record an id, as a load from the database does."""
    records = [case.student, *case.student.guardians, *case.referrals, *case.consents]
    records += [x for plan in case.plans for x in (plan, *plan.goals, *plan.insatser)]
    records += list(case.kartlaggning.documents) if case.kartlaggning else []
    for number, record in enumerate(records, start=1):
        record.id = number
    return case


def _copy(case):
    import copy

    return copy.deepcopy(case)


def test_a_submitted_case_that_drops_a_rated_goal_or_a_signed_guardian_is_refused():
    """The window cannot remove them; a case sent whole (command line, a remote client) is held to the same."""
    stored = make_case_at(Stage.UPPFOLJNING)
    record_follow_up(stored, FIRST_FOLLOW_UP_ON)
    stored.kartlaggning.documents.append(KartlaggningDocument(kind=DocumentKind.IUP, requested_on=TODAY))
    _stored(stored)
    assert removals_refused(stored, _copy(stored)) == []
    submitted = _copy(stored)
    rated = submitted.current_plan.goals[0]
    submitted.current_plan.goals.remove(rated)
    submitted.student.guardians.pop()
    submitted.current_plan.insatser.pop()  # an insats may go
    submitted.kartlaggning.documents.clear()  # so may a document line
    refused = removals_refused(stored, submitted)
    assert [f.problem for f in refused] == [Problem.GOAL_RATED, Problem.GUARDIAN_SIGNED]
    assert refused[0].detail == rated.description


def test_records_never_stored_are_not_missed_and_a_referred_cases_referral_is_kept():
    stored = _stored(_referred_case())
    submitted = _copy(stored)
    submitted.referrals.clear()
    assert [f.problem for f in removals_refused(stored, submitted)] == [Problem.REFERRAL_OF_REFERRED_CASE]
    fresh = _referred_case()  # nothing has an id yet: nothing was on record
    assert removals_refused(fresh, make_case()) == []
