"""A case window on the team server joins its case's room: the case as a shared document (issue 14).

Until the room's first sync the window shows the case it opened with, read-only, under "Connecting…". Then
the case is read from the document (``casedoc.read_case``) and every page's form is bound to its record Map
(``FormBinding``): typing goes into the shared document as it happens, and the others' typing comes out.
Lists (goals, insatser, contacts…) are re-read from the document when it changes; a record dialog's result
is written back as the smallest change relative to the document the window last read (``apply_case`` on a
scratch copy of that state, whose update is then merged in: a colleague's change made meanwhile stays).

The room saves itself on the server: the Save button's place shows "Saved hh:mm", "Saving…" or why the
server could not save (the room's ``meta.problem``). Moves between stages stay the window's explicit action.
While the server cannot be reached the window keeps working on the document (a banner says so) and the
room client sends the edits when it is back; refused (the session ended, no longer allowed to see the
case) the window turns read-only and keeps what was typed, with "Try again" to join once more.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from pycrdt import Doc, Map
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from sst_desk.collab import casedoc
from sst_desk.workflow.access import Action
from sst_desk.ui.case.forms import Form, elided
from sst_desk.ui.collab.form_binding import FormBinding, Slot
from sst_desk.ui.collab.presence import FieldTracker, PresenceMarkers, PresenceStrip, local_state
from sst_desk.ui.collab.text_binding import LOCAL_ORIGIN, TIDY_ORIGIN
from sst_desk.ui.common.listeditor import ListEditor
from sst_desk.ui.common.messages import message

_log = logging.getLogger(__name__)

REREAD_MS = 120
"""A burst of changes from elsewhere is read once, this long after it started (lists, header, next steps)."""
BUSY_RETRY_MS = 300
"""While a record dialog is open the case is not re-read (the dialog edits the case as read): try again."""

KEEP_MS = 1000
"""The case's document is kept in the laptop's offline copy this long after a burst of changes (and at close)."""

_keeper = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="sst-desk-offline-doc")
"""Writes documents into the offline copy off the UI thread, one at a time, in order."""

BANNER_STYLE = ("QFrame#room-banner { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px; }"
                " QLabel { color: #4a3500; }")
PROBLEM_STYLE = "color: #b00020;"


class Room(Protocol):
    """What the window needs of a room client (``remote.room.RoomClient``)."""

    status: Any
    refusal: int | None

    def start(self) -> Any: ...
    def close(self, timeout: float = 2.0) -> Any: ...
    def set_presence(self, state: dict) -> None: ...
    def presence(self) -> dict[int, dict]: ...


RoomFactory = Callable[..., Room]
"""``factory(doc, post=…, on_status=…, on_awareness=…)`` → a room client for the window's case."""


def server_room_factory(context, case_id: int | None) -> RoomFactory | None:
    """The room factory for a window on the team server (None on a database file, or for an unsaved case)."""
    from sst_desk.ui.accounts.session import on_server

    if case_id is None or not on_server(context.db):
        return None
    from sst_desk.remote.room import RoomClient  # imported on the server only: a file's window never needs it

    session = context.db.session

    def factory(doc: Doc, **callbacks: Any) -> Room:
        return RoomClient(session, case_id, doc, **callbacks)

    return factory


def _status_name(status: Any) -> str:
    return str(getattr(status, "name", status)).upper()


