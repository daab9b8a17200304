"""Case windows sharing one case through its room: typing, lists, presence, the save state, offline, refusal.

The room here is ``LoopRoom``: the room's document and its clients in this process, each update handed
on through the window's ``post`` (a queued signal, as the real client's network thread does) — the
window's side of ``remote.room.RoomClient``'s contract, without the network. The real client against
the real server is tested where those live (tests of the room client and the server's rooms).
"""

from __future__ import annotations

import datetime as dt
import json

import pycrdt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from collab_docs import type_keys
from doors import door
from person import NOW, answer_dialog, fill_dialog, find, settle
from sst_desk.collab import casedoc
from sst_desk.remote import wire
from sst_desk.ui.case.case_window import CaseWindow
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.problems import Finding, Problem

ROOM = "room"


class LoopServer:
    """The room on the "server": its document (made from the stored case) and the clients joined to it."""

    def __init__(self, case) -> None:
        self.doc = casedoc.new_doc(case)
        self.clients: list[LoopRoom] = []
        self.presence: dict[int, dict] = {}
        self.refuse: int | None = None
        self.reachable = True
        self.auto_sync = True

    def factory(self, doc: pycrdt.Doc, *, post, on_status=None, on_awareness=None) -> "LoopRoom":
        return LoopRoom(self, doc, post, on_status, on_awareness)

    def broadcast(self, update: bytes, source: "LoopRoom | None") -> None:
        for client in self.clients:
            if client is not source and client.connected:
                client.post(lambda c=client: c.receive(update))

    def write(self, fn) -> None:
        """A change the server makes itself (a save's meta): into its document and on to every client."""
        before = self.doc.get_state()
        with self.doc.transaction(origin=casedoc.ORIGIN_SERVER):
            fn(self.doc)
        self.broadcast(self.doc.get_update(before), None)

    def saved(self, *, problem: list[Finding] | None = None) -> None:
        def mark(doc) -> None:
            meta = doc.get(casedoc.META, type=pycrdt.Map)
            meta["saved_at"] = dt.datetime(2026, 11, 22, 9, 31, tzinfo=dt.timezone.utc).isoformat()
            meta["problem"] = json.dumps(wire.encode(problem)) if problem else ""
        self.write(mark)

    def tell_presence(self) -> None:
        for client in self.clients:
            if client.connected and client.on_awareness is not None:
                client.post(client.on_awareness)


class LoopRoom:
    """One window's room client (status, presence, sync on join, updates both ways)."""

    def __init__(self, server: LoopServer, doc, post, on_status, on_awareness) -> None:
        self.server, self.doc, self.post = server, doc, post
        self.on_status, self.on_awareness = on_status, on_awareness
        self.status = "CONNECTING"
        self.refusal: int | None = None
        self.connected = False
        self.client_id = doc.client_id
        self._subscription = doc.observe(self._local)
        server.clients.append(self)

    def start(self):
        if self.server.auto_sync:
            self.post(self.connect)
        return self

    def connect(self) -> None:
        if self.server.refuse is not None:
            self.refusal = self.server.refuse
            self._status("REFUSED")
            return
        if not self.server.reachable:
            self._status("OFFLINE")
            return
        self.connected = True
        mine = self.doc.get_update(self.server.doc.get_state())  # what I made while away
        self.server.doc.apply_update(mine)
        self.server.broadcast(mine, self)
        with self.doc.transaction(origin=ROOM):
            self.doc.apply_update(self.server.doc.get_update(self.doc.get_state()))
        self._status("SYNCED")

    def lose(self) -> None:
        self.connected = False
        self._status("OFFLINE")

    def receive(self, update: bytes) -> None:
        if self.connected:
            with self.doc.transaction(origin=ROOM):
                self.doc.apply_update(update)

    def _local(self, event) -> None:
        if not self.connected or event.transaction.origin() == hash(ROOM):
            return
        update = event.update
        self.post(lambda: self._send(update))

    def _send(self, update: bytes) -> None:
        if self.connected:
            self.server.doc.apply_update(update)
            self.server.broadcast(update, self)

    def _status(self, status: str) -> None:
        self.status = status
        if self.on_status is not None:
            self.on_status(status)

    def set_presence(self, state: dict) -> None:
        self.server.presence[self.client_id] = state
        self.server.tell_presence()

    def presence(self) -> dict[int, dict]:
        return {c: s for c, s in self.server.presence.items() if c != self.client_id} if self.connected else {}

    def close(self, timeout: float = 2.0) -> bool:
        self.server.presence.pop(self.client_id, None)
        self.connected = False
        self.status = "CLOSED"
        self.doc.unobserve(self._subscription)
        self.server.clients.remove(self)
        self.server.tell_presence()
        return True


