"""Starting SST Desk: the first administrator on a new file, then signing in by name and password.

Driven as a person does: the dialogs are found by their labels, mistakes are shown next to the field
that has them, and nothing is written to disk until the input is right.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from sst_desk import app as app_module
from sst_desk.security import signin
from sst_desk.settings import LAST_USER, Settings
from sst_desk.ui.accounts import signin_dialog
from sst_desk.ui.accounts.signin_dialog import FirstRunDialog, SignInDialog, demo_hint, sign_in_for_window
from sst_desk.ui.common.startup import open_for_window
from sst_desk.workflow.access import Role

from person import answer_dialog, click, fill, find, shown_errors, when_shown

ADMIN_PASSWORD = "vår-lärare-2026"


@pytest.fixture(autouse=True)
def _no_pause(monkeypatch):
    """A wrong password pauses a second at the keyboard; not in tests."""
    monkeypatch.setattr(signin_dialog, "FAILED_PAUSE_S", 0.0)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.from_file(str(tmp_path / "settings.ini"))


def keys_of(file):
    return file.with_name(file.name + ".keys")


def error_under(dialog, label: str) -> str:
    """The message under the field ``label`` ("" when none is shown)."""
    error = find(dialog, f"{label}: error", QLabel, visible=False)
    return error.text() if not error.isHidden() else ""


def first_run(file, settings, handler):
    errors = answer_dialog(handler)
    db = sign_in_for_window(str(file), settings, file, lambda key: open_for_window(str(file), settings, key))
    assert not errors, errors
    return db


def create_admin(dialog, username="ada", name="Ada Admin", password=ADMIN_PASSWORD, repeated=None) -> list[str]:
    fill(dialog, "User name", username)
    fill(dialog, "Full name", name)
    fill(dialog, "Password", password)
    fill(dialog, "Password again", password if repeated is None else repeated)
    click(dialog, "Create administrator")
    return shown_errors(dialog) if dialog.isVisible() else []


# --- the first run ----------------------------------------------------------------------------------


def test_first_run_mistakes_are_explained_at_their_field_and_nothing_is_created(qapp, tmp_path, settings):
    file = tmp_path / "team.sqlite3"
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        assert isinstance(dialog, FirstRunDialog)
        assert create_admin(dialog, username="") and error_under(dialog, "User name") == \
            "Write a user name, for example your first name."
        create_admin(dialog, username="ada lind")
        seen["space"] = error_under(dialog, "User name")
        create_admin(dialog, password="kort-1", repeated="kort-1")
        seen["short"] = (error_under(dialog, "Password"), error_under(dialog, "User name"))
        create_admin(dialog, repeated=ADMIN_PASSWORD + "x")
        seen["mismatch"] = (error_under(dialog, "Password again"), error_under(dialog, "Password"))
        create_admin(dialog, name="")
        seen["name"] = error_under(dialog, "Full name")
        seen["typed"] = find(dialog, "User name", QLineEdit).text()
        seen["on disk"] = file.exists() or keys_of(file).exists()
        dialog.reject()

    assert first_run(file, settings, handler) is None
    assert seen["space"] == "A user name is one word of at most 64 characters."
    assert seen["short"] == ("A password has at least 10 characters.", "")
    assert seen["mismatch"] == ("The two passwords differ. Type the same password twice.", "")
    assert seen["name"] == "Write the administrator's full name."
    assert seen["typed"] == "ada"  # what was typed stays
    assert seen["on disk"] is False
    assert not file.exists() and not keys_of(file).exists()
    assert settings.get(LAST_USER) == ""


def test_messages_make_room_instead_of_squeezing_the_inputs(qapp, tmp_path, settings):
    """Regression: messages shown under the fields after the window opened squeezed the inputs flat and cut
    the messages off (the window did not grow)."""
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        create_admin(dialog, username="ada lind", name="", password="kort-1", repeated="kort-1")
        qapp.processEvents()
        seen["squeezed"] = [edit.accessibleName() for edit in dialog.findChildren(QLineEdit)
                            if edit.height() < edit.sizeHint().height()]
        seen["cut"] = [label.text() for label in dialog.findChildren(QLabel)
                       if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())]
        seen["messages"] = len(shown_errors(dialog))
        dialog.reject()

    first_run(tmp_path / "team.sqlite3", settings, handler)
    assert seen == {"squeezed": [], "cut": [], "messages": 3}


def test_first_run_creates_an_encrypted_database_with_its_administrator_signed_in(qapp, tmp_path, settings):
    file = tmp_path / "team.sqlite3"
    db = first_run(file, settings, lambda dialog: create_admin(dialog))
    try:
        assert db is not None and db.actor is not None
        assert (db.actor.username, db.actor.display_name, db.actor.role) == ("ada", "Ada Admin", Role.ADMINISTRATOR)
        assert keys_of(file).exists()
        with open(file, "rb") as handle:
            assert not handle.read(16).startswith(b"SQLite format 3")
        assert settings.get(LAST_USER) == "ada"
    finally:
        db.close()
    signin.sign_in(file, "ada", ADMIN_PASSWORD).close()  # the password opens it again


# --- signing in ---------------------------------------------------------------------------------------


@pytest.fixture
def team_file(tmp_path):
    """A team database with its administrator and one skolsocionom, closed."""
    file = tmp_path / "team.sqlite3"
    admin = signin.create_first_administrator(file, "ada", "Ada Admin", ADMIN_PASSWORD)
    signin.add_account(admin, "sara", "Sara Lind", Role.SKOLSOCIONOM, "hennes-första-lösen")
    admin.close()
    return file


def sign_in(dialog, username: str, password: str) -> list[str]:
    fill(dialog, "User name", username)
    fill(dialog, "Password", password)
    click(dialog, "Sign in")
    return shown_errors(dialog) if dialog.isVisible() else []


def test_a_wrong_password_is_said_under_the_password_and_the_name_is_kept(qapp, team_file, settings):
    settings.set(LAST_USER, "sara")
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        assert isinstance(dialog, SignInDialog)
        seen["prefilled"] = find(dialog, "User name", QLineEdit).text()
        seen["wrong"] = sign_in(dialog, "sara", "fel-lösenord-9")
        seen["under password"] = error_under(dialog, "Password")
        seen["after"] = (find(dialog, "User name", QLineEdit).text(), find(dialog, "Password", QLineEdit).text())
        seen["unknown"] = sign_in(dialog, "nobody", "hennes-första-lösen")  # same words: nothing about who exists
        assert sign_in(dialog, "sara", "hennes-första-lösen") == []

    db = first_run(team_file, settings, handler)
    try:
        assert seen["prefilled"] == "sara"
        assert seen["wrong"] == ["The user name or the password is wrong."]
        assert seen["under password"] == "The user name or the password is wrong."
        assert seen["after"] == ("sara", "")
        assert seen["unknown"] == seen["wrong"]
        assert db is not None and db.actor is not None
        assert (db.actor.username, db.actor.role) == ("sara", Role.SKOLSOCIONOM)
        assert settings.get(LAST_USER) == "sara"
    finally:
        db.close()


def test_giving_up_at_the_sign_in_leaves_nothing_open(qapp, team_file, settings):
    def handler(dialog) -> None:
        sign_in(dialog, "sara", "fel-lösenord-9")
        dialog.reject()

    assert first_run(team_file, settings, handler) is None
    assert settings.get(LAST_USER) == ""
    signin.sign_in(team_file, "sara", "hennes-första-lösen").close()  # not locked by a leftover connection


def test_after_wrong_passwords_in_a_row_the_window_says_how_long_to_wait(qapp, team_file, settings, monkeypatch,
                                                                       tmp_path):
    """Regression: ten wrong passwords in a row cost nothing and left no trace. The window does not freeze
    through a long wait: it says how long, under the password, and then lets the person in."""
    from sst_desk.security import throttle

    monkeypatch.setattr(throttle, "BASE_DELAY_S", 3.0)  # the wait after two failures: longer than the window sleeps
    clock = [1_900_000_000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: clock[0])
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        seen["first"] = sign_in(dialog, "sara", "fel-lösenord-9")
        seen["second"] = sign_in(dialog, "sara", "fel-lösenord-9")
        seen["third"] = sign_in(dialog, "sara", "hennes-första-lösen")  # even the right one must wait now
        seen["nobody"] = sign_in(dialog, "nobody", "fel-lösenord-9")  # another name: its own count
        dialog.grab().save(str(tmp_path / "signin-wait.png"))
        clock[0] += 3.5
        assert sign_in(dialog, "sara", "hennes-första-lösen") == []

    db = first_run(team_file, settings, handler)
    try:
        assert seen["first"] == seen["second"] == ["The user name or the password is wrong."]
        assert seen["third"] == ["Too many wrong tries. Wait 3 seconds."]
        assert seen["nobody"] == ["The user name or the password is wrong."]
        assert db is not None and db.actor is not None and db.actor.username == "sara"
    finally:
        db.close()


def test_an_empty_name_or_password_is_asked_for(qapp, team_file, settings):
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        seen.append(sign_in(dialog, "", "hennes-första-lösen"))
        seen.append(sign_in(dialog, "sara", ""))
        dialog.reject()

    assert first_run(team_file, settings, handler) is None
    assert seen == [["Write your user name."], ["Write your password."]]


# --- a file that is no database, and the demo -----------------------------------------------------------


@pytest.fixture
def shown(monkeypatch, tmp_path) -> list[str]:
    """Message boxes run_gui shows, recorded instead of shown; settings in tmp_path."""
    messages: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    real = app_module.Settings
    monkeypatch.setattr(app_module, "Settings", lambda: real.from_file(str(tmp_path / "settings.ini")))
    return messages


def test_a_file_that_is_no_database_gets_one_message_and_no_sign_in(qapp, tmp_path, shown, monkeypatch):
    opened: list = []
    monkeypatch.setattr(SignInDialog, "exec", lambda self: opened.append(self) or 0)
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: opened.append(self) or 0)
    notes = tmp_path / "protokoll.sqlite3"
    notes.write_bytes(b"\x93\x11 inte en databas " * 200)
    before = notes.read_bytes()
    assert app_module.run_gui(str(notes), language="en") == 1
    assert len(shown) == 1 and "is not an SST Desk database" in shown[0] and str(notes) in shown[0]
    assert opened == []  # nobody is asked for a password that cannot help
    assert notes.read_bytes() == before and not keys_of(notes).exists()


def test_the_demo_notice_is_decided_by_the_demo_mark_not_the_file_name(qapp, tmp_path):
    """Regression: any file called demo.sqlite3 showed "password for all: demo-losenord", and a renamed demo
    database (perhaps holding real data by now) hid it while keeping the public password."""
    import shutil

    from sst_desk.demo.accounts import DEMO_PASSWORD, create_demo_database

    made = tmp_path / "made" / "övning.sqlite3"
    made.parent.mkdir()
    create_demo_database(made, students_count=1)
    hint = demo_hint(made)
    assert "sara" in hint and "adam" in hint and DEMO_PASSWORD in hint
    real = tmp_path / "real" / "demo.sqlite3"  # a team's own database that happens to be called demo
    real.parent.mkdir()
    signin.create_first_administrator(real, "ada", "Ada Admin", ADMIN_PASSWORD).close()
    assert demo_hint(real) == ""
    renamed = tmp_path / "made" / "team.sqlite3"
    shutil.move(made, renamed)
    shutil.move(keys_of(made), keys_of(renamed))
    assert demo_hint(renamed) == ""
    assert demo_hint(tmp_path / "missing.sqlite3") == "" and demo_hint(None) == ""


def test_the_sign_in_dialog_of_the_demo_names_its_users(qapp, tmp_path, settings):
    from sst_desk.demo.accounts import DEMO_PASSWORD, create_demo_database

    demo = tmp_path / "demo.sqlite3"
    create_demo_database(demo, students_count=2)
    team = tmp_path / "team.sqlite3"
    signin.create_first_administrator(team, "ada", "Ada Admin", ADMIN_PASSWORD).close()
    intros: dict[str, str] = {}

    def read_intro(name):
        def handler(dialog) -> None:
            intros[name] = "\n".join(label.text() for label in dialog.findChildren(QLabel))
            dialog.reject()
        return handler

    assert first_run(demo, settings, read_intro("demo")) is None
    assert first_run(team, settings, read_intro("team")) is None
    assert "Demo database (fictional data)" in intros["demo"] and DEMO_PASSWORD in intros["demo"]
    assert "Demo database" not in intros["team"] and DEMO_PASSWORD not in intros["team"]


def test_starting_signs_in_asks_for_an_own_password_then_opens_the_window_with_the_lock(
        qapp, team_file, shown, monkeypatch):
    """run_gui: check the file, sign in, replace the password the administrator gave, lock on idle, cases."""
    from sst_desk.ui.common.lock import IdleLock
    from sst_desk.ui.caselist.main_window import MainWindow

    new = "mitt-eget-lösen-7"
    seen: dict = {}
    reports: list[list] = []

    def new_password(form) -> None:
        fill(form, "Current password", "hennes-första-lösen")
        fill(form, "New password", new)
        fill(form, "Repeat the new password", new)
        click(form, "Change password")

    def signing_in(dialog) -> None:
        assert isinstance(dialog, SignInDialog), dialog
        assert sign_in(dialog, "sara", "hennes-första-lösen") == []
        reports.append(answer_dialog(new_password))

    def close_the_window(window) -> None:
        seen["locker"] = window.context.locker
        seen["signed in"] = find(window, "Signed in").text()
        window.close()

    reports.append(answer_dialog(signing_in))
    reports.append(when_shown(MainWindow, close_the_window))
    try:
        assert app_module.run_gui(str(team_file), language="en") == 0
    finally:
        if isinstance(seen.get("locker"), IdleLock):
            seen["locker"].timer.stop()
            QApplication.instance().removeEventFilter(seen["locker"])
    assert not any(reports) and len(reports) == 3, reports
    assert shown == []
    assert isinstance(seen["locker"], IdleLock) and seen["locker"].timer.interval() == 10 * 60_000
    assert seen["signed in"].startswith("Signed in: Sara Lind (")
    signin.sign_in(team_file, "sara", new).close()  # the new password opens the database; the old one not
    with pytest.raises(signin.SignInError):
        signin.sign_in(team_file, "sara", "hennes-första-lösen")
