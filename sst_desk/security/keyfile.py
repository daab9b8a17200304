"""The database key, reachable once per user: ``<database>.keys`` beside the database file.

The database is encrypted (SQLCipher) with 32 random bytes. That key is never
stored in the clear. Format 2 (this version) gives every user a *slot* holding:

- an X25519 key pair of that user's own: the public key in the clear, the
  private key encrypted with AES-256-GCM under a key derived from the user's
  password with Argon2id (raw mode, its own random salt);
- the database key *sealed* to the public key (an ephemeral X25519 key,
  HKDF-SHA256, AES-256-GCM): anyone may seal, only the password opens.

So the database can be re-keyed (``security/rekey.py``) without knowing anyone's
password: the new key is sealed to every remaining user's public key, and the
slot of a switched-off user is dropped. A password change or reset makes a NEW
key pair, so an old password opens only what an old copy of the file held.

During a re-key a slot holds more than one sealed key (newest first, and the
file is marked ``rekey_pending``): whichever key the database is under at that
moment, every remaining user can reach it (signin.unlock tries them).

A slot is found by a salted SHA-256 of the user name (the file does not list
who has accounts). A wrong password fails AES-GCM's authentication: the same
answer, after the same work, as an unknown user.

Format 1 (earlier versions: the database key wrapped directly under the
password key) is still read; such a slot is upgraded to format 2 at the user's
next sign-in (signin.unlock), when their password is at hand.

The file is JSON, written atomically (temporary file, fsync, rename), mode 0600.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sst_desk.fileio import write_bytes_atomic
from sst_desk.persistence.cipher import key_file_for

FORMAT = 2
READABLE_FORMATS = (1, 2)
KEY_BYTES = 32
_SEAL_INFO = b"sst-desk database key v2"


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


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _seal_key(ephemeral_public: bytes, recipient_public: bytes, shared: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=_SEAL_INFO + ephemeral_public + recipient_public).derive(shared)


def seal(database_key: bytes, recipient_public: bytes, aad: bytes) -> dict[str, str]:
    """``database_key`` encrypted so that only the holder of ``recipient_public``'s private key opens it."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_seal_key(ephemeral_public, recipient_public, shared)).encrypt(nonce, database_key, aad)
    return {"eph": _b64(ephemeral_public), "nonce": _b64(nonce), "ct": _b64(sealed)}


