"""Live changes in the window, without a server (issue 13): the case list's reload is debounced, and an open
case window follows a newer save of its case once — not its own save, not an older event, not twice.

The events are handed in as the main window hands them (``LiveUpdates.sig_case_changed``,
``CaseFollower.changed``); the saves are real, on the test's database. The whole path through a real
server is tests/ui/test_live_windows.py.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from sst_desk.remote.sse import CaseEvent
from sst_desk.ui.case.follow import CaseFollower
from sst_desk.ui.common.live import LiveUpdates
from sst_desk.ui.common.operations import operations_running
from sst_desk.workflow.codes import Stage

from person import fill, find, open_window

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))  # the fictional cases of the workflow tests
from builders import make_case_at  # noqa: E402
from doors import door  # noqa: E402

ANNA = "Anna Andersson"


class NoServer:
    """An event source that is never connected: only the signals are used here."""

    location = "https://sst.example.invalid"

    def events_request(self):
        raise AssertionError("the stream was not to be started")


def test_a_burst_of_changes_reloads_the_list_once(qtbot) -> None:
    live = LiveUpdates(NoServer())
    stale: list[int] = []
    live.sig_list_stale.connect(lambda: stale.append(1))
    for revision in range(2, 7):  # five saves within a few milliseconds
        live.sig_case_changed.emit(CaseEvent(7, revision, 1, ANNA))
    qtbot.waitUntil(lambda: stale == [1], timeout=2_000)
    live.sig_case_changed.emit(CaseEvent(7, 7, 1, ANNA))  # a later one: a reload of its own
    qtbot.waitUntil(lambda: stale == [1, 1], timeout=2_000)
    assert live.stop()  # never started: nothing to wait for


def others_save(context, case_id: int, reason: str):
    case = door(context.db).cases.load_case(case_id)
    case.reason = reason
    return door(context.db).cases.save_case(case, today=dt.date(2026, 11, 22))


def test_an_open_window_takes_a_newer_save_in_once_and_leaves_older_news_alone(qtbot, main_window, context) -> None:
    case_id = door(context.db).cases.add_case(make_case_at(Stage.GENOMFORANDE, tzinfo=dt.timezone.utc)).id
    window = open_window(main_window, case_id)
    follower = CaseFollower(window)
    shown = window.case.revision
    follower.changed(shown, ANNA)  # what the window shows already (its own save)
    assert operations_running() == 0 and follower.taken_in == 0
    saved = others_save(context, case_id, "Anna skrev en ny anledning.")
    follower.changed(saved.revision, ANNA)
    qtbot.waitUntil(lambda: follower.taken_in == 1, timeout=10_000)
    assert find(window, "Reason").toPlainText() == "Anna skrev en ny anledning."
    assert ANNA in find(window, "Changes by others", QLabel).text()
    assert not window.isWindowModified()
    follower.changed(saved.revision, ANNA)  # the same event again, or an older one late
    follower.changed(saved.revision - 1, ANNA)
    assert operations_running() == 0 and follower.taken_in == 1


def test_news_that_comes_during_the_windows_own_save_is_not_taken_in_again(qtbot, main_window, context) -> None:
    case_id = door(context.db).cases.add_case(make_case_at(Stage.GENOMFORANDE, tzinfo=dt.timezone.utc)).id
    window = open_window(main_window, case_id)
    follower = CaseFollower(window)
    window.stepper.setCurrentRow(0)
    fill(window, "Contact at school", "Mentor Tess")
    saved = others_save(context, case_id, "Anna skrev en ny anledning.")
    window.save_action.trigger()  # her save merges Anna's in (the window's own merge)
    assert window.saving
    follower.changed(saved.revision, ANNA)  # the event arrives while her save runs: it waits
    qtbot.waitUntil(lambda: not window.saving and operations_running() == 0, timeout=10_000)
    assert window.case.revision > saved.revision  # her save came after Anna's and holds it
    assert follower.taken_in == 0  # so there is nothing newer to take in
    assert window.case.reason == "Anna skrev en ny anledning." and window.case.school_contact == "Mentor Tess"
