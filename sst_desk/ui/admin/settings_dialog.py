"""Inställningar, built from the registry (``sst_desk.options``): the team's settings and this computer's.

The team's settings (name, boosterträff interval, retention, absence limits, letterhead, consent text) are
kept in the team's database and saved through ``services.settings.change_team_settings``, off the UI thread
(the dialog waits, OK and Cancel disabled, and closes when they are stored); only someone who
may edit settings (SETTINGS × EDIT, see ``workflow.access``) can change them — for everyone else they are
shown, not editable. This computer's settings (language, backups kept, idle lock) go to QSettings.
Every value is checked by the registry; a value it refuses gets a sentence under its field.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sst_desk.options import (
    BACKUPS_TO_KEEP,
    CONSENT_TEXT,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    MAX_CONTACT_LINE_CHARS,
    MAX_CONTACT_LINES,
    TEAM_CONTACT,
    TEAM_LOGO,
    TEAM_OPTIONS,
    Option,
    SettingProblem,
    TeamSettings,
    Unit,
    normalised,
    problems,
)
from sst_desk.settings import Settings
from sst_desk.workflow.access import Action, Resource, allowed
from sst_desk.ui.common.dialogs import RecordDialog
from sst_desk.ui.case.forms import Field, Kind

CONTEXT = "SettingsDialog"
COMPUTER_FIELDS: tuple[Option[object], ...] = (LANGUAGE, BACKUPS_TO_KEEP, IDLE_LOCK_MINUTES)
"""This computer's options shown in the dialog (geometry and the last user name are kept, not edited)."""
_LANGUAGES = (("sv", "Svenska"), ("en", "English"))  # each language named in itself: never translated
_TEXT_LINES = {TEAM_CONTACT.name: 3, CONSENT_TEXT.name: 4}  # multi-line options and their height


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def _range_text(option: Option[object]) -> str:
    """"Write a whole number of years from 1 to 50." for the option's unit and range."""
    texts = {
        Unit.MONTHS: _t("Write a whole number of months from %1 to %2."),
        Unit.YEARS: _t("Write a whole number of years from %1 to %2."),
        Unit.MINUTES: _t("Write a whole number of minutes from %1 to %2."),
        Unit.PERCENT: _t("Write a whole number of per cent from %1 to %2."),
    }
    text = texts.get(option.unit, _t("Write a whole number from %1 to %2."))  # type: ignore[arg-type]
    return text.replace("%1", str(option.low)).replace("%2", str(option.high))


def problem_text(option: Option[object], problem: SettingProblem) -> str:
    """The sentence shown under ``option``'s field for ``problem``."""
    if problem is SettingProblem.RANGE:
        return _range_text(option)
    if problem is SettingProblem.TOO_LONG:
        return _t("Write at most %1 characters.").replace("%1", str(option.max_length))
    texts = {
        SettingProblem.REQUIRED: _t("This field must be filled in."),
        SettingProblem.ALERT_NOT_ABOVE_WARN: _t("The high-absence limit must be above the first limit."),
        SettingProblem.TOO_MANY_LINES: _t("Write at most %1 lines; only those fit in the letterhead.")
        .replace("%1", str(MAX_CONTACT_LINES)),
        SettingProblem.LINE_TOO_LONG: _t("Keep each line to %1 characters or fewer; longer lines are cut off "
                                         "on paper.").replace("%1", str(MAX_CONTACT_LINE_CHARS)),
        SettingProblem.NOT_IMAGE: _t("This file is not a PNG or JPEG image that can be read."),
        SettingProblem.IMAGE_TOO_LARGE: _t("The image is larger than 5 MB. Use a smaller version of the logo."),
        SettingProblem.UNKNOWN: _t("This is not a setting of the team."),
    }
    return texts[problem]


def _field(option: Option[object]) -> Field:
    """The dialog's input for ``option``, from its declaration."""
    title = QCoreApplication.translate(CONTEXT, option.title)
    help_text = QCoreApplication.translate(CONTEXT, option.help) if option.help else ""
    if option is LANGUAGE:
        return Field(option.name, title, Kind.CHOICE, _LANGUAGES, help=help_text)
    if option is TEAM_LOGO:  # shown as a description; the image is chosen with the buttons beside it
        return Field(option.name, title, placeholder=_t("No logo"), help=help_text)
    if option.type is int:
        return Field(option.name, title, Kind.NUMBER, help=help_text)
    if option.name in _TEXT_LINES:
        placeholder = _t("Address, phone, e-mail: one per line") if option is TEAM_CONTACT else ""
        if option is CONSENT_TEXT:
            from sst_desk.reports.samtycke import DEFAULT_TEXT

            placeholder = DEFAULT_TEXT
        return Field(option.name, title, Kind.MULTILINE, lines=_TEXT_LINES[option.name], placeholder=placeholder,
                     help=help_text)
    return Field(option.name, title, help=help_text, max_length=option.max_length)


