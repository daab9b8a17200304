"""Inställningar: the team's name on prints, the language, the boosterträff interval, backups kept,
the idle lock and how long closed cases are kept before gallring."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ..settings import (
    BACKUPS_TO_KEEP,
    BOOSTER_MONTHS,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    RETENTION_YEARS,
    TEAM_NAME,
    Settings,
)
from ..workflow.problems import Finding, Problem
from .dialogs import RecordDialog
from .forms import Field, Kind

MAX_BACKUPS = 100
MAX_IDLE_MINUTES = 120
MAX_RETENTION_YEARS = 50  # as workflow.retention.MAX_YEARS


def _whole_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, float) and value == int(value) and low <= value <= high


class SettingsDialog(RecordDialog):
    """The settings form; whole-number ranges are checked here (they are no workflow rule, so no ``Problem``)."""

    def _accept(self) -> None:
        values, _errors = self.form.values()
        ranges = {
            "backups_to_keep": (MAX_BACKUPS, self.tr("Write a whole number from 1 to 100.")),
            "idle_lock_minutes": (MAX_IDLE_MINUTES, self.tr("Write a whole number of minutes from 1 to 120.")),
            "retention_years": (MAX_RETENTION_YEARS, self.tr("Write a whole number of years from 1 to 50.")),
        }
        wrong = {name: text for name, (high, text) in ranges.items() if not _whole_in(values.get(name), 1, high)}
        if wrong:
            self.form.show_errors(wrong)
            self.adjustSize()  # room for the messages under the fields
            return
        super()._accept()


def edit_settings(parent: QWidget, settings: Settings) -> bool:
    """Open the dialog; True when the settings were changed (language takes effect at the next start)."""
    values = SimpleNamespace(team_name=settings.get(TEAM_NAME),
                             language=settings.get(LANGUAGE), booster_months=float(settings.get(BOOSTER_MONTHS)),
                             backups_to_keep=float(settings.get(BACKUPS_TO_KEEP)),
                             idle_lock_minutes=float(settings.get(IDLE_LOCK_MINUTES)),
                             retention_years=float(settings.get(RETENTION_YEARS)))
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
    settings.sync()
    return True
