"""Forms declared as data: a list of ``Field`` specs becomes labelled inputs bound to an object.

One mechanism serves every stage page and every small dialog: ``Form.load(obj)``
fills the inputs from attributes (dotted names reach into e.g. ``student.school``),
``Form.store(obj)`` writes them back and returns parse errors, and
``show_errors`` puts a message under the field it concerns. Every input's
accessible name is its visible label, so tests and screen readers find it the
way a person does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sst_desk.workflow.validation import MAX_LENGTHS, TEXT_MAX_LENGTH, email_finding
from sst_desk.ui.common.messages import message as finding_message
from sst_desk.ui.common.widgets import CheckList, DateField

ERROR_STYLE = "color: #b00020;"
LABEL_WIDTH = 210

def max_length(spec: "Field") -> int:
    """The most characters the one-line field ``spec`` takes (its own ``max_length``, else by its name)."""
    if spec.max_length:
        return spec.max_length
    return MAX_LENGTHS.get(spec.name.rsplit(".", 1)[-1], TEXT_MAX_LENGTH)


def elided(text: str, limit: int = 80) -> str:
    """``text`` on one line and at most ``limit`` characters, for a question or a label that quotes it."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


class Kind(Enum):
    TEXT = auto()
    MULTILINE = auto()
    DATE = auto()
    TIME = auto()  # a time of day, "HH:MM" (or empty): a meeting's start
    NUMBER = auto()  # float, comma or point as decimal separator
    CHOICE = auto()
    BOOL = auto()
    MULTI = auto()


@dataclass
class Field:
    """One input: the attribute it edits, its visible label and what kind of input it is."""

    name: str
    label: str
    kind: Kind = Kind.TEXT
    choices: Sequence[tuple[object, str]] = ()
    placeholder: str = ""
    help: str = ""
    columns: int = 2  # for MULTI
    lines: int = 3  # for MULTILINE
    getter: Callable[[object], object] | None = None  # for values that are not a plain attribute
    setter: Callable[[object, object], None] | None = None
    max_length: int = 0  # one-line text: 0 is the limit for the field's name (``max_length``)
    check: Callable[[str], str] | None = None  # a TEXT field's own rule: the message, or "" when fine


def number_text(value: float) -> str:
    """A number as the worker reads and types it: "12,5" — a decimal comma.

    Swedish number format in both UI languages (the app's English is en_SE, which writes a comma too), and
    whatever the machine's own locale: a comma typed must never come back as a point.
    """
    return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden).toString(float(value), "g", 12)


_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])")


def parse_time(text: str) -> dt.time | None:
    """A time of day as people write it: "14:30", "14.30", "9:05" → ``dt.time``; "" → None.

    ``ValueError`` for anything else (a time field says how to write it instead of guessing: "1430" could be
    a typo of several times)."""
    text = text.strip()
    if not text:
        return None
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2)))


def time_text(value: dt.time | None) -> str:
    return "" if value is None else value.strftime("%H:%M")


def email_problem(text: str) -> str:
    """The sentence for an e-mail address that breaks the workflow's rule (``validation.email_finding``), or ""."""
    finding = email_finding(text)
    return "" if finding is None else finding_message(finding)


def _same(choice: object, value: object) -> bool:
    """Choices match by identity for records (a guardian), by equality for codes and plain values."""
    if choice is None or value is None:
        return choice is value
    if isinstance(choice, (str, int, float, bool)):
        return type(choice) is type(value) and choice == value
    return choice is value


def _same_value(spec: Field, shown: object, value: object) -> bool:
    """Whether an input showing ``shown`` (as ``Form.values`` reads it) already shows ``value``."""
    if spec.kind is Kind.MULTI:
        return set(shown or []) == set(value or [])
    if spec.kind in (Kind.TEXT, Kind.MULTILINE):
        return (shown or "") == (value or "").strip()
    if spec.kind is Kind.CHOICE:
        return _same(shown, value)
    if spec.kind is Kind.BOOL:
        return bool(shown) == bool(value)
    return shown == value


def get_path(obj: object, path: str) -> object:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def set_path(obj: object, path: str, value: object) -> None:
    *head, last = path.split(".")
    for part in head:
        obj = getattr(obj, part)
    setattr(obj, last, value)


