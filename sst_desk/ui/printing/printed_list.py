"""Which documents of a case were printed, when and by whom: a small table for the case window's history page.

Read from the access log's print entries (``services.printing.printed_documents``,
in the background); the person must be allowed to read the case's log (the
people responsible and the team lead). Place it with ``PrintedList(context,
case_id)`` and call ``reload()`` after printing from the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, \
    QVBoxLayout, QWidget

from sst_desk.services.errors import AccessDeniedError
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text

CONTEXT = "PrintedList"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PrintedList(QGroupBox):
    """"Utskrifter": one row per logged print of the case, newest first (date and time, document, who)."""

    sig_loaded = Signal(int)
    """Emitted with the number of rows once the printouts have been read."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None, *,
                 load: bool = True) -> None:
        super().__init__(_t("Printouts"), parent)
        self.context, self.case_id = context, case_id
        self.setAccessibleName(_t("Printouts"))
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(_t("Printed documents"))
        self.table.setHorizontalHeaderLabels([_t("Printed"), _t("Document"), _t("By")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setAccessibleName(_t("Printouts note"))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        if load:  # reading the log is itself logged: the history page loads it only when it is shown
            self.reload()

    def reload(self) -> None:
        """Read the printouts again in the background; they are shown (and ``sig_loaded`` sent) when they arrive."""
        from sst_desk.ui.common.operations import Operation

        door, case_id = self.context.door, self.case_id
        Operation(self, lambda: door.printing.printed_documents(case_id)).success(self._arrived) \
            .failure(self._failed).run_in_background()

    def _arrived(self, found) -> None:
        from sst_desk.reports.kinds import describe

        rows = [(at.astimezone().strftime("%Y-%m-%d %H:%M"), describe(detail), who) for at, who, detail in found]
        self._show(rows, "" if rows else _t("No document of this case has been printed."))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AccessDeniedError):
            self._show([], _t("Only the people responsible for the case and the team lead see its printouts."))
        else:  # a database error in a sentence; anything unexpected is logged (errors.py)
            self._show([], database_error_text(exc))

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests and for reading aloud)."""
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]

    def _show(self, rows: list[tuple[str, str, str]], note: str) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.setVisible(bool(rows))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.sig_loaded.emit(len(rows))
