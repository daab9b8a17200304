"""A real team server for the tests (tests/integration and tests/ui import it): its own PostgreSQL database,
throwaway certificates, a subprocess.

``certificates(folder)`` makes a test CA and three server certificates with the ``cryptography`` package:
``good`` (signed by the CA, for localhost and 127.0.0.1), ``wrong_name`` (signed by the CA, for another host)
and ``self_signed`` (trusted by nobody). ``fresh_database()`` creates a scratch database beside the one in
SST_DESK_TEST_PG_URL (that role may create databases) and drops it afterwards, so a server test never wipes
the tables another test uses. ``TeamServer`` runs ``sst-desk serve --init`` and then ``sst-desk serve`` as
subprocesses, exactly as an operator would, and stops the server at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import secrets
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import sqlalchemy as sa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")
ADMIN = ("admin.server", "Ada Admin", "Rimfrost-Kompass-47")


def postgres_marks(timeout: int | None = None) -> list:
    """The ``pytestmark`` of a test module that needs PostgreSQL: marked ``postgres``, skipped without
    SST_DESK_TEST_PG_URL — but never in a run that requires it (``SST_DESK_REQUIRE_PG``, as run-tests.sh and
    CI set it): there a missing URL fails the module at once instead of skipping it without a word."""
    import pytest

    if not PG_URL and os.environ.get("SST_DESK_REQUIRE_PG"):
        raise RuntimeError("SST_DESK_REQUIRE_PG is set but SST_DESK_TEST_PG_URL is empty")
    marks = [pytest.mark.postgres,
             pytest.mark.skipif(not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")]
    if timeout is not None:
        marks.append(pytest.mark.timeout(timeout))
    return marks


@dataclass(frozen=True)
class Certificates:
    ca: Path
    good: tuple[Path, Path]  # (certificate, key)
    wrong_name: tuple[Path, Path]
    self_signed: tuple[Path, Path]


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _write(folder: Path, stem: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey | None) -> Path:
    path = folder / f"{stem}.crt"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    if key is not None:
        key_path = folder / f"{stem}.key"
        key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        key_path.chmod(0o600)
    return path


def _cert(subject: str, key, issuer_name: x509.Name, issuer_key, *, ca: bool, names: list[x509.GeneralName]):
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False),
            critical=True)
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                                        critical=False)
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                                        critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def certificates(folder: Path) -> Certificates:
    folder.mkdir(parents=True, exist_ok=True)
    ca_key = _key()
    ca_cert = _cert("SST Desk Test CA", ca_key, _name("SST Desk Test CA"), ca_key, ca=True, names=[])
    ca = _write(folder, "ca", ca_cert, None)
    local = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]

    def leaf(stem: str, names: list[x509.GeneralName], *, self_signed: bool = False) -> tuple[Path, Path]:
        key = _key()
        if self_signed:
            cert = _cert("localhost", key, _name("localhost"), key, ca=False, names=names)
        else:
            cert = _cert(stem, key, ca_cert.subject, ca_key, ca=False, names=names)
        path = _write(folder, stem, cert, key)
        return path, folder / f"{stem}.key"

    return Certificates(ca=ca, good=leaf("good", local),
                        wrong_name=leaf("wrong_name", [x509.DNSName("sst.elsewhere.example")]),
                        self_signed=leaf("self_signed", local, self_signed=True))


@contextlib.contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database on the test server; dropped afterwards."""
    url = sa.engine.make_url(PG_URL)
    name = f"sst_server_{secrets.token_hex(4)}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sst_desk(*args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120,
             ) -> subprocess.CompletedProcess[str]:
    """Run ``python -m sst_desk ARGS`` from the checkout, in English."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "",
                **(env or {})}
    return subprocess.run([sys.executable, "-m", "sst_desk", *args], input=stdin, capture_output=True,
                          text=True, env=full_env, timeout=timeout, cwd=ROOT)


class TeamServer:
    """``sst-desk serve`` on ``database`` with the certificate ``cert``, at https://127.0.0.1:PORT."""

    def __init__(self, database: str, state: Path, cert: tuple[Path, Path], ca: Path) -> None:
        self.database, self.state, self.cert, self.ca = database, state, cert, ca
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[str] | None = None
        self.log = state / "server.log"
        self.config: Path | None = None  # a configuration file to start with instead of the options
        self.workers = 1

    def init(self, admin: tuple[str, str, str] = ADMIN) -> subprocess.CompletedProcess[str]:
        username, display_name, password = admin
        return sst_desk("serve", "--init", "--database", self.database, "--state-dir", str(self.state),
                        stdin=f"{username}\n{display_name}\n{password}\n{password}\n")

    def start(self) -> None:
        """Start and wait until it answers over HTTPS with a certificate the CA file verifies."""
        self._launch()
        self._wait(lambda client: client.get(self.url + "/api/v1/health").status_code == 200,
                   ssl.create_default_context(cafile=str(self.ca)))

    def start_unchecked(self) -> None:
        """Start and wait until its port takes connections (its certificate may be one nobody trusts)."""

        def listening(_client) -> bool:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True

        self._launch()
        self._wait(listening, False)

    def _launch(self) -> None:
        args = [sys.executable, "-m", "sst_desk", "serve"]
        if self.config is not None:
            args += ["--config", str(self.config)]
        else:
            args += ["--database", self.database, "--cert", str(self.cert[0]), "--key", str(self.cert[1]),
                     "--host", "127.0.0.1", "--port", str(self.port), "--state-dir", str(self.state),
                     "--workers", str(self.workers)]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8"}
        self.state.mkdir(parents=True, exist_ok=True)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)

    def _wait(self, ready, verify) -> None:
        assert self.process is not None
        deadline = time.monotonic() + 60
        with httpx.Client(verify=verify, timeout=2) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server stopped: {self.log.read_text()}")
                try:
                    if ready(client):
                        return
                except (httpx.TransportError, OSError):
                    pass
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not answer within 60 s: {self.log.read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.process = None

    def log_text(self) -> str:
        return self.log.read_text() if self.log.exists() else ""


@contextlib.contextmanager
def team_server(folder: Path, *, cert: str = "good") -> Iterator[tuple[TeamServer, Certificates]]:
    """A fresh database, initialised with ``ADMIN``, served with the certificate ``cert``."""
    certs = certificates(folder / "tls")
    with fresh_database() as url:
        server = TeamServer(url, folder / "state", getattr(certs, cert), certs.ca)
        done = server.init()
        if done.returncode != 0:
            raise RuntimeError(f"serve --init failed: {done.stdout}{done.stderr}")
        server.start()
        try:
            yield server, certs
        finally:
            server.stop()


def populate_demo(database: str, folder: Path, *, students: int = 12, seed: int = 2) -> list[int]:
    """The demo's users (password ``DEMO_PASSWORD``, no change required), fictional cases with their members
    and attendance, and a school's export in ``folder`` to import: written straight into the server's
    database (raw storage access, as the demo generator does)."""
    from sst_desk.demo.accounts import assign_demo_members
    from sst_desk.demo.attendance import add_attendance, write_demo_export
    from sst_desk.demo.generate import populate
    from sst_desk.demo.users import DEMO_PASSWORD, DEMO_USERS
    from sst_desk.persistence import Database, accounts
    from sst_desk.security import passwords

    today = dt.date.today()
    db = Database.open(database)
    try:
        for username, name, role in DEMO_USERS:
            accounts.add_user(db, username, name, role, passwords.hash_password(DEMO_PASSWORD),
                              must_change_password=False)
        ids = populate(db, students=students, seed=seed, today=today)
        add_attendance(db, ids, seed, today)
        write_demo_export(db, folder, today)
        assign_demo_members(db)
    finally:
        db.close()
    return ids


def make_state(folder: Path) -> Path:
    """A server state folder with its secret, as ``serve --init`` leaves it."""
    from sst_desk.server.config import make_server_secret

    make_server_secret(folder / "secret")
    return folder


def key_the_log(database: str, state: Path) -> None:
    """Key ``database``'s access log with the secret in ``state`` (what ``serve --init`` does), so that the server
    can open it."""
    from sst_desk.server.config import ServerConfig, open_server_database

    open_server_database(ServerConfig(database=database, state_dir=state), key_log="tests").close()


def snapshot(database: str) -> dict[str, list[dict]]:
    """Every row of every SST Desk table in ``database`` (for ``restore``)."""
    from sst_desk.persistence.mapping import metadata

    engine = sa.create_engine(database)
    try:
        with engine.connect() as conn:
            return {table.name: [dict(row._mapping) for row in conn.execute(sa.select(table))]
                    for table in metadata.sorted_tables}
    finally:
        engine.dispose()


def restore(database: str, rows: dict[str, list[dict]], anchors: Path | None = None) -> None:
    """Put ``database`` back to ``rows`` (from ``snapshot``) in one transaction while a server keeps running on it:
    a test's own copy of the data without a new server process for each test.

    ``anchors``: the server's anchor file, emptied too — its heads belong to the chain being thrown away (the
    server writes no anchor below the newest it wrote, so the file stays consistent with the restored chain).
    """
    if anchors is not None and anchors.exists():
        time.sleep(1.2)  # the server anchors the last commit's head at most a second later (persistence/anchors.py)
        with open(anchors, "r+b") as handle:
            handle.truncate(0)
    from sst_desk.persistence.mapping import metadata

    engine = sa.create_engine(database)
    try:
        with engine.begin() as conn:
            names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            for table in metadata.sorted_tables:
                if rows.get(table.name):
                    conn.execute(sa.insert(table), rows[table.name])
                if "id" in table.c and table.c.id.autoincrement is not False and rows.get(table.name):
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f"(SELECT max(id) FROM \"{table.name}\"))")
    finally:
        engine.dispose()
