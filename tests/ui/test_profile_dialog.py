"""Team → My profile…: the signed-in person sets their own work phone (printed on a kallelse)."""

from __future__ import annotations

from person import answer_dialog, click, fill, shown_errors
from doors import door


def _me(context):
    actor = context.db.actor
    return door(context.db).accounts.get_user(actor.user_id)


def test_a_worker_sets_her_own_phone(main_window, context):
    seen: list[list[str]] = []

    def answer(dialog) -> None:
        fill(dialog, "Work phone", "ring mig")
        click(dialog, "Save")
        seen.append(shown_errors(dialog))  # not a number: the dialog stays and says how to write it
        fill(dialog, "Work phone", "070-123 45 67")
        click(dialog, "Save")

    errors = answer_dialog(answer)
    main_window.team_actions["My profile…"].trigger()
    assert not errors, errors
    assert seen == [["Write the phone number with digits, spaces and + or - only, for example 070-123 45 67."]]
    assert _me(context).phone == "070-123 45 67"

    shown: list[str] = []
    errors = answer_dialog(lambda dialog: (shown.append(dialog.form.input("phone").text()), dialog.reject()),
                           may_stay_open=True)
    main_window.team_actions["My profile…"].trigger()
    assert not errors, errors
    assert shown == ["070-123 45 67"]  # opened again, it shows what was saved
