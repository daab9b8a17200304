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