class _Poster(QObject):
    """Runs a function in the UI thread, whichever thread asks (a queued signal)."""

    sig_run = Signal(object)
    """Carries the function to run."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.sig_run.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self.sig_run.emit(fn)

    @staticmethod
    def _run(fn: Callable[[], None]) -> None:
        fn()


class RoomBanner(QFrame):
    """What the window's connection to the room is, when it is not simply working; "Try again" when refused."""

    sig_retry = Signal()
    """Emitted when the person asks to join the room again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("room-banner")
        self.setStyleSheet(BANNER_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.retry = QPushButton(self.tr("Try again"), self)
        self.retry.setAccessibleName(self.tr("Join the shared case again"))
        self.retry.clicked.connect(self.sig_retry)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, text: str, *, retry: bool = False) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.retry.setVisible(retry)
        self.setVisible(bool(text))


class CaseRoom(QObject):
    """One case window's part in its case's room."""

    sig_joined = Signal()
    """Emitted when the window first shows the case from the shared document (and after a new join)."""
    sig_reread = Signal()
    """Emitted after the window re-read the case from the document (others' changes shown in the lists)."""

    def __init__(self, window, factory: RoomFactory) -> None:
        super().__init__(window)
        self.window = window
        self.factory = factory
        self.doc = Doc()
        self.joined = False
        self.may_edit = True
        self.editable = False
        self._poster = _Poster(self)
        self._bindings: dict[int, tuple[Form, Callable, FormBinding]] = {}
        self._watched: set[int] = set()  # forms whose loads are followed
        self._read_update = b""
        self._read_state = b""
        self._unsaved = False  # the person changed something the server has not yet saved
        self._push_pending = False
        self._page_signals = self._form_signals = 0  # page changes, and how many of them were form edits
        self._doc_subscription = None
        self.banner = RoomBanner(window)
        self.banner.sig_retry.connect(self.rejoin)
        self.strip = PresenceStrip(window)
        self.save_state = QLabel(window)
        self.save_state.setAccessibleName(self.tr("Shared case"))
        self.save_state.setContentsMargins(8, 0, 8, 0)
        self.markers = PresenceMarkers(self)
        self.tracker = FieldTracker(window, self)
        self.tracker.sig_field.connect(self._field_entered)
        self._reread_timer = QTimer(self)
        self._reread_timer.setSingleShot(True)
        self._reread_timer.setInterval(REREAD_MS)
        self._reread_timer.timeout.connect(self.reread)
        self.room: Room | None = None
        # The laptop's offline copy (offline/store.py) keeps the case's document: a window opened while the
        # server cannot be reached works on it, and what is typed then reaches the room when it answers.
        self.store = getattr(window.context.db, "store", None)
        self.case_id = window.case.id
        self._from_copy = self._load_kept()
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(KEEP_MS)
        self._keep_timer.timeout.connect(self._keep)
        self._attach()
        self._connect()

    # --- the offline copy ---------------------------------------------------------

    def _load_kept(self) -> bool:
        """Start from the document the offline copy holds for the case (the room's own history): True if any."""
        if self.store is None or self.case_id is None:
            return False
        try:
            state = self.store.doc_state(self.case_id)
            if state:
                self.doc.apply_update(state)
                casedoc.read_case(self.doc)
                return True
        except Exception:  # noqa: BLE001 - a damaged copy: the room brings the case (nothing of the room lost)
            _log.warning("the offline copy's document of case %s could not be used", self.case_id)
        return False

    def _keep(self) -> Any:
        """Keep the document in the offline copy (merged with what the copy holds), off the UI thread."""
        if self.store is None or self.case_id is None or not self.joined:
            return None
        state = self.doc.get_update()
        self._kept_unsaved = self._unsaved
        return _keeper.submit(_keep_state, self.store, self.case_id, state)

    def _attach(self) -> None:
        """The room's banner and presence above the window's pages, its save state where the Save button was
        (the room saves itself)."""
        window = self.window
        window._central_layout.insertWidget(0, self.banner)
        window._central_layout.insertWidget(3, self.strip)
        window.save_action.setVisible(False)
        window.toolbar.insertWidget(window.print_action, self.save_state)

    # --- the connection ---------------------------------------------------------

    def _connect(self) -> None:
        self.banner.say(self.tr("Connecting to the shared case… It is shown read-only until then."))
        self._editable(self.joined and self.may_edit)
        self.room = self.factory(self.doc, post=self._poster.post, on_status=self._status,
                                 on_awareness=self._awareness)
        self.room.start()

    def rejoin(self) -> None:
        """Join the room again on the same document: what was typed meanwhile is sent once it syncs."""
        if self.room is not None:
            self.room.close(timeout=0.5)
        self._connect()

    def close(self) -> None:
        """Leave the room: what is pending is sent first (``RoomClient.close``) and kept in the offline copy."""
        self._reread_timer.stop()
        self._keep_timer.stop()
        kept = self._keep()
        if kept is not None:
            concurrent.futures.wait([kept], timeout=5)
        self.tracker.close()
        if self.room is not None:
            self.room.close()
        for _form, _target, binding in self._bindings.values():
            binding.close()
        self._bindings.clear()
        if self._doc_subscription is not None:
            self.doc.unobserve(self._doc_subscription)
            self._doc_subscription = None

    def has_unsent(self) -> bool:
        """True when the person's edits may not have reached the server (it cannot be reached, or refused)."""
        return self._unsaved and _status_name(getattr(self.room, "status", "")) != "SYNCED"

    def may_close(self) -> bool:
        """Whether the window may close: edits that have not reached the server are lost with it — ask."""
        if not self.has_unsent() or (self.store is not None and self.joined):
            return True  # with an offline copy they are kept in it at close and sent when the case is opened
        answer = QMessageBox.question(
            self.window, self.tr("Changes not sent"),
            self.tr("Your latest changes to %1 have not reached the team server yet. Closing the window "
                    "throws them away. Close anyway?").replace("%1", elided(self.window.case.student.full_name)),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Close

    def _status(self, status: Any) -> None:
        name = _status_name(status)
        if name == "SYNCED":
            self.banner.say("")
            if not self.joined:
                self._join()
            else:
                self._editable(self.may_edit)
        elif name == "OFFLINE":
            if not self.joined and self._from_copy:
                self._join()  # the case as the offline copy keeps it: work on, it is sent when the server answers
            if self.joined and self.store is not None:
                self.banner.say(self.tr("The team server cannot be reached. Keep working: your changes are kept "
                                        "encrypted on this computer and sent when the server answers again."))
            elif self.joined:
                self.banner.say(self.tr("The team server cannot be reached. Keep working: your changes stay in "
                                        "this window and are sent when the server answers again."))
            else:
                self.banner.say(self.tr("The team server cannot be reached. The case is shown read-only "
                                        "until it answers."))
        elif name == "REFUSED":
            self._editable(False)
            self.banner.say(self._refusal_text(getattr(self.room, "refusal", None)), retry=True)
        self._show_save_state()

    def _refusal_text(self, code: int | None) -> str:
        kept = self.tr("What you typed is kept in this window.") if self._unsaved else ""
        if code == 4401:
            text = self.tr("Your session on the team server has ended. Sign in again, then try again.")
        elif code == 4403:
            text = self.tr("You may no longer see this case in the shared editing.")
        elif code == 4404:
            text = self.tr("The case is no longer on the team server.")
        else:
            text = self.tr("The team server did not let this window join the shared case.")
        return f"{text} {kept}".strip()

    # --- the first sync ---------------------------------------------------------

    def _join(self) -> None:
        try:
            case = casedoc.read_case(self.doc)
        except casedoc.DocumentError:
            self.banner.say(self.tr("The shared case could not be read. It is shown read-only."), retry=True)
            return
        self.joined = True
        # may the person change the case (True until known: the server drops what is not allowed)?
        self.may_edit = self.window._allowed is None or self.window.allows(Action.EDIT)
        self._remember_read()
        self.window.show_room_case(case, loaded=True)
        self._bind_all()
        self._doc_subscription = self.doc.observe(self._doc_changed)
        self._editable(self.may_edit)
        self._publish_presence()
        self.strip.show_states(self.room.presence() if self.room is not None else {})
        self._show_save_state()
        self.sig_joined.emit()

    def _editable(self, editable: bool) -> None:
        """Let the person type and use the lists and the next steps, or show everything read-only."""
        self.editable = editable
        for page in self.window.all_pages():
            for form, _target in page.forms:
                for name in form.fields:
                    widget = form.input(name)
                    if hasattr(widget, "setReadOnly"):
                        widget.setReadOnly(not editable)
                    elif hasattr(widget, "edit"):  # a DateField
                        widget.edit.setReadOnly(not editable)
                        widget.button.setEnabled(editable)
                    else:
                        widget.setEnabled(editable)
        window = self.window
        window.moves_box.setEnabled(editable)
        window.next_step_action.setEnabled(editable)
        if editable:
            for page in window.all_pages():
                page.refresh()  # each page enables its own list buttons as the case allows
            return
        for editor in window.findChildren(ListEditor):
            for button in editor.buttons.values():
                button.setEnabled(False)

    def _remember_read(self) -> None:
        self._read_update = self.doc.get_update()
        self._read_state = self.doc.get_state()

    # --- binding the pages' forms ------------------------------------------------

    def _bind_all(self) -> None:
        """Bind every page form to its record's Map (again where the record shown is another one now)."""
        case = self.window.case
        index = casedoc.records(self.doc)  # once: finding one record walks them all
        for page in self.window.all_pages():
            for form, target in page.forms:
                self._bind(page, form, target, case, index)
        self._register_fields()

    @staticmethod
    def _record(obj: object, index: dict[str, Map]) -> Map | None:
        key = casedoc.key_of(obj) or casedoc.stored_key(obj) if obj is not None else None
        return index.get(key) if key is not None else None

    def _bind(self, page, form: Form, target: Callable, case, index: dict[str, Map] | None = None) -> None:
        index = casedoc.records(self.doc) if index is None else index
        obj = target(case)
        record = self._record(obj, index)
        slots = self._slots(page, form, case, index) if record is not None else {}
        places = {name: (slot.path, slot.attr) if slot is not None else None for name, slot in slots.items()}
        current = self._bindings.get(id(form))
        if current is not None:
            binding = current[2]
            if record is not None and binding.record_key() == record.get("key") and binding.places == places:
                binding.resync()
                return
            binding.close()  # another record, or a field's record made meanwhile (a first student's view)
            del self._bindings[id(form)]
        if record is None:
            return
        binding = FormBinding(form, record, key_of=casedoc.key_of, slots=slots)
        binding.places = places
        binding.set_read_only(not self.may_edit)
        if id(form) not in self._watched:
            self._watched.add(id(form))
            form.sig_loaded.connect(lambda p=page, f=form, t=target: self._form_loaded(p, f, t))
            form.sig_changed.connect(self._form_edited)
        self._bindings[id(form)] = (form, target, binding)

    def _slots(self, page, form: Form, case, index: dict[str, Map]) -> dict[str, Slot | None]:
        """Where the page fields that are not a plain attribute live: the student's view of the page's stage,
        a kartläggning's factors of one group (a part of its ``factors`` set)."""
        slots: dict[str, Slot | None] = {}
        for name in form.fields:
            if name == "view" and getattr(page, "stage", None) is not None:
                view = next((v for v in case.student_views if v.stage is page.stage), None)
                node = self._record(view, index)
                slots[name] = Slot(node, "text", str(node.get("key"))) if node is not None else None
            elif name.startswith("factors_") and case.kartlaggning is not None:
                node = self._record(case.kartlaggning, index)
                slots[name] = Slot(node, "factors", str(node.get("key"))) if node is not None else None
        return slots

    def _form_loaded(self, page, form: Form, target: Callable) -> None:
        """A page loaded a form from an object (another plan version…): bind it to that record, or re-show."""
        if self.joined and shiboken6.isValid(form):
            self._bind(page, form, target, self.window.case)
            self._register_fields()

    def _register_fields(self) -> None:
        fields: dict[str, QWidget] = {}
        for form, _target, binding in self._bindings.values():
            for name, path in binding.field_paths().items():
                if path:
                    fields[path] = form.input(name)
        self.markers.remove_all_fields()
        self.markers.add_fields(fields)
        self.tracker.clear()
        self.tracker.track_all(fields)
        if self.room is not None:
            self.markers.show_states(self.room.presence())

    # --- changes ------------------------------------------------------------------

    def _doc_changed(self, event: Any) -> None:
        origin = event.transaction.origin()
        if origin in (hash(LOCAL_ORIGIN), hash(TIDY_ORIGIN)):
            self._unsaved = True
        if self.store is not None and not self._keep_timer.isActive():
            self._keep_timer.start()
        if not self._reread_timer.isActive():
            self._reread_timer.start()
        self._show_save_state()

    def reread(self) -> None:
        """Show the document's case in the lists, the header and the next steps (the forms follow it live)."""
        if not self.joined or not shiboken6.isValid(self.window):
            return
        if QApplication.activeModalWidget() is not None or self.window.saving:
            self._reread_timer.start(BUSY_RETRY_MS)  # a dialog edits the case as read: after it
            return
        try:
            case = casedoc.read_case(self.doc)
        except casedoc.DocumentError:
            return
        self._remember_read()
        self.window.show_room_case(case, loaded=False)
        self._bind_all()
        if not self.editable:
            self._editable(False)  # the pages' refresh enabled their list buttons again
        self._show_save_state()
        self.sig_reread.emit()

    def page_changed(self) -> None:
        """A page changed the window's case (a list's dialog, a field the document has no place for)."""
        self._page_signals += 1
        if not self._push_pending:
            self._push_pending = True
            QTimer.singleShot(0, self._push_local)

    def _form_edited(self) -> None:
        """A form field changed (its page tells ``page_changed`` too): most are bound and already sent."""
        self._form_signals += 1

    def _push_local(self) -> None:
        self._push_pending = False
        by_forms_only = self._page_signals <= self._form_signals
        self._page_signals = self._form_signals = 0
        if not self.joined or not self.may_edit or not shiboken6.isValid(self.window):
            return
        if by_forms_only and not self._unbound_touched():
            return  # typing in bound fields: the bindings sent it already (this runs at every keystroke)
        case = self.window.case
        for form, target, binding in self._bound_forms():
            obj = target(case)
            if obj is not None:
                form.store(obj, skip=(lambda name, b=binding: name not in b.unbound) if binding else None)
        # The edit is made on the document as the window last read it, then merged: whatever a colleague
        # changed since stays, and only what this window changed is sent.
        scratch = Doc()
        scratch.apply_update(self._read_update)
        casedoc.apply_case(scratch, case)
        delta = scratch.get_update(self._read_state)
        if delta != b"\x00\x00":
            with self.doc.transaction(origin=LOCAL_ORIGIN):
                self.doc.apply_update(delta)
        self._reread_timer.stop()
        self.reread()

    def _unbound_touched(self) -> bool:
        """Has the person changed a field the document has no place for yet (a first student's view…)?"""
        for form, _target, binding in self._bound_forms():
            if form.touched() - (set(form.fields) - binding.unbound if binding is not None else set()):
                return True
        return False

    def _bound_forms(self):
        """Every page form with its binding (None for a form the document has no record for)."""
        for page in self.window.all_pages():
            for form, target in page.forms:
                entry = self._bindings.get(id(form))
                yield form, target, entry[2] if entry is not None else None

    def after_save(self) -> None:
        """A step was taken and saved through the services: the room brings the stored case; read it then."""
        self.reread()

    # --- presence -----------------------------------------------------------------

    def _publish_presence(self, field: str = "") -> None:
        if self.room is None:
            return
        context = self.window.context
        actor = getattr(context.db, "actor", None)
        name = getattr(actor, "display_name", None) or str(context.user)
        seed = getattr(actor, "username", None) or str(context.user)  # the same badge each time when free
        self._presence = local_state(name, seed, self.room.presence(), field)
        self.room.set_presence(self._presence)

    def _field_entered(self, path: str) -> None:
        if self.room is not None and self.joined:
            state = dict(getattr(self, "_presence", None) or {})
            if not state:
                self._publish_presence(path)
                return
            state["field"] = path
            self._presence = state
            self.room.set_presence(state)

    def _awareness(self) -> None:
        if self.room is None or not shiboken6.isValid(self.strip):
            return
        states = self.room.presence()
        self.strip.show_states(states)
        self.markers.show_states(states)

    # --- the save state -----------------------------------------------------------

    def _meta(self) -> dict:
        try:
            node = self.doc.get(casedoc.META, type=Map)
            return node.to_py() or {}
        except Exception:  # noqa: BLE001 - a room not yet synced has no meta
            return {}

    def _show_save_state(self) -> None:
        if not shiboken6.isValid(self.save_state):
            return
        meta = self._meta()
        saved_at = meta.get("saved_at") or ""
        if saved_at and saved_at != getattr(self, "_seen_saved_at", ""):
            self._seen_saved_at = saved_at
            self._unsaved = False
        problem = meta.get("problem") or ""
        if problem:
            text = self.tr("Not saved: %1").replace("%1", self._problem_words(problem))
            self.save_state.setStyleSheet(PROBLEM_STYLE)
        elif self._unsaved:
            text = self.tr("Saving…")
            self.save_state.setStyleSheet("")
        elif saved_at:
            text = self.tr("Saved %1").replace("%1", _clock(saved_at))
            self.save_state.setStyleSheet("")
        elif self.joined:
            text = self.tr("Shared: saved as you type")
            self.save_state.setStyleSheet("")
        else:
            text = ""
        self.save_state.setText(text)
        self.save_state.setToolTip(text)
        self.save_state.setAccessibleDescription(text)

    def _problem_words(self, problem: str) -> str:
        from sst_desk.remote import wire

        try:
            findings = wire.decode(json.loads(problem))
            words = [message(finding) for finding in findings]
        except Exception:  # noqa: BLE001 - whatever the server sent, the person gets a sentence
            words = []
        return " ".join(words) or self.tr("the team server could not save the shared case.")


def _keep_state(store: Any, case_id: int, state: bytes) -> None:
    try:
        store.merge_doc_state(case_id, state)
    except Exception:  # noqa: BLE001 - the copy is a convenience; the room keeps the server's document
        _log.warning("the document of case %s could not be kept in the offline copy", case_id, exc_info=True)


def _clock(iso: str) -> str:
    """"2026-12-06T23:40:12+00:00" → "00:40" in the computer's time zone."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%H:%M")
