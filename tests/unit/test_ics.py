"""reports/ics.py: a meeting as a calendar file that opens in any calendar and tells nothing about the child."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from sst_desk.demo.generate import build_cases
from sst_desk.reports.ics import MeetingKind, booster_meeting, follow_up_meeting, initials, meeting_ics, \
    meetings_of, suggested_file_name


def _stored_demo_cases(students: int = 120, seed: int = 7):
    cases = build_cases(students, seed=seed, today=dt.date(2026, 12, 7))
    for number, case in enumerate(cases, start=1):
        case.id = number
    return cases


def _events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def _forbidden(case) -> list[str]:
    s = case.student
    words = [s.full_name, s.last_name, s.school, *(g.name for g in s.guardians)]
    if s.personal_id:
        words += [s.personal_id, s.personal_id.replace("-", ""), s.personal_id[2:]]
    return [w for w in words if w and len(w) > 2]


def test_every_demo_meeting_opens_and_holds_no_name_school_or_personnummer():
    cases = _stored_demo_cases()
    with_booster = [c for c in cases if c.booster is not None]
    assert len(with_booster) > 10
    for case in cases:
        meetings = meetings_of(case)
        if not meetings:
            continue
        data = meeting_ics(meetings)
        text = data.decode("utf-8")
        unfolded = text.replace("\r\n ", "")
        for word in _forbidden(case):
            assert word not in unfolded, (case.id, word)
            # as a word, any case ("Holm" is a surname and the end of "Europe/Stockholm")
            assert not re.search(rf"\b{re.escape(word)}\b", unfolded, re.IGNORECASE), (case.id, word)
        events = _events(data)
        assert len(events) == len(meetings)
        for event, meeting in zip(events, meetings):
            assert f"(ärende {case.id})" in str(event["SUMMARY"])
            assert str(event["SUMMARY"]).startswith(meeting.kind.title)
            if not case.student.protected_identity:
                assert initials(case.student) in str(event["SUMMARY"])


def test_a_timed_meeting_is_an_hour_in_stockholm_time_with_its_place():
    case = next(c for c in _stored_demo_cases() if c.booster is not None)
    case.student.protected_identity = False
    case.booster.start_time, case.booster.place = dt.time(14, 30), "Skolans bibliotek, grupprum 2"
    (event,) = _events(meeting_ics([booster_meeting(case)]))
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == dt.datetime.combine(case.booster.planned_on, dt.time(14, 30), tzinfo=ZoneInfo("Europe/Stockholm"))
    assert end - start == dt.timedelta(hours=1)
    assert str(event["LOCATION"]) == "Skolans bibliotek, grupprum 2"
    assert str(event["CLASS"]) == "PRIVATE"
    calendar = Calendar.from_ical(meeting_ics([booster_meeting(case)]))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


def test_a_meeting_without_a_time_is_a_whole_day():
    case = next(c for c in _stored_demo_cases() if c.booster is not None)
    case.booster.start_time = None
    (event,) = _events(meeting_ics([booster_meeting(case)]))
    assert event.decoded("DTSTART") == case.booster.planned_on
    assert event.decoded("DTEND") == case.booster.planned_on + dt.timedelta(days=1)


def test_a_protected_students_meeting_has_no_initials_and_no_place():
    case = next(c for c in _stored_demo_cases() if c.booster is not None)
    case.student.protected_identity = True
    case.booster.place = "Hemma hos familjen"
    (event,) = _events(meeting_ics([booster_meeting(case)]))
    assert str(event["SUMMARY"]) == f"Boosterträff (ärende {case.id})"
    assert "LOCATION" not in event and "Hemma" not in meeting_ics([booster_meeting(case)]).decode()


def test_the_uid_is_stable_so_a_second_export_updates_the_event():
    case = next(c for c in _stored_demo_cases() if follow_up_meeting(c) is not None)
    first = follow_up_meeting(case)
    case.current_plan.follow_up_on += dt.timedelta(days=7)
    case.revision += 1
    moved = follow_up_meeting(case)
    assert moved.uid == first.uid and moved.sequence > first.sequence
    (a,), (b,) = _events(meeting_ics([first])), _events(meeting_ics([moved]))
    assert str(a["UID"]) == str(b["UID"])
    assert suggested_file_name(first) == f"uppfoljning-arende-{case.id}.ics"


def test_the_next_round_is_a_new_event():
    from sst_desk.workflow.entities import FollowUp

    case = next(c for c in _stored_demo_cases() if follow_up_meeting(c) is not None)
    before = follow_up_meeting(case).uid
    case.follow_ups.append(FollowUp(held_on=case.current_plan.follow_up_on, plan_version=case.current_plan.version))
    assert follow_up_meeting(case).uid != before


def test_no_meeting_no_file():
    with pytest.raises(ValueError):
        meeting_ics([])
    case = _stored_demo_cases(5)[0]
    case.id = None
    assert meetings_of(case) == []
    assert MeetingKind.BOOSTER.title == "Boosterträff"
