"""Fixtures for the UI tests: a real SQLite file, isolated settings, a fixed clock, English source strings."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from person import NOW, end_of_test_dialogs, reload  # noqa: E402 - shared with the tests (import from person)

from sst_desk.security import keyfile as _keyfile
from sst_desk.security import passwords as _passwords

# Argon2 at OWASP cost takes ~30 ms a call; tests sign in hundreds of times. Real parameters are
# measured in benchmarks/bench_security.py.
_passwords.use_cheap_parameters_for_tests()
_keyfile.use_cheap_parameters_for_tests()



_CALL_PASSED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_CALL_PASSED] = report.passed
    return report


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch, request):
    """No test touches the real data folder or the real settings; no test's dialog answer outlives it, and
    a test that prepared an answer for a dialog that never opened fails (it tested nothing)."""
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SST_DESK_USER", "testare")
    yield
    waiting = end_of_test_dialogs()
    if waiting and request.node.stash.get(_CALL_PASSED, False):
        pytest.fail(f"the test prepared an answer for a dialog that never opened: {waiting}")


UI_PASSWORD = "ui-test-losenord"


@pytest.fixture
def database(tmp_path):
    """An encrypted team database, signed in as Tess Testare, skolsocionom (cases she adds are hers)."""
    from sst_desk.security import signin
    from sst_desk.workflow.access import Role

    file = tmp_path / "ui.sqlite3"
    admin = signin.create_first_administrator(file, "admin", "Ada Admin", UI_PASSWORD)
    signin.add_account(admin, "testare", "Tess Testare", Role.SKOLSOCIONOM, UI_PASSWORD)
    admin.close()
    db = signin.sign_in(file, "testare", UI_PASSWORD)
    yield db
    db.close()


@pytest.fixture
def context(qapp, database, tmp_path):
    from sst_desk.app import build_context
    from sst_desk.settings import Settings

    settings = Settings.from_file(str(tmp_path / "settings.ini"))
    ctx = build_context(database, settings)
    ctx.clock = lambda: NOW
    return ctx


@pytest.fixture
def main_window(qtbot, context):
    from sst_desk.ui.caselist.main_window import MainWindow

    window = MainWindow(context)
    window.show()
    reload(window)
    yield window
    # Not qtbot.addWidget: its teardown closes windows before this runs, and a failed test may leave
    # unsaved edits whose "save?" question nobody would answer.
    for case_window in list(window.case_windows.values()):
        case_window.setWindowModified(False)
    window.close()
    window.deleteLater()

