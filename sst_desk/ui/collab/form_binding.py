"""A ``Form`` (ui/case/forms) bound to a record Map of the shared case document (collab/casedoc).

Text and multi-line fields are shared texts (``TextBinding``: character by character, own-typing undo);
the other kinds are plain values of the record Map, written whole when the person changes them: a date
as an ISO string (only once it is a date: a half-typed one stays on screen and is not sent), a time of day
as "HH:MM" (likewise only once it is one), a choice as
its enum value (a record, such as the guardian who signed, as that record's key), a box as a bool, a
number as a float, a set of boxes (MULTI) as a Map used as a set ``{code: True}``. A change from
elsewhere is shown in the input without counting as the person's edit (``Form.quietly``).

A field the document has no place for by its dotted name (one with a getter and setter, such as the
student's view of a stage) is bound only when the caller names its ``Slot``; the others are listed in
``unbound`` and stay the caller's business.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

import shiboken6
from pycrdt import Map, MapEvent, Subscription, Text
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit

from sst_desk.ui.case.forms import Field, Form, Kind
from sst_desk.ui.collab.text_binding import LOCAL_ORIGIN, TextBinding, bound_widget


@dataclass(frozen=True)
class Slot:
    """Where one form field lives in the shared document: entry ``attr`` of the record Map ``record``.

    ``path`` names the record Map among those of one binding (the same path is observed once).
    """

    record: Map
    attr: str
    path: str = ""


def resolve(record: Map, name: str) -> Slot | None:
    """The slot of a dotted field name under ``record`` ("student.school": the student's Map, "school")."""
    *head, last = name.split(".")
    current = record
    for part in head:
        value = current.get(part)
        if not isinstance(value, Map):
            return None
        current = value
    return Slot(current, last, ".".join(head))


def encode(value: object, key_of: Callable[[object], str | None] | None = None) -> object:
    """A field's value as the document holds it (see the module's note)."""
    if value is None or isinstance(value, Enum):
        return None if value is None else value.value
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.time):  # as collab/casedoc keeps a time of day: "HH:MM"
        return value.isoformat(timespec="minutes")
    if key_of is None:
        raise TypeError(f"a {type(value).__name__} needs key_of to be kept in a shared document")
    return key_of(value)


