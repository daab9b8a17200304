"""The main window: the team's cases as a searchable, filterable list, and "Nytt ärende"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sst_desk.settings import MAIN_GEOMETRY, MAIN_STATE
from sst_desk.workflow.attention import Attention
from sst_desk.workflow.codes import Stage
from sst_desk.ui.caselist.caselist import ROW_ROLE, CaseFilterProxy, CaseTableModel, Column
from sst_desk.ui.accounts.session import on_server
from sst_desk.ui.common.connection import UnreachableBanner, connection_state, is_unreachable
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.labels import label
from sst_desk.ui.common.listeditor import row_table
from sst_desk.ui.common.operations import Operation, run_and_wait, wait_for_background_work
from sst_desk.ui.common.widgets import install_wheel_guard


# "Kommande"'s first width (before the person sets their own): a third of the window, enough for its date, what
# and who; at 1280 px the case list keeps the student, personnummer, school, year and stage in view.
AGENDA_SHARE = 0.34
AGENDA_MIN_WIDTH = 400


class MainWindow(QMainWindow):
    """Lists the cases; opens each in its own case window."""

    sig_rows_loaded = Signal(int)
    """Emitted after the list is (re)loaded, with the number of cases."""
    sig_case_opened = Signal(int)
    """Emitted with the case id once its window is shown (opening reads the case in the background)."""
    sig_signed_out = Signal()
    """Emitted when the person signed out (Arkiv → Logga ut); the app then asks who signs in next."""
    sig_closed = Signal()
    """Emitted when the window has closed (quit, or sign-out); the app's event loop ends on it."""

    def __init__(self, context: AppContext):
        super().__init__()
        install_wheel_guard()  # before any dropdown exists: they are polished with the guard in place
        self.context = context
        self.case_windows: dict[int, QWidget] = {}
        self._opening: set[int] = set()  # case ids being read in the background
        self.setWindowTitle(self.tr("SST Desk – cases"))
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, personal identity number or school"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.stage_filter = QComboBox(self)
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage_filter.addItem(label(stage), stage)
        self.stage_filter.currentIndexChanged.connect(self._filter_changed)
        self.attention_filter = QComboBox(self)
        self.attention_filter.addItem(self.tr("All cases"), None)
        self.attention_filter.addItem(self.tr("Needs attention"), "any")
        for flag in Attention:
            self.attention_filter.addItem(label(flag), flag)
        self.attention_filter.addItem(self.tr("High absence this term"), "absence")
        self.attention_filter.currentIndexChanged.connect(self._filter_changed)

        filters = QHBoxLayout()
        for text, widget in ((self.tr("Search"), self.search), (self.tr("Stage"), self.stage_filter),
                             (self.tr("Show"), self.attention_filter)):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            widget.setAccessibleName(text)
            filters.addWidget(caption)
            filters.addWidget(widget, 2 if widget is self.search else 1)

        self.table = row_table(self.tr("Cases"), self.proxy, self)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NEXT_DUE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.STUDENT, 180), (Column.PERSONAL_ID, 130), (Column.SCHOOL, 170),
                              (Column.GRADE, 60), (Column.STAGE, 160), (Column.ABSENCE, 150), (Column.NEXT_DUE, 110),
                              (Column.ATTENTION, 200)):
            self.table.setColumnWidth(column, width)
        header.moveSection(Column.ABSENCE, Column.NEXT_DUE)  # shown beside the stage: the figure the team follows
        self.table.activated.connect(self._open_index)

        self.empty_hint = QLabel(self.tr("No cases yet. Start with \u201cNew case\u201d (Ctrl+N)."), self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()

        self.banner = UnreachableBanner(self)  # shown while the team server cannot be reached
        self.banner.sig_retry.connect(self.reload)
        # The server ended the session (idle or absolute expiry, revoked): lock, and the unlock signs in afresh.
        connection_state().sig_session_ended.connect(self._session_ended)
        if on_server(context.db):  # answers from the offline copy keep the banner up, saying how old it is
            connection_state().offline_source = lambda: getattr(self.context.db, "offline_as_of", None)
            connection_state().current_session = lambda: getattr(self.context.db, "session", None)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        self.setCentralWidget(central)
        self.agenda_dock = self._build_agenda()
        self._build_actions()
        self.count_label = QLabel(self)
        location = getattr(context.db, "location", None) if on_server(context.db) else None
        if location:  # which team server this window works on
            self.server_label = QLabel(self.tr("Team server: %1").replace("%1", location), self)
            self.server_label.setAccessibleName(self.tr("Team server"))
            self.statusBar().addPermanentWidget(self.server_label)
        if hasattr(self, "signed_in_label"):
            self.statusBar().addPermanentWidget(self.signed_in_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.resize(1200, 700)
        geometry = context.settings.get(MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        state = context.settings.get(MAIN_STATE)
        if state and self.restoreState(state):  # "Kommande" shown or hidden, and its width, as left
            self._agenda_sized = True
        self.live = self._start_live()

    def _build_agenda(self) -> QDockWidget | None:
        """"Kommande (14 dagar)" on the right (``ui/caselist/agenda.py``); None for someone with no cases."""
        from sst_desk.ui.caselist.agenda import AgendaPanel
        from sst_desk.workflow.access import Action, Resource, Scope, scope

        actor = getattr(self.context.db, "actor", None)
        if actor is not None and scope(actor.role, Resource.CASE, Action.VIEW) is Scope.NONE:
            return None  # an administrator works with no cases: nothing can fall due
        self.agenda = AgendaPanel(self)
        self._agenda_stale = True  # not read yet
        self.agenda.sig_open_case.connect(self.open_case)
        dock = QDockWidget(self.tr("Upcoming (%1 days)").replace("%1", str(self.agenda.days)), self)
        dock.setObjectName("upcoming-dock")  # saveState/restoreState find it by this name
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        dock.setWidget(self.agenda)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._agenda_sized = False  # sized once, when first shown (the window's own size known by then)
        dock.visibilityChanged.connect(self._agenda_shown)
        return dock

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.agenda_dock is not None and not self._agenda_sized:
            self._agenda_sized = True
            width = max(AGENDA_MIN_WIDTH, int(self.width() * AGENDA_SHARE))
            self.resizeDocks([self.agenda_dock], [width], Qt.Orientation.Horizontal)

    def _agenda_shown(self, visible: bool) -> None:
        if visible and self._agenda_stale:
            # Hidden (or never read), it is not up to date. Once the events in hand are handled: the window's
            # first show is followed at once by the list's reload, which reads it too (one read, one log entry).
            QTimer.singleShot(0, self, lambda: self._reload_agenda() if self._agenda_stale else None)

    def _reload_agenda(self, *, quietly: bool = False) -> None:
        if self.agenda_dock is None:
            return
        self._agenda_stale = self.agenda_dock.isHidden()  # a hidden panel is read when it is shown again
        if not self._agenda_stale:
            self.agenda.reload(self.context.door, self.context.today(), quietly=quietly)

    def _start_live(self):
        """On a team server: colleagues' saves shown as they happen (``ui/common/live.py``); None on a file."""
        if self.context.live is None:
            return None
        from sst_desk.ui.common.live import LiveUpdates

        live = LiveUpdates(self.context.live, self)
        live.sig_list_stale.connect(lambda: self.reload(quietly=True))
        live.sig_case_changed.connect(self._case_changed_elsewhere)
        live.sig_resync.connect(self._resync_case_windows)
        live.sig_session_ended.connect(self._live_ended)
        return live.start()

    def _stop_live(self) -> None:
        if self.live is not None:
            self.live.stop()

    def _case_changed_elsewhere(self, event) -> None:
        """A colleague saved a case (``remote.sse.CaseEvent``): its open window takes the newer version in."""
        window = self.case_windows.get(event.case_id)
        follower = getattr(window, "follower", None)
        if follower is not None:
            follower.changed(event.revision, event.by)

    def _resync_case_windows(self) -> None:
        """Changes may have been missed while the stream was broken off: every open case window checks."""
        for window in list(self.case_windows.values()):
            follower = getattr(window, "follower", None)
            if follower is not None:
                follower.changed(None, "")

    def _live_ended(self) -> None:
        self.statusBar().showMessage(self.tr(
            "The server ended this session: colleagues' changes are no longer shown as they happen."))

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("New case"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_case)
        self.open_action = QAction(self.tr("Open case"), self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_selected)
        self.table.addAction(self.open_action)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(lambda _checked=False: self.reload())
        self.find_action = QAction(self.tr("Search"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        settings_action = QAction(self.tr("Settings…"), self)
        # Not StandardKey.Preferences/Quit: on some platforms they map to the keys "Settings" and "Quit",
        # and the menu showed the word "Inställningar" where a shortcut belongs. Plain sequences show as keys.
        settings_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        settings_action.triggered.connect(self.edit_settings)
        backups_action = QAction(self.tr("Backups…"), self)
        backups_action.triggered.connect(self.show_backups)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from case windows too
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_L))
        self.sign_out_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.sign_out_action.setVisible(getattr(self.context.db, "actor", None) is not None)
        self.addAction(self.sign_out_action)
        self.forget_action = QAction(self.tr("Sign out and remove the local copy"), self)
        self.forget_action.triggered.connect(self.sign_out_for_good)
        self.forget_action.setVisible(getattr(self.context.db, "store", None) is not None)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.refresh_action, self.find_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(settings_action)
        file_menu.addAction(backups_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self.forget_action)
        file_menu.addAction(quit_action)
        if self.agenda_dock is not None:
            view_menu = self.menuBar().addMenu(self.tr("&View"))
            self.agenda_action = self.agenda_dock.toggleViewAction()
            self.agenda_action.setText(self.tr("Upcoming"))
            self.agenda_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K))
            view_menu.addAction(self.agenda_action)
        actor = getattr(self.context.db, "actor", None)
        if actor is not None:
            from sst_desk.workflow.access import Action, Resource, allowed

            self._build_team_menu(actor)
            self.new_action.setEnabled(allowed(actor, Resource.CASE, Action.CREATE))
            backups_action.setVisible(allowed(actor, Resource.BACKUPS, Action.VIEW)
                                      or allowed(actor, Resource.BACKUPS, Action.CREATE))
            self.signed_in_label = QLabel(self.tr("Signed in: %1 (%2)").replace("%1", actor.label)
                                          .replace("%2", label(actor.role)), self)
            self.signed_in_label.setAccessibleName(self.tr("Signed in"))
        self.addAction(self.find_action)
        toolbar = QToolBar(self.tr("Cases"), self)
        toolbar.setObjectName("cases-toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)

    def _build_team_menu(self, actor) -> None:
        """"Team": accounts, the access log, gallring, batch print, attendance import, statistics, one's own password — each for whom it is meant."""
        from sst_desk.workflow.access import Action, Resource, Scope, allowed, scope

        menu = self.menuBar().addMenu(self.tr("&Team"))
        entries = (
            (self.tr("Users…"), self.show_users, allowed(actor, Resource.USERS, Action.VIEW)),
            (self.tr("Access log…"), self.show_access_log, allowed(actor, Resource.ACCESS_LOG, Action.READ_LOG)),
            (self.tr("Gallring…"), self.show_gallring, allowed(actor, Resource.CASE, Action.DELETE)),
            (self.tr("Print action plans…"), self.show_batch_print,
             scope(actor.role, Resource.CASE, Action.PRINT) is Scope.TEAM),
            (self.tr("Import attendance…"), self.show_attendance_import,
             allowed(actor, Resource.ATTENDANCE, Action.CREATE)),
            (self.tr("Statistics…"), self.show_statistics, allowed(actor, Resource.STATISTICS, Action.VIEW)),
            (self.tr("My profile…"), self.edit_profile, True),
            (self.tr("Change my password…"), self.change_password, True),
        )
        self.team_actions: dict[str, QAction] = {}
        for text, slot, shown in entries:
            action = QAction(text, self)
            action.triggered.connect(slot)
            action.setVisible(shown)
            menu.addAction(action)
            self.team_actions[text] = action

    def show_users(self) -> None:
        from sst_desk.ui.accounts.users_dialog import open_users

        open_users(self, self.context)

    def show_access_log(self) -> None:
        from sst_desk.ui.accesslog.review import open_log_review

        open_log_review(self, self.context)

    def show_gallring(self) -> None:
        from sst_desk.ui.admin.gallring_dialog import open_gallring

        open_gallring(self, self.context)
        self.reload()

    def show_batch_print(self) -> None:
        from sst_desk.ui.printing.batch_print import open_batch_print

        open_batch_print(self, self.context)

    def show_attendance_import(self):
        """Team → Import attendance…; the case list's absence column is reloaded after each stored import."""
        from sst_desk.ui.attendance.import_dialog import open_attendance_import

        dialog = open_attendance_import(self, self.context)
        dialog.sig_imported.connect(lambda _result: self.reload())
        return dialog

    def show_statistics(self):
        """Team → Statistik: the team's figures (team lead) or one's own cases' (a worker); the school years
        offered start with the earliest case in the list."""
        from sst_desk.ui.statistics.window import open_statistics

        return open_statistics(self, self.context, [row.raised_on for row in self.model.rows()])

    def edit_profile(self) -> None:
        from sst_desk.ui.accounts.profile_dialog import edit_profile

        edit_profile(self, self.context)

    def change_password(self) -> None:
        from sst_desk.ui.accounts.password_dialog import change_password

        change_password(self, self.context)

    # --- data -----------------------------------------------------------------

    def reload(self, *, quietly: bool = False) -> None:
        """Reload the list in the background; the rows arrive with ``sig_rows_loaded``.

        ``quietly``: a colleague's change (live changes) — no "Loading cases…" in the status bar, and a
        failure is left for the next reload rather than put in front of the person in a message box.
        """
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation
        if not quietly:
            self.statusBar().showMessage(self.tr("Loading cases…"))
        today, door = self.context.today(), self.context.door
        Operation(self, lambda: door.cases.case_rows(today)) \
            .success(lambda rows: self._rows_arrived(generation, rows, quietly)) \
            .failure(lambda _exc: None if quietly else self._load_failed(_exc)) \
            .run_in_background()
        self._reload_agenda(quietly=quietly)  # "Kommande" follows the list: saves, colleagues' changes

    def _rows_arrived(self, generation: int, rows: list, quietly: bool = False) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        if not quietly:
            self.statusBar().clearMessage()
        self.model.thresholds = self.context.thresholds
        chosen, current = self._chosen_cases()
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self._choose_cases(chosen, current)
        self.table.verticalScrollBar().setValue(scrolled)
        self._update_counts()
        self.sig_rows_loaded.emit(len(rows))

    def _chosen_cases(self) -> tuple[set[int], int | None]:
        """The case ids of the selected rows and of the current one (kept across a reload)."""
        selection = self.table.selectionModel()
        chosen = {row.case_id for index in selection.selectedRows() if (row := index.data(ROW_ROLE)) is not None}
        current = selection.currentIndex()
        row = current.sibling(current.row(), 0).data(ROW_ROLE) if current.isValid() else None
        return chosen, row.case_id if row is not None else None

    def _choose_cases(self, chosen: set[int], current: int | None) -> None:
        """Select the rows of ``chosen`` again (those still listed and shown) and make ``current`` current."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        wanted = chosen | ({current} if current is not None else set())
        if not wanted:
            return
        numbers = self.model.row_numbers(wanted)
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for case_id in chosen:
            if case_id in numbers:
                index = self.proxy.mapFromSource(self.model.index(numbers[case_id], 0))
                if index.isValid():
                    selection.select(index, index.sibling(index.row(), last))
        flags = QItemSelectionModel.SelectionFlag
        model = self.table.selectionModel()
        if current is not None and current in numbers:
            index = self.proxy.mapFromSource(self.model.index(numbers[current], 0))
            if index.isValid():
                model.setCurrentIndex(index, flags.NoUpdate)
        model.select(selection, flags.ClearAndSelect | flags.Rows)

    def _load_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if is_unreachable(exc):  # the banner says it, with "Try again"; the list shown stays as it was
            return
        QMessageBox.warning(self, self.tr("Could not load the cases"), database_error_text(exc))

    def _filter_changed(self, *_args: object) -> None:
        self.proxy.set_search(self.search.text())
        stage = self.stage_filter.currentData()  # Qt hands str-enums back as plain strings
        self.proxy.set_stage(Stage(stage) if stage else None)
        flag = self.attention_filter.currentData()
        self.proxy.set_attention(None if not flag else flag if flag in ("any", "absence") else Attention(flag))
        self._update_counts()

    def _search_entered(self) -> None:
        """Enter in the search field opens the one case found; with several, the list takes the keyboard."""
        shown = self.proxy.rowCount()
        if shown == 1:
            self._open_index(self.proxy.index(0, 0))
        elif shown > 1:
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _update_counts(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(self.tr("%1 of %2 cases shown").replace("%1", str(shown)).replace("%2", str(total)))
        self.empty_hint.setVisible(total == 0)
        if shown and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    # --- actions --------------------------------------------------------------

    def new_case(self) -> None:
        from sst_desk.ui.case.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.context, self, existing=self.model.rows())
        if dialog.exec() and dialog.case_id is not None:
            self.reload()
            self.open_case(dialog.case_id)

    def edit_settings(self) -> None:
        from sst_desk.ui.admin.settings_dialog import edit_settings

        if not edit_settings(self, self.context):
            return
        if self.context.locker is not None:
            from sst_desk.settings import IDLE_LOCK_MINUTES

            self.context.locker.set_minutes(self.context.settings.get(IDLE_LOCK_MINUTES))
        self.reload()  # the team's absence limits may have changed: the flags follow

    def _session_ended(self) -> None:
        if self.isVisible() and self.context.locker is not None and not self.context.locker.locked:
            QTimer.singleShot(0, self.lock)  # once the call that found it has come back

    def lock(self) -> None:
        """Ctrl+L: hide everything until the signed-in person's password is given (``ui/common/lock.py``)."""
        if self.context.locker is not None:
            self.context.locker.lock()

    def sign_out(self) -> bool:
        """Arkiv → Logga ut: let a colleague sign in without quitting SST Desk. True when signed out.

        Each case window is closed first and asks about its unsaved changes; Cancel in any of them keeps
        everything as it was. Then the sign-out is logged, the window closes and forgets who was signed in,
        and ``sig_signed_out`` tells the app (``app.run_session``) to show the sign-in dialog again.
        """
        db = self.context.db
        if getattr(db, "actor", None) is None:
            return False
        if not self._close_case_windows(self.sign_out):
            return False
        from sst_desk.services.errors import DatabaseError
        from sst_desk.workflow.logchain import LogAction

        accounts = self.context.door.accounts
        try:
            run_and_wait(self, lambda: accounts.record_session_event(LogAction.SIGN_OUT, "sign out"))
        except DatabaseError:
            pass  # signing out must work even when the database is briefly unavailable
        if self.context.locker is not None:
            self.context.locker.stop()
        if not self.close():
            return False
        db.actor = None
        self.signed_out = True
        self.sig_signed_out.emit()
        return True

    def sign_out_for_good(self) -> bool:
        """Arkiv → "Sign out and remove the local copy": sign out, and the offline copy of the person's cases is
        overwritten and removed from this computer as the connection closes (``ServerConnection.close``)."""
        db = self.context.db
        db.forget_on_close = True
        if self.sign_out():
            return True
        db.forget_on_close = False
        return False

    def show_backups(self) -> None:
        from sst_desk.ui.admin.backups_dialog import show_backups

        show_backups(self.context, self)

    def open_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self._open_index(indexes[0])

    def _open_index(self, index) -> None:
        row = index.sibling(index.row(), 0).data(ROW_ROLE)
        if row is not None:
            self.open_case(row.case_id)

    def open_case(self, case_id: int):
        """Open (or raise) the case window for ``case_id``.

        An open window is raised and returned at once. Otherwise the case is read in the background
        (``services.cases.open_case``) and its window shown when it arrives (``sig_case_opened``);
        returns None then. A case that cannot be read is explained.
        """
        window = self.case_windows.get(case_id)
        if window is not None:
            self._show_case_window(window)
            return window
        if case_id in self._opening:
            return None
        self._opening.add(case_id)
        door = self.context.door

        def failed(exc: BaseException) -> None:
            self._opening.discard(case_id)
            if is_unreachable(exc):  # the banner says it; the person opens the case again when it is back
                return
            QMessageBox.warning(self, self.tr("Could not open the case"), database_error_text(exc))

        Operation(self, lambda: door.cases.open_case(case_id)).success(self._case_arrived).failure(failed) \
            .run_in_background()
        return None

    def _case_arrived(self, opened) -> None:
        from sst_desk.ui.case.case_window import CaseWindow
        from sst_desk.ui.case.members_dialog import member_name

        case_id = opened.case.id
        self._opening.discard(case_id)
        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseWindow(self.context, opened.case, members=[member_name(m) for m in opened.members],
                                allowed=opened.allowed)
            window.sig_saved.connect(lambda _id: self.reload())
            if self.live is not None:
                from sst_desk.ui.case.follow import CaseFollower

                window.follower = CaseFollower(window)  # colleagues' saves of this case come into it
            window.sig_closed.connect(lambda closed_id: self.case_windows.pop(closed_id, None))
            self.case_windows[case_id] = window
        self._show_case_window(window)
        self.sig_case_opened.emit(case_id)

    @staticmethod
    def _show_case_window(window) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def _close_case_windows(self, then) -> bool:
        """Close every case window (each asks about unsaved changes); True when all closed.

        A window whose person chose to save closes once the save is written; ``then()`` is tried again
        when it has (it is only ever pending on a save the person asked for).
        """
        for window in list(self.case_windows.values()):
            if not window.close():
                if window.saving:
                    window.sig_closed.connect(lambda _id: QTimer.singleShot(0, then))
                return False
        return True

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._close_case_windows(self.close):
            event.ignore()
            return
        self.context.settings.set(MAIN_GEOMETRY, bytes(self.saveGeometry()))
        self.context.settings.set(MAIN_STATE, bytes(self.saveState()))
        self.context.settings.sync()
        self._stop_live()  # sign-out and quitting: no stream thread outlives the window
        wait_for_background_work()
        event.accept()
        self.sig_closed.emit()