def _describe_logo(data: bytes) -> str:
    if not data:
        return ""
    kind = "PNG" if data.startswith(b"\x89PNG") else "JPEG"
    return _t("%1 image, %2 KB").replace("%1", kind).replace("%2", str(max(1, round(len(data) / 1024))))


class SettingsDialog(RecordDialog):
    """The settings form, one field per option of the registry; the team's part only for those who may edit it."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        self.context = context
        self.may_edit_team = allowed(getattr(context.db, "actor", None), Resource.SETTINGS, Action.EDIT)
        self.logo = context.team.team_logo
        settings: Settings = context.settings
        values = SimpleNamespace(**{o.name: _shown(o, context.team.value(o)) for o in TEAM_OPTIONS},
                                 **{o.name: _shown(o, settings.get(o)) for o in COMPUTER_FIELDS})
        values.team_logo = _describe_logo(self.logo)
        fields = [_field(o) for o in (*TEAM_OPTIONS, *COMPUTER_FIELDS)]
        super().__init__(_t("Settings"), fields, values, lambda _answers: [], parent)
        self.saved_team: TeamSettings | None = None
        self.saving = False
        self.buttons = self.findChild(QDialogButtonBox)
        self._add_headings()
        self._add_logo_buttons()
        for option in TEAM_OPTIONS:
            self.form.input(option.name).setEnabled(self.may_edit_team)
        logo_edit = self.form.input(TEAM_LOGO.name)
        assert isinstance(logo_edit, QLineEdit)
        logo_edit.setReadOnly(True)
        logo_edit.setEnabled(True)  # read-only, so that its text stays readable and reachable by Tab
        self.choose_logo.setEnabled(self.may_edit_team)
        self.remove_logo.setEnabled(self.may_edit_team and bool(self.logo))
        from sst_desk.ui.accounts.session import on_server

        if on_server(context.db):  # no database file here: the server's operators keep its backups
            kept = self.form.input(BACKUPS_TO_KEEP.name)
            kept.setEnabled(False)
            note = _t("On a team server the server's operators back up the database; this computer keeps none.")
            kept.setToolTip(note)
            kept.setAccessibleDescription(note)

    # --- building -------------------------------------------------------------------------------------------

    def _add_headings(self) -> None:
        layout = self.form.layout()
        assert isinstance(layout, QFormLayout)
        team = QLabel(_t("The team's settings (the same on every computer of the team)"), self.form)
        team.setStyleSheet("font-weight: bold;")
        layout.insertRow(0, team)
        if not self.may_edit_team:
            self.team_note = QLabel(_t("Only an administrator can change the team's settings."), self.form)
            self.team_note.setWordWrap(True)
            layout.insertRow(1, self.team_note)
        computer = QLabel(_t("This computer"), self.form)
        computer.setStyleSheet("font-weight: bold;")
        layout.insertRow(layout.rowCount() - len(COMPUTER_FIELDS), computer)

    def _add_logo_buttons(self) -> None:
        """"Choose…" and "Remove" beside the logo's description (the form has no image kind of its own)."""
        edit = self.form.input(TEAM_LOGO.name)
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
        self.remove_logo = QPushButton(self.tr("Remove"), row)
        self.remove_logo.setAccessibleName(self.tr("Remove the logo"))
        self.remove_logo.clicked.connect(self._remove_logo)
        line.addWidget(self.remove_logo)
        box.insertWidget(0, row)
        QWidget.setTabOrder(edit, self.choose_logo)
        QWidget.setTabOrder(self.choose_logo, self.remove_logo)

    # --- the logo -------------------------------------------------------------------------------------------

    def _choose_logo(self) -> None:
        from sst_desk.reports.logo import LogoProblem, logo_problem, read_logo

        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the logo for documents"), "",
                                                self.tr("Images (*.png *.jpg *.jpeg)"))
        if not chosen:
            return
        problem = logo_problem(chosen)
        messages = {
            LogoProblem.MISSING: self.tr("There is no file at this path. Choose the logo again."),
            LogoProblem.NOT_IMAGE: problem_text(TEAM_LOGO, SettingProblem.NOT_IMAGE),
            LogoProblem.TOO_LARGE: problem_text(TEAM_LOGO, SettingProblem.IMAGE_TOO_LARGE),
        }
        if problem is not None:
            self.form.show_errors({TEAM_LOGO.name: messages[problem]})
            self.adjustSize()
            return
        self._set_logo(read_logo(chosen))

    def _remove_logo(self) -> None:
        self._set_logo(b"")

    def _set_logo(self, data: bytes) -> None:
        self.logo = data
        self.form.set_value(TEAM_LOGO.name, _describe_logo(data))
        self.remove_logo.setEnabled(self.may_edit_team and bool(data))
        if self._checked:  # after a first OK, the messages follow what is there now
            self._show(*self._problems(), focus=False)
        else:
            self.form.show_errors({})

    # --- checking and saving --------------------------------------------------------------------------------

    def answers(self) -> tuple[dict[str, object], dict[str, object], dict[str, str]]:
        """The team's values, this computer's values, and a message for each field that cannot be saved."""
        values, errors = self.form.values()
        team = {o.name: normalised(o.name, values.get(o.name)) for o in TEAM_OPTIONS if o is not TEAM_LOGO}
        team[TEAM_LOGO.name] = self.logo
        computer = {o.name: normalised(o.name, values.get(o.name)) for o in COMPUTER_FIELDS}
        found = problems(team) if self.may_edit_team else {}
        found.update({o.name: p for o in COMPUTER_FIELDS if (p := o.problem(computer[o.name])) is not None})
        messages = {name: problem_text(_option(name), problem) for name, problem in found.items()}
        messages.update(errors)  # "Write a number, for example 12,5." comes first: it says what was typed
        return team, computer, messages

    def _problems(self) -> tuple[dict[str, str], list[str]]:
        _team, _computer, messages = self.answers()
        return messages, []

    def _accept(self) -> None:
        if self.saving:
            return
        self._checked = True
        team, computer, messages = self.answers()
        if self._show(messages, [], focus=True):
            self.adjustSize()  # room for the messages under the fields
            return
        current = self.context.team.as_dict()
        changes = {name: value for name, value in team.items() if current[name] != value}
        if self.may_edit_team and changes:
            self._save_team(changes, computer)
        else:
            self._finish(computer)

    def _finish(self, computer: dict[str, object]) -> None:
        settings: Settings = self.context.settings
        for option in COMPUTER_FIELDS:
            settings.set(option, computer[option.name])
        settings.sync()
        self.accept()

    def _save_team(self, changes: dict[str, object], computer: dict[str, object]) -> None:
        """Store the team's changes through the service, off the UI thread; then close, or say why not."""
        from sst_desk.services import Door
        from sst_desk.ui.common.operations import run_in_background

        door = Door(self.context.db.uow, getattr(self.context.db, "actor", None))
        self._set_saving(True)
        run_in_background(self, lambda: door.settings.change_team_settings(changes),
                          lambda saved: self._team_saved(saved, computer), self._team_not_saved)

    def _team_saved(self, saved: TeamSettings, computer: dict[str, object]) -> None:
        self._set_saving(False)
        self.saved_team = saved
        self.context.team = saved
        self._finish(computer)

    def _team_not_saved(self, exc: BaseException) -> None:
        """A refusal or a database error is shown; what was typed stays, to try again or cancel."""
        from sst_desk.services.settings import SettingsRefused
        from sst_desk.ui.common.errors import database_error_text

        self._set_saving(False)
        if isinstance(exc, SettingsRefused):  # the stored limits changed on another laptop meanwhile
            self._show({name: problem_text(_option(name), p) for name, p in exc.problems.items()}, [], focus=True)
        else:
            self._show({}, [database_error_text(exc)], focus=False)
        self.adjustSize()

    def _set_saving(self, saving: bool) -> None:
        """While the team's settings are written, neither OK nor Cancel: the write finishes or fails first."""
        self.saving = saving
        self.buttons.setEnabled(not saving)
        self.setCursor(Qt.CursorShape.WaitCursor if saving else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        if not self.saving:
            super().reject()


def _option(name: str) -> Option[object]:
    from sst_desk.options import BY_NAME

    return BY_NAME[name]


def _shown(option: Option[object], value: object) -> object:
    """A value as the form shows it (numbers as floats: the form's number fields read and write floats)."""
    return float(value) if option.type is int else value  # type: ignore[arg-type]


def edit_settings(parent: QWidget, context) -> bool:
    """Open the dialog; True when the settings were saved (the language takes effect at the next start)."""
    dialog = SettingsDialog(context, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
