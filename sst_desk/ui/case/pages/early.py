"""The first stages: aktualisering, inskrivning with samtycke, kartläggning."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sst_desk.workflow.codes import (
    Assessment,
    DocumentKind,
    Factor,
    FactorGroup,
    Level,
    Party,
    ProtectiveFactor,
    SchoolMeasure,
    SignerKind,
    Stage,
)
from sst_desk.workflow.editing import change_blocked, removal_blocked, remove
from sst_desk.workflow.entities import Case, Consent, Guardian, KartlaggningDocument
from sst_desk.workflow.status import ConsentStatus, DocumentStatus, consent_status, document_status
from sst_desk.workflow.validation import validate_consent, validate_document, validate_guardian
from sst_desk.ui.common.dialogs import edit_record
from sst_desk.ui.case.forms import Field, Kind, elided, email_problem
from sst_desk.ui.common.labels import choices, label
from sst_desk.ui.common.listeditor import Column, ListEditor
from sst_desk.ui.case.student_fields import raising_fields, store_and_validate, student_fields
from sst_desk.ui.case.pages.base import StagePage, iso_date



class AktualiseringPage(StagePage):
    """Who the student is, who raised the case and why, and the team's decision on the criteria."""

    stage = Stage.AKTUALISERING

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.heading(self.tr("The student"))
        self.student_form = self.add_form(student_fields())
        self.heading(self.tr("Referral to the team"))
        yes_no = [(None, self.tr("Not yet decided")), (True, self.tr("Yes")), (False, self.tr("No"))]
        self.case_form = self.add_form(raising_fields() + [
            Field("absence_percent", self.tr("Absence (%)"), Kind.NUMBER, placeholder=self.tr("e.g. 35")),
            Field("level", self.tr("Level"), Kind.CHOICE, choices(Level)),
            Field("assessment", self.tr("Form of support"), Kind.CHOICE, choices(Assessment)),
            Field("decision_on", self.tr("Date of decision"), Kind.DATE),
            Field("decision_ref", self.tr("Decision reference")),
            Field("school_measures", self.tr("What the school has done"), Kind.MULTI, choices(SchoolMeasure)),
            Field("school_measures_note", self.tr("More about the school's measures"), Kind.MULTILINE, lines=2),
            Field("criteria_met", self.tr("Meets the criteria"), Kind.CHOICE, yes_no,
                  help=self.tr("The team's decision whether the student meets the criteria for its support.")),
            Field("socionom", self.tr("School social worker")),
            Field("school_contact", self.tr("Contact at school")),
        ])
        self.add_student_view()

    def store(self, case: Case) -> dict[str, str]:
        errors: dict[str, str] = {}
        for form, target in self.forms:
            if form is not self.student_form:
                errors.update(form.store(target(case)))
        # the student form last: it normalises the personnummer and validates the whole case
        for name, text in store_and_validate(self.student_form, case, self.today()).items():
            errors.setdefault(name, text)
        return errors


