"""Calendar files (issue 15): a boosterträff or an uppföljning as an ``.ics`` the worker opens in Outlook.

Plain data in, bytes out (no Qt, no database), written with the ``icalendar`` package (RFC 5545: line folding,
escaping, the VTIMEZONE). What goes in and what never does is docs/calendar.md; in short, **a calendar is not
a secure place** — it is synced to phones and servers, shared with colleagues, shown on a lock screen — so an
event names the meeting, the student's INITIALS and the case number, and nothing else about the student:

* SUMMARY ``"Boosterträff – A.B. (ärende 12)"`` / ``"Uppföljning – A.B. (ärende 12)"``; for a student with
  protected identity not even the initials (``"Boosterträff (ärende 12)"``);
* DTSTART/DTEND in Europe/Stockholm with its VTIMEZONE, one hour by default; a meeting without a time is a
  whole-day event on its date;
* LOCATION the place as the worker wrote it — except for a protected student, whose meeting place can tell
  where they are: then no location (the description says to look in SST Desk);
* DESCRIPTION one neutral line; CLASS:PRIVATE, so a calendar shared with colleagues shows only "busy";
* a stable UID per meeting (the case number, which booster, which plan version and round), and SEQUENCE the
  case's revision: exporting the same meeting again after a change UPDATES the event in Outlook instead of
  adding a second one, while the next round's uppföljning is a new event.

Never: the full name, the personnummer, the school, a guardian, the reason, any text from the case file.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from sst_desk.workflow.entities import Case, Student

ZONE = "Europe/Stockholm"
DEFAULT_LENGTH = dt.timedelta(hours=1)
PRODID = "-//SST Desk//Kalenderfil//SV"
UID_DOMAIN = "sst-desk.invalid"  # a UID needs a right-hand side; .invalid says it is no real host
DESCRIPTION = "Möte inom det skolsociala teamet. Uppgifterna om eleven finns i SST Desk, ärende {case}."
PROTECTED_PLACE = " Platsen står i ärendet i SST Desk."


class MeetingKind(str, enum.Enum):
    BOOSTER = "boostertraff"
    UPPFOLJNING = "uppfoljning"

    @property
    def title(self) -> str:
        return {MeetingKind.BOOSTER: "Boosterträff", MeetingKind.UPPFOLJNING: "Uppföljning"}[self]


@dataclass(frozen=True)
class Meeting:
    """One meeting as a calendar sees it: never more about the student than ``initials``."""

    kind: MeetingKind
    case_number: int
    day: dt.date
    start: dt.time | None  # None: a whole-day event
    place: str
    initials: str  # "" for a protected student
    protected: bool
    uid: str
    sequence: int = 0


def initials(student: Student) -> str:
    """"Alva Maria Åström-Berg" → "A.Å."; the first letter of the first given name and of the surname."""
    first = student.first_name.strip()[:1]
    last = student.last_name.strip()[:1]
    return "".join(f"{letter.upper()}." for letter in (first, last) if letter)


def booster_meeting(case: Case) -> Meeting | None:
    """The case's booked boosterträff (the latest), or None when there is none or the case is not stored."""
    booster = case.booster
    if booster is None or case.id is None or booster.planned_on is None:
        return None
    number = len(case.boosters)
    return _meeting(case, MeetingKind.BOOSTER, booster.planned_on, booster.start_time, booster.place,
                    f"case{case.id}-booster{number}")


def follow_up_meeting(case: Case) -> Meeting | None:
    """The plan's next uppföljning, or None (no date, a closed case, or a case not stored).

    Its UID names the plan version and the round (how many uppföljningar that version has had): moving the
    date updates the same event; the next round is a new one.
    """
    plan = case.current_plan
    if plan is None or plan.follow_up_on is None or case.closed_on is not None or case.id is None:
        return None
    held = sum(1 for f in case.follow_ups if f.plan_version == plan.version)
    return _meeting(case, MeetingKind.UPPFOLJNING, plan.follow_up_on, plan.follow_up_time, plan.follow_up_place,
                    f"case{case.id}-plan{plan.version}-uppfoljning{held + 1}")


def meetings_of(case: Case) -> list[Meeting]:
    """Every meeting of ``case`` a calendar file can hold (the next uppföljning, the boosterträff)."""
    return [m for m in (follow_up_meeting(case), booster_meeting(case)) if m is not None]


def _meeting(case: Case, kind: MeetingKind, day: dt.date, start: dt.time | None, place: str, key: str) -> Meeting:
    protected = case.student.protected_identity
    return Meeting(kind=kind, case_number=int(case.id or 0), day=day, start=start, place=" ".join(place.split()),
                   initials="" if protected else initials(case.student), protected=protected,
                   uid=f"{key}@{UID_DOMAIN}", sequence=max(0, case.revision - 1))


def summary(meeting: Meeting) -> str:
    who = f" – {meeting.initials}" if meeting.initials else ""
    return f"{meeting.kind.title}{who} (ärende {meeting.case_number})"


def meeting_ics(meetings: Iterable[Meeting], *, length: dt.timedelta = DEFAULT_LENGTH,
                now: dt.datetime | None = None) -> bytes:
    """A calendar file holding one VEVENT per meeting (``ValueError`` for none)."""
    chosen: Sequence[Meeting] = list(meetings)
    if not chosen:
        raise ValueError("a calendar file needs at least one meeting")
    zone = ZoneInfo(ZONE)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")  # Outlook: an event to put in the calendar, not an invitation to answer
    for meeting in chosen:
        event = Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", meeting.sequence)
        event.add("summary", summary(meeting))
        if meeting.start is None:
            event.add("dtstart", meeting.day)  # VALUE=DATE: the whole day
            event.add("dtend", meeting.day + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(meeting.day, meeting.start, tzinfo=zone)
            event.add("dtstart", start)
            event.add("dtend", start + length)
        description = DESCRIPTION.format(case=meeting.case_number)
        if meeting.protected:
            if meeting.place:
                description += PROTECTED_PLACE
        elif meeting.place:
            event.add("location", meeting.place)
        event.add("description", description)
        event.add("class", "PRIVATE")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    # The VTIMEZONE covers the meetings' years only: icalendar writes each change of summer time as a date, and
    # the default span (1970–2038) made a file of 70 such lines for one meeting.
    days = [m.day for m in chosen]
    calendar.add_missing_timezones(first_date=dt.date(min(days).year - 1, 1, 1),
                                   last_date=dt.date(max(days).year + 2, 1, 1))
    return calendar.to_ical()


def suggested_file_name(meeting: Meeting) -> str:
    """"boostertraff-arende-12.ics": no name in a file name either (it shows in mail and file lists)."""
    return f"{meeting.kind.value}-arende-{meeting.case_number}.ics"
