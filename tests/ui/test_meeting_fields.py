"""Issue 15: the boosterträff and the uppföljning get a time and a place; closing a case in åk 9 asks for
gymnasiebehörighet. Found, typed and read back by the labels on screen."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sst_desk.workflow.codes import Behorighet, Stage
from sst_desk.workflow.entities import Boostertraff, Case, Student
from sst_desk.workflow.process import Move, apply, open_case

from person import NOW, answer_dialog, click, fill, find, open_window, settle, shown_errors
from doors import door

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from builders import FIRST_FOLLOW_UP_ON, make_case_at, make_student, record_follow_up  # noqa: E402


def _closed_case_with_booster(context) -> int:
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola", grade=7), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    apply(case, Move.NOT_ELIGIBLE, by="testare", at=NOW)
    case.boosters.append(Boostertraff(planned_on=NOW.date() + dt.timedelta(days=90)))
    return door(context.db).cases.add_case(case).id


def test_booster_time_and_place_are_saved_and_shown_again(main_window, context):
    case_id = _closed_case_with_booster(context)
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    fill(window, "Booster session time", "14.30")  # a Swedish way of writing it is understood
    fill(window, "Booster session place", "Skolans bibliotek, grupprum 2")
    assert window.save()
    settle()
    stored = door(context.db).cases.load_case(case_id)
    assert stored.booster.start_time == dt.time(14, 30)
    assert stored.booster.place == "Skolans bibliotek, grupprum 2"
    window.close()
    settle()
    again = open_window(main_window, case_id)
    again.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    assert find(again, "Booster session time").text() == "14:30"
    assert find(again, "Booster session place").text() == "Skolans bibliotek, grupprum 2"


def test_a_time_that_is_not_one_is_refused_with_a_sentence(main_window, context):
    case_id = _closed_case_with_booster(context)
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    fill(window, "Booster session time", "25:70")
    assert window.save() is False
    assert "Write the time as hours and minutes, for example 14:30." in shown_errors(window)
    assert door(context.db).cases.load_case(case_id).booster.start_time is None
    fill(window, "Booster session time", "")  # an empty time is allowed: not decided yet
    assert window.save()
    settle()


def test_the_follow_up_meeting_gets_a_time_and_a_place(main_window, context):
    case_id = door(context.db).cases.add_case(make_case_at(Stage.GENOMFORANDE, tzinfo=dt.UTC)).id
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    fill(window, "Follow-up time", "9:05")
    fill(window, "Follow-up place", "Elevhälsans rum")
    assert window.save()
    settle()
    plan = door(context.db).cases.load_case(case_id).current_plan
    assert (plan.follow_up_time, plan.follow_up_place) == (dt.time(9, 5), "Elevhälsans rum")


def test_closing_a_case_in_year_9_asks_for_gymnasiebehorighet(main_window, context):
    student = make_student()
    student.grade = 9
    case = make_case_at(Stage.UPPFOLJNING, student, tzinfo=dt.UTC)
    record_follow_up(case, FIRST_FOLLOW_UP_ON)
    case_id = door(context.db).cases.add_case(case).id
    window = open_window(main_window, case_id)
    seen: list[list[str]] = []

    def answer(dialog) -> None:
        fill(dialog, "Reason for closing", "Goals achieved")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))  # no choice yet: the dialog stays and says what is missing
        fill(dialog, "Eligibility for upper secondary school", "Not known")
        click(dialog, "OK")

    errors = answer_dialog(answer)
    click(window, "Close the case")
    assert not errors, errors
    assert any("eligible for upper secondary school" in text for text in seen[0]), seen
    assert window.case.stage is Stage.AVSLUTAD
    settle()
    stored = door(context.db).cases.load_case(case_id)
    assert stored.stage is Stage.AVSLUTAD and stored.gymnasiebehorighet is Behorighet.OKANT
    assert find(window, "Eligibility for upper secondary school").isVisibleTo(window.pages[Stage.AVSLUTAD.order])


def test_the_choice_is_hidden_for_other_grades(main_window, context):
    case_id = _closed_case_with_booster(context)  # årskurs 7
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    page = window.pages[Stage.AVSLUTAD.order]
    assert not find(window, "Eligibility for upper secondary school", visible=False).isVisibleTo(page)


def _export_entries(context, case_id: int) -> list[tuple[str, str]]:
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import access_log

    with context.db.engine.connect() as conn:
        rows = conn.execute(sa.select(access_log.c.action, access_log.c.detail)
                            .where(access_log.c.case_id == case_id, access_log.c.action == "export")).all()
    return [tuple(r) for r in rows]


def test_the_booster_goes_to_a_calendar_file_with_initials_only(main_window, context, tmp_path, monkeypatch):
    from icalendar import Calendar

    from sst_desk.ui.case import calendar_export

    case_id = _closed_case_with_booster(context)
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.AVSLUTAD.order)
    fill(window, "Booster session time", "13:00")  # typed, not yet saved: the file takes it
    fill(window, "Booster session place", "Elevhälsans rum")
    asked: list[str] = []
    target = tmp_path / "kalender"
    monkeypatch.setattr(calendar_export, "choose_ics_target",
                        lambda _parent, suggested: asked.append(suggested) or str(target))
    click(window, "Add the booster session to a calendar (.ics)…")
    settle()
    assert asked == [f"boostertraff-arende-{case_id}.ics"]
    data = (tmp_path / "kalender.ics").read_bytes()
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Boosterträff – K.T. (ärende {case_id})"
    assert str(event["LOCATION"]) == "Elevhälsans rum"
    assert event.decoded("DTSTART").time() == dt.time(13, 0)
    assert b"Kim" not in data and b"Testsson" not in data and b"Ekbacken" not in data
    assert _export_entries(context, case_id) == [("export", "kalenderfil")]


def test_an_unsaved_case_or_a_missing_date_is_said_not_exported(main_window, context, tmp_path, monkeypatch):
    from sst_desk.ui.case import calendar_export

    case_id = door(context.db).cases.add_case(make_case_at(Stage.GENOMFORANDE, tzinfo=dt.UTC)).id
    window = open_window(main_window, case_id)
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    fill(window, "Follow-up date", "")
    monkeypatch.setattr(calendar_export, "choose_ics_target", lambda *_: str(tmp_path / "x.ics"))
    seen: list[str] = []
    answer = answer_dialog(lambda box: (seen.append(box.text()), box.accept()))
    click(window, "Add the follow-up to a calendar (.ics)…")
    assert not answer, answer
    assert seen == ["Set the date of the next follow-up first (a closed case has none)."]
    assert not (tmp_path / "x.ics").exists() and _export_entries(context, case_id) == []
