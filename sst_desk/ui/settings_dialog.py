"""Inställningar: the team's name on prints, who you are, the language, the boosterträff interval, backups kept."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ..settings import BACKUPS_TO_KEEP, BOOSTER_MONTHS, LANGUAGE, TEAM_NAME, USER_NAME, Settings
from ..workflow.problems import Finding, Problem
from .dialogs import RecordDialog
from .forms import Field, Kind

MAX_BACKUPS = 100


class SettingsDialog(RecordDialog):
    """The settings form; the number of backups is checked here (it is no workflow rule, so no ``Problem``)."""

    def _accept(self) -> None:
        values, _errors = self.form.values()
        keep = values.get("backups_to_keep")
        if keep is None or keep != int(keep) or not 1 <= keep <= MAX_BACKUPS:
            self.form.show_errors({"backups_to_keep": self.tr("Write a whole number from 1 to 100.")})
            return
        super()._accept()


def edit_settings(parent: QWidget, settings: Settings) -> bool:
    """Open the dialog; True when the settings were changed (language takes effect at the next start)."""
    values = SimpleNamespace(team_name=settings.get(TEAM_NAME), user_name=settings.get(USER_NAME),
                             language=settings.get(LANGUAGE), booster_months=float(settings.get(BOOSTER_MONTHS)),
                             backups_to_keep=float(settings.get(BACKUPS_TO_KEEP)))
    fields = [
        Field("team_name", QCoreApplication.translate("SettingsDialog", "Team name on prints")),
        Field("user_name", QCoreApplication.translate("SettingsDialog", "Your name"),
              help=QCoreApplication.translate("SettingsDialog", "Recorded with every step you take. Empty: your login name.")),
        Field("language", QCoreApplication.translate("SettingsDialog", "Language"), Kind.CHOICE, [("sv", "Svenska"), ("en", "English")],
              help=QCoreApplication.translate("SettingsDialog", "Takes effect the next time SST Desk starts.")),
        Field("booster_months", QCoreApplication.translate("SettingsDialog", "Booster session after closing (months)"), Kind.NUMBER),
        Field("backups_to_keep", QCoreApplication.translate("SettingsDialog", "Automatic backups to keep"), Kind.NUMBER,
              help=QCoreApplication.translate("SettingsDialog", "One is taken each day SST Desk is used, and when it "
                                                                "closes. The oldest beyond this number are deleted.")),
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
    settings.set(USER_NAME, (values.user_name or "").strip())
    settings.set(LANGUAGE, values.language)
    settings.set(BOOSTER_MONTHS, int(values.booster_months))
    settings.set(BACKUPS_TO_KEEP, int(values.backups_to_keep))
    settings.sync()
    return True