@pytest.fixture
def planned_case(context):
    """A demo case in the planning or a later stage, with a current plan (read as the window opens it)."""
    from sst_desk.demo.generate import populate

    cases = door(context.db).cases
    for case_id in populate(context.db, students=12, seed=2, today=NOW.date()):
        case = cases.load_case(case_id)
        if case.current_plan is not None and case.stage in (Stage.PLANERING, Stage.GENOMFORANDE):
            return case
    raise AssertionError("the demo has no planned case")


def open_two(qtbot, context, case) -> tuple[LoopServer, CaseWindow, CaseWindow]:
    server = LoopServer(case)
    windows = []
    for _ in range(2):
        window = CaseWindow(context, door(context.db).cases.load_case(case.id), room_factory=server.factory)
        qtbot.addWidget(window)
        window.show()
        window.stepper.setCurrentRow(Stage.PLANERING.order)
        windows.append(window)
    for window in windows:
        qtbot.waitUntil(lambda w=window: w.room.joined)
    return server, windows[0], windows[1]


def plan_view(window) -> object:
    return find(window.pages[Stage.PLANERING.order], "The guardians' view of the plan")


def test_until_the_room_answers_the_case_is_shown_read_only_with_connecting(qtbot, context, planned_case):
    server = LoopServer(planned_case)
    server.auto_sync = False
    window = CaseWindow(context, planned_case, room_factory=server.factory)
    qtbot.addWidget(window)
    window.show()
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    assert window.room.banner.isVisible()
    assert window.room.banner.label.text().startswith("Connecting to the shared case")
    assert plan_view(window).isReadOnly()
    assert not window.moves_box.isEnabled()
    assert not window.save_action.isVisible()  # the room saves: its state is shown instead
    server.clients[0].post(server.clients[0].connect)
    qtbot.waitUntil(lambda: window.room.joined)
    assert not window.room.banner.isVisible()
    assert not plan_view(window).isReadOnly()


def test_typing_in_one_window_appears_in_the_other_as_it_is_typed(qtbot, context, planned_case):
    server, sara, ali = open_two(qtbot, context, planned_case)
    mine, theirs = plan_view(sara), plan_view(ali)
    start = mine.toPlainText()
    cursor = mine.textCursor()
    cursor.setPosition(len(start))
    mine.setTextCursor(cursor)
    type_keys(mine, " Mamma vill vara med på mötena.")
    qtbot.waitUntil(lambda: theirs.toPlainText() == start + " Mamma vill vara med på mötena.")
    plan = casedoc.record_map(server.doc, planned_case.current_plan) or next(
        m for m in casedoc.records(server.doc).values() if m.get("key") == casedoc.key_of(sara.case.current_plan))
    assert str(plan["guardians_view"]) == start + " Mamma vill vara med på mötena."
    assert not ali.isWindowModified() and not sara.isWindowModified()
    assert sara.room.save_state.text() == "Saving…"
    server.saved()
    qtbot.waitUntil(lambda: sara.room.save_state.text().startswith("Saved "))
    local = dt.datetime(2026, 11, 22, 9, 31, tzinfo=dt.timezone.utc).astimezone().strftime("%H:%M")
    assert sara.room.save_state.text() == f"Saved {local}"


