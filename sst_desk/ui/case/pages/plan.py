"""Planering: the handlingsplan (goals, insatser, follow-up date), its versions, and referrals."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton

from sst_desk.workflow.codes import Authority, GoalArea, PlanStatus, ReferralKind, Stage
from sst_desk.workflow.editing import change_blocked, plan_editable, removal_blocked, remove
from sst_desk.workflow.entities import Case, Goal, Handlingsplan, Insats, Referral
from sst_desk.workflow.process import plan_warnings
from sst_desk.workflow.validation import validate_goal, validate_insats, validate_referral
from sst_desk.reports.ics import MeetingKind
from sst_desk.ui.case.calendar_export import add_calendar_button
from sst_desk.ui.common.dialogs import RecordDialog, edit_record
from sst_desk.ui.case.forms import Field, Kind, elided
from sst_desk.ui.common.labels import choices, label
from sst_desk.ui.common.listeditor import Column, ListEditor
from sst_desk.ui.common.messages import message
from sst_desk.ui.case.pages.base import StagePage, iso_date



class PlaneringPage(StagePage):
    """The current handlingsplan, editable; older versions viewable read-only."""

    stage = Stage.PLANERING

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.shown_plan: Handlingsplan | None = None
        top = QHBoxLayout()
        self.version_label = QLabel(self.content)
        self.version_box = QComboBox(self.content)
        self.version_box.setAccessibleName(self.tr("Plan version"))
        self.version_box.currentIndexChanged.connect(self._version_chosen)
        caption = QLabel(self.tr("Plan version"), self.content)
        caption.setBuddy(self.version_box)
        self.print_button = QPushButton(self.tr("Print action plan…"), self.content)
        self.print_button.setAccessibleName(self.tr("Print action plan…"))
        top.addWidget(self.version_label, 1)
        top.addWidget(caption)
        top.addWidget(self.version_box)
        top.addWidget(self.print_button)
        self.body.addLayout(top)
        self.warning = QLabel(self.content)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 6px;")
        self.warning.hide()
        self.body.addWidget(self.warning)

        self.goals = ListEditor(
            self.tr("Goals"),
            [Column(self.tr("Goal"), lambda g: g.description, True), Column(self.tr("Area"), lambda g: label(g.area)),
             Column(self.tr("Measured by"), lambda g: g.measure, True),
             Column(self.tr("Baseline"), lambda g: g.baseline), Column(self.tr("Target"), lambda g: g.target)],
            add=self._add_goal, edit=self._edit_goal, remove=self._remove_goal,
            add_text=self.tr("Add goal"), edit_text=self.tr("Edit goal"), remove_text=self.tr("Remove goal"),
            empty_text=self.tr("No goal yet. Every plan needs at least one."), parent=self.content)
        self.insatser = ListEditor(
            self.tr("Interventions"),
            [Column(self.tr("Intervention"), lambda i: i.name, True),
             Column(self.tr("Responsible authority"), lambda i: label(i.responsible_authority)),
             Column(self.tr("Responsible person"), lambda i: i.responsible_person),
             Column(self.tr("Start"), lambda i: iso_date(i.start_on)), Column(self.tr("End"), lambda i: iso_date(i.end_on)),
             Column(self.tr("Serves goal"), lambda i: i.goal.description if i.goal else "", True)],
            add=self._add_insats, edit=self._edit_insats, remove=self._remove_insats,
            add_text=self.tr("Add intervention"), edit_text=self.tr("Edit intervention"),
            remove_text=self.tr("Remove intervention"),
            empty_text=self.tr("No intervention yet. Every plan needs at least one."), parent=self.content)
        for editor in (self.goals, self.insatser):
            self.add_list(editor)
        self.plan_form = self.add_form([
            Field("follow_up_on", self.tr("Follow-up date"), Kind.DATE),
            Field("follow_up_time", self.tr("Follow-up time"), Kind.TIME),
            Field("follow_up_place", self.tr("Follow-up place"),
                  placeholder=self.tr("For example: the school's meeting room")),
            Field("guardians_view", self.tr("The guardians' view of the plan"), Kind.MULTILINE),
        ], lambda case: self.shown_plan if self.shown_plan is not None else case.current_plan)
        add_calendar_button(self, MeetingKind.UPPFOLJNING)
        self.referrals = ListEditor(
            self.tr("Referrals, reports and SIP"),
            [Column(self.tr("Kind"), lambda r: label(r.kind)), Column(self.tr("Date"), lambda r: iso_date(r.made_on)),
             Column(self.tr("To"), lambda r: r.to_whom, True), Column(self.tr("Note"), lambda r: r.note, True)],
            add=self._add_referral, edit=self._edit_referral, remove=self._remove_referral,
            add_text=self.tr("Add referral"), edit_text=self.tr("Edit referral"),
            remove_text=self.tr("Remove referral"), parent=self.content)
        self.add_list(self.referrals)
        self.add_student_view()

    # --- loading --------------------------------------------------------------

    def load(self, case: Case) -> None:
        self.shown_plan = case.current_plan
        self._show_versions(case)
        super().load(case)

    def take_in(self, case: Case) -> None:
        """As ``load`` for a merged newer copy, keeping the version shown (by its number) when it is still there."""
        shown = self.shown_plan.version if self.shown_plan is not None else None
        self.shown_plan = next((p for p in case.plans if p.version == shown), None) or case.current_plan
        self._show_versions(case)
        super().take_in(case)

    def _show_versions(self, case: Case) -> None:
        self.version_box.blockSignals(True)
        self.version_box.clear()
        self._versions = sorted(case.plans, key=lambda p: -p.version)
        for plan in self._versions:
            text = self.tr("Version %1").replace("%1", str(plan.version))
            if plan.status is PlanStatus.SUPERSEDED:
                text += " " + self.tr("(earlier)")
            self.version_box.addItem(text)
        if self.shown_plan in self._versions:
            self.version_box.setCurrentIndex(self._versions.index(self.shown_plan))
        self.version_box.blockSignals(False)

    def _version_chosen(self, index: int) -> None:
        self.shown_plan = self._versions[index] if 0 <= index < len(self._versions) else None
        if self.shown_plan is not None:
            self.plan_form.load(self.shown_plan)  # an unsaved edit of the date was stored before switching
        self.refresh()

    def refresh(self) -> None:
        plan = self.shown_plan
        editable = plan_editable(plan)
        if plan is None:
            self.version_label.setText(self.tr("The action plan is made when the assessment is done."))
        else:
            text = self.tr("Action plan, version %1, made %2").replace("%1", str(plan.version))
            self.version_label.setText(text.replace("%2", iso_date(plan.created_on)))
        self.goals.set_items(plan.goals if plan else [])
        self.insatser.set_items(plan.insatser if plan else [])
        for editor in (self.goals, self.insatser):
            for button in editor.buttons.values():
                button.setEnabled(editable)
        self.plan_form.setEnabled(editable)
        self.print_button.setEnabled(plan is not None)
        self.referrals.set_items(self.case.referrals if self.case else [])
        warnings = plan_warnings(plan) if editable else []
        self.warning.setVisible(bool(warnings))
        self.warning.setText("\n".join(message(w) for w in warnings))

    # --- goals ----------------------------------------------------------------

    def _goal_fields(self) -> list[Field]:
        return [
            Field("description", self.tr("Goal")),
            Field("area", self.tr("Area"), Kind.CHOICE, choices(GoalArea)),
            Field("measure", self.tr("Measured by"), placeholder=self.tr("e.g. attendance in the school's system")),
            Field("baseline", self.tr("Baseline"), placeholder=self.tr("e.g. 40 % absence")),
            Field("target", self.tr("Target"), placeholder=self.tr("e.g. under 15 % absence")),
            Field("target_absence_percent", self.tr("Target absence (%)"), Kind.NUMBER,
                  placeholder=self.tr("e.g. 15"),
                  help=self.tr("For an attendance goal: drawn as the goal's line on the school line (0–100).")),
        ]

    def _add_goal(self) -> bool:
        goal = Goal(description="")
        if edit_record(self, self.tr("Add goal"), self._goal_fields(), goal, validate_goal):
            self.shown_plan.goals.append(goal)
            return True
        return False

    def _edit_goal(self, goal: Goal) -> bool:
        if self.refused(self.tr("Edit goal"), change_blocked(self.case, goal)):
            return False
        return edit_record(self, self.tr("Edit goal"), self._goal_fields(), goal, validate_goal)

    def _remove_goal(self, goal: Goal) -> bool:
        if self.refused(self.tr("Remove goal"), removal_blocked(self.case, goal)):
            return False
        answer = QMessageBox.question(self, self.tr("Remove goal"),
                                      self.tr("Remove the goal \u201c%1\u201d?").replace("%1", elided(goal.description)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        remove(self.case, goal)
        return True

    # --- insatser -------------------------------------------------------------

    def _insats_fields(self) -> list[Field]:
        catalogue = [(None, self.tr("Other (write the name below)"))]
        catalogue += [(entry.key, entry.name) for entry in self.context.catalogue]
        goals = [(None, self.tr("No particular goal"))] + [(g, g.description) for g in self.shown_plan.goals]
        return [
            Field("catalogue_key", self.tr("From the catalogue"), Kind.CHOICE, catalogue),
            Field("name", self.tr("Intervention")),
            Field("description", self.tr("Description"), Kind.MULTILINE, lines=2),
            Field("responsible_authority", self.tr("Responsible authority"), Kind.CHOICE,
                  choices(Authority, empty=self.tr("— choose —"))),
            Field("responsible_person", self.tr("Responsible person")),
            Field("start_on", self.tr("Start"), Kind.DATE),
            Field("end_on", self.tr("End"), Kind.DATE),
            Field("goal", self.tr("Serves goal"), Kind.CHOICE, goals),
        ]

    def _insats_dialog(self, title: str, insats: Insats) -> bool:
        dialog = RecordDialog(title, self._insats_fields(), insats, validate_insats, self)
        entries = {entry.key: entry for entry in self.context.catalogue}
        combo = dialog.form.input("catalogue_key")

        def fill_from_catalogue(_index: int) -> None:
            entry = entries.get(dialog.form.values()[0]["catalogue_key"])
            if entry is None:
                return
            names = {e.name for e in entries.values()}
            current = dialog.form.values()[0]
            if not current["name"] or current["name"] in names:
                dialog.form.set_value("name", entry.name)
                dialog.form.set_value("description", entry.description)

        combo.currentIndexChanged.connect(fill_from_catalogue)
        try:
            return dialog.exec() == RecordDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _add_insats(self) -> bool:
        insats = Insats(name="", start_on=self.today())
        if self._insats_dialog(self.tr("Add intervention"), insats):
            self.shown_plan.insatser.append(insats)
            return True
        return False

    def _edit_insats(self, insats: Insats) -> bool:
        if self.refused(self.tr("Edit intervention"), change_blocked(self.case, insats)):
            return False
        return self._insats_dialog(self.tr("Edit intervention"), insats)

    def _remove_insats(self, insats: Insats) -> bool:
        if self.refused(self.tr("Remove intervention"), removal_blocked(self.case, insats)):
            return False
        answer = QMessageBox.question(self, self.tr("Remove intervention"),
                                      self.tr("Remove the intervention \u201c%1\u201d?").replace("%1", elided(insats.name)))
        if answer == QMessageBox.StandardButton.Yes:
            remove(self.case, insats)
            return True
        return False

    # --- referrals ------------------------------------------------------------

    def _referral_fields(self) -> list[Field]:
        return [
            Field("kind", self.tr("Kind"), Kind.CHOICE, choices(ReferralKind)),
            Field("made_on", self.tr("Date"), Kind.DATE),
            Field("to_whom", self.tr("To"), placeholder=self.tr("e.g. the social services' reception")),
            Field("note", self.tr("Note"), Kind.MULTILINE, lines=2),
        ]

    def _validate_referral(self, referral) -> list:
        return validate_referral(referral, self.today())

    def _add_referral(self) -> bool:
        referral = Referral(kind=ReferralKind.HANVISNING, made_on=self.today(), to_whom="")
        if edit_record(self, self.tr("Add referral"), self._referral_fields(), referral, self._validate_referral):
            self.case.referrals.append(referral)
            return True
        return False

    def _edit_referral(self, referral: Referral) -> bool:
        return edit_record(self, self.tr("Edit referral"), self._referral_fields(), referral, self._validate_referral)

    def _remove_referral(self, referral: Referral) -> bool:
        if self.refused(self.tr("Remove referral"), removal_blocked(self.case, referral)):
            return False
        answer = QMessageBox.question(self, self.tr("Remove referral"), self.tr(
            "Remove the referral to %1?").replace("%1", elided(referral.to_whom)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        remove(self.case, referral)
        return True
