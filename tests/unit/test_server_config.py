"""The team server's configuration file and secret (sst_desk/server/config.py): one sentence for each mistake."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sst_desk.server.config import (
    SECRET_BYTES,
    ConfigError,
    ServerConfig,
    from_environment,
    load_config,
    load_server_secret,
    make_server_secret,
    to_environment,
)


def test_a_full_configuration_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "server.toml"
    path.write_text('database = "postgresql+psycopg://sst@db/sst"\ncert = "/etc/tls/s.crt"\nkey = "/etc/tls/s.key"\n'
                    'host = "0.0.0.0"\nport = 9443\nstate_dir = "/srv/sst"\nidle_minutes = 20\nworkers = 3\n')
    config = load_config(path)
    assert config == ServerConfig(database="postgresql+psycopg://sst@db/sst", cert=Path("/etc/tls/s.crt"),
                                  key=Path("/etc/tls/s.key"), host="0.0.0.0", port=9443, state_dir=Path("/srv/sst"),
                                  idle_minutes=20, workers=3)
    assert config.secret_path == Path("/srv/sst/secret")
    assert config.with_options(port=8000, host=None).port == 8000  # the command line wins where given
    assert from_environment(to_environment(config)) == config


@pytest.mark.parametrize("text, words", [
    ('databse = "x"\n', "unknown key 'databse'"),
    ("port = 0\n", "port must be a positive whole number"),
    ('port = "8443"\n', "port must be a positive whole number"),
    ('cert = ""\n', "cert must be a non-empty string"),
    ("database = \n", "not valid TOML"),
])
def test_a_wrong_configuration_file_is_one_sentence(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "server.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=words):
        load_config(path)


def test_a_missing_configuration_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_the_secret_is_made_once_for_the_server_user_only(tmp_path: Path) -> None:
    path = tmp_path / "state" / "secret"
    assert make_server_secret(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(path.read_bytes()) == SECRET_BYTES
    secret = load_server_secret(path)
    assert not make_server_secret(path)  # never replaced: the log's chain is keyed with it
    assert load_server_secret(path) == secret


def test_a_secret_others_may_read_or_of_the_wrong_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    with pytest.raises(ConfigError, match="serve --init"):
        load_server_secret(path)
    path.write_bytes(os.urandom(SECRET_BYTES))
    path.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_server_secret(path)
    path.chmod(0o600)
    path.write_bytes(b"short")
    with pytest.raises(ConfigError, match="damaged"):
        load_server_secret(path)