def test_a_goal_added_in_one_window_is_listed_in_the_other(qtbot, context, planned_case):
    server, sara, ali = open_two(qtbot, context, planned_case)
    page = sara.pages[Stage.PLANERING.order]
    before = len(ali.case.current_plan.goals)
    typed = {"Goal": "Eleven kommer till skolan fyra dagar av fem", "Measured by": "Närvaro i Skola24"}
    answer_dialog(fill_dialog(typed))
    page.goals.add_new()
    qtbot.waitUntil(lambda: len(ali.case.current_plan.goals) == before + 1)
    descriptions = [g.description for g in ali.case.current_plan.goals]
    assert typed["Goal"] in descriptions
    model = ali.pages[Stage.PLANERING.order].goals.model
    assert typed["Goal"] in [model.item(row).description for row in range(model.rowCount())]
    assert len(casedoc.read_case(server.doc).current_plan.goals) == before + 1


def test_a_colleagues_field_is_marked_and_the_strip_names_them(qtbot, context, planned_case):
    server, sara, ali = open_two(qtbot, context, planned_case)
    qtbot.waitUntil(sara.room.strip.isVisible)
    assert sara.room.strip.text() == "Also open: Tess Testare (TT)"  # the same person on a second laptop
    theirs = plan_view(ali)
    ali.activateWindow()
    qtbot.waitUntil(ali.isActiveWindow)
    theirs.setFocus()
    qtbot.waitUntil(theirs.hasFocus)
    path = f"{casedoc.key_of(sara.case.current_plan)}/guardians_view"
    qtbot.waitUntil(lambda: [b.accessibleName() for b in sara.room.markers.badges(path)]
                    == ["Tess Testare is writing here"])
    assert sara.room.markers.badges(path)[0].parent() is plan_view(sara)
    sara.resize(1150, 800)
    assert sara.grab().save("/tmp/collab_case_window.png")  # looked at: strip, marker, save state


def test_a_save_the_server_could_not_make_is_said_in_words(qtbot, context, planned_case):
    from sst_desk.ui.common.messages import message

    server, sara, _ali = open_two(qtbot, context, planned_case)
    finding = Finding(Problem.KARTLAGGNING_SUMMARY_MISSING, field="summary")
    server.saved(problem=[finding])
    qtbot.waitUntil(lambda: sara.room.save_state.text().startswith("Not saved: "))
    assert sara.room.save_state.text() == "Not saved: " + message(finding)


def test_offline_edits_stay_and_arrive_when_the_server_answers(qtbot, context, planned_case):
    server, sara, ali = open_two(qtbot, context, planned_case)
    room = server.clients[0]
    server.reachable = False
    room.lose()
    qtbot.waitUntil(sara.room.banner.isVisible)
    assert "cannot be reached" in sara.room.banner.label.text()
    mine = plan_view(sara)
    assert not mine.isReadOnly()  # keep working
    start = mine.toPlainText()
    cursor = mine.textCursor()
    cursor.setPosition(0)
    mine.setTextCursor(cursor)
    type_keys(mine, "Offline: ")
    settle()
    assert plan_view(ali).toPlainText() == start
    assert sara.room.has_unsent()
    server.reachable = True
    room.connect()
    qtbot.waitUntil(lambda: plan_view(ali).toPlainText() == "Offline: " + start)
    assert not sara.room.banner.isVisible()


def test_a_refused_room_turns_the_window_read_only_and_keeps_what_was_typed(qtbot, context, planned_case):
    server, sara, _ali = open_two(qtbot, context, planned_case)
    mine = plan_view(sara)
    type_keys(mine, "x")
    text = mine.toPlainText()
    room = server.clients[0]
    room.connected = False
    room.refusal = 4403
    room._status("REFUSED")
    assert sara.room.banner.isVisible() and sara.room.banner.retry.isVisible()
    assert "may no longer see this case" in sara.room.banner.label.text()
    assert mine.isReadOnly() and mine.toPlainText() == text
    asked: list[str] = []

    def close_anyway(box) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Close).click()

    answer_dialog(close_anyway)
    sara.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it again at the end
    assert sara.close()
    assert asked and "have not reached the team server yet" in asked[0]


