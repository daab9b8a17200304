"""TLS between the client and the team server, with real certificates (tests/integration/server_harness.py):
a certificate this computer does not trust, one made out for another name, plain HTTP, and a server that does
not answer each end in their own sentence — never the one for the others, never a traceback.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desk.remote.client import RemoteServer
from sst_desk.remote.errors import (
    CaFileError,
    CertificateNameError,
    PlainHttpRefused,
    ServerUnreachableError,
    UntrustedCertificateError,
)
from sst_desk.security.signin import SignInError

from server_harness import ADMIN, Certificates, TeamServer, postgres_marks, team_server

pytestmark = postgres_marks(timeout=180)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TeamServer]]:
    """One database, served three times: with the good certificate, one for another name, a self-signed one."""
    folder = tmp_path_factory.mktemp("tls")
    with team_server(folder) as (good, certs):
        others = {name: TeamServer(good.database, good.state, getattr(certs, name), certs.ca)
                  for name in ("wrong_name", "self_signed")}
        try:
            for name, server in others.items():
                server.log = folder / f"{name}.log"
                server.start_unchecked()
            yield {"good": good, **others, "certs": certs}
        finally:
            for server in others.values():
                server.stop()


def test_the_good_certificate_with_the_ca_file_signs_in(servers) -> None:
    certs: Certificates = servers["certs"]
    with RemoteServer(servers["good"].url, ca_file=certs.ca) as remote:
        session = remote.signin(ADMIN[0], ADMIN[2])
        assert session.actor.username == ADMIN[0]
        session.signout()


def test_a_certificate_the_system_store_does_not_know_is_untrusted(servers) -> None:
    with RemoteServer(servers["good"].url) as remote, pytest.raises(UntrustedCertificateError) as caught:
        remote.signin(ADMIN[0], ADMIN[2])
    sentence = caught.value.sentence()
    assert "127.0.0.1" in sentence and "CA file" in sentence and "IT" in sentence
    assert not isinstance(caught.value, ServerUnreachableError)


def test_a_self_signed_certificate_is_untrusted_even_with_the_teams_ca_file(servers) -> None:
    certs: Certificates = servers["certs"]
    with RemoteServer(servers["self_signed"].url, ca_file=certs.ca) as remote:
        with pytest.raises(UntrustedCertificateError):
            remote.health()


def test_a_certificate_for_another_name_says_so(servers) -> None:
    certs: Certificates = servers["certs"]
    with RemoteServer(servers["wrong_name"].url, ca_file=certs.ca) as remote:
        with pytest.raises(CertificateNameError) as caught:
            remote.signin(ADMIN[0], ADMIN[2])
    assert "another name" in caught.value.sentence() and "127.0.0.1" in caught.value.sentence()
    assert not isinstance(caught.value, (UntrustedCertificateError, ServerUnreachableError))


def test_the_right_name_but_the_wrong_address_form_is_still_checked(servers) -> None:
    """``localhost`` is in the good certificate too; the name the person typed is what is checked."""
    certs: Certificates = servers["certs"]
    url = servers["good"].url.replace("127.0.0.1", "localhost")
    with RemoteServer(url, ca_file=certs.ca) as remote:
        assert "version" in remote.health()


@pytest.mark.parametrize("url", ["http://127.0.0.1:8443", "HTTP://sst.example", "ftp://sst.example",
                                 "sst.example:8443", "https://", "https://user:pw@sst.example"])
def test_plain_http_and_other_addresses_are_refused_before_anything_is_sent(url: str) -> None:
    with pytest.raises(PlainHttpRefused) as caught:
        RemoteServer(url)
    assert "plain HTTP is not allowed" in caught.value.sentence()
    assert "pw" not in caught.value.sentence()


def test_a_missing_ca_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CaFileError) as caught:
        RemoteServer("https://127.0.0.1:1", ca_file=tmp_path / "nope.pem")
    assert "nope.pem" in caught.value.sentence()
    (tmp_path / "junk.pem").write_text("not a certificate")
    with pytest.raises(CaFileError):
        RemoteServer("https://127.0.0.1:1", ca_file=tmp_path / "junk.pem")


def test_nothing_listening_is_unreachable_at_once() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    with RemoteServer(f"https://127.0.0.1:{port}") as remote, pytest.raises(ServerUnreachableError) as caught:
        remote.signin("x", "y")
    assert time.monotonic() - started < 5
    assert "cannot reach the server" in caught.value.sentence()


def test_a_silent_server_is_unreachable_after_the_timeout_not_a_hang() -> None:
    """A network that goes silent: the connection is accepted and then nothing comes (issue 13: > 90 s)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                held.append(conn)  # never answered
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        started = time.monotonic()
        with RemoteServer(f"https://127.0.0.1:{port}", connect_timeout=1, timeout=1.5) as remote:
            with pytest.raises(ServerUnreachableError):
                remote.signin("x", "y")
        assert time.monotonic() - started < 6
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        listener.close()


def test_a_stopped_server_is_unreachable_and_a_wrong_password_is_not(servers) -> None:
    certs: Certificates = servers["certs"]
    with RemoteServer(servers["good"].url, ca_file=certs.ca) as remote, pytest.raises(SignInError):
        remote.signin(ADMIN[0], "wrong-password-here")
