"""The column mapping form of the attendance import: which column of the school's export holds what.

Holds no file and no database: the dialog gives it the file's headers and the
saved mappings, reads ``spec()`` back, and hands it ``check_spec``'s problems,
which appear under the chooser they concern. Choices stay on the Python side
(``docs/ui.md``: ``QComboBox.itemData`` turns str-enums into plain strings).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    MappingSpec,
    RowProblem,
)
from sst_desk.attendance_words import identifier_label, problem_text, role_label, unit_label
from sst_desk.ui.case.forms import ERROR_STYLE

CONTEXT = "AttendanceImport"
ROLES = (Column.STUDENT, Column.FIRST_NAME, Column.LAST_NAME, Column.DATE, Column.WEEK, Column.YEAR,
         Column.PERIOD_FROM, Column.PERIOD_TO, Column.SCHEDULED, Column.ABSENT, Column.VALID, Column.INVALID,
         Column.KIND)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class MappingForm(QWidget):
    """Saved mapping chooser, name, school, matching, unit, header row and one column chooser per role."""

    sig_changed = Signal()
    """Emitted after the worker changed anything in the mapping (the dialog re-checks and re-previews)."""
    sig_saved_chosen = Signal(object)
    """Emitted when the worker chose a saved mapping (its MappingSpec) or "New mapping" (None), after the form filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.sample_rows: list[list[str]] = []  # the data rows under the header, for the suggestions
        self.saved: list[MappingSpec] = []
        self._choices: dict[Column, list[str | None]] = {}
        self._loading = False
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.saved_box = QComboBox(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(_t("e.g. Ekbackeskolan weekly export"))
        self.name_error = _error_label(self)
        self.school = QLineEdit(self)
        self.identifier = QComboBox(self)
        self.identifier.addItems([identifier_label(kind) for kind in IdentifierKind])
        self.unit = QComboBox(self)
        self.unit.addItems([unit_label(unit) for unit in AmountUnit])
        self.header_row = QSpinBox(self)
        self.header_row.setRange(0, 1000)
        self.header_row.setSpecialValueText(_t("Automatic"))
        self.per_period = QCheckBox(_t("One row per student for a period (absence per student)"), self)
        self.per_period.setAccessibleName(self.per_period.text())
        self.role_boxes: dict[Column, QComboBox] = {}
        self.role_errors: dict[Column, QLabel] = {}

        def add(text: str, widget: QWidget, error: QLabel | None = None) -> None:
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            widget.setAccessibleName(text)
            if error is None:
                layout.addRow(caption, widget)
                return
            field = QWidget(self)
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            layout.addRow(caption, field)

        add(_t("Saved mapping"), self.saved_box)
        add(_t("Mapping name"), self.name, self.name_error)
        add(_t("School"), self.school)
        add(_t("Match students by"), self.identifier)
        add(_t("Time is counted in"), self.unit)
        add(_t("Header row"), self.header_row)
        layout.addRow(self.per_period)
        for role in ROLES:
            box = QComboBox(self)
            box.setMinimumContentsLength(18)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.role_boxes[role] = box
            self.role_errors[role] = _error_label(self)
            self._choices[role] = [None]
            box.addItem(_t("\u2014 not in the file \u2014"))
            add(role_label(role), box, self.role_errors[role])
            box.currentIndexChanged.connect(self._changed)
        self.set_saved([])
        self.saved_box.currentIndexChanged.connect(self._saved_chosen)
        self.name.textEdited.connect(self._name_edited)
        self.school.textEdited.connect(self._changed)
        for widget in (self.identifier, self.unit):
            widget.currentIndexChanged.connect(self._changed)
        self.header_row.valueChanged.connect(self._changed)
        self.per_period.toggled.connect(self._changed)

    # --- what the dialog gives it --------------------------------------------------------------------------

    def set_saved(self, specs: list[MappingSpec]) -> None:
        """The saved mappings to choose from (keeps the current choice if it is still there)."""
        current = self.saved_spec()
        self.saved = list(specs)
        self._loading = True
        self.saved_box.clear()
        self.saved_box.addItem(_t("New mapping"))
        self.saved_box.addItems([spec.name for spec in self.saved])
        names = [spec.name for spec in self.saved]
        self.saved_box.setCurrentIndex(names.index(current.name) + 1 if current and current.name in names else 0)
        self._loading = False

    def set_headers(self, headers: list[str], sample_rows: list[list[str]] | None = None) -> None:
        """The file's column headers; every chooser lists them, keeping its choice (even one not in the file)."""
        self.headers = list(headers)
        self.sample_rows = list(sample_rows or [])
        self._set_columns(self.columns())

    def choose_saved(self, name: str | None) -> None:
        """Choose a saved mapping by name (None: a new mapping) as if the worker had."""
        names = [spec.name for spec in self.saved]
        self.saved_box.setCurrentIndex(names.index(name) + 1 if name in names else 0)

    def saved_spec(self) -> MappingSpec | None:
        index = self.saved_box.currentIndex() - 1
        return self.saved[index] if 0 <= index < len(self.saved) else None

    # --- reading and filling -------------------------------------------------------------------------------

    def columns(self) -> dict[Column, str]:
        chosen = {}
        for role, box in self.role_boxes.items():
            header = self._choices[role][box.currentIndex()] if box.currentIndex() >= 0 else None
            if header is not None:
                chosen[role] = header
        return chosen

    def spec(self, sheet: str | None = None) -> MappingSpec:
        return MappingSpec(
            name=self.name.text().strip(), school=self.school.text().strip(),
            identifier=list(IdentifierKind)[self.identifier.currentIndex()],
            unit=list(AmountUnit)[self.unit.currentIndex()], columns=self.columns(),
            header_row=self.header_row.value() or None, sheet=sheet, per_period=self.per_period.isChecked())

    def load(self, spec: MappingSpec) -> None:
        """Fill the form with ``spec`` (without emitting ``sig_changed`` for every field)."""
        self._loading = True
        try:
            self.name.setText(spec.name)
            self.school.setText(spec.school)
            self.identifier.setCurrentIndex(list(IdentifierKind).index(spec.identifier))
            self.unit.setCurrentIndex(list(AmountUnit).index(spec.unit))
            self.header_row.setValue(spec.header_row or 0)
            self.per_period.setChecked(spec.per_period)
            self._set_columns(dict(spec.columns))
        finally:
            self._loading = False
        self.show_name_problem("")
        self.sig_changed.emit()

    def new_mapping(self, sample_rows: list[list[str]] | None = None) -> None:
        """An empty mapping with what the importer suggests for this file: the columns (the kind column only
        when ``sample_rows`` hold kind words), the unit (minutes when the headers and cells do not say) and
        whether it is a one-row-per-student period file."""
        from sst_desk.importers.headers import suggest_columns, suggest_per_period, suggest_unit

        if not self.headers:
            self.load(MappingSpec(name=""))
            return
        self.load(MappingSpec(
            name="", columns=suggest_columns(self.headers, sample_rows),
            unit=suggest_unit(self.headers, sample_rows) or AmountUnit.MINUTES,
            per_period=suggest_per_period(self.headers)))

    def _set_columns(self, columns: dict[Column, str]) -> None:
        was_loading, self._loading = self._loading, True
        for role, box in self.role_boxes.items():
            header = columns.get(role)
            choices: list[str | None] = [None, *self.headers]
            if header is not None and header not in self.headers:
                choices.append(header)  # kept, so check_spec can say it is not in the file
            self._choices[role] = choices
            box.blockSignals(True)
            box.clear()
            box.addItem(_t("\u2014 not in the file \u2014"))
            box.addItems([h for h in choices[1:] if h is not None])
            box.setCurrentIndex(choices.index(header))
            box.blockSignals(False)
        self._loading = was_loading

    # --- problems ------------------------------------------------------------------------------------------

    def show_problems(self, problems: list[RowProblem]) -> list[RowProblem]:
        """Show each problem under the chooser it concerns; returns those that concern no chooser."""
        placed: dict[Column, list[str]] = {}
        columns = self.columns()
        rest = []
        for problem in problems:
            role = self._role_of(problem.column, columns)
            if role is None:
                rest.append(problem)
            else:
                placed.setdefault(role, []).append(problem_text(problem.code))
        for role, label in self.role_errors.items():
            texts = placed.get(role, [])
            label.setText(" ".join(texts))
            label.setVisible(bool(texts))
        return rest

    @staticmethod
    def _role_of(column: str, columns: dict[Column, str]) -> Column | None:
        """The role a problem's ``column`` names: a role's value (not mapped) or a mapped header."""
        if not column:
            return None
        for role in ROLES:
            if column == role.value:
                return role
        for role, header in columns.items():
            if header == column:
                return role
        return None

    def show_name_problem(self, text: str) -> None:
        self.name_error.setText(text)
        self.name_error.setVisible(bool(text))

    # --- the worker's edits --------------------------------------------------------------------------------

    def _saved_chosen(self, _index: int) -> None:
        if self._loading:
            return
        spec = self.saved_spec()
        if spec is None:
            self.new_mapping(self.sample_rows)
        else:
            self.load(spec)
        self.sig_saved_chosen.emit(spec)

    def _name_edited(self, _text: str) -> None:
        self.show_name_problem("")
        self._changed()

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.sig_changed.emit()