def test_on_a_database_file_there_is_no_room(qtbot, context, planned_case):
    window = CaseWindow(context, planned_case)
    qtbot.addWidget(window)
    assert window.room is None
    assert window.save_action.isVisible()


def test_a_students_view_typed_where_there_was_none_reaches_the_other_window(qtbot, context, planned_case):
    """The student's own view of a stage is a record made when first written: typing it makes the record in the
    shared document (a field without a place yet), and from then on it is shared character by character."""
    server, sara, ali = open_two(qtbot, context, planned_case)
    stages = {view.stage for view in sara.case.student_views}
    row, page = next((row, page) for row, page in enumerate(sara.pages) if page.stage not in stages
                     and page.forms and not page.locked_note.isVisible())
    sara.stepper.setCurrentRow(row)
    ali.stepper.setCurrentRow(row)
    mine = find(page, "The student's own view")
    theirs = find(ali.pages[row], "The student's own view")
    type_keys(mine, "Jag vill ")  # the record is made with what is typed (saving trims the space)
    qtbot.waitUntil(lambda: theirs.toPlainText() == "Jag vill ")
    qtbot.waitUntil(lambda: any(v.stage is page.stage and v.text == "Jag vill "
                                for v in casedoc.read_case(server.doc).student_views))
    assert mine.toPlainText() == "Jag vill "  # the space typed before the record existed is still there
    type_keys(mine, "börja om")  # now a shared text: both follow it as it is typed
    qtbot.waitUntil(lambda: theirs.toPlainText() == "Jag vill börja om")
    assert mine.toPlainText() == "Jag vill börja om"
    views = [v for v in casedoc.read_case(server.doc).student_views if v.stage is page.stage]
    assert len(views) == 1 and views[0].text == "Jag vill börja om"


def test_the_goal_one_has_chosen_stays_chosen_while_a_colleague_types(qtbot, context, planned_case):
    server, sara, ali = open_two(qtbot, context, planned_case)
    goals = sara.pages[Stage.PLANERING.order].goals
    goals.view.selectRow(1)
    chosen = goals.selected().description
    reread = []
    sara.room.sig_reread.connect(lambda: reread.append(1))
    type_keys(plan_view(ali), "Pappa ringer på fredag.")
    qtbot.waitUntil(lambda: bool(reread) and plan_view(sara).toPlainText().endswith("Pappa ringer på fredag."))
    assert goals.selected() is not None and goals.selected().description == chosen


def test_the_next_step_button_keeps_the_keyboard_focus_while_a_colleague_types(qtbot, context, planned_case):
    from sst_desk.ui.common.labels import label
    from sst_desk.workflow.process import Move

    server, sara, ali = open_two(qtbot, context, planned_case)
    button = find(sara, label(Move.START_GENOMFORANDE))
    sara.activateWindow()
    qtbot.waitUntil(sara.isActiveWindow)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    reread = []
    sara.room.sig_reread.connect(lambda: reread.append(1))
    type_keys(plan_view(ali), "Ny rad.")
    qtbot.waitUntil(lambda: bool(reread))
    assert find(sara, label(Move.START_GENOMFORANDE)) is button and button.hasFocus()


def test_the_meeting_view_on_the_projector_follows_a_colleagues_typing(qtbot, context, planned_case):
    server, sara, ali = open_two(qtbot, context, planned_case)
    sara.show_meeting()
    meeting = sara.meeting
    qtbot.addWidget(meeting)
    type_keys(plan_view(ali), " Mamma vill vara med.")
    qtbot.waitUntil(lambda: "Mamma vill vara med." in meeting.text(), timeout=5_000)
    meeting.close()