class InskrivningPage(StagePage):
    """The guardians and each person's samtycke."""

    stage = Stage.INSKRIVNING

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        intro = self.heading(self.tr("Guardians and consent"))
        intro.setToolTip(self.tr("The student and every guardian who must consent sign their own consent."))
        self.guardians = ListEditor(
            self.tr("Guardians"),
            [Column(self.tr("Name"), lambda g: g.name, True), Column(self.tr("Relation"), lambda g: g.relation),
             Column(self.tr("Telephone"), lambda g: g.phone), Column(self.tr("Email"), lambda g: g.email),
             Column(self.tr("Must consent"), lambda g: self.tr("Yes") if g.must_consent else self.tr("No")),
             Column(self.tr("Interpreter"), lambda g: g.interpreter_language)],
            add=self._add_guardian, edit=self._edit_guardian, remove=self._remove_guardian,
            add_text=self.tr("Add guardian"), edit_text=self.tr("Edit guardian"),
            remove_text=self.tr("Remove guardian"), empty_text=self.tr("No guardian registered yet."),
            parent=self.content)
        self.add_list(self.guardians)
        self.consents = ListEditor(
            self.tr("Consents"),
            [Column(self.tr("Signed by"), lambda c: c.signer_name, True),
             Column(self.tr("Parties"), lambda c: ", ".join(label(p) for p in c.parties), True),
             Column(self.tr("Given"), lambda c: iso_date(c.given_on)),
             Column(self.tr("Valid until"), lambda c: iso_date(c.valid_until) or self.tr("until further notice")),
             Column(self.tr("Status"), self._consent_status)],
            add=self._add_consent, edit=self._edit_consent, remove=self._withdraw_consent,
            add_text=self.tr("Add consent"), edit_text=self.tr("Edit consent"),
            remove_text=self.tr("Withdraw consent"), empty_text=self.tr("No consent recorded yet."),
            parent=self.content)
        self.add_list(self.consents)
        self.add_student_view()

    def refresh(self) -> None:
        if self.case is not None:
            self.guardians.set_items(self.case.student.guardians)
            self.consents.set_items(self.case.consents)

    def _consent_status(self, consent: Consent) -> str:
        status = consent_status(consent, self.today())
        if status is ConsentStatus.WITHDRAWN:
            return self.tr("Withdrawn %1").replace("%1", iso_date(consent.withdrawn_on))
        return {ConsentStatus.EXPIRED: self.tr("Expired"), ConsentStatus.NOT_YET_IN_FORCE: self.tr("Not yet in force"),
                ConsentStatus.IN_FORCE: self.tr("In force")}[status]

    # --- guardians ----------------------------------------------------------

    def _guardian_fields(self) -> list[Field]:
        return [
            Field("name", self.tr("Name")),
            Field("relation", self.tr("Relation to the student"), placeholder=self.tr("e.g. mother, father")),
            Field("phone", self.tr("Telephone")),
            Field("email", self.tr("Email"), placeholder=self.tr("name@example.se"), check=email_problem),
            Field("address", self.tr("Address"), Kind.MULTILINE, lines=2),
            Field("interpreter_language", self.tr("Interpreter language"),
                  placeholder=self.tr("Leave empty if no interpreter is needed")),
            Field("must_consent", self.tr("Must consent (has custody)"), Kind.BOOL),
        ]

    def _add_guardian(self) -> bool:
        guardian = Guardian(name="")
        if edit_record(self, self.tr("Add guardian"), self._guardian_fields(), guardian, validate_guardian):
            self.case.student.guardians.append(guardian)
            return True
        return False

    def _edit_guardian(self, guardian: Guardian) -> bool:
        return edit_record(self, self.tr("Edit guardian"), self._guardian_fields(), guardian, validate_guardian)

    def _remove_guardian(self, guardian: Guardian) -> bool:
        if self.refused(self.tr("Remove guardian"), removal_blocked(self.case, guardian)):
            return False
        answer = QMessageBox.question(self, self.tr("Remove guardian"),
                                      self.tr("Remove %1 from the student's guardians?").replace("%1", elided(guardian.name)))
        if answer == QMessageBox.StandardButton.Yes:
            remove(self.case, guardian)
            return True
        return False

    # --- consents -------------------------------------------------------------

    def _consent_fields(self) -> list[Field]:
        signers = [(None, self.tr("The student %1").replace("%1", self.case.student.full_name))]
        signers += [(g, g.name) for g in self.case.student.guardians]

        def set_signer(consent, guardian) -> None:
            consent.guardian = guardian
            consent.signer_kind = SignerKind.VARDNADSHAVARE if guardian is not None else SignerKind.ELEV
            consent.signer_name = guardian.name if guardian is not None else self.case.student.full_name

        return [
            Field("guardian", self.tr("Signed by"), Kind.CHOICE, signers,
                  getter=lambda c: c.guardian, setter=set_signer),
            Field("parties", self.tr("May share information"), Kind.MULTI, choices(Party)),
            Field("scope_note", self.tr("What may be shared"), Kind.MULTILINE, lines=2),
            Field("given_on", self.tr("Given on"), Kind.DATE),
            Field("valid_until", self.tr("Valid until"), Kind.DATE,
                  help=self.tr("Leave empty if the consent is not limited in time.")),
        ]

    def _validate_consent(self, consent) -> list:
        return validate_consent(consent, self.case.student, self.today())

    def _add_consent(self) -> bool:
        consent = Consent(signer_kind=SignerKind.ELEV, signer_name=self.case.student.full_name,
                          given_on=self.today(), parties=[Party.SKOLA, Party.SOCIALTJANST])
        if edit_record(self, self.tr("Add consent"), self._consent_fields(), consent, self._validate_consent):
            self.case.consents.append(consent)
            return True
        return False

    def _edit_consent(self, consent: Consent) -> bool:
        return edit_record(self, self.tr("Edit consent"), self._consent_fields(), consent, self._validate_consent)

    def _withdraw_consent(self, consent: Consent) -> bool:
        if self.refused(self.tr("Withdraw consent"), change_blocked(self.case, consent)):
            return False
        fields = [Field("withdrawn_on", self.tr("Withdrawn on"), Kind.DATE),
                  Field("withdrawn_note", self.tr("Note"), Kind.MULTILINE, lines=2)]
        consent.withdrawn_on = consent.withdrawn_on or self.today()
        changed = edit_record(self, self.tr("Withdraw consent"), fields, consent, self._validate_consent)
        if not changed:
            consent.withdrawn_on = None
        return changed


