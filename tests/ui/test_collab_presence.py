"""Presence: who else has the case open and which field each is in, readable without colour.

Three windows of one case share their awareness states through a stand-in for the room (``Room``: what
``RoomClient.set_presence`` / ``presence()`` carry); the focus moves as a person's would.
"""

from __future__ import annotations

import pycrdt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from collab_docs import Mesh
from person import find
from sst_desk.ui.case.forms import Field, Form, Kind
from sst_desk.ui.collab.form_binding import FormBinding
from sst_desk.ui.collab.presence import (
    BADGE_WIDTH,
    OKABE_ITO,
    SHAPES,
    STYLES,
    FieldTracker,
    PresenceBadge,
    PresenceMarkers,
    PresenceStrip,
    choose_style,
    initials,
    local_state,
)

SCREENSHOT = "/tmp/collab_presence_markers.png"


class Room:
    """The room's awareness as each window sees it: everyone's state but its own."""

    def __init__(self) -> None:
        self.states: dict[int, dict] = {}
        self.windows: dict[int, "Window"] = {}

    def set(self, client: int, state: dict) -> None:
        self.states[client] = state
        self.tell()

    def leave(self, client: int) -> None:
        self.states.pop(client, None)
        self.windows.pop(client, None)
        self.tell()

    def others(self, client: int) -> dict[int, dict]:
        return {other: state for other, state in self.states.items() if other != client}

    def tell(self) -> None:
        for client, window in self.windows.items():
            window.strip.show_states(self.others(client))
            window.markers.show_states(self.others(client))


class Window(QWidget):
    """A case window's share of presence: the strip, the form with its markers, the focus reported."""

    def __init__(self, room: Room, client: int, name: str, doc: pycrdt.Doc) -> None:
        super().__init__()
        self.setWindowTitle(f"{name}'s window")
        self.strip = PresenceStrip(self)
        self.form = Form([Field("summary", "Summary", Kind.MULTILINE),
                          Field("guardians_view", "The guardians' view", Kind.MULTILINE),
                          Field("student.school", "School", Kind.TEXT)], self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.form)
        self.binding = FormBinding(self.form, doc.get("case", type=pycrdt.Map))
        fields = {path: self.form.input(name) for name, path in self.binding.field_paths().items()}
        self.markers = PresenceMarkers(self)
        self.markers.add_fields(fields)
        self.tracker = FieldTracker(self, self)
        self.tracker.track_all(fields)
        room.windows[client] = self
        self.state = local_state(name, name.lower(), room.others(client))
        self.tracker.sig_field.connect(lambda path: room.set(client, {**self.state, "field": path}))
        room.set(client, self.state)


def three_windows(qtbot) -> tuple[Room, list[Window]]:
    mesh = Mesh(3)
    mesh.share(lambda doc: doc.__setitem__("case", pycrdt.Map({
        "key": "r12", "summary": pycrdt.Text("Frånvaro"), "guardians_view": pycrdt.Text(""),
        "student": pycrdt.Map({"key": "r13", "school": pycrdt.Text("Björkskolan")})})))
    room = Room()
    windows = []
    for client, (name, doc) in enumerate(zip(["Sara Lind", "Ali Berg", "Eva Öberg"], mesh.docs), start=1):
        window = Window(room, client, name, doc)
        qtbot.addWidget(window)
        window.resize(520, 330)
        window.show()
        windows.append(window)
    return room, windows


def focus(qtbot, window: Window, label: str) -> None:
    widget = find(window, label)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_initials_and_a_style_each_that_differs_in_shape_as_well_as_colour():
    assert initials("Sara Lind") == "SL" and initials("Eva-Lena Öberg Ek") == "EE" and initials("Ali") == "A"
    assert len(set(STYLES)) == len(OKABE_ITO) * len(SHAPES)
    for first, second in zip(STYLES, STYLES[1:]):
        assert first[0] != second[0] and first[1] != second[1]
    taken = [choose_style("sara")]
    assert choose_style("sara") == taken[0]  # the same person, the same badge, when it is free
    assert choose_style("sara", taken) not in taken


def test_the_strip_names_everyone_else_who_has_the_case_open(qtbot):
    room, (sara, ali, eva) = three_windows(qtbot)
    assert sara.strip.isVisible()
    assert sara.strip.text() == "Also open: Ali Berg (AB), Eva Öberg (EÖ)"
    assert ali.strip.text() == "Also open: Sara Lind (SL), Eva Öberg (EÖ)"
    styles = {(w.state["user"]["colour"], w.state["user"]["shape"]) for w in (sara, ali, eva)}
    assert len(styles) == 3  # nobody shares a badge
    room.leave(2)
    room.leave(3)
    assert not sara.strip.isVisible() and sara.strip.text() == ""


def test_a_marker_appears_beside_the_field_a_colleague_is_in_moves_with_them_and_goes(qtbot):
    room, (sara, ali, eva) = three_windows(qtbot)
    summary_path, school_path = "r12/summary", "r13/school"
    for window in (sara, eva, ali):  # a window shown puts the focus in its first field: all move away first
        focus(qtbot, window, "The guardians' view")
    assert sara.markers.badges(summary_path) == []

    focus(qtbot, ali, "Summary")
    badges = sara.markers.badges(summary_path)
    assert [b.accessibleName() for b in badges] == ["Ali Berg is writing here"]
    assert badges[0].toolTip() == "Ali Berg is writing here"
    assert badges[0].parent() is find(sara, "Summary")
    assert eva.markers.badges(summary_path)[0].accessibleName() == "Ali Berg is writing here"
    assert ali.markers.badges(summary_path) == []  # nobody sees a marker for themselves

    focus(qtbot, eva, "School")
    focus(qtbot, ali, "School")
    assert sara.markers.badges(summary_path) == []
    names = [b.accessibleName() for b in sara.markers.badges(school_path)]
    assert names == ["Ali Berg is writing here", "Eva Öberg is writing here"]
    school = find(sara, "School")
    assert school.textMargins().right() >= 2 * BADGE_WIDTH  # the text stays clear of the two badges
    shapes = {b.shape for b in sara.markers.badges(school_path)}
    assert len(shapes) == 2  # told apart by shape, not by colour alone

    room.leave(2)
    assert [b.accessibleName() for b in sara.markers.badges(school_path)] == ["Eva Öberg is writing here"]


def test_screenshot_of_a_form_with_two_colleagues_markers(qtbot):
    room, (sara, ali, eva) = three_windows(qtbot)
    focus(qtbot, ali, "Summary")
    focus(qtbot, eva, "School")
    focus(qtbot, sara, "The guardians' view")
    qtbot.wait(50)
    image = sara.grab()
    assert image.save(SCREENSHOT)
    badges = sara.findChildren(PresenceBadge)
    assert len([b for b in badges if b.isVisible()]) == 4  # two in the strip, two beside fields

