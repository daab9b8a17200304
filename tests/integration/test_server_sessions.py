"""The team server's sessions, sign-in throttle and ``serve --init`` on PostgreSQL (docs/server.md, "Sessions").

The token rules run in this process against a real database of their own (a clock we move); revocation by a
switch-off and by password changes also over the wire; ``serve --init`` and ``serve`` as subprocesses.
"""

from __future__ import annotations

import datetime as dt
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.persistence import Database, accounts
from sst_desk.persistence.mapping import access_log, server_sessions
from sst_desk.persistence.server_sessions import SessionStore
from sst_desk.remote.client import RemoteServer
from sst_desk.remote.errors import SessionExpired
from sst_desk.security import passwords
from sst_desk.security.signin import SignInError
from sst_desk.server import setup
from sst_desk.server.auth import FREE_FAILURES, Authenticator, FailureThrottle
from sst_desk.server.config import SECRET_BYTES, ServerConfig
from sst_desk.services import Door
from sst_desk.workflow.access import Role

from server_harness import ADMIN, TeamServer, fresh_database, postgres_marks, sst_desk, team_server

pytestmark = postgres_marks(timeout=180)

T0 = dt.datetime(2031, 3, 3, 8, 0, tzinfo=dt.UTC)
PASSWORD = "Granskog-Väderkvarn-35"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def db() -> Iterator[Database]:
    with fresh_database() as url:
        database = Database.open(url)
        try:
            admin = setup.create_first_administrator(database, ADMIN[0], ADMIN[1], ADMIN[2])
            for username, role in (("sara", Role.SKOLSOCIONOM), ("tove", Role.TEAMLEDARE)):
                accounts.add_user(database, username, username.title(), role, passwords.hash_password(PASSWORD),
                                  must_change_password=False, actor=admin)
            yield database
        finally:
            database.close()


def auth_with(db: Database, clock: Clock, throttle: FailureThrottle | None = None) -> Authenticator:
    store = SessionStore(db, idle=dt.timedelta(minutes=30), absolute=dt.timedelta(hours=12), clock=clock)
    return Authenticator(db, ServerConfig(), sessions=store, throttle=throttle)


def test_only_a_hash_of_the_token_is_stored(db: Database) -> None:
    auth = auth_with(db, Clock())
    issued = auth.sign_in("sara", PASSWORD, "10.0.0.7")
    with db.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sa.select(server_sessions))]
    assert len(rows) == 1 and rows[0]["token_hash"] != issued.token and len(rows[0]["token_hash"]) == 64
    assert all(issued.token not in str(value) for value in rows[0].values())
    assert len(issued.token) >= 43  # 32 random bytes


def test_a_token_lapses_when_idle_slides_with_use_and_ends_at_the_absolute_limit(db: Database) -> None:
    clock = Clock()
    auth = auth_with(db, clock)
    token = auth.sign_in("sara", PASSWORD, "10.0.0.7").token
    for _ in range(20):  # used every 25 minutes: never idle for 30, but 12 h is the end
        clock.now += dt.timedelta(minutes=25)
        if clock.now >= T0 + dt.timedelta(hours=12):
            with pytest.raises(SessionExpired):
                auth.actor_for(token)
            break
        assert auth.actor_for(token).username == "sara"
    idle = auth.sign_in("sara", PASSWORD, "10.0.0.7").token
    clock.now += dt.timedelta(minutes=31)
    with pytest.raises(SessionExpired):
        auth.actor_for(idle)
    with pytest.raises(SessionExpired):
        auth.actor_for("not-a-token")


def test_switching_off_and_every_password_change_revoke_the_persons_tokens(db: Database) -> None:
    auth = auth_with(db, Clock())
    admin = auth.sign_in(ADMIN[0], ADMIN[2], "10.0.0.1").actor
    sara = accounts.find_user(db, "sara")
    first = auth.sign_in("sara", PASSWORD, "10.0.0.7").token
    tove = auth.sign_in("tove", PASSWORD, "10.0.0.8").token
    Door(db.uow, admin).accounts.reset_password(sara.id, "Kvällssol-Brygga-Ekorre-12")
    with pytest.raises(SessionExpired):
        auth.actor_for(first)
    assert auth.actor_for(tove).username == "tove"  # only that person's tokens
    # The person's own change (over the wire: POST /password) ends her other sessions and gives a new one.
    second = auth.sign_in("sara", "Kvällssol-Brygga-Ekorre-12", "10.0.0.7").token
    third = auth.sign_in("sara", "Kvällssol-Brygga-Ekorre-12", "10.0.0.9").token
    renewed = auth.change_password(second, "Kvällssol-Brygga-Ekorre-12", "Midvinter-Stjärnfall-Hage-88")
    with pytest.raises(SessionExpired):
        auth.actor_for(third)
    with pytest.raises(SessionExpired):
        auth.actor_for(second)
    assert auth.actor_for(renewed.token).username == "sara"
    Door(db.uow, admin).accounts.switch_off(sara.id)
    with pytest.raises(SessionExpired):
        auth.actor_for(renewed.token)
    with pytest.raises(SignInError) as off:
        auth.sign_in("sara", "Midvinter-Stjärnfall-Hage-88", "10.0.0.7")
    assert off.value.code == "inactive"


def test_a_rehash_at_sign_in_is_no_password_change(db: Database) -> None:
    auth = auth_with(db, Clock())
    issued = auth.sign_in("tove", PASSWORD, "10.0.0.8")
    # The same password hashed again with today's parameters, as a sign-in does after they were raised.
    accounts.record_sign_in(db, issued.actor, new_hash=passwords.hash_password(PASSWORD))
    assert auth.actor_for(issued.token).username == "tove"


