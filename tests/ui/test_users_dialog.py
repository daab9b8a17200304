"""Arkiv → Användare…: the administrator adds, edits, resets and switches accounts off and on; others are refused."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTableWidget

from sst_desk.persistence import accounts
from sst_desk.security import signin
from sst_desk.security.keyfile import KeyFile, key_file_for
from sst_desk.ui.accounts.users_dialog import UsersDialog, open_users
from sst_desk.workflow.access import Role

from person import answer_dialog, click, fill, fill_dialog, find, select_row, shown_errors
from team import FIRST_PW, context_for, log_actions, make_team, use_cheap


@pytest.fixture(autouse=True)
def _cheap():
    use_cheap()


@pytest.fixture
def team(qapp, tmp_path):
    db, people = make_team(tmp_path)
    yield context_for(db, tmp_path), people
    db.close()


@pytest.fixture
def dialog(qtbot, team):
    context, _people = team
    window = UsersDialog(context, None)
    qtbot.addWidget(window)
    window.show()
    return window


def table_rows(dialog) -> list[list[str]]:
    table = find(dialog, "Users", QTableWidget)
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def row_of(dialog, name: str) -> list[str]:
    return next(row for row in table_rows(dialog) if row[0] == name)


def run(errors: list) -> None:
    assert not errors, errors


def test_the_table_shows_each_account_with_role_status_and_last_sign_in(dialog):
    rows = table_rows(dialog)
    assert [r[0] for r in rows] == ["Ada Admin", "Cia Andersson", "Dan Berg", "Eva Carlsson"]
    admin = row_of(dialog, "Ada Admin")
    assert admin[1:4] == ["admin", "Administrator", "Active"]
    assert admin[4][:2] == "20"  # signed in when the database was made: a local date and time
    assert row_of(dialog, "Cia Andersson")[1:] == ["cia", "School social worker (skolsocionom)",
                                                   "Active, must choose a password", "Never", ""]
    assert row_of(dialog, "Eva Carlsson")[2] == "Kurator / specialpedagog"
    assert row_of(dialog, "Dan Berg")[2] == "Team lead (teamledare)"


def test_adding_a_user_who_must_change_the_first_password(dialog, team):
    context, _ = team
    errors = answer_dialog(fill_dialog({"User name": "Fia", "Full name": "Fia Dahl", "Role": "Kurator / specialpedagog",
                                        "First password": "välkommen-hit-7", "Repeat the password": "välkommen-hit-7"},
                                       ok="Add user"))
    click(dialog, "Add user…")
    run(errors)
    assert row_of(dialog, "Fia Dahl")[1:4] == ["fia", "Kurator / specialpedagog", "Active, must choose a password"]
    assert dialog.selected().username == "fia"
    record = accounts.find_user(context.db, "fia")
    assert record.must_change_password and record.role is Role.KURATOR
    assert signin.unlock(context.db.path, "fia", "välkommen-hit-7") == context.db.key
    assert ("user_created", f"{record.id}:kurator") in log_actions(context.db)


PROBLEMS = [
    ("kort-1", "kort-1", "First password", "A password has at least 10 characters."),
    ("abcd" * 65, "abcd" * 65, "First password", "A password has at most 256 characters."),
    (" mellanslag-först", " mellanslag-först", "First password", "A password cannot begin or end with a space."),
    ("hej-fia-och-alla", "hej-fia-och-alla", "First password", "A password cannot contain the user name."),
    ("aaaaaaaaaaab", "aaaaaaaaaaab", "First password", "The password has too few different characters. A few words in a "
                                                       "row are easy to remember and hard to guess."),
    ("välkommen-hit-7", "välkommen-hit-8", "Repeat the password", "The two passwords differ. Type the same password "
                                                                  "twice."),
]


@pytest.mark.parametrize("password, repeated, field, message", PROBLEMS,
                         ids=["too_short", "too_long", "spaces", "contains_name", "too_simple", "mismatch"])
def test_a_refused_password_is_explained_next_to_its_field(dialog, team, password, repeated, field, message):
    seen: dict = {}

    def handler(form) -> None:
        for name, value in {"User name": "fia", "Full name": "Fia Dahl", "First password": password,
                            "Repeat the password": repeated}.items():
            fill(form, name, value)
        click(form, "Add user")
        seen["errors"] = shown_errors(form)
        seen["described"] = find(form, field, QLineEdit).accessibleDescription()
        seen["kept"] = find(form, "First password", QLineEdit).text()
        click(form, "Cancel")

    run(answer_dialog(handler))
    click(dialog, "Add user…")
    assert seen["errors"] == [message]
    assert seen["described"] == message, "the message is not attached to the field it concerns"
    assert seen["kept"] == password, "what was typed was lost"
    assert accounts.find_user(team[0].db, "fia") is None


def test_a_taken_user_name_or_missing_names_are_explained(dialog):
    seen: list = []

    def handler(form) -> None:
        click(form, "Add user")
        seen.append(shown_errors(form))
        for name, value in {"User name": "CIA", "Full name": "Cia Två", "First password": FIRST_PW,
                            "Repeat the password": FIRST_PW}.items():
            fill(form, name, value)
        click(form, "Add user")
        seen.append(find(form, "User name", QLineEdit).accessibleDescription())
        click(form, "Cancel")

    run(answer_dialog(handler))
    click(dialog, "Add user…")
    assert seen == [["Write a user name.", "Write the person's full name."], "There is already a user called cia."]
    assert len(table_rows(dialog)) == 4


def test_editing_name_and_role(dialog, team):
    select_row(dialog, "Users", "Eva Carlsson")
    run(answer_dialog(fill_dialog({"Full name": "Eva Carlsson Ek", "Role": "Team lead (teamledare)"})))
    click(dialog, "Edit…")
    assert row_of(dialog, "Eva Carlsson Ek")[2] == "Team lead (teamledare)"
    assert accounts.find_user(team[0].db, "eva").role is Role.TEAMLEDARE


def test_the_administrator_gives_a_worker_a_work_phone(dialog, team):
    select_row(dialog, "Users", "Eva Carlsson")
    seen: list[list[str]] = []

    def handler(form) -> None:
        fill(form, "Work phone", "ring Eva")
        click(form, "OK")
        seen.append(shown_errors(form))
        fill(form, "Work phone", "08-123 456 78")
        click(form, "OK")

    run(answer_dialog(handler))
    click(dialog, "Edit…")
    assert seen == [["Write the phone number with digits, spaces and + or - only, for example 070-123 45 67."]]
    assert row_of(dialog, "Eva Carlsson")[5] == "08-123 456 78"
    assert accounts.find_user(team[0].db, "eva").phone == "08-123 456 78"


def test_the_last_administrator_cannot_step_down(dialog, team):
    select_row(dialog, "Users", "Ada Admin")
    seen: list = []

    def handler(form) -> None:
        fill(form, "Role", "Team lead (teamledare)")
        click(form, "OK")
        seen.append(find(form, "Role").accessibleDescription())
        click(form, "Cancel")

    run(answer_dialog(handler))
    click(dialog, "Edit…")
    assert seen == ["This is the last active administrator. Make someone else an administrator first; otherwise "
                    "nobody could add users or reset a forgotten password."]
    assert accounts.find_user(team[0].db, "admin").role is Role.ADMINISTRATOR


def test_the_last_administrator_cannot_switch_themself_off(dialog, team):
    select_row(dialog, "Users", "Ada Admin")
    seen: list = []

    def press(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    run(answer_dialog(press))
    click(dialog, "Switch off")
    assert seen and seen[0].startswith("This is the last active administrator.")
    assert accounts.find_user(team[0].db, "admin").active


def test_reset_password_sets_a_first_password(dialog, team):
    context, _ = team
    select_row(dialog, "Users", "Cia Andersson")
    boxes: list = []
    inner: list = []

    def handler(form) -> None:
        fill(form, "New first password", "nytt-början-55")
        fill(form, "Repeat the password", "nytt-början-55")
        inner.append(answer_dialog(lambda box: (boxes.append(box.text()), box.accept())))
        click(form, "Reset password")

    run(answer_dialog(handler))
    click(dialog, "Reset password…")
    run(inner[0])
    assert any(box.startswith("The password of cia has been reset.") and "new key" in box for box in boxes)
    assert accounts.find_user(context.db, "cia").must_change_password
    assert signin.unlock(context.db.path, "cia", "nytt-början-55") == context.db.key
    with pytest.raises(signin.SignInError):
        signin.unlock(context.db.path, "cia", FIRST_PW)


def test_switching_off_and_on_again(dialog, team):
    context, people = team
    select_row(dialog, "Users", "Eva Carlsson")
    told: list = []
    inner: list = []

    cursor_while_told: list = []

    def yes(box) -> None:
        inner.append(answer_dialog(lambda done: (told.append(done.text()),
                                                 cursor_while_told.append(QApplication.overrideCursor()),
                                                 done.accept())))
        box.button(QMessageBox.StandardButton.Yes).click()

    run(answer_dialog(yes))
    key_before = context.db.key
    click(dialog, "Switch off")
    run(inner[0])
    assert told and "new key" in told[0], "the administrator is told the database was re-keyed"
    assert cursor_while_told == [None], "the wait cursor of the re-key is gone before the answer is shown"
    assert context.db.key != key_before
    assert row_of(dialog, "Eva Carlsson")[3] == "Switched off"
    assert not KeyFile.load(key_file_for(context.db.path)).has_slot("eva")
    assert not find(dialog, "Reset password…").isEnabled(), "a switched-off account would get a key slot"

    seen: list = []

    def handler(form) -> None:
        fill(form, "New first password", "tillbaka-igen-3")
        fill(form, "Repeat the password", "tillbaka-igen-4")
        click(form, "Switch on")
        seen.append(shown_errors(form))
        fill(form, "Repeat the password", "tillbaka-igen-3")
        click(form, "Switch on")

    run(answer_dialog(handler))
    click(dialog, "Switch on…")
    assert seen == [["The two passwords differ. Type the same password twice."]]
    assert row_of(dialog, "Eva Carlsson")[3] == "Active, must choose a password"
    assert signin.unlock(context.db.path, "eva", "tillbaka-igen-3") == context.db.key
    eva = people["eva"].id
    assert [a for a, d in log_actions(context.db) if d.startswith(f"{eva}")][-3:] == [
        "user_changed", "user_changed", "password_reset"]


def test_someone_who_is_no_administrator_is_refused_clearly(qtbot, team):
    context, people = team
    context.db.actor = people["dan"].actor()  # a team lead may list users to assign cases, not manage them
    seen: list = []

    def press(box) -> None:
        assert isinstance(box, QMessageBox), f"expected a refusal, got {box!r}"
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    errors = answer_dialog(press)
    open_users(None, context)
    run(errors)
    assert seen == ["You do not have permission to do this."]
    assert log_actions(context.db)[-1] == ("denied", "users:view")


def test_an_administrator_who_steps_down_leaves_the_dialog(dialog, team):
    context, people = team
    signin.add_account(context.db, "gus", "Gus Admin", Role.ADMINISTRATOR, FIRST_PW)
    dialog.reload()
    select_row(dialog, "Users", "Ada Admin")
    boxes: list = []
    inner: list = []

    def handler(form) -> None:
        fill(form, "Role", "Team lead (teamledare)")
        inner.append(answer_dialog(lambda box: (boxes.append(box.text()), box.accept())))
        click(form, "OK")

    run(answer_dialog(handler))
    click(dialog, "Edit…")
    run(inner[0])
    assert "You are no longer an administrator, so the user administration closes." in boxes
    assert context.db.actor.role is Role.TEAMLEDARE
    assert not dialog.isVisible()


def test_a_name_with_a_hidden_direction_character_is_refused_next_to_the_field(dialog):
    """What broke (issue 10): names took control and bidi characters; a right-to-left override reversed
    how the name read wherever it was shown (the log, prints, the case window)."""
    seen: dict = {}

    def handler(form) -> None:
        for name, value in {"User name": "fia", "Full name": "Fia \u202eDahl", "First password": FIRST_PW,
                            "Repeat the password": FIRST_PW}.items():
            fill(form, name, value)
        click(form, "Add user")
        seen["described"] = find(form, "Full name", QLineEdit).accessibleDescription()
        click(form, "Cancel")

    run(answer_dialog(handler))
    click(dialog, "Add user…")
    assert "hidden control or text-direction character" in seen["described"]
    assert accounts.find_user(dialog.db, "fia") is None
