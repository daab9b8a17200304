"""The access log on screen: words for its codes (through Qt's translation) and table models of plain rows.

``LogTableModel`` holds ``LogRow``s (``sst_desk.services.accesslog``),
``SampleCheckModel`` the documented sample checks. Both are read-only;
``ROW_ROLE`` gives the plain object behind a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, \
    QT_TRANSLATE_NOOP

from sst_desk.workflow.logchain import ChainProblem, LogAction, LogRow, ProblemCode, SampleOutcome
from sst_desk.ui.common.labels import label

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "LogReview"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The plain row (``LogRow`` or ``SampleCheck``) behind a line."""

ROLE_WORDS = {
    "skolsocionom": QT_TRANSLATE_NOOP("LogReview", "school social worker"),
    "kurator": QT_TRANSLATE_NOOP("LogReview", "school counsellor"),
    "teamledare": QT_TRANSLATE_NOOP("LogReview", "team lead"),
    "administrator": QT_TRANSLATE_NOOP("LogReview", "administrator"),
}

PROBLEM_WORDS = {
    ProblemCode.CHANGED: QT_TRANSLATE_NOOP("LogReview", "Entry %1 was changed after it was written."),
    ProblemCode.GAP: QT_TRANSLATE_NOOP("LogReview", "One or more entries just before %1 are missing (deleted)."),
    ProblemCode.OUT_OF_ORDER: QT_TRANSLATE_NOOP("LogReview", "Entry %1 is out of order."),
    ProblemCode.BROKEN_LINK: QT_TRANSLATE_NOOP("LogReview", "Entry %1 does not follow the entry before it "
                                                            "(an entry was inserted or replaced)."),
    ProblemCode.REORDERED: QT_TRANSLATE_NOOP("LogReview", "Entry %1 has been moved: the entries were reordered."),
    ProblemCode.TRUNCATED: QT_TRANSLATE_NOOP("LogReview", "The newest entries, up to %1, are missing (removed)."),
    ProblemCode.HEAD_MISMATCH: QT_TRANSLATE_NOOP("LogReview", "The newest entry, %1, differs from the one "
                                                              "the log recorded."),
    ProblemCode.HEAD_BEHIND: QT_TRANSLATE_NOOP("LogReview", "Entries after %1 were added without going through the log (its record of the newest entry was not updated)."),
    ProblemCode.KEPT_HEAD_MISSING: QT_TRANSLATE_NOOP("LogReview", "Entry %1, named by the kept head, is missing: "
                                                                  "the log was cut short."),
    ProblemCode.KEPT_HEAD_DIFFERENT: QT_TRANSLATE_NOOP("LogReview", "Entry %1 differs from the kept head: the "
                                                                    "log was rewritten."),
    ProblemCode.HEAD_DELETED: QT_TRANSLATE_NOOP("LogReview", "The log has been tampered with: its record of the "
                                                             "newest entry was deleted (found at entry %1)."),
    ProblemCode.KEY_NEEDED: QT_TRANSLATE_NOOP("LogReview", "From entry %1 on the log is protected with the "
                                                           "server's secret key; only the server can check those "
                                                           "entries' contents."),
    ProblemCode.KEY_WRONG: QT_TRANSLATE_NOOP("LogReview", "The log is protected with another secret key than the "
                                                          "one given (from entry %1 on)."),
    ProblemCode.KEYED_MARK_MISSING: QT_TRANSLATE_NOOP("LogReview", "The database says its log is protected with the "
                                                                   "server's key, but no entry says so: the log was "
                                                                   "rewritten."),
    ProblemCode.ANCHOR_INVALID: QT_TRANSLATE_NOOP("LogReview", "Line %1 of the server's anchor file has been "
                                                               "changed."),
}

OUTCOME_WORDS = {
    SampleOutcome.OK: QT_TRANSLATE_NOOP("LogReview", "No remarks"),
    SampleOutcome.FOLLOW_UP: QT_TRANSLATE_NOOP("LogReview", "Needs follow-up"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_word(action: str) -> str:
    """The logged action in words — the vocabulary's, which the printed access history uses too."""
    try:
        return label(LogAction(action))
    except ValueError:  # an action this version does not know: shown as stored
        return action


def role_word(role: str | None) -> str:
    source = ROLE_WORDS.get(role or "")
    return _t(source) if source else ""


def problem_words(problem: ChainProblem) -> str:
    return _t(PROBLEM_WORDS[problem.code]).replace("%1", str(problem.seq))


def outcome_word(outcome: SampleOutcome) -> str:
    return _t(OUTCOME_WORDS[outcome])


def local_time(at) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def who_words(row: LogRow) -> str:
    role = role_word(row.role)
    name = row.display_name or row.username
    return f"{name} ({role})" if role else name


def student_words(row: LogRow) -> str:
    if row.student_hidden:
        return _t("Protected identity")
    if row.student_name:
        return row.student_name
    if row.student_id is not None:
        return _t("No longer registered (%1)").replace("%1", str(row.student_id))
    return ""


def detail_words(row: LogRow) -> str:
    """The Detail column in words (``log_details``: the log's codes are never shown as they are stored)."""
    from sst_desk.ui.accesslog.details import detail_words as words

    return words(row)


class _PlainRowsModel(QAbstractTableModel):
    """Read-only rows of plain objects; subclasses name the columns and say what each cell shows."""

    headers: Sequence[str] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return _t(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        return None

    def cell(self, row, column: int) -> str:
        raise NotImplementedError


class LogColumn(IntEnum):
    TIME = 0
    USER = 1
    ACTION = 2
    STUDENT = 3
    DETAIL = 4


class LogTableModel(_PlainRowsModel):
    headers = (QT_TRANSLATE_NOOP("LogReview", "Time"), QT_TRANSLATE_NOOP("LogReview", "User"),
               QT_TRANSLATE_NOOP("LogReview", "Action"), QT_TRANSLATE_NOOP("LogReview", "Student"),
               QT_TRANSLATE_NOOP("LogReview", "Detail"))

    def cell(self, row: LogRow, column: int) -> str:
        return {
            LogColumn.TIME: local_time(row.at),
            LogColumn.USER: who_words(row),
            LogColumn.ACTION: action_word(row.action),
            LogColumn.STUDENT: student_words(row),
            LogColumn.DETAIL: detail_words(row),
        }[LogColumn(column)]


class SampleCheckModel(_PlainRowsModel):
    headers = (QT_TRANSLATE_NOOP("LogReview", "Checked"), QT_TRANSLATE_NOOP("LogReview", "By"),
               QT_TRANSLATE_NOOP("LogReview", "Period"), QT_TRANSLATE_NOOP("LogReview", "Entries"),
               QT_TRANSLATE_NOOP("LogReview", "Outcome"), QT_TRANSLATE_NOOP("LogReview", "Note"))

    def cell(self, check, column: int) -> str:
        return (
            check.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            check.reviewer,
            f"{check.period_from.isoformat()} – {check.period_to.isoformat()}",
            str(len(check.seqs)),
            outcome_word(check.outcome),
            check.note,
        )[column]
