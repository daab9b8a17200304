"""The database key, wrapped once per user: ``<database>.keys`` beside the database file.

The database is encrypted (SQLCipher) with 32 random bytes made once, when it
is created. That key is never stored in the clear: for every user the key
file holds a *slot* — the key encrypted with AES-256-GCM under a key derived
from that user's password with Argon2id (raw mode, its own random salt). So a
user is added, or a password changed or reset, by writing one slot, without
re-encrypting the database; removing a slot removes that user's way in.

A slot is found by a salted SHA-256 of the user name (the file does not list
who has accounts). A wrong password fails AES-GCM's authentication: the same
answer as an unknown user. Backups are encrypted with the same key, so the
key file is copied next to each backup set (backups.md) — lose both the key
file and its copies and the data is gone, by design.

The file is JSON, written atomically (temporary file, fsync, rename).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sst_desk.fileio import write_bytes_atomic
from sst_desk.persistence.cipher import key_file_for

FORMAT = 1
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id parameters for deriving a wrapping key (OWASP: m = 19 MiB, t = 2, p = 1)."""

    time_cost: int = 2
    memory_kib: int = 19 * 1024
    parallelism: int = 1


DEFAULT_KDF = KdfParameters()
CHEAP_KDF = KdfParameters(time_cost=1, memory_kib=64, parallelism=1)  # tests only
_kdf = DEFAULT_KDF


def use_cheap_parameters_for_tests() -> None:
    global _kdf
    _kdf = CHEAP_KDF


class KeyFileError(Exception):
    """The key file is missing, unreadable or damaged (``str()`` in English; the UI says it in Swedish)."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _normal(username: str) -> str:
    return username.strip().casefold()


class KeyFile:
    """The slots of one database's key file. Load with ``KeyFile.load``, create with ``KeyFile.new``."""

    def __init__(self, path: Path, data: dict) -> None:
        self.path = path
        self._data = data

    @classmethod
    def new(cls, path: Path) -> KeyFile:
        return cls(path, {"format": FORMAT, "name_salt": _b64(secrets.token_bytes(16)), "slots": {}})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileError(path, f"The key file {path} is missing.") from exc
        except OSError as exc:
            raise KeyFileError(path, f"The key file {path} cannot be read.") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
                raise ValueError("unknown format")
            _unb64(data["name_salt"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise KeyFileError(path, f"The key file {path} is damaged.") from exc
        return cls(path, data)

    @staticmethod
    def exists_for(db_file: Path) -> bool:
        return key_file_for(db_file).exists()

    def _slot_id(self, username: str) -> str:
        salt = _unb64(self._data["name_salt"])
        return hashlib.sha256(salt + _normal(username).encode("utf-8")).hexdigest()

    def has_slot(self, username: str) -> bool:
        return self._slot_id(username) in self._data["slots"]

    def __len__(self) -> int:
        return len(self._data["slots"])

    def set_slot(self, username: str, password: str, database_key: bytes) -> None:
        """Wrap ``database_key`` for ``username`` under ``password`` (a new or replaced slot). Call ``save``."""
        if len(database_key) != KEY_BYTES:
            raise ValueError("a database key is 32 bytes")
        slot_id = self._slot_id(username)
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kdf = _kdf
        wrapping = _derive(password, salt, kdf)
        wrapped = AESGCM(wrapping).encrypt(nonce, database_key, slot_id.encode("ascii"))
        self._data["slots"][slot_id] = {
            "kdf": "argon2id", "t": kdf.time_cost, "m": kdf.memory_kib, "p": kdf.parallelism,
            "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped),
        }

    def remove_slot(self, username: str) -> None:
        self._data["slots"].pop(self._slot_id(username), None)

    def unwrap(self, username: str, password: str) -> bytes | None:
        """The database key, or None for an unknown user or a wrong password (indistinguishable on purpose)."""
        slot_id = self._slot_id(username)
        slot = self._data["slots"].get(slot_id)
        if slot is None:
            # Spend the same time as a real attempt, so timing does not tell who has an account.
            _derive(password, b"\0" * 16, _kdf)
            return None
        try:
            kdf = KdfParameters(int(slot["t"]), int(slot["m"]), int(slot["p"]))
            wrapping = _derive(password, _unb64(slot["salt"]), kdf)
            return AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), slot_id.encode("ascii"))
        except InvalidTag:
            return None
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyFileError(self.path, f"The key file {self.path} is damaged.") from exc

    def save(self, path: Path | None = None) -> Path:
        """Write the key file atomically (mode 0600); returns where."""
        target = path or self.path
        write_bytes_atomic(json.dumps(self._data, indent=1, sort_keys=True).encode("utf-8"), target)  # mkstemp: 0600
        return target


def _derive(password: str, salt: bytes, kdf: KdfParameters) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=kdf.time_cost, memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism, hash_len=KEY_BYTES, type=Type.ID,
    )


def permissions_ok(path: Path) -> bool:
    """True when the key file is readable by its owner only (POSIX); always True elsewhere."""
    if os.name != "posix":
        return True
    return (path.stat().st_mode & 0o077) == 0
