"""Signing in, passwords and the database key: who may open the data at all (docs/security.md).

- ``passwords``: Argon2id hashes (argon2-cffi, OWASP parameters) and the password rule.
- ``keyfile``: the random database key, wrapped once per user with a key
  derived from that user's password (Argon2id raw + AES-256-GCM), kept beside
  the database in ``<database>.keys``.
- ``signin``: first run (the first administrator), signing in, locking,
  changing and resetting passwords — the one place that turns a name and a
  password into an open, encrypted ``Database`` with its ``Actor``.

What each role may do once signed in is ``sst_desk.workflow.access``.
"""
