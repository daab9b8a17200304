"""A meeting's time (issue 15) on the shared case document: a TIME field bound both ways, "HH:MM" in the
document (as collab/casedoc keeps it), a half-typed time never sent; the place is a shared text."""

from __future__ import annotations

import datetime as dt

import pycrdt

from collab_docs import Mesh
from person import find
from sst_desk.ui.case.forms import Field, Form, Kind
from sst_desk.ui.collab.form_binding import FormBinding


def fields() -> list[Field]:
    return [Field("start_time", "Booster session time", Kind.TIME),
            Field("place", "Booster session place", Kind.TEXT)]


def fill_booster(doc: pycrdt.Doc) -> None:
    doc["case"] = pycrdt.Map({"key": "Boostertraff:4", "id": 4.0, "start_time": "14:30",
                              "place": pycrdt.Text("Biblioteket")})


def windows(qtbot):
    mesh = Mesh(2, live=True)
    mesh.share(fill_booster)
    forms, bindings = [], []
    for doc in mesh.docs:
        form = Form(fields())
        qtbot.addWidget(form)
        form.show()
        bindings.append(FormBinding(form, doc.get("case", type=pycrdt.Map)))
        forms.append(form)
    return mesh, forms, bindings


def test_a_time_typed_in_one_window_is_shown_in_the_other(qtbot):
    mesh, (sara, ali), (binding, _other) = windows(qtbot)
    assert binding.unbound == set()
    assert find(ali, "Booster session time").text() == "14:30"
    find(sara, "Booster session time").setText("9.05")
    assert mesh.docs[1].get("case", type=pycrdt.Map)["start_time"] == "09:05"
    assert ali.values()[0]["start_time"] == dt.time(9, 5)
    assert find(ali, "Booster session time").text() == "09:05" and ali.touched() == frozenset()
    find(sara, "Booster session place").setText("Elevhälsans rum")
    assert ali.values()[0]["place"] == "Elevhälsans rum"


def test_a_half_typed_time_is_not_sent_and_an_empty_one_is(qtbot):
    mesh, (sara, ali), _bindings = windows(qtbot)
    record = mesh.docs[0].get("case", type=pycrdt.Map)
    find(sara, "Booster session time").setText("9")
    assert record["start_time"] == "14:30"
    assert find(ali, "Booster session time").text() == "14:30"
    find(sara, "Booster session time").setText("")
    assert record["start_time"] is None and find(ali, "Booster session time").text() == ""
