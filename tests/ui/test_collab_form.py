"""A form on a record of the shared case document: every kind of field, both ways, in two and three windows.

The document is built as collab/casedoc lays it out (a record Map with "key", "id", a Text per text
field, enum values, ISO dates, a Map used as a set); the forms are found and filled by their labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pycrdt
from PySide6.QtCore import Qt

from collab_docs import Mesh, press, type_keys
from person import find
from sst_desk.ui.case.forms import Field, Form, Kind
from sst_desk.ui.collab.form_binding import FormBinding, Slot
from sst_desk.ui.common.labels import choices, label
from sst_desk.workflow.codes import Factor, FactorGroup, Level, Party, Rating


@dataclass(eq=False)
class Guardian:
    name: str


ANNA, BO = Guardian("Anna Ek"), Guardian("Bo Ek")
KEYS = {id(ANNA): "r31", id(BO): "r32"}


def key_of(obj: object) -> str | None:
    return KEYS.get(id(obj))


def fields() -> list[Field]:
    return [
        Field("summary", "Summary", Kind.MULTILINE),
        Field("student.school", "School", Kind.TEXT),
        Field("follow_up_on", "Follow-up date", Kind.DATE),
        Field("rating", "Rating", Kind.CHOICE, choices(Rating, empty="— rate —")),
        Field("level", "Level", Kind.CHOICE, choices(Level)),
        Field("urgent", "Urgent", Kind.BOOL),
        Field("absence_percent", "Absence (%)", Kind.NUMBER),
        Field("parties", "May share with", Kind.MULTI, choices(Party)),
        Field("guardian", "Signed by", Kind.CHOICE, [(None, "The student"), (ANNA, ANNA.name), (BO, BO.name)],
              getter=lambda c: c.guardian, setter=lambda c, g: setattr(c, "guardian", g)),
        Field("view", "The student's own view", Kind.MULTILINE,
              getter=lambda c: c.view, setter=lambda c, text: setattr(c, "view", text)),
    ]


def fill_case(doc: pycrdt.Doc) -> None:
    doc["case"] = pycrdt.Map({
        "key": "r1", "id": 1.0,
        "summary": pycrdt.Text("Hög frånvaro sedan hösten."),
        "student": pycrdt.Map({"key": "r2", "id": 2.0, "school": pycrdt.Text("Björkskolan")}),
        "follow_up_on": "2026-12-01",
        "rating": None,
        "level": 1.0,
        "urgent": False,
        "absence_percent": 12.5,
        "parties": pycrdt.Map({"skola": True}),
        "guardian": "r31",
    })


def windows(qtbot, count: int, *, live: bool = True) -> tuple[Mesh, list[Form], list[FormBinding]]:
    mesh = Mesh(count, live=live)
    mesh.share(fill_case)
    forms, bindings = [], []
    for doc in mesh.docs:
        form = Form(fields())
        qtbot.addWidget(form)
        form.show()
        record = doc.get("case", type=pycrdt.Map)
        bindings.append(FormBinding(form, record, key_of=key_of,
                                    slots={"guardian": Slot(record, "guardian")}))
        forms.append(form)
    return mesh, forms, bindings


def test_a_form_shows_the_shared_record_and_names_what_it_cannot_bind(qtbot):
    _mesh, (form,), (binding,) = windows(qtbot, 1)
    values, errors = form.values()
    assert errors == {}
    assert values["summary"] == "Hög frånvaro sedan hösten."
    assert values["student.school"] == "Björkskolan"
    assert values["follow_up_on"] == dt.date(2026, 12, 1)
    assert values["rating"] is None and values["level"] is Level(1)
    assert values["urgent"] is False and values["absence_percent"] == 12.5
    assert values["parties"] == [Party.SKOLA] and values["guardian"] is ANNA
    assert binding.unbound == {"view"}  # a getter with no slot given: the caller's business
    assert binding.field_path("summary") == "r1/summary"
    assert binding.field_path("student.school") == "r2/school"
    assert form.touched() == frozenset()


def test_each_kind_of_change_reaches_the_other_window_without_counting_as_its_edit(qtbot):
    mesh, (sara, ali), _bindings = windows(qtbot, 2)
    record = mesh.docs[1].get("case", type=pycrdt.Map)
    find(sara, "Follow-up date").edit.setText("2027-01-15")
    find(sara, "Rating").setCurrentIndex(2)
    find(sara, "Level").setCurrentIndex(2)
    find(sara, "Urgent").setChecked(True)
    find(sara, "Absence (%)").setText("20,5")
    find(sara, label(list(Party)[1])).setChecked(True)
    find(sara, "Signed by").setCurrentIndex(2)
    find(sara, "School").setText("Eksjöskolan")

    values, errors = ali.values()
    assert errors == {}
    assert values["follow_up_on"] == dt.date(2027, 1, 15)
    assert values["rating"] is list(Rating)[1]
    assert values["level"] is list(Level)[2]
    assert values["urgent"] is True and values["absence_percent"] == 20.5
    assert set(values["parties"]) == {Party.SKOLA, list(Party)[1]}
    assert values["guardian"] is BO
    assert values["student.school"] == "Eksjöskolan"
    assert ali.touched() == frozenset()  # shown, not Ali's edit
    assert {"follow_up_on", "rating", "urgent", "student.school"} <= sara.touched()
    # the document holds the contract's plain values
    assert record["follow_up_on"] == "2027-01-15" and record["rating"] == list(Rating)[1].value
    assert record["level"] == list(Level)[2].value and record["guardian"] == "r32"
    assert record["absence_percent"] == 20.5
    assert set(record["parties"].keys()) == {"skola", list(Party)[1].value}


def test_a_half_typed_date_or_number_is_not_sent_and_not_overwritten(qtbot):
    mesh, (sara, ali), _bindings = windows(qtbot, 2)
    record = mesh.docs[0].get("case", type=pycrdt.Map)
    date = find(sara, "Follow-up date").edit
    sara.activateWindow()
    date.setFocus()
    qtbot.waitUntil(date.hasFocus)
    date.setText("2027-0")
    assert record["follow_up_on"] == "2026-12-01"
    find(ali, "Follow-up date").edit.setText("2026-12-24")
    assert date.text() == "2027-0"  # Sara is typing: hers is written once it is a date
    type_keys(date, "2-03")
    assert record["follow_up_on"] == "2027-02-03"
    assert find(ali, "Follow-up date").text() == "2027-02-03"
    find(sara, "Absence (%)").setText("12,x")
    assert record["absence_percent"] == 12.5


def test_three_windows_type_into_the_same_summary_at_once_and_all_end_alike(qtbot):
    mesh, forms, _bindings = windows(qtbot, 3, live=False)
    boxes = [find(form, "Summary") for form in forms]
    for box in boxes:
        cursor = box.textCursor()
        cursor.setPosition(len("Hög frånvaro"))
        box.setTextCursor(cursor)
    words = [" på måndagar", " och tisdagar", " (enligt mentor)"]
    for step in range(16):
        for box, word in zip(boxes, words):
            if step < len(word):
                type_keys(box, word[step])
        if step == 7:
            mesh.flush()
    mesh.flush()
    texts = {box.toPlainText() for box in boxes}
    assert len(texts) == 1
    text = texts.pop()
    assert all(word in text for word in words)
    assert len(text) == len("Hög frånvaro sedan hösten.") + sum(map(len, words))
    assert str(mesh.docs[2].get("case", type=pycrdt.Map)["summary"]) == text
    for box, word in zip(boxes, words):
        assert text[:box.textCursor().position()].endswith(word)


def test_undo_in_a_bound_field_takes_back_only_ones_own_typing(qtbot):
    _mesh, (sara, ali), _bindings = windows(qtbot, 2)
    mine, theirs = find(sara, "School"), find(ali, "School")
    mine.setCursorPosition(len("Björkskolan"))
    type_keys(mine, " F-6")
    theirs.setCursorPosition(0)
    type_keys(theirs, "Nya ")
    press(mine, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mine.text() == theirs.text() == "Nya Björkskolan"


def test_two_forms_showing_parts_of_one_set_each_change_only_their_own_codes(qtbot):
    school = [(f, f.value) for f in Factor if f.group is FactorGroup.SKOLA]
    family = [(f, f.value) for f in Factor if f.group is FactorGroup.FAMILJ]
    mesh = Mesh(2)
    mesh.share(lambda doc: doc.__setitem__("k", pycrdt.Map({"key": "r5", "factors": pycrdt.Map()})))
    forms = []
    for doc, own in zip(mesh.docs, (school, family)):
        form = Form([Field("factors_part", "Factors", Kind.MULTI, own, getter=lambda k: [])])
        qtbot.addWidget(form)
        record = doc.get("k", type=pycrdt.Map)
        FormBinding(form, record, slots={"factors_part": Slot(record, "factors")})
        forms.append(form)
    forms[0].set_value("factors_part", [school[0][0]])
    forms[1].set_value("factors_part", [family[0][0], family[1][0]])
    forms[1].set_value("factors_part", [family[1][0]])
    members = mesh.docs[0].get("k", type=pycrdt.Map)["factors"]
    assert set(members.keys()) == {school[0][0].value, family[1][0].value}


def test_a_person_who_may_not_edit_sees_the_changes_and_cannot_type(qtbot):
    _mesh, (sara, ali), (_sara_binding, ali_binding) = windows(qtbot, 2)
    ali_binding.set_read_only(True)
    type_keys(find(ali, "Summary"), "xyz")
    assert find(ali, "Summary").toPlainText() == "Hög frånvaro sedan hösten."
    assert not find(ali, "Urgent").isEnabled()
    find(sara, "Summary").setPlainText("Ny text")
    assert find(ali, "Summary").toPlainText() == "Ny text"
    find(sara, "Urgent").setChecked(True)
    assert find(ali, "Urgent").isChecked()


def test_a_form_loaded_from_another_object_writes_nothing_and_shows_the_document_again(qtbot):
    mesh, (sara, _ali), (binding, _other) = windows(qtbot, 2)
    record = mesh.docs[0].get("case", type=pycrdt.Map)
    other = type("Other", (), {"summary": "Annan text", "student": type("S", (), {"school": "X"})(),
                               "follow_up_on": None, "rating": None, "level": Level(1), "urgent": True,
                               "absence_percent": None, "parties": [], "guardian": None, "view": ""})()
    sara.load(other)  # e.g. an earlier plan version shown: the bound record is not changed by it
    assert str(record["summary"]) == "Hög frånvaro sedan hösten." and record["urgent"] is False
    assert record["follow_up_on"] == "2026-12-01"
    binding.resync()
    assert find(sara, "Summary").toPlainText() == "Hög frånvaro sedan hösten."
    assert not find(sara, "Urgent").isChecked()
