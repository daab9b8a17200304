"""What a check or an import of attendance did: a summary sentence, the problems, the students not found.

The problems (line, column, problem, value) are listed when the file was
refused; the rows not imported are always listed, never hidden (the import
stores the others and says how many were left out). For a signed-in person
they are "not among your students" — one category for another worker's
student, a protected student and an identifier in no register, so the list
confirms nothing about who is in the team's register (issue 10).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from sst_desk.importers.attendance_spec import NoticeCode, ProblemCode, RowProblem
from sst_desk.services.attendance import ImportResult, Unmatched, UnmatchedReason
from sst_desk.attendance_words import duplicate_sentence, notice_sentence, problem_text
from sst_desk.ui.case.forms import ERROR_STYLE
from sst_desk.ui.common.listeditor import Column, RowsModel, row_table

CONTEXT = "AttendanceImport"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def why_text(unmatched: Unmatched) -> str:
    """Why a student's rows were not imported, in words."""
    if unmatched.reason is UnmatchedReason.AMBIGUOUS:
        return _t("matches several students")
    if unmatched.reason is UnmatchedReason.NOT_YOURS:
        return _t("not among your students")
    return _t("not found")


def unmatched_title(result: ImportResult | None) -> str:
    """The list's name: what the rows left out have in common."""
    return _t("Not among your students") if result is not None and result.scoped else _t("Students not found")


SHOWN_NOTICES = 5  # first lines per kind of notice


def problem_cell(problem: RowProblem) -> str:
    """The problem column: a duplicate names the earlier copy ("Line 14 is a copy of line 4.")."""
    if problem.code is ProblemCode.DUPLICATE_ROW and problem.value:
        return duplicate_sentence(problem.line, problem.value)
    if problem.code is ProblemCode.PERIOD_REPEATED and problem.value:
        return (_t("Line %1 has the same student and period as line %2: percentages and period figures cannot "
                   "be added up.").replace("%1", str(problem.line)).replace("%2", problem.value))
    return problem_text(problem.code)


def notices_text(result: ImportResult) -> str:
    """What the check points out, by kind: how many rows and the first lines. "" when nothing."""
    headings = {
        NoticeCode.FUTURE_SKIPPED: _t("%1 rows are dated after today and will not be stored."),
        NoticeCode.DUPLICATE_SKIPPED: _t("%1 rows copy an earlier row and are skipped."),
        NoticeCode.SUMMARY_SKIPPED: _t("%1 total rows (Summa, Totalt) are skipped."),
        NoticeCode.WEEKEND: _t("%1 rows have scheduled time on a Saturday or Sunday; they are stored."),
        NoticeCode.HOLIDAY: _t("%1 rows have scheduled time on a holiday or in a school break; they are stored."),
    }
    lines = []
    for code, heading in headings.items():
        count = result.notice_counts.get(code, 0)
        if not count:
            continue
        lines.append(heading.replace("%1", str(count)))
        shown = [n for n in result.notices if n.code is code][:SHOWN_NOTICES]
        lines.extend("  \u2022 " + notice_sentence(n) for n in shown)
        if count > len(shown):
            lines.append("  " + _t("\u2026 and %1 more.").replace("%1", str(count - len(shown))))
    if result.skipped_rows:
        lines.append(_t("%1 rows in all are skipped and not stored.").replace("%1", str(result.skipped_rows)))
    return "\n".join(lines)


def summary_text(result: ImportResult) -> str:
    """One or a few sentences on what happened (or, for a check, would happen)."""
    if result.cancelled:
        return _t("Cancelled. Nothing was imported.")
    if result.problem_count:
        found = _t("One problem was found in the file.") if result.problem_count == 1 else \
            _t("%1 problems were found in the file.").replace("%1", str(result.problem_count))
        return found + " " + _t("Nothing was imported. Correct the file or the mapping and try again.")
    read = _t("%1 rows read, %2 of them matched to %3 students.").replace("%1", str(result.rows_read)).replace(
        "%2", str(result.rows_matched)).replace("%3", str(result.students))
    if result.dry_run:
        done = _t("Checked: the file can be imported. It would store %1 of %2 day or week records (%3 unchanged). "
                  "Nothing was stored yet.")
    else:
        done = _t("Imported: %1 of %2 day or week records stored, %3 unchanged.")
    parts = [read, done.replace("%1", str(result.stored)).replace("%2", str(result.records)).replace(
        "%3", str(result.unchanged))]
    if result.previously_imported is not None and result.stored == 0:
        when = result.previously_imported.astimezone().strftime("%Y-%m-%d %H:%M")
        parts.append(_t("This file was imported before (%1) \u2014 nothing changed.").replace("%1", when))
    if result.unmatched and result.scoped:
        parts.append(_t("%1 rows for students who are not among your students (%2) were not imported; they are "
                        "listed below.").replace("%1", str(result.unmatched_rows))
                     .replace("%2", str(len(result.unmatched))))
    elif result.unmatched:
        parts.append(_t("%1 rows for students not in the register (%2) were not imported; they are listed below.")
                     .replace("%1", str(result.unmatched_rows)).replace("%2", str(len(result.unmatched))))
    return " ".join(parts)


