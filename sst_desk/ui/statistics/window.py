"""Team → Statistik: the figures of the team's cases (a team lead) or of one's own cases (a worker).

Choose a period (``period.PeriodChooser``) and a breakdown, press *Show*: ``door.statistics.
team_statistics`` runs off the UI thread (it checks access, reads the team's threshold and logs the view)
and its ``Statistics`` fills the tabs — the count tables (one at a time, chosen from a list), the change
in absence, the days in each stage, the insatser, and two charts. Nothing is computed here: the window
shows the suppressed figures as they came ("<5" with a tooltip saying why).

The four export buttons make the file from the same ``Statistics`` with stats-report's builders
(``reports.statistics_tables``, ``reports.statistics``, ``reports.statistics_yearly``), write it off the
UI thread with ``fileio.write_export`` — never over an existing file unless the save dialog itself asked
— and log the export (``door.statistics.record_statistics_export``) once the bytes are safely on disk and
before the file appears (``before_commit``): a refused log entry leaves no file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desk.workflow.stats_model import CountTable, Dimension, Statistics
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.dialogs import close_button_box
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.operations import Operation, wait_for_background_work
from sst_desk.ui.statistics.charts import AbsenceHistogram, GenderBarChart
from sst_desk.ui.statistics.models import (
    CountTableModel,
    DistributionModel,
    absence_figures,
    insats_figures,
    stage_figures,
)
from sst_desk.ui.statistics.period import PeriodChooser
from sst_desk.ui.statistics.words import dimension_words, group_words, heading_words, marks_legend, note_words, \
    outcome_words, table_words

CONTEXT = "StatisticsWindow"
BREAKDOWNS: tuple[Dimension | None, ...] = (None, Dimension.SCHOOL, Dimension.GRADE, Dimension.GENDER,
                                            Dimension.LEVEL, Dimension.ASSESSMENT, Dimension.WORKER)
ABSENCE_KEYS = ("change_latest", "change_at_close")
NOTE_STYLE = "color: #404040;"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class ExportKind:
    """One export button: the format's code (logged), the file's suffix and filter, how the bytes are made."""

    fmt: str
    suffix: str
    build: Callable[[Statistics, object], bytes]


def _csv(stats: Statistics, _context) -> bytes:
    from sst_desk.reports.statistics_tables import statistics_csv

    return statistics_csv(stats)


def _xlsx(stats: Statistics, _context) -> bytes:
    from sst_desk.reports.statistics_tables import statistics_xlsx

    return statistics_xlsx(stats)


def _report(stats: Statistics, context) -> bytes:
    from sst_desk.reports.statistics import build_statistics_report

    return build_statistics_report(stats, context)


def _yearly(stats: Statistics, context) -> bytes:
    from sst_desk.reports.statistics_yearly import build_yearly_report

    return build_yearly_report(stats, context)


EXPORTS = {
    "csv": ExportKind("csv", ".csv", _csv),
    "xlsx": ExportKind("xlsx", ".xlsx", _xlsx),
    "pdf": ExportKind("pdf", ".pdf", _report),
    "yearly": ExportKind("yearly", ".pdf", _yearly),
}


def compact(view: QTableView, name: str) -> None:
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMinimumSectionSize(72)
    view.horizontalHeader().setStretchLastSection(False)


class StatisticsWindow(QDialog):
    """Period, breakdown, Show; then the tables, the outcomes, the charts and the exports."""

    sig_shown = Signal(object)
    """Carries the ``Statistics`` shown (or the exception) once a Show has finished."""
    sig_exported = Signal(object)
    """Carries the ``Path`` written (or the exception) once an export has finished."""

    def __init__(self, context: AppContext, whole_team: bool, case_dates: Iterable[dt.date] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.whole_team = whole_team
        self.stats: Statistics | None = None
        self.running = False
        title = self.tr("Statistics – the whole team") if whole_team else self.tr("Statistics – my cases")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.period = PeriodChooser(context.today(), case_dates, self)
        self.breakdown_box = QComboBox(self)
        self.breakdown_box.setAccessibleName(self.tr("Breakdown"))
        self.breakdown_box.addItems([dimension_words(d) for d in BREAKDOWNS])
        self.show_button = self._button(self.tr("Show"), self.show_statistics)
        self.show_button.setDefault(True)
        self.heading = QLabel(self.tr("Choose a period and a breakdown, then press Show."), self)
        self.heading.setAccessibleName(self.tr("What is shown"))
        self.heading.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(NOTE_STYLE)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Views"))
        self.tabs.addTab(self._build_tables(), self.tr("Tables"))
        self.tabs.addTab(self._build_absence(), self.tr("Change in absence"))
        self.tabs.addTab(self._build_stages(), self.tr("Time in stages"))
        self.tabs.addTab(self._build_insatser(), self.tr("Insatser"))
        self.tabs.addTab(self._build_gender_chart(), self.tr("Chart: students by gender"))
        self.tabs.addTab(self._build_absence_chart(), self.tr("Chart: change in absence"))
        self.export_buttons = {
            "csv": self._button(self.tr("Export CSV…"), lambda: self.export("csv")),
            "xlsx": self._button(self.tr("Export Excel…"), lambda: self.export("xlsx")),
            "pdf": self._button(self.tr("Report (PDF)…"), lambda: self.export("pdf")),
            "yearly": self._button(self.tr("Yearly report (PDF)…"), lambda: self.export("yearly")),
        }
        self.export_result = QLabel(self)
        self.export_result.setAccessibleName(self.tr("Export result"))
        self.export_result.setWordWrap(True)
        self._layout()
        self._set_exports_enabled(False)
        self.resize(1240, 760)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        choose = QHBoxLayout()
        choose.addWidget(self.period, 3)
        side = QVBoxLayout()
        caption = QLabel(self.tr("Breakdown"), self)
        caption.setBuddy(self.breakdown_box)
        side.addWidget(caption)
        side.addWidget(self.breakdown_box)
        side.addStretch(1)
        side.addWidget(self.show_button)
        choose.addLayout(side, 1)
        choose.addStretch(1)
        bottom = QHBoxLayout()
        for button in self.export_buttons.values():
            bottom.addWidget(button)
        bottom.addWidget(self.export_result, 1)
        bottom.addWidget(close_button_box(self))
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.heading)
        layout.addWidget(self.notes)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    # --- the tabs ---------------------------------------------------------------------------------------------

    def _build_tables(self) -> QWidget:
        page = QWidget(self)
        self.table_list = QListWidget(page)
        self.table_list.setAccessibleName(self.tr("Tables"))
        self.table_list.setFixedWidth(330)
        self.table_list.setWordWrap(True)  # long titles on two lines rather than cut or scrolled
        self.table_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table_list.setSpacing(2)
        self.table_list.setTextElideMode(Qt.TextElideMode.ElideNone)  # a selected title wraps, not "…"
        self.table_list.currentRowChanged.connect(self._table_chosen)
        self.count_model = CountTableModel(self)
        self.count_view = QTableView(page)
        self.count_view.setModel(self.count_model)
        compact(self.count_view, self.tr("Count table"))
        self.table_heading = QLabel(page)
        self.table_heading.setAccessibleName(self.tr("Table"))
        font = self.table_heading.font()
        font.setBold(True)
        self.table_heading.setFont(font)
        self.table_note = QLabel(page)
        self.table_note.setWordWrap(True)
        self.table_note.setStyleSheet(NOTE_STYLE)
        right = QVBoxLayout()
        right.addWidget(self.table_heading)
        right.addWidget(self.count_view, 1)
        right.addWidget(self.table_note)
        row = QHBoxLayout(page)
        row.addWidget(self.table_list)
        row.addLayout(right, 1)
        return page

    def _build_absence(self) -> QWidget:
        page = QWidget(self)
        self.absence_key = QComboBox(page)
        self.absence_key.setAccessibleName(self.tr("Measure"))
        self.absence_key.addItems([outcome_words(key) for key in ABSENCE_KEYS])
        self.absence_key.currentIndexChanged.connect(self._fill_absence)
        self.absence_model = DistributionModel("", absence_figures(), self.tr("Group"), self)
        self.absence_view = QTableView(page)
        self.absence_view.setModel(self.absence_model)
        compact(self.absence_view, self.tr("Change in absence"))
        note = QLabel(self.tr("Absence in percent of the school time: the 8 weeks before inskrivning against the "
                              "latest 4 weeks, or the 4 weeks before avslut. The change is in percentage points; "
                              "below zero means less absence. Each student's change counts once; the median is "
                              "the middle student's, and half of the students lie between q1 and q3."), page)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        top = QHBoxLayout()
        caption = QLabel(self.tr("Measure"), page)
        caption.setBuddy(self.absence_key)
        top.addWidget(caption)
        top.addWidget(self.absence_key)
        top.addStretch(1)
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(self.absence_view, 1)
        column.addWidget(note)
        return page

    def _build_stages(self) -> QWidget:
        page = QWidget(self)
        self.stage_model = DistributionModel("stage", stage_figures(), self.tr("Stage"), self)
        self.stage_view = QTableView(page)
        self.stage_view.setModel(self.stage_model)
        compact(self.stage_view, self.tr("Time in stages"))
        note = QLabel(self.tr("Days from the day a case entered a stage to the day it left it, for the stages "
                              "left during the period; one figure per student (their latest case)."), page)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        column = QVBoxLayout(page)
        column.addWidget(self.stage_view, 1)
        column.addWidget(note)
        return page

    def _build_insatser(self) -> QWidget:
        page = QWidget(self)
        self.insats_model = DistributionModel("insats", insats_figures(), self.tr("Insats"), self)
        self.insats_view = QTableView(page)
        self.insats_view.setModel(self.insats_model)
        compact(self.insats_view, self.tr("Insatser"))
        note = QLabel(self.tr("Students with a case during the period that had the insats in its plan, and the "
                              "median change in absence from before inskrivning to avslut of those whose case "
                              "closed in the period; “–” when fewer than the threshold have that figure."), page)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        column = QVBoxLayout(page)
        column.addWidget(self.insats_view, 1)
        column.addWidget(note)
        return page

    def _build_gender_chart(self) -> QWidget:
        page = QWidget(self)
        self.chart_table = QComboBox(page)
        self.chart_table.setAccessibleName(self.tr("Counted"))
        self.chart_table.currentIndexChanged.connect(self._fill_gender_chart)
        self._chart_tables: list[CountTable] = []
        self.gender_chart = GenderBarChart(page)
        self.gender_chart.setAccessibleName(self.tr("Students by gender"))
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.gender_chart)
        top = QHBoxLayout()
        caption = QLabel(self.tr("Counted"), page)
        caption.setBuddy(self.chart_table)
        top.addWidget(caption)
        top.addWidget(self.chart_table)
        top.addStretch(1)
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(scroll, 1)
        return page

    def _build_absence_chart(self) -> QWidget:
        page = QWidget(self)
        self.histogram_key = QComboBox(page)
        self.histogram_key.setAccessibleName(self.tr("Chart of"))
        self.histogram_key.addItems([outcome_words(key) for key in ABSENCE_KEYS])
        self.histogram_key.currentIndexChanged.connect(self._fill_histogram)
        self.histogram_group = QComboBox(page)
        self.histogram_group.setAccessibleName(self.tr("Students"))
        self.histogram_group.currentIndexChanged.connect(self._fill_histogram)
        self._histogram_groups: list[str] = [""]
        self.histogram = AbsenceHistogram(page)
        self.histogram.setAccessibleName(self.tr("Distribution of the change in absence"))
        self.histogram_note = note = QLabel(page)  # the marks' legend, once the threshold is known
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        top = QHBoxLayout()
        for text, box in ((self.tr("Chart of"), self.histogram_key), (self.tr("Students"), self.histogram_group)):
            caption = QLabel(text, page)
            caption.setBuddy(box)
            top.addWidget(caption)
            top.addWidget(box)
        top.addStretch(1)
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(self.histogram, 1)
        column.addWidget(note)
        return page

    # --- show -------------------------------------------------------------------------------------------------

    def breakdown(self) -> Dimension | None:
        return BREAKDOWNS[max(0, self.breakdown_box.currentIndex())]

    def show_statistics(self) -> None:
        """Ask for the figures of the period and breakdown chosen, off the UI thread; ``sig_shown`` says when
        they are on screen. A wrong period is said next to its fields and nothing is asked."""
        period = self.period.period()
        if period is None or self.running:
            return
        start, end = period
        breakdown, today = self.breakdown(), self.context.today()
        described = self.period.describe()
        statistics = self.context.door.statistics
        self.running = True
        self.heading.setText(self.tr("Counting…"))
        Operation(self, lambda: statistics.team_statistics(start, end, breakdown=breakdown, today=today)) \
            .success(lambda stats: self._arrived(stats, described)) \
            .failure(self._failed) \
            .disable(self.show_button, *self.export_buttons.values()) \
            .run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.heading.setText(failure_words(exc))
        self.sig_shown.emit(exc)

    def _arrived(self, stats: Statistics, described: str) -> None:
        self.running = False
        self.stats = stats
        request = stats.request
        self.heading.setText(
            self.tr("%1 (%2) · broken down by: %3 · %4 cases counted")
            .replace("%1", described).replace("%2", f"{request.start.isoformat()} – {request.end.isoformat()}")
            .replace("%3", dimension_words(request.breakdown)).replace("%4", str(stats.case_count))
            + "\n" + marks_legend(stats))
        self.notes.setText("\n".join(note_words(note) for note in stats.notes))
        self.notes.setVisible(bool(stats.notes))
        self._fill_tables()
        self._fill_absence()
        self.stage_model.set_rows(stats.stage_days, stats)
        self.insats_model.set_rows(stats.insatser, stats)
        self._fill_chart_choices()
        self._fill_histogram_groups()
        self._set_exports_enabled(True)
        self.export_result.setText("")
        self.sig_shown.emit(stats)

    def _fill_tables(self) -> None:
        stats = self.stats
        assert stats is not None
        current = self.table_list.currentRow()
        self.table_list.blockSignals(True)
        self.table_list.clear()
        self.table_list.addItems([table_words(t.key) for t in stats.counts])
        self.table_list.blockSignals(False)
        self.table_list.setCurrentRow(min(max(0, current), len(stats.counts) - 1) if stats.counts else -1)
        if not stats.counts:
            self._table_chosen(-1)

    def _table_chosen(self, row: int) -> None:
        stats = self.stats
        table = stats.counts[row] if stats is not None and 0 <= row < len(stats.counts) else None
        self.count_model.set_table(table, stats)
        self.table_heading.setText(table_words(table.key) if table else "")
        note = ""
        if table is not None and table.row_dimension == Dimension.WORKER.value:
            note = self.tr("A case with two responsible workers is counted under each of them, so the rows add "
                           "up to more than the total, which counts each student once.") + " " + marks_legend(stats)
        elif table is not None:
            note = self.tr("Each student is counted once in a cell, even with two cases.") + " " + marks_legend(stats)
        self.table_note.setText(note)

    def _fill_absence(self) -> None:
        stats = self.stats
        if stats is None:
            return
        key = ABSENCE_KEYS[max(0, self.absence_key.currentIndex())]
        dimension = stats.request.breakdown.value if stats.request.breakdown else ""
        self.absence_model.group_heading = heading_words(dimension) if dimension else self.tr("Group")
        self.absence_model.set_rows(stats.absence.get(key, ()), stats, dimension)

    def _fill_chart_choices(self) -> None:
        stats = self.stats
        assert stats is not None
        self._chart_tables = [t for t in stats.counts if t.column_dimension == Dimension.GENDER.value]
        keys = [t.key for t in self._chart_tables]
        self.chart_table.blockSignals(True)
        self.chart_table.clear()
        self.chart_table.addItems([table_words(key) for key in keys])
        self.chart_table.setCurrentIndex(keys.index("active") if "active" in keys else 0)
        self.chart_table.blockSignals(False)
        self._fill_gender_chart()

    def _fill_gender_chart(self) -> None:
        index = self.chart_table.currentIndex()
        table = self._chart_tables[index] if 0 <= index < len(self._chart_tables) else None
        title = table_words(table.key) if table else ""
        if table is not None and table.row_dimension in {d.value for d in Dimension}:
            title = self.tr("%1, by gender and %2").replace("%1", title) \
                .replace("%2", dimension_words(Dimension(table.row_dimension)).lower())
        elif table is not None:
            title = self.tr("%1, by gender").replace("%1", title)
        self.gender_chart.show_table(table, self.stats, title)

    def _fill_histogram_groups(self) -> None:
        stats = self.stats
        assert stats is not None
        groups = [d.group for d in stats.absence.get(ABSENCE_KEYS[0], ())]
        dimension = stats.request.breakdown.value if stats.request.breakdown else ""
        self._histogram_groups = groups or [""]
        self.histogram_group.blockSignals(True)
        self.histogram_group.clear()
        self.histogram_group.addItems([group_words(dimension, group, stats) for group in self._histogram_groups])
        self.histogram_group.setCurrentIndex(self._histogram_groups.index("") if "" in self._histogram_groups else 0)
        self.histogram_group.blockSignals(False)
        self._fill_histogram()

    def _fill_histogram(self) -> None:
        stats = self.stats
        if stats is None:
            return
        key = ABSENCE_KEYS[max(0, self.histogram_key.currentIndex())]
        groups = self._histogram_groups
        group = groups[max(0, self.histogram_group.currentIndex())] if groups else ""
        found = next((d for d in stats.absence.get(key, ()) if d.group == group), None)
        title = outcome_words(key)
        if group:
            title += f" – {self.histogram_group.currentText()}"
        self.histogram.show_distribution(found, stats, title)
        self.histogram_note.setText(marks_legend(stats))

    # --- export -----------------------------------------------------------------------------------------------

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(enabled)

    def suggested_name(self, fmt: str) -> str:
        stats = self.stats
        assert stats is not None
        stem = self.tr("statistics") if fmt in ("csv", "xlsx", "pdf") else self.tr("yearly-report")
        return f"{stem}-{stats.request.start.isoformat()}-{stats.request.end.isoformat()}{EXPORTS[fmt].suffix}"

    def export(self, fmt: str) -> None:
        """Write the figures shown as a file the person names; ``sig_exported`` says how it went."""
        stats = self.stats
        if stats is None:
            return
        kind = EXPORTS[fmt]
        filters = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                   "pdf": self.tr("PDF documents (*.pdf)"), "yearly": self.tr("PDF documents (*.pdf)")}[fmt]
        path = self.choose_save_path(self.tr("Save the statistics as"),
                                     str(self._documents() / self.suggested_name(fmt)), filters)
        if not path:
            return
        chosen = path
        if not path.lower().endswith(kind.suffix):
            path += kind.suffix
        from sst_desk.fileio import write_export
        from sst_desk.ui.printing.report_context import report_context

        report = report_context(self.context)
        statistics = self.context.door.statistics
        database = getattr(self.context.db, "path", None)
        request = stats.request
        target = Path(path)

        def work() -> Path:
            data = kind.build(stats, report)
            return write_export(data, target, force=path == chosen, database=database,
                                before_commit=lambda: statistics.record_statistics_export(
                                    request.start, request.end, request.breakdown, fmt))

        self.export_result.setText(self.tr("Writing…"))
        Operation(self, work).success(self._exported).failure(self._export_failed) \
            .disable(self.show_button, *self.export_buttons.values()).run_in_background()

    def _exported(self, written: Path) -> None:
        self.export_result.setText(self.tr("Saved as %1.").replace("%1", str(written)))
        self.sig_exported.emit(written)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_result.setText("")
        QMessageBox.warning(self, self.tr("Could not export"),
                            self.tr("The file was not written. %1").replace("%1", failure_words(exc)))
        self.sig_exported.emit(exc)

    # --- seams tests replace ----------------------------------------------------------------------------------

    def choose_save_path(self, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return path or None

    @staticmethod
    def _documents() -> Path:
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))

    def done(self, result: int) -> None:  # noqa: D102 - a count or an export may still be running
        wait_for_background_work()
        super().done(result)


# Why the service refused a request (``services.statistics.RequestProblem`` values): the window's words.
PROBLEM_WORDS = {
    "end_before_start": QT_TRANSLATE_NOOP("StatisticsWindow", "The period cannot end before it starts."),
    "too_long": QT_TRANSLATE_NOOP("StatisticsWindow", "The period is too long: choose at most five school years at a time."),
    "unknown_breakdown": QT_TRANSLATE_NOOP("StatisticsWindow", "This version does not know that breakdown."),
    "unknown_format": QT_TRANSLATE_NOOP("StatisticsWindow", "This version cannot export in that format."),
}


def failure_words(exc: BaseException) -> str:
    """One sentence for a count or an export that did not happen."""
    problem = getattr(exc, "problem", None)
    if problem is not None and str(getattr(problem, "value", problem)) in PROBLEM_WORDS:
        return _t(PROBLEM_WORDS[str(getattr(problem, "value", problem))])
    from sst_desk.services.errors import AccessDeniedError

    if isinstance(exc, AccessDeniedError):
        return _t("You do not have access to these statistics.")
    return database_error_text(exc)


def statistics_scope(actor) -> bool | None:
    """True when ``actor`` sees the whole team's figures, False for only their own cases', None for none."""
    from sst_desk.workflow.access import Action, Resource, Scope, scope

    if actor is None:
        return True
    found = scope(actor.role, Resource.STATISTICS, Action.VIEW)
    return None if found is Scope.NONE else found is Scope.TEAM


def open_statistics(parent: QWidget | None, context: AppContext, case_dates: Iterable[dt.date] = ()) -> \
        StatisticsWindow | None:
    """Team → Statistik: the window for whoever may see figures (its title says whose); others are told why not."""
    whole_team = statistics_scope(getattr(context.db, "actor", None))
    if whole_team is None:
        QMessageBox.information(parent, _t("Statistics"), _t("Your role has no statistics about the cases."))
        return None
    if parent is not None:  # one statistics window per main window: a second choice of the menu raises it
        for open_one in parent.findChildren(StatisticsWindow):
            if open_one.isVisible():
                open_one.raise_()
                open_one.activateWindow()
                return open_one
    window = StatisticsWindow(context, whole_team, case_dates, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
