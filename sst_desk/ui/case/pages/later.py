"""The later stages: genomförande (contact log), uppföljning, avslut, vidmakthållande; and the history."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from sst_desk.workflow.codes import Behorighet, ClosingReason, ContactKind, Rating, Stage
from sst_desk.workflow.process import asks_gymnasiebehorighet
from sst_desk.workflow.editing import change_blocked, proposed_booster
from sst_desk.workflow.entities import Case, ContactEntry, FollowUp, GoalRating
from sst_desk.workflow.validation import validate_contact, validate_follow_up
from sst_desk.reports.ics import MeetingKind
from sst_desk.ui.case.calendar_export import add_calendar_button
from sst_desk.ui.common.dialogs import edit_record
from sst_desk.ui.case.forms import Field, Kind, elided, number_text
from sst_desk.ui.common.labels import choices, label
from sst_desk.ui.common.listeditor import Column, ListEditor
from sst_desk.ui.case.pages.base import StagePage, iso_date



class GenomforandePage(StagePage):
    """The contact log: every contact with student and guardians while the plan is carried out."""

    stage = Stage.GENOMFORANDE

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.contacts = ListEditor(
            self.tr("Contact log"),
            [Column(self.tr("Date"), lambda c: iso_date(c.on)), Column(self.tr("Kind"), lambda c: label(c.kind)),
             Column(self.tr("Who took part"), lambda c: c.participants, True),
             Column(self.tr("What was done"), lambda c: c.summary, True), Column(self.tr("Written by"), lambda c: c.author)],
            add=self._add, edit=self._edit, remove=None,
            add_text=self.tr("Add contact"), edit_text=self.tr("Edit contact"),
            empty_text=self.tr("No contact logged yet."), parent=self.content)
        self.add_list(self.contacts)
        self.add_student_view()

    def refresh(self) -> None:
        self.contacts.set_items(sorted(self.case.contacts, key=lambda c: c.on, reverse=True) if self.case else [])

    def _fields(self) -> list[Field]:
        return [
            Field("on", self.tr("Date"), Kind.DATE),
            Field("kind", self.tr("Kind"), Kind.CHOICE, choices(ContactKind)),
            Field("participants", self.tr("Who took part")),
            Field("summary", self.tr("What was done"), Kind.MULTILINE, lines=4),
        ]

    def _validate(self, entry) -> list:
        return validate_contact(entry, self.today())

    def _add(self) -> bool:
        entry = ContactEntry(on=self.today(), kind=ContactKind.MOTE, participants="", summary="",
                             author=self.context.user)
        if edit_record(self, self.tr("Add contact"), self._fields(), entry, self._validate):
            self.case.contacts.append(entry)
            return True
        return False

    def _edit(self, entry: ContactEntry) -> bool:
        return edit_record(self, self.tr("Edit contact"), self._fields(), entry, self._validate)


class UppfoljningPage(StagePage):
    """Follow-ups: each goal of the plan rated; and the next follow-up date for a new round."""

    stage = Stage.UPPFOLJNING

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.follow_ups = ListEditor(
            self.tr("Follow-ups"),
            [Column(self.tr("Date"), lambda f: iso_date(f.held_on)),
             Column(self.tr("Plan version"), lambda f: str(f.plan_version)),
             Column(self.tr("Ratings"), self._ratings_text, True),
             Column(self.tr("Absence (%)"), lambda f: "" if f.absence_percent is None else number_text(f.absence_percent)),
             Column(self.tr("Conclusion"), lambda f: f.summary, True)],
            add=self._add, edit=self._edit, remove=None,
            add_text=self.tr("Record follow-up"), edit_text=self.tr("Edit follow-up"),
            empty_text=self.tr("No follow-up recorded yet."), parent=self.content)
        self.add_list(self.follow_ups)
        self.heading(self.tr("Next round"))
        self.add_form([Field("follow_up_on", self.tr("Next follow-up date"), Kind.DATE,
                             help=self.tr("Needed to continue with the same plan.")),
                       Field("follow_up_time", self.tr("Follow-up time"), Kind.TIME),
                       Field("follow_up_place", self.tr("Follow-up place"),
                             placeholder=self.tr("For example: the school's meeting room"))],
                      lambda case: case.current_plan)
        add_calendar_button(self, MeetingKind.UPPFOLJNING)
        self.add_student_view()

    def _ratings_text(self, follow_up: FollowUp) -> str:
        return "; ".join(f"{r.goal.description}: {label(r.rating)}" for r in follow_up.ratings)

    def refresh(self) -> None:
        self.follow_ups.set_items(self.case.follow_ups if self.case else [])

    def _fields(self, follow_up: FollowUp) -> list[Field]:
        plan = self.case.current_plan
        fields = [Field("held_on", self.tr("Date of the follow-up"), Kind.DATE)]
        rating_choices = choices(Rating, empty=self.tr("— rate —"))
        for goal in (plan.goals if plan else []):
            def get_rating(f, g=goal):
                return next((r.rating for r in f.ratings if r.goal is g), None)

            def set_rating(f, value, g=goal):
                old = next((r for r in f.ratings if r.goal is g), None)
                others = [r for r in f.ratings if r.goal is not g]
                f.ratings = others + ([GoalRating(goal=g, rating=value, comment=old.comment if old else "")]
                                      if value is not None else [])

            def get_comment(f, g=goal):
                return next((r.comment for r in f.ratings if r.goal is g), "")

            def set_comment(f, value, g=goal):
                f.ratings = [GoalRating(goal=r.goal, rating=r.rating, comment=value) if r.goal is g else r
                             for r in f.ratings]

            fields.append(Field(f"rating_{id(goal)}", elided(goal.description, 120), Kind.CHOICE, rating_choices,
                                getter=get_rating, setter=set_rating))
            fields.append(Field(f"comment_{id(goal)}", self.tr("Comment on \u201c%1\u201d").replace("%1", elided(goal.description, 60)),
                                getter=get_comment, setter=set_comment))
        fields += [
            Field("absence_percent", self.tr("Absence now (%)"), Kind.NUMBER),
            Field("summary", self.tr("Conclusion: what changes next"), Kind.MULTILINE, lines=3),
        ]
        return fields

    def _validate(self, follow_up) -> list:
        found = validate_follow_up(follow_up, self.case.current_plan, self.today())
        # an unrated goal is reported under that goal's rating field
        from sst_desk.workflow.problems import Finding

        plan = self.case.current_plan
        by_description = {g.description: g for g in (plan.goals if plan else [])}
        return [Finding(f.problem, f.detail, f"rating_{id(by_description[f.detail])}")
                if f.field == "ratings" and f.detail in by_description else f for f in found]

    def _add(self) -> bool:
        plan = self.case.current_plan
        follow_up = FollowUp(held_on=self.today(), plan_version=plan.version if plan else 1)
        if edit_record(self, self.tr("Record follow-up"), self._fields(follow_up), follow_up, self._validate):
            self.case.follow_ups.append(follow_up)
            return True
        return False

    def _edit(self, follow_up: FollowUp) -> bool:
        if self.refused(self.tr("Edit follow-up"), change_blocked(self.case, follow_up)):
            return False
        return edit_record(self, self.tr("Edit follow-up"), self._fields(follow_up), follow_up, self._validate)


class AvslutPage(StagePage):
    """Why and when the case was closed, and the proposed boosterträff."""

    stage = Stage.AVSLUTAD

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.closed_label = QLabel(self.content)
        self.body.addWidget(self.closed_label)
        self.add_form([
            Field("closing_reason", self.tr("Reason for closing"), Kind.CHOICE,
                  choices(ClosingReason, empty=self.tr("— choose —"))),
            Field("closing_note", self.tr("Closing note"), Kind.MULTILINE, lines=3),
        ])
        # Årskurs 9 only (workflow.process.asks_gymnasiebehorighet): hidden, and not asked, for other grades.
        self.behorighet_form = self.add_form([
            Field("gymnasiebehorighet", self.tr("Eligibility for upper secondary school"), Kind.CHOICE,
                  choices(Behorighet, empty=self.tr("— not recorded —"))),
        ])
        self.heading(self.tr("Booster session"))
        self.booster_form = self.add_form([
            Field("planned_on", self.tr("Booster session date"), Kind.DATE),
            Field("start_time", self.tr("Booster session time"), Kind.TIME),
            Field("place", self.tr("Booster session place"),
                  placeholder=self.tr("For example: the school's meeting room")),
        ], lambda case: case.booster)
        self.calendar_button = add_calendar_button(self, MeetingKind.BOOSTER)
        self.book_button = QPushButton(self.tr("Propose a booster session"), self.content)
        self.book_button.setAccessibleName(self.tr("Propose a booster session"))
        self.book_button.clicked.connect(self._propose_booster)
        self.body.addWidget(self.book_button)
        self.add_student_view()

    def load(self, case: Case) -> None:
        super().load(case)
        self._show_closing(case)

    def take_in(self, case: Case) -> None:
        super().take_in(case)
        self._show_closing(case)

    def _show_closing(self, case: Case) -> None:
        self.closed_label.setText(self.tr("Closed on %1").replace("%1", iso_date(case.closed_on)) if case.closed_on else "")
        self.book_button.setVisible(proposed_booster(case, self.context.booster_months) is not None)
        self.calendar_button.setVisible(case.booster is not None)
        self.behorighet_form.setVisible(asks_gymnasiebehorighet(case))

    def _propose_booster(self) -> None:
        proposal = proposed_booster(self.case, self.context.booster_months)
        if proposal is None:
            return
        self.store(self.case)  # keep what was typed on this page: load() below refills every field
        self.case.boosters.append(proposal)
        self.load(self.case)
        self.sig_changed.emit()


class VidmakthallandePage(StagePage):
    """The boosterträff: when, whether it took place, and notes."""

    stage = Stage.VIDMAKTHALLANDE

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        held = [(None, self.tr("Not yet")), (True, self.tr("Took place")), (False, self.tr("Did not take place"))]
        self.add_form([
            Field("planned_on", self.tr("Booster session date"), Kind.DATE),
            Field("start_time", self.tr("Booster session time"), Kind.TIME),
            Field("place", self.tr("Booster session place"),
                  placeholder=self.tr("For example: the school's meeting room")),
            Field("held", self.tr("Outcome"), Kind.CHOICE, held),
            Field("held_on", self.tr("Held on"), Kind.DATE),
            Field("notes", self.tr("Notes from the booster session"), Kind.MULTILINE, lines=4),
        ], lambda case: case.booster)
        add_calendar_button(self, MeetingKind.BOOSTER)
        self.add_student_view()


class HistoryPage(StagePage):
    """Every step of the case: who, when, from, to, and the comment; and every printout of it."""

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.printed = None  # ui.printed_list.PrintedList, made when a stored case is shown
        self.transitions = ListEditor(
            self.tr("History"),
            [Column(self.tr("When"), lambda t: t.at.astimezone().strftime("%Y-%m-%d %H:%M")),
             Column(self.tr("From"), lambda t: label(t.from_stage)), Column(self.tr("To"), lambda t: label(t.to_stage)),
             Column(self.tr("By"), lambda t: t.by), Column(self.tr("Comment"), lambda t: t.comment, True)],
            empty_text=self.tr("No step taken yet."), parent=self.content)
        self.body.addWidget(self.transitions)

    def take_in(self, case: Case) -> None:
        super().take_in(case)
        self.transitions.set_items(sorted(case.transitions, key=lambda t: t.at, reverse=True))

    def load(self, case: Case) -> None:
        super().load(case)
        self.transitions.set_items(sorted(case.transitions, key=lambda t: t.at, reverse=True))
        if self.printed is None and case.id is not None and getattr(self.context.db, "actor", None) is not None:
            from sst_desk.ui.printing.printed_list import PrintedList

            self.printed = PrintedList(self.context, case.id, self.content, load=False)
            self.body.addWidget(self.printed)

    def showEvent(self, event) -> None:  # noqa: N802 - read (and log reading) the printouts only when looked at
        super().showEvent(event)
        if self.printed is not None:
            self.printed.reload()
