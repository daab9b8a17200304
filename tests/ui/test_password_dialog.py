"""Byt lösenord: the person changes their own password; after an administrator set it, they must."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from sst_desk.security import signin
from sst_desk.ui.accounts.password_dialog import ChangePasswordDialog, change_password

from person import answer_dialog, click, fill, find, shown_errors
from team import FIRST_PW, context_for, log_actions, make_team, use_cheap


@pytest.fixture(autouse=True)
def _cheap():
    use_cheap()


@pytest.fixture
def context(qapp, tmp_path):
    """Signed in as Cia, whose first password the administrator set."""
    db, people = make_team(tmp_path)
    db.actor = None
    signin.authenticate(db, "cia", FIRST_PW)
    yield context_for(db, tmp_path)
    db.close()


def attempt(form, current: str, new: str, repeat: str) -> list[str]:
    fill(form, "Current password", current)
    fill(form, "New password", new)
    fill(form, "Repeat the new password", repeat)
    click(form, "Change password")
    return shown_errors(form)


def test_each_mistake_is_explained_next_to_its_field_then_the_change_is_made(context):
    seen: list = []

    def handler(form) -> None:
        seen.append(attempt(form, "", "mitt-eget-lösen", "mitt-eget-lösen"))
        seen.append(attempt(form, "fel-lösenord-1", "mitt-eget-lösen", "mitt-eget-lösen"))
        seen.append(find(form, "Current password", QLineEdit).accessibleDescription())
        seen.append(attempt(form, FIRST_PW, "mitt-eget-lösen", "mitt-eget-lösn"))
        seen.append(find(form, "Repeat the new password", QLineEdit).accessibleDescription())
        seen.append(attempt(form, FIRST_PW, "kort", "kort"))
        seen.append(attempt(form, FIRST_PW, FIRST_PW, FIRST_PW))
        seen.append(attempt(form, FIRST_PW, "mitt-eget-lösen", "mitt-eget-lösen"))

    errors = answer_dialog(handler)
    changed = change_password(None, context)
    assert not errors, errors
    assert seen == [
        ["Type the password you use now."],
        ["The current password is wrong."],
        "The current password is wrong.",
        ["The two passwords differ. Type the same password twice."],
        "The two passwords differ. Type the same password twice.",
        ["A password has at least 10 characters."],
        ["Choose a password other than the current one."],
        [],
    ], "the dialog closed too early or the messages differ"
    assert changed
    assert not signin.must_change_password(context.db)
    assert signin.unlock(context.db.path, "cia", "mitt-eget-lösen") == context.db.key
    assert log_actions(context.db)[-1][0] == "password_changed"


def test_cancel_changes_nothing(context):
    errors = answer_dialog(lambda form: click(form, "Cancel"))
    assert change_password(None, context) is False
    assert not errors, errors
    assert signin.must_change_password(context.db)


def test_the_forced_change_explains_why_and_cannot_be_skipped_but_by_quitting(qtbot, context):
    dialog = ChangePasswordDialog(context, None, forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Choose your own password"
    assert "An administrator has set your password" in dialog.intro.text()
    assert "quit SST Desk" in dialog.intro.text()
    with pytest.raises(LookupError):
        find(dialog, "Cancel")
    qtbot.keyClick(find(dialog, "Current password"), Qt.Key.Key_Escape)
    assert dialog.isVisible(), "Escape skipped the forced change"
    click(dialog, "Quit SST Desk")
    assert not dialog.isVisible() and dialog.result() == ChangePasswordDialog.DialogCode.Rejected
    assert signin.must_change_password(context.db)


def test_the_forced_change_done(context):
    errors = answer_dialog(lambda form: attempt(form, FIRST_PW, "mitt-eget-lösen", "mitt-eget-lösen"))
    assert change_password(None, context, forced=True) is True
    assert not errors, errors
    assert not signin.must_change_password(context.db)
