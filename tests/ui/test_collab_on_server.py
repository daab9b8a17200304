"""Two people type into one shared case on the real team server (issue 14), through their case windows.

A real ``sst-desk serve`` (subprocess, PostgreSQL, HTTPS, the integration tests' harness); Sara
(skolsocionom) and Kim (kurator), both responsible for the case, each with a case window in this process
joined to the case's room over a real WebSocket. Sara and Kim type into the same field at the same
place at once: both windows end alike, nobody's characters are lost, and the stored case (once the room
has saved) holds the same text. Each key Sara types reaches Kim's window (how fast: benchmarks/bench_coedit.py).

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop

from collab_docs import type_keys
from person import NOW, find
from server_harness import ADMIN, postgres_marks, team_server
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

pytestmark = postgres_marks(timeout=240)

SARA = ("sara.socionom", "Sara Socionom", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
KIM = ("kim.kurator", "Kim Kurator", Role.KURATOR, "Blåbärsris-Granskogen-47")
TOVE = ("tove.teamledare", "Tove Teamledare", Role.TEAMLEDARE, "Lingonris-Hällebäck-51")
OWN = "Egen-Lösenmening-Vintergata-82"
KEYSTROKES = 60


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict, int]]:
    """Sara's and Kim's sessions and a case in planning both are responsible for."""
    from sst_desk.demo.generate import build_cases
    from sst_desk.remote.client import RemoteServer

    with team_server(tmp_path_factory.mktemp("collab-server")) as (server, certs):
        with RemoteServer(server.url, ca_file=certs.ca) as remote:
            admin = remote.signin(ADMIN[0], ADMIN[2])
            ids = {}
            for username, name, role, password in (SARA, KIM, TOVE):
                ids[username] = admin.door.accounts.create_user(username, name, role, password).id
            people = {}
            for username, _name, _role, password in (SARA, KIM, TOVE):
                people[username] = remote.signin(username, password)
                people[username].change_password(password, OWN)
            case = next(c for c in build_cases(30, seed=5, today=NOW.date())
                        if c.stage is Stage.PLANERING and c.current_plan is not None)
            case.student.protected_identity = False
            case_id = people[SARA[0]].door.cases.add_case(case).id
            people[TOVE[0]].door.cases.set_case_members(case_id, [ids[SARA[0]], ids[KIM[0]]])
            yield people, case_id


def case_window_for(session, case_id: int, folder: Path):
    from sst_desk.app import build_context
    from sst_desk.remote.connection import ServerConnection
    from sst_desk.settings import Settings
    from sst_desk.ui.case.case_window import CaseWindow

    context = build_context(ServerConnection(session.server, session), Settings.from_file(str(folder / "s.ini")))
    context.clock = lambda: NOW
    opened = context.door.cases.open_case(case_id)
    window = CaseWindow(context, opened.case, allowed=opened.allowed)
    window.show()
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    return window


def plan_view(window):
    return find(window.pages[Stage.PLANERING.order], "The guardians' view of the plan")


def put_caret(box, position: int) -> None:
    cursor = box.textCursor()
    cursor.setPosition(position)
    box.setTextCursor(cursor)


@pytest.mark.parametrize("count", [2, 3], ids=["two", "three"])
def test_people_type_at_the_same_place_at_once_and_the_stored_case_keeps_all(qtbot, shared, tmp_path, count):
    people, case_id = shared
    who = [SARA, KIM, TOVE][:count]
    windows = [case_window_for(people[person[0]], case_id, tmp_path / person[0]) for person in who]
    try:
        for window in windows:
            qtbot.waitUntil(lambda w=window: w.room is not None and w.room.joined, timeout=15_000)
        others = {name for _user, name, _role, _password in who[1:]}
        qtbot.waitUntil(lambda: {user["name"] for user in windows[0].room.strip.people} == others, timeout=10_000)
        if count == 2:
            assert windows[0].room.strip.text() == "Also open: Kim Kurator (KK)"
        boxes = [plan_view(window) for window in windows]
        start = boxes[0].toPlainText()
        for box in boxes:
            put_caret(box, len(start))
        words = [" Mamma kommer på mötet.", " Skolan ordnar läxhjälp två dagar.", " Uppföljning i februari."][:count]
        for step in range(max(map(len, words))):
            for box, word in zip(boxes, words):
                type_keys(box, word[step:step + 1])
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        total = len(start) + sum(map(len, words))
        qtbot.waitUntil(lambda: len({box.toPlainText() for box in boxes}) == 1
                        and len(boxes[0].toPlainText()) == total, timeout=10_000)
        text = boxes[0].toPlainText()
        # every character of everyone; each one's words in their typing order
        assert sorted(text) == sorted(start + "".join(words))
        for word in words:
            rest = iter(text[len(start):])
            assert all(char in rest for char in word), f"{word!r} not in order in {text!r}"
        qtbot.waitUntil(lambda: all(w.room.save_state.text().startswith("Saved ") for w in windows), timeout=20_000)
        stored = people[TOVE[0]].door.cases.load_case(case_id)
        assert stored.current_plan.guardians_view == text  # the room stores the shared text as it is
    finally:
        for window in windows:
            window.close()


def test_each_keystroke_reaches_the_other_window_one_by_one(qtbot, shared, tmp_path):
    """Keys typed one after another each reach the other window (how fast: benchmarks/bench_coedit.py)."""
    people, case_id = shared
    sara = case_window_for(people[SARA[0]], case_id, tmp_path / "sara")
    kim = case_window_for(people[KIM[0]], case_id, tmp_path / "kim")
    try:
        for window in (sara, kim):
            qtbot.waitUntil(lambda w=window: w.room is not None and w.room.joined, timeout=15_000)
        mine, theirs = plan_view(sara), plan_view(kim)
        put_caret(mine, len(mine.toPlainText()))
        for index in range(KEYSTROKES):
            expected = theirs.toPlainText() + "abcåäö😀 "[index % 8]
            type_keys(mine, "abcåäö😀 "[index % 8])
            qtbot.waitUntil(lambda e=expected: theirs.toPlainText() == e, timeout=10_000)
        assert mine.toPlainText() == theirs.toPlainText()
    finally:
        for window in (sara, kim):
            window.close()


def test_three_people_change_the_goals_list_at_once_and_all_end_alike_and_stored(qtbot, shared, tmp_path):
    """Sara and Kim each add a goal while Tove removes one, each in their own window: every window ends with the
    same list — both new goals, without the removed one — and the stored case holds it."""
    from person import accept_message_box, answer_dialog, fill_dialog, select_row

    people, case_id = shared
    windows = {person[0]: case_window_for(people[person[0]], case_id, tmp_path / person[0])
               for person in (SARA, KIM, TOVE)}
    try:
        for window in windows.values():
            qtbot.waitUntil(lambda w=window: w.room is not None and w.room.joined, timeout=15_000)
        pages = {name: window.pages[Stage.PLANERING.order] for name, window in windows.items()}
        gone = windows[TOVE[0]].case.current_plan.goals[-1].description
        sara_goal, kim_goal = "Eleven äter frukost hemma", "Eleven går på mattestödet"
        answer_dialog(fill_dialog({"Goal": sara_goal, "Measured by": "Elevens egen dagbok"}))
        pages[SARA[0]].goals.add_new()
        answer_dialog(fill_dialog({"Goal": kim_goal, "Measured by": "Mattelärarens lista"}))
        pages[KIM[0]].goals.add_new()
        select_row(pages[TOVE[0]], "Goals", gone)
        accept_message_box()
        pages[TOVE[0]].goals.remove_selected()

        def shown(name: str) -> list[str]:
            model = pages[name].goals.model
            return [model.item(r).description for r in range(model.rowCount())]

        qtbot.waitUntil(lambda: len({tuple(shown(name)) for name in windows}) == 1
                        and {sara_goal, kim_goal} <= set(shown(SARA[0])) and gone not in shown(SARA[0]),
                        timeout=15_000)
        for window in windows.values():
            qtbot.waitUntil(lambda w=window: w.room.save_state.text().startswith("Saved ")
                            and not w.room.has_unsent(), timeout=20_000)
        qtbot.waitUntil(lambda: [g.description for g in people[TOVE[0]].door.cases.load_case(case_id)
                                 .current_plan.goals] == shown(SARA[0]), timeout=20_000)
    finally:
        for window in windows.values():
            window.close()


def test_a_goal_added_by_one_is_listed_for_the_other_and_a_step_taken_reaches_both(qtbot, shared, tmp_path):
    from person import answer_dialog, fill_dialog
    from sst_desk.ui.common.labels import label
    from sst_desk.workflow.codes import Authority
    from sst_desk.workflow.process import Move

    people, case_id = shared
    sara = case_window_for(people[SARA[0]], case_id, tmp_path / "sara")
    kim = case_window_for(people[KIM[0]], case_id, tmp_path / "kim")
    try:
        for window in (sara, kim):
            qtbot.waitUntil(lambda w=window: w.room is not None and w.room.joined, timeout=15_000)
        goals = len(sara.case.current_plan.goals)
        typed = {"Goal": "Eleven deltar i idrotten varje vecka", "Measured by": "Lärarens närvarolista"}
        answer_dialog(fill_dialog(typed))
        kim.pages[Stage.PLANERING.order].goals.add_new()
        model = sara.pages[Stage.PLANERING.order].goals.model
        qtbot.waitUntil(lambda: typed["Goal"] in [model.item(r).description for r in range(model.rowCount())],
                        timeout=10_000)
        qtbot.waitUntil(lambda: kim.room.save_state.text().startswith("Saved "), timeout=20_000)
        stored = people[TOVE[0]].door.cases.load_case(case_id)
        assert [g.description for g in stored.current_plan.goals].count(typed["Goal"]) == 1
        assert len(stored.current_plan.goals) == goals + 1

        # what the step needs, made by Kim: the follow-up date (a field: live) and an insats (a dialog)
        from person import fill

        fill(kim.pages[Stage.PLANERING.order], "Follow-up date", "2027-02-15")
        answer_dialog(fill_dialog({"Intervention": "Läxhjälp två dagar i veckan", "Responsible person": "Kim Kurator",
                                   "Responsible authority": label(Authority.SKOLA), "Start": "2026-11-23",
                                   "Serves goal": typed["Goal"]}))
        kim.pages[Stage.PLANERING.order].insatser.add_new()
        qtbot.waitUntil(lambda: len(sara.case.current_plan.insatser) == 1
                        and sara.case.current_plan.follow_up_on is not None, timeout=10_000)
        # a step stays the explicit action it was, saved with the revision check; the room brings it to both
        answer_dialog(fill_dialog({}))
        assert sara.take_move(Move.START_GENOMFORANDE)
        for window in (sara, kim):
            qtbot.waitUntil(lambda w=window: w.case.stage is Stage.GENOMFORANDE, timeout=20_000)
            qtbot.waitUntil(lambda w=window: label(Stage.GENOMFORANDE) in w.header.text(), timeout=5_000)
        assert people[TOVE[0]].door.cases.load_case(case_id).stage is Stage.GENOMFORANDE
    finally:
        for window in (sara, kim):
            window.close()
