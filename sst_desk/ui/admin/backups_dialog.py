"""Säkerhetskopior: the database's backups (date, kind, size), "Back up now" and "Restore…".

Backing up goes through ``services.backups`` (checked and logged as the person); restoring replaces
the database, so it is done with the database closed and reopened by the window's bootstrap
(``ui/common/startup.restore_for_window``: ``persistence.restore.restore_as``, the command line's door
too, asking ``services.backups.authorize_restore``). Both run off the UI thread; ``sig_finished`` says
when one is over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desk.services import Door, backups
from sst_desk.services.errors import DatabaseError
from sst_desk.settings import BACKUPS_TO_KEEP
from sst_desk.ui.common.dialogs import close_button_box
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.operations import run_and_wait, run_in_background, wait_for_background_work

KIND_WORDS = {
    backups.AUTO: QT_TRANSLATE_NOOP("BackupsDialog", "Automatic"),
    backups.MANUAL: QT_TRANSLATE_NOOP("BackupsDialog", "Manual"),
    backups.PRE_RESTORE: QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
    backups.PRE_UPGRADE: QT_TRANSLATE_NOOP("BackupsDialog", "Before an update"),
    backups.OTHER: QT_TRANSLATE_NOOP("BackupsDialog", "Other"),
}


def kind_word(kind: str) -> str:
    return QCoreApplication.translate("BackupsDialog", KIND_WORDS.get(kind, KIND_WORDS[backups.OTHER]))


class BackupsDialog(QDialog):
    """Lists the backups of the open database file; backs up now; restores one after asking."""

    sig_finished = Signal(object)
    """Carries what a backup or a restore ended with: the backup's path, True for a restore, or the exception."""

    def __init__(self, context: AppContext, main_window: QWidget):
        super().__init__(main_window)
        self.context = context
        self.main_window = main_window
        self.rows: list[backups.BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        self.setAccessibleName(self.tr("Backups"))

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.folder = QLabel(self)  # on a line of its own: a long path wraps badly inside a sentence
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No backup yet. \u201cBack up now\u201d makes one; SST Desk also makes one "
                                    "each day it is used."), self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666;")
        self.working = QLabel(self)
        self.working.setAccessibleName(self.tr("Progress"))
        self.working.hide()

        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setAccessibleName(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        close = close_button_box(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.folder)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.working)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self.reload()

    @property
    def db(self):
        """The open database (``context.db``): its file, key and signed-in person; the data goes through doors."""
        return self.context.db

    def reload(self) -> None:
        """Read the backups folder again and show it, newest first."""
        path = self.db.path
        if path is None:
            self.intro.setText(self.tr("The database is on a server. It is backed up by the server's own tools, "
                                       "not by SST Desk."))
            self.rows = []
            self.folder.hide()
        else:
            keep = self.context.settings.get(BACKUPS_TO_KEEP)
            self.intro.setText(
                self.tr("An automatic backup is taken each day SST Desk is used and when it closes; the newest %1 "
                        "automatic ones are kept. Backups are kept in this folder:").replace("%1", str(keep)))
            door = self.context.door
            folder, self.rows = run_and_wait(self, lambda: (door.backups.backup_folder(), door.backups.list_backups()))
            self.folder.setText(str(folder))
        locale = QLocale()
        self.table.setRowCount(len(self.rows))
        for row, info in enumerate(self.rows):
            when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            size = QTableWidgetItem(locale.formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((QTableWidgetItem(when), QTableWidgetItem(kind_word(info.kind)), size)):
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        if self.rows:
            self.table.selectRow(0)
        self.empty.setVisible(not self.rows and path is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.backup_button.setEnabled(self.db.path is not None and self._may_back_up())
        self.restore_button.setEnabled(self.selected() is not None and self._may_restore())

    def _may_back_up(self) -> bool:
        """A copy of every case: administrators and team leads (``access``: BACKUPS × CREATE; the service checks)."""
        from sst_desk.workflow.access import Action, Resource, allowed

        actor = getattr(self.db, "actor", None)
        return actor is None or allowed(actor, Resource.BACKUPS, Action.CREATE)

    def _may_restore(self) -> bool:
        """Restoring replaces everyone's data: administrators and team leads only (``access``: BACKUPS × EDIT)."""
        from sst_desk.workflow.access import Action, Resource, allowed

        actor = getattr(self.db, "actor", None)
        ok = actor is None or allowed(actor, Resource.BACKUPS, Action.EDIT)
        self.restore_button.setToolTip(
            "" if ok else self.tr("Only an administrator or a team lead can restore a backup."))
        return ok

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    # --- actions --------------------------------------------------------------

    def _set_working(self, working: bool, text: str = "") -> None:
        if working:
            self.backup_button.setEnabled(False)
            self.restore_button.setEnabled(False)
        else:
            self._update_buttons()
        self.working.setText(text)
        self.working.setVisible(working)

    def back_up_now(self) -> None:
        """A manual backup, made and checked off the UI thread."""
        backups_door = self.context.door.backups
        self._set_working(True, self.tr("Backing up…"))

        def made(path) -> None:
            self._set_working(False)
            self.reload()
            self.sig_finished.emit(path)

        def failed(exc: BaseException) -> None:
            self._set_working(False)
            if not isinstance(exc, (DatabaseError, OSError)):
                raise exc
            QMessageBox.warning(self, self.tr("Backup failed"), database_error_text(exc))
            self.sig_finished.emit(exc)

        run_in_background(self, backups_door.make_backup, made, failed)

    def restore_selected(self) -> None:
        info = self.selected()
        path = self.db.path
        if info is None or path is None:
            return
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self, self.tr("Restore backup"),
            self.tr("Replace the database with the backup from %1? What was saved after it is no longer shown, "
                    "but the database as it is now is kept as a backup first, so the restore can be undone. "
                    "Open case windows are closed.").replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self._close_case_windows():
            QMessageBox.information(self, self.tr("Restore backup"),
                                    self.tr("Nothing was restored: a case window is still open."))
            return
        wait_for_background_work()
        key, actor = self.db.key, self.db.actor
        self.db.close()
        self._set_working(True, self.tr("Restoring…"))
        run_in_background(self, lambda: _restore(info.path, path, key, actor),
                          lambda outcome: self._restored(outcome, when),
                          lambda exc: self._restored(_Restored(None, None, exc), when))

    def _restored(self, outcome: _Restored, when: str) -> None:
        self._set_working(False)
        failure = outcome.failure
        if outcome.db is not None:
            outcome.db.actor = _same_person(outcome.user, actor=outcome.actor)
            self.context.db = outcome.db
            if outcome.team is not None:
                self.context.team = outcome.team
        self.main_window.reload()
        self.reload()
        if failure is not None:
            QMessageBox.warning(self, self.tr("Restore failed"), database_error_text(failure))
        else:
            QMessageBox.information(self, self.tr("Restore backup"),
                                    self.tr("The backup from %1 was restored.").replace("%1", when))
        self.sig_finished.emit(failure if failure is not None else True)

    def _close_case_windows(self) -> bool:
        """Ask every case window to close; False if one stays open (unsaved work the worker kept)."""
        windows = getattr(self.main_window, "case_windows", {})
        for window in list(windows.values()):
            if not window.close():
                return False
        return True


def show_backups(context: AppContext, main_window: QWidget) -> None:
    dialog = BackupsDialog(context, main_window)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


@dataclass
class _Restored:
    """What the background restore ended with: the reopened database, the account found in it, a failure."""

    db: object | None  # the reopened persistence.Database (opened by ui/common/startup.restore_for_window)
    user: object | None  # workflow.accounts.UserRecord of the person, None when it is not there
    failure: BaseException | None = None
    actor: object | None = None
    team: object | None = None  # options.TeamSettings of the restored database (retention, letterhead …)


def _restore(backup: Path, path: Path, key: bytes | None, actor) -> _Restored:
    """Off the UI thread: restore (checked, logged before and in the restored database), then reopen."""
    from sst_desk.ui.common.startup import restore_for_window

    reopened, failure = restore_for_window(backup, path, key, actor)
    if reopened is None:  # the closed engine reconnects on use; keep it
        return _Restored(None, None, failure, actor)
    user = None
    if actor is not None:
        try:
            user = Door(reopened.uow, None).accounts.get_user(actor.user_id)
        except LookupError:
            user = None
    team = None
    try:
        team = Door(reopened.uow, None).settings.team_settings()
    except (DatabaseError, OSError):  # the window keeps the settings it had; the next sign-in reads them
        team = None
    return _Restored(reopened, user, failure, actor, team)


def _same_person(user, *, actor):
    """The signed-in person in the restored database: the same active account, or nobody (then SST Desk quits)."""
    if actor is None:
        return None
    if user is not None and user.active and user.username == actor.username:
        return user.actor()
    QMessageBox.information(None, QApplication.translate("BackupsDialog", "Restore backup"),
                            QApplication.translate("BackupsDialog", "Your account is not in the restored database, "
                                                   "so SST Desk closes. Sign in again."))
    QApplication.instance().exit(0)
    return None
