"""An open case window following colleagues' saves of its case (issue 13, live changes).

The main window hands each change of the case to the window's ``CaseFollower`` (``changed``): a revision
newer than the one shown is read in the background (``services.cases.load_case``, logged as a view: the
person is shown it) and given to ``CaseWindow.take_in(newer, by)``, which merges it with what the person
has typed and says who changed what. While the window saves, or a newer version is already being read, the
change waits and is fetched once that is done; a change the window already shows (its own save, an older
event arriving late) is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sst_desk.ui.common.operations import Operation


class CaseFollower(QObject):
    """Keeps one case window up to date with the saves made elsewhere."""

    sig_taken_in = Signal(int)
    """Emitted with the revision once the window has taken a newer version in."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._reading = False
        self._waiting: tuple[int | None, str] | None = None  # a change that came while busy: (revision, by)
        self._latest = 0  # the newest revision given to the window (it may keep an older one after a conflict)
        self.taken_in = 0  # how many newer versions were given to the window
        window.sig_saved.connect(lambda _case_id: self._go_on())

    def changed(self, revision: int | None, by: str) -> None:
        """``by`` saved the case as ``revision`` (None: it may have changed — the stream was broken off)."""
        window = self._window
        if window.case.id is None or (revision is not None and revision <= self._shown()):
            return  # shown already: the window's own save, or an event that arrived after a newer one
        if self._reading or window.saving:
            self._waiting = _later(self._waiting, (revision, by))
            return
        self._read(by)

    def _read(self, by: str) -> None:
        window = self._window
        door, case_id = window.context.door, window.case.id
        self._reading = True
        Operation(window, lambda: door.cases.load_case(case_id)) \
            .success(lambda newer: self._arrived(newer, by)).failure(self._failed).run_in_background()

    def _arrived(self, newer, by: str) -> None:
        self._reading = False
        window = self._window
        if window.saving:
            self._waiting = _later(self._waiting, (newer.revision, by))  # read again once the save is back
            return
        if newer.revision > self._shown():
            self._latest = newer.revision
            window.take_in(newer, by)
            self.taken_in += 1
            self.sig_taken_in.emit(newer.revision)
        self._go_on()

    def _shown(self) -> int:
        """The newest revision the window holds or was given."""
        window = self._window
        return max(window.case.revision, getattr(window, "base", window.case).revision, self._latest)

    def _failed(self, _exc: BaseException) -> None:
        # Not shown: the person did not ask for it, and the next change, the next save or a reopening tells
        # them what is wrong (a case no longer theirs is refused on save, with the reason).
        self._reading = False
        self._waiting = None

    def _go_on(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.changed(*waiting)


def _later(kept: tuple[int | None, str] | None, new: tuple[int | None, str]) -> tuple[int | None, str]:
    """Of two waiting changes, the one to fetch: the newer revision (None, "it may have changed", counts as
    newest) with its author."""
    if kept is None or new[0] is None:
        return new
    if kept[0] is None or kept[0] > new[0]:
        return kept
    return new


__all__ = ["CaseFollower"]
