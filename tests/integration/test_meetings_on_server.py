"""Issue 15 over a real team server (HTTPS, PostgreSQL): a worker sets her own phone through the door, the
server prints her kallelse with it, and the meeting's time and place travel in the case (migration 0010).

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from sst_desk.remote.client import RemoteServer
from sst_desk.reports.base import ReportContext
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Behorighet
from sst_desk.workflow.entities import Boostertraff, Case, Student
from sst_desk.workflow.process import Move, apply, open_case

from server_harness import ADMIN, postgres_marks, team_server

pytestmark = postgres_marks(timeout=180)

WORKER = ("sara.socionom", "Sara Lind", "Snöstorm-Tallbacka-93")
FIRST_PASSWORD = "Första-Lösen-Från-Ada-1"
NOW = dt.datetime.now(dt.UTC)


def test_own_phone_and_meeting_fields_over_the_server(tmp_path):
    with team_server(tmp_path) as (server, certs), RemoteServer(server.url, ca_file=certs.ca) as client:
        admin = client.signin(ADMIN[0], ADMIN[2])
        admin.door.accounts.create_user(WORKER[0], WORKER[1], Role.SKOLSOCIONOM, FIRST_PASSWORD)
        admin.signout()
        first = client.signin(WORKER[0], FIRST_PASSWORD)
        first.change_password(FIRST_PASSWORD, WORKER[2])
        first.signout()
        worker = client.signin(WORKER[0], WORKER[2])
        me = worker.door.accounts.set_own_phone("070-123 45 67")
        assert me.phone == "070-123 45 67" and me.password_hash == ""

        case = Case(student=Student("Noa", "Exempelsson", "Ekbackens skola", grade=9), raised_on=NOW.date())
        open_case(case, by=WORKER[0], at=NOW)
        apply(case, Move.NOT_ELIGIBLE, by=WORKER[0], at=NOW)
        case.gymnasiebehorighet = Behorighet.OKANT
        case.boosters.append(Boostertraff(planned_on=NOW.date() + dt.timedelta(days=90), start_time=dt.time(9, 30),
                                          place="Elevhälsans rum"))
        case_id = worker.door.cases.add_case(case).id
        back = worker.door.cases.load_case(case_id)
        assert (back.booster.start_time, back.booster.place) == (dt.time(9, 30), "Elevhälsans rum")
        assert back.gymnasiebehorighet is Behorighet.OKANT

        data = worker.door.printing.print_document(case_id, "kallelse", report=ReportContext(team_name="SST"),
                                                   today=NOW.date())
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)
        assert "Kontaktperson: Sara Lind, 070-123 45 67" in text and "kl. 09.30" in text
        worker.signout()

        admin = client.signin(ADMIN[0], ADMIN[2])
        (sara,) = [u for u in admin.door.accounts.list_users() if u.username == WORKER[0]]
        assert sara.phone == "070-123 45 67"
        admin.signout()
