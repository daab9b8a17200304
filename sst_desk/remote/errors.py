"""What can go wrong between a client and the team server, each as its own class with one sentence.

They are ``DatabaseError`` subclasses, so every handler that reports a database failure (the command line's
``cli.errors``, the window's messages) reports these too: the server *is* the database for a client.
``ServerUnreachableError`` is a ``DatabaseUnavailableError`` ("cannot reach … right now"); a certificate
the client does not trust, one for another name, and plain HTTP each have a sentence of their own, as the
issue asks (a wrong certificate authority used to read "cannot connect right now").
"""

from __future__ import annotations

from sst_desk.persistence.errors import QT_TRANSLATE_NOOP, DatabaseError, DatabaseUnavailableError

CONTEXT = "DatabaseErrors"
SERVER = "server"
"""How the server names the database in the errors it sends: never its database's URL (host, role, name)."""


def relocate(error: BaseException, old: str, new: str) -> None:
    """Name the place of ``error`` ``new`` where it says ``old`` (its ``location``, ``url`` and sentence)."""
    if not isinstance(error, DatabaseError):
        return
    if error.location != old and error.url != old:
        return
    error.location = new
    if error.url is not None:
        error.url = new
    words = error._words
    if words is not None:
        text, values = words
        error._words = (text, tuple(new if value == old else value for value in values))
        rendered = text
        for n, value in enumerate(error._words[1], start=1):
            rendered = rendered.replace(f"%{n}", value)
        error.args = (rendered, *error.args[1:])
    elif error._message is None and error.args and isinstance(error.args[0], str):
        error.args = (error.args[0].replace(old, new), *error.args[1:])


class RemoteError(DatabaseError):
    """Base class of the failures that belong to the client–server conversation itself."""


class ServerUnreachableError(DatabaseUnavailableError):
    """The server did not answer: down, the network silent, a timeout. Nothing was changed by this call
    unless the server had it already (a save that timed out may have been stored: open the case again)."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "SST Desk cannot reach the server %1 right now; check the network and try again.")


class UntrustedCertificateError(RemoteError):
    """The server's certificate does not verify against the system's store or the CA file given."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The certificate of the server %1 is not trusted by this computer; get the server's CA file from your "
        "IT department and give it with --ca-file (nothing was sent).")


class CertificateNameError(RemoteError):
    """The server's certificate is valid but made out for another host name."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The server %1 answered with a certificate made out for another name; check the server address with "
        "your IT department (nothing was sent).")


class CaFileError(RemoteError):
    """The CA file given to verify the server with is missing or is no PEM certificate file."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "The CA file %1 cannot be used: it is missing or is not a PEM certificate file.")


class PlainHttpRefused(RemoteError):
    """An ``http://`` address (or any scheme but https): SST Desk talks to a server only over HTTPS."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The address %1 is not an https:// address: plain HTTP is not allowed, because case data would cross the "
        "network unencrypted.")


class SessionExpired(RemoteError):
    """The session token was refused: expired, signed out, or the account switched off or its password changed."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "Your session on the server %1 has ended; sign in again.")


class PasswordChangeRequired(RemoteError):
    """The person signed in with a password an administrator set (or the public demo one): nothing but choosing
    their own is allowed until they do (``RemoteSession.change_password``)."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "You must choose a new password before you can use the server %1: the one you signed in with was set by "
        "an administrator; nothing was done.")


class RequestRefused(RemoteError):
    """The server refused the request as such (a use case not offered over the wire, a malformed request)."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors", "The server %1 refused the request.")

    def __init__(self, location: str | None, reason: str = "") -> None:
        self.reason = reason
        super().__init__(location)
        if reason:
            self.args = (self._say(_WORDS["refused"], self.location, reason),)


class ServerError(RemoteError):
    """The server failed on something unexpected; the details stay in the server's log, never on the wire."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The server %1 could not do this because of an error on the server (it is in the server's log); nothing "
        "was changed.")


_WORDS = {
    "refused": QT_TRANSLATE_NOOP("DatabaseErrors", "The server %1 refused the request: %2"),
}
