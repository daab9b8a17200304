"""The test machinery itself: answering modal dialogs (person.answer_dialog) and the per-test time limit
(tests/conftest.py). Each test here is a regression test of something that made the suite hang or fail
on a busy machine."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from person import answer_dialog, no_dialog_opens

ROOT = Path(__file__).resolve().parents[2]


def box(title: str) -> QMessageBox:
    return QMessageBox(QMessageBox.Icon.Information, title, title, QMessageBox.StandardButton.Ok)


def test_a_dialog_that_opens_late_is_still_answered(qtbot):
    """Regression: the answer stopped looking after 5 s; a dialog that came later (a busy machine) was
    never answered and its exec() waited for ever."""
    seen: list[str] = []
    errors = answer_dialog(lambda dialog: (seen.append(dialog.windowTitle()), dialog.accept()))
    qtbot.wait(5_500)  # the event loop runs, the answer keeps looking
    assert box("Late").exec() == QDialog.DialogCode.Accepted
    assert seen == ["Late"] and not errors


def test_two_answers_each_take_their_own_dialog(qtbot):
    """Regression: answers were removed from the pending list by equality, and two empty answers are
    equal lists: the wrong one was taken off, and a used answer was later reported as never used."""
    seen: list[str] = []

    def first(dialog) -> None:
        seen.append(dialog.windowTitle())
        assert box("Second").exec() == QDialog.DialogCode.Accepted  # the second answer, not this one
        dialog.accept()

    one = answer_dialog(first)
    two = answer_dialog(lambda dialog: (seen.append(dialog.windowTitle()), dialog.accept()))
    assert box("First").exec() == QDialog.DialogCode.Accepted
    assert seen == ["First", "Second"]
    assert not one and not two and one.answered and two.answered


def test_no_dialog_opens_names_a_dialog_that_did(qapp):
    """A check that no dialog opens judges when the block ends (dialogs open in exec()), not after a wait."""
    try:
        with no_dialog_opens():
            box("Surprise").exec()
    except AssertionError as exc:
        assert "Surprise" in str(exc)
    else:
        raise AssertionError("no_dialog_opens let a dialog pass")


HANGING = '''
import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.mark.timeout(2)
def test_waits_for_an_answer_nobody_gives(qapp):
    QMessageBox(QMessageBox.Icon.Information, "Nobody answers", "x").exec()


def test_the_next_test_still_runs(qapp):
    pass
'''


def test_a_test_stuck_in_a_dialog_fails_with_its_name_and_the_run_goes_on(tmp_path):
    """Regression: pytest-timeout's signal method never fired while a test waited in a dialog's exec()
    (Python code must run for a signal handler to run), so the suite hung silently for more than nine
    minutes; its thread method would end the whole run."""
    (tmp_path / "conftest.py").write_text(textwrap.dedent(f'''
        import importlib.util
        spec = importlib.util.spec_from_file_location("timeouts", {str(ROOT / "tests" / "conftest.py")!r})
        timeouts = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(timeouts)
        globals().update({{k: v for k, v in vars(timeouts).items() if k.startswith("pytest_")}})
    '''))
    (tmp_path / "test_hang.py").write_text(HANGING)
    (tmp_path / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\ntimeout = 60\ntimeout_method = signal\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    out = done.stdout + done.stderr
    assert "Timeout: test_hang.py::test_waits_for_an_answer_nobody_gives ran over its limit of 2 s, waiting in " \
           "the modal dialog 'Nobody answers' that nobody answered" in out, out
    assert "FAILED test_hang.py::test_waits_for_an_answer_nobody_gives" in out, out
    assert "PASSED test_hang.py::test_the_next_test_still_runs" in out, out