class ResultPanel(QWidget):
    """The result of the last check or import; hidden until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ImportResult | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(_t("Import result"))
        self.problems = RowsModel([
            Column(_t("Line"), lambda p: str(p.line) if p.line else ""),
            Column(_t("Column"), lambda p: p.column),
            Column(_t("Problem"), problem_cell, stretch=True),
            Column(_t("Value"), lambda p: p.value),
        ], self)
        self.unmatched = RowsModel([
            Column(_t("Identifier"), lambda u: u.key, stretch=True),
            Column(_t("First line"), lambda u: str(u.first_line)),
            Column(_t("Rows"), lambda u: str(u.rows)),
            Column(_t("Why"), why_text),
        ], self)
        self.notices = QLabel(self)
        self.notices.setWordWrap(True)
        self.notices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notices.setAccessibleName(_t("Notices"))
        self.problems_title = QLabel(self)
        self.unmatched_title = QLabel(self)
        self.problems_view = row_table(_t("Problems"), self.problems, self)
        self.unmatched_view = row_table(_t("Students not found"), self.unmatched, self)
        for view, model in ((self.problems_view, self.problems), (self.unmatched_view, self.unmatched)):
            header = view.horizontalHeader()
            for i, column in enumerate(model.columns):
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if column.stretch
                                            else QHeaderView.ResizeMode.ResizeToContents)
        self.problems_box = self._titled(self.problems_title, self.problems_view)
        self.unmatched_box = self._titled(self.unmatched_title, self.unmatched_view)
        tables = QHBoxLayout()
        tables.addWidget(self.problems_box, 3)
        tables.addWidget(self.unmatched_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.notices)
        layout.addLayout(tables, 1)
        self.clear()

    def _titled(self, title: QLabel, view: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addWidget(view, 1)
        return box

    def clear(self) -> None:
        self.result = None
        self.summary.clear()
        self.notices.clear()
        self.notices.hide()
        self.problems.set_items([])
        self.unmatched.set_items([])
        self.problems_box.hide()
        self.unmatched_box.hide()
        self.hide()

    def show_result(self, result: ImportResult) -> None:
        self.result = result
        self.summary.setStyleSheet(ERROR_STYLE if result.problem_count else "")
        self.summary.setText(summary_text(result))
        notes = notices_text(result)
        self.notices.setText(notes)
        self.notices.setVisible(bool(notes))
        self._set_problems(result.problems, result.problem_count)
        self._set_unmatched(result.unmatched, result.unmatched_rows, scoped=result.scoped)
        self.show()

    def show_message(self, text: str, *, error: bool = False, problems: list[RowProblem] | None = None) -> None:
        """A sentence instead of a result: cancelled, a file that cannot be read, a refusal by the database."""
        self.result = None
        self.summary.setStyleSheet(ERROR_STYLE if error else "")
        self.summary.setText(text)
        self.notices.clear()
        self.notices.hide()
        self._set_problems(problems or [], len(problems or []))
        self._set_unmatched([], 0)
        self.show()

    def _set_problems(self, problems: list[RowProblem], count: int) -> None:
        self.problems.set_items(problems)
        title = _t("Problems (%1)").replace("%1", str(count))
        if count > len(problems):
            title = _t("Problems (the first %1 of %2)").replace("%1", str(len(problems))).replace("%2", str(count))
        self.problems_title.setText(f"<b>{title}</b>")
        self.problems_box.setVisible(bool(problems))

    def _set_unmatched(self, unmatched: list[Unmatched], rows: int, *, scoped: bool = False) -> None:
        self.unmatched.set_items(unmatched)
        title = _t("Not among your students (%1, %2 rows)") if scoped else \
            _t("Students not in the register (%1, %2 rows)")
        self.unmatched_title.setText("<b>" + title.replace("%1", str(len(unmatched))).replace("%2", str(rows))
                                     + "</b>")
        self.unmatched_view.setAccessibleName(_t("Not among your students") if scoped else _t("Students not found"))
        self.unmatched_box.setVisible(bool(unmatched))
