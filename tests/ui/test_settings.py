"""The settings dialog: wrong values are explained; right ones are kept and used."""

from __future__ import annotations

from sst_desk.settings import BOOSTER_MONTHS, TEAM_NAME, USER_NAME

from person import answer_dialog, click, fill, shown_errors


def test_settings_are_checked_and_kept(main_window, context):
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        fill(dialog, "Booster session after closing (months)", "0")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        fill(dialog, "Booster session after closing (months)", "4")
        fill(dialog, "Team name on prints", "Skolsociala teamet Norr")
        fill(dialog, "Your name", "Kim Kurator")
        click(dialog, "OK")

    errors = answer_dialog(handler)
    main_window.edit_settings()
    assert not errors, errors
    assert seen == [["Write a whole number of months from 1 to 24."]]
    assert context.settings.get(BOOSTER_MONTHS) == 4 and context.booster_months == 4
    assert context.settings.get(TEAM_NAME) == "Skolsociala teamet Norr" == context.team_name
    assert context.settings.get(USER_NAME) == "Kim Kurator"