def unseal(box: dict, private: X25519PrivateKey, aad: bytes) -> bytes:
    """Open a ``seal``; InvalidTag if it was not sealed to this key."""
    ephemeral_public = _unb64(box["eph"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key = _seal_key(ephemeral_public, _raw_public(private.public_key()), shared)
    return AESGCM(key).decrypt(_unb64(box["nonce"]), _unb64(box["ct"]), aad)


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
        return cls.from_bytes(path, raw)

    @classmethod
    def from_bytes(cls, path: Path, raw: bytes) -> KeyFile:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") not in READABLE_FORMATS or not isinstance(data.get("slots"), dict):
                raise ValueError("unknown format")
            _unb64(data["name_salt"])
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise KeyFileError(path, f"The key file {path} is damaged.") from exc
        data["format"] = FORMAT  # format-1 slots are read as they are; the file is written as format 2
        return cls(path, data)

    @staticmethod
    def exists_for(db_file: Path) -> bool:
        return key_file_for(db_file).exists()

    def slot_id(self, username: str) -> str:
        salt = _unb64(self._data["name_salt"])
        return hashlib.sha256(salt + _normal(username).encode("utf-8")).hexdigest()

    _slot_id = slot_id

    def has_slot(self, username: str) -> bool:
        return self.slot_id(username) in self._data["slots"]

    def slot_format(self, username: str) -> int | None:
        """1 (an old slot: the key wrapped under the password), 2, or None when there is no slot."""
        slot = self._data["slots"].get(self.slot_id(username))
        if slot is None:
            return None
        return 2 if "public" in slot else 1

    def slot_ids(self) -> list[str]:
        return list(self._data["slots"])

    def format1_slot_ids(self) -> list[str]:
        return [sid for sid, slot in self._data["slots"].items() if "public" not in slot]

    def __len__(self) -> int:
        return len(self._data["slots"])

    @property
    def rekey_pending(self) -> bool:
        """True while a re-key is under way (or was interrupted): slots then hold the old and the new key."""
        return bool(self._data.get("rekey_pending"))

    @rekey_pending.setter
    def rekey_pending(self, value: bool) -> None:
        if value:
            self._data["rekey_pending"] = True
        else:
            self._data.pop("rekey_pending", None)

    # --- demo mark (a copy of the database's own mark, readable before sign-in) --------------------

    @property
    def demo_name(self) -> str | None:
        """The file name a demo database was made as (``demo/generate.py``); None for a real database."""
        value = self._data.get("demo")
        return value if isinstance(value, str) else None

    @demo_name.setter
    def demo_name(self, value: str | None) -> None:
        if value is None:
            self._data.pop("demo", None)
        else:
            self._data["demo"] = value

    # --- writing slots ----------------------------------------------------------------------------

    def set_slot(self, username: str, password: str, database_keys: bytes | Sequence[bytes]) -> None:
        """A NEW key pair for ``username`` under ``password``, with ``database_keys`` sealed to it. Call ``save``.

        ``database_keys``: one key, or several (newest first) while a re-key is under way.
        """
        keys = [database_keys] if isinstance(database_keys, bytes) else list(database_keys)
        if not keys or any(len(key) != KEY_BYTES for key in keys):
            raise ValueError("a database key is 32 bytes")
        slot_id = self.slot_id(username)
        private = X25519PrivateKey.generate()
        public = _raw_public(private.public_key())
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kdf = _kdf
        wrapping = _derive(password, salt, kdf)
        wrapped = AESGCM(wrapping).encrypt(nonce, _raw_private(private), _aad(slot_id, "private"))
        self._data["slots"][slot_id] = {
            "kdf": "argon2id", "t": kdf.time_cost, "m": kdf.memory_kib, "p": kdf.parallelism,
            "salt": _b64(salt), "nonce": _b64(nonce), "private": _b64(wrapped), "public": _b64(public),
            "sealed": [seal(key, public, _aad(slot_id, "database")) for key in keys],
        }

    def seal_for_everyone(self, database_keys: Sequence[bytes]) -> list[str]:
        """Seal ``database_keys`` (newest first) anew into every format-2 slot, replacing what they held.

        Returns the ids of format-1 slots, which cannot be given a key without their password.
        """
        old: list[str] = []
        for slot_id, slot in self._data["slots"].items():
            if "public" not in slot:
                old.append(slot_id)
                continue
            public = _unb64(slot["public"])
            slot["sealed"] = [seal(key, public, _aad(slot_id, "database")) for key in database_keys]
        return old

    def remove_slot(self, username: str) -> None:
        self._data["slots"].pop(self.slot_id(username), None)

    def remove_slot_id(self, slot_id: str) -> None:
        self._data["slots"].pop(slot_id, None)

    # --- reading ----------------------------------------------------------------------------------

    def unwrap_all(self, username: str, password: str) -> list[bytes] | None:
        """Every database key the slot holds (newest first); None for an unknown user or a wrong password."""
        slot_id = self.slot_id(username)
        slot = self._data["slots"].get(slot_id)
        if slot is None:
            # Spend the same time as a real attempt, so timing does not tell who has an account.
            _derive(password, b"\0" * 16, _kdf)
            return None
        try:
            kdf = KdfParameters(int(slot["t"]), int(slot["m"]), int(slot["p"]))
            wrapping = _derive(password, _unb64(slot["salt"]), kdf)
            if "public" not in slot:  # format 1
                return [AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                                 slot_id.encode("ascii"))]
            private_raw = AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["private"]),
                                                   _aad(slot_id, "private"))
        except InvalidTag:
            return None
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyFileError(self.path, f"The key file {self.path} is damaged.") from exc
        try:
            private = X25519PrivateKey.from_private_bytes(private_raw)
            keys = [unseal(box, private, _aad(slot_id, "database")) for box in slot["sealed"]]
        except (InvalidTag, KeyError, ValueError, TypeError) as exc:
            # The password was right, so the file was changed by hand or broken.
            raise KeyFileError(self.path, f"The key file {self.path} is damaged.") from exc
        if not keys:
            raise KeyFileError(self.path, f"The key file {self.path} is damaged.")
        return keys

    def unwrap(self, username: str, password: str) -> bytes | None:
        """The (newest) database key, or None for an unknown user or a wrong password (indistinguishable)."""
        keys = self.unwrap_all(username, password)
        return keys[0] if keys else None

    def to_bytes(self) -> bytes:
        return json.dumps(self._data, indent=1, sort_keys=True).encode("utf-8")

    def save(self, path: Path | None = None) -> Path:
        """Write the key file atomically (mode 0600); returns where."""
        target = path or self.path
        write_bytes_atomic(self.to_bytes(), target)  # mkstemp: 0600
        return target


def _aad(slot_id: str, what: str) -> bytes:
    # Binds each ciphertext to its slot and its role: a sealed key cannot be moved to another slot.
    return f"{slot_id}:{what}".encode("ascii")


def _derive(password: str, salt: bytes, kdf: KdfParameters) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=kdf.time_cost, memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism, hash_len=KEY_BYTES, type=Type.ID,
    )


def slot_ids_for(keys: KeyFile, usernames: Iterable[str]) -> dict[str, str]:
    """``{slot id: user name}`` for the given names (a slot does not say whose it is)."""
    return {keys.slot_id(name): name for name in usernames}


def permissions_ok(path: Path) -> bool:
    """True when the key file is readable by its owner only (POSIX); always True elsewhere."""
    if os.name != "posix":
        return True
    return (path.stat().st_mode & 0o077) == 0
