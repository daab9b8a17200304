"""The team server's configuration: where the database is, the TLS files, where it listens, its secret.

From a TOML file (``/etc/sst-desk/server.toml``) and/or the command line (``sst-desk serve``); the command
line wins. Every key::

    database = "postgresql+psycopg://sst_runtime:…@db.example/sst"   # the runtime role's URL
    cert = "/etc/sst-desk/tls/server.crt"                             # PEM certificate (chain)
    key = "/etc/sst-desk/tls/server.key"                              # PEM private key
    host = "0.0.0.0"
    port = 8443
    workers = 1                                                       # server processes
    runtime_role = "sst_desk_runtime"                                 # the role --init sets up
    state_dir = "/var/lib/sst-desk"                                   # holds `secret` and `anchors`
    secret_file = "/var/lib/sst-desk/secret"                          # default: state_dir/secret

``ConfigError`` says in one sentence what is wrong (a missing key, a file that is not there).
"""

from __future__ import annotations

import os
import secrets
import tomllib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8443
DEFAULT_STATE_DIR = Path("/var/lib/sst-desk")
SECRET_NAME = "secret"
ANCHORS_NAME = "anchors"
SECRET_BYTES = 32
MAX_BODY_BYTES = 16 * 1024 * 1024  # an attendance export or a logo is a few MB; a case graph far less


class ConfigError(ValueError):
    """The server's configuration cannot be used (the message is one sentence for the console)."""


@dataclass(frozen=True)
class ServerConfig:
    database: str = ""
    cert: Path | None = None
    key: Path | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    state_dir: Path = DEFAULT_STATE_DIR
    secret_file: Path | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    # Sessions (docs/server.md): idle minutes before a token lapses (each use slides it), and the absolute limit.
    idle_minutes: int = 30
    absolute_hours: int = 12
    # Server processes (uvicorn workers): the use cases are Python under one GIL per process; on a machine
    # with several cores more processes serve more people at once. They share nothing but the database.
    workers: int = 1
    # The database role the server connects as (``persistence.pgroles``; "" for its default, sst_desk_runtime).
    runtime_role: str = ""

    @property
    def secret_path(self) -> Path:
        return self.secret_file if self.secret_file is not None else self.state_dir / SECRET_NAME

    @property
    def anchors_path(self) -> Path:
        """The anchor file (``persistence.anchors``): the chain's heads, kept beside the secret."""
        return self.state_dir / ANCHORS_NAME

    def with_options(self, **options: Any) -> ServerConfig:
        """This configuration with the options given (not None) on top: the command line wins."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


_KEYS = {"database", "cert", "key", "host", "port", "state_dir", "secret_file", "max_body_bytes", "idle_minutes",
         "absolute_hours", "workers", "runtime_role"}
_PATHS = {"cert", "key", "state_dir", "secret_file"}
_INTS = {"port", "max_body_bytes", "idle_minutes", "absolute_hours", "workers"}


def load_config(path: Path) -> ServerConfig:
    """The configuration in the TOML file ``path``; ``ConfigError`` for a file that cannot be used."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"The configuration file {path} does not exist.") from exc
    except OSError as exc:
        raise ConfigError(f"The configuration file {path} cannot be read ({exc.strerror}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The configuration file {path} is not valid TOML ({exc}).") from exc
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"The configuration file {path} has an unknown key {unknown[0]!r}; the keys are "
                          f"{', '.join(sorted(_KEYS))}.")
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name in _INTS:
            if type(value) is not int or value <= 0:
                raise ConfigError(f"In {path}, {name} must be a positive whole number.")
        elif type(value) is not str or not value.strip():
            raise ConfigError(f"In {path}, {name} must be a non-empty string.")
        values[name] = Path(value) if name in _PATHS else value
    return ServerConfig(**values)


CONFIG_ENV = "SST_DESK_SERVER_CONFIG"
"""How ``sst-desk serve --workers N`` hands its configuration to the worker processes uvicorn starts."""


def to_environment(config: ServerConfig) -> str:
    return json.dumps({k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()})


def from_environment(text: str) -> ServerConfig:
    values = json.loads(text)
    return ServerConfig(**{k: (Path(v) if k in _PATHS and v is not None else v) for k, v in values.items()})


def load_server_secret(path: Path) -> bytes:
    """The server's secret (32 random bytes, the log chain's HMAC key); ``ConfigError`` if missing or wrong.

    Made by ``sst-desk serve --init`` (``make_server_secret``). Only the server reads it: the file is the
    server user's alone (0600), and it is refused when others may read it.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(f"The server's secret file {path} does not exist; run 'sst-desk serve --init' "
                          "first.") from exc
    except OSError as exc:
        raise ConfigError(f"The server's secret file {path} cannot be read ({exc.strerror}).") from exc
    if os.name == "posix" and mode & 0o077:
        raise ConfigError(f"The server's secret file {path} may be read by others; make it the server user's "
                          "alone (chmod 600).")
    if len(data) != SECRET_BYTES:
        raise ConfigError(f"The server's secret file {path} is not {SECRET_BYTES} bytes long; it is damaged.")
    return data


def open_server_database(config: ServerConfig, *, key_log: str | None = None):
    """The server's database, its access log keyed with the server's secret and anchored in its state folder.

    ``key_log`` (``serve --init`` only): key a log that is not keyed yet, the entry naming who did it.
    Raises ``ConfigError`` for a missing secret, the database's own errors otherwise (``LogKeyError`` for a
    log keyed with another secret, or not keyed and no ``key_log``; ``AnchorError`` for an anchor file that
    cannot be written).
    """
    from sst_desk.persistence import AnchorFile, Database

    secret = load_server_secret(config.secret_path)
    return Database.open(config.database, log_key=secret, anchors=AnchorFile(config.anchors_path, secret),
                         key_log=key_log)


def make_server_secret(path: Path) -> bool:
    """Write a new secret to ``path`` (0600) unless one is there; True when it was made now.

    Never replaces an existing secret: the access log's chain is keyed with it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        load_server_secret(path)  # there, and usable
        return False
    try:
        os.write(fd, secrets.token_bytes(SECRET_BYTES))
        os.fsync(fd)
    finally:
        os.close(fd)
    return True