class Form(QWidget):
    """Labelled inputs for a list of fields, with an error line under each."""

    sig_changed = Signal()
    """Emitted on any edit by the user or by ``load`` (callers ignore it while loading)."""
    sig_loaded = Signal()
    """Emitted after ``load`` filled the inputs from an object (a shared case's binding follows it)."""

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None):
        super().__init__(parent)
        self.fields = {f.name: f for f in fields}
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._loading = False
        self._touched: set[str] = set()  # fields the worker changed since the last load
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the page scrolls, forms don't stretch
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for spec in fields:
            widget = self._make_input(spec)
            widget.setAccessibleName(spec.label)
            if spec.help:
                widget.setToolTip(spec.help)
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            if spec.kind is Kind.BOOL:
                layout.addRow("", holder)
            else:
                label = QLabel(spec.label, self)
                label.setMinimumWidth(LABEL_WIDTH)  # the forms of one page line up
                label.setWordWrap(True)
                label.setBuddy(widget.focusProxy() or widget)
                layout.addRow(label, holder)
            self._inputs[spec.name] = widget
            self._errors[spec.name] = error

    # --- building -------------------------------------------------------------

    def _make_input(self, spec: Field) -> QWidget:
        def changed(*_args: object, name: str = spec.name) -> None:
            self._field_changed(name)

        if spec.kind is Kind.MULTILINE:
            widget = QPlainTextEdit(self)
            widget.setTabChangesFocus(True)  # Tab moves on; the keyboard-only worker must not get stuck
            line = widget.fontMetrics().lineSpacing()
            widget.setMinimumHeight(line * spec.lines + 12)
            widget.setMaximumHeight(line * (spec.lines + 3) + 12)  # grows a little, never fills the page
            widget.setPlaceholderText(spec.placeholder)
            widget.textChanged.connect(changed)
        elif spec.kind is Kind.DATE:
            widget = DateField(self)
            widget.sig_changed.connect(changed)
        elif spec.kind is Kind.CHOICE:
            # Values stay on the Python side, by index: Qt would turn a str-enum into a plain str.
            widget = QComboBox(self)
            for _value, text in spec.choices:
                widget.addItem(text)
            widget.currentIndexChanged.connect(changed)
        elif spec.kind is Kind.BOOL:
            widget = QCheckBox(spec.label, self)
            widget.toggled.connect(changed)
        elif spec.kind is Kind.MULTI:
            widget = CheckList(spec.choices, spec.columns, self)
            widget.sig_changed.connect(changed)
        elif spec.kind is Kind.TIME:
            widget = QLineEdit(self)
            widget.setPlaceholderText(spec.placeholder or self.tr("HH:MM"))
            widget.setMaxLength(5)
            widget.setMaximumWidth(widget.fontMetrics().horizontalAdvance("00:00") * 3)
            widget.textChanged.connect(changed)
        else:
            widget = QLineEdit(self)
            widget.setPlaceholderText(spec.placeholder)
            widget.setMaxLength(max_length(spec))
            widget.textChanged.connect(changed)
        return widget

    def _field_changed(self, name: str) -> None:
        if not self._loading:
            self._touched.add(name)
            if not self._errors[name].isHidden():  # the worker is correcting it: the old message goes
                self._errors[name].hide()
                self._inputs[name].setAccessibleDescription("")
            self.sig_changed.emit()

    # --- values ---------------------------------------------------------------

    def input(self, name: str) -> QWidget:
        return self._inputs[name]

    def load(self, obj: object) -> None:
        self._loading = True
        try:
            for name, spec in self.fields.items():
                self.set_value(name, spec.getter(obj) if spec.getter else get_path(obj, name))
            self.clear_errors()
            self._touched.clear()
        finally:
            self._loading = False
        self.sig_loaded.emit()

    def load_untouched(self, obj: object) -> list[str]:
        """Show ``obj``'s values in the fields the worker has not changed since the last load; the rest stay.

        For a newer copy saved by someone else (``CaseWindow.take_in``): only inputs whose value differs are
        set, so the field being typed in, its cursor and the focus are left alone. Returns the names updated.
        """
        shown, _errors = self.values()
        updated: list[str] = []
        self._loading = True
        try:
            for name, spec in self.fields.items():
                if name in self._touched:
                    continue
                value = spec.getter(obj) if spec.getter else get_path(obj, name)
                if _same_value(spec, shown.get(name), value):
                    continue
                self.set_value(name, value)
                updated.append(name)
        finally:
            self._loading = False
        return updated

    @property
    def loading(self) -> bool:
        """True while the inputs are being set from an object or quietly, not by the worker."""
        return self._loading

    @contextlib.contextmanager
    def quietly(self):
        """Change inputs without it counting as the worker's edit (a colleague's change shown in a shared case)."""
        before = self._loading
        self._loading = True
        try:
            yield
        finally:
            self._loading = before

    def touched(self) -> frozenset[str]:
        """The fields the worker changed since the last load."""
        return frozenset(self._touched)

    def set_value(self, name: str, value: object) -> None:
        """Set an input as if the worker had (outside ``load``): it counts as changed."""
        spec, widget = self.fields[name], self._inputs[name]
        if spec.kind is Kind.MULTILINE:
            widget.setPlainText(value or "")
        elif spec.kind is Kind.DATE:
            widget.set_date(value)
        elif spec.kind is Kind.CHOICE:
            index = next((i for i, (choice, _text) in enumerate(spec.choices) if _same(choice, value)), 0)
            widget.setCurrentIndex(index)
        elif spec.kind is Kind.BOOL:
            widget.setChecked(bool(value))
        elif spec.kind is Kind.MULTI:
            widget.set_values(list(value or []))
        elif spec.kind is Kind.NUMBER:
            widget.setText("" if value is None else number_text(value))
        elif spec.kind is Kind.TIME:
            widget.setText(time_text(value))
        else:
            widget.setText(value or "")

    def values(self) -> tuple[dict[str, object], dict[str, str]]:
        """Parsed values by field name, and a message for each field that could not be parsed."""
        values: dict[str, object] = {}
        errors: dict[str, str] = {}
        for name, spec in self.fields.items():
            widget = self._inputs[name]
            if spec.kind is Kind.MULTILINE:
                values[name] = widget.toPlainText().strip()
            elif spec.kind is Kind.DATE:
                day, ok = widget.parse()
                if ok:
                    values[name] = day
                else:
                    errors[name] = widget.problem()
            elif spec.kind is Kind.CHOICE:
                index = widget.currentIndex()
                values[name] = spec.choices[index][0] if 0 <= index < len(spec.choices) else None
            elif spec.kind is Kind.BOOL:
                values[name] = widget.isChecked()
            elif spec.kind is Kind.MULTI:
                values[name] = widget.values()
            elif spec.kind is Kind.TIME:
                try:
                    values[name] = parse_time(widget.text())
                except ValueError:
                    errors[name] = self.tr("Write the time as hours and minutes, for example 14:30.")
            elif spec.kind is Kind.NUMBER:
                text = widget.text().strip().replace(",", ".").rstrip("%").strip()
                if not text:
                    values[name] = None
                else:
                    try:
                        number = float(text)
                    except ValueError:
                        number = math.nan
                    if math.isfinite(number):
                        values[name] = number
                    else:  # float() also reads "nan" and "inf"
                        errors[name] = self.tr("Write a number, for example 12,5.")
            else:
                text = widget.text().strip()
                problem = spec.check(text) if spec.check is not None and text else ""
                if problem:
                    errors[name] = problem
                else:
                    values[name] = text
        return values, errors

    def store(self, obj: object, skip: Callable[[str], bool] | None = None, *, everything: bool = False
              ) -> dict[str, str]:
        """Write the fields the worker changed (or ``everything``) into ``obj``; return the parse errors.

        Only changed fields are written so that two pages showing the same value (the plan's follow-up
        date on the planning and the follow-up page) never overwrite the worker's edit with a stale copy.
        """
        values, errors = self.values()
        for name, value in values.items():
            if (skip is not None and skip(name)) or not (everything or name in self._touched):
                continue
            setter = self.fields[name].setter
            if setter is not None:
                setter(obj, value)
            else:
                set_path(obj, name, value)
        return errors

    # --- errors ---------------------------------------------------------------

    def clear_errors(self) -> None:
        for name, label in self._errors.items():
            label.hide()
            label.clear()
            self._inputs[name].setAccessibleDescription("")

    def show_errors(self, errors: dict[str, str], *, focus: bool = True) -> bool:
        """Show each message under its field; returns True when there were any. Focuses the first (``focus``)."""
        self.clear_errors()
        first = None
        errors = {name: text for name, text in errors.items() if name in self._errors}
        for name, message in errors.items():
            if name not in self._errors:
                continue
            self._errors[name].setText(message)
            self._errors[name].show()
            self._inputs[name].setAccessibleDescription(message)
            first = first or self._inputs[name]
        if first is not None and focus:
            first.setFocus()
        return bool(errors)

    def error_text(self, name: str) -> str:
        return self._errors[name].text() if not self._errors[name].isHidden() else ""