class KartlaggningPage(StagePage):
    """Documents gathered, the four groups of factors, protective factors, the guardians' view, the summary."""

    stage = Stage.KARTLAGGNING

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        # A checklist: every kind of document the seeds name is a line, recorded or not; "Other document"
        # adds one that is not on the list. A line becomes a record when it is first edited.
        self.documents = ListEditor(
            self.tr("Documents"),
            [Column(self.tr("Document"), self._document_name, True),
             Column(self.tr("Status"), self._document_status),
             Column(self.tr("Requested"), lambda d: iso_date(d.requested_on)),
             Column(self.tr("Received"), lambda d: iso_date(d.received_on)),
             Column(self.tr("Note"), lambda d: d.note, True)],
            add=self._add_document, edit=self._edit_document, remove=self._remove_document,
            add_text=self.tr("Add other document"), edit_text=self.tr("Edit document"),
            remove_text=self.tr("Clear document"), parent=self.content)
        self.add_list(self.documents)
        target = lambda case: case.kartlaggning  # noqa: E731
        notes = {FactorGroup.SKOLA: "school_notes", FactorGroup.INDIVID: "individual_notes",
                 FactorGroup.FAMILJ: "family_notes", FactorGroup.YTTERLIGARE: "other_notes"}
        for group, attribute in notes.items():
            self.heading(label(group))
            factors = [(f, label(f)) for f in Factor if f.group is group]
            self.add_form([
                Field(f"factors_{group.value}", label(group), Kind.MULTI, factors,
                      getter=lambda k, g=group: [f for f in k.factors if f.group is g],
                      setter=lambda k, values, g=group: setattr(
                          k, "factors", [f for f in k.factors if f.group is not g] + list(values))),
                Field(attribute, self.tr("Notes on %1").replace("%1", label(group).lower()), Kind.MULTILINE),
            ], target)
        self.heading(self.tr("Protective factors to strengthen"))
        self.add_form([
            Field("protective_factors", self.tr("Protective factors"), Kind.MULTI, choices(ProtectiveFactor)),
            Field("protective_notes", self.tr("Notes on protective factors"), Kind.MULTILINE),
        ], target)
        self.heading(self.tr("Summary"))
        self.add_form([
            Field("guardians_view", self.tr("The guardians' view"), Kind.MULTILINE),
            Field("summary", self.tr("Summary of the assessment"), Kind.MULTILINE, lines=4,
                  help=self.tr("Needed before the planning can start.")),
        ], target)
        self.add_student_view()

    def refresh(self) -> None:
        kartlaggning = self.case.kartlaggning if self.case else None
        recorded = list(kartlaggning.documents) if kartlaggning else []
        kinds = {d.kind for d in recorded}
        unrecorded = [KartlaggningDocument(kind=kind) for kind in DocumentKind if kind not in kinds]
        order = {kind: i for i, kind in enumerate(DocumentKind)}
        lines = sorted(recorded, key=lambda d: order.get(d.kind, len(order))) + unrecorded
        self.documents.set_items(sorted(lines, key=lambda d: (order.get(d.kind, len(order)), d.label)))
        self.documents.setEnabled(kartlaggning is not None)

    def _is_recorded(self, document: KartlaggningDocument) -> bool:
        return any(d is document for d in self.case.kartlaggning.documents)

    def _document_status(self, document: KartlaggningDocument) -> str:
        return {DocumentStatus.RECEIVED: self.tr("Received"), DocumentStatus.REQUESTED: self.tr("Requested"),
                DocumentStatus.NOT_REQUESTED: self.tr("Not requested")}[document_status(document)]

    def _document_name(self, document: KartlaggningDocument) -> str:
        return label(document.kind) if document.kind else document.label

    def _document_fields(self) -> list[Field]:
        return [
            Field("kind", self.tr("Kind of document"), Kind.CHOICE, choices(DocumentKind, empty=self.tr("Other"))),
            Field("label", self.tr("Name, if other")),
            Field("requested_on", self.tr("Requested on"), Kind.DATE),
            Field("received_on", self.tr("Received on"), Kind.DATE),
            Field("note", self.tr("Note"), Kind.MULTILINE, lines=2),
        ]

    def _validate_document(self, document) -> list:
        return validate_document(document)

    def _may_request(self) -> bool:
        """Requesting a document from the other authority needs a valid consent (or a stated legal ground)."""
        from sst_desk.ui.case.consent_gate import consent_gate, may_override_in
        from sst_desk.workflow.consent_rules import ConsentPurpose

        return consent_gate(self, self.context, self.case, ConsentPurpose.GATHER_DOCUMENTS, may_override_in(self))

    def _add_document(self) -> bool:
        if self.case.kartlaggning is None or not self._may_request():
            return False
        document = KartlaggningDocument(requested_on=self.today())
        if edit_record(self, self.tr("Add other document"), self._document_fields(), document,
                       self._validate_document):
            self.case.kartlaggning.documents.append(document)
            return True
        return False

    def _edit_document(self, document: KartlaggningDocument) -> bool:
        if self.case.kartlaggning is None:
            return False
        recorded_unrequested = self._is_recorded(document) and document.requested_on is None
        if not self._is_recorded(document) and document.requested_on is None:
            if not self._may_request():
                return False
            document.requested_on = self.today()  # opening a checklist line is usually asking for it
        changed = edit_record(self, self.tr("Edit document"), self._document_fields(), document,
                              self._validate_document)
        if changed and not self._is_recorded(document):
            self.case.kartlaggning.documents.append(document)
        elif not self._is_recorded(document):
            # Cancelled: nothing was requested. A date left here showed the line as requested, and the
            # next edit skipped the consent check (after a withdrawal typed meanwhile, too).
            document.requested_on = None
        if changed and recorded_unrequested and document.requested_on is not None and not self._may_request():
            document.requested_on = None  # a request date typed into a recorded line needs consent too
        return changed

    def _remove_document(self, document: KartlaggningDocument) -> bool:
        if self.refused(self.tr("Clear document"), removal_blocked(self.case, document)):
            return False
        answer = QMessageBox.question(self, self.tr("Clear document"), self.tr(
            "Clear the dates and note of \u201c%1\u201d?").replace("%1", elided(self._document_name(document))))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        remove(self.case, document)
        return True
