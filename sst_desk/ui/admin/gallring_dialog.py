"""Gallring: the closed cases whose retention has run out, and deleting the chosen ones for good (team lead).

The list comes from ``services.gallring.cases_due`` with the setting
"Retention (years after avslut)"; reading it, deleting and the clean-up run
off the UI thread. Deleting asks first, in a dialog that says
exactly what goes and that it cannot be undone, and that wants the number of
cases typed in — a click alone never deletes a child's case file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desk.services.errors import AccessDeniedError, DatabaseError, NotDueError
from sst_desk.settings import BACKUPS_TO_KEEP
from sst_desk.workflow.retention import DueCase, GallringResult
from sst_desk.ui.common.dialogs import close_button_box
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.forms import ERROR_STYLE
from sst_desk.ui.common.operations import run_in_background, wait_for_background_work


@dataclass
class _Loaded:
    """What the background reading of the list found."""

    rows: list[DueCase] = field(default_factory=list)
    allowed: bool = True
    failure: BaseException | None = None
    resumed: GallringResult | None = None
    resume_failure: BaseException | None = None
    team: Any = None  # the team's settings as read with the list (options.TeamSettings; None: not read)


class ConfirmGallringDialog(QDialog):
    """States what will be deleted; the person types the number of cases to go on."""

    def __init__(self, chosen: list[DueCase], parent: QWidget | None = None):
        super().__init__(parent)
        self.count = len(chosen)
        self.setWindowTitle(self.tr("Confirm gallring"))
        self.setAccessibleName(self.tr("Confirm gallring"))
        width = 560
        summary = QLabel(self.tr("Cases to be deleted for good: %1").replace("%1", str(self.count)), self)
        listing = QPlainTextEdit(self)  # scrolls when many cases are chosen
        listing.setReadOnly(True)
        listing.setTabChangesFocus(True)
        listing.setAccessibleName(self.tr("Cases to delete"))
        listing.setPlainText("\n".join(
            f"{student_label(d)} – " + self.tr("case %1, closed %2").replace("%1", str(d.case_id))
            .replace("%2", d.closed_on.isoformat()) for d in chosen))
        lines = min(max(len(chosen), 2), 8)
        listing.setFixedHeight(listing.fontMetrics().lineSpacing() * lines + 14)
        warning = QLabel(self.tr(
            "Everything recorded in them is deleted: consents, kartläggning, plans, contacts, follow-ups, "
            "boosterträffar and the student's own views; so are the students and their guardians when they have "
            "no other case. Every older backup of the database is deleted too, and a new one is taken. "
            "This cannot be undone."), self)
        warning.setWordWrap(True)
        bold = warning.font()
        bold.setBold(True)
        warning.setFont(bold)
        # A window does not ask a wrapped label for its height at the window's width; tell it.
        warning.setMinimumHeight(warning.heightForWidth(width - 24))
        prompt = QLabel(self.tr("To confirm, type the number of cases (%1) below.").replace("%1", str(self.count)),
                        self)
        self.number = QLineEdit(self)
        self.number.setAccessibleName(self.tr("Number of cases to delete"))
        number_label = QLabel(self.tr("Number of cases to delete"), self)
        number_label.setBuddy(self.number)
        row = QHBoxLayout()
        row.addWidget(number_label)
        row.addWidget(self.number, 1)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.delete_button = buttons.addButton(self.tr("Delete for good"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button.setAccessibleName(self.tr("Delete for good"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        # Enter in the number field confirms: only the right number deletes (``_accept``).
        self.delete_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (summary, listing, warning, prompt):
            layout.addWidget(widget)
        layout.addLayout(row)
        for widget in (self.error, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(width)

    def _accept(self) -> None:
        if self.number.text().strip() != str(self.count):
            self.error.setText(self.tr("Type %1, the number of cases, to confirm.").replace("%1", str(self.count)))
            self.error.show()
            self.adjustSize()
            self.number.setAccessibleDescription(self.error.text())
            self.number.setFocus()
            return
        self.accept()


def student_label(due: DueCase) -> str:
    from PySide6.QtCore import QCoreApplication

    return due.student_name or QCoreApplication.translate("GallringDialog", "(protected identity)")


class GallringDialog(QDialog):
    """The cases due for gallring; select some and delete them after confirming."""

    sig_loaded = Signal()
    """Emitted when the list of due cases has been read and shown."""
    sig_gallring_done = Signal(object)
    """Carries the ``GallringResult`` (None when nothing was deleted) once a gallring is over and told."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.main_window = parent
        self.rows: list[DueCase] = []
        self.years = context.team.retention_years  # the team's rule (its database), the same on every laptop
        self.setWindowTitle(self.tr("Gallring"))
        self.setAccessibleName(self.tr("Gallring"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Cases due for gallring"))
        self.table.setHorizontalHeaderLabels([self.tr("Student"), self.tr("Closed"), self.tr("Due since")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666;")
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))
        self.result_label.hide()
        self.select_all = QPushButton(self.tr("Select all"), self)
        self.select_all.setAccessibleName(self.tr("Select all"))
        self.select_all.clicked.connect(self.table.selectAll)
        self.gallra_button = QPushButton(self.tr("Gallra…"), self)
        self.gallra_button.setAccessibleName(self.tr("Gallra…"))
        self.gallra_button.clicked.connect(self.gallra_selected)
        close = close_button_box(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all)
        buttons.addWidget(self.gallra_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 100)
        layout.addWidget(self.empty)
        layout.addStretch(1)  # with no cases the table is hidden: keep the text at the top, not spread out
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.resize(640, 440)
        self.loading = False
        self._load(resume=True)

    @property
    def _keep(self) -> int:
        return self.context.settings.get(BACKUPS_TO_KEEP)

    def _intro_text(self) -> str:
        """The team's rule; with cases listed, also what to do with them (an empty list says so below)."""
        rule = self.tr(
            "Closed cases are kept %1 whole years after avslut or the boosterträff, whichever is later (the setting "
            "\u201cRetention (years after avslut)\u201d).").replace("%1", str(self.years))
        if not self.rows:
            return rule
        return rule + " " + self.tr("These have been kept longer and are due for gallring. Select the ones to delete.")

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Ask the database again which cases are due today (off the UI thread); ``then`` runs once shown."""
        self._load(resume=False, then=then)

    def _load(self, *, resume: bool, then: Callable[[], None] | None = None) -> None:
        """Read the due cases in the background; first (``resume``) finish a gallring interrupted earlier.

        ``sig_loaded`` says when the list is shown.
        """
        self.loading = True
        self.intro.setText(self._intro_text())
        self.select_all.setEnabled(False)
        self.gallra_button.setEnabled(False)
        door, today, keep = self.context.door, self.context.today(), self._keep
        gallring = door.gallring

        def work() -> _Loaded:
            loaded = _Loaded()
            if resume:
                try:
                    loaded.resumed = gallring.resume_pending(keep_backups=keep)
                except (DatabaseError, OSError) as exc:  # said, and the list is read all the same
                    loaded.resume_failure = exc
            try:
                # The team's rule as stored now: another laptop may have changed it since this window signed in.
                loaded.team = door.settings.team_settings()
                loaded.rows = gallring.cases_due(loaded.team.retention_years, today)
            except AccessDeniedError:
                loaded.allowed = False
            except (DatabaseError, OSError) as exc:
                loaded.failure = exc
            return loaded

        def failed(exc: BaseException) -> None:
            loaded = _Loaded()
            loaded.failure = exc
            shown(loaded)

        def shown(loaded: _Loaded) -> None:
            self._show_loaded(loaded)
            self.loading = False
            self.sig_loaded.emit()
            if then is not None:
                then()

        run_in_background(self, work, shown, failed)

    def _show_loaded(self, loaded: _Loaded) -> None:
        if loaded.resume_failure is not None:
            self._show_result(database_error_text(loaded.resume_failure))
        elif loaded.resumed is not None and loaded.resumed.complete:
            self._show_result(self.tr("An interrupted gallring was finished: older backups deleted: %1.")
                              .replace("%1", str(loaded.resumed.backups_deleted)))
        elif loaded.resumed is not None:
            self._show_result(self.tr("An interrupted gallring is still not finished: another program or another "
                                      "SST Desk has the database or a backup open. Close it and open Gallring "
                                      "again."))
        self.rows = loaded.rows
        if loaded.team is not None:  # read with the list: another laptop may have changed the rule meanwhile
            self.context.team = loaded.team
            self.years = loaded.team.retention_years
        if loaded.failure is not None:
            QMessageBox.warning(self, self.tr("Gallring"), database_error_text(loaded.failure))
        self.table.clearSelection()  # what is chosen is chosen again, by the person, each time
        self.table.setRowCount(len(self.rows))
        for row, due in enumerate(self.rows):
            cells = (student_label(due), due.closed_on.isoformat(), due.due_on.isoformat())
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.empty.setText(self.tr("No case is due for gallring.") if loaded.allowed else
                           self.tr("Only a team lead can see and carry out gallring."))
        self.empty.setVisible(not self.rows)
        self.intro.setText(self._intro_text())
        self.table.setVisible(bool(self.rows))
        self.select_all.setEnabled(bool(self.rows))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.gallra_button.setEnabled(bool(self.selected()))

    def selected(self) -> list[DueCase]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.rows[r] for r in rows if r < len(self.rows)]

    # --- deleting -----------------------------------------------------------------------------------------

    def gallra_selected(self) -> None:
        """Confirm, then delete the chosen cases off the UI thread; ``sig_gallring_done`` says when it is over."""
        chosen = self.selected()
        if not chosen:
            return
        confirm = ConfirmGallringDialog(chosen, self)
        try:
            if confirm.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            confirm.deleteLater()
        if not self._close_case_windows({d.case_id for d in chosen}):
            QMessageBox.information(self, self.tr("Gallring"),
                                    self.tr("Nothing was deleted: a window of one of these cases is still open."))
            return
        wait_for_background_work()  # nothing else may hold the database while it is vacuumed
        self._set_working(True)
        gallring, ids = self.context.door.gallring, [d.case_id for d in chosen]
        years, today, keep = self.years, self.context.today(), self._keep
        run_in_background(self, lambda: gallring.gallra(ids, years=years, today=today, keep_backups=keep),
                          self._deleted, self._not_deleted)

    def _set_working(self, working: bool) -> None:
        """While the background work deletes: say so, and let nothing else be started."""
        busy = self.tr("Deleting the cases and clearing every trace of them…")
        if working:
            self._show_result(busy)
        elif self.result_label.text() == busy:
            self.result_label.clear()
            self.result_label.hide()
        self.table.setEnabled(not working)
        self.select_all.setEnabled(not working and bool(self.rows))
        self.gallra_button.setEnabled(not working and bool(self.selected()))

    def _not_deleted(self, exc: BaseException) -> None:
        if isinstance(exc, AccessDeniedError):
            failure = self.tr("Only a team lead can carry out gallring. Nothing was deleted.")
        elif isinstance(exc, NotDueError):
            failure = self.tr("Some of the cases are no longer due for gallring (they may have been reopened). "
                              "Nothing was deleted.")
        else:
            failure = database_error_text(exc)
        self._after_gallring(lambda: QMessageBox.warning(self, self.tr("Gallring"), failure), None)

    def _deleted(self, result: GallringResult) -> None:
        self._after_gallring(lambda: self._report(result), result)

    def _after_gallring(self, tell: Callable[[], None], result: GallringResult | None) -> None:
        """Read the list again, refresh the main window's, then say what happened."""
        self._set_working(False)
        reload_main = getattr(self.main_window, "reload", None)
        if callable(reload_main):
            reload_main()

        def then() -> None:
            tell()
            self.sig_gallring_done.emit(result)

        self.reload(then)

    def _report(self, result: GallringResult) -> None:
        """Say what was done; when traces are left, offer to try the clean-up again (off the UI thread)."""
        text = self.tr("Cases deleted: %1. Students deleted (they had no other case): %2. A new backup was taken; "
                       "older backups deleted: %3.").replace("%1", str(result.cases)) \
            .replace("%2", str(result.students)).replace("%3", str(result.backups_deleted))
        text += " " + self.tr("Copies of the database made outside SST Desk's backups folder (for example on a "
                              "USB stick) must be deleted by hand.")
        if result.complete:
            self._show_result(text)
            QMessageBox.information(self, self.tr("Gallring done"), text)
            return
        problem = self.tr("Some traces could not be cleared: another program or another SST Desk has the "
                          "database or a backup open. Close it and press Retry.")
        problem += "".join("\n" + str(path) for path in result.leftovers)
        self._show_result(text + "\n\n" + problem)
        answer = QMessageBox.warning(self, self.tr("Gallring not finished"), text + "\n\n" + problem,
                                     QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
        if answer != QMessageBox.StandardButton.Retry:
            return
        gallring, keep = self.context.door.gallring, self._keep

        def again(finished: GallringResult) -> None:
            self._set_working(False)
            self._report(GallringResult(result.cases, result.students, result.guardians, finished.backup,
                                        result.backups_deleted + finished.backups_deleted, finished.leftovers,
                                        finished.wal_cleared, finished.vacuumed))

        def failed(exc: BaseException) -> None:
            self._set_working(False)
            QMessageBox.warning(self, self.tr("Gallring"), database_error_text(exc))

        wait_for_background_work()
        self._set_working(True)
        run_in_background(self, lambda: gallring.finish(keep_backups=keep), again, failed)

    def _show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.show()

    def _close_case_windows(self, case_ids: set[int]) -> bool:
        """Close the windows of the cases to be deleted; False if one stays open (unsaved work kept)."""
        windows = getattr(self.main_window, "case_windows", {})
        for case_id, window in list(windows.items()):
            if case_id in case_ids and not window.close():
                return False
        return True


def open_gallring(parent: QWidget, context: AppContext) -> None:
    """File → Gallring…: the dialog, modal."""
    dialog = GallringDialog(context, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
