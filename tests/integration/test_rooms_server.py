"""Case rooms through the real team server (issue 14): ``sst-desk serve`` as a subprocess on PostgreSQL, over
real TLS; peers speak the Yjs sync protocol with the websockets client (``room_peer.RoomPeer``).

Joining is refused without a token (4401) and for a case the person may not see (4403, logged as denied); two
peers typing in one text converge and the tables hold the merged text after the debounce, each contributor's
EDIT logged once; the room is written when the last one leaves; a save made outside the room reaches it; a
refusal by the process rules sets ``meta.problem`` and loses nothing; the room outlives a server restart
(its state is in ``case_rooms``) and a peer that edited offline against it merges without duplicating text.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh); the module gets a server and database of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from pycrdt import Doc, Map

from sst_desk.collab.casedoc import read_case
from sst_desk.remote import wire
from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

from room_peer import Refused, RoomPeer, close_code
from server_harness import ADMIN, TeamServer, postgres_marks, team_server

pytestmark = postgres_marks(timeout=240)

SARA = ("sara.socionom", "Sara Socionom", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
TOVE = ("tove.teamledare", "Tove Teamledare", Role.TEAMLEDARE, "Lingonris-Hällebäck-51")
KARIN = ("karin.kurator", "Karin Kurator", Role.KURATOR, "Blåbärsris-Fjällgård-28")
OWN = "Egen-Lösenmening-Vintergata-82"


def sign_in(remote: RemoteServer, username: str, first: str) -> RemoteSession:
    session = remote.signin(username, first)
    if session.must_change_password:
        session.change_password(first, OWN + username[:4])
    return session


def token(session: RemoteSession) -> str:
    return session._token  # the session's bearer token, as the window's room client sends it


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path]]:
    folder = tmp_path_factory.mktemp("rooms-server")
    with team_server(folder) as (server, certs):
        yield server, certs.ca


@pytest.fixture(scope="module")
def remote(served) -> Iterator[RemoteServer]:
    server, ca = served
    with RemoteServer(server.url, ca_file=ca) as client:
        yield client


@pytest.fixture(scope="module")
def people(remote: RemoteServer) -> dict[str, RemoteSession]:
    admin = remote.signin(ADMIN[0], ADMIN[2])
    for username, name, role, password in (SARA, TOVE, KARIN):
        admin.door.accounts.create_user(username, name, role, password)
    return {username.split(".")[0]: sign_in(remote, username, password)
            for username, _name, _role, password in (SARA, TOVE, KARIN)}


_SEED = iter(range(100, 1000))


def new_case(people: dict[str, RemoteSession]) -> int:
    """A fictional case in aktualisering, made by Sara (she is responsible for it)."""
    from sst_desk.demo.generate import build_cases

    case = next(c for c in build_cases(40, seed=next(_SEED), today=dt.date.today()) if c.stage is Stage.AKTUALISERING)
    return people["sara"].door.cases.add_case(case).id


def log_rows(server: TeamServer, case_id: int, action: str) -> list[sa.Row]:
    engine = sa.create_engine(server.database)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(
                "SELECT username, action, detail FROM access_log WHERE case_id = :c AND action = :a ORDER BY seq"),
                {"c": case_id, "a": action}))
    finally:
        engine.dispose()


def room_row(server: TeamServer, case_id: int) -> sa.Row | None:
    engine = sa.create_engine(server.database)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT state, revision FROM case_rooms WHERE case_id = :c"),
                                {"c": case_id}).first()
    finally:
        engine.dispose()


def eventually(check: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.1)


def peer(served, session: RemoteSession, case_id: int, doc: Doc | None = None) -> RoomPeer:
    server, ca = served
    return RoomPeer(server.url, ca, token(session), case_id, doc).join()


def reason(p: RoomPeer) -> str:
    return str(p.text("reason"))


def test_join_refused_without_a_token_or_the_right_to_view(served, people) -> None:
    server, ca = served
    case_id = new_case(people)
    assert close_code(server.url, ca, None, case_id) == 4401
    assert close_code(server.url, ca, "not-a-token", case_id) == 4401
    assert close_code(server.url, ca, token(people["karin"]), case_id) == 4403  # not hers
    denied = log_rows(server, case_id, "denied")
    assert [row.username for row in denied] == [KARIN[0]]
    assert close_code(server.url, ca, token(people["sara"]), 999_999) == 4404


def test_two_peers_typing_in_one_text_converge_and_the_tables_hold_it(served, people) -> None:
    server, _ca = served
    case_id = new_case(people)
    people["sara"].door.cases.save_case(_with_reason(people["sara"].door.cases.load_case(case_id), "Frånvaro."))
    views_before = len(log_rows(server, case_id, "view"))
    sara, tove = peer(served, people["sara"], case_id), peer(served, people["tove"], case_id)
    assert len(log_rows(server, case_id, "view")) == views_before + 2  # joining is a logged view
    assert reason(sara) == reason(tove) == "Frånvaro."
    edits_before = log_rows(server, case_id, "edit")
    sara.text("reason").insert(0, "Hög ")  # at the start …
    tove.text("reason").insert(len("Frånvaro.".encode()), " Oro hemma.")  # … and at the end, at once
    sara.flush()
    tove.flush()
    for p in (sara, tove):
        p.pump(until=lambda p=p: reason(p) == "Hög Frånvaro. Oro hemma.", timeout=5)
    eventually(lambda: people["sara"].door.cases.load_case(case_id).reason == "Hög Frånvaro. Oro hemma.",
               timeout=10, what="the merged text in the tables")
    eventually(lambda: len(log_rows(server, case_id, "edit")) == len(edits_before) + 2, what="two EDITs")
    edits = log_rows(server, case_id, "edit")[len(edits_before):]
    assert sorted(row.username for row in edits) == sorted([SARA[0], TOVE[0]])  # one each, for the same save
    sara.pump(until=lambda: sara.meta().get("revision") == people["sara"].door.cases.load_case(case_id).revision)
    time.sleep(2.5)  # nothing more changed: no further save, no EDIT twice for the same typing
    assert len(log_rows(server, case_id, "edit")) == len(edits_before) + 2
    sara.close()
    tove.close()


def test_the_room_is_written_when_the_last_one_leaves(served, people) -> None:
    server, _ca = served
    case_id = new_case(people)
    sara = peer(served, people["sara"], case_id)
    text = sara.text("reason")
    text.insert(len(str(text).encode()), " Sista ordet.")
    sara.flush()
    sara.close()  # at once: well before the debounce would write it
    eventually(lambda: people["sara"].door.cases.load_case(case_id).reason.endswith(" Sista ordet."),
               what="the case written after the last one left")
    row = room_row(server, case_id)
    assert row is not None
    stored = Doc()
    stored.apply_update(bytes(row.state))
    assert str(stored.get("case", type=Map)["reason"]).endswith(" Sista ordet.")


def test_a_save_outside_the_room_reaches_it(served, people) -> None:
    _server, _ca = served
    case_id = new_case(people)
    tove = peer(served, people["tove"], case_id)
    case = people["sara"].door.cases.load_case(case_id)
    people["sara"].door.cases.save_case(_with_reason(case, "Sparat utanför rummet."))
    tove.pump(until=lambda: reason(tove) == "Sparat utanför rummet.", timeout=5)
    assert tove.meta()["revision"] == case.revision + 1
    tove.close()


def test_a_refusal_by_the_process_rules_sets_the_problem_and_loses_nothing(served, people) -> None:
    _server, _ca = served
    case_id = new_case(people)
    sara = peer(served, people["sara"], case_id)
    before = people["sara"].door.cases.load_case(case_id)
    absence = sara.doc.get("case", type=Map)["absence_percent"]
    sara.doc.get("case", type=Map)["absence_percent"] = 150.0  # out of range: refused by the rules, not lost
    sara.text("reason").insert(0, "Behålls. ")
    sara.flush()
    sara.pump(until=lambda: bool(sara.meta().get("problem")), timeout=10)
    findings = wire.decode(json.loads(sara.meta()["problem"]))
    assert findings and all(hasattr(f, "problem") for f in findings)
    assert people["sara"].door.cases.load_case(case_id).revision == before.revision  # nothing written
    assert reason(sara).startswith("Behålls. ")  # and nothing lost
    sara.doc.get("case", type=Map)["absence_percent"] = absence  # put right: the next change is saved
    sara.flush()
    sara.pump(until=lambda: sara.meta().get("problem") == "" and sara.meta().get("revision") == before.revision + 1,
              timeout=10)
    assert people["sara"].door.cases.load_case(case_id).reason.startswith("Behålls. ")
    sara.close()


def _with_reason(case, text: str):
    case.reason = text
    return case


def test_the_room_survives_a_restart_and_an_offline_peer_merges_without_duplicates(served, people) -> None:
    server, _ca = served
    case_id = new_case(people)
    people["sara"].door.cases.save_case(_with_reason(people["sara"].door.cases.load_case(case_id), "Början."))
    sara = peer(served, people["sara"], case_id)
    sara.close()
    eventually(lambda: room_row(server, case_id) is not None, what="the room's state stored")
    offline = sara.doc  # Sara's laptop keeps its copy and goes on typing without the server
    text = offline.get("case", type=Map)["reason"]
    text.insert(len(str(text).encode()), " Skrivet offline.")
    server.stop()
    server.start()
    tove_session, sara_session = people["tove"], people["sara"]  # sessions live in the database: still good
    tove = peer(served, tove_session, case_id)
    assert reason(tove) == "Början."
    tove.text("reason").insert(0, "Tove: ")
    tove.flush()
    back = RoomPeer(server.url, served[1], token(sara_session), case_id, offline).join()  # what she typed goes up
    expected = "Tove: Början. Skrivet offline."
    for p in (tove, back):
        p.pump(until=lambda p=p: reason(p) == expected, timeout=10)
    tove.close()
    back.close()
    eventually(lambda: sara_session.door.cases.load_case(case_id).reason == expected, what="merged into the tables")
    assert read_case(back.doc).reason == expected


def test_a_lapsed_session_or_a_lost_right_ends_the_connection(served, remote, people) -> None:
    server, _ca = served
    case_id = new_case(people)
    karin_id, sara_id = people["karin"].actor.user_id, people["sara"].actor.user_id
    people["tove"].door.cases.set_case_members(case_id, [sara_id, karin_id])
    second = remote.signin(TOVE[0], OWN + TOVE[0][:4])  # a second session of Tove's, to sign out
    tove, karin, sara = (peer(served, second, case_id), peer(served, people["karin"], case_id),
                         peer(served, people["sara"], case_id))
    second.signout()
    people["tove"].door.cases.set_case_members(case_id, [sara_id])  # Karin is no longer responsible
    sara.text("reason").insert(0, "Nu. ")
    sara.flush()  # the save checks everyone in the room again
    with pytest.raises(Refused) as ended:
        tove.pump(timeout=10)
    assert ended.value.code == 4401
    with pytest.raises(Refused) as ended:
        karin.pump(timeout=10)
    assert ended.value.code == 4403
    eventually(lambda: people["sara"].door.cases.load_case(case_id).reason.startswith("Nu. "),
               what="Sara's typing saved (the check comes first)")
    sara.close()


def test_presence_is_relayed_and_cleared_when_a_laptop_drops_off(served, people) -> None:
    case_id = new_case(people)
    sara, tove = peer(served, people["sara"], case_id), peer(served, people["tove"], case_id)
    state = {"user": {"name": "Sara Socionom", "initials": "SS", "colour": "#1b6ac9", "shape": "circle"},
             "field": "r1/reason"}
    sara.set_presence(state)
    tove.pump(until=lambda: state in tove.presence().values(), timeout=5)
    sara.drop()  # gone without a word (the network went)
    tove.pump(until=lambda: state not in tove.presence().values(), timeout=5)
    tove.close()


@pytest.mark.parametrize("seed", range(4))
def test_random_typing_with_drops_converges_and_loses_nothing(served, people, seed: int) -> None:
    """Three peers type into one text at random places between each other's words, drop off and come back
    (typing offline meanwhile): every peer, the room and the tables end identical, with every word once."""
    import random

    rng = random.Random(seed)
    case_id = new_case(people)
    sessions = [people["sara"], people["tove"], people["sara"]]  # Sara has the case open on two laptops
    peers = [peer(served, session, case_id) for session in sessions]
    online = [True, True, True]
    words: list[str] = []
    for step in range(45):
        number = rng.randrange(3)
        p = peers[number]
        if rng.random() < 0.12:
            if online[number]:
                p.drop()
            else:
                p.rejoin()
            online[number] = not online[number]
            continue
        text = p.text("closing_note")
        value = str(text)
        places = [0] + [i + 1 for i, c in enumerate(value) if c == ";"]  # between words, never inside one
        word = f"w{number}.{step};"
        text.insert(rng.choice(places), word)  # ASCII: a byte offset is a character's
        words.append(word)
        if online[number]:
            p.flush()
            if rng.random() < 0.5:
                p.pump(timeout=0.05)
    for number, p in enumerate(peers):
        if not online[number]:
            p.rejoin()
        p.flush()

    def settled() -> bool:
        for p in peers:
            p.pump(timeout=0.1)
        values = {str(p.text("closing_note")) for p in peers}
        return len(values) == 1 and len(next(iter(values))) == sum(len(w) for w in words)

    eventually(settled, timeout=20, what="every peer holding every word")
    final = str(peers[0].text("closing_note"))
    assert sorted(final.split(";")[:-1]) == sorted(w[:-1] for w in words)  # each word once, none lost
    for p in peers:
        p.close()
    eventually(lambda: people["sara"].door.cases.load_case(case_id).closing_note == final, timeout=15,
               what="the tables holding the merged text")
