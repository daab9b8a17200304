"""The settings dialog: built from the registry; wrong values are explained; right ones are kept and used.

The team's settings are saved in the team's database and only an administrator may change them; this
computer's settings (language, backups, idle lock) go to its settings file, whoever is signed in.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import UI_PASSWORD
from person import NOW, answer_dialog, click, fill, find, reload, shown_errors

from sst_desk.options import TeamSettings
from sst_desk.services import Door
from sst_desk.settings import IDLE_LOCK_MINUTES, LANGUAGE
from sst_desk.ui.admin.settings_dialog import SettingsDialog, edit_settings


@pytest.fixture
def admin_context(qapp, database, tmp_path):
    """Ada Admin signed in on the same team database (and this computer's settings file)."""
    from sst_desk.app import build_context
    from sst_desk.security import signin
    from sst_desk.settings import Settings

    db = signin.sign_in(database.path, "admin", UI_PASSWORD)
    ctx = build_context(db, Settings.from_file(str(tmp_path / "settings.ini")))
    ctx.clock = lambda: NOW
    yield ctx
    db.close()


@pytest.fixture
def admin_window(qtbot, admin_context):
    from sst_desk.ui.caselist.main_window import MainWindow

    window = MainWindow(admin_context)
    window.show()
    reload(window)
    yield window
    window.close()
    window.deleteLater()


def stored(context) -> TeamSettings:
    """The team's settings as another laptop would read them now."""
    return Door(context.db.uow, context.db.actor).settings.team_settings()


def find_value(dialog, name: str) -> str:
    from PySide6.QtWidgets import QLineEdit

    return find(dialog, name, QLineEdit).text()


def test_settings_are_checked_and_kept_in_the_teams_database(admin_window, admin_context, context):
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        fill(dialog, "Booster session after closing (months)", "0")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        fill(dialog, "Booster session after closing (months)", "4")
        fill(dialog, "Team name on prints", "Skolsociala teamet Norr")
        click(dialog, "OK")

    errors = answer_dialog(handler, may_stay_open=True)  # it closes once the team's settings are stored
    admin_window.edit_settings()
    assert not errors, errors
    assert seen == [["Write a whole number of months from 1 to 24."]]
    assert admin_context.booster_months == 4 and admin_context.team_name == "Skolsociala teamet Norr"
    assert (stored(context).booster_months, stored(context).team_name) == (4, "Skolsociala teamet Norr")
    assert "team/name" not in admin_context.settings._store.allKeys()  # not on this computer
    assert context.user == "Tess Testare"  # the name comes from the account, not from a setting


def test_idle_lock_and_retention_are_whole_numbers_in_range_and_kept(admin_window, admin_context):
    seen: list[dict[str, str]] = []

    def errors_by_field(dialog) -> dict[str, str]:
        return {name: dialog.form.error_text(name) for name in ("idle_lock_minutes", "retention_years")
                if dialog.form.error_text(name)}

    def handler(dialog) -> None:
        assert find_value(dialog, "Idle lock (minutes)") == "10"
        assert find_value(dialog, "Retention (years after avslut)") == "5"
        fill(dialog, "Idle lock (minutes)", "0")
        fill(dialog, "Retention (years after avslut)", "51")
        click(dialog, "OK")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Idle lock (minutes)", "121")
        fill(dialog, "Retention (years after avslut)", "2,5")
        click(dialog, "OK")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Idle lock (minutes)", "15")
        fill(dialog, "Retention (years after avslut)", "7")
        click(dialog, "OK")

    errors = answer_dialog(handler, may_stay_open=True)  # it closes once the team's settings are stored
    assert edit_settings(admin_window, admin_context)
    assert not errors, errors
    expected = {"idle_lock_minutes": "Write a whole number of minutes from 1 to 120.",
                "retention_years": "Write a whole number of years from 1 to 50."}
    assert seen == [expected, expected]
    assert admin_context.settings.get(IDLE_LOCK_MINUTES) == 15
    assert admin_context.team.retention_years == 7 == stored(admin_context).retention_years


def test_a_wrong_retention_is_not_saved(admin_window, admin_context):
    def handler(dialog) -> None:
        fill(dialog, "Retention (years after avslut)", "0")
        click(dialog, "OK")
        assert shown_errors(dialog) == ["Write a whole number of years from 1 to 50."]
        click(dialog, "Cancel")

    errors = answer_dialog(handler)
    assert not edit_settings(admin_window, admin_context)
    assert not errors, errors
    assert stored(admin_context).retention_years == 5


def test_document_templates_are_checked_kept_and_printed_with(admin_window, admin_context, tmp_path, monkeypatch):
    from PIL import Image

    from sst_desk.ui.printing.report_context import report_context

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "navy").save(logo)
    (tmp_path / "notes.png").write_text("not an image")
    chosen = [str(tmp_path / "missing.png"), str(tmp_path / "notes.png"), str(logo)]
    monkeypatch.setattr("sst_desk.ui.admin.settings_dialog.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (chosen.pop(0), "Images (*.png *.jpg *.jpeg)"))
    seen: list[dict[str, str]] = []

    def errors_by_field(dialog) -> dict[str, str]:
        return {name: dialog.form.error_text(name) for name in ("team_contact", "team_logo")
                if dialog.form.error_text(name)}

    def handler(dialog) -> None:
        assert find_value(dialog, "Logo on documents") == ""
        click(dialog, "Choose a logo…")
        seen.append(errors_by_field(dialog))
        click(dialog, "Choose a logo…")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Contact lines on documents", "Box 1\nTelefon 08-000 00 00\nsst@example.se\nBesök: Torget 1\nFem")
        click(dialog, "OK")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Contact lines on documents", "Box 1\n" + "x" * 81)
        click(dialog, "OK")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Contact lines on documents", " Box 1, 123 45 Äppelviken \n\nTelefon 08-000 00 00\n")
        click(dialog, "Choose a logo…")
        assert find_value(dialog, "Logo on documents").startswith("PNG image, ")
        fill(dialog, "Consent text", "  Skolan och socialtjänsten delar uppgifter om närvaro.  ")
        click(dialog, "OK")

    errors = answer_dialog(handler, may_stay_open=True)  # it closes once the team's settings are stored
    assert edit_settings(admin_window, admin_context)
    assert not errors, errors
    assert seen == [
        {"team_logo": "There is no file at this path. Choose the logo again."},
        {"team_logo": "This file is not a PNG or JPEG image that can be read."},
        {"team_contact": "Write at most 4 lines; only those fit in the letterhead."},
        {"team_contact": "Keep each line to 80 characters or fewer; longer lines are cut off on paper."},
    ]
    team = stored(admin_context)
    assert team.team_contact == "Box 1, 123 45 Äppelviken\nTelefon 08-000 00 00"
    assert team.team_logo == logo.read_bytes()  # the image itself: every laptop prints it
    assert team.consent_text == "Skolan och socialtjänsten delar uppgifter om närvaro."
    report = report_context(admin_context)
    assert report.contact_lines == ("Box 1, 123 45 Äppelviken", "Telefon 08-000 00 00")
    assert report.logo == logo.read_bytes() and report.printed_by == "Ada Admin"
    assert report.consent_text == "Skolan och socialtjänsten delar uppgifter om närvaro."


def test_empty_templates_are_allowed_and_mean_the_shipped_defaults(admin_window, admin_context):
    from PySide6.QtWidgets import QPlainTextEdit

    from sst_desk.reports.samtycke import DEFAULT_TEXT

    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
    Door(admin_context.db.uow, admin_context.db.actor).settings.change_team_settings(
        {"team_logo": png, "consent_text": "Vår text."})
    admin_context.team = stored(admin_context)

    def handler(dialog) -> None:
        assert find(dialog, "Consent text", QPlainTextEdit).placeholderText() == DEFAULT_TEXT
        assert find_value(dialog, "Logo on documents") == "PNG image, 1 KB"
        click(dialog, "Remove the logo")
        assert find_value(dialog, "Logo on documents") == ""
        fill(dialog, "Consent text", "")
        click(dialog, "OK")

    errors = answer_dialog(handler, may_stay_open=True)  # it closes once the team's settings are stored
    assert edit_settings(admin_window, admin_context)
    assert not errors, errors
    assert stored(admin_context).team_logo == b"" and stored(admin_context).consent_text == ""


def test_the_absence_limits_are_per_cent_the_high_one_above_and_kept(admin_window, admin_context):
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        assert find_value(dialog, "Flag absence from (% of the term)") == "10"
        assert find_value(dialog, "High absence from (% of the term)") == "50"
        fill(dialog, "Flag absence from (% of the term)", "tio")
        fill(dialog, "High absence from (% of the term)", "101")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        fill(dialog, "Flag absence from (% of the term)", "60")
        fill(dialog, "High absence from (% of the term)", "50")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        fill(dialog, "Flag absence from (% of the term)", "15")
        fill(dialog, "High absence from (% of the term)", "40")
        click(dialog, "OK")

    errors = answer_dialog(handler, may_stay_open=True)  # it closes once the team's settings are stored
    assert edit_settings(admin_window, admin_context)
    assert not errors, errors
    assert seen[1] == ["The high-absence limit must be above the first limit."]
    assert len(seen[0]) == 2 and "Write a whole number of per cent from 1 to 100." in seen[0]
    assert (stored(admin_context).absence_warn_percent, stored(admin_context).absence_alert_percent) == (15, 40)
    assert (admin_context.thresholds.warn_percent, admin_context.thresholds.alert_percent) == (15.0, 40.0)


def test_a_worker_sees_the_teams_settings_but_changes_only_this_computers(main_window, context, admin_context):
    Door(admin_context.db.uow, admin_context.db.actor).settings.change_team_settings({"retention_years": 8})
    context.team = stored(context)
    team_fields = ("Team name on prints", "Retention (years after avslut)", "Contact lines on documents",
                   "Flag absence from (% of the term)", "Consent text")

    def handler(dialog) -> None:
        assert find_value(dialog, "Retention (years after avslut)") == "8"
        assert [name for name in team_fields if find(dialog, name).isEnabled()] == []
        assert not find(dialog, "Choose a logo…").isEnabled()
        assert dialog.team_note.text() == "Only an administrator can change the team's settings."
        fill(dialog, "Language", "English")
        fill(dialog, "Idle lock (minutes)", "20")
        click(dialog, "OK")

    errors = answer_dialog(handler)
    main_window.edit_settings()
    assert not errors, errors
    assert context.settings.get(LANGUAGE) == "en" and context.settings.get(IDLE_LOCK_MINUTES) == 20
    assert stored(context).retention_years == 8  # unchanged, and nothing refused was logged
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import access_log

    with admin_context.db.uow() as tx:  # the dialog did not even try: no refusal in the log
        denied = tx.session.execute(sa.select(access_log.c.username).where(access_log.c.action == "denied")).all()
    assert denied == []


def test_the_dialog_is_grouped_by_whose_setting_it_is(admin_context, tmp_path, qtbot):
    from PySide6.QtWidgets import QLabel

    dialog = SettingsDialog(admin_context)
    qtbot.addWidget(dialog)
    dialog.show()
    headings = [label.text() for label in dialog.findChildren(QLabel) if label.styleSheet() == "font-weight: bold;"]
    assert headings == ["The team's settings (the same on every computer of the team)", "This computer"]
    picture = Path(os.environ.get("SST_DESK_SCREENSHOTS", tmp_path)) / "settings-dialog.png"
    assert dialog.grab().save(str(picture)) and picture.stat().st_size > 0


def test_a_change_made_meanwhile_on_another_laptop_is_explained_and_nothing_typed_is_lost(
        admin_window, admin_context, qtbot):
    other_laptop = Door(admin_context.db.uow, admin_context.db.actor)

    def handler(dialog) -> None:
        other_laptop.settings.change_team_settings({"absence_alert_percent": 20})  # while this dialog is open
        fill(dialog, "Flag absence from (% of the term)", "30")
        click(dialog, "OK")
        qtbot.waitUntil(lambda: dialog.form.error_text("absence_alert_percent") != "")
        assert dialog.form.error_text("absence_alert_percent") == "The high-absence limit must be above the first limit."
        assert find_value(dialog, "Flag absence from (% of the term)") == "30"  # still there to correct
        click(dialog, "Cancel")

    errors = answer_dialog(handler)
    assert not edit_settings(admin_window, admin_context)
    assert not errors, errors
    assert (stored(admin_context).absence_warn_percent, stored(admin_context).absence_alert_percent) == (10, 20)


def test_a_restored_backup_brings_its_own_team_settings_into_the_open_window(main_window, context):
    from PySide6.QtWidgets import QMessageBox

    from sst_desk.persistence import accounts, backups

    context.db.actor = accounts.find_user(context.db, "admin").actor()  # restoring is the administrator's
    backups.take_backup(context.db, backups.MANUAL)  # retention 5 years in the backup
    Door(context.db.uow, context.db.actor).settings.change_team_settings({"retention_years": 9})
    context.team = stored(context)
    seen: list[str] = []

    def press(box) -> None:
        seen.append(box.text())
        if len(seen) == 1:
            answer_dialog(press, kind=QMessageBox)  # then "was restored": OK
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            box.button(QMessageBox.StandardButton.Ok).click()

    def handler(dialog) -> None:
        answer_dialog(press, kind=QMessageBox)
        click(dialog, "Restore…")
        click(dialog, "Close")

    errors = answer_dialog(handler)
    main_window.show_backups()
    assert not errors, errors
    assert seen[-1].endswith(" was restored."), seen
    assert context.team.retention_years == 5 == stored(context).retention_years
