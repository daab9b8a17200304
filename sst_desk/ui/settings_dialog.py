"""Inställningar: the team's name on prints, the language, the boosterträff interval, backups kept,
the idle lock, how long closed cases are kept before gallring, the absence flags' limits, and the document templates (contact
lines, logo, consent text: see docs/reports.md)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ..report_settings import contact_lines
from ..settings import (
    ABSENCE_ALERT_PERCENT,
    ABSENCE_WARN_PERCENT,
    BACKUPS_TO_KEEP,
    BOOSTER_MONTHS,
    CONSENT_TEXT,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    RETENTION_YEARS,
    TEAM_CONTACT,
    TEAM_LOGO,
    TEAM_NAME,
    Settings,
)
from ..workflow.problems import Finding, Problem
from .dialogs import RecordDialog
from .forms import Field, Kind

MAX_BACKUPS = 100
MAX_IDLE_MINUTES = 120
MAX_RETENTION_YEARS = 50  # as workflow.retention.MAX_YEARS
MAX_CONTACT_LINE_CHARS = 80  # what fits beside the logo in the letterhead's small type


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def _whole_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, float) and value == int(value) and low <= value <= high


class SettingsDialog(RecordDialog):
    """The settings form; ranges and document templates are checked here (no workflow rule, so no ``Problem``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._add_logo_button()

    def _add_logo_button(self) -> None:
        """Put a "Choose…" button beside the logo's path (the form has no file kind of its own)."""
        edit = self.form.input("team_logo")
        box = edit.parentWidget().layout()
        row = QWidget(edit.parentWidget())
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        box.removeWidget(edit)
        line.addWidget(edit, 1)
        self.choose_logo = QPushButton(self.tr("Choose…"), row)
        self.choose_logo.setAccessibleName(self.tr("Choose a logo…"))
        self.choose_logo.clicked.connect(self._choose_logo)
        line.addWidget(self.choose_logo)
        box.insertWidget(0, row)
        QWidget.setTabOrder(edit, self.choose_logo)

    def _choose_logo(self) -> None:
        edit = self.form.input("team_logo")
        assert isinstance(edit, QLineEdit)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the logo for documents"), edit.text().strip(),
                                                self.tr("Images (*.png *.jpg *.jpeg)"))
        if chosen:
            edit.setText(chosen)

    def _accept(self) -> None:
        values, _errors = self.form.values()
        ranges = {
            "backups_to_keep": (MAX_BACKUPS, self.tr("Write a whole number from 1 to 100.")),
            "idle_lock_minutes": (MAX_IDLE_MINUTES, self.tr("Write a whole number of minutes from 1 to 120.")),
            "retention_years": (MAX_RETENTION_YEARS, self.tr("Write a whole number of years from 1 to 50.")),
        }
        wrong = {name: text for name, (high, text) in ranges.items() if not _whole_in(values.get(name), 1, high)}
        for name in ("absence_warn_percent", "absence_alert_percent"):
            if not _whole_in(values.get(name), 1, 100):
                wrong[name] = self.tr("Write a whole number of per cent from 1 to 100.")
        if not wrong.keys() & {"absence_warn_percent", "absence_alert_percent"} and \
                values["absence_warn_percent"] >= values["absence_alert_percent"]:  # type: ignore[operator]
            wrong["absence_alert_percent"] = self.tr("The high-absence limit must be above the first limit.")
        wrong.update(self._template_problems(values))
        if wrong:
            self.form.show_errors(wrong)
            self.adjustSize()  # room for the messages under the fields
            return
        super()._accept()

    def _template_problems(self, values: dict[str, object]) -> dict[str, str]:
        from ..reports.base import MAX_CONTACT_LINES
        from ..reports.logo import LogoProblem, logo_problem

        found: dict[str, str] = {}
        lines = contact_lines(str(values.get("team_contact") or ""))
        if len(lines) > MAX_CONTACT_LINES:
            found["team_contact"] = self.tr("Write at most %1 lines; only those fit in the letterhead."
                                            ).replace("%1", str(MAX_CONTACT_LINES))
        elif any(len(line) > MAX_CONTACT_LINE_CHARS for line in lines):
            found["team_contact"] = self.tr("Keep each line to %1 characters or fewer; longer lines are cut off "
                                            "on paper.").replace("%1", str(MAX_CONTACT_LINE_CHARS))
        problem = logo_problem(str(values.get("team_logo") or ""))
        messages = {
            LogoProblem.MISSING: self.tr("There is no file at this path. Choose the logo again."),
            LogoProblem.NOT_IMAGE: self.tr("This file is not a PNG or JPEG image that can be read."),
            LogoProblem.TOO_LARGE: self.tr("The image is larger than 5 MB. Use a smaller version of the logo."),
        }
        if problem is not None:
            found["team_logo"] = messages[problem]
        return found


