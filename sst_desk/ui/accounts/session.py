"""What the window asks of the signed-in session beyond the use cases, for a database file and a team server alike.

``context.db`` is a ``persistence.Database`` (a file on this computer) or a ``remote.connection.ServerConnection``
(the team server). Unlocking a locked screen, whether a first password must be replaced, and choosing
one's own password differ between them; the windows call these functions and never ask which it is. Each
may block (Argon2id, the network): call them off the UI thread (``operations.run_and_wait``).
"""

from __future__ import annotations

import sys

from sst_desk.workflow.logchain import LogAction


def on_server(db: object) -> bool:
    """True when ``db`` is a team server's connection (nothing of the data is on this computer)."""
    module = sys.modules.get("sst_desk.remote.connection")  # never imported for a database file
    return module is not None and isinstance(db, module.ServerConnection)


def verify_password(db, password: str) -> bool:
    """Is ``password`` the signed-in person's? Logged either way (``unlock`` or a failed sign-in)."""
    if on_server(db):
        ok = db.verify_password(password)  # a failure is logged by the server's sign-in
        if ok:
            db.door.accounts.record_session_event(LogAction.UNLOCK, "unlock")
        return ok
    from sst_desk.security import signin

    return signin.verify_current_user(db, password)


def must_change_password(db) -> bool:
    """Must the person replace a first password an administrator set, before anything else?"""
    if on_server(db):
        return bool(db.must_change_password)
    from sst_desk.security import signin

    return signin.must_change_password(db)


def change_own_password(db, current: str, new: str, repeated: str) -> None:
    """The signed-in person chooses ``new`` (``current`` checked). ``SignInError`` for a wrong current
    password, ``PasswordProblem`` for a new one that may not be chosen (the repetition differs, too weak…).

    On a file the key slot is rewrapped (``signin.change_own_password``); on a team server the server checks
    and stores it, ends every other session of the person and gives this one a new token.
    """
    if on_server(db):
        from sst_desk.security import passwords

        assert db.actor is not None
        passwords.check_new_password(new, username=db.actor.username, personal=[db.actor.display_name],
                                     repeated=repeated)  # the repetition is this dialog's; the server checks the rest
        db.change_password(current, new)
        return
    from sst_desk.security import signin

    signin.change_own_password(db, current, new, repeated)