class FormBinding(QObject):
    """Keeps the inputs of one ``Form`` and one record Map (and the Maps under it) the same, both ways."""

    sig_edited = Signal(str)
    """Emitted with a field's name after the person's change to it went into the document."""
    sig_shown = Signal(str)
    """Emitted with a field's name after a change from elsewhere was shown in it."""

    def __init__(self, form: Form, record: Map, *, slots: Mapping[str, Slot | None] | None = None,
                 key_of: Callable[[object], str | None] | None = None) -> None:
        """``slots``: where fields that are not a plain dotted attribute live (None: leave the field unbound).
        ``key_of``: the key of a record offered as a choice (``casedoc.key_of``)."""
        super().__init__()
        self.form = form
        self.record = record
        self._key_of = key_of
        self._doc = record.doc
        self._slots: dict[str, Slot] = {}
        self.texts: dict[str, TextBinding] = {}
        self.unbound: set[str] = set()
        self.places: dict[str, tuple[str, str] | None] = {}  # the slots given, as (path, attr): to compare
        self._writing = False
        self._applying = False
        self._read_only = False
        self._observed: dict[str, tuple[Map, Subscription]] = {}
        slots = slots or {}
        for name, spec in form.fields.items():
            if name in slots:
                slot = slots[name]
            elif spec.getter is not None or spec.setter is not None:
                slot = None
            else:
                slot = resolve(record, name)
            if slot is None or not self._bind(name, spec, slot):
                self.unbound.add(name)
        self._closed = False

    # --- building -------------------------------------------------------------

    def _bind(self, name: str, spec: Field, slot: Slot) -> bool:
        widget = self.form.input(name)
        if spec.kind in (Kind.TEXT, Kind.MULTILINE):
            text = slot.record.get(slot.attr)
            editor = bound_widget(widget)
            if not isinstance(text, Text) or editor is None:
                return False
            self._slots[name] = slot
            self._text_binding(name, editor, text)
        else:
            self._slots[name] = slot
            self._refresh(name)
            signal = {Kind.DATE: "sig_changed", Kind.CHOICE: "currentIndexChanged", Kind.BOOL: "toggled",
                      Kind.MULTI: "sig_changed", Kind.NUMBER: "textChanged", Kind.TIME: "textChanged"}[spec.kind]
            getattr(widget, signal).connect(lambda *_args, n=name: self._local_change(n))
            if spec.kind is Kind.MULTI:
                self._observe_set(name)
        self._observe(slot)
        return True

    def _text_binding(self, name: str, editor, text: Text) -> None:
        line = isinstance(editor, QLineEdit)
        typed = editor.text() if line else editor.toPlainText()
        caret = editor.cursorPosition() if line else editor.textCursor().position()
        binding = TextBinding(editor, text, quiet=self.form.quietly, ignore=lambda: self.form.loading)
        if name in self.form.touched():  # bound after the person began typing (a record made by it)
            binding.offer(typed, caret)
        binding.sig_local_edit.connect(lambda n=name: self.sig_edited.emit(n))
        binding.sig_remote_edit.connect(lambda n=name: self.sig_shown.emit(n))
        if self._read_only:
            editor.setReadOnly(True)
        self.texts[name] = binding

    def _observe(self, slot: Slot) -> None:
        if slot.path in self._observed:
            return
        path = slot.path

        def changed(event: MapEvent) -> None:  # one parameter: pycrdt passes as many as the callback takes
            self._record_changed(path, event)

        subscription = slot.record.observe(changed)
        self._observed[slot.path] = (slot.record, subscription)

    def _observe_set(self, name: str) -> None:
        slot = self._slots[name]
        key = f"{slot.path}#{slot.attr}"
        old = self._observed.pop(key, None)
        if old is not None:
            old[0].unobserve(old[1])
        members = slot.record.get(slot.attr)
        if isinstance(members, Map):
            def changed(_event: MapEvent) -> None:
                self._remote_change(name)

            subscription = members.observe(changed)
            self._observed[key] = (members, subscription)

    # --- public ---------------------------------------------------------------

    def slot(self, name: str) -> Slot | None:
        return self._slots.get(name)

    def field_path(self, name: str) -> str:
        """The presence path of a bound field: its record's key + "/" + the attribute ("r12/guardians_view")."""
        slot = self._slots.get(name)
        if slot is None:
            return ""
        return f"{slot.record.get('key') or ''}/{slot.attr}"

    def field_paths(self) -> dict[str, str]:
        return {name: self.field_path(name) for name in self._slots}

    def set_read_only(self, read_only: bool) -> None:
        """The person may view but not edit: inputs show the document and take no typing."""
        self._read_only = read_only
        for name in self._slots:
            widget = self.form.input(name)
            if name in self.texts:
                self.texts[name].widget.setReadOnly(read_only)
            elif hasattr(widget, "edit"):  # a DateField: the text stays selectable
                widget.edit.setReadOnly(read_only)
                widget.button.setEnabled(not read_only)
            else:
                widget.setEnabled(not read_only)

    def resync(self) -> None:
        """Show the document's values again in every bound input (after the form was loaded from an object)."""
        if self._closed or not shiboken6.isValid(self.form):
            return
        for name in self._slots:
            if name in self.texts:
                self.texts[name].resync()
            else:
                self._refresh(name)

    def record_key(self) -> str | None:
        """The key of the record Map the form is bound to."""
        key = self.record.get("key")
        return key if isinstance(key, str) else None

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for binding in self.texts.values():
            binding.close()
        for target, subscription in self._observed.values():
            target.unobserve(subscription)
        self._observed.clear()

    # --- the person's change → the document -----------------------------------

    def _local_change(self, name: str) -> None:
        if self._applying or self._closed or self._read_only or self.form.loading:
            return  # a load fills the form from an object: nobody's edit (``resync`` shows the document again)
        values, errors = self.form.values()
        if name in errors:  # a half-typed date or number: the document keeps its last good value
            return
        spec, slot = self.form.fields[name], self._slots[name]
        self._writing = True
        try:
            with self._doc.transaction(origin=LOCAL_ORIGIN):
                if spec.kind is Kind.MULTI:
                    self._write_set(spec, slot, values[name])
                else:
                    value = encode(values[name], self._key_of)
                    if slot.record.get(slot.attr) != value or slot.attr not in slot.record:
                        slot.record[slot.attr] = value
        finally:
            self._writing = False
        if spec.kind is Kind.MULTI and f"{slot.path}#{slot.attr}" not in self._observed:
            self._observe_set(name)
        self.sig_edited.emit(name)

    def _write_set(self, spec: Field, slot: Slot, chosen: list) -> None:
        """Tick and clear only this field's own codes: another form may show other codes of the same set."""
        members = slot.record.get(slot.attr)
        if not isinstance(members, Map):
            members = slot.record[slot.attr] = Map()
        wanted = {encode(value, self._key_of) for value in chosen}
        for choice, _label in spec.choices:
            code = encode(choice, self._key_of)
            if code in wanted and code not in members:
                members[code] = True
            elif code not in wanted and code in members:
                del members[code]

    # --- the document → the inputs --------------------------------------------

    def _record_changed(self, path: str, event: MapEvent) -> None:
        if self._writing or self._closed:
            return
        for name, slot in list(self._slots.items()):
            if slot.path != path or slot.attr not in event.keys:
                continue
            if name in self.texts:
                new = slot.record.get(slot.attr)
                if isinstance(new, Text):  # the whole text was replaced: follow the new one
                    old = self.texts.pop(name)
                    old.close()
                    self._text_binding(name, old.widget, new)
                    self.sig_shown.emit(name)
                continue
            if self.form.fields[name].kind is Kind.MULTI:
                self._observe_set(name)
            self._remote_change(name)

    def _remote_change(self, name: str) -> None:
        if self._writing or self._closed or not shiboken6.isValid(self.form):
            return
        if self._refresh(name):
            self.sig_shown.emit(name)

    def _refresh(self, name: str) -> bool:
        """Show the document's value in the input; True when it changed what was shown."""
        spec, slot = self.form.fields[name], self._slots[name]
        widget = self.form.input(name)
        stored = slot.record.get(slot.attr)
        shown, errors = self.form.values()
        if spec.kind is Kind.MULTI:
            codes = set(stored.keys()) if isinstance(stored, Map) else set()
            value: object = [choice for choice, _label in spec.choices if encode(choice, self._key_of) in codes]
            if set(map(self._code, shown.get(name) or [])) == set(map(self._code, value)):
                return False
        else:
            if spec.kind in (Kind.DATE, Kind.TIME) and name in errors and widget.hasFocus():
                return False  # the person is typing a date or time: theirs is written once it is one
            value = self._decode(spec, stored)
            if name not in errors and self._code(shown.get(name)) == self._code(value):
                return False
        self._applying = True
        try:
            with self.form.quietly():
                self.form.set_value(name, value)
        finally:
            self._applying = False
        return True

    def _code(self, value: object) -> object:
        return encode(value, self._key_of)

    def _decode(self, spec: Field, stored: object) -> object:
        if spec.kind is Kind.DATE:
            try:
                return dt.date.fromisoformat(stored) if isinstance(stored, str) and stored else None
            except ValueError:
                return None
        if spec.kind is Kind.TIME:
            try:
                return dt.time.fromisoformat(stored) if isinstance(stored, str) and stored else None
            except ValueError:
                return None
        if spec.kind is Kind.CHOICE:
            return next((choice for choice, _label in spec.choices if encode(choice, self._key_of) == stored),
                        None)
        if spec.kind is Kind.BOOL:
            return bool(stored)
        if spec.kind is Kind.NUMBER:
            return float(stored) if isinstance(stored, (int, float)) and not isinstance(stored, bool) else None
        return stored