def test_failed_sign_ins_are_slowed_per_name_and_per_address_and_logged(db: Database) -> None:
    now = [1000.0]
    throttle = FailureThrottle(clock=lambda: now[0])
    auth = auth_with(db, Clock(), throttle)
    for _ in range(FREE_FAILURES):
        with pytest.raises(SignInError) as wrong:
            auth.sign_in("sara", "wrong-password", "10.0.0.66")
        assert wrong.value.code == "wrong_credentials"
    with pytest.raises(SignInError) as wait:
        auth.sign_in("sara", PASSWORD, "10.0.0.99")  # the right password from elsewhere: the name must wait
    assert wait.value.code == "wait" and wait.value.seconds > 0
    with pytest.raises(SignInError) as wait:
        auth.sign_in("tove", PASSWORD, "10.0.0.66")  # another name from the same address waits too
    assert wait.value.code == "wait"
    now[0] += 2  # after the wait: a right password goes through and clears the name
    assert auth.sign_in("sara", PASSWORD, "10.0.0.99").actor.username == "sara"
    for _ in range(FREE_FAILURES):
        with pytest.raises(SignInError):
            auth.sign_in("nobody.at.all", "x", "10.0.0.67")
    with db.engine.connect() as conn:
        failed = conn.execute(sa.select(access_log.c.username, access_log.c.detail)
                              .where(access_log.c.action == "sign_in_failed")).all()
    details = [detail for _name, detail in failed]
    assert sum("name=sara;client=10.0.0.66;reason=wrong" in d for d in details) == FREE_FAILURES
    assert any("client=10.0.0.99;reason=wait" in d for d in details)
    unknown = [name for name, detail in failed if "10.0.0.67" in detail]
    assert len(unknown) == FREE_FAILURES and all(n.startswith("#") and "nobody" not in n for n in unknown)


def test_two_inits_at_once_make_one_administrator() -> None:
    with fresh_database() as url:
        first, second = Database.open(url), Database.open(url)
        outcomes: list[object] = []
        barrier = threading.Barrier(2)

        def init(database: Database, name: str) -> None:
            barrier.wait()
            try:
                outcomes.append(setup.create_first_administrator(database, name, "Ada", "Solvarv-Kustlinje-Ekbacke-9"))
            except setup.AlreadyInitialised as exc:
                outcomes.append(exc)

        threads = [threading.Thread(target=init, args=(d, n)) for d, n in ((first, "ada.one"), (second, "ada.two"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        try:
            assert sorted(type(o).__name__ for o in outcomes) == ["Actor", "AlreadyInitialised"]
            assert accounts.count_users(first) == 1
        finally:
            first.close()
            second.close()


def test_serve_init_and_serve_from_the_console(tmp_path: Path) -> None:
    with team_server(tmp_path) as (server, certs):
        secret = server.state / "secret"
        mode = stat.S_IMODE(secret.stat().st_mode)
        assert mode == 0o600 and len(secret.read_bytes()) == SECRET_BYTES
        before = secret.read_bytes()
        again = server.init(("someone.else", "Someone", "Havsörn-Lingon-Klippa-4"))
        assert again.returncode == 0 and "has accounts already" in again.stdout
        assert secret.read_bytes() == before  # never replaced: the log's chain is keyed with it
        with RemoteServer(server.url, ca_file=certs.ca) as remote:
            with pytest.raises(SignInError):
                remote.signin("someone.else", "Havsörn-Lingon-Klippa-4")
            remote.signin(ADMIN[0], ADMIN[2]).signout()
        no_tls = sst_desk("serve", "--database", server.database, "--state-dir", str(server.state))
        assert no_tls.returncode == 1 and "HTTPS only" in no_tls.stderr and "Traceback" not in no_tls.stderr
        mismatched = sst_desk("serve", "--database", server.database, "--state-dir", str(server.state),
                              "--cert", str(certs.good[0]), "--key", str(certs.wrong_name[1]))
        assert mismatched.returncode == 1 and "do not belong together" in mismatched.stderr
        no_secret = sst_desk("serve", "--database", server.database, "--state-dir", str(tmp_path / "empty"),
                             "--cert", str(certs.good[0]), "--key", str(certs.good[1]))
        assert no_secret.returncode == 1 and "serve --init" in no_secret.stderr
        a_file = sst_desk("serve", "--database", str(tmp_path / "x.sqlite3"), "--cert", str(certs.good[0]),
                          "--key", str(certs.good[1]))
        assert a_file.returncode == 1 and "PostgreSQL" in a_file.stderr


def test_serve_reads_its_configuration_file_and_runs_several_processes(tmp_path: Path) -> None:
    with team_server(tmp_path / "first") as (server, certs):
        server.stop()
        config = tmp_path / "server.toml"
        other = TeamServer(server.database, server.state, certs.good, certs.ca)
        config.write_text(f'database = "{server.database}"\ncert = "{certs.good[0]}"\nkey = "{certs.good[1]}"\n'
                          f'host = "127.0.0.1"\nport = {other.port}\nstate_dir = "{server.state}"\nworkers = 2\n')
        other.config = config
        other.start()
        try:
            with RemoteServer(other.url, ca_file=certs.ca) as remote:  # two processes, one database
                sessions = [remote.signin(ADMIN[0], ADMIN[2]) for _ in range(4)]
                assert all(len(s.door.accounts.list_users()) == 1 for s in sessions for _ in range(3))
                for session in sessions:
                    session.signout()
        finally:
            other.stop()
        config.write_text('databse = "typo"\n')
        wrong = sst_desk("serve", "--config", str(config))
        assert wrong.returncode == 1 and "unknown key 'databse'" in wrong.stderr
