"""The case window: the stages down the side, a page per stage, the next steps, save and print.

The window edits a detached copy of the case in memory (``self.case``); pages
write into it, the workflow's guards read it, and Save writes it in one unit of
work (``services.cases.save_case``, in the background: ``operations.Operation``)
and shows the reloaded case. While a save runs the pages, the actions and the
window's close wait for it. Every step through the process is saved at once.
Nothing is lost silently: closing with unsaved changes asks.

The window keeps the case as it was loaded (``base``, a copy) and sends it with every save, so a
colleague's save in between is merged rather than refused (``workflow.merge``); where both changed the
same field, ``SaveConflict`` brings the conflict dialog (``conflict_dialog``). ``take_in`` shows a newer
copy someone else saved while the window is open: untouched fields follow it, a banner says who changed what.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import shiboken6

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desk.settings import CASE_GEOMETRY
from sst_desk.workflow.access import Action, Resource
from sst_desk.workflow.entities import Case
from sst_desk.workflow.merge import MergeResult, Side, clone, merge3
from sst_desk.workflow.editing import save_problems, step_blockers
from sst_desk.workflow.problems import ProcessError
from sst_desk.workflow.process import PATHS, Move, apply, is_complete, moves_from, warnings
from sst_desk.workflow.steps import StageStep, StepState, stage_steps
from sst_desk.ui.common.connection import UnreachableBanner, is_unreachable
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.conflict_words import changes_words, conflict_place
from sst_desk.ui.case.forms import elided
from sst_desk.ui.common.labels import grade_label, label
from sst_desk.ui.common.messages import message
from sst_desk.ui.common.operations import Operation
from sst_desk.ui.case.pages.base import StagePage
from sst_desk.ui.case.pages.early import AktualiseringPage, InskrivningPage, KartlaggningPage
from sst_desk.ui.case.pages.later import AvslutPage, GenomforandePage, HistoryPage, UppfoljningPage, VidmakthallandePage
from sst_desk.ui.case.pages.plan import PlaneringPage
from sst_desk.ui.case.pages.skollinje import SkollinjePage
from sst_desk.ui.printing.printing import print_handlingsplan
from sst_desk.ui.case.stepper import Stepper
from sst_desk.ui.case.step_details import ask_step_details
from sst_desk.ui.collab.case_room import CaseRoom, RoomFactory, server_room_factory
from sst_desk.ui.common.widgets import install_wheel_guard

PAGE_CLASSES: list[type[StagePage]] = [
    AktualiseringPage, InskrivningPage, KartlaggningPage, PlaneringPage,
    GenomforandePage, UppfoljningPage, AvslutPage, VidmakthallandePage,
]


class CaseWindow(QMainWindow):
    """One case, from aktualisering to boosterträff."""

    sig_saved = Signal(int)
    """Emitted with the case id after the case was saved."""
    sig_closed = Signal(int)
    """Emitted with the case id when the window has closed."""
    sig_document_shown = Signal(object)
    """Emitted with the print preview (or the written file's path) once a document is ready."""

    def __init__(self, context: AppContext, case: Case, parent: QWidget | None = None, *,
                 members: list[str] | None = None,
                 allowed: frozenset[tuple[Resource, Action]] | None = None,
                 room_factory: RoomFactory | None = None):
        """``members`` and ``allowed`` come with the case (``services.cases.open_case``); without them they
        are read in the background and the actions shown when they arrive. On the team server the window
        joins the case's room (``collab.case_room``; ``room_factory`` makes its client, by default the
        server's ``RoomClient``); on a database file there is none."""
        super().__init__(parent)
        install_wheel_guard()
        self.context = context
        self.case = case
        self.base = clone(case)  # the case as loaded: what the person's edits are measured against when saving
        self._saved_by: str | None = None  # who saved the newer copy last taken in (for the conflict dialog)
        self._newer: tuple[Case, str] | None = None  # a newer copy that came while a save was running
        self._loading = False
        self.saving = False  # a save is being written: no second save, no close, no edits
        self._allowed = allowed
        self.room: CaseRoom | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.stepper = Stepper(self)
        self.stepper.setAccessibleName(self.tr("Stages"))
        self.pages: list[StagePage] = [cls(context, self) for cls in PAGE_CLASSES]
        self.skollinje = SkollinjePage(context, self)
        self.history = HistoryPage(context, self)
        self.stack = QStackedWidget(self)
        for page in self.pages + self._other_pages():
            self.stack.addWidget(page)
            page.sig_changed.connect(self._mark_dirty)
        self.stepper.set_steps([label(p.stage) for p in self.pages] + [self.tr("School line"), self.tr("History")])
        self.stepper.sig_step_chosen.connect(self.stack.setCurrentIndex)
        # The page's button prints the version shown there; Ctrl+P the current one.
        self.pages[3].print_button.clicked.connect(lambda: self.print_plan(self.pages[3].shown_plan))

        self.moves_box = QGroupBox(self.tr("Next step"), self)
        self.moves_layout = QHBoxLayout()
        self.blocker_label = QLabel(self.moves_box)
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout = QVBoxLayout(self.moves_box)
        box_layout.addWidget(self.blocker_label)
        box_layout.addLayout(self.moves_layout)
        self.move_buttons: dict[Move, QPushButton] = {}

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.moves_box)
        splitter = QSplitter(self)
        splitter.addWidget(self.stepper)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        # Shown while the team server cannot be reached (edits stay); above the note on others' changes.
        self.unreachable_banner = UnreachableBanner(self)
        self.unreachable_banner.sig_retry.connect(self._retry)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self._central_layout = layout
        self.banner = self._make_banner(central)
        layout.addWidget(self.unreachable_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.resize(1150, 800)
        geometry = context.settings.get(CASE_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        self._members = list(members or [])
        self._load(case)
        self._refresh_permissions()
        if members is None or allowed is None:
            self._read_access()
        self.stepper.setCurrentRow(self.case.stage.order)
        factory = room_factory or server_room_factory(context, case.id)
        if factory is not None and case.id is not None:
            self.room = CaseRoom(self, factory)  # the case is shared with whoever else has it open

    def all_pages(self) -> list[StagePage]:
        return self.pages + self._other_pages()

    def show_room_case(self, case: Case, *, loaded: bool) -> None:
        """Show the case read from the room's document: ``loaded`` fills every page (the first sync), else
        only what changed is shown (lists, header, steps; the field being typed in is left alone)."""
        self.base = clone(case)
        if loaded:
            row = self.stepper.currentRow()
            self._load(case)
            self.stepper.setCurrentRow(row)
            return
        self._loading = True
        try:
            self.case = case
            for page in self.all_pages():
                page.take_in(case)
            self._refresh_process()
        finally:
            self._loading = False

    def _other_pages(self) -> list[StagePage]:
        """The steps after the stages: no stage of their own, never locked."""
        return [self.skollinje, self.history]

    def _build_actions(self) -> None:
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(lambda _checked=False: self.save())
        self.print_action = QAction(self.tr("Print action plan…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.print_plan())
        self.next_step_action = QAction(self.tr("Take the next step"), self)
        self.next_step_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return))
        self.next_step_action.triggered.connect(self._take_forward_move)
        close_action = QAction(self.tr("Close"), self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        next_page = QAction(self.tr("Next page"), self)
        next_page.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown))
        next_page.triggered.connect(lambda: self.stepper.setCurrentRow(min(self.stepper.currentRow() + 1,
                                                                           self.stepper.count() - 1)))
        previous_page = QAction(self.tr("Previous page"), self)
        previous_page.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp))
        previous_page.triggered.connect(lambda: self.stepper.setCurrentRow(max(self.stepper.currentRow() - 1, 0)))
        self.members_action = QAction(self.tr("Responsible workers…"), self)
        self.members_action.triggered.connect(self.edit_members)
        self.extract_action = QAction(self.tr("Registerutdrag…"), self)
        self.extract_action.triggered.connect(self.export_extract)
        self.documents_menu = self.menuBar().addMenu(self.tr("&Documents"))
        self.documents_menu.aboutToShow.connect(self._refresh_documents)
        self.document_actions: dict[str, QAction] = {}
        from sst_desk.reports.kinds import available_kinds

        for kind in available_kinds():
            action = QAction(kind.title + "…", self)
            if kind.name == "handlingsplan":
                # The same document as Ärende → "Print action plan…" (Ctrl+P). Shown here too — as text after a
                # tab, not a second shortcut, which would make Ctrl+P ambiguous and do nothing.
                action.setText(kind.title + "…\t" + self.print_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText))
            action.triggered.connect(lambda _checked=False, k=kind: self.show_document(k))
            self.documents_menu.addAction(action)
            self.document_actions[kind.name] = action
        menu = self.menuBar().addMenu(self.tr("&Case"))
        for action in (self.save_action, self.next_step_action, self.print_action, self.members_action,
                       self.extract_action, next_page, previous_page, close_action):
            menu.addAction(action)
            self.addAction(action)
        self.meeting = None  # the meeting mode's view (ui.case.meeting), made when first asked for
        self.meeting_action = QAction(self.tr("Meeting mode"), self)
        self.meeting_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.meeting_action.triggered.connect(self.show_meeting)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.meeting_action)
        self.addAction(self.meeting_action)
        toolbar = self.toolbar = self.addToolBar(self.tr("Case"))
        toolbar.setObjectName("case-toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.print_action)

    # --- showing the case ---------------------------------------------------

    def _load(self, case: Case) -> None:
        self._loading = True
        try:
            self.case = case
            for page in self.pages + self._other_pages():
                page.load(case)
            self._refresh_process()
            self.setWindowModified(False)
        finally:
            self._loading = False

    def _refresh_header(self) -> None:
        student = self.case.student
        pid = student.personal_id or self.tr("no personal identity number")
        school = "" if student.protected_identity else f" · {student.school}"
        grade = f" · {self.tr('year')} {grade_label(student.grade)}" if student.grade is not None else ""
        protected = f" · <b style='color:#b00020'>{self.tr('Protected personal data')}</b>" \
            if student.protected_identity else ""
        members = ", ".join(getattr(self, "_members", []))
        responsible = f" · {self.tr('Responsible')}: {html.escape(members)}" if members else ""
        self.header.setText(f"<span style='font-size:15pt'><b>{html.escape(student.full_name)}</b></span> &nbsp; "
                            f"{pid}{html.escape(school)}{grade}{protected}<br>{self.tr('Stage')}: "
                            f"<b>{label(self.case.stage)}</b>{responsible}")
        self.setWindowTitle(self.tr("%1 – SST Desk").replace("%1", student.full_name) + "[*]")

    def _refresh_process(self) -> None:
        self._refresh_header()
        steps = {step.stage: step for step in stage_steps(self.case, self.context.today())}
        for row, page in enumerate(self.pages):
            step = steps[page.stage]
            reason = self._locked_reason(step) if step.state is StepState.LOCKED else ""
            self.stepper.set_state(row, step.state, reason)
            page.set_locked(reason or None)
        for row in range(len(self.pages), len(self.pages) + len(self._other_pages())):
            self.stepper.set_state(row, None)
        self._refresh_moves()
        self._refresh_meeting()

    def _locked_reason(self, step: StageStep) -> str:
        """Why a stage is locked, in the worker's words (the workflow's ``StageStep`` says which reason)."""
        if step.move is not None:
            return "\n".join(message(f) for f in step.findings) or self.tr(
                "Take the step \u201c%1\u201d below.").replace("%1", label(step.move))
        if step.left_process:
            return self.tr("The case left the process before this stage.")
        return self.tr("Opens after \u201c%1\u201d.").replace("%1", label(step.opens_after))

    def _refresh_moves(self) -> None:
        today = self.context.today()
        moves = moves_from(self.case.stage)
        if list(self.move_buttons) != list(moves):  # the same steps keep their buttons (and the keyboard focus)
            self._make_move_buttons(moves)
        self._say_blockers(moves, today)

    def _make_move_buttons(self, moves: list[Move]) -> None:
        while self.moves_layout.count():
            item = self.moves_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.move_buttons.clear()
        for move in moves:
            button = QPushButton(label(move), self.moves_box)
            button.setAccessibleName(label(move))
            if PATHS[move].forward:
                button.setDefault(False)
                button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(lambda _checked=False, m=move: self.take_move(m))
            self.moves_layout.addWidget(button)
            self.move_buttons[move] = button
        self.moves_layout.addStretch(1)

    def _say_blockers(self, moves: list[Move], today) -> None:
        forward = next((m for m in moves if PATHS[m].forward), None)
        if not moves:
            self.blocker_label.setText(self.tr("The case is complete.") if is_complete(self.case)
                                       else self.tr("Record the booster session above when it has taken place."))
        elif forward is not None:
            found = step_blockers(self.case, forward, today)
            if found:
                lines = "".join(f"<li>{message(f)}</li>" for f in found)
                self.blocker_label.setText(self.tr("Before \u201c%1\u201d:").replace("%1", label(forward))
                                           + f"<ul style='margin:0'>{lines}</ul>")
            else:
                self.blocker_label.setText(self.tr("Ready for \u201c%1\u201d.").replace("%1", label(forward)))
        else:
            self.blocker_label.setText("")

    def _take_forward_move(self) -> None:
        forward = next((m for m in moves_from(self.case.stage) if PATHS[m].forward), None)
        if forward is not None:
            self.take_move(forward)

    def _mark_dirty(self) -> None:
        if self.room is not None:
            if not self._loading:
                self.room.page_changed()  # the room saves it; nothing waits for Save
            return
        if not self._loading:
            self.setWindowModified(True)
            self._refresh_process_soft()

    def _refresh_process_soft(self) -> None:
        """Re-check the guards after an edit without reloading the pages (keeps the worker's cursor).

        The pages write what the worker changed into the case first, so the "Nästa steg" box reads what is
        on screen; a field that cannot be parsed yet is simply left out until it can.
        """
        for page in self.pages:
            page.store(self.case)
        self._refresh_header()
        self._refresh_moves()
        self._refresh_meeting()

    # --- meeting mode -----------------------------------------------------------

    def show_meeting(self) -> None:
        """Mötesläge (F11): the plan full screen for the family; Esc or F11 comes back to this window as it was."""
        from sst_desk.ui.case.meeting import MeetingView

        if self.meeting is None or not shiboken6.isValid(self.meeting):
            self.meeting = MeetingView(self)
            self.meeting.sig_left.connect(self.activateWindow)
        self.meeting.show_case(self.case)
        self.meeting.enter(self)

    def _refresh_meeting(self) -> None:
        """Keep an open meeting view showing the case as it is now (an edit here, a save, a colleague's save)."""
        if self.meeting is not None and shiboken6.isValid(self.meeting) and self.meeting.isVisible():
            self.meeting.show_case(self.case)

    # --- saving -------------------------------------------------------------

    def collect(self) -> bool:
        """Write every page into the case and validate; show errors next to fields. True when all is well.

        A page's own parse errors stay on that page. What the workflow's validators find about the case
        goes to the page that shows the field — the page on screen first (the boosterträff date is on both
        the Avslutad and the Vidmakthållande page; an error typed on the second used to be shown, and
        jumped to, on the first). Only an error no page has a field for goes to a page's top line.
        """
        today = self.context.today()
        current = self.stepper.currentRow()
        by_page: dict[int, dict[str, str]] = {}
        found: dict[str, tuple[str, list[int]]] = {}  # field → (message, the pages it concerns)
        for row, page in enumerate(self.pages):
            by_page[row] = page.store(self.case)
        problems = save_problems(self.case, today)  # the workflow's checks, by the stage whose page shows them
        for row, page in enumerate(self.pages):
            extra: dict[str, str] = {}
            for finding in problems.get(page.stage, []):
                extra.setdefault(finding.field or finding.problem.value, message(finding))
            for name, text in extra.items():
                found.setdefault(name, (text, []))[1].append(row)
        for name, (text, rows) in found.items():
            having = [row for row in rows if name in self.pages[row].field_names()]
            target = (current if current in having else having[0] if having
                      else current if current in rows else rows[0])
            by_page[target].setdefault(name, text)
        for row, page in enumerate(self.pages):
            page.show_errors(by_page[row])
        bad = [row for row, errors in by_page.items() if errors]
        if bad:
            self.stepper.setCurrentRow(current if current in bad else bad[0])
            self.statusBar().showMessage(self.tr("Correct the marked fields; nothing was saved yet."), 8000)
            return False
        return True

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Check the forms and start writing the case in the background; ``then()`` runs once it is saved.

        False when nothing was started: a field needs correcting, or a save is already running.
        """
        if self.room is not None:  # Ctrl+S in a shared case: it is saved as it is typed
            self.statusBar().showMessage(self.tr("This case is shared: the team server saves it as you type."), 5000)
            if then is not None:
                then()
            return False
        if self.saving or not self.collect():
            return False
        self._write(then)
        return True

    def _write(self, then: Callable[[], None] | None = None, otherwise: Callable[[], None] | None = None,
               resolutions: dict[str, Side] | None = None) -> None:
        door, case, base = self.context.door, self.case, self.base
        self.saving = True
        Operation(self, lambda: door.cases.save_case(case, base=base, resolutions=resolutions)) \
            .success(lambda saved: self._saved(saved, then)) \
            .failure(lambda exc: self._save_failed(exc, otherwise, then, resolutions)) \
            .disable(self.stack, self.moves_box, self.save_action, self.next_step_action, self.print_action,
                     self.documents_menu, self.members_action, self.extract_action) \
            .run_in_background()

    def _saved(self, saved: Case, then: Callable[[], None] | None) -> None:
        self.saving = False
        if self.room is not None:  # a step: the room brings the stored case into the shared document
            self.statusBar().showMessage(self.tr("Saved at %1").replace(
                "%1", self.context.now().astimezone().strftime("%H:%M")), 5000)
            self.room.after_save()
            self.sig_saved.emit(saved.id)
            if then is not None:
                then()
            return
        row = self.stepper.currentRow()
        self.base = clone(saved)
        self._saved_by = None
        self._load(saved)
        self.stepper.setCurrentRow(row)
        self.statusBar().showMessage(self.tr("Saved at %1").replace(
            "%1", self.context.now().astimezone().strftime("%H:%M")), 5000)
        self.sig_saved.emit(saved.id)
        if then is not None:
            then()
        self._take_in_waiting()

    def _save_failed(self, exc: BaseException, otherwise: Callable[[], None] | None,
                     then: Callable[[], None] | None = None, resolutions: dict[str, Side] | None = None) -> None:
        from sst_desk.services.errors import SaveConflict

        self.saving = False  # the edits stay in the window; the person may try again
        if isinstance(exc, SaveConflict):
            self._resolve(exc, otherwise, then, resolutions)
            return
        if otherwise is not None:
            otherwise()
        if is_unreachable(exc):  # the banner says it, with "Try again"; the window stays open with the edits
            self.statusBar().showMessage(self.tr("Not saved: the server cannot be reached."))
        else:
            QMessageBox.critical(self, self.tr("Could not save"), database_error_text(exc))
        self._take_in_waiting()

    def _resolve(self, conflict, otherwise: Callable[[], None] | None, then: Callable[[], None] | None,
                 earlier: dict[str, Side] | None) -> None:
        """Someone else changed some of the same fields: show both values, save again with the choices.

        Cancel keeps everything typed in the window (nothing was written). Another save that comes in
        meanwhile brings this dialog again for what is new; the choices made stay.
        """
        from sst_desk.ui.case.conflict_dialog import choose

        chosen = choose(self, conflict.conflicts, self._saved_by or _last_step_by(self.base, conflict.current))
        if chosen is None:
            if otherwise is not None:
                otherwise()
            self.statusBar().showMessage(self.tr("Not saved: your changes are still here."), 8000)
            self._take_in_waiting()
            return
        self._write(then, otherwise, {**(earlier or {}), **chosen})

    # --- someone else's save --------------------------------------------------

    def _make_banner(self, parent: QWidget) -> QWidget:
        banner = QWidget(parent)
        banner.setAccessibleName(self.tr("Changes by others"))
        banner.setStyleSheet("QWidget#changes-banner { background: #e8f1fb; border: 1px solid #9cc1e8; }")
        banner.setObjectName("changes-banner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 4, 4)
        self.banner_label = QLabel(banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_label.setAccessibleName(self.tr("Changes by others"))
        close = QPushButton(self.tr("Close note"), banner)
        close.setAccessibleName(self.tr("Close note"))
        close.clicked.connect(banner.hide)
        row.addWidget(self.banner_label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        banner.hide()
        return banner

    def take_in(self, newer: Case, by: str) -> MergeResult | None:
        """Someone (``by``) saved this case; ``newer`` is the copy now stored. Show it without losing any edit.

        The pages' edits are written into the window's case, then ``merge3(base, what the window holds,
        newer)``: fields the person has not touched take the newer values (only those inputs change, so
        focus and cursor stay where she types), her own edits stay, and the lists show the merged rows. A
        field both changed keeps hers and the banner says so: saving will show both values. The banner
        says who changed what. Without a conflict ``newer`` becomes the base of the next save. Returns the
        merge (None when nothing was taken in: an older copy, or a save running — then it waits for it).
        """
        if self.room is not None:  # the room's document already holds what was saved
            return None
        if newer.id != self.case.id or newer.revision <= self.base.revision:
            return None
        if self.saving:
            self._newer = (newer, by)
            return None
        modified = self.isWindowModified()
        for page in self.pages:
            page.store(self.case)
        result = merge3(self.base, self.case, newer)
        merged = result.case
        if result.conflicts:
            merged.revision = self.base.revision  # the save merges again against the old base: the dialog asks
        else:
            self.base = clone(newer)
        self._saved_by = by
        self._loading = True
        try:
            self.case = merged
            for page in self.pages + self._other_pages():
                page.take_in(merged)
            self._refresh_process()
        finally:
            self._loading = False
        self.setWindowModified(modified or bool(result.conflicts))
        self._show_changes(by, result)
        return result

    def _take_in_waiting(self) -> None:
        waiting, self._newer = self._newer, None
        if waiting is not None:
            self.take_in(*waiting)

    def _show_changes(self, by: str, result: MergeResult) -> None:
        changed = changes_words(result.theirs_changed)
        if not changed and not result.conflicts:
            return
        text = self.tr("%1 changed %2").replace("%1", by or self.tr("Someone else")).replace(
            "%2", changed or self.tr("the case"))
        if result.conflicts:
            both = ", ".join(dict.fromkeys(conflict_place(c) for c in result.conflicts))
            text += "\n" + self.tr("You changed the same: %1. Your values are kept on screen; when you save, "
                                   "you choose which to keep.").replace("%1", both)
        self.banner_label.setText(text)
        self.banner.show()

    def _retry(self) -> None:
        """The banner's "Try again": save what is unsaved, or else ask the server whether it answers again."""
        if self.saving:
            return
        if self.isWindowModified():
            self.save()
            return
        settings = self.context.door.settings
        Operation(self, settings.team_settings).failure(lambda _exc: None).run_in_background()

    # --- the process ----------------------------------------------------------

    def take_move(self, move: Move) -> bool:
        """Take a step: check the forms, explain what is missing, ask for a comment, apply, save.

        True when the step was taken and its save started (it finishes in the background).
        """
        if self.saving or not self.collect():
            return False
        today = self.context.today()
        found = step_blockers(self.case, move, today)
        if found:
            QMessageBox.information(self, label(move), self.tr("This step is not possible yet:") + "\n\n"
                                    + "\n".join(f"• {message(f)}" for f in found))
            return False
        answers = ask_step_details(self, move, warnings(self.case, move, today), self.case)
        if answers is None:
            return False
        try:
            apply(self.case, move, by=self.context.user, at=self.context.now(), comment=answers.comment,
                  closing_reason=answers.closing_reason, booster_months=self.context.booster_months,
                  gymnasiebehorighet=answers.gymnasiebehorighet)
        except ProcessError as exc:
            QMessageBox.information(self, label(move), "\n".join(message(f) for f in exc.findings))
            return False

        def not_saved() -> None:
            self._load(self.case)  # show the step as taken (it is in the window, not yet saved)
            self.setWindowModified(True)

        self._write(then=lambda: self.stepper.setCurrentRow(self.case.stage.order), otherwise=not_saved)
        return True

    # --- documents ------------------------------------------------------------------

    def _refresh_documents(self) -> None:
        """Offer only the documents the case holds something for (a kallelse needs a booked boosterträff …)."""
        for name, action in self.document_actions.items():
            from sst_desk.reports.kinds import kind

            action.setEnabled(self.case.id is not None and kind(name).applies_to(self.case))

    def show_document(self, document_kind):
        """Save, then make ``document_kind`` of this case in the background and show it in the print preview.

        Returns the running operation (the preview arrives with ``sig_document_shown``), or None.
        """
        from sst_desk.ui.printing.printing import show_document

        if self.saving:
            return None
        if self.isWindowModified():
            self.save(then=lambda: self.show_document(document_kind))
            return None
        if not document_kind.applies_to(self.case):
            QMessageBox.information(self, document_kind.title, self.tr(
                "There is nothing to print in this document yet."))
            return None
        return show_document(
            self, self.context, self.case, kind=document_kind.name,
            title=f"{document_kind.title} – {self.case.student.full_name}",
            suggested=f"{document_kind.title} {self.case.student.full_name}.pdf", purpose=document_kind.consent,
            may_override=self.allows(Action.OVERRIDE, Resource.CONSENT), shown=self._document_shown)

    def _document_shown(self, shown) -> None:
        self._keep_preview(shown)
        self.sig_document_shown.emit(shown)

    def _keep_preview(self, shown) -> None:
        """Remember an open preview until it closes.

        A preview deletes itself when closed (``WA_DeleteOnClose``); asking a deleted one ``isVisible()``
        raised "Internal C++ object (PreviewWindow) already deleted" when the second preview opened.
        Each preview is dropped from the list when Qt destroys it, so the list only holds live ones.
        """
        if shown is None or isinstance(shown, str):
            return
        self.previews = [w for w in getattr(self, "previews", []) if shiboken6.isValid(w)] + [shown]
        shown.destroyed.connect(lambda _obj=None, w=shown: self._forget_preview(w))

    def _forget_preview(self, window) -> None:
        self.previews = [w for w in getattr(self, "previews", []) if w is not window]

    # --- responsibility and registerutdrag ----------------------------------------

    def allows(self, action: Action, resource: Resource = Resource.CASE) -> bool:
        """What the signed-in person may do with this case, as read when it opened (False until known)."""
        return self._allowed is not None and (resource, action) in self._allowed

    def _read_access(self) -> None:
        """Read who is responsible and what the person may do, in the background (a case opened without them)."""
        from sst_desk.services.cases import PERMISSIONS_SHOWN
        from sst_desk.ui.case.members_dialog import member_name

        if self.case.id is None or getattr(self.context.db, "actor", None) is None:
            return
        door, case_id = self.context.door, self.case.id

        def work():
            names = [member_name(m) for m in door.cases.case_members(case_id)]
            return names, frozenset(p for p in PERMISSIONS_SHOWN if door.cases.may(p[1], case_id, p[0]))

        def arrived(found) -> None:
            self._members, self._allowed = found
            self._refresh_header()
            self._refresh_permissions()

        Operation(self, work).success(arrived).failure(lambda _exc: None).run_in_background()

    def _refresh_permissions(self) -> None:
        if self.case.id is None or getattr(self.context.db, "actor", None) is None or self._allowed is None:
            return
        self.members_action.setVisible(self.allows(Action.ASSIGN))
        self.extract_action.setVisible(self.allows(Action.EXPORT))
        self.print_action.setEnabled(self.allows(Action.PRINT))

    def edit_members(self) -> None:
        from sst_desk.ui.case.members_dialog import edit_members

        if self.case.id is not None and not self.saving:
            edit_members(self, self.context, self.case.id, changed=self._members_changed)

    def _members_changed(self, names: list[str]) -> None:
        self._members = names
        self._refresh_header()

    def export_extract(self) -> None:
        from sst_desk.ui.admin.extract_dialog import export_registerutdrag

        if self.saving:
            return
        if self.isWindowModified():
            self.save(then=self.export_extract)
            return
        if self.case.id is not None:
            export_registerutdrag(self, self.context, self.case.id)

    # --- printing ---------------------------------------------------------------

    def print_plan(self, plan=None):
        """Save, then show the handlingsplan (``plan``, or the current version) in the print preview.

        Made in the background: returns the running operation, and the preview arrives with
        ``sig_document_shown``. None when nothing was started.
        """
        if self.saving:
            return None
        if self.case.current_plan is None:
            QMessageBox.information(self, self.tr("Print action plan"),
                                    self.tr("There is no action plan yet: it is made in the planning stage."))
            return None
        version = plan.version if plan is not None else None
        if self.isWindowModified():
            # saving reloads the case: print the same version from the fresh copy
            self.save(then=lambda: self.print_plan(next((p for p in self.case.plans if p.version == version), None)
                                                   if version is not None else None))
            return None
        return print_handlingsplan(self, self.context, self.case, plan=plan,
                                   may_override=self.allows(Action.OVERRIDE, Resource.CONSENT),
                                   shown=self._document_shown)

    # --- closing ----------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.saving:  # never mid-write: the window closes when asked again after the save
            self.statusBar().showMessage(self.tr("Saving… the window can be closed when it is done."), 5000)
            event.ignore()
            return
        if self.room is not None:
            if not self.room.may_close():  # asks when edits have not reached the server
                event.ignore()
                return
            self.room.close()
            self.context.settings.set(CASE_GEOMETRY, bytes(self.saveGeometry()))
            event.accept()
            self.sig_closed.emit(self.case.id)
            return
        if self.isWindowModified():
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("%1 has unsaved changes. Save them before closing?").replace("%1", elided(self.case.student.full_name)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Save:
                self.save(then=self.close)  # closes once it is saved; a failed save keeps the window open
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.context.settings.set(CASE_GEOMETRY, bytes(self.saveGeometry()))
        event.accept()
        self.sig_closed.emit(self.case.id)


def _last_step_by(base: Case, current: Case | None) -> str | None:
    """Who took the newest step in ``current`` that ``base`` does not have (the saver, when a step was saved)."""
    if current is None:
        return None
    known = {t.id for t in base.transitions}
    new = [t for t in current.transitions if t.id not in known and t.by]
    return new[-1].by if new else None
