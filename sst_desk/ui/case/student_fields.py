"""The student and aktualisering fields shared by the "new case" dialog and the first stage page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from sst_desk.workflow.codes import Gender, RaisedBy
from sst_desk.workflow.entities import Case
from sst_desk.workflow.identity import normalise_personal_id
from sst_desk.workflow.problems import Finding
from sst_desk.workflow.validation import validate_case
from sst_desk.ui.case.forms import Field, Form, Kind
from sst_desk.ui.common.labels import choices, grade_choices
from sst_desk.ui.common.messages import field_messages, message

CONTEXT = "StudentFields"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def student_fields() -> list[Field]:
    return [
        Field("student.first_name", _t("First name")),
        Field("student.last_name", _t("Last name")),
        Field("student.personal_id", _t("Personal identity number"), placeholder=_t("YYYYMMDD-NNNN – leave empty if none yet"),
              help=_t("Personal identity or coordination number, 10 or 12 digits. Leave empty if the student has none yet.")),
        Field("student.school", _t("School")),
        Field("student.grade", _t("School year"), Kind.CHOICE, grade_choices()),
        Field("student.gender", _t("Gender"), Kind.CHOICE, choices(Gender),
              help=_t("Used only for the gender-disaggregated statistics.")),
        Field("student.protected_identity", _t("Protected personal data"), Kind.BOOL,
              help=_t("The student has protected identity: address and school are left out of prints.")),
    ]


def raising_fields() -> list[Field]:
    return [
        Field("raised_on", _t("Date raised"), Kind.DATE),
        Field("raised_by", _t("Raised by"), Kind.CHOICE, choices(RaisedBy)),
        Field("raised_by_name", _t("Name of who raised it")),
        Field("reason", _t("Reason"), Kind.MULTILINE, placeholder=_t("Why is the student brought to the team?")),
    ]


def store_and_validate(form: Form, case: Case, today: dt.date) -> dict[str, str]:
    """Write the form into ``case`` and return field messages (empty when the case may be saved)."""
    raw_id = form.values()[0].get("student.personal_id", None)
    errors = form.store(case, skip=lambda name: name == "student.personal_id")
    if raw_id is not None:
        normalised, problem = normalise_personal_id(str(raw_id), today)
        if problem is not None:
            errors["student.personal_id"] = message(Finding(problem))
        else:
            case.student.personal_id = normalised
    findings = validate_case(case, today)
    student_fields_names = {"first_name", "last_name", "school", "grade"}
    for name, text in field_messages([f for f in findings if f.field in student_fields_names], "student.").items():
        errors.setdefault(name, text)
    for name, text in field_messages([f for f in findings if f.field not in student_fields_names]).items():
        errors.setdefault(name, text)
    return errors
