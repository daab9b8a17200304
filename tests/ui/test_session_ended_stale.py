"""A session the server ended locks the window — but only the session the window works in now.

A call under way while the unlock signs in afresh comes back with the OLD session's refusal; it must not lock
the window a second time (the person has just typed their password). The refusal carries the session it
came from (``remote.client.RemoteSession.call``), and ``ConnectionState.note_handled`` compares it with the
current one. Seen for real: with the Kommande panel a reload makes two calls, and under load the second one's
refusal arrived after the unlock and left a second lock dialog nobody answered.
"""

from __future__ import annotations

from sst_desk.remote.errors import SessionExpired
from sst_desk.ui.common.connection import ConnectionState


def _ended(session: object | None) -> SessionExpired:
    error = SessionExpired("https://server.example:8443")
    if session is not None:
        error.session = session
    return error


def test_only_the_current_sessions_end_is_announced(qtbot):
    state = ConnectionState()
    old, fresh = object(), object()
    current = [old]
    state.current_session = lambda: current[0]
    said: list[bool] = []
    state.sig_session_ended.connect(lambda: said.append(True))

    state.note_handled(_ended(old))  # the session the window works in has ended: lock
    assert said == [True]

    current[0] = fresh  # the unlock signed in afresh
    state.note_handled(_ended(old))  # a call made before the unlock comes back refused: nothing more
    assert said == [True]

    state.note_handled(_ended(fresh))  # the new session ends too: lock again
    assert said == [True, True]


def test_a_refusal_that_does_not_say_its_session_is_announced(qtbot):
    """A refusal from elsewhere (a room, a password change) names no session: it locks, as before."""
    state = ConnectionState()
    state.current_session = lambda: object()
    said: list[bool] = []
    state.sig_session_ended.connect(lambda: said.append(True))
    state.note_handled(_ended(None))
    assert said == [True]
