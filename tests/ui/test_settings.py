"""The settings dialog: wrong values are explained; right ones are kept and used."""

from __future__ import annotations

from sst_desk.settings import BOOSTER_MONTHS, IDLE_LOCK_MINUTES, RETENTION_YEARS, TEAM_NAME
from sst_desk.ui.settings_dialog import edit_settings

from person import answer_dialog, click, fill, shown_errors


def test_settings_are_checked_and_kept(main_window, context):
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        fill(dialog, "Booster session after closing (months)", "0")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        fill(dialog, "Booster session after closing (months)", "4")
        fill(dialog, "Team name on prints", "Skolsociala teamet Norr")
        click(dialog, "OK")

    errors = answer_dialog(handler)
    main_window.edit_settings()
    assert not errors, errors
    assert seen == [["Write a whole number of months from 1 to 24."]]
    assert context.settings.get(BOOSTER_MONTHS) == 4 and context.booster_months == 4
    assert context.settings.get(TEAM_NAME) == "Skolsociala teamet Norr" == context.team_name
    assert context.user == "Tess Testare"  # the name comes from the account, not from a setting


def test_idle_lock_and_retention_are_whole_numbers_in_range_and_kept(main_window, context):
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

    errors = answer_dialog(handler)
    assert edit_settings(main_window, context.settings)
    assert not errors, errors
    expected = {"idle_lock_minutes": "Write a whole number of minutes from 1 to 120.",
                "retention_years": "Write a whole number of years from 1 to 50."}
    assert seen == [expected, expected]
    assert context.settings.get(IDLE_LOCK_MINUTES) == 15
    assert context.settings.get(RETENTION_YEARS) == 7


def test_a_wrong_retention_is_not_saved(main_window, context):
    def handler(dialog) -> None:
        fill(dialog, "Retention (years after avslut)", "0")
        click(dialog, "OK")
        assert shown_errors(dialog) == ["Write a whole number of years from 1 to 50."]
        click(dialog, "Cancel")

    errors = answer_dialog(handler)
    assert not edit_settings(main_window, context.settings)
    assert not errors, errors
    assert context.settings.get(RETENTION_YEARS) == 5


def find_value(dialog, name: str) -> str:
    from PySide6.QtWidgets import QLineEdit

    from person import find

    return find(dialog, name, QLineEdit).text()


def test_document_templates_are_checked_kept_and_printed_with(main_window, context, tmp_path, monkeypatch):
    from PIL import Image

    from sst_desk.settings import CONSENT_TEXT, TEAM_CONTACT, TEAM_LOGO
    from sst_desk.ui.report_context import report_context

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "navy").save(logo)
    (tmp_path / "notes.png").write_text("not an image")
    monkeypatch.setattr("sst_desk.ui.settings_dialog.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(logo), "Images (*.png *.jpg *.jpeg)"))
    seen: list[dict[str, str]] = []

    def errors_by_field(dialog) -> dict[str, str]:
        return {name: dialog.form.error_text(name) for name in ("team_contact", "team_logo")
                if dialog.form.error_text(name)}

    def handler(dialog) -> None:
        fill(dialog, "Contact lines on documents", "Box 1\nTelefon 08-000 00 00\nsst@example.se\nBesök: Torget 1\nFem")
        fill(dialog, "Logo on documents", str(tmp_path / "missing.png"))
        click(dialog, "OK")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Contact lines on documents", "Box 1\n" + "x" * 81)
        fill(dialog, "Logo on documents", str(tmp_path / "notes.png"))
        click(dialog, "OK")
        seen.append(errors_by_field(dialog))
        fill(dialog, "Contact lines on documents", " Box 1, 123 45 Äppelviken \n\nTelefon 08-000 00 00\n")
        click(dialog, "Choose a logo…")
        assert find_value(dialog, "Logo on documents") == str(logo)
        fill(dialog, "Consent text", "  Skolan och socialtjänsten delar uppgifter om närvaro.  ")
        click(dialog, "OK")

    errors = answer_dialog(handler)
    assert edit_settings(main_window, context.settings)
    assert not errors, errors
    assert seen == [
        {"team_contact": "Write at most 4 lines; only those fit in the letterhead.",
         "team_logo": "There is no file at this path. Choose the logo again."},
        {"team_contact": "Keep each line to 80 characters or fewer; longer lines are cut off on paper.",
         "team_logo": "This file is not a PNG or JPEG image that can be read."},
    ]
    assert context.settings.get(TEAM_CONTACT) == "Box 1, 123 45 Äppelviken\nTelefon 08-000 00 00"
    assert context.settings.get(TEAM_LOGO) == str(logo)
    assert context.settings.get(CONSENT_TEXT) == "Skolan och socialtjänsten delar uppgifter om närvaro."
    report = report_context(context)
    assert report.contact_lines == ("Box 1, 123 45 Äppelviken", "Telefon 08-000 00 00")
    assert report.logo == str(logo) and report.printed_by == "Tess Testare"
    assert report.consent_text == "Skolan och socialtjänsten delar uppgifter om närvaro."


def test_empty_templates_are_allowed_and_mean_the_shipped_defaults(main_window, context):
    from sst_desk.reports.samtycke import DEFAULT_TEXT
    from sst_desk.settings import CONSENT_TEXT, TEAM_LOGO

    def handler(dialog) -> None:
        from PySide6.QtWidgets import QPlainTextEdit

        from person import find

        assert find(dialog, "Consent text", QPlainTextEdit).placeholderText() == DEFAULT_TEXT
        fill(dialog, "Logo on documents", "")
        click(dialog, "OK")

    errors = answer_dialog(handler)
    assert edit_settings(main_window, context.settings)
    assert not errors, errors
    assert context.settings.get(TEAM_LOGO) == "" and context.settings.get(CONSENT_TEXT) == ""


def test_the_absence_limits_are_per_cent_the_high_one_above_and_kept(main_window, context):
    from sst_desk.settings import ABSENCE_ALERT_PERCENT, ABSENCE_WARN_PERCENT

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

    errors = answer_dialog(handler)
    assert edit_settings(main_window, context.settings)
    assert not errors, errors
    assert seen[1] == ["The high-absence limit must be above the first limit."]
    assert len(seen[0]) == 2 and "Write a whole number of per cent from 1 to 100." in seen[0]
    assert (context.settings.get(ABSENCE_WARN_PERCENT), context.settings.get(ABSENCE_ALERT_PERCENT)) == (15, 40)
    assert (context.thresholds.warn_percent, context.thresholds.alert_percent) == (15.0, 40.0)