def edit_settings(parent: QWidget, settings: Settings) -> bool:
    """Open the dialog; True when the settings were changed (language takes effect at the next start)."""
    values = SimpleNamespace(team_name=settings.get(TEAM_NAME),
                             language=settings.get(LANGUAGE), booster_months=float(settings.get(BOOSTER_MONTHS)),
                             backups_to_keep=float(settings.get(BACKUPS_TO_KEEP)),
                             idle_lock_minutes=float(settings.get(IDLE_LOCK_MINUTES)),
                             retention_years=float(settings.get(RETENTION_YEARS)),
                             absence_warn_percent=float(settings.get(ABSENCE_WARN_PERCENT)),
                             absence_alert_percent=float(settings.get(ABSENCE_ALERT_PERCENT)),
                             team_contact=settings.get(TEAM_CONTACT), team_logo=settings.get(TEAM_LOGO),
                             consent_text=settings.get(CONSENT_TEXT))
    fields = [
        Field("team_name", QCoreApplication.translate("SettingsDialog", "Team name on prints")),
        Field("language", QCoreApplication.translate("SettingsDialog", "Language"), Kind.CHOICE, [("sv", "Svenska"), ("en", "English")],
              help=QCoreApplication.translate("SettingsDialog", "Takes effect the next time SST Desk starts.")),
        Field("booster_months", QCoreApplication.translate("SettingsDialog", "Booster session after closing (months)"), Kind.NUMBER),
        Field("backups_to_keep", QCoreApplication.translate("SettingsDialog", "Automatic backups to keep"), Kind.NUMBER,
              help=QCoreApplication.translate("SettingsDialog", "One is taken each day SST Desk is used, and when it "
                                                                "closes. The oldest beyond this number are deleted.")),
        Field("idle_lock_minutes", QCoreApplication.translate("SettingsDialog", "Idle lock (minutes)"), Kind.NUMBER,
              help=QCoreApplication.translate("SettingsDialog", "SST Desk locks itself after this many minutes "
                                                                "without use; your password opens it again.")),
        Field("retention_years", QCoreApplication.translate("SettingsDialog", "Retention (years after avslut)"),
              Kind.NUMBER,
              help=QCoreApplication.translate("SettingsDialog", "A closed case is due for gallring this many whole "
                                                                "years after avslut or its boosterträff, whichever "
                                                                "is later. Follow your authority's "
                                                                "dokumenthanteringsplan.")),
        Field("absence_warn_percent", _t("Flag absence from (% of the term)"), Kind.NUMBER,
              help=_t("A student whose absence this term reaches this share is flagged in the case list and "
                      "on the skollinje.")),
        Field("absence_alert_percent", _t("High absence from (% of the term)"), Kind.NUMBER,
              help=_t("The second, stronger flag. Many teams use over 50 % of a term as a criterion.")),
        *_template_fields(),
    ]

    def validate(answers) -> list[Finding]:
        found = []
        if not (answers.team_name or "").strip():
            found.append(Finding(Problem.REQUIRED, field="team_name"))
        months = answers.booster_months
        if months is None or months != int(months) or not 1 <= months <= 24:
            found.append(Finding(Problem.MONTHS_RANGE, field="booster_months"))
        return found

    dialog = SettingsDialog(QCoreApplication.translate("SettingsDialog", "Settings"), fields, values, validate, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    finally:
        dialog.deleteLater()
    settings.set(TEAM_NAME, values.team_name.strip())
    settings.set(LANGUAGE, values.language)
    settings.set(BOOSTER_MONTHS, int(values.booster_months))
    settings.set(BACKUPS_TO_KEEP, int(values.backups_to_keep))
    settings.set(IDLE_LOCK_MINUTES, int(values.idle_lock_minutes))
    settings.set(RETENTION_YEARS, int(values.retention_years))
    settings.set(ABSENCE_WARN_PERCENT, int(values.absence_warn_percent))
    settings.set(ABSENCE_ALERT_PERCENT, int(values.absence_alert_percent))
    settings.set(TEAM_CONTACT, "\n".join(contact_lines(values.team_contact or "")))
    settings.set(TEAM_LOGO, (values.team_logo or "").strip())
    settings.set(CONSENT_TEXT, (values.consent_text or "").strip())
    settings.sync()
    return True


def _template_fields() -> list[Field]:
    """The document templates: what the team's letterhead says and what its samtycke form explains."""
    from ..reports.samtycke import DEFAULT_TEXT

    return [
        Field("team_contact", _t("Contact lines on documents"), Kind.MULTILINE, lines=3,
              placeholder=_t("Address, phone, e-mail: one per line"),
              help=_t("Printed under the team's name at the top of the first page of every document.")),
        Field("team_logo", _t("Logo on documents"), placeholder=_t("A PNG or JPEG file; empty for none"),
              help=_t("Printed at the top left of the first page of every document.")),
        Field("consent_text", _t("Consent text"), Kind.MULTILINE, lines=4, placeholder=DEFAULT_TEXT,
              help=_t("What the samtycke form says is shared. Leave it empty to print the text shown in grey.")),
    ]
