"""Inställningar: the team's name on prints, who you are, the language, the boosterträff interval."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..settings import BOOSTER_MONTHS, LANGUAGE, TEAM_NAME, USER_NAME, Settings
from ..workflow.problems import Finding, Problem
from .dialogs import edit_record
from .forms import Field, Kind


def edit_settings(parent: QWidget, settings: Settings) -> bool:
    """Open the dialog; True when the settings were changed (language takes effect at the next start)."""
    values = SimpleNamespace(team_name=settings.get(TEAM_NAME), user_name=settings.get(USER_NAME),
                             language=settings.get(LANGUAGE), booster_months=float(settings.get(BOOSTER_MONTHS)))
    fields = [
        Field("team_name", QCoreApplication.translate("SettingsDialog", "Team name on prints")),
        Field("user_name", QCoreApplication.translate("SettingsDialog", "Your name"),
              help=QCoreApplication.translate("SettingsDialog", "Recorded with every step you take. Empty: your login name.")),
        Field("language", QCoreApplication.translate("SettingsDialog", "Language"), Kind.CHOICE, [("sv", "Svenska"), ("en", "English")],
              help=QCoreApplication.translate("SettingsDialog", "Takes effect the next time SST Desk starts.")),
        Field("booster_months", QCoreApplication.translate("SettingsDialog", "Booster session after closing (months)"), Kind.NUMBER),
    ]

    def validate(answers) -> list[Finding]:
        found = []
        if not (answers.team_name or "").strip():
            found.append(Finding(Problem.REQUIRED, field="team_name"))
        months = answers.booster_months
        if months is None or months != int(months) or not 1 <= months <= 24:
            found.append(Finding(Problem.MONTHS_RANGE, field="booster_months"))
        return found

    if not edit_record(parent, QCoreApplication.translate("SettingsDialog", "Settings"), fields, values, validate):
        return False
    settings.set(TEAM_NAME, values.team_name.strip())
    settings.set(USER_NAME, (values.user_name or "").strip())
    settings.set(LANGUAGE, values.language)
    settings.set(BOOSTER_MONTHS, int(values.booster_months))
    settings.sync()
    return True
